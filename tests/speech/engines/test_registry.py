"""Engines: found through the entry-point group, and every one passes the same contract."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest

from narrate.errors import ConfigError, EngineError
from narrate.speech.engines import VoiceParams, create_engine, engine_class, engine_names
from narrate.speech.engines.base import Engine
from narrate.speech.engines.hibari import HibariEngine
from tests.conftest import require_module
from tests.fake_gtts import FakeGtts
from tests.fakes import FakeEngine

VOICE = VoiceParams()


def test_builtin_engine_is_registered_through_the_entry_point_group() -> None:
    from importlib.metadata import entry_points

    names = {ep.name: ep.value for ep in entry_points(group="narrate.engines")}
    assert names["hibari"] == "narrate.speech.engines.hibari:HibariEngine"
    assert engine_class("hibari") is HibariEngine
    assert "hibari" in engine_names()


def test_unknown_engine_names_the_known_ones() -> None:
    with pytest.raises(EngineError, match=r"unknown engine 'nope' \(engines: .*hibari"):
        engine_class("nope")


def test_registered_engine_is_found_and_forgotten(fake_engine: type[FakeEngine]) -> None:
    assert engine_class("fake") is FakeEngine
    from narrate.speech.engines import unregister

    unregister("fake")
    with pytest.raises(EngineError):
        engine_class("fake")


def test_engine_options_are_validated() -> None:
    with pytest.raises(ConfigError, match=r"p.toml \[options\]: unknown key 'colour'"):
        create_engine("hibari", {"colour": "blue"}, "p.toml")
    with pytest.raises(ConfigError, match=r"'threads' must be a whole number"):
        create_engine("hibari", {"threads": "two"}, "p.toml")


def test_hibari_never_downloads_a_voice() -> None:
    with pytest.raises(EngineError, match="the hibari voice 'emma' is not installed: run narrate voices install emma"):
        create_engine("hibari", {"voice": "emma"}, "p.toml")
    with pytest.raises(EngineError, match="has no voice 'nobody'"):
        create_engine("hibari", {"voice": "nobody"}, "p.toml")


@pytest.fixture(params=["hibari", "piper", "gtts", "espeak", "fake"])
def engine(request: pytest.FixtureRequest, fake_engine: type[FakeEngine]) -> Iterator[Engine]:
    """Every installed engine; gtts speaks to a real local server that talks Google's protocol."""
    if request.param == "piper":
        require_module("piper")
    if request.param == "gtts":
        with FakeGtts() as server:
            created = create_engine("gtts", {"endpoint": server.url}, "contract")
            yield created
            created.close()
        return
    created = create_engine(request.param, {}, "contract")
    yield created
    created.close()


def test_contract_audio_at_the_declared_rate(engine: Engine) -> None:
    clip = engine.synthesize("The ferry leaves at six.", VOICE)
    assert clip.sample_rate == engine.sample_rate
    assert clip.samples.dtype == np.float32 and clip.samples.ndim == 1
    assert clip.duration > 0.3
    assert np.abs(clip.samples).max() <= 1.0
    assert np.sqrt(np.mean(clip.samples**2)) > 0.01


def test_contract_duration_grows_with_the_text(engine: Engine) -> None:
    short = engine.synthesize("The ferry leaves.", VOICE)
    long = engine.synthesize("The ferry leaves at six, and it returns at nine in the evening.", VOICE)
    assert long.duration > short.duration * 1.5


def test_contract_same_input_same_audio(engine: Engine) -> None:
    a = engine.synthesize("Same text, same sound.", VOICE)
    b = engine.synthesize("Same text, same sound.", VOICE)
    assert np.array_equal(a.samples, b.samples)


def test_contract_identity_names_engine_version_and_voice(engine: Engine) -> None:
    identity = engine.identity(VOICE)
    assert engine.name in identity and engine.version in identity
    assert identity == engine.identity(VoiceParams())
    assert identity != engine.identity(VoiceParams(speed=1.2))
    assert engine.max_chars > 50


def test_hibari_identity_ignores_threads() -> None:
    one = create_engine("hibari", {"threads": 1}, "p")
    two = create_engine("hibari", {"threads": 2}, "p")
    assert one.identity(VOICE) == two.identity(VOICE)
    assert one.identity(VOICE) != create_engine("hibari", {"seed": 7}, "p").identity(VOICE)
