"""Dates the way each language writes them: dateutil with a parserinfo of the language's names, and
datelines that hold nothing but a date, labels and times."""

from __future__ import annotations

import pytest

from narrate.text.rules import french, german, spanish
from narrate.text.rules.dates import ENGLISH, Calendar, date_rule, is_dateline, parse_date


@pytest.mark.parametrize(
    "text, calendar, iso",
    [
        ("03/12/2024", ENGLISH, "2024-03-12"),  # month first in English
        ("03/12/2024", spanish.CALENDAR, "2024-12-03"),  # day first elsewhere
        ("12 de marzo de 2024", spanish.CALENDAR, "2024-03-12"),
        ("12 mars 2024", french.CALENDAR, "2024-03-12"),
        ("12. März 2024", german.CALENDAR, "2024-03-12"),
        ("2024-03-12", german.CALENDAR, "2024-03-12"),
        ("12 de marzo", spanish.CALENDAR, None),  # no year, no date
        ("el año 1492", spanish.CALENDAR, None),
        ("1999:" + "8" * 30, spanish.CALENDAR, None),
    ],
)
def test_parse_date(text: str, calendar: Calendar, iso: str | None) -> None:
    assert parse_date(text, calendar) == iso


def test_the_english_calendar_is_the_one_the_rules_always_had() -> None:
    assert is_dateline("PUBLISHED: March 30, 2021 at 5:00 a.m. | UPDATED: March 31, 2021")
    assert not is_dateline("March 30, 2021 was the day the ferry stopped.")
    assert not is_dateline("Madrid - March 30, 2021")  # no place before an English dateline


@pytest.mark.parametrize(
    "line",
    [
        "Madrid - 12 mar 2024 - 10:45 CET",
        "Buenos Aires, 12 de marzo de 2024",
        "12/03/2024 10:45 hs",
        "miércoles, 12 de marzo de 2024, 10.45 horas",
    ],
)
def test_a_local_dateline_may_start_with_a_place_and_end_with_a_time(line: str) -> None:
    assert is_dateline(line, spanish.CALENDAR)


def test_a_calendar_is_data() -> None:
    dutch = Calendar(
        months=(("januari", "jan"), ("februari", "feb"), ("maart", "mrt"), ("april", "apr"), ("mei",), ("juni", "jun"),
                ("juli", "jul"), ("augustus", "aug"), ("september", "sep"), ("oktober", "okt"), ("november", "nov"),
                ("december", "dec")),
        weekdays=("dinsdag",),
        labels=("gepubliceerd", "op", "om"),
    )
    assert parse_date("12 maart 2024", dutch) == "2024-03-12"
    assert is_dateline("Gepubliceerd op dinsdag 12 maart 2024 om 10:45", dutch)
    rule = date_rule(dutch)
    assert rule.name == "date" and rule.convert is not None and rule.convert("12 mrt 2024") == "2024-03-12"
