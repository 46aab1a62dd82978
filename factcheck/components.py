"""Story components: the blocks a corpus is judged in, one at a time, and the merge of them.

Two documents can only be compared when they report one story (``stories.related_pairs``), so
the connected components of that relation split the claims into blocks that matching and the
rules judge independently: no comparable pair, group or finding ever spans two of them. Each
block is one task of the engine (a process, a Dask worker), and its result can be cached,
keyed by what it was judged from: the member documents' file digests, the claims, the story
links inside it and the rules. The merge puts the blocks' results back in the order a single
pass over the whole corpus gives (pairs in claim order, groups numbered by first appearance,
each rule's findings in the order of its greedy cover), so the output is the same however the
corpus was split, cached or scheduled.
"""
from __future__ import annotations

import hashlib
import heapq
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import chain
from typing import Any

from factcheck.claimset import Claims, DocumentClaims
from factcheck.disjoint import DisjointSets
from factcheck.match import Matching, match_claims
from factcheck.model import Claim, Finding, Group
from factcheck.rules import Rule, apply_rules


@dataclass(frozen=True)
class Component:
    """One block: its documents' claims in corpus order (made only when the block is judged),
    the story links inside it, its cache key (None when a member's file digest is not known)."""

    parts: tuple[DocumentClaims, ...]
    related: frozenset[frozenset[str]]
    key: str | None = None

    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(chain.from_iterable(self.parts))

    def __len__(self) -> int:
        return sum(len(part) for part in self.parts)

    def __reduce__(self) -> tuple[Any, ...]:
        """Sent to a worker without the claims' records in the JSON report: judging reports
        nothing, and they were half of the bytes sent."""
        return Component, (tuple(part.unrendered() for part in self.parts), self.related, self.key)


@dataclass(frozen=True)
class Judged:
    """A block's matching and findings, claims named by id and groups numbered in the block."""

    pairs: tuple[tuple[str, str], ...]
    groups: tuple[Group, ...]
    findings: tuple[Finding, ...]
    best: tuple[tuple[str, str], ...] = ()  # (claim, its best counterpart in that article), sorted


def components_of(
    claims: Claims, related: Iterable[frozenset[str]], digests: Mapping[str, str], salt: str,
    only_with: frozenset[str] | None = None,
) -> list[Component]:
    """The blocks of the documents that have claims, in order of their first claim; with
    ``only_with`` (the drafts), only the blocks that hold one (the others pair no claim with a
    draft). The cache key of a block covers ``salt`` (the rules), its members' ``digests`` and
    whether each is one of ``only_with``."""
    sets = DisjointSets()
    root = sets.root
    related = list(related)
    for pair in related:
        sets.join(*sorted(pair))
    members: dict[str, list[DocumentClaims]] = defaultdict(list)
    for part in claims.parts:
        if part:
            members[root(part.doc)].append(part)
    links: dict[str, list[frozenset[str]]] = defaultdict(list)
    for pair in related:
        links[root(next(iter(pair)))].append(pair)
    return [
        Component(tuple(found), frozenset(links[block]), _key(found, links[block], digests, salt, only_with))
        for block, found in members.items()
        if only_with is None or any(part.doc in only_with for part in found)
    ]


def _key(
    parts: list[DocumentClaims], links: list[frozenset[str]], digests: Mapping[str, str], salt: str,
    only_with: frozenset[str] | None,
) -> str | None:
    documents = sorted({part.doc for part in parts})
    if any(doc not in digests for doc in documents):
        return None
    digest = hashlib.sha256(f"{salt}\x1f{only_with is None}".encode())
    drafts = only_with or frozenset()
    pieces = (*(f"{doc}\x1f{digests[doc]}\x1f{doc in drafts}" for doc in documents),
              *chain.from_iterable(part.ids for part in parts), *sorted("\x1f".join(sorted(pair)) for pair in links))
    digest.update(("\x1e".join(pieces) + "\x1e").encode())  # the bytes of one update a piece, in one join
    return digest.hexdigest()


def judge(component: Component, rules: Sequence[Rule], only_with: frozenset[str] | None) -> Judged:
    """Matching and the rules over one block (a task of the engine: it runs in any process)."""
    matching = match_claims(list(component.claims), component.related, only_with)
    return Judged(
        tuple((a.id, b.id) for a, b in matching.pairs), matching.groups, tuple(apply_rules(matching, rules)),
        tuple(sorted(matching.best)),
    )


def merged(judged: Sequence[Judged], claims: Claims, rules: Sequence[Rule]) -> tuple[Matching, list[Finding]]:
    """The blocks' results as one pass over all ``claims`` gives them; the matching's pairs
    are made of claims only when asked (a warm run never does)."""
    by_id = claims.by_id
    order = {claim_id: index for index, claim_id in enumerate(claims.ids())}
    pairs = sorted((pair for block in judged for pair in block.pairs), key=lambda p: (order[p[0]], order[p[1]]))
    first_seen: dict[str, int] = {}
    for pair in pairs:
        for claim_id in pair:
            first_seen.setdefault(claim_id, len(first_seen))
    blocks = sorted(((n, g) for n, block in enumerate(judged) for g in block.groups),
                    key=lambda entry: first_seen[entry[1].claims[0]])
    renamed = {(n, group.id): f"G{number}" for number, (n, group) in enumerate(blocks, start=1)}
    groups = tuple(replace(group, id=renamed[(n, group.id)]) for n, group in blocks)
    best = frozenset(pair for block in judged for pair in block.best)
    matching = Matching(groups, PairsById(tuple(pairs), by_id), best)  # type: ignore[arg-type]
    return matching, _merged_findings(judged, by_id, renamed, rules)


class PairsById(Sequence[tuple[Claim, Claim]]):
    """Pairs of claims held as pairs of ids, each claim looked up when the pair is asked for."""

    __slots__ = ("ids", "_claims")

    def __init__(self, ids: tuple[tuple[str, str], ...], claims: Mapping[str, Claim]) -> None:
        self.ids, self._claims = ids, claims

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index: int) -> tuple[Claim, Claim]:  # type: ignore[override]
        a, b = self.ids[index]
        return self._claims[a], self._claims[b]

    def __iter__(self) -> Iterator[tuple[Claim, Claim]]:
        return ((self._claims[a], self._claims[b]) for a, b in self.ids)


def _merged_findings(
    judged: Sequence[Judged], claims: Mapping[str, Claim], renamed: Mapping[tuple[int, str], str],
    rules: Sequence[Rule],
) -> list[Finding]:
    """Per rule, the blocks' findings merged as one greedy cover picks them: most claims
    disagreeing first, ties by the primary's place (see ``rules._primaries``). Each block's
    findings already come in that order, so a k-way merge is the whole cover's order."""

    def cover_order(finding: Finding) -> tuple[int, tuple[str, int, int, str]]:
        primary = claims[finding.claims[0]]
        return -(len(finding.claims) - 1), (primary.path, primary.line, primary.start, primary.id)

    findings: list[Finding] = []
    for rule in rules:
        per_block = [
            [replace(f, group=renamed.get((n, f.group)) if f.group else None) for f in block.findings if f.rule == rule.id]
            for n, block in enumerate(judged)
        ]
        findings += heapq.merge(*per_block, key=cover_order)
    return findings
