"""Codes: digit strings that are not quantities, read as a careful narrator reads them.

* Phone numbers, digit by digit in their groups, a comma (a short pause) between groups: "020 7946
  0018" -> "zero two zero, seven nine four six, zero zero one eight"; "+44 20 7946 0958" -> "plus
  four four, two zero, …"; (555) 123-4567, 555-123-4567, 1-800-555-0199, 555-1234. A group of digits
  is taken for a phone number when it starts with "+", when it is grouped as US numbers are, when it
  starts with "0" and has the length of a phone number (also with the area code in brackets: "(02)
  9374 4000", "(0161) 496 0000"), or when a word such as "call", "ring",
  "dial", "text", "helpline" or "contacted on" comes just before it ("116 123").
* Emergency and service numbers (911, 999, 112, 111, 101) after such a word or before "call",
  "operator", "service" …: "call 999" -> "call nine nine nine", "a 911 call"; "999 people", "in
  1999", "£911" are left to the number steps.
* ZIP codes ("ZIP code 90210", "the 10001 ZIP code", "NY 10001", "the 90210 area"), PINs and codes
  ("code 4921", "PIN 0000", "the door code is 1905", "reference number 5521", "her PIN, 4821,", "the
  code: 5512"), ISBNs, digit by digit.
* UK postcodes: "SW1A 1AA" -> "S.W one A, one A.A".
* Serial numbers: letters and three or four digits ("BA2490", "EZY8421") as letters and digits
  ("B.A two four nine zero"); one letter and three digits as aircraft and models are said ("A380"
  -> "A-three eighty", "F-150" -> "F-one fifty", "A320neo" -> "A-three twenty neo"); a maker's
  three-digit model as the maker says it ("Cessna 172" -> "one seventy-two", "Embraer 190", "Porsche
  911" -> "nine eleven"); a Boeing as digits ("737" -> "seven three
  seven", but "747" -> "seven forty-seven").

Letters to be spelled are written with dots between them ("B.A", "S.W"), as the initialisms step
writes them. The digits are written as words here, so that no later step reads them as a number or
a year.
"""

from __future__ import annotations

import re
from typing import Final

from ._common import _WINDOW, _cardinal, _digits, _year

_CALL_WORDS: Final = (
    r"call|calls|calling|called|dial|dials|dialled|dialed|dialling|dialing|ring|rings|ringing|rang|"
    r"text|texts|texting|texted|phone|phones|phoned|phoning|contact|contacted|reached|reach|helpline|hotline|"
    r"number|numbers|tel|telephone|fax|freephone|whatsapp|sms|line"
)
_CALLED: Final = re.compile(rf"(?i)\b(?:{_CALL_WORDS})\b(?:[ \t]+[\w'’]+){{0,3}}?[ \t]*(?:on|at|:)?[ \t]*$")
"""A word of calling just before a number, at most three words away ("call the police on 101")."""

EMERGENCY: Final = frozenset({"911", "999", "112", "111", "101", "988", "000", "211", "311", "411", "811", "119"})
"""Emergency and service numbers, read digit by digit next to a word of calling."""
_SERVICE_AFTER: Final = re.compile(
    r"[ \t]+(?:emergency[ \t]+)?(?:calls?|callers?|operators?|dispatchers?|dispatch|services?|lines?|numbers?|"
    r"hotlines?|handlers?|centres?|centers?|system)\b",
    re.IGNORECASE,
)
_SERVICE_BEFORE: Final = re.compile(r"\b(?:NHS|police|dial|on)[ \t]+$", re.IGNORECASE)
_COUNTED: Final = re.compile(
    r"[ \t]+(?!(?:is|was|has|his|its|as|this|thus|does|goes|us|yes|plus)\b)"
    r"(?:times|people|persons|children|men|women|others|[a-z]+[^su\W]s)\b"
)
"""A count after the number ("texted 999 friends", "called 300 voters"): then it is no number to call."""

# --------------------------------------------------------------------------------------------------
# Phone numbers
# --------------------------------------------------------------------------------------------------

_PHONE: Final = re.compile(
    r"(?<![\w.,+/$£€¥₹-])(?P<plus>\+[ \t]?)?"
    r"(?P<body>\(?\d{1,5}\)?(?:(?:[ .-]|\)[ \t]?)\(?\d{1,6}\)?){0,6})"
    r"(?![\w-]|[.,]\d|[ \t]?%)"
)
_US_SHAPES: Final = ((3, 4), (3, 3, 4), (1, 3, 3, 4))


def _is_phone(text: str, m: re.Match[str], groups: list[str]) -> bool:
    body = m.group("body")
    total = sum(len(g) for g in groups)
    seps = set(re.sub(r"[\d()]", "", body).replace(" ", " "))
    if m.group("plus"):
        return 7 <= total <= 15 and len(groups) >= 2
    shape = tuple(len(g) for g in groups)
    if body.startswith("(") and shape[-2:] in ((3, 4),) and len(shape) in (3, 4):
        return True
    if seps and seps <= {"-"} and shape in _US_SHAPES:
        return True
    if seps and seps <= {"."} and shape == (3, 3, 4):
        return True
    if re.match(r"\(0\d{1,4}\)", body) and len(groups) >= 2 and 8 <= total <= 12:
        return True  # an area code starting with 0 in brackets: "(02) 9374 4000", "(0161) 496 0000"
    if len(groups) >= 2 and seps <= {" ", "-"} and groups[0].startswith("0") and 9 <= total <= 12:
        return len(groups[0]) >= 3
    if len(groups) >= 2 and seps <= {" ", "-"} and 5 <= total <= 15 and all(len(g) >= 2 for g in groups[1:]):
        return _CALLED.search(text[max(0, m.start() - _WINDOW) : m.start()]) is not None
    return False


def _is_code_after_call(text: str, m: re.Match[str], digits: str) -> bool:
    """One group of digits that is a number to call: "call 999", "a 911 call", "text 88088"."""
    before = text[max(0, m.start() - _WINDOW) : m.start()]
    after = text[m.end() : m.end() + _WINDOW]
    if digits in EMERGENCY and _SERVICE_AFTER.match(after):
        return True
    if _COUNTED.match(after):
        return False
    if digits in EMERGENCY:
        return _SERVICE_BEFORE.search(before) is not None or _CALLED.search(before) is not None
    if len(digits) >= 5 or (digits.startswith("0") and len(digits) >= 3):
        return _CALLED.search(before) is not None and not re.match(r"[ \t]?(?:[.,]\d|%)", after)
    return False


def expand_phone_numbers(text: str) -> str:
    """Phone numbers and numbers to call, digit by digit in their groups: "020 7946 0018" -> "zero
    two zero, seven nine four six, zero zero one eight"; "+1 202 555 0173" -> "plus one, two zero
    two, …"; (555) 123-4567; 555-1234; "call 999" -> "call nine nine nine"."""

    def replace(m: re.Match[str]) -> str:
        groups = [g for g in re.findall(r"\d+", m.group("body"))]
        if m.group("plus") and "(0)" in m.group("body"):
            groups = [g for i, g in enumerate(groups) if not (g == "0" and i > 0)]
        if len(groups) == 1:
            if m.group("plus") or not _is_code_after_call(text, m, groups[0]):
                return m.group(0)
            return _digits(groups[0])
        if not _is_phone(text, m, groups):
            return m.group(0)
        spoken = ", ".join(_digits(g) for g in groups)
        return ("plus " if m.group("plus") else "") + spoken

    return _PHONE.sub(replace, text)


# --------------------------------------------------------------------------------------------------
# ZIP codes, PINs, ISBNs, postcodes
# --------------------------------------------------------------------------------------------------

_CODE_WORDS: Final = (
    r"(?:ZIP|zip|Zip)(?:[ -]?codes?)?|zipcodes?|postcodes?|postal[ \t]+codes?|(?i:codes?)|PINs?|(?i:pin[ \t]+numbers?)|"
    r"passcodes?|passwords?|OTP|[Ee]xtension|[Ee]xt\.?|(?:serial|reference|ref|account|case|tracking|policy|registration|membership|order|"
    r"booking|confirmation|badge|customer|flight|route|model|part|product|patient|prisoner|inmate)[ \t]+(?:numbers?|no\.?|codes?)"
)
_AFTER_CODE_WORD: Final = re.compile(
    rf"(?<![\w-])(?P<word>{_CODE_WORDS})"
    r"(?P<gap>(?:[ \t]+(?:is|was|are|were|reads|of|number))*[ \t]*(?P<mark>[:,–—-])?[ \t]*)"
    r"(?P<n>\d{3,10}(?:-\d{4})?)(?![\w-]|[.,]\d)"
)
"""A code after its word, also set off by a colon, comma or dash: "PIN 0000", "the code: 5512", "her PIN,
4821,", "passcode – 1234"."""
_PERSONAL_CODE: Final = re.compile(r"(?i)PINs?|pin[ \t]+numbers?|passcodes?|passwords?|OTP")
_BEFORE_ZIP: Final = re.compile(
    r"(?<![\w.,-])(?P<n>\d{5}(?:-\d{4})?)(?=[ \t]+(?:ZIP|zip|Zip)\b)"
    r"|(?<=\b(?:the|The)[ \t])(?P<area>\d{5})(?=[ \t]+(?:area|areas|neighbou?rhoods?|district|postcode)\b)"
)
"""A ZIP code before "ZIP" ("the 10001 ZIP code"), or before "area" after "the" ("the 90210 area")."""
_US_STATES: Final = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|"
    "OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
)
_STATE_ZIP: Final = re.compile(rf"(?<=,[ \t])(?P<state>{_US_STATES})[ \t]+(?P<n>\d{{5}}(?:-\d{{4}})?)(?![\w-]|[.,]\d)")
_ISBN: Final = re.compile(
    r"(?P<label>\bISBN(?:-1[03])?:?[ \t]*)(?P<n>(?:\d[- ]?){8,12}[\dXx])(?![\w-])"
    r"|(?<![\w.,-])(?P<bare>97[89]-\d{1,5}-\d{1,7}-\d{1,7}-[\dX])(?![\w-])"
)
_POSTCODE: Final = re.compile(r"(?<![\w.-])(?P<out>[A-Z]{1,2}\d[A-Z\d]?)[ \t](?P<in>\d[A-Z]{2})(?![\w-])")


def _code_digits(code: str) -> str:
    """A code's digit groups digit by digit, a comma between groups: "10001-1234"."""
    return ", ".join(_digits(part) for part in re.split(r"[- ]", code) if part)


def _letters(letters: str) -> str:
    """Letters to be spelled, with dots between them: "BA" -> "B.A"."""
    return ".".join(letters)


def _outward(part: str) -> str:
    """The first half of a UK postcode: "SW1A" -> "S.W one A"; "B33" -> "B thirty-three"."""
    m = re.fullmatch(r"([A-Z]+)(\d+)([A-Z]?)", part)
    if m is None:
        return part
    letters, number, tail = m.groups()
    return " ".join(p for p in (_letters(letters), _cardinal(int(number)), tail) if p)


def expand_codes(text: str) -> str:
    """ZIP codes, PINs and codes, ISBNs and UK postcodes, digit by digit: "ZIP code 90210" -> "ZIP
    code nine zero two one zero"; "PIN is 0000" -> "PIN is zero zero zero zero"; "978-0-14-044913-6" ->
    "nine seven eight, zero, one four, …"; "SW1A 1AA" -> "S.W one A, one A.A"."""

    def isbn(m: re.Match[str]) -> str:
        if m.group("bare"):
            return _code_digits(m.group("bare"))
        number = m.group("n").upper()
        parts = [_digits(p) if p != "X" else "X" for p in re.findall(r"\d+|X", number)]
        return m.group("label") + ", ".join(parts)

    def after_word(m: re.Match[str]) -> str:
        n, mark = m.group("n"), m.group("mark")
        if mark and mark != ":":
            set_off = re.match(r"[ \t]*(?:[,.;:)!?–—]|$)", text[m.end() : m.end() + 3]) is not None
            year = len(n) == 4 and 1800 <= int(n) <= 2099 and not _PERSONAL_CODE.fullmatch(m.group("word"))
            if not set_off or year:
                return m.group(0)  # "the code, 2024 edition"; "Highway Code - 1931,"
        return m.group("word") + m.group("gap") + _code_digits(n)

    text = _ISBN.sub(isbn, text)
    text = _AFTER_CODE_WORD.sub(after_word, text)
    text = _BEFORE_ZIP.sub(lambda m: _code_digits(m.group("n") or m.group("area")), text)
    text = _STATE_ZIP.sub(lambda m: f"{m.group('state')} {_code_digits(m.group('n'))}", text)
    return _POSTCODE.sub(
        lambda m: f"{_outward(m.group('out'))}, {_digits(m.group('in')[0])} {_letters(m.group('in')[1:])}", text
    )


# --------------------------------------------------------------------------------------------------
# Serial numbers, flights, aircraft
# --------------------------------------------------------------------------------------------------

_LETTERS_DIGITS: Final = re.compile(r"(?<![\w.@#/-])(?P<letters>[A-Z]{2,3})(?P<n>\d{3,4})(?![\w]|[.,]\d)")
_LETTER_MODEL: Final = re.compile(
    r"(?<![\w.@#/-])(?P<letter>[A-Z])(?P<hyphen>-?)(?P<n>[1-9]\d\d)(?P<suffix>neo|ceo|X?LR|XWB)?(?![\w]|[.,]\d|-\d)"
)
_MAKERS: Final = (
    r"Cessna|Embraer|Bombardier|Beechcraft|Beech|Piper|Fokker|Learjet|Gulfstream|Sukhoi|Superjet|Tupolev|"
    r"Ilyushin|Antonov|Airbus|Dash|ATR|Pilatus|Cirrus|Dassault|Falcon|Robinson|Sikorsky|Bell|Agusta|"
    r"AgustaWestland|Leonardo|Saab|Lockheed|Douglas|Avro|BAe|Comac|COMAC|Mitsubishi|Dornier|Jetstream|Yakovlev|"
    r"Challenger|Global|Citation|Phenom|Praetor|Legacy|Caravan|Porsche|Peugeot|Ferrari|Fiat|Volvo|Mazda"
)
_MAKER_MODEL: Final = re.compile(
    rf"(?P<maker>\b(?:{_MAKERS})[ \t]+)(?P<n>[1-9]\d\d|[1-9]\d00)(?P<suffix>neo|ceo)?(?![\w]|[.,]\d|-\d|[ \t]?%)"
)
"""A maker's three-digit model number, said as pairs: "Cessna 172" -> "one seventy-two", "Embraer 190",
"Porsche 911" -> "nine eleven", "Peugeot 208" -> "two oh eight"; four digits only in hundreds: "Global
7500" -> "seventy-five hundred"."""
_BOEING: Final = re.compile(
    r"(?P<maker>\bBoeing[ \t]+)(?P<n>7[0-8]7)(?P<variant>-[1-9]00)?(?![\w]|[.,]\d)"
    r"|(?<![\w.,$£€-])(?P<n2>7[0-8]7)(?P<variant2>-[1-9]00)?(?=[ \t]+(?:Max|MAX|Dreamliners?|jets?|jumbos?|planes?|"
    r"aircraft|airliners?|freighters?)\b)"
)


def _pair(digits: str) -> str:
    """Two digits as said after a model's first digit: "80" -> "eighty", "07" -> "oh seven",
    "00" -> "hundred"."""
    if digits == "00":
        return "hundred"
    if digits.startswith("0"):
        return "oh " + _digits(digits[1])
    return _cardinal(int(digits))


def _model_number(digits: str) -> str:
    """Three digits of a model: "380" -> "three eighty"; "300" -> "three hundred"."""
    return f"{_digits(digits[0])} {_pair(digits[1:])}"


def expand_serials(text: str) -> str:
    """Serial, flight and model numbers: "BA2490" -> "B.A two four nine zero"; "EZY8421" -> "E.Z.Y
    eight four two one"; "A380" -> "A-three eighty"; "F-150" -> "F-one fifty"; "Boeing 737" ->
    "Boeing seven three seven"; "747" -> "seven forty-seven". Shorter ones ("M25", "G7", "F-35")
    are left to the number steps ("M twenty-five")."""

    def boeing(m: re.Match[str]) -> str:
        n = m.group("n") or m.group("n2")
        variant = m.group("variant") or m.group("variant2")
        spoken = "seven forty-seven" if n == "747" else _digits(n)
        if variant:
            spoken += f" {_cardinal(int(variant[1:]))}"
        return (m.group("maker") or "") + spoken

    def letters_digits(m: re.Match[str]) -> str:
        n = m.group("n")
        number = _year(int(n)) if len(n) == 4 and 1900 <= int(n) <= 2099 else _digits(n)
        return f"{_letters(m.group('letters'))} {number}"

    def maker_model(m: re.Match[str]) -> str:
        n = m.group("n")
        if not m.group("suffix") and _COUNTED.match(text[m.end() : m.end() + _WINDOW]):
            return m.group(0)  # "Airbus 320 jobs": a count
        spoken = f"{_cardinal(int(n[:2]))} hundred" if len(n) == 4 else _model_number(n)
        return m.group("maker") + spoken + (f" {m.group('suffix')}" if m.group("suffix") else "")

    def letter_model(m: re.Match[str]) -> str:
        suffix = m.group("suffix") or ""
        if suffix and suffix.isupper():
            suffix = _letters(suffix)  # "A321XLR" -> "X.L.R"
        return f"{m.group('letter')}-{_model_number(m.group('n'))}" + (f" {suffix}" if suffix else "")

    text = _BOEING.sub(boeing, text)
    text = _MAKER_MODEL.sub(maker_model, text)
    text = _LETTERS_DIGITS.sub(letters_digits, text)
    return _LETTER_MODEL.sub(letter_model, text)
