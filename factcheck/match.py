"""Match: line up the claims that state the same fact, across articles and inside one.

Every figure gets a frame (factcheck.frames): its kind of measure, the thing it counts, the
event (what happened to it) and the words of its sentence. Two figures of related articles are
candidates when their frames are compatible: the same kind, the same thing (a figure with no
noun may count people), the same event, or, where one side names none, sentences that share
enough telling words. They are kept apart only by evidence in the text: a part of a whole, an
old value, two different places, two different times (a figure pinned to a date long before
its article is history), two figures of one sentence, a list item inside one article.

Among its candidates in another article a figure has one best counterpart (the most similar
sentence); the groups are the figures joined by best counterparts, and the rules flag a figure
only against its best counterparts (``Matching.best``).
"""
from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import TypeVar

import regex
from itertools import combinations

from factcheck.context import DATELINE
from factcheck.disjoint import DisjointSets
from factcheck.frames import Frame, frame_of, is_event_noun, kind_of, lemma, thing_of
from factcheck.lexicon import alternation, load
from factcheck.model import Claim, Group
from factcheck.numbers import significant_digits
from factcheck.units import measure
from factcheck.vocabulary import holder_predicates, measure_predicates, predicate_classes, pronoun_numbers, uncompared_predicates

SAME_EVENT_DAYS = 3  # two dated figures farther apart than this are about different events
NEXT_DAY = 1  # two days of the week this close may be one event: it happened late one day, was reported the next
HISTORY_DAYS = 30  # a figure dated this long before its article is history, not news
EVENT_NAMES = 2  # names an undated sentence must share with a dated one to be about its event
CLOCK_SLACK_MINUTES = 60  # two clock times of the day farther apart than this are two moments
# How much two sentences must share (weighted cosine) when the frames alone cannot tell: the
# event is open on one side, or the figures are sums of money, shares or measures of an open
# event, of which one story states many (prices of several products). Measured (no cache) with
# that floor at 0, 0.15, 0.2 and 0.25: dev recall 19, 19, 18, 18 of 23; flagged pairs on 12
# unseen corpus clusters that a second reader had found all false: 10, 5, 1, 1. A floor for
# every pair, counts with events too, was rejected: at 0.05 dev recall fell to 12/23.
SENTENCE_SIMILARITY = 0.2
# Two statements of one fact differ by estimate, rounding, revision or a slip of scale; the
# widest spread among the gold's disagreements is ten times (police and organisers' crowds,
# a decimal slip). Figures farther apart than this, unless with the same digits, state
# different facts ("seven killed" and "some 2 million died" in decades of war).
MAX_SPREAD = 20
# Two measures of related articles that give the very same figure in the same unit ("$281
# million", "205 yards"; counts, with TELLING_DIGITS) are themselves evidence of one fact: where the frames name
# neither event nor thing on both sides, or name two events ("acquire SeaMicro for $334
# million" / "a $334 million bet on microservers"), they need only share this much of their
# sentences. Such pairs agree: they make no finding, and only say what is one fact.
SAME_FIGURE_SIMILARITY = 0.05
# A count of this many significant digits ("2,117 points", "334 homes") is rarely met twice by
# chance, as small and round counts are ("two killed", "about 1,000 people"): two related
# articles that state it are taken to state one fact, as two equal measures are. So is an
# unround count of one named thing other than people ("four bombs" / "Four bombs").
TELLING_DIGITS = 3
LEDE_SENTENCES = 2  # the sentences with figures that open a report and name its news day
PARTIES = 2  # names two clauses must share to name the same parties of a deal
MIN_PROSE_WORDS = 6  # inside one article, only sentences this long are compared
MAX_CLAIMS_COMPARED_IN_ONE_ARTICLE = 200  # more figures of one kind in one article: a table

DURATION = "[time]"  # the kind of a duration, never a unit echo ("two hours" / "two days")
SHARES = ("percent",)  # a share is of a whole by nature: "a third of the businesses" is no part of a count
SUMS = ("money", "percent")  # figures that are always of someone: whose offer, whose stake
T = TypeVar("T")

__all__ = ["Matching", "bucket_key", "set_aside", "one_named_place", "comparable", "apart", "kind_of", "match_claims", "first_statements"]


@dataclass(frozen=True)
class Matching:
    groups: tuple[Group, ...]
    pairs: tuple[tuple[Claim, Claim], ...]  # candidate pairs, in document order
    best: frozenset[tuple[str, str]] = frozenset()  # (claim id, id of its best counterpart in that article)


def bucket_key(claim: Claim) -> str | None:
    """The kind of measure a claim is compared within; None when its own text sets it aside
    (``set_aside``)."""
    return None if set_aside(claim) else kind_of(claim)


def set_aside(claim: Claim) -> str | None:
    """Why the text itself rules a claim out of every comparison, or None: a part of a whole (a
    share is one by nature), an old value, a conversion of the figure before it, a kind of
    figure its predicate does not take (a duration said to be "killed"), a distance from
    nowhere named, a pronoun "one", a count inside a quotation that does not say what it
    counts, a figure that describes a thing ("a six-game loss") or a difference."""
    kind = kind_of(claim)
    if claim.partial and not _is_named_part(claim) and kind not in SHARES:
        return "a part of a whole"
    if claim.superseded:
        return "an old value, superseded in its sentence"
    if claim.conversion:
        return "a conversion of the figure before it"
    if claim.predicate in uncompared_predicates():
        return f"its event ({claim.predicate}) is never compared"
    if claim.predicate in holder_predicates() and holder_of(claim) is None:
        return f"its event ({claim.predicate}) is someone's, and its sentence names no one beside it"
    if claim.quoted and claim.counted is None and kind == "count":
        return "a count in a quotation that does not say what it counts"
    if claim.predicate is not None:
        settings = predicate_classes()[claim.predicate]
        if kind not in settings.get("kinds", ["count"]):
            return f"its event ({claim.predicate}) takes no {kind}"
        if settings.get("needs_place") and not claim.places:
            return f"its event ({claim.predicate}) needs a place, and none is named"
    if (claim.counted is None or thing_of(claim.counted) is None) and _is_pronoun(claim):
        return "a pronoun, pointing back to people already named"
    if kind == "count" and claim.predicate not in measure_predicates() and _is_modifier(claim):
        return "a count that describes a thing (a six-game loss)"
    if kind not in ("count", *SHARES, "money") and claim.predicate is None and _is_measure_modifier(claim):
        return "a measure that describes a thing (a 16-day cruise)"
    if _is_difference(claim):
        return "a difference between two values, not a value"
    if kind == "count" and claim.counted is None and claim.predicate is None and _is_ratio_base(claim):
        return "the base of a ratio that counts nothing named (\"7 of 16 for 83 yards\")"
    if _is_assumed(claim):
        return "a figure of a supposition, not a fact"
    return None


@cache
def _assumption() -> regex.Pattern:
    return regex.compile(rf"(?<![\w-])(?:{alternation(load('frames')['assumption']['before'])})\b", regex.I)


def _is_assumed(claim: Claim) -> bool:
    """ "If we assume revenues of $50 million, ...": a figure its sentence supposes."""
    at = claim.sentence.find(claim.surface)
    return at > 0 and _assumption().search(claim.sentence, 0, at) is not None


@cache
def _difference_after() -> regex.Pattern:
    words = load("frames")["difference"]
    return regex.compile(rf"\s+(?:{alternation(words['after'])}\b|[a-z]+er\s+than\b)")


def _is_difference(claim: Claim) -> bool:
    """ "$100 cheaper than its predecessor", "3 points higher": a difference between two values,
    not a value."""
    at = claim.sentence.find(claim.surface)
    return at >= 0 and _difference_after().match(claim.sentence, at + len(claim.surface)) is not None


@cache
def _ratio_before() -> regex.Pattern:
    number_words = alternation([*load("numbers")["ones"], *load("numbers")["tens"]])
    return regex.compile(rf"(?<![\w,.])(?:\d+|{number_words})\s+(?:out\s+)?of\s+$", regex.I)


def _is_ratio_base(claim: Claim) -> bool:
    """ "was 7 of 16 for 83 yards", "20 out of 29": a bare number after another and "of" is the
    base of a ratio (attempts, shots taken), a statistic of whoever the line is about; "four of
    its 12 schools" names what its base counts."""
    at = claim.sentence.find(claim.surface)
    return at > 0 and _ratio_before().search(claim.sentence, max(0, at - 30), at) is not None


_COMPOUND_AFTER = regex.compile(r"-[a-z]+\s+[a-z]")


def _is_modifier(claim: Claim) -> bool:
    """ "a six-game loss", "a 16-day cruise", "a three-car pile-up": a figure joined to a noun that
    modifies another noun describes that thing; it counts nothing the story reports."""
    at = claim.sentence.find(claim.surface)
    return at >= 0 and _COMPOUND_AFTER.match(claim.sentence, at + len(claim.surface)) is not None


_NOUN_AFTER = regex.compile(r"\s+(?P<noun>[a-z]+)(?:\s+(?P<head>[a-z]+))?")


def _is_measure_modifier(claim: Claim) -> bool:
    """ "a 41-yard touchdown pass", "a 16-day cruise": a measure joined to its unit by a hyphen
    before a noun describes that thing, when no lexicon event measures it (a "6.1-magnitude
    earthquake" and a "300-acre fire" do) and the noun is no event ("a five-year sentence" is
    the length of the sentence, as "sentenced to five years" is)."""
    at = claim.sentence.find(claim.surface)
    noun = _NOUN_AFTER.match(claim.sentence, at + len(claim.surface)) if "-" in claim.surface and at >= 0 else None
    return noun is not None and not any(is_event_noun(word) for word in noun.group("noun", "head") if word)


_VERB_BEFORE = regex.compile(r"(?<![\w-])[a-z]+(?:ing|ed)\s+$")


def _is_pronoun(claim: Claim) -> bool:
    """ "the other one", "after the two had been arguing": a number word with no noun that
    points back to people already named rather than counting anything. The object of the
    verb of its event counts: "shooting three people, killing one"."""
    word = claim.surface.lower()
    at = claim.sentence.find(claim.surface)
    if word in pronoun_numbers():
        return claim.predicate is None or _VERB_BEFORE.search(claim.sentence, 0, max(at, 0)) is None
    return word.isalpha() and at >= 4 and claim.sentence[:at].lower().endswith("the ")


def comparable(a: Claim, b: Claim) -> bool:
    """True when nothing keeps the two claims apart (see ``apart``)."""
    return apart(a, b) is None


def apart(a: Claim, b: Claim, frames: Mapping[str, Frame] | None = None, similarity: float | None = None) -> str | None:
    """Why two claims cannot state the same fact, or None when they may. ``frames`` (given by
    match_claims, whose buckets already hold only comparable claims) spares the recomputation."""
    if frames is None and (reason := set_aside(a) or set_aside(b)):
        return reason
    first, second = (frames[a.id], frames[b.id]) if frames else (_alone(a), _alone(b))
    if first.kind != second.kind:
        return "different kinds of measure"

    def shared() -> float:
        return similarity if similarity is not None else _overlap(first.words, second.words)

    if (reason := _holders_apart(a, b)) is not None:
        return reason

    reason = _frames_apart(a, b, first, second, shared)
    if reason:
        return reason
    if _has_subject(a, first) and not _same_subject(a, b):
        return "about different people or bodies"
    if _of_other_parties(a, b):
        return "deals of different parties: each clause names a party the other does not"
    if a.doc == b.doc and a.predicate is None and _many_per_story(a, first):
        return "inside one article, measures no lexicon event names (the specifications of several models)"
    if _has_subject(a, first) and a.doc == b.doc and not (a.subjects and b.subjects):
        return "inside one article, figures of someone that do not both say whose they are"
    if _has_subject(a, first) and first.kind not in SUMS and (_someone_unnamed(a) or _someone_unnamed(b)):
        return "a figure of someone its sentence names only by a pronoun"
    if _weak(first, second) or (_many_per_story(a, first) and not (_one_named_event(a, b) or _one_named_thing(first, second))):
        if (alike := shared()) < _sentence_floor(a, b, first, second):
            return f"the frames leave it open and the sentences share little ({alike:.2f})"
    if (first.area_part or second.area_part) and not one_named_place(a, b):
        return "one area's figure, where its article gives the event's figures for several areas"
    for check, why in _EVIDENCE:
        if not check(a, b):
            return why
    if not _same_moment(a, b, first, second):
        return "different times of day"
    if (not (a.time and b.time) and not (_of_the_future(a) or _of_the_future(b)) and not _same_news_day(first, second)
            and not (_of_that_history(a, b) or _of_that_history(b, a))):
        return "different days of the news"
    return None


AGE_DAYS = 180  # reports further apart than this give one person's age at two times
_NAME_WORD = r"\p{Lu}[\p{L}\p{M}'’-]*"
_NAME_RUN_BEFORE = regex.compile(rf"(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}}),\s+(?:aged\s+)?$")
_AGE_BEFORE_NAME = regex.compile(r"(?:-old|[\s-]years?[\s-]old)\b")
_NAME_RUN_AFTER = regex.compile(rf"[ \t]+(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}})")


def holder_of(claim: Claim) -> str | None:
    """Whose figure a holder's figure (an age) is: the full name right before it ("Jesse
    Dobbs, 22") or right after it ("21-year-old Jesse Dobbs"), known by its first and last
    words; None when no full name stands beside it ("a 21-year-old man", "the suspect, 22",
    "Gomes, 35": a family shares its surname, so a surname alone names no one)."""
    return _holder(claim.sentence, claim.surface)


@lru_cache(maxsize=4096)  # read once per age, not once per candidate pair
def _holder(sentence: str, surface: str) -> str | None:
    at = sentence.find(surface)
    if at < 0:
        return None
    end = at + len(surface)
    if (age_words := _AGE_BEFORE_NAME.match(sentence, end)) is not None:  # "21-year-old Jesse Dobbs"
        found = _NAME_RUN_AFTER.match(sentence, age_words.end())
    else:  # "Jesse Dobbs, 22"
        found = _NAME_RUN_BEFORE.search(sentence, max(0, at - 80), at)
    words = found.group("name").split() if found else []
    return f"{words[0]} {words[-1]}".lower() if len(words) > 1 else None


def _holders_apart(a: Claim, b: Claim) -> str | None:
    """Figures of a holder (ages) meet only the same holder's figures, told in reports at most
    AGE_DAYS apart (a trial two years after a shooting gives its suspect's age then); None when
    nothing of this keeps them apart (or neither is a holder's)."""
    holders = holder_predicates()
    if a.predicate not in holders and b.predicate not in holders:
        return None
    if a.predicate != b.predicate or holder_of(a) != holder_of(b):
        return "figures of different people"
    if a.date and b.date and _days_between(a.date, b.date) > AGE_DAYS:
        return "ages told half a year or more apart: a person ages"
    return None


def _alone(claim: Claim) -> Frame:
    """The frame of a claim read without its article: of its own sentence's day and time of day."""
    return frame_of(claim, moment=_clock_minutes(claim.sentence))


def _same_news_day(first: Frame, second: Frame) -> bool:
    """A figure whose sentence names no day is of the day its article reports (the first day
    its figures name): a quake "recorded this morning" in a report of Thursday's quake is not
    the quake "on Sunday" of another report."""
    if not (first.when and second.when):
        return True
    return _days_between(first.when, second.when) <= SAME_EVENT_DAYS


def _frames_apart(a: Claim, b: Claim, first: Frame, second: Frame, shared: Callable[[], float]) -> str | None:
    if not _things_compatible(a, first, second):
        return f"different things ({first.thing or 'unnamed'} / {second.thing or 'unnamed'})"
    if first.event and second.event:
        if first.event == second.event or (first.kind == "money" and _one_named_thing(first, second)):
            return None  # "$1.2 billion in tax credits" offered or granted: one sum of one thing
        if _one_figure_echoed(a, b, first, second) and shared() >= SAME_FIGURE_SIMILARITY:
            return None  # "acquire SeaMicro for $334 million" / "a $334 million bet on microservers"
        return f"different events ({first.event} / {second.event})"
    if _one_figure(a, b, first, second) or _echoed(a, b):
        return None  # "2,117 points" / "2,117 career points"; "approximately $281 million" / "$281 million"
    if first.kind == "count":
        return "a count with nothing saying what happened to what it counts"
    if not _one_named_thing(first, second):
        return "a measure with neither the event nor the thing measured named on both sides"
    return None


def _sentence_floor(a: Claim, b: Claim, first: Frame, second: Frame) -> float:
    """How much two sentences must share when the frames leave it open: less for one figure
    (SAME_FIGURE_SIMILARITY), nothing for one figure of one named thing ("2,117 points" /
    "2,117 career points": the figure and the thing are all the evidence there is)."""
    if _echoed(a, b):
        return SAME_FIGURE_SIMILARITY
    if not _one_figure(a, b, first, second):
        return SENTENCE_SIMILARITY
    return 0.0 if _one_named_thing(first, second) else SAME_FIGURE_SIMILARITY


def _one_figure(a: Claim, b: Claim, first: Frame, second: Frame) -> bool:
    """Two figures of related articles that state the very same number in one unit, whatever
    hedges them ("approximately $281 million" is another report's "$281 million"): measures,
    counts with a telling number, or unround counts of one named thing other than people (see
    TELLING_DIGITS). Two ranges must be the same range."""
    if a.doc == b.doc or a.unit != b.unit or a.value != b.value:
        return False
    if (_is_range(a) or _is_range(b)) and (a.low, a.high) != (b.low, b.high):
        return False
    if first.kind != "count" or _significant_digits(a.value) >= TELLING_DIGITS:
        return True
    return _one_named_thing(first, second) and not first.people_like and a.value % 10 != 0  # "four bombs"


def _one_figure_echoed(a: Claim, b: Claim, first: Frame, second: Frame) -> bool:
    """The very same figure, or one figure slipped of one named thing ("Floodwater entered 340
    homes" / "430 homes were flooded"): what the events' words leave open, the figure says."""
    return _one_figure(a, b, first, second) or (_echoed(a, b) and _one_named_thing(first, second))


def _echoed(a: Claim, b: Claim) -> bool:
    """Two figures of related articles that are one figure slipped: its digits in another order
    ("$2.3 million" / "$3.2 million", "340" / "430"), its digits at another scale ("1.5 million"
    / "1.5 billion gallons"), or its number in another unit of one dimension ("40 km" / "40
    miles"). Two facts rarely share digits so; a transposition or a scale needs at least two
    significant digits ("2" / "20" people are no echo). Durations are left out of the unit
    echo ("two hours" / "two days" are often two facts), and so are figures in brackets, which
    convert the figure before them ("25 km (15 miles)")."""
    if a.doc == b.doc or _is_range(a) or _is_range(b):
        return False
    if a.unit != b.unit:
        return a.value == b.value and kind_of(a) != DURATION and not (_bracketed(a) or _bracketed(b))
    first, second = significant_digits(a.value), significant_digits(b.value)
    if first is None or second is None or len(first) < 2 or a.value == b.value:
        return False
    return first == second or (sorted(first) == sorted(second) and len(set(first)) > 1)


def _bracketed(claim: Claim) -> bool:
    """The figure opens a bracket: a conversion of the figure before it."""
    at = claim.sentence.find(claim.surface)
    return at > 0 and claim.sentence[:at].rstrip().endswith(("(", "["))


def _is_range(claim: Claim) -> bool:
    """ "between 10 and 20": two ends stated, no hedge word."""
    return claim.hedge is None and claim.low is not None and claim.high is not None and claim.low != claim.high


def _significant_digits(value: float) -> int:
    """The digits of a whole number but its trailing zeros (2,117: 4; 14,000: 2); 0 for others."""
    if value <= 0 or value != int(value):
        return 0
    return len(str(int(value)).rstrip("0"))


def _one_named_thing(first: Frame, second: Frame) -> bool:
    """Both frames name the thing they measure, and it is one thing. (One side's thing found
    anywhere in the other's sentence was measured too: product specifications of two models
    met, flagged pairs on the review clusters 1 -> 13, and no hand-made conflict was found.)"""
    return first.thing is not None and first.thing == second.thing


def _things_compatible(a: Claim, first: Frame, second: Frame) -> bool:
    """Counts must count the same thing (a figure with no noun counts people, unless it is a
    unitless measure such as a magnitude); measures in units may leave the thing unnamed."""
    if a.predicate in measure_predicates() and first.kind == "count":
        return first.thing is not None and first.thing == second.thing
    if first.thing == second.thing:
        return True
    if first.kind != "count":
        return first.thing is None or second.thing is None
    return first.people_like and second.people_like


def _many_per_story(claim: Claim, frame: Frame) -> bool:
    """Sums of money, shares, and measures of an open event: a story states many of them (the
    prices of several products). The event's own measures the lexicon knows (a magnitude, a
    depth, a distance from a named place) are few and carry their own evidence."""
    return frame.kind in SUMS or (frame.kind != "count" and claim.predicate is None)


def _one_named_event(a: Claim, b: Claim) -> bool:
    """Across articles, two figures the lexicon reads as one event ("pay", "acquire": a deal)
    whose clauses name the same parties ("AMD", "SeaMicro") need no similar wording besides:
    a story states many prices, but one deal between the same parties has one price. The
    clauses must share two names (buyer and bought, thief and victim), or know every name
    of each other: one shared name is not enough, as the Red Sox's offer to a player is not
    the Nationals' offer to him."""
    if a.doc == b.doc or a.predicate is None or a.predicate != b.predicate or not (a.subjects and b.subjects):
        return False
    shared = _name_keys(a.sentence, a.subjects) & _name_keys(b.sentence, b.subjects)
    return len(shared) >= PARTIES or (_parties_known(a, b) and _parties_known(b, a))


def _of_other_parties(a: Claim, b: Claim) -> bool:
    """Two sums of a class whose figures are between parties (``parties`` in predicates.toml: a
    deal, an offer) whose clauses each name a party the other does not know: the Nationals'
    offer to Teixeira and the Red Sox's offer to him are two offers."""
    if a.predicate is None or a.predicate != b.predicate or not predicate_classes()[a.predicate].get("parties"):
        return False
    return bool(a.subjects and b.subjects) and not (_parties_known(a, b) or _parties_known(b, a))


def _parties_known(claim: Claim, other: Claim) -> bool:
    """Every subject of ``claim`` is known by some name in ``other``'s clause."""
    known = _name_keys(other.sentence, other.subjects)
    return all(_name_keys(claim.sentence, (subject,)) & known for subject in claim.subjects)


def _weak(first: Frame, second: Frame) -> bool:
    """Frames that leave what happened open: only their sentences can tell whether they meet."""
    return not (first.event and second.event)


def _overlap(first: frozenset[str], second: frozenset[str], weight: Mapping[str, float] | None = None) -> float:
    """Cosine of two word sets, each word weighted by how telling it is (1 when unweighted)."""
    w = weight or {}
    return _cosine(first & second, _squares(first, w), _squares(second, w), w)


def _squares(words: frozenset[str], weight: Mapping[str, float]) -> float:
    """The sum of the squared weights of the words. The sums are exact (``math.fsum``): a set's
    order follows the hash seed, and a float sum in another order may break a tie between two
    counterparts the other way."""
    return math.fsum(weight.get(word, 1.0) ** 2 for word in words)


def _cosine(shared: frozenset[str], first: float, second: float, weight: Mapping[str, float]) -> float:
    """The cosine of two word sets from their ``shared`` words and their sums of squares."""
    if not (shared and first and second):
        return 0.0
    return _squares(shared, weight) / math.sqrt(first * second)


class _Similarity:
    """The weighted cosine of two compared claims' sentence words, each claim's sum of squares
    worked out once: in a large story a claim meets hundreds of candidates, and the sums over
    both whole sets were half of all matching time at 10,000 articles."""

    def __init__(self, frames: Mapping[str, Frame], weight: Mapping[str, float]) -> None:
        self.frames, self.weight = frames, weight
        self.squares: dict[str, float] = {}

    def __call__(self, a: Claim, b: Claim) -> float:
        first, second = self.frames[a.id].words, self.frames[b.id].words
        return _cosine(first & second, self._of(a.id, first), self._of(b.id, second), self.weight)

    def _of(self, claim_id: str, words: frozenset[str]) -> float:
        if claim_id not in self.squares:
            self.squares[claim_id] = _squares(words, self.weight)
        return self.squares[claim_id]


def _not_one_sentence(a: Claim, b: Claim) -> bool:
    """Two figures of one sentence are two facts; when two named sources give them ("Police
    put the crowd at 400, while organisers said 2,000") the sentence already tells who says
    what, and there is nothing for an editor to reconcile."""
    return a.doc != b.doc or a.sentence != b.sentence


def _one_measured_thing(a: Claim, b: Claim) -> bool:
    """Inside one article, two measures (values, distances) are of one thing only when their
    sentences name it alike: an article recalling earlier heists gives each its own value.
    Classes marked ``shared_name`` ask this across articles too; a rate is also named by the
    compound it is the rate of ("the property tax rate"), when the sentences name no two
    different bodies."""
    needs_name = a.predicate is not None and predicate_classes()[a.predicate].get("shared_name")
    if not needs_name and (a.doc != b.doc or a.predicate not in measure_predicates()):
        return True
    if set(a.names) & set(b.names) or (a.counted is not None and a.counted == b.counted):
        return True
    return bool(needs_name and not (a.names and b.names) and _rate_names(a.sentence) & _rate_names(b.sentence))


_RATE_NAME = regex.compile(r"\b([a-z]{3,})\s+([a-z]{3,})\s+rates?\b")


@lru_cache(maxsize=4096)
def _rate_names(sentence: str) -> frozenset[tuple[str, str]]:
    """The two-word compounds a sentence names rates by ("property tax rate")."""
    return frozenset((lemma(first), lemma(second)) for first, second in _RATE_NAME.findall(sentence.lower()))


ELSEWHERE = "(elsewhere)"


DATELINE_MARK = f"({DATELINE} "


@cache
def _scopes_that_must_match() -> frozenset[str]:
    return frozenset(f"({name})" for name in load("places")["must_match"]["scopes"])


def _places_compatible(a: Claim, b: Claim) -> bool:
    """No two different places; a running total only with a running total (and any scope of
    ``must_match`` likewise); a figure of another event ("separately", "in another attack")
    only where both name the same place."""
    must_match = _scopes_that_must_match()
    if set(a.places) & must_match != set(b.places) & must_match:
        return False
    (places_a, filed_a), (places_b, filed_b) = _named_and_dateline(a, must_match), _named_and_dateline(b, must_match)
    if ELSEWHERE in a.places or ELSEWHERE in b.places:
        return bool(places_a & places_b)
    if not (places_a or places_b) and filed_a and filed_b:
        return filed_a == filed_b or _names_the_dateline(a, filed_b) or _names_the_dateline(b, filed_a)
    return not (places_a and places_b and not places_a & places_b)


def _named_and_dateline(claim: Claim, must_match: frozenset[str]) -> tuple[set[str], set[str]]:
    """The places a claim's clause names, and its article's dateline ("(from MIAMI)"): two
    figures whose clauses name no place are of the places their articles are filed from, when
    both articles say (a shooting "in Hallandale Beach" and one "in Miami" the same evening)."""
    filed = {place for place in claim.places if place.startswith(DATELINE_MARK)}
    return set(claim.places) - must_match - {ELSEWHERE} - filed, filed


def _names_the_dateline(claim: Claim, filed: set[str]) -> bool:
    """A report filed from the port the ferry left and one filed from the island it ran aground
    off are of one place when the one's sentence names the other's dateline ("off Kettle Island")."""
    named = {name.lower() for name in claim.names}
    return all(set(place[len(DATELINE_MARK):-1].lower().split()) <= named for place in filed)


def _prose_if_one_article(a: Claim, b: Claim) -> bool:
    """Inside one article, list items and labels ("Florida club: 49 killed", a list of earlier
    shootings) are not statements of the story's facts."""
    if a.doc != b.doc:
        return True
    return min(len(a.sentence.split()), len(b.sentence.split())) >= MIN_PROSE_WORDS


def _same_time(a: Claim, b: Claim) -> bool:
    """Dated figures within a few days of each other; an undated figure meets a figure pinned to
    history only when its sentence names two people or bodies the dated one names."""
    if a.time and b.time:
        if _weekday_against_history(a, b) or _weekday_against_history(b, a):
            return False
        return _days_between(a.time, b.time) <= SAME_EVENT_DAYS
    dated, undated = (a, b) if a.time else (b, a)
    if not dated.time or not (_is_history(dated) or _is_history(dated, undated.date)):
        return True
    return _of_that_history(dated, undated)


def _of_that_history(dated: Claim, undated: Claim) -> bool:
    """An undated figure whose sentence names two people or bodies a figure pinned to history
    names is of that history ("stealing almost $2 million of jewelry from Chopard at Cannes"
    and "in May, £910,000 worth of Chopard jewellery at Cannes"), not of its article's day."""
    return bool(dated.time) and not undated.time and len(set(dated.names) & set(undated.names)) >= EVENT_NAMES


@cache
def _clock_time() -> regex.Pattern:
    """A clock time of the day: "9:27 a.m.", "2:09 am", "10 p.m." (lexicons/stories.toml)."""
    suffixes = alternation(load("stories")["roundup"]["clock_suffixes"])
    return regex.compile(rf"\b(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*(?P<half>{suffixes})(?!\w)", regex.I)


@cache
def _clock_minutes(sentence: str) -> frozenset[int]:
    """The clock times a sentence states, in minutes after midnight."""
    found = set()
    for match in _clock_time().finditer(sentence):
        hour = int(match.group("hour")) % 12 + (12 if match.group("half").lower().startswith("p") else 0)
        found.add(60 * hour + int(match.group("minute") or 0))
    return frozenset(found)


def _same_moment(a: Claim, b: Claim, first: Frame, second: Frame) -> bool:
    """Figures that each are of a time of day are of one moment only when two of those times lie
    within ``CLOCK_SLACK_MINUTES``: a quake at 2:09 a.m. and one at 9:27 a.m. are two quakes, a
    toll at noon and one at night two moments of a count. Across articles a figure is of its
    frame's moment (its article's, when its sentence names none); inside one article only the
    times its sentences name count: a report runs on through its event's morning ("struck at
    8:40 a.m.", "all 21 passengers were ashore by 11 a.m.")."""
    times = (first.moment, second.moment) if a.doc != b.doc else (_clock_minutes(a.sentence), _clock_minutes(b.sentence))
    if not times[0] or not times[1]:
        return True
    return any(min(abs(x - y), 1440 - abs(x - y)) <= CLOCK_SLACK_MINUTES for x in times[0] for y in times[1])


def _has_subject(claim: Claim, frame: Frame) -> bool:
    """Figures that belong to someone: money and shares (whose offer, whose stake), counts of
    things that are not people (whose points, whose seats) and measures of an open event (whose
    yards rushed). The measures the lexicon knows as the event's own (a magnitude, a distance,
    a depth) and tolls are the event's, whatever names stand beside them."""
    if frame.kind in SUMS:
        return True
    return not frame.people_like and claim.predicate not in measure_predicates()


@cache
def _pronoun() -> regex.Pattern:
    return regex.compile(rf"\b{alternation(load('frames')['personal_pronouns']['words'])}\b", regex.I)


@cache
def _clause_opener() -> regex.Pattern:
    return regex.compile(rf"\b{alternation(load('frames')['personal_pronouns']['clause_openers'])}\b", regex.I)


def _someone_unnamed(claim: Claim) -> bool:
    """ "He rushed for 150 yards": the figure is someone's, and its clause names no one but by
    a pronoun; an article about several players gives each a "he", so it may be anyone's. A
    pronoun before "that" or "whom" is the speaker's ("he said that four bombs were dropped").
    (Sums are left out: "they made off with 2m euros" are the thieves of the story's one heist.)"""
    at = claim.sentence.find(claim.surface)
    if claim.subjects or at <= 0:
        return False
    opened = max((m.end() for m in _clause_opener().finditer(claim.sentence, 0, at)), default=0)
    return _pronoun().search(claim.sentence, opened, at) is not None


def _same_subject(a: Claim, b: Claim) -> bool:
    """Measures and counts of things whose clauses both name whom they are about must name
    someone in common: "Miller averaged 15.5 points" and "Iguodala averaged 14.9" are two
    players' figures. A name is also known by its written-together form and its initials
    ("Sea Micro" is "SeaMicro", "Advanced Micro Devices" is "AMD"). Counts of people are left
    out: the names beside a toll are the agents and places of the event ("the IDF's evacuation
    orders", "according to the UN"), which reports tell apart."""
    if not a.subjects or not b.subjects:
        return True
    return bool(_name_keys(a.sentence, a.subjects) & _name_keys(b.sentence, b.subjects))


_NAME_RUN = regex.compile(r"\p{Lu}[\p{L}\p{M}]*(?:[ \t]+\p{Lu}[\p{L}\p{M}]*)*")


@cache
def _name_keys(sentence: str, subjects: tuple[str, ...]) -> frozenset[str]:
    """The subjects, lower-cased, and each run of capitalised words of the sentence that holds
    one, written together and by its initials; an acronym that opens the sentence (where a
    capital tells no name) is a subject too."""
    keys = {name.lower() for name in subjects}
    for run in _NAME_RUN.finditer(sentence):
        words = run.group().split()
        if len(words) > 1 and set(words) & set(subjects):
            keys.update(("".join(words).lower(), "".join(word[0] for word in words).lower()))
        elif run.start() == len(sentence) - len(sentence.lstrip()) and words[0].isupper() and len(words[0]) > 1:
            keys.add(words[0].lower())
    return frozenset(keys)


def _near_in_size(a: Claim, b: Claim) -> bool:
    """Within ``MAX_SPREAD`` times of each other, or with the same significant digits (a slip
    of scale, which the rules flag). A figure of zero ("none were hurt") has no size to compare."""
    (low_a, high_a), (low_b, high_b) = _span(a), _span(b)
    smaller_high, larger_low = (high_a, low_b) if low_a <= low_b else (high_b, low_a)
    if larger_low <= smaller_high:
        return True
    widest = a.predicate is not None and predicate_classes()[a.predicate].get("max_difference")
    if widest:  # a scale of its own (a magnitude): a revision moves it a little, another quake more
        return larger_low - smaller_high <= widest
    if not smaller_high:
        return True
    return larger_low / smaller_high <= MAX_SPREAD or significant_digits(a.value) == significant_digits(b.value)


def _span(claim: Claim) -> tuple[float, float]:
    """The sizes a claim allows ("tens of thousands": 10,000 to 99,999), in its kind's base unit;
    an open bound ("more than 300") is the figure itself."""
    factor = measure(claim.unit).factor
    low = claim.value if claim.low is None else claim.low
    high = claim.value if claim.high is None else claim.high
    return abs(low * factor), abs(high * factor)


def _parts_alike(a: Claim, b: Claim) -> bool:
    """A part of a breakdown ("21 passengers and two crew members aboard") counts its own noun:
    it states the same fact as a count of that noun ("carrying 18 passengers"), never the whole
    ("23 people aboard") nor a part named otherwise. The noun is the word written after the
    figure: ``counted`` holds its class, and passengers and crew are both people."""
    if not (_is_named_part(a) or _is_named_part(b)):
        return True
    first, second = _noun_after(a), _noun_after(b)
    return first is not None and first == second


def _is_named_part(claim: Claim) -> bool:
    """A part that names what it is a part of, so that it can meet the same part elsewhere: a
    part of a breakdown, or a sum of a named thing inside a whole ("including $281m in cash")."""
    return claim.breakdown or (claim.partial and claim.counted is not None and kind_of(claim) in SUMS)


_WORD_AFTER = regex.compile(r"\s+([a-z]+)")


def _noun_after(claim: Claim) -> str | None:
    """The noun a part of a breakdown is of: a count's is the word after it, a sum's what it is
    of ("$281m in cash and $53m in stock")."""
    if kind_of(claim) in SUMS:
        return claim.counted
    at = claim.sentence.find(claim.surface)
    word = _WORD_AFTER.match(claim.sentence, at + len(claim.surface)) if at >= 0 else None
    return lemma(word.group(1)) if word else None


_EVIDENCE = (
    (_parts_alike, "a part of a breakdown and a count of something else"),
    (_not_one_sentence, "two figures of one sentence"),
    (_prose_if_one_article, "a list item or label inside one article"),
    (_one_measured_thing, "measures of things named differently inside one article"),
    (_places_compatible, "different places"),
    (_same_time, "different times"),
    (_near_in_size, "too far apart in size to be one fact"),
)


def _weekday_against_history(weekday: Claim, dated: Claim) -> bool:
    """A day of the week ("on Monday") is of the week its article reports; it never falls on a
    date long before the other's article, whatever day of the week that was."""
    return weekday.time.startswith("-W-") and _is_history(dated)


def _of_the_future(claim: Claim, published: str | None = None) -> bool:
    """Pinned to a day after its article (or after ``published``, when its own date is not
    known): a figure of what will be, of no day of the news."""
    reference = claim.date or published
    return bool(claim.time and reference and claim.time[:1].isdigit() and claim.time > reference)


def _is_history(claim: Claim, published: str | None = None) -> bool:
    """Pinned to a date long before its article (or before ``published``, the other article's
    date, when its own has none), or to a month of an undated article. A date after the
    article is the future it tells of ("will raise the rate by 12% starting in January"),
    not history."""
    if claim.time and claim.time.startswith("--"):
        return True
    reference = claim.date or published
    if not (claim.time and reference) or _of_the_future(claim, published):
        return False
    return _days_between(claim.time, reference) > HISTORY_DAYS


def _weekdays_apart(first: str, second: str) -> int:
    """0 when two times may fall on one day of the week or on days next to each other (a spill
    "on Sunday" that "had spread by Monday"), else more than SAME_EVENT_DAYS."""
    days = [_weekday_of(time) for time in (first, second)]
    if None in days:
        return 0
    gap = abs(days[0] - days[1])
    return 0 if min(gap, 7 - gap) <= NEXT_DAY else SAME_EVENT_DAYS + 1


def _weekday_of(time: str) -> int | None:
    if time.startswith("-W-"):
        return int(time[3:])
    return None if time.startswith("--") else dt.date.fromisoformat(time).isoweekday()


def _month_of(date: str) -> int:
    return int(date[2:4]) if date.startswith("--") else int(date[5:7])


def _days_between(first: str, second: str) -> int:
    """Days between two ISO dates; a month without a year (``--MM``) is as near as its month;
    a day of the week (``-W-7``, "on Sunday" in an undated article) as near as its weekday."""
    if first.startswith("-W-") or second.startswith("-W-"):
        return _weekdays_apart(first, second)
    if first.startswith("--") or second.startswith("--"):
        return 0 if _month_of(first) == _month_of(second) else HISTORY_DAYS + 1
    return abs((dt.date.fromisoformat(first) - dt.date.fromisoformat(second)).days)


# -- matching a corpus ------------------------------------------------------------------------

def match_claims(
    claims: list[Claim],
    related: frozenset[frozenset[str]] | None = None,
    only_with: frozenset[str] | None = None,
) -> Matching:
    """Candidate pairs, best counterparts and the groups they form. ``related``: the pairs of
    document ids that report one story (``stories.related_pairs``; None when every document
    does). With ``only_with`` (document ids), keep only pairs with one side in those documents
    (a draft checked against reference copy).

    Claims are grouped by kind and document, so only the pairs of related documents are ever
    looked at; an article with more than MAX_CLAIMS_COMPARED_IN_ONE_ARTICLE figures of one
    kind is a table, whose rows are not compared with each other, nor with another table's."""
    order = {claim.id: index for index, claim in enumerate(claims)}
    buckets: dict[str, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for claim in first_statements(claims):
        key = bucket_key(claim)
        if key is not None:
            buckets[key][claim.doc].append(claim)
    compared = [claim for by_doc in buckets.values() for found in by_doc.values() for claim in found]
    frames = frames_of(claims, compared)
    similar = _Similarity(frames, _word_weights(compared, frames))
    scored: list[tuple[Claim, Claim, float]] = []
    for key in sorted(buckets):
        for a, b in _candidates(buckets[key], related, only_with):
            similarity = similar(a, b)
            if apart(a, b, frames, similarity) is None:
                scored.append((a, b, similarity))
    scored.sort(key=lambda item: (order[item[0].id], order[item[1].id]))
    best = _best_counterparts(scored, order)
    pairs = tuple((a, b) for a, b, _ in scored)
    return Matching(_groups(pairs, best, frames), pairs, frozenset(best))


def frames_of(claims: list[Claim], compared: list[Claim]) -> dict[str, Frame]:
    """The frames of the ``compared`` claims, each with its article's news day and moment read
    from all of ``claims``."""
    days, moments = news_days(claims), news_moments(claims)
    frames = {claim.id: frame_of(claim, days.get(claim.doc), _clock_minutes(claim.sentence) or moments.get(claim.doc, frozenset()))
              for claim in compared}
    parts = _area_parts(compared, frames)
    return {claim_id: replace(frame, area_part=True) if claim_id in parts else frame for claim_id, frame in frames.items()}


@cache
def _area_nouns() -> str:
    return alternation(load("places")["area_parts"]["nouns"])


@lru_cache(maxsize=65536)
def _areas(sentence: str, places: tuple[str, ...]) -> frozenset[str]:
    """The places a sentence names as areas of a larger one ("Bener Meriah district", "the
    district of Bireun")."""
    nouns = _area_nouns()
    return frozenset(place for place in places if not place.startswith("(") and regex.search(
        rf"{regex.escape(place)}\s+(?:{nouns})\b|\b(?:{nouns})\s+of\s+{regex.escape(place)}", sentence, regex.I))


def _area_parts(claims: list[Claim], frames: Mapping[str, Frame]) -> frozenset[str]:
    """The claims whose article gives the figures of their event for two or more areas ("12
    people were killed in Bener Meriah district"; "in neighbouring Central Aceh district, 10
    people were killed"): each is one area's part of the event, not its whole."""
    areas: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for claim in claims:
        if frames[claim.id].event:
            areas[(claim.doc, frames[claim.id].kind, frames[claim.id].event)] |= _areas(claim.sentence, claim.places)
    return frozenset(claim.id for claim in claims if frames[claim.id].event and _areas(claim.sentence, claim.places)
                     and len(areas[(claim.doc, frames[claim.id].kind, frames[claim.id].event)]) > 1)


LEDE_MOMENT_SENTENCES = 4  # the sentences with figures (title and standfirst among them) in which a report states the time of its event


def news_moments(claims: Iterable[Claim]) -> dict[str, frozenset[int]]:
    """Each article's moment: the clock times of the first of its first
    ``LEDE_MOMENT_SENTENCES`` sentences with figures that states any ("The quake occurred at
    2:09 a.m."). A figure whose own sentence states no time of day is of that moment: a report
    of a quake at 9:30 a.m. and one of a quake at 2:09 a.m. are of two quakes, however alike
    their "this morning"."""
    return _first_in_lede(claims, LEDE_MOMENT_SENTENCES, lambda claim: _clock_minutes(claim.sentence))


def news_days(claims: Iterable[Claim]) -> dict[str, str]:
    """Each article's news day: the day its lede (its first ``LEDE_SENTENCES`` sentences with
    figures) pins a figure to, when that is not history: a report's lede names the day of its
    event ("shaken awake early Thursday", "the temblor on Sunday at 9:27 a.m.")."""
    return _first_in_lede(claims, LEDE_SENTENCES, lambda claim: None if _is_history(claim) else claim.time)


def _first_in_lede(claims: Iterable[Claim], lede_sentences: int, read: Callable[[Claim], T | None]) -> dict[str, T]:
    """For each article, the first reading ``read`` gives of a claim in its first
    ``lede_sentences`` sentences with figures (an empty reading counts as none)."""
    found: dict[str, T] = {}
    lede: dict[str, list[str]] = defaultdict(list)
    for claim in claims:
        sentences = lede[claim.doc]
        if claim.sentence not in sentences:
            sentences.append(claim.sentence)
        if claim.doc not in found and len(sentences) <= lede_sentences:
            reading = read(claim)
            if reading:
                found[claim.doc] = reading
    return found


def _word_weights(claims: list[Claim], frames: Mapping[str, Frame]) -> dict[str, float]:
    """How telling each sentence word is: the log inverse of the share of documents whose
    compared figures' sentences use it."""
    holders: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        for word in frames[claim.id].words:
            holders[word].add(claim.doc)
    documents = len({claim.doc for claim in claims}) or 1
    return {word: math.log(1 + documents / len(docs)) for word, docs in holders.items()}


def _best_counterparts(scored: list[tuple[Claim, Claim, float]], order: Mapping[str, int]) -> set[tuple[str, str]]:
    """(claim, counterpart) for each claim's most similar candidate in each other article (and in
    its own), a candidate of a place both name first; ties go to the counterpart nearest in value (of "7.6 and 7.5 magnitude quakes",
    7.5 is matched to 7.5), then to the one stated first. (A one-to-one alignment, greedy or mutual
    best, was measured too: dev-cluster recall fell from 17/23 to 10/23 and 9/23, as near-equal
    sentence similarities pick the wrong partner far more often than the wrong best.)"""
    top: dict[tuple[str, str], tuple[bool, float, float, int, str]] = {}
    for a, b, similarity in scored:
        for claim, other in ((a, b), (b, a)):
            key = (claim.id, other.doc)
            entry = (not one_named_place(claim, other), -similarity, _value_gap(claim, other), order[other.id], other.id)
            if key not in top or entry < top[key]:
                top[key] = entry
    return {(claim_id, entry[-1]) for (claim_id, _), entry in top.items()}


def one_named_place(claim: Claim, other: Claim) -> bool:
    """Both figures are said of a place they share: "where a further 20,000 joined the
    demonstrations in Thessaloniki" is nearer "50,000 marched in Salonika" than any figure of
    no place is, however alike the wording around that one."""
    return any(not place.startswith("(") and place in other.places for place in claim.places)


def _value_gap(claim: Claim, other: Claim) -> float:
    """How far apart two figures are, relative to the larger (0 for equal values)."""
    first, second = (abs(c.value * measure(c.unit).factor) for c in (claim, other))
    return abs(first - second) / max(first, second) if max(first, second) else 0.0


def _candidates(
    by_doc: dict[str, list[Claim]],
    related: frozenset[frozenset[str]] | None,
    only_with: frozenset[str] | None,
) -> Iterator[tuple[Claim, Claim]]:
    """The pairs of one kind worth a look, first claim first in document order; only the
    related documents of each document are visited, so the work follows the related pairs."""
    docs = sorted(by_doc)
    for doc in docs:
        if only_with is None and len(by_doc[doc]) <= MAX_CLAIMS_COMPARED_IN_ONE_ARTICLE:
            yield from combinations(by_doc[doc], 2)
    for first, second in _related_documents(docs, related):
        if only_with is not None and (first in only_with) == (second in only_with):
            continue
        if min(len(by_doc[first]), len(by_doc[second])) > MAX_CLAIMS_COMPARED_IN_ONE_ARTICLE:
            continue  # two tables: row by row, two articles of 2,000 figures each took 300 s and 1.1 GB
        for a in by_doc[first]:
            for b in by_doc[second]:
                yield a, b


def _related_documents(docs: list[str], related: frozenset[frozenset[str]] | None) -> Iterable[tuple[str, str]]:
    """The related pairs among ``docs`` (sorted), each once, in order."""
    if related is None:
        yield from combinations(docs, 2)
        return
    present = set(docs)
    neighbours: dict[str, list[str]] = defaultdict(list)
    for pair in related:
        first, second = sorted(pair)
        if first in present and second in present:
            neighbours[first].append(second)
    for doc in docs:
        for other in sorted(neighbours.get(doc, ())):
            yield doc, other


def first_statements(claims: list[Claim]) -> list[Claim]:
    """Claims without the repeats of a statement already made in their article (a photo
    gallery repeats its captions behind "Image 2 of 40", a page its summary): the first
    statement, read from the figure to the sentence's end, speaks for all."""
    seen: set[tuple[str, str]] = set()
    first: list[Claim] = []
    for claim in claims:
        key = (claim.doc, claim.sentence[claim.sentence.find(claim.surface):])  # from the figure on
        if key not in seen:
            seen.add(key)
            first.append(claim)
    return first


def _groups(
    pairs: tuple[tuple[Claim, Claim], ...], best: set[tuple[str, str]], frames: Mapping[str, Frame]
) -> tuple[Group, ...]:
    """Connected components of the best-counterpart links: the claims taken as one fact.
    (Mutual best links only were measured too: ECB+ pair recall fell from 0.70 to 0.68 and no
    wrong join went away.)"""
    sets = DisjointSets()
    order: dict[str, int] = {}
    for a, b in pairs:
        if (a.id, b.id) in best or (b.id, a.id) in best:
            for claim in (a, b):
                order.setdefault(claim.id, len(order))
            sets.join(a.id, b.id)
    members: dict[str, list[str]] = defaultdict(list)
    for claim_id in sorted(order, key=order.__getitem__):
        members[sets.root(claim_id)].append(claim_id)
    ordered = sorted(members.values(), key=lambda ids: order[ids[0]])
    return tuple(Group(f"G{n}", _group_key(frames[ids[0]]), tuple(ids)) for n, ids in enumerate(ordered, start=1))


def _group_key(frame: Frame) -> str:
    return f"{frame.event or '*'}/{frame.thing or '*'}/{frame.kind}"



# -- explaining -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Candidate:
    claim: str  # the other claim's id
    similarity: float
    verdict: str  # "best counterpart", "compared", or why the two were kept apart


@dataclass(frozen=True)
class Explanation:
    """Why a figure was or was not compared with its nearest candidates (``check --explain``)."""

    claim: str
    frame: Frame
    candidates: tuple[Candidate, ...]


EXPLAINED_CANDIDATES = 5  # nearest candidates shown per figure


def explain(claims: list[Claim], matching: Matching, related: frozenset[frozenset[str]] | None) -> tuple[Explanation, ...]:
    """For every claim: its frame, and its most similar figures of the same kind in related
    articles (and its own), each with the verdict of matching."""
    frames = frames_of(claims, claims)  # as match_claims reads them
    similar = _Similarity(frames, _word_weights(claims, frames))
    compared = {(a.id, b.id) for a, b in matching.pairs} | {(b.id, a.id) for a, b in matching.pairs}
    by_kind: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_kind[frames[claim.id].kind].append(claim)
    explanations = []
    for claim in claims:
        others = [o for o in by_kind[frames[claim.id].kind]
                  if o.id != claim.id and (o.doc == claim.doc or related is None or frozenset((o.doc, claim.doc)) in related)]
        scored = sorted(((similar(claim, o), o) for o in others),
                        key=lambda item: (-item[0], item[1].id))[:EXPLAINED_CANDIDATES]
        explanations.append(Explanation(claim.id, frames[claim.id], tuple(
            Candidate(o.id, round(similarity, 3), _verdict(claim, o, similarity, frames, compared, matching.best))
            for similarity, o in scored)))
    return tuple(explanations)


def _verdict(claim: Claim, other: Claim, similarity: float, frames: Mapping[str, Frame],
             compared: set[tuple[str, str]], best: frozenset[tuple[str, str]]) -> str:
    if (claim.id, other.id) in best:
        return "best counterpart"
    if (claim.id, other.id) in compared:
        return "compared"
    if reason := set_aside(claim):
        return f"this figure is set aside: {reason}"
    if reason := set_aside(other):
        return f"set aside: {reason}"
    return apart(claim, other, frames, similarity) or "a repeat of a statement already made in its article"
