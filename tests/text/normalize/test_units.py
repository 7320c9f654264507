"""Scale suffixes, percents, degrees and units: each step alone, on table-style cases, and each kind
through the whole English pipeline."""

from __future__ import annotations

import pytest

from narrate.text.normalize import normalize_for_speech
from narrate.text.normalize.units import expand_degrees, expand_percents, expand_scales, expand_units
from tests.text.normalize.steps import step_test

STEP_CASES = {
    expand_scales: [
        ("3.2M views", "3.2 million views"),
        ("12K likes", "12 thousand likes"),
        ("5k fans", "5 thousand fans"),
        ("2.4m followers", "2.4 million followers"),
        ("The county's population is 1.1m.", "The county's population is 1.1 million."),
        ("approx. 12m people", "approx. 12 million people"),
        ("1.2bn people", "1.2 billion people"),
        ("a 300 mn budget", "a 300 million budget"),
        ("2B users", "2 billion users"),
        ("The wall is 3m.", "The wall is 3m."),
        ("a 3m-high wall", "a 3m-high wall"),
        ("the 100m final", "the 100m final"),
        ("she won the 400m in", "she won the 400m in"),
        ("Everest is 8,848m", "Everest is 8,848m"),
        ("He cleared 6.2m in the pole vault.", "He cleared 6.2m in the pole vault."),
        ("She ran 100m in 10.5 seconds.", "She ran 100m in 10.5 seconds."),
        ("The club paid 40m for him.", "The club paid 40 million for him."),
        ("a 5k run", "a 5k run"),
        ("a 4K TV", "a 4K TV"),
        ("3M shares fell", "3M shares fell"),
        ("Plan 2B", "Plan 2B"),
    ],
    expand_percents: [
        ("12%", "12 percent"),
        ("3.5 %", "3.5 percent"),
        ("5-10%", "5 to 10 percent"),
        ("41.6pc", "41.6 percent"),
        ("38 pc", "38 percent"),
        ("4.1pc,", "4.1 percent,"),
        ("5-10pc", "5 to 10 percent"),
        ("2.5 pct", "2.5 percent"),
        ("67 per cent", "67 per cent"),
        ("5 to 10 per cent", "5 to 10 per cent"),
        ("−0.5 %", "−0.5 percent"),
        ("a pc", "a pc"),
    ],
    expand_degrees: [
        ("30°C", "30 degrees Celsius"),
        ("-5 °F", "minus 5 degrees Fahrenheit"),
        ("1°", "1 degree"),
        ("−3°C", "minus 3 degrees Celsius"),
        ("25-28°C", "25 to 28 degrees Celsius"),
        ("Temperatures will reach 25-28C.", "Temperatures will reach 25 to 28 degrees Celsius."),
        ("It fell to -3C overnight", "It fell to minus 3 degrees Celsius overnight"),
        ("highs of 30C", "highs of 30 degrees Celsius"),
        ("a heatwave of 104F", "a heatwave of 104 degrees Fahrenheit"),
        ("limit warming to 1.5C", "limit warming to 1.5 degrees Celsius"),
        ("Seat 14F", "Seat 14F"),
        ("Flat 3C was hot", "Flat 3C was hot"),
        ("Room 4C", "Room 4C"),
        ("He lives at 12C", "He lives at 12C"),
    ],
    expand_units: [
        ("5 km", "5 kilometres"),
        ("1 kg", "1 kilogram"),
        ("60mph", "60 miles per hour"),
        ("5 kmh", "5 kmh"),
        ("a 10×20 room, a 4x4", "a 10 by 20 room, a 4 by 4"),
        ("6ft 2in tall", "6 feet 2 inches tall"),
        ("6 ft 2 in", "6 feet 2 inches"),
        ("5'11\" tall", "5 feet 11 inches tall"),
        ("1 in 4 adults", "1 in 4 adults"),
        ("a 1-in-4 chance", "a 1-in-4 chance"),
        ("a 15in laptop", "a 15 inch laptop"),
        ("a 15-in screen", "a 15 inch screen"),
        ("a 5-km race", "a 5 kilometre race"),
        ("1.5kg", "1.5 kilograms"),
        ("5kg bags", "5 kilograms bags"),
        ("750 sq ft", "750 square feet"),
        ("40mm of rain", "40 millimetres of rain"),
        ("120 km/h", "120 kilometres per hour"),
        ("3m high", "3 metres high"),
        ("a 3m-high wall", "a 3 metre-high wall"),
        ("50 m²", "50 square metres"),
        ("2 km2", "2 square kilometres"),
        ("256GB", "256 gigabytes"),
        ("3,000 kWh", "3,000 kilowatt hours"),
        ("a 60W bulb", "a 60 watt bulb"),
        ("a 90-min match", "a 90 minute match"),
        ("200 ha of forest", "200 hectares of forest"),
        ("35µg/m3", "35 micrograms per cubic metre"),
        ("PM2.5 levels", "PM 2.5 levels"),
        ("PM10.", "PM 10."),
        ("1.5l of water", "1.5 litres of water"),
        ("5 l", "5 l"),
        ("100 g of flour", "100 grams of flour"),
        ("100g", "100 grams"),
        ("5G", "5G"),
    ],
}

test_step = step_test(STEP_CASES)


SENTENCES = [
    # scale suffixes
    ("The video has 3.2M views.", "The video has three point two million views."),
    ("The clip got 12K likes.", "The clip got twelve thousand likes."),
    ("More than 5k fans signed up.", "More than five thousand fans signed up."),
    ("The account has 2.4m followers.", "The account has two point four million followers."),
    ("The county's population is 1.1m.", "The county's population is one point one million."),
    (
        "Super Bowl LVIII drew 123.7m viewers.",
        "Super Bowl Fifty-Eight drew one hundred twenty-three point seven million viewers.",
    ),
    ("Some 1.2bn people lack power.", "Some one point two billion people lack power."),
    ("The firm is valued at $1.2bn.", "The firm is valued at one point two billion dollars."),
    ("Profits rose 41.6pc to £8.1m.", "Profits rose forty-one point six percent to eight point one million pounds."),
    ("The tsunami wave was 3m high.", "The tsunami wave was three metres high."),
    ("He ran a 5k run.", "He ran a five k run."),
    # percents
    ("Sales were up 41.6pc on last year.", "Sales were up forty-one point six percent on last year."),
    ("The approval rating dropped to 38 pc.", "The approval rating dropped to thirty-eight percent."),
    (
        "Unemployment fell to 4.1pc, the lowest since 2008.",
        "Unemployment fell to four point one percent, the lowest since two thousand eight.",
    ),
    ("Growth was −0.5 % in the third quarter.", "Growth was minus zero point five percent in the third quarter."),
    ("Shares rose +3.5% on Monday.", "Shares rose plus three point five percent on Monday."),
    ("Turnout reached 67 per cent.", "Turnout reached sixty-seven per cent."),
    ("Rents rose 5-10pc.", "Rents rose five to ten percent."),
    ("Inflation hit 2.5 pct.", "Inflation hit two point five percent."),
    ("Only 8% agreed.", "Only eight percent agreed."),
    ("The poll has a margin of ±3%.", "The poll has a margin of plus or minus three percent."),
    # degrees
    ("Temperatures will reach 25-28C.", "Temperatures will reach twenty-five to twenty-eight degrees Celsius."),
    ("Temperatures fell to -3C overnight.", "Temperatures fell to minus three degrees Celsius overnight."),
    ("Temperatures fell to -3°C overnight.", "Temperatures fell to minus three degrees Celsius overnight."),
    ("It was 72°F in New York.", "It was seventy-two degrees Fahrenheit in New York."),
    ("The thermometer showed -7 °F.", "The thermometer showed minus seven degrees Fahrenheit."),
    ("Highs of 30C are expected.", "Highs of thirty degrees Celsius are expected."),
    ("The heat hit 104F in Phoenix.", "The heat hit one hundred four degrees Fahrenheit in Phoenix."),
    ("Warming must stay below 1.5C.", "Warming must stay below one point five degrees Celsius."),
    ("It was −12°C in Oslo.", "It was minus twelve degrees Celsius in Oslo."),
    ("She sat in Seat 14F.", "She sat in Seat fourteen F."),
    # units
    ("The suspect is described as 6ft 2in tall.", "The suspect is described as six feet two inches tall."),
    ("He is 5'11\" tall.", "He is five feet eleven inches tall."),
    ("The car was travelling at 120 km/h.", "The car was travelling at one hundred twenty kilometres per hour."),
    ("The parcel weighed 1.5kg.", "The parcel weighed one point five kilograms."),
    ("PM2.5 levels were twice the safe limit.", "PM two point five levels were twice the safe limit."),
    ("The flat measures 750 sq ft.", "The flat measures seven hundred fifty square feet."),
    ("The storm dropped 40mm of rain.", "The storm dropped forty millimetres of rain."),
    ("One in 4 adults, 1 in 10 children.", "One in four adults, one in ten children."),
    ("It has a 15-in screen.", "It has a fifteen inch screen."),
    ("The speed limit is 20mph.", "The speed limit is twenty miles per hour."),
    ("The tower is 300m tall.", "The tower is three hundred metres tall."),
    ("The phone has 256GB of storage.", "The phone has two hundred fifty-six gigabytes of storage."),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_sentence(text: str, expected: str) -> None:
    assert normalize_for_speech(text, language="en") == expected


UNITS_AFTER_SCALES = [
    ("The probe has travelled 6.5bn km.", "The probe has travelled six point five billion kilometres."),
    ("It used 1.2bn kWh last year.", "It used one point two billion kilowatt hours last year."),
    ("The comet is 40m miles away.", "The comet is forty million miles away."),
    ("It flew 3 million km.", "It flew three million kilometres."),
    ("They sold 5 million lbs of beef.", "They sold five million pounds of beef."),
    ("It stored 10 million GB of data.", "It stored ten million gigabytes of data."),
    ("They planted 2 thousand ha of forest.", "They planted two thousand hectares of forest."),
    ("Offices of 2 billion sq ft stand empty.", "Offices of two billion square feet stand empty."),
    ("A 2 million-km journey.", "A two million kilometre journey."),
    ("Some 300bn kWh of power.", "Some three hundred billion kilowatt hours of power."),
    ("A million in cash.", "A million in cash."),
]
"""A unit after a scale word, in full and plural."""


@pytest.mark.parametrize(("text", "expected"), UNITS_AFTER_SCALES)
def test_unit_after_scale(text: str, expected: str) -> None:
    assert normalize_for_speech(text, language="en") == expected
