"""The compact records: HTML text runs held as Segments, claims sharing their readings, a
claim's line and column worked out from its offset. Each must read exactly as the plain
records it stands for."""
from __future__ import annotations


import pickle

from factcheck.cache import _decode, file_row
from factcheck.claimset import DocumentClaims, StoredClaims
from factcheck.extract import claims_in
from factcheck.ingest import parse_text
from factcheck.model import CLAIM_FIELDS, STORED_FIELDS, Segment, Segments, claim_values, stored_values
from factcheck.provenance import LineIndex

PAGE = "<html><body>\n<p>Nine &amp; 4 died.</p>\n<div>Twelve were <b>hurt</b>\nin Lyon. <div>12 killed.</div><div>12 killed.</div>"


def test_segments_read_as_the_tuple_they_hold():
    plain = (Segment(0, 3, "abc"), Segment(5, 6, "d", new_line=False), Segment(8, 8, ""), Segment(9, 11, "ef"))
    held = Segments(plain)
    assert tuple(held) == plain and held == plain and hash(held) == hash(plain)
    assert held[-1] == plain[-1] and len(held) == 4
    assert held.view == "abcd\n\nef"


def test_an_html_pages_claims_stand_where_its_text_says():
    document = parse_text("page.html", PAGE)[0]
    assert isinstance(document.segments, Segments)
    lines = PAGE.split("\n")
    for claim in claims_in(document):
        assert PAGE[claim.start:claim.end] == claim.surface
        assert lines[claim.line - 1][claim.column - 1:].startswith(claim.surface[:1])


def test_claims_of_equal_readings_share_one_and_differ_in_place():
    first, second = list(claims_in(parse_text("page.html", PAGE)[0]))[-2:]
    assert first.reading is second.reading and first.sentence is second.sentence
    assert (first.id, first.start) != (second.id, second.start)


def test_claims_read_back_from_the_cache_stand_where_they_stood():
    document = parse_text("a.jsonl", '{"id": "r1", "text": "x"}\n{"id": "r2", "text": "Five died.\\nThen 7 more."}\n')[1]
    fresh = list(claims_in(document))
    row = file_row("digest", [document], [DocumentClaims.of(document.id, document.path, fresh)])
    _, parts, _ = _decode(row.head, row.report, lambda: row.claims)
    cached = list(parts[0])
    assert cached == fresh
    assert [(claim.line, claim.column) for claim in cached] == [(2, 1), (2, 17)]
    assert LineIndex("a\nb", record_line=4).line_column(2) == (4, 3)


def test_a_claim_read_back_from_the_cache_is_made_alone_and_its_identitys_fields_without_it(monkeypatch):
    document = parse_text("a.md", "Five died. Then 7 more were hurt, and 9 were missing.\n")[0]
    fresh = list(claims_in(document))
    row = file_row("digest", [document], [DocumentClaims.of(document.id, document.path, fresh)])
    made: list[str] = []
    real = StoredClaims._claim
    monkeypatch.setattr(StoredClaims, "_claim", lambda source, row: made.append(row[0]) or real(source, row))
    part = _decode(row.head, row.report, lambda: row.claims)[1][0]
    assert part.stated() == [(c.id, c.doc, c.path, c.sentence, c.surface) for c in fresh] and made == []
    assert part.claim(fresh[1].id) == fresh[1] and made == [fresh[1].id]
    assert list(part) == fresh


def test_claims_sent_to_another_process_arrive_as_they_left_with_their_places():
    document = parse_text("a.md", "Title\n\nFive died. Then 7 more were hurt.\n")[0]
    fresh = list(claims_in(document))
    arrived = pickle.loads(pickle.dumps(DocumentClaims.of(document.id, document.path, fresh)))
    assert list(arrived) == fresh
    assert [(claim.line, claim.column) for claim in arrived] == [(claim.line, claim.column) for claim in fresh]


def test_claims_the_cache_knows_are_sent_as_their_fields_without_being_made(monkeypatch):
    document = parse_text("a.md", "Five died. Then 7 more were hurt, and 9 were missing.\n")[0]
    fresh = list(claims_in(document))
    row = file_row("digest", [document], [DocumentClaims.of(document.id, document.path, fresh)])
    part = _decode(row.head, row.report, lambda: row.claims)[1][0]
    made: list[str] = []
    real = StoredClaims._claim
    monkeypatch.setattr(StoredClaims, "_claim", lambda source, row: made.append(row[0]) or real(source, row))
    sent = pickle.dumps(part)
    assert made == []
    assert list(pickle.loads(sent)) == fresh


def test_a_claims_values_in_one_call_are_its_fields_one_by_one():
    """The cache's rows and the JSON report's records are got in one call each (``stored_values``,
    ``claim_values``): field for field what the claim's own attributes and properties give."""
    for claim in claims_in(parse_text("page.html", PAGE)[0]):
        assert stored_values(claim) == tuple(getattr(claim, name) for name in STORED_FIELDS)
        assert claim_values(claim) == tuple(getattr(claim, name) for name in CLAIM_FIELDS)
