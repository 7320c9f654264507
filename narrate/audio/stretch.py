"""Changing the pace of speech without changing its pitch, for engines that have no speed of their
own (gTTS) or whose own speed does not reach the pace asked for (hibari beyond 1.3).

The stretch is ffmpeg's ``rubberband`` filter (the Rubber Band library) in the ffmpeg that the
imageio-ffmpeg wheel ships, run by pydub as every other ffmpeg call of narrate's (narrate itself starts
no program): no new dependency. It was chosen
over ffmpeg's ``atempo`` (WSOLA) by ``python benchmarks/run.py speed-stretch``: on hibari's speech
stretched to 0.7, 1.3 and 1.5 an offline recogniser (pocketsphinx) got 1.2/3.7/17 % of the words
wrong after Rubber Band and 2.4/6.1/22 % after atempo; Rubber Band's lengths are exact (atempo's
0.4 % off); atempo is 3x faster (both well under 3 % of real time) and moves the long-term
spectrum less (0.3-0.6 dB against 1.5-2.4 dB), but intelligibility decided. An ffmpeg without the ``rubberband`` filter
(older imageio-ffmpeg builds) falls back to ``atempo``; :func:`stretcher` names the one used (it tries
Rubber Band once on a tenth of a second of silence), and
engines put it in their identity so that the chunk cache never mixes the two.
"""

from __future__ import annotations

import functools
import io
import threading

import numpy as np
import soundfile

from ..errors import EngineError
from ..models import Clip
from .audiofiles import AudioToolsMissing, audio_segment_class

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


@functools.lru_cache(maxsize=1)
def stretcher() -> str:
    """The stretch this machine's ffmpeg offers: "rubberband", else "atempo" (see the module docstring)."""
    with _lock:
        for method in METHODS:
            try:
                _run_filter(np.zeros(4410, dtype=np.float32), 44100, _filter(method, 1.3))
            except EngineError:
                continue
            return method
    raise EngineError("this ffmpeg has neither the rubberband nor the atempo filter: the pace cannot be changed")


def _run_filter(samples: np.ndarray, rate: int, audio_filter: str) -> np.ndarray:
    """``samples`` through ffmpeg's ``audio_filter``, run by pydub, as 32-bit PCM both ways."""
    try:
        segment_class = audio_segment_class()
    except AudioToolsMissing as exc:
        raise EngineError(f"changing the pace needs pydub and imageio-ffmpeg: {exc}") from None
    pcm = (np.clip(samples, -1.0, 1.0) * 2147483647.0).astype("<i4")
    segment = segment_class(data=pcm.tobytes(), sample_width=4, frame_rate=rate, channels=1)
    try:
        with segment.export(io.BytesIO(), format="wav", codec="pcm_s32le", parameters=["-af", audio_filter]) as out:
            out.seek(0)
            stretched, _rate = soundfile.read(out, dtype="float32", always_2d=False)
    except Exception as exc:  # pydub's CouldntEncodeError and OSError: ffmpeg refused the filter or could not run
        message = str(exc).strip().splitlines()
        raise EngineError(f"ffmpeg could not change the pace: {message[-1] if message else type(exc).__name__}") from None
    return np.asarray(stretched, dtype=np.float32)


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
    samples = _run_filter(clip.samples, clip.sample_rate, _filter(method, tempo))
    return Clip(np.clip(samples, -1.0, 1.0), clip.sample_rate)
