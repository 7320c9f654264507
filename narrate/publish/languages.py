"""Language tags as the outputs write them: the episode's language on its pages and transcripts, the
show's in the feed, and the comparison ``narrate check`` makes between them.

A tag is BCP 47 ("es", "pt-BR", "en-us"); episodes and the show are compared by primary subtag
("pt-BR" and "pt" are one language: Apple Podcasts lists one language per show).
"""

from __future__ import annotations

import re

from ..text.language import primary

__all__ = ["episode_language", "language_label", "language_tag", "primary"]

_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
"""A BCP 47 tag's shape with an ISO 639 primary subtag of 2-3 letters (as ``narrate check`` asks of
the show's ``<language>``); XML Schema's ``xs:language`` (the Podcasting 2.0 schema's type of a
transcript's ``language``) and HTML's ``lang`` take every such tag."""


def language_tag(value: str | None) -> str:
    """``value`` as a tag to write ("pt_BR" -> "pt-BR", spaces trimmed), or "" when it is none."""
    tag = (value or "").strip().replace("_", "-")
    return tag if _TAG.match(tag) else ""


def episode_language(record_language: str | None, show_language: str | None) -> str:
    """The language an episode's outputs say: its own when known, else the show's, else "en"."""
    return language_tag(record_language) or language_tag(show_language) or "en"


def language_label(tag: str) -> str:
    """A language for messages: "es (Spanish)", "pt-BR (Portuguese (Brazil))"; the tag alone when
    Babel does not know it."""
    from babel import Locale, UnknownLocaleError  # only for messages

    try:
        name = Locale.parse(tag, sep="-").get_display_name("en")
    except (UnknownLocaleError, ValueError, TypeError):
        return tag
    return f"{tag} ({name})" if name else tag
