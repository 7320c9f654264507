"""A per-voice pronunciation lexicon: words and patterns the engine should say differently.

A lexicon is a TOML file::

    [words]          # whole words, case-sensitive; possessives ("Cienfuegos’", "Cienfuegos's") follow
    Cienfuegos = "See-en-FWAY-gose"
    [patterns]       # Python regular expressions -> replacement (may use \\1 groups)
    "\\bH-2\\b" = "H two"
    [options]
    ignore_case = false   # for [words]

It is applied to the text as written, before :func:`narrate.text.normalize.normalize_for_speech`: first
the words (where two entries overlap, the longer one wins), then the patterns in file order.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..settings import describe_value, read_toml

__all__ = ["Lexicon", "load_lexicon"]

_TABLES = ("words", "patterns", "options")
_OPTIONS = ("ignore_case",)


@dataclass(frozen=True)
class Lexicon:
    """Respellings for one voice."""

    words: dict[str, str]
    """Whole word (or phrase) as written -> what to say instead. A word matches only where it is not
    part of a longer word; what follows it ("'s", "’", "-led") is kept."""
    patterns: list[tuple[re.Pattern[str], str]]
    """Compiled regular expression -> replacement template (``\\1`` refers to a group), in order."""
    ignore_case: bool = False
    """Whether [words] match regardless of case ("cienfuegos", "CIENFUEGOS")."""
    _finder: re.Pattern[str] | None = field(init=False, repr=False, compare=False, default=None)
    _lookup: dict[str, str] = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        if not self.words:
            return
        key = str.casefold if self.ignore_case else str
        lookup = {key(word): spoken for word, spoken in self.words.items()}
        alternatives = "|".join(re.escape(w) for w in sorted(self.words, key=len, reverse=True))
        # A lookahead, so that overlapping candidates are all found; the longest wins in apply().
        finder = re.compile(rf"(?=(?<!\w)({alternatives})(?!\w))", re.IGNORECASE if self.ignore_case else 0)
        object.__setattr__(self, "_finder", finder)
        object.__setattr__(self, "_lookup", lookup)

    @classmethod
    def empty(cls) -> Lexicon:
        """A lexicon that changes nothing."""
        return cls(words={}, patterns=[])

    def apply(self, text: str) -> str:
        """``text`` with every word and pattern of the lexicon replaced."""
        text = self._apply_words(text)
        for pattern, replacement in self.patterns:
            text = pattern.sub(lambda m, r=replacement: m.expand(r) if m.end() > m.start() else "", text)
        return text

    def _apply_words(self, text: str) -> str:
        if self._finder is None:
            return text
        key = str.casefold if self.ignore_case else str
        candidates = [(m.start(1), m.end(1)) for m in self._finder.finditer(text) if m.end(1) > m.start(1)]
        # Longest first; among equally long ones, the earliest. A candidate overlapping one already
        # taken is dropped.
        candidates.sort(key=lambda span: (span[0] - span[1], span[0]))
        taken: list[tuple[int, int]] = []
        for start, end in candidates:
            if all(end <= s or start >= e for s, e in taken):
                taken.append((start, end))
        pieces: list[str] = []
        position = 0
        for start, end in sorted(taken):
            pieces.append(text[position:start])
            pieces.append(self._lookup.get(key(text[start:end]), text[start:end]))
            position = end
        pieces.append(text[position:])
        return "".join(pieces)


def load_lexicon(path: Path) -> Lexicon:
    """Read a lexicon file; every problem is a one-line :class:`ConfigError` naming the file."""
    path = Path(path)
    data = read_toml(path)
    for name, value in data.items():
        if name not in _TABLES:
            kind = "table" if isinstance(value, Mapping) else "key"
            raise ConfigError(f"{path}: unknown {kind} '{name}' (known tables: {', '.join(sorted(_TABLES))})")
        if not isinstance(value, Mapping):
            raise ConfigError(f"{path}: '{name}' must be a table, not {describe_value(value)}")
    options = _options(data.get("options", {}), f"{path} [options]")
    ignore_case = options.get("ignore_case", False)
    words = _words(data.get("words", {}), f"{path} [words]", ignore_case=ignore_case)
    patterns = _patterns(data.get("patterns", {}), f"{path} [patterns]")
    return Lexicon(words=words, patterns=patterns, ignore_case=ignore_case)


def _options(table: Mapping[str, Any], where: str) -> dict[str, Any]:
    for name, value in table.items():
        if name not in _OPTIONS:
            raise ConfigError(f"{where}: unknown key '{name}' (known keys: {', '.join(_OPTIONS)})")
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: '{name}' must be true or false, not {describe_value(value)}")
    return dict(table)


def _words(table: Mapping[str, Any], where: str, *, ignore_case: bool) -> dict[str, str]:
    seen: dict[str, str] = {}
    for word, spoken in table.items():
        if not isinstance(spoken, str):
            raise ConfigError(f"{where}: '{word}' must be a string, not {describe_value(spoken)}")
        if not word.strip():
            raise ConfigError(f"{where}: an entry has an empty word")
        if word != word.strip():
            raise ConfigError(f"{where}: '{word}' starts or ends with a space")
        folded = word.casefold() if ignore_case else word
        if folded in seen:
            raise ConfigError(f"{where}: '{seen[folded]}' and '{word}' are the same word when ignore_case is true")
        seen[folded] = word
    return dict(table)


def _patterns(table: Mapping[str, Any], where: str) -> list[tuple[re.Pattern[str], str]]:
    patterns: list[tuple[re.Pattern[str], str]] = []
    for source, replacement in table.items():
        if not isinstance(replacement, str):
            raise ConfigError(f"{where}: '{source}' must be a string, not {describe_value(replacement)}")
        try:
            pattern = re.compile(source)
        except re.error as exc:
            raise ConfigError(f"{where}: '{source}' is not a valid regular expression ({exc})") from None
        if pattern.fullmatch(""):
            raise ConfigError(f"{where}: '{source}' matches the empty string")
        try:
            pattern.sub(replacement, "")  # the replacement template is checked even without a match
        except (re.error, IndexError) as exc:
            raise ConfigError(f"{where}: '{source}' has a bad replacement '{replacement}' ({exc})") from None
        patterns.append((pattern, replacement))
    return patterns


