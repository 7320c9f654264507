"""Fuzzing (hypothesis): hostile text through cleaning, chunking, normalisation, the feed and the pages.

A standing suite: each property below runs on every test run with the budget of the loaded
hypothesis profile (``tests/conftest.py``: "dev" locally, "ci" with a fixed seed when ``CI=true``,
"long" with ``HYPOTHESIS_PROFILE=long`` for a run of many thousand examples). A failure that was
fixed stays here as an ``@example``.

The properties:

1. Nothing lost, nothing duplicated. Plain text: every input line is kept or listed as removed,
   and every character of the cleaned article is in exactly one chunk, in order. Text, Markdown and
   HTML documents read through :func:`narrate.text.reader.article_from_document`: every word is spoken or
   listed as removed exactly once, spoken words keep their order, and the chunks hold the cleaned
   article's words exactly once, in order (HTML: main-content extraction may leave out what it takes
   for boilerplate, so there only "at most once, in order" and "the paragraphs of the article body
   are kept").
2. Every chunk fits the engine: the spoken text of every chunk and of every sentence in it (what an
   engine is asked to speak) is at most ``max_chars``, for tiny limits too, whatever the text (long
   unpunctuated runs, long words, URLs, numbers that normalisation lengthens, ALL-CAPS headings).
3. Every feed and page is well-formed: hostile titles, authors, descriptions, chapter and transcript
   text (XML specials, ``]]>``, control characters, lone surrogates, U+FFFE/U+FFFF, right-to-left
   text and overrides, emoji, combining marks, markup) give a feed that lxml's strict parser and
   feedparser (bozo False) and podcastparser read, with the title round-tripping; and pages that
   lxml.html and the standard library's HTML parser read the same way, with no element or attribute
   that came from the text (no ``<script>`` but player.js, no ``on*`` attribute, no ``javascript:``
   link), and no character HTML calls a parse error. Transcripts (WebVTT, SubRip, JSON) keep one
   cue per block and every cue's text.
4. No control character reaches the engine: whatever the text, normalisation never raises and the
   speech text of every chunk holds no C0 or C1 control character (the one exception is "\\n"
   between paragraphs in :func:`normalize_for_speech`'s own output, never inside a chunk), no format
   character (zero-width characters, the BOM, soft hyphen, and the bidi embeddings, overrides and
   isolates U+202A-U+202E and U+2066-U+2069: an engine would read them as unknown symbols), no lone
   surrogate and no noncharacter (U+FFFE, U+FFFF, U+FDD0-U+FDEF and the last two code points of
   every plane). Private-use and unassigned code points are left alone: an engine skips them, and a
   newer Unicode than Python's may have assigned them. Normalisation does not claim to be idempotent,
   and is not quite ("Dr. .com" becomes "Doctor.com", which a second pass reads as "doctor dot
   com"), so the property checked for a second pass is only that it is still clean and does not
   raise.

Bugs found by fuzzing are kept as ``@example`` cases and regression tests at the end. ``scripts/fuzz_atheris.py``
checks the same properties with coverage-guided fuzzing (atheris), for humans.
"""

from __future__ import annotations

import functools
import html
import io
import json
import re
import string
import tempfile
import unicodedata
from collections import Counter
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import lxml.html
import podcastparser
import pytest
from hypothesis import HealthCheck, assume, example, given, reject, settings
from hypothesis import strategies as st
from lxml import etree

from narrate.audio.transcripts import TimedText, caption_cues, to_podcast_json, to_srt, to_webvtt
from narrate.config import ShowConfig
from narrate.errors import ConfigError, InputError
from narrate.models import Block, BlockKind, Chunk
from narrate.publish.catalog import AudioInfo, ChunkInfo, EpisodeRecord
from narrate.publish.feed import clean_line, render_feed, write_feed
from narrate.publish.pages import episode_page, page_with_player, player_page, show_page, write_episode_pages
from narrate.speech.engines.gtts import GttsEngine
from narrate.speech.engines.hibari import HibariEngine
from narrate.speech.engines.piper import PiperEngine
from narrate.speech.voices import load_preset
from narrate.speech.words import speech_function
from narrate.text.chunk import make_chunks, split_text
from narrate.text.clean import clean_text
from narrate.text.intake import read_source
from narrate.text.normalize import normalize_for_speech
from narrate.text.reader import article_from_document


def budget(share: float) -> int:
    """Examples for a test: a share of the loaded profile's max_examples (at least 5), so that the
    slower tests run fewer examples and every test grows with the "long" profile."""
    return max(5, int(settings.default.max_examples * share))


def fuzz(share: float) -> settings:
    """The settings of a fuzz test: the profile's, with :func:`budget` examples, no deadline."""
    return settings(
        max_examples=budget(share),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


# --------------------------------------------------------------------------------------------------
# Hostile text
# --------------------------------------------------------------------------------------------------

NASTY = [
    "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b[31m", "\x1f", "\x7f", "\x85", "\x9f", "\r", "\r\n", "\t",
    "\ufffe", "\uffff", "\ufdd0", "\U0001fffe", "\U0010ffff", "\ud800", "\udfff", "\udc80",
    "&", "<", ">", "]]>", "<![CDATA[", "&amp;", "&#0;", "&lt;", '"', "'", "`",
    "<script>alert(1)</script>", "</title><script>alert(1)</script>", '" onmouseover="x', "' onmouseover='x",
    "<img src=x onerror=alert(1)>", "javascript:alert(1)", "<!--", "-->", "{{ 7*7 }}", "{% raw %}",
    "\u202e", "\u202d", "\u2066", "\u2069", "\u200f", "\u200b", "\u200d", "\u2060", "\ufeff", "\u00ad",
    "שלום עולם", "مرحبا بالعالم", "😀", "👩‍👩‍👧", "🇳🇴", "e\u0301", "\u0301", "Z\u0351\u0352\u0353", "\u00a0", "\u3000",
    "\u2028", "\u2029", "https://example.org/a?b=1&c=2", "ed@example.org", "$3.5 million", "12%", "1990s",
    "Jan. 5, 2024", "10:30 a.m.", "U.S.", "Dr.", "...", "…", "—", " - ", "#", "*", "_", "[", "](", "|",
]  # fmt: skip
"""Pieces that have broken text handling somewhere: controls, non-characters, surrogates, markup,
bidi controls, scripts written right to left, emoji sequences, combining marks, and what
normalisation rewrites."""

any_text = st.lists(st.one_of(st.characters(codec=None), st.sampled_from(NASTY)), max_size=30).map("".join)
"""Any code point (lone surrogates and controls included), with the usual suspects mixed in."""


def is_noncharacter(char: str) -> bool:
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def unspeakable(text: str, *, newline_ok: bool = False) -> list[str]:
    """The characters of ``text`` no engine should be sent."""
    return [
        c
        for c in text
        if not (newline_ok and c == "\n") and (unicodedata.category(c) in ("Cc", "Cf", "Cs") or is_noncharacter(c))
    ]


# Engines' own limits, and tiny ones.
ENGINE_LIMITS = [HibariEngine._MAX_CHARS, PiperEngine._MAX_CHARS, GttsEngine._MAX_CHARS, 400]
max_chars = st.one_of(st.sampled_from([1, 2, 3, 5, 8, 13, 21, 40, 80, *ENGINE_LIMITS]), st.integers(1, 300))

# Words and runs that stress the chunker: no punctuation to cut at, words longer than any limit.
long_piece = st.one_of(
    st.integers(1, 60).map(lambda n: "word " * n),
    st.integers(20, 400).map(lambda n: "x" * n),
    st.integers(1, 40).map(lambda n: "1" * n),
    st.integers(1, 12).map(lambda n: "$" + "1,000" * n),
    st.integers(1, 10).map(lambda n: "https://example.org/" + "very-long-path/" * n + "?q=1&r=2"),
    st.integers(1, 20).map(lambda n: "and so on, " * n),
    st.just("SUPERCALIFRAGILISTICEXPIALIDOCIOUS ANTIDISESTABLISHMENTARIANISM"),
    st.from_regex(r"(?:1[89]|20)\d\d[:./, -]\d{1,60}", fullmatch=True),  # a year, then a long number
)
chunk_text = st.lists(st.one_of(long_piece, st.sampled_from(NASTY), st.text(max_size=20)), min_size=1, max_size=12).map(
    " ".join
)


@pytest.fixture(scope="module")
def default_speech():
    """The default preset's text-to-words function (its lexicon, then normalisation)."""
    return speech_function(load_preset("default"))


# --------------------------------------------------------------------------------------------------
# Property 4: no control character reaches the engine
# --------------------------------------------------------------------------------------------------


@fuzz(3)
@given(text=any_text, language=st.sampled_from(["en", "en-gb", "de", "ar", ""]))
@example(text="a\ufffeb\uffff\ufdd0c\U0001fffe", language="en")
def test_normalisation_never_raises_and_leaves_nothing_unspeakable(text: str, language: str) -> None:
    spoken = normalize_for_speech(text, language=language)
    assert not unspeakable(spoken, newline_ok=True), repr(spoken)
    again = normalize_for_speech(spoken, language=language)  # not idempotent, but still clean
    assert not unspeakable(again, newline_ok=True), repr(again)


@fuzz(1)
@given(blocks=st.lists(st.tuples(st.sampled_from([BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.INTRO]), any_text),
                       min_size=1, max_size=6), limit=max_chars)  # fmt: skip
def test_no_control_character_reaches_the_engine(default_speech, blocks, limit: int) -> None:
    chunks = make_chunks(
        [Block(kind, text, n) for n, (kind, text) in enumerate(blocks)], limit, to_speech=default_speech
    )
    for chunk in chunks:
        for unit in chunk.units:
            assert unit.spoken.strip(), chunk
            assert not unspeakable(unit.spoken), repr(unit.spoken)


# --------------------------------------------------------------------------------------------------
# Property 2: every chunk within the engine's limit
# --------------------------------------------------------------------------------------------------


def check_limits(chunks: list[Chunk], limit: int) -> None:
    for chunk in chunks:
        assert len(chunk.speech) <= limit, (limit, chunk.speech)
        assert chunk.speech == " ".join(u.spoken for u in chunk.units)
        for unit in chunk.units:
            assert 0 < len(unit.spoken) <= limit, (limit, unit)
            assert unit.spoken == unit.spoken.strip() and "  " not in unit.spoken


@fuzz(1)
@given(
    blocks=st.lists(
        st.tuples(st.sampled_from([BlockKind.PARAGRAPH, BlockKind.HEADING]), chunk_text), min_size=1, max_size=5
    ),
    limit=max_chars,
    speak=st.booleans(),
)
@example(blocks=[(BlockKind.HEADING, "THE 1990S $1,000,000")], limit=12, speak=True)
def test_every_chunk_fits_the_engine(default_speech, blocks, limit: int, speak: bool) -> None:
    chunks = make_chunks(
        [Block(kind, text, n) for n, (kind, text) in enumerate(blocks)],
        limit,
        to_speech=default_speech if speak else None,
    )
    check_limits(chunks, limit)


@fuzz(2)
@given(text=chunk_text, limit=max_chars)
def test_split_text_fits_and_keeps_every_character(text: str, limit: int) -> None:
    pieces = split_text(text, limit)
    assert all(0 < len(p) <= limit for p in pieces), pieces
    assert "".join("".join(pieces).split()) == "".join(text.split())
    assert [w for p in pieces for w in p.split()] == cut_words(text.split(), limit)


def cut_words(words: list[str], limit: int) -> list[str]:
    """Words as the chunker may give them back: a word longer than the limit in limit-sized pieces."""
    out: list[str] = []
    for word in words:
        out.extend(word[i : i + limit] for i in range(0, len(word), limit))
    return out


# --------------------------------------------------------------------------------------------------
# Property 1: nothing lost or duplicated through cleaning and chunking
# --------------------------------------------------------------------------------------------------


def check_chunks_hold_the_blocks(blocks: list[Block], chunks: list[Chunk], limit: int) -> None:
    """Without normalisation: the chunks of each block hold its words exactly once, in order (a word
    longer than the limit cut in pieces)."""
    for index, block in enumerate(blocks):
        written = [w for c in chunks if c.block == index for w in c.text.split()]
        assert written == cut_words(block.text.split(), limit), (index, block)
    assert [c.index for c in chunks] == list(range(len(chunks)))
    assert [c.block for c in chunks] == sorted(c.block for c in chunks)


_PLAIN = string.ascii_letters + string.digits + " .,;:!?'\"-–—|#*()&<>/@$%"
plain_line = st.one_of(
    st.text(st.one_of(st.sampled_from(_PLAIN), st.characters(categories=["L", "M", "N", "P", "S"])), max_size=80),
    st.sampled_from(["Getting your Trinity Audio player ready...", "|", "March 30, 2021", "TRUENEWSREPORT",
                     "BY: NATHANIEL BALLANTYNE", "Share this article", "THE HARBOUR TODAY", "", "   "]),
    long_piece,
)  # fmt: skip
"""Lines of printable text (letters, marks, numbers, punctuation and symbols of every script),
boilerplate the rules remove, ALL-CAPS headings, long runs."""


PARTIAL_RULES = {"lead-site-tag", "dangling-dash"}
"""Rules that cut part of a line, not a whole one."""


def _visible(text: str) -> Counter[str]:
    """Characters of ``text`` as cleaning keeps them: NFC, no white space."""
    return Counter("".join(unicodedata.normalize("NFC", text).split()))


@fuzz(2)
@given(lines=st.lists(plain_line, min_size=1, max_size=20), limit=max_chars)
@example(lines=["1999:" + "8" * 40, "The ferry left at dawn."], limit=400)  # dateutil raised decimal.InvalidOperation
def test_plain_text_every_character_is_in_one_chunk_or_removed(lines: list[str], limit: int) -> None:
    text = "\n".join(lines)
    try:
        article = clean_text(text)
    except InputError:
        reject()
    chunks = make_chunks(article.blocks, limit)
    check_chunks_hold_the_blocks(article.blocks, chunks, limit)
    check_limits(chunks, limit)
    # the whole path: every visible character of the input is in exactly one chunk or removed line
    in_chunks = _visible(" ".join(c.text for c in chunks))
    removed = _visible(" ".join(r.text for r in article.removed))
    assert in_chunks + removed == _visible(text)
    # every input line is in a block (a hard-wrapped paragraph joins lines) or listed as removed
    whole = {r.line: r.text for r in article.removed if r.rule not in PARTIAL_RULES}
    partly = {r.line for r in article.removed if r.rule in PARTIAL_RULES}
    for number, raw in enumerate(text.splitlines(), 1):
        line = unicodedata.normalize("NFC", " ".join(raw.split()))
        if not line:
            continue
        if number in whole:
            assert whole[number] == line
        else:
            held = [b for b in article.blocks if b.line <= number and line in b.text]
            assert held or number in partly, (number, line)


# Documents with every word unique, written as text, Markdown and HTML.

token = st.tuples(
    st.sampled_from(["harbour", "Ferry", "ωμέγα", "語", "שלום", "مرحبا", "naïve", "Zoë", "x", "Dr", "U", "2019"]),
    st.integers(0, 10**6),
).map(lambda t: f"{t[0]}{t[1]}")
"""A word that appears once in a document (the document's words are made unique by their number)."""


@st.composite
def documents(draw: st.DrawFn) -> list[tuple[str, list[str]]]:
    """A document as (kind, words) blocks: h1 (first only), h2, p, li, quote, code; words unique."""
    counter = iter(range(10**9))

    def words(low: int, high: int) -> list[str]:
        return [f"{draw(token)}q{next(counter)}" for _ in range(draw(st.integers(low, high)))]

    blocks: list[tuple[str, list[str]]] = []
    if draw(st.booleans()):
        blocks.append(("h1", words(1, 6)))
    for _ in range(draw(st.integers(1, 7))):
        kind = draw(st.sampled_from(["p", "p", "p", "h2", "li", "quote", "code"]))
        blocks.append((kind, words(1, 4) if kind == "h2" else words(1, 40)))
    assume(any(kind == "p" for kind, _ in blocks))
    return blocks


def _sentences(words: list[str], junk_after: dict[int, str]) -> str:
    """Words as prose: a period every few words, a junk character here and there."""
    out = []
    for i, word in enumerate(words):
        out.append(word + (junk_after.get(i, "")) + ("." if i % 7 == 6 or i == len(words) - 1 else ""))
    return " ".join(out)


def as_markdown(blocks: list[tuple[str, list[str]]]) -> str:
    parts = []
    for kind, words in blocks:
        text = " ".join(words)
        if kind == "h1":
            parts.append(f"# {text}")
        elif kind == "h2":
            parts.append(f"## {text}")
        elif kind == "li":
            parts.append("\n".join(f"- {w}" for w in words))
        elif kind == "quote":
            parts.append("> " + _sentences(words, {}))
        elif kind == "code":
            parts.append("```\n" + "\n".join(words) + "\n```")
        else:
            half = len(words) // 2
            emphasis = " ".join(words[half : half + 1])
            parts.append(f"{_sentences(words[:half], {})} *{emphasis}* {_sentences(words[half + 1 :], {})}".strip())
    return "\n\n".join(parts) + "\n"


def as_text(blocks: list[tuple[str, list[str]]]) -> str:
    lines = []
    for kind, words in blocks:
        lines.append(" ".join(words).upper() if kind in ("h1", "h2") else _sentences(words, {1: " &", 3: " <b>"}))
    return "\n\n".join(lines) + "\n"


CHARACTER_REFERENCES = "&#233;&#x1F600;&#146;&#0;&#1;&#27;&#x7F;&#xD800;&#x202E;&#x10FFFF;&#xFDD0;&nbsp;&amp;amp;"
"""References a page may hold in its text, those to controls included (a form feed, which still breaks
extraction after an element, and U+FFFE/U+FFFF are tested apart, at the end of this file)."""


def as_html(blocks: list[tuple[str, list[str]]]) -> str:
    body = []
    title = ""
    for kind, words in blocks:
        text = html.escape(
            _sentences(words, {2: " & <", 4: " ]]>", 5: " \ue000"}) if kind in ("p", "quote") else " ".join(words)
        )
        text = text.replace("\ue000", CHARACTER_REFERENCES)
        if kind == "h1":
            title = text
            body.append(f"<h1>{text}</h1>")
        elif kind == "h2":
            body.append(f"<h2>{text}</h2>")
        elif kind == "li":
            body.append("<ul>" + "".join(f"<li>{html.escape(w)}</li>" for w in words) + "</ul>")
        elif kind == "quote":
            body.append(f"<blockquote><p>{text}</p></blockquote>")
        elif kind == "code":
            body.append(f"<pre><code>{text}</code></pre>")
        else:
            body.append(f"<p>{text}</p>")
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><nav><a href='/'>Home</a></nav><main><article>{''.join(body)}</article></main>"
        "<footer>© Example</footer></body></html>"
    )


def _tokens(text: str, known: set[str]) -> list[str]:
    return [w for w in re.findall(r"[\w\u0590-\u06ff]+", text) if w in known]


def whole_path(doc: list[tuple[str, list[str]]], fmt: str, limit: int, to_speech=None):
    source = {"text": as_text, "markdown": as_markdown, "html": as_html}[fmt](doc)
    document = read_source("-", stdin=io.BytesIO(source.encode("utf-8")))
    document = replace(document, format=fmt)  # no guessing: the format under test
    try:
        article = article_from_document(document)
    except InputError:
        reject()
    chunks = make_chunks(article.blocks, limit, to_speech=to_speech)
    return source, article, chunks


@fuzz(1)
@given(doc=documents(), fmt=st.sampled_from(["text", "markdown"]), limit=max_chars)
def test_text_and_markdown_every_word_is_spoken_or_removed_exactly_once(doc, fmt: str, limit: int) -> None:
    _, article, chunks = whole_path(doc, fmt, limit)
    if fmt == "text":  # ALL-CAPS headings: the words come back upper-cased
        doc = [(kind, [w.upper() for w in words] if kind in ("h1", "h2") else words) for kind, words in doc]
    known = {w for _, words in doc for w in words}
    order = [w for _, words in doc for w in words]
    spoken = _tokens(article.spoken_text, known)  # the chunks hold the blocks: checked below
    removed = _tokens(" ".join(r.text for r in article.removed), known)
    counts = Counter(spoken) + Counter(removed)
    assert set(counts) == known and set(counts.values()) == {1}, {w: n for w, n in counts.items() if n != 1}
    assert spoken == [w for w in order if w in set(spoken)]  # in order
    check_chunks_hold_the_blocks(article.blocks, chunks, limit)
    check_limits(chunks, limit)
    if fmt == "markdown":  # code is not read out
        assert not {w for kind, words in doc if kind == "code" for w in words} & set(spoken)


@fuzz(0.3)
@given(doc=documents(), limit=max_chars)
def test_html_words_are_spoken_at_most_once_in_order_and_paragraphs_kept(doc, limit: int) -> None:
    _, article, chunks = whole_path(doc, "html", limit)
    known = {w for _, words in doc for w in words}
    order = [w for _, words in doc for w in words]
    spoken = _tokens(article.spoken_text, known)  # the chunks hold the blocks: checked below
    removed = _tokens(" ".join(r.text for r in article.removed), known)
    counts = Counter(spoken) + Counter(removed)
    assert set(counts.values()) <= {1}, {w: n for w, n in counts.items() if n != 1}
    assert spoken == [w for w in order if w in set(spoken)]
    for kind, words in doc:
        if kind == "p" and len(words) >= 8:
            assert set(words) <= set(spoken) | set(removed), words
    check_chunks_hold_the_blocks(article.blocks, chunks, limit)
    check_limits(chunks, limit)


# --------------------------------------------------------------------------------------------------
# Property 4 on the whole path: hostile metadata into the spoken intro
# --------------------------------------------------------------------------------------------------

meta_text = st.lists(
    st.one_of(
        st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
        st.sampled_from([p for p in NASTY if not re.search("[\x00\ud800-\udfff]", p)]),
    ),
    max_size=20,
).map("".join)
"""Text an HTML page can carry in its metadata (no lone surrogates or NUL: they cannot be in the bytes)."""


@fuzz(0.2)
@given(title=meta_text, author=meta_text, site=meta_text, limit=max_chars)
def test_hostile_page_metadata_never_reaches_the_engine(
    default_speech, title: str, author: str, site: str, limit: int
) -> None:
    from narrate.text.framing import episode_chunks

    paragraph = "<p>" + "The harbour ferry leaves at dawn and comes back late at night, every day. " * 3 + "</p>"
    page = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"<meta name='author' content='{html.escape(author)}'>"
        f"<meta property='og:site_name' content='{html.escape(site)}'>"
        f"</head><body><article><h1>{html.escape(title)}</h1>{paragraph * 3}</article></body></html>"
    )
    try:
        article = article_from_document(read_source("-", stdin=io.BytesIO(page.encode("utf-8"))))
    except InputError as exc:  # many control characters: a binary file, by design
        assert "looks like a binary file" in str(exc), exc
        reject()
    chunks = episode_chunks(article, limit, default_speech, spoken_intro=True, spoken_outro=True, show_title="Narrated articles")
    check_limits(chunks, limit)
    for chunk in chunks:
        for unit in chunk.units:
            assert not unspeakable(unit.spoken), repr(unit.spoken)
            assert not unspeakable(unit.text), repr(unit.text)  # the transcript's text too
    for value in (article.title, article.author or "", article.site or ""):
        assert not unspeakable(value), repr(value)


# --------------------------------------------------------------------------------------------------
# Property 3: every feed, page and transcript well-formed, whatever the text
# --------------------------------------------------------------------------------------------------

markup_text = st.lists(st.one_of(st.characters(codec=None), st.sampled_from(NASTY)), min_size=1, max_size=30).map(
    "".join
)
some_url = st.one_of(
    st.sampled_from(["", "https://news.example.org/a?b=1&c=2", "javascript:alert(1)", "data:text/html,<script>",
                     "http://[broken", "https://ok.example/\"onmouseover=\"x", "//evil.example/x", "cover.png",
                     " https://ok.example/ spaced", "vbscript:x"]),
    any_text,
)  # fmt: skip
slug = st.from_regex(r"[a-z0-9][a-z0-9-]{0,30}", fullmatch=True)
iso_date = st.one_of(st.dates().map(lambda d: d.isoformat()), any_text)
BASE_URL = "https://pod.example.org/show/"


def sentence(text: str, start: float) -> dict[str, object]:
    return {"text": text, "spoken": text, "start": start, "end": start + 1.0, "preset": "fake"}


@st.composite
def records(draw: st.DrawFn, index: int = 0) -> EpisodeRecord:
    """An episode record with hostile text in every field a reader or listener sees."""
    name = f"{draw(slug)}-{index}"
    texts = draw(st.lists(any_text, min_size=1, max_size=6))
    kinds = draw(st.lists(st.sampled_from(["intro", "paragraph", "heading", "paragraph"]), min_size=len(texts),
                          max_size=len(texts)))  # fmt: skip
    chunks = [
        ChunkInfo(n, kind, text, 0.5, 2.0 * n, 1.0, sentences=[sentence(text, 2.0 * n)], block=n)
        for n, (kind, text) in enumerate(zip(kinds, texts))
    ]
    chapters = [
        {"title": draw(any_text), "start": 0.0, "end": 2.0},
        {"title": draw(any_text), "start": 2.0, "end": 9.0},
    ]
    stem = f"{name}-0123456789ab"
    return EpisodeRecord(
        guid=f"guid-{index}-{draw(any_text)}",
        slug=name,
        title=draw(markup_text),
        source=draw(some_url),
        source_sha256="0" * 64,
        published=f"2026-01-{index + 1:02d}T10:00:00+00:00",
        updated=f"2026-01-{index + 1:02d}T10:00:00+00:00",
        audio=AudioInfo(f"{stem}.mp3", 123_456, 61.6, 44100, 64, "a" * 64),
        voice={"preset": "default"},
        description=draw(any_text),
        spoken_text=" ".join(texts),
        author=draw(st.none() | any_text),
        date=draw(st.none() | iso_date),
        site=draw(st.none() | any_text),
        url=draw(st.none() | some_url),
        language=draw(st.none() | any_text),
        image=draw(st.none() | some_url),
        chunks=chunks,
        chapters=chapters,
        files={"vtt": f"{stem}.vtt", "srt": f"{stem}.srt", "transcript_json": f"{stem}.transcript.json",
               "chapters_json": f"{stem}.chapters.json", "details": f"{stem}.details.json"},
    )  # fmt: skip


@st.composite
def shows(draw: st.DrawFn) -> ShowConfig:
    email = draw(st.one_of(st.just(""), any_text))
    return ShowConfig(
        title=draw(markup_text.filter(str.strip)),
        description=draw(any_text),
        author=draw(any_text),
        owner_name=draw(any_text),
        owner_email=email,
        language=draw(any_text),
        copyright=draw(any_text),
        link=draw(some_url),
        image=draw(some_url),
        base_url=BASE_URL,
        locked=bool(email) and draw(st.booleans()),
    )


episode_lists = st.integers(1, 3).flatmap(lambda n: st.tuples(*(records(i) for i in range(n)))).map(list)


def as_feedparser_reads(text: str) -> str:
    """feedparser "repairs" text that reads as UTF-8 taken for Latin-1 ("Â¡" becomes "¡"), whatever
    the feed says: its quirk, not the feed's."""
    try:
        return text.encode("iso-8859-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def plain_record(title: str, **fields: object) -> EpisodeRecord:
    """A record with ``title`` and ``fields``, and plain values for the rest."""
    audio = AudioInfo("s.mp3", 1, 1.0, 44100, 64, "")
    return replace(EpisodeRecord("g", "s", title, "", "0", "2026-01-01", "2026-01-01", audio, {}, ""), **fields)  # type: ignore[arg-type]


def _usable(show: ShowConfig) -> ShowConfig:
    """The show, or (when its link or image is no URL, a ConfigError by design) the show without them."""
    try:
        render_feed(show, [])
    except ConfigError as exc:
        assert str(exc).startswith(("show image:", "show link:")), exc
        return replace(show, link="", image="")
    return show


@fuzz(0.5)
@given(show=shows(), episodes=episode_lists)
@example(
    show=ShowConfig(title="</title><script>alert(1)</script>]]>\x00\ud800\ufffe", base_url=BASE_URL),
    episodes=[
        plain_record('" onmouseover="x ]]> <![CDATA[ \u202eשלום 😀 e\u0301 \x1b', description="<b>b</b> &amp; ]]>")
    ],
)
@example(show=ShowConfig(base_url=BASE_URL), episodes=[plain_record("Â¡")])  # feedparser reads "¡" (see below)
def test_every_feed_is_well_formed_and_round_trips_its_titles(show: ShowConfig, episodes: list[EpisodeRecord]) -> None:
    show = _usable(show)
    xml = render_feed(show, episodes)
    # lxml's strict parser (no recovery): well-formed XML 1.0
    root = etree.fromstring(xml, etree.XMLParser(recover=False, resolve_entities=False, no_network=True))
    assert root.findtext("channel/title") == (clean_line(show.title) or "Untitled")
    titles = [clean_line(r.title) or clean_line(r.slug) or "Untitled" for r in episodes]
    assert [item.findtext("title") for item in root.iter("item")] == titles
    # feedparser: no error of any kind, every item, every title as written
    parsed = feedparser.parse(xml)
    assert parsed.bozo is False, parsed.get("bozo_exception")
    assert len(parsed.entries) == len(episodes)
    for entry, title in zip(parsed.entries, titles):
        if not re.search(r"<[A-Za-z/!]|&[#\w]+;", title):  # feedparser reads markup in a title as HTML
            assert entry.title == as_feedparser_reads(title)
    assert len(podcastparser.parse(BASE_URL + "feed.xml", io.BytesIO(xml))["episodes"]) == len(episodes)
    # and the file written is the same document
    with tempfile.TemporaryDirectory() as out:
        assert write_feed(Path(out), show, episodes).read_bytes() == xml


# Pages: parsed by lxml.html and by the standard library's parser; nothing the text holds becomes markup.

_HTML_PARSE_ERRORS = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(17))
    + "]"
)
"""Characters the HTML standard makes a parse error wherever they appear in the input stream: controls
other than ASCII white space, surrogates and noncharacters (13.2.3.5, "Preprocessing the input stream")."""
PLAYER_JS = re.compile(r"^(?:(?:\.\./\.\./)?static/player\.js|https?://[^\s\"'<>]+/static/embed\.js)$")
"""narrate's scripts: the pages' player.js, and embed.js from the show's base_url in the player snippet."""
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")


class _Tags(HTMLParser):
    """Every start tag and its attributes, as Python's own HTML tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def _elements(page: str) -> list[tuple[str, dict[str, str]]]:
    root = lxml.html.document_fromstring(page)
    return [(el.tag, dict(el.attrib)) for el in root.iter() if isinstance(el.tag, str)]


def _start_tags(page: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return [(tag, {name: value or "" for name, value in attrs}) for tag, attrs in parser.tags]


def check_page(page: str, allowed: dict[str, set[str]], *, scripts: int) -> lxml.html.HtmlElement:
    """``page`` is well-formed HTML whose elements and attributes all come from the templates."""
    assert not _HTML_PARSE_ERRORS.findall(page), _HTML_PARSE_ERRORS.findall(page)
    page.encode("utf-8")  # it can be written
    for parse in (_elements, _start_tags):
        found = parse(page)
        for tag, attrib in found:
            assert tag in allowed, (parse.__name__, tag, attrib)
            for name, value in attrib.items():
                assert not name.startswith("on") and name in allowed[tag], (parse.__name__, tag, name)
                if name in ("href", "src", "action", "formaction", "poster", "srcset"):
                    url = value.strip().lower()
                    assert not url.startswith(BAD_SCHEMES) or url in ("data:,", "data:image/x-icon;,"), (tag, name, value)  # no favicon
            if tag == "script":
                assert PLAYER_JS.match(attrib.get("src", "")), attrib
        assert sum(tag == "script" for tag, _ in found) == scripts, parse.__name__
    return lxml.html.document_fromstring(page)


def _visible_text(value: str) -> str:
    """Text as a page shows it: without what HTML cannot hold, white space runs as one space."""
    return " ".join(_HTML_PARSE_ERRORS.sub("", value).split())


BENIGN_PAGE = (
    "<!DOCTYPE html><html><head><title>Ferries</title></head><body><main><article>"
    "<p>Getting your Trinity Audio player ready...</p><div class='trinity-tts-pb'>player</div>"
    "<p>The last boat leaves the harbour at midnight, and comes back at dawn.</p></article></main></body></html>"
)


@functools.cache
def template_markup() -> dict[str, set[str]]:
    """Every element and attribute the templates write, from pages of ordinary text with every part present."""
    from tests.publish.test_pages import make_record

    show = ShowConfig(
        title="Harbour",
        description="News.",
        author="Press",
        link="https://harbour.example/",
        image="https://img.example/cover.jpg",
        base_url=BASE_URL,
    )
    record = make_record()
    pages = [
        episode_page(record, show),
        player_page(record, show),
        show_page(show, [record]),
        show_page(replace(show, image="cover.png"), [record]),
        page_with_player(BENIGN_PAGE, record, show) or "",
    ]
    allowed: dict[str, set[str]] = {}
    for page in pages:
        for tag, attrib in _elements(page) + _start_tags(page):
            allowed.setdefault(tag, set()).update(attrib)
    return allowed


@fuzz(0.5)
@given(show=shows(), episodes=episode_lists)
@example(
    show=ShowConfig(title='" onmouseover="x', author="<script>alert(1)</script>", base_url=BASE_URL),
    episodes=[
        plain_record(
            "<script>alert(1)</script>\x00\x0b\ufffe",
            source="javascript:alert(1)",
            description="' onmouseover='x",
            author='" onmouseover="x',
            site="<img src=x onerror=alert(1)>",
            url="javascript:alert(1)",
        )
    ],
)
@example(show=ShowConfig(image="\ud800", base_url=BASE_URL), episodes=[plain_record("0")])  # quote() raised
@example(
    show=ShowConfig(base_url=BASE_URL), episodes=[plain_record("0", source="\x1bhttps://example.org/")]
)  # lxml raised
def test_every_page_is_well_formed_and_nothing_in_the_text_becomes_markup(
    show: ShowConfig, episodes: list[EpisodeRecord]
) -> None:
    allowed = template_markup()
    record = episodes[0]
    title = _visible_text(record.title.strip() or record.slug)

    root = check_page(episode_page(record, show), allowed, scripts=1)
    assert _visible_text(root.get_element_by_id("episode-title").text_content()) == title
    assert _visible_text(root.findtext(".//title")) == _visible_text(
        f"{record.title.strip() or record.slug} · {show.title}"
    )

    root = check_page(player_page(record, show), allowed, scripts=1)
    assert _visible_text(root.findtext(".//title")) == _visible_text(f"Player: {record.title.strip() or record.slug}")

    root = check_page(show_page(show, episodes), allowed, scripts=1)
    assert _visible_text(root.get_element_by_id("show-title").text_content()) == _visible_text(show.title)
    assert len(root.find_class("episode-card__audio")) == len(episodes)

    copy = page_with_player(BENIGN_PAGE, record, show)
    assert copy is not None
    check_page(copy, allowed, scripts=1)  # the snippet's

    with tempfile.TemporaryDirectory() as out:
        for path in write_episode_pages(Path(out), record, show, BENIGN_PAGE):
            check_page(path.read_text(encoding="utf-8"), allowed, scripts=1)


# Transcripts: one cue per block, every cue's text, whatever it holds.

_TIMING = re.compile(r"^\d{2}:\d{2}:\d{2}[.,]\d{3} --> \d{2}:\d{2}:\d{2}[.,]\d{3}$")


@fuzz(1)
@given(texts=st.lists(any_text, min_size=1, max_size=8), max_chars=st.integers(1, 100))
def test_transcripts_keep_every_cue_and_its_text(texts: list[str], max_chars: int) -> None:
    timed = [TimedText(2.0 * n, 2.0 * n + 1.5, text) for n, text in enumerate(texts)]
    cues = caption_cues(timed, max_chars)
    assert " ".join(c.text for c in cues).split() == " ".join(texts).split()
    lines = [" ".join(c.text.split()) for c in cues]

    vtt = to_webvtt(cues)
    blocks = vtt.split("\n\n")
    assert blocks[0].rstrip("\n") == "WEBVTT"
    assert len(blocks) == len(cues) + 1
    for block, line in zip(blocks[1:], lines):
        timing, text = block.rstrip("\n").split("\n")
        assert _TIMING.match(timing) and "-->" not in text and "<" not in text
        assert html.unescape(text) == line

    srt = to_srt(cues).split("\n\n")
    assert len([b for b in srt if b]) == len(cues)
    for number, (block, line) in enumerate(zip(srt, lines), 1):
        head, timing, text = block.rstrip("\n").split("\n")
        assert head == str(number) and _TIMING.match(timing) and text == line

    segments = json.loads(to_podcast_json(cues))["segments"]
    assert [s["body"] for s in segments] == lines


@pytest.mark.parametrize(
    "markup",
    [
        "<p>An escape&#27;here.</p>",
        "<p>A bell&#7;here.</p>",
        "<p>Not a character&#xFFFE;here.</p>",
        "<p>Not a character&#xFFFF;either.</p>",
        "<p>A form&#12;feed in a paragraph.</p>",
        "A form&#12;feed after the heading.",
        "A form&#xC;feed after the heading.",
    ],
)
def test_a_reference_to_a_control_character_does_not_hide_the_article(markup: str) -> None:
    from narrate.text.html import extract_html

    words = [
        f"Paragraph {n} of the article: the harbour ferry leaves at dawn and comes back at night." for n in range(4)
    ]
    body = "".join(f"<p>{paragraph}</p>" for paragraph in words)
    page = f"<!DOCTYPE html><html><body><article><h1>Ferries</h1>{markup}{body}</article></body></html>"
    markdown = extract_html(page.encode("utf-8")).markdown
    assert all(paragraph in markdown for paragraph in words)


@pytest.mark.parametrize(
    "tag", ["<x:y>", '<og">', "<o:p></o:p>"]  # <x:y> and <og"> found by scripts/fuzz_atheris.py
)
def test_an_odd_tag_name_in_a_split_body_is_read(tag: str) -> None:
    from narrate.text.html import extract_html

    page = (Path(__file__).parent / "data" / "html" / "split-body.html").read_text(encoding="utf-8")
    assert extract_html(page.replace("<main>", "<main>" + tag, 1).encode("utf-8")).markdown


def test_a_year_then_a_long_number_is_no_batch_date() -> None:
    from narrate.batch.sources import _iso_date

    assert _iso_date("1999:" + "8" * 40) is None
