"""narrate.publish.check.report: warnings are listed apart from errors, and every problem is one line."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from narrate.publish.check import check_feed
from tests.publish.check.conftest import ITUNES, channel, codes, edit_feed, items


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
