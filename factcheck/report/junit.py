"""JUnit XML for CI systems that show test reports: one test case per finding (failing when at
or above --fail-on, passing with its message otherwise), one passing test case per checked file
without findings (reporters treat a report of zero tests as a failure), and one erroring test
case per unreadable input.

Test names carry no line numbers, so a finding keeps its name when lines move. ``time`` is 0:
factcheck does not time findings, and the report stays identical run to run."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from factcheck.model import Claim, Finding
from factcheck.report.common import in_file_order, provenance, shown_path, where

if TYPE_CHECKING:
    from factcheck.pipeline import Result


NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
NO_TIME = "0.000"


def _clean(text: str) -> str:
    """Text XML 1.0 can hold (an article, or a file name, may contain control characters)."""
    return NOT_XML.sub("\ufffd", text)


def render(result: Result) -> str:
    claims = {claim.id: claim for claim in result.claims}
    findings = in_file_order(result)
    with_findings = {where(finding, claims).path for finding in findings}
    clean_files = sorted({document.path for document in result.documents} - with_findings)
    failures = sum(1 for finding in findings if result.fails(finding))
    counts = {"tests": str(len(findings) + len(clean_files) + len(result.errors)), "failures": str(failures),
              "errors": str(len(result.errors)), "time": NO_TIME}
    suites = ET.Element("testsuites", {"name": "factcheck", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "factcheck", **counts, "skipped": "0"})
    for finding in findings:
        _finding_case(suite, finding, claims, result.fails(finding))
    for path in clean_files:
        _case(suite, "factcheck.file", f"{shown_path(path)}: no conflicting figures", shown_path(path))
    for error in result.errors:
        case = _case(suite, "factcheck.input", error.path, error.path)
        ET.SubElement(case, "error", {"type": "InputError", "message": _clean(error.message)})
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode")


def _case(suite: ET.Element, classname: str, name: str, path: str, line: int | None = None) -> ET.Element:
    attributes = {"classname": classname, "name": _clean(name), "file": _clean(path), "time": NO_TIME}
    if line is not None:
        attributes["line"] = str(line)
    return ET.SubElement(suite, "testcase", attributes)


def _finding_case(suite: ET.Element, finding: Finding, claims: dict[str, Claim], fails: bool) -> None:
    place = where(finding, claims)
    path = shown_path(place.path)
    figure = f" {claims[finding.claims[0]].surface}" if finding.claims else ""
    case = _case(suite, f"factcheck.{finding.rule}", f"{path}: {finding.title}{figure}", path, place.line)
    details = "\n".join([finding.message, *(_vs(claims[cid]) for cid in finding.claims[1:])])
    if fails:
        failure = ET.SubElement(case, "failure", {"type": finding.severity, "message": _clean(finding.message)})
        failure.text = _clean(details)
    else:
        ET.SubElement(case, "system-out").text = _clean(f"{finding.severity}: {details}")


def _vs(claim: Claim) -> str:
    return f"vs {claim.surface} at {shown_path(claim.path)}:{claim.line}:{claim.column} ({provenance(claim)})"
