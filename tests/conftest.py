"""Shared fixtures: the fake engine, paths to the example and seed articles, real tools."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from narrate.config import Config, EpisodeConfig
from narrate.speech.engines import register, unregister
from tests.fakes import FakeEngine

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "harbour-ferries.txt"
SHARED = Path(os.environ.get("NARRATE_SHARED", ROOT.parent / "shared"))
"""The team's shared folder beside the checkout (seed article, corpus); NARRATE_SHARED overrides."""
SEED = SHARED / "articles" / "seed-article.txt"
IN_CI = os.environ.get("CI", "").lower() == "true"
ARTICLE_ONLY = Config(episode=EpisodeConfig(spoken_intro=False, spoken_outro=False))
"""A config without the spoken intro and outro, for tests that look at the article's own chunks."""


def require_tool(name: str) -> str:
    """Path of a command-line tool; skips the test locally when it is missing, fails it in CI."""
    path = shutil.which(name)
    if path:
        return path
    message = f"{name} is not installed (scripts/install-test-deps installs it)"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


def require_module(name: str) -> None:
    """Skip the test locally when a Python package is missing; fail it in CI (which installs it)."""
    import importlib.util

    if importlib.util.find_spec(name) is None:
        message = f"the {name} package is not installed (scripts/install-test-deps installs it)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


def require_file(path: Path) -> Path:
    """A file the tests read from outside the project (../shared); missing is a failure in CI."""
    if path.exists():
        return path
    if IN_CI:
        pytest.fail(f"{path} is missing")
    pytest.skip(f"{path} is missing")


@pytest.fixture(autouse=True)
def private_chunk_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty chunk cache (never the user's)."""
    root = tmp_path_factory.mktemp("chunk-cache")
    monkeypatch.setenv("NARRATE_CACHE_DIR", str(root))
    return root


@pytest.fixture(autouse=True)
def private_voice_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty data folder and hibari voice folder: installed voices are never
    the user's, and nothing a test installs outlives it."""
    root = tmp_path_factory.mktemp("voice-data")
    monkeypatch.setenv("NARRATE_DATA_DIR", str(root / "narrate"))
    monkeypatch.setenv("HIBARI_HOME", str(root / "hibari"))
    monkeypatch.delenv("NARRATE_HIBARI_VOICES_URL", raising=False)
    monkeypatch.delenv("NARRATE_PIPER_VOICES_URL", raising=False)
    return root


@pytest.fixture(autouse=True)
def allow_private_addresses(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests' HTTP servers listen on 127.0.0.1, which narrate refuses to fetch from by default.

    A test of the refusal itself calls ``monkeypatch.delenv("NARRATE_ALLOW_PRIVATE_ADDRESSES")``.
    """
    monkeypatch.setenv("NARRATE_ALLOW_PRIVATE_ADDRESSES", "1")


@pytest.fixture
def seed_article() -> Path:
    return require_file(SEED)


@pytest.fixture
def example_article() -> Path:
    return EXAMPLE


@pytest.fixture
def fake_engine() -> Iterator[type[FakeEngine]]:
    """The fake engine, registered for the test and always unregistered."""
    FakeEngine.calls.clear()
    register(FakeEngine)
    try:
        yield FakeEngine
    finally:
        unregister(FakeEngine.name)
        FakeEngine.calls.clear()


@pytest.fixture
def fake_preset(tmp_path: Path, fake_engine: type[FakeEngine]) -> Path:
    """A voice preset file that uses the fake engine, with round pause lengths."""
    path = tmp_path / "presets" / "fake.toml"
    path.parent.mkdir()
    path.write_text(
        'engine = "fake"\n'
        "[pauses]\nsentence = 0.25\nparagraph = 0.5\nheading = 1.0\n"
        "[options]\nseconds_per_char = 0.01\n",
        encoding="utf-8",
    )
    return path


# --- hypothesis profiles ------------------------------------------------------------------------------
# "dev" locally (quick); "ci" when CI=true (a fixed seed, so that a CI failure is reproducible, and three
# times dev's examples);
# "long" for a fuzzing run of many thousand examples per test:
#     HYPOTHESIS_PROFILE=long python -m pytest tests/test_fuzz.py
# HYPOTHESIS_PROFILE picks any of them. Tests that set max_examples themselves keep it; the fuzz suite
# (tests/test_fuzz.py) scales its budgets from the loaded profile's max_examples.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("dev", max_examples=100, deadline=None, print_blob=True)
settings.register_profile(
    "ci",
    max_examples=300,  # the fuzz suite then runs in about 20 s on two cores
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "long", max_examples=20_000, deadline=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if IN_CI else "dev"))
