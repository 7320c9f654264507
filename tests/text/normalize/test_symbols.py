"""Ampersands and the symbols left over: each step alone, on table-style cases."""

from __future__ import annotations

from narrate.text.normalize.symbols import expand_ampersands, expand_symbols
from tests.text.normalize.steps import step_test

STEP_CASES = {
    expand_ampersands: [
        ("AT&T", "A.T and T"),
        ("R&D", "R and D"),
        ("S&P 500", "S and P 500"),
        ("Q&A", "Q&A"),
        ("Smith & Wesson", "Smith and Wesson"),
        ("rock&roll", "rock and roll"),
    ],
    expand_symbols: [
        ("a + b", "a plus b"),
        ("~5", "about 5"),
        ("±2", " plus or minus 2"),
        ("3 × bigger", "3 times bigger"),
        ("x = y", "x equals y"),
        ("5 %", "5 percent"),
        ("@home", "at home"),
    ],
}

test_step = step_test(STEP_CASES)
