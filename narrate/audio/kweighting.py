"""The BS.1770 K-weighting filter (a high shelf, then a high pass) without scipy.signal.

The coefficients are pyloudnorm's (its ``Meter`` builds the two RBJ-cookbook biquads computed here the
same way, to the last bit). The filter runs as a convolution with its impulse response, by FFT in
blocks, keeping what spills over into the next block, so it streams like ``sosfilt`` with state. The
impulse response dies out within about 0.2 s (it is cut where it stays under 1e-20 of its peak), so
the output matches ``scipy.signal.sosfilt`` to about 1e-13 (tests/audio/test_kweighting.py). It takes
about twice sosfilt's CPU (14 ms against 8 ms a minute of 24 kHz audio; 0.3 s over the seed's audio work).

Why not ``sosfilt``: importing scipy.signal costs about 0.45 s of pure-Python work (it imports
scipy.stats and more) and was the largest single import of a build, taken while the engine needs the
interpreter to start speaking: the whole seed build is 0.37 s faster this way (median of 10 interleaved
runs each; README, "Performance"). Other compiled routes were slower still: LAPACK's banded triangular
solve (``dtbtrs``/``dtbsv``: 33-45 ms a minute), and numpy has no recursive filter.
"""

from __future__ import annotations

import functools

import numpy as np

__all__ = ["KWeighting", "biquads", "k_weighted"]

_BLOCK_FACTOR = 8  # an FFT covers about this many impulse responses of input: memory stays bounded
_TAIL_FLOOR = 1e-20  # the impulse response is cut where it stays under this (relative to its peak)
_STEP = 1024  # samples of impulse response computed at a time
_MAX_SECONDS = 2.0  # never longer than this (it needs about 0.2 s)


def biquads(rate: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """``(b, a)`` of the high shelf and the high pass, normalised to ``a[0] == 1``: pyloudnorm's
    K-weighting at ``rate`` (``IIRfilter(4.0, 1/sqrt(2), 1500.0, rate, "high_shelf")`` and
    ``IIRfilter(0.0, 0.5, 38.0, rate, "high_pass")``, both with a pass-band gain of 1)."""
    return [_biquad(4.0, 1 / np.sqrt(2), 1500.0, rate, shelf=True), _biquad(0.0, 0.5, 38.0, rate, shelf=False)]


def _biquad(gain_db: float, q: float, fc: float, rate: int, *, shelf: bool) -> tuple[np.ndarray, np.ndarray]:
    # The same float64 operations in the same order as pyloudnorm's IIRfilter.generate_coefficients.
    A = 10 ** (gain_db / 40.0)
    w0 = 2.0 * np.pi * (fc / rate)
    alpha = np.sin(w0) / (2.0 * q)
    if shelf:
        b0 = A * ((A + 1) + (A - 1) * np.cos(w0) + 2 * np.sqrt(A) * alpha)
        b1 = -2 * A * ((A - 1) + (A + 1) * np.cos(w0))
        b2 = A * ((A + 1) + (A - 1) * np.cos(w0) - 2 * np.sqrt(A) * alpha)
        a0 = (A + 1) - (A - 1) * np.cos(w0) + 2 * np.sqrt(A) * alpha
        a1 = 2 * ((A - 1) - (A + 1) * np.cos(w0))
        a2 = (A + 1) - (A - 1) * np.cos(w0) - 2 * np.sqrt(A) * alpha
    else:
        b0 = (1 + np.cos(w0)) / 2
        b1 = -(1 + np.cos(w0))
        b2 = (1 + np.cos(w0)) / 2
        a0 = 1 + alpha
        a1 = -2 * np.cos(w0)
        a2 = 1 - alpha
    return np.array([b0, b1, b2]) / a0, np.array([a0, a1, a2]) / a0


@functools.cache
def _impulse_response(rate: int) -> np.ndarray:
    """The two stages' impulse response, until it stays under ``_TAIL_FLOOR`` of its peak."""
    stages = [(tuple(map(float, b)), tuple(map(float, a))) for b, a in biquads(rate)]
    state = [[0.0, 0.0, 0.0, 0.0] for _ in stages]  # x[n-1], x[n-2], y[n-1], y[n-2] of each stage
    out: list[float] = []
    peak = 0.0
    limit = int(_MAX_SECONDS * rate)
    while len(out) < limit:
        block = []
        for n in range(len(out), len(out) + _STEP):
            value = 1.0 if n == 0 else 0.0
            for ((b0, b1, b2), (_, a1, a2)), s in zip(stages, state):
                y = b0 * value + b1 * s[0] + b2 * s[1] - a1 * s[2] - a2 * s[3]
                s[1], s[0], s[3], s[2] = s[0], value, s[2], y
                value = y
            block.append(value)
        out += block
        loudest = max(abs(v) for v in block)
        peak = max(peak, loudest)
        if loudest < _TAIL_FLOOR * peak:
            break
    response = np.array(out)
    above = np.flatnonzero(np.abs(response) >= _TAIL_FLOOR * peak)
    return response[: above[-1] + 1]


@functools.lru_cache(maxsize=8)
def _spectrum(rate: int, size: int) -> np.ndarray:
    return np.fft.rfft(_impulse_response(rate), size)


def _fft_size(n: int) -> int:
    """A fast FFT length of at least ``n``: the smallest of 2^k, 3 * 2^k and 5 * 2^k that holds it."""
    power = 1 << max(0, (n - 1).bit_length())  # the smallest power of two >= n
    return next(size for size in (power * 5 // 8, power * 3 // 4, power) if size >= n)


class KWeighting:
    """The K-weighting filter with its state: each call filters the next samples of one signal,
    starting from rest (silence before the first sample)."""

    def __init__(self, rate: int) -> None:
        self.rate = rate
        spill = len(_impulse_response(rate)) - 1
        self._carry = np.zeros(spill)  # what earlier samples add to the next ones
        self._block = _fft_size(_BLOCK_FACTOR * spill + 1) - spill  # each FFT a fast length, filled

    def __call__(self, samples: np.ndarray) -> np.ndarray:
        x = np.asarray(samples, dtype=np.float64)
        out = np.empty(len(x))
        spill = len(self._carry)
        for start in range(0, len(x), self._block):
            block = x[start : start + self._block]
            n = len(block)
            size = _fft_size(n + spill)
            full = np.fft.irfft(np.fft.rfft(block, size) * _spectrum(self.rate, size), size)[: n + spill]
            full[:spill] += self._carry
            out[start : start + n] = full[:n]
            self._carry = full[n:].copy()  # not a view: it would keep the whole FFT buffer
        return out


def k_weighted(samples: np.ndarray, rate: int) -> np.ndarray:
    """``samples`` K-weighted (float64), starting from rest."""
    return KWeighting(rate)(samples)
