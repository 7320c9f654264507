"""The pitch-preserving time stretch (ffmpeg's rubberband, else atempo) on real audio."""

from __future__ import annotations

import numpy as np
import pytest

from narrate.audio.stretch import METHODS, change_tempo, check_speed, stretcher
from narrate.models import Clip

RATE = 24000


def tone(seconds: float, hz: float = 220.0) -> Clip:
    t = np.arange(round(seconds * RATE)) / RATE
    return Clip((0.4 * np.sin(2 * np.pi * hz * t)).astype(np.float32), RATE)


def pitch(samples: np.ndarray) -> float:
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(len(samples))))
    return float(np.argmax(spectrum) * RATE / len(samples))


def test_this_ffmpeg_has_rubberband() -> None:
    assert stretcher() == "rubberband"


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("tempo", [0.5, 0.8, 1.3, 2.0])
def test_length_follows_the_tempo_and_the_pitch_stays(method: str, tempo: float) -> None:
    clip = tone(3.0)
    out = change_tempo(clip, tempo, method)
    assert out.sample_rate == RATE and out.samples.dtype == np.float32
    assert len(out.samples) / len(clip.samples) == pytest.approx(1 / tempo, rel=0.01)
    middle = out.samples[len(out.samples) // 4 : 3 * len(out.samples) // 4]
    assert pitch(middle) == pytest.approx(220.0, rel=0.03)  # a resampling would move it by the tempo


def test_a_tempo_of_one_and_an_empty_clip_are_left_alone() -> None:
    clip = tone(0.5)
    assert change_tempo(clip, 1.0) is clip
    empty = Clip(np.zeros(0, np.float32), RATE)
    assert change_tempo(empty, 1.5) is empty


@pytest.mark.parametrize("speed", [0.49, 2.01, 0, -1, True, "fast"])
def test_speeds_outside_half_to_double_are_refused(speed: object) -> None:
    with pytest.raises(ValueError, match=r"must be between 0.5 and 2.0"):
        check_speed(speed)  # type: ignore[arg-type]


def test_the_bounds_are_speeds() -> None:
    assert check_speed(0.5) == 0.5 and check_speed(2) == 2.0
