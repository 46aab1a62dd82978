"""Answers of slow libraries that the cache keeps from one run to the next.

Judging one story component asks pint for the measure of its unit names and lemminflect for the
readings of its words; the first question costs each library its start (importing pint and
reading its definitions, about 0.5 s; loading lemminflect's tables, about 0.2 s), a large
part of a warm run in which one article changed. Both answers depend only on the question and
the library's version (which is in the cache's engine hash), so the answers of earlier runs
(those of the worker processes too) are kept in the cache and given back before judging: a
question answered before never starts its library again.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

KINDS = ("measures", "lemmas")  # pint's measure of a unit name; lemminflect's readings of a word

_known: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
_new: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}


def recall(kind: str, question: str) -> Any | None:
    """The answer given before (in this process or kept by the cache), or None."""
    return _known[kind].get(question)


def keep(kind: str, question: str, answer: Any) -> None:
    """An answer just worked out (JSON: lists for tuples), to be kept for the next runs."""
    _known[kind][question] = answer
    _new[kind][question] = answer


def teach(answers: Mapping[str, Mapping[str, Any]]) -> None:
    """Answers the cache kept, by kind."""
    for kind, found in answers.items():
        if kind in _known:
            _known[kind].update(found)


def fresh() -> dict[str, dict[str, Any]]:
    """The answers worked out in this process since the last call (sent back by a worker)."""
    found = {kind: dict(answers) for kind, answers in _new.items()}
    for answers in _new.values():
        answers.clear()
    return found
