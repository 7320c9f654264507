"""Times and dates: each step alone, on table-style cases."""

from __future__ import annotations

from narrate.text.normalize.dates_times import expand_dates, expand_times
from tests.text.normalize.steps import step_test

STEP_CASES = {
    expand_times: [
        ("10:30 a.m.", "ten thirty A.M."),
        ("10:30 a.m. on", "ten thirty A.M on"),
        ("7 pm", "seven P.M"),
        ("7PM", "seven P.M"),
        ("10:05 AM", "ten oh five A.M"),
        ("12:00 noon", "twelve noon"),
        ("12 midnight", "twelve midnight"),
        ("9 a.m.-5 p.m. daily", "nine A.M to five P.M daily"),
        ("10:00", "ten o'clock"),
        ("14:30", "fourteen thirty"),
        ("25:61", "25:61"),
        ("13 pm", "13 pm"),
    ],
    expand_dates: [
        ("Jan. 5, 2024", "January fifth, twenty twenty-four"),
        ("Jan 5th", "January fifth"),
        ("March 30, 2021", "March thirtieth, twenty twenty-one"),
        ("the 5th of May", "the fifth of May"),
        ("5 Sept. The", "the fifth of September. The"),
        ("May 2021", "May twenty twenty-one"),
        ("2024-01-05", "January fifth, twenty twenty-four"),
        ("1/5/2024", "January fifth, twenty twenty-four"),
        ("25/12/99", "December twenty-fifth, nineteen ninety-nine"),
        ("March 45", "March 45"),
        ("May I", "May I"),
    ],
}

test_step = step_test(STEP_CASES)
