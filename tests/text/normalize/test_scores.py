"""Scores: the step alone, on table-style cases, and through the whole English pipeline."""

from __future__ import annotations

import pytest

from narrate.text.normalize import normalize_for_speech
from narrate.text.normalize.scores import expand_scores
from tests.text.normalize.steps import step_test

STEP_CASES = {
    expand_scores: [
        ("England drew 1-1 with Denmark.", "England drew one all with Denmark."),
        ("a 2–2 draw", "a two all draw"),
        ("tied 3-3", "tied three all"),
        ("a 0-0 draw", "a nil nil draw"),
        ("Liverpool were 2-0 up at half-time.", "Liverpool were two nil up at half-time."),
        ("The Yankees won 3-0.", "The Yankees won three zero."),
        ("The court ruled 9-0.", "The court ruled nine to zero."),
        ("Australia were 245-6 at stumps.", "Australia were 245 for 6 at stumps."),
        ("India were 245/6 at tea.", "India were 245 for 6 at tea."),
        ("England declared on 410-8.", "England declared on 410 for 8."),
        ("a 1-1 meeting", "a one on one meeting"),
        ("Arsenal beat Chelsea 3-2", "Arsenal beat Chelsea three two"),
        ("The Lakers won 112-104.", "The Lakers won 112-104."),
        ("Children aged 5–11", "Children aged 5–11"),
        ("aged 0-5", "aged 0-5"),
        ("COVID-19", "COVID-19"),
    ],
}

test_step = step_test(STEP_CASES)

SENTENCES = [
    ("England drew 1-1 with Denmark.", "England drew one all with Denmark."),
    ("Liverpool were 2-0 up at half-time.", "Liverpool were two nil up at half-time."),
    ("Australia were 245-6 at stumps.", "Australia were two hundred forty-five for six at stumps."),
    ("It ended 0-0 in the league.", "It ended nil nil in the league."),
    ("The Lakers won 112-104.", "The Lakers won one hundred twelve to one hundred four."),
    ("Arsenal beat Chelsea 3-2 on Sunday.", "Arsenal beat Chelsea three two on Sunday."),
    ("The motion passed 52–48 in the Senate.", "The motion passed fifty-two to forty-eight in the Senate."),
    ("Federer won 6-4, 6-3.", "Federer won six four, six three."),
    ("The jury voted 10-2 to convict.", "The jury voted ten to two to convict."),
    ("The court ruled 6-0 in favour.", "The court ruled six to zero in favour."),
    ("They drew 2–2 at home.", "They drew two all at home."),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_sentence(text: str, expected: str) -> None:
    assert normalize_for_speech(text, language="en") == expected


RESULTS = [
    ("Arsenal beat Chelsea 3-1 at the Emirates.", "Arsenal beat Chelsea three one at the Emirates."),
    ("Spurs lost 4-1 to Liverpool.", "Spurs lost four one to Liverpool."),
    ("The Chiefs edged the Eagles 38-35.", "The Chiefs edged the Eagles thirty-eight thirty-five."),
    ("City thrashed Luton 6-0 on Saturday.", "City thrashed Luton six zero on Saturday."),
    ("The Lions led 14-10 at half-time.", "The Lions led fourteen ten at half-time."),
    ("United were trailing 0-2 at half-time.", "United were trailing nil two at half-time."),
    ("They won 2-1.", "They won two one."),
    ("Swiatek won 7-5 6-1 in an hour.", "Swiatek won seven five, six one in an hour."),
    ("She won 6-4, 3-6, 7-6 (7-4) in the final.", "She won six four, three six, seven six (seven four) in the final."),
    ("Alcaraz won the first set 6-3.", "Alcaraz won the first set six three."),
    ("England were 312-7 at the close of play.", "England were three hundred twelve for seven at the close of play."),
    ("India declared on 450-6.", "India declared on four hundred fifty for six."),
    ("Pakistan were 198-4 on day two.", "Pakistan were one hundred ninety-eight for four on day two."),
    (
        "Root made a century as England reached 355-5.",
        "Root made a century as England reached three hundred fifty-five for five.",
    ),
    ("The Lakers won 112-104.", "The Lakers won one hundred twelve to one hundred four."),
    ("Scotland won the vote 52-48.", "Scotland won the vote fifty-two to forty-eight."),
    ("She lost 5-10 kg in a month.", "She lost five to ten kilograms in a month."),
    ("The party won 2-3 seats.", "The party won two to three seats."),
]
"""Scores after a word of a result, tennis sets and cricket totals; votes and big scores stay "to"."""


@pytest.mark.parametrize(("text", "expected"), RESULTS)
def test_result(text: str, expected: str) -> None:
    assert normalize_for_speech(text, language="en") == expected
