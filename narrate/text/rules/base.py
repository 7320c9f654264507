"""What a rule is, and the helpers every language's module builds its rules with.

A :class:`LineRule` is a name, a pattern that must match a whole line and an action. The helpers
here write the parts that recur from one language to the next: a rule from a list of phrases
(:func:`phrases`), a byline that captures the author's names and nothing that could be a sentence
(:func:`byline`), and the cleaning of those names (:func:`clean_names`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum

__all__ = [
    "CREDIT", "DURATION", "LINK_TAIL", "SEPARATED_TAIL", "UPPER", "Action", "LineRule",
    "byline", "clean_names", "names_beside", "phrases", "place_beside", "rule", "staff", "words",
]


class Action(str, Enum):
    """What a matching rule does with a line."""

    DROP = "drop"
    AUTHOR = "author"
    DATE = "date"
    SITE = "site"


@dataclass(frozen=True)
class LineRule:
    """A named whole-line pattern. For metadata actions the group ``value`` holds the value."""

    name: str
    pattern: re.Pattern[str]
    action: Action = Action.DROP
    header_only: bool = False
    """Only match before the first paragraph of the body (where site tags and bylines sit)."""
    accept: Callable[[str], bool] | None = None
    """An extra check on the whole line; the rule does not apply when it returns False."""
    convert: Callable[[str], str | None] | None = None
    """Turns the ``value`` group into the metadata value (a date's ISO form, an author's names);
    None for the action's English default. An empty result records nothing."""
    headings: bool = True
    """Also tried on Markdown section headings ("## Lee también"); False for rules that judge a line
    by its shape rather than its words (ALL-CAPS headlines, site tags)."""
    beside: frozenset[str] = frozenset()
    """Only take a line next to one that a rule of one of these names took (a name line beside a
    dateline is a byline); empty for rules that take a line wherever it is."""
    takes_next: int = 0
    """A label ("Lee también", "Mehr zum Thema") takes up to this many following lines with it when they
    are linked headlines (short, no sentence end) and the label stands alone on its line."""
    tail: bool = False
    """Only tried on what is left after the article's last sentence, once the other rules have run
    (the teasers, promotions and credits a page ends with)."""
    links: bool = False
    """Only tried on a Markdown list item or paragraph made of links alone (navigation, related stories)."""


def rule(name: str, pattern: str, action: Action = Action.DROP, **kw: object) -> LineRule:
    """A case-insensitive rule."""
    return LineRule(name, re.compile(pattern, re.IGNORECASE), action, **kw)  # type: ignore[arg-type]


def phrases(name: str, *alternatives: str, tail: str = "", **kw: object) -> LineRule:
    """A rule for lines that are one of ``alternatives`` (regular expressions), after an emoji or an
    arrow perhaps, then ``tail``, then only punctuation (a colon, an ellipsis, an arrow; not a single period, which ends sentences)."""
    body = "|".join(alternatives)
    return rule(name, rf"{_LEAD}(?:{body}){tail}(?:\.{{2,}}|[\s…:!?»>→|•·\-–—])*", **kw)


_LEAD = r"(?:[^\w\s«“\"'(¿¡\[]{1,3}\s*)?"
"""Symbols a label may start with: an emoji, an arrow, a bullet ("📲 Participe do canal…", "► Lee también")."""


DURATION = r"(?:\s*[-–—:(·•|,]?\s*(?:\d+\s*(?:min(?:ute|uto|uti|uten)?s?|minuti|mn)\.?|\d{1,2}:\d{2})\s*\)?)?"
"""An optional duration after a player's label ("· 4 min", "(5 minutos)", "3:12")."""
LINK_TAIL = r"(?:\s*[:|»>→\-–—]\s*.{0,200}|\s+[\"«“¿¡]?(?-i:[A-ZÀ-ÖØ-Þ]).{0,200}(?<![.;,]))?"
"""What may follow a "read also" label: the linked headline, after a separator, or starting with a
capital and not ending as a sentence does."""
CREDIT = r"(?:[^.!?]|\.(?!\s)){1,100}"
"""A credit after "Foto:": no sentence end, though dotted names may have periods ("Quelle: F.A.Z.")."""
SEPARATED_TAIL = r"(?:\s*[:|»>→\-–—]\s*.{0,200})?"
"""What may follow a label that could also start a sentence ("Zum Thema"): a headline after a separator."""

UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
"""Capital letters of the Latin alphabets (for names: Á, Ö, Ç, Ł, Ž…)."""
_NAME_WORD = rf"(?-i:(?:d['’])?[{UPPER}][\w'’.\-]*)"
_MAX_BYLINE = 160
"""Longer lines are never bylines (and are not searched for names)."""
_INITIAL = re.compile(rf"(?:^|\s)[{UPPER}]\.$")
_SENTENCE_END = (".", "!", "?", "…", ":", ";")
_AGENCIES = (
    r"AFP|AP|EFE|dpa|DPA|ANSA|Reuters|REUTERS|Europa Press|Agencia EFE|Agência Brasil|Agence France-Presse"
    r"|Lusa|LUSA|Adnkronos|AGI|KNA|epd|APA|Keystone-SDA|SDA|Estadão Conteúdo|Folhapress|Agências?|Agencias?"
)


def byline(lead: str, joiners: str, particles: str, convert: Callable[[str], str | None]) -> LineRule:
    """A byline: ``lead`` ("Por", "Par", "Von"…), then the names of one or more people joined by
    commas or ``joiners`` ("y", "et", "und"…), then an optional tail after a comma, bar, dash or
    bracket (a role, a place). The names go to the article's metadata.

    Only a short line of capitalised names qualifies, so a sentence that starts with the same word
    ("Por la mañana…", "Di solito…", "Von Anfang an…") stays: every name has at least two words
    (lower-case ``particles`` such as "de", "von" may sit inside it) or is a news agency, and the
    line does not end a sentence.
    """
    pattern = rf"(?=.{{0,{_MAX_BYLINE}}}$)(?:{lead})(?:\s*[:\-–—]\s*|\s+)(?P<value>{_names(joiners, particles)}){_TAIL}"
    return LineRule(
        "byline", re.compile(pattern, re.IGNORECASE), Action.AUTHOR, accept=_not_a_sentence, convert=convert
    )


def names_beside(
    joiners: str, particles: str, convert: Callable[[str], str | None], beside: Iterable[str] = ("date",),
    tail: bool = True,
) -> LineRule:
    """A byline without its lead word: a line of people's names ("Ana García y Luis Pérez"), taken
    only next to a line that the ``beside`` rules took (a dateline), never as the first line; with
    ``tail`` False, names alone (no ", corresponsal en Bruselas": "Serie B, il Perugia…" is a headline)."""
    pattern = rf"(?=.{{0,{_MAX_BYLINE}}}$)(?P<value>{_names(joiners, particles, agencies=False)}){_TAIL if tail else ''}"
    return LineRule(
        "byline", re.compile(pattern), Action.AUTHOR, accept=_not_a_sentence, convert=convert, beside=frozenset(beside)
    )


def place_beside(particles: str, beside: Iterable[str] = ("date", "byline")) -> LineRule:
    """The place a story was written in, alone on its line beside a byline or a dateline ("Bilbao",
    "São Paulo", "Frankfurt am Main", "Jaén -"): one to four capitalised words, dropped. A line of names beside
    it may then go as a byline ("JAVIER MOLINA" / "Bilbao" / a dateline)."""
    word = rf"(?-i:[{UPPER}][\w'’.\-]*)"
    pattern = rf"{word}(?:\s+(?:(?i:{particles})\s+)?{word}){{0,3}}(?:\s*[,(]\s*{word}(?:\s+{word})?\)?)?\s*[-–—:]?"
    return LineRule("place", re.compile(pattern), beside=frozenset(beside))


_TAIL = r"(?:\s*(?:,|\||/|[-–—]|\()\s*[^.!?]{0,80}?\)?)?"


def _names(joiners: str, particles: str, *, agencies: bool = True) -> str:
    """People's names (two words or more each) joined by commas, ``joiners`` or "&"."""
    person = rf"{_NAME_WORD}(?:\s+(?:(?i:{particles})\s+){{0,3}}{_NAME_WORD}){{1,4}}"
    name = rf"(?:{person}|(?-i:{_AGENCIES}))" if agencies else person
    return rf"{name}(?:(?:\s*,\s*|\s+(?i:{joiners})\s+|\s*&\s*){name}){{0,6}}"


def staff(*desks: str) -> LineRule:
    """A byline that names a newsroom, not a person ("Redacción", "Redaktion Berlin", "Par la rédaction"):
    the line goes, and no author is recorded."""
    return rule(
        "byline",
        rf"(?=.{{0,{_MAX_BYLINE}}}$)(?:{'|'.join(desks)})(?:\s*[:\-–—|,/]?\s*{_NAME_WORD}){{0,4}}",
        accept=_not_a_sentence,
    )


def _not_a_sentence(line: str) -> bool:
    """True unless the line ends as a sentence does (an initial's period does not count)."""
    text = line.rstrip(" )”\"'»")
    return len(text.split()) <= 20 and (not text.endswith(_SENTENCE_END) or bool(_INITIAL.search(text)))


def clean_names(value: str, conjunction: str, roles: re.Pattern[str] | None = None) -> str:
    """A byline's names as one line: roles removed, several names joined with commas and ``conjunction``
    ("Ana García, Luis Pérez y Marta Ruiz"), a name in capitals as a name ("ANA GARCÍA" -> "Ana García")."""
    names = []
    for part in re.split(rf"\s*(?:,|\||;|&)\s*|\s+(?i:{re.escape(conjunction)})\s+", value):
        if roles is not None:
            part = roles.sub("", part)
        part = part.strip(" -–—")
        if part and part[0].isupper():
            names.append(_capitalise(part) if part.isupper() else part)
    if not names:
        return ""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" {conjunction} " + names[-1]


_PARTICLES = frozenset("de del della di da das do dos du la le las los van von der den zu y e".split())


def _capitalise(name: str) -> str:
    """A name written in capitals, as a name: "JUAN CARLOS DE LA FUENTE" -> "Juan Carlos de la Fuente"."""
    words = name.lower().split()
    return " ".join(
        word if 0 < i < len(words) - 1 and word in _PARTICLES else "-".join(p.capitalize() for p in word.split("-"))
        for i, word in enumerate(words)
    )


def words(*items: Iterable[str] | str) -> str:
    """A regular-expression alternation of words, longest first (so "sept" is tried before "sep")."""
    flat: list[str] = []
    for item in items:
        flat.extend([item] if isinstance(item, str) else item)
    return "|".join(sorted(dict.fromkeys(flat), key=len, reverse=True))
