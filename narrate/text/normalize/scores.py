"""Scores: the forms a range would misread. "drew 1-1" -> "one all", "2-0 up" -> "two nil", a cricket
total "245-6" (or "245/6") -> "245 for 6", "0-0" -> "nil nil", a "1-1 meeting" -> "one on one".

Any other pair of numbers joined by a dash ("3-2", "52–48", "6-4, 6-3") is left to the range step,
which reads it "3 to 2", a reading as right for a score or a vote as for a range. Runs before the
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
    r"cricket|Test|ODI|T20|run[ \t]chase|chasing|lunch|tea|dismissed|runs)\b"
)
"""Words that make "245-6" a cricket total (runs for wickets)."""
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
        return m.group(0)

    return _SCORE.sub(replace, text)
