"""Pronunciation lexicons: words (possessives, case, longest first), patterns, and every error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from narrate.errors import ConfigError, NarrateError
from narrate.text.lexicon import Lexicon, load_lexicon

CIENFUEGOS = "See-en-FWAY-gose"


def _lexicon(tmp_path: Path, text: str) -> Lexicon:
    path = tmp_path / "lexicon.toml"
    path.write_text(text, encoding="utf-8")
    return load_lexicon(path)


def _words(words: dict[str, str], *, ignore_case: bool = False) -> Lexicon:
    return Lexicon(words=words, patterns=[], ignore_case=ignore_case)


# --------------------------------------------------------------------------------------------------
# Words
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("Salvador Cienfuegos was arrested.", f"Salvador {CIENFUEGOS} was arrested."),
        ("Cienfuegos, Cienfuegos.", f"{CIENFUEGOS}, {CIENFUEGOS}."),
        ("Cienfuegos’ lawyers", f"{CIENFUEGOS}’ lawyers"),
        ("Cienfuegos' lawyers", f"{CIENFUEGOS}' lawyers"),
        ("Cienfuegos's lawyers", f"{CIENFUEGOS}'s lawyers"),
        ("Cienfuegos’s lawyers", f"{CIENFUEGOS}’s lawyers"),
        ("a Cienfuegos-led ministry", f"a {CIENFUEGOS}-led ministry"),
        ("(Cienfuegos)", f"({CIENFUEGOS})"),
        ("“Cienfuegos”", f"“{CIENFUEGOS}”"),
        # only whole words
        ("Cienfuegosa and ACienfuegos", "Cienfuegosa and ACienfuegos"),
        ("Cienfuegos2", "Cienfuegos2"),
        # case-sensitive by default
        ("cienfuegos and CIENFUEGOS", "cienfuegos and CIENFUEGOS"),
    ],
)
def test_words(text: str, spoken: str) -> None:
    assert _words({"Cienfuegos": CIENFUEGOS}).apply(text) == spoken


def test_ignore_case() -> None:
    lexicon = _words({"Cienfuegos": CIENFUEGOS}, ignore_case=True)
    assert lexicon.apply("cienfuegos, CIENFUEGOS's") == f"{CIENFUEGOS}, {CIENFUEGOS}'s"


def test_a_word_with_punctuation_inside_and_a_phrase() -> None:
    lexicon = _words({"H-2": "H two", "C++": "C plus plus", "Nuevo Laredo": "NWAY-vo la-RAY-do"})
    spoken = lexicon.apply("The H-2 cartel, C++ and Nuevo Laredo.")
    assert spoken == "The H two cartel, C plus plus and NWAY-vo la-RAY-do."
    assert lexicon.apply("H-20 and Nuevo  Laredo") == "H-20 and Nuevo  Laredo"


def test_longer_words_win_where_they_start_at_the_same_place() -> None:
    lexicon = _words({"New": "NOO", "New York": "noo-YORK", "York": "YORK"})
    assert lexicon.apply("New York and New Haven and York") == "noo-YORK and NOO Haven and YORK"


def test_longer_words_win_where_they_overlap_later() -> None:
    # "York City" (9 characters) is longer than "New York" (8), though it starts later
    lexicon = _words({"New York": "A", "York City": "B"})
    assert lexicon.apply("New York City") == "New B"
    assert lexicon.apply("New York, York City") == "A, B"


def test_equally_long_overlapping_words_the_first_wins() -> None:
    lexicon = _words({"ab cd": "X", "cd ef": "Y"})
    assert lexicon.apply("ab cd ef") == "X ef"


def test_a_replacement_is_not_replaced_again() -> None:
    lexicon = _words({"Alpha": "Beta", "Beta": "Gamma"})
    assert lexicon.apply("Alpha Beta") == "Beta Gamma"


def test_replacement_special_characters_are_taken_literally() -> None:
    assert _words({"X": r"\1 \g<0> $"}).apply("an X here") == r"an \1 \g<0> $ here"


def test_empty_lexicon_changes_nothing() -> None:
    text = "Cienfuegos paid $3.5 million."
    assert Lexicon.empty().apply(text) == text
    assert Lexicon.empty() == Lexicon(words={}, patterns=[], ignore_case=False)


# --------------------------------------------------------------------------------------------------
# Patterns and files
# --------------------------------------------------------------------------------------------------


def test_patterns_with_groups_in_file_order() -> None:
    lexicon = Lexicon(
        words={},
        patterns=[(re.compile(r"\bH-(\d)\b"), r"H \1"), (re.compile(r"\bH (\d)\b"), r"aitch \1")],
    )
    assert lexicon.apply("the H-2 cartel") == "the aitch 2 cartel"


def test_patterns_run_after_words() -> None:
    lexicon = Lexicon(words={"Cienfuegos": "Sienfuegos"}, patterns=[(re.compile(r"\bSien"), "See-en")])
    assert lexicon.apply("Cienfuegos") == "See-enfuegos"


def test_a_pattern_that_matches_nothing_inserts_nothing() -> None:
    lexicon = Lexicon(words={}, patterns=[(re.compile(r"\b"), "!")])
    assert lexicon.apply("a b") == "a b"


def test_an_unmatched_group_is_empty() -> None:
    lexicon = Lexicon(words={}, patterns=[(re.compile(r"x(y)?"), r"[\1]")])
    assert lexicon.apply("x xy") == "[] [y]"


def test_load_lexicon(tmp_path: Path) -> None:
    lexicon = _lexicon(
        tmp_path,
        r"""
[words]          # whole words, case-sensitive
Cienfuegos = "See-en-FWAY-gose"
"Nuevo Laredo" = "NWAY-vo la-RAY-do"
[patterns]
"\\bH-(\\d)\\b" = "H \\1"
[options]
ignore_case = false
""",
    )
    assert lexicon.words == {"Cienfuegos": CIENFUEGOS, "Nuevo Laredo": "NWAY-vo la-RAY-do"}
    assert [(p.pattern, r) for p, r in lexicon.patterns] == [(r"\bH-(\d)\b", r"H \1")]
    assert lexicon.ignore_case is False
    assert lexicon.apply("Cienfuegos’ H-2 deal in Nuevo Laredo") == f"{CIENFUEGOS}’ H 2 deal in NWAY-vo la-RAY-do"


def test_load_lexicon_ignore_case(tmp_path: Path) -> None:
    lexicon = _lexicon(tmp_path, '[words]\nCienfuegos = "X"\n[options]\nignore_case = true\n')
    assert lexicon.ignore_case is True
    assert lexicon.apply("CIENFUEGOS") == "X"


def test_every_table_is_optional(tmp_path: Path) -> None:
    lexicon = _lexicon(tmp_path, "")
    assert lexicon == Lexicon.empty()
    assert lexicon.apply("text") == "text"


def test_the_text_is_used_as_written_before_normalisation(tmp_path: Path) -> None:
    from narrate.text.normalize import normalize_for_speech

    lexicon = _lexicon(tmp_path, '[words]\n"U.S." = "United States"\n')
    assert normalize_for_speech(lexicon.apply("The U.S. Senate")) == "The United States Senate"


# --------------------------------------------------------------------------------------------------
# Errors: one line each, naming the file (and the entry)
# --------------------------------------------------------------------------------------------------

ERRORS = [
    ("[extra]\na = 'b'\n", "{path}: unknown table 'extra' (known tables: options, patterns, words)"),
    ("colour = 'blue'\n", "{path}: unknown key 'colour' (known tables: options, patterns, words)"),
    ("words = 5\n", "{path}: 'words' must be a table, not the number 5"),
    ("patterns = ['a']\n", "{path}: 'patterns' must be a table, not a list"),
    ("[words]\nCienfuegos = 5\n", "{path} [words]: 'Cienfuegos' must be a string, not the number 5"),
    ("[words]\nCienfuegos = true\n", "{path} [words]: 'Cienfuegos' must be a string, not true"),
    ("[words.Cienfuegos]\nsay = 'x'\n", "{path} [words]: 'Cienfuegos' must be a string, not a table"),
    ("[words]\n\"\" = 'x'\n", "{path} [words]: an entry has an empty word"),
    ("[words]\n\" Cienfuegos\" = 'x'\n", "{path} [words]: ' Cienfuegos' starts or ends with a space"),
    (
        "[options]\nignore_case = true\n[words]\nCienfuegos = 'x'\ncienfuegos = 'y'\n",
        "{path} [words]: 'Cienfuegos' and 'cienfuegos' are the same word when ignore_case is true",
    ),
    (
        '[patterns]\n"\\\\bH-(2" = "x"\n',
        "{path} [patterns]: '\\bH-(2' is not a valid regular expression"
        " (missing ), unterminated subpattern at position 4)",
    ),
    ("[patterns]\n'x' = 1.5\n", "{path} [patterns]: 'x' must be a string, not the number 1.5"),
    ("[patterns]\n'a*' = 'b'\n", "{path} [patterns]: 'a*' matches the empty string"),
    (
        "[patterns]\n'(a)' = '\\2'\n",
        "{path} [patterns]: '(a)' has a bad replacement '\\2' (invalid group reference 2 at position 1)",
    ),
    ("[options]\ncolour = 'blue'\n", "{path} [options]: unknown key 'colour' (known keys: ignore_case)"),
    ("[options]\nignore_case = 'yes'\n", "{path} [options]: 'ignore_case' must be true or false, not the string 'yes'"),
    ("[options]\nignore_case = 1\n", "{path} [options]: 'ignore_case' must be true or false, not the number 1"),
]


@pytest.mark.parametrize(("content", "message"), ERRORS)
def test_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_lexicon(path)
    assert str(caught.value) == message.format(path=path)
    assert "\n" not in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.toml"
    with pytest.raises(ConfigError) as caught:
        load_lexicon(path)
    assert str(caught.value) == f"{path}: no such file"


def test_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_lexicon(tmp_path)
    assert str(caught.value) == f"{tmp_path}: is a folder, not a TOML file"


def test_not_toml(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text("[words\nCienfuegos = 'x'\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_lexicon(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: not valid TOML (")
    assert "\n" not in message


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_bytes(b"[words]\nCienfuegos = '\xff'\n")
    with pytest.raises(ConfigError) as caught:
        load_lexicon(path)
    assert str(caught.value) == f"{path}: not valid TOML (the file is not UTF-8 text)"


def test_config_error_is_shown_to_the_user() -> None:
    assert issubclass(ConfigError, NarrateError)
    assert issubclass(ConfigError, ValueError)
