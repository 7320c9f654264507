"""Rules for every language: audio-player vendors' stubs, separators, ©, agency photo credits,
rows of social buttons, site tags and ALL-CAPS related headlines.

Audio-player vendors print their stubs in English whatever the page's language ("Getting your
Trinity Audio player ready", "Powered by BeyondWords", "Voiced by Amazon Polly", "Loading the
Elevenlabs Text to Speech AudioNative Player..."), so
:data:`VENDOR_STUBS` come first in every language's rules. :data:`NEUTRAL` goes after a language's
own rules (the first rule that matches a line wins).
"""

from __future__ import annotations

import re

from .base import UPPER, Action, LineRule, rule

__all__ = ["AGENCIES", "CAPTIONS", "NEUTRAL", "RELATED_HEADLINE", "SEPARATOR", "SITE_TAG", "TEASERS", "VENDOR_STUBS"]

_VENDORS = r"trinity audio|beyondwords|speechkit|amazon polly|instaread|elevenlabs|eleven labs|ad auris|speechify|play\.ht|wellsaid|audioburst"

VENDOR_STUBS: tuple[LineRule, ...] = (
    rule(
        "player-stub",
        r"(?:getting your .{0,40}player ready|powered by beyondwords|voiced by amazon polly"
        rf"|loading the (?:{_VENDORS}) .{{0,60}}player"
        rf"|(?:audio |narration |voice |listen(?:ing)? )?(?:powered|generated|voiced|narrated|provided) by (?:{_VENDORS})"
        rf"|listen (?:with|on) (?:{_VENDORS})|(?:{_VENDORS})(?: audio)?(?: player)?)"
        r"\W*",
    ),
)
"""Stubs that audio-player vendors print in English on sites in any language."""

SEPARATOR = rule("separator", r"[|/\\\-–—_*=~•·#+\s]+")

SITE_TAG = LineRule(
    "site-tag", re.compile(r"(?P<value>[A-Z][A-Z0-9&.'’\-]{2,40})"), Action.SITE, header_only=True, headings=False
)
"""A site's name in capitals above the title ("TRUENEWSREPORT"): the article's site."""


def _all_caps_headline(line: str) -> bool:
    """A related-story headline: ALL CAPS, 8 to 12 words, or 5 to 7 with a headline's punctuation."""
    words = line.split()
    if not (line.isupper() and any(c.isalpha() for c in line)):
        return False
    return 8 <= len(words) <= 12 or (5 <= len(words) <= 7 and bool(re.search(r"[:?!'’\"“”«»]", line)))


RELATED_HEADLINE = LineRule("related-headline", re.compile(r".+"), accept=_all_caps_headline, headings=False)

AGENCIES = (
    r"AFP|AP|EFE|DPA|dpa|ANSA|Ansa|Reuters|REUTERS|EPA|Epa|EPA-EFE|Imago|IMAGO|Getty Images|Getty|GETTY"
    r"|Shutterstock|iStock|Keystone|KEYSTONE|Xinhua|XINHUA|Anadolu|Sipa|SIPA|Abaca|ABACA|Lusa|LUSA"
    r"|Europa Press|EUROPA PRESS|Agência Brasil|Folhapress|Estadão Conteúdo|LaPresse|Lapresse|Fotogramma"
    r"|picture alliance|picture-alliance|Photothèque|Hans Lucas|MAXPPP|Belga|BELGA|APA|ANP|TT|NTB|Ritzau"
)
"""News and photo agencies, as credits write them."""

_SOCIAL = (
    r"facebook|twitter|x|whatsapp|linkedin|telegram|e-?mail|flipboard|pinterest|reddit|bluesky|threads"
    r"|mastodon|messenger|instagram|tiktok|youtube|xing|sms|rss"
)
_MEDIA_WORD = r"foto|fotos|photo|photos|bild|bilder|imagen|imagem|immagine|fotografía|fotografia|image"

NEUTRAL: tuple[LineRule, ...] = (
    SEPARATOR,
    rule("player-stub", r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?|loading\W*"),
    rule("licensing", r".{0,100}\bthe trust project\b.{0,100}"),
    rule("copyright", r"(?:©|ⓒ|\(c\)\s*\d{4}|copyright\s*(?:©\s*)?\d{4}).{0,200}"),
    rule(
        "photo-credit",
        # a bare credit: "(Getty Images)", "AFP", "EFE/Juan Pérez", "Reuters / Ana Lee", "picture alliance/dpa | X"
        rf"\(?(?:(?:{_MEDIA_WORD})\s*:?\s*)?(?-i:{AGENCIES})(?:\s*(?:/|\||via|-)\s*[^.!?]{{0,80}})?\)?"
        # a caption that ends with one: "El ministro, en Bruselas. EFE/Juan Pérez", "… JOHN DOE / AFP"
        rf"|.{{3,250}}?(?:\s|\()(?:(?:{_MEDIA_WORD})\s*:?\s*)?(?-i:{AGENCIES})\s*/\s*[^.!?/]{{2,60}}\)?"
        rf"|.{{3,250}}?\s[^\s/]{{2,}}(?:\s[^\s/]+){{0,3}}\s*/\s*(?-i:{AGENCIES})(?:\s+via\s+Getty Images)?\)?"
        # a caption that ends with a credit in brackets, or after its last sentence:
        # "Il teatro dopo il restauro (foto Ansa)", "Die neue Brücke im Entwurf. Foto: Stadt Warnstedt"
        rf"|.{{3,250}}?\s\((?:{_MEDIA_WORD})\b\s*:?\s*[^()]{{1,60}}\)"
        rf"|.{{3,250}}?[.!?)]\s+(?:{_MEDIA_WORD})\s*:\s*[^.!?]{{1,80}}",
    ),
    rule("share", rf"(?:(?:{_SOCIAL})(?:\s*[|,•·/]\s*|\s+|$)){{1,14}}"),
    rule("newsletter", r"newsletters?\W*"),
    SITE_TAG,
    RELATED_HEADLINE,
)
"""Rules that read no language's words, tried after the language's own rules."""

_ARCHIVE = r"ufficio stampa|courtesy|cortes[íi]a|cedida|archivo|archives?|archiv|arquivo|archivio|handout|divulga[çc][ãa]o"

CAPTIONS: tuple[LineRule, ...] = (
    rule(
        "photo-credit",
        # a caption that ends with a credit in capitals after its sentence: "…, en una imagen de archivo. EL CORREO"
        rf"[^.!?]{{3,250}}[.!?]\s+(?!(?:{AGENCIES})$)(?-i:[{UPPER}]{{2,}}(?:[ '’.\-][{UPPER}]+){{1,3}})"
        # with a "Foto:" credit and no sentence end: "Prédios em Arroios, em Lisboa Foto: José Fernandes"
        rf"|[^.!?]{{3,250}}?\s(?:[-–—|]\s*)?(?:{_MEDIA_WORD}|cr[ée]dito?s?)\s*:\s*[^.!?]{{1,80}}"
        # with a credit after a dash and a slash: "…, le 18 mars 2024. — A. Brélivet / 20 Minutes"
        rf"|.{{3,250}}?[.!?]\s*[—–|]\s*[^!?/]{{2,60}}/\s*[^!?/]{{2,40}}"
        # with an agency, an archive or a press office in brackets: "… di via Bottelli (fotogramma)"
        rf"|.{{3,250}}?\s\((?:{AGENCIES}|{_ARCHIVE})\b[^()]{{0,60}}\)",
    ),
)
"""Photo captions that end with a credit the language's own rules do not read (listed by the
Spanish, French, German, Portuguese and Italian rules)."""

TEASERS: tuple[LineRule, ...] = (
    LineRule("link-list", re.compile(r".+"), links=True, headings=False),
    LineRule("trailing-teaser", re.compile(r".+"), tail=True),
)
"""Rules that read no words but a line's place: a Markdown line made of links alone (a menu, a list
of related stories), and what a page leaves after the article's last sentence that is no sentence
(related headlines and their labels, "Mehr Bildung", "Ultimi articoli"). A language's module lists
them when its pages have been reviewed with them (the English rules, measured on their own
benchmark, do without)."""
