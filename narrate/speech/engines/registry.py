"""Finding engines: the ``narrate.engines`` entry-point group, plus engines registered at run time.

A package adds an engine by declaring, in its own pyproject.toml::

    [project.entry-points."narrate.engines"]
    myengine = "my_package.module:MyEngine"

narrate's built-in engines are declared the same way in narrate's pyproject.toml.
"""

from __future__ import annotations

from importlib.metadata import EntryPoint, entry_points
from typing import Any, Mapping

from ...errors import EngineError
from ...settings import from_mapping
from .base import Engine

ENTRY_POINT_GROUP = "narrate.engines"
_registered: dict[str, type[Engine]] = {}


def register(engine_class: type[Engine]) -> None:
    """Make ``engine_class`` available under its name (tests and embedding programs use this)."""
    _registered[engine_class.name] = engine_class


def unregister(name: str) -> None:
    _registered.pop(name, None)


def _entry_points() -> dict[str, EntryPoint]:
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def engine_names() -> list[str]:
    """Names of every engine that can be asked for."""
    return sorted(set(_entry_points()) | set(_registered))


def engine_class(name: str) -> type[Engine]:
    """The engine class called ``name``; :class:`EngineError` if there is none or it cannot load."""
    if name in _registered:
        return _registered[name]
    entry = _entry_points().get(name)
    if entry is None:
        known = ", ".join(engine_names()) or "none installed"
        raise EngineError(f"unknown engine '{name}' (engines: {known})")
    try:
        loaded = entry.load()
    except ImportError as exc:
        raise EngineError(f"engine '{name}' cannot be loaded: {exc}") from exc
    if not (isinstance(loaded, type) and issubclass(loaded, Engine)):
        raise EngineError(f"engine '{name}' ({entry.value}) is not a narrate Engine")
    return loaded


def create_engine(name: str, options: Mapping[str, Any], where: str) -> Engine:
    """Create engine ``name`` with ``options`` validated against its options dataclass."""
    cls = engine_class(name)
    parsed = from_mapping(cls.Options, options, f"{where} [options]")
    return cls(parsed)


def engine_status(name: str) -> tuple[bool, str]:
    """Whether engine ``name`` can run here, and a note for the user ("needs network", how to install)."""
    try:
        cls = engine_class(name)
    except EngineError as exc:
        return False, str(exc)
    problem = cls.missing()
    if problem:
        return False, f"{problem}; {cls.install_hint}" if cls.install_hint else problem
    return True, "needs network" if cls.needs_network else "offline"
