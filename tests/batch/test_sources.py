"""narrate.batch.sources: what `narrate batch SOURCE` narrates (folders, manifests, feeds, single articles)."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from narrate.batch.sources import BatchItem, _iso_date, read_batch_source
from narrate.errors import ConfigError, InputError, NarrateError
from narrate.text.intake import IntakeLimits, read_source
from narrate.text.reader import article_from_document
from tests.localserver import Route, respond, serve

DATA = Path(__file__).resolve().parents[1] / "data" / "sources"
FOLDER = DATA / "folder"
MANIFESTS = DATA / "manifests"
FEEDS = DATA / "feeds"
PAGES = DATA / "pages"


def one_line_error(kind: type[NarrateError], source: str | Path, *fragments: str) -> str:
    with pytest.raises(kind) as info:
        read_batch_source(source)
    message = str(info.value)
    assert "\n" not in message
    assert str(source) in message
    for fragment in fragments:
        assert fragment in message
    return message


def by_title(items: list[BatchItem]) -> dict[str | None, BatchItem]:
    return {item.title: item for item in items}


def words_of(item: BatchItem) -> str:
    assert item.document is not None
    return " ".join(item.document.text.split())


# --- folders ----------------------------------------------------------------------------------


FOLDER_ARTICLES = [
    "01-harbour.txt",
    "2-notes.md",
    "10-late.md",
    "Lighthouse.HTML",
    "series/deep/ending.htm",
    "series/page.xhtml",
    "series/part-2.markdown",
    "series/part-10.txt",
]


def test_folder_lists_article_files_in_subfolders_too_in_natural_path_order() -> None:
    items = read_batch_source(FOLDER)
    assert [Path(item.key).relative_to(FOLDER).as_posix() for item in items] == FOLDER_ARTICLES
    for item in items:
        assert Path(item.key).is_absolute() and item.source == item.key
        assert item.document is None
        assert (item.title, item.author, item.date, item.voice) == (None, None, None, None)


def test_folder_skips_hidden_files_other_files_and_narrates_own_output() -> None:
    names = {Path(item.key).name for item in read_batch_source(FOLDER)}
    assert ".draft.txt" not in names  # hidden file
    assert "stale.md" not in names  # in a hidden folder
    assert not names & {"README", "todo.json", "cover.png", "style.css", "notes.csv"}
    assert "index.html" not in names  # narrate's show and episode pages in folder/narrated


def test_folder_keys_are_the_same_from_any_working_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    first = read_batch_source(FOLDER)
    monkeypatch.chdir(DATA)
    assert read_batch_source("folder") == first
    assert read_batch_source(Path("folder/./series/..")) == first


def test_folder_without_articles(tmp_path: Path) -> None:
    one_line_error(InputError, tmp_path, "holds no article files (.txt, .md, .html)")
    one_line_error(InputError, FOLDER / "empty-sub", "holds no article files")


def test_narrates_output_folder_is_not_a_folder_of_articles() -> None:
    one_line_error(InputError, FOLDER / "narrated", "narrate's output folder")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_folder_links_to_one_file_are_one_article_and_linked_folders_are_not_followed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The first article.\n", encoding="utf-8")
    try:
        (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
        (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    except OSError:
        pytest.skip("symbolic links cannot be made here")
    items = read_batch_source(tmp_path)
    assert [item.key for item in items] == [str((tmp_path / "a.txt").resolve())]


# --- single articles and bad sources -----------------------------------------------------------


def test_single_article_file_is_one_item(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FOLDER)
    assert read_batch_source("01-harbour.txt") == [
        BatchItem(key=str(FOLDER / "01-harbour.txt"), source=str(FOLDER / "01-harbour.txt"))
    ]


def test_file_of_another_kind_that_is_not_a_feed_is_one_article(tmp_path: Path) -> None:
    page = tmp_path / "article.php"
    page.write_text("<html><body><p>An article saved with an odd name.</p></body></html>", encoding="utf-8")
    assert read_batch_source(page) == [BatchItem(key=str(page), source=str(page))]


def test_missing_source(tmp_path: Path) -> None:
    one_line_error(InputError, tmp_path / "nowhere", "no such file or folder")


def test_standard_input_is_refused() -> None:
    one_line_error(InputError, "-", "standard input")


# --- manifests ---------------------------------------------------------------------------------


FERRY = str(MANIFESTS / "articles" / "ferry.txt")
ORCHARD = str(MANIFESTS / "articles" / "orchard.md")
SLOW = str(MANIFESTS / "voices" / "slow.toml")


def test_csv_manifest_with_bom_blank_lines_relative_paths_and_overrides() -> None:
    assert read_batch_source(MANIFESTS / "manifest.csv") == [
        BatchItem(
            key=FERRY, source=FERRY, title="Timetables, Revised", author="Ada Quill", date="2024-03-03", voice=SLOW
        ),
        BatchItem(
            key="https://example.org/essays/wind",
            source="https://example.org/essays/wind",
            date="2024-02-29",  # 22:15 on the 29th at -08:00, not the 1st of March in UTC
            voice="default",
        ),
        BatchItem(key=str(FOLDER / "01-harbour.txt"), source=str(FOLDER / "01-harbour.txt")),
        BatchItem(key=ORCHARD, source=ORCHARD, title="The Orchard", author="Ben Furrow", date="2024-03-01"),
    ]


def test_csv_manifest_with_a_source_column_and_semicolons() -> None:
    items = read_batch_source(MANIFESTS / "source.csv")
    assert [(item.key, item.title, item.date) for item in items] == [
        (ORCHARD, "Orchard", "2024-03-10"),
        ("https://example.org/essays/tide", "Tide", "2024-03-10"),
    ]


def test_jsonl_manifest() -> None:
    assert read_batch_source(MANIFESTS / "manifest.jsonl") == [
        BatchItem(key=FERRY, source=FERRY, title="Timetables", author="Ada Quill", date="2024-03-03", voice=SLOW),
        BatchItem(
            key="https://example.org/essays/wind",
            source="https://example.org/essays/wind",
            date="2024-02-29",
            voice="default",
        ),
        BatchItem(key=ORCHARD, source=ORCHARD),
        BatchItem(
            key="https://example.org/essays/tide", source="https://example.org/essays/tide", author="Cy Tern"
        ),
    ]


def test_manifest_keys_do_not_depend_on_the_working_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    first = read_batch_source(MANIFESTS / "manifest.csv")
    monkeypatch.chdir(MANIFESTS / "articles")
    assert read_batch_source("../manifest.csv") == first
    assert read_batch_source(MANIFESTS / "manifest.csv") == first


def test_manifest_unknown_column_names_it_and_the_known_ones() -> None:
    one_line_error(
        ConfigError,
        MANIFESTS / "bad-column.csv",
        "unknown column 'narrator'",
        "(known columns: path, url, source, title, author, date, voice, language)",
    )


def test_manifest_bad_json_line_names_the_line() -> None:
    one_line_error(ConfigError, MANIFESTS / "bad-line.jsonl", "line 3:", "not valid JSON")


def test_manifest_row_without_a_source_names_the_row() -> None:
    one_line_error(ConfigError, MANIFESTS / "missing-source.csv", "line 3:", "names no article")


@pytest.mark.parametrize(
    ("name", "lines"), [("duplicates.csv", "lines 2 and 4"), ("duplicates.jsonl", "lines 1 and 4")]
)
def test_manifest_duplicates_name_both_rows(name: str, lines: str) -> None:
    one_line_error(ConfigError, MANIFESTS / name, lines, "name the same article")


BAD_MANIFESTS = [
    ("both.csv", "path,url\narticles/ferry.txt,https://example.org/a\n", "line 2: gives a path and a url"),
    ("gone.csv", "path\narticles/ferry.txt\narticles/gone.txt\n", "line 3: no such file"),
    ("folder.csv", "path\narticles\n", "is a folder"),
    ("ftp.csv", "url\nftp://example.org/a.txt\n", "not an http:// or https:// URL"),
    ("url-as-path.csv", "path\nhttps://example.org/a\n", "is a URL (put it in the url column)"),
    ("date.csv", "path,date\narticles/ferry.txt,next Tuesday\n", "date 'next Tuesday' is not a date"),
    ("ambiguous.csv", "path,date\narticles/ferry.txt,05/03/2024\n", "write it as YYYY-MM-DD"),
    ("voice.csv", "path,voice\narticles/ferry.txt,voices/gone.toml\n", "voice preset file"),
    ("piper.csv", "path,voice\narticles/ferry.txt,piper:voices/gone.onnx\n", "line 2: piper model "),
    ("language.csv", "path,language\narticles/ferry.txt,Spanish!\n", "language 'Spanish!' is not a language tag"),
    ("header-only.csv", "path,title\n\n", "lists no articles"),
    ("empty.csv", "", "is empty"),
    ("fields.csv", "path,title\narticles/ferry.txt,A,B\n", "line 2: 3 fields, but the header names 2"),
    ("unnamed.csv", "path,\narticles/ferry.txt,extra\n", "line 2: 'extra' is in a column with no name"),
    ("twice.csv", "path,title,Title\narticles/ferry.txt,A,B\n", "column 'title' appears twice"),
    ("list.jsonl", '{"path": "articles/ferry.txt"}\n["articles/orchard.md"]\n', "line 2: expected a JSON object"),
    ("number.jsonl", '{"path": "articles/ferry.txt", "title": 7}\n', "'title' must be text, not a number"),
    ("key.jsonl", '\n{"path": "articles/ferry.txt", "speaker": "x"}\n', "line 2: unknown key 'speaker'"),
]


@pytest.mark.parametrize(("name", "text", "fragment"), BAD_MANIFESTS, ids=[case[0] for case in BAD_MANIFESTS])
def test_bad_manifests(tmp_path: Path, name: str, text: str, fragment: str) -> None:
    shutil.copytree(MANIFESTS / "articles", tmp_path / "articles")
    manifest = tmp_path / name
    manifest.write_text(text, encoding="utf-8")
    one_line_error(ConfigError, manifest, fragment)


def test_manifest_voices_as_engine_voice(tmp_path: Path) -> None:
    shutil.copytree(MANIFESTS / "articles", tmp_path / "articles")
    (tmp_path / "voices").mkdir()
    (tmp_path / "voices" / "mine.onnx").write_bytes(b"a model")
    rows = ["fenrir", "hibari:fenrir", "gtts:fr", "espeak:es", "piper:en_GB-alba-medium", "piper:voices/mine.onnx"]
    (tmp_path / "m.csv").write_text("path,voice\n" + "".join(f"articles/ferry.txt,{v}\n" for v in rows[:1]),
                                    encoding="utf-8")
    lines = "\n".join(json.dumps({"path": "articles/ferry.txt" if i == 0 else "articles/orchard.md", "voice": v})
                      for i, v in enumerate(rows[:2]))
    assert [i.voice for i in read_batch_source(tmp_path / "m.csv")] == ["fenrir"]
    (tmp_path / "m.jsonl").write_text(lines, encoding="utf-8")
    assert [i.voice for i in read_batch_source(tmp_path / "m.jsonl")] == ["fenrir", "hibari:fenrir"]
    for voice in rows[2:]:
        (tmp_path / "one.csv").write_text(f"path,voice\narticles/ferry.txt,{voice}\n", encoding="utf-8")
        (item,) = read_batch_source(tmp_path / "one.csv")
        expected = f"piper:{(tmp_path / 'voices' / 'mine.onnx').resolve()}" if voice.endswith(".onnx") else voice
        assert item.voice == expected


def test_manifest_with_an_empty_trailing_column_and_tabs(tmp_path: Path) -> None:
    shutil.copytree(MANIFESTS / "articles", tmp_path / "articles")
    (tmp_path / "trailing.csv").write_text("path,title,\narticles/ferry.txt,Ferry,\n", encoding="utf-8")
    (tmp_path / "tabs.csv").write_text("path\ttitle\narticles/ferry.txt\tFerry\n", encoding="utf-8")
    ferry = str(tmp_path / "articles" / "ferry.txt")
    for name in ("trailing.csv", "tabs.csv"):
        assert read_batch_source(tmp_path / name) == [BatchItem(key=ferry, source=ferry, title="Ferry")]


def test_manifest_that_is_not_utf8(tmp_path: Path) -> None:
    manifest = tmp_path / "latin1.csv"
    manifest.write_bytes("path,title\nferry.txt,Caf\u00e9\n".encode("latin-1"))
    one_line_error(ConfigError, manifest, "line 2: not UTF-8 text")


# --- feeds as files ----------------------------------------------------------------------------


def test_rss_feed_file() -> None:
    feed = str(FEEDS / "harbour.rss")
    items = read_batch_source(FEEDS / "harbour.rss")
    assert [item.key for item in items] == [
        f"{feed}#harbour-2024-001",
        f"{feed}#https://harbour.example/posts/gulls",
        f"{feed}#https://harbour.example/posts/slipway",  # no guid: the link
        f"{feed}#Notice: Office Closed",  # no guid, no link: the title
    ]  # the entry that repeats guid harbour-2024-001 is left out
    timetable, gulls, slipway, notice = items

    assert timetable.title == "The Timetable & the Tide"
    assert (timetable.author, timetable.date) == ("Ada Quill", "2024-03-01")
    assert timetable.source == "https://harbour.example/posts/timetable"
    assert timetable.document is not None
    assert timetable.document.format == "html"
    assert timetable.document.url == timetable.document.origin == "https://harbour.example/posts/timetable"
    assert "the crossings are planned around the hours when the water is deep enough" in words_of(timetable)
    assert "most people would miss the chalkboard" in words_of(timetable)
    assert "trackVisitor" not in words_of(timetable)  # feedparser's sanitizer drops scripts

    # a teaser: read from the link at narration time; "mail (Name)" gives the name
    assert gulls.document is None
    assert gulls.source == "https://harbour.example/posts/gulls"
    assert (gulls.author, gulls.date) == ("Ben Furrow", "2024-02-25")

    # the whole article in <description>; markup in the title is dropped; an e-mail alone is no author
    assert slipway.title == "Mending the Slipway"
    assert slipway.author is None and slipway.date is None
    assert "A crew of four arrived on Monday with a cement mixer" in words_of(slipway)

    # no link: the little text there is, as the document
    assert notice.document is not None and notice.document.url is None
    assert notice.source == notice.document.origin == notice.key
    assert "annual stocktake of life jackets" in words_of(notice)


def test_atom_feed_file() -> None:
    feed = str(FEEDS / "allotment.atom")
    items = by_title(read_batch_source(FEEDS / "allotment.atom"))
    assert list(items) == [
        "Sowing Broad Beans", "Compost, Turned", "Seed Swap on Sunday", "Rules of the Water Butts"
    ]
    beans, compost, swap, water = items.values()

    assert beans.key == f"{feed}#tag:allotment.example,2024:beans"
    assert beans.date == "2024-03-05"  # published as written (00:30 at +01:00), not updated, not UTC
    assert beans.author == "Cy Tern"
    assert "Pinch out the growing tips as soon as the first pods set" in words_of(beans)

    assert compost.author == "Dee Spade and Eli Rake"
    assert compost.date == "2024-03-08"  # only updated: 16:45 at -05:00
    assert "The compost bays were turned on Saturday" in words_of(compost)  # xhtml content

    assert swap.document is None and swap.source == "https://allotment.example/diary/swap"
    assert swap.author == "Allotment Society"  # the feed's author

    assert water.document is not None  # type="text" content becomes paragraphs
    assert "<p>Fill a can, use it, and come back for another;" in water.document.text
    assert 'lang="en"' in water.document.text


def test_feed_keys_are_stable(monkeypatch: pytest.MonkeyPatch) -> None:
    first = read_batch_source(FEEDS / "allotment.atom")
    monkeypatch.chdir(FEEDS)
    second = read_batch_source("allotment.atom")
    assert [item.key for item in second] == [item.key for item in first]
    assert second == first


@pytest.mark.parametrize("feed", ["harbour.rss", "allotment.atom"])
def test_feed_documents_read_as_articles(feed: str) -> None:
    for item in read_batch_source(FEEDS / feed):
        if item.document is None or item.document.url is None:
            continue
        article = article_from_document(item.document, title=item.title)
        spoken = " ".join(block.text for block in article.blocks)
        assert article.title == item.title
        assert article.source == item.document.url
        assert article.date == item.date
        assert len(spoken.split()) >= 100
        assert "<p>" not in spoken


def test_feed_found_by_its_content_whatever_its_name(tmp_path: Path) -> None:
    copy = tmp_path / "harbour"
    shutil.copy(FEEDS / "harbour.rss", copy)
    items = read_batch_source(copy)
    assert items[0].key == f"{copy}#harbour-2024-001"


def test_feed_entry_known_by_its_text_alone(tmp_path: Path) -> None:
    feed = tmp_path / "anonymous.rss"
    text = "A note with no title, guid or link, long enough to be narrated. " * 12
    feed.write_text(
        f'<rss version="2.0"><channel><title>T</title><item><description>{text}</description></item></channel></rss>',
        encoding="utf-8",
    )
    first, second = read_batch_source(feed), read_batch_source(feed)
    assert len(first) == 1 and first == second
    assert first[0].key.startswith(f"{feed}#sha256:")
    assert first[0].document is not None and first[0].title is None


def test_manifest_language_column(tmp_path: Path) -> None:
    shutil.copytree(MANIFESTS / "articles", tmp_path / "articles")
    manifest = tmp_path / "languages.csv"
    manifest.write_text("path,language\narticles/ferry.txt,es_mx\narticles/orchard.md,\n", encoding="utf-8")
    items = read_batch_source(manifest)
    assert [item.language for item in items] == ["es-MX", None]  # canonical; an empty cell: declared or detected


def test_feed_entry_language_is_the_entrys_own_else_the_feeds(tmp_path: Path) -> None:
    text = "Un texto bastante largo para narrarlo entero, con muchas palabras. " * 12
    feed = tmp_path / "mixed.atom"
    feed.write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="es"><title>T</title><id>urn:t</id>'
        f'<entry><id>urn:1</id><title>Uno</title><content type="text">{text}</content></entry>'
        f'<entry><id>urn:2</id><title>Deux</title><content type="text" xml:lang="fr">{text}</content></entry>'
        "</feed>",
        encoding="utf-8",
    )
    pages = {item.title: item.document for item in read_batch_source(feed)}
    assert pages["Uno"] is not None and '<html lang="es">' in pages["Uno"].text
    assert pages["Deux"] is not None and '<html lang="fr">' in pages["Deux"].text


def test_feed_file_over_the_size_cap() -> None:
    with pytest.raises(InputError, match="is larger than 0.001 MB"):
        read_batch_source(FEEDS / "harbour.rss", limits=IntakeLimits(max_bytes=1000))


def test_feed_without_entries() -> None:
    one_line_error(InputError, FEEDS / "empty.rss", "the feed has no entries")


def test_feed_whose_entries_have_nothing_to_read(tmp_path: Path) -> None:
    feed = tmp_path / "titles.rss"
    feed.write_text(
        '<rss version="2.0"><channel><title>T</title><item><title>Only a title</title></item></channel></rss>',
        encoding="utf-8",
    )
    one_line_error(InputError, feed, "no entry of the feed has a link or any text")


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    one_line_error(InputError, FEEDS / "sitemap.xml", "is not an RSS or Atom feed")
    broken = tmp_path / "broken.xml"
    broken.write_text("this is not XML at all", encoding="utf-8")
    one_line_error(InputError, broken, "is not an RSS or Atom feed")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2024-03-01", "2024-03-01"),
        ("2024-03-01T23:30:00-05:00", "2024-03-01"),
        ("Fri, 01 Mar 2024 23:30:00 -0500", "2024-03-01"),
        ("March 3, 2024", "2024-03-03"),
        ("3 March 2024", "2024-03-03"),
        ("2024/03/05", "2024-03-05"),
        ("25/03/2024", "2024-03-25"),
        ("05/03/2024", None),  # March or May
        ("March 2024", None),  # no day
        ("March 3", None),  # no year
        ("2024-13-01", None),
        ("soon", None),
        ("", None),
    ],
)
def test_dates_as_written(text: str, iso: str | None) -> None:
    assert _iso_date(text) == iso


# --- feeds and pages over HTTP -----------------------------------------------------------------


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    """A site on 127.0.0.1: the Rope Works feed (as RSS, and served as text/html), its linked pages,
    a sitemap, a PDF."""
    base: list[str] = []

    def feed(content_type: str) -> Route:
        def route(handler: BaseHTTPRequestHandler) -> None:
            body = (FEEDS / "served.rss").read_bytes().replace(b"BASE", base[0].encode())
            respond(handler, content_type, body)

        return route

    def file(path: Path, content_type: str) -> Route:
        return lambda handler: respond(handler, content_type, path.read_bytes())

    routes = {
        "/feed.rss": feed("application/rss+xml; charset=utf-8"),
        "/feed": feed("text/html; charset=utf-8"),
        "/posts/bowline": file(PAGES / "bowline.html", "text/html; charset=utf-8"),
        "/posts/eye-splice": file(PAGES / "eye-splice.html", "text/html; charset=utf-8"),
        "/sitemap.xml": file(FEEDS / "sitemap.xml", "application/xml"),
        "/paper.pdf": lambda handler: respond(handler, "application/pdf", b"%PDF-1.4\n%\xe2\xe3\n"),
    }
    with serve(routes) as url:
        base.append(url)
        yield url


def test_rss_feed_over_http(site: str) -> None:
    feed = f"{site}/feed.rss"
    items = read_batch_source(feed)
    assert [item.key for item in items] == [
        f"{feed}#ropeworks-rope",
        f"{feed}#ropeworks-bowline",
        f"{feed}#{site}/posts/eye-splice",
    ]
    rope, bowline, splice = items

    # the whole article in content:encoded; its relative link resolved against the feed's URL
    assert (rope.title, rope.author, rope.date) == ("Three-Strand Rope", "Fay Splice", "2024-03-04")
    assert rope.document is not None
    assert rope.source == rope.document.url == f"{site}/posts/rope"
    assert "Each twist opposes the one before it" in words_of(rope)

    # teasers: read from their pages, which the server has
    assert (bowline.title, bowline.author, bowline.date) == ("The Bowline", "Gil Hitch", "2024-03-05")
    assert bowline.document is None and bowline.source == f"{site}/posts/bowline"
    assert splice.document is None and splice.source == f"{site}/posts/eye-splice"
    assert (splice.author, splice.date) == (None, "2024-03-06")
    assert "The rabbit comes out of the hole" in read_source(bowline.source).text
    assert "Taper the ends" in read_source(splice.source).text

    assert read_batch_source(feed) == items  # the same keys (and all) on every read


def test_feed_served_as_html_is_still_a_feed(site: str) -> None:
    items = read_batch_source(f"{site}/feed")
    assert [item.title for item in items] == ["Three-Strand Rope", "The Bowline", "Splicing an Eye"]
    assert items[0].key == f"{site}/feed#ropeworks-rope"


def test_html_page_url_is_one_article(site: str) -> None:
    url = f"{site}/posts/bowline"
    assert read_batch_source(url) == [BatchItem(key=url, source=url)]


@pytest.mark.parametrize(
    ("path", "fragment"),
    [
        ("/sitemap.xml", "is not an RSS or Atom feed"),
        ("/paper.pdf", "is a PDF document (application/pdf), not an article or a feed"),
        ("/missing", "HTTP 404"),
    ],
)
def test_urls_that_are_neither_feeds_nor_articles(site: str, path: str, fragment: str) -> None:
    message = one_line_error(InputError, f"{site}{path}", fragment)
    assert message.startswith(f"{site}{path}: ")


@pytest.mark.parametrize("name, error", [("manifest.csv", ConfigError), ("feed.xml", InputError)])
def test_a_manifest_or_feed_that_never_ends_is_refused_at_the_size_cap(
    tmp_path: Path, name: str, error: type[NarrateError]
) -> None:
    """A device has no size on disk: the cap holds while reading (one reader for articles, manifests, feeds)."""
    endless = tmp_path / name
    endless.symlink_to("/dev/zero")
    with pytest.raises(error, match=r"is larger than 0\.001 MB$"):
        read_batch_source(endless, limits=IntakeLimits(max_bytes=1000))
