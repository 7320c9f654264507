"""The interface every text-to-speech engine implements."""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from dataclasses import asdict, dataclass
from typing import Any, ClassVar

from ...models import Clip
from ...text.language import primary


@dataclass(frozen=True)
class VoiceParams:
    """Voice parameters that apply to every engine (the rest are the engine's own options)."""

    speed: float = 1.0
    """1.0 is the engine's natural pace; 1.3 speaks in 1/1.3 of the time (0.5 to 2.0)."""
    language: str = "en-us"
    """The language to speak (BCP 47, e.g. "es", "pt-BR"): the preset's own, else the article's.
    Engines that speak one language whatever they are told (hibari) ignore it."""


@dataclass(frozen=True)
class EngineOptions:
    """Base of an engine's options dataclass; each engine declares its own fields and defaults."""


class Engine(ABC):
    """A text-to-speech engine.

    An engine is created once per set of options (loading a model can be slow) and then asked to
    speak many chunks. Engines are found through the ``narrate.engines`` entry-point group (see
    :mod:`narrate.speech.engines.registry`).
    """

    name: ClassVar[str]
    """The name used in voice presets (``engine = "..."``)."""
    needs_network: ClassVar[bool] = False
    install_hint: ClassVar[str] = ""
    """What to install when the engine's own software is missing, e.g. "pip install 'narrate[piper]'"."""
    Options: ClassVar[type[EngineOptions]] = EngineOptions
    """The dataclass of options this engine accepts in a preset's ``[options]`` table."""

    def __init__(self, options: EngineOptions) -> None:
        self.options = options

    @property
    @abstractmethod
    def max_chars(self) -> int:
        """The most characters of text sent in one request."""

    @property
    @abstractmethod
    def sample_rate(self) -> int:
        """Rate of the clips :meth:`synthesize` returns, in Hz."""

    @property
    @abstractmethod
    def version(self) -> str:
        """Version of the engine's software or model; part of :meth:`identity`."""

    @classmethod
    def missing(cls) -> str | None:
        """Why the engine cannot run on this machine (e.g. its package is not installed), or None."""
        return None

    @classmethod
    def spoken_languages(cls, options: EngineOptions) -> frozenset[str] | None:
        """Primary subtags ("en", "pt") of the languages the engine speaks with ``options``; None when
        it cannot tell (a plugin, a user's model), which voice routing takes as "any"."""
        return None

    @classmethod
    def speaks(cls, options: EngineOptions, language: str) -> bool | None:
        """Whether the engine speaks ``language`` (a BCP 47 tag) with ``options``; None when it cannot tell."""
        languages = cls.spoken_languages(options)
        return None if languages is None else primary(language) in languages

    @property
    def concurrency(self) -> int:
        """How many chunks may be spoken at the same time (from different threads)."""
        return 1

    @abstractmethod
    def synthesize(self, text: str, voice: VoiceParams) -> Clip:
        """Speak ``text``; raise :class:`narrate.errors.EngineError` on failure.

        Must be safe to call from ``concurrency`` threads at once.
        """

    def close(self) -> None:
        """Release network sessions, processes or models (the engine is not used afterwards)."""

    def identity(self, voice: VoiceParams) -> str:
        """A stable string naming everything that decides the sound: engine, version, voice, options."""
        payload: dict[str, Any] = {
            "engine": self.name,
            "version": self.version,
            "voice": asdict(voice),
            "options": {k: v for k, v in asdict(self.options).items() if k not in self.identity_ignores},
        }
        pace = self.pace(voice)
        if pace:
            payload["pace"] = pace
        return json.dumps(payload, sort_keys=True, separators=(",", ":"))

    def pace(self, voice: VoiceParams) -> str:
        """How ``voice.speed`` is made when it is not the engine's own (a time stretch, a calibration),
        e.g. "rubberband"; part of :meth:`identity` when not empty. "" (the default): natively."""
        return ""

    identity_ignores: ClassVar[frozenset[str]] = frozenset()
    """Option names that do not change the sound (threads, timeouts…), left out of the identity."""
