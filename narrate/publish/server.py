"""``narrate serve``: the output folder over real HTTP, the way podcast apps and browsers need it.

A small WSGI application (:func:`make_app`) on Werkzeug's threaded server (:func:`serve`,
:class:`Server`). It serves the files of one folder and nothing else:

* byte ranges: ``Range: bytes=0-99``, ``bytes=100-``, ``bytes=-50`` give ``206 Partial Content``
  with ``Content-Range``; a range past the end gives ``416`` with ``Content-Range: bytes */SIZE``;
  a Range header with several ranges, another unit or bad syntax is ignored (the whole file, 200),
  as RFC 9110 allows. Every file answer says ``Accept-Ranges: bytes``, so players can seek.
* ``HEAD`` (the headers and length, no body), ``ETag`` and ``Last-Modified`` with
  ``If-None-Match``/``If-Modified-Since`` (304) and ``If-Range``.
* the podcast MIME types (:data:`MIME_TYPES`): ``audio/mpeg``, ``text/vtt``,
  ``application/x-subrip``, ``application/json`` (chapters too: ``application/json+chapters`` is
  not a type browsers know), ``application/rss+xml`` for ``feed.xml``, HTML as UTF-8.
* ``Access-Control-Allow-Origin: *`` on the audio (MP3, M4A), transcripts, chapters and other JSON,
  and the feed, so web players on other sites can use them: the player snippet pasted into a
  publisher's page loads its audio and captions track with ``crossorigin="anonymous"``, which needs
  it on every answer (206 for byte ranges, HEAD, 304 and 416 too); ``OPTIONS`` answers preflight
  requests (allowing the headers asked for, such as ``Range``).
* ``/`` and ``/episodes/<slug>/`` serve the folder's ``index.html``; ``/episodes/<slug>`` redirects
  there; a folder without ``index.html`` is 404 (no listings).
* nothing outside the folder: ``..`` (plain or percent-encoded), encoded slashes or backslashes,
  empty segments (``//etc/passwd``) and symbolic links that lead outside are all 404, as are hidden
  names (a segment starting with ``.``, such as narrate's ``.narrate-tmp-*`` files) and
  ``narrate.toml`` (the settings, which may name local paths). Only GET, HEAD and OPTIONS (405).
* ``Cache-Control: no-cache`` (revalidate with the ETag) for everything except the MP3s, whose
  names carry a hash of their audio and never change: those are cached for a year.
* one ``Date`` header, the server's (Werkzeug's conditional responses add a second one, which
  Node's ``fetch`` joins into one value no date parser reads).
* ``X-Content-Type-Options: nosniff`` on every answer. No Content-Security-Policy header: narrate's
  pages carry their own (a ``<meta>``, so they keep it on any static host), and ``article.html``,
  the copy of an article's page, must keep running that page's own scripts.
"""

from __future__ import annotations

import errno
import ipaddress
import mimetypes
import os
import re
import socket
import stat
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import quote

from werkzeug.datastructures import Range
from werkzeug.exceptions import (
    HTTPException,
    MethodNotAllowed,
    NotFound,
    RequestedRangeNotSatisfiable,
)
from werkzeug.http import parse_range_header
from werkzeug.security import safe_join
from werkzeug.serving import (
    BaseWSGIServer,
    WSGIRequestHandler,
    get_sockaddr,
    make_server,
    select_address_family,
)
from werkzeug.utils import redirect
from werkzeug.wrappers import Response
from werkzeug.wsgi import wrap_file

from ..errors import InputError, OutputError
from .catalog import CONFIG_NAME

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

__all__ = ["MIME_TYPES", "ServeError", "Server", "is_loopback", "make_app", "serve"]

MIME_TYPES: dict[str, str] = {
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".vtt": "text/vtt; charset=utf-8",
    ".srt": "application/x-subrip; charset=utf-8",
    ".json": "application/json",
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
}
"""Content-Type by file suffix (lower case). Others are guessed, else ``application/octet-stream``."""
FEED_NAME = "feed.xml"
FEED_TYPE = "application/rss+xml; charset=utf-8"
INDEX_NAME = "index.html"
CORS_SUFFIXES = frozenset({".mp3", ".m4a", ".vtt", ".srt", ".json"})
"""Files other sites' players load across origins (``<audio crossorigin>`` and its ``<track>``, or
``fetch()``): they get ``Access-Control-Allow-Origin: *`` (as does ``feed.xml``)."""
METHODS = ("GET", "HEAD", "OPTIONS")
IMMUTABLE_AUDIO = re.compile(r"-[0-9a-f]{12}\.mp3\Z")
"""``<slug>-<first 12 hex digits of the audio's SHA-256>.mp3``: the name changes with the audio."""
NO_CACHE = "no-cache"
LONG_CACHE = "public, max-age=31536000, immutable"
HIDDEN_NAMES = frozenset({CONFIG_NAME})
"""Files at the top of the folder that are not part of the site."""
CHUNK_BYTES = 256 * 1024
"""Bytes read from a file per write to the socket (Werkzeug's default of 8 KiB is slow)."""
POLL_SECONDS = 0.1
"""How often the accept loop looks for a shutdown request (so :meth:`Server.shutdown` is quick)."""
IDLE_SECONDS = 75
"""A connection that neither sends nor accepts a byte for this long is closed (as nginx does)."""
_ENCODED_SEPARATOR = re.compile(r"%(2f|5c|00)", re.IGNORECASE)
_HEADER_LIST = re.compile(r"[A-Za-z0-9!#$%&'*+.^_`|~, -]*")


class ServeError(OutputError):
    """The server could not start: the port is taken, the address is not this computer's, …"""


def is_loopback(host: str) -> bool:
    """True when ``host`` only accepts connections from this computer (127.x, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def make_app(root: Path) -> WSGIApplication:
    """The WSGI application serving ``root`` (see the module's docstring for what it does).

    Raises :class:`InputError` when ``root`` is missing or not a folder.
    """
    return _StaticFiles(Path(root))


class _StaticFiles:
    def __init__(self, root: Path) -> None:
        if not root.exists():
            raise InputError(f"cannot serve {root}: no such folder")
        if not root.is_dir():
            raise InputError(f"cannot serve {root}: it is a file, not a folder")
        self.root = os.path.realpath(root)

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Any:
        try:
            response = self._respond(environ)
        except HTTPException as exc:
            response = exc.get_response(environ)
        # every answer, errors and redirects too: browsers never guess another type than the one sent
        response.headers["X-Content-Type-Options"] = "nosniff"
        # The HTTP server dates every answer; Werkzeug's make_conditional adds a second Date, which
        # Node's fetch joins into one unparseable "Date: d1, d2" (issue 16). One Date, the server's.
        del response.headers["Date"]
        return response(environ, start_response)

    def _respond(self, environ: WSGIEnvironment) -> Response:
        method = environ.get("REQUEST_METHOD", "GET")
        if method not in METHODS:
            raise MethodNotAllowed(valid_methods=list(METHODS))
        if method == "OPTIONS" and environ.get("PATH_INFO") == "*":
            return _options(environ, cors=False)
        path = _request_path(environ)
        file, redirect_to = self._locate(path)
        if redirect_to:
            query = environ.get("QUERY_STRING", "")
            return redirect(quote(redirect_to) + (f"?{query}" if query else ""), 301)
        name = os.path.basename(file)
        cors = name == FEED_NAME or os.path.splitext(name)[1].lower() in CORS_SUFFIXES
        if method == "OPTIONS":
            return _options(environ, cors=cors)
        try:
            response = _send_file(environ, file, name)
        except RequestedRangeNotSatisfiable as exc:  # carries Content-Range: bytes */SIZE
            response = exc.get_response(environ)
            response.headers["Accept-Ranges"] = "bytes"
        if cors:
            response.headers["Access-Control-Allow-Origin"] = "*"
            response.headers["Access-Control-Expose-Headers"] = (
                "Content-Length, Content-Range, Accept-Ranges, ETag, Last-Modified"
            )
        return response

    def _locate(self, path: str) -> tuple[str, str]:
        """The file to send for the decoded URL path, or a path to redirect to; NotFound otherwise."""
        segments = path[1:].split("/")
        directory = segments[-1] == ""
        if directory:
            segments.pop()
        for segment in segments:
            if (
                not segment
                or segment.startswith(".")
                or "\\" in segment
                or "\0" in segment
            ):
                raise NotFound()
        joined = safe_join(self.root, *segments) if segments else self.root
        if joined is None:
            raise NotFound()
        target = self._inside(joined)
        if os.path.isdir(target):
            index = self._inside(os.path.join(target, INDEX_NAME))
            if not os.path.isfile(index):
                raise NotFound()
            if not directory:
                return "", path + "/"
            return index, ""
        if directory or not os.path.isfile(target):
            raise NotFound()
        return target, ""

    def _inside(self, path: str) -> str:
        """``path`` with its symbolic links resolved; NotFound when that leaves the folder or is hidden."""
        real = os.path.realpath(path)
        if real != self.root:
            if os.path.commonpath([self.root, real]) != self.root:
                raise NotFound()
            relative = os.path.relpath(real, self.root).split(os.sep)
            if any(part.startswith(".") for part in relative) or (
                len(relative) == 1 and relative[0] in HIDDEN_NAMES
            ):
                raise NotFound()
        return real


def _request_path(environ: WSGIEnvironment) -> str:
    """The decoded URL path, refusing encoded separators and paths that are not below ``/``."""
    raw = environ.get("REQUEST_URI") or environ.get("RAW_URI") or ""
    if _ENCODED_SEPARATOR.search(raw.split("?", 1)[0]):
        raise NotFound()
    try:
        path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8")
    except UnicodeError:
        raise NotFound() from None
    if not path.startswith("/"):
        raise NotFound()
    return path


def content_type(name: str) -> str:
    """The Content-Type for a file called ``name``."""
    if name == FEED_NAME:
        return FEED_TYPE
    suffix = os.path.splitext(name)[1].lower()
    if suffix in MIME_TYPES:
        return MIME_TYPES[suffix]
    guessed, encoding = mimetypes.guess_type(name, strict=False)
    if guessed is None or encoding is not None:
        return "application/octet-stream"
    return guessed


def _send_file(environ: WSGIEnvironment, path: str, name: str) -> Response:
    # No following a link swapped in since the path was checked, no waiting on a swapped-in FIFO.
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        handle = os.fdopen(os.open(path, flags), "rb")  # the response closes it
    except OSError:
        raise NotFound() from None
    try:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise NotFound()
        response = Response(
            wrap_file(environ, handle, buffer_size=CHUNK_BYTES),
            content_type=content_type(name),
            direct_passthrough=True,
        )
        response.content_length = info.st_size
        response.last_modified = info.st_mtime  # type: ignore[assignment]
        response.set_etag(f"{info.st_mtime_ns:x}-{info.st_size:x}")
        response.headers["Cache-Control"] = LONG_CACHE if IMMUTABLE_AUDIO.search(name) else NO_CACHE
        return response.make_conditional(
            _usable_range(environ, info.st_size), accept_ranges=True, complete_length=info.st_size
        )
    except BaseException:
        handle.close()
        raise


def _usable_range(environ: WSGIEnvironment, size: int) -> WSGIEnvironment:
    """``environ`` with its Range header fixed where Werkzeug would wrongly answer 416.

    Several ranges, another unit or bad syntax: the header is dropped and the whole file sent (RFC
    9110 lets a server ignore it; multipart/byteranges is not supported, and players cope). A
    suffix longer than the file (``bytes=-999999``) means the whole file, as a 206.
    """
    header = environ.get("HTTP_RANGE")
    if header is None:
        return environ
    parsed: Range | None = parse_range_header(header)
    if parsed is None or parsed.units != "bytes" or len(parsed.ranges) != 1:
        return {k: v for k, v in environ.items() if k != "HTTP_RANGE"}
    start, _ = parsed.ranges[0]
    if start < 0 and -start > size:
        return {**environ, "HTTP_RANGE": "bytes=0-"}
    return environ


def _options(environ: WSGIEnvironment, *, cors: bool) -> Response:
    response = Response(status=204)
    response.headers["Allow"] = ", ".join(METHODS)
    if cors:
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Allow-Methods"] = ", ".join(METHODS)
        wanted = environ.get("HTTP_ACCESS_CONTROL_REQUEST_HEADERS", "")
        if wanted and _HEADER_LIST.fullmatch(wanted):
            response.headers["Access-Control-Allow-Headers"] = wanted
        response.headers["Access-Control-Max-Age"] = "86400"
    return response


class _RequestHandler(WSGIRequestHandler):
    """Werkzeug's handler with an idle timeout and one plain access line per request (unless quiet)."""

    timeout = IDLE_SECONDS

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        if getattr(self.server, "narrate_quiet", True):
            return
        code = getattr(code, "value", code)
        size = "" if size == "-" else f" {size}"
        print(f'{self.address_string()} "{self.requestline}" {code}{size}', file=sys.stderr, flush=True)

    def log_error(self, format: str, *args: Any) -> None:
        if not getattr(self.server, "narrate_quiet", True):
            print(f"{self.address_string()} {format % args}", file=sys.stderr, flush=True)


class Server:
    """An HTTP server for ``root`` that is listening as soon as it is made.

    Run it in a background thread with :meth:`start` (tests, embedding) or in this one with
    :meth:`serve_forever`; stop it with :meth:`shutdown` or by leaving a ``with`` block. Port 0 picks
    a free port (see :attr:`port` and :attr:`url`). Raises :class:`InputError` when ``root`` is not
    a folder and :class:`ServeError` when the address cannot be used.

    A ``host`` other than a loopback address (:func:`is_loopback`) such as ``0.0.0.0`` is allowed:
    every computer that can reach this one then reads the folder.
    """

    def __init__(self, root: Path, host: str = "127.0.0.1", port: int = 0, *, quiet: bool = True) -> None:
        self.root = Path(root)
        app = make_app(self.root)
        listener = _listen(host, port)
        try:
            self._server: BaseWSGIServer = make_server(
                host, port, app, threaded=True, request_handler=_RequestHandler, fd=listener.fileno()
            )
        finally:
            listener.close()  # Werkzeug keeps its own duplicate of the socket
        self._server.narrate_quiet = quiet  # type: ignore[attr-defined]
        self.host = host
        self.port: int = self._server.port
        self._thread: threading.Thread | None = None
        self._running = False
        self._closed = False

    @property
    def url(self) -> str:
        """``http://HOST:PORT/``; a wildcard host (``0.0.0.0``, ``::``) shows as this computer's loopback."""
        wildcards = {"0.0.0.0": "127.0.0.1", "": "127.0.0.1", "::": "::1"}  # nosec B104 # shown, not bound
        host = wildcards.get(self.host, self.host)
        return f"http://{_bracket(host)}:{self.port}/"

    def start(self) -> Self:
        """Serve in a daemon thread; returns at once."""
        if self._thread is None:
            self._running = True
            self._thread = threading.Thread(
                target=self._server.serve_forever, args=(POLL_SECONDS,), name="narrate-serve", daemon=True
            )
            self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve in this thread until :meth:`shutdown` (from another thread) or Ctrl-C."""
        self._running = True
        try:
            self._server.serve_forever(POLL_SECONDS)  # Werkzeug's returns on Ctrl-C and closes the socket
        finally:
            self._running = False
            self._closed = True

    def shutdown(self) -> None:
        """Stop accepting requests and close the listening socket (idempotent)."""
        if self._closed:
            return
        if self._running:
            self._server.shutdown()
            if self._thread is not None:
                self._thread.join()
        self._server.server_close()
        self._closed = True

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.shutdown()


def serve(
    root: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    ready: Callable[[str], None] | None = None,
    quiet: bool = True,
) -> None:
    """Serve ``root`` at ``http://host:port/`` until Ctrl-C (threaded: one thread per connection).

    ``ready(url)`` is called once the server is listening. The default host keeps the folder to this
    computer; another one (``0.0.0.0``, a LAN address) is allowed and lets other computers read it,
    so the CLI warns about it. ``quiet=False`` prints one access line per request to stderr.
    Raises :class:`InputError` when ``root`` is missing or not a folder, :class:`ServeError` (an
    :class:`OutputError`) when the port is taken or the address cannot be used; one line each.
    """
    server = Server(root, host, port, quiet=quiet)
    try:
        if ready is not None:
            ready(server.url)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


def _bracket(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def _listen(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port``; ServeError (one line) when that is impossible.

    Bound here rather than by Werkzeug, which prints the error and calls ``sys.exit``.
    """
    where = f"cannot serve on {_bracket(host)}:{port}"
    if isinstance(port, bool) or not isinstance(port, int) or not 0 <= port <= 65535:
        raise ServeError(f"{where}: a port is a number from 0 (any free port) to 65535; choose one with --port")
    family = select_address_family(host, port)
    try:
        address = get_sockaddr(host, port, family)
        listener = socket.socket(family, socket.SOCK_STREAM)
    except OSError as exc:
        raise ServeError(f"{where}: {exc.strerror or exc}") from None
    try:
        if hasattr(socket, "SO_EXCLUSIVEADDRUSE"):  # Windows: SO_REUSEADDR would share the port
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
        else:  # restart at once after Ctrl-C, while old connections linger in TIME_WAIT
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(address)
        listener.listen(128)
    except OSError as exc:
        listener.close()
        raise ServeError(f"{where}: {_why(exc, host, port)}") from None
    return listener


def _why(exc: OSError, host: str, port: int) -> str:
    if isinstance(exc, socket.gaierror):
        return f"no such host name or address '{host}'; choose another with --host"
    if exc.errno == errno.EADDRINUSE or getattr(exc, "winerror", None) == 10048:
        return "the port is taken (another program uses it); choose another with --port"
    if exc.errno == errno.EACCES or getattr(exc, "winerror", None) == 10013:
        if 0 < port < 1024:
            return "permission denied (ports below 1024 need administrator rights); choose another with --port"
        return "permission denied; choose another port with --port"
    if exc.errno == errno.EADDRNOTAVAIL:
        return f"{host} is not an address of this computer; choose another with --host"
    return f"{exc.strerror or exc}"
