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
        # currency codes, before or after the amount
        ("It cost USD 5.", "It cost 5 dollars."),
        ("USD 5 million", "5 million dollars"),
        ("USD 45,000 a year", "45,000 dollars a year"),
        ("EUR 12 for adults", "12 euros for adults"),
        ("GBP 3m", "3 million pounds"),
        ("CHF 1.2bn", "1.2 billion Swiss francs"),
        ("EUR 500m", "500 million euros"),
        ("JPY 1,200", "1,200 yen"),
        ("INR 500", "500 rupees"),
        ("Rs. 500", "500 rupees"),
        ("Rs 20 crore", "20 crore rupees"),
        ("CAD 1", "1 Canadian dollar"),
        ("USD 9.99", "9 dollars and 99 cents"),
        ("USD 5-10 million", "5 to 10 million dollars"),
        ("500 EUR", "500 euros"),
        ("2 million USD", "2 million dollars"),
        # prefixed symbols
        ("US$40 per user", "40 U.S dollars per user"),
        ("U.S$40", "40 U.S dollars"),
        ("C$250 million", "250 million Canadian dollars"),
        ("A$899", "899 Australian dollars"),
        ("NZ$5", "5 New Zealand dollars"),
        ("HK$3bn", "3 billion Hong Kong dollars"),
        ("S$10", "10 Singapore dollars"),
        ("R$50", "50 Brazilian reais"),
        ("₩5,000", "5,000 won"),
        ("₹500", "500 rupees"),
        # pence
        ("The bill rose by 50p a week.", "The bill rose by 50 pence a week."),
        ("1p", "1 penny"),
        ("2.5p a litre", "2.5 pence a litre"),
        ("1080p video", "1080p video"),
        # before a noun, the currency is an adjective
        ("NASA's $10bn telescope", "NASA's 10 billion dollar telescope"),
        ("a $5 fee", "a 5 dollar fee"),
        ("The $10 fee was waived.", "The 10 dollar fee was waived."),
        ("paid the £500 fine", "paid the 500 pound fine"),
        ("the $5 it cost", "the 5 dollars it cost"),
        ("He paid $5 for it", "He paid 5 dollars for it"),
    ],
}

test_step = step_test(STEP_CASES)
