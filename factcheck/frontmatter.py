"""Front matter that YAML cannot read, read the way its author meant it.

Real sites write ``title: Mine blast: 9 dead`` unquoted, paste control characters into titles
and state dates that do not exist; YAML refuses all of these. This reader takes each
``key: value`` line (the value is everything after the first colon, outer quotes dropped) and
skips any other line, so an article keeps its title, date and source, and its body is never lost.
"""
from __future__ import annotations

import regex

KEY_VALUE = regex.compile(r"(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]+(?P<value>\S.*?)[ \t]*")
QUOTES = ('"', "'")


def key_values(block: str) -> dict[str, str]:
    """The ``key: value`` lines of a front-matter block; a key stated twice keeps its first value."""
    found: dict[str, str] = {}
    for line in block.split("\n"):
        match = KEY_VALUE.fullmatch(line)
        if match:
            found.setdefault(match.group("key"), _unquoted(match.group("value")))
    return found


def _unquoted(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in QUOTES:
        return value[1:-1]
    return value
