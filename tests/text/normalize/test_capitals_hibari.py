"""How hibari (the default engine) reads ALL-CAPS words: the evidence behind ``capitals``.

hibari spells an ALL-CAPS word its lexicon does not know ("TRUENEWSREPORT" is fourteen letters),
reads the words it knows ("NEWS", "NASA") and reads a title-cased unknown word as one word. After
the step, a site tag is read exactly as its words are in lower case, and nothing is spelled."""

from __future__ import annotations

import pytest
from hibari import Hibari

from narrate.text.normalize import normalize_for_speech


@pytest.fixture(scope="module")
def hibari() -> Hibari:
    return Hibari()


def _phonemes(hibari: Hibari, text: str) -> str:
    return " ".join(hibari.phonemize(text))


def _letters_spelled(phonemes: str) -> int:
    """hibari spells with a secondary stress on every letter: "ˌAʧˌAˌɑɹ…"; a word read has one or two."""
    return max((word.count("ˌ") for word in phonemes.split()), default=0)


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("By Nathaniel Ballantyne, on TRUENEWSREPORT.", "By Nathaniel Ballantyne, on true news report."),
        ("An article by Elena Marchetti, on HARBOURWATCH.", "An article by Elena Marchetti, on harbour watch."),
        ("HARBOURWATCHDAILY reports.", "harbour watch daily reports."),
        ("TRUENEWSBLOG reports.", "true news blog reports."),
        ("THEGUARDIAN reports.", "the guardian reports."),
    ],
)
def test_a_site_tag_is_read_as_its_words(hibari: Hibari, written: str, words: str) -> None:
    before = _phonemes(hibari, written)
    after = _phonemes(hibari, normalize_for_speech(written))
    assert _letters_spelled(before) >= 6  # spelled letter by letter before the step
    assert _letters_spelled(after) <= 2
    assert after == _phonemes(hibari, words)


@pytest.mark.parametrize("name", ["NATHANIEL", "BALLANTYNE", "MARCHETTI", "EUROPOL"])
def test_a_long_name_in_capitals_is_read_as_written_in_title_case(hibari: Hibari, name: str) -> None:
    written = f"By {name}."
    assert _letters_spelled(_phonemes(hibari, written)) >= 6
    assert _phonemes(hibari, normalize_for_speech(written)) == _phonemes(hibari, f"By {name.capitalize()}.")


@pytest.mark.parametrize(
    ("text", "letters"),
    [
        ("The FBI said.", "ˌɛfbˌiˈI"),  # F B I
        ("The BBC said.", "bˌibˌisˈi"),  # B B C
        ("BBCNEWS said.", "bˌibˌisˈi nˈuz"),  # B B C news
        ("The USA said.", "jˌuˌɛsˈA"),  # U S A
    ],
)
def test_initialisms_are_still_spelled(hibari: Hibari, text: str, letters: str) -> None:
    assert letters in _phonemes(hibari, normalize_for_speech(text))


@pytest.mark.parametrize(("acronym", "said"), [("NASA", "nˈæsə"), ("UNESCO", "junˈɛskO"), ("COVID", "kˈOvˌɪd")])
def test_acronyms_are_still_said_as_words(hibari: Hibari, acronym: str, said: str) -> None:
    assert said in _phonemes(hibari, normalize_for_speech(f"{acronym} said."))
