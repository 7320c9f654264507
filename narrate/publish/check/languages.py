"""Checking the episodes' languages against the show's: Apple Podcasts lists a show under the one
``<language>`` of its channel, so episodes in other languages are listed, searched and shown as
that language. A show per language (one output folder each) is the usual way out.

An episode's language is read, first that is known, from its sidecar (``episodes/<slug>/episode.json``,
when the check is given an output folder or the feed inside one: the language it was spoken in) and
from its ``podcast:transcript language`` attributes (Podcasting 2.0, which narrate writes per
episode; the only source for a feed read by URL). Languages are compared by primary subtag, so
"pt-BR" episodes belong in a "pt" show. Episodes whose language is not known are not counted.
"""

from __future__ import annotations

from collections import Counter

from lxml import etree

from ..catalog import CONFIG_NAME, EPISODES_DIR, load_catalog
from ..languages import language_label, primary
from .base import BaseChecks
from .report import WARNING
from .values import _text


class LanguageChecks(BaseChecks):
    """The languages of the items against the channel's ``<language>``."""

    def _languages(self, channel: etree._Element, items: list[etree._Element]) -> None:
        show = primary(_text(channel.find("language")))
        if not show or not items:
            return  # no language (or no valid one) is reported by the channel's checks
        sidecars = self._sidecar_languages()
        found: list[str] = []
        for item in items:
            language = sidecars.get(_text(item.find("guid"))) or self._transcript_language(item)
            if language:
                found.append(language)
        others = Counter(language for language in found if language != show)
        if not others:
            return
        listed = ", ".join(f"{count} in {language_label(language)}" for language, count in others.most_common())
        total = sum(others.values())
        message = (
            f"{total} of {len(items)} episodes {'is' if total == 1 else 'are'} not in the show's language"
            f" {language_label(show)}: {listed}; Apple Podcasts lists a show under one language"
        )
        main = others.most_common(1)[0][0]
        if len(others) == 1 and len(found) == len(items) and show not in found:  # every episode in one other language
            fix = (
                f'every episode is in {language_label(main)}: set language = "{main}" in the [show] table of '
                f"{CONFIG_NAME} and run narrate feed"
            )
        else:
            fix = (
                f"make one show per language, each in its own output folder: e.g. narrate build --out output-{main}"
                f' --language {main} ARTICLE... with language = "{main}" in the [show] table of'
                f" output-{main}/{CONFIG_NAME}, then narrate remove those episodes from this show"
            )
        self.add("episode-language", WARNING, "channel", message, fix)

    def _transcript_language(self, item: etree._Element) -> str:
        for tag in item.findall(self._pc("transcript")):
            language = primary(tag.get("language"))
            if language:
                return language
        return ""

    def _sidecar_languages(self) -> dict[str, str]:
        """guid -> primary language subtag, from the sidecars of the output folder being checked."""
        if self.folder is None or not (self.folder / EPISODES_DIR).is_dir():
            return {}
        records, _ = load_catalog(self.folder)  # unreadable sidecars: the feed's attributes are used instead
        return {record.guid: primary(record.language) for record in records if primary(record.language)}
