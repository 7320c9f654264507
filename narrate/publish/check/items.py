"""Checking each item (episode): required and recommended tags, unique guids, the enclosure (and the
local audio file it names), dates and numbers, podcast:transcript and podcast:chapters files."""

from __future__ import annotations

import json
import re
from email.utils import parsedate_to_datetime
from pathlib import Path

from lxml import etree

from ..catalog import CONFIG_NAME
from .artwork import ArtworkChecks
from .report import ERROR, WARNING
from .values import _first_line, _is_http_url, _it, _short, _text

_APPLE_MEDIA = frozenset(
    {"audio/mpeg", "audio/x-m4a", "audio/mp4", "audio/aac", "video/mp4", "video/quicktime", "video/x-m4v"}
)
"""Enclosure types Apple Podcasts plays (MP3, M4A/AAC, MP4, MOV, M4V)."""
_TRANSCRIPT_TYPES = frozenset(
    {"text/vtt", "application/x-subrip", "application/srt", "application/json", "text/html", "text/plain"}
)
_CHAPTERS_TYPE = "application/json+chapters"
_DURATION = re.compile(r"^(\d+(\.\d+)?|\d+:[0-5]?\d(\.\d+)?|\d+:[0-5]?\d:[0-5]?\d(\.\d+)?)$")


class ItemChecks(ArtworkChecks):
    """The ``<item>`` elements of the channel, each on its own and against the others."""

    def _items(self, items: list[etree._Element]) -> None:
        guids: dict[str, str] = {}
        enclosures: dict[str, tuple[str, str]] = {}
        for index, item in enumerate(items, 1):
            where = _item_label(item, index)
            title = _text(item.find("title"))
            if not title:
                self._missing(ERROR, where, "title", "give the episode a title (narrate takes it from the article)")
            guid = _text(item.find("guid"))
            if not guid:
                self._missing(ERROR, where, "guid", "run narrate feed: every episode's guid is kept in its episode.json")
            elif guid in guids:
                self.add(
                    "guid-duplicate", ERROR, where, f'guid "{_short(guid)}" is also the guid of {guids[guid]}',
                    "give every episode its own guid (the guid in its episode.json) and run narrate feed",
                )
            else:
                guids[guid] = where
                node = item.find("guid")
                if node is not None and node.get("isPermaLink", "true") == "true" and not _is_http_url(guid):
                    self.add(
                        "guid-permalink", WARNING, where, f'guid "{_short(guid)}" is not a URL but isPermaLink is not "false"',
                        'add isPermaLink="false" to the guid',
                    )
            for tag, name, fix in (
                ("description", "description", "give the episode a description (narrate takes it from the article)"),
                ("pubDate", "pubDate", "run narrate feed: it writes each episode's publication date"),
                (_it("duration"), "itunes:duration", "run narrate feed: it writes each episode's duration"),
            ):
                if not _text(item.find(tag)):
                    self._missing(WARNING, where, name, fix)
            self._enclosure(item, where, enclosures)
            self._pub_date(item, where)
            self._numbers(item, where)
            self._explicit(item, where, required=False)
            image = item.find(_it("image"))
            if image is not None and (image.get("href") or "").strip():
                self._artwork(image.get("href", "").strip(), where)
            self._transcripts(item, where)
            self._chapters(item, where)
            self._text_limits(item, where)

    def _enclosure(self, item: etree._Element, where: str, seen: dict[str, tuple[str, str]]) -> None:
        enclosure = item.find("enclosure")
        if enclosure is None:
            self._missing(ERROR, where, "enclosure", "every episode needs its audio: rebuild it with narrate build")
            return
        url = (enclosure.get("url") or "").strip()
        length = (enclosure.get("length") or "").strip()
        kind = (enclosure.get("type") or "").strip()
        if not _is_http_url(url):
            self.add(
                "enclosure-url", ERROR, where,
                f'enclosure url "{_short(url)}" is not an absolute http(s) URL' if url else "enclosure has no url",
                f"set base_url in the [show] table of {CONFIG_NAME} and run narrate feed",
            )
        size = int(length) if length.isdigit() else None
        if size is None or size == 0:
            self.add(
                "enclosure-length-invalid", ERROR, where,
                f'enclosure length "{_short(length)}" is not a size in bytes' if length else "enclosure has no length",
                "run narrate feed: it writes each file's size in bytes",
            )
        if not kind:
            self.add("enclosure-type", ERROR, where, "enclosure has no type", 'set type="audio/mpeg" (narrate feed writes it)')
        elif kind not in _APPLE_MEDIA:
            audio = kind.startswith("audio/")
            self.add(
                "enclosure-type", WARNING if audio else ERROR, where,
                f'enclosure type "{_short(kind)}" ' + ("is not one Apple Podcasts plays" if audio else "is not audio"),
                'publish MP3 (type="audio/mpeg") or M4A (type="audio/x-m4a")',
            )
        self._ascii_url(url, where, "enclosure url")
        if url:
            if url in seen and seen[url][1] != length:
                self.add(
                    "enclosure-duplicate", ERROR, where,
                    f"enclosure url {_short(url)} is also used by {seen[url][0]} with length {seen[url][1]}, here {length}",
                    "never reuse an episode's URL for other audio: give new audio a new file name (narrate build does)",
                )
            elif url in seen:
                self.add(
                    "enclosure-duplicate", ERROR, where, f"enclosure url {_short(url)} is also used by {seen[url][0]}",
                    "every episode needs its own audio file: remove the duplicate item",
                )
            else:
                seen[url] = (where, length)
        path = self._local(url)
        if path is None:
            return
        if not path.is_file():
            self.add(
                "enclosure-file-missing", ERROR, where, f"enclosure {self._rel(path)} does not exist",
                "rebuild the episode with narrate build, or run narrate feed to leave it out",
            )
            return
        try:
            actual = path.stat().st_size
            with path.open("rb") as handle:
                head = handle.read(4)
        except OSError as exc:
            self.add("enclosure-unreadable", ERROR, where, f"cannot read {self._rel(path)}: {exc.strerror or exc}",
                     "check the file's permissions")
            return
        if size is not None and size != actual:
            self.add(
                "enclosure-length", ERROR, where,
                f"enclosure length is {size} bytes but {self._rel(path)} is {actual} bytes",
                "run narrate feed to rebuild it",
            )
        if kind == "audio/mpeg":
            if not _looks_like_mp3(head):
                self.add(
                    "enclosure-content", ERROR, where, f"{self._rel(path)} is not an MP3 file, but its type is audio/mpeg",
                    "rebuild the episode with narrate build",
                )
            else:
                self._duration_matches(item, where, path)

    def _duration_matches(self, item: etree._Element, where: str, path: Path) -> None:
        stated = _duration_seconds(_text(item.find(_it("duration"))))
        if stated is None:
            return
        import mutagen.mp3  # only needed for local MP3 files

        try:
            actual = mutagen.mp3.MP3(path).info.length
        except (mutagen.MutagenError, OSError) as exc:
            self.add("enclosure-content", ERROR, where, f"{self._rel(path)} cannot be read as MP3 ({_first_line(exc)})",
                     "rebuild the episode with narrate build")
            return
        if abs(actual - stated) > max(2.0, 0.01 * actual):
            self.add(
                "duration-mismatch", WARNING, where,
                f"itunes:duration is {stated:g} s but {self._rel(path)} lasts {actual:.0f} s",
                "run narrate feed to rebuild it",
            )

    def _pub_date(self, item: etree._Element, where: str) -> None:
        value = _text(item.find("pubDate"))
        if not value:
            return
        try:
            parsedate_to_datetime(value)
        except (ValueError, TypeError, IndexError):
            self.add(
                "pubdate-invalid", ERROR, where, f'pubDate "{_short(value)}" is not an RFC 2822 date',
                'write it as "Mon, 02 Feb 2026 10:00:00 +0000" (narrate feed does)',
            )

    def _numbers(self, item: etree._Element, where: str) -> None:
        duration = _text(item.find(_it("duration")))
        if duration and _duration_seconds(duration) is None:
            self.add(
                "duration-invalid", ERROR, where, f'itunes:duration "{_short(duration)}" is not a number of seconds',
                "write the duration in seconds, e.g. 1834 (narrate feed does)",
            )
        for tag, code, label, fix in (
            ("episode", "episode-number", "itunes:episode", f"set numbering = true in {CONFIG_NAME}, or remove it"),
            ("season", "season-number", "itunes:season", f"set season to 1 or more in {CONFIG_NAME}, or 0 to leave it out"),
        ):
            value = _text(item.find(_it(tag)))
            if value and not (value.isdigit() and int(value) > 0):
                self.add(code, ERROR, where, f'{label} is "{_short(value)}", not a whole number above 0', fix)
        episode_type = _text(item.find(_it("episodeType")))
        if episode_type and episode_type not in ("full", "trailer", "bonus"):
            self.add(
                "episode-type", ERROR, where, f'itunes:episodeType is "{_short(episode_type)}"',
                'use "full", "trailer" or "bonus"',
            )

    def _transcripts(self, item: etree._Element, where: str) -> None:
        for tag in item.findall(self._pc("transcript")):
            url = (tag.get("url") or "").strip()
            kind = (tag.get("type") or "").strip()
            if not url or not kind:
                self.add(
                    "transcript-tag", ERROR, where, f"podcast:transcript has no {'url' if not url else 'type'}",
                    "every podcast:transcript needs url and type (run narrate feed)",
                )
                continue
            if kind not in _TRANSCRIPT_TYPES:
                self.add(
                    "transcript-type", WARNING, where, f'podcast:transcript type "{_short(kind)}" is not one apps know',
                    "use text/vtt, application/x-subrip, application/json, text/html or text/plain",
                )
            path = self._local(url)
            if path is None:
                continue
            problem = _transcript_problem(path, kind)
            if problem is not None:
                code, message = problem
                self.add(code, ERROR, where, f"{self._rel(path)} {message}", "rebuild the episode with narrate build")

    def _chapters(self, item: etree._Element, where: str) -> None:
        for tag in item.findall(self._pc("chapters")):
            url = (tag.get("url") or "").strip()
            kind = (tag.get("type") or "").strip()
            if not url or not kind:
                self.add(
                    "chapters-tag", ERROR, where, f"podcast:chapters has no {'url' if not url else 'type'}",
                    f'podcast:chapters needs url and type="{_CHAPTERS_TYPE}" (run narrate feed)',
                )
                continue
            if kind != _CHAPTERS_TYPE:
                self.add(
                    "chapters-type", WARNING, where, f'podcast:chapters type is "{_short(kind)}"',
                    f'use type="{_CHAPTERS_TYPE}"',
                )
            path = self._local(url)
            if path is None:
                continue
            problem = _chapters_problem(path)
            if problem is not None:
                code, message = problem
                self.add(code, ERROR, where, f"{self._rel(path)} {message}", "rebuild the episode with narrate build")


def _transcript_problem(path: Path, kind: str) -> tuple[str, str] | None:
    if not path.is_file():
        return "transcript-file-missing", "does not exist"
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return "transcript-invalid", f"cannot be read as UTF-8 text ({_first_line(exc)})"
    if kind == "text/vtt" and not re.match(r"^WEBVTT([ \t].*)?$", text.split("\n", 1)[0].rstrip("\r")):
        return "transcript-invalid", 'is not WebVTT (the first line is not "WEBVTT")'
    if kind == "application/json":
        try:
            data = json.loads(text)
        except ValueError as exc:
            return "transcript-invalid", f"is not JSON ({_first_line(exc)})"
        if not isinstance(data, dict) or not isinstance(data.get("segments"), list):
            return "transcript-invalid", 'has no "segments" list (Podcasting 2.0 JSON transcript)'
    return None


def _chapters_problem(path: Path) -> tuple[str, str] | None:
    """The Podcasting 2.0 chapters format: {"version": "1.2.0", "chapters": [{"startTime": s, ...}]}."""
    if not path.is_file():
        return "chapters-file-missing", "does not exist"
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return "chapters-invalid", f"is not JSON ({_first_line(exc)})"
    if not isinstance(data, dict) or not isinstance(data.get("version"), str) or not isinstance(data.get("chapters"), list):
        return "chapters-invalid", 'needs "version" and a "chapters" list'
    previous = -1.0
    for index, chapter in enumerate(data["chapters"], 1):
        start = chapter.get("startTime") if isinstance(chapter, dict) else None
        if isinstance(start, bool) or not isinstance(start, (int, float)) or start < 0:
            return "chapters-invalid", f"chapter {index} has no startTime in seconds"
        if start < previous:
            return "chapters-invalid", f"chapter {index} starts at {start:g} s, before the chapter before it"
        previous = start
    return None


def _looks_like_mp3(head: bytes) -> bool:
    return head.startswith(b"ID3") or (len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0)


def _item_label(item: etree._Element, index: int) -> str:
    title = _text(item.find("title"))
    if title:
        return f'item "{_short(title)}"'
    guid = _text(item.find("guid"))
    return f"item {_short(guid)}" if guid else f"item {index}"


def _duration_seconds(value: str) -> float | None:
    if not value or not _DURATION.match(value):
        return None
    seconds = 0.0
    for part in value.split(":"):
        seconds = seconds * 60 + float(part)
    return seconds
