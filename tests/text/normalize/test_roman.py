"""Roman numerals: the step alone, on table-style cases, and through the whole English pipeline."""

from __future__ import annotations

import pytest

from narrate.text.normalize import normalize_for_speech
from narrate.text.normalize.roman import expand_roman, roman_value
from tests.text.normalize.steps import step_test

STEP_CASES = {
    expand_roman: [
        # after a keyword: a cardinal
        ("World War II ended in 1945.", "World War Two ended in 1945."),
        ("After World War I, borders changed.", "After World War One, borders changed."),
        ("World War I ended", "World War One ended"),
        ("WWII veterans", "World War Two veterans"),
        ("Chapter IV describes the trial.", "Chapter Four describes the trial."),
        ("Part III of the series", "Part Three of the series"),
        ("Act I, Scene II", "Act One, Scene Two"),
        ("Title IX changed college sports.", "Title Nine changed college sports."),
        ("Super Bowl LVIII was held", "Super Bowl Fifty-Eight was held"),
        ("Apollo XI landed", "Apollo Eleven landed"),
        ("Rocky III was released", "Rocky Three was released"),
        ("Chapters IV–VI", "Chapters Four to Six"),
        ("Vol. III", "Volume Three"),
        ("Title I schools", "Title One schools"),
        ("Type I diabetes", "Type One diabetes"),
        ("Stage IV cancer", "Stage Four cancer"),
        ("Phase III trials", "Phase Three trials"),
        # after a ruler's name: "the Nth"
        ("Henry VIII had six wives.", "Henry the Eighth had six wives."),
        ("Queen Elizabeth II died", "Queen Elizabeth the Second died"),
        ("I know Louis XIV built Versailles.", "I know Louis the Fourteenth built Versailles."),
        ("Louis XIV's palace", "Louis the Fourteenth's palace"),
        ("Pope John Paul II visited", "Pope John Paul the Second visited"),
        ("Pope Leo XIV", "Pope Leo the Fourteenth"),
        ("King Charles III", "King Charles the Third"),
        ("King James I", "King James the First"),
        ("Elizabeth I's reign", "Elizabeth the First's reign"),
        ("Charles I, who", "Charles the First, who"),
        ("Elizabeth I never married.", "Elizabeth the First never married."),
        ("Pius XII", "Pius the Twelfth"),
        # left alone: words, initialisms, letters, the pronoun
        ("The album MIX topped the charts in Washington, DC.", "The album MIX topped the charts in Washington, DC."),
        ("I said CIV is LCD MD CV VIM LIV", "I said CIV is LCD MD CV VIM LIV"),
        ("the Act I think is fair", "the Act I think is fair"),
        ("Tell James I said so", "Tell James I said so"),
        ("Gen X voters", "Gen X voters"),
        ("Malcolm X", "Malcolm X"),
        ("Type C", "Type C"),
        ("Appendix D", "Appendix D"),
        ("Louis CK", "Louis CK"),
        ("Tom III", "Tom III"),
    ],
}

test_step = step_test(STEP_CASES)


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("I", 1), ("IV", 4), ("IX", 9), ("XIV", 14), ("XL", 40), ("LVIII", 58), ("XC", 90), ("MMXXV", 2025)],
)
def test_roman_value(numeral: str, value: int) -> None:
    assert roman_value(numeral) == value


SENTENCES = [
    ("World War II ended in 1945.", "World War Two ended in nineteen forty-five."),
    ("Henry VIII's 6 wives feature in Chapter IV.", "Henry the Eighth's six wives feature in Chapter Four."),
    (
        "Super Bowl LVIII drew 123.7m viewers, up 7%.",
        "Super Bowl Fifty-Eight drew one hundred twenty-three point seven million viewers, up seven percent.",
    ),
    ("Title IX changed college sports.", "Title Nine changed college sports."),
    ("Queen Elizabeth II died in 2022.", "Queen Elizabeth the Second died in twenty twenty-two."),
    ("Pope John Paul II visited Poland in 1979.", "Pope John Paul the Second visited Poland in nineteen seventy-nine."),
    ("Part III of the series airs tonight.", "Part Three of the series airs tonight."),
    ("Apollo XI landed in 1969.", "Apollo Eleven landed in nineteen sixty-nine."),
    ("The album MIX topped the charts in Washington, DC.", "The album MIX topped the charts in Washington, DC."),
    ("Read Chapters IV–VI first.", "Read Chapters Four to Six first."),
    ("I think I will go.", "I think I will go."),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_sentence(text: str, expected: str) -> None:
    assert normalize_for_speech(text, language="en") == expected


TITLE_NUMERALS = [
    ("The sequel, Gladiator II, opened on Friday.", "The sequel, Gladiator Two, opened on Friday."),
    ("Frozen II took $1bn.", "Frozen Two took one billion dollars."),
    ("In Frozen II, Elsa sings.", "In Frozen Two, Elsa sings."),
    ("He named England XI for the Test.", "He named England Eleven for the Test."),
    ("Final Fantasy VII and Halo II.", "Final Fantasy Seven and Halo Two."),
    ("Critics loved Dune II.", "Critics loved Dune Two."),
    ("The IV drip was removed.", "The IV drip was removed."),
    ("Give an IV drip now.", "Give an IV drip now."),
    ("John Smith III said so.", "John Smith III said so."),
    ("Tom III said so.", "Tom III said so."),
    ("WORLD WAR II ENDS.", "WORLD WAR II ENDS."),
    ("Malcolm X spoke.", "Malcolm X spoke."),
    ("I think so.", "I think so."),
]
"""I, V and X after a capitalised title word: a cardinal; never a lone I, a heading, a person's suffix or an IV drip."""


@pytest.mark.parametrize(("text", "expected"), TITLE_NUMERALS)
def test_title_numeral(text: str, expected: str) -> None:
    assert normalize_for_speech(text, language="en") == expected
