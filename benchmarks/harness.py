"""What the benchmark runner and every workload share (see run.py for the overview).

- Results: :class:`Figure` (one reported number), :class:`WorkloadResult`, :class:`Settings`, and
  :class:`BenchmarkError` for a workload that could not be measured.
- Registries: :data:`WORKLOADS` and :data:`STEPS`, filled by the :func:`workload` and :func:`step`
  decorators when the modules of ``workloads/`` are imported.
- Child processes: :func:`run_step` runs a step in a fresh interpreter (``run.py --child-step NAME``),
  where :func:`child_main` runs it; its peak RSS comes back with its result.
- Measuring: wall-clock timing, peak RSS, CPU seconds, preemptions, a digest of texts.
- Shared by several workloads: the seed article's path, formatting a list of run times, progress lines.

The helpers named with a leading underscore are for the workload modules, not for code outside
benchmarks/. Nothing here imports ``narrate``, so that the parent process stays small and ``--list``
stays instant.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = (REPO_ROOT / ".." / "shared" / "articles" / "seed-article.txt").resolve()
RUNNER = Path(__file__).resolve().with_name("run.py")
"""The script a child process runs (``run.py --child-step NAME``): it imports every workload module,
so that every step is registered in the child too."""

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
            str(RUNNER),
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


# --------------------------------------------------------------------------------------------
# Measuring


def timed(func: Callable[..., T], *args: Any, **kwargs: Any) -> tuple[float, T]:
    """Wall-clock seconds of ``func(*args, **kwargs)``, and what it returned."""
    start = time.perf_counter()
    value = func(*args, **kwargs)
    return time.perf_counter() - start, value


def compile_bytecode() -> None:
    """Compile narrate's modules to bytecode (``__pycache__``, ignored by git) before timing a whole
    command, as an installed narrate has them: pip compiles a package when it installs it, whereas
    an editable checkout run with ``PYTHONDONTWRITEBYTECODE=1`` (as on this machine) would compile
    some 70 modules from source in every command timed (0.08 s each time)."""
    import compileall

    compileall.compile_dir(str(REPO_ROOT / "narrate"), quiet=1)


def peak_rss_self() -> int:
    """This process's peak RSS so far, in bytes."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * _RSS_UNIT


def cpu_seconds() -> float:
    """User + system CPU seconds of this process so far, all threads."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def preemptions() -> int:
    """Involuntary context switches of this process so far: times other load took a core from it."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_nivcsw


def digest(texts: list[str]) -> str:
    return hashlib.sha256("\x00".join(texts).encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------------------------
# Shared by several workloads


def seed_or_error() -> Path:
    if not SEED_ARTICLE.is_file():
        raise BenchmarkError(
            f"seed article not found: {SEED_ARTICLE} (expected at ../shared/articles/seed-article.txt "
            f"relative to the repository root {REPO_ROOT})"
        )
    return SEED_ARTICLE


def runs(times: list[float]) -> str:
    return "runs " + " / ".join(f"{t:.2f}" for t in times) if len(times) > 1 else ""


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
