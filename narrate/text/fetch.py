"""Fetching an article by http(s) URL, within limits, with one-line errors for what goes wrong.

Every failure is an :class:`~narrate.errors.InputError` whose message starts with the URL as given:
HTTP errors, timeouts, redirects (too many, loops, to other schemes), bodies that are too large,
connection and TLS failures, and media types that are not articles (PDF, images, …). No exception
from ``requests`` or ``urllib3`` escapes.

Timeouts: ``requests`` only has per-operation timeouts (connect, and each wait for bytes), so a
server that drips a byte every few seconds would hold a plain ``requests`` download forever. Here a
watchdog timer shuts down the connection's socket when :attr:`FetchLimits.total_timeout` runs out,
which wakes the blocked read; the body loop also checks the deadline between chunks.

Private addresses: an article URL comes from users and from feeds other people write, so by default
narrate only connects to global internet addresses. Loopback, private (10/8, 192.168/16, fc00::/7…),
link-local (incl. cloud metadata at 169.254.169.254), shared, reserved and multicast addresses are
refused on every hop, redirects included. The check is made where the connection is opened: the
host name is resolved once, every address it resolves to must be global, and the socket connects
to an address that was checked (so a DNS answer that changes between check and connect cannot
slip past). :attr:`FetchLimits.allow_private_addresses` (``[intake] allow_private_addresses`` in
narrate.toml, ``--allow-private-addresses``, or ``NARRATE_ALLOW_PRIVATE_ADDRESSES=1``) lifts it.
"""

from __future__ import annotations

import http
import http.client
import ipaddress
import os
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from ..errors import InputError
from .fetchlimits import ARTICLE_TYPES, IMAGE_TYPES, FetchLimits

__all__ = [
    "ALLOW_PRIVATE_ENV",
    "ARTICLE_TYPES",
    "IMAGE_TYPES",
    "FetchLimits",
    "Fetched",
    "PrivateAddressError",
    "fetch_url",
    "is_private_address",
    "private_addresses_allowed",
]

_SCHEMES = ("http", "https")
_CHUNK = 64 * 1024
_ACCEPT = "text/html,application/xhtml+xml,text/markdown;q=0.9,text/plain;q=0.9,*/*;q=0.1"


_FAILURES = (
    requests.RequestException,
    urllib3.exceptions.HTTPError,
    http.client.HTTPException,
    OSError,  # socket and ssl errors
    ValueError,  # URL parsing, IDNA, header values
)
"""What a download can raise besides our own errors; other exceptions are bugs and are not hidden."""


def _user_agent() -> str:
    try:
        version = metadata.version("narrate")
    except metadata.PackageNotFoundError:  # running from a checkout that is not installed
        version = "0"
    return f"narrate/{version} (+https://pypi.org/project/narrate/)"


USER_AGENT = _user_agent()


@dataclass(frozen=True)
class Fetched:
    """A downloaded article body and what the server said about it."""

    url: str
    """The final URL, after redirects."""
    content: bytes
    """The body, with any gzip/deflate content coding removed (its charset is not decoded)."""
    content_type: str
    """The media type, lowercased and without parameters, e.g. ``"text/html"``."""
    charset: str | None
    """The ``charset`` parameter of the Content-Type header, lowercased, if there was one."""
    language: str | None = None
    """The first tag of the Content-Language header, if there was one."""


ALLOW_PRIVATE_ENV = "NARRATE_ALLOW_PRIVATE_ADDRESSES"
"""Set to 1 (or true/yes) to allow private addresses whatever the limits say (tests, intranets)."""


def private_addresses_allowed(limits: FetchLimits) -> bool:
    """Whether a fetch within ``limits`` may connect to non-global addresses."""
    if limits.allow_private_addresses:
        return True
    return os.environ.get(ALLOW_PRIVATE_ENV, "").strip().lower() in ("1", "true", "yes", "on")


def fetch_url(
    url: str, limits: FetchLimits = FetchLimits(), *, accept: frozenset[str] = ARTICLE_TYPES, wanted: str = "an article"
) -> Fetched:
    """Download an http(s) URL that should hold an article (HTML, XHTML, plain text or Markdown),
    or whatever ``accept`` lists (``wanted`` names it in the error for anything else).

    Follows up to ``limits.max_redirects`` redirects. Raises :class:`InputError` with a one-line
    message that starts with ``url`` for every failure.
    """
    url = url.strip()
    _check_url(url, url)
    deadline = time.monotonic() + limits.total_timeout
    watchdog = _Watchdog(limits.total_timeout, allow_private=private_addresses_allowed(limits))
    with watchdog, requests.Session() as session:
        session.max_redirects = limits.max_redirects
        session.headers["User-Agent"] = USER_AGENT
        session.headers["Accept"] = _ACCEPT
        adapter = _WatchedAdapter()
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        try:
            return _fetch(session, url, limits, deadline, watchdog, accept, wanted)
        except InputError:
            raise
        except PrivateAddressError as exc:
            raise InputError(f"{url}: {exc}") from None
        except _FAILURES as exc:
            raise _explain(exc, url, limits, watchdog, deadline) from None


# --- the download ------------------------------------------------------------------------------


def _fetch(
    session: requests.Session,
    url: str,
    limits: FetchLimits,
    deadline: float,
    watchdog: _Watchdog,
    accept: frozenset[str],
    wanted: str,
) -> Fetched:
    response = _get_following_redirects(session, url, limits, deadline)
    with response:
        final = response.url
        where = "" if final == _prepared(url) else f" (at {final})"
        if not 200 <= response.status_code < 300:
            raise InputError(f"{url}: HTTP {response.status_code} {_reason(response)}{where}")
        content_type, charset = _parse_content_type(response.headers.get("Content-Type", ""))
        if content_type and content_type not in accept:
            raise InputError(f"{url}: is {_describe(content_type)} ({content_type}), not {wanted}{where}")
        length = _content_length(response)
        if length is not None and length > limits.max_bytes:
            raise InputError(f"{url}: larger than {_size(limits.max_bytes)}")
        content = _read_body(response, url, limits, deadline)
        language = response.headers.get("Content-Language", "").split(",")[0].strip()[:35] or None
    if watchdog.expired:  # a close-delimited body ends quietly when the watchdog cuts it short
        raise InputError(f"{url}: download took longer than {_seconds(limits.total_timeout)}")
    if not content_type:
        content_type = _sniff(content)
        if content_type is None:
            raise InputError(
                f"{url}: the server did not say what it is (no Content-Type), and it is not HTML"
            )
    return Fetched(url=final, content=content, content_type=content_type, charset=charset, language=language)


def _get_following_redirects(
    session: requests.Session, url: str, limits: FetchLimits, deadline: float
) -> requests.Response:
    """GET ``url``, following redirects by hand: each hop is checked, and redirect bodies are not read."""
    visited: set[str] = set()
    current = url
    for _ in range(limits.max_redirects + 1):
        wait = min(limits.timeout, deadline - time.monotonic())
        if wait <= 0:
            raise InputError(f"{url}: download took longer than {_seconds(limits.total_timeout)}")
        _refuse_private_target(current)
        response = session.get(current, stream=True, timeout=(wait, wait), allow_redirects=False)
        target = session.get_redirect_target(response)
        if target is None:
            return response
        response.close()
        visited.add(response.url)
        target = requests.utils.requote_uri(urljoin(response.url, target))
        _check_url(url, target, redirect=True)
        current = _prepared(target)
        if current in visited:
            raise InputError(f"{url}: redirect loop (back to {current})")
    plural = "s" if limits.max_redirects != 1 else ""
    raise InputError(f"{url}: more than {limits.max_redirects} redirect{plural}")


def _read_body(response: requests.Response, url: str, limits: FetchLimits, deadline: float) -> bytes:
    chunks: list[bytes] = []
    received = 0
    body = response.iter_content(_CHUNK)
    while True:
        try:
            chunk = next(body, None)
        except requests.exceptions.ContentDecodingError:
            coding = response.headers.get("Content-Encoding", "").strip() or "unknown"
            raise InputError(f"{url}: the body could not be decoded (Content-Encoding: {coding})") from None
        if chunk is None:
            break
        received += len(chunk)
        if received > limits.max_bytes:
            raise InputError(f"{url}: larger than {_size(limits.max_bytes)}")
        if time.monotonic() > deadline:
            raise InputError(f"{url}: download took longer than {_seconds(limits.total_timeout)}")
        chunks.append(chunk)
    return b"".join(chunks)


# --- URLs and headers --------------------------------------------------------------------------


def _check_url(url: str, candidate: str, *, redirect: bool = False) -> None:
    """Refuse what is not a usable http(s) URL: ``url`` starts the message, ``candidate`` is checked."""
    problem = _url_problem(candidate)
    if problem is None:
        return
    unsupported, detail = problem
    if not redirect:
        raise InputError(f"{url}: {detail}" if unsupported else f"{url}: invalid URL ({detail})")
    if unsupported:
        raise InputError(f"{url}: redirected to {candidate}; {detail}")
    raise InputError(f"{url}: redirected to an invalid URL {candidate} ({detail})")


def _url_problem(candidate: str) -> tuple[bool, str] | None:
    """``None`` for a usable URL, else (whether it is only an unsupported scheme, what is wrong)."""
    if any(ord(c) < 32 or ord(c) == 127 for c in candidate):
        return False, "it contains control characters"
    try:
        parts = urlsplit(candidate)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number in range
    except ValueError as exc:
        return False, _first_line(exc)
    scheme = parts.scheme.lower()
    if not scheme:
        return False, "no http:// or https:// in front"
    if scheme not in _SCHEMES:
        return True, f"only http and https URLs can be fetched, not {scheme}"
    if not parts.hostname:
        return False, "no host name"
    try:
        _prepared(candidate)
    except (requests.RequestException, urllib3.exceptions.HTTPError, ValueError) as exc:
        return False, _first_line(exc)
    return None


def _prepared(url: str) -> str:
    """The URL as requests will send it (IDNA host, quoted path, ``/`` for an empty path)."""
    request = requests.PreparedRequest()
    request.prepare_url(url, None)
    return request.url or url


def _reason(response: requests.Response) -> str:
    reason = (response.reason or "").strip()
    if reason:
        return reason
    try:
        return http.HTTPStatus(response.status_code).phrase
    except ValueError:
        return "(no reason given)"


def _parse_content_type(header: str) -> tuple[str, str | None]:
    """``'Text/HTML; charset="UTF-8"'`` -> ``("text/html", "utf-8")``; ``""`` -> ``("", None)``."""
    media, _, rest = header.partition(";")
    charset = None
    for param in rest.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'").strip().lower() or None
    return media.strip().lower(), charset


def _content_length(response: requests.Response) -> int | None:
    value = response.headers.get("Content-Length", "").strip()
    return int(value) if value.isdigit() else None


_KINDS = {
    "application/pdf": "a PDF document",
    "application/postscript": "a PostScript document",
    "application/epub+zip": "an EPUB e-book",
    "application/msword": "a Word document",
    "application/rtf": "an RTF document",
    "text/rtf": "an RTF document",
    "application/json": "JSON data",
    "application/ld+json": "JSON data",
    "application/xml": "XML data",
    "text/xml": "XML data",
    "application/rss+xml": "an RSS feed",
    "application/atom+xml": "an Atom feed",
    "application/zip": "a ZIP archive",
    "application/gzip": "a gzip archive",
    "application/x-tar": "a tar archive",
    "application/octet-stream": "binary data",
    "application/javascript": "a script",
    "text/javascript": "a script",
    "text/css": "a stylesheet",
    "text/csv": "a table (CSV)",
}
_FAMILIES = {"image": "an image", "audio": "an audio file", "video": "a video", "font": "a font"}


def _describe(content_type: str) -> str:
    if content_type in _KINDS:
        return _KINDS[content_type]
    family = content_type.partition("/")[0]
    if family in _FAMILIES:
        return _FAMILIES[family]
    if "officedocument" in content_type or "opendocument" in content_type:
        return "an office document"
    return "a file of another type"


def _sniff(content: bytes) -> str | None:
    """Without a Content-Type: ``text/html`` when the body plainly starts as HTML, else ``None``."""
    head = content[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return "text/html" if head.startswith((b"<!doctype html", b"<html")) else None


def _size(n: int) -> str:
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n >= factor:
            return f"{round(n / factor, 1):g} {unit}"
    return f"{n} byte{'s' if n != 1 else ''}"


def _seconds(s: float) -> str:
    return f"{s:g} s"


# --- turning exceptions into one line ----------------------------------------------------------


def _explain(
    exc: Exception, url: str, limits: FetchLimits, watchdog: _Watchdog, deadline: float
) -> InputError:
    if watchdog.expired or time.monotonic() >= deadline:
        return InputError(f"{url}: download took longer than {_seconds(limits.total_timeout)}")
    chain = list(_causes(exc))
    if any(_is_timeout(e) for e in chain):
        return InputError(f"{url}: no answer within {_seconds(limits.timeout)}")
    if isinstance(exc, requests.TooManyRedirects):
        return InputError(f"{url}: more than {limits.max_redirects} redirects")
    if isinstance(exc, (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema,
                        requests.exceptions.MissingSchema, requests.exceptions.InvalidHeader,
                        urllib3.exceptions.LocationValueError)):
        return InputError(f"{url}: invalid URL ({_first_line(exc)})")
    ssl_errors = [e for e in chain if _is_ssl_error(e)]
    if ssl_errors:
        return InputError(f"{url}: SSL error ({_ssl_reason(ssl_errors[-1])})")
    if isinstance(exc, requests.exceptions.ContentDecodingError):  # decoding starts in the first read
        return InputError(f"{url}: the body could not be decoded (bad Content-Encoding)")
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return InputError(f"{url}: connection broken during the download")
    if isinstance(exc, requests.ConnectionError):
        return InputError(f"{url}: cannot connect ({_connect_reason(chain)})")
    return InputError(f"{url}: download failed ({type(exc).__name__}: {_first_line(exc)})")


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and everything it wraps: ``__cause__``, ``__context__``, ``.reason`` and exception args."""
    seen: set[int] = set()
    todo = [exc]
    while todo:
        e = todo.pop(0)
        if id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        linked = [e.__cause__, e.__context__, getattr(e, "reason", None), *e.args]
        todo.extend(x for x in linked if isinstance(x, BaseException))


def _is_timeout(e: BaseException) -> bool:
    if isinstance(e, urllib3.exceptions.NewConnectionError):  # a ConnectTimeoutError subclass, oddly
        return False
    return isinstance(e, (TimeoutError, urllib3.exceptions.TimeoutError, requests.Timeout))


def _is_ssl_error(e: BaseException) -> bool:
    return isinstance(e, (ssl.SSLError, ssl.CertificateError, requests.exceptions.SSLError))


def _ssl_reason(e: BaseException) -> str:
    verify = getattr(e, "verify_message", None)
    if verify:
        return f"certificate verify failed: {verify}"
    reason = getattr(e, "reason", None)
    if isinstance(reason, str) and reason:
        return reason.replace("_", " ").lower()
    return _first_line(e)


def _connect_reason(chain: list[BaseException]) -> str:
    for e in chain:
        if isinstance(e, socket.gaierror):
            if e.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)):
                return "unknown host name"
            return f"host name lookup failed: {_lower_first(e.strerror or str(e))}"
        if isinstance(e, ConnectionRefusedError):
            return "connection refused"
        if isinstance(e, ConnectionResetError):
            return "connection reset by the server"
        if isinstance(e, http.client.RemoteDisconnected):
            return "the server closed the connection without answering"
    for e in chain:
        if isinstance(e, OSError) and e.strerror:
            return _lower_first(e.strerror)
    return _first_line(chain[-1])


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


# --- private addresses -------------------------------------------------------------------------


class PrivateAddressError(Exception):
    """A connection to a non-global address was refused (turned into an InputError with the URL)."""

    def __init__(self, host: str, address: str) -> None:
        shown = host if host == address else f"{host} ({address})"
        super().__init__(
            f"refused: {shown} is a private address (allow it with allow_private_addresses = true "
            f"under [intake] in narrate.toml, --allow-private-addresses, or {ALLOW_PRIVATE_ENV}=1)"
        )


_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def is_private_address(address: str) -> bool:
    """True for any address that is not on the global internet (IPv4-mapped IPv6 included)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    if isinstance(ip, ipaddress.IPv6Address):
        if ip in _IPV4_COMPATIBLE:  # deprecated "::a.b.c.d": no public host has one
            return True
        if ip in _NAT64:  # "64:ff9b::a.b.c.d" reaches the IPv4 address through a NAT64 gateway
            embedded: ipaddress.IPv4Address | None = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        else:
            embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None and not embedded.is_global:
            return True
    return not ip.is_global or ip.is_multicast


def _checked_addresses(host: str, port: int) -> list[str]:
    """The addresses ``host`` resolves to, all global; :class:`PrivateAddressError` otherwise.

    A name that does not resolve raises :class:`socket.gaierror`.
    """
    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    except UnicodeError as exc:
        raise socket.gaierror(socket.EAI_NONAME, f"invalid host name ({exc})") from None
    addresses: list[str] = []
    for info in infos:
        address = str(info[4][0])
        if is_private_address(address):
            raise PrivateAddressError(host, address)
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise socket.gaierror(socket.EAI_NONAME, "no address for the host name")
    return addresses


def _refuse_private_target(url: str) -> None:
    """The per-hop check made before each request, so the refusal holds even through a proxy."""
    if _private_allowed_here():
        return
    parts = urlsplit(url)
    if parts.hostname:
        try:
            _checked_addresses(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
        except OSError:  # does not resolve: the connection reports it in the usual words
            pass


def _private_allowed_here() -> bool:
    watchdog = getattr(_current, "watchdog", None)
    return watchdog is None or watchdog.allow_private


# --- the total-time watchdog -------------------------------------------------------------------

_current = threading.local()


class _Watchdog:
    """Shuts down the sockets a fetch opened once its total time is up, waking any blocked read.

    Connections opened by :class:`_WatchedAdapter` on this thread register their socket with the
    watchdog that is active on the thread (connections are made on the thread that fetches).
    """

    def __init__(self, seconds: float, *, allow_private: bool = False) -> None:
        self.allow_private = allow_private
        """Whether connections made during this fetch may go to non-global addresses."""
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self.expired = False
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._previous: _Watchdog | None = None

    def __enter__(self) -> _Watchdog:
        self._previous = getattr(_current, "watchdog", None)
        _current.watchdog = self
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()
        _current.watchdog = self._previous

    def adopt(self, sock: object) -> None:
        if not isinstance(sock, socket.socket):  # e.g. TLS inside a TLS proxy tunnel: not watched
            return
        with self._lock:
            self._sockets.append(sock)
            expired = self.expired
        if expired:
            _shutdown(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shutdown(sock)


def _shutdown(sock: socket.socket) -> None:
    try:  # the plain socket method: SSLSocket.shutdown would also drop the TLS state under the reader
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:  # already closed
        pass


def _adopt(sock: object) -> None:
    watchdog = getattr(_current, "watchdog", None)
    if watchdog is not None:
        watchdog.adopt(sock)


class _GuardedConnectionMixin:
    """Opens the socket only to addresses checked by :func:`_checked_addresses` (direct connections;
    a proxy's own address is the user's choice, and the target was checked before the request)."""

    host: str
    port: int
    proxy: object
    _dns_host: str
    _tunnel_host: str | None

    def _new_conn(self) -> socket.socket:
        if _private_allowed_here() or self.proxy is not None or self._tunnel_host:
            return super()._new_conn()  # type: ignore[misc,no-any-return]
        try:
            addresses = _checked_addresses(self._dns_host, self.port)
        except socket.gaierror as exc:  # never fall back to a lookup of its own: that one is unchecked
            raise urllib3.exceptions.NameResolutionError(self.host, self, exc) from exc  # type: ignore[arg-type]
        name = self._dns_host
        failure: Exception = OSError("no address to connect to")
        try:
            for address in addresses:  # each checked address in resolver order, like create_connection
                self._dns_host = address
                try:
                    return super()._new_conn()  # type: ignore[misc,no-any-return]
                except urllib3.exceptions.NewConnectionError as exc:
                    failure = exc
        finally:
            self._dns_host = name
        raise failure


class _WatchedHTTPConnection(_GuardedConnectionMixin, HTTPConnection):
    def connect(self) -> None:
        super().connect()
        _adopt(self.sock)


class _WatchedHTTPSConnection(_GuardedConnectionMixin, HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _adopt(self.sock)


class _WatchedHTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


_WATCHED_POOLS = {"http": _WatchedHTTPConnectionPool, "https": _WatchedHTTPSConnectionPool}


class _WatchedAdapter(HTTPAdapter):
    """An adapter whose connections register their sockets with the active :class:`_Watchdog`."""

    def init_poolmanager(self, *args: object, **kwargs: object) -> None:
        super().init_poolmanager(*args, **kwargs)  # type: ignore[arg-type]
        self.poolmanager.pool_classes_by_scheme = dict(_WATCHED_POOLS)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: object) -> urllib3.PoolManager:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if type(manager) is urllib3.ProxyManager:  # SOCKS managers keep their own pool classes
            manager.pool_classes_by_scheme = dict(_WATCHED_POOLS)
        return manager
