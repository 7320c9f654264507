"""Workload ``rebuild-seed``: an unchanged rebuild against the first build.

The seed with the default voice built into a fresh output folder with a fresh chunk cache, then
rebuilt unchanged into the same folder with the same cache (``--repeat`` times); each build is
``narrate.build`` in its own fresh process (as ``narrate build`` runs twice).

rebuild / first build
    Best rebuild's wall time over the first build's. Target <= 0.05.
engine calls on the rebuild
    Chunks not served by the cache (chunks - ``Progress.cached`` at the last progress event). Target 0.
model load
    Creating the default preset's engine with every module already imported: a cost every build pays
    before the cache is asked.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import harness as h

REBUILD_TARGET = 0.05
"""A rebuild of an unchanged article may take at most this share of the first build's time."""


@h.step("rebuild-seed:build")
def _step_rebuild_build(params: h.JSONDict) -> h.JSONDict:
    """One narrate.build of the article (default voice) into ``out_dir`` with the chunk cache in
    ``cache_dir``; no warm-up: a fresh process, as `narrate build` runs. Then, untimed by the build,
    the default preset's model load with every module already imported."""
    os.environ["NARRATE_CACHE_DIR"] = params["cache_dir"]
    import narrate
    from narrate.speech.engines import create_engine

    events: list[Any] = []
    cpu_before = h.cpu_seconds()
    seconds, report = h.timed(
        narrate.build, [params["article"]], out_dir=Path(params["out_dir"]), progress=events.append
    )
    cpu = h.cpu_seconds() - cpu_before
    if report.failed:
        raise h.BenchmarkError(f"build of {params['article']} failed: {report.failed[0].error}")
    result = report.results[0]
    record = result.record
    assert record is not None
    preset = narrate.load_preset("default")
    load_seconds, engine = h.timed(create_engine, preset.engine, preset.options, str(preset.path))
    engine.close()
    last = events[-1]
    return {
        "wall": seconds,
        "cpu": cpu,
        "chunks": last.chunks_total,
        "cached": last.cached,
        "fallbacks": last.fallbacks,
        "replaced": result.replaced,
        "audio_seconds": record.audio.duration,
        "audio_file": record.audio.file,
        "audio_sha256": record.audio.sha256,
        "engine": record.voice.get("engine", ""),
        "model_load": load_seconds,
    }


@h.workload("rebuild-seed")
def rebuild_seed(settings: h.Settings) -> h.WorkloadResult:
    """The seed built (default voice, fresh cache), then rebuilt unchanged: rebuild / first build."""
    article = h.seed_or_error()
    with tempfile.TemporaryDirectory(prefix="narrate-bench-rebuild-") as tmp:
        params = {"article": str(article), "out_dir": str(Path(tmp) / "out"), "cache_dir": str(Path(tmp) / "cache")}
        h.progress("rebuild-seed: first build (fresh output folder, fresh chunk cache) ...")
        first = h.run_step("rebuild-seed:build", params).data
        rebuilds: list[h.JSONDict] = []
        for n in range(settings.repeat):
            h.progress(f"rebuild-seed: rebuild {n + 1}/{settings.repeat} (same folder, same cache) ...")
            rebuilds.append(h.run_step("rebuild-seed:build", params).data)
    best = min(rebuilds, key=lambda d: d["wall"])
    calls = max(d["chunks"] - d["cached"] for d in rebuilds)
    warnings = []
    if first["cached"]:
        warnings.append(f"the first build found {first['cached']} chunk(s) in its fresh cache")
    if any(d["audio_sha256"] != first["audio_sha256"] for d in rebuilds):
        warnings.append("a rebuild made an MP3 that differs from the first build's")
    if not all(d["replaced"] for d in rebuilds):
        warnings.append("a rebuild did not find the first build's episode (replaced = False)")
    figures = [
        h.Figure(
            "first_s",
            "first build (fresh cache)",
            first["wall"],
            "s",
            f"{first['chunks']} chunks, {first['chunks'] - first['cached']} spoken by the engine, "
            f"{first['cpu'] / first['wall']:.2f} cores busy",
        ),
        h.Figure(
            "rebuild_s",
            "rebuild (unchanged, same cache)",
            best["wall"],
            "s",
            f"{best['cached']} of {best['chunks']} chunks from the cache, {best['cpu'] / best['wall']:.2f} cores "
            f"busy; {h.runs([d['wall'] for d in rebuilds])}".rstrip("; "),
        ),
        h.Figure(
            "rebuild_over_first",
            "rebuild / first build",
            best["wall"] / first["wall"],
            "x",
            target_max=REBUILD_TARGET,
            decimals=3,
        ),
        h.Figure(
            "rebuild_engine_calls",
            "engine calls on the rebuild",
            calls,
            target_max=0,
            decimals=0,
            note="chunks - cached, from the build's progress events (worst rebuild)",
        ),
        h.Figure(
            "model_load_s",
            "model load (modules already imported)",
            best["model_load"],
            "s",
            "paid by every build, rebuild included: the engine is made before the cache is asked",
        ),
        h.Figure(
            "audio_s",
            "audio produced",
            first["audio_seconds"],
            "s",
            "rebuild MP3 identical"
            if not any(d["audio_sha256"] != first["audio_sha256"] for d in rebuilds)
            else "rebuild MP3 differs",
        ),
    ]
    summary = (
        f"{article.name}, default voice ({first['engine']}); each build is narrate.build in its own fresh "
        f"process (imports not timed; what the engine imports lazily is); 1 first build, best of "
        f"{settings.repeat} rebuild(s)"
    )
    return h.WorkloadResult("rebuild-seed", summary, figures, {"first": first, "rebuilds": rebuilds}, warnings)
