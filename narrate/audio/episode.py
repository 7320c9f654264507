"""What is derived from where everything landed in the episode's audio: chapters, timed sentences
for the transcripts, and the quality report. (The spoken intro and outro are text:
:mod:`narrate.text.framing`.)"""

from __future__ import annotations

from ..models import BlockKind
from .assembly import PlacedPart
from .chapters import Chapter
from .transcripts import TimedText


def chapters_of(parts: list[PlacedPart], title: str, duration: float) -> list[Chapter]:
    """One chapter for the opening (from 0) and one per section heading."""
    starts = [(0.0, title)]
    starts += [(p.start, p.text) for p in parts if p.kind == BlockKind.HEADING.value and p.sentences and p.sentences[0].text]
    chapters = []
    for (start, name), following in zip(starts, starts[1:] + [(duration, "")]):
        if following[0] > start:
            chapters.append(Chapter(name, start, following[0]))
    return chapters


def timed_sentences(parts: list[PlacedPart], *, voices: bool = False) -> list[TimedText]:
    """Every spoken sentence with its written text and where its speech starts and ends; ``voices``:
    with the preset that spoke it (for an episode with a second voice)."""
    timed: list[TimedText] = []
    for part in parts:
        for sentence in part.sentences:
            if sentence.text:
                timed.append(TimedText(sentence.start, sentence.end, sentence.text, sentence.preset if voices else None))
            elif timed:  # a later part of an over-long sentence: it extends the sentence's cue
                last = timed[-1]
                timed[-1] = TimedText(last.start, sentence.end, last.text, last.voice)
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
