"""Frames: figures are compared by what they state, whatever verb states it (specification of
factcheck.frames and of the open-vocabulary matching in factcheck.match)."""
from __future__ import annotations

from factcheck.extract import extract_claims
from factcheck.frames import frame_of, lemma, thing_of, verb_lemma
from factcheck.match import apart, explain

from conftest import article, check, flagged_pairs
from test_behaviours import check_fixture, flagged


def claim_at(text: str, surface: str, name: str = "a.md", date: str | None = "2025-06-02"):
    claims = extract_claims([article(name, text, date)])
    return next(c for c in claims if c.surface == surface)


def test_the_lemmatiser_reads_irregular_forms():
    assert verb_lemma("fled") == "flee" and verb_lemma("drowned") == "drown"
    assert lemma("crewmen") == "crewman"


def test_a_noun_that_could_be_a_verb_is_no_event():
    assert verb_lemma("people") is None


def test_a_verb_the_lexicon_does_not_know_is_the_event():
    claim = claim_at("At least 42 passengers drowned when the ferry capsized.", "At least 42")
    assert claim.predicate is None
    assert frame_of(claim).event == "drown"


def test_counted_nouns_meet_through_their_class():
    assert thing_of("passengers") == thing_of("people") == "people"
    assert thing_of("lorries") == thing_of("trucks")


def test_figures_of_an_unlisted_verb_are_compared_across_articles():
    result = check_fixture("open-frames")
    assert frozenset(("ferry-courier: 42", "harbour-signal: 61")) in flagged(result)


def test_agreeing_figures_of_an_unlisted_verb_stay_quiet():
    result = check_fixture("open-frames")
    assert not any("300" in name for pair in flagged(result) for name in pair)


def test_a_part_named_after_its_whole_is_not_the_whole():
    result = check_fixture("open-frames")
    assert not any("ferry-courier: 14" in pair for pair in flagged(result))


def test_one_victim_described_is_not_a_count():
    result = check_fixture("open-frames")
    assert not any("ferry-courier: One" in pair for pair in flagged(result))


def test_different_events_of_one_thing_are_kept_apart():
    a = claim_at("Twelve people were rescued from the roof.", "Twelve", "a.md")
    b = claim_at("Forty people were evacuated from the roof.", "Forty", "b.md")
    assert apart(a, b).startswith("different events")


def test_a_count_with_no_event_is_not_compared():
    a = claim_at("The ferry had 30 crew on board.", "30", "a.md")
    b = claim_at("The ferry had 25 crew on board.", "25", "b.md")
    assert apart(a, b) is not None


def test_a_breakdown_is_not_the_count_of_its_whole():
    result = check(article("a.md", "Two children and two teens were shot outside the arena on Friday.", "2025-06-02"),
                   article("b.md", "Four children were shot outside the arena on Friday, police said.", "2025-06-02"))
    assert not flagged_pairs(result)


def test_a_conversion_in_brackets_is_no_statement_of_its_own():
    claim = claim_at("Thieves took jewels worth two million euros (£1.7 million) from the shop.", "£1.7 million")
    assert claim.conversion


def test_a_state_still_true_is_not_the_count_at_first():
    result = check(article("a.md", "Two people remain trapped in the wreckage of the tram, firefighters said.", "2025-06-02"),
                   article("b.md", "Five people were initially trapped in the wreckage of the tram.", "2025-06-02"))
    assert not flagged_pairs(result)


def test_a_figure_is_flagged_only_against_its_best_counterpart():
    result = check(article("a.md", "The storm killed 12 people in the valley, the mayor said.", "2025-06-02"),
                   article("b.md", "Twelve people were killed in the valley by the storm, the mayor said. "
                           "Rescuers said 15 people were killed in the valley floods.", "2025-06-02"))
    assert frozenset(("12", "Twelve")) not in flagged_pairs(result)
    assert frozenset(("12", "15")) in flagged_pairs(result)  # from the 15's side: nothing in a.md agrees


def test_explain_says_why_two_figures_were_not_compared():
    result = check_fixture("open-frames")
    explanations = explain(list(result.claims), result.matching, None)
    verdicts = {c.verdict for e in explanations for c in e.candidates}
    assert "best counterpart" in verdicts
    assert any(v.startswith("different") for v in verdicts)
