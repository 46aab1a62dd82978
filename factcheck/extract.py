"""Extract: every figure of every document as a Claim with its context and provenance."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from factcheck.context import ContextReader
from factcheck.model import Claim, Document
from factcheck.provenance import LineIndex, line_column, view_of
from factcheck.quantities import Quantity, find_quantities

Shared = TypeVar("Shared", str, tuple[str, ...], None)


def extract_claims(documents: Iterable[Document]) -> list[Claim]:
    claims: list[Claim] = []
    for document in documents:
        claims.extend(claims_in(document))
    return claims


class _OneCopy:
    """One copy of each equal string or tuple of strings the claims of a document carry: its
    figures repeat the same nouns, units, places and event words, and a claim holding copies of
    its own would make a figure-dense article (a flattened table) cost many times its size."""

    def __init__(self) -> None:
        self._seen: dict[str | tuple[str, ...], str | tuple[str, ...]] = {}

    def __call__(self, value: Shared) -> Shared:
        return value if value is None else self._seen.setdefault(value, value)  # type: ignore[return-value]


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
    reader = ContextReader(view.text, document.date, [(q.start, q.end, q.unit) for q in quantities])
    lines = LineIndex(document.text)
    shared = _OneCopy()
    for position, quantity in _handed_over(quantities):
        context = reader.context(position)
        start = view.source_offset(quantity.start)
        end = view.source_offset(quantity.end, is_end=True)
        line, column = line_column(document, lines, start)
        yield Claim(
            id=f"{document.id}#{position + 1}",
            doc=document.id,
            path=document.path,
            start=start,
            end=end,
            line=line,
            column=column,
            surface=shared(document.text[start:end]),
            sentence=context.sentence.text,
            value=quantity.value,
            low=quantity.low,
            high=quantity.high,
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
            precision=quantity.precision,
            date=document.date,
            source=document.source,
            event_words=shared(context.event_words),
            conversion=context.conversion,
            subjects=shared(context.subjects),
        )
