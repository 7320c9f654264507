"""The English review set (tests/data/normalize/english-review.tsv): 297 news sentences in 27 categories,
written apart from the normalisers and their tests, each with what a careful newsreader says.

Each row must read right (:func:`tests.text.normalize.reading.reads_right`: the same words, or the same
phonemes from hibari). The rows that are not read right yet are listed in :data:`KNOWN_WRONG` and
expected to fail (not strictly: a fix makes them pass); the share read right must not fall below the
baseline measured when the set was written.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hibari import Hibari

from narrate.text.normalize import normalize_for_speech
from tests.text.normalize.reading import reads_right

DATA = Path(__file__).resolve().parents[2] / "data" / "normalize" / "english-review.tsv"
BASELINE = 0.74
"""Share of rows read right when the set was written (220 of 297, 74.1 %), rounded down."""

KNOWN_WRONG = {
    # percent
    "Sales were up 41.6pc on last year.",
    "Growth was −0.5 % in the third quarter.",
    "Unemployment fell to 4.1pc, the lowest since 2008.",
    "The approval rating dropped to 38 pc.",
    # fraction
    "He won by ½ a length.",
    # range
    "The café is open 7–10am on weekdays.",
    "The office is staffed Monday–Friday.",
    "The festival runs June 12–14.",
    "Tickets for the 2025/26 season go on sale today.",
    "Temperatures will reach 25-28C.",
    "The line will close 10–16 March.",
    # score
    "England drew 1-1 with Denmark.",
    "Liverpool were 2-0 up at half-time.",
    "Australia were 245-6 at stumps.",
    # measure
    "The suspect is described as 6ft 2in tall.",
    "The car was travelling at 120 km/h.",
    "PM2.5 levels were twice the safe limit.",
    # decimal_suffix
    "The video has 3.2M views.",
    "Profits rose 41.6pc to £8.1m.",
    "More than 5k fans signed up.",
    "The account has 2.4m followers.",
    "The clip got 12K likes.",
    "The county's population is 1.1m.",
    # roman
    "Title IX changed college sports.",
    # negative
    "Growth was −0.5% in the quarter.",
    "Core inflation was -0.2 in June.",
    # caps
    "Listen to this story on TRUENEWSREPORT.",
    "This episode is brought to you by HARBOURWATCH.",
    "From DAILYNEWSWIRE, here is the news.",
    "Published by CITYPOSTONLINE at noon.",
    # mixed
    "Dr. Patel said 1 in 4 adults, approx. 12m people, are affected.",
    "The 2025/26 budget adds £1.2bn, up 3.5%.",
    "Henry VIII's 6 wives feature in Chapter IV.",
    "Super Bowl LVIII drew 123.7m viewers, up 7%.",
}
"""Rows narrate does not read right yet, by category (77 when the set was written)."""


def _rows() -> list[tuple[str, str, str]]:
    with DATA.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(row["category"], row["text"], row["expected"]) for row in reader]


ROWS = _rows()


@pytest.fixture(scope="module")
def phonemize():
    engine = Hibari()
    cache: dict[str, list[str]] = {}

    def run(text: str) -> list[str]:
        if text not in cache:
            cache[text] = engine.phonemize(text)
        return cache[text]

    return run


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
