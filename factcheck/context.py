"""Context of a figure: its sentence, what it counts, the predicate, source, place and time.

All of it is read from the words around the figure with the lexicons in
``factcheck/lexicons`` (counted.toml, predicates.toml); nothing here is statistical, so the same
sentence always gives the same context.
"""
from __future__ import annotations

import datetime as dt
import math
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from itertools import islice
from typing import Any

import regex

from factcheck.lexicon import alternation, change_verbs_pattern, fold, load
from factcheck.units import is_sum_or_share
from factcheck.vocabulary import measure_predicates, predicate_classes
from factcheck.metadata import MONTHS

_WORD = regex.compile(r"[\w][\w'’-]*")
_QUOTES = regex.compile(r'"[^"\n]*"|“[^”\n]*”|‘[^’\n]*’(?!\w)|(?<!\w)\'[^\'\n]{3,}\'(?!\w)')
_YEAR = r"(?:19|20)\d{2}"
_ORDINAL = r"(?:st|nd|rd|th)?"  # "May 5th", "the 5th of May"
_POSSESSIVE = regex.compile(r"['’]s$")
_TO_NEXT = regex.compile(r"\s+to\b")


@dataclass(frozen=True)
class Patterns:
    """The patterns context reading needs, built once from lexicons/context.toml and
    lexicons/calendar.toml."""

    sentence_end: regex.Pattern
    clause_break: regex.Pattern
    conjunction: regex.Pattern
    place: regex.Pattern
    not_places: frozenset[str]
    name: regex.Pattern
    not_names: frozenset[str]
    points_back: regex.Pattern
    list_label: regex.Pattern
    the_number: regex.Pattern
    time: regex.Pattern


@cache
def patterns() -> Patterns:
    words = load("context")
    return Patterns(
        sentence_end=_sentence_end(words["sentences"]["abbreviations"]),
        clause_break=regex.compile(
            rf"{alternation(m.strip() for m in words['clauses']['marks'])}"
            rf"|,\s+(?:{alternation(words['clauses']['openers'])}|and\s+(?=\d))\b"
            rf"|(?<!\ball\s)\b{alternation(words['clauses']['bare_openers'])}\b"
        ),
        conjunction=regex.compile(rf"\s{alternation(words['clauses']['conjunctions'])}\s", regex.I),
        place=_place(words["places"]),
        not_places=frozenset(words["places"]["not_places"]) | frozenset(_calendar_words()),
        name=regex.compile(r"(?<=[\w,;.)\"”]\s+)[A-Z][\w'’-]+"),  # after a colon a capital opens a clause
        not_names=frozenset(words["names"]["not_names"]) | frozenset(_calendar_words()),
        points_back=regex.compile(
            rf"(?:{alternation(words['pointing_back']['lead_ins'])}\s+)?"
            rf"{alternation(words['pointing_back']['openers'])}\b(?!\s+\d)"
        ),
        list_label=regex.compile(words["list_labels"]["pattern"]),
        the_number=regex.compile(rf"\bthe\s+{alternation(words['the_number']['nouns'])}\s+at\s+$", regex.I),
        time=_time_pattern(),
    )


def _sentence_end(abbreviations: list[str]) -> regex.Pattern:
    """A stop, question or exclamation mark (and closing quotes) before a capital or digit, not
    after an abbreviation or an initial; or a line break."""
    return regex.compile(
        rf"(?<!\b(?:{alternation(abbreviations)}|[A-Z]))"
        r"""[.!?]["”’')\]]*\s+(?=["“‘'(\[]?[A-Z0-9])|\n+"""
    )


def _place(words: dict[str, list[str]]) -> regex.Pattern:
    cue = (rf"(?i:{alternation(words['prepositions'])}|{alternation(words['directions'])}\s+of"
           rf"|{alternation(words['areas'])}\s+of)")
    modifier = rf"(?i:{alternation(words['modifiers'])}\s+)?"
    name = r"(?P<place>(?:[A-Z][\w'’-]+)(?:\s+(?:[A-Z][\w'’-]+|al-[\w]+))*)"
    # "in the Brighton Park neighborhood", "in a West Englewood shooting": a name before a noun
    # of a place or of an incident there.
    named_area = (rf"(?i:{alternation(words['prepositions'])})\s+(?i:the|an?)\s+{name}"
                  rf"(?=\s+(?i:{alternation(words['named_by_place'])})\b)")
    return regex.compile(rf"\b(?:{cue}\s+{modifier}{name}|{named_area})")


def _calendar_words() -> list[str]:
    calendar = load("calendar")
    return [name for names in calendar["months"] for name in names] + calendar["weekdays"]


@cache
def _day_words() -> frozenset[str]:
    """Months, weekdays and relative days, folded: words that name when, never what is counted."""
    return frozenset(fold(word) for word in _calendar_words() + load("calendar")["relative_days"])


_SEASONS = "summer|winter|spring|fall|autumn"
SEASON_BACK_DAYS = 180  # "last summer": some season of the year before, history to a news report


def _time_pattern() -> regex.Pattern:
    """Time cues, from named pieces; month names must be capitalised ("10 may have died" is no
    date), the words around them need not be."""
    months = load("calendar")["months"]
    month = rf"(?:{alternation(name for names in months for name in names)})\.?"
    month_name = alternation(names[0] for names in months)
    ones = alternation(load("numbers")["ones"])
    pieces = {
        "month_day": rf"\b(?P<md_month>{month})\s+(?P<md_day>\d{{1,2}}){_ORDINAL}\b(?:,?\s+(?P<md_year>{_YEAR})\b)?",
        # "5 May", "5th May", "the 5th of May"
        "day_month": rf"\b(?P<dm_day>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?(?P<dm_month>{month})(?![a-z])(?:,?\s+(?P<dm_year>{_YEAR})\b)?",
        "month_year": rf"\b(?P<my_month>{month})\s+(?P<my_year>{_YEAR})\b",
        "year": rf"\b(?i:in|since|of|during)\s+(?P<y_year>{_YEAR})\b",
        # "the 2017 Bramble Fire", "the 2005 quake": a year naming an event; not "the 2000 residents"
        "named_year": rf"\b(?i:the|an?)\s+(?P<ny_year>{_YEAR})(?=\s+(?:\p{{Lu}}|(?!people\b)[a-z]+(?<!s)\b))",
        "month": rf"\b(?i:in|since|during|of|early|late|mid-?)\s+(?P<m_month>{month_name})\b(?!,?\s+(?:{_YEAR}|\d{{1,2}}\b))",
        "relative": rf"\b(?P<relative>(?i:last\s+(?:month|year|{_SEASONS})|the\s+(?:previous|prior)\s+(?:month|year)"
                    rf"|(?:(?:a\s+)?little\s+)?(?:over\s+|more\s+than\s+)?(?:a|an|{ones}|\d{{1,2}})\s+(?:weeks?|months?|years?)\s+(?:ago|after|before|earlier)))\b",
        "weekday": rf"\b(?P<weekday>{alternation(load('calendar')['weekdays'])})\b",
    }
    return regex.compile("|".join(f"(?:{piece})" for piece in pieces.values()))


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Context:
    sentence: Sentence
    counted: str | None
    predicate: str | None
    attribution: str | None
    places: tuple[str, ...]
    names: tuple[str, ...]
    time: str | None
    quoted: bool
    partial: bool
    superseded: bool
    event_words: tuple[str, ...] = ()
    conversion: bool = False
    subjects: tuple[str, ...] = ()
    breakdown: bool = False


SENTENCE_READINGS = 16  # sentences whose readings are kept: figures come in order and ask of their own
# sentence or the one before; 1,024 held a sentence, its text and its regex matches apiece (a
# few hundred KB however small the input)
MAX_SENTENCE_CHARS = 2000  # longer than any sentence of the shared corpora (1,169) or NewsQuant (424)


def sentences(text: str) -> list[Sentence]:
    """The sentences of a view text; a line break always ends a sentence. A run longer than
    MAX_SENTENCE_CHARS without a stop (a flattened table, scraped text) is cut into pieces of
    at most that length: every figure carries its sentence and reads context inside it, so an
    unbounded sentence would make the work and the report grow with the square of the text."""
    return list(_each_sentence(text))


def _each_sentence(text: str) -> Iterator[Sentence]:
    start = 0
    for match in patterns().sentence_end.finditer(text):
        end = match.start() + len(match.group(0).rstrip())
        if text[start:end].strip():
            yield from _bounded(text, start, end)
        start = match.end()
    if text[start:].strip():
        yield from _bounded(text, start, len(text))


def _bounded(text: str, start: int, end: int) -> Iterator[Sentence]:
    """The sentence at ``start:end`` in pieces of at most MAX_SENTENCE_CHARS, each cut at the
    last space before the limit when the piece has one in its second half (else at the limit)."""
    sentence = _trimmed(text, start, end)
    start, end = sentence.start, sentence.end
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, limit)
        piece = _trimmed(text, start, cut if cut > 0 else limit)
        if piece.text:
            yield piece
        start = cut + 1 if cut > 0 else limit
    last = _trimmed(text, start, end)
    if last.text:
        yield last


def _trimmed(text: str, start: int, end: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, text[start:end])


class SentenceIndex:
    """The sentences of a view text, held as arrays of their offsets and each made when asked:
    a Sentence and a copy of its text for every sentence of a dense page would cost several
    times the page. The few made last are kept, and given again: figures ask in order, most
    of them of their own sentence or the one before."""

    KEPT = 4

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts, self.ends = array("q"), array("q")
        for sentence in _each_sentence(text):
            self.starts.append(sentence.start)
            self.ends.append(sentence.end)
        self._made: dict[int, Sentence] = {}

    def index_of(self, offset: int) -> int:
        return max(bisect_right(self.starts, offset) - 1, 0)

    def at(self, offset: int) -> Sentence:
        return self[self.index_of(offset)]

    def __getitem__(self, index: int) -> Sentence:
        if index not in self._made:
            if len(self._made) == self.KEPT:
                del self._made[next(iter(self._made))]
            start, end = self.starts[index], self.ends[index]
            self._made[index] = Sentence(start, end, self.text[start:end])
        return self._made[index]


@cache
def _function_words() -> frozenset[str]:
    return frozenset(load("counted")["function_words"]["words"])


_PHRASE_END = regex.compile(r"[,.;:!?()\[\]\"“”—–]")


def plain_noun(tail: str) -> str | None:
    """The noun right after a figure when no lexicon class knows it: the last of up to three
    words before a function word or punctuation ("two main border crossings" -> "crossings";
    "2,117 career points, passing" -> "points").
    A word of a predicate ends the noun phrase ("five killed"), unless a modifier stands before
    it and it is plural: then it is the noun ("two separate demonstrations"); so does a word
    of the calendar ("205 yards Sunday"), and so does a past form after a plural ("seven
    villages damaged": a participle before a noun modifies it, one after it is a verb)."""
    words: list[str] = []
    predicates, _ = _predicate_lexicon()
    phrase = _PHRASE_END.split(tail[:40], maxsplit=1)[0]
    for word in _WORD.findall(phrase):
        if fold(word) in _function_words() or fold(word) in _day_words() or not word[0].isalpha():
            break
        if words and _plural(words[-1]) and fold(word).endswith("ed"):
            break
        if predicates.match(word):
            if words and _plural(word):
                words.append(fold(word))
            break
        words.append(fold(word))
        if len(words) == 3:
            break
    return words[-1] if words else None


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith("ss")


@cache
def _counted_lexicon() -> tuple[dict[str, str], regex.Pattern, tuple[str, ...], set[str], regex.Pattern]:
    data = load("counted")
    noun_class = {fold(noun): name for name, nouns in data["classes"].items() for noun in nouns}
    skippable = rf"(?!{alternation(data['function_words']['words'])}\b)[\w'’-]+\s+"  # a modifier, not "and" or "of"
    nouns = regex.compile(rf"(?:{skippable}){{0,2}}?(?P<noun>{alternation(noun_class)})\b", regex.I)
    partitive_of = regex.compile(rf"\s*(?:{alternation(data['partitive']['of'])})\b", regex.I)
    return (noun_class, nouns, tuple(data["demonym_suffixes"]["suffixes"]),
            set(data["partitive"]["after"]), partitive_of)


@cache
def _known_noun() -> regex.Pattern:
    noun_class = _counted_lexicon()[0]
    return regex.compile(rf"(?<![\w-])(?P<noun>{alternation(noun_class)})(?![\w-])", regex.I)


@cache
def _restricted() -> regex.Pattern:
    """A modifier after the counted noun that picks out a subset ("four victims with ties to")."""
    return regex.compile(rf"\s+{alternation(load('counted')['partitive']['restrictive'])}\b", regex.I)


@cache
def _among() -> regex.Pattern:
    """ "three Canadians were among the 40 injured": the figure is a part of a whole named later."""
    return regex.compile(rf"(?:\s+[\w'’,-]+){{0,6}}?\s+{alternation(load('counted')['partitive']['among'])}\b", regex.I)


@cache
def _partitive_before() -> regex.Pattern:
    words = load("counted")["partitive"]["before"] + load("counted")["partitive"]["increment_before"]
    hedges = [word for table in load("hedges").values() for word in table["words"]]
    return regex.compile(rf"\b{alternation(words)}\s+(?:{alternation(hedges)}\s+)?$", regex.I)


def _compound_piece() -> str:
    """A compound head after a cue word ("death penalty", "toll road"): the cue names no event."""
    return rf"[\s-]+{alternation(load('frames')['compound_heads']['words'])}\b"


@cache
def _compound_head() -> regex.Pattern:
    return regex.compile(_compound_piece(), regex.I)


@cache
def _predicate_lexicon() -> tuple[regex.Pattern, dict[str, str]]:
    data = load("predicates")
    stem_class = {fold(stem): name for name, table in data.items() for stem in table.get("stems", [])}
    word_class = {fold(word): name for name, table in data.items() for word in table.get("words", [])}
    pattern = regex.compile(
        rf"(?<![\w-])(?:(?P<stem>{alternation(stem_class)})|(?P<stem>{alternation(word_class)})(?![\w-]))(?!{_compound_piece()})",
        regex.I,
    )
    return pattern, stem_class | word_class


def _cues(text: str, start: int, end: int) -> Iterator[regex.Match]:
    """The predicate cues in text[start:end], but for those inside an idiom ("in a bid to")."""
    pattern, _ = _predicate_lexicon()
    idioms = None
    for match in pattern.finditer(text, start, end):
        idioms = idioms if idioms is not None else [idiom.span() for idiom in _idioms().finditer(text, max(0, start - 20), end + 20)]
        if not any(first <= match.start() < last for first, last in idioms):
            yield match


@cache
def _rest_after() -> regex.Pattern:
    return regex.compile(rf"[^.;]*?\band\s+{alternation(load('context')['rest']['phrases'])}\b", regex.I)


@cache
def _alone_after() -> regex.Pattern:
    """ "in Sumatra alone": within a few words after the figure, its place or thing said to
    stand alone."""
    data = load("context")["rest"]
    return regex.compile(rf"(?:\s+[\w'’-]+){{1,{int(data['alone_reach'])}}}?\s+{alternation(data['alone'])}\b", regex.I)


@cache
def _idioms() -> regex.Pattern:
    return regex.compile(rf"(?<![\w-]){alternation(load('context')['idioms']['phrases'])}(?![\w-])", regex.I)


def counted_after(text: str, start: int, end: int, limit: int, distance: bool = False) -> tuple[str | None, bool]:
    """What the figure at ``start:end`` counts, and whether it is a part of a larger whole
    ("four of the victims", "nine others", "of whom four"). A ``distance`` (a length) followed
    by "of" is measured from a place ("within 5 km of the river"), no part of it."""
    noun_class, nouns, demonyms, partitive_after, partitive_of = _counted_lexicon()
    tail = text[end:min(limit, end + 60)]
    if (partitive_of.match(tail) and not distance) or _partitive_before().search(text, max(0, start - 25), start):
        return None, True
    first = _WORD.search(tail)
    if first and first.start() <= 2 and fold(first.group(0)) in partitive_after:
        return None, True
    subset = _among().match(tail) is not None
    match = nouns.match(tail.lstrip())
    if match:
        rest = tail.lstrip()[match.end():]
        counted = noun_class[fold(match.group("noun"))]
        return _with_modifier(tail.lstrip()[:match.start("noun")], counted), subset or _restricted().match(rest) is not None
    if first and first.start() <= 2:
        word = first.group(0)
        noun = plain_noun(tail)
        if word[:1].isupper() and word.endswith(demonyms) and len(word) > 4 and noun == word.lower():
            return "people", subset  # "12,000 Ukrainians"
        return _with_modifier(word if word[:1].isupper() and noun != word.lower() else "", noun) if noun else None, subset
    return None, subset


@cache
def _measured_of() -> regex.Pattern:
    """ "of the vote", "in tax credits", and a sum's form after its payment verb ("will be paid
    in cash")."""
    paid = alternation(load("context")["sums"]["payment_verbs"])
    return regex.compile(rf"(?:\s+(?:will\s+|would\s+|to\s+)?(?:be|is|are|was|were)\s+{paid}(?=\s+in\b))?"
                         r"\s+(?:of|in(?=\s+\p{Ll}))\s+(?:(?:the|a|an|its|their|his|her|our)\s+)?")


def measured_of(text: str, end: int, limit: int) -> str | None:
    """What a share or a sum is of: "53.6% of the vote", "a third of the shops", "$1.2 million
    in tax credits" (a capitalised word after "in" is a place, not a thing). Measures in units
    are left out: "128GB of storage" and "256GB of storage" are specifications of two models."""
    of = _measured_of().match(text, end, limit)
    if of is None:
        return None
    noun = plain_noun(text[of.end():limit])
    return None if noun is None or _JOINED_NOUN.match(text, of.end(), limit) else noun


# "in cash and stock", "of shares or cash": a sum of two things together names neither alone
# (a verb after "and" begins another clause: "53.6% of the vote and passing by 3,400 votes")
_JOINED_NOUN = regex.compile(r"(?:\p{Ll}[\w'’-]*\s+){0,2}\p{Ll}[\w'’-]*\s+(?:and|or)\s+\p{Ll}[\w'’-]*(?<!ing|ed)(?=\s*[,.;:!?)]|\s+(?:for|to|from|in|of|on|at|by|with)\b|\s*$)")


@cache
def _distances() -> frozenset[str]:
    return frozenset(load("units")["distances"]["units"])


def _with_modifier(modifiers: str, counted: str) -> str:
    """A capitalised modifier narrows what is counted: "two Chinese tourists" count Chinese
    tourists, not people; "four UN soldiers" count UN soldiers."""
    named = [word.lower() for word in _WORD.findall(modifiers) if word[:1].isupper()]
    return " ".join([*named, counted])


WINDOW_CHARS = 70  # how far after a figure its predicate may stand


def predicate_near(text: str, start: int, end: int, clause: tuple[int, int], figures: tuple[int, int]) -> str | None:
    """The predicate class of a figure: the nearer (``_distance``) of the last cue before it
    ("killed 16", "wounding six") and the first after it ("35,000 people killed", "one mile
    below ground"); the one after wins a tie ("Five dead, 8 wounded"), and must stand within
    WINDOW_CHARS.
    The search never crosses the clause or a neighbouring figure of the same unit (``figures``:
    previous end, next start), and a cue nearer to the neighbour is the neighbour's; a
    "24-hour strike" does not compete with a crowd of 30,000 (another unit)."""
    _, classes = _predicate_lexicon()
    previous_end, next_start = figures
    before = None
    for match in _cues(text, max(clause[0], previous_end), start):
        before = match
    cues_after = _cues(text, end, min(clause[1], next_start, end + WINDOW_CHARS))
    after = next(cues_after, None)
    if after and _names_who(text, end, after):
        after = next(cues_after, None) or after  # "Five protesters were shot": the verb says what happened to them
    if before and previous_end > clause[0] and _nearer_first(text, (previous_end, before.start()), (_word_end(text, before.end()), start)):
        before = None  # "Five dead, 8 wounded": "dead" belongs to five
    if after and next_start < clause[1] and _nearer_first(text, (_word_end(text, after.end()), next_start), (end, after.start())):
        after = None  # "trapping six people and injuring another 30": "injuring" belongs to 30
    if before is None and after is None:
        return None
    gap_before = _distance(text, _word_end(text, before.end()), start) if before else math.inf
    gap_after = _distance(text, end, after.start()) if after else math.inf
    if before and predicate_classes()[classes[fold(before.group("stem"))]].get("leads") and gap_before <= 2:
        return classes[fold(before.group("stem"))]
    nearest = before if gap_before < gap_after else after
    found = classes[fold(nearest.group("stem"))]
    if nearest is after and gap_after <= 1 and _counts_the_cue(text, after, found):
        return None  # "20 smaller earthquakes": a count of quakes, not a magnitude
    if predicate_classes()[found].get("decimal") and "." not in text[start:end] and min(gap_before, gap_after) > 0:
        return None  # "flattening seven villages" near "magnitude": magnitudes come with a decimal
    return found


def _names_who(text: str, end: int, cue: regex.Match) -> bool:
    """A cue that is the plural noun right after a figure ("five protesters", "200 marchers")
    names who is counted; a cue after it in the clause tells what happened to them."""
    word = text[cue.start():_word_end(text, cue.end())]
    return _distance(text, end, cue.start()) <= 1 and word.lower().endswith("s")


def _nearer_first(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether a cue belongs to the figure across the ``first`` gap rather than the ``second``.
    A clause mark on one side only parts the cue from that side ("20 people were injured, four
    critically": "injured" is the twenty's); otherwise the nearer figure takes it."""
    marked_first, marked_second = (_clause_mark().search(text, *gap) is not None for gap in (first, second))
    if marked_first != marked_second:
        return marked_second
    return _distance(text, *first) < _distance(text, *second)


@cache
def _clause_mark() -> regex.Pattern:
    """A comma, semicolon or colon, or a word that opens a subordinate clause ("four others
    were hurt when two gunmen opened fire": "hurt" is the four's)."""
    return regex.compile(rf"[,;:]|\b{alternation(load('context')['clauses']['subordinators'])}\b", regex.I)


def _counts_the_cue(text: str, cue: regex.Match, predicate: str) -> bool:
    """True when a measure's cue right after a figure is the plural noun the figure counts."""
    word = text[cue.start():_word_end(text, cue.end())]
    return bool(predicate_classes()[predicate].get("measure")) and word.lower().endswith("s")


def _word_end(text: str, offset: int) -> int:
    """The end of the word a stem match stops inside ("injur|ing" -> after "injuring")."""
    while offset < len(text) and (text[offset].isalnum() or text[offset] in "-'’"):
        offset += 1
    return offset


CONJUNCTION_DISTANCE = 2  # "killed and nine others were injured": "and" opens a new clause


def _distance(text: str, start: int, end: int) -> int:
    """Words and punctuation marks between two offsets, a conjunction counting extra: "dead, 8"
    is farther than "dead 8", and "injured and five" farther than "people were injured"."""
    between = text[start:end]
    conjunction = CONJUNCTION_DISTANCE if patterns().conjunction.search(" " + between + " ") else 0
    return len(_WORD.findall(between)) + sum(between.count(mark) for mark in ",;:") + conjunction


_TOKEN = regex.compile(r"[\w][\w'’-]*|[,;:]")


@cache
def _frames() -> dict:
    return load("frames")


def event_words(text: str, start: int, end: int, clause: tuple[int, int], figures: tuple[int, int]) -> tuple[str, ...]:
    """Open-vocabulary candidates for what happened to the things a figure counts: the lower-case
    words of its clause nearest to it ("42 passengers drowned", "buses carried 300"), nearest
    first, the word after winning a tie. Function words, names and numbers are passed over; a
    comma or a conjunction ends the search, as does a neighbouring figure of the same unit.
    Which of them is an event (a verb, or a noun such as "toll") is the lemmatiser's to say,
    in factcheck.frames, so extraction pays for no dictionary."""
    reach = _frames()["reach"]
    low, high = max(clause[0], figures[0]), min(clause[1], figures[1])
    before = _open_words(text, reversed(list(_TOKEN.finditer(text, low, start))[-reach["before"] * 2:]), reach["before"])
    after = _open_words(text, _TOKEN.finditer(text, end, high), reach["after"])
    ranked = sorted([(distance, 1, word) for distance, word in before] + [(distance, 0, word) for distance, word in after])
    return tuple(dict.fromkeys(word for *_, word in ranked))


def _open_words(text: str, tokens, reach: int) -> list[tuple[int, str]]:
    """(distance, word) for the content words among ``tokens`` (read outwards from a figure);
    a word that begins a compound ("the death penalty") names no event of its own."""
    found: list[tuple[int, str]] = []
    for distance, token in enumerate(tokens):
        word = token.group(0)
        if distance >= reach or word in ",;:" or word.lower() in _conjunction_words():
            break
        if word[0].isalpha() and word[0].islower() and word not in _function_words() \
                and not _compound_head().match(text, token.end()):
            found.append((distance, word))
    return found


@cache
def _conjunction_words() -> frozenset[str]:
    return frozenset(load("context")["clauses"]["conjunctions"])


@cache
def _whole_opener() -> regex.Pattern:
    """ "Of the 30 detained, ": a sentence opening that names the whole its figures are parts of."""
    openers = alternation(_frames()["whole_before"]["openers"])
    return regex.compile(rf"(?i:{openers})\s[^,;]{{1,80}},\s", regex.I)


def part_of_named_whole(text: str, sentence: Sentence, start: int) -> bool:
    """True for a figure after a sentence opening that names its whole ("Of the 30 detained,
    14 are nationals of X": 14), not for the whole's own figure."""
    opener = _whole_opener().match(text, sentence.start, sentence.end)
    return bool(opener and opener.end() <= start)


@cache
def _individual_after() -> regex.Pattern:
    data = _frames()["individual"]
    return regex.compile(rf"\b(?:{alternation(data['after'])}|in\s+(?:the|his|her)\s+{alternation(data['body_parts'])})\b", regex.I)


@cache
def _coordinated() -> tuple[regex.Pattern, regex.Pattern]:
    """People named otherwise, joined by "and" before a figure ("his parents and") or after its
    noun ("men and a woman")."""
    people = alternation(load("counted")["partitive"]["coordinated_people"])
    before = regex.compile(rf"\b(?:{people})\s+and\s+$", regex.I)
    after = regex.compile(rf"\s+(?:[a-z-]+\s+){{0,2}}?(?:{people})\s+and\s+(?:a|an|one|his|her|their|the)\s+"
                          rf"(?:[a-z-]+\s+){{0,2}}?(?:{people})\b", regex.I)
    return before, after


def coordinated_with_people(text: str, sentence: Sentence, start: int, end: int) -> bool:
    """ "fatally shooting his parents and three younger siblings", "Two men and a woman were
    shot": a count joined to people named otherwise is one part of those the event befell."""
    before, after = _coordinated()
    return (before.search(text, max(sentence.start, start - 40), start) is not None
            or after.match(text, end, sentence.end) is not None)


def describes_one(text: str, sentence: Sentence, start: int, end: int) -> bool:
    """ "One man was shot in the leg, another in the arm": "one" picks out a victim to describe,
    it does not count the shot."""
    if fold(text[start:end]) not in _frames()["individual"]["words"]:
        return False
    return _individual_after().search(text, end, sentence.end) is not None


_PAST_FORM_BEFORE = regex.compile(r"(?<![\w-])(?P<verb>[a-z]+ed)\s+(?:(?:about|some|nearly|almost|around|roughly|over|more\s+than|at\s+least)\s+)?$")
CUE_RIGHT_AFTER_WORDS = 2  # a lexicon cue this close after a figure is its own ("300 people shot")


def _governed_before(text: str, clause_start: int, start: int) -> bool:
    """A past form right before the figure that the predicate lexicon does not know ("scattered
    300", "carried 300"): the verb the figure is the object of."""
    before = _PAST_FORM_BEFORE.search(text, max(clause_start, start - 40), start)
    return before is not None and not _predicate_lexicon()[0].match(before.group("verb"))


def _cue_right_before(text: str, clause_start: int, start: int) -> bool:
    """A lexicon cue is the word right before the figure ("killing two")."""
    before = _WORD_BEFORE.search(text, max(clause_start, start - 40), start)
    return before is not None and _predicate_lexicon()[0].match(before.group("word")) is not None


_WORD_BEFORE = regex.compile(r"(?<![\w-])(?P<word>[\w'’-]+)\s+$")


@cache
def _of_group() -> regex.Pattern:
    """ "of them", "of whom": the figure picks its part out of a group named before it."""
    return regex.compile(rf"\s*(?:{alternation(load('counted')['partitive']['group'])})\b", regex.I)


def _words_after(text: str, end: int, clause_end: int) -> int:
    """Where the ``CUE_RIGHT_AFTER_WORDS`` words right after a figure end: they are the
    figure's own, however near the next figure ("Two people remain trapped and more than 50
    injured": "remain" says the two are a state of now)."""
    words = list(islice(_WORD.finditer(text, end, clause_end), CUE_RIGHT_AFTER_WORDS))
    return words[-1].end() if words else end


def _cue_right_after(text: str, end: int, clause_end: int) -> bool:
    """A lexicon cue within a few words after the figure ("300 people shot", "20 miles north of")."""
    words = list(islice(_WORD.finditer(text, end, clause_end), CUE_RIGHT_AFTER_WORDS + 1))
    reach = words[-1].end() if words else end
    return _predicate_lexicon()[0].search(text, end, reach) is not None


_OLD_AFTER = regex.compile(r"s?[- ]old\b")


@cache
def _increment() -> regex.Pattern:
    """An increment word right after a figure ("three more", "two additional")."""
    return regex.compile(rf"\s+{alternation(load('counted')['partitive']['after'])}\b", regex.I)


@cache
def _increment_before() -> regex.Pattern:
    """An increment word right before a figure ("another four", "a further 20")."""
    return regex.compile(rf"\b{alternation(load('counted')['partitive']['increment_before'])}\s+$", regex.I)


@cache
def _detail_opener() -> regex.Pattern:
    """ "..., with 35,000 bodies never recovered": a word that brings in a detail of the figure
    before, right before this one (a hedge or two between)."""
    return regex.compile(rf"(?<!\w){alternation(load('counted')['partitive']['detail_openers'])}\s+(?:[a-z]+\s+){{0,2}}$", regex.I)


def _increment_word_before(text: str, start: int) -> bool:
    return _increment_before().search(text, max(0, start - 20), start) is not None


def _is_increment(text: str, start: int, end: int) -> bool:
    return _increment().match(text, end) is not None or _increment_word_before(text, start)
_OTHERS_AFTER = regex.compile(r"\s+others\b", regex.I)
PART_LIST_WORDS = 8  # how far a list of parts may run on from one part to the next
_AND = regex.compile(r"\band\b|,")
_CONVERSION_GLUE = regex.compile(r"\s*(?:[(\[;/]|,\s*or|\bor)\s*(?:about\s+|roughly\s+|some\s+)?")
_CURRENCY = regex.compile(r"[A-Z]{3}")


def _is_currency(unit: str) -> bool:
    return _CURRENCY.fullmatch(unit) is not None


_COORDINATION = regex.compile(r"\s*,?\s+(?:and|or|&)\s+")
_BREAKDOWN_GLUE = regex.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)$")


MODIFIED_NOUN_WORDS = 3  # a noun this few words after a measure is the noun it modifies


def known_nouns(text: str, clause: tuple[int, int]) -> tuple[tuple[int, str], ...]:
    """(offset, class) of every noun of the counted lexicon in the clause, in order."""
    noun_class = _counted_lexicon()[0]
    return tuple((m.start(), noun_class[fold(m.group("noun"))]) for m in _known_noun().finditer(text, *clause))


def measured_thing(text: str, nouns: tuple[tuple[int, str], ...], start: int) -> str | None:
    """For measures (magnitude, depth, worth): the nearest known noun of the clause (its
    ``known_nouns``), so that "an earthquake with a magnitude of 4.6" measures the quake, not
    an aftershock.
    A noun the figure modifies ("a 6.1-magnitude earthquake", a noun within
    ``MODIFIED_NOUN_WORDS`` words after it) is the thing, however near another noun stands
    before ("child dead as 6.1-magnitude earthquake hits")."""
    modified = None
    for offset, thing in nouns:
        if offset > start:  # the first noun after the figure is the nearest one it may modify
            if len(_WORD.findall(text, start, offset)) <= MODIFIED_NOUN_WORDS:
                modified = (offset - start, thing)
            break
    nearest = modified or min(((abs(offset - start), thing) for offset, thing in nouns), default=None)
    return nearest[1] if nearest else None


def clause_breaks(text: str, sentence: Sentence) -> tuple[list[int], list[int]]:
    """The starts and the ends of the clause breaks of a sentence, in order."""
    found = [match.span() for match in patterns().clause_break.finditer(text, sentence.start, sentence.end)]
    return [start for start, _ in found], [end for _, end in found]


def _clause(breaks: tuple[list[int], list[int]], start: int, end: int, sentence: Sentence) -> tuple[int, int]:
    """The clause of the figure at ``start:end``: from the last break before it to the first
    after it (``breaks`` from ``clause_breaks``), inside its sentence."""
    starts, ends = breaks
    before = bisect_right(ends, start)
    after = bisect_left(starts, end)
    return (ends[before - 1] if before else sentence.start, starts[after] if after < len(starts) else sentence.end)


@cache
def _attribution() -> regex.Pattern:
    """ "according to X", "X said" (X a name, or a role as in "the mayor of Ostrava", with a name
    set off by commas after it: "the organisers, Tidewater Rising, said"), "said X"."""
    data = load("sources")
    roles, verbs = alternation(data["roles"]), alternation(data["verbs"] + data["estimate_verbs"])
    name = r"[A-Z][\w.'’-]*+"  # possessive, as every word here: a word is never given back
    source = rf"(?:the\s+)?(?:(?:{name}|[a-z][\w'’-]*+)\s+){{0,3}}?(?:{name}|{roles})(?:\s+of\s+(?:the\s+)?{name}(?:\s+{name})*)?"
    return regex.compile(  # a source starts where a word does: inside a long token, no retries
        rf"""(?i:according)\s+to\s+(?P<according>(?:the\s+)?[\w.'’ -]{{2,60}}?)(?=[,.;]|\s+(?:who|which|that|on|in|as)\b|$)
          | (?<![\w.'’-])(?P<saying>{source})(?:,\s+(?:{name}\s+){{0,3}}{name},)?\s+(?P<verb>(?i:{verbs}))\b
          | \b(?i:{verbs})\s+(?P<after>(?:the\s+)?(?:{name}\s*){{1,5}})""",
        regex.VERBOSE,
    )


@cache
def _saying() -> regex.Pattern:
    """A cheap first look: a sentence without a verb of saying or "according" names no source."""
    data = load("sources")
    return regex.compile(rf"\b(?:according|{alternation(data['verbs'] + data['estimate_verbs'])})\b", regex.I)


def attribution_in(sentence: Sentence, at: int | None = None) -> str | None:
    """Who the sentence says gave its figures: "according to X" first, then "X said". When it
    names several sources, a figure ``at`` an offset of the sentence is the last one's before
    it, or else the first's after it: "Police put the crowd at about 400, while organisers
    said 2,000" gives each source its own figure."""
    sources = _sources_in(sentence)
    if not sources:
        return None
    if at is None or len({found for _, _, found in sources}) == 1:
        return min(sources, key=lambda source: (source[1], source[0]))[2]  # "according to" first
    before = [source for source in sources if source[0] <= at]
    return max(before)[2] if before else min(sources)[2]


@lru_cache(maxsize=SENTENCE_READINGS)  # every figure of a sentence asks again
def _sources_in(sentence: Sentence) -> tuple[tuple[int, bool, str], ...]:
    """The sources the sentence names: where each starts, whether it is not an "according
    to", and its name."""
    if not _saying().search(sentence.text):
        return ()
    return tuple((match.start(), match.group("according") is None, found) for match in _attribution().finditer(sentence.text)
                 if (found := normalise_source(match.group("according") or match.group("saying") or match.group("after") or ""))
                 and _names_someone(found, match))


def _names_someone(source: str, match: regex.Match) -> bool:
    """A source is a name or a role, not a pronoun ("It said"); an estimate verb such as "put"
    needs "at" to follow ("Police put the crowd at 30,000", not "Storms put 300 homes")."""
    if source in patterns().not_names or source.capitalize() in patterns().not_names:
        return False
    verb = match.group("verb")
    return verb is None or fold(verb) not in load("sources")["estimate_verbs"] or " at " in match.string[match.end():]


def normalise_source(name: str) -> str | None:
    words = name.split()
    while words and fold(words[0]) in load("sources")["leading_words"]:
        words = words[1:]
    return " ".join(words).strip(" ,.") or None


def places_in(text: str, start: int, end: int) -> tuple[str, ...]:
    """Places named in the figure's clause ("in Lyon", "north of Ostrava")."""
    aliases = _place_aliases()
    found = []
    for match in patterns().place.finditer(text, start, end):
        place = _POSSESSIVE.sub("", match.group("place"))
        if place.split()[0] not in patterns().not_places:
            found.append(aliases.get(place, place))
    return tuple(sorted(set(found)))


DATELINE = "from"  # a claim's pseudo-place "(from PLACE)": the dateline of its article
DATELINE_REACH = 400  # a dateline opens one of the lines within this many characters of the start


@cache
def _dateline() -> regex.Pattern:
    """ "HALLANDALE BEACH, FLA. (WSVN) - ", "SAN FRANCISCO (CBS SF) — ", "MIAMI – ": a place in
    capitals at the start of a line, an optional region and outlet in brackets, then a dash."""
    pieces = load("context")["dateline"]
    place = r"(?P<place>[A-Z][A-Z.'’-]*(?:[ ][A-Z][A-Z.'’-]*){0,3})"
    region = r"(?:,[ ]+[A-Z][\w.]*(?:[ ][A-Z][\w.]*){0,2})?"
    outlet = r"(?:[ ]*\([^()\n]{1,40}\))?"
    return regex.compile(rf"(?m)^[ \t]*{place}{region}{outlet}[ ]*(?:{alternation(pieces['dashes'])})[ ]")


def dateline_of(text: str) -> str | None:
    """The place of the dateline opening one of the first lines of the text, if any."""
    match = _dateline().search(text, 0, DATELINE_REACH)
    if match is None or len(match.group("place")) < 3:
        return None
    return match.group("place").upper().rstrip(".")


_WHERE = regex.compile(r"\s*where\b", regex.I)
WHERE_REACH = 60  # how far before "where" the place it points back to may start


def place_where(text: str, clause: tuple[int, int]) -> tuple[str, ...]:
    """The place a clause opening with "where" points back to: the last one named right before
    it ("into neighbouring Ethiopia, where more than 30,000 have found refuge")."""
    if not _WHERE.match(text, clause[0], clause[1]):  # bounded: unbounded, regex scans to the text's end
        return ()
    named = [match for match in patterns().place.finditer(text, max(0, clause[0] - WHERE_REACH), clause[0])
             if match.group("place").split()[0] not in patterns().not_places]
    if not named:
        return ()
    place = _POSSESSIVE.sub("", named[-1].group("place"))
    return (_place_aliases().get(place, place),)


PLACE_REACH = 30  # how far after a distance its reference place may start ("3 miles southwest of")


def first_place_after(text: str, start: int, end: int) -> tuple[str, ...]:
    """The place a distance is measured from: the first one named right after the figure."""
    match = patterns().place.search(text, start, end)
    if match is None or match.start() - start > PLACE_REACH:
        return ()
    place = _POSSESSIVE.sub("", match.group("place"))
    return (_place_aliases().get(place, place),)


def scope_in(text: str, span: tuple[int, int], near: bool, figure: tuple[int, int] | None = None) -> frozenset[str]:
    """Scopes wider than any place ("nationwide", "across the country") named in ``span``, as
    pseudo-places: with ``near``, only the moments ("remain", "initially": places.toml
    [near_figure]), which are the figure's only in its own stretch (in "two remain trapped and
    more than 50 were injured" it is the two's) and only after a verb of saying that introduces
    the figure (in "the source, who wished to remain anonymous, said the loot was worth 2
    million" the moment is the speaker's: see ``_after_saying``); without, the others, read in
    the clause. A moment with a reach in words (``reach_words``) is the figure's only that near
    it ("scored seven points in the first half", not "threw for 205 yards, and his pass late in
    the fourth quarter")."""
    near_figure = load("places")["near_figure"]
    moments, reach = set(near_figure["scopes"]), near_figure.get("reach_words", {})
    return frozenset(f"({name})" for name, pattern in _scopes().items()
                     if (name in moments) == near
                     and pattern.search(text, *_within_words(text, span, figure, reach.get(name))))


def _within_words(text: str, span: tuple[int, int], figure: tuple[int, int] | None, words: int | None) -> tuple[int, int]:
    """``span`` narrowed to ``words`` words each side of the figure, when both are given."""
    if figure is None or words is None:
        return span
    before = list(_WORD.finditer(text, span[0], figure[0]))[-words:]
    after = list(islice(_WORD.finditer(text, figure[1], span[1]), words))
    return (before[0].start() if before else figure[0]), (after[-1].end() if after else figure[1])


def _after_saying(text: str, start: int, figure: int) -> int:
    """Where the reported words begin: after the last verb of saying between ``start`` and the
    figure, else ``start``."""
    found = [match.end() for match in _saying().finditer(text, start, figure)]
    return found[-1] if found else start


@cache
def _scopes() -> dict[str, regex.Pattern]:
    return {name: regex.compile(rf"\b{alternation(words)}\b", regex.I) for name, words in load("places")["scope"].items()}


@cache
def _place_aliases() -> dict[str, str]:
    """Other names of a place -> the name used to compare ("Salonika" -> "Thessaloniki")."""
    return {alias: name for name, others in load("places")["aliases"].items() for alias in others}


TIME_REACH_AFTER = 60  # characters after a figure within which a time cue still pins it


def time_in(sentence: Sentence, published: str | None, until: int | None = None) -> str | None:
    """The date the sentence pins its figures to ("on Oct. 7", "in June 2012", "last month"),
    resolved against the publication date; ``--MM`` for a month in an undated article; None
    when it pins none. With ``until`` (an offset into the sentence) only a cue starting before
    it counts: "injuring dozens in a region devastated by the tsunami of 2004" dates the
    tsunami, not the injured."""
    first, adverbial = _time_cues(sentence.text)
    first_counts = first is not None and (until is None or first.start() < until)
    if not first_counts and adverbial is not None and until is not None and _future_before_a_past_clause(
            sentence.text, until - TIME_REACH_AFTER, adverbial.start()):
        return None
    return _time_of(sentence, published, first_counts)


@cache
def _the_event() -> regex.Pattern:
    nouns = alternation(load("context")["pointing_back"]["event_nouns"])
    return regex.compile(rf"\bthe\s+(?:[\w.-]+\s+){{0,2}}?(?P<noun>{nouns})\b", regex.I)


@lru_cache(maxsize=SENTENCE_READINGS)  # asked by every undated figure of the sentence
def _names_the_event_before(text: str, previous: str) -> bool:
    """The sentence names, after "the", an event the previous sentence names too."""
    return any(regex.search(rf"\b{regex.escape(match.group('noun'))}\b", previous, regex.I)
               for match in _the_event().finditer(text))


def _future_before_a_past_clause(text: str, figure_end: int, cue: int) -> bool:
    """ "Homeowners will see a 21% increase next year after voters approved the levy on
    Tuesday": a time in a subordinate clause after a figure said of the future dates that
    clause's event, not the figure."""
    return (_FUTURE.search(text, 0, figure_end) is not None
            and _subordinator().search(text, figure_end, cue) is not None)


@cache
def _subordinator() -> regex.Pattern:
    return regex.compile(rf"\b{alternation(load('context')['clauses']['subordinators'])}\b", regex.I)


@lru_cache(maxsize=SENTENCE_READINGS)  # keyed by which cue counts, not by the figure's offset:
# an entry per figure of a dense sentence would push its own sentence's out
def _time_of(sentence: Sentence, published: str | None, first_counts: bool) -> str | None:
    """``time_in`` of the sentence's first cue (``first_counts``) or its first adverbial one."""
    first, adverbial = _time_cues(sentence.text)
    match = first if first_counts else adverbial
    if match is None:
        return None  # cues come in order: when the first starts too late, only an adverbial one may count
    reference = dt.date.fromisoformat(published) if published else None
    groups = {name: value for name, value in match.groupdict().items() if value}
    if "relative" in groups:
        return _relative(fold(groups["relative"]), reference)
    if "weekday" in groups:
        return _weekday(groups["weekday"], reference)
    month_name = next((groups[k] for k in ("md_month", "dm_month", "my_month", "m_month") if k in groups), None)
    year_text = next((groups[k] for k in ("md_year", "dm_year", "my_year", "y_year", "ny_year") if k in groups), None)
    day_text = groups.get("md_day") or groups.get("dm_day")
    month = MONTHS[fold(month_name)[:3]] if month_name else 1
    year = int(year_text) if year_text else (reference.year if reference else None)
    if year is None:
        return f"--{month:02d}" if month_name else None  # ISO 8601 month without a year
    try:
        date = dt.date(year, month, int(day_text) if day_text else 1)
    except ValueError:
        return None
    if reference and not year_text and (date - reference).days > UPCOMING_DAYS:
        date = _shifted(date, -1)
    elif reference and not year_text and date < reference and _FUTURE.search(sentence.text, 0, match.start()):
        date = _shifted(date, 1)  # "will raise the rate by 12% starting in January": the next January
    return date.isoformat()


@lru_cache(maxsize=SENTENCE_READINGS)
def _time_cues(text: str) -> tuple[regex.Match | None, regex.Match | None]:
    """The first time cue of a sentence and its first cue that dates the whole clause
    (``_adverbial``): read once, however many figures of the sentence ask."""
    cues = list(patterns().time.finditer(text))
    return (cues[0] if cues else None), next((cue for cue in cues if _adverbial(text, cue.start())), None)


_CLAUSE_TIME = regex.compile(r"(?<![\w-])(?:in|on|since)\s+$", regex.I)
_CLAUSE_TIME_OPENING = regex.compile(r"(?:in|on|since)\s", regex.I)


def _adverbial(text: str, start: int) -> bool:
    """A time cue after "in", "on" or "since" dates its whole clause, however far after the
    figure it stands ("killed 26,000 people in the ancient city of Bam in December 2003"); one
    after "of" dates only its noun ("the tsunami of 2004")."""
    return (_CLAUSE_TIME_OPENING.match(text, start) is not None
            or _CLAUSE_TIME.search(text, max(0, start - 7), start) is not None)


UPCOMING_DAYS = 31  # a yearless date this far after publication is last year's ("on Oct. 7")


def _shifted(date: dt.date, years: int) -> dt.date:
    """The same day ``years`` years later (earlier when negative); 29 February falls back to the 28th."""
    return date.replace(year=date.year + years, day=min(date.day, 28) if date.month == 2 else date.day)


_FUTURE = regex.compile(r"\b(?:will|shall|is\s+due\s+to|are\s+due\s+to|is\s+set\s+to|are\s+set\s+to|starting|beginning)\b", regex.I)


_AGO_DAYS = {"week": 7, "month": 30, "year": 365}  # "four months ago": a day count is enough


def _weekday(name: str, reference: dt.date | None) -> str:
    """ "on Sunday": the last such day on or before publication; in an undated article, the day
    of the week alone (``-W-7``, ISO 8601's day of an unnamed week)."""
    day = load("calendar")["weekdays"].index(name) + 1
    if reference is None:
        return f"-W-{day}"
    return (reference - dt.timedelta(days=(reference.isoweekday() - day) % 7)).isoformat()


EARLIER_UNDATED = "--00"  # "a month earlier" in an undated article: some month before it, so history


_SPAN_BACK = regex.compile(r"(?P<count>\w+)\s+(?P<unit>week|month|year)s?\s+(?:ago|after|before|earlier)$")


def _relative(phrase: str, reference: dt.date | None) -> str | None:
    """The date a relative cue points to: "four months ago" (or "a month after", said of an
    earlier event), "last month", "the previous year", "last summer"."""
    if reference is None:
        return None if "week" in phrase else EARLIER_UNDATED  # a week back is still live reporting
    span = _SPAN_BACK.search(phrase)
    if span:
        count = span.group("count")
        amount = int(count) if count.isdigit() else load("numbers")["ones"].get(count, 1)
        return (reference - dt.timedelta(days=amount * _AGO_DAYS[span.group("unit")])).isoformat()
    if regex.search(rf"\b(?:{_SEASONS})\b", phrase):
        return (reference - dt.timedelta(days=SEASON_BACK_DAYS)).isoformat()
    if "month" in phrase:
        previous = reference.replace(day=1) - dt.timedelta(days=1)
        return previous.replace(day=1).isoformat()
    return reference.replace(year=reference.year - 1, day=min(reference.day, 28)).isoformat()


@lru_cache(maxsize=SENTENCE_READINGS)
def names_in(sentence: Sentence) -> tuple[str, ...]:
    """Capitalised words inside the sentence (not its first and not in a place phrase): the
    people, bodies and events it is about, used to tell whether an undated figure can be about
    a dated event. Places are left out: they frame a sentence rather than name its event."""
    place_words = {_POSSESSIVE.sub("", word) for match in patterns().place.finditer(sentence.text)
                   for word in match.group("place").split()}
    found = {_POSSESSIVE.sub("", word) for word in patterns().name.findall(sentence.text)}
    return tuple(sorted(name for name in found
                        if name.capitalize() not in patterns().not_names and name not in place_words))


@cache
def _complement() -> regex.Pattern:
    prepositions = alternation(load("context")["subjects"]["complement_prepositions"])
    return regex.compile(rf"\b(?i:{prepositions})\s+(?:(?i:the|a|an)\s+)?(?P<name>\p{{Lu}}[\w'’-]*(?:\s+\p{{Lu}}[\w'’-]*){{0,2}})")


def complement_names(text: str, start: int, end: int) -> frozenset[str]:
    """The words of the names that stand after a complement's preposition between ``start``
    (the figure's end) and ``end``: what the verb acts on or from, not whom the figure is of."""
    return frozenset(_POSSESSIVE.sub("", word) for match in _complement().finditer(text, start, end)
                     for word in match.group("name").split())


def clause_words(text: str, clause: tuple[int, int]) -> frozenset[str]:
    return frozenset(_POSSESSIVE.sub("", word) for word in _WORD.findall(text, *clause))


_MID_SENTENCE_NAME = regex.compile(r"(?<=[\w,;][ \t]+)\p{Lu}[\w'’-]+")  # never after a full stop or a line break: no sentence's or line's first word
_FIRST_WORD = regex.compile(r"\s*\K\p{Lu}[\w'’-]+")
_OF_WHOLE = regex.compile(r"\s*-?\s*of\s*-?\s*")  # "28 of 41", "29-of-34": a part and its whole
_RELATIVE_OPENING = regex.compile(r",\s+(?:who|whom|whose|which)\s*$", regex.I)
_NAME_BEFORE = regex.compile(r"(?P<name>(?:\p{Lu}[\w'’.-]*\s+){0,3}\p{Lu}[\w'’.-]*)(?:\s*\([^()]{1,20}\))?$")  # "the Chiefs (2-13), who"


def antecedent(text: str, sentence: Sentence, clause: tuple[int, int]) -> tuple[str, ...]:
    """The name a relative clause is about ("Garrard, who completed 28 passes": Garrard, a name
    even where it opens the sentence), when the figure's clause opens with ", who" or ", which"
    right after one; its words count as the clause's own."""
    opening = _RELATIVE_OPENING.search(text, max(sentence.start, clause[0] - 12), clause[0])
    if opening is None:
        return ()
    name = _NAME_BEFORE.search(text, max(sentence.start, opening.start() - 80), opening.start())
    return tuple(sorted(clause_words(text, name.span("name")))) if name else ()


def subjects_in(words: frozenset[str], names: tuple[str, ...], source: str | None) -> tuple[str, ...]:
    """The names of the figure's own clause (its ``words``), less its source: whom or what the
    figure is about ("Miller averaged 15.5 points" is Miller's figure, not Iguodala's)."""
    said_by = set(source.split()) if source else set()
    return tuple(name for name in names if name in words and name not in said_by)


@cache
def _set_aside_marker() -> regex.Pattern:
    """ "an incorrect weight of", "initially reported": words that set the next figure aside."""
    data = load("revisions")["superseded"]
    window = int(data["window_words"])
    return regex.compile(rf"\b{alternation(data['before'])}\b(?:\W+\w+){{0,{window}}}?\W*$", regex.I)


def superseded_at(text: str, clause: tuple[int, int], start: int, end: int) -> bool:
    """True when the text sets the figure aside: an old value or a figure called wrong."""
    marked, change = _set_aside_marker(), change_verbs_pattern()
    head = text[max(clause[0], start - 60):start]
    if marked.search(head):
        return True
    return bool(change.search(head) and _TO_NEXT.match(text, end, end + 5))


def quotations(text: str, sentence: Sentence) -> tuple[list[int], list[int]]:
    """The starts and the ends of the quoted stretches of a sentence, in order."""
    found = [match.span() for match in _QUOTES.finditer(text, sentence.start, sentence.end)]
    return [start for start, _ in found], [end for _, end in found]


def quoted_at(quotes: tuple[list[int], list[int]], offset: int) -> bool:
    """True when ``offset`` lies inside one of the ``quotes`` (from ``quotations``)."""
    starts, ends = quotes
    index = bisect_left(starts, offset) - 1  # the last quotation opening before the offset
    return index >= 0 and offset < ends[index]


def _nested(first: str, second: str) -> bool:
    """One class holds the other's counts (``within`` in predicates.toml): critical injuries
    are injuries, so "20 others" hurt beyond four critically injured are not all the injured."""
    classes = predicate_classes()
    return classes[first].get("within") == second or classes[second].get("within") == first


class ContextReader:
    """Reads the context of each figure of one view text."""

    def __init__(self, text: str, published: str | None, figures: list[tuple[int, int, str]]) -> None:
        """``figures``: (start, end, unit) of every figure in the text, in order."""
        self.text = text
        self.published = published
        self.sentences = SentenceIndex(text)
        self.figures = figures
        self._counted_at: dict[int, tuple[str | None, bool]] = {}
        self._read_once: dict[tuple, object] = {}  # what every figure of the sentence or its clauses shares
        self._read_sentence: Sentence | None = None  # the sentence ``_read_once`` holds readings of
        self.positions_by_unit: dict[str, list[int]] = defaultdict(list)
        for position, (_, _, unit) in enumerate(figures):
            self.positions_by_unit[unit].append(position)

    def _neighbours(self, position: int) -> tuple[int, int]:
        """End of the previous and start of the next figure with the same unit."""
        same_unit = self.positions_by_unit[self.figures[position][2]]
        index = bisect_right(same_unit, position) - 1  # where this figure sits among its unit's
        before = self.figures[same_unit[index - 1]][1] if index > 0 else 0
        after = self.figures[same_unit[index + 1]][0] if index + 1 < len(same_unit) else len(self.text)
        return before, after

    def _time(self, sentence: Sentence, end: int) -> str | None:
        """The sentence's own time cue, or the previous sentence's own cue when this one opens
        by pointing back to it ("In June 2012, a quake struck. The quake was six miles west..."):
        one sentence back, never further; a list item's label ("Texas restaurant: 22 dead") is
        of the time of the item the next sentence tells."""
        own = time_in(sentence, self.published, end - sentence.start + TIME_REACH_AFTER)
        if own:
            return own
        index = self.sentences.index_of(sentence.start)
        if patterns().points_back.match(sentence.text) or (
                index and _names_the_event_before(sentence.text, self.sentences[index - 1].text)):
            return time_in(self.sentences[index - 1], self.published) if index else None
        if patterns().list_label.fullmatch(sentence.text) and index + 1 < len(self.sentences.starts):
            return time_in(self.sentences[index + 1], self.published)
        return None

    def _once(self, reader: Callable, *where: object) -> Any:
        """``reader(text, *where)``, read once per sentence or clause however many figures ask:
        a sentence of many figures must not be read again for each of them."""
        key = (reader, *where)
        if key not in self._read_once:
            self._read_once[key] = reader(self.text, *where)
        return self._read_once[key]

    @staticmethod
    def _own_stretch(clause: tuple[int, int], span: tuple[int, int], neighbours: tuple[int, int]) -> tuple[int, int]:
        """The figure's own stretch of its clause: halfway to each neighbouring figure ("Miller
        averaged 15.5 points, Iguodala 14.9": Iguodala stands in the second figure's stretch)."""
        before = (neighbours[0] + span[0]) // 2 if neighbours[0] > clause[0] else clause[0]
        after = (span[1] + neighbours[1]) // 2 if neighbours[1] < clause[1] else clause[1]
        return before, after

    def _subjects(self, position: int, sentence: Sentence, clause: tuple[int, int]) -> tuple[str, ...]:
        """Whom the figure is about: the names of its stretch, and the name its relative clause
        is about."""
        about = antecedent(self.text, sentence, clause)
        stretch = self._subject_stretch(position, clause)
        complements = complement_names(self.text, self.figures[position][1], stretch[1])
        words = (clause_words(self.text, stretch) - complements) | frozenset(about)
        return subjects_in(words, tuple(dict.fromkeys(self._names(sentence) + about)), attribution_in(sentence))

    def _subject_stretch(self, position: int, clause: tuple[int, int]) -> tuple[int, int]:
        """The stretch whose names a figure is about: its own (``_own_stretch``), reaching back
        over a part to the whole: in "Garrard completed 28 of 41 passes" 41 is Garrard's too."""
        start, end, unit = self.figures[position]
        stretch = self._own_stretch(clause, (start, end), self._neighbours(position))
        if position and self.figures[position - 1][2] == unit and _OF_WHOLE.fullmatch(self.text, self.figures[position - 1][1], start):
            return self._subject_stretch(position - 1, clause)[0], stretch[1]
        return stretch

    def _places(self, predicate: str | None, clause: tuple[int, int], span: tuple[int, int], neighbours: tuple[int, int]) -> tuple[str, ...]:
        """Places of the clause; for a distance, only the place it is measured from. The
        figure's own stretch reaches halfway to each neighbouring figure."""
        start, end = span
        if predicate and predicate_classes()[predicate].get("needs_place"):
            return first_place_after(self.text, end, clause[1])
        own = self._own_stretch(clause, span, neighbours)
        reported = (_after_saying(self.text, own[0], start), max(own[1], _words_after(self.text, end, clause[1])))
        scopes = self._once(scope_in, clause, False) | scope_in(self.text, reported, True, span)
        named = self._once(places_in, *clause) + self._once(place_where, clause)
        return named + tuple(sorted(scopes | self.dateline))

    def _names(self, sentence: Sentence) -> tuple[str, ...]:
        """The sentence's names (``names_in``), and its first word when the article writes that
        word as a name inside a sentence: "Garrard completed 28 of 41 passes" is Garrard's, as
        "passes from Garrard" tells."""
        first = _FIRST_WORD.match(sentence.text)
        named = names_in(sentence)
        if first is None or _POSSESSIVE.sub("", first.group()) not in self._article_names:
            return named
        return tuple(sorted({*named, _POSSESSIVE.sub("", first.group())}))

    @cached_property
    def _article_names(self) -> frozenset[str]:
        """The words the article writes as names inside its sentences."""
        return frozenset(_POSSESSIVE.sub("", word) for word in _MID_SENTENCE_NAME.findall(self.text)
                         if word.capitalize() not in patterns().not_names and word.lower() not in _function_words())

    @cached_property
    def dateline(self) -> frozenset[str]:
        """The place the article is filed from, as the pseudo-place "(from PLACE)": "HALLANDALE
        BEACH, Fla. (WSVN) -" opening one of its first lines (``dateline_of``)."""
        place = dateline_of(self.text)
        return frozenset({f"({DATELINE} {place})"}) if place else frozenset()

    def _any_neighbours(self, position: int) -> tuple[int, int]:
        """End of the previous and start of the next figure, whatever their units."""
        before = self.figures[position - 1][1] if position else 0
        after = self.figures[position + 1][0] if position + 1 < len(self.figures) else len(self.text)
        return before, after

    def _counted(self, position: int) -> tuple[str | None, bool]:
        if position not in self._counted_at:
            self._counted_at[position] = self._read_counted(position)
        return self._counted_at[position]

    def _read_counted(self, position: int) -> tuple[str | None, bool]:
        start, end, unit = self.figures[position]
        next_start = self._neighbours(position)[1]
        return counted_after(self.text, start, end, min(self.sentences.at(start).end, next_start), unit in _distances())

    def _in_breakdown(self, position: int) -> bool:
        """ "two children and two teens were shot": figures of one unit listed side by side,
        each with a noun of its own and the nouns different, are the parts of a whole; none of
        them is the count of the whole."""
        return any(self._listed_together(first, first + 1) for first in (position - 1, position)
                   if 0 <= first and first + 1 < len(self.figures))

    def _listed_together(self, first: int, second: int) -> bool:
        (_, first_end, first_unit), (second_start, _, second_unit) = self.figures[first], self.figures[second]
        if first_unit != second_unit or self.sentences.at(first_end).start > second_start:
            return False
        between = self.text[first_end:second_start]
        if len(_WORD.findall(between)) > 3 or not _BREAKDOWN_GLUE.search(between):
            return False
        if is_sum_or_share(first_unit):  # "$281m in cash and $53m in stock"
            first_noun = measured_of(self.text, first_end, second_start)
            second_noun = measured_of(self.text, self.figures[second][1], self.sentences.at(second_start).end)
            return first_noun is not None and second_noun is not None and first_noun != second_noun
        noun = _WORD.match(between.lstrip())
        if noun is None or fold(noun.group(0)) in _function_words() or _predicate_lexicon()[0].match(noun.group(0)):
            return False  # "80 Hurt and 7 Villages Damaged": each figure has an event of its own
        second_counted = self._counted(second)[0]
        return second_counted is not None and noun.group(0).lower() != second_counted

    def _coordinated_with_next(self, position: int) -> bool:
        """ "7.6 and 7.5 magnitude quakes", "two or three people": a figure joined by nothing but
        "and" or "or" to the next one of its unit shares that one's noun and event."""
        if position + 1 >= len(self.figures):
            return False
        (_, end, unit), (next_start, _, next_unit) = self.figures[position], self.figures[position + 1]
        return unit == next_unit and _COORDINATION.fullmatch(self.text, end, next_start) is not None

    def _continues_a_part(self, position: int) -> bool:
        """ "20 people, four of whom were seriously injured and 16 who were walking wounded": a
        figure joined by "and" to a part of a whole, in one sentence, is another part of it."""
        if position == 0:
            return False
        (_, previous_end, previous_unit), (start, _, unit) = self.figures[position - 1], self.figures[position]
        if previous_unit != unit or self.sentences.at(previous_end).start > start or not self._counted(position - 1)[1]:
            return False
        between = self.text[previous_end:start]
        return len(_WORD.findall(between)) <= PART_LIST_WORDS and _AND.search(between) is not None

    def _before_an_increment(self, position: int, predicate: str | None) -> bool:
        """ "killed 170,000 people in the province and tens of thousands more in countries around
        the Indian Ocean": a figure joined by "and" to an increment of its own event, in one
        sentence, is one part of the sum, not the whole count."""
        if predicate is None or position + 1 >= len(self.figures):
            return False
        (_, end, unit), (next_start, next_end, next_unit) = self.figures[position], self.figures[position + 1]
        if next_unit != unit or self.sentences.at(end).end < next_start or not _is_increment(self.text, next_start, next_end):
            return False
        between = self.text[end:next_start]
        later = self._predicate(position + 1)
        return (len(_WORD.findall(between)) <= PART_LIST_WORDS and _AND.search(between) is not None
                and later in (None, predicate))

    def _names_the_number(self, position: int, sentence: Sentence) -> bool:
        """ "Police put the number at 600": the figure gives another count of what was counted
        before it."""
        start = self.figures[position][0]
        return patterns().the_number.search(self.text, max(sentence.start, start - 40), start) is not None

    def _stated_before(self, position: int, sentence: Sentence) -> tuple[str | None, str | None, tuple[str, ...] | None]:
        """The predicate, counted noun and event words of the nearest figure of the same unit
        before this one, in its sentence or the one before."""
        index = self.sentences.index_of(sentence.start)
        earliest = self.sentences.starts[index - 1] if index else sentence.start
        unit = self.figures[position][2]
        for before in range(position - 1, -1, -1):
            start, end, before_unit = self.figures[before]
            if start < earliest:
                break
            if before_unit != unit:
                continue
            predicate, counted = self._predicate(before), self._counted(before)[0]
            if predicate or counted:
                clause = self._clause(start, end, self.sentences.at(start))
                return predicate, counted, event_words(self.text, start, end, clause, self._neighbours(before))
        return None, None, None

    def _converts_previous(self, position: int) -> bool:
        """ "two million euros (£1.7 million)": a money figure right after another one in another
        currency restates it converted; it is no statement of its own. A dollar sign is many
        currencies' ("$US1 million ($1.52 million)" in an Australian paper), so a figure in
        dollars in brackets after one in dollars is a conversion too."""
        if position == 0:
            return False
        (_, previous_end, previous_unit), (start, _, unit) = self.figures[position - 1], self.figures[position]
        glue = _CONVERSION_GLUE.fullmatch(self.text, previous_end, start)
        if glue is None or not (_is_currency(unit) and _is_currency(previous_unit)):
            return False
        return unit != previous_unit or ("(" in glue.group() and self.text[start] == "$")

    def _clause(self, start: int, end: int, sentence: Sentence) -> tuple[int, int]:
        return _clause(self._once(clause_breaks, sentence), start, end, sentence)

    def _predicate(self, position: int) -> str | None:
        """The figure's predicate class (``predicate_near``), unless a verb right before the
        figure governs it instead."""
        start, end, _ = self.figures[position]
        clause = self._clause(start, end, self.sentences.at(start))
        predicate = predicate_near(self.text, start, end, clause, self._neighbours(position))
        if predicate and _governed_before(self.text, clause[0], start) and not _cue_right_after(self.text, end, clause[1]):
            return None  # "scattered 300 people ... without firing a shot": the verb before governs
        return predicate

    def _beyond_another_event(self, position: int, predicate: str | None) -> bool:
        """ "killing three people and injuring dozens more" (or "another 40"): an increment word
        beside a figure joined to a figure of another event counts beyond those, as "others" does; the figure
        is the whole count of its own event, not an increment of it."""
        start, end, _ = self.figures[position]
        if predicate is None or not _is_increment(self.text, start, end) or not self._after_alike(position):
            return False
        between = self.text[self.figures[position - 1][1]:start]
        if len(_WORD.findall(between)) > PART_LIST_WORDS or _AND.search(between) is None:
            return False
        previous = self._predicate(position - 1)
        return previous is not None and previous != predicate and not _nested(previous, predicate)

    def _increment_elsewhere(self, position: int, clause: tuple[int, int]) -> bool:
        """ "in Thessaloniki, where a further 20,000 people joined the protest": an increment of
        a clause that names its own place goes beyond the count of another place; for its
        place it is the whole count."""
        return _increment_word_before(self.text, self.figures[position][0]) and bool(self._once(places_in, *clause))

    def _part_by_another_event(self, position: int) -> bool:
        """ "shot three co-workers, killing two of them", "found her foes and executed two of
        them": the object of a verb right before it, picked out of a group ("of them", "of
        whom"), is the whole count of that verb's event (two were killed); "four of whom were
        seriously injured" (the group's share, the event after it) and "14 of them nationals"
        (no event of its own) stay parts."""
        start, end, _ = self.figures[position]
        clause_start = self._clause(start, end, self.sentences.at(start))[0]
        return _of_group().match(self.text, end) is not None and (
            _cue_right_before(self.text, clause_start, start) or _governed_before(self.text, clause_start, start))

    def _others_within(self, position: int, predicate: str | None) -> bool:
        """ "Four people were taken to hospital with serious injuries while 20 others were
        slightly hurt"; "Two were taken to hospital. Seven others were treated": "others"
        beyond a figure of this class, or of one nested in it, in this sentence or the one
        before, are the rest of its count, not all of it. After a figure of another class they
        are all of it ("killing one and wounding nine others")."""
        if predicate is None or not _OTHERS_AFTER.match(self.text, self.figures[position][1]) or not self._after_near_alike(position):
            return False
        previous = self._predicate(position - 1)
        return previous is not None and (previous == predicate or _nested(previous, predicate))

    def _after_near_alike(self, position: int) -> bool:
        """The figure follows another of its unit in its sentence or the one before."""
        if position == 0:
            return False
        start, _, unit = self.figures[position]
        _, previous_end, previous_unit = self.figures[position - 1]
        return previous_unit == unit and self.sentences.index_of(start) - self.sentences.index_of(previous_end) <= 1

    def _detail_of_the_figure_before(self, position: int, predicate: str | None) -> bool:
        """ "killing 170,000 people, with 35,000 bodies never recovered": a figure brought in by
        "with" after a figure of its own event (or of one nested in it) tells a part of it; after
        a figure of another event ("the toll rose to 16, with 37 people injured") it is that
        event's whole count."""
        start = self.figures[position][0]
        if not self._after_alike(position) or _detail_opener().search(self.text, max(0, start - 30), start) is None:
            return False
        previous = self._predicate(position - 1)
        return predicate is not None and previous is not None and (previous == predicate or _nested(previous, predicate))

    def _after_alike(self, position: int) -> bool:
        """The figure follows another of its unit in its sentence."""
        if position == 0:
            return False
        start, _, unit = self.figures[position]
        _, previous_end, previous_unit = self.figures[position - 1]
        return previous_unit == unit and self.sentences.at(start).start < previous_end

    def context(self, position: int) -> Context:
        """The context of the figure at ``position`` in ``figures``."""
        start, end, _ = self.figures[position]
        previous_end, next_start = self._neighbours(position)
        sentence = self.sentences.at(start)
        if sentence is not self._read_sentence:  # figures come in order: no one asks of the last sentence again,
            self._read_once.clear()              # and a long text must not keep every sentence's readings
            self._counted_at.clear()
            self._read_sentence = sentence
        clause = self._clause(start, end, sentence)
        predicate = self._predicate(position)
        counted, partial = self._counted(position)
        measured = measured_of(self.text, end, sentence.end) if is_sum_or_share(self.figures[position][2]) else None
        counted = counted or measured
        if self._coordinated_with_next(position):  # "7.6 and 7.5 magnitude quakes": one noun, one event
            predicate = predicate or self._predicate(position + 1)
            counted = counted or self._counted(position + 1)[0]
        pointed = None  # the words of the event of a figure "the number" points back to
        if predicate is None and counted is None and self._names_the_number(position, sentence):
            predicate, counted, pointed = self._stated_before(position, sentence)
        if partial and (self._beyond_another_event(position, predicate) or self._part_by_another_event(position)
                        or self._increment_elsewhere(position, clause)):
            partial = False
        partial = (partial or part_of_named_whole(self.text, sentence, start) or describes_one(self.text, sentence, start, end)
                   or coordinated_with_people(self.text, sentence, start, end)
                   or self._continues_a_part(position) or self._others_within(position, predicate)
                   or self._before_an_increment(position, predicate)
                   or self._detail_of_the_figure_before(position, predicate)
                   or _rest_after().match(self.text, end, sentence.end) is not None
                   or _alone_after().match(self.text, end, clause[1]) is not None)
        breakdown = not partial and self._in_breakdown(position)
        if self.figures[position][2] == "year" and (not any(ch.isalpha() for ch in self.text[start:end].split()[-1])
                                                    or _OLD_AFTER.match(self.text, end)):
            predicate = "age"  # a bare figure read as years ("about 4" too), or "61-year-old": someone's age
        if predicate in measure_predicates():
            counted = measured or measured_thing(self.text, self._once(known_nouns, clause), start)
        return Context(
            sentence=sentence,
            counted=counted,
            predicate=predicate,
            attribution=attribution_in(sentence, start - sentence.start),
            places=self._places(predicate, clause, (start, end), self._any_neighbours(position)),
            names=self._names(sentence),
            subjects=self._subjects(position, sentence, clause),
            time=self._time(sentence, end),
            quoted=quoted_at(self._once(quotations, sentence), start),
            partial=partial or breakdown,
            breakdown=breakdown,
            superseded=superseded_at(self.text, clause, start, end),
            event_words=() if predicate else pointed or event_words(self.text, start, end, clause, (previous_end, next_start)),
            conversion=self._converts_previous(position),
        )
