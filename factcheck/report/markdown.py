"""Markdown for a pull-request comment or a job summary: one table row per finding, then the
sentences side by side, so an editor can judge without opening the files.

Article text and paths are shown, never interpreted: no link, image (a tracking pixel), HTML,
``@mention`` or ``#123`` reference comes through from an article, and a backtick, a pipe or a
line break in a path cannot break the table. The report is capped below GitHub's limits (65,536
characters for a comment, 1 MiB for a step summary) with a line counting what was cut."""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from factcheck.model import Claim, Finding
from factcheck.report.common import counts, in_file_order, plural, printable, provenance, shown_path, where

if TYPE_CHECKING:
    from factcheck.pipeline import Result


COMMENT_LIMIT = 65_536  # characters in a GitHub comment
STEP_SUMMARY_LIMIT = 1024 * 1024  # bytes in a GitHub Actions step summary
SEVERITY_MARK = {"error": "**error**", "warning": "warning", "info": "info"}
# Markup characters become character references; a zero-width space after @ and # and inside
# "://" and "www." keeps GitHub from making mentions, issue references and links of them.
SHOWN = re.compile(r"[\\`*_{}\[\]()<>!|~&]|[@#]|(?<=:)//|(?i:www)\.")
ZERO_WIDTH_SPACE = "&#8203;"
Size = Callable[[str], int]


def cell(text: str) -> str:
    """Text that stays inside one table cell and is shown, not interpreted."""
    return " ".join(SHOWN.sub(_shown, printable(" ".join(text.split()))).split())


def _shown(match: re.Match) -> str:
    found = match.group()
    if found in ("@", "#"):
        return found + ZERO_WIDTH_SPACE
    if found == "//":
        return ZERO_WIDTH_SPACE + found
    if len(found) > 1:  # www.
        return found[:-1] + ZERO_WIDTH_SPACE + "."
    return f"&#{ord(found)};"


def _at(claim: Claim) -> str:
    return cell(f"{shown_path(claim.path)}:{claim.line}")


def utf8_size(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def render(result: Result, limit: int = COMMENT_LIMIT, size: Size = len) -> str:
    """The report, at most ``limit`` long as ``size`` measures it (characters by default)."""
    claims = {claim.id: claim for claim in result.claims}
    head = _head(result)
    findings = in_file_order(result)
    if not findings:
        return "\n".join(head)
    rows = [_table_row(number, finding, claims) for number, finding in enumerate(findings, start=1)]
    details = [_details(number, finding, claims) for number, finding in enumerate(findings, start=1)]
    table_head = ["", "| # | severity | rule | figure | where | disagrees with |", "|---|---|---|---|---|---|"]
    fixed = size("\n".join(head + table_head)) + size(_cut_note(len(findings))) + 64
    shown, used = 0, fixed
    while shown < len(findings) and used + size(rows[shown]) + size(details[shown]) + 2 <= limit:
        used += size(rows[shown]) + size(details[shown]) + 2
        shown += 1
    lines = head + table_head + rows[:shown]
    lines += ["", "<details><summary>Sentences</summary>", "", *details[:shown], "", "</details>"]
    if shown < len(findings):
        lines += ["", _cut_note(len(findings) - shown)]
    return "\n".join(lines)


def _cut_note(cut: int) -> str:
    return f"_{plural(cut, 'more finding')} not shown: the report is capped at GitHub's size limit; run factcheck locally for all._"


def _head(result: Result) -> list[str]:
    notes = [f"{result.suppressed} suppressed" if result.suppressed else "",
             f"{result.baselined} already in the baseline" if result.baselined else "",
             plural(len(result.errors), "unreadable input") if result.errors else ""]
    lines = [f"### factcheck: {_headline(result, counts(result))}", "",
             f"{plural(len(result.documents), 'document')}, {plural(len(result.claims), 'figure')} checked, "
             f"{len(result.claims) - result.compared} compared with no other"
             + "".join(f"; {note}" for note in notes if note) + "."]
    if result.errors:
        lines += ["", *(f"- could not read {cell(error.path)}: {cell(error.message)}" for error in result.errors)]
    return lines


def _table_row(number: int, finding: Finding, claims: dict[str, Claim]) -> str:
    place = where(finding, claims)
    if finding.claims:
        primary, *others = (claims[cid] for cid in finding.claims)
        figure = cell(primary.surface)
        against = "<br>".join(f"{cell(o.surface)} {_at(o)} ({cell(provenance(o))})" for o in others)
    else:
        figure, against = "-", cell(finding.message)
    where_text = cell(f"{shown_path(place.path)}:{place.line}")
    return (f"| {number} | {SEVERITY_MARK[finding.severity]} | {finding.rule} {cell(finding.title)} "
            f"| {figure} | {where_text} | {against} |")


def _details(number: int, finding: Finding, claims: dict[str, Claim]) -> str:
    lines = [f"{number}. {cell(finding.message)}"]
    for claim in (claims[cid] for cid in finding.claims):
        lines.append(f"   - {_at(claim)} {cell(provenance(claim))}: {cell(claim.sentence)}")
    return "\n".join(lines)


def _headline(result, found: dict[str, int]) -> str:
    if not result.findings:
        return "no conflicting figures"
    parts = [f"{count} {severity}" for severity, count in found.items() if count]
    return f"{plural(len(result.findings), 'finding')} ({', '.join(parts)})"
