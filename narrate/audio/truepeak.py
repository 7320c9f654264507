"""True peak (BS.1770-4 Annex 2: 4x oversampling), and where it is worth computing.

The interpolator is a Kaiser-windowed sinc of 129 taps, longer than the Annex's 48 so that it agrees
with ffmpeg's ``ebur128=peak=true`` (which resamples to 192 kHz) to within its 0.1 dB display
resolution on speech. Interpolating everything costs more than the rest of the levelling, and only
the peaks near a level matter (the limiter's ceiling, the meter's highest peak so far), so
:class:`PeakEnvelope` and :func:`highest_over` screen first: block maxima times the most the taps can
add, then :func:`between_bound` (the nearest taps plus a bound of the rest), and interpolate only
where the screens let a value through. Hand-written: no library interpolates only where needed.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable

import numpy as np

__all__ = ["HALF", "SPAN", "PeakEnvelope", "between", "between_bound", "highest_over", "lowpass_taps",
           "peak_envelope", "phases", "run_bounds"]

# True-peak interpolator: 4x oversampling (BS.1770-4 Annex 2) with a Kaiser-windowed sinc of 129
# taps, split into its four phases. Phase 0 is the samples themselves (so the true peak is never
# below the sample peak); phases 1-3, 32 taps each (16 input samples either side), give the three
# values between two samples. Each phase has unity gain at DC.
_OVERSAMPLE = 4
HALF = 16
SPAN = 2 * HALF  # taps per phase


def lowpass_taps(count: int, cutoff: float, beta: float) -> np.ndarray:
    """A Kaiser-windowed sinc low-pass, ``scipy.signal.firwin(count, cutoff, window=("kaiser", beta))``
    computed with numpy (tests/audio/test_loudness.py checks they agree): scipy.signal's import costs
    half a second."""
    m = np.arange(count) - 0.5 * (count - 1)
    taps = cutoff * np.sinc(cutoff * m) * np.kaiser(count, beta)
    return taps / taps.sum()


@functools.cache
def phases() -> np.ndarray:
    """The interpolator's three phases between samples, :data:`SPAN` taps each, unity gain at DC (float32)."""
    taps = lowpass_taps(2 * _OVERSAMPLE * HALF + 1, 1.0 / _OVERSAMPLE, 8.0)
    split = np.array([taps[p :: _OVERSAMPLE][:SPAN] for p in range(1, _OVERSAMPLE)], dtype=np.float64)
    return (split / split.sum(axis=1, keepdims=True)).astype(np.float32)


def between(x: np.ndarray) -> np.ndarray:
    """Absolute interpolated values between samples, the highest of the three per interval.

    Index ``n + HALF`` is the interval from ``x[n]`` to ``x[n + 1]``, for n from ``-HALF``
    (the signal is taken as preceded and followed by silence) to ``len(x) + HALF - 2``.
    """
    x = x.astype(np.float32)  # twice as fast as float64; its 1e-7 relative error is 1e-6 dB
    highest = np.abs(np.convolve(x, phases()[0]))
    for phase in phases()[1:]:
        np.maximum(highest, np.abs(np.convolve(x, phase)), out=highest)
    return highest


def peak_envelope(x: np.ndarray) -> np.ndarray:
    """For each sample, the highest absolute interpolated value within one sample of it.

    Covers every interpolated value (the overshoot before the first and after the last sample goes
    to the first and last sample), so ``max(envelope) == 10 ** (true_peak / 20)``.
    """
    return _envelope_from(x, between(x))


def _envelope_from(x: np.ndarray, values: np.ndarray) -> np.ndarray:
    """:func:`peak_envelope` from ``values`` (:func:`between` of ``x``, or a bound of it)."""
    n = len(x)
    envelope = np.abs(x).astype(np.float32)
    after = values[HALF : HALF + n]  # from each sample to the next
    np.maximum(envelope, after, out=envelope)
    np.maximum(envelope[1:], after[:-1], out=envelope[1:])  # from the previous sample to each
    envelope[0] = max(envelope[0], float(values[:HALF].max()))
    envelope[-1] = max(envelope[-1], float(values[HALF + n - 1 :].max()))
    return envelope


@functools.cache
def _tp_gain() -> float:
    """The most an interpolated value can exceed the largest sample in its window: the largest sum of
    absolute taps of a phase (about 2.4, +7.6 dB). Where ``gain * max|x|`` over a window stays under a
    level, no true peak there can reach it, so the interpolator need not run there."""
    return float(np.abs(phases().astype(np.float64)).sum(axis=1).max()) * (1.0 + 1e-6)


_HOT_BLOCK = 256  # samples; >= SPAN + 2, so a block's interpolation reaches only its two neighbours


def _hot_blocks(magnitude: np.ndarray, floor: float) -> np.ndarray:
    """Which blocks of :data:`_HOT_BLOCK` samples can hold an interpolated value (between two
    samples, or at a sample) above ``floor``: those whose own or neighbours' largest sample, times
    :func:`_tp_gain`, exceeds it. ``magnitude`` is ``abs(x)``."""
    n = len(magnitude)
    size = _HOT_BLOCK
    count = -(-n // size)
    padded = np.zeros(count * size, dtype=magnitude.dtype)
    padded[:n] = magnitude
    hot = padded.reshape(count, size).max(axis=1) * _tp_gain() > floor
    near = hot.copy()
    near[1:] |= hot[:-1]
    near[:-1] |= hot[1:]
    return near


def _hot_runs(magnitude: np.ndarray, floor: float, first: int = 0, last: int | None = None
              ) -> tuple[np.ndarray, np.ndarray]:
    """Starts and stops of the sample runs, within ``[first, last)``, outside which no interpolated
    value can exceed ``floor`` (:func:`_hot_blocks`)."""
    starts, stops = run_bounds(_hot_blocks(magnitude, floor))
    starts = np.maximum(starts * _HOT_BLOCK, first)
    stops = np.minimum(stops * _HOT_BLOCK, len(magnitude) if last is None else last)
    keep = starts < stops
    return starts[keep], stops[keep]


# Screening. An interpolated value is mostly the work of the taps nearest its interval: the 10 nearest
# give most of it, and the other 22 add at most the sum of their absolute values (0.22 at most) times
# the largest sample they reach. numpy convolves with up to 11 taps about four times faster than with
# 32, so this bound costs half the interpolation (taking the maxima), and the interpolator then runs
# only where the bound comes over the level that matters: on the seed's levelled speech, a quarter of
# the samples the cruder screen of _hot_blocks lets through (the interpolator's work over a build
# 0.59 -> 0.12 s, levelling and the meter 1.40 -> 1.18 CPU s).
_NEAR_HALF = 5
_EXACT_BLOCK = 64  # samples: the interpolator runs on runs of blocks this long whose bound is over the level


@functools.cache
def _near_phases() -> tuple[np.ndarray, float]:
    """The ``2 * _NEAR_HALF`` taps of each phase nearest its interval, and the most the other taps can
    add per unit of the largest sample they reach (with a margin for float32 rounding of both sums)."""
    taps = phases().astype(np.float64)
    near = taps[:, HALF - _NEAR_HALF : HALF + _NEAR_HALF]
    rest = np.abs(taps).sum(axis=1) - np.abs(near).sum(axis=1)
    return near.astype(np.float32), float(rest.max()) + 1e-5


def between_bound(x: np.ndarray) -> np.ndarray:
    """An upper bound of :func:`between` (same indexing): the nearest taps' value plus the most the
    others can add (:func:`_near_phases`)."""
    x = x.astype(np.float32, copy=False)
    near, rest = _near_phases()
    n = len(x)
    span = SPAN
    count = -(-(n + 2 * span) // span)
    bound = np.zeros(count * span, dtype=np.float32)
    # np.convolve(x, near) index j is between-index j + HALF - _NEAR_HALF
    offset = HALF - _NEAR_HALF
    nearest = bound[offset : offset + n + 2 * _NEAR_HALF - 1]
    for phase in near:
        value = np.convolve(x, phase)
        np.abs(value, out=value)
        np.maximum(nearest, value, out=nearest)
    # between-index m reaches x[m - 31 .. m]: padded[m .. m + 31], within blocks m // 32 and m // 32 + 1
    padded = np.zeros((count + 1) * span, dtype=np.float32)
    np.abs(x, out=padded[span - 1 : span - 1 + n])
    blocks = padded.reshape(-1, span).max(axis=1)
    reach = np.maximum(blocks[:-1], blocks[1:])
    reach *= np.float32(rest)
    bound.reshape(count, span)[...] += reach[:, None]
    return bound[: n + span - 1]


def _block_runs(mask: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Starts and stops of the runs of ``size``-sample blocks holding any True of ``mask``, as sample
    ranges (the last one ending at ``len(mask)``)."""
    n = len(mask)
    count = -(-n // size)
    padded = np.zeros(count * size, dtype=bool)
    padded[:n] = mask
    starts, stops = run_bounds(padded.reshape(count, size).any(axis=1))
    return starts * size, np.minimum(stops * size, n)


_CONTEXT = SPAN  # samples each side of a run that its envelope (and the edges' overshoot) reads


def _run_envelopes(
    padded: np.ndarray, starts: np.ndarray, stops: np.ndarray, interpolate: Callable[[np.ndarray], np.ndarray]
) -> tuple[np.ndarray, float, float]:
    """The envelope (computed with ``interpolate``: :func:`between` or :func:`between_bound`) of the
    samples ``padded[starts[i]:stops[i]]``, the runs one after another, in one pass over them all;
    and the highest interpolated value in the :data:`HALF` samples before the first run and after
    the last (the overshoot into silence, where a run is at an end of the signal and ``padded`` has
    zeros there). ``padded`` holds :data:`_CONTEXT` samples each side of every run."""
    lengths = (stops - starts).tolist()
    pieces = [padded[start - _CONTEXT : stop + _CONTEXT] for start, stop in zip(starts.tolist(), stops.tolist())]
    joined = np.concatenate(pieces) if len(pieces) != 1 else pieces[0]
    # Runs sit side by side: a run's samples interpolate from its own context only (it reaches 16
    # samples), so the neighbours do not bleed in.
    envelope = _envelope_from(joined, interpolate(joined))
    values = []
    position = _CONTEXT
    for length in lengths:
        values.append(envelope[position : position + length])
        position += length + 2 * _CONTEXT
    before = float(envelope[_CONTEXT - HALF : _CONTEXT].max())
    after = float(envelope[len(joined) - _CONTEXT : len(joined) - _CONTEXT + HALF].max())
    return (np.concatenate(values) if len(values) != 1 else values[0]), before, after


class PeakEnvelope:
    """:func:`peak_envelope` of a chunk, computed only where it can matter.

    ``at(floor)`` is exact wherever the true envelope exceeds ``floor`` and ``abs(x)`` (never more
    than ``floor`` there) elsewhere, so comparisons with any level at or above ``floor`` come out as
    with the whole envelope. Two screens decide where to interpolate: block maxima
    (:func:`_hot_blocks`), then the bound of :func:`between_bound`. A lower floor later screens
    again and interpolates only samples not interpolated yet.
    """

    def __init__(self, x: np.ndarray) -> None:
        n = len(x)
        self._padded = np.zeros(n + 2 * _CONTEXT, dtype=np.float32)  # silence around the chunk
        self._padded[_CONTEXT : _CONTEXT + n] = x
        self._magnitude = np.abs(self._padded[_CONTEXT : _CONTEXT + n])
        self._envelope = self._magnitude.copy()
        self._exact = np.zeros(n, dtype=bool)
        self._floor = math.inf

    def at(self, floor: float) -> np.ndarray:
        if floor >= self._floor:
            return self._envelope
        self._floor = floor
        n = len(self._envelope)
        starts, stops = _hot_runs(self._magnitude, floor)
        if not len(starts):
            return self._envelope
        bound, before, after = _run_envelopes(self._padded, starts + _CONTEXT, stops + _CONTEXT, between_bound)
        over = np.zeros(n, dtype=bool)
        position = 0
        for start, stop in zip(starts.tolist(), stops.tolist()):
            np.greater(bound[position : position + stop - start], floor, out=over[start:stop])
            position += stop - start
        # the first and last samples also carry the overshoot into the silence around the chunk
        over[0] |= bool(starts[0] == 0 and before > floor)
        over[-1] |= bool(stops[-1] == n and after > floor)
        over &= ~self._exact
        starts, stops = _block_runs(over, _EXACT_BLOCK)
        if not len(starts):
            return self._envelope
        exact, before, after = _run_envelopes(self._padded, starts + _CONTEXT, stops + _CONTEXT, between)
        position = 0
        for start, stop in zip(starts.tolist(), stops.tolist()):
            self._envelope[start:stop] = exact[position : position + stop - start]
            self._exact[start:stop] = True
            position += stop - start
        if starts[0] == 0:
            self._envelope[0] = max(self._envelope[0], before)
        if stops[-1] == n:
            self._envelope[-1] = max(self._envelope[-1], after)
        return self._envelope


def highest_over(x: np.ndarray, level: float, first: int, last: int) -> float:
    """The highest interpolated value within one sample of ``x[first:last]``, when it exceeds ``level``;
    else ``level``. Each of those samples' envelopes must lie within ``x`` (``first >= HALF`` and
    ``last <= len(x) - HALF - 1``): the streaming meter passes the tail of the last feed and this one.
    Interpolates only where the screens let a value over ``level`` through."""
    starts, stops = _hot_runs(np.abs(x), level, first, last)
    if not len(starts):
        return level
    padded = np.concatenate((np.zeros(_CONTEXT, np.float32), x, np.zeros(_CONTEXT, np.float32)))
    bound, _, _ = _run_envelopes(padded, starts + _CONTEXT, stops + _CONTEXT, between_bound)
    over = np.zeros(len(x), dtype=bool)
    position = 0
    for start, stop in zip(starts.tolist(), stops.tolist()):
        np.greater(bound[position : position + stop - start], level, out=over[start:stop])
        position += stop - start
    starts, stops = _block_runs(over, _EXACT_BLOCK)
    if not len(starts):
        return level
    starts, stops = np.maximum(starts, first), np.minimum(stops, last)
    exact, _, _ = _run_envelopes(padded, starts + _CONTEXT, stops + _CONTEXT, between)
    return max(level, float(exact.max()))


def run_bounds(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Starts and stops of the runs of True in a boolean array."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], mask.view(np.int8), [0]))))
    return edges[0::2], edges[1::2]
