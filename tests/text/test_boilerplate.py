"""narrate.text.boilerplate: hover cards, teaser links and link lists left out by their structure."""

from __future__ import annotations

from narrate.text.html import extract_html
from tests.text.htmlpages import page, paragraphs, story


def test_teaser_links_and_hover_cards_are_left_out() -> None:
    result = extract_html(
        page(
            "<h1>Cycle lanes</h1>"
            "<p>The council voted for <span class='person'><a href='/p/jo'>Jo Marsh</a>"
            "<span class='rollover-people-block'><a href='/a/1'>Jo Marsh opens the bridge</a>"
            "<a href='/a/2'>Budget talks stall</a></span></span>'s plan on Monday evening.</p>"
            + story("Sentence {n} of the report on the new cycle lanes, written out in full.", 5)
            + "<p><strong>READ MORE:</strong> <a href='/a/5'>Parking charges to rise in the spring</a></p>"
            "<p><strong>DON'T MISS</strong></p><p><a href='/a/3'>Bus lane fines explained</a> [VIDEO]<br>"
            "<a href='/a/4'>Ten years of the ring road</a> [INSIGHT]</p>"
            "<p>The plan also <a href='/plan'>names eleven streets</a> that will get lanes first.</p>"
        )
    )
    blocks = paragraphs(result.markdown)
    assert "The council voted for Jo Marsh's plan on Monday evening." in blocks
    assert "The plan also names eleven streets that will get lanes first." in blocks
    for teaser in ("Parking charges", "Budget talks stall", "DON'T MISS", "[VIDEO]", "ring road"):
        assert teaser not in result.markdown


BOXES = (
    "<div class='paywall' data-area='paywall'><p>Mehr Perspektiven, mehr verstehen.</p>"
    "<p>Schon gelesen? Der Zugang gilt für alle Geräte</p></div>"
    "<div class='c-signature__location'>Hamburg</div>"
    "<aside class='newsletter-box'><p>Die Woche im Überblick, immer sonntags</p></aside>"
)


def test_boxes_named_by_their_markup_go_on_pages_in_the_reviewed_languages() -> None:
    body = (
        BOXES
        + "<div class='article-body paywall-content'>"
        + "<p>Der Senat hat den <a class='tag' href='/thema/bau'>Wohnungsbau</a> zur Chefsache erklärt.</p>"
        + story("Absatz {n}: Der Senat will Bauanträge binnen drei Monaten entscheiden und stellt dafür "
                "sechzig zusätzliche Mitarbeiter in den Bezirksämtern ein.", 4)
        + "</div>"
    )
    blocks = paragraphs(extract_html(page(body, lang="de")).markdown)
    assert "Der Senat hat den Wohnungsbau zur Chefsache erklärt." in blocks
    assert sum(block.startswith("Absatz ") for block in blocks) == 4
    for text in ("Mehr Perspektiven", "Schon gelesen", "Hamburg", "Die Woche im Überblick"):
        assert not any(text in block for block in blocks), text


def test_english_pages_keep_their_boxes_for_the_rules() -> None:
    body = BOXES + story("Paragraph {n} of the report on housing, written out in full with enough words.", 4)
    markdown = extract_html(page(body, lang="en")).markdown
    assert "Mehr Perspektiven, mehr verstehen." in markdown
