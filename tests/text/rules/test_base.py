"""The helpers every language's rules are built with: phrases, bylines, names."""

from __future__ import annotations

import re

import pytest

from narrate.text.rules.base import Action, byline, clean_names, phrases, words


def test_phrases_allow_trailing_punctuation_but_not_a_sentence_end() -> None:
    rule = phrases("related", r"lee también")
    assert rule.pattern.fullmatch("Lee también:")
    assert rule.pattern.fullmatch("Lee también...")
    assert rule.pattern.fullmatch("LEE TAMBIÉN »")
    assert not rule.pattern.fullmatch("Lee también.")


def _byline() -> re.Pattern[str]:
    return byline(r"por", r"y", r"de|la", convert=lambda v: v).pattern


@pytest.mark.parametrize(
    "line, value",
    [
        ("Por Ana García", "Ana García"),
        ("Por Ana García y Luis Pérez", "Ana García y Luis Pérez"),
        ("Por Ana de la Fuente | Madrid", "Ana de la Fuente"),
        ("Por AFP", "AFP"),
    ],
)
def test_a_byline_captures_the_names(line: str, value: str) -> None:
    match = _byline().fullmatch(line)
    assert match is not None and match.group("value") == value


@pytest.mark.parametrize(
    "line",
    [
        "Por Ana García, la ministra no dijo nada.",  # a sentence
        "Por Camposol pasan miles de coches",  # one name word, then lower case
        "Por la mañana",
    ],
)
def test_a_sentence_is_not_a_byline(line: str) -> None:
    rule = byline(r"por", r"y", r"de|la", convert=lambda v: v)
    assert rule.action is Action.AUTHOR
    match = rule.pattern.fullmatch(line)
    assert match is None or (rule.accept is not None and not rule.accept(line))


@pytest.mark.parametrize(
    "value, conjunction, names",
    [
        ("Ana García", "y", "Ana García"),
        ("Ana García, Luis Pérez y Marta Ruiz", "y", "Ana García, Luis Pérez y Marta Ruiz"),
        ("ANA GARCÍA Y LUIS PÉREZ", "y", "Ana García y Luis Pérez"),
        ("JEAN-PIERRE DE LA TOUR", "et", "Jean-Pierre de la Tour"),
        ("Ana García | Luis Pérez", "e", "Ana García e Luis Pérez"),
    ],
)
def test_clean_names(value: str, conjunction: str, names: str) -> None:
    assert clean_names(value, conjunction) == names


def test_clean_names_drops_roles() -> None:
    roles = re.compile(r"(?i)\bcorresponsal\b.*$")
    assert clean_names("Ana García Corresponsal en Bruselas", "y", roles) == "Ana García"


def test_words_tries_longer_words_first() -> None:
    assert words(["sep", "sept", "septiembre"]) == "septiembre|sept|sep"


def test_a_long_line_of_names_is_matched_fast() -> None:
    import time

    from narrate.text.rules import rules_for

    line = "Por " + "Ana de la García y " * 100 + "z"
    rules = [rule for rule in rules_for("es") if rule.name == "byline"]
    start = time.perf_counter()
    assert all(rule.pattern.fullmatch(line) is None for rule in rules)
    assert time.perf_counter() - start < 0.5


def test_an_elided_particle_is_part_of_a_name() -> None:
    rule = byline(r"par", r"et", r"de|la", convert=lambda v: v)
    match = rule.pattern.fullmatch("Par Valéry Giscard d'Estaing")
    assert match is not None and match.group("value") == "Valéry Giscard d'Estaing"
