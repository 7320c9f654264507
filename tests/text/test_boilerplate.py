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
