"""Never worse than hibari alone: inputs hibari's own text front end already reads right from the raw
text, which narrate's normalisation must not break.

Each row was found by experiment: hibari's phonemes of the raw text equal those of a careful reading
(the premise, asserted too, so that a change of hibari shows up here). narrate's output must then give
the same phonemes as the raw text, or as one of the readings (alternatives separated by " | ", as in the
review set: a score "3-2" is "three two" or "three to two"). Phonemes are compared with
:func:`tests.text.normalize.reading.phoneme_key` (stress, punctuation and spaces out).
"""

from __future__ import annotations

import pytest
from hibari import Hibari

from narrate.text.normalize import normalize_for_speech
from tests.text.normalize.reading import ALTERNATIVES, phoneme_key

ROWS = [
    (
        "cardinal",
        "The council approved 1,234 homes.",
        "The council approved one thousand two hundred thirty-four homes.",
    ),
    ("cardinal", "About 600 people came.", "About six hundred people came."),
    ("cardinal", "The club has 45,000 members.", "The club has forty-five thousand members."),
    ("cardinal", "A crowd of 12,500 watched.", "A crowd of twelve thousand five hundred watched."),
    (
        "cardinal",
        "The town has 8,799,800 residents.",
        "The town has eight million seven hundred ninety-nine thousand eight hundred residents.",
    ),
    ("cardinal", "It was 5,280 feet.", "It was five thousand two hundred eighty feet."),
    ("percent", "Inflation was 3.9 % in May.", "Inflation was three point nine percent in May."),
    ("percent", "Inflation was 3.9% in May.", "Inflation was three point nine percent in May."),
    ("percent", "Turnout was 67% this time.", "Turnout was sixty-seven percent this time."),
    ("percent", "Rates rose to 5.25%.", "Rates rose to five point two five percent."),
    ("percent", "Only 8 % agreed.", "Only eight percent agreed."),
    ("percent", "It rose 3.2%.", "It rose three point two percent."),
    ("temperature", "It was 72°F in Boston.", "It was seventy-two degrees Fahrenheit in Boston."),
    ("temperature", "It reached 35°C in Madrid.", "It reached thirty-five degrees Celsius in Madrid."),
    ("temperature", "It was -3°C overnight.", "It was minus three degrees Celsius overnight."),
    ("temperature", "Water boils at 100 °C.", "Water boils at one hundred degrees Celsius."),
    ("temperature", "Temperatures hit 100°F.", "Temperatures hit one hundred degrees Fahrenheit."),
    ("range", "Children aged 10-15 can join.", "Children aged ten to fifteen can join."),
    ("range", "It lasts 3-4 weeks.", "It lasts three to four weeks."),
    ("range", "Groups of 20-30 people.", "Groups of twenty to thirty people."),
    ("range", "Children aged 5–11 are eligible.", "Children aged five to eleven are eligible."),
    ("range", "Pages 10-15 were missing.", "Pages ten to fifteen were missing."),
    (
        "season",
        "Tickets for the 2025/26 season.",
        "Tickets for the twenty twenty-five twenty-six season. | Tickets for the twenty twenty-five to twenty-six season.",
    ),
    (
        "season",
        "The 2019/20 season was cut short.",
        "The twenty nineteen twenty season was cut short. | The twenty nineteen to twenty season was cut short.",
    ),
    (
        "season",
        "The 2023/24 budget was passed.",
        "The twenty twenty-three twenty-four budget was passed. | The twenty twenty-three to twenty-four budget was passed.",
    ),
    (
        "season",
        "The 2024/25 season starts.",
        "The twenty twenty-four twenty-five season starts. | The twenty twenty-four to twenty-five season starts.",
    ),
    (
        "season",
        "The 2022/23 accounts were late.",
        "The twenty twenty-two twenty-three accounts were late. | The twenty twenty-two to twenty-three accounts were late.",
    ),
    ("score", "Arsenal won 3-2.", "Arsenal won three two. | Arsenal won three to two."),
    ("score", "They lost 2-1 at home.", "They lost two one at home. | They lost two to one at home."),
    ("score", "The Rangers won 4-3.", "The Rangers won four three. | The Rangers won four to three."),
    ("score", "The court ruled 6-3.", "The court ruled six three. | The court ruled six to three."),
    ("abbreviation", "The parade passed St. Paul's Cathedral.", "The parade passed Saint Paul's Cathedral."),
    ("abbreviation", "He lives in St. Louis.", "He lives in Saint Louis."),
    ("abbreviation", "Dr. Smith will lead it.", "Doctor Smith will lead it."),
    ("abbreviation", "Mr. Jones said no.", "Mister Jones said no."),
    ("abbreviation", "Climbers reached Mt. Everest.", "Climbers reached Mount Everest."),
    ("abbreviation", "It was Smith vs. Jones.", "It was Smith versus Jones."),
    ("abbreviation", "Gen. Smith resigned.", "General Smith resigned."),
    ("roman", "World War II ended in 1945.", "World War Two ended in nineteen forty-five."),
    ("roman", "After World War I, borders changed.", "After World War One, borders changed."),
    ("roman", "Henry VIII had six wives.", "Henry the Eighth had six wives."),
    ("roman", "Super Bowl LVIII was in Las Vegas.", "Super Bowl fifty-eight was in Las Vegas."),
    ("roman", "Queen Elizabeth II died.", "Queen Elizabeth the Second died."),
    ("roman", "Louis XIV built Versailles.", "Louis the Fourteenth built Versailles."),
    ("roman", "Pope John Paul II visited.", "Pope John Paul the Second visited."),
    ("roman", "Chapter IV describes the trial.", "Chapter Four describes the trial."),
    ("roman", "Rocky III was a hit.", "Rocky Three was a hit."),
    ("roman", "King Charles III was crowned.", "King Charles the Third was crowned."),
    ("roman", "George VI spoke.", "George the Sixth spoke."),
    ("currency_code", "It cost USD 5.", "It cost five dollars."),
    ("currency_code", "Tickets cost EUR 12.", "Tickets cost twelve euros."),
    ("currency_code", "The deal is worth GBP 3m.", "The deal is worth three million pounds."),
    ("currency_code", "Salaries start at USD 45,000.", "Salaries start at forty-five thousand dollars."),
    ("currency_code", "The fee is EUR 500.", "The fee is five hundred euros."),
    ("currency_code", "They paid GBP 20.", "They paid twenty pounds."),
    ("currency_code", "The fund raised USD 5 million.", "The fund raised five million dollars."),
    ("money", "The tickets cost $25 each.", "The tickets cost twenty-five dollars each."),
    ("money", "The fine was £500.", "The fine was five hundred pounds."),
    ("money", "It sold for €3,000.", "It sold for three thousand euros."),
    ("code", "Enter code 4921 now.", "Enter code forty-nine twenty-one now. | Enter code four nine two one now."),
    ("code", "Enter code 1234 now.", "Enter code twelve thirty-four now. | Enter code one two three four now."),
    (
        "serial",
        "Flight BA2490 was diverted.",
        "Flight B.A twenty-four ninety was diverted. | Flight B.A two four nine zero was diverted.",
    ),
    ("serial", "The A380 landed.", "The A. three eighty landed."),
    ("serial", "The M25 was closed.", "The M twenty-five was closed."),
    ("serial", "COVID-19 cases rose.", "COVID nineteen cases rose."),
    ("serial", "G7 leaders met.", "G seven leaders met."),
    ("serial", "The F-35 was grounded.", "The F thirty-five was grounded."),
    ("year", "It was built in 1932.", "It was built in nineteen thirty-two."),
    ("year", "She won in 2024.", "She won in twenty twenty-four."),
    ("year", "It dates from 1905.", "It dates from nineteen oh five."),
    ("year", "The 1990s were wild.", "The nineteen nineties were wild."),
    ("decimal", "The index rose 0.7 points.", "The index rose zero point seven points."),
    ("decimal", "The time was 9.58 seconds.", "The time was nine point five eight seconds."),
    ("ordinal", "The 21st century began.", "The twenty-first century began."),
    ("ordinal", "She lives on the 22nd floor.", "She lives on the twenty-second floor."),
    ("time", "The train leaves at 7:45.", "The train leaves at seven forty-five."),
    ("time", "It happened at 3:15.", "It happened at three fifteen."),
    ("measure", "The car was doing 70mph.", "The car was doing seventy miles per hour."),
    ("measure", "It weighed 5 kg.", "It weighed five kilograms."),
    ("measure", "It is 10 km away.", "It is ten kilometers away."),
    ("measure", "The phone has 256GB.", "The phone has two hundred fifty-six gigabytes."),
    ("measure", "He was 6ft tall.", "He was six feet tall."),
    ("initialism", "The FBI opened a case.", "The F B I opened a case."),
    ("initialism", "The U.S. Senate voted.", "The U S Senate voted."),
    ("initialism", "NASA delayed the launch.", "NASA delayed the launch."),
    ("negative", "It fell to -3 overnight.", "It fell to minus three overnight."),
    ("negative", "The error is ±2 points.", "The error is plus or minus two points."),
    ("fraction", "About 1/3 of voters agree.", "About one third of voters agree."),
    ("version", "Windows 11 is out.", "Windows eleven is out."),
    ("version", "iOS 17.2 is out.", "i O S seventeen point two is out."),
    ("web", "Visit example.com now.", "Visit example dot com now."),
    ("web", "Email press@example.com now.", "Email press at example dot com now."),
    # issue 15, units and measures: hibari reads these right from the raw text
    ("measure", "It weighed 3 kg.", "It weighed three kilograms."),
    ("measure", "It is 40 km away.", "It is forty kilometres away."),
    ("measure", "The fish was 12 lb.", "The fish was twelve pounds."),
    ("measure", "It weighs 8 oz.", "It weighs eight ounces."),
    ("measure", "It fell 20 cm.", "It fell twenty centimetres."),
    ("measure", "It drops 15 mm.", "It drops fifteen millimetres."),
    ("measure", "It ran at 100 km/h.", "It ran at one hundred kilometres per hour."),
    ("measure", "The plot is 500 sq ft.", "The plot is five hundred square feet."),
    ("measure", "The drive has 2 TB.", "The drive has two terabytes."),
    ("measure", "The chip runs at 3 GHz.", "The chip runs at three gigahertz."),
    ("measure", "It uses 200 kWh.", "It uses two hundred kilowatt hours."),
    ("measure", "It took 5 mins.", "It took five minutes."),
    ("measure", "It fell 30cm.", "It fell thirty centimetres."),
    ("measure", "It holds 500 ml.", "It holds five hundred millilitres."),
    ("measure", "It was 10 ft deep.", "It was ten feet deep."),
    ("decimal_suffix", "The game sold 1.5 million copies.", "The game sold one point five million copies."),
    ("decimal_suffix", "It has 3 million users.", "It has three million users."),
    ("decimal_suffix", "The firm raised $7.5M.", "The firm raised seven point five million dollars."),
    ("decimal_suffix", "It earned $2m.", "It earned two million dollars."),
    ("decimal_suffix", "It sold 2.5 billion units.", "It sold two point five billion units."),
    ("decimal_suffix", "It has 12 thousand fans.", "It has twelve thousand fans."),
    ("decimal_suffix", "It raised £10m.", "It raised ten million pounds."),
    ("decimal_suffix", "It has 4 billion users.", "It has four billion users."),
    ("decimal_suffix", "They raised $50k.", "They raised fifty thousand dollars."),
    ("decimal_suffix", "It earned $3m last year.", "It earned three million dollars last year."),
    ("decimal_suffix", "It has 1.2 million fans.", "It has one point two million fans."),
    ("decimal_suffix", "It cost $20k.", "It cost twenty thousand dollars."),
    ("percent", "It fell 5.5%.", "It fell five point five percent."),
    ("percent", "It fell 2.5 %.", "It fell two point five percent."),
    ("percent", "It rose 0.5%.", "It rose zero point five percent."),
    ("percent", "It hit 100%.", "It hit one hundred percent."),
    ("percent", "It grew 7.25%.", "It grew seven point two five percent."),
    ("temperature", "It hit 30°C.", "It hit thirty degrees Celsius."),
    ("temperature", "It was 25-28°C.", "It was twenty-five to twenty-eight degrees Celsius."),
    ("temperature", "It was 90°F in Texas.", "It was ninety degrees Fahrenheit in Texas."),
    ("temperature", "It fell to -10°C.", "It fell to minus ten degrees Celsius."),
    ("temperature", "It was 5 °C at dawn.", "It was five degrees Celsius at dawn."),
    ("temperature", "It was 0°C.", "It was zero degrees Celsius."),
    ("temperature", "Lows of -5°C.", "Lows of minus five degrees Celsius."),
    # issue 15, ranges, seasons and scores
    ("range", "It lasts 2–3 hours.", "It lasts two to three hours."),
    ("range", "The 2019–2021 period.", "The twenty nineteen to twenty twenty-one period."),
    ("range", "Groups of 6–8 people.", "Groups of six to eight people."),
    ("range", "It takes 3–5 days.", "It takes three to five days."),
    ("range", "Crowds of 100-200 gathered.", "Crowds of one hundred to two hundred gathered."),
    ("range", "The 2010-2015 period.", "The twenty ten to twenty fifteen period."),
    ("range", "Adults aged 18–24 voted.", "Adults aged eighteen to twenty-four voted."),
    ("range", "Between 2015 and 2020 it grew.", "Between twenty fifteen and twenty twenty it grew."),
    (
        "season",
        "The 2021/22 season ended.",
        "The twenty twenty-one twenty-two season ended. | The twenty twenty-one to twenty-two season ended.",
    ),
    (
        "season",
        "The 2018/19 campaign.",
        "The twenty eighteen nineteen campaign. | The twenty eighteen to nineteen campaign.",
    ),
    (
        "season",
        "The 2020/21 term began.",
        "The twenty twenty twenty-one term began. | The twenty twenty to twenty-one term began.",
    ),
    (
        "season",
        "The 2026/27 budget.",
        "The twenty twenty-six twenty-seven budget. | The twenty twenty-six to twenty-seven budget.",
    ),
    (
        "season",
        "The 2017/18 accounts.",
        "The twenty seventeen eighteen accounts. | The twenty seventeen to eighteen accounts.",
    ),
    (
        "season",
        "The 2021-22 season ended.",
        "The twenty twenty-one twenty-two season ended. | The twenty twenty-one to twenty-two season ended.",
    ),
    ("score", "They drew 1-1.", "They drew one all. | They drew one one."),
    ("score", "They won 2-0.", "They won two nil. | They won two zero."),
    ("score", "They won 5–3.", "They won five to three. | They won five three."),
    ("score", "They lost 21–17.", "They lost twenty-one to seventeen. | They lost twenty-one seventeen."),
    ("score", "It ended 2-2.", "It ended two all. | It ended two two."),
    ("score", "They led 3-1.", "They led three one. | They led three to one."),
    ("score", "They won 4–1.", "They won four to one. | They won four one."),
    ("score", "They lost 3-0.", "They lost three nil. | They lost three zero."),
    ("score", "They drew 0-0.", "They drew nil nil. | They drew zero zero."),
    ("score", "They drew 3–3.", "They drew three all. | They drew three three."),
    # issue 15, signs, Roman numerals, fractions
    ("negative", "It fell to -5 overnight.", "It fell to minus five overnight."),
    ("negative", "It was -0.2.", "It was minus zero point two."),
    ("negative", "It was ±3%.", "It was plus or minus three percent."),
    ("negative", "The margin is ±2.", "The margin is plus or minus two."),
    ("negative", "It felt like -15.", "It felt like minus fifteen."),
    ("negative", "It was -7 °F.", "It was minus seven degrees Fahrenheit."),
    ("negative", "It rose +3.5%.", "It rose plus three point five percent."),
    ("negative", "It was -10 at dawn.", "It was minus ten at dawn."),
    ("negative", "It was -2.5 percent.", "It was minus two point five percent."),
    ("negative", "It was +5 points.", "It was plus five points."),
    ("roman", "Part III airs tonight.", "Part Three airs tonight."),
    ("roman", "Act V was cut.", "Act Five was cut."),
    ("roman", "Apollo XI landed.", "Apollo Eleven landed."),
    ("roman", "Edward VII reigned.", "Edward the Seventh reigned."),
    ("roman", "Pope Benedict XVI resigned.", "Pope Benedict the Sixteenth resigned."),
    ("roman", "Pope Leo XIV spoke.", "Pope Leo the Fourteenth spoke."),
    ("roman", "Richard III was found.", "Richard the Third was found."),
    ("roman", "Louis XVI was executed.", "Louis the Sixteenth was executed."),
    ("roman", "Phase III trials began.", "Phase Three trials began."),
    ("roman", "Super Bowl LVII was close.", "Super Bowl Fifty-Seven was close."),
    ("roman", "Type II diabetes rose.", "Type Two diabetes rose."),
    ("roman", "Article V was invoked.", "Article Five was invoked."),
    ("fraction", "It fell ¾ of a point.", "It fell three quarters of a point."),
    ("fraction", "Only 1/10 remains.", "Only one tenth remains."),
    ("fraction", "Around 1/4 of homes.", "Around one quarter of homes."),
    ("fraction", "It fell by ¼.", "It fell by one quarter."),
    ("fraction", "It needs a 2/3 majority.", "It needs a two thirds majority."),
    ("fraction", "Nearly 3/5 of staff.", "Nearly three fifths of staff."),
    ("fraction", "It took 1/2 an hour.", "It took half an hour. | It took one half an hour."),
    ("fraction", "About 2/3 of them.", "About two thirds of them."),
    ("fraction", "It used 1/5 of it.", "It used one fifth of it."),
]
"""(kind, raw text, careful reading): 186 rows in 23 kinds."""

BROKEN = frozenset(
    {
        "It cost USD 5.",
        "Tickets cost EUR 12.",
        "The deal is worth GBP 3m.",
        "Salaries start at USD 45,000.",
        "The fee is EUR 500.",
        "They paid GBP 20.",
        "The fund raised USD 5 million.",
        "Enter code 4921 now.",
        "Enter code 1234 now.",
        "Flight BA2490 was diverted.",
        "The A380 landed.",
    }
)
"""Rows narrate's normalisation read worse than hibari alone when the table was written."""


@pytest.fixture(scope="module")
def phonemes():
    engine = Hibari()
    cache: dict[str, str] = {}

    def run(text: str) -> str:
        if text not in cache:
            cache[text] = phoneme_key(engine.phonemize(text))
        return cache[text]

    return run


def test_the_table_is_broad_enough() -> None:
    assert len(ROWS) >= 60 and len({kind for kind, _raw, _reading in ROWS}) >= 10
    assert BROKEN <= {raw for _kind, raw, _reading in ROWS}


@pytest.mark.parametrize(
    ("kind", "raw", "reading"),
    [
        pytest.param(
            *row,
            id=f"{row[0]}-{number}",
            marks=[pytest.mark.xfail(strict=False, reason="narrate breaks what hibari reads right")]
            if row[1] in BROKEN
            else [],
        )
        for number, row in enumerate(ROWS)
    ],
)
def test_narrate_keeps_what_hibari_reads_right(phonemes, kind: str, raw: str, reading: str) -> None:
    readings = {phonemes(text) for text in reading.split(ALTERNATIVES)}
    assert phonemes(raw) in readings, "premise: hibari reads the raw text right"
    produced = normalize_for_speech(raw, language="en")
    assert phonemes(produced) in readings | {phonemes(raw)}, produced
