"""A corpus's claims, document by document, made only when asked.

A warm run over an archive knows every document's claims from the cache, yet needs few of them
as records: those of the story components judged again and those the findings name. Decoding
all of them (JSON, then some 80,000 records at 10,000 articles) was a quarter of such a run, and
encoding them again into the JSON report another. So each document's claims are held as a
``DocumentClaims``: their ids at once, the records made from the cache's row when first asked,
and, when the cache kept them, their records as the JSON report writes them (``rendered``: the
cache's UTF-8 bytes as they are, which the report copies to its output undecoded).
``Claims`` is the corpus's sequence of them, in document order, and finds a claim by its id
(``document id#n``) decoding only that claim's document.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import accumulate, chain, groupby
from typing import Any, NamedTuple, Protocol

from factcheck.model import STORED_FIELDS, TUPLE_FIELDS, Claim, Document, stored_values
from factcheck.provenance import LineIndex


class Stated(NamedTuple):
    """What a claim's identity is made of (``baseline.claim_identities``), read without making
    the claim."""

    id: str
    doc: str
    path: str
    sentence: str
    surface: str


def doc_of(claim_id: str) -> str:
    """The id of a claim's document: a claim's id is its document's and its number (``doc#n``)."""
    return claim_id.rpartition("#")[0]


class ClaimSource(Protocol):
    """Where a document's claims are made from when asked (the cache's row of its file)."""

    def all(self) -> Sequence[Claim]: ...

    def one(self, index: int) -> Claim: ...

    def stated(self) -> list[Stated]: ...

    def stored(self) -> tuple[Sequence[Sequence[Any]], LineIndex | None]: ...


TUPLE_POSITIONS = tuple(position for position, name in enumerate(STORED_FIELDS) if name in TUPLE_FIELDS)
STATED_POSITIONS = tuple(STORED_FIELDS.index(name) for name in Stated._fields)


class StoredClaims:
    """A document's claims as their fields by position (``model.STORED_FIELDS``: the cache's
    rows; JSON may give lists where claims hold tuples), made into claims when asked. Its line
    index is made from its ``document`` when first needed, unless given."""

    __slots__ = ("rows", "_lines", "_document", "_made")

    def __init__(self, rows: Sequence[Sequence[Any]], lines: LineIndex | None = None, document: Document | None = None) -> None:
        self.rows, self._lines, self._document = rows, lines, document
        self._made: list[Claim] | None = None

    @classmethod
    def of(cls, claims: Sequence[Claim]) -> StoredClaims:
        """The fields of claims already made (of one document, which holds one line index)."""
        return cls([stored_values(claim) for claim in claims], claims[0].reading.lines if claims else None)

    @property
    def lines(self) -> LineIndex | None:
        if self._lines is None and self._document is not None:
            self._lines = LineIndex.of(self._document)
        return self._lines

    def all(self) -> list[Claim]:
        if self._made is None:
            self._made = [self._claim(row) for row in self.rows]
        return self._made

    def one(self, index: int) -> Claim:
        return self._made[index] if self._made is not None else self._claim(self.rows[index])

    def stated(self) -> list[Stated]:
        return [Stated(*(row[position] for position in STATED_POSITIONS)) for row in self.rows]

    def stored(self) -> tuple[Sequence[Sequence[Any]], LineIndex | None]:
        return self.rows, self.lines

    def _claim(self, row: Sequence[Any]) -> Claim:
        fields = list(row)
        for position in TUPLE_POSITIONS:
            fields[position] = tuple(fields[position])
        return Claim.of(*fields, lines=self.lines)


class DocumentClaims(Sequence[Claim]):
    """The claims of one document: ids known, claims made from ``source`` when first asked
    (all of them, or one found by its id: an archive's findings name a few of each of some
    850 documents, and making every claim of those was a tenth of a warm run); ``rendered``:
    their records in the JSON report, joined as the report joins them (text, or the UTF-8
    bytes of it the cache holds)."""

    __slots__ = ("doc", "path", "ids", "rendered", "_claims", "_source", "_by_id", "_some")

    def __init__(
        self, doc: str, path: str, ids: Sequence[str], claims: Sequence[Claim] | None = None,
        source: ClaimSource | None = None, rendered: str | bytes | None = None,
    ) -> None:
        if claims is None and source is None:
            raise ValueError(f"document {doc}: neither claims nor a way to decode them")
        self.doc, self.path, self.ids, self.rendered = doc, path, tuple(ids), rendered
        self._claims = None if claims is None else tuple(claims)
        self._source = source
        self._by_id: dict[str, Claim] | None = None
        self._some: dict[str, Claim] = {}  # claims made one by one, by id

    @classmethod
    def of(cls, doc: str, path: str, claims: Sequence[Claim], rendered: str | bytes | None = None) -> DocumentClaims:
        return cls(doc, path, [claim.id for claim in claims], claims, rendered=rendered)

    @property
    def claims(self) -> tuple[Claim, ...]:
        if self._claims is None:
            assert self._source is not None
            self._claims = tuple(self._source.all())
            self._source, self._some = None, {}
            if [claim.id for claim in self._claims] != list(self.ids):
                raise ValueError(f"document {self.doc}: its decoded claims are not the ones it lists")
        return self._claims

    def claim(self, claim_id: str) -> Claim:
        if self._claims is None:
            return self._one(claim_id)
        if self._by_id is None:
            self._by_id = {claim.id: claim for claim in self._claims}
        return self._by_id[claim_id]

    def _one(self, claim_id: str) -> Claim:
        """The claim of this id, made alone."""
        made = self._some.get(claim_id)
        if made is None:
            if claim_id not in self.ids:
                raise KeyError(claim_id)
            assert self._source is not None
            made = self._some[claim_id] = self._source.one(self.ids.index(claim_id))
            if made.id != claim_id:
                raise ValueError(f"document {self.doc}: its decoded claims are not the ones it lists")
        return made

    def stated(self) -> list[Stated]:
        """Each claim's ``Stated``, in order, whether the claims are made or not."""
        if self._claims is not None or self._source is None:
            return [Stated(claim.id, claim.doc, claim.path, claim.sentence, claim.surface) for claim in self.claims]
        found = self._source.stated()
        if [stated.id for stated in found] != list(self.ids):
            raise ValueError(f"document {self.doc}: its decoded claims are not the ones it lists")
        return found

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index: Any) -> Any:
        return self.claims[index]

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.claims)

    def unrendered(self) -> DocumentClaims:
        """These claims without their records in the JSON report (``rendered``), which are
        worked out again if asked for."""
        return DocumentClaims(self.doc, self.path, self.ids, self._claims, self._source)

    def __reduce__(self) -> tuple[Any, ...]:
        """Sent to another process (a component judged on a worker, a file's claims back from
        the worker that extracted it) as its claims' fields and its line index, the claims made
        over there when asked: lists of plain values pickle and load several times faster than
        claims, and claims the cache knows need not be made here first (making and pickling
        the claims of a cold run at 10,000 articles kept both judging workers waiting on
        this process, and judging on two cores took as long as on one)."""
        source = StoredClaims.of(self._claims) if self._claims is not None else self._source
        assert source is not None
        rows, lines = source.stored()
        return _sent, (self.doc, self.path, self.ids, rows, lines, self.rendered)


def _sent(doc: str, path: str, ids: Sequence[str], rows: Sequence[Sequence[Any]], lines: LineIndex | None,
          rendered: str | bytes | None) -> DocumentClaims:
    """A ``DocumentClaims`` received from another process (see ``DocumentClaims.__reduce__``)."""
    return DocumentClaims(doc, path, ids, source=StoredClaims(rows, lines), rendered=rendered)


class Claims(Sequence[Claim]):
    """Every claim of a corpus, document after document; ``by_id`` finds one by its id."""

    __slots__ = ("parts", "_ends", "_of_doc")

    def __init__(self, parts: Iterable[DocumentClaims]) -> None:
        self.parts = tuple(parts)
        self._ends = list(accumulate(len(part) for part in self.parts))
        self._of_doc = {part.doc: part for part in self.parts}

    @classmethod
    def of(cls, claims: Iterable[Claim]) -> Claims:
        """Claims given as records, each run of one document's claims a part."""
        return cls(DocumentClaims.of(doc, run[0].path, run)
                   for doc, run in ((doc, list(run)) for doc, run in groupby(claims, key=lambda c: c.doc)))

    def ids(self) -> Iterator[str]:
        """Every claim's id, in order, none decoded."""
        return chain.from_iterable(part.ids for part in self.parts)

    def path_of(self, claim_id: str) -> str:
        """The path of a claim's file, the claim not made."""
        return self._of_doc[doc_of(claim_id)].path

    @property
    def by_id(self) -> Mapping[str, Claim]:
        return _ById(self._of_doc)

    def __len__(self) -> int:
        return self._ends[-1] if self._ends else 0

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return list(self)[index]
        index = range(len(self))[index]
        part = bisect_right(self._ends, index)
        return self.parts[part].claims[index - (self._ends[part - 1] if part else 0)]

    def __iter__(self) -> Iterator[Claim]:
        return chain.from_iterable(self.parts)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Claims({len(self)} claims of {len(self.parts)} documents)"


class _ById(Mapping[str, Claim]):
    """Claims by id, each decoded with its document when first asked."""

    __slots__ = ("_of_doc",)

    def __init__(self, of_doc: Mapping[str, DocumentClaims]) -> None:
        self._of_doc = of_doc

    def __getitem__(self, claim_id: str) -> Claim:
        part = self._of_doc.get(doc_of(claim_id))
        if part is None:
            raise KeyError(claim_id)
        return part.claim(claim_id)

    def __iter__(self) -> Iterator[str]:
        return chain.from_iterable(part.ids for part in self._of_doc.values())

    def __len__(self) -> int:
        return sum(len(part) for part in self._of_doc.values())
