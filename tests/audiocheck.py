"""Independent checks of MP3 files with Debian's ffmpeg and ffprobe (not narrate's own code)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np

from tests.conftest import require_tool


def decode(path: Path, rate: int = 44100) -> np.ndarray:
    """Decode with ffmpeg to mono 16-bit PCM; fails the test on any decoder complaint."""
    ffmpeg = require_tool("ffmpeg")
    result = subprocess.run(
        [ffmpeg, "-nostdin", "-v", "error", "-i", str(path), "-f", "s16le", "-ac", "1", "-ar", str(rate), "-"],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert result.stderr == b"", result.stderr.decode(errors="replace")
    return np.frombuffer(result.stdout, dtype="<i2")


def decoded_seconds(path: Path, rate: int = 44100) -> float:
    return len(decode(path, rate)) / rate


def probe(path: Path) -> dict:
    ffprobe = require_tool("ffprobe")
    result = subprocess.run(
        [ffprobe, "-v", "error", "-show_format", "-show_streams", "-of", "json", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)
