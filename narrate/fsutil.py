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


def make_temp_file(folder: Path, suffix: str = "") -> Path:
    """A new empty temporary file in ``folder``, readable as the umask allows (not only by its owner)."""
    fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=suffix, dir=folder)
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(name, 0o666 & ~umask)
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
    try:
        with atomic_path(target) as temp:
            temp.write_bytes(data)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc


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
        raise OutputError(f"another narrate batch or build is writing to {folder}; wait for it to finish") from None
    try:
        yield
    finally:
        lock.release()


def remove_stray_temporary_files(folder: Path) -> int:
    """Delete the temporary files an interrupted run left under ``folder``; returns how many.

    Call it only while holding :func:`folder_lock`, when no live process can be writing them.
    """
    removed = 0
    for path in folder.rglob(f"{TEMP_PREFIX}*"):
        try:
            path.unlink()
            removed += 1
        except OSError:
            pass
    return removed
