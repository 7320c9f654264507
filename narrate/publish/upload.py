"""``narrate publish``: put an output folder online, in a safe order, sending only what changed.

What is sent: every file of the output folder except ``narrate.toml`` (the settings may name local
paths), hidden files and folders (``.narrate-lock``, the batch's job record, …) and narrate's
temporary files, and links that lead out of the folder.

The order, so that no subscriber ever sees a feed that points at a file that is not there yet:

1. audio, transcripts, chapters, images and the pages' assets (anything that is not a page or the feed);
2. the pages (``*.html``);
3. ``feed.xml``;
4. then the files of episodes that are gone, once the feed that no longer lists them is up.

Increments: a manifest at the destination (:data:`MANIFEST_NAME`) records each file narrate sent, with
the SHA-256 of its bytes, its Content-Type and Cache-Control. A file whose hash and headers match its
entry is not sent again; an entry whose file has left the output folder is deleted at the destination.
Nothing narrate did not send is ever deleted. The manifest is written after the last deletion, and,
when a run stops half way (Ctrl-C, a lost connection), with the files that did arrive: a run again
sends the rest, and a run killed outright sends again what it had sent (the same bytes) and completes.

Headers: Content-Type per file (``audio/mpeg``, ``application/rss+xml``, ``text/vtt``, …) and
Cache-Control ``public, max-age=31536000, immutable`` for files named after the audio's hash
(``<slug>-<12 hex digits>.mp3`` and its transcripts and chapters, which belong to that audio), a short
``max-age`` for everything else (the feed, pages, covers, assets).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import InputError, OutputError, PublishError
from ..fsutil import TEMP_PREFIX, folder_lock
from .catalog import CONFIG_NAME
from .destinations import Destination, LocalFolder, S3Bucket, open_destination
from .server import FEED_NAME, content_type, is_loopback

__all__ = [
    "MANIFEST_NAME", "PublishPlan", "PublishProgress", "PublishReport", "SiteFile",
    "cache_control", "plan_publish", "publish", "site_files",
]

MANIFEST_NAME = ".narrate-manifest.json"
"""The record of what narrate sent, at the destination's root."""
MANIFEST_VERSION = 1
IMMUTABLE = "public, max-age=31536000, immutable"
SHORT = "public, max-age=300"
"""Five minutes: apps and caches see a new feed or page soon after it is sent."""
HASHED_NAME = re.compile(r"-[0-9a-f]{12}(\.[a-z0-9]+)+\Z")
"""``<slug>-<first 12 hex digits of the audio's SHA-256>.<suffixes>``: the audio and the files timed to it."""
_PAGE_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class SiteFile:
    """One file of the output folder, as it is to be published."""

    path: str
    """Relative to the folder, with ``/`` separators: the same path at the destination."""
    local: Path
    bytes: int
    sha256: str
    content_type: str
    cache_control: str

    @property
    def stage(self) -> int:
        """0: media and assets, 1: pages, 2: the feed (sent in this order)."""
        if self.path == FEED_NAME:
            return 2
        return 1 if self.path.lower().endswith(_PAGE_SUFFIXES) else 0

    def entry(self) -> dict[str, Any]:
        return {"sha256": self.sha256, "bytes": self.bytes, "content_type": self.content_type,
                "cache_control": self.cache_control}


def cache_control(path: str) -> str:
    """The Cache-Control a published file gets."""
    return IMMUTABLE if HASHED_NAME.search(path.rsplit("/", 1)[-1]) else SHORT


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def site_files(out_dir: Path) -> list[SiteFile]:
    """The files of ``out_dir`` that make the site, in no particular order."""
    root = out_dir.resolve()
    files = []
    for folder, dirs, names in os.walk(root, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".") and _inside(root, Path(folder, d))]
        for name in names:
            local = Path(folder, name)
            relative = local.relative_to(root).as_posix()
            if name.startswith(".") or name.startswith(TEMP_PREFIX) or relative == CONFIG_NAME:
                continue
            if not _inside(root, local) or not local.is_file():
                continue
            try:
                size = local.stat().st_size
                digest = _sha256(local)
            except OSError as exc:
                raise OutputError(f"cannot read {local}: {exc.strerror or exc}") from exc
            files.append(SiteFile(relative, local, size, digest, content_type(name), cache_control(relative)))
    return files


def _inside(root: Path, path: Path) -> bool:
    """True when ``path`` (a link followed) stays in ``root`` and under no hidden folder."""
    real = path.resolve()
    if real != root and root not in real.parents:
        return False
    return not any(part.startswith(".") for part in real.relative_to(root).parts)


# --- the plan ---------------------------------------------------------------------------------------------


@dataclass
class PublishPlan:
    send: list[SiteFile]
    """In the order they are sent: media and assets, pages, the feed."""
    unchanged: list[SiteFile]
    delete: list[str]
    """Paths the manifest lists that the output folder no longer holds."""
    manifest: dict[str, dict[str, Any]]
    """What the destination held before this run."""

    @property
    def bytes(self) -> int:
        return sum(f.bytes for f in self.send)


def plan_publish(files: list[SiteFile], manifest: dict[str, dict[str, Any]]) -> PublishPlan:
    """What to send (in a safe order), what is unchanged, what to delete."""
    send, unchanged = [], []
    for item in sorted(files, key=lambda f: (f.stage, f.path)):
        (unchanged if manifest.get(item.path) == item.entry() else send).append(item)
    present = {f.path for f in files}
    delete = sorted(path for path in manifest if path not in present)
    return PublishPlan(send, unchanged, delete, manifest)


def read_manifest(destination: Destination) -> tuple[dict[str, dict[str, Any]], str | None]:
    """The destination's manifest (empty when there is none yet) and a warning when it is unreadable."""
    data = destination.get(MANIFEST_NAME)
    if data is None:
        return {}, None
    try:
        manifest = json.loads(data)
        files = manifest["files"]
        if not isinstance(files, dict) or not all(isinstance(v, dict) for v in files.values()):
            raise ValueError("files is not a table")
        return {str(k): v for k, v in files.items() if _safe_path(str(k))}, None
    except (ValueError, KeyError, TypeError) as exc:
        return {}, f"{destination.url}/{MANIFEST_NAME} is unreadable ({exc}); every file is sent again"


def _safe_path(path: str) -> bool:
    """A manifest path narrate could have written (a doctored manifest cannot delete outside the root)."""
    parts = path.split("/")
    return bool(path) and not path.startswith("/") and "\\" not in path and all(
        p and p not in (".", "..") for p in parts
    )


def _manifest_bytes(entries: dict[str, dict[str, Any]]) -> bytes:
    document = {"generator": "narrate", "version": MANIFEST_VERSION, "files": dict(sorted(entries.items()))}
    return (json.dumps(document, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


# --- the run ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PublishProgress:
    """Sent after each file is sent or deleted."""

    action: str
    """"send" or "delete"."""
    path: str
    files_done: int
    files_total: int
    bytes_done: int
    bytes_total: int


@dataclass
class PublishReport:
    destination: str
    sent: list[str] = field(default_factory=list)
    unchanged: int = 0
    deleted: list[str] = field(default_factory=list)
    bytes: int = 0
    """Bytes sent (or that would be, on a dry run)."""
    dry_run: bool = False
    warnings: list[str] = field(default_factory=list)
    cors: str = ""
    """With ``cors=True``: "added" (the bucket's CORS rule was added; on a dry run, would be) or
    "present" (a rule already allowed every origin); "" when not asked."""

    def to_json(self) -> dict[str, Any]:
        return {
            "destination": self.destination, "dry_run": self.dry_run, "sent": len(self.sent),
            "unchanged": self.unchanged, "deleted": len(self.deleted), "bytes": self.bytes,
            "sent_files": self.sent, "deleted_files": self.deleted, "warnings": self.warnings,
            "cors": self.cors or None,
        }


def publish(
    out_dir: Path,
    target: str,
    *,
    endpoint_url: str | None = None,
    base_url: str | None = None,
    dry_run: bool = False,
    progress: Callable[[PublishProgress], None] | None = None,
    plan_ready: Callable[[PublishPlan], None] | None = None,
    cors: bool = False,
) -> PublishReport:
    """Publish the output folder ``out_dir`` to ``target`` (``s3://…``, ``sftp://…`` or a folder).

    ``base_url`` is the show's (from its config): a warning is added when it is this computer's, as
    the published feed would then point at nothing. ``plan_ready`` sees the plan before anything is
    sent; ``progress`` sees every file sent or deleted. ``cors`` (S3 only) first adds the bucket CORS
    rule that lets the player snippet, pasted into another site, load the audio and its captions
    (:meth:`~narrate.publish.destinations.S3Bucket.allow_cross_origin`).
    """
    if not (out_dir / FEED_NAME).is_file():
        raise InputError(f"{out_dir} has no {FEED_NAME} to publish (build some episodes with narrate build)")
    if cors and not target.lower().startswith("s3://"):
        raise PublishError(
            "--cors sets an s3:// bucket's CORS rule; a web server or folder needs its server to send "
            "Access-Control-Allow-Origin: * with the .mp3 and .vtt files (narrate serve does)"
        )
    warnings = []
    if base_url and is_loopback(urlsplit(base_url).hostname or ""):
        warnings.append(
            f"the feed's links start with {base_url}, this computer: set base_url in narrate.toml to the "
            "address the files will have, then run narrate feed, before others subscribe"
        )
    with folder_lock(out_dir), _opened(target, endpoint_url) as destination:
        if isinstance(destination, LocalFolder):
            _refuse_overlap(out_dir, destination.root)
        manifest, problem = read_manifest(destination)
        if problem:
            warnings.append(problem)
        plan = plan_publish(site_files(out_dir), manifest)
        report = PublishReport(destination.url, unchanged=len(plan.unchanged), dry_run=dry_run, warnings=warnings)
        if cors and isinstance(destination, S3Bucket):  # before the pages that need it are up
            report.cors = "added" if destination.allow_cross_origin(dry_run=dry_run) else "present"
        if plan_ready is not None:
            plan_ready(plan)
        if dry_run:
            report.sent = [f.path for f in plan.send]
            report.deleted = list(plan.delete)
            report.bytes = plan.bytes
            return report
        _run(destination, plan, report, progress)
    return report


@contextmanager
def _opened(target: str, endpoint_url: str | None) -> Iterator[Destination]:
    destination = open_destination(target, endpoint_url=endpoint_url)
    try:
        yield destination
    finally:
        destination.close()


def _refuse_overlap(out_dir: Path, root: Path) -> None:
    """A local destination may not be the output folder or inside it (it would publish itself)."""
    out, dest = out_dir.resolve(), root.resolve()
    if dest == out or out in dest.parents:
        raise PublishError(f"cannot publish {out_dir} into {root}: the destination is inside the output folder")


def _run(
    destination: Destination,
    plan: PublishPlan,
    report: PublishReport,
    progress: Callable[[PublishProgress], None] | None,
) -> None:
    """Send, then delete, then write the manifest; on the way out of an interrupted run, write the
    manifest of what did arrive (so that a run again need not send it)."""
    entries = {path: entry for path, entry in plan.manifest.items()}
    total_files = len(plan.send) + len(plan.delete)
    total_bytes = plan.bytes
    done = 0
    finished = False
    try:
        for item in plan.send:
            with item.local.open("rb") as handle:
                destination.put(item.path, handle, size=item.bytes, content_type=item.content_type,
                                cache_control=item.cache_control)
            entries[item.path] = item.entry()
            report.sent.append(item.path)
            report.bytes += item.bytes
            done += 1
            if progress is not None:
                progress(PublishProgress("send", item.path, done, total_files, report.bytes, total_bytes))
        for path in plan.delete:  # only once the feed that no longer lists them is up
            destination.delete(path)
            entries.pop(path, None)
            report.deleted.append(path)
            done += 1
            if progress is not None:
                progress(PublishProgress("delete", path, done, total_files, report.bytes, total_bytes))
        finished = True
    finally:
        if report.sent or report.deleted:
            data = _manifest_bytes(entries)
            try:
                destination.put(MANIFEST_NAME, io.BytesIO(data), size=len(data), content_type="application/json",
                                cache_control="no-cache")
            except (PublishError, OSError):
                if finished:
                    raise
                # interrupted already, and the connection is likely what failed: the files sent are
                # sent again by the next run, which ends complete
