"""Real podcast clients read a show that narrate built and a local HTTP server serves.

- podcast-partytime (npm; the Podcast Index ecosystem's parser, best Podcasting 2.0 coverage), run
  by Node through ``tests/js/parse-feed.mjs``: the channel's podcast:guid and podcast:locked, and
  per episode the enclosure, the duration, the three transcripts and the chapters.
- gPodder (Debian's ``gpo``), end to end over HTTP: subscribe, update, download; then its own SQLite
  database lists every episode with the right title, guid, URL, size and duration, and the files it
  downloaded are the MP3s byte for byte.

One module-scoped show (three short articles, fake engine, no chunk cache) serves every test; the
server is started before the build, so the feed's base URL is the server's. Each client runs
once per module too, so a failure names the exact check.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import sqlite3
import subprocess
import threading
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from lxml import etree

import narrate
from narrate.config import ShowConfig
from narrate.publish.catalog import EpisodeRecord, load_catalog
from narrate.speech.engines import register, unregister
from tests.conftest import ARTICLE_ONLY, IN_CI, ROOT, require_tool
from tests.fakes import FakeEngine

JS_DIR = ROOT / "tests" / "js"
PARSE_FEED = JS_DIR / "parse-feed.mjs"
PODCAST_NS = "https://podcastindex.org/namespace/1.0"
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
"""The Podcasting 2.0 namespace's UUIDv5 namespace for podcast:guid."""
OWNER = "ed@example.org"
TIMEOUT = 60
"""Seconds any one client command may take (each takes well under one here)."""

ARTICLES = {
    "ferries.txt": "Café ferries return – for now\n\nThe harbour’s three ferries run again from Monday. "
    "The council voted to keep them for one more year.\n\nTimetables are posted at every pier.\n",
    "tides.txt": "Tides & tables\n\nSpring tides will reach the quay twice this month. "
    "Drivers should not park on the lower road.\n\nThe harbour master will post warnings.\n",
    "market.txt": "The fish market moves\n\nThe Saturday fish market moves to the old ferry shed. "
    "Stalls open at seven.\n\nParking is free before nine.\n",
}


@dataclass
class Show:
    out: Path
    base_url: str
    records: list[EpisodeRecord]
    """Every episode, as its sidecar records it."""

    @property
    def feed(self) -> Path:
        return self.out / "feed.xml"

    @property
    def feed_url(self) -> str:
        return self.base_url + "feed.xml"

    def url(self, record: EpisodeRecord, name: str) -> str:
        """The public URL of one of ``record``'s files."""
        return f"{self.base_url}episodes/{quote(record.slug)}/{quote(name)}"

    def record_by_guid(self, guid: str) -> EpisodeRecord:
        matches = [r for r in self.records if r.guid == guid]
        assert len(matches) == 1, f"guid {guid!r} is not one of the show's episodes"
        return matches[0]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve ``folder`` as a static site on 127.0.0.1 (a free port); yields the base URL, with "/"."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def show(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Show]:
    # Module-scoped, so it cannot use the function-scoped fake_engine/fake_preset fixtures: it
    # registers the fake engine itself (always unregistering it) and builds without the chunk cache
    # (the autouse private cache fixture is function-scoped too; the user's cache is never touched).
    work = tmp_path_factory.mktemp("clients")
    preset = work / "fake.toml"
    preset.write_text(
        'engine = "fake"\n[pauses]\nsentence = 0.25\nparagraph = 0.5\nheading = 1.0\n'
        "[options]\nseconds_per_char = 0.01\n",
        encoding="utf-8",
    )
    articles = []
    for name, text in ARTICLES.items():
        (work / name).write_text(text, encoding="utf-8")
        articles.append(work / name)
    out = work / "out"
    out.mkdir()
    register(FakeEngine)
    try:
        with serve_folder(out) as base_url:
            show_config = ShowConfig(
                title="Port Alder, read aloud",
                owner_name="Ed Itor",
                owner_email=OWNER,
                category="News",
                subcategory="Daily News",
                locked=True,
                base_url=base_url,
            )
            config = replace(ARTICLE_ONLY, show=show_config)
            report = narrate.build(articles, out_dir=out, voice=preset, config=config, use_cache=False)
            assert not report.failed, [r.error for r in report.failed]
            records, problems = load_catalog(out)
            assert not problems and len(records) == len(ARTICLES)
            yield Show(out, base_url, records)
    finally:
        unregister(FakeEngine.name)
        FakeEngine.calls.clear()


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
        return response.read()


# --- podcast-partytime ----------------------------------------------------------------------------


def require_partytime() -> str:
    """Node's path, once partytime is installed in tests/js (skip locally, fail in CI otherwise)."""
    node = require_tool("node")
    if not (JS_DIR / "node_modules" / "podcast-partytime" / "package.json").is_file():
        message = (
            "podcast-partytime is not installed in tests/js/node_modules "
            "(scripts/install-test-deps runs `npm ci --prefix tests/js`)"
        )
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return node


@dataclass
class Partytime:
    feed: dict[str, Any]
    stderr: str


@pytest.fixture(scope="module")
def partytime(show: Show) -> Partytime:
    node = require_partytime()
    # cwd: partytime loads a .env file from the working directory (dotenv); tests/js has none.
    result = subprocess.run(
        [node, str(PARSE_FEED), str(show.feed)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        cwd=JS_DIR,
        check=False,
    )
    assert result.returncode == 0, f"parse-feed.mjs failed ({result.returncode}):\n{result.stderr}"
    return Partytime(json.loads(result.stdout), result.stderr)


def partytime_item(partytime: Partytime, record: EpisodeRecord) -> dict[str, Any]:
    items = [i for i in partytime.feed["items"] if i["guid"] == record.guid]
    assert len(items) == 1, f"partytime lists {len(items)} items with guid {record.guid}"
    return items[0]


def test_partytime_reads_the_channel(show: Show, partytime: Partytime) -> None:
    feed = partytime.feed
    assert feed["title"] == "Port Alder, read aloud"
    assert feed["explicit"] is False
    assert feed["itunesCategory"] == ["News > Daily News"]
    assert "Unexpected" not in partytime.stderr, partytime.stderr  # an unknown transcript type or category


def test_partytime_reads_every_episode(show: Show, partytime: Partytime) -> None:
    assert sorted(i["guid"] for i in partytime.feed["items"]) == sorted(r.guid for r in show.records)
    for record in show.records:
        item = partytime_item(partytime, record)
        assert item["title"] == record.title
        assert item["enclosure"] == {
            "url": show.url(record, record.audio.file),
            "length": record.audio.bytes,
            "type": "audio/mpeg",
        }
        assert abs(item["duration"] - record.audio.duration) <= 1
        assert record.audio.bytes == record.audio_path(show.out).stat().st_size


def test_partytime_reads_podcast_guid(show: Show, partytime: Partytime) -> None:
    # Podcasting 2.0: UUIDv5 of the feed URL without its scheme and trailing slashes.
    expected = uuid.uuid5(PODCAST_GUID_NAMESPACE, show.feed_url.split("://", 1)[1].rstrip("/"))
    assert partytime.feed["guid"] == str(expected)


def test_partytime_reads_podcast_locked(partytime: Partytime) -> None:
    assert partytime.feed["locked"] is True
    assert partytime.feed["podcastOwner"] == OWNER


def test_partytime_reads_three_transcripts_per_episode(show: Show, partytime: Partytime) -> None:
    for record in show.records:
        transcripts = partytime_item(partytime, record)["podcastTranscripts"]
        # partytime reports SRT under its own name, application/srt, whichever of application/srt,
        # application/x-subrip or text/srt the feed says; the feed's own attribute is checked below.
        assert sorted((t["type"], t["url"]) for t in transcripts) == sorted(
            [
                ("text/vtt", show.url(record, record.files["vtt"])),
                ("application/srt", show.url(record, record.files["srt"])),
                ("application/json", show.url(record, record.files["transcript_json"])),
            ]
        )
        # each transcript in the episode's language (the show's, "en", for an article that names none)
        assert {t.get("language") for t in transcripts} == {record.language or "en"}
        for transcript in transcripts:  # the URLs the client saw serve the episode's files
            name = transcript["url"].rsplit("/", 1)[1]
            assert fetch(transcript["url"]) == (record.folder(show.out) / name).read_bytes()

    # What the feed itself says for SRT: the type the Podcasting 2.0 namespace lists.
    root = etree.parse(str(show.feed))
    tags = root.iterfind(f"channel/item/{{{PODCAST_NS}}}transcript")
    srt_types = {t.get("type") for t in tags if t.get("url", "").endswith(".srt")}
    assert srt_types == {"application/x-subrip"}


def test_partytime_reads_the_chapters(show: Show, partytime: Partytime) -> None:
    for record in show.records:
        chapters = partytime_item(partytime, record)["podcastChapters"]
        assert chapters == {
            "url": show.url(record, record.files["chapters_json"]),
            "type": "application/json+chapters",
        }
        data = json.loads(fetch(chapters["url"]))
        assert data["version"] == "1.2.0" and data["chapters"][0]["startTime"] == 0


# --- gPodder ---------------------------------------------------------------------------------------


@dataclass
class GPodder:
    home: Path
    """GPODDER_HOME: Settings.json, the SQLite database ``Database`` and ``Logs/``."""
    downloads: Path
    """GPODDER_DOWNLOAD_DIR: one folder per podcast."""
    output: str
    """Everything gpo printed, for failure messages."""

    def episodes(self) -> list[dict[str, Any]]:
        return self._query("SELECT * FROM episode")

    def podcasts(self) -> list[dict[str, Any]]:
        return self._query("SELECT * FROM podcast")

    def _query(self, sql: str) -> list[dict[str, Any]]:
        database = self.home / "Database"
        assert database.is_file(), f"gPodder wrote no database in {self.home}:\n{self.output}"
        connection = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
        try:
            connection.row_factory = sqlite3.Row
            return [dict(row) for row in connection.execute(sql)]
        finally:
            connection.close()


def gpo(*args: str, env: dict[str, str]) -> str:
    result = subprocess.run(
        [shutil.which("gpo") or "gpo", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    output = f"$ gpo {' '.join(args)}\n{result.stdout}{result.stderr}"
    # gpo reports most failures ("Cannot subscribe to …") on its output with exit status 0, so
    # the database is the real judge; a non-zero status is still a failure.
    assert result.returncode == 0, output
    return output


@pytest.fixture(scope="module")
def gpodder(show: Show, tmp_path_factory: pytest.TempPathFactory) -> GPodder:
    require_tool("gpo")
    root = tmp_path_factory.mktemp("gpodder")
    home, downloads, user_home = root / "gpodder-home", root / "downloads", root / "home"
    for folder in (home, downloads, user_home):
        folder.mkdir()
    # A clean environment: gPodder keeps everything in GPODDER_HOME and downloads to
    # GPODDER_DOWNLOAD_DIR; HOME and the XDG folders point into tmp_path too, so that nothing can
    # reach the real home; no proxy variables, so requests to 127.0.0.1 go straight to the server;
    # no PYTHONPATH or virtualenv, since gpo runs Debian's /usr/bin/python3.
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(user_home),
        "XDG_CONFIG_HOME": str(user_home / ".config"),
        "XDG_DATA_HOME": str(user_home / ".local" / "share"),
        "XDG_CACHE_HOME": str(user_home / ".cache"),
        "LANG": "C.UTF-8",
        "GPODDER_HOME": str(home),
        "GPODDER_DOWNLOAD_DIR": str(downloads),
    }
    output = ""
    for command in (["subscribe", show.feed_url], ["update"], ["download"]):
        output += gpo(*command, env=env)
    leaked = sorted(str(p.relative_to(user_home)) for p in user_home.rglob("*"))
    assert not leaked, f"gpo wrote into HOME: {leaked}"
    return GPodder(home, downloads, output)


def test_gpodder_subscribes_to_the_show(show: Show, gpodder: GPodder) -> None:
    podcasts = gpodder.podcasts()
    assert [(p["url"], p["title"]) for p in podcasts] == [(show.feed_url, "Port Alder, read aloud")], gpodder.output


def test_gpodder_lists_every_episode_as_the_feed_says(show: Show, gpodder: GPodder) -> None:
    episodes = gpodder.episodes()
    assert sorted(e["guid"] for e in episodes) == sorted(r.guid for r in show.records), gpodder.output
    for episode in episodes:
        record = show.record_by_guid(episode["guid"])
        mp3 = record.audio_path(show.out)
        assert episode["title"] == record.title
        assert episode["url"] == show.url(record, record.audio.file)
        assert episode["mime_type"] == "audio/mpeg"
        assert episode["file_size"] == mp3.stat().st_size == record.audio.bytes
        assert abs(episode["total_time"] - record.audio.duration) <= 1, (episode["total_time"], record.audio.duration)


def test_gpodder_downloads_every_mp3_byte_for_byte(show: Show, gpodder: GPodder) -> None:
    (podcast,) = gpodder.podcasts()
    folder = gpodder.downloads / podcast["download_folder"]
    episodes = gpodder.episodes()
    assert len(episodes) == len(show.records)
    for episode in episodes:
        record = show.record_by_guid(episode["guid"])
        assert episode["state"] == 1, f"{record.title} not downloaded (state {episode['state']}):\n{gpodder.output}"
        downloaded = folder / episode["download_filename"]
        assert downloaded.read_bytes() == record.audio_path(show.out).read_bytes()
    # Nothing else was downloaded, and no partial file was left behind.
    assert sorted(p.name for p in folder.iterdir()) == sorted(e["download_filename"] for e in episodes)
