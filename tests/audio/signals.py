"""Test signals for the loudness and true-peak tests: synthetic speech, real hibari speech, and
signals whose interpolated peaks are far above their samples or at their very ends."""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np
import scipy.signal
import soxr

from narrate.audio import truepeak

RATE = 44100


def speechlike(seconds: float, seed: int) -> np.ndarray:
    """Synthetic speech: voiced syllables (harmonics of a gliding pitch through three formant
    resonances) and unvoiced ones (high band noise, 15 dB under), stressed and unstressed (up to 9 dB apart),
    a syllable envelope, pauses between words."""
    rng = np.random.default_rng(seed)
    n = int(seconds * RATE)
    t = np.arange(n) / RATE
    pitch = 115 + 25 * np.sin(2 * np.pi * 0.35 * t + rng.uniform(0, 6)) + 8 * rng.standard_normal() * t / seconds
    phase = 2 * np.pi * np.cumsum(pitch) / RATE
    voiced = sum(np.sin(k * phase + rng.uniform(0, 2 * np.pi)) / k**1.5 for k in range(1, 48))
    shaped = voiced.copy()
    for centre, gain in ((600, 3.0), (1400, 2.0), (2600, 1.0)):
        b, a = scipy.signal.iirpeak(centre, 5, fs=RATE)
        shaped += gain * scipy.signal.lfilter(b, a, voiced)
    shaped /= np.std(shaped)
    b, a = scipy.signal.butter(4, [2500, 9000], btype="band", fs=RATE)
    hiss = scipy.signal.lfilter(b, a, rng.standard_normal(n))
    hiss /= 6 * np.std(hiss)  # sibilants well under the vowels, as in speech
    # 4 syllables a second, each a swell that dips 20 dB between syllables; 80 % voiced
    syllable = np.floor(4.0 * t).astype(int)
    swell = 0.1 + 0.9 * np.sin(np.pi * (4.0 * t - syllable)) ** 2
    voicing = (rng.random(syllable.max() + 1) < 0.8)[syllable].astype(float)
    stress = 10 ** (rng.uniform(-9, 0, syllable.max() + 1) / 20)[syllable]
    words = (np.sin(2 * np.pi * 0.45 * t + rng.uniform(0, 6)) > -0.5).astype(float)
    smooth = np.ones(441) / 441  # 10 ms, so nothing switches abruptly
    voicing, stress, words = (scipy.signal.lfilter(smooth, 1, v) for v in (voicing, stress, words))
    signal = (voicing * shaped + (1 - voicing) * hiss) * stress * swell * words
    return (signal / max(float(np.max(np.abs(signal))), 1e-9)).astype(np.float32)


def clipped_loud(seconds: float, seed: int) -> np.ndarray:
    """Speech driven far into clipping: square-ish, at 0 dBFS."""
    return np.clip(speechlike(seconds, seed) * 30.0, -1.0, 1.0).astype(np.float32)


@cache
def hibari_speech(text: str) -> np.ndarray:
    """Real synthetic speech: hibari's bundled voice at 24 kHz, resampled to 44.1 kHz."""
    audio = _hibari()(text, seed=0)
    return soxr.resample(np.asarray(audio, dtype=np.float32), 24000, RATE).astype(np.float32)


@cache
def _hibari() -> Any:
    from hibari import Hibari

    return Hibari()


SENTENCES = [
    "The harbour ferries start at six in the morning, and on a clear day the crossing takes twenty minutes.",
    "Nobody expected the council to approve the plan so quickly. But by Friday evening, the vote was done!",
    "Is it worth it? Perhaps. The numbers say one thing; the passengers, quite another.",
]


def faded(samples: np.ndarray, seconds: float = 0.02) -> np.ndarray:
    """Without an abrupt start and end (whose overshoot each interpolator rings differently)."""
    out = np.array(samples, dtype=np.float32)
    ramp = np.linspace(0.0, 1.0, int(seconds * RATE), dtype=np.float32)
    out[: len(ramp)] *= ramp
    out[len(out) - len(ramp) :] *= ramp[::-1]
    return out


def awkward_signals() -> dict[str, np.ndarray]:
    """Signals whose interpolated peaks are far above their samples, or at their very ends."""
    rng = np.random.default_rng(70)
    t = np.arange(30000)
    impulses = np.zeros(5000, np.float32)
    impulses[[0, 1, 2500, 4999]] = [0.9, -0.9, 1.0, 0.8]
    alternating = np.zeros(4000, np.float32)
    alternating[100:200] = np.where(np.arange(100) % 2, 0.5, -0.5)
    # the worst case for each interpolated phase: samples with the signs of its taps, so that every tap
    # adds (the interpolated value is 2.0 to 2.4 times the samples)
    phases = truepeak.phases()
    worst = np.zeros(3000, np.float32)
    for index, phase in enumerate(phases):
        worst[1000 * index + 400 : 1000 * index + 432] = 0.3 * np.sign(phase[::-1])
    # and at the ends: the interpolation rings into the silence before the first sample and after the
    # last, above the samples there
    rings = np.zeros(400, np.float32)
    rings[:16] = 0.3 * np.sign(phases[1][:16][::-1])
    rings[-16:] = 0.3 * np.sign(phases[1][16:][::-1])
    return {
        "noise": (rng.standard_normal(20000) * 0.3).astype(np.float32),
        "near-nyquist": (0.8 * np.sin(2 * np.pi * 0.49 * t)).astype(np.float32),
        "square": (0.7 * np.sign(np.sin(2 * np.pi * t / 37))).astype(np.float32),
        "impulses-at-the-ends": impulses,
        "alternating": alternating,
        "speechlike": speechlike(3, seed=71),
        "hibari": hibari_speech(SENTENCES[0]),
        "seven-samples": (rng.standard_normal(7) * 0.5).astype(np.float32),
        "every-tap-adds": worst,
        "rings-beyond-the-ends": rings,
    }
