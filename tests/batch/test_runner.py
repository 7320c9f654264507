"""Batch runs: many articles, in parallel, killed and resumed, with failures isolated, locally and
on a Dask cluster."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import feedparser
import pytest

from narrate.batch.jobs import JOBS_FILE
from narrate.batch.runner import run_batch
from tests.conftest import ROOT, require_module
from tests.fakes import FakeEngine
from tests.localserver import respond, serve


def _articles(folder: Path, count: int, *, broken: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"article-{n:03d}.txt").write_text(
            f"Harbour Note {n}\nBy Ana Lee\nFerry number {n} left the east pier at dawn. It came back at dusk.\n"
            f"The crossing took {n % 7 + 20} minutes.\n",
            encoding="utf-8",
        )
    if broken:
        (folder / "article-broken.txt").write_bytes(b"\x00\x01binary\x00" * 50)
    return folder


def _preset(path: Path, options: str = "") -> Path:
    path.write_text(f'engine = "fake"\n[options]\nseconds_per_char = 0.004\n{options}', encoding="utf-8")
    return path


def _config(out: Path, preset: Path) -> Path:
    """A config with the fake voice and no spoken intro or outro (short episodes)."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / "narrate.toml"
    path.write_text(
        f'[build]\nvoice = "{preset}"\n[episode]\nspoken_intro = false\nspoken_outro = false\n', encoding="utf-8"
    )
    return path


def _batch(*args: str | Path, cwd: Path = ROOT, **kwargs: object) -> subprocess.Popen[str]:
    """narrate batch in a subprocess, with the fake engine registered."""
    return subprocess.Popen(
        [sys.executable, "-m", "tests.fakecli", "batch", *map(str, args)],
        cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ},
        **kwargs,  # type: ignore[arg-type]
    )


def _events(out: Path) -> dict[str, list[str]]:
    with sqlite3.connect(out / JOBS_FILE) as db:
        found: dict[str, list[str]] = {}
        for key, outcome in db.execute("SELECT key, outcome FROM events ORDER BY id"):
            found.setdefault(key, []).append(outcome)
    return found


def _check_folder(out: Path, expected: int) -> None:
    """Every episode complete and listed exactly once; nothing half-written anywhere."""
    sidecars = sorted(out.glob("episodes/*/episode.json"))
    assert len(sidecars) == expected
    for sidecar in sidecars:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
        mp3 = sidecar.parent / data["audio"]["file"]
        assert mp3.stat().st_size == data["audio"]["bytes"]
        assert (sidecar.parent / data["files"]["details"]).is_file()
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert feed.bozo is False
    guids = [entry.id for entry in feed.entries]
    assert len(guids) == expected == len(set(guids))
    assert not [p for p in out.rglob(".narrate-tmp-*")]


def test_200_articles_survive_five_kills(tmp_path: Path, private_chunk_cache: Path) -> None:
    source = _articles(tmp_path / "articles", 200)
    out = tmp_path / "out"
    config = _config(out, _preset(tmp_path / "fake.toml"))
    rng = random.Random(7)
    for kill in range(5):
        process = _batch(source, "--out", out, "--config", config, "--jobs", "2", "--quiet")
        time.sleep(rng.uniform(0.5, 3.0))
        process.kill()  # SIGKILL the coordinator; its workers die with it
        process.wait(timeout=30)
    finished = _batch(source, "--out", out, "--config", config, "--jobs", "2", "--quiet")
    stdout, stderr = finished.communicate(timeout=600)
    assert finished.returncode == 0, stderr
    _check_folder(out, 200)
    events = _events(out)
    assert len(events) == 200
    for key, outcomes in events.items():
        # Narrated at most once: a later run finds the episode up to date ("unchanged"), also when
        # the run that made it was killed before recording "new". Nothing was edited: no "rebuilt".
        assert outcomes.count("new") <= 1 and "rebuilt" not in outcomes and "failed" not in outcomes, (key, outcomes)
        assert outcomes[-1] in ("new", "unchanged")
    with sqlite3.connect(out / JOBS_FILE) as db:
        assert db.execute("SELECT COUNT(*) FROM articles WHERE state != 'done'").fetchone()[0] == 0


def test_failures_are_isolated_and_retried(tmp_path: Path, private_chunk_cache: Path) -> None:
    source = _articles(tmp_path / "articles", 20, broken=True)
    out = tmp_path / "out"
    config = _config(out, _preset(tmp_path / "flaky.toml", "flaky = 0.1\n"))
    first = _batch(source, "--out", out, "--config", config, "--jobs", "2")
    stdout, stderr = first.communicate(timeout=300)
    assert first.returncode == 1
    assert "article-broken.txt: looks like a binary file, not article text" in stderr
    assert "Traceback" not in stderr
    done = len(list(out.glob("episodes/*/episode.json")))
    assert 0 < done < 21
    for _ in range(8):
        again = _batch(source, "--out", out, "--config", config, "--retry-failed", "--json")
        stdout, stderr = again.communicate(timeout=300)
        summary = json.loads(stdout)
        assert summary["skipped"] >= done  # only the failed ones were tried
        if [f["source"] for f in summary["failed"]] == [str(source / "article-broken.txt")]:
            break
    assert [Path(f["source"]).name for f in summary["failed"]] == ["article-broken.txt"]
    assert again.returncode == 1
    _check_folder(out, 20)


def test_ctrl_c_stops_cleanly(tmp_path: Path, private_chunk_cache: Path) -> None:
    source = _articles(tmp_path / "articles", 120)
    out = tmp_path / "out"
    config = _config(out, _preset(tmp_path / "fake.toml"))
    process = _batch(
        source, "--out", out, "--config", config, "--jobs", "2",
        start_new_session=True,  # its own process group, like a terminal's foreground job
    )
    deadline = time.monotonic() + 120  # a guard against hanging, not a performance check
    while not list(out.glob("episodes/*/episode.json")) and time.monotonic() < deadline:
        time.sleep(0.1)  # interrupt once work is under way (the first episode is finished)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C sends: to the whole group
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "interrupted; run the same command again to continue" in stderr
    assert "Traceback" not in stderr
    assert not [p for p in out.rglob(".narrate-tmp-*")]
    with sqlite3.connect(out / JOBS_FILE) as db:
        assert db.execute("SELECT COUNT(*) FROM articles WHERE state = 'running'").fetchone()[0] == 0
    resumed = _batch(source, "--out", out, "--config", config, "--jobs", "2", "--quiet")
    assert resumed.wait(timeout=600) == 0
    _check_folder(out, 120)


def test_a_second_batch_on_the_same_folder_is_refused(tmp_path: Path, fake_engine: type[FakeEngine]) -> None:
    from filelock import FileLock

    from narrate.batch.runner import LOCK_FILE
    from narrate.errors import OutputError

    out = tmp_path / "out"
    out.mkdir()
    with FileLock(str(out / LOCK_FILE)):
        with pytest.raises(OutputError, match="another narrate build, batch or publish is using"):
            run_batch(_articles(tmp_path / "a", 1), out_dir=out)


def test_rss_feed_over_http_becomes_one_episode_per_item(tmp_path: Path, fake_engine: type[FakeEngine]) -> None:
    items = "".join(
        f"<item><title>Ferry news {n}</title><guid>ferry-{n}</guid><link>http://example.invalid/{n}</link>"
        f"<pubDate>Mon, 0{n + 1} Jun 2026 08:00:00 GMT</pubDate><content:encoded><![CDATA["
        + " ".join(f"<p>Paragraph {m} of story {n}: the harbour ferry ran late again this week, said the crew.</p>" for m in range(8))
        + "]]></content:encoded></item>"
        for n in range(3)
    )
    rss = (
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Harbour Desk</title><link>http://example.invalid/</link><description>d</description>{items}</channel></rss>"
    ).encode()
    out = tmp_path / "out"
    _config(out, _preset(tmp_path / "fake.toml"))
    with serve({"/feed.rss": lambda h: respond(h, "application/rss+xml", rss)}) as base:
        report = run_batch(f"{base}/feed.rss", out_dir=out, jobs=1)
    assert report.counts() == {"new": 3, "rebuilt": 0, "unchanged": 0, "failed": 0}, report.failed
    titles = sorted(entry.title for entry in feedparser.parse((out / "feed.xml").read_bytes()).entries)
    assert titles == ["Ferry news 0", "Ferry news 1", "Ferry news 2"]


@pytest.mark.slow
def test_dask_cluster_gives_the_same_episodes_as_local_processes(tmp_path: Path) -> None:
    require_module("distributed")
    from distributed import LocalCluster

    source = tmp_path / "articles"
    source.mkdir()
    for n in range(3):
        (source / f"a{n}.txt").write_text(
            f"Dask Story {n}\nBy Ana Lee\nThe ferry number {n} left at dawn. It came back at dusk, on time.\n",
            encoding="utf-8",
        )
    local = run_batch(source, out_dir=tmp_path / "local", jobs=2)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        assert len(cluster.workers) >= 2
        remote = run_batch(source, out_dir=tmp_path / "dask", scheduler=cluster.scheduler_address, use_cache=False)
    assert local.counts()["new"] == remote.counts()["new"] == 3
    for mp3 in sorted((tmp_path / "local").glob("episodes/*/*.mp3")):
        twin = tmp_path / "dask" / mp3.relative_to(tmp_path / "local")
        assert twin.read_bytes() == mp3.read_bytes(), mp3.name
