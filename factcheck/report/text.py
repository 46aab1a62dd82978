"""The default report: one table per finding (tabulate), figures side by side with provenance."""
from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from tabulate import tabulate

from factcheck.model import Claim
from factcheck.report.common import provenance, summary

if TYPE_CHECKING:
    from factcheck.pipeline import Extraction, Result


SENTENCE_WIDTH = 70


def location(claim: Claim) -> str:
    return f"{claim.path}:{claim.line}:{claim.column}"


def _sentence(claim: Claim) -> str:
    return textwrap.shorten(claim.sentence, SENTENCE_WIDTH, placeholder=" …")


def _row(role: str, claim: Claim) -> list[str]:
    said = claim.attribution or "-"
    return [role, claim.surface, location(claim), provenance(claim), said, _sentence(claim)]


def render(result: Result) -> str:
    claims = {claim.id: claim for claim in result.claims}
    blocks: list[str] = []
    for number, finding in enumerate(result.findings, start=1):
        header = f"{number}. {finding.rule} {finding.severity}: {finding.title}"
        if not finding.claims and finding.location:
            place = finding.location
            blocks.append(f"{header}\n{place.path}:{place.line}:{place.column}: {finding.message}")
            continue
        primary, *others = (claims[cid] for cid in finding.claims)
        rows = [_row("claim", primary)] + [_row("vs", other) for other in others]
        table = tabulate(rows, headers=["", "figure", "where", "source/date", "said by", "sentence"])
        blocks.append(f"{header}\n{table}")
    if result.explanations:
        blocks.append(_explanations(result, claims))
    blocks.append(summary(result))
    return "\n\n".join(blocks)


def _explanations(result: Result, claims: dict[str, Claim]) -> str:
    """Per figure: its frame, then its nearest candidates and the verdict on each."""
    lines = ["Why figures were compared or not (--explain):"]
    for explanation in result.explanations:
        claim, frame = claims[explanation.claim], explanation.frame
        lines.append(f"{location(claim)} {claim.surface!r}: {frame.kind}, thing {frame.thing or '-'}, "
                     f"event {frame.event or '-'}")
        for candidate in explanation.candidates:
            other = claims[candidate.claim]
            lines.append(f"    {candidate.similarity:.2f} {location(other)} {other.surface!r}: {candidate.verdict}")
    return "\n".join(lines)


def render_claims(result: Extraction) -> str:
    rows = [[c.surface, c.value, c.low, c.high, c.unit, c.counted or "-", c.predicate or "-",
             c.attribution or "-", location(c)] for c in result.claims]
    table = tabulate(rows, headers=["figure", "value", "low", "high", "unit", "counted", "predicate",
                                    "said by", "where"])
    return f"{table}\n\n{len(result.claims)} claims in {len(result.documents)} documents"
