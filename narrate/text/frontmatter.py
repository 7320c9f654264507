"""Front matter: the YAML block at the top of a Markdown (or text) article, read and taken out.

Static-site generators (Jekyll, Hugo, Eleventy, Astro, Obsidian) put an article's metadata between
two ``---`` lines at the top of its file::

    ---
    title: "La ría de Vigo"
    author: Ana Pérez
    date: 2024-03-12
    lang: es
    ---

narrate reads the title, author, date and language from it and never speaks the block. PyYAML's
safe loader reads it; a block that is not a YAML mapping is left in the text as it was. PyYAML is
imported only for an article that has such a block (its import takes 0.07 s of a build's start).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

_BLOCK = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<body>.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_MAX_BLOCK = 64 * 1024
"""A longer "front matter" is not front matter: the text is left alone."""

_KEYS = {
    "title": ("title",),
    "author": ("author", "authors", "byline", "creator"),
    "date": ("date", "published", "pubdate", "publishdate", "created"),
    "language": ("lang", "language", "locale", "inlanguage"),
}


@dataclass(frozen=True)
class FrontMatter:
    """What a front-matter block says, and the text after it."""

    text: str
    """The article without the block (the whole text when there was none)."""
    lines_removed: int = 0
    """How many lines the block took, so that line numbers still point into the file."""
    title: str | None = None
    author: str | None = None
    date: str | None = None
    """As written (the cleaning stage parses it)."""
    language: str | None = None


def split_front_matter(text: str) -> FrontMatter:
    """The front matter of ``text`` (a leading ``---`` block that is a YAML mapping), if any."""
    match = _BLOCK.match(text)
    if match is None or len(match.group()) > _MAX_BLOCK:
        return FrontMatter(text)
    import yaml

    try:
        data = yaml.safe_load(match.group("body"))
    except yaml.YAMLError:
        return FrontMatter(text)
    if not isinstance(data, dict):
        return FrontMatter(text)
    fields = {lower: value for key, value in data.items() if isinstance(key, str) for lower in [key.lower().replace("_", "")]}
    values = {name: _first(fields, keys) for name, keys in _KEYS.items()}
    return FrontMatter(
        text=text[match.end():],
        lines_removed=match.group().count("\n"),
        **values,
    )


def _first(fields: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = fields.get(key)
        if isinstance(value, list):
            value = ", ".join(_text(v) for v in value if _text(v)) or None
        text = _text(value)
        if text:
            return text
    return None


def _text(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):  # author: {name: …}
        return _text(value.get("name"))
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return " ".join(str(value).split())[:300]
    return ""
