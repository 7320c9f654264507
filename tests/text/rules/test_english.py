"""The English rules are the ones narrate has always had: same names, same order, used by default
and for any language without rules of its own. Their cases are in tests/text/test_rules.py."""

from __future__ import annotations

from narrate.text.rules import DEFAULT_RULES, rules_for
from narrate.text.rules.english import RULES

NAMES_IN_ORDER = [
    "player-stub", "separator", "timestamp-labels", "byline", "date", "site-tag", "advertisement", "skip-link",
    "continue-reading", "paywall", "newsletter", "share", "click-to-tweet", "related", "tagged-link", "app-promo",
    "licensing", "correction-link", "provided-by", "cookie-notice", "personal-use", "copyright", "comments",
    "photo-credit", "related-headline",
]


def test_the_english_rules_keep_their_names_and_order() -> None:
    assert [rule.name for rule in RULES] == NAMES_IN_ORDER


def test_default_rules_are_the_english_rules() -> None:
    assert DEFAULT_RULES == rules_for("en") == rules_for(None) == rules_for("en-GB") == rules_for("EN_us")
    positions = [DEFAULT_RULES.index(rule) for rule in RULES]
    assert positions == sorted(positions)
