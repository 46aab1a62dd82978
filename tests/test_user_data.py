"""The user's files (issue 11, items 8, 9, 14, 15): factcheck writes only files it can prove are
its own, writes them whole or not at all, and never serves claims of bytes it did not parse."""
from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

import factcheck.atomic
import factcheck.cache
import factcheck.pipeline
from factcheck.cache import DATABASE, TAG, CacheError, ClaimCache, engine_hash, library_versions
from factcheck.config import Settings
from factcheck.pipeline import load_paths

from helpers_cli import INJURED, conflicting_corpus, run, write_article


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def loaded_surfaces(folder: Path, cache: ClaimCache) -> list[str]:
    try:
        loaded = load_paths([str(folder / "corpus")], Settings(root=folder), cache=cache)
    finally:
        cache.close()
    return sorted(claim.surface for claims in loaded.claims.values() for claim in claims)


# ---- the cache folder ---------------------------------------------------------------------------

def test_a_folder_factcheck_did_not_make_is_not_used_and_not_touched(tmp_path):
    (tmp_path / "notes.md").write_text("mine", "utf-8")
    (tmp_path / DATABASE).write_bytes(b"the user's own database")
    before = snapshot(tmp_path)
    with pytest.raises(CacheError, match="not a factcheck cache folder"):
        ClaimCache(tmp_path, "engine")
    assert snapshot(tmp_path) == before


def test_cache_dir_dot_reports_the_articles_and_leaves_the_folder_as_it_was(tmp_path, capsys, monkeypatch):
    conflicting_corpus(tmp_path)
    monkeypatch.chdir(tmp_path / "corpus")
    before = snapshot(tmp_path)
    code, out, err = run(capsys, "check", ".", "--cache-dir", ".", "--isolated")
    assert code == 1 and "FC101" in out and "not a factcheck cache folder" in err
    assert snapshot(tmp_path) == before


def test_a_new_cache_folder_is_tagged_as_a_cache_and_used_again(tmp_path):
    ClaimCache(tmp_path / "cache", "engine").close()
    assert (tmp_path / "cache" / TAG).read_text("utf-8").startswith("Signature: 8a477f597d28d172789f06886806bc55")
    ClaimCache(tmp_path / "cache", "engine").close()


def test_an_empty_folder_may_become_the_cache(tmp_path):
    (tmp_path / "cache").mkdir()
    ClaimCache(tmp_path / "cache", "engine").close()
    assert (tmp_path / "cache" / DATABASE).is_file()


def test_a_cache_factcheck_made_before_the_tag_is_still_its_own(tmp_path):
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / ".gitignore").write_text("# written by factcheck\n*\n", "utf-8")
    (tmp_path / "cache" / DATABASE).write_bytes(b"an old cache")
    ClaimCache(tmp_path / "cache", "engine").close()
    assert (tmp_path / "cache" / TAG).is_file()


# ---- a database that cannot be written ----------------------------------------------------------

def test_a_read_only_database_keeps_what_it_holds_and_says_it_was_not_updated(tmp_path):
    conflicting_corpus(tmp_path)
    ClaimCache(tmp_path / "cache", "engine").close()
    before = (tmp_path / "cache" / DATABASE).read_bytes()
    cache = ClaimCache(tmp_path / "cache", "engine")
    cache.connection.execute("PRAGMA query_only = ON")  # what SQLite does with a read-only file
    cache.store("a.md", "digest", [], [])
    assert "not updated" in cache.close()
    assert (tmp_path / "cache" / DATABASE).read_bytes() == before


def test_a_stale_database_that_cannot_be_replaced_is_left_alone(tmp_path, monkeypatch):
    ClaimCache(tmp_path / "cache", "old engine").close()
    before = snapshot(tmp_path / "cache")

    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(factcheck.atomic.tempfile, "mkstemp", refused)  # a read-only folder
    with pytest.raises(CacheError, match="cannot be replaced"):
        ClaimCache(tmp_path / "cache", "new engine")
    assert snapshot(tmp_path / "cache") == before


def test_a_read_only_stale_database_is_an_error_and_the_check_runs_without_the_cache(tmp_path, capsys, monkeypatch):
    conflicting_corpus(tmp_path)
    ClaimCache(tmp_path / "cache", "old engine").close()
    real_access = os.access
    monkeypatch.setattr(factcheck.atomic.os, "access", lambda path, mode: real_access(path, mode) and DATABASE not in str(path))
    code, out, err = run(capsys, "check", str(tmp_path / "corpus"), "--cache-dir", str(tmp_path / "cache"), "--isolated")
    assert code == 2 and "FC101" in out
    assert f"cache {tmp_path / 'cache'}: {DATABASE} is stale" in err and "read-only" in err and "--cache-dir" in err


def test_a_stale_database_in_a_read_only_folder_is_an_error_and_the_check_runs_without_the_cache(tmp_path, capsys):
    conflicting_corpus(tmp_path)
    ClaimCache(tmp_path / "cache", "old engine").close()
    (tmp_path / "cache").chmod(0o555)
    try:
        if os.access(tmp_path / "cache", os.W_OK):
            pytest.skip("this user writes into read-only folders (root)")
        code, out, err = run(capsys, "check", str(tmp_path / "corpus"), "--cache-dir", str(tmp_path / "cache"), "--isolated")
    finally:
        (tmp_path / "cache").chmod(0o755)
    assert code == 2 and "FC101" in out and f"{DATABASE} is stale" in err


def test_a_stale_database_is_replaced_in_one_rename(tmp_path, monkeypatch):
    ClaimCache(tmp_path / "cache", "old engine").close()
    renamed = []
    real_replace = os.replace
    monkeypatch.setattr(factcheck.atomic.os, "replace", lambda a, b: (renamed.append(Path(b).name), real_replace(a, b)))
    ClaimCache(tmp_path / "cache", "new engine").close()
    assert renamed == [DATABASE]
    assert sorted(path.name for path in (tmp_path / "cache").iterdir()) == [".gitignore", TAG, DATABASE]


# ---- what the cache key covers ------------------------------------------------------------------

def test_the_engine_covers_python_and_the_libraries_that_read_the_text():
    versions = library_versions()
    assert versions.splitlines()[0] == __import__("sys").version
    assert {"regex", "pyyaml", "pint", "lemminflect"} <= {line.split()[0].lower() for line in versions.splitlines()[1:]}


def test_a_new_library_version_is_another_engine(monkeypatch):
    before = engine_hash("rules-of-this-test")
    engine_hash.cache_clear()
    monkeypatch.setattr(factcheck.cache, "library_versions", lambda: "Python 9.9\nregex 9999.1.1")
    try:
        assert engine_hash("rules-of-this-test") != before
    finally:
        engine_hash.cache_clear()


def test_claims_are_stored_under_the_bytes_they_were_parsed_from(tmp_path, monkeypatch):
    """An editor saves between the lookup's hash and the read: the new claims must not be filed
    under the old bytes' digest, or the old bytes would later be served the new claims."""
    conflicting_corpus(tmp_path)
    wire = tmp_path / "corpus" / "wire.md"
    old = wire.read_bytes()
    real_digest = factcheck.cache.file_digest

    def hash_then_save(path: str) -> str | None:
        digest = real_digest(path)
        if path == str(wire):
            write_article(tmp_path / "corpus", "wire.md", INJURED.format(count="Twelve"))
        return digest

    monkeypatch.setattr(factcheck.cache, "file_digest", hash_then_save)
    assert "Twelve" in loaded_surfaces(tmp_path, ClaimCache(tmp_path / "cache", "engine"))
    monkeypatch.setattr(factcheck.cache, "file_digest", real_digest)
    wire.write_bytes(old)
    assert loaded_surfaces(tmp_path, ClaimCache(tmp_path / "cache", "engine")) == ["Fourteen", "Nine"]


# ---- the baseline -------------------------------------------------------------------------------

def test_a_baseline_is_not_written_over_an_article(tmp_path, capsys):
    conflicting_corpus(tmp_path)
    article = tmp_path / "corpus" / "wire.md"
    before = article.read_bytes()
    code, _, err = run(capsys, "baseline", str(tmp_path / "corpus"), "--baseline", str(article), "--isolated", "--no-cache")
    assert code == 2 and "one of the articles checked" in err
    assert article.read_bytes() == before


def test_a_baseline_is_not_written_over_a_file_that_is_not_a_baseline(tmp_path, capsys):
    conflicting_corpus(tmp_path)
    notes = tmp_path / "notes.json"
    notes.write_text('{"mine": true}', "utf-8")
    code, _, err = run(capsys, "baseline", str(tmp_path / "corpus"), "--baseline", str(notes), "--isolated", "--no-cache")
    assert code == 2 and "not overwritten" in err and notes.read_text("utf-8") == '{"mine": true}'


def test_a_baseline_is_rewritten_whole_in_one_rename(tmp_path, capsys, monkeypatch):
    conflicting_corpus(tmp_path)
    target = tmp_path / "baseline.json"
    arguments = ("baseline", str(tmp_path / "corpus"), "--baseline", str(target), "--isolated", "--no-cache")
    assert run(capsys, *arguments)[0] == 0
    first = target.read_bytes()
    renamed = []
    real_replace = os.replace
    monkeypatch.setattr(factcheck.atomic.os, "replace", lambda a, b: (renamed.append(Path(b)), real_replace(a, b)))
    assert run(capsys, *arguments)[0] == 0
    assert renamed == [target] and target.read_bytes() == first and json.loads(first)["tool"] == "factcheck"
    assert [path.name for path in tmp_path.iterdir() if path.is_file()] == ["baseline.json"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(tmp_path, monkeypatch):
    target = tmp_path / "baseline.json"
    target.write_text("old", "utf-8")

    def full_disk(a, b):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(factcheck.atomic.os, "replace", full_disk)
    with pytest.raises(OSError):
        factcheck.atomic.write_text(target, "new")
    assert [path.name for path in tmp_path.iterdir()] == ["baseline.json"] and target.read_text("utf-8") == "old"


# ---- names git gives ----------------------------------------------------------------------------

@pytest.mark.skipif(os.name != "posix", reason="file names are bytes on POSIX only")
def test_changed_since_with_a_file_name_that_is_not_utf8_names_it_and_checks_the_rest(tmp_path, capsys, monkeypatch):
    import subprocess

    conflicting_corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    for command in (["init", "-q"], ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "corpus"]):
        subprocess.run(["git", *command], check=True, cwd=tmp_path)
    odd = os.path.join(os.fsdecode(tmp_path / "corpus"), os.fsdecode(b"draft\xff.md"))
    Path(odd).write_text(INJURED.format(count="Eight"), "utf-8")
    write_article(tmp_path / "corpus", "wire.md", INJURED.format(count="Eleven"))
    code, out, err = run(capsys, "check", "corpus", "--changed-since", "HEAD", "--isolated", "--cache-dir", str(tmp_path / ".c"))
    assert code == 2 and "draft\\xff.md: file name is not UTF-8" in err and "Traceback" not in err
    assert "FC101" in out and "Eleven" in out


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="no fork here")
def test_runs_starting_together_on_a_fresh_clone_all_get_the_cache(tmp_path):
    """pre-commit runs a hook in several processes at once: the cache folder appears whole
    (markers in it) in one rename, so none of them finds a half-made folder that is not its own."""
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(4) as pool:
        made = pool.map(_open_cache, [tmp_path / "cache"] * 8)
    assert made == [True] * 8
    assert sorted(path.name for path in (tmp_path / "cache").iterdir()) == [".gitignore", TAG, DATABASE]
    assert [path.name for path in tmp_path.iterdir()] == ["cache"]


def _open_cache(folder: Path) -> bool:
    ClaimCache(folder, "engine").close()
    return True
