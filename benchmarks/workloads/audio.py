"""Workloads ``long-episode`` (memory stays bounded) and ``audio-throughput`` (audio path speed).

Workload ``long-episode``: ``narrate.build`` of a synthetic article (one paragraph of plain sentences
repeated, a heading every 25 paragraphs) with the fake engine of ``tests/fakes.py``
(``seconds_per_char = 0.06``) and no chunk cache: once for about 5 minutes of audio, once for about
2 hours, each in its own fresh process.

audio (5-minute, 2-hour)
    Minutes of audio each build produced.
peak RSS, 5-minute / 2-hour
    Peak resident memory of each build's process. The 2-hour note gives what the whole episode's PCM
    would take as float32.
growth, 2-hour over 5-minute
    The difference between the two peaks. Target <= 100 MB: a long episode is streamed, never held
    whole.
build time, 5-minute / 2-hour
    Wall time of each build; for the 2-hour one, the realtime factor and the number of chunks.

Workload ``audio-throughput``: a stretch of hibari speech (lines 7 to 12 of the seed article, spoken
by ``hibari.Hibari`` with seed 0, at its own 24 kHz, the rate a build levels at), then ``--repeat``
times, in one fresh process: MP3 encoding (``narrate.audio.mp3writer.Mp3Writer``: soxr to 44.1 kHz, then
LAME at 64 kbps, as a build writes), levelling + true-peak limiting (``narrate.audio.loudness.Leveler``
over the speech in 10 pieces) and loudness metering (``narrate.audio.loudness.LoudnessMeter``: fed the
speech, then its integrated loudness). Each figure is seconds of audio per wall second, best of
``--repeat``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import harness as h


def _fake_article(seconds: float, seconds_per_char: float) -> str:
    """An article of plain sentences that the fake engine speaks in about ``seconds``."""
    sentence = "The harbour ferry crossed the bay again this morning with every seat taken."
    per_paragraph = 4
    paragraph = " ".join([sentence] * per_paragraph)
    count = max(1, round(seconds / (len(paragraph) * seconds_per_char + 0.8)))
    lines = ["A Long Narration", "By Bench Mark"]
    for n in range(count):
        if n and n % 25 == 0:
            lines.append(f"PART NUMBER {n // 25}")
        lines.append(paragraph)
    return "\n".join(lines) + "\n"


@h.step("long-episode:build")
def _step_long_episode(params: h.JSONDict) -> h.JSONDict:
    """narrate.build of a synthetic article with the fake engine (tests/fakes.py), no chunk cache."""
    sys.path.insert(0, str(h.REPO_ROOT))
    import narrate
    from narrate.speech.engines import register
    from tests.fakes import FakeEngine

    register(FakeEngine)
    with tempfile.TemporaryDirectory(prefix="narrate-bench-long-") as tmp:
        preset = Path(tmp) / "fake.toml"
        preset.write_text(f'engine = "fake"\n[options]\nseconds_per_char = {params["seconds_per_char"]}\n')
        article = Path(tmp) / "long.txt"
        article.write_text(_fake_article(params["seconds"], params["seconds_per_char"]), encoding="utf-8")
        rss_before = h.peak_rss_self()
        seconds, report = h.timed(
            narrate.build, [article], out_dir=Path(tmp) / "out", voice=str(preset), use_cache=False
        )
        if report.failed:
            raise h.BenchmarkError(f"long build failed: {report.failed[0].error}")
        record = report.results[0].record
        assert record is not None
        return {
            "time": seconds,
            "audio_seconds": record.audio.duration,
            "mp3_bytes": record.audio.bytes,
            "chunks": len(record.chunks),
            "rss_before_build": rss_before,
        }


@h.workload("long-episode")
def long_episode(settings: h.Settings) -> h.WorkloadResult:
    """Peak memory of a 2-hour narration against a 5-minute one (fake engine): growth must stay small."""
    runs = {}
    for label, seconds in (("5 min", 300.0), ("2 h", 7200.0)):
        print(f"long-episode: {label} narration with the fake engine ...", file=sys.stderr, flush=True)
        runs[label] = h.run_step("long-episode:build", {"seconds": seconds, "seconds_per_char": 0.06})
    short, long = runs["5 min"], runs["2 h"]
    growth = (long.peak_rss_bytes - short.peak_rss_bytes) / 1e6
    figures = [
        h.Figure("short_audio", "5-minute narration: audio", short.data["audio_seconds"] / 60, "min"),
        h.Figure("long_audio", "2-hour narration: audio", long.data["audio_seconds"] / 60, "min"),
        h.Figure("short_rss", "peak RSS, 5-minute", short.peak_rss_bytes / 1e6, "MB"),
        h.Figure(
            "long_rss",
            "peak RSS, 2-hour",
            long.peak_rss_bytes / 1e6,
            "MB",
            note=f"the whole episode's PCM would be {long.data['audio_seconds'] * 44100 * 4 / 1e6:.0f} MB as float32",
        ),
        h.Figure("rss_growth", "growth, 2-hour over 5-minute", growth, "MB", target_max=100.0),
        h.Figure("short_time", "build time, 5-minute", short.data["time"], "s"),
        h.Figure(
            "long_time",
            "build time, 2-hour",
            long.data["time"],
            "s",
            note=f"{long.data['audio_seconds'] / long.data['time']:.0f}x realtime, {long.data['chunks']} chunks",
        ),
    ]
    return h.WorkloadResult(
        "long-episode",
        "fake engine (tests/fakes.py), no chunk cache, fresh process each",
        figures,
        {"short": short.data, "long": long.data},
    )


@h.step("audio-throughput:run")
def _step_audio_throughput(params: h.JSONDict) -> h.JSONDict:
    """Encoding, levelling and metering of one minute of hibari speech, repeated."""
    import numpy as np
    from hibari import Hibari

    from narrate.audio.loudness import Leveler, LoudnessMeter
    from narrate.audio.mp3writer import Mp3Writer
    from narrate.models import Clip

    text = h.SEED_ARTICLE.read_text(encoding="utf-8").splitlines()[6:12]
    rate = 24000
    speech = np.asarray(Hibari()(" ".join(text), seed=0), dtype=np.float32)
    seconds = len(speech) / rate
    results: dict[str, list[float]] = {"encode": [], "level": [], "meter": []}
    for _ in range(params["repeat"]):
        with tempfile.TemporaryDirectory(prefix="narrate-bench-enc-") as tmp:
            writer = Mp3Writer(Path(tmp) / "a.mp3", input_rate=rate, output_rate=44100)
            start = time.perf_counter()
            writer.write(Clip(speech, rate))
            writer.close()
            results["encode"].append(time.perf_counter() - start)
        leveler = Leveler(rate)
        start = time.perf_counter()
        for piece in np.array_split(speech, 10):
            leveler.process(piece)
        results["level"].append(time.perf_counter() - start)
        meter = LoudnessMeter(rate)
        start = time.perf_counter()
        meter.feed(speech)
        meter.integrated()
        results["meter"].append(time.perf_counter() - start)
    return {"seconds": seconds, **results}


@h.workload("audio-throughput")
def audio_throughput(settings: h.Settings) -> h.WorkloadResult:
    """Seconds of audio per wall second: MP3 encoding (44.1 kHz, 64 kbps), levelling + limiting, metering."""
    if not h.SEED_ARTICLE.is_file():
        raise h.BenchmarkError(f"seed article not found: {h.SEED_ARTICLE}")
    run = h.run_step("audio-throughput:run", {"repeat": settings.repeat})
    seconds = run.data["seconds"]
    figures = [
        h.Figure(
            f"{name}_x",
            label,
            seconds / min(run.data[name]),
            "x",
            note=f"best of {settings.repeat}, {seconds:.0f} s of speech",
        )
        for name, label in (
            ("encode", "MP3 encoding (soxr + lameenc, 64 kbps)"),
            ("level", "levelling + true-peak limiting"),
            ("meter", "streaming loudness meter"),
        )
    ]
    return h.WorkloadResult("audio-throughput", "hibari speech from the seed article at 24 kHz (levelled there; encoded at 44.1 kHz)", figures, run.data)
