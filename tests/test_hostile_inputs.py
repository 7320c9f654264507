"""A corpus of hostile inputs, each run through the real command line with its expected outcome.

Every case is one row of :data:`CASES`: a name, a category, how to make the input, and what must
happen. There are two outcomes:

- **a one-line error**: exit status 1, exactly one ``narrate: error:`` line on standard error that
  contains the expected text, nothing else but ``narrate:`` lines there, no Python traceback
  anywhere, nothing spoken, and the output folder's earlier episode untouched (its files byte for
  byte, the feed still listing it once and nothing else);
- **an episode**: exit status 0, every new MP3 decodes with ffmpeg to the length its sidecar gives,
  lands inside ``OUT/episodes/`` under a safe name, and is listed once in a feed that feedparser reads
  without complaint and lxml parses as XML; its title round-trips through the feed and the page;
  the earlier episode is still there, untouched.

For every case, whatever the outcome, the fake engine's recorded requests are checked: no request
longer than the engine's ``max_chars``, and no control, format or noncharacter code point in any
(the sidecar's spoken sentences are checked the same way, for ``narrate batch``, whose workers
record in their own processes).

narrate runs as ``python -c`` with the fake engine registered (as ``tests/fakecli.py`` does); the
selected cases are all run first, a few processes at a time (each is mostly Python start-up), then
checked one test each. ``python -m tests.test_hostile_inputs`` prints the table of categories,
counts and outcomes that the README quotes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import json
import os
import random
import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from tests.conftest import IN_CI

ROOT = Path(__file__).resolve().parent.parent
EPISODE = "episode"
MAX_CHARS = 400
"""The fake engine's limit (its default); no request may be longer."""
CALLS_ENV = "NARRATE_TEST_CALLS"
PRIVATE_ENV = "NARRATE_ALLOW_PRIVATE_ADDRESSES"

_RUNNER = f"""
import atexit, json, os, sys
from narrate.engines import register
from tests.fakes import FakeEngine
register(FakeEngine)
def _dump():
    with open(os.environ[{CALLS_ENV!r}], "w", encoding="utf-8") as handle:
        json.dump(FakeEngine.calls, handle)
atexit.register(_dump)
sys.argv[0] = "narrate"
from narrate.cli import main
main()
"""
"""``narrate`` with the fake engine registered, writing every text the engine was asked to speak
to a JSON file when it exits."""

_PARAGRAPHS = [
    "The harbour ferry left the east pier at dawn, carrying eleven passengers and a crate of apples.",
    "By nine the wind had turned, and the crossing took twice as long as the timetable promised.",
    "Nobody complained; the skipper handed out tea and pointed at the seals on the breakwater.",
]
ARTICLE = "\n\n".join(_PARAGRAPHS)
"""A few sentences of ordinary prose, to put hostile things around."""


def _html_page(title: str, body: str = "", head: str = "") -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
        f"<body><article><h1>{title}</h1>{body}{paragraphs}</article></body></html>"
    ).encode()


# --- the table ------------------------------------------------------------------------------------


@dataclass
class Ctx:
    """What a case's maker gets: a folder to write its input into, and the local HTTP server."""

    tmp: Path
    base: str
    """The local server's URL (http://127.0.0.1:PORT)."""

    def write(self, name: str, data: bytes | str) -> str:
        path = self.tmp / "in" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return str(path)

    def config(self, body: str, name: str = "narrate.toml") -> Path:
        """A config file holding ``body``, where ``{voice}`` stands for the corpus's fake voice preset."""
        path = self.tmp / "conf" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
        return path


@dataclass
class Invocation:
    """How narrate is run for a case."""

    args: list[str]
    """What follows the command: the articles, and any options of the case's own."""
    command: str = "build"
    stdin: bytes | None = None
    config: Path | None = None
    """A config file of the case's own instead of the corpus's (which sets the fake voice)."""
    voice: str | None = None
    """A voice preset of the case's own instead of the corpus's."""
    unset_env: tuple[str, ...] = ()


@dataclass
class Outcome:
    """What a run left behind, for a case's own checks."""

    ctx: Ctx
    out: Path
    result: subprocess.CompletedProcess[str]
    calls: list[str]
    new: list[dict]
    """The sidecars (with their details merged in) of the episodes this run added."""


@dataclass(frozen=True)
class Case:
    name: str
    category: str
    make: Callable[[Ctx], Invocation]
    expect: str
    """``EPISODE``, or text the one-line error must contain."""
    check: Callable[[Outcome], None] | None = None
    episodes: int = 1
    """How many episodes the run adds (outcome "episode")."""
    marks: tuple = ()

    @property
    def outcome(self) -> str:
        return "episode" if self.expect == EPISODE else "one-line error"


CASES: list[Case] = []


def case(name: str, category: str, expect: str, *, episodes: int = 1, marks: tuple = ()) -> Callable:
    """Decorator: the function makes the case's input; its docstring says why the outcome is right."""

    def register(make: Callable[[Ctx], Invocation]) -> Callable[[Ctx], Invocation]:
        CASES.append(Case(name, category, make, expect, episodes=episodes, marks=marks))
        return make

    return register


def with_check(name: str) -> Callable:
    """Decorator: attach an extra check to the case called ``name``."""

    def register(check: Callable[[Outcome], None]) -> Callable[[Outcome], None]:
        index = next(i for i, c in enumerate(CASES) if c.name == name)
        CASES[index] = dataclasses.replace(CASES[index], check=check)
        return check

    return register


def build(*articles: str, **kwargs: object) -> Invocation:
    return Invocation(list(articles), **kwargs)  # type: ignore[arg-type]


# --- empty and blank ------------------------------------------------------------------------------

EMPTY = "empty and blank"


@case("empty-file", EMPTY, "is empty (no text to narrate)")
def _(c: Ctx) -> Invocation:
    return build(c.write("empty.txt", b""))


@case("whitespace-only", EMPTY, "is empty (no text to narrate)")
def _(c: Ctx) -> Invocation:
    return build(c.write("blank.txt", b" \n\t\r\n   \n\x0c\n"))


@case("bom-only", EMPTY, "is empty (no text to narrate)")
def _(c: Ctx) -> Invocation:
    return build(c.write("bom.txt", b"\xef\xbb\xbf"))


@case("zero-width-only", EMPTY, "nothing to narrate")
def _(c: Ctx) -> Invocation:
    return build(c.write("zw.txt", "\u200b\u200c\u200d\u2060\n\ufeff\u200b\n".encode()))


@case("stdin-empty", EMPTY, "standard input: is empty")
def _(c: Ctx) -> Invocation:
    return build("-", stdin=b"")


@case("boilerplate-only", EMPTY, "nothing to narrate: every line was removed as boilerplate")
def _(c: Ctx) -> Invocation:
    lines = ["Getting your Trinity Audio player ready...", "|", "Getting your Trinity Audio player ready..."]
    return build(c.write("stub.txt", "\n".join(lines) + "\n"))


@case("markdown-images-only", EMPTY, "nothing to narrate")
def _(c: Ctx) -> Invocation:
    return build(c.write("pictures.md", "![Harbour](a.png)\n\n![Pier](b.jpg)\n\n[![badge](c.svg)](https://ci.example)\n"))


# --- binary data and encodings --------------------------------------------------------------------

ENCODING = "binary and encodings"


@case("binary-random-bytes", ENCODING, "looks like a binary file")
def _(c: Ctx) -> Invocation:
    return build(c.write("noise.txt", random.Random(9).randbytes(8192)))


@case("binary-png-named-txt", ENCODING, "looks like a binary file")
def _(c: Ctx) -> Invocation:
    return build(c.write("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(3).randbytes(2000)))


@case("nul-bytes-in-text", ENCODING, "looks like a binary file")
def _(c: Ctx) -> Invocation:
    return build(c.write("nul.txt", ("Title\n" + ARTICLE).encode().replace(b"ferry", b"fe\x00rry")))


@case("invalid-utf8-high-bytes", ENCODING, "is not text in a supported encoding")
def _(c: Ctx) -> Invocation:
    return build(c.write("high.txt", bytes(range(0x80, 0x100)) * 8 + b" end"))


@case("utf8-mixed-with-cp1252", ENCODING, EPISODE)
def _(c: Ctx) -> Invocation:
    """UTF-8 with Word's cp1252 quotes and dash pasted in: each part read in its own encoding."""
    data = "Café naïve notes\n".encode() + b"He said \x93hello\x94 \x96 and left. " + ARTICLE.encode()
    return build(c.write("mixed.txt", data))


@with_check("utf8-mixed-with-cp1252")
def _(o: Outcome) -> None:
    [record] = o.new
    assert record["title"] == "Café naïve notes"
    assert any("He said “hello” – and left." in chunk["text"] for chunk in record["chunks"])
    assert not re.search("[ÃÂâ]", record["spoken_text"])  # no mojibake


@case("cp1252-only", ENCODING, EPISODE)
def _(c: Ctx) -> Invocation:
    return build(c.write("legacy.txt", "Café “quoted” – naïve\n".encode("cp1252") + ARTICLE.encode()))


@with_check("cp1252-only")
def _(o: Outcome) -> None:
    assert o.new[0]["title"] == "Café “quoted” – naïve"


@case("utf16-without-bom", ENCODING, EPISODE)
def _(c: Ctx) -> Invocation:
    """UTF-16 has a NUL byte beside every ASCII letter, always on the same side: read as UTF-16."""
    return build(c.write("utf16.txt", ("Title\n" + ARTICLE).encode("utf-16-le")))


@case("utf16-be-without-bom", ENCODING, EPISODE)
def _(c: Ctx) -> Invocation:
    return build(c.write("utf16be.txt", ("Título\n" + ARTICLE).encode("utf-16-be")))


@case("utf16-with-bom", ENCODING, EPISODE)
def _(c: Ctx) -> Invocation:
    return build(c.write("utf16bom.txt", ("Wide title\n" + ARTICLE).encode("utf-16")))


@case("utf16-bom-lone-surrogate", ENCODING, "starts with a UTF-16 byte-order mark but is not valid UTF-16")
def _(c: Ctx) -> Invocation:
    return build(c.write("broken16.txt", b"\xff\xfe" + "Title\nText".encode("utf-16-le") + b"\x00\xd8A\x00"))


@case("utf8-bom-then-cp1252", ENCODING, "starts with a UTF-8 byte-order mark but is not valid UTF-8")
def _(c: Ctx) -> Invocation:
    return build(c.write("bom1252.txt", b"\xef\xbb\xbf" + "Café “quoted”\n".encode("cp1252") + ARTICLE.encode()))


@case("html-declares-bogus-charset", ENCODING, EPISODE)
def _(c: Ctx) -> Invocation:
    """A charset no codec knows is ignored; the usual order (UTF-8 here) applies."""
    page = _html_page("Bogus charset page").replace(b"charset='utf-8'", b"charset='x-no-such-charset'")
    return build(c.write("bogus.html", page))


# --- sizes --------------------------------------------------------------------------------------

SIZE = "sizes"


@case("file-50-mb", SIZE, "is larger than 20 MB (50 MB)")
def _(c: Ctx) -> Invocation:
    """Refused from its size alone (a sparse file: nothing is read or written)."""
    path = c.tmp / "in" / "huge.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        handle.truncate(50_000_000)
    return build(str(path))


@case("endless-device", SIZE, "/dev/zero: is larger than 20 MB",
      marks=(pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero"),))
def _(c: Ctx) -> Invocation:
    """A device's size is 0 to stat(): the cap must hold while reading."""
    return build("/dev/zero")


@case("stdin-over-the-cap", SIZE, "standard input: larger than 0.01 MB")
def _(c: Ctx) -> Invocation:
    config = c.config('[build]\nvoice = "{voice}"\n[intake]\nmax_megabytes = 0.01\n')
    return build("-", stdin=b"word " * 5000, config=config)


@case("paragraph-200k-chars-no-punctuation", SIZE, EPISODE)
def _(c: Ctx) -> Invocation:
    """One paragraph of 200,000 characters and not one punctuation mark: split at spaces."""
    rng = random.Random(5)
    words = ["harbour", "ferry", "morning", "water", "pier", "gull", "rope", "deck", "tide", "north"]
    text = " ".join(rng.choice(words) for _ in range(40_000))[:200_000].rstrip()
    assert len(text) > 199_990 and not re.search(r"[.,;:!?]", text)
    fast = c.write("fast.toml", 'engine = "fake"\n[options]\nseconds_per_char = 0.0001\n')  # 20 s of audio
    return build(c.write("long.txt", "Long paragraph\n" + text + "\n"), "--no-cache", voice=fast)


@with_check("paragraph-200k-chars-no-punctuation")
def _(o: Outcome) -> None:
    [record] = o.new
    article_chunks = [ch for ch in record["chunks"] if ch["kind"] == "paragraph"]
    assert len(article_chunks) >= 500
    assert all(len(ch["spoken"]) <= MAX_CHARS for ch in record["chunks"])
    spoken = " ".join(ch["text"] for ch in article_chunks)
    assert spoken.split() == o.ctx.tmp.joinpath("in", "long.txt").read_text().split()[2:]  # no word lost
    assert len(o.calls) >= 500


@case("one-5000-char-word", SIZE, EPISODE)
def _(c: Ctx) -> Invocation:
    """A "word" longer than the engine's limit (a pasted blob) still reaches it in pieces that fit."""
    return build(c.write("blob.txt", "Blob inside\nBefore the blob. " + "x" * 5000 + " after the blob.\n"))


@case("title-5000-chars", SIZE, EPISODE)
def _(c: Ctx) -> Invocation:
    return build(c.write("t.txt", ARTICLE), "--title", " ".join(["Longwinded"] * 455))


@with_check("title-5000-chars")
def _(o: Outcome) -> None:
    [record] = o.new
    assert len(record["title"]) > 4900
    assert len(record["slug"]) <= 60
    assert max(len(p.name) for p in (o.out / "episodes" / record["slug"]).iterdir()) < 120


# --- HTML -------------------------------------------------------------------------------------------

HTML = "HTML"


@case("html-5000-nested-divs", HTML, "no article text found in the page")
def _(c: Ctx) -> Invocation:
    """libxml2 stops building the tree at depth 256, so the text at depth 5000 is not found; no
    RecursionError (an episode would be as good an outcome as this one-line error)."""
    inner = "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
    return build(c.write("deep.html", "<html><body>" + "<div>" * 5000 + inner + "</div>" * 5000 + "</body></html>"))


@case("html-5000-nested-inline-unclosed", HTML, "no article text found in the page")
def _(c: Ctx) -> Invocation:
    return build(c.write("deep2.html", "<html><body><p>Start " + "<b><i>" * 2500 + ARTICLE + "</body></html>"))


@case("html-only-scripts-and-styles", HTML, "no article text found in the page")
def _(c: Ctx) -> Invocation:
    script = "<script>document.write('" + " ".join(_PARAGRAPHS).replace("'", "") + "');</script>"
    return build(c.write("scripts.html", (
        "<html><head><style>p { color: red }</style>" + script + "</head><body>" + script
        + "<style>body { margin: 0 }</style><noscript></noscript></body></html>"
    )))


@case("html-no-article", HTML, "no article text found in the page")
def _(c: Ctx) -> Invocation:
    return build(c.write("nav.html", (
        "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a> <a href='/a'>About</a>"
        "</nav><form><input name=q><button>Search</button></form><footer>© 2024</footer></body></html>"
    )))


@case("html-empty-document", HTML, "no article text found in the page")
def _(c: Ctx) -> Invocation:
    return build(c.write("empty.html", "<html></html>"))


@case("html-tag-soup", HTML, "no article text found in the page")
def _(c: Ctx) -> Invocation:
    return build(c.write("soup.html", "<<<>>><p<p <div <<!-- -- <![CDATA[ ]]> </html></html><body"))


@case("html-10-mb-attribute", HTML, EPISODE)
def _(c: Ctx) -> Invocation:
    blob = "<div data-blob='" + "A" * 10_000_000 + "'>x</div>"
    return build(c.write("attr.html", blob.encode() + _html_page("Big attribute page")))


@case("html-character-references-to-controls", HTML, EPISODE)
def _(c: Ctx) -> Invocation:
    """References to NUL, bell, escape, surrogates, noncharacters, bidi overrides and past Unicode."""
    refs = "&#0;&#7;&#x1b;[2J&#xd800;&#xfffe;&#xffff;&#xfdd0;&#x202e;&#x85;&#99999999;"
    body = "".join(f"<p>{p[:40]}{refs}{p[40:]}</p>" for p in _PARAGRAPHS)
    return build(c.write("refs.html", _html_page(f"Refs{refs} in the title", body=body)))


@with_check("html-character-references-to-controls")
def _(o: Outcome) -> None:
    [record] = o.new
    assert record["title"].startswith("Refs") and record["title"].endswith(" in the title")
    assert not any(_not_speakable(c) for c in record["title"])


@case("html-javascript-canonical-and-file-image", HTML, EPISODE)
def _(c: Ctx) -> Invocation:
    head = (
        "<link rel='canonical' href='javascript:alert(1)'><meta property='og:url' content='javascript:alert(2)'>"
        "<meta property='og:image' content='file:///etc/passwd'>"
    )
    return build(c.write("links.html", _html_page("Hostile links page", head=head)))


@with_check("html-javascript-canonical-and-file-image")
def _(o: Outcome) -> None:
    [record] = o.new
    assert record["url"] is None and record["image"] in (None, "")
    published = [o.out / "feed.xml", o.out / "index.html", o.out / "episodes" / record["slug"] / "index.html"]
    for path in published:
        text = path.read_text(encoding="utf-8")
        assert "javascript:" not in text and "/etc/passwd" not in text, path


# --- scripts, symbols and invisible characters -----------------------------------------------------

TEXT = "scripts and characters"


@case("right-to-left-arabic-hebrew", TEXT, EPISODE)
def _(c: Ctx) -> Invocation:
    text = (
        "مرحبا بالعالم\n"
        "هذا نص عربي قصير عن العبارة في الميناء. غادرت العبارة الرصيف الشرقي عند الفجر.\n\n"
        "שלום עולם. המעבורת יצאה מהמזח המזרחי עם שחר.\n"
    )
    return build(c.write("rtl.txt", text))


@with_check("right-to-left-arabic-hebrew")
def _(o: Outcome) -> None:
    [record] = o.new
    assert record["title"] == "مرحبا بالعالم"
    assert re.fullmatch(r"[a-z0-9-]+", record["slug"])


@case("emoji-and-combining-marks", TEXT, EPISODE)
def _(c: Ctx) -> Invocation:
    title = "Party 🎉 at the pier 👨‍👩‍👧 café"
    text = (
        f"{title}\n"
        "Zalgo t\u0336\u0334e\u0337x\u0338t and cafe\u0301 and flags 🇯🇵🇳🇿 and skin tones 👋🏽.\n\n" + ARTICLE
    )
    return build(c.write("emoji.txt", text))


@with_check("emoji-and-combining-marks")
def _(o: Outcome) -> None:
    [record] = o.new
    assert record["title"].startswith("Party 🎉 at the pier") and record["title"].endswith("café")


@case("control-characters", TEXT, EPISODE)
def _(c: Ctx) -> Invocation:
    """A few control characters (too few to call the file binary), bidi overrides and noncharacters:
    the text is narrated, none of them reaches the engine (the common check)."""
    body = ARTICLE * 4
    data = (
        b"Control\x07 title\x1b[31m here\n"
        + body.encode()
        + b"\n\nHe\x01llo \x1b[0mred\x7f and \xc2\x85 next \xc2\x9b csi \xe2\x80\xa8 ls \xe2\x80\xae rlo"
        + b" \xef\xbf\xbe non \xef\xb7\x90 char \x0bvertical \x0cfeed.\n"
    )
    return build(c.write("ctrl.txt", data))


@with_check("control-characters")
def _(o: Outcome) -> None:
    [record] = o.new
    assert "\x07" not in record["title"] and "\x1b" not in record["title"]


@case("control-characters-in-given-title", TEXT, EPISODE)
def _(c: Ctx) -> Invocation:
    return build(c.write("plain.txt", ARTICLE), "--title", "Bell\x07 and\x01 escape\x1b[2J \u200bhere\u0085 too")


@with_check("control-characters-in-given-title")
def _(o: Outcome) -> None:
    assert o.new[0]["title"] == "Bell and escape[2J here too"


@case("control-characters-in-manifest-title-and-author", TEXT, EPISODE)
def _(c: Ctx) -> Invocation:
    """Straight from a batch manifest: a NUL would split the ID3 author into two, an escape sequence
    would reach the terminal of whoever lists the tags."""
    row = {"path": c.write("plain.txt", ARTICLE), "title": "Ti\x00tle\x07 here\x1b[2J", "author": "Ann\x01 Lee\x00 Jr\x1b]0;x\x07"}
    return Invocation([c.write("manifest.jsonl", json.dumps(row) + "\n"), "--jobs", "1"], command="batch")


@with_check("control-characters-in-manifest-title-and-author")
def _(o: Outcome) -> None:
    from mutagen.id3 import ID3

    [record] = o.new
    assert (record["title"], record["author"]) == ("Title here[2J", "Ann Lee Jr]0;x")
    tags = ID3(o.out / "episodes" / record["slug"] / record["audio"]["file"])
    assert (tags["TIT2"].text, tags["TPE1"].text) == (["Title here[2J"], ["Ann Lee Jr]0;x"])


@case("xml-specials-in-title-line", TEXT, EPISODE)
def _(c: Ctx) -> Invocation:
    return build(c.write("xml.txt", "Tom & Jerry <b>bold</b> \"q\" 's' ]]> end\n" + ARTICLE))


@with_check("xml-specials-in-title-line")
def _(o: Outcome) -> None:
    assert o.new[0]["title"] == "Tom & Jerry <b>bold</b> \"q\" 's' ]]> end"


@case("xml-specials-in-title-and-author", TEXT, EPISODE)
def _(c: Ctx) -> Invocation:
    """Title and author straight from a batch manifest, where no cleaning rule rewrites them."""
    article = c.write("plain.txt", ARTICLE)
    row = {"path": article, "title": XML_TITLE, "author": XML_AUTHOR}
    manifest = c.write("manifest.jsonl", json.dumps(row) + "\n")
    return Invocation([manifest, "--jobs", "1"], command="batch")


XML_TITLE = "Tom & Jerry <script>alert(1)</script> \"quoted\" 'single' ]]> <![CDATA[x]]> &amp; end"
XML_AUTHOR = "O'Brien & <Sons> ]]> \"Ltd\""


@with_check("xml-specials-in-title-and-author")
def _(o: Outcome) -> None:
    from lxml import etree
    from lxml import html as lxml_html
    from mutagen.id3 import ID3

    [record] = o.new
    assert (record["title"], record["author"]) == (XML_TITLE, XML_AUTHOR)
    feed = etree.parse(str(o.out / "feed.xml"))
    [item] = [i for i in feed.iter("item") if i.findtext("guid") == record["guid"]]
    assert item.findtext("title") == XML_TITLE
    assert item.findtext("{http://www.itunes.com/dtds/podcast-1.0.dtd}author") == XML_AUTHOR
    page = lxml_html.parse(str(o.out / "episodes" / record["slug"] / "index.html")).getroot()
    assert not page.xpath("//script[contains(., 'alert')]")
    assert XML_AUTHOR in page.text_content()
    show = lxml_html.parse(str(o.out / "index.html")).getroot()
    assert XML_TITLE in [a.text_content() for a in show.iter("a")]
    tags = ID3(o.out / "episodes" / record["slug"] / record["audio"]["file"])
    assert (str(tags["TIT2"]), str(tags["TPE1"])) == (XML_TITLE, XML_AUTHOR)


# --- titles that are paths or device names, and slugs that collide ---------------------------------

NAMES = "titles and file names"


@case("title-path-traversal", NAMES, EPISODE)
def _(c: Ctx) -> Invocation:
    return build(c.write("plain.txt", ARTICLE), "--title", "../../etc/passwd")


@with_check("title-path-traversal")
def _(o: Outcome) -> None:
    assert o.new[0]["slug"] == "etc-passwd"
    assert o.new[0]["title"] == "../../etc/passwd"


@case("title-windows-path", NAMES, EPISODE)
def _(c: Ctx) -> Invocation:
    return build(c.write("plain.txt", ARTICLE), "--title", "C:\\Windows\\System32\\..\\..\\boot.ini")


@case("titles-windows-reserved-names", NAMES, EPISODE, episodes=4)
def _(c: Ctx) -> Invocation:
    """Windows refuses files and folders named CON, NUL, COM1, AUX… in any case, with any extension."""
    rows = [
        {"path": c.write(f"r{n}.txt", f"{ARTICLE}\n\nArticle number {n}.\n"), "title": title}
        for n, title in enumerate(["CON", "nul", "COM1", "aux.txt"])
    ]
    manifest = c.write("manifest.jsonl", "".join(json.dumps(row) + "\n" for row in rows))
    return Invocation([manifest, "--jobs", "1"], command="batch")


@with_check("titles-windows-reserved-names")
def _(o: Outcome) -> None:
    slugs = sorted(r["slug"] for r in o.new)
    assert slugs == ["aux-txt", "com1-episode", "con-episode", "nul-episode"]
    reserved = re.compile(r"(?i)^(con|prn|aux|nul|com\d|lpt\d)(\.|$)")
    for record in o.new:
        for path in (o.out / "episodes" / record["slug"]).iterdir():
            assert not reserved.match(path.name), path


@case("title-only-dots-and-slashes", NAMES, EPISODE)
def _(c: Ctx) -> Invocation:
    return build(c.write("plain.txt", ARTICLE), "--title", "../..//./")


@with_check("title-only-dots-and-slashes")
def _(o: Outcome) -> None:
    assert o.new[0]["slug"] == "episode"


@case("two-articles-same-slug", NAMES, EPISODE, episodes=2)
def _(c: Ctx) -> Invocation:
    """"Same Title!" and "same title?" slug alike: both episodes are kept, in distinct folders."""
    first = c.write("one/story.txt", "Same Title!\nThe first story has its own words entirely.\n")
    second = c.write("two/story.txt", "same title?\nThe second story says something else again.\n")
    return build(first, second)


@with_check("two-articles-same-slug")
def _(o: Outcome) -> None:
    slugs = sorted(r["slug"] for r in o.new)
    assert slugs == ["same-title", "same-title-2"]
    assert len({r["guid"] for r in o.new}) == 2
    assert len({r["audio"]["file"] for r in o.new}) == 2


@case("same-article-twice", NAMES, EPISODE)
def _(c: Ctx) -> Invocation:
    """One article named twice in one build is one episode, listed once."""
    article = c.write("twice.txt", "Twice told\n" + ARTICLE)
    return build(article, article)


# --- paths that are not article files ----------------------------------------------------------------

PATHS = "paths"


@case("directory-as-article", PATHS, "is a folder, not an article file")
def _(c: Ctx) -> Invocation:
    (c.tmp / "in" / "folder").mkdir(parents=True)
    return build(str(c.tmp / "in" / "folder"))


@case("missing-file", PATHS, "no such file")
def _(c: Ctx) -> Invocation:
    return build(str(c.tmp / "in" / "nowhere.txt"))


@case("symlink-loop", PATHS, "cannot be read (Too many levels of symbolic links)")
def _(c: Ctx) -> Invocation:
    folder = c.tmp / "in"
    folder.mkdir(parents=True)
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    return build(str(folder / "a.txt"))


@case("dangling-symlink", PATHS, "no such file")
def _(c: Ctx) -> Invocation:
    folder = c.tmp / "in"
    folder.mkdir(parents=True)
    (folder / "gone.txt").symlink_to(folder / "deleted-long-ago.txt")
    return build(str(folder / "gone.txt"))


@case("fifo-nothing-writes", PATHS, "is empty (no text to narrate)",
      marks=(pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes"),))
def _(c: Ctx) -> Invocation:
    """A named pipe no program writes to: read as empty, not waited on for ever."""
    folder = c.tmp / "in"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "pipe.txt")
    return build(str(folder / "pipe.txt"))


@case("stdin-named-twice", PATHS, "standard input (-) can only be read once")
def _(c: Ctx) -> Invocation:
    return build("-", "-", stdin=b"Title\n" + ARTICLE.encode())


@case("javascript-url", PATHS, "javascript:alert(1): no such file")
def _(c: Ctx) -> Invocation:
    return build("javascript:alert(1)")


# --- config files and voice presets ------------------------------------------------------------------

CONFIG = "config and voice presets"


@case("config-string-for-number", CONFIG, "[build]: 'bitrate' must be a whole number, not the string 'fast'")
def _(c: Ctx) -> Invocation:
    return build(c.write("a.txt", ARTICLE), config=c.config('[build]\nvoice = "{voice}"\nbitrate = "fast"\n'))


@case("config-unknown-key", CONFIG, "[show]: unknown key 'titel'")
def _(c: Ctx) -> Invocation:
    return build(c.write("a.txt", ARTICLE), config=c.config('[build]\nvoice = "{voice}"\n[show]\ntitel = "Typo"\n'))


@case("config-bad-toml", CONFIG, "not valid TOML (")
def _(c: Ctx) -> Invocation:
    return build(c.write("a.txt", ARTICLE), config=c.config('[build\nvoice = = "{voice}"\n'))


@case("config-not-utf8", CONFIG, "not valid TOML (the file is not UTF-8 text)")
def _(c: Ctx) -> Invocation:
    path = c.config("")
    path.write_bytes('[show]\ntitle = "Caf\xe9"\n'.encode("latin-1"))
    return build(c.write("a.txt", ARTICLE), config=path)


@case("config-nan-number", CONFIG, "[intake]: 'max_megabytes' must be a finite number, not nan")
def _(c: Ctx) -> Invocation:
    return build(c.write("a.txt", ARTICLE), config=c.config('[build]\nvoice = "{voice}"\n[intake]\nmax_megabytes = nan\n'))


@case("config-is-a-folder", CONFIG, "is a folder, not a TOML file")
def _(c: Ctx) -> Invocation:
    (c.tmp / "conf.d").mkdir()
    return build(c.write("a.txt", ARTICLE), config=c.tmp / "conf.d")


@case("config-absurd-timeout", CONFIG, "[intake]: 'timeout' must be at most 86400 seconds (a day)")
def _(c: Ctx) -> Invocation:
    config = c.config('[build]\nvoice = "{voice}"\n[intake]\ntimeout = 1e300\ntotal_timeout = 1e300\n')
    return build(c.base + "/article.html", config=config)


@case("config-show-image-outside-the-folder", CONFIG,
      "'image' must be an http(s) URL or a file inside the output folder, not '/etc/passwd'")
def _(c: Ctx) -> Invocation:
    config = c.config('[build]\nvoice = "{voice}"\n[show]\nimage = "/etc/passwd"\n')
    return build(c.write("a.txt", ARTICLE), config=config)


@case("preset-missing-lexicon", CONFIG, "/in/missing-lexicon.toml does not exist")
def _(c: Ctx) -> Invocation:
    preset = c.write("lex.toml", 'engine = "fake"\nlexicon = "missing-lexicon.toml"\n')
    return build(c.write("a.txt", ARTICLE), voice=preset)


@case("preset-missing-model", CONFIG, "piper model /nonexistent/voice.onnx does not exist",
      marks=(pytest.mark.skipif(not IN_CI and importlib.util.find_spec("piper") is None, reason="piper is not installed"),))
def _(c: Ctx) -> Invocation:
    preset = c.write("piper.toml", 'engine = "piper"\n[options]\nmodel = "/nonexistent/voice.onnx"\n')
    return build(c.write("a.txt", ARTICLE), voice=preset)


@case("preset-file-missing", CONFIG, "does not exist")
def _(c: Ctx) -> Invocation:
    return build(c.write("a.txt", ARTICLE), voice=str(c.tmp / "voices" / "gone.toml"))


# --- URLs -----------------------------------------------------------------------------------------

URLS = "URLs"


@case("url-private-address-refused", URLS, "127.0.0.1 is a private address")
def _(c: Ctx) -> Invocation:
    return build(c.base + "/article.html", unset_env=(PRIVATE_ENV,))


@case("url-localhost-name-refused", URLS, "is a private address")
def _(c: Ctx) -> Invocation:
    return build(c.base.replace("127.0.0.1", "localhost") + "/article.html", unset_env=(PRIVATE_ENV,))


@case("url-link-local-metadata-refused", URLS, "169.254.169.254 is a private address")
def _(c: Ctx) -> Invocation:
    return build("http://169.254.169.254/latest/meta-data/", unset_env=(PRIVATE_ENV,))


@case("url-private-allowed-by-config", URLS, EPISODE)
def _(c: Ctx) -> Invocation:
    config = c.config('[build]\nvoice = "{voice}"\n[intake]\nallow_private_addresses = true\n')
    return build(c.base + "/article.html", config=config, unset_env=(PRIVATE_ENV,))


@case("url-private-allowed-by-flag", URLS, EPISODE)
def _(c: Ctx) -> Invocation:
    return build(c.base + "/article.html", "--allow-private-addresses", unset_env=(PRIVATE_ENV,))


@case("url-redirect-loop", URLS, "redirect loop")
def _(c: Ctx) -> Invocation:
    return build(c.base + "/loop-a")


@case("url-too-many-redirects", URLS, "more than 5 redirects")
def _(c: Ctx) -> Invocation:
    return build(c.base + "/chain/0")


@case("url-redirect-to-file-url", URLS, "redirected to file:///etc/passwd")
def _(c: Ctx) -> Invocation:
    return build(c.base + "/to-file")


@case("url-huge-declared-length", URLS, "larger than 20 MB")
def _(c: Ctx) -> Invocation:
    return build(c.base + "/huge-declared")


@case("url-huge-endless-body", URLS, "larger than 1 MB")
def _(c: Ctx) -> Invocation:
    config = c.config('[build]\nvoice = "{voice}"\n[intake]\nmax_megabytes = 1\n')
    return build(c.base + "/huge-endless", config=config)


@case("url-slow-drip", URLS, "download took longer than 1.5 s")
def _(c: Ctx) -> Invocation:
    """A byte every 0.1 s: each read is quick, the whole download never ends."""
    config = c.config('[build]\nvoice = "{voice}"\n[intake]\ntimeout = 5\ntotal_timeout = 1.5\n')
    return build(c.base + "/drip", config=config)


@case("url-file-scheme", URLS, "only http and https URLs can be fetched, not file")
def _(c: Ctx) -> Invocation:
    return build("file:///etc/passwd")


@case("url-ftp-scheme", URLS, "only http and https URLs can be fetched, not ftp")
def _(c: Ctx) -> Invocation:
    return build("ftp://example.org/article.txt")


@case("url-with-credentials", URLS, EPISODE)
def _(c: Ctx) -> Invocation:
    """Fetched with them, but the user name and password are published nowhere."""
    return build(c.base.replace("http://", "http://reader:s3cr3t-pw@") + "/article.html")


@with_check("url-with-credentials")
def _(o: Outcome) -> None:
    [record] = o.new
    assert record["url"] == o.ctx.base + "/article.html"
    for path in o.out.rglob("*"):
        if path.is_file():
            assert b"s3cr3t-pw" not in path.read_bytes(), path


@case("url-idn-host-that-does-not-resolve", URLS, "cannot connect")
def _(c: Ctx) -> Invocation:
    return build("http://пример.invalid/статья")


@case("url-punycode-host-that-does-not-resolve", URLS, "cannot connect")
def _(c: Ctx) -> Invocation:
    return build("http://xn--e1afmkfd.invalid/")


@case("url-bad-port", URLS, "invalid URL")
def _(c: Ctx) -> Invocation:
    return build("https://example.com:99999/")


# --- the local server ------------------------------------------------------------------------------


def _redirect(location: str) -> Callable[[BaseHTTPRequestHandler], None]:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return route


def _chain(handler: BaseHTTPRequestHandler) -> None:
    step = int(handler.path.rsplit("/", 1)[1])
    _redirect(f"/chain/{step + 1}")(handler)


def _huge_declared(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.send_header("Content-Length", "50000000")
    handler.end_headers()
    handler.wfile.write(b"word " * 1000)


def _huge_endless(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.end_headers()  # no length: the body ends when the server closes (it never would)
    block = b"word " * 13_000
    for _ in range(2000):  # 130 MB at most, should the client not stop reading
        handler.wfile.write(block)


def _drip(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.end_headers()
    stopping = handler.stopping  # type: ignore[attr-defined]
    for _ in range(600):
        handler.wfile.write(b"w")
        handler.wfile.flush()
        if stopping.wait(0.1):
            return


def _routes() -> dict[str, Callable[[BaseHTTPRequestHandler], None]]:
    from tests.localserver import respond

    page = _html_page("Served over HTTP")
    routes = {
        "/article.html": lambda h: respond(h, "text/html; charset=utf-8", page),
        "/loop-a": _redirect("/loop-b"),
        "/loop-b": _redirect("/loop-a"),
        "/to-file": _redirect("file:///etc/passwd"),
        "/huge-declared": _huge_declared,
        "/huge-endless": _huge_endless,
        "/drip": _drip,
    }
    routes.update({f"/chain/{n}": _chain for n in range(50)})
    return routes


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    from tests.localserver import serve

    with serve(_routes()) as base:
        yield base


# --- running narrate ------------------------------------------------------------------------------


@dataclass
class Baseline:
    out: Path
    """An output folder holding one earlier episode; every case starts from a copy of it."""
    preset: Path
    config: Path
    guid: str


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Baseline:
    folder = tmp_path_factory.mktemp("hostile-baseline")
    preset = folder / "fake.toml"
    preset.write_text('engine = "fake"\n[options]\nseconds_per_char = 0.001\n', encoding="utf-8")
    config = folder / "narrate.toml"
    config.write_text(f'[build]\nvoice = "{preset}"\n', encoding="utf-8")
    article = folder / "earlier.txt"
    article.write_text("An earlier episode\n" + ARTICLE + "\n", encoding="utf-8")
    out = folder / "out"
    result, _ = _narrate(["build", str(article), "--out", str(out), "--config", str(config), "-q"], folder)
    assert result.returncode == 0, result.stderr
    [sidecar] = out.glob("episodes/*/episode.json")
    return Baseline(out, preset, config, json.loads(sidecar.read_text(encoding="utf-8"))["guid"])


def _narrate(
    args: list[str], cwd: Path, *, stdin: bytes | None = None, unset_env: tuple[str, ...] = ()
) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """Run narrate (with the fake engine) in a subprocess; its result and the engine's requests."""
    calls_file = cwd / "engine-calls.json"
    env = {
        **os.environ, "PYTHONPATH": str(ROOT), CALLS_ENV: str(calls_file), "COLUMNS": "200",
        "NARRATE_CACHE_DIR": str(cwd / "chunk-cache"),  # never the user's
        PRIVATE_ENV: "1",  # the test server is on 127.0.0.1 (as conftest's autouse fixture sets it)
    }
    for name in unset_env:  # the cases of refused private addresses
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-c", _RUNNER, *args], input=stdin or b"", capture_output=True, cwd=cwd, env=env, check=False,
        timeout=300,
    )
    decoded = subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )
    calls = json.loads(calls_file.read_text(encoding="utf-8")) if calls_file.exists() else []
    return decoded, calls


@dataclass
class Run:
    """One case, run."""

    ctx: Ctx
    out: Path
    before: dict[str, str]
    """The output folder's files before the run (path -> SHA-256)."""
    result: subprocess.CompletedProcess[str]
    calls: list[str]


def _prepare(case: Case, tmp: Path, base: Baseline, server: str) -> tuple[Ctx, Path, dict[str, str], list[str], Invocation]:
    ctx = Ctx(tmp, server)
    invocation = case.make(ctx)
    out = tmp / "out"
    shutil.copytree(base.out, out)
    config = invocation.config or base.config
    if invocation.config is not None and config.is_file():  # a case's config names the corpus's voice as {voice}
        data = config.read_bytes()
        config.write_bytes(data.replace(b"{voice}", str(base.preset).encode()))
    args = [invocation.command, *invocation.args, "--out", str(out), "--config", str(config), "--quiet"]
    if invocation.voice is not None:
        args += ["--voice", invocation.voice]
    return ctx, out, _snapshot(out), args, invocation


@pytest.fixture(scope="module")
def runs(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, baseline: Baseline, server: str
) -> dict[str, Run]:
    """Every selected case, run up front a few at a time (each narrate process is mostly start-up)."""
    from concurrent.futures import ThreadPoolExecutor

    selected = []
    for item in request.session.items:
        case = getattr(getattr(item, "callspec", None), "params", {}).get("case")
        skip = item.get_closest_marker("skipif")
        if isinstance(case, Case) and not (skip and skip.args and skip.args[0]):
            selected.append(case)
    prepared = {c.name: _prepare(c, tmp_path_factory.mktemp(c.name), baseline, server) for c in selected}

    def run(name: str) -> Run:
        ctx, out, before, args, invocation = prepared[name]
        result, calls = _narrate(args, ctx.tmp, stdin=invocation.stdin, unset_env=invocation.unset_env)
        return Run(ctx, out, before, result, calls)

    with ThreadPoolExecutor(max_workers=max(2, min(4, (os.cpu_count() or 2) + 1))) as pool:
        return dict(zip(prepared, pool.map(run, prepared)))


def _records(out: Path) -> dict[str, dict]:
    """Every episode's sidecar, its details merged in, by guid."""
    found = {}
    for path in out.glob("episodes/*/episode.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        data.update(json.loads((path.parent / data["files"]["details"]).read_text(encoding="utf-8")))
        found[data["guid"]] = data
    return found


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _episode_files(snapshot: dict[str, str]) -> dict[str, str]:
    return {name: digest for name, digest in snapshot.items() if name.startswith("episodes")}


def _not_speakable(char: str) -> bool:
    """Control and format characters, surrogates and noncharacters: nothing an engine should get."""
    code = ord(char)
    return unicodedata.category(char) in ("Cc", "Cf", "Cs") or 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


def _check_engine_requests(texts: list[str]) -> None:
    for text in texts:
        assert len(text) <= MAX_CHARS, (len(text), text[:80])
        bad = sorted({f"U+{ord(c):04X}" for c in text if _not_speakable(c)})
        assert not bad, (bad, text[:80])


def _feed_titles(out: Path) -> dict[str, str]:
    """guid -> title of every item in the feed, which must be well-formed XML that feedparser reads
    without complaint and list no guid twice."""
    import feedparser
    from lxml import etree

    data = (out / "feed.xml").read_bytes()
    etree.fromstring(data)  # well-formed, or XMLSyntaxError
    parsed = feedparser.parse(data)
    assert parsed.bozo is False, parsed.get("bozo_exception")
    guids = [entry.id for entry in parsed.entries]
    assert len(guids) == len(set(guids)), guids
    return {entry.id: entry.title for entry in parsed.entries}


def _same_title(shown: str, title: str) -> bool:
    """The feed shortens long titles at a word, with an ellipsis."""
    return shown == title or (shown.endswith("…") and title.startswith(shown[:-1].rstrip()))


def _check_error(case: Case, run: Run, base: Baseline) -> None:
    result = run.result
    assert result.returncode == 1, (result.returncode, result.stderr)
    lines = result.stderr.splitlines()
    errors = [line for line in lines if line.startswith("narrate: error: ")]
    assert len(errors) == 1, result.stderr
    assert case.expect in errors[0], errors[0]
    assert all(line.startswith("narrate: ") for line in lines), result.stderr
    assert run.calls == [], "nothing may be spoken when the article fails"
    assert _episode_files(_snapshot(run.out)) == _episode_files(run.before)
    assert list(_feed_titles(run.out)) == [base.guid]


def _check_episodes(case: Case, run: Run, new: list[dict], base: Baseline) -> None:
    from lxml import html as lxml_html

    from tests.audiocheck import decoded_seconds

    result = run.result
    assert result.returncode == 0, result.stderr
    assert "narrate: error" not in result.stderr
    assert len(new) == case.episodes, [r["slug"] for r in new]
    after = _snapshot(run.out)
    for name, digest in _episode_files(run.before).items():  # the earlier episode, byte for byte
        assert after.get(name) == digest, name
    titles = _feed_titles(run.out)
    assert sorted(titles) == sorted([base.guid, *(r["guid"] for r in new)])
    episodes = (run.out / "episodes").resolve()
    for record in new:
        folder = (run.out / "episodes" / record["slug"]).resolve()
        assert folder.parent == episodes, folder
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", record["slug"]), record["slug"]
        mp3 = folder / record["audio"]["file"]
        assert mp3.stat().st_size == record["audio"]["bytes"]
        assert decoded_seconds(mp3) == pytest.approx(record["audio"]["duration"], abs=0.05)
        assert _same_title(titles[record["guid"]], record["title"]), titles[record["guid"]]
        page = lxml_html.parse(str(folder / "index.html")).getroot()
        [heading] = page.xpath("//h1")
        assert heading.text_content() == record["title"]
        assert page.findtext(".//title").startswith(record["title"])
        _check_engine_requests([s["spoken"] for chunk in record["chunks"] for s in chunk["sentences"]])


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name, marks=c.marks) for c in CASES])
def test_hostile_input(case: Case, runs: dict[str, Run], baseline: Baseline) -> None:
    run = runs[case.name]
    assert "Traceback" not in run.result.stdout + run.result.stderr, run.result.stderr[-3000:]
    _check_engine_requests(run.calls)
    new = [r for guid, r in _records(run.out).items() if guid != baseline.guid]
    if case.expect == EPISODE:
        _check_episodes(case, run, new, baseline)
    else:
        _check_error(case, run, baseline)
    if case.check is not None:
        case.check(Outcome(run.ctx, run.out, run.result, run.calls, new))


def test_the_corpus_covers_every_category() -> None:
    names = [c.name for c in CASES]
    assert len(names) == len(set(names))
    assert len(CASES) >= 40
    counts = summary()
    for category in (EMPTY, ENCODING, SIZE, HTML, TEXT, NAMES, PATHS, CONFIG, URLS):
        assert sum(counts[category].values()) >= 3, category


def summary() -> dict[str, dict[str, int]]:
    """Category -> outcome -> number of cases, in the order of the table."""
    table: dict[str, dict[str, int]] = {}
    for c in CASES:
        row = table.setdefault(c.category, {})
        row[c.outcome] = row.get(c.outcome, 0) + 1
    return table


if __name__ == "__main__":
    print("| category | cases | outcome |\n|---|---:|---|")
    for category, row in summary().items():
        outcomes = ", ".join(f"{n} {name}" for name, n in sorted(row.items()))
        print(f"| {category} | {sum(row.values())} | {outcomes} |")
    print(f"| total | {len(CASES)} | |")


def test_the_readme_table_is_the_corpus() -> None:
    """The README quotes the table of categories, counts and outcomes: it must stay the corpus's own."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for category, row in summary().items():
        outcomes = ", ".join(f"{n} {name}" for name, n in sorted(row.items()))
        assert f"| {category} | {sum(row.values())} | {outcomes} |" in readme, category
    assert f"| **total** | **{len(CASES)}** | |" in readme
