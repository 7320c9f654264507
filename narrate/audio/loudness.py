"""Podcast loudness for speech: measure, level, limit and trim, one chunk (paragraph) at a time.

The target is the podcast norm (shared/reference/podcast-standards.md, "Audio": Apple asks for
-16 LKFS +/-1 dB integrated and true peak <= -1 dBFS; AES TD1004 says the same ceiling).

What comes from where:

- integrated loudness of a chunk: pyloudnorm (ITU-R BS.1770-4), as is;
- the K-weighting filter of the levelling and of the streaming meter: pyloudnorm's coefficients,
  applied by :mod:`.kweighting` (FFT convolution with the filter's impulse response, keeping its state
  between feeds; the same output as ``scipy.signal.sosfilt`` to 1e-13, without importing scipy.signal);
- true peak: 4x oversampling (BS.1770-4 Annex 2) with our own windowed-sinc interpolator, run only
  where a peak can matter (:mod:`.truepeak`);
- the look-ahead true-peak limiter and the streaming gating are written here by hand: no
  Apache/BSD/MIT-licensed Python library does either well (pedalboard's limiter is GPL, which
  narrate, Apache-2.0, cannot ship).

The episode is streamed to the encoder, so nothing here needs more than one chunk in memory; the
streaming meter keeps one number per 100 ms of audio.
"""

from __future__ import annotations

import math
from array import array

import numpy as np

from .kweighting import KWeighting, k_weighted
from .truepeak import HALF, SPAN, PeakEnvelope, between, highest_over, run_bounds

# pyloudnorm and scipy are imported in the functions that use them: scipy takes a quarter of a second
# to import (scipy.signal half a second more: a build does not import it), and most commands never need it.

__all__ = [
    "CEILING_DBTP",
    "MP3_HEADROOM_DB",
    "TARGET_LUFS",
    "Leveler",
    "LoudnessMeter",
    "gated_loudness",
    "integrated_loudness",
    "limit",
    "trim_silence",
    "true_peak",
]

TARGET_LUFS = -16.0
"""Integrated loudness of an episode (Apple; AES TD1004 allows -16 to -20)."""
CEILING_DBTP = -1.0
"""Highest true peak allowed in the published file (Apple; AES TD1004)."""
MP3_HEADROOM_DB = 1.5
"""Margin kept below the ceiling before encoding, for what MP3 encoding does to the true peak.

Measured at 64 kbps CBR mono 44.1 kHz through :class:`narrate.audio.mp3writer.Mp3Writer` (LAME via lameenc),
decoded by ffmpeg, on chunks leveled and limited right to -1.0 dBTP, as decoded true peak minus
pre-encode true peak: hibari speech -0.33 to -0.13 dB; synthetic speech (harmonics, formants,
sibilants) about -0.4 dB; amplitude-modulated band noise up to +0.6 dB, and up to +1.4 dB when
limited hard. These include LAME's own input scaling: at 64 kbps its CBR preset multiplies the
input by 0.95 (-0.45 dB; not at 320 kbps), so the codec alone adds 0.45 dB more (hibari +0.31,
noise up to +1.9). 1.5 dB covers all of it for speech. Not covered, and not speech: clipped,
square-ish audio gains 3-4 dB (the codec shifts its harmonics' phases) but reaches the encoder
about 9 dB under the ceiling, its loudness setting its level; noise-like content pressed against
the ceiling by heavy limiting (dense peaks at the ceiling plus coding noise) gained up to 2.2 dB.
"""

_BLOCK = 0.4  # s, BS.1770 gating block
_HOPS_PER_BLOCK = 4  # 75 % overlap: a block is four 100 ms hops
_ABSOLUTE_GATE = -70.0  # LUFS
_RELATIVE_GATE = -10.0  # LU below the absolute-gated loudness
_LOUDNESS_OFFSET = -0.691  # BS.1770 eq. 2

# Limiter timing.
_LOOKAHEAD = 0.005  # s: gain reduction is complete this long before the peak that needs it
_RELEASE = 0.05  # s: time constant of the exponential return to unity gain (in dB)
_LIMIT_MARGIN_DB = 0.01  # the limiter aims this far under its ceiling, so float32 rounding never crosses it
_NEGLIGIBLE_DB = 1e-3  # the release ends (unity gain again) when the reduction falls under this
_MAX_PASSES = 8
_DB_TO_LN_GAIN = -math.log(10.0) / 20.0  # a reduction in dB times this is the log of its gain


def _as_mono(samples: np.ndarray, what: str = "samples") -> np.ndarray:
    """The samples as a 1-D float64 array; raises ValueError for anything else."""
    array_ = np.asarray(samples)
    if array_.ndim != 1:
        raise ValueError(f"{what} must be one channel (a 1-D array), not shape {array_.shape}")
    if array_.size and not np.issubdtype(array_.dtype, np.floating):
        raise ValueError(f"{what} must be floating point in [-1, 1], not {array_.dtype}")
    return array_.astype(np.float64, copy=False)


def _check_rate(rate: int) -> None:
    if not isinstance(rate, (int, np.integer)) or rate <= 0:
        raise ValueError(f"the sample rate must be a positive whole number of Hz, not {rate!r}")


def _check_finite(samples: np.ndarray) -> None:
    if not np.isfinite(samples).all():
        raise ValueError("samples contain NaN or infinity")


def _db_to_gain(db: float) -> float:
    return 10.0 ** (db / 20.0)


# --- measurement -----------------------------------------------------------------------------------


def integrated_loudness(samples: np.ndarray, rate: int) -> float | None:
    """BS.1770 integrated loudness in LUFS (pyloudnorm), or None when too short (< 0.4 s) or silent.

    "Silent" includes anything whose every 400 ms block is under the absolute gate (-70 LUFS).
    """
    import pyloudnorm

    _check_rate(rate)
    x = _as_mono(samples)
    if len(x) < _BLOCK * rate or not np.any(x):
        return None
    _check_finite(x)
    loudness = float(pyloudnorm.Meter(rate).integrated_loudness(x))
    return loudness if math.isfinite(loudness) else None


def gated_loudness(samples: np.ndarray, rate: int) -> float | None:
    """BS.1770 integrated loudness in LUFS, computed here in one filtering pass (pyloudnorm's
    K-weighting coefficients, the gating over 100 ms hops of :class:`LoudnessMeter`): what the
    levelling uses, within 0.01 LU of :func:`integrated_loudness` on speech and about three times
    faster. None when too short (< 0.4 s) or silent."""
    _check_rate(rate)
    x = _as_mono(samples)
    _check_finite(x)
    return _loudness_of(x, k_weighted(x, rate), rate)


def _loudness_of(x: np.ndarray, weighted: np.ndarray, rate: int) -> float | None:
    if len(x) < _BLOCK * rate or not np.any(x):
        return None
    return _gated_loudness(_chunk_hops(weighted, rate), rate)


def _hop_start(index: int | np.ndarray, rate: int) -> int | np.ndarray:
    """First sample of 100 ms hop ``index`` (exact also for rates not divisible by 10)."""
    return index * rate // 10


def _gated_loudness(hops: np.ndarray, rate: int) -> float | None:
    """BS.1770 gated loudness from the K-weighted energy (sum of squares) of consecutive 100 ms hops.

    Blocks are four hops (400 ms, 75 % overlap); absolute gate -70 LUFS, relative gate -10 LU.
    None when there is no complete block or no block passes the gates.
    """
    blocks = len(hops) - _HOPS_PER_BLOCK + 1
    if blocks <= 0:
        return None
    energy = hops[:blocks].copy()
    for k in range(1, _HOPS_PER_BLOCK):
        energy += hops[k : k + blocks]
    index = np.arange(blocks, dtype=np.int64)
    mean_square = energy / (_hop_start(index + _HOPS_PER_BLOCK, rate) - _hop_start(index, rate))
    with np.errstate(divide="ignore"):
        loudness = _LOUDNESS_OFFSET + 10.0 * np.log10(mean_square)
    gated = mean_square[loudness >= _ABSOLUTE_GATE]
    if not len(gated):
        return None
    relative = _LOUDNESS_OFFSET + 10.0 * math.log10(float(np.mean(gated))) + _RELATIVE_GATE
    gated = mean_square[(loudness > relative) & (loudness > _ABSOLUTE_GATE)]
    if not len(gated):
        return None
    return _LOUDNESS_OFFSET + 10.0 * math.log10(float(np.mean(gated)))


def _chunk_hops(weighted: np.ndarray, rate: int, gain: np.ndarray | None = None) -> np.ndarray:
    """Energy of each complete 100 ms hop of a K-weighted chunk (times ``gain``, per sample, if given)."""
    count = (10 * len(weighted) + 9) // rate  # hops that end inside the chunk
    if count <= 0:
        return np.zeros(0)
    end = _hop_start(count, rate)
    signal = weighted[:end] if gain is None else weighted[:end] * gain[:end]
    if rate % 10 == 0:  # hops of equal length: sums of squares of rows, without a running total
        rows = signal.reshape(count, rate // 10)
        return np.einsum("ij,ij->i", rows, rows)
    edges = _hop_start(np.arange(count, dtype=np.int64), rate)
    return np.add.reduceat(signal * signal, edges)


def true_peak(samples: np.ndarray, rate: int) -> float:
    """Maximum true peak in dBTP (4x oversampling, as BS.1770-4 Annex 2); -inf for silence.

    The signal is taken as preceded and followed by silence (as a file is), so the interpolated
    overshoot of an abrupt start or end counts. ``rate`` is checked but, as in Annex 2, the
    interpolator is the same at every rate.
    """
    _check_rate(rate)
    x = _as_mono(samples)
    if not np.any(x):
        return -math.inf
    _check_finite(x)
    peak = max(float(np.max(np.abs(x))), float(np.max(between(x))))
    return 20.0 * math.log10(peak)


def _excess_db(envelope: np.ndarray, ceiling: float, tolerance_db: float = 0.0) -> np.ndarray | None:
    """dB by which each sample's envelope exceeds ``ceiling`` (linear), 0 elsewhere.

    None when no sample exceeds it by more than ``tolerance_db``.
    """
    over = envelope > ceiling * _db_to_gain(tolerance_db)
    if not np.any(over):
        return None
    excess = np.zeros(len(envelope))
    excess[over] = 20.0 * np.log10(envelope[over] / ceiling)
    return excess


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """(start, stop) of each run of True in a boolean array."""
    starts, stops = run_bounds(mask)
    return list(zip(starts.tolist(), stops.tolist()))


# --- limiting --------------------------------------------------------------------------------------


class _Limiter:
    """Look-ahead true-peak limiter on whole chunks (hand-written; see the module docstring).

    For every sample, the gain reduction it needs (dB by which its true-peak envelope exceeds the
    ceiling) is held with an exponential release (time constant ``release``), then spread backwards
    over the look-ahead window (a forward running maximum) and smoothed by a triangular window of the
    same length, so the gain reaches every reduction in time and moves without steps. The result is
    checked by measuring the output's true peak, and any remaining excess (the interpolation of a
    gain that changes under a peak) is added to the requirement and the gain recomputed.

    Each chunk is limited on its own: a chunk starts at unity gain unless its first samples need
    reduction, and the release is not carried into the next chunk (the pause between paragraphs,
    written by the caller, is longer than the release).
    """

    _BLOCK = 32  # samples: the gain curve is computed on the maxima of blocks this long

    def __init__(self, rate: int, ceiling_dbtp: float, *, lookahead: float = _LOOKAHEAD, release: float = _RELEASE) -> None:
        _check_rate(rate)
        if not math.isfinite(ceiling_dbtp):
            raise ValueError(f"the ceiling must be a finite number of dBTP, not {ceiling_dbtp!r}")
        self.ceiling_dbtp = ceiling_dbtp
        self._window = max(2, round(lookahead * rate / self._BLOCK))  # in blocks
        self._decay = self._BLOCK / max(release * rate, 1.0)  # per block, natural-log units

    def process(
        self, x: np.ndarray, gain_db: float = 0.0, envelope: PeakEnvelope | None = None
    ) -> tuple[np.ndarray, np.ndarray | None]:
        """``x`` amplified by ``gain_db`` and limited (float64), and the limiter's gain per sample.

        The gain is None when no limiting was needed (the true peak was at most the ceiling).
        ``envelope`` is ``PeakEnvelope(x)`` when the caller has it already (it scales with the gain).
        """
        gain = _db_to_gain(gain_db)
        y = x * gain if gain_db else x
        if not len(x):
            return y, None
        if envelope is None:
            envelope = PeakEnvelope(x)
        ceiling = _db_to_gain(self.ceiling_dbtp) / gain  # in units of x
        aim = ceiling * _db_to_gain(-_LIMIT_MARGIN_DB)
        envelope_ = envelope.at(aim)
        if not np.any(envelope_ > ceiling):
            return y, None
        needed = _excess_db(envelope_, aim)
        if needed is None:  # cannot be: the envelope exceeds the ceiling, so also the aim under it
            return y, None
        for _ in range(_MAX_PASSES):
            reduction, active = self._reduction(needed)
            curve = np.exp(reduction * _DB_TO_LN_GAIN)  # 10 ** (-reduction / 20), twice as fast as np.power
            limited = y * curve
            # The gain moves under the interpolation window, so check the result itself (only
            # near samples whose gain changed); where a true peak is still over the aim, the
            # requirement is raised.
            excess = None
            for start, stop in self._changed(active, len(x)):
                lo, hi = max(0, start - SPAN), min(len(x), stop + SPAN)
                part = PeakEnvelope(limited[lo:hi]).at(aim * gain)[start - lo : stop - lo]
                over = _excess_db(part, aim * gain, _NEGLIGIBLE_DB)
                if over is not None:
                    if excess is None:
                        excess = np.zeros(len(x))
                    excess[start:stop] = over
            if excess is None:
                return limited, curve
            over = excess > 0.0
            needed[over] = np.maximum(needed[over], reduction[over] + excess[over] + _LIMIT_MARGIN_DB)
        # Not reached in practice; still, the ceiling is a promise: scale what is left over.
        curve *= _db_to_gain(-float(np.max(excess)) - _LIMIT_MARGIN_DB)
        return y * curve, curve

    def _changed(self, active: np.ndarray, n: int) -> list[tuple[int, int]]:
        """Sample ranges whose interpolated values can differ after a gain change in ``active`` blocks."""
        reach = HALF + 1
        ranges: list[tuple[int, int]] = []
        for first, last in _runs(active):
            start, stop = max(0, first * self._BLOCK - reach), min(n, last * self._BLOCK + reach)
            if ranges and start <= ranges[-1][1]:
                ranges[-1] = (ranges[-1][0], stop)
            else:
                ranges.append((start, stop))
        return ranges

    def _reduction(self, needed: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Gain reduction in dB per sample (at least ``needed`` everywhere, changing smoothly), and
        which 32-sample blocks have any.

        Computed on block maxima (32 samples, under 1 ms: far shorter than attack and release)
        and interpolated back, so it costs little more than one pass over the chunk.
        """
        import scipy.ndimage

        n = len(needed)
        size = self._BLOCK
        count = -(-n // size)
        where = np.flatnonzero(needed)
        blocks = np.zeros(count)
        if len(where):
            owner = where // size
            firsts = np.flatnonzero(np.diff(owner, prepend=-1))
            blocks[owner[firsts]] = np.maximum.reduceat(needed[where], firsts)
        # Peak hold with exponential release: held[j] = max over k <= j of blocks[k] * exp(-(j-k) a),
        # computed in the log domain as a running maximum (no per-block Python loop).
        ramp = np.arange(count, dtype=np.float64) * self._decay
        with np.errstate(divide="ignore"):
            held = np.exp(np.maximum.accumulate(np.log(blocks) + ramp) - ramp)
        small = held < _NEGLIGIBLE_DB
        held[small] = blocks[small]  # cut the endless tail of the release
        # Look-ahead: each value spreads to the `window` blocks before it ...
        window = self._window
        ahead = scipy.ndimage.maximum_filter1d(held, size=window, origin=-(window // 2), mode="constant", cval=0.0)
        # ... and two causal moving averages (total span `window`) make the ramp a smooth S. Each
        # output averages values of `ahead` that all cover the block, so it is never below `held`.
        first = (window + 1) // 2
        second = window + 1 - first
        smooth = scipy.ndimage.uniform_filter1d(ahead, size=first, origin=(first - 1) // 2, mode="nearest")
        smooth = scipy.ndimage.uniform_filter1d(smooth, size=second, origin=(second - 1) // 2, mode="nearest")
        smooth = np.maximum(smooth, held)  # float rounding of the averages must never undercut
        # Per sample: linear from the block's start to its end, each edge taking the larger of the
        # two blocks it joins, so no sample goes under its own block's value.
        edges = np.maximum(np.concatenate(([0.0], smooth)), np.concatenate((smooth, [0.0])))
        edges[0], edges[-1] = smooth[0], smooth[-1]
        ramp = np.arange(size, dtype=np.float64) / size
        reduction = edges[:-1, None] + (edges[1:] - edges[:-1])[:, None] * ramp[None, :]
        return reduction.reshape(-1)[:n], (edges[:-1] > 0.0) | (edges[1:] > 0.0)


def limit(samples: np.ndarray, rate: int, ceiling_dbtp: float) -> np.ndarray:
    """A look-ahead true-peak limiter (hand-written: no permissively licensed one does this well).

    Smooth gain reduction: it starts 5 ms ahead of a peak (the look-ahead) and releases with a
    50 ms time constant. The output's true peak (as :func:`true_peak` measures it) never exceeds
    ``ceiling_dbtp``; input already at or below the ceiling comes back unchanged (a copy). Same
    length; float32 in, float32 out (other float types give float64).
    """
    _check_rate(rate)
    x = _as_mono(samples)
    _check_finite(x)
    y, _ = _Limiter(rate, ceiling_dbtp).process(x)
    out_dtype = np.float32 if np.asarray(samples).dtype == np.float32 else np.float64
    return np.array(y, dtype=out_dtype, copy=True)


# --- leveling --------------------------------------------------------------------------------------


class Leveler:
    """Brings each chunk to the target loudness, then limits true peaks, keeping state between chunks.

    The gain of a chunk is ``target - loudness`` (BS.1770, gated, so pauses inside it do not count);
    a chunk too short (< 0.4 s) or too quiet to measure gets the previous chunk's gain (0 dB for the
    first). The gain is capped at ``max_gain_db`` so a chunk of near-silence is not blown up to full
    loudness. True peaks are then limited to ``ceiling_dbtp - headroom_db``; the headroom is what MP3
    encoding adds to the true peak (see :data:`MP3_HEADROOM_DB`).

    Limiting lowers a chunk's loudness, by up to several LU for speech whose loud syllables all
    peak high. So the first try adds most of the make-up gain the last chunk needed, and when the
    limited chunk is more than 0.1 LU off the target, the gain is moved (secant steps, at most five
    more tries, between ``target - loudness`` and 12 dB over it) and the chunk limited again. A chunk
    that would need more than that stays under the target (it is never over the ceiling).

    Each call handles one chunk and keeps only two gains from it, so an episode can be streamed
    through it.
    """

    _MAKEUP_TOLERANCE = 0.1  # LU: a limited chunk this close to the target is left as it is
    _MAKEUP_TRIES = 5  # gains tried after the first one
    _MAKEUP_MAX_DB = 12.0  # at most this much gain above ``target - loudness`` to make up for limiting
    _MAKEUP_CARRY = 0.8  # the share of the last chunk's make-up gain the next chunk's first try adds

    def __init__(
        self,
        rate: int,
        target_lufs: float = TARGET_LUFS,
        ceiling_dbtp: float = CEILING_DBTP,
        headroom_db: float = MP3_HEADROOM_DB,
        max_gain_db: float = 40.0,
    ) -> None:
        _check_rate(rate)
        for name, value in (("target_lufs", target_lufs), ("ceiling_dbtp", ceiling_dbtp)):
            if not math.isfinite(value):
                raise ValueError(f"{name} must be a finite number, not {value!r}")
        if not (math.isfinite(headroom_db) and headroom_db >= 0):
            raise ValueError(f"headroom_db must be zero or more, not {headroom_db!r}")
        if not (math.isfinite(max_gain_db) and max_gain_db >= 0):
            raise ValueError(f"max_gain_db must be zero or more, not {max_gain_db!r}")
        self.rate = rate
        self.target_lufs = target_lufs
        self.ceiling_dbtp = ceiling_dbtp
        self.headroom_db = headroom_db
        self.max_gain_db = max_gain_db
        self.gain_db = 0.0
        """The gain applied to the last chunk (before limiting), in dB."""
        self._limiter = _Limiter(rate, ceiling_dbtp - headroom_db)
        self._makeup_db = 0.0  # the make-up gain the last measured chunk needed

    def process(self, samples: np.ndarray) -> np.ndarray:
        """The chunk leveled and limited: float32, same length."""
        x = _as_mono(samples)
        if not len(x):
            return np.zeros(0, dtype=np.float32)
        _check_finite(x)
        weighted = k_weighted(x, self.rate)  # once: for the loudness and for every make-up try
        loudness = _loudness_of(x, weighted, self.rate)
        if loudness is None:
            y, _ = self._limiter.process(x, self.gain_db, PeakEnvelope(x))
            return y.astype(np.float32)
        self.gain_db = min(self.target_lufs - loudness, self.max_gain_db)
        # The first try adds most of the make-up the last chunk needed (a narrator's chunks peak alike),
        # so that one limiting pass usually lands within the tolerance.
        first = min(self.gain_db + self._MAKEUP_CARRY * self._makeup_db, self.max_gain_db)
        envelope = PeakEnvelope(x)
        y, curve = self._limiter.process(x, first, envelope)
        if curve is None and first == self.gain_db:
            self._makeup_db = 0.0
            return y.astype(np.float32)
        y, used = self._make_up(x, weighted, envelope, first, y, curve)
        self._makeup_db = used - self.gain_db
        return y.astype(np.float32)

    def _make_up(
        self, x: np.ndarray, weighted: np.ndarray, envelope: PeakEnvelope, first: float, y: np.ndarray,
        curve: np.ndarray | None,
    ) -> tuple[np.ndarray, float]:
        """The gain between ``target - loudness`` and 12 dB over it that brings the limited chunk to
        the target (secant steps from ``first``, the gain ``y`` was limited at), and that gain.

        Limiting takes loudness away, and raising the gain gives back only part of what it adds
        (the limiter takes the rest), so the slope measured between tries sets the next step. The
        loudness of each try is estimated from the K-weighted input times the gain curve (the
        curve moves over milliseconds, the filter's response is shorter), without filtering again.
        """

        def estimate(gain_db: float, curve: np.ndarray | None) -> float | None:
            return _gated_loudness(_chunk_hops(weighted, self.rate, curve) * _db_to_gain(2.0 * gain_db), self.rate)

        target, lowest = self.target_lufs, self.gain_db
        highest = min(self.gain_db + self._MAKEUP_MAX_DB, self.max_gain_db)
        tries = [(first, estimate(first, curve), y)]
        for _ in range(self._MAKEUP_TRIES):
            gain, loudness, _ = tries[-1]
            if loudness is None or abs(target - loudness) <= self._MAKEUP_TOLERANCE:
                break
            slope = 1.0
            if len(tries) > 1:
                (gain0, loudness0, _), (gain1, loudness1, _) = tries[-2], tries[-1]
                if loudness0 is not None and gain1 != gain0:
                    slope = min(max((loudness1 - loudness0) / (gain1 - gain0), 0.2), 1.0)
            step = min(max(gain + (target - loudness) / slope, lowest), highest)
            if abs(step - gain) <= 0.01:
                break
            limited, curve = self._limiter.process(x, step, envelope)
            tries.append((step, estimate(step, curve), limited))
        measured = [t for t in tries if t[1] is not None]
        if not measured:
            return y, first
        best = min(measured, key=lambda t: abs(target - t[1]))
        return best[2], best[0]


# --- streaming measurement -------------------------------------------------------------------------


class LoudnessMeter:
    """Streaming BS.1770-4 meter: integrated loudness and true peak of everything fed to it.

    ``feed()`` the episode's samples as they go to the encoder, in pieces of any size; read
    :meth:`integrated` and :meth:`true_peak` at the end (or at any time). The K-weighting filter
    (pyloudnorm's coefficients) keeps its state across feeds; the gating (400 ms blocks with 75 %
    overlap, absolute gate -70 LUFS, relative gate -10 LU) is hand-written over the mean square of
    each 100 ms hop, so memory grows by one number per 100 ms of audio and the signal itself is never
    kept (only the last 32 samples, for the true-peak interpolator).
    """

    def __init__(self, rate: int) -> None:
        _check_rate(rate)
        self.rate = rate
        self._k_weighting = KWeighting(rate)  # keeps its state across feeds
        self._hop_energy = array("d")  # sum of squares of each complete 100 ms hop, K-weighted
        self._partial = 0.0  # sum of squares of the hop being filled
        self._fed = 0  # samples fed
        self._tail = np.zeros(SPAN)  # last input samples, for interpolating across feeds
        self._peak = 0.0  # highest absolute interpolated value so far

    @property
    def duration(self) -> float:
        """Seconds fed so far."""
        return self._fed / self.rate

    def feed(self, samples: np.ndarray) -> None:
        x = _as_mono(samples)
        if not len(x):
            return
        _check_finite(x)
        self._track_peak(x)
        weighted = self._k_weighting(x)
        start, end = self._fed, self._fed + len(x)
        squared = weighted * weighted
        first = len(self._hop_energy) + 1  # the hop that ends next
        last = (10 * end + 9) // self.rate  # highest index whose start is <= end
        ends = _hop_start(np.arange(first, last + 1, dtype=np.int64), self.rate) - start
        # sums between the hops' ends (all > 0): the hops that end here, then what is left of the next
        sums = np.add.reduceat(squared, np.concatenate(([0], ends[ends < len(x)])))
        sums[0] += self._partial
        if len(ends) and ends[-1] == len(x):
            self._hop_energy.extend(sums.tolist())
            self._partial = 0.0
        else:
            self._hop_energy.extend(sums[:-1].tolist())
            self._partial = float(sums[-1])
        self._fed = end

    def _track_peak(self, x: np.ndarray) -> None:
        self._peak = max(self._peak, float(np.max(np.abs(x))))
        joined = np.concatenate((self._tail, x))
        # Only the samples whose envelope lies wholly in `joined` (an interpolated value reaches 16
        # samples each side): the envelopes of samples 16 to len - 18; the rest are computed with the
        # next feed (or, at the end, with silence after the signal, by true_peak()).
        self._peak = highest_over(joined, self._peak, HALF, len(joined) - HALF - 1)
        self._tail = joined[-SPAN:].copy()

    def integrated(self) -> float | None:
        """Gated integrated loudness (LUFS) of everything fed, or None if < 0.4 s or silent."""
        return _gated_loudness(np.frombuffer(self._hop_energy, dtype=np.float64), self.rate)

    def true_peak(self) -> float:
        """Highest true peak (dBTP) of everything fed, silence assumed after it; -inf for silence."""
        peak = self._peak
        if np.any(self._tail):  # the interpolation across the end of the signal
            joined = np.concatenate((self._tail, np.zeros(SPAN)))
            peak = max(peak, float(np.max(between(joined)[SPAN - 1 :])))
        return 20.0 * math.log10(peak) if peak > 0.0 else -math.inf


# --- trimming --------------------------------------------------------------------------------------

_TRIM_FRAME = 0.01  # s


def trim_silence(samples: np.ndarray, rate: int, *, threshold_db: float = -50.0, keep: float = 0.0) -> np.ndarray:
    """The samples without leading and trailing silence, keeping ``keep`` seconds at each end.

    Silence is judged on 10 ms frames: a frame is silent when its RMS is below ``threshold_db``
    (dB relative to full scale). Only the ends are cut, at frame boundaries; silence inside is
    kept. All-silent input gives an empty array. The result is a view of the input.
    """
    _check_rate(rate)
    if not (math.isfinite(keep) and keep >= 0):
        raise ValueError(f"keep must be zero or more seconds, not {keep!r}")
    array_ = np.asarray(samples)
    x = _as_mono(array_)
    n = len(x)
    if not n:
        return array_[:0]
    frame = max(1, round(_TRIM_FRAME * rate))
    count = -(-n // frame)
    padded = np.zeros(count * frame)
    padded[:n] = x
    power = np.mean(np.square(padded.reshape(count, frame)), axis=1)
    power[-1] *= frame / (n - (count - 1) * frame)  # the last frame may be short
    loud = np.flatnonzero(power >= 10.0 ** (threshold_db / 10.0))
    if not len(loud):
        return array_[:0]
    margin = round(keep * rate)
    start = max(0, int(loud[0]) * frame - margin)
    stop = min(n, (int(loud[-1]) + 1) * frame + margin)
    return array_[start:stop]
