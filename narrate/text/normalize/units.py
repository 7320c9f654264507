"""A number and what it measures: scale suffixes ("3.2M views", "12K likes", "2.4m followers"), percents
("12%", "41.6pc"), degrees ("30°C", "25-28C", "-3C") and units ("5 km", "6ft 2in", "1.5kg", "750 sq ft",
"PM2.5", "10×20"). The numbers stay digits here; the number steps spell them later.

The lowercase "m" after a number is a million or a metre: ``expand_scales`` decides from the words
around it ("2.4m followers", "population is 1.1m" against "3m high", "the 100m final") and leaves the
metres to ``expand_units``. "in" is an inch only where it cannot be the word "in": attached to the
number ("2in"), after a measure in feet ("6ft 2 in") or as an adjective ("a 15-in screen"); "1 in 4"
stays as it is.
"""

from __future__ import annotations

import re
from typing import Final

from ._common import _NUM, _WINDOW

# --------------------------------------------------------------------------------------------------
# Scale suffixes: 3.2M, 12K, 5k, 2.4m, 1.2bn (money is read before, by the money step)
# --------------------------------------------------------------------------------------------------

SCALES: Final = {
    "k": "thousand", "K": "thousand", "m": "million", "M": "million", "mn": "million", "mln": "million",
    "bn": "billion", "bln": "billion", "B": "billion", "tn": "trillion", "trn": "trillion",
}  # fmt: skip
"""Suffixes of a number that mean its scale: "3.2M" is "3.2 million"."""

_SCALE_SUFFIX: Final = re.compile(
    rf"(?<![\w.,$£€¥₹#@/])(?P<n>{_NUM})(?:(?P<suffix>mln|bln|trn|mn|bn|tn|[kKmMB])|[ \t](?P<spaced>mln|bln|mn|bn|tn))"
    r"(?![\w²³/]|[.,]\d|['’]\w)(?P<hyphen>-(?=[A-Za-z]))?"
)
METRE_AFTER: Final = frozenset(
    """
    tall high long wide deep thick away above below beneath under underground underwater across
    off offshore inland long-range square cubed by x sprint race final finals heat heats hurdles
    freestyle backstroke breaststroke butterfly medley relay dash event events record records mark
    swim run dive platform springboard wave waves swell swells drop fall rise span wingspan radius
    diameter length height depth altitude elevation tower mast wall fence yacht telescope dish
    """.split()
)
"""Words after "Nm" that make it metres ("3m high", "the 100m final")."""
_METRE_BEFORE: Final = re.compile(
    r"\b(?:height|heights|tall|taller|high|higher|deep|deeper|depth|depths|long|longer|length|wide|wider|width|"
    r"distance|altitude|elevation|measur\w*|metres?|meters?|swam|swim\w*|sprint\w*|jump\w*|jumped|vault\w*|"
    r"throw\w*|threw|dived?|diving|climb\w*|sea|wave|waves|tsunami|wall|tower|fence|cliff|runway|sank|"
    r"ran|race\w*|sprint\w*|pole|hurdles|freestyle|backstroke|breaststroke|butterfly|medley|relay)\b",
    re.IGNORECASE,
)
"""Words around "Nm" in the same sentence that make it metres ("a wave of 3m", "she jumped 2.05m", "6.2m
in the pole vault")."""
_ATHLETICS: Final = frozenset({"50", "60", "100", "110", "200", "400", "800", "1500", "1,500", "3000", "3,000",
                               "5000", "5,000", "10000", "10,000"})  # fmt: skip
_COUNT_NOUNS: Final = frozenset(
    """
    people persons children adults men women voters users viewers followers fans subscribers customers
    residents visitors tourists passengers households homes jobs workers staff employees patients
    cases deaths doses copies shares barrels tonnes tons downloads views likes streams listeners
    readers members students pupils migrants refugees troops soldiers animals birds trees vehicles
    cars units devices accounts votes signatures names records years
    """.split()
)
"""Nouns after "Nm" that make it a million ("12m people"), besides any plural ending in "s"."""
_K_AFTER: Final = frozenset({"run", "race", "runs", "races", "walk", "swim", "ride", "row", "challenge", "trail"})
_4K_AFTER: Final = frozenset(
    "tv tvs resolution display displays screen screens monitor monitors video videos footage camera cameras "
    "streaming content hdr uhd blu-ray gaming projector".split()
)


def _next_word(text: str, end: int) -> str:
    match = re.match(r"[ \t]*([A-Za-z][\w-]*)", text[end : end + _WINDOW])
    return match.group(1) if match else ""


def _sentence_before(text: str, start: int) -> str:
    before = text[max(0, start - _WINDOW) : start]
    return re.split(r"[.!?;\n](?:\s|$)", before)[-1]


def _is_metres(text: str, m: re.Match[str]) -> bool:
    """Whether the lowercase "m" after a number is metres rather than a million."""
    after = _next_word(text, m.end())
    if m.group("hyphen") or after.lower() in METRE_AFTER:
        return True
    if after.lower() in _COUNT_NOUNS or (after.islower() and len(after) > 3 and after.endswith("s")):
        return False
    n = m.group("n")
    if "," in n or (n.isdigit() and int(n) >= 1000):
        return True  # "8,848m", "1500m": heights and distances; millions that large are written "bn"
    if n in _ATHLETICS:
        return True  # "the 100m", "she ran 400m": a race; "100m people" is read above
    before = _sentence_before(text, m.start())
    rest = re.split(r"[.!?;\n](?:\s|$)", text[m.end() : m.end() + _WINDOW])[0]
    return _METRE_BEFORE.search(before) is not None or _METRE_BEFORE.search(rest) is not None


def expand_scales(text: str) -> str:
    """A number with a scale suffix: 3.2M views -> "3.2 million views"; 12K likes, 5k fans -> "12
    thousand likes", "5 thousand fans"; 2.4m followers, "population is 1.1m" -> "2.4 million"; 1.2bn,
    300 mn, 2tn. Left as written: metres ("3m high", "the 100m final", "8,848m"), a "5k run", a "4K
    TV", the company 3M."""

    def replace(m: re.Match[str]) -> str:
        suffix = m.group("suffix") or m.group("spaced")
        after = _next_word(text, m.end())
        if suffix == "m" and _is_metres(text, m):
            return m.group(0)
        if suffix == "k" and after.lower() in _K_AFTER:
            return m.group(0)
        if suffix == "K" and m.group("n") in ("1", "2", "4", "5", "8", "16") and after.lower() in _4K_AFTER:
            return m.group(0)
        if suffix == "M" and m.group("n") == "3":
            return m.group(0)  # 3M, the company
        if suffix == "B" and not (after.islower() and after.endswith("s")):
            return m.group(0)  # "Plan 2B"; "2B users" is two billion
        return f"{m.group('n')} {SCALES[suffix]}" + (" " if m.group("hyphen") else "")

    return _SCALE_SUFFIX.sub(replace, text)


# --------------------------------------------------------------------------------------------------
# Percents and degrees
# --------------------------------------------------------------------------------------------------

_PCT: Final = r"(?:%|pc(?![\w])|pct(?![\w])|per[ \t]cent(?![\w]))"
_PERCENT: Final = re.compile(
    rf"(?<![\w.,])(?P<a>{_NUM})(?:[ \t]?(?:–|-|to)[ \t]?(?P<b>{_NUM})[ \t]?(?:%|pc(?![\w]))?)?[ \t]?(?P<pct>{_PCT})"
)


def expand_percents(text: str) -> str:
    """12% -> "12 percent"; 3.5% -> "3.5 percent"; 5-10% -> "5 to 10 percent"; the British "41.6pc",
    "38 pc" and "pct" -> "percent"; "67 per cent" is left as written (it reads right)."""

    def replace(m: re.Match[str]) -> str:
        if m.group("pct").startswith("per"):
            if m.group("b"):
                return f"{m.group('a')} to {m.group('b')} {m.group('pct')}"
            return m.group(0)
        if m.group("b"):
            return f"{m.group('a')} to {m.group('b')} percent"
        return f"{m.group('a')} percent"

    return _PERCENT.sub(replace, text)


_MINUS: Final = r"(?P<minus>(?<![\w.,])[-−–])?"
_DEGREES: Final = re.compile(
    rf"(?<![\w.,]){_MINUS}(?P<n>{_NUM})"
    rf"(?:[ \t]?(?:–|-|to)[ \t]?(?P<minus2>[-−])?(?P<n2>{_NUM}))?"
    r"[ \t]?[°º][ \t]?(?P<scale>[CFK](?![\w]))?"
)
_BARE_DEGREES: Final = re.compile(
    rf"(?<![\w.,]){_MINUS}(?P<n>\d{{1,3}}(?:\.\d)?)"
    rf"(?:[ \t]?(?P<to>–|-|to)[ \t]?(?P<minus2>[-−])?(?P<n2>\d{{1,3}}(?:\.\d)?))?"
    r"(?P<scale>[CF])(?![\w'’-])"
)
_TEMPERATURE_WORDS: Final = re.compile(
    r"\b(?:temperatures?|temps?|degrees?|heat\w*|hot\w*|warm\w*|cold\w*|chill\w*|freez\w*|frost\w*|cool\w*|"
    r"mild|thermometer|mercury|forecast\w*|weather|highs?|lows?|overnight|swelter\w*|scorch\w*|balmy|"
    r"sunny|sunshine|rain|snow|climate|summer|winter|celsius|fahrenheit)\b",
    re.IGNORECASE,
)
_NOT_TEMPERATURE_BEFORE: Final = frozenset(
    """
    seat seats row flat apartment apt room suite gate platform block level floor terminal section unit
    form grade class year bus route highway article clause paragraph schedule annex category type vitamin
    size cup group pool box lot plot pier stand bay dock berth ward bed cell court exit junction page
    """.split()
)


def _degree_words(minus: str | None, n: str) -> str:
    return f"{'minus ' if minus else ''}{n} {'degree' if n == '1' and not minus else 'degrees'}"


def expand_degrees(text: str) -> str:
    """30°C -> "30 degrees Celsius"; -5 °F -> "minus 5 degrees Fahrenheit"; 45° -> "45 degrees";
    25-28°C -> "25 to 28 degrees Celsius". Without the degree sign where the words around make it a
    temperature: "reach 25-28C", "fell to -3C", "highs of 30C" -> "30 degrees Celsius"; "Seat 14F",
    "Flat 3C" are left alone."""

    def replace(m: re.Match[str]) -> str:
        scale = {"C": " Celsius", "F": " Fahrenheit", "K": " Kelvin"}.get(m.group("scale") or "", "")
        if m.group("n2"):
            first = f"{'minus ' if m.group('minus') else ''}{m.group('n')}"
            return f"{first} to {_degree_words(m.group('minus2'), m.group('n2'))}{scale}"
        return _degree_words(m.group("minus"), m.group("n")) + scale

    def bare(m: re.Match[str]) -> str:
        before = _sentence_before(text, m.start())
        previous = re.search(r"([A-Za-z]+)\W*$", before)
        if previous and previous.group(1).lower() in _NOT_TEMPERATURE_BEFORE:
            return m.group(0)
        context = before + text[m.end() : m.end() + _WINDOW // 2]
        if not (m.group("minus") or m.group("n2") or _TEMPERATURE_WORDS.search(context)):
            return m.group(0)
        limit = 60 if m.group("scale") == "C" else 140
        if any(float(n) > limit for n in (m.group("n"), m.group("n2")) if n):
            return m.group(0)
        return replace(m)

    text = _DEGREES.sub(replace, text)
    return _BARE_DEGREES.sub(bare, text)


# --------------------------------------------------------------------------------------------------
# Units
# --------------------------------------------------------------------------------------------------

UNITS: Final = {
    # length
    "km": ("kilometre", "kilometres"), "m": ("metre", "metres"), "cm": ("centimetre", "centimetres"),
    "mm": ("millimetre", "millimetres"), "nm": ("nanometre", "nanometres"),
    "mi": ("mile", "miles"), "yd": ("yard", "yards"), "yds": ("yard", "yards"), "ft": ("foot", "feet"),
    "in": ("inch", "inches"),
    # area and volume
    "km²": ("square kilometre", "square kilometres"), "km2": ("square kilometre", "square kilometres"),
    "m²": ("square metre", "square metres"), "m2": ("square metre", "square metres"),
    "m³": ("cubic metre", "cubic metres"), "m3": ("cubic metre", "cubic metres"),
    "sq ft": ("square foot", "square feet"), "sq m": ("square metre", "square metres"),
    "sq km": ("square kilometre", "square kilometres"), "sq mi": ("square mile", "square miles"),
    "sq in": ("square inch", "square inches"), "ft²": ("square foot", "square feet"),
    "ha": ("hectare", "hectares"),
    "l": ("litre", "litres"), "L": ("litre", "litres"), "ml": ("millilitre", "millilitres"),
    "mL": ("millilitre", "millilitres"), "cl": ("centilitre", "centilitres"),
    # weight
    "kg": ("kilogram", "kilograms"), "g": ("gram", "grams"), "mg": ("milligram", "milligrams"),
    "mcg": ("microgram", "micrograms"), "µg": ("microgram", "micrograms"), "μg": ("microgram", "micrograms"),
    "lb": ("pound", "pounds"), "lbs": ("pound", "pounds"), "oz": ("ounce", "ounces"),
    "µg/m³": ("microgram per cubic metre", "micrograms per cubic metre"),
    "µg/m3": ("microgram per cubic metre", "micrograms per cubic metre"),
    "μg/m³": ("microgram per cubic metre", "micrograms per cubic metre"),
    "μg/m3": ("microgram per cubic metre", "micrograms per cubic metre"),
    "ug/m3": ("microgram per cubic metre", "micrograms per cubic metre"),
    # speed
    "mph": ("mile per hour", "miles per hour"), "km/h": ("kilometre per hour", "kilometres per hour"),
    "kph": ("kilometre per hour", "kilometres per hour"), "m/s": ("metre per second", "metres per second"),
    "km/s": ("kilometre per second", "kilometres per second"), "mpg": ("mile per gallon", "miles per gallon"),
    # data
    "KB": ("kilobyte", "kilobytes"), "kB": ("kilobyte", "kilobytes"), "MB": ("megabyte", "megabytes"),
    "GB": ("gigabyte", "gigabytes"), "TB": ("terabyte", "terabytes"), "PB": ("petabyte", "petabytes"),
    "kbps": ("kilobit per second", "kilobits per second"), "Kbps": ("kilobit per second", "kilobits per second"),
    "Mbps": ("megabit per second", "megabits per second"), "Gbps": ("gigabit per second", "gigabits per second"),
    "Mb/s": ("megabit per second", "megabits per second"), "Gb/s": ("gigabit per second", "gigabits per second"),
    # frequency, power, energy
    "Hz": ("hertz", "hertz"), "kHz": ("kilohertz", "kilohertz"),
    "MHz": ("megahertz", "megahertz"), "GHz": ("gigahertz", "gigahertz"),
    "W": ("watt", "watts"), "kW": ("kilowatt", "kilowatts"), "MW": ("megawatt", "megawatts"),
    "GW": ("gigawatt", "gigawatts"), "kWh": ("kilowatt hour", "kilowatt hours"),
    "MWh": ("megawatt hour", "megawatt hours"), "GWh": ("gigawatt hour", "gigawatt hours"),
    "TWh": ("terawatt hour", "terawatt hours"), "V": ("volt", "volts"), "kV": ("kilovolt", "kilovolts"),
    "mAh": ("milliamp hour", "milliamp hours"), "hp": ("horsepower", "horsepower"),
    "bhp": ("brake horsepower", "brake horsepower"), "kcal": ("kilocalorie", "kilocalories"),
    "dB": ("decibel", "decibels"), "ppm": ("part per million", "parts per million"),
    "ppb": ("part per billion", "parts per billion"),
    # time
    "hrs": ("hour", "hours"), "hr": ("hour", "hours"), "mins": ("minute", "minutes"),
    "min": ("minute", "minutes"), "secs": ("second", "seconds"), "sec": ("second", "seconds"),
    "ms": ("millisecond", "milliseconds"),
}  # fmt: skip
"""Units after a number, singular and plural. hibari reads "5 km" as "five kilometres", but once the
number is a word ("five km") it spells the unit ("five K M"), so units are expanded here too."""
_ATTACHED_ONLY: Final = frozenset({"in", "l", "L", "W", "V", "ms", "nm"})
"""Units read only when written against the number ("2in", "1.5l", "60W"), never after a space,
where they are words ("1 in 4") or letters ("Plan 4 V")."""

_UNIT_NAMES: Final = "|".join(re.escape(u).replace(r"\ ", r"[ \t]") for u in sorted(UNITS, key=len, reverse=True))
_UNIT: Final = re.compile(
    rf"(?<![\w.,])(?P<n>{_NUM})(?P<space>[ \t]|-(?=[A-Za-zµμ]))?(?P<unit>{_UNIT_NAMES})"
    r"(?![\w/²³]|[.,]\d|['’]\w)"
)
_FEET_INCHES: Final = re.compile(
    rf"(?<![\w.,])(?P<ft>{_NUM})[ \t]?(?:ft|feet|foot)\.?[ \t]+(?P<in>\d{{1,2}}(?:\.\d+)?)[ \t]?(?:in|inches|inch)\b\.?"
    r"(?!\w)|(?<![\w.,'’])(?P<ft2>[3-8])['’′][ \t]?(?P<in2>\d|1[01])(?:[\"”″]|'')?(?![\w'’.]|,\d)"
)
_PARTICULATES: Final = re.compile(r"\bPM[ \t]?(?P<size>2\.5|10|1)(?![\w]|[.,]\d)")
_DIMENSIONS: Final = re.compile(r"(?<=\d)[ \t]?[×x][ \t]?(?=\d)")


def _unit_words(n: str, unit: str, *, adjective: bool = False) -> str:
    one, many = UNITS[unit]
    return f"{n} {one if n == '1' or adjective else many}"


_AFTER_SCALE: Final = re.compile(
    r"\b(?P<scale>hundred|thousand|million|billion|trillion)(?P<space>[ \t]|-(?=[A-Za-zµμ]))"
    rf"(?P<unit>{_UNIT_NAMES})(?![\w/²³]|[.,]\d|['’]\w)"
)
"""A unit after a scale word, which the scale step writes for "6.5bn km" ("6.5 billion km"), "3 million km"."""


def expand_units(text: str) -> str:
    """5 km -> "5 kilometres"; 1 kg -> "1 kilogram"; 60 mph, 120 km/h; 1.5kg -> "1.5 kilograms";
    6ft 2in and 6'2" -> "6 feet 2 inches"; 750 sq ft; 40mm; 3m -> "3 metres" (the millions are read
    before, by ``expand_scales``); a 15-in screen, a 5-km race, a 60W bulb -> "15 inch", "5
    kilometre", "60 watt" (a unit joined by a hyphen, or after "a", is an adjective; "5kg bags" keeps
    the plural); PM2.5 -> "PM 2.5"; sizes: 10×20 and 4x4 -> "10 by 20",
    "4 by 4"; after a scale word, the plural: "6.5 billion km" (from "6.5bn km"), "40 million miles", "1.2
    billion kWh" -> "6.5 billion kilometres", "1.2 billion kilowatt hours". "in" is an inch only against its
    number ("2in"), never in "1 in 4"."""

    def feet_inches(m: re.Match[str]) -> str:
        feet, inches = m.group("ft") or m.group("ft2"), m.group("in") or m.group("in2")
        return f"{_unit_words(feet, 'ft')} {_unit_words(inches, 'in')}"

    def replace(m: re.Match[str]) -> str:
        unit, space = m.group("unit"), m.group("space")
        unit_key = re.sub(r"[ \t]+", " ", unit)
        if unit_key in _ATTACHED_ONLY and space in (" ", "\t"):
            return m.group(0)
        if unit_key == "in" and space == "-" and not re.match(r"[ \t]+[a-z]", text[m.end() : m.end() + 3]):
            return m.group(0)  # "1-in-4", "a 2-in"
        adjective = (
            space == "-"
            or re.match(r"-[A-Za-z]", text[m.end() : m.end() + 2]) is not None
            or re.search(r"(?:^|\W)(?:[Aa]n?)[ \t]+$", text[max(0, m.start() - 4) : m.start()]) is not None
        )
        return _unit_words(m.group("n"), unit_key, adjective=adjective)

    def after_scale(m: re.Match[str]) -> str:
        unit = re.sub(r"[ \t]+", " ", m.group("unit"))
        if unit in _ATTACHED_ONLY or unit == "m":
            return m.group(0)  # "a million in cash", "2 million m" is too rare to tell from "m" for million
        one, many = UNITS[unit]
        return f"{m.group('scale')} {one if m.group('space') == '-' else many}"  # "a 2 million-km road": adjective

    text = _PARTICULATES.sub(lambda m: f"PM {m.group('size')}", text)
    text = _AFTER_SCALE.sub(after_scale, text)
    text = _FEET_INCHES.sub(feet_inches, text)
    text = _DIMENSIONS.sub(" by ", text)
    return _UNIT.sub(replace, text)
