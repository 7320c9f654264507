"""Main-content extraction from an HTML page: the article body as light markdown, plus metadata.

The work is trafilatura's; this module drives it and adds what narration needs around it:

1. Audio-player stubs (Trinity Audio, BeyondWords/SpeechKit, Instaread, Amazon Polly, ElevenLabs)
   are removed from the parsed tree *before* extraction, by their markup, their scripts and frames,
   or a block that is a vendor's stub line as a whole (:mod:`narrate.text.players`). Their visible
   text is kept in :attr:`ExtractedPage.pruned` so a caller can report what was taken out.
2. The metadata is read and cleaned (:mod:`narrate.text.metadata`): site suffixes off the title,
   job descriptions and publisher names out of the author, a date taken from the URL when the
   page's own disagrees with it.
3. Before extraction, too, a few kinds of boilerplate that sit inside the article's own markup are
   removed by structure (:mod:`narrate.text.boilerplate`), and on Spanish, French, German,
   Portuguese and Italian pages the small boxes whose markup names them (paywall, newsletter,
   byline, share, related, ad, player).
4. An article body that the page splits into sibling containers of one class (with adverts
   between them) is put back together; trafilatura alone keeps the first part.
5. trafilatura's XML body is turned into markdown narration can use (:mod:`narrate.text.markdown`),
   and a leading title or headline and a leading date line are dropped.

Whole-line boilerplate left in the body ("Advertisement", "Read more: …") is for
:mod:`narrate.text.clean`, which runs on this module's markdown afterwards. The choices here were
measured on the Zyte benchmark sample (``python benchmarks/run.py extract-corpus``).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.settings import Document

from ..errors import InputError
from .boilerplate import BOX_LANGUAGES, WORD, prune_boxes, prune_inline_boilerplate
from .language import primary
from .markdown import Block, body_blocks, drop_comment_sections, norm_space, render
from .metadata import PageMetadata, comparable, page_metadata
from .players import NEVER_PRUNED, drop_element, may_have_players, prune_players

__all__ = ["ExtractedPage", "extract_html"]

NO_ARTICLE = "no article text found in the page"


@dataclass(frozen=True)
class ExtractedPage:
    """The article body of an HTML page, its metadata, and what was pruned before extraction."""

    markdown: str
    """The body only (no title line): paragraphs separated by blank lines, subheadings as
    "## Heading" lines, plain text (no link or image markup)."""
    metadata: PageMetadata
    pruned: list[str]
    """Visible text of each audio-player container removed before extraction, one entry per
    container, in page order ("" for a container without text)."""


_EXTRACT_OPTIONS = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "include_formatting": False,
    "deduplicate": False,
}
"""Chosen by measurement on the Zyte sample (benchmarks/run.py extract-corpus): precision mode and
no comments lift precision without costing recall; tables stay (results tables are content)."""


# --------------------------------------------------------------------------------------------
# Articles split into sibling chunks

_MIN_CHUNK_TEXT = 200
_MIN_CHUNK_PARAGRAPH = 80
_CHUNK_LEVELS = 3
"""How far up from the first paragraph the chunk container is looked for."""
_CHUNK_SPREAD = 2
"""How far above the chunk container the other chunks may branch off."""


def _paragraph_texts(element: etree._Element) -> list[str]:
    return [t for t in (norm_space(p.text_content()) for p in element.iter("p")) if t]


def _split_body(tree: HtmlElement, body: etree._Element) -> list[HtmlElement]:
    """The chunks of an article its page splits into sibling containers of one class.

    Some sites (Condé Nast's: wired.com and others) cut the body into several
    ``<div class="body__container article__body">`` with ads between them; trafilatura keeps the
    first. Found from the first extracted paragraph: an ancestor container (up to three levels up)
    whose tag and class recur close by (sharing an ancestor at most two levels above it), each
    recurrence holding article-like paragraphs the extraction missed. Returns [] when the page is
    not split that way.
    """
    extracted = [t for t in (norm_space(" ".join(p.itertext())) for p in body.iter("p")) if len(t) >= 60]
    if not extracted:
        return []
    first = extracted[0]
    source = next((p for p in tree.iter("p") if norm_space(p.text_content()) == first), None)
    if source is None:
        return []
    seen = " ".join(extracted)
    container = source.getparent()
    for _ in range(_CHUNK_LEVELS):
        if container is None or container.tag in NEVER_PRUNED:
            return []
        cls = container.get("class")
        if container.tag in ("div", "section") and cls:
            scope = container
            for _ in range(_CHUNK_SPREAD):
                scope = scope.getparent() if scope.getparent() is not None else scope
            same = [el for el in scope.iter(container.tag) if el.get("class") == cls]
            others = [
                el
                for el in same
                if el is not container
                and container not in el.iterancestors()
                and el not in container.iterancestors()
            ]
            missing = []
            for el in others:
                texts = [t for t in _paragraph_texts(el) if t not in seen]
                size = sum(map(len, texts))
                if size >= _MIN_CHUNK_TEXT and size / len(texts) >= _MIN_CHUNK_PARAGRAPH:
                    missing.append(el)
            if missing:
                return [container, *missing]
        container = container.getparent()
    return []


def _merge_chunks(tree: HtmlElement, chunks: list[HtmlElement]) -> HtmlElement:
    """A copy of ``tree`` with the chunks' contents moved, in page order, into the first chunk."""
    # found again in the copy by document order (an XPath from getpath() is invalid for tag names
    # such as "x:y" that an HTML parser accepts)
    positions = {id(el): i for i, el in enumerate(tree.iter())}
    wanted = sorted(positions[id(chunk)] for chunk in chunks)
    merged = copy.deepcopy(tree)
    copies = list(merged.iter())
    targets = [copies[i] for i in wanted]
    first = targets[0]
    for other in targets[1:]:
        for child in list(other):
            first.append(child)
        drop_element(other)
    return merged


# --------------------------------------------------------------------------------------------
# The entry point


def _extract(tree: HtmlElement, url: str | None) -> Document | None:
    return trafilatura.bare_extraction(tree, url=url, **_EXTRACT_OPTIONS)


def extract_html(html: str | bytes, *, url: str | None = None) -> ExtractedPage:
    """The article body of an HTML page as markdown, its metadata, and the players pruned from it.

    Raises :class:`~narrate.errors.InputError` ("no article text found in the page") when the page
    has no article text (a login form, navigation only, an empty document).
    """
    if not html.strip():
        raise InputError(NO_ARTICLE)
    html = _drop_unparsable_references(html)
    try:
        tree = trafilatura.load_html(html)
    except (TypeError, ValueError):
        tree = None
    if tree is None:
        raise InputError(NO_ARTICLE)
    pruned = prune_players(tree) if may_have_players(html) else []
    # metadata before the inline pruning: a byline is often a link-only paragraph
    page_info = trafilatura.extract_metadata(copy.deepcopy(tree), default_url=url)
    metadata = page_metadata(tree, page_info, url)
    prune_inline_boilerplate(tree)
    if metadata.language and primary(metadata.language) in BOX_LANGUAGES:
        prune_boxes(tree)
    document = _extract(tree, url)  # trafilatura works on a copy of the tree
    if document is None:
        raise InputError(NO_ARTICLE)
    body = document.body
    chunks = _split_body(tree, body)
    if chunks:
        whole = _extract(_merge_chunks(tree, chunks), url)
        if whole is not None and len(" ".join(whole.body.itertext())) > len(" ".join(body.itertext())):
            body = whole.body
    blocks = drop_comment_sections(body_blocks(body))
    blocks = _drop_leading(blocks, [metadata.title, page_info.title], metadata.date)
    if not _has_article_text(blocks):
        raise InputError(NO_ARTICLE)
    return ExtractedPage(markdown=render(blocks), metadata=metadata, pruned=pruned)


_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
_REFERENCE_BYTES = re.compile(_REFERENCE.pattern.encode("ascii"))


def _unparsable(code: int) -> bool:
    """Code points whose character references make libxml2 give up on the rest of the page: C0
    controls other than tab and line breaks (a form feed too: lxml refuses it in a tail), DEL, surrogates, and numbers past Unicode; and U+FFFE and
    U+FFFF, which XML cannot hold, so that trafilatura gives up on the whole article."""
    return (
        (0 < code < 0x20 and code not in (0x09, 0x0A, 0x0D)) or code == 0x7F or 0xD800 <= code <= 0xDFFF
        or code > 0x10FFFF or code in (0xFFFE, 0xFFFF)
    )


def _drop_unparsable_references(html: str | bytes) -> str | bytes:
    """Remove references such as ``&#27;`` (escape) or ``&#7;`` (bell): they stand for nothing
    speakable, and libxml2 drops everything after the first one ("no article text found")."""
    if isinstance(html, bytes):
        return _REFERENCE_BYTES.sub(lambda m: b"" if _unparsable(_code_point(m)) else m.group(0), html)
    return _REFERENCE.sub(lambda m: "" if _unparsable(_code_point(m)) else m.group(0), html)


def _code_point(match: re.Match[str] | re.Match[bytes]) -> int:
    hex_digits, decimal = match.group(1), match.group(2)
    return int(hex_digits, 16) if hex_digits else int(decimal)


_MIN_ARTICLE_WORDS = 20
_MIN_PARAGRAPH_WORDS = 8


def _has_article_text(blocks: list[Block]) -> bool:
    """At least a few sentences' worth: 20 words of paragraphs, one of them 8 words or more. What
    trafilatura finds on a login form or a navigation-only page ("Home Help") is less."""
    counts = [len(WORD.findall(b.text)) for b in blocks if not b.heading]
    return sum(counts) >= _MIN_ARTICLE_WORDS and max(counts, default=0) >= _MIN_PARAGRAPH_WORDS


_LEADING = 3
"""How many blocks at the top are checked for a repeated title, a page headline or a date line."""


def _is_date_line(text: str, iso_date: str | None) -> bool:
    """A short line that only gives the article's date ("Monday, 18 November 2019, 10:13")."""
    if not iso_date:
        return False
    year, _, day = iso_date.split("-")
    tokens = re.findall(r"\w+", text)
    return (
        len(tokens) <= 12
        and year in tokens
        and str(int(day)) in {t.lstrip("0") for t in tokens}
        and not text.rstrip().endswith((".", "!", "?"))
    )


def _drop_leading(blocks: list[Block], titles: list[str | None], iso_date: str | None) -> list[Block]:
    """Leave out, among the first blocks, the page's title or headline (<h1>) and a bare date line."""
    keys = {comparable(t) for t in titles if t}
    keys.discard("")
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        if index < _LEADING and (
            comparable(block.text) in keys
            or (block.heading and block.level == 1)
            or (not block.heading and _is_date_line(block.text, iso_date))
        ):
            continue
        kept.append(block)
    return kept
