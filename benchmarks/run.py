"""narrate benchmarks: named workloads, each measured in fresh child processes.

Run from the repository root, with the project's virtualenv active::

    python benchmarks/run.py                 # every workload
    python benchmarks/run.py seed-build      # only the named ones
    python benchmarks/run.py gtts-seed --repeat 1   # network-like workloads: once is enough
    python benchmarks/run.py --list          # what workloads exist
    python benchmarks/run.py --repeat 5      # best of 5 instead of 3 (--repeat 1: quick look)
    python benchmarks/run.py --json > r.json # table on stderr, JSON on stdout

Every measured step runs in its own fresh Python process (started and waited for by this script),
so its peak memory is its own: peak RSS is the child's ``ru_maxrss`` as the kernel reports it when
the child is reaped (``os.wait4``), which counts what onnxruntime and numpy allocate outside
Python. Steps run one after another, never side by side, so they do not compete for the cores.
Inside a child, timings are wall-clock (``time.perf_counter``); after a warm-up the step runs
``--repeat`` times and the best (lowest) time is reported, with every run listed beside it.

Workload ``seed-build`` (the seed article, ../shared/articles/seed-article.txt from the repository
root, built with the default voice preset: hibari, offline):

build wall time
    ``narrate.build([article], out_dir=<fresh temp dir>)`` end to end: config, engine (model) load,
    cleaning, chunking, synthesis, resampling and MP3 encoding, tags, sidecar and feed.
audio produced
    Seconds of audio in the episode (speech plus pauses), from the build's sidecar record.
build CPU time
    User + system CPU seconds of that build, all threads; divided by the wall time it shows how
    many cores were busy on average (the MP3 writer encodes in a background thread). A warning is
    printed when the build's threads were preempted often: other load was competing for the cores.
realtime factor
    Build wall time / audio seconds: seconds of compute per second of audio (lower is faster).
peak RSS (build)
    Peak resident memory of the process that ran the warm-up and the timed builds.
model load
    Creating the hibari engine from the default preset (reported apart; not in "synthesis alone").
synthesis alone
    The warmed-up engine speaking the same chunks the build speaks (read_article + make_chunks with
    the engine's max_chars), one after another, PCM kept in memory.
encoding alone
    That PCM, with the build's pauses, streamed through ``narrate.audio.Mp3Writer`` (44.1 kHz,
    64 kbps, as the build does: soxr resampling 24 -> 44.1 kHz plus LAME) to a temp file.
build / (synthesis + encoding)
    How the whole build compares with its two big parts done alone. Target <= 1.25: the build may
    cost at most a quarter more than its parts. Below 1 means the build overlaps synthesis and
    encoding (the writer encodes in a background thread while the engine speaks the next chunk).
peak RSS (parts)
    Peak resident memory of the process that measured synthesis and encoding alone; it holds the
    whole article's PCM at once, which the build never does. Its note gives the peak right after
    model load + the first synthesis: the engine's own baseline.

Workload ``extract-corpus`` (the 30 pages of ../shared/corpus/scrapinghub-aeb, a sample of the Zyte
article-extraction benchmark, with its ground truth), two extractors side by side in one fresh process:
narrate's intake (``narrate.reader.read_article`` on the page saved as a file: extraction, then
cleaning; the body is its blocks' text joined by blank lines; when narrate.reader does not exist,
``narrate.html.extract_html``'s markdown with the "## " markers stripped) and ``trafilatura.extract``
with its default settings.

precision, recall, F1
    The benchmark's own metric (its evaluate.py): tokens are ``\\w+``, 4-token shingles taken as
    multisets; per page TP, FP and FN are normalised to sum 1; precision and recall are means over
    the pages; F1 is the harmonic mean of those two means. Target for narrate: F1 >= 0.95 with
    precision >= 0.95.
time per page
    One untimed pass over every page (the output that is scored), then ``--repeat`` timed passes;
    the best pass divided by the number of pages, every pass listed beside it.
pages with boilerplate lines
    Pages whose output still has a whole line (case-insensitive) from the reference list "Line
    patterns seen on news sites" (../shared/reference/article-cleaning.md). Target for narrate: 0.
    The lines found, and the pages where narrate scores below 0.9, are printed as warnings.

Workload ``hibari-cores`` (how hibari uses the machine's cores): the seed's chunks as the default preset
speaks them (``narrate.reader.read_article`` + ``narrate.make_chunks`` with the preset's speech function),
synthesized in four set-ups, each in its own fresh process, one after another. ``--repeat`` rounds, each
round running every set-up once (so that load that comes and goes hits them all alike); the best round
of each set-up is reported. Two-engine set-ups get the chunks split in two shares of about equal
characters.

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

Workload ``gtts-seed`` (the gtts engine against ``tests/fake_gtts.py``, a real local HTTP server that
adds 200 ms to every request; the server runs in this parent process, every client in its own):

narrate.build, concurrency 8 / default concurrency
    ``narrate.build`` of the seed with a temporary gtts preset (gtts-us's settings, endpoint = the fake
    server, no fallback) in a fresh process with a fresh empty chunk cache (NARRATE_CACHE_DIR) and
    output folder, no warm-up (as ``narrate build`` runs; ``import narrate`` not timed). Best of
    min(--repeat, 2).
gtts-cli
    gTTS's own command line, its Google URL patched to the server (``python -c ... tts_cli()``), once,
    on the words narrate sent: the sidecar's ``chunks[].spoken`` (the seed cleaned and normalised for
    speech) joined by blank lines. Its wall time includes interpreter start-up, given apart.
requests, max in flight
    What the server received (``server.requests``, ``server.max_in_flight``) during each timed run.
speed-up
    gtts-cli wall time / narrate wall time. Target at concurrency 8: >= 5.

Workload ``rebuild-seed``: the seed with the default voice built into a fresh output folder with a fresh
chunk cache, then rebuilt unchanged into the same folder with the same cache (``--repeat`` times); each
build is ``narrate.build`` in its own fresh process (as ``narrate build`` runs twice).

rebuild / first build
    Best rebuild's wall time over the first build's. Target <= 0.05.
engine calls on the rebuild
    Chunks not served by the cache (chunks - ``Progress.cached`` at the last progress event). Target 0.
model load
    Creating the default preset's engine with every module already imported: a cost every build pays
    before the cache is asked.

Adding a workload: write a function ``(settings: Settings) -> WorkloadResult`` decorated with
``@workload("name")`` (its docstring's first line is what ``--list`` shows). Work that must be
measured in a fresh process goes in a function decorated with ``@step("name")``, taking and
returning JSON-able dicts, and is run with :func:`run_step`. Keep ``narrate`` imports inside step
functions, so that the parent process stays small and ``--list`` stays instant.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = (REPO_ROOT / ".." / "shared" / "articles" / "seed-article.txt").resolve()

JSONDict = dict[str, Any]
T = TypeVar("T")
_RSS_UNIT = 1 if sys.platform == "darwin" else 1024
"""Bytes per unit of ru_maxrss: KiB on Linux, bytes on macOS."""
_BUSY_SWITCH_RATE = 150.0
"""Involuntary context switches per second of build above which other load probably skewed the timing
(a rough heuristic: about 50/s on an idle 2-core machine, several hundred when another job runs)."""


class BenchmarkError(Exception):
    """A workload could not be measured (missing input, failed child process, ...)."""


# --------------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class Figure:
    """One reported number."""

    key: str
    """Stable machine-readable name (used in the JSON output)."""
    label: str
    value: float
    unit: str = ""
    """Shown after the value: "s", "MB", "x" or "" (none)."""
    note: str = ""
    target_max: float | None = None
    """When set, the figure passes if ``value <= target_max``."""
    target_min: float | None = None
    """When set, the figure passes if ``value >= target_min``."""
    decimals: int | None = None
    """Digits after the point in the table (default: chosen from the unit and size)."""

    @property
    def passed(self) -> bool | None:
        if self.target_max is None and self.target_min is None:
            return None
        return (self.target_max is None or self.value <= self.target_max) and (
            self.target_min is None or self.value >= self.target_min
        )


@dataclass
class WorkloadResult:
    name: str
    summary: str
    """One line describing what was measured (input size, repeats, ...)."""
    figures: list[Figure]
    details: JSONDict = field(default_factory=dict)
    """Raw data for the JSON output (every run's time, versions, ...)."""
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Settings:
    repeat: int = 3
    """Timed runs per step; the best is reported."""


# --------------------------------------------------------------------------------------------
# Registries


Workload = Callable[[Settings], WorkloadResult]
Step = Callable[[JSONDict], JSONDict]

WORKLOADS: dict[str, Workload] = {}
"""Workloads by name, in the order they run by default."""
STEPS: dict[str, Step] = {}
"""Code that runs inside a fresh child process, by name."""


def workload(name: str) -> Callable[[Workload], Workload]:
    def register(func: Workload) -> Workload:
        WORKLOADS[name] = func
        return func

    return register


def step(name: str) -> Callable[[Step], Step]:
    def register(func: Step) -> Step:
        STEPS[name] = func
        return func

    return register


def describe(func: Callable[..., Any]) -> str:
    """First line of ``func``'s docstring."""
    lines = (func.__doc__ or "").strip().splitlines()
    return lines[0] if lines else ""


# --------------------------------------------------------------------------------------------
# Child processes


@dataclass(frozen=True)
class StepRun:
    data: JSONDict
    peak_rss_bytes: int


def run_step(name: str, params: JSONDict) -> StepRun:
    """Run step ``name`` in a fresh interpreter and return its result and its peak RSS."""
    with tempfile.TemporaryDirectory(prefix="narrate-bench-") as tmp:
        result_path = Path(tmp) / "result.json"
        command = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--child-step",
            name,
            "--child-params",
            json.dumps(params),
            "--child-result",
            str(result_path),
        ]
        # The child's stdout goes to our stderr, so that --json output on stdout stays clean.
        proc = subprocess.Popen(command, stdout=sys.stderr, cwd=REPO_ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise BenchmarkError(f"step '{name}' failed in its child process (exit status {proc.returncode})")
        data: JSONDict = json.loads(result_path.read_text(encoding="utf-8"))
    return StepRun(data, usage.ru_maxrss * _RSS_UNIT)


def child_main(name: str, params_json: str, result_path: str) -> int:
    step_func = STEPS.get(name)
    if step_func is None:
        print(f"unknown step '{name}'", file=sys.stderr)
        return 2
    result = step_func(json.loads(params_json))
    Path(result_path).write_text(json.dumps(result), encoding="utf-8")
    return 0


def _timed(func: Callable[..., T], *args: Any, **kwargs: Any) -> tuple[float, T]:
    """Wall-clock seconds of ``func(*args, **kwargs)``, and what it returned."""
    start = time.perf_counter()
    value = func(*args, **kwargs)
    return time.perf_counter() - start, value


def _peak_rss_self() -> int:
    """This process's peak RSS so far, in bytes."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * _RSS_UNIT


def _digest(texts: list[str]) -> str:
    return hashlib.sha256("\x00".join(texts).encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------------------------
# Workload: seed-build

_WARMUP_ARTICLE = """Warm-up

This short article is built once before the timed builds. It loads every module and runs the engine once.
"""


@step("seed-build:build")
def _step_seed_build(params: JSONDict) -> JSONDict:
    """narrate.build of the article: one untimed warm-up build of a tiny article, then timed builds."""
    import narrate

    article = params["article"]
    with tempfile.TemporaryDirectory(prefix="narrate-bench-warmup-") as tmp:
        warm = Path(tmp) / "warm-up.txt"
        warm.write_text(_WARMUP_ARTICLE, encoding="utf-8")
        report = narrate.build([warm], out_dir=Path(tmp) / "out")
        if report.failed:
            raise BenchmarkError(f"warm-up build failed: {report.failed[0].error}")

    times: list[float] = []
    cpu_times: list[float] = []
    preempted: list[int] = []
    record = None
    for _ in range(params["repeat"]):
        with tempfile.TemporaryDirectory(prefix="narrate-bench-build-") as tmp:
            # The article's own chunks only (no spoken intro or outro), as the parts step speaks them.
            config = Path(tmp) / "narrate.toml"
            config.write_text("[episode]\nspoken_intro = false\nspoken_outro = false\n", encoding="utf-8")
            # A first build: fresh output folder and no chunk cache, so every chunk is spoken.
            before = resource.getrusage(resource.RUSAGE_SELF)
            seconds, report = _timed(
                narrate.build, [article], out_dir=Path(tmp) / "out", config=config, use_cache=False
            )
            after = resource.getrusage(resource.RUSAGE_SELF)
            if report.failed:
                raise BenchmarkError(f"build of {article} failed: {report.failed[0].error}")
            times.append(seconds)
            cpu_times.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            preempted.append(after.ru_nivcsw - before.ru_nivcsw)
            record = report.results[0].record
    assert record is not None
    return {
        "times": times,
        "cpu_times": cpu_times,
        "involuntary_context_switches": preempted,
        "audio_seconds": record.audio.duration,
        "mp3_bytes": record.audio.bytes,
        "chunks": len(record.chunks),
        "chunks_sha256": _digest([c.text for c in record.chunks]),
    }


@step("seed-build:parts")
def _step_seed_parts(params: JSONDict) -> JSONDict:
    """Model load, then synthesis alone and encoding alone of the article's chunks."""
    import narrate
    from narrate.audio import Mp3Writer
    from narrate.config import BuildConfig
    from narrate.engines import create_engine
    from narrate.models import BlockKind, Chunk, Clip

    repeat: int = params["repeat"]
    preset = narrate.load_preset("default")
    load_seconds, engine = _timed(create_engine, preset.engine, preset.options, str(preset.path))
    voice = preset.voice_params

    from narrate.reader import read_article
    from narrate.speech import speech_function

    article = read_article(params["article"])
    chunks = narrate.make_chunks(article.blocks, engine.max_chars, to_speech=speech_function(preset))

    warm_seconds, _ = _timed(engine.synthesize, chunks[0].speech, voice)
    rss_after_load = _peak_rss_self()

    def synthesize_all() -> list[Clip]:
        return [engine.synthesize(c.speech, voice) for c in chunks]

    synth_times: list[float] = []
    clips: list[Clip] = []
    for _ in range(repeat):
        clips = []  # drop the previous run's PCM before making the next
        seconds, clips = _timed(synthesize_all)
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
            seconds, audio_seconds = _timed(encode, target)
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
        "chunks_sha256": _digest([c.text for c in chunks]),
    }


RATIO_TARGET = 1.25


def _runs(times: list[float]) -> str:
    return "runs " + " / ".join(f"{t:.2f}" for t in times) if len(times) > 1 else ""


@workload("seed-build")
def seed_build(settings: Settings) -> WorkloadResult:
    """The seed article built end to end (default voice) vs. synthesis alone + MP3 encoding alone."""
    if not SEED_ARTICLE.is_file():
        raise BenchmarkError(
            f"seed article not found: {SEED_ARTICLE} (expected at ../shared/articles/seed-article.txt "
            f"relative to the repository root {REPO_ROOT})"
        )
    params = {"article": str(SEED_ARTICLE), "repeat": settings.repeat}
    _progress(f"seed-build: {settings.repeat} timed build(s) in a fresh process ...")
    build = run_step("seed-build:build", params)
    _progress(f"seed-build: model load, {settings.repeat} x synthesis alone, {settings.repeat} x encoding alone ...")
    parts = run_step("seed-build:parts", params)
    b, p = build.data, parts.data

    best = b["times"].index(min(b["times"]))
    build_s = b["times"][best]
    build_cpu = b["cpu_times"][best]
    synth_s = min(p["synthesis_times"])
    encode_s = min(p["encoding_times"])
    audio_s = b["audio_seconds"]
    ratio = build_s / (synth_s + encode_s)
    mb = 1024 * 1024

    warnings = []
    switch_rate = b["involuntary_context_switches"][best] / build_s
    if switch_rate > _BUSY_SWITCH_RATE:
        warnings.append(
            f"the best build was preempted {switch_rate:.0f} times a second (about 50 on an idle machine): "
            "other processes were competing for the cores, so the build's timing is inflated"
        )
    if b["chunks_sha256"] != p["chunks_sha256"]:
        warnings.append(f"the build spoke other chunks ({b['chunks']}) than synthesis alone ({p['chunks']})")
    if abs(b["audio_seconds"] - p["audio_seconds"]) > 1e-6:
        warnings.append(
            f"the build produced {b['audio_seconds']:.3f} s of audio, encoding alone {p['audio_seconds']:.3f} s"
        )

    figures = [
        Figure("build_wall_s", "build wall time", build_s, "s", _runs(b["times"])),
        Figure("audio_s", "audio produced", audio_s, "s", f"{p['speech_seconds']:.1f} s speech + pauses"),
        Figure(
            "build_cpu_s",
            "build CPU time (all threads)",
            build_cpu,
            "s",
            f"{build_cpu / build_s:.2f} cores busy on average",
        ),
        Figure("realtime_factor", "realtime factor (build)", build_s / audio_s, "", "s compute per s audio"),
        Figure("build_peak_rss_mb", "peak RSS (build)", build.peak_rss_bytes / mb, "MB", "warm-up + timed builds"),
        Figure("model_load_s", "model load", p["model_load"], "s", f"first synthesis {p['warmup']:.2f} s (warm-up)"),
        Figure(
            "synthesis_s",
            "synthesis alone",
            synth_s,
            "s",
            f"RTF {synth_s / p['speech_seconds']:.4f}; {_runs(p['synthesis_times'])}".rstrip("; "),
        ),
        Figure(
            "encoding_s",
            "encoding alone",
            encode_s,
            "s",
            f"{p['sample_rate'] / 1000:g} kHz {p['bitrate']} kbps; {_runs(p['encoding_times'])}".rstrip("; "),
        ),
        Figure(
            "build_over_parts",
            "build / (synthesis + encoding)",
            ratio,
            "x",
            f"parts sum {synth_s + encode_s:.2f} s",
            target_max=RATIO_TARGET,
        ),
        Figure(
            "parts_peak_rss_mb",
            "peak RSS (parts)",
            parts.peak_rss_bytes / mb,
            "MB",
            f"holds all PCM at once; {p['peak_rss_after_load_bytes'] / mb:.0f} MB after model load + warm-up",
        ),
    ]
    summary = (
        f"{SEED_ARTICLE.name}: {p['chars']:,} spoken chars, {p['chunks']} chunks, {p['engine']}; "
        f"best of {settings.repeat}"
    )
    details = {
        "article": str(SEED_ARTICLE),
        "build": b,
        "parts": p,
        "build_peak_rss_bytes": build.peak_rss_bytes,
        "parts_peak_rss_bytes": parts.peak_rss_bytes,
    }
    return WorkloadResult("seed-build", summary, figures, details, warnings)


# --------------------------------------------------------------------------------------------
# Workload: extract-corpus

CORPUS = (REPO_ROOT / ".." / "shared" / "corpus" / "scrapinghub-aeb").resolve()
EXTRACTION_TARGET = 0.95
"""F1 and precision narrate's intake must reach on the corpus (the benchmark's published leaders
score 0.95-0.96 on its full 181 pages)."""

_TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """The benchmark's shingles: every run of ``n`` consecutive ``\\w+`` tokens, as a multiset."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def _tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    """Shingle TP, FP and FN counts of one page, normalised to sum 1 (all 0 when both are empty)."""
    t, p = _shingles(true), _shingles(pred)
    tp = fp = fn = 0.0
    for key in t.keys() | p.keys():
        tp += min(t[key], p[key])
        fp += max(0, p[key] - t[key])
        fn += max(0, t[key] - p[key])
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _page_precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _page_recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def extraction_scores(truth: dict[str, str], predicted: dict[str, str]) -> JSONDict:
    """The Zyte article-extraction benchmark's metric (its evaluate.py): precision and recall are
    means over the pages (pages with nothing to score left out of each mean, as there), F1 is the
    harmonic mean of the two means. Also each page's precision and recall."""
    counts = {key: _tp_fp_fn(truth[key], predicted.get(key, "")) for key in truth}
    precisions = [_page_precision(*c) for c in counts.values() if c[0] + c[1] > 0]
    recalls = [_page_recall(*c) for c in counts.values() if c[0] + c[2] > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    pages = {key: {"precision": _page_precision(*c), "recall": _page_recall(*c)} for key, c in counts.items()}
    return {"precision": precision, "recall": recall, "f1": f1, "pages": pages}


_SHORT = r"(?=(?:\S+\s+){0,11}\S+$)"
"""Lookahead: the whole line has at most 12 words (for patterns that start a line with a label)."""
BOILERPLATE_LINES = re.compile(
    "|".join(
        [
            r"getting your trinity audio player ready\W*",
            r"[|\s]+",
            r"published:?\s*\|\s*updated:?",
            r"listen to this (?:article|story)\W*",
            r"loading audio narration\W*",
            r"powered by beyondwords",
            r"voiced by amazon polly",
            r"(?:skip )?advertisement",
            r"skip to (?:main )?content",
            r"continue reading the main story",
            r"subscribe to continue reading\W*",
            r"already a subscriber\W*",
            rf"{_SHORT}sign up for our newsletter.*",
            r"share on x \(opens in new window\)",
            r"print \(opens in new window\)",
            r"link copied\W*",
            rf"{_SHORT}.*click to tweet",
            rf"{_SHORT}related:.*",
            r"related articles",
            rf"{_SHORT}read more\b.*",
            r"read next\W*",
            rf"{_SHORT}see more:.*",
            r"don['’]t miss\W*",
            rf"{_SHORT}.*\[(?:video|insight)\]\W*",
            r"click here to get the .* app",
            r"purchase licensing rights\W*",
            r"suggest a correction\W*",
            rf"{_SHORT}provided by .*",
            r"read in app",
            r"we use cookies.*",
            r"privacy preference center",
            r"this copy is for your personal,? non-commercial use only\.?",
            r"(?:©|copyright).*all rights reserved\.?",
            r"0 comments",
            r"loading comments\W*",
            rf"{_SHORT}(?:photo|image|picture)s?(?: credit)?:.*",
            r"\(?(?:getty images|ap photo|reuters)\)?",
            r"[-–—]",
        ]
    ),
    re.IGNORECASE,
)
"""The reference's "line patterns seen on news sites" (../shared/reference/article-cleaning.md),
as whole lines, case-insensitive."""
_TRAILING_DASH = re.compile(r"\s[-–—]\s*$")


def boilerplate_lines(text: str) -> list[str]:
    """The lines of ``text`` that are boilerplate by the reference list (and a dash dangling after
    the last sentence)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    found = [line for line in lines if BOILERPLATE_LINES.fullmatch(line)]
    if lines and _TRAILING_DASH.search(lines[-1]) and lines[-1] not in found:
        found.append(lines[-1])
    return found


def _narrate_intake() -> tuple[Callable[[Path, bytes], str], str]:
    """narrate's whole intake when narrate.reader exists, else narrate.html's extraction alone."""
    try:
        from narrate.reader import read_article
    except ModuleNotFoundError as exc:
        if exc.name != "narrate.reader":
            raise
        from narrate.html import extract_html

        def extract_only(path: Path, data: bytes) -> str:
            return re.sub(r"(?m)^## ", "", extract_html(data).markdown)

        return extract_only, "narrate.html.extract_html markdown, '## ' stripped (no narrate.reader)"

    def intake(path: Path, data: bytes) -> str:
        return "\n\n".join(block.text for block in read_article(path).blocks)

    return intake, "narrate.reader.read_article"


@step("extract-corpus:run")
def _step_extract_corpus(params: JSONDict) -> JSONDict:
    """Both extractors over every page: one untimed pass (its output is scored), then timed passes."""
    import gzip

    import trafilatura

    from narrate.errors import NarrateError

    corpus = Path(params["corpus"])
    truth = {k: v["articleBody"] for k, v in json.loads((corpus / "ground-truth.json").read_text("utf-8")).items()}
    pages = {key: gzip.decompress((corpus / "html" / f"{key}.html.gz").read_bytes()) for key in truth}
    texts = {key: data.decode("utf-8") for key, data in pages.items()}
    narrate_run, narrate_name = _narrate_intake()
    errors: dict[str, str] = {}

    with tempfile.TemporaryDirectory(prefix="narrate-bench-corpus-") as tmp:
        paths = {}
        for key, data in pages.items():
            paths[key] = Path(tmp) / f"{key}.html"
            paths[key].write_bytes(data)

        def run_narrate(key: str) -> str:
            try:
                return narrate_run(paths[key], pages[key])
            except NarrateError as exc:
                errors[key] = str(exc)
                return ""

        def run_trafilatura(key: str) -> str:
            return trafilatura.extract(texts[key]) or ""

        outputs: dict[str, dict[str, str]] = {}
        times: dict[str, list[float]] = {}
        for name, func in (("narrate", run_narrate), ("trafilatura", run_trafilatura)):
            outputs[name] = {key: func(key) for key in truth}  # warm-up pass, scored
            times[name] = [_timed(lambda: [func(key) for key in truth])[0] for _ in range(params["repeat"])]

    result: JSONDict = {"narrate_intake": narrate_name, "pages": len(truth), "errors": errors, "times": times}
    for name, predicted in outputs.items():
        result[name] = extraction_scores(truth, predicted)
        result[name]["boilerplate"] = {
            key: lines for key, text in predicted.items() if (lines := boilerplate_lines(text))
        }
    result["trafilatura_version"] = trafilatura.__version__
    return result


_LOW_PAGE_SCORE = 0.9


@workload("extract-corpus")
def extract_corpus(settings: Settings) -> WorkloadResult:
    """Article extraction on the 30-page Zyte sample: narrate's intake vs plain trafilatura.extract."""
    if not (CORPUS / "ground-truth.json").is_file() or not (CORPUS / "html").is_dir():
        raise BenchmarkError(
            f"corpus not found: {CORPUS} (expected ground-truth.json and html/ at "
            f"../shared/corpus/scrapinghub-aeb relative to the repository root {REPO_ROOT})"
        )
    _progress(f"extract-corpus: narrate and trafilatura, 1 scored + {settings.repeat} timed pass(es) each ...")
    run = run_step("extract-corpus:run", {"corpus": str(CORPUS), "repeat": settings.repeat})
    d = run.data
    n = d["pages"]
    ours, theirs = d["narrate"], d["trafilatura"]

    def ms(name: str) -> float:
        return min(d["times"][name]) / n * 1000

    def runs_ms(name: str) -> str:
        runs = d["times"][name]
        return "runs " + " / ".join(f"{t / n * 1000:.1f}" for t in runs) if len(runs) > 1 else ""

    figures = [
        Figure("narrate_precision", "precision, narrate", ours["precision"], target_min=EXTRACTION_TARGET, decimals=4),
        Figure("trafilatura_precision", "precision, trafilatura", theirs["precision"], decimals=4),
        Figure("narrate_recall", "recall, narrate", ours["recall"], decimals=4),
        Figure("trafilatura_recall", "recall, trafilatura", theirs["recall"], decimals=4),
        Figure("narrate_f1", "F1, narrate", ours["f1"], target_min=EXTRACTION_TARGET, decimals=4),
        Figure("trafilatura_f1", "F1, trafilatura", theirs["f1"], decimals=4),
        Figure("narrate_ms_per_page", "time per page, narrate", ms("narrate"), "ms", runs_ms("narrate")),
        Figure(
            "trafilatura_ms_per_page", "time per page, trafilatura", ms("trafilatura"), "ms", runs_ms("trafilatura")
        ),
        Figure(
            "narrate_boilerplate_pages",
            "pages with boilerplate lines, narrate",
            len(ours["boilerplate"]),
            target_max=0,
            decimals=0,
            note=f"of {n}",
        ),
        Figure(
            "trafilatura_boilerplate_pages",
            "pages with boilerplate lines, trafilatura",
            len(theirs["boilerplate"]),
            decimals=0,
            note=f"of {n}",
        ),
    ]
    warnings = [f"narrate failed on {key[:8]}: {error}" for key, error in d["errors"].items()]
    warnings += [f"boilerplate left by narrate on {key[:8]}: {lines}" for key, lines in ours["boilerplate"].items()]
    warnings += [
        f"narrate below {_LOW_PAGE_SCORE:g} on {key[:8]}: precision {s['precision']:.2f}, recall {s['recall']:.2f}"
        for key, s in ours["pages"].items()
        if min(s["precision"], s["recall"]) < _LOW_PAGE_SCORE
    ]
    summary = (
        f"{n} pages of {CORPUS.name}; narrate = {d['narrate_intake']}; trafilatura {d['trafilatura_version']} "
        f"extract() defaults; time best of {settings.repeat}"
    )
    return WorkloadResult("extract-corpus", summary, figures, {**d, "peak_rss_bytes": run.peak_rss_bytes}, warnings)


# --------------------------------------------------------------------------------------------
# Workload: hibari-cores


def _seed_or_error() -> Path:
    if not SEED_ARTICLE.is_file():
        raise BenchmarkError(
            f"seed article not found: {SEED_ARTICLE} (expected at ../shared/articles/seed-article.txt "
            f"relative to the repository root {REPO_ROOT})"
        )
    return SEED_ARTICLE


def _hibari_engine(threads: int) -> tuple[Any, Any]:
    """The default preset's hibari engine with ``threads`` onnxruntime threads, and the preset."""
    import narrate
    from narrate.engines import create_engine

    preset = narrate.load_preset("default")
    if preset.engine != "hibari":
        raise BenchmarkError(f"the default preset uses engine '{preset.engine}', not hibari")
    engine = create_engine(preset.engine, {**preset.options, "threads": threads}, str(preset.path))
    return engine, preset


def _speak_texts(engine: Any, voice: Any, texts: list[str]) -> int:
    """Synthesize ``texts`` one after another; the number of samples made (the PCM is dropped)."""
    return sum(len(engine.synthesize(text, voice).samples) for text in texts)


def _cpu_seconds() -> float:
    """User + system CPU seconds of this process so far, all threads."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _preemptions() -> int:
    """Involuntary context switches of this process so far: times other load took a core from it."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_nivcsw


@step("hibari-cores:chunks")
def _step_hibari_chunks(params: JSONDict) -> JSONDict:
    """The seed article's chunks as the default preset speaks them (read_article + make_chunks)."""
    import narrate
    from narrate.reader import read_article
    from narrate.speech import speech_function

    engine, preset = _hibari_engine(1)
    article = read_article(params["article"])
    chunks = narrate.make_chunks(article.blocks, engine.max_chars, to_speech=speech_function(preset))
    return {
        "texts": [c.speech for c in chunks],
        "engine": f"{engine.name} {engine.version}",
        "max_chars": engine.max_chars,
    }


@step("hibari-cores:one")
def _step_hibari_one(params: JSONDict) -> JSONDict:
    """One process, one engine with ``threads`` intra-op threads: (cold pass,) warm-up, timed pass."""
    entered = time.perf_counter()
    import narrate  # noqa: F401  (imports counted in the cold figure)

    texts: list[str] = params["texts"]
    load_start = time.perf_counter()
    engine, preset = _hibari_engine(params["threads"])
    load_seconds = time.perf_counter() - load_start
    voice = preset.voice_params
    result: JSONDict = {"load": load_seconds}
    if params.get("cold"):
        # Everything a fresh process does before the audio is out: imports, model load, first pass.
        cold_pass, samples = _timed(_speak_texts, engine, voice, texts)
        result["cold_pass"] = cold_pass
        result["cold_total"] = time.perf_counter() - entered
        result["cold_samples"] = samples
    else:
        engine.synthesize(texts[0], voice)  # warm-up
    cpu_before, preempted_before = _cpu_seconds(), _preemptions()
    seconds, samples = _timed(_speak_texts, engine, voice, texts)
    result.update(
        wall=seconds,
        cpu=_cpu_seconds() - cpu_before,
        preempted=_preemptions() - preempted_before,
        samples=samples,
        rate=engine.sample_rate,
    )
    return result


@step("hibari-cores:pythreads")
def _step_hibari_pythreads(params: JSONDict) -> JSONDict:
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
            busy[n], samples[n] = _timed(_speak_texts, engines[n][0], voice, [texts[i] for i in shares[n]])
        except BaseException as exc:  # noqa: BLE001 (re-raised in the main thread)
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,), name=f"bench-hibari-{n}") for n in range(len(shares))]
    for thread in threads:
        thread.start()
    cpu_before, preempted_before = _cpu_seconds(), _preemptions()
    go.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - start
    cpu, preempted = _cpu_seconds() - cpu_before, _preemptions() - preempted_before
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
        cpu_before, preempted_before = _cpu_seconds(), _preemptions()
        samples = _speak_texts(engine, voice, texts)
        done = time.monotonic()
        warm = {
            "done": done,
            "cpu": _cpu_seconds() - cpu_before,
            "preempted": _preemptions() - preempted_before,
            "samples": samples,
            "rate": engine.sample_rate,
        }
        results.put(("warm", index, warm))
    except BaseException as exc:  # noqa: BLE001 (reported to the parent, which fails the step)
        results.put(("error", index, f"{type(exc).__name__}: {exc}"))


@step("hibari-cores:procs")
def _step_hibari_procs(params: JSONDict) -> JSONDict:
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

    def collect(kind: str) -> dict[int, JSONDict]:
        got: dict[int, JSONDict] = {}
        while len(got) < len(workers):
            try:
                what, index, data = results.get(timeout=_PROC_TIMEOUT)
            except queue.Empty:
                raise BenchmarkError(f"a hibari worker process gave no '{kind}' result in time") from None
            if what == "error":
                raise BenchmarkError(f"hibari worker process {index} failed: {data}")
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


_CORE_SETUPS: list[tuple[str, str, str, JSONDict]] = [
    ("t1", "1 process, 1 intra-op thread", "hibari-cores:one", {"threads": 1, "cold": True}),
    ("t2", "1 process, 2 intra-op threads", "hibari-cores:one", {"threads": 2}),
    ("py2", "2 Python threads, 2 engines", "hibari-cores:pythreads", {}),
    ("proc2", "2 processes (spawn), 2 engines", "hibari-cores:procs", {}),
]
"""(key, label, step, extra params) of each set-up; the first is the baseline."""


@workload("hibari-cores")
def hibari_cores(settings: Settings) -> WorkloadResult:
    """hibari throughput on the seed's chunks: 1 vs 2 intra-op threads, 2 Python threads, 2 processes."""
    article = _seed_or_error()
    load_before = os.getloadavg()[0]
    _progress("hibari-cores: chunking the seed article ...")
    prep = run_step("hibari-cores:chunks", {"article": str(article)}).data
    texts: list[str] = prep["texts"]
    shares = _split_by_chars(texts, 2)
    runs: dict[str, list[JSONDict]] = {key: [] for key, *_ in _CORE_SETUPS}
    # Rounds: every set-up once per round, so that load that comes and goes hits them all alike.
    for round_no in range(settings.repeat):
        for key, label, step_name, extra in _CORE_SETUPS:
            _progress(f"hibari-cores: round {round_no + 1}/{settings.repeat}: {label} ...")
            run = run_step(step_name, {"texts": texts, "shares": shares, **extra})
            runs[key].append({**run.data, "peak_rss_bytes": run.peak_rss_bytes})
    load_after = os.getloadavg()[0]

    def speed(data: JSONDict) -> float:
        return data["samples"] / data["rate"] / data["wall"]

    best = {key: max(rs, key=speed) for key, rs in runs.items()}
    throughput = {key: speed(data) for key, data in best.items()}
    base = throughput["t1"]
    audio_s = best["t1"]["samples"] / best["t1"]["rate"]
    figures: list[Figure] = []
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
        figures.append(Figure(f"{key}_x_realtime", f"{label}", throughput[key], "x", note, decimals=0))
    for key, label, _, _ in _CORE_SETUPS[1:]:
        figures.append(Figure(f"{key}_vs_t1", f"ratio: {label} / 1 thread", throughput[key] / base, "x", decimals=2))
    cold_t1 = min(runs["t1"], key=lambda d: d["cold_total"])
    cold_p2 = min(runs["proc2"], key=lambda d: d["cold_total"])
    cold_t1_speed = cold_t1["cold_samples"] / cold_t1["rate"] / cold_t1["cold_total"]
    cold_p2_speed = cold_p2["samples"] / cold_p2["rate"] / cold_p2["cold_total"]
    figures += [
        Figure(
            "t1_cold_x_realtime",
            "1 process, 1 thread, incl. imports + model load",
            cold_t1_speed,
            "x",
            f"{cold_t1['cold_total']:.2f} s: model load {cold_t1['load']:.2f} s + first pass "
            f"{cold_t1['cold_pass']:.2f} s + imports",
            decimals=0,
        ),
        Figure(
            "proc2_cold_x_realtime",
            "2 processes, incl. spawn + model load",
            cold_p2_speed,
            "x",
            f"{cold_p2['cold_total']:.2f} s: spawn {cold_p2['spawn']:.2f} s, imports + model load "
            f"{cold_p2['load']:.2f} s, then first pass",
            decimals=0,
        ),
        Figure(
            "proc2_cold_vs_t1_cold",
            "ratio: 2 processes / 1 thread, both incl. load",
            cold_p2_speed / cold_t1_speed,
            "x",
            decimals=2,
        ),
        Figure(
            "proc2_cold_vs_t1", "ratio: 2 processes incl. load / 1 thread warm", cold_p2_speed / base, "x", decimals=2
        ),
    ]
    fastest = max(throughput, key=throughput.__getitem__)
    fastest_label = next(label for key, label, *_ in _CORE_SETUPS if key == fastest)
    figures.append(
        Figure(
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
        if (rate := best[key]["preempted"] / best[key]["wall"]) > _BUSY_SWITCH_RATE
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
    return WorkloadResult("hibari-cores", summary, figures, details, warnings)


# --------------------------------------------------------------------------------------------
# Workload: gtts-seed

GTTS_LATENCY = 0.2
"""Seconds the fake gTTS server waits before answering each request (a stand-in for Google's)."""
GTTS_CONCURRENCY = 8
GTTS_SPEEDUP_TARGET = 5.0
"""gtts-cli time / narrate time at concurrency 8 must reach this."""
_GTTS_CLI = (
    "import gtts.tts, sys; gtts.tts._translate_url = lambda tld='com', path='': {url!r} + '/' + path; "
    "from gtts.cli import tts_cli; sys.exit(tts_cli())"
)
"""gTTS's own command line, its Google URL pointed at the fake server (gtts-cli has no such option)."""


def _gtts_preset(folder: Path, name: str, endpoint: str, concurrency: int | None) -> Path:
    """A temporary gtts voice preset (gtts-us's settings, no fallback) talking to ``endpoint``."""
    lines = [
        f'description = "benchmark: gtts against {endpoint}"',
        'engine = "gtts"',
        'language = "en-us"',
        "",
        "[pauses]",
        "sentence = 0.35",
        "paragraph = 0.8",
        "heading = 1.4",
        "",
        "[options]",
        'lang = "en"',
        'tld = "com"',
        f'endpoint = "{endpoint}"',
    ]
    if concurrency is not None:
        lines.append(f"concurrency = {concurrency}")
    path = folder / f"{name}.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@step("gtts-seed:build")
def _step_gtts_build(params: JSONDict) -> JSONDict:
    """One narrate.build of the article with a gtts preset, into a fresh folder with a fresh, empty
    chunk cache (NARRATE_CACHE_DIR); no warm-up: a fresh process, as `narrate build` runs."""
    with tempfile.TemporaryDirectory(prefix="narrate-bench-gtts-") as tmp:
        os.environ["NARRATE_CACHE_DIR"] = str(Path(tmp) / "cache")
        import narrate
        from narrate.engines import create_engine

        events: list[Any] = []
        seconds, report = _timed(
            narrate.build,
            [params["article"]],
            out_dir=Path(tmp) / "out",
            voice=params["voice"],
            progress=events.append,
        )
        if report.failed:
            raise BenchmarkError(f"gtts build failed: {report.failed[0].error}")
        record = report.results[0].record
        assert record is not None
        cache_entries = sum(1 for _ in (Path(tmp) / "cache").rglob("*.flac"))
        preset = narrate.load_preset(params["voice"])
        engine = create_engine(preset.engine, preset.options, str(preset.path))  # no request is made
        concurrency = engine.concurrency
        engine.close()
    last = events[-1]
    return {
        "wall": seconds,
        "concurrency": concurrency,
        "chunks": len(record.chunks),
        "cached": last.cached,
        "fallbacks": last.fallbacks,
        "audio_seconds": record.audio.duration,
        "cache_entries_written": cache_entries,
        "spoken": [c.spoken for c in record.chunks],
    }


@workload("gtts-seed")
def gtts_seed(settings: Settings) -> WorkloadResult:
    """The seed via gtts against a local fake server (200 ms per request): narrate c=8 and default vs gtts-cli."""
    article = _seed_or_error()
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    from tests.fake_gtts import FakeGtts

    narrate_runs = min(settings.repeat, 2)  # network-bound and slow to vary: once or twice is enough
    warnings: list[str] = []
    with tempfile.TemporaryDirectory(prefix="narrate-bench-gtts-") as tmp_name, FakeGtts() as server:
        tmp = Path(tmp_name)
        server.behave(latency=GTTS_LATENCY)
        voices = {
            "c8": _gtts_preset(tmp, "bench-gtts-c8", server.url, GTTS_CONCURRENCY),
            "cdef": _gtts_preset(tmp, "bench-gtts-default", server.url, None),
        }
        runs: dict[str, list[JSONDict]] = {key: [] for key in voices}
        for round_no in range(narrate_runs):
            for key, voice in voices.items():
                _progress(f"gtts-seed: run {round_no + 1}/{narrate_runs}: narrate.build, preset {voice.stem} ...")
                server.reset_counts()
                data = run_step("gtts-seed:build", {"article": str(article), "voice": str(voice)}).data
                requests = server.requests
                data.update(requests=len(requests), max_in_flight=server.max_in_flight)
                data["texts"] = Counter(r.text for r in requests)
                runs[key].append(data)
                if data["cached"] or data["fallbacks"]:
                    warnings.append(
                        f"{voice.stem}: {data['cached']} chunk(s) came from the cache and {data['fallbacks']} "
                        "from a fallback: the build was not all spoken by the server"
                    )

        # gtts-cli gets the very words narrate sent: the sidecar's chunks[].spoken (the seed cleaned and
        # normalised for speech), one chunk per paragraph.
        spoken: list[str] = runs["c8"][0]["spoken"]
        text_file = tmp / "seed-spoken.txt"
        text_file.write_text("\n\n".join(spoken) + "\n", encoding="utf-8")
        command = [sys.executable, "-c", _GTTS_CLI.format(url=server.url)]
        startup, help_run = _timed(subprocess.run, [*command, "--help"], capture_output=True, text=True)
        if help_run.returncode != 0:
            raise BenchmarkError(f"gtts-cli does not start: {help_run.stderr.strip()[-500:]}")
        _progress("gtts-seed: gtts-cli on the same words (one request at a time) ...")
        server.reset_counts()
        output = tmp / "gtts-cli.mp3"
        cli_seconds, proc = _timed(
            subprocess.run,
            [*command, "--file", str(text_file), "--output", str(output)],
            capture_output=True,
            text=True,
            timeout=900,
        )
        if proc.returncode != 0 or not output.is_file() or output.stat().st_size == 0:
            raise BenchmarkError(f"gtts-cli failed (exit {proc.returncode}): {proc.stderr.strip()[-500:]}")
        cli_requests = server.requests
        cli = {
            "wall": cli_seconds,
            "startup": startup,
            "requests": len(cli_requests),
            "max_in_flight": server.max_in_flight,
            "mp3_bytes": output.stat().st_size,
            "texts": Counter(r.text for r in cli_requests),
        }

    best = {key: min(rs, key=lambda d: d["wall"]) for key, rs in runs.items()}
    if cli["texts"] != best["c8"]["texts"]:
        only_cli = sum((cli["texts"] - best["c8"]["texts"]).values())
        only_narrate = sum((best["c8"]["texts"] - cli["texts"]).values())
        warnings.append(
            f"gtts-cli and narrate sent different parts: {only_cli} only from gtts-cli, "
            f"{only_narrate} only from narrate"
        )
    same_parts = cli["texts"] == best["c8"]["texts"]
    default_c = best["cdef"]["concurrency"]

    def narrate_note(key: str) -> str:
        d = best[key]
        times = _runs([r["wall"] for r in runs[key]])
        return (
            f"{d['requests']} requests, max {d['max_in_flight']} in flight, {d['chunks']} chunks, "
            f"{d['cache_entries_written']} cache entries written" + (f"; {times}" if times else "")
        )

    ideal = best["c8"]["requests"] * GTTS_LATENCY / GTTS_CONCURRENCY
    figures = [
        Figure(
            "narrate_c8_s",
            f"narrate.build, concurrency {GTTS_CONCURRENCY}",
            best["c8"]["wall"],
            "s",
            narrate_note("c8"),
        ),
        Figure(
            "narrate_cdef_s",
            f"narrate.build, default concurrency ({default_c})",
            best["cdef"]["wall"],
            "s",
            narrate_note("cdef"),
        ),
        Figure(
            "gtts_cli_s",
            "gtts-cli",
            cli["wall"],
            "s",
            f"{cli['requests']} requests, max {cli['max_in_flight']} in flight; "
            f"incl. {cli['startup']:.2f} s interpreter + import start-up (its --help run)",
        ),
        Figure("requests_c8", f"requests, narrate c={GTTS_CONCURRENCY}", best["c8"]["requests"], decimals=0),
        Figure("requests_cdef", f"requests, narrate c={default_c}", best["cdef"]["requests"], decimals=0),
        Figure(
            "requests_cli",
            "requests, gtts-cli",
            cli["requests"],
            decimals=0,
            note="same parts as narrate" if same_parts else "parts differ from narrate's",
        ),
        Figure(
            "in_flight_c8",
            f"max in flight, narrate c={GTTS_CONCURRENCY}",
            best["c8"]["max_in_flight"],
            decimals=0,
            note="as the fake server counts them",
        ),
        Figure("in_flight_cdef", f"max in flight, narrate c={default_c}", best["cdef"]["max_in_flight"], decimals=0),
        Figure(
            "in_flight_cli",
            "max in flight, gtts-cli",
            cli["max_in_flight"],
            decimals=0,
            note="gtts-cli sends one request at a time"
            + (": the server's count reads high" if cli["max_in_flight"] > 1 else ""),
        ),
        Figure(
            "speedup_c8",
            f"speed-up gtts-cli / narrate c={GTTS_CONCURRENCY}",
            cli["wall"] / best["c8"]["wall"],
            "x",
            f"{(cli['wall'] - cli['startup']) / best['c8']['wall']:.2f} x without gtts-cli's start-up; "
            f"latency floor {ideal:.2f} s",
            target_min=GTTS_SPEEDUP_TARGET,
        ),
        Figure(
            "speedup_cdef",
            f"speed-up gtts-cli / narrate c={default_c}",
            cli["wall"] / best["cdef"]["wall"],
            "x",
            f"{(cli['wall'] - cli['startup']) / best['cdef']['wall']:.2f} x without gtts-cli's start-up",
        ),
        Figure(
            "audio_s",
            "audio produced by narrate",
            best["c8"]["audio_seconds"],
            "s",
            f"gtts-cli wrote {cli['mp3_bytes'] / 1e6:.2f} MB of joined MP3 parts",
        ),
    ]
    overcounted = [f"narrate c={d['concurrency']}" for d in best.values() if d["max_in_flight"] > d["concurrency"]]
    overcounted += ["gtts-cli (sequential)"] if cli["max_in_flight"] > 1 else []
    if overcounted:
        warnings.append(
            f"max in flight above the client's limit for {', '.join(overcounted)}: the fake server counts a "
            "request done only after writing its whole answer, so the client's next request can arrive "
            "before that and overlap it by a moment (a counting artefact of tests/fake_gtts.py)"
        )
    summary = (
        f"{article.name} via the fake gTTS server (tests/fake_gtts.py, {GTTS_LATENCY * 1000:.0f} ms added per "
        f"request); narrate.build in a fresh process, fresh empty cache each run, best of {narrate_runs}; "
        f"gtts-cli once, on narrate's spoken words (sidecar chunks[].spoken, cleaned + normalised, "
        f"{sum(len(s) for s in spoken):,} chars in {len(spoken)} paragraphs)"
    )
    details = {
        "narrate": {
            key: [{k: v for k, v in r.items() if k not in ("texts", "spoken")} for r in rs] for key, rs in runs.items()
        },
        "gtts_cli": {k: v for k, v in cli.items() if k != "texts"},
        "latency": GTTS_LATENCY,
    }
    return WorkloadResult("gtts-seed", summary, figures, details, warnings)


# --------------------------------------------------------------------------------------------
# Workload: rebuild-seed

REBUILD_TARGET = 0.05
"""A rebuild of an unchanged article may take at most this share of the first build's time."""


@step("rebuild-seed:build")
def _step_rebuild_build(params: JSONDict) -> JSONDict:
    """One narrate.build of the article (default voice) into ``out_dir`` with the chunk cache in
    ``cache_dir``; no warm-up: a fresh process, as `narrate build` runs. Then, untimed by the build,
    the default preset's model load with every module already imported."""
    os.environ["NARRATE_CACHE_DIR"] = params["cache_dir"]
    import narrate
    from narrate.engines import create_engine

    events: list[Any] = []
    cpu_before = _cpu_seconds()
    seconds, report = _timed(
        narrate.build, [params["article"]], out_dir=Path(params["out_dir"]), progress=events.append
    )
    cpu = _cpu_seconds() - cpu_before
    if report.failed:
        raise BenchmarkError(f"build of {params['article']} failed: {report.failed[0].error}")
    result = report.results[0]
    record = result.record
    assert record is not None
    preset = narrate.load_preset("default")
    load_seconds, engine = _timed(create_engine, preset.engine, preset.options, str(preset.path))
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


@workload("rebuild-seed")
def rebuild_seed(settings: Settings) -> WorkloadResult:
    """The seed built (default voice, fresh cache), then rebuilt unchanged: rebuild / first build."""
    article = _seed_or_error()
    with tempfile.TemporaryDirectory(prefix="narrate-bench-rebuild-") as tmp:
        params = {"article": str(article), "out_dir": str(Path(tmp) / "out"), "cache_dir": str(Path(tmp) / "cache")}
        _progress("rebuild-seed: first build (fresh output folder, fresh chunk cache) ...")
        first = run_step("rebuild-seed:build", params).data
        rebuilds: list[JSONDict] = []
        for n in range(settings.repeat):
            _progress(f"rebuild-seed: rebuild {n + 1}/{settings.repeat} (same folder, same cache) ...")
            rebuilds.append(run_step("rebuild-seed:build", params).data)
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
        Figure(
            "first_s",
            "first build (fresh cache)",
            first["wall"],
            "s",
            f"{first['chunks']} chunks, {first['chunks'] - first['cached']} spoken by the engine, "
            f"{first['cpu'] / first['wall']:.2f} cores busy",
        ),
        Figure(
            "rebuild_s",
            "rebuild (unchanged, same cache)",
            best["wall"],
            "s",
            f"{best['cached']} of {best['chunks']} chunks from the cache, {best['cpu'] / best['wall']:.2f} cores "
            f"busy; {_runs([d['wall'] for d in rebuilds])}".rstrip("; "),
        ),
        Figure(
            "rebuild_over_first",
            "rebuild / first build",
            best["wall"] / first["wall"],
            "x",
            target_max=REBUILD_TARGET,
            decimals=3,
        ),
        Figure(
            "rebuild_engine_calls",
            "engine calls on the rebuild",
            calls,
            target_max=0,
            decimals=0,
            note="chunks - cached, from the build's progress events (worst rebuild)",
        ),
        Figure(
            "model_load_s",
            "model load (modules already imported)",
            best["model_load"],
            "s",
            "paid by every build, rebuild included: the engine is made before the cache is asked",
        ),
        Figure(
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
    return WorkloadResult("rebuild-seed", summary, figures, {"first": first, "rebuilds": rebuilds}, warnings)


# --------------------------------------------------------------------------------------------
# Workloads: batch-jobs and batch-dask
# --------------------------------------------------------------------------------------------


def _seed_articles(folder: Path, count: int) -> None:
    """``count`` articles cut from the seed article's paragraphs (about a minute of speech each)."""
    lines = [line for line in SEED_ARTICLE.read_text(encoding="utf-8").splitlines()[6:] if len(line) > 80]
    per = max(1, len(lines) // count)
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        body = "\n".join(lines[n * per : (n + 1) * per]) or lines[n % len(lines)]
        (folder / f"part-{n:02d}.txt").write_text(f"Seed Part {n}\nBy Bench Mark\n{body}\n", encoding="utf-8")


@step("batch-jobs:run")
def _step_batch_jobs(params: JSONDict) -> JSONDict:
    """run_batch of the same articles with --jobs 1 and --jobs 2, fresh output folders, no cache."""
    from narrate.batch import run_batch

    results: dict[str, list[float]] = {"1": [], "2": []}
    audio = 0.0
    with tempfile.TemporaryDirectory(prefix="narrate-bench-batch-") as tmp:
        source = Path(tmp) / "articles"
        _seed_articles(source, params["articles"])
        for repeat in range(params["repeat"]):
            for jobs in (1, 2):
                out = Path(tmp) / f"out-{jobs}-{repeat}"
                seconds, report = _timed(run_batch, source, out_dir=out, jobs=jobs, use_cache=False)
                if report.failed:
                    raise BenchmarkError(f"batch failed: {report.failed[0].error}")
                results[str(jobs)].append(seconds)
                audio = sum(o.audio_seconds for o in report.outcomes)
    return {"times": results, "articles": params["articles"], "audio_seconds": audio}


@workload("batch-jobs")
def batch_jobs(settings: Settings) -> WorkloadResult:
    """Articles per minute with hibari at --jobs 1 and --jobs 2 (target >= 1.7x on 2 cores)."""
    if not SEED_ARTICLE.is_file():
        raise BenchmarkError(f"seed article not found: {SEED_ARTICLE}")
    run = run_step("batch-jobs:run", {"articles": 12, "repeat": settings.repeat})
    data = run.data
    one, two = min(data["times"]["1"]), min(data["times"]["2"])
    per_minute = lambda seconds: data["articles"] / seconds * 60  # noqa: E731
    figures = [
        Figure("jobs1", "--jobs 1", per_minute(one), "articles/min", note=f"{one:.1f} s for {data['articles']} articles"),
        Figure("jobs2", "--jobs 2", per_minute(two), "articles/min", note=f"{two:.1f} s"),
        Figure("speedup", "--jobs 2 / --jobs 1", one / two, "x", target_min=1.7),
        Figure("audio", "audio per run", data["audio_seconds"] / 60, "min"),
    ]
    return WorkloadResult("batch-jobs", f"{data['articles']} parts of the seed article, default voice, no cache; best of {settings.repeat}", figures, data)


@step("batch-dask:run")
def _step_batch_dask(params: JSONDict) -> JSONDict:
    """The same articles with 2 local worker processes and on a 2-worker Dask LocalCluster."""
    from distributed import LocalCluster

    from narrate.batch import run_batch

    results: dict[str, list[float]] = {"local": [], "dask": []}
    with tempfile.TemporaryDirectory(prefix="narrate-bench-dask-") as tmp:
        source = Path(tmp) / "articles"
        _seed_articles(source, params["articles"])
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            for repeat in range(params["repeat"]):
                out = Path(tmp) / f"local-{repeat}"
                seconds, _ = _timed(run_batch, source, out_dir=out, jobs=2, use_cache=False)
                results["local"].append(seconds)
                out = Path(tmp) / f"dask-{repeat}"
                seconds, report = _timed(
                    run_batch, source, out_dir=out, scheduler=cluster.scheduler_address, use_cache=False
                )
                if report.failed:
                    raise BenchmarkError(f"dask batch failed: {report.failed[0].error}")
                results["dask"].append(seconds)
    return {"times": results, "articles": params["articles"]}


@workload("batch-dask")
def batch_dask(settings: Settings) -> WorkloadResult:
    """A batch on a 2-worker Dask LocalCluster against 2 local processes (target <= 10 % overhead)."""
    if not SEED_ARTICLE.is_file():
        raise BenchmarkError(f"seed article not found: {SEED_ARTICLE}")
    run = run_step("batch-dask:run", {"articles": 8, "repeat": settings.repeat})
    local, dask = min(run.data["times"]["local"]), min(run.data["times"]["dask"])
    figures = [
        Figure("local", "2 local worker processes", local, "s", note="runs " + " / ".join(f"{t:.1f}" for t in run.data["times"]["local"])),
        Figure("dask", "Dask LocalCluster, 2 workers", dask, "s", note="runs " + " / ".join(f"{t:.1f}" for t in run.data["times"]["dask"])),
        Figure("overhead", "Dask overhead", (dask / local - 1) * 100, "%", target_max=10.0),
    ]
    return WorkloadResult("batch-dask", f"{run.data['articles']} parts of the seed article, default voice, no cache", figures, run.data)


# --------------------------------------------------------------------------------------------
# Workload: feed-10k
# --------------------------------------------------------------------------------------------


@step("feed-10k:run")
def _step_feed_10k(params: JSONDict) -> JSONDict:
    """Writes 10,000 episode sidecars (copies of one real episode's), then times rebuild_feed."""
    import shutil

    import narrate
    from narrate.catalog import SIDECAR_NAME, load_catalog
    from narrate.config import Config
    from narrate.pipeline import rebuild_feed

    count: int = params["count"]
    with tempfile.TemporaryDirectory(prefix="narrate-bench-feed-") as tmp:
        one = Path(tmp) / "one"
        article = Path(tmp) / "a.txt"
        article.write_text("A Sample Episode\nBy Bench Mark\nA short paragraph that is spoken.\n", encoding="utf-8")
        report = narrate.build([article], out_dir=one, use_cache=False)
        record = report.results[0].record
        if record is None:
            raise BenchmarkError(f"sample build failed: {report.results[0].error}")
        template = json.loads((record.folder(one) / SIDECAR_NAME).read_text(encoding="utf-8"))
        out = Path(tmp) / "out"
        for n in range(count):
            data = dict(template, slug=f"episode-{n:05d}", guid=f"guid-{n:05d}", title=f"Episode {n}",
                        published=f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}T{n % 24:02d}:00:00+00:00")
            folder = out / "episodes" / data["slug"]
            folder.mkdir(parents=True)
            (folder / SIDECAR_NAME).write_text(json.dumps(data), encoding="utf-8")
            shutil.copyfile(record.audio_path(one), folder / data["audio"]["file"])
        config = Config()
        times = []
        for _ in range(params["repeat"]):
            seconds, (path, listed, problems) = _timed(rebuild_feed, out, config)
            times.append(seconds)
        load_seconds, _ = _timed(load_catalog, out)
        return {"times": times, "bytes": path.stat().st_size, "episodes": listed, "problems": len(problems),
                "load_seconds": load_seconds, "sidecar_bytes": len(json.dumps(template))}


@workload("feed-10k")
def feed_10k(settings: Settings) -> WorkloadResult:
    """The feed rebuilt from 10,000 episode sidecars: time and size (target <= 2 s)."""
    run = run_step("feed-10k:run", {"count": 10_000, "repeat": settings.repeat})
    data = run.data
    best = min(data["times"])
    figures = [
        Figure("feed_time", "feed rebuilt from 10,000 sidecars", best, "s", target_max=2.0,
               note="runs " + " / ".join(f"{t:.2f}" for t in data["times"])),
        Figure("catalog_time", "reading the sidecars alone", data["load_seconds"], "s",
               note=f"{data['sidecar_bytes']:,} bytes each"),
        Figure("feed_bytes", "feed size", data["bytes"] / 1e6, "MB", note=f"{data['episodes']:,} items"),
        Figure("peak_rss", "peak RSS", run.peak_rss_bytes / 1e6, "MB"),
    ]
    return WorkloadResult("feed-10k", "narrate.pipeline.rebuild_feed in a fresh process", figures, data)


# --------------------------------------------------------------------------------------------
# Workloads: long-episode (memory stays bounded) and audio-throughput
# --------------------------------------------------------------------------------------------


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


@step("long-episode:build")
def _step_long_episode(params: JSONDict) -> JSONDict:
    """narrate.build of a synthetic article with the fake engine (tests/fakes.py), no chunk cache."""
    sys.path.insert(0, str(REPO_ROOT))
    import narrate
    from narrate.engines import register

    from tests.fakes import FakeEngine

    register(FakeEngine)
    with tempfile.TemporaryDirectory(prefix="narrate-bench-long-") as tmp:
        preset = Path(tmp) / "fake.toml"
        preset.write_text(f'engine = "fake"\n[options]\nseconds_per_char = {params["seconds_per_char"]}\n')
        article = Path(tmp) / "long.txt"
        article.write_text(_fake_article(params["seconds"], params["seconds_per_char"]), encoding="utf-8")
        rss_before = _peak_rss_self()
        seconds, report = _timed(narrate.build, [article], out_dir=Path(tmp) / "out", voice=str(preset), use_cache=False)
        if report.failed:
            raise BenchmarkError(f"long build failed: {report.failed[0].error}")
        record = report.results[0].record
        assert record is not None
        return {
            "time": seconds,
            "audio_seconds": record.audio.duration,
            "mp3_bytes": record.audio.bytes,
            "chunks": len(record.chunks),
            "rss_before_build": rss_before,
        }


@workload("long-episode")
def long_episode(settings: Settings) -> WorkloadResult:
    """Peak memory of a 2-hour narration against a 5-minute one (fake engine): growth must stay small."""
    runs = {}
    for label, seconds in (("5 min", 300.0), ("2 h", 7200.0)):
        print(f"long-episode: {label} narration with the fake engine ...", file=sys.stderr, flush=True)
        runs[label] = run_step("long-episode:build", {"seconds": seconds, "seconds_per_char": 0.06})
    short, long = runs["5 min"], runs["2 h"]
    growth = (long.peak_rss_bytes - short.peak_rss_bytes) / 1e6
    figures = [
        Figure("short_audio", "5-minute narration: audio", short.data["audio_seconds"] / 60, "min"),
        Figure("long_audio", "2-hour narration: audio", long.data["audio_seconds"] / 60, "min"),
        Figure("short_rss", "peak RSS, 5-minute", short.peak_rss_bytes / 1e6, "MB"),
        Figure("long_rss", "peak RSS, 2-hour", long.peak_rss_bytes / 1e6, "MB",
               note=f"the whole episode's PCM would be {long.data['audio_seconds'] * 44100 * 4 / 1e6:.0f} MB as float32"),
        Figure("rss_growth", "growth, 2-hour over 5-minute", growth, "MB", target_max=100.0),
        Figure("short_time", "build time, 5-minute", short.data["time"], "s"),
        Figure("long_time", "build time, 2-hour", long.data["time"], "s",
               note=f"{long.data['audio_seconds'] / long.data['time']:.0f}x realtime, {long.data['chunks']} chunks"),
    ]
    return WorkloadResult("long-episode", "fake engine (tests/fakes.py), no chunk cache, fresh process each", figures,
                          {"short": short.data, "long": long.data})


@step("audio-throughput:run")
def _step_audio_throughput(params: JSONDict) -> JSONDict:
    """Encoding, levelling and metering of one minute of hibari speech, repeated."""
    import numpy as np
    import soxr
    from hibari import Hibari

    from narrate.audio import Mp3Writer
    from narrate.loudness import Leveler, LoudnessMeter
    from narrate.models import Clip

    text = SEED_ARTICLE.read_text(encoding="utf-8").splitlines()[6:12]
    speech = soxr.resample(Hibari()(" ".join(text), seed=0), 24000, 44100).astype(np.float32)
    seconds = len(speech) / 44100
    results: dict[str, list[float]] = {"encode": [], "level": [], "meter": []}
    for _ in range(params["repeat"]):
        with tempfile.TemporaryDirectory(prefix="narrate-bench-enc-") as tmp:
            writer = Mp3Writer(Path(tmp) / "a.mp3", input_rate=44100)
            start = time.perf_counter()
            writer.write(Clip(speech, 44100))
            writer.close()
            results["encode"].append(time.perf_counter() - start)
        leveler = Leveler(44100)
        start = time.perf_counter()
        for piece in np.array_split(speech, 10):
            leveler.process(piece)
        results["level"].append(time.perf_counter() - start)
        meter = LoudnessMeter(44100)
        start = time.perf_counter()
        meter.feed(speech)
        meter.integrated()
        results["meter"].append(time.perf_counter() - start)
    return {"seconds": seconds, **results}


@workload("audio-throughput")
def audio_throughput(settings: Settings) -> WorkloadResult:
    """Seconds of audio per wall second: MP3 encoding (44.1 kHz, 64 kbps), levelling + limiting, metering."""
    if not SEED_ARTICLE.is_file():
        raise BenchmarkError(f"seed article not found: {SEED_ARTICLE}")
    run = run_step("audio-throughput:run", {"repeat": settings.repeat})
    seconds = run.data["seconds"]
    figures = [
        Figure(f"{name}_x", label, seconds / min(run.data[name]), "x", note=f"best of {settings.repeat}, {seconds:.0f} s of speech")
        for name, label in (("encode", "MP3 encoding (lameenc, 64 kbps)"), ("level", "levelling + true-peak limiting"), ("meter", "streaming loudness meter"))
    ]
    return WorkloadResult("audio-throughput", "hibari speech from the seed article, 44.1 kHz", figures, run.data)


# --------------------------------------------------------------------------------------------
# Output


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _format_value(figure: Figure) -> str:
    v = figure.value
    if figure.decimals is not None:
        text = f"{v:.{figure.decimals}f}"
    elif figure.unit == "MB":
        text = f"{v:.0f}"
    elif figure.unit in ("", "x") and abs(v) < 0.1:
        text = f"{v:.4f}"
    else:
        text = f"{v:.2f}"
    return f"{text} {figure.unit}".rstrip()


def _format_note(figure: Figure) -> str:
    if figure.target_max is None and figure.target_min is None:
        return figure.note
    if figure.target_max is not None:
        target = f"target <= {figure.target_max:g}: {'PASS' if figure.passed else 'over'}"
    else:
        target = f"target >= {figure.target_min:g}: {'PASS' if figure.passed else 'under'}"
    return f"{target}; {figure.note}" if figure.note else target


def format_table(result: WorkloadResult) -> str:
    rows = [(f.label, _format_value(f), _format_note(f)) for f in result.figures]
    w_label = max(len(r[0]) for r in rows)
    w_value = max(len(r[1]) for r in rows)
    lines = [f"{result.name}  ({result.summary})"]
    lines += [f"  {label:<{w_label}}  {value:>{w_value}}  {note}".rstrip() for label, value, note in rows]
    lines += [f"  WARNING: {w}" for w in result.warnings]
    return "\n".join(lines)


def to_json(results: list[WorkloadResult], settings: Settings) -> JSONDict:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average_at_end": os.getloadavg()[0],
        "settings": asdict(settings),
        "workloads": [
            {
                "name": r.name,
                "summary": r.summary,
                "figures": [{**asdict(f), "passed": f.passed} for f in r.figures],
                "warnings": r.warnings,
                "details": r.details,
            }
            for r in results
        ],
    }


# --------------------------------------------------------------------------------------------
# Command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Run narrate's benchmark workloads and print their figures.",
        epilog="Workloads: " + ", ".join(WORKLOADS),
    )
    parser.add_argument("workloads", nargs="*", metavar="WORKLOAD", help="workloads to run (default: all)")
    parser.add_argument("--list", action="store_true", help="list the workloads and exit")
    parser.add_argument(
        "--json", action="store_true", help="also print the results as JSON on stdout (the table then goes to stderr)"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=Settings.repeat,
        metavar="N",
        help="timed runs per step, best reported (default: %(default)s)",
    )
    parser.add_argument("--child-step", help=argparse.SUPPRESS)
    parser.add_argument("--child-params", help=argparse.SUPPRESS)
    parser.add_argument("--child-result", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child_step:
        return child_main(args.child_step, args.child_params, args.child_result)
    if args.list:
        for name, func in WORKLOADS.items():
            print(f"{name:<16} {describe(func)}")
        return 0
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    unknown = [w for w in args.workloads if w not in WORKLOADS]
    if unknown:
        parser.error(f"unknown workload(s): {', '.join(unknown)} (known: {', '.join(WORKLOADS)})")

    settings = Settings(repeat=args.repeat)
    table_out = sys.stderr if args.json else sys.stdout
    results: list[WorkloadResult] = []
    failed = False
    for name in args.workloads or list(WORKLOADS):
        try:
            result = WORKLOADS[name](settings)
        except BenchmarkError as exc:
            print(f"{name}: error: {exc}", file=sys.stderr)
            failed = True
            continue
        results.append(result)
        print(format_table(result), file=table_out, flush=True)
    if args.json:
        print(json.dumps(to_json(results, settings), indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
