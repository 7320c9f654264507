"""From a source (file, URL, standard input) to a cleaned :class:`Article`, whatever its format.

Plain text and Markdown go straight to cleaning (a front-matter block is read and taken out first).
HTML goes through main-content extraction first (:mod:`narrate.text.html`: audio-player containers
pruned, trafilatura), whose Markdown is then cleaned by the same rules; the page's own metadata
(title, author, date, site, canonical URL, language, lead image) is preferred to what the text
itself reveals.

The article's language is settled before cleaning, because the cleaning rules are the language's:
the first of the language given by the caller (``--language``, a manifest column), the front
matter's, the page's (``<html lang>``, ``og:locale``, ``Content-Language``), the config's fixed
language, and the language detected from the text. What was declared is never overridden by detection.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..models import Article, Block, RemovedLine
from .clean import clean_text
from .frontmatter import FrontMatter, split_front_matter
from .intake import IntakeLimits, SourceDocument, read_source
from .language import canonical, detect_language
from .rules import LineRule, parse_date, rules_for

FALLBACK_LANGUAGE = "en"
"""The language of an article that declares none and is too short to tell."""

RulesFor = Callable[[str | None], tuple[LineRule, ...]]
"""The cleaning rules for a language (``Config.line_rules``, or :func:`narrate.text.rules.rules_for`)."""


@dataclass(frozen=True)
class LanguagePolicy:
    """How an article's language is settled when the article itself does not declare one."""

    given: str | None = None
    """Said by the caller (``--language``, a manifest column): wins over everything."""
    assumed: str | None = None
    """The config's fixed language (``[build] language``), used instead of detection; None: "auto"."""
    fallback: str = FALLBACK_LANGUAGE
    """When nothing declares one and detection cannot tell."""


def read_article(
    source: str | Path,
    *,
    title: str | None = None,
    rules: tuple[LineRule, ...] | RulesFor = rules_for,
    limits: IntakeLimits = IntakeLimits(),
    stdin: BinaryIO | None = None,
    language: LanguagePolicy = LanguagePolicy(),
) -> Article:
    """Read and clean one article; every failure is an :class:`InputError` naming the source.

    ``rules``: the cleaning rules, or (the default) a function giving them for the article's language.
    """
    document = read_source(source, limits=limits, stdin=stdin)
    return article_from_document(document, title=title, rules=rules, language=language)


def article_from_document(
    document: SourceDocument,
    *,
    title: str | None = None,
    rules: tuple[LineRule, ...] | RulesFor = rules_for,
    language: LanguagePolicy = LanguagePolicy(),
) -> Article:
    label = "standard input" if document.origin == "-" else document.origin
    rules_of: RulesFor = rules if callable(rules) else (lambda _language: rules)  # type: ignore[assignment,return-value]
    try:
        if document.format == "html":
            article = _from_html(document, title, rules_of, language)
        else:
            article = _from_text(document, title, rules_of, language)
    except InputError as exc:
        raise InputError(f"{label}: {exc}") from exc
    article.source = _source_key(document, article)
    article.content_sha256 = document.sha256
    return article


def settle_language(declared: str | None, declared_by: str, text: str, policy: LanguagePolicy) -> tuple[str, str]:
    """The article's language and what said it: "given", ``declared_by`` (e.g. "page"), "config",
    "detected" or "fallback"."""
    for tag, source in ((policy.given, "given"), (declared, declared_by), (policy.assumed, "config")):
        if tag and (found := canonical(tag)):
            return found, source
    detected = detect_language(text)
    if detected is not None:
        return detected.code, "detected"
    return canonical(policy.fallback) or FALLBACK_LANGUAGE, "fallback"


def _from_text(document: SourceDocument, title: str | None, rules: RulesFor, policy: LanguagePolicy) -> Article:
    front = split_front_matter(document.text)
    language, source = settle_language(front.language or document.language, _declared_by(front), front.text, policy)
    article = clean_text(front.text, title=title or front.title, rules=rules(language), format=document.format)
    if front.lines_removed:
        article = _after_front_matter(article, front, document.text)
    if title is None and front.title:
        article.title_source = "found"
    article.language, article.language_source = language, source
    return article


def _declared_by(front: FrontMatter) -> str:
    return "front matter" if front.language else "page"


def _after_front_matter(article: Article, front: FrontMatter, text: str) -> Article:
    """Line numbers counted in the whole file again, the block listed as removed, its metadata used."""
    shift = front.lines_removed
    block_lines = [RemovedLine(n, line, "front-matter") for n, line in enumerate(text.splitlines()[:shift], 1)]
    return replace(
        article,
        blocks=[Block(b.kind, b.text, b.line + shift) for b in article.blocks],
        removed=block_lines + [replace(r, line=r.line + shift) for r in article.removed],
        author=article.author or front.author,
        date=article.date or _iso(front.date),
    )


def _iso(date: str | None) -> str | None:
    return parse_date(date) if date else None


def _from_html(document: SourceDocument, title: str | None, rules: RulesFor, policy: LanguagePolicy) -> Article:
    from .html import extract_html

    page = extract_html(document.data, url=document.url)
    meta = page.metadata
    language, source = settle_language(meta.language or document.language, "page", page.markdown, policy)
    article = clean_text(page.markdown, title=title or meta.title, rules=rules(language), format="markdown")
    if title is None and meta.title:
        article.title_source = "found"
    article = replace(
        article,
        author=meta.author or article.author,
        date=meta.date or article.date,
        site=meta.site or article.site,
        url=meta.url or document.url,
        language=language,
        language_source=source,
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
