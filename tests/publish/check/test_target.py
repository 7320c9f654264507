"""narrate.publish.check.target: a clean output folder, a feed file and a feed URL are checked; a
target that cannot be read at all raises."""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from lxml import etree

from narrate.errors import InputError, NarrateError
from narrate.publish.catalog import EPISODES_DIR
from narrate.publish.check import check_feed
from tests.publish.check.conftest import BASE, ITUNES, LOCAL_CODES, PODCAST, channel, codes, edit_feed, items, only

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
