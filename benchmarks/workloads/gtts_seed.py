"""Workload ``gtts-seed``: the gtts engine against ``tests/fake_gtts.py``, narrate vs gTTS's own CLI.

``tests/fake_gtts.py`` is a real local HTTP server that adds 200 ms to every request; the server runs
in the parent process, every client in its own.

narrate build, concurrency 8 / default concurrency
    The whole ``narrate build ARTICLE --voice PRESET --out DIR --quiet`` command (``python -m narrate``:
    interpreter start-up and imports included, as a user runs it) of the seed with a temporary gtts
    preset (gtts-us's settings, endpoint = the fake server, no fallback), a fresh empty chunk cache
    (NARRATE_CACHE_DIR) and output folder. Best of min(--repeat, 2).
gtts-cli
    gTTS's own command line, its Google URL patched to the server (``python -c ... tts_cli()``), once,
    on the words narrate sent: the sidecar's ``chunks[].spoken`` (the seed cleaned and normalised for
    speech) joined by blank lines. Its wall time includes interpreter start-up, given apart.
requests, max in flight
    What the server received (``server.requests``, ``server.max_in_flight``) during each timed run.
speed-up
    gtts-cli wall time / narrate wall time. Target at concurrency 8: >= 6.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import harness as h

GTTS_LATENCY = 0.2
"""Seconds the fake gTTS server waits before answering each request (a stand-in for Google's)."""
GTTS_CONCURRENCY = 8
GTTS_SPEEDUP_TARGET = 6.0
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


@h.step("gtts-seed:build")
def _step_gtts_build(params: h.JSONDict) -> h.JSONDict:
    """One whole ``narrate build`` command of the article with a gtts preset, as a user runs it
    (interpreter start, imports, engine, requests, audio, feed), into a fresh folder with a fresh,
    empty chunk cache (NARRATE_CACHE_DIR)."""
    h.compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="narrate-bench-gtts-") as tmp:
        env = dict(os.environ, NARRATE_CACHE_DIR=str(Path(tmp) / "cache"))
        out = Path(tmp) / "out"
        command = [sys.executable, "-m", "narrate", "build", params["article"], "--voice", params["voice"],
                   "--out", str(out), "--quiet"]
        seconds, proc = h.timed(subprocess.run, command, env=env, capture_output=True, text=True, timeout=900)
        if proc.returncode != 0:
            raise h.BenchmarkError(f"narrate build failed (exit {proc.returncode}): {proc.stderr.strip()[-500:]}")
        import narrate
        from narrate.publish.catalog import load_catalog, load_episode
        from narrate.speech.engines import create_engine

        records, problems = load_catalog(out)
        if len(records) != 1 or problems:
            raise h.BenchmarkError(f"narrate build wrote {len(records)} episode(s), problems: {problems}")
        record = load_episode(out, records[0].slug)
        cache_entries = sum(1 for _ in (Path(tmp) / "cache").rglob("*.flac"))
        preset = narrate.load_preset(params["voice"])
        engine = create_engine(preset.engine, preset.options, str(preset.path))  # no request is made
        concurrency = engine.concurrency
        engine.close()
    return {
        "wall": seconds,
        "concurrency": concurrency,
        "chunks": len(record.chunks),
        "units": sum(len(c.sentences) or 1 for c in record.chunks),  # spoken one by one, cached one by one
        "audio_seconds": record.audio.duration,
        "cache_entries_written": cache_entries,
        "spoken": [c.spoken for c in record.chunks],
    }


@h.workload("gtts-seed")
def gtts_seed(settings: h.Settings) -> h.WorkloadResult:
    """The seed via gtts against a local fake server (200 ms per request): narrate c=8 and default vs gtts-cli."""
    article = h.seed_or_error()
    if str(h.REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(h.REPO_ROOT))
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
        runs: dict[str, list[h.JSONDict]] = {key: [] for key in voices}
        for round_no in range(narrate_runs):
            for key, voice in voices.items():
                h.progress(f"gtts-seed: run {round_no + 1}/{narrate_runs}: narrate build, preset {voice.stem} ...")
                server.reset_counts()
                data = h.run_step("gtts-seed:build", {"article": str(article), "voice": str(voice)}).data
                requests = server.requests
                data.update(requests=len(requests), max_in_flight=server.max_in_flight)
                data["texts"] = Counter(r.text for r in requests)
                runs[key].append(data)
                if data["cache_entries_written"] != data["units"]:
                    warnings.append(
                        f"{voice.stem}: {data['cache_entries_written']} sentence unit(s) cached of {data['units']}: "
                        "the build was not all spoken by the server"
                    )

        # gtts-cli gets the very words narrate sent: the sidecar's chunks[].spoken (the seed cleaned and
        # normalised for speech), one chunk per paragraph.
        spoken: list[str] = runs["c8"][0]["spoken"]
        text_file = tmp / "seed-spoken.txt"
        text_file.write_text("\n\n".join(spoken) + "\n", encoding="utf-8")
        command = [sys.executable, "-c", _GTTS_CLI.format(url=server.url)]
        startup, help_run = h.timed(subprocess.run, [*command, "--help"], capture_output=True, text=True)
        if help_run.returncode != 0:
            raise h.BenchmarkError(f"gtts-cli does not start: {help_run.stderr.strip()[-500:]}")
        h.progress("gtts-seed: gtts-cli on the same words (one request at a time) ...")
        server.reset_counts()
        output = tmp / "gtts-cli.mp3"
        cli_seconds, proc = h.timed(
            subprocess.run,
            [*command, "--file", str(text_file), "--output", str(output)],
            capture_output=True,
            text=True,
            timeout=900,
        )
        if proc.returncode != 0 or not output.is_file() or output.stat().st_size == 0:
            raise h.BenchmarkError(f"gtts-cli failed (exit {proc.returncode}): {proc.stderr.strip()[-500:]}")
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
        times = h.runs([r["wall"] for r in runs[key]])
        return (
            f"{d['requests']} requests, max {d['max_in_flight']} in flight, {d['chunks']} chunks, "
            f"{d['cache_entries_written']} cache entries written" + (f"; {times}" if times else "")
        )

    ideal = best["c8"]["requests"] * GTTS_LATENCY / GTTS_CONCURRENCY
    figures = [
        h.Figure(
            "narrate_c8_s",
            f"narrate build, concurrency {GTTS_CONCURRENCY}",
            best["c8"]["wall"],
            "s",
            narrate_note("c8"),
        ),
        h.Figure(
            "narrate_cdef_s",
            f"narrate build, default concurrency ({default_c})",
            best["cdef"]["wall"],
            "s",
            narrate_note("cdef"),
        ),
        h.Figure(
            "gtts_cli_s",
            "gtts-cli",
            cli["wall"],
            "s",
            f"{cli['requests']} requests, max {cli['max_in_flight']} in flight; "
            f"incl. {cli['startup']:.2f} s interpreter + import start-up (its --help run)",
        ),
        h.Figure("requests_c8", f"requests, narrate c={GTTS_CONCURRENCY}", best["c8"]["requests"], decimals=0),
        h.Figure("requests_cdef", f"requests, narrate c={default_c}", best["cdef"]["requests"], decimals=0),
        h.Figure(
            "requests_cli",
            "requests, gtts-cli",
            cli["requests"],
            decimals=0,
            note="same parts as narrate" if same_parts else "parts differ from narrate's",
        ),
        h.Figure(
            "in_flight_c8",
            f"max in flight, narrate c={GTTS_CONCURRENCY}",
            best["c8"]["max_in_flight"],
            decimals=0,
            note="as the fake server counts them",
        ),
        h.Figure("in_flight_cdef", f"max in flight, narrate c={default_c}", best["cdef"]["max_in_flight"], decimals=0),
        h.Figure(
            "in_flight_cli",
            "max in flight, gtts-cli",
            cli["max_in_flight"],
            decimals=0,
            note="gtts-cli sends one request at a time"
            + (": the server's count reads high" if cli["max_in_flight"] > 1 else ""),
        ),
        h.Figure(
            "speedup_c8",
            f"speed-up gtts-cli / narrate c={GTTS_CONCURRENCY}",
            cli["wall"] / best["c8"]["wall"],
            "x",
            f"{(cli['wall'] - cli['startup']) / best['c8']['wall']:.2f} x without gtts-cli's start-up; "
            f"latency floor {ideal:.2f} s",
            target_min=GTTS_SPEEDUP_TARGET,
        ),
        h.Figure(
            "speedup_cdef",
            f"speed-up gtts-cli / narrate c={default_c}",
            cli["wall"] / best["cdef"]["wall"],
            "x",
            f"{(cli['wall'] - cli['startup']) / best['cdef']['wall']:.2f} x without gtts-cli's start-up",
        ),
        h.Figure(
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
        f"request); the whole narrate build command (process start included), fresh empty cache each run, best of {narrate_runs}; "
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
    return h.WorkloadResult("gtts-seed", summary, figures, details, warnings)
