"""Podcast-grade episodes, checked from the outside: loudness and true peak by pyloudnorm and by
ffmpeg's ebur128, the stream by mp3val and ffprobe, the transcript by webvtt-py, the tags by eyeD3,
the pauses by silence detection in the decoded audio."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import eyed3
import numpy as np
import pyloudnorm
import pytest
import webvtt

from narrate import build
from narrate.publish.catalog import EpisodeRecord
from tests.audiocheck import decode, probe
from tests.conftest import ARTICLE_ONLY, SEED, require_file, require_tool
from tests.fakes import FakeEngine

ARTICLE = """Harbour Ferry Saved
By Ana Lee
June 2, 2025
The council voted on Monday. The ferry will run two more winters. Repairs start in January.
The engine is older than the captain.
A FLEET ON BORROWED TIME
Spare parts come from the sister ships. Nobody is happy about it.
The last paragraph is short.
"""


def ebur128(path: Path) -> tuple[float, float]:
    """Integrated loudness (LUFS) and true peak (dBFS) as ffmpeg's ebur128 filter measures them."""
    ffmpeg = require_tool("ffmpeg")
    result = subprocess.run(
        [ffmpeg, "-nostdin", "-hide_banner", "-i", str(path), "-af", "ebur128=peak=true", "-f", "null", "-"],
        capture_output=True, text=True, check=True,
    )
    summary = result.stderr[result.stderr.rindex("Summary:") :]
    integrated = float(re.search(r"I:\s+(-?[\d.]+) LUFS", summary).group(1))  # type: ignore[union-attr]
    peak = float(re.search(r"Peak:\s+(-?[\d.]+|-inf) dBFS", summary).group(1))  # type: ignore[union-attr]
    return integrated, peak


def pyloudnorm_lufs(path: Path) -> float:
    pcm = decode(path).astype(np.float64) / 32768.0
    return float(pyloudnorm.Meter(44100).integrated_loudness(pcm))


def _preset(tmp_path: Path, options: str = "") -> Path:
    path = tmp_path / "voice.toml"
    path.write_text(
        'engine = "fake"\n[pauses]\nsentence = 0.3\nparagraph = 0.7\nheading = 1.5\n'
        f"[options]\nseconds_per_char = 0.03\n{options}",
        encoding="utf-8",
    )
    return path


def _build(tmp_path: Path, preset: Path, **kwargs: object) -> tuple[EpisodeRecord, Path]:
    article = tmp_path / "ferry.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    report = build([article], out_dir=out, voice=str(preset), **kwargs)  # type: ignore[arg-type]
    record = report.results[0].record
    assert record is not None, report.results[0].error
    return record, out


@pytest.mark.parametrize("options", ["amplitude = 0.005", "", "clipping = true"], ids=["very-quiet", "normal", "clipping-loud"])
def test_loudness_and_true_peak_by_two_independent_meters(tmp_path: Path, fake_engine: type[FakeEngine], options: str) -> None:
    record, out = _build(tmp_path, _preset(tmp_path, options))
    mp3 = record.audio_path(out)
    integrated, peak = ebur128(mp3)
    assert integrated == pytest.approx(-16.0, abs=1.0)
    assert pyloudnorm_lufs(mp3) == pytest.approx(-16.0, abs=1.0)
    assert peak <= -1.0
    assert record.quality["loudness_lufs"] == pytest.approx(-16.0, abs=1.0)
    assert record.quality["true_peak_dbtp"] <= -1.0


@pytest.mark.slow
def test_seed_episode_loudness(tmp_path: Path) -> None:
    require_file(SEED)
    report = build([SEED], out_dir=tmp_path / "out")
    record = report.results[0].record
    assert record is not None
    mp3 = record.audio_path(tmp_path / "out")
    integrated, peak = ebur128(mp3)
    assert integrated == pytest.approx(-16.0, abs=1.0) and pyloudnorm_lufs(mp3) == pytest.approx(-16.0, abs=1.0)
    assert peak <= -1.0


def test_stream_is_clean_and_as_configured(tmp_path: Path, fake_engine: type[FakeEngine]) -> None:
    record, out = _build(tmp_path, _preset(tmp_path))
    mp3 = record.audio_path(out)
    mp3val = subprocess.run([require_tool("mp3val"), str(mp3)], capture_output=True, text=True)
    assert not re.search(r"WARNING|PROBLEM|ERROR", mp3val.stdout), mp3val.stdout
    info = probe(mp3)
    [stream] = [s for s in info["streams"] if s["codec_type"] == "audio"]
    assert (stream["codec_name"], int(stream["sample_rate"]), stream["channels"]) == ("mp3", 44100, 1)
    assert int(stream["bit_rate"]) == 64000
    tags = info["format"]["tags"]
    assert (tags["title"], tags["artist"], tags["album"], tags["genre"]) == (
        "Harbour Ferry Saved", "Ana Lee", "Narrated articles", "Podcast",
    )
    assert tags["date"].startswith("2025") and tags["comment"] == record.description
    assert tags["lyrics-eng"] == record.spoken_text
    assert (tags["TGID"], tags["TDES"]) == (record.guid, record.description)
    assert int(tags["TLEN"]) == round(record.audio.duration * 1000)


@pytest.mark.parametrize("version", [3, 4])
def test_chapters_follow_the_sections(tmp_path: Path, fake_engine: type[FakeEngine], version: int) -> None:
    config = tmp_path / "narrate.toml"
    config.write_text(f"[build]\nid3_version = {version}\n", encoding="utf-8")
    record, out = _build(tmp_path, _preset(tmp_path), config=config)
    assert eyed3.load(str(record.audio_path(out))).tag.version == (2, version, 0)
    mp3 = record.audio_path(out)
    ffprobe = require_tool("ffprobe")
    listed = json.loads(
        subprocess.run([ffprobe, "-v", "error", "-show_chapters", "-of", "json", str(mp3)], capture_output=True, text=True, check=True).stdout
    )["chapters"]
    starts = [float(c["start_time"]) for c in listed]
    assert starts == sorted(set(starts)) and starts[0] == 0.0
    assert [c["tags"]["title"] for c in listed] == ["Harbour Ferry Saved", "A FLEET ON BORROWED TIME"]
    heading = next(c for c in record.chunks if c.kind == "heading")
    assert starts[1] == pytest.approx(heading.start, abs=0.002)
    data = json.loads((mp3.parent / record.files["chapters_json"]).read_text(encoding="utf-8"))
    assert data["version"] == "1.2.0"
    assert [c["title"] for c in data["chapters"]] == ["Harbour Ferry Saved", "A FLEET ON BORROWED TIME"]


def test_transcript_cues_sit_on_their_sentences(tmp_path: Path, fake_engine: type[FakeEngine]) -> None:
    record, out = _build(tmp_path, _preset(tmp_path))
    folder = record.audio_path(out).parent
    captions = webvtt.read(str(folder / record.files["vtt"]))
    sentences = [s for c in record.chunks for s in c.sentences if s["text"]]
    assert len(captions) == len(sentences)
    starts = [_seconds(c.start) for c in captions]
    assert all(a < b for a, b in zip(starts, starts[1:]))
    for caption, sentence in zip(captions, sentences):
        assert abs(_seconds(caption.start) - sentence["start"]) <= 0.1
        assert caption.text.replace("\n", " ") == sentence["text"]
    # SubRip: cues of at most 2 lines of 32 characters, each inside its sentence's span
    srt = webvtt.from_srt(str(folder / record.files["srt"]))
    assert len(srt) >= len(sentences)
    for caption in srt:
        assert all(len(line) <= 32 for line in caption.raw_text.split("\n")) and caption.raw_text.count("\n") <= 1
        start, end = _seconds(caption.start), _seconds(caption.end)
        assert any(s["start"] - 0.001 <= start < end <= s["end"] + 0.001 for s in sentences), caption
    assert " ".join(c.raw_text.replace("\n", " ") for c in srt) == " ".join(s["text"] for s in sentences)
    data = json.loads((folder / record.files["transcript_json"]).read_text(encoding="utf-8"))
    assert [s["body"] for s in data["segments"]] == [s["text"] for s in sentences]


def test_cue_starts_match_speech_in_the_decoded_audio(tmp_path: Path, fake_engine: type[FakeEngine]) -> None:
    record, out = _build(tmp_path, _preset(tmp_path))
    onsets = _speech_runs(decode(record.audio_path(out)))
    sentences = [s for c in record.chunks for s in c.sentences]
    assert len(onsets) == len(sentences)
    for (start, _), sentence in zip(onsets, sentences):
        assert abs(start - sentence["start"]) <= 0.1


def test_pauses_in_the_decoded_audio_match_the_preset(tmp_path: Path, fake_engine: type[FakeEngine]) -> None:
    record, out = _build(tmp_path, _preset(tmp_path), config=ARTICLE_ONLY)
    runs = _speech_runs(decode(record.audio_path(out)))
    gaps = [b[0] - a[1] for a, b in zip(runs, runs[1:])]
    expected = []
    for chunk in record.chunks:
        if chunk.index:
            expected.append(chunk.pause_before)
        expected += [0.3] * (len(chunk.sentences) - 1)
    assert sorted(set(round(e, 2) for e in expected)) == [0.3, 0.7, 1.5]
    assert len(gaps) == len(expected)
    for gap, pause in zip(gaps, expected):
        assert gap == pytest.approx(pause, abs=0.05)


def test_every_id3_frame_by_an_independent_reader(tmp_path: Path, fake_engine: type[FakeEngine]) -> None:
    from PIL import Image

    out = tmp_path / "out"
    out.mkdir()
    Image.new("RGB", (1600, 1600), (200, 40, 40)).save(out / "cover.png")
    (out / "narrate.toml").write_text('[show]\ntitle = "Bay Audio"\nimage = "cover.png"\nbase_url = "https://pod.example/"\n')
    record, out = _build(tmp_path, _preset(tmp_path))
    tag = eyed3.load(str(record.audio_path(out))).tag
    assert tag.version == (2, 3, 0)
    assert (tag.title, tag.artist, tag.album) == ("Harbour Ferry Saved", "Ana Lee", "Bay Audio")
    assert str(tag.getBestDate()).startswith("2025")
    assert tag.genre.name == "Podcast"
    assert tag.comments[0].text == record.description
    assert tag.lyrics[0].text == record.spoken_text
    [image] = tag.images
    assert image.mime_type == "image/jpeg" and len(image.image_data) <= 300_000
    assert max(Image.open(__import__("io").BytesIO(image.image_data)).size) <= 800
    frames = {fid.decode(): tag.frame_set[fid] for fid in tag.frame_set}
    assert int(frames["TLEN"][0].text) == round(record.audio.duration * 1000)
    assert frames["WFED"][0].text == "https://pod.example/feed.xml"  # a text frame, as Apple writes it
    assert frames["TGID"][0].text == record.guid
    assert frames["TDES"][0].text == record.description
    assert "PCST" in frames


def test_quality_report_in_sidecar_and_summary(tmp_path: Path, fake_engine: type[FakeEngine]) -> None:
    record, _ = _build(tmp_path, _preset(tmp_path))
    quality = record.quality
    assert quality["duration"] == pytest.approx(record.audio.duration, abs=0.01)
    assert quality["chapters"] == 2 and quality["words"] > 40 and quality["words_per_minute"] > 0


def test_spoken_intro_and_outro(tmp_path: Path, fake_engine: type[FakeEngine]) -> None:
    record, _ = _build(tmp_path, _preset(tmp_path))
    assert record.chunks[0].kind == "intro"
    assert record.chunks[0].text == "Harbour Ferry Saved, by Ana Lee, published June 2, 2025."
    assert record.chunks[-1].kind == "outro"
    assert record.chunks[-1].text == "That was Harbour Ferry Saved, by Ana Lee. You are listening to Narrated articles."
    assert "Harbour Ferry Saved, by" not in record.spoken_text  # the transcript tag keeps the article alone


def test_intro_and_outro_audio_with_fades(tmp_path: Path, fake_engine: type[FakeEngine]) -> None:
    rate = 44100
    t = np.arange(3 * rate) / rate
    jingle = tmp_path / "jingle.wav"
    import soundfile

    soundfile.write(jingle, (0.5 * np.sin(2 * np.pi * 440 * t)).astype(np.float32), rate)
    config = tmp_path / "narrate.toml"
    config.write_text('[episode]\nintro_audio = "jingle.wav"\noutro_audio = "jingle.wav"\nfade = 1.0\n', encoding="utf-8")
    record, out = _build(tmp_path, _preset(tmp_path), config=config)
    assert [record.chunks[0].kind, record.chunks[-1].kind] == ["music", "music"]
    assert record.chunks[0].duration == pytest.approx(3.0, abs=0.01)
    pcm = decode(record.audio_path(out)).astype(np.float64) / 32768
    start, middle = np.abs(pcm[: rate // 10]).max(), np.abs(pcm[int(1.4 * rate) : int(1.6 * rate)]).max()
    assert start < middle / 4  # faded in
    total = sum(c.pause_before + c.duration for c in record.chunks)
    assert record.audio.duration == pytest.approx(total, abs=1e-6)


def _seconds(timestamp: str) -> float:
    """ "00:01:02.345" -> 62.345 (webvtt-py's start_in_seconds drops the milliseconds)."""
    hours, minutes, seconds = timestamp.replace(",", ".").split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def _speech_runs(pcm: np.ndarray, rate: int = 44100) -> list[tuple[float, float]]:
    """(start, end) of each stretch of sound, from 5 ms frames above -50 dBFS; gaps under 80 ms join."""
    frame = int(0.005 * rate)
    frames = len(pcm) // frame
    rms = np.sqrt(np.mean((pcm[: frames * frame].astype(np.float64) / 32768.0).reshape(frames, frame) ** 2, axis=1))
    loud = rms > 10 ** (-50 / 20)
    runs: list[list[float]] = []
    for index in np.flatnonzero(loud):
        start = index * frame / rate
        if runs and start - runs[-1][1] < 0.08:
            runs[-1][1] = (index + 1) * frame / rate
        else:
            runs.append([start, (index + 1) * frame / rate])
    return [(a, b) for a, b in runs]
