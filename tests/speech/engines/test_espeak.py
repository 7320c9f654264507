"""The espeak engine: real eSpeak NG synthesis from the espeakng-loader wheel, in the languages
narrate reads best and the voices chosen for tags, deterministic audio, pace, options, threads and
processes."""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from narrate.errors import ConfigError, EngineError
from narrate.speech.engines import VoiceParams, create_engine, engine_class, engine_status
from narrate.speech.engines.espeak import RATE, EspeakEngine, EspeakOptions, languages, voice_for
from narrate.speech.voices import load_preset
from tests.conftest import ARTICLE_ONLY, IN_CI

if EspeakEngine.missing():  # a core dependency: missing is a broken install, a failure in CI
    if IN_CI:
        pytest.fail(f"{EspeakEngine.missing()}; {EspeakEngine.install_hint}", pytrace=False)
    pytest.skip(EspeakEngine.missing() or "", allow_module_level=True)

SENTENCES = {
    "es": "El ayuntamiento aprobó ayer el nuevo horario de los autobuses, que empezará en marzo.",
    "fr": "La mairie a approuvé hier les nouveaux horaires des bus, qui commenceront en mars.",
    "de": "Die Stadt hat gestern den neuen Busfahrplan beschlossen, der im März beginnt.",
    "pt": "A câmara aprovou ontem o novo horário dos autocarros, que começa em março.",
    "it": "Il comune ha approvato ieri il nuovo orario degli autobus, che partirà a marzo.",
}


@pytest.fixture
def engine() -> Iterator[EspeakEngine]:
    created = EspeakEngine(EspeakOptions())
    yield created
    created.close()


def speak(engine: EspeakEngine, text: str, language: str, speed: float = 1.0) -> np.ndarray:
    clip = engine.synthesize(text, VoiceParams(speed=speed, language=language))
    assert clip.sample_rate == RATE == engine.sample_rate == 22050
    return clip.samples


def silences(samples: np.ndarray, floor: float = 0.01, step: float = 0.01) -> list[float]:
    """Lengths in seconds of the quiet stretches inside the audio (not at its edges)."""
    width = round(step * RATE)
    loud = [np.abs(samples[i : i + width]).max() >= floor for i in range(0, len(samples) - width, width)]
    first, last = loud.index(True), len(loud) - 1 - loud[::-1].index(True)
    gaps, run = [], 0
    for is_loud in loud[first : last + 1]:
        if is_loud:
            if run:
                gaps.append(run * step)
            run = 0
        else:
            run += 1
    return gaps


# -- speaking ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", sorted(SENTENCES))
def test_speaks_each_language_as_real_audio(engine: EspeakEngine, language: str) -> None:
    text = SENTENCES[language]
    samples = speak(engine, text, language)
    assert samples.dtype == np.float32 and samples.ndim == 1
    assert np.abs(samples).max() <= 1.0
    assert np.sqrt(np.mean(samples**2)) > 0.03  # speech, not silence
    seconds = len(samples) / RATE
    assert len(text) / 25 < seconds < len(text) / 8  # 8 to 25 characters a second, as people speak


def test_the_same_text_gives_the_same_samples_whatever_came_before(engine: EspeakEngine) -> None:
    first = speak(engine, SENTENCES["es"], "es")
    for language, text in SENTENCES.items():
        speak(engine, text, language)
    assert np.array_equal(first, speak(engine, SENTENCES["es"], "es"))
    assert np.array_equal(first, speak(EspeakEngine(EspeakOptions()), SENTENCES["es"], "es"))


def test_languages_sound_different(engine: EspeakEngine) -> None:
    text = "Dos mil veinticuatro."
    spain, mexico = speak(engine, text, "es-ES"), speak(engine, text, "es-MX")
    assert not np.array_equal(spain, mexico)
    assert not np.array_equal(speak(engine, "Boa tarde.", "pt-BR"), speak(engine, "Boa tarde.", "pt-PT"))


def test_an_unknown_language_is_a_clear_error(engine: EspeakEngine) -> None:
    with pytest.raises(EngineError, match=r"^espeak does not speak 'tlh' \(it speaks \d+ languages") as caught:
        speak(engine, "nuqneH", "tlh")
    assert "\n" not in str(caught.value)


def test_speed_changes_the_pace(engine: EspeakEngine) -> None:
    normal = len(speak(engine, SENTENCES["fr"], "fr"))
    fast = len(speak(engine, SENTENCES["fr"], "fr", speed=1.5))
    slow = len(speak(engine, SENTENCES["fr"], "fr", speed=0.7))
    assert fast < normal / 1.3 and slow > normal * 1.25
    assert engine.rate_for(1.0) == 175 and engine.rate_for(0.25) == 80 and engine.rate_for(4.0) == 450


def test_options_change_the_sound() -> None:
    text, base = SENTENCES["it"], EspeakEngine(EspeakOptions())
    slower = EspeakEngine(EspeakOptions(words_per_minute=120))
    assert len(speak(slower, text, "it")) > len(speak(base, text, "it")) * 1.3
    for options in (EspeakOptions(pitch=80), EspeakOptions(pitch_range=0), EspeakOptions(variant="m3")):
        assert not np.array_equal(speak(EspeakEngine(options), text, "it"), speak(base, text, "it"))
    gaps = EspeakEngine(EspeakOptions(word_gap=20))
    assert len(speak(gaps, text, "it")) > len(speak(base, text, "it")) + 0.15 * RATE * 10


def test_punctuation_gives_pauses_inside_a_sentence(engine: EspeakEngine) -> None:
    plain = silences(speak(engine, "El tren sale a las seis y vuelve a las nueve", "es"))
    commas = silences(speak(engine, "El tren sale a las seis, y vuelve a las nueve.", "es"))
    assert max(commas) >= 0.08 and max(commas) > max(plain, default=0.0)


def test_text_without_words_is_silence_and_control_characters_are_spaces(engine: EspeakEngine) -> None:
    assert speak(engine, " \n\t ", "es").size == 0
    clean = speak(engine, "Hola mundo.", "es")
    assert np.array_equal(speak(engine, "Hola\x00\x01 mundo.", "es"), clean)
    assert np.array_equal(speak(engine, "Hola\n\n  mundo.", "es"), clean)


# -- languages ---------------------------------------------------------------------------------------


def test_it_speaks_about_a_hundred_languages() -> None:
    spoken = languages()
    assert len(spoken) >= 100
    assert {"en", "es", "fr", "de", "pt", "it", "nl", "pl", "ru", "sv", "tr", "zh", "ja", "ar", "hi"} <= spoken
    assert EspeakEngine.spoken_languages(EspeakOptions()) == spoken


@pytest.mark.parametrize(
    ("tag", "voice"),
    [
        ("es", "roa/es"), ("es-ES", "roa/es"), ("es-MX", "roa/es-419"), ("es-AR", "roa/es-419"),
        ("es-419", "roa/es-419"), ("pt", "roa/pt"), ("pt-BR", "roa/pt-BR"), ("pt_br", "roa/pt-BR"),
        ("pt-PT", "roa/pt"), ("fr-CA", "roa/fr"), ("fr-BE", "roa/fr-BE"), ("de-AT", "gmw/de"),
        ("it", "roa/it"), ("en-US", "gmw/en-US"), ("en-GB", "gmw/en"), ("zh-CN", "sit/cmn"),
        ("zh-Hant-TW", "sit/cmn"), ("zh-HK", "sit/yue"), ("iw", "sem/he"), ("no", "gmq/nb"), ("sr-Latn", "zls/sr"),
    ],
)
def test_the_voice_for_a_tag(tag: str, voice: str) -> None:
    assert voice_for(tag) == voice
    assert EspeakEngine.speaks(EspeakOptions(), tag) is True


@pytest.mark.parametrize("tag", ["tlh", "xx", "km", "", "not a tag"])
def test_no_voice_for_languages_it_does_not_speak(tag: str) -> None:
    assert voice_for(tag) is None
    assert EspeakEngine.speaks(EspeakOptions(), tag) is False


# -- threads and processes ----------------------------------------------------------------------------


def test_two_engines_in_two_threads_speak_as_they_would_alone() -> None:
    jobs = [(text, language) for language, text in SENTENCES.items()] * 2
    alone = [speak(EspeakEngine(EspeakOptions()), text, language) for text, language in jobs]
    engines = [EspeakEngine(EspeakOptions()), EspeakEngine(EspeakOptions())]
    results: dict[tuple[int, int], np.ndarray] = {}
    errors: list[BaseException] = []

    def work(which: int) -> None:
        try:
            for n, (text, language) in enumerate(jobs):
                results[which, n] = speak(engines[which], text, language)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(which,)) for which in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    for which in (0, 1):
        for n, expected in enumerate(alone):
            assert np.array_equal(results[which, n], expected)


def _speak_in_child(text: str, language: str) -> bytes:
    return EspeakEngine(EspeakOptions()).synthesize(text, VoiceParams(language=language)).samples.tobytes()


def test_processes_each_speak_with_their_own_library(engine: EspeakEngine) -> None:
    speak(engine, SENTENCES["de"], "de")  # loaded in the parent before the children start
    expected = speak(engine, SENTENCES["pt"], "pt").tobytes()
    for method in ("fork", "spawn"):
        with multiprocessing.get_context(method).Pool(2) as pool:
            got = pool.starmap(_speak_in_child, [(SENTENCES["pt"], "pt")] * 2)
        assert got == [expected, expected]


# -- options, identity, registry, preset -------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"words_per_minute": 30}, r"'words_per_minute' must be a whole number from 80 to 450, not 30"),
        ({"pitch": 101}, r"'pitch' must be a whole number from 0 to 100, not 101"),
        ({"pitch_range": -1}, r"'pitch_range' must be a whole number from 0 to 100"),
        ({"word_gap": 1.5}, r"'word_gap' must be a whole number"),
        ({"variant": "no-such-variant"}, r"'variant' must be an eSpeak NG voice variant, not 'no-such-variant'"),
        ({"variant": "../../etc"}, r"'variant' must be the name of an eSpeak NG voice variant"),
        ({"voice": "es"}, r"unknown key 'voice'"),
    ],
)
def test_options_are_validated_with_one_line(options: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=r"^p\.toml \[options\]: " + message) as caught:
        create_engine("espeak", options, "p.toml")
    assert "\n" not in str(caught.value)


def test_identity_names_the_language_and_every_option(engine: EspeakEngine) -> None:
    spanish = engine.identity(VoiceParams(language="es"))
    assert '"engine":"espeak"' in spanish and "eSpeak NG 1." in engine.version and engine.version in spanish
    assert spanish != engine.identity(VoiceParams(language="fr"))
    assert spanish != EspeakEngine(EspeakOptions(pitch=60)).identity(VoiceParams(language="es"))


def test_registered_through_the_entry_point_and_offline() -> None:
    assert engine_class("espeak") is EspeakEngine
    assert engine_status("espeak") == (True, "offline")
    assert not EspeakEngine.needs_network


def test_the_espeak_preset_speaks_the_articles_language() -> None:
    preset = load_preset("espeak")
    assert preset.engine == "espeak" and preset.language is None and preset.fallback == ""
    assert "offline" in preset.description and "100 languages" in preset.description
    assert preset.voice_params_for("pt-BR") == VoiceParams(speed=1.0, language="pt-BR")
    created = create_engine(preset.engine, preset.options, str(preset.path))
    assert created.rate_for(1.0) == 165  # type: ignore[attr-defined]
    assert speak(created, SENTENCES["es"], "es").size > 0  # type: ignore[arg-type]


def test_a_spanish_mp3_through_say(tmp_path: Path) -> None:
    """The whole path from text to a decodable MP3 (``narrate say``), with a Spanish eSpeak preset."""
    from narrate.say import say
    from tests.audiocheck import decoded_seconds

    preset = tmp_path / "espeak-es.toml"
    preset.write_text('engine = "espeak"\nlanguage = "es"\n', encoding="utf-8")
    out = tmp_path / "hola.mp3"
    result = say(f"{SENTENCES['es']}\n\nY vuelve a las nueve.", out, voice=str(preset), config=ARTICLE_ONLY)
    assert result.preset == "espeak-es" and result.fallbacks == 0
    assert 5.0 < result.audio.duration < 15.0
    assert decoded_seconds(out) == pytest.approx(result.audio.duration, abs=0.1)
