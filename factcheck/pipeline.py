"""The pipeline in one call: ingest -> extract -> match -> rules, for the CLI and for tests."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from factcheck.extract import extract_claims
from factcheck.ingest import read_corpus
from factcheck.match import Matching, match_claims
from factcheck.model import Claim, Document, Finding, InputError
from factcheck.rules import Rule, apply_rules, load_rules


@dataclass(frozen=True)
class Result:
    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    matching: Matching
    findings: tuple[Finding, ...]
    errors: tuple[InputError, ...]


def check_documents(
    documents: Iterable[Document],
    rules: list[Rule] | None = None,
    errors: tuple[InputError, ...] = (),
    against: Iterable[Document] = (),
) -> Result:
    """Check documents against each other, or (with ``against``) only against reference copy."""
    documents = tuple(documents)
    reference = tuple(against)
    claims = extract_claims(documents + reference)
    only_with = frozenset(d.id for d in documents) if reference else None
    matching = match_claims(claims, only_with)
    findings = apply_rules(matching, rules if rules is not None else load_rules())
    return Result(documents + reference, tuple(claims), matching, tuple(findings), errors)


def check_paths(paths: Iterable[str], rules_dir: Path | None = None, stdin_name: str | None = None) -> Result:
    corpus = read_corpus(paths, stdin_name)
    return check_documents(corpus.documents, load_rules(rules_dir), corpus.errors)
