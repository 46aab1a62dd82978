"""Ingest: read articles (plain text, Markdown, HTML, JSON Lines, stdin) into Documents.

Every Document keeps the decoded text of its file (universal newlines, a byte-order mark kept as
U+FEFF: exactly what ``open(path, encoding="utf-8").read()`` gives) and a list of Segments: the runs of that text that are article body. Offsets of
claims are offsets into ``Document.text``, so provenance survives page furniture and markup.
"""
from __future__ import annotations

import codecs
import hashlib
import json
import sys
from collections.abc import Container, Iterable
from pathlib import Path

import regex
import yaml

from factcheck import frontmatter, furniture, htmltext, metadata
from factcheck.discover import article_files
from factcheck.formats import JSON_LINES_SUFFIXES, TEXT_SUFFIXES
from factcheck.model import Corpus, Document, InputError, Segment, Segments

MAX_BYTES = 20 * 1024 * 1024
BOM = "\ufeff"
MAX_BAD_RECORDS_SHOWN = 5
LINE_BREAK = regex.compile(r"\r\n|\r|\n")
BLANK = regex.compile(r"[\s\ufeff\u200b-\u200d\u2060]*")  # white space, byte-order marks, zero-width characters
LONE_SURROGATE = regex.compile(r"[\ud800-\udfff]")


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
    errors: list[InputError] = []
    read = [(path, read_file(path, stdin_name)[0]) for path in article_files(paths, errors)]
    files = file_ids(document for _, corpus in read for document in corpus.documents)
    documents: list[Document] = []
    warnings: list[InputError] = []
    seen: set[str] = set()
    for path, corpus in read:
        errors.extend(corpus.errors)
        warnings.extend(corpus.warnings)
        for document in corpus.documents:
            conflict = id_conflict(document, seen, files)
            if conflict:
                errors.append(InputError(path, conflict))
            else:
                seen.add(document.id)
                documents.append(document)
    return Corpus(tuple(documents), tuple(errors), tuple(warnings))


def read_file(path: str, stdin_name: str | None = None) -> tuple[Corpus, str | None]:
    """One file's documents (or the error that keeps it, or some of its records, out), and the
    SHA-256 of the bytes they were parsed from: the file is read once, so what is cached under
    that digest is what those bytes hold even when the file changes meanwhile."""
    digest = None
    try:
        raw = _read_bytes(path)
        digest = hashlib.sha256(raw).hexdigest()
        return parse_bytes((stdin_name or "stdin.txt") if path == "-" else path, raw), digest
    except IngestError as error:
        return Corpus(error.documents, (InputError(shown_name(path, stdin_name), str(error)),)), digest


def shown_name(path: str, stdin_name: str | None = None) -> str:
    """The name a file goes by in documents and errors (``-`` is named by ``--stdin-filename``)."""
    return (stdin_name or "-") if path == "-" else path


def file_ids(documents: Iterable[Document]) -> frozenset[str]:
    """The ids of the articles that are whole files: their paths, which no record may take."""
    return frozenset(document.id for document in documents if not document.record)


def id_conflict(document: Document, seen: Container[str], files: frozenset[str]) -> str | None:
    """Why a document cannot keep its id (claim ids are built from it), or None. A record that
    takes another file's path is the one left out, whichever of the two is read first."""
    where = f"line {document.line_offset + 1}: record " if document.record else "document "
    if document.record and document.id in files:
        return f"{where}id {document.id!r} is the path of another input file; record left out (give it another id)"
    if document.id in seen:
        return f"{where}id {document.id!r} is already used by another article"
    return None


def parse_bytes(name: str, raw: bytes) -> Corpus:
    """The Documents in a file's bytes, and the warnings met (front matter read leniently)."""
    return parse(name, decode(raw))


def parse_text(name: str, text: str) -> list[Document]:
    """The Documents in decoded text, read in the format its name's suffix gives."""
    return list(parse(name, text).documents)


def parse(name: str, text: str) -> Corpus:
    """The Documents in decoded text, in the format ``name``'s suffix gives."""
    suffix = Path(name).suffix.lower()
    if suffix in JSON_LINES_SUFFIXES or suffix == ".json":
        return Corpus(tuple(read_json_lines(name, text)))
    if suffix in (".html", ".htm") or (suffix not in TEXT_SUFFIXES and _looks_like_html(text)):
        return Corpus((read_html(name, text),))
    if suffix in (".md", ".markdown"):
        document, warnings = read_markdown(name, text)
        return Corpus((document,), warnings=tuple(InputError(name, warning) for warning in warnings))
    return Corpus((read_plain(name, text),))


def _read_bytes(path: str) -> bytes:
    """A file's bytes (``-``: standard input), read once: they are hashed and parsed as read."""
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
    elif b"\x00" in raw:
        raise IngestError(f"binary file (a NUL byte at byte {raw.index(0)}), not text")
    else:
        text = _decoded(raw, "utf-8")
    if is_blank(text):
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


def is_blank(text: str) -> bool:
    """Nothing to read: only white space (non-breaking spaces too), byte-order marks and
    zero-width characters."""
    return BLANK.fullmatch(text) is not None


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


def read_markdown(path: str, text: str) -> tuple[Document, tuple[str, ...]]:
    """The article, and a warning when its front matter had to be read leniently."""
    front, body_start, warning = split_front_matter(text)
    found = metadata.from_text(text[body_start:])
    return Document(
        id=path, path=path, text=text, segments=tuple(line_segments(text, body_start)),
        title=_string(front.get("title")) or metadata.first_line(text[body_start:]),
        date=metadata.iso_date(front.get("date")) or found.date,
        source=_string(front.get("source")) or found.source,
        url=_string(front.get("url")),
    ), (warning,) if warning else ()


def split_front_matter(text: str) -> tuple[dict, int, str | None]:
    """The front matter of a Markdown file, the offset where its body starts, and a warning
    naming the line when YAML could not read it and its ``key: value`` lines were read instead."""
    opening = len(BOM) if text.startswith(BOM) else 0
    if not text.startswith("---\n", opening):
        return {}, 0, None
    close = text.find("\n---", opening + 3)
    if close < 0:
        return {}, 0, None
    block = text[opening + 4:close]
    body_start = text.find("\n", close + 1)
    body_start = len(text) if body_start < 0 else body_start + 1
    front, problem = _yaml_front_matter(block)
    if problem is None:
        return front, body_start, None
    line, reason = problem
    warning = f"line {line + 2}: front matter is not YAML ({reason}); read as plain key: value lines"
    return frontmatter.key_values(block), body_start, warning


def _yaml_front_matter(block: str) -> tuple[dict, tuple[int, str] | None]:
    """The front matter as YAML reads it, or the line (from 0) and reason it cannot."""
    try:
        front = metadata.front_matter_values(block) or {}
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return {}, (mark.line if mark else 0, error.problem or error.context or "malformed")
    except yaml.reader.ReaderError as error:
        return {}, (block.count("\n", 0, error.position), f"unacceptable character U+{error.character:04X}")
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:  # a date that does not exist
        return {}, (0, str(error) or type(error).__name__)
    if not isinstance(front, dict):
        return {}, (0, "not a mapping of keys to values")
    if _lone_surrogate_in(front) is not None:
        return {}, (0, "a lone surrogate escape, which is not Unicode text")
    return front, None


def read_html(path: str, text: str) -> Document:
    page = htmltext.article_text(text)
    lines = page.lines()
    kept = Segments(page.runs.segments(furniture.body_lines(lines)))
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
        if is_blank(line):
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
    record = _json_object(line)
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise IngestError('a record needs a "text" string')
    surrogate = _lone_surrogate_in(record)
    if surrogate is not None:
        raise IngestError(f"{surrogate!r} holds a lone surrogate escape (\\ud800 to \\udfff), which is not Unicode text")
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


def _lone_surrogate_in(values: dict) -> object | None:
    """The first key whose string value holds a lone surrogate (JSON and YAML can escape one,
    ``\\ud800``; it cannot be encoded, so no report or cache could hold it), or None."""
    return next((key for key, value in values.items() if isinstance(value, str) and LONE_SURROGATE.search(value)), None)


def _json_object(line: str) -> object:
    """One JSON Lines record; any way it cannot be read is an IngestError for that record."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as error:
        raise IngestError(f"malformed JSON ({error.msg})") from error
    except ValueError as error:  # an integer too long to convert
        raise IngestError(f"unreadable JSON ({str(error).split(';')[0]})") from error
    except RecursionError as error:
        raise IngestError("unreadable JSON (nested too deeply)") from error


def _string(value: object) -> str | None:
    return None if value is None else str(value).strip() or None
