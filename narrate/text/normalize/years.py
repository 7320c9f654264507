"""Years, decades and ranges: "in 2019" -> "in twenty nineteen", "the 1990s" -> "the nineteen
nineties", "2012–2018" -> "twenty twelve to twenty eighteen".

Ranges of plain numbers ("5–10") and ratios or scores ("1:3") are read in the same step as ranges of
years, before dashes become pauses.
"""

from __future__ import annotations

import re
from typing import Final

from ._common import _NUM, _cardinal, _plural, _year
from .dates_times import _MONTH_NAMES

_DECADE: Final = re.compile(
    r"(?<![\w.,'’])(?P<y>1\d{3}|20\d{2})['’]?s\b"  # 1990s, 1980's
    r"|(?<![\w.,])['’]?(?P<d>[1-9]0)['’]?s\b"  # '90s, the 80s
)


def expand_decades(text: str) -> str:
    """1990s -> "nineteen nineties"; 2000s -> "two thousands"; '90s and the 80s -> "nineties",
    "eighties"."""

    def replace(m: re.Match[str]) -> str:
        if m.group("y"):
            return _plural(_year(int(m.group("y"))))
        return _plural(_cardinal(int(m.group("d"))))

    return _DECADE.sub(replace, text)


_YEAR: Final = r"(?:1\d{3}|20\d{2})"
_YEAR_RANGE: Final = re.compile(
    rf"(?<![\w.,$£€/-])(?P<a>{_YEAR})"
    rf"(?:[ \t]?[–—-][ \t]?(?P<b>{_YEAR}|\d{{2}})|[ \t]+(?P<word>to|through|until|till|and)[ \t]+(?P<b2>{_YEAR}))"
    r"(?![\w%]|[.,/:-]\d)"
)
_SEASON: Final = re.compile(
    rf"(?<![\w.,$£€/-])(?P<a>{_YEAR})/(?P<b>{_YEAR}|\d{{2}})(?![\w%/]|[.,]\d)"
)
SEASON_WORDS: Final = frozenset(
    """
    season seasons campaign campaigns term terms budget budgets fiscal financial academic school tax year
    years accounts league championship premiership title winter session sessions cycle
    """.split()
)
"""Words after "2019-20" that make it a season or a fiscal year, read "twenty nineteen twenty"."""
_NUMBER_RANGE: Final = re.compile(
    rf"(?<![\w.,$£€/-])(?P<a>{_NUM})[ \t]?[–—-][ \t]?(?P<b>{_NUM})(?![\w%]|[.,/-]?\d|-\w)"
)
_RATIO: Final = re.compile(r"(?<![\w.,:])(?P<a>\d{1,3}):(?P<b>\d{1,3})(?![\w:]|[.,]\d)")


def _season(first: int, second_written: str) -> str | None:
    """A season or fiscal year, two years in a row: (2025, "26") -> "twenty twenty-five twenty-six";
    (2008, "09") -> "two thousand eight oh nine"; (1999, "00") -> "nineteen ninety-nine two thousand";
    None if the years do not follow each other."""
    second = int(second_written) if len(second_written) == 4 else first // 100 * 100 + int(second_written)
    if second < first and len(second_written) == 2:
        second += 100
    if second != first + 1:
        return None
    if len(second_written) == 4 or second_written == "00":
        return f"{_year(first)} {_year(second)}"
    tail = int(second_written)
    return f"{_year(first)} {_cardinal(tail) if tail >= 10 else 'oh ' + _cardinal(tail)}"


def expand_ranges(text: str) -> str:
    """2012 to 2018, 2012–2018, 2012-18 -> "twenty twelve to twenty eighteen"; seasons and fiscal years:
    2025/26 and "the 2019-20 season" -> "twenty twenty-five twenty-six", "twenty nineteen twenty"; 5–10 -> "5 to 10";
    a ratio or score that is no time (times are read before): 1:3 -> "1 to 3"."""

    def season(m: re.Match[str]) -> str:
        return _season(int(m.group("a")), m.group("b")) or m.group(0)

    def years(m: re.Match[str]) -> str:
        a, b, word = int(m.group("a")), m.group("b") or m.group("b2"), m.group("word")
        second = int(b) if len(b) == 4 else a // 100 * 100 + int(b)
        if second <= a:
            return m.group(0)
        following = re.match(r"[ \t]+([A-Za-z]+)", text[m.end() : m.end() + 30])
        if len(b) == 2 and following and following.group(1).lower() in SEASON_WORDS and _season(a, b):
            return _season(a, b) or m.group(0)
        if word == "and":
            if not re.search(r"\bbetween[ \t]+$", text[max(0, m.start() - 12) : m.start()], re.IGNORECASE):
                return m.group(0)
            return f"{_year(a)} and {_year(second)}"
        return f"{_year(a)} {word or 'to'} {_year(second)}"

    def numbers(m: re.Match[str]) -> str:
        return f"{m.group('a')} to {m.group('b')}"

    text = _SEASON.sub(season, text)
    text = _YEAR_RANGE.sub(years, text)
    text = _NUMBER_RANGE.sub(numbers, text)
    return _RATIO.sub(numbers, text)


YEAR_BEFORE: Final = frozenset(
    """
    in since by until till during before after circa from through year years early late mid spring
    summer autumn fall winter fiscal class election vintage pre post between fy q1 q2 q3 q4 h1 h2
    established founded
    """.split()
)
"""Words after which a four-digit number is a year ("in 2019", "since 1998", "summer 2020"), unless
a plural noun follows ("in 1800 homes")."""
YEAR_WEAK: Final = frozenset({"of", "to", "and", "or", "the", "than", "about", "around", "nearly", "almost"})
"""Words after which a four-digit number is a year only when no lowercase word follows it:
"the summer of 1969." but "a total of 1800 commuters"."""
YEAR_AFTER: Final = frozenset(
    """
    election elections campaign census season olympics games budget midterms primary primaries
    presidential vintage model edition war earthquake crisis recession world cup championship
    """.split()
)
"""Words that, after a four-digit number, make it a year: "the 2020 election"."""
_NOT_PLURAL: Final = frozenset({"this", "was", "has", "his", "its", "as", "is", "thus", "yes", "us", "whereas"})


def _is_plural_noun(word: str) -> bool:
    """Roughly: a lowercase word that looks like a plural ("homes", "people" is not caught)."""
    return word.islower() and word.endswith("s") and not word.endswith(("ss", "us")) and word not in _NOT_PLURAL
_LONE_YEAR: Final = re.compile(rf"(?<![\w.,$£€/:-])(?P<pre>mid-|pre-|post-)?(?P<y>{_YEAR})(?![\w%°]|[.,:/]\d|-\d)")


def expand_years(text: str) -> str:
    """Four-digit numbers in year-like contexts as years ("in 2019" -> "in twenty nineteen",
    "since 1998", "March 2021", "2019's", "(2005)"); elsewhere they are left as numbers, so
    "1800 commuters" stays a count."""

    def replace(m: re.Match[str]) -> str:
        year = int(m.group("y"))
        before = re.search(r"([A-Za-z][A-Za-z0-9]*)\W*$", text[max(0, m.start() - 30) : m.start()])
        previous = before.group(1) if before else ""
        after = text[m.end() : m.end() + 30]
        next_word = re.match(r"[ \t]+([A-Za-z]+)", after)
        is_year = (
            m.group("pre") is not None
            or (previous.lower() in YEAR_BEFORE and not (next_word and _is_plural_noun(next_word.group(1))))
            or previous in _MONTH_NAMES
            or re.match(r"['’]s\b", after) is not None
            or (text[m.start() - 1 : m.start()] == "(" and after[:1] == ")")
            or (next_word is not None and next_word.group(1).lower() in YEAR_AFTER)
            or (previous.lower() in YEAR_WEAK and not (next_word and next_word.group(1).islower()))
        )
        if not is_year:
            return m.group(0)
        return (m.group("pre") or "") + _year(year)

    return _LONE_YEAR.sub(replace, text)
