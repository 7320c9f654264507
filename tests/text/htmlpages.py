"""Fixture pages and small page builders shared by the tests of the HTML extraction modules
(narrate.text.html, players, markdown, boilerplate, metadata)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from narrate.text.html import ExtractedPage, extract_html

DATA = Path(__file__).parents[1] / "data" / "html"


def extract(name: str, **kwargs: str) -> ExtractedPage:
    return extract_html((DATA / name).read_bytes(), **kwargs)


def paragraphs(markdown: str) -> list[str]:
    return markdown.split("\n\n")


def story(sentence: str, count: int = 4) -> str:
    """``count`` numbered paragraphs of article prose (enough for trafilatura to take as a body)."""
    return "".join(f"<p>{sentence.format(n=n)}</p>" for n in range(count))


def page(body: str, head: str = "", lang: str = "en") -> str:
    return f"<html lang='{lang}'><head>{head}</head><body><article>{body}</article></body></html>"


STUBS = DATA / "stubs"
"""One page per form of an audio-player stub (tests/data/html/stubs/README.md lists where each is from)."""
PLAYER_FIXTURES = ("trinity.html", "beyondwords.html", "instaread.html", "amazon-polly.html", "elevenlabs.html")
"""The older player pages of tests/data/html, one per vendor, the player at the top of the article."""
VENDOR_TEXT = (
    "Getting your", "player ready", "Trinity Audio", "BeyondWords", "Powered by", "Instaread",
    "Listen to audio version", "Voiced by Amazon Polly", "Elevenlabs", "AudioNative",
)
"""What a stub shows, which no page may show or say once narrate has replaced it."""


def stub_pages() -> list[Path]:
    """Every page with a player stub: the stub forms, then the older player pages."""
    return sorted(STUBS.glob("*.html")) + [DATA / name for name in PLAYER_FIXTURES]


def _element(siblings: Iterator[etree._Element], skip: Callable[[etree._Element], bool]) -> etree._Element | None:
    return next((el for el in siblings if isinstance(el.tag, str) and not skip(el)), None)


def stub_neighbours(page: str | bytes) -> tuple[str | None, str | None, str | None]:
    """The text of the elements just before and just after a page's player stub (None at either
    end), and its parent's class: where narrate's player has to be. A stub page marks its stub with
    ``<!-- stub: … -->`` and ``<!-- /stub -->``; in an older player page the stub is the player's
    container (found by its id or class) with the vendor's script after it."""
    doc = lxml_html.document_fromstring(page)
    starts = doc.xpath("//comment()[starts-with(normalize-space(.), 'stub:')]")
    if starts:
        [start] = starts
        [end] = doc.xpath("//comment()[normalize-space(.) = '/stub']")
        before = _element(start.itersiblings(preceding=True), lambda el: False)
        after = _element(end.itersiblings(), lambda el: False)
        parent = start.getparent()
    else:
        [container] = doc.xpath(
            "//*[@id='trinity-audio-table' or @data-beyondwords-player or @id='instaread-player'"
            " or @id='amazon-polly-audio-table' or @id='elevenlabs-audionative-widget']"
        )
        before = _element(container.itersiblings(preceding=True), lambda el: el.tag == "script")
        after = _element(container.itersiblings(), lambda el: el.tag == "script")
        parent = container.getparent()

    def text(element: etree._Element | None) -> str | None:
        return None if element is None else " ".join(element.text_content().split())

    return text(before), text(after), parent.get("class")
