"""Checking cover art: an absolute http(s) URL ending in .jpg or .png and, for a file of the output
folder, a square RGB JPEG or PNG of 1400-3000 px whose name matches its real type."""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from ..artwork import ARTWORK_MAX, ARTWORK_MIN
from ..catalog import CONFIG_NAME
from .base import BaseChecks
from .report import ERROR, WARNING
from .values import _first_line, _is_http_url, _short

_IMAGE_EXTENSIONS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",)}


class ArtworkChecks(BaseChecks):
    """The artwork of the channel and of its items, each image checked once."""

    def _artwork(self, href: str, where: str) -> None:
        if href in self._images_seen:
            return
        self._images_seen.add(href)
        fix = (
            f"use a square RGB JPEG or PNG of {ARTWORK_MIN}-{ARTWORK_MAX} px (3000 x 3000 is best) "
            f"and set image in the [show] table of {CONFIG_NAME}"
        )
        if not _is_http_url(href):
            self.add("artwork-url", ERROR, where, f'itunes:image href "{_short(href)}" is not an absolute http(s) URL',
                     f"set base_url and image in the [show] table of {CONFIG_NAME}")
            return
        self._ascii_url(href, where, "itunes:image")
        path = self._local(href)
        if path is None:
            suffix = PurePosixPath(unquote(urlsplit(href).path)).suffix.lower()
            if suffix not in (".jpg", ".jpeg", ".png"):
                self.add(
                    "artwork-url", WARNING, where, f"itunes:image {_short(href)} does not end in .jpg or .png",
                    "Apple Podcasts wants the artwork URL to end in .jpg or .png",
                )
            return
        name = self._rel(path)
        if not path.is_file():
            self.add("artwork-missing", ERROR, name, f"the artwork file {name} does not exist", fix)
            return
        from PIL import Image, UnidentifiedImageError

        try:
            with Image.open(path) as image:
                kind, (width, height), mode = image.format or "", image.size, image.mode
                if kind in _IMAGE_EXTENSIONS and width * height <= ARTWORK_MAX * ARTWORK_MAX * 4:
                    image.load()  # a truncated file fails here
        except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
            self.add("artwork-unreadable", ERROR, name, f"{name} cannot be read as an image ({_first_line(exc)})", fix)
            return
        if kind not in _IMAGE_EXTENSIONS:
            self.add("artwork-format", ERROR, name, f"{name} is {kind or 'an unknown'} image, not JPEG or PNG", fix)
        elif path.suffix.lower() not in _IMAGE_EXTENSIONS[kind]:
            self.add(
                "artwork-extension", ERROR, name,
                f"{name} is a {kind} image but its name ends in {path.suffix or '(nothing)'}",
                f"rename it to {path.stem}{_IMAGE_EXTENSIONS[kind][0]} and set image in the [show] table of {CONFIG_NAME}",
            )
        if width != height:
            self.add("artwork-not-square", ERROR, name, f"{name} is {width} x {height} px, not square", fix)
        if not (ARTWORK_MIN <= width <= ARTWORK_MAX and ARTWORK_MIN <= height <= ARTWORK_MAX):
            self.add(
                "artwork-size", ERROR, name,
                f"{name} is {width} x {height} px; Apple Podcasts needs {ARTWORK_MIN} to {ARTWORK_MAX} px", fix,
            )
        if mode != "RGB":
            self.add(
                "artwork-color", ERROR, name, f"{name} is in {mode} mode, not RGB",
                "save it as RGB without transparency (in Pillow: image.convert('RGB'))",
            )
