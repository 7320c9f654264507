"""Boilerplate rules: named whole-line patterns, as data, in the article's language.

Each rule has a name, a pattern that must match a whole line (case-insensitive unless the pattern
says otherwise) and an action: drop the line, or move its ``value`` group into the article's
metadata (author, date, site). The first rule that matches a line wins. Users extend or disable
rules in the ``[clean]`` table of ``narrate.toml``; see :func:`compile_rules`.

The rules of a language (:func:`rules_for`) are, in order: the audio-player vendors' stubs, which
are English on every site (``neutral``); the language's own rules, one module per language
(``english``, ``spanish``, ``french``, ``german``, ``portuguese``, ``italian``); then the rules that
read no words (``neutral``: separators, ©, agency credits, rows of social buttons). A language
without a module gets the English rules, since English boilerplate turns up on sites in any
language. Every language uses the same rule names ("player-stub", "byline", "related",
"newsletter", "paywall", "cookie-notice", "share", …), so ``disable = ["byline"]`` works whatever
the article's language. ``base`` holds what a rule is and the helpers that build them; ``dates``
reads dates written the local way ("12 de marzo de 2024", "12. März 2024, 10:45 Uhr").

A new language is one module (``CODE``, ``CALENDAR``, ``RULES``) added to :data:`LANGUAGES`, plus its tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, partial
from types import ModuleType

from ...errors import ConfigError
from ..language import primary
from . import english
from .base import Action, LineRule
from .dates import Calendar
from .dates import is_dateline as _is_dateline
from .dates import parse_date as _parse_date
from .neutral import NEUTRAL, VENDOR_STUBS

__all__ = [
    "DEFAULT_RULES", "LANGUAGES", "RULE_NAMES", "Action", "LineRule", "RuleSpec", "compile_rules", "is_dateline",
    "parse_date", "primary_subtag", "rules_for",
]

LANGUAGES: tuple[str, ...] = ("en", "es", "fr", "de", "pt", "it")
"""Languages with rules of their own (primary subtags); any other language gets the English rules."""


@cache
def _language_module(code: str) -> ModuleType:
    """The rules module of a language in :data:`LANGUAGES`, imported when first needed: an English
    article's build never pays for the regular expressions of five other languages."""
    if code == english.CODE:
        return english
    from . import french, german, italian, portuguese, spanish

    return {module.CODE: module for module in (spanish, french, german, portuguese, italian)}.get(code, english)


def primary_subtag(language: str | None) -> str:
    """The lower-case primary subtag of a language tag ("pt-BR" -> "pt", "es_419" -> "es"); "" for none."""
    return primary(language) if isinstance(language, str) else ""


def _module(language: str | None) -> ModuleType:
    code = primary_subtag(language)
    return _language_module(code) if code in LANGUAGES else english


@cache
def _assembled(code: str) -> tuple[LineRule, ...]:
    # a rule a language places itself (the English site tag, say) is not tried twice
    module = _language_module(code)
    return tuple(dict.fromkeys(VENDOR_STUBS + module.RULES + NEUTRAL))


def rules_for(language: str | None) -> tuple[LineRule, ...]:
    """The rules for an article in ``language`` (a BCP 47 tag; its primary subtag decides): the
    vendors' stubs, the language's own rules, the language-neutral rules. English for None and for
    a language without rules of its own."""
    return _assembled(_module(language).CODE)


DEFAULT_RULES: tuple[LineRule, ...] = rules_for("en")
"""The English rules (what narrate has always used, and still uses when no language is given)."""


@cache
def _rule_names() -> frozenset[str]:
    return frozenset(rule.name for code in LANGUAGES for rule in _assembled(code))


def __getattr__(name: str) -> object:
    if name == "RULE_NAMES":  # every language's rules: loaded only when asked for
        return _rule_names()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _calendar(language: str | None) -> Calendar:
    calendar: Calendar = _module(language).CALENDAR
    return calendar


def parse_date(value: str, language: str | None = None) -> str | None:
    """ISO date (YYYY-MM-DD) of the first date written in ``value``, read the way ``language``
    writes dates ("12 de marzo de 2024", "12/03/2024" as the 12th of March); English when None."""
    return _parse_date(value, _calendar(language))


def is_dateline(line: str, language: str | None = None) -> bool:
    """True for a line that holds a date and nothing else but labels, times and separators
    ("Publicado el 12/03/2024 - 10:45", "Aktualisiert am 12. März 2024, 10:45 Uhr")."""
    return _is_dateline(line, _calendar(language))


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
    disable: Iterable[str] = (), extra: Iterable[RuleSpec] = (), where: str = "config", language: str | None = None
) -> tuple[LineRule, ...]:
    """The rules for ``language`` (:func:`rules_for`) without ``disable``d ones, after the user's
    ``extra`` rules. ``disable`` may name any built-in rule of any language; a user's date rule reads
    dates the way ``language`` writes them."""
    disabled = set(disable)
    unknown = sorted(disabled - _rule_names()) if disabled else []
    if unknown:
        raise ConfigError(
            f"{where}: unknown rule '{unknown[0]}' in 'disable' (rules: {', '.join(sorted(_rule_names()))})"
        )
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
        user_rule = LineRule(spec.name, pattern, action, spec.header_only)
        if action is Action.DATE and language is not None:
            user_rule = replace(user_rule, convert=partial(parse_date, language=language))
        compiled.append(user_rule)
    return tuple(compiled) + tuple(rule for rule in rules_for(language) if rule.name not in disabled)
