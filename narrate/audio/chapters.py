"""Chapters of an episode: Podcasting 2.0 chapters JSON and ID3 CHAP/CTOC frames.

mutagen 1.48 writes CHAP frames ordered by their encoded size, not by start time
(quodlibet/mutagen#506; the fix, PR #539, is unmerged), and ffprobe then lists chapters out of order
(a long first title puts the first chapter last). :class:`ChapterID3` is an :class:`~mutagen.id3.ID3`
that puts its CHAP frames back in start-time order as the tag is written; :func:`add_chapter_frames`
only accepts tags of that class, so chapters are never written in the wrong order by accident.

ffmpeg (5.1, and its current ``read_chapter`` in libavformat/id3v2.c) reads the size of a CHAP
sub-frame as a plain 32-bit integer even in ID3v2.4, where it is syncsafe: from 128 bytes on the two
differ and ffprobe silently drops the whole chapter. Chapter titles in the tag are therefore kept to
:data:`MAX_ID3_TITLE_BYTES` bytes of UTF-8 (shortened with "…"), in v2.3 and v2.4 alike; the chapters
JSON keeps them whole.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass

from mutagen.id3 import CHAP, CTOC, ID3, TIT2, CTOCFlags, Encoding

_UNUSED_OFFSET = 0xFFFFFFFF
"""CHAP byte offsets that mean "not used: go by the times" (ID3v2 Chapter Frame Addendum, 3.1)."""
_MAX_MS = 0xFFFFFFFF
MAX_ID3_TITLE_BYTES = 125
"""Longest chapter title in a CHAP frame, in UTF-8 bytes: with the encoding byte before it and the
NUL mutagen writes after it, the TIT2 sub-frame stays under 128 bytes, where syncsafe and plain sizes
agree (see the module docstring)."""
TOC_ID = "toc"
"""Element id of the one top-level table of contents."""


@dataclass(frozen=True)
class Chapter:
    """One chapter of an episode."""

    title: str
    start: float
    """Seconds from the start of the audio."""
    end: float
    """Seconds; after ``start``."""

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise ValueError("a chapter needs a title")
        if not (math.isfinite(self.start) and math.isfinite(self.end)):
            raise ValueError(f"chapter {self.title!r}: times must be finite ({self.start}, {self.end})")
        if self.start < 0 or self.end <= self.start:
            raise ValueError(f"chapter {self.title!r}: needs 0 <= start < end (got {self.start}, {self.end})")
        if _ms(self.end) > _MAX_MS:
            raise ValueError(f"chapter {self.title!r}: ends too late for ID3 ({self.end} s)")


def _ms(seconds: float) -> int:
    return round(seconds * 1000)


def _in_order(chapters: Iterable[Chapter]) -> list[Chapter]:
    """Chapters sorted by start time; two chapters may not start in the same millisecond."""
    ordered = sorted(chapters, key=lambda chapter: chapter.start)
    for before, after in zip(ordered, ordered[1:]):
        if _ms(after.start) <= _ms(before.start):
            raise ValueError(
                f"chapters {before.title!r} and {after.title!r} start at the same time ({after.start} s)"
            )
    return ordered


def chapters_json(chapters: Iterable[Chapter]) -> str:
    """Podcasting 2.0 chapters JSON (``application/json+chapters``, version 1.2.0), by start time.

    Format: https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/examples/chapters/jsonChapters.md
    """
    document = {
        "version": "1.2.0",
        "chapters": [
            {"startTime": _ms(c.start) / 1000, "endTime": _ms(c.end) / 1000, "title": c.title}
            for c in _in_order(chapters)
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def element_id(index: int) -> str:
    """Element id of the chapter at ``index`` (by start time): ``chp0``, ``chp1``, …"""
    return f"chp{index}"


def id3_title(title: str) -> str:
    """``title`` as written in a CHAP frame: at most :data:`MAX_ID3_TITLE_BYTES` of UTF-8.

    A longer title is cut at the last space that leaves room for "…" (or mid-word when there is none).
    """
    title = " ".join(title.split())
    if len(title.encode("utf-8")) <= MAX_ID3_TITLE_BYTES:
        return title
    room = MAX_ID3_TITLE_BYTES - len("…".encode("utf-8"))
    cut = title.encode("utf-8")[:room].decode("utf-8", errors="ignore")
    if " " in cut.rstrip():
        cut = cut.rstrip()[: cut.rstrip().rindex(" ")]
    return cut.rstrip(" ,;:–—-") + "…"


def add_chapter_frames(id3: ID3, chapters: Iterable[Chapter]) -> None:
    """Replace the chapters in ``id3`` with one CTOC and one CHAP frame per chapter.

    The CTOC (element id ``toc``, top-level and ordered) lists the CHAP element ids (``chp0``,
    ``chp1``, … in start-time order); each CHAP holds start and end in milliseconds, unused byte
    offsets (0xFFFFFFFF) and the title as a TIT2 sub-frame (UTF-8, which mutagen turns into UTF-16
    for v2.3; shortened by :func:`id3_title`). Valid in ID3v2.3 and v2.4 alike.

    ``id3`` must be a :class:`ChapterID3`: a plain mutagen ``ID3`` would write the CHAP frames in
    the wrong order (mutagen#506). Raises ``TypeError`` otherwise, ``ValueError`` if two chapters
    start in the same millisecond.
    """
    if not isinstance(id3, ChapterID3):
        raise TypeError(
            "add_chapter_frames needs a narrate.audio.chapters.ChapterID3 (mutagen's ID3 writes CHAP frames "
            f"out of order, quodlibet/mutagen#506), not {type(id3).__name__}"
        )
    ordered = _in_order(chapters)
    id3.delall("CHAP")
    id3.delall("CTOC")
    if not ordered:
        return
    ids = [element_id(i) for i in range(len(ordered))]
    id3.add(
        CTOC(
            element_id=TOC_ID,
            flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
            child_element_ids=ids,
            sub_frames=[],
        )
    )
    for chapter_id, chapter in zip(ids, ordered):
        id3.add(
            CHAP(
                element_id=chapter_id,
                start_time=_ms(chapter.start),
                end_time=_ms(chapter.end),
                start_offset=_UNUSED_OFFSET,
                end_offset=_UNUSED_OFFSET,
                sub_frames=[TIT2(encoding=Encoding.UTF8, text=id3_title(chapter.title))],
            )
        )


class ChapterID3(ID3):
    """A mutagen ID3 tag that writes its CHAP frames in start-time order.

    mutagen sorts the frames it writes by (importance, encoded size, hash key) in ``ID3._write``, so
    CHAP frames come out shortest first. This class lets mutagen write the frames as usual and then
    moves the CHAP frames, and only them, into start-time order within the places they already
    occupy: the tag keeps its size and every other frame stays where mutagen put it. The frames are
    taken apart with the ID3v2 frame header layout (4-byte id, 4-byte size, 2 flag bytes; the size
    is a syncsafe integer in v2.4 and a plain one in v2.3). Of mutagen's insides only this is relied
    on: ``save()`` gets the frames' bytes from ``_write(config)``, and ``config.v2_version``. Should
    that change, the ffprobe tests in tests/test_chapters.py fail.
    """

    def _write(self, config):  # type: ignore[no-untyped-def]  # mutagen's private hook, called by save()
        data = super()._write(config)
        return _chapters_in_start_order(data, config.v2_version)


def _chapters_in_start_order(frames: bytes, version: int) -> bytes:
    """``frames`` (a run of whole ID3v2 frames) with the CHAP frames sorted by start time."""
    parts: list[bytes] = []
    position = 0
    while position < len(frames):
        if len(frames) - position < 10:
            raise ValueError("truncated ID3 frame header")
        size_field = frames[position + 4 : position + 8]
        if version == 4:  # syncsafe: 7 bits per byte
            size = 0
            for byte in size_field:
                size = (size << 7) | (byte & 0x7F)
        else:
            size = int.from_bytes(size_field, "big")
        end = position + 10 + size
        if end > len(frames):
            raise ValueError("ID3 frame runs past the end of the tag")
        parts.append(frames[position:end])
        position = end
    slots = [i for i, part in enumerate(parts) if part[:4] == b"CHAP"]
    chapters = sorted((parts[i] for i in slots), key=_chap_start)  # stable: equal starts keep their order
    for slot, chapter in zip(slots, chapters):
        parts[slot] = chapter
    return b"".join(parts)


def _chap_start(frame: bytes) -> int:
    """Start time (ms) of a whole CHAP frame: after the header comes the element id, NUL, start."""
    body = frame[10:]
    nul = body.index(b"\x00")
    return int.from_bytes(body[nul + 1 : nul + 5], "big")
