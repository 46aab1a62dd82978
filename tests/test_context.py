"""Context of a figure: predicate, counted thing, source, time (specification of
factcheck.context as seen through extraction)."""
from __future__ import annotations

import pytest

from factcheck.extract import extract_claims

from conftest import article


def claims(text: str, date: str | None = "2024-05-13") -> dict[str, object]:
    return {c.surface: c for c in extract_claims([article("a.md", text, date)])}


def test_a_verb_right_before_a_figure_is_its_predicate():
    found = claims("The blast killed 16 people and injured 37.")
    assert found["16"].predicate == "killed"
    assert found["37"].predicate == "injured"


def test_a_verb_after_a_figure_is_its_predicate():
    assert claims("Nearly 48,000 people have fled the valley.")["Nearly 48,000"].predicate == "displaced"


def test_a_cue_nearer_the_next_figure_belongs_to_it():
    found = claims("The bus overturned, trapping six people and injuring another 30.")
    assert found["six"].predicate is None
    assert found["30"].predicate == "injured"


def test_a_headline_pair_binds_each_cue_to_its_own_figure():
    found = claims("Five dead, 8 wounded after shooting at the airport")
    assert found["Five"].predicate == "killed"
    assert found["8"].predicate == "injured"


def test_a_demonym_counts_people():
    assert claims("About 12,000 Ukrainians were forced out.")["About 12,000"].counted == "people"


def test_an_unknown_noun_is_its_own_counted_thing():
    assert claims("Tensions grew between the two allies over the raid.")["two"].counted == "allies"


def test_according_to_names_the_source():
    found = claims("Nearly 48,000 people have fled, according to the United Nations.")
    assert found["Nearly 48,000"].attribution == "United Nations"


def test_a_source_before_said_is_the_source():
    assert claims("Police said 12 people were injured in the riots.")["12"].attribution == "Police"


def test_a_month_resolves_to_the_most_recent_past():
    found = claims("In May, thieves stole jewels worth £910,000 from a hotel.", date="2013-09-09")
    assert found["£910,000"].time == "2013-05-01"


def test_last_month_resolves_against_the_publication_date():
    found = claims("Last month thieves made off with £40,000 of jewellery.", date="2013-09-09")
    assert found["£40,000"].time == "2013-08-01"


def test_a_figure_in_quotation_marks_is_quoted():
    found = claims('"We saw 200 people running," a witness said.')
    assert found["200"].quoted


def test_a_subset_named_after_the_noun_is_partial():
    assert claims("Four victims with ties to Ohio were hurt on Elm Street.")["Four"].partial


def test_a_measure_takes_the_nearest_known_noun():
    found = claims("An earthquake with a preliminary magnitude of 4.6 struck the valley.")
    assert found["4.6"].predicate == "magnitude" and found["4.6"].counted == "quakes"


def test_a_cue_across_a_sentence_end_does_not_belong_to_the_next_figure():
    found = claims("A student was killed and nine others were injured. One of the gunmen was caught.")
    assert found["nine"].predicate == "injured"


def test_in_that_incident_points_back_to_the_previous_sentence_time():
    found = claims("A similar shooting happened in June 2014. In that incident, nine people were injured.",
                   date="2016-11-27")
    assert found["nine"].time == "2014-06-01"


def test_a_month_in_an_undated_article_is_kept_without_a_year():
    found = claims("In July, thieves stole jewels worth £88m from a hotel.", date=None)
    assert found["£88m"].time == "--07"


def test_a_role_before_said_names_the_source():
    found = claims("The floods injured 52 people, the emergency office said.")
    assert found["52"].attribution == "emergency office"


def test_a_lower_case_month_word_is_no_date():
    assert claims("Officials said 40 people were hurt, and the march 5 miles away went on.")["40"].time is None


def test_the_29th_of_february_of_the_previous_year_does_not_crash():
    assert claims("On Feb. 29, 12 people were killed.", date="2025-02-20")["12"].time is None


def test_a_date_just_after_publication_is_upcoming_not_last_year():
    assert claims("On March 5, 200 people will march.", date="2025-02-20")["200"].time == "2025-03-05"


def test_pointing_back_reaches_one_sentence_only():
    text = "In June 2012, a quake struck. " + "The town was quiet. " * 3 + "The damage cost $4 million."
    assert claims(text, date="2013-03-14")["$4 million"].time is None


def test_a_pronoun_is_no_source():
    assert claims("It said 12 people were killed in the fire.")["12"].attribution is None


def test_put_names_a_source_only_with_at():
    assert claims("Storms put 300 homes under water overnight.")["300"].attribution is None
    assert claims("Police put the crowd at roughly 30,000 people.")["roughly 30,000"].attribution == "Police"


def test_a_day_after_a_figure_is_not_what_it_counts():
    assert claims("Marlow passed for 205 yards Sunday against the Herons.")["205 yards"].counted is None


def test_punctuation_ends_the_counted_noun_phrase():
    assert claims("It gave her 2,117 career points, passing the old mark.")["2,117"].counted == "points"


def test_figures_joined_by_and_share_the_next_ones_noun_and_event():
    found = claims("The tremor followed 7.6 and 7.5 magnitude quakes that struck off Port Avery.")
    assert found["7.6"].predicate == found["7.5"].predicate == "magnitude"
    assert not found["7.6"].partial


def test_a_breakdown_needs_a_noun_of_its_own_on_each_part():
    found = claims("The gunman shot two men and two women outside the Velmont bar.")
    assert found["two"].partial


def test_a_part_of_a_breakdown_is_marked_as_one():
    found = claims("A ferry with 21 passengers and two crew members aboard ran aground.")
    assert found["21"].breakdown and found["21"].partial
    assert not claims("Four of the victims were hurt by glass.")["Four"].breakdown


def test_a_figure_in_a_list_of_figures_is_of_the_names_in_its_own_stretch():
    found = claims("Dara Velt is averaging 15.5 points a game, with Omar Kessel on 14.9 points.")
    assert "Kessel" not in found["15.5"].subjects


def test_a_share_and_a_sum_are_of_the_noun_after_of_or_in():
    found = claims("Mayor Brill won 53.6% of the vote after $1.2 million in tax credits and $5 million in Dunmore.")
    assert (found["53.6%"].counted, found["$1.2 million"].counted, found["$5 million"].counted) == ("vote", "credits", None)


def test_a_year_naming_an_event_dates_its_figures():
    found = claims("It is the worst blaze since the 2017 Bramble Fire, which destroyed 212 homes.")
    assert found["212"].time == "2017-01-01"


def test_the_and_a_count_near_a_year_is_no_date():
    assert claims("Police said the 2000 residents had left.")["2000"].time is None


def test_a_relative_clause_after_a_comma_keeps_its_verb_to_itself():
    found = claims("Holloway said 1,200 positions will be eliminated at its Linden mill, which burned on Tuesday.")
    assert found["1,200"].predicate == "cut"


def test_a_hedged_sum_after_of_which_is_a_part_of_the_whole():
    found = claims("Velcor agreed to buy Tarn for about $334 million, of which approximately $281 million is cash.")
    assert found["approximately $281 million"].partial and not found["about $334 million"].partial


def test_extraction_never_loads_pint(tmp_path):
    """pint's registry takes about a second to build: reading figures must not need it."""
    import subprocess
    import sys
    (tmp_path / "a.md").write_text("The 40 km spill cost $2 million; a third of the 300 wells, 12% of them, shut.\n")
    script = ("import sys; from factcheck.ingest import read_corpus; from factcheck.extract import extract_claims; "
              f"claims = list(extract_claims(read_corpus([{str(tmp_path / 'a.md')!r}]).documents)); "
              "assert len(claims) >= 4 and 'pint' not in sys.modules, sorted(sys.modules)")
    assert subprocess.run([sys.executable, "-c", script], capture_output=True, text=True).returncode == 0


def test_an_ordinal_day_of_a_month_is_that_day():
    found = claims("Police said 30,000 people marched on the 5th of May. On May 6th, 2,000 marched.", date="2010-05-07")
    assert (found["30,000"].time, found["2,000"].time) == ("2010-05-05", "2010-05-06")


def test_a_relative_clause_is_about_the_name_before_it():
    found = claims("Arlen, who completed 28 passes for 329 yards, was replaced late in the game.")
    assert found["28"].subjects == ("Arlen",)


def test_a_name_after_a_complement_preposition_is_not_whom_the_figure_is_of():
    found = claims("On Sunday Voss drew 1.5 million gallons from the Millrace aquifer and Arlen 40 gallons.")
    assert found["1.5 million gallons"].subjects == ("Voss",)


def test_the_whole_of_a_part_is_about_the_part_s_subject():
    found = claims("On Sunday Arlen completed 28 of 41 passes and Voss 29 of 34.")
    assert found["41"].subjects == ("Arlen",) and found["34"].subjects == ("Voss",)


def test_the_first_few_of_a_run_are_a_part_of_it():
    assert claims("Voss completed his first 17 passes before the break.")["17"].partial


def test_a_word_opening_a_sentence_is_a_name_when_the_article_writes_it_as_one():
    found = claims("Arlen completed 28 of 41 passes. The longest of them went from Arlen to Reyes. "
                   "Officials completed 12 of 20 forms.")
    assert found["41"].subjects == ("Arlen",) and found["20"].subjects == ()


def test_a_capitalised_word_opening_a_line_or_a_function_word_is_no_name_of_the_article():
    found = claims("Storm update\nBy Dana Reyes | The Courier\nBy Monday the plume had spread 40 km, and In Orr "
                   "12 wells closed.")
    assert found["40 km"].subjects == ()


def test_a_month_of_a_sentence_in_the_future_is_the_next_such_month():
    found = claims("The levy will raise the tax rate by 12% starting in January.", date="2024-11-06")
    assert found["12%"].time == "2025-01-01"


def test_a_figure_called_the_original_one_is_set_aside():
    assert claims("Qualcomm rejected Broadcom's original $105 billion approach.")["$105 billion"].superseded


def test_a_cue_inside_a_compound_names_no_event():
    found = claims("Jurors voted nine in favor of the death penalty and three against.")
    assert found["nine"].predicate is None and "death" not in found["nine"].event_words
    assert claims("Workers staffed 12 toll booths on the bridge.")["12"].predicate is None


def test_others_beyond_a_nested_class_are_a_part_of_its_count():
    found = claims("Four people were taken to hospital with serious injuries while 20 others were slightly hurt.")
    assert found["20"].partial


def test_others_beyond_another_class_are_all_of_its_count():
    assert not claims("Two people were killed and six others were injured.")["six"].partial


def test_a_cue_parted_from_the_next_figure_by_a_comma_is_the_figure_befores():
    found = claims("Police said 20 people were injured, four critically.")
    assert found["20"].predicate == "injured"
    assert found["four"].predicate == "critical"


def test_the_object_of_an_event_picked_out_of_a_counted_group_is_all_of_its_count():
    assert not claims("A gunman shot three co-workers, killing two of them.")["two"].partial


def test_a_share_of_a_counted_group_told_after_it_stays_a_part():
    found = claims("The clinic was treating 20 people, four of whom were seriously injured.")
    assert found["four"].partial


def test_the_object_of_a_verb_picked_out_of_an_uncounted_group_is_all_of_its_count():
    assert not claims("A tank fired on a house used by soldiers, killing four of them.")["four"].partial
    assert not claims("She found her foes in a break room and executed two of them.")["two"].partial


def test_but_opens_a_clause_without_a_comma():
    found = claims("Witnesses said four bombs were dropped but that they caused no casualties.")
    assert found["four"].predicate is None


def test_each_figure_of_a_sentence_with_two_sources_is_its_own_sources():
    found = claims("Police said roughly 30,000 people marched, while witnesses said more than 50,000 marched.")
    assert found["roughly 30,000"].attribution == "Police"
    assert found["more than 50,000"].attribution == "witnesses"


def test_a_source_with_a_name_set_off_by_commas_is_read():
    found = claims("Police put the crowd at about 400, while the organisers, Harbour Watch, said 2,000 people took part.")
    assert found["2,000"].attribution == "organisers"


def test_a_state_word_right_after_a_figure_is_its_own_however_near_the_next_figure():
    found = claims("Two people remain trapped and more than 50 people have been injured.")
    assert "(still)" in found["Two"].places
    assert "(still)" not in found["more than 50"].places


def test_a_cue_inside_an_idiom_is_no_predicate():
    found = claims("Around 80 diggers worked through the night in a bid to reach the boy, and crews paid "
                   "tribute to 12 firefighters.")
    assert found["Around 80"].predicate is None
    assert found["12"].predicate is None


def test_the_same_cue_outside_an_idiom_is_a_predicate():
    assert claims("The club rejected a bid of $5 million from its rivals.")["$5 million"].predicate == "deal"


def test_a_verb_after_the_noun_that_names_who_is_counted_is_the_predicate():
    assert claims("Five protesters were shot late on Monday near the camp.")["Five"].predicate == "shot"


def test_the_noun_that_names_who_is_counted_is_the_predicate_when_no_verb_follows():
    assert claims("About 5,000 protesters filled the square on Monday.")["About 5,000"].predicate == "marched"


def test_a_sum_of_two_things_together_names_neither():
    assert claims("Corvane will pay $334 million in cash and stock for Lumetra.")["$334 million"].counted is None


def test_a_verb_after_and_begins_another_clause_not_another_thing():
    found = claims("The measure won 53.6% of the vote and passing by 3,400 votes, results showed.")
    assert found["53.6%"].counted == "vote"


def test_others_beyond_a_figure_of_the_same_class_in_the_sentence_before_are_the_rest_of_its_count():
    found = claims("Two were taken to hospital with minor injuries. Seven others were treated at the scene.")
    assert found["Seven"].partial and not found["Two"].partial


def test_a_past_form_after_a_plural_noun_is_its_verb_not_its_noun():
    assert claims("The quake left 7 villages damaged.")["7"].counted == "villages"


def test_figures_each_with_an_event_of_their_own_are_no_breakdown():
    found = claims("Quake Kills 10; 80 Hurt and 7 Villages Damaged")
    assert not found["80"].partial and not found["7"].partial


def test_a_cue_before_a_subordinate_clause_belongs_to_the_figure_before_it():
    found = claims("Lena Ford was killed and four others were hurt when two gunmen opened fire.")
    assert found["four"].predicate == "injured"


def test_a_sum_paid_in_a_form_is_a_sum_of_that_form():
    found = claims("The firm will buy the mill for $334 million, of which $281 million will be paid in cash.")
    assert found["$281 million"].counted == "cash"


def test_injuries_said_not_to_be_serious_are_a_condition_of_some_of_the_injured():
    found = claims("Five people were injured. Two suffered non-life-threatening injuries and two were in critical condition.")
    assert (found["Five"].predicate, found["Two"].predicate) == ("injured", "minor")


def test_last_summer_is_history_to_a_news_report():
    found = claims("Last summer, one man was killed and eight people were injured at the park.", date="2016-07-10")
    assert found["eight"].time is not None and found["eight"].time < "2016-02-01"


def test_a_past_time_in_a_clause_after_a_figure_of_the_future_does_not_date_it():
    found = claims("Homeowners will see a 21% increase in the tax rate next year after voters approved the levy "
                   "on Tuesday.", date="2024-11-06")
    assert found["21%"].time is None
    assert claims("Four people were killed when a gunman opened fire on Sunday.", date="2024-11-06")["Four"].time == "2024-11-03"


def test_a_sentence_naming_the_event_of_the_sentence_before_is_of_its_time():
    found = claims("In April last year an 8.6-magnitude quake struck off Aceh. Five people died in the quake "
                   "and its aftershocks. A 6.1 quake struck Aceh on Tuesday. At least 24 died in the quake.",
                   date="2013-07-03")
    assert found["Five"].time < "2013-05-01" and found["At least 24"].time == "2013-07-02"


def test_a_half_or_quarter_of_a_game_near_the_figure_is_its_period():
    found = claims("Artino picked up the slack in the first half as he scored seven points. Luck threw for 205 "
                   "yards to break the rookie record, and his touchdown pass to Wayne late in the fourth quarter won it.")
    assert "(period)" in found["seven"].places and "(period)" not in found["205 yards"].places


def test_a_relative_clause_after_a_name_and_its_bracketed_record_is_about_the_name():
    found = claims("Peyton Hillis added 101 yards for the Chiefs (2-13), who had 352 yards rushing.")
    assert found["352 yards"].subjects == ("Chiefs",) and "2-13" not in found


@pytest.mark.parametrize("text, parts, wholes", [
    ("Twelve people were killed in Bener. Another four people died in hospitals in the district.",
     ["four"], ["Twelve"]),
    ("The blast killed 10 people and injured another 40. Police said 50,000 marched in Athens, and in "
     "Thessaloniki, a further 20,000 people joined the protest.", [], ["40", "20,000"]),
    ("The tsunami killed 170,000 people in the province and tens of thousands more elsewhere. "
     "The blast killed 10 people and injured 40 more.", ["170,000"], ["10"]),
    ("The teenager is accused of fatally shooting his parents and three younger siblings. "
     "Two men and a woman were shot on Sunday. The blast killed 10 people and injured 40.",
     ["three", "Two"], ["10", "40"]),
    ("Two people were killed and four others were shot at the party. "
     "One man was killed and nine others were wounded.", ["four"], ["nine"]),
    ("The tsunami killed 170,000 people in Sumatra alone. The storm killed 12 people, and it was not alone.",
     ["170,000"], ["12"]),
    ("The tsunami killed 170,000 people, with 35,000 bodies never recovered. A quake with 35 dead hit the town. "
     "The death toll rose to 16 on Tuesday, with 37 people injured.", ["35,000"], ["170,000", "35", "37"]),
], ids=["another-is-an-increment", "increment-after-another-event-or-in-its-own-place-is-whole",
        "joined-to-an-increment-of-its-own-event", "joined-to-people-named-otherwise",
        "others-shot-after-the-dead", "a-place-said-to-stand-alone", "with-brings-in-a-detail-of-the-figure-before"])
def test_a_figure_the_text_marks_as_a_part_of_a_whole_is_partial(text, parts, wholes):
    found = claims(text)
    assert [found[part].partial for part in parts] == [True] * len(parts)
    assert [found[whole].partial for whole in wholes] == [False] * len(wholes)
