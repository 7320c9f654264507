"""The review checker (tests/text/normalize/reading.py): what it forgives and what it does not."""

from __future__ import annotations

import pytest

from tests.text.normalize.reading import canonical, phoneme_key, reads_right


def _never(_text: str) -> list[str]:
    raise AssertionError("phonemes should not be needed")


def _by_table(table: dict[str, list[str]]):
    return lambda text: table[text]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("One hundred and twenty people.", "one hundred twenty people"),
        ("The F.B.I opened it", "the F B I opened it"),
        ("Rock & roll", "rock and roll"),
        ("twenty-five to thirty", "twenty five to thirty"),
        ('It\u2019s over, she said \u2014 "really".', "it's over she said really"),
        ("three per cent", "three percent"),
        ("the 'U.S' team", "the U S team"),
    ],
)
def test_canonical_forgives_what_is_not_heard(first: str, second: str) -> None:
    assert canonical(first) == canonical(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("one hundred and twenty", "one hundred twenty one"),
        ("bread and butter", "bread butter"),
        ("nineteen oh five", "one thousand nine hundred and five"),
        ("three two", "three to two"),
    ],
)
def test_canonical_keeps_words_apart(first: str, second: str) -> None:
    assert canonical(first) != canonical(second)


def test_and_between_non_numbers_is_kept() -> None:
    assert canonical("one and a half") == "one and a half"


def test_phoneme_key_drops_stress_spaces_and_sentence_breaks() -> None:
    assert phoneme_key(["twˈɛnti fˈIv.", "ðˈɛɹ"]) == phoneme_key("twˈɛntifˌIv ðɛɹ")


def test_same_words_need_no_phonemes() -> None:
    assert reads_right("Doctor Smith said", "doctor smith said", _never)


def test_phonemes_decide_when_words_differ() -> None:
    table = {"kilometers": ["kɪlˈɑmətəɹz"], "kilometres": ["kɪlˈɑmətəɹz"], "miles": ["mˈIlz"]}
    assert reads_right("kilometers", "kilometres", _by_table(table))
    assert not reads_right("miles", "kilometres", _by_table(table))


def test_bare_capitals_are_left_to_the_phonemes() -> None:
    table = {"on TRUENEWSREPORT": ["ˈɑn tˌiˌɑɹjˌu"], "on True News Report": ["ˈɑn tɹˈu nˈuz ɹəpˈɔɹt"]}
    assert not reads_right("on TRUENEWSREPORT", "on True News Report", _by_table(table))
    assert reads_right("NASA delayed it", "NASA delayed it", _never)


def test_any_alternative_reading_is_right() -> None:
    expected = "three pounds twenty | three pounds and twenty pence"
    assert reads_right("three pounds and twenty pence", expected, _never)
    table = {
        "three pounds": ["θɹˈi pˈWndz"],
        "three pounds twenty": ["θɹˈi pˈWndz twˈɛnti"],
        "three pounds and twenty pence": ["θɹˈi pˈWndz ænd twˈɛnti pˈɛns"],
    }
    assert not reads_right("three pounds", expected, _by_table(table))
