"""A small built show (two episodes, fake engine) that the publishing tests copy and publish."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import narrate
from narrate.speech.engines import register, unregister
from tests.conftest import EXAMPLE
from tests.fakes import FakeEngine

BASE_URL = "https://podcasts.example.org/show/"
SECOND = (
    "The tide table gets a new home\n\n"
    "Port Alder's harbour office will print its tide tables on the back of the ferry timetable from May. "
    "The office says the change saves paper and puts both where travellers look.\n"
)
CONFIG = f"""[show]
title = "Port Alder, read aloud"
base_url = "{BASE_URL}"
[episode]
spoken_intro = false
spoken_outro = false
"""
PRESET = (
    'engine = "fake"\n[pauses]\nsentence = 0.25\nparagraph = 0.5\nheading = 1.0\n'
    "[options]\nseconds_per_char = 0.01\n"
)


@pytest.fixture(scope="session")
def built_show(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An output folder with two episodes, feed, pages and narrate.toml; built once, never changed (copy it)."""
    work = tmp_path_factory.mktemp("publish-show")
    preset = work / "fake.toml"
    preset.write_text(PRESET, encoding="utf-8")
    second = work / "tide-tables.txt"
    second.write_text(SECOND, encoding="utf-8")
    out = work / "out"
    out.mkdir()
    (out / "narrate.toml").write_text(CONFIG, encoding="utf-8")
    register(FakeEngine)
    try:
        report = narrate.build([EXAMPLE, second], out_dir=out, voice=str(preset), use_cache=False)
    finally:
        unregister(FakeEngine.name)
        FakeEngine.calls.clear()
    assert not report.failed, [r.error for r in report.failed]
    return out


@pytest.fixture
def show(built_show: Path, tmp_path: Path) -> Path:
    """A copy of the built show for one test to publish, change and publish again."""
    out = tmp_path / "out"
    shutil.copytree(built_show, out, symlinks=True)
    return out
