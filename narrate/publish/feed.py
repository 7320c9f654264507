"""The podcast feed: RSS 2.0 with Apple's iTunes tags and the Podcasting 2.0 namespace, from the catalog.

feedgen writes the RSS 2.0 core (title, link, description, ``atom:link rel="self"``, copyright,
generator, image, language, lastBuildDate; each item's title, link (the episode's page),
description, guid, enclosure, pubDate). Everything in the ``itunes:`` and ``podcast:`` namespaces is written by one project
extension registered with feedgen's ``register_extension`` (:class:`_ShowTags` for the channel,
:class:`_EpisodeTags` for each item), not by feedgen's own podcast extension, because that one

- writes ``itunes:explicit`` only as yes/no/clean, where Apple now asks for true/false;
- checks ``itunes:category`` against Apple's list from before 2019;
- silently drops a channel ``itunes:image`` whose URL does not end in ".jpg" or ".png" (it builds a
  ValueError and never raises it), and raises for such an episode image;
- knows nothing of ``podcast:*``.

feedgen stays because it already writes the RSS core correctly and the extension protocol keeps our
tags declarative (a list of :class:`Tag` per channel and item); building the whole tree with lxml
would only move the same code here.

Always well-formed: every string on its way into the XML goes through :func:`clean_text` (which
drops what XML 1.0 cannot hold; lxml raises on it otherwise) and is stripped; titles and other
one-line values are cut at a word to 255 characters, the channel description to 4000 bytes and an
episode's to 10,000 characters (Apple, "A Podcaster's Guide to RSS"). Escaping "&", "<" and "]]>" is
lxml's job. A show link or image that is no usable URL is a ConfigError. An item's ``itunes:image``
is the article's lead image as kept beside the audio, only when it met Apple's artwork rules.

lastBuildDate is the newest ``updated`` of the catalog rather than the time of the build, so the same
catalog and config always give the same bytes (and an unchanged feed keeps its HTTP validators).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote, urlsplit

import feedgen.feed  # noqa: F401  (imports lxml.etree, which feedgen.util needs first)
from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from lxml import etree

from ..errors import ConfigError
from ..fsutil import write_bytes_atomic
from . import categories
from .catalog import EPISODES_DIR, EpisodeRecord
from .languages import language_tag
from .show import ShowConfig

FEED_NAME = "feed.xml"
ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST_NS = "https://podcastindex.org/namespace/1.0"
"""The canonical Podcasting 2.0 namespace URI (podcastparser 0.6 reads podcast:* only under the old
GitHub URI; we do not write the tags twice for it)."""
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
"""The UUIDv5 namespace of podcast:guid (Podcasting 2.0, docs/1.0.md, "guid")."""

TITLE_MAX = 255
"""Characters in a title or another one-line value (Apple: "values ≤ 255 characters unless stated")."""
SHOW_DESCRIPTION_MAX_BYTES = 4000
"""UTF-8 bytes in the channel description (Apple's limit), measured before XML escaping."""
EPISODE_DESCRIPTION_MAX_BYTES = 4000
"""Apple's limit for an episode's description, as for the show's (what narrate check enforces)."""
"""Characters in an episode description (Apple's limit for an item's description)."""
ELLIPSIS = "…"

TRANSCRIPTS = (
    ("vtt", "text/vtt", "captions"),  # what Apple ingests; first, for clients that take the first
    ("srt", "application/x-subrip", ""),
    ("transcript_json", "application/json", ""),
)
"""record.files key, podcast:transcript type, rel."""
CHAPTERS_TYPE = "application/json+chapters"

_NOT_XML = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""What XML 1.0 cannot hold (its Char production), plus DEL and the C1 controls (U+007F-U+009F): XML 1.0
allows those but discourages them, and feedparser turns them into cp1252 punctuation."""
_SPACES = re.compile(r"[ \t\n\r]+")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_URL_LIKE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|//)")
_UNTITLED = "Untitled"


class Tag(NamedTuple):
    """One XML element to write: a qualified name ("{ns}local"), its text, attributes and children."""

    name: str
    text: str | None = None
    attrib: dict[str, str] | None = None
    children: tuple[Tag, ...] = ()


def _write(parent: etree._Element, tags: Iterable[Tag]) -> None:
    for tag in tags:
        element = etree.SubElement(parent, tag.name, tag.attrib or {})
        element.text = tag.text
        _write(element, tag.children)


class _ShowTags(BaseExtension):
    """Channel tags in the itunes: and podcast: namespaces, as Apple's current guide and Podcasting 2.0 ask."""

    def __init__(self) -> None:
        self.tags: list[Tag] = []

    def extend_ns(self) -> dict[str, str]:
        return {"itunes": ITUNES_NS, "podcast": PODCAST_NS}

    def extend_rss(self, rss_feed):  # type: ignore[no-untyped-def]
        _write(rss_feed[0], self.tags)  # feedgen runs this before it appends the items
        return rss_feed


class _EpisodeTags(BaseEntryExtension):
    """An item's tags in the itunes: and podcast: namespaces."""

    def __init__(self) -> None:
        self.tags: list[Tag] = []

    def extend_rss(self, entry):  # type: ignore[no-untyped-def]
        _write(entry, self.tags)
        return entry


# --- text that XML can hold ------------------------------------------------------------------------


def clean_text(text: str | None) -> str:
    """``text`` without the characters XML 1.0 cannot hold, stripped.

    Removed: control characters (C0, DEL, C1) other than tab, newline and carriage return; U+FFFE and
    U+FFFF; lone surrogates. Everything else (quotes, "&", "<", "]]>", emoji, right-to-left text) is kept.
    """
    return _NOT_XML.sub("", text or "").strip()


def clean_line(text: str | None, limit: int = TITLE_MAX) -> str:
    """A one-line value: cleaned, runs of spaces, tabs and newlines made one space, cut to ``limit`` characters."""
    return cut_chars(_SPACES.sub(" ", clean_text(text)), limit)


def cut_chars(text: str, limit: int) -> str:
    """``text`` cut at a word so that it and a closing "…" fit in ``limit`` characters."""
    if len(text) <= limit:
        return text
    return _cut_at_word(text[: limit - len(ELLIPSIS) + 1]) + ELLIPSIS


def cut_bytes(text: str, limit: int) -> str:
    """``text`` cut at a word so that it and a closing "…" fit in ``limit`` UTF-8 bytes."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    room = limit - len(ELLIPSIS.encode("utf-8"))
    # one byte more than fits, so that a word ending exactly at the limit is kept whole
    head = data[: room + 1].decode("utf-8", errors="ignore")
    return _cut_at_word(head, room) + ELLIPSIS


def _cut_at_word(head: str, max_bytes: int | None = None) -> str:
    """``head`` minus its last character (or more), ending at a word boundary when there is one.

    ``head`` holds one character (or byte) more than fits; if that extra character is white space the
    word before it is whole. Falls back to a hard cut when the text has no space in its second half.
    """
    fits = head[:-1] if max_bytes is None else _fit_bytes(head, max_bytes)
    space = max(fits.rfind(" "), fits.rfind("\n"), fits.rfind("\t"))
    if head[len(fits) : len(fits) + 1].isspace():
        cut = fits
    elif space >= len(fits) // 2:
        cut = fits[:space]
    else:
        cut = fits
    return cut.rstrip()


def _fit_bytes(text: str, max_bytes: int) -> str:
    while len(text.encode("utf-8")) > max_bytes:
        text = text[:-1]
    return text


# --- URLs --------------------------------------------------------------------------------------------


def feed_url(show: ShowConfig) -> str:
    return clean_text(show.base_url) + FEED_NAME


def episode_url(show: ShowConfig, record: EpisodeRecord) -> str:
    """The absolute URL of an episode's audio."""
    return episode_file_url(show, record, record.audio.file)


def episode_file_url(show: ShowConfig, record: EpisodeRecord, name: str) -> str:
    """The absolute URL of a file in an episode's folder."""
    folder = f"{clean_text(show.base_url)}{EPISODES_DIR}/{quote(clean_text(record.slug))}/"
    return folder + quote(clean_text(name))


def episode_page_url(show: ShowConfig, record: EpisodeRecord) -> str:
    """The absolute URL of an episode's page (its folder: ``episodes/<slug>/``), the item's ``<link>``."""
    return episode_file_url(show, record, "")


def podcast_guid(url: str) -> str:
    """podcast:guid for a feed URL: UUIDv5 of the URL without its scheme and trailing slashes.

    Podcasting 2.0 namespace, docs/1.0.md "guid": ``uuidv5("ead4c236-…", "podnews.net/rss")``.
    """
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, _SCHEME.sub("", url.strip()).rstrip("/")))


def _absolute_http(url: str | None) -> str:
    """``url`` cleaned if it is an absolute http(s) URL, else ""."""
    url = clean_text(url)
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. "http://[" (a broken IPv6 address)
        return ""
    return url if parts.scheme in ("http", "https") and parts.netloc and not _SPACES.search(url) else ""


def _image_url(show: ShowConfig) -> str:
    """The cover art: an absolute http(s) URL as it is, a file name under base_url."""
    image = clean_text(show.image)
    if not image:
        return ""
    if not _URL_LIKE.match(image):  # a file in the output folder
        return clean_text(show.base_url) + quote(image.lstrip("/"))
    if not _absolute_http(image):
        raise ConfigError(f"show image: {show.image!r} is neither an absolute http(s) URL nor a file name")
    return image


def _show_link(show: ShowConfig) -> str:
    """The show's website: its own link, else base_url."""
    if not clean_text(show.link):
        return clean_text(show.base_url)
    link = _absolute_http(show.link)
    if not link:
        raise ConfigError(f"show link: {show.link!r} is not an absolute http(s) URL")
    return link


# --- the feed ----------------------------------------------------------------------------------------


def render_feed(show: ShowConfig, records: Sequence[EpisodeRecord]) -> bytes:
    """The feed XML for ``records``, newest first as given; ``show.max_items`` > 0 keeps the first N.

    Raises :class:`ConfigError` when the show's category is not one of Apple's, or its link or image
    is not a usable URL (gPodder's parser, for one, fails on a broken cover URL).
    """
    problem = categories.problem(show.category, show.subcategory) if show.category or show.subcategory else None
    if problem:
        raise ConfigError(f"show category: {problem}")

    title = clean_line(show.title) or _UNTITLED
    link = _show_link(show)
    fg = FeedGenerator()
    fg.register_extension("narrate", _ShowTags, _EpisodeTags, atom=False, rss=True)
    fg.title(title)
    fg.link(href=feed_url(show), rel="self", type="application/rss+xml")  # atom:link rel="self"
    # feedgen takes the channel's <link> from the link set LAST (its comment says "first"): keep this order
    fg.link(href=link, rel="alternate")
    fg.description(cut_bytes(clean_text(show.description), SHOW_DESCRIPTION_MAX_BYTES) or title)
    language = clean_line(show.language)
    if language:
        fg.language(language)
    copyright = clean_line(show.copyright)
    if copyright:
        fg.copyright(copyright)
    fg.generator("narrate")
    fg.lastBuildDate(_last_build(records))
    image = _image_url(show)
    if image:
        fg.image(url=image, title=title, link=link)
    fg.narrate.tags = _show_tags(show, image)

    listed = records[: show.max_items] if show.max_items > 0 else records
    total = len(records)
    for index, record in enumerate(listed):
        entry = fg.add_entry(order="append")
        _fill_entry(entry, show, record, number=total - index)
    return fg.rss_str(pretty=True)


def write_feed(out_dir: Path, show: ShowConfig, records: Sequence[EpisodeRecord]) -> Path:
    """Write ``out_dir/feed.xml`` atomically; returns its path."""
    path = out_dir / FEED_NAME
    write_bytes_atomic(path, render_feed(show, records))
    return path


def _show_tags(show: ShowConfig, image: str) -> list[Tag]:
    itunes, podcast = f"{{{ITUNES_NS}}}", f"{{{PODCAST_NS}}}"
    tags: list[Tag] = []
    author = clean_line(show.author)
    email = clean_line(show.owner_email)
    if email:  # itunes:owner without an email is of no use: directories verify ownership by mail
        name = clean_line(show.owner_name) or author
        owner = ((Tag(f"{itunes}name", name),) if name else ()) + (Tag(f"{itunes}email", email),)
        tags.append(Tag(f"{itunes}owner", children=owner))
    if author:  # after itunes:owner: feedparser's feed.author is whichever of the two comes last
        tags.append(Tag(f"{itunes}author", author))
    if image:
        tags.append(Tag(f"{itunes}image", attrib={"href": image}))
    if show.category:
        sub = (Tag(f"{itunes}category", attrib={"text": show.subcategory}),) if show.subcategory else ()
        tags.append(Tag(f"{itunes}category", attrib={"text": show.category}, children=sub))
    tags.append(Tag(f"{itunes}explicit", _true_false(show.explicit)))
    tags.append(Tag(f"{itunes}type", show.type))
    tags.append(Tag(f"{podcast}guid", clean_line(show.podcast_guid) or podcast_guid(feed_url(show))))
    locked = {"owner": email} if email else {}
    tags.append(Tag(f"{podcast}locked", "yes" if show.locked else "no", locked))
    return tags


def _fill_entry(entry, show: ShowConfig, record: EpisodeRecord, *, number: int) -> None:  # type: ignore[no-untyped-def]
    itunes, podcast = f"{{{ITUNES_NS}}}", f"{{{PODCAST_NS}}}"
    title = clean_line(record.title) or clean_line(record.slug) or _UNTITLED
    entry.title(title)
    # the episode's page (player, text, a link to the article): every item has one, so clients such
    # as castero no longer say "Link not available" for an article read from a file (issue 16)
    entry.link(href=episode_page_url(show, record))
    entry.description(cut_bytes(clean_text(record.description), EPISODE_DESCRIPTION_MAX_BYTES) or title)
    entry.guid(clean_text(record.guid), permalink=False)
    entry.enclosure(episode_url(show, record), str(max(0, int(record.audio.bytes))), "audio/mpeg")
    entry.pubDate(publication_date(show, record))

    tags = [
        Tag(f"{itunes}duration", str(max(0, round(record.audio.duration)))),
        Tag(f"{itunes}author", clean_line(record.author) or clean_line(show.author) or title),
        Tag(f"{itunes}explicit", _true_false(show.explicit)),
        Tag(f"{itunes}episodeType", "full"),
    ]
    if show.numbering:
        tags.append(Tag(f"{itunes}episode", str(number)))
    if show.season > 0:
        tags.append(Tag(f"{itunes}season", str(show.season)))
    # the article's lead image, kept beside the audio when it meets Apple's artwork rules (square
    # RGB JPEG/PNG of 1400-3000 px: narrate.publish.artwork); an image that does not is left out
    artwork = clean_text(record.files.get("image"))
    if artwork:
        tags.append(Tag(f"{itunes}image", attrib={"href": episode_file_url(show, record, artwork)}))
    # Podcasting 2.0: a transcript's language defaults to the feed's; say the episode's own
    language = language_tag(clean_line(record.language)) or language_tag(clean_line(show.language))
    for key, mime, rel in TRANSCRIPTS:
        name = clean_text(record.files.get(key))
        if name:
            attrib = {"url": episode_file_url(show, record, name), "type": mime}
            if language:
                attrib["language"] = language
            if rel:
                attrib["rel"] = rel
            tags.append(Tag(f"{podcast}transcript", attrib=attrib))
    chapters = clean_text(record.files.get("chapters_json"))
    if chapters:
        attrib = {"url": episode_file_url(show, record, chapters), "type": CHAPTERS_TYPE}
        tags.append(Tag(f"{podcast}chapters", attrib=attrib))
    entry.narrate.tags = tags


def publication_date(show: ShowConfig, record: EpisodeRecord) -> datetime:
    """An episode's pubDate. With ``show.pub_date == "article"`` (the default) the article's own date
    when it states one, the date its ID3 tag and spoken intro give, so an article of 2021 is not dated
    today; else, and with ``"build"``, when the episode was first built. Both are kept in the sidecar,
    so a rebuild never moves an episode.

    An article's date has no time of day: it is noon UTC (the same calendar day from UTC-12 to UTC+11),
    or the first build's own time when that was on the same day. A date after the first build (a
    typo, a time zone ahead) is not used: podcast apps may hide an episode dated in the future.
    """
    built = _date(record.published, record, "published")
    if show.pub_date != "article" or not record.date:
        return built
    try:
        day = date.fromisoformat(record.date.strip()[:10])
    except ValueError:
        return built  # only a year, or not a date: the build's
    if day == built.astimezone(UTC).date():
        return built
    when = datetime.combine(day, time(12), tzinfo=UTC)
    return when if when <= built else built


def _true_false(value: bool) -> str:
    return "true" if value else "false"


def _date(text: str, record: EpisodeRecord, what: str) -> datetime:
    try:
        when = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        raise ValueError(f"episode {record.slug!r}: {what} {text!r} is not an ISO 8601 date") from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _last_build(records: Sequence[EpisodeRecord]) -> datetime:
    """When the newest episode was last (re)built: the same catalog always gives the same feed bytes.

    With no episodes at all, now.
    """
    dates = [_date(r.updated or r.published, r, "updated") for r in records]
    return max(dates) if dates else datetime.now(UTC)
