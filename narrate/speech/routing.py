"""Choosing the voice for an article from its language: never an English-only voice for an article
in another language.

In order, the first that applies:

1. the voice asked for explicitly (``--voice``): always used, with a warning when it does not
   speak the article's language;
2. the most specific route of the config's ``[voices]`` table whose tag covers the article's
   language ("pt-BR" before "pt"); its preset must speak the language, else it is an error;
3. the ``"*"`` route, when its preset speaks the language;
4. the config's voice (``[build] voice``, normally "default", the hibari English voice), when it
   speaks the language; for English the "default" preset anyway;
5. the "espeak" preset (eSpeak NG, offline, about 100 languages), when eSpeak speaks the language;
6. otherwise :class:`VoiceError`, saying which preset to add or which route to set.

A preset that names a language speaks only that one (primary subtags compared: an "en-us" preset
speaks an "en-GB" article); a preset without one speaks what its engine speaks
(:meth:`Engine.speaks`): espeak its ~100 languages, gtts Google's 69, hibari English. An engine
that cannot tell (a plugin) is taken at its word.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError, EngineError
from ..settings import from_mapping
from ..text.language import language_name, primary, subtags
from .engines import engine_class, engine_status
from .voices import DEFAULT_PRESET, VoicePreset, load_preset

OFFLINE_PRESET = "espeak"
"""The preset that speaks the languages no other voice speaks, offline."""
ONLINE_PRESET = "gtts"
"""The preset suggested for a more natural voice: Google's, in the article's language."""
ANY = "*"
"""The route key that covers every language."""
CONFIG_FILE = "narrate.toml"

Loader = Callable[[str], VoicePreset]


class VoiceError(ConfigError):
    """No voice speaks an article's language, or a route sends it to a voice that cannot speak it."""


@dataclass(frozen=True)
class VoiceChoice:
    """The voice for one article, and what to tell the user about it."""

    preset: VoicePreset
    language: str | None
    """The article's language (None when unknown or not a language tag): what a preset without a language of its own speaks
    (``Speaker.for_preset(preset, cache, language)``) and what the text is normalised in
    (``speech_function(preset, language)``)."""
    reason: str
    """Why this voice, for the build's output: "--voice", 'route "es" in [voices]', "the offline voice for Spanish"…"""
    warning: str | None = None
    """Set when the voice does not speak the article's language (only an explicit voice can be such)."""
    hint: str | None = None
    """How to get a more natural voice for this language, when the voice is eSpeak's."""

    @property
    def speaks(self) -> str | None:
        """The language the voice will speak: the preset's own, else the article's."""
        return self.preset.language or self.language

    def describe(self) -> str:
        """One line for the build's output, e.g. "espeak (Spanish; the offline voice for Spanish)"."""
        spoken = _name(self.speaks) if self.speaks else "its own language"
        return f"{self.preset.name} ({spoken}; {self.reason})"


def choose_voice(
    language: str | None,
    voice: str | Path | None = None,
    routes: Mapping[str, str] | None = None,
    *,
    default: str | Path = DEFAULT_PRESET,
    load: Loader = load_preset,
) -> VoiceChoice:
    """The voice for an article in ``language`` (a BCP 47 tag, None when unknown); see the module docstring.

    ``voice``: a preset asked for explicitly (``--voice``), or None. ``routes``: the config's
    ``[voices]`` table, language tag or "*" -> preset name or path. ``default``: the config's
    voice (``[build] voice``). ``load``: how a preset name is read (tests pass their own).
    """
    routes = dict(routes or {})
    check_routes(routes)
    if language is not None and not primary(language):
        language = None  # not a language: spoken as if unknown
    if voice is not None:
        preset = load(str(voice) if isinstance(voice, Path) else voice)
        warning = None if language is None else _mismatch(preset, language)
        return VoiceChoice(preset, language, "--voice", warning, _hint(preset, language))
    if language is None:
        return _unknown_language(language, routes, default, load)

    name = _name(language)
    route = route_for(language, routes)
    if route is not None:
        key, target = route
        preset = _load_route(key, target, load)
        problem = _mismatch(preset, language)
        if problem is not None:
            examples = " or ".join(f'"{p}"' for p in _builtin_speakers(language, load))
            raise VoiceError(
                f'[voices] {_key(key)} = "{target}" in {CONFIG_FILE}: {problem}; route {_key(key)} to a preset '
                f"that speaks {name}" + (f", such as {examples}" if examples else "")
            )
        return VoiceChoice(preset, language, f"route {_key(key)} in [voices]", None, _hint(preset, language))

    if ANY in routes:
        preset = _load_route(ANY, routes[ANY], load)
        if preset_speaks(preset, language) is not False:
            return VoiceChoice(preset, language, 'route "*" in [voices]', None, _hint(preset, language))

    candidates: list[tuple[str | Path, str]] = [(default, f"the default voice for {name}")]
    if primary(language) == "en" and str(default) != DEFAULT_PRESET:
        candidates.append((DEFAULT_PRESET, "the default voice for English"))
    for candidate, reason in candidates:
        preset = load(str(candidate) if isinstance(candidate, Path) else candidate)
        if preset_speaks(preset, language) is not False:
            return VoiceChoice(preset, language, reason, None, _hint(preset, language))

    offline = _offline_preset(language, load)
    if offline is not None:
        return VoiceChoice(offline, language, f"the offline voice for {name}", None, _hint(offline, language))

    code = primary(language)
    online = f'; or use Google\'s voice (online): [voices] {code} = "{ONLINE_PRESET}"' if _gtts_speaks(language) else ""
    raise VoiceError(
        f'no voice speaks {name} ("{language}"): add a voice preset that does (language = "{code}", '
        f'e.g. a Piper voice) to voices/ and route it in {CONFIG_FILE}: [voices] {code} = "<preset>"{online}'
    )


def route_for(language: str, routes: Mapping[str, str]) -> tuple[str, str] | None:
    """The most specific route whose tag covers ``language`` ("pt-BR" before "pt"), as (key, preset);
    the "*" route is not included. Keys are compared without case ("pt_br" = "pt-BR")."""
    by_tag = {_normal(key): (key, target) for key, target in routes.items() if key != ANY}
    parts = [p.lower() for p in subtags(language)]
    for length in range(len(parts), 0, -1):
        found = by_tag.get("-".join(parts[:length]))
        if found is not None:
            return found
    return None


def check_routes(routes: Mapping[str, str]) -> None:
    """ConfigError for a route whose key is neither "*" nor a language tag, or whose value is not a preset name."""
    for key, target in routes.items():
        if key != ANY and not primary(key):
            raise ConfigError(f'[voices] in {CONFIG_FILE}: "{key}" is not a language tag such as "es" or "pt-BR" (or "*")')
        if not isinstance(target, str) or not target.strip():
            raise ConfigError(f"[voices] {_key(key)} in {CONFIG_FILE} must name a voice preset, such as \"espeak\"")


def preset_speaks(preset: VoicePreset, language: str) -> bool | None:
    """Whether ``preset`` speaks ``language``: its own language's primary subtag, else its engine's
    word (:meth:`Engine.speaks`); None when that cannot be told (an engine that is not installed)."""
    if preset.language is not None:
        return primary(preset.language) == primary(language)
    try:
        cls = engine_class(preset.engine)
        options = from_mapping(cls.Options, preset.options, f"{preset.path} [options]")
        return cls.speaks(options, language)
    except (EngineError, ConfigError):
        return None  # the speaker reports the broken preset when it starts it


def _unknown_language(language: str | None, routes: dict[str, str], default: str | Path, load: Loader) -> VoiceChoice:
    if ANY in routes:
        return VoiceChoice(_load_route(ANY, routes[ANY], load), language, 'route "*" in [voices] (language unknown)')
    preset = load(str(default) if isinstance(default, Path) else default)
    return VoiceChoice(preset, language, "the default voice (language unknown)")


def _mismatch(preset: VoicePreset, language: str) -> str | None:
    """Why ``preset`` cannot speak an article in ``language`` (one clause), or None when it can."""
    if preset_speaks(preset, language) is not False:
        return None
    article = _name(language)
    own = preset.language
    if own is None:
        try:
            cls = engine_class(preset.engine)
            spoken = cls.spoken_languages(from_mapping(cls.Options, preset.options, str(preset.path)))
        except (EngineError, ConfigError):
            spoken = None
        own = next(iter(spoken)) if spoken is not None and len(spoken) == 1 else None
    if own is not None:
        return f"the preset '{preset.name}' speaks {_name(own)}; this article is in {article}"
    return f"the preset '{preset.name}' does not speak {article}, the language of this article"


def _offline_preset(language: str, load: Loader) -> VoicePreset | None:
    """The "espeak" preset, when eSpeak NG is installed and speaks ``language``."""
    try:
        preset = load(OFFLINE_PRESET)
    except ConfigError:
        return None
    usable, _ = engine_status(preset.engine)
    return preset if usable and preset_speaks(preset, language) else None


def _hint(preset: VoicePreset, language: str | None) -> str | None:
    """For eSpeak's robotic voice: how to get a more natural one for the language."""
    if language is None or preset.engine != "espeak":
        return None
    return f"for a more natural {_name(language)} voice, {_suggestion(language)}"


def _suggestion(language: str) -> str:
    """Where a better voice for ``language`` comes from: Google's (online) when it speaks it, else Piper."""
    code = primary(language)
    if _gtts_speaks(language):
        return f'route {code} to Google\'s voice (online) in {CONFIG_FILE}: [voices] {code} = "{ONLINE_PRESET}"'
    return (
        f'add a Piper voice preset (engine = "piper", model = a {_name(language)} .onnx voice, '
        f'language = "{code}") and route {code} to it in {CONFIG_FILE}'
    )


def _builtin_speakers(language: str, load: Loader) -> list[str]:
    """The shipped language-less presets that speak ``language``: "espeak" (offline), "gtts" (online)."""
    found = []
    for name in (OFFLINE_PRESET, ONLINE_PRESET):
        try:
            if preset_speaks(load(name), language):
                found.append(name)
        except ConfigError:
            continue
    return found


def _gtts_speaks(language: str) -> bool:
    try:
        cls = engine_class("gtts")
        return cls.speaks(cls.Options(), language) is True
    except (EngineError, ValueError):
        return False


def _load_route(key: str, target: str, load: Loader) -> VoicePreset:
    try:
        return load(target)
    except VoiceError:
        raise
    except ConfigError as exc:
        raise ConfigError(f'[voices] {_key(key)} = "{target}" in {CONFIG_FILE}: {exc}') from None


def _normal(key: str) -> str:
    return "-".join(p.lower() for p in subtags(key))


def _key(key: str) -> str:
    return f'"{key}"' if key == ANY else key


def _name(tag: str) -> str:
    """The language's English name without its region ("es-MX" -> "Spanish"): voices speak languages."""
    return language_name(primary(tag) or tag)
