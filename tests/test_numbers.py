"""The number parser (specification of factcheck.numbers): digits, words, scales, fractions."""
from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.numbers import parse_number

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SCALES = [(1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand")]


def below_thousand(n: int, joiner: str) -> str:
    hundreds, rest = divmod(n, 100)
    head = f"{ONES[hundreds]} hundred" if hundreds else ""
    if rest == 0:
        return head
    tens, ones = divmod(rest, 10)
    tail = ONES[rest] if rest < 20 else TENS[tens] + (f"-{ONES[ones]}" if ones else "")
    return f"{head}{joiner}{tail}" if head else tail


def in_words(n: int, joiner: str = " ") -> str:
    """English words for 0 <= n < 10**12, the way news spells numbers out."""
    if n == 0:
        return "zero"
    parts = []
    for size, name in SCALES:
        count, n = divmod(n, size)
        if count:
            parts.append(f"{below_thousand(count, joiner)} {name}")
    if n:
        parts.append(below_thousand(n, joiner))
    return " ".join(parts)


@given(st.integers(min_value=0, max_value=999_999_999_999), st.sampled_from([" ", " and "]))
def test_any_number_in_words_round_trips(n, joiner):
    assert parse_number(in_words(n, joiner)).value == n


@given(st.integers(min_value=0, max_value=10**12))
def test_any_whole_number_in_digits_round_trips(n):
    assert parse_number(str(n)).value == n
    assert parse_number(f"{n:,}").value == n


@given(st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_any_decimal_in_digits_round_trips(d):
    assert math.isclose(parse_number(f"{d:,}").value, float(d), rel_tol=1e-12)


@given(st.integers(min_value=1, max_value=999), st.sampled_from([("thousand", 1e3), ("million", 1e6),
                                                                 ("billion", 1e9), ("trillion", 1e12)]))
def test_digits_with_a_scale_word_multiply(n, scale):
    word, factor = scale
    number = parse_number(f"{n} {word}")
    assert number.value == n * factor and number.scale == factor


@pytest.mark.parametrize("surface, value", [
    ("Forty-five", 45), ("twenty one", 21), ("a hundred", 100), ("half a million", 500_000),
    ("two dozen", 24), ("a dozen", 12), ("4 hundred million", 400_000_000),
])
def test_spelled_out_and_hyphenated_numbers(surface, value):
    assert parse_number(surface).value == value


@pytest.mark.parametrize("surface, value", [
    ("4.5bn", 4.5e9), ("1.2m", 1.2e6), ("35k", 35_000), ("$136M"[1:], 136e6), ("3tn", 3e12), ("160MM", 160e6),
    ("2.6 million", 2.6e6), ("1mil", 1e6),
])
def test_scale_suffixes(surface, value):
    assert math.isclose(parse_number(surface).value, value)


@pytest.mark.parametrize("surface, value", [
    ("1/2", 0.5), ("3/4", 0.75), ("1 1/2", 1.5), ("2-1/4", 2.25), ("½", 0.5), ("2½", 2.5),
    ("1⁄32", 1 / 32), ("two thirds", 2 / 3), ("one fourth", 0.25), ("a third", 1 / 3), ("half", 0.5),
])
def test_fractions_and_mixed_numbers(surface, value):
    assert math.isclose(parse_number(surface).value, value, rel_tol=1e-9)


def test_precision_is_half_the_last_stated_digit():
    assert parse_number("360,000").precision == 5_000
    assert parse_number("1.25").precision == 0.005
    assert parse_number("4.5bn").precision == 0.05e9


@pytest.mark.parametrize("surface, low, high", [
    ("thousands of", 1_000, 10_000), ("tens of thousands", 10_000, 100_000), ("dozens", 12, 120),
])
def test_vague_amounts_are_intervals(surface, low, high):
    number = parse_number(surface)
    assert number.vague and (number.low, number.high) == (low, high)


def test_words_that_are_not_numbers_are_not_parsed():
    assert parse_number("hello") is None
    assert parse_number("1/0") is None
