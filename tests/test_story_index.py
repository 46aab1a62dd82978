"""The story index (specification of factcheck.story_index): kept from one run to the next, it
gives, after any change, exactly the links of a run from nothing, and works out again only what
the change reaches."""
from __future__ import annotations

import pytest

import factcheck.story_index
from factcheck import stories
from factcheck.stories import related_pairs
from factcheck.story_index import StoryIndex, story_links

from conftest import article

STORY = ("Rescuers searched the {town} quarry after a rockfall trapped {count} workers near the "
         "{town} pit on {day}; the {town} mining board and Foreman {person} Quillon said pumps ran all night.")
TOWNS = ("Brevandale", "Corvanmoor", "Drisselford", "Elmquist")
PEOPLE = ("Mirela Vostanik", "Tobias Krennow", "Ilse Marrowick", "Pavel Oderstrand")
FURNITURE = "Sign up for the Tollbridge Courier morning newsletter today"


def story(number: int, count: int = 3) -> str:
    """A report of rockfall ``number`` (of ``TOWNS``) counting ``count`` workers trapped."""
    return STORY.format(town=TOWNS[number], count=count, day="Monday", person=PEOPLE[number])


def reports() -> list:
    """Three reports of each of four rockfalls, a few days apart (an archive once ``MAX_DF``
    is small), every one carrying a line of page furniture of three sites (its third holder
    makes it furniture: the holders lie more than a week apart)."""
    found = []
    for number, town in enumerate(TOWNS):
        for outlet in range(3):
            body = story(number, 3 + outlet)
            if outlet == 0 and number < 2:
                body += "\n\n" + FURNITURE
            found.append(article(f"{town.lower()}-{outlet}.md", body, date=f"2024-0{number + 1}-0{outlet + 1}"))
    return found


@pytest.fixture(autouse=True)
def small_archive(monkeypatch):
    """A dozen articles make an archive: terms in more than four weigh nothing, and a few
    shared rare terms are evidence enough."""
    monkeypatch.setattr(stories, "MAX_DF", 4)
    monkeypatch.setattr(stories, "MIN_EVIDENCE", 3.0)


@pytest.fixture
def rebuilt(monkeypatch) -> list[int]:
    """How many times the index was built from nothing."""
    calls: list[int] = []
    real = factcheck.story_index.built_index
    monkeypatch.setattr(factcheck.story_index, "built_index", lambda *args: calls.append(1) or real(*args))
    return calls


def keys_of(documents) -> dict[str, str]:
    """Each document's content key (the pipeline's: the digest of its file's bytes)."""
    return {document.id: f"{document.date}\x1f{document.text}" for document in documents}


def edited(documents, name: str, text: str, date: str | None = "2024-02-02") -> list:
    return [article(name, text, date=date, source="Tollbridge Wire") if document.id == name else document
            for document in documents]


def after(documents, changed) -> StoryIndex:
    """The index of ``documents`` updated for ``changed`` (the same ids), checked to give the
    links of a run from nothing."""
    _, index, _ = story_links(documents, keys_of(documents), None)
    links, _, stored = story_links(changed, keys_of(changed), index)
    assert stored
    assert links == related_pairs(changed)
    return index


def test_the_index_gives_the_links_of_a_run_from_nothing():
    documents = reports()
    links, _, _ = story_links(documents, keys_of(documents), None)
    assert links == related_pairs(documents) and links


def test_an_unchanged_corpus_keeps_its_index_as_it_is():
    documents = reports()
    _, index, _ = story_links(documents, keys_of(documents), None)
    assert story_links(documents, keys_of(documents), index)[2] is False


def test_a_changed_figure_is_worked_into_the_index(rebuilt):
    documents = reports()
    after(documents, edited(documents, "corvanmoor-1.md", story(1, 9)))
    assert rebuilt == [1]


def test_a_changed_word_moves_the_rarity_of_terms_held_elsewhere(rebuilt):
    documents = reports()
    text = story(1) + " The Brevandale quarry pumps helped."
    after(documents, edited(documents, "corvanmoor-1.md", text))
    assert rebuilt == [1]


def test_a_third_holder_of_a_line_makes_it_furniture_for_all_three(rebuilt):
    documents = reports()
    text = story(3, 4) + "\n\n" + FURNITURE
    after(documents, edited(documents, "elmquist-1.md", text, date="2024-04-02"))
    assert rebuilt == [1]


def test_a_report_that_becomes_a_round_up_loses_its_links(rebuilt):
    documents = reports()
    times = " ".join(f"At {hour} p.m. a rockfall hit {10 * hour} Quarry Road." for hour in range(1, 10))
    changed = edited(documents, "drisselford-0.md", story(2) + " " + times, date="2024-03-01")
    index = after(documents, changed)
    assert not any("drisselford-0.md" in pair for pair in index.links(sorted(changed, key=lambda d: d.id)))


def test_a_report_that_loses_its_date_is_judged_as_undated(rebuilt):
    documents = reports()
    after(documents, edited(documents, "elmquist-2.md", story(3, 5), date=None))
    assert rebuilt == [1]


def test_changes_reaching_further_than_the_index_knows_build_it_again(rebuilt):
    documents = reports()
    changed = [article(d.id, d.text.replace("quarry", "gravel quarry"), date=d.date) for d in documents]
    after(documents, changed)
    assert rebuilt == [1, 1]


def test_a_new_article_builds_the_index_again(rebuilt):
    documents = reports()
    _, index, _ = story_links(documents, keys_of(documents), None)
    grown = documents + [article("fenwold-0.md", STORY.format(town="Fenwold", count=2, day="Friday", person="Oslo"),
                                 date="2024-05-01")]
    assert story_links(grown, keys_of(grown), index)[0] == related_pairs(grown)
    assert rebuilt == [1, 1]


def test_the_index_read_back_from_its_bytes_updates_as_the_original(rebuilt):
    documents = reports()
    _, index, _ = story_links(documents, keys_of(documents), None)
    read_back = StoryIndex.from_bytes(index.to_bytes())
    assert read_back == index
    text = story(1) + " The Brevandale pumps helped."
    changed = edited(documents, "corvanmoor-1.md", text)
    assert story_links(changed, keys_of(changed), read_back)[0] == related_pairs(changed)
    assert rebuilt == [1]


def test_bytes_that_do_not_add_up_to_an_index_are_refused():
    documents = reports()
    _, index, _ = story_links(documents, keys_of(documents), None)
    with pytest.raises(ValueError):
        StoryIndex.from_bytes(index.to_bytes()[:-1])
