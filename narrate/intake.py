"""Reading an article's text from a file, with clear errors for what cannot be narrated."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

# Bytes other than tab, newline, carriage return and form feed below 0x20 do not occur in text.
_CONTROL_BYTES = bytes(set(range(32)) - {9, 10, 12, 13})
_BINARY_CONTROL_SHARE = 0.01


@dataclass(frozen=True)
class SourceText:
    """The decoded text of an article file."""

    text: str
    path: Path
    """The file, resolved to an absolute path."""
    encoding: str


def read_article_file(path: str | Path) -> SourceText:
    """Read a text article, decoding UTF-8 (with or without BOM) or, failing that, cp1252.

    Raises :class:`InputError` for a missing path, a folder, an empty file and a binary file.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not an article file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if _looks_binary(data):
        raise InputError(f"{path}: looks like a binary file, not article text")
    try:
        text, encoding = _decode(data)
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: starts with a UTF-8 byte-order mark but is not valid UTF-8 (byte {exc.start})") from None
    if not text.strip():
        raise InputError(f"{path}: is empty (no text to narrate)")
    return SourceText(text=text, path=path.resolve(), encoding=encoding)


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    controls = sum(sample.count(bytes([b])) for b in _CONTROL_BYTES)
    return controls / len(sample) > _BINARY_CONTROL_SHARE


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:  # cp1252 leaves five bytes undefined; Latin-1 maps every byte
        return data.decode("latin-1"), "latin-1"
