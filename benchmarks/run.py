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

Where things are:

``benchmarks/run.py`` (this file)
    The command line, and the table and JSON output. A child process runs this same script with
    ``--child-step NAME``; importing ``workloads`` registers every step there too.
``benchmarks/harness.py``
    What the workloads share: Figure, WorkloadResult, Settings, BenchmarkError, the ``workload`` and
    ``step`` registries, ``run_step`` (a step in a fresh child process), timing and memory helpers,
    the repository root and the seed article's path.
``benchmarks/workloads/``
    One module per workload, or per closely related pair; each module's docstring explains what its
    figures measure. ``workloads/__init__.py`` lists the modules in the order their workloads are
    listed by ``--list`` and run by default.

Adding a workload: in a module of ``benchmarks/workloads/`` (a new module goes into ``MODULES`` in
``workloads/__init__.py``, at the place where it should run), write a function
``(settings: Settings) -> WorkloadResult`` decorated with ``@workload("name")`` from ``harness`` (its
docstring's first line is what ``--list`` shows). Work that must be measured in a fresh process goes
in a function decorated with ``@step("name")``, taking and returning JSON-able dicts, and is run with
:func:`harness.run_step`. Keep ``narrate`` imports inside step functions, so that the parent process
stays small and ``--list`` stays instant.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from dataclasses import asdict
from pathlib import Path

# harness and workloads/ sit beside this file: importable even under python -P (PYTHONSAFEPATH) or
# when this file is loaded by path from elsewhere.
if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))

import workloads  # noqa: F401  (registers every workload and step, in order)
from harness import (
    WORKLOADS,
    BenchmarkError,
    Figure,
    JSONDict,
    Settings,
    WorkloadResult,
    child_main,
    describe,
)

# --------------------------------------------------------------------------------------------
# Output


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
