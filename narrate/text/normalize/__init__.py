"""Speech normalisation: text as it should be *spoken*, in the article's language.

Applied to the spoken text only (the display text is kept elsewhere), after the pronunciation
lexicon and before the text reaches an engine. The work is done by a pipeline of small named
``str -> str`` functions, :data:`PIPELINE`, run in order; each one handles one kind of token and can
be used and tested alone.

:func:`normalize_for_speech` dispatches on the primary subtag of its ``language`` tag (lower-case,
before "-" or "_"; ``languages.pipeline_for``): English ("en", "en-US", "en_GB") gets the English
pipeline described below, unchanged; Spanish, French, German, Italian and Portuguese get a pipeline
of their own (see "Other languages" at the end); any other language gets a generic one.

What the English output looks like, and why:

* Numbers become words (num2words), without the commas num2words writes inside large numbers
  ("one million, five hundred thousand") because engines pause at commas.
* Periods that are not sentence ends go: "Dr." -> "Doctor", "Jan. 5" -> "January fifth",
  "U.S." -> "U.S". hibari (the default engine) splits sentences at any ". " before a capital or a
  digit unless the word is a title or a single initial, so "Jan. 5, 2024." was read as two
  sentences ("January. five, ...") and "the U.S. Senate" as "the U S." + "Senate". Where the
  period of an abbreviation does end the sentence, one period is kept.
* Initialisms keep their dots between the letters ("U.S", "F.B.I", "A.M"): hibari spells a dotted
  word letter by letter, with the stress on the last letter, as a reader would.
* Dashes between words and ellipses become pauses (", " or a sentence end); hyphens inside words
  are left alone.

Sentence punctuation is kept, so sentences can still be split after normalisation; no sentence is
merged with another or dropped. The function never raises: every step only rewrites what its
patterns recognise and leaves anything else as it was.

The passes, in order (:data:`PIPELINE`, put in order by ``english``), and the module of each kind:

1. ``characters``: control and format characters out, every space a plain space
   (``remove_control_characters``, ``normalize_spaces``).
2. ``punctuation``: ellipses as pauses (``expand_ellipses``).
3. ``web``: web addresses, e-mail addresses, then hashtags and @handles (``expand_urls``,
   ``expand_emails``, ``expand_handles``).
4. ``capitals``: long and run-together ALL-CAPS words as words, which engines would spell letter by
   letter ("on TRUENEWSREPORT" -> "on True News Report", "NATHANIEL" -> "Nathaniel"); initialisms
   and acronyms (FBI, NASA, UNESCO) kept (``expand_capitals``).
   ``roman``: Roman numerals after a keyword or a ruler's name ("World War II" -> "World War Two",
   "Henry VIII" -> "Henry the Eighth"), for every engine (``expand_roman``).
5. ``symbols``: ampersands (``expand_ampersands``).
6. ``dates_times``: times, then dates, with their spans ("7–10am", "June 12–14", "Monday–Friday")
   (``expand_times``, ``expand_dates``).
7. ``abbreviations``: abbreviations and titles, then initialisms (``expand_abbreviations``,
   ``expand_initialisms``).
8. ``codes``: phone numbers and numbers to call, ZIP codes, PINs, ISBNs, postcodes, then serial,
   flight and model numbers, digit by digit (``expand_phone_numbers``, ``expand_codes``,
   ``expand_serials``); ``versions``: version numbers part by part (``expand_versions``).
9. ``money``: money (``expand_money``).
10. ``units``: scale suffixes ("3.2M", "12K", "2.4m followers"), percents ("41.6pc"), degrees
    ("25-28C"), units ("6ft 2in", "1.5kg") (``expand_scales``, ``expand_percents``,
    ``expand_degrees``, ``expand_units``).
11. ``numbers``: fractions (``expand_fractions``).
12. ``years`` and ``scores``: decades, scores ("1-1" -> "one all", "245-6" -> "245 for 6"),
    ranges and seasons ("2025/26"), years (``expand_decades``, ``expand_scores``, ``expand_ranges``,
    ``expand_years``).
13. ``signs``: a sign before a number in words ("−0.5" -> "minus 0.5", "±2") (``expand_signs``).
14. ``numbers``: ordinals, decimals, then whatever digits are left (``expand_ordinals``,
    ``expand_decimals``, ``expand_numbers``).
15. ``symbols``: the symbols left over (``expand_symbols``).
16. ``punctuation``: dashes as pauses, then the spaces and commas left behind (``expand_dashes``,
    ``tidy_punctuation``).

Order matters because the steps read each other's input. The later patterns expect plain spaces and
"\\n" line breaks, so characters and spaces come first. Web and e-mail addresses are read before the
steps that read periods and digits, so that none of those takes an address's dots for periods or its
digits for numbers ("ed@ex1.org"). Capitals become words before dates, abbreviations and initialisms
read them, so that "SEPTEMBER 5" is a date and the initialisms kept are read as any other. Times,
dates, money, units, ranges and years read digits in context ("10:30 a.m.", "$9.99", "5 km",
"2012–2018", "in 2019"), so they must see the digits before the number steps spell them; times come
before ranges, so "10:30" is a time and not a ratio; ordinals come before the plain numbers that
would otherwise take "21" out of "21st". Ranges are read before dashes become pauses ("5–10" is "5
to 10", not "5, 10"); ``expand_symbols`` only reads what the steps before it left;
``tidy_punctuation`` comes last and cleans up after all of them.

Shared helpers (number words, where a sentence ends, the ``Step`` type) are in ``_common``.

Other languages
---------------

Each language with rules of its own is one module holding its data and its pipeline: ``spanish``,
``french``, ``german``, ``italian``, ``portuguese`` (Brazil for "pt" and "pt-BR", Portugal for
"pt-PT" and the other regions). A module fills in one ``_locale.Language`` (the fixed words such as
"coma" and "por ciento", abbreviations and titles, currency and scale names, and the few rules that
are the language's own: gender and apocope of numbers, ordinals, the day of a date, the clock,
centuries and rulers) and builds its ``PIPELINE`` with ``localized.localized_pipeline``, which puts
in order the shared, locale-aware steps of ``locale_numbers`` (phone numbers, money, percents,
ordinals, units, ranges, plain numbers), ``locale_dates`` (times, dates, Roman numbers) and
``locale_words`` (web and e-mail addresses, abbreviations, symbols), around the language-neutral
steps above (characters, spaces, ellipses, long ALL-CAPS words in title case, dashes, tidying).
German adds steps of its own (ordinals written "3.", years, decades, "Ludwig XIV.", "der
45-Jährige", "vom 1.–3. Mai"), and so does French ("24h/24", "le 49.3", "2024/2025", "d'un");
Belgian and Swiss French ("fr-BE", "fr-CH") say "septante" and "nonante". A new language is one such
module plus its tests, and a line in ``languages``.

num2words spells the numbers (its output corrected where it is wrong: Spanish "veintiuno mil",
"décimoprimero"); Babel (CLDR) gives each locale's decimal and group symbols (so a region such as
"es-MX" or "de-CH" gets its own: "3,500", "1'000"), month names, currency and unit names in the
plural form the number calls for. A language without a module gets numbers in num2words' words with
CLDR's separators, months, currencies and units (Dutch, Polish, Swedish …); when num2words does not
know the language its digits stay as written. No step ever puts an English word into another
language: a word the language has none for leaves its symbol as written.

Unlike the English steps, the localized steps spell their numbers themselves, because a number
agrees with what it counts ("veintiún años", "doscientas personas", "eine Million", "un'ora").
"""

from __future__ import annotations

from ._common import SENTENCE_STARTERS, Step, split_tag
from .abbreviations import (
    ABBREVIATIONS,
    ACRONYM_WORDS,
    BEFORE_NUMBER,
    LETTER_WORDS,
    TITLES,
    expand_abbreviations,
    expand_initialisms,
)
from .capitals import expand_capitals, title_case_capitals
from .characters import normalize_spaces, remove_control_characters
from .codes import EMERGENCY, expand_codes, expand_phone_numbers, expand_serials
from .dates_times import MONTHS, expand_dates, expand_times
from .english import PIPELINE
from .money import CURRENCIES, expand_money
from .numbers import VULGAR_FRACTIONS, expand_decimals, expand_fractions, expand_numbers, expand_ordinals
from .punctuation import expand_dashes, expand_ellipses, tidy_punctuation
from .roman import KEYWORDS, REGNAL_NAMES, expand_roman
from .scores import expand_scores
from .signs import expand_signs
from .symbols import expand_ampersands, expand_symbols
from .units import SCALES, UNITS, expand_degrees, expand_percents, expand_scales, expand_units
from .versions import PRODUCTS, expand_versions
from .web import expand_emails, expand_handles, expand_urls
from .years import YEAR_AFTER, YEAR_BEFORE, YEAR_WEAK, expand_decades, expand_ranges, expand_years

__all__ = [
    "PIPELINE",
    "LANGUAGES",
    "normalize_for_speech",
    "pipeline_for",
    "remove_control_characters",
    "normalize_spaces",
    "expand_ellipses",
    "expand_urls",
    "expand_emails",
    "expand_handles",
    "expand_capitals",
    "title_case_capitals",
    "expand_roman",
    "expand_ampersands",
    "expand_times",
    "expand_dates",
    "expand_abbreviations",
    "expand_initialisms",
    "expand_phone_numbers",
    "expand_codes",
    "expand_serials",
    "expand_versions",
    "expand_money",
    "expand_scales",
    "expand_percents",
    "expand_degrees",
    "expand_units",
    "expand_fractions",
    "expand_decades",
    "expand_scores",
    "expand_ranges",
    "expand_years",
    "expand_signs",
    "expand_ordinals",
    "expand_decimals",
    "expand_numbers",
    "expand_symbols",
    "expand_dashes",
    "tidy_punctuation",
    # the step type and the tables the steps read, public names of the single module this was
    "Step",
    "SENTENCE_STARTERS",
    "MONTHS",
    "TITLES",
    "ABBREVIATIONS",
    "BEFORE_NUMBER",
    "LETTER_WORDS",
    "ACRONYM_WORDS",
    "CURRENCIES",
    "UNITS",
    "SCALES",
    "KEYWORDS",
    "REGNAL_NAMES",
    "VULGAR_FRACTIONS",
    "EMERGENCY",
    "PRODUCTS",
    "YEAR_BEFORE",
    "YEAR_WEAK",
    "YEAR_AFTER",
]


def pipeline_for(tag: str) -> tuple[Step, ...]:
    """The normalisation pipeline for a language tag ("es", "pt-BR", "en_us", "nl"); never raises.

    English's straight away; any other language's from :mod:`.languages`, imported when first needed
    (it loads every language module, num2words and Babel: an English build never pays for them)."""
    if split_tag(tag)[0] == "en":
        return PIPELINE
    from .languages import pipeline_for as for_language

    return for_language(tag)


def __getattr__(name: str) -> object:
    if name == "LANGUAGES":  # the languages with a module of their own: loaded only when asked for
        from .languages import LANGUAGES

        return LANGUAGES
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def normalize_for_speech(text: str, *, language: str = "en") -> str:
    """Text as it should be spoken: abbreviations, initialisms, numbers, money, dates, times, web
    addresses and symbols in words, dashes and ellipses as pauses.

    ``language`` is a language tag ("en", "es", "pt-BR", "de_CH"); the pipeline is chosen by its
    primary subtag (:func:`pipeline_for`): English's for "en" and its variants, a language
    module's for es, fr, de, it and pt, a generic one (num2words and CLDR) for any other. Sentence
    punctuation is kept, so the result can still be split into sentences. Never raises.
    """
    for step in pipeline_for(language):
        text = step(text)
    return text
