"""The package's shape: stages as subpackages, layers enforced by import-linter, small modules, tests
that mirror the layout.

The layer contracts live in pyproject.toml ([tool.importlinter]); this file runs them on the real
package, and on a copy with one forbidden import added, to show that each contract does break.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "narrate"
STAGES = ("text", "speech", "audio", "publish", "batch")
MAX_LINES = 800
MAX_TOP_LEVEL_MODULES = 15


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """import-linter's own command, on the ``narrate`` package found in ``root``."""
    command = Path(sys.executable).with_name("lint-imports")
    if not command.exists():
        pytest.fail(f"{command} is missing: install the test extras (pip install -e '.[test]')")
    env = {**os.environ, "PYTHONPATH": str(root), "COLUMNS": "200"}
    return subprocess.run(
        [str(command), "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root, env=env, capture_output=True, text=True, timeout=120, check=False,
    )


def test_every_layer_contract_holds() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout, result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("text/chunk.py", "from ..speech import voices", "never reach up"),  # text imports speech
        ("audio/tags.py", "from ..publish import feed", "never reach up"),  # audio imports publish
        ("audio/chapters.py", "from ..text import chunk", "never reach up"),  # siblings are independent
        ("publish/feed.py", "from ..speech import cache", "never reach up"),  # so are publish and speech
        ("models.py", "from .text import html", "never reach up"),  # shared modules import no stage
        ("pipeline.py", "from . import cli", "Nothing imports the CLI"),
        ("publish/server.py", "import typer", "Nothing imports the CLI"),
        ("cli.py", "import numpy", "The CLI stays thin"),  # it does no audio work of its own
    ],
)
def test_a_forbidden_import_breaks_a_contract(tmp_path: Path, module: str, line: str, contract: str) -> None:
    shutil.copytree(PACKAGE, tmp_path / "narrate", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "narrate" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # added by the test\n", encoding="utf-8")

    result = lint_imports(tmp_path)

    assert result.returncode != 0, result.stdout
    broken = [row for row in result.stdout.splitlines() if row.endswith("BROKEN")]
    assert any(contract in row for row in broken), result.stdout


def _python_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*.py") if "__pycache__" not in p.parts]


def test_no_module_is_over_800_lines() -> None:
    long = {
        str(path.relative_to(ROOT)): lines
        for path in _python_files(PACKAGE) + _python_files(ROOT / "benchmarks")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"split these where the code has seams: {long}"


def test_the_top_level_holds_only_what_every_stage_shares_or_what_drives_them() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL_MODULES, top
    for stage in STAGES:
        assert (PACKAGE / stage / "__init__.py").is_file(), stage


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_says_what_it_does_takes_gives_and_may_import(stage: str) -> None:
    init = PACKAGE / stage / "__init__.py"
    doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
    for phrase in ("Takes:", "Gives:", "May import:"):
        assert phrase in doc, f"{init}: the docstring should say {phrase!r}"
    # the docstring names the modules it describes, and they exist
    modules = {p.stem for p in (PACKAGE / stage).iterdir() if p.suffix == ".py" or (p / "__init__.py").exists()}
    modules -= {"__init__", "__pycache__"}
    unnamed = sorted(m for m in modules if f"``{m}``" not in doc and f"``{m}/``" not in doc)
    assert not unnamed, f"{init}: the docstring does not name {unnamed}"


def test_tests_mirror_the_stages() -> None:
    """tests/<stage>/…/test_<module>[_<aspect>].py for a module narrate/<stage>/…/<module>.py."""
    strays = []
    for stage in STAGES:
        for test in (ROOT / "tests" / stage).rglob("test_*.py"):
            folder = PACKAGE / test.parent.relative_to(ROOT / "tests")
            name = test.stem.removeprefix("test_")
            if not any(
                name == module or name.startswith(module + "_")
                for module in (p.stem for p in folder.iterdir() if p.suffix == ".py" or p.is_dir())
            ):
                strays.append(str(test.relative_to(ROOT)))
    assert not strays, f"no module of that name beside them: {strays}"
    flat = sorted(p.name for p in (ROOT / "tests").glob("test_*.py"))
    stage_modules = {p.stem for stage in STAGES for p in (PACKAGE / stage).rglob("*.py")} - {"__init__"}
    misplaced = [t for t in flat if t.removeprefix("test_").removesuffix(".py") in stage_modules]
    assert not misplaced, f"these test a stage's module: move them to tests/<stage>/: {misplaced}"


def test_the_engine_plugin_api_stays_at_narrate_engines() -> None:
    """Plugins import ``narrate.engines.Engine`` (the README says so); it is the real class."""
    import narrate.engines
    import narrate.speech.engines

    for name in narrate.engines.__all__:
        assert getattr(narrate.engines, name) is getattr(narrate.speech.engines, name), name
