"""The package as a user gets it: `pip install .` (not editable) into a fresh virtual environment,
then `narrate build` on the example article from a folder outside the checkout. Everything the
command needs (the default voice preset, the config template) must ship inside the package."""

from __future__ import annotations

import json
import subprocess
import venv
from pathlib import Path

import pytest

from tests.audiocheck import decoded_seconds
from tests.conftest import EXAMPLE, ROOT

pytestmark = pytest.mark.slow


def test_pip_install_and_build_outside_the_checkout(tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(ROOT)],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert install.returncode == 0, install.stderr[-3000:]

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    article = elsewhere / "article.txt"
    article.write_bytes(EXAMPLE.read_bytes())
    where = subprocess.run(
        [str(python), "-c", "import narrate.speech.voices as v; print(v.builtin_voices_dir())"],
        capture_output=True, text=True, cwd=elsewhere, check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(env_dir), where.stdout
    assert not Path(where.stdout.strip()).is_relative_to(ROOT)

    result = subprocess.run(
        [str(env_dir / "bin" / "narrate"), "build", "article.txt"],
        capture_output=True, text=True, cwd=elsewhere, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    out = elsewhere / "output"
    [sidecar] = list(out.glob("episodes/*/episode.json"))
    data = json.loads(sidecar.read_text(encoding="utf-8"))
    assert data["voice"]["preset"] == "default" and data["voice"]["engine"] == "hibari"
    mp3 = sidecar.parent / data["audio"]["file"]
    assert decoded_seconds(mp3) == pytest.approx(data["audio"]["duration"], abs=0.05)
    assert (out / "feed.xml").is_file() and (out / "narrate.toml").is_file()

    module = subprocess.run(
        [str(python), "-m", "narrate", "--version"], capture_output=True, text=True, cwd=elsewhere, check=True
    )
    assert module.stdout.startswith("narrate ")

