"""Cleaning article text: boilerplate out, metadata aside, paragraphs and section headings kept.

Cleaning works on whole lines. Each line of the source ends up in exactly one place: in a spoken
block (a paragraph or a section heading), or in :attr:`Article.removed` with the name of the rule
that took it out (metadata lines such as the byline are recorded there too, and their value moves
into the article's metadata).

The rules are data (:data:`DEFAULT_RULES`): a name, a whole-line pattern and what to do with a
match. They are tried in order and the first match wins.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Callable

from dateutil import parser as date_parser

from .chunk import split_sentences
from .errors import InputError
from .models import Article, Block, BlockKind, RemovedLine


class Action(str, Enum):
    """What a matching rule does with a line."""

    DROP = "drop"
    AUTHOR = "author"
    DATE = "date"
    SITE = "site"


@dataclass(frozen=True)
class LineRule:
    """A named whole-line pattern. For metadata actions the group ``value`` holds the value."""

    name: str
    pattern: re.Pattern[str]
    action: Action = Action.DROP
    header_only: bool = False
    """Only match before the first paragraph of the body (where site tags and bylines sit)."""
    accept: Callable[[str], bool] | None = None
    """An extra check on the matched value; the rule does not apply when it returns False."""


def _parse_date(value: str) -> str | None:
    """ISO date (YYYY-MM-DD) of a date written in any common form, or None."""
    if not re.search(r"\b(1[89]|20)\d\d\b", value):
        return None
    try:
        parsed = date_parser.parse(value, default=datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        return None
    return parsed.date().isoformat()


_NAME_WORD = r"[A-Z][\w'’.\-]*"
DEFAULT_RULES: tuple[LineRule, ...] = (
    LineRule(
        "player-stub",
        re.compile(
            r"(?i)(getting your .{0,40}player ready|loading (the )?(audio )?player|listen to this (article|story)"
            r"|powered by beyondwords|voiced by amazon polly|loading audio narration)\W*"
        ),
    ),
    LineRule("separator", re.compile(r"[|/\\\-–—_*=~•·#\s]+")),
    LineRule(
        "byline",
        re.compile(rf"(?i:by|written by|words by)(?:\s*[:\-–—]\s*|\s+)(?P<value>{_NAME_WORD}(?:(?:\s+|\s*,\s*|\s+(?:and|&)\s+){_NAME_WORD}){{0,7}})"),
        Action.AUTHOR,
    ),
    LineRule(
        "date",
        re.compile(r"(?:(?i:published|updated|posted|last updated)(?:\s+on)?\s*:?\s*)?(?P<value>[\w ,./\-:]{6,40})"),
        Action.DATE,
        accept=lambda value: _parse_date(value) is not None,
    ),
    LineRule("site-tag", re.compile(r"(?P<value>[A-Z][A-Z0-9&.'’\-]{2,40})"), Action.SITE, header_only=True),
)

_TERMINAL = tuple(".!?:;\"”’)…")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200d\ufeff]")
_DANGLING_DASH = re.compile(r"\s*[-–—]+\s*$")
_LEAD_TAG = re.compile(r"(?P<tag>[A-Z][A-Z0-9&.'’]{3,40})\s+[-–—]\s+")
_SITE_PREFIX_MIN = 4
_MAX_TITLE_WORDS = 20
_DERIVED_TITLE_CHARS = 80


@dataclass
class _Line:
    number: int
    text: str
    kind: BlockKind | None
    """None for a blank or removed line."""
    blank: bool = False
    blank_before: bool = False
    """A blank line comes between this line and the previous text line."""


def clean_text(text: str, *, title: str | None = None, rules: tuple[LineRule, ...] = DEFAULT_RULES) -> Article:
    """Clean an article's plain text into an :class:`Article`.

    ``title`` overrides the title; otherwise a title line at the top is used ("found"), or a title is
    derived from the first sentence.
    """
    lines = [_normalise(line) for line in text.splitlines()]
    metadata: dict[Action, str] = {}
    removed: list[RemovedLine] = []
    items: list[_Line] = []
    seen_body = False
    for number, line in enumerate(lines, start=1):
        if not line:
            items.append(_Line(number, "", None, blank=True))
            continue
        rule, value = _match(line, rules, in_header=not seen_body)
        if rule is not None:
            removed.append(RemovedLine(number, line, rule.name))
            if rule.action is not Action.DROP and rule.action not in metadata:
                metadata[rule.action] = _metadata_value(rule.action, value)
            items.append(_Line(number, "", None))  # a removed line ends a paragraph
            continue
        kind = BlockKind.HEADING if _is_heading(line) else BlockKind.PARAGRAPH
        items.append(_Line(number, line, kind))
        seen_body = True

    _mark_blank_before(items)
    found_title = None
    if title is None:
        found_title = _take_title_line(items, removed)
    blocks = _group_blocks(items)
    _strip_lead_site_tag(blocks, removed, metadata.get(Action.SITE))
    _strip_dangling_dash(blocks, removed)
    if not blocks:
        raise InputError("nothing to narrate: every line was removed as boilerplate")
    if title is not None:
        final_title, source = title.strip(), "given"
    elif found_title is not None:
        final_title, source = found_title, "found"
    else:
        final_title, source = _derive_title(blocks), "derived"
    removed.sort(key=lambda r: r.line)
    return Article(
        title=final_title,
        blocks=blocks,
        author=metadata.get(Action.AUTHOR),
        date=metadata.get(Action.DATE),
        site=metadata.get(Action.SITE),
        title_source=source,
        removed=removed,
    )


def _mark_blank_before(items: list[_Line]) -> None:
    blank = False
    for item in items:
        if item.blank:
            blank = True
        elif item.kind is not None:
            item.blank_before, blank = blank, False


def _normalise(line: str) -> str:
    line = unicodedata.normalize("NFC", line).replace("\u00a0", " ").replace("\t", " ")
    return _CONTROL.sub("", line).strip()


def _match(line: str, rules: tuple[LineRule, ...], *, in_header: bool) -> tuple[LineRule | None, str]:
    for rule in rules:
        if rule.header_only and not in_header:
            continue
        match = rule.pattern.fullmatch(line)
        if match is None:
            continue
        value = match.groupdict().get("value") or ""
        if rule.accept is not None and not rule.accept(value):
            continue
        return rule, value.strip()
    return None, ""


def _metadata_value(action: Action, value: str) -> str:
    if action is Action.DATE:
        return _parse_date(value) or value
    if action is Action.AUTHOR and value.isupper():
        return " ".join(word.capitalize() for word in value.split())
    return value


def _is_heading(line: str) -> bool:
    """An ALL-CAPS line of 2 to 7 words without closing punctuation is a section heading."""
    words = line.split()
    return (
        2 <= len(words) <= 7
        and line.isupper()
        and any(ch.isalpha() for ch in line)
        and not line.endswith((".", "!", "?", ",", ";", ":"))
    )


def _looks_like_title(line: str) -> bool:
    return len(line.split()) <= _MAX_TITLE_WORDS and not line.endswith((".", ",", ";", ":"))


def _take_title_line(items: list[_Line], removed: list[RemovedLine]) -> str | None:
    """Use the first text line as the title when it looks like one and body text follows it."""
    text_positions = [i for i, item in enumerate(items) if item.kind is not None]
    if len(text_positions) < 2:
        return None
    first = items[text_positions[0]]
    if not _looks_like_title(first.text):
        return None
    items[text_positions[0]] = _Line(first.number, "", None)
    removed.append(RemovedLine(first.number, first.text, "title"))
    return _tidy_caps(first.text)


def _tidy_caps(line: str) -> str:
    if not line.isupper():
        return line
    return " ".join(word if "." in word else word.capitalize() for word in line.split())


def _group_blocks(items: list[_Line]) -> list[Block]:
    """Paragraphs are lines, or runs of lines when the text is hard-wrapped.

    The text counts as hard-wrapped when blank lines separate its paragraphs and some line inside a
    run of lines stops mid-sentence; otherwise (one paragraph per line, as scraped text usually is)
    every line is a paragraph.
    """
    groups: list[tuple[BlockKind, list[_Line]]] = []
    current: list[_Line] = []
    blank_between_paragraphs = False
    for item in items:
        if item.kind is BlockKind.PARAGRAPH:
            if not current and item.blank_before and groups:
                blank_between_paragraphs = True
            current.append(item)
            continue
        if current:
            groups.append((BlockKind.PARAGRAPH, current))
            current = []
        if item.kind is BlockKind.HEADING:
            groups.append((BlockKind.HEADING, [item]))
    if current:
        groups.append((BlockKind.PARAGRAPH, current))

    wrapped = blank_between_paragraphs and any(
        line.text[-1] not in _TERMINAL for kind, run in groups if kind is BlockKind.PARAGRAPH for line in run[:-1]
    )
    blocks: list[Block] = []
    for kind, run in groups:
        if kind is BlockKind.HEADING or wrapped:
            blocks.append(Block(kind, " ".join(line.text for line in run), run[0].number))
        else:
            blocks.extend(Block(kind, line.text, line.number) for line in run)
    return blocks


def _strip_lead_site_tag(blocks: list[Block], removed: list[RemovedLine], site: str | None) -> None:
    """Remove a site tag used as a dateline ("TRUENEWSBLOG – U.S. efforts…") from the first paragraph.

    Only a tag that shares its first letters with the article's site tag is removed: a place name
    ("WASHINGTON –") or a wire credit ("(Reuters) -") is content and stays.
    """
    index = next((i for i, b in enumerate(blocks) if b.kind is BlockKind.PARAGRAPH), None)
    if index is None or not site:
        return
    first = blocks[index]
    match = _LEAD_TAG.match(first.text)
    if match is None or len(os.path.commonprefix([match.group("tag"), site.upper()])) < _SITE_PREFIX_MIN:
        return
    blocks[index] = Block(first.kind, first.text[match.end() :], first.line)
    removed.append(RemovedLine(first.line, match.group().strip(), "lead-site-tag"))


def _strip_dangling_dash(blocks: list[Block], removed: list[RemovedLine]) -> None:
    """Remove a dash left dangling after the article's last sentence (a scraping artefact)."""
    if not blocks:
        return
    last = blocks[-1]
    match = _DANGLING_DASH.search(last.text)
    if match is None or match.start() == 0:
        return
    blocks[-1] = Block(last.kind, last.text[: match.start()], last.line)
    removed.append(RemovedLine(last.line, match.group().strip(), "dangling-dash"))


def _derive_title(blocks: list[Block]) -> str:
    """A title from the first sentence of the first paragraph, cut at a word boundary."""
    first = next((b for b in blocks if b.kind is BlockKind.PARAGRAPH), blocks[0])
    sentence = split_sentences(first.text)[0].strip().rstrip(".!?…")
    if len(sentence) <= _DERIVED_TITLE_CHARS:
        return sentence
    cut = sentence.rfind(" ", 0, _DERIVED_TITLE_CHARS)
    return sentence[: cut if cut > 0 else _DERIVED_TITLE_CHARS].rstrip(" ,;:–—-") + "…"
