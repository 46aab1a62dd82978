"""The small frozen records that flow down the pipeline: documents, claims, groups, findings."""
from __future__ import annotations

import io
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, Protocol


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of readable text and the span of the original text it came from.

    When ``len(view) == text_end - text_start`` characters map one to one; otherwise (an HTML
    entity, say) every character of the view maps to the whole original span.
    """

    text_start: int
    text_end: int
    view: str
    new_line: bool = True  # the segment starts a new line of the view (else it continues one)


class Segments(Sequence[Segment]):
    """Segments held as one view text, laid out as ``provenance.View`` reads it (a line break
    before each segment that starts a line), and arrays of offsets: dense markup makes an HTML
    page one text run per tag, and a Segment object and a string per run would cost many times
    the page. Indexing and iterating give Segments, made when asked."""

    __slots__ = ("view", "view_starts", "text_starts", "text_ends", "new_lines")

    def __init__(self, segments: Iterable[Segment] = ()) -> None:
        view = io.StringIO()
        length = 0
        self.view_starts, self.text_starts, self.text_ends = array("q"), array("q"), array("q")
        new_lines = bytearray()
        for segment in segments:
            if new_lines and segment.new_line:
                length += view.write("\n")
            self.view_starts.append(length)
            length += view.write(segment.view)
            self.text_starts.append(segment.text_start)
            self.text_ends.append(segment.text_end)
            new_lines.append(segment.new_line)
        self.view = view.getvalue()
        self.new_lines = bytes(new_lines)

    def view_end(self, index: int) -> int:
        """Where segment ``index`` ends in ``view``: before the line break of the next one."""
        if index + 1 == len(self.new_lines):
            return len(self.view)
        return self.view_starts[index + 1] - self.new_lines[index + 1]

    def __len__(self) -> int:
        return len(self.new_lines)

    def __getitem__(self, index: int) -> Segment:  # type: ignore[override]
        index = range(len(self))[index]
        return Segment(self.text_starts[index], self.text_ends[index],
                       self.view[self.view_starts[index]:self.view_end(index)], bool(self.new_lines[index]))

    def __iter__(self) -> Iterator[Segment]:
        return map(self.__getitem__, range(len(self)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    def __hash__(self) -> int:
        return hash(tuple(self))  # as the tuple of the same Segments, which it equals

    def __repr__(self) -> str:
        return f"Segments({list(self)!r})"


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from its file: the decoded text and the parts that are its body."""

    id: str
    path: str
    text: str
    segments: Sequence[Segment]  # a tuple, or Segments (an HTML page's text runs)
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    source: str | None = None
    url: str | None = None
    line_offset: int = 0  # for JSON Lines: the record's line in the file, minus one
    record: bool = False  # a JSON Lines record: a claim's line is the record's line


@dataclass(frozen=True, slots=True)
class Reading:
    """What a figure says and of what, apart from where it stands and its number: its unit,
    context and article. Claims that read the same share one (the rows of a table, a page of
    one sentence repeated): a record of every field per claim would make a figure-dense
    article cost many times its size."""

    doc: str
    path: str
    unit: str
    counted: str | None = None
    predicate: str | None = None
    attribution: str | None = None
    hedge: str | None = None
    places: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # capitalised names in the sentence: who and what it is about
    time: str | None = None  # ISO date the sentence pins the figure to, when it does
    quoted: bool = False
    partial: bool = False  # a part of a larger whole ("four of the victims", "of whom four")
    superseded: bool = False  # set aside by the text itself ("revised from eight to six": eight)
    vague: bool = False  # "tens of thousands", "dozens"
    emphatic: bool = False  # "thousands of": said for emphasis, never compared
    precision: float = 0.0  # half the unit of the last stated digit, for rounding
    date: str | None = None  # the document's publication date
    source: str | None = None  # the document's outlet
    event_words: tuple[str, ...] = ()  # words near the figure that may say what happened, nearest first
    conversion: bool = False  # restates the figure before it in another currency ("2m euros (£1.7m)")
    subjects: tuple[str, ...] = ()  # names of the figure's own clause, less its source: whom it is about
    breakdown: bool = False  # one part of a breakdown ("21 passengers and two crew"): a count of its own noun
    lines: Positions | None = field(default=None, compare=False, repr=False)  # the article's, for line and column


def _unplaced(claim_id: str) -> ValueError:
    return ValueError(f"claim {claim_id}: its reading has no lines to place it by")


class Positions(Protocol):
    """Line and column (from 1) of an offset in an article's file (``provenance.LineIndex``)."""

    def line_column(self, offset: int) -> tuple[int, int]: ...


@dataclass(frozen=True, slots=True)
class Claim:
    """One figure stated in an article, with its context and where it stands. The fields of
    its ``reading`` are read as its own (``claim.unit``), and its line and column are worked
    out from its offset when asked; ``CLAIM_FIELDS`` are all of them, in the order of the JSON
    contract."""

    id: str
    start: int
    end: int
    surface: str
    sentence: str
    value: float
    low: float | None
    high: float | None
    reading: Reading

    @property
    def line(self) -> int:
        return self.position[0]

    @property
    def column(self) -> int:
        return self.position[1]

    @property
    def position(self) -> tuple[int, int]:
        """The claim's line and column (from 1) in its article's file."""
        if self.reading.lines is None:
            raise _unplaced(self.id)
        return self.reading.lines.line_column(self.start)

    @classmethod
    def of(cls, id: str, doc: str, path: str, start: int, end: int, surface: str, sentence: str, value: float,
           low: float | None, high: float | None, unit: str, *context: Any, **named: Any) -> Claim:
        """A claim from its fields in the order of ``STORED_FIELDS`` (the cache's rows, tests),
        ``lines`` among the named ones."""
        return cls(id, start, end, surface, sentence, value, low, high, Reading(doc, path, unit, *context, **named))


READING_FIELDS = tuple(field.name for field in fields(Reading) if field.compare)
for _name in READING_FIELDS:
    setattr(Claim, _name, property(attrgetter(f"reading.{_name}"), doc=f"The claim's reading's {_name}."))
STORED_FIELDS = ("id", "doc", "path", "start", "end", "surface", "sentence", "value", "low", "high", *READING_FIELDS[2:])
CLAIM_FIELDS = (*STORED_FIELDS[:5], "line", "column", *STORED_FIELDS[5:])  # the JSON contract's order
TUPLE_FIELDS = frozenset(field.name for field in fields(Reading) if str(field.type).startswith("tuple"))
# a claim's fields in the order of STORED_FIELDS, as one tuple (the cache's rows): one call, in C
stored_values = attrgetter(*(f"reading.{name}" if name in READING_FIELDS else name for name in STORED_FIELDS))
_own_values = attrgetter("id", "start", "end", "surface", "sentence", "value", "low", "high", "reading")
_reading_values = attrgetter(*READING_FIELDS[2:])


def claim_values(claim: Claim) -> tuple[Any, ...]:
    """A claim's fields in the order of ``CLAIM_FIELDS`` (the JSON report's records), as one
    tuple: its own and its reading's each got in one call, and its line and column worked out
    once (the properties would cost a call a field, and two for the place)."""
    id, start, end, surface, sentence, value, low, high, reading = _own_values(claim)
    lines = reading.lines
    if lines is None:
        raise _unplaced(id)
    return (id, reading.doc, reading.path, start, end, *lines.line_column(start), surface, sentence, value, low, high,
            *_reading_values(reading))


@dataclass(frozen=True, slots=True)
class Group:
    """Claims that state the same fact: same thing counted, predicate, event and unit kind."""

    id: str
    key: str
    claims: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a file, for a finding that is about no claim (an unused suppression)."""

    path: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Finding:
    """A primary claim and the claims that disagree with it, as a rule judged them."""

    rule: str
    severity: str
    title: str
    message: str
    claims: tuple[str, ...]  # first the primary claim, then those that disagree with it
    agreeing: tuple[str, ...] = ()
    group: str | None = None
    location: Location | None = None  # only for findings without claims


@dataclass(frozen=True, slots=True)
class InputError:
    """A file that could not be read (or, as a warning, was read leniently), and why."""

    path: str
    message: str


@dataclass(frozen=True, slots=True)
class Corpus:
    """Everything ingest produced: the documents, the errors met on the way, and warnings
    about what was read all the same (front matter YAML could not read)."""

    documents: tuple[Document, ...]
    errors: tuple[InputError, ...] = field(default=())
    warnings: tuple[InputError, ...] = field(default=())
