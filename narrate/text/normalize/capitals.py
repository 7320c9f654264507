"""Words written in capitals that an engine would spell letter by letter: "on TRUENEWSREPORT" ->
"on True News Report", "HARBOURWATCHDAILY" -> "Harbour Watch Daily", "NATHANIEL" -> "Nathaniel".

Why: hibari (the default engine) reads an ALL-CAPS word as a word only when its lexicon knows the
word ("BREAKING", "NEWS", "NASA"); any other ALL-CAPS word is taken for an initialism and spelled,
so the intro's "on TRUENEWSREPORT" was three seconds of letters, and a byline's "NATHANIEL" nine. The same word in title case ("Truenewsreport") goes to its guesser and is read as one
word, and split into words ("True News Report") it is read as a person would.

The rule, which decides from the word alone and not from any engine's lexicon:

* A word of **7 or more capital letters** (standing alone: no lower-case letter or digit joined to
  it) is never meant to be spelled: initialisms are short (FBI, BBC, UK, USA), and the long acronyms
  (INTERPOL, MERCOSUR) are said as words. It is written as words:

  - in English, split into words with ``wordsegment`` (English unigram counts from a web corpus):
    kept whole when the corpus knows it as one word ("PROSECUTION", "BALLANTYNE"), split when the
    best split is into words the corpus knows well (every part at least 2 letters and seen at least
    100,000 times: "THEGUARDIAN" -> "The Guardian"); a known word whose two halves are each a
    hundred times more frequent than it is split too ("NEWSBLOG" -> "News Blog", "FOXNEWS"), and so
    is one that starts with an initialism ("NYTIMES" -> "NY Times"). Each word is written in title
    case, except an initialism inside the tag (a part with no vowel, or one of :data:`INITIALISMS`),
    which stays in capitals ("BBCNEWS" -> "BBC News", "USATODAY" -> "USA Today");
  - in any other language, written in title case, with no dictionary ("NACHRICHTEN" ->
    "Nachrichten", "ELPAISDIARIO" -> "Elpaisdiario"): German compounds are one word anyway, and a
    word list for each language is not worth its weight for site tags, which a title-cased word
    reads well enough.

* In English, a word of **4 to 6 capital letters** that the corpus does not know as a whole is split
  only when it is plainly two or more common words (every part at least 3 letters and seen at least
  10 million times, or an initialism: "THESUN" -> "The Sun", "GBNEWS" -> "GB News"); anything else
  of that length is an initialism or an acronym ("NASA", "UNESCO", "COVID", "NATO") and is left to
  the engine, as is every word of 2 or 3 capitals ("FBI", "BBC", "UK", "USA"), in every language.

* Never touched: Roman numerals ("MDCCLXXVI", read by the steps after this one), words with no
  vowel (they cannot be read as words), and words in mixed case ("iPHONE", "McDONALD").

Its place in the pipelines: after web and e-mail addresses (their own steps read them), and before
dates and times (so that "SEPTEMBER 5" is read as a date once it is "September 5") and before
abbreviations and initialisms, which then see the initialisms this step kept ("BBC News") and read
them as they read any other. Only the spoken text changes: the site name shown in the feed and the
transcript stays as written.

``wordsegment`` is loaded on first use (about 0.2 s and 100 MB, once per process): the first ALL-CAPS
word of 4 letters or more in an English text; without it every long ALL-CAPS word is title-cased.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Final

INITIALISMS: Final = frozenset({
    "usa", "uk", "us", "eu", "un", "ap", "abc", "afp", "nyc", "la", "dc", "ny", "nhs", "itv", "ft", "gb",
    "cbs", "cnn", "bbc", "nbc", "npr", "pbs", "wsj", "ai", "tv", "uae", "usb", "ceo", "ufc", "nfl", "nba",
})  # fmt: skip
"""Short initialisms that may appear inside a run-together tag and stay in capitals there
("USATODAY" -> "USA Today"); a part with no vowel ("BBC", "CNN") stays in capitals anyway."""

LONG: Final = 7
"""A word of this many capital letters or more is always written as words."""

_WORD: Final = re.compile(r"(?<!\w)(?P<word>[^\W\d_]{4,})(?P<s>['’]S)?(?!\w)")
_ROMAN: Final = re.compile(r"[IVXLCDM]+")
_VOWELS: Final = frozenset("AEIOUYÀÁÂÃÄÅÆÈÉÊËÌÍÎÏÒÓÔÕÖØÙÚÛÜÝŒ")
_ASCII: Final = re.compile(r"[A-Z]+")
_WELL_KNOWN: Final = 100_000
"""How often the corpus must have seen each part of a split of a long word."""
_COMMON: Final = 10_000_000
"""How often the corpus must have seen each part of a split of a word of 4 to 6 letters."""
_HALVES: Final = 100
"""How much more frequent each half of a known word must be than the word to split it."""


def _is_candidate(word: str) -> bool:
    return word.isupper() and not _ROMAN.fullmatch(word) and any(c in _VOWELS for c in word)


def _title(part: str) -> str:
    return part.upper() if part in INITIALISMS or not any(c in "aeiouy" for c in part) else part.capitalize()


@functools.cache
def _segmenter() -> Any | None:
    """wordsegment's segmenter, loaded once; None when the library is missing."""
    try:
        from wordsegment import Segmenter
    except ImportError:  # pragma: no cover - a dependency; degrade to title case
        return None
    segmenter = Segmenter()
    # What Segmenter.load() reads (the counts it uses to segment), parsed in one split of each file
    # rather than line by line, each count turned into a number only when it is looked up: 0.19 s
    # instead of 0.38 s of the interpreter (0.47 s line by line), paid by every English build whose
    # text has a long word in capitals (a site tag in the spoken intro, say).
    segmenter.unigrams = _counts(segmenter.UNIGRAMS_FILENAME)
    segmenter.bigrams = _counts(segmenter.BIGRAMS_FILENAME)
    segmenter.total, segmenter.limit = segmenter.TOTAL, segmenter.LIMIT
    return segmenter


class _Counts(dict):  # type: ignore[type-arg]
    """word -> count as ``Segmenter.parse`` gives it (a float), kept as the file's text and turned into
    a number when it is looked up (``[]`` or ``get``, all that wordsegment and this module use): a
    segmentation looks at a few thousand of the 590,000 counts."""

    def __getitem__(self, word: str) -> float:
        return float(dict.__getitem__(self, word))

    def get(self, word: str, default: Any = None) -> Any:  # type: ignore[override]
        value = dict.get(self, word)
        return default if value is None else float(value)


def _counts(path: str) -> _Counts:
    """A wordsegment counts file (``word<TAB>count`` lines) as :class:`_Counts`."""
    with open(path, encoding="utf-8") as file:
        fields = file.read().replace("\n", "\t").split("\t")
    if len(fields) % 2:  # the final newline leaves one empty field
        fields.pop()
    return _Counts(zip(fields[0::2], fields[1::2]))


def _halves(part: str, counts: dict[str, float]) -> list[str]:
    """A known word split in two when both halves are far more frequent than it ("newsblog"), or
    when it is an initialism and a word far more frequent than it ("nytimes")."""
    whole = counts.get(part, 0)
    if len(part) < 6 or not whole:
        return [part]
    best: tuple[float, list[str]] = (0.0, [part])
    for i in range(2, len(part) - 2):
        head, tail = part[:i], part[i:]
        a, b = counts.get(head, 0), counts.get(tail, 0)
        if len(head) < 3 and head not in INITIALISMS:
            continue
        if (a >= _HALVES * whole or head in INITIALISMS) and b >= _HALVES * whole and a * b > best[0]:
            best = (a * b, [head, tail])
    return best[1]


def english_words(word: str) -> list[str] | None:
    """The words of an English ALL-CAPS ``word`` in lower case ("TRUENEWSBLOG" -> ["true", "news",
    "blog"]), or None when it is to be kept as it is (a short initialism) or title-cased whole
    (a word that is not plain English, or no segmenter)."""
    long = len(word) >= LONG
    segmenter = _segmenter() if _ASCII.fullmatch(word) else None
    if segmenter is None:
        return None
    counts: dict[str, float] = segmenter.unigrams
    lower = word.lower()
    if not long and lower in counts:
        return None
    parts = [half for part in segmenter.segment(lower) for half in _halves(part, counts)]
    if long:
        known = len(parts) == 1 or all(len(p) >= 2 and counts.get(p, 0) >= _WELL_KNOWN for p in parts)
        return parts if known else None
    if len(parts) >= 2 and all(p in INITIALISMS or (len(p) >= 3 and counts.get(p, 0) >= _COMMON) for p in parts):
        return parts
    return None


def _spoken_caps(m: re.Match[str], english: bool) -> str:
    word, possessive = m.group("word"), m.group("s") or ""
    if not _is_candidate(word):
        return m.group(0)
    if english:
        parts = english_words(word)
        if parts is not None:
            return " ".join(_title(p) for p in parts) + possessive.lower()
    return word.capitalize() + possessive.lower() if len(word) >= LONG else m.group(0)


def expand_capitals(text: str) -> str:
    """English: long ALL-CAPS words as words, run-together ones split ("on TRUENEWSREPORT" ->
    "on True News Report", "THEGUARDIAN" -> "The Guardian", "BALLANTYNE" -> "Ballantyne");
    initialisms and acronyms ("FBI", "NASA", "UNESCO") as they are. See the module's docstring."""
    return _WORD.sub(lambda m: _spoken_caps(m, True), text)


def title_case_capitals(text: str) -> str:
    """Any language but English: ALL-CAPS words of 7 letters or more in title case ("NACHRICHTEN"
    -> "Nachrichten", "HARBOURWATCH" -> "Harbourwatch"); shorter ones as they are."""
    return _WORD.sub(lambda m: _spoken_caps(m, False), text)
