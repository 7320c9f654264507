"""narrate.text.metadata: title, authors, date, site, URL, language and image of a page, cleaned."""

from __future__ import annotations

import pytest

from narrate.text.html import extract_html
from narrate.text.metadata import PageMetadata, clean_author, clean_title
from tests.text.htmlpages import extract, page, story


def test_metadata_of_a_wordpress_page() -> None:
    result = extract("trinity.html", url="https://quaycourier.example/2024/03/05/night-ferries-return/")
    assert result.metadata == PageMetadata(
        title="Night ferries return to the harbour timetable",
        author="Mara Okafor",
        date="2024-03-05",
        site="The Quay Courier",
        url="https://quaycourier.example/2024/03/05/night-ferries-return/",
        language="en-GB",  # <html lang="en-GB">
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
        ("instaread.html", "language", "en-US"),  # <html lang="en-US">
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
    assert extract_html(html.replace(" lang='en'", "")).metadata.language == "pt-BR"


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
