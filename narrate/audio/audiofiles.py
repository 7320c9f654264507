"""Loading audio files with pydub (the project's library for that), using the ffmpeg that the
imageio-ffmpeg wheel ships, so no system ffmpeg is needed. There is no ffprobe in that wheel, so
every load names its codec or format."""

from __future__ import annotations

import threading
import warnings
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigError, NarrateError
from ..models import Clip
from .mp3writer import resample

INSTALL_HINT = "pip install pydub imageio-ffmpeg"
_lock = threading.Lock()


class AudioToolsMissing(NarrateError, RuntimeError):
    """pydub or its ffmpeg is not there."""


def audio_segment_class() -> Any:
    """pydub's AudioSegment, pointed at imageio-ffmpeg's ffmpeg."""
    with _lock:
        try:
            import imageio_ffmpeg

            with warnings.catch_warnings():
                # "Couldn't find ffmpeg or avconv" (there is no system one); "'audioop' is deprecated"
                warnings.simplefilter("ignore", RuntimeWarning)
                warnings.simplefilter("ignore", DeprecationWarning)
                from pydub import AudioSegment
        except ImportError as exc:
            raise AudioToolsMissing(f"{exc.name or 'pydub'} is not installed: {INSTALL_HINT}") from None
        try:
            AudioSegment.converter = imageio_ffmpeg.get_ffmpeg_exe()
        except RuntimeError as exc:
            raise AudioToolsMissing(f"imageio-ffmpeg's ffmpeg is missing ({exc}): {INSTALL_HINT}") from None
        return AudioSegment


def segment_samples(segment: Any) -> Clip:
    """A pydub AudioSegment as mono float32 samples in [-1, 1]."""
    width = segment.sample_width
    samples = np.asarray(segment.get_array_of_samples(), dtype=np.float32)
    if width == 1:  # 8-bit audio is unsigned
        samples = samples - 128.0
    samples /= float(1 << (8 * width - 1))
    if segment.channels > 1:
        samples = samples.reshape(-1, segment.channels).mean(axis=1)
    return Clip(np.clip(samples, -1.0, 1.0).astype(np.float32), int(segment.frame_rate))


def load_music(path: Path, rate: int, fade: float) -> np.ndarray:
    """An intro or outro audio file, mono at ``rate``, faded in and out over ``fade`` seconds."""
    segment_class = audio_segment_class()
    if not path.is_file():
        raise ConfigError(f"audio file {path} does not exist")
    try:
        segment = segment_class.from_file(str(path), codec=None, format=path.suffix.lstrip(".").lower() or None)
    except Exception as exc:  # pydub's CouldntDecodeError carries ffmpeg's whole log
        if type(exc).__name__ not in ("CouldntDecodeError", "IndexError", "OSError"):
            raise
        raise ConfigError(f"audio file {path} could not be read as audio") from None
    fade_ms = int(max(0.0, fade) * 1000)
    if fade_ms:
        fade_ms = min(fade_ms, len(segment) // 2)
        segment = segment.fade_in(fade_ms).fade_out(fade_ms)
    return resample(segment_samples(segment), rate)
