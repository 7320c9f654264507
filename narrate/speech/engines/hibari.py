"""hibari-tts: the offline neural default engine (voice "heart" ships inside its wheel)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

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

    def synthesize(self, text: str, voice: VoiceParams) -> Clip:
        tts = self._loaded()
        try:
            samples = tts(text, speed=voice.speed, seed=self._options.seed)
        except Exception as exc:
            raise EngineError(f"hibari failed to speak {text[:40]!r}: {exc}") from exc
        return Clip(np.asarray(samples, dtype=np.float32), self._rate)
