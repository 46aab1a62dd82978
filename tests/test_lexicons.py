"""The extraction lexicons: every unit name is one pint understands, every currency has a rate."""
from __future__ import annotations

import pytest

from factcheck.lexicon import change_verbs_pattern, load
from factcheck.quantities import money_symbols, money_words, unit_names
from factcheck.units import pint_name_is_valid, unit_kind


def every_unit_name() -> set[str]:
    folded, exact = unit_names()
    return set(folded.values()) | set(exact.values())


@pytest.mark.parametrize("name", sorted(every_unit_name()))
def test_every_unit_name_is_understood_by_pint(name):
    assert pint_name_is_valid(name)


def test_every_length_unit_per_physical_thing_is_understood_by_pint():
    physical = {name for name in load("units")["per"].values() if name not in ("share", "person", "night", "season", "game")}
    assert all(pint_name_is_valid(name) for name in physical - {"MMBtu"})


def test_every_distance_unit_is_a_length_and_every_length_unit_a_distance():
    lengths = {name for name in every_unit_name() if unit_kind(name) == "[length]"}
    assert set(load("units")["distances"]["units"]) == lengths


def test_every_currency_code_has_a_rate():
    rates = load("currencies")["rates_to_usd"]
    codes = set(money_symbols().values()) | set(money_words().values())
    assert codes <= set(rates)


def test_every_glued_prefix_is_a_hedge_or_a_sign():
    hedges = {word for table in load("hedges").values() for word in table["words"]}
    for meaning in load("numbers")["glued_prefixes"].values():
        assert meaning == "negative" or meaning in hedges


def test_every_currency_word_that_is_also_a_unit_names_a_pint_unit():
    data = load("currencies")
    for word, name in data["unit_words"].items():
        assert word in data["words"] and pint_name_is_valid(name)


def test_the_change_verb_pattern_ends_at_from_after_a_change_verb():
    assert change_verbs_pattern().search("The toll was revised sharply down from ")
    assert change_verbs_pattern().search("Estimates ranged from ") is None
