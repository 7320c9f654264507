"""The English pipeline: every step, in the order :func:`~narrate.text.normalize.normalize_for_speech`
runs them for "en" and its variants.

Each step lives in the module for its kind; this module only puts them in order.

``expand_capitals`` (long and run-together ALL-CAPS words as words: "on TRUENEWSREPORT" -> "on True
News Report") comes right after web and e-mail addresses, which read their own capitals, and before
dates ("SEPTEMBER 5" is a date once it is "September 5") and before abbreviations and initialisms, so
that the initialisms it keeps ("BBC News", "FBI") are read as any other.
"""

from __future__ import annotations

from typing import Final

from ._common import Step
from .abbreviations import expand_abbreviations, expand_initialisms
from .capitals import expand_capitals
from .characters import normalize_spaces, remove_control_characters
from .codes import expand_codes, expand_phone_numbers, expand_serials
from .dates_times import expand_dates, expand_times
from .money import expand_money
from .numbers import expand_decimals, expand_fractions, expand_numbers, expand_ordinals
from .punctuation import expand_dashes, expand_ellipses, tidy_punctuation
from .roman import expand_roman
from .scores import expand_scores
from .signs import expand_signs
from .symbols import expand_ampersands, expand_symbols
from .units import expand_degrees, expand_percents, expand_scales, expand_units
from .versions import expand_versions
from .web import expand_emails, expand_handles, expand_urls
from .years import expand_decades, expand_ranges, expand_years

PIPELINE: Final[tuple[Step, ...]] = (
    remove_control_characters,
    normalize_spaces,
    expand_ellipses,
    expand_urls,
    expand_emails,
    expand_handles,
    expand_capitals,
    expand_roman,
    expand_ampersands,
    expand_times,
    expand_dates,
    expand_abbreviations,
    expand_initialisms,
    expand_phone_numbers,
    expand_codes,
    expand_serials,
    expand_versions,
    expand_money,
    expand_scales,
    expand_percents,
    expand_degrees,
    expand_units,
    expand_fractions,
    expand_decades,
    expand_scores,
    expand_ranges,
    expand_years,
    expand_signs,
    expand_ordinals,
    expand_decimals,
    expand_numbers,
    expand_symbols,
    expand_dashes,
    tidy_punctuation,
)
"""The steps of :func:`normalize_for_speech` for English, in order. Order matters: capitals become
words before dates and initialisms are read, Roman numerals ("Chapter IV", "Henry VIII") before
initialisms could take them for letters, times, dates and money must see their digits before the
number steps spell them (times and dates read their own spans: "7–10am", "June 12–14"), scale
suffixes ("3.2M") before units take "m" for metres, units before the number steps, scores before
ranges ("1-1" is "one all", not "one to one"), ranges before dashes become pauses, and signs ("−0.5")
before the decimals and numbers they stand in front of."""
