"""An engine in a process of its own, started at the very start of ``narrate build``.

Why: a build of an English article spends its first second on one core (the interpreter, imports,
reading, cleaning and chunking: all Python) and then waits half a second more while hibari loads its
voice and speaks its first sentence (its G2P lexicon, the onnxruntime session). The second core sits
idle all that time. :func:`prestart` starts the default voice's engine in a second process before the
command has even parsed its arguments, so that the engine is loaded and warmed up by the time the first
chunk is ready, and then speaks there: its Python work (hibari's G2P) no longer competes with the audio
stage's for the main process's interpreter. Measured on the seed (``benchmarks/run.py seed-build``):
see the README's performance table.

The host speaks for a :class:`~narrate.speech.speaker.Speaker` only when the speaker's engine is the
same engine with the same options (:meth:`EngineHost.serves`), so the audio is the same as the engine's
own in the main process, sample for sample. When the build needs another voice (another language, a
preset of the user's, every chunk from the cache), the host is never asked and is stopped when the
command ends. When the host is gone (killed, out of memory) or cannot start its engine, the speaker
speaks in the main process as before: the host can make a build faster, never make it fail.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Mapping
from multiprocessing import get_context
from typing import TYPE_CHECKING, Any

from ..errors import EngineError

if TYPE_CHECKING:  # numpy (through Clip) is imported after the host has started, not before
    from multiprocessing.connection import Connection

    from ..models import Clip

__all__ = ["DEFAULT_ENGINE", "EngineHost", "HostGone", "prestart", "prestarted", "stop_prestarted"]

DEFAULT_ENGINE: tuple[str, Mapping[str, Any]] = ("hibari", {"voice": "heart", "seed": 0, "threads": 1})
"""The engine and options of ``voices/default.toml``, the voice an English article gets by default."""

_WARM_UP = "Warming up: the first sentence loads the lexicon, and 42 words take their first path."
_ENV_SWITCH = "NARRATE_PRESTART"  # "0" turns prestarting off


class HostGone(Exception):
    """The host process cannot speak (it ended, or never got its engine going): speak in this one."""


class EngineHost:
    """A child process that creates an engine, warms it up with one sentence, then speaks on request.

    :meth:`synthesize` may be called from any thread; requests are answered one at a time, in order.
    """

    def __init__(self, name: str, options: Mapping[str, Any], *, method: str = "spawn") -> None:
        """Start the process at once (it loads and warms up while the caller goes on). ``method``: the
        multiprocessing start method; "spawn" is safe whatever threads the caller already runs."""
        self.name = name
        self.options = dict(options)
        self.requests = 0
        """Requests answered by the host (for tests and benchmarks)."""
        context = get_context(method)
        ours, theirs = context.Pipe()
        # A forked child inherits our end too, and must close it: else it never sees the pipe close.
        inherited = ours if method == "fork" else None
        self._process = context.Process(
            target=_serve, args=(theirs, name, self.options, inherited), name=f"narrate-{name}-host", daemon=True
        )
        self._process.start()
        theirs.close()
        self._connection: Connection | None = ours
        self._lock = threading.Lock()
        self._parsed: Any = None

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def serves(self, engine: Any) -> bool:
        """Whether ``engine`` (an :class:`~narrate.speech.engines.Engine`) is this host's engine with the
        same options, so the host's audio is the engine's own."""
        if engine.name != self.name or self._connection is None:
            return False
        if self._parsed is None:
            self._parsed = type(engine.options)(**self.options)
        return bool(engine.options == self._parsed)

    def synthesize(self, text: str, voice: Any) -> Clip:
        """The host's engine speaking ``text`` with ``voice`` (:class:`VoiceParams`).

        Raises the engine's :class:`EngineError` as it is; :class:`HostGone` when the host cannot
        answer (the caller then speaks itself, and this host is not asked again).
        """
        with self._lock:
            connection = self._connection
            if connection is None:
                raise HostGone(f"the {self.name} host has stopped")
            try:
                connection.send((text, voice))
                reply = connection.recv()
            except (EOFError, OSError) as exc:
                self._drop()
                raise HostGone(f"the {self.name} host ended: {exc or type(exc).__name__}") from exc
            kind = reply[0]
            if kind == "clip":
                from ..models import Clip

                self.requests += 1
                return Clip(reply[1], reply[2])
            if kind == "engine-error":
                raise EngineError(reply[1])
            self._drop()  # "unavailable", or an unexpected failure: the main process speaks from now on
            raise HostGone(f"the {self.name} host cannot speak: {reply[1]}")

    def _drop(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def stop(self) -> None:
        """End the process now (it holds nothing that needs saving)."""
        with self._lock:
            self._drop()
        if self._process.is_alive():
            self._process.kill()
        self._process.join(timeout=5)


def _serve(connection: Connection, name: str, options: Mapping[str, Any], inherited: Connection | None) -> None:
    """The host process: create and warm up the engine, then answer requests until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle; it stops us
    if inherited is not None:
        inherited.close()
    from .engines import VoiceParams, create_engine

    try:
        engine = create_engine(name, options, f"the {name} host")
        engine.synthesize(_WARM_UP, VoiceParams())
        problem = None
    except Exception as exc:  # the main process meets the same problem with the message it deserves
        problem = str(exc) or type(exc).__name__
    while True:
        try:
            text, voice = connection.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if problem is not None:
            connection.send(("unavailable", problem))
            continue
        try:
            clip = engine.synthesize(text, voice)
            reply: tuple[Any, ...] = ("clip", clip.samples, clip.sample_rate)
        except EngineError as exc:
            reply = ("engine-error", str(exc))
        except Exception as exc:  # the main process speaks this one itself, and raises what it raises
            reply = ("failed", f"{type(exc).__name__}: {exc}")
        try:
            connection.send(reply)
        except (OSError, ValueError):  # the main process is gone
            return


_prestarted: EngineHost | None = None


def prestart(argv: list[str]) -> EngineHost | None:
    """Start the default voice's host when ``argv`` (``sys.argv[1:]``) is a ``narrate build`` that may
    speak with it (not ``--help``, no other ``--voice``, no ``--language`` but English), on Linux (where
    a fork at the start is cheap and safe), unless ``NARRATE_PRESTART=0``. Called by ``narrate``'s entry
    point before anything else. The config may still route the article elsewhere, or every chunk
    be up to date: then the host was never needed and is stopped at the end (about 0.3 s of the
    other core's CPU)."""
    global _prestarted
    if (
        argv[:1] != ["build"]
        or any(arg in ("--help", "-h") for arg in argv)
        or _option(argv, "--voice", "-v") not in (None, "default")
        or (_option(argv, "--language", "-l") or "en").lower().split("-")[0] != "en"
        or os.environ.get(_ENV_SWITCH, "1") == "0"
        or not sys.platform.startswith("linux")
    ):
        return None
    if _prestarted is None:
        _import_what_both_need()
        name, options = DEFAULT_ENGINE
        _prestarted = EngineHost(name, options, method="fork")
    return _prestarted


def _option(argv: list[str], long: str, short: str) -> str | None:
    """The value of option ``long``/``short`` in ``argv`` (the last one given), else None."""
    value = None
    for position, arg in enumerate(argv):
        if arg in (long, short) and position + 1 < len(argv):
            value = argv[position + 1]
        elif arg.startswith(long + "="):
            value = arg.split("=", 1)[1]
    return value


def _import_what_both_need() -> None:
    """Import, before the fork, what this process imports anyway and the host needs too (0.2 s of
    CPU the host then does not spend again): numpy, scipy.fft (the K-weighting here, hibari's DSP
    there), the engine registry and hibari's Python side (onnxruntime is the host's alone)."""
    import numpy  # noqa: F401
    import scipy.fft  # noqa: F401

    from .engines import hibari, registry  # noqa: F401


def prestarted() -> EngineHost | None:
    """The host :func:`prestart` started in this process, if any."""
    return _prestarted


def stop_prestarted() -> None:
    """Stop the prestarted host, if any (the entry point calls this when the command ends)."""
    global _prestarted
    if _prestarted is not None:
        _prestarted.stop()
        _prestarted = None
