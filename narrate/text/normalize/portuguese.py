"""Portuguese, of Brazil ("pt", "pt-BR") and of Portugal ("pt-PT" and the other regions): their data
(words, abbreviations, currencies) and rules (the feminine "uma", "duas", "duzentas", ordinals, the
clock), and a pipeline for each.

The two differ where it matters: num2words' "pt_BR" says "dezesseis" and "bilhão", "pt" says
"dezasseis" and "mil milhões"; cents are "centavos" in Brazil and "cêntimos" in Portugal. "pt" alone
is Brazil, as in CLDR.

Readings, as a newsreader says them: "3.500" -> "três mil e quinhentos"; "4,5" -> "quatro vírgula
cinco"; "45%" -> "quarenta e cinco por cento"; "12 de março de 2024" -> "doze de março de dois mil e
vinte e quatro"; "1º de maio" -> "primeiro de maio"; "2 mil pessoas" -> "duas mil pessoas"; "R$
10,90" -> "dez reais e noventa centavos"; "R$ 2,5 bi" -> "dois vírgula cinco bilhões de reais";
"14h30" -> "catorze e trinta"; "século XXI" -> "século vinte e um"; "Pedro II" -> "Pedro segundo".
"""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import Final

from num2words import num2words

from . import romance
from ._common import Step
from ._locale import Language, next_word, previous_word, tidy
from .locale_numbers import UNITS, named
from .localized import localized_pipeline

# --------------------------------------------------------------------------------------------------
# Gender
# --------------------------------------------------------------------------------------------------

_MASCULINE_IN_A: Final = frozenset(
    """
    dia dias problema problemas sistema sistemas programa programas tema temas mapa mapas clima climas
    planeta planetas idioma idiomas poema poemas cinema telefonema esquema esquemas sintoma sintomas
    drama dramas grama gramas quilograma quilogramas miligrama miligramas micrograma microgramas
    telegrama telegramas diagrama diagramas pijama pijamas
    """.split()
)
_FEMININE: Final = frozenset(
    """
    vez vezes mulher mulheres morte mortes noite noites tarde tardes rede redes lei leis parte partes
    fonte fontes ponte pontes classe classes dose doses mãe mães voz vozes luz luzes árvore árvores
    gente cidade cidades nuvem nuvens ordem ordens sede sedes chave chaves
    """.split()
)
_FEMININE_ENDINGS: Final = ("a", "as", "ção", "ções", "são", "sões", "dade", "dades", "gem", "gens")
_SCALE_NOUNS: Final = ("milhão", "milhões", "bilhão", "bilhões", "trilhão", "trilhões", "bilião", "biliões")
_FEMININE_FORMS: Final = {
    "um": "uma", "dois": "duas", "duzentos": "duzentas", "trezentos": "trezentas",
    "quatrocentos": "quatrocentas", "quinhentos": "quinhentas", "seiscentos": "seiscentas",
    "setecentos": "setecentas", "oitocentos": "oitocentas", "novecentos": "novecentas",
}  # fmt: skip


def _is_feminine(word: str) -> bool:
    w = word.lower()
    if w in _MASCULINE_IN_A:
        return False
    return w in _FEMININE or w.endswith(_FEMININE_ENDINGS)


def _agree(words: str, noun: str) -> str:
    """Before a feminine noun: 1 pessoa -> "uma pessoa", 2 mil pessoas -> "duas mil pessoas", 200
    vagas -> "duzentas vagas"; millions never agree ("dois milhões de pessoas")."""
    if not _is_feminine(noun):
        return words
    tokens = words.split(" ")
    cut = max((i + 1 for i, t in enumerate(tokens) if t in _SCALE_NOUNS), default=0)
    tokens[cut:] = [_FEMININE_FORMS.get(t, t) for t in tokens[cut:]]
    return " ".join(tokens)


# --------------------------------------------------------------------------------------------------
# Ordinals, centuries, rulers, the clock (the same for both)
# --------------------------------------------------------------------------------------------------


def _cardinal(code: str, n: int) -> str:
    """A number in words in Brazil's ("pt_BR") or Portugal's ("pt") Portuguese."""
    try:
        return tidy(num2words(n, lang=code))
    except Exception:
        return str(n)


def _masculine_ordinal(n: int) -> str:
    try:
        return tidy(num2words(n, lang="pt", to="ordinal"))
    except Exception:
        return str(n)


def _feminine(words: str) -> str:
    return " ".join(t[:-1] + "a" if t.endswith("o") else t for t in words.split(" "))


def _ordinal(n: int, suffix: str, previous: str, following: str) -> str:
    """1º and 1.º -> "primeiro", 1ª -> "primeira", "3° lugar"."""
    words = _masculine_ordinal(n)
    if "ª" in suffix or suffix.endswith("a") or ("°" in suffix and following and _is_feminine(following)):
        return _feminine(words)
    return words


def _day(code: str, n: int, previous: str) -> str:
    """The first of the month is "primeiro" ("primeiro de maio"); the others are numbers."""
    return "primeiro" if n == 1 else _cardinal(code, n)


def _century(code: str, n: int) -> str:
    """Centuries up to the tenth as ordinals ("século quinto"), after as numbers ("século vinte e um")."""
    return _masculine_ordinal(n) if n <= 10 else _cardinal(code, n)


_FEMININE_NAMES: Final = frozenset("Isabel Elizabeth Elisabeth Maria Ana Catarina Leonor Beatriz Vitória".split())


def _regnal(code: str, n: int, name: str) -> str:
    """After a ruler's name as a century is said ("Pedro segundo", "João vinte e três"), after
    anything else as a number ("Fase dois")."""
    if name not in _REGNAL_NAMES:
        return _cardinal(code, n)
    words = _century(code, n)
    return _feminine(words) if name in _FEMININE_NAMES and n <= 10 else words


# --------------------------------------------------------------------------------------------------
# The data
# --------------------------------------------------------------------------------------------------

_STOPWORDS: Final = frozenset(
    """
    de do da dos das e ou a ao aos à às em no na nos nas por pelo pela pelos pelas para com sem que o
    os as um uma se é são foi há mais menos entre até desde sobre como mas nem não segundo após contra
    durante cerca já também seu sua seus suas este esta estes estas esse essa pontos
    está era estava tinha seria será chega custa supera alcança soma registra fica passa marca deixa
    acumula representa trata lidera ocupa
    """.split()
)
_STARTERS: Final = frozenset(
    """
    O A Os As Um Uma Uns Umas Em No Na Nos Nas Por Pelo Pela Para Com Sem Mas E Ou Já Também Além Porém
    Contudo Entretanto Então Depois Antes Assim Se Quando Como Onde Enquanto Este Esta Estes Estas Esse
    Essa Isso Isto Aquele Ele Ela Eles Elas Nós Eu Você Não Sim Hoje Ontem Amanhã Segundo Desde Até
    Entre Sobre Após Durante De Do Da Dos Das Ao À Aos Às Há É São Foi Foram Todo Todos Toda Todas Cada
    Muitos Alguns Ninguém Nada Que Quem Seu Sua Ainda
    """.split()
)
_REGNAL_NAMES: Final = frozenset(
    """
    Pedro João Paulo Bento Francisco Leão Pio Isabel Elizabeth Elisabeth Carlos Filipe Felipe Luís Henrique
    Manuel Afonso Sebastião Dinis José Maria Ana Catarina Leonor Beatriz Vitória Eduardo Jorge Guilherme
    Gregório Clemente Inocêncio Napoleão Fernando Juan
    """.split()
)


def _clock(code: str, h: int, m: int, unit: bool) -> str:
    """14h30 and 14:30 -> "catorze e trinta"; 14h -> "catorze horas"; 1h -> "uma hora"; 22h ->
    "vinte e duas horas"."""
    words = _agree(_cardinal(code, h), "horas")
    if m:
        return f"{words} e {_cardinal(code, m)}"
    return words + (" hora" if h == 1 else " horas")


BRAZIL: Final = Language(
    tag="pt-BR",
    num2words="pt_BR",
    words={
        "decimal": "vírgula",
        "point": "ponto",
        "minus": "menos",
        "plus": "mais",
        "percent": "por cento",
        "and": "e",
        "at": "arroba",
        "dot": "ponto",
        "slash": "barra",
        "over": "barra",
        "to": "a",
        "ratio": "a",
        "times": "por",
        "number": "número",
        "degrees": "graus",
        "equals": "igual a",
        "plus_minus": "mais ou menos",
        "per_mille": "por mil",
    },
    fraction_digits=False,
    agree=_agree,
    stopwords=_STOPWORDS,
    look_past=frozenset({"mil"}),
    ordinal=_ordinal,
    ordinal_suffix=r"\.?(?:ª|º|°)",
    day=functools.partial(_day, "pt_BR"),
    date_template="{day} de {month} de {year}",
    day_month=r"[ \t]+de[ \t]+",
    month_year=r"[ \t]+de[ \t]+",
    clock=functools.partial(_clock, "pt_BR"),
    time_before=r"(?i:às|as|das|pelas|até as|até às|entre as|a partir das)",
    time_units=r"h|horas",
    currencies={
        "BRL": ("real", "reais", "m"),
        "EUR": ("euro", "euros", "m"),
        "USD": ("dólar", "dólares", "m"),
        "GBP": ("libra", "libras", "f"),
        "CHF": ("franco suíço", "francos suíços", "m"),
        "JPY": ("iene", "ienes", "m"),
        "CNY": ("yuan", "yuans", "m"),
        "ARS": ("peso", "pesos", "m"),
    },
    subunits={
        "BRL": ("centavo", "centavos", "m"),
        "EUR": ("centavo", "centavos", "m"),
        "USD": ("centavo", "centavos", "m"),
    },
    fractions={
        2: ("meio", "meios"),
        3: ("terço", "terços"),
        4: ("quarto", "quartos"),
        5: ("quinto", "quintos"),
        6: ("sexto", "sextos"),
        7: ("sétimo", "sétimos"),
        8: ("oitavo", "oitavos"),
        9: ("nono", "nonos"),
        10: ("décimo", "décimos"),
    },
    money_cents="{units} e {cents}",
    money_of=lambda scale, name: "" if scale == "mil" else "de ",
    scales={
        "milhão": ("milhão", "milhões"),
        "milhões": ("milhão", "milhões"),
        "mi": ("milhão", "milhões"),
        "bilhão": ("bilhão", "bilhões"),
        "bilhões": ("bilhão", "bilhões"),
        "bi": ("bilhão", "bilhões"),
        "trilhão": ("trilhão", "trilhões"),
        "trilhões": ("trilhão", "trilhões"),
        "tri": ("trilhão", "trilhões"),
        "mil": ("mil", "mil"),
        "M": ("milhão", "milhões"),
    },
    abbreviations={
        "etc.": "etcétera",
        "p. ex.": "por exemplo",
        "aprox.": "aproximadamente",
        "a.C.": "antes de Cristo",
        "d.C.": "depois de Cristo",
        "Ltda.": "limitada",
        "Cia.": "companhia",
        "tel.": "telefone",
        "Tel.": "telefone",
        "V. Exa.": "Vossa Excelência",
        "Exmo.": "excelentíssimo",
        "Exma.": "excelentíssima",
    },
    titles={
        "Sr.": "senhor",
        "Sra.": "senhora",
        "Srta.": "senhorita",
        "Dr.": "doutor",
        "Dra.": "doutora",
        "Prof.": "professor",
        "Profa.": "professora",
        "Eng.": "engenheiro",
        "Gen.": "general",
        "Pe.": "padre",
        "Sto.": "santo",
        "Sta.": "santa",
        "Av.": "avenida",
    },
    before_number={
        "nº": "número",
        "n.º": "número",
        "Nº": "número",
        "N.º": "número",
        "n°": "número",
        "pág.": "página",
        "p.": "página",
        "art.": "artigo",
        "Art.": "artigo",
        "cap.": "capítulo",
        "vol.": "volume",
        "km": "quilômetro",
    },
    units={
        "°": ("grau", "graus"),
        "º": ("grau", "graus"),
        "p.p.": ("ponto percentual", "pontos percentuais"),
        "nm": ("nanômetro", "nanômetros"),
        "h": ("hora", "horas"),
        "s": ("segundo", "segundos"),
        "t": ("tonelada", "toneladas"),
    },
    sentence_starters=_STARTERS,
    phone_numbers=False,
    century_words={"século": "século", "Século": "Século", "séculos": "séculos", "séc.": "século"},
    century=functools.partial(_century, "pt_BR"),
    regnal=functools.partial(_regnal, "pt_BR"),
    regnal_names=_REGNAL_NAMES,
    between={"entre": "e"},
)
"""Portuguese as written in Brazil, and for "pt" alone (CLDR's "pt" is Brazil's)."""

PORTUGAL: Final = dataclasses.replace(
    BRAZIL,
    tag="pt-PT",
    num2words="pt",
    day=functools.partial(_day, "pt"),
    clock=functools.partial(_clock, "pt"),
    century=functools.partial(_century, "pt"),
    regnal=functools.partial(_regnal, "pt"),
    before_number={**BRAZIL.before_number, "km": "quilómetro"},
    units={**BRAZIL.units, "nm": ("nanómetro", "nanómetros")},
    subunits={
        "EUR": ("cêntimo", "cêntimos", "m"),
        "BRL": ("centavo", "centavos", "m"),
        "USD": ("cêntimo", "cêntimos", "m"),
    },
    scales={
        "milhão": ("milhão", "milhões"),
        "milhões": ("milhão", "milhões"),
        "mil milhões": ("mil milhões", "mil milhões"),
        "bilião": ("bilião", "biliões"),
        "biliões": ("bilião", "biliões"),
        "M": ("milhão", "milhões"),
        "mil": ("mil", "mil"),
    },
)
"""Portuguese as written in Portugal, Angola, Mozambique and the other regions."""

# --------------------------------------------------------------------------------------------------
# Portuguese's own steps
# --------------------------------------------------------------------------------------------------

_SCORE_WORDS: Final = frozenset(
    "de por placar vitória derrota empate goleada venceu ganhou perdeu bateu fez vence ganha perde bate".split()
)
_SIZE_WORDS: Final = frozenset("metro metros centímetros milímetros quilômetros polegadas pés".split())
_SCORE: Final = re.compile(r"(?<![\w.,])(?P<a>\d{1,2})[ \t]?[xX×][ \t]?(?P<b>\d{1,2})(?![\w]|[.,]\d)")
_HOURS_TWICE: Final = re.compile(
    r"(?P<from>\b(?i:das|de)[ \t]+(?:[^\W\d_]+[ \t]+){1,4}?)horas?[ \t]+"
    r"(?=(?:às|a|até|até[ \t]+às)[ \t]+(?:[^\W\d_]+[ \t]+){1,4}?horas?\b)"
)


def _score(language: Language) -> Step:
    """ "venceu por 3x1", "Palmeiras 3x1 Santos" -> "três a um": a score, after a word that
    introduces one or between teams' names; "10x20 cm" stays a size for the unit step."""

    def replace(m: re.Match[str]) -> str:
        previous = previous_word(m.string, m.start())
        following = next_word(m.string, m.end())
        if following in UNITS or following.lower() in _SIZE_WORDS:
            return m.group(0)  # "uma mesa de 2x1 metros": a size
        if previous.lower() in _SCORE_WORDS or previous[:1].isupper() or following[:1].isupper():
            return f"{language.cardinal(int(m['a']))} a {language.cardinal(int(m['b']))}"
        return m.group(0)

    return named("expand_scores", lambda text: _SCORE.sub(replace, text))


def early_steps(language: Language) -> tuple[Step, ...]:
    """Portuguese's own steps before money and the other number steps (see ``romance``): "Lei
    14.133/2021", "temporada 2023/24", "até 31/12", "em 2021", "1,80 m", "5,89 reais", "½ xícara",
    "24/7", "1T24", "R$ 45 por m²", "1 em cada 4 pessoas", "35º", and two of its own: scores "3x1", and "das dez às dezesseis horas" for "das 10h
    às 16h"."""
    return (
        named("expand_hour_ranges", lambda text: _HOURS_TWICE.sub(r"\g<from>", text)),
        _score(language),
        romance.numbered_by_year(language, "de"),
        romance.seasons(language),
        romance.day_and_month(language, {"o", "do", "ao", "até", "desde", "dia", "em"}),
        romance.years_after(
            language, {"em", "desde", "até", "ano", "durante"}, {"de", "do", "o", "e", "para", "entre", "a"}
        ),
        romance.heights(language, "{units} e {cm}"),
        romance.currency_words(language, {"reais": "R$", "euros": "€", "dólares": "US$"}),
        romance.halves(("meio", "meia"), _is_feminine),
        romance.around_the_clock("vinte e quatro por sete"),
        romance.quarters(language, ("primeiro", "segundo", "terceiro", "quarto"), "de"),
        romance.per_unit(language, "por {}".format),
        romance.one_in(language, "em cada|de cada", _is_feminine),
        romance.degree_signs(language),
        romance.alternatives("e"),
        romance.thousands_of_units(language, "mil"),
    )


def pipeline(language: Language) -> tuple[Step, ...]:
    """The steps of :func:`~narrate.text.normalize.normalize_for_speech` for Portuguese (or a region's
    variant of it), in order."""
    return localized_pipeline(language, early=early_steps(language))


PIPELINE: Final[tuple[Step, ...]] = pipeline(BRAZIL)
"""The steps of :func:`~narrate.text.normalize.normalize_for_speech` for Portuguese of Brazil, in order."""
PIPELINE_PORTUGAL: Final[tuple[Step, ...]] = pipeline(PORTUGAL)
"""The same steps for Portuguese of Portugal."""
