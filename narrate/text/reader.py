"""From a source (file, URL, standard input) to a cleaned :class:`Article`, whatever its format.

Plain text and Markdown go straight to cleaning. HTML goes through main-content extraction first
(:mod:`narrate.text.html`: audio-player containers pruned, trafilatura), whose Markdown is then cleaned
by the same rules; the page's own metadata (title, author, date, site, canonical URL, language,
lead image) is preferred to what the text itself reveals.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..models import Article, RemovedLine
from .clean import clean_text
from .intake import IntakeLimits, SourceDocument, read_source
from .rules import DEFAULT_RULES, LineRule


def read_article(
    source: str | Path,
    *,
    title: str | None = None,
    rules: tuple[LineRule, ...] = DEFAULT_RULES,
    limits: IntakeLimits = IntakeLimits(),
    stdin: BinaryIO | None = None,
) -> Article:
    """Read and clean one article; every failure is an :class:`InputError` naming the source."""
    document = read_source(source, limits=limits, stdin=stdin)
    return article_from_document(document, title=title, rules=rules)


def article_from_document(
    document: SourceDocument, *, title: str | None = None, rules: tuple[LineRule, ...] = DEFAULT_RULES
) -> Article:
    label = "standard input" if document.origin == "-" else document.origin
    try:
        if document.format == "html":
            article = _from_html(document, title, rules)
        else:
            article = clean_text(document.text, title=title, rules=rules, format=document.format)
    except InputError as exc:
        raise InputError(f"{label}: {exc}") from exc
    article.source = _source_key(document, article)
    article.content_sha256 = document.sha256
    return article


def _from_html(document: SourceDocument, title: str | None, rules: tuple[LineRule, ...]) -> Article:
    from .html import extract_html

    page = extract_html(document.data, url=document.url)
    meta = page.metadata
    article = clean_text(page.markdown, title=title or meta.title, rules=rules, format="markdown")
    if title is None and meta.title:
        article.title_source = "found"
    article = replace(
        article,
        author=meta.author or article.author,
        date=meta.date or article.date,
        site=meta.site or article.site,
        url=meta.url or document.url,
        language=meta.language,
        image=meta.image,
        removed=[RemovedLine(0, text, "player-container") for text in page.pruned if text] + article.removed,
        html=document.text,
    )
    return article


def _source_key(document: SourceDocument, article: Article) -> str:
    """What identifies the article across builds: its file, its URL, or (standard input) its title."""
    if document.path is not None:
        return str(document.path)
    if document.url is not None:
        return article.url or document.url
    return f"stdin:{article.title}"
