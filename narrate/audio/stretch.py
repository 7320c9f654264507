"""Changing the pace of speech without changing its pitch, for engines that have no speed of their
own (gTTS) or whose own speed does not reach the pace asked for (hibari beyond 1.3).

The stretch is ffmpeg's ``rubberband`` filter (the Rubber Band library) run by the ffmpeg that the
imageio-ffmpeg wheel ships (already needed to decode gTTS's MP3s): no new dependency. It was chosen
over ffmpeg's ``atempo`` (WSOLA) by ``python benchmarks/run.py speed-stretch``: on hibari's speech
stretched to 0.7, 1.3 and 1.5 an offline recogniser (pocketsphinx) got 1.2/3.7/17 % of the words
wrong after Rubber Band and 2.4/6.1/22 % after atempo; Rubber Band's lengths are exact (atempo's
0.4 % off); atempo is 3x faster (both well under 3 % of real time) and moves the long-term
spectrum less (0.3-0.6 dB against 1.5-2.4 dB), but intelligibility decided. An ffmpeg without the ``rubberband`` filter
(older imageio-ffmpeg builds) falls back to ``atempo``; :func:`stretcher` names the one used, and
engines put it in their identity so that the chunk cache never mixes the two.
"""

from __future__ import annotations

import functools
import subprocess  # nosec B404 # runs imageio-ffmpeg's own ffmpeg binary, with fixed arguments
import threading

import numpy as np

from ..errors import EngineError
from ..models import Clip

MIN_SPEED = 0.5
MAX_SPEED = 2.0
"""The paces narrate speaks at (``--speed``, a preset's ``speed``)."""
METHODS = ("rubberband", "atempo")
"""The pitch-preserving stretches, best first."""

_lock = threading.Lock()


def check_speed(speed: float, where: str = "speed") -> float:
    """``speed`` when it is a pace narrate speaks at, else ValueError naming ``where``."""
    if isinstance(speed, bool) or not isinstance(speed, (int, float)) or not MIN_SPEED <= speed <= MAX_SPEED:
        raise ValueError(f"{where} must be between {MIN_SPEED} and {MAX_SPEED} (1.0: the voice's own pace), not {speed}")
    return float(speed)


def _ffmpeg() -> str:
    try:
        import imageio_ffmpeg

        return str(imageio_ffmpeg.get_ffmpeg_exe())
    except (ImportError, RuntimeError) as exc:
        raise EngineError(f"changing the pace needs ffmpeg from imageio-ffmpeg ({exc}): pip install imageio-ffmpeg") from None


@functools.lru_cache(maxsize=1)
def stretcher() -> str:
    """The stretch this machine's ffmpeg offers: "rubberband", else "atempo" (see the module docstring)."""
    with _lock:
        try:
            listing = subprocess.run(  # nosec B603
                [_ffmpeg(), "-hide_banner", "-filters"], capture_output=True, text=True, timeout=30, check=False
            ).stdout
        except (OSError, subprocess.SubprocessError) as exc:
            raise EngineError(f"ffmpeg could not run to change the pace: {exc}") from None
    for method in METHODS:
        if any(line.split()[1:2] == [method] for line in listing.splitlines() if line.strip()):
            return method
    raise EngineError("this ffmpeg has neither the rubberband nor the atempo filter: the pace cannot be changed")


def _filter(method: str, tempo: float) -> str:
    if method == "rubberband":
        return f"rubberband=tempo={tempo:.6f}"
    if method == "atempo":
        return f"atempo={tempo:.6f}"
    raise ValueError(f"unknown stretch {method!r} (known: {', '.join(METHODS)})")


def change_tempo(clip: Clip, tempo: float, method: str | None = None) -> Clip:
    """``clip`` played ``tempo`` times as fast (1.3: 1/1.3 of its length), at the same pitch.

    ``method``: "rubberband" or "atempo"; None: :func:`stretcher`. A tempo within 0.5 % of 1 and an
    empty clip are returned as they are.
    """
    if not 0.25 <= tempo <= 4.0:
        raise ValueError(f"tempo must be between 0.25 and 4, not {tempo}")
    if abs(tempo - 1.0) < 0.005 or len(clip.samples) == 0:
        return clip
    method = method or stretcher()
    rate = str(clip.sample_rate)
    command = [
        _ffmpeg(), "-nostdin", "-hide_banner", "-v", "error",
        "-f", "f32le", "-ar", rate, "-ac", "1", "-i", "pipe:0",
        "-af", _filter(method, tempo),
        "-f", "f32le", "-ar", rate, "-ac", "1", "pipe:1",
    ]
    try:
        result = subprocess.run(  # nosec B603
            command, input=np.ascontiguousarray(clip.samples, dtype="<f4").tobytes(), capture_output=True,
            timeout=600, check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise EngineError(f"ffmpeg could not change the pace: {exc}") from None
    if result.returncode:
        message = result.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise EngineError(f"ffmpeg could not change the pace ({method}): {message[-1] if message else 'failed'}")
    samples = np.frombuffer(result.stdout, dtype="<f4").astype(np.float32)
    return Clip(np.clip(samples, -1.0, 1.0), clip.sample_rate)
