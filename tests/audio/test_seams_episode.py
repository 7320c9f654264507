"""The seams of the seed episode, read from the outside: the MP3 decoded by ffmpeg, the units placed
by the sidecar (issue 15, items 3 and 4).

How things are measured here (narrate/audio/seams.py says the same):

- the decoded audio is shifted by the encoder + decoder delay, measured by encoding a click through
  the build's MP3 writer and finding it again in ffmpeg's output (lameenc writes no LAME tag, so
  ffmpeg cannot remove the delay itself);
- a frame is 5 ms; it is loud when its RMS is at or above -50 dBFS;
- **edge**: the median absolute sample, in dBFS, of the 5 ms before a unit's end (its end edge) or
  after its start (its start edge), at the sidecar's times;
- **inner silence**: the longest run of quiet frames between a unit's first and last loud frame;
- **pause**: between two units in a row, (a) the sidecar's start of the second minus the end of the
  first, and (b) the heard pause: from the end of the last loud frame of the first unit to the start
  of the first loud frame of the second; both against the preset's pause for that place (sentence
  0.35 s inside a paragraph or between pieces of one, paragraph 0.8 s, heading 1.4 s);
- **cue**: the transcript cue that starts each sentence (Podcasting 2.0 JSON, whole milliseconds)
  against the first loud frame at or after 100 ms before it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from narrate import build, load_preset
from narrate.audio.mp3writer import Mp3Writer
from narrate.models import Clip
from tests.audiocheck import decode
from tests.conftest import SEED, require_file

RATE = 44100
FRAME = round(0.005 * RATE)
EDGE = round(0.005 * RATE)
LOUD_DB = -50.0


@dataclass(frozen=True)
class Unit:
    start: float
    end: float
    text: str
    expected_pause: float
    """The preset's pause before this unit (0 for the very first)."""
    written: str
    """The unit's text as written ("" for the later parts of an over-long sentence)."""


@dataclass(frozen=True)
class Episode:
    pcm: np.ndarray
    """Decoded, delay removed, float in [-1, 1]."""
    units: list[Unit]
    sentence_pause: float
    cue_starts: list[float]
    """Start times of the cues in the Podcasting 2.0 transcript, as written."""


def _decoder_delay(folder: Path) -> int:
    """Samples ffmpeg's decoding of the writer's MP3 lags the PCM written, found with a click."""
    pcm = np.zeros(RATE, np.float32)
    pcm[RATE // 2 : RATE // 2 + 40] = 0.5 * np.hanning(40)
    path = folder / "click.mp3"
    with Mp3Writer(path, input_rate=RATE, output_rate=RATE, bitrate=64) as writer:
        writer.write(Clip(pcm, RATE))
        writer.close()
    decoded = decode(path, RATE).astype(np.float64)
    lag = int(np.argmax(np.correlate(decoded, pcm.astype(np.float64), mode="full"))) - (len(pcm) - 1)
    assert 0 <= lag < 0.1 * RATE
    return lag


@pytest.fixture(scope="module")
def episode(tmp_path_factory: pytest.TempPathFactory) -> Episode:
    require_file(SEED)
    work = tmp_path_factory.mktemp("seams")
    report = build([SEED], out_dir=work / "out", use_cache=False)
    record = report.results[0].record
    assert record is not None, report.results[0].error
    delay = _decoder_delay(work)
    mp3 = record.audio_path(work / "out")
    pcm = decode(mp3, RATE).astype(np.float64)[delay:] / 32768.0
    transcript = json.loads((mp3.parent / record.files["transcript_json"]).read_text(encoding="utf-8"))
    pauses = load_preset("default").pauses
    units: list[Unit] = []
    for chunk in record.chunks:
        if chunk.kind == "music":
            continue
        if not chunk.first_in_block:
            before = pauses.sentence
        else:
            before = pauses.heading if chunk.kind == "heading" else pauses.paragraph
        for n, sentence in enumerate(chunk.sentences):
            expected = (before if n == 0 else pauses.sentence) if units else 0.0
            units.append(Unit(sentence["start"], sentence["end"], sentence["spoken"], expected, sentence["text"]))
    return Episode(pcm, units, pauses.sentence, [segment["startTime"] for segment in transcript["segments"]])


def _loud(pcm: np.ndarray) -> np.ndarray:
    frames = len(pcm) // FRAME
    rms = np.sqrt(np.mean(pcm[: frames * FRAME].reshape(frames, FRAME) ** 2, axis=1))
    return rms >= 10 ** (LOUD_DB / 20)


def _edge_db(pcm: np.ndarray) -> float:
    return 20 * np.log10(max(float(np.median(np.abs(pcm))), 1e-9))


def _at(seconds: float) -> int:
    return round(seconds * RATE)


def _loud_frames(episode: Episode, unit: Unit) -> np.ndarray:
    """Indexes (in 5 ms frames from the unit's start) of the unit's loud frames."""
    return np.flatnonzero(_loud(episode.pcm[_at(unit.start) : _at(unit.end)]))


def test_units_with_two_sentences_exist(episode: Episode) -> None:
    """Quotations are sent whole: the engine's own inner pause is what the next test is about."""
    joined = [u for u in episode.units if len(re.findall(r"[.?!][”\"]?\s+[“\"]?[A-Z]", u.text)) >= 1]
    assert len(joined) >= 3, [u.text for u in episode.units]


def test_no_long_silence_inside_a_unit(episode: Episode) -> None:
    longest = 0.0
    for unit in episode.units:
        quiet = ~_loud(episode.pcm[_at(unit.start) : _at(unit.end)])
        loud = np.flatnonzero(~quiet)
        assert len(loud), unit.text
        inside = quiet[loud[0] : loud[-1] + 1].astype(np.int8)
        edges = np.diff(np.concatenate(([0], inside, [0])))
        runs = np.flatnonzero(edges == -1) - np.flatnonzero(edges == 1)
        longest = max(longest, float(runs.max(initial=0)) * FRAME / RATE)
    assert 0.15 < longest <= 0.5


def test_edges_are_quiet(episode: Episode) -> None:
    ends = [_edge_db(episode.pcm[_at(u.end) - EDGE : _at(u.end)]) for u in episode.units]
    starts = [_edge_db(episode.pcm[_at(u.start) : _at(u.start) + EDGE]) for u in episode.units]
    assert np.median(ends) <= -50, sorted(ends)[-5:]
    assert np.median(starts) <= -45, sorted(starts)[-5:]


def test_pauses_are_the_presets(episode: Episode) -> None:
    written, heard = [], []
    for before, unit in zip(episode.units, episode.units[1:]):
        written.append(unit.start - before.end - unit.expected_pause)
        last = _loud_frames(episode, before)[-1] + 1
        first = _loud_frames(episode, unit)[0]
        heard.append((_at(unit.start) + first * FRAME - _at(before.start) - last * FRAME) / RATE - unit.expected_pause)
    assert sum(u.expected_pause == episode.sentence_pause for u in episode.units) >= 10
    assert max(map(abs, written)) <= 0.05, sorted(written)
    assert max(map(abs, heard)) <= 0.05, sorted(heard)


def test_cues_sit_on_the_speech(episode: Episode) -> None:
    """Every sentence's first cue in the transcript starts within 100 ms of its speech."""
    cues = np.array(episode.cue_starts)
    checked = 0
    for unit in episode.units:
        if not unit.written:
            continue
        # the cue is written to the millisecond, the sidecar's start more finely: one of them rounds up
        cue = float(cues[np.argmin(np.abs(cues - unit.start))])
        assert abs(cue - unit.start) <= 0.0006, unit.text
        look = max(0, _at(cue) - round(0.1 * RATE))
        onset = look + int(np.flatnonzero(_loud(episode.pcm[look : _at(unit.end)]))[0]) * FRAME
        assert abs(onset / RATE - cue) <= 0.1, unit.text
        checked += 1
    assert checked >= 50
