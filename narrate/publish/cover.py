"""The episode's cover image: the article's lead image, else the show's image (or the cover narrate
drew for a show without one). A cover that cannot be had is a warning, never a failed episode."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ..errors import NarrateError
from ..text.fetchlimits import IMAGE_TYPES, FetchLimits
from ..text.intake import IntakeConfig
from .artwork import DEFAULT_COVER

_MAX_IMAGE_BYTES = 20_000_000


class Cover(NamedTuple):
    """The episode's cover image as read."""

    data: bytes | None
    """The image file's bytes; None when no image could be had."""
    warnings: list[str]
    """Images that could not be read."""
    from_article: bool = False
    """True when ``data`` is the article's own lead image (not the show's)."""


def read_cover(
    article_image: str | None, show_image: str, intake: IntakeConfig, out_dir: Path, *, local_only: bool = False
) -> Cover:
    """Image bytes for the episode's APIC frame, and warnings about images that could not be read.

    ``local_only``: never download; when the cover would come from a URL (the article's image or the
    show's), nothing is read and the Cover is empty (a build reads it early, while it speaks)."""
    warnings: list[str] = []
    limits = FetchLimits(
        timeout=intake.timeout,
        total_timeout=intake.total_timeout,
        max_bytes=_MAX_IMAGE_BYTES,
        allow_private_addresses=intake.allow_private_addresses,
    )
    show_image = show_image or (DEFAULT_COVER if (out_dir / DEFAULT_COVER).is_file() else "")
    if article_image and not article_image.lower().startswith(("http://", "https://")):
        article_image = None  # an article's image is only ever fetched by http(s), never read from disk
    if local_only and any("://" in source for source in (article_image or "", show_image)):
        return Cover(None, warnings)
    for order, source in enumerate((article_image, show_image)):
        if not source:
            continue
        try:
            if "://" in source:
                from ..text.fetch import fetch_url  # requests only for an image by URL (text/fetchlimits.py)

                data = fetch_url(source, limits, accept=IMAGE_TYPES, wanted="an image").content
            else:
                data = (out_dir / source).read_bytes()
            return Cover(data, warnings, from_article=order == 0)
        except NarrateError as exc:
            warnings.append(f"cover image: {exc}")
        except OSError as exc:
            warnings.append(f"cover image {source}: {exc.strerror or exc}")
    return Cover(None, warnings)
