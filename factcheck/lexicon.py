"""Loads the lexicons in ``factcheck/lexicons``: data apart from code, read once per process."""
from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

import regex


def fold(text: str) -> str:
    """Text as the lexicon tables key it: Unicode case folding, the same folding on both sides
    of every lookup. A pattern that ignores case matches "ſ" (long s) as "s" and the Kelvin
    sign as "k"; ``str.lower`` keeps them, so a figure the pattern found would miss its table
    entry. The regex engine also takes "İ" for "i", which ``str.casefold`` makes "i" and a
    combining dot. Every table of lexicon words is keyed by ``fold``, and every lookup folds."""
    return text.casefold().replace("i\u0307", "i")


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed TOML lexicon ``name`` (without the ``.toml``)."""
    text = resources.files("factcheck.lexicons").joinpath(f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)


def alternation(words: list[str] | set[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal words, longest first so that "at least" beats "at"."""
    escaped = sorted({regex.escape(word) for word in words}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(escaped) + ")" if escaped else "(?!)"


def word_pieces(lists: dict[str, list[str]], exact: dict[str, list[str]] | None = None) -> dict[str, str]:
    """Named pieces from word lists: ``{name}`` matches any word of the list (in any case when
    the pattern ignores case), ``{Name}`` only its capitalised form ("Share", "Pending Comments",
    as a page writes a counter); the lists in ``exact`` match only as written."""
    pieces = {name: alternation(words) for name, words in lists.items()}
    pieces |= {name.capitalize(): f"(?-i:{alternation([word.title() for word in words])})"
               for name, words in lists.items()}
    pieces |= {name: f"(?-i:{alternation(words)})" for name, words in (exact or {}).items()}
    return pieces


def expand_pieces(pattern: str, pieces: dict[str, str]) -> str:
    """Replace every ``{name}`` in a pattern by its named piece, statcheck-style."""
    for name, piece in pieces.items():
        pattern = pattern.replace("{" + name + "}", piece)
    return pattern


@cache
def change_verbs_pattern() -> regex.Pattern:
    """A change verb shortly before "from", ending where the old figure starts: "was revised
    down from " (lexicons/revisions.toml [superseded] change_verbs). In "revised from eight to
    six" the first figure is an old value, not the low end of a range. Shared by the extractor
    (which keeps the two figures apart) and the context step (which sets the old one aside)."""
    verbs = load("revisions")["superseded"]["change_verbs"]
    return regex.compile(rf"\b{alternation(verbs)}\b(?:\W+\w+){{0,4}}?\s+from\s+$", regex.I)
