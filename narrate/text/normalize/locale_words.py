"""Words in any language but English: abbreviations and titles ("Sr.", "z. B.", "Mme"), web and
e-mail addresses ("ejemplo punto es"), and the symbols left over ("&", "+", "%", "°", "@").

Each function makes one step for a :class:`~narrate.text.normalize._locale.Language`; a symbol the
language has no word for is left as written, so no English is put into the text.
"""

from __future__ import annotations

import re

from ._common import Step
from ._locale import Language, capitalize_like, ends_sentence
from .locale_numbers import named
from .web import _EMAIL, _SHORT_PATH, _URL


def _abbreviation_pattern(written: str) -> str:
    """An abbreviation as written, with or without the spaces after its inner periods: "p. ej."
    also matches "p.ej."."""
    parts = [re.escape(part) for part in re.split(r"(?<=\.)[ \t]+", written)]
    pattern = r"[ \t]?".join(parts)
    start = r"(?<![\w.])" if written[:1].isalnum() else ""
    end = r"(?![^\W\d_])" if written[-1:].isalnum() else r"(?![^\W\d_]|\.\w)"
    return start + pattern + end


def _key(written: str) -> str:
    return re.sub(r"(?<=\.)[ \t]+", "", written)


def abbreviation_step(language: Language) -> Step:
    """Titles before a name ("Sr. García" -> "señor García", "Mme Dupont" -> "madame Dupont"),
    abbreviations ("p. ej." -> "por ejemplo", "z. B." -> "zum Beispiel", "etc." -> "etcétera") and
    those said only before a number ("Nr. 5" -> "Nummer 5", "n.º 3" -> "número 3"). A title's
    period never ends the sentence; an abbreviation's does when a new sentence follows."""
    table: dict[str, tuple[str, str, str]] = {}
    for kind, entries in (
        ("title", language.titles),
        ("abbr", language.abbreviations),
        ("number", language.before_number),
    ):
        for written, spoken in entries.items():
            table[_key(written)] = (kind, written, spoken)
    if not table:
        return named("expand_abbreviations", lambda text: text)
    alternatives = sorted((written for _, written, _ in table.values()), key=len, reverse=True)
    pattern = re.compile("|".join(_abbreviation_pattern(a) for a in alternatives))

    def replace(m: re.Match[str]) -> str:
        kind, written, spoken = table[_key(m.group(0))]
        rest = m.string[m.end() : m.end() + 3]
        if kind == "number" and not re.match(r"[ \t]?\d", rest):
            return m.group(0)
        if kind == "title":
            if not re.match(r"[ \t]+[A-ZÀ-Ý]", m.string[m.end() : m.end() + 3]):
                return m.group(0)  # "M." or "Me" that is no title before a name
            return capitalize_like(spoken, m.string, m.start())
        if m.group(0)[:1].isupper():
            spoken = capitalize_like(spoken, m.string, m.start())
        if kind == "number":
            return spoken + ("" if rest[:1].isspace() else " ")
        if written.endswith(".") and ends_sentence(language, m.string, m.end()):
            return spoken + "."
        return spoken

    return named("expand_abbreviations", lambda text: pattern.sub(replace, text))


# --------------------------------------------------------------------------------------------------
# Web and e-mail addresses
# --------------------------------------------------------------------------------------------------


def web_step(language: Language) -> Step:
    """https://www.ejemplo.es/ruta -> "ejemplo punto es" (no scheme, "www", query or path, but the
    one short word of a bare address: "ejemplo.es/empleo" -> "ejemplo punto es barra empleo")."""
    dot, slash = language.say("dot"), language.say("slash")
    if not dot:
        return named("expand_urls", lambda text: text)

    def replace(m: re.Match[str]) -> str:
        url = m.group(0)
        rest = re.sub(r"^(?:[a-z]+://)?(?:www\.)?", "", url, flags=re.IGNORECASE)
        host, sep, path = rest.partition("/")
        host = host.split(":")[0].split("@")[-1]
        if not re.fullmatch(r"[\w.-]+", host) or "." not in host.strip("."):
            return url
        spoken = f" {dot} ".join(part for part in host.strip(".").lower().split(".") if part)
        path = sep + path.split("?")[0].split("#")[0]
        if url == rest and slash and _SHORT_PATH.fullmatch(path):
            spoken += f" {slash} " + path.strip("/")
        return spoken

    return named("expand_urls", lambda text: _URL.sub(replace, text))


def email_step(language: Language) -> Step:
    """ana@ejemplo.es -> "ana arroba ejemplo punto es"."""
    dot, at = language.say("dot"), language.say("at")
    if not dot or not at:
        return named("expand_emails", lambda text: text)

    def replace(m: re.Match[str]) -> str:
        user = f" {dot} ".join(p for p in m.group(1).split(".") if p)
        host = f" {dot} ".join(p for p in m.group(2).lower().split(".") if p)
        return f"{user} {at} {host}"

    return named("expand_emails", lambda text: _EMAIL.sub(replace, text))


# --------------------------------------------------------------------------------------------------
# Symbols
# --------------------------------------------------------------------------------------------------


def ampersand_step(language: Language) -> Step:
    """ "Pérez & García" -> "Pérez y García"; letters joined by "&" stay as written ("I+D", "H&M")."""
    word = language.say("and")
    pattern = re.compile(r"(?<=[\w.])[ \t]+&(?:amp;)?[ \t]+(?=\w)")
    if not word:
        return named("expand_ampersands", lambda text: text)
    return named("expand_ampersands", lambda text: pattern.sub(f" {word} ", text))


def symbol_step(language: Language) -> Step:
    """Symbols left over, in the language's words: " + " ("más"), " = ", "±", "×", "%", "°", "@",
    "nº"; a symbol the language has no word for stays as written."""
    table = [
        (r"[ \t]+\+[ \t]+", "plus", " {} "),
        (r"[ \t]+=[ \t]+", "equals", " {} "),
        (r"[ \t]*±[ \t]*", "plus_minus", " {} "),
        (r"[ \t]*×[ \t]*", "times", " {} "),
        (r"[ \t]*%", "percent", " {}"),
        (r"[ \t]*‰", "per_mille", " {}"),
        (r"[ \t]*[°º](?=[ \t]|$)", "degrees", " {}"),
        (r"(?<![\w@])@(?=\w)", "at", "{} "),
        (r"[ \t]*@[ \t]*", "at", " {} "),
    ]
    rules = [(re.compile(p), language.say(key), form) for p, key, form in table if language.say(key)]

    def step(text: str) -> str:
        for pattern, word, form in rules:
            text = pattern.sub(form.format(word), text)
        return text

    return named("expand_symbols", step)
