"""Italian: its data (words, abbreviations, currencies) and its rules ("un", "uno", "una", "un'",
ordinals, the clock), and the pipeline built from them.

Readings, as an Italian newsreader says them: "3.500" -> "tremilacinquecento"; "4,5" -> "quattro
virgola cinque"; "il 45%" -> "il quarantacinque per cento"; "1° maggio" and "1 maggio" -> "primo
maggio"; "12 marzo 2024" -> "dodici marzo duemilaventiquattro"; "3° posto" -> "terzo posto", "2ª
volta" -> "seconda volta"; "XXI secolo" -> "ventunesimo secolo"; "Carlo III" -> "Carlo terzo";
"alle 14.30" -> "alle quattordici e trenta"; "1,50 €" -> "un euro e cinquanta centesimi"; "2 mld di
euro" -> "due miliardi di euro"; "1 ora" -> "un'ora"; "Sig.ra Rossi" -> "signora Rossi".
"""

from __future__ import annotations

import re
from typing import Final

from num2words import num2words

from . import romance
from ._common import Step
from ._locale import Language, tidy
from .locale_numbers import named
from .localized import localized_pipeline

# --------------------------------------------------------------------------------------------------
# "un", "uno", "una", "un'"
# --------------------------------------------------------------------------------------------------

_MASCULINE_IN_A: Final = frozenset("problema sistema programma tema clima pianeta poeta papa dramma cinema".split())
_FEMININE: Final = frozenset("volte notte parte fonte morte legge classe chiave sede rete gente mano".split())


def _is_feminine(word: str) -> bool:
    w = word.lower()
    if w in _MASCULINE_IN_A:
        return False
    return w in _FEMININE or w.endswith(("a", "zione", "sione", "tà", "tù"))


def _agree(words: str, noun: str) -> str:
    """ "uno" before a noun: "un anno", "un euro", "uno studente", "una persona", "un'ora"."""
    if words != "uno" or re.split(r"['’]", noun)[0].lower() in _STOPWORDS - {"un", "una"}:
        return words  # "2-1 all'Olimpico": no noun follows
    lower = noun.lower()
    if _is_feminine(noun):
        return "un'" if lower[:1] in "aeiouàèéìòù" else "una"
    if re.match(r"(?:s[^aeiouàèéìòù]|z|gn|ps|pn|x|y)", lower):
        return "uno"
    return "un"


# --------------------------------------------------------------------------------------------------
# Ordinals, centuries, rulers, the clock
# --------------------------------------------------------------------------------------------------


def _cardinal_fix(words: str) -> str:
    """num2words writes "ventitre", "duemilaventitre"; Italian writes the accent: "ventitré"."""
    return re.sub(r"(?<=[a-z])tre\b", "tré", words)


def _masculine_ordinal(n: int) -> str:
    try:
        return tidy(num2words(n, lang="it", to="ordinal"))
    except Exception:
        return ITALIAN.cardinal(n)


def _feminine(words: str) -> str:
    return words[:-1] + "a" if words.endswith("o") else words


def _ordinal(n: int, suffix: str, previous: str, following: str) -> str:
    """1° and 1º -> "primo", 2ª -> "seconda"; "3° posto", "2ª volta"."""
    words = _masculine_ordinal(n)
    if "ª" in suffix or suffix.endswith("a") or (following and suffix in ("°", "º") and _is_feminine(following)):
        return _feminine(words)
    return words


def _day(n: int, previous: str) -> str:
    """The first of the month is "primo"; the others are numbers ("l'otto marzo")."""
    return "primo" if n == 1 else ITALIAN.cardinal(n)


def _regnal(n: int, name: str) -> str:
    """Rulers and popes with ordinals ("Carlo terzo", "Elisabetta seconda"); anything else with a
    number ("Fase due")."""
    if name not in _REGNAL_NAMES:
        return ITALIAN.cardinal(n)
    words = _masculine_ordinal(n)
    return _feminine(words) if name.endswith("a") else words


def _clock(h: int, m: int, unit: bool) -> str:
    """14.30 and 14:30 -> "quattordici e trenta"; 1:00 -> "una"; 9:05 -> "nove e cinque"."""
    words = "una" if h == 1 else ITALIAN.cardinal(h)
    return words + (" e " + ITALIAN.cardinal(m) if m else "")


# --------------------------------------------------------------------------------------------------
# The data
# --------------------------------------------------------------------------------------------------

_STOPWORDS: Final = frozenset(
    """
    di del della dei degli delle e ed o a al alla ai agli alle in nel nella nei negli nelle per con su
    sul sulla da dal dalla tra fra che il lo la i gli le l un una è sono ha hanno più meno circa oltre
    contro verso dopo prima come ma se non anche punti all dall dell nell sull suo sua suoi sue
    """.split()
)
_STARTERS: Final = frozenset(
    """
    Il Lo La I Gli Le Un Uno Una L In Per Con Su Da Di Del Della Nel Nella Al Alla Ma E O Anche Però
    Quindi Poi Dopo Prima Mentre Se Quando Come Dove Questo Questa Questi Queste Quel Quella Lui Lei Loro
    Noi Io Tu Non Sì Già Oggi Ieri Domani Inoltre Tuttavia Infatti Secondo Tra Fra Ci Si Ne È Sono Era
    Ha Hanno C Chi Cosa Perché Tutto Tutti Ogni Alcuni Molti Nessuno Intanto Ecco Anzi
    """.split()
)
_REGNAL_NAMES: Final = frozenset(
    """
    Carlo Elisabetta Giovanni Paolo Benedetto Francesco Leone Pio Vittorio Emanuele Umberto Luigi Enrico
    Filippo Federico Napoleone Gregorio Clemente Innocenzo Alessandro Sisto Urbano Bonifacio Giulio
    Ferdinando Guglielmo Edoardo Giorgio Riccardo Alfonso Felipe Juan Carlos Maria Caterina Giacomo
    """.split()
)

ITALIAN: Final = Language(
    tag="it",
    num2words="it",
    words={
        "decimal": "virgola",
        "point": "punto",
        "minus": "meno",
        "plus": "più",
        "percent": "per cento",
        "and": "e",
        "at": "chiocciola",
        "dot": "punto",
        "slash": "slash",
        "over": "barra",
        "to": "a",
        "ratio": "a",
        "times": "per",
        "number": "numero",
        "degrees": "gradi",
        "equals": "uguale a",
        "plus_minus": "più o meno",
        "per_mille": "per mille",
    },
    fraction_digits=False,
    cardinal_fix=_cardinal_fix,
    agree=_agree,
    stopwords=_STOPWORDS,
    not_units=frozenset({"ha"}),
    ordinal=_ordinal,
    ordinal_suffix=r"(?:°|º|ª)",
    day=_day,
    date_template="{day} {month} {year}",
    clock=_clock,
    time_before=r"(?i:alle|dalle|entro le|verso le|fino alle|le|ore|all'|dall')",
    currencies={
        "EUR": ("euro", "euro", "m"),
        "USD": ("dollaro", "dollari", "m"),
        "GBP": ("sterlina", "sterline", "f"),
        "CHF": ("franco svizzero", "franchi svizzeri", "m"),
        "JPY": ("yen", "yen", "m"),
        "CNY": ("yuan", "yuan", "m"),
        "BRL": ("real", "real", "m"),
    },
    subunits={
        "EUR": ("centesimo", "centesimi", "m"),
        "USD": ("centesimo", "centesimi", "m"),
        "CHF": ("centesimo", "centesimi", "m"),
        "GBP": ("penny", "pence", "m"),
    },
    multipliers={"mila": 1000},
    fractions={
        2: ("mezzo", "mezzi"),
        3: ("terzo", "terzi"),
        4: ("quarto", "quarti"),
        5: ("quinto", "quinti"),
        6: ("sesto", "sesti"),
        7: ("settimo", "settimi"),
        8: ("ottavo", "ottavi"),
        9: ("nono", "noni"),
        10: ("decimo", "decimi"),
    },
    money_cents="{units} e {cents}",
    money_of=lambda scale, name: "" if scale in ("mila", "mille") else "di ",
    scales={
        "milione": ("milione", "milioni"),
        "milioni": ("milione", "milioni"),
        "mln": ("milione", "milioni"),
        "Mln": ("milione", "milioni"),
        "mln.": ("milione", "milioni"),
        "mld": ("miliardo", "miliardi"),
        "Mld": ("miliardo", "miliardi"),
        "mld.": ("miliardo", "miliardi"),
        "miliardo": ("miliardo", "miliardi"),
        "miliardi": ("miliardo", "miliardi"),
        "M": ("milione", "milioni"),
    },
    abbreviations={
        "ecc.": "eccetera",
        "ad es.": "ad esempio",
        "p. es.": "per esempio",
        "ca.": "circa",
        "a.C.": "avanti Cristo",
        "d.C.": "dopo Cristo",
        "S.p.A.": "società per azioni",
        "tel.": "telefono",
        "Tel.": "telefono",
        "p.zza": "piazza",
        "P.zza": "piazza",
        "C.so": "corso",
        "V.le": "viale",
        "mln": "milioni",
        "mld": "miliardi",
    },
    titles={
        "Sig.": "signor",
        "Sig.ra": "signora",
        "Sigg.": "signori",
        "Dott.": "dottor",
        "Dott.ssa": "dottoressa",
        "Prof.": "professor",
        "Prof.ssa": "professoressa",
        "Avv.": "avvocato",
        "Ing.": "ingegner",
        "Arch.": "architetto",
        "On.": "onorevole",
        "Mons.": "monsignor",
        "Gen.": "generale",
        "Card.": "cardinale",
        "Geom.": "geometra",
        "Sen.": "senatore",
    },
    before_number={
        "n.": "numero",
        "N.": "numero",
        "nr.": "numero",
        "n°": "numero",
        "pag.": "pagina",
        "pagg.": "pagine",
        "p.": "pagina",
        "art.": "articolo",
        "Art.": "articolo",
        "cap.": "capitolo",
        "vol.": "volume",
        "d.l.": "decreto legge",
        "D.L.": "decreto legge",
        "d.lgs.": "decreto legislativo",
        "D.Lgs.": "decreto legislativo",
        "D.lgs.": "decreto legislativo",
        "km": "chilometro",
    },
    units={
        "mq": ("metro quadrato", "metri quadrati"),
        "mc": ("metro cubo", "metri cubi"),
        "p.p.": ("punto percentuale", "punti percentuali"),
        "nm": ("nanometro", "nanometri"),
        "h": ("ora", "ore"),
        "s": ("secondo", "secondi"),
        "t": ("tonnellata", "tonnellate"),
    },
    sentence_starters=_STARTERS,
    phone_numbers=False,
    century_words={"secolo": "secolo", "sec.": "secolo"},
    century_after={"secolo": "secolo", "secoli": "secoli", "sec.": "secolo"},
    century=_masculine_ordinal,
    regnal=_regnal,
    regnal_names=_REGNAL_NAMES,
    between={"tra": "e", "fra": "e", "dal": "al", "del": "al"},
)
"""Italian as written in Italy (a period between thousands); it-CH gets CLDR's apostrophe."""

# --------------------------------------------------------------------------------------------------
# Italian's own steps
# --------------------------------------------------------------------------------------------------

_AGED: Final = re.compile(r"(?<![\w.,])(?P<n>\d{1,3})[ \t]?-?(?P<suffix>enn[ei])\b")
_THOUSANDS: Final = re.compile(r"(?<![\w.,])(?P<n>\d{1,3})[ \t]+mila\b")
_SHORT_YEAR: Final = re.compile(r"(?<=[^\W\d_] )['’](?=\d\d\b)")


def _aged(m: re.Match[str]) -> str:
    """ "14enne" -> "quattordicenne", "18enni" -> "diciottenni", "23enne" -> "ventitreenne"."""
    n = int(m.group("n"))
    words = ITALIAN.cardinal(n).replace("tré", "tre")
    stem = "dec" if n == 10 else words if words.endswith(("tre", "sei")) else words[:-1]
    return stem + m.group("suffix")


def _per(name: str) -> str:
    """ "al litro", "all'ora": a price per unit."""
    return f"all'{name}" if name[:1] and name[0] in "aeiou" else f"al {name}"


def early_steps(language: Language) -> tuple[Step, ...]:
    """Italian's own steps before money and the other number steps (see ``romance``): "legge
    104/1992", "stagione 2023/24", "entro il 31/12", "1,80 m", "2,50 euro", "½ punto", "24/7", "1,75 €/l",
    and three of its own: "un 14enne", "20 mila", "il '68"."""
    return (
        named("expand_ages", lambda text: _AGED.sub(_aged, text)),
        named("expand_thousands", lambda text: _THOUSANDS.sub(lambda m: language.cardinal(int(m["n"]) * 1000), text)),
        named("expand_short_years", lambda text: _SHORT_YEAR.sub("", text)),
        romance.numbered_by_year(language, "del"),
        romance.seasons(language),
        romance.day_and_month(language, {"il", "al", "dal", "del", "entro", "fino"}),
        romance.heights(language, "{units} e {cm}"),
        romance.currency_words(language, {"euro": "€", "dollari": "US$"}),
        romance.halves(("mezzo", "mezza"), _is_feminine),
        romance.around_the_clock("ventiquattro su sette"),
        romance.per_unit(language, _per),
        romance.alternatives("e"),
    )


def pipeline(language: Language) -> tuple[Step, ...]:
    """The steps of :func:`~narrate.text.normalize.normalize_for_speech` for Italian (or a region's
    variant of it), in order."""
    return localized_pipeline(language, early=early_steps(language))


PIPELINE: Final[tuple[Step, ...]] = pipeline(ITALIAN)
"""The steps of :func:`~narrate.text.normalize.normalize_for_speech` for Italian, in order."""
