"""What narrate would read out, without speaking it: the library side of ``narrate clean``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .config import Config, load_config
from .errors import InputError
from .models import Article, BlockKind, Chunk
from .speech.routing import choose_voice
from .speech.words import speech_function
from .text.chunk import make_chunks
from .text.language import canonical
from .text.reader import FALLBACK_LANGUAGE, LanguagePolicy, read_article

_PREVIEW_CHUNK = 10_000
"""Chunk size for the preview: large, so that chunks follow paragraphs."""


@dataclass(frozen=True)
class Preview:
    article: Article
    chunks: list[Chunk]
    """One chunk per block (or per long piece of one), with its spoken form."""

    def display_text(self) -> str:
        return self.article.spoken_text

    def spoken_text(self) -> str:
        """The normalised words, one paragraph per block."""
        blocks: dict[int, list[str]] = {}
        for chunk in self.chunks:
            blocks.setdefault(chunk.block, []).append(chunk.speech)
        return "\n\n".join(" ".join(parts) for _, parts in sorted(blocks.items()))

    def removed_lines(self) -> str:
        width = max((len(r.rule) for r in self.article.removed), default=0)
        return "\n".join(
            f"{r.line:>5}  {r.rule:<{width}}  {r.text}" if r.line else f"    -  {r.rule:<{width}}  {r.text}"
            for r in self.article.removed
        )

    def to_json(self) -> str:
        article = self.article
        data = {
            "title": article.title,
            "title_source": article.title_source,
            "author": article.author,
            "date": article.date,
            "site": article.site,
            "url": article.url,
            "language": article.language,
            "language_source": article.language_source,
            "image": article.image,
            "source": article.source,
            "sections": article.sections,
            "blocks": [
                {"kind": block.kind.value, "text": block.text, "line": block.line} for block in article.blocks
            ],
            "paragraphs": [b.text for b in article.blocks if b.kind is BlockKind.PARAGRAPH],
            "spoken_text": self.spoken_text(),
            "removed": [{"line": r.line, "rule": r.rule, "text": r.text} for r in article.removed],
        }
        return json.dumps(data, ensure_ascii=False, indent=2)


def preview(
    source: str | Path,
    *,
    title: str | None = None,
    voice: str | Path | None = None,
    config: Config | Path | None = None,
    language: str | None = None,
) -> Preview:
    """Read and clean ``source`` and work out what would be spoken: in the article's language, with
    the lexicon of ``voice`` (else of the voice its language is routed to)."""
    cfg = config if isinstance(config, Config) else load_config(config, out_dir=Path("output"))
    if language is not None and canonical(language) is None:
        raise InputError(f"'{language}' is not a language tag (write e.g. es, fr or pt-BR)")
    policy = LanguagePolicy(given=canonical(language) if language else None, assumed=cfg.build.assumed_language)
    article = read_article(source, title=title, rules=cfg.line_rules, limits=cfg.intake.limits(), language=policy)
    spoken_in = article.language or FALLBACK_LANGUAGE
    choice = choose_voice(spoken_in, voice, cfg.voices, default=cfg.build.voice)
    to_speech = speech_function(choice.preset, spoken_in)
    chunks = make_chunks(article.blocks, _PREVIEW_CHUNK, to_speech=to_speech, language=spoken_in)
    return Preview(article, chunks)
