"""Times and dates: each step alone, on table-style cases."""

from __future__ import annotations

import pytest

from narrate.text.normalize import normalize_for_speech
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
        ("at 7.30pm", "at seven thirty P.M"),
        ("10am. Monday", "ten A.M. Monday"),
        # ranges
        ("open 7–10am on weekdays", "open seven to ten A.M on weekdays"),
        ("7-10 a.m. daily", "seven to ten A.M daily"),
        ("9am-5pm", "nine A.M to five P.M"),
        ("9am–5pm", "nine A.M to five P.M"),
        ("from 9 to 11am", "from nine to eleven A.M"),
        ("7.30–9.30pm", "seven thirty to nine thirty P.M"),
        ("10:30am-2pm", "ten thirty A.M to two P.M"),
        ("11am to 1pm", "eleven A.M to one P.M"),
        ("6–8 pm", "six to eight P.M"),
        ("9-5 job", "9-5 job"),
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
        ("25/12/99", "the twenty-fifth of December nineteen ninety-nine"),
        ("March 45", "March 45"),
        ("May I", "May I"),
        # spans
        ("The festival runs June 12–14.", "The festival runs June twelfth to fourteenth."),
        ("June 12-14, 2025", "June twelfth to fourteenth, twenty twenty-five"),
        ("The line will close 10–16 March.", "The line will close from the tenth to the sixteenth of March."),
        ("from 1-3 May", "from the first to the third of May"),
        ("between 10 and 16 March", "between the tenth and the sixteenth of March"),
        ("between June 12 and 14", "between June twelfth and fourteenth"),
        ("June 30–July 2", "June thirtieth to July second"),
        ("30 June–2 July", "the thirtieth of June to the second of July"),
        ("June–August", "June to August"),
        ("Jan-Mar", "January to March"),
        ("March 2020–May 2021", "March twenty twenty to May twenty twenty-one"),
        ("Monday–Friday", "Monday to Friday"),
        ("Mon-Fri.", "Monday to Friday."),
        ("Sat–Sun", "Saturday to Sunday"),
        ("Mar-a-Lago", "Mar-a-Lago"),
        ("June 14–12", "June 14–12"),
    ],
}

test_step = step_test(STEP_CASES)


NUMERIC_DATES = [
    ("It left on 31/01/2020.", "It left on the thirty-first of January twenty twenty."),
    ("It left on 01/31/2020.", "It left on January thirty-first, twenty twenty."),
    ("It left on 05/06/2020.", "It left on May sixth, twenty twenty."),
    ("It opened on 31.01.2020.", "It opened on the thirty-first of January twenty twenty."),
    ("It opened on 05.06.2020.", "It opened on the fifth of June twenty twenty."),
    ("It closed on 31-01-2020.", "It closed on the thirty-first of January twenty twenty."),
    ("It closed on 12-25-2019.", "It closed on December twenty-fifth, twenty nineteen."),
    ("It closed on 2020-01-31.", "It closed on January thirty-first, twenty twenty."),
    ("Born 13/04/1985 in Leeds.", "Born the thirteenth of April nineteen eighty-five in Leeds."),
    ("Due 4/15/2024 at the latest.", "Due April fifteenth, twenty twenty-four at the latest."),
    ("Filed on 1.3.2021.", "Filed on the first of March twenty twenty-one."),
    ("Update to version 1.2.2020 now.", "Update to version one point two point two thousand twenty now."),
]
"""Numeric dates: day first when the first number cannot be a month or when dotted; else month first."""


@pytest.mark.parametrize(("text", "expected"), NUMERIC_DATES)
def test_numeric_date(text: str, expected: str) -> None:
    assert normalize_for_speech(text, language="en") == expected


CLOCK_RANGES = [
    ("Open 10:00–17:00 daily.", "Open ten hundred to seventeen hundred daily."),
    ("Open 09:00-17:30 daily.", "Open oh nine hundred to seventeen thirty daily."),
    ("Open 9:30–11:15 daily.", "Open nine thirty to eleven fifteen daily."),
    ("Open 10:00 - 11:00 on Sundays.", "Open ten o'clock to eleven o'clock on Sundays."),
    ("Open 08:30 to 12:45 on Mondays.", "Open eight thirty to twelve forty-five on Mondays."),
    ("Shift 22:00–02:00 at night.", "Shift twenty-two hundred to oh two hundred at night."),
    ("Visiting 14:00-16:00 only.", "Visiting fourteen hundred to sixteen hundred only."),
    ("Lunch 12:30–13:30 daily.", "Lunch twelve thirty to thirteen thirty daily."),
    ("Talks 9:00–10:30 then.", "Talks nine o'clock to ten thirty then."),
    ("Runs 18:00 until 23:00.", "Runs eighteen hundred to twenty-three hundred."),
    ("From 9:30-11:30am only.", "From nine thirty to eleven thirty A.M only."),
]
"""Two clock times joined by a dash or "to": one range, never two times with a pause between."""


@pytest.mark.parametrize(("text", "expected"), CLOCK_RANGES)
def test_clock_range(text: str, expected: str) -> None:
    assert normalize_for_speech(text, language="en") == expected
