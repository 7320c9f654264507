"""ID3 tags of an episode, written with mutagen (ID3v2.3 by default, which every player reads).

Frames (see ../shared/reference/podcast-standards.md): TIT2 title, TPE1 author, TALB show, TDRC date
(TYER/TDAT in v2.3), TCON "Podcast", COMM show notes, USLT transcript, TLEN duration, APIC cover,
WOAS article URL, the iTunes podcast frames PCST, WFED (a text frame, as Apple writes it), TGID and
TDES, and chapters (CTOC + CHAP, :mod:`narrate.audio.chapters`).
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from mutagen import MutagenError
from mutagen.id3 import (
    APIC,
    COMM,
    PCST,
    TALB,
    TCON,
    TDES,
    TDRC,
    TGID,
    TIT2,
    TLEN,
    TPE1,
    USLT,
    WOAS,
    Encoding,
    Frames,
    ID3NoHeaderError,
    PictureType,
    TextFrame,
)
from PIL import Image, ImageOps, UnidentifiedImageError

from ..errors import InputError, OutputError
from ..fsutil import atomic_path
from .chapters import Chapter, ChapterID3, add_chapter_frames

COVER_MAX_SIDE = 800
"""Longest side of the embedded cover, in pixels (the feed's own image is the large one)."""
COVER_MAX_BYTES = 300_000
"""Largest embedded cover: the tag sits before the audio, so players fetch it before they can play."""
_JPEG_QUALITIES = (90, 85, 80, 75, 70, 60, 50, 40, 30)


class WFED(TextFrame):
    """iTunes podcast feed URL, written as Apple writes it: a *text* frame (encoding byte + text).

    mutagen's own ``WFED`` is a URL frame, with no encoding byte. TagLib ("Apple proprietary WFED
    (Podcast URL) ... are in fact text frames", id3v2framefactory.cpp), eyeD3 (``id3/apple.py``),
    lofty and symphonia read WFED as a text frame, so from mutagen's URL frame they take the first
    letter of the URL for the encoding byte (eyeD3 shows "ttps://…"). This class writes the text
    frame (mutagen names a frame after its class); mutagen, in turn, reads it as an empty URL.
    """


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
    description: str | None = None
    """The episode's description (iTunes TDES frame)."""
    article_url: str | None = None
    """Where the article was read from (WOAS, "official audio source webpage")."""
    feed_url: str | None = None
    """The podcast feed's URL (iTunes WFED frame, written as Apple does: a text frame; see :class:`WFED`)."""
    guid: str | None = None
    """The episode's guid, as in the feed (iTunes TGID frame)."""
    cover: bytes | None = field(default=None, repr=False)
    """The cover image file's bytes, any format Pillow reads; embedded as a JPEG of at most
    :data:`COVER_MAX_SIDE` pixels and :data:`COVER_MAX_BYTES` bytes (APIC, front cover)."""
    chapters: Sequence[Chapter] = ()
    """Chapters, written as CTOC + CHAP frames; none by default."""
    podcast: bool = True
    """Mark the file as a podcast episode (iTunes PCST frame)."""


def write_tags(path: Path, tags: EpisodeTags, *, version: int = 3) -> list[str]:
    """Replace the ID3 tag of ``path`` with ``tags``, as ID3v2.3 (default) or v2.4 (``version=4``).

    Returns warnings for what could not be written but did not stop the rest: today only a cover
    image that cannot be read, which is left out (no APIC frame). Raises ``OutputError`` when the
    file cannot be written and ``ValueError`` for a version other than 3 or 4.
    """
    if version not in (3, 4):
        raise ValueError(f"ID3 version must be 3 or 4 (got {version})")
    warnings: list[str] = []
    # ID3v2.3 has no UTF-8 (mutagen would turn it into UTF-16 anyway); v2.4 has, and it is smaller
    text = Encoding.UTF8 if version == 4 else Encoding.UTF16
    id3 = ChapterID3()  # a plain mutagen ID3 writes CHAP frames in the wrong order (mutagen#506)
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
    if tags.description:
        id3.add(TDES(encoding=text, text=tags.description))
    if tags.guid:
        id3.add(TGID(encoding=text, text=tags.guid))
    if _is_http_url(tags.article_url):  # never a javascript: or file: link a player might open
        id3.add(WOAS(url=tags.article_url))
    if tags.feed_url:
        # Apple's format (see WFED above); Latin-1 for the usual ASCII URL, as small as a URL frame
        id3.add(WFED(encoding=Encoding.LATIN1 if tags.feed_url.isascii() else text, text=tags.feed_url))
    if tags.podcast:
        id3.add(PCST(value=0))  # four zero bytes, as iTunes, TagLib and eyeD3 write it
    if tags.cover is not None:
        try:
            jpeg = cover_jpeg(tags.cover)
        except InputError as exc:
            warnings.append(f"cover left out of {path.name}: {exc}")
        else:
            id3.add(APIC(encoding=Encoding.LATIN1, mime="image/jpeg", type=PictureType.COVER_FRONT, desc="", data=jpeg))
    add_chapter_frames(id3, tags.chapters)
    if version == 3:
        id3.update_to_v23()  # before saving as v2.3, or TDRC would be written as a raw v2.4 frame
    try:
        id3.save(path, v2_version=version)
    except (OSError, MutagenError) as exc:  # mutagen wraps I/O errors in its own type
        raise OutputError(f"cannot write tags to {path}: {_reason(exc)}") from exc
    return warnings


_READ_FRAMES = {**Frames, "WFED": WFED}
"""mutagen's frame classes with narrate's text-frame WFED, so that a loaded tag holds the feed URL."""


def read_feed_url(path: Path) -> str | None:
    """The feed URL in the WFED frame of ``path``'s tag; None when it has none (or no tag).

    Raises ``OutputError`` when the file cannot be read.
    """
    return _feed_url_of(_load(path))


def set_feed_url(path: Path, url: str) -> str | None:
    """Make the WFED frame of ``path`` say ``url`` (the show's feed moved: base_url changed).

    Only that frame changes: the tag is read with mutagen (chapters keep their start-time order,
    :class:`~narrate.audio.chapters.ChapterID3`) and saved in the same ID3 version into a copy that
    replaces the file in one step, so a reader never sees a half-written file. The audio frames, and
    with them the hash in the file's name, stay as they were. Nothing is written when the frame
    already says ``url``. Returns the URL the frame held before (None when it had none). Raises
    ``OutputError`` when the file cannot be read or written.
    """
    id3 = _load(path)
    old = _feed_url_of(id3)
    if old == url:
        return old
    version = 4 if id3.version >= (2, 4, 0) else 3
    text = Encoding.UTF8 if version == 4 else Encoding.UTF16
    id3.delall("WFED")
    id3.add(WFED(encoding=Encoding.LATIN1 if url.isascii() else text, text=url))
    if version == 3:
        id3.update_to_v23()
    try:
        with atomic_path(path) as temp:
            temp.write_bytes(path.read_bytes())
            id3.save(temp, v2_version=version)
    except (OSError, MutagenError) as exc:
        raise OutputError(f"cannot write tags to {path}: {_reason(exc)}") from exc
    return old


def _load(path: Path) -> ChapterID3:
    try:
        return ChapterID3(path, known_frames=_READ_FRAMES)
    except ID3NoHeaderError:
        return ChapterID3()
    except (OSError, MutagenError) as exc:
        raise OutputError(f"cannot read the tags of {path}: {_reason(exc)}") from exc


def _feed_url_of(id3: ChapterID3) -> str | None:
    frames = id3.getall("WFED")
    texts = [str(t) for frame in frames for t in getattr(frame, "text", [])]
    return texts[0] if texts else None


def _reason(exc: BaseException) -> object:
    cause = exc.__cause__ if isinstance(exc, MutagenError) and exc.__cause__ else exc
    return getattr(cause, "strerror", None) or cause


def _is_http_url(url: str | None) -> bool:
    """True for an absolute http(s) URL with a host (an article's canonical link may be anything)."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


@functools.lru_cache(maxsize=2)
def cover_jpeg(data: bytes, *, max_side: int = COVER_MAX_SIDE, max_bytes: int = COVER_MAX_BYTES) -> bytes:
    """An image file's bytes as a baseline RGB JPEG for APIC: longest side ≤ ``max_side`` pixels,
    at most ``max_bytes`` bytes. The last two conversions are kept: a show's cover goes into every
    episode's tag, and a build converts it while the first sentences are spoken, before the tag needs it.

    The image is turned upright by its EXIF orientation, flattened onto white when it has
    transparency, scaled down (never up), and saved at the highest quality from 90 down to 30 that
    fits; if even quality 30 is too large, it is scaled down further. Raises ``InputError`` when the
    bytes are not an image Pillow can read.
    """
    try:
        with Image.open(io.BytesIO(data)) as opened:
            opened.load()
            image = ImageOps.exif_transpose(opened)
            image = _flatten(image)
    except UnidentifiedImageError as exc:
        raise InputError("the cover is not an image file Pillow can read") from exc
    except Exception as exc:  # Pillow raises many types for damaged files (OSError, SyntaxError, …)
        raise InputError(f"the cover image is damaged ({exc})") from exc
    if max(image.size) > max_side:
        image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    while True:
        for quality in _JPEG_QUALITIES:
            out = io.BytesIO()
            image.save(out, format="JPEG", quality=quality, optimize=True)
            if out.tell() <= max_bytes:
                return out.getvalue()
        if max(image.size) <= 16:  # cannot happen for real byte limits; stops the loop regardless
            raise InputError(f"the cover image does not fit in {max_bytes} bytes")
        image = image.resize((max(1, image.width * 3 // 4), max(1, image.height * 3 // 4)), Image.Resampling.LANCZOS)


def _flatten(image: Image.Image) -> Image.Image:
    """RGB, with any transparency composited onto white."""
    if image.mode == "P" and "transparency" in image.info:
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    if image.mode.startswith("I;16") or image.mode == "I":  # 16-bit greyscale (PNG): scale to 8 bits
        image = image.convert("I").point(lambda value: value / 256).convert("L")
    return image.convert("RGB")
