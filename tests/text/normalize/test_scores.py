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
        ("Arsenal beat Chelsea 3-2", "Arsenal beat Chelsea 3-2"),
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
    ("Arsenal beat Chelsea 3-2 on Sunday.", "Arsenal beat Chelsea three to two on Sunday."),
    ("The motion passed 52–48 in the Senate.", "The motion passed fifty-two to forty-eight in the Senate."),
    ("Federer won 6-4, 6-3.", "Federer won six to four, six to three."),
    ("The jury voted 10-2 to convict.", "The jury voted ten to two to convict."),
    ("The court ruled 6-0 in favour.", "The court ruled six to zero in favour."),
    ("They drew 2–2 at home.", "They drew two all at home."),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_sentence(text: str, expected: str) -> None:
    assert normalize_for_speech(text, language="en") == expected
