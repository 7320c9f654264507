"""Main-content extraction from an HTML page: the article body as light markdown, plus metadata.

The work is trafilatura's; this module adds what narration needs around it:

1. Audio-player widgets (Trinity Audio, BeyondWords/SpeechKit, Instaread, Amazon Polly, ElevenLabs)
   are removed from the parsed tree *before* extraction, by their markup, never by their text. Their
   visible text is kept in :attr:`ExtractedPage.pruned` so a caller can report what was taken out.
2. trafilatura's XML body is turned into markdown narration can use: one paragraph per block,
   blank lines between them, subheadings as ``## Heading`` lines, no link or image markup, text
   escaped so that it parses back as itself. Comment-section headings ("0 Comments", "Loading
   comments...") that trafilatura keeps as section headings are dropped (with the comment section
   after them), and so are a leading title or headline and a leading date line.
3. Before extraction, too, a few kinds of boilerplate that sit inside the article's own markup are
   removed by structure: hover cards inside a sentence, short link-only "teaser" paragraphs
   ("SEE MORE: <a>…</a>") with their label, and lists made mostly of them.
4. An article body that the page splits into sibling containers of one class (with adverts
   between them) is put back together; trafilatura alone keeps the first part.
5. The metadata is cleaned: site suffixes off the title, job descriptions and publisher names out
   of the author, a date taken from the URL when the page's own disagrees with it.

Whole-line boilerplate left in the body ("Advertisement", "Read more: …") is for
:mod:`narrate.text.clean`, which runs on this module's markdown afterwards. The choices here were
measured on the Zyte benchmark sample (``python benchmarks/run.py extract-corpus``).
"""

from __future__ import annotations

import copy
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin, urlsplit

import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.settings import Document

from ..errors import InputError

__all__ = [
    "ExtractedPage",
    "PageMetadata",
    "clean_author",
    "clean_title",
    "extract_html",
    "prune_inline_boilerplate",
    "prune_players",
]

NO_ARTICLE = "no article text found in the page"


@dataclass(frozen=True)
class PageMetadata:
    """What the page says about itself. Every field is None when the page does not say."""

    title: str | None
    """The headline, without a " | Site" / " - Site" / " — Site" suffix or "Site | " prefix."""
    author: str | None
    """Person names only: no job descriptions, publisher names or "Admin"/"Staff" placeholders;
    several authors joined as "A and B" / "A, B and C"."""
    date: str | None
    """Publication date, ISO 8601 (YYYY-MM-DD)."""
    site: str | None
    """The site's name, without a tagline."""
    url: str | None
    """The canonical URL (link rel=canonical, og:url), absolute."""
    language: str | None
    """Primary language subtag, lower case ("en"), from <html lang> or the page's metadata."""
    image: str | None
    """The lead image (og:image), absolute."""


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


# --------------------------------------------------------------------------------------------
# Audio players, removed by their markup before extraction

_CLASS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"
"""XPath test for one whole class name (CSS ``.name``)."""

PLAYER_XPATHS: tuple[tuple[str, str], ...] = (
    # Trinity Audio. The WordPress plugin (wordpress.org/plugins/trinity-audio, trinity-audio.php,
    # trinity_content_filter) wraps the player in
    #   <table id="trinity-audio-table"><tr><td id="trinity-audio-tab">
    #     <div id="trinity-audio-player-label">{label}</div>
    #     <div class='trinityAudioPlaceholder' data-trinity-mount-date=…>
    #       <div class='trinity-tts-pb' dir='ltr'><strong>Getting your <a href='//trinityaudio.ai'>Trinity
    #       Audio</a> player ready...</strong></div></div></td></tr></table>
    # and the script integration guide uses the same trinityAudioPlaceholder / trinity-tts-pb markup
    # without the table. trafilatura renders the table as "| Getting your Trinity Audio player ready... |".
    (
        "Trinity Audio",
        "//*[@id='trinity-audio-table' or starts-with(@id, 'trinity-audio')"
        " or contains(@class, 'trinity') or @data-trinity-mount-date]",
    ),
    # BeyondWords, formerly SpeechKit. WordPress plugin (beyondwords-io/wordpress-plugin): the editor
    # inserts <div data-beyondwords-player="true" contenteditable="false"></div>, the JS SDK
    # (beyondwords-io/player, Player constructor) adds the classes "beyondwords-player bwp" to its
    # target, and the Ghost integration (beyondwords-io/ghost-helper) mounts <div id="beyondwords-player">.
    # Older SpeechKit embeds: <div id="speechkit-player">, <amp-iframe id="speechkit-io-iframe">,
    # and sites wrapping them in <div class="speechkit-wrapper"> (foxnews.com).
    (
        "BeyondWords",
        "//*[@*[starts-with(name(), 'data-beyondwords')] or starts-with(@id, 'beyondwords-player')"
        f" or {_CLASS.format('beyondwords-player')} or {_CLASS.format('bwp')}"
        " or starts-with(@id, 'speechkit-') or contains(@class, 'speechkit')]",
    ),
    # Instaread. The web component <instaread-player publication=… class="instaread-player">
    # <div class="instaread-audio-player"><iframe id="instaread_iframe" title="Audio Article">, the
    # WordPress plugin's <div class="instaread-player-slot">, and <div id="instaread-player"> embeds.
    (
        "Instaread",
        "//instaread-player | //*[starts-with(@id, 'instaread') or contains(@class, 'instaread')]",
    ),
    # Amazon Polly. The AWS WordPress plugin (wordpress.org/plugins/amazon-polly,
    # Amazonpolly_Public::content_filter) writes
    #   <table id="amazon-polly-audio-table"><tr><td id="amazon-polly-audio-tab">
    #     <div id="amazon-ai-player-label">{label}</div>   (older versions: id="amazon-polly-label-tab")
    #     <div id="amazon-ai-player-container"><audio class="amazon-ai-player" …></div>
    #     <div id="amazon-polly-by-tab"><a href="https://aws.amazon.com/polly/"><img alt="Voiced by
    #     Amazon Polly"></a></div></td></tr></table>
    # and <div id="amazon-polly-coming-soon"> while the audio is being made.
    (
        "Amazon Polly",
        "//*[starts-with(@id, 'amazon-polly') or starts-with(@id, 'amazon-ai-player')"
        " or contains(@class, 'amazon-polly') or contains(@class, 'amazon-ai-player')]",
    ),
    # ElevenLabs AudioNative. The embed snippet (ElevenLabs docs, "Audio Native"):
    #   <div id="elevenlabs-audionative-widget" data-height="90" data-width="100%" data-publicuserid=…
    #     data-playerurl="https://elevenlabs.io/player/index.html">Loading the <a
    #     href="https://elevenlabs.io/text-to-speech">Elevenlabs Text to Speech</a> AudioNative Player...</div>
    # plus the <elevenlabs-audionative-widget> element form and data-elevenlabs-* attributes.
    (
        "ElevenLabs",
        "//elevenlabs-audionative-widget | //*[starts-with(@id, 'elevenlabs')"
        " or @*[starts-with(name(), 'data-elevenlabs')] or contains(@class, 'elevenlabs')]",
    ),
)

_PLAYER_XPATH = etree.XPath(" | ".join(xpath for _, xpath in PLAYER_XPATHS))
_PLAYER_MARKERS = (
    "trinity", "beyondwords", "bwp", "speechkit", "instaread", "amazon-polly", "amazon-ai-player", "elevenlabs"
)
"""Substrings every player's markup contains: a page without any of them is not searched."""
_NEVER_PRUNED = {"html", "head", "body", "main", "article"}
_MAX_PLAYER_TEXT = 600
"""A matching element with more visible text than this is a wrapper around the article (a theme
adding a "trinity-enabled" class to the post, say), not a player: it stays, and the players
inside it are looked for one by one."""
_INVISIBLE = {"script", "style", "template", "noscript"}


def _visible_text(element: HtmlElement) -> str:
    parts: list[str] = []

    def walk(el: HtmlElement) -> None:
        if isinstance(el.tag, str) and el.tag.lower() in _INVISIBLE:
            return
        if isinstance(el.tag, str) and el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return " ".join(" ".join(parts).split())


def drop_element(element: etree._Element) -> None:
    """Remove an element and its subtree, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _may_have_players(html: str | bytes) -> bool:
    if isinstance(html, bytes):
        lowered = html.lower()
        return any(marker.encode() in lowered for marker in _PLAYER_MARKERS)
    lowered = html.lower()
    return any(marker in lowered for marker in _PLAYER_MARKERS)


def find_players(tree: etree._Element) -> list[etree._Element]:
    """The audio-player containers in ``tree`` (:data:`PLAYER_XPATHS`), outermost matches only (a
    Trinity placeholder inside its table counts once); an element with more visible text than a
    player has is a wrapper around the article, not a player, and is left out."""
    chosen: list[etree._Element] = []
    chosen_ids: set[int] = set()
    for element in _PLAYER_XPATH(tree):
        if not isinstance(element.tag, str) or element.tag.lower() in _NEVER_PRUNED:
            continue
        if any(id(ancestor) in chosen_ids for ancestor in element.iterancestors()):
            continue
        if len(_visible_text(element)) > _MAX_PLAYER_TEXT:
            continue
        chosen.append(element)
        chosen_ids.add(id(element))
    return chosen


def prune_players(tree: HtmlElement) -> list[str]:
    """Remove every audio-player container from ``tree``; return the visible text of each."""
    chosen = find_players(tree)
    texts = [_visible_text(element) for element in chosen]
    for element in chosen:
        drop_element(element)
    return texts


# --------------------------------------------------------------------------------------------
# trafilatura's XML body -> markdown

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

_SPACE = re.compile(r"\s+")
_INVISIBLE_CHARS = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_SENTENCE_END = tuple(".!?:;…\"”’)]")
_CONTAINERS = {"body", "div", "list", "quote", "cell", "article", "section", "main", "doc"}
_BLOCK_TAGS = {"head", "p", "list", "quote", "table"}


def _norm_space(text: str) -> str:
    text = _INVISIBLE_CHARS.sub("", text.replace("\u00a0", " "))
    return _SPACE.sub(" ", text).strip()


@dataclass
class _Block:
    heading: bool
    text: str
    level: int = 0
    """For a heading, its level in the page (1 for <h1>), 0 when unknown."""


_BREAKS = {"lb", "p", "item", "head", "row", "cell", "list", "quote"}


def _inline_text(element: etree._Element) -> str:
    """All text of an element, lines (<lb/>) and nested blocks run together with spaces."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag != "graphic":
            gap = " " if child.tag in _BREAKS else ""
            parts += [gap, _inline_text(child), gap]
        parts.append(child.tail or "")
    return "".join(parts)


def _row_text(cells: list[etree._Element]) -> str:
    """A table row as one line: its cells' text joined by commas."""
    out = ""
    for text in (_norm_space(_inline_text(cell)) for cell in cells):
        if text:
            out += (" " if out.endswith((",", ";", ":", ".")) else ", ") if out else ""
            out += text
    return out


def _paragraph_lines(element: etree._Element) -> Iterator[str]:
    """A paragraph's text, split at line breaks that end a sentence or start a new line of text."""
    current: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            before = _norm_space("".join(current))
            after = _norm_space(child.tail or "")
            if before and (before.endswith(_SENTENCE_END) or not after or after[:1].isupper() or after[:1].isdigit()):
                yield before
                current = [child.tail or ""]
                continue
            current.append(" ")
        elif child.tag != "graphic":
            current.append(_inline_text(child))
        current.append(child.tail or "")
    text = _norm_space("".join(current))
    if text:
        yield text


def _blocks(body: etree._Element) -> list[_Block]:
    blocks: list[_Block] = []

    def add(text: str, heading: bool = False, level: int = 0) -> None:
        text = _norm_space(text)
        if text:
            blocks.append(_Block(heading, text, level))

    def walk(element: etree._Element) -> None:
        tag = element.tag
        if tag == "head":
            rend = element.get("rend") or ""
            add(_inline_text(element), heading=True, level=int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 0)
        elif tag == "table":
            for row in (r for r in element if r.tag == "row"):
                cells = [c for c in row if c.tag == "cell"]
                if any(child.tag in _BLOCK_TAGS for cell in cells for child in cell):
                    for cell in cells:  # a layout table: its cells hold paragraphs
                        walk(cell)
                else:
                    add(_row_text(cells))
        elif tag in ("p", "item", "code") and not any(c.tag in _BLOCK_TAGS for c in element):
            for line in _paragraph_lines(element):
                add(line)
        elif tag in _CONTAINERS or tag in ("p", "item"):
            # mixed content: loose text becomes a paragraph of its own
            loose = [element.text or ""]
            for child in element:
                if child.tag in _BLOCK_TAGS or child.tag in ("item", "code", "div", "row"):
                    add("".join(loose))
                    loose = []
                    walk(child)
                elif child.tag == "lb":
                    add("".join(loose))
                    loose = []
                elif child.tag != "graphic":
                    loose.append(_inline_text(child))
                loose.append(child.tail or "")
            add("".join(loose))
        elif tag != "graphic":
            add(_inline_text(element))

    walk(body)
    return blocks


_COMMENT_HEADING = re.compile(
    r"(?i)(?:\d[\d,.]*|no|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:comments?|responses?|replies|reactions|thoughts?)(?:\s+(?:on|to)\s+.*)?"
    r"|comments?(?:\s*\(\d+\))?\W*"
    r"|loading comments?\W*"
    r"|(?:show|view|read|see|hide|load)\s+(?:all\s+|more\s+)?(?:\d+\s+)?comments?\W*"
    r"|(?:leave|post|add|write)\s+a\s+(?:comment|reply|response)\W*"
    r"|join the (?:conversation|discussion)\W*"
    r"|comments? (?:are|is) closed\W*"
)
"""Headings of a comment section ("0 Comments", "Loading comments...", "3 thoughts on “…”",
"Leave a Reply"), which trafilatura keeps as section headings."""


def _is_comment_heading(text: str) -> bool:
    return _COMMENT_HEADING.fullmatch(text.strip()) is not None


def _drop_comment_sections(blocks: list[_Block]) -> list[_Block]:
    """Drop comment-section headings; one in the second half of the page also ends the article
    (what follows it is the comment section: "Be the first to comment", the comments)."""
    kept: list[_Block] = []
    for index, block in enumerate(blocks):
        if block.heading and _is_comment_heading(block.text):
            if index >= len(blocks) / 2:
                break
            continue
        kept.append(block)
    return kept


def _comparable(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text.casefold() if ch.isalnum())


_BLOCK_START = re.compile(
    r"^(?:(?:[-*_]\s*){3,}$|#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|=+\s*$|`{3}|~{3}|<)"
)
_INLINE_ESCAPES = re.compile(r"\\(?=[!-/:-@\[-`{-~])|[`*_\[\]]|<(?=[A-Za-z/!?])|&(?=#?\w+;)")
_HEADING_ESCAPES = re.compile(_INLINE_ESCAPES.pattern + "|#")


def _escape(text: str, *, heading: bool = False) -> str:
    """Plain text as Markdown that reads back as the same text: markers that would start a block
    (a heading, quote, list, HTML block), emphasis, code and link brackets, raw HTML, entities and
    backslashes are backslashed; in a heading every "#" too (a closing sequence is dropped)."""
    text = (_HEADING_ESCAPES if heading else _INLINE_ESCAPES).sub(lambda m: "\\" + m.group(), text)
    match = _BLOCK_START.match(text)
    if match:
        end = match.end() if match.group()[:1].isdigit() else match.start()
        text = text[:end] + "\\" + text[end:]
    return text


def _render(blocks: list[_Block]) -> str:
    return "\n\n".join("## " + _escape(b.text, heading=True) if b.heading else _escape(b.text) for b in blocks)


# --------------------------------------------------------------------------------------------
# Metadata

_SEPARATORS = re.compile(r"(\s+[|\-–—·•»:]{1,2}\s+|\s*\|\s*)")
_DOMAIN = re.compile(
    r"(?i)^[\w\-]+(\.[\w\-]+)*\.(com|org|net|edu|gov|io|co|uk|de|fr|it|es|br|ru|kr|jp|in|au|ca|info|news|tv|me)$"
)
_TERMINAL = (".", "?", "!", ",", ";")
_MINOR_WORDS = {"of", "the", "and", "&", "for", "on"}


def _site_keys(names: Iterable[str | None], host: str | None) -> set[str]:
    keys: set[str] = set()
    for name in names:
        if not name:
            continue
        keys.add(_comparable(name))
        for part in _SEPARATORS.split(name)[::2]:
            keys.add(_comparable(part))
    if host:
        labels = [label for label in host.lower().split(".") if label not in ("www", "m", "amp", "mobile")]
        for label in labels[:-1]:  # not the top-level domain
            if len(label) >= 3 and label not in ("com", "org", "net", "blog", "news"):
                keys.add(_comparable(label))
    keys.discard("")
    return keys


def _matches_site(text: str, keys: set[str]) -> bool:
    value = _comparable(text)
    if not value:
        return False
    for key in keys:
        if value == key:
            return True
        if len(key) >= 4 and (value.startswith(key) or value.endswith(key)) and len(text.split()) <= 5:
            return True
        if len(key) >= 6 and key in value and len(text.split()) <= 4:  # "The GiveWell Blog"
            return True
        if len(value) >= 4 and key.startswith(value):
            return True
    return False


def _looks_like_site(text: str) -> bool:
    text = text.strip()
    if _DOMAIN.match(text):
        return True
    words = text.split()
    return (
        0 < len(words) <= 4
        and len(text) <= 40
        and not text.endswith(_TERMINAL)
        and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _MINOR_WORDS for w in words)
    )


def clean_title(title: str | None, site_names: Iterable[str | None] = (), host: str | None = None) -> str | None:
    """The headline without site-name suffixes (" | Site", " - Site", " — Site") or prefixes ("Site | ").

    A part is removed when it is the site's name (from ``site_names`` or the host name), or a
    domain name; after a "|" also when it merely looks like a name (up to four capitalised words).
    """
    if not title:
        return None
    title = _norm_space(title)
    names = [n for n in site_names if n]
    keys = _site_keys(names, host)
    # a whole multi-part site name used as a prefix: "LinkNaija | Nigeria's news: Headline"
    for name in sorted(names, key=len, reverse=True):
        name = _norm_space(name)
        if len(name) >= 4 and title.lower().startswith(name.lower()):
            rest = re.sub(r"^\s*[|\-–—:·•»]+\s*", "", title[len(name) :])
            if rest != title[len(name) :] and rest:
                title = rest
                break
        if len(name) >= 4 and title.lower().endswith(name.lower()):
            rest = re.sub(r"\s*[|\-–—:·•»]+\s*$", "", title[: -len(name)])
            if rest != title[: -len(name)] and rest:
                title = rest
                break
    pieces = _SEPARATORS.split(title)
    parts, seps = pieces[::2], [s.strip() for s in pieces[1::2]]
    while len(parts) > 1:
        last, sep = parts[-1], seps[-1]
        if sep == ":":
            break
        if _matches_site(last, keys) or _DOMAIN.match(last.strip()) or (sep == "|" and _looks_like_site(last)):
            parts, seps = parts[:-1], seps[:-1]
            continue
        break
    while len(parts) > 1:
        first, sep = parts[0], seps[0]
        if sep != ":" and (_matches_site(first, keys) or _DOMAIN.match(first.strip())):
            parts, seps = parts[1:], seps[1:]
            continue
        break
    out = parts[0]
    for sep, part in zip(seps, parts[1:]):
        out += (f"{sep} " if sep == ":" else f" {sep} ") + part
    return out.strip() or None


_ROLE_WORDS = {
    "staff", "writer", "writers", "reporter", "reporters", "editor", "editors", "correspondent", "contributor",
    "contributors", "columnist", "senior", "chief", "contributing", "associate", "managing", "desk", "team",
    "admin", "administrator", "webmaster", "author", "authors", "guest", "editorial", "board", "web", "online",
    "digital", "producer", "photographer", "intern", "special", "to", "the", "for", "news", "service",
    "newsroom", "wire", "wires", "agency", "agencies", "press", "political", "national", "international",
    "business", "sports", "science", "health", "technology", "tech", "culture", "entertainment", "deputy",
    "executive", "assistant", "freelance", "by", "and", "of", "at", "a", "an",
}
_PLACEHOLDER_WORDS = {
    "staff", "admin", "administrator", "webmaster", "desk", "newsroom", "editorial", "unknown", "anonymous"
}
_JOB_TAIL = re.compile(r"(?i)\s+(?:is|was|has been|covers|writes|reports|joined)\b.*$")
_BY_PREFIX = re.compile(r"(?i)^(?:by|written by|words by|posted by|von|por|di|par)[:\s]+")
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\||/|,|&|\band\b|\bund\b|\be\b|\by\b|\bet\b)\s*")
_DATE_TAIL = re.compile(
    r"(?i)(?:\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)?(?:\s+\d{1,4}(?:st|nd|rd|th)?,?)+$"
)
"""A date run into a byline: "JOHN SMITH NOVEMBER 20, 2019" (a surname like May stays)."""


def _join_names(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def clean_author(author: str | None, site_names: Iterable[str | None] = (), host: str | None = None) -> str | None:
    """Person names from a byline: job descriptions, publisher/site names and placeholders removed.

    "Phil Helsel is a reporter" -> "Phil Helsel"; "Condé Nast; Louise Matsakis" -> "Louise Matsakis"
    when Condé Nast is among ``site_names``; "Admin" -> None; several names -> "A, B and C".
    """
    if not author:
        return None
    keys = _site_keys(site_names, host)
    names: list[str] = []
    for raw in _AUTHOR_SPLIT.split(_norm_space(author)):
        if raw.strip().startswith("@"):  # a social-media handle
            continue
        part = _BY_PREFIX.sub("", raw.strip(" .,:-–—·"))
        part = _JOB_TAIL.sub("", part).strip(" .,:-–—")
        part = _DATE_TAIL.sub("", part).strip(" .,:-–—")
        if not part or "@" in part or "://" in part or part.lower().startswith("www."):
            continue
        words = [w.lower().strip(".,") for w in part.split()]
        if all(w in _ROLE_WORDS for w in words) or any(w in _PLACEHOLDER_WORDS for w in words):
            continue
        if keys and (_matches_site(part, keys) or (len(words) > 1 and _comparable(words[0]) in keys)):
            continue  # "CNN Business" on cnn.com
        if not any(ch.isalpha() for ch in part):
            continue
        if part.isupper() and len(part) > 3:
            part = " ".join(w.capitalize() for w in part.split())
        names.append(part)
    unique: list[str] = []
    for name in names:
        key = _comparable(name)
        if any(key == _comparable(u) for u in unique):
            continue
        # a slug of a name already listed ("Kevin-R" beside "Kevin Rebong")
        if any(_comparable(u).startswith(key) and key != _comparable(u) for u in names):
            continue
        unique.append(name)
    return _join_names(unique) if unique else None


_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/\-](\d\d?|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}[/\-](\d\d?)(?=[/\-_.]|$)",
    re.IGNORECASE,
)


def _url_date(url: str | None) -> str | None:
    if not url:
        return None
    match = _URL_DATE.search(urlsplit(url).path)
    if match is None:
        return None
    year, month, day = match.groups()
    month_number = int(month) if month.isdigit() else _MONTHS.get(month[:3].lower(), 0)
    try:
        return date(int(year), month_number, int(day)).isoformat()
    except ValueError:
        return None


def _clean_site(site: str | None) -> str | None:
    if not site:
        return None
    site = _norm_space(site).lstrip("@")
    first = _SEPARATORS.split(site)[0].strip()
    return first or site or None


def _first_attr(tree: HtmlElement, xpath: str) -> str | None:
    for value in tree.xpath(xpath):
        value = _norm_space(str(value))
        if value:
            return value
    return None


def _absolute(value: str | None, base: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if value.startswith("//"):
        scheme = urlsplit(base).scheme if base else ""
        value = f"{scheme or 'https'}:{value}"
    if urlsplit(value).scheme in ("http", "https"):
        return value
    if base and urlsplit(base).scheme in ("http", "https"):
        joined = urljoin(base, value)  # "javascript:…", "data:…", "file:…" stay what they are: dropped
        return joined if urlsplit(joined).scheme in ("http", "https") else None
    return None


def _language(tree: HtmlElement, fallback: str | None) -> str | None:
    for value in (
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        _first_attr(tree, "//meta[translate(@http-equiv, 'CONTENTLAGU', 'contentlagu')='content-language']/@content"),
        _first_attr(tree, "//meta[@property='og:locale']/@content"),
        fallback,
    ):
        if value:
            match = re.match(r"\s*([A-Za-z]{2,3})(?:[-_]|\s|$)", value)
            if match:
                return match.group(1).lower()
    return None


def _publishers(tree: HtmlElement) -> list[str]:
    """Organisation names the page gives: JSON-LD publisher, copyright notice, application name."""
    names: list[str] = []
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                publisher = item.get("publisher")
                if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                    names.append(publisher["name"])
                elif isinstance(publisher, str):
                    names.append(publisher)
                stack.extend(v for k, v in item.items() if k == "@graph")
    names_xpath = "//meta[@name='copyright' or @name='application-name' or @property='og:site_name']/@content"
    for value in tree.xpath(names_xpath):
        value = re.sub(r"(?i)copyright|\(c\)|©|all rights reserved\.?|\b(?:19|20)\d\d\b", " ", str(value))
        value = _norm_space(value).strip(" .,-")
        if value:
            names.append(value)
    return names


def _metadata(tree: HtmlElement, document: Document | None, url: str | None) -> PageMetadata:
    canonical = _first_attr(
        tree,
        "//link[contains(concat(' ', translate(normalize-space(@rel), 'CANONIL', 'canonil'), ' '), ' canonical ')]"
        "/@href",
    )
    og_url = _first_attr(tree, "//meta[@property='og:url' or @name='og:url']/@content")
    base_tag = _first_attr(tree, "//base/@href")
    base = url or _absolute(base_tag, None) or _absolute(canonical, None) or _absolute(og_url, None)
    page_url = _absolute(canonical, base) or _absolute(og_url, base) or _absolute(url, None)
    host = urlsplit(page_url or url or "").hostname or (document.hostname if document else None)

    raw_site = document.sitename if document else None
    site = _clean_site(raw_site)
    publishers = _publishers(tree)
    site_names = [raw_site, site, *publishers]

    image = _first_attr(
        tree,
        "//meta[@property='og:image' or @property='og:image:url' or @property='og:image:secure_url']/@content",
    ) or _first_attr(tree, "//meta[@name='twitter:image' or @property='twitter:image']/@content")
    image = _absolute(image, page_url or base) or _absolute(document.image if document else None, page_url or base)

    page_date = document.date if document else None
    from_url = _url_date(page_url) or _url_date(url)
    if from_url and page_date != from_url:
        page_date = from_url

    return PageMetadata(
        title=clean_title(document.title if document else None, site_names, host),
        author=clean_author(document.author if document else None, site_names, host),
        date=page_date,
        site=site,
        url=page_url,
        language=_language(tree, document.language if document else None),
        image=image,
    )


# --------------------------------------------------------------------------------------------
# Inline boilerplate, removed from the tree before extraction (not reported in ``pruned``)

_HOVER_CARD = etree.XPath(
    "//p//*[contains(@class, 'rollover') or contains(@class, 'tooltip') or contains(@class, 'popover')"
    " or contains(@class, 'hovercard') or contains(@class, 'hover-card')][count(.//a) >= 2]"
)
"""Pop-up cards inside a paragraph (thehill.com's "rollover-people-block" lists a politician's
latest stories inside the sentence that names them): hidden by CSS, but text to an extractor.
The innermost match goes: the name the card pops up from stays in the sentence."""

_WORD = re.compile(r"\w+")
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
    text = _norm_space(paragraph.text_content())
    words = _WORD.findall(text)
    if not words or len(words) > _MAX_LINK_LINE_WORDS or text.endswith(_SENTENCE_CLOSE):
        return False
    links = [_norm_space(a.text_content()) for a in paragraph.iter("a")]
    if any(_URL_TEXT.match(link) for link in links):  # a printed address is content
        return False
    linked = sum(len(_WORD.findall(link)) for link in links)
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
        label = _norm_space(previous.text_content())
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
# Articles split into sibling chunks

_MIN_CHUNK_TEXT = 200
_MIN_CHUNK_PARAGRAPH = 80
_CHUNK_LEVELS = 3
"""How far up from the first paragraph the chunk container is looked for."""
_CHUNK_SPREAD = 2
"""How far above the chunk container the other chunks may branch off."""


def _paragraph_texts(element: etree._Element) -> list[str]:
    return [t for t in (_norm_space(p.text_content()) for p in element.iter("p")) if t]


def _split_body(tree: HtmlElement, body: etree._Element) -> list[HtmlElement]:
    """The chunks of an article its page splits into sibling containers of one class.

    Some sites (Condé Nast's: wired.com and others) cut the body into several
    ``<div class="body__container article__body">`` with ads between them; trafilatura keeps the
    first. Found from the first extracted paragraph: an ancestor container (up to three levels up)
    whose tag and class recur close by (sharing an ancestor at most two levels above it), each
    recurrence holding article-like paragraphs the extraction missed. Returns [] when the page is
    not split that way.
    """
    extracted = [t for t in (_norm_space(" ".join(p.itertext())) for p in body.iter("p")) if len(t) >= 60]
    if not extracted:
        return []
    first = extracted[0]
    source = next((p for p in tree.iter("p") if _norm_space(p.text_content()) == first), None)
    if source is None:
        return []
    seen = " ".join(extracted)
    container = source.getparent()
    for _ in range(_CHUNK_LEVELS):
        if container is None or container.tag in _NEVER_PRUNED:
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
    pruned = prune_players(tree) if _may_have_players(html) else []
    # metadata before the inline pruning: a byline is often a link-only paragraph
    page_info = trafilatura.extract_metadata(copy.deepcopy(tree), default_url=url)
    metadata = _metadata(tree, page_info, url)
    prune_inline_boilerplate(tree)
    document = _extract(tree, url)  # trafilatura works on a copy of the tree
    if document is None:
        raise InputError(NO_ARTICLE)
    body = document.body
    chunks = _split_body(tree, body)
    if chunks:
        whole = _extract(_merge_chunks(tree, chunks), url)
        if whole is not None and len(" ".join(whole.body.itertext())) > len(" ".join(body.itertext())):
            body = whole.body
    blocks = _drop_comment_sections(_blocks(body))
    blocks = _drop_leading(blocks, [metadata.title, page_info.title], metadata.date)
    if not _has_article_text(blocks):
        raise InputError(NO_ARTICLE)
    return ExtractedPage(markdown=_render(blocks), metadata=metadata, pruned=pruned)


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


def _has_article_text(blocks: list[_Block]) -> bool:
    """At least a few sentences' worth: 20 words of paragraphs, one of them 8 words or more. What
    trafilatura finds on a login form or a navigation-only page ("Home Help") is less."""
    counts = [len(_WORD.findall(b.text)) for b in blocks if not b.heading]
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


def _drop_leading(blocks: list[_Block], titles: list[str | None], iso_date: str | None) -> list[_Block]:
    """Leave out, among the first blocks, the page's title or headline (<h1>) and a bare date line."""
    keys = {_comparable(t) for t in titles if t}
    keys.discard("")
    kept: list[_Block] = []
    for index, block in enumerate(blocks):
        if index < _LEADING and (
            _comparable(block.text) in keys
            or (block.heading and block.level == 1)
            or (not block.heading and _is_date_line(block.text, iso_date))
        ):
            continue
        kept.append(block)
    return kept
