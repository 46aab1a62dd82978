"""Fuzzed articles, built from the pieces that have broken factcheck before (figures, verbs of
saying, long tokens, unclosed quotes and comments, tags, front matter): checking them never
crashes, the JSON report is valid, and every claim's offsets give back its surface."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.ingest import parse_text
from factcheck.pipeline import check_documents
from factcheck.report import json_report

PIECES = [
    "5", "1,200", "twenty-", "three", "$4.5 million", "40%", "12 km", "1990", "people", "died",
    "were injured", "said", "Police", "according to", "the mayor", "“", "”", '"', "'", "‘", "’",
    "<!-- factcheck: ", "ignore FC101 ", "-->", "<div>", "</div>", "<p>", "<a b='", ">", "&amp;",
    "&", ". ", ", ", "; ", "\n", "\n\n", " ", "aaaaaaaaaaaaaaaa", "on Monday", "in June 2012",
    "ſ", "\u00a0", "é", "—", "-", "(", ")", "Of the 30 detained, ", "one man", "killed",
]
FRONT = st.sampled_from(["", '---\ndate: "2024-05-13"\n---\n', "---\ntitle: [\n---\n", "---\na: &x 1\nb: *x\n---\n"])
BODY = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)
NAME = st.sampled_from(["a.md", "a.txt", "a.html"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front=FRONT, bodies=st.lists(BODY, min_size=1, max_size=3), name=NAME)
def test_any_article_gives_a_valid_report_whose_offsets_give_back_each_surface(front, bodies, name):
    texts, documents = {}, []
    for index, body in enumerate(bodies):
        path = f"{index}-{name}"
        texts[path] = front + body if name != "a.html" else body
        try:
            documents += parse_text(path, texts[path])
        except Exception as error:  # the readers may refuse a file, only by their own errors
            assert type(error).__name__ == "IngestError", error
    report = json.loads(json_report.render(check_documents(documents)))
    assert set(report) >= {"documents", "claims", "groups", "findings"}
    for claim in report["claims"]:
        assert texts[claim["path"]][claim["start"]:claim["end"]] == claim["surface"]
