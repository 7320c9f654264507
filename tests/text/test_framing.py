"""The spoken intro and outro: English as it always was, each other language in its own words, and
no English word in an episode of another language."""

from __future__ import annotations

import re
from dataclasses import fields

import pytest

from narrate.models import Article, Block, BlockKind
from narrate.text.framing import (
    NEUTRAL,
    PHRASINGS,
    Phrasing,
    episode_chunks,
    intro_text,
    outro_text,
    phrasing_for,
    spoken_date,
)


def article(language: str | None = "en", **changes: object) -> Article:
    values: dict[str, object] = {
        "title": "Harbour Ferry Saved",
        "blocks": [Block(BlockKind.PARAGRAPH, "The ferry runs again.", 0)],
        "author": "Ana Lee",
        "date": "2024-03-12",
        "site": "Port Alder Post",
        "title_source": "found",
        "language": language,
    }
    values.update(changes)
    return Article(**values)  # type: ignore[arg-type]


# --- English, unchanged -----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", [None, "en", "en-US", "en_gb", "not a tag"])
def test_english_intro_and_outro_unchanged(language: str | None) -> None:
    a = article(language)
    assert intro_text(a) == "Harbour Ferry Saved, by Ana Lee, published March 12, 2024, on Port Alder Post."
    assert outro_text(a, "Narrated articles") == "That was Harbour Ferry Saved, by Ana Lee. You are listening to Narrated articles."


@pytest.mark.parametrize(
    ("changes", "intro", "outro"),
    [
        ({"title": "Rain all week…", "title_source": "derived"},
         "An article by Ana Lee, published March 12, 2024, on Port Alder Post.",
         "That was an article by Ana Lee. You are listening to Show."),
        ({"title": "Rain all week…", "title_source": "derived", "author": None},
         "Published March 12, 2024, on Port Alder Post.", "That was an article. You are listening to Show."),
        ({"title": "Rain all week…", "title_source": "derived", "author": None, "date": None},
         "From Port Alder Post.", "That was an article. You are listening to Show."),
        ({"author": None, "date": None, "site": None}, "Harbour Ferry Saved.",
         "That was Harbour Ferry Saved. You are listening to Show."),
        ({"title": "Ends with a dot.", "date": "not a date", "site": None},
         "Ends with a dot, by Ana Lee, published not a date.", "That was Ends with a dot, by Ana Lee. You are listening to Show."),
        ({"title": "Rain all week…", "title_source": "derived", "author": None, "date": None, "site": None}, "",
         "That was an article. You are listening to Show."),
    ],
)
def test_english_parts_left_out_when_unknown(changes: dict[str, object], intro: str, outro: str) -> None:
    a = article("en", **changes)
    assert intro_text(a) == intro
    assert outro_text(a, "Show") == outro


# --- other languages --------------------------------------------------------------------------------------

EXPECTED = {
    "es": ("Harbour Ferry Saved, por Ana Lee, publicado el 12 de marzo de 2024, en Port Alder Post.",
           "Acaba de escuchar Harbour Ferry Saved, de Ana Lee. Está escuchando Show."),
    "fr": ("Harbour Ferry Saved, par Ana Lee, publié le 12 mars 2024, sur Port Alder Post.",
           "Vous venez d'écouter Harbour Ferry Saved, d'Ana Lee. Vous écoutez Show."),
    "de": ("Harbour Ferry Saved, von Ana Lee, veröffentlicht am 12. März 2024, auf Port Alder Post.",
           "Das war Harbour Ferry Saved, von Ana Lee. Sie hören Show."),
    "pt": ("Harbour Ferry Saved, por Ana Lee, publicado em 12 de março de 2024, em Port Alder Post.",
           "Você ouviu Harbour Ferry Saved, de Ana Lee. Você está ouvindo Show."),
    "pt-PT": ("Harbour Ferry Saved, por Ana Lee, publicado a 12 de março de 2024, em Port Alder Post.",
              "Acabou de ouvir Harbour Ferry Saved, de Ana Lee. Está a ouvir Show."),
    "it": ("Harbour Ferry Saved, di Ana Lee, pubblicato il 12 marzo 2024, su Port Alder Post.",
           "Hai ascoltato Harbour Ferry Saved, di Ana Lee. Stai ascoltando Show."),
    "nl": ("Harbour Ferry Saved, Ana Lee, 12 maart 2024, Port Alder Post.", "Harbour Ferry Saved, Ana Lee. Show."),
}


@pytest.mark.parametrize(("language", "intro", "outro"), [(k, *v) for k, v in EXPECTED.items()])
def test_intro_and_outro_in_the_article_language(language: str, intro: str, outro: str) -> None:
    a = article(language)
    assert intro_text(a) == intro
    assert outro_text(a, "Show") == outro


def test_region_and_case_of_the_tag() -> None:
    assert phrasing_for("ES-mx") is PHRASINGS["es"]
    assert phrasing_for("pt_BR") is PHRASINGS["pt"]
    assert phrasing_for("pt-PT") is PHRASINGS["pt-pt"]
    assert phrasing_for("fr-CA") is PHRASINGS["fr"]
    assert phrasing_for("nl-BE") is NEUTRAL
    assert phrasing_for("sr-Latn-RS") is NEUTRAL
    assert phrasing_for("") is PHRASINGS["en"] and phrasing_for(None) is PHRASINGS["en"]


def phrase_words(phrasing: Phrasing) -> frozenset[str]:
    """Every word a phrasing can say (its placeholders left out), lower case."""
    return frozenset(
        word.lower()
        for field in fields(phrasing)
        if isinstance(getattr(phrasing, field.name), str)
        for word in re.findall(r"[^\W\d_]+", re.sub(r"\{\w+\}", " ", getattr(phrasing, field.name)))
    )


ENGLISH_WORDS = phrase_words(PHRASINGS["en"])
"""Every English word the framing can say: by, an, article, published, on, from, that, was, you, …"""

NAMES = {"title": "Sol de invierno", "author": "Ana Ruiz", "site": "Diario Austral"}
"""Values with no English word, so that whatever English is in the result came from the framing."""
VARIANTS: list[dict[str, object]] = [
    {},
    {"title": "Sol…", "title_source": "derived"},
    {"title": "Sol…", "title_source": "derived", "author": None},
    {"title": "Sol…", "title_source": "derived", "author": None, "date": None},
    {"title": "Sol…", "title_source": "derived", "author": None, "date": None, "site": None},
    {"author": None},
    {"date": "2024-01-01"},
    {"date": "2024-08-08", "author": "Émile Ollier"},
]


@pytest.mark.parametrize("language", ["es", "fr", "de", "pt", "pt-BR", "pt-PT", "it", "nl", "pl", "ja", "sw", "zz"])
@pytest.mark.parametrize("variant", range(len(VARIANTS)))
def test_no_english_word_outside_english(language: str, variant: int) -> None:
    assert {"by", "article", "published", "listening", "that"} <= ENGLISH_WORDS  # the check checks something
    a = article(language, **{**NAMES, **VARIANTS[variant]})
    spoken = intro_text(a) + " " + outro_text(a, "Radio Sur")
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", spoken)}
    own = phrase_words(phrasing_for(language))  # "article" is French as well
    assert not words & (ENGLISH_WORDS - own), (language, spoken)
    assert "None" not in spoken and "{" not in spoken


@pytest.mark.parametrize("language", sorted(PHRASINGS))
def test_every_phrasing_names_its_placeholders(language: str) -> None:
    phrasing = PHRASINGS[language]
    wanted = {"by": "{author}", "article_by": "{author}", "published": "{date}", "published_first": "{date}",
              "on": "{site}", "on_first": "{site}", "heard": "{what}", "heard_title_by": "{author}",
              "an_article_by": "{author}", "listening": "{show}"}
    for name, placeholder in wanted.items():
        assert placeholder in getattr(phrasing, name), (language, name)
    assert "{title}" in phrasing.heard_title_by


def test_neutral_languages_say_only_names_and_date() -> None:
    a = article("nl", **NAMES, date="2024-03-12")
    assert intro_text(a) == "Sol de invierno, Ana Ruiz, 12 maart 2024, Diario Austral."
    assert outro_text(a, "Radio Sur") == "Sol de invierno, Ana Ruiz. Radio Sur."
    cut = article("nl", title="Sol…", title_source="derived", author=None, date=None, site=None)
    assert intro_text(cut) == ""
    assert outro_text(cut, "Radio Sur") == "Radio Sur."
    assert outro_text(cut, "") == ""


def test_an_empty_outro_is_not_spoken() -> None:
    cut = article("nl", title="Sol…", title_source="derived", author=None, date=None, site=None)
    chunks = episode_chunks(cut, 500, str, spoken_intro=True, spoken_outro=True, show_title="")
    assert [c.kind for c in chunks] == [BlockKind.PARAGRAPH]


# --- dates ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("iso", "language", "written"),
    [
        ("2024-03-12", "en", "March 12, 2024"),
        ("2024-03-12", None, "March 12, 2024"),
        ("2024-03-12", "es", "12 de marzo de 2024"),
        ("2024-03-01", "es", "1 de marzo de 2024"),
        ("2024-03-12", "fr", "12 mars 2024"),
        ("2024-03-01", "fr", "1er mars 2024"),
        ("2024-02-11", "fr-CA", "11 février 2024"),
        ("2024-03-12", "de", "12. März 2024"),
        ("2024-03-01", "de-AT", "1. März 2024"),
        ("2024-03-12", "pt", "12 de março de 2024"),
        ("2024-03-01", "pt-BR", "1º de março de 2024"),
        ("2024-03-01", "pt-PT", "1 de março de 2024"),
        ("2024-03-12", "it", "12 marzo 2024"),
        ("2024-03-01", "it", "1º marzo 2024"),
        ("2024-11-21", "it", "21 novembre 2024"),
        ("2024-03-12", "nl", "12 maart 2024"),
        ("2024-03-12", "pl", "12 marca 2024"),
        ("2024-03-12", "ja", "2024年3月12日"),
        ("2024-03-12", "zz", ""),  # a language Babel does not know: no date rather than a wrong one
        ("sometime", "es", "sometime"),
    ],
)
def test_spoken_date(iso: str, language: str | None, written: str) -> None:
    assert spoken_date(iso, language) == written


@pytest.mark.parametrize(
    ("language", "date", "expected"),
    [
        ("it", "2024-03-08", "pubblicato l'8 marzo 2024"),
        ("it", "2024-03-11", "pubblicato l'11 marzo 2024"),
        ("it", "2024-03-18", "pubblicato il 18 marzo 2024"),
        ("fr", "2024-03-08", "publié le 8 mars 2024"),
    ],
)
def test_article_before_the_date(language: str, date: str, expected: str) -> None:
    assert expected in intro_text(article(language, date=date))


@pytest.mark.parametrize(
    ("author", "expected"),
    [("Émile Ollier", "d'Émile Ollier"), ("Anne Roy", "d'Anne Roy"),
     ("Jean Roy", "de Jean Roy")],
)
def test_french_elision_before_a_vowel(author: str, expected: str) -> None:
    assert expected in outro_text(article("fr", author=author), "Show")
    cut = article("fr", author=author, title="Sol…", title_source="derived")
    assert f"un article {expected}" in outro_text(cut, "Show")
    assert f"Un article {expected}" in intro_text(cut)


def test_intro_and_outro_chunks_in_the_article_language() -> None:
    chunks = episode_chunks(article("es"), 500, str, spoken_intro=True, spoken_outro=True, show_title="Radio Sur")
    assert [c.kind for c in chunks] == [BlockKind.INTRO, BlockKind.PARAGRAPH, BlockKind.OUTRO]
    assert chunks[0].text.startswith("Harbour Ferry Saved, por Ana Lee, publicado el 12 de marzo de 2024")
    assert chunks[-1].text == "Acaba de escuchar Harbour Ferry Saved, de Ana Lee. Está escuchando Radio Sur."
