"""narrate.settings: TOML -> typed dataclasses, with one-line errors that name the file and the key."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from narrate.errors import ConfigError, NarrateError
from narrate.settings import from_mapping, read_toml


@dataclass(frozen=True)
class Limits:
    low: float = 0.0
    high: float = 1.0

    def __post_init__(self) -> None:
        if self.low > self.high:
            raise ValueError(f"'low' must not exceed 'high' ({self.low} > {self.high})")


@dataclass(frozen=True)
class Example:
    name: str
    """Required: no default."""
    count: int = 1
    ratio: float = 0.5
    enabled: bool = False
    folder: Path = Path(".")
    limits: Limits = field(default_factory=Limits)
    options: dict[str, Any] = field(default_factory=dict)
    nickname: str | None = None
    anything: Any = None
    internal: str = field(default="kept", metadata={"toml": False})


def load(tmp_path: Path, text: str) -> Example:
    path = tmp_path / "example.toml"
    path.write_text(text, encoding="utf-8")
    return from_mapping(Example, read_toml(path), str(path))


def config_error(tmp_path: Path, text: str) -> str:
    """The message of the ConfigError that loading ``text`` raises; checks it is one line naming the file."""
    with pytest.raises(ConfigError) as info:
        load(tmp_path, text)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(str(tmp_path / "example.toml")), message
    return message


# --- what loads --------------------------------------------------------------------------------


def test_every_kind_of_field_loads(tmp_path: Path) -> None:
    loaded = load(
        tmp_path,
        'name = "n"\ncount = 3\nratio = 2\nenabled = true\nfolder = "a/b"\nnickname = "nick"\n'
        'anything = [1, 2]\n[limits]\nlow = 0.25\nhigh = 4\n[options]\nvoice = "heart"\nseed = 0\n',
    )
    assert loaded == Example(
        name="n",
        count=3,
        ratio=2.0,
        enabled=True,
        folder=Path("a/b"),
        limits=Limits(0.25, 4.0),
        options={"voice": "heart", "seed": 0},
        nickname="nick",
        anything=[1, 2],
    )
    assert type(loaded.ratio) is float  # an integer in TOML becomes a float for a float field
    assert type(loaded.limits.high) is float
    assert isinstance(loaded.folder, Path)


def test_defaults_fill_what_is_absent(tmp_path: Path) -> None:
    assert load(tmp_path, 'name = "only"\n') == Example(name="only")


def test_nested_table_keeps_defaults_for_absent_keys(tmp_path: Path) -> None:
    assert load(tmp_path, 'name = "n"\n[limits]\nhigh = 9\n').limits == Limits(0.0, 9.0)


# --- errors naming file and key ----------------------------------------------------------------


def test_unknown_key(tmp_path: Path) -> None:
    message = config_error(tmp_path, 'name = "n"\ncolour = "red"\n')
    assert "unknown key 'colour'" in message
    assert "known keys:" in message and "count" in message
    assert "internal" not in message  # toml=False fields are not settable from the file


def test_field_marked_not_toml_is_unknown(tmp_path: Path) -> None:
    assert "unknown key 'internal'" in config_error(tmp_path, 'name = "n"\ninternal = "x"\n')


def test_unknown_key_in_nested_table(tmp_path: Path) -> None:
    message = config_error(tmp_path, 'name = "n"\n[limits]\nlo = 1\n')
    assert message == f"{tmp_path / 'example.toml'} [limits]: unknown key 'lo' (known keys: high, low)"


def test_missing_required_key(tmp_path: Path) -> None:
    assert "missing key 'name'" in config_error(tmp_path, "count = 2\n")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('count = "3"', ": 'count' must be a whole number, not the string '3'"),
        ("count = 2.5", ": 'count' must be a whole number, not the number 2.5"),
        ("count = true", ": 'count' must be a whole number, not true"),
        ('ratio = "0.5"', ": 'ratio' must be a number, not the string '0.5'"),
        ("ratio = false", ": 'ratio' must be a number, not false"),
        ('enabled = "yes"', ": 'enabled' must be true or false, not the string 'yes'"),
        ("enabled = 1", ": 'enabled' must be true or false, not the number 1"),
        ("folder = 3", ": 'folder' must be a path string, not the number 3"),
        ('options = "voice"', ": 'options' must be a table, not the string 'voice'"),
        ("limits = 3", " [limits]: expected a table, got the number 3"),
        ("limits = [1, 2]", " [limits]: expected a table, got a list"),
        ("nickname = 5", ": 'nickname' must be a string, not the number 5"),
        ("name = 5", ": 'name' must be a string, not the number 5"),
        ("name = 1979-05-27", ": 'name' must be a string, not date"),
    ],
)
def test_wrong_types(tmp_path: Path, line: str, expected: str) -> None:
    text = line + "\n" if line.startswith("name") else f'name = "n"\n{line}\n'
    assert config_error(tmp_path, text) == f"{tmp_path / 'example.toml'}{expected}"


def test_wrong_type_in_nested_table(tmp_path: Path) -> None:
    message = config_error(tmp_path, 'name = "n"\n[limits]\nhigh = "lots"\n')
    assert message.endswith("example.toml [limits]: 'high' must be a number, not the string 'lots'")


def test_dataclass_own_check_becomes_config_error(tmp_path: Path) -> None:
    message = config_error(tmp_path, 'name = "n"\n[limits]\nlow = 5\nhigh = 1\n')
    assert message.endswith("example.toml [limits]: 'low' must not exceed 'high' (5.0 > 1.0)")


def test_top_level_must_be_a_table() -> None:
    with pytest.raises(ConfigError, match=r"^where\.toml: expected a table, got a list$"):
        from_mapping(Example, [1, 2], "where.toml")  # type: ignore[arg-type]


def test_config_error_is_a_narrate_error_and_value_error(tmp_path: Path) -> None:
    with pytest.raises(NarrateError):
        load(tmp_path, "count = 1\n")
    with pytest.raises(ValueError):
        load(tmp_path, "count = 1\n")


# --- read_toml ---------------------------------------------------------------------------------


def test_malformed_toml(tmp_path: Path) -> None:
    message = config_error(tmp_path, '[show\ntitle = "x"\n')
    assert "not valid TOML" in message
    assert "line 1" in message


def test_duplicate_key_is_malformed(tmp_path: Path) -> None:
    assert "not valid TOML" in config_error(tmp_path, 'name = "a"\nname = "b"\n')


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "latin.toml"
    path.write_bytes('name = "Café"\n'.encode("latin-1"))
    with pytest.raises(ConfigError) as info:
        read_toml(path)
    assert str(info.value) == f"{path}: not valid TOML (the file is not UTF-8 text)"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.toml"
    with pytest.raises(ConfigError, match="no such file") as info:
        read_toml(path)
    assert str(path) in str(info.value)


def test_folder_is_not_a_toml_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="is a folder") as info:
        read_toml(tmp_path)
    assert str(tmp_path) in str(info.value)


def test_read_toml_returns_the_data(tmp_path: Path) -> None:
    path = tmp_path / "ok.toml"
    path.write_text('a = 1\n[t]\nb = "é"\n', encoding="utf-8")
    assert read_toml(path) == {"a": 1, "t": {"b": "é"}}


# --- optional fields (latent: no shipped setting is optional yet) -------------------------------


@dataclass(frozen=True)
class WithOptionals:
    folder: Path | None = None
    ratio: float | None = None


def test_optional_fields_load() -> None:
    assert from_mapping(WithOptionals, {"folder": "x", "ratio": 1}, "f.toml") == WithOptionals(Path("x"), 1.0)
    assert from_mapping(WithOptionals, {}, "f.toml") == WithOptionals()


def test_optional_number_reports_a_number_is_expected() -> None:
    with pytest.raises(ConfigError, match=r"^f\.toml: 'ratio' must be a number, not the string 'x'$"):
        from_mapping(WithOptionals, {"ratio": "x"}, "f.toml")


def test_optional_path_reports_a_path_is_expected() -> None:
    with pytest.raises(ConfigError, match="'folder' must be a path string"):
        from_mapping(WithOptionals, {"folder": 3}, "f.toml")
