"""The engine host: the default voice in a process of its own, started at the start of ``narrate build``.

Real processes throughout (forked as the entry point forks, and spawned), real hibari in them, and the
whole command run as a user runs it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import numpy as np
import pytest

from narrate.errors import EngineError
from narrate.models import BlockKind, Chunk, Clip
from narrate.speech import enginehost
from narrate.speech.cache import ChunkCache
from narrate.speech.enginehost import DEFAULT_ENGINE, EngineHost, HostGone, prestart, stop_prestarted
from narrate.speech.engines import VoiceParams, create_engine, register, unregister
from narrate.speech.speaker import Speaker
from narrate.speech.voices import load_preset
from tests.fakes import FakeEngine

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "articles" / "seed-article.txt"
ARTICLE = """# The harbour ferries

The harbour ferries start at six in the morning. On a clear day the crossing takes twenty minutes.

Nobody expected the council to approve the plan so quickly, but by Friday the vote was done.
"""
NAME, OPTIONS = DEFAULT_ENGINE


class CrashingFake(FakeEngine):
    """A fake whose library fails with its own exception type on "crash"."""

    name: ClassVar[str] = "crashing-fake"

    def synthesize(self, text: str, voice: VoiceParams) -> Clip:
        if "crash" in text:
            raise ZeroDivisionError("the library divided by zero")
        return super().synthesize(text, voice)


@pytest.fixture
def fakes() -> Iterator[None]:
    """The fakes registered here; a forked host inherits the registration."""
    register(FakeEngine)
    register(CrashingFake)
    try:
        yield
    finally:
        unregister(FakeEngine.name)
        unregister(CrashingFake.name)


@pytest.fixture
def hosts() -> Iterator[list[EngineHost]]:
    started: list[EngineHost] = []
    try:
        yield started
    finally:
        for host in started:
            host.stop()


def _ended(host: EngineHost, within: float = 20.0) -> bool:
    host._process.join(timeout=within)
    return not host._process.is_alive()


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_the_host_speaks_what_the_engine_speaks_here(method: str, hosts: list[EngineHost]) -> None:
    host = EngineHost(NAME, OPTIONS, method=method)
    hosts.append(host)
    engine = create_engine(NAME, OPTIONS, "test")
    assert host.serves(engine)
    for text, speed in [("The ferry leaves at six.", 1.0), ("Nobody expected the council to agree.", 1.25)]:
        voice = VoiceParams(speed=speed)
        there, here = host.synthesize(text, voice), engine.synthesize(text, voice)
        assert there.sample_rate == here.sample_rate == 24000
        assert there.samples.dtype == np.float32
        assert np.array_equal(there.samples, here.samples)  # sample for sample
    assert host.requests == 2


def test_it_serves_only_its_own_engine_with_the_same_options(hosts: list[EngineHost], fakes: None) -> None:
    host = EngineHost(NAME, OPTIONS, method="fork")
    hosts.append(host)
    assert host.serves(create_engine(NAME, {}, "test"))  # the defaults are the default preset's options
    assert not host.serves(create_engine(NAME, {**OPTIONS, "seed": 1}, "test"))
    assert not host.serves(create_engine(NAME, {**OPTIONS, "threads": 2}, "test"))
    assert not host.serves(create_engine("fake", {}, "test"))


def test_an_engine_error_comes_back_as_it_is_and_the_host_goes_on(hosts: list[EngineHost], fakes: None) -> None:
    host = EngineHost("fake", {"fail_on": "BAD"}, method="fork")
    hosts.append(host)
    with pytest.raises(EngineError, match="fake engine refuses 'BAD'"):
        host.synthesize("a BAD sentence", VoiceParams())
    clip = host.synthesize("a good sentence", VoiceParams())
    assert np.array_equal(clip.samples, create_engine("fake", {}, "test").synthesize("a good sentence", VoiceParams()).samples)


def test_a_library_crash_hands_the_work_back(hosts: list[EngineHost], fakes: None) -> None:
    host = EngineHost("crashing-fake", {}, method="fork")
    hosts.append(host)
    with pytest.raises(HostGone, match="ZeroDivisionError"):
        host.synthesize("crash now", VoiceParams())
    with pytest.raises(HostGone, match="stopped"):  # never asked again
        host.synthesize("a good sentence", VoiceParams())
    assert _ended(host)  # its end of the pipe closed, it leaves


def test_a_host_that_cannot_start_its_engine_says_so(hosts: list[EngineHost], fakes: None) -> None:
    host = EngineHost("fake", {"fail_on": "Warming"}, method="fork")  # fails on its warm-up sentence
    hosts.append(host)
    with pytest.raises(HostGone, match="cannot speak: fake engine refuses"):
        host.synthesize("a sentence", VoiceParams())


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_the_host_leaves_when_this_process_lets_go(method: str, hosts: list[EngineHost], fakes: None) -> None:
    """A forked host must not keep this process's end of the pipe open, or it would never see it close
    (and a caller reading the command's output would wait for ever)."""
    host = EngineHost(NAME, OPTIONS, method=method)
    hosts.append(host)
    host.synthesize("Ready.", VoiceParams())
    host._drop()
    assert _ended(host)


def test_a_host_killed_mid_build_leaves_the_speaker_speaking(hosts: list[EngineHost], monkeypatch: pytest.MonkeyPatch) -> None:
    host = EngineHost(NAME, OPTIONS, method="fork")
    hosts.append(host)
    monkeypatch.setattr(enginehost, "_prestarted", host)
    speaker = Speaker.for_preset(load_preset("default"), None)
    texts = ["The first sentence comes from the host.", "The second one is spoken here."]
    chunks = [Chunk(i, t, BlockKind.PARAGRAPH, i, True, t) for i, t in enumerate(texts)]
    first = speaker.speak_one(chunks[0])
    assert host.requests == 1
    host._process.kill()
    assert _ended(host)
    second = speaker.speak_one(chunks[1])
    engine = create_engine(NAME, OPTIONS, "test")
    for spoken, text in [(first, texts[0]), (second, texts[1])]:
        expected = ChunkCache.canonical(engine.synthesize(text, VoiceParams()))  # as the speaker hands clips on
        assert np.array_equal(spoken.sentences[0].clip.samples, expected.samples)
    speaker.close()


def test_prestart_only_for_a_build_that_will_speak(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NARRATE_PRESTART", raising=False)
    assert prestart(["say", "hello"]) is None
    assert prestart(["build", "--help"]) is None
    assert prestart(["batch", "jobs.toml"]) is None
    assert prestart(["build", "a.txt", "--voice", "espeak"]) is None
    assert prestart(["build", "a.txt", "--voice=gtts-uk"]) is None
    assert prestart(["build", "a.txt", "-l", "es"]) is None
    monkeypatch.setenv("NARRATE_PRESTART", "0")
    assert prestart(["build", "article.txt"]) is None
    monkeypatch.delenv("NARRATE_PRESTART")
    host = prestart(["build", "article.txt", "--voice", "default", "--language", "en-GB"])
    try:
        assert host is not None and enginehost.prestarted() is host
        assert host.serves(create_engine(NAME, OPTIONS, "test"))
    finally:
        stop_prestarted()
    assert enginehost.prestarted() is None
    assert host is not None and not host._process.is_alive()


def _command(article: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "narrate", "build", str(article), "--out", str(out), "--no-cache", "--quiet"]


def _env(tmp_path: Path, prestarting: bool) -> dict[str, str]:
    return dict(os.environ, NARRATE_PRESTART="1" if prestarting else "0", NARRATE_CACHE_DIR=str(tmp_path / "cache"))


def test_the_whole_command_makes_the_same_episode_and_leaves_nothing_running(tmp_path: Path) -> None:
    """``narrate build`` as a user runs it, its output read to the end (which waits for every process
    holding it, the host included): the same MP3, byte for byte, with and without the host."""
    article = tmp_path / "article.md"
    article.write_text(ARTICLE, encoding="utf-8")
    made = {}
    for prestarting in (True, False):
        out = tmp_path / f"out-{prestarting}"
        done = subprocess.run(_command(article, out), env=_env(tmp_path, prestarting),
                              capture_output=True, text=True, timeout=300, cwd=ROOT)
        assert done.returncode == 0, done.stderr
        [mp3] = list(out.glob("episodes/*/*.mp3"))
        made[prestarting] = mp3.read_bytes()
    assert made[True] == made[False]


def test_ctrl_c_stops_the_command_and_its_host(tmp_path: Path) -> None:
    process = subprocess.Popen(_command(SEED, tmp_path / "out"), env=_env(tmp_path, True),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, start_new_session=True)
    time.sleep(2.0)  # past the start: the host is up and speaking
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
    assert len(children) == 1, "narrate build runs its host, and no other process"
    os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
    _, stderr = process.communicate(timeout=60)  # returns only when the host has let go of the output too
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert not Path(f"/proc/{children[0]}").exists() or "Z" in Path(f"/proc/{children[0]}/stat").read_text().split()[2]
