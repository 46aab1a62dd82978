"""What several renderers need: where a finding stands, paths as reports show them, the order
of severities. Formatting only: nothing here judges a finding."""
from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.model import Claim, Finding, Location
from factcheck.rules import SEVERITIES

if TYPE_CHECKING:
    from factcheck.pipeline import Result

SEVERITY_ORDER = tuple(reversed(SEVERITIES))  # most severe first
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


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


def printable(text: str) -> str:
    """Text safe to print on a terminal or a log line: control characters (ESC and the OSC
    sequences it opens, line breaks that would start a forged line), bidirectional overrides
    and lone surrogates shown as escapes."""
    return UNSAFE.sub(lambda match: repr(match.group())[1:-1], text)


def repository_root() -> Path:
    """The git repository the current folder is in (its work tree), else the current folder:
    code scanning and annotations name files relative to the repository's root."""
    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def repository_path(path: str) -> str | None:
    """A path relative to the repository's root with forward slashes; None outside it."""
    try:
        return Path(os.path.abspath(path)).relative_to(repository_root()).as_posix()
    except ValueError:
        return None


def in_file_order(result) -> list[Finding]:
    """The findings by file, then line and column (where the primary claim stands)."""
    claims = {claim.id: claim for claim in result.claims}
    def place(pair: tuple[int, Finding]) -> tuple[str, int, int, int]:
        location = where(pair[1], claims)
        return (location.path, location.line, location.column, pair[0])
    return [finding for _, finding in sorted(enumerate(result.findings), key=place)]


def plural(count: int, noun: str, many: str | None = None) -> str:
    """"1 finding", "2 findings"."""
    return f"{count} {noun if count == 1 else many or noun + 's'}"


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
    """One line: how much was read, compared and found, and what was set aside."""
    found = counts(result)
    uncompared = len(result.claims) - result.compared
    parts = [plural(len(result.documents), "document"),
             f"{plural(len(result.claims), 'claim')} ({uncompared} compared with no other)",
             f"{plural(len(result.findings), 'finding')} ({found['error']} error, {found['warning']} warning, "
             f"{found['info']} info)"]
    if result.suppressed:
        parts.append(f"{result.suppressed} suppressed")
    if result.baselined:
        parts.append(f"{result.baselined} in the baseline")
    if result.errors:
        parts.append(plural(len(result.errors), "unreadable input"))
    return ", ".join(parts)
