"""Placing speech in the episode: shaped, levelled sentence units and the preset's pauses, streamed
to the MP3 writer, with the place of every unit recorded for transcripts and chapters. How a unit's
edges and inner pauses are cut, and how much digital silence makes a pause: :mod:`.seams`."""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass, field

import numpy as np

from ..models import BlockKind, Chunk, Clip, Sentence
from .loudness import Leveler, LoudnessMeter, gated_loudness
from .mp3writer import EncodedAudio, Mp3Writer, resample
from .seams import SEAMS, SeamStyle, Shaped, shape, silence_between


@dataclass(frozen=True)
class Pauses:
    """Seconds of silence the narrator leaves."""

    sentence: float = 0.35
    """Between the pieces of a paragraph that was too long for one request."""
    paragraph: float = 0.8
    """Between paragraphs."""
    heading: float = 1.4
    """Before a section heading."""

    def __post_init__(self) -> None:
        for name in ("sentence", "paragraph", "heading"):
            value = getattr(self, name)
            if not 0.0 <= value <= 10.0:
                raise ValueError(f"pause '{name}' must be between 0 and 10 seconds, not {value}")

    def scaled(self, factor: float) -> Pauses:
        """Every pause times ``factor`` (a preset at speed 1.3 pauses 1/1.3 as long)."""
        if factor == 1.0:
            return self
        return Pauses(*(min(10.0, getattr(self, name) * factor) for name in ("sentence", "paragraph", "heading")))


@dataclass(frozen=True)
class SpokenSentence:
    """One sentence's audio and who made it."""

    sentence: Sentence
    clip: Clip
    preset: str
    """The voice preset that spoke it (the fallback's name when the first preset failed)."""
    engine: str
    cached: bool
    fallback: bool
    """True when a fallback preset spoke it."""


@dataclass(frozen=True)
class Spoken:
    """A chunk's audio, sentence by sentence.

    Sentences are spoken one at a time (not the chunk in one request) so that narrate knows where
    every sentence starts in the episode: transcripts are placed from that, not estimated.
    """

    chunk: Chunk
    sentences: list[SpokenSentence]

    @property
    def cached(self) -> bool:
        return all(s.cached for s in self.sentences)

    @property
    def fallback(self) -> bool:
        return any(s.fallback for s in self.sentences)

    @property
    def preset(self) -> str:
        """The preset that spoke the chunk (a fallback's name if one spoke any of it)."""
        return next((s.preset for s in self.sentences if s.fallback), self.sentences[0].preset)

    @property
    def engine(self) -> str:
        return next((s.engine for s in self.sentences if s.fallback), self.sentences[0].engine)

    @property
    def clip(self) -> Clip:
        """The sentences' audio joined without pauses (at the first sentence's rate)."""
        rate = self.sentences[0].clip.sample_rate
        parts = [resample(s.clip, rate) for s in self.sentences]
        return Clip(np.concatenate(parts) if parts else np.zeros(0, np.float32), rate)


@dataclass(frozen=True)
class PlacedSentence:
    text: str
    """As written (empty for the later parts of an over-long sentence)."""
    spoken: str
    start: float
    end: float
    preset: str
    engine: str
    cached: bool
    quoted: bool = False
    """Inside quotation marks (spoken by the preset's ``quote_voice``, when it has one)."""


@dataclass
class PlacedPart:
    """A chunk, or a piece of music, as it sits in the episode."""

    kind: str
    """A block kind ("paragraph", "heading", "intro", "outro") or "music"."""
    text: str
    pause_before: float
    start: float
    duration: float
    sentences: list[PlacedSentence] = field(default_factory=list)
    block: int = -1
    """The article block (paragraph or heading) the chunk comes from; -1 for music."""
    first_in_block: bool = True


class Assembler:
    """Lays parts out one after another, remembers where each sentence went, and has them levelled,
    measured and encoded by a worker thread, so that the next chunk is spoken meanwhile.

    Where a part lands is known at once (levelling keeps lengths); the audio work happens behind,
    with at most a few chunks queued, so memory stays bounded.
    """

    _QUEUE_DEPTH = 3

    def __init__(
        self,
        writer: Mp3Writer,
        pauses: Pauses,
        *,
        target_lufs: float,
        ceiling_dbtp: float,
        threaded: bool = True,
        seams: SeamStyle | None = None,
    ) -> None:
        """``threaded``: level, measure and encode in a worker thread, or in the calling thread.
        ``seams``: how units are cut (default :data:`.seams.SEAMS`, read when the assembler is made)."""
        self.writer = writer
        self.rate = writer.input_rate
        self.pauses = pauses
        self.seams = seams if seams is not None else SEAMS
        self.target_lufs = target_lufs
        self._tail = 0  # samples of decay kept at the end of the last part laid
        self._voice_gains: dict[str, float] = {}  # by preset: the gain its sentences last got in a mixed chunk
        self.speech_leveler = Leveler(self.rate, target_lufs=target_lufs, ceiling_dbtp=ceiling_dbtp)
        self.music_leveler = Leveler(self.rate, target_lufs=target_lufs, ceiling_dbtp=ceiling_dbtp)
        self.meter = LoudnessMeter(self.rate)
        self.parts: list[PlacedPart] = []
        self._samples = 0
        self._queue: queue.Queue[tuple[Leveler, np.ndarray] | None] = queue.Queue(maxsize=self._QUEUE_DEPTH)
        self._error: BaseException | None = None
        self._worker: threading.Thread | None = None
        if threaded:
            self._worker = threading.Thread(target=self._run, name="narrate-level", daemon=True)
            self._worker.start()

    @property
    def position(self) -> float:
        """Seconds laid out so far."""
        return self._samples / self.rate

    def add_music(self, samples: np.ndarray, name: str, pause_before: float) -> PlacedPart:
        """Intro or outro audio (already faded), levelled like speech."""
        pause = round((pause_before if self.parts else 0.0) * self.rate)
        self._tail = 0
        self._submit(self.music_leveler, np.concatenate([np.zeros(pause, np.float32), samples.astype(np.float32)]))
        part = PlacedPart("music", name, pause / self.rate, self.position - len(samples) / self.rate, len(samples) / self.rate)
        self.parts.append(part)
        return part

    def add_chunk(self, spoken: Spoken) -> PlacedPart:
        """A chunk's sentence units with the preset's pauses, levelled as they will be heard.

        Each unit is shaped (:func:`.seams.shape`) with its levels judged at the gain levelling will
        give the chunk, and the silence between units is the pause less half the decay and onset
        kept around it (:func:`.seams.silence_between`). The chunk is levelled with its pauses in
        place (the pause before it included), because loudness is measured over 400 ms blocks: a
        chunk levelled without its pauses would come out 1 to 2 LU quieter than the target.
        """
        chunk = spoken.chunk
        clips = self._match_voices([resample(s.clip, self.rate) for s in spoken.sentences],
                                   [s.preset for s in spoken.sentences])
        gain = self._expected_gain(clips)
        units = [shape(c, self.rate, self.pauses.sentence, style=self.seams, gain_db=gain) for c in clips]
        lead = units[0].lead if units else 0
        before = self._pause_before(chunk.kind, chunk.first_in_block) if self.parts else 0.0
        pause = silence_between(before, self.rate, self._tail, lead) if self.parts else 0
        pieces: list[np.ndarray] = [np.zeros(pause, np.float32)]
        spans: list[tuple[int, int]] = []
        position = pause
        previous: Shaped | None = None
        for unit in units:
            if previous is not None:
                gap = silence_between(self.pauses.sentence, self.rate, previous.tail, unit.lead)
                pieces.append(np.zeros(gap, np.float32))
                position += gap
            pieces.append(unit.samples)
            spans.append((position, position + len(unit.samples)))
            position += len(unit.samples)
            previous = unit
        self._tail = previous.tail if previous is not None else 0
        base = self._samples
        self._submit(self.speech_leveler, np.concatenate(pieces))
        placed = [
            PlacedSentence(
                said.sentence.text, said.sentence.spoken, (base + begin) / self.rate, (base + finish) / self.rate,
                said.preset, said.engine, said.cached, said.sentence.quoted,
            )
            for said, (begin, finish) in zip(spoken.sentences, spans)
        ]
        start = (base + pause) / self.rate
        part = PlacedPart(
            chunk.kind.value, chunk.text, pause / self.rate, start, (position - pause) / self.rate, placed,
            chunk.block, chunk.first_in_block,
        )
        self.parts.append(part)
        return part

    def finish(self) -> EncodedAudio:
        """Wait for the worker, then finish the MP3."""
        if self._worker is not None:
            self._queue.put(None)
            self._worker.join()
        if self._error is not None:
            raise self._error
        return self.writer.close()

    def abort(self) -> None:
        """Stop the worker without finishing (after an error; the caller discards the file)."""
        self._error = self._error or RuntimeError("aborted")
        while self._worker is not None and self._worker.is_alive():
            try:
                self._queue.put(None, timeout=0.1)
            except queue.Full:
                continue

    def _match_voices(self, clips: list[np.ndarray], presets: list[str]) -> list[np.ndarray]:
        """A chunk spoken by more than one voice (a quotation's, a fallback's) with each voice's
        sentences brought to the target loudness first, so that levelling the chunk as a whole leaves
        the voices as loud as each other. A voice's sentences too short to measure get the gain its
        last measured ones got."""
        if len(set(presets)) < 2:
            return clips
        matched = list(clips)
        for preset in dict.fromkeys(presets):
            indexes = [i for i, name in enumerate(presets) if name == preset]
            loudness = gated_loudness(np.concatenate([clips[i] for i in indexes]), self.rate)
            if loudness is not None:
                self._voice_gains[preset] = min(self.target_lufs - loudness, self.speech_leveler.max_gain_db)
            gain = self._voice_gains.get(preset)
            if gain is not None:
                for i in indexes:
                    matched[i] = (clips[i] * np.float32(10 ** (gain / 20))).astype(np.float32)
        return matched

    def _expected_gain(self, clips: list[np.ndarray]) -> float:
        """The gain levelling will give these units (as :class:`.loudness.Leveler` computes it before
        limiting), so that they are cut at the levels heard; the last chunk's gain when they are too
        short or quiet to measure."""
        if not self.seams.heard or not clips:
            return 0.0
        loudness = gated_loudness(np.concatenate(clips), self.rate)
        if loudness is None:
            return self.speech_leveler.gain_db
        return min(self.target_lufs - loudness, self.speech_leveler.max_gain_db)

    def _pause_before(self, kind: BlockKind, first_in_block: bool) -> float:
        if not first_in_block:
            return self.pauses.sentence
        return self.pauses.heading if kind is BlockKind.HEADING else self.pauses.paragraph

    def _submit(self, leveler: Leveler, samples: np.ndarray) -> None:
        if self._error is not None:
            raise self._error
        self._samples += len(samples)
        if self._worker is None:
            self._process(leveler, samples)
            if self._error is not None:
                raise self._error
        else:
            self._queue.put((leveler, samples))

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if self._error is None:
                self._process(*item)

    def _process(self, leveler: Leveler, samples: np.ndarray) -> None:
        try:
            levelled = leveler.process(samples) if len(samples) else samples
            self.meter.feed(levelled)
            self.writer.write(Clip(levelled, self.rate))
        except BaseException as exc:  # handed to the thread that lays parts out
            self._error = exc
