"""Workload ``seed-build``: the seed article built end to end, against its two big parts done alone.

The seed article is ../shared/articles/seed-article.txt from the repository root, built with the
default voice preset (hibari, offline).

build wall time
    The whole command ``narrate build ARTICLE --out <fresh temp dir> --no-cache`` (default voice, a fresh
    empty chunk cache), as a user runs it, with narrate's bytecode compiled as an installed package has
    it (:func:`harness.compile_bytecode`): interpreter start, imports, config, engine (model) load,
    cleaning, chunking, synthesis, levelling, MP3 encoding, tags, sidecar, pages and feed.
audio produced
    Seconds of audio in the episode (speech plus pauses), from the build's sidecar record.
build CPU time
    User + system CPU seconds of that command, all threads; divided by the wall time it shows how
    many cores were busy on average (the MP3 writer encodes in a background thread).
realtime factor
    Build wall time / audio seconds: seconds of compute per second of audio (lower is faster).
peak RSS (build)
    Peak resident memory of the largest process of the command: the command itself, or the default
    voice's host it starts (:mod:`narrate.speech.enginehost`). Build CPU time counts both.
model load
    Creating the hibari engine from the default preset (reported apart; not in "synthesis alone").
synthesis alone
    The warmed-up engine speaking the same chunks the build speaks (read_article + make_chunks with
    the engine's max_chars), one after another, PCM kept in memory, on one core (one onnxruntime
    thread, the process pinned to one CPU), in the same benchmark run as the build.
encoding alone
    That PCM, with the build's pauses, streamed through ``narrate.audio.mp3writer.Mp3Writer`` (44.1 kHz,
    64 kbps, as the build does: soxr resampling 24 -> 44.1 kHz plus LAME) to a temp file.
build / synthesis alone
    The headline: what a user waits for, the whole command, against the one thing it cannot do
    without, the voice speaking. Target <= 1.6. The workload runs in rounds (one build, then one
    synthesis alone in a fresh process) and reports the median of the rounds' own ratios: the
    machine's speed drifts by some 10 % over minutes, which the best build against the best
    synthesis of runs minutes apart does not survive (its figure is in the note).
build / (synthesis + encoding)
    How the whole build compares with its two big parts done alone (no target). Below 1 means the
    build overlaps synthesis and encoding (the writer encodes in a background thread while the
    engine speaks the next chunk).
peak RSS (parts)
    Peak resident memory of the process that measured synthesis and encoding alone; it holds the
    whole article's PCM at once, which the build never does. Its note gives the peak right after
    model load + the first synthesis: the engine's own baseline.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import harness as h

_WARMUP_ARTICLE = """Warm-up

This short article is built once before the timed builds. It loads every module and runs the engine once.
"""


def _narrate_build(article: Path | str, tmp: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    """One whole ``narrate build`` command, as a user runs it (interpreter start and imports included),
    into a fresh folder with a fresh, empty chunk cache, and --no-cache."""
    # The article's own chunks only (no spoken intro or outro), as the parts step speaks them.
    config = tmp / "narrate.toml"
    config.write_text("[episode]\nspoken_intro = false\nspoken_outro = false\n", encoding="utf-8")
    env = dict(os.environ, NARRATE_CACHE_DIR=str(tmp / "cache"))
    command = [sys.executable, "-m", "narrate", "build", str(article), "--out", str(tmp / "out"),
               "--config", str(config), "--no-cache", "--quiet"]
    seconds, proc = h.timed(subprocess.run, command, env=env, capture_output=True, text=True, timeout=1800)
    if proc.returncode != 0:
        raise h.BenchmarkError(f"narrate build failed (exit {proc.returncode}): {proc.stderr.strip()[-500:]}")
    return seconds, proc


@h.step("seed-build:build")
def _step_seed_build(params: h.JSONDict) -> h.JSONDict:
    """The whole ``narrate build`` command of the article (default voice): one untimed command on a tiny
    article first (so the model file is in the page cache, as for a user's second build), then timed ones."""
    from narrate.publish.catalog import load_catalog, load_episode

    h.compile_bytecode()
    if params.get("warm_up", True):
        with tempfile.TemporaryDirectory(prefix="narrate-bench-warmup-") as tmp:
            warm = Path(tmp) / "warm-up.txt"
            warm.write_text(_WARMUP_ARTICLE, encoding="utf-8")
            _narrate_build(warm, Path(tmp))

    times: list[float] = []
    cpu_times: list[float] = []
    record = None
    for _ in range(params["repeat"]):
        with tempfile.TemporaryDirectory(prefix="narrate-bench-build-") as tmp:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            seconds, _ = _narrate_build(params["article"], Path(tmp))
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            times.append(seconds)
            cpu_times.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            records, problems = load_catalog(Path(tmp) / "out")
            if len(records) != 1 or problems:
                raise h.BenchmarkError(f"narrate build wrote {len(records)} episode(s), problems: {problems}")
            record = load_episode(Path(tmp) / "out", records[0].slug)
    assert record is not None
    return {
        "times": times,
        "cpu_times": cpu_times,
        "peak_rss_bytes": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024,
        "audio_seconds": record.audio.duration,
        "mp3_bytes": record.audio.bytes,
        "chunks": len(record.chunks),
        "chunks_sha256": h.digest([c.text for c in record.chunks]),
    }


@h.step("seed-build:parts")
def _step_seed_parts(params: h.JSONDict) -> h.JSONDict:
    """Model load, then synthesis alone and encoding alone of the article's chunks."""
    import narrate
    from narrate.audio.mp3writer import Mp3Writer
    from narrate.config import BuildConfig
    from narrate.models import BlockKind, Chunk, Clip
    from narrate.speech.engines import create_engine

    repeat: int = params["repeat"]
    preset = narrate.load_preset("default")
    # synthesis alone on one core: one onnxruntime thread, the process pinned to one CPU
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    options = {**preset.options, "threads": 1} if preset.engine == "hibari" else preset.options
    load_seconds, engine = h.timed(create_engine, preset.engine, options, str(preset.path))
    voice = preset.voice_params

    from narrate.speech.words import speech_function
    from narrate.text.reader import read_article

    article = read_article(params["article"])
    chunks = narrate.make_chunks(article.blocks, engine.max_chars, to_speech=speech_function(preset))

    warm_seconds, _ = h.timed(engine.synthesize, chunks[0].speech, voice)
    rss_after_load = h.peak_rss_self()

    def synthesize_all() -> list[Clip]:
        return [engine.synthesize(c.speech, voice) for c in chunks]

    synth_times: list[float] = []
    clips: list[Clip] = []
    for _ in range(repeat):
        clips = []  # drop the previous run's PCM before making the next
        seconds, clips = h.timed(synthesize_all)
        synth_times.append(seconds)

    # The build's timeline: a pause before every chunk but the first, as Narrator does it.
    pauses = preset.pauses

    def pause_before(chunk: Chunk) -> float:
        if chunk.index == 0:
            return 0.0
        if not chunk.first_in_block:
            return pauses.sentence
        return pauses.heading if chunk.kind is BlockKind.HEADING else pauses.paragraph

    silences = [pause_before(c) for c in chunks]
    build_settings = BuildConfig()  # the defaults the build uses: 44.1 kHz, 64 kbps

    def encode(target: Path) -> float:
        with Mp3Writer(
            target,
            input_rate=engine.sample_rate,
            output_rate=build_settings.sample_rate,
            bitrate=build_settings.bitrate,
        ) as writer:
            for pause, clip in zip(silences, clips, strict=True):
                if pause:
                    writer.write_silence(pause)
                writer.write(clip)
            return writer.close().duration

    encode_times: list[float] = []
    audio_seconds = 0.0
    with tempfile.TemporaryDirectory(prefix="narrate-bench-encode-") as tmp:
        for run in range(repeat):
            target = Path(tmp) / f"encode-{run}.mp3"
            seconds, audio_seconds = h.timed(encode, target)
            encode_times.append(seconds)
            target.unlink()

    return {
        "model_load": load_seconds,
        "warmup": warm_seconds,
        "peak_rss_after_load_bytes": rss_after_load,
        "synthesis_times": synth_times,
        "encoding_times": encode_times,
        "speech_seconds": sum(len(c.samples) for c in clips) / engine.sample_rate,
        "audio_seconds": audio_seconds,
        "sample_rate": build_settings.sample_rate,
        "bitrate": build_settings.bitrate,
        "engine": f"{engine.name} {engine.version}",
        "chars": len(article.spoken_text),
        "chunks": len(chunks),
        "chunks_sha256": h.digest([c.text for c in chunks]),
    }


RATIO_TARGET = 1.6


@h.workload("seed-build")
def seed_build(settings: h.Settings) -> h.WorkloadResult:
    """The seed article built end to end (default voice) vs. synthesis alone + MP3 encoding alone."""
    if not h.SEED_ARTICLE.is_file():
        raise h.BenchmarkError(
            f"seed article not found: {h.SEED_ARTICLE} (expected at ../shared/articles/seed-article.txt "
            f"relative to the repository root {h.REPO_ROOT})"
        )
    # Rounds of one build then one synthesis alone (and one encoding alone), side by side: this machine's
    # speed drifts by 10 % over minutes, so the headline is the median of each round's own ratio.
    builds, parts_runs = [], []
    for round_no in range(settings.repeat):
        h.progress(f"seed-build: round {round_no + 1}/{settings.repeat}: the whole narrate build command ...")
        params = {"article": str(h.SEED_ARTICLE), "repeat": 1, "warm_up": round_no == 0}
        builds.append(h.run_step("seed-build:build", params))
        h.progress(f"seed-build: round {round_no + 1}/{settings.repeat}: model load, synthesis alone, encoding alone ...")
        parts_runs.append(h.run_step("seed-build:parts", params))
    b = dict(builds[0].data, times=[r.data["times"][0] for r in builds],
             cpu_times=[r.data["cpu_times"][0] for r in builds],
             peak_rss_bytes=max(r.data["peak_rss_bytes"] for r in builds))
    p = dict(parts_runs[0].data, synthesis_times=[r.data["synthesis_times"][0] for r in parts_runs],
             encoding_times=[r.data["encoding_times"][0] for r in parts_runs])
    parts = max(parts_runs, key=lambda r: r.peak_rss_bytes)

    best = b["times"].index(min(b["times"]))
    build_s = b["times"][best]
    build_cpu = b["cpu_times"][best]
    synth_s = min(p["synthesis_times"])
    encode_s = min(p["encoding_times"])
    audio_s = b["audio_seconds"]
    round_ratios = [bt / st for bt, st in zip(b["times"], p["synthesis_times"])]
    ratio = statistics.median(round_ratios)
    parts_ratio = build_s / (synth_s + encode_s)
    mb = 1024 * 1024

    warnings = []
    if b["chunks_sha256"] != p["chunks_sha256"]:
        warnings.append(f"the build spoke other chunks ({b['chunks']}) than synthesis alone ({p['chunks']})")
    # The build cuts each sentence's own leading and trailing silence to the preset's pauses (audio/seams.py),
    # which encoding alone (whole chunks, the engine's silences kept) does not: the build is some 6 % shorter.
    if not 0.85 * p["audio_seconds"] <= b["audio_seconds"] <= p["audio_seconds"] + 1e-6:
        warnings.append(
            f"the build produced {b['audio_seconds']:.3f} s of audio, encoding alone {p['audio_seconds']:.3f} s "
            "(expected: a little less, the engine's own silences cut at the seams)"
        )

    figures = [
        h.Figure("build_wall_s", "build wall time", build_s, "s", h.runs(b["times"])),
        h.Figure("audio_s", "audio produced", audio_s, "s", f"{p['speech_seconds']:.1f} s speech + pauses"),
        h.Figure(
            "build_cpu_s",
            "build CPU time (all threads)",
            build_cpu,
            "s",
            f"{build_cpu / build_s:.2f} cores busy on average",
        ),
        h.Figure("realtime_factor", "realtime factor (build)", build_s / audio_s, "", "s compute per s audio"),
        h.Figure("build_peak_rss_mb", "peak RSS (build)", b["peak_rss_bytes"] / mb, "MB", "the largest of the command and its voice host"),
        h.Figure("model_load_s", "model load", p["model_load"], "s", f"first synthesis {p['warmup']:.2f} s (warm-up)"),
        h.Figure(
            "synthesis_s",
            "synthesis alone (1 core)",
            synth_s,
            "s",
            f"RTF {synth_s / p['speech_seconds']:.4f}; {h.runs(p['synthesis_times'])}".rstrip("; "),
        ),
        h.Figure(
            "encoding_s",
            "encoding alone",
            encode_s,
            "s",
            f"{p['sample_rate'] / 1000:g} kHz {p['bitrate']} kbps; {h.runs(p['encoding_times'])}".rstrip("; "),
        ),
        h.Figure(
            "build_over_synthesis",
            "build / synthesis alone",
            ratio,
            "x",
            "median of the rounds' own ratios (" + " / ".join(f"{r:.2f}" for r in round_ratios) + "); whole "
            f"command (process start included) vs hibari speaking the same chunks on one core; best/best "
            f"{build_s / synth_s:.2f}",
            target_max=RATIO_TARGET,
        ),
        h.Figure("build_over_parts", "build / (synthesis + encoding)", parts_ratio, "x",
                 f"parts sum {synth_s + encode_s:.2f} s"),
        h.Figure(
            "parts_peak_rss_mb",
            "peak RSS (parts)",
            parts.peak_rss_bytes / mb,
            "MB",
            f"holds all PCM at once; {p['peak_rss_after_load_bytes'] / mb:.0f} MB after model load + warm-up",
        ),
    ]
    summary = (
        f"{h.SEED_ARTICLE.name}: {p['chars']:,} spoken chars, {p['chunks']} chunks, {p['engine']}; "
        f"{settings.repeat} rounds of build + synthesis alone, side by side"
    )
    details = {
        "article": str(h.SEED_ARTICLE),
        "build": b,
        "parts": p,
        "build_peak_rss_bytes": b["peak_rss_bytes"],
        "parts_peak_rss_bytes": parts.peak_rss_bytes,
    }
    return h.WorkloadResult("seed-build", summary, figures, details, warnings)
