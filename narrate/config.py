"""The project config: show settings for the feed and defaults for building, from ``narrate.toml``."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path

from .audio.stretch import check_speed
from .errors import ConfigError
from .publish.catalog import CONFIG_NAME
from .publish.show import DEFAULT_BASE_URL, ShowConfig
from .settings import from_mapping, read_toml
from .speech.cache import default_cache_dir
from .text.intake import IntakeConfig
from .text.language import canonical
from .text.rules import LineRule, RuleSpec, compile_rules

AUTO = "auto"

TEMPLATE = Path(__file__).parent / "data" / CONFIG_NAME


@dataclass(frozen=True)
class BuildConfig:
    """Defaults for ``narrate build``."""

    voice: str = "default"
    """A voice preset name (a file in voices/) or a path to a preset file: the voice of the articles
    in its language (a preset that names no language: of every article); ``[voices]`` routes the others."""
    language: str = AUTO
    """The language of articles that do not declare one: "auto" detects it from the text; a tag
    ("es", "pt-BR") takes that one without looking."""
    bitrate: int = 64
    """MP3 bitrate in kbit/s (constant bitrate, mono)."""
    sample_rate: int = 44100
    """MP3 sample rate in Hz."""
    loudness: float = -16.0
    """Integrated loudness every episode is brought to, in LUFS (Apple asks for -16 ± 1)."""
    true_peak: float = -1.0
    """Highest true peak allowed, in dBTP."""
    id3_version: int = 3
    """ID3 tag version: 3 (read by every player) or 4."""
    speed: float = 0.0
    """The pace of every voice, 0.5 to 2.0, instead of each preset's own ``speed`` (``--speed``); 0: each
    preset's own."""

    def __post_init__(self) -> None:
        if self.speed != 0.0:
            check_speed(self.speed, "'speed'")
        if not -40.0 <= self.loudness <= -5.0:
            raise ValueError(f"'loudness' must be between -40 and -5 LUFS, not {self.loudness}")
        if not -12.0 <= self.true_peak <= 0.0:
            raise ValueError(f"'true_peak' must be between -12 and 0 dBTP, not {self.true_peak}")
        if self.id3_version not in (3, 4):
            raise ValueError(f"'id3_version' must be 3 or 4, not {self.id3_version}")
        if self.bitrate not in (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320):
            raise ValueError(f"'bitrate' must be an MP3 bitrate such as 64 or 96, not {self.bitrate}")
        if self.sample_rate not in (32000, 44100, 48000):
            raise ValueError(f"'sample_rate' must be 32000, 44100 or 48000, not {self.sample_rate}")
        if self.language != AUTO and canonical(self.language) is None:
            raise ValueError(f"'language' must be \"auto\" or a language tag such as \"es\" or \"pt-BR\", not '{self.language}'")

    @property
    def assumed_language(self) -> str | None:
        """The fixed language of articles that declare none; None when it is detected."""
        return None if self.language == AUTO else canonical(self.language)


@dataclass(frozen=True)
class CleanConfig:
    """Changes to the boilerplate rules (see narrate/rules.py for the built-in ones)."""

    disable: list[str] = field(default_factory=list)
    """Names of built-in rules not to apply."""
    rules: list[RuleSpec] = field(default_factory=list)
    """Your own rules, tried before the built-in ones."""


@dataclass(frozen=True)
class CacheConfig:
    """The chunk cache: speech already made for the same words and voice is reused."""

    enabled: bool = True
    dir: str = ""
    """Where it lives; empty: NARRATE_CACHE_DIR, else the user cache folder (~/.cache/narrate/chunks)."""

    def root(self) -> Path:
        return Path(self.dir).expanduser() if self.dir else default_cache_dir()


@dataclass(frozen=True)
class EpisodeConfig:
    """What an episode holds besides the article."""

    spoken_intro: bool = True
    """Say "<title>, by <author>, published <date>, on <site>." before the article."""
    spoken_outro: bool = True
    """Say "That was <title>, by <author>." and the show's name after the article."""
    intro_audio: str = ""
    """An audio file (music, a jingle) played first; relative to the config file's folder."""
    outro_audio: str = ""
    """An audio file played last."""
    fade: float = 1.0
    """Seconds over which the intro and outro audio fade in and out."""

    def __post_init__(self) -> None:
        if not 0.0 <= self.fade <= 30.0:
            raise ValueError(f"'fade' must be between 0 and 30 seconds, not {self.fade}")


@dataclass(frozen=True)
class ListenConfig:
    """The listening check (``narrate listen``, ``--listen``)."""

    model: str = ""
    """A CTranslate2 Whisper model folder, "whisper-base" (from the narrate[listen] extra) or a name
    faster-whisper downloads; empty: NARRATE_LISTEN_MODEL, else whisper-base."""
    threshold: float = 0.35
    """Word error rate above which a chunk (with at least 3 words wrong) is flagged."""

    def __post_init__(self) -> None:
        if not 0.0 <= self.threshold <= 1.0:
            raise ValueError(f"'threshold' must be between 0 and 1, not {self.threshold}")


ARTICLE_SCRIPTS = ("remove", "keep")


@dataclass(frozen=True)
class PagesConfig:
    """The listenable pages beside the feed."""

    article_scripts: str = "remove"
    """``article.html``, the copy of an HTML article's own page with narrate's player: "remove" takes
    out the page's scripts, event handlers and ``javascript:`` links (they would run on the site
    that hosts the copy, without the page's own Content-Security-Policy); "keep" keeps them, for a
    publisher whose copy is on the article's own site."""

    def __post_init__(self) -> None:
        if self.article_scripts not in ARTICLE_SCRIPTS:
            raise ValueError(f"'article_scripts' must be \"remove\" or \"keep\", not {self.article_scripts!r}")

    @property
    def keep_scripts(self) -> bool:
        """Whether ``article.html`` keeps the page's scripts and handlers."""
        return self.article_scripts == "keep"


@dataclass(frozen=True)
class Config:
    """Everything in ``narrate.toml``."""

    show: ShowConfig = field(default_factory=ShowConfig)
    build: BuildConfig = field(default_factory=BuildConfig)
    clean: CleanConfig = field(default_factory=CleanConfig)
    intake: IntakeConfig = field(default_factory=IntakeConfig)
    cache: CacheConfig = field(default_factory=CacheConfig)
    episode: EpisodeConfig = field(default_factory=EpisodeConfig)
    listen: ListenConfig = field(default_factory=ListenConfig)
    pages: PagesConfig = field(default_factory=PagesConfig)
    voices: dict[str, str] = field(default_factory=dict)
    """Voice routes: a language tag (or "*" for every other language) to the preset that speaks it."""
    path: Path | None = field(default=None, compare=False, metadata={"toml": False})
    """The file it was read from, if any."""

    def audio_file(self, name: str) -> Path | None:
        """An intro or outro audio file named in the config, relative to the config file's folder."""
        if not name:
            return None
        path = Path(name).expanduser()
        return path if path.is_absolute() or self.path is None else self.path.parent / path

    def line_rules(self, language: str | None = None) -> tuple[LineRule, ...]:
        """The cleaning rules this config asks for, for articles in ``language`` (None: English)."""
        where = f"{self.path} [clean]" if self.path else "config [clean]"
        return compile_rules(self.clean.disable, self.clean.rules, where, language=language)

    def __post_init__(self) -> None:
        for tag, preset in self.voices.items():
            if tag != "*" and canonical(tag) is None:
                raise ValueError(f"[voices]: '{tag}' is not a language tag (write e.g. es = \"espeak\", or \"*\" for the rest)")
            if not isinstance(preset, str) or not preset.strip():
                raise ValueError(f"[voices]: '{tag}' must name a voice preset, such as \"espeak\"")

    @property
    def uses_default_base_url(self) -> bool:
        return self.show.base_url == DEFAULT_BASE_URL

    def with_language(self, language: str | None) -> Config:
        """A copy whose articles that declare no language are in ``language`` (None: as it is)."""
        if language is None:
            return self
        if canonical(language) is None:
            raise ConfigError(f"command line: '{language}' is not a language tag (write e.g. es, fr or pt-BR)")
        return replace(self, build=replace(self.build, language=canonical(language)))

    def with_speed(self, speed: float | None) -> Config:
        """A copy whose voices all speak at ``speed`` (``--speed``; None: as it is)."""
        if speed is None:
            return self
        try:
            return replace(self, build=replace(self.build, speed=check_speed(speed, "--speed")))
        except ValueError as exc:
            raise ConfigError(str(exc)) from None

    @property
    def pace(self) -> float | None:
        """The pace every voice speaks at, or None for each preset's own."""
        return self.build.speed or None

    def with_overrides(self, *, show_title: str | None = None, base_url: str | None = None) -> Config:
        """A copy with command-line overrides applied (and validated)."""
        changes = {k: v for k, v in {"title": show_title, "base_url": base_url}.items() if v is not None}
        if not changes:
            return self
        try:
            return replace(self, show=replace(self.show, **changes))
        except ValueError as exc:
            raise ConfigError(f"command line: {exc}") from None


def load_config(path: Path | None = None, *, out_dir: Path | None = None) -> Config:
    """Read the config from ``path``, else from ``out_dir/narrate.toml`` if present, else defaults."""
    if path is None and out_dir is not None and (out_dir / CONFIG_NAME).is_file():
        path = out_dir / CONFIG_NAME
    if path is None:
        return Config()
    data = read_toml(path)
    config = replace(from_mapping(Config, data, str(path)), path=path)
    config.line_rules()  # a bad rule is an error now, not halfway through a build
    problems = config.show.problems()
    if problems:
        raise ConfigError(f"{path} [show]: {problems[0]}")
    return config


def write_config_template(out_dir: Path) -> Path | None:
    """Put a commented ``narrate.toml`` in a new output folder; never overwrites one."""
    target = out_dir / CONFIG_NAME
    if target.exists():
        return None
    shutil.copyfile(TEMPLATE, target)
    return target
