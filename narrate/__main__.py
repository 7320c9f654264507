"""``python -m narrate`` and the ``narrate`` command: :func:`narrate.cli.main`, then straight out.

When a command is done, everything it wrote is on disk (every file is written to a temporary name and
renamed) and its workers have stopped; what Python would still do before the process ends is tear down
every module it imported (scipy, numpy, onnxruntime, ...), about 0.2-0.3 s for nothing. So the command's
output is flushed and the process leaves at once with the command's exit status, as mypy does.
An unexpected exception still ends the normal way, with its traceback.

OpenBLAS (inside numpy and scipy) is asked for one thread unless the user set its thread count: narrate
does its parallel work itself (a voice process, an audio thread, batch workers), and OpenBLAS's own
threads, made when numpy is imported, spin waiting for work after each call (0.2 s of CPU in a build of
the seed, taken from the voice speaking on the other core).
"""

from __future__ import annotations

import logging
import os
import sys


def _exit_status(code: object) -> int:
    """The process exit status for ``SystemExit(code)``: a message is printed and counts as 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


def run() -> None:
    """Run the command line, then end the process without tearing the interpreter down.

    ``narrate build`` first starts the default voice in a process of its own, before the command's
    imports (:mod:`narrate.speech.enginehost`), and stops it at the end."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before anything imports numpy
    building = sys.argv[1:2] == ["build"]
    if building:
        from .speech.enginehost import prestart

        prestart(sys.argv[1:])
    from .cli import main

    try:
        main()
        status = 0
    except SystemExit as done:
        status = _exit_status(done.code)
    finally:
        if building:
            from .speech.enginehost import stop_prestarted

            stop_prestarted()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (narrate ... | head): nothing more can be said
            status = status or 1
    os._exit(status)


if __name__ == "__main__":
    run()
