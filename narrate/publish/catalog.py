"""The output folder as a catalog of episodes.

Layout (the folder can be served as a static site as it is)::

    OUT/
      narrate.toml                 show settings
      feed.xml                     the podcast feed, rebuilt from the sidecars
      episodes/<slug>/
        episode.json               the sidecar: everything known about the episode
        <slug>-<audio hash>.mp3    the audio; the name changes whenever the audio does

The sidecars are the catalog: the feed is rebuilt from them alone.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from filelock import FileLock
from slugify import slugify

from ..errors import InputError, OutputError
from ..fsutil import write_text_atomic

EPISODES_DIR = "episodes"
CONFIG_NAME = "narrate.toml"
"""The show's settings in the output folder (read by narrate.config; never published or served)."""
DETAIL_FIELDS = frozenset({"spoken_text", "chunks", "removed"})
"""Fields kept in the details file, not in ``episode.json``."""
SIDECAR_NAME = "episode.json"
CLAIM_NAME = ".narrate-tmp-claim"
"""Marks an episode folder as taken by an article being narrated (a temporary file: a run that
starts on a locked folder removes leftovers)."""
SLOT_LOCK = ".narrate-slots.lock"
PAGE_FILES = ("index.html", "player.html", "article.html")
"""An episode's web pages (written by narrate.publish.pages): its own page, the embeddable player, the copy
of the original article with the player."""
SCHEMA_VERSION = 1
_SLUG_MAX = 60


@dataclass
class AudioInfo:
    file: str
    """File name, inside the episode's folder."""
    bytes: int
    duration: float
    """Seconds."""
    sample_rate: int
    bitrate: int
    sha256: str


@dataclass
class ChunkInfo:
    index: int
    kind: str
    text: str
    pause_before: float
    start: float
    duration: float
    spoken: str = ""
    """The words sent to the engine (normalised for speech)."""
    preset: str = ""
    """The voice preset that spoke the chunk (a fallback's name when the first preset failed)."""
    engine: str = ""
    sentences: list[dict[str, Any]] = field(default_factory=list)
    """Each sentence: text (as written), spoken, start and end in seconds, preset."""
    block: int = -1
    """The block of the episode's text it belongs to (chunks of one long paragraph share it)."""
    first_in_block: bool = True


@dataclass
class EpisodeRecord:
    """Everything known about an episode.

    Stored in two files: ``episode.json`` holds what the catalog and the feed need and stays small
    (a feed of 10,000 episodes is rebuilt from these alone); ``<audio stem>.details.json`` holds the
    spoken text, where every chunk and sentence sits in the audio, and the removed lines
    (:data:`DETAIL_FIELDS`). Records loaded with :func:`load_catalog` leave those fields empty;
    :func:`load_episode` reads them too.
    """

    guid: str
    slug: str
    title: str
    source: str
    """What identifies the article: its absolute path, its URL, or "stdin:<title>"."""
    source_sha256: str
    published: str
    """When the episode first appeared (ISO 8601, UTC); kept when it is rebuilt."""
    updated: str
    audio: AudioInfo
    voice: dict[str, Any]
    """Preset name, engine and the engine's identity string."""
    description: str
    spoken_text: str = ""
    """The article as written and spoken (also the MP3's USLT frame)."""
    author: str | None = None
    date: str | None = None
    site: str | None = None
    url: str | None = None
    """The article's canonical URL."""
    language: str | None = None
    """The article's language (BCP 47), in which it was cleaned, normalised and spoken."""
    language_source: str = ""
    """What said it: "given", "front matter", "page", "config", "detected" or "fallback"."""
    image: str | None = None
    """The article's lead image URL."""
    title_source: str = "derived"
    sections: list[dict[str, Any]] = field(default_factory=list)
    chunks: list[ChunkInfo] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    chapters: list[dict[str, Any]] = field(default_factory=list)
    """title, start, end (seconds): the opening, then one per section."""
    files: dict[str, str] = field(default_factory=dict)
    """The episode's other files by kind: details, vtt, srt, transcript_json, chapters_json, and image
    (the article's lead image when it meets Apple's artwork rules: the item's itunes:image)."""
    quality: dict[str, Any] = field(default_factory=dict)
    """duration, loudness_lufs, true_peak_dbtp (before encoding), chapters, words, words_per_minute."""
    warnings: list[str] = field(default_factory=list)
    fingerprint: str = ""
    """Hash of everything that made the audio and tags; equal means a rebuild would change nothing."""
    feed_url: str = ""
    """The feed URL (from the show's base_url) the MP3's WFED frame and the episode's pages were made
    for; when base_url changes, ``narrate feed`` brings them up to date (empty in sidecars written
    before narrate kept it: then the MP3's own tag is read once)."""
    schema: int = SCHEMA_VERSION

    def folder(self, out_dir: Path) -> Path:
        return out_dir / EPISODES_DIR / self.slug

    def audio_path(self, out_dir: Path) -> Path:
        return self.folder(out_dir) / self.audio.file

    def to_json(self) -> str:
        """``episode.json``: the record without its details."""
        data = {k: v for k, v in asdict(self).items() if k not in DETAIL_FIELDS}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def details_json(self) -> str:
        """The details file: spoken text, chunks and sentences in the audio, removed lines."""
        data = {k: v for k, v in asdict(self).items() if k in DETAIL_FIELDS}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"

    @classmethod
    def from_json(cls, text: str, details: str | None = None) -> EpisodeRecord:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("schema") != SCHEMA_VERSION:
            raise ValueError("not a narrate episode sidecar of a known version")
        if details is not None:
            extra = json.loads(details)
            if not isinstance(extra, dict):
                raise ValueError("not a narrate episode details file")
            data.update({k: v for k, v in extra.items() if k in DETAIL_FIELDS})
        data["audio"] = AudioInfo(**data["audio"])
        data["chunks"] = [ChunkInfo(**c) for c in data.get("chunks", [])]
        return cls(**data)


@dataclass(frozen=True)
class CatalogProblem:
    """A sidecar that could not be read; its episode is left out of the feed."""

    path: Path
    reason: str


def episodes_root(out_dir: Path) -> Path:
    return out_dir / EPISODES_DIR


def load_catalog(out_dir: Path) -> tuple[list[EpisodeRecord], list[CatalogProblem]]:
    """Every episode in the output folder, newest first, and the sidecars that could not be read."""
    records: list[EpisodeRecord] = []
    problems: list[CatalogProblem] = []
    for sidecar in sorted(episodes_root(out_dir).glob(f"*/{SIDECAR_NAME}")):
        try:
            record = EpisodeRecord.from_json(sidecar.read_text(encoding="utf-8"))
        except (OSError, ValueError, TypeError, KeyError) as exc:
            problems.append(CatalogProblem(sidecar, f"unreadable sidecar ({exc})"))
            continue
        if record.slug != sidecar.parent.name:
            problems.append(CatalogProblem(sidecar, f"sidecar names slug '{record.slug}'"))
            continue
        if not record.audio_path(out_dir).is_file():
            problems.append(CatalogProblem(sidecar, f"audio file {record.audio.file} is missing"))
            continue
        records.append(record)
    records.sort(key=lambda r: (r.published, r.slug), reverse=True)
    return records, problems


def write_sidecar(out_dir: Path, record: EpisodeRecord) -> Path:
    """Write the details file (named in ``record.files["details"]``), then ``episode.json``."""
    folder = record.folder(out_dir)
    if "details" in record.files:
        write_text_atomic(folder / record.files["details"], record.details_json())
    path = folder / SIDECAR_NAME
    write_text_atomic(path, record.to_json())
    return path


def load_episode(out_dir: Path, slug: str) -> EpisodeRecord:
    """One episode's whole record, details included; ValueError or OSError when unreadable."""
    folder = episodes_root(out_dir) / slug
    record = EpisodeRecord.from_json((folder / SIDECAR_NAME).read_text(encoding="utf-8"))
    name = record.files.get("details")
    if not name:
        return record
    return EpisodeRecord.from_json(
        (folder / SIDECAR_NAME).read_text(encoding="utf-8"), (folder / name).read_text(encoding="utf-8")
    )


def find_slot(out_dir: Path, source: str, title: str) -> tuple[str, EpisodeRecord | None]:
    """The slug for an article, and its existing record when it was built before.

    The same source always maps to the same episode (so an edited article keeps its guid). A new
    article gets the slug of its title, with a numeric suffix if another article already has it.
    """
    records, _ = load_catalog(out_dir)
    for record in records:
        if record.source == source:
            return record.slug, record
    taken = {r.slug: r for r in records}
    base = make_slug(title)
    slug, n = base, 1
    while slug in taken or _folder_in_use(out_dir, slug, source):
        previous = taken.get(slug)
        if previous is not None and _moved(previous.source, source):
            return slug, previous  # its source file is gone: the article was moved or renamed
        n += 1
        slug = f"{base}-{n}"
    return slug, None


def claim_slot(out_dir: Path, source: str, title: str) -> tuple[str, EpisodeRecord | None]:
    """:func:`find_slot`, made safe for several processes writing to one folder: under a lock, the
    episode's folder is created and marked with a claim naming ``source``, so no other article can
    take the same slug before this one's sidecar exists (:func:`release_slot` removes the claim)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(out_dir / SLOT_LOCK)):
        slug, previous = find_slot(out_dir, source, title)
        folder = episodes_root(out_dir) / slug
        try:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / CLAIM_NAME).write_text(source, encoding="utf-8")  # a half-written claim is removed below
        except OSError as exc:
            release_slot(out_dir, slug)  # no empty folder left behind (a full disk, say)
            raise OutputError(f"cannot create the episode folder {folder}: {exc.strerror or exc}") from exc
    return slug, previous


def release_slot(out_dir: Path, slug: str) -> None:
    """Remove an episode folder's claim; the folder too if nothing else is in it."""
    folder = episodes_root(out_dir) / slug
    (folder / CLAIM_NAME).unlink(missing_ok=True)
    try:
        folder.rmdir()
    except OSError:
        pass  # it holds the episode (or files of the user's own)


def _moved(old_source: str, new_source: str) -> bool:
    """True when both are local files and the old one no longer exists."""
    old, new = Path(old_source), Path(new_source)
    return old.is_absolute() and new.is_absolute() and not old.exists()


def _folder_in_use(out_dir: Path, slug: str, source: str) -> bool:
    """A folder is in use when it holds files, unless the only one is a claim by ``source``."""
    folder = episodes_root(out_dir) / slug
    if not folder.is_dir():
        return False
    names = [p.name for p in folder.iterdir()]
    if names == [CLAIM_NAME]:
        try:
            return (folder / CLAIM_NAME).read_text(encoding="utf-8") != source
        except OSError:
            return True
    return bool(names)


def make_slug(title: str) -> str:
    """A lowercase ASCII name for files and URLs, cut at a word boundary."""
    slug = slugify(title) or "episode"
    if len(slug) > _SLUG_MAX:
        cut = slug.rfind("-", 0, _SLUG_MAX + 1)
        slug = slug[: cut if cut > 0 else _SLUG_MAX]
    if slug in _WINDOWS_RESERVED:  # a folder named con or nul cannot be copied to Windows
        slug = f"{slug}-episode"
    return slug


_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}
)
"""Device names Windows reserves in any folder, whatever the case or extension."""


def episode_guid(base_url: str, slug: str) -> str:
    """A new episode's guid: stable for the same show URL and slug, then kept in the sidecar."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{base_url}{EPISODES_DIR}/{slug}/"))


def remove_stale_files(folder: Path, slug: str, keep: str, also: Iterable[str] = ()) -> None:
    """Delete an episode's older audio, transcripts, chapters and artwork once its sidecar points at
    new ones.

    They are the files named ``<slug>-<hash>.*`` whose stem is not ``keep`` and whose name is not in
    ``also`` (the artwork, ``<slug>-<image hash>.jpg``, is named by its own bytes).
    """
    kept = set(also)
    for old in folder.glob(f"{slug}-*"):
        if old.name.split(".", 1)[0] != keep and old.name not in kept and old.is_file():
            try:
                old.unlink()
            except OSError as exc:
                raise OutputError(f"cannot remove old file {old}: {exc.strerror or exc}") from exc


def find_episode(out_dir: Path, key: str) -> EpisodeRecord:
    """The episode that ``key`` names: its slug, guid, exact title, or source (path or URL)."""
    records, _ = load_catalog(out_dir)
    resolved = str(Path(key).resolve()) if key and not key.startswith(("http://", "https://")) else key
    matches = [r for r in records if key in (r.slug, r.guid, r.title) or r.source in (key, resolved)]
    if not matches:
        raise InputError(f"no episode '{key}' in {out_dir} (give its name, guid, title or article; see narrate list)")
    if len(matches) > 1:
        names = ", ".join(r.slug for r in matches)
        raise InputError(f"'{key}' names {len(matches)} episodes ({names}); give the episode's name instead")
    return matches[0]


def remove_episode(out_dir: Path, record: EpisodeRecord) -> list[Path]:
    """Delete an episode's files (its sidecar first, so the catalog never lists a half-removed episode).

    Only narrate's own files go: ``episode.json``, ``<slug>-*`` and the episode's pages; the folder
    goes when it is empty.
    """
    folder = record.folder(out_dir)
    removed: list[Path] = []
    own = [folder / SIDECAR_NAME, *sorted(folder.glob(f"{record.slug}-*")), *(folder / name for name in PAGE_FILES)]
    for path in own:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise OutputError(f"cannot remove {path}: {exc.strerror or exc}") from exc
        removed.append(path)
    try:
        folder.rmdir()
    except OSError:
        pass  # files of the user's own stay, and so does their folder
    return removed
