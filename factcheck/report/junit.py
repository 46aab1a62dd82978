"""JUnit XML: one test case per finding (failing when at or above --fail-on, passing with its
message otherwise), and one erroring test case per unreadable input, for CI systems that show
test reports."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from factcheck.model import Claim
from factcheck.report.common import provenance, shown_path, where

if TYPE_CHECKING:
    from factcheck.pipeline import Result


NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    """Text XML 1.0 can hold (an article may contain control characters)."""
    return NOT_XML.sub("\ufffd", text)


def render(result: Result) -> str:
    claims = {claim.id: claim for claim in result.claims}
    failures = sum(1 for finding in result.findings if result.fails(finding))
    counts = {"tests": str(len(result.findings) + len(result.errors)), "failures": str(failures),
              "errors": str(len(result.errors))}
    suites = ET.Element("testsuites", {"name": "factcheck", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "factcheck", **counts, "skipped": "0"})
    for finding in result.findings:
        place = where(finding, claims)
        path = shown_path(place.path)
        case = ET.SubElement(suite, "testcase", {
            "classname": f"factcheck.{finding.rule}",
            "name": _clean(f"{path}:{place.line}:{place.column} {finding.title}"),
            "file": path, "line": str(place.line),
        })
        details = "\n".join([finding.message, *(_vs(claims[cid]) for cid in finding.claims[1:])])
        if result.fails(finding):
            failure = ET.SubElement(case, "failure", {"type": finding.severity, "message": _clean(finding.message)})
            failure.text = _clean(details)
        else:
            ET.SubElement(case, "system-out").text = _clean(f"{finding.severity}: {details}")
    for error in result.errors:
        case = ET.SubElement(suite, "testcase", {"classname": "factcheck.input", "name": _clean(error.path)})
        ET.SubElement(case, "error", {"type": "InputError", "message": _clean(error.message)})
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode")


def _vs(claim: Claim) -> str:
    return f"vs {claim.surface} at {shown_path(claim.path)}:{claim.line}:{claim.column} ({provenance(claim)})"
