"""The cover narrate draws for a show without one."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from narrate.publish.artwork import DEFAULT_COVER, draw_cover, ensure_default_cover


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
