"""Loading TOML into typed, validated dataclasses, with one-line errors that name file and key."""

from __future__ import annotations

import dataclasses
import math
import tomllib
import types
import typing
from pathlib import Path
from typing import Any, Mapping, TypeVar

from .errors import ConfigError

T = TypeVar("T")


def read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file, turning every failure into a :class:`ConfigError`."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a folder, not a TOML file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not valid TOML (the file is not UTF-8 text)") from None


def from_mapping(cls: type[T], data: Mapping[str, Any], where: str) -> T:
    """Build dataclass ``cls`` from ``data``; unknown keys and wrongly typed values are errors.

    Fields that are dataclasses themselves are read from TOML tables; fields whose metadata says
    ``toml=False`` are not read from the file. ``where`` names the file
    (and table) in error messages.
    """
    if not isinstance(data, Mapping):
        raise ConfigError(f"{where}: expected a table, got {describe_value(data)}")
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init and f.metadata.get("toml", True)}  # type: ignore[arg-type]
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise ConfigError(f"{where}: unknown key '{unknown[0]}' (known keys: {', '.join(sorted(fields))})")
    missing = sorted(
        name
        for name, f in fields.items()
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING and name not in data
    )
    if missing:
        raise ConfigError(f"{where}: missing key '{missing[0]}'")
    values: dict[str, Any] = {}
    for name, value in data.items():
        if dataclasses.is_dataclass(hints[name]):
            values[name] = from_mapping(hints[name], value, f"{where} [{name}]")
        else:
            values[name] = _convert(value, hints[name], f"{where}: '{name}'")
    try:
        return cls(**values)
    except ValueError as exc:  # a dataclass's own __post_init__ checks
        raise ConfigError(f"{where}: {exc}") from None


def _convert(value: Any, hint: Any, label: str) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if value is None:
            return None
        for option in options:
            try:
                return _convert(value, option, label)
            except ConfigError:
                continue
        raise ConfigError(f"{label} must be {_type_name(options[0])}, not {describe_value(value)}")
    if origin is list:
        if not isinstance(value, list):
            raise ConfigError(f"{label} must be a list, not {describe_value(value)}")
        (item_hint,) = typing.get_args(hint) or (Any,)
        if dataclasses.is_dataclass(item_hint):
            return [from_mapping(item_hint, item, f"{label.rstrip(':')} #{n}") for n, item in enumerate(value, 1)]
        return [_convert(item, item_hint, f"{label} item {n}") for n, item in enumerate(value, 1)]
    if origin in (dict, Mapping, typing.Mapping) or hint in (dict, Mapping):
        if not isinstance(value, Mapping):
            raise ConfigError(f"{label} must be a table, not {describe_value(value)}")
        return dict(value)
    if hint is Any:
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"{label} must be a number, not {describe_value(value)}")
        if not math.isfinite(value):  # TOML has inf and nan
            raise ConfigError(f"{label} must be a finite number, not {value}")
        return float(value)
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{label} must be a whole number, not {describe_value(value)}")
        return value
    if hint is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"{label} must be true or false, not {describe_value(value)}")
        return value
    if hint is str:
        if not isinstance(value, str):
            raise ConfigError(f"{label} must be a string, not {describe_value(value)}")
        return value
    if hint is Path:
        if not isinstance(value, str):
            raise ConfigError(f"{label} must be a path string, not {describe_value(value)}")
        return Path(value)
    raise TypeError(f"unsupported setting type {hint!r}")  # a programming error, not a user error


def _type_name(hint: Any) -> str:
    names = {float: "a number", int: "a whole number", bool: "true or false", str: "a string", Path: "a path string"}
    return names.get(hint, "a table")


def describe_value(value: Any) -> str:
    """A TOML value as an error message names it: 'the string \'x\'', 'a table'…"""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string {value!r}"
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__
