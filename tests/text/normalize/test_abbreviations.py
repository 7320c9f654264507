"""Abbreviations, titles and initialisms: each step alone, on table-style cases."""

from __future__ import annotations

import pytest

from narrate.text.normalize import normalize_for_speech
from narrate.text.normalize.abbreviations import expand_abbreviations, expand_initialisms
from tests.text.normalize.steps import step_test

STEP_CASES = {
    expand_abbreviations: [
        ("Dr. Smith", "Doctor Smith"),
        ("Dr Smith", "Doctor Smith"),
        ("Mulholland Dr. is long", "Mulholland Drive is long"),
        ("St. Louis", "Saint Louis"),
        ("In St. Louis", "In Saint Louis"),
        ("Main St. is", "Main Street is"),
        ("42nd St.", "42nd Street."),
        ("Paris. St. Denis", "Paris. Saint Denis"),
        ("No. 5", "Number 5"),
        ("no.5", "number 5"),
        ("No. I won't", "No. I won't"),
        ("pp. 4", "pages 4"),
        ("c. 1900", "circa 1900"),
        ("Roe v. Wade", "Roe versus Wade"),
        ("vs Jones", "versus Jones"),
        ("etc. The end", "et cetera. The end"),
        ("etc.,", "et cetera,"),
        ("E.g. this", "For example this"),
        ("Ford Motor Co. said", "Ford Motor Company said"),
        ("King Jr. spoke", "King Junior spoke"),
        ("Lt. Gen. Smith", "Lieutenant General Smith"),
        ("the Gen. He", "the General. He"),
        ("a Ph.D. student", "a P.H.D student"),
        ("Gen Z", "Gen Z"),
        ("Jan. and", "January and"),
        ("approx. 300 metres", "approximately 300 metres"),
        ("The museum was est. in 1901", "The museum was established in 1901"),
        ("The firm, est. 1901, is old", "The firm, established 1901, is old"),
        ("Est. 1987", "Established 1987"),
        ("An est. 300 people", "An estimated 300 people"),
        ("It was est. 1,901 people", "It was estimated 1,901 people"),
        ("It was Smith vs. Jones", "It was Smith versus Jones"),
        ("tents, stoves, etc. to the camp", "tents, stoves, et cetera to the camp"),
        ("fruits, e.g. apples", "fruits, for example apples"),
        ("The chief, i.e. the head", "The chief, that is the head"),
        ("Sen. Warren and Gov. Newsom", "Senator Warren and Governor Newsom"),
        ("Acme Inc. and Foo Ltd. merged", "Acme Incorporated and Foo Limited merged"),
        ("No. 10 Downing St. said", "Number 10 Downing Street said"),
        ("prices incl. VAT", "prices including VAT"),
        ("Call ext. 204", "Call extension 204"),
        ("the best test. It", "the best test. It"),
    ],
    expand_initialisms: [
        ("U.S.", "U.S."),
        ("U.S. Senate", "U.S Senate"),
        ("U.S. He left", "U.S. He left"),
        ("U.S.-based", "U.S-based"),
        ("F.B.I. agents", "F.B.I agents"),
        ("the a.m. hours", "the A.M hours"),
        ("WHO said", "W.H.O said"),
        ("the US team", "the U.S team"),
        ("IT staff", "I.T staff"),
        ("THE WHO SAID", "THE WHO SAID"),
        # hibari spells "IKEA" letter by letter ('ˌIkˌAˌiˈA') but says "Ikea" ('ˈIkiə')
        ("IKEA stores", "Ikea stores"),
        ("NASA and FBI", "NASA and FBI"),
    ],
}

test_step = step_test(STEP_CASES)


INITIALISMS_READ_AS_WORDS = [
    ("He has a 2.85 ERA this season.", "He has a two point eight five E.R.A this season."),
    ("The ERA was never ratified.", "The E.R.A was never ratified."),
    ("An LAPD officer was hurt.", "An L.A.P.D officer was hurt."),
    ("The LAPD said on Monday.", "The L.A.P.D said on Monday."),
    ("Patients with COPD need help.", "Patients with C.O.P.D need help."),
    ("His ERA rose to 3.10.", "His E.R.A rose to three point one zero."),
    ("The WHO said so.", "The W.H.O said so."),
    ("A NEW ERA BEGINS.", "A NEW ERA BEGINS."),
    ("The era ended.", "The era ended."),
    ("A COPD inhaler.", "A C.O.P.D inhaler."),
    ("The LAPD and the FBI.", "The L.A.P.D and the FBI."),
]
"""Initialisms hibari would read as a word, spelled; a heading and the lowercase word are left."""


@pytest.mark.parametrize(("text", "expected"), INITIALISMS_READ_AS_WORDS)
def test_initialism_hibari_reads_as_word(text: str, expected: str) -> None:
    assert normalize_for_speech(text, language="en") == expected
