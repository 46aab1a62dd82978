"""SARIF 2.1.0, as GitHub code scanning reads it: every rule described, every result at the
primary claim with the claims it disagrees with as related locations, and a fingerprint that
does not move with line numbers."""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from factcheck import __version__
from factcheck.model import Claim, Location
from factcheck.report.common import provenance, shown_path, where
from factcheck.rules import Rule

if TYPE_CHECKING:
    from factcheck.pipeline import Result


SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "factcheck/v1"
SUPPRESSION_HELP = "To accept one figure, put <!-- factcheck: ignore {id} reason --> on its line or above its paragraph."


def render(result: Result) -> str:
    claims = {claim.id: claim for claim in result.claims}
    rule_index = {rule.id: index for index, rule in enumerate(result.rules)}
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "factcheck", "version": __version__, "semanticVersion": __version__,
            "rules": [rule_descriptor(rule) for rule in result.rules],
        }},
        "columnKind": "unicodeCodePoints",
        "invocations": [invocation(result)],
        "results": [
            sarif_result(finding, fingerprint, claims, rule_index)
            for finding, fingerprint in zip(result.findings, result.fingerprints, strict=True)
        ],
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=1)


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    rationale = " ".join(rule.rationale.split())
    advice = SUPPRESSION_HELP.format(id=rule.id)
    return {
        "id": rule.id,
        "name": "".join(word.capitalize() for word in rule.title.replace("-", " ").split() if word.isalnum()),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rationale},
        "help": {"text": f"{rationale}\n\n{advice}", "markdown": f"{rationale}\n\n{advice.replace('<!--', '`<!--').replace('-->', '-->`')}"},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["figures", rule.check]},
    }


def sarif_result(finding, fingerprint: str, claims: dict[str, Claim], rule_index: dict[str, int]) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": _physical(where(finding, claims), claims.get(next(iter(finding.claims), "")))}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if finding.rule in rule_index:
        entry["ruleIndex"] = rule_index[finding.rule]
    related = [claims[cid] for cid in finding.claims[1:]]
    if related:
        entry["relatedLocations"] = [
            {"id": number, "physicalLocation": _physical(Location(c.path, c.line, c.column), c),
             "message": {"text": _related_text(c)}}
            for number, c in enumerate(related, start=1)
        ]
    return entry


def _related_text(claim: Claim) -> str:
    said = f", said by {claim.attribution}" if claim.attribution else ""
    return f"disagrees: {claim.surface} ({provenance(claim)}{said})"


def artifact_uri(path: str) -> str:
    """Relative to the current folder (the repository root in CI), else an absolute file URI."""
    shown = shown_path(path)
    return Path(shown).as_uri() if shown.startswith("/") else quote(shown, safe="/")


def _physical(location: Location, claim: Claim | None) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": max(location.line, 1), "startColumn": max(location.column, 1)}
    if claim is not None and "\n" not in claim.surface:
        region["endLine"] = region["startLine"]
        region["endColumn"] = region["startColumn"] + len(claim.surface)
        region["snippet"] = {"text": claim.surface}
    return {"artifactLocation": {"uri": artifact_uri(location.path)}, "region": region}


def invocation(result) -> dict[str, Any]:
    return {
        "executionSuccessful": not result.errors,
        "toolExecutionNotifications": [
            {"level": "error", "message": {"text": error.message},
             "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(error.path)}}}]}
            for error in result.errors
        ],
    }
