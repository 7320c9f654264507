"""Which pipeline speaks which language: English's for "en", a language module's for es, fr, de, pt and
it, and for any other language a generic one built from what num2words and Babel (CLDR) know about it.

A tag is dispatched on its primary subtag ("pt-BR" -> "pt"); the region matters only where the
language differs by region: Portuguese of Portugal ("pt-PT") against Brazil's ("pt", "pt-BR"), and
the separators CLDR gives a region ("es-MX" writes "3.5" and "3,500", "de-CH" "1'000"), and French
of Belgium and Switzerland ("fr-BE", "fr-CH": "septante", "nonante").
"""

from __future__ import annotations

import dataclasses
import functools
from decimal import Decimal
from typing import Final

from babel.dates import get_date_format
from num2words import CONVERTER_CLASSES, num2words

from . import italian, portuguese, spanish
from ._common import Step, split_tag
from ._locale import Language, tidy
from .english import PIPELINE as ENGLISH_PIPELINE
from .french import FRENCH
from .french import PIPELINE as FRENCH_PIPELINE
from .french import regional_pipeline as french_regional_pipeline
from .german import GERMAN, OWN_STEPS
from .german import PIPELINE as GERMAN_PIPELINE
from .german import regional_pipeline as german_regional_pipeline
from .italian import ITALIAN
from .italian import PIPELINE as ITALIAN_PIPELINE
from .locale_numbers import local_dollar
from .localized import localized_pipeline
from .portuguese import BRAZIL, PIPELINE_PORTUGAL
from .portuguese import PIPELINE as BRAZIL_PIPELINE
from .spanish import PIPELINE as SPANISH_PIPELINE
from .spanish import SPANISH

LANGUAGES: Final = {"es": SPANISH, "fr": FRENCH, "de": GERMAN, "it": ITALIAN, "pt": BRAZIL}
"""The languages with a module of their own, by primary subtag."""
_PIPELINES: Final = {
    "en": ENGLISH_PIPELINE, "es": SPANISH_PIPELINE, "fr": FRENCH_PIPELINE, "de": GERMAN_PIPELINE,
    "it": ITALIAN_PIPELINE, "pt": BRAZIL_PIPELINE, "pt-br": BRAZIL_PIPELINE, "pt-pt": PIPELINE_PORTUGAL,
}  # fmt: skip
_OWN_STEPS: Final = {"de": OWN_STEPS}
"""The steps a language adds to the shared ones, for its regional variants."""
_BUILDERS: Final = {"es": spanish.pipeline, "it": italian.pipeline, "pt": portuguese.pipeline}
"""The pipeline of a language with steps of its own, made for a regional variant."""


_REGIONAL: Final = {"fr": french_regional_pipeline, "de": german_regional_pipeline}
"""The languages whose module makes the pipeline of a regional variant (French and German steps of
their own, Belgian and Swiss numbers)."""


@functools.lru_cache(maxsize=128)
def pipeline_for(tag: str) -> tuple[Step, ...]:
    """The pipeline for a language tag ("es", "pt-BR", "en_us", "nl"); never raises."""
    primary, whole = split_tag(tag)
    if whole in _PIPELINES:
        return _PIPELINES[whole]
    if primary == "pt" and whole != "pt":
        return PIPELINE_PORTUGAL  # pt-AO, pt-MZ … write as Portugal does
    if primary in _REGIONAL:
        return _REGIONAL[primary](whole)  # fr-BE says "septante"; de-CH writes "1'000"
    if primary in LANGUAGES:
        base = LANGUAGES[primary]
        variant = dataclasses.replace(base, tag=whole)
        same = variant.decimal_symbol == base.decimal_symbol and variant.group_symbols == base.group_symbols
        if primary in _BUILDERS and local_dollar(whole) != local_dollar(primary):
            same = False  # es-AR, es-CO: "$" is pesos
        if same:
            return _PIPELINES[primary]
        if primary in _BUILDERS:
            return _BUILDERS[primary](variant)
        return localized_pipeline(variant, before_numbers=_OWN_STEPS.get(primary, ()))
    if primary in _PIPELINES:
        return _PIPELINES[primary]
    return localized_pipeline(generic_language(whole or primary))


# --------------------------------------------------------------------------------------------------
# Any other language
# --------------------------------------------------------------------------------------------------


def _num2words_code(whole: str, primary: str) -> str | None:
    """num2words' code for a tag ("pt_BR", "fr_CH", "nl"), or None when it does not know the language."""
    parts = whole.split("-")
    if len(parts) > 1:
        regional = f"{parts[0]}_{parts[1].upper()}"
        if regional in CONVERTER_CLASSES:
            return regional
    return primary if primary in CONVERTER_CLASSES else None


def _word_between(code: str, number: object, before: int, after: int) -> str | None:
    """The word num2words puts between two parts of a number: the minus sign in -1 ("min"), the
    decimal separator in 1.5 ("komma"); None when it is not to be found."""
    try:
        whole = tidy(num2words(number, lang=code))
        head = tidy(num2words(before, lang=code)) if before >= 0 else ""
        tail = tidy(num2words(after, lang=code)) if after >= 0 else ""
    except Exception:
        return None
    if head and not whole.startswith(head) and tail and whole.endswith(tail):
        word = whole[: -len(tail)].strip()
    else:
        word = whole.removeprefix(head).removesuffix(tail).strip()
    return word if word and not any(c.isdigit() for c in word) and len(word.split()) <= 2 else None


@functools.lru_cache(maxsize=64)
def generic_language(tag: str) -> Language:
    """A language with no module: numbers in num2words' words (when it knows the language), with
    CLDR's separators, month names, currency and unit names; the words for "minus" and the decimal
    separator taken from num2words itself. Nothing English is put in: a word neither library knows
    leaves its symbol as written."""
    primary, whole = split_tag(tag)
    code = _num2words_code(whole, primary)
    words: dict[str, str] = {}
    if code:
        minus = _word_between(code, -1, -1, 1)
        decimal = _word_between(code, Decimal("1.5"), 1, 5)
        if minus:
            words["minus"] = minus
        if decimal:
            words["decimal"] = decimal
    language = Language(tag=whole or primary, num2words=code, words=words, fraction_digits=True)
    try:
        day_first = language.locale is not None and get_date_format("short", locale=language.locale).pattern.lstrip(
            "'"
        ).startswith("d")
    except Exception:
        day_first = False
    if not day_first:
        language = dataclasses.replace(language, date_template="")
    return language
