"""One copy of each equal value a document's records carry.

A figure-dense article repeats the same nouns, units, places, numbers and whole readings in
every figure; a record holding copies of its own would make a flattened table cost many times
its size. Extraction shares them per document, through one ``OneCopy``.
"""
from __future__ import annotations

from collections.abc import Hashable
from typing import TypeVar

Shared = TypeVar("Shared", str, tuple[str, ...], float, None)
Record = TypeVar("Record")


class OneCopy:
    """The first of each equal value met, given back for every equal one after it."""

    def __init__(self) -> None:
        self._seen: dict[object, object] = {}

    def __call__(self, value: Shared) -> Shared:
        if value is None or value == 0:  # 0.0 and -0.0 are equal keys, but print apart
            return value
        return self._seen.setdefault(value, value)  # type: ignore[return-value]

    def keyed(self, value: Record, key: Hashable) -> Record:
        """The first value met with an equal ``key`` (a record whose equality a zero's sign
        escapes keys on the record and that sign)."""
        return self._seen.setdefault(key, value)  # type: ignore[return-value]
