"""A fake Google Translate text-to-speech endpoint: a real HTTP server on 127.0.0.1 that speaks the
protocol gTTS 2.5.4 uses, with programmable failures, and counts of what it received.

::

    with FakeGtts() as server:
        server.behave(status=429, failures=2)      # two 429 answers, then audio
        engine = GttsEngine(GttsOptions(endpoint=server.url))
        ...
        assert len(server.requests) == 3 and server.max_in_flight == 1

The protocol (see shared/reference/tts-and-audio.md): one POST per text part to
``/_/TranslateWebserverUi/data/batchexecute`` with the form field ``f.req`` holding
``[[["jQ1olc","[text,lang,speed,\\"null\\"]",null,"generic"]]]``; the answer is a ``)]}'`` line,
a length line and a compact-JSON line ``[["wrb.fr","jQ1olc","[\\"<base64 mp3>\\"]",...]]``.
The audio is a tone (24 kHz mono, 32 kbps MP3, like Google's) whose pitch depends on the text and
whose length grows with it, so the same text always gets the same bytes.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import threading
import time
import urllib.parse
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Literal

import lameenc
import numpy as np

PATH = "/_/TranslateWebserverUi/data/batchexecute"
RATE = 24000
SECONDS_PER_CHAR = 0.06
"""Length of the fake speech per character of text (Google speaks ~15 characters a second)."""
SLOW_FACTOR = 1.5
"""How much longer the audio is when the request asks for slow speech."""

Audio = Literal["ok", "missing", "empty", "garbage", "not-mp3"]


@dataclass(frozen=True)
class FakeRequest:
    """One request the server received (a failed one too)."""

    text: str
    lang: str
    slow: bool
    headers: dict[str, str]
    received_at: float
    """time.monotonic() when the request arrived."""


@dataclass(frozen=True)
class Behaviour:
    status: int = 200
    """The HTTP status of the failing answers (e.g. 429, 503, 500)."""
    failures: int | None = None
    """How many requests get ``status`` before the server answers normally; None = all of them."""
    retry_after: str | None = None
    """A ``Retry-After`` header sent with the failing answers."""
    hang: bool = False
    """Never answer: hold every request until the server shuts down."""
    audio: Audio = "ok"
    """What a 200 answer carries: "ok" (MP3), "missing" (no jQ1olc line), "empty" (empty base64),
    "garbage" (not base64), "not-mp3" (base64 of bytes that are not MP3)."""
    latency: float = 0.0
    """Seconds to wait before answering each request."""
    sample_rate: int = RATE
    """Sample rate of the MP3s (Google's are 24 kHz)."""


def expected_seconds(text: str, slow: bool = False) -> float:
    """Length of the tone the server makes for ``text`` (before MP3 padding)."""
    return tone_samples(text, slow) / RATE


def tone_samples(text: str, slow: bool = False) -> int:
    return max(1, round(len(text) * SECONDS_PER_CHAR * (SLOW_FACTOR if slow else 1.0) * RATE))


@functools.lru_cache(maxsize=512)
def mp3_for(text: str, slow: bool = False, rate: int = RATE) -> bytes:
    """The MP3 the server answers ``text`` with: deterministic, mono 32 kbps, 24 kHz by default."""
    count = round(tone_samples(text, slow) * rate / RATE)
    pitch = 200 + int(hashlib.sha256(text.encode()).hexdigest()[:4], 16) % 400
    t = np.arange(count, dtype=np.float64) / rate
    pcm = (0.3 * 32767 * np.sin(2 * np.pi * pitch * t)).astype("<i2")
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(32)
    encoder.set_in_sample_rate(rate)
    encoder.set_out_sample_rate(rate)  # at 32 kbps LAME would pick 22.05 kHz by itself
    encoder.set_channels(1)
    encoder.set_quality(5)
    return bytes(encoder.encode(pcm.tobytes()) + encoder.flush())


def answer_body(payload: str | None) -> bytes:
    """The batchexecute answer: ``)]}'``, a length line, the compact JSON line (or none)."""
    lines = [")]}'", ""]
    if payload is not None:
        inner = json.dumps([payload], separators=(",", ":"))
        line = json.dumps([["wrb.fr", "jQ1olc", inner, None, None, None, "generic"]], separators=(",", ":"))
        lines += [str(len(line)), line]
    tail = json.dumps([["di", 42], ["af.httprm", 41, "-1234", 7]], separators=(",", ":"))
    lines += [str(len(tail)), tail, ""]
    return "\n".join(lines).encode("utf-8")


def parse_request(body: bytes) -> tuple[str, str, bool]:
    """(text, lang, slow) from a gTTS request body; ValueError when it is not one."""
    form = urllib.parse.parse_qs(body.decode("utf-8"), keep_blank_values=True)
    (freq,) = form["f.req"]
    rpc = json.loads(freq)
    name, params, _, _ = rpc[0][0]
    if name != "jQ1olc":
        raise ValueError(f"unknown rpc {name!r}")
    text, lang, speed, _ = json.loads(params)
    return text, lang, speed is True


class FakeGtts:
    """The fake endpoint; a context manager that starts it in a thread and always stops it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._behaviour = Behaviour()
        self._failed = 0
        self._requests: list[FakeRequest] = []
        self._in_flight = 0
        self._max_in_flight = 0
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- what the tests use ------------------------------------------------------------------

    @property
    def url(self) -> str:
        """The base URL to give the engine as ``endpoint``."""
        if self._server is None:
            raise RuntimeError("the fake gTTS server is not running")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def requests(self) -> list[FakeRequest]:
        """Every request received so far, in arrival order (a copy)."""
        with self._lock:
            return list(self._requests)

    @property
    def texts(self) -> list[str]:
        return [r.text for r in self.requests]

    @property
    def max_in_flight(self) -> int:
        """The most requests the server was handling at the same moment."""
        with self._lock:
            return self._max_in_flight

    def behave(
        self,
        *,
        status: int = 200,
        failures: int | None = None,
        retry_after: str | float | None = None,
        hang: bool = False,
        audio: Audio = "ok",
        latency: float = 0.0,
        sample_rate: int = RATE,
    ) -> None:
        """Set how the next requests are answered (see :class:`Behaviour`); resets the failure count."""
        after = None if retry_after is None else str(retry_after)
        with self._lock:
            self._behaviour = Behaviour(status, failures, after, hang, audio, latency, sample_rate)
            self._failed = 0

    def reset_counts(self) -> None:
        with self._lock:
            self._requests.clear()
            self._max_in_flight = self._in_flight

    def start(self) -> FakeGtts:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as Google does; a pooled session reuses it
            disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms delayed-ACK stall

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

            def do_POST(self) -> None:  # noqa: N802
                try:
                    fake._handle(self)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), name="fake-gtts", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; requests held by ``hang`` or ``latency`` are let go at once."""
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None
        self._thread = None

    def __enter__(self) -> FakeGtts:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # -- the server side ---------------------------------------------------------------------

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length)
        if handler.path.split("?")[0] != PATH:
            self._send(handler, 404, b"Not Found", "text/plain")
            return
        try:
            text, lang, slow = parse_request(body)
        except (KeyError, ValueError, TypeError, IndexError):
            self._send(handler, 400, b"Bad Request", "text/plain")
            return
        with self._lock:
            self._requests.append(FakeRequest(text, lang, slow, dict(handler.headers.items()), time.monotonic()))
            self._in_flight += 1
            self._max_in_flight = max(self._max_in_flight, self._in_flight)
            behaviour = self._behaviour
            fail = behaviour.status != 200 and (behaviour.failures is None or self._failed < behaviour.failures)
            if fail:
                self._failed += 1
        try:
            if behaviour.hang:
                self._stopping.wait()
                handler.close_connection = True  # shut down: drop the connection without an answer
                return
            if behaviour.latency and self._stopping.wait(behaviour.latency):
                handler.close_connection = True
                return
            if fail:
                headers = {"Retry-After": behaviour.retry_after} if behaviour.retry_after else {}
                self._send(handler, behaviour.status, b"<html>Error</html>", "text/html", headers)
                return
            payload: str | None
            if behaviour.audio == "missing":
                payload = None
            elif behaviour.audio == "empty":
                payload = ""
            elif behaviour.audio == "garbage":
                payload = "!!not base64!!"
            elif behaviour.audio == "not-mp3":
                payload = base64.b64encode(b"this is not an mp3 file at all" * 20).decode("ascii")
            else:
                payload = base64.b64encode(mp3_for(text, slow, behaviour.sample_rate)).decode("ascii")
            self._send(handler, 200, answer_body(payload), "application/json; charset=utf-8")
        finally:
            with self._lock:
                self._in_flight -= 1

    @staticmethod
    def _send(
        handler: BaseHTTPRequestHandler,
        status: int,
        body: bytes,
        content_type: str,
        headers: dict[str, str] | None = None,
    ) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            handler.send_header(key, value)
        handler.end_headers()
        handler.wfile.write(body)
