"""Artwork: a plain cover for shows that have none (Apple Podcasts refuses a feed without artwork),
and the test of whether an image may be an episode's own artwork (Apple's rules)."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, UnidentifiedImageError

from ..fsutil import atomic_path

DEFAULT_COVER = "cover.png"
ARTWORK_MIN, ARTWORK_MAX = 1400, 3000
"""Apple Podcasts: artwork is square, 1400 x 1400 to 3000 x 3000 px ("A Podcaster's Guide to RSS")."""
ARTWORK_SUFFIXES = {"JPEG": ".jpg", "PNG": ".png"}
_SIZE = 1400  # Apple: square, 1400 to 3000 px
_BACKGROUND = (24, 58, 94)
_INK = (255, 255, 255)


def ensure_default_cover(out_dir: Path, title: str) -> str:
    """The file name of ``out_dir/cover.png``, drawn from the show's title if it does not exist yet.

    An existing file is never replaced: delete it (or set ``[show] image``) to change the cover.
    """
    target = out_dir / DEFAULT_COVER
    if not target.exists():
        with atomic_path(target) as temp:
            draw_cover(title).save(temp, format="PNG")  # optimize=True: 1.3 KB less for 40 ms more per first build
    return DEFAULT_COVER


def draw_cover(title: str) -> Image.Image:
    """A square RGB image with ``title`` centred in large type."""
    image = Image.new("RGB", (_SIZE, _SIZE), _BACKGROUND)
    draw = ImageDraw.Draw(image)
    lines = textwrap.wrap(" ".join(title.split()), width=14, max_lines=5, placeholder="…") or ["Podcast"]
    size = 150
    while size > 40:
        font = ImageFont.load_default(size=size)
        box = draw.multiline_textbbox((0, 0), "\n".join(lines), font=font, align="center", spacing=size // 4)
        if box[2] - box[0] <= _SIZE * 0.8 and box[3] - box[1] <= _SIZE * 0.8:
            break
        size -= 10
    draw.multiline_text(
        (_SIZE / 2, _SIZE / 2), "\n".join(lines), font=font, fill=_INK, anchor="mm", align="center", spacing=size // 4
    )
    return image


def artwork_suffix(data: bytes) -> str | None:
    """".jpg" or ".png" when ``data`` is an image Apple Podcasts takes as artwork, else None.

    Apple's rules (podcast-standards reference): JPEG or PNG, square, 1400 to 3000 px a side, RGB
    (not CMYK, greyscale, a palette or with transparency), and the file whole. The same rules
    ``narrate check`` applies to the artwork files of an output folder.
    """
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind, (width, height), mode = image.format or "", image.size, image.mode
            if kind not in ARTWORK_SUFFIXES or width != height or not ARTWORK_MIN <= width <= ARTWORK_MAX:
                return None
            if mode != "RGB":
                return None
            image.load()  # a truncated file fails here
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None
    return ARTWORK_SUFFIXES[kind]
