"""hibari-tts: the offline neural default engine (voice "heart" ships inside its wheel).

Pace: hibari's own ``speed`` argument does not give the pace it names. Measured on the seed
article (``python benchmarks/run.py hibari-pace``), every text's length is scaled by one factor per
argument, but not by ``1/speed``: 1.3 gives 0.854 of the length at 1.0 (not 0.769), 0.9 gives 1.041,
and from 1.34 up the length drops at once to about 0.66 with words slurred (an offline recogniser
misses 22 % of them, against 2 % at 1.0). So narrate asks hibari for ``min(speed, 1.3)``, measures
once per engine what that argument really does to a fixed sentence, and stretches the rest
(pitch-preserving, :mod:`narrate.audio.stretch`): the pace heard is the one asked for.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from ...audio.stretch import change_tempo, stretcher
from ...errors import EngineError
from ...models import Clip
from .base import Engine, EngineOptions, VoiceParams


@dataclass(frozen=True)
class HibariOptions(EngineOptions):
    voice: str = "heart"
    """A hibari voice installed on this machine ("heart" is always there; ``narrate voices install``
    installs the others)."""
    seed: int = 0
    """Fixes the model's noise so that the same text always gives the same audio."""
    threads: int = 1
    """onnxruntime threads for one synthesis."""

    def __post_init__(self) -> None:
        if self.threads < 1:
            raise ValueError(f"'threads' must be at least 1, not {self.threads}")


class HibariEngine(Engine):
    name: ClassVar[str] = "hibari"
    needs_network: ClassVar[bool] = False
    Options: ClassVar[type[EngineOptions]] = HibariOptions
    identity_ignores: ClassVar[frozenset[str]] = frozenset({"threads"})

    # hibari splits sentences itself and caps what the model sees at once, so a chunk can be a
    # whole paragraph; the limit only bounds the work (and the audio held) per request.
    _MAX_CHARS = 2000
    NATIVE_FASTEST: ClassVar[float] = 1.3
    """The fastest ``speed`` argument hibari speaks well (see the module docstring)."""
    _CALIBRATION = "The quick brown fox jumps over the lazy dog, and then it runs back home again."

    def __init__(self, options: EngineOptions) -> None:
        super().__init__(options)
        if not isinstance(options, HibariOptions):
            raise TypeError("HibariEngine needs HibariOptions")
        self._options = options
        import hibari

        from ..voicefiles import hibari_registry, hibari_voice_file, install_command

        if options.voice not in hibari_registry():
            raise EngineError(f"hibari has no voice '{options.voice}' (voices: {', '.join(hibari_registry())})")
        # Never download here: voices are installed only by `narrate voices install`.
        model = hibari_voice_file(options.voice)
        if model is None:
            raise EngineError(
                f"the hibari voice '{options.voice}' is not installed: run {install_command(options.voice)}"
            )
        self._model = str(model)
        self._tts: Any = None  # loaded on first use: a build whose chunks are all cached never needs it
        self._lock = threading.Lock()
        self._version = hibari.__version__
        self._rate = int(hibari.SAMPLE_RATE)
        self._scales: dict[float, float] = {}

    @classmethod
    def spoken_languages(cls, options: EngineOptions) -> frozenset[str] | None:
        return frozenset({"en"})  # every hibari voice is American or British English

    def _loaded(self) -> Any:
        with self._lock:
            if self._tts is None:
                import hibari

                try:
                    self._tts = hibari.Hibari(voice=self._options.voice, model=self._model, threads=self._options.threads)
                except Exception as exc:  # onnxruntime raises its own types for a broken model file
                    raise EngineError(f"hibari could not load voice '{self._options.voice}': {exc}") from exc
            return self._tts

    @property
    def max_chars(self) -> int:
        return self._MAX_CHARS

    @property
    def sample_rate(self) -> int:
        return self._rate

    @property
    def version(self) -> str:
        return self._version

    def native_speed(self, speed: float) -> float:
        """The ``speed`` argument hibari is given for the pace ``speed``."""
        return min(speed, self.NATIVE_FASTEST)

    def length_scale(self, native: float) -> float:
        """What hibari's ``speed`` argument ``native`` does to a text's length (1.0 at 1.0), measured
        once on a fixed sentence (every text is scaled alike)."""
        if native == 1.0:
            return 1.0
        with self._lock:
            found = self._scales.get(native)
        if found is None:
            tts = self._loaded()
            at_one = len(tts(self._CALIBRATION, speed=1.0, seed=0))
            found = len(tts(self._CALIBRATION, speed=native, seed=0)) / max(1, at_one)
            with self._lock:
                self._scales[native] = found
        return found

    def pace(self, voice: VoiceParams) -> str:
        if voice.speed == 1.0:
            return ""
        return f"hibari speed {self.native_speed(voice.speed):g}, measured, then {stretcher()}"

    def synthesize(self, text: str, voice: VoiceParams) -> Clip:
        tts = self._loaded()
        native = self.native_speed(voice.speed)
        try:
            samples = tts(text, speed=native, seed=self._options.seed)
        except Exception as exc:
            raise EngineError(f"hibari failed to speak {text[:40]!r}: {exc}") from exc
        clip = Clip(np.asarray(samples, dtype=np.float32), self._rate)
        if voice.speed == 1.0:
            return clip
        return change_tempo(clip, voice.speed * self.length_scale(native))
