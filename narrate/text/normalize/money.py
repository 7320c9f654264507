"""Money: "$9.99" -> "9 dollars and 99 cents", "$3.5 million" -> "3.5 million dollars", "50¢".

The amounts stay digits here; the number steps spell them later.
"""

from __future__ import annotations

import re
from typing import Final

from ._common import _MAX_NUMBER_DIGITS, _NUM

CURRENCIES: Final = {
    "$": ("dollar", "dollars", "cent", "cents"),
    "£": ("pound", "pounds", "penny", "pence"),
    "€": ("euro", "euros", "cent", "cents"),
    "¥": ("yen", "yen", None, None),
    "₹": ("rupee", "rupees", None, None),
}
_CURRENCY_PREFIX: Final = {"US": "U.S", "C": "Canadian", "A": "Australian", "NZ": "New Zealand", "HK": "Hong Kong"}
_SCALES: Final = {"k": "thousand", "K": "thousand", "m": "million", "M": "million", "mn": "million",
                  "b": "billion", "B": "billion", "bn": "billion", "tn": "trillion", "T": "trillion"}  # fmt: skip
_SCALE: Final = (
    r"(?:(?:[ \t]|-)?(?P<scale{n}>hundred|thousand|million|billion|trillion)(?![\w])"
    r"|(?P<short{n}>mn|bn|tn|[kKmMbBT])(?![\w-]))"
)
_MONEY: Final = re.compile(
    rf"(?<![\w$£€¥₹])(?P<prefix>US|C|A|NZ|HK)?(?P<sym>[$£€¥₹])[ \t]?(?P<amount>{_NUM})"
    rf"(?:{_SCALE.format(n=1)})?"
    rf"(?:(?:[ \t]?[–-][ \t]?(?P=sym)?|[ \t]+to[ \t]+(?P=sym))(?P<amount2>{_NUM})(?:{_SCALE.format(n=2)})?)?"
    r"(?![\w]|[.,]\d)"
)
_CENTS: Final = re.compile(rf"(?<![\w.,])(?P<amount>{_NUM})[ \t]?¢")


def expand_money(text: str) -> str:
    """$3.5 million -> "3.5 million dollars"; $9.99 -> "9 dollars and 99 cents"; £5 -> "5 pounds";
    €200 -> "200 euros"; $5m, $2bn, $10k; $5-10 million -> "5 to 10 million dollars". The numbers
    are spelled by the later number steps."""

    def replace(m: re.Match[str]) -> str:
        one, many, sub_one, sub_many = CURRENCIES[m.group("sym")]
        prefix = _CURRENCY_PREFIX[m.group("prefix")] + " " if m.group("prefix") and m.group("sym") == "$" else ""
        if m.group("prefix") and not prefix:
            return m.group(0)
        amount, scale = m.group("amount"), m.group("scale1") or m.group("short1")
        amount2, scale2 = m.group("amount2"), m.group("scale2") or m.group("short2")
        if amount2:
            scale = scale2 or scale
            scale_words = f" {_SCALES.get(scale, scale)}" if scale else ""
            return f"{amount} to {amount2}{scale_words} {prefix}{many}"
        if scale:
            return f"{amount} {_SCALES.get(scale, scale)} {prefix}{many}"
        whole, _, fraction = amount.partition(".")
        if fraction and len(fraction) == 2 and sub_one and len(whole) <= _MAX_NUMBER_DIGITS:
            units, cents = int(whole.replace(",", "") or 0), int(fraction)
            parts = []
            if units or not cents:
                parts.append(f"{whole} {prefix}{one if units == 1 else many}")
            if cents:
                parts.append(f"{cents} {sub_one if cents == 1 else sub_many}")
            return " and ".join(parts)
        return f"{amount} {prefix}{one if amount == '1' else many}"

    text = _MONEY.sub(replace, text)
    return _CENTS.sub(lambda m: f"{m.group('amount')} {'cent' if m.group('amount') == '1' else 'cents'}", text)
