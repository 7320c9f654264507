"""narrate.text.markdown: trafilatura's XML body as markdown (paragraphs, subheadings, table rows), escaped."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from narrate.text.html import extract_html
from narrate.text.markdown import _escape
from tests.text.htmlpages import extract, page, paragraphs, story


def test_markdown_is_paragraphs_between_blank_lines() -> None:
    markdown = extract("trinity.html").markdown
    assert "\n\n\n" not in markdown
    assert markdown == markdown.strip()
    for block in paragraphs(markdown):
        assert "\n" not in block
        assert "](" not in block and "![" not in block


def test_comment_headings_and_what_follows_them_are_dropped() -> None:
    result = extract("comments.html")
    assert "Comments" not in result.markdown
    assert "Be the first to share" not in result.markdown
    assert result.markdown.endswith("once the survey of the cliff has been completed.")
    assert "## Walkers asked to keep to the route" in paragraphs(result.markdown)


@pytest.mark.parametrize("heading", ["0 Comments", "Loading comments...", "12 comments", "3 thoughts on “The path”"])
def test_comment_heading_variants(heading: str) -> None:
    result = extract_html(
        page(
            "<h1>Story</h1>"
            + story("Paragraph {n} of the story, long enough to count as article prose for extraction.", 6)
            + f"<section><h3>{heading}</h3><p>Readers have not said anything about this story yet.</p></section>"
        )
    )
    assert heading not in result.markdown
    assert "Paragraph 5 of the story" in result.markdown


def test_table_rows_become_lines_of_cells() -> None:
    result = extract_html(
        page(
            "<h1>Results</h1>"
            + story("Line {n} of the results story, with enough words in it to be read.")
            + "<table><tr><th>Place</th><th>Driver</th><th>Points</th></tr>"
            "<tr><td>1</td><td>Ana Ruiz</td><td>212</td></tr>"
            "<tr><td>2</td><td>Ben Okoro</td><td>198</td></tr></table>"
        )
    )
    blocks = paragraphs(result.markdown)
    assert "1, Ana Ruiz, 212" in blocks
    assert "2, Ben Okoro, 198" in blocks


def test_a_layout_table_keeps_its_paragraphs_apart() -> None:
    result = extract_html(
        "<html><head><title>Parish news</title></head><body><table><tr>"
        "<td><a href='/'>Home</a><br><a href='/events'>Events</a></td>"
        "<td><h1>Parish news</h1>" + story("Paragraph {n} of an old table-layout page, a real paragraph of prose.", 5)
        + "<h3>Bell ringing</h3><p>The bells will ring again on Sunday after the tower repairs.</p></td>"
        "</tr></table></body></html>"
    )
    blocks = paragraphs(result.markdown)
    assert "Paragraph 0 of an old table-layout page, a real paragraph of prose." in blocks
    assert blocks[-2:] == ["## Bell ringing", "The bells will ring again on Sunday after the tower repairs."]


# --- the markdown reads back as the text ------------------------------------------------------

MARKDOWN = MarkdownIt("commonmark")
_PIECES = st.sampled_from(
    [*"ab #>*-+_=`~<>&;\\[]()!.)1234567890:|'\"/{}", "&amp;", "&#35;", "<b>", "</p>", "<!--", "  ", "[a](b)"]
)


def _read_back(markdown: str) -> list[tuple[str, str]]:
    """(block type, plain text) of each block of a Markdown document."""
    tokens = MARKDOWN.parse(markdown)
    out = []
    for opening, inline in zip(tokens, tokens[1:]):
        if inline.type == "inline" and opening.type in ("paragraph_open", "heading_open"):
            parts = [c.content if c.type in ("text", "code_inline") else f"<{c.type}>" for c in inline.children or []]
            out.append((opening.type, "".join(parts)))
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(_PIECES, min_size=1, max_size=20).map(lambda parts: " ".join("".join(parts).split())).filter(bool))
def test_escaped_text_reads_back_as_itself(text: str) -> None:
    assert _read_back(_escape(text)) == [("paragraph_open", text)]
    assert _read_back("## " + _escape(text, heading=True)) == [("heading_open", text)]


def test_markdown_special_characters_read_back_as_the_same_text() -> None:
    lines = [
        "1984. That was the year the harbour wall was finally rebuilt after the storm.",
        "# is how the board's minutes number their resolutions, one per page of the book.",
        "<b> tags were visible in the old online archive, and &amp; showed instead of ampersands.",
    ]
    escaped = "".join(f"<p>{line.replace('&', '&amp;').replace('<', '&lt;')}</p>" for line in lines)
    result = extract_html(page("<h1>Wall</h1>" + story("Ordinary paragraph {n} about the harbour wall.") + escaped))
    blocks = _read_back(result.markdown)
    assert {kind for kind, _ in blocks} == {"paragraph_open"}
    for line in lines:
        assert ("paragraph_open", line) in blocks
