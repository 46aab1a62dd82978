"""The pipeline in one call: ingest -> extract -> match -> rules, for the CLI and for tests.

After the rules, a run narrows what it reports, in this order: rules not selected; figures
silenced by suppression comments and per-file ignores (and comments that silence nothing); the
focus (the draft checked ``--against`` reference copy, the files changed since a revision),
which reorients each finding so that its primary claim is in focus; and the baseline.
Renderers only format the Result.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.baseline import Baseline, claim_identities, finding_fingerprint, pair_fingerprints
from factcheck.cache import ClaimCache, file_digest
from factcheck.config import Settings
from factcheck.extract import claims_in
from factcheck.ingest import expand_paths, read_corpus
from factcheck.match import Matching, bucket_key, match_claims
from factcheck.stories import related_pairs
from factcheck.model import Claim, Corpus, Document, Finding, InputError
from factcheck.rules import SEVERITIES, Rule, apply_rules, load_rules
from factcheck.suppress import restate, silence, suppressions_in, unused

UNUSED_SUPPRESSION_CHECK = "unused_suppression"


@dataclass(frozen=True)
class Result:
    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    matching: Matching
    findings: tuple[Finding, ...]
    errors: tuple[InputError, ...]
    rules: tuple[Rule, ...] = ()  # the rules the run judged with, as configured
    fingerprints: tuple[str, ...] = ()  # one per finding: stable across edits elsewhere in a file
    suppressed: int = 0  # findings silenced by comments or per-file ignores
    baselined: int = 0  # findings dropped because the baseline holds all their pairs
    extracted: int = 0  # documents whose claims were extracted in this run (not cached)
    fail_on: str = "warning"

    def fails(self, finding: Finding) -> bool:
        return SEVERITIES.index(finding.severity) >= SEVERITIES.index(self.fail_on)

    @property
    def failing(self) -> bool:
        return any(self.fails(finding) for finding in self.findings)


@dataclass(frozen=True)
class Extraction:
    """What ``factcheck extract`` reports: the documents and their claims, no judgement."""

    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    errors: tuple[InputError, ...]


def extract_documents(loaded: "Loaded") -> Extraction:
    """The claims of every loaded document, taken from the cache where it knew them; nothing
    is matched or judged, so extraction never pays for pint or the rules."""
    claims: list[Claim] = []
    for document in loaded.corpus.documents:
        known = loaded.claims.get(document.id)
        claims.extend(known if known is not None else claims_in(document))
    return Extraction(loaded.corpus.documents, tuple(claims), loaded.corpus.errors)


@dataclass(frozen=True)
class Loaded:
    """Documents read from paths, with the claims already known for them (cached or just
    extracted), keyed by document id."""

    corpus: Corpus
    claims: Mapping[str, tuple[Claim, ...]] = field(default_factory=dict)
    extracted: int = 0


def check_documents(
    documents: Iterable[Document],
    rules: list[Rule] | None = None,
    errors: tuple[InputError, ...] = (),
    against: Iterable[Document] = (),
    *,
    settings: Settings | None = None,
    known_claims: Mapping[str, tuple[Claim, ...]] | None = None,
    focus: frozenset[str] | None = None,
    baseline: Baseline | None = None,
    extracted: int = 0,
) -> Result:
    """Check documents against each other, or (with ``against``) only against reference copy,
    in which case the Result holds only the reference claims comparable with the drafts'.

    ``focus`` holds real paths: only findings with a claim in those files are reported."""
    settings = settings or Settings(root=Path.cwd())
    rules = list(rules) if rules is not None else load_rules()
    documents = tuple(documents)
    checked_paths = {document.path for document in documents}
    reference = tuple(d for d in against if d.path not in checked_paths)  # a draft inside its own corpus
    every = documents + reference
    known = known_claims or {}
    claims: list[Claim] = []
    for document in every:
        if document.id in known:
            claims.extend(known[document.id])
        else:
            claims.extend(claims_in(document))
            extracted += 1
    if reference:
        claims = _comparable_with_drafts(claims, frozenset(d.id for d in documents))
    only_with = frozenset(d.id for d in documents) if reference else None
    matching = match_claims(claims, related_pairs(documents + reference, only_with), only_with)
    rule_of = {rule.id: rule for rule in rules}
    by_id = {claim.id: claim for claim in claims}
    findings = [f for f in apply_rules(matching, rules) if settings.reports(f.rule)]

    suppressions = [s for document in every for s in suppressions_in(document)]
    silenced = silence(findings, by_id, suppressions, settings.ignored_rules, rule_of)
    findings = list(silenced.findings)
    for rule in rules:
        if rule.check == UNUSED_SUPPRESSION_CHECK and settings.reports(rule.id):
            reported = [r.id for r in rules if settings.reports(r.id)]
            stale = unused(suppressions, silenced.used, reported, rule_of, rule)
            findings += [f for f in stale if f.location and f.location.path in checked_paths]

    in_focus = _focus_documents(documents, focus, drafts_only=bool(reference))
    if in_focus is not None:
        findings = _reoriented(findings, in_focus, documents, by_id, rule_of)
    identities = claim_identities(claims)
    baselined = 0
    if baseline is not None:
        findings, baselined = _without_baselined(findings, baseline, identities, by_id, rule_of)
    return Result(
        documents=every, claims=tuple(claims), matching=matching, findings=tuple(findings), errors=errors,
        rules=tuple(rules), fingerprints=tuple(finding_fingerprint(f, identities) for f in findings),
        suppressed=silenced.silenced, baselined=baselined, extracted=extracted, fail_on=settings.fail_on,
    )


def _comparable_with_drafts(claims: list[Claim], drafts: frozenset[str]) -> list[Claim]:
    """The drafts' claims and the reference claims that could pair with one of them (same
    bucket): a draft is checked against a large archive, and the rest can never be compared."""
    buckets = {bucket_key(claim) for claim in claims if claim.doc in drafts} - {None}
    return [claim for claim in claims if claim.doc in drafts or bucket_key(claim) in buckets]


def _focus_documents(
    documents: tuple[Document, ...], focus: frozenset[str] | None, drafts_only: bool
) -> frozenset[str] | None:
    """Ids of the documents findings must be about, or None when every finding is reported."""
    if focus is None and not drafts_only:
        return None
    return frozenset(d.id for d in documents if focus is None or os.path.realpath(d.path) in focus)


def _reoriented(
    findings: list[Finding], focus: frozenset[str], documents: tuple[Document, ...],
    claims: Mapping[str, Claim], rules: Mapping[str, Rule],
) -> list[Finding]:
    """Findings whose primary claim is in focus, as found; a finding whose primary lies
    elsewhere becomes one finding per claim in focus that disagrees with it (primary first:
    the figure the author of the changed file or draft has to look at)."""
    focus_paths = {d.path for d in documents if d.id in focus}
    order: list[Finding | tuple[str, str]] = []  # a finding kept, or (rule, claim id) turned primary
    turned: dict[tuple[str, str], list[Claim]] = {}
    for finding in findings:
        if not finding.claims:
            if finding.location and finding.location.path in focus_paths:
                order.append(finding)
            continue
        primary, *others = (claims[cid] for cid in finding.claims)
        if primary.doc in focus:
            order.append(finding)
            continue
        for other in (o for o in others if o.doc in focus):
            key = (finding.rule, other.id)
            if key not in turned:
                order.append(key)
            turned.setdefault(key, []).append(primary)
    return [
        entry if isinstance(entry, Finding) else _turned(entry, turned[entry], claims, rules)
        for entry in order
    ]


def _turned(key: tuple[str, str], others: list[Claim], claims: Mapping[str, Claim], rules: Mapping[str, Rule]) -> Finding:
    rule = rules[key[0]]
    template = Finding(rule.id, rule.severity, rule.title, "", ())
    return restate(template, claims[key[1]], others, rule)


def _without_baselined(
    findings: list[Finding], baseline: Baseline, identities: Mapping[str, str],
    claims: Mapping[str, Claim], rules: Mapping[str, Rule],
) -> tuple[list[Finding], int]:
    """The findings with the pairs the baseline accepts taken out, and how many went entirely."""
    kept: list[Finding] = []
    dropped = 0
    for finding in findings:
        pairs = pair_fingerprints(finding, identities)
        new = [other for other, fingerprint in pairs.items() if fingerprint not in baseline]
        if not new:
            dropped += 1
        elif len(new) < len(pairs):
            kept.append(restate(finding, claims[finding.claims[0]], [claims[o] for o in new], rules[finding.rule]))
        else:
            kept.append(finding)
    return kept, dropped


# -- reading paths, with the cache ---------------------------------------------------------------

def load_paths(
    paths: Iterable[str], settings: Settings, stdin_name: str | None = None, cache: ClaimCache | None = None
) -> Loaded:
    """Read files and folders (``-`` for stdin). Files below a folder pass the include and exclude
    globs; files named directly are always read. With a cache, a file whose bytes it knows is
    neither read as an article nor extracted again."""
    documents: list[Document] = []
    errors: list[InputError] = []
    claims: dict[str, tuple[Claim, ...]] = {}
    extracted = 0
    seen_files: set[str] = set()
    seen_ids: set[str] = set()
    for given in paths:
        from_folder = given != "-" and os.path.isdir(given)
        for path in expand_paths([given], errors):
            real = path if path == "-" else os.path.realpath(path)
            if real in seen_files or (from_folder and not settings.wants_file(path)):
                continue
            seen_files.add(real)
            found, found_claims, fresh = _load_file(path, stdin_name, cache, errors)
            extracted += fresh
            for document in found:
                if document.id in seen_ids:
                    errors.append(InputError(path, f"document id {document.id!r} is already used by another article"))
                    continue
                seen_ids.add(document.id)
                documents.append(document)
                if document.id in found_claims:
                    claims[document.id] = found_claims[document.id]
    return Loaded(Corpus(tuple(documents), tuple(errors)), claims, extracted)


def _load_file(
    path: str, stdin_name: str | None, cache: ClaimCache | None, errors: list[InputError]
) -> tuple[list[Document], dict[str, tuple[Claim, ...]], int]:
    """One file's documents and claims (by document id), and how many documents were extracted."""
    if path == "-":
        corpus = read_corpus(["-"], stdin_name)
        errors.extend(corpus.errors)
        return list(corpus.documents), {}, 0
    digest = file_digest(path) if cache else None
    if cache and digest:
        hit = cache.load(path, digest)
        if hit is not None:
            documents, claims = hit
            return documents, _by_document(documents, claims), 0
    corpus = read_corpus([path])
    errors.extend(corpus.errors)
    claims_of = {document.id: tuple(claims_in(document)) for document in corpus.documents}
    if cache and digest and not corpus.errors:
        cache.store(path, digest, list(corpus.documents), [c for cs in claims_of.values() for c in cs])
    return list(corpus.documents), claims_of, len(corpus.documents)


def _by_document(documents: list[Document], claims: list[Claim]) -> dict[str, tuple[Claim, ...]]:
    grouped: dict[str, list[Claim]] = {document.id: [] for document in documents}
    for claim in claims:
        grouped[claim.doc].append(claim)
    return {doc: tuple(found) for doc, found in grouped.items()}


def check_paths(paths: Iterable[str], rules_dir: Path | None = None, stdin_name: str | None = None) -> Result:
    corpus = read_corpus(paths, stdin_name)
    return check_documents(corpus.documents, load_rules(rules_dir), corpus.errors)
