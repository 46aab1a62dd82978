"""The pipeline in one call: ingest -> extract -> match -> rules, for the CLI and for tests.

After the rules, a run narrows what it reports, in this order: rules not selected; figures
silenced by suppression comments and per-file ignores (and comments that silence nothing); the
focus (the draft checked ``--against`` reference copy, the files changed since a revision),
which reorients each finding so that its primary claim is in focus; and the baseline.
Renderers only format the Result.
"""
from __future__ import annotations

import hashlib
import os
from functools import partial
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from factcheck.baseline import Baseline, Identities, claim_identities, finding_fingerprint, pair_fingerprints
from factcheck import learned
from factcheck.budget import Budget, OverBudget
from factcheck.cache import ClaimCache, FileRow, file_row
from factcheck.claimset import Claims, DocumentClaims, Stated, doc_of
from factcheck.config import Settings
from factcheck.engine import PARALLEL_MIN, Engine, paused_gc
from factcheck.extract import claims_in
from factcheck.discover import article_files, real_path
from factcheck.formats import JSON_LINES_SUFFIXES
from factcheck.ingest import file_ids, id_conflict, read_file as read_articles, shown_name
from factcheck.components import Component, Judged, components_of, judge, merged
from factcheck.match import Explanation, Matching, bucket_key, explain
from factcheck import stories
from factcheck.stories import Features, StoryMemo, related_pairs
from factcheck.story_index import story_links
from factcheck.model import Claim, Corpus, Document, Finding, InputError
from factcheck.report.json_report import rendered
from factcheck.rules import SEVERITIES, Rule, load_rules
from factcheck.suppress import Silenced, Suppression, restate, silence, suppressions_in, unused

UNUSED_SUPPRESSION_CHECK = "unused_suppression"


@dataclass(frozen=True)
class Result:
    documents: tuple[Document, ...]
    claims: Sequence[Claim]  # a Claims: each document's claims, made when asked
    matching: Matching
    findings: tuple[Finding, ...]
    errors: tuple[InputError, ...]
    rules: tuple[Rule, ...] = ()  # the rules the run judged with, as configured
    fingerprints: tuple[str, ...] = ()  # one per finding: stable across edits elsewhere in a file
    suppressed: int = 0  # findings silenced by comments or per-file ignores
    baselined: int = 0  # findings dropped because the baseline holds all their pairs
    fail_on: str = "warning"
    explanations: tuple[Explanation, ...] = ()  # with ``explain``: why each figure was or was not compared
    compared: int = 0  # claims compared with at least one other (a candidate pair)

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
    errors = list(loaded.corpus.errors)
    documents, claims = _with_claims(loaded.corpus.documents, loaded.claims, errors)
    return Extraction(documents, tuple(Claims(claims)), tuple(errors))


@dataclass(frozen=True)
class Loaded:
    """Documents read from paths, with the claims already known for them (cached or just
    extracted), keyed by document id."""

    corpus: Corpus
    claims: Mapping[str, DocumentClaims] = field(default_factory=dict)
    digests: Mapping[str, str] = field(default_factory=dict)  # document id -> its file's SHA-256
    unknown: tuple[str, ...] = ()  # files below the folders in no article format, left unread


def _crash_error(path: str, error: Exception, record: str | None = None) -> InputError:
    """An unexpected exception met while reading or extracting one file, as that file's error."""
    where = f"record {record!r}: " if record else ""
    return InputError(path, f"{where}cannot be checked, factcheck failed on it ({type(error).__name__}: {error})")


def _claims_or_error(document: Document, errors: list[InputError], budget: Budget = Budget()) -> tuple[Claim, ...] | None:
    """The claims of one document; None, and an error naming its file, when extraction fails
    or overruns the budget: one article that trips a bug must not stop the run."""
    try:
        return tuple(budget.metered(claims_in(document)))
    except OverBudget as error:
        where = f"record {document.id!r}: " if document.record else ""
        errors.append(InputError(document.path, f"{where}left out: {error}"))
        return None
    except Exception as error:  # any failure stays with its own document
        errors.append(_crash_error(document.path, error, document.id if document.record else None))
        return None


def _with_claims(
    documents: Iterable[Document], known: Mapping[str, Sequence[Claim]], errors: list[InputError],
    budget: Budget = Budget(),
) -> tuple[tuple[Document, ...], list[DocumentClaims]]:
    """The documents whose claims are known or could be extracted, and those claims."""
    kept: list[Document] = []
    claims: list[DocumentClaims] = []
    for document in documents:
        found = known[document.id] if document.id in known else _claims_or_error(document, errors, budget)
        if found is not None:
            kept.append(document)
            claims.append(found if isinstance(found, DocumentClaims) else DocumentClaims.of(document.id, document.path, found))
    return tuple(kept), claims


def check_documents(
    documents: Iterable[Document],
    rules: list[Rule] | None = None,
    errors: tuple[InputError, ...] = (),
    against: Iterable[Document] = (),
    *,
    settings: Settings | None = None,
    known_claims: Mapping[str, Sequence[Claim]] | None = None,
    focus: frozenset[str] | None = None,
    baseline: Baseline | None = None,
    engine: Engine | None = None,
    cache: ClaimCache | None = None,
    digests: Mapping[str, str] | None = None,
    explained: bool = False,
    story_memo: StoryMemo | None = None,
) -> Result:
    """Check documents against each other, or (with ``against``) only against reference copy,
    in which case the Result holds only the reference claims comparable with the drafts'.

    ``focus`` holds real paths: only findings with a claim in those files are reported.
    A document whose extraction fails is left out, with an error naming its file.

    ``story_memo`` keeps the documents' story features for the next check over much the same
    corpus (the warm reference of ``factcheck serve``).

    Matching and the rules run per story component (``factcheck.components``), on the engine;
    with a cache and the documents' file ``digests``, a component judged before from the same
    files, claims, story links and rules is not judged again."""
    settings = settings or Settings(root=Path.cwd())
    engine = engine or Engine()
    rules = list(rules) if rules is not None else load_rules()
    known = known_claims or {}
    all_errors = list(errors)
    documents, parts = _with_claims(documents, known, all_errors)
    checked_paths = {document.path for document in documents}
    against = list(against)
    drafts = {os.path.realpath(document.path) for document in documents} if against else set()
    others = (d for d in against if os.path.realpath(d.path) not in drafts)  # a draft inside its own corpus
    reference, reference_parts = _with_claims(others, known, all_errors)
    claims = Claims(parts + reference_parts)
    every = documents + reference
    if reference:
        claims = Claims.of(_comparable_with_drafts(claims, frozenset(d.id for d in documents)))
    only_with = frozenset(d.id for d in documents) if reference else None
    with engine.stage("stories"), paused_gc():
        related = _related(every, only_with, cache, digests or {}, story_memo, _pair_processes(engine))
    with engine.stage("match+rules"):
        matching, judged, compared = _judged(claims, related, only_with, rules, engine, cache, digests or {})
    rule_of = {rule.id: rule for rule in rules}
    by_id = claims.by_id
    findings = [f for f in judged if settings.reports(f.rule)]

    suppressions = [s for document in every for s in suppressions_in(document)]
    silenced = _silenced(findings, by_id, suppressions, settings, rule_of)
    findings = list(silenced.findings)
    for rule in rules:
        if rule.check == UNUSED_SUPPRESSION_CHECK and settings.reports(rule.id):
            reported = [r.id for r in rules if settings.reports(r.id)]
            stale = unused(suppressions, silenced.used, reported, rule_of, rule)
            findings += [f for f in stale if f.location and f.location.path in checked_paths]

    in_focus = _focus_documents(documents, focus, drafts_only=bool(reference))
    if in_focus is not None:
        findings = _reoriented(findings, in_focus, documents, by_id, rule_of)
    identities = claim_identities(_claims_of_files_in(findings, claims, every_claim=baseline is not None),
                                  settings.relative)
    baselined = 0
    if baseline is not None:
        findings, baselined = _without_baselined(findings, baseline, identities, by_id, rule_of)
    return Result(
        documents=every, claims=claims, matching=matching, findings=tuple(findings),
        errors=tuple(all_errors),
        rules=tuple(rules), fingerprints=tuple(finding_fingerprint(f, identities) for f in findings),
        suppressed=silenced.silenced, baselined=baselined, fail_on=settings.fail_on,
        explanations=explain(list(claims), matching, related) if explained else (), compared=compared,
    )


def _silenced(
    findings: list[Finding], claims: Mapping[str, Claim], suppressions: list[Suppression], settings: Settings,
    rules: Mapping[str, Rule],
) -> Silenced:
    """``suppress.silence`` asked only about the findings a suppression comment or a per-file
    ignore can reach (every finding when per-file ignores are set), one at a time, in order:
    silence makes every claim it is shown, and an archive's findings name some 6,000 claims in
    documents that hold no comment. The others are kept as they are, as silence keeps a
    finding with a claim to disagree with none of whose claims it silences."""
    if settings.per_file_ignores:
        return silence(findings, claims, suppressions, settings.ignored_rules, rules)
    commented = {suppression.doc for suppression in suppressions}
    kept: list[Finding] = []
    silenced, used = 0, set()
    for finding in findings:
        if len(finding.claims) == 1 or any(doc_of(claim_id) in commented for claim_id in finding.claims):
            one = silence([finding], claims, suppressions, settings.ignored_rules, rules)
            kept += one.findings
            silenced += one.silenced
            used |= one.used
        else:
            kept.append(finding)
    return Silenced(tuple(kept), silenced, frozenset(used))


def _claims_of_files_in(findings: list[Finding], claims: Claims, every_claim: bool) -> list[Stated]:
    """What the identities of the claims of the files the findings name are made of (only the
    files of their primary claims unless ``every_claim``: a finding's fingerprint is its
    primary's, a baseline's pairs need the others'): a claim's identity depends only on the
    other claims of its article, and an archive's findings name few of its files (the others'
    claims are never read), and few of their claims (the others are never made)."""
    paths = {claims.path_of(claim_id) for finding in findings
             for claim_id in (finding.claims if every_claim else finding.claims[:1])}
    return [stated for part in claims.parts if part.path in paths for stated in part.stated()]


def _related(
    documents: tuple[Document, ...], only_with: frozenset[str] | None, cache: ClaimCache | None,
    digests: Mapping[str, str], memo: StoryMemo | None = None, processes: int = 1,
) -> frozenset[frozenset[str]]:
    """The story links of the documents: from the cache when the corpus is the last one seen,
    each document with the same bytes; else, over an archive with a cache, from the story index
    of the last run, worked out again only where the changed documents reach."""
    key = _corpus_key(documents, only_with, digests) if cache else None
    related = cache.load_stories(key) if cache and key else None
    if related is not None:
        return related
    if cache and key and only_with is None:
        related, index, changed = story_links(documents, digests, cache.load_story_index(), processes)
        if changed:
            cache.store_story_index(index)
    else:
        related = related_pairs(documents, only_with, memo)
    if cache and key:
        cache.store_stories(key, related)
    return related


def _pair_processes(engine: Engine) -> int:
    """The processes a full build of the story index compares its pairs on: the local engine's
    (a Dask run's workers are elsewhere; this machine's one process does it)."""
    return engine.processes if engine.kind == "local" else 1


def _corpus_key(documents: tuple[Document, ...], only_with: frozenset[str] | None, digests: Mapping[str, str]) -> str | None:
    """A digest of every document's id, file digest and side (draft or not); None when a
    document's file digest is not known (read from stdin)."""
    if any(document.id not in digests for document in documents):
        return None
    digest = hashlib.sha256(str(only_with is None).encode())
    for document in documents:
        side = only_with is not None and document.id in only_with
        digest.update(f"{document.id}\x1f{digests[document.id]}\x1f{side}\x1e".encode())
    return digest.hexdigest()


def _judged(
    claims: Claims, related: frozenset[frozenset[str]], only_with: frozenset[str] | None,
    rules: list[Rule], engine: Engine, cache: ClaimCache | None, digests: Mapping[str, str],
) -> tuple[Matching, list[Finding], int]:
    """Matching and the rules' findings over every story component, each cached one reused,
    and how many claims were compared with another."""
    blocks = components_of(claims, related, digests if cache else {}, rules_salt(rules), only_with)
    known = cache.load_components([block.key for block in blocks if block.key]) if cache else {}
    judged: list[Judged | None] = [known.get(block.key) if block.key else None for block in blocks]
    # the largest first: matching grows faster than a block's size, and a worker handed the
    # largest last keeps the others waiting (at 10,000 articles one block of 1,228 claims takes
    # as long as 500 small ones); the results go back to their places
    todo = sorted((index for index, result in enumerate(judged) if result is None), key=lambda i: -len(blocks[i]))
    kept = cache.load_learned() if cache and todo else {}
    learned.teach(kept)
    fresh = engine.map(partial(_judge, rules=rules, only_with=only_with), [blocks[i] for i in todo], "judging")
    new: dict[str, dict] = {}
    for index, (result, answers) in zip(todo, fresh, strict=True):
        judged[index] = result
        _gathered(new, answers)
        if cache and blocks[index].key:
            cache.store_component(blocks[index].key, result)
    if cache and todo:
        _gathered(new, learned.fresh())
        if any(new.values()):  # else the kept answers are all there are: not written again
            cache.store_learned(_gathered(kept, new))
    done = [result for result in judged if result is not None]
    compared = len({claim_id for result in done for pair in result.pairs for claim_id in pair})
    return (*merged(done, claims, rules), compared)


def rules_salt(rules: Sequence[Rule]) -> str:
    """What the rules' judgement depends on, for the components' cache keys: every field but
    the folder the rule files were read from (the same rules in a second checkout, or a moved
    folder, judge alike)."""
    return repr([replace(rule, path=os.path.basename(rule.path)) for rule in rules])


def _judge(component: Component, rules: list[Rule], only_with: frozenset[str] | None) -> tuple[Judged, dict[str, dict]]:
    """A component judged (a task of the engine), and the libraries' answers the process worked
    out meanwhile (``learned``): a worker's would be lost with it."""
    return judge(component, rules=rules, only_with=only_with), learned.fresh()


def _gathered(kept: dict[str, dict], answers: Mapping[str, Mapping]) -> dict[str, dict]:
    """``kept`` with the answers added, by kind."""
    for kind, found in answers.items():
        kept.setdefault(kind, {}).update(found)
    return kept


def _comparable_with_drafts(claims: Iterable[Claim], drafts: frozenset[str]) -> list[Claim]:
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
    findings: list[Finding], baseline: Baseline, identities: Identities,
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

@dataclass(frozen=True)
class FileRead:
    """What reading and extracting one file gave: its documents that could be extracted,
    their claims (one ``DocumentClaims`` each), and the errors met."""

    documents: tuple[Document, ...]
    claims: tuple[DocumentClaims, ...]
    errors: tuple[InputError, ...]
    warnings: tuple[InputError, ...] = ()
    digest: str | None = None  # SHA-256 of the bytes the documents were parsed from
    row: FileRow | None = None  # the cache's row, when asked for and the file read without errors
    features: tuple[Features, ...] = ()  # each document's story features, worked out with its claims


SHARE_BYTES = 128 * 1024  # a file of many records is extracted in shares of at least this size
ARTICLE_BYTES = 4 * 1024  # what one article file holds, about: a share's worth in tasks


def read_file(path: str, stdin_name: str | None = None, budget: Budget = Budget(), cached: bool = False,
              share: tuple[int, int] = (0, 1), judged: bool = True) -> FileRead:
    """One file read as articles and extracted (a task of the engine: it runs in any process);
    ``cached``: also its claims' records in the JSON report and its row for the cache, encoded
    here, on the worker, rather than by the process that gathers every file's. ``share``
    (index, shares): only that share of the file's documents is extracted, so that the
    processes extract one large file of many records together; the file's own reading errors
    and warnings go with its first share, and ``_joined`` puts the shares back together. ``judged``: the claims will be judged, so
    each document's story features are worked out with them (``extract`` needs none)."""
    errors: list[InputError] = []
    corpus, digest = _read_softly(path, stdin_name, errors)
    index, shares = share
    documents = _share_of(corpus.documents, index, shares)
    if index:
        errors.clear()
    warnings = corpus.warnings if index == 0 else ()
    kept, parts = _with_claims(documents, {}, errors, budget)
    features = tuple(Features(document) for document in kept) if judged else ()
    if not (cached and digest and not errors):
        return FileRead(kept, tuple(parts), tuple(errors), warnings, digest, features=features)
    parts = [DocumentClaims.of(part.doc, part.path, part.claims, rendered(part)) for part in parts]
    row = file_row(digest, kept, parts, warnings) if shares == 1 else None
    return FileRead(kept, tuple(parts), (), warnings, digest, row, features)


def _share_of(documents: Sequence[Document], index: int, shares: int) -> Sequence[Document]:
    """Share ``index`` of ``shares`` of the documents, in order, cut by their length in
    characters (extraction takes about as long as the text is long)."""
    if shares == 1:
        return documents
    total = sum(len(document.text) for document in documents) or 1
    taken: list[Document] = []
    before = 0
    for document in documents:
        if min(before * shares // total, shares - 1) == index:
            taken.append(document)
        before += len(document.text)
    return taken


def _shares_of(path: str, processes: int) -> int:
    """How many shares a file is extracted in: one, unless it is a large file of many records
    and there are processes to share it."""
    if processes <= 1 or path == "-" or Path(path).suffix.lower() not in JSON_LINES_SUFFIXES:
        return 1
    try:
        return max(1, min(processes, os.path.getsize(path) // SHARE_BYTES))
    except OSError:
        return 1  # reading it will say what is wrong


Task = tuple[str, int, int]  # a file to read and extract: its path, and which share of how many


def read_task(task: Task, budget: Budget = Budget(), cached: bool = False, judged: bool = True) -> FileRead:
    """``read_file`` of one task."""
    path, index, shares = task
    return read_file(path, None, budget, cached, (index, shares), judged)


def _tasks(paths: Iterable[str], processes: int) -> list[Task]:
    return [(path, index, shares) for path in paths for shares in [_shares_of(path, processes)] for index in range(shares)]


def _worth(tasks: Sequence[Task]) -> int:
    """How many tasks of one article the tasks amount to: a share of a large file, many."""
    return sum(1 if shares == 1 else SHARE_BYTES // ARTICLE_BYTES for _, _, shares in tasks)


def _joined_reads(tasks: Sequence[Task], reads: Iterable[FileRead], cached: bool) -> dict[str, FileRead]:
    """Each file's read, its shares joined."""
    shares: dict[str, list[FileRead]] = {}
    for (path, _, _), read in zip(tasks, reads, strict=True):
        shares.setdefault(path, []).append(read)
    return {path: _joined(path, reads_of, cached) for path, reads_of in shares.items()}


def _joined(path: str, reads: Sequence[FileRead], cached: bool) -> FileRead:
    """The shares of one file's extraction as one read of the whole file."""
    if len(reads) == 1:
        return reads[0]
    first = reads[0]
    errors = [error for read in reads for error in read.errors]
    if any(read.digest != first.digest for read in reads):
        return FileRead((), (), (InputError(path, "cannot be checked: the file changed while it was read"),))
    documents = tuple(document for read in reads for document in read.documents)
    claims = tuple(part for read in reads for part in read.claims)
    features = tuple(feature for read in reads for feature in read.features)
    row = file_row(first.digest, documents, claims, first.warnings) if cached and first.digest and not errors else None
    return FileRead(documents, claims, tuple(errors), first.warnings, first.digest, row, features)


def load_paths(
    paths: Iterable[str], settings: Settings, stdin_name: str | None = None, cache: ClaimCache | None = None,
    engine: Engine | None = None, judged: bool = True,
) -> Loaded:
    """Read files and folders (``-`` for stdin) and extract their claims. Files below a folder
    pass the include and exclude globs; files named directly are always read. With a cache, a
    file whose bytes it knows is neither read as an article nor extracted again; the others
    are extracted by the engine (in parallel when there are many, a large file of many records
    in shares). A file that cannot be read, or that extraction fails on, becomes an error
    naming it; the rest is read. ``judged``: the claims will be matched and judged (``extract``
    lists them only)."""
    engine = engine or Engine()
    unknown: list[str] = []
    plan = _plan(paths, settings, unknown)
    files = [entry for entry in plan if isinstance(entry, str)]
    if not files:
        return replace(_assembled(plan, {}, {}), unknown=tuple(unknown))
    digests = cache.digests([path for path in files if path != "-"]) if cache else {}
    stored = {path: digest for path, digest in digests.items() if digest}
    held = cache.held(stored) if cache else set()
    # a warm run over many files extracts the few it does not hold while it decodes the rest
    early = [path for path in files if path != "-" and path not in held] if len(held) >= PARALLEL_MIN else []
    found: dict[str, FileRead] = {}
    cached = cache is not None
    reader = partial(read_task, budget=settings.budget, cached=cached, judged=judged)
    early_tasks = _tasks(early, engine.processes)
    with engine.ahead(reader, early_tasks, "extracting", worth=_worth(early_tasks)) as extracted:
        with engine.stage("cache lookup"):
            known = cache.load_many({path: stored[path] for path in held}) if cache else {}
            found.update((path, FileRead(tuple(documents), tuple(claims), (), tuple(warnings)))
                         for path, (documents, claims, warnings) in known.items())
        with engine.stage("read+extract"), paused_gc():  # the files' reads arrive as millions of small objects
            found.update(_joined_reads(early_tasks, extracted(), cached))
            if "-" in files:
                found["-"] = read_file("-", stdin_name, settings.budget, judged=judged)
            rest = [path for path in files if path not in found]
            tasks = _tasks(rest, engine.processes)
            found.update(_joined_reads(tasks, engine.map(reader, tasks, "extracting", worth=_worth(tasks)), cached))
    missing = early + rest
    for path in missing:
        read = found[path]
        digests[path] = read.digest
        if cache and read.row and path != "-":
            cache.store_row(path, read.row)
    stories.offer((document, features) for read in found.values()
                  for document, features in zip(read.documents, read.features))
    loaded = _assembled(plan, found, {path: digest for path, digest in digests.items() if digest and path != "-"})
    return replace(loaded, unknown=tuple(unknown))


def _plan(paths: Iterable[str], settings: Settings, unknown: list[str] | None = None) -> list[str | InputError]:
    """The files to read, each once, and the errors of finding them, in the order met; the
    files below folders in no article format that the globs would take go to ``unknown``."""
    plan: list[str | InputError] = []
    seen_files: set[str] = set()
    parents: dict[str, str] = {}
    paths = list(paths)
    for given in paths:
        from_folder = given != "-" and os.path.isdir(given)
        errors: list[InputError] = []
        skipped: list[str] = []
        wanted = settings.wants_file if from_folder else None
        for path in article_files([given], errors, skipped, wanted):
            # the files of one path are each met once already; two paths may name one file
            real = path if path == "-" or len(paths) == 1 else real_path(path, parents)
            if real in seen_files:
                continue
            seen_files.add(real)
            plan += errors
            errors.clear()
            plan.append(path)
        plan += errors
        if unknown is not None:
            unknown += [path for path in skipped if settings.wants_file(path)]
    return plan


def files_to_read(paths: Iterable[str], settings: Settings) -> tuple[list[str], list[InputError], list[str]]:
    """What a run would read (``--show-files``): the files, the errors of finding them, and the
    files below folders in no article format."""
    unknown: list[str] = []
    plan = _plan(paths, settings, unknown)
    return ([entry for entry in plan if isinstance(entry, str)],
            [entry for entry in plan if isinstance(entry, InputError)], unknown)


def _assembled(plan: list[str | InputError], found: Mapping[str, FileRead], digests: Mapping[str, str]) -> Loaded:
    """The files' documents in plan order, each id once, with their claims and file digests."""
    documents: list[Document] = []
    errors: list[InputError] = []
    warnings: list[InputError] = []
    claims: dict[str, DocumentClaims] = {}
    digest_of: dict[str, str] = {}
    files = file_ids(document for read in found.values() for document in read.documents)
    for entry in plan:
        if isinstance(entry, InputError):
            errors.append(entry)
            continue
        read = found[entry]
        errors.extend(read.errors)
        warnings.extend(read.warnings)
        for document, part in zip(read.documents, read.claims, strict=True):
            conflict = id_conflict(document, claims, files)
            if conflict:
                errors.append(InputError(entry, conflict))
                continue
            documents.append(document)
            claims[document.id] = part
            if entry in digests:
                digest_of[document.id] = digests[entry]
    return Loaded(Corpus(tuple(documents), tuple(errors), tuple(warnings)), claims, digest_of)


def _read_softly(path: str, stdin_name: str | None, errors: list[InputError]) -> tuple[Corpus, str | None]:
    """The file read as articles, and the digest of its bytes; an unexpected failure of the
    reader is that file's error."""
    try:
        corpus, digest = read_articles(path, stdin_name)
    except Exception as error:  # a bug in one reader must not stop the run
        errors.append(_crash_error(shown_name(path, stdin_name), error))
        return Corpus(()), None
    errors.extend(corpus.errors)
    return corpus, digest

