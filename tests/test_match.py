"""Matching: which claims state the same fact (specification of factcheck.match)."""
from __future__ import annotations

import pytest

from factcheck.extract import extract_claims
from factcheck.match import bucket_key, comparable, match_claims
from factcheck.rules import apply_rules, load_rules

from conftest import article, check, flagged_pairs


def claim_at(text: str, surface: str, name: str = "a.md", date: str | None = "2024-05-13"):
    claims = extract_claims([article(name, text, date)])
    return next(c for c in claims if c.surface == surface)


def can_compare(first, second) -> bool:
    return bucket_key(first) is not None and bucket_key(first) == bucket_key(second) and comparable(first, second)


def test_same_count_and_predicate_in_two_articles_are_comparable():
    a = claim_at("Nearly 48,000 people have fled the valley.", "Nearly 48,000", "a.md")
    b = claim_at("About 450,000 have fled the city since Monday.", "About 450,000", "b.md")
    assert can_compare(a, b)


def test_different_counted_things_are_not_comparable():
    a = claim_at("Four soldiers were killed in the attack.", "Four", "a.md")
    b = claim_at("Some 300 people were killed in the attack.", "Some 300", "b.md")
    assert not can_compare(a, b)


def test_a_figure_pinned_to_an_old_date_is_history():
    a = claim_at("The toll passed 9,000 people killed, officials said.", "9,000", "a.md")
    b = claim_at("In the raid on Aug. 3, some 300 people were killed.", "some 300", "b.md")
    assert b.time == "2023-08-03"
    assert not can_compare(a, b)


def test_different_places_are_not_comparable():
    a = claim_at("In Norvik, 20,000 people marched against the cuts.", "20,000", "a.md")
    b = claim_at("In Talmor, 10,000 people marched against the cuts.", "10,000", "b.md")
    assert not can_compare(a, b)


def test_another_name_of_the_same_place_is_the_same_place():
    a = claim_at("In Kiev, 50,000 people marched.", "50,000", "a.md")
    b = claim_at("In Kyiv, 20,000 people marched.", "20,000", "b.md")
    assert can_compare(a, b)


def test_two_figures_of_one_sentence_are_two_facts():
    text = "Officials said 12 people were injured at the depot and 18 people were injured at the port."
    first, second = extract_claims([article("a.md", text)])
    other_article = extract_claims([article("b.md", text)])[1]
    assert not comparable(first, second)
    assert comparable(first, other_article)  # the same figures across articles are compared


def test_a_part_of_a_breakdown_meets_a_count_of_its_own_noun():
    part = claim_at("A ferry with 21 passengers and two crew members aboard ran aground.", "21", "a.md")
    count = claim_at("The ferry, carrying 18 passengers, ran aground in fog.", "18", "b.md")
    assert can_compare(part, count)


def test_a_part_of_a_breakdown_never_meets_the_whole():
    part = claim_at("A ferry with 21 passengers and two crew members aboard ran aground.", "21", "a.md")
    whole = claim_at("The ferry ran aground with 23 people aboard.", "23", "b.md")
    assert not can_compare(part, whole)


def test_reports_filed_from_two_places_meet_where_one_names_the_others_dateline():
    off_island = claim_at("PORT ALDER, Maine — A ferry carrying 21 passengers ran aground off Gull Island.", "21", "a.md")
    on_island = claim_at("GULL ISLAND, Maine — A ferry carrying 18 passengers ran aground on a sandbar.", "18", "b.md")
    elsewhere = claim_at("BRAYTON, Maine — A ferry carrying 18 passengers ran aground on a sandbar.", "18", "c.md")
    assert can_compare(off_island, on_island)
    assert not can_compare(off_island, elsewhere)


def test_a_figure_of_someone_named_only_by_a_pronoun_may_be_anyones():
    his = claim_at("He has rushed for only 150 yards this season.", "150 yards", "a.md")
    other = claim_at("He finished the season with 269 yards rushing.", "269 yards", "b.md")
    named = claim_at("Voss finished the season with 269 yards rushing.", "269 yards", "c.md")
    also_named = claim_at("Voss has rushed for only 150 yards this season.", "150 yards", "d.md")
    assert not can_compare(his, other)
    assert can_compare(named, also_named)


def test_a_pronoun_of_the_speaker_does_not_make_the_figure_someones():
    told = claim_at("He said that four bombs were dropped on the camp.", "four", "a.md")
    stated = claim_at("Four bombs were dropped on the camp, the agency said.", "Four", "b.md")
    assert can_compare(told, stated)


@pytest.mark.parametrize("first, second", [
    ("Bail was set at $130,000 on Monday.", "She was being held on $310,000 bail."),
    ("The plant will draw 1.5 million gallons of water a day.", "Filings say the site will use 1.5 billion gallons daily."),
    ("By noon the plume had spread 40 km downstream.", "The fertilizer plume had traveled 40 miles by Monday."),
    ("Floodwater entered 340 homes in Brenmoor on Sunday.", "Officials said 430 homes in Brenmoor were flooded on Sunday."),
])
def test_one_figure_slipped_is_compared_on_little_shared_wording(first, second):
    a, b = (claim_at(text, next(c.surface for c in extract_claims([article("x.md", text)])), name)
            for text, name in ((first, "a.md"), (second, "b.md")))
    assert can_compare(a, b)


@pytest.mark.parametrize("first, second", [
    ("The rescue took two hours.", "The search lasted two days."),
    ("The fund holds $2 million.", "A donor gave the fund $20 million."),
    ("Floodwater entered 340 homes in Brenmoor on Sunday.", "Officials said 430 people in Brenmoor were evacuated on Sunday."),
])
def test_figures_that_only_look_alike_are_no_slip(first, second):
    a, b = (claim_at(text, next(c.surface for c in extract_claims([article("x.md", text)])), name)
            for text, name in ((first, "a.md"), (second, "b.md")))
    assert not can_compare(a, b)


def test_the_base_of_a_ratio_that_counts_nothing_named_is_set_aside():
    assert bucket_key(claim_at("Quarterback Lee Voss was 7 of 16 for 83 yards.", "16")) is None
    assert bucket_key(claim_at("Voss finished 20 out of 29 for 226 yards.", "29")) is None


def test_the_whole_of_a_ratio_with_its_event_stays_a_count():
    assert bucket_key(claim_at("He was one of five killed on Wednesday.", "five")) is not None
    assert bucket_key(claim_at("The district closed four of its 12 schools.", "12")) is not None


def test_a_part_of_a_whole_is_never_compared():
    part = claim_at("Four of the victims were injured by glass.", "Four")
    assert part.partial and bucket_key(part) is None


def test_the_old_value_of_a_revision_is_set_aside():
    old = claim_at("The number of injured was revised on Saturday from eight to six.", "eight")
    assert old.superseded and bucket_key(old) is None


def test_emphatic_amounts_join_their_fact_but_are_never_judged():
    vague = claim_at("Thousands of people have fled the fighting.", "Thousands of", "a.md")
    exact = claim_at("Some 48,000 people have fled the fighting.", "Some 48,000", "b.md")
    assert vague.emphatic and can_compare(vague, exact)
    assert not apply_rules(match_claims([vague, exact]), load_rules())


def test_the_ages_of_one_named_person_in_two_reports_are_compared():
    result = check(article("a.md", "Police arrested Marek Holt, 25, on Monday.", "2024-05-13"),
                   article("b.md", "The suspect, 23-year-old Marek Holt, was arrested on Monday.", "2024-05-14"))
    assert frozenset(("25", "23-year")) in flagged_pairs(result)


def test_an_age_beside_no_full_name_is_never_compared():
    assert bucket_key(claim_at("A 25-year-old man died in the crash.", "25-year")) is None
    assert bucket_key(claim_at("The driver, 25, died in the crash.", "25")) is None


def test_the_ages_of_two_people_of_one_family_are_not_compared():
    son = claim_at("Gary Gomes, 35, was arrested on Monday.", "35", "a.md")
    mother = claim_at("The body of Katherine Gomes, 61, was found on Monday.", "61", "b.md")
    assert not can_compare(son, mother)


def test_ages_told_years_apart_are_not_compared():
    arrest = claim_at("Deputies arrested Jose Orozco, 27, on Monday.", "27", "a.md", "2005-06-25")
    verdict = claim_at("A jury found Jose Orozco, 29, guilty on Monday.", "29", "b.md", "2007-03-20")
    assert not can_compare(arrest, verdict)


def test_hectares_and_acres_share_a_bucket():
    a = claim_at("The fire has burned 12,000 hectares of forest.", "12,000 hectares", "a.md")
    b = claim_at("The fire has burned 30,000 acres of forest.", "30,000 acres", "b.md")
    assert can_compare(a, b)


def test_a_month_of_an_undated_article_is_history():
    old = claim_at("In July, thieves stole jewels worth £70m from the Grand hotel.", "£70m", "a.md", None)
    new = claim_at("Thieves stole jewels worth £1.7m from a shop in Paris.", "£1.7m", "b.md", None)
    assert not can_compare(old, new)


def test_list_items_inside_one_article_are_not_compared():
    text = "Earlier attacks:\n\nClub shooting: 49 killed\n\nCinema shooting: 12 killed"
    claims = extract_claims([article("a.md", text)])
    assert not comparable(claims[0], claims[1])


def test_a_table_of_figures_in_one_article_is_not_compared_row_by_row():
    rows = "\n\n".join(f"Row {n}: {100 + n} people were injured in the town." for n in range(250))
    claims = extract_claims([article("a.md", rows)])
    assert match_claims(claims).pairs == ()


def _grouped(first_text: str, second_text: str, surfaces: tuple[str, str], dates=(None, None)) -> bool:
    """Whether the figures ``surfaces`` of two articles end up in one group."""
    claims = extract_claims([article("a.md", first_text, dates[0]), article("b.md", second_text, dates[1])])
    ids = {c.id for c in claims if (c.doc.endswith("a.txt") and c.surface == surfaces[0])
           or (c.doc.endswith("b.txt") and c.surface == surfaces[1])}
    return any(ids <= set(group.claims) for group in match_claims(claims).groups)


def test_reports_of_quakes_at_two_times_of_day_are_of_two_quakes():
    first = "A quake of magnitude 4.4 shook the valley this morning. The quake struck at 9:30 a.m., 3 miles deep."
    second = "A quake of magnitude 4.6 shook the valley this morning. It struck at 2:09 a.m., 2 miles deep."
    assert not _grouped(first, second, ("4.4", "4.6"))


def test_reports_of_one_quake_at_one_time_of_day_are_of_one_quake():
    first = "A quake of magnitude 4.4 shook the valley this morning. The quake struck at 9:30 a.m., 3 miles deep."
    second = "A quake of magnitude 4.6 shook the valley this morning. It struck at 9:32 a.m., 2 miles deep."
    assert _grouped(first, second, ("4.4", "4.6"))


def test_a_figure_on_a_weekday_is_not_of_a_report_of_another_weekday():
    first = "A quake of magnitude 4.4 shook the valley on Sunday, officials said."
    second = "Early Thursday, 300 homes lost power in the valley. A quake of magnitude 4.6 had shaken it, the survey said."
    assert not _grouped(first, second, ("4.4", "4.6"))


def test_a_measure_joined_to_a_noun_describes_that_thing():
    assert bucket_key(claim_at("Voss then threw a 41-yard touchdown pass to Reyes.", "41-yard")) is None


def test_one_as_the_object_of_its_events_verb_is_a_count():
    killed = claim_at("A man shot three people, killing one, at an office in Marrow.", "one")
    assert bucket_key(killed) == "count"


def test_one_standing_for_someone_named_before_counts_nothing():
    pointer = claim_at("The two men argued and one was killed.", "one")
    assert bucket_key(pointer) is None


def test_two_sources_contrasted_in_one_sentence_are_not_compared():
    text = "Police put the crowd at about 400, while the organisers said 2,000 people took part."
    police, organisers = claim_at(text, "about 400"), claim_at(text, "2,000")
    assert (police.attribution, organisers.attribution) == ("Police", "organisers")
    assert not can_compare(police, organisers)


def test_a_list_items_label_is_of_the_time_of_the_item_it_heads():
    text = "Earlier attacks:\n\nTexas restaurant: 22 dead\n\nIn October 1991, a man shot dead 22 people in a restaurant."
    label = claim_at(text, "22", "a.md")
    news = claim_at("A gunman killed 24 people at a restaurant on Sunday, police said.", "24", "b.md")
    assert label.time == "1991-10-01" and not can_compare(label, news)


def test_an_undated_figure_naming_two_names_of_a_dated_one_is_of_its_history():
    recalling = ("Four men robbed a jeweller in Paris on Monday, police said. Thieves also hit the Vessen "
                 "festival, stealing almost $2 million of jewelry from Orlane, a Swiss jeweller.")
    dated = "In May, thieves stole $1.2 million worth of jewelry from Orlane at the Vessen festival."
    result = check(article("a.md", recalling, "2024-09-09"), article("b.md", dated, "2024-09-10"))
    assert frozenset(("almost $2 million", "$1.2 million")) in flagged_pairs(result)


DEAL = "Grelling Energy said on Monday it had agreed to buy the Tarn wind farm for $412 million in cash."


@pytest.mark.parametrize("figure, one_fact", [("$412 million", True), ("$380 million", False)])
def test_the_same_measure_in_two_reports_is_one_fact_though_neither_names_what_it_measures(figure, one_fact):
    """A different figure of frames that name no event or thing on both sides stays apart."""
    other = f"The utility will pay {figure}, its chief executive told investors in a call on Monday."
    assert _grouped(DEAL, other, ("$412 million", figure)) == one_fact


BUYOUT = "Corvane agreed on Monday to acquire the chip designer Lumetra for {}, the company said."


@pytest.mark.parametrize("figure, one_fact", [("$512 million", True), ("$490 million", False)])
def test_the_same_measure_told_by_different_events_is_one_fact(figure, one_fact):
    """ "acquire for $512 million" and "a $512 million bet": the same figure, other verbs."""
    other = f"With Lumetra, Corvane has made a {figure} bet on low-power chips, analysts said on Monday."
    assert _grouped(BUYOUT.format("$512 million"), other, ("$512 million", figure)) == one_fact


@pytest.mark.parametrize("figure, one_fact", [("approximately $412 million", True), ("about $380 million", False)])
def test_a_hedged_statement_of_the_same_measure_is_one_fact(figure, one_fact):
    """ "approximately $412 million" is another report's "$412 million"."""
    other = f"The utility will pay {figure}, its chief executive told investors in a call on Monday."
    assert _grouped(DEAL, other, ("$412 million", figure)) == one_fact


SCORER = "Reyes passed Dunmore to become the school's all-time scoring leader with {} points on Friday."


@pytest.mark.parametrize("first, second, one_fact", [
    ("2,117", "2,117", True),   # a telling count: four significant digits
    ("2,000", "2,000", False),  # a round count: two reports may give it of two things
    ("2,117", "2,093", False),  # two counts the frames leave open stay apart
])
def test_the_same_telling_count_in_two_reports_is_one_fact(first, second, one_fact):
    other = f"It gave him {second} career points, passing the mark Dunmore had held since 1999."
    assert _grouped(SCORER.format(first), other, (first, second)) == one_fact


def test_the_same_small_count_of_one_named_thing_is_one_fact():
    """Four bombs are four bombs in any report, though no verb says what happened to them."""
    first = "Four bombs were dropped on the depot overnight, the army said."
    second = "Jets dropped four bombs on a fuel depot near the border, residents said."
    assert _grouped(first, second, ("Four", "four"))


def test_a_sum_paid_in_two_forms_is_a_breakdown_that_never_meets_the_whole():
    part = claim_at("Corvane is paying $281 million in cash and $53 million in stock for Lumetra.", "$281 million", "a.md")
    whole = claim_at("Corvane will pay $334 million in cash and stock for Lumetra.", "$334 million", "b.md")
    same_part = claim_at("Corvane will pay $290 million in cash for Lumetra, a filing shows.", "$290 million", "c.md")
    assert part.breakdown and whole.counted is None
    assert not can_compare(part, whole)
    assert can_compare(part, same_part)


def test_a_sum_of_a_named_thing_inside_a_whole_meets_the_same_part_but_never_the_whole():
    part = claim_at("Corvane will buy Lumetra for $334 million, including $281 million in cash.", "$281 million", "a.md")
    whole = claim_at("Corvane will pay $334 million for Lumetra, a filing shows.", "$334 million", "b.md")
    same_part = claim_at("Corvane will pay $290 million in cash for Lumetra, a filing shows.", "$290 million", "c.md")
    assert part.partial and part.counted == "cash"
    assert not can_compare(part, whole)
    assert can_compare(part, same_part)


def test_a_sum_followed_by_the_remainder_of_its_whole_is_a_part():
    part = claim_at("Corvane is paying $281 million in cash for Lumetra and the remainder in stock.", "$281 million", "a.md")
    whole = claim_at("Corvane will pay $334 million for Lumetra, a filing shows.", "$334 million", "b.md")
    assert part.partial
    assert not can_compare(part, whole)


def test_a_figure_of_a_supposition_is_never_compared():
    supposed = claim_at("If we assume Lumetra's sales will be around $60 million this year, Corvane is paying "
                        "5.6 times its sales.", "around $60 million")
    assert bucket_key(supposed) is None


def test_a_measure_hyphenated_before_an_event_noun_is_that_events_measure():
    assert bucket_key(claim_at("He received a five-year prison sentence in 1959.", "five-year")) is not None
    assert bucket_key(claim_at("The couple booked a 16-day cruise.", "16-day")) is None


def test_a_figure_of_the_future_is_no_history_and_of_no_day_of_the_news():
    starting = claim_at("The levy will raise the property tax rate by 12% starting in January.", "12%", "a.md", "2024-11-06")
    undated = claim_at("Homeowners face a 21% increase in the property tax rate.", "21%", "b.md", "2024-11-06")
    assert starting.time == "2025-01-01"
    assert can_compare(starting, undated)


def test_one_areas_figure_is_no_whole_where_its_article_gives_several_areas():
    districts = article("a.md", "Twelve people were killed in Bener Meriah district on Tuesday. "
                        "In neighbouring Central Aceh district, 10 people were killed on Tuesday.", "2013-07-03")
    total = article("b.md", "Officials said 24 people were killed on Tuesday across the province.", "2013-07-03")
    same_district = article("c.md", "In Bener Meriah district, 15 people were killed on Tuesday.", "2013-07-03")
    flagged = flagged_pairs(check(districts, total, same_district))
    assert frozenset(("Twelve", "24")) not in flagged and frozenset(("10", "24")) not in flagged
    assert frozenset(("Twelve", "15")) in flagged


@pytest.mark.parametrize("figure, meets, apart", [
    (("The levy will raise the property tax rate by 12%.", "12%"),
     ("Homeowners face a 21% increase in the property tax rate.", "21%"),
     ("Homeowners face a 21% unemployment rate.", "21%")),
    (("A magnitude 4.4 earthquake struck near The Geysers on Sunday.", "4.4"),
     ("A magnitude 4.2 earthquake struck near The Geysers on Sunday.", "4.2"),
     ("Earlier on Sunday a magnitude 2.0 earthquake struck near The Geysers.", "2.0")),
    (("The Nationals have offered Mark Teixeira an eight-year, $160 million contract.", "$160 million"),
     ("The Nationals offered Mark Teixeira a $180 million contract on Monday.", "$180 million"),
     ("The Red Sox have offered Mark Teixeira a $200 million contract.", "$200 million")),
], ids=["a-rate-is-named-by-its-compound", "magnitudes-far-apart-are-two-quakes",
        "offers-of-other-parties-are-two-offers"])
def test_a_figure_meets_a_statement_of_its_fact_and_not_one_of_another(figure, meets, apart):
    first, same, other = (claim_at(text, surface, name) for (text, surface), name in
                          ((figure, "a.md"), (meets, "b.md"), (apart, "c.md")))
    assert can_compare(first, same)
    assert not can_compare(first, other)
