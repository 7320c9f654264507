"""Boilerplate rules, table-driven: lines that must go (with the rule that takes them) and near
misses that must stay, each inside a small article."""

from __future__ import annotations

import pytest

from narrate.errors import ConfigError
from narrate.text.clean import clean_text
from narrate.text.rules import (
    DEFAULT_RULES,
    LANGUAGES,
    RuleSpec,
    compile_rules,
    is_dateline,
    parse_date,
    primary_subtag,
    rules_for,
)

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


# --- languages ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tag, primary",
    [("es", "es"), ("pt-BR", "pt"), ("es_419", "es"), ("DE-at", "de"), ("fil", "fil"), ("", ""), ("123", ""), (None, "")],
)
def test_primary_subtag(tag: str | None, primary: str) -> None:
    assert primary_subtag(tag) == primary


def test_rules_for_a_regional_tag_are_the_languages() -> None:
    assert rules_for("pt-BR") == rules_for("pt") != rules_for("en")
    assert rules_for("fr-CA") == rules_for("fr")
    assert set(LANGUAGES) == {"en", "es", "fr", "de", "pt", "it"}


def test_every_language_uses_the_same_names_for_the_same_kinds() -> None:
    kinds = {"player-stub", "byline", "date", "related", "newsletter", "paywall", "cookie-notice", "share",
             "comments", "photo-credit", "copyright", "advertisement", "continue-reading", "skip-link"}
    for language in LANGUAGES:
        assert kinds <= {rule.name for rule in rules_for(language)}, language


def test_disable_names_a_rule_in_any_language() -> None:
    rules = compile_rules(disable=["byline", "follow"], language="es")
    assert "byline" not in {r.name for r in rules}
    text = "Primer párrafo.\nPor Ana García\nSíguenos en Instagram\nÚltimo párrafo."
    article = clean_text(text, title="t", rules=rules)
    assert article.author is None and "Por Ana García" in article.spoken_text
    compile_rules(disable=["follow", "reading-time"])  # Spanish-only names are known in English too


def test_compile_rules_for_a_language() -> None:
    assert compile_rules(language="de") == rules_for("de")
    assert compile_rules() == DEFAULT_RULES


def test_a_users_date_rule_reads_dates_the_languages_way() -> None:
    rules = compile_rules(extra=[RuleSpec("fecha", r"Fecha: (?P<value>.+)", action="date")], language="es")
    article = clean_text("Fecha: 03/12/2024\nPrimer párrafo.\nSegundo párrafo.", title="t", rules=rules)
    assert article.date == "2024-12-03"


def test_parse_date_and_is_dateline_take_a_language() -> None:
    assert parse_date("12 de marzo de 2024", "es") == "2024-03-12"
    assert parse_date("03/12/2024") == "2024-03-12" and parse_date("03/12/2024", "fr") == "2024-12-03"
    assert is_dateline("Aktualisiert am 12.03.2024 um 10:45 Uhr", "de")
    assert not is_dateline("Aktualisiert am 12.03.2024 um 10:45 Uhr")


def test_clean_text_takes_the_rules_of_its_language() -> None:
    text = "Primer párrafo del artículo.\nLee también: El puerto bate su récord\nÚltimo párrafo."
    assert clean_text(text, title="t").removed == []
    assert [r.rule for r in clean_text(text, title="t", language="es").removed] == ["related"]
