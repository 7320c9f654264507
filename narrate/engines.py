"""The engine plugin API, at the path plugins import it from: ``from narrate.engines import Engine``.

The engines themselves live in :mod:`narrate.speech.engines`; this module only re-exports its public
names, so that a plugin package keeps working whatever the package's layout.
"""

from .speech.engines import (
    ENTRY_POINT_GROUP,
    Engine,
    EngineOptions,
    VoiceParams,
    create_engine,
    engine_class,
    engine_names,
    engine_status,
    register,
    unregister,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "Engine",
    "EngineOptions",
    "VoiceParams",
    "create_engine",
    "engine_class",
    "engine_names",
    "engine_status",
    "register",
    "unregister",
]
