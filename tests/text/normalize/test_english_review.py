"""The English review set (tests/data/normalize/english-review.tsv): 297 news sentences in 27 categories,
written apart from the normalisers and their tests, each with what a careful newsreader says.

Each row must read right (:func:`tests.text.normalize.reading.reads_right`: the same words, or the same
phonemes from hibari). The rows that are not read right yet are listed in :data:`KNOWN_WRONG` and
expected to fail (not strictly: a fix makes them pass); the share read right must not fall below the
baseline measured when the set was written.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hibari import Hibari

from narrate.text.normalize import normalize_for_speech
from tests.text.normalize.reading import cached, load_set, reads_right

DATA = Path(__file__).resolve().parents[2] / "data" / "normalize" / "english-review.tsv"
BASELINE = 0.92
"""The share of rows that must read right: the target of issue 15 (the set was written at 220 of 297, 74.1 %;
since issue 15 every row reads right, and each row is also its own test)."""

KNOWN_WRONG: set[str] = set()
"""Rows narrate does not read right yet (77 when the set was written; none since issue 15)."""


ROWS = load_set(DATA)


@pytest.fixture(scope="module")
def phonemize():
    return cached(Hibari().phonemize)


def test_the_set_is_as_described() -> None:
    categories = {category for category, _text, _expected in ROWS}
    assert len(ROWS) == 297 and len(categories) == 27
    assert len({text for _category, text, _expected in ROWS}) == len(ROWS)
    assert KNOWN_WRONG <= {text for _category, text, _expected in ROWS}


@pytest.mark.parametrize(
    ("category", "text", "expected"),
    [
        pytest.param(
            *row,
            id=f"{row[0]}-{number}",
            marks=[pytest.mark.xfail(strict=False, reason="not read right yet")] if row[1] in KNOWN_WRONG else [],
        )
        for number, row in enumerate(ROWS)
    ],
)
def test_row_reads_right(phonemize, category: str, text: str, expected: str) -> None:
    produced = normalize_for_speech(text, language="en")
    assert reads_right(produced, expected, phonemize), (category, produced)


def test_share_read_right_is_at_least_the_baseline(phonemize) -> None:
    right = sum(
        reads_right(normalize_for_speech(text, language="en"), expected, phonemize) for _c, text, expected in ROWS
    )
    assert right / len(ROWS) >= BASELINE
