"""The claim cache: an unchanged corpus is not extracted again; a broken cache is rebuilt."""
from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

import factcheck.cache
import factcheck.extract
import factcheck.pipeline
from factcheck.cache import DATABASE, ClaimCache
from factcheck.config import Settings
from factcheck.pipeline import check_documents, load_paths

from helpers_cli import INJURED, conflicting_corpus, write_article


@pytest.fixture
def counted(monkeypatch):
    """Counts documents extracted (the expensive step) across the pipeline."""
    calls: list[str] = []
    real = factcheck.pipeline.claims_in

    def counting(document):
        calls.append(document.id)
        return real(document)

    monkeypatch.setattr(factcheck.pipeline, "claims_in", counting)
    return calls


def check_with_cache(folder, cache_dir, engine="test-engine"):
    cache = ClaimCache(cache_dir, engine)
    try:
        loaded = load_paths([str(folder / "corpus")], Settings(root=folder), cache=cache)
    finally:
        cache.close()
    return check_documents(loaded.corpus.documents, known_claims=loaded.claims)


def test_second_run_over_an_unchanged_corpus_extracts_nothing(tmp_path, counted):
    conflicting_corpus(tmp_path)
    first = check_with_cache(tmp_path, tmp_path / "cache")
    assert len(counted) == 2
    counted.clear()
    second = check_with_cache(tmp_path, tmp_path / "cache")
    assert counted == []
    assert second.claims == first.claims and second.findings == first.findings


def test_only_the_changed_file_is_extracted_again(tmp_path, counted):
    conflicting_corpus(tmp_path)
    check_with_cache(tmp_path, tmp_path / "cache")
    counted.clear()
    write_article(tmp_path / "corpus", "wire.md", INJURED.format(count="Twelve"))
    check_with_cache(tmp_path, tmp_path / "cache")
    assert counted == [str(tmp_path / "corpus" / "wire.md")]


def test_truncated_cache_file_is_rebuilt(tmp_path, counted):
    conflicting_corpus(tmp_path)
    first = check_with_cache(tmp_path, tmp_path / "cache")
    database = tmp_path / "cache" / DATABASE
    database.write_bytes(database.read_bytes()[: database.stat().st_size // 2])
    counted.clear()
    again = check_with_cache(tmp_path, tmp_path / "cache")
    assert len(counted) == 2 and again.findings == first.findings
    counted.clear()
    check_with_cache(tmp_path, tmp_path / "cache")
    assert counted == []


def test_garbage_cache_file_is_rebuilt(tmp_path, counted):
    conflicting_corpus(tmp_path)
    ClaimCache(tmp_path / "cache", "test-engine").close()
    (tmp_path / "cache" / DATABASE).write_bytes(b"not a database at all" * 100)
    assert check_with_cache(tmp_path, tmp_path / "cache").findings
    assert len(counted) == 2


def test_cache_of_another_engine_is_not_trusted(tmp_path, counted):
    conflicting_corpus(tmp_path)
    check_with_cache(tmp_path, tmp_path / "cache", engine="old")
    counted.clear()
    check_with_cache(tmp_path, tmp_path / "cache", engine="new")
    assert len(counted) == 2


def _altered(cache: Path, column: str) -> None:
    """The gazette's row with "Nine" made "Ninety" in one of its blobs, its checksums left."""
    with sqlite3.connect(cache / DATABASE) as connection:
        connection.execute(f"UPDATE files SET {column} = CAST(replace(CAST({column} AS TEXT), 'Nine', 'Ninety') AS BLOB)")
    connection.close()


def test_row_whose_payload_was_altered_is_extracted_again(tmp_path, counted):
    conflicting_corpus(tmp_path)
    check_with_cache(tmp_path, tmp_path / "cache")
    _altered(tmp_path / "cache", "report")
    counted.clear()
    result = check_with_cache(tmp_path, tmp_path / "cache")
    assert counted == [str(tmp_path / "corpus" / "gazette.md")]
    assert "Ninety" not in {claim.surface for claim in result.claims}


def test_claims_altered_in_their_row_are_extracted_again_from_its_documents(tmp_path, counted, monkeypatch):
    """A row's claims are read and checked only when they are made (here after the cache was
    closed); claims that fail their checksum are extracted again from the row's documents."""
    conflicting_corpus(tmp_path)
    fresh = check_with_cache(tmp_path, tmp_path / "cache")
    _altered(tmp_path / "cache", "claims")
    counted.clear()
    real = factcheck.extract.claims_in
    monkeypatch.setattr(factcheck.extract, "claims_in", lambda document: counted.append(document.id) or real(document))
    result = check_with_cache(tmp_path, tmp_path / "cache")
    assert list(result.claims) == list(fresh.claims) and result.findings == fresh.findings
    assert counted == [str(tmp_path / "corpus" / "gazette.md")]


def test_cache_folder_ignores_itself_in_git(tmp_path):
    ClaimCache(tmp_path / "cache", "engine").close()
    assert (tmp_path / "cache" / ".gitignore").read_text("utf-8").strip().endswith("*")


def test_a_file_read_leniently_is_taken_from_the_cache_with_its_warning(tmp_path, capsys, counted):
    from helpers_cli import run

    path = write_article(tmp_path / "corpus", "blast.md", INJURED.format(count="Nine"))
    path.write_text(path.read_text("utf-8").replace('date: "2025-06-10"', "title: Mine blast: 9 dead"), "utf-8")
    flags = ("check", str(path), "--isolated", "--cache-dir", str(tmp_path / "cache"))
    cold = run(capsys, *flags)
    counted.clear()
    assert run(capsys, *flags) == cold and "front matter is not YAML" in cold[2]
    assert counted == []


@pytest.fixture
def hashed(monkeypatch):
    """Counts the files hashed (read whole) to look them up in the cache."""
    calls: list[str] = []
    real = factcheck.cache.file_digest

    def counting(path):
        calls.append(path)
        return real(path)

    monkeypatch.setattr(factcheck.cache, "file_digest", counting)
    return calls


def test_a_settled_file_the_cache_knows_by_its_stat_is_not_read_again(tmp_path, monkeypatch, hashed, counted):
    monkeypatch.setattr(factcheck.cache, "SETTLE_NS", 0)  # the test's files were just written
    conflicting_corpus(tmp_path)
    first = check_with_cache(tmp_path, tmp_path / "cache")
    hashed.clear()
    counted.clear()
    second = check_with_cache(tmp_path, tmp_path / "cache")
    assert hashed == [] and counted == []
    assert second.claims == first.claims and second.findings == first.findings


def test_a_file_rewritten_with_its_old_size_and_modification_time_is_read_again(tmp_path, monkeypatch, hashed, counted):
    """A tool that keeps a file's modification time (``touch -r``, an archive unpacked) cannot
    set back its change time: the file is hashed and extracted again, never served stale."""
    monkeypatch.setattr(factcheck.cache, "SETTLE_NS", 0)
    conflicting_corpus(tmp_path)
    wire = tmp_path / "corpus" / "wire.md"
    check_with_cache(tmp_path, tmp_path / "cache")
    before = wire.stat()
    time.sleep(0.01)  # past the file system's clock tick
    wire.write_text(wire.read_text("utf-8").replace("Fourteen", "Thirteen"), "utf-8")
    os.utime(wire, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert wire.stat().st_size == before.st_size and wire.stat().st_mtime_ns == before.st_mtime_ns
    hashed.clear()
    counted.clear()
    result = check_with_cache(tmp_path, tmp_path / "cache")
    assert hashed == [str(wire)] and counted == [str(wire)]
    assert "Thirteen" in {claim.surface for claim in result.claims}


def test_a_file_changed_in_the_last_moments_is_hashed_on_every_run(tmp_path, hashed, counted):
    """Two writes within one tick of the file system's clock can leave its stat as it was: a
    file that changed less than ``SETTLE_NS`` ago is never known by its stat."""
    conflicting_corpus(tmp_path)
    check_with_cache(tmp_path, tmp_path / "cache")
    hashed.clear()
    counted.clear()
    check_with_cache(tmp_path, tmp_path / "cache")
    assert sorted(hashed) == sorted(str(tmp_path / "corpus" / name) for name in ("gazette.md", "wire.md"))
    assert counted == []
