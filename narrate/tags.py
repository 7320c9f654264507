"""ID3 tags of an episode, written with mutagen (ID3v2.3, which every player reads)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mutagen import MutagenError
from mutagen.id3 import COMM, ID3, TALB, TCON, TDRC, TIT2, TLEN, TPE1, USLT, Encoding

from .errors import OutputError


@dataclass(frozen=True)
class EpisodeTags:
    title: str
    show: str
    """The show's name, written as the album."""
    author: str | None
    date: str | None
    """ISO 8601 date (YYYY-MM-DD) or year."""
    comment: str
    transcript: str
    """The spoken text, written as unsynchronised lyrics (USLT)."""
    duration: float
    """Seconds; written as TLEN in milliseconds."""
    language: str = "eng"
    """ISO 639-2 code for COMM and USLT."""


def write_tags(path: Path, tags: EpisodeTags) -> None:
    """Replace the ID3 tag of ``path`` with ``tags``."""
    id3 = ID3()
    text = Encoding.UTF16  # ID3v2.3 has no UTF-8; UTF-16 with BOM carries any character
    id3.add(TIT2(encoding=text, text=tags.title))
    id3.add(TALB(encoding=text, text=tags.show))
    if tags.author:
        id3.add(TPE1(encoding=text, text=tags.author))
    if tags.date:
        id3.add(TDRC(encoding=text, text=tags.date))
    id3.add(TCON(encoding=text, text="Podcast"))
    id3.add(COMM(encoding=text, lang=tags.language, desc="", text=tags.comment))
    id3.add(USLT(encoding=text, lang=tags.language, desc="", text=tags.transcript))
    id3.add(TLEN(encoding=Encoding.LATIN1, text=str(round(tags.duration * 1000))))
    id3.update_to_v23()  # before saving as v2.3, or TDRC would be written as a raw v2.4 frame
    try:
        id3.save(path, v2_version=3)
    except (OSError, MutagenError) as exc:  # mutagen wraps I/O errors in its own type
        cause = exc.__cause__ if isinstance(exc, MutagenError) and exc.__cause__ else exc
        reason = getattr(cause, "strerror", None) or cause
        raise OutputError(f"cannot write tags to {path}: {reason}") from exc

