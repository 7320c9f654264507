"""narrate.text.fetch: downloading articles from a real local HTTP server, and every way that can fail."""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import FrozenInstanceError
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from narrate.errors import InputError, NarrateError
from narrate.text.fetch import ALLOW_PRIVATE_ENV, Fetched, FetchLimits, fetch_url, is_private_address

HTML = "<!DOCTYPE html><html><head><title>Ferries</title></head><body><p>Café crème – naïve.</p></body></html>"
TEXT = "The harbour ferries run every twenty minutes.\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n" + b"\x00" * 64
BIG = b"x" * 5000  # larger than SMALL.max_bytes

FAST = FetchLimits(timeout=5.0, total_timeout=10.0)
SMALL = FetchLimits(timeout=5.0, total_timeout=10.0, max_bytes=1000)
SHORT = FetchLimits(timeout=0.5, total_timeout=10.0)
DRIP = FetchLimits(timeout=5.0, total_timeout=1.0)
HANG_GUARD = 5.0
"""Seconds a timeout test may take at most: a guard against hanging, not a performance check."""


# --- the server --------------------------------------------------------------------------------


class Server(ThreadingHTTPServer):
    daemon_threads = True
    stopping: threading.Event


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive and chunked bodies, as real servers do
    disable_nagle_algorithm = True  # headers and body are separate writes: no 40 ms delayed-ACK stalls
    server: Server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep test output quiet
        pass

    def handle(self) -> None:
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):  # the client closed a keep-alive connection
            pass

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        path = urlsplit(self.path).path
        route = ROUTES.get(path) or next((r for p, r in PREFIX_ROUTES.items() if path.startswith(p)), None)
        try:
            if route is None:
                self.send("text/plain", b"no such route", status=404)
            else:
                route(self)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up, as it should
            self.close_connection = True

    # helpers for the routes

    def send(self, content_type: str | None, body: bytes, status: int = 200, **headers: str) -> None:
        self.send_response(status)
        if content_type is not None:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str, status: int = 302) -> None:
        self.send("text/html", b"<p>moved</p>", status=status, Location=location)

    def wait(self, seconds: float) -> None:
        """Sleep, but wake at once when the fixture shuts the server down."""
        self.server.stopping.wait(seconds)

    def number(self) -> int:
        return int(self.path.rstrip("/").rsplit("/", 1)[1])


def page(h: Handler) -> None:
    h.send("text/html; charset=UTF-8", HTML.encode("utf-8"))


def plain(h: Handler) -> None:
    h.send("text/plain", TEXT.encode("ascii"))


def markdown(h: Handler) -> None:
    h.send("text/markdown; charset=utf-8", b"# Ferries\n\nThey run.\n")


def xhtml(h: Handler) -> None:
    h.send('Application/XHTML+XML; Charset="ISO-8859-1"', HTML.encode("latin-1", "replace"))


def user_agent(h: Handler) -> None:
    h.send("text/plain", h.headers.get("User-Agent", "").encode())


def hops(h: Handler) -> None:
    """/hops/N redirects N times (relative Location), then serves the page."""
    n = h.number()
    if n == 0:
        page(h)
    else:
        h.redirect(f"/hops/{n - 1}", status=(301, 302, 303, 307, 308)[n % 5])


def loop_a(h: Handler) -> None:
    h.redirect("/loop/b")


def loop_b(h: Handler) -> None:
    h.redirect(f"http://{h.headers['Host']}/loop/a")  # absolute this time


def self_loop(h: Handler) -> None:
    h.redirect("/self")


def go(h: Handler) -> None:
    h.redirect(parse_qs(urlsplit(h.path).query)["to"][0])


def status(h: Handler) -> None:
    h.send("text/html", b"<p>error page</p>", status=h.number())


def pdf(h: Handler) -> None:
    h.send("application/pdf", PDF)


def png(h: Handler) -> None:
    h.send("image/png", PNG)


def big(h: Handler) -> None:
    h.send("text/plain", BIG)


def big_chunked(h: Handler) -> None:
    """No Content-Length: chunked transfer coding, so only counting can find the size."""
    h.send_response(200)
    h.send_header("Content-Type", "text/plain")
    h.send_header("Transfer-Encoding", "chunked")
    h.end_headers()
    for start in range(0, len(BIG), 500):
        piece = BIG[start : start + 500]
        h.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
    h.wfile.write(b"0\r\n\r\n")


def big_close(h: Handler) -> None:
    """No Content-Length and no chunks: the body ends when the server closes the connection."""
    h.send_response(200)
    h.send_header("Content-Type", "text/plain")
    h.send_header("Connection", "close")
    h.end_headers()
    h.wfile.write(BIG)
    h.close_connection = True


def gzipped(h: Handler) -> None:
    h.send("text/html; charset=utf-8", gzip.compress(HTML.encode("utf-8")), Content_Encoding="gzip")


def gzip_bomb(h: Handler) -> None:
    """A small gzip body (its Content-Length is small) that inflates far beyond the limit."""
    h.send("text/plain", gzip.compress(b" " * 200_000), Content_Encoding="gzip")


def bad_gzip(h: Handler) -> None:
    h.send("text/plain", b"this is not gzip at all", Content_Encoding="gzip")


def untyped_html(h: Handler) -> None:
    h.send(None, HTML.encode("utf-8"))


def untyped_binary(h: Handler) -> None:
    h.send(None, PDF)


def never(h: Handler) -> None:
    """Reads the request and never answers (until the server shuts down)."""
    h.wait(30)
    h.close_connection = True


def stall_body(h: Handler) -> None:
    """Sends the headers and part of the body, then nothing."""
    h.send_response(200)
    h.send_header("Content-Type", "text/plain")
    h.send_header("Content-Length", "100")
    h.end_headers()
    h.wfile.write(b"half")
    h.wfile.flush()
    h.wait(30)
    h.close_connection = True


def drip(h: Handler) -> None:
    """A byte of body every 0.2 s, forever: each wait is short, the whole is endless."""
    h.send_response(200)
    h.send_header("Content-Type", "text/plain")
    h.send_header("Connection", "close")
    h.end_headers()
    h.wfile.flush()
    h.close_connection = True
    while not h.server.stopping.is_set():
        h.wfile.write(b".")
        h.wfile.flush()
        h.wait(0.2)


def drip_headers(h: Handler) -> None:
    """The status line, then one byte of an endless header every 0.2 s."""
    h.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
    h.wfile.flush()
    h.close_connection = True
    while not h.server.stopping.is_set():
        h.wfile.write(b"a")
        h.wfile.flush()
        h.wait(0.2)


def redirect_to(h: Handler) -> None:
    """/redirect-to?to=URL redirects to URL."""
    h.redirect(parse_qs(urlsplit(h.path).query)["to"][0])


ROUTES: dict[str, Callable[[Handler], None]] = {
    "/redirect-to": redirect_to,
    "/page.html": page,
    "/plain.txt": plain,
    "/notes.md": markdown,
    "/page.xhtml": xhtml,
    "/user-agent": user_agent,
    "/loop/a": loop_a,
    "/loop/b": loop_b,
    "/self": self_loop,
    "/go": go,
    "/doc.pdf": pdf,
    "/image.png": png,
    "/big": big,
    "/big-chunked": big_chunked,
    "/big-close": big_close,
    "/gzip": gzipped,
    "/gzip-bomb": gzip_bomb,
    "/bad-gzip": bad_gzip,
    "/untyped-html": untyped_html,
    "/untyped-binary": untyped_binary,
    "/never": never,
    "/stall-body": stall_body,
    "/drip": drip,
    "/drip-headers": drip_headers,
}
PREFIX_ROUTES: dict[str, Callable[[Handler], None]] = {"/hops/": hops, "/status/": status}


@contextmanager
def _serving(host: str) -> Iterator[str]:
    """The root URL of a real HTTP server on ``host``, running in a daemon thread."""
    server = Server((host, 0), Handler)
    server.stopping = threading.Event()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.stopping.set()  # wakes the handlers that never answer or drip
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    """The root URL of a real HTTP server on 127.0.0.1."""
    with _serving("127.0.0.1") as url:
        yield url


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def error(url: str, limits: FetchLimits = FAST) -> str:
    """The message of the InputError that fetching ``url`` raises: one line, starting with the URL."""
    with pytest.raises(InputError) as info:
        fetch_url(url, limits)
    message = str(info.value)
    assert "\n" not in message and "\r" not in message
    assert message.startswith(f"{url}: ")
    assert info.value.__cause__ is None  # no chained traceback
    assert info.value.__context__ is None or info.value.__suppress_context__
    return message


def timed_error(url: str, limits: FetchLimits) -> tuple[str, float]:
    start = time.monotonic()
    message = error(url, limits)
    return message, time.monotonic() - start


# --- what is fetched ---------------------------------------------------------------------------


def test_html_page(base: str) -> None:
    fetched = fetch_url(f"{base}/page.html", FAST)
    assert fetched == Fetched(
        url=f"{base}/page.html", content=HTML.encode("utf-8"), content_type="text/html", charset="utf-8"
    )


def test_plain_text_has_no_charset(base: str) -> None:
    fetched = fetch_url(f"{base}/plain.txt", FAST)
    assert (fetched.content, fetched.content_type, fetched.charset) == (TEXT.encode(), "text/plain", None)


def test_markdown(base: str) -> None:
    fetched = fetch_url(f"{base}/notes.md", FAST)
    assert (fetched.content_type, fetched.charset) == ("text/markdown", "utf-8")


def test_media_type_and_charset_are_normalised(base: str) -> None:
    fetched = fetch_url(f"{base}/page.xhtml", FAST)
    assert (fetched.content_type, fetched.charset) == ("application/xhtml+xml", "iso-8859-1")


def test_default_limits_and_whitespace_around_url(base: str) -> None:
    assert fetch_url(f"  {base}/plain.txt\n").content == TEXT.encode()


def test_user_agent(base: str) -> None:
    agent = fetch_url(f"{base}/user-agent", FAST).content.decode()
    assert agent.startswith("narrate/") and agent.endswith(" (+https://pypi.org/project/narrate/)")


def test_gzip_body_is_decoded(base: str) -> None:
    fetched = fetch_url(f"{base}/gzip", FAST)
    assert fetched.content == HTML.encode("utf-8")
    assert (fetched.content_type, fetched.charset) == ("text/html", "utf-8")


def test_html_without_content_type_is_recognised(base: str) -> None:
    assert fetch_url(f"{base}/untyped-html", FAST).content_type == "text/html"


def test_fetched_is_frozen(base: str) -> None:
    fetched = fetch_url(f"{base}/plain.txt", FAST)
    with pytest.raises(FrozenInstanceError):
        fetched.url = "elsewhere"  # type: ignore[misc]


# --- redirects ---------------------------------------------------------------------------------


def test_two_redirects_are_followed(base: str) -> None:
    fetched = fetch_url(f"{base}/hops/2", FAST)
    assert fetched.url == f"{base}/hops/0"
    assert fetched.content == HTML.encode("utf-8")


def test_exactly_max_redirects_is_fine(base: str) -> None:
    assert fetch_url(f"{base}/hops/5", FAST).url == f"{base}/hops/0"


def test_six_redirects_are_too_many(base: str) -> None:
    assert error(f"{base}/hops/6") == f"{base}/hops/6: more than 5 redirects"


def test_max_redirects_zero(base: str) -> None:
    limits = FetchLimits(timeout=5.0, max_redirects=0)
    assert error(f"{base}/hops/1", limits) == f"{base}/hops/1: more than 0 redirects"
    assert fetch_url(f"{base}/hops/0", limits).url == f"{base}/hops/0"


def test_redirect_loop(base: str) -> None:
    assert error(f"{base}/loop/a") == f"{base}/loop/a: redirect loop (back to {base}/loop/a)"


def test_redirect_to_itself(base: str) -> None:
    assert error(f"{base}/self") == f"{base}/self: redirect loop (back to {base}/self)"


def test_redirect_to_another_scheme(base: str) -> None:
    url = f"{base}/go?to=ftp://example.com/a.txt"
    assert error(url) == f"{url}: redirected to ftp://example.com/a.txt; only http and https URLs can be fetched, not ftp"


def test_redirect_to_an_error_says_where(base: str) -> None:
    url = f"{base}/go?to=/status/404"
    assert error(url) == f"{url}: HTTP 404 Not Found (at {base}/status/404)"


# --- what is refused ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "reason"), [(404, "Not Found"), (500, "Internal Server Error"), (403, "Forbidden"), (410, "Gone")]
)
def test_http_errors(base: str, code: int, reason: str) -> None:
    url = f"{base}/status/{code}"
    assert error(url) == f"{url}: HTTP {code} {reason}"


def test_pdf_is_not_an_article(base: str) -> None:
    url = f"{base}/doc.pdf"
    assert error(url) == f"{url}: is a PDF document (application/pdf), not an article"


def test_image_is_not_an_article(base: str) -> None:
    url = f"{base}/image.png"
    assert error(url) == f"{url}: is an image (image/png), not an article"


def test_binary_without_content_type(base: str) -> None:
    url = f"{base}/untyped-binary"
    assert error(url) == f"{url}: the server did not say what it is (no Content-Type), and it is not HTML"


def test_too_large_by_content_length(base: str) -> None:
    url = f"{base}/big"
    assert error(url, SMALL) == f"{url}: larger than 1 kB"


@pytest.mark.parametrize("route", ["/big-chunked", "/big-close"], ids=["chunked", "close-delimited"])
def test_too_large_while_streaming(base: str, route: str) -> None:
    url = f"{base}{route}"
    assert error(url, SMALL) == f"{url}: larger than 1 kB"
    assert len(fetch_url(url, FAST).content) == len(BIG)  # the same body passes a larger limit


def test_gzip_bomb_counts_decoded_bytes(base: str) -> None:
    url = f"{base}/gzip-bomb"
    assert error(url, FetchLimits(timeout=5.0, max_bytes=100_000)) == f"{url}: larger than 100 kB"


def test_broken_gzip(base: str) -> None:
    url = f"{base}/bad-gzip"
    assert error(url) == f"{url}: the body could not be decoded (Content-Encoding: gzip)"


# --- timeouts (elapsed bounds only guard against hanging) --------------------------------------


def test_server_that_never_answers(base: str) -> None:
    url = f"{base}/never"
    message, elapsed = timed_error(url, SHORT)
    assert message == f"{url}: no answer within 0.5 s"
    assert elapsed < HANG_GUARD


def test_body_that_stalls(base: str) -> None:
    url = f"{base}/stall-body"
    message, elapsed = timed_error(url, SHORT)
    assert message == f"{url}: no answer within 0.5 s"
    assert elapsed < HANG_GUARD


@pytest.mark.parametrize("route", ["/drip", "/drip-headers"], ids=["body", "headers"])
def test_slow_drip_hits_total_timeout(base: str, route: str) -> None:
    url = f"{base}{route}"
    message, elapsed = timed_error(url, DRIP)
    assert message == f"{url}: download took longer than 1 s"
    assert 0.9 < elapsed < HANG_GUARD


# --- connections and URLs ----------------------------------------------------------------------


def test_connection_refused(closed_port: int) -> None:
    url = f"http://127.0.0.1:{closed_port}/article"
    assert error(url) == f"{url}: cannot connect (connection refused)"


def test_tls_to_a_plain_http_server(base: str) -> None:
    url = base.replace("http://", "https://") + "/page.html"
    assert error(url) == f"{url}: SSL error (wrong version number)"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("ftp://example.com/a.txt", "only http and https URLs can be fetched, not ftp"),
        ("file:///etc/passwd", "only http and https URLs can be fetched, not file"),
        ("mailto:someone@example.com", "only http and https URLs can be fetched, not mailto"),
        ("example.com/article", "invalid URL (no http:// or https:// in front)"),
        ("http:///article", "invalid URL (no host name)"),
        ("http://example.com:99999/", "invalid URL (Port out of range 0-65535)"),
        ("http://[::1/", "invalid URL (Invalid IPv6 URL)"),
        ("http://exa\tmple.com/", "invalid URL (it contains control characters)"),
        ("", "invalid URL (no http:// or https:// in front)"),
    ],
)
def test_unusable_urls(url: str, expected: str) -> None:
    with pytest.raises(InputError) as info:
        fetch_url(url, FAST)
    assert str(info.value) == f"{url}: {expected}"


def test_errors_are_narrate_errors(base: str) -> None:
    with pytest.raises(NarrateError):
        fetch_url(f"{base}/status/404", FAST)
    with pytest.raises(ValueError):  # InputError is also a ValueError
        fetch_url("ftp://example.com/", FAST)


@pytest.mark.parametrize(
    "kwargs", [{"timeout": 0}, {"total_timeout": -1.0}, {"max_bytes": 0}, {"max_redirects": -1}]
)
def test_limits_are_validated(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=next(iter(kwargs))):
        FetchLimits(**kwargs)  # type: ignore[arg-type]


# --- private addresses -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
     "224.0.0.1", "::1", "fe80::1%eth0", "fc00::5", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "2002:c0a8:0101::1",
     "::7f00:1", "64:ff9b::7f00:1", "64:ff9b::a00:1"],
)
def test_non_global_addresses_are_private(address: str) -> None:
    assert is_private_address(address)


@pytest.mark.parametrize(
    "address", ["93.184.216.34", "8.8.8.8", "2001:4860:4860::8888", "2606:4700::1111", "64:ff9b::808:808"]
)
def test_global_addresses_are_not_private(address: str) -> None:
    assert not is_private_address(address)


@pytest.fixture
def refuse_private(monkeypatch: pytest.MonkeyPatch) -> None:
    """Undo the test suite's blanket permission (conftest), as a user's run has it."""
    monkeypatch.delenv(ALLOW_PRIVATE_ENV, raising=False)


@pytest.mark.usefixtures("refuse_private")
@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::ffff:127.0.0.1]"])
def test_private_addresses_are_refused_by_default(base: str, host: str) -> None:
    url = base.replace("127.0.0.1", host) + "/page.html"
    message = error(url)
    assert message.startswith(f"{url}: refused: ")
    assert "is a private address" in message and "allow_private_addresses" in message


@pytest.mark.usefixtures("refuse_private")
def test_private_addresses_are_allowed_by_the_limits_or_the_environment(
    base: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    allowed = FetchLimits(timeout=5.0, total_timeout=10.0, allow_private_addresses=True)
    assert fetch_url(base + "/page.html", allowed).content == HTML.encode("utf-8")
    monkeypatch.setenv(ALLOW_PRIVATE_ENV, "1")
    assert fetch_url(base + "/page.html", FAST).content == HTML.encode("utf-8")


@pytest.fixture
def public_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend 127.0.0.2 is a global address (only 127.0.0.1 stays private), so a "public" server can
    run on this machine and redirect to, or be re-resolved to, a private one."""
    import narrate.text.fetch

    real = narrate.text.fetch.is_private_address
    monkeypatch.setattr(narrate.text.fetch, "is_private_address", lambda a: a != "127.0.0.2" and real(a))


@pytest.fixture
def public_base(public_loopback: None, refuse_private: None) -> Iterator[str]:
    with _serving("127.0.0.2") as url:
        yield url


def test_a_public_address_is_fetched_when_private_ones_are_refused(public_base: str) -> None:
    assert fetch_url(public_base + "/page.html", FAST).content == HTML.encode("utf-8")


def test_a_redirect_to_a_private_address_is_refused(public_base: str, base: str) -> None:
    private_target = base + "/page.html"
    url = f"{public_base}/redirect-to?{urlencode({'to': private_target})}"
    message = error(url)
    assert message.startswith(f"{url}: refused: 127.0.0.1 is a private address")


def test_a_name_that_resolves_again_to_a_private_address_is_refused_at_connect_time(
    public_base: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: the name is public when checked before the request, private when connecting.
    The connection only ever goes to an address that was checked, so the second answer is refused."""
    port = int(public_base.rsplit(":", 1)[1])
    answers = iter(["127.0.0.2", "127.0.0.1", "127.0.0.1"])
    real_getaddrinfo = socket.getaddrinfo

    def rebinding(host: str, *args: object, **kwargs: object) -> list:  # type: ignore[type-arg]
        if host == "rebind.test":
            address = next(answers)
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]
        return real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    message = error(f"http://rebind.test:{port}/page.html")
    assert "refused: rebind.test (127.0.0.1) is a private address" in message


def test_a_name_that_fails_to_resolve_is_not_looked_up_again_unchecked(
    public_base: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the checked lookup fails, the connection must not fall back to a lookup of its own (which a
    flaky resolver could answer with a private address)."""
    port = int(public_base.rsplit(":", 1)[1])
    answers = iter([None, None, "127.0.0.1", "127.0.0.1"])
    real_getaddrinfo = socket.getaddrinfo

    def flaky(host: str, *args: object, **kwargs: object) -> list:  # type: ignore[type-arg]
        if host == "flaky.test":
            address = next(answers)
            if address is None:
                raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]
        return real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", flaky)
    message = error(f"http://flaky.test:{port}/page.html")
    assert message == f"http://flaky.test:{port}/page.html: cannot connect (host name lookup failed: temporary failure in name resolution)"
