"""The words that frame an article in its episode: the spoken intro ("<title>, by <author>,
published <date>, on <site>.") and outro, and the article's chunks between them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..models import Article, Block, BlockKind, Chunk
from .chunk import make_chunks


def intro_text(article: Article) -> str:
    """"<title>, by <author>, published <date>, on <site>." with the parts that are known.

    A title cut from the first sentence is not read out (the listener hears that sentence anyway).
    """
    parts = [] if _cut_title(article) else [article.title.rstrip(".")]
    if article.author:
        parts.append(f"by {article.author}" if parts else f"An article by {article.author}")
    if article.date:
        parts.append(f"published {_long_date(article.date)}" if parts else f"Published {_long_date(article.date)}")
    if article.site:
        parts.append(f"on {article.site}" if parts else f"From {article.site}")
    return ", ".join(parts) + "." if parts else ""


def outro_text(article: Article, show_title: str) -> str:
    by = f" by {article.author}" if article.author else ""
    if _cut_title(article):
        return f"That was an article{by}. You are listening to {show_title}."
    return f"That was {article.title.rstrip('.')}{',' if by else ''}{by}. You are listening to {show_title}."


def _cut_title(article: Article) -> bool:
    return article.title_source == "derived" and article.title.endswith("…")


def episode_chunks(
    article: Article,
    max_chars: int,
    to_speech: Callable[[str], str],
    *,
    spoken_intro: bool,
    spoken_outro: bool,
    show_title: str,
) -> list[Chunk]:
    """The article's chunks, with the spoken intro before and the outro after when asked for."""
    blocks = list(article.blocks)
    intro = intro_text(article) if spoken_intro else ""
    if intro:
        blocks.insert(0, Block(BlockKind.INTRO, intro, 0))
    if spoken_outro:
        blocks.append(Block(BlockKind.OUTRO, outro_text(article, show_title), 0))
    return make_chunks(blocks, max_chars, to_speech=to_speech)


def _long_date(iso: str) -> str:
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day:%B} {day.day}, {day.year}"
