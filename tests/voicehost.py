"""A fake voice host: a real HTTP server on 127.0.0.1 that serves files at the paths the real hosts
use (hibari's Hugging Face repository, rhasspy/piper-voices), with byte ranges, and that can cut a
transfer half way. It records every request with its headers.

::

    with VoiceHost({"/hibari/voices/af_kore.int8.onnx": data}) as host:
        host.cut("/hibari/voices/af_kore.int8.onnx", after=1000)  # the first GET stops after 1000 bytes
        ...
        assert host.requests[1].headers["Range"] == "bytes=1000-"
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType


@dataclass(frozen=True)
class HostRequest:
    path: str
    headers: dict[str, str]


class VoiceHost:
    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = dict(files)
        self.requests: list[HostRequest] = []
        self._cuts: dict[str, int] = {}
        self.ranges = True
        """False: the server ignores Range headers and always sends the whole file (200)."""
        self._lock = threading.Lock()
        host = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

            def do_GET(self) -> None:  # noqa: N802
                path = self.path.split("?")[0]
                with host._lock:
                    host.requests.append(HostRequest(path, dict(self.headers.items())))
                    cut = host._cuts.pop(path, None)
                data = host.files.get(path)
                if data is None:
                    self._send(404, b"not here", {})
                    return
                start = 0
                match = re.fullmatch(r"bytes=(\d+)-", self.headers.get("Range", "")) if host.ranges else None
                if match:
                    start = int(match.group(1))
                    if start >= len(data):
                        self._send(416, b"", {"Content-Range": f"bytes */{len(data)}"})
                        return
                    headers = {"Content-Range": f"bytes {start}-{len(data) - 1}/{len(data)}"}
                    status = 206
                else:
                    headers, status = {}, 200
                body = data[start:]
                self.send_response(status)
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Accept-Ranges", "bytes")
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                try:
                    if cut is None:
                        self.wfile.write(body)
                    else:  # a transfer that stops half way: the connection closes early
                        self.wfile.write(body[:cut])
                        self.wfile.flush()
                        self.close_connection = True
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def cut(self, path: str, after: int) -> None:
        """The next GET of ``path`` sends only ``after`` bytes, then closes the connection."""
        with self._lock:
            self._cuts[path] = after

    def __enter__(self) -> VoiceHost:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self._server.shutdown()
        self._server.server_close()


def refused_url() -> str:
    """An http:// address on 127.0.0.1 where nothing listens: connecting is refused."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/"
