"""Vocabulary: what the lexicons say about predicate classes and counted words, for every stage
that reads claims (context sets them, match and rules compare by them)."""
from __future__ import annotations

from functools import cache

from factcheck.lexicon import load


@cache
def predicate_classes() -> dict[str, dict]:
    """Every predicate class and its settings (lexicons/predicates.toml)."""
    return load("predicates")


@cache
def growing_predicates() -> frozenset[str]:
    """Counts that only rise as reporting goes on (deaths, injuries, displaced people)."""
    return frozenset(name for name, table in predicate_classes().items() if table.get("grows"))


@cache
def uncompared_predicates() -> frozenset[str]:
    """Classes whose figures are never compared."""
    return frozenset(name for name, table in predicate_classes().items() if table.get("compare") is False)


@cache
def holder_predicates() -> frozenset[str]:
    """Classes whose figures are compared only between figures of one named person (ages)."""
    return frozenset(name for name, table in predicate_classes().items() if table.get("compare") == "holder")


@cache
def measure_predicates() -> frozenset[str]:
    """Classes that measure a thing (its depth, worth, magnitude) rather than count things."""
    return frozenset(name for name, table in predicate_classes().items() if table.get("measure"))


@cache
def pronoun_numbers() -> frozenset[str]:
    """Number words that are pronouns unless a noun follows ("the other one")."""
    return frozenset(load("counted")["pronoun_numbers"]["words"])


@cache
def strict_hedges() -> frozenset[str]:
    """Hedge words whose bound excludes the stated value ("nearly 300", "more than 300")."""
    return frozenset(word for table in load("hedges").values() for word in table.get("strict", []))
