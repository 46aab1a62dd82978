"""quantulum3's unit knowledge as extra entries of the unit lexicon: the surfaces (names as
written, "kilonewton", "light-year") and symbols ("GeV", "kJ") of the units in its data, each
with the unit's pint name.

Only its data is read (the JSON files its package ships, found without importing it), once,
when the scanner is first built: quantulum3's parser costs too much per call for the hot path,
and its classifier's output depends on the hash seed. Entries are taken in sorted order, so the
lexicon is the same in every run, and never replace an entry of lexicons/units.toml. Left out,
by the ``[quantulum]`` table of units.toml: kinds of unit the other lexicons know better
(money, counts), unit names that are also words of news copy ("league", "henry", "cup") and
names pint does not know; and surfaces that are English words in quantulum3's own list of
common words, or too short to tell from one.
"""
from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from typing import Any

from factcheck.lexicon import fold, load

MIN_SURFACE_LETTERS = 4  # "gram" and longer; shorter written names are symbols or words
MIN_SYMBOL_LENGTH = 2  # one letter after a figure is anything ("5 m", "10 a")
MIN_LOWER_SYMBOL_LENGTH = 3  # "in", "pt", "st" after a figure are words or ordinals


def _data_folder() -> Path | None:
    """quantulum3's installed package folder, found without running its code."""
    spec = importlib.util.find_spec("quantulum3")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _read(path: Path) -> Any:
    return json.loads(path.read_text("utf-8"))


@cache
def quantulum_units() -> dict[str, dict[str, Any]]:
    """Unit name -> its entry (``surfaces``, ``symbols``, ``entity``): the general data with the
    English data laid over it, as quantulum3 merges them; empty when it is not installed."""
    folder = _data_folder()
    if folder is None or not (folder / "units.json").is_file():
        return {}
    units: dict[str, dict[str, Any]] = _read(folder / "units.json")
    english = folder / "_lang" / "en_US" / "units.json"
    for name, entry in (_read(english) if english.is_file() else {}).items():
        units[name] = {**units.get(name, {}), **entry}
    return units


@cache
def _common_words() -> frozenset[str]:
    folder = _data_folder()
    path = folder / "_lang" / "en_US" / "common-words.json" if folder else None
    if path is None or not path.is_file():
        return frozenset()
    return frozenset(fold(word) for words in _read(path).values() for word in words)


def pint_name(name: str) -> str:
    """quantulum3's unit name as pint reads it, in the lexicon's spelling: "light-year" ->
    "light_year", "square metre" -> "metre ** 2", "metre per second" -> "metre / second"."""
    numerator, _, denominator = name.partition(" per ")
    return " / ".join(_powered(part) for part in (numerator, denominator) if part)


def _powered(words: str) -> str:
    for word, power in (("square ", 2), ("cubic ", 3)):
        if words.startswith(word):
            return f"{_powered(words[len(word):])} ** {power}"
    return words.replace(" ", "_").replace("-", "_")


def _plurals(surface: str) -> tuple[str, str]:
    """The surface and its regular plural, of the word before "per" or else the last word
    ("metres per second", "cubic metres"; irregular plurals are left out)."""
    head, per, tail = surface.partition(" per ")
    ending = "es" if head.endswith(("s", "x", "z", "ch", "sh")) else "s"
    return surface, head + ending + per + tail


def _kept(name: str, entry: dict[str, Any], rules: dict[str, Any]) -> bool:
    return (entry.get("entity") not in rules["skip_entities"] and name not in rules["not_units"]
            and name not in rules["unknown_to_pint"])


def _symbol_kept(symbol: str, common: frozenset[str], rules: dict[str, Any]) -> bool:
    """A symbol with a capital or a sign ("GeV", "µg"), or a lower-case one of three letters or
    more that is no English word ("kgf", "tbsp")."""
    if symbol.strip() != symbol or symbol in rules["not_units"] or fold(symbol) in common:
        return False
    marked = any(char.isupper() or not char.isascii() for char in symbol)
    return len(symbol) >= (MIN_SYMBOL_LENGTH if marked else MIN_LOWER_SYMBOL_LENGTH)


@cache
def extra_units() -> tuple[dict[str, str], dict[str, str]]:
    """(surface -> pint name, case folded (``lexicon.fold``); symbol -> pint name, as written)."""
    rules = load("units")["quantulum"]
    common = _common_words()
    folded: dict[str, str] = {}
    exact: dict[str, str] = {}
    for name, entry in sorted(quantulum_units().items()):
        if not _kept(name, entry, rules):
            continue
        for surface in sorted(entry.get("surfaces", [])):
            word = fold(surface)
            letters = sum(char.isalpha() for char in word)
            if letters >= MIN_SURFACE_LETTERS and word not in common and word not in rules["not_units"]:
                for form in _plurals(word):
                    folded.setdefault(form, pint_name(name))
        for symbol in sorted(entry.get("symbols", [])):
            if _symbol_kept(symbol, common, rules):
                exact.setdefault(symbol, pint_name(name))
    return folded, exact
