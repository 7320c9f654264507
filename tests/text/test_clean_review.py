"""A review set of news pages in Spanish, French, German, Portuguese and Italian, read the real way
(:func:`narrate.text.reader.read_article`, the language taken from the page or detected).

The pages (tests/data/review-articles/) were written for this review, apart from the rules and
their first fixtures: each imitates the structure and boilerplate of a kind of outlet in its
language (national dailies, regional papers, news magazines, agencies, public broadcasters), as a
full HTML page, and once per language as plain text and as Markdown copied from a browser with the
stub lines left in. Next to each, ``<name>.json`` holds the ground truth: the body sentences, the
boilerplate lines, and the optional lines (title, standfirst, section label) that may be spoken or not.

No boilerplate line may be spoken outside the body's own sentences (a body sentence may begin like
a label: "Más información llegará…", "Leggi anche le ordinanze…"), and every body sentence must be.

Measured before the rules were reviewed with these pages (leaked boilerplate lines / lost body
sentences, all 35 pages): es 24/190 and 0/67, fr 18/157 and 0/52, de 20/159 and 2/65 (the German
"Bildunterschrift" rule took a sentence starting "Bildunterschriften und Fotos…"), pt 21/155 and
0/55, it 18/150 and 0/49; now none. The pages whose style says "written after the fixes" (one HTML
page and one pasted copy per language) were written after the first round of fixes and measured
before the rules were changed for them: 11 of their 149 boilerplate lines leaked (3 of 84 on the
pages, 8 of 65 on the pasted copies), and no body sentence was lost.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from narrate.models import Article
from narrate.text.reader import read_article

REVIEW = Path(__file__).resolve().parent.parent / "data" / "review-articles"
PAGES = sorted(p for p in REVIEW.iterdir() if p.suffix in (".html", ".txt", ".md"))


def truth(path: Path) -> dict:
    return json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))


@cache
def article(path: Path) -> Article:
    return read_article(path)


def leaked(path: Path) -> list[str]:
    """Boilerplate lines spoken outside the body's sentences."""
    expected = truth(path)
    optional = set(expected["optional"])
    rest = "\n\n".join(block.text for block in article(path).blocks if block.text not in optional)
    for sentence in sorted(expected["body"], key=len, reverse=True):
        rest = rest.replace(sentence, "\n")
    return [line for line in expected["boilerplate"] if re.search(rf"(?<!\w){re.escape(line)}(?!\w)", rest)]


def lost(path: Path) -> list[str]:
    """Body sentences not spoken."""
    spoken = article(path).spoken_text
    return [sentence for sentence in truth(path)["body"] if sentence not in spoken]


def test_every_language_has_three_pages_or_more_a_text_and_a_markdown_copy() -> None:
    for language in ("es", "fr", "de", "pt", "it"):
        suffixes = [p.suffix for p in PAGES if truth(p)["language"] == language]
        assert suffixes.count(".html") >= 3 and ".md" in suffixes and ".txt" in suffixes, language


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_the_article_is_read_in_its_language(path: Path) -> None:
    assert article(path).language.split("-")[0] == truth(path)["language"]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_no_boilerplate_is_spoken(path: Path) -> None:
    assert leaked(path) == []


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_every_body_sentence_is_spoken(path: Path) -> None:
    assert lost(path) == []
