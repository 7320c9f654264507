"""narrate.text.html: article body and metadata out of an HTML page, audio players pruned first."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from narrate.errors import InputError
from narrate.text.html import (
    ExtractedPage,
    PageMetadata,
    _escape,
    clean_author,
    clean_title,
    extract_html,
    prune_players,
)
from tests.conftest import SHARED, require_file

DATA = Path(__file__).parents[1] / "data" / "html"
CORPUS = SHARED / "corpus" / "scrapinghub-aeb"
NO_ARTICLE = "no article text found in the page"


def extract(name: str, **kwargs: str) -> ExtractedPage:
    return extract_html((DATA / name).read_bytes(), **kwargs)


def source_blocks(name: str) -> tuple[list[str], list[str]]:
    """The fixture's own body paragraphs (inside <article>, without a class) and <h2> subheadings."""
    tree = lxml_html.fromstring((DATA / name).read_bytes())

    def text(element: lxml_html.HtmlElement) -> str:
        return " ".join(element.text_content().split())

    return [text(p) for p in tree.xpath("//article//p[not(@class)]")], [text(h) for h in tree.xpath("//article//h2")]


def paragraphs(markdown: str) -> list[str]:
    return markdown.split("\n\n")


def story(sentence: str, count: int = 4) -> str:
    """``count`` numbered paragraphs of article prose (enough for trafilatura to take as a body)."""
    return "".join(f"<p>{sentence.format(n=n)}</p>" for n in range(count))


def page(body: str, head: str = "", lang: str = "en") -> str:
    return f"<html lang='{lang}'><head>{head}</head><body><article>{body}</article></body></html>"


# --- audio players ---------------------------------------------------------------------------

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


@pytest.mark.parametrize("name", PLAYER_PAGES)
def test_title_is_not_the_first_line(name: str) -> None:
    result = extract(name)
    assert result.metadata.title
    assert result.metadata.title not in result.markdown
    assert not result.markdown.startswith("#")


def test_markdown_is_paragraphs_between_blank_lines() -> None:
    markdown = extract("trinity.html").markdown
    assert "\n\n\n" not in markdown
    assert markdown == markdown.strip()
    for block in paragraphs(markdown):
        assert "\n" not in block
        assert "](" not in block and "![" not in block


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


# --- what trafilatura alone gets wrong -----------------------------------------------------------


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


def test_an_article_split_into_sibling_chunks_is_read_whole() -> None:
    blocks = paragraphs(extract("split-body.html").markdown)
    assert blocks[0].startswith("When the village choir lost half its members")
    assert blocks[-1].startswith("The choir now gives a winter concert")
    assert len(blocks) == 4
    assert "Advertisement" not in blocks


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


# --- no article ------------------------------------------------------------------------------

_TAGS = st.sampled_from(["p", "div", "h2", "li", "td", "br", "table", "a", "script"])


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.one_of(
        st.lists(st.tuples(_TAGS, st.text(max_size=60))).map(
            lambda items: page("".join(f"<{tag}>{text}</{tag}>" for tag, text in items))
        ),
        st.text(max_size=200),
        st.binary(max_size=200),
    )
)
def test_any_input_is_an_article_or_an_input_error(html: str | bytes) -> None:
    try:
        result = extract_html(html)
    except InputError as exc:
        assert str(exc) == NO_ARTICLE
    else:
        assert result.markdown.strip()


@pytest.mark.parametrize(
    "html",
    [
        (DATA / "login.html").read_bytes(),
        (DATA / "nav-only.html").read_text(encoding="utf-8"),
        "",
        b"   \n",
        "<html><body></body></html>",
        "just some words",
    ],
    ids=["login", "nav-only", "empty", "blank-bytes", "empty-body", "not-html"],
)
def test_a_page_without_an_article_is_an_input_error(html: str | bytes) -> None:
    with pytest.raises(InputError) as info:
        extract_html(html)
    assert str(info.value) == NO_ARTICLE


# --- metadata --------------------------------------------------------------------------------


def test_metadata_of_a_wordpress_page() -> None:
    result = extract("trinity.html", url="https://quaycourier.example/2024/03/05/night-ferries-return/")
    assert result.metadata == PageMetadata(
        title="Night ferries return to the harbour timetable",
        author="Mara Okafor",
        date="2024-03-05",
        site="The Quay Courier",
        url="https://quaycourier.example/2024/03/05/night-ferries-return/",
        language="en",
        image="https://quaycourier.example/media/ferry-at-dusk.jpg",
    )


def test_relative_canonical_and_image_need_a_base_url() -> None:
    metadata = extract("trinity.html").metadata
    assert metadata.url is None
    assert metadata.image is None


@pytest.mark.parametrize(
    ("name", "field", "value"),
    [
        ("beyondwords.html", "url", "https://valley-gazette.example/news/allotment-waiting-list-falls"),
        ("amazon-polly.html", "image", "https://riverside-post.example/images/cafe-front.jpg"),  # //host/path
        ("amazon-polly.html", "date", "2021-06-21"),  # 2021-06-21T09:15:00+01:00
        ("amazon-polly.html", "author", "Jonah Abernathy"),  # "Riverside Post; Jonah Abernathy"
        ("elevenlabs.html", "author", "Ines Vidal"),  # "Ines Vidal, Staff Writer"
        ("elevenlabs.html", "title", "Why the lighthouse keeper's log matters to climate researchers"),
        ("instaread.html", "language", "en"),  # <html lang="en-US">
        ("instaread.html", "date", "2022-11-02"),
        ("beyondwords.html", "site", "Valley Gazette"),
    ],
)
def test_metadata_fields(name: str, field: str, value: str) -> None:
    assert getattr(extract(name).metadata, field) == value


def test_date_in_the_url_wins_over_a_different_page_date() -> None:
    result = extract_html(
        page(
            "<h1>Claim checked</h1>" + story("Paragraph {n} of a fact check with a date in its address."),
            head="<title>Claim checked</title>"
            "<link rel='canonical' href='https://checks.example/statements/2019/nov/18/claim-checked/'>"
            "<meta property='article:published_time' content='2019-10-13'>",
        )
    )
    assert result.metadata.date == "2019-11-18"


def test_language_from_the_content_language_header_when_html_has_none() -> None:
    html = page(
        story("Parágrafo {n} de uma notícia com palavras suficientes para ser lida em voz alta."),
        head="<meta http-equiv='Content-Language' content='pt-BR'><title>Notícia</title>",
    )
    assert extract_html(html.replace(" lang='en'", "")).metadata.language == "pt"


TITLES = [
    # (title as the page gives it, site names, host, expected)
    ("Best tech gadgets of 2019 | ZDNet", ["ZDNet"], "www.zdnet.com", "Best tech gadgets of 2019"),
    ("Allotment waiting list falls - Valley Gazette", ["Valley Gazette"], None, "Allotment waiting list falls"),
    ("Bakery to reopen café — Riverside Post", ["Riverside Post"], None, "Bakery to reopen café"),
    ("Tidal Notes | Why the log matters", ["Tidal Notes"], None, "Why the log matters"),
    ("A grant to test programs - The GiveWell Blog", [], "blog.givewell.org", "A grant to test programs"),
    ("Night ferries return | The Quay Courier", [], None, "Night ferries return"),
    ("Skyrim running speed - gto-normativy.ru", [], None, "Skyrim running speed"),
    ("Choir news | Hillside | Review Pages", ["Hillside"], None, "Choir news"),
    (
        "Black Friday per nostalgici - Remember 80/90 - Memorabilia anni 80/90",
        ["Remember 80/90 - Memorabilia anni 80/90"],
        None,
        "Black Friday per nostalgici",
    ),
    (
        "LinkNaija | Nigeria's popular news platform: BREAKING NEWS: Chelsea sign a keeper",
        ["LinkNaija | Nigeria's popular news platform"],
        None,
        "BREAKING NEWS: Chelsea sign a keeper",
    ),
    # kept: a dash before words that are not the site's name, a colon, a title that is only the name
    ("Spider-Man - Far From Home is a quiet triumph", [], None, "Spider-Man - Far From Home is a quiet triumph"),
    ("Hong Kong chaos: troops deployed", ["Express.co.uk"], "www.express.co.uk", "Hong Kong chaos: troops deployed"),
    ("ZDNet", ["ZDNet"], None, "ZDNet"),
    ("  Spaces   between  words  ", [], None, "Spaces between words"),
    (None, ["Site"], None, None),
]


@pytest.mark.parametrize(("title", "sites", "host", "expected"), TITLES)
def test_clean_title(title: str | None, sites: list[str], host: str | None, expected: str | None) -> None:
    assert clean_title(title, sites, host) == expected


AUTHORS = [
    # (author as the page gives it, site names, host, expected)
    ("Phil Helsel is a reporter", ["NBC News"], "www.nbcnews.com", "Phil Helsel"),
    ("Phil Helsel is a reporter for NBC News.", [], None, "Phil Helsel"),
    ("Condé Nast; Louise Matsakis", ["Wired", "Condé Nast"], "www.wired.com", "Louise Matsakis"),
    ("Admin", [], None, None),
    ("admin", [], None, None),
    ("Staff", [], None, None),
    ("Editor", [], None, None),
    ("Editorial Staff", [], None, None),
    ("JERUSALEM POST STAFF NOVEMBER 20", ["jpost.com"], "www.jpost.com", None),
    ("Beachbody", ["The Beachbody Blog"], "www.beachbodyondemand.com", None),
    ("Jill Disis, CNN Business", ["CNN"], "www.cnn.com", "Jill Disis"),
    ("By Mara Okafor", [], None, "Mara Okafor"),
    ("Ines Vidal, Staff Writer", [], None, "Ines Vidal"),
    ("David Jeans; Kevin Rebong; Kevin-R", [], None, "David Jeans and Kevin Rebong"),
    ("Ana Lima, Ben Ode, Cy Tran", [], None, "Ana Lima, Ben Ode and Cy Tran"),
    ("Ana Lima and Ana Lima", [], None, "Ana Lima"),
    ("MARIA GARCIA", [], None, "Maria Garcia"),
    ("JOHN SMITH NOVEMBER 20, 2019", [], None, "John Smith"),
    ("Theresa May", [], None, "Theresa May"),
    ("@harbourdesk", [], None, None),
    (None, [], None, None),
]


@pytest.mark.parametrize(("author", "sites", "host", "expected"), AUTHORS)
def test_clean_author(author: str | None, sites: list[str], host: str | None, expected: str | None) -> None:
    assert clean_author(author, sites, host) == expected


# --- the real pages of the Zyte benchmark sample (../shared) ------------------------------------


def _truth() -> dict[str, dict[str, str]]:
    return json.loads(require_file(CORPUS / "ground-truth.json").read_text(encoding="utf-8"))


def _html(page_id: str) -> bytes:
    return gzip.decompress(require_file(CORPUS / "html" / f"{page_id}.html.gz").read_bytes())


def _page(prefix: str) -> tuple[bytes, str]:
    """A corpus page by the first characters of its id: its HTML and its ground-truth body."""
    truth = _truth()
    (page_id,) = [key for key in truth if key.startswith(prefix)]
    return _html(page_id), truth[page_id]["articleBody"]


def test_every_corpus_page_extracts() -> None:
    truth = _truth()
    assert len(truth) == 30
    for page_id, entry in truth.items():
        result = extract_html(_html(page_id), url=entry["url"])
        assert len(result.markdown) > 200, page_id
        assert result.metadata.title, page_id


KNOWN_SENTENCES = {
    "d48aeb9c": [  # wired.com splits the body into chunks: the later ones must be read too
        "Instagram first introduced business accounts in 2016.",
        "Maybe Instagram likes it that way.",
    ],
    "c7e39ac4": ["Last month, a judge rejected Assange's attempt to delay the full extradition hearing"],
    "7a457a4f": ["Patrick W. Carlineo Jr., 55, of Addison, a village southwest of Ithaca"],
    "6ebac05f": ["A New York man pleaded guilty to charges he threatened to kill Rep. Ilhan Omar (D-Minn.), the U.S."],
    "9cb8224b": ["A half century on, The Doobie Brothers are still smoking."],
    "358cc4a0": ["The 23-year-old flew to London yesterday evening"],
    "c4a3637c": ["Как отмечается, что после погибели скорость меняется"],
}


@pytest.mark.parametrize("prefix", sorted(KNOWN_SENTENCES))
def test_known_sentences_of_corpus_pages(prefix: str) -> None:
    html, truth = _page(prefix)
    text = " ".join(extract_html(html).markdown.split())
    first = " ".join(truth.split("\n")[0].split())[:60]
    for sentence in [first, *KNOWN_SENTENCES[prefix]]:
        assert sentence in text


def test_corpus_metadata_is_cleaned() -> None:
    assert extract_html(_page("d48aeb9c")[0]).metadata.author == "Louise Matsakis"  # "Condé Nast; Louise Matsakis"
    assert extract_html(_page("7a457a4f")[0]).metadata.author == "Phil Helsel"  # "Phil Helsel is a reporter"
    assert extract_html(_page("11ea381a")[0]).metadata.author is None  # "Admin"
    assert extract_html(_page("5fbc7ccb")[0]).metadata.title == "Best tech gadgets of 2019"  # "… | ZDNet"
    assert extract_html(_page("9e8c9f08")[0]).metadata.date == "2019-11-18"  # /2019/nov/18/ in the URL, not 2019-10-13


def test_corpus_inline_boilerplate_is_left_out() -> None:
    assert "Hillicon Valley" not in extract_html(_page("6ebac05f")[0]).markdown  # a hover card mid-sentence
    express = extract_html(_page("624fcd90")[0]).markdown  # teaser links between paragraphs
    for teaser in ("SEE MORE", "DON'T MISS", "China furious at Macron"):
        assert teaser not in express


@pytest.mark.parametrize("reference", ["&#27;", "&#x1b;", "&#7;", "&#127;", "&#xD800;", "&#99999999;"])
@pytest.mark.parametrize("as_bytes", [False, True])
def test_character_references_to_control_characters_do_not_cut_the_page_short(reference: str, as_bytes: bool) -> None:
    """libxml2 gives up on the rest of the page after "&#27;": narrate drops such references first."""
    paragraphs = "".join(
        f"<p>The harbour ferries run all night now, said the port's spokesperson number {n} on Tuesday.</p>"
        for n in range(4)
    )
    page = (
        f"<html><head><title>Ferries</title></head><body><article><h1>Ferries</h1><p>Escape{reference} here.</p>"
        f"{paragraphs}<p>The last paragraph is still read after the reference.</p></article></body></html>"
    )
    extracted = extract_html(page.encode("utf-8") if as_bytes else page)
    assert "Escape here." in extracted.markdown
    assert "The last paragraph is still read after the reference." in extracted.markdown
