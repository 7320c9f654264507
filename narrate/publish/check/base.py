"""The state of one run over one feed, how a problem is added, and the checks the channel and its
items share: itunes:explicit, the length of values, ASCII URLs, and mapping a URL to a local file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from ..catalog import CONFIG_NAME
from .report import ERROR, WARNING, Problem
from .values import ATOM_NS, CONTENT_NS, ITUNES_NS, PODCAST_NS, PODCAST_NS_LEGACY, _it, _line, _short, _text

MAX_DESCRIPTION_BYTES = 4000  # Apple: description up to 4000 bytes
MAX_VALUE_CHARS = 255  # Apple: values up to 255 characters unless stated otherwise
_LONG_TEXT = frozenset({"description", f"{{{ITUNES_NS}}}summary", f"{{{CONTENT_NS}}}encoded"})
"""Tags whose limit is 4000 bytes rather than 255 characters."""


class BaseChecks:
    """One run over one feed: ``folder`` is where local files live (None for a feed read by URL)."""

    def __init__(self, *, folder: Path | None, url: str | None) -> None:
        self.folder = folder
        self.url = url
        self.base = ""
        """The URL the feed's folder is published at (from atom:link rel=self), ending in "/"."""
        self.podcast_ns = PODCAST_NS
        self.problems: list[Problem] = []
        self._images_seen: set[str] = set()

    def add(self, code: str, severity: str, where: str, message: str, fix: str) -> None:
        self.problems.append(Problem(code, severity, _line(where), _line(message), _line(fix)))

    def _pc(self, tag: str) -> str:
        return f"{{{self.podcast_ns}}}{tag}"

    def _explicit(self, element: etree._Element, where: str, *, required: bool) -> None:
        node = element.find(_it("explicit"))
        value = _text(node)
        if node is None or not value:
            if required:
                self._missing(ERROR, where, "itunes:explicit", f"set explicit = true or false in the [show] table of {CONFIG_NAME}")
            return
        if value in ("true", "false"):
            return
        meant = {"yes": "true", "explicit": "true", "no": "false", "clean": "false"}.get(value.lower())
        hint = f'write "{meant}" instead: ' if meant else 'write "true" or "false": '
        self.add(
            "explicit-value", ERROR, where, f'itunes:explicit is "{_short(value)}"; Apple accepts only "true" or "false"',
            hint + f"narrate writes it from explicit = true/false in the [show] table of {CONFIG_NAME} (run narrate feed)",
        )

    def _text_limits(self, parent: etree._Element, where: str) -> None:
        channel = where == "channel"
        for element in _values(parent):
            text = element.text or ""
            name = _prefixed(element)
            if element.tag in _LONG_TEXT:
                size = len(text.encode("utf-8"))
                if size > MAX_DESCRIPTION_BYTES:
                    description = _text(parent.find("description"))
                    if element.tag != "description" and text.strip() == description:
                        continue  # the same text as <description>: reported once
                    self.add(
                        "description-length", ERROR, where,
                        f"{name} is {size} bytes; Apple Podcasts takes at most {MAX_DESCRIPTION_BYTES}",
                        f"shorten description in the [show] table of {CONFIG_NAME}" if channel
                        else "shorten the episode's description in its episode.json, then run narrate feed",
                    )
                continue
            if len(element):  # only leaf values
                continue
            if len(text) > MAX_VALUE_CHARS:
                self.add(
                    "value-length", WARNING, where,
                    f'{name} is {len(text)} characters ("{_short(text, 40)}"); Apple Podcasts may cut it at {MAX_VALUE_CHARS}',
                    f"shorten it to {MAX_VALUE_CHARS} characters or fewer",
                )
            if text and text != text.strip() and text.strip():
                self.add(
                    "value-whitespace", WARNING, where, f'{name} "{_short(text)}" starts or ends with spaces',
                    "remove the leading and trailing spaces",
                )

    def _ascii_url(self, url: str, where: str, what: str) -> None:
        # Apple, Podcast RSS feed requirements: "Use only ASCII filenames and URLs"
        if any(ord(c) > 127 or c.isspace() for c in url):
            self.add(
                "url-ascii", WARNING, where, f"{what} {_short(url)} has spaces or characters outside ASCII",
                "use ASCII file names, or percent-encode the URL (narrate writes episode URLs that way)",
            )

    def _missing(self, severity: str, where: str, tag: str, fix: str) -> None:
        code = "required-missing" if severity == ERROR else "recommended-missing"
        kind = "required" if severity == ERROR else "recommended"
        self.add(code, severity, where, f"no {tag} ({kind})", fix)

    def _local(self, url: str) -> Path | None:
        """The file of the output folder that ``url`` points at, or None when it is not a local URL."""
        if self.folder is None or not self.base or not url.startswith(self.base):
            return None
        rest = urlsplit(url[len(self.base):]).path
        parts = [unquote(p) for p in rest.split("/") if p]
        if not parts or any(p in (".", "..") or "\\" in p or "\x00" in p for p in parts):
            return None
        return self.folder.joinpath(*parts)

    def _rel(self, path: Path) -> str:
        if self.folder is not None:
            try:
                return path.relative_to(self.folder).as_posix()
            except ValueError:
                pass
        return str(path)


def _values(parent: etree._Element) -> Iterator[etree._Element]:
    """Every element below ``parent``, leaving out items (they are checked on their own)."""
    for child in parent:
        if isinstance(child.tag, str) and child.tag != "item":
            yield child
            yield from _values(child)


def _prefixed(element: etree._Element) -> str:
    qname = etree.QName(element)
    if qname.namespace == ITUNES_NS:
        return f"itunes:{qname.localname}"
    if qname.namespace == CONTENT_NS:
        return f"content:{qname.localname}"
    if qname.namespace in (PODCAST_NS, PODCAST_NS_LEGACY):
        return f"podcast:{qname.localname}"
    if qname.namespace == ATOM_NS:
        return f"atom:{qname.localname}"
    if qname.namespace and element.prefix:
        return f"{element.prefix}:{qname.localname}"
    return qname.localname
