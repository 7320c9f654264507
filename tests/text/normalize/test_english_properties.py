"""The English pipeline on generated and long text: it never raises, leaves no control characters,
takes linear time, reads very long numbers digit by digit and keeps every written sentence end."""

from __future__ import annotations

import time
import unicodedata

import pytest
import sentencex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from narrate.text.normalize import normalize_for_speech

# --------------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------------

TRICKY = [
    "U.S.", "Dr.", "Jan.", "a.m.", "St.", "No.", "e.g.", "etc.", "1990s", "'90s", "http://", "www.",
    ".com", "@", "$", "£", "€", "%", "°", "½", "&", "–", "—", "…", "...", "-", "+", "#", "/", ":",
    ",", ".", "!", "?", "'", "’", "\"", "(", ")", "\n", "\t", "\x00", "\u200b", "\r", " ", "A", "a",
    "0", "1", "5", "12", "2019", "1,800", "3.5", "10:30",
]  # fmt: skip
_ANY_TEXT = st.one_of(st.text(), st.lists(st.sampled_from(TRICKY), max_size=40).map("".join))


@settings(max_examples=1500, suppress_health_check=list(HealthCheck), deadline=None)
@given(_ANY_TEXT)
def test_never_raises_and_leaves_no_control_characters(text: str) -> None:
    spoken = normalize_for_speech(text)
    # "\n" stays: it is the paragraph (and line) break the engine and the chunker split on
    assert all(c == "\n" or unicodedata.category(c) not in ("Cc", "Cf", "Cs") for c in spoken), repr(spoken)


LONG_INPUTS = {
    "digits": "1" * 20_000,
    "an ordinal": "1" * 20_000 + "st",
    "money": "$" + "1" * 20_000 + ".50",
    "fractions": "1½" * 10_000,
    "dashes": "a — " * 5_000,
    "ellipses": "a... " * 5_000,
    "abbreviations": "Dr. St. U.S. etc. " * 1_000,
    "hyphenated numbers": "1-" * 10_000,
    "separators": "1," * 10_000,
    "closing quotes": "U.S." + "”" * 20_000,
}


@pytest.mark.parametrize("text", LONG_INPUTS.values(), ids=LONG_INPUTS.keys())
def test_long_inputs_are_handled_in_linear_time(text: str) -> None:
    # Python refuses int() of more than 4,300 digits, and a pattern that rescans the rest of the
    # text at every match takes minutes on these; linear work takes well under a second.
    started = time.perf_counter()
    spoken = normalize_for_speech(text)
    assert time.perf_counter() - started < 5
    assert spoken


def test_very_long_numbers_are_read_digit_by_digit() -> None:
    assert normalize_for_speech("1" * 5_000 + "st") == " ".join(["one"] * 5_000) + " st"
    assert normalize_for_speech("$" + "1" * 20) == " ".join(["one"] * 20) + " dollars"


def _sentence_count(text: str) -> int:
    """Sentences with words in them, per sentencex; like narrate.text.chunk, a break that is not at
    whitespace (as in "go.”Then") is no break."""
    segments: list[str] = []
    for segment in sentencex.segment("en", text):
        if segments and not segments[-1][-1:].isspace() and not segment[:1].isspace():
            segments[-1] += segment
        else:
            segments.append(segment)
    return sum(1 for s in segments if any(c.isalnum() for c in s))


_STARTERS = ["He", "The", "It", "Then", "But", "In", "She", "They", "This"]
_MIDDLE = [
    "the", "said", "U.S.", "Dr.", "Smith", "Jan.", "5,", "2024", "10:30", "a.m.", "p.m.", "St.",
    "Louis", "etc.", "e.g.", "vs.", "No.", "5", "3.5", "$9.99", "12%", "1990s", "2012–2018", "—", "...",
    "…", "example.com", "https://www.example.com/a?b=c", "ed@example.org", "AT&T", "&", "approx.",
    "Inc.", "Jr.", "WHO", "US", "½", "21st", "7", "pm", "people", "+", "°C", "-", "i.e.", "Q&A", "Mr.",
    "Gen.", "Sept.", "1,800", "in", "2019", "Main", "5th", "F.B.I.", "Ph.D.", "c.", "1800", "--",
]  # fmt: skip
_ENDINGS = st.one_of(
    st.tuples(
        st.sampled_from(["people", "there", "today", "Smith", "2019", "5", "$9.99", "12%", "1990s"]),
        st.sampled_from([".", "!", "?", "...", "…"]),
    ).map("".join),
    st.sampled_from(["U.S.", "etc.", "a.m.", "p.m.", "Inc.", "Jr.", "Corp.", "F.B.I.", "Ph.D."]),
)
_SENTENCE = st.tuples(st.sampled_from(_STARTERS), st.lists(st.sampled_from(_MIDDLE), max_size=8), _ENDINGS).map(
    lambda parts: " ".join([parts[0], *parts[1], parts[2]])
)


@settings(max_examples=1000, suppress_health_check=list(HealthCheck), deadline=None)
@given(st.lists(_SENTENCE, min_size=1, max_size=5))
def test_no_written_sentence_end_is_lost(sentences: list[str]) -> None:
    """Every sentence end that was written, and that sentencex finds in the input, it still finds in
    the output.

    Sentences are built from pieces (abbreviations, numbers, money, dashes …) and each ends in
    ".", "!", "?", an ellipsis or an abbreviation's period. Not every break sentencex finds in the
    input counts, only those where one written sentence ends: sentencex also breaks inside sentences
    ("approx. 5 people" is two sentences to it), and normalisation rightly removes those.
    """
    text = " ".join(sentences)
    joins, position = set(), 0
    for sentence in sentences[:-1]:
        position += len(sentence) + 1
        joins.add(position)
    found, position = set(), 0
    for segment in sentencex.segment("en", text):
        position += len(segment)
        found.add(position)
    assert _sentence_count(normalize_for_speech(text)) >= 1 + len(joins & found)


@settings(max_examples=1000, suppress_health_check=list(HealthCheck), deadline=None)
@given(st.text(st.characters(blacklist_characters=".", blacklist_categories=("Cs",))))
def test_sentences_ending_in_exclamation_or_question_marks_are_kept(text: str) -> None:
    """With no periods (the ambiguous mark), no sentence sentencex finds in random text is lost."""
    assert _sentence_count(normalize_for_speech(text)) >= _sentence_count(text)
