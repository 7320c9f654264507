"""Property tests of cleaning (hypothesis): nothing is lost, nothing is duplicated."""

from __future__ import annotations

import string
from collections import Counter

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from narrate.errors import InputError
from narrate.text.chunk import split_sentences
from narrate.text.clean import clean_text
from tests.text.test_rules import BOILERPLATE, HEADINGS_KEPT, NEAR_MISSES

PROSE = [
    "The ferry left at dawn.",
    "It came back at dusk, late again.",
    "“We are choosing between an old boat and no boat,” she said.",
    "Work begins in January and takes eleven weeks",
    "U.S. officials said the yard is four years late.",
]
PARTIAL_RULES = {"lead-site-tag", "dangling-dash"}  # they cut part of a line, not a whole one

line = st.one_of(
    st.sampled_from([text for text, _ in BOILERPLATE]),
    st.sampled_from(NEAR_MISSES + PROSE + HEADINGS_KEPT),
    st.just(""),
    st.text(alphabet=string.ascii_letters + string.digits + " .,;:!?'\"-–|#*()", min_size=1, max_size=60),
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(line, min_size=1, max_size=25), markdown=st.booleans())
def test_every_line_is_spoken_or_removed_and_nothing_is_duplicated(lines: list[str], markdown: bool) -> None:
    text = "\n".join(lines)
    try:
        article = clean_text(text, format="markdown" if markdown else "text")
    except InputError:
        assume(False)
        return
    if not markdown:
        # Plain text: every character of the input is either spoken or in a removed line, exactly once.
        removed_chars = Counter("".join(r.text for r in article.removed).replace(" ", ""))
        spoken_chars = Counter(article.spoken_text.replace(" ", "").replace("\n", ""))
        assert spoken_chars + removed_chars == Counter(text.replace(" ", "").replace("\n", ""))
        input_lines = {n: " ".join(raw.split()) for n, raw in enumerate(text.splitlines(), 1) if raw.strip()}
        for removed in article.removed:
            if removed.rule not in PARTIAL_RULES:
                assert input_lines[removed.line] == removed.text
        whole = {r.line for r in article.removed if r.rule not in PARTIAL_RULES}
        assert not whole & {b.line for b in article.blocks}
    else:
        # Markdown drops its own markup, so nothing may be spoken that the input does not hold.
        assert not Counter(article.spoken_text.replace(" ", "").replace("\n", "")) - Counter(text)
    if not markdown:
        # No sentence is spoken more often than the input has it (lines joined, as paragraphs join
        # them). In Markdown, emphasis markup joins characters, so the character check above is the
        # one that rules out duplication there.
        flat = " ".join(text.split())
        for sentence, count in Counter(split_sentences(article.spoken_text)).items():
            assert count <= max(flat.count(sentence), 1)


@given(st.text(min_size=1, max_size=400))
def test_cleaning_never_fails_with_anything_but_an_input_error(text: str) -> None:
    try:
        article = clean_text(text)
    except InputError:
        return
    assert article.title
    assert all(b.text.strip() for b in article.blocks)
    assert not any(ch in article.spoken_text for ch in "\x00\x07\x1b\u200b")
