"""Fingerprints of findings, and the baseline file of accepted ones.

A fingerprint names a figure by its article, its sentence and its wording (and which of
identical figures in identical sentences it is), never by line or offset, so it survives edits
elsewhere in the file. An article is named by its path relative to the settings root (a JSON
Lines record by its id), so the path's spelling and the working folder do not matter. The
baseline records conflicts as pairs of figures under a rule: a later run drops the pairs it
already holds, so a finding comes back only with the claims that newly disagree.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from factcheck import atomic
from factcheck.claimset import Stated
from factcheck.model import Claim, Finding

BASELINE_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read; the message names it."""


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Identities:
    """Claim id -> a name for the figure that holds while the rest of its file changes, and the
    way paths are named in fingerprints."""

    of_claim: Mapping[str, str]
    file_name: Callable[[str], str]  # a path as given -> its name in fingerprints

    def __getitem__(self, claim_id: str) -> str:
        return self.of_claim[claim_id]

    def article(self, claim: Claim) -> str:
        return article_name(claim, self.file_name)


def article_name(claim: Claim | Stated, file_name: Callable[[str], str]) -> str:
    """The claim's article: its file's name, or the record id of a JSON Lines record (whose
    id, when the record has none, is the file's path and the record's line)."""
    if claim.doc == claim.path:
        return file_name(claim.path)
    line = claim.doc.removeprefix(f"{claim.path}:")
    if line != claim.doc and line.isdigit():
        return f"{file_name(claim.path)}:{line}"
    return claim.doc


def claim_identities(claims: Iterable[Claim | Stated], file_name: Callable[[str], str] = str) -> Identities:
    """The identities of these claims, files named by ``file_name`` (a path relative to a root)."""
    file_name = cache(file_name)  # resolving a path asks the file system; a file has many claims
    articles: dict[tuple[str, str], str] = {}  # (doc, path) -> article: a document has many claims
    spaced: dict[str, str] = {}  # sentence -> its words: a sentence often has several figures
    seen: Counter[tuple[str, str, str]] = Counter()
    of_claim: dict[str, str] = {}
    for claim in claims:
        article = articles.get((claim.doc, claim.path))
        if article is None:
            article = articles[(claim.doc, claim.path)] = article_name(claim, file_name)
        words = spaced.get(claim.sentence)
        if words is None:
            words = spaced[claim.sentence] = " ".join(claim.sentence.split())
        key = (article, words, claim.surface)
        of_claim[claim.id] = _digest(*key, str(seen[key]))
        seen[key] += 1
    return Identities(of_claim, file_name)


def finding_fingerprint(finding: Finding, identities: Identities) -> str:
    """Rule and primary figure: each figure is the primary of at most one finding per rule."""
    if finding.claims:
        return _digest(finding.rule, identities[finding.claims[0]])
    path = identities.file_name(finding.location.path) if finding.location else ""
    return _digest(finding.rule, path, finding.message)


def pair_fingerprints(finding: Finding, identities: Identities) -> dict[str, str]:
    """Claim id of each claim the primary disagrees with -> the fingerprint of that pair."""
    if not finding.claims:
        return {"": finding_fingerprint(finding, identities)}
    primary, *others = finding.claims
    return {
        other: _digest(finding.rule, *sorted((identities[primary], identities[other])))
        for other in others
    }


@dataclass(frozen=True)
class Baseline:
    fingerprints: frozenset[str]

    def __contains__(self, fingerprint: str) -> bool:
        return fingerprint in self.fingerprints


def read_baseline(path: Path) -> Baseline:
    try:
        data = json.loads(path.read_text("utf-8"))
        entries = data["accepted"]
        return Baseline(frozenset(str(entry["fingerprint"]) for entry in entries))
    except FileNotFoundError as error:
        raise BaselineError(f"{path}: no such baseline (write one with `factcheck baseline`)") from error
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BaselineError(f"{path}: not a factcheck baseline ({error})") from error


def write_baseline(path: Path, text: str, inputs: Iterable[str]) -> None:
    """Write the baseline file, whole or not at all. A path that is one of the ``inputs`` (the
    articles checked), or an existing file that is not a factcheck baseline, is refused: a
    baseline never takes the place of a user's file."""
    if os.path.realpath(path) in {os.path.realpath(given) for given in inputs}:
        raise BaselineError(f"{path}: is one of the articles checked; write the baseline to another file")
    if os.path.lexists(path):
        try:
            read_baseline(path)
        except BaselineError as error:
            raise BaselineError(f"{error}; not overwritten (remove it, or write the baseline elsewhere)") from error
    try:
        atomic.write_text(path, text)
    except OSError as error:
        raise BaselineError(f"{path}: cannot be written ({error.strerror or error})") from error


def baseline_text(findings: Iterable[Finding], claims: Mapping[str, Claim], identities: Identities) -> str:
    """The baseline file for these findings: one entry per disagreeing pair, readable in a diff."""
    entries = []
    for finding in findings:
        for other, fingerprint in pair_fingerprints(finding, identities).items():
            if finding.claims:
                primary = claims[finding.claims[0]]
                between = [_figure(primary, identities), _figure(claims[other], identities)]
            else:
                between = [finding.message]
            entries.append({"fingerprint": fingerprint, "rule": finding.rule, "between": between})
    entries.sort(key=lambda entry: (entry["rule"], entry["between"], entry["fingerprint"]))
    unique = list({entry["fingerprint"]: entry for entry in entries}.values())
    report = {"tool": "factcheck", "version": BASELINE_VERSION, "accepted": unique}
    return json.dumps(report, ensure_ascii=False, indent=1) + "\n"


def _figure(claim: Claim, identities: Identities) -> str:
    return f"{identities.article(claim)}: {claim.surface}"
