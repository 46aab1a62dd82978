"""Ingest: read articles (plain text, Markdown, HTML, JSON Lines, stdin) into Documents.

Every Document keeps the decoded text of its file (universal newlines, as Python's text mode
reads it) and a list of Segments: the runs of that text that are article body. Offsets of
claims are offsets into ``Document.text``, so provenance survives page furniture and markup.
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

from factcheck import furniture, htmltext, metadata
from factcheck.model import Corpus, Document, InputError, Segment

MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".jsonl", ".ndjson"}
HIDDEN_PREFIXES = (".", "_")


class IngestError(Exception):
    """A file that cannot be read as an article; the message names what is wrong."""


def read_corpus(paths: Iterable[str], stdin_name: str | None = None) -> Corpus:
    """Read every path (files, folders recursively, ``-`` for stdin) into one Corpus."""
    documents: list[Document] = []
    errors: list[InputError] = []
    for path in expand_paths(paths, errors):
        try:
            documents.extend(read_path(path, stdin_name))
        except IngestError as error:
            errors.append(InputError(stdin_name or path if path == "-" else path, str(error)))
    return Corpus(tuple(documents), tuple(errors))


def expand_paths(paths: Iterable[str], errors: list[InputError]) -> Iterator[str]:
    """Files named directly, and the article files below each folder, in sorted order."""
    for path in paths:
        if path == "-" or os.path.isfile(path):
            yield path
        elif os.path.isdir(path):
            yield from sorted(_files_below(Path(path)))
        else:
            errors.append(InputError(path, "no such file or folder"))


def _files_below(folder: Path) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(HIDDEN_PREFIXES))
        for name in files:
            if Path(name).suffix.lower() in TEXT_SUFFIXES and not name.startswith("."):
                yield str(Path(root) / name)


def read_path(path: str, stdin_name: str | None = None) -> list[Document]:
    """The Documents in one file (several for JSON Lines)."""
    raw = _read_bytes(path)
    name = (stdin_name or "stdin.txt") if path == "-" else path
    return parse_text(name, decode(raw))


def parse_text(name: str, text: str) -> list[Document]:
    """The Documents in decoded text, read in the format its name's suffix gives."""
    suffix = Path(name).suffix.lower()
    shown = name
    if suffix in (".jsonl", ".ndjson"):
        return list(read_json_lines(shown, text))
    if suffix in (".html", ".htm") or (suffix not in TEXT_SUFFIXES and _looks_like_html(text)):
        return [read_html(shown, text)]
    if suffix in (".md", ".markdown"):
        return [read_markdown(shown, text)]
    return [read_plain(shown, text)]


def _read_bytes(path: str) -> bytes:
    try:
        if path == "-":
            raw = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            with open(path, "rb") as handle:
                raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise IngestError(f"cannot read: {error.strerror or error}") from error
    if len(raw) > MAX_BYTES:
        raise IngestError(f"larger than {MAX_BYTES // (1024 * 1024)} MiB; split it into articles")
    if not raw.strip():
        raise IngestError("empty file")
    if b"\x00" in raw[:8192]:
        raise IngestError("binary file (NUL bytes), not text")
    return raw


def decode(raw: bytes) -> str:
    """UTF-8 text with universal newlines, as Python's text mode reads the file."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise IngestError(
            f"not UTF-8 text (byte {error.start}: {raw[error.start:error.start + 1]!r}); "
            "convert it with iconv"
        ) from error
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def line_segments(text: str, start: int = 0, end: int | None = None) -> list[Segment]:
    """The body lines of ``text[start:end]`` as Segments, page furniture dropped."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    position = start
    for line in text[start:end].split("\n"):
        spans.append((position, position + len(line)))
        position += len(line) + 1
    lines = [text[s:e] for s, e in spans]
    return [Segment(spans[i][0], spans[i][1], lines[i]) for i in furniture.body_lines(lines)]


def read_plain(path: str, text: str) -> Document:
    found = metadata.from_text(text)
    return Document(
        id=path, path=path, text=text, segments=tuple(line_segments(text)),
        title=metadata.first_line(text), date=found.date, source=found.source,
    )


def read_markdown(path: str, text: str) -> Document:
    front, body_start = split_front_matter(path, text)
    found = metadata.from_text(text[body_start:])
    return Document(
        id=path, path=path, text=text, segments=tuple(line_segments(text, body_start)),
        title=_string(front.get("title")) or metadata.first_line(text[body_start:]),
        date=metadata.iso_date(front.get("date")) or found.date,
        source=_string(front.get("source")) or found.source,
        url=_string(front.get("url")),
    )


def split_front_matter(path: str, text: str) -> tuple[dict, int]:
    """The YAML front matter of a Markdown file and the offset where its body starts."""
    if not text.startswith("---\n"):
        return {}, 0
    close = text.find("\n---", 3)
    if close < 0:
        return {}, 0
    try:
        front = yaml.safe_load(text[4:close]) or {}
    except yaml.YAMLError as error:
        raise IngestError(f"malformed front matter: {error}") from error
    if not isinstance(front, dict):
        raise IngestError("front matter is not a mapping of keys to values")
    body_start = text.find("\n", close + 1)
    return front, len(text) if body_start < 0 else body_start + 1


def read_html(path: str, text: str) -> Document:
    page = htmltext.article_text(text)
    lines = ["".join(segment.view for segment in block) for block in page.blocks]
    kept = tuple(segment for i in furniture.body_lines(lines) for segment in page.blocks[i])
    found = metadata.from_text("\n".join(lines))
    return Document(
        id=path, path=path, text=text, segments=kept,
        title=page.title, date=page.date or found.date,
        source=page.source or found.source, url=page.url,
    )


def read_json_lines(path: str, text: str) -> Iterator[Document]:
    """One Document per JSON Lines record; a malformed record is an error naming its line."""
    bad: list[str] = []
    seen: set[str] = set()
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            document = _json_record(path, line, number, seen)
        except IngestError as error:
            bad.append(f"line {number}: {error}")
            continue
        seen.add(document.id)
        yield document
    if bad:
        raise IngestError("; ".join(bad))


def _json_record(path: str, line: str, number: int, seen: set[str]) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise IngestError(f"malformed JSON ({error.msg})") from error
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise IngestError('a record needs a "text" string')
    doc_id = str(record.get("id") or f"{path}:{number}")
    if doc_id in seen:
        raise IngestError(f"duplicate id {doc_id!r}")
    body = record["text"].replace("\r\n", "\n")
    found = metadata.from_text(body)
    return Document(
        id=doc_id, path=path, text=body, segments=tuple(line_segments(body)),
        title=_string(record.get("title")), date=metadata.iso_date(record.get("date")) or found.date,
        source=_string(record.get("source")) or found.source, url=_string(record.get("url")),
        line_offset=number - 1,
    )


def _string(value: object) -> str | None:
    return None if value is None else str(value).strip() or None
