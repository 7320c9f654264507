"""Fractions, ordinals, decimals and plain numbers: each step alone, on table-style cases."""

from __future__ import annotations

from narrate.text.normalize.numbers import (
    expand_decimals,
    expand_fractions,
    expand_numbers,
    expand_ordinals,
)
from tests.text.normalize.steps import step_test

STEP_CASES = {
    expand_fractions: [
        ("½", "one half"),
        ("1½", "1 and a half"),
        ("2¾", "2 and three quarters"),
        ("add ½ cup", "add one half cup"),
        ("2/3", "two thirds"),
        ("1 1/2", "1 and a half"),
        ("24/7", "24 7"),
        ("2020/21", "2020/21"),
        ("He won by ½ a length.", "He won by half a length."),
        ("½ of them", "half of them"),
        ("½ an hour", "half an hour"),
        ("¼ of the vote", "a quarter of the vote"),
        ("¾ of the vote", "three quarters of the vote"),
        ("2½ hours", "2 and a half hours"),
        ("1½ cups", "1 and a half cups"),
        ("⅓ of voters", "one third of voters"),
        ("3/4 of a point", "three quarters of a point"),
        ("2 1/2 weeks", "2 and a half weeks"),
        ("1/2 an hour", "half an hour"),
    ],
    expand_ordinals: [("21st", "twenty-first"), ("3rd", "third"), ("112th", "one hundred twelfth"), ("2th", "2th")],
    expand_decimals: [
        ("3.5", "three point five"),
        ("0.25", "zero point two five"),
        (".5", "zero point five"),
        ("1.2.3", "one point two point three"),
    ],
    expand_numbers: [
        ("200,000", "two hundred thousand"),
        ("1,500,000", "one million five hundred thousand"),
        ("2005", "two thousand five"),
        ("-5", "minus five"),
        ("747s", "seven hundred forty-sevens"),
        ("MP3", "MP three"),
        ("3D", "three D"),
        ("007", "zero zero seven"),
        ("#1", "number one"),
        ("+5", "plus five"),
        ("1,2,3", "one,two,three"),
        ("1234567890123456", "one two three four five six seven eight nine zero one two three four five six"),
    ],
}

test_step = step_test(STEP_CASES)
