"""Page furniture: the lines of a page dump that are not the article are dropped before
extraction, and every line of article prose is kept, whatever it starts with."""
from __future__ import annotations

import pytest

from factcheck.extract import claims_in
from factcheck.furniture import body_lines, gallery_captions, is_furniture_line
from factcheck.ingest import read_corpus

from conftest import FIXTURES

FURNITURE_LINES = [
    "  • By Mara Quist",
    "By MARA QUIST Pellin Daily",
    "By Mara Quist, Chief Correspondent",
    "  • 2 Shares",
    "1,204 Shares",
    "4 Min Read",
    "Reading time: 6 minutes",
    "  • 14 March 2025 09:12",
    "Fri 14 March 2025 | 09:12 GMT",
    "March 14, 2025 10:43 AM EDT",
    "March 14th, 2025",
    "9 September 2025 Last updated at 14:39 GMT",
    "Updated: 14 March 2025 10:40 GMT",
    "Posted: 03 / 14 / 2025 06:37:46 AM PDT",
    "First Posted 23:37:00 05 / 05 / 2025",
    "Published May 05, 2025",
    "  • Source: Pellin Daily",
    "1/34",
    "1/34 12 March 2025 A farmer leads 30 cattle to higher ground",
    "1:56 Floodwater sweeps through Pellin market",
    "1:29 autoplay",
    "Try Newsroom Plus free for 3 months with unlimited access to 40 years of our archive.",
    "Sign up for our daily newsletter and get 10 stories a day in your inbox.",
    "Leave A Reply",
    "Your email address will not be published.",
    "© 2025 Pellin Daily. All rights reserved.",
    "Copyright 2025 Pellin Daily",
    "Advertisement",
    "3 photos in this gallery",
    "View 8 photos",
    "(12 images)",
    "Tweet 34 Share 12 Email",
    "Comments (45)",
    "0 Pending Comments",
    "Updated 3 hours ago",
    "1 of 12",
]

BODY_LINES = [
    "About 3,000 people have left their homes in the Pellin valley, the council said.",
    "By Sunday, 40 families had returned home.",
    "By the time rescuers arrived, 12 people were stranded on rooftops, the council said.",
    "By Tuesday evening, 40 families had returned to the upper villages.",
    "March 3, 2025, was the day 120 workers walked out of the dam site.",
    "On 12 March 2025, engineers said the reservoir had dropped by 6 metres.",
    "Updated figures from the council show 85 homes were flooded.",
    "The council will send a newsletter to 4,000 households.",
    "Published in 2024, the report counted 300 dams at risk.",
    "Source code for the flood model, 12 pages long, was released by the council.",
    "Share prices fell 12 percent after the dam failed, traders said.",
    "The council showed 8 photos of the breach to reporters on Monday.",
]


@pytest.mark.parametrize("line", FURNITURE_LINES)
def test_page_furniture_line_is_dropped(line):
    assert is_furniture_line(line)


@pytest.mark.parametrize("line", BODY_LINES)
def test_article_sentence_is_kept(line):
    assert not is_furniture_line(line)


def test_a_most_read_list_is_dropped_up_to_the_next_sentence_of_prose():
    lines = [
        "Most Read",
        "1",
        "Five things to know about the 2 new tram lines",
        "2",
        "Stadium crowd of 40,000 sings for Rovers",
        "Engineers said the reservoir had dropped by 6 metres in a single night, the council said.",
    ]
    assert list(body_lines(lines)) == [5]


def test_a_breaking_news_ticker_is_dropped_up_to_the_next_sentence_of_prose():
    lines = [
        "BREAKING",
        "Two miners trapped after tunnel collapse in Fenwick",
        "About 3,000 people have left their homes in the Pellin valley after the dam failed.",
    ]
    assert list(body_lines(lines)) == [2]


def _captions(line: str) -> list[str] | None:
    spans = gallery_captions(line)
    return None if spans is None else [line[start:end] for start, end in spans]


def test_a_gallery_on_one_line_loses_its_header_and_counters_and_keeps_its_captions():
    line = "Pellin flood 8 show all Pellin flood 1/8 Rescue boats on the main road 2/8 A family of 5 waits"
    assert _captions(line) == ["Rescue boats on the main road", "A family of 5 waits"]
    assert _captions("34 show all World news in pictures") == []


def test_a_line_without_a_gallery_header_is_no_gallery():
    assert _captions("Turnout was 3/4 of the 800 registered voters, officials said.") is None


def test_related_news_headlines_are_dropped():
    lines = ["Related News", "Drought warning for 12 districts", "Leave A Reply"]
    assert list(body_lines(lines)) == []


def _claim_surfaces(path: str) -> list[str]:
    return [claim.surface for claim in claims_in(read_corpus([path]).documents[0])]


def test_a_page_dump_yields_claims_from_its_article_only():
    surfaces = _claim_surfaces(str(FIXTURES / "furniture" / "pellin-daily-dump.txt"))
    assert surfaces == ["About 3,000", "40", "12", "120", "6 metres", "85", "4,000", "5"]


def test_an_html_page_yields_claims_from_its_article_only():
    surfaces = _claim_surfaces(str(FIXTURES / "furniture" / "pellin-daily.html"))
    assert surfaces == ["About 3,000", "40", "6&nbsp;metres", "85"]
