"""What ``narrate batch SOURCE`` narrates: a folder of articles, a manifest, or an RSS/Atom feed.

:func:`read_batch_source` turns SOURCE into a list of :class:`BatchItem`, one per article, each with
a :attr:`~BatchItem.key` that is the same on every run (the batch runner's job record is keyed by
it) and per-article overrides. Nothing is narrated here and, except for feeds, nothing is read
beyond what is needed to list the articles:

* **A folder**: every article file in it *and in its subfolders*, by suffix (:data:`ARTICLE_SUFFIXES`,
  any case), in natural path order (``part-2`` before ``part-10``; a folder's files sort with its
  name). Recursive because articles are often kept by site, month or series in subfolders, and the
  order stays stable because it depends on the paths alone. Skipped: hidden files and folders
  (``.name``), symbolic links to folders (no loops), and any folder that is narrate's own output
  (an ``episodes/`` folder with ``episode.json`` sidecars, or with a ``feed.xml`` beside it), whose
  episode pages are HTML files too.
* **A manifest**: ``.csv`` (a header row; columns :data:`MANIFEST_COLUMNS`; UTF-8 with or without a
  BOM; ``;`` or tab separated when the header has no comma) or ``.jsonl``/``.ndjson`` (one JSON
  object per line with the same keys). Each row names one article by ``path``, ``url`` or
  ``source`` (either); relative paths, voice preset paths and Piper model paths (``piper:PATH``)
  are relative to the manifest's folder. Listed files must exist. Two rows naming the same article are an error naming both lines
  (a manifest is written by hand; a repeat is almost always a slip, and keeping either row's
  overrides silently would be a guess). Every problem is a :class:`ConfigError` naming the
  manifest and the line.
* **An RSS or Atom feed**: a file (``.xml``, ``.rss``, ``.atom``, or any file whose root element is
  ``rss``, ``feed`` or ``rdf:RDF``) or an http(s) URL whose answer is a feed (by media type, or by
  its root element whatever the server calls it). One item per entry, in the feed's order; an entry
  whose content (``content:encoded``, Atom ``content``, or the summary) has at least
  :data:`FULL_TEXT_WORDS` words carries it as an HTML :class:`SourceDocument`; other entries are
  read from their link at narration time (relative links are resolved against the feed's URL).
  Left out: entries that repeat an earlier entry's identity, and entries with neither a link nor
  any text (a feed is someone else's; refusing it would leave the user nothing to fix). Dates are
  the day as written in the feed, not moved to UTC (feedparser's ``*_parsed`` fields are UTC).
* **Anything else**: a single article file, or a URL whose answer is not a feed (an HTML page),
  is one item.

Every failure is one line naming the source: :class:`InputError`, or :class:`ConfigError` for a
manifest's content.
"""

from __future__ import annotations

import csv
import email.utils
import hashlib
import html
import io
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import ConfigError, InputError
from ..publish.catalog import EPISODES_DIR, SIDECAR_NAME
from ..text.fetch import ARTICLE_TYPES, FetchLimits, fetch_url
from ..text.intake import STDIN, IntakeLimits, SourceDocument, is_url, read_file_bytes
from ..text.language import canonical

__all__ = [
    "ARTICLE_SUFFIXES",
    "FEED_TYPES",
    "FULL_TEXT_WORDS",
    "MANIFEST_COLUMNS",
    "BatchItem",
    "read_batch_source",
]

ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml")
"""The files of a folder that are articles (compared without regard to case)."""
FEED_SUFFIXES = (".xml", ".rss", ".atom")
CSV_SUFFIXES = (".csv",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
MANIFEST_COLUMNS = ("path", "url", "source", "title", "author", "date", "voice", "language")
"""The columns of a CSV manifest and the keys of a JSONL manifest's objects."""
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/x-rss+xml",
        "application/xml",
        "text/xml",
    }
)
"""Media types of an answer that is read as a feed (other answers are sniffed for a feed root)."""
FULL_TEXT_WORDS = 100
"""A feed entry's content with at least this many words is the article; shorter is a teaser."""

_SOURCE_COLUMNS = ("path", "url", "source")
_FEED_ROOT = re.compile(
    rb"^(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<(?:[\w.-]+:)?(rss|feed|RDF)\b", re.DOTALL | re.IGNORECASE
)
_LOOKS_LIKE_PATH = re.compile(r"[/\\]|\.toml$", re.IGNORECASE)
"""A voice given as a path rather than a preset name (the rule of narrate.speech.voices.load_preset)."""
_ENGINE_VOICE = re.compile(r"(?i)(hibari|piper|gtts|espeak):")
"""A voice given as ENGINE:VOICE (hibari:fenrir, gtts:fr…), not a preset."""
_PIPER_PATH = re.compile(r"(?i)piper:(.*(?:[/\\].*|\.onnx))")
"""``piper:PATH``: a Piper model file rather than an installed voice's name."""
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
"""C0 and C1 control characters: a feed's title or author holding them (``&#27;]0;…&#7;``) would reach
the terminal through ``narrate batch`` and ``narrate list`` as escape sequences."""


@dataclass(frozen=True)
class BatchItem:
    """One article of a batch, and what the batch source says about it."""

    key: str
    """Its identity in the job record, the same on every run: the resolved absolute path of a file;
    the URL (as given) of a URL; for a feed entry ``"<feed URL or resolved feed path>#<entry guid,
    else link, else title>"``."""
    source: str
    """What to read when :attr:`document` is ``None``: an absolute path or an http(s) URL. With a
    document it is the entry's link (or, for an entry without one, the key) and need not be read."""
    document: SourceDocument | None = None
    """The article itself when the source carried it (a feed entry's full content, as an HTML page
    with ``origin`` = the entry's link or the key and ``url`` = the entry's link)."""
    title: str | None = None
    """Overrides; ``None``: found from the article."""
    author: str | None = None
    date: str | None = None
    """ISO 8601 ``YYYY-MM-DD``, the date as written (a time zone does not move it to another day)."""
    voice: str | None = None
    """A voice as ``--voice`` takes it: a preset name, the absolute path of a preset file, a hibari
    voice, or ENGINE:VOICE (a Piper model's path made absolute)."""
    language: str | None = None
    """The article's language as the manifest gives it (a language tag); ``None``: as it declares, or detected."""


def read_batch_source(source: str | Path, *, limits: IntakeLimits = IntakeLimits()) -> list[BatchItem]:
    """The articles that ``narrate batch SOURCE`` narrates, in order; never empty.

    Raises :class:`InputError` (or :class:`ConfigError` for a bad manifest) with one line naming
    the source.
    """
    if not isinstance(source, Path):
        text = str(source)
        if text == STDIN:
            raise InputError(
                "-: batch cannot read standard input; give a folder, a manifest (.csv, .jsonl), a feed or a URL"
            )
        if is_url(text.strip()):
            return _from_url(text.strip(), limits)
        if not text.strip():
            raise InputError("batch needs a source: a folder, a manifest (.csv, .jsonl), a feed or a URL")
    path = Path(source).expanduser()
    _stat(path)
    if path.is_dir():
        return _from_folder(path)
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return _from_manifest(path, _csv_rows(path, _read_manifest(path, limits)))
    if suffix in JSONL_SUFFIXES:
        return _from_manifest(path, _jsonl_rows(path, _read_manifest(path, limits)))
    if suffix in ARTICLE_SUFFIXES:
        return [_file_item(path)]
    data = read_file_bytes(path, limits.max_bytes)
    if suffix in FEED_SUFFIXES or _looks_like_feed(data):
        return _from_feed(data, feed_id=str(path.resolve()), label=str(path), base_url=None)
    return [_file_item(path)]


# --- files and folders -------------------------------------------------------------------------


def _stat(path: Path) -> os.stat_result:
    try:
        return path.stat()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or folder") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _file_item(path: Path) -> BatchItem:
    resolved = str(path.resolve())
    return BatchItem(key=resolved, source=resolved)


def _from_folder(root: Path) -> list[BatchItem]:
    if _is_output_folder(root):
        raise InputError(f"{root}: is narrate's output folder (episodes and feed), not a folder of articles")

    def refuse(exc: OSError) -> None:
        where = exc.filename or root
        raise InputError(f"{where}: cannot be read ({exc.strerror or exc})")

    found: list[Path] = []
    for folder, subfolders, files in os.walk(root, onerror=refuse):  # symbolic links to folders not followed
        here = Path(folder)
        subfolders[:] = [d for d in subfolders if not d.startswith(".") and not _is_output_folder(here / d)]
        found.extend(
            here / name
            for name in files
            if not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES) and (here / name).is_file()
        )
    found.sort(key=lambda p: [_natural(part) for part in p.relative_to(root).parts])
    items: dict[str, BatchItem] = {}
    for path in found:  # two links to one file are one article
        item = _file_item(path)
        items.setdefault(item.key, item)
    if not items:
        raise InputError(f"{root}: holds no article files (.txt, .md, .html)")
    return list(items.values())


def _natural(name: str) -> tuple[Any, ...]:
    """Sort key: digits by value, letters without regard to case, then the name itself."""
    pieces = re.split(r"(\d+)", name.casefold())
    return (tuple(int(p) if i % 2 else p for i, p in enumerate(pieces)), name)


def _is_output_folder(folder: Path) -> bool:
    episodes = folder / EPISODES_DIR
    if not episodes.is_dir():
        return False
    return (folder / "feed.xml").is_file() or any(episodes.glob(f"*/{SIDECAR_NAME}"))


# --- manifests ---------------------------------------------------------------------------------

Row = tuple[int, dict[str, str | None]]
"""A manifest row: its line number, and its values by column (``None`` for an empty cell)."""


def _read_manifest(path: Path, limits: IntakeLimits) -> str:
    data = read_file_bytes(path, limits.max_bytes, ConfigError)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ConfigError(f"{path}: line {line}: not UTF-8 text (save the manifest as UTF-8)") from None


def _unknown(path: Path, what: str, name: str, line: int | None = None) -> ConfigError:
    where = f"{path}: line {line}:" if line is not None else f"{path}:"
    return ConfigError(f"{where} unknown {what} '{name}' (known {what}s: {', '.join(MANIFEST_COLUMNS)})")


def _csv_rows(path: Path, text: str) -> Iterator[Row]:
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = "," if "," in first or not (";" in first or "\t" in first) else (";" if ";" in first else "\t")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    line = 0
    try:
        for cells in reader:
            start, line = line + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if header is None:
                header = [cell.strip().lower() for cell in cells]
                for name in header:
                    if name and name not in MANIFEST_COLUMNS:
                        raise _unknown(path, "column", name)
                    if name and header.count(name) > 1:
                        raise ConfigError(f"{path}: column '{name}' appears twice in the header")
                continue
            if len(cells) > len(header):
                raise ConfigError(
                    f"{path}: line {start}: {len(cells)} fields, but the header names {len(header)} columns"
                )
            row: dict[str, str | None] = {}
            for name, cell in zip(header, cells):
                if not name:
                    if cell.strip():
                        raise ConfigError(f"{path}: line {start}: '{cell.strip()}' is in a column with no name")
                    continue
                row[name] = cell.strip() or None
            yield start, row
    except csv.Error as exc:
        raise ConfigError(f"{path}: line {reader.line_num}: not valid CSV ({exc})") from None
    if header is None:
        raise ConfigError(f"{path}: is empty (a manifest needs a header row such as: path,title,author,date)")


def _jsonl_rows(path: Path, text: str) -> Iterator[Row]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{path}: line {number}: not valid JSON ({exc.msg} at column {exc.colno})") from None
        if not isinstance(value, dict):
            raise ConfigError(
                f"{path}: line {number}: expected a JSON object such as {{\"path\": \"article.md\"}}, "
                f"not {_json_kind(value)}"
            )
        row: dict[str, str | None] = {}
        for key, item in value.items():
            name = key.strip().lower()
            if name not in MANIFEST_COLUMNS:
                raise _unknown(path, "key", key, number)
            if item is not None and not isinstance(item, str):
                raise ConfigError(f"{path}: line {number}: '{key}' must be text, not {_json_kind(item)}")
            row[name] = (item.strip() or None) if isinstance(item, str) else None
        yield number, row


def _json_kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null"


def _from_manifest(path: Path, rows: Iterator[Row]) -> list[BatchItem]:
    folder = path.resolve().parent
    items: list[BatchItem] = []
    lines: dict[str, int] = {}
    for line, row in rows:
        where = f"{path}: line {line}"
        item = _manifest_item(row, folder, where)
        if item.key in lines:
            raise ConfigError(f"{path}: lines {lines[item.key]} and {line} name the same article ({item.key})")
        lines[item.key] = line
        items.append(item)
    if not items:
        raise ConfigError(f"{path}: lists no articles")
    return items


def _manifest_item(row: dict[str, str | None], folder: Path, where: str) -> BatchItem:
    given = [(name, value) for name in _SOURCE_COLUMNS if (value := row.get(name))]
    if not given:
        raise ConfigError(f"{where}: names no article (give a path or a url)")
    if len(given) > 1:
        names = " and ".join(f"a {name}" for name, _ in given)
        raise ConfigError(f"{where}: gives {names}; give one article per line")
    column, value = given[0]
    kind = ("url" if is_url(value) else "path") if column == "source" else column
    if kind == "url":
        if not is_url(value) or urlsplit(value).scheme.lower() not in ("http", "https"):
            raise ConfigError(f"{where}: url '{value}' is not an http:// or https:// URL")
        key = value
    else:
        if is_url(value):
            raise ConfigError(f"{where}: path '{value}' is a URL (put it in the url column)")
        file = folder / Path(value).expanduser()
        if not file.exists():
            raise ConfigError(f"{where}: no such file {file}")
        if file.is_dir():
            raise ConfigError(f"{where}: {file} is a folder, not an article file")
        key = str(file.resolve())
    when = row.get("date")
    iso = _iso_date(when) if when else None
    if when and iso is None:
        raise ConfigError(f"{where}: date '{when}' is not a date (write it as YYYY-MM-DD)")
    voice = row.get("voice")
    piper_model = _PIPER_PATH.fullmatch(voice.strip()) if voice else None
    if piper_model is not None:  # a Piper model's path, relative to the manifest like a preset's
        model = folder / Path(piper_model.group(1)).expanduser()
        if not model.is_file():
            raise ConfigError(f"{where}: piper model {model} does not exist")
        voice = f"piper:{model.resolve()}"
    elif voice and _ENGINE_VOICE.match(voice.strip()):
        voice = voice.strip()
    elif voice and _LOOKS_LIKE_PATH.search(voice):
        preset = folder / Path(voice).expanduser()
        if not preset.is_file():
            raise ConfigError(f"{where}: voice preset file {preset} does not exist")
        voice = str(preset.resolve())
    language = row.get("language")
    if language and canonical(language) is None:
        raise ConfigError(f"{where}: language '{language}' is not a language tag (write e.g. es, fr or pt-BR)")
    return BatchItem(
        key=key, source=key, title=row.get("title"), author=row.get("author"), date=iso, voice=voice,
        language=canonical(language) if language else None,
    )


# --- feeds -------------------------------------------------------------------------------------


def _looks_like_feed(data: bytes) -> bool:
    head = data[:4096]
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            head = head[2:].decode(codec, "ignore").encode("utf-8")
    return _FEED_ROOT.match(head.removeprefix(b"\xef\xbb\xbf")) is not None


def _from_url(url: str, limits: IntakeLimits) -> list[BatchItem]:
    fetch_limits = FetchLimits(**{**limits.fetch.__dict__, "max_bytes": limits.max_bytes})
    fetched = fetch_url(url, fetch_limits, accept=FEED_TYPES | ARTICLE_TYPES, wanted="an article or a feed")
    if fetched.content_type in FEED_TYPES or _looks_like_feed(fetched.content):
        return _from_feed(fetched.content, feed_id=url, label=url, base_url=fetched.url)
    return [BatchItem(key=url, source=url)]


def _from_feed(data: bytes, *, feed_id: str, label: str, base_url: str | None) -> list[BatchItem]:
    import feedparser

    headers = {"content-location": base_url} if base_url else None  # the base of relative links
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({_first_line(problem)})" if problem else ""
        raise InputError(f"{label}: is not an RSS or Atom feed{detail}")
    if not parsed.entries:
        raise InputError(f"{label}: the feed has no entries")
    feed = parsed.feed
    language = feed.get("language")
    atom = str(parsed.get("version") or "").startswith("atom")
    feed_author = _author(feed, atom=atom)
    items: dict[str, BatchItem] = {}
    for entry in parsed.entries:
        item = _feed_item(entry, feed_id, language, feed_author, atom)
        if item is not None:
            items.setdefault(item.key, item)  # a repeated guid: the first (in a feed, usually the newest) wins
    if not items:
        raise InputError(f"{label}: no entry of the feed has a link or any text")
    return list(items.values())


def _feed_item(
    entry: Any, feed_id: str, language: str | None, feed_author: str | None, atom: bool
) -> BatchItem | None:
    """The entry as an item; ``None`` for an entry with neither a link nor any text."""
    link = entry.get("link") or None
    if link and urlsplit(link).scheme.lower() not in ("http", "https"):
        link = None  # a relative link in a feed file has nothing to be relative to
    title = _entry_title(entry)
    author = _author(entry, atom=atom) or feed_author
    when = _entry_date(entry)
    markup, words = _entry_content(entry)
    language = _entry_language(entry) or language
    if link is None and words == 0:
        return None  # nothing to read and nowhere to read it from
    identity = (entry.get("id") or "").strip() or link or title
    if not identity:
        identity = "sha256:" + hashlib.sha256(markup.encode("utf-8")).hexdigest()[:16]
    key = f"{feed_id}#{identity}"
    if words >= FULL_TEXT_WORDS or (link is None and words > 0):
        page = _entry_page(markup, title=title, author=author, date=when, link=link, language=language)
        data = page.encode("utf-8")
        document = SourceDocument(link or key, data, page, "html", "utf-8", url=link)
        return BatchItem(key=key, source=link or key, document=document, title=title, author=author, date=when)
    return BatchItem(key=key, source=link, title=title, author=author, date=when)


def _entry_language(entry: Any) -> str | None:
    """The entry's own language: RSS ``dc:language`` on the item, Atom ``xml:lang`` on its content."""
    for value in [entry.get("language")] + [c.get("language") for c in entry.get("content") or []]:
        if isinstance(value, str) and canonical(value):
            return canonical(value)
    return None


def _entry_content(entry: Any) -> tuple[str, int]:
    """The entry's longest content (HTML), and its number of words."""
    candidates = [c for c in entry.get("content") or [] if c.get("value")]
    summary = entry.get("summary_detail")
    if summary and summary.get("value"):
        candidates.append(summary)
    best, best_words = "", 0
    for candidate in candidates:
        value = candidate["value"]
        kind = (candidate.get("type") or "text/html").lower()
        markup = value if "html" in kind else _paragraphs(value)
        words = len(re.findall(r"\w+", _html_text(markup)))
        if words > best_words:
            best, best_words = markup, words
    return best, best_words


def _paragraphs(text: str) -> str:
    """Plain text as HTML paragraphs (a blank line separates them)."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    return "\n".join(f"<p>{html.escape(b)}</p>" for b in blocks)


def _entry_page(
    markup: str, *, title: str | None, author: str | None, date: str | None, link: str | None, language: str | None
) -> str:
    """A feed entry's content as a whole HTML page, with its metadata where extraction looks."""
    head = ['<meta charset="utf-8">']
    if title:
        head.append(f"<title>{html.escape(title)}</title>")
    if author:
        head.append(f'<meta name="author" content="{html.escape(author)}">')
    if date:
        head.append(f'<meta property="article:published_time" content="{date}">')
    if link:
        head.append(f'<link rel="canonical" href="{html.escape(link)}">')
    lang = f' lang="{html.escape(language)}"' if language else ""
    return (
        f"<!DOCTYPE html>\n<html{lang}>\n<head>\n" + "\n".join(head) + "\n</head>\n"
        f"<body>\n<article>\n{markup}\n</article>\n</body>\n</html>\n"
    )


def _entry_title(entry: Any) -> str | None:
    detail = entry.get("title_detail") or {}
    text = entry.get("title") or ""
    if "html" in (detail.get("type") or ""):
        text = html.unescape(re.sub(r"<[^>]*>", "", text))
    return _one_line(text) or None


def _one_line(text: str) -> str:
    """``text`` on one line: control characters become spaces, runs of white space one space."""
    return " ".join(_CONTROL.sub(" ", text).split())


def _author(node: Any, *, atom: bool) -> str | None:
    """The names of an entry's (or a feed's) authors; an e-mail address alone is not a name."""
    names: list[str] = []
    for person in node.get("authors") or []:
        name = person.get("name") or ""
        if person.get("email") and not atom:
            # feedparser splits RSS's "mail@host (Name)" itself and cuts top-level domains longer than
            # four letters ("ben@harbour.example" -> name "ple (Ben Furrow"): read the text instead.
            name = _person_name(node.get("author") or "") or ""
        name = _one_line(name)
        if name and "@" not in name and name not in names:
            names.append(name)
    if not names:
        name = _person_name(node.get("author") or "")
        names = [name] if name else []
    if not names:
        return None
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _person_name(text: str) -> str | None:
    """The name in ``Name``, ``mail@host (Name)``, ``Name (mail@host)`` or ``Name <mail@host>``."""
    text = _one_line(text)
    for pattern in (r"\S+@\S+ ?\((.*)\)", r"(.*?) ?\(\S+@\S+\)", r"(.*?) ?<\S+@\S+>"):
        match = re.fullmatch(pattern, text)
        if match:
            text = match.group(1)
            break
    text = text.strip(" \"'")
    return text if text and "@" not in text else None


def _entry_date(entry: Any) -> str | None:
    for field in ("published", "updated", "created"):
        iso = _iso_date(entry.get(field) or "")
        if iso:
            return iso
    for field in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(field)  # in UTC: only when the date as written could not be read
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    return None


# --- small helpers -----------------------------------------------------------------------------


def _iso_date(text: str) -> str | None:
    """``YYYY-MM-DD`` of a date as written (ISO 8601, RFC 822, or another common form), else None.

    A date without its year, month or day, and a numeric date that reads as two different days
    (``05/03/2024``), is None: nothing is made up.
    """
    text = text.strip()
    if not text:
        return None
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})(?![\d])", text)
    if iso:
        try:
            return date(*map(int, iso.groups())).isoformat()
        except ValueError:
            return None
    rfc822 = email.utils.parsedate_tz(text)
    if rfc822 and rfc822[0] > 0:
        try:
            return date(*rfc822[:3]).isoformat()
        except ValueError:
            return None
    numeric = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.]\d{4}", text)
    if numeric and numeric.group(1) != numeric.group(2) and max(map(int, numeric.groups())) <= 12:
        return None  # 05/03/2024: March or May?
    from dateutil import parser as date_parser

    try:  # parsed twice with different defaults: a year, month or day missing from the text differs
        one = date_parser.parse(text, default=datetime(2001, 1, 1))
        two = date_parser.parse(text, default=datetime(2002, 2, 2))
    except (ValueError, ArithmeticError):  # "1999:888…" (30 digits) raises decimal.InvalidOperation
        return None
    return one.date().isoformat() if one.date() == two.date() else None


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _html_text(markup: str) -> str:
    parser = _TextOf()
    parser.feed(markup)
    parser.close()
    return " ".join(parser.parts)


def _first_line(exc: object) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
