"""Sentences split by the rules of the article's language: titles and abbreviations that never end a
sentence ("M.", "Sr.", "z. B.", "p. ex."), German ordinals ("am 12. März"), and real ends that the
splitter misses ("di no. Poi", "beschlossen. 31 von 44")."""

from __future__ import annotations

import pytest

from narrate.models import Block, BlockKind
from narrate.text.chunk import make_chunks, split_sentences, split_text

CASES = [
    ("es", "El Sr. García llegó. La Sra. Pérez no.", ["El Sr. García llegó.", "La Sra. Pérez no."]),
    ("es", "Hay frutas, p. ej. manzanas. Y peras.", ["Hay frutas, p. ej. manzanas.", "Y peras."]),
    ("es", "Llegó a EE. UU. el lunes. Fue bien.", ["Llegó a EE. UU. el lunes.", "Fue bien."]),
    ("es", "La Cía. Telefónica subió. Fin.", ["La Cía. Telefónica subió.", "Fin."]),
    ("es", "Eran las 10 a. m. cuando llegó. Fin.", ["Eran las 10 a. m. cuando llegó.", "Fin."]),
    ("es", "Dijo que no. Luego se fue.", ["Dijo que no.", "Luego se fue."]),
    ("es", "Ganó el 1.º puesto. Fin.", ["Ganó el 1.º puesto.", "Fin."]),
    ("fr", "M. Dupont est là. Mme Martin aussi.", ["M. Dupont est là.", "Mme Martin aussi."]),
    ("fr", "Le Pr. Blanc parle. Fin.", ["Le Pr. Blanc parle.", "Fin."]),
    ("fr", "Le gén. de Gaulle a parlé. Fin.", ["Le gén. de Gaulle a parlé.", "Fin."]),
    ("fr", "Il est né au XIXe s. en France. Fin.", ["Il est né au XIXe s. en France.", "Fin."]),
    ("fr", "Des fruits, p. ex. des pommes. Et des poires.", ["Des fruits, p. ex. des pommes.", "Et des poires."]),
    ("de", "Am 12. März 2024 war es kalt. Dann wurde es warm.", ["Am 12. März 2024 war es kalt.", "Dann wurde es warm."]),
    ("de", "Der 2. Weltkrieg endete 1945. Fin.", ["Der 2. Weltkrieg endete 1945.", "Fin."]),
    ("de", "Das Spiel ist am 12. Dezember. Am 13. Dezember beginnt das nächste.",
     ["Das Spiel ist am 12. Dezember.", "Am 13. Dezember beginnt das nächste."]),
    ("de", "Er kam z. B. spät. Sie auch.", ["Er kam z. B. spät.", "Sie auch."]),
    ("de", "Dr. Müller und Prof. Schmidt kamen. Fin.", ["Dr. Müller und Prof. Schmidt kamen.", "Fin."]),
    ("de", "Es kostet ca. 300 Euro. Fin.", ["Es kostet ca. 300 Euro.", "Fin."]),
    ("de", "Der Rat hat beschlossen. 31 von 44 stimmten zu.", ["Der Rat hat beschlossen.", "31 von 44 stimmten zu."]),
    ("de", "Siehe S. 12 und Nr. 5. Gut.", ["Siehe S. 12 und Nr. 5.", "Gut."]),
    ("de", "Das Team belegte Platz 3. Danach kam Bayern.", ["Das Team belegte Platz 3.", "Danach kam Bayern."]),
    ("pt", "Frutas, p. ex. maçãs. E peras.", ["Frutas, p. ex. maçãs.", "E peras."]),
    ("pt", "Mora na Av. Paulista. Fim.", ["Mora na Av. Paulista.", "Fim."]),
    ("pt", "A Sra. Souza falou. Fim.", ["A Sra. Souza falou.", "Fim."]),
    ("it", "Il sig. Rossi è arrivato. Fine.", ["Il sig. Rossi è arrivato.", "Fine."]),
    ("it", "Vedi pag. 12 del piano. Fine.", ["Vedi pag. 12 del piano.", "Fine."]),
    ("it", "Il numero è il n. 5. Fine.", ["Il numero è il n. 5.", "Fine."]),
    ("it", "Secondo l'arch. Paola Ferri è così. Fine.", ["Secondo l'arch. Paola Ferri è così.", "Fine."]),
    ("it", "Ha detto di no. Poi è uscito.", ["Ha detto di no.", "Poi è uscito."]),
]


@pytest.mark.parametrize("language, text, sentences", CASES)
def test_split_sentences_in_the_articles_language(language: str, text: str, sentences: list[str]) -> None:
    assert split_sentences(text, language) == sentences


@pytest.mark.parametrize("language", ["pt-BR", "de_AT", "fr-CA"])
def test_a_regional_tag_splits_as_its_language(language: str) -> None:
    text = "M. Dupont est là. Le Pr. Blanc aussi. Am 12. März kam er."
    assert split_sentences(text, language) == split_sentences(text, language[:2])


@pytest.mark.parametrize("language", ["xx", "", "123", "en-US"])
def test_any_other_tag_splits_as_english(language: str) -> None:
    text = "Mr. Smith went to Washington. He met Dr. Jones. Fin."
    assert split_sentences(text, language) == split_sentences(text) == [
        "Mr. Smith went to Washington.", "He met Dr. Jones.", "Fin."]


def test_a_language_sentencex_knows_without_rules_here_still_splits() -> None:
    assert split_sentences("Dhr. Jansen kwam op 12 maart. Hij was blij.", "nl") == [
        "Dhr. Jansen kwam op 12 maart.", "Hij was blij."]


def test_splitting_never_loses_a_word() -> None:
    text = "M. Dupont est là. « Non. » Il est parti. z. B. klein. 12. März. di no. Poi. Sr. García llegó."
    for language in ("es", "fr", "de", "pt", "it", "en"):
        assert " ".join(split_sentences(text, language)).split() == text.split()


def test_make_chunks_and_split_text_split_in_the_articles_language() -> None:
    text = "Am 12. März 2024 war es kalt. Dann wurde es warm."
    chunks = make_chunks([Block(BlockKind.PARAGRAPH, text, 1)], 40, language="de")
    assert [sentence.text for chunk in chunks for sentence in chunk.sentences] == [
        "Am 12. März 2024 war es kalt.", "Dann wurde es warm."]
    assert split_text(text, 35, "de") == ["Am 12. März 2024 war es kalt.", "Dann wurde es warm."]


def test_chinese_and_japanese_sentences_end_at_a_full_width_stop() -> None:
    assert split_sentences("今天下雨了。我们没有出去。明天会晴天吗？", "zh") == ["今天下雨了。", "我们没有出去。", "明天会晴天吗？"]
    assert split_sentences("今日は雨です。明日は晴れ。", "ja") == ["今日は雨です。", "明日は晴れ。"]
    assert split_sentences("“Go.”Then he left. Fine.") == ["“Go.”Then he left.", "Fine."]
