"""Extract: every figure of every document as a Claim with its context and provenance."""
from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator

from factcheck.context import ContextReader
from factcheck.model import Claim, Document, Reading
from factcheck.onecopy import OneCopy
from factcheck.provenance import LineIndex, view_of
from factcheck.quantities import Quantity, find_quantities


def extract_claims(documents: Iterable[Document]) -> list[Claim]:
    claims: list[Claim] = []
    for document in documents:
        claims.extend(claims_in(document))
    return claims


class _Figures:
    """(start, end, unit) of every figure of a text, as ``ContextReader`` reads them, held in
    arrays of machine integers: a tuple and two integer objects per figure would cost more than
    a dense table's text."""

    def __init__(self, quantities: list[Quantity]) -> None:
        self._starts = array("q", (quantity.start for quantity in quantities))
        self._ends = array("q", (quantity.end for quantity in quantities))
        self._units = [quantity.unit for quantity in quantities]

    def __len__(self) -> int:
        return len(self._units)

    def __getitem__(self, position: int) -> tuple[int, int, str]:
        return self._starts[position], self._ends[position], self._units[position]

    def __iter__(self) -> Iterator[tuple[int, int, str]]:
        return zip(self._starts, self._ends, self._units)


def _handed_over(quantities: list[Quantity]) -> Iterator[tuple[int, Quantity]]:
    """Each quantity with its position, let go of once handed over: its claim replaces it, and
    the two need not both be held for every figure of the document."""
    for position in range(len(quantities)):
        quantity = quantities[position]
        quantities[position] = None  # type: ignore[call-overload]
        yield position, quantity


def claims_in(document: Document) -> Iterator[Claim]:
    """The claims of one document, numbered in order of position (``<doc>#<n>``)."""
    view = view_of(document)
    if not view.text:
        return
    quantities = find_quantities(view.text)
    reader = ContextReader(view.text, document.date, _Figures(quantities))  # type: ignore[arg-type]
    lines = LineIndex.of(document)  # held by the claims' readings: their line and column
    shared = OneCopy()  # the claims of a document share their equal values and readings
    for position, quantity in _handed_over(quantities):
        context = reader.context(position)
        start = view.source_offset(quantity.start)
        end = view.source_offset(quantity.end, is_end=True)
        reading = Reading(
            doc=document.id,
            path=document.path,
            unit=shared(quantity.unit),
            counted=shared(context.counted),
            predicate=shared(context.predicate),
            attribution=shared(context.attribution),
            hedge=shared(quantity.hedge),
            places=shared(context.places),
            names=shared(context.names),
            time=shared(context.time),
            quoted=context.quoted,
            partial=context.partial,
            superseded=context.superseded,
            vague=quantity.vague,
            emphatic=quantity.emphatic,
            precision=shared(quantity.precision),
            date=document.date,
            source=document.source,
            event_words=shared(context.event_words),
            conversion=context.conversion,
            subjects=shared(context.subjects),
            breakdown=context.breakdown,
            lines=lines,
        )
        yield Claim(
            id=f"{document.id}#{position + 1}",
            start=start,
            end=end,
            surface=shared(document.text[start:end]),
            sentence=shared(context.sentence.text),
            value=shared(quantity.value),
            low=shared(quantity.low),
            high=shared(quantity.high),
            reading=shared.keyed(reading, (reading, str(reading.precision))),  # 0.0 and -0.0 print apart
        )
