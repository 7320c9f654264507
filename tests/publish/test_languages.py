"""narrate.publish.languages: the tags the outputs write, and how episodes and shows are compared."""

from __future__ import annotations

import pytest

from narrate.publish.languages import episode_language, language_label, language_tag, primary


@pytest.mark.parametrize(
    ("value", "tag"),
    [("es", "es"), (" pt_BR ", "pt-BR"), ("en-us", "en-us"), ("sr-Latn-RS", "sr-Latn-RS"), ("EN", "EN"),
     ("English", ""), ("e", ""), ("", ""), (None, ""), ("en us", ""), ("es-", ""), ('es" onload="x', ""),
     ("de-CH-1901", "de-CH-1901")],
)
def test_language_tag(value: str | None, tag: str) -> None:
    assert language_tag(value) == tag


@pytest.mark.parametrize(("tag", "first"), [("pt-BR", "pt"), ("EN-us", "en"), ("es", "es"), ("nonsense!", ""), (None, "")])
def test_primary(tag: str | None, first: str) -> None:
    assert primary(tag) == first


def test_episode_language_falls_back_to_the_show_then_english() -> None:
    assert episode_language("es", "en") == "es"
    assert episode_language(None, "fr-CA") == "fr-CA"
    assert episode_language("not a tag", "de") == "de"
    assert episode_language(None, "English") == "en"


def test_language_label() -> None:
    assert language_label("es") == "es (Spanish)"
    assert language_label("pt-BR") == "pt-BR (Portuguese (Brazil))"
    assert language_label("zz") == "zz"
