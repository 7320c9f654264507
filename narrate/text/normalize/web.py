"""Web addresses, e-mail addresses, hashtags and @handles, as a reader says them: "w w w dot B B C
dot co dot U K slash news", "ed at example dot org", "hashtag Black Lives Matter", "at N Y Times".

A part of an address that is no word is spelled: one with no vowel ("bbc", "nhs"), and any of two or
three letters but a few said as words ("com", "gov", "co", "sky"), so "who.int" is "W.H.O dot int";
a run-together part is split into words as handles are ("theguardian" -> "the guardian");
spelled letters are written with dots between them ("B.B.C"), as the initialisms step writes them.
A path of one or two short words is read ("slash news"); a longer path, a query or a fragment is not.

Hashtags and handles are split into their words: at capitals ("#BlackLivesMatter"), at digits
("#WorldCup2022", a year read as one), and run-together lower-case or capital words with the
segmenter of ``capitals`` ("@elonmusk" -> "at elon musk", "@nytimes" -> "at NY times"); short
capitals are left to the engine, as the initialisms step leaves them ("#GE2024" -> "hashtag GE twenty
twenty-four", "#COP28" -> "hashtag COP 28").
"""

from __future__ import annotations

import re
from typing import Final

from ._common import _year
from .capitals import INITIALISMS, english_words

_TLDS: Final = (
    "com|org|net|gov|edu|mil|int|info|biz|io|ai|co|uk|us|ca|au|de|fr|es|it|nl|eu|ch|se|no|dk|fi|"
    "ie|nz|jp|cn|in|mx|br|ru|za|app|dev|news|tv|fm|me|ly|gl|be|at|pl|pt"
)
_URL: Final = re.compile(
    r"(?i:(?:https?|ftp)://|www\.)[^\s<>\"“”]+?(?=[.,;:!?)\]\"'”’]*(?:\s|$))"
    rf"|(?<![\w@.-])(?:[A-Za-z0-9-]{{2,}}\.)+(?:{_TLDS})(?:/[^\s<>\"“”]*?)?(?=[.,;:!?)\]\"'”’]*(?:\s|$))"
)
"""A web address: with a scheme or "www.", or a bare domain with a lower-case top-level domain."""
_SHORT_PATH: Final = re.compile(r"(?:/[A-Za-z]{1,15}(?:-[A-Za-z]{1,15}){0,2}){1,2}/?")
SAID_AS_WORDS: Final = frozenset(
    "com org net gov edu int mil biz co info app dev me fox sky box bet now new art web bit pay one top go".split()
)
"""Parts of an address of two or three letters that are said as words, not spelled."""
_VOWELS: Final = frozenset("aeiouy")


def _spell_label(label: str) -> str:
    """One part of a host name as said: "bbc" -> "B.B.C", "uk" -> "U.K", "example" as it is."""
    if not label.isalpha() or label in SAID_AS_WORDS:
        return label
    if len(label) <= 3 or not _VOWELS & set(label):
        return ".".join(label.upper())
    return " ".join(_split_word(label, title=False))


def _spell_host(host: str) -> str:
    return " dot ".join(_spell_label(part) for part in host.split(".") if part)


def expand_urls(text: str) -> str:
    """https://www.example.com/jobs -> "w.w.w dot example dot com slash jobs": no scheme, no query;
    "www" and a path of one or two short words read, a longer path left out."""

    def replace(m: re.Match[str]) -> str:
        url = m.group(0)
        www = re.match(r"(?:[a-z]+://)?www\.", url, flags=re.IGNORECASE) is not None
        rest = re.sub(r"^(?:[a-z]+://)?(?:www\.)?", "", url, flags=re.IGNORECASE)
        host, slash, path = rest.partition("/")
        host = host.split(":")[0].split("@")[-1]
        if not re.fullmatch(r"[\w.-]+", host) or "." not in host.strip("."):
            return url
        spoken = ("w.w.w dot " if www else "") + _spell_host(host.strip(".").lower())
        if slash and not re.search(r"[?#]", path) and _SHORT_PATH.fullmatch(slash + path):
            spoken += " slash " + " slash ".join(p.lower().replace("-", " ") for p in path.strip("/").split("/"))
        return spoken

    return _URL.sub(replace, text)


_EMAIL: Final = re.compile(r"(?<![\w.+-])([\w.+-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?<!\.)")


def expand_emails(text: str) -> str:
    """ed@example.org -> "ed at example dot org"."""

    def replace(m: re.Match[str]) -> str:
        user = " dot ".join(p for p in m.group(1).split(".") if p)
        return f"{user} at {_spell_host(m.group(2).lower())}"

    return _EMAIL.sub(replace, text)


_HASHTAG: Final = re.compile(r"(?<![\w&#/])#(?P<tag>[A-Za-z][A-Za-z0-9_]*)")
_HANDLE: Final = re.compile(r"(?<![\w.@/])@(?P<tag>[A-Za-z0-9_]{2,30})(?![\w@]|\.\w)")
_TOKENS: Final = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z][a-z]+|[a-z]+|[A-Z]+|\d+")


def _split_word(token: str, title: bool) -> list[str]:
    """A run-together word in its words ("ELONMUSK" -> "Elon Musk", "nytimes" -> "NY times"), or as
    it is; initialisms inside it in capitals."""
    parts = english_words(token.upper()) if len(token) >= 4 else None
    if not parts:
        return [token]
    return [p.upper() if p in INITIALISMS else p.capitalize() if title else p for p in parts]


def _tag_words(tag: str) -> str:
    """A hashtag's or handle's words: "WorldCup2022" -> "World Cup twenty twenty-two", "elonmusk" ->
    "elon musk", "GE2024" -> "GE twenty twenty-four", "BBCBreaking" -> "BBC Breaking"."""
    words: list[str] = []
    for token in _TOKENS.findall(tag):
        if token.isdigit():
            words.append(_year(int(token)) if len(token) == 4 and 1900 <= int(token) <= 2099 else token)
        elif token.isupper() or token.islower():
            words.extend(_split_word(token, title=token.isupper()))
        else:
            words.append(token)
    return " ".join(words)


def expand_handles(text: str) -> str:
    """#BlackLivesMatter -> "hashtag Black Lives Matter"; #WorldCup2022 -> "hashtag World Cup twenty
    twenty-two"; @nytimes -> "at NY times"; @elonmusk -> "at elon musk". "#1" is left to the number
    steps ("number one"); e-mail addresses are read before."""
    text = _HASHTAG.sub(lambda m: "hashtag " + _tag_words(m.group("tag")), text)
    return _HANDLE.sub(lambda m: "at " + _tag_words(m.group("tag")), text)
