"""The podcast show the feed describes: the ``[show]`` settings of ``narrate.toml``, checked the
way podcast directories check them."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from . import categories

DEFAULT_BASE_URL = "http://localhost:8000/"


@dataclass(frozen=True)
class ShowConfig:
    """The podcast show that the feed describes."""

    title: str = "Narrated articles"
    """The show's name (feed title, and the album tag of every episode)."""
    description: str = "Articles read aloud, made with narrate."
    author: str = "narrate"
    """Who the show is by (itunes:author); an episode's own author is used for the episode when known."""
    owner_name: str = ""
    owner_email: str = ""
    """Podcast directories send ownership checks to this address."""
    language: str = "en"
    """ISO 639 code, optionally with a region: "en", "en-us"."""
    category: str = "News"
    """An Apple Podcasts category."""
    subcategory: str = ""
    explicit: bool = False
    image: str = ""
    """Cover art: an absolute URL, or a file name inside the output folder."""
    link: str = ""
    """The show's website; the base URL when empty."""
    base_url: str = DEFAULT_BASE_URL
    """Where the output folder is published; every URL in the feed starts with it."""
    type: str = "episodic"
    """itunes:type: "episodic" (newest first) or "serial" (in order)."""
    copyright: str = ""
    locked: bool = False
    """podcast:locked: ask other platforms not to import the feed (needs owner_email)."""
    podcast_guid: str = ""
    """podcast:guid; empty: the UUIDv5 of the feed URL, as the Podcasting 2.0 namespace prescribes."""
    max_items: int = 0
    """List only the newest N episodes in the feed; 0 lists them all."""
    numbering: bool = False
    """Number episodes (itunes:episode) in publication order, 1 for the oldest."""
    season: int = 0
    """itunes:season for every episode, when more than 0."""
    pub_date: str = "article"
    """An episode's pubDate: "article", the article's own date when it states one (the date its ID3
    tag and spoken intro give; stable across rebuilds), else when the episode was first built;
    "build": always when the episode was first built."""
    embed_read_along: bool = False
    """The player snippet (player.html, pasted into other sites) shows the caption being spoken under
    its player (read-along, from the episode's WebVTT; needs its script, static/embed.js)."""

    def __post_init__(self) -> None:
        if self.type not in ("episodic", "serial"):
            raise ValueError(f"'type' must be \"episodic\" or \"serial\", not {self.type!r}")
        if self.pub_date not in ("article", "build"):
            raise ValueError(f"'pub_date' must be \"article\" or \"build\", not {self.pub_date!r}")
        if self.max_items < 0 or self.season < 0:
            raise ValueError("'max_items' and 'season' must be 0 or more")
        if self.locked and not self.owner_email:
            raise ValueError("'locked' needs 'owner_email' (podcast:locked names the owner)")
        parts = urlsplit(self.base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"'base_url' must be an absolute http(s) URL, not {self.base_url!r}")
        if not self.base_url.endswith("/"):
            object.__setattr__(self, "base_url", self.base_url + "/")
        if not self.title.strip():
            raise ValueError("'title' must not be empty")

    def problems(self) -> list[str]:
        """What a podcast directory would refuse in these settings (checked when a config file is
        read, so that a build fails before it narrates anything; the feed writer checks again)."""
        found = []
        wrong = categories.problem(self.category, self.subcategory)
        if wrong:
            found.append(f"'category': {wrong}")
        for name in ("link", "image"):
            value = getattr(self, name)
            if "://" in value and urlsplit(value).scheme not in ("http", "https"):
                found.append(f"'{name}' must be an http(s) URL or a file name, not {value!r}")
        image = self.image.strip()
        if image and "://" not in image and not _inside_the_folder(image):
            found.append(f"'image' must be an http(s) URL or a file inside the output folder, not {self.image!r}")
        return found


def _inside_the_folder(name: str) -> bool:
    """A relative file name that stays inside the folder it is relative to (no "/x", "C:\\x" or "..")."""
    parts = name.replace("\\", "/").split("/")
    return not name.startswith(("/", "\\")) and ":" not in parts[0] and ".." not in parts
