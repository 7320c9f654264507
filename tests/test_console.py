"""The progress display: a live bar on a terminal, plain lines elsewhere, silence when quiet."""

from __future__ import annotations

import io
from pathlib import Path

from narrate.console import ProgressDisplay, PublishDisplay
from narrate.pipeline import Progress
from narrate.publish.upload import PublishProgress, SiteFile, plan_publish


def _events(total: int = 20) -> list[Progress]:
    return [Progress("a.txt", "Ferry saved", done, total, done * 3.0) for done in range(total + 1)]


def test_plain_lines_about_every_tenth() -> None:
    stream = io.StringIO()
    with ProgressDisplay(stream, live=False) as display:
        for event in _events():
            display(event)
    lines = stream.getvalue().splitlines()
    assert lines[0] == "narrating a.txt: 'Ferry saved', 20 chunks"
    assert lines[1:] == [f"  {n}/20 chunks, {n * 3.0:.1f} s of audio" for n in range(2, 21, 2)]


def test_live_bar_shows_title_chunks_and_audio() -> None:
    stream = io.StringIO()
    with ProgressDisplay(stream, live=True) as display:
        for event in _events(4):
            display(event)
    text = stream.getvalue()
    assert "Ferry saved" in text
    assert "4/4" in text and "12.0 s of audio" in text


def test_quiet_prints_nothing() -> None:
    stream = io.StringIO()
    with ProgressDisplay(stream, live=True, quiet=True) as display:
        for event in _events(3):
            display(event)
    assert stream.getvalue() == ""


def test_cached_and_fallback_chunks_are_shown() -> None:
    stream = io.StringIO()
    with ProgressDisplay(stream, live=False) as display:
        display(Progress("a.txt", "Ferry", 0, 2, 0.0))
        display(Progress("a.txt", "Ferry", 2, 2, 5.0, cached=1, fallbacks=1))
    assert stream.getvalue().splitlines()[-1] == "  2/2 chunks, 5.0 s of audio (1 from cache, 1 by a fallback voice)"
    live = io.StringIO()
    with ProgressDisplay(live, live=True) as display:
        display(Progress("a.txt", "Ferry", 0, 2, 0.0))
        display(Progress("a.txt", "Ferry", 2, 2, 5.0, cached=2))
    assert "(2 from cache)" in live.getvalue()


def _publish_run(display: PublishDisplay) -> None:
    files = [SiteFile(p, Path(p), 1000, "0" * 64, "x/y", "no-cache") for p in ("a-0123456789ab.mp3", "feed.xml")]
    plan = plan_publish(files, {"old.mp3": {}})
    with display:
        display.plan(plan)
        display(PublishProgress("send", "a-0123456789ab.mp3", 1, 3, 1000, 2000))
        display(PublishProgress("send", "feed.xml", 2, 3, 2000, 2000))
        display(PublishProgress("delete", "old.mp3", 3, 3, 2000, 2000))


def test_publish_lines_and_bar() -> None:
    stream = io.StringIO()
    _publish_run(PublishDisplay(stream, live=False))
    assert stream.getvalue().splitlines() == [
        "publishing: 2 file(s) to send (0.0 MB), 1 to delete",
        "[1/3] sent a-0123456789ab.mp3",
        "[2/3] sent feed.xml",
        "[3/3] deleted old.mp3",
    ]
    live = io.StringIO()
    _publish_run(PublishDisplay(live, live=True))
    assert "sent" not in live.getvalue()  # a bar (rich, transient), not lines
    quiet = io.StringIO()
    _publish_run(PublishDisplay(quiet, live=True, quiet=True))
    assert quiet.getvalue() == ""
