"""A large file of many records (JSON Lines) is extracted in shares, one per worker process:
the run reports exactly what one process reports, errors included, and caches the file whole."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck.pipeline
from factcheck.cli import main
from factcheck.model import Document, InputError
from factcheck.pipeline import FileRead, _joined, _share_of, _tasks

from archive_corpus import BODY, STORIES


def write_records(path: Path, bad_line: bool = False) -> Path:
    """One record per outlet and story of the invented archive; a broken line in the middle
    when asked."""
    lines = []
    for town, event, site, verb, counts in STORIES:
        for number, count in enumerate(counts):
            text = BODY.format(count=count, verb=verb, event=event, town=town, site=site)
            lines.append(json.dumps({"id": f"{town}-{number}", "text": text, "source": f"Outlet {number}"}))
    if bad_line:
        lines.insert(len(lines) // 2, '{"id": "broken", "text": ')
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def shared_every_file(monkeypatch):
    """Every file of records is large enough to be extracted in shares."""
    monkeypatch.setattr(factcheck.pipeline, "SHARE_BYTES", 1)


def test_a_file_extracted_in_shares_gives_the_claims_of_one_process(capsys, tmp_path, shared_every_file):
    records = str(write_records(tmp_path / "wire.jsonl"))
    assert _tasks([records], 2) == [(records, 0, 2), (records, 1, 2)]
    one = run(capsys, "extract", records, "--format", "json", "--workers", "1")
    assert run(capsys, "extract", records, "--format", "json", "--workers", "2") == one
    assert len(json.loads(one[1])["claims"]) == 12


def test_a_bad_record_of_a_shared_file_is_reported_once(capsys, tmp_path, shared_every_file):
    records = str(write_records(tmp_path / "wire.jsonl", bad_line=True))
    code, out, err = run(capsys, "extract", records, "--format", "json", "--workers", "2")
    assert code == 2 and err.count("unreadable JSON Lines record") == 1
    assert len(json.loads(out)["claims"]) == 12


def test_a_check_in_shares_finds_what_one_process_finds(capsys, tmp_path, shared_every_file):
    records = str(write_records(tmp_path / "wire.jsonl"))
    one = run(capsys, "check", records, "--format", "json", "--isolated", "--no-cache", "--workers", "1")
    assert run(capsys, "check", records, "--format", "json", "--isolated", "--no-cache", "--workers", "2") == one
    assert json.loads(one[1])["findings"]


def test_a_file_extracted_in_shares_is_cached_whole(capsys, tmp_path, shared_every_file, monkeypatch):
    records = str(write_records(tmp_path / "wire.jsonl"))
    cache = ("--cache-dir", str(tmp_path / "cache"))
    cold = run(capsys, "check", records, "--format", "json", "--isolated", "--workers", "2", *cache)

    def never(*args, **kwargs):
        raise AssertionError("a file the cache holds was extracted again")

    monkeypatch.setattr(factcheck.pipeline, "read_task", never)
    assert run(capsys, "check", records, "--format", "json", "--isolated", "--workers", "1", *cache) == cold


@given(st.lists(st.text(max_size=30), max_size=20), st.integers(min_value=1, max_value=6))
def test_the_shares_hold_every_document_once_in_order(texts, shares):
    documents = [Document(id=str(number), path="wire.jsonl", text=text, segments=()) for number, text in enumerate(texts)]
    parts = [_share_of(documents, index, shares) for index in range(shares)]
    assert [document for part in parts for document in part] == documents


def test_a_file_that_changed_between_its_shares_is_an_error_with_no_claims():
    reads = [FileRead((), (), (), digest="before"), FileRead((), (), (), digest="after")]
    joined = _joined("wire.jsonl", reads, cached=True)
    assert joined.documents == () and joined.row is None
    assert joined.errors == (InputError("wire.jsonl", "cannot be checked: the file changed while it was read"),)
