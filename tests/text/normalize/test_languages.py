"""Which language gets which pipeline (:mod:`narrate.text.normalize.languages`), and what a language
without a module of its own gets: numbers in its own words with its own separators when num2words
and CLDR know it, its digits as written when they do not, and never a word of English."""

from __future__ import annotations

import re

import pytest

from narrate.text.normalize import PIPELINE, french, german, italian, normalize_for_speech, portuguese, spanish
from narrate.text.normalize.languages import generic_language, pipeline_for

# --------------------------------------------------------------------------------------------------
# Dispatch on the primary subtag
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "pipeline"),
    [
        ("en", PIPELINE), ("en-US", PIPELINE), ("en_GB", PIPELINE), ("EN", PIPELINE),
        ("es", spanish.PIPELINE), ("es-ES", spanish.PIPELINE), ("fr", french.PIPELINE),
        ("fr-FR", french.PIPELINE), ("fr-CA", french.PIPELINE), ("de", german.PIPELINE),
        ("de-DE", german.PIPELINE), ("it", italian.PIPELINE), ("it-IT", italian.PIPELINE),
        ("pt", portuguese.PIPELINE), ("pt-BR", portuguese.PIPELINE), ("pt-PT", portuguese.PIPELINE_PORTUGAL),
    ],
)  # fmt: skip
def test_a_tag_gets_its_language_s_pipeline(tag: str, pipeline: tuple[object, ...]) -> None:
    assert pipeline_for(tag) is pipeline


@pytest.mark.parametrize("tag", ["", " ", "??", "x" * 200, "123", "-", "_es", "es--", "zz-ZZ-zz", "\x00"])
def test_any_tag_is_accepted(tag: str) -> None:
    assert normalize_for_speech("Dr.  Smith paid 3.500 on 12/03/2024.", language=tag)


def test_every_language_pipeline_starts_and_ends_like_english() -> None:
    for pipeline in (spanish.PIPELINE, french.PIPELINE, german.PIPELINE, italian.PIPELINE, portuguese.PIPELINE):
        names = [step.__name__ for step in pipeline]
        assert names[:2] == ["remove_control_characters", "normalize_spaces"]
        assert names[-1] == "tidy_punctuation"
        for reader in ("expand_times", "expand_dates", "expand_money", "expand_ranges", "expand_percents"):
            assert names.index(reader) < names.index("expand_numbers")
        assert names.index("expand_ranges") < names.index("expand_dashes")


# --------------------------------------------------------------------------------------------------
# Any other language
# --------------------------------------------------------------------------------------------------

_ENGLISH = re.compile(
    r"\b(?:percent|point|minus|dollars?|cents|kilometers|miles|thousand|million|hundred|and|degrees)\b"
)
"""English words the English pipeline would have put in."""

OTHER_LANGUAGES = [
    (
        "nl",
        "Op 12/03/2024 kwamen 3.500 mensen, 4,5 % meer; het was -3 graden en 5 km lopen voor € 20.",
        "Op twaalf maart tweeduizendvierentwintig kwamen drieduizendvijfhonderd mensen, vier komma vijf procent"
        " meer; het was min drie graden en vijf kilometer lopen voor twintig euro.",
    ),
    (
        "pl",
        "Przyszło 3 500 osób, o 4,5 % więcej; 5 km pieszo.",
        "Przyszło trzy tysiące pięćset osób, o cztery przecinek pięć procent więcej; pięć kilometrów pieszo.",
    ),
    (
        "sv",
        "Det kom 3\u00a0500 personer, 4,5 % fler, den 12 mars 2024.",
        "Det kom tretusen femhundra personer, fyra komma fem procent fler, den tolv mars tvåtusentjugofyra.",
    ),
    ("da", "Der kom 1.200 mennesker.", "Der kom ettusinde og tohundrede mennesker."),
    ("fi", "Paikalla oli 3 500 ihmistä.", "Paikalla oli kolmetuhatta viisisataa ihmistä."),
]


@pytest.mark.parametrize(("tag", "text", "expected"), OTHER_LANGUAGES, ids=[case[0] for case in OTHER_LANGUAGES])
def test_other_languages_get_numbers_in_their_own_words_with_their_own_separators(
    tag: str, text: str, expected: str
) -> None:
    spoken = normalize_for_speech(text, language=tag)
    assert spoken == expected
    assert not _ENGLISH.search(spoken)


@pytest.mark.parametrize("tag", ["sw", "yo", "xx", "qaa", "ga"])
def test_a_language_num2words_does_not_know_keeps_its_digits(tag: str) -> None:
    text = "Watu 3,500 walikuja tarehe 12/03/2024;  4.5% na 5 km kwa $20, saa 14:30."
    spoken = normalize_for_speech(text, language=tag)
    assert spoken == "Watu 3,500 walikuja tarehe 12/03/2024; 4.5% na 5 km kwa $20, saa 14:30."
    assert not _ENGLISH.search(spoken)


def test_the_generic_language_takes_its_words_from_num2words_and_cldr() -> None:
    dutch = generic_language("nl")
    assert (dutch.num2words, dutch.decimal_symbol, dutch.say("minus"), dutch.say("decimal")) == (
        "nl",
        ",",
        "min",
        "komma",
    )
    assert dutch.months[2] == "maart"
    assert generic_language("sw").num2words is None
    assert generic_language("fr-CH").num2words == "fr_CH"


def test_an_english_article_loads_no_other_language() -> None:
    """Every other language's cleaning rules and normalisation (and Babel) load when an article in one
    of them comes, not for an English one: the import costs a fifth of a second of every build."""
    import ast
    import subprocess
    import sys

    others = [f"narrate.text.{stage}.{name}" for stage in ("rules", "normalize")
              for name in ("spanish", "french", "german", "italian", "portuguese")] + ["babel.dates"]
    probe = (
        "import sys\n"
        "from narrate.text.normalize import normalize_for_speech, pipeline_for, PIPELINE\n"
        "from narrate.text.rules import rules_for, compile_rules\n"
        "assert pipeline_for('en_GB') is PIPELINE and normalize_for_speech('On 3 May, 5kg.', language='en-US')\n"
        "rules_for('en'); compile_rules(language='en-US')\n"
        f"print(sorted(m for m in {others!r} if m in sys.modules))\n"
        "normalize_for_speech('El 3 de mayo.', language='es'); rules_for('fr-CA')\n"
        "from narrate.text.rules import RULE_NAMES\n"
        f"print(sorted(m for m in {others!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    english, later = (ast.literal_eval(line) for line in done.stdout.splitlines())
    assert english == []
    assert set(later) == set(others)
