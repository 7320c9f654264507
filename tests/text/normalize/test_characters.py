"""Characters and spaces: each step alone, on table-style cases."""

from __future__ import annotations

from narrate.text.normalize.characters import normalize_spaces, remove_control_characters
from tests.text.normalize.steps import step_test

STEP_CASES = {
    remove_control_characters: [
        ("a\x00b", "a b"),
        ("a\u200bb\u00adc", "abc"),
        ("a\r\nb\rc\u2028d", "a\nb\nc\nd"),
        ("tab\there", "tab here"),
    ],
    normalize_spaces: [("a\u00a0b", "a b"), ("a \u2009 b", "a b"), ("a\nb", "a\nb")],
}

test_step = step_test(STEP_CASES)
