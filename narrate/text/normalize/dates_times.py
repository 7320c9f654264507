"""Times and dates: "10:30 a.m." -> "ten thirty A.M", "Jan. 5, 2024" -> "January fifth, twenty
twenty-four". They read their digits in context, so they run before the number steps."""

from __future__ import annotations

import re
from typing import Final

from ._common import _WINDOW, _cardinal, _ends_sentence, _ordinal, _year

_AM_PM: Final = r"[ \t]?(?P<ap{n}>[AaPp])(?P<dotted{n}>\.)?[ \t]?[Mm](?(dotted{n})(?P<dot{n}>\.)?)(?![A-Za-z])"
_TIME: Final = re.compile(
    r"(?<![\w:.,$£€])(?P<h>\d{1,2})(?:[:.](?P<m>\d{2})(?::(?P<s>\d{2}))?(?=[ \t]?[AaPp]\.?[ \t]?[Mm]\b)"
    r"|:(?P<m1>\d{2})(?::(?P<s1>\d{2}))?)?"
    rf"(?:{_AM_PM.format(n='')}|[ \t](?P<word>noon|midnight)\b)"
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
_TIME_RANGE: Final = re.compile(
    r"(?<![\w:.,$£€])(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?"
    rf"(?:{_AM_PM.format(n='')})?"
    r"(?:[ \t]?[-–—][ \t]?|[ \t]+(?:to|until|till)[ \t]+)"
    r"(?=\d{1,2}(?:[:.]\d{2})?[ \t]?[AaPp]\.?[ \t]?[Mm](?![A-Za-z]))"
)


_CLOCK_RANGE: Final = re.compile(
    r"(?<![\w:.,$£€])(?P<h>\d{1,2}):(?P<m>\d{2})(?:[ \t]?[-–—][ \t]?|[ \t]+(?:to|until|till)[ \t]+)"
    r"(?P<h2>\d{1,2}):(?P<m2>\d{2})(?![\d:]|[.,]\d|[ \t]?[AaPp]\.?[ \t]?[Mm](?![A-Za-z]))"
)
"""Two clock times joined by a dash or "to", with no a.m. or p.m.: "10:00–17:00", "9:30-11:15"."""


def _clock_range(m: re.Match[str]) -> str:
    """ "10:00–17:00" -> "ten hundred to seventeen hundred" (the 24-hour clock, when an hour is past 12
    or written with a leading zero: "09:00" -> "oh nine hundred"); "9:30–11:15" -> "nine thirty to eleven fifteen"."""
    times = ((m.group("h"), int(m.group("m"))), (m.group("h2"), int(m.group("m2"))))
    if any(int(h) > 24 or mi > 59 for h, mi in times):
        return m.group(0)
    day_clock = any(int(h) > 12 or h.startswith("0") for h, _mi in times)
    spoken = []
    for h, mi in times:
        if day_clock and mi == 0:
            spoken.append(f"{'oh ' if h.startswith('0') and h != '00' else ''}{_cardinal(int(h))} hundred")
        else:
            spoken.append(_clock(int(h), mi, None, suffix=False))
    return " to ".join(spoken)


def expand_times(text: str) -> str:
    """10:30 a.m. -> "ten thirty A.M"; 7 pm -> "seven P.M"; 12:00 noon -> "twelve noon";
    14:05 -> "fourteen oh five"; 9 a.m.-5 p.m. -> "nine A.M to five P.M"; the British 7.30pm ->
    "seven thirty P.M"; ranges: 7–10am -> "seven to ten A.M"; 10:00–17:00 -> "ten hundred to seventeen
    hundred"; 9:30–11:15 -> "nine thirty to eleven fifteen" (never two times with a pause between). "A.M"
    (dotted, no final period) is what hibari spells as letters without taking the period for a sentence end; the
    period stays when the sentence ends there."""

    def replace(m: re.Match[str]) -> str:
        if m.group("h2") is not None:
            h, mi, s = int(m.group("h2")), int(m.group("m2")), m.group("s2")
            if h > 24 or mi > 59 or (s is not None and int(s) > 59):
                return m.group(0)
            return _clock(h, mi, int(s) if s else None, suffix=False)
        h, mi, s = int(m.group("h")), int(m.group("m") or m.group("m1") or 0), m.group("s") or m.group("s1")
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

    def first_of_range(m: re.Match[str]) -> str:
        h, mi = int(m.group("h")), int(m.group("m") or 0)
        if not 1 <= h <= 12 or mi > 59:
            return m.group(0)
        ap = " " + m.group("ap").upper() + ".M" if m.group("ap") else ""
        return _clock(h, mi, None, suffix=True) + ap + " to "

    text = _TIME_RANGE.sub(first_of_range, text)
    text = _CLOCK_RANGE.sub(_clock_range, text)
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
_DAY_JOIN: Final = r"(?P<join>[ \t]?[-–—][ \t]?|[ \t]+(?:to|through|until|till|and)[ \t]+)"
_MONTH_DAY: Final = re.compile(
    rf"\b{_MONTH}[ \t]+(?P<day>\d{{1,2}}){_DAY_SUFFIX}(?![\w%:]|[.,]\d)"
    rf"(?:{_DAY_JOIN}(?P<day2>\d{{1,2}}){_DAY_SUFFIX}(?![\w%:]|[.,]\d|[ \t]+(?:[A-Z]|of\b)))?"
    r"(?:(?P<sep>,?[ \t]+)(?P<year>\d{4})(?![\w%]|[.,]\d))?"
)
_DAYS_MONTH: Final = re.compile(
    rf"(?<![\w.,:$£€/-])(?P<day>\d{{1,2}}){_DAY_SUFFIX}{_DAY_JOIN}(?P<day2>\d{{1,2}}){_DAY_SUFFIX}"
    rf"[ \t]+(?:of[ \t]+)?{_MONTH}(?!\w)"
    r"(?:(?P<sep>,?[ \t]+)(?P<year>\d{4})(?![\w%]|[.,]\d))?"
)
_MONTH_PLAIN: Final = "(?:" + "|".join(_MONTH_NAMES) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_DASH: Final = r"[ \t]?[-–—][ \t]?"
_DATE_SPANS: Final = (
    # June 30–July 2; March 2020–May 2021
    re.compile(rf"(?P<a>\b{_MONTH_PLAIN}[ \t]+\d{{1,4}}{_DAY_SUFFIX}){_DASH}(?={_MONTH_PLAIN}[ \t]+\d)"),
    # 30 June–2 July
    re.compile(rf"(?P<a>(?<![\w.,])\d{{1,2}}{_DAY_SUFFIX}[ \t]+{_MONTH_PLAIN}){_DASH}(?=\d{{1,2}}{_DAY_SUFFIX}[ \t]+{_MONTH_PLAIN})"),
)
_MONTH_SPAN: Final = re.compile(rf"\b(?P<a>{_MONTH_PLAIN}){_DASH}(?P<b>{_MONTH_PLAIN})(?![\w-])")
WEEKDAYS: Final = {
    "Mon": "Monday", "Tue": "Tuesday", "Tues": "Tuesday", "Wed": "Wednesday", "Thu": "Thursday",
    "Thur": "Thursday", "Thurs": "Thursday", "Fri": "Friday", "Sat": "Saturday", "Sun": "Sunday",
}  # fmt: skip
_WEEKDAY: Final = "(?:" + "|".join(sorted({*WEEKDAYS.values(), *WEEKDAYS}, key=len, reverse=True)) + ")"
_WEEKDAY_SPAN: Final = re.compile(rf"\b(?P<a>{_WEEKDAY})\.?{_DASH}(?P<b>{_WEEKDAY})\b")
_FROM_BEFORE: Final = frozenset(
    "from between of on for in during until till through over by to since before after".split()
)
"""Words after which "10–16 March" needs no "from": "between the tenth and the sixteenth of March"."""
_DAY_MONTH: Final = re.compile(
    rf"(?P<the>\b(?i:the)[ \t]+)?(?<![\w.,:$£€-])(?P<day>\d{{1,2}}){_DAY_SUFFIX}[ \t]+(?:of[ \t]+)?{_MONTH}(?!\w)"
    r"(?:(?P<sep>,?[ \t]+)(?P<year>\d{4})(?![\w%]|[.,]\d))?"
)
_MONTH_YEAR: Final = re.compile(rf"\b{_MONTH}[ \t]+(?P<year>\d{{4}})(?![\w%]|[.,]\d)")
_ISO_DATE: Final = re.compile(r"(?<![\w.-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w-])")
_NUMERIC_DATE: Final = re.compile(
    r"(?<![\w/.,-])(?P<a>\d{1,2})(?P<sep>/)(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\w/]|[.,]\d)"
    r"|(?<![\w/.,-])(?P<a2>\d{1,2})(?P<sep2>[.-])(?P<b2>\d{1,2})(?P=sep2)(?P<y2>(?:1[89]|20)\d\d)(?![\w/-]|[.,]\d)"
)
"""A date in numbers: 31/01/2020, 1/5/24, 31.01.2020, 01-31-2020 (dots and dashes only with a full year)."""


def _month_name(token: str) -> str:
    return MONTHS.get(token.rstrip(".")[:4] if token.startswith("Sept") else token.rstrip(".")[:3], token)


def _date_words(month: int, day: int, year: int | None) -> str | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    words = f"{_MONTH_NAMES[month - 1]} {_ordinal(day)}"
    return f"{words}, {_year(year)}" if year is not None else words


def expand_dates(text: str) -> str:
    """Jan. 5, 2024 -> "January fifth, twenty twenty-four"; March 30, 2021; 5 January 2024 ->
    "the fifth of January twenty twenty-four"; March 2021; 2024-01-05; numeric dates: day first when the
    first number cannot be a month (31/01/2020, 31-01-2020 -> "the thirty-first of January twenty
    twenty", as British papers write and say them) or when written with dots (31.01.2020, 05.06.2020 ->
    "the fifth of June …", the European form), otherwise month first, the US form (01/31/2020 ->
    "January thirty-first, twenty twenty"; 05/06/2020 and 05-06-2020 -> "May sixth, twenty twenty":
    with both numbers 12 or under a slash or dash date is taken as American).
    Spans: June 12–14 -> "June twelfth to fourteenth"; 10–16 March -> "from the tenth to the
    sixteenth of March" ("from" unless a word such as "between" or "from" comes before);
    June 30–July 2, June–August, Monday–Friday and Mon-Fri -> "... to ..."."""

    def join_word(m: re.Match[str]) -> str | None:
        join = m.group("join").strip(" \t")
        if join == "and" and not re.search(r"\bbetween[ \t]+$", text[max(0, m.start() - 12) : m.start()], re.I):
            return None
        following = re.match(r"[ \t]+([a-z]+s)\b", text[m.end() : m.end() + _WINDOW])
        if join.isalpha() and following and following.group(1) not in ("was", "is", "has", "as", "this", "its"):
            return None  # "March 5 to 10 people"
        return "to" if join in "-–—" else join

    def month_day(m: re.Match[str]) -> str:
        day = int(m.group("day"))
        if not 1 <= day <= 31:
            return m.group(0)
        words = f"{_month_name(m.group('month'))} {_ordinal(day)}"
        if m.group("day2"):
            day2, join = int(m.group("day2")), join_word(m)
            if join is None or not day < day2 <= 31:
                return m.group(0)
            words += f" {join} {_ordinal(day2)}"
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

    def days_month(m: re.Match[str]) -> str:
        day, day2, join = int(m.group("day")), int(m.group("day2")), join_word(m)
        if join is None or not 1 <= day < day2 <= 31:
            return m.group(0)
        previous = re.search(r"([A-Za-z]+)\W*$", text[max(0, m.start() - 20) : m.start()])
        start = "" if previous and previous.group(1).lower() in _FROM_BEFORE else "from "
        words = f"{start}the {_ordinal(day)} {join} the {_ordinal(day2)} of {_month_name(m.group('month'))}"
        if m.group("year"):
            words += m.group("sep") + _year(int(m.group("year")))
        return words

    def month_year(m: re.Match[str]) -> str:
        return f"{_month_name(m.group('month'))} {_year(int(m.group('year')))}"

    def iso(m: re.Match[str]) -> str:
        words = _date_words(int(m.group("m")), int(m.group("d")), int(m.group("y")))
        return words or m.group(0)

    def numeric(m: re.Match[str]) -> str:
        dotted = m.group("sep2") == "."
        before = text[max(0, m.start() - 12) : m.start()]
        if m.group("sep2") and re.search(r"(?i)\b(?:versions?|v|build|release|update|firmware)[ \t]*$", before):
            return m.group(0)  # "version 1.2.2020"
        a, b = int(m.group("a") or m.group("a2")), int(m.group("b") or m.group("b2"))
        y = m.group("y") or m.group("y2")
        year = int(y) if len(y) == 4 else (1900 if int(y) > 30 else 2000) + int(y)
        if a > 12 or (dotted and b <= 12):
            if not (1 <= b <= 12 and 1 <= a <= 31):
                return m.group(0)
            return f"the {_ordinal(a)} of {_MONTH_NAMES[b - 1]} {_year(year)}"  # day first: 31/01/2020
        return _date_words(a, b, year) or m.group(0)  # month first: 01/31/2020, and 05/06/2020

    text = _WEEKDAY_SPAN.sub(lambda m: f"{WEEKDAYS.get(m.group('a'), m.group('a'))} to {WEEKDAYS.get(m.group('b'), m.group('b'))}", text)
    for span in _DATE_SPANS:
        text = span.sub(lambda m: m.group("a") + " to ", text)
    text = _MONTH_SPAN.sub(lambda m: f"{_month_name(m.group('a'))} to {_month_name(m.group('b'))}", text)
    text = _ISO_DATE.sub(iso, text)
    text = _NUMERIC_DATE.sub(numeric, text)
    text = _DAYS_MONTH.sub(days_month, text)
    text = _MONTH_DAY.sub(month_day, text)
    text = _DAY_MONTH.sub(day_month, text)
    return _MONTH_YEAR.sub(month_year, text)
