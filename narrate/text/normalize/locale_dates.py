"""Times, dates and Roman numbers in any language but English: "14:30", "14h30", "14.30 Uhr";
"12 de marzo de 2024", "1er janvier 2024", "12. März 2024", "12/03/2024", "2024-03-12"; "siglo XXI",
"XXIe siècle", "Felipe VI".

Each function makes one step for a :class:`~narrate.text.normalize._locale.Language`. They read their
digits in context, so they run before the number steps.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from ._common import Step
from ._locale import ROMAN, WINDOW, Language, ends_sentence, previous_word, previous_word_of_list, roman_value
from .locale_numbers import agree_with, join_range, named

# --------------------------------------------------------------------------------------------------
# Times
# --------------------------------------------------------------------------------------------------


def time_step(language: Language) -> Step:
    """14:30 -> "catorce treinta" (es), "quatorze heures trente" (fr), "vierzehn Uhr dreißig" (de);
    14h30 and 14 h; 14.30 after a time word ("a las", "alle", "um") or before an hour unit
    ("Uhr", "horas"). How the hour and minutes are said is the language's ``clock``. A time with
    seconds is a duration (a race's): 2:01:09 -> "dos horas, un minuto y nueve segundos"."""
    if language.clock is None:
        return named("expand_times", lambda text: text)
    units = rf"(?P<unit>[ \t]?(?:{language.time_units})(?![^\W\d_]))?" if language.time_units else ""
    before = rf"(?P<before>\b(?:{language.time_before})[ \t]+)?" if language.time_before else ""
    pattern = re.compile(
        rf"{before}(?<![\w:.,$€£])(?P<h>\d{{1,2}})"
        r"(?:(?P<sep>[:.])(?P<m>\d{2})(?!\d)|[ \t]?(?P<hsep>[hH])(?:[ \t]?(?P<hm>\d{2})(?!\d))?(?P<min>[ \t]?min\b)?)"
        rf"{units}(?![^\W\d_]|[.,:]\d)"
    )
    clock = language.clock
    between = re.compile(
        r"(?<![\w:.,$€£])(?P<h>\d{1,2}):(?P<m>\d{2})[ \t]?[-–][ \t]?(?P<h2>\d{1,2}):(?P<m2>\d{2})"
        rf"{units}(?![^\W\d_]|[.,:]\d)"
    )

    def time_range(m: re.Match[str]) -> str:
        """9:00-14:00 -> "nueve a catorce": two times joined as a range, not by a hyphen."""
        times = (int(m.group("h")), int(m.group("m"))), (int(m.group("h2")), int(m.group("m2")))
        if not language.say("to") or any(h > 24 or minutes > 59 for h, minutes in times):
            return m.group(0)
        first = clock(*times[0], False)
        second = clock(*times[1], bool(m.groupdict().get("unit")))
        return join_range(language, m.string, m.start(), first, second)

    def replace(m: re.Match[str]) -> str:
        hours = int(m.group("h"))
        minutes = int(m.group("m") or m.group("hm") or 0)
        if hours > 24 or minutes > 59 or (hours == 24 and minutes):
            return m.group(0)
        if m.group("sep") == "." and not (m.groupdict().get("before") or m.groupdict().get("unit")):
            return m.group(0)  # "3.45" is a number unless a time word or unit says otherwise
        if m.group("hsep") and not language.time_units:
            return m.group(0)
        if m.group("min") and m.group("hm") and not m.groupdict().get("before"):
            return spoken_duration(m, ((hours, "duration-hour"), (minutes, "duration-minute")))  # "2 h 30 min"
        written_unit = bool(m.group("hsep") or m.groupdict().get("unit"))
        return (m.groupdict().get("before") or "") + clock(hours, minutes, written_unit)

    def duration(m: re.Match[str]) -> str:
        return spoken_duration(
            m, ((int(m.group("h")), "duration-hour"), (int(m.group("m")), "duration-minute"),
                (int(m.group("s")), "duration-second"))
        )  # fmt: skip

    def spoken_duration(m: re.Match[str], values: tuple[tuple[int, str], ...]) -> str:
        parts = []
        for value, unit in values:
            name = language.unit_name("", unit, Decimal(value))
            if name is None or value > 59 and unit != "duration-hour":
                return m.group(0)
            if value:
                parts.append(f"{agree_with(language, language.cardinal(value), name)} {name}")
        if not parts:
            return m.group(0)
        last = parts.pop()
        return f"{', '.join(parts)} {language.say('and') or ','} {last}" if parts else last

    def step(text: str) -> str:
        if not language.spells:
            return text
        text = _DURATION.sub(duration, text)
        text = between.sub(time_range, text)
        return pattern.sub(replace, text)

    return named("expand_times", step)


_DURATION: Final = re.compile(r"(?<![\w:.,])(?P<h>\d{1,2}):(?P<m>\d{2}):(?P<s>\d{2})(?![\w:]|[.,]\d)")


# --------------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------------

_ISO: Final = re.compile(r"(?<![\w.-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w-]|\.\d)")
_NUMERIC: Final = re.compile(
    r"(?<![\w/.,-])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\w/-]|[.,]\d)"
    r"|(?<![\w/.,-])(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?![\w]|[.,]?\d)"
)


def _full_year(written: str) -> int:
    year = int(written)
    if len(written) == 2:
        return (1900 if year > 30 else 2000) + year
    return year


def date_step(language: Language) -> Step:
    """Dates in the language's own forms: "12 de marzo de 2024" -> "doce de marzo de dos mil
    veinticuatro"; "1er janvier" -> "premier janvier"; "1° maggio" -> "primo maggio"; "am 12. März"
    -> "am zwölften März"; numeric (day first) and ISO dates with the month's name: 12/03/2024,
    12.03.2024, 2024-03-12. The day is said as the language's ``day`` says (an ordinal in
    German, "premier" for the first in French)."""
    months = language.month_numbers
    if not months or not language.spells:
        return named("expand_dates", lambda text: text)
    names = "|".join(re.escape(name) for name in sorted(months, key=len, reverse=True))
    suffix = rf"(?P<suffix>{language.ordinal_suffix})?" if language.ordinal_suffix else ""
    written = re.compile(
        rf"(?<![\w.,:/-])(?P<day>\d{{1,2}}){suffix}(?P<dm>{language.day_month})"
        rf"(?P<month>(?i:{names}))(?![^\W\d_])"
        rf"(?:(?P<my>{language.month_year})(?P<year>\d{{4}})(?![\w%]|[.,]\d))?"
    )
    spelled = "|".join(re.escape(n) for n in sorted(months, key=len, reverse=True) if n.endswith(".") or len(n) > 4)
    month_year = re.compile(
        rf"(?<![^\W\d_])(?P<month>(?i:{spelled}))(?P<my>{language.month_year})(?P<year>\d{{4}})(?![\w%]|[.,:/-]?\d)"
    )

    def day_words(n: int, text: str, start: int) -> str:
        previous = previous_word_of_list(text, start)
        return language.day(n, previous) if language.day is not None else language.cardinal(n)

    def month_name(n: int) -> str:
        return language.months[n - 1]

    def template(text: str, start: int, day: int, month: int, year: int | None) -> str | None:
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        spoken = language.date_template.format(
            day=day_words(day, text, start), month=month_name(month), year=language.year_words(year) if year else ""
        )
        return re.sub(r"(?:[ \t]+(?:de|del|di)?)?[ \t]*$", "", spoken) if year is None else spoken

    def iso(m: re.Match[str]) -> str:
        spoken = template(m.string, m.start(), int(m.group("d")), int(m.group("m")), int(m.group("y")))
        return spoken or m.group(0)

    def numeric(m: re.Match[str]) -> str:
        if m.group("d2"):
            if not language.ordinal_dot:
                return m.group(0)
            spoken = template(m.string, m.start(), int(m.group("d2")), int(m.group("m2")), None)
            if spoken and ends_sentence(language, m.string, m.end()):
                spoken += "."  # "bis zum 31.12." ends the sentence too
        else:
            spoken = template(m.string, m.start(), int(m.group("d")), int(m.group("m")), _full_year(m.group("y")))
        return spoken or m.group(0)

    def day_month(m: re.Match[str]) -> str:
        day = int(m.group("day"))
        month = m.group("month")
        if not 1 <= day <= 31 or month.lower() not in months:
            return m.group(0)
        if month[:1].islower() and language.months and language.months[0][:1].isupper():
            return m.group(0)  # German months are capitalised; "3. mai" is no date
        if m.groupdict().get("suffix"):
            spoken = language.ordinal_words(day, m.group("suffix"), previous_word(m.string, m.start()), "")
        else:
            spoken = day_words(day, m.string, m.start())
        separator = m.group("dm")
        if language.ordinal_dot:
            separator = " "
        spoken += separator + _expand_month(language, month)
        if m.group("year"):
            spoken += m.group("my") + language.year_words(int(m.group("year")))
        elif month.endswith(".") and ends_sentence(language, m.string, m.end()):
            spoken += "."  # "el 5 de sept. El …"
        return spoken

    def month_and_year(m: re.Match[str]) -> str:
        return _expand_month(language, m.group("month")) + m.group("my") + language.year_words(int(m.group("year")))

    def step(text: str) -> str:
        if language.date_template:
            text = _ISO.sub(iso, text)
            text = _NUMERIC.sub(numeric, text)
        text = written.sub(day_month, text)
        return month_year.sub(month_and_year, text)

    return named("expand_dates", step)


def _expand_month(language: Language, written: str) -> str:
    """A month as written, with an abbreviation ("ene.", "Sept.") said as the month's name."""
    lower = written.lower()
    number = language.month_numbers.get(lower)
    if number is None or lower == language.months[number - 1].lower() or lower in language.month_aliases:
        return written
    return language.months[number - 1]


# --------------------------------------------------------------------------------------------------
# Roman numbers: centuries and regnal numbers
# --------------------------------------------------------------------------------------------------


def roman_step(language: Language) -> Step:
    """Centuries: "siglo XXI" and "s. XXI" -> "siglo veintiuno"; "siglos XIX y XX"; "XXIe siècle"
    -> "vingt et unième siècle"; "XXI secolo" -> "ventunesimo secolo". A Roman number after a name
    as the language's ``regnal`` says: "Felipe VI" -> "Felipe sexto", "Louis XIV" -> "Louis
    quatorze", "Fase II" -> "fase dos". A lone "X" or "V" after a word that is no ruler's name
    ("Generación X") is left alone."""
    roman = rf"(?=[IVX]){ROMAN}"
    say_century = language.century or language.cardinal
    has_centuries = language.century is not None
    words = "|".join(re.escape(w) for w in sorted(language.century_words, key=len, reverse=True))
    join = r"[ \t]+(?:y|e|et|und|al|a|ao)[ \t]+|[ \t]?[-–][ \t]?"
    century = (
        re.compile(
            rf"(?<![\w.])(?P<word>{words})[ \t]+(?P<roman>{roman})"
            rf"(?:(?P<join>{join})(?P<roman2>{roman}))?(?![\w+&]|\.\w)"
        )
        if words and has_centuries
        else None
    )
    after = "|".join(re.escape(w) for w in sorted(language.century_after, key=len, reverse=True))
    century_after = (
        re.compile(rf"(?<![\w.])(?P<roman>{roman})[ \t]+(?P<word>{after})\b") if after and has_centuries else None
    )
    suffix = rf"(?P<suffix>{language.ordinal_suffix})" if language.ordinal_suffix else "(?!)"
    roman_ordinal = re.compile(rf"(?<![\w.])(?P<roman>{roman}){suffix}(?![^\W\d_])")
    regnal = re.compile(rf"(?P<name>\b[A-ZÀ-Ý][a-zà-ÿ]+)[ \t]+(?P<roman>{roman})(?![\w'’+&-]|\.\w)")

    def spoken_century(m: re.Match[str]) -> str:
        spoken = f"{language.century_words[m.group('word')]} {say_century(roman_value(m.group('roman')))}"
        if m.group("roman2"):
            join = m.group("join").strip(" \t")
            if join in ("-", "–"):
                join = language.say("to") or join
            spoken += f" {join} {say_century(roman_value(m.group('roman2')))}"
        return spoken

    def spoken_century_after(m: re.Match[str]) -> str:
        return f"{say_century(roman_value(m.group('roman')))} {m.group('word')}"

    def ordinal(m: re.Match[str]) -> str:
        n = roman_value(m.group("roman"))
        after = m.string[m.end() : m.end() + WINDOW]
        following = re.match(r"[ \t]*([^\W\d_]+)", after)
        return language.ordinal_words(n, m.group("suffix"), "", following.group(1) if following else "")

    def spoken_regnal(m: re.Match[str]) -> str:
        name, roman = m.group("name"), m.group("roman")
        if language.regnal is None or name in language.sentence_starters:
            return m.group(0)
        if name not in language.regnal_names and len(roman) < 2:
            return m.group(0)
        return f"{name} {language.regnal(roman_value(roman), name)}"

    def step(text: str) -> str:
        if not language.spells:
            return text
        if century is not None:
            text = century.sub(spoken_century, text)
        if century_after is not None:
            text = century_after.sub(spoken_century_after, text)
        if language.roman_ordinals:
            text = roman_ordinal.sub(ordinal, text)
        return regnal.sub(spoken_regnal, text)

    return named("expand_roman_numbers", step)
