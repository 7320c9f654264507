"""Helpers for the per-language rule tables: a line inside a small article, cleaned by the rules of
a language, is either removed by the named rule (and not spoken) or spoken unchanged."""

from __future__ import annotations

from narrate.models import Article
from narrate.text.clean import clean_text
from narrate.text.rules import rules_for

FRAME = {
    "en": ("The first paragraph of the article is here.", "The last paragraph of the article."),
    "es": ("El primer párrafo del artículo está aquí.", "El último párrafo del artículo."),
    "fr": ("Le premier paragraphe de l'article est ici.", "Le dernier paragraphe de l'article."),
    "de": ("Der erste Absatz des Artikels steht hier.", "Der letzte Absatz des Artikels."),
    "pt": ("O primeiro parágrafo do artigo está aqui.", "O último parágrafo do artigo."),
    "it": ("Il primo paragrafo dell'articolo è qui.", "L'ultimo paragrafo dell'articolo."),
}


TEASER_RULES = frozenset({"link-list", "trailing-teaser", "place"})
"""Rules that judge a line by its place (links alone, after the last sentence, beside a byline),
tested in test_neutral_teasers.py."""


def cleaned(language: str, line: str) -> Article:
    """``line`` between two body paragraphs, cleaned with the rules of ``language``."""
    first, last = FRAME[language]
    return clean_text(f"{first}\n{line}\n{last}\n", title="t", rules=rules_for(language), language=language)


def assert_removed_by(language: str, line: str, rule: str) -> Article:
    article = cleaned(language, line)
    assert [(r.text, r.rule) for r in article.removed] == [(line, rule)]
    assert line not in article.spoken_text
    return article


def assert_spoken(language: str, line: str) -> None:
    article = cleaned(language, line)
    assert article.removed == [], [(r.text, r.rule) for r in article.removed]
    assert line in article.spoken_text
