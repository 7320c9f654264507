"""Scores: the forms a range would misread. "drew 1-1" -> "one all", "2-0 up" -> "two nil", a cricket
total "245-6" (or "245/6", near "stumps", "close of play", "declared" …) -> "245 for 6", "0-0" -> "nil
nil", a "1-1 meeting" -> "one on one"; a score after a word of a result ("beat Chelsea 3-1", "won 27-24",
"led 14-10", "edged them 2-1") -> "three one", as sports readers say it; tennis sets in a row ("7-5 6-1",
"6-4, 3-6, 7-6 (7-4)") -> "seven five, six one".

Any other pair of numbers joined by a dash ("52–48" in a vote, "112-104", a score with no word of a
result) is left to the range step, which reads it "52 to 48", a reading as right for a vote as for a
range. Runs before the
range step, after times and dates have taken their own dashes.
"""

from __future__ import annotations

import re
from typing import Final

from ._common import _WINDOW, _cardinal

_SCORE: Final = re.compile(
    r"(?<![\w.,$£€¥₹/:-])(?P<a>\d{1,3})[ \t]?(?P<sep>[-–—]|/)[ \t]?(?P<b>\d{1,3})(?![\w%°]|[.,/:-]?\d|-\w)"
)
_CRICKET: Final = re.compile(
    r"\b(?:stumps|wickets?|innings|declared|declare|all[ \t]out|overs|bowl\w*|bat(?:ted|ting)|batsm[ae]n|"
    r"cricket|Test|ODI|T20|run[ \t]chase|chasing|lunch|tea|dismissed|runs|close[ \t]of[ \t]play|"
    r"for[ \t]the[ \t]loss[ \t]of|follow[ -]on|day[ \t](?:one|two|three|four|five)|centur(?:y|ies)|"
    r"first-innings|second-innings)\b"
)
"""Words that make "245-6" a cricket total (runs for wickets)."""
_RESULT: Final = re.compile(
    r"\b(?:beat|beats|beaten|beating|defeat(?:s|ed|ing)?|won|wins?|winning|lost|lose|loses|losing|drew|draws?|"
    r"drawn|thrash(?:es|ed|ing)?|edged?|edges|edging|led|leads?|leading|trail(?:s|ed|ing)?|rout(?:s|ed|ing)?|"
    r"hammer(?:s|ed|ing)?|crush(?:es|ed|ing)?|stun(?:s|ned|ning)?|upset|down(?:s|ed)|overc[ao]me|saw[ \t]off|"
    r"see[ \t]off|victory|victories|triumph(?:s|ed)?|defeats?|loss|scoreline|sets?|tie-?break|half-time|"
    r"full-time|halftime|final[ \t]score|came[ \t]back|comeback|fought[ \t]back)\b",
    re.IGNORECASE,
)
"""Words of a game's result: after them a score is read as its two numbers ("beat Chelsea 3-1" -> "three
one"), as sports readers say it."""
_SCORE_FOLLOWERS: Final = frozenset(
    """
    at on in with against to after over for win wins victory defeat lead and thanks away home up down before
    despite last this courtesy loss scoreline but as when while the a an in aggregate overall on penalties
    of from into until by thanks through under since or
    """.split()
)
"""Lowercase words that may follow a score; any other ("lost 5-10 kilograms", "won 2-3 seats") makes the
numbers a range."""
_VOTE: Final = re.compile(
    r"\b(?:vote[sd]?|voting|ruled|ruling|passed|unanimous\w*|jury|court|senate|ballot|referendum|motion|bill)\b",
    re.IGNORECASE,
)
_SETS: Final = re.compile(
    r"(?<![\w.,$£€¥₹/:-])(?P<sets>[0-7]-[0-7](?:[ \t]?\(\d{1,2}(?:-\d{1,2})?\))?"
    r"(?:(?:,[ \t]*|[ \t]+)[0-7]-[0-7](?:[ \t]?\(\d{1,2}(?:-\d{1,2})?\))?)+)(?![\w%°]|[.,/:-]?\d|-\w)"
)
"""Tennis sets in a row: "7-5 6-1", "6-4, 3-6, 7-6 (7-4)"."""
_SET: Final = re.compile(r"(?P<a>\d)-(?P<b>\d)(?:[ \t]?\((?P<tb>\d{1,2})(?:-(?P<tb2>\d{1,2}))?\))?")

_ONE_ON_ONE: Final = frozenset(
    "meeting meetings session sessions talks interview interviews call calls chat chats coaching tutoring "
    "tuition contest battle duel basis".split()
)


def _zero(text: str, start: int, end: int) -> str:
    """ "nil", the British football word, or "zero"."""
    context = text[max(0, start - _WINDOW) : end + _WINDOW]
    if re.search(r"\b(?:nil|goals?|scored|half-time|league|cup|match|striker|penalty|football|drew|draw)\b", context):
        return "nil"
    return "zero"


def expand_scores(text: str) -> str:
    """Scores a range would misread: a draw 1-1 -> "one all" (0-0 -> "nil nil"); a side on nothing,
    2-0 -> "two nil" near football words, "two zero" elsewhere; cricket 245-6 and 245/6 (near
    "stumps", "wickets", "innings" …) -> "245 for 6"; a "1-1 meeting" -> "one on one"."""

    def sets(m: re.Match[str]) -> str:
        played = list(_SET.finditer(m.group("sets")))
        if not all(6 <= max(int(p.group("a")), int(p.group("b"))) <= 7 for p in played):
            return m.group(0)  # not sets of tennis: "1-0 2-1"
        spoken = []
        for p in played:
            words = f"{_cardinal(int(p.group('a')))} {_cardinal(int(p.group('b')))}"
            if p.group("tb2"):
                words += f" ({_cardinal(int(p.group('tb')))} {_cardinal(int(p.group('tb2')))})"
            elif p.group("tb"):
                words += f" ({_cardinal(int(p.group('tb')))})"
            spoken.append(words)
        return ", ".join(spoken)

    def replace(m: re.Match[str]) -> str:
        a, b, sep = int(m.group("a")), int(m.group("b")), m.group("sep")
        context = text[max(0, m.start() - _WINDOW) : m.end() + _WINDOW]
        if a >= 10 and b <= 10 and _CRICKET.search(context):
            return f"{m.group('a')} for {m.group('b')}"
        if sep == "/":
            return m.group(0)
        following = re.match(r"[ \t]+([a-z]+)", text[m.end() : m.end() + _WINDOW])
        if a == b == 1 and following and following.group(1) in _ONE_ON_ONE:
            return "one on one"
        if a == b == 0:
            return "nil nil" if _zero(text, m.start(), m.end()) == "nil" else "zero zero"
        if a == b and a <= 30:
            return f"{_cardinal(a)} all"
        if b == 0 and a <= 30:
            if re.search(r"\b(?:vote[sd]?|voting|ruled|ruling|passed|unanimous\w*|jury|court|senate)\b", context, re.I):
                return f"{_cardinal(a)} to zero"
            return f"{_cardinal(a)} {_zero(text, m.start(), m.end())}"
        before = re.split(r"[.!?;\n](?:\s|$)", text[max(0, m.start() - _WINDOW) : m.start()])[-1]
        following_word = following.group(1) if following else ""
        if (
            sep != "/"
            and a <= 99
            and b <= 99
            and _RESULT.search(before)
            and not _VOTE.search(context)
            and (not following_word or following_word in _SCORE_FOLLOWERS)
        ):
            zero = _zero(text, m.start(), m.end())
            return " ".join(_cardinal(n) if n else zero for n in (a, b))
        return m.group(0)

    text = _SETS.sub(sets, text)
    return _SCORE.sub(replace, text)
