"""Security review, as tests: what narrate does with hostile articles, feeds, requests and settings.

Each section is one point of the review (README, "Security"): no shell and no dynamic code; escaping
in every output (read back with real parsers); feed readers against XXE and entity expansion; the
server kept to its folder and to this computer; safe files (temporary names, permissions, paths
from hashes, SQL parameters); and bandit, which must find nothing that is not explained in place.
"""

from __future__ import annotations

import ast
import html
import http.client
import io
import json
import os
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import etree
from lxml import html as lxml_html

from narrate.batch.jobs import JobRecord
from narrate.batch.sources import read_batch_source
from narrate.config import Config, EpisodeConfig
from narrate.errors import EngineError, InputError
from narrate.fsutil import TEMP_PREFIX, make_temp_file
from narrate.pipeline import build
from narrate.publish.catalog import make_slug
from narrate.publish.check import check_feed
from narrate.publish.sanitise import script_policy
from narrate.publish.server import Server
from narrate.speech.cache import ChunkCache, cache_key
from narrate.speech.engines import create_engine
from tests.conftest import ROOT, require_module
from tests.localserver import respond, serve

PACKAGE = ROOT / "narrate"
SECRET = "TOP-SECRET-7f3a9c"
EVIL = "</script><script>alert(1)</script> <!-- x --> ]]> & \"q\" 's' <img src=x onerror=alert(2)>"
"""Text that breaks out of a script, a comment, a CDATA section, an attribute or an element."""


# --- no shell, no dynamic code -----------------------------------------------------------------

FORBIDDEN_MODULES = {"subprocess", "pickle", "marshal", "shelve", "dill", "commands", "pty"}
YAML_ALLOWED = {"yaml.safe_load", "yaml.YAMLError"}
"""Front matter is read with PyYAML's safe loader only: no other yaml name (load, unsafe_load,
full_load, Loader) may appear, so no article can make a Python object."""
FORBIDDEN_CALLS = {
    "os.system", "os.popen", "os.execv", "os.execve", "os.execvp", "os.execl", "os.spawnv", "os.spawnl",
    "os.posix_spawn", "os.startfile", "tempfile.mktemp", "importlib.import_module",
}
FORBIDDEN_BUILTINS = {"eval", "exec", "compile", "__import__"}


def _python_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def test_no_shell_and_no_dynamic_code_anywhere_in_narrate() -> None:
    """No module that runs commands or unpickles, no eval/exec, no shell=True, no mktemp."""
    found = []
    for path in _python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        where = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found += [f"{where}:{node.lineno} import {a.name}" for a in node.names
                          if a.name.split(".")[0] in FORBIDDEN_MODULES]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in FORBIDDEN_MODULES:
                found.append(f"{where}:{node.lineno} from {node.module} import")
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "yaml":
                found.append(f"{where}:{node.lineno} from yaml import (use yaml.safe_load)")
            elif isinstance(node, ast.Attribute) and _dotted(node).startswith("yaml.") and _dotted(node) not in YAML_ALLOWED:
                found.append(f"{where}:{node.lineno} {_dotted(node)}")
            elif isinstance(node, ast.Call):
                name = _dotted(node.func)
                if name in FORBIDDEN_CALLS or name in FORBIDDEN_BUILTINS:
                    found.append(f"{where}:{node.lineno} {name}()")
                found += [f"{where}:{node.lineno} shell=" for k in node.keywords if k.arg == "shell"]
    assert found == []


def _literal(node: ast.expr | None) -> bool:
    """A string constant, or a choice between string constants (``"COMMIT" if ok else "ROLLBACK"``)."""
    if isinstance(node, ast.IfExp):
        return _literal(node.body) and _literal(node.orelse)
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def test_sql_is_never_built_from_values() -> None:
    """Every statement the job record runs is a literal with ``?`` parameters; the one formatted
    statement is the schema version, a counter of migrations."""
    formatted = []
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in (
                "execute", "executemany", "executescript"
            ):
                sql = node.args[0] if node.args else None
                if not _literal(sql):
                    formatted.append((path.name, ast.unparse(sql) if sql else ""))
    assert formatted == [("jobs.py", "f'PRAGMA user_version = {number}'")]


def test_sql_metacharacters_in_keys_are_only_data(tmp_path: Path) -> None:
    key = "x'); DROP TABLE articles; --"
    with JobRecord(tmp_path) as jobs:
        jobs.add([(key, "/a'b\"c.txt")])
        jobs.fail(key, "error'); DELETE FROM events; --")
        rows = jobs.rows()
        assert rows[key].source == "/a'b\"c.txt" and rows[key].state == "failed"
        assert jobs.outcomes(key) == ["failed"]


@pytest.mark.parametrize("name", ["os:system", "subprocess:Popen", "builtins:eval", "narrate.cli:main", "../evil"])
def test_a_preset_names_an_engine_never_code(name: str) -> None:
    """A voice preset's ``engine`` is looked up among the ``narrate.engines`` entry points only."""
    with pytest.raises(EngineError, match="unknown engine"):
        create_engine(name, {}, "preset.toml")


_EVENTS: list[tuple[str, tuple[object, ...]]] | None = None
_WATCHED = ("subprocess.Popen", "os.system", "os.exec", "os.spawn", "os.posix_spawn", "os.startfile")


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _EVENTS is not None and event in _WATCHED:
        _EVENTS.append((event, args))


sys.addaudithook(_audit)  # hooks cannot be removed; this one only records while a test asks it to


@pytest.fixture
def process_events() -> Iterator[list[tuple[str, tuple[object, ...]]]]:
    """Every process narrate starts (Python's audit events), while the test runs."""
    global _EVENTS
    _EVENTS = []
    try:
        yield _EVENTS
    finally:
        _EVENTS = None


def test_ffmpeg_gets_a_hostile_file_name_as_one_argument_without_a_shell(
    tmp_path: Path, fake_preset: Path, process_events: list[tuple[str, tuple[object, ...]]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The only program narrate runs is ffmpeg (through pydub, for intro/outro audio and gTTS's MP3s),
    with an argument list: shell syntax in a file name stays a file name."""
    from tests.fake_gtts import mp3_for

    monkeypatch.chdir(tmp_path)
    jingle = tmp_path / "$(touch pwned-1); `touch pwned-2` | touch pwned-3 & x.mp3"
    jingle.write_bytes(mp3_for("a short jingle for the intro"))
    article = tmp_path / "a.txt"
    article.write_text("A title\n\nThe ferry leaves at nine and comes back at ten.\n", encoding="utf-8")
    config = Config(episode=EpisodeConfig(spoken_intro=False, spoken_outro=False, intro_audio=str(jingle)))
    report = build([article], out_dir=tmp_path / "out", voice=str(fake_preset), config=config, use_cache=False)
    assert report.results[0].ok, report.results[0].error
    assert not list(tmp_path.glob("pwned*"))
    assert [event for event, _ in process_events] and {event for event, _ in process_events} == {"subprocess.Popen"}
    from imageio_ffmpeg import get_ffmpeg_exe

    programs = {os.path.basename(get_ffmpeg_exe()), "ffprobe", "avprobe"}  # pydub asks ffprobe when there is one
    for _, (_executable, argv, _cwd, _env) in process_events:
        assert isinstance(argv, (list, tuple)), argv
        assert os.path.basename(str(argv[0])) in programs, argv  # never /bin/sh -c
    assert any(str(jingle) in argv for _, (_, argv, _, _) in process_events)  # type: ignore[operator]


# --- escaping in every output ------------------------------------------------------------------

def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def hostile_page() -> bytes:
    """An article page whose every field tries to break out of where narrate puts it."""
    words = " ".join(f"Sentence {n} about the harbour ferries and their timetable." for n in range(8))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ferries {_escape(EVIL)}</title>
<link rel="canonical" href="javascript:alert(document.domain)">
<meta property="og:image" content="javascript:alert(3)">
<meta name="author" content="Eve {_escape(EVIL)}">
<meta property="og:site_name" content="Site {_escape(EVIL)}">
<script>window.fromTheArticle = true;</script>
</head><body><article>
<h1>Ferries {_escape(EVIL)}</h1>
<p>The first paragraph says {_escape(EVIL)} and then goes on. {words}</p>
<h2>Timetable {_escape(EVIL)}</h2>
<p>The second paragraph ends the article. {words}</p>
<p><a href="javascript:alert(4)">a link</a> <img src="javascript:alert(5)"></p>
</article></body></html>""".encode()


@pytest.fixture
def hostile_episode(tmp_path: Path, fake_preset: Path) -> Path:
    """The hostile page built by URL (so its javascript: canonical link has a base to resolve against)."""
    page = hostile_page()
    with serve({"/ferries": lambda h: respond(h, "text/html; charset=utf-8", page)}) as base:
        report = build([f"{base}/ferries"], out_dir=tmp_path / "out", voice=str(fake_preset), use_cache=False)
    assert report.results[0].ok, report.results[0].error
    return tmp_path / "out"


URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "data", "srcset", "background", "cite")


def _url_schemes(doc: etree._Element) -> set[str]:
    return {
        urlsplit(value.strip()).scheme.lower()
        for el in doc.iter() if isinstance(el.tag, str)
        for name, value in el.attrib.items() if name.lower() in URL_ATTRIBUTES
    }


def test_pages_keep_hostile_text_as_text(hostile_episode: Path) -> None:
    """Episode, show and player pages: one script (narrate's own: player.js, or embed.js in the player
    snippet), no event handlers, no link or
    source that is not http(s), relative, podcast:// or the empty data: icon; the text shown as written."""
    pages = [hostile_episode / "index.html", *hostile_episode.glob("episodes/*/index.html"),
             *hostile_episode.glob("episodes/*/player.html")]
    assert len(pages) == 3
    for page in pages:
        source = page.read_text(encoding="utf-8")
        assert "<script>alert" not in source and "<img src=x" not in source and "<!-- x -->" not in source
        doc = lxml_html.document_fromstring(source)
        scripts = doc.xpath("//script")
        assert all(s.get("src", "").endswith(("static/player.js", "static/embed.js")) and not (s.text or "").strip()
                   for s in scripts)
        assert not [a for el in doc.iter() if isinstance(el.tag, str) for a in el.attrib if a.lower().startswith("on")]
        assert _url_schemes(doc) <= {"", "http", "https", "podcast", "data"}, page
        assert [v for v in doc.xpath("//@href | //@src") if v.startswith("data:")] in ([], ["data:,"])
        assert not doc.xpath("//comment()[contains(., ' x ')]")
    episode = lxml_html.document_fromstring(pages[1].read_text(encoding="utf-8"))
    assert episode.xpath("string(//h1)") == f"Ferries {EVIL}"
    assert EVIL in episode.xpath("string(//*[@id='text'])")
    csp = episode.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "script-src 'self'" in csp and "unsafe" not in csp


def test_the_article_copy_runs_nothing_of_the_page_and_narrates_nothing_into_it(hostile_episode: Path) -> None:
    """``article.html`` is the article's own page without its scripts, event handlers and
    ``javascript:`` links (``[pages] article_scripts = "keep"`` keeps them: see README "Security"),
    under a policy that lets none run; what narrate adds to it, the player snippet, is escaped like
    the pages."""
    [copy] = hostile_episode.glob("episodes/*/article.html")
    doc = lxml_html.document_fromstring(copy.read_text(encoding="utf-8"))
    [player] = doc.xpath("//div[@class='narrate-player']")
    assert not doc.xpath("//script[not(ancestor::div[@class='narrate-player'])] | //@*[starts-with(name(), 'on')]")
    assert _url_schemes(doc) <= {"", "http", "https", "data"}
    assert [v for v in doc.xpath("//@href | //@src") if v.startswith("data:")] == ["data:image/x-icon;,"]  # no icon
    assert not player.xpath(".//@*[starts-with(name(), 'on')]")
    assert [(s.get("src"), s.text) for s in player.xpath(".//script")] == [
        ("http://localhost:8000/static/embed.js", None)]  # narrate's own, at the show's base_url
    assert _url_schemes(player) <= {"http", "https"}
    [policy] = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert policy == script_policy(player) and "unsafe" not in policy  # only the player's own scripts
    assert EVIL in doc.xpath("string(//article)")  # the page's text, markup as text


def test_feed_reads_back_exactly_with_strict_parsers(hostile_episode: Path) -> None:
    import feedparser

    data = (hostile_episode / "feed.xml").read_bytes()
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))  # strict: no recover
    [title] = root.xpath("/rss/channel/item/title/text()")
    assert title == f"Ferries {EVIL}"
    # the page's canonical link was javascript:, so the item links to the page narrate fetched
    assert [urlsplit(v).scheme for v in root.xpath("/rss/channel/item/link/text()")] in ([], ["http"])
    for value in root.xpath("//@url | //@href | //link/text() | //enclosure/@url"):
        assert urlsplit(value).scheme in ("http", "https"), value
    parsed = feedparser.parse(data)
    assert not parsed.bozo and parsed.entries[0].title == f"Ferries {EVIL}"


def test_transcripts_and_chapters_read_back_exactly(hostile_episode: Path) -> None:
    require_module("webvtt")
    import webvtt

    [folder] = hostile_episode.glob("episodes/*/")
    [vtt] = folder.glob("*.vtt")
    [srt] = folder.glob("*.srt")
    [transcript] = folder.glob("*.transcript.json")
    [chapters] = folder.glob("*.chapters.json")
    bodies = [s["body"] for s in json.loads(transcript.read_text(encoding="utf-8"))["segments"]]
    assert EVIL in " ".join(bodies)
    text = vtt.read_text(encoding="utf-8")
    cue_text = [line for line in text.splitlines()[1:] if line and not re.match(r"\d\d:\d\d:\d\d\.\d{3} --> ", line)]
    assert len(cue_text) == len(bodies)  # one line per cue: nothing in a cue starts a new one
    assert not [line for line in cue_text if "<" in line or "-->" in line]
    captions = list(webvtt.from_string(text, strict=True).captions)
    assert [html.unescape(c.text) for c in captions] == bodies  # WebVTT's escapes are HTML's
    srt_captions = webvtt.from_buffer(io.StringIO(srt.read_text(encoding="utf-8")), format="srt").captions
    # SubRip has no escapes: the text as it is, in cues of at most 2 lines of 32 characters
    assert "".join("".join(c.raw_text.split()) for c in srt_captions) == "".join("".join(b.split()) for b in bodies)
    assert all(len(line) <= 32 for c in srt_captions for line in c.raw_text.split("\n"))
    titles = [c["title"] for c in json.loads(chapters.read_text(encoding="utf-8"))["chapters"]]
    assert titles == [f"Ferries {EVIL}", f"Timetable {EVIL}"]


def test_id3_holds_the_text_and_no_javascript_link(hostile_episode: Path) -> None:
    from mutagen.id3 import ID3

    [mp3] = hostile_episode.glob("episodes/*/*.mp3")
    tags = ID3(mp3)
    assert str(tags["TIT2"]) == f"Ferries {EVIL}"
    urls = [frame.url for key, frame in tags.items() if key.startswith("W") and getattr(frame, "url", "")]
    assert all(urlsplit(u).scheme in ("http", "https") for u in urls), urls  # WFED is a text frame: no url
    record = json.loads(next(hostile_episode.glob("episodes/*/episode.json")).read_text(encoding="utf-8"))
    # the page's canonical link was javascript:: the record keeps the page narrate fetched instead
    assert record["url"] in (None, "") or urlsplit(record["url"]).scheme == "http"


def test_an_article_url_that_is_not_http_is_never_written_as_woas(tmp_path: Path) -> None:
    from mutagen.id3 import ID3

    from narrate.audio.tags import EpisodeTags, write_tags
    from tests.fake_gtts import mp3_for

    for url, kept in (("javascript:alert(1)", False), ("file:///etc/passwd", False), ("https:/no-host", False),
                      ("https://example.com/a", True)):
        mp3 = tmp_path / "a.mp3"
        mp3.write_bytes(mp3_for("hello"))
        write_tags(mp3, EpisodeTags("T", "Show", None, None, "", "", 1.0, article_url=url))
        assert ("WOAS" in ID3(mp3)) is kept, url


# --- feeds from elsewhere: XXE, entity expansion, links -------------------------------------------


def _xxe_feed(secret: Path) -> bytes:
    words = " ".join(["word"] * 120)
    return f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>
<rss version="2.0"><channel><title>Feed &xxe;</title><link>https://example.com/</link><description>d</description>
<item><title>Item &xxe;</title><link>https://example.com/a</link><pubDate>&xxe;</pubDate>
<description>&lt;p&gt;&amp;xxe; {words}&lt;/p&gt;</description><author>a@b.example (Eve &xxe;)</author></item>
</channel></rss>""".encode()


def _billion_laughs() -> bytes:
    entities = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n' + "\n".join(entities) + "\n]>\n"
        '<rss version="2.0"><channel><title>&lol9;</title><link>https://example.com/</link><description>d</description>'
        "<item><title>&lol9;</title><link>https://example.com/a</link><pubDate>&lol9;</pubDate>"
        "<description>&lol9;</description></item></channel></rss>"
    ).encode()


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def test_the_xxe_feed_is_a_real_attack(secret_file: Path) -> None:
    """Control: a parser that resolves external entities does read the file (so the tests below
    would notice a reader that does)."""
    parser = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=True)
    root = etree.fromstring(_xxe_feed(secret_file), parser)
    assert SECRET in root.findtext("channel/item/title")


def test_batch_feeds_never_resolve_external_entities(tmp_path: Path, secret_file: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_bytes(_xxe_feed(secret_file))
    [item] = read_batch_source(feed)
    seen = " ".join(str(v) for v in (item.title, item.author, item.date, item.source))
    seen += item.document.text if item.document else ""
    assert SECRET not in seen


def test_narrate_check_never_resolves_external_entities(tmp_path: Path, secret_file: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_bytes(_xxe_feed(secret_file))
    report = check_feed(feed)
    assert SECRET not in json.dumps([p.__dict__ for p in report.problems])


def test_entity_expansion_bombs_are_not_expanded(tmp_path: Path) -> None:
    """A billion laughs: 10^9 "lol"s if expanded. Both readers return at once with nothing large."""
    feed = tmp_path / "feed.xml"
    feed.write_bytes(_billion_laughs())
    items = read_batch_source(feed)
    assert all(len(item.title or "") < 1000 and item.document is None for item in items)
    report = check_feed(feed)
    assert len(json.dumps([p.__dict__ for p in report.problems])) < 100_000


def test_feed_links_to_local_files_are_never_followed(tmp_path: Path, secret_file: Path) -> None:
    """A feed is someone else's: an entry's link must be http(s), never a path or a file: URL."""
    feed = tmp_path / "feed.xml"
    items = "".join(f"<item><title>T{n}</title><link>{link}</link></item>" for n, link in enumerate(
        [f"file://{secret_file}", str(secret_file), f"../{secret_file.name}", "javascript:alert(1)"]
    ))
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>{items}</channel></rss>')
    with pytest.raises(InputError, match="no entry of the feed has a link or any text"):
        read_batch_source(feed)


def test_control_characters_in_a_feed_never_reach_the_terminal(tmp_path: Path) -> None:
    """A title like ``&#27;]0;…&#7;`` would set the terminal's title when narrate prints it."""
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item>'
        "<title>Evil &#27;]0;pwned&#7; &#x9b;31m title</title><author>a@b.example (Eve &#27;[2J)</author>"
        "<link>https://example.com/a</link></item></channel></rss>"
    )
    [item] = read_batch_source(feed)
    assert item.title == "Evil ]0;pwned ›31m title" and item.author == "Eve [2J"  # &#x9b; read as cp1252


def test_control_characters_in_a_given_title_never_reach_the_terminal(tmp_path: Path, fake_preset: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The ferry leaves at nine and comes back at ten.\n", encoding="utf-8")
    report = build([article], title="Evil \x1b]0;pwned\x07 title", out_dir=tmp_path / "out",
                   voice=str(fake_preset), use_cache=False)
    assert report.results[0].record.title == "Evil ]0;pwned title"


def test_control_characters_from_a_server_never_reach_the_terminal(tmp_path: Path) -> None:
    """A server's reason phrase is quoted in the error; the CLI shows its control characters escaped."""

    def evil(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(500, "Oops \x1b]0;pwned\x07")
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    with serve({"/a": evil}) as base:
        result = subprocess.run(
            [sys.executable, "-m", "narrate", "clean", f"{base}/a"], capture_output=True, text=True, cwd=tmp_path
        )
    assert result.returncode == 1
    assert result.stderr == f"narrate: error: {base}/a: HTTP 500 Oops \\x1b]0;pwned\\x07\n"


# --- the server: its folder only, this computer only --------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("site")
    (tmp / "secret.txt").write_text(SECRET)
    (tmp / "outside").mkdir()
    (tmp / "outside" / "secret.txt").write_text(SECRET)
    out = tmp / "out"
    (out / "episodes" / "ep").mkdir(parents=True)
    (out / "feed.xml").write_text("<rss/>")
    (out / "index.html").write_text("<p>show</p>")
    (out / "episodes" / "ep" / "index.html").write_text("<p>episode</p>")
    (out / "episodes" / "ep" / "ep-0123456789ab.mp3").write_bytes(bytes(range(256)) * 4)
    (out / "episodes" / "ep" / "up").symlink_to(tmp, target_is_directory=True)
    (out / "episodes" / "ep" / "secret.mp3").symlink_to(tmp / "secret.txt")
    return out


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[Server]:
    with Server(site) as running:  # the default host
        yield running


def request(server: Server, method: str, target: bytes, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """Send the request line exactly as given (bytes: NUL and the like included) over a raw socket."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        lines = [method.encode() + b" " + target + b" HTTP/1.1", b"Host: 127.0.0.1", b"Connection: close"]
        lines += [f"{k}: {v}".encode() for k, v in (headers or {}).items()]
        sock.sendall(b"\r\n".join(lines) + b"\r\n\r\n")
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    fields = dict(line.split(": ", 1) for line in header_lines if ": " in line)
    return int(status_line.split()[1]), fields, body


ESCAPES = [
    b"/../secret.txt",
    b"/%2e%2e/secret.txt",
    b"/%252e%252e/secret.txt",  # encoded twice: a folder called "%2e%2e", which does not exist
    b"/%c0%ae%c0%ae/secret.txt",  # overlong UTF-8 dots
    b"/%ef%bc%8e%ef%bc%8e/secret.txt",  # fullwidth dots
    b"/..;/secret.txt",
    b"/episodes/ep/../../../secret.txt",
    b"/episodes/ep/..%2f..%2f..%2fsecret.txt",
    b"/episodes/ep/..%5c..%5c..%5csecret.txt",
    b"/episodes/ep/..\\..\\..\\secret.txt",
    b"/episodes/ep/up/secret.txt",  # a link to a folder outside
    b"/episodes/ep/up/outside/secret.txt",
    b"/episodes/ep/secret.mp3",  # a link to a file outside
    b"/episodes/ep/up/",
    b"//secret.txt",
    b"/C:/Windows/win.ini",
    b"/feed.xml\x00.txt",
    b"/feed.xml%00.txt",
    b"/feed.xml/..",
    b"../secret.txt",
    b"*",
    b"/" + b"a" * 4096,  # a name longer than any file system allows
    b"/" + b"a/" * 2000,
    b"/%",
    b"/%ff",
]


@pytest.mark.parametrize("target", ESCAPES, ids=lambda t: t[:40].decode("latin-1"))
@pytest.mark.parametrize("method", ["GET", "HEAD", "OPTIONS"])
def test_nothing_outside_the_folder_by_any_path(server: Server, site: Path, target: bytes, method: str) -> None:
    status, headers, body = request(server, method, target)
    if (method, target) == ("OPTIONS", b"*"):
        assert (status, body) == (204, b"")  # "OPTIONS *" asks about the server itself
    else:
        assert 400 <= status < 500, (status, target)
    assert SECRET.encode() not in body
    assert headers.get("X-Content-Type-Options") == "nosniff"


def test_an_absolute_path_names_nothing(server: Server, site: Path) -> None:
    secret = site.parent / "secret.txt"
    for target in (str(secret), f"/{secret}", f"/%2f{str(secret)[1:]}", f"/..{secret}"):
        status, _, body = request(server, "GET", target.encode())
        assert 400 <= status < 500 and SECRET.encode() not in body, target


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "TRACE", "CONNECT", "PROPFIND", "get"])
def test_only_reading_methods(server: Server, method: str) -> None:
    status, headers, _ = request(server, method, b"/feed.xml")
    assert status == 405 and headers["Allow"] == "GET, HEAD, OPTIONS"
    assert headers.get("X-Content-Type-Options") == "nosniff"


@pytest.mark.parametrize(
    ("header", "status"),
    [
        ("bytes=99999999999999999999999999-", 416),
        ("bytes=1024-", 416),
        ("bytes=0-99999999999999999999999999", 206),
        ("bytes=5-1", 200),
        ("bytes=-0", 200),
        ("bytes=--1", 200),
        ("bytes=0-1," * 2000 + "0-1", 200),
        ("lines=0-1", 200),
        ("bytes=\x7f-1", 200),
    ],
)
def test_bad_ranges_are_refused_or_ignored_never_an_error(server: Server, header: str, status: int) -> None:
    got, headers, body = request(server, "GET", b"/episodes/ep/ep-0123456789ab.mp3", {"Range": header})
    assert got == status
    if status == 416:
        assert headers["Content-Range"] == "bytes */1024"
    elif status == 200:
        assert len(body) == 1024


def test_every_answer_says_nosniff(server: Server) -> None:
    for target in (b"/", b"/episodes/ep", b"/feed.xml", b"/nothing-here"):
        for method in ("GET", "HEAD", "OPTIONS"):
            status, headers, _ = request(server, method, target)
            assert headers.get("X-Content-Type-Options") == "nosniff", (method, target, status)


def test_the_server_listens_on_this_computer_only_by_default(server: Server) -> None:
    address = server._server.socket.getsockname()[0]  # the listening socket itself
    assert address == "127.0.0.1" and server.url.startswith("http://127.0.0.1:")


def test_listening_on_every_address_warns(tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_text("<rss/>")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    outputs = []
    for extra in ([], ["--host", "0.0.0.0"]):
        process = subprocess.Popen(
            [sys.executable, "-m", "narrate", "serve", str(tmp_path), "--port", str(port), *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        try:
            ready = process.stdout.readline()  # type: ignore[union-attr]
            assert ready.startswith(f"Serving {tmp_path} at http://127.0.0.1:{port}/"), ready
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", "/feed.xml")
            assert connection.getresponse().status == 200
            connection.close()
        finally:
            process.terminate()
            process.wait(timeout=10)
        outputs.append(process.stderr.read())  # type: ignore[union-attr]
    default, everywhere = outputs
    assert "warning" not in default
    assert "narrate: warning: listening on 0.0.0.0: other computers can reach the folder" in everywhere


# --- files ------------------------------------------------------------------------------------


def test_temporary_files_have_unpredictable_names_and_are_new(tmp_path: Path) -> None:
    names = {make_temp_file(tmp_path, ".mp3").name for _ in range(20)}
    assert len(names) == 20 and all(n.startswith(TEMP_PREFIX) and n.endswith(".mp3") for n in names)
    assert all((tmp_path / n).stat().st_size == 0 for n in names)


@pytest.mark.parametrize(("umask", "file_mode", "dir_mode"), [(0o022, 0o644, 0o755), (0o077, 0o600, 0o700)])
def test_outputs_follow_the_umask_and_are_never_world_writable(
    tmp_path: Path, fake_preset: Path, umask: int, file_mode: int, dir_mode: int
) -> None:
    article = tmp_path / "a.html"
    article.write_bytes(hostile_page())
    previous = os.umask(umask)
    try:
        report = build([article], out_dir=tmp_path / "out", voice=str(fake_preset), use_cache=False)
    finally:
        os.umask(previous)
    assert report.results[0].ok, report.results[0].error
    modes = {}
    for path in [tmp_path / "out", *(tmp_path / "out").rglob("*")]:
        if path.name.startswith(".narrate-lock"):
            continue  # filelock's own file
        modes[path.relative_to(tmp_path).as_posix()] = path.stat().st_mode & 0o777
    assert not {p: oct(m) for p, m in modes.items() if m & 0o002}
    assert {p: oct(m) for p, m in modes.items() if m != (dir_mode if (tmp_path / p).is_dir() else file_mode)} == {}


@pytest.mark.parametrize(
    "title",
    ["../../etc/passwd", "..", ".", "/etc/passwd", "..\\..\\windows", "a/../../b", "\x00", "~root", "%2e%2e%2f",
     "CON", ".narrate-tmp-x", "..." * 50, "名前/../..", EVIL],
)
def test_slugs_stay_inside_the_output_folder(tmp_path: Path, title: str) -> None:
    slug = make_slug(title)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug), slug
    folder = (tmp_path / "episodes" / slug).resolve()
    assert folder.parent == (tmp_path / "episodes").resolve()


@pytest.mark.parametrize("text", ["../../../etc/passwd", "/etc/passwd", "\x00", EVIL, "x" * 10_000])
def test_cache_paths_are_hashes_never_the_text(tmp_path: Path, text: str) -> None:
    path = ChunkCache(tmp_path).path(cache_key("engine|voice", text))
    assert path.parent.parent == tmp_path and re.fullmatch(r"[0-9a-f]{64}\.flac", path.name), path


# --- bandit ---------------------------------------------------------------------------------------


def test_bandit_is_clean() -> None:
    """bandit over narrate/, every severity and confidence: nothing, except lines that say why they
    are safe with ``# nosec BXXX # reason``, and no blanket ``nosec`` without a test id and a reason.

    All severities, not medium and up: the low ones (assert, random) are few, and an assert used to
    validate input (which the team's style forbids) is exactly what should be seen.
    """
    require_module("bandit")
    result = subprocess.run(
        [sys.executable, "-m", "bandit", "-c", "pyproject.toml", "-r", "narrate", "-f", "json", "-q"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    report = json.loads(result.stdout)
    assert report["errors"] == []
    findings = [f"{r['filename']}:{r['line_number']} {r['test_id']} {r['issue_text']}" for r in report["results"]]
    assert findings == []
    unexplained = []
    for path in _python_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if "nosec" in line and not re.search(r"#\s*nosec B\d{3}(,\s*B\d{3})* # \S.{8,}", line):
                unexplained.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert unexplained == []
