"""Quantities: where the figures are in a text, with their hedge, unit and stated bounds.

One compiled scanner, built from the named pieces of ``factcheck.numbers`` and the unit,
currency and hedge lexicons, finds every number; spans that the non-claim patterns cover
(dates, clock times, identifiers, phone numbers, ordinals) are skipped; neighbours joined by
"to", "-" or "between ... and" become one range. No per-call model, no hashing: the same text
gives the same quantities in any process.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache

import regex

from factcheck.lexicon import alternation, expand_pieces, load
from factcheck.numbers import Number, parse_number, pieces


@dataclass(frozen=True)
class Quantity:
    start: int  # view offsets of the surface: hedge, currency, number, unit
    end: int
    number_start: int
    value: float
    low: float | None
    high: float | None
    unit: str
    hedge: str | None
    precision: float
    vague: bool
    emphatic: bool
    scaled: bool  # a scale word or suffix was stated ("million", "bn")


@cache
def hedge_kinds() -> dict[str, str]:
    return {word: table["kind"] for table in load("hedges").values() for word in table["words"]}


@cache
def hedge_tolerance() -> dict[str, float]:
    return {table["kind"]: float(table.get("tolerance", 0.0)) for table in load("hedges").values()}


@cache
def _scanner() -> regex.Pattern:
    number = pieces()
    currencies = load("currencies")
    symbols = alternation(currencies["symbols"])
    glued = alternation(currencies["symbols_glued"])
    pattern = rf"""
        (?:(?P<currency>{symbols})\s?|(?<![\w$£€])(?P<glued>{glued})(?=\d)|(?<![\w.,/]|\d[\s,]|\w-))
        (?P<number>
            (?P<vague>{number['vague']})(?:\s+of)?(?=\s)
          | (?P<digits>(?:{number['digits']})(?:(?:\s+|-){number['fraction']}|\s?{number['unicode_fraction']})?
                       |{number['fraction']}|{number['unicode_fraction']})
          | (?P<words>{number['words']})(?![\w-])
        )
        (?:
            (?P<suffix>{number['suffix']})(?![\w])
          | [\s-]*(?P<scale>{number['scale']})(?![\w])
        )?
    """
    return regex.compile(pattern, regex.VERBOSE | regex.IGNORECASE | regex.VERSION0)


@cache
def _unit_after() -> regex.Pattern:
    units = load("units")["units"]
    words = load("currencies")["words"]
    return regex.compile(
        rf"""(?:
            \s?(?P<percent>%|per\s?cent\b|percent\b|pct\b|percentage\s+points?\b)
          | [\s-]?(?P<unit>{alternation(units)})(?![\w/])
          | \s(?P<money>{alternation(words)})\b
        )""",
        regex.VERBOSE | regex.IGNORECASE,
    )


@cache
def _hedge_before() -> regex.Pattern:
    return regex.compile(rf"(?<![\w-])(?P<hedge>{alternation(hedge_kinds())})\s+(?:of\s+)?$", regex.IGNORECASE)


_HEDGE_AFTER = regex.compile(r"(?:\s+or\s+(?P<more>more|so|fewer|less)\b|(?P<plus>\+|-plus\b))", regex.I)
_RANGE_JOIN = regex.compile(r"\s*(?:-|–|—|to|and|or)\s*$", regex.I)
_BETWEEN = regex.compile(r"\b(?:between|from)\s+(?:about\s+|some\s+|roughly\s+)?$", regex.I)


@cache
def _nonclaims() -> regex.Pattern:
    data = load("nonclaims")
    alternatives = "|".join(f"(?:{expand_pieces(p, data['pieces'])})" for p in data["patterns"].values())
    return regex.compile(alternatives, regex.IGNORECASE | regex.VERSION1 | regex.MULTILINE)


def nonclaim_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _nonclaims().finditer(text)]


def _covered(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    index = bisect_right(starts, end - 1) - 1
    while index >= 0 and spans[index][1] > start:
        if spans[index][0] < end:
            return True
        index -= 1
    return False


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in ``text`` that is a claim, ranges merged, in order of position."""
    spans = nonclaim_spans(text)
    starts = [s for s, _ in spans]
    found: list[Quantity] = []
    for match in _scanner().finditer(text):
        if _covered(spans, starts, match.start("number"), match.end("number")):
            continue
        quantity = _quantity(text, match)
        if quantity is not None:
            found.append(quantity)
    return merge_ranges(text, found)


def _quantity(text: str, match: regex.Match) -> Quantity | None:
    number = parse_number(match.group("number") + _scale_text(match))
    if number is None or _is_year(match, number):
        return None
    end = match.end()
    unit, unit_end = _unit(text, match, end)
    hedge, start = _hedge(text, match.start())
    after = _HEDGE_AFTER.match(text, unit_end)
    if after and not hedge:
        hedge = "or more" if after.group("plus") or after.group("more") == "more" else (
            "or fewer" if after.group("more") in ("fewer", "less") else "or so")
        unit_end = after.end()
    low, high = bounds(number, hedge)
    return Quantity(start, unit_end, match.start(), number.value, low, high, unit, hedge,
                    number.precision, number.vague, number.emphatic, bool(match.group("suffix") or match.group("scale")))


def _scale_text(match: regex.Match) -> str:
    if match.group("suffix"):
        return match.group("suffix")
    return " " + match.group("scale") if match.group("scale") else ""


def _is_year(match: regex.Match, number: Number) -> bool:
    digits = match.group("digits") or ""
    return (regex.fullmatch(r"(?:1[5-9]|20)\d{2}", digits) is not None
            and not match.group("currency") and not match.group("suffix") and not match.group("scale"))


def _unit(text: str, match: regex.Match, end: int) -> tuple[str, int]:
    """The unit of a figure ("count" when none) and where the surface ends."""
    currency = match.group("currency") or match.group("glued")
    if currency:
        return _currency_code(currency), end
    after = _unit_after().match(text, end)
    if after is None:
        return "count", end
    if after.group("percent"):
        return "percent", after.end()
    if after.group("money"):
        word = after.group("money").lower()
        if word in ("pound", "pounds") and not match.group("scale") and not match.group("suffix"):
            return "pound", after.end()
        return load("currencies")["words"][word], after.end()
    return load("units")["units"][after.group("unit").lower()], after.end()


def _currency_code(symbol: str) -> str:
    """The ISO code of a currency symbol as written ("nis" and "NIS" alike)."""
    codes = load("currencies")
    table = {**{k.lower(): v for k, v in codes["symbols_glued"].items()},
             **{k.lower(): v for k, v in codes["symbols"].items()}}
    return codes["symbols"].get(symbol) or codes["symbols_glued"].get(symbol) or table[symbol.lower()]


def _hedge(text: str, start: int) -> tuple[str | None, int]:
    window_start = max(0, start - 40)
    match = _hedge_before().search(text, window_start, start)
    if match is None:
        return None, start
    return match.group("hedge").lower(), match.start()


def bounds(number: Number, hedge: str | None) -> tuple[float | None, float | None]:
    """The interval a stated figure allows, from its hedge (or its vagueness)."""
    if number.vague:
        return number.low, number.high
    value = number.value
    kind = hedge_kinds().get(hedge or "", "or more" if hedge == "or more" else None)
    if hedge == "or more":
        return value, None
    if hedge == "or fewer":
        return None, value
    if hedge == "or so":
        kind = "approximate"
    tolerance = hedge_tolerance().get(kind or "", 0.0) * abs(value)
    return {
        "approximate": (value - tolerance, value + tolerance),
        "nearly": (value - tolerance, value),
        "at_least": (value, None),
        "at_most": (None, value),
    }.get(kind or "", (value, value))


def merge_ranges(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Join "300 to 350", "40-50" and "between 40 and 50" into one ranged quantity."""
    merged: list[Quantity] = []
    for quantity in quantities:
        previous = merged[-1] if merged else None
        if previous is not None and _is_range(text, previous, quantity):
            merged[-1] = _range(previous, quantity)
        else:
            merged.append(quantity)
    return merged


def _is_range(text: str, first: Quantity, second: Quantity) -> bool:
    gap = text[first.end:second.number_start]
    if len(gap) > 6 or _RANGE_JOIN.fullmatch(gap) is None or first.vague or second.vague:
        return False
    joiner = gap.strip().lower()
    opened = _BETWEEN.search(text, max(0, first.start - 20), first.start)
    if joiner in ("and", "or") and not (opened and opened.group(0).lower().startswith("between")):
        return False
    if opened and opened.group(0).lower().startswith("from"):
        return False
    return _range_low(first, second) < second.value and first.unit in (second.unit, "count")


def _range_low(first: Quantity, second: Quantity) -> float:
    """The low end, carrying the high end's scale over: "40 to 50 million" starts at 40 million."""
    if first.scaled or not second.scaled:
        return first.value
    return first.value * 10 ** ((len(str(int(second.value))) - 1) // 3 * 3)


def _range(first: Quantity, second: Quantity) -> Quantity:
    low = _range_low(first, second)
    return replace(
        second, start=first.start, number_start=first.number_start, value=low,
        low=low, high=second.value if second.high is None else second.high,
        hedge=first.hedge or second.hedge, precision=max(first.precision, second.precision),
    )
