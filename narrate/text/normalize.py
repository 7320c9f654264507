"""Speech normalisation: text as it should be *spoken*, for English.

Applied to the spoken text only (the display text is kept elsewhere), after the pronunciation
lexicon and before the text reaches an engine. The work is done by a pipeline of small named
``str -> str`` functions, :data:`PIPELINE`, run in order; each one handles one kind of token and can
be used and tested alone.

What the output looks like, and why:

* Numbers become words (num2words), without the commas num2words writes inside large numbers
  ("one million, five hundred thousand") because engines pause at commas.
* Periods that are not sentence ends go: "Dr." -> "Doctor", "Jan. 5" -> "January fifth",
  "U.S." -> "U.S". hibari (the default engine) splits sentences at any ". " before a capital or a
  digit unless the word is a title or a single initial, so "Jan. 5, 2024." was read as two
  sentences ("January. five, ...") and "the U.S. Senate" as "the U S." + "Senate". Where the
  period of an abbreviation does end the sentence, one period is kept.
* Initialisms keep their dots between the letters ("U.S", "F.B.I", "A.M"): hibari spells a dotted
  word letter by letter, with the stress on the last letter, as a reader would.
* Dashes between words and ellipses become pauses (", " or a sentence end); hyphens inside words
  are left alone.

Sentence punctuation is kept, so sentences can still be split after normalisation; no sentence is
merged with another or dropped. The function never raises: every step only rewrites what its
patterns recognise and leaves anything else as it was.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Final

from num2words import num2words

__all__ = [
    "PIPELINE",
    "normalize_for_speech",
    "remove_control_characters",
    "normalize_spaces",
    "expand_ellipses",
    "expand_urls",
    "expand_emails",
    "expand_ampersands",
    "expand_times",
    "expand_dates",
    "expand_abbreviations",
    "expand_initialisms",
    "expand_phone_numbers",
    "expand_money",
    "expand_percents",
    "expand_degrees",
    "expand_units",
    "expand_fractions",
    "expand_decades",
    "expand_ranges",
    "expand_years",
    "expand_ordinals",
    "expand_decimals",
    "expand_numbers",
    "expand_symbols",
    "expand_dashes",
    "tidy_punctuation",
]

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


# --------------------------------------------------------------------------------------------------
# Characters and spaces
# --------------------------------------------------------------------------------------------------

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


# --------------------------------------------------------------------------------------------------
# Pauses
# --------------------------------------------------------------------------------------------------

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


# --------------------------------------------------------------------------------------------------
# Web addresses, ampersands
# --------------------------------------------------------------------------------------------------

_TLDS: Final = (
    "com|org|net|gov|edu|mil|int|info|biz|io|ai|co|uk|us|ca|au|de|fr|es|it|nl|eu|ch|se|no|dk|fi|"
    "ie|nz|jp|cn|in|mx|br|ru|za|app|dev|news|tv|fm|me|ly|gl|be|at|pl|pt"
)
_URL: Final = re.compile(
    r"(?i:(?:https?|ftp)://|www\.)[^\s<>\"“”]+?(?=[.,;:!?)\]\"'”’]*(?:\s|$))"
    rf"|(?<![\w@.-])(?:[A-Za-z0-9-]{{2,}}\.)+(?:{_TLDS})(?:/[^\s<>\"“”]*?)?(?=[.,;:!?)\]\"'”’]*(?:\s|$))"
)
"""A web address: with a scheme or "www.", or a bare domain with a lower-case top-level domain."""
_SHORT_PATH: Final = re.compile(r"/[A-Za-z]{1,12}/?")


def _spell_host(host: str) -> str:
    return " dot ".join(part for part in host.split(".") if part)


def expand_urls(text: str) -> str:
    """https://www.example.com/path -> "example dot com": no scheme, no "www", no query, no path,
    except the one short word of a bare address written for readers ("example.com/jobs" ->
    "example dot com slash jobs")."""

    def replace(m: re.Match[str]) -> str:
        url = m.group(0)
        rest = re.sub(r"^(?:[a-z]+://)?(?:www\.)?", "", url, flags=re.IGNORECASE)
        host, slash, path = rest.partition("/")
        host = host.split(":")[0].split("@")[-1]
        if not re.fullmatch(r"[\w.-]+", host) or "." not in host.strip("."):
            return url
        spoken = _spell_host(host.strip(".").lower())
        path = slash + path.split("?")[0].split("#")[0]
        if url == rest and _SHORT_PATH.fullmatch(path):
            spoken += " slash " + path.strip("/")
        return spoken

    return _URL.sub(replace, text)


_EMAIL: Final = re.compile(r"(?<![\w.+-])([\w.+-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?<!\.)")


def expand_emails(text: str) -> str:
    """ed@example.org -> "ed at example dot org"."""

    def replace(m: re.Match[str]) -> str:
        user = " dot ".join(p for p in m.group(1).split(".") if p)
        return f"{user} at {_spell_host(m.group(2).lower())}"

    return _EMAIL.sub(replace, text)


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


# --------------------------------------------------------------------------------------------------
# Times and dates
# --------------------------------------------------------------------------------------------------

_TIME: Final = re.compile(
    r"(?<![\w:.,$£€])(?P<h>\d{1,2})(?::(?P<m>\d{2})(?::(?P<s>\d{2}))?)?"
    r"(?:[ \t]?(?P<ap>[AaPp])\.?[ \t]?[Mm](?P<dot>\.)?(?![A-Za-z])|[ \t](?P<word>noon|midnight)\b)"
    r"|(?<![\w:.,$£€])(?P<h2>\d{1,2}):(?P<m2>\d{2})(?::(?P<s2>\d{2}))?(?![\d:]|[.,]\d)"
)


def _clock(hours: int, minutes: int, seconds: int | None, *, suffix: bool) -> str:
    words = _cardinal(hours)
    if minutes == 0:
        if not suffix and seconds is None:
            words += " o'clock" if 1 <= hours <= 12 else " hundred"
    elif minutes < 10:
        words += " oh " + _cardinal(minutes)
    else:
        words += " " + _cardinal(minutes)
    if seconds:
        words += " and " + _cardinal(seconds) + (" second" if seconds == 1 else " seconds")
    return words


_TIME_SPAN: Final = re.compile(r"\b(?P<ap>[AP]\.M)[ \t]?[-–—][ \t]?(?=\w)")


def expand_times(text: str) -> str:
    """10:30 a.m. -> "ten thirty A.M"; 7 pm -> "seven P.M"; 12:00 noon -> "twelve noon";
    14:05 -> "fourteen oh five"; 9 a.m.-5 p.m. -> "nine A.M to five P.M". "A.M" (dotted, no final
    period) is what hibari spells as letters without taking the period for a sentence end; the
    period stays when the sentence ends there."""

    def replace(m: re.Match[str]) -> str:
        if m.group("h2") is not None:
            h, mi, s = int(m.group("h2")), int(m.group("m2")), m.group("s2")
            if h > 24 or mi > 59 or (s is not None and int(s) > 59):
                return m.group(0)
            return _clock(h, mi, int(s) if s else None, suffix=False)
        h, mi, s = int(m.group("h")), int(m.group("m") or 0), m.group("s")
        if m.group("ap"):
            if not 1 <= h <= 12 or mi > 59 or (s is not None and int(s) > 59):
                return m.group(0)
            ap = m.group("ap").upper() + ".M"
            if m.group("dot") and _ends_sentence(text, m.end()):
                ap += "."
            return _clock(h, mi, int(s) if s else None, suffix=True) + " " + ap
        if h > 24 or mi > 59:
            return m.group(0)
        return _clock(h, mi, int(s) if s else None, suffix=True) + " " + m.group("word")

    text = _TIME.sub(replace, text)
    return _TIME_SPAN.sub(lambda m: m.group("ap") + " to ", text)


MONTHS: Final = {
    "Jan": "January", "Feb": "February", "Mar": "March", "Apr": "April", "May": "May", "Jun": "June",
    "Jul": "July", "Aug": "August", "Sep": "September", "Sept": "September", "Oct": "October",
    "Nov": "November", "Dec": "December",
}  # fmt: skip
_MONTH_NAMES: Final = tuple(dict.fromkeys(MONTHS.values()))
_MONTH: Final = (
    r"(?P<month>" + "|".join(_MONTH_NAMES) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_DAY_SUFFIX: Final = r"(?:st|nd|rd|th)?"
_MONTH_DAY: Final = re.compile(
    rf"\b{_MONTH}[ \t]+(?P<day>\d{{1,2}}){_DAY_SUFFIX}(?![\w%:]|[.,]\d)"
    r"(?:(?P<sep>,?[ \t]+)(?P<year>\d{4})(?![\w%]|[.,]\d))?"
)
_DAY_MONTH: Final = re.compile(
    rf"(?P<the>\b(?i:the)[ \t]+)?(?<![\w.,:$£€-])(?P<day>\d{{1,2}}){_DAY_SUFFIX}[ \t]+(?:of[ \t]+)?{_MONTH}(?!\w)"
    r"(?:(?P<sep>,?[ \t]+)(?P<year>\d{4})(?![\w%]|[.,]\d))?"
)
_MONTH_YEAR: Final = re.compile(rf"\b{_MONTH}[ \t]+(?P<year>\d{{4}})(?![\w%]|[.,]\d)")
_ISO_DATE: Final = re.compile(r"(?<![\w.-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w-])")
_NUMERIC_DATE: Final = re.compile(r"(?<![\w/.-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\w/]|[.,]\d)")


def _month_name(token: str) -> str:
    return MONTHS.get(token.rstrip(".")[:4] if token.startswith("Sept") else token.rstrip(".")[:3], token)


def _date_words(month: int, day: int, year: int | None) -> str | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    words = f"{_MONTH_NAMES[month - 1]} {_ordinal(day)}"
    return f"{words}, {_year(year)}" if year is not None else words


def expand_dates(text: str) -> str:
    """Jan. 5, 2024 -> "January fifth, twenty twenty-four"; March 30, 2021; 5 January 2024 ->
    "the fifth of January twenty twenty-four"; March 2021; 2024-01-05; 1/5/2024 (month first)."""

    def month_day(m: re.Match[str]) -> str:
        day = int(m.group("day"))
        if not 1 <= day <= 31:
            return m.group(0)
        words = f"{_month_name(m.group('month'))} {_ordinal(day)}"
        if m.group("year"):
            words += m.group("sep") + _year(int(m.group("year")))
        return words

    def day_month(m: re.Match[str]) -> str:
        day = int(m.group("day"))
        if not 1 <= day <= 31:
            return m.group(0)
        words = f"{m.group('the') or 'the '}{_ordinal(day)} of {_month_name(m.group('month'))}"
        if m.group("year"):
            words += m.group("sep") + _year(int(m.group("year")))
        elif m.group("month").endswith(".") and _ends_sentence(text, m.end()):
            words += "."  # "on 5 Sept. The ..."
        return words

    def month_year(m: re.Match[str]) -> str:
        return f"{_month_name(m.group('month'))} {_year(int(m.group('year')))}"

    def iso(m: re.Match[str]) -> str:
        words = _date_words(int(m.group("m")), int(m.group("d")), int(m.group("y")))
        return words or m.group(0)

    def numeric(m: re.Match[str]) -> str:
        a, b, y = int(m.group("a")), int(m.group("b")), m.group("y")
        year = int(y) if len(y) == 4 else (1900 if int(y) > 30 else 2000) + int(y)
        month, day = (a, b) if a <= 12 else (b, a)
        return _date_words(month, day, year) or m.group(0)

    text = _ISO_DATE.sub(iso, text)
    text = _NUMERIC_DATE.sub(numeric, text)
    text = _MONTH_DAY.sub(month_day, text)
    text = _DAY_MONTH.sub(day_month, text)
    return _MONTH_YEAR.sub(month_year, text)


# --------------------------------------------------------------------------------------------------
# Abbreviations and initialisms
# --------------------------------------------------------------------------------------------------

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
    "Ph.D": "P.H.D", "et al": "et al",
    **{abbr: name for abbr, name in MONTHS.items() if abbr != "May"},
}  # fmt: skip
"""Expanded when written with a period ("vs" and "etc" also without)."""

BEFORE_NUMBER: Final = {
    "No": "Number", "no": "number", "Nos": "Numbers", "nos": "numbers", "p": "page", "pp": "pages",
    "ch": "chapter", "Ch": "Chapter", "fig": "figure", "Fig": "Figure", "vol": "volume",
    "Vol": "Volume", "c": "circa", "ca": "circa",
}  # fmt: skip
"""Expanded only before a number: "No. 5" but not "No. I won't"."""

_UNDOTTED: Final = frozenset({"Mr", "Mrs", "Ms", "Dr", "St", "vs", "etc"})
_ABBREVIATION: Final = re.compile(
    r"(?<![\w.&'’-])(?P<abbr>"
    + "|".join(
        re.escape(a) for a in sorted({*TITLES, *ABBREVIATIONS, *BEFORE_NUMBER, "St", "Co", "v"}, key=len, reverse=True)
    )
    + r")(?P<dot>\.)?(?![^\W\d]|&)"
)


def expand_abbreviations(text: str) -> str:
    """Titles and abbreviations in words: Dr. -> "Doctor", Sen. -> "Senator", St. Louis -> "Saint
    Louis" but Main St. -> "Main Street", Jan. -> "January", No. 5 -> "Number 5", vs. -> "versus",
    etc. -> "et cetera", e.g. -> "for example", i.e. -> "that is", approx. -> "approximately".

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
LETTER_WORDS: Final = frozenset({"WHO", "US", "IT"})
"""Initialisms that are also English words; hibari reads "WHO officials" as "who officials"."""
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


# --------------------------------------------------------------------------------------------------
# Numbers with units: phone numbers, money, percent, degrees, units, fractions
# --------------------------------------------------------------------------------------------------

_PHONE: Final = re.compile(
    r"(?<![\w.+-])(?:(?P<cc>\+?1)[ .-])?(?:\((?P<area1>\d{3})\)[ ]?|(?P<area2>\d{3})[.-])"
    r"(?P<a>\d{3})[.-](?P<b>\d{4})(?![\w-]|[.,]\d)"
    r"|(?<![\w.+-])(?P<c>\d{3})-(?P<d>\d{4})(?![\w-]|[.,]\d)"
)


def expand_phone_numbers(text: str) -> str:
    """(555) 123-4567, 555-123-4567, 555-1234 read digit by digit in groups: "five five five, one
    two three, four five six seven"."""

    def replace(m: re.Match[str]) -> str:
        if m.group("c"):
            groups = [m.group("c"), m.group("d")]
        else:
            groups = [g for g in (m.group("cc"), m.group("area1") or m.group("area2"), m.group("a"), m.group("b")) if g]
        return ", ".join(_digits(g) for g in groups)

    return _PHONE.sub(replace, text)


CURRENCIES: Final = {
    "$": ("dollar", "dollars", "cent", "cents"),
    "£": ("pound", "pounds", "penny", "pence"),
    "€": ("euro", "euros", "cent", "cents"),
    "¥": ("yen", "yen", None, None),
    "₹": ("rupee", "rupees", None, None),
}
_CURRENCY_PREFIX: Final = {"US": "U.S", "C": "Canadian", "A": "Australian", "NZ": "New Zealand", "HK": "Hong Kong"}
_SCALES: Final = {"k": "thousand", "K": "thousand", "m": "million", "M": "million", "mn": "million",
                  "b": "billion", "B": "billion", "bn": "billion", "tn": "trillion", "T": "trillion"}  # fmt: skip
_SCALE: Final = (
    r"(?:(?:[ \t]|-)?(?P<scale{n}>hundred|thousand|million|billion|trillion)(?![\w])"
    r"|(?P<short{n}>mn|bn|tn|[kKmMbBT])(?![\w-]))"
)
_MONEY: Final = re.compile(
    rf"(?<![\w$£€¥₹])(?P<prefix>US|C|A|NZ|HK)?(?P<sym>[$£€¥₹])[ \t]?(?P<amount>{_NUM})"
    rf"(?:{_SCALE.format(n=1)})?"
    rf"(?:(?:[ \t]?[–-][ \t]?(?P=sym)?|[ \t]+to[ \t]+(?P=sym))(?P<amount2>{_NUM})(?:{_SCALE.format(n=2)})?)?"
    r"(?![\w]|[.,]\d)"
)
_CENTS: Final = re.compile(rf"(?<![\w.,])(?P<amount>{_NUM})[ \t]?¢")


def expand_money(text: str) -> str:
    """$3.5 million -> "3.5 million dollars"; $9.99 -> "9 dollars and 99 cents"; £5 -> "5 pounds";
    €200 -> "200 euros"; $5m, $2bn, $10k; $5-10 million -> "5 to 10 million dollars". The numbers
    are spelled by the later number steps."""

    def replace(m: re.Match[str]) -> str:
        one, many, sub_one, sub_many = CURRENCIES[m.group("sym")]
        prefix = _CURRENCY_PREFIX[m.group("prefix")] + " " if m.group("prefix") and m.group("sym") == "$" else ""
        if m.group("prefix") and not prefix:
            return m.group(0)
        amount, scale = m.group("amount"), m.group("scale1") or m.group("short1")
        amount2, scale2 = m.group("amount2"), m.group("scale2") or m.group("short2")
        if amount2:
            scale = scale2 or scale
            scale_words = f" {_SCALES.get(scale, scale)}" if scale else ""
            return f"{amount} to {amount2}{scale_words} {prefix}{many}"
        if scale:
            return f"{amount} {_SCALES.get(scale, scale)} {prefix}{many}"
        whole, _, fraction = amount.partition(".")
        if fraction and len(fraction) == 2 and sub_one and len(whole) <= _MAX_NUMBER_DIGITS:
            units, cents = int(whole.replace(",", "") or 0), int(fraction)
            parts = []
            if units or not cents:
                parts.append(f"{whole} {prefix}{one if units == 1 else many}")
            if cents:
                parts.append(f"{cents} {sub_one if cents == 1 else sub_many}")
            return " and ".join(parts)
        return f"{amount} {prefix}{one if amount == '1' else many}"

    text = _MONEY.sub(replace, text)
    return _CENTS.sub(lambda m: f"{m.group('amount')} {'cent' if m.group('amount') == '1' else 'cents'}", text)


_PERCENT: Final = re.compile(rf"(?<![\w.,])(?P<a>{_NUM})(?:[ \t]?(?:–|-|to)[ \t]?(?P<b>{_NUM})[ \t]?%?)?[ \t]?%")


def expand_percents(text: str) -> str:
    """12% -> "12 percent"; 3.5% -> "3.5 percent"; 5-10% -> "5 to 10 percent"."""

    def replace(m: re.Match[str]) -> str:
        if m.group("b"):
            return f"{m.group('a')} to {m.group('b')} percent"
        return f"{m.group('a')} percent"

    return _PERCENT.sub(replace, text)


_DEGREES: Final = re.compile(rf"(?<![\w.,])(?P<minus>[-−])?(?P<n>{_NUM})[ \t]?[°º][ \t]?(?P<scale>[CFK](?![\w]))?")


def expand_degrees(text: str) -> str:
    """30°C -> "30 degrees Celsius"; -5 °F -> "minus 5 degrees Fahrenheit"; 45° -> "45 degrees"."""

    def replace(m: re.Match[str]) -> str:
        n = m.group("n")
        words = f"{'minus ' if m.group('minus') else ''}{n} {'degree' if n == '1' else 'degrees'}"
        scale = {"C": " Celsius", "F": " Fahrenheit", "K": " Kelvin"}.get(m.group("scale") or "", "")
        return words + scale

    return _DEGREES.sub(replace, text)


UNITS: Final = {
    "km": ("kilometer", "kilometers"), "cm": ("centimeter", "centimeters"),
    "mm": ("millimeter", "millimeters"), "kg": ("kilogram", "kilograms"),
    "mg": ("milligram", "milligrams"), "ml": ("milliliter", "milliliters"),
    "mph": ("mile per hour", "miles per hour"), "km/h": ("kilometer per hour", "kilometers per hour"),
    "kph": ("kilometer per hour", "kilometers per hour"), "lb": ("pound", "pounds"),
    "lbs": ("pound", "pounds"), "oz": ("ounce", "ounces"), "ft": ("foot", "feet"),
    "sq ft": ("square foot", "square feet"), "mi": ("mile", "miles"), "yd": ("yard", "yards"),
    "KB": ("kilobyte", "kilobytes"), "MB": ("megabyte", "megabytes"), "GB": ("gigabyte", "gigabytes"),
    "TB": ("terabyte", "terabytes"), "Hz": ("hertz", "hertz"), "kHz": ("kilohertz", "kilohertz"),
    "MHz": ("megahertz", "megahertz"), "GHz": ("gigahertz", "gigahertz"),
    "kW": ("kilowatt", "kilowatts"), "kWh": ("kilowatt hour", "kilowatt hours"),
    "MW": ("megawatt", "megawatts"), "GW": ("gigawatt", "gigawatts"),
    "hrs": ("hour", "hours"), "hr": ("hour", "hours"), "mins": ("minute", "minutes"),
    "min": ("minute", "minutes"), "sec": ("second", "seconds"),
}  # fmt: skip
"""Units after a number. hibari reads "5 km" as "five kilometers", but once the number is a word
("five km") it spells the unit ("five K M"), so units are expanded here too."""
_UNIT: Final = re.compile(
    rf"(?<![\w.,])(?P<n>{_NUM})[ \t]?(?P<unit>"
    + "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
    + r")(?![\w/])"
)


_DIMENSIONS: Final = re.compile(r"(?<=\d)[ \t]?[×x][ \t]?(?=\d)")


def expand_units(text: str) -> str:
    """5 km -> "5 kilometers"; 1 kg -> "1 kilogram"; 60 mph -> "60 miles per hour"; sizes:
    10×20 and 4x4 -> "10 by 20", "4 by 4"."""

    def replace(m: re.Match[str]) -> str:
        one, many = UNITS[m.group("unit")]
        return f"{m.group('n')} {one if m.group('n') == '1' else many}"

    text = _DIMENSIONS.sub(" by ", text)
    return _UNIT.sub(replace, text)


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
    """½ -> "one half"; 1½ -> "1 and a half"; 3/4 -> "three quarters"; 1 1/2 -> "1 and a half";
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
        return words(m.group("whole"), *VULGAR_FRACTIONS[m.group("frac")])

    def slash(m: re.Match[str]) -> str:
        a, b = int(m.group("a")), int(m.group("b"))
        if 0 < a < b <= 10:
            return words(m.group("whole"), a, b)
        if m.group("whole") is None and len(m.group("a")) <= 2 and len(m.group("b")) <= 2:
            return f"{a} {b}"
        return m.group(0)

    text = _VULGAR.sub(vulgar, text)
    return _SLASH_FRACTION.sub(slash, text)


# --------------------------------------------------------------------------------------------------
# Decades, ranges, years
# --------------------------------------------------------------------------------------------------

_DECADE: Final = re.compile(
    r"(?<![\w.,'’])(?P<y>1\d{3}|20\d{2})['’]?s\b"  # 1990s, 1980's
    r"|(?<![\w.,])['’]?(?P<d>[1-9]0)['’]?s\b"  # '90s, the 80s
)


def expand_decades(text: str) -> str:
    """1990s -> "nineteen nineties"; 2000s -> "two thousands"; '90s and the 80s -> "nineties",
    "eighties"."""

    def replace(m: re.Match[str]) -> str:
        if m.group("y"):
            return _plural(_year(int(m.group("y"))))
        return _plural(_cardinal(int(m.group("d"))))

    return _DECADE.sub(replace, text)


_YEAR: Final = r"(?:1\d{3}|20\d{2})"
_YEAR_RANGE: Final = re.compile(
    rf"(?<![\w.,$£€/-])(?P<a>{_YEAR})"
    rf"(?:[ \t]?[–—-][ \t]?(?P<b>{_YEAR}|\d{{2}})|[ \t]+(?P<word>to|through|until|till|and)[ \t]+(?P<b2>{_YEAR}))"
    r"(?![\w%]|[.,/:-]\d)"
)
_NUMBER_RANGE: Final = re.compile(
    rf"(?<![\w.,$£€/-])(?P<a>{_NUM})[ \t]?[–—-][ \t]?(?P<b>{_NUM})(?![\w%]|[.,/-]?\d|-\w)"
)
_RATIO: Final = re.compile(r"(?<![\w.,:])(?P<a>\d{1,3}):(?P<b>\d{1,3})(?![\w:]|[.,]\d)")


def expand_ranges(text: str) -> str:
    """2012 to 2018, 2012–2018, 2012-18 -> "twenty twelve to twenty eighteen"; 5–10 -> "5 to 10";
    a ratio or score that is no time (times are read before): 1:3 -> "1 to 3"."""

    def years(m: re.Match[str]) -> str:
        a, b, word = int(m.group("a")), m.group("b") or m.group("b2"), m.group("word")
        second = int(b) if len(b) == 4 else a // 100 * 100 + int(b)
        if second <= a:
            return m.group(0)
        if word == "and":
            if not re.search(r"\bbetween[ \t]+$", text[max(0, m.start() - 12) : m.start()], re.IGNORECASE):
                return m.group(0)
            return f"{_year(a)} and {_year(second)}"
        return f"{_year(a)} {word or 'to'} {_year(second)}"

    def numbers(m: re.Match[str]) -> str:
        return f"{m.group('a')} to {m.group('b')}"

    text = _YEAR_RANGE.sub(years, text)
    text = _NUMBER_RANGE.sub(numbers, text)
    return _RATIO.sub(numbers, text)


YEAR_BEFORE: Final = frozenset(
    """
    in since by until till during before after circa from through year years early late mid spring
    summer autumn fall winter fiscal class election vintage pre post between fy q1 q2 q3 q4 h1 h2
    """.split()
)
"""Words after which a four-digit number is a year ("in 2019", "since 1998", "summer 2020"), unless
a plural noun follows ("in 1800 homes")."""
YEAR_WEAK: Final = frozenset({"of", "to", "and", "or", "the", "than", "about", "around", "nearly", "almost"})
"""Words after which a four-digit number is a year only when no lowercase word follows it:
"the summer of 1969." but "a total of 1800 commuters"."""
YEAR_AFTER: Final = frozenset(
    """
    election elections campaign census season olympics games budget midterms primary primaries
    presidential vintage model edition war earthquake crisis recession world cup championship
    """.split()
)
"""Words that, after a four-digit number, make it a year: "the 2020 election"."""
_NOT_PLURAL: Final = frozenset({"this", "was", "has", "his", "its", "as", "is", "thus", "yes", "us", "whereas"})


def _is_plural_noun(word: str) -> bool:
    """Roughly: a lowercase word that looks like a plural ("homes", "people" is not caught)."""
    return word.islower() and word.endswith("s") and not word.endswith(("ss", "us")) and word not in _NOT_PLURAL
_LONE_YEAR: Final = re.compile(rf"(?<![\w.,$£€/:-])(?P<pre>mid-|pre-|post-)?(?P<y>{_YEAR})(?![\w%°]|[.,:/]\d|-\d)")


def expand_years(text: str) -> str:
    """Four-digit numbers in year-like contexts as years ("in 2019" -> "in twenty nineteen",
    "since 1998", "March 2021", "2019's", "(2005)"); elsewhere they are left as numbers, so
    "1800 commuters" stays a count."""

    def replace(m: re.Match[str]) -> str:
        year = int(m.group("y"))
        before = re.search(r"([A-Za-z][A-Za-z0-9]*)\W*$", text[max(0, m.start() - 30) : m.start()])
        previous = before.group(1) if before else ""
        after = text[m.end() : m.end() + 30]
        next_word = re.match(r"[ \t]+([A-Za-z]+)", after)
        is_year = (
            m.group("pre") is not None
            or (previous.lower() in YEAR_BEFORE and not (next_word and _is_plural_noun(next_word.group(1))))
            or previous in _MONTH_NAMES
            or re.match(r"['’]s\b", after) is not None
            or (text[m.start() - 1 : m.start()] == "(" and after[:1] == ")")
            or (next_word is not None and next_word.group(1).lower() in YEAR_AFTER)
            or (previous.lower() in YEAR_WEAK and not (next_word and next_word.group(1).islower()))
        )
        if not is_year:
            return m.group(0)
        return (m.group("pre") or "") + _year(year)

    return _LONE_YEAR.sub(replace, text)


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


# --------------------------------------------------------------------------------------------------
# Symbols and tidying
# --------------------------------------------------------------------------------------------------

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


# --------------------------------------------------------------------------------------------------
# The pipeline
# --------------------------------------------------------------------------------------------------

PIPELINE: Final[tuple[Step, ...]] = (
    remove_control_characters,
    normalize_spaces,
    expand_ellipses,
    expand_urls,
    expand_emails,
    expand_ampersands,
    expand_times,
    expand_dates,
    expand_abbreviations,
    expand_initialisms,
    expand_phone_numbers,
    expand_money,
    expand_percents,
    expand_degrees,
    expand_units,
    expand_fractions,
    expand_decades,
    expand_ranges,
    expand_years,
    expand_ordinals,
    expand_decimals,
    expand_numbers,
    expand_symbols,
    expand_dashes,
    tidy_punctuation,
)
"""The steps of :func:`normalize_for_speech` for English, in order. Order matters: times, dates and
money must see their digits before the number steps spell them, and ranges before dashes become
pauses."""

_LANGUAGE_NEUTRAL: Final[tuple[Step, ...]] = (remove_control_characters, normalize_spaces, tidy_punctuation)


def normalize_for_speech(text: str, *, language: str = "en") -> str:
    """Text as it should be spoken: abbreviations, initialisms, numbers, money, dates, times, web
    addresses and symbols in words, dashes and ellipses as pauses.

    ``language`` is a language tag; the English rules run for "en" and its variants ("en-us",
    "en_GB"); for any other language only control characters and spaces are cleaned up. Sentence
    punctuation is kept, so the result can still be split into sentences. Never raises.
    """
    english = language.lower().replace("_", "-").split("-")[0] == "en"
    for step in PIPELINE if english else _LANGUAGE_NEUTRAL:
        text = step(text)
    return text
