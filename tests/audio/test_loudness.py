"""Loudness: checked against measurers that are not narrate's own code.

pyloudnorm on the whole signal (integrated loudness) and Debian ffmpeg's ``ebur128=peak=true``
filter (integrated loudness and true peak, parsed from its summary) judge WAV files of the signals
and MP3 files written by narrate's own writer at 64 kbps. ffmpeg prints one decimal, hence the
0.05 dB allowances for rounding.
"""

from __future__ import annotations

import re
import subprocess
import tracemalloc
from pathlib import Path
from typing import Any

import numpy as np
import pyloudnorm
import pytest
import soundfile
import soxr

from narrate.audio.loudness import (
    CEILING_DBTP,
    MP3_HEADROOM_DB,
    TARGET_LUFS,
    Leveler,
    LoudnessMeter,
    gated_loudness,
    integrated_loudness,
    limit,
    trim_silence,
    true_peak,
)
from narrate.audio.mp3writer import Mp3Writer
from narrate.models import Clip
from tests.audio.signals import RATE, SENTENCES, awkward_signals, clipped_loud, faded, hibari_speech, speechlike
from tests.audiocheck import decode
from tests.conftest import require_tool

ROUNDING = 0.05  # ffmpeg's summary has one decimal


# --- signals ---------------------------------------------------------------------------------------


def pyln(samples: np.ndarray) -> float:
    """Integrated loudness by pyloudnorm on the whole signal."""
    return float(pyloudnorm.Meter(RATE).integrated_loudness(np.asarray(samples, dtype=np.float64)))


def at_loudness(samples: np.ndarray, lufs: float) -> np.ndarray:
    return (samples * 10.0 ** ((lufs - pyln(samples)) / 20.0)).astype(np.float32)


# --- independent measurement -----------------------------------------------------------------------


def ebur128(path: Path) -> tuple[float, float]:
    """(integrated LUFS, true peak dBTP) from ffmpeg's ebur128 summary."""
    ffmpeg = require_tool("ffmpeg")
    result = subprocess.run(
        [ffmpeg, "-nostdin", "-hide_banner", "-nostats", "-i", str(path), "-af", "ebur128=peak=true", "-f", "null", "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    summary = result.stderr[result.stderr.rindex("Summary:") :]
    integrated = re.search(r"Integrated loudness:\s+I:\s+(-?[\d.]+|-inf) LUFS", summary)
    peak = re.search(r"True peak:\s+Peak:\s+(-?[\d.]+|-inf) dBFS", summary)
    assert integrated and peak, summary
    return float(integrated.group(1)), float(peak.group(1))


def write_wav(path: Path, samples: np.ndarray) -> Path:
    soundfile.write(path, np.asarray(samples, dtype=np.float32), RATE, subtype="FLOAT")
    return path


def decoded(path: Path) -> np.ndarray:
    return decode(path).astype(np.float64) / 32768.0


def encode(path: Path, chunks: list[np.ndarray], pause: float = 0.6) -> Path:
    writer = Mp3Writer(path, input_rate=RATE, bitrate=64)
    for chunk in chunks:
        writer.write(Clip(chunk, RATE))
        writer.write_silence(pause)
    writer.close()
    return path


# --- integrated_loudness and true_peak -------------------------------------------------------------


def test_integrated_loudness_is_pyloudnorm() -> None:
    speech = speechlike(5, seed=1)
    assert integrated_loudness(speech, RATE) == pytest.approx(pyln(speech), abs=1e-9)
    assert integrated_loudness(at_loudness(speech, -45.0), RATE) == pytest.approx(-45.0, abs=1e-3)


def test_integrated_loudness_none_when_too_short_or_silent() -> None:
    assert integrated_loudness(speechlike(0.39, seed=1), RATE) is None
    assert integrated_loudness(np.zeros(RATE, np.float32), RATE) is None
    assert integrated_loudness(np.full(RATE, 1e-6, np.float32), RATE) is None  # under the -70 LUFS gate
    assert integrated_loudness(np.zeros(0, np.float32), RATE) is None


@pytest.mark.parametrize(
    "name",
    ["speechlike", "hibari", "clipped", "sine-997", "sine-15k", "white-noise"],
)
def test_true_peak_agrees_with_ffmpeg(tmp_path: Path, name: str) -> None:
    t = np.arange(3 * RATE) / RATE
    signal = {
        "speechlike": lambda: speechlike(4, seed=2) * 0.9,
        "hibari": lambda: hibari_speech(SENTENCES[0]) * 3.0,
        "clipped": lambda: clipped_loud(3, seed=3),
        "sine-997": lambda: 0.7 * np.sin(2 * np.pi * 997 * t),
        "sine-15k": lambda: 0.5 * np.sin(2 * np.pi * 15000 * t + 0.3),
        "white-noise": lambda: np.random.default_rng(4).uniform(-0.5, 0.5, 3 * RATE),
    }[name]()
    signal = faded(signal)
    _, ffmpeg_peak = ebur128(write_wav(tmp_path / "x.wav", signal))
    assert true_peak(signal, RATE) == pytest.approx(ffmpeg_peak, abs=0.2)


def test_true_peak_finds_peaks_between_samples() -> None:
    t = np.arange(RATE) / RATE
    quarter = np.sin(2 * np.pi * RATE / 4 * t + np.pi / 4)  # every sample at +-0.707, the wave at 1
    quarter = faded(quarter, 0.05)
    assert 20 * np.log10(np.max(np.abs(quarter))) == pytest.approx(-3.01, abs=0.01)
    assert true_peak(quarter, RATE) == pytest.approx(0.0, abs=0.1)
    assert true_peak(np.zeros(100), RATE) == -np.inf
    assert true_peak(np.array([0.5]), RATE) == pytest.approx(20 * np.log10(0.5), abs=0.01)


# --- limit -----------------------------------------------------------------------------------------


def test_limit_leaves_quiet_signals_untouched() -> None:
    for signal in (speechlike(3, seed=5) * 0.5, hibari_speech(SENTENCES[1])):
        signal = signal.astype(np.float32)
        assert true_peak(signal, RATE) < CEILING_DBTP
        out = limit(signal, RATE, CEILING_DBTP)
        assert out.dtype == np.float32
        assert np.array_equal(out, signal)
        assert out is not signal


@pytest.mark.parametrize("name", ["speechlike", "hibari", "clipped", "white-noise", "square", "nyquist", "one-sample"])
@pytest.mark.parametrize("ceiling", [-1.0, -6.0])
def test_limit_keeps_true_peak_under_the_ceiling(name: str, ceiling: float) -> None:
    t = np.arange(2 * RATE) / RATE
    signal = {
        "speechlike": lambda: speechlike(3, seed=6) * 4.0,
        "hibari": lambda: hibari_speech(SENTENCES[2]) * 8.0,
        "clipped": lambda: clipped_loud(2, seed=7),
        "white-noise": lambda: np.random.default_rng(8).uniform(-1, 1, 2 * RATE),
        "square": lambda: np.sign(np.sin(2 * np.pi * 150 * t)),
        "nyquist": lambda: np.tile([1.0, -1.0], 2000),
        "one-sample": lambda: np.array([1.0]),
    }[name]().astype(np.float32)
    assert true_peak(signal, RATE) > ceiling
    out = limit(signal, RATE, ceiling)
    assert len(out) == len(signal)
    assert out.dtype == np.float32
    assert np.all(np.isfinite(out))
    assert true_peak(out, RATE) <= ceiling
    # and no quieter than it needs to be
    assert true_peak(out, RATE) > ceiling - 0.1


def test_limit_true_peak_by_ffmpeg(tmp_path: Path) -> None:
    signal = faded(np.concatenate([hibari_speech(SENTENCES[0]) * 6.0, speechlike(4, seed=9) * 3.0]))
    out = limit(signal, RATE, CEILING_DBTP)
    _, peak = ebur128(write_wav(tmp_path / "limited.wav", out))
    assert peak <= CEILING_DBTP + ROUNDING


def test_limit_gain_is_smooth_looks_ahead_and_releases() -> None:
    """A 1 kHz tone 18 dB over the ceiling for 0.3 s, between quiet parts 6 dB under it."""
    t = np.arange(2 * RATE) / RATE
    level = np.where((t >= 0.8) & (t < 1.1), 4.0, 0.25)
    tone = (level * np.sin(2 * np.pi * 1000 * t)).astype(np.float64)
    out = limit(tone, RATE, -6.0)
    # the gain, read at the tone's crests (every sample where it is near its maximum)
    crests = np.flatnonzero(np.abs(np.sin(2 * np.pi * 1000 * t)) > 0.99)
    gain_db = 20 * np.log10(np.abs(out[crests]) / np.abs(tone[crests]))
    onset = int(0.8 * RATE)
    # look-ahead: the reduction is complete when the loud part starts, and began at most ~6 ms before
    assert gain_db[np.searchsorted(crests, onset)] < -17.0
    assert gain_db[np.searchsorted(crests, onset - int(0.0065 * RATE))] > -0.1
    # no step: between neighbouring crests (0.5 ms apart) the gain moves by at most 3 dB
    assert np.max(np.abs(np.diff(gain_db))) < 3.0
    # release: back to unity within half a second after the loud part, and not at once
    offset = int(1.1 * RATE)
    assert gain_db[np.searchsorted(crests, offset + int(0.02 * RATE))] < -1.0
    assert np.all(gain_db[crests > offset + int(0.5 * RATE)] > -0.05)
    # the quiet parts before it are untouched
    assert np.array_equal(out[: onset - int(0.01 * RATE)], tone[: onset - int(0.01 * RATE)])


def test_limit_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="one channel"):
        limit(np.zeros((10, 2)), RATE, -1.0)
    with pytest.raises(ValueError, match="NaN"):
        limit(np.array([0.1, np.nan, 0.2]), RATE, -1.0)
    with pytest.raises(ValueError, match="sample rate"):
        limit(np.zeros(10), 0, -1.0)
    assert len(limit(np.zeros(0, np.float32), RATE, -1.0)) == 0


# --- Leveler ---------------------------------------------------------------------------------------


def level(chunks: list[np.ndarray], leveler: Leveler | None = None) -> list[np.ndarray]:
    leveler = leveler or Leveler(RATE)
    out = []
    for chunk in chunks:
        result = leveler.process(chunk)
        assert result.dtype == np.float32
        assert len(result) == len(chunk)
        out.append(result)
    return out


EPISODES = {
    # several chunks of different levels in each
    "very-quiet": lambda: [at_loudness(speechlike(s, seed=s), lufs) for s, lufs in ((6, -45), (4, -43), (8, -47))],
    "normal": lambda: [at_loudness(speechlike(s, seed=s + 10), lufs) for s, lufs in ((6, -23), (9, -18), (5, -27))],
    "clipping-loud": lambda: [clipped_loud(6, seed=20), clipped_loud(4, seed=21) * 0.5, clipped_loud(7, seed=22)],
    "hibari": lambda: [at_loudness(hibari_speech(s), lufs) for s, lufs in zip(SENTENCES, (-45, -24, -12))],
}


@pytest.mark.parametrize("episode", list(EPISODES))
def test_leveled_episode_meets_podcast_loudness_after_mp3(tmp_path: Path, episode: str) -> None:
    chunks = level(EPISODES[episode]())
    for chunk in chunks:  # each chunk on target before encoding, with the MP3 headroom
        assert pyln(chunk) == pytest.approx(TARGET_LUFS, abs=0.5)
        assert true_peak(chunk, RATE) <= CEILING_DBTP - MP3_HEADROOM_DB
    mp3 = encode(tmp_path / f"{episode}.mp3", chunks)
    audio = decoded(mp3)
    ffmpeg_lufs, ffmpeg_peak = ebur128(mp3)
    assert pyln(audio) == pytest.approx(TARGET_LUFS, abs=1.0)
    assert ffmpeg_lufs == pytest.approx(TARGET_LUFS, abs=1.0)
    assert ffmpeg_peak <= CEILING_DBTP
    assert true_peak(audio, RATE) <= CEILING_DBTP


def test_mixed_episode_and_streaming_meter_agree_with_ffmpeg(tmp_path: Path) -> None:
    """Quiet, normal, clipped and real speech in one episode, measured on the way to the encoder."""
    chunks = [
        at_loudness(speechlike(5, seed=30), -45),
        at_loudness(hibari_speech(SENTENCES[1]), -20),
        clipped_loud(5, seed=31),
        at_loudness(speechlike(4, seed=32), -30),
    ]
    leveler, meter = Leveler(RATE), LoudnessMeter(RATE)
    writer = Mp3Writer(tmp_path / "mixed.mp3", input_rate=RATE)
    pause = np.zeros(int(0.6 * RATE), np.float32)
    for chunk in chunks:
        out = leveler.process(chunk)
        for piece in (out, pause):
            meter.feed(piece)
            writer.write(Clip(piece, RATE))
    mp3 = writer.close().path
    ffmpeg_lufs, ffmpeg_peak = ebur128(mp3)
    assert meter.integrated() == pytest.approx(TARGET_LUFS, abs=0.3)
    assert meter.true_peak() <= CEILING_DBTP - MP3_HEADROOM_DB
    assert ffmpeg_lufs == pytest.approx(TARGET_LUFS, abs=1.0)
    assert ffmpeg_peak <= CEILING_DBTP
    assert pyln(decoded(mp3)) == pytest.approx(TARGET_LUFS, abs=1.0)


def test_mp3_true_peak_overshoot_fits_in_the_headroom(tmp_path: Path) -> None:
    """Limited right to the ceiling (no headroom), 64 kbps MP3 raises the true peak by less than
    MP3_HEADROOM_DB; the leveler's default headroom therefore keeps decoded files under -1 dBTP."""
    chunks = [hibari_speech(SENTENCES[0]), speechlike(6, seed=40), speechlike(6, seed=41)]
    for index, chunk in enumerate(level(chunks, Leveler(RATE, headroom_db=0.0))):
        before = true_peak(chunk, RATE)
        assert before == pytest.approx(CEILING_DBTP, abs=0.02)
        after = true_peak(decoded(encode(tmp_path / f"{index}.mp3", [chunk])), RATE)
        assert after - before < MP3_HEADROOM_DB


def test_leveler_reuses_the_last_gain_for_unmeasurable_chunks() -> None:
    leveler = Leveler(RATE)
    short = speechlike(0.3, seed=50) * 0.1
    assert np.array_equal(leveler.process(short), short.astype(np.float32))  # first chunk: 0 dB
    quiet = at_loudness(speechlike(4, seed=51), -30.0)
    leveler.process(quiet)
    assert leveler.gain_db == pytest.approx(14.0, abs=1e-6)
    out = leveler.process(short)  # too short to measure: the same +14 dB (no limiting needed)
    np.testing.assert_allclose(out, short * 10 ** (14.0 / 20), rtol=1e-5)
    silent = np.zeros(RATE, np.float32)
    assert np.array_equal(leveler.process(silent), silent)
    assert leveler.gain_db == pytest.approx(14.0, abs=1e-6)
    assert len(leveler.process(np.zeros(0, np.float32))) == 0


def test_leveler_carries_the_make_up_gain_to_the_next_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    """A voice's chunks peak alike: once one chunk has shown how much limiting takes away, the next ones
    start from that gain and need fewer limiting passes than starting from ``target - loudness`` each
    time; every chunk still reaches the target (within the tolerance) under the ceiling."""
    import narrate.audio.loudness as loudness

    original = loudness._Limiter.process
    chunks = [hibari_speech(text) for text in SENTENCES * 2]

    def passes(carry: float) -> int:
        count = 0

        def counted(self: object, *args: Any, **kwargs: Any) -> Any:
            nonlocal count
            count += 1
            return original(self, *args, **kwargs)

        monkeypatch.setattr(loudness._Limiter, "process", counted)
        monkeypatch.setattr(Leveler, "_MAKEUP_CARRY", carry)
        leveler = Leveler(RATE)
        for chunk in chunks:
            out = leveler.process(chunk)
            assert gated_loudness(out, RATE) == pytest.approx(TARGET_LUFS, abs=0.15)
            assert true_peak(out, RATE) <= CEILING_DBTP - MP3_HEADROOM_DB + 1e-6
        return count

    carried, fresh = passes(Leveler._MAKEUP_CARRY), passes(0.0)
    assert carried < fresh, (carried, fresh)


def test_leveler_does_not_blow_up_near_silence() -> None:
    hum = (1e-3 * np.sin(2 * np.pi * 200 * np.arange(RATE) / RATE)).astype(np.float32)  # about -63 LUFS
    leveler = Leveler(RATE)
    out = leveler.process(hum)
    assert leveler.gain_db == pytest.approx(40.0)  # capped by max_gain_db
    assert pyln(out) < TARGET_LUFS - 5


# --- LoudnessMeter ---------------------------------------------------------------------------------


def feed_in_odd_pieces(meter: LoudnessMeter, samples: np.ndarray) -> None:
    sizes = [1, 7, 4409, 4410, 4411, 333, 12345, 99991, 2]
    position = index = 0
    while position < len(samples):
        size = sizes[index % len(sizes)]
        meter.feed(samples[position : position + size])
        position += size
        index += 1


@pytest.mark.parametrize("name", ["speechlike", "hibari-with-pauses", "quiet-and-loud"])
def test_meter_matches_pyloudnorm_on_the_whole_signal(name: str) -> None:
    signal = {
        "speechlike": lambda: speechlike(20, seed=60),
        "hibari-with-pauses": lambda: np.concatenate(
            [np.concatenate([hibari_speech(s), np.zeros(RATE // 2, np.float32)]) for s in SENTENCES]
        ),
        # the relative gate matters here: a long quiet passage between loud ones
        "quiet-and-loud": lambda: np.concatenate(
            [speechlike(5, seed=61), at_loudness(speechlike(8, seed=62), -40), speechlike(3, seed=63) * 0.5]
        ),
    }[name]()
    meter = LoudnessMeter(RATE)
    feed_in_odd_pieces(meter, signal)
    assert meter.duration == pytest.approx(len(signal) / RATE)
    assert meter.integrated() == pytest.approx(pyln(signal), abs=0.1)
    assert meter.true_peak() == pytest.approx(true_peak(signal, RATE), abs=1e-4)


def test_meter_agrees_with_ffmpeg(tmp_path: Path) -> None:
    signal = faded(np.concatenate([speechlike(6, seed=64), np.zeros(RATE, np.float32), hibari_speech(SENTENCES[2])]))
    meter = LoudnessMeter(RATE)
    feed_in_odd_pieces(meter, signal)
    ffmpeg_lufs, ffmpeg_peak = ebur128(write_wav(tmp_path / "x.wav", signal))
    assert meter.integrated() == pytest.approx(ffmpeg_lufs, abs=0.05 + ROUNDING)
    assert meter.true_peak() == pytest.approx(ffmpeg_peak, abs=0.2)


def test_meter_memory_does_not_grow_with_the_signal() -> None:
    second = speechlike(1, seed=65)
    meter = LoudnessMeter(RATE)
    for _ in range(400):  # warm up: the K-weighting keeps its filter's spectrum for each FFT size it met
        meter.feed(second[: RATE // 20])
    meter.feed(second)
    tracemalloc.start()
    try:
        meter.feed(second)  # what the filter keeps between feeds (its state) is now traced too
        before, _ = tracemalloc.get_traced_memory()
        for _ in range(300):  # five more minutes: 53 MB of float32 samples
            meter.feed(second)
        after, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # one float per 100 ms hop (8 bytes * 3000) and some slack; nothing proportional to the samples
    assert after - before < 64 * 1024
    assert meter.integrated() == pytest.approx(pyln(np.tile(second, 30)), abs=0.1)  # 22 s of the same warm-up first


def test_meter_short_and_silent() -> None:
    meter = LoudnessMeter(RATE)
    assert meter.integrated() is None
    assert meter.true_peak() == -np.inf
    meter.feed(np.zeros(RATE, np.float32))
    assert meter.integrated() is None
    assert meter.true_peak() == -np.inf
    short = LoudnessMeter(RATE)
    short.feed(tone(0.35))
    assert short.integrated() is None
    assert short.true_peak() > -30


@pytest.mark.parametrize("rate", [22050, 11025])  # 100 ms hops of 2205 samples, and of 1102 or 1103
def test_meter_and_gated_loudness_at_another_rate(rate: int) -> None:
    signal = soxr.resample(speechlike(6, seed=67), RATE, rate).astype(np.float32)
    meter = LoudnessMeter(rate)
    for start in range(0, len(signal), 1001):
        meter.feed(signal[start : start + 1001])
    expected = pyloudnorm.Meter(rate).integrated_loudness(signal.astype(np.float64))
    assert meter.integrated() == pytest.approx(expected, abs=0.1)
    assert gated_loudness(signal, rate) == pytest.approx(expected, abs=0.02)


# --- trim_silence ----------------------------------------------------------------------------------


def tone(seconds: float) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    return (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)


def silence(seconds: float, level: float = 0.0) -> np.ndarray:
    noise = np.random.default_rng(70).standard_normal(int(seconds * RATE)) * level
    return noise.astype(np.float32)


def test_trim_silence_removes_the_ends_only() -> None:
    lead, body, trail = silence(0.5, 1e-4), np.concatenate([tone(1.0), silence(0.3), tone(0.5)]), silence(0.7)
    signal = np.concatenate([lead, body, trail])
    out = trim_silence(signal, RATE)
    assert abs(len(out) - len(body)) <= 2 * int(0.01 * RATE)
    first = int(np.flatnonzero(np.abs(out) > 0.01)[0])
    last = len(out) - 1 - int(np.flatnonzero(np.abs(out) > 0.01)[-1])
    assert first <= int(0.01 * RATE) and last <= int(0.01 * RATE)
    # the pause inside is still there, whole
    inner = np.abs(out[first + int(1.0 * RATE) - 100 : first + int(1.3 * RATE) + 100])
    assert np.count_nonzero(inner < 1e-6) >= int(0.3 * RATE) - 300


def test_trim_silence_keeps_some_silence_when_asked() -> None:
    lead, body, trail = silence(0.5), tone(1.0), silence(0.7)
    out = trim_silence(np.concatenate([lead, body, trail]), RATE, keep=0.2)
    assert abs(len(out) - (len(body) + 2 * int(0.2 * RATE))) <= 2 * int(0.01 * RATE)
    # more than there is at the start: it starts at the first sample
    out = trim_silence(np.concatenate([lead, body, trail]), RATE, keep=0.6)
    assert abs(len(out) - (len(lead) + len(body) + int(0.6 * RATE))) <= int(0.01 * RATE)


def test_trim_silence_threshold_and_edge_cases() -> None:
    hiss = silence(1.0, 10 ** (-60 / 20))  # under -50 dBFS: silence
    assert len(trim_silence(hiss, RATE)) == 0
    assert len(trim_silence(hiss, RATE, threshold_db=-70)) == len(hiss)
    assert len(trim_silence(np.zeros(RATE, np.float32), RATE, keep=0.5)) == 0
    assert len(trim_silence(np.zeros(0, np.float32), RATE)) == 0
    body = tone(0.5)
    assert len(trim_silence(body, RATE)) == len(body)
    with pytest.raises(ValueError):
        trim_silence(body, RATE, keep=-1)


def test_levelling_and_metering_do_not_import_scipy_signal() -> None:
    """scipy.signal's import costs half a second of every build; levelling, limiting and the meter
    do without it (and pyloudnorm, which imports it)."""
    import sys

    probe = (
        "import sys, numpy as np\n"
        "from narrate.audio.loudness import Leveler, LoudnessMeter, gated_loudness, true_peak\n"
        "x = (np.sin(np.arange(48000) * 0.05) * 0.5).astype(np.float32)\n"
        "y = Leveler(24000).process(x)\n"
        "meter = LoudnessMeter(24000); meter.feed(y)\n"
        "assert meter.integrated() is not None and gated_loudness(x, 24000) is not None and true_peak(x, 24000) < 0\n"
        "print(sorted(m for m in ('scipy.signal', 'scipy.stats', 'pyloudnorm') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# --- the meter's true peak ------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(awkward_signals()))
def test_meter_true_peak_is_the_whole_signals(name: str) -> None:
    x = awkward_signals()[name]
    meter = LoudnessMeter(RATE)
    feed_in_odd_pieces(meter, x)
    assert meter.true_peak() == pytest.approx(true_peak(x, RATE), abs=1e-5)
