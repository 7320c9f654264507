"""Fetching one voice file, from an http(s) URL or a local path, into place: verified, atomic, resumable.

The bytes go to ``TARGET.part`` beside the target; when they are all there and their size and
checksum are right, the file is renamed onto the target in one step, so a reader never sees half a
voice. A transfer cut half way leaves the ``.part`` file: the next attempt asks the server for the
rest (an HTTP ``Range`` request) and checks the whole file. A file whose checksum is wrong is
deleted and nothing is installed. Only ``narrate voices install`` calls this: nothing downloads
during a build.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests

from ..errors import DownloadError

ProgressCallback = Callable[[str, int, "int | None"], None]
"""Called as bytes arrive: (label, bytes so far, total bytes or None when unknown)."""

_BLOCK = 1 << 16
_TIMEOUT = 30.0
_USER_AGENT = "narrate (voice install)"


@dataclass(frozen=True)
class Expected:
    """What a file must be: its size and checksum (None: not checked)."""

    size: int | None = None
    digest: str | None = None
    """Hex digest of the whole file."""
    algorithm: str = "sha256"
    """``sha256`` (hibari's registry) or ``md5`` (the Piper catalog)."""
    authority: str = "the registry"
    """Who says so, for the error message ("hibari's registry", "the Piper catalog")."""


def is_url(source: str) -> bool:
    return urlsplit(source).scheme.lower() in ("http", "https")


def part_path(target: Path) -> Path:
    """Where an unfinished download of ``target`` is kept."""
    return target.with_name(target.name + ".part")


def fetch(
    source: str | Path,
    target: Path,
    expected: Expected,
    *,
    label: str,
    progress: ProgressCallback | None = None,
) -> int:
    """Put ``source`` (an http(s) URL or a local file) at ``target``, checked against ``expected``;
    returns the file's size. A ``target`` that already holds the expected file is left alone."""
    if target.is_file() and expected.digest and _matches(target, expected):
        return target.stat().st_size
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DownloadError(f"cannot create {target.parent}: {exc.strerror or exc}") from None
    part = part_path(target)
    if isinstance(source, Path) or not is_url(source):
        _copy(Path(source).expanduser(), part, label, progress)
    else:
        _download(source, part, expected, label, progress)
    _verify(part, expected, label, str(source))
    try:
        with part.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(part, target)
    except OSError as exc:
        raise DownloadError(f"cannot write {target}: {exc.strerror or exc}") from None
    return target.stat().st_size


def fetch_bytes(url: str, *, label: str, limit: int = 64 << 20) -> bytes:
    """A small file (a catalog, a config) from an http(s) URL or a local path, whole."""
    if not is_url(url):
        try:
            return Path(url).expanduser().read_bytes()
        except OSError as exc:
            raise DownloadError(f"cannot read {url}: {exc.strerror or exc}") from None
    response = _get(url, {})
    with response:
        if response.status_code != 200:
            raise DownloadError(f"{url}: the server answered {response.status_code} {response.reason} ({label})")
        data = bytearray()
        try:
            for block in response.iter_content(_BLOCK):
                data += block
                if len(data) > limit:
                    raise DownloadError(f"{url}: more than {limit >> 20} MB, not {label}")
        except requests.RequestException as exc:
            raise DownloadError(f"{url}: the transfer stopped ({_reason(exc)}); try again") from None
    return bytes(data)


def _copy(source: Path, part: Path, label: str, progress: ProgressCallback | None) -> None:
    if not source.is_file():
        raise DownloadError(f"{source}: no such file")
    total = source.stat().st_size
    done = 0
    try:
        with source.open("rb") as reader, part.open("wb") as writer:
            while block := reader.read(_BLOCK * 16):
                writer.write(block)
                done += len(block)
                if progress is not None:
                    progress(label, done, total)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise DownloadError(f"cannot copy {source}: {exc.strerror or exc}") from None


def _download(url: str, part: Path, expected: Expected, label: str, progress: ProgressCallback | None) -> None:
    have = part.stat().st_size if part.is_file() else 0
    if expected.size is not None and have > expected.size:
        have = 0
    if expected.size is not None and have == expected.size:
        if _matches(part, expected):
            return
        have = 0
    response = _get(url, {"Range": f"bytes={have}-"} if have else {})
    with response:
        if response.status_code == 416 and have:  # the range is past the end: start again
            response.close()
            part.unlink(missing_ok=True)
            return _download(url, part, expected, label, progress)
        if response.status_code == 206 and have and _range_start(response) == have:
            mode, done = "ab", have
        elif response.status_code == 200:
            mode, done = "wb", 0
        else:
            raise DownloadError(f"{url}: the server answered {response.status_code} {response.reason}")
        length = response.headers.get("Content-Length")
        total = done + int(length) if length and length.isdigit() else expected.size
        try:
            with part.open(mode) as writer:
                if progress is not None:
                    progress(label, done, total)
                try:
                    for block in response.iter_content(_BLOCK):
                        writer.write(block)
                        done += len(block)
                        if progress is not None:
                            progress(label, done, total)
                except requests.RequestException as exc:
                    raise DownloadError(
                        f"the download of {label} stopped after {_mb(done)} of {_mb(total)} ({_reason(exc)}); "
                        "run the same command again to resume it"
                    ) from None
        except DownloadError:
            raise
        except OSError as exc:
            raise DownloadError(f"cannot write {part}: {exc.strerror or exc}") from None
    if total is not None and done < total:
        raise DownloadError(
            f"the download of {label} stopped after {_mb(done)} of {_mb(total)}; "
            "run the same command again to resume it"
        )


def _get(url: str, headers: dict[str, str]) -> Any:
    host = urlsplit(url).netloc or url
    try:
        response = requests.get(  # nosec B113 # the timeout is set: connect and each read
            url, headers={"User-Agent": _USER_AGENT, "Accept-Encoding": "identity", **headers},
            stream=True, timeout=_TIMEOUT, allow_redirects=True,
        )
    except requests.ConnectionError as exc:
        raise DownloadError(
            f"cannot reach {host} ({_reason(exc)}): check the network connection, "
            "or install from a file with --from FILE"
        ) from None
    except requests.RequestException as exc:
        raise DownloadError(f"cannot download {url} ({_reason(exc)})") from None
    return response


def _range_start(response: Any) -> int | None:
    match = re.match(r"bytes (\d+)-", response.headers.get("Content-Range", ""))
    return int(match.group(1)) if match else None


def _verify(part: Path, expected: Expected, label: str, source: str) -> None:
    size = part.stat().st_size
    if expected.size is not None and size != expected.size:
        part.unlink(missing_ok=True)
        raise DownloadError(
            f"{label} from {source} is {size:,} bytes, not the {expected.size:,} {expected.authority} gives; "
            "refused, nothing installed"
        )
    if expected.digest is not None:
        digest = _digest(part, expected.algorithm)
        if digest != expected.digest.lower():
            part.unlink(missing_ok=True)
            raise DownloadError(
                f"{label} from {source} has {expected.algorithm} {digest[:12]}…, not the {expected.digest[:12]}… "
                f"{expected.authority} gives; refused, nothing installed"
            )


def _matches(path: Path, expected: Expected) -> bool:
    try:
        if expected.size is not None and path.stat().st_size != expected.size:
            return False
        return expected.digest is None or _digest(path, expected.algorithm) == expected.digest.lower()
    except OSError:
        return False


def _digest(path: Path, algorithm: str) -> str:
    digest = hashlib.new(algorithm, usedforsecurity=False)  # a checksum against a published value
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _reason(exc: BaseException) -> str:
    """The useful end of a requests/urllib3 error ("Connection refused", "Read timed out")."""
    text = " ".join(str(exc).split())
    errno = re.search(r"\[Errno -?\d+\] ([^'\")\]]+)", text)
    if errno:
        return errno.group(1).strip()
    for known in ("Connection broken", "Read timed out", "Connection refused", "Connection reset", "IncompleteRead"):
        if known in text:
            return "connection closed" if known in ("Connection broken", "IncompleteRead") else known.lower()
    return text[:120] or type(exc).__name__


def _mb(count: int | None) -> str:
    return "?" if count is None else f"{count / 1e6:.1f} MB"

