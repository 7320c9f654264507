"""Times and dates: "10:30 a.m." -> "ten thirty A.M", "Jan. 5, 2024" -> "January fifth, twenty
twenty-four". They read their digits in context, so they run before the number steps."""

from __future__ import annotations

import re
from typing import Final

from ._common import _cardinal, _ends_sentence, _ordinal, _year

_TIME: Final = re.compile(
    r"(?<![\w:.,$£€])(?P<h>\d{1,2})(?::(?P<m>\d{2})(?::(?P<s>\d{2}))?)?"
    r"(?:[ \t]?(?P<ap>[AaPp])\.?[ \t]?[Mm](?P<dot>\.)?(?![A-Za-z])|[ \t](?P<word>noon|midnight)\b)"
    r"|(?<![\w:.,$£€])(?P<h2>\d{1,2}):(?P<m2>\d{2})(?::(?P<s2>\d{2}))?(?![\d:]|[.,]\d)"
)


def _clock(hours: int, minutes: int, seconds: int | None, *, suffix: bool) -> str:
    words = _cardinal(hours)
    if minutes == 0:
        if not suffix and seconds is None:
            words += " o'clock" if 1 <= hours <= 12 else " hundred"
    elif minutes < 10:
        words += " oh " + _cardinal(minutes)
    else:
        words += " " + _cardinal(minutes)
    if seconds:
        words += " and " + _cardinal(seconds) + (" second" if seconds == 1 else " seconds")
    return words


_TIME_SPAN: Final = re.compile(r"\b(?P<ap>[AP]\.M)[ \t]?[-–—][ \t]?(?=\w)")


def expand_times(text: str) -> str:
    """10:30 a.m. -> "ten thirty A.M"; 7 pm -> "seven P.M"; 12:00 noon -> "twelve noon";
    14:05 -> "fourteen oh five"; 9 a.m.-5 p.m. -> "nine A.M to five P.M". "A.M" (dotted, no final
    period) is what hibari spells as letters without taking the period for a sentence end; the
    period stays when the sentence ends there."""

    def replace(m: re.Match[str]) -> str:
        if m.group("h2") is not None:
            h, mi, s = int(m.group("h2")), int(m.group("m2")), m.group("s2")
            if h > 24 or mi > 59 or (s is not None and int(s) > 59):
                return m.group(0)
            return _clock(h, mi, int(s) if s else None, suffix=False)
        h, mi, s = int(m.group("h")), int(m.group("m") or 0), m.group("s")
        if m.group("ap"):
            if not 1 <= h <= 12 or mi > 59 or (s is not None and int(s) > 59):
                return m.group(0)
            ap = m.group("ap").upper() + ".M"
            if m.group("dot") and _ends_sentence(text, m.end()):
                ap += "."
            return _clock(h, mi, int(s) if s else None, suffix=True) + " " + ap
        if h > 24 or mi > 59:
            return m.group(0)
        return _clock(h, mi, int(s) if s else None, suffix=True) + " " + m.group("word")

    text = _TIME.sub(replace, text)
    return _TIME_SPAN.sub(lambda m: m.group("ap") + " to ", text)


MONTHS: Final = {
    "Jan": "January", "Feb": "February", "Mar": "March", "Apr": "April", "May": "May", "Jun": "June",
    "Jul": "July", "Aug": "August", "Sep": "September", "Sept": "September", "Oct": "October",
    "Nov": "November", "Dec": "December",
}  # fmt: skip
_MONTH_NAMES: Final = tuple(dict.fromkeys(MONTHS.values()))
_MONTH: Final = (
    r"(?P<month>" + "|".join(_MONTH_NAMES) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_DAY_SUFFIX: Final = r"(?:st|nd|rd|th)?"
_MONTH_DAY: Final = re.compile(
    rf"\b{_MONTH}[ \t]+(?P<day>\d{{1,2}}){_DAY_SUFFIX}(?![\w%:]|[.,]\d)"
    r"(?:(?P<sep>,?[ \t]+)(?P<year>\d{4})(?![\w%]|[.,]\d))?"
)
_DAY_MONTH: Final = re.compile(
    rf"(?P<the>\b(?i:the)[ \t]+)?(?<![\w.,:$£€-])(?P<day>\d{{1,2}}){_DAY_SUFFIX}[ \t]+(?:of[ \t]+)?{_MONTH}(?!\w)"
    r"(?:(?P<sep>,?[ \t]+)(?P<year>\d{4})(?![\w%]|[.,]\d))?"
)
_MONTH_YEAR: Final = re.compile(rf"\b{_MONTH}[ \t]+(?P<year>\d{{4}})(?![\w%]|[.,]\d)")
_ISO_DATE: Final = re.compile(r"(?<![\w.-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w-])")
_NUMERIC_DATE: Final = re.compile(r"(?<![\w/.-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\w/]|[.,]\d)")


def _month_name(token: str) -> str:
    return MONTHS.get(token.rstrip(".")[:4] if token.startswith("Sept") else token.rstrip(".")[:3], token)


def _date_words(month: int, day: int, year: int | None) -> str | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    words = f"{_MONTH_NAMES[month - 1]} {_ordinal(day)}"
    return f"{words}, {_year(year)}" if year is not None else words


def expand_dates(text: str) -> str:
    """Jan. 5, 2024 -> "January fifth, twenty twenty-four"; March 30, 2021; 5 January 2024 ->
    "the fifth of January twenty twenty-four"; March 2021; 2024-01-05; 1/5/2024 (month first)."""

    def month_day(m: re.Match[str]) -> str:
        day = int(m.group("day"))
        if not 1 <= day <= 31:
            return m.group(0)
        words = f"{_month_name(m.group('month'))} {_ordinal(day)}"
        if m.group("year"):
            words += m.group("sep") + _year(int(m.group("year")))
        return words

    def day_month(m: re.Match[str]) -> str:
        day = int(m.group("day"))
        if not 1 <= day <= 31:
            return m.group(0)
        words = f"{m.group('the') or 'the '}{_ordinal(day)} of {_month_name(m.group('month'))}"
        if m.group("year"):
            words += m.group("sep") + _year(int(m.group("year")))
        elif m.group("month").endswith(".") and _ends_sentence(text, m.end()):
            words += "."  # "on 5 Sept. The ..."
        return words

    def month_year(m: re.Match[str]) -> str:
        return f"{_month_name(m.group('month'))} {_year(int(m.group('year')))}"

    def iso(m: re.Match[str]) -> str:
        words = _date_words(int(m.group("m")), int(m.group("d")), int(m.group("y")))
        return words or m.group(0)

    def numeric(m: re.Match[str]) -> str:
        a, b, y = int(m.group("a")), int(m.group("b")), m.group("y")
        year = int(y) if len(y) == 4 else (1900 if int(y) > 30 else 2000) + int(y)
        month, day = (a, b) if a <= 12 else (b, a)
        return _date_words(month, day, year) or m.group(0)

    text = _ISO_DATE.sub(iso, text)
    text = _NUMERIC_DATE.sub(numeric, text)
    text = _MONTH_DAY.sub(month_day, text)
    text = _DAY_MONTH.sub(day_month, text)
    return _MONTH_YEAR.sub(month_year, text)
