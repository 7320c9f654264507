"""The speaker: chunks in order, in parallel when the engine allows, fallback presets on failure."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
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


class WaitingFake(FakeEngine):
    """Speaks only once the caller's ``meanwhile`` work has begun (or gives up after 5 s and says so)."""

    name: ClassVar[str] = "waiting-fake"
    started = threading.Event()
    timed_out = False

    def synthesize(self, text: str, voice: VoiceParams) -> Clip:
        if not WaitingFake.started.wait(5.0):
            WaitingFake.timed_out = True
        return super().synthesize(text, voice)


@pytest.mark.parametrize("ahead", [True, False])
def test_meanwhile_runs_once_while_the_first_sentences_are_spoken(tmp_path: Path, ahead: bool) -> None:
    """``meanwhile`` (the build draws the show's cover with it) runs once, before the first chunk is handed
    back; speaking ahead, while that chunk's sentences are being spoken: the engine here waits for it."""
    register(WaitingFake)
    try:
        speaker = Speaker.for_preset(load_preset(_preset(tmp_path, "w", 'engine = "waiting-fake"\n')), None)
        WaitingFake.started.clear()
        WaitingFake.timed_out = False
        calls: list[int] = []

        def meanwhile() -> None:
            calls.append(len(FakeEngine.calls))
            WaitingFake.started.set()

        spoken = speaker.speak(_chunks(["one two.", "three."]), ahead=ahead, meanwhile=meanwhile)
        first = next(spoken)
        assert calls and first.chunk.text == "one two."
        assert [s.chunk.text for s in spoken] == ["three."] and len(calls) == 1
        assert not WaitingFake.timed_out  # speaking ahead, the first sentence was in the air when it ran
        assert list(speaker.speak([], ahead=ahead, meanwhile=lambda: calls.append(-1))) == [] and calls[-1] == -1
    finally:
        unregister(WaitingFake.name)


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


def test_chunks_spoken_again_skip_the_cache_and_may_start_at_the_fallback(
    tmp_path: Path, fake_engine: type[FakeEngine]
) -> None:
    """narrate batch --retry-flagged: the flagged chunks are spoken again (the others come from the cache),
    by the voice of the chain asked for; a fallback asked for is not an engine's failure."""
    _preset(tmp_path, "backup", 'engine = "fake"\n[options]\nseconds_per_char = 0.03\n')
    main = load_preset(_preset(tmp_path, "main", 'engine = "fake"\nfallback = "backup.toml"\n'))
    speaker = Speaker.for_preset(main, ChunkCache(tmp_path / "cache"))
    texts = ["one", "two", "three"]
    first = list(speaker.speak(_chunks(texts)))
    FakeEngine.calls.clear()
    again = list(speaker.speak(_chunks(texts), respeak={1: 0, 2: 1}))
    assert FakeEngine.calls == ["two", "three"]
    assert [(s.preset, s.cached, s.fallback) for s in again] == [
        ("main", True, False), ("main", False, False), ("backup", False, False)
    ]
    assert again[2].clip.samples.size > first[2].clip.samples.size  # the backup's slower pace: its own audio
    FakeEngine.calls.clear()
    ahead = list(speaker.speak(_chunks(texts), ahead=True, respeak={1: 0}))  # the build's two-core mode
    assert FakeEngine.calls == ["two"] and [s.cached for s in ahead] == [True, False, True]
    FakeEngine.calls.clear()
    assert list(speaker.speak(_chunks(["three"]), respeak={0: 5}))[0].preset == "backup"  # past the chain: its last voice
    assert FakeEngine.calls == ["three"]


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


# -- the article's language ------------------------------------------------------------------------


class ListeningFake(FakeEngine):
    """A fake that records the language each sentence was asked in."""

    name: ClassVar[str] = "listening-fake"
    heard: ClassVar[list[tuple[str, str]]] = []

    def synthesize(self, text: str, voice: VoiceParams) -> Clip:
        ListeningFake.heard.append((text, voice.language))
        return super().synthesize(text, voice)


@pytest.fixture
def listening() -> Iterator[type[ListeningFake]]:
    ListeningFake.heard = []
    register(ListeningFake)
    try:
        yield ListeningFake
    finally:
        unregister(ListeningFake.name)


def test_a_preset_without_a_language_speaks_the_articles(tmp_path: Path, listening: type[ListeningFake]) -> None:
    preset = load_preset(_preset(tmp_path, "any", 'engine = "listening-fake"\n'))
    Speaker.for_preset(preset, None, "es").speak_one(_chunks(["Hola."])[0])
    Speaker.for_preset(preset, None, "pt-BR").speak_one(_chunks(["Olá."])[0])
    Speaker.for_preset(preset, None).speak_one(_chunks(["Hello."])[0])
    assert listening.heard == [("Hola.", "es"), ("Olá.", "pt-BR"), ("Hello.", "en-us")]


def test_a_preset_with_a_language_speaks_its_own(tmp_path: Path, listening: type[ListeningFake]) -> None:
    preset = load_preset(_preset(tmp_path, "en", 'engine = "listening-fake"\nlanguage = "en-gb"\n'))
    speaker = Speaker.for_preset(preset, None, "es")
    speaker.speak_one(_chunks(["Hola."])[0])
    assert listening.heard == [("Hola.", "en-gb")]
    assert speaker.voice_params == VoiceParams(speed=1.0, language="en-gb")


def test_fallbacks_speak_the_articles_language_too(tmp_path: Path, listening: type[ListeningFake]) -> None:
    _preset(tmp_path, "backup", 'engine = "listening-fake"\n')
    main = load_preset(_preset(tmp_path, "main", 'engine = "fake"\nfallback = "backup.toml"\n[options]\nfail_on = "BAD"\n'))
    register(FakeEngine)
    try:
        spoken = Speaker.for_preset(main, None, "fr").speak_one(_chunks(["BAD phrase."])[0])
    finally:
        unregister(FakeEngine.name)
    assert spoken.sentences[0].preset == "backup" and listening.heard == [("BAD phrase.", "fr")]


def test_the_cache_keeps_each_language_apart(tmp_path: Path, listening: type[ListeningFake]) -> None:
    preset = load_preset(_preset(tmp_path, "any", 'engine = "listening-fake"\n'))
    speaker = Speaker.for_preset(preset, ChunkCache(tmp_path / "cache"), "es")
    chunk = _chunks(["Radio."])[0]
    assert not speaker.speak_one(chunk).cached
    assert not speaker.for_language("it").speak_one(chunk).cached  # the same word, another language
    assert speaker.speak_one(chunk).cached and speaker.for_language("it").speak_one(chunk).cached
    assert listening.heard == [("Radio.", "es"), ("Radio.", "it")]
    assert speaker.identity() != speaker.for_language("it").identity()
    assert '"language":"es"' in speaker.identity()


def test_a_speaker_for_another_language_shares_the_engines(tmp_path: Path, listening: type[ListeningFake]) -> None:
    preset = load_preset(_preset(tmp_path, "any", 'engine = "listening-fake"\n'))
    speaker = Speaker.for_preset(preset, None, "es")
    german = speaker.for_language("de")
    assert german.engine is speaker.engine and german.preset is speaker.preset
    assert (german.language, speaker.language) == ("de", "es")
    assert german.voice_params.language == "de" and speaker.voice_params.language == "es"
    closed: list[bool] = []
    speaker.engine.close = lambda: closed.append(True)  # type: ignore[method-assign]
    german.close()
    assert closed == []  # a view closes nothing
    speaker.close()
    assert closed == [True]


def test_espeak_speaks_a_spanish_chunk_through_the_speaker() -> None:
    speaker = Speaker.for_preset(load_preset("espeak"), None, "es")
    try:
        spoken = speaker.speak_one(_chunks(["El tren sale a las seis."])[0])
    finally:
        speaker.close()
    assert spoken.sentences[0].engine == "espeak" and spoken.clip.duration > 1.0


def test_a_pool_loads_each_preset_once_for_every_language(tmp_path: Path, listening: type[ListeningFake]) -> None:
    from narrate.speech.speaker import SpeakerPool

    any_language = load_preset(_preset(tmp_path, "any", 'engine = "listening-fake"\n'))
    english = load_preset(_preset(tmp_path, "en", 'engine = "listening-fake"\nlanguage = "en"\n'))
    pool = SpeakerPool(ChunkCache(tmp_path / "cache"))
    spanish, french, plain = pool.speaker(any_language, "es"), pool.speaker(any_language, "fr"), pool.speaker(english, "en")
    assert spanish.engine is french.engine is pool.speaker(load_preset(tmp_path / "any.toml"), "de").engine
    assert plain.engine is not spanish.engine
    spanish.speak_one(_chunks(["Uno."])[0])
    french.speak_one(_chunks(["Un."])[0])
    assert listening.heard == [("Uno.", "es"), ("Un.", "fr")]
    closed: list[str] = []
    spanish.engine.close = lambda: closed.append("any")  # type: ignore[method-assign]
    plain.engine.close = lambda: closed.append("en")  # type: ignore[method-assign]
    french.close()
    assert closed == []
    pool.close()
    assert sorted(closed) == ["any", "en"]


def test_a_broken_cache_is_switched_off_for_every_language(tmp_path: Path, listening: type[ListeningFake]) -> None:
    from narrate.speech.speaker import SpeakerPool

    preset = load_preset(_preset(tmp_path, "any", 'engine = "listening-fake"\n'))
    root = tmp_path / "cache"
    root.write_bytes(b"a file where the cache folder should be")
    pool = SpeakerPool(ChunkCache(root))
    pool.speaker(preset, "es").speak_one(_chunks(["Uno."])[0])
    german = pool.speaker(preset, "de")
    assert german.cache is None
    problem = pool.take_cache_problem()
    assert problem is not None and problem.endswith("; the rest was spoken without the cache")
    assert german.take_cache_problem() is None and pool.take_cache_problem() is None
    pool.close()
