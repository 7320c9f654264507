"""The content-addressed chunk cache: speech already made is never made again.

An entry's key is the SHA-256 of the engine's identity (engine, version, voice parameters, options
that change the sound) and the exact words spoken. The audio is stored as 16-bit FLAC, with the
SHA-256 of its samples in the FLAC comment, in ``<root>/<key[:2]>/<key>.flac``. Entries are written
atomically; one that does not decode or whose samples do not match the checksum is deleted and the
chunk is spoken again. Clips always pass through the stored form (:meth:`ChunkCache.canonical`), so a
chunk sounds bit-identical whether it was just spoken or read back from the cache.

Location: ``[cache] dir`` in narrate.toml, else ``NARRATE_CACHE_DIR``, else the user cache folder
(``~/.cache/narrate/chunks`` on Linux).
"""

from __future__ import annotations

import hashlib
import io
import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile
from platformdirs import user_cache_dir

from ..errors import OutputError
from ..fsutil import atomic_path
from ..models import Clip

_SUFFIX = ".flac"


def default_cache_dir() -> Path:
    configured = os.environ.get("NARRATE_CACHE_DIR")
    return Path(configured) if configured else Path(user_cache_dir("narrate")) / "chunks"


def cache_key(identity: str, text: str) -> str:
    return hashlib.sha256(f"{identity}\x00{text}".encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class CacheInfo:
    root: Path
    entries: int
    bytes: int


@dataclass(frozen=True)
class PruneResult:
    removed: int
    freed: int
    left: CacheInfo


class ChunkCache:
    """Speech by key, on disk. Safe to use from several threads and processes at once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.hits = 0
        self.misses = 0
        self.discarded = 0
        """Corrupt entries found and deleted."""

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}{_SUFFIX}"

    def get(self, key: str) -> Clip | None:
        """The clip stored under ``key``, or None (also when the entry was corrupt: it is deleted)."""
        path = self.path(key)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            self.misses += 1
            return None
        except OSError:
            self.misses += 1
            return None
        clip = _decode(data)
        if clip is None:
            self.discarded += 1
            self.misses += 1
            path.unlink(missing_ok=True)
            return None
        self.hits += 1
        _touch(path)
        return clip

    def put(self, key: str, clip: Clip) -> Clip:
        """Store ``clip``; returns it as stored (what :meth:`get` will return for this key).

        Silence of no length is returned as it is and not stored (FLAC cannot hold it).
        """
        if not len(clip.samples):
            return clip
        pcm = _to_pcm(clip.samples)
        data = _encode(pcm, clip.sample_rate)
        path = self.path(key)
        try:
            with atomic_path(path) as temp:
                temp.write_bytes(data)
        except OSError as exc:
            raise OutputError(f"cannot write to the chunk cache {self.root}: {exc.strerror or exc}") from exc
        return _from_pcm(pcm, clip.sample_rate)  # FLAC is lossless: what get() will decode, sample for sample

    @staticmethod
    def canonical(clip: Clip) -> Clip:
        """``clip`` as the cache stores it (16-bit), without storing it: the samples rounded to 16 bits,
        exactly what a round trip through the cache's FLAC gives (tests/speech/test_cache.py checks it),
        without encoding and decoding a FLAC file (a tenth of the CPU)."""
        if not len(clip.samples):
            return clip
        return _from_pcm(_to_pcm(clip.samples), clip.sample_rate)

    def info(self) -> CacheInfo:
        files = list(self._entries())
        return CacheInfo(self.root, len(files), sum(size for _, size, _ in files))

    def prune(self, max_bytes: int) -> PruneResult:
        """Delete the least recently used entries until the cache holds at most ``max_bytes``."""
        files = sorted(self._entries(), key=lambda entry: entry[2])  # oldest use first
        total = sum(size for _, size, _ in files)
        removed = freed = 0
        for path, size, _ in files:
            if total <= max_bytes:
                break
            try:
                path.unlink()
            except FileNotFoundError:
                pass
            total -= size
            freed += size
            removed += 1
        return PruneResult(removed, freed, self.info())

    def _entries(self) -> list[tuple[Path, int, float]]:
        found = []
        for path in self.root.glob(f"*/*{_SUFFIX}"):
            try:
                stat = path.stat()
            except FileNotFoundError:
                continue
            found.append((path, stat.st_size, stat.st_mtime))
        return found


def _to_pcm(samples: np.ndarray) -> np.ndarray:
    """Float samples as the 16-bit integers the cache stores."""
    return (np.clip(samples, -1.0, 1.0) * 32767.0).round().astype("<i2")


def _from_pcm(pcm: np.ndarray, rate: int) -> Clip:
    return Clip(pcm.astype(np.float32) / 32767.0, int(rate))


def _encode(pcm: np.ndarray, rate: int) -> bytes:
    buffer = io.BytesIO()
    with _signals_held(), soundfile.SoundFile(buffer, "w", rate, 1, "PCM_16", format="FLAC") as flac:
        flac.comment = hashlib.sha256(pcm.tobytes()).hexdigest()
        if len(pcm):
            flac.write(pcm)
    return buffer.getvalue()


def _decode(data: bytes) -> Clip | None:
    try:
        with _signals_held(), soundfile.SoundFile(io.BytesIO(data)) as flac:
            checksum = flac.comment
            pcm = flac.read(dtype="int16")
            rate = flac.samplerate
    except (RuntimeError, soundfile.LibsndfileError, ValueError, TypeError):
        return None
    if pcm.ndim != 1 or hashlib.sha256(pcm.astype("<i2").tobytes()).hexdigest() != checksum:
        return None
    return _from_pcm(pcm, rate)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM while libsndfile works on an in-memory file, then deliver them.

    libsndfile reads and writes such a file through Python callbacks; the KeyboardInterrupt a
    signal handler raises inside one is printed as "Exception ignored" and lost, and the build went
    on. Signal handlers only run in the main thread, so only there is anything held.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        handler = signal.getsignal(signum)
        if callable(handler):  # a Python handler: the kind that raises in a callback
            previous[signum] = handler
            signal.signal(signum, lambda number, frame: caught.append(number))
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        for signum in caught:
            signal.raise_signal(signum)


def _touch(path: Path) -> None:
    """Mark an entry as used (pruning removes the least recently used first)."""
    try:
        now = time.time()
        os.utime(path, (now, now))
    except OSError:
        pass
