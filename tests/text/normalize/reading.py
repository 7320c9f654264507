"""Whether a normalised text reads as a careful narrator would: the checker of the English review sets.

Two texts read the same when their canonical forms are equal (:func:`canonical`), or, failing that,
when the engine (hibari) turns both into the same phonemes (:func:`same_phonemes`). The canonical
form forgives what a listener cannot hear in the words themselves (case, punctuation, hyphens,
"one hundred and twenty" against "one hundred twenty", "U.S" against "U S"); the phonemes forgive
spellings the engine says alike ("per cent" / "percent", "kilometres" / "kilometers").

One guard: a bare ALL-CAPS word in the produced text (``TRUENEWSREPORT``, ``BREAKING``) may be spelled
letter by letter by the engine, so lowercasing must not make it equal to a plain word of the expected
reading. Canonical equality counts only when every such word stands as written in the expected
reading too; otherwise the phonemes decide.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from pathlib import Path

Phonemize = Callable[[str], "str | Iterable[str]"]

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
)
_SCALES = "hundred thousand million billion trillion"
_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth fortieth "
    "fiftieth sixtieth seventieth eightieth ninetieth hundredth thousandth millionth billionth"
)
NUMBER_WORDS = frozenset(f"{_UNITS} {_SCALES} {_ORDINALS}".split())
"""Words of a spelled number; an "and" between two of them is optional (UK "and", US without)."""

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_SPACERS = re.compile(r"[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212/\\]")
_PUNCTUATION = re.compile(r"[^\w\s']")
_LOOSE_APOSTROPHE = re.compile(r"(?<!\w)'|'(?!\w)")
_BARE_CAPS = re.compile(r"(?<![\w.])[A-Z]{2,}(?![\w.])")
_STRESS_AND_PUNCTUATION = re.compile(r"[ˈˌ\W_]")


def _join_letter_runs(words: list[str]) -> list[str]:
    """Two or more single letters in a row are one spelled word: "f b i" -> "fbi", "a m" -> "am"."""
    out: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if len(word) == 1 and word.isalpha():
            run.append(word)
            continue
        if len(run) >= 2:
            out.append("".join(run))
        else:
            out.extend(run)
        run = []
        if word:
            out.append(word)
    return out


def _drop_and_between_numbers(words: list[str]) -> list[str]:
    return [
        word
        for i, word in enumerate(words)
        if not (
            word == "and" and 0 < i < len(words) - 1 and words[i - 1] in NUMBER_WORDS and words[i + 1] in NUMBER_WORDS
        )
    ]


def canonical(text: str) -> str:
    """The words of ``text`` as a listener hears them, for comparison.

    Lowercase; "&" is "and"; hyphens, dashes and slashes are spaces; every other punctuation mark but
    the apostrophe inside a word goes (a dot between letters too, so "U.S" is "u s"); runs of single
    letters are one spelled word ("u s" -> "us"); "and" between two number words goes; spaces are
    collapsed.
    """
    text = text.translate(_APOSTROPHES).replace("&", " and ")
    text = _SPACERS.sub(" ", text)
    text = _PUNCTUATION.sub(" ", text)
    text = _LOOSE_APOSTROPHE.sub(" ", text).lower()
    words = _drop_and_between_numbers(_join_letter_runs(text.split()))
    return " ".join(words).replace("per cent", "percent")


def phoneme_key(phonemes: str | Iterable[str]) -> str:
    """hibari's phonemes for comparison: sentences joined, stress marks, punctuation and spaces out.

    Spaces go altogether (not only collapsed) because hibari writes a hyphenated number as one word
    ("twenty-five" -> "twˈɛntifˌIv") and the same number from digits as two ("twˈɛnti fˈIv").
    """
    joined = phonemes if isinstance(phonemes, str) else " ".join(phonemes)
    return _STRESS_AND_PUNCTUATION.sub("", joined)


def same_phonemes(first: str, second: str, phonemize: Phonemize) -> bool:
    """Whether the engine says ``first`` and ``second`` with the same phonemes."""
    return phoneme_key(phonemize(first)) == phoneme_key(phonemize(second))


def _caps_kept(produced: str, expected: str) -> bool:
    """Every bare ALL-CAPS word of ``produced`` is written so in ``expected`` too."""
    wanted = set(_BARE_CAPS.findall(expected.translate(_APOSTROPHES)))
    return all(word in wanted for word in _BARE_CAPS.findall(produced.translate(_APOSTROPHES)))


ALTERNATIVES = " | "
"""Separates readings a careful narrator may equally give ("three pounds twenty | three pounds and
twenty pence") in the expected column of the review sets."""


def reads_right(produced: str, expected: str, phonemize: Phonemize) -> bool:
    """Whether ``produced`` reads as ``expected`` (or one of its `` | `` alternatives): the same
    canonical words, or the same phonemes."""
    readings = expected.split(ALTERNATIVES)
    if any(canonical(produced) == canonical(reading) and _caps_kept(produced, reading) for reading in readings):
        return True
    return any(same_phonemes(produced, reading, phonemize) for reading in readings)


def load_set(path: Path) -> list[tuple[str, str, str]]:
    """(category, text, expected) of each row of a review set (TSV with a header, no quoting)."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(row["category"], row["text"], row["expected"]) for row in reader]


def cached(phonemize: Callable[[str], list[str]]) -> Callable[[str], list[str]]:
    """``phonemize`` remembering what it has said: the sets phonemize the same readings many times."""
    seen: dict[str, list[str]] = {}

    def run(text: str) -> list[str]:
        if text not in seen:
            seen[text] = phonemize(text)
        return seen[text]

    return run
