"""Case folding (issue 11, item 16): a pattern that ignores case matches "ſ" (long s) as "s" and
the Kelvin sign as "k"; the lexicon lookup of what it matched folds the same way, so such an
article is read like its plain spelling instead of being dropped on a KeyError."""
from __future__ import annotations

import pytest
import regex

from factcheck.extract import claims_in
from factcheck.ingest import parse_text
from factcheck.lexicon import fold

LONG_S, KELVIN = "\u017f", "\u212a"


def read(text: str) -> list[tuple]:
    claims = claims_in(parse_text("wire.txt", text)[0])
    return [(claim.value, claim.unit, claim.counted, claim.predicate, claim.hedge) for claim in claims]


@pytest.mark.parametrize("sentence", [
    "The fire burned 5 square metres and 3 acres in 2 months.",  # units
    "The repairs cost 5 million dollars.",  # currency word
    "The storm hit on 5 September 2024, and 40 people were missing.",  # month, predicate
    "Rescuers found 12 passengers and 3 firefighters.",  # counted nouns
    "Five thousand people left their homes.",  # number and scale words
    "At least 40 people were shot.",  # hedge
    "The wind reached 40 kilometres per hour.",  # unit and rate
    "The harvest was 40 bushels.",  # a unit of quantulum3's
])
def test_a_long_s_or_kelvin_sign_reads_as_the_plain_letter(sentence):
    odd = sentence.replace("s", LONG_S).replace("k", KELVIN).replace("I", "\u0130")
    assert read(odd) == read(sentence) != []


def test_every_character_a_case_blind_pattern_takes_for_a_letter_folds_to_it():
    """The property the lookups rely on: ``fold`` agrees with the regex engine's matching."""
    letters = [(letter, regex.compile(letter, regex.IGNORECASE)) for letter in "abcdefghijklmnopqrstuvwxyz"]
    cased = (chr(code) for code in range(0x80, 0x110000) if not 0xD800 <= code <= 0xDFFF)
    for char in (char for char in cased if char.casefold() != char or char.upper() != char):
        for letter, pattern in letters:
            if pattern.fullmatch(char):
                assert fold(char) == letter, (hex(ord(char)), letter)
