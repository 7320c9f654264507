"""Checking a podcast feed against what Apple Podcasts, Spotify and Podcasting 2.0 apps require.

``check_feed`` takes an output folder (its ``feed.xml`` and every local file the feed points at), a
feed file (local files are looked up beside it), or an http(s) URL (the feed alone: nothing it points
at is downloaded). It returns every :class:`Problem` found, each with a stable code, a one-line
message and a one-line fix; only a target that cannot be read at all raises (an
:class:`~narrate.errors.InputError`).

Where the rules come from (see also the team's reference/podcast-standards.md):

- Apple, "A Podcaster's Guide to RSS" and the Apple Podcasts artwork requirements: required and
  recommended tags, ``itunes:explicit`` as true/false, the category list, descriptions of at most
  4000 bytes, values of at most 255 characters, cover art 1400-3000 px square JPEG/PNG in RGB with an
  extension that matches its real type, enclosure with url/length/type, unique guids.
- The PSP-1 Podcast RSS specification: ``atom:link rel="self"``, RFC 2822 dates.
- The Podcasting 2.0 namespace: ``podcast:guid`` (a UUID), ``podcast:locked`` (yes/no),
  ``podcast:transcript`` and ``podcast:chapters`` (url and type; the chapters JSON format).
- Apple lists a show under its one ``<language>``: episodes in other languages are a warning
  (``languages``), read from the output folder's sidecars or the transcripts' ``language``.

The modules: ``target`` reads the folder, file or URL (start here); ``report`` holds what is found;
``document`` is the checker of one feed, built from ``channel``, ``items`` and ``languages`` (they use
``artwork`` and the checks in ``base``); ``values`` holds the namespaces and small readers every check uses.
"""

from .report import ERROR, WARNING, CheckReport, Problem
from .target import FEED_TYPES, check_feed

__all__ = ["ERROR", "FEED_TYPES", "WARNING", "CheckReport", "Problem", "check_feed"]
