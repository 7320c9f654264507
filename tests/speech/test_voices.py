"""narrate.speech.voices: voice presets by name (built in) or by path, validated with one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrate.errors import ConfigError
from narrate.speech.engines.base import VoiceParams
from narrate.speech.voices import DEFAULT_PRESET, Pauses, VoicePreset, builtin_voices_dir, load_preset, preset_names


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def preset_error(name_or_path: str | Path) -> str:
    with pytest.raises(ConfigError) as info:
        load_preset(name_or_path)
    message = str(info.value)
    assert "\n" not in message
    return message


# --- the built-in presets ----------------------------------------------------------------------


def test_default_preset_loads() -> None:
    preset = load_preset(DEFAULT_PRESET)
    assert DEFAULT_PRESET == "default"
    assert preset.name == "default"
    assert preset.engine == "hibari"
    assert preset.options["voice"] == "heart"
    assert preset.language == "en-us"
    assert preset.speed == 1.0
    assert preset.pauses == Pauses(sentence=0.35, paragraph=0.8, heading=1.4)
    assert preset.path == builtin_voices_dir() / "default.toml"
    assert preset.path.is_file()


def test_default_preset_voice_params() -> None:
    assert load_preset("default").voice_params == VoiceParams(speed=1.0, language="en-us")


def test_every_builtin_preset_loads() -> None:
    names = preset_names()
    assert "default" in names
    assert names == sorted(names)
    for name in names:
        preset = load_preset(name)
        assert preset.name == name
        assert preset.engine


def test_unknown_preset_name_lists_the_known_ones() -> None:
    message = preset_error("no-such-voice")
    assert "unknown voice 'no-such-voice'" in message
    for name in preset_names():
        assert name in message
    assert f"(presets: {', '.join(preset_names())}; hibari voices: heart, emma, fenrir, fable, kore; " in message


@pytest.mark.parametrize("name", ["bad name", "-dash", ".hidden", "ünïcode", ""])
def test_invalid_preset_name(name: str) -> None:
    assert f"'{name}' is not a voice: give a preset name" in preset_error(name)


# --- presets by path ---------------------------------------------------------------------------


def test_preset_by_path(tmp_path: Path) -> None:
    path = write(
        tmp_path / "calm.toml",
        'engine = "hibari"\ndescription = "slow and calm"\nlanguage = "en-gb"\nspeed = 0.8\n'
        '[pauses]\nparagraph = 1.2\n[options]\nvoice = "heart"\nseed = 3\n',
    )
    preset = load_preset(path)
    assert preset == VoicePreset(
        engine="hibari",
        description="slow and calm",
        language="en-gb",
        speed=0.8,
        pauses=Pauses(sentence=0.35, paragraph=1.2, heading=1.4),
        options={"voice": "heart", "seed": 3},
        name="calm",
        path=path,
    )
    assert preset.voice_params == VoiceParams(speed=0.8, language="en-gb")


@pytest.mark.parametrize("as_string", [True, False])
def test_preset_by_path_string_or_path(tmp_path: Path, as_string: bool) -> None:
    path = write(tmp_path / "minimal.toml", 'engine = "fake"\n')
    preset = load_preset(str(path) if as_string else path)
    assert preset.engine == "fake"
    assert preset.name == "minimal"
    assert preset.pauses == Pauses()
    assert preset.options == {}


def test_relative_toml_name_is_a_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "mine.toml", 'engine = "fake"\nspeed = 2\n')
    monkeypatch.chdir(tmp_path)
    preset = load_preset("mine.toml")
    assert preset.name == "mine"
    assert preset.speed == 2.0


def test_missing_preset_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.toml"
    message = preset_error(path)
    assert str(path) in message
    assert "does not exist" in message


def test_fake_preset_fixture_loads(fake_preset: Path) -> None:
    preset = load_preset(fake_preset)
    assert preset.engine == "fake"
    assert preset.pauses == Pauses(sentence=0.25, paragraph=0.5, heading=1.0)
    assert preset.options == {"seconds_per_char": 0.01}


# --- bad presets -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("speed = 0.1", "'speed' must be between 0.5 and 2.0 (1.0: the voice's own pace), not 0.1"),
        ("speed = 5", "'speed' must be between 0.5 and 2.0 (1.0: the voice's own pace), not 5"),
        ("speed = -1", "'speed' must be between 0.5 and 2.0"),
        ("speed = nan", "'speed' must be a finite number, not nan"),
        ('speed = "fast"', "'speed' must be a number, not the string 'fast'"),
        ("[pauses]\nparagraph = -0.5", "pause 'paragraph' must be between 0 and 10 seconds, not -0.5"),
        ("[pauses]\nheading = 11", "pause 'heading' must be between 0 and 10 seconds, not 11.0"),
        ('[pauses]\nsentence = "long"', "'sentence' must be a number, not the string 'long'"),
        ("[pauses]\nbreath = 0.2", "unknown key 'breath'"),
        ("pauses = 1", "expected a table, got the number 1"),
        ("colour = 'blue'", "unknown key 'colour'"),
        ("name = 'other'", "unknown key 'name'"),  # the name comes from the file name
        ("options = 3", "'options' must be a table"),
    ],
)
def test_bad_values_name_the_file(tmp_path: Path, body: str, expected: str) -> None:
    path = write(tmp_path / "bad.toml", f'engine = "hibari"\n{body}\n')
    message = preset_error(path)
    assert message.startswith(str(path))
    assert expected in message


def test_pause_errors_name_the_table(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.toml", 'engine = "hibari"\n[pauses]\nparagraph = 20\n')
    assert preset_error(path).startswith(f"{path} [pauses]: ")


def test_missing_engine(tmp_path: Path) -> None:
    path = write(tmp_path / "noengine.toml", "speed = 1.0\n")
    assert preset_error(path) == f"{path}: missing key 'engine'"


def test_malformed_preset(tmp_path: Path) -> None:
    path = write(tmp_path / "broken.toml", 'engine = "hibari\n')
    message = preset_error(path)
    assert message.startswith(f"{path}: not valid TOML")


def test_boundaries_are_allowed(tmp_path: Path) -> None:
    path = write(
        tmp_path / "edge.toml", 'engine = "x"\nspeed = 0.5\n[pauses]\nsentence = 0\nparagraph = 10\nheading = 0.0\n'
    )
    preset = load_preset(path)
    assert preset.speed == 0.5
    assert preset.pauses == Pauses(0.0, 10.0, 0.0)


# --- the language a preset speaks ----------------------------------------------------------------


def test_a_preset_without_a_language_speaks_the_one_it_is_given(tmp_path: Path) -> None:
    preset = load_preset(write(tmp_path / "any.toml", 'engine = "fake"\nspeed = 1.2\n'))
    assert preset.language is None
    assert preset.voice_params_for("es-MX") == VoiceParams(speed=1.2, language="es-MX")
    assert preset.voice_params_for(None) == preset.voice_params == VoiceParams(speed=1.2, language="en-us")


def test_a_preset_with_a_language_speaks_only_its_own(tmp_path: Path) -> None:
    preset = load_preset(write(tmp_path / "fr.toml", 'engine = "fake"\nlanguage = "fr-CA"\n'))
    assert preset.voice_params_for("es") == preset.voice_params == VoiceParams(speed=1.0, language="fr-CA")


@pytest.mark.parametrize("value", ['""', '"not a tag"', '"12"'])
def test_a_language_must_be_a_tag(tmp_path: Path, value: str) -> None:
    message = preset_error(write(tmp_path / "bad.toml", f'engine = "fake"\nlanguage = {value}\n'))
    assert "'language' must be a language tag such as \"en-us\" or \"es\"" in message


def test_the_shipped_presets_languages() -> None:
    languages = {name: load_preset(name).language for name in preset_names()}
    assert languages["default"] == languages["gtts-us"] == languages["piper-joe"] == "en-us"
    assert languages["gtts-uk"] == "en-gb" and languages["gtts-es"] == "es-ES"
    assert languages["espeak"] is None and languages["gtts"] is None


# --- voices without a preset file: hibari names and ENGINE:VOICE ---------------------------------


def test_a_bare_hibari_voice_is_a_preset_of_its_own() -> None:
    preset = load_preset("heart")
    assert (preset.name, preset.engine, preset.language) == ("hibari:heart", "hibari", "en-us")
    assert preset.options["voice"] == "heart"
    assert preset.pauses == load_preset(DEFAULT_PRESET).pauses  # the default preset's settings
    assert load_preset("hibari:heart") == preset


@pytest.mark.parametrize(
    "voice, engine, language, option",
    [("gtts:fr", "gtts", "fr", None), ("gtts:pt-br", "gtts", "pt-BR", None), ("espeak:es", "espeak", "es", None),
     ("piper:joe", "piper", None, ("model", "joe"))],
)
def test_engine_voice_forms(voice: str, engine: str, language: str | None, option: tuple[str, str] | None) -> None:
    preset = load_preset(voice)
    assert (preset.name, preset.engine, preset.language) == (voice, engine, language)
    if option:
        assert preset.options[option[0]] == option[1]


def test_a_piper_model_path(tmp_path: Path) -> None:
    model = write(tmp_path / "v.onnx", "x")
    assert load_preset(f"piper:{model}").options["model"] == str(model)
    assert "does not exist" in preset_error(f"piper:{tmp_path / 'gone.onnx'}")


@pytest.mark.parametrize(
    "voice, message",
    [
        ("fenrir", "the hibari voice 'fenrir' is not installed: run narrate voices install fenrir"),
        ("hibari:emma", "the hibari voice 'emma' is not installed: run narrate voices install emma"),
        ("hibari:nobody", "hibari has no voice 'nobody' (voices: heart, emma, fenrir, fable, kore)"),
        ("piper:en_GB-alba-medium", "the Piper voice 'en_GB-alba-medium' is not installed: run narrate voices install "
                                    "piper:en_GB-alba-medium"),
        ("gtts:tlh", "gTTS does not speak Klingon ('tlh')"),
        ("espeak:zz", "espeak:zz: 'zz' is not a language tag"),
        ("nobody", "unknown voice 'nobody' (presets: "),
        ("say:hello", "'say:hello' is not a voice: give a preset name"),
    ],
)
def test_voices_that_cannot_speak_are_one_line_errors(voice: str, message: str) -> None:
    assert message in preset_error(voice)
