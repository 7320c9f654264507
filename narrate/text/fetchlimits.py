"""What a download may take and what it may bring: :class:`FetchLimits` and the media types narrate
fetches, apart from :mod:`.fetch` so that reading a file does not import ``requests`` (0.07 s of a
build's start, with urllib3, ssl and http.client): :mod:`.fetch` is imported only when a URL is fetched.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ARTICLE_TYPES", "IMAGE_TYPES", "FetchLimits"]

ARTICLE_TYPES = frozenset(
    {"text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown"}
)
"""The media types that are read as articles; anything else is refused."""

IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/webp", "image/gif"})
"""The media types fetched as cover images."""


@dataclass(frozen=True)
class FetchLimits:
    """How long and how much a download may take."""

    timeout: float = 20.0
    """Seconds to connect, and the longest wait for any bytes."""
    total_timeout: float = 60.0
    """Seconds for the whole download, redirects included."""
    max_bytes: int = 20_000_000
    """Larger bodies are refused (by Content-Length first, then by counting while streaming)."""
    max_redirects: int = 5
    allow_private_addresses: bool = False
    """Also connect to loopback, private, link-local and other non-global addresses."""

    def __post_init__(self) -> None:
        for name in ("timeout", "total_timeout", "max_bytes"):
            value = getattr(self, name)
            if not value > 0:
                raise ValueError(f"FetchLimits.{name} must be positive, not {value!r}")
        if self.max_redirects < 0:
            raise ValueError(f"FetchLimits.max_redirects must be 0 or more, not {self.max_redirects!r}")
