"""Money: each step alone, on table-style cases."""

from __future__ import annotations

from narrate.text.normalize.money import expand_money
from tests.text.normalize.steps import step_test

STEP_CASES = {
    expand_money: [
        ("$3.5 million", "3.5 million dollars"),
        ("$9.99", "9 dollars and 99 cents"),
        ("$1", "1 dollar"),
        ("$0.01", "1 cent"),
        ("$1.00", "1 dollar"),
        ("£9.99", "9 pounds and 99 pence"),
        ("€3.5 million", "3.5 million euros"),
        ("$5m", "5 million dollars"),
        ("$1 T-shirt", "1 dollar T-shirt"),
        ("$5-10 million", "5 to 10 million dollars"),
        ("$5 to $10", "5 to 10 dollars"),
        ("US$5", "5 U.S dollars"),
        ("¥500", "500 yen"),
        ("50¢", "50 cents"),
        ("A$AP", "A$AP"),
    ],
}

test_step = step_test(STEP_CASES)
