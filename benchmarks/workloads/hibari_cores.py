"""Workload ``hibari-cores``: how hibari uses the machine's cores.

The seed's chunks as the default preset speaks them (``narrate.text.reader.read_article`` +
``narrate.make_chunks`` with the preset's speech function), synthesized in four set-ups, each in its own
fresh process, one after another. ``--repeat`` rounds, each round running every set-up once (so that
load that comes and goes hits them all alike); the best round of each set-up is reported. Two-engine
set-ups get the chunks split in two shares of about equal characters.

x realtime
    Seconds of speech made (the clips' lengths, no pauses) per wall second, after a warm-up (one
    chunk per engine; in the 2-process set-up, the first pass of each share). "cores busy" is the
    set-up's CPU seconds over its wall time; "preemptions/s" its involuntary context switches per
    second (a warning is printed above the seed-build threshold: other load competed).
1 process, 1 intra-op thread (baseline) / 2 intra-op threads
    One engine with ``threads = 1`` or ``2`` (onnxruntime's intra- and inter-op threads).
2 Python threads, 2 engines
    Two 1-thread engines in one process, a thread each, started together.
2 processes (spawn), 2 engines
    ``multiprocessing`` with the spawn start method, a 1-thread engine in each process; warm: timed from
    a barrier that all reach once loaded and warmed up, to the last share done.
incl. model load
    The same throughput counting everything before the audio is out: for 1 process, imports, model
    load and the first (cold) pass in the child; for 2 processes, from starting the processes (spawn,
    imports, model load) to the last share's first pass done.
ratios
    Each set-up's throughput over the 1-thread baseline's.
"""

from __future__ import annotations

import os
import time
from typing import Any

import harness as h


def _hibari_engine(threads: int) -> tuple[Any, Any]:
    """The default preset's hibari engine with ``threads`` onnxruntime threads, and the preset."""
    import narrate
    from narrate.speech.engines import create_engine

    preset = narrate.load_preset("default")
    if preset.engine != "hibari":
        raise h.BenchmarkError(f"the default preset uses engine '{preset.engine}', not hibari")
    engine = create_engine(preset.engine, {**preset.options, "threads": threads}, str(preset.path))
    return engine, preset


def _speak_texts(engine: Any, voice: Any, texts: list[str]) -> int:
    """Synthesize ``texts`` one after another; the number of samples made (the PCM is dropped)."""
    return sum(len(engine.synthesize(text, voice).samples) for text in texts)


@h.step("hibari-cores:chunks")
def _step_hibari_chunks(params: h.JSONDict) -> h.JSONDict:
    """The seed article's chunks as the default preset speaks them (read_article + make_chunks)."""
    import narrate
    from narrate.speech.words import speech_function
    from narrate.text.reader import read_article

    engine, preset = _hibari_engine(1)
    article = read_article(params["article"])
    chunks = narrate.make_chunks(article.blocks, engine.max_chars, to_speech=speech_function(preset))
    return {
        "texts": [c.speech for c in chunks],
        "engine": f"{engine.name} {engine.version}",
        "max_chars": engine.max_chars,
    }


@h.step("hibari-cores:one")
def _step_hibari_one(params: h.JSONDict) -> h.JSONDict:
    """One process, one engine with ``threads`` intra-op threads: (cold pass,) warm-up, timed pass."""
    entered = time.perf_counter()
    import narrate  # noqa: F401  (imports counted in the cold figure)

    texts: list[str] = params["texts"]
    load_start = time.perf_counter()
    engine, preset = _hibari_engine(params["threads"])
    load_seconds = time.perf_counter() - load_start
    voice = preset.voice_params
    result: h.JSONDict = {"load": load_seconds}
    if params.get("cold"):
        # Everything a fresh process does before the audio is out: imports, model load, first pass.
        cold_pass, samples = h.timed(_speak_texts, engine, voice, texts)
        result["cold_pass"] = cold_pass
        result["cold_total"] = time.perf_counter() - entered
        result["cold_samples"] = samples
    else:
        engine.synthesize(texts[0], voice)  # warm-up
    cpu_before, preempted_before = h.cpu_seconds(), h.preemptions()
    seconds, samples = h.timed(_speak_texts, engine, voice, texts)
    result.update(
        wall=seconds,
        cpu=h.cpu_seconds() - cpu_before,
        preempted=h.preemptions() - preempted_before,
        samples=samples,
        rate=engine.sample_rate,
    )
    return result


@h.step("hibari-cores:pythreads")
def _step_hibari_pythreads(params: h.JSONDict) -> h.JSONDict:
    """One process, two Python threads, each with its own 1-thread engine and its share of the chunks."""
    import threading

    texts: list[str] = params["texts"]
    shares: list[list[int]] = params["shares"]
    engines = [_hibari_engine(1) for _ in shares]
    voice = engines[0][1].voice_params
    for (engine, _), share in zip(engines, shares, strict=True):
        engine.synthesize(texts[share[0]], voice)  # warm-up, each engine
    samples = [0] * len(shares)
    busy = [0.0] * len(shares)
    errors: list[BaseException] = []
    go = threading.Barrier(len(shares) + 1)

    def work(n: int) -> None:
        try:
            go.wait()
            busy[n], samples[n] = h.timed(_speak_texts, engines[n][0], voice, [texts[i] for i in shares[n]])
        except BaseException as exc:  # noqa: BLE001 (re-raised in the main thread)
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,), name=f"bench-hibari-{n}") for n in range(len(shares))]
    for thread in threads:
        thread.start()
    cpu_before, preempted_before = h.cpu_seconds(), h.preemptions()
    go.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - start
    cpu, preempted = h.cpu_seconds() - cpu_before, h.preemptions() - preempted_before
    if errors:
        raise errors[0]
    return {
        "wall": seconds,
        "cpu": cpu,
        "preempted": preempted,
        "busy": busy,
        "samples": sum(samples),
        "rate": engines[0][0].sample_rate,
    }


_PROC_TIMEOUT = 600.0


def _hibari_process_worker(index: int, texts: list[str], ready: Any, results: Any) -> None:
    """A spawned process with its own engine: cold pass of its share, then (after everyone is ready)
    a warm pass. Timestamps are time.monotonic(), one clock for all processes on the machine."""
    try:
        started = time.monotonic()
        engine, preset = _hibari_engine(1)
        loaded = time.monotonic()
        voice = preset.voice_params
        samples = _speak_texts(engine, voice, texts)
        results.put(("cold", index, {"started": started, "loaded": loaded, "done": time.monotonic()}))
        ready.wait(_PROC_TIMEOUT)
        cpu_before, preempted_before = h.cpu_seconds(), h.preemptions()
        samples = _speak_texts(engine, voice, texts)
        done = time.monotonic()
        warm = {
            "done": done,
            "cpu": h.cpu_seconds() - cpu_before,
            "preempted": h.preemptions() - preempted_before,
            "samples": samples,
            "rate": engine.sample_rate,
        }
        results.put(("warm", index, warm))
    except BaseException as exc:  # noqa: BLE001 (reported to the parent, which fails the step)
        results.put(("error", index, f"{type(exc).__name__}: {exc}"))


@h.step("hibari-cores:procs")
def _step_hibari_procs(params: h.JSONDict) -> h.JSONDict:
    """Two spawned processes, each with its own 1-thread engine and its share of the chunks."""
    import multiprocessing
    import queue

    texts: list[str] = params["texts"]
    shares: list[list[int]] = params["shares"]
    ctx = multiprocessing.get_context("spawn")
    ready = ctx.Barrier(len(shares) + 1)
    results = ctx.Queue()
    workers = [
        ctx.Process(target=_hibari_process_worker, args=(n, [texts[i] for i in share], ready, results))
        for n, share in enumerate(shares)
    ]

    def collect(kind: str) -> dict[int, h.JSONDict]:
        got: dict[int, h.JSONDict] = {}
        while len(got) < len(workers):
            try:
                what, index, data = results.get(timeout=_PROC_TIMEOUT)
            except queue.Empty:
                raise h.BenchmarkError(f"a hibari worker process gave no '{kind}' result in time") from None
            if what == "error":
                raise h.BenchmarkError(f"hibari worker process {index} failed: {data}")
            got[index] = data
        return got

    spawned = time.monotonic()
    for worker in workers:
        worker.start()
    try:
        cold = collect("cold")
        ready.wait(_PROC_TIMEOUT)
        start = time.monotonic()
        warm = collect("warm")
    finally:
        for worker in workers:
            worker.join(timeout=30)
            if worker.is_alive():
                worker.terminate()
    return {
        "wall": max(w["done"] for w in warm.values()) - start,
        "cold_total": max(c["done"] for c in cold.values()) - spawned,
        "spawn": max(c["started"] for c in cold.values()) - spawned,
        "load": max(c["loaded"] - c["started"] for c in cold.values()),
        "busy": [warm[n]["done"] - start for n in range(len(workers))],
        "cpu": sum(w["cpu"] for w in warm.values()),
        "preempted": sum(w["preempted"] for w in warm.values()),
        "samples": sum(w["samples"] for w in warm.values()),
        "rate": warm[0]["rate"],
    }


def _split_by_chars(texts: list[str], parts: int) -> list[list[int]]:
    """Indices of ``texts`` dealt into ``parts`` shares of about equal characters (longest first to
    the lightest share), each share kept in article order."""
    shares: list[list[int]] = [[] for _ in range(parts)]
    loads = [0] * parts
    for i in sorted(range(len(texts)), key=lambda i: -len(texts[i])):
        lightest = loads.index(min(loads))
        shares[lightest].append(i)
        loads[lightest] += len(texts[i])
    return [sorted(share) for share in shares]


_CORE_SETUPS: list[tuple[str, str, str, h.JSONDict]] = [
    ("t1", "1 process, 1 intra-op thread", "hibari-cores:one", {"threads": 1, "cold": True}),
    ("t2", "1 process, 2 intra-op threads", "hibari-cores:one", {"threads": 2}),
    ("py2", "2 Python threads, 2 engines", "hibari-cores:pythreads", {}),
    ("proc2", "2 processes (spawn), 2 engines", "hibari-cores:procs", {}),
]
"""(key, label, step, extra params) of each set-up; the first is the baseline."""


@h.workload("hibari-cores")
def hibari_cores(settings: h.Settings) -> h.WorkloadResult:
    """hibari throughput on the seed's chunks: 1 vs 2 intra-op threads, 2 Python threads, 2 processes."""
    article = h.seed_or_error()
    load_before = os.getloadavg()[0]
    h.progress("hibari-cores: chunking the seed article ...")
    prep = h.run_step("hibari-cores:chunks", {"article": str(article)}).data
    texts: list[str] = prep["texts"]
    shares = _split_by_chars(texts, 2)
    runs: dict[str, list[h.JSONDict]] = {key: [] for key, *_ in _CORE_SETUPS}
    # Rounds: every set-up once per round, so that load that comes and goes hits them all alike.
    for round_no in range(settings.repeat):
        for key, label, step_name, extra in _CORE_SETUPS:
            h.progress(f"hibari-cores: round {round_no + 1}/{settings.repeat}: {label} ...")
            run = h.run_step(step_name, {"texts": texts, "shares": shares, **extra})
            runs[key].append({**run.data, "peak_rss_bytes": run.peak_rss_bytes})
    load_after = os.getloadavg()[0]

    def speed(data: h.JSONDict) -> float:
        return data["samples"] / data["rate"] / data["wall"]

    best = {key: max(rs, key=speed) for key, rs in runs.items()}
    throughput = {key: speed(data) for key, data in best.items()}
    base = throughput["t1"]
    audio_s = best["t1"]["samples"] / best["t1"]["rate"]
    figures: list[h.Figure] = []
    for key, label, _, _ in _CORE_SETUPS:
        data = best[key]
        every = " / ".join(f"{speed(d):.0f}" for d in runs[key])
        note = (
            f"{data['wall']:.2f} s wall, {data['cpu'] / data['wall']:.2f} cores busy, "
            f"{data['preempted'] / data['wall']:.0f} preemptions/s"
        )
        if "busy" in data:
            note += ", shares done at " + " / ".join(f"{b:.2f}" for b in data["busy"]) + " s"
        if len(runs[key]) > 1:
            note += f"; runs {every}"
        figures.append(h.Figure(f"{key}_x_realtime", f"{label}", throughput[key], "x", note, decimals=0))
    for key, label, _, _ in _CORE_SETUPS[1:]:
        figures.append(h.Figure(f"{key}_vs_t1", f"ratio: {label} / 1 thread", throughput[key] / base, "x", decimals=2))
    cold_t1 = min(runs["t1"], key=lambda d: d["cold_total"])
    cold_p2 = min(runs["proc2"], key=lambda d: d["cold_total"])
    cold_t1_speed = cold_t1["cold_samples"] / cold_t1["rate"] / cold_t1["cold_total"]
    cold_p2_speed = cold_p2["samples"] / cold_p2["rate"] / cold_p2["cold_total"]
    figures += [
        h.Figure(
            "t1_cold_x_realtime",
            "1 process, 1 thread, incl. imports + model load",
            cold_t1_speed,
            "x",
            f"{cold_t1['cold_total']:.2f} s: model load {cold_t1['load']:.2f} s + first pass "
            f"{cold_t1['cold_pass']:.2f} s + imports",
            decimals=0,
        ),
        h.Figure(
            "proc2_cold_x_realtime",
            "2 processes, incl. spawn + model load",
            cold_p2_speed,
            "x",
            f"{cold_p2['cold_total']:.2f} s: spawn {cold_p2['spawn']:.2f} s, imports + model load "
            f"{cold_p2['load']:.2f} s, then first pass",
            decimals=0,
        ),
        h.Figure(
            "proc2_cold_vs_t1_cold",
            "ratio: 2 processes / 1 thread, both incl. load",
            cold_p2_speed / cold_t1_speed,
            "x",
            decimals=2,
        ),
        h.Figure(
            "proc2_cold_vs_t1", "ratio: 2 processes incl. load / 1 thread warm", cold_p2_speed / base, "x", decimals=2
        ),
    ]
    fastest = max(throughput, key=throughput.__getitem__)
    fastest_label = next(label for key, label, *_ in _CORE_SETUPS if key == fastest)
    figures.append(
        h.Figure(
            "fastest_x_realtime",
            f"fastest (warm): {fastest_label}",
            throughput[fastest],
            "x",
            f"{throughput[fastest] / base:.2f} x the 1-thread baseline",
            decimals=0,
        )
    )
    warnings = []
    lengths = {key: round(d["samples"] / d["rate"], 2) for key, d in best.items()}
    if len(set(lengths.values())) > 1:
        warnings.append(f"the set-ups made different lengths of audio: {lengths}")
    busy = {
        label: rate
        for key, label, *_ in _CORE_SETUPS
        if (rate := best[key]["preempted"] / best[key]["wall"]) > h._BUSY_SWITCH_RATE
    }
    if busy:
        warnings.append(
            "preempted often (other load competed for the cores; the figure is inflated): "
            + ", ".join(f"{label} {rate:.0f}/s" for label, rate in busy.items())
        )
    chars = [sum(len(texts[i]) for i in share) for share in shares]
    summary = (
        f"{article.name}: {len(texts)} chunks, {sum(len(t) for t in texts):,} chars, {audio_s:.1f} s of speech "
        f"(no pauses), {prep['engine']}; x = audio s per wall s, best of {settings.repeat} round(s); "
        f"shares {chars[0]:,} / {chars[1]:,} chars; {os.cpu_count()} CPUs, load average {load_before:.2f} "
        f"before, {load_after:.2f} after"
    )
    details = {"article": str(article), "shares": shares, "runs": runs, "load_average": [load_before, load_after]}
    return h.WorkloadResult("hibari-cores", summary, figures, details, warnings)
