"""Pauses and tidying: ellipses and dashes between words as pauses (", " or a sentence end), and
the spaces and commas the other steps leave behind.

``expand_ellipses`` runs early, ``expand_dashes`` late (after ranges such as "5–10" are read), and
``tidy_punctuation`` last, for every language.
"""

from __future__ import annotations

import re
from typing import Final

from ._common import _CLOSERS, _WINDOW

_ELLIPSIS: Final = re.compile(r"[ \t]*(?:\.[ \t]?\.[ \t]?\.(?:[ \t]?\.)*|…+)(?P<punct>[ \t]*[.!?,;:]+)?")


def expand_ellipses(text: str) -> str:
    """"..." and "…" as pauses: a sentence end before a capitalised word or at the end of the text,
    a comma before anything else; nothing at the start of a line or before other punctuation."""

    def replace(m: re.Match[str]) -> str:
        punct = (m.group("punct") or "").strip()
        if punct:
            return punct[0]
        before = text[max(0, m.start() - _WINDOW) : m.start()].rstrip(" \t")
        if not before or before.endswith("\n") or before[-1] in "([{“‘\"'":
            return ""
        rest = text[m.end() : m.end() + _WINDOW]
        stripped = rest.lstrip(" \t")
        if not stripped or stripped[0] == "\n":
            return "."
        space = "" if rest[:1].isspace() else " "
        if stripped[0] in _CLOSERS:
            return "."
        if stripped[:1].isupper() or stripped[:1] in "“\"":
            return "." + space
        return "," + space

    return _ELLIPSIS.sub(replace, text)


_DASH: Final = re.compile(r"[ \t]*(?:[–—―]+|(?<=[\s])-{1,2}(?=\s)|(?<=\w)--(?=\w)|--+)[ \t]*")


def expand_dashes(text: str) -> str:
    """A dash between words ("—", "–", " - ", "--") as a comma pause; nothing at a line's start or
    before punctuation. Hyphens inside words ("high-profile", "U.S-Mexico") are not dashes."""

    def replace(m: re.Match[str]) -> str:
        before = text[max(0, m.start() - _WINDOW) : m.start()]
        after = text[m.end() : m.end() + _WINDOW]
        if not before.strip(" \t") or before.endswith("\n"):
            return ""
        if not after or after[0] in "\n.,;:!?)]”\"'’":
            return ""
        if before.rstrip()[-1:] in ",;:([“‘":
            return " "
        return ", "

    return _DASH.sub(replace, text)


_MINUS_DASH: Final = re.compile(r"(?<![^\s(\[/])–(?=\d)")


def dash_minus_signs(text: str) -> str:
    """A dash written as a minus sign ("bis –8 Grad", "(–5 °C)") as "−", so that it is read as one
    and not as a pause; a dash after a number ("2010 –2015") stays a dash. Used by the languages
    other than English."""

    def replace(m: re.Match[str]) -> str:
        before = text[max(0, m.start() - _WINDOW) : m.start()].rstrip()
        return m.group(0) if before[-1:].isdigit() else "\u2212"

    return _MINUS_DASH.sub(replace, text)


def tidy_punctuation(text: str) -> str:
    """Spaces and commas the other steps may leave: one space between words, none before
    punctuation, no doubled or leading commas; lines are trimmed, line breaks kept."""
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"[ \t]+(?=[,.;:!?])", "", text)
    text = re.sub(r",(?:[ \t]*,)+", ",", text)
    text = re.sub(r",[ \t]*(?=[.!?;:])", "", text)
    text = re.sub(r"(?m)^[ \t]*,[ \t]*", "", text)
    text = re.sub(r"(?<=[,;:])(?=[^\W\d_])", " ", text)
    return "\n".join(line.strip(" \t") for line in text.split("\n"))
