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

from factcheck.lexicon import expand_pieces, load, word_pieces


@cache
def _pieces() -> dict[str, str]:
    """The named pieces of the furniture patterns: its word lists, then its `[pieces]`."""
    data = load("furniture")
    pieces = word_pieces(data["words"])
    for name, piece in data["pieces"].items():
        pieces[name] = expand_pieces(piece, pieces)
    return pieces


def inline_patterns() -> list[str]:
    """Furniture inside a line of text ("Image 3 of 8", "3 min read"), as regular expressions
    that the extractor adds to its non-claims."""
    return [expand_pieces(pattern, _pieces()) for pattern in load("furniture")["inline"]["patterns"]]


@cache
def _patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern, int]:
    data = load("furniture")
    pieces = _pieces()
    lines = "|".join(f"(?:{expand_pieces(p, pieces)})" for p in data["lines"]["patterns"])
    openers = "|".join(f"(?:{p})" for p in data["blocks"]["openers"])
    flags = regex.IGNORECASE | regex.VERSION1
    return (
        regex.compile(lines, flags),
        regex.compile(openers, flags),
        regex.compile(data["blocks"]["prose_endings"]),
        int(data["blocks"]["prose_min_words"]),
    )


MAX_FURNITURE_LINE = 1000  # the longest furniture line of the shared corpora: 313 (a gallery caption)


def is_furniture_line(line: str) -> bool:
    """True when the stripped line is furniture on its own (a share count, a read time...).
    A longer line than any furniture is article text: the patterns' lookaheads cost time
    growing with the square of a line's length."""
    furniture, _, _, _ = _patterns()
    stripped = line.strip()
    return len(stripped) <= MAX_FURNITURE_LINE and furniture.fullmatch(stripped) is not None


def opens_block(line: str) -> bool:
    _, openers, _, _ = _patterns()
    stripped = line.strip(" •·*#\t")
    return len(stripped) <= MAX_FURNITURE_LINE and openers.fullmatch(stripped) is not None


def reads_as_prose(line: str) -> bool:
    _, _, endings, min_words = _patterns()
    stripped = line.strip()
    return len(stripped.split()) >= min_words and endings.search(stripped) is not None


@cache
def _gallery() -> tuple[regex.Pattern, regex.Pattern]:
    data = load("furniture")["gallery"]
    return regex.compile(data["header"], regex.IGNORECASE), regex.compile(data["counter"])


def gallery_captions(line: str) -> list[tuple[int, int]] | None:
    """The spans of the captions of a gallery dumped on one line, or None for any other line.

    A caption runs from after its counter ``k/N`` (N the header's count) to the next counter."""
    header_pattern, counter_pattern = _gallery()
    header = header_pattern.search(line)
    if header is None:
        return None
    count = header.group("count")
    counters = [m for m in counter_pattern.finditer(line, header.end()) if m.group("count") == count]
    ends = [m.start() for m in counters[1:]] + [len(line)]
    return [_stripped(line, m.end(), end) for m, end in zip(counters, ends) if line[m.end():end].strip()]


def _stripped(line: str, start: int, end: int) -> tuple[int, int]:
    text = line[start:end]
    return start + len(text) - len(text.lstrip()), end - len(text) + len(text.rstrip())


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
