"""Numbers in any language but English: phone numbers, money, percents, units, ranges, ordinals and
whatever digits are left, in the language's words and with its separators.

Each function here makes one step for a :class:`~narrate.text.normalize._locale.Language`:
``money_step(SPANISH)`` is Spanish's ``expand_money``. Unlike the English steps, these steps spell
their numbers themselves, because the number agrees with what it counts ("veintiún años",
"doscientas personas", "eine Million").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Final

from babel.numbers import get_territory_currencies

from ._common import Step
from ._locale import MAX_DIGITS, WINDOW, Language, ends_sentence, next_word, previous_word
from .numbers import VULGAR_FRACTIONS


def named(name: str, step: Callable[[str], str]) -> Step:
    """``step`` under the name the English pipeline gives the same kind of step."""
    step.__name__ = step.__qualname__ = name
    return step


def agree_with(language: Language, words: str, following: str) -> str:
    """A whole number's words made to agree with the noun after it, when a noun follows."""
    first = following.split(" ")[0]
    if not first or first.lower() in language.stopwords or first == language.say("over"):
        return words  # "uno por ciento": no noun follows
    return language.agree(words, first)


def noun_after(language: Language, text: str, end: int) -> str:
    """The word after ``text[end]`` a number agrees with, past words such as "mil"."""
    following = next_word(text, end)
    if following.lower() in language.look_past:
        position = text.find(following, end) + len(following)
        return next_word(text, position)
    return following


def say_number(language: Language, written: str, following: str = "") -> str:
    """A number as written here, in words that agree with the word after it."""
    parsed = language.parse(written)
    if parsed is None:
        return written
    words = language.number(*parsed)
    if parsed[1] or len(parsed[0]) > MAX_DIGITS:
        return words
    return agree_with(language, words, following)


def join_range(language: Language, text: str, start: int, a: str, b: str) -> str:
    """Two ends of a range joined as the word before it calls for: "entre 2010 y 2015", "del diez
    al veinte", otherwise "diez a veinte"."""
    before = previous_word(text, start).lower()
    if before in language.between:
        return f"{a} {language.between[before]} {b}"
    return f"{a} {language.say('to') or '-'} {b}"


# --------------------------------------------------------------------------------------------------
# Phone numbers
# --------------------------------------------------------------------------------------------------

_PHONE_WORDS: Final = (
    r"(?i:tel[ée]fono|telefone|t[ée]l[ée]phone|telefono|telefon|tel|t[ée]l|tlf|tfno|fax|m[óo]vil|celular|handy"
    r"|whatsapp|cell(?:ulare)?|portable)"
)


def phone_step(language: Language) -> Step:
    """+34 912 345 678, 01 23 45 67 89, 06 1234 5678 and numbers after "Tel." read group by group,
    each group a number ("noventa y uno, ciento veintitrés") or, where the language says so, digit
    by digit; "+" as the language's "plus"."""
    plus = language.say("plus") or "+"
    pattern = re.compile(
        r"(?<![\w.,+])(?:(?P<cc>\+\d{1,3})[ \t.-]?(?:\(0\)[ \t]?)?(?P<rest>\d{1,4}(?:[ \t./-]\d{2,8}){1,5})"
        r"|(?P<zero>0\d{1,4}[ \t./-]\d{2,8}(?:[ \t.-]\d{2,4}){0,4})"
        r"|(?P<area>\(\d{2,3}\)[ \t]?\d{4,5}[-. ]\d{4})"
        r"|(?P<mobile>\d{5}-\d{4})"
        r"|(?P<pairs>\d{2,3}(?:[ \t]\d{3})*(?:[ \t]\d{2})(?:[ \t]\d{2,3}){1,3})"
        rf"|(?P<word>\b{_PHONE_WORDS}\.?:?[ \t]+)(?P<after>\d{{2,4}}(?:[ \t./-]\d{{2,8}}){{1,5}}))(?![\w]|[.,]\d)"
    )

    def group(digits: str) -> str:
        if not language.phone_numbers or digits.startswith("0") or len(digits) > 3:
            return language.digits(digits)
        return language.cardinal(int(digits))

    def replace(m: re.Match[str]) -> str:
        body = m.group("rest") or m.group("zero") or m.group("area") or m.group("mobile") or m.group("pairs")
        body = body or m.group("after")
        groups = [g for g in re.split(r"[ \t./()-]", body) if g]
        if not language.spells or sum(len(g) for g in groups) < 6:
            return m.group(0)
        spoken = ", ".join(group(g) for g in groups)
        if m.group("cc"):
            spoken = f"{plus} {language.cardinal(int(m.group('cc')[1:]))}, {spoken}"
        return (m.group("word") or "") + spoken

    return named("expand_phone_numbers", lambda text: pattern.sub(replace, text))


# --------------------------------------------------------------------------------------------------
# Money
# --------------------------------------------------------------------------------------------------

_SYMBOLS: Final = {
    "€": "EUR", "US$": "USD", "U$S": "USD", "$US": "USD", "USD$": "USD", "R$": "BRL", "£": "GBP",
    "¥": "JPY", "₹": "INR", "₽": "RUB", "₺": "TRY", "₩": "KRW", "zł": "PLN", "Kč": "CZK", "Fr.": "CHF",
    "C$": "CAD", "A$": "AUD", "MX$": "MXN", "$": "USD",
}  # fmt: skip
_CODES: Final = (
    "EUR", "USD", "GBP", "CHF", "JPY", "CNY", "BRL", "MXN", "ARS", "CLP", "COP", "PEN", "UYU", "CAD",
    "AUD", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "RON", "RUB", "UAH", "TRY", "INR", "KRW", "ZAR",
)  # fmt: skip
"""Currency codes read before or after a number: the common ones only ("TOP 10" and "SOS" are codes
too)."""


@functools.cache
def local_dollar(tag: str) -> str:
    """What "$" means where the tag's region writes its own currency with it (es-MX: pesos)."""
    parts = tag.replace("_", "-").split("-")
    region = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), "")
    if region and region != "US":
        try:
            currencies = get_territory_currencies(region)
        except Exception:
            currencies = []
        if currencies and currencies[0] in ("MXN", "ARS", "CLP", "COP", "CUP", "DOP", "UYU", "CAD", "AUD", "NZD"):
            return currencies[0]
    return "USD"


def money_step(language: Language) -> Step:
    """1,50 € -> "un euro con cincuenta céntimos"; US$ 20 -> "veinte dólares"; R$ 10,90 -> "dez
    reais e noventa centavos"; 3,5 M€ -> "tres coma cinco millones de euros"; 20 EUR, CHF 100; the
    currency before or after the number, its name from the language's table or from CLDR."""
    num = language.number_pattern
    symbols = "|".join(re.escape(s) for s in sorted(_SYMBOLS, key=len, reverse=True))
    codes = "|".join(_CODES)
    scales = "|".join(re.escape(s) for s in sorted(language.scales, key=len, reverse=True)) or "(?!)"
    currency = rf"(?:{symbols}|\b(?:{codes})\b)"
    pattern = re.compile(
        rf"(?<![\w$€£¥])(?P<pre>{currency})[ \t]?(?P<n1>{num})(?:[.,][-–]{{1,2}})?(?:[ \t]?(?P<s1>{scales})(?![^\W\d_]))?(?![\w$€£¥])"
        rf"|(?<![\w.,])(?P<n2>{num})(?:[.,][-–]{{1,2}})?[ \t]?(?:(?P<s2>{scales})[ \t]?(?:de[ \t]|di[ \t]|d')?)?(?P<post>{currency})"
        r"(?![\w$€£¥])"
    )

    def code_of(marker: str) -> str:
        if marker == "$":
            return local_dollar(language.tag)
        return _SYMBOLS.get(marker, marker)

    def replace(m: re.Match[str]) -> str:
        written = m.group("n1") or m.group("n2")
        scale = m.group("s1") or m.group("s2")
        code = code_of(m.group("pre") or m.group("post"))
        value = language.value(written)
        parsed = language.parse(written)
        if value is None or parsed is None or not language.spells:
            return m.group(0)
        name, _ = language.currency_name(code, Decimal(2) if scale else value)
        if scale:
            one, many = language.scales[scale]
            scale_word = one if value is not None and language.is_one(value) else many
            return (
                f"{say_number(language, written, scale_word)} {scale_word} {language.money_of(scale_word, name)}{name}"
            )
        return with_cents(code, *parsed) or f"{say_number(language, written, name)} {name}"

    def with_cents(code: str, integer: str, fraction: str) -> str | None:
        """An amount with two decimals as units and cents ("un euro cinquante"), or None."""
        sub = language.subunits.get(code)
        if not (fraction and len(fraction) == 2 and sub and len(integer) <= MAX_DIGITS):
            return None
        units, cents = int(integer), int(fraction)
        units_name, _ = language.currency_name(code, Decimal(units))
        cents_name = sub[0] if cents == 1 else sub[1]
        units_words = f"{agree_with(language, language.cardinal(units), units_name)} {units_name}"
        cents_words = f"{agree_with(language, language.cardinal(cents), cents_name)} {cents_name}"
        if not cents:
            return units_words
        if not units:
            return cents_words
        number = agree_with(language, language.cardinal(cents), cents_name)
        return language.money_cents.format(units=units_words, cents=cents_words, cents_number=number)

    # an amount with cents and the currency's name written out: "1,85 euro", "2,99 Euro"
    names = {w: code for code, (one, many, _) in language.currencies.items() for w in (one, many)}
    name_pattern = "|".join(re.escape(w) for w in sorted(names, key=len, reverse=True)) or "(?!)"
    worded = re.compile(rf"(?<![\w.,])(?P<n>{num})[ \t]+(?P<name>{name_pattern})(?![^\W\d_])")

    def replace_worded(m: re.Match[str]) -> str:
        parsed = language.parse(m.group("n"))
        spoken = with_cents(names[m.group("name")], *parsed) if parsed and language.spells else None
        return spoken or m.group(0)

    def replace_and_end(m: re.Match[str]) -> str:
        spoken = replace(m)
        if spoken != m.group(0) and m.group(0).endswith(".") and ends_sentence(language, m.string, m.end()):
            spoken += "."  # "20 Fr." at the end of a sentence
        return spoken

    return named("expand_money", lambda text: worded.sub(replace_worded, pattern.sub(replace_and_end, text)))


# --------------------------------------------------------------------------------------------------
# Percents, units and degrees
# --------------------------------------------------------------------------------------------------


def _signed(language: Language, sign: str | None, words: str) -> str:
    if sign in ("-", "−") and language.say("minus"):
        return f"{language.say('minus')} {words}"
    if sign == "+" and language.say("plus"):
        return f"{language.say('plus')} {words}"
    return words


def percent_step(language: Language) -> Step:
    """45 % -> "cuarenta y cinco por ciento"; 4,5% -> "cuatro coma cinco por ciento"; 10–20 % ->
    "diez a veinte por ciento"; -3 % -> "menos tres por ciento". The word is the language's, or
    CLDR's; a language with neither keeps its "%"."""
    num = language.number_pattern
    word = language.say("percent") or language.unit_name("%", "concentr-percent", Decimal(2))
    to = language.say("to")
    pattern = re.compile(
        rf"(?<![\w.,])(?P<sign>(?<![\w)\]])[-−+])?(?P<a>{num})"
        rf"(?:[ \t]?(?:[-–—]|(?P<word>{re.escape(to) if to else '(?!)'}))[ \t]?(?P<b>{num})[ \t]?%?)?[ \t]?%"
    )

    def replace(m: re.Match[str]) -> str:
        if not word or not language.spells:
            return m.group(0)
        first = _signed(language, m.group("sign"), say_number(language, m.group("a"), word))
        if m.group("b"):
            return (
                f"{join_range(language, m.string, m.start(), first, say_number(language, m.group('b'), word))} {word}"
            )
        return f"{first} {word}"

    return named("expand_percents", lambda text: pattern.sub(replace, text))


UNITS: Final = {
    "km/h": "speed-kilometer-per-hour", "km²": "area-square-kilometer", "km2": "area-square-kilometer",
    "m²": "area-square-meter", "m2": "area-square-meter", "m³": "volume-cubic-meter", "m3": "volume-cubic-meter",
    "km": "length-kilometer", "cm": "length-centimeter", "mm": "length-millimeter", "m": "length-meter",
    "kg": "mass-kilogram", "mg": "mass-milligram", "g": "mass-gram", "t": "mass-tonne",
    "ml": "volume-milliliter", "l": "volume-liter", "L": "volume-liter", "ha": "area-hectare",
    "kWh": "energy-kilowatt-hour", "kW": "power-kilowatt", "MW": "power-megawatt", "GW": "power-gigawatt",
    "MB": "digital-megabyte", "GB": "digital-gigabyte", "TB": "digital-terabyte",
    "Hz": "frequency-hertz", "kHz": "frequency-kilohertz", "MHz": "frequency-megahertz",
    "GHz": "frequency-gigahertz", "mph": "speed-mile-per-hour", "min": "duration-minute",
    "°C": "temperature-celsius", "ºC": "temperature-celsius", "°F": "temperature-fahrenheit",
    "ºF": "temperature-fahrenheit", "°": "temperature-generic", "º": "temperature-generic",
    "s": "duration-second",
}  # fmt: skip
"""Unit symbols after a number -> CLDR's unit, whose name Babel gives in the language and in the
plural form the number calls for."""


_PARTICIPLE: Final = re.compile(r"[ \t]+\w+(?:ado|ido|ato|ito|uto|to|so|cho|sto|rto)\b")
"""A past participle after "ha", which is then the verb and not hectares."""
_DEGREE_SPACE: Final = re.compile(r"([°º])[ \t]+([CF])\b")


def _unit_and_cents(language: Language, unit: str, integer: str, fraction: str) -> str:
    """ "1,80 m" as the whole unit and the hundredths: "un mètre quatre-vingts", "ein Meter achtzig"."""
    whole, hundredths = int(integer), int(fraction)
    name = language.unit_name(unit, UNITS[unit], Decimal(whole)) or unit
    spoken = f"{agree_with(language, language.cardinal(whole), name)} {name}"
    return f"{spoken} {language.cardinal(hundredths)}" if hundredths else spoken


def unit_step(language: Language) -> Step:
    """5 km -> "cinco kilómetros"; 1 km -> "un kilómetro"; 30 °C -> "treinta grados Celsius";
    -5 °C -> "menos cinco grados Celsius"; 120 km/h; 80 m²; 2,5 t; 10–20 km -> "diez a veinte
    kilómetros"; 10×20 -> "diez por veinte"."""
    num = language.number_pattern
    # the language's own units too ("p.p.", "mq"); a unit is no word's first letter ("l'Italia")
    units = "|".join(re.escape(u) for u in sorted({*UNITS, *language.units}, key=len, reverse=True))
    pattern = re.compile(
        rf"(?<![\w.,])(?P<sign>(?<![\w)\]])[-−+])?(?P<a>{num})(?:[ \t]?[-–—][ \t]?(?P<b>{num}))?"
        rf"[ \t]?(?P<unit>{units})(?![\w/²³'’]|[.,]\d)"
    )
    times = language.say("times")
    dimensions = re.compile(r"(?<=\d)[ \t]?[×x][ \t]?(?=\d)")

    def replace(m: re.Match[str]) -> str:
        unit = m.group("unit")
        if not language.spells or unit in language.not_units:
            return m.group(0)
        if unit == "ha" and _PARTICIPLE.match(m.string, m.end()):
            return m.group(0)  # "el COVID-19 ha causado": the verb
        if unit == "s" and not m.string[m.start("unit") - 1].isspace() and not re.search(r"[.,]\d", m.group("a")):
            return m.group(0)  # "90s" is no time in seconds; "9,58s" and "12 s" are
        last = m.group("b") or m.group("a")
        value = language.value(last)
        if value is None:
            return m.group(0)
        name = language.unit_name(unit, UNITS.get(unit, ""), Decimal(2) if m.group("b") else value)
        if name is None:
            return m.group(0)
        parsed = language.parse(m.group("a"))
        if unit in language.unit_cents and not m.group("b") and parsed and len(parsed[1]) == 2:
            return _signed(language, m.group("sign"), _unit_and_cents(language, unit, *parsed))
        first = _signed(language, m.group("sign"), say_number(language, m.group("a"), name))
        end = "." if unit.endswith(".") and ends_sentence(language, m.string, m.end()) else ""  # "… 0,4 p.p."
        if m.group("b"):
            second = say_number(language, m.group("b"), name)
            return f"{join_range(language, m.string, m.start(), first, second)} {name}{end}"
        return f"{first} {name}{end}"

    def step(text: str) -> str:
        if times:
            text = dimensions.sub(f" {times} ", text)
        text = _DEGREE_SPACE.sub(r"\1\2", text)
        return pattern.sub(replace, text)

    return named("expand_units", step)


def scaled_unit_step(language: Language) -> Step:
    """A unit symbol after a scale word the numbers have been read into, in words: "six virgule cinq
    milliards de km" -> "… milliards de kilomètres", "6,5 Mrd. km" -> "… Milliarden Kilometer". For
    a language's ``after_numbers``."""
    scale_words = {word for pair in language.scales.values() for word in pair}
    if not scale_words or not language.spells:
        return named("expand_scaled_units", lambda text: text)
    scales = "|".join(re.escape(w) for w in sorted(scale_words, key=len, reverse=True))
    units = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True) if u[:1].isalpha())
    pattern = re.compile(
        rf"\b(?P<scale>{scales})(?P<of>[ \t]+(?:de[ \t]+|d['’])?|[ \t]+)(?P<unit>{units})(?![\w/²³'’]|[.,]\d)"
    )

    def replace(m: re.Match[str]) -> str:
        unit = m.group("unit")
        name = None if unit in language.not_units else language.unit_name(unit, UNITS[unit], Decimal(2))
        return f"{m.group('scale')}{m.group('of')}{name}" if name else m.group(0)

    return named("expand_scaled_units", lambda text: pattern.sub(replace, text))


# --------------------------------------------------------------------------------------------------
# Ranges
# --------------------------------------------------------------------------------------------------

_YEAR: Final = r"(?:1\d{3}|20\d{2})"


def range_step(language: Language) -> Step:
    """2010-2015 -> "dos mil diez a dos mil quince" ("entre 2010 y 2015" after "entre"); 2012-18;
    10–20 -> "diez a veinte"; a score or ratio: 2:1 -> "dos a uno"."""
    num = language.number_pattern
    to = language.say("to")
    ratio = language.say("ratio") or to
    years = re.compile(rf"(?<![\w.,$€£/-])(?P<a>{_YEAR})[ \t]?[–—-][ \t]?(?P<b>{_YEAR}|\d{{2}})(?![\w%]|[.,/:-]\d)")
    numbers = re.compile(rf"(?<![\w.,$€£/:-])(?P<a>{num})[ \t]?[–—-][ \t]?(?P<b>{num})(?![\w%/:-]|[.,]\d)")
    ratios = re.compile(r"(?<![\w.,:])(?P<a>\d{1,3}):(?P<b>\d{1,3})(?![\w:]|[.,]\d)")

    def joined(m: re.Match[str], a: str, b: str) -> str:
        return join_range(language, m.string, m.start(), a, b)

    def year_range(m: re.Match[str]) -> str:
        a, b = int(m.group("a")), m.group("b")
        second = int(b) if len(b) == 4 else a // 100 * 100 + int(b)
        if second <= a or not to:
            return m.group(0)
        return joined(m, language.year_words(a), language.year_words(second))

    def number_range(m: re.Match[str]) -> str:
        if not to:
            return m.group(0)
        following = noun_after(language, m.string, m.end())
        return joined(m, say_number(language, m.group("a"), following), say_number(language, m.group("b"), following))

    def ratio_range(m: re.Match[str]) -> str:
        if not ratio:
            return m.group(0)
        return f"{language.cardinal(int(m.group('a')))} {ratio} {language.cardinal(int(m.group('b')))}"

    def step(text: str) -> str:
        if not language.spells:
            return text
        text = years.sub(year_range, text)
        text = numbers.sub(number_range, text)
        return ratios.sub(ratio_range, text)

    return named("expand_ranges", step)


# --------------------------------------------------------------------------------------------------
# Ordinals
# --------------------------------------------------------------------------------------------------


def ordinal_step(language: Language) -> Step:
    """1º -> "primero", 1.ª -> "primera", 1er -> "premier", 2e -> "deuxième", 3° posto -> "terzo
    posto" (a degree sign is an ordinal only before a noun); German "am 3. Oktober" is read by the
    date step and "die 3. Liga" by German's own ordinal step."""
    if not language.ordinal_suffix:
        return named("expand_ordinals", lambda text: text)
    pattern = re.compile(rf"(?<![\w.,])(?P<n>\d{{1,6}})(?P<suffix>{language.ordinal_suffix})(?![^\W\d_])")

    def replace(m: re.Match[str]) -> str:
        suffix = m.group("suffix")
        following = next_word(m.string, m.end())
        head = re.split(r"['’]", following)[0].lower()
        previous = previous_word(m.string, m.start())
        # a capital after it is "C" or a name ("40° Nord"), unless an article says ordinal ("il suo 2° Slam")
        capital = following[:1].isupper() and (len(following) == 1 or previous.lower() not in language.stopwords)
        if "°" in suffix and (not following or head in language.stopwords or capital):
            return m.group(0)  # "40°": degrees, read by the unit step
        return language.ordinal_words(int(m.group("n")), suffix, previous, following)

    return named("expand_ordinals", lambda text: pattern.sub(replace, text) if language.spells else text)


# --------------------------------------------------------------------------------------------------
# Whatever digits are left
# --------------------------------------------------------------------------------------------------

_LETTER_DIGIT: Final = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
_DECADE_APOSTROPHE: Final = re.compile(r"(?<![\w'’])['’](?=[1-9]0\b)")
"""The apostrophe of a decade written short ("gli anni '80"), which is not said."""
_FRACTION: Final = re.compile(r"(?<![\w/.,])(?P<a>\d)/(?P<b>\d{1,2})(?![\w/]|[.,]\d)")
_VULGAR: Final = re.compile("[" + "".join(VULGAR_FRACTIONS) + "]")
_DASH_CENTS: Final = re.compile(r"(?<=\d)[.,](?:-{1,2}|–)(?![\w-])")
"""The ",-" of a round price ("5,- €", German)."""
_SLASH: Final = re.compile(r"(?<=\d)[ \t]?/[ \t]?(?=\d)")
_SERIES: Final = re.compile(r"(?<![\w.,])\d+(?:\.\d+){2,}(?![\w]|\.\d)")


def _sentence_case(words: str, text: str, start: int) -> str:
    """A number's words with a capital when the number starts a sentence ("1 Français sur 4" -> "Un
    Français sur quatre"), so that the sentence can still be found; not after a colon."""
    before = text[max(0, start - WINDOW) : start].rstrip(" \t\"'“‘«([¿¡")
    if (not before and start <= WINDOW) or before.endswith((".", "!", "?", "\n")):
        return words[:1].upper() + words[1:]
    return words


def number_step(language: Language) -> Step:
    """Whatever digits are left, in words: 3.500 -> "tres mil quinientos"; 3 500 (also with a
    no-break space) the same; 4,5 -> "cuatro coma cinco"; -5 -> "menos cinco"; 21 años ->
    "veintiún años"; 2 Mio. -> "zwei Millionen"; #1 -> "número uno"; 3.11.2 -> "tres punto once
    punto dos"; 7/2024 -> "siete barra dos mil veinticuatro"; G7 -> "G siete"; "los '90" -> "los
    noventa"; Italian "15mila" -> "quindicimila"; 2/3 -> "dos tercios", ½ -> "un medio" (where the
    language has fraction words); 5,- -> "fünf". A language num2words does not know keeps its
    digits."""
    num = language.number_pattern
    scales = "|".join(
        re.escape(s)
        for s in sorted(language.scales, key=len, reverse=True)
        if (not s.isalpha() or len(s) > 2) and s not in language.look_past
    )
    scale_pattern = rf"(?:[ \t]?(?P<scale>{scales})(?![^\W\d_]))?" if scales else ""
    pattern = re.compile(
        rf"(?P<minus>(?<![\w.,)\]])[-−+](?=\d))?(?<![\d.,])(?P<n>{num}){scale_pattern}(?P<space>[ \t]*)"
    )
    number_sign = re.compile(r"(?<![\w#&])#[ \t]?(?=\d)")
    point = language.say("point")
    over = language.say("over")

    def fraction(m: re.Match[str]) -> str:
        numerator, denominator = int(m.group("a")), int(m.group("b"))
        if not 0 < numerator < denominator or denominator not in language.fractions:
            return m.group(0)
        one, many = language.fractions[denominator]
        name = one if numerator == 1 else many
        return f"{agree_with(language, language.cardinal(numerator), name)} {name}"

    def vulgar(m: re.Match[str]) -> str:
        numerator, denominator = VULGAR_FRACTIONS[m.group(0)]
        if denominator not in language.fractions:
            return m.group(0)
        one, many = language.fractions[denominator]
        name = one if numerator == 1 else many
        return f"{agree_with(language, language.cardinal(numerator), name)} {name}"

    def series(m: re.Match[str]) -> str:
        if re.fullmatch(num, m.group(0)):
            return say_number(language, m.group(0), noun_after(language, m.string, m.end()))
        if not point:
            return m.group(0)
        return f" {point} ".join(language.number(part) for part in m.group(0).split("."))

    def replace(m: re.Match[str]) -> str:
        scale = m.groupdict().get("scale")
        if scale:
            one, many = language.scales[scale]
            value = language.value(m.group("n"))
            scale_word = one if value is not None and language.is_one(value) else many
            words = f"{say_number(language, m.group('n'), scale_word)} {scale_word}"
        else:
            words = say_number(language, m.group("n"), noun_after(language, m.string, m.end()))
        space = "" if words.endswith("'") else m.group("space")  # Italian "un'ora"
        if m.group("minus"):
            minus = language.say("plus" if m.group("minus") == "+" else "minus")  # "+3 puntos": "más tres"
            return _sentence_case(f"{minus} {words}{space}", m.string, m.start()) if minus else m.group(0)
        return _sentence_case(words + space, m.string, m.start())

    multiplied = re.compile(rf"(?<![\w.,])(?P<n>\d{{1,3}})(?P<word>{'|'.join(language.multipliers) or '(?!)'})\b")

    def multiply(m: re.Match[str]) -> str:
        return language.cardinal(int(m.group("n")) * language.multipliers[m.group("word")])

    def step(text: str) -> str:
        if not language.spells:
            return text
        text = _DECADE_APOSTROPHE.sub("", text)
        if language.multipliers:
            text = multiplied.sub(multiply, text)
        if language.say("number"):
            text = number_sign.sub(language.say("number") + " ", text)
        text = _SERIES.sub(series, text)
        if language.fractions:
            text = _FRACTION.sub(fraction, text)
            text = _VULGAR.sub(vulgar, text)
        if over:
            text = _SLASH.sub(f" {over} ", text)
        text = _DASH_CENTS.sub("", text)
        text = _LETTER_DIGIT.sub(" ", text)
        return pattern.sub(replace, text)

    return named("expand_numbers", step)


__all__ = [
    "UNITS",
    "WINDOW",
    "agree_with",
    "local_dollar",
    "money_step",
    "named",
    "number_step",
    "ordinal_step",
    "percent_step",
    "phone_step",
    "range_step",
    "say_number",
    "scaled_unit_step",
    "unit_step",
]
