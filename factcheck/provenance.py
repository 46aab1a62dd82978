"""Provenance: the readable view of a Document and the way back to its file.

Extraction reads ``View.text`` (the article body, one line per body line or HTML block); every
span found there maps back to offsets, a line and a column in the file as the user has it.
"""
from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass

from factcheck.model import Document, Segments


@dataclass(frozen=True)
class View:
    text: str
    segments: Segments

    def source_offset(self, offset: int, *, is_end: bool = False) -> int:
        """The offset in the document text of a view offset (an end offset when ``is_end``)."""
        probe = offset - 1 if is_end and offset > 0 else offset
        segments = self.segments
        index = max(bisect_right(segments.view_starts, probe) - 1, 0)
        start, length = segments.view_starts[index], segments.view_end(index) - segments.view_starts[index]
        text_start, text_end = segments.text_starts[index], segments.text_ends[index]
        inside = max(0, min(probe - start, length - 1 if length else 0))
        if length != text_end - text_start:
            return text_end if is_end else text_start
        return text_start + inside + (1 if is_end else 0)


def view_of(document: Document) -> View:
    """The document's segments as one text, a line break before each that starts a line."""
    segments = document.segments if isinstance(document.segments, Segments) else Segments(document.segments)
    return View(segments.view, segments)


class LineIndex:
    """Line and column (both from 1) of offsets into one document's text, as an editor counts
    them: a byte-order mark at the start takes no column. ``line_starts`` holds the offset
    where each line starts in the text itself (the first line at 0, before any byte-order
    mark), in an array of machine integers: claims keep their document's index, to give their
    line and column when asked. A JSON Lines record's offsets are all on the record's line
    (``record_line``), at the character of its ``text`` field (from 1), since escapes make a
    file column meaningless."""

    def __init__(self, text: str, record_line: int | None = None) -> None:
        self.record_line = record_line
        self.starts_with_bom = text.startswith("\ufeff")
        self.line_starts = array("q", [0])
        position = -1 if record_line is not None else text.find("\n")
        while position >= 0:
            self.line_starts.append(position + 1)
            position = text.find("\n", position + 1)

    @classmethod
    def of(cls, document: Document) -> LineIndex:
        return cls(document.text, document.line_offset + 1 if document.record else None)

    def line_column(self, offset: int) -> tuple[int, int]:
        if self.record_line is not None:
            return self.record_line, offset + 1
        line = bisect_right(self.line_starts, offset)
        bom_width = 1 if line == 1 and self.starts_with_bom and offset > 0 else 0
        return line, offset - self.line_starts[line - 1] - bom_width + 1
