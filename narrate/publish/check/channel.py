"""Checking the channel: the show's required and recommended tags, its self link (where the feed is
published), categories, language, owner, podcast:guid and podcast:locked."""

from __future__ import annotations

import re
import uuid
from urllib.parse import urlsplit

from lxml import etree

from .. import categories
from ..catalog import CONFIG_NAME
from .artwork import ArtworkChecks
from .report import ERROR, WARNING
from .values import ATOM_NS, _is_http_url, _it, _short, _text

_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "0.0.0.0", "::1"})  # nosec B104 # hosts a feed URL must not name


class ChannelChecks(ArtworkChecks):
    """The tags of ``<channel>`` (its items are checked by :class:`~.items.ItemChecks`)."""

    def _channel(self, channel: etree._Element) -> None:
        self._self_link(channel)
        required = [
            ("title", "title", f"set title in the [show] table of {CONFIG_NAME}"),
            ("description", "description", f"set description in the [show] table of {CONFIG_NAME}"),
            ("language", "language", f'set language in the [show] table of {CONFIG_NAME} (an ISO 639 code such as "en-us")'),
        ]
        for tag, name, fix in required:
            if not _text(channel.find(tag)):
                self._missing(ERROR, "channel", name, fix)
        image = channel.find(_it("image"))
        if image is None or not (image.get("href") or "").strip():
            self._missing(
                ERROR, "channel", "itunes:image" if image is None else "itunes:image href",
                f"set image in the [show] table of {CONFIG_NAME} to a square JPEG or PNG of 1400-3000 px",
            )
        else:
            self._artwork(image.get("href", "").strip(), "channel")
        self._categories(channel)
        self._explicit(channel, "channel", required=True)
        self._recommended(channel)
        language = _text(channel.find("language"))
        if language and not _LANGUAGE.match(language):
            self.add(
                "language-code", ERROR, "channel", f'language "{_short(language)}" is not an ISO 639 code',
                f'set language in the [show] table of {CONFIG_NAME} to a code such as "en" or "en-us"',
            )
        self._text_limits(channel, "channel")

    def _self_link(self, channel: etree._Element) -> None:
        links = [el for el in channel.findall(f"{{{ATOM_NS}}}link") if el.get("rel") == "self"]
        href = (links[0].get("href") or "").strip() if links else ""
        if not href:
            self._missing(
                WARNING, "channel", 'atom:link rel="self"',
                f"set base_url in the [show] table of {CONFIG_NAME} and run narrate feed (it writes the link)",
            )
            if self.folder is not None:
                self.add(
                    "local-unchecked", WARNING, "channel",
                    'local files were not checked: without atom:link rel="self" their URLs cannot be mapped to files',
                    f"set base_url in the [show] table of {CONFIG_NAME} and run narrate feed",
                )
            return
        parts = urlsplit(href)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            self.add(
                "self-link", ERROR, "channel", f'atom:link rel="self" is "{_short(href)}", not an absolute http(s) URL',
                f"set base_url in the [show] table of {CONFIG_NAME} to the URL the folder is published at",
            )
            return
        self.base = href.rsplit("/", 1)[0] + "/"
        if self.url is not None and not _same_url(href, self.url):
            self.add(
                "self-link", WARNING, "channel", f'atom:link rel="self" is {_short(href)}, but the feed was read from {self.url}',
                f"set base_url in the [show] table of {CONFIG_NAME} to where the feed is published",
            )
        if (parts.hostname or "").lower() in _LOCAL_HOSTS or (parts.hostname or "").endswith(".local"):
            self.add(
                "base-url-local", WARNING, "channel", f"the feed's URLs start with {self.base}, which only this computer can reach",
                f"set base_url in the [show] table of {CONFIG_NAME} to where the folder is published, then run narrate feed",
            )

    def _recommended(self, channel: etree._Element) -> None:
        simple = [
            (_it("author"), "itunes:author", f"set author in the [show] table of {CONFIG_NAME}"),
            ("link", "link", f"set link (the show's website) in the [show] table of {CONFIG_NAME}"),
            (_it("type"), "itunes:type", f'set type = "episodic" or "serial" in the [show] table of {CONFIG_NAME}'),
            ("copyright", "copyright", f"set copyright in the [show] table of {CONFIG_NAME}"),
            (self._pc("guid"), "podcast:guid", f"leave podcast_guid empty in {CONFIG_NAME} and run narrate feed (it derives one from base_url)"),
            (self._pc("locked"), "podcast:locked", f"set locked = false (or true, with owner_email) in the [show] table of {CONFIG_NAME}"),
        ]
        for tag, name, fix in simple:
            if not _text(channel.find(tag)):
                self._missing(WARNING, "channel", name, fix)
        owner = channel.find(_it("owner"))
        email = _text(owner.find(_it("email"))) if owner is not None else ""
        if not email:
            self._missing(
                WARNING, "channel", "itunes:owner with itunes:email" if owner is None else "itunes:email in itunes:owner",
                f"set owner_email in the [show] table of {CONFIG_NAME} (Spotify and YouTube send the ownership check there)",
            )
        elif not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", email):
            self.add(
                "owner-email", WARNING, "channel", f'itunes:email "{_short(email)}" is not an e-mail address',
                f"set owner_email in the [show] table of {CONFIG_NAME} to an address you read",
            )
        link = _text(channel.find("link"))
        if link and not _is_http_url(link):
            self.add(
                "link-url", WARNING, "channel", f'link "{_short(link)}" is not an absolute http(s) URL',
                f"set link in the [show] table of {CONFIG_NAME} to the show's web page",
            )
        show_type = _text(channel.find(_it("type")))
        if show_type and show_type not in ("episodic", "serial"):
            self.add(
                "itunes-type", ERROR, "channel", f'itunes:type is "{_short(show_type)}", not "episodic" or "serial"',
                f'set type = "episodic" or "serial" in the [show] table of {CONFIG_NAME}',
            )
        guid = _text(channel.find(self._pc("guid")))
        if guid and not _is_uuid(guid):
            self.add(
                "podcast-guid", ERROR, "channel", f'podcast:guid "{_short(guid)}" is not a UUID',
                f"leave podcast_guid empty in {CONFIG_NAME} (narrate derives the UUIDv5 of the feed URL) or set a UUID",
            )
        locked = _text(channel.find(self._pc("locked")))
        if locked and locked not in ("yes", "no"):
            self.add(
                "podcast-locked", ERROR, "channel", f'podcast:locked is "{_short(locked)}", not "yes" or "no"',
                f"set locked = true or false in the [show] table of {CONFIG_NAME}",
            )

    def _categories(self, channel: etree._Element) -> None:
        found = channel.findall(_it("category"))
        if not found:
            self._missing(ERROR, "channel", "itunes:category", f"set category (and subcategory) in the [show] table of {CONFIG_NAME}")
            return
        for element in found:
            name = (element.get("text") or "").strip()
            subs = [(sub.get("text") or "").strip() for sub in element.findall(_it("category"))] or [""]
            if not categories.is_valid(name):
                self.add(
                    "category-unknown", ERROR, "channel", f'itunes:category "{_short(name)}" is not an Apple Podcasts category',
                    _category_fix(name, ""),
                )
                continue
            for sub in subs:
                if not categories.is_valid(name, sub):
                    self.add(
                        "category-unknown", ERROR, "channel",
                        f'itunes:category "{_short(sub)}" is not a subcategory of "{name}"',
                        _category_fix(name, sub),
                    )


def _category_fix(name: str, sub: str) -> str:
    wrong = sub or name
    guess = categories.suggest(wrong) if wrong else None
    parents = {s: top for top, subs in categories.CATEGORIES.items() for s in subs}
    where = f"in the [show] table of {CONFIG_NAME}"
    if guess is None:
        if sub:
            choices = ", ".join(categories.CATEGORIES.get(name, [])) or "none"
            return f'set subcategory {where} to one of "{name}"\'s: {choices}'
        return f"set category {where} to one of: {', '.join(categories.CATEGORIES)}"
    if guess in categories.CATEGORIES:
        return f'did you mean "{guess}"? set category = "{guess}" {where}'
    top = parents.get(guess, name)
    if sub and top == name:
        return f'did you mean "{guess}"? set subcategory = "{guess}" {where}'
    return f'did you mean "{guess}"? set category = "{top}" and subcategory = "{guess}" {where}'


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _same_url(a: str, b: str) -> bool:
    pa, pb = urlsplit(a), urlsplit(b)
    return (pa.scheme, pa.netloc.lower(), pa.path or "/") == (pb.scheme, pb.netloc.lower(), pb.path or "/")
