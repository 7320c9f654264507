"""The words that frame an article in its episode: the spoken intro ("<title>, by <author>,
published <date>, on <site>.") and outro, and the article's chunks between them.

Both are phrased in the article's language (:attr:`~narrate.models.Article.language`, dispatched on
its primary subtag): :data:`PHRASINGS` holds one :class:`Phrasing` per language, so a language is one
entry. A language without an entry gets :data:`NEUTRAL`, which says only the names, the title and
the date (written the language's way by Babel's CLDR data) and no word of any language: an episode
never hears English it was not written in. An article of unknown language is framed in English.

Dates are written as the language writes them ("12 de marzo de 2024", "1er mars 2024",
"12. März 2024"), so that the language's normaliser reads them the way a native narrator would.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..models import Article, Block, BlockKind, Chunk
from .chunk import make_chunks

__all__ = [
    "NEUTRAL",
    "PHRASINGS",
    "Phrasing",
    "episode_chunks",
    "intro_text",
    "outro_text",
    "phrasing_for",
    "spoken_date",
]


@dataclass(frozen=True)
class Phrasing:
    """How one language frames an article. Placeholders: ``{title}``, ``{author}``, ``{date}``,
    ``{site}``, ``{show}``, ``{what}``; every phrase is filled with what is known and the rest left out."""

    by: str
    """The author after the title: "by {author}"."""
    article_by: str
    """The author opening the intro (no title is read): "An article by {author}"."""
    published: str
    """The date after the title or author: "published {date}"."""
    published_first: str
    """The date opening the intro: "Published {date}"."""
    on: str
    """The site after what comes before it: "on {site}"."""
    on_first: str
    """The site opening the intro: "From {site}"."""
    heard: str
    """The outro's first sentence around what was heard: "That was {what}."."""
    heard_title_by: str
    """What was heard, with a title and an author: "{title}, by {author}"."""
    an_article: str
    """What was heard, with neither title nor author: "an article" ("" leaves the sentence out)."""
    an_article_by: str
    """What was heard, with an author but no title: "an article by {author}"."""
    listening: str
    """The outro's last sentence: "You are listening to {show}."."""
    first_of_month: str = ""
    """How the first day of a month is written when not "1": "1er" (French), "1º"."""
    elisions: tuple[tuple[str, str, str], ...] = ()
    """(word, elided, pattern): "<word> {x}" becomes "<elided>{x}" when the value of x starts with
    the regular expression ``pattern`` (French "de Anne" -> "d'Anne", Italian "il 8 marzo" -> "l'8 marzo")."""


_EN = Phrasing(
    by="by {author}",
    article_by="An article by {author}",
    published="published {date}",
    published_first="Published {date}",
    on="on {site}",
    on_first="From {site}",
    heard="That was {what}.",
    heard_title_by="{title}, by {author}",
    an_article="an article",
    an_article_by="an article by {author}",
    listening="You are listening to {show}.",
)

_VOWEL = r"[AEIOUÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆaeiouàâäéèêëîïôöùûüœæ]"

PHRASINGS: dict[str, Phrasing] = {
    "en": _EN,
    "es": Phrasing(
        by="por {author}",
        article_by="Un artículo de {author}",
        published="publicado el {date}",
        published_first="Publicado el {date}",
        on="en {site}",
        on_first="De {site}",
        heard="Acaba de escuchar {what}.",
        heard_title_by="{title}, de {author}",
        an_article="un artículo",
        an_article_by="un artículo de {author}",
        listening="Está escuchando {show}.",
    ),
    "fr": Phrasing(
        by="par {author}",
        article_by="Un article de {author}",
        published="publié le {date}",
        published_first="Publié le {date}",
        on="sur {site}",
        on_first="Sur {site}",
        heard="Vous venez d'écouter {what}.",
        heard_title_by="{title}, de {author}",
        an_article="un article",
        an_article_by="un article de {author}",
        listening="Vous écoutez {show}.",
        first_of_month="1er",
        elisions=(("de", "d'", _VOWEL),),
    ),
    "de": Phrasing(
        by="von {author}",
        article_by="Ein Artikel von {author}",
        published="veröffentlicht am {date}",
        published_first="Veröffentlicht am {date}",
        on="auf {site}",
        on_first="Auf {site}",
        heard="Das war {what}.",
        heard_title_by="{title}, von {author}",
        an_article="ein Artikel",
        an_article_by="ein Artikel von {author}",
        listening="Sie hören {show}.",
    ),
    "pt": Phrasing(  # Brazilian usage; European Portuguese is "pt-pt" below
        by="por {author}",
        article_by="Um artigo de {author}",
        published="publicado em {date}",
        published_first="Publicado em {date}",
        on="em {site}",
        on_first="De {site}",
        heard="Você ouviu {what}.",
        heard_title_by="{title}, de {author}",
        an_article="um artigo",
        an_article_by="um artigo de {author}",
        listening="Você está ouvindo {show}.",
        first_of_month="1º",
    ),
    "pt-pt": Phrasing(
        by="por {author}",
        article_by="Um artigo de {author}",
        published="publicado a {date}",
        published_first="Publicado a {date}",
        on="em {site}",
        on_first="De {site}",
        heard="Acabou de ouvir {what}.",
        heard_title_by="{title}, de {author}",
        an_article="um artigo",
        an_article_by="um artigo de {author}",
        listening="Está a ouvir {show}.",
    ),
    "it": Phrasing(
        by="di {author}",
        article_by="Un articolo di {author}",
        published="pubblicato il {date}",
        published_first="Pubblicato il {date}",
        on="su {site}",
        on_first="Da {site}",
        heard="Hai ascoltato {what}.",
        heard_title_by="{title}, di {author}",
        an_article="un articolo",
        an_article_by="un articolo di {author}",
        listening="Stai ascoltando {show}.",
        first_of_month="1º",
        elisions=(("il", "l'", r"(?:8|11)\b"),),  # l'8 marzo, l'11 marzo
    ),
}
"""The phrasing of each language with its own words, by lower-case primary subtag (a
"language-region" key, such as "pt-pt", is preferred for that region)."""

NEUTRAL = Phrasing(
    by="{author}",
    article_by="{author}",
    published="{date}",
    published_first="{date}",
    on="{site}",
    on_first="{site}",
    heard="{what}.",
    heard_title_by="{title}, {author}",
    an_article="",
    an_article_by="{author}",
    listening="{show}.",
)
"""For a language without an entry: the names, the title and the date alone, no word of any language."""

_TAG = re.compile(r"^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$")


def _subtags(language: str | None) -> list[str]:
    """The lower-case subtags of a BCP 47 tag ("pt_BR" -> ["pt", "br"]); [] for no tag."""
    tag = (language or "").strip()
    return tag.replace("_", "-").lower().split("-") if _TAG.match(tag) else []


def phrasing_for(language: str | None) -> Phrasing:
    """The phrasing for a language tag: its region's entry, else its language's, else :data:`NEUTRAL`.
    No language (or no valid tag) is English."""
    subtags = _subtags(language)
    if not subtags:
        return _EN
    if len(subtags) > 1 and f"{subtags[0]}-{subtags[1]}" in PHRASINGS:
        return PHRASINGS[f"{subtags[0]}-{subtags[1]}"]
    return PHRASINGS.get(subtags[0], NEUTRAL)


def spoken_date(iso: str, language: str | None = None) -> str:
    """An ISO 8601 date as the language writes it in prose: "March 12, 2024", "12 de marzo de 2024",
    "1er mars 2024", "12. März 2024". A value that is no date is returned as it is; a date in a
    language Babel does not know, as "" (the intro then leaves it out)."""
    try:
        day = date.fromisoformat(iso.strip()[:10])
    except ValueError:
        return iso
    subtags = _subtags(language)
    if not subtags or subtags[0] == "en":
        return f"{_EN_MONTHS[day.month - 1]} {day.day}, {day.year}"
    from babel import Locale, UnknownLocaleError  # loaded only for an article in another language
    from babel.dates import format_date

    locale = None
    for name in ("_".join(subtags[:2]), subtags[0]):
        try:
            locale = Locale.parse(name, sep="_")
            break
        except (UnknownLocaleError, ValueError):
            continue
    if locale is None:
        return ""
    text = format_date(day, format="long", locale=locale)
    first = phrasing_for(language).first_of_month
    if first and day.day == 1:
        text = re.sub(r"(?<!\d)1(?!\d)", first, text, count=1)
    return text


_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")
"""English month names, whatever the process's locale."""


def _fill(template: str, phrasing: Phrasing, **values: str) -> str:
    for word, elided, pattern in phrasing.elisions:
        for name, value in values.items():
            if re.match(pattern, value):
                template = template.replace(f"{word} {{{name}}}", f"{elided}{{{name}}}")
    return template.format(**values)


def intro_text(article: Article) -> str:
    """"<title>, by <author>, published <date>, on <site>." (in the article's language) with the
    parts that are known.

    A title cut from the first sentence is not read out (the listener hears that sentence anyway).
    """
    phrasing = phrasing_for(article.language)
    parts = [] if _cut_title(article) else [article.title.rstrip(".")]
    if article.author:
        parts.append(_fill(phrasing.by if parts else phrasing.article_by, phrasing, author=article.author))
    when = spoken_date(article.date, article.language) if article.date else ""
    if when:
        parts.append(_fill(phrasing.published if parts else phrasing.published_first, phrasing, date=when))
    if article.site:
        parts.append(_fill(phrasing.on if parts else phrasing.on_first, phrasing, site=article.site))
    parts = [part for part in parts if part]
    return ", ".join(parts) + "." if parts else ""


def outro_text(article: Article, show_title: str) -> str:
    """"That was <title>, by <author>. You are listening to <show>." in the article's language."""
    phrasing = phrasing_for(article.language)
    title = "" if _cut_title(article) else article.title.rstrip(".")
    author = article.author or ""
    if title and author:
        what = _fill(phrasing.heard_title_by, phrasing, title=title, author=author)
    elif title:
        what = title
    elif author:
        what = _fill(phrasing.an_article_by, phrasing, author=author)
    else:
        what = phrasing.an_article
    sentences = [_fill(phrasing.heard, phrasing, what=what) if what else ""]
    if show_title.strip():
        sentences.append(_fill(phrasing.listening, phrasing, show=show_title))
    return " ".join(s for s in sentences if s)


def _cut_title(article: Article) -> bool:
    return article.title_source == "derived" and article.title.endswith("…")


def episode_chunks(
    article: Article,
    max_chars: int,
    to_speech: Callable[[str], str],
    *,
    spoken_intro: bool,
    spoken_outro: bool,
    show_title: str,
) -> list[Chunk]:
    """The article's chunks, with the spoken intro before and the outro after when asked for."""
    blocks = list(article.blocks)
    intro = intro_text(article) if spoken_intro else ""
    if intro:
        blocks.insert(0, Block(BlockKind.INTRO, intro, 0))
    outro = outro_text(article, show_title) if spoken_outro else ""
    if outro:
        blocks.append(Block(BlockKind.OUTRO, outro, 0))
    return make_chunks(blocks, max_chars, to_speech=to_speech, language=article.language or "en")
