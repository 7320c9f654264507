"""Each normalisation step alone: a test module's table of cases becomes its ``test_step``."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from narrate.text.normalize import Step

Cases = dict[Step, list[tuple[str, str]]]
"""Each step with its (text, expected) pairs."""


def step_test(step_cases: Cases) -> Callable[[Step, str, str], None]:
    """The test of each step alone, one test per step and case, named after the step:
    ``test_step = step_test(STEP_CASES)`` in the test module of a kind."""

    @pytest.mark.parametrize(
        ("step", "text", "expected"),
        [(step, text, expected) for step, cases in step_cases.items() for text, expected in cases],
        ids=lambda value: value.__name__ if callable(value) else None,
    )
    def test_step(step: Step, text: str, expected: str) -> None:
        assert step(text) == expected

    return test_step
