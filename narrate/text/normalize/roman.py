"""Roman numerals in English: "World War II" -> "World War Two", "Chapter IV" -> "Chapter Four", "Super
Bowl LVIII" -> "Super Bowl Fifty-Eight", "Henry VIII" -> "Henry the Eighth", "Louis XIV's" -> "Louis
the Fourteenth's", "Pope Leo XIV" -> "Pope Leo the Fourteenth".

Read by narrate for every engine, not left to the ones that know them. Conservative: a numeral is read
only after a word that calls for a number (``KEYWORDS``: War, Chapter, Part, Act, Title, Bowl …), as a
cardinal, or after a ruler's given name (``REGNAL_NAMES``: Henry, Elizabeth, Louis, Pius …), as "the
Nth". Two or more letters made only of I, V and X after one other capitalised word are a title's number,
read as a cardinal ("Gladiator II" -> "Gladiator Two", "Frozen II", "England XI" -> "England Eleven"),
unless a capitalised word comes before that one too ("John Smith III", a person's suffix) or the words
around are in capitals (a heading). Anywhere else capitals stay as written, so words and initialisms ("I",
"MIX", "DC", "CIV", "LCD", "MD", "CV", "VIM") are never numbers (nor a person's suffix after a common given
name, "Tom III"). The lone "I" is the pronoun unless the context rules it out ("World War I ended", "Part I
of", "Elizabeth I's", "King James I").
"""

from __future__ import annotations

import re
from typing import Final

from ._common import _cardinal, _ordinal

_ROMAN: Final = r"(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_VALUES: Final = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_value(numeral: str) -> int:
    """The value of a well-formed Roman numeral: "XIV" -> 14, "LVIII" -> 58, "MMXXV" -> 2025."""
    total = 0
    for i, char in enumerate(numeral):
        value = _VALUES[char]
        total += -value if i + 1 < len(numeral) and _VALUES[numeral[i + 1]] > value else value
    return total


KEYWORDS: Final = {
    "War": "War", "Wars": "Wars", "Chapter": "Chapter", "Chapters": "Chapters", "Ch.": "Chapter",
    "Part": "Part", "Parts": "Parts", "Pt.": "Part", "Act": "Act", "Acts": "Acts", "Scene": "Scene",
    "Book": "Book", "Books": "Books", "Volume": "Volume", "Volumes": "Volumes", "Vol.": "Volume",
    "Title": "Title", "Bowl": "Bowl", "Phase": "Phase", "Phases": "Phases", "Stage": "Stage",
    "Apollo": "Apollo", "Gemini": "Gemini", "Saturn": "Saturn", "Mark": "Mark", "Mk": "Mark",
    "Mk.": "Mark", "Type": "Type", "Class": "Class", "Gen": "Gen", "Generation": "Generation",
    "Grade": "Grade", "Level": "Level", "Tier": "Tier", "Section": "Section", "Sections": "Sections",
    "Article": "Article", "Articles": "Articles", "Art.": "Article", "Schedule": "Schedule",
    "Round": "Round", "Episode": "Episode", "Series": "Series", "Category": "Category",
    "Division": "Division", "Appendix": "Appendix", "Annex": "Annex", "Psalm": "Psalm",
    "Canto": "Canto", "Vatican": "Vatican", "Rocky": "Rocky", "Fantasy": "Fantasy", "Auto": "Auto",
    "Fighter": "Fighter", "Civilization": "Civilization", "Godfather": "Godfather", "Trek": "Trek",
    "Wrestlemania": "Wrestlemania", "WrestleMania": "WrestleMania", "Olympiad": "Olympiad",
}  # fmt: skip
"""Words after which a Roman numeral is a number, read as a cardinal ("Chapter IV" -> "Chapter Four"),
with the word as it is spoken ("Vol." -> "Volume")."""

REGNAL_NAMES: Final = frozenset(
    """
    Henry Elizabeth George Louis Charles Edward William James Richard John Mary Anne Victoria Philip
    Felipe Carlos Juan Frederick Friedrich Frederik Wilhelm Ludwig Peter Catherine Ivan Nicholas
    Alexander Gustav Gustaf Carl Harald Haakon Olav Christian Margrethe Willem Albert Leopold Baudouin
    Rainier Constantine Paul Pius Benedict Gregory Leo Clement Innocent Urban Boniface Sixtus Julius
    Adrian Celestine Francis Stephen Alfonso Ferdinand Isabella Isabel Napoleon Mohammed Mohammad
    Muhammad Hassan Abdullah Hussein Rama Robert David Duncan Alfred Harold Otto Umberto
    Emmanuel Emanuele Ramesses Ramses Amenhotep Thutmose Darius Xerxes Ptolemy Cleopatra Antiochus
    Mswati Letsie Sobhuza Kamehameha Selim Suleiman Mehmed Murad Ahmed Mahmud Abbas Ismail Tewodros
    Menelik Casimir Sigismund Wladyslaw Vladislav Boleslaw Vasily Dmitry Fyodor Basil Manuel Matthias
    Maximilian Rudolph Rudolf Sancho Afonso Sebastian Pedro Joao Dom Eric Erik Magnus Valdemar Knut
    Canute Cnut Olaf Sverre Hakon Charlemagne Lothair Pepin Clovis Childeric Hugh Baldwin Bohemond
    Raymond Amadeus Umberto Victor Vittorio Marcus Gordian Valentinian Theodosius Justinian Leopold
    Innocent Honorius Celestine Nicholas Eugene Eugenius Callixtus Lucius Felix Anastasius Sergius
    Hadrian Marinus Agapetus Sylvester Silvester Damasus Alexander Martin
    """.split()
)
"""Given names of rulers and popes after which a Roman numeral is a regnal number ("the Nth")."""
_RULER_TITLES: Final = frozenset(
    "King Queen Pope Emperor Empress Tsar Czar Tsarina Tzar Kaiser Prince Princess Sultan Shah Pharaoh "
    "Saint St Duke Duchess Archduke Grand Elector Margrave Count Countess Emir Ayatollah Patriarch".split()
)
_PRONOUN_FOLLOWERS: Final = frozenset(
    """
    am was were have had has think thought know knew said say says will would can could do did don't
    didn't won't can't want wanted believe believed mean meant guess love loved hope hoped feel felt
    saw see just also really never always still may might must should shall get got went go told tell
    need needed like liked wish asked found find remember heard hear
    """.split()
)
"""Words that after a lone "I" make it the pronoun: "the Act I think", "Tell James I said so"."""
_ADVERBS: Final = frozenset({"just", "also", "really", "never", "always", "still"})
"""Words as likely after a ruler's "I" as after the pronoun: "Elizabeth I never married"."""

_KEYWORD: Final = "|".join(re.escape(k) for k in sorted(KEYWORDS, key=len, reverse=True))
_JOIN: Final = r"(?:[ \t]*[,–-][ \t]*|[ \t]+(?:and|to|or|&)[ \t]+)"
_AFTER_KEYWORD: Final = re.compile(
    rf"(?<![\w.])(?P<keyword>{_KEYWORD})(?![\w])[ \t]+(?P<numerals>{_ROMAN}(?:{_JOIN}{_ROMAN})*)"
    r"(?P<end>(?![\w&+-]|\.\w))"
)
_NUMERAL: Final = re.compile(rf"(?P<numeral>{_ROMAN})(?![\w])|(?P<join>{_JOIN})")
_REGNAL: Final = re.compile(
    rf"(?<![\w.])(?P<name>[A-Z][a-z]+)[ \t]+(?P<numeral>{_ROMAN})(?P<end>(?![\w&+-]|\.\w))"
)
_TITLE_NUMERAL: Final = re.compile(
    r"(?<![\w.'’&-])(?P<title>[A-Z][a-z]+)[ \t]+(?P<numeral>(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3}))"
    r"(?P<end>(?![\w&+-]|\.\w))"
)
"""Two or more of I, V and X after a capitalised word: a sequel or a numbered title ("Gladiator II")."""
_FUNCTION_WORDS: Final = frozenset(
    """
    The A An This That These Those His Her Its Our Their My Your In On At For With From By Of To And But Or
    As If When While Every Each Some No Any Per Via Into Onto Than Like After Before Since Until
    """.split()
)
"""Capitalised words that do not name a title ("The IV drip"), and that may stand before one ("In Frozen
II")."""
_GIVEN_NAMES: Final = frozenset(
    """
    Tom Tommy Bob Bobby Bill Billy Joe Joey Jim Jimmy Ted Teddy Ed Eddie Tim Mike Michael Dan Daniel Sam Ben
    Nick Chris Steve Steven Tony Anthony Frank Harry Jack Fred Al Andy Andrew Matt Matthew Mark Luke Tyler
    Kevin Brian Jeff Scott Greg Ron Ronald Don Donald Gary Larry Jerry Terry Kenneth Ken Hank Walter Ray Roy
    Lee Earl Carl Hugh Howard Harvey Herbert Thomas Joseph Samuel Benjamin Jonathan Nathan Patrick Kyle
    """.split()
)
"""Given names before which II, III or IV is a person's suffix ("Tom III"); a ruler's name is read as "the
Nth" before (``REGNAL_NAMES``)."""

_WORLD_WARS: Final = re.compile(r"(?<![\w.])WW(?P<numeral>I{1,2})(?![\w&+-])")


_LETTER_X: Final = frozenset(
    "Gen Generation Series Type Class Section Sections Appendix Annex Schedule Division Category Level Grade "
    "Tier Round Mark Fighter Auto Phase Stage Book".split()
)
"""Keywords after which a lone "X" is the letter ("Gen X", "Generation X", "Appendix X")."""
_NOUNS_AFTER_I: Final = frozenset(
    "diabetes trial funding error status classification clinical study school program programme loan "
    "veteran veterans".split()
)


def _lone_i_is_number(text: str, end: int, *, war: bool) -> bool:
    """Whether a lone "I" ending at ``text[end]`` reads as a number rather than the pronoun: after
    "War" unless a verb follows ("World War I ended" but "after the War I went home"); after another
    keyword only before punctuation, "of", "and", "to", a capitalised word or a plural noun ("Part I
    of", "Title I schools", "Type I diabetes"), never before a verb ("the Act I think")."""
    following = re.match(r"[ \t]*(['’]s\b|[^\w \t]|[A-Za-z]+(?:['’][a-z]+)?|$)", text[end : end + 30])
    word = following.group(1) if following else ""
    if war:
        return word not in _PRONOUN_FOLLOWERS
    if word in _PRONOUN_FOLLOWERS:
        return False
    return (
        not word[:1].isalpha()
        or word[:1].isupper()
        or word in ("of", "and", "or", "to", "through")
        or word in _NOUNS_AFTER_I
        or (word.endswith("s") and word not in ("is", "was", "has", "does", "says", "as", "us"))
    )


def _title(words: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in words.split("-"))


def expand_roman(text: str) -> str:
    """World War II -> "World War Two"; WWII -> "World War Two"; Chapter IV, Part III, Act V, Title
    IX, Apollo XI, Rocky III -> "Chapter Four" …; Chapters IV–VI -> "Chapters Four to Six"; Super
    Bowl LVIII -> "Super Bowl Fifty-Eight"; Henry VIII, Elizabeth II, Pope Leo XIV -> "Henry the
    Eighth" …; Louis XIV's -> "Louis the Fourteenth's". A lone "I" stays the pronoun where a verb
    follows ("the Act I think", "Tell James I said so") unless a title comes before the ruler's name
    ("King James I"); "Elizabeth I never married" -> "Elizabeth the First never married", as hibari
    reads it too. "MIX", "DC", "CIV" are left."""

    def numerals(m: re.Match[str]) -> str:
        keyword, written = KEYWORDS[m.group("keyword")], m.group("numerals")
        if written in ("C", "D", "L", "M") or (written == "X" and keyword in _LETTER_X):
            return m.group(0)  # "Type C", "Appendix D", "Gen X", "Generation X": letters
        if written == "I" and not _lone_i_is_number(text, m.end(), war=keyword in ("War", "Wars")):
            return m.group(0)
        parts = []
        for piece in _NUMERAL.finditer(written):
            if piece.group("numeral"):
                parts.append(_title(_cardinal(roman_value(piece.group("numeral")))))
            else:
                join = piece.group("join").strip(" \t")
                parts.append({"–": "to", "-": "to", ",": ",", "&": "and"}.get(join, join))
        spoken = " ".join(parts).replace(" ,", ",")
        return f"{keyword} {spoken}"

    def regnal(m: re.Match[str]) -> str:
        name, numeral = m.group("name"), m.group("numeral")
        if name not in REGNAL_NAMES:
            return m.group(0)
        value = roman_value(numeral)
        if not 1 <= value <= 40:
            return m.group(0)
        if numeral == "I":
            before = re.search(r"([A-Z][a-z]+)[ \t]+(?:[A-Z][a-z]+[ \t]+)?$", text[max(0, m.start() - 30) : m.start()])
            titled = before is not None and before.group(1) in _RULER_TITLES
            following = re.match(r"[ \t]+([a-z]+(?:['’][a-z]+)?)", text[m.end() : m.end() + 30])
            if not titled and following and following.group(1) in _PRONOUN_FOLLOWERS - _ADVERBS:
                return m.group(0)  # "Tell James I said so"
        return f"{name} the {_title(_ordinal(value))}"

    def title_numeral(m: re.Match[str]) -> str:
        title = m.group("title")
        if title in _FUNCTION_WORDS | _GIVEN_NAMES | REGNAL_NAMES | _RULER_TITLES or title in KEYWORDS:
            return m.group(0)
        before = re.search(r"([A-Za-z]+)[ \t]+$", text[max(0, m.start() - 40) : m.start()])
        if before and before.group(1)[:1].isupper() and before.group(1) not in _FUNCTION_WORDS:
            return m.group(0)  # "John Smith III", "Toy Story II": a name of more words, a person's suffix
        after = re.match(r"[^A-Za-z\n]*([A-Za-z]+)", text[m.end() : m.end() + 40])
        if after and len(after.group(1)) > 1 and after.group(1).isupper():
            return m.group(0)  # a heading
        return f"{title} {_title(_cardinal(roman_value(m.group('numeral'))))}"

    text = _WORLD_WARS.sub(lambda m: "World War " + ("One" if m.group("numeral") == "I" else "Two"), text)
    text = _AFTER_KEYWORD.sub(numerals, text)
    text = _REGNAL.sub(regnal, text)
    return _TITLE_NUMERAL.sub(title_numeral, text)
