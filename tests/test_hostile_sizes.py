"""Pathological input (issue 11, items 1-7): every stage does work in proportion to the text.

No test here times anything. Each one either checks that the work carried per figure is
bounded, or gives an input that the old, quadratic code could not finish within a CI run (the
sizes are noted) and checks that the answer is right.
"""
from __future__ import annotations

import pytest
import yaml

from factcheck.context import (MAX_SENTENCE_CHARS, SENTENCE_READINGS, Sentence, SentenceIndex, _sources_in, _time_cues,
                               _time_of, attribution_in, names_in, sentences)
from factcheck.extract import claims_in, extract_claims
from factcheck.htmltext import article_text
from factcheck.ingest import parse_text, read_corpus
from factcheck.match import match_claims
from factcheck.metadata import _NoAliasLoader, front_matter_values
from factcheck.numbers import MAX_NUMBER_WORDS
from factcheck.suppress import suppressions_in

from conftest import article


def sentence(text: str) -> Sentence:
    return Sentence(0, len(text), text)


def test_a_long_token_after_a_verb_of_saying_leaves_the_source_found():
    # 64 KB took the old pattern over a minute, growing with the square: this is 200 KB
    text = "Police said 5 people died " + "a" * 200_000
    assert attribution_in(sentence(text)) == "Police"


def test_a_long_chain_of_hyphenated_words_leaves_the_source_found():
    text = "Police said 5 people died " + "twenty-" * 30_000 + "twenty"
    assert attribution_in(sentence(text)) == "Police"


def test_a_run_of_number_words_longer_than_any_figure_is_no_figure():
    # read as one match, the run kept a backtracking record per word: 40 bytes per character
    text = "Police said 5 people died " + "twenty-" * 30_000 + "twenty"
    assert [claim.surface for claim in claims_in(article("a.md", text))] == ["5"]


def test_a_figure_of_as_many_number_words_as_the_bound_is_still_read():
    words = "nine hundred and ninety-nine million nine hundred and ninety-nine thousand nine hundred and ninety-nine"
    assert len(words.replace("-", " ").split()) - words.count(" and ") <= MAX_NUMBER_WORDS
    [claim] = claims_in(article("a.md", f"Officials counted {words} ballots."))
    assert claim.value == 999_999_999


def test_the_readings_kept_per_sentence_stay_few_however_many_sentences_and_figures():
    # an entry per figure (the time cue was keyed by its offset) or per sentence met held the
    # sentences, their texts and regex matches of a whole page: most of a small input's memory
    text = " ".join(f"On Monday {n} people died in Lyon, police said." for n in range(2_000))
    found = list(claims_in(article("a.md", text, "2024-05-13")))
    assert len(found) == 2_000 and {claim.time for claim in found} == {"2024-05-13"}
    for reader in (_sources_in, names_in, _time_cues, _time_of):
        assert reader.cache_info().currsize <= SENTENCE_READINGS


def test_the_sentence_index_gives_every_sentence_as_sentences_reads_it():
    text = "Five died. " * 300 + "1, " * 2_000 + "\nSix were hurt."
    index, expected = SentenceIndex(text), sentences(text)
    assert [index.at(sentence.start) for sentence in expected] == expected
    assert [index[n] for n in range(len(expected))] == expected


def test_no_sentence_is_longer_than_the_bound():
    text = "1, " * 5_500  # a flattened table: no stop anywhere
    pieces = sentences(text)
    assert max(len(piece.text) for piece in pieces) <= MAX_SENTENCE_CHARS
    assert "".join(piece.text for piece in pieces).replace(" ", "") == text.replace(" ", "")


def test_a_sentence_is_cut_at_a_space_not_inside_a_figure():
    text = "12,345 " * 1_000
    assert all(piece.text.split(" ")[-1] == "12,345" for piece in sentences(text))


def test_many_figures_in_one_sentence_each_carry_a_bounded_sentence():
    found = list(claims_in(article("a.md", "1 home, " * 3_000)))
    assert len(found) == 3_000
    assert all(len(claim.sentence) <= MAX_SENTENCE_CHARS and claim.surface in claim.sentence for claim in found)


def test_every_figure_of_a_long_sentence_gets_its_time_cue():
    text = "In June 2012 the counts were " + ", ".join(f"{n} homes" for n in range(1, 150)) + "."
    found = list(claims_in(article("a.md", text, "2012-07-01")))
    assert len(text) < MAX_SENTENCE_CHARS and {claim.time for claim in found} == {"2012-06-01"}


def test_unclosed_quotation_marks_leave_every_figure_unquoted():
    # x6 per doubling before: 800 of them took seconds, these 3,000 would take half an hour
    found = list(claims_in(article("a.md", "5 people “ " * 3_000)))
    assert len(found) == 3_000 and not any(claim.quoted for claim in found)


def test_a_closed_quotation_after_unclosed_ones_still_quotes_its_figure():
    text = "A “ B “ C said “ 40 people died ” on Monday."
    assert [claim.quoted for claim in claims_in(article("a.md", text))] == [True]


def test_unclosed_suppression_comments_are_no_comments():
    # 256 KB took 35 s before, growing with the square: this is 3.2 MB
    document = parse_text("a.md", "<!-- factcheck: " * 200_000)[0]
    assert suppressions_in(document) == []


def test_a_comment_after_an_unclosed_one_still_ends_at_its_close():
    text = "<!-- factcheck: ignore FC101 first\nNine died. <!-- factcheck: ignore FC102 second -->\n"
    found = suppressions_in(parse_text("a.md", text)[0])
    assert [s.rules for s in found] == [("FC101",)]  # the first opening runs to the first close


def test_deeply_nested_markup_keeps_every_block():
    # 1.4 MB of unclosed <div>: the old parser walked the open elements per text run (killed at 120 s)
    page = article_text("<html><body>" + "<div>5 killed. " * 100_000)
    assert len(page.lines()) == 100_000


def test_end_tags_of_elements_never_opened_close_nothing():
    page = article_text("<article><p>" + "<span>" * 50_000 + "Five killed." + "</i>" * 50_000 + "</p></article>")
    assert page.lines() == ["Five killed."]


def test_a_start_tag_that_never_ends_leaves_the_article_before_it():
    # "<a b='" repeated made the standard library parser read to the end of the page for each
    page = article_text("<html><body><p>Five killed.</p>" + "<a b='" * 50_000)
    assert page.lines()[0] == "Five killed."


def table(name: str, rows: int) -> list:
    text = "\n\n".join(f"Row {n}: {100 + n} people were injured in the town." for n in range(rows))
    return extract_claims([article(name, text)])


def test_two_tables_in_articles_of_one_story_are_not_compared_row_by_row():
    # 1,000 figures of one frame in each of two articles took 84 s, 2,000 over 300 s and 1.1 GB
    pairs = match_claims(table("a.md", 2_000) + table("b.md", 2_000)).pairs
    assert not any(a.doc != b.doc for a, b in pairs)


def test_a_front_matter_alias_bomb_is_not_expanded_and_the_article_is_read(tmp_path):
    # about 400 bytes of nested aliases grew past 2.7 GB once the values were walked
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    levels += [f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
    path = tmp_path / "bomb.md"
    path.write_text("---\n" + "\n".join(levels) + "\n---\nFive people died.\n", encoding="utf-8")
    corpus = read_corpus([str(path)])
    assert [claim.surface for document in corpus.documents for claim in claims_in(document)] == ["Five"]
    assert [warning.path for warning in corpus.warnings] == [str(path)] and "aliases" in corpus.warnings[0].message


def test_front_matter_without_aliases_is_read_as_before():
    document = parse_text("a.md", '---\ntitle: "Quake"\ndate: 2024-05-13\n---\nFive people died.\n')[0]
    assert (document.title, document.date) == ("Quake", "2024-05-13")


@pytest.mark.parametrize("front", [
    'title: "Quake: 5 dead"\ndate: 2024-05-13\nsource: Wire\ntags: [quake, "news"]\n',
    "title: Quake\ndate: 2024-05-13 10:30:00\nscore: 1.5e3\nyes: no\nempty:\nlist:\n  - a\n  - 2\n",
    "title: Mine blast: 9 dead\n",  # not YAML: both read it again in pure Python
    "title: 'Café – “5” dead'\nurl: https://example.org/a?b=c#d\n",
])
def test_front_matter_read_by_libyaml_gives_what_pure_python_pyyaml_gives(front):
    try:
        expected = ("values", yaml.load(front, Loader=_NoAliasLoader))
    except yaml.YAMLError as error:
        expected = ("error", str(error))
    try:
        found = ("values", front_matter_values(front))
    except yaml.YAMLError as error:
        found = ("error", str(error))
    assert found == expected
