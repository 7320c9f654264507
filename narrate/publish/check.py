"""Checking a podcast feed against what Apple Podcasts, Spotify and Podcasting 2.0 apps require.

``check_feed`` takes an output folder (its ``feed.xml`` and every local file the feed points at), a
feed file (local files are looked up beside it), or an http(s) URL (the feed alone: nothing it points
at is downloaded). It returns every :class:`Problem` found, each with a stable code, a one-line
message and a one-line fix; only a target that cannot be read at all raises (an
:class:`~narrate.errors.InputError`).

Where the rules come from (see also the team's reference/podcast-standards.md):

- Apple, "A Podcaster's Guide to RSS" and the Apple Podcasts artwork requirements: required and
  recommended tags, ``itunes:explicit`` as true/false, the category list, descriptions of at most
  4000 bytes, values of at most 255 characters, cover art 1400-3000 px square JPEG/PNG in RGB with an
  extension that matches its real type, enclosure with url/length/type, unique guids.
- The PSP-1 Podcast RSS specification: ``atom:link rel="self"``, RFC 2822 dates.
- The Podcasting 2.0 namespace: ``podcast:guid`` (a UUID), ``podcast:locked`` (yes/no),
  ``podcast:transcript`` and ``podcast:chapters`` (url and type; the chapters JSON format).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from lxml import etree

from ..errors import InputError
from ..text.fetch import FetchLimits, fetch_url
from . import categories
from .feed import FEED_NAME

__all__ = ["FEED_TYPES", "CheckReport", "Problem", "check_feed"]

FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/xml",
        "text/xml",
        "application/x-rss+xml",
        "application/atom+xml",  # fetched so that the check can say it is not RSS 2.0
        "text/plain",  # some static hosts serve .xml/.rss files as plain text
        "application/octet-stream",
    }
)
"""Media types accepted when a feed is checked by URL."""

ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
ATOM_NS = "http://www.w3.org/2005/Atom"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
PODCAST_NS = "https://podcastindex.org/namespace/1.0"
PODCAST_NS_LEGACY = "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"

MAX_DESCRIPTION_BYTES = 4000  # Apple: description up to 4000 bytes
MAX_VALUE_CHARS = 255  # Apple: values up to 255 characters unless stated otherwise
ARTWORK_MIN, ARTWORK_MAX = 1400, 3000  # Apple: square, 1400 x 1400 to 3000 x 3000 px

ERROR = "error"
WARNING = "warning"

_APPLE_MEDIA = frozenset(
    {"audio/mpeg", "audio/x-m4a", "audio/mp4", "audio/aac", "video/mp4", "video/quicktime", "video/x-m4v"}
)
"""Enclosure types Apple Podcasts plays (MP3, M4A/AAC, MP4, MOV, M4V)."""
_TRANSCRIPT_TYPES = frozenset(
    {"text/vtt", "application/x-subrip", "application/srt", "application/json", "text/html", "text/plain"}
)
_CHAPTERS_TYPE = "application/json+chapters"
_IMAGE_EXTENSIONS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",)}
_LONG_TEXT = frozenset({"description", f"{{{ITUNES_NS}}}summary", f"{{{CONTENT_NS}}}encoded"})
"""Tags whose limit is 4000 bytes rather than 255 characters."""
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_DURATION = re.compile(r"^(\d+(\.\d+)?|\d+:[0-5]?\d(\.\d+)?|\d+:[0-5]?\d:[0-5]?\d(\.\d+)?)$")
_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "0.0.0.0", "::1"})  # nosec B104 # hosts a feed URL must not name
_SHOW = "narrate.toml"


@dataclass(frozen=True)
class Problem:
    """One thing a podcast app or directory would refuse or mishandle."""

    code: str
    """A stable identifier, e.g. ``"artwork-size"``."""
    severity: str
    """``"error"`` (directories refuse the feed or the episode) or ``"warning"`` (recommended)."""
    where: str
    """``"channel"``, an item (``item "Title"``), or a file of the output folder."""
    message: str
    """What is wrong, with the values, on one line."""
    fix: str
    """What to do about it, on one line."""

    def __str__(self) -> str:
        return f"{self.severity} [{self.code}] {self.where}: {self.message} ({self.fix})"


@dataclass(frozen=True)
class CheckReport:
    """Everything found wrong with one feed."""

    feed: str
    """What was checked: the feed file's path or the URL."""
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def ok(self) -> bool:
        """True when nothing would make a directory refuse the feed (warnings allowed)."""
        return not self.errors


def check_feed(target: Path | str, limits: FetchLimits | None = None) -> CheckReport:
    """Check an output folder, a feed file or a feed URL.

    Raises :class:`~narrate.errors.InputError` when the target cannot be read at all (missing,
    unreadable, a URL that fails to download); everything else is a :class:`Problem` in the report.
    ``limits`` bound the download of a feed given by URL.
    """
    if isinstance(target, str) and re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", target.strip()):
        url = target.strip()
        fetched = fetch_url(url, limits or FetchLimits(), accept=FEED_TYPES, wanted="a podcast feed")
        checker = _Checker(folder=None, url=fetched.url)
        checker.run(fetched.content)
        return CheckReport(feed=url, problems=checker.problems)
    path = Path(target)
    feed_path = _feed_file(path)
    try:
        content = feed_path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {feed_path}: {exc.strerror or exc}") from None
    checker = _Checker(folder=feed_path.parent, url=None)
    checker.run(content)
    return CheckReport(feed=str(feed_path), problems=checker.problems)


def _feed_file(path: Path) -> Path:
    if path.is_dir():
        feed = path / FEED_NAME
        if not feed.is_file():
            raise InputError(f"{path}: no {FEED_NAME} in this folder (narrate build writes it)")
        return feed
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    return path


# --- the checks ----------------------------------------------------------------------------------


def _it(tag: str) -> str:
    return f"{{{ITUNES_NS}}}{tag}"


class _Checker:
    """One run over one feed: ``folder`` is where local files live (None for a feed read by URL)."""

    def __init__(self, *, folder: Path | None, url: str | None) -> None:
        self.folder = folder
        self.url = url
        self.base = ""
        """The URL the feed's folder is published at (from atom:link rel=self), ending in "/"."""
        self.podcast_ns = PODCAST_NS
        self.problems: list[Problem] = []
        self._images_seen: set[str] = set()

    def add(self, code: str, severity: str, where: str, message: str, fix: str) -> None:
        self.problems.append(Problem(code, severity, _line(where), _line(message), _line(fix)))

    def run(self, content: bytes) -> None:
        root = self._parse(content)
        if root is None:
            return
        channel = self._rss(root)
        if channel is None:
            return
        self._namespaces(root)
        self._channel(channel)
        items = channel.findall("item")
        if not items:
            self.add(
                "no-episodes", WARNING, "channel", "the feed lists no episodes",
                "Apple Podcasts accepts a feed only once it has an episode: run narrate build with an article",
            )
        self._items(items)

    # --- document ---

    def _parse(self, content: bytes) -> etree._Element | None:
        fix = "the feed must be well-formed XML: rebuild it with narrate feed, or fix it by hand"
        if not content.strip():
            self.add("xml-malformed", ERROR, "feed", "the feed is empty", fix)
            return None
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        try:
            root = etree.fromstring(content, parser)
        except etree.XMLSyntaxError as exc:
            self.add("xml-malformed", ERROR, "feed", f"not well-formed XML: {exc}", fix)
            return None
        encoding = (root.getroottree().docinfo.encoding or "UTF-8").upper()
        if encoding.replace("_", "-") not in ("UTF-8", "UTF8"):
            self.add(
                "feed-encoding", WARNING, "feed", f"the feed is encoded as {encoding}",
                "podcast directories expect UTF-8: write the feed as UTF-8",
            )
        return root

    def _rss(self, root: etree._Element) -> etree._Element | None:
        if root.tag != "rss":
            kind = "an Atom feed" if root.tag == f"{{{ATOM_NS}}}feed" else f"<{etree.QName(root).localname}>"
            self.add(
                "rss-root", ERROR, "feed", f"the document is {kind}, not an RSS 2.0 feed (<rss> root)",
                "podcast directories read RSS 2.0 only: point them at the RSS feed (narrate writes feed.xml)",
            )
            return None
        version = root.get("version")
        if version != "2.0":
            found = "no version" if version is None else f'version="{_short(version)}"'
            self.add("rss-version", ERROR, "feed", f'<rss> has {found}, not version="2.0"', 'set version="2.0" on the <rss> element')
        channel = root.find("channel")
        if channel is None:
            self.add("rss-channel", ERROR, "feed", "<rss> has no <channel>", "the show's tags go in a <channel> inside <rss>")
        return channel

    def _namespaces(self, root: etree._Element) -> None:
        used = {etree.QName(el).namespace for el in root.iter() if isinstance(el.tag, str)}
        for uri in used:
            if uri and uri != ITUNES_NS and uri.lower() == ITUNES_NS.lower():
                self.add(
                    "itunes-namespace", ERROR, "feed", f"the iTunes namespace is written {uri}",
                    f"declare it exactly as {ITUNES_NS} (Apple matches it case-sensitively)",
                )
        if PODCAST_NS_LEGACY in used and PODCAST_NS not in used:
            self.podcast_ns = PODCAST_NS_LEGACY
            self.add(
                "podcast-namespace", WARNING, "feed", "the podcast: tags use the old namespace URI (the GitHub page)",
                f"declare xmlns:podcast=\"{PODCAST_NS}\"",
            )

    def _pc(self, tag: str) -> str:
        return f"{{{self.podcast_ns}}}{tag}"

    # --- channel ---

    def _channel(self, channel: etree._Element) -> None:
        self._self_link(channel)
        required = [
            ("title", "title", f"set title in the [show] table of {_SHOW}"),
            ("description", "description", f"set description in the [show] table of {_SHOW}"),
            ("language", "language", f'set language in the [show] table of {_SHOW} (an ISO 639 code such as "en-us")'),
        ]
        for tag, name, fix in required:
            if not _text(channel.find(tag)):
                self._missing(ERROR, "channel", name, fix)
        image = channel.find(_it("image"))
        if image is None or not (image.get("href") or "").strip():
            self._missing(
                ERROR, "channel", "itunes:image" if image is None else "itunes:image href",
                f"set image in the [show] table of {_SHOW} to a square JPEG or PNG of 1400-3000 px",
            )
        else:
            self._artwork(image.get("href", "").strip(), "channel")
        self._categories(channel)
        self._explicit(channel, "channel", required=True)
        self._recommended(channel)
        language = _text(channel.find("language"))
        if language and not _LANGUAGE.match(language):
            self.add(
                "language-code", ERROR, "channel", f'language "{_short(language)}" is not an ISO 639 code',
                f'set language in the [show] table of {_SHOW} to a code such as "en" or "en-us"',
            )
        self._text_limits(channel, "channel")

    def _self_link(self, channel: etree._Element) -> None:
        links = [el for el in channel.findall(f"{{{ATOM_NS}}}link") if el.get("rel") == "self"]
        href = (links[0].get("href") or "").strip() if links else ""
        if not href:
            self._missing(
                WARNING, "channel", 'atom:link rel="self"',
                f"set base_url in the [show] table of {_SHOW} and run narrate feed (it writes the link)",
            )
            if self.folder is not None:
                self.add(
                    "local-unchecked", WARNING, "channel",
                    'local files were not checked: without atom:link rel="self" their URLs cannot be mapped to files',
                    f"set base_url in the [show] table of {_SHOW} and run narrate feed",
                )
            return
        parts = urlsplit(href)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            self.add(
                "self-link", ERROR, "channel", f'atom:link rel="self" is "{_short(href)}", not an absolute http(s) URL',
                f"set base_url in the [show] table of {_SHOW} to the URL the folder is published at",
            )
            return
        self.base = href.rsplit("/", 1)[0] + "/"
        if self.url is not None and not _same_url(href, self.url):
            self.add(
                "self-link", WARNING, "channel", f'atom:link rel="self" is {_short(href)}, but the feed was read from {self.url}',
                f"set base_url in the [show] table of {_SHOW} to where the feed is published",
            )
        if (parts.hostname or "").lower() in _LOCAL_HOSTS or (parts.hostname or "").endswith(".local"):
            self.add(
                "base-url-local", WARNING, "channel", f"the feed's URLs start with {self.base}, which only this computer can reach",
                f"set base_url in the [show] table of {_SHOW} to where the folder is published, then run narrate feed",
            )

    def _recommended(self, channel: etree._Element) -> None:
        simple = [
            (_it("author"), "itunes:author", f"set author in the [show] table of {_SHOW}"),
            ("link", "link", f"set link (the show's website) in the [show] table of {_SHOW}"),
            (_it("type"), "itunes:type", f'set type = "episodic" or "serial" in the [show] table of {_SHOW}'),
            ("copyright", "copyright", f"set copyright in the [show] table of {_SHOW}"),
            (self._pc("guid"), "podcast:guid", f"leave podcast_guid empty in {_SHOW} and run narrate feed (it derives one from base_url)"),
            (self._pc("locked"), "podcast:locked", f"set locked = false (or true, with owner_email) in the [show] table of {_SHOW}"),
        ]
        for tag, name, fix in simple:
            if not _text(channel.find(tag)):
                self._missing(WARNING, "channel", name, fix)
        owner = channel.find(_it("owner"))
        email = _text(owner.find(_it("email"))) if owner is not None else ""
        if not email:
            self._missing(
                WARNING, "channel", "itunes:owner with itunes:email" if owner is None else "itunes:email in itunes:owner",
                f"set owner_email in the [show] table of {_SHOW} (Spotify and YouTube send the ownership check there)",
            )
        elif not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", email):
            self.add(
                "owner-email", WARNING, "channel", f'itunes:email "{_short(email)}" is not an e-mail address',
                f"set owner_email in the [show] table of {_SHOW} to an address you read",
            )
        link = _text(channel.find("link"))
        if link and not _is_http_url(link):
            self.add(
                "link-url", WARNING, "channel", f'link "{_short(link)}" is not an absolute http(s) URL',
                f"set link in the [show] table of {_SHOW} to the show's web page",
            )
        show_type = _text(channel.find(_it("type")))
        if show_type and show_type not in ("episodic", "serial"):
            self.add(
                "itunes-type", ERROR, "channel", f'itunes:type is "{_short(show_type)}", not "episodic" or "serial"',
                f'set type = "episodic" or "serial" in the [show] table of {_SHOW}',
            )
        guid = _text(channel.find(self._pc("guid")))
        if guid and not _is_uuid(guid):
            self.add(
                "podcast-guid", ERROR, "channel", f'podcast:guid "{_short(guid)}" is not a UUID',
                f"leave podcast_guid empty in {_SHOW} (narrate derives the UUIDv5 of the feed URL) or set a UUID",
            )
        locked = _text(channel.find(self._pc("locked")))
        if locked and locked not in ("yes", "no"):
            self.add(
                "podcast-locked", ERROR, "channel", f'podcast:locked is "{_short(locked)}", not "yes" or "no"',
                f"set locked = true or false in the [show] table of {_SHOW}",
            )

    def _categories(self, channel: etree._Element) -> None:
        found = channel.findall(_it("category"))
        if not found:
            self._missing(ERROR, "channel", "itunes:category", f"set category (and subcategory) in the [show] table of {_SHOW}")
            return
        for element in found:
            name = (element.get("text") or "").strip()
            subs = [(sub.get("text") or "").strip() for sub in element.findall(_it("category"))] or [""]
            if not categories.is_valid(name):
                self.add(
                    "category-unknown", ERROR, "channel", f'itunes:category "{_short(name)}" is not an Apple Podcasts category',
                    _category_fix(name, ""),
                )
                continue
            for sub in subs:
                if not categories.is_valid(name, sub):
                    self.add(
                        "category-unknown", ERROR, "channel",
                        f'itunes:category "{_short(sub)}" is not a subcategory of "{name}"',
                        _category_fix(name, sub),
                    )

    def _explicit(self, element: etree._Element, where: str, *, required: bool) -> None:
        node = element.find(_it("explicit"))
        value = _text(node)
        if node is None or not value:
            if required:
                self._missing(ERROR, where, "itunes:explicit", f"set explicit = true or false in the [show] table of {_SHOW}")
            return
        if value in ("true", "false"):
            return
        meant = {"yes": "true", "explicit": "true", "no": "false", "clean": "false"}.get(value.lower())
        hint = f'write "{meant}" instead: ' if meant else 'write "true" or "false": '
        self.add(
            "explicit-value", ERROR, where, f'itunes:explicit is "{_short(value)}"; Apple accepts only "true" or "false"',
            hint + f"narrate writes it from explicit = true/false in the [show] table of {_SHOW} (run narrate feed)",
        )

    # --- items ---

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
                f"set base_url in the [show] table of {_SHOW} and run narrate feed",
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
            ("episode", "episode-number", "itunes:episode", f"set numbering = true in {_SHOW}, or remove it"),
            ("season", "season-number", "itunes:season", f"set season to 1 or more in {_SHOW}, or 0 to leave it out"),
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

    # --- shared ---

    def _artwork(self, href: str, where: str) -> None:
        if href in self._images_seen:
            return
        self._images_seen.add(href)
        fix = (
            f"use a square RGB JPEG or PNG of {ARTWORK_MIN}-{ARTWORK_MAX} px (3000 x 3000 is best) "
            f"and set image in the [show] table of {_SHOW}"
        )
        if not _is_http_url(href):
            self.add("artwork-url", ERROR, where, f'itunes:image href "{_short(href)}" is not an absolute http(s) URL',
                     f"set base_url and image in the [show] table of {_SHOW}")
            return
        self._ascii_url(href, where, "itunes:image")
        path = self._local(href)
        if path is None:
            suffix = PurePosixPath(unquote(urlsplit(href).path)).suffix.lower()
            if suffix not in (".jpg", ".jpeg", ".png"):
                self.add(
                    "artwork-url", WARNING, where, f"itunes:image {_short(href)} does not end in .jpg or .png",
                    "Apple Podcasts wants the artwork URL to end in .jpg or .png",
                )
            return
        name = self._rel(path)
        if not path.is_file():
            self.add("artwork-missing", ERROR, name, f"the artwork file {name} does not exist", fix)
            return
        from PIL import Image, UnidentifiedImageError

        try:
            with Image.open(path) as image:
                kind, (width, height), mode = image.format or "", image.size, image.mode
                if kind in _IMAGE_EXTENSIONS and width * height <= ARTWORK_MAX * ARTWORK_MAX * 4:
                    image.load()  # a truncated file fails here
        except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
            self.add("artwork-unreadable", ERROR, name, f"{name} cannot be read as an image ({_first_line(exc)})", fix)
            return
        if kind not in _IMAGE_EXTENSIONS:
            self.add("artwork-format", ERROR, name, f"{name} is {kind or 'an unknown'} image, not JPEG or PNG", fix)
        elif path.suffix.lower() not in _IMAGE_EXTENSIONS[kind]:
            self.add(
                "artwork-extension", ERROR, name,
                f"{name} is a {kind} image but its name ends in {path.suffix or '(nothing)'}",
                f"rename it to {path.stem}{_IMAGE_EXTENSIONS[kind][0]} and set image in the [show] table of {_SHOW}",
            )
        if width != height:
            self.add("artwork-not-square", ERROR, name, f"{name} is {width} x {height} px, not square", fix)
        if not (ARTWORK_MIN <= width <= ARTWORK_MAX and ARTWORK_MIN <= height <= ARTWORK_MAX):
            self.add(
                "artwork-size", ERROR, name,
                f"{name} is {width} x {height} px; Apple Podcasts needs {ARTWORK_MIN} to {ARTWORK_MAX} px", fix,
            )
        if mode != "RGB":
            self.add(
                "artwork-color", ERROR, name, f"{name} is in {mode} mode, not RGB",
                "save it as RGB without transparency (in Pillow: image.convert('RGB'))",
            )

    def _text_limits(self, parent: etree._Element, where: str) -> None:
        channel = where == "channel"
        for element in _values(parent):
            text = element.text or ""
            name = _prefixed(element)
            if element.tag in _LONG_TEXT:
                size = len(text.encode("utf-8"))
                if size > MAX_DESCRIPTION_BYTES:
                    description = _text(parent.find("description"))
                    if element.tag != "description" and text.strip() == description:
                        continue  # the same text as <description>: reported once
                    self.add(
                        "description-length", ERROR, where,
                        f"{name} is {size} bytes; Apple Podcasts takes at most {MAX_DESCRIPTION_BYTES}",
                        f"shorten description in the [show] table of {_SHOW}" if channel
                        else "shorten the episode's description in its episode.json, then run narrate feed",
                    )
                continue
            if len(element):  # only leaf values
                continue
            if len(text) > MAX_VALUE_CHARS:
                self.add(
                    "value-length", WARNING, where,
                    f'{name} is {len(text)} characters ("{_short(text, 40)}"); Apple Podcasts may cut it at {MAX_VALUE_CHARS}',
                    f"shorten it to {MAX_VALUE_CHARS} characters or fewer",
                )
            if text and text != text.strip() and text.strip():
                self.add(
                    "value-whitespace", WARNING, where, f'{name} "{_short(text)}" starts or ends with spaces',
                    "remove the leading and trailing spaces",
                )

    def _ascii_url(self, url: str, where: str, what: str) -> None:
        # Apple, Podcast RSS feed requirements: "Use only ASCII filenames and URLs"
        if any(ord(c) > 127 or c.isspace() for c in url):
            self.add(
                "url-ascii", WARNING, where, f"{what} {_short(url)} has spaces or characters outside ASCII",
                "use ASCII file names, or percent-encode the URL (narrate writes episode URLs that way)",
            )

    def _missing(self, severity: str, where: str, tag: str, fix: str) -> None:
        code = "required-missing" if severity == ERROR else "recommended-missing"
        kind = "required" if severity == ERROR else "recommended"
        self.add(code, severity, where, f"no {tag} ({kind})", fix)

    def _local(self, url: str) -> Path | None:
        """The file of the output folder that ``url`` points at, or None when it is not a local URL."""
        if self.folder is None or not self.base or not url.startswith(self.base):
            return None
        rest = urlsplit(url[len(self.base):]).path
        parts = [unquote(p) for p in rest.split("/") if p]
        if not parts or any(p in (".", "..") or "\\" in p or "\x00" in p for p in parts):
            return None
        return self.folder.joinpath(*parts)

    def _rel(self, path: Path) -> str:
        if self.folder is not None:
            try:
                return path.relative_to(self.folder).as_posix()
            except ValueError:
                pass
        return str(path)


# --- local files -------------------------------------------------------------------------------


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


# --- small helpers ---------------------------------------------------------------------------


def _text(element: etree._Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def _values(parent: etree._Element) -> Iterator[etree._Element]:
    """Every element below ``parent``, leaving out items (they are checked on their own)."""
    for child in parent:
        if isinstance(child.tag, str) and child.tag != "item":
            yield child
            yield from _values(child)


def _item_label(item: etree._Element, index: int) -> str:
    title = _text(item.find("title"))
    if title:
        return f'item "{_short(title)}"'
    guid = _text(item.find("guid"))
    return f"item {_short(guid)}" if guid else f"item {index}"


def _prefixed(element: etree._Element) -> str:
    qname = etree.QName(element)
    if qname.namespace == ITUNES_NS:
        return f"itunes:{qname.localname}"
    if qname.namespace == CONTENT_NS:
        return f"content:{qname.localname}"
    if qname.namespace in (PODCAST_NS, PODCAST_NS_LEGACY):
        return f"podcast:{qname.localname}"
    if qname.namespace == ATOM_NS:
        return f"atom:{qname.localname}"
    if qname.namespace and element.prefix:
        return f"{element.prefix}:{qname.localname}"
    return qname.localname


def _category_fix(name: str, sub: str) -> str:
    wrong = sub or name
    guess = categories.suggest(wrong) if wrong else None
    parents = {s: top for top, subs in categories.CATEGORIES.items() for s in subs}
    where = f"in the [show] table of {_SHOW}"
    if guess is None:
        if sub:
            choices = ", ".join(categories.CATEGORIES.get(name, [])) or "none"
            return f'set subcategory {where} to one of "{name}"\'s: {choices}'
        return f"set category {where} to one of: {', '.join(categories.CATEGORIES)}"
    if guess in categories.CATEGORIES:
        return f'did you mean "{guess}"? set category = "{guess}" {where}'
    top = parents.get(guess, name)
    if sub and top == name:
        return f'did you mean "{guess}"? set subcategory = "{guess}" {where}'
    return f'did you mean "{guess}"? set category = "{top}" and subcategory = "{guess}" {where}'


def _duration_seconds(value: str) -> float | None:
    if not value or not _DURATION.match(value):
        return None
    seconds = 0.0
    for part in value.split(":"):
        seconds = seconds * 60 + float(part)
    return seconds


def _is_http_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _same_url(a: str, b: str) -> bool:
    pa, pb = urlsplit(a), urlsplit(b)
    return (pa.scheme, pa.netloc.lower(), pa.path or "/") == (pb.scheme, pb.netloc.lower(), pb.path or "/")


def _line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _short(text: str, limit: int = 60) -> str:
    text = _line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]

