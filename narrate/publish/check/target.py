"""What ``narrate check`` is pointed at: an output folder, a feed file or a feed URL, read and
handed to the checker; only a target that cannot be read at all raises."""

from __future__ import annotations

import re
from pathlib import Path

from ...errors import InputError
from ...text.fetch import FetchLimits, fetch_url
from ..feed import FEED_NAME
from .document import FeedChecker
from .report import CheckReport

__all__ = ["FEED_TYPES", "check_feed"]

FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/xml",
        "text/xml",
        "application/x-rss+xml",
        "application/atom+xml",  # fetched so that the check can say it is not RSS 2.0
        "text/plain",  # some static hosts serve .xml/.rss files as plain text
        "application/octet-stream",
    }
)
"""Media types accepted when a feed is checked by URL."""


def check_feed(target: Path | str, limits: FetchLimits | None = None) -> CheckReport:
    """Check an output folder, a feed file or a feed URL.

    Raises :class:`~narrate.errors.InputError` when the target cannot be read at all (missing,
    unreadable, a URL that fails to download); everything else is a :class:`Problem` in the report.
    ``limits`` bound the download of a feed given by URL.
    """
    if isinstance(target, str) and re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", target.strip()):
        url = target.strip()
        fetched = fetch_url(url, limits or FetchLimits(), accept=FEED_TYPES, wanted="a podcast feed")
        checker = FeedChecker(folder=None, url=fetched.url)
        checker.run(fetched.content)
        return CheckReport(feed=url, problems=checker.problems)
    path = Path(target)
    feed_path = _feed_file(path)
    try:
        content = feed_path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {feed_path}: {exc.strerror or exc}") from None
    checker = FeedChecker(folder=feed_path.parent, url=None)
    checker.run(content)
    return CheckReport(feed=str(feed_path), problems=checker.problems)


def _feed_file(path: Path) -> Path:
    if path.is_dir():
        feed = path / FEED_NAME
        if not feed.is_file():
            raise InputError(f"{path}: no {FEED_NAME} in this folder (narrate build writes it)")
        return feed
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    return path
