"""Page furniture: tells which lines of a page are the article and which are not.

Patterns live in ``lexicons/furniture.toml``. A line is dropped when it matches a furniture
pattern on its own (share counts, read times, bylines, promotions), or when it sits in a block
opened by a furniture header ("BREAKING", "Most Read", "Related News") and does not read as
article prose.
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from factcheck.lexicon import expand_pieces, load


@cache
def _patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern, int]:
    data = load("furniture")
    pieces = data["pieces"]
    lines = "|".join(f"(?:{expand_pieces(p, pieces)})" for p in data["lines"]["patterns"])
    openers = "|".join(f"(?:{p})" for p in data["blocks"]["openers"])
    flags = regex.IGNORECASE | regex.VERSION1
    return (
        regex.compile(lines, flags),
        regex.compile(openers, flags),
        regex.compile(data["blocks"]["prose_endings"]),
        int(data["blocks"]["prose_min_words"]),
    )


def is_furniture_line(line: str) -> bool:
    """True when the stripped line is furniture on its own (a share count, a read time...)."""
    furniture, _, _, _ = _patterns()
    return furniture.fullmatch(line.strip()) is not None


def opens_block(line: str) -> bool:
    _, openers, _, _ = _patterns()
    return openers.fullmatch(line.strip(" •·*#\t")) is not None


def reads_as_prose(line: str) -> bool:
    _, _, endings, min_words = _patterns()
    stripped = line.strip()
    return len(stripped.split()) >= min_words and endings.search(stripped) is not None


def body_lines(lines: list[str]) -> Iterator[int]:
    """Indexes of the lines that belong to the article body."""
    in_block = False
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if opens_block(line):
            in_block = True
            continue
        if in_block and not reads_as_prose(line):
            continue
        in_block = False
        if not is_furniture_line(line):
            yield index
