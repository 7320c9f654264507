"""Reading an article's bytes from a file, a URL or standard input; decoding them; telling formats apart.

Everything that cannot be narrated is refused here with a one-line :class:`InputError` naming the
source: a missing path, a folder, a file over the size cap, an empty file, a binary file, bytes that
no supported encoding reads sensibly. URLs are fetched by :mod:`narrate.text.fetch` (timeouts, size and
redirect caps, media types).
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, Literal
from urllib.parse import urlsplit, urlunsplit

from ..errors import InputError, NarrateError
from .fetchlimits import FetchLimits

SourceFormat = Literal["text", "markdown", "html"]
STDIN = "-"

# Bytes other than tab, newline, carriage return and form feed below 0x20 do not occur in text.
_CONTROL_BYTES = bytes(set(range(32)) - {9, 10, 12, 13})
_BINARY_CONTROL_SHARE = 0.01
_MAX_NON_ASCII_SHARE_CP1252 = 0.3
"""Text decoded as cp1252 with more non-ASCII letters than this is not cp1252 (it would be mojibake)."""
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
_TEXT_SUFFIXES = {".txt", ".text"}
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


@dataclass(frozen=True)
class IntakeLimits:
    """Caps on what is read."""

    max_bytes: int = 20_000_000
    """Files, downloads and standard input larger than this are refused."""
    fetch: FetchLimits = FetchLimits()


@dataclass(frozen=True)
class SourceDocument:
    """An article's source, read and decoded."""

    origin: str
    """What the user named: a path as given, a URL, or "-" for standard input."""
    data: bytes
    text: str
    format: SourceFormat
    encoding: str
    path: Path | None = None
    """The file, resolved to an absolute path (files only)."""
    url: str | None = None
    """The final URL after redirects (URLs only)."""
    language: str | None = None
    """The language the server declared (``Content-Language``; URLs only)."""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def is_url(source: str) -> bool:
    return re.match(r"(?i)^[a-z][a-z0-9+.-]*://", source) is not None


def read_source(
    source: str | Path, *, limits: IntakeLimits = IntakeLimits(), stdin: BinaryIO | None = None
) -> SourceDocument:
    """Read an article from a path, an http(s) URL, or standard input ("-")."""
    text = str(source)
    if not isinstance(source, Path) and text == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(limits.max_bytes + 1)
        if len(data) > limits.max_bytes:
            raise InputError(f"standard input: larger than {_megabytes(limits.max_bytes)}")
        return _document(STDIN, "standard input", data, _sniff(data))
    if not isinstance(source, Path) and is_url(text):
        from .fetch import fetch_url  # requests is imported only when a URL is fetched (fetchlimits.py)

        fetched = fetch_url(text, FetchLimits(**{**limits.fetch.__dict__, "max_bytes": limits.max_bytes}))
        kind: SourceFormat = "html" if fetched.content_type in ("text/html", "application/xhtml+xml") else (
            "markdown" if "markdown" in fetched.content_type else _sniff(fetched.content)
        )
        url = _without_credentials(fetched.url)  # recorded in the sidecar, the feed and the pages
        document = _document(text, text, fetched.content, kind, declared=fetched.charset, url=url)
        return replace(document, language=fetched.language)
    return read_article_file(Path(source), limits=limits)


def _read_capped(path: Path, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes of ``path``. A named pipe nothing writes to reads as empty
    instead of blocking for ever (it is opened without waiting, then read normally)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(fd, "rb") as handle:
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks, size = [], 0
        while size <= max_bytes:
            chunk = handle.read(min(1 << 20, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)


def _without_credentials(url: str) -> str:
    """``url`` without a user name and password (``http://user:secret@host/`` -> ``http://host/``)."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def read_file_bytes(path: Path, max_bytes: int, error: type[NarrateError] = InputError) -> bytes:
    """The bytes of a file, a device or a pipe, refused (one line, as ``error``) when it is larger
    than ``max_bytes``, missing or unreadable. The cap holds while reading, not only by the size on
    disk (which is 0 for ``/dev/zero``)."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise error(f"{path}: is larger than {_megabytes(max_bytes)} ({_megabytes(size)})")
        data = _read_capped(path, max_bytes)
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except PermissionError:
        raise error(f"{path}: permission denied") from None
    except OSError as exc:
        raise error(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:  # a device or a pipe (its size is not known in advance)
        raise error(f"{path}: is larger than {_megabytes(max_bytes)}")
    return data


def read_article_file(path: str | Path, *, limits: IntakeLimits = IntakeLimits()) -> SourceDocument:
    """Read an article file: text, Markdown or HTML (by its name, else by its content)."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not an article file")
    data = read_file_bytes(path, limits.max_bytes)
    suffix = path.suffix.lower()
    kind: SourceFormat = (
        "html" if suffix in _HTML_SUFFIXES
        else "markdown" if suffix in _MARKDOWN_SUFFIXES
        else "text" if suffix in _TEXT_SUFFIXES
        else _sniff(data)
    )
    return _document(str(path), str(path), data, kind, path=path.resolve())


def _document(
    origin: str,
    label: str,
    data: bytes,
    kind: SourceFormat,
    *,
    declared: str | None = None,
    url: str | None = None,
    path: Path | None = None,
) -> SourceDocument:
    if kind == "html" and declared is None:
        meta = _META_CHARSET.search(data[:4096])
        declared = meta.group(1).decode("ascii", "replace") if meta else None
    text, encoding = decode_text(data, label, declared=declared)
    if not text.strip():
        raise InputError(f"{label}: is empty (no text to narrate)")
    return SourceDocument(origin, data, text, kind, encoding, path=path, url=url)


def decode_text(data: bytes, label: str, *, declared: str | None = None) -> tuple[str, str]:
    """Decode article bytes: a byte-order mark, else the declared charset, else UTF-8, else UTF-8
    with the bytes it cannot read taken as cp1252 (text pasted together from both), else cp1252.

    Raises :class:`InputError` for binary data and for bytes that none of these reads sensibly.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec if codec != "utf-16" else "utf-16"
            except UnicodeDecodeError as exc:
                name = "UTF-8" if codec == "utf-8-sig" else "UTF-16"
                raise InputError(
                    f"{label}: starts with a {name} byte-order mark but is not valid {name} (byte {exc.start})"
                ) from None
    guessed = _utf16_without_bom(data)
    if guessed is not None:
        return guessed
    if _looks_binary(data):
        raise InputError(f"{label}: looks like a binary file, not article text")
    if declared:
        try:
            return data.decode(declared), declared.lower()
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: fall back to the usual order
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _UTF8_SEQUENCE.search(data):  # UTF-8 with cp1252 bytes pasted in (“smart quotes” from Word)?
        try:
            return data.decode("utf-8", _CP1252_BYTES), "utf-8+cp1252"
        except UnicodeDecodeError:
            pass  # a byte cp1252 does not define: not that
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:  # cp1252 leaves five bytes undefined; Latin-1 maps every byte
        text, encoding = data.decode("latin-1"), "latin-1"
    letters = [c for c in text if not c.isspace()]
    if letters and sum(ord(c) > 127 for c in letters) / len(letters) > _MAX_NON_ASCII_SHARE_CP1252:
        raise InputError(f"{label}: is not text in a supported encoding (UTF-8, UTF-16 with BOM, or cp1252)")
    return text, encoding


_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
"""A multi-byte UTF-8 character: bytes that are not valid UTF-8 but hold some are mixed UTF-8 and cp1252."""
_CP1252_BYTES = "narrate-cp1252-bytes"


def _decode_cp1252_bytes(error: UnicodeError) -> tuple[str, int]:
    """Decoding error handler: the bytes UTF-8 cannot read, read as cp1252 (UnicodeDecodeError for
    the five bytes cp1252 leaves undefined)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("cp1252"), error.end


codecs.register_error(_CP1252_BYTES, _decode_cp1252_bytes)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a byte-order mark (some Windows tools do): text in a Latin script has a
    NUL beside nearly every character, always on the same side. Read it when that pattern is clear
    and the result is printable text; anything else is left to the binary check."""
    sample = data[:65536]
    if len(sample) < 32 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd >= 0.4 * half and even <= 0.02 * half:
        codec = "utf-16-le"
    elif even >= 0.4 * half and odd <= 0.02 * half:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    visible = [c for c in text if not c.isspace()]
    if not visible or sum(c.isprintable() for c in visible) < 0.98 * len(visible):
        return None
    return text, codec


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    controls = sum(sample.count(bytes([b])) for b in _CONTROL_BYTES)
    return controls / len(sample) > _BINARY_CONTROL_SHARE


def _sniff(data: bytes) -> SourceFormat:
    head = data[:8192].lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(head):
        return "html"
    from .clean import looks_like_markdown

    return "markdown" if looks_like_markdown(head.decode("utf-8", "replace")) else "text"


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:g} MB"


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
