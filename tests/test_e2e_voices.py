"""Choosing how voices sound, end to end on real MP3s decoded by ffmpeg: ``--speed`` with hibari and
with gTTS (against the local fake Google endpoint), a second voice for quotations (``quote_voice``),
and ``narrate say --compare``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pyloudnorm
import pytest
from typer.testing import CliRunner

from narrate.audio.mp3writer import Mp3Writer
from narrate.cli import app
from narrate.config import Config
from narrate.models import Clip
from narrate.pipeline import build
from narrate.publish.catalog import EpisodeRecord
from tests.audiocheck import decode
from tests.fake_gtts import FakeGtts

RATE = 44100
FRAME = round(0.005 * RATE)
LOUD_DB = -50.0

ARTICLE = """# The new library

The committee met on Tuesday to discuss the budget for the new library. Several members said the plan
was too expensive and asked for another vote next month.

The mayor replied that the city had saved money for three years to pay for it. Construction could begin
in the spring if the council agrees.
"""

QUOTES = """# What the council heard

The meeting began late on Thursday evening. “We have waited long enough. The library must open this year.”
The chair thanked the speaker and turned to the next item.

A resident stood up at the back of the room. “I agree with the plan,” she said, “but not with the cost.”
Nobody answered her at first.

“Parking is the real problem. Where will everyone leave their cars?” The question was noted for the
next meeting.
"""
QUOTED = {
    "“We have waited long enough. The library must open this year.”",
    "“Parking is the real problem. Where will everyone leave their cars?”",
}


def _decoder_delay(folder: Path) -> int:
    pcm = np.zeros(RATE, np.float32)
    pcm[RATE // 2 : RATE // 2 + 40] = 0.5 * np.hanning(40)
    with Mp3Writer(folder / "click.mp3", input_rate=RATE, output_rate=RATE, bitrate=64) as writer:
        writer.write(Clip(pcm, RATE))
        writer.close()
    decoded = decode(folder / "click.mp3", RATE).astype(np.float64)
    return int(np.argmax(np.correlate(decoded, pcm.astype(np.float64), mode="full"))) - (len(pcm) - 1)


def _episode(folder: Path, text: str, *, speed: float = 1.0, voice: str | None = None) -> tuple[EpisodeRecord, Path]:
    article = folder / "article.md"
    article.write_text(text, encoding="utf-8")
    out = folder / f"out-{speed}"
    report = build([article], out_dir=out, voice=voice, config=Config().with_speed(speed), use_cache=False)
    record = report.results[0].record
    assert record is not None, report.results[0].error
    return record, out


def _pcm(record: EpisodeRecord, out: Path, delay: int) -> np.ndarray:
    return decode(record.audio_path(out), RATE).astype(np.float64)[delay:] / 32768.0


def _loud(pcm: np.ndarray) -> np.ndarray:
    frames = len(pcm) // FRAME
    rms = np.sqrt(np.mean(pcm[: frames * FRAME].reshape(frames, FRAME) ** 2, axis=1))
    return rms >= 10 ** (LOUD_DB / 20)


def _cues_sit_on_the_speech(record: EpisodeRecord, out: Path, pcm: np.ndarray) -> int:
    """Every sentence's cue in the JSON transcript starts within 100 ms of its speech's onset."""
    mp3 = record.audio_path(out)
    segments = json.loads((mp3.parent / record.files["transcript_json"]).read_text(encoding="utf-8"))["segments"]
    starts = {s["startTime"] for s in segments}
    checked = 0
    for chunk in record.chunks:
        for sentence in chunk.sentences:
            if not sentence["text"]:
                continue
            cue = round(sentence["start"], 3)
            assert cue in starts, sentence["text"]
            look = max(0, round((cue - 0.1) * RATE))
            loud = np.flatnonzero(_loud(pcm[look : round(sentence["end"] * RATE)]))
            assert len(loud), sentence["text"]
            onset = (look + int(loud[0]) * FRAME) / RATE
            assert abs(onset - cue) <= 0.1, (sentence["text"], onset, cue)
            checked += 1
    return checked


def _speed_check(tmp_path: Path, voice: str | None) -> None:
    delay = _decoder_delay(tmp_path)
    normal, out_normal = _episode(tmp_path, ARTICLE, speed=1.0, voice=voice)
    fast, out_fast = _episode(tmp_path, ARTICLE, speed=1.3, voice=voice)
    assert fast.voice["speed"] == 1.3 and normal.voice["speed"] == 1.0
    assert fast.fingerprint != normal.fingerprint
    ratio = len(decode(fast.audio_path(out_fast), RATE)) / len(decode(normal.audio_path(out_normal), RATE))
    assert 0.70 <= ratio <= 0.85, ratio
    assert _cues_sit_on_the_speech(fast, out_fast, _pcm(fast, out_fast, delay)) >= 6


def test_hibari_at_1_3_takes_70_to_85_percent_of_the_time(tmp_path: Path) -> None:
    _speed_check(tmp_path, None)


def test_gtts_at_1_3_takes_70_to_85_percent_of_the_time(tmp_path: Path) -> None:
    with FakeGtts() as server:
        preset = tmp_path / "google.toml"
        preset.write_text(
            f'engine = "gtts"\nlanguage = "en-us"\n[options]\nlang = "en"\nendpoint = "{server.url}"\nretries = 0\n',
            encoding="utf-8",
        )
        _speed_check(tmp_path, str(preset))
        assert server.requests and not any(r.slow for r in server.requests)  # a stretch, not Google's slow speech


def test_a_changed_speed_speaks_again_and_the_same_speed_does_not(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    first = build([article], out_dir=out, config=Config())
    again = build([article], out_dir=out, config=Config())
    faster = build([article], out_dir=out, config=Config().with_speed(1.2))
    assert [r.status for r in (first.results + again.results + faster.results)] == ["new", "unchanged", "rebuilt"]


# --- a second voice for quotations ---------------------------------------------------------------


@pytest.fixture(scope="module")
def quoted(tmp_path_factory: pytest.TempPathFactory) -> tuple[EpisodeRecord, Path, np.ndarray]:
    folder = tmp_path_factory.mktemp("quotes")
    (folder / "quoter.toml").write_text(
        'engine = "espeak"\nlanguage = "en-us"\ndescription = "quotations"\n', encoding="utf-8"
    )
    (folder / "narrator.toml").write_text(
        'engine = "hibari"\nlanguage = "en-us"\nquote_voice = "quoter.toml"\n[options]\nvoice = "heart"\n',
        encoding="utf-8",
    )
    delay = _decoder_delay(folder)
    record, out = _episode(folder, QUOTES, voice=str(folder / "narrator.toml"))
    return record, out, _pcm(record, out, delay)


def test_exactly_the_quoted_sentences_are_spoken_by_the_quote_voice(quoted) -> None:
    record, _, _ = quoted
    assert record.voice["quote_preset"] == "quoter"
    said = [s for c in record.chunks if c.kind in ("paragraph", "heading") for s in c.sentences if s["text"]]
    by_quoter = {s["text"] for s in said if s["preset"] == "quoter"}
    assert by_quoter == QUOTED
    assert {s["preset"] for s in said} == {"narrator", "quoter"}
    assert all(s.get("quoted", False) == (s["text"] in QUOTED) for s in said)


def test_the_transcripts_and_page_name_the_voice(quoted) -> None:
    record, out, _ = quoted
    folder = record.audio_path(out).parent
    vtt = (folder / record.files["vtt"]).read_text(encoding="utf-8")
    assert len(re.findall(r"^<v quoter>", vtt, re.M)) >= 2 and "<v narrator>" in vtt
    segments = json.loads((folder / record.files["transcript_json"]).read_text(encoding="utf-8"))["segments"]
    assert {s["speaker"] for s in segments} == {"narrator", "quoter"}
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert 'data-voice="quoter"' in page and 'data-voice="narrator"' in page


def test_the_two_voices_are_within_1_lu(quoted) -> None:
    record, _, pcm = quoted
    spans: dict[str, list[np.ndarray]] = {"narrator": [], "quoter": []}
    for chunk in record.chunks:
        for sentence in chunk.sentences:
            if sentence["preset"] in spans:
                spans[sentence["preset"]].append(pcm[round(sentence["start"] * RATE) : round(sentence["end"] * RATE)])
    meter = pyloudnorm.Meter(RATE)
    loudness = {name: meter.integrated_loudness(np.concatenate(parts)) for name, parts in spans.items()}
    assert abs(loudness["narrator"] - loudness["quoter"]) <= 1.0, loudness
    assert all(abs(value + 16.0) <= 1.5 for value in loudness.values()), loudness


# --- say --compare ---------------------------------------------------------------------------------


def test_say_compare_writes_one_decodable_sample_per_voice(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["say", "--compare", "default", "espeak", "default", "The council met on Tuesday.", "-o", str(tmp_path / "c")]
    )
    assert result.exit_code == 0, result.output
    files = sorted((tmp_path / "c").glob("*.mp3"))
    assert [f.name for f in files] == ["1-default.mp3", "2-espeak.mp3", "3-default.mp3"]
    for path in files:
        assert str(path) in result.output
        assert len(decode(path)) > 0.5 * RATE


@pytest.mark.parametrize("speed", ["0.4", "2.5"])
def test_a_speed_out_of_range_is_one_line(tmp_path: Path, speed: str) -> None:
    result = CliRunner().invoke(app, ["say", "Hello there.", "--speed", speed, "-o", str(tmp_path / "s.mp3")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"narrate: error: --speed must be between 0.5 and 2.0 (1.0: the voice's own pace), not {float(speed)}"
    ]
