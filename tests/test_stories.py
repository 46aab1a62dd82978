"""Stories: which articles report the same event (specification of factcheck.stories)."""
from __future__ import annotations

from factcheck.stories import related_pairs

from conftest import article

FLOOD_A = ("The Varna river burst its banks at Ostrava on Sunday; the regional emergency office "
           "evacuated the riverside districts and sandbags lined the Ostrava embankment.")
FLOOD_B = ("Floodwater from the Varna reached the Ostrava embankment overnight, and the emergency "
           "office ordered riverside districts evacuated as sandbags ran short.")
HEIST = ("Masked thieves rammed a jeweller's window on Rue Castel in Lyon and escaped with watches "
         "and diamond necklaces before police arrived at the boutique.")


def pair(*names: str) -> frozenset[str]:
    return frozenset(names)


def corpus():
    return [article("a.md", FLOOD_A), article("b.md", FLOOD_B), article("c.md", HEIST)]


def test_two_reports_of_one_flood_tell_one_story():
    assert pair("a.txt", "b.txt") in related_pairs(corpus())


def test_a_flood_and_a_heist_are_different_stories():
    related = related_pairs(corpus())
    assert pair("a.txt", "c.txt") not in related and pair("b.txt", "c.txt") not in related


def test_only_with_keeps_the_pairs_that_touch_the_draft():
    related = related_pairs(corpus() + [article("d.md", FLOOD_A + " " + FLOOD_B)], frozenset({"d.txt"}))
    assert related and all("d.txt" in found for found in related)
