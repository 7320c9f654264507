"""A number and what it measures: percents ("12%"), degrees ("30°C") and units ("5 km", "60 mph",
"10×20"). The numbers stay digits here; the number steps spell them later."""

from __future__ import annotations

import re
from typing import Final

from ._common import _NUM

_PERCENT: Final = re.compile(rf"(?<![\w.,])(?P<a>{_NUM})(?:[ \t]?(?:–|-|to)[ \t]?(?P<b>{_NUM})[ \t]?%?)?[ \t]?%")


def expand_percents(text: str) -> str:
    """12% -> "12 percent"; 3.5% -> "3.5 percent"; 5-10% -> "5 to 10 percent"."""

    def replace(m: re.Match[str]) -> str:
        if m.group("b"):
            return f"{m.group('a')} to {m.group('b')} percent"
        return f"{m.group('a')} percent"

    return _PERCENT.sub(replace, text)


_DEGREES: Final = re.compile(rf"(?<![\w.,])(?P<minus>[-−])?(?P<n>{_NUM})[ \t]?[°º][ \t]?(?P<scale>[CFK](?![\w]))?")


def expand_degrees(text: str) -> str:
    """30°C -> "30 degrees Celsius"; -5 °F -> "minus 5 degrees Fahrenheit"; 45° -> "45 degrees"."""

    def replace(m: re.Match[str]) -> str:
        n = m.group("n")
        words = f"{'minus ' if m.group('minus') else ''}{n} {'degree' if n == '1' else 'degrees'}"
        scale = {"C": " Celsius", "F": " Fahrenheit", "K": " Kelvin"}.get(m.group("scale") or "", "")
        return words + scale

    return _DEGREES.sub(replace, text)


UNITS: Final = {
    "km": ("kilometer", "kilometers"), "cm": ("centimeter", "centimeters"),
    "mm": ("millimeter", "millimeters"), "kg": ("kilogram", "kilograms"),
    "mg": ("milligram", "milligrams"), "ml": ("milliliter", "milliliters"),
    "mph": ("mile per hour", "miles per hour"), "km/h": ("kilometer per hour", "kilometers per hour"),
    "kph": ("kilometer per hour", "kilometers per hour"), "lb": ("pound", "pounds"),
    "lbs": ("pound", "pounds"), "oz": ("ounce", "ounces"), "ft": ("foot", "feet"),
    "sq ft": ("square foot", "square feet"), "mi": ("mile", "miles"), "yd": ("yard", "yards"),
    "KB": ("kilobyte", "kilobytes"), "MB": ("megabyte", "megabytes"), "GB": ("gigabyte", "gigabytes"),
    "TB": ("terabyte", "terabytes"), "Hz": ("hertz", "hertz"), "kHz": ("kilohertz", "kilohertz"),
    "MHz": ("megahertz", "megahertz"), "GHz": ("gigahertz", "gigahertz"),
    "kW": ("kilowatt", "kilowatts"), "kWh": ("kilowatt hour", "kilowatt hours"),
    "MW": ("megawatt", "megawatts"), "GW": ("gigawatt", "gigawatts"),
    "hrs": ("hour", "hours"), "hr": ("hour", "hours"), "mins": ("minute", "minutes"),
    "min": ("minute", "minutes"), "sec": ("second", "seconds"),
}  # fmt: skip
"""Units after a number. hibari reads "5 km" as "five kilometers", but once the number is a word
("five km") it spells the unit ("five K M"), so units are expanded here too."""
_UNIT: Final = re.compile(
    rf"(?<![\w.,])(?P<n>{_NUM})[ \t]?(?P<unit>"
    + "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
    + r")(?![\w/])"
)


_DIMENSIONS: Final = re.compile(r"(?<=\d)[ \t]?[×x][ \t]?(?=\d)")


def expand_units(text: str) -> str:
    """5 km -> "5 kilometers"; 1 kg -> "1 kilogram"; 60 mph -> "60 miles per hour"; sizes:
    10×20 and 4x4 -> "10 by 20", "4 by 4"."""

    def replace(m: re.Match[str]) -> str:
        one, many = UNITS[m.group("unit")]
        return f"{m.group('n')} {one if m.group('n') == '1' else many}"

    text = _DIMENSIONS.sub(" by ", text)
    return _UNIT.sub(replace, text)
