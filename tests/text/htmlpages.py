"""Fixture pages and small page builders shared by the tests of the HTML extraction modules
(narrate.text.html, players, markdown, boilerplate, metadata)."""

from __future__ import annotations

from pathlib import Path

from narrate.text.html import ExtractedPage, extract_html

DATA = Path(__file__).parents[1] / "data" / "html"


def extract(name: str, **kwargs: str) -> ExtractedPage:
    return extract_html((DATA / name).read_bytes(), **kwargs)


def paragraphs(markdown: str) -> list[str]:
    return markdown.split("\n\n")


def story(sentence: str, count: int = 4) -> str:
    """``count`` numbered paragraphs of article prose (enough for trafilatura to take as a body)."""
    return "".join(f"<p>{sentence.format(n=n)}</p>" for n in range(count))


def page(body: str, head: str = "", lang: str = "en") -> str:
    return f"<html lang='{lang}'><head>{head}</head><body><article>{body}</article></body></html>"
