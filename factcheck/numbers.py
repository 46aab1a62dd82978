"""Numbers as news writes them: digits, words, scales, fractions and vague amounts.

``parse_number`` turns the surface of one number ("360,000", "Forty-five", "half a million",
"4.5bn", "two dozen", "tens of thousands") into a value, the half-unit of its last stated digit
(for rounding) and, for vague amounts, an interval. The regex pieces here are the ones
``factcheck.quantities`` assembles into its scanner; the words come from lexicons/numbers.toml.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import regex

from factcheck.lexicon import alternation, fold, load


@dataclass(frozen=True, slots=True)
class Number:
    value: float
    precision: float  # half the unit of the last stated digit: 360,000 -> 5,000; 1.2 -> 0.05
    low: float | None = None  # set for vague amounts ("tens of thousands")
    high: float | None = None
    emphatic: bool = False  # "thousands of": a vague amount said for emphasis, not measure
    scale: float = 1.0  # the stated scale word or suffix: 1e9 for "4.5bn" and "five billion"

    @property
    def vague(self) -> bool:
        return self.low is not None


@cache
def words() -> dict[str, dict]:
    return load("numbers")


MAX_NUMBER_WORDS = 24  # a figure in words is at most this many number words: the longest written
# out in full ("nine hundred and ninety-nine thousand ...") has a dozen. The regex engine keeps
# a backtracking record per word of a match, so an unbounded run ("twenty-twenty-...", 224 KB)
# cost 40 bytes of memory per character while it was read; a longer run is no figure.


@cache
def pieces() -> dict[str, str]:
    """Named regex pieces for numbers, built from the lexicon."""
    data = words()
    ones, tens = alternation(data["ones"]), alternation(data["tens"])
    scales = alternation(data["scales"])
    multiples = alternation(data["multiples"])
    fractions = alternation(data["fractions"])
    cardinal = rf"(?:{tens}(?:[-\s]{ones})?|{ones})"
    word_atom = rf"(?:{cardinal}|{scales}|{multiples})"
    more_atoms = rf"{{0,{MAX_NUMBER_WORDS - 1}}}"
    word_run = rf"{cardinal}(?:(?:\s+and)?[-\s]+{word_atom}){more_atoms}"
    article_run = (rf"(?:half\s+an?\s+|an?\s+)(?:{scales}|{multiples})(?:[-\s]+{word_atom}){more_atoms}"
                   rf"|an?\s+{fractions}(?=\s+of\b)")
    fraction_run = rf"{cardinal}[-\s]+{fractions}"
    half_of = r"(?<!\b(?:the|a|first|second|other|this|that|latter|former)\s)half(?=\s+(?:of|the)\b)"
    return {
        # a figure ends where its digits do: "650,0000" and "12,50" are misprints, not 650,000 and 12
        "digits": r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?!\d|,\d)",
        "fraction": r"\d+[/⁄]\d+",
        "unicode_fraction": "[½⅓⅔¼¾⅕⅛]",
        "words": rf"(?:{article_run}|{fraction_run}|{word_run}|{half_of})",
        "word_atom": word_atom,
        "scale": rf"{scales}(?:\s+{scales})*",
        "suffix": rf"(?:(?-i:{alternation(data['suffixes_exact'])})|{alternation(data['suffixes'])})",
        "vague": alternation(data["vague"]),
    }


_DIGITS_AND_SUFFIX = regex.compile(r"(\d[\d,.]*)\s*([A-Za-z]+)")
_DIGIT_TOKEN = regex.compile(r"[\d,.]+|\d+/\d+|[½⅓⅔¼¾⅕⅛]")
_FRACTION = regex.compile(r"(\d+)(?:\s+|-)(\d+)/(\d+)|(\d+)?\s*([½⅓⅔¼¾⅕⅛])|(\d+)/(\d+)")
_PLAIN_DIGITS = regex.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+")
_WORD_SEPARATORS = regex.compile(r"[-\s]+")
UNICODE_FRACTIONS = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅛": 0.125}


def parse_number(surface: str) -> Number | None:
    """The value of a number written in digits or words (with scale), or None."""
    text = " ".join(surface.replace("\u2011", "-").replace("⁄", "/").split())
    lowered = fold(text)
    vague = words()["vague"].get(lowered.removesuffix(" of"))
    if vague:
        return Number(float(vague["value"]), 0.0, float(vague["low"]), float(vague["high"]),
                      bool(vague.get("emphatic")))
    head, scale = _split_scale(text)
    number = _parse_digits(head) or _parse_words(head)
    if number is None:
        return None
    scaled = Number(number.value * scale, number.precision * scale, scale=scale * number.scale)
    return scaled if is_measurable(scaled.value, scaled.precision, scaled.scale) else None


def largest_exponent() -> int:
    """No figure in news is larger than ten to this power (lexicons/numbers.toml [limits])."""
    return int(words()["limits"]["largest_exponent"])


def is_measurable(*values: float | None) -> bool:
    """True when every value is finite and no larger than the largest figure: "1" and four
    hundred zeros, or "5 trillion trillion ..." overflow a float, and an infinite figure could
    neither be compared nor written as JSON."""
    limit = 10.0 ** largest_exponent()
    return all(value is None or (math.isfinite(value) and abs(value) <= limit) for value in values)


def _split_scale(text: str) -> tuple[str, float]:
    """Strip trailing scale words or a glued suffix: ("4.5", 1e9) for "4.5bn"."""
    data = words()
    scale = 1.0
    tokens = text.split()
    while len(tokens) > 1 and fold(tokens[-1]) in data["scales"] and _is_digits(tokens[0]):
        scale *= data["scales"][fold(tokens.pop())]
    head = " ".join(tokens)
    match = _DIGITS_AND_SUFFIX.fullmatch(head)
    suffixes = data["suffixes"] | data["suffixes_exact"]
    if match and match.group(2) in suffixes:
        return match.group(1), scale * suffixes[match.group(2)]
    if match and fold(match.group(2)) in data["scales"]:
        return match.group(1), scale * data["scales"][fold(match.group(2))]
    return head, scale


def _is_digits(token: str) -> bool:
    return _DIGIT_TOKEN.fullmatch(token) is not None


def _parse_digits(text: str) -> Number | None:
    mixed = _FRACTION.fullmatch(text)
    if mixed:
        return _parse_fraction(mixed)
    if not _PLAIN_DIGITS.fullmatch(text):
        return None
    plain = text.replace(",", "")
    value = float(plain)
    if not is_measurable(value):
        return None  # checked before half_unit, whose power of ten would overflow
    return Number(value, half_unit(plain))


def _parse_fraction(match: regex.Match) -> Number | None:
    whole, numerator, denominator, glued_whole, glyph, top, bottom = match.groups()
    if glyph:
        return Number(float(glued_whole or 0) + UNICODE_FRACTIONS[glyph], 0.0)
    numerator, denominator = (numerator, denominator) if whole else (top, bottom)
    # float, not int: a digit string too long for a float becomes inf (caught by the caller)
    # instead of raising, as int() does past 4,300 digits and int / int past a float's range.
    top_value, bottom_value = float(numerator), float(denominator)
    if bottom_value == 0 or not is_measurable(top_value, bottom_value):
        return None
    return Number(float(whole or 0) + top_value / bottom_value, 0.0)


def half_unit(plain: str) -> float:
    """Half the unit of the last significant digit: "360000" -> 5000, "1.25" -> 0.005."""
    if "." in plain:
        return 0.5 * 10 ** -len(plain.split(".")[1])
    trailing_zeros = len(plain) - len(plain.rstrip("0"))
    if trailing_zeros == len(plain):
        return 0.5
    return 0.5 * 10**trailing_zeros


def _parse_words(text: str) -> Number | None:
    """The value of number words; the scanner has already checked their order."""
    data = words()
    tokens = [t for t in _WORD_SEPARATORS.split(fold(text)) if t and t != "and"]
    total, current, fraction = 0.0, 0.0, 1.0
    for token in tokens:
        if token in ("a", "an"):
            current = current or 1.0
        elif token == "half" and current == 0 and total == 0:
            fraction = 0.5
        elif token in data["ones"] or token in data["tens"]:
            current += data["ones"].get(token, data["tens"].get(token, 0))
        elif token in data["multiples"] or token == "hundred":
            current = (current or 1.0) * (data["multiples"].get(token) or 100)
        elif token in data["scales"]:
            total += (current or 1.0) * data["scales"][token]
            current = 0.0
        elif token in data["fractions"]:
            current = (current or 1.0) * data["fractions"][token]
        else:
            return None
    value = (total + current or (1.0 if fraction != 1.0 else 0.0)) * fraction
    if value == 0 and "zero" not in tokens:
        return None
    if not is_measurable(value):
        return None  # "a trillion trillion ...": checked before int(), which inf would break
    precision = half_unit(str(int(value))) if value == int(value) else 0.0
    return Number(value, precision, scale=data["scales"].get(tokens[-1], 1.0))


def significant_digits(value: float) -> str | None:
    """The significant digits of a value (1.2 and 12 -> "12", 4.5e9 -> "45"); None for zero."""
    digits = "".join(ch for ch in f"{abs(value):.12g}".split("e")[0] if ch.isdigit())
    return digits.strip("0") or None
