"""A fake text-to-speech engine: deterministic audio whose length grows with the text, and a record
of every request. Used wherever a test needs the pipeline but not a real voice."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from narrate.errors import EngineError
from narrate.models import Clip
from narrate.speech.engines import Engine, EngineOptions, VoiceParams


@dataclass(frozen=True)
class FakeOptions(EngineOptions):
    seconds_per_char: float = 0.02
    max_chars: int = 400
    fail_on: str = ""
    """A word that makes synthesize() raise, to test failures."""
    amplitude: float = 0.3
    """Peak level of the tone (0.003: a very quiet engine)."""
    clipping: bool = False
    """Make a square wave at full scale: an engine that is far too loud."""
    flaky: float = 0.0
    """Share of requests that fail at random, as a network engine's do now and then."""


class FakeEngine(Engine):
    name: ClassVar[str] = "fake"
    Options: ClassVar[type[EngineOptions]] = FakeOptions
    RATE: ClassVar[int] = 16000
    calls: ClassVar[list[str]] = []
    """Every text asked for, across instances (cleared by the fixture)."""

    def __init__(self, options: EngineOptions) -> None:
        super().__init__(options)
        if not isinstance(options, FakeOptions):
            raise TypeError("FakeEngine needs FakeOptions")
        self._options = options

    @property
    def max_chars(self) -> int:
        return self._options.max_chars

    @property
    def sample_rate(self) -> int:
        return self.RATE

    @property
    def version(self) -> str:
        return "1"

    def synthesize(self, text: str, voice: VoiceParams) -> Clip:
        FakeEngine.calls.append(text)
        if self._options.fail_on and self._options.fail_on in text:
            raise EngineError(f"fake engine refuses {self._options.fail_on!r}")
        if self._options.flaky and random.random() < self._options.flaky:
            raise EngineError("fake engine: a request failed (flaky)")
        samples = tone_for(text, self._options.seconds_per_char / voice.speed, self.RATE)
        samples = np.sign(samples).astype(np.float32) if self._options.clipping else samples / 0.3 * self._options.amplitude
        return Clip(samples.astype(np.float32), self.RATE)


def tone_for(text: str, seconds_per_char: float, rate: int) -> np.ndarray:
    """A tone whose pitch depends on the text and whose length is proportional to it."""
    count = max(1, round(len(text) * seconds_per_char * rate))
    pitch = 200 + int(hashlib.sha256(text.encode()).hexdigest()[:4], 16) % 400
    t = np.arange(count, dtype=np.float64) / rate
    return (0.3 * np.sin(2 * np.pi * pitch * t)).astype(np.float32)
