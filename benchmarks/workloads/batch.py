"""Workloads ``batch-jobs``, ``batch-dask`` and ``batch-languages``: ``narrate.batch.runner.run_batch``.

Both cut the seed article (../shared/articles/seed-article.txt from the repository root) into parts
of about a minute of speech each (its long paragraphs, shared out in order, each part with its own
title and byline) and build them with the default voice, no chunk cache, into a fresh output folder
per run; all the runs of one workload happen in one fresh process.

Workload ``batch-jobs`` (12 parts): ``run_batch`` with ``jobs=1``, then ``jobs=2``, ``--repeat`` times.

--jobs 1, --jobs 2
    Articles per minute of the best run at each setting.
--jobs 2 / --jobs 1
    The speed-up of two jobs over one. Target >= 1.7 (on 2 cores).
audio per run
    Minutes of audio one batch produces.

Workload ``batch-dask`` (8 parts): ``run_batch`` with 2 local worker processes (``jobs=2``), then on a
2-worker Dask ``LocalCluster`` (worker processes with one thread each, started once), ``--repeat``
times.

2 local worker processes, Dask LocalCluster
    Best wall time of each, every run listed.
Dask overhead
    How much longer the Dask batch takes than the local one, in per cent. Target <= 10.

Workload ``batch-languages``: a folder of 12 articles in six languages (two each in en, es, fr, de,
pt, it, made from the test paragraphs in tests/data/languages/) with the default config (English by
hibari, the others by eSpeak NG), against 12 English articles of the same size, both with
``jobs=2``, no chunk cache. Every article's language is detected.

mixed, English only
    Articles per minute and minutes of audio per wall minute of the best run.
mixed / English only
    Throughput (articles per minute) of the mixed batch over the English one.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import harness as h


def _seed_articles(folder: Path, count: int) -> None:
    """``count`` articles cut from the seed article's paragraphs (about a minute of speech each)."""
    lines = [line for line in h.SEED_ARTICLE.read_text(encoding="utf-8").splitlines()[6:] if len(line) > 80]
    per = max(1, len(lines) // count)
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        body = "\n".join(lines[n * per : (n + 1) * per]) or lines[n % len(lines)]
        (folder / f"part-{n:02d}.txt").write_text(f"Seed Part {n}\nBy Bench Mark\n{body}\n", encoding="utf-8")


@h.step("batch-jobs:run")
def _step_batch_jobs(params: h.JSONDict) -> h.JSONDict:
    """run_batch of the same articles with --jobs 1 and --jobs 2, fresh output folders, no cache."""
    from narrate.batch.runner import run_batch

    results: dict[str, list[float]] = {"1": [], "2": []}
    audio = 0.0
    with tempfile.TemporaryDirectory(prefix="narrate-bench-batch-") as tmp:
        source = Path(tmp) / "articles"
        _seed_articles(source, params["articles"])
        for repeat in range(params["repeat"]):
            for jobs in (1, 2):
                out = Path(tmp) / f"out-{jobs}-{repeat}"
                seconds, report = h.timed(run_batch, source, out_dir=out, jobs=jobs, use_cache=False)
                if report.failed:
                    raise h.BenchmarkError(f"batch failed: {report.failed[0].error}")
                results[str(jobs)].append(seconds)
                audio = sum(o.audio_seconds for o in report.outcomes)
    return {"times": results, "articles": params["articles"], "audio_seconds": audio}


@h.workload("batch-jobs")
def batch_jobs(settings: h.Settings) -> h.WorkloadResult:
    """Articles per minute with hibari at --jobs 1 and --jobs 2 (target >= 1.7x on 2 cores)."""
    if not h.SEED_ARTICLE.is_file():
        raise h.BenchmarkError(f"seed article not found: {h.SEED_ARTICLE}")
    run = h.run_step("batch-jobs:run", {"articles": 12, "repeat": settings.repeat})
    data = run.data
    one, two = min(data["times"]["1"]), min(data["times"]["2"])
    per_minute = lambda seconds: data["articles"] / seconds * 60  # noqa: E731
    figures = [
        h.Figure(
            "jobs1", "--jobs 1", per_minute(one), "articles/min", note=f"{one:.1f} s for {data['articles']} articles"
        ),
        h.Figure("jobs2", "--jobs 2", per_minute(two), "articles/min", note=f"{two:.1f} s"),
        h.Figure("speedup", "--jobs 2 / --jobs 1", one / two, "x", target_min=1.7),
        h.Figure("audio", "audio per run", data["audio_seconds"] / 60, "min"),
    ]
    return h.WorkloadResult(
        "batch-jobs",
        f"{data['articles']} parts of the seed article, default voice, no cache; best of {settings.repeat}",
        figures,
        data,
    )


@h.step("batch-dask:run")
def _step_batch_dask(params: h.JSONDict) -> h.JSONDict:
    """The same articles with 2 local worker processes and on a 2-worker Dask LocalCluster."""
    from distributed import LocalCluster

    from narrate.batch.runner import run_batch

    results: dict[str, list[float]] = {"local": [], "dask": []}
    with tempfile.TemporaryDirectory(prefix="narrate-bench-dask-") as tmp:
        source = Path(tmp) / "articles"
        _seed_articles(source, params["articles"])
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            for repeat in range(params["repeat"]):
                out = Path(tmp) / f"local-{repeat}"
                seconds, _ = h.timed(run_batch, source, out_dir=out, jobs=2, use_cache=False)
                results["local"].append(seconds)
                out = Path(tmp) / f"dask-{repeat}"
                seconds, report = h.timed(
                    run_batch, source, out_dir=out, scheduler=cluster.scheduler_address, use_cache=False
                )
                if report.failed:
                    raise h.BenchmarkError(f"dask batch failed: {report.failed[0].error}")
                results["dask"].append(seconds)
    return {"times": results, "articles": params["articles"]}


@h.workload("batch-dask")
def batch_dask(settings: h.Settings) -> h.WorkloadResult:
    """A batch on a 2-worker Dask LocalCluster against 2 local processes (target <= 10 % overhead)."""
    if not h.SEED_ARTICLE.is_file():
        raise h.BenchmarkError(f"seed article not found: {h.SEED_ARTICLE}")
    run = h.run_step("batch-dask:run", {"articles": 8, "repeat": settings.repeat})
    local, dask = min(run.data["times"]["local"]), min(run.data["times"]["dask"])
    figures = [
        h.Figure(
            "local",
            "2 local worker processes",
            local,
            "s",
            note="runs " + " / ".join(f"{t:.1f}" for t in run.data["times"]["local"]),
        ),
        h.Figure(
            "dask",
            "Dask LocalCluster, 2 workers",
            dask,
            "s",
            note="runs " + " / ".join(f"{t:.1f}" for t in run.data["times"]["dask"]),
        ),
        h.Figure("overhead", "Dask overhead", (dask / local - 1) * 100, "%", target_max=10.0),
    ]
    return h.WorkloadResult(
        "batch-dask", f"{run.data['articles']} parts of the seed article, default voice, no cache", figures, run.data
    )


LANGUAGES = ("en", "es", "fr", "de", "pt", "it")
PARAGRAPHS_PER_ARTICLE = 8


def _language_articles(folder: Path, languages: list[str]) -> None:
    """One article per entry of ``languages``, from that language's test paragraphs (in turn)."""
    folder.mkdir(parents=True, exist_ok=True)
    taken: dict[str, int] = {}
    for n, language in enumerate(languages):
        source = h.REPO_ROOT / "tests" / "data" / "languages" / f"{language}.txt"
        paragraphs = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
        start = taken.get(language, 0)
        body = [paragraphs[(start + k) % len(paragraphs)] for k in range(PARAGRAPHS_PER_ARTICLE)]
        taken[language] = start + PARAGRAPHS_PER_ARTICLE
        (folder / f"{n:02d}-{language}.txt").write_text("\n\n".join(body) + "\n", encoding="utf-8")


@h.step("batch-languages:run")
def _step_batch_languages(params: h.JSONDict) -> h.JSONDict:
    """run_batch with jobs=2 of a mixed-language folder and of an English-only one, no cache."""
    from narrate.batch.runner import run_batch

    kinds = {"mixed": [lang for lang in LANGUAGES for _ in range(2)], "english": ["en"] * 12}
    results: dict[str, list[float]] = {kind: [] for kind in kinds}
    audio: dict[str, float] = {}
    voices: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory(prefix="narrate-bench-languages-") as tmp:
        for kind, languages in kinds.items():
            source = Path(tmp) / kind
            _language_articles(source, languages)
            for repeat in range(params["repeat"]):
                out = Path(tmp) / f"out-{kind}-{repeat}"
                seconds, report = h.timed(run_batch, source, out_dir=out, jobs=2, use_cache=False)
                if report.failed:
                    raise h.BenchmarkError(f"{kind} batch failed: {report.failed[0].error}")
                results[kind].append(seconds)
                audio[kind] = sum(o.audio_seconds for o in report.outcomes)
            from narrate.publish.catalog import load_catalog

            records, _ = load_catalog(out)
            voices[kind] = sorted({f"{r.language}:{r.voice['preset']}" for r in records})
    return {"times": results, "audio_seconds": audio, "articles": 12, "voices": voices}


@h.workload("batch-languages")
def batch_languages(settings: h.Settings) -> h.WorkloadResult:
    """A mixed-language batch (en, es, fr, de, pt, it) against an English-only one, --jobs 2."""
    run = h.run_step("batch-languages:run", {"repeat": settings.repeat})
    data = run.data
    best = {kind: min(times) for kind, times in data["times"].items()}
    per_minute = {kind: data["articles"] / seconds * 60 for kind, seconds in best.items()}
    figures = [
        h.Figure(
            "mixed", "mixed languages", per_minute["mixed"], "articles/min",
            note=f"{data['audio_seconds']['mixed'] / best['mixed']:.0f}x realtime; {h.runs(data['times']['mixed'])}",
        ),
        h.Figure(
            "english", "English only", per_minute["english"], "articles/min",
            note=f"{data['audio_seconds']['english'] / best['english']:.0f}x realtime; "
            f"{h.runs(data['times']['english'])}",
        ),
        h.Figure("ratio", "mixed / English only", per_minute["mixed"] / per_minute["english"], "x"),
    ]
    return h.WorkloadResult(
        "batch-languages",
        f"12 articles of {PARAGRAPHS_PER_ARTICLE} paragraphs, jobs=2, no cache; voices "
        + ", ".join(data["voices"]["mixed"]) + f"; best of {settings.repeat}",
        figures,
        data,
    )
