"""Stories: which documents report the same event, so that only their figures are compared.

A folder of articles about one story is the easy case; a newsroom's whole archive is not: two
shootings in two cities share every predicate and most counted things. Story identity is read
as record linkage with blocking:

- Page furniture is set aside first: a line repeated verbatim in ``BOILERPLATE_DOCS``
  documents, or in three or more whose publication dates lie further apart than
  ``LIVE_DAYS`` (a newsletter sign-up box, "please enable JavaScript"), says nothing about the
  story. Wire copy of one event, repeated within days, stays.
- Each document becomes its content words (common words left out) and the names in its body
  (two adjacent capitalised words: "esteban santiago", "fort lauderdale"; weighted
  ``NAME_BOOST`` times a word), TF-IDF weighted.
- Blocking: a term in more than ``MAX_DF`` documents is no key and no evidence (it tells no
  story apart). Only documents that share a key are ever compared, and each key pairs at most
  ``MAX_DF`` documents, so the work grows with the number of articles, not its square.
- Comparison: two documents tell one story when the cosine of their vectors reaches
  ``SAME_STORY`` (``SAME_STORY_FOLDER`` in a corpus small enough to keep every term: the
  prior odds that two articles of a folder tell one story are far higher than in an
  archive, and with few documents IDF tells little apart); published more than ``LIVE_DAYS`` apart (not live reporting of one event,
  but a follow-up, a trial, or another event of the same kind) they need ``SAME_STORY_LATER``.

Measured with ``bench/stories.py`` on the shared corpora (GVC 4,312 articles, ECB+ 982):
the former all-pairs cosine >= 0.1 linked 5,607 cross-event pairs per 1,000 GVC articles
(recall 0.85 of same-event pairs) and 3,691 in ECB+ (recall 0.96); these settings link
239 in GVC (recall 0.66: the pairs lost are mostly reports weeks to years apart) and 2,673 in
ECB+ (recall 0.91: ECB+ pairs two events of one kind with the same people, mostly undated).
"""
from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import combinations

import regex

from factcheck.lexicon import alternation, load
from factcheck.model import Document

SAME_STORY = 0.1  # cosine at or above which two documents of compatible dates share a story
SAME_STORY_FOLDER = 0.06  # ... in a corpus of at most MAX_DF documents (a folder, likely one story)
SAME_STORY_LATER = 0.2  # ... the cosine needed when their dates lie more than LIVE_DAYS apart
LIVE_DAYS = 7  # days apart within which two reports can be live reporting of one event
MAX_DF = 60  # a term in more documents is neither a blocking key nor evidence
NAME_BOOST = 2.0  # weight of a two-word name against a content word
BOILERPLATE_DOCS = 10  # a line repeated verbatim in this many documents is page furniture
MIN_BOILERPLATE_DOCS = 3  # ... or in this many whose dates lie more than LIVE_DAYS apart
MIN_BOILERPLATE_CHARS = 20  # shorter lines ("Related", a byline) are not judged as furniture
MIN_EVIDENCE = 15.0  # in an archive, the least summed rarity of the terms two reports share
EVENT_DAYS_BEFORE = 3  # an earlier report's event may lie this many days before its date
ROUNDUP_ANCHORS = 8  # distinct clock times and street addresses that make a text a round-up

_WORD = regex.compile(r"[A-Za-z][a-z'’-]{3,}")
_NAME = regex.compile(r"(?<![\p{L}\p{M}'’-])(\p{Lu}[\p{L}\p{M}'’-]*)[ \t]+(\p{Lu}[\p{L}\p{M}'’-]*)")
_POSSESSIVES = ("'s", "’s")


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(load("stopwords")["words"])


@cache
def _incident_anchor() -> regex.Pattern:
    """A clock time or a street address (lexicons/stories.toml [roundup])."""
    words = load("stories")["roundup"]
    clock = rf"\d{{1,2}}(?::\d{{2}})?\s*{alternation(words['clock_suffixes'])}(?!\w)"
    address = rf"\d{{1,5}}\s+{alternation(words['address_words'])}\s+\w+(?:\s+\w+)?"
    return regex.compile(rf"\b(?:{clock}|{address})", regex.I)


def is_roundup(document: Document) -> bool:
    """Whether the text pins ``ROUNDUP_ANCHORS`` distinct incidents (clock times, street
    addresses): a round-up of many incidents, the story of none of them."""
    anchors = {
        "".join(match.group().lower().split())
        for segment in document.segments
        for match in _incident_anchor().finditer(segment.view)
    }
    return len(anchors) >= ROUNDUP_ANCHORS


def _normal(word: str) -> str:
    """Lower-cased, a possessive 's dropped."""
    word = word.lower()
    return word[:-2] if word[-2:] in _POSSESSIVES else word


def _line_key(view: str) -> str:
    return " ".join(view.lower().split())


def boilerplate_lines(documents: list[Document], dates: dict[str, dt.date | None]) -> frozenset[str]:
    """The (normalised) lines that are page furniture rather than story: repeated verbatim in
    ``BOILERPLATE_DOCS`` documents, or in ``MIN_BOILERPLATE_DOCS`` dated further apart than
    ``LIVE_DAYS``."""
    holders: dict[str, set[str]] = defaultdict(set)
    for document in documents:
        for segment in document.segments:
            key = _line_key(segment.view)
            if len(key) >= MIN_BOILERPLATE_CHARS:
                holders[key].add(document.id)
    return frozenset(key for key, ids in holders.items() if _furniture(ids, dates))


def _furniture(ids: set[str], dates: dict[str, dt.date | None]) -> bool:
    if len(ids) >= BOILERPLATE_DOCS:
        return True
    known = sorted(date for date in (dates[i] for i in ids) if date)
    return len(ids) >= MIN_BOILERPLATE_DOCS and bool(known) and (known[-1] - known[0]).days > LIVE_DAYS


def _body(document: Document, boilerplate: frozenset[str]) -> list[str]:
    return [s.view for s in document.segments if _line_key(s.view) not in boilerplate]


def content_words(document: Document, boilerplate: frozenset[str] = frozenset()) -> Counter[str]:
    """How often each content word (four letters or more, lower-cased, common words left out)
    occurs in the document's body (furniture lines left out) and title."""
    text = " ".join(_body(document, boilerplate)) + " " + (document.title or "")
    stopwords = _stopwords()
    words = (_normal(word) for word in _WORD.findall(text))
    return Counter(word for word in words if word not in stopwords)


def names(document: Document, boilerplate: frozenset[str] = frozenset()) -> Counter[str]:
    """How often each name of two adjacent capitalised words ("esteban santiago") occurs in the
    body: who and where the story is about, rarer than any single word. (The title is left
    out: headlines capitalise every word.)"""
    stopwords = _stopwords()
    found: Counter[str] = Counter()
    for view in _body(document, boilerplate):
        for match in _NAME.finditer(view, overlapped=True):
            first, second = _normal(match.group(1)), _normal(match.group(2))
            if first not in stopwords and second not in stopwords and len(first) > 1 and len(second) > 1:
                found[f"{first} {second}"] += 1
    return found


def related_pairs(
    documents: Iterable[Document], only_with: frozenset[str] | None = None
) -> frozenset[frozenset[str]]:
    """The pairs of document ids that report the same story; with ``only_with``, only the pairs
    with one side in those documents (a draft against reference copy)."""
    documents = list(documents)
    by_id = {document.id: document for document in documents}
    dates = {document.id: _date(document.date) for document in documents}
    roundups = {document.id for document in documents if is_roundup(document)}
    folder = len(documents) <= MAX_DF
    least = SAME_STORY_FOLDER if folder else min(SAME_STORY, SAME_STORY_LATER)
    return frozenset(
        frozenset(pair) for pair, (cosine, evidence) in similarities(documents, dates, only_with).items()
        if cosine >= least and not roundups.intersection(pair)
        and _same_story(by_id, dates, pair, cosine, evidence, folder)
    )


def _same_story(
    by_id: dict[str, Document], dates: dict[str, dt.date | None], pair: tuple[str, str],
    cosine: float, evidence: float, folder: bool,
) -> bool:
    """Whether a compared pair tells one story: close enough, on enough shared rare terms (in
    an archive), and, when published too far apart for live reporting of one event, the later
    one refers to the date of the earlier."""
    first, second = (dates[doc] for doc in pair)
    if first and second and abs((first - second).days) > LIVE_DAYS:
        later, earlier = (pair[0], second) if first > second else (pair[1], first)
        return cosine >= SAME_STORY_LATER and refers_to(by_id[later], earlier)
    if folder:
        return cosine >= SAME_STORY_FOLDER
    return cosine >= SAME_STORY and evidence >= MIN_EVIDENCE


def similarities(
    documents: list[Document], dates: dict[str, dt.date | None], only_with: frozenset[str] | None = None
) -> dict[tuple[str, str], list[float]]:
    """For every pair of documents that share a blocking key: the cosine of their vectors and
    the evidence of their shared terms (the sum of each one's inverse document frequency)."""
    boilerplate = boilerplate_lines(documents, dates)
    counts = {document.id: _terms(document, boilerplate) for document in documents}
    document_frequency = Counter(term for terms in counts.values() for term in terms)
    rarity = {
        term: math.log((len(documents) + 1) / (frequency + 1) + 1)
        for term, frequency in document_frequency.items() if frequency <= MAX_DF
    }
    vectors = {doc: _weighted(terms, rarity) for doc, terms in counts.items()}
    return _dot_products(vectors, rarity, only_with)


def _terms(document: Document, boilerplate: frozenset[str]) -> Counter[str]:
    """Content words and names; a name holds a space, a word never does."""
    return content_words(document, boilerplate) + names(document, boilerplate)


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


@cache
def _month_numbers() -> dict[str, int]:
    """Every name and abbreviation of a month (lexicons/calendar.toml), lower-cased -> 1..12."""
    return {name.lower(): number for number, names in enumerate(load("calendar")["months"], start=1)
            for name in names}


@cache
def _date_patterns() -> tuple[regex.Pattern, ...]:
    """"Jan. 6", "6 January", each with an optional year; "January 2017"."""
    month = rf"(?P<month>{alternation(list(_month_numbers()))})\.?"
    year = r"(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d))?"
    return (
        regex.compile(rf"\b{month}\s+(?P<day>\d{{1,2}})(?!\d){year}", regex.I),
        regex.compile(rf"\b(?P<day>\d{{1,2}})\s+{month}(?!\w){year}", regex.I),
        regex.compile(rf"\b{month},?\s+(?P<year>(?:19|20)\d\d)(?!\d)", regex.I),
    )


def refers_to(document: Document, earlier: dt.date) -> bool:
    """Whether the text names the month and year of ``earlier``, or its month and day (or one
    of the ``EVENT_DAYS_BEFORE`` days before it: an event is reported on the day or soon
    after): a follow-up explicitly about an earlier report, a trial about a shooting."""
    days = {(day.month, day.day) for day in (earlier - dt.timedelta(days=k) for k in range(EVENT_DAYS_BEFORE + 1))}
    months = _month_numbers()
    for pattern in _date_patterns():
        for segment in document.segments:
            for match in pattern.finditer(segment.view):
                month, found = months[match.group("month").lower().rstrip(".")], match.groupdict()
                if found.get("day") and (month, int(found["day"])) in days:
                    return True
                if found.get("year") and (month, int(found["year"])) == (earlier.month, earlier.year):
                    return True
    return False


def _weighted(terms: Counter[str], rarity: dict[str, float]) -> dict[str, float]:
    """Unit-length TF-IDF weights, names boosted; terms in more than ``MAX_DF`` documents
    (absent from ``rarity``) are dropped, as they tell no story apart and would make every pair
    a candidate."""
    weights = {
        term: (NAME_BOOST if " " in term else 1.0) * (1 + math.log(count)) * rarity[term]
        for term, count in terms.items()
        if term in rarity
    }
    norm = math.sqrt(sum(weight * weight for weight in weights.values())) or 1.0
    return {term: weight / norm for term, weight in weights.items()}


def _dot_products(
    vectors: dict[str, dict[str, float]], rarity: dict[str, float], only_with: frozenset[str] | None = None
) -> dict[tuple[str, str], list[float]]:
    """Cosine and shared evidence of every pair of documents that share a term (and has a side
    in ``only_with``, when given), summed term by term: the inverted index is the blocking."""
    holders: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for doc in sorted(vectors):
        for term, weight in vectors[doc].items():
            holders[term].append((doc, weight))
    products: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    for term, entries in holders.items():
        for (first, first_weight), (second, second_weight) in _pairs(entries, only_with):
            found = products[(first, second)]
            found[0] += first_weight * second_weight
            found[1] += rarity[term]
    return products


Entry = tuple[str, float]  # a document id and a term's weight in it


def _pairs(entries: list[Entry], only_with: frozenset[str] | None) -> Iterator[tuple[Entry, Entry]]:
    """The pairs of one term's holders, ordered by document id; with ``only_with``, only those
    with a side in it (each pair once)."""
    if only_with is None:
        yield from combinations(entries, 2)
        return
    for focus in (entry for entry in entries if entry[0] in only_with):
        for other in entries:
            if other[0] != focus[0] and (other[0] not in only_with or focus[0] < other[0]):
                yield (focus, other) if focus[0] < other[0] else (other, focus)
