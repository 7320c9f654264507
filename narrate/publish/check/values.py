"""What every check reads and writes with: the feed's namespaces, an element's text, http(s) URLs,
and the text of a problem kept to one short line."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
ATOM_NS = "http://www.w3.org/2005/Atom"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
PODCAST_NS = "https://podcastindex.org/namespace/1.0"
PODCAST_NS_LEGACY = "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"


def _it(tag: str) -> str:
    return f"{{{ITUNES_NS}}}{tag}"


def _text(element: etree._Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def _is_http_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _short(text: str, limit: int = 60) -> str:
    text = _line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
