"""Pauses and tidying: each step alone, on table-style cases."""

from __future__ import annotations

from narrate.text.normalize.punctuation import expand_dashes, expand_ellipses, tidy_punctuation
from tests.text.normalize.steps import step_test

STEP_CASES = {
    expand_ellipses: [
        ("It rained... Then", "It rained. Then"),
        ("It rained . . . then", "It rained, then"),
        ("Wait…what", "Wait, what"),
        ("Really...?", "Really?"),
        ("...and so", "and so"),
        ("He trailed off...", "He trailed off."),
        ("“Well...”", "“Well.”"),
    ],
    expand_dashes: [
        ("a — b", "a, b"),
        ("a—b", "a, b"),
        ("a – b", "a, b"),
        ("a - b", "a, b"),
        ("a -- b", "a, b"),
        ("— a", "a"),
        ("a —.", "a."),
        ("high-profile", "high-profile"),
        ("U.S-Mexico", "U.S-Mexico"),
    ],
    tidy_punctuation: [
        ("a  b", "a b"),
        ("a , b", "a, b"),
        ("a,, b", "a, b"),
        ("a, .", "a."),
        (", a", "a"),
        ("a,b", "a, b"),
        ("  a \n b  ", "a\nb"),
    ],
}

test_step = step_test(STEP_CASES)
