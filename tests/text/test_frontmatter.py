"""narrate.text.frontmatter: the YAML block at the top of an article, read and taken out."""

from __future__ import annotations

import pytest

from narrate.text.frontmatter import split_front_matter

ARTICLE = "Primer párrafo del artículo.\n\nSegundo párrafo.\n"


def test_the_block_is_read_and_taken_out() -> None:
    text = '---\ntitle: "La ría de Vigo"\nauthor: Ana Pérez\ndate: 2024-03-12\nlang: es\n---\n' + ARTICLE
    front = split_front_matter(text)
    assert front.text == ARTICLE
    assert (front.title, front.author, front.date, front.language) == ("La ría de Vigo", "Ana Pérez", "2024-03-12", "es")
    assert front.lines_removed == 6


@pytest.mark.parametrize(
    ("block", "field", "expected"),
    [
        ("language: pt-BR", "language", "pt-BR"),
        ("locale: fr_FR", "language", "fr_FR"),
        ("inLanguage: de", "language", "de"),
        ("authors: [Ana Pérez, Luis Gil]", "author", "Ana Pérez, Luis Gil"),
        ("author: {name: Ana Pérez, url: https://example.org}", "author", "Ana Pérez"),
        ("published: 2024-03-12T10:45:00Z", "date", "2024-03-12"),
        ("Title: Mayúsculas", "title", "Mayúsculas"),
    ],
)
def test_common_keys(block: str, field: str, expected: str) -> None:
    assert getattr(split_front_matter(f"---\n{block}\n---\n{ARTICLE}"), field) == expected


def test_a_block_closed_by_three_dots_and_crlf_lines() -> None:
    front = split_front_matter("---\r\nlang: it\r\n...\r\nTesto.\r\n")
    assert front.language == "it"
    assert front.text == "Testo.\r\n"


@pytest.mark.parametrize(
    "text",
    [
        ARTICLE,  # none
        "---\nno closing line\n\nPárrafo.\n",  # never closed: a separator line, not front matter
        "---\n- a list\n- not a mapping\n---\nPárrafo.\n",  # YAML, but not a mapping
        "---\nkey: [unclosed\n---\nPárrafo.\n",  # not YAML
        "Intro line\n---\nlang: es\n---\n",  # not at the top
        "---\n" + "k: v\n" * 20_000 + "---\nPárrafo.\n",  # far too long to be front matter
    ],
)
def test_anything_else_is_left_as_it_was(text: str) -> None:
    front = split_front_matter(text)
    assert front.text == text
    assert front.language is None and front.lines_removed == 0


def test_values_that_are_not_text_are_ignored() -> None:
    front = split_front_matter("---\nlang: true\ntitle: 3\nauthor: null\n---\nTexto.\n")
    assert front.language is None and front.author is None
    assert front.title == "3"
    assert front.text == "Texto.\n"
