"""Extract: every figure of every document as a Claim with its context and provenance."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from factcheck.context import ContextReader
from factcheck.model import Claim, Document
from factcheck.provenance import LineIndex, line_column, view_of
from factcheck.quantities import find_quantities


def extract_claims(documents: Iterable[Document]) -> list[Claim]:
    claims: list[Claim] = []
    for document in documents:
        claims.extend(claims_in(document))
    return claims


def claims_in(document: Document) -> Iterator[Claim]:
    """The claims of one document, numbered in order of position (``<doc>#<n>``)."""
    view = view_of(document)
    if not view.text:
        return
    quantities = find_quantities(view.text)
    reader = ContextReader(view.text, document.date, [(q.start, q.end, q.unit) for q in quantities])
    lines = LineIndex(document.text)
    for number, quantity in enumerate(quantities, start=1):
        context = reader.context(number - 1)
        start = view.source_offset(quantity.start)
        end = view.source_offset(quantity.end, is_end=True)
        line, column = line_column(document, lines, start)
        yield Claim(
            id=f"{document.id}#{number}",
            doc=document.id,
            path=document.path,
            start=start,
            end=end,
            line=line,
            column=column,
            surface=document.text[start:end],
            sentence=context.sentence.text,
            value=quantity.value,
            low=quantity.low,
            high=quantity.high,
            unit=quantity.unit,
            counted=context.counted,
            predicate=context.predicate,
            attribution=context.attribution,
            hedge=quantity.hedge,
            places=context.places,
            names=context.names,
            time=context.time,
            quoted=context.quoted,
            partial=context.partial,
            superseded=context.superseded,
            vague=quantity.vague,
            emphatic=quantity.emphatic,
            precision=quantity.precision,
            date=document.date,
            source=document.source,
            event_words=context.event_words,
            conversion=context.conversion,
        )

