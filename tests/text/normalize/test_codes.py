"""Codes read digit by digit: phone numbers and numbers to call, ZIP codes, PINs, ISBNs, postcodes,
serial, flight and model numbers; each step alone, on table-style cases."""

from __future__ import annotations

import pytest

from narrate.text.normalize import normalize_for_speech
from narrate.text.normalize.codes import expand_codes, expand_phone_numbers, expand_serials
from tests.text.normalize.steps import step_test

STEP_CASES = {
    expand_phone_numbers: [
        # UK, US and international forms
        ("Call 020 7946 0018 now.", "Call zero two zero, seven nine four six, zero zero one eight now."),
        ("Ring 0800 123 456.", "Ring zero eight zero zero, one two three, four five six."),
        ("Call +44 20 7946 0958.", "Call plus four four, two zero, seven nine four six, zero nine five eight."),
        ("Call +44 (0)20 7946 0958.", "Call plus four four, two zero, seven nine four six, zero nine five eight."),
        ("Text 07700 900123 to vote.", "Text zero seven seven zero zero, nine zero zero one two three to vote."),
        ("The 0300 123 1234 line.", "The zero three zero zero, one two three, one two three four line."),
        ("Call +33 1 42 68 53 00.", "Call plus three three, one, four two, six eight, five three, zero zero."),
        ("Dial +1 202 555 0173.", "Dial plus one, two zero two, five five five, zero one seven three."),
        ("Samaritans can be contacted on 116 123.", "Samaritans can be contacted on one one six, one two three."),
        ("555-123-4567", "five five five, one two three, four five six seven"),
        ("(555) 123-4567", "five five five, one two three, four five six seven"),
        ("555-1234", "five five five, one two three four"),
        ("1-800-555-0199", "one, eight zero zero, five five five, zero one nine nine"),
        ("202.555.0173", "two zero two, five five five, zero one seven three"),
        # emergency and service numbers, next to a word of calling
        ("In an emergency, call 911.", "In an emergency, call nine one one."),
        ("Call 999 if it gets worse.", "Call nine nine nine if it gets worse."),
        ("Across Europe, dial 112 for help.", "Across Europe, dial one one two for help."),
        ("Call 111 for advice.", "Call one one one for advice."),
        ("Call police on 101.", "Call police on one zero one."),
        ("A 999 call was made.", "A nine nine nine call was made."),
        ("The 911 dispatcher answered.", "The nine one one dispatcher answered."),
        ("NHS 111 is busy.", "NHS one one one is busy."),
        ("Text 88088 to donate.", "Text eight eight zero eight eight to donate."),
        # not codes
        ("999 people came.", "999 people came."),
        ("It was built in 1999.", "It was built in 1999."),
        ("He called 999 times.", "He called 999 times."),
        ("The 911 victims were remembered.", "The 911 victims were remembered."),
        ("2012-2018", "2012-2018"),
        ("It rose by 2 020 points.", "It rose by 2 020 points."),
        ("In 2019 2,000 people came.", "In 2019 2,000 people came."),
        ("Call 10 people.", "Call 10 people."),
        ("He texted 999 friends.", "He texted 999 friends."),
        ("NHS 111 callers waited.", "NHS one one one callers waited."),
        ("Police received 911 calls.", "Police received nine one one calls."),
    ],
    expand_codes: [
        ("The office is in ZIP code 90210.", "The office is in ZIP code nine zero two one zero."),
        ("the 10001 ZIP code", "the one zero zero zero one ZIP code"),
        ("New York, NY 10001", "New York, NY one zero zero zero one"),
        ("zip 02139-1234", "zip zero two one three nine, one two three four"),
        ("Enter code 4921 at checkout.", "Enter code four nine two one at checkout."),
        ("The default PIN is 0000.", "The default PIN is zero zero zero zero."),
        ("PIN: 1234", "PIN: one two three four"),
        ("The door code is 1905.", "The door code is one nine zero five."),
        ("The area code 212 is old.", "The area code two one two is old."),
        ("reference number 55213", "reference number five five two one three"),
        ("Call extension 204.", "Call extension two zero four."),
        ("ISBN 978-0-14-044913-6", "ISBN nine seven eight, zero, one four, zero four four nine one three, six"),
        ("ISBN: 0-14-044913-X", "ISBN: zero, one four, zero four four nine one three, X"),
        (
            "The book 978-0-14-044913-6 is old.",
            "The book nine seven eight, zero, one four, zero four four nine one three, six is old.",
        ),
        ("London SW1A 1AA", "London S.W one A, one A.A"),
        ("Manchester M1 1AE", "Manchester M one, one A.E"),
        ("Birmingham B33 8TH", "Birmingham B thirty-three, eight T.H"),
        ("the postcode EC1A 1BB", "the postcode E.C one A, one B.B"),
        # not codes
        ("The code of conduct", "The code of conduct"),
        ("code 12", "code 12"),
        ("Section 230 of the code", "Section 230 of the code"),
    ],
    expand_serials: [
        ("Flight BA2490 was diverted.", "Flight B.A two four nine zero was diverted."),
        ("Flight EZY8421 landed.", "Flight E.Z.Y eight four two one landed."),
        ("MH370", "M.H three seven zero"),
        ("The RTX4090 card", "The R.T.X four zero nine zero card"),
        ("The A380 landed.", "The A-three eighty landed."),
        ("The Airbus A320 flew.", "The Airbus A-three twenty flew."),
        ("The A303 road", "The A-three oh three road"),
        ("A300", "A-three hundred"),
        ("The F-150 sells well.", "The F-one fifty sells well."),
        ("Boeing 737 Max jets", "Boeing seven three seven Max jets"),
        ("The Boeing 747 is old.", "The Boeing seven forty-seven is old."),
        ("Boeing 787-900", "Boeing seven eight seven nine hundred"),
        ("a 737 Max", "a seven three seven Max"),
        # left to the number steps
        ("The M25 was shut.", "The M25 was shut."),
        ("G7 leaders", "G7 leaders"),
        ("COVID-19", "COVID-19"),
        ("the 737 people", "the 737 people"),
        ("Flight 93", "Flight 93"),
    ],
}

test_step = step_test(STEP_CASES)


CODES_AFTER_A_WORD = [
    ("She read out her PIN, 4821, over the phone.", "She read out her PIN, four eight two one, over the phone."),
    ("The code: 5512 opens the gate.", "The code: five five one two opens the gate."),
    ("Enter PIN number 0000 to reset it.", "Enter PIN number zero zero zero zero to reset it."),
    ("The passcode 1234 was never changed.", "The passcode one two three four was never changed."),
    ("His password – 8812 – was leaked.", "His password, eight eight one two, was leaked."),
    ("The door code, 7710.", "The door code, seven seven one zero."),
    ("Her PIN: 0042.", "Her PIN: zero zero four two."),
    ("The passcode, 1999, was his birth year.", "The passcode, one nine nine nine, was his birth year."),
    ("Voters in the 90210 area backed it.", "Voters in the nine zero two one zero area backed it."),
    ("Homes in the 10001 area sold fast.", "Homes in the one zero zero zero one area sold fast."),
]
"""Codes set off from their word by a comma, colon or dash, and ZIP codes before "area", digit by digit."""


@pytest.mark.parametrize(("text", "expected"), CODES_AFTER_A_WORD)
def test_code_after_its_word(text: str, expected: str) -> None:
    assert normalize_for_speech(text, language="en") == expected


PHONES_WITH_BRACKETED_AREA_CODES = [
    ("Call (02) 9374 4000 now.", "Call zero two, nine three seven four, four zero zero zero now."),
    ("Ring (020) 7946 0018 today.", "Ring zero two zero, seven nine four six, zero zero one eight today."),
    ("Call (0161) 496 0000 for details.", "Call zero one six one, four nine six, zero zero zero zero for details."),
    (
        "The Melbourne office is on (03) 9123 4567.",
        "The Melbourne office is on zero three, nine one two three, four five six seven.",
    ),
    ("Brisbane: (07) 3000 1111.", "Brisbane: zero seven, three zero zero zero, one one one one."),
    ("Dial (0113) 496 0123.", "Dial zero one one three, four nine six, zero one two three."),
    ("Perth (08) 6555 1234 is open.", "Perth zero eight, six five five five, one two three four is open."),
    ("Call (01632) 960 001 for help.", "Call zero one six three two, nine six zero, zero zero one for help."),
    ("The number is (0121) 496 0999.", "The number is zero one two one, four nine six, zero nine nine nine."),
    (
        "Edinburgh's office, (0131) 496 0000, is shut.",
        "Edinburgh's office, zero one three one, four nine six, zero zero zero zero, is shut.",
    ),
]
"""Phone numbers with an area code starting with 0 in brackets, digit by digit in groups."""


@pytest.mark.parametrize(("text", "expected"), PHONES_WITH_BRACKETED_AREA_CODES)
def test_phone_with_bracketed_area_code(text: str, expected: str) -> None:
    assert normalize_for_speech(text, language="en") == expected


MAKERS_MODELS = [
    ("A Cessna 172 landed on the road.", "A Cessna one seventy-two landed on the road."),
    ("An Embraer 190 was diverted.", "An Embraer one ninety was diverted."),
    ("The Embraer 175 fleet is grounded.", "The Embraer one seventy-five fleet is grounded."),
    ("A Bell 206 helicopter crashed.", "A Bell two oh six helicopter crashed."),
    ("The Fokker 100 retired.", "The Fokker one hundred retired."),
    ("A Bombardier Challenger 350 jet.", "A Bombardier Challenger three fifty jet."),
    ("The Bombardier Global 7500 jet.", "The Bombardier Global seventy-five hundred jet."),
    ("An Airbus A320neo took off.", "An Airbus A-three twenty neo took off."),
    ("The Airbus A321XLR flies further.", "The Airbus A-three twenty-one X.L.R flies further."),
    ("A Boeing 737 MAX 9 lost a panel.", "A Boeing seven three seven MAX nine lost a panel."),
    ("A Porsche 911 and a Peugeot 208.", "A Porsche nine eleven and a Peugeot two oh eight."),
    ("Airbus 320 jobs were cut.", "Airbus three hundred twenty jobs were cut."),
]
"""A maker's model number, said in pairs as the maker says it."""


@pytest.mark.parametrize(("text", "expected"), MAKERS_MODELS)
def test_maker_model(text: str, expected: str) -> None:
    assert normalize_for_speech(text, language="en") == expected
