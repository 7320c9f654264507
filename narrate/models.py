"""The data that flows through the pipeline: article -> blocks -> chunks -> clips -> episode."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

import numpy as np


class BlockKind(str, Enum):
    """What a block of article text is."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    INTRO = "intro"
    """Spoken before the article: its title, author, date and site."""
    OUTRO = "outro"


@dataclass(frozen=True)
class Block:
    """One paragraph or section heading of the cleaned article, in reading order."""

    kind: BlockKind
    text: str
    """The text as written (after boilerplate removal)."""
    line: int
    """1-based line number in the source where the block starts."""


@dataclass(frozen=True)
class RemovedLine:
    """A source line that is not spoken, and the rule that took it out."""

    line: int
    """1-based line number in the source."""
    text: str
    rule: str
    """Name of the cleaning rule that removed it (or moved it to metadata)."""


@dataclass
class Article:
    """A cleaned article: metadata plus the blocks to be spoken."""

    title: str
    blocks: list[Block]
    author: str | None = None
    date: str | None = None
    """Publication date, ISO 8601 (YYYY-MM-DD), when the article states one."""
    site: str | None = None
    title_source: str = "derived"
    """Where the title came from: "given", "found" (in the text) or "derived" (from the first sentence)."""
    removed: list[RemovedLine] = field(default_factory=list)
    source: str = ""
    """Where the article was read from: an absolute path, a URL, or "-" for standard input."""
    url: str | None = None
    """The article's canonical URL, when known."""
    language: str | None = None
    """The article's language (BCP 47, e.g. "es" or "pt-BR")."""
    language_source: str = ""
    """What said it: "given" (--language, a manifest), "front matter", "page" (its HTML or HTTP
    headers), "config" ([build] language), "detected" (from the text) or "fallback"."""
    image: str | None = None
    """URL of the article's lead image, when known."""
    content_sha256: str = ""
    """Hash of the source bytes as read (changes when the article is edited)."""
    html: str | None = field(default=None, repr=False)
    """The original page, decoded, when the article came from HTML (for the copy with a player)."""

    @property
    def spoken_text(self) -> str:
        """Everything that is spoken, one block per paragraph."""
        return "\n\n".join(block.text for block in self.blocks)

    @property
    def sections(self) -> list[str]:
        return [block.text for block in self.blocks if block.kind is BlockKind.HEADING]


@dataclass(frozen=True)
class Sentence:
    """A sentence as written and as spoken (normalised); the unit the engine is asked to speak."""

    text: str
    """As written; empty for the second and later parts of a sentence too long for one request."""
    spoken: str
    quoted: bool = False
    """Inside quotation marks (:mod:`narrate.text.quotes`): a preset's ``quote_voice`` speaks it."""


@dataclass(frozen=True)
class Chunk:
    """A piece of text sent to the engine in one request."""

    index: int
    text: str
    kind: BlockKind
    block: int
    """Index of the block this chunk belongs to."""
    first_in_block: bool
    """True for the first chunk of its block (a paragraph or heading pause comes before it)."""
    spoken: str = ""
    """The words sent to the engine (normalised for speech); the written text when empty."""
    sentences: tuple[Sentence, ...] = ()
    """The chunk's sentences, each spoken on its own so that its place in the audio is known."""

    @property
    def speech(self) -> str:
        return self.spoken or self.text

    @property
    def units(self) -> tuple[Sentence, ...]:
        """The sentences to speak (the whole chunk as one when it was made without them)."""
        return self.sentences or (Sentence(self.text, self.speech),)


@dataclass(frozen=True)
class Clip:
    """Mono PCM audio as returned by an engine."""

    samples: np.ndarray
    """float32 samples in [-1, 1], one channel."""
    sample_rate: int

    @property
    def duration(self) -> float:
        return len(self.samples) / self.sample_rate


@dataclass(frozen=True)
class PlacedChunk:
    """Where a chunk sits in the episode's audio."""

    chunk: Chunk
    pause_before: float
    """Seconds of silence inserted before the chunk."""
    start: float
    """Start of the chunk's speech, in seconds from the start of the episode."""
    duration: float
    """Length of the chunk's speech, in seconds."""
