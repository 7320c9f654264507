"""narrate.publish.check.base: the checks the channel and its items share (the length of descriptions
and values, ASCII URLs)."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from narrate.publish.catalog import EPISODES_DIR
from narrate.publish.check import check_feed
from tests.publish.check.conftest import ITUNES, channel, edit_feed, items, only


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


def test_non_ascii_enclosure_url_is_a_warning(out: Path) -> None:
    def rename(root: etree._Element) -> None:
        enclosure = items(root)[0].find("enclosure")
        enclosure.set("url", enclosure.get("url").replace("ferry-times-0a1b2c", "ferry-times-ø"))

    edit_feed(out, rename)
    (out / EPISODES_DIR / "ferry-times" / "ferry-times-0a1b2c.mp3").rename(out / EPISODES_DIR / "ferry-times" / "ferry-times-ø.mp3")
    report = check_feed(out)
    assert only(report, "url-ascii").severity == "warning"
    assert report.errors == []  # the file is still found
