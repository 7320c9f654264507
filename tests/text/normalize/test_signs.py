"""Signs before numbers: the step alone, on table-style cases, the shared helper, and through the whole
English pipeline."""

from __future__ import annotations

import pytest

from narrate.text.normalize import normalize_for_speech
from narrate.text.normalize._common import sign_words
from narrate.text.normalize.signs import expand_signs
from tests.text.normalize.steps import step_test

STEP_CASES = {
    expand_signs: [
        ("was -0.2 in June", "was minus 0.2 in June"),
        ("was \u22120.5 percent", "was minus 0.5 percent"),
        ("was \u2212 0.5 percent", "was minus 0.5 percent"),
        ("fell to \u201315", "fell to minus 15"),
        ("rose +3.5 percent", "rose plus 3.5 percent"),
        ("an error of \u00b12 points", "an error of plus or minus 2 points"),
        ("(-5)", "(minus 5)"),
        ("-12,000 last year", "minus 12,000 last year"),
        ("at -.5", "at minus .5"),
        ("COVID-19", "COVID-19"),
        ("5-10", "5-10"),
        ("a - 5", "a - 5"),
    ],
}

test_step = step_test(STEP_CASES)


@pytest.mark.parametrize(
    ("sign", "words"),
    [("-", "minus"), ("\u2212", "minus"), ("\u2013", "minus"), ("+", "plus"), ("\u00b1", "plus or minus"), ("", "")],
)
def test_sign_words(sign: str, words: str) -> None:
    assert sign_words(sign) == words


SENTENCES = [
    ("Core inflation was -0.2 in June.", "Core inflation was minus zero point two in June."),
    ("Growth was \u22120.5% in the quarter.", "Growth was minus zero point five percent in the quarter."),
    ("Growth was \u22120.5 % in the third quarter.", "Growth was minus zero point five percent in the third quarter."),
    ("The margin of error is \u00b12 points.", "The margin of error is plus or minus two points."),
    ("The lowest reading was \u221240 degrees.", "The lowest reading was minus forty degrees."),
    ("The account balance was -£200.", "The account balance was minus two hundred pounds."),
    ("Oil hit -$37 a barrel.", "Oil hit minus thirty-seven dollars a barrel."),
    ("The wind chill made it feel like -15.", "The wind chill made it feel like minus fifteen."),
    ("Net migration was \u221212,000 last year.", "Net migration was minus twelve thousand last year."),
    ("Shares rose +3.5% on the day.", "Shares rose plus three point five percent on the day."),
    ("The index moved \u00b10.3 points.", "The index moved plus or minus zero point three points."),
    ("It was -3°C overnight.", "It was minus three degrees Celsius overnight."),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_sentence(text: str, expected: str) -> None:
    assert normalize_for_speech(text, language="en") == expected
