"""Match: line up the claims that state the same fact, across articles and inside one.

Two claims are comparable when they have the same predicate class, the same kind of measure
(counts, money, percent, or one pint dimension), compatible counted things, no two different
places, and the same time: a figure pinned to a date long before its article (``on Oct. 7``)
is history, compared only with figures pinned to that date or undated figures whose sentence
names two people or bodies it names (a theft "in May" told again without its date). Two figures of one sentence
are two facts, unless two named sources give them. Comparable claims form groups (connected
components); the rules judge agreement pair by pair.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations, product

from factcheck.vocabulary import measure_predicates, predicate_classes, pronoun_numbers, uncompared_predicates
from factcheck.model import Claim, Group
from factcheck.units import measure

SAME_EVENT_DAYS = 3  # two dated figures farther apart than this are about different events
HISTORY_DAYS = 30  # a figure dated this long before its article is history, not news
EVENT_NAMES = 2  # names an undated sentence must share with a dated one to be about its event
PEOPLE_LIKE = frozenset({None, "people"})  # what a figure with no counted noun may count


@dataclass(frozen=True)
class Matching:
    groups: tuple[Group, ...]
    pairs: tuple[tuple[Claim, Claim], ...]  # comparable pairs, in document order


def kind_of(claim: Claim) -> str:
    """The claim's kind of measure; a unit pint does not know is a count of that thing, unless
    it is a rate ("USD / month", "USD / share"), which stays a kind of its own."""
    kind = measure(claim.unit).kind
    return "count" if kind.startswith("count:") and " / " not in claim.unit else kind


def bucket_key(claim: Claim) -> tuple[str, str] | None:
    """Claims can only be comparable inside one bucket; None when the claim is not comparable:
    no predicate, a part of a whole, set aside by its own text, an emphatic amount, an age, a
    kind of figure its predicate does not take (a duration said to be "killed"), a distance from
    nowhere named, a pronoun "one", or a figure inside a quotation that does not say what it
    counts."""
    if claim.predicate is None or claim.partial or claim.superseded or claim.emphatic:
        return None
    if claim.predicate in uncompared_predicates() or (claim.quoted and claim.counted is None):
        return None
    kind = kind_of(claim)
    settings = predicate_classes()[claim.predicate]
    if kind not in settings.get("kinds", ["count"]) or (settings.get("needs_place") and not claim.places):
        return None
    if claim.counted is None and claim.surface.lower() in pronoun_numbers():
        return None
    return claim.predicate, kind


def comparable(a: Claim, b: Claim) -> bool:
    return (
        _counted_compatible(a, b)
        and _not_one_sentence(a, b)
        and _prose_if_one_article(a, b)
        and _one_measured_thing(a, b)
        and _places_compatible(a, b)
        and _same_time(a, b)
    )


def _counted_compatible(a: Claim, b: Claim) -> bool:
    """Counts must count the same thing (a figure with no noun counts people, unless it is a
    unitless measure such as a magnitude); measures in units may leave the thing unnamed."""
    if a.predicate in measure_predicates() and kind_of(a) == "count":
        return a.counted is not None and a.counted == b.counted
    if a.counted == b.counted:
        return True
    if kind_of(a) != "count":
        return a.counted is None or b.counted is None
    return a.counted in PEOPLE_LIKE and b.counted in PEOPLE_LIKE


def _not_one_sentence(a: Claim, b: Claim) -> bool:
    if a.doc != b.doc or a.sentence != b.sentence:
        return True
    return bool(a.attribution and b.attribution and a.attribution != b.attribution)


def _one_measured_thing(a: Claim, b: Claim) -> bool:
    """Inside one article, two measures (values, distances) are of one thing only when their
    sentences name it alike: an article recalling earlier heists gives each its own value.
    Classes marked ``shared_name`` ask this across articles too."""
    needs_name = predicate_classes()[a.predicate].get("shared_name")
    if not needs_name and (a.doc != b.doc or a.predicate not in measure_predicates()):
        return True
    return bool(set(a.names) & set(b.names)) or (a.counted is not None and a.counted == b.counted)


RUNNING_TOTAL, ELSEWHERE = "(year to date)", "(elsewhere)"


def _places_compatible(a: Claim, b: Claim) -> bool:
    """No two different places; a running total only with a running total; a figure of
    another event ("also", "another") only where both name the same place."""
    places_a = set(a.places) - {RUNNING_TOTAL, ELSEWHERE}
    places_b = set(b.places) - {RUNNING_TOTAL, ELSEWHERE}
    if (RUNNING_TOTAL in a.places) != (RUNNING_TOTAL in b.places):
        return False
    if ELSEWHERE in a.places or ELSEWHERE in b.places:
        return bool(places_a & places_b)
    return not (places_a and places_b and not places_a & places_b)


MIN_PROSE_WORDS = 6  # inside one article, only sentences this long are compared


def _prose_if_one_article(a: Claim, b: Claim) -> bool:
    """Inside one article, list items and labels ("Florida club: 49 killed", a list of earlier
    shootings) are not statements of the story's facts."""
    if a.doc != b.doc:
        return True
    return min(len(a.sentence.split()), len(b.sentence.split())) >= MIN_PROSE_WORDS


def _same_time(a: Claim, b: Claim) -> bool:
    if a.time and b.time:
        return _days_between(a.time, b.time) <= SAME_EVENT_DAYS
    dated, undated = (a, b) if a.time else (b, a)
    if not dated.time or not _is_history(dated):
        return True
    return len(set(dated.names) & set(undated.names)) >= EVENT_NAMES


def _is_history(claim: Claim) -> bool:
    """Pinned to a date long before its article, or to a month of an undated article."""
    if claim.time and claim.time.startswith("--"):
        return True
    return bool(claim.time and claim.date and _days_between(claim.time, claim.date) > HISTORY_DAYS)


def _month_of(date: str) -> int:
    return int(date[2:4]) if date.startswith("--") else int(date[5:7])


def _days_between(first: str, second: str) -> int:
    """Days between two ISO dates; a month without a year (``--MM``) is as near as its month."""
    if first.startswith("--") or second.startswith("--"):
        return 0 if _month_of(first) == _month_of(second) else HISTORY_DAYS + 1
    return abs((dt.date.fromisoformat(first) - dt.date.fromisoformat(second)).days)


MAX_CLAIMS_COMPARED_IN_ONE_ARTICLE = 200  # more figures of one fact in one article: a table


def match_claims(
    claims: list[Claim],
    related: frozenset[frozenset[str]] | None = None,
    only_with: frozenset[str] | None = None,
) -> Matching:
    """Comparable pairs and the groups they form. ``related``: the pairs of document ids that
    report one story (``stories.related_pairs``; None when every document does). With
    ``only_with`` (document ids), keep only pairs with one side in those documents (a draft
    checked against reference copy).

    Claims are grouped by bucket and document, so only the pairs of related documents are ever
    looked at; an article with more than MAX_CLAIMS_COMPARED_IN_ONE_ARTICLE figures of one
    bucket is a table, whose rows are not compared with each other."""
    order = {claim.id: index for index, claim in enumerate(claims)}
    buckets: dict[tuple[str, str], dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for claim in first_statements(claims):
        key = bucket_key(claim)
        if key is not None:
            buckets[key][claim.doc].append(claim)
    pairs: list[tuple[Claim, Claim]] = []
    for key in sorted(buckets):
        for a, b in _candidates(buckets[key], related, only_with):
            if comparable(a, b):
                pairs.append((a, b))
    pairs.sort(key=lambda pair: (order[pair[0].id], order[pair[1].id]))
    return Matching(_groups(pairs), tuple(pairs))


def _candidates(
    by_doc: dict[str, list[Claim]],
    related: frozenset[frozenset[str]] | None,
    only_with: frozenset[str] | None,
) -> Iterator[tuple[Claim, Claim]]:
    """The pairs of one bucket worth a look, first claim first in document order."""
    docs = sorted(by_doc)
    for doc in docs:
        if only_with is None and len(by_doc[doc]) <= MAX_CLAIMS_COMPARED_IN_ONE_ARTICLE:
            yield from combinations(by_doc[doc], 2)
    for first, second in combinations(docs, 2):
        if only_with is not None and (first in only_with) == (second in only_with):
            continue
        if related is not None and frozenset((first, second)) not in related:
            continue
        yield from product(by_doc[first], by_doc[second])


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


def _groups(pairs: list[tuple[Claim, Claim]]) -> tuple[Group, ...]:
    parent: dict[str, str] = {}

    def root(claim_id: str) -> str:
        while parent.setdefault(claim_id, claim_id) != claim_id:
            parent[claim_id] = parent[parent[claim_id]]
            claim_id = parent[claim_id]
        return claim_id

    keys: dict[str, str] = {}
    order: dict[str, int] = {}
    for a, b in pairs:
        for claim in (a, b):
            order.setdefault(claim.id, len(order))
            keys[claim.id] = f"{claim.predicate}/{claim.counted or '*'}/{kind_of(claim)}"
        parent[root(a.id)] = root(b.id)
    members: dict[str, list[str]] = defaultdict(list)
    for claim_id in sorted(order, key=order.__getitem__):
        members[root(claim_id)].append(claim_id)
    ordered = sorted(members.values(), key=lambda ids: order[ids[0]])
    return tuple(Group(f"G{n}", keys[ids[0]], tuple(ids)) for n, ids in enumerate(ordered, start=1))
