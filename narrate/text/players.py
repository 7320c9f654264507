"""Audio-player stubs in an HTML page, found whole and removed before extraction.

Trinity Audio, BeyondWords/SpeechKit, Instaread, Amazon Polly and ElevenLabs players reach a
published page in several forms (tests/data/html/stubs/README.md lists them and the vendors' code
they come from): a container with the vendor's id or class (:data:`PLAYER_XPATHS`), the vendor's
script alone (BeyondWords renders its player where its script stands), a frame on the vendor's
player, or only the stub's line ("Getting your Trinity Audio player ready...") after an editor
dropped the markup. :func:`find_stubs` finds each of them, with the wrapper around it that holds
nothing else (an ordinary ``<p>`` around Trinity's script and line): a line of text is a stub only
when it is a vendor's stub line as a whole (:data:`narrate.text.rules.neutral.VENDOR_STUBS`, the
rule that drops the same lines from the text) and not part of a sentence.

:func:`prune_players` takes the stubs out of the parsed tree before trafilatura reads it and returns
their visible text, which :mod:`narrate.text.html` keeps in ``ExtractedPage.pruned`` so a caller
can report what was taken out; :mod:`narrate.publish.pages` finds the same stubs to put the
episode's own player in the place of the first.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

from .rules.neutral import VENDOR_STUBS

__all__ = [
    "NEVER_PRUNED", "PLAYER_XPATHS", "VENDOR_MARKERS", "Stub", "drop_element", "find_players", "find_stubs",
    "is_vendor_element", "may_have_players", "prune_players",
]

_CLASS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"
"""XPath test for one whole class name (CSS ``.name``)."""

PLAYER_XPATHS: tuple[tuple[str, str], ...] = (
    # Trinity Audio. The WordPress plugin (wordpress.org/plugins/trinity-audio, trinity-audio.php,
    # trinity_content_filter) wraps the player in
    #   <table id="trinity-audio-table"><tr><td id="trinity-audio-tab">
    #     <div id="trinity-audio-player-label">{label}</div>
    #     <div class='trinityAudioPlaceholder' data-trinity-mount-date=…>
    #       <div class='trinity-tts-pb' dir='ltr'><strong>Getting your <a href='//trinityaudio.ai'>Trinity
    #       Audio</a> player ready...</strong></div></div></td></tr></table>
    # and the script integration guide uses the same trinityAudioPlaceholder / trinity-tts-pb markup
    # without the table. trafilatura renders the table as "| Getting your Trinity Audio player ready... |".
    (
        "Trinity Audio",
        "//*[@id='trinity-audio-table' or starts-with(@id, 'trinity-audio')"
        " or contains(@class, 'trinity') or @data-trinity-mount-date]",
    ),
    # BeyondWords, formerly SpeechKit. WordPress plugin (beyondwords-io/wordpress-plugin): the editor
    # inserts <div data-beyondwords-player="true" contenteditable="false"></div>, the JS SDK
    # (beyondwords-io/player, Player constructor) adds the classes "beyondwords-player bwp" to its
    # target, and the Ghost integration (beyondwords-io/ghost-helper) mounts <div id="beyondwords-player">.
    # Older SpeechKit embeds: <div id="speechkit-player">, <amp-iframe id="speechkit-io-iframe">,
    # and sites wrapping them in <div class="speechkit-wrapper"> (foxnews.com).
    (
        "BeyondWords",
        "//*[@*[starts-with(name(), 'data-beyondwords')] or starts-with(@id, 'beyondwords-player')"
        f" or {_CLASS.format('beyondwords-player')} or {_CLASS.format('bwp')}"
        " or starts-with(@id, 'speechkit-') or contains(@class, 'speechkit')]",
    ),
    # Instaread. The web component <instaread-player publication=… class="instaread-player">
    # <div class="instaread-audio-player"><iframe id="instaread_iframe" title="Audio Article">, the
    # WordPress plugin's <div class="instaread-player-slot">, and <div id="instaread-player"> embeds.
    (
        "Instaread",
        "//instaread-player | //*[starts-with(@id, 'instaread') or contains(@class, 'instaread')]",
    ),
    # Amazon Polly. The AWS WordPress plugin (wordpress.org/plugins/amazon-polly,
    # Amazonpolly_Public::content_filter) writes
    #   <table id="amazon-polly-audio-table"><tr><td id="amazon-polly-audio-tab">
    #     <div id="amazon-ai-player-label">{label}</div>   (older versions: id="amazon-polly-label-tab")
    #     <div id="amazon-ai-player-container"><audio class="amazon-ai-player" …></div>
    #     <div id="amazon-polly-by-tab"><a href="https://aws.amazon.com/polly/"><img alt="Voiced by
    #     Amazon Polly"></a></div></td></tr></table>
    # and <div id="amazon-polly-coming-soon"> while the audio is being made; with translations on,
    # its flags come first: <div class="amazon-ai-flags-container"> (show_translations_options).
    (
        "Amazon Polly",
        "//*[starts-with(@id, 'amazon-polly') or starts-with(@id, 'amazon-ai-player')"
        " or contains(@class, 'amazon-polly') or contains(@class, 'amazon-ai-player')"
        " or contains(@class, 'amazon-ai-flags')]",
    ),
    # ElevenLabs AudioNative. The embed snippet (ElevenLabs docs, "Audio Native"):
    #   <div id="elevenlabs-audionative-widget" data-height="90" data-width="100%" data-publicuserid=…
    #     data-playerurl="https://elevenlabs.io/player/index.html">Loading the <a
    #     href="https://elevenlabs.io/text-to-speech">Elevenlabs Text to Speech</a> AudioNative Player...</div>
    # plus the <elevenlabs-audionative-widget> element form and data-elevenlabs-* attributes.
    (
        "ElevenLabs",
        "//elevenlabs-audionative-widget | //*[starts-with(@id, 'elevenlabs')"
        " or @*[starts-with(name(), 'data-elevenlabs')] or contains(@class, 'elevenlabs')]",
    ),
)

_PLAYER_XPATH = etree.XPath(" | ".join(xpath for _, xpath in PLAYER_XPATHS))
_PLAYER_MARKERS = (
    "trinity", "beyondwords", "bwp", "speechkit", "instaread", "amazon-polly", "amazon-ai-player", "elevenlabs"
)
"""Substrings every player's markup contains: a page without any of them is not searched."""
VENDOR_MARKERS = (
    "trinitymedia.ai", "trinityaudio", "trinity-audio", "trinity_audio", "trinity-tts", "trinity_tts",
    "trinity_player", "trinityplayer", "trinity_wp",
    "beyondwords", "speechkit",
    "instaread",
    "elevenlabs",
    "amazon-polly", "amazonpolly", "amazon_polly", "amazon-ai-player",
)
"""Text that marks a script, stylesheet or frame as an audio-player vendor's (their hosts, and the
WordPress plugin folders: wp-content/plugins/trinity-audio, beyondwords, amazon-polly, …)."""
_VENDOR_TAGS = ("script", "link", "noscript", "iframe", "amp-iframe", "object", "embed")
"""Elements that are a vendor's by their address or code (a page's own ``<style>`` may style the
player among everything else: it stays)."""
_LOADERS = {"script", "link", "noscript"}
"""Vendor elements that show nothing themselves: the player's code and style, not its place."""
_SCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript", "application/ecmascript"}
"""Script types that run (a JSON-LD block that mentions a vendor is data, not its player)."""
NEVER_PRUNED = {"html", "head", "body", "main", "article"}
"""Elements that are never an audio player's container, whatever their markup: the page or the whole article."""
_MAX_PLAYER_TEXT = 600
"""A matching element with more visible text than this is a wrapper around the article (a theme
adding a "trinity-enabled" class to the post, say), not a player: it stays, and the players
inside it are looked for one by one."""
_MAX_STUB_TEXT = 200
_INVISIBLE = {"script", "style", "template", "noscript"}
_CONTENT = {
    "img", "picture", "video", "audio", "iframe", "amp-iframe", "amp-img", "object", "embed", "svg", "canvas", "math",
    "input", "button", "select", "textarea", "table", "ul", "ol", "dl", "blockquote", "pre", "hr",
}
"""Elements that are content of their own even without text: a wrapper holding one is not the stub's alone."""
_INLINE = {
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "em", "font", "i", "kbd", "label", "mark", "q", "s", "small",
    "span", "strong", "sub", "sup", "time", "u", "var",
}
_STUB_TEXT = VENDOR_STUBS[0].pattern
"""A vendor's stub text, as a whole (the clean rule that drops the same lines from the text)."""
_STUB_WORDS = ("trinity", "beyondwords", "speechkit", "polly", "instaread", "elevenlabs", "eleven labs")


@dataclass(frozen=True)
class Stub:
    """One audio-player stub of a page, as a whole: what goes when it is replaced."""

    element: etree._Element
    """Its outermost element: the vendor's container, frame, script or text, or the wrapper (a
    paragraph, a figure) that holds nothing else."""
    placeholder: bool
    """It shows where the player is (a container, a frame, the stub's text), rather than only
    loading the vendor's code or style."""


def _visible_text(element: etree._Element) -> str:
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        if isinstance(el.tag, str) and el.tag.lower() in _INVISIBLE:
            return
        if isinstance(el.tag, str) and el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return " ".join(" ".join(parts).split())


def _tag(element: etree._Element) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def is_vendor_element(element: etree._Element) -> bool:
    """Whether a script, stylesheet, frame or embed is an audio-player vendor's (:data:`VENDOR_MARKERS`
    in its address, or in the code of an inline script)."""
    tag = _tag(element)
    if tag not in _VENDOR_TAGS:
        return False
    if tag == "script" and (element.get("type") or "").strip().lower() not in _SCRIPT_TYPES:
        return False
    what = " ".join(
        [element.get("src") or "", element.get("href") or "", element.get("data-src") or "",
         element.get("data") or "", element.get("onload") or "", element.text or ""]
    ).lower()
    if tag == "noscript":
        what += etree.tostring(element, encoding="unicode", method="html").lower()
    return any(marker in what for marker in VENDOR_MARKERS)


def drop_element(element: etree._Element) -> None:
    """Remove an element and its subtree, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def may_have_players(html: str | bytes) -> bool:
    """Whether the page's source has any player's marker at all (the tree need not be searched)."""
    if isinstance(html, bytes):
        lowered = html.lower()
        return any(marker.encode() in lowered for marker in _PLAYER_MARKERS)
    lowered = html.lower()
    return any(marker in lowered for marker in _PLAYER_MARKERS)


def _is_stub_text(element: etree._Element) -> bool:
    """An element whose whole visible text is a vendor's stub ("Getting your Trinity Audio player
    ready...") and which holds nothing else."""
    everything = element.text_content().lower()
    if not any(word in everything for word in _STUB_WORDS):
        return False
    text = _visible_text(element)
    if len(text.split()) < 3 or len(text) > _MAX_STUB_TEXT or not _STUB_TEXT.fullmatch(text):
        return False  # (a vendor's bare name, "ElevenLabs", is a heading of an article about it)
    if any(_tag(el) in _CONTENT for el in element.iter()):
        return False
    parent = element.getparent()  # a vendor's name in a sentence ("we tried <b>Trinity Audio</b>") is text
    return not (_tag(element) in _INLINE and parent is not None and _visible_text(parent) != text)


def _parts(root: etree._Element) -> list[tuple[etree._Element, bool]]:
    """Every element of a stub, outermost only, in page order, each with whether it is a placeholder:
    the containers :data:`PLAYER_XPATHS` finds, the vendors' scripts, frames and embeds, and
    elements whose whole text is a vendor's stub."""
    found: dict[int, tuple[etree._Element, bool]] = {}
    everything = list(root.iter())  # held, so that each element keeps its one Python object (and id)
    order = {id(el): n for n, el in enumerate(everything)}
    for element in _PLAYER_XPATH(root):  # the XPaths search the whole document: only root's part counts
        if id(element) not in order or _tag(element) in NEVER_PRUNED:
            continue
        if len(_visible_text(element)) <= _MAX_PLAYER_TEXT:
            found[id(element)] = (element, _tag(element) not in _LOADERS)
    for element in root.iter(*_VENDOR_TAGS):
        if is_vendor_element(element):
            found.setdefault(id(element), (element, _tag(element) not in _LOADERS))
    for element in everything:
        if _tag(element) and _tag(element) not in NEVER_PRUNED | _INVISIBLE and _is_stub_text(element):
            found.setdefault(id(element), (element, True))
    chosen: list[tuple[etree._Element, bool]] = []
    for element, placeholder in sorted(found.values(), key=lambda part: order[id(part[0])]):
        if any(id(ancestor) in found for ancestor in element.iterancestors()):
            continue
        chosen.append((element, placeholder))
    return chosen


def _holds_more(element: etree._Element, skip: set[int]) -> bool:
    """Whether ``element`` holds anything besides the elements in ``skip``: text, content such as
    an image or a table, or a script of the page's own."""
    if (element.text or "").strip():
        return True
    for child in element:
        if (child.tail or "").strip():
            return True
        if id(child) in skip or not isinstance(child.tag, str):
            continue
        if _tag(child) in _CONTENT or _tag(child) in ("script", "style", "noscript", "template"):
            return True
        if _holds_more(child, skip):
            return True
    return False


def _wrapper(element: etree._Element, skip: set[int]) -> etree._Element:
    """The outermost ancestor of a stub's element that holds nothing but the stub (an ordinary
    ``<p>`` around Trinity's script and text, a ``<figure>`` around a frame), else the element."""
    current = element
    parent = current.getparent()
    while parent is not None and _tag(parent) and _tag(parent) not in NEVER_PRUNED and not _holds_more(parent, skip):
        current, parent = parent, parent.getparent()
    return current


def find_stubs(tree: etree._Element) -> list[Stub]:
    """The audio-player stubs of a page's body, in page order, each as a whole: the vendor's
    container (:data:`PLAYER_XPATHS`), script, frame or stub text, with the wrapper around them
    that holds nothing else. Adjacent parts of one stub (Trinity's script and its placeholder)
    are adjacent stubs here."""
    body = tree.find(".//body") if _tag(tree) == "html" else tree
    root = body if body is not None else tree
    parts = _parts(root)
    skip = {id(element) for element, _ in parts}
    stubs: list[Stub] = []
    seen: set[int] = set()
    for element, placeholder in parts:
        outer = _wrapper(element, skip)
        if id(outer) in seen:
            index = next(i for i, s in enumerate(stubs) if s.element is outer)
            stubs[index] = Stub(outer, stubs[index].placeholder or placeholder)
            continue
        seen.add(id(outer))
        skip.add(id(outer))
        stubs.append(Stub(outer, placeholder))
    return stubs


def find_players(tree: etree._Element) -> list[etree._Element]:
    """The elements of :func:`find_stubs`: what goes when the page's players are taken out."""
    return [stub.element for stub in find_stubs(tree)]


def prune_players(tree: HtmlElement) -> list[str]:
    """Remove every audio-player stub from ``tree``; return the visible text of each that shows
    where a player is (a script alone has none)."""
    stubs = find_stubs(tree)
    texts = [_visible_text(stub.element) for stub in stubs if stub.placeholder]
    for stub in stubs:
        drop_element(stub.element)
    return texts
