"""What an HTML page says about itself (title, authors, date, site, canonical URL, language, lead
image), cleaned for narration.

trafilatura reads the page's metadata; this module cleans it: site-name suffixes and prefixes off
the title, job descriptions, publisher names and placeholders ("Admin") out of the author, the
site's tagline off its name, relative URLs made absolute, and a date taken from the URL when the
page's own disagrees with it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement
from trafilatura.settings import Document

from .markdown import norm_space

__all__ = ["PageMetadata", "clean_author", "clean_title", "comparable", "page_metadata"]


@dataclass(frozen=True)
class PageMetadata:
    """What the page says about itself. Every field is None when the page does not say."""

    title: str | None
    """The headline, without a " | Site" / " - Site" / " — Site" suffix or "Site | " prefix."""
    author: str | None
    """Person names only: no job descriptions, publisher names or "Admin"/"Staff" placeholders;
    several authors joined as "A and B" / "A, B and C"."""
    date: str | None
    """Publication date, ISO 8601 (YYYY-MM-DD)."""
    site: str | None
    """The site's name, without a tagline."""
    url: str | None
    """The canonical URL (link rel=canonical, og:url), absolute."""
    language: str | None
    """The language tag as the page declares it ("en", "pt-BR", "es_ES" as "es-ES"), from <html lang>,
    Content-Language, og:locale or trafilatura's metadata."""
    image: str | None
    """The lead image (og:image), absolute."""


def comparable(text: str) -> str:
    """Only the letters and digits, case and accents folded: how titles and site names are compared."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text.casefold() if ch.isalnum())


_SEPARATORS = re.compile(r"(\s+[|\-–—·•»:]{1,2}\s+|\s*\|\s*)")
_DOMAIN = re.compile(
    r"(?i)^[\w\-]+(\.[\w\-]+)*\.(com|org|net|edu|gov|io|co|uk|de|fr|it|es|br|ru|kr|jp|in|au|ca|info|news|tv|me)$"
)
_TERMINAL = (".", "?", "!", ",", ";")
_MINOR_WORDS = {"of", "the", "and", "&", "for", "on"}


def _site_keys(names: Iterable[str | None], host: str | None) -> set[str]:
    keys: set[str] = set()
    for name in names:
        if not name:
            continue
        keys.add(comparable(name))
        for part in _SEPARATORS.split(name)[::2]:
            keys.add(comparable(part))
    if host:
        labels = [label for label in host.lower().split(".") if label not in ("www", "m", "amp", "mobile")]
        for label in labels[:-1]:  # not the top-level domain
            if len(label) >= 3 and label not in ("com", "org", "net", "blog", "news"):
                keys.add(comparable(label))
    keys.discard("")
    return keys


def _matches_site(text: str, keys: set[str]) -> bool:
    value = comparable(text)
    if not value:
        return False
    for key in keys:
        if value == key:
            return True
        if len(key) >= 4 and (value.startswith(key) or value.endswith(key)) and len(text.split()) <= 5:
            return True
        if len(key) >= 6 and key in value and len(text.split()) <= 4:  # "The GiveWell Blog"
            return True
        if len(value) >= 4 and key.startswith(value):
            return True
    return False


def _looks_like_site(text: str) -> bool:
    text = text.strip()
    if _DOMAIN.match(text):
        return True
    words = text.split()
    return (
        0 < len(words) <= 4
        and len(text) <= 40
        and not text.endswith(_TERMINAL)
        and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _MINOR_WORDS for w in words)
    )


def clean_title(title: str | None, site_names: Iterable[str | None] = (), host: str | None = None) -> str | None:
    """The headline without site-name suffixes (" | Site", " - Site", " — Site") or prefixes ("Site | ").

    A part is removed when it is the site's name (from ``site_names`` or the host name), or a
    domain name; after a "|" also when it merely looks like a name (up to four capitalised words).
    """
    if not title:
        return None
    title = norm_space(title)
    names = [n for n in site_names if n]
    keys = _site_keys(names, host)
    # a whole multi-part site name used as a prefix: "LinkNaija | Nigeria's news: Headline"
    for name in sorted(names, key=len, reverse=True):
        name = norm_space(name)
        if len(name) >= 4 and title.lower().startswith(name.lower()):
            rest = re.sub(r"^\s*[|\-–—:·•»]+\s*", "", title[len(name) :])
            if rest != title[len(name) :] and rest:
                title = rest
                break
        if len(name) >= 4 and title.lower().endswith(name.lower()):
            rest = re.sub(r"\s*[|\-–—:·•»]+\s*$", "", title[: -len(name)])
            if rest != title[: -len(name)] and rest:
                title = rest
                break
    pieces = _SEPARATORS.split(title)
    parts, seps = pieces[::2], [s.strip() for s in pieces[1::2]]
    while len(parts) > 1:
        last, sep = parts[-1], seps[-1]
        if sep == ":":
            break
        if _matches_site(last, keys) or _DOMAIN.match(last.strip()) or (sep == "|" and _looks_like_site(last)):
            parts, seps = parts[:-1], seps[:-1]
            continue
        break
    while len(parts) > 1:
        first, sep = parts[0], seps[0]
        if sep != ":" and (_matches_site(first, keys) or _DOMAIN.match(first.strip())):
            parts, seps = parts[1:], seps[1:]
            continue
        break
    out = parts[0]
    for sep, part in zip(seps, parts[1:]):
        out += (f"{sep} " if sep == ":" else f" {sep} ") + part
    return out.strip() or None


_ROLE_WORDS = {
    "staff", "writer", "writers", "reporter", "reporters", "editor", "editors", "correspondent", "contributor",
    "contributors", "columnist", "senior", "chief", "contributing", "associate", "managing", "desk", "team",
    "admin", "administrator", "webmaster", "author", "authors", "guest", "editorial", "board", "web", "online",
    "digital", "producer", "photographer", "intern", "special", "to", "the", "for", "news", "service",
    "newsroom", "wire", "wires", "agency", "agencies", "press", "political", "national", "international",
    "business", "sports", "science", "health", "technology", "tech", "culture", "entertainment", "deputy",
    "executive", "assistant", "freelance", "by", "and", "of", "at", "a", "an",
}
_PLACEHOLDER_WORDS = {
    "staff", "admin", "administrator", "webmaster", "desk", "newsroom", "editorial", "unknown", "anonymous"
}
_JOB_TAIL = re.compile(r"(?i)\s+(?:is|was|has been|covers|writes|reports|joined)\b.*$")
_BY_PREFIX = re.compile(r"(?i)^(?:by|written by|words by|posted by|von|por|di|par)[:\s]+")
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\||/|,|&|\band\b|\bund\b|\be\b|\by\b|\bet\b)\s*")
_DATE_TAIL = re.compile(
    r"(?i)(?:\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)?(?:\s+\d{1,4}(?:st|nd|rd|th)?,?)+$"
)
"""A date run into a byline: "JOHN SMITH NOVEMBER 20, 2019" (a surname like May stays)."""


def _join_names(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def clean_author(author: str | None, site_names: Iterable[str | None] = (), host: str | None = None) -> str | None:
    """Person names from a byline: job descriptions, publisher/site names and placeholders removed.

    "Phil Helsel is a reporter" -> "Phil Helsel"; "Condé Nast; Louise Matsakis" -> "Louise Matsakis"
    when Condé Nast is among ``site_names``; "Admin" -> None; several names -> "A, B and C".
    """
    if not author:
        return None
    keys = _site_keys(site_names, host)
    names: list[str] = []
    for raw in _AUTHOR_SPLIT.split(norm_space(author)):
        if raw.strip().startswith("@"):  # a social-media handle
            continue
        part = _BY_PREFIX.sub("", raw.strip(" .,:-–—·"))
        part = _JOB_TAIL.sub("", part).strip(" .,:-–—")
        part = _DATE_TAIL.sub("", part).strip(" .,:-–—")
        if not part or "@" in part or "://" in part or part.lower().startswith("www."):
            continue
        words = [w.lower().strip(".,") for w in part.split()]
        if all(w in _ROLE_WORDS for w in words) or any(w in _PLACEHOLDER_WORDS for w in words):
            continue
        if keys and (_matches_site(part, keys) or (len(words) > 1 and comparable(words[0]) in keys)):
            continue  # "CNN Business" on cnn.com
        if not any(ch.isalpha() for ch in part):
            continue
        if part.isupper() and len(part) > 3:
            part = " ".join(w.capitalize() for w in part.split())
        names.append(part)
    unique: list[str] = []
    for name in names:
        key = comparable(name)
        if any(key == comparable(u) for u in unique):
            continue
        # a slug of a name already listed ("Kevin-R" beside "Kevin Rebong")
        if any(comparable(u).startswith(key) and key != comparable(u) for u in names):
            continue
        unique.append(name)
    return _join_names(unique) if unique else None


_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/\-](\d\d?|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}[/\-](\d\d?)(?=[/\-_.]|$)",
    re.IGNORECASE,
)


def _url_date(url: str | None) -> str | None:
    if not url:
        return None
    match = _URL_DATE.search(urlsplit(url).path)
    if match is None:
        return None
    year, month, day = match.groups()
    month_number = int(month) if month.isdigit() else _MONTHS.get(month[:3].lower(), 0)
    try:
        return date(int(year), month_number, int(day)).isoformat()
    except ValueError:
        return None


def _clean_site(site: str | None) -> str | None:
    if not site:
        return None
    site = norm_space(site).lstrip("@")
    first = _SEPARATORS.split(site)[0].strip()
    return first or site or None


def _first_attr(tree: HtmlElement, xpath: str) -> str | None:
    for value in tree.xpath(xpath):
        value = norm_space(str(value))
        if value:
            return value
    return None


def _absolute(value: str | None, base: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if value.startswith("//"):
        scheme = urlsplit(base).scheme if base else ""
        value = f"{scheme or 'https'}:{value}"
    if urlsplit(value).scheme in ("http", "https"):
        return value
    if base and urlsplit(base).scheme in ("http", "https"):
        joined = urljoin(base, value)  # "javascript:…", "data:…", "file:…" stay what they are: dropped
        return joined if urlsplit(joined).scheme in ("http", "https") else None
    return None


def _language(tree: HtmlElement, fallback: str | None) -> str | None:
    for value in (
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        _first_attr(tree, "//meta[translate(@http-equiv, 'CONTENTLAGU', 'contentlagu')='content-language']/@content"),
        _first_attr(tree, "//meta[@property='og:locale']/@content"),
        fallback,
    ):
        if value:
            match = re.match(r"\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)(?:[\s,;]|$)", value)
            if match:
                return match.group(1).replace("_", "-")
    return None


def _publishers(tree: HtmlElement) -> list[str]:
    """Organisation names the page gives: JSON-LD publisher, copyright notice, application name."""
    names: list[str] = []
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                publisher = item.get("publisher")
                if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                    names.append(publisher["name"])
                elif isinstance(publisher, str):
                    names.append(publisher)
                stack.extend(v for k, v in item.items() if k == "@graph")
    names_xpath = "//meta[@name='copyright' or @name='application-name' or @property='og:site_name']/@content"
    for value in tree.xpath(names_xpath):
        value = re.sub(r"(?i)copyright|\(c\)|©|all rights reserved\.?|\b(?:19|20)\d\d\b", " ", str(value))
        value = norm_space(value).strip(" .,-")
        if value:
            names.append(value)
    return names


def page_metadata(tree: HtmlElement, document: Document | None, url: str | None) -> PageMetadata:
    """The metadata of a page, from its tree and what trafilatura read of it (``document``); ``url`` is
    the address the page came from, if known."""
    canonical = _first_attr(
        tree,
        "//link[contains(concat(' ', translate(normalize-space(@rel), 'CANONIL', 'canonil'), ' '), ' canonical ')]"
        "/@href",
    )
    og_url = _first_attr(tree, "//meta[@property='og:url' or @name='og:url']/@content")
    base_tag = _first_attr(tree, "//base/@href")
    base = url or _absolute(base_tag, None) or _absolute(canonical, None) or _absolute(og_url, None)
    page_url = _absolute(canonical, base) or _absolute(og_url, base) or _absolute(url, None)
    host = urlsplit(page_url or url or "").hostname or (document.hostname if document else None)

    raw_site = document.sitename if document else None
    site = _clean_site(raw_site)
    publishers = _publishers(tree)
    site_names = [raw_site, site, *publishers]

    image = _first_attr(
        tree,
        "//meta[@property='og:image' or @property='og:image:url' or @property='og:image:secure_url']/@content",
    ) or _first_attr(tree, "//meta[@name='twitter:image' or @property='twitter:image']/@content")
    image = _absolute(image, page_url or base) or _absolute(document.image if document else None, page_url or base)

    page_date = document.date if document else None
    from_url = _url_date(page_url) or _url_date(url)
    if from_url and page_date != from_url:
        page_date = from_url

    return PageMetadata(
        title=clean_title(document.title if document else None, site_names, host),
        author=clean_author(document.author if document else None, site_names, host),
        date=page_date,
        site=site,
        url=page_url,
        language=_language(tree, document.language if document else None),
        image=image,
    )
