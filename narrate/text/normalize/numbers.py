"""Numbers: fractions, ordinals, decimals, and last whatever digits are left, as words (phone
numbers and other codes are read digit by digit in ``codes``).

The number words themselves are spelled by the helpers in ``_common`` (num2words, tidied for
speech).
"""

from __future__ import annotations

import re
from typing import Final

from ._common import _MAX_NUMBER_DIGITS, _cardinal, _number, _ordinal, _plural

# --------------------------------------------------------------------------------------------------
# Fractions
# --------------------------------------------------------------------------------------------------

VULGAR_FRACTIONS: Final = {
    "½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5), "⅖": (2, 5),
    "⅗": (3, 5), "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅐": (1, 7), "⅛": (1, 8), "⅜": (3, 8),
    "⅝": (5, 8), "⅞": (7, 8), "⅑": (1, 9), "⅒": (1, 10),
}  # fmt: skip
_DENOMINATORS: Final = {2: ("half", "halves"), 4: ("quarter", "quarters")}
_VULGAR: Final = re.compile(r"(?:(?<!\d)(?P<whole>\d+)[ \t]?)?(?P<frac>[" + "".join(VULGAR_FRACTIONS) + "])")
_SLASH_FRACTION: Final = re.compile(
    r"(?<![\w/.,])(?:(?P<whole>\d+)[ \t]+)?(?P<a>\d{1,3})/(?P<b>\d{1,3})(?![\w/]|[.,]\d)"
)


def _fraction_words(numerator: int, denominator: int) -> str:
    one, many = _DENOMINATORS.get(denominator) or (_ordinal(denominator), _plural(_ordinal(denominator)))
    return f"{_cardinal(numerator)} {one if numerator == 1 else many}"


def expand_fractions(text: str) -> str:
    """½ -> "one half"; ½ a length, ½ of -> "half a length", "half of"; ¼ of -> "a quarter of"; 1½ -> "1
    and a half"; ¾ of -> "three quarters of"; 3/4 -> "three quarters"; 1 1/2 -> "1 and a half";
    two small numbers with a slash that are no fraction are read as a pair: 24/7 -> "24 7",
    9/11 -> "9 11"."""

    def words(whole: str | None, numerator: int, denominator: int) -> str:
        fraction = _fraction_words(numerator, denominator)
        if whole is None:
            return fraction
        if numerator == 1:
            fraction = "a " + fraction.split(" ", 1)[1]
        return f"{whole} and {fraction}"

    def vulgar(m: re.Match[str]) -> str:
        numerator, denominator = VULGAR_FRACTIONS[m.group("frac")]
        if m.group("whole") is None and numerator == 1 and denominator in (2, 4):
            if re.match(r"[ \t]+(?:a|an|of|the)\b", text[m.end() : m.end() + 5]):
                return "half" if denominator == 2 else "a quarter"  # "½ a length", "¼ of the vote"
        return words(m.group("whole"), numerator, denominator)

    def slash(m: re.Match[str]) -> str:
        a, b = int(m.group("a")), int(m.group("b"))
        if (a, b) == (1, 2) and m.group("whole") is None and re.match(r"[ \t]+(?:a|an|of)\b", text[m.end() : m.end() + 5]):
            return "half"  # "1/2 an hour"
        if 0 < a < b <= 10:
            return words(m.group("whole"), a, b)
        if m.group("whole") is None and len(m.group("a")) <= 2 and len(m.group("b")) <= 2:
            return f"{a} {b}"
        return m.group(0)

    text = _VULGAR.sub(vulgar, text)
    return _SLASH_FRACTION.sub(slash, text)


# --------------------------------------------------------------------------------------------------
# Plain numbers
# --------------------------------------------------------------------------------------------------

_ORDINAL: Final = re.compile(r"(?<![\w.,])(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?P<suffix>st|nd|rd|th|ST|ND|RD|TH)\b")


def expand_ordinals(text: str) -> str:
    """21st -> "twenty-first"; 3rd -> "third"; 100th -> "one hundredth"."""

    def replace(m: re.Match[str]) -> str:
        digits = m.group("n").replace(",", "")
        if len(digits) > _MAX_NUMBER_DIGITS:
            return m.group(0)  # left for expand_numbers, which reads it digit by digit
        n = int(digits)
        expected = {1: "st", 2: "nd", 3: "rd"}.get(n % 10 if n % 100 not in (11, 12, 13) else 0, "th")
        if m.group("suffix").lower() != expected:
            return m.group(0)  # "2th" is not an ordinal; leave it for the number step
        return _ordinal(n)

    return _ORDINAL.sub(replace, text)


_DECIMAL: Final = re.compile(r"(?<![\w.,])(?P<n>(?:\d{1,3}(?:,\d{3})+|\d+)?\.\d+)(?P<more>(?:\.\d+)+)?(?![\w]|[.,]\d)")


def expand_decimals(text: str) -> str:
    """3.5 -> "three point five"; 0.25 -> "zero point two five"; .5 -> "zero point five"; a dotted
    series of numbers (a version, an address) part by part: 3.11.2 -> "three point eleven point two"."""

    def replace(m: re.Match[str]) -> str:
        if m.group("more"):
            parts = (m.group("n") + m.group("more")).split(".")
            return " point ".join(_number(p) if p else "zero" for p in parts)
        return _number(m.group("n"))

    return _DECIMAL.sub(replace, text)


_LETTER_DIGIT: Final = re.compile(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
_PLURAL_NUMBER: Final = re.compile(r"(?<![\w.,])(?P<n>\d+)['’]?s\b")
_NUMBER_SIGN: Final = re.compile(r"(?<![\w#&])#[ \t]?(?=\d)")
_PLUS_SIGN: Final = re.compile(r"(?<![\w+])\+(?=\d)")
_INTEGER: Final = re.compile(r"(?P<minus>(?<![\w.,)\]])[-−](?=\d))?(?P<n>\d{1,3}(?:,\d{3})+(?!\d)|\d+)")


def expand_numbers(text: str) -> str:
    """Whatever digits are left, as words: 200,000 -> "two hundred thousand" (no commas inside);
    -5 -> "minus five"; 747s -> "seven hundred forty-sevens"; MP3 -> "MP three"; 007 -> "zero zero
    seven"; #1 -> "number one"; +5 -> "plus five"; numbers over 15 digits digit by digit."""
    text = _NUMBER_SIGN.sub("number ", text)
    text = _PLUS_SIGN.sub("plus ", text)
    text = _PLURAL_NUMBER.sub(lambda m: _plural(_number(m.group("n"))), text)
    text = _LETTER_DIGIT.sub(" ", text)

    def replace(m: re.Match[str]) -> str:
        return ("minus " if m.group("minus") else "") + _number(m.group("n"))

    return _INTEGER.sub(replace, text)
