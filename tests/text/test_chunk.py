"""narrate.text.chunk: paragraphs -> chunks under an engine's limit, cut at the best boundary."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from narrate.models import Block, BlockKind
from narrate.text.chunk import make_chunks, split_sentences, split_text
from narrate.text.clean import clean_text


def check_invariants(text: str, chunks: list[str], max_chars: int) -> None:
    """What must hold for every split: within the limit, nothing lost, cut only between words."""
    assert chunks, "non-empty text gave no chunks"
    for chunk in chunks:
        assert 0 < len(chunk) <= max_chars, chunk
        assert chunk == chunk.strip(), chunk
        assert "  " not in chunk
    words = text.split()
    if max(len(w) for w in words) <= max_chars:
        # No words lost, duplicated or reordered; a cut inside a word would show as two words here.
        assert " ".join(chunks).split() == words
    else:
        # A single word longer than the limit can only be cut inside; the characters all survive.
        assert "".join("".join(chunks).split()) == "".join(words)


def cut_points(text: str, chunks: list[str]) -> list[int]:
    """Offsets in ``text`` where each chunk after the first starts (text must contain them in order)."""
    points = []
    offset = 0
    for chunk in chunks:
        pattern = r"\s+".join(re.escape(w) for w in chunk.split())
        match = re.compile(pattern).search(text, offset)
        assert match is not None, f"chunk {chunk!r} not found in order in the original"
        points.append(match.start())
        offset = match.end()
    return points[1:]


def assert_cuts_on_whitespace(text: str, chunks: list[str]) -> None:
    for point in cut_points(text, chunks):
        assert text[point - 1].isspace(), f"cut inside a word at {point}: {text[point - 10:point + 10]!r}"


# --- table-driven cases ------------------------------------------------------------------------

CASES = [
    # (id, text, max_chars, expected chunks)
    ("fits", "Short paragraph.", 100, ["Short paragraph."]),
    ("exactly-at-limit", "abcde fghij", 11, ["abcde fghij"]),
    ("whitespace-normalised", "  Lots   of\n\tspace.  ", 100, ["Lots of space."]),
    ("empty", "", 10, []),
    ("whitespace-only", " \n\t ", 10, []),
    (
        "sentences",
        "First sentence here. Second one is here. Third.",
        25,
        ["First sentence here.", "Second one is here.", "Third."],
    ),
    (
        "sentences-packed",
        "One. Two. Three. Four. Five.",
        10,
        ["One. Two.", "Three.", "Four.", "Five."],
    ),
    (
        "question-and-exclamation",
        "Did it sail? It did! Everyone cheered.",
        19,
        ["Did it sail?", "It did!", "Everyone cheered."],
    ),
    (
        "clauses",
        "The ferry left early, the tide was high; nobody minded: it was summer.",
        25,
        ["The ferry left early,", "the tide was high;", "nobody minded:", "it was summer."],
    ),
    (
        "dashes",
        "The harbour was quiet — then the horn sounded – and the gulls rose.",
        30,
        ["The harbour was quiet —", "then the horn sounded –", "and the gulls rose."],
    ),
    (
        "words",
        "one two three four five six seven eight nine ten",
        14,
        ["one two three", "four five six", "seven eight", "nine ten"],
    ),
    ("long-word", "abcdefghijkl", 5, ["abcde", "fghij", "kl"]),
    ("long-word-among-words", "a abcdefghij b", 4, ["a", "abcd", "efgh", "ij b"]),
    # If "Dr." or "U.S." ended a sentence, greedy packing would leave it at the end of chunk 1.
    (
        "abbreviation-dr",
        "It is fine. Dr. Okafor came late today.",
        30,
        ["It is fine.", "Dr. Okafor came late today."],
    ),
    (
        "abbreviation-us",
        "We flew home. U.S. customs took an hour.",
        30,
        ["We flew home.", "U.S. customs took an hour."],
    ),
]


@pytest.mark.parametrize(("text", "max_chars", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_split_text_cases(text: str, max_chars: int, expected: list[str]) -> None:
    assert split_text(text, max_chars) == expected


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "The U.S. economy grew. Dr. Smith agreed with Mr. Jones. It was fine.",
            ["The U.S. economy grew.", "Dr. Smith agreed with Mr. Jones.", "It was fine."],
        ),
        ("She met Dr. Ito in the U.S. on Monday.", ["She met Dr. Ito in the U.S. on Monday."]),
        ("No terminal punctuation", ["No terminal punctuation"]),
        # abbreviations that never end a sentence, before a number, a capital or a lower-case word
        ("The bridge is approx. 300 metres long.", ["The bridge is approx. 300 metres long."]),
        ("Prices are approx. £5 each.", ["Prices are approx. £5 each."]),
        ("The museum was est. in 1901 by a family.", ["The museum was est. in 1901 by a family."]),
        ("The firm, est. 1901, is old.", ["The firm, est. 1901, is old."]),
        ("It was est. 2,000 people.", ["It was est. 2,000 people."]),
        ("The firm vs. The State was heard.", ["The firm vs. The State was heard."]),
        ("It was Smith vs. Jones in the final.", ["It was Smith vs. Jones in the final."]),
        ("Bring tents, stoves, etc. to the camp.", ["Bring tents, stoves, etc. to the camp."]),
        ("Some fruits, e.g. apples, are scarce.", ["Some fruits, e.g. apples, are scarce."]),
        ("The chief, i.e. the head, resigned.", ["The chief, i.e. the head, resigned."]),
        ("Sen. Warren met Gov. Newsom.", ["Sen. Warren met Gov. Newsom."]),
        ("Acme Inc. and Foo Ltd. merged.", ["Acme Inc. and Foo Ltd. merged."]),
        ("He lives at No. 10 Downing St. with his wife.", ["He lives at No. 10 Downing St. with his wife."]),
        ("Vol. 2 was published.", ["Vol. 2 was published."]),
        ("On Jan. 5 he left.", ["On Jan. 5 he left."]),
        # ... and those that may end one still do
        ("Bring tents, stoves, etc. The camp is big.", ["Bring tents, stoves, etc.", "The camp is big."]),
        ("It cost approx. $5m. Then it rose.", ["It cost approx. $5m.", "Then it rose."]),
        ("It rained. iPhone sales fell.", ["It rained.", "iPhone sales fell."]),
        ("It was made by Acme Inc. The firm grew.", ["It was made by Acme Inc.", "The firm grew."]),
    ],
)
def test_split_sentences_abbreviations_are_not_ends(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


def test_a_sentence_cut_is_preferred_over_a_word_cut() -> None:
    text = "The first sentence is here. The second sentence is longer than that one."
    assert split_text(text, 60) == ["The first sentence is here.", "The second sentence is longer than that one."]


def test_a_clause_cut_is_preferred_over_a_word_cut() -> None:
    text = "When the wind rose over the bay, all the small boats turned back home"
    assert split_text(text, 45) == ["When the wind rose over the bay,", "all the small boats turned back home"]


# --- invariants over many inputs ---------------------------------------------------------------

VOCAB = [
    "the", "ferry", "harbour,", "crossed;", "U.S.", "Dr.", "Mr.", "e.g.", "late.", "Why?", "Yes!",
    "—", "well:", "3.5", "km", "“quoted”", "(aside)", "etc.", "café", "naïve", "東京", "end.",
]


def random_text(rng: random.Random) -> str:
    words = [
        rng.choice(VOCAB) if rng.random() < 0.93 else "x" * rng.randint(1, 30) for _ in range(rng.randint(1, 150))
    ]
    return "".join(w + rng.choice([" ", " ", "  ", "\n", " \t"]) for w in words)


@pytest.mark.parametrize("seed", range(40))
def test_invariants_on_random_paragraphs(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(10):
        text = random_text(rng)
        max_chars = rng.randint(1, 120)
        chunks = split_text(text, max_chars)
        check_invariants(text, chunks, max_chars)
        if max(len(w) for w in text.split()) <= max_chars:
            assert_cuts_on_whitespace(text, chunks)


@pytest.mark.parametrize("max_chars", [12, 50, 200, 400])
def test_invariants_on_the_cleaned_example_article(example_article: Path, max_chars: int) -> None:
    article = clean_text(example_article.read_text(encoding="utf-8"))
    chunks = make_chunks(article.blocks, max_chars)
    assert [c.index for c in chunks] == list(range(len(chunks)))
    for block_index, block in enumerate(article.blocks):
        texts = [c.text for c in chunks if c.block == block_index]
        check_invariants(block.text, texts, max_chars)
        assert_cuts_on_whitespace(block.text, texts)
    assert len(chunks) >= len(article.blocks)


def test_long_paragraph_without_punctuation() -> None:
    text = " ".join(f"w{i}" for i in range(3000))  # ~15k characters, one "sentence"
    chunks = split_text(text, 400)
    check_invariants(text, chunks, 400)
    assert_cuts_on_whitespace(text, chunks)
    assert len(chunks) == pytest.approx(len(text) / 400, abs=3)  # packed, not one word per chunk


@pytest.mark.parametrize(
    "text",
    ["He said “go.”Then he left the harbour.", "We both still get there.”– Next one, please."],
)
def test_a_sentence_break_without_whitespace_is_not_a_cut(text: str) -> None:
    chunks = split_text(text, 20)
    assert " ".join(chunks).split() == text.split()
    assert_cuts_on_whitespace(text, chunks)


def test_very_long_paragraph_is_not_cut_inside_a_word() -> None:
    text = "abcdef " * 4000  # 28,000 characters; offset 20,000 falls inside a word (20000 % 7 == 1)
    chunks = split_text(text, 400)
    assert " ".join(chunks).split() == text.split()


# --- make_chunks -------------------------------------------------------------------------------


def test_one_chunk_per_paragraph_that_fits() -> None:
    blocks = [
        Block(BlockKind.HEADING, "Harbour news", 1),
        Block(BlockKind.PARAGRAPH, "The ferry left at dawn.", 3),
        Block(BlockKind.PARAGRAPH, "It came back at dusk.", 5),
    ]
    chunks = make_chunks(blocks, 100)
    assert [(c.index, c.text, c.kind, c.block, c.first_in_block) for c in chunks] == [
        (0, "Harbour news", BlockKind.HEADING, 0, True),
        (1, "The ferry left at dawn.", BlockKind.PARAGRAPH, 1, True),
        (2, "It came back at dusk.", BlockKind.PARAGRAPH, 2, True),
    ]


def test_a_long_paragraph_becomes_several_chunks_of_its_block() -> None:
    blocks = [
        Block(BlockKind.PARAGRAPH, "Short.", 1),
        Block(BlockKind.PARAGRAPH, "First part of it. Second part of it. Third part of it.", 3),
    ]
    chunks = make_chunks(blocks, 20)
    assert [c.text for c in chunks] == ["Short.", "First part of it.", "Second part of it.", "Third part of it."]
    assert [c.index for c in chunks] == [0, 1, 2, 3]
    assert [c.block for c in chunks] == [0, 1, 1, 1]
    assert [c.first_in_block for c in chunks] == [True, True, False, False]
    assert all(c.kind is BlockKind.PARAGRAPH for c in chunks)


@pytest.mark.parametrize("max_chars", [0, -5])
def test_limit_must_be_positive(max_chars: int) -> None:
    with pytest.raises(ValueError):
        make_chunks([Block(BlockKind.PARAGRAPH, "Text.", 1)], max_chars)
