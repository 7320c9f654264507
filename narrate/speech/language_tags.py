"""Reading the BCP 47 language tags that choose a voice: primary subtag, region, English name.

Voices care about the primary subtag ("pt" in "pt-BR": which language is spoken) and the region
("BR": which accent). :func:`primary` follows the project's shared rule (lower case, "" when the
tag is not a language) and agrees with ``narrate.text.language.primary``.
"""

from __future__ import annotations

import re

_SUBTAG = re.compile(r"[A-Za-z0-9]{1,8}")
_PRIMARY = re.compile(r"[A-Za-z]{2,3}")

# English names of the languages narrate is most often asked for; any other tag is named by itself.
_NAMES = {
    "af": "Afrikaans", "am": "Amharic", "ar": "Arabic", "az": "Azerbaijani", "be": "Belarusian",
    "bg": "Bulgarian", "bn": "Bengali", "bs": "Bosnian", "ca": "Catalan", "cs": "Czech", "cy": "Welsh",
    "da": "Danish", "de": "German", "el": "Greek", "en": "English", "eo": "Esperanto", "es": "Spanish",
    "et": "Estonian", "eu": "Basque", "fa": "Persian", "fi": "Finnish", "fil": "Filipino", "fr": "French",
    "ga": "Irish", "gl": "Galician", "gu": "Gujarati", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian",
    "hu": "Hungarian", "hy": "Armenian", "id": "Indonesian", "is": "Icelandic", "it": "Italian",
    "ja": "Japanese", "ka": "Georgian", "kk": "Kazakh", "km": "Khmer", "kn": "Kannada", "ko": "Korean",
    "la": "Latin", "lb": "Luxembourgish", "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian",
    "ml": "Malayalam", "mr": "Marathi", "ms": "Malay", "mt": "Maltese", "my": "Burmese", "nb": "Norwegian",
    "ne": "Nepali", "nl": "Dutch", "nn": "Norwegian", "no": "Norwegian", "pa": "Punjabi", "pl": "Polish",
    "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "si": "Sinhala", "sk": "Slovak", "sl": "Slovenian",
    "sq": "Albanian", "sr": "Serbian", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "te": "Telugu",
    "th": "Thai", "tl": "Filipino", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "uz": "Uzbek",
    "vi": "Vietnamese", "yue": "Cantonese", "zh": "Chinese",
}


def subtags(tag: str) -> list[str]:
    """The subtags of ``tag`` ("pt_br" and "pt-BR" alike), or [] when it is not shaped like a tag."""
    parts = tag.strip().replace("_", "-").split("-")
    if not parts or not all(_SUBTAG.fullmatch(p) for p in parts) or not _PRIMARY.fullmatch(parts[0]):
        return []
    return parts


def primary(tag: str) -> str:
    """The primary language subtag in lower case ("pt-BR" -> "pt"); "" when ``tag`` is not a language."""
    parts = subtags(tag)
    return parts[0].lower() if parts else ""


def region(tag: str) -> str:
    """The region subtag in upper case ("pt-br" -> "BR", "es-419" -> "419", "zh-Hant-TW" -> "TW"), or ""."""
    for part in subtags(tag)[1:]:
        if len(part) == 2 and part.isalpha() or len(part) == 3 and part.isdigit():
            return part.upper()
        if len(part) != 4:  # a variant or an extension: no region after it
            break
    return ""


def script(tag: str) -> str:
    """The script subtag in title case ("zh-hant-tw" -> "Hant"), or ""."""
    parts = subtags(tag)
    return parts[1].title() if len(parts) > 1 and len(parts[1]) == 4 and parts[1].isalpha() else ""


def language_name(tag: str) -> str:
    """The language's English name ("es-MX" -> "Spanish"); the tag itself, quoted, when unknown."""
    return _NAMES.get(primary(tag)) or f"'{tag}'"
