"""The JSON contract: ``documents``, ``claims``, ``groups``, ``findings`` (and ``errors``).

Other tools read this (shared/tools/score_clusters.py among them): keep field names stable.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from itertools import chain, groupby, islice
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from factcheck import __version__
from factcheck.claimset import Claims, DocumentClaims
from factcheck.match import Explanation
from factcheck.model import CLAIM_FIELDS, Claim, Document, claim_values
from factcheck.report.common import where

if TYPE_CHECKING:
    from factcheck.pipeline import Extraction, Result



def document_record(document: Document) -> dict[str, Any]:
    return {"id": document.id, "path": document.path, "title": document.title, "date": document.date,
            "source": document.source, "url": document.url}


BATCH = 256  # records encoded in one call at most: a piece of the report stays small
PIECE = 16_384  # and a batch of claims holds about this many characters at most (see _claim_weight)


def claim_record(claim: Claim) -> dict[str, Any]:
    """A claim's fields (a shallow copy: ``asdict`` deep-copies every value); its tuples are
    JSON arrays as they are."""
    return dict(zip(CLAIM_FIELDS, claim_values(claim)))


def explanation_record(explanation: Explanation) -> dict[str, Any]:
    frame = explanation.frame
    return {"claim": explanation.claim,
            "frame": {"kind": frame.kind, "thing": frame.thing, "event": frame.event},
            "candidates": [asdict(candidate) for candidate in explanation.candidates]}


def render(result: Result | Extraction, claims_only: bool = False) -> str:
    """The whole report as one string (for a web response; the CLI streams ``chunks``)."""
    return "".join(piece if isinstance(piece, str) else piece.decode() for piece in chunks(result, claims_only))


def chunks(result: Result | Extraction, claims_only: bool = False) -> Iterator[str | bytes]:
    """The report in pieces, one record at a time: the bytes ``json.dumps`` gives the whole
    report, without ever holding it (a dense table's claims make a report far larger than its
    article). One line, no indent: json's C encoder only runs without one (several times
    faster), and the contract is for machines; pipe through ``python -m json.tool`` to read it.
    The claims' records the cache kept come as its UTF-8 bytes (``DocumentClaims.rendered``):
    decoded, and encoded again on the way out, they were a tenth of a warm run over an
    archive; the writer copies them (``cli.write_pieces``, ``atomic.write_text``)."""
    sections: list[tuple[str, Any]] = [
        ("tool", {"name": "factcheck", "version": __version__}),
        ("documents", map(document_record, result.documents)),
        ("claims", _claim_pieces(result.claims)),
        ("errors", ({"path": e.path, "message": e.message} for e in result.errors)),
    ]
    if not claims_only:
        sections += _judgement(result)
    for index, (key, value) in enumerate(sections):
        yield ("{" if index == 0 else ", ") + _encoded(key) + ": "
        if isinstance(value, dict):
            yield _encoded(value)
        elif key == "claims":
            yield from _joined(value)
        else:
            yield from _joined(_pieces(value))
    yield "}"


def rendered(claims: Sequence[Claim]) -> str:
    """The claims' records as the report writes them, without the brackets of the array (what
    the cache keeps of a document, so that a warm run copies it instead of encoding again)."""
    return ", ".join(_pieces(map(claim_record, claims), _claim_weight))


def _claim_pieces(claims: Sequence[Claim]) -> Iterator[str | bytes]:
    """The claims' records in pieces: a document's as the cache kept them when it did, the
    others encoded in batches."""
    parts: Iterable[DocumentClaims] = claims.parts if isinstance(claims, Claims) else [DocumentClaims.of("", "", claims)]
    for kept, run in groupby(parts, key=lambda part: part.rendered is not None):
        if kept:
            yield from (part.rendered for part in run if part.rendered)
        else:
            yield from _pieces(map(claim_record, chain.from_iterable(run)), _claim_weight)


def by_id(claims: Sequence[Claim]) -> Mapping[str, Claim]:
    """The claims by id; of a ``Claims``, only those asked for are made."""
    return claims.by_id if isinstance(claims, Claims) else {claim.id: claim for claim in claims}


def _judgement(result: Result) -> list[tuple[str, Any]]:
    """The sections after the claims: groups, findings, explanations and the summary."""
    claims = by_id(result.claims)
    findings = (
        {"rule": f.rule, "severity": f.severity, "title": f.title, "message": f.message,
         "claims": list(f.claims), "agreeing": list(f.agreeing), "group": f.group,
         "fingerprint": fingerprint, "location": asdict(where(f, claims))}
        for f, fingerprint in zip(result.findings, result.fingerprints, strict=True)
    )
    sections: list[tuple[str, Any]] = [
        ("groups", ({"id": g.id, "key": g.key, "claims": list(g.claims)} for g in result.matching.groups)),
        ("findings", findings),
    ]
    if result.explanations:
        sections.append(("explain", map(explanation_record, result.explanations)))
    sections.append(("summary", {"suppressed": result.suppressed, "baselined": result.baselined,
                                 "fail_on": result.fail_on, "failing": result.failing}))
    return sections


def _pieces(records: Iterable[Any], weight: Callable[[Any], int] | None = None) -> Iterator[str]:
    """The records encoded up to ``BATCH`` a piece, as ``json.dumps`` separates them inside an
    array: the encoder is called once per batch (once per record, its call cost is most of a
    claim's). With a ``weight``, a batch also ends once its records weigh ``PIECE``: a batch's
    records and its piece are held at once, and claims of long sentences would make both many
    times the input."""
    for batch in batched(records, BATCH, weight):
        yield _encoded(batch)[1:-1]


def _joined(pieces: Iterable[str | bytes]) -> Iterator[str | bytes]:
    """A JSON array of the pieces' records."""
    separator = "["
    for piece in pieces:
        if isinstance(piece, str):
            yield separator + piece
        else:
            yield separator
            yield piece
        separator = ", "
    yield "[]" if separator == "[" else "]"


def batched(records: Iterable[Any], size: int, weight: Callable[[Any], int] | None = None) -> Iterator[list[Any]]:
    """The records in lists of ``size`` (the last one shorter), a list ending early once the
    ``weight``s of its records reach ``PIECE``."""
    records = iter(records)
    if weight is None:
        while batch := list(islice(records, size)):
            yield batch
        return
    batch: list[Any] = []
    held = 0
    for record in records:
        batch.append(record)
        held += weight(record)
        if len(batch) == size or held >= PIECE:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


def _claim_weight(record: dict[str, Any]) -> int:
    """About the characters a claim's record holds, its dictionary and its encoding: a
    thousand, and its sentence's."""
    return 1_000 + len(record["sentence"])


_encoded = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode  # what json.dumps does, made once
