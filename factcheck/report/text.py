"""The default report: one table per finding (tabulate), figures side by side with provenance."""
from __future__ import annotations

import textwrap

from tabulate import tabulate

from factcheck.model import Claim

SENTENCE_WIDTH = 70


def location(claim: Claim) -> str:
    return f"{claim.path}:{claim.line}:{claim.column}"


def _sentence(claim: Claim) -> str:
    return textwrap.shorten(claim.sentence, SENTENCE_WIDTH, placeholder=" …")


def _row(role: str, claim: Claim) -> list[str]:
    provenance = " ".join(part for part in (claim.source, claim.date) if part) or "-"
    said = claim.attribution or "-"
    return [role, claim.surface, location(claim), provenance, said, _sentence(claim)]


def render(result) -> str:
    claims = {claim.id: claim for claim in result.claims}
    blocks: list[str] = []
    for number, finding in enumerate(result.findings, start=1):
        primary, *others = (claims[cid] for cid in finding.claims)
        rows = [_row("claim", primary)] + [_row("vs", other) for other in others]
        header = f"{number}. {finding.rule} {finding.severity}: {finding.title}"
        table = tabulate(rows, headers=["", "figure", "where", "source/date", "said by", "sentence"])
        blocks.append(f"{header}\n{table}")
    blocks.append(summary(result))
    return "\n\n".join(blocks)


def summary(result) -> str:
    counts = {severity: 0 for severity in ("error", "warning", "info")}
    for finding in result.findings:
        counts[finding.severity] += 1
    parts = [f"{len(result.documents)} documents", f"{len(result.claims)} claims",
             f"{len(result.findings)} findings ({counts['error']} error, {counts['warning']} warning, "
             f"{counts['info']} info)"]
    if result.errors:
        parts.append(f"{len(result.errors)} unreadable input(s)")
    return ", ".join(parts)


def render_claims(result) -> str:
    rows = [[c.surface, c.value, c.low, c.high, c.unit, c.counted or "-", c.predicate or "-",
             c.attribution or "-", location(c)] for c in result.claims]
    table = tabulate(rows, headers=["figure", "value", "low", "high", "unit", "counted", "predicate",
                                    "said by", "where"])
    return f"{table}\n\n{len(result.claims)} claims in {len(result.documents)} documents"
