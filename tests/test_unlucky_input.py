"""Unlucky input (issue 11, items 16 to 18; issue 9, item 4): a file or record that cannot be read
is named with the reason, and every other file, record and article body is still read."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import claims_in
from factcheck.ingest import IngestError, parse_bytes, read_corpus
from factcheck.model import Corpus

SENTENCE = "Police said 40 people were injured in the Ostry tram crash."


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def surfaces(corpus) -> list[str]:
    return [claim.surface for document in corpus.documents for claim in claims_in(document)]


# ---- JSON Lines records ------------------------------------------------------------------------

def records(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def good(record_id: str) -> str:
    return json.dumps({"id": record_id, "text": SENTENCE})


@pytest.mark.parametrize("bad, reason", [
    ('{"id": "big", "n": ' + "7" * 5000 + ', "text": "Nine died."}', "4300 digits"),
    ('{"id": "deep", "n": ' + "[" * 100_000 + "]" * 100_000 + ', "text": "Nine died."}', "nested too deeply"),
    ('{"id": "lone", "text": "Nine \\ud800 died."}', "lone surrogate"),
])
def test_an_unreadable_record_is_named_and_every_good_record_is_kept(tmp_path, bad, reason):
    path = write(tmp_path, "feed.jsonl", records(good("a"), bad, good("b")))
    corpus = read_corpus([str(path)])
    assert [document.id for document in corpus.documents] == ["a", "b"]
    [error] = corpus.errors
    assert error.path == str(path) and "line 2:" in error.message and reason in error.message


@pytest.mark.parametrize("order", [("a-feed.jsonl", "b.txt"), ("b.txt", "a-feed.jsonl")])
def test_a_record_whose_id_is_another_files_path_is_left_out_not_the_file(tmp_path, order):
    article = write(tmp_path, "b.txt", SENTENCE)
    feed = write(tmp_path, "a-feed.jsonl", records(good("x"), good(str(article))))
    corpus = read_corpus([str(tmp_path / name) for name in order])
    assert sorted(document.id for document in corpus.documents) == sorted(["x", str(article)])
    assert next(d for d in corpus.documents if d.id == str(article)).record is False
    [error] = corpus.errors
    assert error.path == str(feed) and "line 2: record id" in error.message and "another input file" in error.message


# ---- HTML ---------------------------------------------------------------------------------------

def test_a_marked_section_html_parser_cannot_name_does_not_drop_the_page(tmp_path):
    page = write(tmp_path, "page.html", f"<html><body><p>{SENTENCE}</p><![ 1 ]><p>Nine were hurt.</p></body></html>")
    corpus = read_corpus([str(page)])
    assert corpus.errors == () and surfaces(corpus) == ["40", "Nine"]


# ---- front matter -------------------------------------------------------------------------------

@pytest.mark.parametrize("front, reason", [
    ("title: Mine blast: 9 dead\nsource: Coast Wire\n", "mapping values are not allowed"),
    ("title: Mine blast\x92 9 dead\nsource: Coast Wire\n", "U+0092"),
    ("title: Mine blast\nsource: Coast Wire\ndate: 2024-02-30\n", "day is out of range"),
    ('title: "Mine blast \\ud800"\nsource: Coast Wire\n', "lone surrogate"),
])
def test_front_matter_yaml_cannot_read_is_read_as_key_value_lines_with_a_warning(tmp_path, front, reason):
    path = write(tmp_path, "blast.md", f"---\n{front}---\n{SENTENCE}\n")
    corpus = read_corpus([str(path)])
    [document] = corpus.documents
    assert corpus.errors == () and surfaces(corpus) == ["40"]
    assert document.title.startswith("Mine blast") and document.source == "Coast Wire"
    [warning] = corpus.warnings
    assert warning.path == str(path) and warning.message.startswith("line 2: front matter is not YAML")
    assert reason in warning.message


def test_the_warning_names_the_line_yaml_stopped_at(tmp_path):
    path = write(tmp_path, "blast.md", f"---\nsource: Coast Wire\ntitle: Mine blast: 9 dead\n---\n{SENTENCE}\n")
    [warning] = read_corpus([str(path)]).warnings
    assert warning.message.startswith("line 3:")


def test_an_impossible_front_matter_date_is_no_date(tmp_path):
    path = write(tmp_path, "blast.md", f"---\ndate: 2024-02-30\n---\n{SENTENCE}\n")
    [document] = read_corpus([str(path)]).documents
    assert document.date is None


def test_front_matter_that_is_not_a_mapping_keeps_the_body(tmp_path):
    path = write(tmp_path, "blast.md", f"---\n- one\n- two\n---\n{SENTENCE}\n")
    corpus = read_corpus([str(path)])
    assert surfaces(corpus) == ["40"] and "not a mapping" in corpus.warnings[0].message


# ---- files that are not articles ----------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_named_as_one_and_never_opened(tmp_path):
    pipe = tmp_path / "wire.txt"
    os.mkfifo(pipe)
    other = write(tmp_path / "more", "other.txt", SENTENCE)
    corpus = read_corpus([str(tmp_path)])  # opening the pipe would block for ever
    assert [document.path for document in corpus.documents] == [str(other)]
    [error] = corpus.errors
    assert error.path == str(pipe) and "named pipe (FIFO)" in error.message


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_device_is_named_as_one_not_as_missing():
    [error] = read_corpus(["/dev/zero"]).errors
    assert error.path == "/dev/zero" and "character device" in error.message


def test_a_nul_byte_anywhere_makes_a_file_binary(tmp_path):
    path = write(tmp_path, "dump.txt", SENTENCE.encode() * 1000 + b"\x00")
    [error] = read_corpus([str(path)]).errors
    assert "binary" in error.message and f"byte {len(SENTENCE) * 1000}" in error.message


def test_a_file_of_only_non_breaking_and_zero_width_spaces_is_empty(tmp_path):
    path = write(tmp_path, "blank.txt", "\xa0\xa0\n\u200b\ufeff\u2009\n")
    [error] = read_corpus([str(path)]).errors
    assert "empty" in error.message


@pytest.mark.skipif(os.name != "posix", reason="file names are bytes on POSIX only")
def test_a_file_name_that_is_not_utf8_is_an_error_naming_it_printably(tmp_path):
    bad = os.path.join(os.fsdecode(tmp_path), os.fsdecode(b"wire\xff.txt"))
    Path(bad).write_text(SENTENCE, "utf-8")
    other = write(tmp_path, "other.txt", SENTENCE)
    corpus = read_corpus([str(tmp_path)])
    assert [document.path for document in corpus.documents] == [str(other)]
    [error] = corpus.errors
    assert error.path == f"{tmp_path}/wire\\xff.txt" and "not UTF-8" in error.message


# ---- any bytes at all ---------------------------------------------------------------------------

PIECES = ["---\n", "title: Mine blast: 9 dead\n", "date: 2024-02-30\n", "\x92", "\xa0", "\u200b", "ſ", "\u212a",
          "İ", "<![ 1 ]>", "<p>", "</p>", "<html><body>", '{"id": "a", "text": "', '"}\n', "\\ud800", "[" * 50,
          "7" * 60, "\n", " ", "5 miles", "40 people were injured", "on 5 September 2024", "$3m", "Police said "]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=12) | st.binary(max_size=4), max_size=30),
       st.sampled_from(["a.txt", "a.md", "a.html", "a.jsonl"]))
def test_any_bytes_give_documents_or_an_error_naming_why_and_claims_that_point_into_the_text(parts, name):
    raw = b"".join(part if isinstance(part, bytes) else part.encode("utf-8") for part in parts)
    try:
        corpus = parse_bytes(name, raw)
    except IngestError as error:
        assert str(error)
        corpus = Corpus(error.documents)
    for document in corpus.documents:
        for claim in claims_in(document):
            assert document.text[claim.start:claim.end] == claim.surface


def test_a_date_line_naming_a_day_that_does_not_exist_is_no_date(tmp_path):
    path = write(tmp_path, "wire.txt", f"date: 2024-02-30\n{SENTENCE} on 5 September 2024\n")
    corpus = read_corpus([str(path)])
    assert corpus.documents[0].date is None and surfaces(corpus) == ["40"]
