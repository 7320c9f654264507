"""Splitting cleaned blocks into chunks that fit an engine's request limit.

One chunk per paragraph. A paragraph longer than the limit is split at sentence boundaries; a
sentence longer than the limit at clause punctuation, then between words. Nothing is cut inside a
word unless a single "word" is itself longer than the limit.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable

import sentencex

from ..models import Block, BlockKind, Chunk, Sentence

_CLAUSE_BREAK = re.compile(r"(?<=[,;:–—])\s+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPLITTER_INPUT_CAP = 20_000
"""Sentence splitting runs on bounded slices so that no input can make it slow."""


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text``, stripped; joining them with spaces gives back the text's words.

    A sentence only ends where the text has whitespace: the splitter's breaks inside a token (as in
    ``“go.”Then``) are not kept, so no word is ever cut in two.
    """
    segments: list[str] = []
    for piece in _slices(text, _SPLITTER_INPUT_CAP):
        # the splitter takes UTF-8 only: a lone surrogate is given to it as U+FFFD (one code point
        # too), and the segments, which tile its input, are cut from the text itself
        start = 0
        for found in sentencex.segment("en", _SURROGATE.sub("\ufffd", piece)):
            segment, start = piece[start : start + len(found)], start + len(found)
            if segments and not segments[-1][-1:].isspace() and not segment[:1].isspace():
                segments[-1] += segment
            else:
                segments.append(segment)
    sentences = [s.strip() for s in segments]
    return [s for s in sentences if s] or [text.strip()]


def _slices(text: str, size: int) -> list[str]:
    """``text`` in slices of about ``size`` characters, each ending at whitespace when there is any."""
    slices: list[str] = []
    start = 0
    while len(text) - start > size:
        end = text.rfind(" ", start + 1, start + size)
        end = end + 1 if end > start else start + size
        slices.append(text[start:end])
        start = end
    slices.append(text[start:])
    return slices


def make_chunks(
    blocks: list[Block], max_chars: int, *, to_speech: Callable[[str], str] | None = None
) -> list[Chunk]:
    """Chunks for ``blocks``: one per paragraph, split at sentences when over ``max_chars``.

    ``to_speech`` turns written text into the words to speak (lexicon, normalisation); it is applied
    sentence by sentence, and every chunk keeps its sentences, written and spoken, so that each can
    be spoken (and placed in the audio) on its own. An ALL-CAPS heading is spoken in title case, so
    that no engine spells it out letter by letter.
    """
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    chunks: list[Chunk] = []
    for block_index, block in enumerate(blocks):
        if block.kind is BlockKind.HEADING:
            units = [
                unit
                for part in split_text(block.text, max_chars)
                for unit in _fit(part, _speak(to_speech, string.capwords(part) if part.isupper() else part), max_chars)
            ]
        else:
            units = _sentence_units(block.text, max_chars, to_speech)
        for position, group in enumerate(_group_sentences(units, max_chars)):
            written = " ".join(u.text for u in group if u.text)
            spoken = " ".join(u.spoken for u in group)
            chunks.append(Chunk(len(chunks), written, block.kind, block_index, position == 0, spoken, tuple(group)))
    return chunks


def _speak(to_speech: Callable[[str], str] | None, text: str) -> str:
    return " ".join((to_speech(text) if to_speech else text).split())


def _sentence_units(text: str, max_chars: int, to_speech: Callable[[str], str] | None) -> list[Sentence]:
    """A paragraph's sentences, written and spoken; one longer than the limit is cut into parts."""
    units: list[Sentence] = []
    for sentence in split_sentences(" ".join(text.split())):
        units.extend(_fit(sentence, _speak(to_speech, sentence), max_chars))
    return units


def _fit(written: str, spoken: str, max_chars: int) -> list[Sentence]:
    """A sentence as units whose spoken text fits ``max_chars``; none when nothing is spoken."""
    if not spoken:
        return []
    if len(spoken) <= max_chars:
        return [Sentence(written, spoken)]
    if spoken == written:
        return [Sentence(part, part) for part in split_text(written, max_chars)]
    # the written sentence goes with its first spoken part
    parts = split_text(spoken, max_chars)
    return [Sentence(written, parts[0])] + [Sentence("", part) for part in parts[1:]]


def _group_sentences(units: list[Sentence], max_chars: int) -> list[list[Sentence]]:
    """Consecutive sentences grouped while their spoken text stays within the limit."""
    groups: list[list[Sentence]] = []
    size = 0
    for unit in units:
        if groups and size + 1 + len(unit.spoken) <= max_chars:
            groups[-1].append(unit)
            size += 1 + len(unit.spoken)
        else:
            groups.append([unit])
            size = len(unit.spoken)
    return groups


def split_text(text: str, max_chars: int) -> list[str]:
    """``text`` as pieces of at most ``max_chars`` characters, cut at the best boundary available."""
    text = " ".join(text.split())
    if len(text) <= max_chars:
        return [text] if text else []
    pieces: list[str] = []
    for sentence in split_sentences(text):
        if len(sentence) <= max_chars:
            pieces.append(sentence)
        else:
            pieces.extend(_split_long_sentence(sentence, max_chars))
    return _pack(pieces, max_chars)


def _split_long_sentence(sentence: str, max_chars: int) -> list[str]:
    parts: list[str] = []
    for clause in _CLAUSE_BREAK.split(sentence):
        if len(clause) <= max_chars:
            parts.append(clause)
            continue
        for word in clause.split(" "):
            while len(word) > max_chars:  # a single "word" longer than the limit: no better cut exists
                parts.append(word[:max_chars])
                word = word[max_chars:]
            parts.append(word)
    return _pack(parts, max_chars)


def _pack(parts: list[str], max_chars: int) -> list[str]:
    """Join consecutive parts with spaces as long as the result stays within the limit."""
    packed: list[str] = []
    for part in parts:
        if packed and len(packed[-1]) + 1 + len(part) <= max_chars:
            packed[-1] = f"{packed[-1]} {part}"
        else:
            packed.append(part)
    return packed
