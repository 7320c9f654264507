"""narrate.publish.check.languages: episodes in other languages than the show's are a warning, read
from the output folder's sidecars or from the feed's podcast:transcript language attributes."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from dataclasses import replace
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from lxml import etree

from narrate.publish.catalog import EpisodeRecord, write_sidecar
from narrate.publish.check import WARNING, check_feed
from narrate.publish.feed import render_feed
from tests.publish.check.conftest import PODCAST, SHOW, codes, edit_feed, items, make_episode, only, save_image

EPISODES = [
    ("ferry-times", "Ferry times change", "2026-02-03T10:00:00+00:00"),
    ("muelle", "El muelle reabre", "2026-02-02T10:00:00+00:00"),
    ("marche", "Le marché déménage", "2026-02-01T10:00:00+00:00"),
    ("barcos", "Barcos nuevos", "2026-01-31T10:00:00+00:00"),
]


def make_show(out: Path, languages: list[str | None], *, show_language: str = "en-us", sidecars: bool = True,
              feed_languages: bool = True) -> list[EpisodeRecord]:
    """An output folder with one episode per language (sidecars and feed), newest first."""
    out.mkdir()
    save_image(out / "cover.jpg", (1400, 1400))
    records = []
    for (slug, title, published), language in zip(EPISODES, languages, strict=False):
        record = replace(make_episode(out, slug, title, published, 0.5, 440.0), language=language)
        if sidecars:
            write_sidecar(out, record)
        records.append(record)
    show = replace(SHOW, language=show_language)
    feed_records = records if feed_languages else [replace(r, language=None) for r in records]
    (out / "feed.xml").write_bytes(render_feed(show, feed_records))
    return records


def test_a_mixed_folder_is_warned_with_counts_and_a_show_per_language(tmp_path: Path) -> None:
    out = tmp_path / "out"
    make_show(out, ["en", "es", "fr", "es-MX"])
    problem = only(check_feed(out), "episode-language")
    assert problem.severity == WARNING and problem.where == "channel"
    assert problem.message == (
        "3 of 4 episodes are not in the show's language en (English): 2 in es (Spanish), 1 in fr (French);"
        " Apple Podcasts lists a show under one language"
    )
    assert "one show per language" in problem.fix
    assert "narrate build --out output-es --language es" in problem.fix
    assert 'language = "es"' in problem.fix and "output-es/narrate.toml" in problem.fix
    assert "\n" not in problem.fix
    assert str(problem).startswith("warning [episode-language] channel: 3 of 4 episodes")


@pytest.mark.parametrize(
    ("languages", "show_language"),
    [(["en", "en-GB", "en-us", None], "en-us"), (["es", "es-MX", "es"], "es"), (["pt-BR", "pt-PT"], "pt"), ([None, None], "en")],
)
def test_a_single_language_folder_is_not_warned(tmp_path: Path, languages: list[str | None], show_language: str) -> None:
    out = tmp_path / "out"
    make_show(out, languages, show_language=show_language)
    report = check_feed(out)
    assert "episode-language" not in codes(report), report.problems
    assert report.errors == []


def test_every_episode_in_another_language_suggests_the_show_language(tmp_path: Path) -> None:
    out = tmp_path / "out"
    make_show(out, ["es", "es-ES", "es"], show_language="en")
    problem = only(check_feed(out), "episode-language")
    assert problem.message.startswith("3 of 3 episodes are not in the show's language en (English): 3 in es (Spanish)")
    assert problem.fix == 'every episode is in es (Spanish): set language = "es" in the [show] table of narrate.toml and run narrate feed'


def test_one_episode_of_another_language(tmp_path: Path) -> None:
    out = tmp_path / "out"
    make_show(out, ["de", "de", "it"], show_language="de-DE")
    problem = only(check_feed(out), "episode-language")
    assert problem.message.startswith("1 of 3 episodes is not in the show's language de (German): 1 in it (Italian)")
    assert "--out output-it --language it" in problem.fix


def test_the_sidecars_of_a_folder_are_read_when_the_feed_says_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    make_show(out, ["en", "fr"], feed_languages=False)  # an older feed: every transcript in the show's language
    assert {t.get("language") for t in etree.parse(str(out / "feed.xml")).iter(f"{PODCAST}transcript")} == {"en-us"}
    assert "1 in fr (French)" in only(check_feed(out), "episode-language").message
    # the feed file itself, with the folder beside it
    assert "1 in fr (French)" in only(check_feed(str(out / "feed.xml")), "episode-language").message


def test_the_feed_is_read_when_there_are_no_sidecars(tmp_path: Path) -> None:
    out = tmp_path / "out"
    make_show(out, ["en", "fr", "es"], sidecars=False)
    assert "2 of 3 episodes" in only(check_feed(out), "episode-language").message

    def unknown(root: etree._Element) -> None:  # transcripts without a language: nothing to go on
        for item in items(root):
            for tag in item.iter(f"{PODCAST}transcript"):
                del tag.attrib["language"]

    edit_feed(out, unknown)
    assert "episode-language" not in codes(check_feed(out))


def test_a_folder_with_some_unknown_languages_is_not_called_all_one_language(tmp_path: Path) -> None:
    out = tmp_path / "out"
    make_show(out, ["es", "es", None], sidecars=False, feed_languages=True, show_language="en")

    def drop_last(root: etree._Element) -> None:
        for tag in items(root)[-1].iter(f"{PODCAST}transcript"):
            del tag.attrib["language"]

    edit_feed(out, drop_last)
    problem = only(check_feed(out), "episode-language")
    assert problem.message.startswith("2 of 3 episodes")
    assert "one show per language" in problem.fix


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    folder = tmp_path / "site"
    folder.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield folder, f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_a_feed_read_by_url_is_checked_from_its_transcripts(tmp_path: Path, served: tuple[Path, str]) -> None:
    out = tmp_path / "out"
    make_show(out, ["en", "es", "fr"])
    folder, url = served
    (folder / "feed.xml").write_bytes((out / "feed.xml").read_bytes())
    report = check_feed(url + "feed.xml")
    assert report.feed == url + "feed.xml"
    assert "2 of 3 episodes are not in the show's language en (English): 1 in es (Spanish), 1 in fr (French)" in only(report, "episode-language").message
