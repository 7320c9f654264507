"""Speaking chunks: the chunk cache first, then the preset's engine, then its fallback presets.

Chunks are spoken in parallel when the engine allows it (:attr:`Engine.concurrency`, e.g. a
network engine's request limit) and handed back in order, with at most a few chunks held ahead, so
memory stays bounded whatever the article's length.

A speaker speaks one language: presets without a language of their own (espeak, gtts) are told
the article's (:meth:`VoicePreset.voice_params_for`), which is also part of every cache key.
:meth:`Speaker.for_language` gives a speaker for another article's language that shares the
engines already loaded.
"""

from __future__ import annotations

import copy
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from ..audio.assembly import Spoken, SpokenSentence
from ..errors import EngineError, OutputError
from ..models import Chunk, Clip, Sentence
from .cache import ChunkCache, cache_key
from .enginehost import EngineHost, HostGone, prestarted
from .engines import Engine, VoiceParams, create_engine
from .voices import VoicePreset, fallback_chain, quote_preset

GIVE_UP_AFTER = 2
"""Chunks in a row a preset may fail on before the rest of the build goes straight to its fallback."""


class _Voice:
    """A preset and its engine, created on first use (fallback engines are often never needed)."""

    def __init__(self, preset: VoicePreset, engine: Engine | None = None) -> None:
        self.preset = preset
        self._engine = engine
        self._lock = threading.Lock()
        self._host: EngineHost | None = None
        self._host_checked = False
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

    def params(self, language: str | None) -> VoiceParams:
        return self.preset.voice_params_for(language)

    def synthesize(self, text: str, params: VoiceParams) -> Clip:
        """The engine speaking ``text``: in the prestarted host when it runs this very engine
        (:mod:`.enginehost`; the same audio), else here."""
        engine = self.engine
        host = self._host_for(engine)
        if host is not None:
            try:
                return host.synthesize(text, params)
            except HostGone:
                with self._lock:
                    self._host = None
        return engine.synthesize(text, params)

    def _host_for(self, engine: Engine) -> EngineHost | None:
        with self._lock:
            if not self._host_checked:
                host = prestarted()
                self._host = host if host is not None and host.serves(engine) else None
                self._host_checked = True
            return self._host

    def identity(self, language: str | None) -> str:
        return self.engine.identity(self.params(language))

    def close(self) -> None:
        if self._engine is not None:
            self._engine.close()


class _CacheState:
    """The chunk cache of a speaker and of the speakers for other languages made from it."""

    def __init__(self, cache: ChunkCache | None) -> None:
        self.cache = cache
        self.problem: str | None = None
        self.lock = threading.Lock()


class Speaker:
    """Turns chunks into audio with a preset, its fallbacks and a cache."""

    def __init__(
        self,
        presets: list[VoicePreset],
        cache: ChunkCache | None,
        language: str | None = None,
        quote_presets: list[VoicePreset] | None = None,
    ) -> None:
        """``language``: the article's (BCP 47), spoken by the presets that name none; None: English.
        ``quote_presets``: the voice (and its fallbacks) of the sentences inside quotation marks."""
        if not presets:
            raise ValueError("a speaker needs at least one preset")
        first = presets[0]
        self._voices = [_Voice(first, create_engine(first.engine, first.options, str(first.path)))]
        self._voices += [_Voice(p) for p in presets[1:]]
        self._quote_voices: list[_Voice] = []
        if quote_presets:
            lead = quote_presets[0]
            self._quote_voices = [_Voice(lead, create_engine(lead.engine, lead.options, str(lead.path)))]
            self._quote_voices += [_Voice(p) for p in quote_presets[1:]]
        self._cache = _CacheState(cache)
        self.language = language
        self._owns_engines = True

    @classmethod
    def for_preset(
        cls, preset: VoicePreset, cache: ChunkCache | None, language: str | None = None, speed: float | None = None
    ) -> Speaker:
        """A speaker for ``preset`` and its fallbacks (and its ``quote_voice`` with its own fallbacks),
        speaking ``language`` where a preset names none; ``speed`` (``--speed``): the pace of all of
        them instead of each preset's own."""
        chain = [p.at_speed(speed) for p in fallback_chain(preset.at_speed(speed))]
        quote = quote_preset(preset)
        quotes = [p.at_speed(speed) for p in fallback_chain(quote.at_speed(speed))] if quote is not None else None
        return cls(chain, cache, language, quotes)

    def for_language(self, language: str | None) -> Speaker:
        """A speaker with the same presets, engines and cache speaking ``language``. It shares this
        speaker's engines (closing it closes nothing: close this one when both are done) and its
        cache (switched off for both when it cannot be written)."""
        other = copy.copy(self)
        other.language = language
        other._owns_engines = False
        return other

    @property
    def cache(self) -> ChunkCache | None:
        return self._cache.cache

    @cache.setter
    def cache(self, cache: ChunkCache | None) -> None:
        self._cache.cache = cache

    @property
    def voice_params(self) -> VoiceParams:
        """What the first preset is asked to speak with: its pace and the language it speaks."""
        return self._voices[0].params(self.language)

    def identity(self) -> str:
        """The first preset's engine identity for this speaker's language (the chunk cache keys on it)."""
        return self._voices[0].identity(self.language)

    def quote_identity(self) -> str | None:
        """The identity of the voice that speaks quotations, or None when the main voice speaks them."""
        return self._quote_voices[0].identity(self.language) if self._quote_voices else None

    @property
    def quote_preset(self) -> VoicePreset | None:
        """The preset that speaks the sentences inside quotation marks, or None."""
        return self._quote_voices[0].preset if self._quote_voices else None

    @property
    def _leading_voices(self) -> list[_Voice]:
        """The voices a chunk is meant for: the first preset's and the quotation voice's (not fallbacks)."""
        return self._voices[:1] + self._quote_voices[:1]

    @property
    def max_chars(self) -> int:
        """The most characters of text one chunk may hold for every voice of this speaker."""
        return min(v.engine.max_chars for v in self._leading_voices)

    @property
    def sample_rate(self) -> int:
        """The highest rate its voices speak at (the first preset's and the quotation voice's)."""
        return max(v.engine.sample_rate for v in self._leading_voices)

    @property
    def engine(self) -> Engine:
        """The first preset's engine."""
        return self._voices[0].engine

    @property
    def preset(self) -> VoicePreset:
        return self._voices[0].preset

    def speak(
        self,
        chunks: Iterable[Chunk],
        *,
        ahead: bool = False,
        respeak: Mapping[int, int] | None = None,
        meanwhile: Callable[[], None] | None = None,
    ) -> Iterator[Spoken]:
        """The audio of every chunk, in order.

        An engine that takes requests in parallel (:attr:`Engine.concurrency` > 1) gets every sentence
        of the next chunks at once, so a chunk's sentences are not spoken one after another; at most
        ``4 * concurrency`` sentences (at least 8) are in the air or held ahead. ``ahead``: with an
        engine that speaks one thing at a time, it speaks the next sentences in a background thread
        while the caller handles the last chunk (the build's two-core mode). ``respeak``: chunk index ->
        voice of the chain to start from (0: the preset's own, 1: its fallback, …), for the chunks
        spoken again without the cache (:meth:`speak_sentence`). ``meanwhile``: called once, as soon as the
        first chunk's sentences are being spoken in the background (at once when nothing speaks ahead),
        for work the caller would otherwise do while the engine waits (the build draws the show's cover)."""
        again = respeak or {}
        workers = max(1, self.engine.concurrency)
        if workers == 1 and not ahead:
            if meanwhile is not None:
                meanwhile()
            for chunk in chunks:
                yield self.speak_one(chunk, again.get(chunk.index))
            return
        limit = max(8, 4 * workers)
        pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="narrate-speak")
        pending: deque[tuple[Chunk, list[Future[SpokenSentence]]]] = deque()

        def oldest() -> Spoken:
            done, futures = pending.popleft()
            return Spoken(done, [f.result() for f in futures])

        try:
            for chunk in chunks:
                again_by = again.get(chunk.index)
                pending.append((chunk, [pool.submit(self.speak_sentence, s, again_by) for s in chunk.units]))
                if meanwhile is not None:
                    meanwhile, task = None, meanwhile
                    task()
                while sum(len(futures) for _, futures in pending) >= limit:
                    yield oldest()
            if meanwhile is not None:  # there was no chunk
                meanwhile()
            while pending:
                yield oldest()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def speak_one(self, chunk: Chunk, respeak: int | None = None) -> Spoken:
        """One chunk, sentence by sentence (``respeak``: see :meth:`speak_sentence`)."""
        return Spoken(chunk, [self.speak_sentence(sentence, respeak) for sentence in chunk.units])

    def speak_sentence(self, sentence: Sentence, respeak: int | None = None) -> SpokenSentence:
        """One sentence: from the cache, or from the first preset that can speak it. ``respeak``: spoken
        again, not from the cache, by that voice of the chain (0: the preset's own) or the ones after it;
        only a voice after that one counts as a fallback."""
        errors: list[EngineError] = []
        chain = self._quote_voices if sentence.quoted and self._quote_voices else self._voices
        first = min(respeak or 0, len(chain) - 1)
        for position, voice in enumerate(chain[first:], first):
            if voice.given_up(has_fallback=position + 1 < len(chain)):
                errors.append(voice.last_error or EngineError(f"{voice.preset.name}: given up"))
                continue
            try:
                key = cache_key(voice.identity(self.language), sentence.spoken)
            except EngineError as exc:  # a fallback engine that cannot even start
                errors.append(exc)
                continue
            found = self.cache.get(key) if self.cache is not None and respeak is None else None
            if found is not None:
                return SpokenSentence(sentence, found, voice.preset.name, voice.engine.name, True, position > first)
            try:
                clip = voice.synthesize(sentence.spoken, voice.params(self.language))
            except Exception as exc:  # an engine's own bug, or its library's error, fails the chunk too
                failure = exc if isinstance(exc, EngineError) else _engine_failure(voice.preset.engine, exc)
                voice.failed(failure)
                errors.append(failure)
                continue
            voice.worked()
            clip = self._store(key, clip)
            return SpokenSentence(sentence, clip, voice.preset.name, voice.engine.name, False, position > first)
        if len(errors) == 1:
            raise errors[0]
        tried = "; ".join(f"fallback '{v.preset.name}': {e}" for v, e in zip(chain[first + 1:], errors[1:]))
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
                with self._cache.lock:
                    if self._cache.cache is not None:
                        self._cache.cache = None
                        self._cache.problem = f"{exc}; the rest was spoken without the cache"
        return ChunkCache.canonical(clip)

    def take_cache_problem(self) -> str | None:
        """Why the cache was switched off during the last chunks spoken (once), else None."""
        with self._cache.lock:
            problem, self._cache.problem = self._cache.problem, None
        return problem

    def close(self) -> None:
        if self._owns_engines:
            for voice in self._voices + self._quote_voices:
                voice.close()


class SpeakerPool:
    """Speakers for a run of articles in several languages: one :class:`Speaker` (and engine) per
    preset, made on first use and kept, handed out for each article's language (the engines are
    loaded once however many languages and articles follow)."""

    def __init__(self, cache: ChunkCache | None) -> None:
        self.cache = cache
        self._speakers: dict[tuple[str, str, float, float | None], Speaker] = {}
        self._lock = threading.Lock()

    def speaker(self, preset: VoicePreset, language: str | None, speed: float | None = None) -> Speaker:
        """A speaker for ``preset`` (and its fallbacks) speaking ``language`` at ``speed`` (None: each
        preset's own); do not close it, close the pool."""
        where = str(preset.path.resolve()) if preset.path != Path() else repr(preset)
        key = (preset.name, where, preset.speed, speed)
        with self._lock:
            base = self._speakers.get(key)
            if base is None:
                base = self._speakers[key] = Speaker.for_preset(preset, self.cache, language, speed)
        return base.for_language(language)

    def take_cache_problem(self) -> str | None:
        """Why a speaker switched the cache off (once), else None."""
        with self._lock:
            speakers = list(self._speakers.values())
        return next((p for p in (s.take_cache_problem() for s in speakers) if p), None)

    def close(self) -> None:
        with self._lock:
            speakers, self._speakers = list(self._speakers.values()), {}
        for speaker in speakers:
            speaker.close()


def _engine_failure(engine: str, exc: Exception) -> EngineError:
    """An engine that raised something other than EngineError, as one (keeping the original)."""
    failure = EngineError(f"the {engine} engine failed ({type(exc).__name__}: {exc})")
    failure.__cause__ = exc
    return failure
