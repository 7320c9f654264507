"""narrate.publish.check.items: real episodes (MP3s, transcripts, chapters) with one thing broken at a
time, each caught with its own code."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from narrate.publish.catalog import EPISODES_DIR
from narrate.publish.check import check_feed
from tests.publish.check.conftest import BASE, ITUNES, PODCAST, channel, codes, edit_feed, items, only, set_text

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
