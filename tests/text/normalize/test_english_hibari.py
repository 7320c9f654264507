"""How hibari (the default engine) reads the output of the English pipeline: the evidence behind
the forms the steps choose ("U.S", "A.M", "W.H.O", "A.T and T", one sentence for "Jan. 5, 2024.")."""

from __future__ import annotations

import pytest
from hibari import Hibari

from narrate.text.normalize import normalize_for_speech

# --------------------------------------------------------------------------------------------------
# How hibari reads the output (the evidence behind the forms chosen above)
# --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hibari() -> Hibari:
    return Hibari()


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("It was Jan. 5, 2024.", 1),
        ("The U.S. Senate voted.", 1),
        ("No. 5 is here.", 1),
        ("Smith vs. Jones ended.", 1),
        ("About approx. 5 people came.", 1),
        ("We met at 10:30 a.m. Monday.", 1),
        ("We met at 10:30 a.m. He was late.", 2),
        ("He left the U.S. He came back.", 2),
        ("It rained... Then it stopped.", 2),
    ],
)
def test_hibari_splits_the_output_into_the_written_sentences(hibari: Hibari, text: str, sentences: int) -> None:
    assert len(hibari.phonemize(normalize_for_speech(text))) == sentences


@pytest.mark.parametrize(
    ("text", "letters"),
    [
        ("The U.S. Senate voted.", "jˌuˈɛs"),  # "U S"
        ("WHO officials said so.", "dˌʌbᵊljuˌAʧˈO"),  # "W H O", not "who"
        ("We met at 10:30 a.m. on Monday.", "ˌAˈɛm"),  # "A M"
        ("AT&T bought it.", "ˌAtˈi ænd tˈi"),  # "A T and T", not "a T and T"
        ("A Q&A session.", "kjˈu ænd ˈA"),  # "Q and A", not "Q and a"
    ],
)
def test_hibari_reads_initialisms_as_letters(hibari: Hibari, text: str, letters: str) -> None:
    assert letters in " ".join(hibari.phonemize(normalize_for_speech(text)))
