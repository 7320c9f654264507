"""eSpeak NG: a formant voice for about 100 languages, offline, from the ``espeakng-loader`` wheel.

Robotic but intelligible, and the only offline voice narrate has for most languages. The wheel
bundles ``libespeak-ng`` and its data (dictionaries, phonemes, voices), so no system package is
needed; narrate calls the library's C API through ctypes, with its own output synchronous: every
synthesis hands its 16-bit samples to a callback before ``espeak_Synth`` returns.

Which voice speaks a language comes from the voices the library lists (``espeak_ListVoices``):
each names the languages it speaks with a priority, e.g. "Portuguese (Brazil)" speaks "pt-br"
first and "pt" second. A tag is matched whole first, then with its last subtag dropped
("pt-BR" -> "pt-br"; "de-AT" -> "de"); Latin American Spanish gets the "es-419" voice.

Two facts about the library shape this module:

- It keeps its state in globals and is not thread-safe: one process-wide lock guards every use,
  whichever engine instance or thread asks. Each process loads its own copy.
- It keeps state between utterances that no call resets (the position in its pitch "flutter"
  table, a count of glottal cycles), so one process speaking the same text twice gets slightly
  different samples. For the chunk cache and reproducible builds the same text must always give
  the same audio, so every synthesis loads the library afresh, initialises it, speaks and unloads
  it (about 3 ms, against about 1 ms of synthesis per second of speech).
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from ...errors import EngineError
from ...models import Clip
from ...text.language import primary, region, subtags
from .base import Engine, EngineOptions, VoiceParams

INSTALL_HINT = "pip install 'espeakng-loader>=0.2.4'"
RATE = 22050
"""eSpeak NG's own sample rate."""
MIN_WPM, MAX_WPM = 80, 450
"""The speaking rates eSpeak NG accepts, in words per minute (``espeakRATE_MINIMUM``/``MAXIMUM``)."""

# speak_lib.h
_AUDIO_OUTPUT_SYNCHRONOUS = 2
_INITIALIZE_DONT_EXIT = 0x8000
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_RATE, _PITCH, _RANGE, _PUNCTUATION, _WORDGAP = 1, 3, 4, 5, 7
_PUNCT_NONE = 0

_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_LATIN_AMERICA = {
    "419", "AR", "BO", "CL", "CO", "CR", "CU", "DO", "EC", "GT", "HN", "MX", "NI", "PA", "PE", "PR", "PY",
    "SV", "US", "UY", "VE",
}
_ALIASES = {"iw": "he", "in": "id", "zh-hk": "yue", "zh-mo": "yue"}
"""Tags eSpeak NG knows by another name: old ISO codes, Cantonese as written in Hong Kong and Macau."""


class _Voice(ctypes.Structure):
    _fields_ = [
        ("name", ctypes.c_char_p),
        ("languages", ctypes.c_void_p),
        ("identifier", ctypes.c_char_p),
        ("gender", ctypes.c_ubyte),
        ("age", ctypes.c_ubyte),
        ("variant", ctypes.c_ubyte),
        ("xx1", ctypes.c_ubyte),
        ("score", ctypes.c_int),
        ("spare", ctypes.c_void_p),
    ]


_SYNTH_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)

# Everything below is touched only with _LOCK held.
_LOCK = threading.Lock()
_samples: list[bytes] = []


def _collect(wav: Any, count: int, events: Any) -> int:
    if count > 0 and wav:
        _samples.append(ctypes.string_at(wav, count * 2))
    return 0  # go on


_CALLBACK = _SYNTH_CALLBACK(_collect)  # kept alive for as long as the module is


def _fresh_lock_in_child() -> None:
    """A fork while another thread held the lock must not leave the child locked out forever."""
    global _LOCK
    _LOCK = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_fresh_lock_in_child)


@dataclass(frozen=True)
class _Paths:
    library: str
    data: bytes


@lru_cache(maxsize=1)
def _paths() -> _Paths:
    try:
        import espeakng_loader
    except ImportError:
        raise EngineError(f"the espeak engine needs espeakng-loader: {INSTALL_HINT}") from None
    try:
        data = espeakng_loader.get_data_path()
    except RuntimeError as exc:
        raise EngineError(f"espeakng-loader is installed without its data ({exc}): {INSTALL_HINT}") from None
    return _Paths(str(espeakng_loader.get_library_path()), os.fsencode(data))


@contextmanager
def _library() -> Iterator[Any]:
    """libespeak-ng loaded and initialised for synchronous output, unloaded afterwards (see the
    module docstring); call with ``_LOCK`` held."""
    paths = _paths()
    try:
        lib = ctypes.CDLL(paths.library)
    except OSError as exc:
        raise EngineError(f"eSpeak NG's library cannot be loaded ({exc}): {INSTALL_HINT}") from None
    try:
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_Initialize.restype = ctypes.c_int
        lib.espeak_SetSynthCallback.argtypes = [_SYNTH_CALLBACK]
        lib.espeak_SetSynthCallback.restype = None
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_SetVoiceByName.restype = ctypes.c_int
        lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        lib.espeak_SetParameter.restype = ctypes.c_int
        lib.espeak_Synth.argtypes = [
            ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int, ctypes.c_uint, ctypes.c_uint,
            ctypes.c_void_p, ctypes.c_void_p,
        ]
        lib.espeak_Synth.restype = ctypes.c_int
        lib.espeak_ListVoices.argtypes = [ctypes.POINTER(_Voice)]
        lib.espeak_ListVoices.restype = ctypes.POINTER(ctypes.POINTER(_Voice))
        lib.espeak_Info.argtypes = [ctypes.c_void_p]
        lib.espeak_Info.restype = ctypes.c_char_p
        lib.espeak_Terminate.restype = ctypes.c_int
        rate = lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0, paths.data, _INITIALIZE_DONT_EXIT)
        if rate != RATE:
            raise EngineError(f"eSpeak NG could not start (its data at {os.fsdecode(paths.data)} is missing or damaged)")
        lib.espeak_SetSynthCallback(_CALLBACK)
        yield lib
    finally:
        try:
            lib.espeak_Terminate()
        finally:
            _unload(lib)


def _unload(lib: Any) -> None:
    """Unload the library, so that the next :func:`_library` starts from its initial state. Where
    that is not possible the library stays loaded: speech still works, only not bit-identically."""
    import _ctypes

    close = getattr(_ctypes, "dlclose", None) or getattr(_ctypes, "FreeLibrary", None)
    if close is not None:
        try:
            close(lib._handle)
        except OSError:
            pass


@dataclass(frozen=True)
class _Catalog:
    version: str
    voices: dict[str, str]
    """Language (lower case, as eSpeak NG writes it: "pt-br", "es-419") -> identifier of the voice
    that speaks it best ("roa/pt-BR")."""
    variants: frozenset[str]
    """Names of the voice variants in the data's ``voices/!v`` folder ("m3", "f2", "klatt"…)."""


@lru_cache(maxsize=1)
def _catalog() -> _Catalog:
    with _LOCK, _library() as lib:
        version = (lib.espeak_Info(None) or b"").decode("utf-8", "replace")
        ranked: dict[str, tuple[int, int, str]] = {}
        listed = lib.espeak_ListVoices(None)
        index = 0
        while listed[index]:
            voice = listed[index].contents
            identifier = (voice.identifier or b"").decode("utf-8", "replace")
            for priority, language in _languages_of(voice):
                best = ranked.get(language)
                if identifier and (best is None or (priority, index) < best[:2]):
                    ranked[language] = (priority, index, identifier)
            index += 1
    folder = Path(os.fsdecode(_paths().data)) / "voices" / "!v"
    variants = frozenset(p.name for p in folder.iterdir() if p.is_file()) if folder.is_dir() else frozenset()
    return _Catalog(version, {language: best[2] for language, best in ranked.items()}, variants)


def _languages_of(voice: _Voice) -> Iterator[tuple[int, str]]:
    """A voice's (priority, language) pairs: a priority byte, then a NUL-terminated string, until a 0 byte."""
    address = voice.languages
    while address:
        priority = ctypes.c_ubyte.from_address(address).value
        if priority == 0:
            return
        language = ctypes.string_at(address + 1)
        yield priority, language.decode("ascii", "replace").lower()
        address += len(language) + 2


def languages() -> frozenset[str]:
    """Primary subtags of every language eSpeak NG speaks here ("af", "de", "pt", "zh"…)."""
    return frozenset(filter(None, (primary(language) for language in _catalog().voices)))


def language_tags() -> list[str]:
    """Every language tag eSpeak NG has a voice for here, as it writes them ("es", "es-419", "pt-br"…)."""
    return sorted(_catalog().voices)


def voice_for(language: str) -> str | None:
    """The eSpeak NG voice that speaks ``language`` (a BCP 47 tag), e.g. "roa/pt-BR" for "pt-BR"; None if none does."""
    voices = _catalog().voices
    for candidate in _candidates(language):
        if candidate in voices:
            return voices[candidate]
    return None


def _candidates(language: str) -> list[str]:
    """The names to look ``language`` up by, most specific first."""
    parts = [p.lower() for p in subtags(language)]
    names = ["-".join(parts[:n]) for n in range(len(parts), 0, -1)]
    if parts and parts[0] == "es" and region(language) in _LATIN_AMERICA:
        names.insert(names.index("es"), "es-419")
    return [_ALIASES.get(name, name) for name in names]


@dataclass(frozen=True)
class EspeakOptions(EngineOptions):
    words_per_minute: int = 175
    """Speaking rate at speed 1.0 (eSpeak NG's own default is 175); the preset's ``speed`` multiplies it,
    and the result is kept between 80 and 450."""
    pitch: int = 50
    """Base pitch, 0 to 100 (50 is the voice's own)."""
    pitch_range: int = 50
    """How much the pitch moves, 0 (monotone) to 100 (50 is the voice's own)."""
    word_gap: int = 0
    """Extra pause between words, in units of 10 ms (0: none)."""
    variant: str = ""
    """A voice variant from eSpeak NG's data ("m3", "f2", "klatt"…), or "" for the language's own voice."""

    def __post_init__(self) -> None:
        for name, low, high in (("words_per_minute", MIN_WPM, MAX_WPM), ("pitch", 0, 100), ("pitch_range", 0, 100),
                                ("word_gap", 0, 100)):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                raise ValueError(f"'{name}' must be a whole number from {low} to {high}, not {value!r}")
        if not isinstance(self.variant, str) or (self.variant and not re.fullmatch(r"[A-Za-z0-9_-]+", self.variant)):
            raise ValueError(f"'variant' must be the name of an eSpeak NG voice variant such as \"m3\", not {self.variant!r}")
        if self.variant and EspeakEngine.missing() is None:
            known = _catalog().variants
            if self.variant not in known:
                close = ", ".join(sorted(v for v in known if v[:1] == self.variant[:1])[:8]) or ", ".join(sorted(known)[:8])
                raise ValueError(f"'variant' must be an eSpeak NG voice variant, not {self.variant!r} (e.g. {close})")


class EspeakEngine(Engine):
    """eSpeak NG through ctypes; see the module docstring."""

    name: ClassVar[str] = "espeak"
    needs_network: ClassVar[bool] = False
    install_hint: ClassVar[str] = INSTALL_HINT
    Options: ClassVar[type[EngineOptions]] = EspeakOptions

    # eSpeak speaks text of any length in one call; narrate hands it a sentence at a time anyway.
    _MAX_CHARS = 1000

    def __init__(self, options: EngineOptions) -> None:
        super().__init__(options)
        if not isinstance(options, EspeakOptions):
            raise TypeError("EspeakEngine needs EspeakOptions")
        self._options = options
        self._version = f"eSpeak NG {_catalog().version}"

    @classmethod
    def missing(cls) -> str | None:
        return "espeakng-loader not installed" if importlib.util.find_spec("espeakng_loader") is None else None

    @classmethod
    def spoken_languages(cls, options: EngineOptions) -> frozenset[str] | None:
        return languages()

    @classmethod
    def speaks(cls, options: EngineOptions, language: str) -> bool | None:
        return voice_for(language) is not None

    @property
    def max_chars(self) -> int:
        return self._MAX_CHARS

    @property
    def sample_rate(self) -> int:
        return RATE

    @property
    def version(self) -> str:
        return self._version

    def rate_for(self, speed: float) -> int:
        """Words per minute for the preset's ``speed``, within what eSpeak NG accepts."""
        return max(MIN_WPM, min(MAX_WPM, round(self._options.words_per_minute * speed)))

    def synthesize(self, text: str, voice: VoiceParams) -> Clip:
        found = voice_for(voice.language)
        if found is None:
            raise EngineError(
                f"espeak does not speak '{voice.language}' (it speaks {len(languages())} languages, "
                "e.g. \"es\", \"fr\", \"de\", \"pt-BR\", \"it\", \"nl\", \"pl\", \"ru\", \"zh\")"
            )
        name = f"{found}+{self._options.variant}" if self._options.variant else found
        # Control characters would end the text early (NUL) or act as eSpeak's embedded commands.
        words = " ".join(_CONTROL.sub(" ", text).split())
        if not words:
            return Clip(np.zeros(0, dtype=np.float32), RATE)
        buffer = ctypes.create_string_buffer(words.encode("utf-8"))
        o = self._options
        with _LOCK:
            _samples.clear()
            try:
                with _library() as lib:
                    if lib.espeak_SetVoiceByName(name.encode("utf-8")) != 0:
                        raise EngineError(f"espeak cannot load its voice '{name}' for '{voice.language}'")
                    for parameter, value in ((_RATE, self.rate_for(voice.speed)), (_PITCH, o.pitch),
                                             (_RANGE, o.pitch_range), (_WORDGAP, o.word_gap),
                                             (_PUNCTUATION, _PUNCT_NONE)):
                        lib.espeak_SetParameter(parameter, value, 0)
                    status = lib.espeak_Synth(buffer, len(buffer), 0, _POS_CHARACTER, 0, _CHARS_UTF8, None, None)
                if status != 0:
                    raise EngineError(f"espeak failed to speak {words[:40]!r} (error {status})")
                pcm = b"".join(_samples)
            finally:
                _samples.clear()
        samples = np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0
        return Clip(samples, RATE)
