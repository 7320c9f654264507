"""The feed XML: parsed by real feed readers, every character survives, iTunes tags as Apple wants."""

from __future__ import annotations

import io

import feedparser
import podcastparser
from lxml import etree

from narrate.catalog import AudioInfo, EpisodeRecord
from narrate.config import ShowConfig
from narrate.feed import render_feed

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"


def record(slug: str, title: str, published: str, **extra: object) -> EpisodeRecord:
    return EpisodeRecord(
        guid=f"guid-{slug}",
        slug=slug,
        title=title,
        source=f"/articles/{slug}.txt",
        source_sha256="0" * 64,
        published=published,
        updated=published,
        audio=AudioInfo(file=f"{slug}-abc.mp3", bytes=12345, duration=61.6, sample_rate=44100, bitrate=64, sha256="a" * 64),
        voice={"preset": "default"},
        description=str(extra.pop("description", "About it.")),
        spoken_text="Text.",
        **extra,  # type: ignore[arg-type]
    )


SHOW = ShowConfig(
    title="Harbour <Voices> & Co",
    description="Local news, read aloud.",
    author="Port Alder Press",
    owner_name="Ed Itor",
    owner_email="ed@example.org",
    language="en-us",
    category="News",
    subcategory="Daily News",
    image="cover.jpg",
    base_url="https://pod.example.org/harbour",
)


def test_channel_has_itunes_tags_in_current_forms() -> None:
    root = etree.fromstring(render_feed(SHOW, []))
    channel = root.find("channel")
    assert channel is not None
    assert channel.findtext("title") == "Harbour <Voices> & Co"
    assert channel.findtext("link") == "https://pod.example.org/harbour/"
    assert channel.findtext(f"{ITUNES}explicit") == "false"
    assert channel.findtext(f"{ITUNES}author") == "Port Alder Press"
    category = channel.find(f"{ITUNES}category")
    assert category is not None and category.get("text") == "News"
    assert category[0].get("text") == "Daily News"
    assert channel.find(f"{ITUNES}image").get("href") == "https://pod.example.org/harbour/cover.jpg"
    assert channel.findtext(f"{ITUNES}owner/{ITUNES}email") == "ed@example.org"
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link.get("rel") == "self" and self_link.get("href") == "https://pod.example.org/harbour/feed.xml"


def test_explicit_true() -> None:
    show = ShowConfig(explicit=True)
    assert etree.fromstring(render_feed(show, [])).findtext(f"channel/{ITUNES}explicit") == "true"


def test_items_parse_in_feedparser_and_podcastparser() -> None:
    records = [
        record("newer", "Newer “story” – café", "2026-02-01T10:00:00+00:00", author="Jane Doe"),
        record("older", "Older <b>one</b> & ]]> done", "2026-01-01T10:00:00+00:00", description="x < y & z"),
    ]
    xml = render_feed(SHOW, records)
    parsed = feedparser.parse(xml)
    assert parsed.bozo is False
    assert [e.title for e in parsed.entries] == ["Newer “story” – café", "Older <b>one</b> & ]]> done"]
    assert [e.id for e in parsed.entries] == ["guid-newer", "guid-older"]
    assert parsed.entries[0].enclosures[0].href == "https://pod.example.org/harbour/episodes/newer/newer-abc.mp3"
    assert parsed.entries[0].enclosures[0].length == "12345"
    assert parsed.entries[0].itunes_duration == "62"
    assert parsed.entries[0].author == "Jane Doe"
    assert parsed.entries[1].author == "Port Alder Press"  # the show's author when the article has none
    podcast = podcastparser.parse("https://pod.example.org/harbour/feed.xml", io.BytesIO(xml))
    assert podcast["title"] == "Harbour <Voices> & Co"
    assert [e["guid"] for e in podcast["episodes"]] == ["guid-newer", "guid-older"]
    assert podcast["episodes"][0]["total_time"] == 62
    assert podcast["episodes"][1]["description"] == "x < y & z"
    assert podcast["episodes"][0]["published"] > podcast["episodes"][1]["published"]
