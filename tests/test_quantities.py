"""Finding figures in text (specification of factcheck.quantities), on sentences written for
these tests: each behaviour of the extractor, and the numbers it must leave alone."""
from __future__ import annotations

import math

import pytest

from factcheck.quantities import Quantity, find_quantities


def found(text: str) -> list[tuple[str, float, str]]:
    """(surface, value, unit) of every figure found."""
    return [(text[q.start:q.end], q.value, q.unit) for q in find_quantities(text)]


def only(text: str) -> Quantity:
    quantities = find_quantities(text)
    assert len(quantities) == 1, found(text)
    return quantities[0]


def values(text: str) -> list[float]:
    return [q.value for q in find_quantities(text)]


# ---- numbers --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("Forty-five villagers were rescued by boat.", 45),
    ("The council hired twenty-three new teachers.", 23),
    ("About two hundred and fifty runners finished.", 250),
    ("Organisers expect half a million visitors.", 500_000),
])
def test_spelled_out_and_hyphenated_numbers(text, value):
    assert only(text).value == value


def test_a_hyphenated_number_word_before_a_noun_is_a_figure():
    assert values("The ferry has a four-cylinder engine.") == [4]


@pytest.mark.parametrize("text, value", [
    ("The fund lost 2.6 million dollars.", 2.6e6),
    ("The bridge will cost £4.5bn to build.", 4.5e9),
    ("Its debts reached $1.2tn last year.", 1.2e12),
    ("The app has 35k daily users.", 35_000),
    ("A 3m people live in the region.", 3e6),
])
def test_scale_words_and_suffixes(text, value):
    assert math.isclose(only(text).value, value)


def test_a_glued_m_is_metres_unless_it_is_money_or_counts_something():
    assert found("The crane is 37m tall.") == [("37m", 37, "meter")]
    assert found("A 37m-long skeleton.") == [("37m", 37, "meter")]
    assert found("The club paid £37m for him.")[0][1:] == (37e6, "GBP")


@pytest.mark.parametrize("text, code", [
    ("Tickets cost $25 each.", "USD"), ("The fine was €300.", "EUR"), ("He paid £40.", "GBP"),
    ("It sold for ¥9,000.", "JPY"), ("Rent is HK$12,000.", "HKD"), ("A bond of US$4bn was sold.", "USD"),
    ("The deal is worth A$2m.", "AUD"), ("Debt hit $US113 billion.", "USD"), ("It cost C $6.", "CAD"),
    ("The stall takes RM79.", "MYR"), ("Fees rose to R26 million.", "ZAR"), ("A loan of USD10m.", "USD"),
    ("The club spent 2 million euros.", "EUR"), ("They raised 9 billion shekels.", "ILS"),
    ("Budget: 8.99 Australian dollars.", "AUD"), ("The laptop cost 1,200€.", "EUR"),
    ("The rate is 110 JPY.", "JPY"), ("A transfer of PS2.7m was agreed.", "GBP"),
])
def test_money_in_common_currencies_and_symbols(text, code):
    assert only(text).unit == code


def test_a_games_console_is_not_money():
    assert found("The PS5 sold out in an hour.") == []


def test_money_per_something_is_a_rate():
    assert only("The flat costs $3,500 a month.").unit == "USD / month"
    assert only("Output fell by 800,000 barrels a day.").unit == "oil_barrel / day"
    assert only("Revenue was $6.8 billion a year earlier.").unit == "USD"
    assert only("The offer is worth roughly $22 million per season.").unit == "USD / season"


def test_cents_are_a_unit_of_their_own():
    assert only("The shares rose 19 cents.").unit == "cent"


@pytest.mark.parametrize("text", [
    "Turnout rose 4.5 per cent.", "Turnout rose 4.5 percent.", "Turnout rose 4.5%.",
    "Turnout rose 4.5 percentage points.", "Gilts yield 4.5pc.",
])
def test_per_cent_and_percentage_points(text):
    assert (only(text).value, only(text).unit) == (4.5, "percent")


# ---- ranges ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, low, high, unit", [
    ("Between 40 and 50 people were hurt.", 40, 50, "count"),
    ("Some 300 to 350 homes lost power.", 300, 350, "count"),
    ("The drive takes 15-22 minutes.", 15, 22, "minute"),
    ("Prices range from $800,000 to $1.3 million.", 800_000, 1.3e6, "USD"),
    ("Four to five thousand fans came.", 4_000, 5_000, "count"),
    ("The project will cost 33-35 billion euros.", 33e9, 35e9, "EUR"),
    ("It runs at between 15kHz and 17kHz.", 15, 17, "kilohertz"),
    ("The plan lasts between seven to 10 years.", 7, 10, "year"),
    ("Police said 5-6,000 people were moved.", 5_000, 6_000, "count"),
    ("Between 10 and 1,000 people came.", 10, 1_000, "count"),
])
def test_ranges_and_from_x_to_y(text, low, high, unit):
    quantity = only(text)
    assert (quantity.low, quantity.high, quantity.unit) == (low, high, unit)


def test_a_change_from_x_to_y_is_two_figures():
    assert values("The toll was revised from eight to six.") == [8, 6]


def test_a_change_by_x_to_y_is_two_figures():
    assert values("Debt rose by $43 billion to $419 billion.") == [43e9, 419e9]


def test_a_hedge_after_between_still_opens_a_range():
    quantity = only("Between roughly 30 and 35 boats sank.")
    assert (quantity.low, quantity.high) == (30, 35)


def test_a_unit_stated_after_two_figures_belongs_to_both():
    assert found("Lunch costs eight or nine euros.") == [("eight", 8, "EUR"), ("nine euros", 9, "EUR")]


# ---- fractions, negatives -------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("Add 1/2 cup of sugar.", 0.5), ("The pipe is 2 1/2 inches wide.", 2.5),
    ("Mix in 1½ spoons.", 1.5), ("Two thirds of voters agreed.", 2 / 3),
    ("A third of the staff left.", 1 / 3), ("Almost half of them stayed.", 0.5),
])
def test_fractions_and_mixed_numbers(text, value):
    assert math.isclose(only(text).value, value)


def test_a_fraction_of_a_unit_takes_the_unit():
    assert only("Use 1/16 of a pint of milk.").unit == "pint"


@pytest.mark.parametrize("text, value", [
    ("The index closed -1.3% lower.", -1.3), ("It was minus 5 degrees.", -5),
    ("Night fell to minus-130 degrees Fahrenheit.", -130), ("The balance was $-50.8bn.", -50.8e9),
    ("| Net income | (1,234) |", -1234),
])
def test_negative_and_accounting_parenthesis_values(text, value):
    assert math.isclose(only(text).value, value)


def test_a_conversion_in_parentheses_is_not_negative():
    assert values("It cost 10 million euros ($11 million).") == [10e6, 11e6]


def test_scientific_notation():
    assert math.isclose(only("Light travels at 2.998×10^8 metres per second.").value, 2.998e8)


def test_a_power_of_ten_too_large_for_a_float_is_no_figure():
    assert found("The probe drifted 3 x 10^450 kilometres; 12 crew slept.") == [("12", 12, "count")]


def test_a_power_of_ten_beyond_the_limit_either_way_is_no_figure():
    assert found("A grain weighs 4 x 10^-350 grams.") == []


def test_a_digit_string_too_long_for_a_float_is_no_figure():
    huge = "7" + "0" * 420
    assert found(f"The ledger showed {huge} tokens and 5 errors.") == [("5", 5, "count")]


def test_a_fraction_of_overlong_digit_strings_is_no_figure():
    top = "9" * 5000
    assert found(f"Roughly {top}/7 of the grid failed.") == []


def test_a_chain_of_scale_words_that_overflows_is_no_figure():
    chain = " ".join(["trillion"] * 40)
    assert found(f"Bettors staked 8 {chain} coins.") == []


def test_every_figure_found_is_finite():
    text = "Readings: 6 x 10^300 volts, " + "3" * 330 + ".5 amps, 2 x 10^7 watts."
    assert [q.value for q in find_quantities(text)] == [2e7]
    assert all(math.isfinite(q.precision) for q in find_quantities(text))


# ---- hedges ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, low, high", [
    ("About 100 people marched.", 90, 110),
    ("At least 100 people marched.", 100, None),
    ("Up to 100 people marched.", None, 100),
    ("100 or more people marched.", 100, None),
    ("A crowd of 100-plus marched.", 100, None),
])
def test_approximations_and_bounds(text, low, high):
    quantity = only(text)
    assert quantity.hedge is not None and (quantity.low, quantity.high) == pytest.approx((low, high))


def test_nearly_is_just_under():
    quantity = only("Nearly 100 people marched.")
    assert quantity.low < 100 == quantity.high


def test_a_sub_prefix_is_an_upper_bound():
    quantity = only("Chips are made at sub-7 nanometre sizes.")
    assert (quantity.value, quantity.high, quantity.unit) == (7, 7, "nanometer")


# ---- units ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, unit", [
    ("The storm moved at 15 mph.", "mile / hour"), ("A 6.1-inch screen.", "inch"),
    ("It weighs 70kg.", "kilogram"), ("The plant makes 35 GWh a year.", "gigawatt_hour / year"),
    ("Water boils at 100 °C.", "celsius"), ("The phone has a 120Hz display.", "hertz"),
    ("A 4500 mAh battery.", "milliampere_hour"), ("The car makes 300 hp.", "horsepower"),
    ("A 30Mbps plan.", "megabit / second"), ("A 60GB cap.", "gigabyte"),
    ("The office is 570 sq m.", "meter ** 2"), ("Steel of 61.4 MPa.", "megapascal"),
    ("Pour in 8 fluid ounces of stock.", "fluid_ounce"),
])
def test_physical_units(text, unit):
    assert only(text).unit == unit


def test_a_generation_of_wireless_is_no_claim():
    assert found("The 5G rollout is slow.") == []


def test_lower_case_g_after_a_figure_is_still_grams():
    assert only("Add 5g of salt.").unit == "gram"


# ---- what is not a claim --------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The amendment is in section 427 of the act.",
    "She sat in row 21 of the stalls.",
    "Flight 370 left at dawn.",
    "The 737 Max was grounded.",
    "The S&P 500 was flat.",
    "He bought an iPhone 11 Pro.",
    "The shop at 575 Wilbraham Road closed.",
    "The meeting was on March 5, 2019.",
    "It happened on 12 June.",
    "The bridge opened in 1998.",
    "The train left at 10:45.",
    "The train left at 5pm.",
    "Call 555-123-4567 for details.",
    "She came 3rd in the race.",
    "They won 2-1 at home.",
    "The game was tied at 89-89.",
    "The temple was built in A.D. 1000.",
    "The 49ers won again.",
    "The report was filed 2019-09-01T10:38:07Z.",
    "He watched BBC One all night.",
    "Quarterback Dak Prescott (4) ran in.",
    "The hunt runs Sept. 20-24.",
])
def test_identifiers_dates_years_times_and_names_are_skipped(text):
    assert found(text) == []


def test_list_markers_are_skipped():
    assert values("Steps:\n1. Add 200 grams of flour.\n2. Stir.") == [200]


def test_a_pronoun_one_is_skipped():
    assert found("Each one was checked.") == []


def test_lower_case_may_after_a_figure_is_the_verb_not_a_month():
    assert values("Officials fear 10 may have been killed in the blast.") == [10]


def test_a_capitalised_may_after_a_figure_is_a_date():
    assert values("On 10 May, 3 people died in the flood.") == [3]


def test_lower_case_march_after_a_figure_is_the_verb_not_a_month():
    assert values("On Sundays about 40 march through the square.") == [40]


@pytest.mark.parametrize("text", [
    "The ferry sank on 14 March 2021.", "The polls closed on May 6.", "Turnout in May 2019 was low.",
    "The strike began on 2 MAY.",
])
def test_capitalised_may_and_march_stay_dates(text):
    assert found(text) == []


def test_a_year_like_figure_before_a_counted_noun_is_a_count():
    assert values("Crews moved 2000 people out and 1850 homes were lost.") == [2000, 1850]


def test_a_year_like_figure_before_a_unit_is_a_measure():
    assert found("She won the 1500 metres final.") == [("1500 metres", 1500, "meter")]


@pytest.mark.parametrize("text", [
    "Prices were lower in 2015.", "The 2007 Working Group met again.", "The mill has stood since 1850.",
    "In 1990 people earned less.", "The 2015 Women's World Cup drew crowds.",
])
def test_a_year_like_figure_without_a_counted_noun_or_in_a_time_phrase_is_a_year(text):
    assert found(text) == []


def test_years_with_a_hedge_or_unit_are_figures():
    assert values("About 2000 people came.") == [2000]
    assert values("The dam holds 1900 tonnes.") == [1900]


# ---- offsets --------------------------------------------------------------------------------

def test_offsets_cover_hedge_currency_number_and_unit_exactly():
    text = "Officials said nearly $2.5 billion a year was lost."
    quantity = only(text)
    assert text[quantity.start:quantity.end] == "nearly $2.5 billion a year"
    assert text[quantity.number_start:].startswith("$2.5")
    assert (quantity.value, quantity.unit) == (2.5e9, "USD / year")


# ---- units news writes loosely ----------------------------------------------------------------

@pytest.mark.parametrize("text, unit", [
    ("The beach hit 31C on Sunday.", "celsius"), ("Frost came at 3 C overnight.", "celsius"),
    ("Phoenix topped 115F again.", "fahrenheit"), ("Gusts reached 40 kt offshore.", "knot"),
    ("The hatchback makes 200 PS.", "metric_horsepower"),
])
def test_bare_unit_letters_after_a_figure(text, unit):
    assert only(text).unit == unit


@pytest.mark.parametrize("text", ["Two F-35 jets flew over.", "The fleet has 3 F-16s.", "It is 8 C$ a box."])
def test_a_letter_that_begins_a_name_or_currency_is_no_unit(text):
    assert all(unit == "count" for _, _, unit in found(text))


@pytest.mark.parametrize("text, unit", [
    ("The defence conceded 402 rushing yards.", "yard"),
    ("The archive adds 30 previous years of footage.", "year"),
    ("It rained for 12 straight days.", "day"),
])
def test_a_modifier_between_figure_and_unit_word(text, unit):
    assert only(text).unit == unit


def test_pounds_without_a_scale_are_a_weight():
    assert only("The boxer weighed in at 212 pounds.").unit == "pound"


def test_pounds_with_a_scale_are_money():
    assert only("The council borrowed 4 million pounds.").unit == "GBP"


def test_a_fraction_of_a_qualified_unit_takes_the_unit():
    assert only("Pour in 1/4 of an imperial gallon.").unit == "gallon"


def test_a_name_then_a_figure_between_commas_is_an_age():
    assert only("Dana Whitfield, 61, chairs the board.").unit == "year"


def test_a_modifier_never_makes_a_currency_word_a_unit():
    assert only("He hopes to lose four more pounds.").unit == "count"


@pytest.mark.parametrize("text, unit", [
    ("The field reached 12 kV/cm.", "kilovolt / centimeter"),
    ("The hatchback emits 98 g/km.", "gram / kilometer"),
    ("Levels hit 4 mg/L downstream.", "milligram / liter"),
])
def test_a_unit_over_a_unit(text, unit):
    assert only(text).unit == unit


def test_times_per_span_of_time_is_a_frequency():
    assert only("The pulsar turns 600 times a second.").unit == "count / second"
    assert only("She phoned three times a day.").unit == "count / day"
    assert only("The shares doubled 3 times.").unit == "count"


@pytest.mark.parametrize("text", [
    "The fund paid his daughter, who was 9.",
    "Life expectancy for women in the town is about 79 and rising.",
    "The painter died at 91.",
    "Police found a boy, about 4, in the house.",
    "The other, 25, was shot in the arm.",
    "Killed: his father Samir Zawahri, 55 (shot at home).",
])
def test_ages_from_their_cues(text):
    assert only(text).unit == "year"


def test_a_who_cue_needs_the_figure_to_close_its_clause():
    assert only("Jones, who was 12 points clear, won.").unit == "count"


# ---- units carried between neighbours -------------------------------------------------------

def test_a_bare_figure_after_from_unit_to_takes_that_unit():
    assert [q.unit for q in find_quantities("Mileage rose from 18 mpg to 22 in a decade.")] == \
        ["mile / gallon"] * 2
    assert [(q.low, q.high, q.unit) for q in find_quantities("Fares go from 40 euros to 55.")] == \
        [(40, 55, "EUR")]


def test_a_part_of_a_stated_total_takes_its_unit():
    assert found("They raised 90 million of the 2 billion rupees needed.") == [
        ("90 million", 90e6, "INR"), ("2 billion rupees", 2e9, "INR")]


def test_zero_to_sixty_is_a_range():
    quantity = only("Its 0-to-60-mph time is quick.")
    assert (quantity.low, quantity.high, quantity.unit) == (0, 60, "mile / hour")


def test_a_vote_tally_with_to_is_a_score():
    assert found("The court ruled 6-to-3 on Friday.") == []


def test_from_x_up_to_y_is_a_range():
    quantity = only("Flats run from 500 sq ft up to 1,100 sq ft.")
    assert (quantity.low, quantity.high, quantity.hedge) == (500, 1100, None)
    assert len(find_quantities("Sales rose 4 up to 9.")) == 2


# ---- hedges and non-claims ------------------------------------------------------------------

def test_past_after_a_determiner_is_no_hedge():
    assert only("Over the past five years, it grew.").hedge is None
    assert only("The river rose past 6 metres.").hedge == "past"


@pytest.mark.parametrize("text", [
    "The fort stood between A.D. 900 and 1150.",
    "The city thrived from 400 to 200 BC.",
    "Clinics ran out of COVID -19 tests.",
    "The survey asked men aged 25 to 40.",
])
def test_era_ranges_disease_names_and_age_bands_are_skipped(text):
    assert found(text) == []


def test_an_age_after_a_person_noun_is_in_years():
    [age] = find_quantities("The crash killed a local girl, 3. Police arrived later.")
    assert age.unit == "year"


def test_an_age_closed_by_a_semicolon_is_in_years():
    ages = find_quantities("Those killed were Tom Holt, 50; and his son, 10; both of Elm Street.")
    assert [q.unit for q in ages] == ["year", "year"]


def test_a_glued_m_before_a_word_of_motion_is_metres():
    from factcheck.quantities import find_quantities
    (fall,) = find_quantities("The climber fell about 60m into a crevasse.")
    assert (fall.value, fall.unit) == (60.0, "meter")


@pytest.mark.parametrize("opening", ["🔥 ", "* ", "- ", "• "])
def test_a_number_word_opening_a_line_after_a_bullet_or_emoji_is_a_figure(opening):
    assert values(f"{opening}Thirty people were injured in the fire, police said.") == [30]


def test_an_age_after_a_name_suffix_is_an_age():
    found = find_quantities("The passengers, Marek Holt Jr., 25, and Tomas Brenn, 32, were hurt.")
    assert [q.unit for q in found] == ["year", "year"]


def test_a_fraction_of_a_whole_is_a_share():
    assert only("A third of the staff left.").unit == "fraction"
    assert only("Add 1/2 cup of sugar.").unit == "count"
