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

__all__ = ["BOX_LANGUAGES", "WORD", "prune_boxes", "prune_inline_boilerplate"]

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


# --------------------------------------------------------------------------------------------
# Boxes named by their markup

BOX_LANGUAGES = frozenset({"es", "fr", "de", "pt", "it"})
"""Languages whose pages lose their small boxes by markup (:func:`prune_boxes`); reviewed on pages in
these languages. English pages keep the extraction measured on the Zyte benchmark."""

_BOX_NAME = re.compile(
    r"(?i)(?:^|[-_\s])(?:paywall\w*|subscri\w*|abo-?(?:box|promo|teaser|wall|banner)|premium-\w+|newsletters?|nl-box"
    r"|byline|signature|dateline|location|authors?|author-\w+|share\w*|social\w*|related\w*|read-?more|recirculation"
    r"|outbrain|taboola|tags?|topics|keywords|comments?|ad|ads|adv|advert\w*|sponsor\w*|cookies?|consent|gdpr"
    r"|didomi|audio-?player|player|tts|listen\w*|podcast-?player)(?:$|[-_\s])"
)
"""Class or id words of the boxes a page puts around an article: paywall and subscription offers,
newsletter sign-ups, bylines and datelines, share bars, related stories, tags, comment counters,
adverts, cookie banners and audio players."""
_BOX_TAGS = ("div", "section", "aside", "p", "ul", "ol", "dl", "header", "footer", "nav", "form")
"""Blocks only: an inline element with such a class (a link to a tag page) sits inside a sentence."""
_RUNNING_TEXT = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "td", "th", "figcaption", "table"}
_MAX_BOX_TEXT = 400
_MAX_BOX_SENTENCE_WORDS = 25
"""A box holds no paragraph of this many words that ends as a sentence does: that is article text."""


def _box_text_is_small(element: HtmlElement) -> bool:
    text = norm_space(element.text_content())
    if len(text) > _MAX_BOX_TEXT:
        return False
    for block in element.iter("p", "div", "li", "span"):
        own = norm_space(block.text_content())
        if len(WORD.findall(own)) >= _MAX_BOX_SENTENCE_WORDS and own.endswith(_SENTENCE_CLOSE):
            return False
    return True


def prune_boxes(tree: HtmlElement) -> None:
    """Remove the small boxes whose class or id names them as boilerplate (a paywall offer, a newsletter
    sign-up, a byline, a share bar, "related" links, an advert's label, an audio player); a container
    with more text than a box has, or a paragraph of article prose, is not such a box and stays."""
    for element in list(tree.iter(*_BOX_TAGS)):
        if element.getparent() is None or any(a.tag in _RUNNING_TEXT for a in element.iterancestors()):
            continue  # dropped with an ancestor already, or a part of a sentence ("<a class='tag'>Madrid</a>")
        names = f"{element.get('class', '')} {element.get('id', '')} {element.get('data-area', '')}"
        if _BOX_NAME.search(names) and _box_text_is_small(element):
            drop_element(element)
