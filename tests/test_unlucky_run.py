"""A whole run over a corpus that holds every kind of unlucky file (issue 11, items 8 and 16 to
18): each is named on stderr with its reason, the rest is checked and reported, the exit code
is 2, and a second run from the cache says the same."""
from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

from factcheck.cli import main

from helpers_cli import conflicting_corpus, run

SENTENCE = "Police said 40 people were injured in the Ostry tram crash."
UNLUCKY = {
    "feed.jsonl": "\n".join([
        json.dumps({"id": "kept", "text": SENTENCE}),
        '{"id": "lone", "text": "Nine \\ud800 died."}',
        '{"id": "big", "n": ' + "7" * 5000 + ', "text": "Nine died."}',
        json.dumps({"id": "corpus/wire.md", "text": SENTENCE}),
    ]) + "\n",
    "page.html": f"<html><body><p>{SENTENCE}</p><![ 1 ]></body></html>",
    "blast.md": f"---\ntitle: Mine blast: 9 dead\ndate: 2024-02-30\n---\n{SENTENCE.replace('s', 'ſ')}\n",
    "blank.txt": "\xa0\xa0\n",
    "dump.txt": SENTENCE * 400 + "\x00",
}
NAMED = {
    "feed.jsonl": ["line 2:", "lone surrogate", "line 3:", "4300 digits", "line 4: record id 'corpus/wire.md'"],
    "blank.txt": ["empty"],
    "dump.txt": ["binary"],
    "wire\\xff.md": ["not UTF-8"],
}


@pytest.fixture
def unlucky_corpus(tmp_path, monkeypatch) -> Path:
    conflicting_corpus(tmp_path)
    for name, content in UNLUCKY.items():
        (tmp_path / "corpus" / name).write_text(content, "utf-8")
    Path(os.fsdecode(tmp_path / "corpus") + "/" + os.fsdecode(b"wire\xff.md")).write_text(SENTENCE, "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("cache", [("--no-cache",), ("--cache-dir", ".cache")])
def test_every_unlucky_file_is_named_and_the_rest_is_checked(unlucky_corpus, capsys, cache):
    for _ in range(2 if cache[0] == "--cache-dir" else 1):  # cold, then from the cache
        code, out, err = run(capsys, "check", "corpus", "--format", "json", "--isolated", *cache)
        report = json.loads(out)
        assert code == 2 and "Traceback" not in err
        assert {doc["id"] for doc in report["documents"]} == {
            "corpus/wire.md", "corpus/gazette.md", "kept", "corpus/page.html", "corpus/blast.md"}
        assert {finding["rule"] for finding in report["findings"]} >= {"FC101"}
        for name, reasons in NAMED.items():
            said = " ".join(e["message"] for e in report["errors"] if e["path"] == f"corpus/{name}")
            assert all(reason in said for reason in reasons), (name, said)
        assert "corpus/blast.md: warning: line 2: front matter is not YAML" in err


def test_extract_over_the_same_corpus_names_the_same_files(unlucky_corpus, capsys):
    code, out, err = run(capsys, "extract", "corpus", "--format", "json", "--isolated")
    report = json.loads(out)
    assert code == 2 and "Traceback" not in err
    assert {error["path"] for error in report["errors"]} == {f"corpus/{name}" for name in NAMED}
    assert "corpus/blast.md" in {claim["path"] for claim in report["claims"]}


@pytest.mark.parametrize("output", ["text", "json", "sarif", "junit", "github", "markdown"])
def test_every_format_prints_the_unlucky_names_on_a_strict_utf8_stream(unlucky_corpus, output, monkeypatch):
    """stdout and stderr that refuse anything that is not UTF-8 (as in a locale other than C):
    a name with bytes that are not UTF-8 must reach them escaped."""
    streams = {name: io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict") for name in ("stdout", "stderr")}
    for name, stream in streams.items():
        monkeypatch.setattr(sys, name, stream)
    code = main(["check", "corpus", os.fsdecode(b"gone\xff.md"), "--format", output, "--isolated", "--no-cache"])
    for stream in streams.values():
        stream.flush()
    out, err = (stream.buffer.getvalue().decode("utf-8") for stream in streams.values())
    assert code == 2 and out
    assert "gone\\xff.md: no such file" in err and "wire\\xff.md: file name is not UTF-8" in err


@pytest.mark.skipif(os.name != "posix", reason="file names are bytes on POSIX only")
def test_a_file_in_an_excluded_folder_is_not_reported_however_unlucky(tmp_path, capsys):
    conflicting_corpus(tmp_path)
    (tmp_path / "corpus" / "drafts").mkdir()
    Path(os.fsdecode(tmp_path / "corpus" / "drafts") + "/" + os.fsdecode(b"odd\xff.md")).write_text(SENTENCE, "utf-8")
    code, _, err = run(capsys, "check", str(tmp_path / "corpus"), "--exclude", "drafts", "--isolated", "--no-cache")
    assert code == 1 and "odd" not in err


def test_front_matter_read_leniently_is_a_warning_not_a_failed_run(tmp_path, capsys):
    path = tmp_path / "blast.md"
    path.write_text(f"---\ntitle: Mine blast: 9 dead\n---\n{SENTENCE}\n", "utf-8")
    code, out, err = run(capsys, "check", str(path), "--isolated", "--no-cache")
    assert code == 0 and "1 document, 1 claim" in out
    assert err == f"factcheck: {path}: warning: line 2: front matter is not YAML (mapping values are not allowed here); " \
                  "read as plain key: value lines\n"
