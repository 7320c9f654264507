"""narrate.speech.words: the lexicon, then normalisation in the article's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrate.speech import words
from narrate.speech.voices import load_preset
from narrate.speech.words import speech_function


@pytest.fixture
def languages_asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def record(text: str, *, language: str = "en") -> str:
        asked.append(language)
        return text

    monkeypatch.setattr(words, "normalize_for_speech", record)
    return asked


def test_the_articles_language_decides_the_normalisation(languages_asked: list[str]) -> None:
    english_voice = load_preset("default")
    for language in ("es", "pt-BR", "fr_CA", "en-GB"):
        speech_function(english_voice, language)("12 de marzo de 2024")
    assert languages_asked == ["es", "pt-BR", "fr-CA", "en-GB"]  # the whole tag: regions read differently


def test_without_an_article_language_the_presets_then_english(languages_asked: list[str], tmp_path: Path) -> None:
    speech_function(load_preset("default"))("x")
    speech_function(load_preset("gtts-es"))("x")
    speech_function(load_preset("espeak"))("x")
    assert languages_asked == ["en-US", "es-ES", "en-US"]


@pytest.mark.parametrize(
    ("language", "seventy"),
    [
        ("fr-BE", "septante"), ("fr_BE", "septante"), ("fr-CH", "septante"),
        ("fr", "soixante-dix"), ("fr-FR", "soixante-dix"),
    ],  # fmt: skip
)
def test_the_region_reaches_the_normaliser(language: str, seventy: str) -> None:
    spoken = speech_function(load_preset("default"), language)("Il y avait 70 personnes.")
    assert seventy in spoken, spoken


@pytest.mark.parametrize(
    ("language", "sixteen"), [("pt-PT", "Dezasseis"), ("pt_PT", "Dezasseis"), ("pt-BR", "Dezesseis")]
)
def test_portugal_and_brazil_are_read_their_own_way(language: str, sixteen: str) -> None:
    assert speech_function(load_preset("default"), language)("16 pessoas") == f"{sixteen} pessoas"


def test_english_rules_only_for_english_articles() -> None:
    voice = load_preset("default")
    assert "twelve" in speech_function(voice, "en")("The 12 ferries.")
    assert "twelve" not in speech_function(voice, "es")("Los 12 transbordadores.")
    assert "twelve" in speech_function(voice)("The 12 ferries.")  # the old call: the preset's language


def test_the_lexicon_comes_first_in_any_language(tmp_path: Path, languages_asked: list[str]) -> None:
    (tmp_path / "words.toml").write_text('[words]\n"Xunta" = "Shunta"\n', encoding="utf-8")
    preset_path = tmp_path / "voice.toml"
    preset_path.write_text('engine = "espeak"\nlexicon = "words.toml"\n', encoding="utf-8")
    assert speech_function(load_preset(preset_path), "es")("La Xunta decide.") == "La Shunta decide."
    assert languages_asked == ["es"]
