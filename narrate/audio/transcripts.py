"""Timed transcripts of an episode: caption cues, WebVTT, SubRip and Podcasting 2.0 JSON.

The input is the episode's sentences (and headings) placed in its audio. Each becomes one caption
cue; a sentence too long to read as one caption is split into a few roughly equal parts, preferably
after clause punctuation, each shown for a share of the sentence's time proportional to its length.

WebVTT and JSON cues are one line of up to 84 characters (:data:`CAPTION_CHARS`). SubRip cues follow
the Podcasting 2.0 transcript guidance for SRT, at most 2 lines of at most 32 characters
(:data:`SRT_LINE_CHARS`, :data:`SRT_LINES`; podcast-namespace docs/examples/transcripts/transcripts.md),
so an SRT file gets more, shorter cues: ``caption_cues(sentences, SRT_LINE_CHARS, max_lines=SRT_LINES)``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

_CLAUSE_END = frozenset(",;:.!?…–—")
"""A word ending in one of these (closing quotes and brackets aside) ends a clause."""
_CLOSERS = "\"'”’»)]}"
CAPTION_CHARS = 84
"""Characters in a one-line WebVTT or JSON cue."""
SRT_LINE_CHARS = 32
"""Characters in a line of an SRT cue (Podcasting 2.0 transcript guidance)."""
SRT_LINES = 2
"""Lines in an SRT cue (Podcasting 2.0 transcript guidance)."""


@dataclass(frozen=True)
class TimedText:
    """One spoken sentence (or heading) placed in the episode's audio."""

    start: float
    """Seconds: where its speech starts."""
    end: float
    """Seconds: where its speech ends."""
    text: str
    """The written text (what a reader sees), not the normalised speech."""
    voice: str | None = None
    """Who speaks it (a voice preset's name), for an episode with more than one voice; else None."""


@dataclass(frozen=True)
class Cue:
    """One caption: text shown from ``start`` to ``end`` (seconds)."""

    start: float
    end: float
    text: str
    voice: str | None = None
    """Who speaks it: a WebVTT voice tag (``<v Name>``) and the JSON segment's ``speaker``."""


def caption_cues(sentences: Sequence[TimedText], max_chars: int = CAPTION_CHARS, *, max_lines: int = 1) -> list[Cue]:
    """One cue per sentence; a sentence longer than ``max_chars`` becomes several cues.

    With ``max_lines`` above 1, ``max_chars`` is the length of a line: a sentence is broken into the
    fewest lines of at most ``max_chars`` characters (as evenly as below; a word longer than a line
    is cut), and every ``max_lines`` lines in turn make one cue, its lines joined by newlines. Each
    cue's time is its lines' share of the sentence's, as for parts.

    Whitespace in a sentence is collapsed to single spaces (a line break would end a cue in WebVTT
    and SubRip), and a sentence with no text gives no cue. A long sentence is split between words,
    never inside one, into the fewest parts of at most ``max_chars`` characters (a single word longer
    than that is a part of its own), as equal in length as possible, preferring breaks after clause
    punctuation (``, ; : . ! ? … – —``) unless that makes the parts clearly unequal. Each part is
    shown for a share of the sentence's time proportional to its characters; the first part starts
    exactly at the sentence's start and the last ends exactly at its end.

    Times are written to the files in whole milliseconds, and cue starts must increase there too: a
    sentence too short to last one millisecond (an engine can return silence, trimmed to nothing)
    has its text added to the cue before it (or to the next one, at the very start); a sentence too
    short to give each part a millisecond is shown whole. With no sentence long enough there are no
    cues.

    Sentences must be in order and not overlap (``0 <= start <= end <= next start``); ``ValueError``
    otherwise. Cue starts then strictly increase and no cue ends after the next one starts.
    """
    if max_chars < 1 or max_lines < 1:
        raise ValueError(f"max_chars and max_lines must be at least 1 (got {max_chars}, {max_lines})")
    shown: list[list] = []  # [start, end, text] of each sentence long enough to show
    waiting = ""  # text of too-short sentences before the first shown one
    previous_end = 0.0
    for index, sentence in enumerate(sentences):
        start, end = sentence.start, sentence.end
        if not (math.isfinite(start) and math.isfinite(end)) or start < 0 or end < start:
            raise ValueError(f"sentence {index}: needs 0 <= start <= end (got {start}, {end})")
        if start < previous_end:
            raise ValueError(f"sentence {index} starts at {start} s, before the one before it ends ({previous_end} s)")
        previous_end = end
        text = " ".join(sentence.text.split())
        if not text:
            continue
        if _ms(end) <= _ms(start):
            if shown:
                shown[-1][2] += " " + text
            else:
                waiting = f"{waiting} {text}".lstrip()
            continue
        shown.append([start, end, f"{waiting} {text}".lstrip(), sentence.voice])
        waiting = ""
    cues: list[Cue] = []
    for start, end, text, voice in shown:
        cues.extend(replace(cue, voice=voice) for cue in _sentence_cues(start, end, text, max_chars, max_lines))
    return cues


def _ms(seconds: float) -> int:
    return round(seconds * 1000)


def _sentence_cues(start: float, end: float, text: str, max_chars: int, max_lines: int = 1) -> list[Cue]:
    if max_lines == 1:
        parts = split_caption(text, max_chars)
    else:
        lines = split_caption(" ".join(_cut_long_words(text.split(), max_chars)), max_chars)
        parts = ["\n".join(lines[i : i + max_lines]) for i in range(0, len(lines), max_lines)]
        text = "\n".join(lines)
    total = sum(len(part) for part in parts)
    bounds = [start]
    done = 0
    for part in parts[:-1]:
        done += len(part)
        bounds.append(start + (end - start) * done / total)
    bounds.append(end)
    if any(_ms(after) <= _ms(before) for before, after in zip(bounds, bounds[1:])):
        return [Cue(start, end, text)]  # too short to split: one cue, whatever its length
    return [Cue(bounds[i], bounds[i + 1], part) for i, part in enumerate(parts)]


def _cut_long_words(words: list[str], max_chars: int) -> list[str]:
    """``words`` with every word longer than ``max_chars`` (a URL, say) cut into pieces that fit."""
    out: list[str] = []
    for word in words:
        out.extend(word[i : i + max_chars] for i in range(0, len(word), max_chars))
    return out


def split_caption(text: str, max_chars: int = CAPTION_CHARS) -> list[str]:
    """``text`` (whitespace collapsed) as the caption parts :func:`caption_cues` shows."""
    words = text.split()
    if not words:
        return []
    joined = " ".join(words)
    if len(joined) <= max_chars:
        return [joined]
    breaks = _best_breaks(words, max_chars)
    return [" ".join(words[i:j]) for i, j in zip([0, *breaks], [*breaks, len(words)])]


def _ends_clause(word: str) -> bool:
    stripped = word.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _CLAUSE_END


def _best_breaks(words: list[str], max_chars: int) -> list[int]:
    """Word indexes where the parts start (after the first): fewest parts, then most even.

    Dynamic programming over break positions. A part is ``words[i:j]``; it fits when its text is at
    most ``max_chars`` long or it is a single word. Among partitions into the fewest fitting parts
    (lexicographic order of (parts, cost)), the cost is the sum of squared differences between each
    part's length and the mean part length, plus a penalty for each break not after a clause: the
    penalty equals moving one break by a quarter of ``max_chars`` from the even split.
    """
    n = len(words)
    lengths = [len(word) for word in words]
    # the fewest parts: greedy packing is optimal for a maximum-length constraint
    parts, current = 1, lengths[0]
    for length in lengths[1:]:
        if current + 1 + length <= max_chars:
            current += 1 + length
        else:
            parts, current = parts + 1, length
    mean = (sum(lengths) + n - 1) / parts
    penalty = 2 * (max_chars / 4) ** 2
    inf = (math.inf, math.inf)
    best: list[tuple[float, float]] = [(0, 0.0)] + [inf] * n
    back = [0] * (n + 1)
    for j in range(1, n + 1):
        width = -1  # length of " ".join(words[i:j]), grown as i moves left
        for i in range(j - 1, -1, -1):
            width += lengths[i] + 1
            if width > max_chars and i < j - 1:
                break
            if best[i] == inf:
                continue
            cost = best[i][1] + (width - mean) ** 2
            if j < n and not _ends_clause(words[j - 1]):
                cost += penalty
            candidate = (best[i][0] + 1, cost)
            if candidate < best[j]:
                best[j], back[j] = candidate, i
    breaks = []
    j = n
    while j > 0:
        j = back[j]
        if j:
            breaks.append(j)
    return breaks[::-1]


def _timestamp(seconds: float, separator: str) -> str:
    millis = _ms(seconds)
    if millis < 0:
        raise ValueError(f"a cue time cannot be negative ({seconds} s)")
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _lines(text: str) -> str:
    """``text`` with each of its lines made one line, empty ones dropped (an empty line ends a cue)."""
    return "\n".join(line for line in map(_one_line, text.splitlines()) if line)


def _escape_vtt(text: str) -> str:
    """WebVTT cue text escapes: ``&``, ``<`` and ``>`` as character references (W3C WebVTT, 4.2.2;
    ``>`` too, so that ``-->`` never appears in a cue)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_webvtt(cues: Iterable[Cue]) -> str:
    """A WebVTT file: ``WEBVTT``, then each cue as ``HH:MM:SS.mmm --> HH:MM:SS.mmm`` and its text.

    Times are rounded to the millisecond; text is put on one line and escaped. A cue with a voice
    starts with a voice tag, ``<v Name>``.
    """
    blocks = ["WEBVTT\n"]
    for cue in cues:
        timing = f"{_timestamp(cue.start, '.')} --> {_timestamp(cue.end, '.')}"
        tag = f"<v {_escape_vtt(_one_line(cue.voice))}>" if cue.voice else ""
        blocks.append(f"{timing}\n{tag}{_escape_vtt(_one_line(cue.text))}\n")
    return "\n".join(blocks)


def to_srt(cues: Iterable[Cue]) -> str:
    """A SubRip file: numbered cues, ``HH:MM:SS,mmm --> HH:MM:SS,mmm``, then the cue's lines (a cue's
    text is one line unless it holds newlines, as the cues of ``caption_cues(…, max_lines=2)`` do).

    SubRip has no escapes: ``<`` and ``&`` are written as they are (players show them as text, except
    the few formatting tags some players know, such as ``<i>``).
    """
    blocks = [
        f"{number}\n{_timestamp(cue.start, ',')} --> {_timestamp(cue.end, ',')}\n{_lines(cue.text)}\n"
        for number, cue in enumerate(cues, start=1)
    ]
    return "\n".join(blocks)


def to_podcast_json(cues: Iterable[Cue], *, speaker: str | None = None) -> str:
    """Podcasting 2.0 JSON transcript (``application/json``, version 1.0.0).

    ``{"version": "1.0.0", "segments": [{"speaker", "startTime", "endTime", "body"}]}``, times in
    seconds rounded to the millisecond (as in the WebVTT and SubRip files); ``speaker`` is left out
    when not given (a cue's own voice, when it has one, is its segment's speaker).
    Format: https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/examples/transcripts/transcripts.md
    """
    segments = []
    for cue in cues:
        who = cue.voice or speaker
        segment: dict[str, object] = {} if who is None else {"speaker": who}
        segment.update(startTime=_ms(cue.start) / 1000, endTime=_ms(cue.end) / 1000, body=_one_line(cue.text))
        segments.append(segment)
    return json.dumps({"version": "1.0.0", "segments": segments}, ensure_ascii=False, indent=2) + "\n"
