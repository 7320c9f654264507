"""A real HTTP server on 127.0.0.1 for tests that read articles by URL."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = Callable[[BaseHTTPRequestHandler], None]


def respond(handler: BaseHTTPRequestHandler, content_type: str, body: bytes, status: int = 200) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[str]:
    """Serve ``routes`` (path -> handler function); yields the base URL. Unknown paths are 404."""
    stopping = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def do_GET(self) -> None:  # noqa: N802
            route = routes.get(self.path.split("?")[0])
            try:
                if route is None:
                    respond(self, "text/html", b"<p>Not here</p>", status=404)
                else:
                    route(self)
            except (BrokenPipeError, ConnectionResetError):
                pass

    Handler.stopping = stopping  # type: ignore[attr-defined]
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        stopping.set()
        server.shutdown()
        server.server_close()


def never_answers(handler: BaseHTTPRequestHandler) -> None:
    handler.stopping.wait(30)  # type: ignore[attr-defined]
