"""The claim cache: what ingest and extraction made of each file, in one SQLite database.

A row is looked up by the file's path and the SHA-256 of the bytes its claims were parsed from,
and the whole database belongs to one *engine*: the tool version, a hash of the package's code,
lexicons and rules, and the versions of Python and of the libraries it reads text with. A
different engine, a database SQLite cannot read (truncated, overwritten) or a row whose
payload does not match its own checksum is never trusted: the cache is rebuilt (atomically) or
the file extracted again.

factcheck creates and deletes only files it can prove are its own: the cache folder is used
only when factcheck made it (it holds factcheck's ``CACHEDIR.TAG``, per the Cache Directory
Tagging specification) or it is empty, so ``--cache-dir .`` never writes a ``.gitignore`` into,
or replaces a ``claims.sqlite3`` of, a user's folder. A database that cannot be written (a
read-only file) is never deleted: it is read as it is, or left alone when stale.
"""
from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import os
import sqlite3
import sys
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, fields
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache as memoize, partial
from pathlib import Path
from typing import Any

import regex

from factcheck import __version__, atomic
from factcheck.claimset import DocumentClaims, Stated, StoredClaims
from factcheck.components import Judged
from factcheck.engine import paused_gc
from factcheck.provenance import LineIndex
from factcheck.report.json_report import rendered
from factcheck.story_index import StoryIndex
from factcheck.model import (STORED_FIELDS, Claim, Document, Finding, Group, InputError, Location, Segment,
                             stored_values)

DATABASE = "claims.sqlite3"
TAG = "CACHEDIR.TAG"
TAG_TEXT = ("Signature: 8a477f597d28d172789f06886806bc55\n"
            "# This folder is a cache of factcheck's claims; it may be deleted at any time.\n"
            "# For information about cache directory tags see https://bford.info/cachedir/\n")
IGNORE_TEXT = "# written by factcheck\n*\n"
MARKERS = {".gitignore": IGNORE_TEXT, TAG: TAG_TEXT}  # a cache folder ignores itself in git and is tagged
SCHEMA = 8  # 4: the stat index; 5: claims stored without line and column; 6: claims apart, and as reported;
# 7: the story index as bytes, a row's segments apart from its documents, its claims checked apart; 8: breakdown parts
SETTLE_NS = 2_000_000_000  # a file changed more recently than this is hashed on every run (see stat_key)
PACKAGE = Path(__file__).resolve().parent
LOOKUP_BATCH = 500  # files asked of SQLite in one query (its limit on parameters is far higher)
PAGE_SIZE = 16_384  # a row is some 17 KB at 10,000 articles: in 4 KB pages, reading them back took half again as long
DOCUMENT_FIELDS = tuple(field.name for field in fields(Document))
STORY_INDEX = "archive"  # the one row of the story_index table: the index of the last corpus
LEARNED = "answers"  # the one row of the learned table: pint's and lemminflect's answers (``learned``)


Known = tuple[list[Document], list[DocumentClaims], list[InputError]]  # a file's documents, claims, reading warnings


@dataclass(frozen=True)
class FileRow:
    """A file's row, encoded (a worker encodes the files it extracted): its documents and
    their claims' ids (``head``: JSON, then a NUL, each document's segments in JSON one
    document a line, a NUL and the documents' texts one after the other, as they are: JSON's
    escapes made reading the texts back most of decoding a document, and the segments are
    decoded only for the documents that need them), the claims' records in the JSON report,
    one document a line (``report``: JSON never holds a raw line break), and the claims by
    field, with a checksum of their own: a run reads them only for the documents whose claims
    it makes (some 850 of 10,000 after one change), not for every file it knows."""

    digest: str
    head: bytes
    report: bytes
    claims: bytes
    checksum: str  # of head and report
    claims_checksum: str


def file_row(digest: str, documents: Sequence[Document], parts: Sequence[DocumentClaims],
             warnings: Sequence[InputError] = ()) -> FileRow:
    """The row of a file's documents, their claims (one ``DocumentClaims`` each, in order)
    and its reading warnings."""
    head = _json_bytes({"documents": [_document_row(d) for d in documents], "ids": [list(part.ids) for part in parts],
                        "warnings": [[warning.path, warning.message] for warning in warnings]})
    head += b"\0" + b"\n".join(_json_bytes(_segment_rows(d)) for d in documents)
    head += b"\0" + "".join(document.text for document in documents).encode()
    report = b"\n".join(_utf8(part.rendered if part.rendered is not None else rendered(part)) for part in parts)
    claims = _json_bytes([stored_values(claim) for part in parts for claim in part])  # by position: faster to load
    return FileRow(digest, head, report, claims, _checksum(head, report), _checksum(claims))


def _utf8(text: str | bytes) -> bytes:
    return text if isinstance(text, bytes) else text.encode()


def stat_key(path: str, now_ns: int) -> str | None:
    """What the file system says of a file that changes whenever its bytes do: device, inode,
    size, modification and change times (the change time cannot be set back, as ``touch`` sets
    the modification time). None when the file cannot be stat'ed, or when it changed less than
    ``SETTLE_NS`` ago: two writes within one tick of the file system's clock can leave both
    times as they were (git's "racy" files), so a file is known by its times only once they
    are older than any write still to come."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    if max(status.st_mtime_ns, status.st_ctime_ns) > now_ns - SETTLE_NS:
        return None
    return f"{status.st_dev}:{status.st_ino}:{status.st_size}:{status.st_mtime_ns}:{status.st_ctime_ns}"


class CacheError(OSError):
    """A cache folder or database factcheck will not use; the message says why."""


class UnusableCache(CacheError):
    """factcheck's own cache database is stale or unreadable and cannot be replaced (a read-only
    folder): it serves nothing, so the run that meets it must say so in its exit code."""


@memoize
def engine_hash(rules_dir: str) -> str:
    """Tool version, every source, lexicon and rule file that shapes the claims, and the
    versions of Python and of the libraries that read the text (a new regex or YAML release
    can read the same bytes differently)."""
    digest = hashlib.sha256(f"factcheck {__version__} schema {SCHEMA}\n{library_versions()}".encode())
    files = sorted(PACKAGE.rglob("*.py")) + sorted(PACKAGE.rglob("*.toml")) + sorted(Path(rules_dir).glob("*.toml"))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def library_versions() -> str:
    """Python's version and that of every library factcheck requires, one a line."""
    try:
        required = importlib.metadata.requires("factcheck") or []
    except importlib.metadata.PackageNotFoundError:  # run from a source tree that is not installed
        required = []
    names = sorted({regex.match(r"[\w.-]+", line).group() for line in required if "extra ==" not in line})
    return "\n".join([sys.version, *(f"{name} {_version(name)}" for name in names)])


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "missing"


def file_digest(path: str) -> str | None:
    """The SHA-256 of the file's bytes; None when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


class ClaimCache:
    """Documents and claims per file, and the judgement of each story component (its matching
    and findings, keyed by ``components.Component.key``)."""

    def __init__(self, folder: Path, engine: str) -> None:
        self.folder = folder
        self.engine = engine
        self._pending: list[tuple[str, str, bytes, bytes, bytes, str, str]] = []
        self._pending_stats: list[tuple[str, str, str]] = []
        self._pending_components: list[tuple[str, str, str]] = []
        self._pending_stories: tuple[str, str, str] | None = None
        self._pending_index: tuple[str, bytes, str] | None = None
        self._pending_learned: tuple[str, str, str] | None = None
        claim_folder(folder)
        self.connection = self._open()

    @property
    def path(self) -> Path:
        return self.folder / DATABASE

    def _open(self) -> sqlite3.Connection:
        try:
            connection = _connect(self.path)
            if _engine_of(connection) == self.engine:
                return connection
            connection.close()
        except sqlite3.DatabaseError:
            pass
        self._rebuild()
        return _connect(self.path)

    def _rebuild(self) -> None:
        """Replace the database by an empty one of this engine, in one rename."""
        try:
            atomic.replace_with(self.path, partial(_create, engine=self.engine))
        except PermissionError as error:
            raise UnusableCache(f"{DATABASE} is stale or unreadable and cannot be replaced "
                                f"({error.strerror}); it is left as it is") from error

    def digests(self, paths: Sequence[str]) -> dict[str, str | None]:
        """The SHA-256 of each file's bytes (None: unreadable). A file whose ``stat_key`` is
        the one its digest was last recorded with is not read: its digest is the recorded one.
        Every other file is hashed, and its digest recorded under its key for the next run."""
        now = time.time_ns()
        keys = {path: stat_key(path, now) for path in paths}
        recorded: dict[str, tuple[str, str]] = {}
        for batch in _batches(list(paths)):
            rows = self._rows(f"SELECT path, stat, digest FROM stats WHERE path IN ({_marks(batch)})", batch)
            recorded.update((path, (stat, digest)) for path, stat, digest in rows)
        found: dict[str, str | None] = {}
        for path in paths:
            key = keys[path]
            if key is not None and path in recorded and recorded[path][0] == key:
                found[path] = recorded[path][1]
                continue
            found[path] = file_digest(path)
            if key is not None and found[path] is not None:
                self._pending_stats.append((path, key, found[path]))
        return found

    def _rows(self, query: str, parameters: Sequence[str]) -> list[tuple[Any, ...]]:
        """The rows a query finds; none from a database SQLite cannot read."""
        try:
            return self.connection.execute(query, parameters).fetchall()
        except sqlite3.DatabaseError:
            return []

    def held(self, digests: Mapping[str, str]) -> set[str]:
        """The files (path -> digest of its bytes) whose row holds these bytes, none decoded."""
        found: set[str] = set()
        for batch in _batches(list(digests)):
            rows = self._rows(f"SELECT path, digest FROM files WHERE path IN ({_marks(batch)})", batch)
            found.update(path for path, digest in rows if digest == digests[path])
        return found

    def load_many(self, digests: Mapping[str, str]) -> dict[str, Known]:
        """The documents, claims and reading warnings of every file (path -> digest of its bytes) the cache
        (safely) knows with these bytes, asked in batches and decoded with the garbage
        collector paused once for all of them. The claims are made when first asked
        (``DocumentClaims``); their records in the JSON report are at hand at once."""
        found: dict[str, Known] = {}
        with paused_gc():
            for batch in _batches(list(digests)):
                query = f"SELECT path, digest, head, report, checksum FROM files WHERE path IN ({_marks(batch)})"
                rows = [row for row in self._rows(query, batch)
                        if row[1] == digests[row[0]] and _checksum(row[2], row[3]) == row[4]]
                for (path, digest, head, report, _), data in zip(rows, _heads([row[2] for row in rows])):
                    with contextlib.suppress(ValueError, KeyError, TypeError):
                        found[path] = _decode(head, report, partial(self._stored_claims, path, digest), data)
        return found

    def _stored_claims(self, path: str, digest: str) -> bytes | None:
        """The claims of the file's row with these bytes, None unless they match their checksum;
        asked when a document's claims are first made, which may be after ``close`` (then on a
        read-only connection of its own)."""
        query = "SELECT claims, claims_checksum FROM files WHERE path = ? AND digest = ?"
        try:
            rows = self.connection.execute(query, (path, digest)).fetchall()
        except sqlite3.ProgrammingError:  # closed
            try:
                with contextlib.closing(sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)) as reader:
                    rows = reader.execute(query, (path, digest)).fetchall()
            except sqlite3.Error:
                rows = []
        except sqlite3.DatabaseError:
            rows = []
        return next((claims for claims, checksum in rows if _checksum(claims) == checksum), None)

    def store(
        self, path: str, digest: str, documents: list[Document], claims: list[Claim],
        warnings: Sequence[InputError] = (),
    ) -> None:
        """Keep a file's documents, claims and reading warnings under the digest of its bytes."""
        parts = [DocumentClaims.of(d.id, d.path, [claim for claim in claims if claim.doc == d.id]) for d in documents]
        self.store_row(path, file_row(digest, documents, parts, warnings))

    def store_row(self, path: str, row: FileRow) -> None:
        self._pending.append((path, row.digest, row.head, row.report, row.claims, row.checksum, row.claims_checksum))

    def load_components(self, keys: Sequence[str]) -> dict[str, Judged]:
        """The components judged before from exactly what their keys cover, asked in batches
        (an archive has thousands) and decoded with the garbage collector paused."""
        found: dict[str, Judged] = {}
        with paused_gc():
            for batch in _batches(list(keys)):
                query = f"SELECT key, payload, checksum FROM components WHERE key IN ({_marks(batch)})"
                for key, payload, checksum in self._rows(query, batch):
                    if (judged := _checked(payload, checksum, _decode_judged)) is not None:
                        found[key] = judged
        return found

    def store_component(self, key: str, judged: Judged) -> None:
        self._pending_components.append(_row(key, asdict(judged)))

    def load_stories(self, key: str) -> frozenset[frozenset[str]] | None:
        """The story links of the corpus ``key`` names (every document and its file digest)."""
        return self._keyed("stories", key, lambda payload: frozenset(frozenset(p) for p in json.loads(payload)))

    def store_stories(self, key: str, related: frozenset[frozenset[str]]) -> None:
        """Keep the story links of this corpus only: the next run's corpus is this one or another."""
        self._pending_stories = _row(key, sorted(sorted(pair) for pair in related))

    def load_story_index(self) -> StoryIndex | None:
        """The story index of the last corpus whose links were worked out (``story_index``)."""
        return self._keyed("story_index", STORY_INDEX, StoryIndex.from_bytes)

    def store_story_index(self, index: StoryIndex) -> None:
        payload = index.to_bytes()
        self._pending_index = (STORY_INDEX, payload, hashlib.sha256(payload).hexdigest())

    def load_learned(self) -> dict[str, dict[str, Any]]:
        """The libraries' answers earlier runs kept (``learned``), by kind."""
        return self._keyed("learned", LEARNED, json.loads) or {}

    def store_learned(self, answers: Mapping[str, Mapping[str, Any]]) -> None:
        """Keep these answers (the kept ones and this run's, by kind)."""
        self._pending_learned = _row(LEARNED, {kind: dict(sorted(found.items())) for kind, found in answers.items()})

    def _keyed(self, table: str, key: str, decode: Callable[[Any], Any]) -> Any:
        return self._trusted(f"SELECT payload, checksum FROM {table} WHERE key = ?", (key,), decode)

    def _trusted(self, query: str, parameters: tuple[str, ...], decode: Callable[[Any], Any]) -> Any:
        """The decoded payload of the row the query finds, or None: no row, a payload that does
        not match its checksum, or one that cannot be decoded."""
        try:
            row = self.connection.execute(query, parameters).fetchone()
        except sqlite3.DatabaseError:
            row = None
        if row is None:
            return None
        with paused_gc():
            return _checked(row[0], row[1], decode)

    def close(self) -> str | None:
        """Write what this run extracted. A database that cannot be written (read-only, locked,
        a full disk) keeps what it held, and the reason is returned; one SQLite finds corrupt
        is replaced by an empty one for the next run."""
        try:
            with self.connection:
                self.connection.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)", self._pending)
                self.connection.executemany("INSERT OR REPLACE INTO stats VALUES (?, ?, ?)", self._pending_stats)
                self.connection.executemany("INSERT OR REPLACE INTO components VALUES (?, ?, ?)",
                                            self._pending_components)
                if self._pending_stories:
                    self.connection.execute("DELETE FROM stories")
                    self.connection.execute("INSERT INTO stories VALUES (?, ?, ?)", self._pending_stories)
                if self._pending_index:
                    self.connection.execute("INSERT OR REPLACE INTO story_index VALUES (?, ?, ?)", self._pending_index)
                if self._pending_learned:
                    self.connection.execute("INSERT OR REPLACE INTO learned VALUES (?, ?, ?)", self._pending_learned)
        except sqlite3.OperationalError as error:
            return f"{self.folder}: {DATABASE} not updated ({error})"
        except sqlite3.DatabaseError as error:
            self.connection.close()
            return self._replace_corrupt(error)
        finally:
            self.connection.close()
        return None

    def _replace_corrupt(self, error: sqlite3.DatabaseError) -> str:
        try:
            self._rebuild()
        except OSError as failure:
            return f"{self.folder}: {DATABASE} is corrupt ({error}) and cannot be replaced ({failure})"
        return f"{self.folder}: {DATABASE} was corrupt ({error}); replaced by an empty cache"


def claim_folder(folder: Path) -> None:
    """Make ``folder`` a cache folder of factcheck's, tagged and ignored by git; an existing
    folder only when it is already one (or empty), else CacheError: nothing else is ever
    written into, or deleted from, a folder factcheck did not make."""
    if not os.path.lexists(folder):
        atomic.make_folder(folder, MARKERS)
    if not folder.is_dir():
        raise CacheError("is a file, not a folder")
    if not _is_own(folder):
        raise CacheError(f"not a factcheck cache folder (no factcheck {TAG} in it, and not empty); "
                         "nothing is written there: name a new or empty folder with --cache-dir")
    for name, text in MARKERS.items():
        if not (folder / name).is_file():
            with contextlib.suppress(PermissionError):  # a read-only cache is still read
                atomic.write_text(folder / name, text)


def _is_own(folder: Path) -> bool:
    """A folder factcheck made: its tag, or the .gitignore of factcheck before the tag."""
    return _holds(folder / TAG, TAG_TEXT) or _holds(folder / ".gitignore", IGNORE_TEXT) or not any(folder.iterdir())


def _holds(path: Path, text: str) -> bool:
    try:
        return path.read_text("utf-8") == text
    except (OSError, UnicodeDecodeError):
        return False


def _create(path: Path, engine: str) -> None:
    """An empty cache database of ``engine`` at ``path``."""
    connection = sqlite3.connect(path)
    try:
        connection.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # before the first table: then fixed
        with connection:
            connection.execute("CREATE TABLE meta (engine TEXT NOT NULL)")
            connection.execute("INSERT INTO meta VALUES (?)", (engine,))
            connection.execute(
                "CREATE TABLE files (path TEXT PRIMARY KEY, digest TEXT NOT NULL, head BLOB NOT NULL, "
                "report BLOB NOT NULL, claims BLOB NOT NULL, checksum TEXT NOT NULL, claims_checksum TEXT NOT NULL)"
            )
            connection.execute("CREATE TABLE stats (path TEXT PRIMARY KEY, stat TEXT NOT NULL, digest TEXT NOT NULL)")
            kinds = {"components": "TEXT", "stories": "TEXT", "story_index": "BLOB", "learned": "TEXT"}
            for table, kind in kinds.items():
                connection.execute(
                    f"CREATE TABLE {table} (key TEXT PRIMARY KEY, payload {kind} NOT NULL, checksum TEXT NOT NULL)"
                )
    finally:
        connection.close()


def _batches(keys: list[str]) -> Iterator[list[str]]:
    """The keys in batches of ``LOOKUP_BATCH``, one query each."""
    for start in range(0, len(keys), LOOKUP_BATCH):
        yield keys[start:start + LOOKUP_BATCH]


def _marks(batch: Sequence[str]) -> str:
    return ",".join("?" * len(batch))


def _checked(payload: str | bytes, checksum: str, decode: Callable[[Any], Any]) -> Any:
    """The decoded payload, or None when it does not match its checksum or cannot be decoded."""
    if hashlib.sha256(_utf8(payload)).hexdigest() != checksum:
        return None
    try:
        return decode(payload)
    except (ValueError, KeyError, TypeError):
        return None


def _json_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode()


def _checksum(*blobs: bytes) -> str:
    """One SHA-256 over the blobs, each preceded by its length."""
    digest = hashlib.sha256()
    for blob in blobs:
        digest.update(len(blob).to_bytes(8, "little"))
        digest.update(blob)
    return digest.hexdigest()


def _row(key: str, data: Any) -> tuple[str, str, str]:
    payload = json.dumps(data, ensure_ascii=False)
    return key, payload, hashlib.sha256(payload.encode()).hexdigest()


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=30)
    try:
        _check_size(connection, path)
    except sqlite3.DatabaseError:
        connection.close()
        raise
    return connection


def _check_size(connection: sqlite3.Connection, path: Path) -> None:
    """A database shorter than its header says was truncated: SQLite may not notice by itself."""
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    if os.path.getsize(path) < page_size * pages:
        raise sqlite3.DatabaseError(f"{path} is truncated")


def _engine_of(connection: sqlite3.Connection) -> str | None:
    row = connection.execute("SELECT engine FROM meta").fetchone()
    return row[0] if row else None


def _document_row(document: Document) -> dict[str, Any]:
    """A document's fields but its text and segments, and the length of its text."""
    row = {name: getattr(document, name) for name in DOCUMENT_FIELDS if name not in ("text", "segments")}
    row["length"] = len(document.text)
    return row


def _segment_rows(document: Document) -> list[list[Any]]:
    """A document's segments by position (a long article has hundreds), a segment's view left
    out (null) when it is its span of the text, as in plain text and Markdown: stored twice,
    the text was most of a row and of reading it back."""
    text = document.text
    return [[s.text_start, s.text_end, None if s.view == text[s.text_start:s.text_end] else s.view, s.new_line]
            for s in document.segments]


def _cut(text: str, lengths: list[int]) -> Iterator[str]:
    """The texts of these lengths, one after the other in ``text``."""
    at = 0
    for length in lengths:
        yield text[at:at + length]
        at += length


def _document(record: dict[str, Any], text: str, segments: bytes) -> Document:
    """A document from its row, its text and its segments' JSON."""
    record = dict(record)
    del record["length"]
    return Document(**record, text=text, segments=StoredSegments(text, segments))


class StoredSegments(Sequence[Segment]):
    """A document's segments as its row holds them (JSON), decoded and made into Segments when
    first read: a warm run reads the segments of the few documents whose story links it works
    out again, and making some 130,000 at 10,000 articles was a third of decoding the
    documents, decoding their JSON a tenth of the cache lookup."""

    __slots__ = ("_text", "_rows", "_made")

    def __init__(self, text: str, rows: bytes) -> None:
        self._text, self._rows = text, rows
        self._made: tuple[Segment, ...] | None = None

    @property
    def made(self) -> tuple[Segment, ...]:
        if self._made is None:
            self._made = tuple(Segment(start, end, self._text[start:end] if view is None else view, new_line)
                               for start, end, view, new_line in json.loads(self._rows))
            self._rows = b""
        return self._made

    def __len__(self) -> int:
        return len(self.made)

    def __getitem__(self, index: Any) -> Any:
        return self.made[index]

    def __iter__(self) -> Iterator[Segment]:
        return iter(self.made)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    def __hash__(self) -> int:
        return hash(self.made)  # as the tuple of the same Segments, which it equals

    def __reduce__(self) -> tuple[Any, ...]:
        return tuple, (self.made,)


def _lines_of(blob: bytes, count: int) -> list[bytes]:
    """The lines of a row's part that holds one line per document (most rows hold one
    document: its line is the part, not searched for line breaks)."""
    if count == 0:
        return []
    return [blob] if count == 1 else blob.split(b"\n")


def _heads(heads: Sequence[bytes]) -> Iterator[Any]:
    """The JSON of each row's head (``_decode``), parsed in one call for all of them (one call
    a row was most of the parsing); None for every row when one of them does not parse (then
    each row parses its own, and only the broken one fails)."""
    try:
        parsed = json.loads(b"[" + b",".join(head.partition(b"\0")[0] for head in heads) + b"]")
    except ValueError:
        parsed = None
    if not isinstance(parsed, list) or len(parsed) != len(heads):
        parsed = [None] * len(heads)
    return iter(parsed)


def _decode(head: bytes, report: bytes, claims: Callable[[], bytes | None], data: Any = None) -> Known:
    """A file's documents, its claims (read with ``claims`` and made when first asked) and its
    reading warnings; ``data``: its head's JSON, when already parsed."""
    head, _, rest = head.partition(b"\0")
    segments, _, texts = rest.partition(b"\0")
    data = json.loads(head) if data is None else data
    records = data["documents"]
    segment_rows = _lines_of(segments, len(records))
    documents = list(map(_document, records, _cut(texts.decode(), [r["length"] for r in records]), segment_rows))
    reports = _lines_of(report, len(documents))  # left undecoded: the report copies them
    if not len(records) == len(documents) == len(segment_rows) == len(reports) == len(data["ids"]):
        raise ValueError("a row's documents, claims and records do not line up")
    made = _LazyClaims(claims, documents)
    parts = [DocumentClaims(d.id, d.path, ids, source=made.source(d.id), rendered=text)
             for d, ids, text in zip(documents, data["ids"], reports)]
    return documents, parts, [InputError(*warning) for warning in data["warnings"]]


class _LazyClaims:
    """A file's claims, read from its row when a document's are first asked for, each
    document's then held as a ``StoredClaims`` (made into claims as asked: all of a
    document's, one of them, or only what their identities are made of). Claims the row no
    longer holds intact (damaged since, or replaced by another process's run) are extracted
    again from the documents, which their own checksum vouched for: the same engine makes
    the same claims of them."""

    def __init__(self, read: Callable[[], bytes | None], documents: list[Document]) -> None:
        self._read: Callable[[], bytes | None] | None = read
        self._documents = {document.id: document for document in documents}
        self._sources: dict[str, StoredClaims] = {}

    def source(self, doc: str) -> _DocumentSource:
        return _DocumentSource(self, doc)

    def of(self, doc: str) -> StoredClaims:
        if self._read is not None:
            self._load(self._read)
        return self._sources[doc]

    def _load(self, read: Callable[[], bytes | None]) -> None:
        self._read = None
        with paused_gc():  # a row's claims are thousands of small lists and no cycle: see paused_gc
            rows = _rows(read(), self._documents)
        if rows is None:
            self._sources = {doc: StoredClaims.of(claims) for doc, claims in _extracted(list(self._documents.values())).items()}
            return
        by_doc: dict[str, list[list[Any]]] = defaultdict(list)
        for row in rows:
            by_doc[row[1]].append(row)
        self._sources = {doc: StoredClaims(by_doc.get(doc, []), document=document) for doc, document in self._documents.items()}


class _DocumentSource:
    """One document's claims in its file's ``_LazyClaims`` (a ``claimset.ClaimSource``)."""

    __slots__ = ("_claims", "_doc")

    def __init__(self, claims: _LazyClaims, doc: str) -> None:
        self._claims, self._doc = claims, doc

    def all(self) -> list[Claim]:
        return self._claims.of(self._doc).all()

    def one(self, index: int) -> Claim:
        return self._claims.of(self._doc).one(index)

    def stated(self) -> list[Stated]:
        return self._claims.of(self._doc).stated()

    def stored(self) -> tuple[Sequence[Sequence[Any]], LineIndex | None]:
        return self._claims.of(self._doc).stored()


def _rows(payload: bytes | None, documents: Mapping[str, Document]) -> list[list[Any]] | None:
    """A row's claims by field; None when there are none to read, or they are not claims of
    its documents."""
    if payload is None:
        return None
    try:
        rows = json.loads(payload)
    except ValueError:
        return None
    fit = isinstance(rows, list) and all(
        isinstance(row, list) and len(row) == len(STORED_FIELDS) and row[1] in documents for row in rows)
    return rows if fit else None


def _extracted(documents: list[Document]) -> dict[str, list[Claim]]:
    """The documents' claims extracted again, by document."""
    from factcheck import extract  # only a damaged row pays for the extraction's imports

    return {document.id: list(extract.claims_in(document)) for document in documents}


def _decode_judged(payload: str) -> Judged:
    data = json.loads(payload)
    findings = tuple(
        Finding(**{**_tuples(record), "location": Location(**record["location"]) if record["location"] else None})
        for record in data["findings"]
    )
    groups = tuple(Group(**_tuples(record)) for record in data["groups"])
    return Judged(tuple(tuple(pair) for pair in data["pairs"]), groups, findings,
                  tuple(tuple(pair) for pair in data["best"]))


def _tuples(record: dict) -> dict:
    """JSON gives lists where the records hold tuples."""
    return {key: tuple(value) if isinstance(value, list) else value for key, value in record.items()}
