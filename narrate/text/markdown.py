"""trafilatura's XML body as markdown narration can use.

One paragraph per block, blank lines between them, subheadings as ``## Heading`` lines, no link or
image markup, table rows as lines of comma-separated cells, and text escaped so that it parses back
as itself. Comment-section headings ("0 Comments", "Loading comments...") that trafilatura keeps as
section headings are dropped, with the comment section after them. :func:`norm_space` is how every
text taken from the page is tidied, here and in the other HTML modules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

__all__ = ["Block", "body_blocks", "drop_comment_sections", "norm_space", "render"]

_SPACE = re.compile(r"\s+")
_INVISIBLE_CHARS = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_SENTENCE_END = tuple(".!?:;…\"”’)]")
_CONTAINERS = {"body", "div", "list", "quote", "cell", "article", "section", "main", "doc"}
_BLOCK_TAGS = {"head", "p", "list", "quote", "table"}


def norm_space(text: str) -> str:
    """Whitespace runs as one space (no-break spaces too), soft hyphens and zero-width characters
    dropped, no space at either end."""
    text = _INVISIBLE_CHARS.sub("", text.replace("\u00a0", " "))
    return _SPACE.sub(" ", text).strip()


@dataclass
class Block:
    """A paragraph or a subheading of the body."""

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
    for text in (norm_space(_inline_text(cell)) for cell in cells):
        if text:
            out += (" " if out.endswith((",", ";", ":", ".")) else ", ") if out else ""
            out += text
    return out


def _paragraph_lines(element: etree._Element) -> Iterator[str]:
    """A paragraph's text, split at line breaks that end a sentence or start a new line of text."""
    current: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            before = norm_space("".join(current))
            after = norm_space(child.tail or "")
            if before and (before.endswith(_SENTENCE_END) or not after or after[:1].isupper() or after[:1].isdigit()):
                yield before
                current = [child.tail or ""]
                continue
            current.append(" ")
        elif child.tag != "graphic":
            current.append(_inline_text(child))
        current.append(child.tail or "")
    text = norm_space("".join(current))
    if text:
        yield text


def body_blocks(body: etree._Element) -> list[Block]:
    blocks: list[Block] = []

    def add(text: str, heading: bool = False, level: int = 0) -> None:
        text = norm_space(text)
        if text:
            blocks.append(Block(heading, text, level))

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


def drop_comment_sections(blocks: list[Block]) -> list[Block]:
    """Drop comment-section headings; one in the second half of the page also ends the article
    (what follows it is the comment section: "Be the first to comment", the comments)."""
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        if block.heading and _is_comment_heading(block.text):
            if index >= len(blocks) / 2:
                break
            continue
        kept.append(block)
    return kept


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


def render(blocks: list[Block]) -> str:
    return "\n\n".join("## " + _escape(b.text, heading=True) if b.heading else _escape(b.text) for b in blocks)
