"""Which sentences are quotations (spoken by a preset's quote_voice)."""

from __future__ import annotations

import pytest

from narrate.models import Block, BlockKind
from narrate.text.chunk import make_chunks, split_sentences
from narrate.text.quotes import quotation_spans, quoted_sentences

CASES = [
    # (paragraph, the quoted sentences)
    ("The mayor spoke. “We will build it.” Then she left.", ["“We will build it.”"]),
    ("“It will be late. It will cost more.” Nobody answered.", ["“It will be late. It will cost more.”"]),
    ('He wrote: "Fine." She read it. "Thanks."', ['"Thanks."']),  # the first has words outside the marks
    ("« Nous viendrons. » Puis il est parti.", ["« Nous viendrons. »"]),
    ("„Wir kommen.“ Dann ging er.", ["„Wir kommen.“"]),
    ("»Wir kommen.« Dann ging er.", ["»Wir kommen.«"]),
    ("‘Not now.’ The door closed.", ["‘Not now.’"]),
    ("“I disagree,” said a member. The vote went on.", []),  # an attribution: the main voice
    ("Don’t worry about rock ’n’ roll. It’s fine.", []),  # apostrophes are not quotations
    ("The 6\" pipe broke. Nobody was hurt.", []),  # an inch mark, never closed
    ("“This quotation goes on into the next paragraph. It is still hers.", [
        "“This quotation goes on into the next paragraph.", "It is still hers."]),
    ("A stray ” mark. And “ another.", []),
]


@pytest.mark.parametrize(("paragraph", "quoted"), CASES)
def test_quoted_sentences(paragraph: str, quoted: list[str]) -> None:
    sentences = split_sentences(paragraph)
    flags = quoted_sentences(paragraph, sentences)
    assert [s for s, flag in zip(sentences, flags) if flag] == quoted


def test_spans_exclude_the_marks_and_nest() -> None:
    text = "“She said ‘no’ twice.”"
    assert quotation_spans(text) == [(1, len(text) - 1)]


def test_chunks_carry_the_flag_to_every_part_of_a_long_quoted_sentence() -> None:
    long = "“" + " ".join(["word"] * 60) + ".” Then silence."
    chunks = make_chunks([Block(BlockKind.PARAGRAPH, long, 1)], 100)
    units = [u for c in chunks for u in c.units]
    assert [u.quoted for u in units] == [True] * (len(units) - 1) + [False]
    assert len(units) > 3
