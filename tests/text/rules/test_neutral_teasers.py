"""The rules that judge a line by its place (narrate.text.rules.neutral.TEASERS): a Markdown line made
of links alone, and what is left after the article's last sentence that is no sentence. Listed by the
Spanish, French, German, Portuguese and Italian rules, not the English ones."""

from __future__ import annotations

import pytest

from narrate.text.clean import clean_text

BODY = {
    "es": "El Ayuntamiento aprobó ayer el presupuesto. La oposición votó en contra.",
    "de": "Der Stadtrat hat den Haushalt beschlossen. Die Opposition stimmte dagegen.",
    "it": "Il consiglio comunale ha approvato il bilancio. L'opposizione ha votato contro.",
}


def removed(article) -> list[tuple[str, str]]:
    return [(r.text, r.rule) for r in article.removed if r.rule != "title"]


@pytest.mark.parametrize("language", ["es", "de", "it"])
def test_short_lines_after_the_last_sentence_go(language: str) -> None:
    text = f"Título de la noticia\n{BODY[language]}\n{BODY[language]}\nMehr Bildung\nAbitur: Mathe-Prüfung wird einfacher\n"
    article = clean_text(text, language=language)
    assert removed(article) == [
        ("Mehr Bildung", "trailing-teaser"), ("Abitur: Mathe-Prüfung wird einfacher", "trailing-teaser")]
    assert article.spoken_text.endswith("votó en contra." if language == "es" else ".")


def test_the_english_rules_keep_the_tail() -> None:
    text = "A Title Here\nThe council approved the budget. The opposition voted against.\nMore Education\nExams: Maths Gets Easier\n"
    assert removed(clean_text(text, language="en")) == []


def test_a_list_introduced_by_the_last_sentence_stays() -> None:
    text = "Título\nEl Ayuntamiento publicó los horarios. Son estos:\nLunes a viernes de 9 a 14\nSábados de 10 a 13\n"
    assert removed(clean_text(text, language="es")) == []


def test_bulleted_lines_and_long_lines_after_the_last_sentence_stay() -> None:
    long_line = " ".join(["palabra"] * 30)
    text = f"Título\n{BODY['es']}\n- Primer punto sin punto final\n• Segundo punto\n{long_line}\n"
    assert removed(clean_text(text, language="es")) == []


def test_section_headings_inside_the_article_stay() -> None:
    text = f"# Titel\n\n{BODY['de']}\n\n## Schiffsverkehr eingestellt\n\n{BODY['de']}\n\n## Mehr aus der Region\n\n### Neue Brücke eröffnet\n"
    article = clean_text(text, format="markdown", language="de")
    assert article.sections == ["Schiffsverkehr eingestellt"]
    assert [rule for _, rule in removed(article)] == ["related", "trailing-teaser"]


def test_markdown_lines_made_of_links_go() -> None:
    text = (
        "* [Política](/politica)\n* [Sociedad](/sociedad)\n\n# Título\n\n"
        f"{BODY['es']}\n\n[Compartir](#share) · [Guardar](#save)\n\n{BODY['es']}\n\n"
        "Lea el [informe completo](/informe) en la web del Ayuntamiento.\n"
    )
    article = clean_text(text, format="markdown", language="es")
    assert removed(article) == [
        ("Política", "link-list"), ("Sociedad", "link-list"), ("Compartir · Guardar", "link-list")]
    assert "Lea el informe completo en la web del Ayuntamiento." in article.spoken_text


def test_a_table_after_the_last_sentence_stays() -> None:
    text = f"# Título\n\n{BODY['es']}\n\n| Equipo | Puntos |\n| --- | --- |\n| Valdemora | 42 |\n"
    assert removed(clean_text(text, format="markdown", language="es")) == []


def test_a_place_beside_a_dateline_goes_and_the_names_beside_it() -> None:
    text = (
        "El puerto cierra su mejor año\nJAVIER MOLINA ETXEBERRIA\nBilbao\n"
        "Actualizado Jueves, 14 marzo 2024 - 10:45\n" + BODY["es"] + "\n"
    )
    article = clean_text(text, language="es")
    assert [rule for _, rule in removed(article)] == ["byline", "place", "date"]
    assert article.author == "Javier Molina Etxeberria"


def test_a_headline_beside_a_newsroom_byline_stays() -> None:
    text = "Login\nSerie B, il Perugia cambia allenatore\nRedazione Sport\n16 Marzo 2024 - 21:40\n" + BODY["it"] + "\n"
    article = clean_text(text, language="it")
    assert "Serie B, il Perugia cambia allenatore" in [article.title, *article.spoken_text.split("\n\n")]
