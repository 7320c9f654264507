"""Cleaning article text: boilerplate out, metadata aside, paragraphs and section headings kept.

Cleaning works on whole lines (plain text) or whole blocks (Markdown). Each line of the source ends
up in exactly one place: in a spoken block (a paragraph or a section heading), or in
:attr:`Article.removed` with the name of the rule that took it out; metadata lines such as the
byline are recorded there too, and their value moves into the article's metadata.

The rules are data, in the article's language: :func:`narrate.text.rules.rules_for` (English,
:data:`~narrate.text.rules.DEFAULT_RULES`, when no language is given), extended or trimmed from the config.
Most rules judge a line alone. Two look at its neighbours: a "read also" label alone on its line
takes the linked headlines after it (``takes_next``), and a line of names is a byline only beside
a dateline (``beside``). Markdown section headings are tried against the rules that read words
("## Mehr zum Thema"), never the title.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from ..errors import InputError
from ..models import Article, Block, BlockKind, RemovedLine
from .chunk import split_sentences
from .rules import DEFAULT_RULES, Action, LineRule, parse_date, rules_for

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

TextFormat = Literal["text", "markdown"]

_TERMINAL = tuple(".!?:;\"”’)…")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
"""Control characters, zero-width characters and the BOM; lone surrogates and noncharacters (not text)."""
_DANGLING_DASH = re.compile(r"\s*[-–—]+\s*$")
_LEAD_TAG = re.compile(r"(?P<tag>[A-Z][A-Z0-9&.'’]{3,40})\s+[-–—]\s+")
_SITE_PREFIX_MIN = 4
_MAX_TITLE_WORDS = 20
_DERIVED_TITLE_CHARS = 80
_AUTHOR_ROLES = re.compile(
    r"(?i)\b(?:staff|senior|chief|contributing|special|political|national|foreign|business|sports?)?\s*"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|producer|analyst|photographer)s?\b"
    r"|\b(?:is an?|is the|has been|covers)\b.*$"
)
_MAX_LABEL_WORDS = 6
"""A "read also" label alone on its line ("Te puede interesar", "Das könnte Sie auch interessieren")."""
_MAX_HEADLINE_WORDS = 25


@dataclass
class _Unit:
    """A line of plain text or a block of Markdown, on its way to becoming a block or a removed line."""

    number: int
    text: str
    kind: BlockKind | None
    """None for a blank or removed unit."""
    blank: bool = False
    blank_before: bool = False
    """A blank line comes between this unit and the previous text unit."""
    level: int = 0
    """Markdown heading level; 0 when the unit is not a Markdown heading."""
    group: int = 0
    """Markdown: the block this line belongs to (the lines of one paragraph share it)."""
    linked: bool = False
    """Markdown: the line is made of links alone ("[Política](/politica)")."""
    listed: bool = False
    """A list item or a table row (Markdown), or a line that starts with a bullet (plain text)."""


def clean_text(
    text: str,
    *,
    title: str | None = None,
    rules: tuple[LineRule, ...] | None = None,
    format: TextFormat = "text",
    language: str | None = None,
) -> Article:
    """Clean an article's text into an :class:`Article`.

    ``format`` is "text" (lines; ALL-CAPS lines of 2-7 words are headings) or "markdown" (blocks;
    ``#`` headings are headings, a level-1 heading at the top is the title). ``title`` overrides the
    title; otherwise a title line at the top is used ("found"), or one is derived from the first
    sentence. ``rules`` default to the rules for ``language`` (:func:`~narrate.text.rules.rules_for`;
    English when None), which also splits the sentence a title is derived from.
    """
    if rules is None:
        rules = DEFAULT_RULES if language is None else rules_for(language)
    removed: list[RemovedLine] = []
    units = _markdown_units(text, removed) if format == "markdown" else _text_units(text)
    metadata: dict[Action, str] = {}
    taken = _apply_rules(units, tuple(r for r in rules if not r.beside and not r.tail), removed, metadata, format)
    _apply_rules_beside(units, tuple(r for r in rules if r.beside), taken, removed, metadata)
    _apply_rules_tail(units, tuple(r for r in rules if r.tail), removed, metadata)

    _mark_blank_before(units)
    found_title = _take_title(units, removed, format) if title is None else None
    blocks = _group_blocks(units) if format == "text" else _markdown_blocks(units)
    _strip_lead_site_tag(blocks, removed, metadata.get(Action.SITE))
    _strip_dangling_dash(blocks, removed)
    if not any(b.kind is BlockKind.PARAGRAPH for b in blocks):
        raise InputError("nothing to narrate: every line was removed as boilerplate")
    if title is not None and _normalise(title):
        final_title, source = _normalise(title), "given"
    elif found_title:
        final_title, source = found_title, "found"
    else:
        final_title, source = _derive_title(blocks, language or "en"), "derived"
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


def _apply_rules(
    units: list[_Unit], rules: tuple[LineRule, ...], removed: list[RemovedLine], metadata: dict[Action, str],
    format: TextFormat,
) -> dict[int, str]:
    """Remove the lines the rules take (recording them, and their values as metadata); mark ALL-CAPS
    section headings in plain text. Returns the name of the rule that took each removed unit, by index."""
    taken: dict[int, str] = {}
    seen_body = False
    label: LineRule | None = None  # a "read also" label standing alone, which takes linked headlines after it
    headlines = 0
    for index, unit in enumerate(units):
        if unit.kind is None:
            continue
        rule, value = (None, "")
        if unit.level != 1:  # the title is never boilerplate
            rule, value = _match(unit.text, rules, in_header=not seen_body, heading=unit.level, linked=unit.linked)
        if (rule is None or rule.links) and label is not None and headlines < label.takes_next and _linked_headline(unit):
            rule, headlines = label, headlines + 1
        elif rule is not None:
            label, headlines = (rule, 0) if rule.takes_next and len(unit.text.split()) <= _MAX_LABEL_WORDS else (None, 0)
        else:
            label = None
        if rule is not None:
            taken[index] = rule.name
            _remove(unit, rule, value, removed, metadata)
            continue
        if unit.kind is BlockKind.PARAGRAPH and format == "text" and _is_heading(unit.text):
            unit.kind = BlockKind.HEADING
        seen_body = True
    return taken


def _apply_rules_beside(
    units: list[_Unit], rules: tuple[LineRule, ...], taken: dict[int, str], removed: list[RemovedLine],
    metadata: dict[Action, str],
) -> None:
    """Rules that only take a line next to a line another rule took (a line of names beside a
    dateline, a place beside a byline); never the first line left, which may be the title. A line
    taken so may let its neighbour go in turn ("ANA GARCÍA" / "Bilbao" / a dateline)."""
    text_units = [i for i, unit in enumerate(units) if not unit.blank]
    kept = [i for i in text_units if units[i].kind is not None]
    if not rules or not kept:
        return
    for _ in range(_BESIDE_PASSES):
        if not _beside_pass(units, rules, taken, removed, metadata, text_units, kept[0]):
            return


_BESIDE_PASSES = 3


def _beside_pass(
    units: list[_Unit], rules: tuple[LineRule, ...], taken: dict[int, str], removed: list[RemovedLine],
    metadata: dict[Action, str], text_units: list[int], first: int,
) -> bool:
    """One pass of the rules that look at a line's neighbours; True when it took a line."""
    took = False
    for position, index in enumerate(text_units):
        unit = units[index]
        if unit.kind is None or unit.level or index == first:
            continue
        neighbours = {taken.get(text_units[p]) for p in (position - 1, position + 1) if 0 <= p < len(text_units)}
        for rule in rules:
            match = rule.pattern.fullmatch(unit.text) if neighbours & rule.beside else None
            if match is not None and (rule.accept is None or rule.accept(unit.text)):
                taken[index] = rule.name
                _remove(unit, rule, (match.groupdict().get("value") or "").strip(), removed, metadata)
                took = True
                break
    return took


_SENTENCE_END = (".", "!", "?", ":", ";", "…", "»", '"', "”", "’", ")")
_MAX_TAIL_WORDS = 25


def _apply_rules_tail(
    units: list[_Unit], rules: tuple[LineRule, ...], removed: list[RemovedLine], metadata: dict[Action, str]
) -> None:
    """Rules for what is left after the article's last sentence (a paragraph that ends as a sentence
    does): short lines and section headings that end no sentence, such as the headlines of related
    stories and the labels above them. Nothing goes when the last sentence introduces what follows
    (it ends with a colon), and lists and tables stay unless they are made of links alone."""
    if not rules:
        return
    last = max(
        (i for i, unit in enumerate(units) if unit.kind is BlockKind.PARAGRAPH and unit.text.endswith(_SENTENCE_END)),
        default=None,
    )
    if last is None or units[last].text.endswith(":"):
        return
    for unit in units[last + 1 :]:
        if unit.kind is None or unit.level == 1 or (unit.listed and not unit.linked):
            continue
        if len(unit.text.split()) > _MAX_TAIL_WORDS or unit.text.endswith(_SENTENCE_END):
            continue
        rule, value = _match(unit.text, rules, in_header=False, heading=unit.level, linked=unit.linked, tail=True)
        if rule is not None:
            _remove(unit, rule, value, removed, metadata)


def _remove(unit: _Unit, rule: LineRule, value: str, removed: list[RemovedLine], metadata: dict[Action, str]) -> None:
    removed.append(RemovedLine(unit.number, unit.text, rule.name))
    if rule.action is not Action.DROP and rule.action not in metadata:
        cleaned = _metadata_value(rule, value)
        if cleaned:
            metadata[rule.action] = cleaned
    unit.kind, unit.text = None, ""  # a removed line ends a paragraph


def looks_like_markdown(text: str) -> bool:
    """True when text has ATX headings or Markdown links/emphasis on several lines."""
    heads = len(re.findall(r"(?m)^#{1,6} \S", text))
    marks = len(re.findall(r"\[[^\]\n]+\]\([^)\s]+\)|^\s*(?:[-*+] |\d+\. )\S|\*\*[^*\n]+\*\*", text, re.M))
    return heads >= 1 or marks >= 3


def _normalise(line: str) -> str:
    line = unicodedata.normalize("NFC", line).replace("\u00a0", " ").replace("\t", " ")
    return " ".join(_CONTROL.sub("", line).split())


def clean_line(value: str) -> str:
    """A value given from outside the article (a manifest's author, say) as one clean line: NFC,
    without control or zero-width characters, runs of white space as one space."""
    return _normalise(value)


_BULLET = re.compile(r"(?:[-*+•▪·–—]|\d{1,3}[.)])\s")


def _text_units(text: str) -> list[_Unit]:
    units = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _normalise(raw)
        listed = bool(_BULLET.match(line))
        units.append(_Unit(number, line, BlockKind.PARAGRAPH, listed=listed) if line else _Unit(number, "", None, blank=True))
    return units


def _markdown_units(text: str, removed: list[RemovedLine]) -> list[_Unit]:
    """Blocks of a Markdown document; code, raw HTML and images are recorded as removed."""
    units: list[_Unit] = []
    tokens = _markdown().parse(text)
    lines = text.splitlines()
    lists = 0  # how deep inside lists the current token is
    i = 0
    while i < len(tokens):
        token = tokens[i]
        number = token.map[0] + 1 if token.map else 0
        if token.type in ("bullet_list_open", "ordered_list_open", "bullet_list_close", "ordered_list_close"):
            lists += 1 if token.type.endswith("_open") else -1
        if token.type == "heading_open":
            units.append(_Unit(number, _inline_text(tokens[i + 1]), BlockKind.HEADING, level=int(token.tag[1])))
            i += 3
            continue
        if token.type == "paragraph_open":
            # One unit per source line, so that rules still match whole lines inside a paragraph.
            lines_of_paragraph = _inline_lines(tokens[i + 1])
            linked = _linked_lines(tokens[i + 1])
            if any(lines_of_paragraph):
                units.extend(
                    _Unit(number + k, line, BlockKind.PARAGRAPH, blank_before=True, group=i, linked=linked[k],
                          listed=lists > 0)
                    for k, line in enumerate(lines_of_paragraph)
                    if line
                )
            else:
                removed.append(RemovedLine(number, tokens[i + 1].content.strip(), "markdown-image"))
            i += 3
            continue
        if token.type == "tr_open":
            cells = []
            i += 1
            while tokens[i].type != "tr_close":
                if tokens[i].type == "inline":
                    cells.append(_inline_text(tokens[i]))
                i += 1
            row = ", ".join(c for c in cells if c)
            if row:
                units.append(_Unit(number, row, BlockKind.PARAGRAPH, blank_before=True, listed=True))
            continue
        if token.type in ("fence", "code_block", "html_block"):
            rule = "markdown-html" if token.type == "html_block" else "markdown-code"
            span = lines[token.map[0] : token.map[1]] if token.map else []
            removed.extend(RemovedLine(number + k, line.strip(), rule) for k, line in enumerate(span) if line.strip())
        elif token.type == "hr":
            removed.append(RemovedLine(number, lines[token.map[0]].strip() if token.map else "---", "separator"))
        i += 1
    return units


@functools.cache
def _markdown() -> MarkdownIt:
    """The CommonMark parser (with tables), made on first use: a plain-text article never needs it, and
    importing markdown-it takes 0.035 s of a build's start."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def _inline_text(token: Token) -> str:
    """Plain text of an inline token: link text kept, images and markup dropped."""
    return " ".join(line for line in _inline_lines(token) if line)


def _inline_lines(token: Token) -> list[str]:
    """The plain text of an inline token, line by line (a line break ends a line)."""
    lines: list[list[str]] = [[]]
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            lines[-1].append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            lines.append([])
    return [_normalise("".join(parts)) for parts in lines]


def _linked_lines(token: Token) -> list[bool]:
    """For each line of an inline token: whether it is made of links alone (and separators)."""
    lines: list[list[bool]] = [[]]  # per line: True for a piece of link text, False for other text
    depth = 0
    for child in token.children or []:
        if child.type == "link_open":
            depth += 1
        elif child.type == "link_close":
            depth -= 1
        elif child.type in ("softbreak", "hardbreak"):
            lines.append([])
        elif child.type in ("text", "code_inline") and (depth or child.content.strip(" |·•,-–—")):
            lines[-1].append(depth > 0)
    return [bool(pieces) and all(pieces) for pieces in lines]


def _match(
    line: str, rules: tuple[LineRule, ...], *, in_header: bool, heading: int = 0, linked: bool = False,
    tail: bool = False,
) -> tuple[LineRule | None, str]:
    """The first rule that takes ``line``, and its value. A Markdown heading (``heading`` > 1) is only
    tried against the rules that read words ("## Más información"), not those that judge a line by
    its shape (capitals, site tags): a section heading in capitals is content. Rules for lines made
    of links (``links``) only take such lines; rules for the article's tail (``tail``) only the tail."""
    for rule in rules:
        if (rule.header_only and not in_header) or (heading and not rule.headings):
            continue
        if (rule.links and not linked) or rule.tail != tail:
            continue
        match = rule.pattern.fullmatch(line)
        if match is None:
            continue
        if rule.accept is not None and not rule.accept(line):
            continue
        return rule, (match.groupdict().get("value") or "").strip()
    return None, ""


def _linked_headline(unit: _Unit) -> bool:
    """A line that reads as the headline of another story: short, and not ending as a sentence does."""
    return (
        unit.level == 0
        and len(unit.text.split()) <= _MAX_HEADLINE_WORDS
        and not unit.text.endswith((".", ",", ";", ":", "…", "»", '"', "”"))
    )


def _metadata_value(rule: LineRule, value: str) -> str:
    if rule.convert is not None:
        return rule.convert(value) or ""
    action = rule.action
    if action is Action.DATE:
        return parse_date(value) or ""
    if action is Action.AUTHOR:
        return clean_author(value)
    return value


def clean_author(value: str) -> str:
    """A byline's names without roles ("Staff Writer") or shouting."""
    names = []
    for part in re.split(r"\s*(?:,|\||;)\s*", value):
        part = _AUTHOR_ROLES.sub("", part).strip(" -–—")
        if part and part[0].isupper():
            names.append(part)
    joined = " and ".join(names) if len(names) <= 2 else ", ".join(names[:-1]) + " and " + names[-1]
    if joined.isupper():
        joined = " ".join(word.capitalize() for word in joined.split())
    return joined.replace(" And ", " and ")


def _is_heading(line: str) -> bool:
    """An ALL-CAPS line of 2 to 7 words without closing punctuation is a section heading."""
    words = line.split()
    return (
        2 <= len(words) <= 7
        and line.isupper()
        and any(ch.isalpha() for ch in line)
        and not line.endswith((".", "!", "?", ",", ";", ":"))
    )


def _mark_blank_before(units: list[_Unit]) -> None:
    blank = False
    for unit in units:
        if unit.blank:
            blank = True
        elif unit.kind is not None:
            unit.blank_before = unit.blank_before or blank
            blank = False


def _take_title(units: list[_Unit], removed: list[RemovedLine], format: TextFormat) -> str | None:
    """Use the first text unit as the title when it looks like one and body text follows it."""
    positions = [i for i, unit in enumerate(units) if unit.kind is not None]
    if len(positions) < 2:
        return None
    first = units[positions[0]]
    if format == "markdown":
        if first.level != 1:
            return None
    elif len(first.text.split()) > _MAX_TITLE_WORDS or first.text.endswith((".", ",", ";", ":")):
        return None
    title = first.text
    removed.append(RemovedLine(first.number, title, "title"))
    first.kind, first.text = None, ""
    return _tidy_caps(title)


def _tidy_caps(line: str) -> str:
    if not line.isupper():
        return line
    return " ".join(word if "." in word else word.capitalize() for word in line.split())


def _group_blocks(units: list[_Unit]) -> list[Block]:
    """Paragraphs are lines, or runs of lines when the text is hard-wrapped.

    The text counts as hard-wrapped when blank lines separate its paragraphs and some line inside a
    run of lines stops mid-sentence; otherwise (one paragraph per line, as scraped text usually is)
    every line is a paragraph.
    """
    groups: list[tuple[BlockKind, list[_Unit]]] = []
    current: list[_Unit] = []
    blank_between_paragraphs = False
    for unit in units:
        if unit.kind is BlockKind.PARAGRAPH:
            if not current and unit.blank_before and groups:
                blank_between_paragraphs = True
            current.append(unit)
            continue
        if current:
            groups.append((BlockKind.PARAGRAPH, current))
            current = []
        if unit.kind is BlockKind.HEADING:
            groups.append((BlockKind.HEADING, [unit]))
    if current:
        groups.append((BlockKind.PARAGRAPH, current))

    wrapped = blank_between_paragraphs and any(
        unit.text[-1] not in _TERMINAL for kind, run in groups if kind is BlockKind.PARAGRAPH for unit in run[:-1]
    )
    blocks: list[Block] = []
    for kind, run in groups:
        if kind is BlockKind.HEADING or wrapped:
            blocks.append(Block(kind, " ".join(unit.text for unit in run), run[0].number))
        else:
            blocks.extend(Block(kind, unit.text, unit.number) for unit in run)
    return blocks


def _markdown_blocks(units: list[_Unit]) -> list[Block]:
    """One block per Markdown block: the surviving lines of a paragraph are joined again."""
    blocks: list[Block] = []
    last_group = None
    for unit in units:
        if unit.kind is None:
            continue
        if unit.kind is BlockKind.PARAGRAPH and unit.group and unit.group == last_group:
            blocks[-1] = replace(blocks[-1], text=f"{blocks[-1].text} {unit.text}")
        else:
            blocks.append(Block(unit.kind, unit.text, unit.number))
        last_group = unit.group if unit.kind is BlockKind.PARAGRAPH else None
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
    blocks[index] = replace(first, text=first.text[match.end() :])
    removed.append(RemovedLine(first.line, match.group().strip(), "lead-site-tag"))


def _strip_dangling_dash(blocks: list[Block], removed: list[RemovedLine]) -> None:
    """Remove a dash left dangling after the article's last sentence (a scraping artefact)."""
    last = blocks[-1] if blocks else None
    match = _DANGLING_DASH.search(last.text) if last else None
    if last is None or match is None or match.start() == 0:
        return
    blocks[-1] = replace(last, text=last.text[: match.start()])
    removed.append(RemovedLine(last.line, match.group().strip(), "dangling-dash"))


def _derive_title(blocks: list[Block], language: str) -> str:
    """A title from the first sentence of the first paragraph, cut at a word boundary."""
    first = next((b for b in blocks if b.kind is BlockKind.PARAGRAPH), blocks[0])
    sentence = split_sentences(first.text, language)[0].strip().rstrip(".!?…") or first.text.strip()
    if len(sentence) <= _DERIVED_TITLE_CHARS:
        return sentence
    cut = sentence.rfind(" ", 0, _DERIVED_TITLE_CHARS)
    return sentence[: cut if cut > 0 else _DERIVED_TITLE_CHARS].rstrip(" ,;:–—-") + "…"
