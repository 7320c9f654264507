"""The K-weighting filter without scipy.signal: pyloudnorm's coefficients, sosfilt's output, streamed."""

from __future__ import annotations

import numpy as np
import pyloudnorm
import pytest
import scipy.signal

from narrate.audio.kweighting import KWeighting, _impulse_response, biquads, k_weighted

RATES = [8000, 16000, 22050, 24000, 32000, 44100, 48000, 96000, 192000]


def sosfilt_k(samples: np.ndarray, rate: int) -> np.ndarray:
    """pyloudnorm's own filters, run by scipy.signal (the reference)."""
    sos = [np.concatenate((stage.b * stage.passband_gain, stage.a)) for stage in pyloudnorm.Meter(rate)._filters.values()]
    return scipy.signal.sosfilt(np.array(sos), samples)


@pytest.mark.parametrize("rate", RATES)
def test_coefficients_are_pyloudnorms_to_the_last_bit(rate: int) -> None:
    theirs = list(pyloudnorm.Meter(rate)._filters.values())
    ours = biquads(rate)
    assert len(ours) == len(theirs) == 2
    for (b, a), stage in zip(ours, theirs):
        assert stage.passband_gain == 1.0
        assert np.array_equal(b, stage.b) and np.array_equal(a, stage.a)


@pytest.mark.parametrize("rate", RATES)
def test_output_is_sosfilts_fed_whole_or_in_pieces(rate: int) -> None:
    rng = np.random.default_rng(rate)
    x = rng.standard_normal(rate * 3) * 0.3
    x[rate : rate + rate // 2] = 0.0  # silence in the middle: the tail of the response shows there
    expected = sosfilt_k(x, rate)
    scale = np.abs(expected).max()
    assert np.abs(k_weighted(x, rate) - expected).max() < 1e-11 * scale
    pieces, filt, start = [], KWeighting(rate), 0
    while start < len(x):  # pieces shorter and longer than the response and than one FFT block
        size = int(rng.choice([1, 7, 500, 5000, 40000, 100000]))
        pieces.append(filt(x[start : start + size]))
        start += size
    assert np.abs(np.concatenate(pieces) - expected).max() < 1e-11 * scale


def test_impulse_response_dies_out_and_is_cut_there() -> None:
    for rate in (24000, 48000):
        response = _impulse_response(rate)
        assert 0.05 * rate < len(response) < 0.5 * rate  # the 38 Hz high pass rings for about 0.2 s
        impulse = np.zeros(len(response) + rate)
        impulse[0] = 1.0
        full = sosfilt_k(impulse, rate)
        assert np.abs(full[: len(response)] - response).max() < 1e-13  # float64 rounding (direct form vs sections)
        assert np.abs(full[len(response) :]).max() < 1e-19  # what was cut is nothing


def test_empty_and_tiny_input() -> None:
    filt = KWeighting(24000)
    assert filt(np.zeros(0)).shape == (0,)
    one = filt(np.array([1.0]))
    assert one.shape == (1,) and one[0] == pytest.approx(_impulse_response(24000)[0])
    assert filt(np.array([0.0]))[0] == pytest.approx(_impulse_response(24000)[1])
