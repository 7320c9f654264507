"""Steps that Spanish, Portuguese and Italian share, each made for one
:class:`~narrate.text.normalize._locale.Language` with the words its language says. They are the
languages' "early" steps (``localized_pipeline(language, early=…)``): they read digits in forms the
shared steps read otherwise, so they run after times and dates and before money, percents, units,
ranges and plain numbers.

* Norms and cases numbered by year: "Ley 7/2024" -> "Ley siete de dos mil veinticuatro", "legge
  104/1992" -> "legge centoquattro del millenovecentonovantadue" (not "barra").
* Seasons: "2023/24" -> "dos mil veintitrés-veinticuatro".
* A day and month without a year after "el", "até", "entro il" …: "hasta el 31/12" -> "hasta el
  treinta y uno de diciembre" (but "el 1/3 de los votos" is a fraction).
* Years after "en", "desde", "em" …, which agree with nothing: "en 2021 llega" -> "dos mil veintiuno",
  not "veintiuna".
* Heights: "1,80 m" -> "un metro ochenta", "um metro e oitenta", "un metro e ottanta".
* Amounts with cents before a currency's name: "85,50 euros" is read as "85,50 €" is.
* "½ punto" -> "medio punto"; "24/7"; quarters written "1T 2024" -> "primer trimestre de …".
* Prices per unit: "0,15 €/kWh" -> "… por kilovatio hora"; "1 de cada 4 personas" -> "una de cada
  cuatro personas"; "38º" written for "38°".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from decimal import Decimal
from typing import Final

from ._common import Step
from ._locale import Language, next_word, previous_word
from .locale_numbers import UNITS, agree_with, named


def _sub(name: str, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]) -> Step:
    return named(name, lambda text: pattern.sub(replace, text))


_YEAR: Final = r"(?:1[0-9]\d\d|20\d\d)"


def numbered_by_year(language: Language, of: str) -> Step:
    """ "Ley 7/2024" -> "Ley siete de dos mil veinticuatro": a number, a slash and a year, as laws,
    decrees, rulings and bills are numbered ("PEC 45/2019", "legge 104/1992", "d.l. 18/2020")."""
    pattern = re.compile(rf"(?<![\w/.,])(?P<n>{language.number_pattern})/(?P<y>{_YEAR})(?![\w/]|[.,]\d)")

    def replace(m: re.Match[str]) -> str:
        parsed = language.parse(m.group("n"))
        if parsed is None or parsed[1]:
            return m.group(0)
        return f"{language.number(parsed[0])} {of} {language.year_words(int(m.group('y')))}"

    return _sub("expand_numbered_by_year", pattern, replace)


def seasons(language: Language) -> Step:
    """ "2023/24" -> "dos mil veintitrés-veinticuatro": a season, said as the year and the next one's
    last two digits."""
    pattern = re.compile(rf"(?<![\w/.,])(?P<a>{_YEAR})/(?P<b>\d\d)(?![\w/]|[.,]\d)")

    def replace(m: re.Match[str]) -> str:
        a, b = int(m.group("a")), int(m.group("b"))
        if (a + 1) % 100 != b:
            return m.group(0)
        return f"{language.year_words(a)}-{language.cardinal(b)}"

    return _sub("expand_seasons", pattern, replace)


def day_and_month(language: Language, before: Collection[str]) -> Step:
    """ "hasta el 31/12" -> "hasta el treinta y uno de diciembre": a day and month without a year,
    read as a date after one of the words ``before`` ("el", "del", "até", "entro il" …)."""
    pattern = re.compile(r"(?<![\w/.,])(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\w/]|[.,]\d)")
    of = {"de", "del", "dos", "das", "do", "da", "di", "dei", "degli", "delle", "della", "dello"}
    template = re.sub(r"(?:[ \t]+(?:de|del|di))?[ \t]*\{year\}$", "", language.date_template)

    def replace(m: re.Match[str]) -> str:
        day, month = int(m.group("d")), int(m.group("m"))
        previous = previous_word(m.string, m.start()).lower()
        if previous not in before or not (1 <= day <= 31 and 1 <= month <= 12) or not language.months:
            return m.group(0)
        if next_word(m.string, m.end()).lower() in of:
            return m.group(0)  # "el 1/3 de los votantes": a fraction
        spoken = language.day(day, previous) if language.day is not None else language.cardinal(day)
        return template.format(day=spoken, month=language.months[month - 1])

    return _sub("expand_day_and_month", pattern, replace)


def years_after(language: Language, strong: Collection[str], weak: Collection[str] = ()) -> Step:
    """ "en 2021 llega" -> "en dos mil veintiuno llega": a year after a word that introduces years
    agrees with nothing after it ("veintiuna", "veintiún" are for counts). After the ``weak`` words
    ("de") only when no noun follows that the number could count ("más de 1500 personas")."""
    units = {*UNITS, *language.units}
    pattern = re.compile(rf"(?<![\w.,/-])(?P<y>{_YEAR})(?![\w%‰€$£¥°º/]|[.,:]\d|[ \t]?[-–—/][ \t]?\d|[ \t]?[%€$£])")

    def replace(m: re.Match[str]) -> str:
        previous = previous_word(m.string, m.start()).lower()
        following = next_word(m.string, m.end())
        if following in units:
            return m.group(0)
        if previous in strong or (
            previous in weak and (not following or following[0].isupper() or following.lower() in language.stopwords)
        ):
            return language.year_words(int(m.group("y")))
        return m.group(0)

    return _sub("expand_years_after", pattern, replace)


def heights(language: Language, template: str) -> Step:
    """ "1,80 m" -> "un metro ochenta" ("{units} {cm}"), "um metro e oitenta" ("{units} e {cm}"): a
    height in metres and centimetres, as said."""
    dec = re.escape(language.decimal_symbol)
    pattern = re.compile(rf"(?<![\w.,])(?P<m>[12]){dec}(?P<cm>[1-9]\d)[ \t]?m(?![\w²³/'’]|[.,]\d)")

    def replace(m: re.Match[str]) -> str:
        metres = int(m.group("m"))
        name = language.unit_name("m", UNITS["m"], Decimal(metres))
        if name is None:
            return m.group(0)
        units = f"{agree_with(language, language.cardinal(metres), name)} {name}"
        return template.format(units=units, cm=language.cardinal(int(m.group("cm"))))

    return _sub("expand_heights", pattern, replace)


def currency_words(language: Language, symbols: Mapping[str, str]) -> Step:
    """ "85,50 euros" -> "85,50 €", for the money step to read as "ochenta y cinco euros con
    cincuenta céntimos": an amount with cents before a currency's name (``symbols``: name -> symbol)."""
    names = "|".join(re.escape(n) for n in sorted(symbols, key=len, reverse=True))
    dec = re.escape(language.decimal_symbol)
    pattern = re.compile(rf"(?<![\w.,])(?P<n>\d[\d. ]*{dec}\d\d)(?!\d)[ \t]+(?P<name>{names})(?![^\W\d_])")

    def replace(m: re.Match[str]) -> str:
        if language.parse(m.group("n")) is None:
            return m.group(0)
        return f"{m.group('n')} {symbols[m.group('name')]}"

    return _sub("expand_currency_words", pattern, replace)


def halves(forms: tuple[str, str], is_feminine: Callable[[str], bool]) -> Step:
    """ "½ punto" -> "medio punto", "1/2 hora" -> "media hora": half of something, said as the
    adjective ``forms`` (masculine, feminine) that agrees with it."""
    pattern = re.compile(r"(?<![\w/.,])(?:½|1/2)[ \t]+(?=(?P<noun>[^\W\d_]+))")

    def replace(m: re.Match[str]) -> str:
        return (forms[1] if is_feminine(m.group("noun")) else forms[0]) + " "

    return _sub("expand_halves", pattern, replace)


def around_the_clock(spoken: str) -> Step:
    """ "24/7" as said: "veinticuatro siete"."""
    pattern = re.compile(r"(?<![\w/.,])24/7(?![\w/]|[.,]\d)")
    return _sub("expand_around_the_clock", pattern, lambda m: spoken)


def quarters(language: Language, ordinals: tuple[str, str, str, str], of: str) -> Step:
    """ "1T 2024", "2T24" -> "primer trimestre de dos mil veinticuatro", "segundo trimestre …": a
    quarter as financial news writes it."""
    pattern = re.compile(r"(?<![\w.,])(?P<q>[1-4])T(?:[ \t]?(?P<y>\d{4}|\d{2}))?(?![\w]|[.,]\d)")

    def replace(m: re.Match[str]) -> str:
        spoken = f"{ordinals[int(m.group('q')) - 1]} trimestre"
        year = m.group("y")
        if year:
            spoken += f" {of} {language.year_words(int(year) if len(year) == 4 else 2000 + int(year))}"
        return spoken

    return _sub("expand_quarters", pattern, replace)


_PER_WORDS: Final = (
    "litro mes año hora día semana persona noche ano mês dia pessoa anno mese giorno ora settimana notte chilo kilo"
).split()


def per_unit(language: Language, per: Callable[[str], str]) -> Step:
    """ "0,15 €/kWh" -> "0,15 € por kilovatio hora", "R$ 45 por m²" -> "R$ 45 por metro quadrado",
    "1,75 €/l" -> "1,75 € al litro": a price per unit, with the language's ``per`` ("por {}", "al {}")
    and the unit's name in the singular, for the money step to read the amount."""
    units = {*UNITS, *language.units} - {"°", "º", "%"}
    names = "|".join(re.escape(u) for u in sorted({*units, *_PER_WORDS}, key=len, reverse=True))
    slash = re.compile(rf"(?:(?<=[€$£])|(?<=\d))[ \t]?/[ \t]?(?P<unit>{names})(?![\w²³/])")
    word = per("").strip()
    written = re.compile(rf"\b{re.escape(word)}[ \t]+(?P<unit>m²|m2|km²|km2|mq|kWh|MWh)(?![\w²³/])") if word else None

    def name(unit: str) -> str:
        if unit in _PER_WORDS:
            return unit
        return language.unit_name(unit, UNITS.get(unit, ""), Decimal(1)) or unit

    def step(text: str) -> str:
        text = slash.sub(lambda m: " " + per(name(m.group("unit"))), text)
        return written.sub(lambda m: per(name(m.group("unit"))), text) if written else text

    return named("expand_per_unit", step)


def one_in(language: Language, words: str, is_feminine: Callable[[str], bool]) -> Step:
    """ "1 de cada 4 personas" -> "una de cada cuatro personas": both numbers agree with the noun
    after them; the first stays a pronoun before a masculine one ("uno de cada cuatro españoles")."""
    pattern = re.compile(
        rf"(?<![\w.,])(?P<a>\d{{1,3}})[ \t]+(?P<words>{words})[ \t]+(?P<b>\d{{1,3}})[ \t]+(?=(?P<noun>[^\W\d_]+))"
    )

    def replace(m: re.Match[str]) -> str:
        noun = m.group("noun")
        first = language.cardinal(int(m.group("a")))
        if is_feminine(noun):
            first = agree_with(language, first, noun)
        second = agree_with(language, language.cardinal(int(m.group("b"))), noun)
        return f"{first} {m.group('words')} {second} "

    return _sub("expand_one_in", pattern, replace)


_BEFORE_DEGREES: Final = frozenset(
    """
    de a los hasta unos entre y superan superaron superó alcanzan alcanzaron alcanzó rozaron rondan rondarán
    esperan marcaron marcó registraron registró e os aos até dos cerca marcaram marcou atingiu atingiram
    registrou registraram passam passaram
    """.split()
)


def degree_signs(language: Language) -> Step:
    """ "se esperan 38º y" -> "38 °", read by the unit step as degrees: "º" written for "°" after a
    word that leads to a temperature ("de", "hasta", "marcaron") and with no noun after it; "el 3º
    y el 4º", "quedó 5º", "art. 5º da" stay ordinals."""
    pattern = re.compile(r"(?<![\w.,])(?P<n>-?\d{1,2})º(?![\w])")

    def replace(m: re.Match[str]) -> str:
        following = next_word(m.string, m.end())
        previous = previous_word(m.string, m.start()).lower()
        if previous not in _BEFORE_DEGREES or (following and following.lower() not in language.stopwords):
            return m.group(0)
        return m.group("n") + " °"

    return _sub("expand_degree_signs", pattern, replace)


def alternatives(and_word: str) -> Step:
    """ "4G/5G" -> "4G y 5G": a slash between two names with digits."""
    pattern = re.compile(r"(?<=\d[A-Z])/(?=\d[A-Z]\b)")
    return named("expand_alternatives", lambda text: pattern.sub(f" {and_word} ", text))


def thousands_of_units(language: Language, scale: str) -> Step:
    """ "2 mil km" -> "dos mil kilómetros", "200 mil t" -> "doscientas mil toneladas": a unit after
    a number and its scale word ("mil"), in the plural, the number agreeing with it."""
    units = "|".join(re.escape(u) for u in sorted({*UNITS, *language.units} - {"°", "º", "%"}, key=len, reverse=True))
    pattern = re.compile(
        rf"(?<![\w.,])(?P<n>{language.number_pattern})[ \t]+{scale}[ \t]+(?P<unit>{units})(?![\w/²³'’]|[.,]\d)"
    )

    def replace(m: re.Match[str]) -> str:
        name = language.unit_name(m.group("unit"), UNITS.get(m.group("unit"), ""), Decimal(2000))
        parsed = language.parse(m.group("n"))
        if name is None or parsed is None:
            return m.group(0)
        number = language.number(*parsed)
        return f"{number if parsed[1] else agree_with(language, number, name)} {scale} {name}"

    return _sub("expand_thousands_of_units", pattern, replace)
