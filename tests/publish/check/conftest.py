"""The tests of narrate.publish.check share one real output folder (MP3s from Mp3Writer, covers from
Pillow, feed from render_feed), copied for each test to break one thing in, and helpers to edit its
feed and pick problems out of the report."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from lxml import etree
from PIL import Image

from narrate.audio.mp3writer import Mp3Writer
from narrate.config import ShowConfig
from narrate.models import Clip
from narrate.publish.catalog import EPISODES_DIR, AudioInfo, EpisodeRecord
from narrate.publish.check import CheckReport, Problem
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
