"""The cover narrate draws for a show without one, and Apple's rules for an episode's artwork."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from narrate.publish.artwork import DEFAULT_COVER, artwork_suffix, draw_cover, ensure_default_cover


def image_bytes(size: tuple[int, int], mode: str = "RGB", kind: str = "JPEG") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, 0 if mode in ("L", "P", "1", "CMYK") else (200,) * len(mode)).save(out, format=kind)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "suffix"),
    [
        (image_bytes((1400, 1400)), ".jpg"),
        (image_bytes((3000, 3000), kind="PNG"), ".png"),
        (image_bytes((2048, 2048)), ".jpg"),
        (image_bytes((1399, 1399)), None),  # too small
        (image_bytes((3001, 3001), kind="PNG"), None),  # too large
        (image_bytes((1600, 1400)), None),  # not square
        (image_bytes((1400, 1400), "RGBA", "PNG"), None),  # transparency
        (image_bytes((1400, 1400), "CMYK"), None),  # not RGB
        (image_bytes((1400, 1400), "L"), None),  # greyscale
        (image_bytes((1400, 1400), "P", "PNG"), None),  # a palette
        (image_bytes((1400, 1400), kind="WEBP"), None),  # not JPEG or PNG
        (image_bytes((1400, 1400))[:2000], None),  # cut short
        (b"<html>not an image</html>", None),
    ],
)
def test_episode_artwork_follows_apples_rules(data: bytes, suffix: str | None) -> None:
    assert artwork_suffix(data) == suffix


def test_drawn_cover_is_what_apple_accepts(tmp_path: Path) -> None:
    name = ensure_default_cover(tmp_path, "Harbour Voices: the week's stories, read aloud for commuters")
    with Image.open(tmp_path / name) as image:
        assert (image.format, image.mode, image.size) == ("PNG", "RGB", (1400, 1400))
        # the title is drawn: the middle is not a single colour
        assert len(image.crop((200, 500, 1200, 900)).getcolors(maxcolors=10_000) or []) > 2


def test_an_existing_cover_is_never_replaced(tmp_path: Path) -> None:
    (tmp_path / DEFAULT_COVER).write_bytes(b"mine")
    assert ensure_default_cover(tmp_path, "Show") == DEFAULT_COVER
    assert (tmp_path / DEFAULT_COVER).read_bytes() == b"mine"


def test_empty_title_still_draws() -> None:
    assert draw_cover("   ").size == (1400, 1400)
