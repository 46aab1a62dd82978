"""Ingest: every format an editor hands us becomes Documents whose claims point back to the exact
characters of the file as the user has it, and bad input is reported by name without stopping
the run or touching the file."""
from __future__ import annotations

import codecs
import html
import io
import json
from pathlib import Path

import pytest

from factcheck.extract import claims_in
from factcheck.ingest import MAX_BYTES, read_corpus
from factcheck.model import Claim, Corpus
from factcheck.quantities import find_quantities

SENTENCE = "Police said 40 people were injured in the Ostry tram crash."


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def read_one(path: Path) -> tuple[Corpus, list[Claim]]:
    corpus = read_corpus([str(path)])
    return corpus, [claim for document in corpus.documents for claim in claims_in(document)]


def as_the_user_has_it(path: Path) -> str:
    """The file as an editor (and shared/tools/score_clusters.py) reads it."""
    return path.read_text(encoding="utf-8")


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1 - (line_start == 0 and text.startswith("\ufeff"))


def figures_in(cut: str) -> list[float]:
    """The values of the figures a piece of the file states, markup entities read as characters."""
    return [quantity.value for quantity in find_quantities(html.unescape(cut))]


def assert_states_its_value(text: str, claim: Claim) -> None:
    """The span start:end of the text, read again on its own, is the figure the claim holds."""
    cut = text[claim.start:claim.end]
    assert cut == claim.surface
    assert figures_in(cut) == [claim.value], (cut, claim.value)


def assert_claims_point_into(path: Path, claims: list[Claim]) -> None:
    text = as_the_user_has_it(path)
    assert claims
    for claim in claims:
        assert_states_its_value(text, claim)
        assert (claim.line, claim.column) == line_and_column(text, claim.start), claim.surface


# ---- formats -----------------------------------------------------------------------------

def test_plain_text_claims_point_into_the_file(tmp_path):
    path = write(tmp_path, "wire.txt", f"Tram crash in Ostry\n\n{SENTENCE}\nTwelve people died.\n")
    corpus, claims = read_one(path)
    assert [c.surface for c in claims] == ["40", "Twelve"]
    assert_claims_point_into(path, claims)


def test_markdown_front_matter_gives_title_date_source_and_url(tmp_path):
    path = write(tmp_path, "wire.md", (
        '---\ntitle: "Tram crash in Ostry"\ndate: 2025-02-03\nsource: "Ostry Express"\n'
        'url: "https://example.org/ostry"\n---\n' + SENTENCE + "\n"
    ))
    corpus, claims = read_one(path)
    [document] = corpus.documents
    assert (document.title, document.date, document.source, document.url) == (
        "Tram crash in Ostry", "2025-02-03", "Ostry Express", "https://example.org/ostry")
    assert [c.surface for c in claims] == ["40"]
    assert_claims_point_into(path, claims)


def test_windows_line_endings_map_to_lines_and_columns_as_python_reads_them(tmp_path):
    path = write(tmp_path, "wire.md", '---\r\ndate: "2025-02-03"\r\n---\r\nIntro.\r\n' + SENTENCE + "\r\n")
    corpus, claims = read_one(path)
    assert corpus.documents[0].date == "2025-02-03"
    assert (claims[0].line, claims[0].column) == (5, 13)
    assert_claims_point_into(path, claims)


def test_a_byte_order_mark_takes_no_column_and_offsets_still_match_the_file(tmp_path):
    path = write(tmp_path, "wire.md", '\ufeff---\ntitle: "Ostry"\n---\n' + SENTENCE + "\n")
    corpus, claims = read_one(path)
    assert corpus.documents[0].title == "Ostry"
    assert_claims_point_into(path, claims)


def test_html_starting_with_a_byte_order_mark_points_at_the_figure(tmp_path):
    path = write(tmp_path, "page.html", "\ufeff<p>The floods killed 16 people</p>")
    _, [claim] = read_one(path)
    assert as_the_user_has_it(path)[claim.start:claim.end] == "16" and claim.value == 16
    assert_claims_point_into(path, claims=[claim])


def test_utf16_with_a_byte_order_mark_is_read(tmp_path):
    path = write(tmp_path, "wire.txt", codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le"))
    corpus, claims = read_one(path)
    assert not corpus.errors
    assert [c.surface for c in claims] == ["40"]


HTML_PAGE = """<!doctype html>
<html><head><title>Tram crash in Ostry</title>
<meta property="og:site_name" content="Ostry Express">
<meta property="og:url" content="https://example.org/ostry">
</head>
<body>
<nav><a href="/">Home</a> <a href="/top10">Top 10</a></nav>
<div class="share-bar">1,204 Shares</div>
<article>
<p class="byline">By Mara Quist <time datetime="2025-02-03T08:15:00Z">3 February 2025</time></p>
<p>Police said 40 people were injured &amp; twelve
   people were killed in the crash.</p>
<p>The operator said the repairs would cost &euro;3&nbsp;million.</p>
</article>
<aside class="most-read"><h2>Most Read</h2><ol><li>Five things about 2 new lines</li></ol></aside>
<footer>All rights reserved. Call 555-201-7788.</footer>
</body></html>
"""


def test_html_keeps_the_article_body_and_its_claims_point_into_the_markup(tmp_path):
    path = write(tmp_path, "page.html", HTML_PAGE)
    corpus, claims = read_one(path)
    [document] = corpus.documents
    assert (document.title, document.date, document.source, document.url) == (
        "Tram crash in Ostry", "2025-02-03", "Ostry Express", "https://example.org/ostry")
    assert [c.surface for c in claims] == ["40", "twelve", "&euro;3&nbsp;million"]
    assert claims[2].value == 3_000_000 and claims[2].unit == "EUR"
    assert_claims_point_into(path, claims)


def test_an_html_entity_without_its_semicolon_spans_only_itself(tmp_path):
    path = write(tmp_path, "page.html", "<p>Police said 40 were hurt &amp 12 died in Ostry; all &amp; more.</p>")
    corpus, claims = read_one(path)
    assert [c.surface for c in claims] == ["40", "12"]
    assert_claims_point_into(path, claims)


def test_html_without_a_body_tag_is_still_read(tmp_path):
    path = write(tmp_path, "page.html", f"<html><head><title>Ostry</title></head><p>{SENTENCE}</p></html>")
    corpus, claims = read_one(path)
    assert [c.surface for c in claims] == ["40"]


def test_an_unclosed_paragraph_does_not_swallow_the_article(tmp_path):
    path = write(tmp_path, "page.html", f'<body><p class="byline">By Mara Quist<p>{SENTENCE}</body>')
    corpus, claims = read_one(path)
    assert [c.surface for c in claims] == ["40"]
    assert_claims_point_into(path, claims)


def test_truncated_html_keeps_what_is_there(tmp_path):
    path = write(tmp_path, "page.html", "<html><body><article><p>Police said 40 people were inj")
    corpus, claims = read_one(path)
    assert not corpus.errors and [c.surface for c in claims] == ["40"]


def test_json_lines_give_one_document_per_record_with_offsets_into_its_text(tmp_path):
    records = [
        {"id": "ostry-1", "title": "Tram crash", "date": "2025-02-03", "source": "Ostry Express",
         "url": "https://example.org/1", "text": "Intro.\r\n" + SENTENCE},
        {"id": "ostry-2", "text": "Nine people were killed, police said.\ndate 2025-02-04"},
    ]
    path = write(tmp_path, "feed.jsonl", "\n".join(json.dumps(r) for r in records) + "\n")
    corpus, claims = read_one(path)
    first, second = corpus.documents
    assert (first.id, first.title, first.date, first.source, first.url) == (
        "ostry-1", "Tram crash", "2025-02-03", "Ostry Express", "https://example.org/1")
    assert second.date == "2025-02-04"
    for claim in claims:
        record = records[0] if claim.doc == "ostry-1" else records[1]
        assert_states_its_value(record["text"], claim)
    assert [(c.doc, c.surface) for c in claims] == [("ostry-1", "40"), ("ostry-2", "Nine")]


def test_a_json_lines_claim_is_located_on_its_record_line(tmp_path):
    path = write(tmp_path, "feed.jsonl", json.dumps({"id": "a", "text": "Intro.\n" + SENTENCE}) + "\n")
    _, [claim] = read_one(path)
    assert claim.line == 1


def test_folders_are_read_recursively_in_order_skipping_hidden_and_other_files(tmp_path):
    write(tmp_path, "b/wire.md", SENTENCE)
    write(tmp_path, "a/deeper/page.html", f"<p>{SENTENCE}</p>")
    write(tmp_path, "a/notes.pdf", b"%PDF-1.4")
    write(tmp_path, ".cache/old.md", SENTENCE)
    write(tmp_path, "a/.draft.md", SENTENCE)
    corpus = read_corpus([str(tmp_path)])
    assert not corpus.errors
    assert [Path(d.path).relative_to(tmp_path).as_posix() for d in corpus.documents] == [
        "a/deeper/page.html", "b/wire.md"]


def test_a_file_named_twice_is_read_once(tmp_path):
    path = write(tmp_path, "wire.md", SENTENCE)
    corpus = read_corpus([str(path), str(tmp_path), str(tmp_path / "." / "wire.md")])
    assert len(corpus.documents) == 1 and not corpus.errors


def test_stdin_is_read_in_the_format_its_given_name_says(tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(f"<p>{SENTENCE}</p>".encode())))
    corpus = read_corpus(["-"], stdin_name="pasted.html")
    [document] = corpus.documents
    assert document.path == "pasted.html"
    assert [c.surface for c in claims_in(document)] == ["40"]


def test_a_figure_opening_the_line_after_a_date_line_is_extracted(tmp_path):
    _, claims = read_one(write(tmp_path, "wire.txt", "date 2025-02-04\n\nNine people were killed, police said.\n"))
    assert [c.surface for c in claims] == ["Nine"]


# ---- metadata stated in the text ---------------------------------------------------------

@pytest.mark.parametrize(("head", "date"), [
    ("date 2025-02-03\n", "2025-02-03"),
    ("  • 3 February 2025 08:15\n", "2025-02-03"),
    ("February 3, 2025\n", "2025-02-03"),
    ("By Ada Brenn and Tomas Velk | The Ostry Evening Courier | February 3, 2025\n", "2025-02-03"),
])
def test_the_publication_date_is_picked_up_from_a_date_line_or_byline(tmp_path, head, date):
    corpus, _ = read_one(write(tmp_path, "wire.txt", f"Tram crash in Ostry\n{head}\n{SENTENCE}\n"))
    assert corpus.documents[0].date == date


def test_a_date_inside_a_sentence_is_not_the_publication_date(tmp_path):
    text = f"Tram crash in Ostry\n\nThe line opened on 3 February 1998, and {SENTENCE.lower()}\n"
    corpus, _ = read_one(write(tmp_path, "wire.txt", text))
    assert corpus.documents[0].date is None


def test_the_source_is_picked_up_from_a_source_line(tmp_path):
    corpus, _ = read_one(write(tmp_path, "wire.txt", f"Tram crash\n  • Source: Ostry Express\n\n{SENTENCE}\n"))
    assert corpus.documents[0].source == "Ostry Express"


# ---- bad input -------------------------------------------------------------------------------

BAD_INPUT = {
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    "latin1.txt": ("Caf\xe9 owners said 40 people were injured.".encode("latin-1"), "not UTF-8"),
    "empty.md": (b"", "empty"),
    "blank.txt": (b" \n\n\t\n", "empty"),
    "broken.jsonl": (b'{"id": "a", "text": "Nine died."\n', "line 1: malformed JSON"),
    "no-text.jsonl": (b'{"id": "a", "body": "Nine died."}\n', 'needs a "text" string'),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUT))
def test_bad_input_is_an_error_naming_the_file_and_the_rest_are_still_read(tmp_path, name):
    content, reason = BAD_INPUT[name]
    bad = write(tmp_path / "bad-input", name, content)
    good = write(tmp_path, "good.md", SENTENCE)
    corpus = read_corpus([str(bad), str(good)])
    [error] = corpus.errors
    assert error.path == str(bad) and reason in error.message
    assert [d.path for d in corpus.documents] == [str(good)]


def test_a_file_larger_than_the_limit_is_refused(tmp_path):
    huge = write(tmp_path, "huge.txt", b"x" * (MAX_BYTES + 1))
    [error] = read_corpus([str(huge)]).errors
    assert error.path == str(huge) and "larger than" in error.message


def test_a_missing_path_is_an_error_naming_it(tmp_path):
    missing = str(tmp_path / "nowhere.md")
    [error] = read_corpus([missing]).errors
    assert error.path == missing and "no such file" in error.message


def test_a_folder_without_articles_is_an_error(tmp_path):
    write(tmp_path, "empty/notes.pdf", b"%PDF-1.4")
    [error] = read_corpus([str(tmp_path / "empty")]).errors
    assert "no article files" in error.message


def test_a_json_lines_file_keeps_its_good_records_and_names_the_bad_lines(tmp_path):
    lines = [json.dumps({"id": "a", "text": SENTENCE}), "{broken", json.dumps({"id": "b", "text": "Nine died."}),
             json.dumps({"id": "a", "text": "Again."})]
    path = write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    corpus = read_corpus([str(path)])
    assert [d.id for d in corpus.documents] == ["a", "b"]
    [error] = corpus.errors
    assert "line 2: malformed JSON" in error.message and "line 4: duplicate id 'a'" in error.message


def test_a_document_id_used_twice_across_files_is_an_error(tmp_path):
    one = write(tmp_path, "one.jsonl", json.dumps({"id": "a", "text": SENTENCE}) + "\n")
    two = write(tmp_path, "two.jsonl", json.dumps({"id": "a", "text": "Nine died."}) + "\n")
    corpus = read_corpus([str(one), str(two)])
    assert [d.path for d in corpus.documents] == [str(one)]
    [error] = corpus.errors
    assert error.path == str(two) and "'a'" in error.message


def test_reading_never_modifies_the_files(tmp_path):
    files = [write(tmp_path, name, content) for name, (content, _) in BAD_INPUT.items()]
    files += [write(tmp_path, "page.html", HTML_PAGE), write(tmp_path, "crlf.md", f"Intro\r\n{SENTENCE}\r\n")]
    before = {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in files}
    read_corpus([str(tmp_path)])
    assert {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in files} == before
