"""Abbreviations, titles and initialisms: "Dr." -> "Doctor", "St." -> "Saint" or "Street",
"No. 5" -> "Number 5", "U.S." -> "U.S", "WHO" -> "W.H.O"."""

from __future__ import annotations

import re
from typing import Final

from ._common import _WINDOW, SENTENCE_STARTERS, _ends_sentence, _is_name_word, _previous_word
from .dates_times import MONTHS

TITLES: Final = {
    "Dr": "Doctor", "Mr": "Mister", "Mrs": "Missus", "Ms": "Miz", "Prof": "Professor",
    "Sen": "Senator", "Rep": "Representative", "Gov": "Governor", "Gen": "General",
    "Lt": "Lieutenant", "Sgt": "Sergeant", "Capt": "Captain", "Col": "Colonel", "Cpl": "Corporal",
    "Maj": "Major", "Adm": "Admiral", "Cmdr": "Commander", "Rev": "Reverend", "Hon": "Honorable",
    "Pres": "President", "Supt": "Superintendent", "Atty": "Attorney", "Mt": "Mount", "Ft": "Fort",
    "Msgr": "Monsignor",
}  # fmt: skip
"""Titles, expanded when written with a period (and "Mr", "Mrs", "Ms", "Dr", "St" also without one
when a capitalised name follows)."""

ABBREVIATIONS: Final = {
    "Jr": "Junior", "Sr": "Senior", "Inc": "Incorporated", "Corp": "Corporation", "Ltd": "Limited",
    "Bros": "Brothers", "Ave": "Avenue", "Blvd": "Boulevard", "Rd": "Road", "Hwy": "Highway",
    "Dept": "Department", "Univ": "University", "Assn": "Association", "vs": "versus", "Vs": "Versus",
    "etc": "et cetera", "approx": "approximately", "Approx": "Approximately", "e.g": "for example",
    "E.g": "For example", "i.e": "that is", "I.e": "That is", "cf": "compare", "a.k.a": "also known as",
    "Ph.D": "P.H.D", "et al": "et al", "incl": "including", "excl": "excluding", "viz": "namely",
    "esp": "especially", "govt": "government", "Govt": "Government", "dept": "department",
    **{abbr: name for abbr, name in MONTHS.items() if abbr != "May"},
}  # fmt: skip
"""Expanded when written with a period ("vs" and "etc" also without)."""

BEFORE_NUMBER: Final = {
    "No": "Number", "no": "number", "Nos": "Numbers", "nos": "numbers", "p": "page", "pp": "pages",
    "ch": "chapter", "Ch": "Chapter", "fig": "figure", "Fig": "Figure", "vol": "volume",
    "Vol": "Volume", "c": "circa", "ca": "circa", "ext": "extension", "Ext": "Extension",
}  # fmt: skip
"""Expanded only before a number: "No. 5" but not "No. I won't"."""

_UNDOTTED: Final = frozenset({"Mr", "Mrs", "Ms", "Dr", "St", "vs", "etc"})
_ABBREVIATION: Final = re.compile(
    r"(?<![\w.&'’-])(?P<abbr>"
    + "|".join(
        re.escape(a)
        for a in sorted({*TITLES, *ABBREVIATIONS, *BEFORE_NUMBER, "St", "Co", "v", "est", "Est"}, key=len, reverse=True)
    )
    + r")(?P<dot>\.)?(?![^\W\d]|&)"
)


def expand_abbreviations(text: str) -> str:
    """Titles and abbreviations in words: Dr. -> "Doctor", Sen. -> "Senator", St. Louis -> "Saint
    Louis" but Main St. -> "Main Street", Jan. -> "January", No. 5 -> "Number 5", vs. -> "versus",
    etc. -> "et cetera", e.g. -> "for example", i.e. -> "that is", approx. -> "approximately",
    est. -> "established" before a year ("est. 1901", "est. in 1901") and "estimated" otherwise.

    The period goes unless it also ends the sentence (the text ends, a line ends, or a word such
    as "The" or "He" follows), as in "…made by Acme Inc. The company…"."""

    def replace(m: re.Match[str]) -> str:
        abbr, dot = m.group("abbr"), m.group("dot")
        after = text[m.end() : m.end() + _WINDOW]
        before = _previous_word(text, m.start())
        next_word = re.match(r"[ \t]+([A-Z][\w'’-]*)", after)
        next_is_name = next_word is not None and next_word.group(1) not in SENTENCE_STARTERS
        next_is_number = re.match(r"[ \t]?\d", after) is not None
        if abbr in BEFORE_NUMBER:
            if not (dot or abbr in ("No", "Nos")) or not next_is_number:
                return m.group(0)
            return BEFORE_NUMBER[abbr] + " "  * (not after[:1].isspace())
        if not dot and abbr not in _UNDOTTED:
            return m.group(0)
        if not dot and abbr in ("Mr", "Mrs", "Ms", "Dr", "St") and not next_is_name:
            return m.group(0)
        if abbr == "St":
            street = (before[:1].isdigit() or _is_name_word(before)) and before not in TITLES
            word = "Street" if street or not next_is_name else "Saint"
        elif abbr == "Dr" and _is_name_word(before) and not next_is_name:
            word = "Drive"
        elif abbr == "Co":
            if not (dot and _is_name_word(before)):
                return m.group(0)
            word = "Company"
        elif abbr in ("est", "Est"):
            if not dot:
                return m.group(0)
            year = re.match(r"[ \t]+(?:in[ \t]+)?(?:1[5-9]|20)\d\d(?!\d|[,.]\d)", after) is not None
            word = "established" if year else "estimated"
            word = word.capitalize() if abbr == "Est" else word
        elif abbr == "v":
            if not (dot and _is_name_word(before) and next_is_name):
                return m.group(0)
            word = "versus"
        else:
            word = TITLES.get(abbr) or ABBREVIATIONS[abbr]
        if abbr in TITLES and next_is_name:
            return word
        return word + ("." if dot and _ends_sentence(text, m.end()) else "")

    return _ABBREVIATION.sub(replace, text)


_DOTTED_INITIALISM: Final = re.compile(r"(?<![\w.@])(?P<letters>(?:[A-Za-z]\.)+[A-Za-z])(?P<dot>\.)?(?![\w])")
LETTER_WORDS: Final = frozenset({"WHO", "US", "IT", "ERA", "LAPD", "COPD"})
"""Initialisms that hibari reads as a word where a narrator spells them: "WHO officials" as "who
officials", a pitcher's "2.85 ERA" (earned run average; the Equal Rights Amendment) as "era", "LAPD" as
"lapped", "COPD" as "copped". Found by comparing hibari's phonemes for the initialism with those of its
spelled letters; the ones hibari reads as a word as narrators do too are left alone (NATO, OPEC, FEMA,
AIDS, PIN, ICE, CAT, PAC, FTSE "footsie", WHIP and WAR in baseball)."""
ACRONYM_WORDS: Final = {"IKEA": "Ikea"}
"""Acronyms said as words that hibari would spell out letter by letter (IKEA -> "I K E A")."""
_CAPS_WORD: Final = re.compile(r"(?<![\w.'’-])(?P<word>[A-Z]{2,6})(?![\w])")


def expand_initialisms(text: str) -> str:
    """Initialisms read as letters: "U.S." -> "U.S", "F.B.I." -> "F.B.I" (the period stays if the
    sentence ends there); all-capital initialisms that are also words ("WHO", "US", "IT") dotted,
    unless the words around them are in capitals too (a heading). Acronyms said as words (NASA,
    NATO, UNESCO) are left for the engine, which knows them."""

    def dotted(m: re.Match[str]) -> str:
        letters = m.group("letters")
        if sum(c.isupper() for c in letters) not in (0, len(letters.replace(".", ""))):
            return m.group(0)  # mixed case: not an initialism
        end = "." if m.group("dot") and _ends_sentence(text, m.end()) else ""
        return letters.upper() + end

    def caps(m: re.Match[str]) -> str:
        word = m.group("word")
        if word in ACRONYM_WORDS:
            return ACRONYM_WORDS[word]
        if word not in LETTER_WORDS:
            return word
        before = re.search(r"([A-Za-z]+)[^A-Za-z\n]*$", text[max(0, m.start() - 40) : m.start()])
        after = re.match(r"[^A-Za-z\n]*([A-Za-z]+)", text[m.end() : m.end() + 40])
        for neighbour in (before, after):
            if neighbour and len(neighbour.group(1)) > 1 and neighbour.group(1).isupper():
                return word  # a heading or shouting: "LET US GO"
        return ".".join(word)

    text = _DOTTED_INITIALISM.sub(dotted, text)
    return _CAPS_WORD.sub(caps, text)
