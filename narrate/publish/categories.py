"""Apple Podcasts categories: the current list (19 top-level categories since August 2019).

The list lives in ``narrate/publish/data/apple-categories.json``, whose header names its source. Names are
kept as Apple writes them ("Health & Fitness"); escaping "&" is the XML serializer's job.
"""

from __future__ import annotations

import difflib
import json
import re
from importlib.resources import files
from types import MappingProxyType
from typing import Any

_DATA = "apple-categories.json"


def _load() -> dict[str, Any]:
    return json.loads(files("narrate.publish").joinpath("data", _DATA).read_text(encoding="utf-8"))


_RAW = _load()

CATEGORIES: dict[str, list[str]] = {name: list(subs) for name, subs in _RAW["categories"].items()}
"""Every top-level category and its subcategories (possibly none), in Apple's order."""

REPLACED: MappingProxyType[str, str] = MappingProxyType(dict(_RAW["replaced_in_2019"]["names"]))
"""Top-level names from before 2019 and the current category that took their place (for suggestions)."""

SOURCE: str = _RAW["source"]

_PARENT: dict[str, str] = {sub: name for name, subs in CATEGORIES.items() for sub in subs}


def is_valid(category: str, subcategory: str = "") -> bool:
    """True when ``category`` is a current top-level category and ``subcategory`` is empty or one of its own.

    Matching is exact (case and spelling as Apple writes them): Apple Podcasts ignores a category it
    does not recognise.
    """
    subs = CATEGORIES.get(category)
    if subs is None:
        return False
    return not subcategory or subcategory in subs


def parent(subcategory: str) -> str | None:
    """The top-level category a subcategory belongs to (every subcategory name is unique)."""
    return _PARENT.get(subcategory)


def _key(name: str) -> str:
    """A spelling-insensitive form: case, spaces, hyphens and "and" versus "&" do not count."""
    key = re.sub(r"\band\b", "&", name.casefold())
    return re.sub(r"[^\w&]+", "", key)


_BY_KEY: dict[str, str] = {
    **{_key(old): new for old, new in REPLACED.items()},
    **{_key(sub): sub for sub in _PARENT},
    **{_key(name): name for name in CATEGORIES},
}


def suggest(name: str) -> str | None:
    """The current category or subcategory name closest to ``name``, for error messages; None if nothing is close.

    "health and fitness" gives "Health & Fitness", "Stand up" "Stand-Up", an old name such as
    "News & Politics" its successor "News", a typo such as "Technolgy" "Technology".
    """
    if name in CATEGORIES or name in _PARENT:
        return name
    key = _key(name)
    if not key:
        return None
    if key in _BY_KEY:
        return _BY_KEY[key]
    close = difflib.get_close_matches(key, list(_BY_KEY), n=1, cutoff=0.75)
    return _BY_KEY[close[0]] if close else None


def problem(category: str, subcategory: str = "") -> str | None:
    """Why a category and subcategory pair is not valid, as one sentence with a suggestion; None if valid."""
    if is_valid(category, subcategory):
        return None
    if category not in CATEGORIES:
        message = f"{category!r} is not an Apple Podcasts category"
        guess = suggest(category)
        if guess in CATEGORIES:
            return f"{message}; did you mean {guess!r}?"
        if guess is not None:
            return f"{message}; {guess!r} is a subcategory of {parent(guess)!r}"
        return f"{message} (the categories are: {', '.join(CATEGORIES)})"
    subs = CATEGORIES[category]
    message = f"{subcategory!r} is not a subcategory of {category!r}"
    if not subs:
        return f"{message}, which has no subcategories"
    guess = suggest(subcategory)
    if guess in subs:
        return f"{message}; did you mean {guess!r}?"
    if guess is not None and parent(guess):
        return f"{message}; {guess!r} is a subcategory of {parent(guess)!r}"
    return f"{message} (its subcategories are: {', '.join(subs)})"
