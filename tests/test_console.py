"""The progress display: a live bar on a terminal, plain lines elsewhere, silence when quiet."""

from __future__ import annotations

import io

from narrate.console import ProgressDisplay
from narrate.pipeline import Progress


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
