"""The feed XML: parsed by real feed readers, every character survives, iTunes and podcast: tags as specified.

Structure is checked with XPath (as feedgen's own tests do), then the same feed is read by two real
parsers, feedparser and podcastparser (gPodder's), and each field they support is asserted; their
quirks are written down where they show.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import time
import uuid
from dataclasses import replace
from pathlib import Path

import feedparser
import podcastparser
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from narrate.config import ShowConfig
from narrate.errors import ConfigError, NarrateError
from narrate.fsutil import TEMP_PREFIX
from narrate.publish import categories
from narrate.publish.catalog import AudioInfo, EpisodeRecord
from narrate.publish.feed import (
    PODCAST_NS,
    SHOW_DESCRIPTION_MAX_BYTES,
    TITLE_MAX,
    clean_line,
    clean_text,
    cut_bytes,
    cut_chars,
    episode_url,
    feed_url,
    podcast_guid,
    render_feed,
    write_feed,
)
from tests.conftest import require_tool

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "atom": "http://www.w3.org/2005/Atom",
}
XSD = Path(__file__).parents[1] / "data" / "podcast-namespace" / "podcast.xsd"
FEED = "https://pod.example.org/harbour/feed.xml"
EPISODES = "https://pod.example.org/harbour/episodes"


def record(slug: str, title: str, published: str, **extra: object) -> EpisodeRecord:
    return EpisodeRecord(
        guid=f"guid-{slug}",
        slug=slug,
        title=title,
        source=f"/articles/{slug}.txt",
        source_sha256="0" * 64,
        published=published,
        updated=str(extra.pop("updated", published)),
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

FULL_SHOW = replace(
    SHOW,
    link="https://harbour.example.org/",
    copyright="© 2026 Port Alder Press",
    explicit=True,
    type="serial",
    locked=True,
    numbering=True,
    season=3,
)
FILES = {
    "details": "full-abc.details.json",
    "vtt": "full-abc.vtt",
    "srt": "full-abc.srt",
    "transcript_json": "full-abc.transcript.json",
    "chapters_json": "full-abc.chapters.json",
    "image": "full-0123456789ab.jpg",
}
ARTWORK = f"{EPISODES}/full/full-0123456789ab.jpg"


def full_record(**changes: object) -> EpisodeRecord:
    """A record that uses every field the feed reads."""
    base = record(
        "full",
        "The full story",
        "2026-03-01T08:30:00+00:00",
        updated="2026-03-02T09:00:00+00:00",
        description="Everything about the harbour.",
        author="Jane Doe",
        url="https://news.example.org/full-story",
        image="https://img.example.org/lead.jpg",
        files=dict(FILES),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def catalog(n: int) -> list[EpisodeRecord]:
    """``n`` records newest first, as load_catalog returns them: e{n} is the newest, e1 the oldest."""
    return [record(f"e{i}", f"Episode {i}", f"2026-01-{i:02d}T10:00:00+00:00") for i in range(n, 0, -1)]


def parse(xml: bytes) -> etree._Element:
    return etree.fromstring(xml)


def one(root: etree._Element, path: str) -> etree._Element:
    found = root.xpath(path, namespaces=NS)
    assert len(found) == 1, f"{path}: {len(found)} matches"
    return found[0]


def text(root: etree._Element, path: str) -> str:
    return one(root, path).text


def podcastparser_parse(xml: bytes) -> dict:
    return podcastparser.parse(FEED, io.BytesIO(xml))


# --- the channel ---------------------------------------------------------------------------------------


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


def test_every_channel_element_and_attribute() -> None:
    root = parse(render_feed(FULL_SHOW, [full_record()]))
    assert root.tag == "rss" and root.get("version") == "2.0"
    assert root.nsmap["podcast"] == PODCAST_NS and root.nsmap["itunes"] == NS["itunes"]
    c = "/rss/channel"
    assert text(root, f"{c}/title") == "Harbour <Voices> & Co"
    assert text(root, f"{c}/link") == "https://harbour.example.org/"
    assert text(root, f"{c}/description") == "Local news, read aloud."
    assert text(root, f"{c}/language") == "en-us"
    assert text(root, f"{c}/copyright") == "© 2026 Port Alder Press"
    assert text(root, f"{c}/generator") == "narrate"
    # lastBuildDate: the newest 'updated' of the catalog, so an unchanged catalog gives the same bytes
    assert text(root, f"{c}/lastBuildDate") == "Mon, 02 Mar 2026 09:00:00 +0000"
    self_link = one(root, f"{c}/atom:link")
    assert dict(self_link.attrib) == {"href": FEED, "rel": "self", "type": "application/rss+xml"}
    assert text(root, f"{c}/image/url") == "https://pod.example.org/harbour/cover.jpg"
    assert text(root, f"{c}/image/title") == "Harbour <Voices> & Co"
    assert text(root, f"{c}/image/link") == "https://harbour.example.org/"
    assert text(root, f"{c}/itunes:author") == "Port Alder Press"
    assert text(root, f"{c}/itunes:owner/itunes:name") == "Ed Itor"
    assert text(root, f"{c}/itunes:owner/itunes:email") == "ed@example.org"
    assert one(root, f"{c}/itunes:image").get("href") == "https://pod.example.org/harbour/cover.jpg"
    assert one(root, f"{c}/itunes:category").get("text") == "News"
    assert one(root, f"{c}/itunes:category/itunes:category").get("text") == "Daily News"
    assert text(root, f"{c}/itunes:explicit") == "true"
    assert text(root, f"{c}/itunes:type") == "serial"
    assert text(root, f"{c}/podcast:guid") == podcast_guid(FEED)
    locked = one(root, f"{c}/podcast:locked")
    assert locked.text == "yes" and dict(locked.attrib) == {"owner": "ed@example.org"}
    # Apple's current guide has no itunes:summary (description is used); it is not written twice
    assert root.xpath(f"{c}/itunes:summary", namespaces=NS) == []


def test_optional_channel_elements_left_out_when_empty() -> None:
    show = ShowConfig(title="Bare", author="", owner_email="", image="", copyright="", category="")
    root = parse(render_feed(show, []))
    c = "/rss/channel"
    for path in ("copyright", "image", "itunes:author", "itunes:owner", "itunes:image", "itunes:category"):
        assert root.xpath(f"{c}/{path}", namespaces=NS) == [], path
    assert text(root, f"{c}/podcast:locked") == "no"
    assert one(root, f"{c}/podcast:locked").attrib == {}  # no owner to name
    assert text(root, f"{c}/link") == "http://localhost:8000/"  # the base URL when there is no link


def test_owner_name_falls_back_to_author_and_needs_an_email() -> None:
    root = parse(render_feed(replace(SHOW, owner_name=""), []))
    assert text(root, "/rss/channel/itunes:owner/itunes:name") == "Port Alder Press"
    root = parse(render_feed(replace(SHOW, owner_email=""), []))
    assert root.xpath("/rss/channel/itunes:owner", namespaces=NS) == []  # a name alone verifies nothing


@pytest.mark.parametrize(
    ("image", "expected"),
    [
        ("cover.jpg", "https://pod.example.org/harbour/cover.jpg"),
        ("/art/cover 1.png", "https://pod.example.org/harbour/art/cover%201.png"),
        ("https://cdn.example.net/show.jpeg?v=2", "https://cdn.example.net/show.jpeg?v=2"),  # feedgen would drop it
    ],
)
def test_show_image_is_an_absolute_url(image: str, expected: str) -> None:
    root = parse(render_feed(replace(SHOW, image=image), []))
    assert one(root, "/rss/channel/itunes:image").get("href") == expected
    assert text(root, "/rss/channel/image/url") == expected


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("image", "https://[broken", "show image: 'https://[broken' is neither an absolute http(s) URL nor a file name"),
        ("image", "ftp://example.org/cover.jpg", "show image"),
        ("image", "data:image/png;base64,AAAA", "show image"),
        ("link", "harbour.example.org", "show link: 'harbour.example.org' is not an absolute http(s) URL"),
        ("link", "https://", "show link"),
    ],
)
def test_a_bad_show_url_is_a_config_error(field: str, value: str, message: str) -> None:
    # gPodder's parser fails on the whole feed when the cover URL is broken: say so before writing one
    with pytest.raises(ConfigError, match=re.escape(message)):
        render_feed(replace(SHOW, **{field: value}), [])


def test_lastbuilddate_without_episodes_is_now() -> None:
    from datetime import UTC, datetime
    from email.utils import parsedate_to_datetime

    built = parsedate_to_datetime(text(parse(render_feed(SHOW, [])), "/rss/channel/lastBuildDate"))
    assert abs((datetime.now(UTC) - built).total_seconds()) < 60


def test_same_catalog_gives_the_same_bytes() -> None:
    records = [full_record(), *catalog(3)]
    assert render_feed(FULL_SHOW, records) == render_feed(FULL_SHOW, records)


# --- podcast:guid ----------------------------------------------------------------------------------------


def test_podcast_guid_reference_value() -> None:
    # the check value given by the Podcasting 2.0 namespace (docs/1.0.md, "guid")
    ns = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
    assert uuid.uuid5(ns, "podnews.net/rss") == uuid.UUID("9b024349-ccf0-5f69-a609-6b82873eab3c")
    for url in ("https://podnews.net/rss", "http://podnews.net/rss", "podnews.net/rss", "https://podnews.net/rss//"):
        assert podcast_guid(url) == "9b024349-ccf0-5f69-a609-6b82873eab3c", url


def test_podcast_guid_from_feed_url_or_config() -> None:
    root = parse(render_feed(SHOW, []))
    assert text(root, "/rss/channel/podcast:guid") == str(
        uuid.uuid5(uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6"), "pod.example.org/harbour/feed.xml")
    )
    kept = "917393e3-1b1e-5cef-ace4-edaa54e1f810"
    root = parse(render_feed(replace(SHOW, podcast_guid=kept), []))
    assert text(root, "/rss/channel/podcast:guid") == kept


# --- items ----------------------------------------------------------------------------------------------


def test_every_item_element_and_attribute() -> None:
    root = parse(render_feed(FULL_SHOW, [full_record()]))
    i = "/rss/channel/item"
    folder = f"{EPISODES}/full"
    assert text(root, f"{i}/title") == "The full story"
    assert text(root, f"{i}/link") == f"{folder}/"  # the episode's page
    assert text(root, f"{i}/description") == "Everything about the harbour."
    guid = one(root, f"{i}/guid")
    assert guid.text == "guid-full" and guid.get("isPermaLink") == "false"
    enclosure = one(root, f"{i}/enclosure")
    assert dict(enclosure.attrib) == {"url": f"{folder}/full-abc.mp3", "length": "12345", "type": "audio/mpeg"}
    assert text(root, f"{i}/pubDate") == "Sun, 01 Mar 2026 08:30:00 +0000"
    assert text(root, f"{i}/itunes:duration") == "62"
    assert text(root, f"{i}/itunes:author") == "Jane Doe"
    assert text(root, f"{i}/itunes:explicit") == "true"
    assert text(root, f"{i}/itunes:episodeType") == "full"
    assert text(root, f"{i}/itunes:episode") == "1"
    assert text(root, f"{i}/itunes:season") == "3"
    assert one(root, f"{i}/itunes:image").get("href") == ARTWORK  # the lead image, kept beside the audio
    transcripts = [dict(t.attrib) for t in root.xpath(f"{i}/podcast:transcript", namespaces=NS)]
    assert transcripts == [
        {"url": f"{folder}/full-abc.vtt", "type": "text/vtt", "language": "en-us", "rel": "captions"},
        {"url": f"{folder}/full-abc.srt", "type": "application/x-subrip", "language": "en-us"},
        {"url": f"{folder}/full-abc.transcript.json", "type": "application/json", "language": "en-us"},
    ]
    chapters = one(root, f"{i}/podcast:chapters")
    assert dict(chapters.attrib) == {"url": f"{folder}/full-abc.chapters.json", "type": "application/json+chapters"}
    # the details file is narrate's own: not in the feed
    assert b"details.json" not in etree.tostring(root)


def test_optional_item_elements_left_out() -> None:
    bare = record("bare", "Bare", "2026-01-01T10:00:00+00:00", url="/not/absolute", image="lead.jpg")
    root = parse(render_feed(SHOW, [bare]))
    i = "/rss/channel/item"
    for path in ("itunes:episode", "itunes:season", "itunes:image", "podcast:transcript", "podcast:chapters"):
        assert root.xpath(f"{i}/{path}", namespaces=NS) == [], path
    assert text(root, f"{i}/link") == f"{SHOW.base_url}episodes/bare/"  # always the episode's page
    assert text(root, f"{i}/itunes:author") == "Port Alder Press"  # the show's when the article has none
    assert text(root, f"{i}/itunes:explicit") == "false"


def test_every_item_links_its_episode_page_in_real_parsers() -> None:
    """Issue 16: items had no <link> when the article came from a file, and castero showed "Link not
    available". feedparser and podcastparser (gPodder's) read the episode page for every item."""
    records = [record("from-a-file", "From a file", "2026-01-02T10:00:00+00:00"),
               record("from-the-web", "From the web", "2026-01-01T10:00:00+00:00", url="https://news.example.org/x")]
    xml = render_feed(SHOW, records)
    pages = [f"{SHOW.base_url}episodes/from-a-file/", f"{SHOW.base_url}episodes/from-the-web/"]
    assert [entry.link for entry in feedparser.parse(xml).entries] == pages
    assert sorted(episode["link"] for episode in podcastparser_parse(xml)["episodes"]) == pages


@pytest.mark.parametrize(
    ("article_date", "setting", "expected"),
    [
        ("2021-03-30", "article", "Tue, 30 Mar 2021 12:00:00 +0000"),  # the article's day, at noon UTC
        ("2021-03-30", "build", "Sun, 01 Mar 2026 08:30:00 +0000"),  # when it was first built
        (None, "article", "Sun, 01 Mar 2026 08:30:00 +0000"),  # no date stated: the build's
        ("2021", "article", "Sun, 01 Mar 2026 08:30:00 +0000"),  # a year is no day
        ("2026-03-01", "article", "Sun, 01 Mar 2026 08:30:00 +0000"),  # built that day: the build's time
        ("2026-03-02", "article", "Sun, 01 Mar 2026 08:30:00 +0000"),  # after the build: never in the future
    ],
)
def test_pubdate_is_the_articles_date_unless_told(article_date: str | None, setting: str, expected: str) -> None:
    """Issue 16: pubDate was the build time while the ID3 date and spoken intro said the article's."""
    xml = render_feed(replace(SHOW, pub_date=setting), [full_record(date=article_date)])
    assert text(parse(xml), "//item/pubDate") == expected
    published = feedparser.parse(xml).entries[0].published_parsed
    assert time.strftime("%a, %d %b %Y %H:%M:%S +0000", published) == expected
    [episode] = podcastparser_parse(xml)["episodes"]
    assert time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(episode["published"])) == expected


def test_pub_date_setting_is_checked() -> None:
    with pytest.raises(ValueError, match="'pub_date' must be"):
        replace(SHOW, pub_date="today")


def test_only_the_files_a_record_names_are_linked() -> None:
    root = parse(render_feed(SHOW, [full_record(files={"vtt": "x.vtt", "chapters_json": "x.json"})]))
    assert [t.get("type") for t in root.xpath("//podcast:transcript", namespaces=NS)] == ["text/vtt"]
    assert one(root, "//podcast:chapters").get("url") == f"{EPISODES}/full/x.json"


def test_transcripts_say_the_episode_language() -> None:
    records = [
        full_record(language="es"),
        replace(full_record(language="pt_BR"), slug="pt", guid="guid-pt"),
        replace(full_record(), slug="none", guid="guid-none"),  # no language of its own: the show's
        replace(full_record(language="not a tag"), slug="bad", guid="guid-bad"),
    ]
    xml = render_feed(SHOW, records)
    root = parse(xml)
    assert text(root, "/rss/channel/language") == "en-us"  # the show's, unchanged
    languages = [
        {t.get("language") for t in item.xpath("podcast:transcript", namespaces=NS)}
        for item in root.xpath("/rss/channel/item")
    ]
    assert languages == [{"es"}, {"pt-BR"}, {"en-us"}, {"en-us"}]
    # the Podcasting 2.0 schema takes every one (xs:language)
    schema = _schema()
    for element in root.xpath("//podcast:transcript", namespaces=NS):
        assert schema.validate(etree.fromstring(etree.tostring(element))), schema.error_log.last_error
    # feedparser reads the attribute back (the last transcript of each item, its quirk)
    parsed = feedparser.parse(xml)
    assert parsed.bozo is False
    assert [e.podcast_transcript["language"] for e in parsed.entries] == ["es", "pt-BR", "en-us", "en-us"]


def test_a_show_language_that_is_no_tag_is_not_given_to_transcripts() -> None:
    root = parse(render_feed(replace(SHOW, language="English"), [full_record()]))
    assert {t.get("language") for t in root.xpath("//podcast:transcript", namespaces=NS)} == {None}
    root = parse(render_feed(replace(SHOW, language="English"), [full_record(language="fr")]))
    assert {t.get("language") for t in root.xpath("//podcast:transcript", namespaces=NS)} == {"fr"}


def test_episode_urls_are_quoted() -> None:
    odd = replace(full_record(), slug="a b", audio=replace(full_record().audio, file="a b#1.mp3"))
    assert episode_url(SHOW, odd) == f"{EPISODES}/a%20b/a%20b%231.mp3"
    assert feed_url(SHOW) == FEED


@pytest.mark.parametrize(("seconds", "expected"), [(61.6, "62"), (0.2, "0"), (3599.4, "3599"), (7200.0, "7200")])
def test_duration_in_whole_seconds(seconds: float, expected: str) -> None:
    r = full_record()
    r = replace(r, audio=replace(r.audio, duration=seconds))
    assert text(parse(render_feed(SHOW, [r])), "//item/itunes:duration") == expected


def test_naive_dates_are_utc_and_bad_dates_are_named() -> None:
    root = parse(render_feed(SHOW, [record("n", "N", "2026-01-01T10:00:00")]))
    assert text(root, "//item/pubDate") == "Thu, 01 Jan 2026 10:00:00 +0000"
    with pytest.raises(ValueError, match="'n'.*not an ISO 8601 date"):
        render_feed(SHOW, [record("n", "N", "yesterday")])


def test_items_keep_the_catalog_order_newest_first() -> None:
    root = parse(render_feed(SHOW, catalog(5)))
    assert [t.text for t in root.xpath("//item/title")] == [f"Episode {i}" for i in (5, 4, 3, 2, 1)]


@pytest.mark.parametrize(("max_items", "listed"), [(0, 5), (2, 2), (5, 5), (9, 5)])
def test_max_items_lists_the_newest(max_items: int, listed: int) -> None:
    root = parse(render_feed(replace(SHOW, max_items=max_items), catalog(5)))
    assert [t.text for t in root.xpath("//item/title")] == [f"Episode {i}" for i in range(5, 5 - listed, -1)]


def test_numbering_counts_the_oldest_as_one_even_when_max_items_cuts() -> None:
    show = replace(SHOW, numbering=True)
    everything = parse(render_feed(show, catalog(5)))
    numbers = {t.text: n.text for t, n in zip(everything.xpath("//item/title"), everything.xpath("//item/itunes:episode", namespaces=NS))}
    assert numbers == {f"Episode {i}": str(i) for i in range(1, 6)}
    newest = parse(render_feed(replace(show, max_items=2), catalog(5)))
    assert [n.text for n in newest.xpath("//item/itunes:episode", namespaces=NS)] == ["5", "4"]
    # a new episode gets the next number; the others keep theirs
    grown = parse(render_feed(replace(show, max_items=2), catalog(6)))
    assert [n.text for n in grown.xpath("//item/itunes:episode", namespaces=NS)] == ["6", "5"]


def test_season_only_when_set() -> None:
    assert parse(render_feed(SHOW, catalog(1))).xpath("//itunes:season", namespaces=NS) == []
    assert text(parse(render_feed(replace(SHOW, season=2), catalog(1))), "//itunes:season") == "2"


# --- what real parsers read ------------------------------------------------------------------------------


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


def test_feedparser_reads_every_field_it_supports() -> None:
    parsed = feedparser.parse(render_feed(FULL_SHOW, [full_record(), *catalog(2)]))
    assert parsed.bozo is False
    assert parsed.version == "rss20"
    feed = parsed.feed
    assert feed.title == "Harbour <Voices> & Co"
    assert feed.link == "https://harbour.example.org/"
    assert {(link.rel, link.href) for link in feed.links} == {("alternate", "https://harbour.example.org/"), ("self", FEED)}
    assert feed.subtitle == "Local news, read aloud."  # <description>
    assert feed.language == "en-us"
    assert feed.rights == "© 2026 Port Alder Press"
    assert feed.generator == "narrate"
    assert feed.updated_parsed[:6] == (2026, 3, 2, 9, 0, 0)
    assert feed.image.href == "https://pod.example.org/harbour/cover.jpg"
    # itunes:author and itunes:owner/name both land in feed.author, the later one wins: we write the author last
    assert feed.author == "Port Alder Press"
    assert feed.publisher_detail == {"name": "Ed Itor", "email": "ed@example.org"}
    assert [t.term for t in feed.tags] == ["News", "Daily News"]
    assert feed.itunes_type == "serial"
    assert feed.itunes_explicit is None  # quirk: feedparser 6 maps only yes/clean, "true" gives None
    assert feed.podcast_guid == podcast_guid(FEED)
    assert feed.podcast_locked == {"owner": "ed@example.org"}  # quirk: the attributes only, "yes" is lost

    entry = parsed.entries[0]
    assert entry.title == "The full story"
    assert entry.link == f"{EPISODES}/full/"
    assert entry.summary == "Everything about the harbour."
    assert entry.id == "guid-full" and entry.guidislink is False
    assert entry.published_parsed[:6] == (2026, 3, 1, 8, 30, 0)
    assert [(e.href, e.length, e.type) for e in entry.enclosures] == [(f"{EPISODES}/full/full-abc.mp3", "12345", "audio/mpeg")]
    assert entry.author == "Jane Doe"
    assert entry.itunes_duration == "62"  # the raw string
    assert entry.itunes_episode == "3" and entry.itunes_season == "3"  # the oldest of three is 1
    assert entry.itunes_episodetype == "full"
    assert entry.itunes_explicit is None  # the same quirk as the channel's
    assert entry.image.href == ARTWORK
    # quirk: several podcast:transcript tags collapse into one dict, the LAST one (here the JSON)
    assert entry.podcast_transcript == {"url": f"{EPISODES}/full/full-abc.transcript.json", "type": "application/json", "language": "en-us"}
    assert entry.podcast_chapters == {"url": f"{EPISODES}/full/full-abc.chapters.json", "type": "application/json+chapters"}
    assert [e.itunes_episode for e in parsed.entries] == ["3", "2", "1"]


def test_podcastparser_reads_every_field_it_supports() -> None:
    podcast = podcastparser_parse(render_feed(FULL_SHOW, [full_record(), *catalog(2)]))
    assert podcast["title"] == "Harbour <Voices> & Co"
    assert podcast["link"] == "https://harbour.example.org/"
    assert podcast["description"] == "Local news, read aloud."
    assert podcast["language"] == "en-us"
    assert podcast["generator"] == "narrate"
    assert podcast["cover_url"] == "https://pod.example.org/harbour/cover.jpg"
    assert podcast["type"] == "serial"
    assert podcast["explicit"] is True
    assert podcast["itunes_author"] == "Port Alder Press"
    assert podcast["itunes_owner"] == {"name": "Ed Itor", "email": "ed@example.org"}
    assert podcast["itunes_categories"] == [["News", "Daily News"]]
    # podcastparser 0.6 reads podcast:locked/transcript/chapters only under the old GitHub namespace
    # URI, not the canonical one we write (and it has no podcast:guid at all)
    assert "import_prohibited" not in podcast and "podcast_guid" not in podcast

    # podcastparser sorts episodes by pubDate itself: oldest first for a serial show, newest first otherwise
    assert [e["title"] for e in podcast["episodes"]] == ["Episode 1", "Episode 2", "The full story"]
    episode = podcast["episodes"][-1]
    assert episode["title"] == "The full story"
    assert episode["guid"] == "guid-full"
    assert episode["link"] == f"{EPISODES}/full/"
    assert episode["description"] == "Everything about the harbour."
    assert episode["enclosures"] == [{"url": f"{EPISODES}/full/full-abc.mp3", "file_size": 12345, "mime_type": "audio/mpeg"}]
    assert episode["total_time"] == 62
    assert episode["published"] == 1772353800  # 2026-03-01T08:30:00Z
    assert episode["explicit"] is True
    assert episode["itunes_author"] == "Jane Doe"
    assert episode["number"] == 3 and episode["season"] == 3
    assert episode["type"] == "full"
    assert episode["episode_art_url"] == ARTWORK
    assert "transcript_url" not in episode and "chapters_json_url" not in episode  # the namespace quirk above
    assert [e["number"] for e in podcast["episodes"]] == [1, 2, 3]


# --- Apple's categories ------------------------------------------------------------------------------------


def test_category_list_is_apples_current_one() -> None:
    assert list(categories.CATEGORIES) == [
        "Arts", "Business", "Comedy", "Education", "Fiction", "Government", "History", "Health & Fitness",
        "Kids & Family", "Leisure", "Music", "News", "Religion & Spirituality", "Science", "Society & Culture",
        "Sports", "Technology", "True Crime", "TV & Film",
    ]  # fmt: skip
    subs = [s for names in categories.CATEGORIES.values() for s in names]
    assert len(subs) == 91 and len(set(subs)) == 91  # 110 names in all; no subcategory under two parents
    assert "Games & Hobbies" not in categories.CATEGORIES  # the pre-2019 name still in the npm package
    data = json.loads((Path(categories.__file__).parent / "data" / "apple-categories.json").read_text(encoding="utf-8"))
    assert "podcasters.apple.com" in data["source"]


@pytest.mark.parametrize(
    ("category", "subcategory", "valid"),
    [
        ("News", "", True),
        ("News", "Daily News", True),
        ("News", "Tech News", True),
        ("Health & Fitness", "Mental Health", True),
        ("Leisure", "Video Games", True),
        ("Science", "Natural Sciences", True),
        ("Comedy", "Stand-Up", True),
        ("Education", "How To", True),
        ("TV & Film", "After Shows", True),
        ("True Crime", "", True),
        ("Technology", "", True),
        ("news", "", False),  # Apple matches names exactly
        ("Health &amp; Fitness", "", False),  # already escaped: the serializer escapes once
        ("Health and Fitness", "", False),
        ("News", "Mental Health", False),  # a subcategory of another category
        ("Technology", "Tech News", False),  # Technology has none
        ("Games & Hobbies", "", False),  # before 2019
        ("News & Politics", "", False),
        ("Technology", "Podcasting", False),
        ("Daily News", "", False),  # a subcategory is not a category
        ("", "", False),
    ],
)
def test_is_valid(category: str, subcategory: str, valid: bool) -> None:
    assert categories.is_valid(category, subcategory) is valid


@pytest.mark.parametrize(
    ("name", "suggestion"),
    [
        ("News", "News"),
        ("news", "News"),
        ("health and fitness", "Health & Fitness"),
        ("Technolgy", "Technology"),
        ("Stand up", "Stand-Up"),
        ("how-to", "How To"),
        ("Games & Hobbies", "Leisure"),
        ("News & Politics", "News"),
        ("Science & Medicine", "Science"),
        ("tv and film", "TV & Film"),
        ("video game", "Video Games"),
        ("Quantum Basket Weaving", None),
        ("", None),
    ],
)
def test_suggest(name: str, suggestion: str | None) -> None:
    assert categories.suggest(name) == suggestion


@pytest.mark.parametrize(
    ("category", "subcategory", "message"),
    [
        ("Helth & Fitness", "", "did you mean 'Health & Fitness'?"),
        ("Daily News", "", "'Daily News' is a subcategory of 'News'"),
        ("News", "Dailly News", "did you mean 'Daily News'?"),
        ("News", "Video Games", "'Video Games' is a subcategory of 'Leisure'"),
        ("Technology", "Gadgets", "which has no subcategories"),
        ("Zzz", "", "the categories are: Arts, Business"),
        ("", "Daily News", "is not an Apple Podcasts category"),
    ],
)
def test_a_bad_category_is_a_config_error_with_a_suggestion(category: str, subcategory: str, message: str) -> None:
    with pytest.raises(ConfigError, match="show category") as caught:
        render_feed(replace(SHOW, category=category, subcategory=subcategory), [])
    assert message in str(caught.value)
    assert isinstance(caught.value, NarrateError)


def test_category_ampersand_is_escaped_once() -> None:
    xml = render_feed(replace(SHOW, category="Kids & Family", subcategory="Pets & Animals"), [])
    assert b'text="Kids &amp; Family"' in xml and b'text="Pets &amp; Animals"' in xml
    assert one(parse(xml), "//itunes:category/itunes:category").get("text") == "Pets & Animals"
    assert podcastparser_parse(xml)["itunes_categories"] == [["Kids & Family", "Pets & Animals"]]


# --- any text, well-formed XML ----------------------------------------------------------------------------

NASTY = (
    "  \x00\x01\x08\x0b\x0c\x1f\x7f\x85\x9f\ufffe\uffff\ud800\udfff"
    "Tom & Jerry <script>alert('x')</script> ]]> \"quoted\" 'single' 😀🇳🇴 שלום עולם مرحبا\tend  "
)
NASTY_PRINTABLE = "Tom & Jerry <script>alert('x')</script> ]]> \"quoted\" 'single' 😀🇳🇴 שלום עולם مرحبا"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("plain", "plain"),
        ("  padded \n", "padded"),
        ("a\x00b\x0bc\x1fd\x7fe\x85f\x9fg", "abcdefg"),
        ("tab\tnew\nline\rcr", "tab\tnew\nline\rcr"),
        ("\ufffe\uffffx\ud800\udc00", "x"),  # a surrogate PAIR in a str is two lone surrogates
        ("😀 \U0010fffd \ufffd \ue000", "😀 \U0010fffd \ufffd \ue000"),
        ("&<>]]>\"'", "&<>]]>\"'"),
        (None, ""),
    ],
)
def test_clean_text(value: str | None, expected: str) -> None:
    assert clean_text(value) == expected


def test_clean_line_makes_one_line() -> None:
    assert clean_line(" a \n\n b\t\tc\r\n") == "a b c"
    assert clean_line("non\u00a0breaking") == "non\u00a0breaking"


@pytest.mark.parametrize(
    ("value", "limit", "expected"),
    [
        ("short", 10, "short"),
        ("exactly ten", 11, "exactly ten"),
        ("one two three four", 10, "one two…"),
        ("one two three", 8, "one two…"),  # "two" ends exactly at the limit: kept whole
        ("abcdefghijklmnop", 8, "abcdefg…"),  # no space: a hard cut
        ("a bcdefghijklmnop", 8, "a bcdef…"),  # the only space is too early to cut at
    ],
)
def test_cut_chars(value: str, limit: int, expected: str) -> None:
    assert cut_chars(value, limit) == expected
    assert len(cut_chars(value, limit)) <= limit


@pytest.mark.parametrize("word", ["word", "ωμέγα", "語語語", "😀😀"])
def test_cut_bytes_fits_and_ends_at_a_word(word: str) -> None:
    text = " ".join([word] * 2000)
    cut = cut_bytes(text, 4000)
    assert len(cut.encode("utf-8")) <= 4000
    assert cut.endswith(" " + word + "…")  # a whole word, then the ellipsis
    assert len(cut.encode("utf-8")) > 4000 - len(word.encode("utf-8")) - 8  # and nearly full


def test_show_description_is_cut_to_4000_bytes() -> None:
    long = "Ferry " * 600 + "ωμέγα " * 400  # ASCII then two-byte letters
    root = parse(render_feed(replace(SHOW, description=long), []))
    description = text(root, "/rss/channel/description")
    assert len(description.encode("utf-8")) <= SHOW_DESCRIPTION_MAX_BYTES
    assert description.endswith("ωμέγα…") and long.startswith(description[:-1])
    exact = "x" * SHOW_DESCRIPTION_MAX_BYTES
    assert text(parse(render_feed(replace(SHOW, description=exact), [])), "/rss/channel/description") == exact


def test_episode_description_is_cut_to_4000_bytes() -> None:
    long = "Harbour news. " * 1000
    description = text(parse(render_feed(SHOW, [full_record(description=long)])), "//item/description")
    assert len(description.encode("utf-8")) <= 4000 and description.endswith("Harbour…")


def test_titles_are_cut_to_255_characters() -> None:
    long = "Harbour " * 60
    root = parse(render_feed(replace(SHOW, title=long), [record("t", long, "2026-01-01T10:00:00+00:00")]))
    for path in ("/rss/channel/title", "//item/title"):
        title = text(root, path)
        assert len(title) <= TITLE_MAX and title.endswith("Harbour…")
    assert len(text(root, "/rss/channel/title")) == 248


def test_empty_values_fall_back() -> None:
    show = replace(SHOW, title="\x00\x01", description="  ")
    root = parse(render_feed(show, [record("slug-x", " \x02 ", "2026-01-01T10:00:00+00:00", description="")]))
    assert text(root, "/rss/channel/title") == "Untitled"
    assert text(root, "/rss/channel/description") == "Untitled"  # RSS requires one: the title
    assert text(root, "//item/title") == "slug-x"
    assert text(root, "//item/description") == "slug-x"


TEXT_FIELDS = [
    ("show", "title"),
    ("show", "description"),
    ("show", "author"),
    ("show", "owner_name"),
    ("show", "copyright"),
    ("record", "title"),
    ("record", "description"),
    ("record", "author"),
]


def _nasty_feed(where: str, field: str) -> bytes:
    show, r = FULL_SHOW, full_record()
    if where == "show":
        show = replace(show, **{field: NASTY})
    else:
        r = replace(r, **{field: NASTY})
    return render_feed(show, [r])


@pytest.mark.parametrize(("where", "field"), TEXT_FIELDS)
def test_hostile_text_in_every_field_stays_well_formed(where: str, field: str, tmp_path: Path) -> None:
    xml = _nasty_feed(where, field)
    root = parse(xml)  # lxml: well-formed
    # the printable characters all survive, in the element they were put in
    places = {
        ("show", "title"): ["/rss/channel/title", "/rss/channel/image/title"],
        ("show", "description"): ["/rss/channel/description"],
        ("show", "author"): ["/rss/channel/itunes:author"],
        ("show", "owner_name"): ["/rss/channel/itunes:owner/itunes:name"],
        ("show", "copyright"): ["/rss/channel/copyright"],
        ("record", "title"): ["//item/title"],
        ("record", "description"): ["//item/description"],
        ("record", "author"): ["//item/itunes:author"],
    }[(where, field)]
    # a description keeps its tab; a one-line value has its white space runs made one space
    expected = NASTY_PRINTABLE + ("\tend" if field == "description" else " end")
    for path in places:
        assert text(root, path) == expected, path
    assert b"]]&gt;" in xml and b"&lt;script&gt;" in xml  # escaped, never raw markup

    parsed = feedparser.parse(xml)
    assert parsed.bozo is False, parsed.get("bozo_exception")
    podcast = podcastparser_parse(xml)
    readers = {
        ("show", "title"): [parsed.feed.title, podcast["title"]],
        ("show", "author"): [parsed.feed.author, podcast["itunes_author"]],
        ("show", "owner_name"): [parsed.feed.publisher_detail["name"], podcast["itunes_owner"]["name"]],
        ("show", "copyright"): [parsed.feed.rights],
        ("record", "title"): [parsed.entries[0].title, podcast["episodes"][0]["title"]],
        ("record", "author"): [parsed.entries[0].author, podcast["episodes"][0]["itunes_author"]],
    }.get((where, field), [])
    for value in readers:
        assert NASTY_PRINTABLE in value
    if field == "description":
        # feedparser treats a description as HTML and sanitizes it: the <script> element goes, the rest stays
        html = parsed.feed.subtitle if where == "show" else parsed.entries[0].summary
        assert html == NASTY_PRINTABLE.replace("<script>alert('x')</script>", "") + "\tend"

    path = tmp_path / "feed.xml"
    path.write_bytes(xml)
    _xmllint(path)


def test_hostile_urls_and_names_stay_well_formed() -> None:
    show = replace(SHOW, language="en\x00-us", owner_email="ed\x01@example.org", image="co\x02ver.jpg", podcast_guid="")
    r = full_record(guid="g\x03uid", url="https://news.example.org/\x04a?b=1&c=2", files={"vtt": "a\x05.vtt"})
    root = parse(render_feed(show, [r]))
    assert text(root, "/rss/channel/language") == "en-us"
    assert text(root, "/rss/channel/itunes:owner/itunes:email") == "ed@example.org"
    assert text(root, "//item/guid") == "guid"
    assert text(root, "//item/link") == f"{EPISODES}/full/"
    assert one(root, "//podcast:transcript").get("url") == f"{EPISODES}/full/a.vtt"
    broken = parse(render_feed(SHOW, [full_record(url="http://[broken", image="https://[::1", files={})]))
    assert broken.xpath("//item/itunes:image", namespaces=NS) == []


# random text everywhere: always well-formed, always accepted by feedparser (and podcastparser)
_HOSTILE = st.sampled_from(
    ["\x00", "\x0b", "\x1f", "\x7f", "\x85", "\ufffe", "\uffff", "\ud800", "\udfff", "&", "<", ">", "]]>", "<![CDATA[",
     '"', "'", "&amp;", "😀", "🇳🇴", "שלום", "مرحبا", "\u202e", "\r\n", "\t", " ", "\u00a0", "https://", "["]
)  # fmt: skip
any_text = st.lists(st.one_of(st.characters(codec=None), _HOSTILE), max_size=40).map("".join)
"""Any code point (lone surrogates and control characters included), with the usual suspects mixed in."""


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    show=st.fixed_dictionaries(
        {
            "title": any_text.filter(lambda s: s.strip()),  # ShowConfig refuses a blank title
            "description": any_text,
            "author": any_text,
            "owner_name": any_text,
            "owner_email": any_text.filter(lambda s: s.strip()),  # locked needs one
            "copyright": any_text,
            "language": any_text,
            "link": any_text,
            "image": any_text,
            "podcast_guid": any_text,
        }
    ),
    episode=st.fixed_dictionaries(
        {"title": any_text, "author": any_text, "description": any_text, "url": any_text, "image": any_text, "guid": any_text}
    ),
    vtt=any_text,
)
def test_random_text_always_parses(show: dict[str, str], episode: dict[str, str], vtt: str) -> None:
    config, records = replace(FULL_SHOW, **show), [full_record(**episode, files={"vtt": vtt})]
    try:
        xml = render_feed(config, records)
    except ConfigError as exc:  # a show link or image that is no URL is refused, by design
        assert str(exc).startswith(("show image:", "show link:")), exc
        xml = render_feed(replace(config, link="", image=""), records)
    root = parse(xml)
    assert text(root, "//item/title") == (clean_line(episode["title"]) or "full")
    assert text(root, "/rss/channel/title") == (clean_line(show["title"]) or "Untitled")
    parsed = feedparser.parse(xml)
    assert parsed.bozo is False, parsed.get("bozo_exception")
    assert len(parsed.entries) == 1
    assert len(podcastparser_parse(xml)["episodes"]) == 1


# --- schema and xmllint -----------------------------------------------------------------------------------


def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD)))


def test_podcast_elements_validate_against_our_xsd() -> None:
    schema = _schema()
    root = parse(render_feed(FULL_SHOW, [full_record(), *catalog(2)]))
    elements = root.xpath("//podcast:*", namespaces=NS)
    assert sorted({etree.QName(e).localname for e in elements}) == ["chapters", "guid", "locked", "transcript"]
    for element in elements:
        alone = etree.fromstring(etree.tostring(element))  # each element as its own document
        assert schema.validate(alone), (etree.tostring(element), schema.error_log.last_error)
    unlocked = parse(render_feed(replace(SHOW, owner_email=""), []))
    assert schema.validate(etree.fromstring(etree.tostring(one(unlocked, "//podcast:locked"))))


P = f'xmlns:podcast="{PODCAST_NS}"'


@pytest.mark.parametrize(
    "xml",
    [
        f"<podcast:locked {P}>maybe</podcast:locked>",
        f'<podcast:locked {P} owner="not an email">yes</podcast:locked>',
        f"<podcast:guid {P}>not-a-uuid</podcast:guid>",
        f"<podcast:guid {P}>{uuid.uuid4()}</podcast:guid>",  # version 4, not 5
        f'<podcast:transcript {P} url="https://a.example/t.vtt"/>',  # no type
        f'<podcast:transcript {P} type="text/vtt"/>',  # no url
        f'<podcast:transcript {P} url="https://a.example/t.vtt" type="text/vtt" rel="subtitles"/>',
        f'<podcast:transcript {P} url="t.vtt" type="text/vtt"/>',  # not absolute
        f'<podcast:chapters {P} url="https://a.example/c.json" type="chapters"/>',  # not a MIME type
        f"<podcast:season {P}>0</podcast:season>",
        f"<podcast:episode {P}>one</podcast:episode>",
        '<podcast:locked xmlns:podcast="https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md">no</podcast:locked>',
    ],
)
def test_invalid_podcast_elements_fail_our_xsd(xml: str) -> None:
    assert not _schema().validate(etree.fromstring(xml))


@pytest.mark.parametrize(
    "xml",
    [
        f'<podcast:season {P} name="Harbour stories">2</podcast:season>',
        f'<podcast:episode {P} display="Ch. 3">3.5</podcast:episode>',
        f'<podcast:transcript {P} url="https://a.example/t.html" type="text/html"/>',
    ],
)
def test_other_valid_podcast_elements_pass_our_xsd(xml: str) -> None:
    assert _schema().validate(etree.fromstring(xml)), _schema().error_log


def _xmllint(path: Path) -> None:
    xmllint = require_tool("xmllint")
    done = subprocess.run([xmllint, "--noout", str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_written_feed_passes_xmllint(tmp_path: Path) -> None:
    path = write_feed(tmp_path, FULL_SHOW, [full_record(), *catalog(3)])
    assert path == tmp_path / "feed.xml"
    assert path.read_bytes() == render_feed(FULL_SHOW, [full_record(), *catalog(3)])
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)]
    _xmllint(path)


def test_ten_thousand_episodes_render_quickly() -> None:
    records = [record(f"e{i}", f"Episode {i}", "2026-01-01T10:00:00+00:00", files=dict(FILES)) for i in range(10_000)]
    start = time.perf_counter()
    xml = render_feed(replace(SHOW, numbering=True), records)
    elapsed = time.perf_counter() - start
    assert xml.count(b"<item>") == 10_000
    assert elapsed < 15, f"{elapsed:.1f} s"  # about 1 s on the development machine
