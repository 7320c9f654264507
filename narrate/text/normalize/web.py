"""Web addresses and e-mail addresses, as a reader says them: "example dot com", "ed at example
dot org"."""

from __future__ import annotations

import re
from typing import Final

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
