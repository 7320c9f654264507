"""The English pipeline, through :func:`~narrate.text.normalize.normalize_for_speech`: whole
sentences in and out, the language tag, and the steps in order (each step is tested alone in the test
module of its kind).

Several expected outputs are shaped by how hibari (the default engine) reads text; those cases say
why. The evidence is ``Hibari().phonemize(...)``; test_english_hibari.py checks it still holds.
"""

from __future__ import annotations

import pytest

from narrate.text.normalize import PIPELINE, normalize_for_speech
from tests.text.normalize import (
    test_abbreviations,
    test_capitals,
    test_characters,
    test_codes,
    test_dates_times,
    test_money,
    test_numbers,
    test_punctuation,
    test_roman,
    test_scores,
    test_signs,
    test_symbols,
    test_units,
    test_versions,
    test_web,
    test_years,
)

# --------------------------------------------------------------------------------------------------
# Whole sentences
# --------------------------------------------------------------------------------------------------

CASES = [
    # titles and abbreviations
    ("Dr. Smith met Mr. Jones.", "Doctor Smith met Mister Jones."),
    ("Mrs. Brown and Ms. White came.", "Missus Brown and Miz White came."),
    ("Prof. Li and Sen. Warren spoke.", "Professor Li and Senator Warren spoke."),
    ("Rep. Smith, Gov. Newsom and Gen. Milley met.", "Representative Smith, Governor Newsom and General Milley met."),
    ("Lt. Dan saw Sgt. Pepper.", "Lieutenant Dan saw Sergeant Pepper."),
    ("He flew to St. Louis.", "He flew to Saint Louis."),
    ("He lives on Main St. in Boston.", "He lives on Main Street in Boston."),
    ("The shop is on 5th St. It is small.", "The shop is on fifth Street. It is small."),
    # hibari splits "No. 5" into two sentences: ['nˈO.', 'fˈIv ɪz hˈɪɹ.']
    ("No. 5 is here.", "Number five is here."),
    # hibari: 'smˈɪθ vˈɜɹsəs.', 'ʤˈOnz' (two sentences)
    ("Smith vs. Jones ended.", "Smith versus Jones ended."),
    # hibari reads "etc." with a full stop inside the sentence: 'ɛtsˈɛTəɹə. ɑɹ'
    ("Apples, pears, etc. are fruit.", "Apples, pears, et cetera are fruit."),
    ("Fruit, e.g. apples, i.e. food.", "Fruit, for example apples, that is food."),
    # hibari: 'əpɹˈɑksəmətli.', 'fˈIv pˈipᵊl' (two sentences)
    ("About approx. 5 people came.", "About approximately five people came."),
    ("It was made by Acme Inc. The firm grew.", "It was made by Acme Incorporated. The firm grew."),
    # initialisms: "U.S" (no final period) is spelled by hibari ('jˌuˈɛs') without the period
    # that made it split "the U.S. Senate" into two sentences
    ("The U.S. Senate voted.", "The U.S Senate voted."),
    ("He left the U.S.", "He left the U.S."),
    ("He left the U.S. He came back.", "He left the U.S. He came back."),
    ("The U.S.-Mexico border is long.", "The U.S-Mexico border is long."),
    # "U.S's" -> 'jˈuˌɛsᵻz'; "U.S.'s" was read 'jˌuˈɛss'
    ("The U.S.'s plan failed.", "The U.S's plan failed."),
    ("NASA, NATO and UNESCO met the FBI, DEA and CIA.", "NASA, NATO and UNESCO met the FBI, DEA and CIA."),
    # hibari reads "WHO officials" as 'hˈu əfˈɪʃᵊlz'; "W.H.O" is spelled
    ("WHO officials said so.", "W.H.O officials said so."),
    ("LET US GO", "LET US GO"),
    # numbers: no commas inside number words
    ("The estimated 200,000 guns.", "The estimated two hundred thousand guns."),
    ("It had 1,500,000 rows.", "It had one million five hundred thousand rows."),
    ("It is 3.5 meters.", "It is three point five meters."),
    ("It fell to -5 overnight.", "It fell to minus five overnight."),
    # money
    ("It cost $3.5 million.", "It cost three point five million dollars."),
    ("It costs $9.99 today.", "It costs nine dollars and ninety-nine cents today."),
    ("It costs $1 or $0.99.", "It costs one dollar or ninety-nine cents."),
    # before a noun the currency is an adjective: "a five pound note"
    ("A £5 note and €3.5 million.", "A five pound note and three point five million euros."),
    ("A $200,000 house.", "A two hundred thousand dollar house."),
    ("Up to $2bn or $10k.", "Up to two billion dollars or ten thousand dollars."),
    # percent
    ("It rose 12% and 12 percent and 3.5%.", "It rose twelve percent and twelve percent and three point five percent."),
    # hibari reads "5–10%" as 'fˈIv tˈɛn pəɹsˈɛnt', without "to"
    ("It rose 5–10% last year.", "It rose five to ten percent last year."),
    # years, only in year-like contexts
    ("In 2021 it rained.", "In twenty twenty-one it rained."),
    ("Since 1998 it grew.", "Since nineteen ninety-eight it grew."),
    ("It opened in 2005.", "It opened in two thousand five."),
    ("The 2020 election was close.", "The twenty twenty election was close."),
    ("The summer of 1969.", "The summer of nineteen sixty-nine."),
    (
        "It had 2,300 people and 1,800 commuters.",
        "It had two thousand three hundred people and one thousand eight hundred commuters.",
    ),
    # hibari reads a bare four-digit number as a year: "1800 commuters" -> 'ˌAtˈin hˈʌndɹəd'
    ("A total of 1800 commuters.", "A total of one thousand eight hundred commuters."),
    # decades
    ("The 1990s were good.", "The nineteen nineties were good."),
    ("The '90s and the 80s.", "The nineties and the eighties."),
    ("The ’90s and the 2000s.", "The nineties and the two thousands."),
    # ranges
    ("He served from 2012 to 2018.", "He served from twenty twelve to twenty eighteen."),
    ("He served 2012–2018.", "He served twenty twelve to twenty eighteen."),
    ("He served 2012-2018.", "He served twenty twelve to twenty eighteen."),
    ("The 2019-20 season.", "The twenty nineteen twenty season."),
    ("It takes 5–10 days.", "It takes five to ten days."),
    ("Between 2012 and 2018 it grew.", "Between twenty twelve and twenty eighteen it grew."),
    # times: "A.M" is spelled by hibari ('ˌAˈɛm') and, without a final period, is no sentence end
    ("We met at 10:30 a.m. on Monday.", "We met at ten thirty A.M on Monday."),
    ("We met at 10:30 a.m.", "We met at ten thirty A.M."),
    ("We met at 10:30 a.m. He was late.", "We met at ten thirty A.M. He was late."),
    ("Come at 7 pm or 7 p.m. sharp.", "Come at seven P.M or seven P.M sharp."),
    # hibari says 'twˈɛlv əklˈɑk nˈun' ("twelve o'clock noon")
    ("Lunch is at 12:00 noon.", "Lunch is at twelve noon."),
    ("The train leaves at 14:05.", "The train leaves at fourteen oh five."),
    # ordinals
    ("The 21st century.", "The twenty-first century."),
    ("The 3rd time and the 100th day.", "The third time and the one hundredth day."),
    # dates: hibari reads "Jan. 5, 2024." as 'ʤˈænjəwˌɛɹi.', 'fˈIv, twˈɛnti twˈɛnti fˈɔɹ.'
    ("It was Jan. 5, 2024.", "It was January fifth, twenty twenty-four."),
    ("It was March 30, 2021.", "It was March thirtieth, twenty twenty-one."),
    ("On Sept. 11 it changed.", "On September eleventh it changed."),
    ("On 5 January 2024 it began.", "On the fifth of January twenty twenty-four it began."),
    ("Until October 2020, when he left.", "Until October twenty twenty, when he left."),
    ("Filed 2024-01-05.", "Filed January fifth, twenty twenty-four."),
    ("In Jan. and Feb.", "In January and February."),
    # dashes and ellipses as pauses; hyphens inside words untouched
    ("She said — quietly — no.", "She said, quietly, no."),
    ("Cases – or worse – stall.", "Cases, or worse, stall."),
    ("It rained... Then it stopped.", "It rained. Then it stopped."),
    ("Wait… what?", "Wait, what?"),
    ("Felbab-Brown wrote a high-profile report.", "Felbab-Brown wrote a high-profile report."),
    # web addresses
    ("See https://www.example.com/path today.", "See W.W.W dot example dot com slash path today."),
    ("See example.com/jobs today.", "See example dot com slash jobs today."),
    ("Write to ed@example.org.", "Write to ed at example dot org."),
    # ampersands: "A T and T" would be read with the article 'ɐ'; "A.T" is spelled 'ˌAtˈi'
    ("AT&T bought it.", "A.T and T bought it."),
    ("Smith & Wesson made it.", "Smith and Wesson made it."),
    # hibari reads a lone "A" after "and" as the article ("Q and A" -> 'kjˈu ænd ɐ'), but "Q&A" as letters
    ("A Q&A session.", "A Q&A session."),
    # symbols
    ("A +5 rating.", "A plus five rating."),
    ("It was 30°C or 86 °F.", "It was thirty degrees Celsius or eighty-six degrees Fahrenheit."),
    # hibari reads "1½" as 'wˈʌn wˈʌn hˈæf' ("one one half")
    ("Add ½ cup and 1½ cups.", "Add one half cup and one and a half cups."),
    ("Add 3/4 cup.", "Add three quarters cup."),
    ("Open 24/7 since 9/11.", "Open twenty-four seven since nine eleven."),
    ("It is #1 now.", "It is number one now."),
    # units: hibari reads "five km" as 'fˈIv kˌAˈɛm', so the unit is expanded with the number
    ("A 5 km walk at 60 mph.", "A five kilometre walk at sixty miles per hour."),
    # phone numbers digit by digit, not "five hundred fifty-five"
    ("Call 555-123-4567 now.", "Call five five five, one two three, four five six seven now."),
    ("Version 3.11.2 of the MP3 player.", "Version three point eleven point two of the MP three player."),
    ("COVID-19 and the F-35.", "COVID-nineteen and the F-thirty-five."),
    ("Agent 007 called.", "Agent zero zero seven called."),
]


@pytest.mark.parametrize(("text", "spoken"), CASES)
def test_normalize_for_speech(text: str, spoken: str) -> None:
    assert normalize_for_speech(text) == spoken


def test_there_are_at_least_forty_cases_including_the_required_ones() -> None:
    assert len(CASES) >= 40
    inputs = " ".join(text for text, _ in CASES)
    for required in ("U.S.", "$3.5 million", "200,000", "2012 to 2018", "1990s", "10:30 a.m.", "21st", "Jan. 5, 2024"):
        assert required in inputs


def test_paragraph_breaks_are_kept() -> None:
    spoken = normalize_for_speech("Dr. Smith won.\n\nIn 2019 he left.")
    assert spoken == "Doctor Smith won.\n\nIn twenty nineteen he left."


def test_empty_and_blank_text() -> None:
    assert normalize_for_speech("") == ""
    assert normalize_for_speech("   ") == ""


@pytest.mark.parametrize("language", ["en", "en-US", "en_GB", "EN"])
def test_english_variants_use_the_english_rules(language: str) -> None:
    assert normalize_for_speech("Dr. Smith", language=language) == "Doctor Smith"


def test_other_languages_do_not_get_the_english_rules() -> None:
    # German has rules of its own (test_german.py); a language num2words does not know is only cleaned
    assert (
        normalize_for_speech("Dr.\x00  Müller   kam 2019.", language="de") == "Doktor Müller kam zweitausendneunzehn."
    )
    assert normalize_for_speech("Dr.\x00  Juma   alikuja 2019.", language="sw") == "Dr. Juma alikuja 2019."


# --------------------------------------------------------------------------------------------------
# The steps in order, each tested alone
# --------------------------------------------------------------------------------------------------

STEP_CASES = {
    **test_abbreviations.STEP_CASES,
    **test_capitals.STEP_CASES,
    **test_characters.STEP_CASES,
    **test_codes.STEP_CASES,
    **test_dates_times.STEP_CASES,
    **test_money.STEP_CASES,
    **test_numbers.STEP_CASES,
    **test_punctuation.STEP_CASES,
    **test_roman.STEP_CASES,
    **test_scores.STEP_CASES,
    **test_signs.STEP_CASES,
    **test_symbols.STEP_CASES,
    **test_units.STEP_CASES,
    **test_versions.STEP_CASES,
    **test_web.STEP_CASES,
    **test_years.STEP_CASES,
}
"""Every step's cases, from the test module of its kind."""


def test_every_step_is_tested_alone() -> None:
    assert set(PIPELINE) == set(STEP_CASES)


def test_pipeline_order() -> None:
    names = [step.__name__ for step in PIPELINE]
    assert names[:2] == ["remove_control_characters", "normalize_spaces"]
    assert names[-1] == "tidy_punctuation"
    # digits must still be digits for the steps that read them in context
    for reader in ("expand_times", "expand_dates", "expand_money", "expand_ranges", "expand_years"):
        assert names.index(reader) < names.index("expand_numbers")
    assert names.index("expand_ranges") < names.index("expand_dashes")
