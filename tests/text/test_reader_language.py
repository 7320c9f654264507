"""read_article: the article's language settled before cleaning, from the first source that says it
(the caller, front matter, the page, the config), else detected; declared never overridden."""

from __future__ import annotations

from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from narrate.text.reader import LanguagePolicy, read_article
from narrate.text.rules import rules_for
from tests.localserver import serve

SPANISH = (
    "El ayuntamiento aprobó ayer el nuevo horario de los transbordadores del puerto, que entrará en vigor "
    "la próxima semana.\n\nLos vecinos llevaban meses pidiendo más barcos por la noche, sobre todo en verano, "
    "cuando la ciudad recibe miles de visitantes.\n"
)
ENGLISH = (
    "The council approved the new harbour ferry timetable yesterday, and it comes into force next week.\n\n"
    "Residents had asked for more boats at night for months, above all in summer.\n"
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_detected_from_the_text_when_nothing_declares_it(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "a.txt", SPANISH))
    assert (article.language, article.language_source) == ("es", "detected")


def test_the_callers_language_wins_over_everything(tmp_path: Path) -> None:
    text = "---\nlang: fr\n---\n" + SPANISH
    article = read_article(write(tmp_path, "a.md", text), language=LanguagePolicy(given="pt-br", assumed="it"))
    assert (article.language, article.language_source) == ("pt-BR", "given")


def test_front_matter_is_read_and_never_spoken(tmp_path: Path) -> None:
    text = "---\ntitle: Horarios nuevos\nauthor: Ana Pérez\ndate: 2024-03-12\nlang: es-ES\n---\n" + ENGLISH
    article = read_article(write(tmp_path, "a.md", text))
    assert (article.language, article.language_source) == ("es-ES", "front matter")  # declared: not detected
    assert (article.title, article.author, article.date) == ("Horarios nuevos", "Ana Pérez", "2024-03-12")
    assert "lang" not in article.spoken_text and "---" not in article.spoken_text
    assert [r.rule for r in article.removed[:6]] == ["front-matter"] * 6
    assert article.blocks[0].line == 7  # line numbers still count the file's lines


def test_the_pages_html_lang_is_declared(tmp_path: Path) -> None:
    body = "".join(f"<p>{p}</p>" for p in ENGLISH.split("\n\n"))
    page = f"<html lang='it'><head><title>Orari</title></head><body><article>{body * 3}</article></body></html>"
    article = read_article(write(tmp_path, "a.html", page))
    assert (article.language, article.language_source) == ("it", "page")


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    def spanish_with_header(handler: BaseHTTPRequestHandler) -> None:
        body = SPANISH.encode("utf-8")
        handler.send_response(200)
        handler.send_header("Content-Type", "text/plain; charset=utf-8")
        handler.send_header("Content-Language", "gl-ES, es")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    with serve({"/article": spanish_with_header}) as base:
        yield base


def test_the_content_language_header_is_declared(site: str) -> None:
    article = read_article(f"{site}/article")
    assert (article.language, article.language_source) == ("gl-ES", "page")


def test_the_configs_language_replaces_detection(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "a.txt", ENGLISH), language=LanguagePolicy(assumed="de"))
    assert (article.language, article.language_source) == ("de", "config")


def test_too_short_to_tell_falls_back(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "a.txt", "Ferry at ten.\n"), language=LanguagePolicy(fallback="sv"))
    assert (article.language, article.language_source) == ("sv", "fallback")


def test_the_rules_are_the_languages(tmp_path: Path) -> None:
    asked: list[str | None] = []

    def rules(language: str | None):  # type: ignore[no-untyped-def]
        asked.append(language)
        return rules_for(language)

    read_article(write(tmp_path, "a.txt", SPANISH), rules=rules)
    assert asked == ["es"]
