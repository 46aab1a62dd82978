"""Numbers that are names, codes or page furniture yield no claim (specification of the
non-claims in lexicons/nonclaims.toml and furniture.toml [inline]), on sentences written for
these tests; and the figures beside them that must stay claims."""
from __future__ import annotations

import pytest

from factcheck.quantities import find_quantities


def surfaces(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quantities(text)]


def assert_no_claim(text: str) -> None:
    assert surfaces(text) == [], text


# ---- streets and blocks ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Deputies were called to the 4500 block of Marlow Avenue.",
    "The car was found in the 12300-block of Pellin Road.",
    "The fire started at 1200 Elm Street late on Sunday.",
    "A van was found at 31 Vessel Road in Danford.",
    "He rented a room at 22B Corran Street.",
    "She lives at 9 Hatter Close.",
])
def test_street_addresses_and_hundred_blocks_are_no_claim(text):
    assert_no_claim(text)


def test_a_count_of_residents_beside_a_block_stays_a_claim():
    assert surfaces("Some 300 residents of the 4500 block were moved.") == ["Some 300"]


# ---- broadcasters ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "She told Channel 7 that the house was empty.",
    "He told KTLA 5 that he heard shots.",
    "Neighbours spoke to WXYZ-TV 7 on Monday.",
    "KQRT 4 reported the crash first.",
    "A reporter for Fox 45 said the road was closed.",
    "The mayor spoke to Harbour Action News 9 later.",
    "Stay with 12 News for updates.",
    "Listeners of 102.5 FM heard the appeal.",
    "The team's games air on AM 830.",
])
def test_channel_and_station_numbers_are_no_claim(text):
    assert_no_claim(text)


# ---- products, models, versions, calibres ------------------------------------------------

@pytest.mark.parametrize("text", [
    "The airline flies the Airbus A320neo to Varrow.",
    "The laptop runs Windows 11.",
    "He filmed it on an iPhone 15.",
    "The Boeing 737 landed safely.",
    "The bug affects Internet Explorer 9 and earlier.",
    "The Zephyr Curve 8900 went on sale in March.",
    "The patch covers Internet Explorer 8 and 9, the firm said.",
    "The Falcon 9 rocket lifted off.",
    "A Glock 19 was recovered from the car.",
    "The town still has no 3G coverage.",
    "The pavilion hosts a 4-H auction next month.",
    "The film was shown in 3-D at the Lyric.",
])
def test_product_model_and_version_names_are_no_claim(text):
    assert_no_claim(text)


@pytest.mark.parametrize("text", [
    "Police found a 9mm pistol in the car.",
    "He carried a .45-caliber handgun.",
    "Officers seized a .22 rifle.",
    "A 12-gauge shotgun lay on the seat.",
    "Officers found 9 millimeter ammunition in the boot.",
])
def test_calibres_and_bores_are_no_claim(text):
    assert_no_claim(text)


@pytest.mark.parametrize("text", [
    "The suspect drove a two-door sedan.",
    "The crash closed a four-lane road.",
    "Smoke rose from the three-story building.",
])
def test_a_number_hyphenated_to_a_describing_noun_is_no_claim(text):
    assert_no_claim(text)


@pytest.mark.parametrize("text", [
    "The suspect is described as 5'8\" with a thin build.",
    "He is described as a black male 5’08’ in height.",
    "She stands 5′ 4″ tall.",
])
def test_a_height_in_feet_and_inches_is_no_claim(text):
    assert_no_claim(text)


def test_a_measure_in_millimetres_stays_a_claim():
    assert surfaces("The storm left 9mm of rain.") == ["9mm"]


# ---- emergency and telephone numbers -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "She called 112 at once.",
    "Residents were told to call 999.",
    "The 911 call came at dawn.",
    "A neighbour dialled 911.",
    "The 999 operator kept him talking.",
    "Anyone who sees him should call 911, police said.",
])
def test_emergency_numbers_are_no_claim(text):
    assert_no_claim(text)


@pytest.mark.parametrize("text", [
    "Call Lanmore police on 020 7946 0000 with details.",
    "Call the Lanmore desk on +44 20 7946 0000.",
    "Call (555) 013-2477 for details.",
    "Anyone who saw the car should call Crime Stoppers at 555-0134.",
    "Tips go to 555-CLUE (2583).",
    "Call the hotline at 1-800-555-HELP.",
])
def test_telephone_numbers_with_spaces_or_letters_are_no_claim(text):
    assert_no_claim(text)


# ---- flights, routes, clock times --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The plane, flight QX 2490, turned back.",
    "The diner sits on Route 66.",
    "Traffic stopped on Highway 101.",
    "The crash closed I-95 for hours.",
    "The chase ended on Ohio 61 near Kell.",
])
def test_flight_and_road_numbers_are_no_claim(text):
    assert_no_claim(text)


def test_a_count_beside_a_road_number_stays_a_claim():
    assert surfaces("A gunman killed 12 on Route 9.") == ["12"]


@pytest.mark.parametrize("text", [
    "Voting runs from 9-11 a.m. on Sunday.",
    "Visiting hours are between 2 and 4 p.m.",
    "The bells rang at 10 o'clock.",
])
def test_both_ends_of_a_clock_time_span_are_no_claim(text):
    assert_no_claim(text)


@pytest.mark.parametrize("text", [
    "The poll gave a 3.1 percent margin of error.",
    "It has a margin of error of plus or minus 4 percentage points.",
    "The survey's margin of error is 2.5%.",
])
def test_a_polls_margin_of_error_is_no_claim(text):
    assert_no_claim(text)


def test_the_share_beside_a_margin_of_error_stays_a_claim():
    assert surfaces("Some 62 percent backed the plan, with a 3 percent margin of error.") == ["Some 62 percent"]


@pytest.mark.parametrize("text", [
    "The token was the biggest loser in the top 10.",
    "In the top five, every coin lost value.",
    "The film finished in the top-20 list of the year.",
])
def test_a_band_of_a_ranking_is_no_claim(text):
    assert_no_claim(text)


def test_a_count_after_top_that_names_what_it_counts_stays_a_claim():
    assert surfaces("The top three executives resigned on Friday.") == ["three"]


# ---- leagues, scores, ordinals -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "He coached in the Big Ten for years.",
    "Vettel won the Formula 1 title.",
    "They played in the Pac-12 final.",
    "They won 31-24 on Sunday.",
    "The Rams beat the Bears 31-24 at home.",
    "It was a 65-53 win for the visitors.",
    "Smith played the 12th Doctor.",
    "Apollo 11 landed in 1969.",
])
def test_league_names_scores_and_ordinals_in_names_are_no_claim(text):
    assert_no_claim(text)


def test_a_range_after_a_result_verb_stays_a_claim():
    assert [(q.low, q.high) for q in find_quantities("The party won 3-5 seats.")] == [(3, 5)]


# ---- a capitalised name before a number ---------------------------------------------------

def test_a_name_before_a_counted_noun_leaves_the_count_a_claim():
    assert surfaces("The firm told Reuters 12 people had died.") == ["12"]


def test_a_possessive_before_a_count_leaves_the_count_a_claim():
    assert surfaces("Data from Norland's 17 agencies were shared.") == ["17"]


def test_a_name_before_a_range_leaves_the_range_a_claim():
    assert surfaces("It fell in the Sea of Tarn 125 to 155 miles west.") == ["125 to 155 miles"]


def test_a_name_at_the_start_of_a_sentence_is_not_read_as_a_name():
    assert surfaces("The fire was out. Seven people were killed.") == ["Seven"]


def test_a_title_case_line_keeps_its_figures():
    assert surfaces("Storm Kills 12 Across Corran Valley") == ["12"]


def test_a_short_sentence_of_capitalised_words_is_no_headline():
    assert_no_claim("Listeners of KQRT Newsradio 780 wrote in.")


def test_a_weekday_before_a_count_is_no_name():
    assert surfaces("Police said Tuesday 12 were hurt.") == ["12"]


@pytest.mark.parametrize("text, kept", [
    ("Flight attendants said 3 passengers were hurt.", ["3"]),
    ("The storm cut power to 4,500 homes.", ["4,500"]),
    ("Police named the 12 victims.", ["12"]),
    ("About 200 people marched on Elm Street.", ["About 200"]),
    ("The crash on Highway 101 injured 4 people.", ["4"]),
])
def test_counts_beside_names_stay_claims(text, kept):
    assert surfaces(text) == kept


# ---- page furniture inside a line --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "3 photos in this gallery",
    "Photo by Ana Reyes. Image 3 of 8 Firefighters at the scene.",
    "Hide Caption 23 of 25 Rescuers search the rubble.",
    "The mayor spoke at noon. Pellin Daily 4 of 41 Skip in Skip x Embed",
    "3 min read",
    "Tweet 34 Share 12 Email",
    "View 8 photos",
    "Crews worked overnight (3 photos)",
    "Updated 3 hours ago",
    "12 Comments",
])
def test_page_furniture_inside_a_line_is_no_claim(text):
    assert_no_claim(text)


def test_a_tally_in_prose_stays_a_claim():
    assert surfaces("He connected on 1 of 13 passes.") == ["1", "13"]


def test_comments_counted_in_prose_stay_a_claim():
    assert surfaces("The agency received 235,000 comments on the plan.") == ["235,000"]


# ---- reference marks ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The fire was set at around 6:30 p.m.[4][5]",
    "The manager was found dead in the lobby.[12]",
    "Vessel Brand[3] denied the report.",
])
def test_reference_marks_glued_to_the_text_are_no_claim(text):
    assert_no_claim(text)


@pytest.mark.parametrize("text", [
    "He was shot multiple times [9] [42]",
    'He said he would watch them all die."[16]:136 He also said more.',
])
def test_reference_marks_after_a_space_and_the_pages_they_cite_are_no_claim(text):
    assert_no_claim(text)


def test_a_bracketed_figure_set_apart_stays_a_claim():
    assert surfaces("Seven people [7 in all] were killed.") == ["Seven", "7"]


# ---- runs of bare numbers ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "1, 1, 1, 1, 1, 1",
    "12; 14; 9; 31",
    "Tallies\n4, 8, 15, 16",
    "| 12 | 14 | 9 |",
    "$5, $6, $7",
])
def test_a_run_of_bare_numbers_with_no_word_around_them_is_no_claim(text):
    assert_no_claim(text)


def test_the_numbers_of_a_list_with_words_beside_them_stay_claims():
    assert surfaces("The Vessel crews counted 4, 8 and 15 boats.") == ["4", "8", "15"]


def test_only_the_bare_middle_of_a_list_is_no_claim():
    assert surfaces("The tallies were 4, 8, 15, 16 boats.") == ["4", "16"]


def test_a_run_of_figures_with_units_stays_claims():
    assert surfaces("5 km, 6 km, 7 km") == ["5 km", "6 km", "7 km"]


def test_a_lone_bare_number_on_its_line_stays_a_claim():
    assert surfaces("Dead\n7\nInjured") == ["7"]


def test_a_bare_number_beside_a_table_cell_that_names_its_row_stays_a_claim():
    assert surfaces("| Marlow | 5 | 6 |") == ["5"]


@pytest.mark.parametrize("text", [
    "Agents reviewed 650,0000 emails on the laptop.",
    "The team found 12,50 files.",
])
def test_a_misprinted_digit_grouping_is_no_figure_cut_short(text):
    assert_no_claim(text)


@pytest.mark.parametrize("text", [
    "The two men, ages 20 and 22, were treated at the scene.",
    "Three women, ages 15, 17, and 18, were hurt.",
    "Police said the victims were between the ages of 11 and 25.",
    "Her sons, 7 and 8, were critically hurt.",
])
def test_the_ages_a_sentence_lists_are_no_count(text):
    found = surfaces(text)
    assert not any(surface[0].isdigit() for surface in found), found


def test_a_count_beside_a_list_of_ages_stays_a_claim():
    assert surfaces("All 12 were hurt; the men, ages 20 and 22, were shot.") == ["12"]
