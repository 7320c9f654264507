"""The pages in a real browser: headless Debian Chromium driven by Playwright, over narrate's HTTP server.

A small show is built once for the module with the fake engine (a text article whose title and text
carry script and image payloads, the Trinity Audio fixture page, the example article); its pages are
written with narrate.publish.pages and served by narrate.publish.server (byte ranges, so the audio can seek).
Article copies of the other fixture pages (every form of a player stub, a page full of scripts) are
written beside the Trinity episode's own, with its player. The
browser is never downloaded: Debian's /usr/bin/chromium is launched with the flags in
shared/reference/podcast-standards.md. Missing Chromium or Playwright skips these tests locally and
fails them in CI. Every wait is bounded (Playwright's timeouts, below).

The player snippet is also pasted into a publisher's page served by a second server on another port
(another origin), as a publisher's CMS would show it; and every page kind is checked at phone and
desktop sizes with axe-core (npm, tests/js/node_modules, added to each page by Playwright).
"""

from __future__ import annotations

import itertools
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest

from narrate.config import Config, EpisodeConfig, ShowConfig
from narrate.pipeline import build
from narrate.publish.catalog import EpisodeRecord, load_catalog, load_episode
from narrate.publish.feed import feed_url
from narrate.publish.pages import page_with_player, write_episode_pages, write_pages
from narrate.speech.engines import register, unregister
from tests.conftest import EXAMPLE, ROOT, require_module, require_tool
from tests.fakes import FakeEngine
from tests.text.htmlpages import VENDOR_TEXT, stub_neighbours, stub_pages

CHROMIUM_ARGS = [
    "--no-sandbox", "--mute-audio", "--autoplay-policy=no-user-gesture-required", "--disable-gpu",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
]
TIMEOUT_MS = 10_000
"""The longest any one wait may take (page loads, audio metadata, playback starting)."""
SCREENSHOTS = ROOT / "test-output" / "screenshots"
TRINITY = Path(__file__).parents[1] / "data" / "html" / "trinity.html"
TRINITY_STUB = "Getting your Trinity Audio player ready"
SCRIPTS_PAGE = Path(__file__).parents[1] / "data" / "html" / "page-scripts.html"
VENDOR_HOSTS = ("trinity", "beyondwords", "instaread", "elevenlabs", "cloudfront", "polly")
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
XSS_ARTICLE = (
    f"Why {SCRIPT} and {IMG} show as text\n\n"
    f"This paragraph talks about {SCRIPT} as plain text, which a page must show and never run.\n\n"
    f"Another one mentions {IMG} in the middle of a sentence. It has a second sentence too, long enough.\n\n"
    "The last paragraph is calm and ordinary, with enough words to count as the body of an article.\n"
)


@dataclass
class Site:
    url: str
    out: Path
    show: ShowConfig
    records: dict[str, EpisodeRecord] = field(default_factory=dict)
    """By role: "xss", "html", "example"."""

    def page_url(self, record: EpisodeRecord, name: str = "") -> str:
        return f"{self.url}episodes/{record.slug}/{name}"


def written_sentences(record: EpisodeRecord) -> list[tuple[str, float, float]]:
    """(text, start, end) of every sentence the page shows, from the record alone (spoken parts of an
    over-long sentence lengthen the sentence they continue)."""
    out: list[list[Any]] = []
    for chunk in record.chunks:
        if chunk.kind not in ("intro", "paragraph", "heading"):
            continue
        for s in chunk.sentences:
            if s["text"]:
                out.append([s["text"], s["start"], s["end"]])
            elif out:
                out[-1][2] = s["end"]
    return [(t, float(a), float(b)) for t, a, b in out]


def sentence_at(record: EpisodeRecord, t: float) -> tuple[str, float, float] | None:
    return next((s for s in written_sentences(record) if s[1] <= t < s[2]), None)


# --- fixtures --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    require_tool("chromium")
    require_module("playwright")
    from narrate.publish.server import Server

    root = tmp_path_factory.mktemp("pages-site")
    out = root / "out"
    out.mkdir()
    (root / "xss.txt").write_text(XSS_ARTICLE, encoding="utf-8")
    shutil.copy(TRINITY, root / "trinity.html")
    preset = root / "fake.toml"
    preset.write_text(
        'engine = "fake"\n[pauses]\nsentence = 0.25\nparagraph = 0.5\nheading = 1.0\n'
        "[options]\nseconds_per_char = 0.01\n",
        encoding="utf-8",
    )
    server = Server(out).start()
    try:
        show = ShowConfig(title="Harbour Listens", description="Local news, read aloud.", base_url=server.url)
        config = Config(show=show, episode=EpisodeConfig(spoken_outro=False))
        register(FakeEngine)
        try:
            report = build(
                [root / "xss.txt", root / "trinity.html", EXAMPLE],
                out_dir=out, voice=str(preset), config=config, use_cache=False,
            )
        finally:
            unregister(FakeEngine.name)
        assert not report.failed, [r.error for r in report.failed]
        records = [load_episode(out, r.record.slug) for r in report.results if r.record is not None]
        xss, html, example = records
        # A byline with markup does not survive the cleaner, so the payloads go into the record itself:
        # the pages must escape whatever a record holds.
        xss = replace(xss, author=f"Eve {SCRIPT} {IMG}", site=f"Site {SCRIPT}")
        site = Site(server.url, out, show, {"xss": xss, "html": html, "example": example})
        # Until the build writes the pages itself, the tests call the writers directly.
        write_episode_pages(out, xss, show)
        write_episode_pages(out, html, show, (root / "trinity.html").read_text(encoding="utf-8"))
        write_episode_pages(out, example, show)
        catalog, problems = load_catalog(out)
        assert not problems
        write_pages(out, show, catalog)
        yield site
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def browser(site: Site) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=CHROMIUM_ARGS, timeout=TIMEOUT_MS
        )
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class Watched:
    page: Any
    dialogs: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    """A fresh page with listeners for dialogs, console errors, page errors and requests."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.set_default_navigation_timeout(TIMEOUT_MS)
    seen = Watched(page)

    def on_dialog(dialog: Any) -> None:
        seen.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda m: seen.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen.page_errors.append(str(e)))
    page.on("request", lambda r: seen.requests.append(r.url))
    try:
        yield seen
    finally:
        context.close()


AUDIO = "document.getElementById('narrate-audio')"


def wait_until(page: Any, expression: str, timeout_ms: int = TIMEOUT_MS) -> None:
    """Poll a JavaScript expression until it is true (Playwright's wait_for_function evaluates its
    predicate with eval, which the pages' Content-Security-Policy forbids, rightly)."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout_ms} ms: {expression}")
        page.wait_for_timeout(50)


def open_episode(page: Any, url: str) -> None:
    page.goto(url)
    wait_until(page, f"{AUDIO}.readyState >= 1 && isFinite({AUDIO}.duration)")


def seek(page: Any, seconds: float) -> dict[str, Any]:
    """Pause, seek, wait for the seek to finish and a frame to pass; what the page then highlights."""
    return page.evaluate(
        """async (t) => {
            const a = document.getElementById('narrate-audio');
            a.pause();
            await new Promise((done) => { a.addEventListener('seeked', done, {once: true}); a.currentTime = t; });
            await new Promise((done) => requestAnimationFrame(() => done()));
            const current = document.querySelectorAll('.s[aria-current]');
            const el = current[0];
            return {time: a.currentTime, count: current.length,
                    text: el ? el.textContent : null, start: el ? +el.dataset.start : null};
        }""",
        seconds,
    )


# --- the episode page ------------------------------------------------------------------------------


def test_episode_page_loads_plays_and_can_seek_anywhere(site: Site, watched: Watched) -> None:
    record = site.records["example"]
    page = watched.page
    open_episode(page, site.page_url(record))
    duration = page.evaluate(f"{AUDIO}.duration")
    assert abs(duration - record.audio.duration) < 0.5
    page.evaluate(f"async () => {{ {AUDIO}.muted = true; await {AUDIO}.play(); }}")
    wait_until(page, f"{AUDIO}.currentTime > 0.3 && !{AUDIO}.paused")
    seekable = page.evaluate(f"[{AUDIO}.seekable.length, {AUDIO}.seekable.start(0), {AUDIO}.seekable.end(0)]")
    assert seekable[0] == 1 and seekable[1] == 0 and abs(seekable[2] - record.audio.duration) < 0.5
    result = seek(page, record.audio.duration / 2)
    assert abs(result["time"] - record.audio.duration / 2) < 0.05
    assert page.evaluate(f"{AUDIO}.seekable.end(0)") > record.audio.duration / 2
    assert not watched.page_errors and not watched.console_errors


def test_the_sentence_at_the_current_time_is_highlighted(site: Site, watched: Watched) -> None:
    record = site.records["example"]
    page = watched.page
    open_episode(page, site.page_url(record))
    assert page.evaluate("document.querySelectorAll('.s[aria-current]').length") == 0  # not before playing
    sentences = written_sentences(record)
    middle = record.audio.duration / 2
    # the middle of the file, then the middle of the sentence nearest to it, then a pause between two
    nearest = min(sentences, key=lambda s: abs((s[1] + s[2]) / 2 - middle))
    gap = next(b[1] - 0.05 for a, b in itertools.pairwise(sentences) if b[1] - a[2] > 0.2 and a[1] > middle)
    for t in (middle, (nearest[1] + nearest[2]) / 2, gap):
        result = seek(page, t)
        expected = sentence_at(record, result["time"])
        if expected is None:
            assert result["count"] == 0, (t, result)
        else:
            assert result["count"] == 1 and result["text"] == expected[0], (t, result, expected)
            assert abs(result["start"] - expected[1]) < 0.001
    assert not watched.page_errors and not watched.console_errors


def test_clicking_or_pressing_enter_on_a_sentence_plays_from_its_start(site: Site, watched: Watched) -> None:
    record = site.records["example"]
    page = watched.page
    open_episode(page, site.page_url(record))
    page.evaluate(f"{AUDIO}.muted = true")
    spans = page.evaluate(
        "Array.from(document.querySelectorAll('#text .s')).map(e => [e.id, +e.dataset.start, e.textContent])"
    )
    for (element_id, start, text), how in ((spans[len(spans) // 2], "click"), (spans[-2], "Enter"), (spans[3], " ")):
        page.evaluate(
            f"""() => {{ window.seekedAt = new Promise((done) =>
                {AUDIO}.addEventListener('seeked', () => done({AUDIO}.currentTime), {{once: true}})); }}"""
        )
        if how == "click":
            page.click(f"#{element_id}")
        else:
            page.focus(f"#{element_id}")
            page.keyboard.press(how)
        landed = page.evaluate("window.seekedAt")
        assert abs(landed - start) <= 0.05, (how, landed, start)
        wait_until(page, f"!{AUDIO}.paused")  # and it plays from there
        page.evaluate(f"{AUDIO}.pause()")
        assert page.evaluate("document.querySelector('.s[aria-current]').id") in (
            element_id, *[s[0] for s in spans[spans.index([element_id, start, text]) + 1:][:2]])
    # keyboard: only one sentence is in the tab order, and arrow keys move between sentences
    assert page.evaluate("document.querySelectorAll('#text .s[tabindex=\"0\"]').length") == 1
    page.focus(f"#{spans[3][0]}")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.id") == spans[4][0]
    assert not watched.page_errors and not watched.console_errors


def test_chapter_links_seek_in_place(site: Site, watched: Watched) -> None:
    record = site.records["example"]
    assert len(record.chapters) > 1
    page = watched.page
    open_episode(page, site.page_url(record))
    page.evaluate(f"{AUDIO}.muted = true")
    page.evaluate(
        f"""() => {{ window.seekedAt = new Promise((done) =>
            {AUDIO}.addEventListener('seeked', () => done({AUDIO}.currentTime), {{once: true}})); }}"""
    )
    url = page.url
    page.click(".chapters__link >> nth=1")
    assert abs(page.evaluate("window.seekedAt") - record.chapters[1]["start"]) <= 0.05
    assert page.url == url  # stayed on the page
    assert page.evaluate("document.querySelector('.chapters__link[aria-current]').dataset.start") == (
        page.evaluate("document.querySelectorAll('.chapters__link')[1].dataset.start"))


def test_a_page_address_with_a_time_starts_there(site: Site, watched: Watched) -> None:
    record = site.records["example"]
    page = watched.page
    open_episode(page, site.page_url(record) + "#t=12.5")
    wait_until(page, f"Math.abs({AUDIO}.currentTime - 12.5) < 0.05")


def test_the_xss_article_shows_its_payloads_as_text(site: Site, watched: Watched) -> None:
    record = site.records["xss"]
    assert SCRIPT in record.title and IMG in record.title  # the pipeline kept them: the test means something
    page = watched.page
    open_episode(page, site.page_url(record))
    page.evaluate(f"{AUDIO}.muted = true")
    page.click("#text .s >> nth=0")  # run the page's script over the text too
    page.wait_for_timeout(300)
    assert page.inner_text("h1") == record.title
    body = page.inner_text("body")
    for shown in (f"Eve {SCRIPT} {IMG}", f"Site {SCRIPT}", f"talks about {SCRIPT} as plain text", f"mentions {IMG} in"):
        assert shown.lower() in body.lower(), shown  # (the site's name is shown in capitals by the style)
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("document.querySelectorAll('script').length") == 1
    assert page.title().startswith(record.title)
    assert not watched.dialogs
    assert not watched.page_errors
    assert not watched.console_errors  # not even a Content-Security-Policy report: nothing tried to run
    assert not [u for u in watched.requests if u.endswith("/x")]  # the payload's image was never fetched


def test_the_article_copy_has_narrates_player_where_trinitys_was(site: Site, watched: Watched) -> None:
    record = site.records["html"]
    page = watched.page
    page.goto(site.page_url(record, "article.html"))
    first_child = page.evaluate(
        """() => { const c = document.querySelector('.entry-content');
                   const player = c.firstElementChild;
                   return [player.className, player.nextElementSibling.tagName]; }"""
    )
    assert first_child == ["narrate-player", "P"]
    wait_until(page, "document.querySelector('.narrate-player audio').readyState >= 1")
    duration = page.evaluate("document.querySelector('.narrate-player audio').duration")
    assert abs(duration - record.audio.duration) < 0.5
    body = page.inner_text("body")
    assert TRINITY_STUB not in body and "Trinity Audio" not in body
    assert TRINITY_STUB not in page.content()
    assert page.evaluate("document.querySelectorAll('#trinity-audio-table, .trinityAudioPlaceholder').length") == 0
    assert not [u for u in watched.requests if "trinity" in u]
    assert "The last boat of the evening" in body  # the article is all there


def article_copy(site: Site, page: Any, original: Path, name: str, keep_scripts: bool = False) -> None:
    """Write ``original``'s copy with the Trinity episode's player beside its article.html, and open
    it; requests to any other host than the local server fail at once (no network in tests)."""
    record = site.records["html"]
    copy = page_with_player(original.read_text(encoding="utf-8"), record, site.show, keep_scripts=keep_scripts)
    assert copy is not None
    (record.folder(site.out) / name).write_text(copy, encoding="utf-8")
    page.route(lambda url: not url.startswith(site.url), lambda route: route.abort())
    page.goto(site.page_url(record, name))


@pytest.mark.parametrize("fixture", stub_pages(), ids=lambda p: p.name)
def test_every_stub_form_gives_way_to_narrates_player_where_it_was(site: Site, watched: Watched, fixture: Path) -> None:
    """One page per form of a stub (tests/data/html/stubs and the older player pages): nothing of
    the stub is shown, loaded or left in the page, and the player that plays sits between the
    stub's own neighbours."""
    page = watched.page
    article_copy(site, page, fixture, f"stub-{fixture.stem}.html")
    found = page.evaluate(
        """() => {
            const text = (el) => el ? el.textContent.replace(/\\s+/g, ' ').trim() : null;
            const players = document.querySelectorAll('.narrate-player');
            const player = players[0];
            return {count: players.length, before: text(player.previousElementSibling),
                    after: text(player.nextElementSibling), parent: player.parentElement.getAttribute('class'),
                    shown: document.body.innerText,
                    left: [...document.querySelectorAll('script, iframe, amp-iframe, instaread-player, table, '
                        + '[data-beyondwords-player], .trinity-tts-pb, [id^="elevenlabs"]')]
                        .filter((el) => !el.closest('.narrate-player')).length};
        }"""
    )
    before, after, parent = stub_neighbours(fixture.read_text(encoding="utf-8"))
    assert (found["count"], found["before"], found["after"], found["parent"]) == (1, before, after, parent)
    for words in VENDOR_TEXT:
        assert words not in found["shown"], words
    assert found["left"] == 0
    wait_until(page, "document.querySelector('.narrate-player audio').readyState >= 1")
    assert not [u for u in watched.requests if not u.startswith(site.url) and any(h in u for h in VENDOR_HOSTS)]
    assert not watched.dialogs and not watched.page_errors


@pytest.mark.parametrize("keep", [False, True], ids=["default", "keep-scripts"])
def test_the_article_copy_runs_the_pages_scripts_only_when_asked(site: Site, watched: Watched, keep: bool) -> None:
    """A page with inline scripts and onerror, onload, ontoggle handlers, a srcdoc frame, a
    javascript: link: by default none of it runs (and nothing even tries: no policy violation),
    while its styles apply and narrate's player loads; with [pages] article_scripts = "keep" its
    scripts and handlers run, as on its own site."""
    page = watched.page
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    article_copy(site, page, SCRIPTS_PAGE, "scripts-keep.html" if keep else "scripts.html", keep_scripts=keep)
    wait_until(page, "document.readyState === 'complete'")
    page.wait_for_timeout(300)  # a toggle event and a frame's script come after the load
    ran = page.evaluate("window.ran || []")
    if keep:
        assert {"inline-head", "inline-body", "img-onerror", "body-onload", "svg-onload", "iframe-srcdoc"} <= set(ran)
        assert "ran: inline-head" in messages
        return
    assert ran == [] and not [m for m in messages if m.startswith("ran:")]
    assert not [m for m in watched.console_errors if "Content Security Policy" in m]
    left = "[...document.querySelectorAll('script, object, embed, iframe[srcdoc]')]"
    assert page.evaluate(f"{left}.filter((el) => !el.closest('.narrate-player')).length") == 0
    assert not page.evaluate("document.getElementById('js-link').getAttribute('href')")
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(18, 52, 86)"
    own = "[...document.querySelectorAll('p[style]')].find((p) => !p.closest('.narrate-player'))"
    assert page.evaluate(f"getComputedStyle({own}).color") == "rgb(1, 2, 3)"
    wait_until(page, "document.querySelector('.narrate-player audio').readyState >= 1")
    assert not watched.dialogs and not watched.page_errors


def test_the_show_page_lists_every_episode_and_links_the_feed(site: Site, watched: Watched) -> None:
    page = watched.page
    page.goto(site.url)
    catalog, _ = load_catalog(site.out)
    titles = page.eval_on_selector_all(".episode-card h3", "els => els.map(e => e.textContent.trim())")
    assert titles == [r.title for r in catalog]
    assert len(titles) == len(site.records)
    assert page.get_attribute("#subscribe", "href") == feed_url(site.show) == f"{site.url}feed.xml"
    assert page.get_attribute("a[href^='podcast://']", "href") == "podcast://" + f"{site.url}feed.xml".split("://")[1]
    assert page.evaluate("document.querySelector('.show__cover').naturalWidth") > 0  # the drawn cover
    page.click(f"text={site.records['example'].title}")
    page.wait_for_url(site.page_url(site.records["example"]))
    assert page.inner_text("h1") == site.records["example"].title
    assert not watched.page_errors and not watched.console_errors


def test_a_spanish_episode_page_is_spanish_and_its_own_words_english(site: Site, watched: Watched) -> None:
    """The browser's own :lang() matching (inherited lang, as screen readers use it) on a page of a
    Spanish episode in an English show, written beside the example's page (same audio and files)."""
    from narrate.publish.pages import episode_page

    record = replace(site.records["example"], language="es")
    (record.folder(site.out) / "es.html").write_text(episode_page(record, site.show), encoding="utf-8")
    page = watched.page
    open_episode(page, site.page_url(record, "es.html"))
    assert page.evaluate("document.documentElement.lang") == "es"
    sentences = page.locator(".s").count()
    assert sentences > 3 and page.locator(".s:lang(es)").count() == sentences
    assert page.locator("h1:lang(es)").count() == 1
    for selector in ("#chapters-title", "#downloads-title", ".skip-link", ".site-header__feed", ".player__follow"):
        assert page.locator(f"{selector}:lang(en)").count() == 1, selector
        assert page.locator(f"{selector}:lang(es)").count() == 0, selector
    assert page.locator(".chapters__name:lang(es)").count() == len(record.chapters)
    assert not watched.page_errors and not watched.console_errors


def test_without_javascript_the_page_is_audio_and_text(site: Site, browser: Any) -> None:
    record = site.records["example"]
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(site.page_url(record))
        assert page.locator("#narrate-audio").is_visible()
        assert page.locator("#text .s").count() == len(written_sentences(record)) - 1  # the intro is apart
        assert not page.locator(".text__hint").is_visible() and not page.locator(".player__follow").is_visible()
        assert page.get_attribute(".chapters__link >> nth=1", "href").endswith(f"#t={record.chapters[1]['start']:g}")
    finally:
        context.close()


def test_pages_fit_a_phone_and_screenshots(site: Site, browser: Any) -> None:
    """No horizontal scrolling at 360 px; screenshots of the episode page for people to look at."""
    record = site.records["example"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, width, height in (("phone", 390, 844), ("desktop", 1280, 800), ("narrow", 360, 740)):
        context = browser.new_context(viewport={"width": width, "height": height})
        try:
            page = context.new_page()
            page.set_default_timeout(TIMEOUT_MS)
            for url in (site.page_url(record), site.url):
                page.goto(url)
                overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
                assert overflow <= 0, (name, url, overflow)
            open_episode(page, site.page_url(record))
            page.evaluate(f"{AUDIO}.muted = true")
            seek(page, (written_sentences(record)[3][1] + written_sentences(record)[3][2]) / 2)
            page.evaluate("window.scrollTo(0, 0)")
            if name != "narrow":
                page.screenshot(path=str(SCREENSHOTS / f"episode-{name}.png"))
                page.screenshot(path=str(SCREENSHOTS / f"episode-{name}-full.png"), full_page=True)
                page.evaluate("document.querySelector('.s[aria-current]').scrollIntoView({block: 'center'})")
                page.wait_for_timeout(100)
                page.screenshot(path=str(SCREENSHOTS / f"episode-{name}-reading.png"))
                page.goto(site.url)
                page.screenshot(path=str(SCREENSHOTS / f"show-{name}.png"), full_page=True)
        finally:
            context.close()
    assert (SCREENSHOTS / "episode-phone.png").stat().st_size > 0


# --- the player snippet on a publisher's own site (another origin) ---------------------------------

PUBLISHER_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>The Quay Courier: night ferries</title><link rel="icon" href="data:,">
<style>body {{ font: 17px/1.5 Georgia, serif; margin: 0 auto; max-width: 42rem; padding: 0 1rem;
overflow-wrap: anywhere; }}</style></head>
<body><header><p>The Quay Courier</p></header><main><article>
<h1>{title}</h1>
<p>The first paragraph of the publisher's own article, as the CMS shows it.</p>
{snippet}
<p>The rest of the article goes on below the player. {word}</p>
</article></main></body></html>
"""
"""A page of the publisher's own site, with the snippet pasted in as a CMS keeps it."""
LONG_WORD = "Donaudampfschifffahrtselektrizitaetenhauptbetriebswerkbauunterbeamtengesellschaf"
assert len(LONG_WORD) == 80
LONG_TITLE = (f"{LONG_WORD} " + "and the ferries that cross the harbour long after midnight " * 12)[:500]
PLAYER = "document.querySelector('.narrate-player audio')"


@pytest.fixture(scope="module")
def publisher(site: Site, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A second server, on another port (so another origin), serving the publisher's pages with the
    example's snippet: ``plain.html`` (the default snippet), ``reading.html`` (with read-along)."""
    from narrate.publish.pages import player_snippet
    from narrate.publish.server import Server

    root = tmp_path_factory.mktemp("publisher")
    record = site.records["example"]
    for name, show in (("plain.html", site.show), ("reading.html", replace(site.show, embed_read_along=True))):
        page = PUBLISHER_PAGE.format(title="Night ferries", snippet=player_snippet(record, show), word="")
        (root / name).write_text(page, encoding="utf-8")
    with Server(root) as server:
        assert server.url != site.url
        yield server.url


def vtt_cues(site: Site, record: EpisodeRecord) -> list[str]:
    """The texts of the episode's WebVTT cues, as written."""
    text = (record.folder(site.out) / record.files["vtt"]).read_text(encoding="utf-8")
    return [block.split("\n", 1)[1] for block in text.split("\n\n") if "-->" in block]


@pytest.mark.parametrize("name", ["plain.html", "reading.html"])
def test_the_snippet_works_on_a_page_of_another_origin(site: Site, publisher: str, watched: Watched,
                                                       name: str) -> None:
    """Audio and captions load across origins (CORS), a chapter link seeks the snippet's player and
    leaves the page's address as it was; with read-along, the caption being spoken shows under it."""
    record = site.records["example"]
    page = watched.page
    page.goto(publisher + name)
    wait_until(page, f"{PLAYER}.readyState >= 1 && isFinite({PLAYER}.duration)")
    assert abs(page.evaluate(f"{PLAYER}.duration") - record.audio.duration) < 0.5
    assert page.evaluate(f"{PLAYER}.crossOrigin") == "anonymous"
    track = f"{PLAYER}.textTracks[0]"
    wait_until(page, f"{PLAYER}.textTracks.length === 1 && !!{track}.cues && {track}.cues.length > 0")
    assert page.evaluate(f"{track}.mode") in ("showing", "hidden")
    assert page.evaluate(f"{track}.cues.length") == len(vtt_cues(site, record))
    assert page.evaluate(f"{PLAYER}.querySelector('track').readyState") == 2  # LOADED, not ERROR (3)

    page.evaluate(f"{PLAYER}.muted = true")
    url = page.url
    page.click(".narrate-player summary")
    page.evaluate(
        f"""() => {{ window.seekedAt = new Promise((done) =>
            {PLAYER}.addEventListener('seeked', () => done({PLAYER}.currentTime), {{once: true}})); }}"""
    )
    page.click(".narrate-player details a >> nth=1")
    assert abs(page.evaluate("window.seekedAt") - record.chapters[1]["start"]) <= 0.05
    wait_until(page, f"!{PLAYER}.paused")  # and it plays from there
    assert page.url == url  # the reader stayed on the publisher's page
    assert page.get_attribute(".narrate-player details a >> nth=1", "aria-current") == "step"

    now = ".narrate-player .narrate-player__now"
    if name == "reading.html":
        wait_until(page, f"document.querySelector('{now}').textContent.trim() !== ''")
        shown = page.evaluate(
            f"""[document.querySelector('{now}').textContent,
                 Array.from({track}.activeCues).map((c) => c.getCueAsHTML().textContent).join(' ')]"""
        )
        assert shown[0] == shown[1] and shown[0] in vtt_cues(site, record), shown
    else:
        assert page.locator(now).count() == 0
    page.evaluate(f"{PLAYER}.pause()")
    assert not watched.page_errors and not watched.console_errors  # no CORS error either
    assert not [u for u in watched.requests if u.endswith("favicon.ico")]


def test_without_javascript_the_snippets_chapters_open_the_mp3_at_their_time(site: Site, publisher: str,
                                                                              browser: Any) -> None:
    record = site.records["example"]
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(publisher + "plain.html")
        href = page.get_attribute(".narrate-player details a >> nth=1", "href")
        assert href == f"{site.page_url(record, record.audio.file)}#t={record.chapters[1]['start']:g}"
    finally:
        context.close()


# --- pages that hold up: long words, keyboard, landmarks, layout shift, axe-core ------------------

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture(scope="module")
def long_pages(site: Site) -> dict[str, str]:
    """Every page kind for an episode with a 500-character title and an 80-letter word (in the title,
    a chapter's name, the author, the text and the description), by kind: their URLs."""
    import copy

    from narrate.publish.pages import episode_page, page_with_player, player_page, show_page

    record = copy.deepcopy(site.records["example"])
    record = replace(record, title=LONG_TITLE, author=f"Ann {LONG_WORD}", site=LONG_WORD,
                     description=f"About {LONG_WORD} and more.", url=None, source="")
    record.chapters[1]["title"] = f"{LONG_WORD} {LONG_WORD}"
    first = next(c for c in record.chunks if c.kind == "paragraph")
    first.sentences[0]["text"] = f"{LONG_WORD} {first.sentences[0]['text']}"
    folder = record.folder(site.out)
    (folder / "long.html").write_text(episode_page(record, site.show), encoding="utf-8")
    (folder / "long-player.html").write_text(player_page(record, site.show), encoding="utf-8")
    original = PUBLISHER_PAGE.format(title=LONG_TITLE, word=LONG_WORD, snippet=(
        '<div class="trinityAudioPlaceholder"><div class="trinity-tts-pb">'
        "Getting your Trinity Audio player ready...</div></div>"))
    copy_page = page_with_player(original, record, site.show)
    assert copy_page is not None
    (folder / "long-article.html").write_text(copy_page, encoding="utf-8")
    catalog, _ = load_catalog(site.out)
    (site.out / "long-show.html").write_text(show_page(site.show, [record, *catalog]), encoding="utf-8")
    return {
        "episode": site.page_url(record, "long.html"),
        "player": site.page_url(record, "long-player.html"),
        "article": site.page_url(record, "long-article.html"),
        "show": f"{site.url}long-show.html",
    }


def test_a_long_title_and_an_unbroken_word_fit_a_phone(long_pages: dict[str, str], browser: Any) -> None:
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        widths = {}
        for kind, url in long_pages.items():
            page.goto(url)
            page.wait_for_load_state("load")
            assert LONG_WORD in page.evaluate("document.body.textContent"), kind  # (chapters may be folded)
            widths[kind] = page.evaluate("document.documentElement.scrollWidth")
        assert all(width <= PHONE["width"] for width in widths.values()), widths
    finally:
        context.close()


def test_skip_link_then_tab_lands_on_a_sentence_of_the_text(site: Site, watched: Watched) -> None:
    record = site.records["example"]
    page = watched.page
    open_episode(page, site.page_url(record))
    intro = page.evaluate("[...document.querySelectorAll('.episode__intro .s')].map((e) => +e.dataset.start)")
    assert intro  # the case of the issue: a spoken intro before the text
    for moment in ("fresh", "playing the intro"):
        if moment == "playing the intro":  # the current sentence, and so the tab stop, is the intro's
            open_episode(page, site.page_url(record))
            seek(page, intro[0] + 0.1)
            assert page.evaluate("document.querySelector('.s[aria-current]').closest('.episode__intro') !== null")
            assert page.evaluate("document.querySelector('.episode__intro .s').tabIndex") == 0
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip-link", moment
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "text", moment
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => { const el = document.activeElement;
                       return [el.classList.contains('s'), !!el.closest('#text'), el.getAttribute('role')]; }"""
        )
        assert focused == [True, True, "button"], moment
    # the text is a region with a name, and every sentence says it can be activated
    assert page.get_by_role("region", name="Article text").count() == 1
    assert page.locator(".s:not([role='button'])").count() == 0


def test_revealing_the_scroll_control_shifts_nothing(site: Site, browser: Any) -> None:
    """Cumulative layout shift 0 while player.js shows its controls, even when it arrives after the
    first paint (the script's answer is held back here for half a second)."""
    record = site.records["example"]
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)

        def late(route: Any) -> None:
            time.sleep(0.5)
            route.continue_()

        page.route("**/static/player.js", late)
        page.goto(site.page_url(record))
        wait_until(page, "document.documentElement.classList.contains('js')")
        page.wait_for_timeout(300)
        # Every shift but those inside the audio element's own controls (the browser's shadow DOM, which
        # PerformanceObserver names as no node: its time display widens when the duration is known).
        shifts = page.evaluate(
            """() => new Promise((done) => {
                const audio = document.getElementById('narrate-audio').getBoundingClientRect();
                const inAudio = (r) => r.top >= audio.top && r.bottom <= audio.bottom && r.left >= audio.left
                    && r.right <= audio.right;
                const ours = (s) => s.node || !(inAudio(s.previousRect) && inAudio(s.currentRect));
                const found = [];
                new PerformanceObserver((list) => found.push(...list.getEntries()))
                    .observe({type: 'layout-shift', buffered: true});
                requestAnimationFrame(() => requestAnimationFrame(() =>
                    done(found.filter((e) => !e.hadRecentInput && e.sources.some(ours)).map((e) => [e.value,
                        e.sources.map((s) => [s.node ? s.node.nodeName + '.' + s.node.className : null,
                                              JSON.stringify(s.previousRect), JSON.stringify(s.currentRect)])]))));
            })"""
        )
        assert page.locator(".player__follow").is_visible() and page.locator(".text__hint").is_visible()
        assert sum(value for value, _ in shifts) == 0, shifts  # with what moved, when something did
    finally:
        context.close()


AXE = ROOT / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_axe_finds_no_wcag_a_or_aa_violation_on_any_page_kind(site: Site, long_pages: dict[str, str], browser: Any,
                                                            size: dict[str, int]) -> None:
    """axe-core (npm, tests/js) on the episode page (a sentence highlighted), the show page, player.html,
    the article copy, and the same four for the long title and word."""
    from tests.conftest import IN_CI

    if not AXE.is_file():
        message = "axe-core is not installed in tests/js/node_modules (scripts/install-test-deps installs it)"
        pytest.fail(message) if IN_CI else pytest.skip(message)
    example, html = site.records["example"], site.records["html"]
    pages = {
        "episode": site.page_url(example),
        "show": site.url,
        "player": site.page_url(example, "player.html"),
        "article": site.page_url(html, "article.html"),
        **{f"long {kind}": url for kind, url in long_pages.items()},
    }
    context = browser.new_context(viewport=size, bypass_csp=True)  # to add axe-core to the pages
    found = {}
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        for kind, url in pages.items():
            page.goto(url)
            if kind == "episode":
                wait_until(page, f"{AUDIO}.readyState >= 1")
                seek(page, (written_sentences(example)[3][1] + written_sentences(example)[3][2]) / 2)
            page.add_script_tag(path=str(AXE))
            found[kind] = page.evaluate(
                """async (tags) => {
                    const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
                    return result.violations.map((v) => [v.id, v.nodes.map((n) => n.target.join(' ')).slice(0, 3)]);
                }""",
                WCAG_A_AA,
            )
    finally:
        context.close()
    assert not {kind: v for kind, v in found.items() if v}, found
