"""What an episode holds besides the article's own paragraphs, and what is derived from where
everything landed in the audio: the spoken intro and outro, chapters, timed sentences for the
transcripts, and the quality report."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from .assembly import PlacedPart
from .chapters import Chapter
from .chunk import make_chunks
from .config import Config
from .models import Article, Block, BlockKind, Chunk
from .transcripts import TimedText


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
    article: Article, config: Config, max_chars: int, to_speech: Callable[[str], str]
) -> list[Chunk]:
    """The article's chunks, with the spoken intro before and the outro after when the config asks."""
    blocks = list(article.blocks)
    intro = intro_text(article) if config.episode.spoken_intro else ""
    if intro:
        blocks.insert(0, Block(BlockKind.INTRO, intro, 0))
    if config.episode.spoken_outro:
        blocks.append(Block(BlockKind.OUTRO, outro_text(article, config.show.title), 0))
    return make_chunks(blocks, max_chars, to_speech=to_speech)


def chapters_of(parts: list[PlacedPart], title: str, duration: float) -> list[Chapter]:
    """One chapter for the opening (from 0) and one per section heading."""
    starts = [(0.0, title)]
    starts += [(p.start, p.text) for p in parts if p.kind == BlockKind.HEADING.value and p.sentences and p.sentences[0].text]
    chapters = []
    for (start, name), following in zip(starts, starts[1:] + [(duration, "")]):
        if following[0] > start:
            chapters.append(Chapter(name, start, following[0]))
    return chapters


def timed_sentences(parts: list[PlacedPart]) -> list[TimedText]:
    """Every spoken sentence with its written text and where its speech starts and ends."""
    timed: list[TimedText] = []
    for part in parts:
        for sentence in part.sentences:
            if sentence.text:
                timed.append(TimedText(sentence.start, sentence.end, sentence.text))
            elif timed:  # a later part of an over-long sentence: it extends the sentence's cue
                last = timed[-1]
                timed[-1] = TimedText(last.start, sentence.end, last.text)
    return timed


def quality_report(
    parts: list[PlacedPart], duration: float, loudness: float | None, true_peak: float, chapters: int
) -> dict[str, float | int | None]:
    """What the build prints and the sidecar keeps: length, loudness, peak, chapters, pace."""
    words = sum(len(s.spoken.split()) for p in parts for s in p.sentences)
    return {
        "duration": round(duration, 3),
        "loudness_lufs": None if loudness is None else round(loudness, 2),
        "true_peak_dbtp": round(true_peak, 2) if true_peak > -200 else None,
        "chapters": chapters,
        "words": words,
        "words_per_minute": round(words / (duration / 60.0), 1) if duration > 0 else None,
    }


def _long_date(iso: str) -> str:
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day:%B} {day.day}, {day.year}"
