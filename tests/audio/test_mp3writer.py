"""narrate.audio.mp3writer: streamed, resampled, sample-exact MP3 encoding, checked with Debian's ffmpeg/ffprobe
and with mutagen rather than with narrate's own code."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import mutagen.mp3
import numpy as np
import pytest

from narrate.audio.mp3info import InfoFrame
from narrate.audio.mp3writer import EncodedAudio, Mp3Writer
from narrate.errors import OutputError
from narrate.models import Clip
from tests.audiocheck import decode, probe


def tone(seconds: float, rate: int, freq: float = 440.0, amplitude: float = 0.3) -> np.ndarray:
    t = np.arange(round(seconds * rate)) / rate
    return (amplitude * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def encode(
    path: Path, clips: list[Clip], *, input_rate: int, output_rate: int = 44100, bitrate: int = 64
) -> EncodedAudio:
    writer = Mp3Writer(path, input_rate=input_rate, output_rate=output_rate, bitrate=bitrate)
    for clip in clips:
        writer.write(clip)
    return writer.close()


def dominant_frequency(samples: np.ndarray, rate: int) -> float:
    spectrum = np.abs(np.fft.rfft(samples.astype(np.float64) * np.hanning(len(samples))))
    return float(np.fft.rfftfreq(len(samples), 1 / rate)[np.argmax(spectrum)])


# --- exact length ------------------------------------------------------------------------------


@pytest.mark.parametrize("input_rate", [44100, 24000, 22050, 16000, 48000])
@pytest.mark.parametrize("count", [1, 100, 1152, 12345, 44100])
def test_decodes_to_exactly_the_written_length(tmp_path: Path, input_rate: int, count: int) -> None:
    path = tmp_path / "a.mp3"
    rng = np.random.default_rng(count)
    samples = (0.2 * rng.standard_normal(count)).astype(np.float32)
    result = encode(path, [Clip(samples, input_rate)], input_rate=input_rate)
    assert result.duration == count / input_rate
    expected = round(result.duration * 44100)
    assert len(decode(path)) == expected  # decode() also fails on any ffmpeg complaint
    assert mutagen.mp3.MP3(path).info.length * 44100 == pytest.approx(expected, abs=1e-6)


@pytest.mark.parametrize(("output_rate", "bitrate"), [(48000, 64), (32000, 32), (44100, 128)])
def test_exact_length_at_other_output_rates(tmp_path: Path, output_rate: int, bitrate: int) -> None:
    path = tmp_path / "a.mp3"
    result = encode(path, [Clip(tone(1.25, 24000), 24000)], input_rate=24000, output_rate=output_rate, bitrate=bitrate)
    assert result.duration == 1.25
    assert result.sample_rate == output_rate
    assert len(decode(path, output_rate)) == round(1.25 * output_rate)
    assert int(probe(path)["streams"][0]["sample_rate"]) == output_rate


def test_many_clips_and_pauses_add_up_exactly(tmp_path: Path) -> None:
    path = tmp_path / "a.mp3"
    rng = np.random.default_rng(0)
    writer = Mp3Writer(path, input_rate=24000)
    returned = 0.0
    for _ in range(40):
        noise = (0.1 * rng.standard_normal(int(rng.integers(1, 5000)))).astype(np.float32)
        returned += writer.write(Clip(noise, 24000))
        returned += writer.write_silence(float(rng.uniform(0, 0.05)))
        returned += writer.write(Clip(np.zeros(int(rng.integers(1, 3000)), np.float32), 16000))
    position = writer.position
    result = writer.close()
    assert result.duration == position
    assert returned == pytest.approx(result.duration, abs=1e-9)
    assert len(decode(path)) == round(result.duration * 44100)
    assert mutagen.mp3.MP3(path).info.length == pytest.approx(round(result.duration * 44100) / 44100, abs=1e-9)


# --- timing ------------------------------------------------------------------------------------


@pytest.mark.parametrize("input_rate", [44100, 24000, 16000])
def test_an_impulse_decodes_at_its_time(tmp_path: Path, input_rate: int) -> None:
    path = tmp_path / "a.mp3"
    writer = Mp3Writer(path, input_rate=input_rate)
    writer.write(Clip(tone(0.3, input_rate, amplitude=0.01), input_rate))
    writer.write_silence(0.4567)
    at = writer.position
    impulse = np.zeros(input_rate // 2, np.float32)
    impulse[0] = 0.9
    writer.write(Clip(impulse, input_rate))
    writer.close()
    decoded = decode(path)
    found = int(np.argmax(np.abs(decoded))) / 44100
    assert found == pytest.approx(at, abs=0.001)


def test_silence_decodes_as_silence(tmp_path: Path) -> None:
    path = tmp_path / "a.mp3"
    writer = Mp3Writer(path, input_rate=24000)
    writer.write(Clip(tone(0.5, 24000, amplitude=0.5), 24000))
    writer.write_silence(1.0)
    writer.write(Clip(tone(0.5, 24000, amplitude=0.5), 24000))
    writer.close()
    decoded = decode(path).astype(np.int32)
    middle = decoded[int(0.6 * 44100) : int(1.4 * 44100)]  # clear of the tones' edges
    assert np.abs(middle).max() < 50
    assert np.abs(decoded[int(0.1 * 44100) : int(0.4 * 44100)]).max() > 10000


# --- resampling --------------------------------------------------------------------------------


@pytest.mark.parametrize(("clip_rate", "input_rate"), [(16000, 24000), (48000, 24000), (22050, 44100)])
def test_clip_at_another_rate_is_resampled(tmp_path: Path, clip_rate: int, input_rate: int) -> None:
    path = tmp_path / "a.mp3"
    writer = Mp3Writer(path, input_rate=input_rate)
    seconds = writer.write(Clip(tone(1.0, clip_rate, freq=1000.0), clip_rate))
    assert seconds == pytest.approx(1.0, abs=1 / input_rate)
    assert writer.position == seconds
    result = writer.close()
    decoded = decode(path)
    assert len(decoded) == round(result.duration * 44100)
    # Played at the wrong rate, 1 kHz would come out at 1000 * input_rate / clip_rate.
    assert dominant_frequency(decoded[4410:-4410], 44100) == pytest.approx(1000.0, abs=5)


def test_empty_clip_adds_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.mp3"
    writer = Mp3Writer(path, input_rate=24000)
    writer.write(Clip(tone(0.1, 24000), 24000))
    assert writer.write(Clip(np.zeros(0, np.float32), 16000)) == 0.0
    assert writer.position == 0.1
    writer.close()
    assert len(decode(path)) == 4410


# --- stream properties -------------------------------------------------------------------------


@pytest.mark.parametrize("bitrate", [32, 64, 128])
def test_ffprobe_sees_mono_44100_mp3_at_the_bitrate(tmp_path: Path, bitrate: int) -> None:
    path = tmp_path / "a.mp3"
    result = encode(path, [Clip(tone(2.0, 24000), 24000)], input_rate=24000, bitrate=bitrate)
    assert result.bitrate == bitrate
    stream = probe(path)["streams"][0]
    assert stream["codec_name"] == "mp3"
    assert stream["channels"] == 1
    assert stream["sample_rate"] == "44100"
    assert stream["bit_rate"] == str(bitrate * 1000)
    info = mutagen.mp3.MP3(path).info
    assert (info.channels, info.sample_rate) == (1, 44100)
    assert info.bitrate_mode == mutagen.mp3.BitrateMode.CBR


def test_encoded_audio_describes_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.mp3"
    result = encode(path, [Clip(tone(1.5, 24000), 24000)], input_rate=24000, bitrate=64)
    data = path.read_bytes()
    info_size = InfoFrame(64, 44100, 0, 0, 0).size()
    assert result.path == path
    assert result.bytes == len(data)
    assert result.sha256 == hashlib.sha256(data[info_size:]).hexdigest()  # the audio frames only
    assert (result.sample_rate, result.bitrate, result.duration) == (44100, 64, 1.5)


# --- write_silence -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "rate", "expected_samples"),
    [(0.1234567, 24000, 2963), (1.0, 24000, 24000), (0.35, 44100, 15435), (1e-5, 24000, 0),
     (3e-5, 24000, 1), (0.0, 24000, 0), (2.5, 16000, 40000)],
)
def test_write_silence_returns_the_exact_rounded_duration(
    tmp_path: Path, seconds: float, rate: int, expected_samples: int
) -> None:
    writer = Mp3Writer(tmp_path / "a.mp3", input_rate=rate)
    writer.write(Clip(tone(0.05, rate), rate))
    before = writer.samples_in
    assert writer.write_silence(seconds) == expected_samples / rate
    assert writer.samples_in - before == expected_samples
    result = writer.close()
    assert len(decode(tmp_path / "a.mp3")) == round(result.duration * 44100)


def test_negative_silence_is_refused(tmp_path: Path) -> None:
    writer = Mp3Writer(tmp_path / "a.mp3", input_rate=24000)
    writer.write(Clip(tone(0.05, 24000), 24000))
    with pytest.raises(ValueError, match="negative"):
        writer.write_silence(-1.0)
    writer.close()
    assert writer.position == 0.05


# --- hash --------------------------------------------------------------------------------------


def test_sha256_is_equal_for_identical_audio(tmp_path: Path) -> None:
    clips = [Clip(tone(0.7, 24000), 24000), Clip(tone(0.2, 16000, freq=300), 16000)]
    first = encode(tmp_path / "a.mp3", clips, input_rate=24000)
    second = encode(tmp_path / "b.mp3", clips, input_rate=24000)
    assert first.sha256 == second.sha256
    assert (tmp_path / "a.mp3").read_bytes() == (tmp_path / "b.mp3").read_bytes()


def test_sha256_is_equal_however_the_audio_is_split_into_writes(tmp_path: Path) -> None:
    samples = tone(1.0, 44100)
    whole = encode(tmp_path / "a.mp3", [Clip(samples, 44100)], input_rate=44100)
    pieces = encode(tmp_path / "b.mp3", [Clip(p, 44100) for p in np.array_split(samples, 7)], input_rate=44100)
    assert whole.sha256 == pieces.sha256


@pytest.mark.parametrize(
    "change",
    ["louder", "one-burst", "longer", "bitrate"],
)
def test_sha256_changes_when_the_audio_does(tmp_path: Path, change: str) -> None:
    samples = tone(1.0, 24000)
    base = encode(tmp_path / "a.mp3", [Clip(samples, 24000)], input_rate=24000)
    other = samples.copy()
    bitrate = 64
    if change == "louder":
        other *= 1.5
    elif change == "one-burst":
        other[12000:12100] = 0.8
    elif change == "longer":
        other = np.concatenate([other, np.zeros(24, np.float32)])
    else:
        bitrate = 96
    changed = encode(tmp_path / "b.mp3", [Clip(other, 24000)], input_rate=24000, bitrate=bitrate)
    assert changed.sha256 != base.sha256


# --- errors and cleanup ------------------------------------------------------------------------


def test_unwritable_path_is_an_output_error(tmp_path: Path) -> None:
    path = tmp_path / "missing-folder" / "a.mp3"
    with pytest.raises(OutputError) as info:
        Mp3Writer(path, input_rate=24000)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)


def test_leaving_the_context_without_close_stops_the_worker(tmp_path: Path) -> None:
    before = set(threading.enumerate())
    with pytest.raises(RuntimeError, match="synthesis failed"):
        with Mp3Writer(tmp_path / "a.mp3", input_rate=24000) as writer:
            writer.write(Clip(tone(0.5, 24000), 24000))
            raise RuntimeError("synthesis failed")
    started = [t for t in set(threading.enumerate()) - before if t.name == "narrate-mp3"]
    assert started == []


def test_context_after_close_is_fine(tmp_path: Path) -> None:
    with Mp3Writer(tmp_path / "a.mp3", input_rate=24000) as writer:
        writer.write(Clip(tone(0.5, 24000), 24000))
        result = writer.close()
    assert len(decode(tmp_path / "a.mp3")) == round(result.duration * 44100)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_full_disk_is_an_output_error() -> None:
    writer = Mp3Writer(Path("/dev/full"), input_rate=44100)
    with pytest.raises(OutputError):
        writer.write(Clip(tone(1.0, 44100), 44100))
        writer.close()


def test_close_with_nothing_written_is_an_output_error(tmp_path: Path) -> None:
    writer = Mp3Writer(tmp_path / "empty.mp3", input_rate=44100)
    outcome: list[object] = []

    def close() -> None:
        try:
            outcome.append(writer.close())
        except Exception as exc:
            outcome.append(exc)

    closer = threading.Thread(target=close, daemon=True)  # a daemon, so a hang cannot block exit
    closer.start()
    closer.join(timeout=10)
    assert not closer.is_alive(), "Mp3Writer.close() hung"
    assert isinstance(outcome[0], OutputError)
    assert "no audio was written" in str(outcome[0])
