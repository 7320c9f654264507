"""The pipeline of every language but English, put in order from the steps of the ``locale_*``
modules for one :class:`~narrate.text.normalize._locale.Language`.

The order is English's, for the same reasons (see the package's docstring): characters and spaces
first; web addresses before anything reads their dots and digits; times, dates and phone numbers
before the number steps spell their digits; ranges before dashes become pauses. Two differences:
ordinals come before units, so that "3° posto" is a place and "40°" a temperature; and a language
can add steps of its own just before the plain numbers (German reads "3. Liga" and its years there),
just before times and dates (``before_times``: French "24h/24", "9h-18h", German "1.–3. Mai") and
right after the plain numbers (``after_numbers``: French "de un" -> "d'un").

Long ALL-CAPS words ("NACHRICHTEN", a site tag "HARBOURWATCH") are written in title case
(``capitals.title_case_capitals``) right after web and e-mail addresses, as in English and for the
same reasons: before dates ("DEZEMBER") and abbreviations read them, so that no engine spells them.

A dash written right before a number and after no number ("bis –8 Grad", "–5 °C") is a minus sign,
and becomes "−" before any step reads it. Early steps (``early``) run before money and the other
number steps (Spanish reads "Ley 7/2024" there).
"""

from __future__ import annotations

from collections.abc import Sequence

from ._common import Step
from ._locale import Language
from .capitals import title_case_capitals
from .characters import normalize_spaces, remove_control_characters
from .locale_dates import date_step, roman_step, time_step
from .locale_numbers import money_step, number_step, ordinal_step, percent_step, phone_step, range_step, unit_step
from .locale_words import abbreviation_step, ampersand_step, email_step, symbol_step, web_step
from .punctuation import dash_minus_signs, expand_dashes, expand_ellipses, tidy_punctuation


def localized_pipeline(
    language: Language,
    *,
    early: Sequence[Step] = (),
    before_numbers: Sequence[Step] = (),
    before_times: Sequence[Step] = (),
    after_numbers: Sequence[Step] = (),
) -> tuple[Step, ...]:
    """The steps of :func:`~narrate.text.normalize.normalize_for_speech` for ``language``, in order.
    ``early`` are a language's own steps that read digits before money, percents, units, ranges and
    numbers do ("Ley 7/2024", "1,80 m", "un 14enne"); ``before_numbers`` run just before the plain
    numbers, ``before_times`` before times and dates, ``after_numbers`` right after the numbers."""
    return (
        remove_control_characters,
        normalize_spaces,
        dash_minus_signs,
        expand_ellipses,
        web_step(language),
        email_step(language),
        title_case_capitals,
        ampersand_step(language),
        *before_times,
        time_step(language),
        date_step(language),
        phone_step(language),
        abbreviation_step(language),
        roman_step(language),
        *early,
        money_step(language),
        percent_step(language),
        ordinal_step(language),
        unit_step(language),
        range_step(language),
        *before_numbers,
        number_step(language),
        *after_numbers,
        symbol_step(language),
        expand_dashes,
        tidy_punctuation,
    )
