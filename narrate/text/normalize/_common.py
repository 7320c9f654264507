"""What every kind of step shares: number words, and where a sentence ends.

The kind modules import these helpers and never copy them; nothing here rewrites text on its own.
``Step`` is the type of every step: a ``str -> str`` function.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from num2words import num2words

Step = Callable[[str], str]

# --------------------------------------------------------------------------------------------------
# Number words (num2words does the spelling; these helpers only tidy its output for speech)
# --------------------------------------------------------------------------------------------------

_MAX_NUMBER_DIGITS: Final = 15
"""Longer digit strings (account numbers, IDs) are read digit by digit."""

_DIGIT_WORDS: Final = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _tidy_words(words: str) -> str:
    """num2words output without commas (they make engines pause) and without British "and"."""
    return re.sub(r"\s+", " ", words.replace(",", "").replace(" and ", " ")).strip()


def _digits(digits: str) -> str:
    """Each digit as a word: "007" -> "zero zero seven"."""
    return " ".join(_DIGIT_WORDS[int(d)] for d in digits if d.isdigit())


def _cardinal(n: int) -> str:
    """200000 -> "two hundred thousand"; 1500000 -> "one million five hundred thousand"."""
    if len(str(abs(n))) > _MAX_NUMBER_DIGITS:
        return ("minus " if n < 0 else "") + _digits(str(abs(n)))
    return _tidy_words(num2words(n))


def _ordinal(n: int) -> str:
    """21 -> "twenty-first"; 101 -> "one hundred first"."""
    if n < 0 or len(str(n)) > _MAX_NUMBER_DIGITS:
        return _cardinal(n)
    return _tidy_words(num2words(n, to="ordinal"))


def _year(n: int) -> str:
    """2021 -> "twenty twenty-one"; 1998 -> "nineteen ninety-eight"; 2005 -> "two thousand five";
    1905 -> "nineteen oh five"."""
    return _tidy_words(num2words(n, to="year")).replace("oh-", "oh ")


def _plural(words: str) -> str:
    """The plural of a number in words: "nineteen ninety" -> "nineteen nineties"."""
    if words.endswith("y"):
        return words[:-1] + "ies"
    if words.endswith(("x", "s", "sh", "ch")):
        return words + "es"
    return words + "s"


def _number(text: str) -> str:
    """Digits as written ("1,234", "3.5", "007") in words."""
    integer, _, fraction = text.partition(".")
    integer = integer.replace(",", "")
    if not integer:
        head = "zero"
    elif (len(integer) > 1 and integer.startswith("0")) or len(integer) > _MAX_NUMBER_DIGITS:
        head = _digits(integer)
    else:
        head = _cardinal(int(integer))
    return f"{head} point {_digits(fraction)}" if fraction else head


_NUM: Final = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
"""A number as written: thousands separators optional, decimals optional."""

SIGNS: Final = {
    "-": "minus", "\u2212": "minus", "\u2013": "minus", "\ufe63": "minus", "\uff0d": "minus",
    "+": "plus", "\uff0b": "plus", "\u00b1": "plus or minus", "\u2213": "minus or plus",
}  # fmt: skip
"""Signs before a number, in words: the hyphen, the Unicode minus (U+2212) and an en dash written as a
minus; the plus; plus-or-minus."""


def sign_words(sign: str) -> str:
    """The words of a sign before a number: "-" and "\u2212" -> "minus", "+" -> "plus", "\u00b1" ->
    "plus or minus"; "" for no sign."""
    return SIGNS.get(sign.strip(), "")

# --------------------------------------------------------------------------------------------------
# Sentence ends
# --------------------------------------------------------------------------------------------------

SENTENCE_STARTERS: Final = frozenset(
    """
    A An The This That These Those There Then Than Thus Therefore Hence Meanwhile However Still Yet
    But And Or Nor So For Because Although Though While Whereas When Whenever Where Wherever Why How
    What Which Who Whom Whose If Unless Until After Before Since As Once Now Today Yesterday Tomorrow
    Later Earlier Last Next Soon Also Even Instead Indeed Moreover Furthermore Besides Otherwise
    I He She It We You They Me Him Her Us Them My His Its Our Your Their Mine Hers Ours Yours Theirs
    Some Many Most Much Few Several All Both Each Every Either Neither No None Nobody Nothing Not Any
    Another Other Others One Two Three Four Five Six Seven Eight Nine Ten
    In On At By From To Of With Without About Above Across Against Along Among Around Behind Below
    Beneath Beside Between Beyond During Except Inside Into Like Near Off Onto Outside Over Past
    Through Throughout Toward Towards Under Underneath Upon Within
    Is Are Was Were Be Been Being Do Does Did Has Have Had Can Could Will Would Shall Should May
    Might Must Let Here Please Yes Oh Well Just Only Again Ever Never Always Often Sometimes Perhaps
    Maybe Officials Police Authorities Critics Experts Analysts Researchers Scientists Residents
    """.split()
)
"""Capitalised words that, after an abbreviation's period, mean a new sentence has begun.

Any other capitalised word is taken for a name ("the U.S. Senate", "Dr. Smith"), as sentencex does.
"""

_CLOSERS: Final = "\"'”’)]»"
_OPENERS: Final = "\"'“‘([«"
_WORD: Final = re.compile(r"[A-Za-z]+")
_WINDOW: Final = 80
"""Characters of context the steps look at around a match; bounded, so no step is quadratic."""


def _ends_sentence(text: str, end: int) -> bool:
    """Whether the period just before ``text[end]`` (an abbreviation's) also ends the sentence."""
    i = end
    while i < len(text) and text[i] in _CLOSERS:
        i += 1
    if i >= len(text):
        return True
    if not text[i].isspace():
        return False  # "U.S.-based", "U.S.'s", "etc.,"
    j = i
    while j < len(text) and text[j].isspace():
        j += 1
    if j >= len(text) or "\n" in text[i:j]:
        return True
    while j < len(text) and text[j] in _OPENERS:
        j += 1
    word = _WORD.match(text, j)
    return word is not None and word.group(0) in SENTENCE_STARTERS


def _previous_word(text: str, start: int) -> str:
    """The word right before ``text[start]`` in the same sentence (commas and spaces skipped), or
    "" at the start of a sentence or line."""
    match = re.search(r"([\w'’-]+)(\W*)$", text[max(0, start - _WINDOW) : start])
    if not match or re.search(r"[.!?;:\n]", match.group(2)):
        return ""
    return match.group(1)


def _is_name_word(word: str) -> bool:
    """A capitalised word that is not a sentence starter such as "In" or "The"."""
    return bool(word) and word[0].isupper() and word.strip(".") not in SENTENCE_STARTERS


def split_tag(tag: str) -> tuple[str, str]:
    """("pt", "pt-br") from "pt_BR": the primary subtag and the whole tag, lower-case with hyphens."""
    whole = re.sub(r"[^a-z0-9-]", "", tag.strip().lower().replace("_", "-"))
    return whole.split("-")[0], whole
