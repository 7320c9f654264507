"""Listenable pages: static HTML beside the feed, for people who open the output folder in a browser.

Layout (everything relative, so the folder works wherever it is hosted)::

    OUT/
      index.html                   the show: cover, description, subscribe link, every episode
      static/narrate.css           the pages' style
      static/player.js             sentence highlighting and seeking (the pages work without it)
      static/embed.js              the player snippet's script: chapter links seek in place, read-along
      episodes/<slug>/
        index.html                 the episode: player, chapters, downloads, the text sentence by sentence
        player.html                the embeddable player snippet (absolute URLs), for pasting into a CMS
        article.html               for an HTML article: its original page with narrate's player

Rendering is Jinja2 with autoescaping on for every template: whatever comes from an article (title,
author, site, text, URLs) is text, never markup. Links taken from an article are kept only when they
are absolute http(s) URLs (a ``javascript:`` URL is escaped correctly and would still run). The
episode and show pages also carry a Content-Security-Policy (``script-src 'self'``, no inline script
or style), so even an escaping bug could not run injected code: their only script is
``static/player.js``.

The player snippet (``player.html``) is made to be pasted into a publisher's page, on another origin
than the files: its ``<audio>`` has ``crossorigin="anonymous"`` and a captions ``<track>`` of the
episode's WebVTT, so the host must send ``Access-Control-Allow-Origin`` on the MP3 and the VTT
(``narrate serve`` does; for S3, ``narrate publish --cors`` sets the bucket's rule). Its one script,
``static/embed.js`` at the show's base_url, makes chapter links seek the snippet's own player and,
with ``[show] embed_read_along``, shows the caption being spoken under it; without the script the
chapter links open the MP3 at their time.

Without JavaScript an episode page is a plain ``<audio>`` element and the text; chapter links open
the MP3 at the chapter's time (``file.mp3#t=seconds``, W3C Media Fragments). ``player.js`` adds the
rest: the sentence being spoken is highlighted (``aria-current``) and scrolled into view, clicking a
sentence (or Enter/Space on it; arrow keys move between sentences) plays from there, chapter links
seek in place, and a page address ending in ``#t=seconds`` starts there.

Every page says its language: an episode's page, player and snippet the episode's
(``record.language``, else the show's), the show page the show's, each in ``<html lang>`` (the
snippet on its ``<div>``, since it is pasted into other pages). The pages' own words (labels,
buttons) are English: where the page's language is another, they carry ``lang="en"``, and so does
what is in another language than the page around it (the show's title on an episode page, an
episode card on the show page), so that a screen reader says each in its own language.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

import jinja2
import lxml.html
from lxml import etree
from markupsafe import Markup

from ..fsutil import write_bytes_atomic
from ..text.players import Stub, drop_element, find_stubs, is_vendor_element
from .catalog import PAGE_FILES, ChunkInfo, EpisodeRecord
from .feed import episode_file_url, episode_url, feed_url
from .languages import episode_language, language_tag, primary
from .sanitise import script_policy, set_policy, without_scripts
from .show import ShowConfig

__all__ = [
    "EPISODE_PAGE_FILES",
    "STATIC_DIR",
    "STATIC_FILES",
    "episode_page",
    "page_text",
    "page_with_player",
    "player_page",
    "player_snippet",
    "refresh_episode_pages",
    "show_page",
    "static_files",
    "update_page_with_player",
    "write_episode_pages",
    "write_pages",
]

STATIC_DIR = "static"
"""Where the pages' stylesheet and script are copied, inside the output folder."""
STATIC_FILES = ("narrate.css", "player.js", "embed.js")
EMBED_SCRIPT = "embed.js"
EPISODE_PAGE, PLAYER_PAGE, ARTICLE_PAGE = PAGE_FILES  # named in the catalog, which removes them
EPISODE_PAGE_FILES = PAGE_FILES
"""The files this module writes in an episode's folder (removing an episode should remove them too)."""
SHOW_PAGE = "index.html"
DEFAULT_COVER = "cover.png"
"""The cover :mod:`narrate.publish.artwork` draws for a show without an image."""

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: http: data:; "
    "media-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'"
)
"""The pages' Content-Security-Policy (a <meta>, since a static host may not let us send headers).
No inline script, no inline style: the templates have neither, and an injection could use neither.
The cover may be an image on another host; audio and text tracks are always the page's own files."""
PLAYER_CSP = (
    "default-src 'none'; script-src {origin}; style-src 'unsafe-inline'; img-src https: http: data:; "
    "media-src https: http:; base-uri 'none'; form-action 'none'; object-src 'none'"
)
"""``player.html``'s policy: the snippet's style is inline (so that it survives being pasted into a
CMS) and its audio is at base_url, which need not be the host serving the file; its only script is
``static/embed.js`` at base_url (``{origin}``: base_url's scheme, host and port)."""

_TEXT_KINDS = frozenset({"paragraph", "heading"})
UI_LANGUAGE = "en"
"""The language of the pages' own words (labels, buttons, "Download the MP3")."""
_SNIPPET_MARKER_START = "<!-- narrate player: copy from here -->"
_SNIPPET_MARKER_END = "<!-- narrate player: copy to here -->"


# --- the Jinja2 environment ---------------------------------------------------------------------------


_NOT_HTML = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(17))
    + "]"
)
"""What HTML calls a parse error wherever it appears (controls other than white space, lone surrogates,
noncharacters; the HTML standard, "Preprocessing the input stream"): never written to a page."""


def _html_text(value: Any) -> Any:
    """Every value a template writes, without the characters of :data:`_NOT_HTML` (markup already
    rendered, such as the player snippet, is left as it is)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return _NOT_HTML.sub("", value)
    return value


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("narrate.publish", "templates"),
        autoescape=True,  # every template, whatever its name
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_html_text,
    )
    env.filters["clock"] = clock
    env.filters["iso_duration"] = iso_duration
    env.filters["seconds"] = _seconds_attr
    env.filters["megabytes"] = _megabytes
    return env


@functools.cache
def _env() -> jinja2.Environment:
    return _environment()


def compile_templates() -> None:
    """Compile every page template now, not at its first render (a build does it while it speaks)."""
    env = _env()
    for name in env.list_templates():
        env.get_template(name)


def _render(template: str, *, csp: str = CSP, **context: Any) -> str:
    return _env().get_template(template).render(csp=csp, **context)


def _lang(tag: str) -> Markup:
    """A ``lang`` attribute, with its leading space (the tag escaped, though a checked tag never needs it)."""
    return Markup(' lang="{}"').format(tag)


def _lang_if_other(tag: str, around: str) -> Markup:
    """``lang="tag"`` when ``tag`` is another language than ``around`` (the element's surroundings), else nothing."""
    return _lang(tag) if primary(tag) != primary(around) else Markup("")


def _languages(language: str, show: ShowConfig) -> dict[str, Any]:
    """The template values that say a page's languages: ``language`` (``<html lang>``), ``ui`` (the
    attribute for the pages' English words) and ``show_lang`` (for the show's title)."""
    return {
        "language": language,
        "ui": _lang_if_other(UI_LANGUAGE, language),
        "show_lang": _lang_if_other(_show_language(show), language),
    }


def _show_language(show: ShowConfig) -> str:
    return language_tag(show.language) or "en"


# --- formatting ---------------------------------------------------------------------------------------


def clock(seconds: float) -> str:
    """A time as a player shows it: "0:07", "12:34", "1:02:03" (whole seconds, rounded down as
    browsers' players do, so the page and the player agree)."""
    total = max(0, int(seconds + 1e-6))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def iso_duration(seconds: float) -> str:
    """An ISO 8601 duration for ``<time datetime>``: "PT1H2M3S"."""
    total = max(0, int(seconds + 1e-6))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + f"{secs}S"


def _seconds_attr(value: float) -> str:
    """Seconds for a data attribute or a media fragment: at most three decimals, no trailing zeros."""
    text = f"{max(0.0, float(value)):.3f}".rstrip("0").rstrip(".")
    return text or "0"


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{max(1, round(size / 1e3))} kB"


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
"""English month names, whatever the process's locale (strftime's %B follows LC_TIME)."""


def _long_date(text: str | None) -> tuple[str, str] | None:
    """(ISO date, "5 March 2024") for an ISO 8601 date or date-time; None when there is none."""
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text.strip()).date()
    except ValueError:
        try:
            when = date.fromisoformat(text.strip()[:10])
        except ValueError:
            return None
    return when.isoformat(), f"{when.day} {_MONTHS[when.month - 1]} {when.year}"


def _http_url(url: str | None) -> str:
    """``url`` if it is an absolute http(s) URL without spaces or control characters, else "" (never a
    javascript: link)."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)  # it ignores leading control characters: they are refused below
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https") or not parts.netloc or re.search(r"\s", url) or _NOT_HTML.search(url):
        return ""
    return url


def _article_url(record: EpisodeRecord) -> str:
    return _http_url(record.url) or _http_url(record.source)


def _site_name(record: EpisodeRecord) -> str:
    if record.site and record.site.strip():
        return record.site.strip()
    url = _article_url(record)
    return urlsplit(url).hostname or "" if url else ""


def _file_href(name: str) -> str:
    """A file of the episode's own folder, as a relative URL."""
    return quote(name)


def _image_href(image: str, prefix: str = "") -> str:
    """The show's image: an absolute http(s) URL as it is, a file name of the output folder relative."""
    image = _NOT_HTML.sub("", image or "").strip()  # a lone surrogate cannot be quoted
    if not image:
        return ""
    if "://" in image or image.startswith("//"):
        return _http_url(image)
    return prefix + quote(image.lstrip("/"))


def _podcast_app_url(url: str) -> str:
    """The feed as a ``podcast://`` link, which podcast apps (Apple Podcasts and others) register for."""
    return "podcast://" + re.sub(r"^https?://", "", url)


# --- the text, sentence by sentence -------------------------------------------------------------------


@dataclass
class Sentence:
    """One written sentence and where it is spoken in the audio."""

    text: str
    start: float
    end: float
    index: int = 0
    """Its position among the page's sentences (the element id is ``s<index>``)."""
    voice: str = ""
    """The preset that spoke it, in an episode with a quotation voice (``data-voice``); else ""."""


@dataclass
class TextBlock:
    kind: str
    """"paragraph" or "heading"."""
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class TextSection:
    heading: TextBlock | None
    blocks: list[TextBlock] = field(default_factory=list)
    id: str = ""


def _add_sentences(target: list[Sentence], chunk: ChunkInfo, voices: bool = False) -> None:
    """Append a chunk's sentences; the later parts of an over-long sentence (written text "") lengthen
    the sentence they continue instead of making a new one."""
    sentences: list[dict[str, Any]] = list(chunk.sentences)
    if not sentences:  # a chunk without sentence timings: the chunk as one sentence
        sentences = [{"text": chunk.text, "start": chunk.start, "end": chunk.start + chunk.duration}]
    for said in sentences:
        text = str(said.get("text") or "")
        start, end = float(said.get("start", 0.0)), float(said.get("end", 0.0))
        if not text.strip():
            if target:
                target[-1].end = max(target[-1].end, end)
                continue
            text = str(said.get("spoken") or "")
            if not text.strip():
                continue
        voice = str(said.get("preset") or "") if voices else ""
        target.append(Sentence(text.strip(), start, max(start, end), voice=voice))


def page_text(record: EpisodeRecord) -> tuple[list[Sentence], list[TextSection]]:
    """The spoken intro's sentences, and the article's text as sections of paragraphs of sentences.

    Paragraph and heading chunks make the text (a heading opens a section); chunks of one block (a
    long paragraph cut in several chunks) make one paragraph. Intro, outro and music are not text; the
    intro is returned apart so the page can show it as a small line.
    """
    intro: list[Sentence] = []
    sections: list[TextSection] = [TextSection(heading=None)]
    current: TextBlock | None = None
    current_block = None
    voices = bool(record.voice.get("quote_preset"))
    for chunk in record.chunks:
        if chunk.kind == "intro":
            _add_sentences(intro, chunk, voices)
            continue
        if chunk.kind not in _TEXT_KINDS:
            current = None
            continue
        if current is None or chunk.first_in_block or chunk.block != current_block or chunk.kind != current.kind:
            current = TextBlock(chunk.kind)
            current_block = chunk.block
            if chunk.kind == "heading":
                sections.append(TextSection(heading=current))
            else:
                sections[-1].blocks.append(current)
        _add_sentences(current.sentences, chunk, voices)
    index = 0
    for sentence in intro:
        sentence.index = index
        index += 1
    for number, section in enumerate(sections):
        section.id = f"section-{number}"
        blocks = ([section.heading] if section.heading else []) + section.blocks
        for block in blocks:
            for sentence in block.sentences:
                sentence.index = index
                index += 1
    kept = [s for s in sections if s.heading is not None or s.blocks]
    return intro, kept


# --- the pages ----------------------------------------------------------------------------------------


def _episode_context(record: EpisodeRecord, show: ShowConfig) -> dict[str, Any]:
    files = record.files
    downloads = [("MP3", _file_href(record.audio.file), _megabytes(record.audio.bytes), True)]
    for key, label in (("vtt", "Transcript (WebVTT)"), ("srt", "Transcript (SubRip)"),
                       ("transcript_json", "Transcript (JSON)"), ("chapters_json", "Chapters (JSON)")):
        if files.get(key):
            downloads.append((label, _file_href(files[key]), "", False))
    chapters = [
        {"title": str(c.get("title") or ""), "start": float(c.get("start", 0.0)), "end": float(c.get("end", 0.0))}
        for c in record.chapters
    ]
    return {
        "record": record,
        "show": show,
        "title": record.title.strip() or record.slug,
        "author": (record.author or "").strip(),
        "date": _long_date(record.date) or _long_date(record.published),
        "site": _site_name(record),
        "article_url": _article_url(record),
        **_languages(episode_language(record.language, show.language), show),
        "audio_href": _file_href(record.audio.file),
        "vtt_href": _file_href(files["vtt"]) if files.get("vtt") else "",
        "duration": record.audio.duration,
        "chapters": chapters,
        "downloads": downloads,
        "feed_url": feed_url(show),
    }


def episode_page(record: EpisodeRecord, show: ShowConfig) -> str:
    """The HTML of ``OUT/episodes/<slug>/index.html``: player, chapters, downloads, then the text.

    ``record`` should have its details (:func:`narrate.publish.catalog.load_episode`): without them the page
    has the player and the episode's description, but no text to follow.
    """
    intro, sections = page_text(record)
    return _render(
        "episode.html",
        static="../../static/",
        home="../../",
        intro=intro,
        sections=sections,
        description=(record.description or "").strip(),
        **_episode_context(record, show),
    )


def player_snippet(record: EpisodeRecord, show: ShowConfig) -> str:
    """A self-contained ``<div>`` to paste into a CMS: the audio with its captions track, a download
    link, the chapters, and ``static/embed.js``.

    Every URL is absolute (the show's base_url) and the style is inline, so that it works on the
    publisher's own site. The audio and its track load across origins (``crossorigin="anonymous"``:
    the host sends ``Access-Control-Allow-Origin``). A CMS that strips ``<script>`` and ``<style>``
    keeps it working: chapter links then open the MP3 at their time (``#t=``); with the script they
    seek the player in place. ``show.embed_read_along`` adds a line under the player that shows the
    caption being spoken.
    """
    chapters = [
        {"title": str(c.get("title") or ""), "start": float(c.get("start", 0.0))} for c in record.chapters
    ]
    return _render(
        "snippet.html",
        **_languages(episode_language(record.language, show.language), show),
        record=record,
        show=show,
        title=record.title.strip() or record.slug,
        audio_url=episode_url(show, record),
        transcript_url=episode_file_url(show, record, record.files["vtt"]) if record.files.get("vtt") else "",
        page_url=episode_file_url(show, record, ""),
        script_url=_embed_script_url(show),
        read_along=show.embed_read_along,
        chapters=chapters if len(chapters) > 1 else [],
        duration=record.audio.duration,
        size=_megabytes(record.audio.bytes),
    ).strip()


def _embed_script_url(show: ShowConfig) -> str:
    """The absolute URL of ``static/embed.js`` at the show's base_url."""
    return urljoin(feed_url(show), f"{STATIC_DIR}/{EMBED_SCRIPT}")


def _origin(url: str) -> str:
    """``scheme://host[:port]`` of an http(s) URL, for a CSP source; ``'none'`` when it is not one."""
    parts = urlsplit(_http_url(url))
    try:
        host, port = parts.hostname or "", parts.port
        host = host if host.isascii() else host.encode("idna").decode("ascii")  # a CSP source is ASCII
    except (ValueError, UnicodeError):
        return "'none'"
    if not host or not re.fullmatch(r"[a-z0-9.\-]+|[0-9a-f:.]+", host):
        return "'none'"
    host = f"[{host}]" if ":" in host else host
    return f"{parts.scheme}://{host}" + (f":{port}" if port is not None else "")


def player_page(record: EpisodeRecord, show: ShowConfig) -> str:
    """``player.html``: the snippet alone in a minimal page (it can be opened, framed, or copied)."""
    return _render(
        "player.html",
        csp=PLAYER_CSP.format(origin=_origin(_embed_script_url(show))),
        snippet=Markup(player_snippet(record, show)),  # nosec B704 # rendered by the autoescaping snippet.html
        title=record.title.strip() or record.slug,
        language=episode_language(record.language, show.language),
        marker_start=Markup(_SNIPPET_MARKER_START),  # nosec B704 # a constant HTML comment
        marker_end=Markup(_SNIPPET_MARKER_END),  # nosec B704 # a constant HTML comment
    )


def show_page(show: ShowConfig, records: Sequence[EpisodeRecord]) -> str:
    """The HTML of ``OUT/index.html``: cover, description, subscribe links, episodes newest first."""
    page_language = _show_language(show)
    episodes = []
    for record in sorted(records, key=lambda r: (r.published, r.slug), reverse=True):
        folder = f"episodes/{quote(record.slug)}/"
        language = episode_language(record.language, page_language)
        episodes.append(
            {
                "title": record.title.strip() or record.slug,
                "page": folder,
                "audio_href": folder + quote(record.audio.file),
                "published": _long_date(record.date) or _long_date(record.published),
                "duration": record.audio.duration,
                "author": (record.author or "").strip(),
                "site": _site_name(record),
                "description": (record.description or "").strip(),
                "lang": _lang_if_other(language, page_language),
                "ui": _lang_if_other(UI_LANGUAGE, language),
            }
        )
    url = feed_url(show)
    return _render(
        "show.html",
        show=show,
        static="static/",
        home="./",
        **_languages(page_language, show),
        cover=_image_href(show.image),
        feed_url=url,
        app_url=_podcast_app_url(url),
        episodes=episodes,
        link=_http_url(show.link),
    )


# --- the original page with narrate's player ----------------------------------------------------------

_BODY_CANDIDATES = (
    "//*[@itemprop='articleBody']",
    "//article//*[contains(concat(' ', normalize-space(@class), ' '), ' entry-content ')]",
    (
        "//article//*[contains(@class, 'article-body') or contains(@class, 'article__body')"
        " or contains(@class, 'post-content') or contains(@class, 'story-body')]"
    ),
    "//article",
    "//main",
    "//*[@role='main']",
)


def _text_of(element: etree._Element) -> str:
    parts = []
    for node in element.iter():
        if isinstance(node.tag, str) and node.tag.lower() in ("script", "style", "template", "noscript"):
            continue
        if isinstance(node.tag, str) and node.text:
            parts.append(node.text)
        if node is not element and node.tail:
            parts.append(node.tail)
    return " ".join(" ".join(parts).split())


def _article_anchor(root: etree._Element) -> tuple[etree._Element, int] | None:
    """Where the snippet goes in a page without a player: before the article body's first paragraph."""
    container = _article_body(root)
    if container is None:
        return None
    for paragraph in container.iter("p"):
        if len(_text_of(paragraph)) >= 40:
            parent = paragraph.getparent()
            return parent, parent.index(paragraph)
    return container, len(container)


def _article_body(root: etree._Element) -> etree._Element | None:
    for xpath in _BODY_CANDIDATES:
        found = root.xpath(xpath)
        if found:
            return found[0]
    return None


_PHRASING = {"p", "span", "a", "strong", "em", "b", "i", "small", "label", "font", "h1", "h2", "h3", "h4", "h5", "h6"}
"""Elements a ``<div>`` cannot sit in: a stub inside one (a script in a paragraph of text) gets the
player after it instead."""


def _stub_place(root: etree._Element, stubs: list[Stub]) -> etree._Element | None:
    """Put a slot where the page's player stub is and take every stub out; the slot, or None when
    the page has no stub to put the player in.

    The player goes where the first stub that shows a place is (a container, a frame, the stub's
    text, with the wrapper that holds nothing else), else where the first of the vendor's scripts
    inside the article is (BeyondWords' script renders its player where it stands). A stub inside a
    paragraph that has other text gets the player after that paragraph.
    """
    body = _article_body(root)
    in_article = [s for s in stubs if body is not None and body in s.element.iterancestors()]
    chosen = next((s for s in stubs if s.placeholder), None) or next(iter(in_article), None)
    for stub in stubs:
        if stub is not chosen:
            drop_element(stub.element)
    if chosen is None:
        return None
    slot = etree.Element("narrate-player-slot")
    outer = chosen.element
    while outer.getparent() is not None and _tag_of(outer.getparent()) in _PHRASING:
        outer = outer.getparent()
    outer.addnext(slot)
    slot.tail, outer.tail = outer.tail, None
    drop_element(chosen.element)
    return slot


def _tag_of(element: etree._Element) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def page_with_player(
    original_html: str, record: EpisodeRecord, show: ShowConfig, *, keep_scripts: bool = False
) -> str | None:
    """A copy of the article's original page with narrate's player where the page's own player was.

    The page's player stubs (:func:`narrate.text.players.find_stubs`: a vendor's container,
    script, frame or stub text, with the wrapper that holds nothing else) are taken out, and
    :func:`player_snippet` takes the place of the first: between the same paragraphs. Every other
    script, stylesheet or frame of a player vendor (Trinity Audio, BeyondWords/SpeechKit, Instaread,
    ElevenLabs, the Amazon Polly plugin) goes too, inline scripts that mention them included:
    nothing of the old player can run.

    The page's own scripts go as well, unless ``keep_scripts``: every ``<script>``, event handler
    (``onerror``, ``onload``, …), ``javascript:`` URL, ``<iframe srcdoc>``, ``<object>``,
    ``<embed>`` and ``<meta http-equiv=refresh>`` (:func:`narrate.publish.sanitise.without_scripts`), and
    a Content-Security-Policy meta lets only the snippet's own scripts run. Styles, stylesheets and
    images stay. With ``keep_scripts`` (``[pages] article_scripts = "keep"``, for a copy on the
    article's own site) the page's scripts stay, as on the original site.

    A page without a player stub gets the snippet at the top of its article body (before the
    first real paragraph of ``itemprop=articleBody``, ``.entry-content``, ``<article>`` or
    ``<main>``). None when there is neither a player nor an article body to put it in.

    When the article's URL is known, a ``<base href>`` makes the page's own relative links,
    stylesheets and images resolve to the original site (the page's in-page ``#`` links are made to
    point at this copy). The page is written in UTF-8 whatever its original charset, and a
    Content-Security-Policy meta of the original (meant for its own origin) is dropped, since it
    would block our audio.
    """
    if not original_html or not original_html.strip():
        return None
    try:
        root = lxml.html.document_fromstring(
            original_html.encode("utf-8", "surrogatepass"), parser=lxml.html.HTMLParser(encoding="utf-8")
        )
    except (etree.ParserError, ValueError):
        return None
    snippet = lxml.html.fragment_fromstring(player_snippet(record, show))

    slot = _stub_place(root, find_stubs(root))
    if slot is None:
        anchor = _article_anchor(root)
        if anchor is None:
            return None
        parent, index = anchor
        slot = etree.Element("narrate-player-slot")
        parent.insert(index, slot)

    for element in [el for el in root.iter() if is_vendor_element(el)]:
        drop_element(element)

    head = root.find("head")
    if head is None:
        head = etree.Element("head")
        root.insert(0, head)
    for meta in list(head.iter("meta")):
        equiv = (meta.get("http-equiv") or "").lower()
        if meta.get("charset") is not None or equiv in ("content-type", "content-security-policy"):
            drop_element(meta)
    if not keep_scripts:
        without_scripts(root)
    snippet.tail = slot.tail
    slot.getparent().replace(slot, snippet)
    url = _article_url(record)
    if url:
        bases = root.findall(".//base")
        href = urljoin(url, bases[0].get("href") or "") if bases and bases[0].get("href") else url
        for base in bases:
            drop_element(base)
        head.insert(0, etree.Element("base", href=href))
        here = episode_file_url(show, record, ARTICLE_PAGE)
        for link in root.iter("a"):
            target = link.get("href") or ""
            if target.startswith("#"):
                link.set("href", here + target)
    if not keep_scripts:
        policy = {"http-equiv": "Content-Security-Policy", "content": script_policy(snippet)}
        head.insert(0, etree.Element("meta", policy))
    head.insert(0, etree.Element("meta", charset="utf-8"))
    if not any("icon" in (link.get("rel") or "").lower().split() for link in head.iter("link")):
        head.append(etree.Element("link", rel="icon", href="data:image/x-icon;,"))  # else the browser asks narrate's host

    doctype = root.getroottree().docinfo.doctype or "<!DOCTYPE html>"
    return lxml.html.tostring(root, encoding="unicode", method="html", doctype=doctype) + "\n"


# --- writing ------------------------------------------------------------------------------------------


def _write(path: Path, text: str | bytes) -> Path:
    """Write atomically, unless the file already holds exactly this (its date stays, and so do caches)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        if path.read_bytes() == data:
            return path
    except OSError:
        pass
    write_bytes_atomic(path, data)
    return path


def write_episode_pages(
    out_dir: Path, record: EpisodeRecord, show: ShowConfig, original_html: str | None = None, *,
    keep_scripts: bool = False,
) -> list[Path]:
    """Write an episode's pages: ``index.html``, ``player.html`` and, for an HTML article whose page
    has a player or an article body, ``article.html`` (without the page's scripts unless
    ``keep_scripts``: :func:`page_with_player`). Returns their paths."""
    folder = record.folder(Path(out_dir))
    paths = [
        _write(folder / EPISODE_PAGE, episode_page(record, show)),
        _write(folder / PLAYER_PAGE, player_page(record, show)),
    ]
    if original_html:
        page = page_with_player(original_html, record, show, keep_scripts=keep_scripts)
        if page is not None:
            paths.append(_write(folder / ARTICLE_PAGE, page))
    return paths


def refresh_episode_pages(out_dir: Path, record: EpisodeRecord, show: ShowConfig) -> list[Path]:
    """Write an episode's pages again for ``show`` as it is now (its base_url changed, say).

    ``index.html`` and ``player.html`` are made afresh. The article's original page is not kept, so
    ``article.html`` is updated where narrate wrote into it: its player snippet is replaced by a new
    one and its in-page links, which point at the copy itself, are pointed at the copy's new address.
    ``record`` should have its details (:func:`narrate.publish.catalog.load_episode`).
    """
    folder = record.folder(Path(out_dir))
    paths = write_episode_pages(out_dir, record, show)
    article = folder / ARTICLE_PAGE
    try:
        old = article.read_text(encoding="utf-8")
    except FileNotFoundError:
        return paths
    page = update_page_with_player(old, record, show)
    if page is not None:
        paths.append(_write(article, page))
    return paths


def update_page_with_player(page_html: str, record: EpisodeRecord, show: ShowConfig) -> str | None:
    """``article.html`` as :func:`page_with_player` wrote it, with the player snippet and the page's
    links to itself made for ``show`` as it is now. None when the page holds no narrate player."""
    try:
        root = lxml.html.document_fromstring(
            page_html.encode("utf-8", "surrogatepass"), parser=lxml.html.HTMLParser(encoding="utf-8")
        )
    except (etree.ParserError, ValueError):
        return None
    players = root.xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' narrate-player ')]")
    if not players:
        return None
    snippet = lxml.html.fragment_fromstring(player_snippet(record, show))
    old = players[0]
    snippet.tail = old.tail
    old.getparent().replace(old, snippet)
    set_policy(root, snippet)
    here = episode_file_url(show, record, ARTICLE_PAGE)
    to_itself = f"/{quote(record.slug)}/{ARTICLE_PAGE}#"
    for link in root.iter("a"):
        target = link.get("href") or ""
        if to_itself in target and _http_url(target.split("#", 1)[0]):
            link.set("href", here + "#" + target.split("#", 1)[1])
    doctype = root.getroottree().docinfo.doctype or "<!DOCTYPE html>"
    return lxml.html.tostring(root, encoding="unicode", method="html", doctype=doctype) + "\n"


def static_files() -> dict[str, bytes]:
    """The pages' stylesheet and script, as shipped in the package (``narrate/static``)."""
    root = resources.files("narrate.publish") / STATIC_DIR
    return {name: (root / name).read_bytes() for name in STATIC_FILES}


def write_pages(out_dir: Path, show: ShowConfig, records: Sequence[EpisodeRecord]) -> list[Path]:
    """Write ``OUT/index.html`` and copy the stylesheet and script to ``OUT/static/``; returns the paths.

    A show without an image uses ``cover.png`` of the output folder when there is one (the cover the
    build draws for it).
    """
    out = Path(out_dir)
    if not (show.image or "").strip() and (out / DEFAULT_COVER).is_file():
        show = replace(show, image=DEFAULT_COVER)
    paths = [_write(out / STATIC_DIR / name, data) for name, data in static_files().items()]
    paths.append(_write(out / SHOW_PAGE, show_page(show, records)))
    return paths
