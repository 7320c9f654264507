"""Text-to-speech engines behind one interface."""

from .base import Engine, EngineOptions, VoiceParams
from .registry import ENTRY_POINT_GROUP, create_engine, engine_class, engine_names, engine_status, register, unregister

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
