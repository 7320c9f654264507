"""narrate.publish.check.document: a feed that is not well-formed RSS 2.0 is caught before anything
else, and external entities are never read."""

from __future__ import annotations

from pathlib import Path

from narrate.publish.check import check_feed
from tests.publish.check.conftest import codes


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


def test_atom_feed_is_not_rss(out: Path) -> None:
    (out / "feed.xml").write_text('<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', encoding="utf-8")
    report = check_feed(out)
    assert [p.code for p in report.problems] == ["rss-root"]
    assert "Atom" in report.problems[0].message


def test_rss_version_and_channel(out: Path) -> None:
    (out / "feed.xml").write_text('<rss version="0.91"><title>x</title></rss>', encoding="utf-8")
    assert [p.code for p in check_feed(out).problems] == ["rss-version", "rss-channel"]
