"""Dates and datelines, written the way each language writes them.

A :class:`Calendar` holds one language's month and weekday names, the words that may stand around
a date on a dateline ("Publicado el", "Mis à jour le", "Aktualisiert am", "alle ore"), and whether
the day comes first in 12/03/2024. :func:`parse_date` finds the first date in a line and reads it
with dateutil's parser, given a ``parserinfo`` with the calendar's names; :func:`is_dateline` says
whether a line holds nothing but dates, times and those words (a line to drop, its date kept as
the article's date). :data:`ENGLISH` keeps the behaviour the English rules have always had.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial

from dateutil import parser as date_parser

from .base import Action, LineRule, words

__all__ = ["ENGLISH", "Calendar", "date_rule", "is_dateline", "parse_date"]

_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_SHORT_YEAR = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2}\b")
"""A date with a two-digit year ("19/03/24"), read in every language but English."""
_DEFAULT = datetime(2000, 1, 1)
_ISO = re.compile(r"\s*\d{4}-\d{1,2}-\d{1,2}")
_TIME = (
    r"\b\d{1,2}\s*(?::|h|\.)\s*\d{2}(?:\s*(?::|\.)\s*\d{2})?(?:\s*(?:h|hs|hrs|uhr|horas|ore|heures)\b\.?)?"
    r"|\b\d{1,2}\s*(?:h|hs|hrs|uhr)\b\.?"
)
_ZONES = r"[a-z]{1,3}[sd]t|utc|gmt|cet|cest|mez|mesz|wez|wesz|brt|brst|art|clt|cot|pet|hora peninsular|hora local"
_NOISE_CHARS = r"[\d:|/,.\-–—•·()\[\]\s]+"


@dataclass(frozen=True)
class Calendar:
    """How one language writes dates: the data :func:`parse_date` and :func:`is_dateline` read."""

    months: Sequence[Sequence[str]] = ()
    """Twelve tuples of names for January to December, full names and abbreviations, lower case."""
    weekdays: Sequence[str] = ()
    """Weekday names and their abbreviations, lower case (only ever skipped on a dateline)."""
    labels: Sequence[str] = ()
    """Words (regular expressions) that may stand around a date on a dateline."""
    links: Sequence[str] = ()
    """Words inside a date between day, month and year ("de" in "12 de marzo de 2024")."""
    day_first: bool = True
    """12/03/2024 is the 12th of March (False: December 3rd)."""
    fuzzy_fallback: bool = False
    """When no date is found where dates are written, let dateutil look through the whole line."""
    place_first: bool = True
    """A dateline may start with a place ("Madrid - 12 mar 2024 - 10:45 CET")."""
    date_in_line: re.Pattern[str] | None = None
    """Where a date is in a line; built from the names when None."""
    noise: re.Pattern[str] | None = None
    """What may surround a date on a dateline; built from the names when None."""
    times: re.Pattern[str] | None = re.compile(r"(?i)" + _TIME)
    """Times of day on a dateline ("10:45", "10h45", "10.45 Uhr"), taken out before the noise."""
    info: date_parser.parserinfo | None = field(default=None, repr=False)
    """dateutil's names for the parser; built from the names when None."""

    def __post_init__(self) -> None:
        if self.date_in_line is None:
            object.__setattr__(self, "date_in_line", _date_pattern(self))
        if self.noise is None:
            object.__setattr__(self, "noise", _noise_pattern(self))
        if self.info is None and self.months:
            object.__setattr__(self, "info", _parserinfo(self))


def _date_pattern(calendar: Calendar) -> re.Pattern[str]:
    month = rf"(?:{words(name for names in calendar.months for name in names)})\.?"
    link = rf"(?:\s*(?:{words(calendar.links)})\s+|\s*[.\-/]?\s*)" if calendar.links else r"\s*[.\-/]?\s*"
    day = r"\d{1,2}(?:\.|º|ª|°|er|o)?"
    return re.compile(
        rf"(?i)\b(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[/.\-]\d{{1,2}}[/.\-]\d{{2,4}}"
        rf"|{day}{link}{month},?{link}\d{{4}}|{month}\s+\d{{1,2}},?{link}\d{{4}}|{month}{link}\d{{4}})\b"
    )


def _noise_pattern(calendar: Calendar) -> re.Pattern[str]:
    named = words(*calendar.labels, *calendar.weekdays)
    place = r"^\s*(?-i:[A-Z][\w.'’]*)(?:\s+(?-i:[A-Z][\w.'’]*)){0,2}\s*[-–—,|/]" if calendar.place_first else "(?!)"
    return re.compile(rf"(?i){place}|\b(?:{named}|{_ZONES})\b\.?|{_NOISE_CHARS}")


def _parserinfo(calendar: Calendar) -> date_parser.parserinfo:
    class Info(date_parser.parserinfo):
        MONTHS = [tuple(names) for names in calendar.months]
        JUMP = [*date_parser.parserinfo.JUMP, *calendar.links, "º", "ª", "°", "er", "o"]

    return Info(dayfirst=calendar.day_first)


_EN_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
ENGLISH = Calendar(
    day_first=False,
    fuzzy_fallback=True,
    place_first=False,
    times=None,
    date_in_line=re.compile(
        rf"(?i)\b(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}"
        rf"|{_EN_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_EN_MONTH},?\s+\d{{4}}"
        rf"|{_EN_MONTH}\s+\d{{4}})"
    ),
    # What may surround a date on a dateline: labels, weekdays, times, zones, separators, "2 hours ago".
    noise=re.compile(
        r"(?i)[ap]\.m\.|\b(?:published|updated|posted|last|modified|first|on|at|am|pm|ago|hours?|mins?|minutes?"
        r"|days?|years?|months?|weeks?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
        r"|[a-z]{1,3}[sd]t|utc|gmt|et|pt|ct)\b|[\d:|/,.\-–—•·()\s]+"
    ),
)
"""English as the rules have always read it: dateutil's own names, month first in 3/12/2024."""


def parse_date(value: str, calendar: Calendar = ENGLISH) -> str | None:
    """ISO date (YYYY-MM-DD) of the first date written in ``value`` in any common form, or None."""
    if not _YEAR.search(value) and (calendar is ENGLISH or not _SHORT_YEAR.search(value)):
        return None
    candidate = (calendar.date_in_line or _date_pattern(calendar)).search(value)
    if candidate is None and not calendar.fuzzy_fallback:
        return None
    text = candidate.group() if candidate else value
    day_first = calendar.day_first and not _ISO.match(text)  # 2024-03-12 is year, month, day everywhere
    try:
        with warnings.catch_warnings():  # "tzname EFE identified but not understood"
            warnings.simplefilter("ignore", date_parser.UnknownTimezoneWarning)
            parsed = date_parser.parse(text, parserinfo=calendar.info, default=_DEFAULT, fuzzy=True, dayfirst=day_first)
    except (ValueError, ArithmeticError):  # "1999:888…" (30 digits) raises decimal.InvalidOperation
        return None
    if not 1800 <= parsed.year <= 2100:
        return None
    return parsed.date().isoformat()


def is_dateline(line: str, calendar: Calendar = ENGLISH) -> bool:
    """True for a line that holds a date and nothing else but labels, times and separators."""
    if len(line) > 100 or parse_date(line, calendar) is None:
        return False
    dates = calendar.date_in_line or _date_pattern(calendar)
    noise = calendar.noise or _noise_pattern(calendar)
    rest = dates.sub(" ", line)
    if calendar.times is not None:
        rest = calendar.times.sub(" ", rest)
    return not noise.sub("", rest).strip()


def date_rule(calendar: Calendar) -> LineRule:
    """The "date" rule of a language: a dateline goes, its date becomes the article's date."""
    return LineRule(
        "date",
        re.compile(r"(?P<value>.{6,100})"),
        Action.DATE,
        accept=partial(is_dateline, calendar=calendar),
        convert=partial(parse_date, calendar=calendar),
    )
