"""Speaking chunks: the chunk cache first, then the preset's engine, then its fallback presets.

Chunks are spoken in parallel when the engine allows it (:attr:`Engine.concurrency`, e.g. a
network engine's request limit) and handed back in order, with at most a few chunks held ahead, so
memory stays bounded whatever the article's length.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor

from ..audio.assembly import Spoken, SpokenSentence
from ..errors import EngineError, OutputError
from ..models import Chunk, Clip, Sentence
from .cache import ChunkCache, cache_key
from .engines import Engine, create_engine
from .voices import VoicePreset, fallback_chain

GIVE_UP_AFTER = 2
"""Chunks in a row a preset may fail on before the rest of the build goes straight to its fallback."""


class _Voice:
    """A preset and its engine, created on first use (fallback engines are often never needed)."""

    def __init__(self, preset: VoicePreset, engine: Engine | None = None) -> None:
        self.preset = preset
        self._engine = engine
        self._lock = threading.Lock()
        self.failures_in_row = 0
        self.last_error: EngineError | None = None

    def failed(self, error: EngineError) -> None:
        with self._lock:
            self.failures_in_row += 1
            self.last_error = error

    def worked(self) -> None:
        with self._lock:
            self.failures_in_row = 0

    def given_up(self, has_fallback: bool) -> bool:
        """After repeated failures (an engine down, a network gone) stop trying it, if a fallback exists."""
        return has_fallback and self.failures_in_row >= GIVE_UP_AFTER

    @property
    def engine(self) -> Engine:
        with self._lock:
            if self._engine is None:
                self._engine = create_engine(self.preset.engine, self.preset.options, str(self.preset.path))
            return self._engine

    def identity(self) -> str:
        return self.engine.identity(self.preset.voice_params)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.close()


class Speaker:
    """Turns chunks into audio with a preset, its fallbacks and a cache."""

    def __init__(self, presets: list[VoicePreset], cache: ChunkCache | None) -> None:
        if not presets:
            raise ValueError("a speaker needs at least one preset")
        first = presets[0]
        self._voices = [_Voice(first, create_engine(first.engine, first.options, str(first.path)))]
        self._voices += [_Voice(p) for p in presets[1:]]
        self.cache = cache
        self._cache_problem: str | None = None

    @classmethod
    def for_preset(cls, preset: VoicePreset, cache: ChunkCache | None) -> Speaker:
        return cls(fallback_chain(preset), cache)

    @property
    def engine(self) -> Engine:
        """The first preset's engine."""
        return self._voices[0].engine

    @property
    def preset(self) -> VoicePreset:
        return self._voices[0].preset

    def speak(self, chunks: Iterable[Chunk]) -> Iterator[Spoken]:
        """The audio of every chunk, in order."""
        workers = max(1, self.engine.concurrency)
        if workers == 1:
            for chunk in chunks:
                yield self.speak_one(chunk)
            return
        pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="narrate-speak")
        pending: deque[Future[Spoken]] = deque()
        source = iter(chunks)
        try:
            for chunk in source:
                pending.append(pool.submit(self.speak_one, chunk))
                if len(pending) >= 2 * workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def speak_one(self, chunk: Chunk) -> Spoken:
        """One chunk, sentence by sentence."""
        return Spoken(chunk, [self.speak_sentence(sentence) for sentence in chunk.units])

    def speak_sentence(self, sentence: Sentence) -> SpokenSentence:
        """One sentence: from the cache, or from the first preset that can speak it."""
        errors: list[EngineError] = []
        for position, voice in enumerate(self._voices):
            if voice.given_up(has_fallback=position + 1 < len(self._voices)):
                errors.append(voice.last_error or EngineError(f"{voice.preset.name}: given up"))
                continue
            try:
                key = cache_key(voice.identity(), sentence.spoken)
            except EngineError as exc:  # a fallback engine that cannot even start
                errors.append(exc)
                continue
            found = self.cache.get(key) if self.cache is not None else None
            if found is not None:
                return SpokenSentence(sentence, found, voice.preset.name, voice.engine.name, True, position > 0)
            try:
                clip = voice.engine.synthesize(sentence.spoken, voice.preset.voice_params)
            except Exception as exc:  # an engine's own bug, or its library's error, fails the chunk too
                failure = exc if isinstance(exc, EngineError) else _engine_failure(voice.preset.engine, exc)
                voice.failed(failure)
                errors.append(failure)
                continue
            voice.worked()
            clip = self._store(key, clip)
            return SpokenSentence(sentence, clip, voice.preset.name, voice.engine.name, False, position > 0)
        if len(errors) == 1:
            raise errors[0]
        tried = "; ".join(f"fallback '{v.preset.name}': {e}" for v, e in zip(self._voices[1:], errors[1:]))
        raise EngineError(f"{errors[0]} ({tried})")

    def _store(self, key: str, clip: Clip) -> Clip:
        """Put a new clip in the cache. A cache that cannot be written (a full disk, its folder gone
        or made a file) is an optimisation lost, not a failed episode: it is switched off for the
        rest of the run and the problem kept for :meth:`take_cache_problem`."""
        cache = self.cache
        if cache is not None:
            try:
                return cache.put(key, clip)
            except OutputError as exc:
                if self.cache is not None:
                    self.cache = None
                    self._cache_problem = f"{exc}; the rest was spoken without the cache"
        return ChunkCache.canonical(clip)

    def take_cache_problem(self) -> str | None:
        """Why the cache was switched off during the last chunks spoken (once), else None."""
        problem, self._cache_problem = self._cache_problem, None
        return problem

    def close(self) -> None:
        for voice in self._voices:
            voice.close()


def _engine_failure(engine: str, exc: Exception) -> EngineError:
    """An engine that raised something other than EngineError, as one (keeping the original)."""
    failure = EngineError(f"the {engine} engine failed ({type(exc).__name__}: {exc})")
    failure.__cause__ = exc
    return failure
