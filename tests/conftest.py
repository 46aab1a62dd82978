"""Shared helpers: build small corpora from article texts, find ../shared when it is there."""
from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.ingest import parse_text
from factcheck.model import Document
from factcheck.pipeline import Result, check_documents
from factcheck.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


def article(name: str, text: str, date: str | None = None, source: str | None = None) -> Document:
    """One in-memory Markdown article with the given front matter."""
    front = "".join(f'{key}: "{value}"\n' for key, value in (("date", date), ("source", source)) if value)
    body = f"---\n{front}---\n{text}\n" if front else text + "\n"
    return parse_text(name if front else name.replace(".md", ".txt"), body)[0]


def check(*documents: Document) -> Result:
    return check_documents(documents, load_rules())


def flagged_pairs(result: Result, severities=("warning", "error")) -> set[frozenset[str]]:
    """Surfaces of every (primary, other) pair of the findings at these severities."""
    claims = {c.id: c for c in result.claims}
    pairs = set()
    for finding in result.findings:
        if finding.severity in severities:
            primary, *others = finding.claims
            pairs |= {frozenset((claims[primary].surface, claims[o].surface)) for o in others}
    return pairs


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED
