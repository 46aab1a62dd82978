"""Markdown for a pull-request comment or a job summary: one table row per finding, then the
sentences side by side, so an editor can judge without opening the files."""
from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.model import Claim
from factcheck.report.common import counts, provenance, shown_path, where

if TYPE_CHECKING:
    from factcheck.pipeline import Result


SEVERITY_MARK = {"error": "**error**", "warning": "warning", "info": "info"}


def cell(text: str) -> str:
    """Text that stays inside one table cell and is shown, not interpreted."""
    escaped = text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(escaped.split())


def _at(claim: Claim) -> str:
    return f"`{shown_path(claim.path)}:{claim.line}`"


def render(result: Result) -> str:
    claims = {claim.id: claim for claim in result.claims}
    found = counts(result)
    lines = [f"### factcheck: {_headline(result, found)}", ""]
    notes = [f"{result.suppressed} suppressed" if result.suppressed else "",
             f"{result.baselined} already in the baseline" if result.baselined else "",
             f"{len(result.errors)} unreadable input(s)" if result.errors else ""]
    lines.append(f"{len(result.documents)} documents, {len(result.claims)} figures checked"
                 + "".join(f"; {note}" for note in notes if note) + ".")
    if result.errors:
        lines += ["", *(f"- could not read `{cell(error.path)}`: {cell(error.message)}" for error in result.errors)]
    if not result.findings:
        return "\n".join(lines)
    lines += ["", "| # | severity | rule | figure | where | disagrees with |", "|---|---|---|---|---|---|"]
    for number, finding in enumerate(result.findings, start=1):
        place = where(finding, claims)
        if finding.claims:
            primary, *others = (claims[cid] for cid in finding.claims)
            figure = cell(primary.surface)
            against = "<br>".join(f"{cell(o.surface)} {_at(o)} ({cell(provenance(o))})" for o in others)
        else:
            figure, against = "-", cell(finding.message)
        where_text = f"`{shown_path(place.path)}:{place.line}`"
        lines.append(f"| {number} | {SEVERITY_MARK[finding.severity]} | {finding.rule} {cell(finding.title)} "
                     f"| {figure} | {where_text} | {against} |")
    lines += ["", "<details><summary>Sentences</summary>", ""]
    for number, finding in enumerate(result.findings, start=1):
        lines.append(f"{number}. {cell(finding.message)}")
        for claim in (claims[cid] for cid in finding.claims):
            lines.append(f"   - {_at(claim)} {cell(provenance(claim))}: {cell(claim.sentence)}")
    lines += ["", "</details>"]
    return "\n".join(lines)


def _headline(result, found: dict[str, int]) -> str:
    if not result.findings:
        return "no conflicting figures"
    parts = [f"{count} {severity}" for severity, count in found.items() if count]
    return f"{len(result.findings)} finding(s) ({', '.join(parts)})"
