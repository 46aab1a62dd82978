"""SARIF 2.1.0, as GitHub code scanning reads it: every rule described and linked to its
documentation (``helpUri``), every result at the primary claim with the claims it disagrees with
as related locations that its message links (``[figure](1)``, SARIF's embedded links), artifact
URIs relative to the repository root (``originalUriBaseIds``), and a fingerprint that does not
move with line numbers."""
from __future__ import annotations

import json
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from factcheck import __version__
from factcheck.model import Claim, Location
from factcheck.report.common import provenance, repository_path, repository_root, shown_path, where
from factcheck.rules import Rule

if TYPE_CHECKING:
    from factcheck.pipeline import Result


SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "factcheck/v1"
ROOT_ID = "SRCROOT"
EMBEDDED_LINK_TEXT = str.maketrans({"\\": "\\\\", "[": "\\[", "]": "\\]"})
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
        "originalUriBaseIds": {ROOT_ID: {"uri": repository_root().as_uri().rstrip("/") + "/"}},
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
        **({"helpUri": f"{documentation_uri()}/rules/{rule.id}.toml"} if documentation_uri() else {}),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["figures", rule.check]},
    }


def sarif_result(finding, fingerprint: str, claims: dict[str, Claim], rule_index: dict[str, int]) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity],
        "message": {"text": _message(finding, claims)},
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


@cache
def documentation_uri() -> str | None:
    """The ``Documentation`` URL of the installed package's metadata (pyproject's
    ``[project.urls]``), where each rule's file is linked from."""
    try:
        urls = metadata.metadata("factcheck").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    found = dict(entry.split(", ", 1) for entry in urls if ", " in entry)
    return found.get("Documentation", "").rstrip("/") or None


def _message(finding, claims: dict[str, Claim]) -> str:
    """The finding's message, then each disagreeing figure as a link to its related location."""
    text = _literal(finding.message)
    others = [claims[cid] for cid in finding.claims[1:]]
    if not others:
        return text
    links = [f"[{_literal(c.surface)}]({number}) in {_literal(shown_path(c.path))}:{c.line} ({_literal(provenance(c))})"
             for number, c in enumerate(others, start=1)]
    return f"{text}. Disagrees with {'; '.join(links)}."


def _literal(text: str) -> str:
    """Text shown as written in a message with embedded links (brackets escaped)."""
    return text.translate(EMBEDDED_LINK_TEXT)


def _related_text(claim: Claim) -> str:
    said = f", said by {claim.attribution}" if claim.attribution else ""
    return f"disagrees: {claim.surface} ({provenance(claim)}{said})"


def artifact_location(path: str) -> dict[str, str]:
    """Relative to the repository root (``SRCROOT``), else an absolute file URI."""
    relative = repository_path(path)
    if relative is None:
        return {"uri": Path(path).resolve().as_uri()}
    return {"uri": quote(relative, safe="/"), "uriBaseId": ROOT_ID}


def _physical(location: Location, claim: Claim | None) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": max(location.line, 1), "startColumn": max(location.column, 1)}
    if claim is not None and "\n" not in claim.surface:
        region["endLine"] = region["startLine"]
        region["endColumn"] = region["startColumn"] + len(claim.surface)
        region["snippet"] = {"text": claim.surface}
    return {"artifactLocation": artifact_location(location.path), "region": region}


def invocation(result) -> dict[str, Any]:
    return {
        "executionSuccessful": not result.errors,
        "toolExecutionNotifications": [
            {"level": "error", "message": {"text": error.message},
             "locations": [{"physicalLocation": {"artifactLocation": artifact_location(error.path)}}]}
            for error in result.errors
        ],
    }
