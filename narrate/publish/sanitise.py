"""The article copy without the page's own scripts: what would run on the site that hosts it goes.

``article.html`` (:func:`narrate.publish.pages.page_with_player`) is the article's own page under
another site's address. Its scripts and event handlers were written for the article's site, and
its Content-Security-Policy cannot come with it (it would block narrate's audio), so by default
everything that runs is taken out (:func:`without_scripts`) and a policy of the copy's own lets
only the player snippet's scripts run (:func:`script_policy`).

The cleaning is lxml_html_clean's (the lxml project's HTML cleaner, which narrate already installs
for trafilatura, and which works on the lxml tree the copy is made from): it knows the ways script
hides in HTML (``javascript:`` URLs written with entities or spaces, ``<iframe srcdoc>``, SVG
``<animate>`` setting an ``href``, comments that close a ``<noscript>``, conditional comments).
Its CSS filters, meant for old Internet Explorer, are kept away from the page's styles.
"""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit

from lxml import etree
from lxml_html_clean import Cleaner

from ..text.players import drop_element

__all__ = ["script_policy", "set_policy", "without_scripts"]


_LAZY_IMAGES = (
    ("data-src", "src"), ("data-lazy-src", "src"), ("data-srcset", "srcset"), ("data-lazy-srcset", "srcset")
)
"""Lazy-loading attributes that a page's script would have turned into the image's own: without the
script the copy sets them itself, so that its images still show."""


class _ScriptCleaner(Cleaner):
    """lxml_html_clean's Cleaner, told to take out only what runs: the page's look stays.

    Its CSS filters guard against old Internet Explorer (``expression()``, ``behavior``), where a
    stylesheet could run script; no browser of today can, so stylesheets are kept, and style
    attributes and ``<style>`` elements never reach the Cleaner (see :func:`without_scripts`)."""

    def allow_element(self, el: etree._Element) -> bool:
        if el.tag == "link":
            return True
        return bool(super().allow_element(el))


_CLEANER = _ScriptCleaner(
    scripts=True, javascript=True, comments=False, style=False, inline_style=False, links=False, meta=False,
    page_structure=False, processing_instructions=True, embedded=False, frames=False, forms=False,
    annoying_tags=False, remove_unknown_tags=False, safe_attrs_only=False, add_nofollow=False,
    kill_tags=["applet", "param"],
    remove_tags=["object", "embed"],  # their fallback content stays (libxml2 also puts what follows an <embed> in it)
)
"""Every ``<script>``, every ``on*`` attribute, ``javascript:`` (and other scripting) URLs in
links, sources, forms and SVG, ``<iframe srcdoc>``, ``<object>``, ``<embed>`` and ``<applet>``
(their fallback content stays), conditional comments: out. Styles, stylesheets, images, frames of
other sites (a video) and forms stay."""


_RAW_TEXT = {"noscript", "noembed", "noframes", "iframe", "xmp", "textarea", "title"}
"""Where a browser reads markup as text but libxml2 parses it: a ``<style>`` in one is the Cleaner's
to judge (it could close the ``<noscript>`` around it and start markup)."""


def without_scripts(root: etree._Element) -> None:
    """Take out of the page everything that would run on the copy's own site (:data:`_CLEANER`),
    and a ``<meta http-equiv=refresh>``; lazy images get their real address."""
    for element in root.iter("img", "source", "iframe"):
        for lazy, real in _LAZY_IMAGES:
            value = (element.get(lazy) or "").strip()
            current = (element.get(real) or "").strip()
            if value and (not current or current.lower().startswith("data:")):
                element.set(real, value)
    for meta in list(root.iter("meta")):
        if (meta.get("http-equiv") or "").strip().lower() == "refresh":
            drop_element(meta)
    styled = [(el, el.attrib.pop("style")) for el in root.iter() if isinstance(el.tag, str) and "style" in el.attrib]
    sheets = [
        (el, el.text) for el in root.iter("style")
        if (el.get("type") or "text/css").lower() == "text/css"
        and not any(a.tag in _RAW_TEXT for a in el.iterancestors())
    ]
    for sheet, _ in sheets:
        sheet.text = None
    _CLEANER(root)
    for el, style in styled:
        el.set("style", style)
    for sheet, text in sheets:
        sheet.text = text


def script_policy(snippet: etree._Element) -> str:
    """The copy's Content-Security-Policy when the page's scripts are out: the snippet's own
    scripts only (by address or hash), no plugin; a handler or script that escaped the cleaning
    could not run either."""
    sources = []
    for script in snippet.iter("script"):
        src = (script.get("src") or "").strip()
        if urlsplit(src).scheme in ("http", "https") and not re.search(r"[\s;,']", src):
            sources.append(src)
        elif (script.text or "").strip():
            digest = hashlib.sha256(script.text.encode("utf-8")).digest()
            sources.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return "script-src " + (" ".join(sources) or "'none'") + "; object-src 'none'"


def set_policy(root: etree._Element, snippet: etree._Element) -> None:
    """Bring the copy's policy, if it has one (its scripts are out), in step with a new snippet."""
    head = root.find("head")
    if head is None:
        return
    policies = [m for m in head.iter("meta") if (m.get("http-equiv") or "").lower() == "content-security-policy"]
    if policies:
        policies[0].set("content", script_policy(snippet))
