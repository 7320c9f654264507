"""What every language but English shares: :class:`Language` (a language's data and the few rules
that are its own) and the number words, spelled in the language with its own separators.

num2words spells the numbers; Babel (CLDR) knows each locale's decimal and group symbols, month
names, currency names and unit names with their plural forms. A language module (``spanish`` …)
fills in one :class:`Language`; the steps in ``locale_numbers``, ``locale_dates`` and
``locale_words`` read it. A language num2words does not know keeps its digits as written.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Final

from babel import Locale, UnknownLocaleError
from babel.dates import get_month_names
from babel.numbers import get_currency_name, get_decimal_symbol, get_group_symbol
from babel.units import format_unit
from num2words import num2words

MAX_DIGITS: Final = 15
"""Longer digit strings (account numbers, IDs) are read digit by digit."""

Agree = Callable[[str, str], str]
"""A number in words made to agree with the word after it: ("uno", "años") -> "un"."""
Ordinal = Callable[[int, str, str, str], str]
"""An ordinal in words from the number, the suffix written after it ("º", "ª", "er", "."), the word
before and the word after: (1, "ª", "la", "vez") -> "primera"."""


def _same(words: str, _next: str) -> str:
    return words


def _nothing(_scale: str, _name: str) -> str:
    return ""


@dataclass(frozen=True, eq=False)
class Language:
    """A language's data for speech normalisation. Only ``tag`` is required: every other field has a
    language-neutral default, and Babel and num2words supply what they know about the tag.

    ``words`` holds the fixed words the steps say, by key: "decimal" ("coma"), "point" (between the
    parts of a version number), "minus", "plus", "percent", "and" (for "&"), "at", "dot", "slash"
    (web addresses), "over" (a slash between numbers: "7/2024"), "to" (ranges), "ratio" (scores:
    "2:1"), "times" ("×"), "number" ("#1"), "degrees", "equals", "plus_minus", "per_mille". A
    missing word leaves its symbol as written, so no English is injected.
    """

    tag: str
    """BCP 47 tag of the locale, for Babel: "es", "pt-BR", "de-CH"."""
    num2words: str | None = None
    """num2words' code ("es", "pt_BR"); None when num2words does not know the language."""
    words: Mapping[str, str] = field(default_factory=dict)
    decimal_words: Mapping[str, str] = field(default_factory=dict)
    """The decimal separator's word by symbol, where a region writes another one: Spanish "." ->
    "punto" (es-MX writes "3.5" and says "tres punto cinco"); otherwise ``words["decimal"]``."""
    fraction_digits: bool = True
    """The digits after the decimal separator one by one ("zwei fünf"), or as a number
    ("veinticinco") when False."""
    cardinal_fix: Callable[[str], str] = str
    """num2words' cardinal, corrected where it is wrong (es "veintiuno mil" -> "veintiún mil")."""
    agree: Agree = _same
    """The number made to agree with the noun after it (gender, apocope: "veintiún años")."""
    stopwords: frozenset[str] = frozenset()
    """Words after a number that are no noun it could agree with ("de", "y", "que")."""
    look_past: frozenset[str] = frozenset()
    """Words between a number and its noun that the number agrees past: "mil" ("doscientas mil
    personas")."""
    ordinal: Ordinal | None = None
    ordinal_suffix: str = ""
    """A pattern for the suffixes that make a number an ordinal ("º", "ª", "er", "e")."""
    ordinal_dot: bool = False
    """Ordinals are written with a period: "3. Liga" (German)."""
    day: Callable[[int, str], str] | None = None
    """The day of a date in words, from the number and the word before ("1" -> "premier")."""
    year: Callable[[int], str] | None = None
    """A year in words, when not read as a plain number ("1990" -> "neunzehnhundertneunzig")."""
    month_aliases: Mapping[str, int] = field(default_factory=dict)
    """Other names of months, lower-case, read as written: Austrian "jänner" -> 1."""
    date_template: str = "{day} {month} {year}"
    """How a numeric date ("12/03/2024") is said."""
    day_month: str = r"[ \t]+"
    """A pattern for what is written between a day and its month ("de", ". ")."""
    month_year: str = r"[ \t]+"
    clock: Callable[[int, int, bool], str] | None = None
    """A time in words from hours, minutes and whether an hour unit was written ("14h30")."""
    time_before: str = ""
    """A pattern for the words before a time written with a period ("a las 14.30")."""
    time_units: str = ""
    """A pattern for the units after a time ("h", "horas", "Uhr"), consumed by ``clock``."""
    currencies: Mapping[str, tuple[str, str, str]] = field(default_factory=dict)
    """ISO code -> (one, many, gender "m"/"f"): overrides Babel's longer official names."""
    subunits: Mapping[str, tuple[str, str, str]] = field(default_factory=dict)
    """ISO code -> (one, many, gender): "céntimo", "céntimos"."""
    money_cents: str = "{units} {cents}"
    """How an amount with cents is said: "{units} con {cents}"; "{cents_number}" is the number alone."""
    money_of: Callable[[str, str], str] = _nothing
    """The word between a scale and a currency, from both: "de " ("millones de euros"), "d'"
    ("millions d'euros"), "" ("mil euros")."""
    fractions: Mapping[int, tuple[str, str]] = field(default_factory=dict)
    """Denominators -> (one, many) for fractions: 3 -> ("tercio", "tercios") ("2/3" -> "dos tercios")."""
    multipliers: Mapping[str, int] = field(default_factory=dict)
    """Words written onto a number that multiply it: Italian "15mila" -> 15 000 ("quindicimila")."""
    scales: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    """Scale words and abbreviations after a number -> (one, many): "mill." -> ("millón", "millones")."""
    units: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    """Unit symbols read another way than Babel's name -> (one, many)."""
    not_units: frozenset[str] = frozenset()
    """Unit symbols that are words here and are left alone: Italian "ha" ("has")."""
    unit_cents: frozenset[str] = frozenset()
    """Units whose two decimals are said as a price's cents are: "1,80 m" -> "un mètre quatre-vingts"."""
    abbreviations: Mapping[str, str] = field(default_factory=dict)
    """Abbreviations with their periods -> words: "p. ej." -> "por ejemplo"."""
    titles: Mapping[str, str] = field(default_factory=dict)
    """Titles before a name: "Sr." -> "señor"; the period never ends a sentence."""
    before_number: Mapping[str, str] = field(default_factory=dict)
    """Abbreviations expanded only before a number: "Nr." -> "Nummer"."""
    sentence_starters: frozenset[str] = frozenset()
    """Capitalised words that, after an abbreviation's period, start a new sentence."""
    phone_numbers: bool = True
    """Phone numbers in groups read as numbers ("noventa y uno, ciento veintitrés"); False: digit by digit."""
    century_words: Mapping[str, str] = field(default_factory=dict)
    """Words (or abbreviations) before a Roman century -> the word said: "s." -> "siglo"."""
    century_after: Mapping[str, str] = field(default_factory=dict)
    """Words after a Roman century: "secolo" ("XXI secolo")."""
    century: Callable[[int], str] | None = None
    """A Roman century in words (ordinal up to ten and cardinal after, in Spanish)."""
    regnal: Callable[[int, str], str] | None = None
    """A Roman number after a capitalised word in words: (6, "Felipe") -> "sexto", (2, "Fase") -> "dos"."""
    regnal_names: frozenset[str] = frozenset()
    """Names of rulers and popes, after which even "I", "V" and "X" are regnal numbers."""
    roman_ordinals: bool = False
    """Roman numbers take the ordinal suffixes: "XXIe siècle", "Ier" (French)."""
    between: Mapping[str, str] = field(default_factory=dict)
    """A word before a range -> the word between its ends: "entre" -> "y" ("entre 2010 y 2015")."""

    # ----------------------------------------------------------------------------------------------
    # Babel

    @functools.cached_property
    def locale(self) -> Locale | None:
        """Babel's locale for the tag, or None when CLDR does not know it."""
        try:
            return Locale.parse(self.tag.replace("-", "_"))
        except (UnknownLocaleError, ValueError, TypeError):
            try:
                return Locale.parse(self.tag.replace("-", "_").split("_")[0])
            except (UnknownLocaleError, ValueError, TypeError):
                return None

    @functools.cached_property
    def decimal_symbol(self) -> str:
        """ "," or "." as CLDR says for the locale ("," when it does not know it)."""
        return get_decimal_symbol(self.locale) if self.locale else ","

    @functools.cached_property
    def group_symbols(self) -> str:
        """Every character that separates groups of thousands here: the locale's, a space, an
        apostrophe, and the period or comma that is not the decimal symbol."""
        symbol = get_group_symbol(self.locale) if self.locale else ""
        other = "." if self.decimal_symbol == "," else ","
        return "".join(dict.fromkeys(c for c in symbol + other + " '’" if not c.isspace() or c == " "))

    @functools.cached_property
    def months(self) -> tuple[str, ...]:
        """The twelve month names, as written in dates ("marzo", "März")."""
        if not self.locale:
            return ()
        names = get_month_names("wide", locale=self.locale)
        return tuple(names[i] for i in range(1, 13))

    @functools.cached_property
    def month_numbers(self) -> dict[str, int]:
        """Month names and abbreviations, lower-case, with and without their period -> 1 … 12."""
        if not self.locale:
            return {}
        out: dict[str, int] = {}
        for context in ("format", "stand-alone"):
            for number, name in get_month_names("wide", context, self.locale).items():
                out.setdefault(name.lower(), number)
        full = set(out)
        for context in ("format", "stand-alone"):
            for number, name in get_month_names("abbreviated", context, self.locale).items():
                short = name.lower().rstrip(".")
                if len(short) >= 3 and short not in full:
                    out.setdefault(short + ".", number)
                    out.setdefault(short, number)
        return {**self.month_aliases, **out}

    def is_one(self, count: Decimal) -> bool:
        """Whether a count takes the singular here, by CLDR's plural rules: 1 everywhere; 1,2 too in
        French ("1,2 milliard") and Brazilian Portuguese ("1,5 milhão")."""
        if count == 1:
            return True
        if not self.locale:
            return False
        try:
            return self.locale.plural_form(abs(count)) == "one"
        except Exception:
            return False

    def currency_name(self, code: str, count: Decimal) -> tuple[str, str]:
        """(name, gender) of a currency for an amount: ("euros", "m")."""
        if code in self.currencies:
            one, many, gender = self.currencies[code]
            return (one if self.is_one(count) else many), gender
        if not self.locale:
            return code, "m"
        plural = self.locale.plural_form(abs(count))
        try:
            return get_currency_name(code, count=1 if plural == "one" else 2, locale=self.locale), "m"
        except Exception:
            return code, "m"

    def unit_name(self, unit: str, cldr: str, count: Decimal) -> str | None:
        """A unit's name for a count ("kilómetros"), from this language's table or from CLDR."""
        if unit in self.units:
            one, many = self.units[unit]
            return one if self.is_one(count) else many
        if not self.locale:
            return None
        try:
            spoken = format_unit(count, cldr, length="long", locale=self.locale)
        except Exception:
            return None
        spoken = re.sub(r"\s+", " ", spoken)
        return re.sub(r"[-−]?[\d.,  '’]*\d", "", spoken, count=1).strip() or None

    # ----------------------------------------------------------------------------------------------
    # Numbers

    @property
    def spells(self) -> bool:
        """num2words can spell numbers in this language."""
        return self.num2words is not None

    def say(self, key: str) -> str | None:
        """One of the fixed words, or None."""
        return self.words.get(key)

    @functools.cached_property
    def number_pattern(self) -> str:
        """A number as written here: groups of thousands with one separator throughout and an
        optional decimal part ("3.500,25", "3 500"); a decimal written with the other separator
        ("3.5" in Spanish); or plain digits. Never the start of a longer number ("3.11.2")."""
        groups = "|".join(rf"\d{{1,3}}(?:{re.escape(g)}\d{{3}})+" for g in self.group_symbols)
        dec = re.escape(self.decimal_symbol)
        other = re.escape("." if self.decimal_symbol == "," else ",")
        end = r"(?![\d]|[.,'’]\d)"
        return rf"(?:(?:{groups})(?:{dec}\d+)?{end}|\d+{other}\d+{end}|\d+(?:{dec}\d+)?{end})"

    def parse(self, written: str) -> tuple[str, str] | None:
        """(integer digits, fraction digits) of a number as written here, or None: "3.500,25" ->
        ("3500", "25"); "3.5" in Spanish -> ("3", "5")."""
        text = written.strip()
        if self.decimal_symbol in text:
            integer, _, fraction = text.rpartition(self.decimal_symbol)
        else:
            other = "." if self.decimal_symbol == "," else ","
            integer, fraction = text, ""
            if other in text and not re.fullmatch(rf"\d{{1,3}}(?:{re.escape(other)}\d{{3}})+", text):
                integer, _, fraction = text.partition(other)
        for g in self.group_symbols:
            integer = integer.replace(g, "")
        if not integer.isdigit() or (fraction and not fraction.isdigit()):
            return None
        return integer, fraction

    def value(self, written: str) -> Decimal | None:
        """The value of a number as written here, or None."""
        parsed = self.parse(written)
        if parsed is None:
            return None
        try:
            return Decimal(parsed[0] + ("." + parsed[1] if parsed[1] else ""))
        except InvalidOperation:
            return None

    def digits(self, digits: str) -> str:
        """Each digit as a word: "007" -> "cero cero siete"."""
        return " ".join(self.cardinal(int(d)) for d in digits if d.isdigit())

    def cardinal(self, n: int) -> str:
        """A whole number in words; very long ones digit by digit; as digits when num2words does
        not know the language or fails on the number."""
        if self.num2words is None:
            return str(n)
        if len(str(abs(n))) > MAX_DIGITS:
            minus = self.say("minus")
            digits = " ".join(self.cardinal(int(d)) for d in str(abs(n)))
            return f"{minus} {digits}" if n < 0 and minus else digits
        try:
            words = num2words(n, lang=self.num2words)
        except Exception:
            return str(n)
        return self.cardinal_fix(tidy(words))

    def ordinal_words(self, n: int, suffix: str = "", previous: str = "", following: str = "") -> str:
        """An ordinal in words, in the form the suffix and the words around it call for."""
        if self.ordinal is not None:
            return self.ordinal(n, suffix, previous, following)
        if self.num2words is None:
            return str(n)
        try:
            return tidy(num2words(n, lang=self.num2words, to="ordinal"))
        except Exception:
            return self.cardinal(n)

    def year_words(self, n: int) -> str:
        return self.year(n) if self.year is not None else self.cardinal(n)

    def number(self, integer: str, fraction: str = "") -> str:
        """Digits (already without separators) in words: ("3", "25") -> "tres coma veinticinco"."""
        if not integer:
            integer = "0"
        if len(integer) > MAX_DIGITS or (len(integer) > 1 and integer.startswith("0")):
            head = self.digits(integer)
        else:
            head = self.cardinal(int(integer))
        if not fraction:
            return head
        decimal = self.decimal_words.get(self.decimal_symbol) or self.say("decimal")
        if decimal is None or self.num2words is None:
            return f"{integer}{self.decimal_symbol}{fraction}"
        if self.fraction_digits or fraction.startswith("0") or len(fraction) > 3:
            tail = self.digits(fraction)
        else:
            tail = self.cardinal(int(fraction))
        return f"{head} {decimal} {tail}"

    def written_number(self, written: str) -> str:
        """A number as written here in words; left as written when it cannot be read."""
        parsed = self.parse(written)
        if parsed is None:
            return written
        return self.number(*parsed)


def tidy(words: str) -> str:
    """num2words' output without commas (they make engines pause) or doubled spaces."""
    return re.sub(r"\s+", " ", words.replace(",", " ")).strip()


# --------------------------------------------------------------------------------------------------
# The words around a match
# --------------------------------------------------------------------------------------------------

WINDOW: Final = 80
"""Characters of context the steps look at around a match; bounded, so no step is quadratic."""
_NEXT_WORD: Final = re.compile(r"[ \t]*([^\W\d_][\w'’-]*)")
_PREVIOUS_WORD: Final = re.compile(r"([^\W\d_][\w'’]*)[ \t]*$")


def next_word(text: str, end: int) -> str:
    """The word right after ``text[end]`` (spaces skipped, no punctuation between), or ""."""
    match = _NEXT_WORD.match(text, end, min(len(text), end + WINDOW))
    return match.group(1) if match else ""


def previous_word(text: str, start: int) -> str:
    """The word right before ``text[start]`` (spaces skipped, no punctuation between), or ""."""
    match = _PREVIOUS_WORD.search(text[max(0, start - WINDOW) : start])
    return match.group(1) if match else ""


_LISTED: Final = re.compile(
    r"([^\W\d_][\w'’]*)(?:[ \t]+\d{1,2}(?:\.|º|°|er)?[ \t]*(?:und|oder|bis|y|e|et|ou|o|,))+[ \t]*$"
)


def previous_word_of_list(text: str, start: int) -> str:
    """The word before a list or range of numbers that ``text[start]`` ends: "am" for the "2." of "am
    1. und 2. Juni"; else the word right before."""
    match = _LISTED.search(text[max(0, start - WINDOW) : start])
    return match.group(1) if match else previous_word(text, start)


def at_sentence_start(text: str, start: int) -> bool:
    """Nothing but spaces and opening quotes between a sentence end (or the start) and ``start``."""
    before = text[max(0, start - WINDOW) : start].rstrip(" \t\"'“‘«([¿¡")
    return not before or before[-1] in ".!?:\n"


def capitalize_like(words: str, text: str, start: int) -> str:
    """``words`` with a capital letter when they start a sentence."""
    return words[:1].upper() + words[1:] if words and at_sentence_start(text, start) else words


def ends_sentence(language: Language, text: str, end: int) -> bool:
    """Whether the period just before ``text[end]`` (an abbreviation's) also ends the sentence: the
    text or line ends, or a word that starts sentences follows."""
    rest = text[end : end + WINDOW]
    stripped = rest.lstrip("\"'”’»)] \t")
    if not stripped or stripped[0] == "\n":
        return True
    if not rest[:1].isspace() and rest[:1] not in "\"'”’»)]":
        return False
    word = _NEXT_WORD.match(stripped.lstrip("\"'“‘«(["))
    return word is not None and word.group(1) in language.sentence_starters


ROMAN: Final = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
"""A Roman number from I to XXXIX (the forms of centuries and regnal numbers)."""


def roman_value(roman: str) -> int:
    """The value of a Roman number as ``ROMAN`` matches it: "XXI" -> 21."""
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for i, char in enumerate(roman):
        value = values[char]
        total += -value if i + 1 < len(roman) and values[roman[i + 1]] > value else value
    return total
