"""Workload ``seed-seams``: the seams of the seed episode, before and after narrate/audio/seams.py.

The seed article is built with the default voice (hibari) twice in fresh processes, once with the
former cut (``narrate.audio.seams.HARD_CUT``: trimmed at -50 dBFS of the engine's raw level, nothing
kept, no fades, inner pauses left as the engine made them) and once with narrate's style
(``SEAMS``). Each MP3 is decoded by ffmpeg (Debian's, else imageio-ffmpeg's) at 44.1 kHz and shifted
by the encoder + decoder delay (found by encoding a click through the same writer); the units are
where the sidecar puts them. Measured as tests/audio/test_seams_episode.py measures them (5 ms
frames, loud at or above -50 dBFS RMS):

longest silence inside a unit
    The longest run of quiet frames between a unit's first and last loud frame. Target <= 0.5 s.
end edge / start edge
    Median absolute sample (dBFS) over the 5 ms before each unit's end / after its start: the median
    over units and the 95th percentile. Targets: ends <= -50, starts <= -45 (medians).
pause error (sidecar)
    |next unit's start - previous unit's end - the preset's pause there|: median and max.
pause error (heard)
    The same with the heard pause: last loud frame of a unit to the first loud frame of the next.
cue vs onset
    Largest |unit start in the sidecar - first loud frame from 100 ms before it|. Target <= 0.1 s.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import harness as h

RATE = 44100


def _ffmpeg() -> str:
    found = shutil.which("ffmpeg")
    if found:
        return found
    try:
        import imageio_ffmpeg
    except ImportError as exc:
        raise h.BenchmarkError("no ffmpeg to decode with (apt install ffmpeg, or pip install imageio-ffmpeg)") from exc
    return imageio_ffmpeg.get_ffmpeg_exe()


def _decode(path: Path):  # -> np.ndarray (numpy is imported in the child only)
    import numpy as np

    result = subprocess.run(
        [_ffmpeg(), "-nostdin", "-v", "error", "-i", str(path), "-f", "s16le", "-ac", "1", "-ar", str(RATE), "-"],
        capture_output=True, check=False,
    )
    if result.returncode:
        raise h.BenchmarkError(f"ffmpeg could not decode {path}: {result.stderr.decode(errors='replace')}")
    return np.frombuffer(result.stdout, dtype="<i2").astype(np.float64) / 32768.0


def _delay(folder: Path) -> int:
    import numpy as np

    from narrate.audio.mp3writer import Mp3Writer
    from narrate.models import Clip

    pcm = np.zeros(RATE, np.float32)
    pcm[RATE // 2 : RATE // 2 + 40] = 0.5 * np.hanning(40)
    with Mp3Writer(folder / "click.mp3", input_rate=RATE, output_rate=RATE, bitrate=64) as writer:
        writer.write(Clip(pcm, RATE))
        writer.close()
    decoded = _decode(folder / "click.mp3")
    return int(np.argmax(np.correlate(decoded, pcm.astype(np.float64), mode="full"))) - (len(pcm) - 1)


@h.step("seed-seams:measure")
def _step_measure(params: h.JSONDict) -> h.JSONDict:
    """Build the seed with the named seam style and measure its decoded seams."""
    import re

    import numpy as np

    import narrate
    import narrate.audio.assembly as assembly
    import narrate.audio.seams as seams

    assembly.SEAMS = {"before": seams.HARD_CUT, "after": seams.SEAMS}[params["style"]]
    frame = round(0.005 * RATE)
    with tempfile.TemporaryDirectory(prefix="narrate-bench-seams-") as tmp:
        seconds, report = h.timed(narrate.build, [params["article"]], out_dir=Path(tmp) / "out", use_cache=False)
        record = report.results[0].record
        if record is None:
            raise h.BenchmarkError(f"build failed: {report.results[0].error}")
        delay = _delay(Path(tmp))
        pcm = _decode(record.audio_path(Path(tmp) / "out"))[delay:]
    pauses = narrate.load_preset("default").pauses

    units = []  # (start, end, expected pause before, text)
    for chunk in record.chunks:
        if not chunk.first_in_block:
            before = pauses.sentence
        else:
            before = pauses.heading if chunk.kind == "heading" else pauses.paragraph
        for n, s in enumerate(chunk.sentences):
            units.append((s["start"], s["end"], (before if n == 0 else pauses.sentence) if units else 0.0, s["spoken"]))

    def at(t: float) -> int:
        return round(t * RATE)

    def loud(x: np.ndarray) -> np.ndarray:
        count = len(x) // frame
        rms = np.sqrt(np.mean(x[: count * frame].reshape(count, frame) ** 2, axis=1))
        return rms >= 10 ** (-50 / 20)

    def edge(x: np.ndarray) -> float:
        return float(20 * np.log10(max(float(np.median(np.abs(x))), 1e-9)))

    inner, ends, starts, firsts, lasts, cue = [], [], [], [], [], []
    for start, end, _, _ in units:
        flags = loud(pcm[at(start) : at(end)])
        where = np.flatnonzero(flags)
        quiet = (~flags[where[0] : where[-1] + 1]).astype(np.int8)
        marks = np.diff(np.concatenate(([0], quiet, [0])))
        inner.append(float((np.flatnonzero(marks == -1) - np.flatnonzero(marks == 1)).max(initial=0)) * frame / RATE)
        firsts.append(at(start) + int(where[0]) * frame)
        lasts.append(at(start) + (int(where[-1]) + 1) * frame)
        ends.append(edge(pcm[at(end) - frame : at(end)]))
        starts.append(edge(pcm[at(start) : at(start) + frame]))
        look = max(0, at(start) - round(0.1 * RATE))
        onset = look + int(np.flatnonzero(loud(pcm[look : at(end)]))[0]) * frame
        cue.append(abs(onset / RATE - start))
    written = [abs(b[0] - a[1] - b[2]) for a, b in zip(units, units[1:])]
    heard = [abs((firsts[i + 1] - lasts[i]) / RATE - units[i + 1][2]) for i in range(len(units) - 1)]
    joined = sum(bool(re.search(r"[.?!][”\"]?\s+[“\"]?[A-Z]", u[3])) for u in units)
    return {
        "build_s": seconds,
        "units": len(units),
        "joined_units": joined,
        "delay_samples": delay,
        "inner_max_s": max(inner),
        "end_median_db": float(np.median(ends)),
        "end_p95_db": float(np.percentile(ends, 95)),
        "start_median_db": float(np.median(starts)),
        "start_p95_db": float(np.percentile(starts, 95)),
        "pause_written_median_s": float(np.median(written)),
        "pause_written_max_s": max(written),
        "pause_heard_median_s": float(np.median(heard)),
        "pause_heard_max_s": max(heard),
        "cue_max_s": max(cue),
        "duration_s": record.audio.duration,
    }


@h.workload("seed-seams")
def seed_seams(settings: h.Settings) -> h.WorkloadResult:
    """The seed episode's seams (inner pauses, edge levels, pauses, cues): former cut vs narrate's."""
    article = h.seed_or_error()
    got = {}
    for style in ("before", "after"):
        h.progress(f"seed-seams: building and decoding the seed ({style}) ...")
        got[style] = h.run_step("seed-seams:measure", {"article": str(article), "style": style}).data
    b, a = got["before"], got["after"]

    def both(key: str, label: str, unit: str, target: float | None = None, decimals: int = 3) -> h.Figure:
        return h.Figure(key, label, a[key], unit, f"before {b[key]:.{decimals}f}", target_max=target, decimals=decimals)

    figures = [
        both("inner_max_s", "longest silence inside a unit", "s", 0.5),
        both("end_median_db", "end edge, median", "dBFS", -50.0, 1),
        both("end_p95_db", "end edge, 95th percentile", "dBFS", None, 1),
        both("start_median_db", "start edge, median", "dBFS", -45.0, 1),
        both("start_p95_db", "start edge, 95th percentile", "dBFS", None, 1),
        both("pause_written_median_s", "pause error (sidecar), median", "s"),
        both("pause_written_max_s", "pause error (sidecar), max", "s", 0.05),
        both("pause_heard_median_s", "pause error (heard), median", "s"),
        both("pause_heard_max_s", "pause error (heard), max", "s", 0.05),
        both("cue_max_s", "cue vs onset, max", "s", 0.1),
        both("duration_s", "episode length", "s", None, 2),
        both("build_s", "build wall time", "s", None, 2),
    ]
    summary = (
        f"{article.name}: {a['units']} units ({a['joined_units']} holding two or more sentences); "
        f"'before' is HARD_CUT; decoder delay {a['delay_samples']} samples at {RATE} Hz"
    )
    return h.WorkloadResult("seed-seams", summary, figures, {"before": b, "after": a})
