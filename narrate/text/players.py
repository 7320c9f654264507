"""Audio-player widgets in an HTML page, found by their markup and removed before extraction.

Trinity Audio, BeyondWords/SpeechKit, Instaread, Amazon Polly and ElevenLabs players are recognised
by their markup (:data:`PLAYER_XPATHS`), never by their text. :func:`prune_players` takes them out of
the parsed tree before trafilatura reads it and returns their visible text, which
:mod:`narrate.text.html` keeps in ``ExtractedPage.pruned`` so a caller can report what was taken
out; :mod:`narrate.publish.pages` finds the same containers (:func:`find_players`) to put the
episode's own player in their place.
"""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

__all__ = ["NEVER_PRUNED", "PLAYER_XPATHS", "drop_element", "find_players", "may_have_players", "prune_players"]

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
    # and <div id="amazon-polly-coming-soon"> while the audio is being made.
    (
        "Amazon Polly",
        "//*[starts-with(@id, 'amazon-polly') or starts-with(@id, 'amazon-ai-player')"
        " or contains(@class, 'amazon-polly') or contains(@class, 'amazon-ai-player')]",
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
NEVER_PRUNED = {"html", "head", "body", "main", "article"}
"""Elements that are never an audio player's container, whatever their markup: the page or the whole article."""
_MAX_PLAYER_TEXT = 600
"""A matching element with more visible text than this is a wrapper around the article (a theme
adding a "trinity-enabled" class to the post, say), not a player: it stays, and the players
inside it are looked for one by one."""
_INVISIBLE = {"script", "style", "template", "noscript"}


def _visible_text(element: HtmlElement) -> str:
    parts: list[str] = []

    def walk(el: HtmlElement) -> None:
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


def find_players(tree: etree._Element) -> list[etree._Element]:
    """The audio-player containers in ``tree`` (:data:`PLAYER_XPATHS`), outermost matches only (a
    Trinity placeholder inside its table counts once); an element with more visible text than a
    player has is a wrapper around the article, not a player, and is left out."""
    chosen: list[etree._Element] = []
    chosen_ids: set[int] = set()
    for element in _PLAYER_XPATH(tree):
        if not isinstance(element.tag, str) or element.tag.lower() in NEVER_PRUNED:
            continue
        if any(id(ancestor) in chosen_ids for ancestor in element.iterancestors()):
            continue
        if len(_visible_text(element)) > _MAX_PLAYER_TEXT:
            continue
        chosen.append(element)
        chosen_ids.add(id(element))
    return chosen


def prune_players(tree: HtmlElement) -> list[str]:
    """Remove every audio-player container from ``tree``; return the visible text of each."""
    chosen = find_players(tree)
    texts = [_visible_text(element) for element in chosen]
    for element in chosen:
        drop_element(element)
    return texts
