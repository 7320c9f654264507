"""Symbols as words: ampersands early ("AT&T", "Smith & Wesson"), and late, once the number steps
are done, the symbols left over ("+", "~", "±", "×", "=", "%", "°", "@")."""

from __future__ import annotations

import re
from typing import Final

_AMP: Final = re.compile(r"(?<![\w&])(?P<left>[A-Z]{1,3})&(?P<right>[A-Z]{1,3})(?![\w&])|[ \t]*&(?:amp;)?[ \t]*")


def _dotted(letters: str) -> str:
    return ".".join(letters) if len(letters) > 1 else letters


def expand_ampersands(text: str) -> str:
    """"Smith & Wesson" -> "Smith and Wesson"; letters stay letters: "AT&T" -> "A.T and T".

    A lone "A" after "and" is read by hibari as the article ("Q and A" -> "kjˈu ænd ɐ"), whereas it
    reads "Q&A" and "M&A" as letters, so those are left as written."""

    def replace(m: re.Match[str]) -> str:
        left, right = m.group("left"), m.group("right")
        if left is None:
            return " and "
        if right == "A":
            return m.group(0)
        return f"{_dotted(left)} and {_dotted(right)}"

    return _AMP.sub(replace, text)


_SYMBOLS: Final = (
    (re.compile(r"[ \t]+\+[ \t]+"), " plus "),
    (re.compile(r"(?<![\w~])~[ \t]?(?=\w)"), "about "),
    (re.compile(r"[ \t]*±[ \t]*"), " plus or minus "),
    (re.compile(r"[ \t]*×[ \t]*"), " times "),
    (re.compile(r"[ \t]+=[ \t]+"), " equals "),
    (re.compile(r"[ \t]*%"), " percent"),
    (re.compile(r"[ \t]*[°º](?=[ \t]|$)"), " degrees"),
    (re.compile(r"(?<![\w@])@(?=\w)"), "at "),
    (re.compile(r"[ \t]*@[ \t]*"), " at "),
)


def expand_symbols(text: str) -> str:
    """Symbols left over, as words: " + " -> "plus", "~" -> "about", "±", "×", " = ", "%", "°",
    "@"."""
    for pattern, words in _SYMBOLS:
        text = pattern.sub(words, text)
    return text
