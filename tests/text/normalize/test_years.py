"""Decades, ranges and years: each step alone, on table-style cases."""

from __future__ import annotations

from narrate.text.normalize.years import expand_decades, expand_ranges, expand_years
from tests.text.normalize.steps import step_test

STEP_CASES = {
    expand_decades: [
        ("1990s", "nineteen nineties"),
        ("1980's", "nineteen eighties"),
        ("2000s", "two thousands"),
        ("1900s", "nineteen hundreds"),
        ("'90s", "nineties"),
        ("’70s", "seventies"),
        ("the 80s", "the eighties"),
    ],
    expand_ranges: [
        ("2012 to 2018", "twenty twelve to twenty eighteen"),
        ("2012–2018", "twenty twelve to twenty eighteen"),
        ("2012-18", "twenty twelve to twenty eighteen"),
        ("2018-2012", "2018 to 2012"),  # not a span of years; read like a score
        ("2019 to 20 people", "2019 to 20 people"),
        ("5–10", "5 to 10"),
        ("3-2 win", "3 to 2 win"),
        ("COVID-19", "COVID-19"),
        ("5-year-old", "5-year-old"),
        ("a 16:9 screen", "a 16 to 9 screen"),
        # seasons and fiscal years
        ("the 2025/26 season", "the twenty twenty-five twenty-six season"),
        ("the 2019-20 season", "the twenty nineteen twenty season"),
        ("the 2023/24 budget", "the twenty twenty-three twenty-four budget"),
        ("the 2008/09 season", "the two thousand eight oh nine season"),
        ("the 2008-09 campaign", "the two thousand eight oh nine campaign"),
        ("in 1999/00", "in nineteen ninety-nine two thousand"),
        ("2025/2026", "twenty twenty-five twenty twenty-six"),
        ("from 2019-20", "from twenty nineteen to twenty twenty"),
        ("He served from 1990-95.", "He served from nineteen ninety to nineteen ninety-five."),
        ("2019/21", "2019/21"),
        ("the 2022-23 fiscal year", "the twenty twenty-two twenty-three fiscal year"),
    ],
    expand_years: [
        ("in 2019", "in twenty nineteen"),
        ("In 2019,", "In twenty nineteen,"),
        ("by 2030.", "by twenty thirty."),
        ("mid-2020", "mid-twenty twenty"),
        ("2019's storms", "twenty nineteen's storms"),
        ("(2005)", "(two thousand five)"),
        ("the 2020 election", "the twenty twenty election"),
        ("of 1969.", "of nineteen sixty-nine."),
        ("of 1800 commuters", "of 1800 commuters"),
        ("in 1800 homes", "in 1800 homes"),
        ("about 1500 people", "about 1500 people"),
        ("by 2030 the city", "by twenty thirty the city"),
        ("Q3 2024", "Q3 twenty twenty-four"),
        ("around 2000.", "around two thousand."),
        ("2300 people", "2300 people"),
        ("2,300 people", "2,300 people"),
    ],
}

test_step = step_test(STEP_CASES)
