"""narrate.text.intake: reading an article file, decoding it, and refusing what cannot be narrated."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrate.errors import InputError, NarrateError
from narrate.text.intake import decode_text, read_article_file

CAFE = "“Café” – naïve résumé, isn’t it?"


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def assert_input_error(path: Path, fragment: str) -> str:
    with pytest.raises(InputError) as info:
        read_article_file(path)
    message = str(info.value)
    assert "\n" not in message
    assert str(path) in message
    assert fragment in message
    return message


# --- what cannot be narrated -------------------------------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    assert_input_error(tmp_path / "nope.txt", "no such file")


def test_folder(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    assert_input_error(folder, "folder")


@pytest.mark.parametrize(
    "data",
    [b"", b" ", b"\n\n\n", b" \t\r\n\x0c \n", b"\xef\xbb\xbf", b"\xef\xbb\xbf  \n"],
    ids=["empty", "space", "newlines", "mixed-whitespace", "bom-only", "bom-whitespace"],
)
def test_empty_or_whitespace_only(tmp_path: Path, data: bytes) -> None:
    assert_input_error(write(tmp_path / "blank.txt", data), "empty")


@pytest.mark.parametrize(
    "data",
    [
        b"Some text\x00 with a NUL byte",
        b"\x00" * 10,
        "Hello".encode("utf-16-le"),  # UTF-16 puts NUL bytes between ASCII letters
        bytes(range(256)) * 4,
    ],
    ids=["nul-in-text", "all-nul", "utf16", "all-bytes"],
)
def test_binary_file(tmp_path: Path, data: bytes) -> None:
    assert_input_error(write(tmp_path / "image.bin", data), "binary")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(tmp_path: Path, codec: str) -> None:
    text = "Café crème at the harbour.\n\nThe ferries run every twenty minutes, said the captain.\n"
    decoded, encoding = decode_text(text.encode(codec), "article.txt")
    assert (decoded, encoding) == (text, codec)


@pytest.mark.parametrize(
    "data",
    [bytes(range(256)) * 4, b"\x00\x01" * 64, "Hello".encode("utf-16-le"), b"\x41\x00" * 31 + b"\x41"],
    ids=["all-bytes", "control-pairs", "too-short-to-tell", "odd-length"],
)
def test_what_only_looks_like_utf16_is_still_binary(tmp_path: Path, data: bytes) -> None:
    assert_input_error(write(tmp_path / "thing.bin", data), "binary")


def test_many_control_bytes_are_binary(tmp_path: Path) -> None:
    data = b"text " * 20 + b"\x01\x02\x03\x1b" * 5  # 20 of 120 bytes are control bytes, no NUL
    assert_input_error(write(tmp_path / "weird.txt", data), "binary")


def test_errors_are_narrate_errors_and_value_errors(tmp_path: Path) -> None:
    with pytest.raises(NarrateError):
        read_article_file(tmp_path / "missing.txt")
    with pytest.raises(ValueError):
        read_article_file(tmp_path / "missing.txt")


def test_relative_path_is_named_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match=r"^gone\.txt: no such file$"):
        read_article_file("gone.txt")


def test_message_names_a_path_with_double_spaces_exactly(tmp_path: Path) -> None:
    assert_input_error(tmp_path / "Ferry  news.txt", "no such file")


# --- decoding ----------------------------------------------------------------------------------


def test_utf8(tmp_path: Path) -> None:
    text = f"{CAFE}\n\nTokyo is 東京. Ein Straßenbahn-Artikel.\n"
    source = read_article_file(write(tmp_path / "a.txt", text.encode("utf-8")))
    assert source.text == text
    assert source.encoding == "utf-8"


def test_utf8_with_bom_drops_the_bom(tmp_path: Path) -> None:
    text = f"{CAFE}\n"
    source = read_article_file(write(tmp_path / "a.txt", b"\xef\xbb\xbf" + text.encode("utf-8")))
    assert source.text == text
    assert not source.text.startswith("\ufeff")
    assert source.encoding == "utf-8-sig"


def test_cp1252_curly_quotes_and_accents_without_mojibake(tmp_path: Path) -> None:
    text = f"{CAFE} The price was 5 € — or so.\r\n"
    data = text.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):  # the case under test really is not UTF-8
        data.decode("utf-8")
    source = read_article_file(write(tmp_path / "a.txt", data))
    assert source.text == text
    assert source.encoding == "cp1252"
    for mojibake in ("Ã", "â€", "\ufffd"):
        assert mojibake not in source.text


def test_bytes_that_no_encoding_reads_sensibly(tmp_path: Path) -> None:
    data = bytes(range(0x80, 0x100)) * 8 + b" end"  # all high bytes: mojibake in any 8-bit code page
    assert_input_error(write(tmp_path / "a.txt", data), "not text in a supported encoding")


def test_latin1_fallback_for_bytes_cp1252_leaves_undefined(tmp_path: Path) -> None:
    data = b"Caf\xe9 \x81 on the harbour front, na\xefve \x8d\x8f\x90\x9d but open all year round."  # 0x81 0x8D 0x8F 0x90 0x9D: undefined in cp1252
    source = read_article_file(write(tmp_path / "a.txt", data))
    assert source.encoding == "latin-1"
    assert source.text == data.decode("latin-1")
    assert source.text.startswith("Café ")


def test_plain_ascii_is_utf8(tmp_path: Path) -> None:
    source = read_article_file(write(tmp_path / "a.txt", b"Ferries run at dawn.\n"))
    assert source.encoding == "utf-8"
    assert source.text == "Ferries run at dawn.\n"


def test_tabs_and_form_feeds_are_text(tmp_path: Path) -> None:
    text = "Col\tumn\x0cNext page\r\n" * 3
    assert read_article_file(write(tmp_path / "a.txt", text.encode())).text == text


def test_path_is_resolved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "a.txt", b"Hello.")
    monkeypatch.chdir(tmp_path)
    source = read_article_file("a.txt")
    assert source.path.is_absolute()
    assert source.path == (tmp_path / "a.txt").resolve()


def test_example_article_reads(example_article: Path) -> None:
    source = read_article_file(example_article)
    assert source.encoding in ("utf-8", "utf-8-sig")
    assert len(source.text.split()) > 50


def test_bom_followed_by_invalid_utf8_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"\xef\xbb\xbf" + "Café “quoted”".encode("cp1252"))
    with pytest.raises(InputError) as caught:
        read_article_file(path)
    assert str(caught.value) == f"{path}: starts with a UTF-8 byte-order mark but is not valid UTF-8 (byte 3)"
