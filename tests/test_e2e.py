"""End to end through the installed `narrate` command with the real default engine (hibari).

One module-scoped build narrates the example article and the seed article into one output folder;
the tests then check the MP3s with ffmpeg, the tags, the sidecars and the feed with real podcast
feed parsers.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import feedparser
import podcastparser
import pytest
from mutagen.id3 import ID3

from tests.audiocheck import decoded_seconds
from tests.conftest import EXAMPLE, SEED, require_file

pytestmark = pytest.mark.slow


@dataclass
class Run:
    out: Path
    result: subprocess.CompletedProcess[str]

    def sidecars(self) -> dict[str, dict]:
        found = {}
        for path in (self.out / "episodes").glob("*/episode.json"):
            data = json.loads(path.read_text(encoding="utf-8"))
            data.update(json.loads((path.parent / data["files"]["details"]).read_text(encoding="utf-8")))
            found[Path(data["source"]).name] = data
        return found


def narrate(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "narrate", *map(str, args)], capture_output=True, text=True, cwd=cwd, env=env
    )


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    require_file(SEED)
    work = tmp_path_factory.mktemp("e2e")
    out = work / "out"
    result = narrate("build", EXAMPLE, SEED, "--out", out, cwd=work)
    assert result.returncode == 0, result.stderr
    return Run(out, result)


def test_every_mp3_decodes_fully_and_adds_up(run: Run) -> None:
    sidecars = run.sidecars()
    assert set(sidecars) == {EXAMPLE.name, SEED.name}
    for data in sidecars.values():
        mp3 = run.out / "episodes" / data["slug"] / data["audio"]["file"]
        expected = sum(c["pause_before"] + c["duration"] for c in data["chunks"])
        assert decoded_seconds(mp3) == pytest.approx(expected, abs=0.05)
        assert data["audio"]["duration"] == pytest.approx(expected, abs=1e-6)
        assert expected > 60


def test_seed_spoken_text_in_tags_and_sidecar(run: Run) -> None:
    data = run.sidecars()[SEED.name]
    tags = ID3(run.out / "episodes" / data["slug"] / data["audio"]["file"])
    uslt = tags.getall("USLT")[0].text
    assert uslt == data["spoken_text"]
    for spoken in (uslt, data["spoken_text"]):
        assert "Trinity Audio" not in spoken
        assert not any(line.strip() == "|" for line in spoken.splitlines())
        assert "BY:" not in spoken and "TRUENEWSREPORT" not in spoken
        assert not spoken.rstrip().endswith(("–", "-", "—"))
        first = spoken.index("U.S. efforts to battle powerful drug cartels from inside Mexico")
        heading = spoken.index("HIGH PROFILE PROSECUTION")
        assert first < heading < spoken.index("It was not enough.")
        assert spoken.endswith("It was not enough.")


def test_seed_metadata(run: Run) -> None:
    data = run.sidecars()[SEED.name]
    assert data["date"] == "2021-03-30"
    assert data["author"] == "Nathaniel Ballantyne"
    tags = ID3(run.out / "episodes" / data["slug"] / data["audio"]["file"])
    assert str(tags["TPE1"]) == "Nathaniel Ballantyne"
    assert str(tags["TDRC"]) == "2021-03-30"
    assert str(tags["TCON"]) == "Podcast"
    # the feed dates it as its tag and spoken intro do, not the day of the build (issue 16)
    [entry] = [e for e in feedparser.parse((run.out / "feed.xml").read_bytes()).entries if e.id == data["guid"]]
    assert entry.published_parsed[:3] == (2021, 3, 30)


def test_feed_is_read_by_feedparser_and_podcastparser(run: Run) -> None:
    feed_path = run.out / "feed.xml"
    parsed = feedparser.parse(feed_path.read_bytes())
    assert parsed.bozo is False, parsed.get("bozo_exception")
    with feed_path.open("rb") as handle:
        podcast = podcastparser.parse("http://localhost:8000/feed.xml", handle)
    sidecars = run.sidecars()
    assert len(parsed.entries) == len(podcast["episodes"]) == len(sidecars) == 2
    by_guid = {e.id: e for e in parsed.entries}
    pod_by_guid = {e["guid"]: e for e in podcast["episodes"]}
    for data in sidecars.values():
        mp3 = run.out / "episodes" / data["slug"] / data["audio"]["file"]
        entry, pod = by_guid[data["guid"]], pod_by_guid[data["guid"]]
        assert entry.title == pod["title"] == data["title"]
        [enclosure] = entry.enclosures
        assert enclosure.type == "audio/mpeg"
        assert int(enclosure.length) == mp3.stat().st_size
        assert enclosure.href == f"http://localhost:8000/episodes/{data['slug']}/{data['audio']['file']}"
        assert pod["enclosures"][0]["file_size"] == mp3.stat().st_size
        assert abs(pod["total_time"] - decoded_seconds(mp3)) <= 1
        assert abs(int(entry.itunes_duration) - decoded_seconds(mp3)) <= 1


def test_building_again_lists_each_article_once(run: Run) -> None:
    before = {k: v["guid"] for k, v in run.sidecars().items()}
    again = narrate("build", EXAMPLE, "--out", run.out, cwd=run.out.parent)
    assert again.returncode == 0, again.stderr
    assert "(unchanged)" in again.stdout
    parsed = feedparser.parse((run.out / "feed.xml").read_bytes())
    guids = [e.id for e in parsed.entries]
    assert sorted(guids) == sorted(before.values())
    assert {k: v["guid"] for k, v in run.sidecars().items()} == before


def test_bad_inputs_fail_one_line_each_and_the_rest_is_built(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n  \n", encoding="utf-8")
    binary = tmp_path / "noise.bin"
    binary.write_bytes(os.urandom(4096) + b"\x00")
    good = tmp_path / "good.txt"
    good.write_text("A small article\nIt has one short paragraph.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = narrate("build", "--quiet", tmp_path / "missing.txt", empty, good, binary, "--out", out, cwd=tmp_path)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("narrate: error:")]
    assert errors == [
        f"narrate: error: {tmp_path / 'missing.txt'}: no such file",
        f"narrate: error: {empty}: is empty (no text to narrate)",
        f"narrate: error: {binary}: looks like a binary file, not article text",
    ]
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 3
    parsed = feedparser.parse((out / "feed.xml").read_bytes())
    assert [e.title for e in parsed.entries] == ["A small article"]
