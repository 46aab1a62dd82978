"""The default report: one table per finding (tabulate), figures side by side with provenance,
by file and line. Article text is shown through ``printable``: escape sequences in an article
never reach the terminal. Colour (severity and rule) only when the caller asks for it; tables
are narrowed to ``width`` by shortening the sentence column."""
from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from tabulate import tabulate

from factcheck.model import Claim, Finding
from factcheck.report.common import in_file_order, printable, provenance, summary

if TYPE_CHECKING:
    from factcheck.pipeline import Extraction, Result


SENTENCE_WIDTH = 70
MIN_SENTENCE_WIDTH = 20
HEADERS = ["", "figure", "where", "source/date", "said by", "sentence"]
COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;34m"}
BOLD, RESET = "\x1b[1m", "\x1b[0m"


def location(claim: Claim) -> str:
    return printable(f"{claim.path}:{claim.line}:{claim.column}")


def _row(role: str, claim: Claim, width: int) -> list[str]:
    sentence = textwrap.shorten(printable(claim.sentence), width, placeholder=" …")
    return [role, printable(claim.surface), location(claim), printable(provenance(claim)),
            printable(claim.attribution or "-"), sentence]


def _table(claims: list[Claim], width: int | None) -> str:
    """The claims' table, its sentence column shortened until the table fits ``width``."""
    sentence_width = SENTENCE_WIDTH
    while True:
        rows = [_row("claim" if i == 0 else "vs", claim, sentence_width) for i, claim in enumerate(claims)]
        table = tabulate(rows, headers=HEADERS)
        excess = max(len(line) for line in table.splitlines()) - width if width else 0
        if excess <= 0 or sentence_width <= MIN_SENTENCE_WIDTH:
            return table
        sentence_width = max(MIN_SENTENCE_WIDTH, sentence_width - excess)


def _header(number: int, finding: Finding, colour: bool) -> str:
    severity, rule = finding.severity, finding.rule
    if colour:
        severity, rule = f"{COLOURS[severity]}{severity}{RESET}", f"{BOLD}{rule}{RESET}"
    return f"{number}. {rule} {severity}: {finding.title}"


def render(result: Result, colour: bool = False, width: int | None = None, summarised: bool = True) -> str:
    claims = {claim.id: claim for claim in result.claims}
    blocks: list[str] = []
    for number, finding in enumerate(in_file_order(result), start=1):
        header = _header(number, finding, colour)
        if not finding.claims and finding.location:
            place = finding.location
            blocks.append(f"{header}\n{printable(place.path)}:{place.line}:{place.column}: {printable(finding.message)}")
            continue
        blocks.append(f"{header}\n{_table([claims[cid] for cid in finding.claims], width)}")
    if result.explanations:
        blocks.append(_explanations(result, claims))
    if summarised:
        blocks.append(summary(result))
    return "\n\n".join(blocks)


def _explanations(result: Result, claims: dict[str, Claim]) -> str:
    """Per figure: its frame, then its nearest candidates and the verdict on each."""
    lines = ["Why figures were compared or not (--explain):"]
    for explanation in result.explanations:
        claim, frame = claims[explanation.claim], explanation.frame
        lines.append(f"{location(claim)} {printable(repr(claim.surface))}: {frame.kind}, thing {frame.thing or '-'}, "
                     f"event {frame.event or '-'}")
        for candidate in explanation.candidates:
            other = claims[candidate.claim]
            lines.append(f"    {candidate.similarity:.2f} {location(other)} {printable(repr(other.surface))}: "
                         f"{candidate.verdict}")
    return "\n".join(lines)


def render_claims(result: Extraction) -> str:
    rows = [[printable(c.surface), c.value, c.low, c.high, c.unit, printable(c.counted or "-"),
             c.predicate or "-", printable(c.attribution or "-"), location(c)] for c in result.claims]
    table = tabulate(rows, headers=["figure", "value", "low", "high", "unit", "counted", "predicate",
                                    "said by", "where"])
    return f"{table}\n\n{len(result.claims)} claims in {len(result.documents)} documents"
