"""Frames: figures are compared by what they state, whatever verb states it (specification of
factcheck.frames and of the open-vocabulary matching in factcheck.match)."""
from __future__ import annotations

import pytest

from factcheck.context import dateline_of
from factcheck.extract import extract_claims
from factcheck.frames import frame_of, kind_of, lemma, thing_of, verb_lemma
from factcheck.match import Matching, _one_named_event as one_named_event, apart, explain, match_claims
from factcheck.rules import apply_rules, load_rules

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


def test_a_whole_word_of_the_lexicon_is_no_prefix_of_an_open_lemma():
    jury = frame_of(claim_at("The jury deadlocked with nine in favor.", "nine"))
    died = frame_of(claim_at("Nine passengers drowned and nine people later died.", "nine"))
    assert jury.event != "killed"
    assert died.event == "killed"


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
    a = claim_at("The ferry had 30 crew.", "30", "a.md")
    b = claim_at("The ferry had 25 crew.", "25", "b.md")
    assert apart(a, b) is not None


def test_a_breakdown_is_not_the_count_of_its_whole():
    result = check(article("a.md", "Two children and two teens were shot outside the arena on Friday.", "2025-06-02"),
                   article("b.md", "Four children were shot outside the arena on Friday, police said.", "2025-06-02"))
    assert not flagged_pairs(result)


def test_a_conversion_in_brackets_is_no_statement_of_its_own():
    claim = claim_at("Thieves took jewels worth two million euros (£1.7 million) from the shop.", "£1.7 million")
    assert claim.conversion


def test_dollars_in_brackets_after_dollars_are_another_dollars_conversion():
    claim = claim_at("Damage to the hall was estimated at $US1 million ($1.52 million), police said.", "$1.52 million")
    assert claim.conversion


def test_dollars_after_dollars_outside_brackets_are_a_statement_of_their_own():
    claim = claim_at("Tickets cost $5, or $6 at the door.", "$6")
    assert not claim.conversion


def test_a_state_still_true_is_not_the_count_at_first():
    result = check(article("a.md", "Two people remain trapped in the wreckage of the tram, firefighters said.", "2025-06-02"),
                   article("b.md", "Five people were initially trapped in the wreckage of the tram.", "2025-06-02"))
    assert not flagged_pairs(result)


def test_a_figure_is_flagged_only_against_its_best_counterpart():
    result = check(article("a.md", "The storm killed 12 people in the valley, the mayor said.", "2025-06-02"),
                   article("b.md", "Twelve people were killed in the valley by the storm, the mayor said. "
                           "The floods killed 15 people in the valley.", "2025-06-02"))
    assert frozenset(("12", "Twelve")) not in flagged_pairs(result)
    assert frozenset(("12", "15")) in flagged_pairs(result)  # from the 15's side: nothing in a.md agrees


def test_explain_says_why_two_figures_were_not_compared():
    result = check_fixture("open-frames")
    explanations = explain(list(result.claims), result.matching, None)
    verdicts = {c.verdict for e in explanations for c in e.candidates}
    assert "best counterpart" in verdicts
    assert any(v.startswith("different") for v in verdicts)


def test_british_and_american_spellings_are_one_word():
    assert thing_of("litres of fuel") == thing_of("liters of fuel") and lemma("jewellery") == lemma("jewelry")
    assert verb_lemma("travelled") == verb_lemma("traveled") == "travel"


def test_explain_names_why_the_text_sets_a_figure_aside():
    claims = [claim_at("The team suffered a six-game losing streak in the spring.", "six", "a.md"),
              claim_at("The team has lost eight games in a row this season.", "eight", "b.md")]
    explained = {e.claim: e for e in explain(claims, match_claims(claims), None)}
    [candidate] = explained[claims[0].id].candidates
    assert candidate.verdict == "this figure is set aside: a count that describes a thing (a six-game loss)"


def test_a_length_of_a_place_is_a_distance_from_it_not_a_part_of_it():
    claim = claim_at("Residents within 5 km of the river were told not to drink well water.", "5 km")
    assert not claim.partial


def test_an_age_after_both_is_an_age():
    claim = claim_at("Tomas Irle and Pavel Kron, both 16, were treated for cuts.", "16")
    assert claim.predicate == "age"


def test_a_year_old_is_an_age():
    claim = claim_at("A 61-year-old man was arrested at the scene.", "61-year")
    assert claim.predicate == "age"


def test_the_figures_of_two_people_are_two_facts():
    a = claim_at("Orlin Vask is averaging 15.5 points a game this season.", "15.5", "a.md")
    b = claim_at("Teo Marand is averaging 14.9 points a game this season.", "14.9", "b.md")
    assert apart(a, b) == "about different people or bodies"


def test_a_verb_right_before_a_figure_governs_it_over_a_cue_far_after():
    claim = claim_at("The marshal scattered 300 people in under two minutes without firing a shot.", "300")
    assert claim.predicate is None and frame_of(claim).event == "scatter"


def test_a_figure_joined_to_a_noun_that_modifies_another_is_no_count():
    a = claim_at("The team has lost eight games in a row this season.", "eight", "a.md")
    b = claim_at("The team suffered a six-game losing streak in the spring.", "six", "b.md")
    assert apart(a, b) == apart(b, a) == "a count that describes a thing (a six-game loss)"


def test_an_opening_weekend_is_not_the_total():
    result = check(article("a.md", "The film grossed $69.6 million during its opening weekend, the studio said.", "2025-06-02"),
                   article("b.md", "To date the film has grossed $142 million, the studio said.", "2025-06-02"))
    assert not flagged_pairs(result)


def test_a_figure_in_single_quotes_is_quoted():
    claim = claim_at("The pastor said: 'Where two or three are gathered, there I am.'", "three")
    assert claim.quoted


def test_a_moment_belongs_to_the_figure_it_stands_beside():
    claim = claim_at("Two people remain trapped and more than 50 people have been injured.", "more than 50")
    assert "(still)" not in claim.places


def test_physical_measures_of_the_event_are_nobodys():
    a = claim_at("The quake had a magnitude of 4.4, the Vessen Survey said.", "4.4", "a.md")
    b = claim_at("Seismologists at Korvel put the magnitude of the quake at 4.6.", "4.6", "b.md")
    assert apart(a, b) is None


def test_a_difference_is_not_a_value():
    claim = claim_at("The new model costs $100 less than its predecessor, the maker said.", "$100")
    assert apart(claim, claim_at("The new model costs $499, the maker said.", "$499", "b.md")) == "a difference between two values, not a value"


def test_an_open_events_measures_belong_to_whom_the_clause_names():
    a = claim_at("Orlin Vask rushed for 226 yards on Sunday.", "226 yards", "a.md")
    b = claim_at("Teo Marand rushed for 32 yards on Sunday.", "32 yards", "b.md")
    assert apart(a, b) == "about different people or bodies"


def test_an_undated_weekday_is_a_day_of_the_week():
    a = claim_at("The quake of magnitude 4.4 struck on Sunday morning.", "4.4", "a.md", None)
    b = claim_at("The quake of magnitude 4.6 struck on Thursday morning.", "4.6", "b.md", None)
    assert (a.time, b.time) == ("-W-7", "-W-4") and apart(a, b) == "different times"


def test_figures_of_two_days_next_to_each_other_may_meet():
    a = claim_at("The quake of magnitude 4.4 struck on Sunday night.", "4.4", "a.md", None)
    b = claim_at("The quake of magnitude 4.6 struck on Monday.", "4.6", "b.md", None)
    assert apart(a, b) is None


def test_prices_of_two_products_in_one_story_are_two_facts():
    result = check(article("a.md", "The Vantor Slate laptop will cost $1,199 when it ships in June, the maker said.", "2025-06-02"),
                   article("b.md", "Its operating system upgrade will cost just $19.99 for existing owners.", "2025-06-02"))
    assert not flagged_pairs(result)


def test_figures_pinned_to_two_times_of_day_are_two_moments():
    a = claim_at("The quake of magnitude 4.2 struck at 9:27 a.m., the Vessen Survey said.", "4.2", "a.md")
    b = claim_at("The quake of magnitude 4.6 struck shortly after 2:09 am, the Vessen Survey said.", "4.6", "b.md")
    assert apart(a, b) == "different times of day"


def test_figures_pinned_to_one_time_of_day_may_meet():
    a = claim_at("The quake of magnitude 4.2 struck at 9:27 a.m., the Vessen Survey said.", "4.2", "a.md")
    b = claim_at("The quake of magnitude 4.6 struck at about 9:30 am, the Vessen Survey said.", "4.6", "b.md")
    assert apart(a, b) is None


def test_a_name_is_known_written_together():
    a = claim_at("Vantor will pay $40 million for Zanto Brell, its rival said.", "$40 million", "a.md")
    b = claim_at("Vantor is paying $45 million for ZantoBrell, the startup's founder said.", "$45 million", "b.md")
    assert apart(a, b) is None


def test_a_name_is_known_by_its_initials():
    a = claim_at("Vantor Data Systems will pay $40 million for the startup, its rival said.", "$40 million", "a.md")
    b = claim_at("Analysts said VDS is paying $45 million for the startup.", "$45 million", "b.md")
    assert apart(a, b) is None


def test_sums_paid_by_two_different_buyers_stay_apart():
    a = claim_at("Vantor Data Systems will pay $40 million for Kelso Labs, its rival said.", "$40 million", "a.md")
    b = claim_at("Orrin Capital is paying $45 million for Brisk Mobile, the startup's founder said.", "$45 million", "b.md")
    assert apart(a, b) == "about different people or bodies"


def test_a_moment_in_the_speakers_words_is_not_the_figures():
    claim = claim_at("The police source, who wished to remain anonymous, said the thieves took jewels worth "
                     "an estimated 2 million euros.", "an estimated 2 million euros")
    assert "(still)" not in claim.places


def test_a_moment_in_the_reported_words_is_the_figures():
    claim = claim_at("Police said that two people remain trapped under the rubble.", "two")
    assert "(still)" in claim.places


def test_more_after_a_figure_of_another_event_counts_the_whole_of_its_own():
    claim = claim_at("The quake struck Ostrel province, killing at least three people and injuring dozens more.", "dozens")
    assert not claim.partial


def test_more_after_a_figure_of_the_same_event_is_an_increment():
    claim = claim_at("Rescuers found three bodies on Monday and found two more on Tuesday.", "two")
    assert claim.partial


def test_a_measure_is_of_the_noun_it_modifies():
    a = claim_at("Dozens injured, child dead as 6.1-magnitude earthquake hits Ostrel province", "6.1", "a.md")
    b = claim_at("A strong 6.1-magnitude earthquake struck Ostrel province on Tuesday.", "6.1", "b.md")
    assert a.counted == b.counted and apart(a, b) is None


def test_statements_of_one_place_named_two_ways_share_its_name():
    a = claim_at("Some 50,000 people marched in Salonika on Wednesday.", "Some 50,000", "a.md")
    b = claim_at("Another 20,000 people marched in Thessaloniki, police said.", "20,000", "b.md")
    assert "thessaloniki" in frame_of(a).words & frame_of(b).words


def test_a_time_after_in_dates_the_whole_clause_however_far():
    claim = claim_at("A 6.7-strength quake killed more than 26,000 people in the ancient city of Varna in "
                     "December 2003.", "6.7", "a.md", "2005-11-28")
    assert claim.time == "2003-12-01"


def test_a_time_after_of_dates_only_its_noun():
    claim = claim_at("The quake left hundreds injured as it rocked a coastal region that was devastated by the "
                     "tsunami of 2004.", "hundreds", "a.md", "2013-07-02")
    assert claim.time is None


def test_a_population_is_one_fact_however_it_is_said():
    a = claim_at("The quake struck Varn island, home to 200,000 people, on Sunday.", "200,000", "a.md")
    b = claim_at("Varn island, which has a population of 120,000, was hit on Sunday.", "120,000", "b.md")
    assert a.predicate == b.predicate == "population" and apart(a, b) is None


def test_a_share_of_a_whole_is_not_a_count_of_it():
    a = claim_at("Immigrants, who comprise a third of Varnholt's population, were hit hardest.", "a third", "a.md")
    b = claim_at("Varnholt has a population of 2,500, the mayor said.", "2,500", "b.md")
    assert (kind_of(a), kind_of(b)) == ("percent", "count")


def test_a_day_of_the_week_never_falls_on_a_date_long_past():
    history = claim_at("A quake of magnitude 6.7 struck Varna on Dec. 1, 2003.", "6.7", "a.md", "2005-11-28")
    news = claim_at("The quake of magnitude 3.8 struck on Monday morning.", "3.8", "b.md", None)
    assert (history.time, news.time) == ("2003-12-01", "-W-1") and apart(history, news) == "different times"


def test_a_month_after_in_dates_the_whole_clause_however_far():
    claim = claim_at("A 6.4-magnitude quake hit the town of Zarand in the western province of Varn in February, "
                     "killing hundreds.", "6.4", "a.md", "2005-11-28")
    assert claim.time == "2005-02-01"


def test_a_date_long_before_the_other_article_is_history_there_too():
    history = claim_at("More than 31,000 people were killed in Varna in December 2003.", "More than 31,000", "a.md", None)
    news = claim_at("Officials said 10 people were killed in the quake.", "10", "b.md", "2005-11-28")
    assert apart(history, news) == "different times"


def test_inside_one_article_the_specifications_of_two_models_are_two_facts():
    text = ("The first Vantor Slate 15 model comes with a 2.4GHz processor and a 250GB drive. "
            "The second Vantor Slate 15 model comes with a 2.5GHz processor and a 320GB drive.")
    result = check(article("a.md", text, "2025-06-02"))
    assert not flagged_pairs(result)


def test_a_record_an_event_is_measured_against_is_not_the_events_figure():
    record = claim_at("The largest quake ever recorded in Varnholt had a magnitude of 4.5.", "4.5", "a.md")
    news = claim_at("A quake of magnitude 4.8 shook Varnholt on Monday, seismologists said.", "4.8", "b.md")
    assert "(record)" in record.places and apart(record, news) == "different places"


def test_a_plural_noun_of_an_event_after_a_modifier_is_what_is_counted():
    claim = claim_at("After rallying in two separate demonstrations, the unions marched on.", "two", "a.md")
    assert claim.counted == "demonstrations" and not frame_of(claim).people_like


def test_a_verb_right_after_a_figure_still_ends_its_noun_phrase():
    assert claim_at("Five killed as storm hits Varnholt.", "Five", "a.md").counted is None


def test_figures_far_apart_in_size_are_different_facts():
    war = claim_at("Some 2 million people died in Varnholt's decades of civil war.", "Some 2 million", "a.md")
    raid = claim_at("Seven people died in the raid on Varnholt, officials said.", "Seven", "b.md")
    assert apart(war, raid) == "too far apart in size to be one fact"


def test_a_slip_of_scale_is_still_compared():
    billions = claim_at("The Varnholt bailout is worth $1.2 billion, the ministry said.", "$1.2 billion", "a.md")
    millions = claim_at("The Varnholt bailout is worth $1.2 million, the ministry said.", "$1.2 million", "b.md")
    assert apart(billions, millions) is None


def test_the_other_few_are_a_part_of_the_whole():
    assert claim_at("The other three people killed have now been named.", "three", "a.md").partial


def test_one_deal_between_the_same_parties_meets_however_it_is_worded():
    a = claim_at("Orvane will pay $334 million for Kestrel Labs, including $281 million in cash.", "$334 million", "a.md")
    b = claim_at("Orvane said on Tuesday it agreed to acquire the start-up Kestrel Labs for $350 million.", "$350 million", "b.md")
    assert a.predicate == b.predicate and apart(a, b) is None


def test_offers_of_two_bidders_to_one_party_stay_apart():
    a = claim_at("The Harriers have offered Tomas Brenn an eight-year contract worth $160 million.", "$160 million", "a.md")
    b = claim_at("The Mariners offered Brenn a deal worth $184 million, a columnist reported.", "$184 million", "b.md")
    assert a.predicate == b.predicate and not one_named_event(a, b)


def test_a_place_named_before_its_neighborhood_is_a_place():
    claim = claim_at("Four people were wounded in a shooting in the North Varn neighborhood.", "Four", "a.md")
    assert "North Varn" in claim.places


def test_a_place_named_before_an_incident_is_its_place():
    assert "West Brask" in claim_at("Four people were shot in a West Brask shooting late Monday.", "Four", "a.md").places


def test_a_figure_of_several_separate_incidents_is_a_running_total():
    claim = claim_at("Two people were slain and five others were wounded in 4 separate shootings.", "five", "a.md")
    assert "(year to date)" in claim.places


def test_a_figure_of_no_day_is_of_its_articles_news_day():
    sunday = article("a.md", "A quake struck on Sunday morning, 23 miles north of Varnholt. "
                     "Officials said the quake of magnitude 4.4 caused no damage in the town.", None)
    thursday = article("b.md", "A quake shook the region early Thursday, 23 miles north of Varnholt. "
                       "Officials said the quake of magnitude 4.6 caused no damage in the town.", None)
    assert not flagged_pairs(check(sunday, thursday))


def test_figures_of_no_day_in_articles_of_one_news_day_meet():
    first = article("a.md", "A quake struck on Sunday morning, 23 miles north of Varnholt. "
                    "Officials said the quake of magnitude 4.4 caused no damage in the town.", None)
    second = article("b.md", "A quake shook the region on Sunday, 23 miles north of Varnholt. "
                     "Officials said the quake of magnitude 4.6 caused no damage in the town.", None)
    assert flagged_pairs(check(first, second))


def test_a_name_after_initials_is_a_name():
    assert "Yates" in claim_at("Quarterback T.J. Yates was 7 of 16 for 83 yards on Monday.", "83 yards", "a.md").names


def test_a_clause_opening_with_where_is_of_the_place_before_it():
    claim = claim_at("Others may be moving into neighbouring Varnland, where more than 30,000 Brasks have found refuge.",
                     "more than 30,000", "a.md")
    assert claim.places == ("Varnland",)


def test_a_word_in_s_after_a_figure_is_a_plural_noun():
    assert thing_of("assists") == "assist"


def test_a_dateline_is_read_from_the_start_of_a_line():
    assert dateline_of("Title line\nHALLANDALE BEACH, Fla. (WKXT) - One person was killed.") == "HALLANDALE BEACH"


def test_figures_of_no_place_from_two_datelines_are_two_events():
    a = article("a.md", "VARNHOLT (KVX) - Police said three people were shot on Monday evening at a block party.", "2025-06-02")
    b = article("b.md", "BRASK CITY (KVX) - Police said eight people were shot on Monday evening at a park party.", "2025-06-02")
    assert not flagged_pairs(check(a, b))


def test_figures_of_no_place_from_one_dateline_meet():
    a = article("a.md", "VARNHOLT (KVX) - Police said three people were shot on Monday evening at a block party.", "2025-06-02")
    b = article("b.md", "VARNHOLT - Police said eight people were shot on Monday evening at a block party.", "2025-06-02")
    assert flagged_pairs(check(a, b))


def test_explain_gives_the_news_day_as_the_reason_two_figures_were_kept_apart():
    sunday = article("a.md", "Officials said the quake of magnitude 4.4 caused no damage in the town. "
                     "It struck on Sunday morning, 23 miles north of Varnholt.", None)
    thursday = article("b.md", "Officials said the quake of magnitude 4.6 caused no damage in the town. "
                       "It shook the region early Thursday, 23 miles north of Varnholt.", None)
    claims = extract_claims([sunday, thursday])
    explained = {e.claim: e for e in explain(claims, match_claims(claims), None)}
    magnitude = next(c for c in claims if c.surface == "4.4")
    verdicts = [candidate.verdict for candidate in explained[magnitude.id].candidates]
    assert "different days of the news" in verdicts


def test_a_fraction_meets_the_percent_it_equals():
    result = check(article("a.md", "Three-quarters of Dunmore residents lost water on Tuesday, the utility said.", "2025-06-03"),
                   article("b.md", "About 75% of Dunmore residents lost water on Tuesday, the utility said.", "2025-06-03"))
    assert not flagged_pairs(result)


def test_a_fraction_disagrees_with_a_far_percent_of_the_same_whole():
    result = check(article("a.md", "A third of the shops on Main Street in Dunmore were closed on Tuesday by the flooding.", "2025-06-03"),
                   article("b.md", "About 60% of the shops on Main Street in Dunmore were closed on Tuesday by the flooding.", "2025-06-03"))
    assert flagged_pairs(result)


@pytest.mark.parametrize(("first", "second"), [
    ("Nearly 300 people fell ill after the Dunmore fair barbecue.", "More than 300 people have reported symptoms after the Dunmore fair barbecue."),
    ("The boat was carrying 40 people when it overturned off Kell Point.", "Some 75 people had been on board when the boat overturned off Kell Point."),
    ("The fire destroyed 43 homes in Linden Vale on Tuesday.", "In Linden Vale, 47 houses were razed by the fire on Tuesday."),
    ("Officials evacuated 2,500 residents of Linden Vale on Tuesday.", "In Linden Vale, 3,000 people were told to leave on Tuesday."),
])
def test_two_wordings_of_one_event_meet(first, second):
    a, b = (next(c for c in extract_claims([article(name, text, "2025-06-02")]) if c.value > 10)
            for name, text in (("a.md", first), ("b.md", second)))
    assert apart(a, b) is None


def test_positions_are_jobs():
    assert thing_of("positions") == thing_of("jobs")


def test_sums_of_one_named_thing_meet_whatever_verb_grants_them():
    a = claim_at("The Veritect deal is backed by $1.2 billion in state tax credits over 30 years.", "$1.2 billion", "a.md")
    b = claim_at("The Veritect plant comes with $1.2 million in state tax credits over 30 years.", "$1.2 million", "b.md")
    assert (a.counted, b.counted) == ("credits", "credits") and apart(a, b) is None


def test_a_tie_between_two_counterparts_goes_to_the_nearer_value():
    claims = extract_claims([
        article("a.md", "The tremor followed 7.6 and 7.5 magnitude quakes off Port Avery.", "2025-06-02"),
        article("b.md", "The tremor followed 7.6 and 7.5 magnitude quakes off Port Avery.", "2025-06-02"),
    ])
    groups = {frozenset(c.split("#")[0] + ":" + next(x.surface for x in claims if x.id == c) for c in g.claims)
              for g in match_claims(claims).groups}
    assert frozenset({"a.md:7.5", "b.md:7.5"}) in groups and frozenset({"a.md:7.6", "b.md:7.6"}) in groups


def test_a_noun_that_names_what_happened_gives_the_event():
    claim = claim_at("All of the 21 passengers were taken to shore by 11 a.m.", "21")
    assert claim.predicate is None and frame_of(claim).event == "aboard"


def test_a_report_contradicting_itself_later_that_morning_is_flagged():
    report = article("a.md", "A ferry carrying 18 passengers ran aground on a sandbar on Tuesday, the Coast Guard "
                     "said. The 64-foot ferry struck the bar at about 8:40 a.m. on its first run of the day. "
                     "All of the 21 passengers were taken to shore by 11 a.m., the ferry company said.")
    assert frozenset({"18", "21"}) in flagged_pairs(check(report))


def test_two_sums_of_one_named_thing_meet_however_differently_worded():
    plant = article("a.md", "Veltra will build a $4 billion battery plant near Orr, in a deal backed by "
                    "$1.2 billion in state tax credits spread over 30 years, officials said.", date="2025-06-02")
    board = article("b.md", "The project comes with $1.2 million in state tax credits, a package the township "
                    "trustee called fair for the jobs it brings.", date="2025-06-02")
    assert frozenset({"$1.2 billion", "$1.2 million"}) in flagged_pairs(check(plant, board))


def test_a_figure_of_no_place_does_not_agree_for_the_place_the_best_counterpart_names():
    first = "About 500 people marched in the capital on Sunday. Scuffles were also reported in York, where 120 people joined."
    second = "About 120 people marched on Sunday morning. Scuffles broke out in York, where about 500 people marched."
    rally, york = claim_at(first, "About 500", "a.md"), claim_at(first, "120", "a.md")
    unplaced, york_elsewhere = claim_at(second, "About 120", "b.md"), claim_at(second, "about 500", "b.md")
    matching = Matching((), ((rally, york_elsewhere), (york, unplaced), (york, york_elsewhere)),
                        frozenset({(york.id, york_elsewhere.id), (york_elsewhere.id, york.id)}))
    [finding] = apply_rules(matching, load_rules())
    assert set(finding.claims) == {york.id, york_elsewhere.id}


def test_the_best_counterpart_is_a_figure_of_the_place_both_name():
    first = "Scuffles were also reported in York, where 120 protesters joined the demonstrations against the pension reform."
    second = ("About 150 protesters joined the demonstrations against the pension reform on Sunday. "
              "In York, 500 protesters marched.")
    york = claim_at(first, "120", "a.md")
    unplaced, placed = claim_at(second, "About 150", "b.md"), claim_at(second, "500", "b.md")
    best = match_claims([york, unplaced, placed]).best
    assert (york.id, placed.id) in best and (york.id, unplaced.id) not in best


def test_service_members_are_soldiers_and_bullets_are_shots():
    assert thing_of("service members") == thing_of("troops") and thing_of("bullets") == thing_of("shots")


def test_a_verb_of_change_is_the_event_of_a_physical_measure_only():
    fall = claim_at("The boy fell 15 feet into the moat, the zoo said.", "15 feet")
    crowd = claim_at("The crowd grew to 400 on Tuesday, the police said.", "400")
    assert frame_of(fall).event == "fall" and frame_of(crowd).event != "grow"


def test_the_number_points_back_to_what_the_figure_before_counted():
    claim = claim_at("Organisers said 2,000 people joined the blockade. Police put the number at 600.", "600")
    assert claim.counted == "people" and claim.predicate == "marched"


def test_a_figure_that_names_the_number_meets_its_fact_in_another_article():
    result = check(article("a.md", "Organisers said 2,000 people joined the blockade of the port. Police put the number at 600.", "2025-06-02"),
                   article("b.md", "Police said 250 people joined the blockade of the port on Saturday.", "2025-06-02"))
    assert frozenset(("600", "250")) in flagged_pairs(result)
