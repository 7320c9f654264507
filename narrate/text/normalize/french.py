"""French: its data (words, abbreviations, currencies) and its rules (the feminine "une", ordinals,
the clock), and the pipeline built from them.

Readings, as a French newsreader says them: "3 500" (with a space, a no-break space or U+202F) ->
"trois mille cinq cents"; "4,5" -> "quatre virgule cinq"; "12 %" -> "douze pour cent"; "1er janvier
2024" -> "premier janvier deux mille vingt-quatre"; "2e" -> "deuxième", "1re" -> "première";
"XXIe siècle" -> "vingt et unième siècle"; "Louis XIV" -> "Louis quatorze"; "14h30" -> "quatorze
heures trente"; "1,50 €" -> "un euro cinquante"; "3,5 M€" -> "trois virgule cinq millions d'euros";
"21 voitures" -> "vingt et une voitures"; "M. Dupont" -> "monsieur Dupont".
"""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import Final

from num2words import num2words

from ._common import Step
from ._locale import Language, tidy
from .locale_numbers import scaled_unit_step
from .localized import localized_pipeline

# --------------------------------------------------------------------------------------------------
# Gender
# --------------------------------------------------------------------------------------------------

_FEMININE: Final = frozenset(
    """
    personne personnes fois heure heures minute minutes seconde secondes semaine semaines année années
    femme femmes voix victime victimes place places ville villes maison maisons page pages tonne tonnes
    voiture voitures étape étapes région régions nuit nuits vie vies famille familles entreprise
    entreprises école écoles commune communes ligne lignes journée journées mesure mesures réforme
    réformes espèce espèces victoire victoires défaite défaites médaille médailles arme armes bombe
    bombes frappe frappes attaque attaques classe classes porte portes part parts voix loi lois chambre
    chambres ville villes rue rues route routes balle balles vague vagues nouvelle nouvelles grande
    grandes petite petites seule seules dernière dernières première premières livre livres victoire
    manche manches partie parties question questions chose choses fille filles mère mères soeur soeurs
    sœur sœurs élection élections circonscription circonscriptions candidate candidates députée
    députées ministre
    """.split()
)
_MASCULINE: Final = frozenset(
    """
    comité comités député députés traité traités été étés côté côtés musée musées lycée lycées trophée
    trophées pied pieds ministre ministres
    """.split()
)
_FEMININE_ENDINGS: Final = (
    "tion", "tions", "sion", "sions", "té", "tés", "ée", "ées", "ette", "ettes", "ance", "ances", "ence",
    "ences", "ure", "ures", "elle", "elles", "esse", "esses", "ière", "ières", "ique", "iques",
)  # fmt: skip


def _is_feminine(word: str) -> bool:
    w = word.lower()
    if w in _MASCULINE:
        return False
    return w in _FEMININE or w.endswith(_FEMININE_ENDINGS)


def _agree(words: str, noun: str) -> str:
    """ "un" -> "une" before a feminine noun: 21 voitures -> "vingt et une voitures", 1 heure ->
    "une heure"; "un million" stays."""
    if not _is_feminine(noun):
        return words
    if words == "un" or words.endswith((" un", "-un")):
        return words + "e"
    return words


# --------------------------------------------------------------------------------------------------
# Ordinals, the clock
# --------------------------------------------------------------------------------------------------


def _ordinal(n: int, suffix: str, previous: str, following: str) -> str:
    """1er -> "premier", 1re and 1ère -> "première", 2nd -> "second", 2e and 2ème -> "deuxième";
    plural suffixes add "s" ("1ers", "3es")."""
    s = suffix.lower().replace("ᵉ", "e").replace("ʳ", "r")
    plural = s.endswith("s")
    s = s.rstrip("s")
    if n == 1:
        words = "première" if s in ("re", "ère", "ere") else "premier"
    elif n == 2 and s in ("nd", "nde"):
        words = "second" + ("e" if s == "nde" else "")
    else:
        try:
            words = tidy(num2words(n, lang="fr", to="ordinal"))
        except Exception:
            return FRENCH.cardinal(n)
    return words + "s" if plural else words


def _day(n: int, previous: str) -> str:
    """The first of the month is "premier"; the others are numbers."""
    return "premier" if n == 1 else FRENCH.cardinal(n)


def _clock(h: int, m: int, unit: bool) -> str:
    """14h30 and 14:30 -> "quatorze heures trente"; 1h -> "une heure"; 21h -> "vingt et une
    heures"; 0h15 -> "zéro heure quinze"."""
    words = _agree(FRENCH.cardinal(h), "heures") + (" heure" if h <= 1 else " heures")
    if m:
        words += " " + _agree(FRENCH.cardinal(m), "minutes")
    return words


def _money_of(scale: str, name: str) -> str:
    """ "millions d'euros", "millions de dollars"; "mille euros"."""
    if scale in ("mille",):
        return ""
    return "d'" if re.match(r"[aeiouyéèêàâîïôûh]", name, re.IGNORECASE) else "de "


def _regnal(n: int, name: str) -> str:
    """Kings and popes are numbered with cardinals ("Louis quatorze"), the first with "premier"."""
    if n == 1 and name in _REGNAL_NAMES:
        return "premier"
    return FRENCH.cardinal(n)


# --------------------------------------------------------------------------------------------------
# The data
# --------------------------------------------------------------------------------------------------

_STOPWORDS: Final = frozenset(
    """
    de d du des et ou à au aux en par pour sur sous avec sans que qui le la les l un une ce se sa son
    ses est sont a ont ne pas plus moins entre dans vers chez selon contre après avant depuis pendant
    environ près y il elle ils elles on nous vous leur leurs cette ces cet points
    """.split()
)
_STARTERS: Final = frozenset(
    """
    Le La Les L Un Une Des Il Elle Ils Elles On Nous Vous Je Tu Ce Cette Ces Cet Mais Et Ou Donc Or Ni
    Car En Dans Pour Par Sur Avec Sans Selon Depuis Après Avant Pendant Lors Alors Puis Ensuite Enfin
    Aussi Toutefois Cependant Pourtant Néanmoins Ainsi De Du Au Aux À Si Quand Lorsque Comme Son Sa Ses
    Leur Leurs Mon Ma Tout Tous Toute Toutes Aucun Aucune Chaque Plusieurs Certains Là Ici Aujourd Hier
    Demain C Ça Cela Ceci Qui Que Quoi Où Comment Pourquoi Oui Non Seul Seule Désormais Entre
    """.split()
)
_REGNAL_NAMES: Final = frozenset(
    """
    Louis Henri Charles François Napoléon Jean Paul Benoît Léon Pie Élisabeth Philippe Guillaume Édouard
    George Georges Frédéric Grégoire Clément Innocent Alexandre Nicolas Pierre Léopold Albert Baudouin
    Rainier Juan Felipe Victor Humbert Othon Constantin Richard Jacques
    """.split()
)

FRENCH: Final = Language(
    tag="fr",
    num2words="fr",
    words={
        "decimal": "virgule",
        "point": "point",
        "minus": "moins",
        "plus": "plus",
        "percent": "pour cent",
        "and": "et",
        "at": "arobase",
        "dot": "point",
        "slash": "slash",
        "over": "sur",
        "to": "à",
        "ratio": "à",
        "times": "par",
        "number": "numéro",
        "degrees": "degrés",
        "equals": "égale",
        "plus_minus": "plus ou moins",
        "per_mille": "pour mille",
    },
    fraction_digits=False,
    agree=_agree,
    stopwords=_STOPWORDS,
    look_past=frozenset({"mille"}),
    ordinal=_ordinal,
    ordinal_suffix=r"(?:ères|ère|ers|er|res|re|ᵉʳ|ʳᵉ|ᵉ|nde|nd|èmes|ème|ièmes|ième|es|e|è)",
    roman_ordinals=True,
    day=_day,
    date_template="{day} {month} {year}",
    clock=_clock,
    time_units=r"h|H",
    currencies={
        "EUR": ("euro", "euros", "m"),
        "USD": ("dollar", "dollars", "m"),
        "GBP": ("livre", "livres", "f"),
        "CHF": ("franc suisse", "francs suisses", "m"),
        "JPY": ("yen", "yens", "m"),
        "CNY": ("yuan", "yuans", "m"),
        "CAD": ("dollar canadien", "dollars canadiens", "m"),
        "BRL": ("réal", "réals", "m"),
    },
    subunits={
        "EUR": ("centime", "centimes", "m"),
        "USD": ("cent", "cents", "m"),
        "CHF": ("centime", "centimes", "m"),
        "CAD": ("cent", "cents", "m"),
    },
    fractions={
        2: ("demi", "demis"),
        3: ("tiers", "tiers"),
        4: ("quart", "quarts"),
        5: ("cinquième", "cinquièmes"),
        6: ("sixième", "sixièmes"),
        7: ("septième", "septièmes"),
        8: ("huitième", "huitièmes"),
        9: ("neuvième", "neuvièmes"),
        10: ("dixième", "dixièmes"),
    },
    money_cents="{units} {cents_number}",
    money_of=_money_of,
    scales={
        "million": ("million", "millions"),
        "millions": ("million", "millions"),
        "M": ("million", "millions"),
        "milliard": ("milliard", "milliards"),
        "milliards": ("milliard", "milliards"),
        "Md": ("milliard", "milliards"),
        "Mds": ("milliard", "milliards"),
        "Mrd": ("milliard", "milliards"),
        "mds": ("milliard", "milliards"),
        "mille": ("mille", "mille"),
        "k": ("mille", "mille"),
    },
    abbreviations={
        "etc.": "et cetera",
        "p. ex.": "par exemple",
        "c.-à-d.": "c'est-à-dire",
        "env.": "environ",
        "av. J.-C.": "avant Jésus-Christ",
        "apr. J.-C.": "après Jésus-Christ",
        "J.-C.": "Jésus-Christ",
        "cf.": "voir",
        "hab.": "habitants",
        "Cie": "compagnie",
        "tél.": "téléphone",
        "Tél.": "téléphone",
        "mds": "milliards",
        "Mds": "milliards",
        "n°": "numéro",
        "N°": "numéro",
        "nº": "numéro",
    },
    titles={
        "M.": "monsieur",
        "MM.": "messieurs",
        "Mme": "madame",
        "Mmes": "mesdames",
        "Mlle": "mademoiselle",
        "Mlles": "mesdemoiselles",
        "Dr": "docteur",
        "Dr.": "docteur",
        "Pr": "professeur",
        "Me": "maître",
        "Mgr": "monseigneur",
        "St": "saint",
        "Ste": "sainte",
        "bd": "boulevard",
        "av.": "avenue",
    },
    before_number={
        "no": "numéro",
        "km": "kilomètre",
        "p.": "page",
        "vol.": "volume",
        "chap.": "chapitre",
        "art.": "article",
    },
    unit_cents=frozenset({"m"}),
    sentence_starters=_STARTERS,
    regnal=_regnal,
    regnal_names=_REGNAL_NAMES,
    between={"entre": "et"},
)
"""French as written in France, Belgium and Canada (a space or U+202F between thousands)."""

# --------------------------------------------------------------------------------------------------
# French's own steps
# --------------------------------------------------------------------------------------------------

_ROUND_THE_CLOCK: Final = re.compile(
    r"(?<![\w/])(?P<a>\d{1,2})[ \t]?(?P<unit>[hj])[ \t]?/[ \t]?(?P<b>\d{1,2})(?![\w/])"
)
_FORTY_NINE_THREE: Final = re.compile(r"(?<![\w.,-])49[.-]3(?![\w]|[.,-]\d)")


_SECOND: Final = re.compile(r"(?<![\w.,])2(?P<suffix>des|ds|de|d)(?![^\W\d_])")
_RACE_TIME: Final = re.compile(
    r"(?<![\w.,:])(?:(?P<h>\d{1,2})[ \t]?h[ \t]?)?(?P<m>\d{1,2})[ \t]?min[ \t]?(?P<s>\d{1,2})(?:[ \t]?s)?(?![\w'’])"
)


_PART_OF: Final = re.compile(r"(?<![\w/.,])(?P<n>\d)/(?=\d{1,2}(?:es|e|èmes|ème)(?![^\W\d_]))")
"""The "1/" of "1/8e de finale" ("un huitième")."""


def _duration(n: int, one: str, many: str) -> str:
    name = one if n <= 1 else many
    return f"{_agree(FRENCH.cardinal(n), name)} {name}"


def expand_race_times(text: str) -> str:
    """A race's time "2 h 05 min 30 s" -> "deux heures cinq minutes trente secondes", "1 min 12 s" ->
    "une minute douze secondes"; "2d", "2de" -> "second", "seconde"; "1/8e" -> "un huitième"."""

    def replace(m: re.Match[str]) -> str:
        parts = [_duration(int(m.group("h")), "heure", "heures")] if m.group("h") else []
        parts.append(_duration(int(m.group("m")), "minute", "minutes"))
        parts.append(_duration(int(m.group("s")), "seconde", "secondes"))
        return " ".join(parts)

    text = _SECOND.sub(lambda m: "second" + m.group("suffix")[1:], text)
    text = _PART_OF.sub(lambda m: FRENCH.cardinal(int(m.group("n"))) + " ", text)
    return _RACE_TIME.sub(replace, text)


_HOUR_RANGE: Final = re.compile(
    r"(?<![\w.,:])(?P<a>\d{1,2}[ \t]?h(?:[ \t]?\d{2})?)[ \t]?[–-][ \t]?(?P<b>\d{1,2}[ \t]?h(?:[ \t]?\d{2})?)(?![\w/])"
)
_TIMES: Final = re.compile(r"(?<![\w.,])(?P<n>\d{1,3})[ \t]?x(?=[ \t]+[^\W\d_])")


def expand_round_the_clock(text: str) -> str:
    """ "24h/24" -> "24 heures sur 24", "7j/7" -> "7 jours sur 7"; "9h-18h" -> "9h à 18h"; "2 x par
    semaine" -> "2 fois par semaine"; the numbers are read later. The 49-3 is written "49.3", for
    :func:`expand_forty_nine_three`."""
    text = _ROUND_THE_CLOCK.sub(
        lambda m: f"{m.group('a')} {'heures' if m.group('unit') == 'h' else 'jours'} sur {m.group('b')}", text
    )
    text = _HOUR_RANGE.sub(r"\g<a> à \g<b>", text)
    text = _TIMES.sub(r"\g<n> fois", text)
    return _FORTY_NINE_THREE.sub("49.3", text)


def expand_forty_nine_three(text: str) -> str:
    """The 49.3 (article 49, paragraph 3 of the Constitution) is "quarante-neuf trois", not a decimal."""
    return _FORTY_NINE_THREE.sub("quarante-neuf trois", text)


_SEASON: Final = re.compile(r"(?<![\w/.,])(?P<a>(?:19|20)\d\d)/(?P<b>(?:19|20)\d\d|\d\d)(?![\w/]|[.,]\d)")


def expand_seasons(text: str) -> str:
    """A season or school year "2024/2025" (or "2024/25") as a range of years, "deux mille
    vingt-quatre à deux mille vingt-cinq", not as a fraction."""

    def replace(m: re.Match[str]) -> str:
        a, b = int(m.group("a")), m.group("b")
        second = int(b) if len(b) == 4 else a // 100 * 100 + int(b)
        if second != a + 1:
            return m.group(0)
        return f"{FRENCH.cardinal(a)} à {FRENCH.cardinal(second)}"

    return _SEASON.sub(replace, text)


_DE_UN: Final = re.compile(r"\b([Dd])e[ \t]+(une?)\b(?![-'’])")


def elide_de(text: str) -> str:
    """ "de un" -> "d'un" as it is said ("en hausse de 1 %" -> "en hausse d'un pour cent")."""
    return _DE_UN.sub(r"\1'\2", text)


HOOKS: Final = {
    "before_times": (expand_round_the_clock, expand_race_times),
    "before_numbers": (expand_seasons, expand_forty_nine_three),
    "after_numbers": (elide_de, scaled_unit_step(FRENCH)),
}
"""French's own steps, as :func:`~narrate.text.normalize.localized.localized_pipeline` takes them."""

PIPELINE: Final[tuple[Step, ...]] = localized_pipeline(FRENCH, **HOOKS)
"""The steps of :func:`~narrate.text.normalize.normalize_for_speech` for French, in order."""

# --------------------------------------------------------------------------------------------------
# Belgium and Switzerland: "septante", "nonante" (Switzerland keeps "quatre-vingts", as Geneva does)
# --------------------------------------------------------------------------------------------------

_TEENS: Final = {
    "dix": "", "onze": " et un", "douze": "-deux", "treize": "-trois", "quatorze": "-quatre", "quinze": "-cinq",
    "seize": "-six", "dix-sept": "-sept", "dix-huit": "-huit", "dix-neuf": "-neuf",
}  # fmt: skip
_SEVENTY_NINETY: Final = re.compile(
    r"\b(?P<tens>soixante|quatre-vingt)(?:-| et )(?P<teen>dix-sept|dix-huit|dix-neuf|dix|onze|douze|treize|quatorze"
    r"|quinze|seize)(?![\w-])"
)


def _septante(words: str) -> str:
    """ "soixante-quinze" -> "septante-cinq", "quatre-vingt-onze" -> "nonante et un"."""
    return _SEVENTY_NINETY.sub(
        lambda m: ("septante" if m.group("tens") == "soixante" else "nonante") + _TEENS[m.group("teen")], words
    )


BELGIUM: Final = dataclasses.replace(FRENCH, tag="fr-BE", cardinal_fix=_septante)
SWITZERLAND: Final = dataclasses.replace(
    FRENCH, tag="fr-CH", cardinal_fix=_septante, currencies={**FRENCH.currencies, "CHF": ("franc", "francs", "m")}
)
PIPELINE_BELGIUM: Final[tuple[Step, ...]] = localized_pipeline(BELGIUM, **HOOKS)
PIPELINE_SWITZERLAND: Final[tuple[Step, ...]] = localized_pipeline(SWITZERLAND, **HOOKS)


@functools.lru_cache(maxsize=32)
def regional_pipeline(tag: str) -> tuple[Step, ...]:
    """The pipeline for a French tag ("fr", "fr-be", "fr-ca"): Belgium and Switzerland say "septante";
    a region whose separators CLDR gives otherwise gets its own."""
    region = tag.split("-")[1] if "-" in tag else ""
    base, pipeline = {"be": (BELGIUM, PIPELINE_BELGIUM), "ch": (SWITZERLAND, PIPELINE_SWITZERLAND)}.get(
        region, (FRENCH, PIPELINE)
    )
    variant = dataclasses.replace(base, tag=tag)
    if variant.decimal_symbol == base.decimal_symbol and variant.group_symbols == base.group_symbols:
        return pipeline
    return localized_pipeline(variant, **HOOKS)
