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

from .models import Block, BlockKind, Chunk

_CLAUSE_BREAK = re.compile(r"(?<=[,;:–—])\s+")
_SPLITTER_INPUT_CAP = 20_000
"""Sentence splitting runs on bounded slices so that no input can make it slow."""


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text``, stripped; joining them with spaces gives back the text's words.

    A sentence only ends where the text has whitespace: the splitter's breaks inside a token (as in
    ``“go.”Then``) are not kept, so no word is ever cut in two.
    """
    segments: list[str] = []
    for piece in _slices(text, _SPLITTER_INPUT_CAP):
        for segment in sentencex.segment("en", piece):
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
    """Chunks for ``blocks``; the text sent to the engine (``Chunk.spoken``) is at most ``max_chars``.

    ``to_speech`` turns written text into the words to speak (lexicon, normalisation); it is applied
    sentence by sentence, so every chunk's written text and spoken text cover the same sentences.
    An ALL-CAPS heading is spoken in title case, so that no engine spells it out letter by letter.
    """
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    chunks: list[Chunk] = []
    for block_index, block in enumerate(blocks):
        text = block.text
        if block.kind is BlockKind.HEADING and text.isupper():
            pieces = [(p, p) for p in split_text(text, max_chars)]
            pieces = [(p, _speak(to_speech, string.capwords(p))) for p, _ in pieces]
        elif to_speech is None:
            pieces = [(p, p) for p in split_text(text, max_chars)]
        else:
            pieces = _spoken_pieces(text, max_chars, to_speech)
        for position, (written, spoken) in enumerate(pieces):
            chunks.append(Chunk(len(chunks), written, block.kind, block_index, position == 0, spoken))
    return chunks


def _speak(to_speech: Callable[[str], str] | None, text: str) -> str:
    return " ".join((to_speech(text) if to_speech else text).split())


def _spoken_pieces(text: str, max_chars: int, to_speech: Callable[[str], str]) -> list[tuple[str, str]]:
    """(written, spoken) pieces of a paragraph: whole sentences, packed up to the limit."""
    units: list[tuple[str, str]] = []
    for sentence in split_sentences(" ".join(text.split())):
        spoken = _speak(to_speech, sentence)
        if len(spoken) <= max_chars:
            units.append((sentence, spoken))
        elif spoken == sentence:
            units.extend((part, part) for part in split_text(sentence, max_chars))
        else:  # the written sentence goes with its first spoken part
            parts = split_text(spoken, max_chars)
            units.append((sentence, parts[0]))
            units.extend(("", part) for part in parts[1:])
    packed: list[tuple[str, str]] = []
    for written, spoken in units:
        if packed and len(packed[-1][1]) + 1 + len(spoken) <= max_chars:
            previous_written, previous_spoken = packed[-1]
            packed[-1] = (" ".join(filter(None, (previous_written, written))), f"{previous_spoken} {spoken}")
        else:
            packed.append((written, spoken))
    return [(w, s) for w, s in packed if s]


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
