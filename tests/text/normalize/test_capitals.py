"""narrate.text.normalize.capitals: long and run-together ALL-CAPS words as words, initialisms kept."""

from __future__ import annotations

import re

import pytest

from narrate.text.normalize import PIPELINE, normalize_for_speech, pipeline_for
from narrate.text.normalize.capitals import expand_capitals, title_case_capitals
from tests.text.normalize.steps import step_test

STEP_CASES = {
    expand_capitals: [
        # run-together site tags -> words
        ("on TRUENEWSREPORT.", "on True News Report."),
        ("TRUENEWSBLOG – U.S. efforts", "True News Blog – U.S. efforts"),
        ("on HARBOURWATCH.", "on Harbour Watch."),
        ("HARBOURWATCHDAILY reports", "Harbour Watch Daily reports"),
        ("THEGUARDIAN said", "The Guardian said"),
        ("THENEWYORKTIMES", "The New York Times"),
        ("FOXNEWS", "Fox News"),
        ("HARBOURWATCH'S ferry", "Harbour Watch's ferry"),
        ("HARBOURWATCH’S ferry", "Harbour Watch’s ferry"),
        # initialisms inside a tag stay in capitals
        ("BBCNEWS", "BBC News"),
        ("USATODAY", "USA Today"),
        ("NYTIMES", "NY Times"),
        ("LATIMES", "LA Times"),
        # short run-together words of plain common words
        ("THESUN", "The Sun"),
        ("GBNEWS", "GB News"),
        # single long ALL-CAPS words and names -> title case
        ("BY NATHANIEL BALLANTYNE", "BY Nathaniel Ballantyne"),
        ("HIGH PROFILE PROSECUTION", "HIGH Profile Prosecution"),
        ("BREAKING NEWS: the FBI", "Breaking NEWS: the FBI"),
        ("INTERPOL and EUROPOL", "Interpol and Europol"),
        ("ZELENSKYY spoke", "Zelenskyy spoke"),  # no good split: one word
        ("XYLOPHANTIS", "Xylophantis"),
        # initialisms and acronyms kept
        ("NASA, NATO, UNESCO, UNICEF, COVID, OPEC, FEMA", "NASA, NATO, UNESCO, UNICEF, COVID, OPEC, FEMA"),
        ("the FBI, the BBC, the UK and the USA", "the FBI, the BBC, the UK and the USA"),
        ("the NEW YORK TIMES said", "the NEW YORK TIMES said"),  # words the engine knows
        # never touched
        ("King Louis MDCCLXXVI", "King Louis MDCCLXXVI"),  # a Roman number
        ("the BCDFGHKLM code", "the BCDFGHKLM code"),  # no vowel: not a word
        ("iPHONE and McDONALD", "iPHONE and McDONALD"),  # mixed case
        ("True News Report", "True News Report"),
        ("COVID19 and ABC123XYZW", "COVID19 and ABC123XYZW"),  # joined to digits
        ("", ""),
    ],
}

test_step = step_test(STEP_CASES)


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("las NACHRICHTEN de ELPAISDIARIO", "las Nachrichten de Elpaisdiario"),
        ("Am 5. DEZEMBER sagte die BUNDESREGIERUNG", "Am 5. Dezember sagte die Bundesregierung"),
        ("L'ÉCOLE NATIONALE SUPÉRIEURE", "L'ÉCOLE Nationale Supérieure"),  # 5 letters kept
        ("selon HARBOURWATCH’S", "selon Harbourwatch’s"),
        ("la ONU y la OTAN", "la ONU y la OTAN"),
        ("a UNESCO e a NATO", "a UNESCO e a NATO"),
        ("MDCCLXXVI", "MDCCLXXVI"),
        ("ÜBERRASCHUNG", "Überraschung"),
    ],
)
def test_other_languages_title_case_without_a_dictionary(text: str, spoken: str) -> None:
    assert title_case_capitals(text) == spoken


@pytest.mark.parametrize(
    ("language", "text", "spoken"),
    [
        ("en", "on TRUENEWSREPORT.", "on True News Report."),
        ("en-GB", "SEPTEMBER 5, 2024", "September fifth, twenty twenty-four"),  # a date once in title case
        ("es", "Lo dijo ELPAISDIARIO el 5 de DICIEMBRE.", "Lo dijo Elpaisdiario el cinco de Diciembre."),
        ("de", "Am 5. DEZEMBER sagte die BUNDESREGIERUNG", "Am fünften Dezember sagte die Bundesregierung"),
        ("fr", "sur HARBOURWATCH.", "sur Harbourwatch."),
        ("fr-BE", "sur HARBOURWATCH.", "sur Harbourwatch."),
        ("it", "secondo la REDAZIONE dell'ANSA", "secondo la Redazione dell'ANSA"),
        ("pt-PT", "no JORNALDENOTICIAS", "no Jornaldenoticias"),
        ("nl", "volgens HARBOURWATCH", "volgens Harbourwatch"),
    ],
)
def test_in_every_pipeline(language: str, text: str, spoken: str) -> None:
    assert normalize_for_speech(text, language=language) == spoken


@pytest.mark.parametrize("language", ["en", "es", "fr", "fr-BE", "de", "de-CH", "it", "pt", "pt-PT", "es-MX", "nl"])
def test_capitals_are_read_before_initialisms_and_dates(language: str) -> None:
    steps = [step.__name__ if hasattr(step, "__name__") else repr(step) for step in pipeline_for(language)]
    name = "expand_capitals" if language == "en" else "title_case_capitals"
    assert name in steps
    assert steps.index(name) < min(i for i, s in enumerate(steps) if re.search("date|abbreviation|initialism", s))


def test_english_pipeline_has_the_step_once() -> None:
    assert PIPELINE.count(expand_capitals) == 1


def test_the_segmenter_has_what_wordsegment_loads() -> None:
    """capitals reads wordsegment's counts files itself (faster, each count made a number when it is looked
    up); the counts, as looked up, must be Segmenter.load()'s."""
    from wordsegment import Segmenter

    from narrate.text.normalize.capitals import _segmenter

    reference = Segmenter()
    reference.load()
    ours = _segmenter()
    assert ours is not None
    assert ours.unigrams.keys() == reference.unigrams.keys() and ours.bigrams.keys() == reference.bigrams.keys()
    assert all(ours.unigrams[word] == count for word, count in reference.unigrams.items())
    assert all(ours.bigrams.get(pair) == count for pair, count in reference.bigrams.items())
    assert ours.unigrams.get("not a word here", 0) == 0 and isinstance(ours.unigrams["the"], float)
    assert (ours.total, ours.limit) == (reference.total, reference.limit)
    assert ours.segment("truenewsreport") == reference.segment("truenewsreport") == ["true", "news", "report"]
    for text in ("harbourwatchdaily", "theguardian", "nytimes", "bbcnewsonline", "prosecution"):
        assert ours.segment(text) == reference.segment(text)
