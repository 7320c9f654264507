"""Boilerplate rules: named whole-line patterns, as data.

Each rule has a name, a pattern that must match a whole line (case-insensitive unless the pattern
says otherwise) and an action: drop the line, or move its ``value`` group into the article's
metadata (author, date, site). The first rule that matches a line wins. Users extend or disable
rules in the ``[clean]`` table of ``narrate.toml``; see :func:`compile_rules`.

Sources: the line patterns listed in ../shared/reference/article-cleaning.md (seen on news sites
and in public scraper blocklists), the seed article, and the 30-page benchmark sample.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Callable

from dateutil import parser as date_parser

from ..errors import ConfigError


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
    """An extra check on the whole line; the rule does not apply when it returns False."""


def parse_date(value: str) -> str | None:
    """ISO date (YYYY-MM-DD) of the first date written in ``value`` in any common form, or None."""
    if not _YEAR.search(value):
        return None
    candidate = _DATE_IN_LINE.search(value)
    text = candidate.group() if candidate else value
    try:
        parsed = date_parser.parse(text, default=datetime(2000, 1, 1), fuzzy=True)
    except (ValueError, ArithmeticError):  # "1999:888…" (30 digits) raises decimal.InvalidOperation
        return None
    if not 1800 <= parsed.year <= 2100:
        return None
    return parsed.date().isoformat()


_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_IN_LINE = re.compile(
    rf"(?i)\b(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{4}})"
)
# What may surround a date on a dateline: labels, weekdays, times, zones, separators, "2 hours ago".
_DATELINE_NOISE = re.compile(
    r"(?i)[ap]\.m\.|\b(?:published|updated|posted|last|modified|first|on|at|am|pm|ago|hours?|mins?|minutes?"
    r"|days?|years?|months?|weeks?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
    r"|[a-z]{1,3}[sd]t|utc|gmt|et|pt|ct)\b|[\d:|/,.\-–—•·()\s]+"
)


def is_dateline(line: str) -> bool:
    """True for a line that holds a date and nothing else but labels, times and separators."""
    if len(line) > 100 or parse_date(line) is None:
        return False
    return not _DATELINE_NOISE.sub("", _DATE_IN_LINE.sub(" ", line)).strip()


def _rule(name: str, pattern: str, action: Action = Action.DROP, **kw: object) -> LineRule:
    return LineRule(name, re.compile(pattern, re.IGNORECASE), action, **kw)  # type: ignore[arg-type]


_NAME_WORD = r"(?-i:[A-Z][\w'’.\-]*)"
_NAMES = rf"{_NAME_WORD}(?:(?:\s+|\s*,\s*|\s+(?:and|&)\s+){_NAME_WORD}){{0,7}}"
_SHORT = r"[^.!?]{0,80}"  # a short tail without a sentence end


def _all_caps_headline(line: str) -> bool:
    """A related-story headline: ALL CAPS, 8 to 12 words, or 5 to 7 with a headline's punctuation."""
    words = line.split()
    if not (line.isupper() and any(c.isalpha() for c in line)):
        return False
    return 8 <= len(words) <= 12 or (5 <= len(words) <= 7 and bool(re.search(r"[:?!'’\"“”]", line)))


DEFAULT_RULES: tuple[LineRule, ...] = (
    _rule(
        "player-stub",
        r"(?:getting your .{0,40}player ready|loading (?:the )?(?:audio )?player|listen to (?:this|the) (?:article|story)"
        r"(?:\s*[-–—:(·•|]?\s*\d+\s*(?:min(?:ute)?s?)\.?\)?)?|powered by beyondwords|voiced by amazon polly"
        r"|loading audio(?: narration)?|audio (?:narration )?(?:is )?(?:not )?available.{0,30}|play audio"
        r"|listen now|tap to listen|press play to listen.{0,40}|this (?:article|story) is (?:also )?available as audio.{0,40})"
        r"\W*",
    ),
    _rule("separator", r"[|/\\\-–—_*=~•·#+\s]+"),
    _rule("timestamp-labels", r"(?:published|updated|posted)\s*:?\s*(?:\|\s*(?:published|updated|posted)\s*:?\s*)*"),
    _rule(
        "byline",
        rf"(?:by|written by|words by|story by|author)(?:\s*[:\-–—]\s*|\s+)(?P<value>{_NAMES})"
        r"(?:\s*(?:,|\||[-–—])\s*[\w .'’&]{0,60})?",
        Action.AUTHOR,
    ),
    LineRule("date", re.compile(r"(?P<value>.{6,100})"), Action.DATE, accept=is_dateline),
    _rule("site-tag", r"(?-i:(?P<value>[A-Z][A-Z0-9&.'’\-]{2,40}))", Action.SITE, header_only=True),
    _rule("advertisement", r"(?:skip |story continues below |continue reading below )?advertisement(?:\s*[-–—:]\s*scroll to continue)?|sponsored(?: content)?|ad feedback"),
    _rule("skip-link", r"skip to (?:main )?(?:content|navigation|search|footer)"),
    _rule("continue-reading", r"continue reading(?: the main story| below| the article)?\W*"),
    _rule(
        "paywall",
        r"subscribe to (?:continue|read|keep) reading.{0,40}|already a subscriber\?.{0,40}|subscribe now.{0,40}"
        r"|(?:log|sign) in to (?:continue|read).{0,40}|become a (?:member|subscriber).{0,40}|this article is for subscribers only\.?"
        r"|you have \d+ free articles? (?:left|remaining).{0,40}",
    ),
    _rule("newsletter", rf"(?:sign up|subscribe) (?:for|to) {_SHORT}(?:newsletter|e-?mails?|updates|alerts|briefing|digest){_SHORT}|get (?:our|the) {_SHORT}newsletter{_SHORT}"),
    _rule(
        "share",
        r"(?:share|post|tweet|pin|email|print|click to (?:share|email|print))(?: (?:this|on|to|via) ?[\w .+]{0,30})?"
        r"(?:\s*\(opens in new window\))?|copy(?: article)? link|link copied(?: to clipboard)?\W*|share this(?: article| story)?\W*",
    ),
    _rule("click-to-tweet", r".{0,300}click to tweet"),
    _rule("related", r"(?:related(?: articles?| stories| content| coverage| posts)?|read more|read next|more from [^.!?]{0,40}|see more|see also|don'?t miss|recommended(?: for you)?|you may also like|most (?:read|popular|viewed)|trending(?: now)?|also read|what to read next|latest (?:news|stories))(?:\s*[:|»>\-–—].{0,200})?"),
    _rule("tagged-link", r".{3,200}\[(?:video|insight|photos?|gallery|watch|listen|podcast|live|poll)\]"),
    _rule("app-promo", r"(?:click|tap) here to (?:get|download) the .{0,60}app.{0,40}|(?:get|download) (?:the|our) .{0,40}app\W*|read in (?:the )?app|open in app"),
    _rule("licensing", r"purchase licensing rights|reprints(?: (?:&|and) permissions)?|our standards:.{0,80}|reporting by .{0,120}editing by .{0,120}"),
    _rule("correction-link", r"suggest a correction|report an? (?:error|typo|correction)|submit a correction"),
    _rule("provided-by", r"provided by (?-i:[A-Z])[\w .&'’-]{0,60}"),
    _rule(
        "cookie-notice",
        r"(?:we|this (?:web)?site) uses? cookies.{0,300}|privacy preference cent(?:er|re)|(?:accept|reject|manage) (?:all )?cookies?.{0,40}"
        r"|cookie (?:settings|preferences|policy)|do not sell my personal information",
    ),
    _rule("personal-use", r"this copy is for your personal,? non-?commercial use only.{0,300}"),
    _rule("copyright", r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}).{0,120}|all rights reserved\.?"),
    _rule("comments", r"\d+\s+comments?|loading comments\.*|(?:leave|add|post|view|show|hide|read) (?:a |the |all )?comments?\W*|comments?(?:\s*\(\d+\))?|join the (?:discussion|conversation)"),
    _rule(
        "photo-credit",
        r"(?:photo(?:graph)?|image|picture|illustration|credit|video|source)s?(?: by)?\s*:\s*[^.!?]{1,80}"
        r"|\(?(?:getty images|ap photo[^)]{0,60}|reuters/[^)]{1,60}|afp via getty images|shutterstock)\)?|photo by .{1,60} on unsplash",
    ),
    LineRule("related-headline", re.compile(r".+"), accept=_all_caps_headline),
)


@dataclass(frozen=True)
class RuleSpec:
    """A rule as a user writes it in ``[[clean.rules]]``."""

    name: str
    pattern: str
    """A regular expression that must match the whole line; add (?i) for case-insensitive."""
    action: str = "drop"
    """drop, author, date or site (the last three take the group named ``value``)."""
    header_only: bool = False


def compile_rules(
    disable: Iterable[str] = (), extra: Iterable[RuleSpec] = (), where: str = "config"
) -> tuple[LineRule, ...]:
    """The default rules without ``disable``d ones, after the user's ``extra`` rules."""
    known = {rule.name for rule in DEFAULT_RULES}
    disabled = set(disable)
    unknown = sorted(disabled - known)
    if unknown:
        raise ConfigError(f"{where}: unknown rule '{unknown[0]}' in 'disable' (rules: {', '.join(sorted(known))})")
    compiled: list[LineRule] = []
    for spec in extra:
        try:
            action = Action(spec.action)
        except ValueError:
            raise ConfigError(f"{where}: rule '{spec.name}': action must be drop, author, date or site, not '{spec.action}'") from None
        try:
            pattern = re.compile(spec.pattern)
        except re.error as exc:
            raise ConfigError(f"{where}: rule '{spec.name}': bad pattern ({exc})") from None
        if action is not Action.DROP and "value" not in pattern.groupindex:
            raise ConfigError(f"{where}: rule '{spec.name}': an '{action.value}' rule needs a group named value, (?P<value>...)")
        compiled.append(LineRule(spec.name, pattern, action, spec.header_only))
    return tuple(compiled) + tuple(rule for rule in DEFAULT_RULES if rule.name not in disabled)
