"""Splitting cleaned blocks into chunks that fit an engine's request limit.

One chunk per paragraph. A paragraph longer than the limit is split at sentence boundaries; a
sentence longer than the limit at clause punctuation, then between words. Nothing is cut inside a
word unless a single "word" is itself longer than the limit.
"""

from __future__ import annotations

import re

import sentencex

from .models import Block, Chunk

_CLAUSE_BREAK = re.compile(r"(?<=[,;:–—])\s+")
_SPLITTER_INPUT_CAP = 20_000
"""Sentence splitting runs on bounded slices so that no input can make it slow."""


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text``, stripped; joining them with spaces gives back the text's words."""
    sentences: list[str] = []
    for start in range(0, len(text), _SPLITTER_INPUT_CAP):
        piece = text[start : start + _SPLITTER_INPUT_CAP]
        sentences.extend(s.strip() for s in sentencex.segment("en", piece))
    return [s for s in sentences if s] or [text.strip()]


def make_chunks(blocks: list[Block], max_chars: int) -> list[Chunk]:
    """Chunks for ``blocks``, each at most ``max_chars`` characters long."""
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    chunks: list[Chunk] = []
    for block_index, block in enumerate(blocks):
        for position, text in enumerate(split_text(block.text, max_chars)):
            chunks.append(Chunk(len(chunks), text, block.kind, block_index, position == 0))
    return chunks


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
