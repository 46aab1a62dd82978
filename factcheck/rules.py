"""Rules: the engine that reads ``rules/*.toml`` and judges comparable claims.

Each rule file names a ``check`` (one of ``CHECKS`` below), a severity, a priority and its
parameters. Every comparable pair that disagrees is given to the rules in priority order; the
first whose check claims it makes it that rule's. A finding is then one primary claim and the
claims that disagree with it under one rule, most-contradicted claim first (pyflakes and SARIF
shape: one location, its related locations).
"""
from __future__ import annotations

import heapq
import math
import tomllib
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.vocabulary import growing_predicates, strict_hedges
from factcheck.match import Matching, one_named_place
from factcheck.model import Claim, Finding
from factcheck.numbers import significant_digits as digits_of
from factcheck.units import measure

SEVERITIES = ("info", "warning", "error")
HALF_UNIT = 0.5  # an integer's own rounding: "three" against "four" is left to the wording
AGREEMENT_DEFAULTS: dict[str, Any] = {
    "rounding": True,  # forgive half a unit of the last stated digit on unhedged figures
    "rounding_share": 0.1,  # ... but never more than this share of the figure ("3,000" is not 2,500)
    "currency_drift": 0.15,  # relative slack when two currencies are compared at fixed rates
    "vague_slack": 1.5,  # "tens of thousands" reaches from 10,000 / slack to 99,999 * slack
}
SCALE_SLIP_DEFAULTS: dict[str, Any] = {
    "factors": [10, 100, 1000],  # the ratios that count as slips of scale
    "ratio_tolerance": 0.02,  # how close to a factor the ratio must be (relative)
}


class RuleError(Exception):
    """A rule file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    severity: str
    check: str
    priority: int
    rationale: str
    parameters: dict[str, Any] = field(default_factory=dict)
    examples: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    path: str = ""

    def parameter(self, name: str) -> Any:
        """The rule's own value, else the engine's default."""
        if name in self.parameters:
            return self.parameters[name]
        return {**AGREEMENT_DEFAULTS, **SCALE_SLIP_DEFAULTS}.get(name)


def default_rules_dir() -> Path:
    """``rules/`` beside the package in a checkout, or the copy installed inside the package."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "rules", here / "rules"):
        if candidate.is_dir():
            return candidate
    raise RuleError("no rules folder found (expected rules/ beside the factcheck package)")


def load_rules(directory: Path | None = None) -> list[Rule]:
    """The rules of every ``*.toml`` file in the folder; a folder that is missing or holds no
    rule file is an error, never a run that silently judges nothing."""
    folder = directory or default_rules_dir()
    if not folder.is_dir():
        raise RuleError(f"{folder}: no such rules folder")
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise RuleError(f"{folder}: no rule files (*.toml) in this rules folder")
    rules = [load_rule(path) for path in files]
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise RuleError(f"{rule.path}: rule id {rule.id} is used twice")
        seen.add(rule.id)
    return sorted(rules, key=lambda r: (r.priority, r.id))


def load_rule(path: Path) -> Rule:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise RuleError(f"{path}: {error}") from error
    missing = [key for key in ("id", "title", "severity", "check", "rationale") if key not in data]
    if missing:
        raise RuleError(f"{path}: missing {', '.join(missing)}")
    if data["severity"] not in SEVERITIES:
        raise RuleError(f"{path}: severity must be one of {', '.join(SEVERITIES)}")
    if data["check"] not in CHECKS:
        raise RuleError(f"{path}: unknown check {data['check']!r} (known: {', '.join(sorted(CHECKS))})")
    return Rule(
        id=data["id"], title=data["title"], severity=data["severity"], check=data["check"],
        priority=int(data.get("priority", 100)), rationale=data["rationale"].strip(),
        parameters=dict(data.get("parameters", {})), examples=dict(data.get("examples", {})),
        path=str(path),
    )


# ---- interval logic ---------------------------------------------------------------------

def interval(claim: Claim, rule: Rule) -> tuple[float, float]:
    """The values a claim allows, in its measure's base unit, with the rule's forgiveness.

    Rounding is forgiven on unhedged figures only: a hedge already says how exact it is. Trailing
    zeros do not say whether a figure was rounded, so the forgiveness is at most a share of the
    figure: "3,000" may be a rounded 2,950, but a writer who makes 2,500 into 3,000 has changed
    it by a sixth."""
    low = -math.inf if claim.low is None else claim.low
    high = math.inf if claim.high is None else claim.high
    if rule.parameter("rounding") and claim.hedge is None and not claim.vague:
        share = float(rule.parameter("rounding_share")) * abs(claim.value)
        slack = min(claim.precision, max(share, HALF_UNIT))
        low, high = low - slack, high + slack
    if claim.vague:
        slack = float(rule.parameter("vague_slack"))
        low, high = low / slack, high * slack
    unit = measure(claim.unit)
    return low * unit.factor + unit.offset, high * unit.factor + unit.offset


def disagree(a: Claim, b: Claim, rule: Rule) -> bool:
    """True when no value fits both claims' intervals."""
    (a_low, a_high), (b_low, b_high) = interval(a, rule), interval(b, rule)
    if measure(a.unit).currency != measure(b.unit).currency:
        drift = float(rule.parameter("currency_drift"))
        a_low, a_high = a_low * (1 - drift), a_high * (1 + drift)
    return _apart(a_high, b_low, a, b) or _apart(b_high, a_low, b, a)


def _apart(high: float, low: float, below: Claim, above: Claim) -> bool:
    """True when ``below``'s interval ends before ``above``'s starts; where they touch, a strict
    bound on either side ("nearly 300" against "more than 300") leaves no value for both."""
    strict = strict_hedges()
    return high < low or (high == low and (below.high is not None and below.hedge in strict
                                           or above.low is not None and above.hedge in strict))


# ---- checks -----------------------------------------------------------------------------
# A check returns None when the pair is not the rule's, else (primary, other): the claim the
# finding is about first.

Check = Callable[[Claim, Claim, Rule], "tuple[Claim, Claim] | None"]


def significant_digits(claim: Claim) -> str | None:
    """The significant digits of a single figure written in digits ("1.2" and "12" -> "12",
    "$4.5bn" -> "45"); None for figures written in words or ranges, where a slip of scale is
    no typo."""
    if not any(ch.isdigit() for ch in claim.surface) or (claim.low != claim.high and claim.hedge is None):
        return None
    return digits_of(claim.value)


def scale_slip(a: Claim, b: Claim, rule: Rule) -> tuple[Claim, Claim] | None:
    """Same unit, same significant digits, values a power of ten apart (1.2 vs 12 miles)."""
    if a.unit != b.unit or not a.value or not b.value or not disagree(a, b, rule):
        return None
    digits = significant_digits(a)
    if digits is None or digits != significant_digits(b):
        return None
    ratio = max(abs(a.value), abs(b.value)) / min(abs(a.value), abs(b.value))
    tolerance = float(rule.parameter("ratio_tolerance"))
    if any(abs(ratio / factor - 1) <= tolerance for factor in rule.parameter("factors")):
        return (a, b)
    return None


def _time_ordered(a: Claim, b: Claim, rule: Rule) -> tuple[Claim, Claim] | None:
    """(later, earlier) for two dated reports of a growing count that disagree; matched as one
    fact, the count grows when either names it so ("the death toll rose to 19": "14 died")."""
    if not {a.predicate, b.predicate} & growing_predicates() or not (a.date and b.date) or a.date == b.date:
        return None
    if not disagree(a, b, rule):
        return None
    return (a, b) if a.date > b.date else (b, a)


def later_lower(a: Claim, b: Claim, rule: Rule) -> tuple[Claim, Claim] | None:
    ordered = _time_ordered(a, b, rule)
    if ordered and interval(ordered[0], rule)[1] < interval(ordered[1], rule)[0]:
        return ordered
    return None


def later_higher(a: Claim, b: Claim, rule: Rule) -> tuple[Claim, Claim] | None:
    ordered = _time_ordered(a, b, rule)
    if ordered and interval(ordered[0], rule)[0] > interval(ordered[1], rule)[1]:
        return ordered
    return None


def named_sources(a: Claim, b: Claim, rule: Rule) -> tuple[Claim, Claim] | None:
    if a.attribution and b.attribution and a.attribution.lower() != b.attribution.lower() and disagree(a, b, rule):
        return (a, b)
    return None


def later_part(a: Claim, b: Claim, rule: Rule) -> tuple[Claim, Claim] | None:
    """Inside one article, a count stated later that lies wholly below one stated earlier: news
    gives the whole first and its parts after ("five people were shot"; "officers found two
    victims at the scene"), so the later count is most often a part the text does not mark."""
    if a.doc != b.doc or a.unit != "count" or b.unit != "count":
        return None
    earlier, later = (a, b) if a.start < b.start else (b, a)
    return (earlier, later) if interval(later, rule)[1] < interval(earlier, rule)[0] else None


def self_contradiction(a: Claim, b: Claim, rule: Rule) -> tuple[Claim, Claim] | None:
    return (a, b) if a.doc == b.doc and disagree(a, b, rule) else None


def cross_article(a: Claim, b: Claim, rule: Rule) -> tuple[Claim, Claim] | None:
    return (a, b) if a.doc != b.doc and disagree(a, b, rule) else None


def unused_suppression(a: Claim, b: Claim, rule: Rule) -> tuple[Claim, Claim] | None:
    """Claims no pair: suppression comments are judged after the pair rules, by the pipeline
    (factcheck/suppress.py), which reports under the rule whose check this is."""
    return None


CHECKS: dict[str, Check] = {
    "scale_slip": scale_slip,
    "later_lower": later_lower,
    "later_higher": later_higher,
    "named_sources": named_sources,
    "later_part": later_part,
    "self_contradiction": self_contradiction,
    "cross_article": cross_article,
    "unused_suppression": unused_suppression,
}


# ---- findings ---------------------------------------------------------------------------

def apply_rules(matching: Matching, rules: Iterable[Rule]) -> list[Finding]:
    """Findings from the candidate pairs. A pair that disagrees is a conflict only when one of
    its claims has the other as its best counterpart in that article and no statement of that
    article agrees with it: one figure is not flagged against every figure of another article
    that shares its frame, and a report that states the figure right somewhere is not wrong."""
    rules = list(rules)
    judged = [(a, b) for a, b in matching.pairs if not (a.emphatic or b.emphatic)]  # "dozens of": one fact, no figure
    owners = {(a.id, b.id): _first_rule(a, b, rules) for a, b in judged}
    claims = {claim.id: claim for pair in judged for claim in pair}
    placed = _placed_counterparts(matching, claims)
    agreeing: dict[str, set[str]] = defaultdict(set)
    for a, b in judged:
        if owners[(a.id, b.id)] is None:
            for claim, other in ((a, b), (b, a)):
                if (claim.id, other.doc) not in placed or one_named_place(claim, other):
                    agreeing[claim.id].add(other.id)
    agreed_in = {(claim_id, _statement_of(claims[other])) for claim_id, others in agreeing.items() for other in others}
    edges: dict[str, list[tuple[Claim, Claim]]] = defaultdict(list)
    for a, b in judged:
        owner = owners[(a.id, b.id)]
        if owner is not None and _contradicts(a, b, matching.best, agreed_in) and not _reported_dispute(a, b, agreeing, claims):
            edges[owner[0].id].append(owner[1])
    group_of = {claim_id: group.id for group in matching.groups for claim_id in group.claims}
    findings: list[Finding] = []
    for rule in rules:
        for primary, others in _primaries(edges.get(rule.id, [])):
            findings.append(_finding(rule, primary, others, agreeing[primary.id], group_of.get(primary.id)))
    return findings


def _placed_counterparts(matching: Matching, claims: Mapping[str, Claim]) -> set[tuple[str, str]]:
    """(claim id, article) where the claim's best counterpart is of a place both name: there,
    a figure of no place or another agreeing with it does not speak for that place."""
    return {(claim_id, claims[other_id].doc) for claim_id, other_id in matching.best
            if claim_id in claims and other_id in claims and one_named_place(claims[claim_id], claims[other_id])}


def _statement_of(claim: Claim) -> tuple[str, str | None]:
    """Who states a figure: its article, and the source it names (an article that gives the
    police's figure and the organisers' makes two statements)."""
    return claim.doc, claim.attribution.lower() if claim.attribution else None


def _contradicts(a: Claim, b: Claim, best: frozenset[tuple[str, str]], agreed_in: set[tuple[str, tuple[str, str | None]]]) -> bool:
    """A disagreeing pair is a contradiction when, for one of its claims, the other is that
    claim's best counterpart in its article and nothing the other's source says there agrees
    with the claim."""
    return any((claim.id, other.id) in best and (claim.id, _statement_of(other)) not in agreed_in
               for claim, other in ((a, b), (b, a)))


def _reported_dispute(a: Claim, b: Claim, agreeing: Mapping[str, set[str]], claims: Mapping[str, Claim]) -> bool:
    """Two named sources' figures of two articles, where one of the articles gives both sides
    ("Police put the crowd at about 400, while the organisers said 2,000"): the articles report
    a dispute between the sources, and neither report is wrong."""
    if a.doc == b.doc or not (a.attribution and b.attribution):
        return False
    return any(_names_the_other_side(claim, other, agreeing, claims) for claim, other in ((a, b), (b, a)))


def _names_the_other_side(claim: Claim, other: Claim, agreeing: Mapping[str, set[str]], claims: Mapping[str, Claim]) -> bool:
    """The claim's article also states the other's figure, from a source named otherwise."""
    source = _statement_of(claim)
    return any(side.doc == claim.doc and side.attribution and _statement_of(side) != source
               for side in (claims[other_id] for other_id in agreeing.get(other.id, ())))


def _first_rule(a: Claim, b: Claim, rules: list[Rule]) -> tuple[Rule, tuple[Claim, Claim]] | None:
    for rule in rules:
        oriented = CHECKS[rule.check](a, b, rule)
        if oriented is not None:
            return rule, oriented
    return None


def _primaries(pairs: list[tuple[Claim, Claim]]) -> list[tuple[Claim, list[Claim]]]:
    """Greedy cover of the disagreeing pairs: the claim in most of them is the next primary
    (the outlier that several reports contradict), ties broken by position. A heap holds every
    claim's count as it last changed; an entry whose count has changed since is stale."""
    ordered = _claims_in_order(pairs)
    position = {claim.id: index for index, claim in enumerate(ordered)}
    by_id = {claim.id: claim for claim in ordered}
    neighbours: dict[str, set[str]] = defaultdict(set)
    for first, second in pairs:
        neighbours[first.id].add(second.id)
        neighbours[second.id].add(first.id)
    heap = [(-len(others), position[cid], cid) for cid, others in neighbours.items()]
    heapq.heapify(heap)
    found: list[tuple[Claim, list[Claim]]] = []
    while heap:
        count, _, primary_id = heapq.heappop(heap)
        if len(neighbours.get(primary_id, ())) != -count:
            continue
        others = sorted(neighbours.pop(primary_id), key=position.__getitem__)
        for other in others:
            neighbours[other].discard(primary_id)
            if neighbours[other]:
                heapq.heappush(heap, (-len(neighbours[other]), position[other], other))
            else:
                del neighbours[other]
        found.append((by_id[primary_id], [by_id[other] for other in others]))
    return found


def _claims_in_order(pairs: list[tuple[Claim, Claim]]) -> list[Claim]:
    unique = {claim.id: claim for pair in pairs for claim in pair}
    return sorted(unique.values(), key=lambda c: (c.path, c.line, c.start, c.id))


def _finding(rule: Rule, primary: Claim, others: list[Claim], agreeing: set[str], group: str | None) -> Finding:
    return Finding(
        rule=rule.id, severity=rule.severity, title=rule.title,
        message=describe(rule, primary, others),
        claims=(primary.id, *(claim.id for claim in others)),
        agreeing=tuple(sorted(agreeing)), group=group,
    )


def describe(rule: Rule, primary: Claim, others: list[Claim]) -> str:
    """One line an editor reads: the figure, what it states, and what it disagrees with."""
    what = " ".join(part for part in (primary.counted, primary.predicate) if part)
    first = f"{primary.surface!r}" + (f" ({primary.attribution})" if primary.attribution else "")
    against = ", ".join(
        f"{c.surface!r}" + (f" ({c.attribution})" if c.attribution else "") for c in others[:3]
    )
    more = f" and {len(others) - 3} more" if len(others) > 3 else ""
    return f"{rule.title}: {first} [{what}] vs {against}{more}"
