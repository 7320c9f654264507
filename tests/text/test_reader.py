"""read_article: every kind of source (text, Markdown, HTML file, URL, standard input) to an Article,
and every kind of bad source to a one-line error naming it."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from narrate.errors import InputError
from narrate.models import BlockKind
from narrate.text.fetch import FetchLimits
from narrate.text.intake import IntakeLimits
from narrate.text.reader import read_article
from tests.localserver import never_answers, respond, serve

HTML_DIR = Path(__file__).parents[1] / "data" / "html"
TRINITY = (HTML_DIR / "trinity.html").read_bytes()
MARKDOWN = """# Night Ferries Return

By Mara Okafor

*5 March 2024*

The **night ferries** are back on the [harbour timetable](https://example.org/timetable) from Monday.

Listen to this article

## What changes

Boats leave every forty minutes after ten.
"""


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    routes = {
        "/article": lambda h: respond(h, "text/html; charset=utf-8", TRINITY),
        "/plain": lambda h: respond(h, "text/plain", b"The ferry runs late.\nIt always has.\n"),
        "/doc.pdf": lambda h: respond(h, "application/pdf", b"%PDF-1.4\n" + bytes(64)),
        "/photo.png": lambda h: respond(h, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
        "/slow": never_answers,
    }
    with serve(routes) as base:
        yield base


def test_plain_text_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Ferry Saved\nBy Ana Lee\nThe council voted on Monday.\n", encoding="utf-8")
    article = read_article(path)
    assert (article.title, article.author, article.source) == ("Ferry Saved", "Ana Lee", str(path.resolve()))
    assert len(article.content_sha256) == 64


def test_markdown_file(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    article = read_article(path)
    assert (article.title, article.title_source) == ("Night Ferries Return", "found")
    assert article.author == "Mara Okafor" and article.date == "2024-03-05"
    assert article.sections == ["What changes"]
    assert article.blocks[0].text == "The night ferries are back on the harbour timetable from Monday."
    assert "Listen to this article" not in article.spoken_text
    assert "player-stub" in {r.rule for r in article.removed}


def test_markdown_sniffed_from_standard_input() -> None:
    article = read_article("-", stdin=io.BytesIO(MARKDOWN.encode()))
    assert article.title == "Night Ferries Return"
    assert article.source == "stdin:Night Ferries Return"


def test_html_file_with_a_player(tmp_path: Path) -> None:
    article = read_article(HTML_DIR / "trinity.html")
    assert article.title == "Night ferries return to the harbour timetable"
    assert article.author == "Mara Okafor" and article.date == "2024-03-05"
    assert "Trinity" not in article.spoken_text and "player ready" not in article.spoken_text
    assert any(r.rule == "player-container" for r in article.removed)
    assert any(b.kind is BlockKind.HEADING for b in article.blocks)


def test_html_by_url(site: str) -> None:
    article = read_article(f"{site}/article")
    assert article.title == "Night ferries return to the harbour timetable"
    assert article.url is not None and article.url.startswith(site)
    assert article.source == article.url
    assert "player ready" not in article.spoken_text


def test_plain_text_by_url(site: str) -> None:
    article = read_article(f"{site}/plain")
    assert article.spoken_text == "The ferry runs late.\n\nIt always has."
    assert article.source == f"{site}/plain"


QUICK = IntakeLimits(max_bytes=20_000_000, fetch=FetchLimits(timeout=0.5, total_timeout=2.0))


@pytest.mark.parametrize(
    "path, message",
    [
        ("/missing", "{url}: HTTP 404 Not Found"),
        ("/doc.pdf", "{url}: is a PDF document (application/pdf), not an article"),
        ("/photo.png", "{url}: is an image (image/png), not an article"),
        ("/slow", "{url}: no answer within 0.5 s"),
    ],
)
def test_bad_urls_are_one_line_errors(site: str, path: str, message: str) -> None:
    url = site + path
    with pytest.raises(InputError) as caught:
        read_article(url, limits=QUICK)
    assert str(caught.value) == message.format(url=url)


def test_page_without_an_article() -> None:
    path = HTML_DIR / "login.html"
    with pytest.raises(InputError) as caught:
        read_article(path)
    assert str(caught.value) == f"{path}: no article text found in the page"


def test_file_over_the_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("The ferry runs late. " * 100, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_article(path, limits=IntakeLimits(max_bytes=1000))
    assert str(caught.value) == f"{path}: is larger than 0.001 MB (0.0021 MB)"


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 4)
    with pytest.raises(InputError) as caught:
        read_article(path)
    assert str(caught.value) == f"{path}: is not text in a supported encoding (UTF-8, UTF-16 with BOM, or cp1252)"


def test_standard_input_over_the_cap() -> None:
    with pytest.raises(InputError, match="^standard input: larger than 0.0001 MB$"):
        read_article("-", stdin=io.BytesIO(b"x" * 500), limits=IntakeLimits(max_bytes=100))
