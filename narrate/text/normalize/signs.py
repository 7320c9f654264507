"""Signs before numbers: "-0.2" -> "minus 0.2", "−0.5 percent" (Unicode minus) -> "minus 0.5 percent",
"+3.5" -> "plus 3.5", "±2" -> "plus or minus 2".

The sign is read as a word before the decimal and number steps spell the digits, so that no sign is
left in front of a spelled number ("−zero point five", which an engine drops). A hyphen between two
numbers is a range or a score, read before this step; a hyphen inside a word ("COVID-19") is not a
sign.
"""

from __future__ import annotations

import re
from typing import Final

from ._common import sign_words

_SIGNED: Final = re.compile(
    r"(?:^|(?<=[\s(\[/:=,;]))"
    r"(?:(?P<tight>[-\u2013+\uff0b\ufe63\uff0d])|(?P<loose>[\u2212\u00b1\u2213])[ \t]?)"
    r"(?=[$£€¥₹]?\.?\d)"
)


def expand_signs(text: str) -> str:
    """A sign before a number in words: -3 -> "minus 3"; −0.5 (U+2212, also with a space after it)
    -> "minus 0.5"; an en dash written as a minus ("–5") -> "minus 5"; +3.5 -> "plus 3.5"; ±2 ->
    "plus or minus 2"; -£200 (once money is read, "-200 pounds") -> "minus 200 pounds"."""

    def replace(m: re.Match[str]) -> str:
        return sign_words(m.group("tight") or m.group("loose")) + " "

    return _SIGNED.sub(replace, text)
