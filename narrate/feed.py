"""The podcast feed: RSS 2.0 with the iTunes tags, written by feedgen from the catalog."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from urllib.parse import quote

import feedgen.feed  # noqa: F401  (imports lxml.etree, which feedgen.util needs first)
from feedgen.ext.base import BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem

from .catalog import EPISODES_DIR, EpisodeRecord
from .config import ShowConfig
from .fsutil import write_bytes_atomic

FEED_NAME = "feed.xml"
ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"


class _ShowTags(BaseExtension):
    """Channel tags that feedgen's podcast extension writes in outdated forms.

    feedgen writes ``itunes:explicit`` only as yes/no/clean, which Apple no longer accepts (it wants
    true/false), and checks categories against the list from before 2019. This extension writes
    both as Apple's current "A Podcaster's Guide to RSS" asks.
    """

    def __init__(self) -> None:
        self.explicit = False
        self.category = ""
        self.subcategory = ""

    def extend_ns(self) -> dict[str, str]:
        return {"itunes": ITUNES_NS}

    def extend_rss(self, rss_feed):  # type: ignore[no-untyped-def]
        channel = rss_feed[0]
        if self.category:
            category = xml_elem(f"{{{ITUNES_NS}}}category", channel)
            category.attrib["text"] = self.category
            if self.subcategory:
                xml_elem(f"{{{ITUNES_NS}}}category", category).attrib["text"] = self.subcategory
        xml_elem(f"{{{ITUNES_NS}}}explicit", channel).text = "true" if self.explicit else "false"
        return rss_feed


def episode_url(show: ShowConfig, record: EpisodeRecord) -> str:
    return f"{show.base_url}{EPISODES_DIR}/{quote(record.slug)}/{quote(record.audio.file)}"


def feed_url(show: ShowConfig) -> str:
    return show.base_url + FEED_NAME


def render_feed(show: ShowConfig, records: list[EpisodeRecord]) -> bytes:
    """The feed XML for ``records`` (listed in the order given)."""
    fg = FeedGenerator()
    fg.load_extension("podcast")
    fg.register_extension("narrate_show", _ShowTags, atom=False)
    fg.title(show.title)
    fg.description(show.description)
    fg.link(href=feed_url(show), rel="self")  # atom:link rel="self"
    fg.link(href=show.link or show.base_url, rel="alternate")  # the channel's <link>
    fg.language(show.language)
    fg.generator("narrate")
    fg.podcast.itunes_author(show.author)
    fg.podcast.itunes_summary(show.description)
    if show.owner_name or show.owner_email:
        fg.podcast.itunes_owner(name=show.owner_name or show.author, email=show.owner_email or None)
    image = _image_url(show)
    if image:
        fg.podcast.itunes_image(image)
        fg.image(url=image, title=show.title, link=show.link or show.base_url)
    fg.podcast.itunes_type("episodic")
    fg.narrate_show.explicit = show.explicit
    fg.narrate_show.category = show.category
    fg.narrate_show.subcategory = show.subcategory

    for record in records:
        entry = fg.add_entry(order="append")
        entry.guid(record.guid, permalink=False)
        entry.title(record.title)
        entry.description(record.description)
        entry.enclosure(episode_url(show, record), str(record.audio.bytes), "audio/mpeg")
        entry.pubDate(datetime.fromisoformat(record.published))
        entry.podcast.itunes_duration(round(record.audio.duration))
        entry.podcast.itunes_author(record.author or show.author)
        entry.podcast.itunes_summary(record.description)
    return fg.rss_str(pretty=True)


def write_feed(out_dir: Path, show: ShowConfig, records: list[EpisodeRecord]) -> Path:
    """Write ``out_dir/feed.xml`` atomically; returns its path."""
    path = out_dir / FEED_NAME
    write_bytes_atomic(path, render_feed(show, records))
    return path


def _image_url(show: ShowConfig) -> str:
    if not show.image or "://" in show.image:
        return show.image
    return show.base_url + quote(show.image.lstrip("/"))
