"""Writing files so that a reader never sees half of one: write a temporary file, then rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from .errors import OutputError

TEMP_PREFIX = ".narrate-tmp-"
"""Temporary files start with this; nothing that lists episodes ever picks them up."""


def current_umask() -> int:
    """The process's umask. Linux shows it in /proc; elsewhere it can only be read by setting it, which
    for a moment applies the new value to files other threads create, so that is the fallback."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


def make_temp_file(folder: Path, suffix: str = "") -> Path:
    """A new empty temporary file in ``folder``, readable as the umask allows (not only by its owner)."""
    fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=suffix, dir=folder)
    os.close(fd)
    os.chmod(name, 0o666 & ~current_umask())
    return Path(name)


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target`` in one step.

    If the block raises, the temporary file is removed and ``target`` is left as it was.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = make_temp_file(target.parent, target.suffix)
    try:
        yield temp
        _fsync(temp)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_bytes_atomic(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` in one step; a file that already holds exactly ``data`` is left
    alone (no write, no new modification time: caches and mirrors see nothing changed, and a full
    disk does not fail a feed that did not change)."""
    if _holds(target, data):
        return
    try:
        with atomic_path(target) as temp:
            temp.write_bytes(data)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc


def _holds(target: Path, data: bytes) -> bool:
    try:
        if target.stat().st_size != len(data):
            return False
        return target.read_bytes() == data
    except OSError:
        return False


def write_text_atomic(target: Path, text: str) -> None:
    write_bytes_atomic(target, text.encode("utf-8"))


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


LOCK_FILE = ".narrate-lock"


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold the output folder for one writer (a build or a batch) at a time."""
    lock = FileLock(str(folder / LOCK_FILE))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise OutputError(
            f"another narrate build, batch or publish is using {folder}; wait for it to finish"
        ) from None
    except OSError as exc:  # a read-only or vanished folder: the lock file cannot even be created
        raise OutputError(f"cannot write to {folder}: {exc.strerror or exc}") from exc
    try:
        yield
    finally:
        lock.release()


def remove_stray_temporary_files(folder: Path) -> int:
    """Delete the temporary files an interrupted run left under ``folder``, and the folders that held
    nothing else (an episode folder claimed by a run that died); returns how many files.

    Call it only while holding :func:`folder_lock`, when no live process can be writing them.
    """
    removed = 0
    emptied: set[Path] = set()
    for path in folder.rglob(f"{TEMP_PREFIX}*"):
        try:
            path.unlink()
            removed += 1
        except OSError:
            continue
        if path.parent != folder:
            emptied.add(path.parent)
    for parent in sorted(emptied, key=lambda p: len(p.parts), reverse=True):
        try:
            parent.rmdir()  # only when empty
        except OSError:
            pass
    return removed
