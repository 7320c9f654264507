"""Money: "$9.99" -> "9 dollars and 99 cents", "$3.5 million" -> "3.5 million dollars", "50¢", "50p".

Amounts are written with a currency symbol ("$", "£", "€", "¥", "₹"), a symbol with a country prefix
("US$40" -> "40 U.S dollars", "C$", "A$", "NZ$", "HK$", "S$", "R$" reais), or an ISO currency code
before or after them ("USD 5 million" -> "5 million dollars", "CHF 1.2bn" -> "1.2 billion Swiss
francs", "500 EUR"). Before a noun, after "a", "the" or a possessive, the currency is an adjective and
stays singular: "NASA's $10bn telescope" -> "NASA's 10 billion dollar telescope", "a $5 fee".

The amounts stay digits here; the number steps spell them later.
"""

from __future__ import annotations

import re
from typing import Final

from ._common import _MAX_NUMBER_DIGITS, _NUM

Names = tuple[str, str, "str | None", "str | None"]
"""A currency's words: one, many, and one and many of its hundredth ("dollar", "dollars", "cent",
"cents"); None where the hundredth is not said."""

CURRENCIES: Final[dict[str, Names]] = {
    "$": ("dollar", "dollars", "cent", "cents"),
    "£": ("pound", "pounds", "penny", "pence"),
    "€": ("euro", "euros", "cent", "cents"),
    "¥": ("yen", "yen", None, None),
    "₹": ("rupee", "rupees", None, None),
    "₩": ("won", "won", None, None),
    "₽": ("rouble", "roubles", None, None),
    "₦": ("naira", "naira", None, None),
    "₪": ("shekel", "shekels", None, None),
}
_CURRENCY_PREFIX: Final = {
    "US": "U.S", "U.S": "U.S", "C": "Canadian", "CA": "Canadian", "A": "Australian", "AU": "Australian",
    "NZ": "New Zealand", "HK": "Hong Kong", "S": "Singapore", "SG": "Singapore", "NT": "New Taiwan",
}  # fmt: skip
"""Prefixes of "$" that name the country's dollar ("C$" -> "Canadian dollars")."""
_PREFIXED: Final[dict[str, Names]] = {
    "R": ("Brazilian real", "Brazilian reais", "centavo", "centavos"),
    "MX": ("Mexican peso", "Mexican pesos", "centavo", "centavos"),
}
"""Prefixes of "$" that make it another currency ("R$" is the Brazilian real)."""

CURRENCY_CODES: Final[dict[str, Names]] = {
    "USD": CURRENCIES["$"], "EUR": CURRENCIES["€"], "GBP": CURRENCIES["£"], "JPY": CURRENCIES["¥"],
    "INR": CURRENCIES["₹"], "Rs": CURRENCIES["₹"], "CHF": ("Swiss franc", "Swiss francs", "centime", "centimes"),
    "CAD": ("Canadian dollar", "Canadian dollars", "cent", "cents"),
    "AUD": ("Australian dollar", "Australian dollars", "cent", "cents"),
    "NZD": ("New Zealand dollar", "New Zealand dollars", "cent", "cents"),
    "HKD": ("Hong Kong dollar", "Hong Kong dollars", "cent", "cents"),
    "SGD": ("Singapore dollar", "Singapore dollars", "cent", "cents"),
    "TWD": ("New Taiwan dollar", "New Taiwan dollars", None, None),
    "CNY": ("yuan", "yuan", None, None), "RMB": ("yuan", "yuan", None, None),
    "SEK": ("Swedish krona", "Swedish kronor", None, None), "NOK": ("Norwegian krone", "Norwegian kroner", None, None),
    "DKK": ("Danish krone", "Danish kroner", None, None), "ZAR": ("rand", "rand", "cent", "cents"),
    "BRL": _PREFIXED["R"], "MXN": _PREFIXED["MX"], "ARS": ("Argentine peso", "Argentine pesos", None, None),
    "KRW": CURRENCIES["₩"], "RUB": CURRENCIES["₽"], "NGN": CURRENCIES["₦"], "ILS": CURRENCIES["₪"],
    "PLN": ("zloty", "zlotys", None, None), "AED": ("dirham", "dirhams", None, None),
    "SAR": ("riyal", "riyals", None, None), "KES": ("Kenyan shilling", "Kenyan shillings", None, None),
    "EGP": ("Egyptian pound", "Egyptian pounds", None, None), "PKR": ("Pakistani rupee", "Pakistani rupees", None, None),
    "THB": ("baht", "baht", None, None), "IDR": ("rupiah", "rupiah", None, None), "VND": ("dong", "dong", None, None),
    "CZK": ("Czech koruna", "Czech korunas", None, None), "HUF": ("forint", "forints", None, None),
    "UAH": ("hryvnia", "hryvnias", None, None),
}  # fmt: skip
"""ISO 4217 codes (and "Rs" for rupees) read as the currency's name: "USD 5" -> "5 dollars"."""

_SCALES: Final = {"k": "thousand", "K": "thousand", "m": "million", "M": "million", "mn": "million",
                  "b": "billion", "B": "billion", "bn": "billion", "tn": "trillion", "T": "trillion"}  # fmt: skip
_SCALE: Final = (
    r"(?:(?:[ \t]|-)?(?P<scale{n}>hundred|thousand|million|billion|trillion|crore|lakh)(?![\w])"
    r"|(?P<short{n}>mn|bn|tn|[kKmMbBT])(?![\w-]))"
)
_AMOUNTS: Final = (
    rf"(?P<amount>{_NUM})(?:{_SCALE.format(n=1)})?"
    rf"(?:(?:[ \t]?[–-][ \t]?(?P=sym)?|[ \t]+to[ \t]+(?P=sym))(?P<amount2>{_NUM})(?:{_SCALE.format(n=2)})?)?"
    r"(?![\w]|[.,]\d)"
)
_MONEY: Final = re.compile(
    rf"(?<![\w$£€¥₹₩₽₦₪])(?P<prefix>U\.S|US|CA|AU|NZ|HK|SG|NT|MX|C|A|S|R)?(?P<sym>[$£€¥₹₩₽₦₪])[ \t]?{_AMOUNTS}"
)
_CODE: Final = "|".join(sorted(CURRENCY_CODES, key=len, reverse=True))
_CODE_FIRST: Final = re.compile(rf"(?<![\w$£€-])(?P<sym>{_CODE})\.?[ \t]?{_AMOUNTS}")
_CODE_AFTER: Final = re.compile(
    rf"(?<![\w.,$£€-])(?P<amount>{_NUM})(?:{_SCALE.format(n=1)})?[ \t](?P<code>{_CODE})(?![\w-])"
)
_CENTS: Final = re.compile(rf"(?<![\w.,])(?P<amount>{_NUM})[ \t]?¢")
_PENCE: Final = re.compile(r"(?<![\w.,£$€-])(?P<amount>\d{1,2}(?:\.\d+)?)p(?![\w'’-])")
"""Pence: "50p", "2.5p"; at most two digits, so that "720p" and "1080p" (video) are not money."""

_DETERMINER: Final = re.compile(
    r"(?:\b(?i:a|an|the|its|his|her|their|our|your|my|this|that|whose)|\w['’]s?)[ \t]+$"
)
_NOT_NOUNS: Final = frozenset(
    """
    a an the of in on at to for from by with and or but nor that which who whom it is was were are be been has had
    have will would could should may might can each per more less than last this next over under into since after
    before while when as so if said says he she they we you i his her their its our up down out off back too also
    only just now then still already yet ever never not no plus minus apiece annually monthly weekly daily a year
    month week day overall altogether total in all this
    """.split()
)
"""Words after an amount that are no noun it could qualify ("the $5 it cost", "a $5 a month fee")."""


def _is_adjective(text: str, start: int, end: int) -> bool:
    """Whether the amount at ``text[start:end]`` qualifies the noun after it ("a $5 fee", "NASA's
    $10bn telescope"): a determiner or possessive before it, a lower-case word after it."""
    after = re.match(r"[ \t]+([a-z][a-z-]*)\b", text[end : end + 40])
    if after is None or after.group(1) in _NOT_NOUNS:
        return False
    return _DETERMINER.search(text[max(0, start - 40) : start]) is not None


def _spoken(m: re.Match[str], names: Names, country: str, text: str) -> str:
    one, many, sub_one, sub_many = names
    amount, scale = m.group("amount"), m.group("scale1") or m.group("short1")
    amount2 = m.groupdict().get("amount2")
    scale2 = m.groupdict().get("scale2") or m.groupdict().get("short2")
    if amount2:
        scale = scale2 or scale
        scale_words = f" {_SCALES.get(scale, scale)}" if scale else ""
        return f"{amount} to {amount2}{scale_words} {country}{many}"
    adjective = _is_adjective(text, m.start(), m.end())
    if scale:
        return f"{amount} {_SCALES.get(scale, scale)} {country}{one if adjective else many}"
    whole, _, fraction = amount.partition(".")
    if fraction and len(fraction) == 2 and sub_one and len(whole) <= _MAX_NUMBER_DIGITS:
        units, cents = int(whole.replace(",", "") or 0), int(fraction)
        parts = []
        if units or not cents:
            parts.append(f"{whole} {country}{one if units == 1 else many}")
        if cents:
            parts.append(f"{cents} {sub_one if cents == 1 else sub_many}")
        return " and ".join(parts)
    return f"{amount} {country}{one if amount == '1' or adjective else many}"


def expand_money(text: str) -> str:
    """$3.5 million -> "3.5 million dollars"; $9.99 -> "9 dollars and 99 cents"; £5 -> "5 pounds";
    €200 -> "200 euros"; $5m, $2bn, $10k; $5-10 million -> "5 to 10 million dollars"; US$40 -> "40
    U.S dollars"; USD 5 million -> "5 million dollars"; CHF 1.2bn -> "1.2 billion Swiss francs"; 50p
    -> "50 pence". The numbers are spelled by the later number steps."""

    def symbol(m: re.Match[str]) -> str:
        prefix, sym = m.group("prefix"), m.group("sym")
        if prefix and sym == "$" and prefix in _PREFIXED:
            return _spoken(m, _PREFIXED[prefix], "", text)
        if prefix and (sym != "$" or prefix not in _CURRENCY_PREFIX):
            return m.group(0)
        country = _CURRENCY_PREFIX[prefix] + " " if prefix else ""
        return _spoken(m, CURRENCIES[sym], country, text)

    def code_after(m: re.Match[str]) -> str:
        one, many, _sub_one, _sub_many = CURRENCY_CODES[m.group("code")]
        amount, scale = m.group("amount"), m.group("scale1") or m.group("short1")
        scale_words = f" {_SCALES.get(scale, scale)}" if scale else ""
        return f"{amount}{scale_words} {one if amount == '1' and not scale else many}"

    text = _MONEY.sub(symbol, text)
    text = _CODE_FIRST.sub(lambda m: _spoken(m, CURRENCY_CODES[m.group("sym")], "", text), text)
    text = _CODE_AFTER.sub(code_after, text)
    text = _PENCE.sub(lambda m: f"{m.group('amount')} {'penny' if m.group('amount') == '1' else 'pence'}", text)
    return _CENTS.sub(lambda m: f"{m.group('amount')} {'cent' if m.group('amount') == '1' else 'cents'}", text)
