"""narrate.publish.check.channel: a real feed with one channel tag broken at a time, each caught with
its own code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from narrate.publish.check import check_feed
from tests.publish.check.conftest import BASE, ITUNES, PODCAST, channel, codes, edit_feed, only, set_text


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
