"""GitHub Actions workflow commands: one annotation per finding, most severe first, capped
(GitHub shows only so many per step), and a line counting what the cap left out.

Escaping follows the runner (actions/toolkit ``command.ts``): in the message ``%``, CR and LF;
in properties also ``:`` and ``,``. Files are named relative to the repository root, as the
runner matches them to the diff."""
from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.model import Claim
from factcheck.report.common import (most_severe_first, printable, provenance, repository_path, shown_path, summary,
                                     where)

if TYPE_CHECKING:
    from factcheck.pipeline import Result


MAX_ANNOTATIONS = 10  # GitHub shows 10 errors and 10 warnings per step
LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: object) -> str:
    shown = ",".join(f"{name}={escape_property(str(value))}" for name, value in properties.items())
    return f"::{level} {shown}::{escape_data(message)}" if shown else f"::{level}::{escape_data(message)}"


def render(result: Result, limit: int = MAX_ANNOTATIONS) -> str:
    claims = {claim.id: claim for claim in result.claims}
    ordered = most_severe_first(result)
    lines = []
    for _, finding in ordered[:max(limit, 0)]:
        place = where(finding, claims)
        parts = [finding.message, *(_vs(claims[cid]) for cid in finding.claims[1:])]
        message = "\n".join(printable(part) for part in parts)  # no escape sequence reaches the log
        lines.append(command(
            LEVELS[finding.severity], message, file=printable(repository_path(place.path) or shown_path(place.path)),
            line=place.line, col=place.column,
            title=f"{finding.rule} {finding.title}",
        ))
    hidden = len(ordered) - len(lines)
    if hidden:
        lines.append(command("notice", f"{hidden} more finding(s) not shown as annotations (limit {limit}); "
                                       "run factcheck check locally or see the step summary", title="factcheck"))
    lines.append(f"factcheck: {summary(result)}")
    return "\n".join(lines)


def _vs(claim: Claim) -> str:
    said = f", said by {claim.attribution}" if claim.attribution else ""
    return f"vs {claim.surface} at {shown_path(claim.path)}:{claim.line}:{claim.column} ({provenance(claim)}{said})"
