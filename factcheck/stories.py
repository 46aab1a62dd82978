"""Stories: which documents report the same event, so that only their figures are compared.

A folder of articles about one story is the easy case; a newsroom's whole archive is not: two
shootings in two cities share every predicate and most counted things. Story identity is read
as record linkage with blocking (cheap keys first, a careful comparison inside each block):

- Page furniture is set aside: a line repeated verbatim in ``BOILERPLATE_DOCS`` documents, or
  in ``MIN_BOILERPLATE_DOCS`` whose dates lie more than ``LIVE_DAYS`` apart (a newsletter
  sign-up box, "please enable JavaScript"), tells no story. Wire copy of one event, repeated
  within days, stays.
- A round-up (``is_roundup``: many distinct clock times and street addresses, a list of the
  weekend's shootings) is the story of none of its incidents and is linked to nothing.
- Each document becomes its content words (common words left out) and the names in its body
  (two adjacent capitalised words, "esteban santiago", weighted ``NAME_BOOST`` times a word),
  TF-IDF weighted.
- Blocking: a term in more than ``MAX_DF`` documents is neither key nor evidence. Only
  documents that share a key are compared, and a key pairs at most ``MAX_DF`` documents, so
  the work grows with the number of articles (about 250 candidate partners per article on the
  shared corpora), not with its square; sums are gathered one document at a time.
- An undated document takes the date of its closest dated partner (one story is reported at
  one time), so two undated reports of two quakes, each close to a dated report of its own,
  are as far apart as those.
- Comparison: published within ``LIVE_DAYS`` (or undated), two reports tell one story when
  their cosine reaches ``SAME_STORY`` and, in an archive, the terms they share add up to
  ``MIN_EVIDENCE`` of rarity (two short stubs sharing a city's name are not one story). In a
  corpus of at most ``MAX_DF`` documents (a folder, where the prior odds of one story are far
  higher and IDF tells little apart) ``SAME_STORY_FOLDER`` suffices. Published further apart,
  they are one story only when the later names the date of the earlier (``refers_to``: "the
  March 3 earthquake"; a trial about a shooting) and their cosine reaches ``SAME_STORY_LATER``.
  In an archive, a report without a date may be from any year, so it joins a story only on a
  cosine of ``SAME_STORY_UNDATED``: on ECB+ (586 of 982 reports undated, each event paired with
  another of its kind) that cut the findings pitting two events against each other from 119 to
  11 while the findings inside one event went from 167 to 158 (``score_archive.py``).

Measured with ``bench/stories.py`` (GVC 4,312 articles, ECB+ 982), against the former
all-pairs cosine >= 0.1: cross-event pairs linked per 1,000 articles 5,607 -> 50 in GVC, 3,691
-> 1,926 in ECB+; same-event pair recall 0.85 -> 0.57 in GVC (29% of GVC's same-event pairs
lie more than a week apart, mostly trials and anniversaries that do not name the date) and
0.96 -> 0.83 in ECB+. ECB+ pairs each event with another of the same kind, mostly undated and
with the same people (two Klitschko title defences, two Sonoma quakes): words and names alone
cannot part them. The thresholds were swept on these corpora with the seeds and clusters-dev
gold held at full recall; ``LIVE_DAYS`` from the spread of publication dates inside clusters.
"""
from __future__ import annotations

import datetime as dt
import math
import multiprocessing
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from itertools import islice

import regex

from factcheck.lexicon import alternation, fold, load
from factcheck.model import Document

SAME_STORY = 0.1  # cosine at or above which two documents of compatible dates share a story
SAME_STORY_FOLDER = 0.06  # ... in a corpus of at most MAX_DF documents (a folder, likely one story)
SAME_STORY_LATER = 0.2  # ... the cosine needed when their dates lie more than LIVE_DAYS apart
SAME_STORY_UNDATED = 0.35  # ... in an archive, when one of them has no date (it may be from any time)
LIVE_DAYS = 7  # days apart within which two reports can be live reporting of one event
MAX_DF = 60  # a term in more documents is neither a blocking key nor evidence
NAME_BOOST = 2.0  # weight of a two-word name against a content word
BOILERPLATE_DOCS = 10  # a line repeated verbatim in this many documents is page furniture
MIN_BOILERPLATE_DOCS = 3  # ... or in this many whose dates lie more than LIVE_DAYS apart
MIN_BOILERPLATE_CHARS = 20  # shorter lines ("Related", a byline) are not judged as furniture
MIN_EVIDENCE = 15.0  # in an archive, the least summed rarity of the terms two reports share
EVENT_DAYS_BEFORE = 3  # an earlier report's event may lie this many days before its date
ROUNDUP_ANCHORS = 8  # distinct clock times and street addresses that make a text a round-up
LEDE_SEGMENTS = 2  # a text's first lines (its title, when the text repeats it, and its opening)

_WORD = regex.compile(r"[A-Za-z][a-z'’-]{3,}")
_NAME = regex.compile(r"(?<![\p{L}\p{M}'’-])(\p{Lu}[\p{L}\p{M}'’-]*)[ \t]+(\p{Lu}[\p{L}\p{M}'’-]*)")
_POSSESSIVES = ("'s", "’s")


class Features:
    """What the story index needs of one document that depends on that document alone: its
    lines normalised (``_line_keys``), whether it is a round-up, and its terms with no line
    left out as furniture. They are worked out where the document is extracted (a worker
    process, in parallel, while other files are still being read) rather than by the process
    that builds the index after every file is in (a third of that stage, single-core)."""

    __slots__ = ("lines", "roundup", "terms")

    def __init__(self, document: Document) -> None:
        self.lines = _line_keys(document)
        self.roundup = is_roundup(document)
        self.terms = _terms(document, frozenset())

    def __getstate__(self) -> tuple:
        return self.lines, self.roundup, self.terms

    def __setstate__(self, state: tuple) -> None:
        self.lines, self.roundup, self.terms = state


_offered: dict[str, tuple[Document, Features]] = {}  # document id -> the document and its features


def offer(features: Iterable[tuple[Document, Features]]) -> None:
    """The features of the documents just read, for the next story links to take instead of
    working them out again; they replace those offered before (memory holds one load's)."""
    global _offered
    _offered = {document.id: (document, found) for document, found in features}


def _features(document: Document) -> Features | None:
    """The features offered for this very document object (never another one of its id)."""
    found = _offered.get(document.id)
    return found[1] if found is not None and found[0] is document else None


def line_keys(document: Document) -> tuple[str, ...]:
    features = _features(document)
    return features.lines if features is not None else _line_keys(document)


def roundup(document: Document) -> bool:
    features = _features(document)
    return features.roundup if features is not None else is_roundup(document)


def terms_of(document: Document, furniture: frozenset[str]) -> Counter[str]:
    """``_terms``; the offered terms when none of the document's lines is furniture (the same
    counts, in the same order: nothing is left out)."""
    features = _features(document)
    if features is not None and furniture.isdisjoint(features.lines):
        return features.terms
    return _terms(document, furniture)


class StoryMemo:
    """Per-document story features kept from one run to the next over a corpus that changes
    little (the warm reference copy of ``factcheck serve``, checked against one draft after
    another). A document's terms depend only on its text and on which of its lines are
    furniture, so they are kept under exactly that; the corpus-wide parts (furniture, rarity,
    the comparison) are worked out on every run, and the links are those of a run without it."""

    def __init__(self) -> None:
        self._lines: dict[tuple[str, str], tuple[str, ...]] = {}
        self._roundups: dict[tuple[str, str], bool] = {}
        self._terms: dict[tuple[str, str, frozenset[str]], Counter[str]] = {}

    def lines(self, document: Document) -> tuple[str, ...]:
        key = (document.id, document.text)
        if key not in self._lines:
            self._lines[key] = _line_keys(document)
        return self._lines[key]

    def is_roundup(self, document: Document) -> bool:
        key = (document.id, document.text)
        if key not in self._roundups:
            self._roundups[key] = is_roundup(document)
        return self._roundups[key]

    def terms(self, document: Document, boilerplate: frozenset[str]) -> Counter[str]:
        furniture = boilerplate.intersection(self.lines(document))
        key = (document.id, document.text, furniture)
        if key not in self._terms:
            self._terms[key] = _terms(document, furniture)
        return self._terms[key]


class _NoMemo(StoryMemo):
    """Every feature worked out afresh (a one-off run keeps nothing)."""

    def lines(self, document: Document) -> tuple[str, ...]:
        return line_keys(document)

    def is_roundup(self, document: Document) -> bool:
        return roundup(document)

    def terms(self, document: Document, boilerplate: frozenset[str]) -> Counter[str]:
        return terms_of(document, boilerplate)


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


@cache
def _many_incidents() -> regex.Pattern:
    return regex.compile(rf"\b{alternation(load('stories')['roundup']['many_incidents'])}\b", regex.I)


LEDE_CHARS = 300  # the opening of a text's first lines that tells what it reports


def _opens_with_many_incidents(document: Document) -> bool:
    """The title or the opening lines tell of many incidents ("weekend shootings across
    Chicago")."""
    opening = [document.title or "", *(segment.view[:LEDE_CHARS] for segment in islice(document.segments, LEDE_SEGMENTS))]
    return any(_many_incidents().search(text) for text in opening)


def is_roundup(document: Document) -> bool:
    """Whether the text is a round-up of many incidents, the story of none of them: its
    opening tells of many, or it pins ``ROUNDUP_ANCHORS`` distinct incidents (clock times,
    street addresses)."""
    if _opens_with_many_incidents(document):
        return True
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


def _line_keys(document: Document) -> tuple[str, ...]:
    """The document's lines, normalised, long enough to be judged as furniture."""
    return tuple(key for key in (_line_key(segment.view) for segment in document.segments)
                 if len(key) >= MIN_BOILERPLATE_CHARS)


def boilerplate_lines(
    documents: list[Document], dates: dict[str, dt.date | None], memo: StoryMemo | None = None,
) -> frozenset[str]:
    """The (normalised) lines that are page furniture rather than story: repeated verbatim in
    ``BOILERPLATE_DOCS`` documents, or in ``MIN_BOILERPLATE_DOCS`` dated further apart than
    ``LIVE_DAYS``."""
    memo = memo or _NoMemo()
    holders: dict[str, set[str]] = defaultdict(set)
    for document in documents:
        for key in memo.lines(document):
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
    documents: Iterable[Document], only_with: frozenset[str] | None = None, memo: StoryMemo | None = None,
) -> frozenset[frozenset[str]]:
    """The pairs of document ids that report the same story; with ``only_with``, only the pairs
    with one side in those documents (a draft against reference copy). ``memo`` keeps the
    documents' features for the next run over much the same corpus."""
    memo = memo or _NoMemo()
    documents = list(documents)
    dates = {document.id: _date(document.date) for document in documents}
    roundups = {document.id for document in documents if memo.is_roundup(document)}
    folder = len(documents) <= MAX_DF
    compared = [
        (pair, cosine, evidence) for pair, cosine, evidence in similarities(documents, dates, only_with, memo)
        if cosine >= least_cosine(folder) and not roundups.intersection(pair)
    ]
    by_id = {document.id: document for document in documents}
    return linked(dates, compared, folder, refers_by_id(by_id))


def least_cosine(folder: bool) -> float:
    """The least cosine at which a pair of documents can tell one story at all."""
    return SAME_STORY_FOLDER if folder else min(SAME_STORY, SAME_STORY_LATER)


Compared = list[tuple[tuple[str, str], float, float]]  # pairs (ordered by id), cosine, evidence


def linked(
    dates: dict[str, dt.date | None], compared: Compared, folder: bool, refers: Callable[[str, dt.date], bool],
) -> frozenset[frozenset[str]]:
    """The compared pairs (cosine at least ``least_cosine``, no round-up) that tell one story;
    ``refers(later, earlier)``: whether the document ``later`` names the date ``earlier``."""
    undated = frozenset(doc for doc, date in dates.items() if date is None)
    dates = _with_inferred_dates(dates, compared, folder)
    return frozenset(
        frozenset(pair) for pair, cosine, evidence in compared
        if _same_story(refers, dates, pair, cosine, evidence, folder)
        and (folder or cosine >= SAME_STORY_UNDATED or not undated.intersection(pair))
    )


def _with_inferred_dates(
    dates: dict[str, dt.date | None], compared: Compared, folder: bool
) -> dict[str, dt.date | None]:
    """Publication dates, an undated document given the date of its closest dated partner
    (one story is reported at one time): two undated reports of two quakes each close to a
    dated report of its own quake are then as far apart as those."""
    best: dict[str, tuple[float, str, dt.date]] = {}
    for pair, cosine, evidence in compared:
        if not _close(cosine, evidence, folder):
            continue
        for undated, dated in (pair, pair[::-1]):
            if dates[undated] is None and dates[dated] is not None:
                candidate = (cosine, dated, dates[dated])
                if undated not in best or (candidate[0], candidate[1]) > (best[undated][0], best[undated][1]):
                    best[undated] = candidate
    return {doc: date or (best[doc][2] if doc in best else None) for doc, date in dates.items()}


def _same_story(
    refers: Callable[[str, dt.date], bool], dates: dict[str, dt.date | None], pair: tuple[str, str],
    cosine: float, evidence: float, folder: bool,
) -> bool:
    """Whether a compared pair tells one story: close enough, on enough shared rare terms (in
    an archive), and, when published too far apart for live reporting of one event, the later
    one refers to the date of the earlier."""
    first, second = (dates[doc] for doc in pair)
    if first and second and abs((first - second).days) > LIVE_DAYS:
        later, earlier = (pair[0], second) if first > second else (pair[1], first)
        return cosine >= SAME_STORY_LATER and refers(later, earlier)
    return _close(cosine, evidence, folder)


def _close(cosine: float, evidence: float, folder: bool) -> bool:
    """Close enough for live reporting of one event: the folder's cosine, or the archive's
    cosine on enough shared rare terms."""
    if folder:
        return cosine >= SAME_STORY_FOLDER
    return cosine >= SAME_STORY and evidence >= MIN_EVIDENCE


def similarities(
    documents: list[Document], dates: dict[str, dt.date | None], only_with: frozenset[str] | None = None,
    memo: StoryMemo | None = None,
) -> Iterator[tuple[tuple[str, str], float, float]]:
    """Every pair of documents that share a blocking key (ordered by id), the cosine of their
    vectors and the evidence of their shared terms (the sum of each one's rarity)."""
    memo = memo or _NoMemo()
    boilerplate = boilerplate_lines(documents, dates, memo)
    counts = {document.id: memo.terms(document, boilerplate) for document in documents}
    document_frequency = Counter(term for terms in counts.values() for term in terms)
    rarity = {
        term: term_rarity(frequency, len(documents))
        for term, frequency in document_frequency.items() if frequency <= MAX_DF
    }
    keys = None if only_with is None else {term for doc in only_with if doc in counts for term in counts[doc] if term in rarity}
    vectors = {doc: _weighted(terms, rarity) for doc, terms in counts.items()
               if keys is None or doc in only_with or not keys.isdisjoint(terms)}  # with only_with: the drafts' partners
    return _compared(vectors, rarity, only_with)


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
    return {fold(name): number for number, names in enumerate(load("calendar")["months"], start=1)
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


NamedDates = tuple[frozenset[tuple[int, int]], frozenset[tuple[int, int]]]  # (month, day)s, (month, year)s


def named_dates(document: Document) -> NamedDates:
    """The months and days ("March 3", "3 March") and the months and years ("March 2021",
    "March 3, 2021") the text names."""
    months = _month_numbers()
    days: set[tuple[int, int]] = set()
    years: set[tuple[int, int]] = set()
    for pattern in _date_patterns():
        for segment in document.segments:
            for match in pattern.finditer(segment.view):
                month, found = months[fold(match.group("month")).rstrip(".")], match.groupdict()
                if found.get("day"):
                    days.add((month, int(found["day"])))
                if found.get("year"):
                    years.add((month, int(found["year"])))
    return frozenset(days), frozenset(years)


def refers_to(document: Document, earlier: dt.date, named: NamedDates | None = None) -> bool:
    """Whether the text names the month and year of ``earlier``, or its month and day (or one
    of the ``EVENT_DAYS_BEFORE`` days before it: an event is reported on the day or soon
    after): a follow-up explicitly about an earlier report, a trial about a shooting.
    ``named``: the document's ``named_dates``, when known (a document is asked about many)."""
    named_days, named_years = named or named_dates(document)
    days = {(day.month, day.day) for day in (earlier - dt.timedelta(days=k) for k in range(EVENT_DAYS_BEFORE + 1))}
    return not named_days.isdisjoint(days) or (earlier.month, earlier.year) in named_years


def refers_by_id(documents: Mapping[str, Document]) -> Callable[[str, dt.date], bool]:
    """``refers_to`` for documents named by id, each one's named dates read once."""
    named: dict[str, NamedDates] = {}

    def refers(later: str, earlier: dt.date) -> bool:
        if later not in named:
            named[later] = named_dates(documents[later])
        return refers_to(documents[later], earlier, named[later])

    return refers


def _weighted(terms: Counter[str], rarity: Mapping[str, float]) -> dict[str, float]:
    """Unit-length TF-IDF weights, names boosted; terms in more than ``MAX_DF`` documents
    (absent from ``rarity``) are dropped, as they tell no story apart and would make every pair
    a candidate."""
    return unit_vector(terms, rarity)[0]


def unit_vector(terms: Mapping[str, int], rarity: Mapping[str, float]) -> tuple[dict[str, float], float]:
    """The unit-length weights, in the order of the terms (so that a pair's sums run over their
    shared terms in one order, whichever side they are gathered from), and the norm they were
    divided by."""
    weights = {term: term_weight(term, terms[term], rarity[term]) for term in sorted(terms) if term in rarity}
    norm = math.sqrt(sum(weight * weight for weight in weights.values())) or 1.0
    return {term: weight / norm for term, weight in weights.items()}, norm


def term_weight(term: str, count: int, rarity: float) -> float:
    """A term's weight in a document before the vector is made unit-length."""
    return (NAME_BOOST if " " in term else 1.0) * (1 + math.log(count)) * rarity


def term_rarity(frequency: int, documents: int) -> float:
    """A term's rarity (IDF) in a corpus of ``documents``, ``frequency`` of them holding it."""
    return math.log((documents + 1) / (frequency + 1) + 1)


Postings = tuple[list[str], list[float]]  # the documents holding a term (by id) and its weight in each


def _compared(
    vectors: dict[str, dict[str, float]], rarity: dict[str, float], only_with: frozenset[str] | None
) -> Iterator[tuple[tuple[str, str], float, float]]:
    """Cosine and shared evidence of every pair of documents that share a term (with a side in
    ``only_with``, when given). The inverted index is the blocking; the sums are gathered one
    document at a time, so memory holds the index and one document's partners, never every
    pair of the archive at once. With ``only_with``, only those documents' terms are indexed."""
    index = _postings(vectors, only_with)
    for doc in sorted(vectors if only_with is None else only_with.intersection(vectors)):
        yield from _pairs_of(doc, vectors, index, rarity, only_with)


def _postings(vectors: dict[str, dict[str, float]], only_with: frozenset[str] | None) -> dict[str, Postings]:
    """The inverted index of the vectors (with ``only_with``, of those documents' terms only)."""
    index: dict[str, Postings] = {}
    keys = None if only_with is None else {term for doc in only_with.intersection(vectors) for term in vectors[doc]}
    for doc in sorted(vectors):
        for term, weight in vectors[doc].items():
            if keys is not None and term not in keys:
                continue
            ids, weights = index.setdefault(term, ([], []))
            ids.append(doc)
            weights.append(weight)
    return index


def _pairs_of(
    doc: str, vectors: dict[str, dict[str, float]], index: dict[str, Postings], rarity: dict[str, float],
    only_with: frozenset[str] | None,
) -> Iterator[tuple[tuple[str, str], float, float]]:
    """The pairs ``_compared`` gathers for one document, by partner."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for term, weight in vectors[doc].items():
        ids, weights = index[term]
        for position in _partners(doc, ids, only_with):
            found = sums[ids[position]]
            found[0] += weight * weights[position]
            found[1] += rarity[term]
    for other in sorted(sums):
        yield (doc, other) if doc < other else (other, doc), sums[other][0], sums[other][1]


PARALLEL_PAIRS = 2000  # documents from which close_pairs forks worker processes
PAIRS_CHUNK = 50  # documents a forked worker gathers at a time

_forked: tuple | None = None  # what close_pairs' forked workers read (inherited, never pickled)


def close_pairs(
    vectors: dict, rarity: dict[str, float], floor: float, excluded: Iterable, processes: int,
) -> list[tuple[tuple, float, float]]:
    """The pairs of ``_compared`` (no ``only_with``) with a cosine of at least ``floor`` and no
    side in ``excluded``, in its order. Each document's sums are its own, so the documents are
    split over ``processes`` forked workers, which inherit the vectors and the inverted index
    rather than receive them, and the chunks are put back in order: the same pairs, the same
    sums to the last bit, on every core (the comparison was a third of the single-core story
    stage of a cold run over 10,000 articles)."""
    global _forked
    index = _postings(vectors, None)
    docs = sorted(vectors)
    shared = (vectors, index, rarity, floor, frozenset(excluded))
    if processes <= 1 or len(docs) < PARALLEL_PAIRS or "fork" not in multiprocessing.get_all_start_methods():
        return _close_of(docs, shared)
    _forked = shared
    try:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            chunks = [docs[at:at + PAIRS_CHUNK] for at in range(0, len(docs), PAIRS_CHUNK)]
            return [pair for part in pool.imap(_close_forked, chunks) for pair in part]
    finally:
        _forked = None


def _close_forked(docs: list) -> list[tuple[tuple, float, float]]:
    assert _forked is not None
    return _close_of(docs, _forked)


def _close_of(docs: list, shared: tuple) -> list[tuple[tuple, float, float]]:
    vectors, index, rarity, floor, excluded = shared
    return [
        (pair, cosine, evidence) for doc in docs for pair, cosine, evidence in _pairs_of(doc, vectors, index, rarity, None)
        if cosine >= floor and pair[0] not in excluded and pair[1] not in excluded
    ]


def _partners(doc: str, ids: list[str], only_with: frozenset[str] | None) -> Iterator[int]:
    """The positions in ``ids`` (sorted) of the documents ``doc`` is compared with, each pair
    once: those after it; with ``only_with``, every other document outside it and the later
    ones inside it."""
    if only_with is None:
        yield from range(bisect_right(ids, doc), len(ids))
        return
    for position, other in enumerate(ids):
        if other != doc and (other not in only_with or doc < other):
            yield position
