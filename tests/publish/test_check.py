"""narrate.publish.check: real output folders (MP3s from Mp3Writer, covers from Pillow, feed from render_feed)
with one thing broken at a time, each caught with its own code."""

from __future__ import annotations

import functools
import json
import shutil
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np
import pytest
from lxml import etree
from PIL import Image

from narrate.audio.mp3writer import Mp3Writer
from narrate.config import ShowConfig
from narrate.errors import InputError, NarrateError
from narrate.models import Clip
from narrate.publish.catalog import EPISODES_DIR, AudioInfo, EpisodeRecord
from narrate.publish.check import CheckReport, Problem, check_feed
from narrate.publish.feed import render_feed

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
PODCAST = "{https://podcastindex.org/namespace/1.0}"
BASE = "https://pod.example.org/harbour/"
RATE = 24000

SHOW = ShowConfig(
    title="Harbour Voices",
    description="Local news, read aloud.",
    author="Port Alder Press",
    owner_name="Ed Itor",
    owner_email="ed@example.org",
    language="en-us",
    category="News",
    subcategory="Daily News",
    image="cover.jpg",
    link="https://example.org/harbour",
    base_url=BASE,
    copyright="© 2026 Port Alder Press",
)

LOCAL_CODES = {
    "artwork-missing", "artwork-unreadable", "artwork-format", "artwork-extension", "artwork-not-square",
    "artwork-size", "artwork-color", "enclosure-file-missing", "enclosure-length", "enclosure-content",
    "duration-mismatch", "transcript-file-missing", "transcript-invalid", "chapters-file-missing", "chapters-invalid",
}
"""Codes that only checks of local files produce."""


# --- building a real output folder -------------------------------------------------------------


def write_mp3(path: Path, seconds: float, freq: float) -> AudioInfo:
    t = np.arange(round(seconds * RATE)) / RATE
    writer = Mp3Writer(path, input_rate=RATE)
    writer.write(Clip((0.3 * np.sin(2 * np.pi * freq * t)).astype(np.float32), RATE))
    encoded = writer.close()
    return AudioInfo(
        file=path.name, bytes=encoded.bytes, duration=encoded.duration, sample_rate=encoded.sample_rate,
        bitrate=encoded.bitrate, sha256=encoded.sha256,
    )


def make_episode(out: Path, slug: str, title: str, published: str, seconds: float, freq: float) -> EpisodeRecord:
    folder = out / EPISODES_DIR / slug
    folder.mkdir(parents=True)
    audio = write_mp3(folder / f"{slug}-0a1b2c.mp3", seconds, freq)
    (folder / f"{slug}-0a1b2c.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nHello.\n", encoding="utf-8")
    chapters = {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Opening"}, {"startTime": 0.5, "title": "Story"}]}
    (folder / f"{slug}-0a1b2c.chapters.json").write_text(json.dumps(chapters), encoding="utf-8")
    return EpisodeRecord(
        guid=f"urn:uuid:{slug}",
        slug=slug,
        title=title,
        source=f"/articles/{slug}.txt",
        source_sha256="0" * 64,
        published=published,
        updated=published,
        audio=audio,
        voice={"preset": "default"},
        description=f"About {title.lower()}.",
        files={"vtt": f"{slug}-0a1b2c.vtt", "chapters_json": f"{slug}-0a1b2c.chapters.json"},
    )


def save_image(path: Path, size: tuple[int, int], fmt: str = "JPEG", mode: str = "RGB") -> None:
    Image.new(mode, size, "navy" if mode == "RGB" else 40).save(path, fmt)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("built") / "out"
    out.mkdir()
    save_image(out / "cover.jpg", (1400, 1400))
    records = [
        make_episode(out, "ferry-times", "Ferry times change", "2026-02-01T10:00:00+00:00", 1.5, 440.0),
        make_episode(out, "harbour-wall", "The harbour wall", "2026-01-15T08:30:00+00:00", 1.0, 330.0),
    ]
    (out / "feed.xml").write_bytes(render_feed(SHOW, records))
    return out


@pytest.fixture
def out(built: Path, tmp_path: Path) -> Path:
    """A fresh copy of the clean output folder, for one test to break."""
    return Path(shutil.copytree(built, tmp_path / "out"))


def edit_feed(out: Path, change: Callable[[etree._Element], None]) -> None:
    path = out / "feed.xml"
    root = etree.fromstring(path.read_bytes())
    change(root)
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def channel(root: etree._Element) -> etree._Element:
    found = root.find("channel")
    assert found is not None
    return found


def items(root: etree._Element) -> list[etree._Element]:
    return channel(root).findall("item")


def set_text(parent: etree._Element, tag: str, text: str) -> None:
    """Set the text of ``parent``'s ``tag``, adding the element when the feed has none."""
    element = parent.find(tag)
    if element is None:
        element = etree.SubElement(parent, tag)
    element.text = text


def codes(report: CheckReport) -> set[str]:
    return {p.code for p in report.problems}


def only(report: CheckReport, code: str) -> Problem:
    found = [p for p in report.problems if p.code == code]
    assert len(found) == 1, report.problems
    return found[0]


# --- a clean folder ----------------------------------------------------------------------------


def test_clean_folder_has_no_errors(out: Path) -> None:
    report = check_feed(out)
    assert report.errors == []
    assert report.ok
    assert report.feed == str(out / "feed.xml")
    # whatever narrate's feed leaves out is at most recommended, never one of the local-file checks
    assert not codes(report) & LOCAL_CODES


def test_a_complete_feed_has_no_problems_at_all(out: Path) -> None:
    """narrate's feed with every required and recommended tag made sure of: not even a warning."""

    def complete(root: etree._Element) -> None:
        ch = channel(root)
        for tag, text in (("copyright", "© 2026"), (f"{ITUNES}type", "episodic"), (f"{PODCAST}guid", "9b024349-ccf0-5f69-a609-6b82873eab3c"),
                          (f"{PODCAST}locked", "no"), (f"{ITUNES}author", "Port Alder Press")):
            if ch.find(tag) is None:
                etree.SubElement(ch, tag).text = text
        for item in items(root):
            for tag in (f"{PODCAST}transcript", f"{PODCAST}chapters"):
                for old in item.findall(tag):
                    item.remove(old)
            slug = item.findtext("guid").removeprefix("urn:uuid:")
            url = f"{BASE}{EPISODES_DIR}/{slug}/{slug}-0a1b2c"
            etree.SubElement(item, f"{PODCAST}transcript", url=url + ".vtt", type="text/vtt")
            etree.SubElement(item, f"{PODCAST}chapters", url=url + ".chapters.json", type="application/json+chapters")

    edit_feed(out, complete)
    report = check_feed(out)
    assert report.problems == []


def test_a_feed_file_is_checked_with_the_files_beside_it(out: Path) -> None:
    report = check_feed(str(out / "feed.xml"))
    assert report.errors == []
    (out / "cover.jpg").unlink()
    assert "artwork-missing" in codes(check_feed(out / "feed.xml"))


# --- artwork -----------------------------------------------------------------------------------


def test_small_image(out: Path) -> None:
    save_image(out / "cover.jpg", (500, 500))
    problem = only(check_feed(out), "artwork-size")
    assert problem.severity == "error"
    assert problem.where == "cover.jpg"
    assert "500 x 500" in problem.message
    assert "1400" in problem.fix and "3000" in problem.fix and "image" in problem.fix


def test_too_large_image(out: Path) -> None:
    save_image(out / "cover.jpg", (3200, 3200))
    assert "3200 x 3200" in only(check_feed(out), "artwork-size").message


def test_non_square_image(out: Path) -> None:
    save_image(out / "cover.jpg", (1600, 1400))
    report = check_feed(out)
    assert "1600 x 1400" in only(report, "artwork-not-square").message
    assert "artwork-size" not in codes(report)  # both sides are within 1400-3000


def test_png_saved_as_jpg(out: Path) -> None:
    save_image(out / "cover.jpg", (1400, 1400), fmt="PNG")
    report = check_feed(out)
    problem = only(report, "artwork-extension")
    assert "PNG" in problem.message and ".jpg" in problem.message
    assert "cover.png" in problem.fix
    assert "artwork-format" not in codes(report)


def test_image_that_is_neither_jpeg_nor_png(out: Path) -> None:
    save_image(out / "cover.jpg", (1400, 1400), fmt="GIF", mode="P")
    report = check_feed(out)
    assert "GIF" in only(report, "artwork-format").message


def test_image_not_rgb(out: Path) -> None:
    save_image(out / "cover.jpg", (1400, 1400), mode="CMYK")
    assert "CMYK" in only(check_feed(out), "artwork-color").message


def test_image_that_is_not_an_image(out: Path) -> None:
    (out / "cover.jpg").write_bytes(b"<html>not found</html>")
    assert only(check_feed(out), "artwork-unreadable").severity == "error"


def test_truncated_image(out: Path) -> None:
    data = (out / "cover.jpg").read_bytes()
    (out / "cover.jpg").write_bytes(data[: len(data) // 2])
    assert "artwork-unreadable" in codes(check_feed(out))


def test_missing_image(out: Path) -> None:
    (out / "cover.jpg").unlink()
    assert "cover.jpg" in only(check_feed(out), "artwork-missing").message


def test_remote_image_is_checked_by_url_only(out: Path) -> None:
    def remote(root: etree._Element) -> None:
        channel(root).find(f"{ITUNES}image").set("href", "https://cdn.example.net/art/cover.webp")

    edit_feed(out, remote)
    report = check_feed(out)
    problem = only(report, "artwork-url")
    assert problem.severity == "warning"
    assert not codes(report) & LOCAL_CODES


# --- channel tags ------------------------------------------------------------------------------


def test_unknown_category_with_suggestion(out: Path) -> None:
    def typo(root: etree._Element) -> None:
        category = channel(root).find(f"{ITUNES}category")
        category.set("text", "Technolgy")
        for sub in list(category):
            category.remove(sub)

    edit_feed(out, typo)
    problem = only(check_feed(out), "category-unknown")
    assert problem.severity == "error"
    assert "Technolgy" in problem.message
    assert '"Technology"' in problem.fix and "category" in problem.fix


def test_unknown_subcategory_with_suggestion(out: Path) -> None:
    edit_feed(out, lambda root: channel(root).find(f"{ITUNES}category")[0].set("text", "Daily news"))
    problem = only(check_feed(out), "category-unknown")
    assert "Daily news" in problem.message and '"News"' in problem.message
    assert 'subcategory = "Daily News"' in problem.fix


def test_old_category_name_suggests_its_successor(out: Path) -> None:
    def old(root: etree._Element) -> None:
        category = channel(root).find(f"{ITUNES}category")
        category.set("text", "News & Politics")
        category.remove(category[0])

    edit_feed(out, old)
    assert '"News"' in only(check_feed(out), "category-unknown").fix


@pytest.mark.parametrize(("value", "meant"), [("yes", "true"), ("no", "false"), ("clean", "false"), ("True", "true")])
def test_explicit_yes_no_clean(out: Path, value: str, meant: str) -> None:
    edit_feed(out, lambda root: setattr(channel(root).find(f"{ITUNES}explicit"), "text", value))
    problem = [p for p in check_feed(out).problems if p.code == "explicit-value" and p.where == "channel"]
    assert len(problem) == 1
    assert problem[0].severity == "error"
    assert f'"{value}"' in problem[0].message
    assert f'"{meant}"' in problem[0].fix and "explicit" in problem[0].fix


@pytest.mark.parametrize(
    ("tag", "name"),
    [("title", "title"), ("description", "description"), ("language", "language"),
     (f"{ITUNES}image", "itunes:image"), (f"{ITUNES}category", "itunes:category"), (f"{ITUNES}explicit", "itunes:explicit")],
)
def test_missing_required_tag(out: Path, tag: str, name: str) -> None:
    def drop(root: etree._Element) -> None:
        ch = channel(root)
        for element in ch.findall(tag):
            ch.remove(element)

    edit_feed(out, drop)
    report = check_feed(out)
    missing = [p for p in report.errors if p.code == "required-missing" and p.where == "channel"]
    assert len(missing) == 1
    assert f"no {name} " in missing[0].message
    assert "narrate.toml" in missing[0].fix


def test_empty_required_tag_counts_as_missing(out: Path) -> None:
    edit_feed(out, lambda root: setattr(channel(root).find("title"), "text", "   "))
    assert "no title" in only(check_feed(out), "required-missing").message


def test_warnings_are_listed_apart_from_errors(out: Path) -> None:
    def drop(root: etree._Element) -> None:
        ch = channel(root)
        for tag in (f"{ITUNES}author", "copyright", f"{ITUNES}owner"):
            for element in ch.findall(tag):
                ch.remove(element)

    edit_feed(out, drop)
    report = check_feed(out)
    assert report.errors == []
    assert report.ok
    messages = {p.message for p in report.warnings if p.code == "recommended-missing"}
    assert {"no itunes:author (recommended)", "no copyright (recommended)",
            "no itunes:owner with itunes:email (recommended)"} <= messages
    assert all(p.severity == "warning" for p in report.warnings)
    assert set(report.warnings) | set(report.errors) == set(report.problems)
    owner = next(p for p in report.warnings if "itunes:owner" in p.message)
    assert "owner_email" in owner.fix


def test_description_over_4000_bytes_counts_bytes_not_characters(out: Path) -> None:
    def long(root: etree._Element) -> None:
        channel(root).find("description").text = "é" * 2100  # 2100 characters, 4200 bytes
        for element in channel(root).findall(f"{ITUNES}summary"):
            element.text = "é" * 2100
        items(root)[1].find("description").text = "ü" * 1999  # 3998 bytes: fine

    edit_feed(out, long)
    report = check_feed(out)
    problem = only(report, "description-length")
    assert problem.where == "channel"
    assert "4200 bytes" in problem.message and "4000" in problem.message
    assert "description" in problem.fix


def test_item_description_over_4000_bytes(out: Path) -> None:
    edit_feed(out, lambda root: setattr(items(root)[0].find("description"), "text", "x" * 4001))
    problem = only(check_feed(out), "description-length")
    assert problem.where == 'item "Ferry times change"'


def test_value_over_255_characters_is_a_warning(out: Path) -> None:
    edit_feed(out, lambda root: setattr(items(root)[0].find("title"), "text", "Long " * 60))
    problem = only(check_feed(out), "value-length")
    assert problem.severity == "warning"
    assert "title is 299 characters" in problem.message or "title is 300 characters" in problem.message


@pytest.mark.parametrize(
    ("change", "code", "severity"),
    [
        (lambda ch: set_text(ch, "language", "English"), "language-code", "error"),
        (lambda ch: set_text(ch, f"{ITUNES}type", "daily"), "itunes-type", "error"),
        (lambda ch: set_text(ch, f"{PODCAST}locked", "true"), "podcast-locked", "error"),
        (lambda ch: set_text(ch, f"{PODCAST}guid", "not-a-uuid"), "podcast-guid", "error"),
        (lambda ch: set_text(ch.find(f"{ITUNES}owner"), f"{ITUNES}email", "ed at example"), "owner-email", "warning"),
        (lambda ch: set_text(ch, "link", "example.org"), "link-url", "warning"),
    ],
)
def test_channel_values(out: Path, change: Callable[[etree._Element], None], code: str, severity: str) -> None:
    edit_feed(out, lambda root: change(channel(root)))
    assert only(check_feed(out), code).severity == severity


def test_localhost_base_url_is_a_warning(out: Path) -> None:
    feed = (out / "feed.xml").read_bytes().replace(BASE.encode(), b"http://localhost:8000/")
    (out / "feed.xml").write_bytes(feed)
    report = check_feed(out)
    assert only(report, "base-url-local").severity == "warning"
    assert report.errors == []  # the local files are still found under the new base


def test_without_self_link_local_files_are_not_checked(out: Path) -> None:
    def drop(root: etree._Element) -> None:
        ch = channel(root)
        for link in ch.findall("{http://www.w3.org/2005/Atom}link"):
            ch.remove(link)

    edit_feed(out, drop)
    (out / "cover.jpg").unlink()
    report = check_feed(out)
    assert {"recommended-missing", "local-unchecked"} <= codes(report)
    assert "artwork-missing" not in codes(report)


# --- items -------------------------------------------------------------------------------------


def test_enclosure_length_does_not_match_the_file(out: Path) -> None:
    mp3 = out / EPISODES_DIR / "ferry-times" / "ferry-times-0a1b2c.mp3"
    size = mp3.stat().st_size
    with mp3.open("ab") as handle:
        handle.write(b"\0" * 100)
    problem = only(check_feed(out), "enclosure-length")
    assert problem.severity == "error"
    assert problem.where == 'item "Ferry times change"'
    assert f"{size} bytes" in problem.message and f"{size + 100} bytes" in problem.message
    assert problem.fix == "run narrate feed to rebuild it"


def test_missing_enclosure_file(out: Path) -> None:
    (out / EPISODES_DIR / "harbour-wall" / "harbour-wall-0a1b2c.mp3").unlink()
    problem = only(check_feed(out), "enclosure-file-missing")
    assert problem.where == 'item "The harbour wall"'
    assert "episodes/harbour-wall/harbour-wall-0a1b2c.mp3" in problem.message


def test_enclosure_that_is_not_mp3(out: Path) -> None:
    mp3 = out / EPISODES_DIR / "harbour-wall" / "harbour-wall-0a1b2c.mp3"
    size = mp3.stat().st_size
    mp3.write_bytes(b"<html>" + b" " * (size - 6))
    assert "not an MP3" in only(check_feed(out), "enclosure-content").message


def test_duration_that_does_not_match_the_audio(out: Path) -> None:
    edit_feed(out, lambda root: setattr(items(root)[0].find(f"{ITUNES}duration"), "text", "600"))
    problem = only(check_feed(out), "duration-mismatch")
    assert problem.severity == "warning" and "600 s" in problem.message


def test_duplicate_guid(out: Path) -> None:
    edit_feed(out, lambda root: setattr(items(root)[1].find("guid"), "text", items(root)[0].findtext("guid")))
    problem = only(check_feed(out), "guid-duplicate")
    assert problem.severity == "error"
    assert problem.where == 'item "The harbour wall"'
    assert 'item "Ferry times change"' in problem.message


def test_reused_enclosure_url_with_another_length(out: Path) -> None:
    def reuse(root: etree._Element) -> None:
        first, second = (item.find("enclosure") for item in items(root))
        second.set("url", first.get("url"))

    edit_feed(out, reuse)
    report = check_feed(out)
    problem = only(report, "enclosure-duplicate")
    assert "with length" in problem.message
    assert "enclosure-length" in codes(report)  # the second item's length is not the file's


@pytest.mark.parametrize(
    ("change", "code", "severity"),
    [
        (lambda item: setattr(item.find("pubDate"), "text", "2026-02-01 10:00"), "pubdate-invalid", "error"),
        (lambda item: setattr(item.find(f"{ITUNES}duration"), "text", "about a minute"), "duration-invalid", "error"),
        (lambda item: item.find("enclosure").set("length", "12kB"), "enclosure-length-invalid", "error"),
        (lambda item: item.find("enclosure").set("type", "text/html"), "enclosure-type", "error"),
        (lambda item: item.find("enclosure").set("type", "audio/flac"), "enclosure-type", "warning"),
        (lambda item: item.find("enclosure").set("url", "episodes/x.mp3"), "enclosure-url", "error"),
        (lambda item: set_text(item, f"{ITUNES}episode", "0"), "episode-number", "error"),
        (lambda item: set_text(item, f"{ITUNES}season", "one"), "season-number", "error"),
        (lambda item: set_text(item, f"{ITUNES}episodeType", "normal"), "episode-type", "error"),
        (lambda item: item.find("guid").set("isPermaLink", "true"), "guid-permalink", "warning"),
    ],
)
def test_item_values(out: Path, change: Callable[[etree._Element], None], code: str, severity: str) -> None:
    edit_feed(out, lambda root: change(items(root)[0]))
    problem = only(check_feed(out), code)
    assert problem.severity == severity
    assert problem.where == 'item "Ferry times change"'


@pytest.mark.parametrize(("tag", "name"), [("title", "title"), ("guid", "guid"), ("enclosure", "enclosure")])
def test_item_without_required_tag(out: Path, tag: str, name: str) -> None:
    edit_feed(out, lambda root: items(root)[1].remove(items(root)[1].find(tag)))
    problem = only(check_feed(out), "required-missing")
    assert problem.message == f"no {name} (required)"
    assert problem.where.startswith("item")


def test_item_without_recommended_tags(out: Path) -> None:
    def drop(root: etree._Element) -> None:
        item = items(root)[0]
        for tag in ("pubDate", f"{ITUNES}duration"):
            item.remove(item.find(tag))

    edit_feed(out, drop)
    report = check_feed(out)
    assert report.errors == []
    assert {p.message for p in report.warnings if p.code == "recommended-missing"} >= {
        "no pubDate (recommended)", "no itunes:duration (recommended)"}


def test_no_items_is_a_warning(out: Path) -> None:
    edit_feed(out, lambda root: [channel(root).remove(item) for item in items(root)])
    report = check_feed(out)
    assert only(report, "no-episodes").severity == "warning"
    assert report.errors == []


# --- transcripts and chapters --------------------------------------------------------------------


def add_to_first_item(out: Path, tag: str, name: str, kind: str) -> None:
    url = f"{BASE}{EPISODES_DIR}/ferry-times/{name}"
    edit_feed(out, lambda root: etree.SubElement(items(root)[0], f"{PODCAST}{tag}", url=url, type=kind))


def test_missing_transcript_file(out: Path) -> None:
    add_to_first_item(out, "transcript", "ferry-times-gone.vtt", "text/vtt")
    problem = only(check_feed(out), "transcript-file-missing")
    assert "episodes/ferry-times/ferry-times-gone.vtt" in problem.message


def test_transcript_that_is_not_webvtt(out: Path) -> None:
    (out / EPISODES_DIR / "ferry-times" / "bad.vtt").write_text("1\n00:00:00,000 --> 00:00:01,000\nHi\n")
    add_to_first_item(out, "transcript", "bad.vtt", "text/vtt")
    assert "WEBVTT" in only(check_feed(out), "transcript-invalid").message


def test_missing_chapters_file(out: Path) -> None:
    add_to_first_item(out, "chapters", "ferry-times-gone.chapters.json", "application/json+chapters")
    assert only(check_feed(out), "chapters-file-missing").severity == "error"


def test_chapters_out_of_order(out: Path) -> None:
    data = {"version": "1.2.0", "chapters": [{"startTime": 5, "title": "B"}, {"startTime": 1, "title": "A"}]}
    (out / EPISODES_DIR / "ferry-times" / "bad.chapters.json").write_text(json.dumps(data))
    add_to_first_item(out, "chapters", "bad.chapters.json", "application/json+chapters")
    assert "chapter 2 starts at 1 s" in only(check_feed(out), "chapters-invalid").message


# --- the document ------------------------------------------------------------------------------


def test_unparsable_xml_is_one_error(out: Path) -> None:
    feed = out / "feed.xml"
    feed.write_bytes(feed.read_bytes().replace(b"</channel>", b"</chanel>"))
    report = check_feed(out)
    assert len(report.problems) == 1
    problem = report.problems[0]
    assert (problem.code, problem.severity) == ("xml-malformed", "error")
    assert "\n" not in problem.message and "line" in problem.message


def test_empty_feed_file(out: Path) -> None:
    (out / "feed.xml").write_bytes(b"")
    assert [p.code for p in check_feed(out).problems] == ["xml-malformed"]


def test_external_entities_are_not_read(out: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET" * 60, encoding="utf-8")  # 360 characters: a value-length warning if read
    feed = out / "feed.xml"
    xml = feed.read_bytes().split(b"?>", 1)[1]
    doctype = f'<!DOCTYPE rss [<!ENTITY secret SYSTEM "{secret.as_uri()}">]>'.encode()
    feed.write_bytes(b'<?xml version="1.0" encoding="UTF-8"?>' + doctype + xml.replace(b"</title>", b"&secret;</title>", 1))
    report = check_feed(out)
    assert "value-length" not in codes(report)
    assert all("SECRET" not in p.message for p in report.problems)


def test_non_ascii_enclosure_url_is_a_warning(out: Path) -> None:
    def rename(root: etree._Element) -> None:
        enclosure = items(root)[0].find("enclosure")
        enclosure.set("url", enclosure.get("url").replace("ferry-times-0a1b2c", "ferry-times-ø"))

    edit_feed(out, rename)
    (out / EPISODES_DIR / "ferry-times" / "ferry-times-0a1b2c.mp3").rename(out / EPISODES_DIR / "ferry-times" / "ferry-times-ø.mp3")
    report = check_feed(out)
    assert only(report, "url-ascii").severity == "warning"
    assert report.errors == []  # the file is still found


def test_atom_feed_is_not_rss(out: Path) -> None:
    (out / "feed.xml").write_text('<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', encoding="utf-8")
    report = check_feed(out)
    assert [p.code for p in report.problems] == ["rss-root"]
    assert "Atom" in report.problems[0].message


def test_rss_version_and_channel(out: Path) -> None:
    (out / "feed.xml").write_text('<rss version="0.91"><title>x</title></rss>', encoding="utf-8")
    assert [p.code for p in check_feed(out).problems] == ["rss-version", "rss-channel"]


# --- targets -----------------------------------------------------------------------------------


def test_missing_target_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder") as info:
        check_feed(tmp_path / "nowhere")
    assert isinstance(info.value, NarrateError)


def test_folder_without_feed(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no feed.xml"):
        check_feed(tmp_path)


@pytest.fixture
def static_server(out: Path) -> Iterator[str]:
    """A plain http.server serving the output folder, as a static host would."""
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(out))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def test_feed_by_url_has_no_local_file_checks(out: Path, static_server: str) -> None:
    edit_feed(out, lambda root: setattr(channel(root).find(f"{ITUNES}explicit"), "text", "yes"))
    (out / "cover.jpg").unlink()
    shutil.rmtree(out / EPISODES_DIR)
    url = static_server + "feed.xml"
    report = check_feed(url)
    assert report.feed == url
    assert only(report, "explicit-value").severity == "error"  # the feed itself is checked
    assert not codes(report) & LOCAL_CODES  # but nothing is looked up on disk or downloaded
    self_link = only(report, "self-link")  # the feed says it lives at pod.example.org
    assert self_link.severity == "warning" and url in self_link.message


def test_feed_url_that_fails(static_server: str) -> None:
    with pytest.raises(InputError, match="404"):
        check_feed(static_server + "missing.xml")


def test_problems_are_one_line(out: Path) -> None:
    def messy(root: etree._Element) -> None:
        items(root)[0].find("pubDate").text = "first\nof\tFebruary"
        channel(root).find("language").text = "en\nus"

    edit_feed(out, messy)
    report = check_feed(out)
    assert {"pubdate-invalid", "language-code"} <= codes(report)
    for problem in report.problems:
        for text in (problem.where, problem.message, problem.fix):
            assert "\n" not in text and "\t" not in text
