"""Characters and spaces: control and format characters out, every kind of space as a plain space.

Both steps are language-neutral: they run for every language, not only English.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

_LINE_BREAKS: Final = re.compile(r"\r\n?|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _is_noncharacter(char: str) -> bool:
    """One of Unicode's 66 noncharacters, never meant to be exchanged as text."""
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


def remove_control_characters(text: str) -> str:
    """Control and format characters out: line breaks of every kind become "\\n", tabs and other
    control characters a space, zero-width and other format characters (soft hyphen, BOM, bidi
    marks), lone surrogates and noncharacters (U+FFFE, U+FFFF, U+FDD0-U+FDEF, the last two code
    points of every plane) nothing. "\\n" is the only control character left."""
    text = _LINE_BREAKS.sub("\n", text)
    out = []
    for char in text:
        if char == "\n":
            out.append(char)
            continue
        category = unicodedata.category(char)
        if category == "Cc":
            out.append(" ")
        elif category in ("Cf", "Cs") or _is_noncharacter(char):
            continue
        else:
            out.append(char)
    return "".join(out)


def normalize_spaces(text: str) -> str:
    """Every kind of space (no-break, thin, ideographic …) as a plain space; runs of spaces as one."""
    text = "".join(" " if unicodedata.category(c) == "Zs" else c for c in text)
    return re.sub(r" {2,}", " ", text)
