"""The behaviours of issue 2, one test each, on small article clusters in ``fixtures/<topic>/``
(our own sentences, invented places). Each test says exactly which pairs of figures are flagged
and, by leaving them out, which stay quiet.

A figure is written ``"<file stem>: <surface>"``, so "valley-post: 45" is the "45" in
fixtures/number-words/valley-post.md.
"""
from __future__ import annotations

from pathlib import Path


from factcheck.ingest import read_corpus
from factcheck.pipeline import Result, check_documents
from factcheck.rules import load_rules

from conftest import FIXTURES, article, check

FLAGGING = ("warning", "error")


def check_fixture(topic: str) -> Result:
    corpus = read_corpus([str(FIXTURES / topic)])
    assert not corpus.errors, corpus.errors
    return check_documents(corpus.documents, load_rules())


def figure_names(result: Result) -> dict[str, str]:
    return {claim.id: f"{Path(claim.path).stem}: {claim.surface}" for claim in result.claims}


def flagged(result: Result, severities=FLAGGING, rule: str | None = None) -> set[frozenset[str]]:
    """Every (primary, disagreeing) pair of the findings at these severities, by figure name."""
    names = figure_names(result)
    pairs: set[frozenset[str]] = set()
    for finding in result.findings:
        if finding.severity in severities and rule in (None, finding.rule):
            primary, *others = finding.claims
            pairs |= {frozenset((names[primary], names[other])) for other in others}
    return pairs


def pair(a: str, b: str) -> frozenset[str]:
    return frozenset((a, b))


def values(result: Result) -> dict[str, float]:
    names = figure_names(result)
    return {names[claim.id]: claim.value for claim in result.claims}


# ---- hedges and rounding --------------------------------------------------------------------

def test_hedged_figures_disagree_only_when_their_intervals_do_not_meet():
    """'more than 200' and 'at least 180' agree; 'fewer than 100' agrees with neither."""
    assert flagged(check_fixture("hedges")) == {
        pair("evening-radio: Fewer than 100", "harbour-wire: More than 200"),
        pair("evening-radio: Fewer than 100", "korvel-courier: At least 180"),
    }


def test_nearly_covers_a_figure_just_below_and_rounding_of_the_stated_precision_is_forgiven():
    """'Nearly 35,000' covers 34,789; 78,000 (rounded to thousands) covers 78,431 but not 79,600."""
    assert flagged(check_fixture("rounding")) == {
        pair("north-star: 79,600", "dorvan-agency: 78,000"),
        pair("north-star: 79,600", "daily-ledger: 78,431"),
    }


# ---- number words, units, money, ranges, percentages ----------------------------------------

def test_number_words_and_suffixed_figures_have_their_values():
    found = values(check_fixture("number-words"))
    assert {name: found[name] for name in (
        "tessel-times: Forty-five", "tessel-times: Two dozen", "tessel-times: Half a million",
        "river-bulletin: Four", "river-bulletin: About 1.2m", "valley-post: 35k",
    )} == {
        "tessel-times: Forty-five": 45, "tessel-times: Two dozen": 24,
        "tessel-times: Half a million": 500_000, "river-bulletin: Four": 4,
        "river-bulletin: About 1.2m": 1_200_000, "valley-post: 35k": 35_000,
    }


def test_number_words_are_compared_by_value():
    """'Forty-five' and '45' agree, 'two dozen' and '24' agree, 'four' does not; 'half a
    million' and 'some 500,000' agree, 'about 1.2m' does not."""
    assert flagged(check_fixture("number-words")) == {
        pair("river-bulletin: Four", "tessel-times: Forty-five"),
        pair("river-bulletin: Four", "valley-post: 45"),
        pair("river-bulletin: About 1.2m", "tessel-times: Half a million"),
        pair("river-bulletin: About 1.2m", "valley-post: Some 500,000"),
    }


def test_areas_in_different_units_are_compared_through_pint():
    """12,000 hectares is about 29,650 acres: it agrees with 30,000 acres, not with 60,000."""
    assert flagged(check_fixture("units")) == {
        pair("plains-radio: 60,000 acres", "lusk-herald: 12,000 hectares"),
        pair("plains-radio: 60,000 acres", "western-wire: 30,000 acres"),
    }


def test_money_is_compared_across_currencies_at_fixed_rates():
    """€37 million is about $46 million: it agrees with $45 million, not with $60 million."""
    assert flagged(check_fixture("money")) == {
        pair("lakeside-news: $60 million", "harlow-gazette: $45 million"),
        pair("lakeside-news: $60 million", "continental-daily: €37 million"),
    }


def test_a_range_agrees_with_a_figure_inside_it_and_disagrees_with_one_outside():
    assert flagged(check_fixture("ranges")) == {
        pair("brill-echo: 300 to 350", "city-wire: About 600"),
    }


def test_people_moved_from_a_place_are_not_a_part_of_a_whole():
    result = check(
        article("a.md", "Firefighters evacuated 300 to 350 people from the Brill estate overnight."),
        article("b.md", "About 600 people were evacuated from the Brill estate overnight."),
    )
    assert flagged(result) == {pair("a: 300 to 350", "b: About 600")}


def test_percentages_written_with_sign_or_word_are_compared():
    """62% and 62 percent agree; 48 percent disagrees with both."""
    assert flagged(check_fixture("percent")) == {
        pair("morning-digest: 48 percent", "vessen-observer: 62%"),
        pair("morning-digest: 48 percent", "capital-times: 62 percent"),
    }


# ---- what is never compared -----------------------------------------------------------------

def test_page_furniture_yields_no_claims():
    """Share counts, read times, galleries, video lists, promos and most-read lists are not
    article text; the article's own figures are all there."""
    surfaces = [claim.surface for claim in check_fixture("furniture").claims]
    assert sorted(surfaces) == sorted([
        "About 3,000", "40", "12", "120", "6 metres", "85", "4,000",  # the page dump
        "5",  # a gallery caption in the dump: its header and counters are furniture, it is not
        "About 3,000", "40", "6&nbsp;metres", "85",  # the HTML page
    ])


def test_the_same_verb_for_a_different_fact_is_never_flagged():
    """35,000 killed in the war since October and 1,200 killed in one attack on 7 October share
    a verb, not a fact."""
    result = check_fixture("same-verb")
    assert flagged(result, severities=("error", "warning", "info")) == set()


# ---- time-ordered updates, one article against itself, named sources, scale -----------------

def test_a_later_higher_count_is_an_update_and_a_later_lower_count_a_warning():
    result = check_fixture("updates")
    assert flagged(result, severities=("info",), rule="FC106") == {
        pair("national-news: Twelve", "ostry-express: Nine"),
    }
    assert flagged(result) == flagged(result, rule="FC105") == {
        pair("national-news: 31", "ostry-express: 40"),
    }


def test_an_article_that_disagrees_with_itself_is_flagged_and_a_stated_revision_is_not():
    result = check_fixture("self-contradiction")
    assert flagged(result) == flagged(result, rule="FC102") == {
        pair("dunmore-chronicle: 23", "dunmore-chronicle: 31"),
    }


def test_named_sources_that_disagree_are_flagged_with_both_attributions():
    result = check_fixture("disputed-sources")
    assert flagged(result) == flagged(result, rule="FC103") == {
        pair("capital-herald: roughly 30,000", "capital-herald: more than 50,000"),
    }
    [finding] = result.findings
    claims = {claim.id: claim for claim in result.claims}
    assert {claims[cid].attribution.lower() for cid in finding.claims} == {"police", "organisers"}
    assert "Police" in finding.message and "Organisers" in finding.message


def test_figures_a_power_of_ten_apart_are_a_slip_of_scale():
    result = check_fixture("scale-slip")
    assert flagged(result, severities=("error",), rule="FC104") == {
        pair("metro-daily: $23 billion", "transit-journal: $2.3 billion"),
    }


def test_the_bundled_sample_story_gives_the_findings_the_readme_shows():
    """The README's first command checks fixtures/sample-story and quotes its findings."""
    result = check_fixture("sample-story")
    assert sorted(finding.severity for finding in result.findings) == ["error", "info", "info", "warning"]
    assert pair("evening-post: 52", "gazette: 37") in flagged(result)
