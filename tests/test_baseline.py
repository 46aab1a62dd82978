"""Baseline: accepted pairs of figures drop out; a new disagreement comes back on its own."""
from __future__ import annotations

import json

import pytest

from factcheck.baseline import BaselineError, baseline_text, claim_identities, read_baseline
from factcheck.config import Settings
from factcheck.extract import claims_in
from factcheck.ingest import read_corpus
from factcheck.pipeline import check_documents

from conftest import article, flagged_pairs

WIRE = article("wire.md", "Fourteen people were injured in the fire at Pellmouth harbour.", "2025-06-10")
GAZETTE = article("gazette.md", "Nine people were injured in the fire at Pellmouth harbour.", "2025-06-10")
LAMP = article("lamp.md", "Thirty people were injured in the fire at Pellmouth harbour.", "2025-06-10")


def baseline_of(tmp_path, *documents):
    result = check_documents(documents)
    path = tmp_path / "baseline.json"
    claims = {claim.id: claim for claim in result.claims}
    path.write_text(baseline_text(result.findings, claims, claim_identities(result.claims)), "utf-8")
    return read_baseline(path)


def test_accepted_findings_are_dropped_and_counted(tmp_path):
    result = check_documents([WIRE, GAZETTE], baseline=baseline_of(tmp_path, WIRE, GAZETTE))
    assert result.findings == () and result.baselined == 1


def test_a_new_article_brings_back_only_its_own_pairs(tmp_path):
    result = check_documents([WIRE, GAZETTE, LAMP], baseline=baseline_of(tmp_path, WIRE, GAZETTE))
    assert flagged_pairs(result) == {frozenset({"Thirty", "Fourteen"}), frozenset({"Thirty", "Nine"})}


def test_baseline_file_holds_no_line_numbers(tmp_path):
    baseline_of(tmp_path, WIRE, GAZETTE)
    text = (tmp_path / "baseline.json").read_text("utf-8")
    assert '"line"' not in text and "wire.md: Fourteen" in text


def test_missing_baseline_is_an_error_naming_the_file(tmp_path):
    with pytest.raises(BaselineError, match="nothing.json"):
        read_baseline(tmp_path / "nothing.json")


@pytest.mark.parametrize("record_id", ["harbour-1", None])
def test_json_lines_identities_do_not_depend_on_the_spelling_of_the_file_path(tmp_path, monkeypatch, record_id):
    record = {"text": "Fourteen people were injured in the fire at Pellmouth harbour."}
    if record_id:
        record["id"] = record_id
    (tmp_path / "feed.jsonl").write_text(json.dumps(record) + "\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    settings = Settings(root=tmp_path)
    identities = [
        list(claim_identities(claims_in(document), settings.relative).of_claim.values())
        for spelling in ("feed.jsonl", "./feed.jsonl", str(tmp_path / "feed.jsonl"))
        for document in read_corpus([spelling]).documents
    ]
    assert identities[0] and identities[0] == identities[1] == identities[2]
