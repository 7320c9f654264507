"""Voice routing: the voice for an article's language, from --voice, the [voices] routes, the
config's voice and the offline default; never an English-only voice for another language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from narrate.errors import ConfigError, NarrateError
from narrate.speech import routing
from narrate.speech.routing import VoiceChoice, VoiceError, check_routes, choose_voice, preset_speaks, route_for
from narrate.speech.voices import VoicePreset, load_preset
from tests.fakes import FakeEngine


def one_line(error: pytest.ExceptionInfo[BaseException]) -> str:
    message = str(error.value)
    assert "\n" not in message and message
    return message


@pytest.fixture
def presets(tmp_path: Path, fake_engine: type[FakeEngine]) -> Callable[[str], VoicePreset]:
    """A loader that knows a few test presets besides the shipped ones."""
    extra = {
        "hibari-any": 'engine = "hibari"\n',  # no language: its engine speaks English only
        "fake-any": 'engine = "fake"\n',  # no language, an engine that cannot tell: taken at its word
        "fake-de": 'engine = "fake"\nlanguage = "de-DE"\n',
        "fake-pt": 'engine = "fake"\nlanguage = "pt"\n',
        "fake-ptbr": 'engine = "fake"\nlanguage = "pt-BR"\n',
        "broken": 'engine = "no-such-engine"\n',
    }
    for name, body in extra.items():
        (tmp_path / f"{name}.toml").write_text(body, encoding="utf-8")

    def load(name: str) -> VoicePreset:
        path = tmp_path / f"{name}.toml"
        return load_preset(path if path.is_file() else name)

    return load


# -- the defaults, offline ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "en-US", "en-GB", "en_au"])
def test_english_gets_the_default_hibari_voice(language: str) -> None:
    choice = choose_voice(language)
    assert (choice.preset.name, choice.preset.engine) == ("default", "hibari")
    assert choice.reason == "the default voice for English"
    assert choice.warning is None and choice.hint is None
    assert choice.language == language and choice.speaks == "en-us"


@pytest.mark.parametrize("language", ["es", "fr", "de", "pt-BR", "it", "nl", "pl", "ru", "sv", "zh-CN", "ar", "hi"])
def test_other_languages_get_espeak_never_hibari(language: str) -> None:
    choice = choose_voice(language)
    assert choice.preset.name == "espeak" and choice.preset.engine == "espeak"
    assert choice.warning is None
    assert choice.speaks == language


def test_the_espeak_choice_says_why_and_how_to_get_a_more_natural_voice() -> None:
    choice = choose_voice("es")
    assert choice.reason == "the offline voice for Spanish"
    assert choice.describe() == "espeak (Spanish; the offline voice for Spanish)"
    assert choice.hint == (
        'for a more natural Spanish voice, route es to Google\'s voice (online) in narrate.toml: [voices] es = "gtts"'
    )


def test_the_hint_suggests_piper_where_google_does_not_speak_the_language() -> None:
    choice = choose_voice("kk")  # Kazakh: eSpeak speaks it, Google does not
    assert choice.preset.name == "espeak"
    assert choice.hint is not None and "Piper voice preset" in choice.hint and 'language = "kk"' in choice.hint


def test_a_language_no_voice_speaks_is_a_one_line_error_naming_it() -> None:
    with pytest.raises(VoiceError) as caught:
        choose_voice("tlh")
    message = one_line(caught)
    assert message.startswith("no voice speaks Klingon (\"tlh\"): add a voice preset that does")
    assert '[voices] tlh = "<preset>"' in message and "gtts" not in message
    assert isinstance(caught.value, ConfigError) and isinstance(caught.value, NarrateError)


def test_a_language_only_google_speaks_says_so() -> None:
    with pytest.raises(VoiceError) as caught:
        choose_voice("km")  # Khmer: Google speaks it, eSpeak does not
    message = one_line(caught)
    assert message.startswith('no voice speaks Khmer ("km")')
    assert message.endswith('or use Google\'s voice (online): [voices] km = "gtts"')


def test_without_espeak_a_non_english_article_is_an_error_not_hibari(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(routing, "engine_status", lambda name: (False, "espeakng-loader not installed"))
    with pytest.raises(VoiceError, match=r'^no voice speaks Spanish \("es"\)'):
        choose_voice("es")
    assert choose_voice("en").preset.name == "default"


# -- the config's voice ------------------------------------------------------------------------------


def test_the_configs_voice_is_used_for_the_languages_it_speaks(presets: Callable[[str], VoicePreset]) -> None:
    assert choose_voice("en-GB", default="gtts-uk").preset.name == "gtts-uk"
    assert choose_voice("es", default="gtts-uk").preset.name == "espeak"  # British English cannot read Spanish
    assert choose_voice("es", default="gtts").preset.name == "gtts"  # Google's in the article's language
    assert choose_voice("en", default="espeak").preset.name == "espeak"
    assert choose_voice("de-AT", default="fake-de", load=presets).reason == "the default voice for German"


def test_english_falls_back_to_the_default_preset_when_the_configs_voice_cannot(
    presets: Callable[[str], VoicePreset],
) -> None:
    choice = choose_voice("en", default="fake-de", load=presets)
    assert choice.preset.name == "default" and choice.reason == "the default voice for English"


def test_an_engine_that_cannot_tell_is_taken_at_its_word(presets: Callable[[str], VoicePreset]) -> None:
    assert choose_voice("es", default="fake-any", load=presets).preset.name == "fake-any"
    assert preset_speaks(presets("fake-any"), "es") is None
    assert preset_speaks(presets("broken"), "es") is None


def test_a_configs_voice_given_as_a_path(tmp_path: Path, fake_engine: type[FakeEngine]) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('engine = "fake"\nlanguage = "es"\n', encoding="utf-8")
    assert choose_voice("es", default=path).preset.path == path
    assert choose_voice("fr", default=path).preset.name == "espeak"


# -- routes --------------------------------------------------------------------------------------------


def test_a_route_sends_a_language_to_its_preset() -> None:
    choice = choose_voice("es", routes={"es": "gtts-es", "*": "espeak"})
    assert choice.preset.name == "gtts-es" and choice.reason == "route es in [voices]"
    assert choice.hint is None and choice.warning is None


def test_the_most_specific_route_wins(presets: Callable[[str], VoicePreset]) -> None:
    routes = {"pt": "fake-pt", "PT_br": "fake-ptbr", "*": "espeak"}
    assert choose_voice("pt-BR", routes=routes, load=presets).preset.name == "fake-ptbr"
    assert choose_voice("pt-br", routes=routes, load=presets).reason == "route PT_br in [voices]"
    assert choose_voice("pt-PT", routes=routes, load=presets).preset.name == "fake-pt"
    assert choose_voice("pt", routes=routes, load=presets).preset.name == "fake-pt"
    assert choose_voice("fr", routes=routes, load=presets).preset.name == "espeak"
    assert route_for("zh-Hant-TW", {"zh": "a", "zh-hant": "b"}) == ("zh-hant", "b")
    assert route_for("zh-CN", {"zh-hant": "b", "*": "c"}) is None


def test_a_route_to_a_voice_that_cannot_speak_the_language_is_an_error() -> None:
    with pytest.raises(VoiceError) as caught:
        choose_voice("es", routes={"es": "default"})
    assert one_line(caught) == (
        "[voices] es = \"default\" in narrate.toml: the preset 'default' speaks English; this article is in "
        'Spanish; route es to a preset that speaks Spanish, such as "espeak" or "gtts"'
    )


def test_the_catch_all_route_is_used_only_where_its_voice_speaks_the_language() -> None:
    choice = choose_voice("es", routes={"*": "gtts"})
    assert choice.preset.name == "gtts" and choice.reason == 'route "*" in [voices]'
    assert choose_voice("es", routes={"*": "default"}).preset.name == "espeak"  # never English for Spanish
    assert choose_voice("en", routes={"*": "default"}).reason == 'route "*" in [voices]'
    assert choose_voice("kk", routes={"*": "gtts"}).preset.name == "espeak"  # Google has no Kazakh


def test_a_route_to_an_unknown_preset_names_the_route() -> None:
    with pytest.raises(ConfigError) as caught:
        choose_voice("es", routes={"es": "no-such-voice"})
    assert one_line(caught).startswith('[voices] es = "no-such-voice" in narrate.toml: unknown voice ')


@pytest.mark.parametrize(
    ("routes", "message"),
    [
        ({"???": "espeak"}, r'"\?\?\?" is not a language tag'),
        ({"": "espeak"}, r'"" is not a language tag'),
        ({"es": ""}, r"\[voices\] es in narrate.toml must name a voice preset"),
        ({"*": 3}, r'\[voices\] "\*" in narrate.toml must name a voice preset'),
    ],
)
def test_routes_are_checked(routes: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        check_routes(routes)
    with pytest.raises(ConfigError, match=message):
        choose_voice("es", routes=routes)


# -- an explicit voice ----------------------------------------------------------------------------------


def test_an_explicit_voice_always_wins_with_a_warning_when_the_languages_differ() -> None:
    choice = choose_voice("es", "default", routes={"es": "gtts-es"})
    assert choice.preset.name == "default" and choice.reason == "--voice"
    assert choice.warning == "the preset 'default' speaks English; this article is in Spanish"
    assert choice.speaks == "en-us" and choice.language == "es"


def test_an_explicit_voice_that_speaks_the_language_has_no_warning() -> None:
    assert choose_voice("en-GB", "default").warning is None
    spanish = choose_voice("es", "espeak")
    assert spanish.warning is None and spanish.hint is not None and spanish.speaks == "es"
    assert choose_voice("es", "gtts").warning is None


def test_an_explicit_language_less_voice_whose_engine_cannot_speak_it(presets: Callable[[str], VoicePreset]) -> None:
    assert choose_voice("es", "hibari-any", load=presets).warning == (
        "the preset 'hibari-any' speaks English; this article is in Spanish"
    )
    assert choose_voice("tlh", "espeak").warning == (
        "the preset 'espeak' does not speak Klingon, the language of this article"
    )
    assert choose_voice("es", "fake-any", load=presets).warning is None


def test_an_explicit_voice_by_path(tmp_path: Path, fake_engine: type[FakeEngine]) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('engine = "fake"\nlanguage = "fr"\n', encoding="utf-8")
    choice = choose_voice("de", path)
    assert choice.preset.path == path
    assert choice.warning == "the preset 'mine' speaks French; this article is in German"


# -- an unknown language -------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", [None, "", "not a tag"])
def test_an_unknown_language_gets_the_configs_voice_or_the_catch_all(language: str | None) -> None:
    assert choose_voice(language).preset.name == "default"
    assert choose_voice(language).reason == "the default voice (language unknown)"
    assert choose_voice(language, routes={"*": "espeak", "es": "gtts-es"}).preset.name == "espeak"
    assert choose_voice(language, "gtts-es").warning is None
    assert choose_voice(language).language is None


def test_a_choice_is_a_plain_record() -> None:
    preset = load_preset("espeak")
    choice = VoiceChoice(preset, "fr", "why")
    assert (choice.warning, choice.hint, choice.speaks) == (None, None, "fr")
    assert choice.describe() == "espeak (French; why)"
