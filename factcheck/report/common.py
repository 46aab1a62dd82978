"""What several renderers need: where a finding stands, paths as reports show them, the order
of severities. Formatting only: nothing here judges a finding."""
from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.model import Claim, Finding, Location
from factcheck.rules import SEVERITIES

if TYPE_CHECKING:
    from factcheck.pipeline import Result

SEVERITY_ORDER = tuple(reversed(SEVERITIES))  # most severe first


def where(finding: Finding, claims: Mapping[str, Claim]) -> Location:
    """The primary claim's place, or the place of a finding about no claim."""
    if finding.claims:
        claim = claims[finding.claims[0]]
        return Location(claim.path, claim.line, claim.column)
    assert finding.location is not None, "a finding without claims carries its location"
    return finding.location


def shown_path(path: str) -> str:
    """A path relative to the current folder with forward slashes (the repository root in CI),
    or absolute when it lies outside."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()


def most_severe_first(result) -> list[tuple[int, Finding]]:
    """(index in result.findings, finding), errors first, each severity in report order."""
    indexed = list(enumerate(result.findings))
    return sorted(indexed, key=lambda pair: (SEVERITY_ORDER.index(pair[1].severity), pair[0]))


def counts(result) -> dict[str, int]:
    found = {severity: 0 for severity in SEVERITY_ORDER}
    for finding in result.findings:
        found[finding.severity] += 1
    return found


def provenance(claim: Claim) -> str:
    return " ".join(part for part in (claim.source, claim.date) if part) or "-"


def summary(result: Result) -> str:
    """One line: how much was read and found, and what was set aside."""
    found = counts(result)
    parts = [f"{len(result.documents)} documents", f"{len(result.claims)} claims",
             f"{len(result.findings)} findings ({found['error']} error, {found['warning']} warning, "
             f"{found['info']} info)"]
    if result.suppressed:
        parts.append(f"{result.suppressed} suppressed")
    if result.baselined:
        parts.append(f"{result.baselined} in the baseline")
    if result.errors:
        parts.append(f"{len(result.errors)} unreadable input(s)")
    return ", ".join(parts)
