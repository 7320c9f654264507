"""Workload ``seed-audio-cpu``: what the audio work after synthesis costs in CPU, stage by stage.

The seed article is built in-process by ``narrate.pipeline.Narrator`` (default voice, no chunk cache, no
spoken intro or outro, two-core threaded mode as ``narrate build`` runs), with each stage's functions
wrapped to add up the CPU time of the thread that runs them (``time.thread_time``: what the stage
itself used, whatever else the machine was doing), best of ``--repeat`` fresh processes:

synthesis
    The engine speaking (``HibariEngine.synthesize``); the one cost a narration tool cannot avoid.
placing (resample + seams)
    ``Assembler.add_chunk``: each sentence resampled to the timeline (when its rate differs), its edges
    and inner pauses cut (audio/seams.py), the gain it will get estimated, its place recorded.
levelling + meter
    ``Assembler._process`` minus the writer: levelling and true-peak limiting (``Leveler``) and the
    streaming loudness meter (``LoudnessMeter``).
encoding (soxr + LAME)
    ``Mp3Writer._emit`` / ``_resample``: the stream resampled to 44.1 kHz and encoded at 64 kbps.
after synthesis
    The sum of the three above; the headline. To compare with another tree, run this workload with
    ``PYTHONPATH=<that tree>`` (each step is a fresh process that imports narrate from there): the
    figure before issue 18 was about 8 CPU seconds (commit 08add87: 7.99 and 8.10 in two runs).
"""

from __future__ import annotations

import functools
import tempfile
import time
from pathlib import Path
from typing import Any

import harness as h

_STAGES = ("synthesis", "placing", "level_meter", "encoding")


@h.step("seed-audio-cpu:build")
def _step_audio_cpu(params: h.JSONDict) -> h.JSONDict:
    """One in-process threaded build of the seed with the stages' thread CPU added up."""
    import narrate.audio.assembly as assembly
    import narrate.audio.mp3writer as mp3writer
    from narrate.config import load_config
    from narrate.pipeline import Narrator
    from narrate.speech.engines import hibari

    spent = dict.fromkeys(_STAGES, 0.0)

    def wrap(owner: type, name: str, stage: str, sign: float = 1.0) -> None:
        original = getattr(owner, name)

        @functools.wraps(original)
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.thread_time()
            try:
                return original(*args, **kwargs)
            finally:
                spent[stage] += sign * (time.thread_time() - start)

        setattr(owner, name, timed)

    wrap(hibari.HibariEngine, "synthesize", "synthesis")
    wrap(assembly.Assembler, "add_chunk", "placing")
    wrap(assembly.Assembler, "_process", "level_meter")
    # the writer is called from _process when not threaded; threaded, it hands over at once
    wrap(mp3writer.Mp3Writer, "_emit", "encoding")
    wrap(mp3writer.Mp3Writer, "_resample", "encoding")
    with tempfile.TemporaryDirectory(prefix="narrate-bench-audiocpu-") as tmp:
        config_file = Path(tmp) / "narrate.toml"
        config_file.write_text("[episode]\nspoken_intro = false\nspoken_outro = false\n", encoding="utf-8")
        narrator = Narrator.create(Path(tmp) / "out", load_config(config_file), use_cache=False, threaded=True)
        wall = time.perf_counter()
        result = narrator.narrate(params["article"])
        wall = time.perf_counter() - wall
        narrator.close()
    record = result.record
    assert record is not None
    return {**spent, "wall": wall, "audio_seconds": record.audio.duration,
            "loudness": record.quality.get("loudness_lufs"), "true_peak": record.quality.get("true_peak_dbtp")}


@h.workload("seed-audio-cpu")
def seed_audio_cpu(settings: h.Settings) -> h.WorkloadResult:
    """CPU seconds of each stage of the seed's build, by thread: synthesis, placing, levelling + meter, encoding."""
    h.seed_or_error()
    runs = [h.run_step("seed-audio-cpu:build", {"article": str(h.SEED_ARTICLE)}).data for _ in range(settings.repeat)]

    def after(run: h.JSONDict) -> float:
        return float(run["placing"] + run["level_meter"] + run["encoding"])

    best = min(runs, key=after)
    audio = best["audio_seconds"]
    labels = {"synthesis": "synthesis", "placing": "placing (resample + seams)",
              "level_meter": "levelling + meter", "encoding": "encoding (soxr + LAME)"}
    figures = [h.Figure(f"{stage}_cpu", labels[stage], best[stage], "s", f"{audio / best[stage]:.0f}x realtime")
               for stage in _STAGES]
    figures.append(h.Figure("after_synthesis_cpu", "after synthesis (sum)", after(best), "s",
                            f"{after(best) / best['synthesis']:.2f} x synthesis; "
                            f"{best['loudness']} LUFS, {best['true_peak']} dBTP before encoding; "
                            f"{h.runs([after(r) for r in runs])}".rstrip("; ")))
    return h.WorkloadResult(
        "seed-audio-cpu",
        f"the seed built in-process (default voice, threaded), {audio:.0f} s of audio; thread CPU per stage, "
        f"best of {settings.repeat}",
        figures,
        {"runs": runs},
    )
