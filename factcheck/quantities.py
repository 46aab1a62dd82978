"""Quantities: where the figures are in a text, with their hedge, unit and stated bounds.

One compiled scanner, built from the named pieces of ``factcheck.numbers`` and the unit,
currency and hedge lexicons, finds every number with its sign and currency; a number that a
non-claim pattern covers (dates, clock times, identifiers, addresses, names such as "S&P 500")
is skipped; neighbours joined by "to", "-", "from ... to" or "between ... and" become one
range. No per-call model, no hashing: the same text gives the same quantities in any process.
"""
from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache

import regex

from factcheck import furniture
from factcheck.lexicon import alternation, change_verbs_pattern, expand_pieces, fold, load, word_pieces
from factcheck.numbers import Number, is_measurable, largest_exponent, parse_number, pieces, words
from factcheck.onecopy import OneCopy
from factcheck.quantulum_units import extra_units


_YEAR_DIGITS = regex.compile(r"(?:1[5-9]|2[01])\d{2}")
_SPACES = regex.compile(r"\s")

@dataclass(frozen=True, slots=True)
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
    scale: float = 1.0  # that scale's multiplier, carried to the low end of a range
    integer: bool = False  # written as plain digits with no unit: may be a score ("2-1")
    ranged: bool = False  # two stated ends joined into one ("40 to 50")


# ---- lexicon tables -----------------------------------------------------------------------

@cache
def hedge_kinds() -> dict[str, str]:
    return {word: table["kind"] for table in load("hedges").values() for word in table["words"]}


@cache
def hedge_tolerance() -> dict[str, float]:
    return {table["kind"]: float(table.get("tolerance", 0.0)) for table in load("hedges").values()}


@cache
def money_symbols() -> dict[str, str]:
    """Every way of writing a currency before a figure, spaces removed -> ISO code."""
    data = load("currencies")
    table = {**data["symbols"], **data["symbols_glued"], **data["symbols_amount"]}
    for prefix, code in data["dollar_prefixes"].items():
        table[f"{prefix}$"] = table[f"${prefix}"] = code
    return table


@cache
def money_words() -> dict[str, str]:
    """Currency names after a figure, lower case -> ISO code ("australian dollars" -> AUD)."""
    data = load("currencies")
    table = {fold(word): code for word, code in data["words"].items()}
    for adjective, code in data["dollar_adjectives"].items():
        table[f"{adjective} dollar"] = table[f"{adjective} dollars"] = code
    table.update({fold(symbol): code for symbol, code in data["symbols_after"].items()})
    return table


@cache
def unit_names() -> tuple[dict[str, str], dict[str, str]]:
    """Unit surfaces -> pint names: (case-insensitive, lower-cased keys; case-sensitive)."""
    data = load("units")
    folded = {fold(surface): name for surface, name in data["units"].items()}
    exact = dict(data["case_sensitive"])
    si = dict(data["si"])
    prefixes = si.pop("prefixes")
    for base, entry in si.items():
        for prefix in entry["prefixes"]:
            exact[prefixes.get(prefix, "") + entry["symbol"]] = prefix + base
            folded.update({fold(prefix + word): prefix + base for word in entry["words"]})
    return folded, exact


@cache
def quantulum_surfaces() -> tuple[dict[str, str], dict[str, str]]:
    """quantulum3's units where the lexicon says nothing of the surface in any case (its "Gb"
    would otherwise stand beside the lexicon's "GB"): (folded surfaces, exact symbols)."""
    folded, exact = unit_names()
    taken = set(folded) | {fold(symbol) for symbol in exact} | set(money_words())
    extra_folded, extra_exact = extra_units()
    added_folded = {surface: name for surface, name in extra_folded.items() if surface not in taken}
    added_exact = {symbol: name for symbol, name in extra_exact.items()
                   if fold(symbol) not in taken and fold(symbol) not in added_folded}
    return added_folded, added_exact


# Up to four words after a figure, for quantulum3's units: looked up in a dictionary, longest
# first, only when the lexicon's own pattern finds no unit (a pattern of every quantulum3 surface
# would cost each run a tenth of a second to compile).
_WORDS_AFTER = regex.compile(r"[ -]?([^\s,;:!?()\[\]{}\"“”]+(?: [^\s,;:!?()\[\]{}\"“”]+){0,3})")
_TRAILING = ".'’"


def _quantulum_unit(text: str, end: int) -> tuple[str, int] | None:
    found = _WORDS_AFTER.match(text, end)
    if found is None:
        return None
    folded, exact = quantulum_surfaces()
    words = found.group(1).split(" ")
    for count in range(len(words), 0, -1):
        candidate = " ".join(words[:count]).rstrip(_TRAILING)
        name = exact.get(candidate) or folded.get(fold(candidate))
        if name:
            return name, found.start(1) + len(candidate)
    return None


# ---- patterns -----------------------------------------------------------------------------

def _money_before_piece() -> str:
    data = load("currencies")
    dollar = alternation(data["dollar_prefixes"])
    amount = r"(?=\d{1,3}(?:,\d{3})+|\d+\.\d|\d+(?:m|bn|k)\b|\d{2,})"
    return rf"""(?-i:
        (?P<currency>{alternation(data['symbols'])}|{dollar}\s?\$|\$(?:{dollar})(?=\d))\s?
      | (?P<glued>{alternation(data['symbols_glued'])})(?=\d)
      | (?P<amount_symbol>{alternation(data['symbols_amount'])}){amount}
    )"""


@cache
def _scanner() -> regex.Pattern:
    number = pieces()
    prefixes = alternation(words()["glued_prefixes"])
    # every way in begins where no word character is before it: said once, first, that spares
    # the engine trying each way in at every position inside a word
    pattern = rf"""
        (?<!\w)
        (?:
            (?<![\w.,/$£€-])(?P<sign>[-−])(?=[$£€¥]?\d)
          | (?<![\w-])(?P<prefix>{prefixes})(?:-|(?<=minus)\s+)(?=[$£€¥]?\d|[a-z])
          | (?<![\w.,/]|\d[ \t,]|[^\W\d](?<!\d-to)-)
        )
        (?:{_money_before_piece()})?
        (?P<sign_after>[-−](?=\d))?
        (?P<number>
            (?P<vague>{number['vague']})(?:\s+of)?(?=\s)
          | (?P<digits>{number['fraction']}
                     |(?:{number['digits']})(?:(?:\s+|-){number['fraction']}|\s?{number['unicode_fraction']})?
                     |{number['unicode_fraction']})
          | (?P<words>{number['words']})(?!\w)(?!-{number['word_atom']}\b)
        )
        (?:
            (?P<suffix>{number['suffix']})(?![\w])
          | [\s-]*(?P<scale>{number['scale']})(?![\w])
        )?
        (?:\s?[×x]\s?10\s?\^?(?P<power>[-−]?\d{{1,3}})(?!\d))?
    """
    return regex.compile(pattern, regex.VERBOSE | regex.IGNORECASE | regex.VERSION0)


@cache
def unit_words() -> dict[str, str]:
    """Unit words that may follow a modifier ("517 rushing yards"): whole words of four letters
    or more, never a currency word ("two more pounds" is left alone)."""
    folded, _ = unit_names()
    money = money_words()
    return {surface: name for surface, name in folded.items()
            if regex.fullmatch(r"[a-z]{4,}(?: [a-z]+)*", surface) and surface not in money}


@cache
def _unit_after() -> regex.Pattern:
    folded, exact = unit_names()
    data = load("units")
    subunits = load("currencies")["subunits"]
    any_unit = f"(?-i:{alternation(exact)})|{alternation(folded)}"
    return regex.compile(
        rf"""(?:
            (?P<percent>\s?(?:%|per\s?cent\b|percent\b|pct\b|percentage\s+points?\b)|(?<=\d)pc\b)
          | \s?(?P<money>{alternation(money_words())})(?![\w-])
          | \s(?P<subunit>{alternation(subunits)})\b
          | [\s-]?(?P<unit>{any_unit})(?:/(?P<denominator>{any_unit}))?(?![\w/])
          | \s?(?P<letter>(?-i:{alternation(data['letters'])}))(?![\w/]|[-$'’]|\.\w)
          | \s+(?:{alternation(data['modifiers']['words'])})\s+(?P<unit_word>{alternation(unit_words())})(?![\w/-])
        )""",
        regex.VERBOSE | regex.IGNORECASE,
    )


@cache
def _rate_after() -> regex.Pattern:
    per = load("units")["per"]
    return regex.compile(rf"(?:\s+(?:per|an?|each)[\s-]+|\s?/\s?|-an?-)(?P<per>{alternation(per)})\b"
                         r"(?!\s+(?:earlier|ago|before|later|after|on)\b)", regex.I)


@cache
def _hedge_before() -> regex.Pattern:
    return regex.compile(rf"(?<![\w-])(?P<hedge>{alternation(hedge_kinds())})\s+(?:of\s+)?$", regex.IGNORECASE)


_HEDGE_AFTER = regex.compile(r"(?:\s+or\s+(?P<more>more|so|fewer|less)\b|(?P<plus>\+|-plus\b))", regex.I)
_RANGE_JOIN = regex.compile(r"\s*(?:-|–|—|-?to-?|and|(?P<up_to>up\s+to))\s*", regex.I)
_UNIT_SHARED = regex.compile(r"[-\s]*(?:or|and|to|-|–)\s*|\s+of\s+the\s+", regex.I)
_TO = regex.compile(r"\s+to\s+", regex.I)
_TABLE_CELL = regex.compile(r"(?:^|[|\t])\s*$")
_SENTENCE_START = regex.compile(r"(?:^|[.!?:;\"“(]|\n)[^\p{L}\p{N}]*$")  # a bullet or emoji may open a line


@cache
def _opener_before() -> regex.Pattern:
    """"between", "from" or "by" before the low end, perhaps with a hedge: "from about 40"
    (lexicons/numbers.toml [ranges])."""
    ranges = words()["ranges"]
    return regex.compile(rf"\b(?P<opener>{alternation(ranges['openers'])})\s+"
                         rf"(?:{alternation(ranges['hedges'])}\s+)?$", regex.I)


@cache
def _of_a_unit() -> regex.Pattern:
    """"of a" and a qualifier between a fraction and its unit: "1/16 of a US pint"."""
    return regex.compile(rf"\s+of\s+an?\s+(?:{alternation(load('units')['qualifiers']['words'])}\s+)?", regex.I)


@cache
def _nonclaim_pieces() -> dict[str, str]:
    """The named pieces of lexicons/nonclaims.toml: its word lists, the money symbols, counted
    nouns, unit words and hedges of the other lexicons, then its `[pieces]`, each of which may
    use those."""
    data = load("nonclaims")
    counted = [noun for nouns in load("counted")["classes"].values() for noun in nouns]
    named = word_pieces(data["words"], data["words_exact"]) | {
        "money_symbol": alternation(money_symbols()), "counted": alternation(counted),
        "unit": alternation(unit_words()), "hedge": alternation(hedge_kinds())}
    for name, piece in data["pieces"].items():
        named[name] = expand_pieces(piece, named)
    return named


@cache
def _nonclaims() -> re.Pattern:
    """All non-claim patterns as one alternation, compiled by the standard library's engine,
    which runs this large alternation about a third faster than ``regex`` does. The name
    patterns come last, in a group of their own (``name``), since a title-case line voids them.
    No pattern may start inside a word (but for a hashtag or a reference mark)."""
    data = load("nonclaims")
    named = _nonclaim_pieces()
    patterns = [expand_pieces(p, named) for p in data["patterns"].values()] + furniture.inline_patterns()
    names = "|".join(f"(?:{expand_pieces(p, named)})" for p in data["names"].values())
    alternatives = "|".join(f"(?:{p})" for p in patterns) + f"|(?P<name>{names})"
    # Every pattern starts where a word starts, or at a hashtag's sign or a reference mark's
    # bracket: ruling out the inside of a word first spares the engine trying each alternative.
    return re.compile(f"(?:(?<!\\w)|(?=[#@\\[]))(?:{alternatives})", re.IGNORECASE | re.MULTILINE)


_LEAD, _TAIL = 60, 40  # how far a non-claim may reach before and after the figure it covers


def nonclaim_spans(text: str, figures: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where the non-claims around the ``figures`` (spans, in order) are: the one alternation
    runs once over each stretch of text near a figure, so that a pattern with a long lead ("beat
    the Rams 31-24") covers every figure it spans, and the rest of the text is never read."""
    spans: list[tuple[int, int]] = []
    title_case = _TitleCaseLines(text)
    for start, end in _stretches(figures, len(text)):
        while (match := _nonclaims().search(text, start, end)) is not None:
            start = match.start() + 1  # a name void in a title-case line leaves the rest to read
            if not (match.group("name") and title_case.at(match.start())):
                spans.append(match.span())
                start = max(start, match.end())
    return spans


def _stretches(figures: Iterable[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The figures widened by the lead and tail a non-claim may have, overlapping ones merged."""
    stretches: list[tuple[int, int]] = []
    for start, end in figures:
        start, end = max(0, start - _LEAD), min(length, end + _TAIL)
        if stretches and start <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], end)
        else:
            stretches.append((start, end))
    return stretches


def _covered(spans: list[tuple[int, int]], ends: list[int], start: int, end: int) -> bool:
    """Whether a span (sorted, ``ends`` their ends) overlaps text[start:end]."""
    index = bisect.bisect_right(ends, start)
    return index < len(spans) and spans[index][0] < end


_LINE_WORDS = re.compile(r"[^\W\d_][\w'’-]{3,}")
_SENTENCE_END = re.compile(r"[.!?][\"”’')]?\s*$")
_TITLE_CASE_SHARE = 0.7


class _TitleCaseLines:
    """Which lines of a text are in title case, each line read once however many names it holds."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] | None = None  # line starts, found when a name first asks
        self.known: dict[int, bool] = {}  # line number -> in title case

    def at(self, position: int) -> bool:
        if self.starts is None:
            self.starts = [0, *(match.end() for match in re.finditer("\n", self.text))]
        line = bisect.bisect_right(self.starts, position) - 1
        if line not in self.known:
            end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)
            self.known[line] = _in_title_case(self.text[self.starts[line]:end])
        return self.known[line]


def _in_title_case(line: str) -> bool:
    """Whether a line is written in title case (or capitals), as a headline is: it does not end
    like a sentence, and most of its words of four letters or more begin with a capital."""
    if _SENTENCE_END.search(line):
        return False
    words = _LINE_WORDS.findall(line)
    return len(words) >= 3 and sum(word[0].isupper() for word in words) >= _TITLE_CASE_SHARE * len(words)


# ---- one figure ---------------------------------------------------------------------------

def find_quantities(text: str) -> list[Quantity]:
    """Every figure in ``text`` that is a claim, ranges merged, in order of position. The
    number spans are held in arrays of machine integers while the text is read: two tuples
    and two integer objects per figure would cost more than a figure-dense text itself."""
    number_starts, number_ends = array("q"), array("q")
    read: list[Quantity | None] = []  # each figure's quantity, None for a name
    shared = OneCopy()  # the figures' equal numbers, one copy of each
    for previous_end, match, next_start in _beside(_scanner().finditer(text)):  # a match is large: none is kept
        if not bare_in_run(text, match.span(), previous_end, next_start):
            start, end = match.span("number")
            number_starts.append(start)
            number_ends.append(end)
            read.append(None if _is_name(text, match) else _quantity(text, match, shared))
    spans = nonclaim_spans(text, zip(number_starts, number_ends))
    ends = [end for _, end in spans]
    found = [quantity for start, end, quantity in zip(number_starts, number_ends, read)
             if quantity is not None and not _covered(spans, ends, start, end)]
    return [quantity for quantity in merge_ranges(text, found) if _is_measurable(quantity)]


_LETTER = regex.compile(r"\p{L}")
_WORD_OR_JOIN = regex.compile(r"[\p{L}\p{Pd}\u2212]")  # a word, or a dash that joins a range or a score


def _beside(matches: Iterator[regex.Match]) -> Iterator[tuple[int | None, regex.Match, int | None]]:
    """Each match with the end of the one before it and the start of the one after it."""
    previous_end: int | None = None
    current = next(matches, None)
    while current is not None:
        following = next(matches, None)
        if following is None:
            matches = iter(())  # let go of the scanner, whose state may be as large as its longest match
        yield previous_end, current, following.start() if following is not None else None
        previous_end, current = current.end(), following


def bare_in_run(text: str, span: tuple[int, int], previous_end: int | None, next_start: int | None) -> bool:
    """A number with no word at all, neither in it nor on its line between it and the numbers
    beside it, next to another number on that line: a cell of a flattened table or a list of
    numbers ("1, 2, 3, 4"), which says nothing of anything and is no claim. The first number
    of "counts of 1, 2 and 3" has its words, and so has the last; the bare one between them
    has none. A dash joins numbers into a range or a score ("89-89"), read as one. Each gap
    between two numbers is read once: linear in the text, and no figure is made of such a
    number (a table of them costs no more than its text)."""
    start, end = span
    if _LETTER.search(text, start, end):
        return False
    since = previous_end if previous_end is not None else 0
    line_start = text.rfind("\n", since, start)
    until = next_start if next_start is not None else len(text)
    line_end = text.find("\n", end, until)
    beside = (previous_end is not None and line_start < 0) or (next_start is not None and line_end < 0)
    return (beside and not _WORD_OR_JOIN.search(text, line_start + 1 if line_start >= 0 else since, start)
            and not _WORD_OR_JOIN.search(text, end, line_end if line_end >= 0 else until))


def _is_measurable(quantity: Quantity) -> bool:
    """Every number a claim carries is finite and within bounds, whatever path made it (a
    range's low end takes its high end's scale): no inf or nan reaches a report."""
    return is_measurable(quantity.value, quantity.low, quantity.high, quantity.precision, quantity.scale)


def _is_name(text: str, match: regex.Match) -> bool:
    """A capitalised number word inside a sentence names something ("BBC One", "Kick Six")."""
    spelled = match.group("words")
    return bool(spelled) and spelled[0].isupper() and not _SENTENCE_START.search(text, max(0, match.start() - 8), match.start())


_SHARE_OF = regex.compile(r"\s+of\b")


def _quantity(text: str, match: regex.Match, shared: OneCopy) -> Quantity | None:
    """The figure of a match, or None when it is none; its numbers are ``shared``."""
    number = parse_number(match.group("number") + _scale_text(match))
    if number is None:
        return None
    number = _with_power(number, match.group("power"))
    if number is None:
        return None
    end = match.end()
    unit, unit_end = _unit(text, match, end)
    hedge, start = _hedge(text, match)
    if unit == "count" and hedge is None and _is_year(text, match):
        return None
    if _is_metres(text, match, unit):
        number = Number(number.value / number.scale, number.precision / number.scale)
        unit = load("units")["ambiguous_suffixes"][match.group("suffix")]
    unit, unit_end = _rate(text, unit, unit_end)
    if unit == "count" and 0 < number.value < 1 and _SHARE_OF.match(text, unit_end):  # "a third of the shops": a share
        unit = "fraction"
    if unit == "count" and _is_age(text, match.start(), end):
        unit = "year"
    hedge, unit_end = _hedge_after(text, hedge, unit_end)
    value = -number.value if _is_negative(text, match, unit_end) else number.value
    number = replace(number, value=value)
    low, high = bounds(number, hedge)
    scaled = bool(match.group("suffix") or match.group("scale")) or number.scale > 1
    plain = bool(match.group("digits")) and unit == "count" and "." not in match.group("number")
    number_start = match.start()
    return Quantity(start, unit_end, start if start == number_start else number_start, shared(number.value),
                    shared(low), shared(high), unit, hedge, shared(number.precision), number.vague,
                    number.emphatic, scaled, shared(number.scale), plain and not scaled)


def _scale_text(match: regex.Match) -> str:
    if match.group("suffix"):
        return match.group("suffix")
    return " " + match.group("scale") if match.group("scale") else ""


def _with_power(number: Number, power: str | None) -> Number | None:
    """Scientific notation: "2.998×10−8" is 2.998e-8; a power of ten beyond the largest
    exponent ("2 x 10^400", which a float cannot hold) gives no figure."""
    if power is None:
        return number
    exponent = int(power.replace("−", "-"))
    if abs(exponent) > largest_exponent():
        return None
    factor = 10.0 ** exponent
    scaled = Number(number.value * factor, number.precision * factor)
    return scaled if is_measurable(scaled.value, scaled.precision) else None


def _is_year(text: str, match: regex.Match) -> bool:
    """A bare figure from 1500 to 2199 is a year ("in 2015", "the 2007 Working Group"),
    unless a counted noun follows it ("2000 people", "1850 homes") outside a time phrase."""
    digits = match.group("digits") or ""
    return (_YEAR_DIGITS.fullmatch(digits) is not None
            and not (match.group("currency") or match.group("glued") or match.group("amount_symbol"))
            and not match.group("suffix") and not match.group("scale")
            and not _counts_a_noun(text, match))


@cache
def _counted_noun_after() -> regex.Pattern:
    """A noun of a counted class right after the figure (lexicons/counted.toml [classes]), as
    written: "2000 people", not "the 2015 Women's World Cup" (a name, capitalised)."""
    nouns = [noun for class_nouns in load("counted")["classes"].values() for noun in class_nouns]
    return regex.compile(rf"\s+{alternation(nouns)}(?![\w'’-])")


@cache
def _year_before() -> regex.Pattern:
    """Words that make a figure a year even before a noun: "In 1990 people were poorer"."""
    return regex.compile(rf"\b{alternation(load('nonclaims')['years']['before'])}\s+$", regex.I)


def _counts_a_noun(text: str, match: regex.Match) -> bool:
    return (_counted_noun_after().match(text, match.end()) is not None
            and _year_before().search(text, max(0, match.start() - 12), match.start()) is None)


@cache
def _age_cues() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    ages = load("units")["ages"]
    named = {"hedge": alternation(hedge_kinds()), "person": alternation(ages["person_nouns"])}
    return tuple(regex.compile(expand_pieces(ages[cue], named), regex.I)
                 for cue in ("closing", "leading", "between_commas"))


_CLAUSE_END = regex.compile(r"\s*(?:[,.;:)!?]|$)")
_AGE_CLOSE = regex.compile(r"[,;)]|\s+[—–(-]|\.(?:\s|$)")  # what may follow an age between commas


def _is_age(text: str, start: int, end: int) -> bool:
    """A bare figure that is someone's age: "Name, 44,", "aged 44,", "a local girl, 3.", "who
    was 10.", "life expectancy is 73" (lexicons/units.toml [ages])."""
    closing, leading, between_commas = _age_cues()
    window = max(0, start - 60)
    if leading.search(text, window, start):
        return True
    if between_commas.search(text, max(0, start - 30), start):
        return _AGE_CLOSE.match(text, end) is not None
    return closing.search(text, window, start) is not None and _CLAUSE_END.match(text, end) is not None


def _is_money(match: regex.Match) -> bool:
    return bool(match.group("currency") or match.group("glued") or match.group("amount_symbol"))


def _is_metres(text: str, match: regex.Match, unit: str) -> bool:
    """A glued "m" is metres unless the figure is money or counts a noun after it."""
    suffix = match.group("suffix")
    if suffix not in load("units")["ambiguous_suffixes"] or unit != "count" or _is_money(match):
        return False
    word_after = _length_word_after().match(text, match.end())
    return word_after is None or word_after.group("length") is not None


@cache
def _length_word_after() -> regex.Pattern:
    """The next word, when it is a lower-case word: a counted noun, or a word of length."""
    lengths = alternation(load("units")["length_words"]["words"])
    return regex.compile(rf"[\s-]+(?:(?P<length>{lengths})\b|[a-z])")


def _is_negative(text: str, match: regex.Match, end: int) -> bool:
    """A minus sign or word, or accounting parentheses in a table row: "| (1,234) |"."""
    prefix = fold(match.group("prefix") or "")
    if match.group("sign") or match.group("sign_after") or words()["glued_prefixes"].get(prefix) == "negative":
        return True
    start = match.start()
    return (start > 0 and text[start - 1] == "(" and text.startswith(")", end)
            and _TABLE_CELL.search(text, max(0, start - 40), start - 1) is not None)


def _unit(text: str, match: regex.Match, end: int) -> tuple[str, int]:
    """The unit of a figure ("count" when none) and where the surface ends."""
    if _is_money(match):
        return money_symbols()[_SPACES.sub("", _currency_text(match))], end
    after = _unit_after().match(text, end)
    of_a = _of_a_unit().match(text, end) if after is None and number_is_fraction(match) else None
    if of_a is not None:
        after = _unit_after().match(text, of_a.end() - 1)
        after = after if after is not None and after.group("unit") else None
    if after is None:
        return _quantulum_unit(text, end) or ("count", end)
    if after.group("percent"):
        return "percent", after.end()
    if after.group("subunit"):
        return "cent", after.end()
    if after.group("money"):
        word = fold(after.group("money"))
        measure = load("currencies")["unit_words"].get(word)
        if measure and not match.group("scale") and not match.group("suffix"):
            return measure, after.end()  # "208 pounds" is a weight, "2 million pounds" money
        return money_words()[word], after.end()
    if after.group("letter"):
        return load("units")["letters"][after.group("letter")], after.end()
    if after.group("unit_word"):
        return unit_words()[fold(after.group("unit_word"))], after.end()
    if after.group("denominator"):
        return f"{_unit_name(after.group('unit'))} / {_unit_name(after.group('denominator'))}", after.end()
    return _unit_name(after.group("unit")), after.end()


def _unit_name(surface: str) -> str:
    folded, exact = unit_names()
    return exact.get(surface) or folded[fold(surface)]


def number_is_fraction(match: regex.Match) -> bool:
    """"1/16", "a third", "half": a part, which may be a part of a unit ("1/16 of a pint")."""
    number = match.group("number")
    return "/" in number or "⁄" in number or any(word in fold(number) for word in words()["fractions"])


def _currency_text(match: regex.Match) -> str:
    return match.group("currency") or match.group("glued") or match.group("amount_symbol")


def _rate(text: str, unit: str, end: int) -> tuple[str, int]:
    """A unit per something: "$3,500 a month" is USD / month, "barrels a day" oil_barrel / day,
    "78,000 times a minute" count / minute."""
    if unit == "count":
        times = _frequency_after().match(text, end)
        after = _rate_after().match(text, times.end()) if times else None
        per = load("units")["per"][fold(after.group("per"))] if after else None
        if per not in load("units")["frequency"]["per"]:
            return unit, end
        return f"count / {per}", after.end()
    if unit == "percent":
        return unit, end
    after = _rate_after().match(text, end)
    if after is None:
        return unit, end
    per = load("units")["per"][fold(after.group("per"))]
    return f"{unit} / {per}", after.end()


@cache
def _frequency_after() -> re.Pattern:
    """Compiled by the standard library's engine: ``regex`` looks for a pattern's one required
    word ("times") through the whole rest of the text before matching at a position, so each
    figure would read on to the end of the article."""
    return re.compile(rf"\s+(?:{alternation(load('units')['frequency']['words'])})\b", re.I)


def _hedge(text: str, match: regex.Match) -> tuple[str | None, int]:
    prefix = fold(match.group("prefix") or "")
    glued = words()["glued_prefixes"].get(prefix)
    if glued and glued != "negative":
        return glued, match.start()
    start = match.start()
    found = _hedge_before().search(text, max(0, start - 40), start)
    if found is None or _is_adjective(text, found):
        return None, start
    return fold(found.group("hedge")), found.start()


@cache
def _determiner_before() -> regex.Pattern:
    return regex.compile(rf"\b{alternation(load('hedges')['at_least']['determiners'])}\s+$", regex.I)


def _is_adjective(text: str, found: regex.Match) -> bool:
    """"the past three years": a hedge word used as an adjective after a determiner."""
    return (fold(found.group("hedge")) in load("hedges")["at_least"]["adjectives"]
            and _determiner_before().search(text, max(0, found.start() - 12), found.start()) is not None)


def _hedge_after(text: str, hedge: str | None, end: int) -> tuple[str | None, int]:
    """"or more", "or so", "+" and "-plus" after the figure."""
    after = _HEDGE_AFTER.match(text, end)
    if after is None or hedge:
        return hedge, end
    if after.group("plus") or after.group("more") == "more":
        return "or more", after.end()
    if after.group("more") in ("fewer", "less"):
        return "or fewer", after.end()
    return "or so", after.end()


def bounds(number: Number, hedge: str | None) -> tuple[float | None, float | None]:
    """The interval a stated figure allows, from its hedge (or its vagueness)."""
    if number.vague:
        return number.low, number.high
    value = number.value
    kind = {"or more": "at_least", "or fewer": "at_most", "or so": "approximate"}.get(
        hedge or "", hedge_kinds().get(hedge or ""))
    tolerance = hedge_tolerance().get(kind or "", 0.0) * abs(value)
    return {
        "approximate": (value - tolerance, value + tolerance),
        "nearly": (value - tolerance, value),
        "at_least": (value, None),
        "at_most": (None, value),
    }.get(kind or "", (value, value))


# ---- neighbours: ranges, shared units, scores ------------------------------------------------

def merge_ranges(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Join "300 to 350", "40-50", "from 4.8 to 4.7" and "between 40 and 50" into one ranged
    quantity; "eight or nine euros" shares its unit; "won 2-1" is a score, not two figures."""
    merged: list[Quantity] = []
    for quantity in quantities:
        previous = merged[-1] if merged else None
        if previous is not None and _is_score(text, previous, quantity):
            merged.pop()
            continue
        if previous is not None and _carries_unit(text, previous, quantity):
            quantity = replace(quantity, unit=previous.unit, integer=False)
        if previous is not None and _is_range(text, previous, quantity):
            merged[-1] = _range(previous, quantity)
            continue
        if previous is not None and _shares_unit(text, previous, quantity):
            merged[-1] = replace(previous, unit=quantity.unit, integer=False)
        merged.append(quantity)
    return merged


def _is_score(text: str, first: Quantity, second: Quantity) -> bool:
    """"2-1", "89-89", "5-to-4": a hyphenated pair of whole numbers, the first no smaller."""
    return (first.integer and second.integer and text[first.end:second.number_start] in ("-", "-to-")
            and first.value >= second.value)


def _carries_unit(text: str, first: Quantity, second: Quantity) -> bool:
    """"from 208 pounds to 193", "from 14-18 mpg to 24": the bare figure after "to" is in the
    unit of the figure it is moving from."""
    return (first.unit != "count" and second.unit == "count" and not second.vague
            and second.hedge is None and _TO.fullmatch(text, first.end, second.start) is not None
            and _opener(text, first) == "from")


def _opener(text: str, first: Quantity) -> str | None:
    found = _opener_before().search(text, max(0, first.start - 20), first.start)
    return fold(found.group("opener")) if found else None


def _is_range(text: str, first: Quantity, second: Quantity) -> bool:
    gap = text[first.end:second.number_start]
    join = _RANGE_JOIN.fullmatch(gap)
    if join is None or first.vague or second.vague:
        return False
    opener = _opener(text, first)
    joiner = fold(gap.strip())
    if first.ranged or (joiner == "and" and opener != "between"):
        return False
    if join.group("up_to") and opener != "from":
        return False  # "from 450 sq ft up to 900 sq ft" is a range; "5 up to 10" is not said
    if opener == "by" and first.unit != "count":
        return False  # "rose by $43.6 billion to $419.2 billion": a change and a new level
    if not _units_join(first, second):
        return False
    if opener == "from":
        # "revised from eight to six": two figures, the old one set aside by the context step
        return not change_verbs_pattern().search(text, max(0, first.start - 60), first.start)
    return _range_low(first, second) < second.value


def _units_join(first: Quantity, second: Quantity) -> bool:
    return first.unit in (second.unit, "count") or second.unit.startswith(first.unit + " / ")


def _range_low(first: Quantity, second: Quantity) -> float:
    """The low end, carrying the high end's scale over: "40 to 50 million" starts at 40 million,
    and "5-6,000" at 5,000 (a bare low end below the thousands the high end counts in)."""
    carries = (not first.scaled and second.scale > 1 and abs(first.value) < 1000
               and abs(first.value) <= abs(second.value) / second.scale * 10)
    if carries:
        return first.value * second.scale
    thousands = (not first.scaled and second.scale == 1 and first.value == int(first.value) and second.value % 1000 == 0
                 and first.value * 1000 <= second.value < first.value * 10_000)
    return first.value * 1000 if thousands else first.value


def _range(first: Quantity, second: Quantity) -> Quantity:
    """One quantity for both ends; "from 4.8 to 4.7" spans 4.7 to 4.8."""
    ends = sorted((_range_low(first, second), second.value if second.high is None else second.high))
    return replace(
        second, start=first.start, number_start=first.number_start, value=ends[0],
        low=ends[0], high=ends[1], hedge=first.hedge or _hedge_of_high_end(second),
        precision=max(first.precision, second.precision), integer=False, ranged=True,
    )


def _hedge_of_high_end(second: Quantity) -> str | None:
    """The hedge of a range's high end, unless it is the joining "up to"."""
    return None if second.hedge == "up to" else second.hedge


def _shares_unit(text: str, first: Quantity, second: Quantity) -> bool:
    """"eight or nine euros", "7- or 8-inch": the first figure takes the unit stated after both."""
    return (first.unit == "count" and second.unit != "count" and not first.vague
            and _UNIT_SHARED.fullmatch(text, first.end, second.start) is not None)
