"""The command line: help that explains, one-line errors, exit codes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from narrate import __version__
from narrate.cli import app

runner = CliRunner()


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "narrate", *args], capture_output=True, text=True, cwd=cwd, env={"COLUMNS": "200", "PATH": ""}
    )


def test_help_lists_commands() -> None:
    result = _run("--help")
    assert result.returncode == 0
    assert "build" in result.stdout and "podcast feed" in result.stdout


def test_build_help_explains_every_option() -> None:
    build = get_command(app).commands["build"]  # type: ignore[attr-defined]
    options = [p for p in build.params if p.param_type_name == "option"]
    assert len(options) >= 7
    for param in options:
        assert param.help and len(param.help) > 15, param.name
    result = runner.invoke(app, ["build", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    plain = " ".join(re.sub(r"\x1b\[[0-9;]*m", "", result.output).split())
    for option in ("--out", "--voice", "--title", "--config", "--show-title", "--base-url", "--quiet", "ARTICLE", "[default: the config's build.voice"):
        assert option in plain


def test_version() -> None:
    result = _run("--version")
    assert result.stdout.strip() == f"narrate {__version__}"


def test_console_script_is_installed() -> None:
    from importlib.metadata import entry_points

    [script] = [ep for ep in entry_points(group="console_scripts") if ep.name == "narrate"]
    assert script.value == "narrate.cli:main"


@pytest.mark.parametrize(
    "args, message",
    [
        (["build", "x.txt", "--voice", "nope"], "narrate: error: unknown voice preset 'nope' (presets: default)"),
        (["build", "a.txt", "b.txt", "--title", "T"], "narrate: error: a title can only be given for one article, not 2"),
        (["build", "a.txt", "--base-url", "ftp://x"], "narrate: error: command line: 'base_url' must be an absolute http(s) URL, not 'ftp://x'"),
    ],
)
def test_whole_build_errors_are_one_line(args: list[str], message: str, tmp_path: Path) -> None:
    result = _run(*args, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == message
    assert not (tmp_path / "output").exists()


def test_bad_config_file_is_one_line(tmp_path: Path) -> None:
    config = tmp_path / "narrate.toml"
    config.write_text("[show]\ntitel = 'typo'\n", encoding="utf-8")
    result = _run("build", "a.txt", "--config", str(config), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip().startswith(f"narrate: error: {config} [show]: unknown key 'titel'")


def test_usage_error_exit_code() -> None:
    result = _run("build")
    assert result.returncode == 2
    assert "Missing argument" in result.stderr


def test_plain_progress_lines_when_not_on_a_terminal(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("A short one\nFirst paragraph here.\nSecond paragraph here.\n", encoding="utf-8")
    result = _run("build", str(article), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"narrating {article}: 'A short one', 2 chunks" in result.stderr
    assert "2/2 chunks" in result.stderr
    assert "Built 1 episode in" in result.stdout
    assert "Feed:" in result.stdout and "lists 1 episode(s)" in result.stdout
    assert "set base_url in" in result.stdout
    quiet = _run("build", "-q", str(article), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert quiet.stderr == ""
