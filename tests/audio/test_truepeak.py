"""The true-peak interpolator and its screens: the bound is never under the interpolation, and the
screened envelope is exact wherever it matters. (Its agreement with ffmpeg is in test_loudness.py.)"""

from __future__ import annotations

import numpy as np
import pytest
import scipy.signal

from narrate.audio.loudness import true_peak
from narrate.audio.truepeak import HALF, PeakEnvelope, between, between_bound, highest_over, lowpass_taps, peak_envelope
from tests.audio.signals import RATE, awkward_signals


def test_true_peak_taps_are_firwins() -> None:
    """The interpolator's low-pass is made with numpy; it is scipy.signal.firwin's Kaiser design."""
    for count, cutoff, beta in [(129, 0.25, 8.0), (49, 0.25, 5.0), (64, 0.5, 8.0), (101, 0.1, 3.0)]:
        expected = scipy.signal.firwin(count, cutoff, window=("kaiser", beta))
        assert np.abs(lowpass_taps(count, cutoff, beta) - expected).max() < 1e-15


@pytest.mark.parametrize("name", list(awkward_signals()))
def test_true_peak_bound_is_never_under_the_interpolation(name: str) -> None:
    x = awkward_signals()[name]
    exact, bound = between(x), between_bound(x)
    assert bound.shape == exact.shape
    assert np.all(bound >= exact)
    assert np.median(bound[exact > 0.5 * exact.max()] / exact[exact > 0.5 * exact.max()]) < 1.5  # and it is tight


@pytest.mark.parametrize("name", list(awkward_signals()))
def test_screened_envelope_is_exact_above_its_floor(name: str) -> None:
    """The limiter's envelope is interpolated only where the screens let through; wherever the whole
    envelope is over the floor it is the same, elsewhere it never exceeds the floor, floor after floor."""
    x = awkward_signals()[name]
    whole = peak_envelope(x)
    tolerance = 1e-6 * float(whole.max())  # float32 rounding of a piece against the whole
    envelope = PeakEnvelope(x)
    for floor in [1.01 * float(whole.max()), *np.quantile(whole, [0.999, 0.99, 0.9, 0.5]).tolist(), 0.0]:
        screened = envelope.at(floor)
        above = whole > floor
        assert np.all(np.abs(screened[above] - whole[above]) <= tolerance)
        assert np.all(screened[~above] <= floor + tolerance)
        assert np.all(screened >= np.abs(x))
    assert 20 * np.log10(envelope.at(0.0).max()) == pytest.approx(true_peak(x, RATE), abs=1e-5)


@pytest.mark.parametrize("name", [name for name, x in awkward_signals().items() if len(x) > 2 * HALF + 1])
def test_highest_over_is_the_envelopes_highest_where_it_beats_the_level(name: str) -> None:
    """What the streaming meter keeps: the screens never hide a value over the level."""
    x = awkward_signals()[name]
    first, last = HALF, len(x) - HALF - 1
    whole = peak_envelope(x)[first:last]  # x has silence around it, as peak_envelope assumes
    highest = float(whole.max())
    for level in [0.0, 0.5 * highest, 0.999 * highest, 1.01 * highest]:
        assert highest_over(x, level, first, last) == pytest.approx(max(level, highest), rel=1e-6)
