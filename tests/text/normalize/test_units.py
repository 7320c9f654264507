"""Percents, degrees and units: each step alone, on table-style cases."""

from __future__ import annotations

from narrate.text.normalize.units import expand_degrees, expand_percents, expand_units
from tests.text.normalize.steps import step_test

STEP_CASES = {
    expand_percents: [("12%", "12 percent"), ("3.5 %", "3.5 percent"), ("5-10%", "5 to 10 percent")],
    expand_degrees: [("30°C", "30 degrees Celsius"), ("-5 °F", "minus 5 degrees Fahrenheit"), ("1°", "1 degree")],
    expand_units: [
        ("5 km", "5 kilometers"),
        ("1 kg", "1 kilogram"),
        ("60mph", "60 miles per hour"),
        ("5 kmh", "5 kmh"),
        ("a 10×20 room, a 4x4", "a 10 by 20 room, a 4 by 4"),
    ],
}

test_step = step_test(STEP_CASES)
