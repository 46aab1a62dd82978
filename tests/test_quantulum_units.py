"""quantulum3's unit data beside the unit lexicon: units only it knows are read, the lexicon's
own entries win, words of news copy stay words, and every name is one pint understands."""
from __future__ import annotations

import pytest

from factcheck.quantities import find_quantities, quantulum_surfaces, unit_names
from factcheck.quantulum_units import extra_units, pint_name, quantulum_units
from factcheck.units import pint_name_is_valid


def unit_of(text: str) -> str:
    quantity, = find_quantities(text)
    return quantity.unit


def test_quantulum3_data_is_read_without_importing_it():
    import sys
    assert quantulum_units() and "quantulum3" not in sys.modules


@pytest.mark.parametrize("text, unit", [
    ("The crane lifts a load of 40 kilonewtons.", "kilonewton"),
    ("The galaxy is 12 light-years away.", "light_year"),
    ("The collider reached 13 TeV.", "teraelectronvolt"),
    ("The reservoir holds 3 cubic kilometres of water.", "kilometre ** 3"),
])
def test_a_unit_only_quantulum3_knows_is_read(text, unit):
    assert unit_of(text) == unit


def test_the_lexicon_wins_over_quantulum3_for_a_surface_it_knows():
    folded, exact = unit_names()
    extra_folded, extra_exact = quantulum_surfaces()
    known = set(folded) | {symbol.lower() for symbol in exact}
    assert extra_folded and not known & set(extra_folded)
    assert not known & {symbol.lower() for symbol in extra_exact}


@pytest.mark.parametrize("name", sorted(set().union(*(table.values() for table in quantulum_surfaces()))))
def test_every_quantulum3_unit_name_is_understood_by_pint(name):
    assert pint_name_is_valid(name)


@pytest.mark.parametrize("text", [
    "Three quarters of the 600 workers voted for the strike.",
    "He scored 68 league goals for the club.",
    "The firm bought 5 Tesla cars for its fleet.",
])
def test_unit_names_that_are_news_words_stay_words(text):
    assert all(quantity.unit in ("count", "fraction") for quantity in find_quantities(text))  # "three quarters of": a share


def test_short_lower_case_symbols_are_left_out():
    _, symbols = extra_units()
    assert "in" not in symbols and "pt" not in symbols and "GeV" in symbols


@pytest.mark.parametrize("name, spelled", [("light-year", "light_year"), ("square metre", "metre ** 2"),
                                           ("metre per second", "metre / second"),
                                           ("kilogram per cubic metre", "kilogram / metre ** 3")])
def test_quantulum3_names_are_spelled_as_pint_reads_them(name, spelled):
    assert pint_name(name) == spelled
