"""The claim cache: what ingest and extraction made of each file, in one SQLite database.

A row is looked up by the file's path and the SHA-256 of its bytes, and the whole database
belongs to one *engine*: the tool version and a hash of the package's code, lexicons and rules.
A different engine, a database SQLite cannot read (truncated, overwritten) or a row whose
payload does not match its own checksum is never trusted: the cache is rebuilt or the file
extracted again. The cache folder holds only files factcheck writes, and a ``.gitignore``.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import asdict, fields
from collections.abc import Callable
from functools import cache as memoize
from pathlib import Path
from typing import Any

from factcheck import __version__
from factcheck.components import Judged
from factcheck.model import Claim, Document, Finding, Group, Location, Segment

DATABASE = "claims.sqlite3"
SCHEMA = 2
PACKAGE = Path(__file__).resolve().parent
CLAIM_FIELDS = tuple(field.name for field in fields(Claim))
DOCUMENT_FIELDS = tuple(field.name for field in fields(Document))


@memoize
def engine_hash(rules_dir: str) -> str:
    """Tool version, and every source, lexicon and rule file that shapes the claims."""
    digest = hashlib.sha256(f"factcheck {__version__} schema {SCHEMA}".encode())
    files = sorted(PACKAGE.rglob("*.py")) + sorted(PACKAGE.rglob("*.toml")) + sorted(Path(rules_dir).glob("*.toml"))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def file_digest(path: str) -> str | None:
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
        self._pending: list[tuple[str, str, str, str]] = []
        self._pending_components: list[tuple[str, str, str]] = []
        self._pending_stories: tuple[str, str, str] | None = None
        folder.mkdir(parents=True, exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# written by factcheck\n*\n", "utf-8")
        self.connection = self._open()

    def _open(self) -> sqlite3.Connection:
        path = self.folder / DATABASE
        try:
            connection = _connect(path)
            if _engine_of(connection) == self.engine:
                return connection
            connection.close()
        except sqlite3.DatabaseError:
            pass
        path.unlink(missing_ok=True)
        connection = _connect(path)
        with connection:
            connection.execute("CREATE TABLE meta (engine TEXT NOT NULL)")
            connection.execute("INSERT INTO meta VALUES (?)", (self.engine,))
            connection.execute(
                "CREATE TABLE files (path TEXT PRIMARY KEY, digest TEXT NOT NULL, "
                "payload TEXT NOT NULL, checksum TEXT NOT NULL)"
            )
            for table in ("components", "stories"):
                connection.execute(
                    f"CREATE TABLE {table} (key TEXT PRIMARY KEY, payload TEXT NOT NULL, checksum TEXT NOT NULL)"
                )
        return connection

    def load(self, path: str, digest: str) -> tuple[list[Document], list[Claim]] | None:
        """The documents and claims of a file with these bytes, or None when not (safely) known."""
        return self._trusted("SELECT payload, checksum FROM files WHERE path = ? AND digest = ?", (path, digest), _decode)

    def store(self, path: str, digest: str, documents: list[Document], claims: list[Claim]) -> None:
        rows = [[getattr(claim, name) for name in CLAIM_FIELDS] for claim in claims]  # by position: faster to load
        self._pending.append((path, *_row(digest, {"documents": [_document_row(d) for d in documents], "claims": rows})))

    def load_component(self, key: str) -> Judged | None:
        """A component judged before from exactly what ``key`` covers, or None."""
        return self._keyed("components", key, _decode_judged)

    def store_component(self, key: str, judged: Judged) -> None:
        self._pending_components.append(_row(key, asdict(judged)))

    def load_stories(self, key: str) -> frozenset[frozenset[str]] | None:
        """The story links of the corpus ``key`` names (every document and its file digest)."""
        return self._keyed("stories", key, lambda payload: frozenset(frozenset(p) for p in json.loads(payload)))

    def store_stories(self, key: str, related: frozenset[frozenset[str]]) -> None:
        """Keep the story links of this corpus only: the next run's corpus is this one or another."""
        self._pending_stories = _row(key, sorted(sorted(pair) for pair in related))

    def _keyed(self, table: str, key: str, decode: Callable[[str], Any]) -> Any:
        return self._trusted(f"SELECT payload, checksum FROM {table} WHERE key = ?", (key,), decode)

    def _trusted(self, query: str, parameters: tuple[str, ...], decode: Callable[[str], Any]) -> Any:
        """The decoded payload of the row the query finds, or None: no row, a payload that does
        not match its checksum, or one that cannot be decoded."""
        try:
            row = self.connection.execute(query, parameters).fetchone()
        except sqlite3.DatabaseError:
            row = None
        if row is None or hashlib.sha256(row[0].encode()).hexdigest() != row[1]:
            return None
        try:
            return decode(row[0])
        except (ValueError, KeyError, TypeError):
            return None

    def close(self) -> None:
        """Write what this run extracted; a cache that cannot be written is left to the next run."""
        try:
            with self.connection:
                self.connection.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", self._pending)
                self.connection.executemany("INSERT OR REPLACE INTO components VALUES (?, ?, ?)",
                                            self._pending_components)
                if self._pending_stories:
                    self.connection.execute("DELETE FROM stories")
                    self.connection.execute("INSERT INTO stories VALUES (?, ?, ?)", self._pending_stories)
        except sqlite3.DatabaseError:
            (self.folder / DATABASE).unlink(missing_ok=True)
        finally:
            self.connection.close()


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
    """A document's fields, its segments by position (a long article has hundreds)."""
    row = {name: getattr(document, name) for name in DOCUMENT_FIELDS}
    row["segments"] = [[s.text_start, s.text_end, s.view, s.new_line] for s in document.segments]
    return row


def _decode(payload: str) -> tuple[list[Document], list[Claim]]:
    data = json.loads(payload)
    documents = [
        Document(**{**record, "segments": tuple(Segment(*segment) for segment in record["segments"])})
        for record in data["documents"]
    ]
    return documents, [Claim(*(tuple(v) if isinstance(v, list) else v for v in row)) for row in data["claims"]]


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
