"""Stories: which articles report the same event (specification of factcheck.stories)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from factcheck.ingest import read_corpus
from factcheck.stories import StoryMemo, is_roundup, refers_to, related_pairs

from conftest import FIXTURES, article

FLOOD_A = ("The Varna river burst its banks at Ostrava on Sunday; the regional emergency office "
           "evacuated the riverside districts and sandbags lined the Ostrava embankment.")
FLOOD_B = ("Floodwater from the Varna reached the Ostrava embankment overnight, and the emergency "
           "office ordered riverside districts evacuated as sandbags ran short.")
HEIST = ("Masked thieves rammed a jeweller's window on Rue Castel in Lyon and escaped with watches "
         "and diamond necklaces before police arrived at the boutique.")


def pair(*names: str) -> frozenset[str]:
    return frozenset(names)


def corpus():
    return [article("a.md", FLOOD_A), article("b.md", FLOOD_B), article("c.md", HEIST)]


def test_two_reports_of_one_flood_tell_one_story():
    assert pair("a.txt", "b.txt") in related_pairs(corpus())


def test_a_flood_and_a_heist_are_different_stories():
    related = related_pairs(corpus())
    assert pair("a.txt", "c.txt") not in related and pair("b.txt", "c.txt") not in related


def test_only_with_keeps_the_pairs_that_touch_the_draft():
    related = related_pairs(corpus() + [article("d.md", FLOOD_A + " " + FLOOD_B)], frozenset({"d.txt"}))
    assert related and all("d.txt" in found for found in related)


COUNCIL = ("Councillors in Ostrava approved a budget for schools, libraries and the tram depot, and the "
           "mayor opened a stadium beside the riverside embankment where sandbags once stood.")


def dated_pair(later_date: str) -> frozenset[frozenset[str]]:
    """The flood report, a council report sharing a few of its words, and a heist."""
    return related_pairs([article("a.md", FLOOD_A, date="2024-03-02"), article("b.md", COUNCIL, date=later_date),
                          article("c.md", HEIST, date="2024-03-02")])


def test_a_loosely_similar_report_the_next_day_tells_the_same_story():
    assert pair("a.md", "b.md") in dated_pair("2024-03-03")


def test_the_same_loose_similarity_months_later_is_another_story():
    assert pair("a.md", "b.md") not in dated_pair("2024-09-20")


NEWSLETTER = "Check your junk folder for the verification message to activate your newsletter profile."
QUAKE = "A tremor shook Belmora overnight and cracked the bell tower of the Santa Vessa chapel."


def test_a_furniture_line_repeated_across_the_archive_links_nothing():
    documents = [article(f"d{i}.md", f"{NEWSLETTER}\n{story}", date=f"2024-0{1 + i}-10")
                 for i, story in enumerate([HEIST, QUAKE, FLOOD_A])]
    assert related_pairs(documents) == frozenset()


def test_a_shared_name_is_evidence_of_one_story():
    first = article("a.md", "Rescuers in Belmora searched the Santa Vessa chapel for the sexton.")
    second = article("b.md", "The Santa Vessa chapel at Belmora lost its tower, the sexton said.")
    assert pair("a.txt", "b.txt") in related_pairs([first, second, article("c.md", HEIST)])


def test_the_result_does_not_depend_on_the_order_of_the_documents():
    documents = corpus() + [article("d.md", QUAKE)]
    assert related_pairs(documents) == related_pairs(list(reversed(documents)))


ARCHIVE = FIXTURES / "archive"


def archive_pairs() -> set[frozenset[str]]:
    """The linked pairs of the miniature archive, by file name."""
    documents = read_corpus([str(ARCHIVE)]).documents
    return {frozenset(Path(doc).stem for doc in found) for found in related_pairs(documents)}


def test_two_reports_of_one_quake_tell_one_story():
    assert pair("quake-belmora-1", "quake-belmora-2") in archive_pairs()


def test_a_follow_up_that_names_the_date_of_the_event_joins_its_story():
    assert pair("quake-belmora-1", "quake-belmora-followup") in archive_pairs()


def test_a_quake_of_the_same_kind_years_later_is_another_story():
    assert not any("quake-corvale" in found for found in archive_pairs())


def test_a_round_up_of_many_incidents_is_the_story_of_none_of_them():
    assert not any("weekend-roundup" in found for found in archive_pairs())


def test_a_round_up_is_told_by_its_many_times_and_addresses():
    roundup, single = (read_corpus([str(ARCHIVE / f"{name}.md")]).documents[0]
                       for name in ("weekend-roundup", "quay-street-shooting"))
    assert is_roundup(roundup) and not is_roundup(single)


def test_a_later_report_refers_to_an_earlier_one_by_its_month_and_day():
    followup = article("f.md", "The tower fell in the earthquake of March 3 last year.", date="2022-03-02")
    assert refers_to(followup, dt.date(2021, 3, 3)) and not refers_to(followup, dt.date(2021, 7, 3))


def test_an_undated_report_takes_the_date_of_its_closest_dated_report():
    undated = ("The magnitude 5.4 earthquake that toppled the bell tower of the Santa Vessa chapel in "
               "Belmora was felt along the coast; the Ostrel regional emergency office said harbour "
               "walls were inspected.")
    belmora, corvale = (read_corpus([str(ARCHIVE / f"{name}.md")]).documents[0]
                        for name in ("quake-belmora-1", "quake-corvale"))
    related = related_pairs([belmora, article("u.md", undated), corvale])
    assert frozenset((belmora.id, "u.txt")) in related and frozenset((corvale.id, "u.txt")) not in related


def _invented_town(number: int) -> str:
    """A made-up place name, different for every number ("Bacebiville")."""
    consonants, vowels = "bcdfghklmnprstvz", "aeiou"
    syllables = (consonants[(number >> 4 * k) % 16] + vowels[(number >> 4 * k + 2) % 5] for k in range(3))
    return "".join(syllables).capitalize() + "ville"


def _unrelated_reports(count: int) -> list:
    """Enough dated reports of unrelated local news, each in words of its own, to make an archive."""
    reports = []
    for number in range(count):
        towns = [_invented_town(5 * number + k) for k in range(5)]
        reports.append(article(f"local-{number}.md", f"In {towns[0]} the {towns[1]} committee met the {towns[2]} "
                               f"traders about {towns[3]} harbour {towns[4]} fees.", date="2024-01-01"))
    return reports


FLOOD_REPORT = ("The Varna river burst its banks at Ostrava on Sunday; the regional emergency office evacuated the "
                "riverside districts and sandbags lined the Ostrava embankment while Mayor Lenka Dvorak toured "
                "the pumping station.")
LOOSE_FLOOD_REPORT = ("Sandbags lined the embankment of the Varna as the emergency office in Ostrava counted damage "
                      "to the pumping station; farmers upstream said orchards, barns, tractors, greenhouses, "
                      "vineyards, beehives and fences were lost to hailstorms.")


def archive_with_loose_report(date: str | None) -> frozenset[frozenset[str]]:
    """The flood report, a loosely similar one (dated or not), among unrelated reports."""
    loose = article("loose.md", LOOSE_FLOOD_REPORT, date=date)
    return related_pairs([article("flood.md", FLOOD_REPORT, date="2024-03-03"), loose, *_unrelated_reports(70)])


def test_in_an_archive_a_loosely_similar_report_of_the_next_day_joins_the_story():
    assert pair("flood.md", "loose.md") in archive_with_loose_report("2024-03-04")


def test_in_an_archive_an_undated_report_needs_closer_words_to_join_a_story():
    assert not any("loose.txt" in found for found in archive_with_loose_report(None))


def test_a_memo_of_story_features_changes_no_link_run_after_run():
    documents = [article("flood.md", FLOOD_REPORT, date="2024-03-03"), *_unrelated_reports(70)]
    draft = article("loose.md", LOOSE_FLOOD_REPORT, date="2024-03-04")
    memo, drafts = StoryMemo(), frozenset({"loose.md"})
    fresh = related_pairs(documents + [draft], drafts)
    assert fresh and all(related_pairs(documents + [draft], drafts, memo) == fresh for _ in range(2))


def test_a_memo_reads_a_changed_article_afresh():
    memo, draft = StoryMemo(), article("loose.md", LOOSE_FLOOD_REPORT, date="2024-03-04")
    documents = [article("flood.md", FLOOD_REPORT, date="2024-03-03"), *_unrelated_reports(70)]
    related_pairs(documents + [draft], frozenset({"loose.md"}), memo)
    changed = [article("flood.md", HEIST, date="2024-03-03"), *documents[1:]]
    assert related_pairs(changed + [draft], frozenset({"loose.md"}), memo) == frozenset()


def test_a_short_round_up_is_told_by_an_opening_of_many_incidents():
    roundup = article("w.md", "Thirty people were shot in Harwick over a violent weekend, police said. "
                      "Among them, two teens were wounded on Friday night near the river.")
    single = article("s.md", "Two teens were wounded in a shooting near the river on Friday night, police said.")
    assert is_roundup(roundup) and not is_roundup(single)
