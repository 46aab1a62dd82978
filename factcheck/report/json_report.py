"""The JSON contract: ``documents``, ``claims``, ``groups``, ``findings`` (and ``errors``).

Other tools read this (shared/tools/score_clusters.py among them): keep field names stable.
"""
from __future__ import annotations

import json
from dataclasses import asdict, fields
from typing import TYPE_CHECKING, Any

from factcheck import __version__
from factcheck.match import Explanation
from factcheck.model import Claim, Document
from factcheck.report.common import where

if TYPE_CHECKING:
    from factcheck.pipeline import Extraction, Result



def document_record(document: Document) -> dict[str, Any]:
    return {"id": document.id, "path": document.path, "title": document.title, "date": document.date,
            "source": document.source, "url": document.url}


CLAIM_FIELDS = tuple(field.name for field in fields(Claim))


def claim_record(claim: Claim) -> dict[str, Any]:
    """A claim's fields, tuples as lists (a shallow copy: ``asdict`` deep-copies every value)."""
    record = {name: getattr(claim, name) for name in CLAIM_FIELDS}
    return {name: list(value) if isinstance(value, tuple) else value for name, value in record.items()}


def explanation_record(explanation: Explanation) -> dict[str, Any]:
    frame = explanation.frame
    return {"claim": explanation.claim,
            "frame": {"kind": frame.kind, "thing": frame.thing, "event": frame.event},
            "candidates": [asdict(candidate) for candidate in explanation.candidates]}


def render(result: Result | Extraction, claims_only: bool = False) -> str:
    claims = {claim.id: claim for claim in result.claims}
    report: dict[str, Any] = {
        "tool": {"name": "factcheck", "version": __version__},
        "documents": [document_record(d) for d in result.documents],
        "claims": [claim_record(c) for c in result.claims],
        "errors": [{"path": e.path, "message": e.message} for e in result.errors],
    }
    if not claims_only:
        report["groups"] = [{"id": g.id, "key": g.key, "claims": list(g.claims)} for g in result.matching.groups]
        report["findings"] = [
            {"rule": f.rule, "severity": f.severity, "title": f.title, "message": f.message,
             "claims": list(f.claims), "agreeing": list(f.agreeing), "group": f.group,
             "fingerprint": fingerprint, "location": asdict(where(f, claims))}
            for f, fingerprint in zip(result.findings, result.fingerprints, strict=True)
        ]
        if result.explanations:
            report["explain"] = [explanation_record(e) for e in result.explanations]
        report["summary"] = {"suppressed": result.suppressed, "baselined": result.baselined,
                             "fail_on": result.fail_on, "failing": result.failing}
    # One line, no indent: json's C encoder only runs without one (several times faster), and
    # the contract is for machines; pipe through `python -m json.tool` to read it.
    return json.dumps(report, ensure_ascii=False, allow_nan=False)
