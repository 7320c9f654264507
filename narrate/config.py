"""The project config: show settings for the feed and defaults for building, from ``narrate.toml``."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from . import categories
from .cache import default_cache_dir
from .errors import ConfigError
from .fetch import FetchLimits
from .intake import IntakeLimits
from .rules import LineRule, RuleSpec, compile_rules
from .settings import from_mapping, read_toml

CONFIG_NAME = "narrate.toml"
TEMPLATE = Path(__file__).parent / "data" / CONFIG_NAME
DEFAULT_BASE_URL = "http://localhost:8000/"


@dataclass(frozen=True)
class ShowConfig:
    """The podcast show that the feed describes."""

    title: str = "Narrated articles"
    """The show's name (feed title, and the album tag of every episode)."""
    description: str = "Articles read aloud, made with narrate."
    author: str = "narrate"
    """Who the show is by (itunes:author); an episode's own author is used for the episode when known."""
    owner_name: str = ""
    owner_email: str = ""
    """Podcast directories send ownership checks to this address."""
    language: str = "en"
    """ISO 639 code, optionally with a region: "en", "en-us"."""
    category: str = "News"
    """An Apple Podcasts category."""
    subcategory: str = ""
    explicit: bool = False
    image: str = ""
    """Cover art: an absolute URL, or a file name inside the output folder."""
    link: str = ""
    """The show's website; the base URL when empty."""
    base_url: str = DEFAULT_BASE_URL
    """Where the output folder is published; every URL in the feed starts with it."""
    type: str = "episodic"
    """itunes:type: "episodic" (newest first) or "serial" (in order)."""
    copyright: str = ""
    locked: bool = False
    """podcast:locked: ask other platforms not to import the feed (needs owner_email)."""
    podcast_guid: str = ""
    """podcast:guid; empty: the UUIDv5 of the feed URL, as the Podcasting 2.0 namespace prescribes."""
    max_items: int = 0
    """List only the newest N episodes in the feed; 0 lists them all."""
    numbering: bool = False
    """Number episodes (itunes:episode) in publication order, 1 for the oldest."""
    season: int = 0
    """itunes:season for every episode, when more than 0."""

    def __post_init__(self) -> None:
        if self.type not in ("episodic", "serial"):
            raise ValueError(f"'type' must be \"episodic\" or \"serial\", not {self.type!r}")
        if self.max_items < 0 or self.season < 0:
            raise ValueError("'max_items' and 'season' must be 0 or more")
        if self.locked and not self.owner_email:
            raise ValueError("'locked' needs 'owner_email' (podcast:locked names the owner)")
        parts = urlsplit(self.base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"'base_url' must be an absolute http(s) URL, not {self.base_url!r}")
        if not self.base_url.endswith("/"):
            object.__setattr__(self, "base_url", self.base_url + "/")
        if not self.title.strip():
            raise ValueError("'title' must not be empty")

    def problems(self) -> list[str]:
        """What a podcast directory would refuse in these settings (checked when a config file is
        read, so that a build fails before it narrates anything; the feed writer checks again)."""
        found = []
        wrong = categories.problem(self.category, self.subcategory)
        if wrong:
            found.append(f"'category': {wrong}")
        for name in ("link", "image"):
            value = getattr(self, name)
            if "://" in value and urlsplit(value).scheme not in ("http", "https"):
                found.append(f"'{name}' must be an http(s) URL or a file name, not {value!r}")
        image = self.image.strip()
        if image and "://" not in image and not _inside_the_folder(image):
            found.append(f"'image' must be an http(s) URL or a file inside the output folder, not {self.image!r}")
        return found


def _inside_the_folder(name: str) -> bool:
    """A relative file name that stays inside the folder it is relative to (no "/x", "C:\\x" or "..")."""
    parts = name.replace("\\", "/").split("/")
    return not name.startswith(("/", "\\")) and ":" not in parts[0] and ".." not in parts


@dataclass(frozen=True)
class BuildConfig:
    """Defaults for ``narrate build``."""

    voice: str = "default"
    """A voice preset name (a file in voices/) or a path to a preset file."""
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

    def __post_init__(self) -> None:
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


@dataclass(frozen=True)
class CleanConfig:
    """Changes to the boilerplate rules (see narrate/rules.py for the built-in ones)."""

    disable: list[str] = field(default_factory=list)
    """Names of built-in rules not to apply."""
    rules: list[RuleSpec] = field(default_factory=list)
    """Your own rules, tried before the built-in ones."""


_DAY = 86_400


@dataclass(frozen=True)
class IntakeConfig:
    """Limits on reading articles."""

    max_megabytes: float = 20.0
    """Files, downloads and standard input larger than this are refused."""
    timeout: float = 20.0
    """Seconds to wait for a server to connect or send anything."""
    total_timeout: float = 60.0
    """Seconds a whole download may take."""
    max_redirects: int = 5
    allow_private_addresses: bool = False
    """Fetch from loopback, private and link-local addresses too (off: only global addresses)."""

    def __post_init__(self) -> None:
        for name in ("max_megabytes", "timeout", "total_timeout"):
            if getattr(self, name) <= 0:
                raise ValueError(f"'{name}' must be more than 0")
        for name in ("timeout", "total_timeout"):
            if getattr(self, name) > _DAY:
                raise ValueError(f"'{name}' must be at most {_DAY} seconds (a day)")
        if self.max_redirects < 0:
            raise ValueError("'max_redirects' must be 0 or more")

    def limits(self) -> IntakeLimits:
        max_bytes = round(self.max_megabytes * 1e6)
        fetch = FetchLimits(
            timeout=self.timeout,
            total_timeout=self.total_timeout,
            max_bytes=max_bytes,
            max_redirects=self.max_redirects,
            allow_private_addresses=self.allow_private_addresses,
        )
        return IntakeLimits(max_bytes=max_bytes, fetch=fetch)


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
class Config:
    """Everything in ``narrate.toml``."""

    show: ShowConfig = field(default_factory=ShowConfig)
    build: BuildConfig = field(default_factory=BuildConfig)
    clean: CleanConfig = field(default_factory=CleanConfig)
    intake: IntakeConfig = field(default_factory=IntakeConfig)
    cache: CacheConfig = field(default_factory=CacheConfig)
    episode: EpisodeConfig = field(default_factory=EpisodeConfig)
    path: Path | None = field(default=None, compare=False, metadata={"toml": False})
    """The file it was read from, if any."""

    def audio_file(self, name: str) -> Path | None:
        """An intro or outro audio file named in the config, relative to the config file's folder."""
        if not name:
            return None
        path = Path(name).expanduser()
        return path if path.is_absolute() or self.path is None else self.path.parent / path

    def line_rules(self) -> tuple[LineRule, ...]:
        """The cleaning rules this config asks for."""
        where = f"{self.path} [clean]" if self.path else "config [clean]"
        return compile_rules(self.clean.disable, self.clean.rules, where)

    @property
    def uses_default_base_url(self) -> bool:
        return self.show.base_url == DEFAULT_BASE_URL

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
