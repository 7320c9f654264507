"""Cleaning: boilerplate out, metadata aside, paragraphs and headings kept, every line accounted for."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from narrate.errors import InputError
from narrate.models import BlockKind
from narrate.text.clean import DEFAULT_RULES, clean_text


def _spoken(path: Path) -> str:
    return clean_text(path.read_text(encoding="utf-8")).spoken_text


def test_seed_spoken_text_has_no_boilerplate(seed_article: Path) -> None:
    spoken = _spoken(seed_article)
    assert "Trinity Audio" not in spoken
    assert "BY:" not in spoken
    assert "TRUENEWSREPORT" not in spoken
    assert not any(line.strip() == "|" for line in spoken.splitlines())
    assert not re.search(r"[-–—]\s*$", spoken)


def test_seed_keeps_every_body_sentence_in_order(seed_article: Path) -> None:
    spoken = _spoken(seed_article)
    first = (
        "U.S. efforts to battle powerful drug cartels from inside Mexico have ground to a halt since January"
    )
    heading = "HIGH PROFILE PROSECUTION"
    last = "It was not enough."
    assert spoken.startswith(first)
    assert spoken.endswith(last)
    assert spoken.index(first) < spoken.index(heading) < spoken.index(last)
    # every body line of the source is spoken, in order
    lines = seed_article.read_text(encoding="utf-8").splitlines()
    body = [line for line in lines[6:-1] if line.strip()]
    position = 0
    for line in body:
        found = spoken.find(line, position)
        assert found >= 0, line
        position = found + len(line)


def test_seed_metadata(seed_article: Path) -> None:
    article = clean_text(seed_article.read_text(encoding="utf-8"))
    assert article.date == "2021-03-30"
    assert article.author == "Nathaniel Ballantyne"
    assert article.site == "TRUENEWSREPORT"
    assert article.sections == ["HIGH PROFILE PROSECUTION"]
    assert article.title_source == "derived"
    assert article.title.startswith("U.S. efforts to battle powerful drug cartels")
    rules = {r.rule for r in article.removed}
    assert {"player-stub", "separator", "date", "site-tag", "byline", "lead-site-tag", "dangling-dash"} <= rules


def test_example_article_has_every_kind_of_boilerplate(example_article: Path) -> None:
    article = clean_text(example_article.read_text(encoding="utf-8"))
    assert [r.rule for r in article.removed] == [
        "player-stub", "separator", "date", "site-tag", "byline", "lead-site-tag", "dangling-dash",
    ]
    assert article.author == "Elena Marchetti"
    assert article.date == "2026-11-03"
    assert article.sections == ["A FLEET RUNNING ON BORROWED TIME"]
    assert article.spoken_text.endswith("We both still get there.”")


def test_every_line_is_spoken_or_removed_exactly_once(seed_article: Path, example_article: Path) -> None:
    for path in (seed_article, example_article):
        text = path.read_text(encoding="utf-8")
        article = clean_text(text)
        removed_lines = {r.line for r in article.removed if r.rule not in ("lead-site-tag", "dangling-dash")}
        block_lines = {b.line for b in article.blocks}
        nonblank = {n for n, line in enumerate(text.splitlines(), 1) if line.strip()}
        assert removed_lines | block_lines == nonblank
        assert not removed_lines & block_lines


def test_given_title_wins_over_everything() -> None:
    article = clean_text("My Title Line\nFirst paragraph here.\nSecond one.", title="  Given  ")
    assert (article.title, article.title_source) == ("Given", "given")
    # the title line stays in the text when a title is given
    assert article.blocks[0].text == "My Title Line"


def test_title_line_at_top_is_found_and_not_spoken() -> None:
    article = clean_text("A Ferry Saved\nBy Jane Doe\nThe council voted on Monday.\nIt was close.")
    assert (article.title, article.title_source) == ("A Ferry Saved", "found")
    assert article.author == "Jane Doe"
    assert "A Ferry Saved" not in article.spoken_text


def test_all_caps_title_line_is_tidied() -> None:
    article = clean_text("FERRY SAVED BY ONE VOTE\nThe council voted on Monday.")
    assert article.title == "Ferry Saved By One Vote"


def test_derived_title_is_cut_at_a_word_boundary() -> None:
    sentence = "The council voted on Monday to repair the ageing vessel rather than wait for a replacement ship."
    article = clean_text(sentence + " More text follows.")
    assert article.title_source == "derived"
    assert article.title.endswith("…")
    assert sentence.startswith(article.title[:-1])
    assert len(article.title) <= 81


def test_single_sentence_title_is_kept_whole() -> None:
    assert clean_text("Short and sweet.\n").title == "Short and sweet"


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = (
        "The council voted on Monday to repair\nthe ageing ferry rather than wait.\n\n"
        "Work begins in January and\ntakes eleven weeks.\n"
    )
    article = clean_text(text, title="t")
    assert [b.text for b in article.blocks] == [
        "The council voted on Monday to repair the ageing ferry rather than wait.",
        "Work begins in January and takes eleven weeks.",
    ]


def test_one_paragraph_per_line_when_lines_end_sentences() -> None:
    article = clean_text("First paragraph.\nSecond paragraph.\n\nThird paragraph.", title="t")
    assert [b.text for b in article.blocks] == ["First paragraph.", "Second paragraph.", "Third paragraph."]


@pytest.mark.parametrize(
    "line, rule",
    [
        ("Getting your Trinity Audio player ready...", "player-stub"),
        ("Getting your BeyondWords player ready…", "player-stub"),
        ("Listen to this article", "player-stub"),
        ("Voiced by Amazon Polly", "player-stub"),
        ("|", "separator"),
        ("* * *", "separator"),
        ("———", "separator"),
        ("BY: NATHANIEL BALLANTYNE", "byline"),
        ("By Jane Doe and John Roe", "byline"),
        ("Written by: Ana María Pérez", "byline"),
        ("March 30, 2021", "date"),
        ("30 March 2021", "date"),
        ("2021-03-30", "date"),
        ("Published: Tue, Mar. 30, 2021", "date"),
        ("Updated on 3/30/2021", "date"),
        ("TRUENEWSREPORT", "site-tag"),
    ],
)
def test_boilerplate_lines_are_removed(line: str, rule: str) -> None:
    article = clean_text(f"{line}\nThe body of the article is here.\nAnd more of it.", title="t")
    assert [(r.text, r.rule) for r in article.removed] == [(line, rule)]
    assert line not in article.spoken_text


@pytest.mark.parametrize(
    "line",
    [
        "By the time the ferry arrived, the crowd had gone.",
        "Byzantine rules kept the boat in port.",
        "March was the busiest month in 2021, officials said.",
        "Sign up was slow, the council said.",
        "WASHINGTON (Reuters) – The vote was close.",
        "The NASA budget was cut.",
        "2021",
    ],
)
def test_near_misses_are_spoken(line: str) -> None:
    article = clean_text(f"The first paragraph is here.\n{line}\nThe last paragraph.", title="t")
    assert line in article.spoken_text
    assert article.removed == []


def test_site_tag_only_in_the_header() -> None:
    article = clean_text("The first paragraph.\nUPDATE\nThe last paragraph.", title="t")
    assert "UPDATE" in article.spoken_text


def test_all_caps_heading_of_two_to_seven_words() -> None:
    article = clean_text("Intro paragraph.\nHIGH PROFILE PROSECUTION\nBody.", title="t")
    assert [b.kind for b in article.blocks] == [BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.PARAGRAPH]
    long_caps = "THIS IS A VERY LONG SHOUTED LINE OF EIGHT WORDS"
    article = clean_text(f"Intro paragraph.\n{long_caps}\nBody.", title="t")
    assert all(b.kind is BlockKind.PARAGRAPH for b in article.blocks)


def test_lead_tag_that_is_a_place_is_kept() -> None:
    article = clean_text("TRUENEWSREPORT\nWASHINGTON – The vote was close.\nMore.", title="t")
    assert article.spoken_text.startswith("WASHINGTON – The vote was close.")


def test_control_characters_never_reach_the_text() -> None:
    article = clean_text("The \x00first\x07 paragraph\u200b.\nSecond.", title="t")
    assert article.blocks[0].text == "The first paragraph."


def test_all_boilerplate_is_an_error() -> None:
    with pytest.raises(InputError, match="nothing to narrate"):
        clean_text("Getting your Trinity Audio player ready...\n|\n")


def test_rules_are_data_that_callers_can_change() -> None:
    without_dates = tuple(r for r in DEFAULT_RULES if r.name != "date")
    article = clean_text("March 30, 2021\nBody text.", title="t", rules=without_dates)
    assert article.date is None
    assert "March 30, 2021" in article.spoken_text


def test_a_markdown_heading_that_is_boilerplate_goes() -> None:
    text = "# Title\n\nBody one.\n\n## Mehr zum Thema\n\n- [Radwege in Warnstedt](https://example.org/r)\n\nBody two.\n"
    article = clean_text(text, format="markdown", language="de")
    assert [(r.text, r.rule) for r in article.removed if r.rule != "title"] == [
        ("Mehr zum Thema", "related"), ("Radwege in Warnstedt", "related")]
    assert article.sections == []


def test_a_markdown_heading_in_capitals_is_a_section_not_a_related_headline() -> None:
    text = "# Title\n\nBody one.\n\n## WHY THE FERRY IS LATE: A TIMELINE\n\nBody two.\n"
    assert clean_text(text, format="markdown").sections == ["WHY THE FERRY IS LATE: A TIMELINE"]


@pytest.mark.parametrize(
    "language, names, dateline, author",
    [
        ("es", "Ana García", "Madrid - 12 mar 2024 - 10:45 CET", "Ana García"),
        ("fr", "Camille Rousseau et Hugo Lambert", "Publié le 12 mars 2024 à 10h45", "Camille Rousseau et Hugo Lambert"),
        ("de", "Jonas Hartmann", "12.03.2024, 10:45 Uhr", "Jonas Hartmann"),
        ("pt", "MARIANA COSTA", "12/03/2024 10h45", "Mariana Costa"),
        ("it", "Giulia Moretti", "Pubblicato il 12 marzo 2024 alle 10:45", "Giulia Moretti"),
    ],
)
def test_a_line_of_names_beside_a_dateline_is_a_byline(language: str, names: str, dateline: str, author: str) -> None:
    text = f"Title of the article\n{names}\n{dateline}\nBody one.\nBody two.\n"
    article = clean_text(text, language=language)
    assert [r.rule for r in article.removed] == ["title", "byline", "date"]
    assert article.author == author
    # elsewhere a line of names is content: a caption, a list of people
    assert clean_text(f"Title\nBody one.\n{names}\nBody two.\n", language=language).author is None


def test_a_title_of_names_beside_a_dateline_stays_the_title() -> None:
    article = clean_text("Ana María Matute\n12 de marzo de 2024\nLa escritora cumple cien años.\n", language="es")
    assert article.title == "Ana María Matute" and article.author is None
