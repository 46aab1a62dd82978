"""Pre-publication: a draft checked against reference copy, from a file or from stdin."""
from __future__ import annotations

import io
import json
import sys

import pytest

from helpers_cli import INJURED, conflicting_corpus, run, write_article


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    conflicting_corpus(tmp_path)
    write_article(tmp_path, "draft.md", INJURED.format(count="Thirty"), source="Our Paper")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def report(capsys, expected_code: int, *arguments: str) -> dict:
    code, out, err = run(capsys, "check", *arguments, "--against", "corpus", "--format", "json",
                         "--cache-dir", "cache", "--isolated")
    assert code == expected_code, err
    return json.loads(out)


def test_draft_conflicts_are_reported_with_the_draft_first(newsroom, capsys):
    found = report(capsys, 1, "draft.md")
    assert [f["claims"] for f in found["findings"]] == [["draft.md#1", "corpus/gazette.md#1", "corpus/wire.md#1"]]


def test_conflicts_inside_the_reference_copy_are_not_reported(newsroom, capsys):
    write_article(newsroom, "draft.md", "The harbour reopened on Friday.")
    found = report(capsys, 0, "draft.md")
    assert found["findings"] == []


def test_reference_claims_carry_their_article_line_and_source(newsroom, capsys):
    found = report(capsys, 1, "draft.md")
    claims = {claim["id"]: claim for claim in found["claims"]}
    gazette = claims[found["findings"][0]["claims"][1]]
    assert (gazette["path"], gazette["line"], gazette["source"]) == ("corpus/gazette.md", 5, "Harbour Gazette")


def test_draft_is_read_from_stdin_under_its_given_name(newsroom, capsys, monkeypatch):
    text = '---\ndate: "2025-06-10"\n---\n' + INJURED.format(count="Thirty") + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    found = report(capsys, 1, "-", "--stdin-filename", "drafts/harbour.md")
    assert found["findings"][0]["claims"][0] == "drafts/harbour.md#1"


def test_draft_inside_its_reference_folder_is_not_compared_with_itself(newsroom, capsys):
    write_article(newsroom / "corpus", "draft.md", INJURED.format(count="Thirty"))
    found = report(capsys, 1, "corpus/draft.md")
    assert len(found["documents"]) == 3
    assert [f["claims"][0] for f in found["findings"]] == ["corpus/draft.md#1"]


@pytest.mark.parametrize("spelling", ["./corpus/draft.md", "absolute"])
def test_draft_inside_its_reference_folder_is_not_compared_with_itself_however_its_path_is_spelled(
    newsroom, capsys, spelling
):
    write_article(newsroom / "corpus", "draft.md", INJURED.format(count="Thirty"))
    draft = str(newsroom / "corpus" / "draft.md") if spelling == "absolute" else spelling
    found = report(capsys, 1, draft)
    assert len(found["documents"]) == 3  # the draft, the wire and the gazette: not the draft again
    assert [f["claims"] for f in found["findings"]] == [[f"{draft}#1", "corpus/gazette.md#1", "corpus/wire.md#1"]]


def test_text_report_names_the_reference_article_and_source(newsroom, capsys):
    code, out, _ = run(capsys, "check", "draft.md", "--against", "corpus", "--no-cache", "--isolated")
    assert code == 1 and "corpus/wire.md:5:1" in out and "Coast Wire" in out
