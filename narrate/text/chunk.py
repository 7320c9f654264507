"""Splitting cleaned blocks into chunks that fit an engine's request limit.

One chunk per paragraph. A paragraph longer than the limit is split at sentence boundaries; a
sentence longer than the limit at clause punctuation, then between words. Nothing is cut inside a
word unless a single "word" is itself longer than the limit.

Sentences are split by the rules of the article's language: sentencex knows about thirty languages
(es, fr, de, pt, it among them) and falls back to English for the rest. In languages other than
English its cuts are then checked: none after a title or abbreviation that never ends a sentence
("M.", "Sr.", "z. B.", "p. ex.", "Av."), after a German ordinal ("am 12." März, "der 2." Weltkrieg),
or before a word in lower case; and an Italian or Spanish "no." before a capital does end one.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable

import sentencex

from ..models import Block, BlockKind, Chunk, Sentence
from .quotes import quoted_sentences
from .rules import primary_subtag

_CLAUSE_BREAK = re.compile(r"(?<=[,;:–—])\s+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPLITTER_INPUT_CAP = 20_000
"""Sentence splitting runs on bounded slices so that no input can make it slow."""

_NON_FINAL: dict[str, frozenset[str]] = {
    "es": frozenset(
        "sr sra srta sres sras dr dra drs lic ing prof profa excmo excma ilmo ilma av avda cía cia dña dª gral cnel"
        " tte sto sta mons pbro pág pag págs núm num art arts vol tel ej ud uds vd vds fdo c/ dpto depto".split()
    ),
    "fr": frozenset(
        "m mm mme mmes mlle mlles dr pr me mgr st ste gén gal col cdt lt av bd boul fg ex env cf vol no tél chap éd"
        " art réf nº".split()
    ),
    "de": frozenset(
        "dr prof hr hrn fr frl nr st str ca bzw chr abs art bd jh jhd mio mrd tsd evtl ggf inkl exkl vgl sog geb gest"
        " zzgl ggü u.a z.b d.h v.a o.ä u.ä s.o s.u i.d.r".split()
    ),
    "pt": frozenset(
        "sr sra srta srs dr dra drs prof profa av ex pág pag nº art vol tel cia eng gen cel sto sta exmo exma ilmo"
        " exa dep".split()
    ),
    "it": frozenset(
        "sig sigg dott prof avv ing on sen dep arch geom rag mons es pag pagg nr art vol tel cav gen col ten cap"
        " dott.ssa prof.ssa sig.ra gent egr spett".split()
    ),
}
"""Words before a period that never end a sentence ("M." Dupont, "Sr." García, "p. ex."), lower case;
a single letter before a period (an initial, "p." 12, "z." B.) never ends one either."""
_NON_FINAL_EN = frozenset(
    "mr mrs ms dr prof sen rep gov gen lt sgt capt col cpl maj adm cmdr rev hon pres supt atty msgr mt"
    " approx est vs v e.g i.e cf viz incl excl esp ca".split()
)
"""English words before a period that never end a sentence: titles ("Sen." Warren), and the
abbreviations that are always followed by more of the sentence ("approx." 300, "est." 1901, "vs."
The State, "e.g.", "i.e."). "etc.", "Inc." and "St." may end one, and are left to the splitter."""
_BEFORE_NUMBER_EN = frozenset("no nos vol vols fig figs p pp ch art ext para sec".split())
"""English abbreviations that do not end a sentence before a number ("No." 10, "Vol." 2, "Fig." 3)."""
_LAST_WORD = re.compile(r"(?:^|\s)[(\[«“\"„]*(?P<word>[^\s]+?)\.$")
_GERMAN_ORDINAL = re.compile(
    r"(?i)(?:^|\s)(?:am|im|vom|zum|zur|bis|ab|seit|dem|den|der|des|die|das|ein|eine|einem|einen|einer|eines|beim|fürs"
    r"|für|um|an|in|nach|vor|zwischen|und|oder)\s+\d{1,4}\.$"
)
_BEFORE_NUMBER = re.compile(r"(?:^|(?<=\s))[„\"“«‚‘(]*(?P<word>[^\W\d_]{2,})[.!?][\"“”»«’]*(?P<gap>\s+)(?=\d)")
_GERMAN_MONTHS = frozenset("jan feb mär apr jun jul aug sep sept okt nov dez".split())
_ENDS_AFTER_NO = re.compile(r"(?<=\sno\.)\s+(?=[¿¡\"«“]?[A-ZÁÉÍÓÚÑÀÈÌÒÙ])")
"""Spanish and Italian "(di) no." before a capital ends a sentence; sentencex takes it for "número"."""


def split_sentences(text: str, language: str = "en") -> list[str]:
    """Sentences of ``text``, stripped; joining them with spaces gives back the text's words.

    ``language`` is a language tag; its primary subtag chooses the splitter's rules (English for
    any language sentencex does not know). A sentence only ends where the text has whitespace (or
    after a full-width stop, "。", in Chinese or Japanese): the splitter's breaks inside a token (as
    in ``“go.”Then``) are not kept, so no word is ever cut in two.
    """
    code = _primary(language)
    segments: list[str] = []
    for piece in _slices(text, _SPLITTER_INPUT_CAP):
        # the splitter takes UTF-8 only: a lone surrogate is given to it as U+FFFD (one code point
        # too), and the segments, which tile its input, are cut from the text itself
        start = 0
        for found in sentencex.segment(code, _SURROGATE.sub("\ufffd", piece)):
            segment, start = piece[start : start + len(found)], start + len(found)
            joined = segments and not segments[-1][-1:].isspace() and not segment[:1].isspace()
            if joined and not _ends_cjk(segments[-1]):
                segments[-1] += segment
            elif segments and code != "en" and _continues(segments[-1], segment, code):
                segments[-1] += segment
            elif segments and code == "en" and _continues_english(segments[-1], segment):
                segments[-1] += segment
            else:
                segments.append(segment)
    if code in ("es", "it"):
        segments = [part for segment in segments for part in _ENDS_AFTER_NO.split(segment)]
    elif code == "de":
        segments = [part for segment in segments for part in _split_before_numbers(segment)]
    sentences = [s.strip() for s in segments]
    return [s for s in sentences if s] or [text.strip()]


def _split_before_numbers(segment: str) -> list[str]:
    """A German segment cut where a sentence ends with a word and the next starts with a number
    ("…beschlossen. 31 von 44 stimmten zu."): sentencex never cuts before a digit in German."""
    parts: list[str] = []
    start = 0
    for match in _BEFORE_NUMBER.finditer(segment):
        word = match.group("word").lower()
        if word in _NON_FINAL["de"] or word in _GERMAN_MONTHS:
            continue
        parts.append(segment[start : match.start("gap")])
        start = match.end("gap")
    parts.append(segment[start:])
    return parts


def _ends_cjk(segment: str) -> bool:
    """Chinese and Japanese end sentences with a full-width stop and no space after it."""
    return segment.endswith(("。", "！", "？", "｡"))


def _primary(language: str) -> str:
    """The primary subtag sentencex is given ("pt-BR" -> "pt"); English for nothing sensible."""
    return primary_subtag(language) or "en"


def _continues(previous: str, segment: str, code: str) -> bool:
    """True when the splitter's cut between ``previous`` and ``segment`` is not a sentence end."""
    head = segment.lstrip()[:1]
    if head.islower():
        return True
    ending = previous.rstrip()
    match = _LAST_WORD.search(ending)
    if match is None:
        return False
    word = match.group("word")
    if (len(word) == 1 and word.isalpha()) or word.lower() in _NON_FINAL.get(code, frozenset()):
        return True
    return code == "de" and _GERMAN_ORDINAL.search(ending) is not None


def _continues_english(previous: str, segment: str) -> bool:
    """True when the splitter's cut between ``previous`` and ``segment`` is not an English sentence
    end: after an abbreviation that never ends one ("approx.", "est.", "vs.", "Sen."), after "No." or
    "Vol." before a number, or before a word in lower case ("est. in 1901"; not "iPhone", "eBay")."""
    head = re.match(r"[\"“‘'(\[]*(\S+)", segment.lstrip())
    if head is None:
        return False
    word = head.group(1)
    if word[:1].islower() and word.isalpha() and word.islower():
        return True
    match = _LAST_WORD.search(previous.rstrip())
    if match is None:
        return False
    last = match.group("word").lower()
    return last in _NON_FINAL_EN or (last in _BEFORE_NUMBER_EN and word[:1].isdigit())


def _slices(text: str, size: int) -> list[str]:
    """``text`` in slices of about ``size`` characters, each ending at whitespace when there is any."""
    slices: list[str] = []
    start = 0
    while len(text) - start > size:
        end = text.rfind(" ", start + 1, start + size)
        end = end + 1 if end > start else start + size
        slices.append(text[start:end])
        start = end
    slices.append(text[start:])
    return slices


def make_chunks(
    blocks: list[Block], max_chars: int, *, to_speech: Callable[[str], str] | None = None, language: str = "en"
) -> list[Chunk]:
    """Chunks for ``blocks``: one per paragraph, split at sentences when over ``max_chars``.

    Sentences are split by the rules of ``language`` (a language tag, see :func:`split_sentences`).

    ``to_speech`` turns written text into the words to speak (lexicon, normalisation); it is applied
    sentence by sentence, and every chunk keeps its sentences, written and spoken, so that each can
    be spoken (and placed in the audio) on its own. An ALL-CAPS heading is spoken in title case, so
    that no engine spells it out letter by letter.
    """
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    chunks: list[Chunk] = []
    for block_index, block in enumerate(blocks):
        if block.kind is BlockKind.HEADING:
            units = [
                unit
                for part in split_text(block.text, max_chars, language)
                for unit in _fit(
                    part, _speak(to_speech, string.capwords(part) if part.isupper() else part), max_chars, language
                )
            ]
        else:
            units = _sentence_units(block.text, max_chars, to_speech, language)
        for position, group in enumerate(_group_sentences(units, max_chars)):
            written = " ".join(u.text for u in group if u.text)
            spoken = " ".join(u.spoken for u in group)
            chunks.append(Chunk(len(chunks), written, block.kind, block_index, position == 0, spoken, tuple(group)))
    return chunks


def _speak(to_speech: Callable[[str], str] | None, text: str) -> str:
    return " ".join((to_speech(text) if to_speech else text).split())


def _sentence_units(
    text: str, max_chars: int, to_speech: Callable[[str], str] | None, language: str
) -> list[Sentence]:
    """A paragraph's sentences, written and spoken; one longer than the limit is cut into parts."""
    units: list[Sentence] = []
    flat = " ".join(text.split())
    sentences = split_sentences(flat, language)
    for sentence, quoted in zip(sentences, quoted_sentences(flat, sentences)):
        units.extend(_fit(sentence, _speak(to_speech, sentence), max_chars, language, quoted))
    return units


def _fit(written: str, spoken: str, max_chars: int, language: str = "en", quoted: bool = False) -> list[Sentence]:
    """A sentence as units whose spoken text fits ``max_chars``; none when nothing is spoken."""
    if not spoken:
        return []
    if len(spoken) <= max_chars:
        return [Sentence(written, spoken, quoted)]
    if spoken == written:
        return [Sentence(part, part, quoted) for part in split_text(written, max_chars, language)]
    # the written sentence goes with its first spoken part
    parts = split_text(spoken, max_chars, language)
    return [Sentence(written, parts[0], quoted)] + [Sentence("", part, quoted) for part in parts[1:]]


def _group_sentences(units: list[Sentence], max_chars: int) -> list[list[Sentence]]:
    """Consecutive sentences grouped while their spoken text stays within the limit."""
    groups: list[list[Sentence]] = []
    size = 0
    for unit in units:
        if groups and size + 1 + len(unit.spoken) <= max_chars:
            groups[-1].append(unit)
            size += 1 + len(unit.spoken)
        else:
            groups.append([unit])
            size = len(unit.spoken)
    return groups


def split_text(text: str, max_chars: int, language: str = "en") -> list[str]:
    """``text`` as pieces of at most ``max_chars`` characters, cut at the best boundary available
    (sentences split by the rules of ``language``)."""
    text = " ".join(text.split())
    if len(text) <= max_chars:
        return [text] if text else []
    pieces: list[str] = []
    for sentence in split_sentences(text, language):
        if len(sentence) <= max_chars:
            pieces.append(sentence)
        else:
            pieces.extend(_split_long_sentence(sentence, max_chars))
    return _pack(pieces, max_chars)


def _split_long_sentence(sentence: str, max_chars: int) -> list[str]:
    parts: list[str] = []
    for clause in _CLAUSE_BREAK.split(sentence):
        if len(clause) <= max_chars:
            parts.append(clause)
            continue
        for word in clause.split(" "):
            while len(word) > max_chars:  # a single "word" longer than the limit: no better cut exists
                parts.append(word[:max_chars])
                word = word[max_chars:]
            parts.append(word)
    return _pack(parts, max_chars)


def _pack(parts: list[str], max_chars: int) -> list[str]:
    """Join consecutive parts with spaces as long as the result stays within the limit."""
    packed: list[str] = []
    for part in parts:
        if packed and len(packed[-1]) + 1 + len(part) <= max_chars:
            packed[-1] = f"{packed[-1]} {part}"
        else:
            packed.append(part)
    return packed
