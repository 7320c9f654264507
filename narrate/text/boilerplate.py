"""Inline boilerplate, removed from an HTML page's tree by its structure before extraction.

Some boilerplate sits inside the article's own markup, where trafilatura keeps it: hover cards
inside a sentence, short link-only "teaser" paragraphs ("SEE MORE: <a>…</a>") with their label, and
lists made mostly of them. Unlike audio players, what is removed here is not reported. Whole-line
boilerplate left in the body ("Advertisement", "Read more: …") is for :mod:`narrate.text.clean`.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from .markdown import norm_space
from .players import drop_element

__all__ = ["WORD", "prune_inline_boilerplate"]

_HOVER_CARD = etree.XPath(
    "//p//*[contains(@class, 'rollover') or contains(@class, 'tooltip') or contains(@class, 'popover')"
    " or contains(@class, 'hovercard') or contains(@class, 'hover-card')][count(.//a) >= 2]"
)
"""Pop-up cards inside a paragraph (thehill.com's "rollover-people-block" lists a politician's
latest stories inside the sentence that names them): hidden by CSS, but text to an extractor.
The innermost match goes: the name the card pops up from stays in the sentence."""

WORD = re.compile(r"\w+")
_URL_TEXT = re.compile(r"(?i)^(?:https?://|www\.)\S+$|^[\w\-]+(?:\.[\w\-]+)+(?:/\S*)?$")
_MAX_LINK_LINE_WORDS = 40
_SENTENCE_CLOSE = (".", "!", "?", '."', ".”", "?”", "!”", ".'")
_LINK_SHARE = 0.8
_MAX_LABEL_WORDS = 3
"""Unlinked words a teaser may have around its link ("READ MORE:", "[VIDEO]")."""


def _link_only(paragraph: HtmlElement) -> bool:
    """A short paragraph that is (nearly) all link text and not a sentence: a teaser for another story
    ("SEE MORE: …", "Related: …", an all-caps headline), not part of this one."""
    if paragraph.find(".//a") is None:
        return False
    text = norm_space(paragraph.text_content())
    words = WORD.findall(text)
    if not words or len(words) > _MAX_LINK_LINE_WORDS or text.endswith(_SENTENCE_CLOSE):
        return False
    links = [norm_space(a.text_content()) for a in paragraph.iter("a")]
    if any(_URL_TEXT.match(link) for link in links):  # a printed address is content
        return False
    linked = sum(len(WORD.findall(link)) for link in links)
    share = linked / len(words)
    return share >= _LINK_SHARE or (share >= 0.5 and len(words) - linked <= _MAX_LABEL_WORDS)


_LINK_LIST_SHARE = 0.6


def prune_inline_boilerplate(tree: HtmlElement) -> None:
    """Remove pop-up cards inside paragraphs, link-only teaser paragraphs (outside tables, lists and quotes)
    and lists made mostly of link-only items ("More great stories", navigation)."""
    cards = _HOVER_CARD(tree)
    inner = {id(a) for card in cards for a in card.iterancestors()}
    for card in cards:
        if id(card) not in inner:
            drop_element(card)
    for paragraph in list(tree.iter("p")):
        if any(a.tag in ("table", "li", "blockquote", "figure", "figcaption") for a in paragraph.iterancestors()):
            continue
        if _link_only(paragraph):
            _drop_with_label(paragraph)
    for lst in list(tree.iter("ul", "ol")):
        if lst.getparent() is None or any(a.tag == "table" for a in lst.iterancestors()):
            continue
        items = lst.findall("li")
        if len(items) >= 2 and sum(map(_link_only, items)) >= _LINK_LIST_SHARE * len(items):
            _drop_with_label(lst)


_MAX_LABEL_LINE_WORDS = 4


def _drop_with_label(element: HtmlElement) -> None:
    """Drop a teaser block and the label just before it ("DON'T MISS", "Related stories:")."""
    previous = element.getprevious()
    if previous is not None and previous.tag in ("p", "h2", "h3", "h4", "h5", "h6", "div", "span", "strong"):
        label = norm_space(previous.text_content())
        if (
            label
            and len(label.split()) <= _MAX_LABEL_LINE_WORDS
            and not (previous.tail or "").strip()
            and previous.find(".//a") is None
            and (label.endswith(":") or (label.isupper() and not label.endswith((".", "!", "?"))))
        ):
            drop_element(previous)
    drop_element(element)
