"""Suppression comments in articles: line, paragraph and file forms, and stale ones reported."""
from __future__ import annotations

import json

from factcheck.ingest import parse_text
from factcheck.pipeline import check_documents

from conftest import article

FRONT = '---\ndate: "2025-06-10"\n---\n'
OTHER = article("other.md", "Fourteen people were injured in the fire at Pellmouth harbour.", "2025-06-10")


def rules_fired(*texts: tuple[str, str]) -> list[str]:
    documents = [parse_text(name, text)[0] for name, text in texts]
    return [finding.rule for finding in check_documents([*documents, OTHER]).findings]


def test_conflict_without_suppression_is_reported():
    assert rules_fired(("a.md", FRONT + "Nine people were injured in the fire at Pellmouth harbour.\n")) == ["FC101"]


def test_comment_on_the_line_silences_that_line():
    text = FRONT + "Nine people were injured in the fire at Pellmouth harbour. <!-- factcheck: ignore FC101 early count -->\n"
    assert rules_fired(("a.md", text)) == []


def test_comment_above_a_paragraph_silences_the_paragraph():
    text = FRONT + "<!-- factcheck: ignore FC101 early count -->\nNine people were injured\nin the fire at Pellmouth harbour.\n"
    assert rules_fired(("a.md", text)) == []


def test_paragraph_comment_stops_at_the_blank_line():
    text = (FRONT + "<!-- factcheck: ignore FC101 early count -->\nThe harbour reopened.\n\n"
            "Nine people were injured in the fire at Pellmouth harbour.\n")
    assert sorted(rules_fired(("a.md", text))) == ["FC101", "FC107"]


def test_comment_above_an_html_paragraph_silences_that_paragraph_only():
    html = ("<html><head><title>Fire</title>"
            '<meta property="article:published_time" content="2025-06-10T10:00:00Z"></head><body><article>\n'
            "<!-- factcheck: ignore FC101 early count -->\n"
            "<p>Nine people were injured in the fire at Pellmouth harbour.</p>\n"
            "<p>The harbour reopened on Friday.</p>\n</article></body></html>\n")
    assert rules_fired(("a.html", html)) == []


def test_file_level_comment_silences_the_whole_article():
    text = FRONT + "<!-- factcheck: ignore-file FC101 wire copy kept as published -->\n\nNine people were injured in the fire at Pellmouth harbour.\n"
    assert rules_fired(("a.md", text)) == []


def test_comment_for_another_rule_does_not_silence_and_is_reported_unused():
    text = FRONT + "Nine people were injured in the fire at Pellmouth harbour. <!-- factcheck: ignore FC104 -->\n"
    assert sorted(rules_fired(("a.md", text))) == ["FC101", "FC107"]


def test_unused_suppression_names_the_comment_and_its_line():
    text = FRONT + "The harbour reopened.\n<!-- factcheck: ignore FC101 stale -->\nIt was sunny.\n"
    finding, = check_documents([parse_text("a.md", text)[0]]).findings
    assert finding.rule == "FC107" and finding.location.line == 5 and "FC101" in finding.message


def test_comment_naming_an_unknown_rule_is_reported():
    text = FRONT + "The harbour reopened. <!-- factcheck: ignore FC999 -->\n"
    finding, = check_documents([parse_text("a.md", text)[0]]).findings
    assert "unknown rule FC999" in finding.message


def test_comment_that_cannot_be_read_is_reported():
    text = FRONT + "The harbour reopened. <!-- factcheck: ignroe FC101 -->\n"
    finding, = check_documents([parse_text("a.md", text)[0]]).findings
    assert "unknown directive" in finding.message


def test_suppressed_claim_leaves_the_rest_of_a_finding():
    texts = [
        ("a.md", FRONT + "Nine people were injured in the fire at Pellmouth harbour. <!-- factcheck: ignore FC101 -->\n"),
        ("c.md", FRONT + "Twenty people were injured in the fire at Pellmouth harbour.\n"),
    ]
    result = check_documents([parse_text(n, t)[0] for n, t in texts] + [OTHER])
    surfaces = {c.id: c.surface for c in result.claims}
    assert [{surfaces[c] for c in f.claims} for f in result.findings] == [{"Twenty", "Fourteen"}]


def test_unused_suppression_in_json_lines_is_located_on_its_record_line():
    records = [{"id": "first", "text": "The harbour reopened."},
               {"id": "second", "text": "The harbour reopened.\n<!-- factcheck: ignore FC101 stale -->\nIt was sunny."}]
    feed = "".join(json.dumps(record) + "\n" for record in records)
    finding, = check_documents(parse_text("feed.jsonl", feed)).findings
    assert finding.rule == "FC107" and (finding.location.line, finding.location.column) == (2, 23)
