"""narrate.speech.catalog: every voice narrate knows of, filtered by language, as data and JSON."""

from __future__ import annotations

import json

import pytest

from narrate.errors import ConfigError
from narrate.speech.catalog import speaks, voice_catalog


def test_the_catalog_lists_every_section() -> None:
    catalog = voice_catalog()
    assert {p.name for p in catalog.presets} >= {"default", "espeak", "gtts", "gtts-es", "piper-joe"}
    assert [(v.name, v.language, v.accent, v.gender) for v in catalog.hibari] == [
        ("heart", "en-US", "American", "female"), ("emma", "en-GB", "British", "female"),
        ("fenrir", "en-US", "American", "male"), ("fable", "en-GB", "British", "male"),
        ("kore", "en-US", "American", "female"),
    ]
    heart, *others = catalog.hibari
    assert heart.installed and heart.bundled and heart.install == ""
    assert all(not v.installed and v.install == f"narrate voices install {v.name}" for v in others)
    assert catalog.espeak_languages > 100 and "pt-br" in catalog.espeak
    assert len(catalog.gtts) == 69 and catalog.gtts["fr"] == "French"
    assert {e.name for e in catalog.engines} >= {"hibari", "espeak", "gtts"}


def test_a_language_filters_every_section() -> None:
    catalog = voice_catalog("en-GB")
    assert catalog.language == "en-GB"
    assert [v.name for v in catalog.hibari] == ["emma", "fable"]
    names = {p.name for p in catalog.presets}
    assert "gtts-uk" in names and "espeak" in names  # its own region, and a voice for any language
    assert not names & {"default", "gtts-us", "gtts-es"}  # American English; Spanish
    assert "en-gb" in catalog.espeak and "en-us" not in catalog.espeak and catalog.espeak_languages == 1
    assert list(catalog.gtts) == ["en"]

    spanish = voice_catalog("es")
    assert spanish.hibari == [] and spanish.espeak == ["es", "es-419", "es-mx"] and list(spanish.gtts) == ["es"]
    assert "gtts-es" in {p.name for p in spanish.presets}


def test_the_json_form_holds_counts_and_lists() -> None:
    data = json.loads(voice_catalog("fr").dumps())
    assert data["language"] == "fr"
    assert data["gtts"] == {"count": 2, "languages": {"fr": "French", "fr-CA": "French (Canada)"}}
    assert data["espeak"]["count"] == 1 and "fr" in data["espeak"]["languages"]
    assert data["hibari"] == []


def test_a_filter_that_is_no_language_is_an_error() -> None:
    with pytest.raises(ConfigError, match="--language: 'xx' is not a language tag"):
        voice_catalog("xx")


@pytest.mark.parametrize(
    "tag, wanted, expected",
    [("en-US", "en", True), ("en-us", "en-US", True), ("en-US", "en-GB", False), ("en", "en-GB", True),
     ("es-419", "es", True), ("fr", "es", False), (None, "es", False), ("fr", None, True)],
)
def test_speaks(tag: str | None, wanted: str | None, expected: bool) -> None:
    assert speaks(tag, wanted) is expected
