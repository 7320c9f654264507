"""narrate.text.html: article body and metadata out of an HTML page, audio players pruned first."""

from __future__ import annotations

import gzip
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from narrate.errors import InputError
from narrate.text.html import extract_html
from tests.conftest import SHARED, require_file
from tests.text.htmlpages import DATA, extract, page, paragraphs
from tests.text.test_players import PLAYER_PAGES

CORPUS = SHARED / "corpus" / "scrapinghub-aeb"
NO_ARTICLE = "no article text found in the page"


# --- what trafilatura alone gets wrong -----------------------------------------------------------


@pytest.mark.parametrize("name", PLAYER_PAGES)
def test_title_is_not_the_first_line(name: str) -> None:
    result = extract(name)
    assert result.metadata.title
    assert result.metadata.title not in result.markdown
    assert not result.markdown.startswith("#")


def test_an_article_split_into_sibling_chunks_is_read_whole() -> None:
    blocks = paragraphs(extract("split-body.html").markdown)
    assert blocks[0].startswith("When the village choir lost half its members")
    assert blocks[-1].startswith("The choir now gives a winter concert")
    assert len(blocks) == 4
    assert "Advertisement" not in blocks


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
