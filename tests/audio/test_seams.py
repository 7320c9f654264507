"""narrate.audio.seams on synthetic units: tone bursts standing for speech, with silences and decays
of known length and level (the seed episode itself: test_seams_episode.py)."""

from __future__ import annotations

import numpy as np
import pytest

from narrate.audio.loudness import trim_silence
from narrate.audio.seams import HARD_CUT, SEAMS, SeamStyle, frame_levels, shape, silence_between, silent_runs

RATE = 24000
FRAME = round(SEAMS.frame * RATE)


def tone(seconds: float, level_db: float = -20.0, pitch: float = 220.0) -> np.ndarray:
    """A sine whose RMS is ``level_db`` dBFS."""
    t = np.arange(round(seconds * RATE)) / RATE
    return (10 ** (level_db / 20) * np.sqrt(2) * np.sin(2 * np.pi * pitch * t)).astype(np.float32)


def quiet(seconds: float, level_db: float = -90.0) -> np.ndarray:
    """Low noise standing for an engine's near-silence."""
    rng = np.random.default_rng(round(seconds * 1000))
    return (10 ** (level_db / 20) * rng.standard_normal(round(seconds * RATE))).astype(np.float32)


def decay(seconds: float, start_db: float, end_db: float) -> np.ndarray:
    """A tone whose level falls linearly in dB from ``start_db`` to ``end_db``."""
    n = round(seconds * RATE)
    t = np.arange(n) / RATE
    gain = 10 ** (np.linspace(start_db, end_db, n) / 20) * np.sqrt(2)
    return (gain * np.sin(2 * np.pi * 220 * t)).astype(np.float32)


def db(x: np.ndarray) -> float:
    return 20 * np.log10(max(float(np.median(np.abs(x))), 1e-12))


def longest_quiet(x: np.ndarray, gain_db: float = 0.0) -> float:
    levels = frame_levels(x, FRAME) + gain_db
    loud = np.flatnonzero(levels >= -50)
    runs = silent_runs(levels[loud[0] : loud[-1] + 1] < -50)
    return float((runs[:, 1] - runs[:, 0]).max(initial=0)) * FRAME / RATE


def test_a_long_inner_pause_becomes_the_presets_and_nothing_else_changes() -> None:
    first, second = tone(1.0, pitch=200), tone(0.8, pitch=300)
    unit = np.concatenate([quiet(0.3), first, quiet(0.8), second, quiet(0.4)])
    shaped = shape(unit, RATE, 0.35)
    assert shaped.removed > 0
    assert longest_quiet(shaped.samples) == pytest.approx(0.35, abs=FRAME / RATE)
    assert len(shaped.samples) == pytest.approx(len(first) + len(second) + 0.35 * RATE + shaped.lead + shaped.tail, abs=2 * FRAME)
    # the speech itself is untouched away from the faded spots (10 ms at each end of the unit)
    fade = round(SEAMS.fade * RATE)
    out = shaped.samples
    np.testing.assert_array_equal(out[shaped.lead + fade : shaped.lead + len(first)], first[fade:])
    second_at = len(out) - shaped.tail - len(second)
    np.testing.assert_array_equal(out[second_at : second_at + len(second) - fade], second[:-fade])


def test_short_inner_pauses_are_kept_whole() -> None:
    unit = np.concatenate([quiet(0.2), tone(0.5), quiet(0.3), tone(0.5), quiet(0.2)])
    shaped = shape(unit, RATE, 0.35)
    assert shaped.removed == 0
    assert longest_quiet(shaped.samples) == pytest.approx(0.3, abs=FRAME / RATE)


def test_an_inner_pause_is_never_lengthened_to_a_longer_preset_pause() -> None:
    unit = np.concatenate([tone(0.5), quiet(0.6), tone(0.5)])
    shaped = shape(unit, RATE, 0.8)
    assert shaped.removed == 0
    assert longest_quiet(shaped.samples) == pytest.approx(0.6, abs=FRAME / RATE)


def test_the_decay_is_kept_down_to_the_keep_level_and_capped() -> None:
    # 40 ms from -45 to -65 dBFS: the part above -60 (30 ms) is kept, not cut at -50
    unit = np.concatenate([quiet(0.2), tone(0.5), decay(0.04, -45, -65), quiet(0.3)])
    shaped = shape(unit, RATE, 0.35)
    assert 0.02 <= shaped.tail / RATE <= 0.035
    # a long decay is capped at max_tail
    unit = np.concatenate([quiet(0.2), tone(0.5), decay(0.4, -51, -59), quiet(0.3)])
    assert shape(unit, RATE, 0.35).tail == round(SEAMS.max_tail * RATE)
    # the onset likewise, capped at max_lead
    unit = np.concatenate([quiet(0.2), decay(0.2, -59, -51), tone(0.5), quiet(0.2)])
    assert shape(unit, RATE, 0.35).lead == round(SEAMS.max_lead * RATE)


def test_the_old_cut_left_edges_loud_and_the_fades_make_them_quiet() -> None:
    unit = np.concatenate([quiet(0.2), decay(0.02, -55, -45), tone(0.5, -20), decay(0.06, -45, -75), quiet(0.3)])
    edge = round(0.005 * RATE)
    old = shape(unit, RATE, 0.35, style=HARD_CUT).samples
    new = shape(unit, RATE, 0.35).samples
    assert db(old[-edge:]) > -50 and db(old[:edge]) > -55
    assert db(new[-edge:]) <= -65 and db(new[:edge]) <= -60
    # a unit with no quiet around it at all still starts and ends faded
    bare = shape(tone(0.5, -20), RATE, 0.35).samples
    assert abs(bare[0]) < 1e-3 and abs(bare[-1]) < 1e-3
    assert db(bare[:edge]) < db(tone(0.5, -20)[:edge]) - 6


def test_levels_are_judged_as_heard_after_levelling() -> None:
    # -55 dBFS is silence at unity gain, speech once levelling adds 10 dB
    unit = np.concatenate([quiet(0.2), tone(0.5, -55), quiet(0.2)])
    assert len(shape(unit, RATE, 0.35).samples) == 0
    assert len(shape(unit, RATE, 0.35, gain_db=10.0).samples) >= len(tone(0.5))
    # the same inner pause is long or not depending on the gain: -58 dBFS noise is speech at +10 dB
    unit = np.concatenate([tone(0.5), quiet(0.7, -58), tone(0.5)])
    assert shape(unit, RATE, 0.35).removed > 0
    assert shape(unit, RATE, 0.35, gain_db=10.0).removed == 0


def test_hard_cut_is_the_former_trim() -> None:
    unit = np.concatenate([quiet(0.25), tone(0.6), decay(0.05, -45, -70), quiet(0.8), tone(0.3), quiet(0.1)])
    np.testing.assert_array_equal(shape(unit, RATE, 0.35, style=HARD_CUT).samples, trim_silence(unit, RATE))


def test_silence_and_empty_units() -> None:
    shaped = shape(quiet(1.0), RATE, 0.35)
    assert len(shaped.samples) == 0 and shaped.lead == shaped.tail == shaped.removed == 0
    assert len(shape(np.zeros(0, np.float32), RATE, 0.35).samples) == 0


def test_silence_between_counts_half_the_kept_edges() -> None:
    assert silence_between(0.35, RATE, 0, 0) == round(0.35 * RATE)
    assert silence_between(0.35, RATE, 1200, 480) == round(0.35 * RATE) - 840
    assert silence_between(0.01, RATE, 1200, 480) == 0


def test_style_is_checked() -> None:
    with pytest.raises(ValueError):
        SeamStyle(keep_db=-40.0)
    with pytest.raises(ValueError):
        SeamStyle(max_tail=-0.1)
    with pytest.raises(ValueError):
        SeamStyle(max_inner=0.0)
