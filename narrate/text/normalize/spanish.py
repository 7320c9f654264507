"""Spanish: its data (words, abbreviations, currencies) and its rules (gender and apocope of numbers,
ordinals, the clock), and the pipeline built from them.

Readings, as a Spanish newsreader says them: "3.500 millones" -> "tres mil quinientos millones";
"4,5" -> "cuatro coma cinco"; "el 45 %" -> "el cuarenta y cinco por ciento"; "21 años" ->
"veintiún años"; "200 personas" -> "doscientas personas"; "1 millón" -> "un millón"; "1,50 €" -> "un
euro con cincuenta céntimos"; "12 de marzo de 2024" -> "doce de marzo de dos mil veinticuatro";
"1.º" -> "primero", "1.ª" -> "primera", "1.er puesto" -> "primer puesto"; "14:30" -> "catorce
treinta"; "s. XXI" -> "siglo veintiuno"; "Felipe VI" -> "Felipe sexto".
"""

from __future__ import annotations

import re
from typing import Final

from num2words import num2words

from . import romance
from ._common import Step
from ._locale import Language, ends_sentence, tidy
from .locale_numbers import named
from .localized import localized_pipeline

# --------------------------------------------------------------------------------------------------
# Gender and apocope
# --------------------------------------------------------------------------------------------------

_MASCULINE_IN_A: Final = frozenset(
    """
    día días problema problemas programa programas sistema sistemas tema temas mapa mapas clima climas
    planeta planetas idioma idiomas poema poemas dilema dilemas esquema esquemas síntoma síntomas drama
    dramas cometa cometas emblema emblemas lema lemas teorema teoremas fantasma fantasmas
    """.split()
)
_FEMININE: Final = frozenset(
    """
    vez veces mujer mujeres noche noches muerte muertes especie especies calle calles clase clases red
    redes ley leyes fuente fuentes parte partes gente nave naves llave llaves carne madre madres torre
    torres sede sedes suerte tarde tardes flor flores piel imagen imágenes orden cárcel cárceles sal
    luz luces voz voces paz cruz cruces nariz raíz raíces dosis crisis tesis unidad unidades
    """.split()
)
_FEMININE_ENDINGS: Final = (
    "a",
    "as",
    "ción",
    "ciones",
    "sión",
    "siones",
    "dad",
    "dades",
    "tud",
    "tudes",
    "umbre",
    "umbres",
)


def _is_feminine(word: str) -> bool:
    """Roughly, whether a Spanish noun (or the adjective before it) is feminine."""
    w = word.lower()
    if w in _MASCULINE_IN_A:
        return False
    return w in _FEMININE or w.endswith(_FEMININE_ENDINGS)


_SCALE_NOUNS: Final = ("millón", "millones", "billón", "billones", "trillón", "trillones")
_FEMININE_FORMS: Final = {
    "uno": "una", "un": "una", "veintiuno": "veintiuna", "veintiún": "veintiuna", "doscientos": "doscientas",
    "trescientos": "trescientas", "cuatrocientos": "cuatrocientas", "quinientos": "quinientas",
    "seiscientos": "seiscientas", "setecientos": "setecientas", "ochocientos": "ochocientas",
    "novecientos": "novecientas",
}  # fmt: skip


def _agree(words: str, noun: str) -> str:
    """ "uno años" -> "un años"... as said: 21 años -> "veintiún años", 1 millón -> "un millón", 200
    personas -> "doscientas personas", 21 000 personas -> "veintiuna mil personas"; millions never
    agree ("doscientos millones de personas")."""
    tokens = words.split(" ")
    if noun.endswith("ó"):
        return words  # a verb, not a noun: "la sub-21 ganó"
    if _is_feminine(noun):
        cut = max((i + 1 for i, t in enumerate(tokens) if t in _SCALE_NOUNS), default=0)
        tokens[cut:] = [_FEMININE_FORMS.get(t, t) for t in tokens[cut:]]
    elif tokens[-1] == "uno":
        tokens[-1] = "un"
    elif tokens[-1] == "veintiuno":
        tokens[-1] = "veintiún"
    return " ".join(tokens)


def _cardinal_fix(words: str) -> str:
    """num2words says "veintiuno mil" and "ciento uno mil"; Spanish says "veintiún mil", "ciento un mil"."""
    words = re.sub(r"\bveintiuno(?= (?:mil|millones|billones)\b)", "veintiún", words)
    return re.sub(r"\buno(?= (?:mil|millones|billones)\b)", "un", words)


# --------------------------------------------------------------------------------------------------
# Ordinals, centuries, rulers, the clock
# --------------------------------------------------------------------------------------------------

_TEENS: Final = {11: "undécimo", 12: "duodécimo", 18: "decimoctavo"}


def _masculine_ordinal(n: int) -> str:
    """num2words says "décimoprimero" and "décimo tercero"; the RAE writes "undécimo", "duodécimo",
    "decimotercero"."""
    if n in _TEENS:
        return _TEENS[n]
    if 13 <= n <= 19:
        return "decimo" + _masculine_ordinal(n - 10)
    try:
        return tidy(num2words(n, lang="es", to="ordinal"))
    except Exception:
        return str(n)


def _ordinal(n: int, suffix: str, previous: str, following: str) -> str:
    """1.º -> "primero", 1.ª -> "primera", 1.er -> "primer"; before a masculine noun "primer puesto",
    "tercer lugar"; "1° piso" as masculine, "3° planta" as the noun says."""
    words = _masculine_ordinal(n)
    feminine = "ª" in suffix or suffix.endswith("a") or suffix.endswith("ra")
    if "°" in suffix and following:
        feminine = _is_feminine(following)
    if feminine:
        return " ".join(t[:-1] + "a" if t.endswith("o") else t for t in words.split(" "))
    if following[:1].islower() and following not in _STOPWORDS and not _is_feminine(following):
        words = re.sub(r"\b(primer|tercer)o$", r"\1", words)
    return words


def _century(n: int) -> str:
    """Centuries up to the tenth as ordinals ("siglo quinto"), after as numbers ("siglo veintiuno")."""
    return _masculine_ordinal(n) if n <= 10 else SPANISH.cardinal(n)


_FEMININE_NAMES: Final = frozenset("Isabel Leonor Beatriz Carmen".split())


def _regnal(n: int, name: str) -> str:
    """After a ruler's name as a century ("Felipe sexto", "Alfonso trece", "Isabel segunda"); after
    anything else as a number ("Fase dos")."""
    if name not in _REGNAL_NAMES:
        return SPANISH.cardinal(n)
    words = _century(n)
    if name in _FEMININE_NAMES or (name.endswith("a") and n <= 10):
        return " ".join(t[:-1] + "a" if t.endswith("o") else t for t in words.split(" "))
    return words


def _hours(h: int) -> str:
    return _agree(SPANISH.cardinal(h), "horas")


def _clock(h: int, m: int, unit: bool) -> str:
    """14:30 -> "catorce treinta"; 9:05 -> "nueve y cinco"; 21:00 -> "veintiuna"; with "h" or
    "horas" written: "catorce treinta horas"."""
    words = _hours(h)
    if m:
        words += (" y " if m < 10 else " ") + SPANISH.cardinal(m)
    if unit:
        words += " hora" if h == 1 and not m else " horas"
    return words


# --------------------------------------------------------------------------------------------------
# The data
# --------------------------------------------------------------------------------------------------

_STOPWORDS: Final = frozenset(
    """
    de del y e o u a al en por para con sin que el la los las lo un una se es son fue ha han más menos
    entre hasta desde sobre como pero ni si no según tras ante contra hacia durante mediante ya también
    le les su sus mi mis muy cada otro otra otros otras este esta estos estas ese esa esos esas puntos
    está era estaba había sería será tenía llega cuesta supera alcanza suma registra queda pasa marca deja
    acumula representa ronda eleva sitúa hubo
    """.split()
)
_STARTERS: Final = frozenset(
    """
    El La Los Las Lo Un Una Unos Unas En Por Para Con Sin Pero Y O Según Desde Hasta Este Esta Estos
    Estas Ese Esa Eso Esto Aquel Él Ella Ellos Ellas Nosotros Yo Tú Usted Se Su Sus Mi No Sí Ya También
    Además Aunque Cuando Como Donde Mientras Si Hoy Ayer Mañana Entonces Luego Después Antes Así Al Del
    Le Les Nos Hay Es Son Fue Fueron Ha Han Había Todo Todos Toda Todas Otro Otra Cada Muchos Algunos
    Algunas Nadie Nada Qué Quién Cómo Dónde Cuándo Tras Ante Durante Sobre Entre A De Ni Tampoco Incluso
    """.split()
)
_REGNAL_NAMES: Final = frozenset(
    """
    Felipe Carlos Juan Pablo Benedicto Francisco León Pío Isabel Alfonso Fernando Enrique Luis Jaime
    Pedro Gregorio Clemente Inocencio Eduardo Jorge Guillermo Napoleón Ricardo Federico Sancho Urbano
    Bonifacio Alejandro Sixto Leopoldo Gustavo Constantino Rainiero Alberto Balduino Humberto Nicolás
    Iván Leonor Beatriz Catalina Juana Fernando Amadeo
    """.split()
)

SPANISH: Final = Language(
    tag="es",
    num2words="es",
    words={
        "decimal": "coma",
        "point": "punto",
        "minus": "menos",
        "plus": "más",
        "percent": "por ciento",
        "and": "y",
        "at": "arroba",
        "dot": "punto",
        "slash": "barra",
        "over": "barra",
        "to": "a",
        "ratio": "a",
        "times": "por",
        "number": "número",
        "degrees": "grados",
        "equals": "igual a",
        "plus_minus": "más menos",
        "per_mille": "por mil",
    },
    decimal_words={",": "coma", ".": "punto"},
    fraction_digits=False,
    cardinal_fix=_cardinal_fix,
    agree=_agree,
    stopwords=_STOPWORDS,
    look_past=frozenset({"mil"}),
    ordinal=_ordinal,
    ordinal_suffix=r"\.?(?:er|ro|ra|do|da|to|ta|vo|va|no|na|mo|ma|os|as|ª|º|°|o|a)",  # "1ro", "2do" (América)
    date_template="{day} de {month} de {year}",
    day_month=r"[ \t]+de[ \t]+",
    month_year=r"[ \t]+(?:de|del)[ \t]+",
    clock=_clock,
    time_before=r"(?i:a las|a la|las|la|desde las|hasta las|de las|entre las)",
    time_units=r"h|horas|hrs|hs",
    currencies={
        "EUR": ("euro", "euros", "m"),
        "USD": ("dólar", "dólares", "m"),
        "GBP": ("libra", "libras", "f"),
        "BRL": ("real", "reales", "m"),
        "MXN": ("peso", "pesos", "m"),
        "ARS": ("peso", "pesos", "m"),
        "COP": ("peso", "pesos", "m"),
        "CLP": ("peso", "pesos", "m"),
        "UYU": ("peso", "pesos", "m"),
        "JPY": ("yen", "yenes", "m"),
        "CHF": ("franco suizo", "francos suizos", "m"),
        "CNY": ("yuan", "yuanes", "m"),
        "PEN": ("sol", "soles", "m"),
    },
    subunits={
        "EUR": ("céntimo", "céntimos", "m"),
        "USD": ("centavo", "centavos", "m"),
        "MXN": ("centavo", "centavos", "m"),
        "ARS": ("centavo", "centavos", "m"),
        "BRL": ("centavo", "centavos", "m"),
        "GBP": ("penique", "peniques", "m"),
    },
    fractions={
        2: ("medio", "medios"),
        3: ("tercio", "tercios"),
        4: ("cuarto", "cuartos"),
        5: ("quinto", "quintos"),
        6: ("sexto", "sextos"),
        7: ("séptimo", "séptimos"),
        8: ("octavo", "octavos"),
        9: ("noveno", "novenos"),
        10: ("décimo", "décimos"),
    },
    money_cents="{units} con {cents}",
    money_of=lambda scale, name: "" if scale == "mil" else "de ",
    scales={
        "millón": ("millón", "millones"),
        "millones": ("millón", "millones"),
        "mill.": ("millón", "millones"),
        "M": ("millón", "millones"),
        "mil millones": ("mil millones", "mil millones"),
        "billón": ("billón", "billones"),
        "billones": ("billón", "billones"),
        "mil": ("mil", "mil"),
    },
    abbreviations={
        "etc.": "etcétera",
        "Etc.": "etcétera",
        "p. ej.": "por ejemplo",
        "aprox.": "aproximadamente",
        "EE. UU.": "Estados Unidos",
        "EEUU": "Estados Unidos",
        "a. C.": "antes de Cristo",
        "d. C.": "después de Cristo",
        "Ud.": "usted",
        "Uds.": "ustedes",
        "Vd.": "usted",
        "Vds.": "ustedes",
        "admón.": "administración",
        "Cía.": "compañía",
        "Hnos.": "hermanos",
        "dcha.": "derecha",
        "izq.": "izquierda",
        "Dpto.": "departamento",
        "dpto.": "departamento",
        "tel.": "teléfono",
        "Tel.": "teléfono",
        "tfno.": "teléfono",
        "vs.": "contra",
        "máx.": "máximo",
        "mín.": "mínimo",
        "mill.": "millones",
    },
    titles={
        "Sr.": "señor",
        "Sra.": "señora",
        "Srta.": "señorita",
        "Sres.": "señores",
        "Dr.": "doctor",
        "Dra.": "doctora",
        "Prof.": "profesor",
        "Profa.": "profesora",
        "Dña.": "doña",
        "Lic.": "licenciado",
        "Ing.": "ingeniero",
        "Arq.": "arquitecto",
        "Gral.": "general",
        "Mons.": "monseñor",
        "Sto.": "santo",
        "Sta.": "santa",
        "Avda.": "avenida",
        "Av.": "avenida",
        "Excmo.": "excelentísimo",
        "Excma.": "excelentísima",
        "Pdte.": "presidente",
        "Pdta.": "presidenta",
    },
    before_number={
        "n.º": "número",
        "nº": "número",
        "Nº": "número",
        "N.º": "número",
        "núm.": "número",
        "Núm.": "número",
        "art.": "artículo",
        "Art.": "artículo",
        "pág.": "página",
        "págs.": "páginas",
        "p.": "página",
        "cap.": "capítulo",
        "vol.": "volumen",
        "km": "kilómetro",
        "RD": "Real Decreto",
        "RDL": "Real Decreto-ley",
    },
    units={
        "p.p.": ("punto porcentual", "puntos porcentuales"),
        "l/m²": ("litro por metro cuadrado", "litros por metro cuadrado"),
        "l/m2": ("litro por metro cuadrado", "litros por metro cuadrado"),
        "nm": ("nanómetro", "nanómetros"),
        "h": ("hora", "horas"),
        "s": ("segundo", "segundos"),
    },
    sentence_starters=_STARTERS,
    century_words={"siglo": "siglo", "Siglo": "Siglo", "siglos": "siglos", "s.": "siglo", "ss.": "siglos"},
    century=_century,
    regnal=_regnal,
    regnal_names=_REGNAL_NAMES,
    between={"entre": "y", "del": "al"},
)
"""Spanish as written in Spain and most of Latin America (decimal comma); a region whose CLDR data
says otherwise (es-MX: "3.5", "3,500") gets its own separators."""



_PHONE: Final = re.compile(r"(?<![\w.,+])(?P<a>[6-9]\d\d) (?P<b>\d{3}) (?P<c>\d{3})(?![\w]|[.,]?\d| \d)")


def _phones(language: Language) -> Step:
    """ "900 100 200", "600 123 456" -> "novecientos, cien, doscientos": Spain's nine-digit numbers in
    three groups are telephones, not hundreds of millions written with spaces."""

    def replace(m: re.Match[str]) -> str:
        return ", ".join(language.cardinal(int(g)) if g[0] != "0" else language.digits(g) for g in m.groups())

    return named("expand_phone_numbers_es", lambda text: _PHONE.sub(replace, text))


def early_steps(language: Language) -> tuple[Step, ...]:
    """Spanish's own steps before money and the other number steps (see ``romance``): "Ley
    7/2024", "temporada 2023/24", "hasta el 31/12", "en 2021", "1,80 m", "85,50 euros", "½ punto",
    "24/7", "1T 2024", "0,15 €/kWh", "1 de cada 4 personas", "38º"."""
    return (
        _phones(language),
        romance.numbered_by_year(language, "de"),
        romance.seasons(language),
        romance.day_and_month(language, {"el", "del", "al", "hasta", "desde", "día"}),
        romance.years_after(
            language,
            {"en", "desde", "hasta", "año", "hacia", "durante", "mediados", "finales", "principios"},
            {"de", "del", "el", "y", "para", "entre", "a", "o"},
        ),
        romance.heights(language, "{units} {cm}"),
        romance.currency_words(language, {"euros": "€", "dólares": "US$"}),
        romance.halves(("medio", "media"), _is_feminine),
        romance.around_the_clock("veinticuatro siete"),
        romance.quarters(language, ("primer", "segundo", "tercer", "cuarto"), "de"),
        romance.per_unit(language, "por {}".format),
        romance.one_in(language, "de cada", _is_feminine),
        romance.degree_signs(language),
        romance.alternatives("y"),
        romance.thousands_of_units(language, "mil"),
    )


_MERIDIEM: Final = re.compile(
    r"(?<![\w:.,])(?P<h>\d{1,2})(?::(?P<m>\d{2}))?[ \t\u00a0]?(?P<ap>[aApP])\.?[ \t\u00a0]?[mM]\.?(?![^\W\d_])"
)


def _meridiem(language: Language) -> Step:
    """ "8:30 a. m." -> "ocho treinta de la mañana", "10 p.m." -> "diez de la noche" (Latin America
    writes the twelve-hour clock)."""

    def replace(m: re.Match[str]) -> str:
        h, minutes, pm = int(m.group("h")), int(m.group("m") or 0), m.group("ap") in "pP"
        if not 1 <= h <= 12 or minutes > 59:
            return m.group(0)
        if pm:
            period = "del mediodía" if h == 12 else "de la tarde" if h < 8 else "de la noche"
        else:
            period = "de la noche" if h == 12 else "de la madrugada" if h < 6 else "de la mañana"
        spoken = f"{_clock(h, minutes, False)} {period}"
        return spoken + "." if m.group(0).endswith(".") and ends_sentence(language, m.string, m.end()) else spoken

    return named("expand_meridiem", lambda text: _MERIDIEM.sub(replace, text))


def pipeline(language: Language) -> tuple[Step, ...]:
    """The steps of :func:`~narrate.text.normalize.normalize_for_speech` for Spanish (or a region's
    variant of it), in order: the shared ones, Spanish's early ones, and "8:30 a. m." read before the
    times are."""
    steps = localized_pipeline(language, early=early_steps(language))
    at = next(i for i, step in enumerate(steps) if step.__name__ == "expand_times")
    return (*steps[:at], _meridiem(language), *steps[at:])


PIPELINE: Final[tuple[Step, ...]] = pipeline(SPANISH)
"""The steps of :func:`~narrate.text.normalize.normalize_for_speech` for Spanish, in order."""
