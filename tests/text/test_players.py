"""narrate.text.players: audio-player containers found by their markup and pruned before extraction."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from narrate.text.players import find_stubs, prune_players
from narrate.text.reader import read_article
from tests.text.htmlpages import DATA, STUBS, VENDOR_TEXT, extract, paragraphs

TRINITY_LABEL = "Getting your Trinity Audio player ready..."
PLAYERS = [
    # (fixture, text that must not be in the markdown, what pruned reports)
    ("trinity.html", [TRINITY_LABEL, "Trinity Audio", "|"], [TRINITY_LABEL]),
    (
        "beyondwords.html",
        ["Listen to this article", "Powered by BeyondWords", "4:12"],
        ["Listen to this article 4:12 Powered by BeyondWords"],
    ),
    ("instaread.html", ["Listen to audio version", "Audio Article"], ["Listen to audio version"]),
    ("amazon-polly.html", ["Listen to this article", "Voiced by Amazon Polly"], ["Listen to this article"]),
    (
        "elevenlabs.html",
        ["Loading the Elevenlabs", "AudioNative Player", "Elevenlabs Text to Speech"],
        ["Loading the Elevenlabs Text to Speech AudioNative Player..."],
    ),
]
PLAYER_PAGES = [p[0] for p in PLAYERS]


def source_blocks(name: str) -> tuple[list[str], list[str]]:
    """The fixture's own body paragraphs (inside <article>, without a class) and <h2> subheadings."""
    tree = lxml_html.fromstring((DATA / name).read_bytes())

    def text(element: lxml_html.HtmlElement) -> str:
        return " ".join(element.text_content().split())

    return [text(p) for p in tree.xpath("//article//p[not(@class)]")], [text(h) for h in tree.xpath("//article//h2")]



@pytest.mark.parametrize(("name", "labels", "pruned"), PLAYERS, ids=PLAYER_PAGES)
def test_player_is_pruned_and_its_text_reported(name: str, labels: list[str], pruned: list[str]) -> None:
    result = extract(name)
    for label in labels:
        assert label not in result.markdown
    assert result.pruned == pruned


@pytest.mark.parametrize("name", PLAYER_PAGES)
def test_player_pages_keep_every_paragraph_and_subheading_in_order(name: str) -> None:
    body, headings = source_blocks(name)
    assert body and headings
    blocks = paragraphs(extract(name).markdown)
    for text in body:
        assert text in blocks
    for heading in headings:
        assert f"## {heading}" in blocks
    # nothing else, and in the page's order: first paragraph first, subheading between its neighbours
    assert blocks == [b for b in blocks if b in body or b.removeprefix("## ") in headings]
    assert blocks[0] == body[0]
    assert blocks[-1] == body[-1]
    for heading in headings:
        at = blocks.index(f"## {heading}")
        assert body.index(blocks[at - 1]) + 1 == body.index(blocks[at + 1])


def test_nested_player_markup_counts_once_and_keeps_following_text() -> None:
    tree = lxml_html.fromstring(
        "<html><body><div class='entry'>"
        "<table id='trinity-audio-table'><tr><td><div class='trinityAudioPlaceholder'>"
        f"<div class='trinity-tts-pb'>{TRINITY_LABEL}</div></div></td></tr></table>"
        "Text after the table.</div></body></html>"
    )
    assert prune_players(tree) == [TRINITY_LABEL]
    assert " ".join(tree.text_content().split()) == "Text after the table."


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<div id='speechkit-player'>Listen now</div>", "Listen now"),
        ("<div class='speechkit-wrapper'><iframe id='speechkit-io-iframe'></iframe></div>", ""),
        ("<div id='beyondwords-player'><span>Listen to this article</span></div>", "Listen to this article"),
        ("<instaread-player publication='x'><span>Listen to audio</span></instaread-player>", "Listen to audio"),
        ("<div class='instaread-player-slot'></div>", ""),
        ("<elevenlabs-audionative-widget>Loading...</elevenlabs-audionative-widget>", "Loading..."),
        ("<div data-elevenlabs-project='p1'>ElevenLabs</div>", "ElevenLabs"),
        ("<div id='amazon-polly-coming-soon'><p>Audio coming soon</p></div>", "Audio coming soon"),
        ("<div class='amazon-polly-player'><script>var x = 1;</script>Listen</div>", "Listen"),
    ],
)
def test_player_variants_are_recognised_by_markup(markup: str, text: str) -> None:
    tree = lxml_html.fromstring(f"<html><body><article><p>Body text stays.</p>{markup}</article></body></html>")
    assert prune_players(tree) == [text]
    assert " ".join(tree.text_content().split()) == "Body text stays."


def test_a_wrapper_with_a_player_class_around_the_article_is_not_pruned() -> None:
    tree = lxml_html.fromstring(
        "<html><body><div class='post trinity-enabled'>"
        f"<p>{'A long paragraph of the story itself. ' * 30}</p>"
        f"<div class='trinity-tts-pb'>{TRINITY_LABEL}</div></div></body></html>"
    )
    assert prune_players(tree) == [TRINITY_LABEL]
    assert "A long paragraph of the story itself." in tree.text_content()


@pytest.mark.parametrize("path", sorted(STUBS.glob("*.html")), ids=lambda p: p.name)
def test_no_stub_form_is_spoken(path: Path) -> None:
    """Every form of a stub (tests/data/html/stubs): none of its text is read, every paragraph of the
    article is, in order."""
    article = read_article(path)
    written = " ".join(block.text for block in article.blocks)
    for words in VENDOR_TEXT:
        assert words.lower() not in written.lower() and words.lower() not in article.spoken_text.lower(), words
    body = [" ".join(p.text_content().split()) for p in lxml_html.parse(path).xpath("//article//p")]
    spoken = [text for text in body if not any(words in text for words in VENDOR_TEXT)]
    assert spoken and [text for text in spoken if text in written] == spoken
    assert [written.index(text) for text in spoken] == sorted(written.index(text) for text in spoken)


@pytest.mark.parametrize(
    ("markup", "kept"),
    [
        ("<p>We tried <strong>Trinity Audio</strong> for a year.</p>", "We tried Trinity Audio for a year."),
        ("<p>Read by <a href='https://elevenlabs.io'>ElevenLabs</a>.</p>", "Read by ElevenLabs."),
        ("<script type='application/ld+json'>{\"about\": \"BeyondWords\"}</script>", ""),
        ("<h2>ElevenLabs</h2><p>The company was founded in 2022.</p>", "ElevenLabsThe company was founded in 2022."),
    ],
)
def test_a_vendor_named_in_the_text_or_the_data_is_no_stub(markup: str, kept: str) -> None:
    tree = lxml_html.fromstring(f"<html><body><article><p>Body text stays.</p>{markup}</article></body></html>")
    assert find_stubs(tree) == [] and prune_players(tree) == []
    assert kept in " ".join(tree.text_content().split())


@pytest.mark.parametrize(
    ("markup", "placeholder"),
    [
        ("<p><script src='https://trinitymedia.ai/player/trinity/1/'></script>"
         "Getting your Trinity Audio player ready...</p>", True),
        ("<figure><iframe src='https://elevenlabs.io/player/index.html?publicUserId=1'></iframe></figure>", True),
        ("<div><p><script async src='https://proxy.beyondwords.io/npm/@beyondwords/player@latest/dist/umd.js'>"
         "</script></p></div>", False),
    ],
)
def test_a_wrapper_that_holds_only_the_stub_goes_with_it(markup: str, placeholder: bool) -> None:
    tree = lxml_html.fromstring(f"<html><body><article><p>Body text stays.</p>{markup}</article></body></html>")
    [stub] = find_stubs(tree)
    assert stub.element.getparent().tag == "article" and stub.placeholder is placeholder
    prune_players(tree)
    assert [el.tag for el in tree.xpath("//article/*")] == ["p"]
