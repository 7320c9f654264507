"""Boilerplate rules, table-driven: lines that must go (with the rule that takes them) and near
misses that must stay, each inside a small article."""

from __future__ import annotations

import pytest

from narrate.errors import ConfigError
from narrate.text.clean import clean_text
from narrate.text.rules import DEFAULT_RULES, RuleSpec, compile_rules, is_dateline, parse_date

BOILERPLATE = [
    ("Getting your Trinity Audio player ready...", "player-stub"),
    ("Getting your BeyondWords player ready…", "player-stub"),
    ("Listen to this article", "player-stub"),
    ("Listen to this article · 4 min", "player-stub"),
    ("Loading audio narration", "player-stub"),
    ("Powered by BeyondWords", "player-stub"),
    ("Voiced by Amazon Polly", "player-stub"),
    ("|", "separator"),
    ("* * *", "separator"),
    ("———", "separator"),
    ("PUBLISHED: | UPDATED:", "timestamp-labels"),
    ("BY: NATHANIEL BALLANTYNE", "byline"),
    ("By Jane Doe and John Roe", "byline"),
    ("Written by: Ana María Pérez", "byline"),
    ("By Phil Helsel, Staff Writer", "byline"),
    ("March 30, 2021", "date"),
    ("30 March 2021", "date"),
    ("2021-03-30", "date"),
    ("Published: Tue, Mar. 30, 2021", "date"),
    ("Updated on 3/30/2021", "date"),
    ("March 30, 2021 / 5:02 PM / Updated 2 years ago", "date"),
    ("Published 3:04 PM EST, Tue March 30, 2021", "date"),
    ("TRUENEWSREPORT", "site-tag"),
    ("Advertisement", "advertisement"),
    ("Skip Advertisement", "advertisement"),
    ("ADVERTISEMENT", "advertisement"),
    ("Skip to content", "skip-link"),
    ("Skip to main content", "skip-link"),
    ("Continue reading the main story", "continue-reading"),
    ("Subscribe to continue reading", "paywall"),
    ("Already a subscriber?", "paywall"),
    ("Already a subscriber? Sign in", "paywall"),
    ("Sign up for our newsletter and get the day's news", "newsletter"),
    ("Sign up for The Morning newsletter from the New York Times", "newsletter"),
    ("Share on X (Opens in new window)", "share"),
    ("Print (Opens in new window)", "share"),
    ("Share on Facebook", "share"),
    ("Link copied", "share"),
    ("Ferries are the backbone of the bay. Click To Tweet", "click-to-tweet"),
    ("Related: Council approves the new bridge", "related"),
    ("RELATED ARTICLES", "related"),
    ("Read more:", "related"),
    ("Read next", "related"),
    ("SEE MORE: Ferry timetables for the winter", "related"),
    ("DON'T MISS", "related"),
    ("Council votes to save the ferry [VIDEO]", "tagged-link"),
    ("Why the yard is four years late [INSIGHT]", "tagged-link"),
    ("CLICK HERE TO GET THE HARBOURWATCH APP", "app-promo"),
    ("Read in app", "app-promo"),
    ("Purchase Licensing Rights", "licensing"),
    ("Suggest a correction", "correction-link"),
    ("Provided by Harbour Media Group", "provided-by"),
    ("We use cookies to improve your experience on our site.", "cookie-notice"),
    ("Privacy preference center", "cookie-notice"),
    ("This copy is for your personal, non-commercial use only.", "personal-use"),
    ("© 2021 Harbourwatch Media. All rights reserved.", "copyright"),
    ("Copyright 2026 The Bay Press", "copyright"),
    ("0 Comments", "comments"),
    ("Loading comments...", "comments"),
    ("Photo: Jane Roe/AP", "photo-credit"),
    ("(Getty Images)", "photo-credit"),
    ("Photo by Ana Lee on Unsplash", "photo-credit"),
    ("FERRY CREW SAYS THE ENGINE WILL NOT LAST ANOTHER WINTER", "related-headline"),
    ("WHY THE FERRY IS LATE: A TIMELINE", "related-headline"),
]

NEAR_MISSES = [
    "By the time the ferry arrived, the crowd had gone.",
    "Byzantine rules kept the boat in port.",
    "March was the busiest month in 2021, officials said.",
    "Sign up was slow, the council said.",
    "She signed up for a newsletter about boats in 2019.",
    "WASHINGTON (Reuters) - The vote was close.",
    "NEW YORK (AP) — Ferry fares will rise in May.",
    "The NASA budget was cut.",
    "2021",
    "Share prices fell after the vote.",
    "Advertisement revenue rose by a third last year.",
    "Related research suggests that ferries reduce traffic.",
    "Read more books, the librarian said.",
    "Comments from passengers were mostly positive.",
    "Copyright law protects the ferry's name, a lawyer said.",
    "Photo albums from 1998 show the ferry new.",
    "Continue reading the minutes, the chair told the council.",
    "More from the ferry company is expected on Friday.",
    "Provided by the city, the boat runs at a loss.",
    "We use ferries every day, said one commuter.",
    "Listen to this: the engine is older than the captain.",
    "The vote was 7-4.",
    "Print media covered the vote closely.",
]

HEADINGS_KEPT = ["HIGH PROFILE PROSECUTION", "NISSAN SENTRA", "A FLEET RUNNING ON BORROWED TIME"]


def _article(line: str) -> str:
    return f"The first paragraph of the article is here.\n{line}\nThe last paragraph of the article.\n"


@pytest.mark.parametrize("line, rule", BOILERPLATE)
def test_boilerplate_line_is_removed_by_its_rule(line: str, rule: str) -> None:
    article = clean_text(_article(line) if rule != "site-tag" else f"{line}\nBody one.\nBody two.", title="t")
    assert [(r.text, r.rule) for r in article.removed] == [(line, rule)]
    assert line not in article.spoken_text


def test_there_are_enough_cases() -> None:
    assert len(BOILERPLATE) >= 40 and len(NEAR_MISSES) >= 20
    assert {rule for _, rule in BOILERPLATE} >= {r.name for r in DEFAULT_RULES}


@pytest.mark.parametrize("line", NEAR_MISSES)
def test_near_miss_is_spoken(line: str) -> None:
    article = clean_text(_article(line), title="t")
    assert line in article.spoken_text
    assert article.removed == []


@pytest.mark.parametrize("line", HEADINGS_KEPT)
def test_all_caps_subheading_is_a_section(line: str) -> None:
    article = clean_text(_article(line), title="t")
    assert article.sections == [line]


@pytest.mark.parametrize(
    "text, iso",
    [
        ("March 30, 2021", "2021-03-30"),
        ("Tue, Mar. 30, 2021 10:30 a.m. ET", "2021-03-30"),
        ("30.03.2021", "2021-03-30"),
        ("2021-03-30T10:00:00Z", "2021-03-30"),
        ("Updated 2 years ago", None),
        ("The 3rd of May", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_dateline_must_hold_only_a_date() -> None:
    assert is_dateline("PUBLISHED: March 30, 2021 at 5:00 a.m. | UPDATED: March 31, 2021")
    assert not is_dateline("March 30, 2021 was the day the ferry stopped.")


def test_byline_roles_are_cleaned() -> None:
    article = clean_text(_article("By Phil Helsel, Staff Writer").replace("The first", "X", 0), title="t")
    assert article.author == "Phil Helsel"


def test_user_rules_come_first_and_defaults_can_be_disabled() -> None:
    rules = compile_rules(
        disable=["date"],
        extra=[
            RuleSpec("harbour-promo", r"(?i)visit the harbour shop.*"),
            RuleSpec("desk", r"Desk: (?P<value>.+)", action="author"),
        ],
    )
    text = "Desk: Ana Lee\nMarch 30, 2021\nBody one.\nVisit the harbour shop today!\nBody two."
    article = clean_text(text, title="t", rules=rules)
    assert article.author == "Ana Lee"
    assert article.date is None and "March 30, 2021" in article.spoken_text
    assert [r.rule for r in article.removed] == ["desk", "harbour-promo"]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"disable": ["nope"]}, "config: unknown rule 'nope' in 'disable'"),
        ({"extra": [RuleSpec("x", "(")]}, "config: rule 'x': bad pattern"),
        ({"extra": [RuleSpec("x", "a", action="keep")]}, "config: rule 'x': action must be drop, author, date or site, not 'keep'"),
        ({"extra": [RuleSpec("x", "By (.+)", action="author")]}, "config: rule 'x': an 'author' rule needs a group named value"),
    ],
)
def test_bad_rule_config_is_a_one_line_error(kwargs: dict, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        compile_rules(**kwargs)
    assert str(caught.value).startswith(message)
