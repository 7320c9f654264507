"""The speaker: chunks in order, in parallel when the engine allows, fallback presets on failure."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest

from narrate import build
from narrate.errors import ConfigError, EngineError
from narrate.models import BlockKind, Chunk, Clip
from narrate.speech.cache import ChunkCache
from narrate.speech.engines import EngineOptions, VoiceParams, register, unregister
from narrate.speech.speaker import Speaker
from narrate.speech.voices import fallback_chain, load_preset
from tests.conftest import ARTICLE_ONLY
from tests.fakes import FakeEngine, FakeOptions, tone_for


@dataclass(frozen=True)
class SlowOptions(FakeOptions):
    workers: int = 3


class ParallelFake(FakeEngine):
    """A fake that lets several chunks run at once and records how many did."""

    name: ClassVar[str] = "parallel-fake"
    Options: ClassVar[type[EngineOptions]] = SlowOptions
    in_flight = 0
    most = 0
    lock = threading.Lock()

    @property
    def concurrency(self) -> int:
        return self.options.workers  # type: ignore[attr-defined]

    def synthesize(self, text: str, voice: VoiceParams) -> Clip:
        with ParallelFake.lock:
            ParallelFake.in_flight += 1
            ParallelFake.most = max(ParallelFake.most, ParallelFake.in_flight)
        time.sleep(0.05 if "slow" not in text else 0.2)
        with ParallelFake.lock:
            ParallelFake.in_flight -= 1
        return Clip(tone_for(text, 0.01, self.RATE), self.RATE)


def _chunks(texts: list[str]) -> list[Chunk]:
    return [Chunk(i, t, BlockKind.PARAGRAPH, i, True, t) for i, t in enumerate(texts)]


def _preset(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / f"{name}.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_parallel_engine_keeps_order_and_its_limit(tmp_path: Path) -> None:
    register(ParallelFake)
    try:
        preset = load_preset(_preset(tmp_path, "par", 'engine = "parallel-fake"\n[options]\nworkers = 3\n'))
        speaker = Speaker.for_preset(preset, None)
        texts = [f"chunk {n} {'slow' if n % 4 == 0 else ''}" for n in range(12)]
        ParallelFake.most = 0
        spoken = list(speaker.speak(_chunks(texts)))
        assert [s.chunk.text for s in spoken] == texts
        assert 1 < ParallelFake.most <= 3
    finally:
        unregister(ParallelFake.name)


def test_fallback_speaks_the_chunks_the_engine_fails_on(tmp_path: Path, fake_engine: type[FakeEngine]) -> None:
    _preset(tmp_path, "backup", 'engine = "fake"\n[options]\nseconds_per_char = 0.02\n')
    main = load_preset(_preset(tmp_path, "main", 'engine = "fake"\nfallback = "backup.toml"\n[options]\nfail_on = "BAD"\n'))
    speaker = Speaker.for_preset(main, ChunkCache(tmp_path / "cache"))
    spoken = list(speaker.speak(_chunks(["good one", "a BAD one", "good two"])))
    assert [(s.preset, s.fallback) for s in spoken] == [("main", False), ("backup", True), ("main", False)]


def test_all_presets_failing_names_each_failure(tmp_path: Path, fake_engine: type[FakeEngine]) -> None:
    _preset(tmp_path, "backup", 'engine = "fake"\n[options]\nfail_on = "BAD"\n')
    main = load_preset(_preset(tmp_path, "main", 'engine = "fake"\nfallback = "backup.toml"\n[options]\nfail_on = "BAD"\n'))
    with pytest.raises(EngineError) as caught:
        Speaker.for_preset(main, None).speak_one(_chunks(["BAD"])[0])
    assert str(caught.value) == "fake engine refuses 'BAD' (fallback 'backup': fake engine refuses 'BAD')"


def test_fallback_cycles_are_refused(tmp_path: Path, fake_engine: type[FakeEngine]) -> None:
    _preset(tmp_path, "b", 'engine = "fake"\nfallback = "a.toml"\n')
    a = load_preset(_preset(tmp_path, "a", 'engine = "fake"\nfallback = "b.toml"\n'))
    with pytest.raises(ConfigError, match=r"'fallback' makes a cycle \(a -> b -> a\)"):
        fallback_chain(a)


def test_episode_with_fallback_is_complete_and_says_which_chunks(tmp_path: Path, fake_engine: type[FakeEngine]) -> None:
    _preset(tmp_path, "backup", 'engine = "fake"\n')
    main = _preset(tmp_path, "main", 'engine = "fake"\nfallback = "backup.toml"\n[options]\nfail_on = "BROKEN"\n')
    article = tmp_path / "a.txt"
    article.write_text("Title\nFine paragraph.\nA BROKEN paragraph.\nFine again.\n", encoding="utf-8")
    events = []
    report = build([article], out_dir=tmp_path / "out", voice=str(main), progress=events.append, config=ARTICLE_ONLY)
    record = report.results[0].record
    assert record is not None
    assert record.voice["fallback_chunks"] == {"backup": [1]}
    assert [c.preset for c in record.chunks] == ["main", "backup", "main"]
    assert events[-1].fallbacks == 1 and events[-1].chunks_done == 3
    data = json.loads(next((tmp_path / "out").glob("episodes/*/*.details.json")).read_text())
    assert data["chunks"][1]["engine"] == "fake" and data["chunks"][1]["preset"] == "backup"


def test_a_preset_that_keeps_failing_is_given_up_for_its_fallback(tmp_path: Path, fake_engine: type[FakeEngine]) -> None:
    _preset(tmp_path, "backup", 'engine = "fake"\n[options]\nseconds_per_char = 0.02\n')
    main = load_preset(_preset(tmp_path, "main", 'engine = "fake"\nfallback = "backup.toml"\n[options]\nfail_on = "x"\n'))
    spoken = list(Speaker.for_preset(main, None).speak(_chunks(["x one", "x two", "x three", "x four"])))
    assert all(s.preset == "backup" for s in spoken)
    # the first two failures are tried on the main preset; after that it is skipped
    assert [t for t in FakeEngine.calls if t.startswith("x")] == ["x one", "x one", "x two", "x two", "x three", "x four"]


def test_without_a_fallback_every_chunk_is_tried(tmp_path: Path, fake_engine: type[FakeEngine]) -> None:
    main = load_preset(_preset(tmp_path, "main", 'engine = "fake"\n[options]\nfail_on = "x"\n'))
    speaker = Speaker.for_preset(main, None)
    for text in ("x one", "x two", "x three"):
        with pytest.raises(EngineError):
            speaker.speak_one(_chunks([text])[0])
    assert FakeEngine.calls == ["x one", "x two", "x three"]


def test_a_cache_that_cannot_be_written_is_switched_off_not_fatal(tmp_path: Path, fake_engine: type[FakeEngine]) -> None:
    preset = load_preset(_preset(tmp_path, "main", 'engine = "fake"\n'))
    root = tmp_path / "cache"
    speaker = Speaker.for_preset(preset, ChunkCache(root))
    first = speaker.speak_one(_chunks(["stored in the cache"])[0])
    assert not first.cached and len(list(root.rglob("*.flac"))) == 1
    assert speaker.take_cache_problem() is None
    import shutil

    shutil.rmtree(root)
    root.write_bytes(b"a file where the cache folder was")
    texts = ["spoken after the cache broke", "and again"]
    spoken = [speaker.speak_one(chunk) for chunk in _chunks(texts)]
    assert [s.chunk.text for s in spoken] == texts and all(len(s.clip.samples) for s in spoken)
    unbroken = Speaker.for_preset(preset, None).speak_one(_chunks([texts[0]])[0])
    assert (spoken[0].clip.samples == unbroken.clip.samples).all()  # the same audio, as the cache would keep it
    problem = speaker.take_cache_problem()
    assert problem is not None and problem.startswith(f"cannot write to the chunk cache {root}: ")
    assert problem.endswith("; the rest was spoken without the cache")
    assert speaker.take_cache_problem() is None and speaker.cache is None
