"""Written text -> the words a voice speaks: the preset's pronunciation lexicon, then normalisation."""

from __future__ import annotations

from collections.abc import Callable

from ..text.lexicon import Lexicon, load_lexicon
from ..text.normalize import normalize_for_speech
from .voices import VoicePreset


def speech_function(preset: VoicePreset) -> Callable[[str], str]:
    """The text-to-words function for ``preset``: its lexicon (if any) first, then normalisation."""
    lexicon = load_lexicon(preset.lexicon_path) if preset.lexicon_path else Lexicon.empty()
    language = preset.language.split("-")[0]

    def to_speech(text: str) -> str:
        return normalize_for_speech(lexicon.apply(text), language=language)

    return to_speech
