"""Written text -> the words a voice speaks: the preset's pronunciation lexicon, then normalisation."""

from __future__ import annotations

from collections.abc import Callable

from ..text.language import canonical, primary
from ..text.lexicon import Lexicon, load_lexicon
from ..text.normalize import normalize_for_speech
from .voices import DEFAULT_LANGUAGE, VoicePreset


def speech_function(preset: VoicePreset, language: str | None = None) -> Callable[[str], str]:
    """The text-to-words function for ``preset`` reading an article in ``language``: the preset's
    lexicon (if any) first, then normalisation in the article's language ("3.500" is "tres mil
    quinientos" in a Spanish article, whoever reads it). Without ``language``: the preset's own,
    else English.

    The whole tag reaches the normaliser, region included, because some regions read differently
    ("fr-BE" says "septante", "pt-PT" and "es-MX" write numbers their own way); a tag that is not
    valid as a whole but names a language ("pt-XYZW") gives its language alone."""
    lexicon = load_lexicon(preset.lexicon_path) if preset.lexicon_path else Lexicon.empty()
    tag = language or preset.language or DEFAULT_LANGUAGE
    code = canonical(tag) or primary(tag) or "en"

    def to_speech(text: str) -> str:
        return normalize_for_speech(lexicon.apply(text), language=code)

    return to_speech
