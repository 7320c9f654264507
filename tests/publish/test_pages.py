"""narrate.publish.pages: the episode page, the show page, the player snippet and the article copy, parsed with lxml."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from lxml import etree
from lxml import html as lxml_html

from narrate.config import ShowConfig
from narrate.pipeline import build
from narrate.publish.catalog import AudioInfo, ChunkInfo, EpisodeRecord, load_episode
from narrate.publish.feed import episode_url, feed_url
from narrate.publish.pages import (
    STATIC_FILES,
    episode_page,
    page_with_player,
    player_snippet,
    show_page,
    static_files,
    update_page_with_player,
    write_episode_pages,
    write_pages,
)
from narrate.publish.sanitise import script_policy
from narrate.text.players import PLAYER_XPATHS, find_stubs
from tests.conftest import ARTICLE_ONLY
from tests.text.htmlpages import VENDOR_TEXT, stub_neighbours, stub_pages

HTML_DATA = Path(__file__).parents[1] / "data" / "html"
SCRIPTS_PAGE = HTML_DATA / "page-scripts.html"
PAGE_SCRIPTS = "//script[not(ancestor::div[@class='narrate-player'])]"
"""The scripts of an article copy that are not narrate's player's."""
SHOW = ShowConfig(title="Harbour Listens", description="Local news, read aloud.", base_url="https://pods.example/show/")
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
STUBS = {
    # fixture: text of its player that must not survive in the copy
    "trinity.html": ["Getting your Trinity Audio player ready", "Trinity Audio"],
    "beyondwords.html": ["Powered by BeyondWords", "Listen to this article 4:12"],
    "instaread.html": ["Listen to audio version"],
    "amazon-polly.html": ["Voiced by Amazon Polly"],
    "elevenlabs.html": ["AudioNative Player", "Elevenlabs Text to Speech"],
}
VENDORS = ("trinitymedia", "trinityaudio", "beyondwords", "speechkit", "instaread", "elevenlabs", "polly")


# --- a record made by hand -------------------------------------------------------------------------


def sentence(text: str, start: float, end: float, spoken: str | None = None) -> dict[str, object]:
    return {"text": text, "spoken": text if spoken is None else spoken, "start": start, "end": end, "preset": "fake"}


def chunk(index: int, kind: str, block: int, sentences: list[dict[str, object]], first: bool = True) -> ChunkInfo:
    start = float(sentences[0]["start"])  # type: ignore[arg-type]
    end = float(sentences[-1]["end"])  # type: ignore[arg-type]
    text = " ".join(str(s["text"]) for s in sentences if s["text"])
    return ChunkInfo(index, kind, text, 0.5, start, end - start, sentences=sentences, block=block, first_in_block=first)


def make_record(**changes: object) -> EpisodeRecord:
    """Intro, two paragraphs (the second cut in two chunks, with an over-long sentence whose later
    parts have no written text), a heading, a paragraph, the outro and outro music."""
    chunks = [
        chunk(0, "intro", 0, [sentence("Ferries at night, by Mara Okafor.", 0.0, 1.2)]),
        chunk(1, "paragraph", 1, [sentence("The last boat leaves at midnight.", 1.7, 3.0),
                                  sentence("It is back from Friday.", 3.25, 4.1)]),
        chunk(2, "paragraph", 2, [sentence("A long sentence begins here, and goes on,", 4.6, 7.0)]),
        chunk(3, "paragraph", 2, [sentence("", 7.25, 9.5, spoken="and on and on,"),
                                  sentence("", 9.75, 11.0, spoken="and ends.")], first=False),
        chunk(4, "paragraph", 2, [sentence("Then a short one.", 11.25, 12.0)], first=False),
        chunk(5, "heading", 3, [sentence("What changes", 13.0, 13.4)]),
        chunk(6, "paragraph", 4, [sentence("Tickets stay the same price.", 13.9, 15.0)]),
        chunk(7, "outro", 5, [sentence("That was Ferries at night.", 15.5, 16.4),
                              sentence("You are listening to Harbour Listens.", 16.65, 17.5)]),
        ChunkInfo(8, "music", "outro-jingle.mp3", 0.5, 18.0, 2.0, block=-1),
    ]
    stem = "ferries-at-night-0123456789ab"
    record = EpisodeRecord(
        guid="guid-1",
        slug="ferries-at-night",
        title="Ferries at night",
        source="https://quay.example/news/ferries",
        source_sha256="0" * 64,
        published="2026-01-02T03:04:05+00:00",
        updated="2026-01-02T03:04:05+00:00",
        audio=AudioInfo(f"{stem}.mp3", 321_000, 20.0, 44100, 64, "0123456789ab" + "0" * 52),
        voice={"preset": "fake"},
        description="The last boat leaves at midnight.",
        author="Mara Okafor",
        date="2024-03-05",
        site="The Quay Courier",
        url="https://quay.example/news/ferries",
        language="en",
        chunks=chunks,
        chapters=[{"title": "Ferries at night", "start": 0.0, "end": 13.0},
                  {"title": "What changes", "start": 13.0, "end": 20.0}],
        files={"details": f"{stem}.details.json", "vtt": f"{stem}.vtt", "srt": f"{stem}.srt",
               "transcript_json": f"{stem}.transcript.json", "chapters_json": f"{stem}.chapters.json"},
    )
    return replace(record, **changes)  # type: ignore[arg-type]


Timed = list[tuple[str, float, float]]


def expected_sentences(record: EpisodeRecord, kinds: tuple[str, ...] = ("paragraph", "heading")) -> Timed:
    """The written sentences of the record, as the page should show them: a sentence part without
    written text belongs to the sentence before it."""
    out: list[list[object]] = []
    for c in record.chunks:
        if c.kind not in kinds:
            continue
        for s in c.sentences:
            if s["text"]:
                out.append([s["text"], s["start"], s["end"]])
            else:
                out[-1][2] = s["end"]
    return [(str(t), float(a), float(b)) for t, a, b in out]  # type: ignore[arg-type]


def parse(text: str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(text)


def spans(element: lxml_html.HtmlElement) -> Timed:
    return [(s.text_content(), float(s.get("data-start")), float(s.get("data-end")))
            for s in element.xpath(".//*[@data-start and @data-end and contains(@class, 's')]")]


def text_of(element: lxml_html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


# --- the episode page ------------------------------------------------------------------------------


def test_compile_templates_compiles_every_page_template() -> None:
    """A build compiles the templates while the first sentences are spoken; the renders then reuse them."""
    import narrate.publish.pages as pages

    pages._env.cache_clear()  # a fresh environment: nothing compiled yet
    env = pages._env()
    assert not env.cache
    pages.compile_templates()
    compiled = {key[1] for key in env.cache.keys()}
    assert compiled == set(env.list_templates())
    assert compiled >= {"base.html", "episode.html", "player.html", "show.html", "snippet.html"}
    template = env.get_template("episode.html")
    pages.compile_templates()
    assert env.get_template("episode.html") is template  # kept, not made again


def test_episode_page_structure_and_landmarks() -> None:
    record = make_record()
    doc = parse(episode_page(record, SHOW))
    assert doc.get("lang") == "en"
    assert doc.xpath("//meta[@name='viewport']")
    assert [text_of(h) for h in doc.xpath("//h1")] == ["Ferries at night"]
    assert len(doc.xpath("//main")) == 1 and doc.xpath("/html/body/header") and doc.xpath("/html/body/footer")
    skip = doc.xpath("//body/a[1]")[0]
    assert "skip" in skip.get("class") and doc.xpath(f"//*[@id='{skip.get('href')[1:]}']")
    meta = text_of(doc.xpath("//*[contains(@class, 'episode__meta')]")[0])
    assert "By Mara Okafor" in meta and "5 March 2024" in meta and "0:20" in meta
    assert "The Quay Courier" in text_of(doc.xpath("//header[contains(@class, 'episode__head')]")[0])
    original = doc.xpath("//a[@href='https://quay.example/news/ferries']")
    assert original and "Read the original" in text_of(original[0])
    # the show's feed for subscribing, and the way back to the show
    assert doc.xpath(f"//link[@rel='alternate' and @type='application/rss+xml' and @href='{feed_url(SHOW)}']")
    assert doc.xpath("//a[@href='../../']")


def test_player_sits_above_the_text_with_relative_urls() -> None:
    record = make_record()
    doc = parse(episode_page(record, SHOW))
    [audio] = doc.xpath("//audio")
    assert audio.get("controls") is not None and audio.get("preload") == "metadata"
    assert audio.get("src") == record.audio.file  # relative: the folder works wherever it is hosted
    assert audio.get("aria-label")
    [track] = audio.xpath("track")
    assert track.get("kind") == "captions" and track.get("src") == record.files["vtt"]
    assert track.get("default") is not None
    assert audio.xpath(".//a[@href]")  # a browser without <audio> offers the file (lxml nests it in <track>)
    first_sentence = doc.xpath("//*[@id='text']//*[@data-start]")[0]
    order = list(doc.iter())
    assert order.index(audio) < order.index(first_sentence)
    assert order.index(doc.xpath("//h1")[0]) < order.index(audio)
    for element in doc.xpath("//*[@src] | //a[@href] | //link[@href]"):
        url = element.get("src") or element.get("href")
        if url in (feed_url(SHOW), record.url) or url.startswith("data:"):
            continue
        assert not urlsplit(url).scheme and not url.startswith("/"), url


def test_downloads_and_chapters() -> None:
    record = make_record()
    doc = parse(episode_page(record, SHOW))
    hrefs = {a.get("href") for a in doc.xpath("//*[contains(@class, 'downloads')]//a")}
    assert {record.audio.file, record.files["vtt"], record.files["srt"], record.files["transcript_json"]} <= hrefs
    assert doc.xpath(f"//a[@href='{record.audio.file}' and @download]")
    [nav] = doc.xpath("//nav[contains(@class, 'chapters')]")
    assert nav.get("aria-labelledby") and doc.xpath(f"//*[@id='{nav.get('aria-labelledby')}']")
    links = nav.xpath(".//a")
    assert [text_of(a).split(" ", 1)[1] for a in links] == ["Ferries at night", "What changes"]
    # without JavaScript a chapter opens the MP3 at its time (media fragment); player.js seeks instead
    assert [a.get("href") for a in links] == [f"{record.audio.file}#t=0", f"{record.audio.file}#t=13"]
    assert [float(a.get("data-start")) for a in links] == [0.0, 13.0]


def test_every_sentence_is_a_span_with_its_times() -> None:
    record = make_record()
    doc = parse(episode_page(record, SHOW))
    [text] = doc.xpath("//*[@id='text']")
    assert spans(text) == expected_sentences(record)
    ids = [s.get("id") for s in doc.xpath("//*[@data-start and contains(@class, ' s') or @class='s']")]
    assert len(ids) == len(set(ids))


def test_paragraphs_sections_and_what_is_not_text() -> None:
    record = make_record()
    doc = parse(episode_page(record, SHOW))
    [text] = doc.xpath("//*[@id='text']")
    paragraphs = [text_of(p) for p in text.xpath(".//p[not(@class='text__hint')]")]
    # the paragraph cut into three chunks is one paragraph; its over-long sentence is one span
    assert paragraphs == [
        "The last boat leaves at midnight. It is back from Friday.",
        "A long sentence begins here, and goes on, Then a short one.",
        "Tickets stay the same price.",
    ]
    [heading] = text.xpath(".//section/h2")
    assert text_of(heading) == "What changes"
    assert heading.getparent().get("aria-labelledby") == heading.get("id")
    page = text_of(doc)
    assert "That was Ferries at night" not in page and "outro-jingle" not in page  # outro and music
    assert "and on and on" not in page  # spoken parts of a sentence are not written text
    [intro] = doc.xpath("//*[@class='episode__intro']")
    assert spans(intro) == expected_sentences(record, ("intro",))
    assert not text.xpath(".//*[contains(text(), 'by Mara Okafor.')]")


def test_no_inline_script_or_style_and_a_strict_policy() -> None:
    doc = parse(episode_page(make_record(), SHOW))
    [csp] = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";") if d.strip())
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert "unsafe" not in csp and directives["default-src"] == "'none'" and directives["base-uri"] == "'none'"
    assert [s.get("src") for s in doc.xpath("//script")] == ["../../static/player.js"]
    assert all(not (s.text or "").strip() for s in doc.xpath("//script"))
    assert not doc.xpath("//@style | //style")
    assert not [a for el in doc.iter() if isinstance(el.tag, str) for a in el.attrib if a.lower().startswith("on")]
    assert doc.xpath("//link[@rel='stylesheet' and @href='../../static/narrate.css']")


def test_everything_from_the_article_is_escaped() -> None:
    evil = f"{SCRIPT} and {IMG}"
    record = make_record(
        title=f"Title {evil}",
        author=f"Eve {evil}",
        site=f"Site {evil}",
        url='https://evil.example/a?x="><script>alert(1)</script>',
        description=f"About {evil}",
    )
    record.chunks[1].sentences[0]["text"] = f"Text {evil}."
    record.chunks[5].sentences[0]["text"] = f"Heading {evil}"
    record.chapters[1]["title"] = f"Chapter {evil}"
    page = episode_page(record, SHOW)
    doc = parse(page)
    assert [s.get("src") for s in doc.xpath("//script")] == ["../../static/player.js"]
    assert not doc.xpath("//img") and not doc.xpath("//@onerror")
    assert text_of(doc.xpath("//h1")[0]) == f"Title {evil}"
    for shown in (f"Eve {evil}", f"Site {evil}", f"Text {evil}.", f"Heading {evil}", f"Chapter {evil}"):
        assert shown in text_of(doc), shown
    assert doc.xpath("//title")[0].text.startswith(f"Title {evil}")
    # the URL is one attribute value, quotes and all
    assert doc.xpath("//a[starts-with(@href, 'https://evil.example/')]/@href") == [record.url]
    assert SCRIPT not in page and IMG not in page


def test_only_http_links_are_taken_from_the_article() -> None:
    record = make_record(url="javascript:alert(1)", source="/home/me/article.html")
    page = episode_page(record, SHOW)
    assert "javascript:" not in page
    assert "Read the original" not in page


def test_episode_without_details_shows_its_description() -> None:
    record = make_record(chunks=[])
    doc = parse(episode_page(record, SHOW))
    assert doc.xpath("//audio[@src]")
    assert "The last boat leaves at midnight." in text_of(doc.xpath("//*[@id='text']")[0])


def test_pages_of_a_built_episode_follow_its_sidecar(tmp_path: Path, fake_preset: Path) -> None:
    """A real build (fake engine, tiny chunks): over-long sentences and long paragraphs cut into chunks."""
    article = tmp_path / "long.md"
    stops = ", and then ".join(f"stopped at pier {n} in the rain" for n in range(20))
    long = f"The ferry, which {stops}, arrived."
    article.write_text(
        "# A long day on the water\n\nShort opening. " + long + " It was late.\n\n## Arrivals\n\n"
        + " ".join(f"Filler sentence number {n} is here." for n in range(12)) + "\n",
        encoding="utf-8",
    )
    fake_preset.write_text(fake_preset.read_text(encoding="utf-8") + "max_chars = 150\n", encoding="utf-8")
    out = tmp_path / "out"
    report = build([article], out_dir=out, voice=str(fake_preset), config=ARTICLE_ONLY, use_cache=False)
    record = load_episode(out, report.results[0].record.slug)
    assert any(not s["text"] for c in record.chunks for s in c.sentences)  # the case under test happened
    assert any(not c.first_in_block for c in record.chunks)
    doc = parse(episode_page(record, SHOW))
    found = spans(doc.xpath("//*[@id='text']")[0])
    assert found == expected_sentences(record)
    assert any(text.startswith("The ferry, which") and text.endswith("arrived.") for text, _, _ in found)
    assert not doc.xpath("//*[@class='episode__intro']")  # no spoken intro in this config


# --- the player snippet ----------------------------------------------------------------------------


def test_player_snippet_is_self_contained() -> None:
    record = make_record(title=f"Title {SCRIPT}")
    snippet = player_snippet(record, SHOW)
    root = lxml_html.fragment_fromstring(snippet)  # raises unless it is one element
    assert root.tag == "div" and root.get("style")
    assert not root.xpath(".//style | .//link | .//iframe | .//img")
    # one script, narrate's own, from the show's base_url, with no inline code
    assert [(s.get("src"), s.text) for s in root.xpath(".//script")] == [(f"{SHOW.base_url}static/embed.js", None)]
    assert not [a for el in root.iter() for a in el.attrib if a.lower().startswith("on")]
    urls = root.xpath(".//@href | .//@src")
    assert urls and all(u.startswith(SHOW.base_url) for u in urls)
    [audio] = root.xpath(".//audio")
    assert audio.get("src") == episode_url(SHOW, record) and audio.get("controls") is not None
    assert audio.get("crossorigin") == "anonymous"  # its track loads from another origin only so
    [track] = audio.xpath("track")
    vtt = f"{SHOW.base_url}episodes/ferries-at-night/{record.files['vtt']}"
    assert track.attrib == {"kind": "captions", "src": vtt, "srclang": "en", "label": "Transcript", "default": ""}
    assert root.xpath(f".//a[@href='{episode_url(SHOW, record)}' and @download]")
    assert [(a.get("href"), a.get("data-start")) for a in root.xpath(".//details//a")] == [
        (f"{episode_url(SHOW, record)}#t=0", "0"), (f"{episode_url(SHOW, record)}#t=13", "13")]
    assert SCRIPT not in snippet and f"Title {SCRIPT}" in audio.get("aria-label")
    assert not root.xpath(".//*[contains(@class, 'narrate-player__now')]")  # read-along is off by default


def test_player_snippet_read_along_is_a_setting() -> None:
    record = make_record()
    root = lxml_html.fragment_fromstring(player_snippet(record, replace(SHOW, embed_read_along=True)))
    [line] = root.xpath(".//p[@class='narrate-player__now']")
    assert line.getprevious().tag == "audio" and not (line.text or "").strip()  # embed.js fills it in
    no_vtt = replace(record, files={k: v for k, v in record.files.items() if k != "vtt"})
    root = lxml_html.fragment_fromstring(player_snippet(no_vtt, replace(SHOW, embed_read_along=True)))
    assert not root.xpath(".//track | .//p[@class='narrate-player__now']")  # nothing to read along with


def test_every_standalone_page_names_its_icon() -> None:
    """An empty icon (data:,): browsers then ask for no /favicon.ico, which would be a 404 in their console."""
    from narrate.publish.pages import player_page

    record = make_record()
    for page in (episode_page(record, SHOW), show_page(SHOW, [record]), player_page(record, SHOW)):
        assert parse(page).xpath("//head/link[@rel='icon']/@href") == ["data:,"]
    # the article copy: the page's own icon stays (from the original site, through <base>), else an empty one
    plain = "<html><head><title>T</title></head><body><article><p>Text of the article.</p></article></body></html>"
    assert parse(page_with_player(plain, record, SHOW) or "").xpath("//head/link[@rel='icon']/@href") == [
        "data:image/x-icon;,"]
    own = plain.replace("</title>", "</title><link rel='shortcut icon' href='/favicon.png'>")
    assert parse(page_with_player(own, record, SHOW) or "").xpath("//head/link[contains(@rel, 'icon')]/@href") == [
        "/favicon.png"]


def test_player_page_allows_only_the_snippets_script() -> None:
    from narrate.publish.pages import player_page

    for base, origin in (("https://pods.example/show/", "https://pods.example"),
                         ("http://127.0.0.1:8123/", "http://127.0.0.1:8123"),
                         ("http://[::1]:8000/x/", "http://[::1]:8000"),
                         ("https://bücher.example/", "https://xn--bcher-kva.example")):
        doc = parse(player_page(make_record(), replace(SHOW, base_url=base)))
        [csp] = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
        directives = dict(d.strip().split(" ", 1) for d in csp.split(";") if d.strip())
        assert directives["script-src"] == origin
        assert doc.xpath("//script/@src") == [f"{base}static/embed.js"]
        assert doc.xpath("//link[@rel='icon']/@href") == ["data:,"]  # no request for /favicon.ico


# --- the article's own page with narrate's player --------------------------------------------------


def _players(doc: lxml_html.HtmlElement) -> list[etree._Element]:
    return doc.xpath(" | ".join(x for _, x in PLAYER_XPATHS))


@pytest.mark.parametrize("name", sorted(p.name for p in HTML_DATA.glob("*.html")))
def test_page_with_player_on_every_fixture(name: str) -> None:
    original = (HTML_DATA / name).read_text(encoding="utf-8")
    record = make_record()
    page = page_with_player(original, record, SHOW)
    source = parse(original)
    if name in ("login.html", "nav-only.html"):
        assert page is None  # no player and no article body to put one in
        return
    assert page is not None
    doc = parse(page)
    [snippet] = doc.xpath("//div[contains(@class, 'narrate-player')]")
    assert snippet.xpath(".//audio/@src") == [episode_url(SHOW, record)]
    assert not [el for el in _players(doc) if el.tag not in ("html", "body", "article", "main")]
    for stub in STUBS.get(name, []):
        assert stub not in text_of(doc), stub
    scripts = " ".join(etree.tostring(s, encoding="unicode") for s in doc.xpath("//script | //link | //iframe"))
    assert not any(vendor in scripts.lower() for vendor in VENDORS)
    # the article's own text is all still there, after the player
    for paragraph in source.xpath("//article//p[not(@class)]"):
        assert text_of(paragraph) in text_of(doc)
    first = doc.xpath("//article//p[not(@class)]")[0]
    order = list(doc.iter())
    assert order.index(snippet) < order.index(first)
    if name in STUBS:  # in the old player's place: same parent as the old container
        [container] = [el for el in _players(source) if el.tag not in ("html", "body")][:1]
        assert snippet.getparent().tag == container.getparent().tag
        assert snippet.getparent().get("class") == container.getparent().get("class")
    # one charset, UTF-8, and a base for the page's own relative links
    assert doc.xpath("//meta[@charset]/@charset") == ["utf-8"]
    assert doc.xpath("//head/base/@href") == [record.url]
    assert page.lstrip().lower().startswith("<!doctype html>")


@pytest.mark.parametrize("name", ["beyondwords.html", "trinity.html", "split-body.html"])
def test_update_page_with_player_follows_a_new_base_url(name: str) -> None:
    """The original page is not kept: after base_url changed, article.html's snippet is replaced and
    its links to itself point at the copy's new address; nothing of the old URL stays."""
    original = (HTML_DATA / name).read_text(encoding="utf-8").replace(
        "</body>", '<p><a href="#comments">Comments</a></p></body>'
    )
    record = make_record()
    page = page_with_player(original, record, SHOW)
    assert page is not None and SHOW.base_url in page
    moved = replace(SHOW, base_url="https://new.example.org/podcast/")
    updated = update_page_with_player(page, record, moved)
    assert updated is not None and SHOW.base_url not in updated
    doc = parse(updated)
    [snippet] = doc.xpath("//div[contains(@class, 'narrate-player')]")
    assert snippet.xpath(".//audio/@src") == [episode_url(moved, record)]
    here = f"https://new.example.org/podcast/episodes/{record.slug}/article.html"
    assert here + "#comments" in doc.xpath("//a/@href")
    assert text_of(parse(page)).replace(SHOW.title, "") == text_of(doc).replace(moved.title, "")
    assert update_page_with_player(updated, record, moved) == updated  # again: the same
    assert update_page_with_player("<p>no player here</p>", record, moved) is None


@pytest.mark.parametrize("keep", [False, True], ids=["default", "keep-scripts"])
@pytest.mark.parametrize("fixture", stub_pages(), ids=lambda p: p.name)
def test_every_stub_form_gives_way_to_the_player_where_it_was(fixture: Path, keep: bool) -> None:
    """The stub's text, script, placeholder and wrapper go; the player sits between the stub's own
    neighbours, in the stub's parent."""
    original = fixture.read_text(encoding="utf-8")
    page = page_with_player(original, make_record(), SHOW, keep_scripts=keep)
    assert page is not None
    doc = parse(page)
    [snippet] = doc.xpath("//div[contains(@class, 'narrate-player')]")
    before, after, parent = stub_neighbours(original)
    previous = next((el for el in snippet.itersiblings(preceding=True) if isinstance(el.tag, str)), None)
    following = next((el for el in snippet.itersiblings() if isinstance(el.tag, str)), None)
    assert (text_of(previous) if previous is not None else None) == before
    assert (text_of(following) if following is not None else None) == after
    assert snippet.getparent().get("class") == parent
    shown = text_of(doc).replace(text_of(snippet), "")
    for words in VENDOR_TEXT:
        assert words not in shown, words
    etree.strip_tags(doc, etree.Comment)  # (the fixtures' comments name the vendors)
    markup = lxml_html.tostring(doc, encoding="unicode").lower()
    for vendor in VENDORS:
        assert vendor not in markup, vendor
    assert not find_stubs(doc)
    assert not doc.xpath("//instaread-player | //amp-iframe | //*[@data-beyondwords-player] | //table")
    for paragraph in parse(original).xpath("//article//p"):
        if not any(words in text_of(paragraph) for words in VENDOR_TEXT):
            assert text_of(paragraph) in text_of(doc)


def test_a_stub_inside_a_paragraph_of_text_gets_the_player_after_that_paragraph() -> None:
    original = (
        "<html><body><article><p>The first paragraph of the article, long enough to be one.</p>"
        "<p>Listen below. <script async src='https://proxy.beyondwords.io/npm/@beyondwords/player@latest/dist/umd.js'"
        " onload='new BeyondWords.Player({target: this})'></script></p>"
        "<p>The last paragraph.</p></article></body></html>"
    )
    doc = parse(page_with_player(original, make_record(), SHOW) or "")
    assert [el.tag for el in doc.xpath("//article/*")] == ["p", "p", "div", "p"]
    assert text_of(doc.xpath("//article/p")[1]) == "Listen below."


def test_a_vendor_named_in_the_text_is_not_a_stub() -> None:
    original = (
        "<html><body><article><p>The first paragraph of the article, long enough to be one.</p>"
        "<p>The paper tried <strong>Trinity Audio</strong> for a year.</p><h2>ElevenLabs and others</h2>"
        "<p>The last paragraph.</p></article></body></html>"
    )
    doc = parse(page_with_player(original, make_record(), SHOW) or "")
    assert "The paper tried Trinity Audio for a year." in text_of(doc) and doc.xpath("//h2")
    assert doc.xpath("//article/*[1]/@class") == ["narrate-player"]  # at the top, as for a page without a player


def test_the_article_copy_runs_nothing_of_the_page_by_default() -> None:
    """No script, no event handler, no javascript: URL, no srcdoc, object or embed, no refresh, and a
    policy that lets nothing of the page run; the page's styles, images and text stay."""
    original = SCRIPTS_PAGE.read_text(encoding="utf-8")
    source = parse(original)
    doc = parse(page_with_player(original, make_record(), SHOW) or "")
    [snippet] = doc.xpath("//div[@class='narrate-player']")
    assert not doc.xpath(f"{PAGE_SCRIPTS} | //object | //embed | //applet | //@srcdoc | //meta[@http-equiv='refresh']")
    assert not [a for el in doc.iter() if isinstance(el.tag, str) for a in el.attrib if a.lower().startswith("on")]
    urls = doc.xpath("//@href | //@src | //@action | //@formaction | //@data | //@srcset")
    assert not [u for u in urls if urlsplit(u.strip()).scheme.lower() not in ("", "http", "https", "data")]
    assert not [u for u in urls if u.strip().lower().startswith("data:") and not u.strip().startswith("data:image/")]
    # the page's own policy (for its own site) is not kept; narrate's lets only the player's scripts run
    assert doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content") == [script_policy(snippet)]
    assert [s.text for s in doc.xpath("//style")] == [s.text for s in source.xpath("//style")]
    assert [v for v in doc.xpath("//@style") if v not in snippet.xpath(".//@style")] == source.xpath("//@style")
    assert doc.xpath("//img[@id='broken']/@src") == source.xpath("//img[@id='broken']/@src")
    assert doc.xpath("//img[@id='lazy']/@src") == ["https://borough-bulletin.example/media/ring-road.jpg"]
    assert doc.xpath("//iframe[@id='srcdoc-frame']") and doc.xpath("//details[@open]") and doc.xpath("//svg/rect")
    for paragraph in source.xpath("//article//p[not(@class)]"):
        assert text_of(paragraph) in text_of(doc)


def test_the_article_copy_keeps_the_pages_scripts_when_asked() -> None:
    original = SCRIPTS_PAGE.read_text(encoding="utf-8")
    doc = parse(page_with_player(original, make_record(), SHOW, keep_scripts=True) or "")
    assert len(doc.xpath(PAGE_SCRIPTS)) == 3
    assert doc.xpath("//img[@id='broken']/@onerror") and doc.xpath("//body/@onload") and doc.xpath("//@srcdoc")
    assert doc.xpath("//meta/@http-equiv") == ["refresh"]  # neither the page's policy nor narrate's


def test_update_page_with_player_keeps_the_policy_in_step() -> None:
    record = make_record()
    page = page_with_player((HTML_DATA / "trinity.html").read_text(encoding="utf-8"), record, SHOW) or ""
    stale = page.replace("script-src ", "script-src 'self' ")
    updated = parse(update_page_with_player(stale, record, SHOW) or "")
    [snippet] = updated.xpath("//div[@class='narrate-player']")
    assert updated.xpath("//meta[@http-equiv='Content-Security-Policy']/@content") == [script_policy(snippet)]
    assert "'self'" not in script_policy(snippet)


@pytest.mark.parametrize("keep", [False, True], ids=["default", "keep-scripts"])
def test_page_with_player_replaces_the_first_player_and_removes_the_others(keep: bool) -> None:
    original = (
        "<!DOCTYPE html><html><head><meta charset='windows-1252'>"
        "<meta http-equiv='Content-Security-Policy' content=\"media-src 'self'\">"
        "<script src='https://trinitymedia.ai/player/trinity/1/'></script>"
        "<script>window.TRINITY_TTS_WP_CONFIG = {id: 1}</script><script>console.log('own')</script>"
        "<link rel='stylesheet' href='/wp-content/plugins/amazon-polly/public/css/amazonpolly-public.css'>"
        "</head><body><a href='#comments'>Comments</a><article><h1>T</h1>"
        "<div class='trinityAudioPlaceholder'>"
        "<div class='trinity-tts-pb'>Getting your Trinity Audio player ready...</div></div>"
        "<p>First paragraph of the article, long enough to be one.</p>"
        "<div id='elevenlabs-audionative-widget'>Loading the Elevenlabs Text to Speech AudioNative Player...</div>"
        "<p>Second paragraph.</p></article></body></html>"
    )
    record = make_record(url="https://quay.example/news/ferries")
    doc = parse(page_with_player(original, record, SHOW, keep_scripts=keep) or "")
    assert len(doc.xpath("//div[contains(@class, 'narrate-player')]")) == 1
    assert "Getting your" not in text_of(doc) and "AudioNative" not in text_of(doc)
    # the page's own script stays only when asked (the player's own, if it has one, is not the page's)
    assert [s.text for s in doc.xpath(PAGE_SCRIPTS)] == (["console.log('own')"] if keep else [])
    assert not doc.xpath("//link[contains(@href, 'polly')]")
    policy = [] if keep else ["Content-Security-Policy"]  # the page's policy goes; narrate's own comes without scripts
    assert doc.xpath("//meta/@http-equiv") == policy and doc.xpath("//meta/@charset") == ["utf-8"]
    here = f"{SHOW.base_url}episodes/ferries-at-night/article.html"
    assert doc.xpath("//a[text()='Comments']/@href") == [f"{here}#comments"]


def test_page_with_player_without_a_known_url_has_no_base() -> None:
    original = (HTML_DATA / "trinity.html").read_text(encoding="utf-8")
    record = make_record(url=None, source="/articles/trinity.html")
    doc = parse(page_with_player(original, record, SHOW) or "")
    assert not doc.xpath("//base")
    assert doc.xpath("//div[contains(@class, 'narrate-player')]")


def test_page_with_player_escapes_the_record() -> None:
    original = (HTML_DATA / "trinity.html").read_text(encoding="utf-8")
    record = make_record(title=f"T {SCRIPT} {IMG}")
    page = page_with_player(original, record, SHOW) or ""
    doc = parse(page)
    assert not doc.xpath("//img[@src='x'] | //@onerror")
    assert not [s for s in doc.xpath("//script") if "alert" in (s.text or "")]


# --- the show page ---------------------------------------------------------------------------------


def test_show_page_lists_episodes_newest_first() -> None:
    older = make_record(slug="older", title="Older one", date=None, published="2025-01-01T00:00:00+00:00")
    newer = make_record(slug="newer", title=f"Newer {SCRIPT}", date="2026-04-28", published="2026-05-01T00:00:00+00:00")
    show = replace(SHOW, image="cover.png")
    doc = parse(show_page(show, [older, newer]))
    assert [text_of(h) for h in doc.xpath("//li//article//h3")] == [f"Newer {SCRIPT}", "Older one"]
    assert doc.xpath("//li//h3/a/@href") == ["episodes/newer/", "episodes/older/"]
    assert doc.xpath("//li//audio/@src") == [f"episodes/newer/{newer.audio.file}", f"episodes/older/{older.audio.file}"]
    assert all(a.get("preload") == "none" for a in doc.xpath("//audio"))
    cards = [text_of(li) for li in doc.xpath("//li[contains(@class, 'episode-card')]")]
    # the article's date, as on the episode page (not the build's); the build's when it states none
    assert "28 April 2026" in cards[0] and "1 May 2026" not in cards[0] and "0:20" in cards[0]
    assert "1 January 2025" in cards[1]
    assert doc.xpath("//li//time/@datetime")[::2] == ["2026-04-28", "2025-01-01"]
    [subscribe] = doc.xpath("//a[@id='subscribe']")
    assert subscribe.get("href") == feed_url(show) == "https://pods.example/show/feed.xml"
    assert doc.xpath("//a[@href='podcast://pods.example/show/feed.xml']")
    assert doc.xpath("//img[@src='cover.png']/@alt")
    assert text_of(doc.xpath("//h1")[0]) == "Harbour Listens"
    assert not doc.xpath("//script[not(@src)] | //@style")


def test_show_page_cover_from_a_url_and_none_at_all() -> None:
    doc = parse(show_page(replace(SHOW, image="https://cdn.example/c.jpg"), []))
    assert doc.xpath("//img/@src") == ["https://cdn.example/c.jpg"]
    assert "No episodes yet" in text_of(doc)
    assert not parse(show_page(SHOW, [])).xpath("//img")


# --- writing -------------------------------------------------------------------------------------


def test_write_pages_and_episode_pages(tmp_path: Path) -> None:
    record = make_record()
    (tmp_path / "cover.png").write_bytes(b"\x89PNG")
    written = write_pages(tmp_path, SHOW, [record])
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == sorted(
        ["index.html"] + [f"static/{name}" for name in STATIC_FILES])
    for name, data in static_files().items():
        assert (tmp_path / "static" / name).read_bytes() == data
    assert parse((tmp_path / "index.html").read_text(encoding="utf-8")).xpath("//img[@src='cover.png']")

    paths = write_episode_pages(tmp_path, record, SHOW)
    folder = tmp_path / "episodes" / "ferries-at-night"
    assert paths == [folder / "index.html", folder / "player.html"]
    player = (folder / "player.html").read_text(encoding="utf-8")
    assert player_snippet(record, SHOW) in player
    assert parse(player).xpath("//script/@src") == [f"{SHOW.base_url}static/embed.js"]
    before = (folder / "index.html").stat().st_mtime_ns
    original = (HTML_DATA / "trinity.html").read_text(encoding="utf-8")
    paths = write_episode_pages(tmp_path, record, SHOW, original)
    assert paths[-1] == folder / "article.html" and (folder / "article.html").is_file()
    assert (folder / "index.html").stat().st_mtime_ns == before  # unchanged pages are not rewritten
    assert not list(folder.glob(".narrate-tmp-*"))


def test_templates_and_static_files_ship_in_the_package() -> None:
    import importlib.resources

    root = importlib.resources.files("narrate.publish")
    for name in ("base.html", "episode.html", "show.html", "snippet.html", "player.html"):
        assert (root / "templates" / name).is_file()
    for name in STATIC_FILES:
        assert (root / "static" / name).is_file()


def test_relative_links_are_percent_encoded() -> None:
    record = make_record(audio=replace(make_record().audio, file="odd name#1.mp3"))
    doc = parse(episode_page(record, SHOW))
    assert doc.xpath("//audio/@src") == [quote("odd name#1.mp3")]


# --- languages -------------------------------------------------------------------------------------

UI_WORDS = ("Skip to the text", "Podcast feed", "Download the MP3", "Chapters", "Download", "Spoken intro:",
            "Scroll the text with the narration", "More episodes of", "Made with narrate.", "Listen to this article",
            "Read along", "Episodes", "Subscribe (RSS)", "By")
"""The pages' own English words (each the whole text of the element that holds it, or its start)."""


def lang_of(element: etree._Element) -> str:
    """The language an element is in: the nearest lang attribute of it or its ancestors."""
    for node in (element, *element.iterancestors()):
        if node.get("lang") is not None:
            return node.get("lang")
    return ""


def ui_elements(doc: etree._Element) -> list[etree._Element]:
    return [el for el in doc.iter() if isinstance(el.tag, str) and el.tag not in ("html", "body", "head", "title")
            and any((el.text or "").strip().startswith(w) for w in UI_WORDS)]


def spanish_record(**changes: object) -> EpisodeRecord:
    record = make_record(language="es", title="Transbordadores de noche", **changes)
    chunks = list(record.chunks)
    chunks[0] = chunk(0, "intro", 0, [sentence("Transbordadores de noche, por Mara Okafor.", 0.0, 1.2)])
    return replace(record, chunks=chunks)


def test_episode_page_says_the_episode_language() -> None:
    doc = parse(episode_page(spanish_record(), SHOW))  # an English show
    assert doc.get("lang") == "es"
    assert {lang_of(s) for s in doc.xpath("//*[contains(concat(' ', @class, ' '), ' s ')]")} == {"es"}
    assert {lang_of(el) for el in doc.xpath("//h1 | //*[@class='chapters__name']")} == {"es"}
    found = ui_elements(doc)
    assert {(el.text or "").strip().split()[0] for el in found} >= {"Skip", "Podcast", "Chapters", "Download", "Spoken"}
    assert {lang_of(el) for el in found} == {"en"}, [(el.text, lang_of(el)) for el in found if lang_of(el) != "en"]
    # the show's title is the show's language
    assert {lang_of(a) for a in doc.xpath("//a[@class='site-header__show']")} == {"en"}


def test_english_episode_of_an_english_show_has_no_extra_lang() -> None:
    doc = parse(episode_page(make_record(), SHOW))
    assert doc.get("lang") == "en"
    assert set(doc.xpath("//@lang")) == {"en"}
    assert not [el for el in doc.iter() if isinstance(el.tag, str) and el.get("lang") and el.tag == "span"
                and el.get("class") != "chapters__name"]


@pytest.mark.parametrize(("record_language", "show_language", "page"), [
    (None, "fr", "fr"), ("not a tag", "de-CH", "de-CH"), ("pt_BR", "en", "pt-BR"), (None, "English", "en"),
])
def test_page_language_falls_back_to_the_show(record_language: str | None, show_language: str, page: str) -> None:
    record, show = make_record(language=record_language), replace(SHOW, language=show_language)
    assert parse(episode_page(record, show)).get("lang") == page
    assert lxml_html.fragment_fromstring(player_snippet(record, show)).get("lang") == page
    assert parse(write_player(record, show)).get("lang") == page


def write_player(record: EpisodeRecord, show: ShowConfig) -> str:
    from narrate.publish.pages import player_page

    return player_page(record, show)


def test_snippet_and_player_page_say_the_episode_language() -> None:
    record = spanish_record()
    root = lxml_html.fragment_fromstring(player_snippet(record, SHOW))
    assert root.get("lang") == "es"
    assert {lang_of(a) for a in root.xpath(".//details//li")} == {"es"}  # chapter titles
    found = ui_elements(root)
    assert {(el.text or "").strip().split()[0] for el in found} >= {"Listen", "Chapters", "Download"}
    assert {lang_of(el) for el in found} == {"en"}
    assert parse(write_player(record, SHOW)).get("lang") == "es"
    # pasted into the article's own page, it keeps its language
    copy = parse(page_with_player((HTML_DATA / "trinity.html").read_text(encoding="utf-8"), record, SHOW))
    assert copy.xpath("//div[@class='narrate-player']/@lang") == ["es"]


def test_show_page_says_the_show_language_and_each_other_episode_its_own() -> None:
    show = replace(SHOW, language="es")
    records = [
        make_record(slug="a", language="es", published="2026-01-03T00:00:00+00:00"),
        make_record(slug="b", language="en", published="2026-01-02T00:00:00+00:00"),
        make_record(slug="c", language="pt-BR", published="2026-01-01T00:00:00+00:00"),
        make_record(slug="d", language=None, published="2025-12-31T00:00:00+00:00"),
    ]
    doc = parse(show_page(show, records))
    assert doc.get("lang") == "es"
    cards = doc.xpath("//li[contains(@class, 'episode-card')]/article")
    assert [card.get("lang") for card in cards] == [None, "en", "pt-BR", None]
    assert [lang_of(card.xpath(".//h3")[0]) for card in cards] == ["es", "en", "pt-BR", "es"]
    found = ui_elements(doc)
    assert {(el.text or "").strip().split()[0] for el in found} >= {"Read", "Download", "Episodes", "Subscribe"}
    assert {lang_of(el) for el in found} == {"en"}, [(el.text, lang_of(el)) for el in found if lang_of(el) != "en"]
    # an English show: only the other-language cards carry a lang
    doc = parse(show_page(SHOW, records))
    assert doc.get("lang") == "en"
    assert [card.get("lang") for card in doc.xpath("//li/article")] == ["es", None, "pt-BR", None]
    assert {lang_of(el) for el in ui_elements(doc)} == {"en"}
