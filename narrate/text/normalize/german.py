"""German: its data (words, abbreviations, currencies) and its rules (ordinals written with a period
and inflected by the word before them, years, "ein"/"eine"), and the pipeline built from them.

Readings, as a German newsreader says them: "3.500" -> "dreitausendfünfhundert"; "4,5" -> "vier
Komma fünf"; "12 %" -> "zwölf Prozent"; "am 12. März 2024" -> "am zwölften März
zweitausendvierundzwanzig"; "Berlin, 12. März" -> "Berlin, zwölfter März"; "die 3. Liga" -> "die
dritte Liga"; "im 21. Jahrhundert" -> "im einundzwanzigsten Jahrhundert"; "1990" -> "neunzehnhundert-
neunzig"; "die 1990er-Jahre" -> "die neunzehnhundertneunziger-Jahre"; "14.30 Uhr" -> "vierzehn Uhr
dreißig"; "1,50 €" -> "ein Euro fünfzig"; "2 Mio. Euro" -> "zwei Millionen Euro"; "1 Million" ->
"eine Million"; "z. B." -> "zum Beispiel".
"""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import Final

from num2words import num2words

from ._common import Step
from ._locale import ROMAN, Language, ends_sentence, previous_word, previous_word_of_list, roman_value, tidy
from .locale_numbers import noun_after, say_number, scaled_unit_step
from .localized import localized_pipeline

# --------------------------------------------------------------------------------------------------
# "ein", "eine"
# --------------------------------------------------------------------------------------------------

_FEMININE: Final = frozenset(
    """
    Stunde Woche Minute Sekunde Tonne Stimme Seite Million Milliarde Billion Frau Person Stadt Nacht
    Mark Krone Lira Runde Etappe Partei Firma Hand Welt Zeit Frage Woche Sache Schule Straße Kraft Art
    Zahl Liga Klasse Stelle Kugel Dosis Wahl Meile Tür Nummer Rakete Quote Gruppe Mannschaft Rede
    """.split()
)
_NOT_FEMININE: Final = frozenset(
    """
    Uhr Name Junge Kunde Kollege Käse Gedanke Glaube Buchstabe Friede Wille Affe Franzose Ende Auge
    Erbe Interesse Prozent Euro Jahr Mal Tag Monat Kilometer Meter Grad Cent Dollar Franken Pfund
    """.split()
)
_FEMININE_ENDINGS: Final = ("ung", "heit", "keit", "schaft", "ion", "tät", "ik", "ie", "ei", "in", "e")


def _is_feminine(noun: str) -> bool:
    if noun in _NOT_FEMININE:
        return False
    return noun in _FEMININE or noun.endswith(_FEMININE_ENDINGS)


def _cardinal_fix(words: str) -> str:
    """ "hundertachtzig", "tausendfünfhundert" as said, not num2words' "einhundertachtzig"."""
    return re.sub(r"^ein(?=hundert|tausend)", "", words)


def _agree(words: str, noun: str) -> str:
    """ "eins" before a noun: "ein Euro", "ein Prozent", "ein Uhr", "eine Million", "eine Stunde"."""
    if words != "eins" or not noun[:1].isupper():
        return words
    return "eine" if _is_feminine(noun) else "ein"


# --------------------------------------------------------------------------------------------------
# Ordinals, years, the clock
# --------------------------------------------------------------------------------------------------

_WEAK_EN: Final = frozenset(
    """
    am im vom zum beim dem den des einem einen eines zur ihrem seinem ihren seinen diesem diesen jedem
    jeden unserem unseren
    """.split()
)
"""Words after which an ordinal ends in "-en": "am zwölften", "im dritten", "zum fünften"."""
_PREPOSITIONS: Final = frozenset(
    """
    ab bis seit vor nach von zwischen an in auf aus bei mit zu über unter gegen für durch um
    """.split()
)
_QUANTITY: Final = frozenset("auf um über unter rund etwa fast knapp insgesamt nur mindestens höchstens".split())


def _base_ordinal(n: int) -> str:
    try:
        return tidy(num2words(n, lang="de", to="ordinal"))
    except Exception:
        return GERMAN.cardinal(n)


def _ordinal_ending(previous: str, default: str) -> str:
    """ "-en", "-e" or ``default`` for an ordinal after ``previous``: "am zwölften", "der dritte",
    "in der dritten", "bis dritten" ("vom ersten bis dritten Juli")."""
    word = previous.lower()
    if word in _WEAK_EN or word in _PREPOSITIONS:
        return "en"
    if word in ("der", "die", "das"):
        return "e"
    return default


def _inflect(n: int, ending: str) -> str:
    base = _base_ordinal(n)
    return base[:-1] + ending if base.endswith("e") else base


_MIXED: Final = frozenset("ein kein mein dein sein ihr unser euer".split())
"""Words after which an ordinal ends as its noun's gender says: "sein fünfzigstes Tor", "ihr dritter
Titel"."""
_NEUTER_HEADS: Final = (
    "spiel", "mal", "jahr", "rennen", "turnier", "album", "buch", "kind", "semester", "amt", "jubiläum", "finale",
    "treffen", "konzert", "werk", "gesetz", "paket", "projekt", "mitglied", "quartal", "jahrhundert", "jahrzehnt",
    "programm", "ziel", "duell", "derby", "haus", "stück", "kapitel", "lied", "interview", "gespräch", "gebot",
    "land", "rekord", "ergebnis", "urteil", "verfahren", "match", "heft",
)  # fmt: skip


def _is_neuter(noun: str) -> bool:
    word = noun.lower()
    if word.endswith("tor"):
        return not word.endswith(("ktor", "otor", "utor", "ator", "itor"))  # "Tor", not "Motor", "Autor"
    return word.endswith(_NEUTER_HEADS) and not word.endswith(("mahl", "strahl"))


def _ordinal(n: int, suffix: str, previous: str, following: str) -> str:
    if previous.lower() in _MIXED and following[:1].isupper():
        return _inflect(n, "es" if _is_neuter(following) else "er")
    return _inflect(n, _ordinal_ending(previous, "e"))


def _day(n: int, previous: str) -> str:
    """The day of a date: "am zwölften März", "der zwölfte März", "Berlin, zwölfter März"."""
    return _inflect(n, _ordinal_ending(previous, "er"))


def _year(n: int) -> str:
    """1100 to 1999 in hundreds ("neunzehnhundertneunzig"); later years as numbers
    ("zweitausendvierundzwanzig")."""
    if 1100 <= n <= 1999:
        hundreds, rest = divmod(n, 100)  # "neunzehnhundertneunzig": num2words' German year, without its quirks
        return tidy(GERMAN.cardinal(hundreds) + "hundert" + (GERMAN.cardinal(rest) if rest else ""))
    return GERMAN.cardinal(n)


def _clock(h: int, m: int, unit: bool) -> str:
    """14:30 and 14.30 Uhr -> "vierzehn Uhr dreißig"; 1 Uhr -> "ein Uhr"; 20:00 -> "zwanzig Uhr"."""
    words = ("ein" if h == 1 else GERMAN.cardinal(h)) + " Uhr"
    return words + (" " + GERMAN.cardinal(m) if m else "")


# --------------------------------------------------------------------------------------------------
# German's own steps: ordinals with a period, decades and years
# --------------------------------------------------------------------------------------------------

_DOT_ORDINAL: Final = re.compile(r"(?<![\w.,:/-])(?P<n>\d{1,4})\.(?=(?P<comma>,)?[ \t]+(?P<next>[^\W\d_][\w-]*|\d))")


def expand_dot_ordinals(text: str) -> str:
    """ "die 3. Liga" -> "die dritte Liga"; "im 21. Jahrhundert" -> "im einundzwanzigsten
    Jahrhundert"; "zum 5. Mal" -> "zum fünften Mal"; "vom 1. bis" -> "vom ersten bis". A number
    with a period before a word that starts sentences ("auf 12. Die …"), or after "auf", "um" and
    other words of quantity, is a number that ends the sentence."""

    def replace(m: re.Match[str]) -> str:
        following = m.group("next")
        previous = previous_word_of_list(text, m.start())
        if following[:1].isdigit() and not m.group("comma"):
            return m.group(0)
        if m.group("comma"):
            following = "und"  # "am 3., 4. und 5. Mai"
        if following in GERMAN.sentence_starters or previous.lower() in _QUANTITY:
            return m.group(0)
        if previous.lower() in ("der", "die", "das"):
            before = previous_word(text, text.rfind(previous, 0, m.start()))
            if before.lower() in _PREPOSITIONS:
                previous = "dem"  # "in der dritten Liga"
        if following[:1].islower() and following not in ("bis", "und", "oder"):
            return m.group(0)
        return _ordinal(int(m.group("n")), ".", previous, following)

    return _DOT_ORDINAL.sub(replace, text)


_DECADE: Final = re.compile(r"(?<![\w.,])(?P<n>\d{1,4})er(?P<noun>n)?(?=[-\s.,;:!?)]|$)")


def expand_decades(text: str) -> str:
    """ "1990er" -> "neunzehnhundertneunziger"; "die 80er Jahre" -> "die achtziger Jahre"; "in den
    80ern" -> "in den Achtzigern"; "die 68er-Bewegung" -> "die achtundsechziger-Bewegung"; "ein
    3er" -> "ein dreier"."""

    def replace(m: re.Match[str]) -> str:
        n = int(m.group("n"))
        words = (_year(n) if n >= 1100 else GERMAN.cardinal(n)) + "er"
        return words[:1].upper() + words[1:] + "n" if m.group("noun") else words

    return _DECADE.sub(replace, text)


_LONE_YEAR: Final = re.compile(r"(?<![\w.,:/-])(?P<y>1[1-9]\d\d)(?![\w%°]|[.,:/]\d)")
_YEAR_WORDS: Final = frozenset(
    "im jahr jahre jahres seit bis von vor nach ab um anno sommer winter frühjahr herbst".split()
)


def expand_years(text: str) -> str:
    """Four-digit numbers from 1100 to 1999 as years ("1990" -> "neunzehnhundertneunzig"), unless a
    noun follows that they count ("1500 Menschen") and no word of time comes before."""

    def replace(m: re.Match[str]) -> str:
        previous = previous_word(text, m.start()).lower()
        following = noun_after(GERMAN, text, m.end())
        if following[:1].isupper() and previous not in _YEAR_WORDS and following not in GERMAN.sentence_starters:
            return say_number(GERMAN, m.group("y"), following)
        return _year(int(m.group("y")))

    return _LONE_YEAR.sub(replace, text)


_REGNAL_NAMES: Final = (
    "Ludwig Karl Friedrich Wilhelm Heinrich Otto Leopold Franz Joseph Maximilian Georg Benedikt Johannes "
    "Paul Pius Leo Gregor Klemens Innozenz Elisabeth Katharina Philipp Rudolf Albrecht Konrad Eduard "
    "Charles Louis Felipe Juan Carlos"
).split()
_REGNAL: Final = re.compile(rf"\b(?P<name>{'|'.join(_REGNAL_NAMES)})[ \t]+(?P<roman>(?=[IVX]){ROMAN})\.(?![\w.])")


_DATIVE: Final = frozenset("unter von mit bei nach seit zu aus vor".split())


def expand_regnal_numbers(text: str) -> str:
    """ "Ludwig XIV." -> "Ludwig der Vierzehnte"; "Papst Leo XIV." -> "Papst Leo der Vierzehnte";
    the period stays when it also ends the sentence."""

    def replace(m: re.Match[str]) -> str:
        ordinal = _base_ordinal(roman_value(m.group("roman")))
        ordinal = ordinal[:1].upper() + ordinal[1:]
        if previous_word(text, m.start()).lower() in _DATIVE:
            spoken = f"{m.group('name')} dem {ordinal}n"  # "unter Ludwig dem Vierzehnten"
        else:
            spoken = f"{m.group('name')} der {ordinal}"
        return spoken + ("." if ends_sentence(GERMAN, text, m.end()) else "")

    return _REGNAL.sub(replace, text)


# --------------------------------------------------------------------------------------------------
# Compounds written with digits, numbers as labels, ranges of days
# --------------------------------------------------------------------------------------------------

_NUMBER: Final = r"\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?"
_SUFFIXES: Final = (
    r"(?:[jJ]ährig|[fF]ach|mal(?:ig)?|prozentig|stündig|tägig|wöchig|monatig|köpfig|teilig|stellig|minütig|seitig"
    r"|sitzig|spurig|stöckig|zimm?rig|gängig|sprachig|geschossig|fältig)[^\W\d_]*"
)
_NUMBER_SUFFIX: Final = re.compile(rf"(?<![\w.,-])(?P<n>\d{{1,3}}(?:\.\d{{3}})+|\d+)-(?P<suffix>{_SUFFIXES})(?![\w-])")
_NUMBER_NOUN: Final = re.compile(rf"(?<![\w.,-])(?P<letters>[A-Z]{{1,3}})?(?P<n>{_NUMBER})-(?=[A-ZÄÖÜ])")


_SUSPENDED: Final = re.compile(
    rf"(?<![\w.,-])(?P<n>{_NUMBER})-(?=[ \t]+(?:bis|und|oder)[ \t]+\d+(?:,\d+)?-(?P<next>[^\W\d_]))"
)


def _capital(words: str) -> str:
    return words[:1].upper() + words[1:]


def expand_compounds(text: str) -> str:
    """Words made of a number and a suffix are written as one: "der 45-Jährige" -> "der
    Fünfundvierzigjährige", "5-mal" -> "fünfmal", "das 10-Fache" -> "das Zehnfache"; a number
    before a noun it is hyphened to is the compound's start: "3-Zimmer-Wohnung" -> "Drei-Zimmer-
    Wohnung", "1,5-Grad-Ziel" -> "Eins-Komma-fünf-Grad-Ziel", "G20-Gipfel" -> "G-zwanzig-Gipfel"."""

    def suffixed(m: re.Match[str]) -> str:
        words = GERMAN.cardinal(int(m.group("n").replace(".", "")))
        words = "ein" if words == "eins" else words
        joined = words.replace(" ", "") + m.group("suffix").lower()
        return _capital(joined) if m.group("suffix")[:1].isupper() else joined

    def noun(m: re.Match[str]) -> str:
        n = m.group("n")
        words = _year(int(n)) if re.fullmatch(r"1[1-9]\d\d", n) else say_number(GERMAN, n, "Noun").replace(" ", "-")
        if m.group("letters"):
            return f"{m.group('letters')}-{GERMAN.written_number(n).replace(' ', '-')}-"  # a name: "A-eins"
        return _capital(words) + "-"

    def suspended(m: re.Match[str]) -> str:
        words = say_number(GERMAN, m.group("n"), "Noun").replace(" ", "-") + "-"
        return _capital(words) if m.group("next").isupper() else words  # "15- bis 24-Jährige"

    text = _SUSPENDED.sub(suspended, text)
    return _NUMBER_NOUN.sub(noun, _NUMBER_SUFFIX.sub(suffixed, text))


_LABELS: Final = (
    "Absatz Artikel Paragraf Paragraph Paragrafen Nummer Platz Rang Seite Kapitel Band Teil Gleis Spieltag Folge "
    "Staffel Satz Ziffer Runde Linie Stufe Klasse Etappe Tabellenplatz Level Gruppe Halle Terminal"
).split()
_LABEL_ONE: Final = re.compile(rf"\b(?P<label>{'|'.join(_LABELS)})[ \t]+1(?![\d.,:'’]|[ \t]?[%°]|[ \t]+Uhr)")


def expand_label_one(text: str) -> str:
    """A 1 that names and does not count is "eins": "Absatz 1 Satz 2" -> "Absatz eins Satz 2",
    "Platz 1" -> "Platz eins" (not "ein Satz")."""
    return _LABEL_ONE.sub(lambda m: f"{m.group('label')} eins", text)


_TIME_RANGE: Final = re.compile(
    r"(?<![\w.,:])(?P<a>\d{1,2}(?:[.:]\d{2})?)[ \t]?[–-][ \t]?(?P<b>\d{1,2}[.:]\d{2})(?P<unit>[ \t]?Uhr)(?![^\W\d_])"
)
_TIMES: Final = re.compile(r"(?<![\w.,])(?P<n>\d{1,3})[ \t]?x(?=[ \t]+[^\W\d_])")


def expand_day_ranges(text: str) -> str:
    """ "vom 1.–3. Mai" -> "vom 1. bis 3. Mai", "9.00–18.00 Uhr" -> "9.00 Uhr bis 18.00 Uhr", for the
    date and time steps to read; "2 x pro Woche" -> "2-mal pro Woche", for :func:`expand_compounds`."""
    text = _DAY_RANGE.sub(r"\g<a>. bis \g<b>.", text)
    text = _TIME_RANGE.sub(r"\g<a>\g<unit> bis \g<b>\g<unit>", text)
    return _TIMES.sub(r"\g<n>-mal", text)


# --------------------------------------------------------------------------------------------------
# The data
# --------------------------------------------------------------------------------------------------

_STARTERS: Final = frozenset(
    """
    Der Die Das Den Dem Des Ein Eine Einen Einem Er Sie Es Wir Ihr Ich Du Man Dies Diese Dieser Dieses
    Doch Aber Und Oder Denn Dann Danach Damit Auch Noch Nur So Als Wenn Weil Da Dort Hier Heute Gestern
    Morgen Im Am In An Auf Aus Bei Mit Nach Seit Von Vor Zu Zum Zur Für Gegen Ohne Um Über Unter
    Zwischen Laut Trotz Während Wie Was Wer Wo Warum Nicht Kein Keine Alle Viele Einige Jeder Jede Nun
    Jetzt Bereits Schon Zudem Außerdem Allerdings Jedoch Trotzdem Deshalb Daher Also Insgesamt Zuletzt
    Zuvor Sein Seine Ihre Ihr Unsere Mehr Weitere Bis Ab Nachdem Bevor Obwohl Dabei Dazu Darüber
    """.split()
)

GERMAN: Final = Language(
    tag="de",
    num2words="de",
    words={
        "decimal": "Komma",
        "point": "Punkt",
        "minus": "minus",
        "plus": "plus",
        "percent": "Prozent",
        "and": "und",
        "at": "at",
        "dot": "Punkt",
        "slash": "Slash",
        "over": "Strich",
        "to": "bis",
        "ratio": "zu",
        "times": "mal",
        "number": "Nummer",
        "degrees": "Grad",
        "equals": "gleich",
        "plus_minus": "plus minus",
        "per_mille": "Promille",
    },
    fraction_digits=True,
    cardinal_fix=_cardinal_fix,
    agree=_agree,
    ordinal=_ordinal,
    ordinal_dot=True,
    day=_day,
    year=_year,
    month_aliases={"jänner": 1},
    unit_cents=frozenset({"m"}),
    date_template="{day} {month} {year}",
    day_month=r"\.[ \t]*",
    month_year=r"[ \t]+",
    clock=_clock,
    time_before=r"(?i:um|gegen|ab|bis|von|seit)",
    time_units=r"Uhr|h",
    currencies={
        "EUR": ("Euro", "Euro", "m"),
        "USD": ("Dollar", "Dollar", "m"),
        "GBP": ("Pfund", "Pfund", "n"),
        "CHF": ("Franken", "Franken", "m"),
        "JPY": ("Yen", "Yen", "m"),
        "CNY": ("Yuan", "Yuan", "m"),
        "BRL": ("Real", "Real", "m"),
        "RUB": ("Rubel", "Rubel", "m"),
        "TRY": ("Lira", "Lira", "f"),
    },
    subunits={
        "EUR": ("Cent", "Cent", "m"),
        "USD": ("Cent", "Cent", "m"),
        "CHF": ("Rappen", "Rappen", "m"),
        "GBP": ("Penny", "Pence", "m"),
    },
    fractions={
        2: ("Hälfte", "Hälften"),
        3: ("Drittel", "Drittel"),
        4: ("Viertel", "Viertel"),
        5: ("Fünftel", "Fünftel"),
        6: ("Sechstel", "Sechstel"),
        7: ("Siebtel", "Siebtel"),
        8: ("Achtel", "Achtel"),
        9: ("Neuntel", "Neuntel"),
        10: ("Zehntel", "Zehntel"),
    },
    money_cents="{units} {cents_number}",
    scales={
        "Million": ("Million", "Millionen"),
        "Millionen": ("Million", "Millionen"),
        "Mio.": ("Million", "Millionen"),
        "Mio": ("Million", "Millionen"),
        "Milliarde": ("Milliarde", "Milliarden"),
        "Milliarden": ("Milliarde", "Milliarden"),
        "Mrd.": ("Milliarde", "Milliarden"),
        "Mrd": ("Milliarde", "Milliarden"),
        "Billion": ("Billion", "Billionen"),
        "Billionen": ("Billion", "Billionen"),
        "Tsd.": ("Tausend", "Tausend"),
    },
    abbreviations={
        "z. B.": "zum Beispiel",
        "Z. B.": "Zum Beispiel",
        "d. h.": "das heißt",
        "u. a.": "unter anderem",
        "usw.": "und so weiter",
        "bzw.": "beziehungsweise",
        "ca.": "circa",
        "etc.": "et cetera",
        "vgl.": "vergleiche",
        "Vgl.": "vergleiche",
        "ggf.": "gegebenenfalls",
        "inkl.": "inklusive",
        "evtl.": "eventuell",
        "v. a.": "vor allem",
        "u. U.": "unter Umständen",
        "z. T.": "zum Teil",
        "i. d. R.": "in der Regel",
        "o. ä.": "oder Ähnliches",
        "o. Ä.": "oder Ähnliches",
        "s. o.": "siehe oben",
        "s. u.": "siehe unten",
        "v. Chr.": "vor Christus",
        "n. Chr.": "nach Christus",
        "Jh.": "Jahrhundert",
        "Jhd.": "Jahrhundert",
        "sog.": "sogenannte",
        "zzgl.": "zuzüglich",
        "bspw.": "beispielsweise",
        "Str.": "Straße",
        "Tel.": "Telefon",
        "Std.": "Stunden",
        "Min.": "Minuten",
        "Mio.": "Millionen",
        "Mrd.": "Milliarden",
        "Tsd.": "Tausend",
        "u. v. m.": "und vieles mehr",
        "Abb.": "Abbildung",
        "GG": "Grundgesetz",
    },
    titles={"Dr.": "Doktor", "Prof.": "Professor", "Hr.": "Herr", "Hrn.": "Herrn", "Fr.": "Frau", "St.": "Sankt"},
    before_number={
        "Nr.": "Nummer",
        "S.": "Seite",
        "Abs.": "Absatz",
        "Art.": "Artikel",
        "Bd.": "Band",
        "Kap.": "Kapitel",
        "§§": "Paragrafen",
        "§": "Paragraf",
    },
    sentence_starters=_STARTERS,
    phone_numbers=False,
    between={"zwischen": "und"},
)
"""German as written in Germany and Austria (a period between thousands); de-CH gets CLDR's
apostrophe ("1'000")."""

_DAY_RANGE: Final = re.compile(
    rf"(?<![\w.,])(?P<a>\d{{1,2}})\.[ \t]?[–-][ \t]?(?P<b>\d{{1,2}})\.(?=[ \t]*(?:{'|'.join(GERMAN.months)}|Jänner))"
)

OWN_STEPS: Final[tuple[Step, ...]] = (
    expand_compounds,
    expand_label_one,
    expand_regnal_numbers,
    expand_dot_ordinals,
    expand_decades,
    expand_years,
)
"""German's own steps, run just before the plain numbers."""
HOOKS: Final = {
    "before_times": (expand_day_ranges,),
    "before_numbers": OWN_STEPS,
    "after_numbers": (scaled_unit_step(GERMAN),),
}
"""German's own steps, as :func:`~narrate.text.normalize.localized.localized_pipeline` takes them."""

PIPELINE: Final[tuple[Step, ...]] = localized_pipeline(GERMAN, **HOOKS)
"""The steps of :func:`~narrate.text.normalize.normalize_for_speech` for German, in order: the
shared ones, with German's ordinals, decades and years just before the plain numbers."""


@functools.lru_cache(maxsize=32)
def regional_pipeline(tag: str) -> tuple[Step, ...]:
    """The pipeline for a German tag ("de", "de-at", "de-ch"): German's own steps, with the separators
    CLDR gives the region ("1'000" in Switzerland)."""
    variant = dataclasses.replace(GERMAN, tag=tag)
    if variant.decimal_symbol == GERMAN.decimal_symbol and variant.group_symbols == GERMAN.group_symbols:
        return PIPELINE
    return localized_pipeline(variant, **HOOKS)
