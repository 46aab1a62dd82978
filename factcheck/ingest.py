"""Ingest: read articles (plain text, Markdown, HTML, JSON Lines, stdin) into Documents.

Every Document keeps the decoded text of its file (universal newlines, a byte-order mark kept as
U+FEFF: exactly what ``open(path, encoding="utf-8").read()`` gives) and a list of Segments: the runs of that text that are article body. Offsets of
claims are offsets into ``Document.text``, so provenance survives page furniture and markup.
"""
from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import regex
import yaml

from factcheck import furniture, htmltext, metadata
from factcheck.discover import expand_paths
from factcheck.formats import JSON_LINES_SUFFIXES, TEXT_SUFFIXES
from factcheck.model import Corpus, Document, InputError, Segment

MAX_BYTES = 20 * 1024 * 1024
BOM = "\ufeff"
MAX_BAD_RECORDS_SHOWN = 5
LINE_BREAK = regex.compile(r"\r\n|\r|\n")


class IngestError(Exception):
    """A file that cannot be read as an article; the message names what is wrong.

    ``documents`` holds what could be read all the same (the good records of a JSON Lines file).
    """

    def __init__(self, message: str, documents: Iterable[Document] = ()) -> None:
        super().__init__(message)
        self.documents = tuple(documents)


def read_corpus(paths: Iterable[str], stdin_name: str | None = None) -> Corpus:
    """Read every path (files, folders recursively, ``-`` for stdin) into one Corpus.

    A file that cannot be read becomes an InputError naming it; the others are still read.
    """
    documents: list[Document] = []
    errors: list[InputError] = []
    for path in expand_paths(paths, errors):
        shown = (stdin_name or "-") if path == "-" else path
        try:
            found = read_path(path, stdin_name)
        except IngestError as error:
            found = list(error.documents)
            errors.append(InputError(shown, str(error)))
        documents.extend(_new_ids(found, {d.id for d in documents}, shown, errors))
    return Corpus(tuple(documents), tuple(errors))


def _new_ids(found: list[Document], seen: set[str], shown: str, errors: list[InputError]) -> Iterator[Document]:
    """The documents whose id is not taken yet: claim ids are built from document ids."""
    for document in found:
        if document.id in seen:
            errors.append(InputError(shown, f"document id {document.id!r} is already used by another article"))
        else:
            seen.add(document.id)
            yield document


def read_path(path: str, stdin_name: str | None = None) -> list[Document]:
    """The Documents in one file (several for JSON Lines)."""
    raw = _read_bytes(path)
    name = (stdin_name or "stdin.txt") if path == "-" else path
    return parse_text(name, decode(raw))


def parse_text(name: str, text: str) -> list[Document]:
    """The Documents in decoded text, read in the format its name's suffix gives."""
    suffix = Path(name).suffix.lower()
    shown = name
    if suffix in JSON_LINES_SUFFIXES or suffix == ".json":
        return read_json_lines(shown, text)
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
    return raw


def decode(raw: bytes) -> str:
    """The text of a file, as Python's text mode reads it: UTF-8 (a byte-order mark kept as
    U+FEFF, so offsets match ``open(path, encoding="utf-8")``), or UTF-16 when a byte-order mark
    says so; universal newlines."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decoded(raw, "utf-16")
    elif b"\x00" in raw[:8192]:
        raise IngestError("binary file (NUL bytes), not text")
    else:
        text = _decoded(raw, "utf-8")
    if not text.strip(" \t\n\r" + BOM):
        raise IngestError("empty file: no text to check")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decoded(raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise IngestError(
            f"not {encoding.upper()} text (line {line}, byte {error.start}: "
            f"{raw[error.start:error.start + 1]!r}); convert it, e.g. iconv -f CP1252 -t UTF-8"
        ) from error


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def line_segments(text: str, start: int = 0) -> list[Segment]:
    """The body lines of ``text[start:]`` as Segments, page furniture dropped. Any line break
    (``\\n``, ``\\r\\n``, ``\\r``) ends a line: JSON Lines text fields keep theirs."""
    start += text.startswith(BOM, start)
    spans: list[tuple[int, int]] = []
    position = start
    for line_break in LINE_BREAK.finditer(text, start):
        spans.append((position, line_break.start()))
        position = line_break.end()
    spans.append((position, len(text)))
    spans = [piece for span in spans for piece in _gallery_pieces(text, span)]
    lines = [text[s:e] for s, e in spans]
    return [Segment(spans[i][0], spans[i][1], lines[i]) for i in furniture.body_lines(lines)]


def _gallery_pieces(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """A line, or the captions of a gallery dumped on it, each then read as a line."""
    captions = furniture.gallery_captions(text[span[0]:span[1]])
    if captions is None:
        return [span]
    return [(span[0] + start, span[0] + end) for start, end in captions]


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
    opening = len(BOM) if text.startswith(BOM) else 0
    if not text.startswith("---\n", opening):
        return {}, 0
    close = text.find("\n---", opening + 3)
    if close < 0:
        return {}, 0
    try:
        front = metadata.front_matter_values(text[opening + 4:close]) or {}
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


def read_json_lines(path: str, text: str) -> list[Document]:
    """One Document per JSON Lines record. Malformed records are reported together, naming
    their lines, in an IngestError that still carries the good records."""
    documents: list[Document] = []
    bad: list[str] = []
    seen: set[str] = set()
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip(" \t" + BOM):
            continue
        try:
            document = _json_record(path, line.lstrip(BOM), number, seen)
        except IngestError as error:
            bad.append(f"line {number}: {error}")
            continue
        seen.add(document.id)
        documents.append(document)
    if bad:
        more = len(bad) - MAX_BAD_RECORDS_SHOWN
        shown = "; ".join(bad[:MAX_BAD_RECORDS_SHOWN]) + (f"; and {more} more" if more > 0 else "")
        raise IngestError(f"{len(bad)} unreadable JSON Lines record(s): {shown}", documents)
    return documents


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
    body = record["text"]
    found = metadata.from_text(body)
    return Document(
        id=doc_id, path=path, text=body, segments=tuple(line_segments(body)),
        title=_string(record.get("title")), date=metadata.iso_date(record.get("date")) or found.date,
        source=_string(record.get("source")) or found.source, url=_string(record.get("url")),
        line_offset=number - 1,
        record=True,
    )


def _string(value: object) -> str | None:
    return None if value is None else str(value).strip() or None
