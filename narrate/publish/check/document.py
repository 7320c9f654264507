"""The checker of one feed: the document first (well-formed UTF-8 XML, an RSS 2.0 ``<rss>`` with a
``<channel>``, the namespaces), then the channel and its items."""

from __future__ import annotations

from lxml import etree

from .channel import ChannelChecks
from .items import ItemChecks
from .languages import LanguageChecks
from .report import ERROR, WARNING
from .values import ATOM_NS, ITUNES_NS, PODCAST_NS, PODCAST_NS_LEGACY, _short


class FeedChecker(ChannelChecks, ItemChecks, LanguageChecks):
    """Every check, run in the order a podcast app reads the feed."""

    def run(self, content: bytes) -> None:
        root = self._parse(content)
        if root is None:
            return
        channel = self._rss(root)
        if channel is None:
            return
        self._namespaces(root)
        self._channel(channel)
        items = channel.findall("item")
        if not items:
            self.add(
                "no-episodes", WARNING, "channel", "the feed lists no episodes",
                "Apple Podcasts accepts a feed only once it has an episode: run narrate build with an article",
            )
        self._items(items)
        self._languages(channel, items)

    # --- document ---

    def _parse(self, content: bytes) -> etree._Element | None:
        fix = "the feed must be well-formed XML: rebuild it with narrate feed, or fix it by hand"
        if not content.strip():
            self.add("xml-malformed", ERROR, "feed", "the feed is empty", fix)
            return None
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        try:
            root = etree.fromstring(content, parser)
        except etree.XMLSyntaxError as exc:
            self.add("xml-malformed", ERROR, "feed", f"not well-formed XML: {exc}", fix)
            return None
        encoding = (root.getroottree().docinfo.encoding or "UTF-8").upper()
        if encoding.replace("_", "-") not in ("UTF-8", "UTF8"):
            self.add(
                "feed-encoding", WARNING, "feed", f"the feed is encoded as {encoding}",
                "podcast directories expect UTF-8: write the feed as UTF-8",
            )
        return root

    def _rss(self, root: etree._Element) -> etree._Element | None:
        if root.tag != "rss":
            kind = "an Atom feed" if root.tag == f"{{{ATOM_NS}}}feed" else f"<{etree.QName(root).localname}>"
            self.add(
                "rss-root", ERROR, "feed", f"the document is {kind}, not an RSS 2.0 feed (<rss> root)",
                "podcast directories read RSS 2.0 only: point them at the RSS feed (narrate writes feed.xml)",
            )
            return None
        version = root.get("version")
        if version != "2.0":
            found = "no version" if version is None else f'version="{_short(version)}"'
            self.add("rss-version", ERROR, "feed", f'<rss> has {found}, not version="2.0"', 'set version="2.0" on the <rss> element')
        channel = root.find("channel")
        if channel is None:
            self.add("rss-channel", ERROR, "feed", "<rss> has no <channel>", "the show's tags go in a <channel> inside <rss>")
        return channel

    def _namespaces(self, root: etree._Element) -> None:
        used = {etree.QName(el).namespace for el in root.iter() if isinstance(el.tag, str)}
        for uri in used:
            if uri and uri != ITUNES_NS and uri.lower() == ITUNES_NS.lower():
                self.add(
                    "itunes-namespace", ERROR, "feed", f"the iTunes namespace is written {uri}",
                    f"declare it exactly as {ITUNES_NS} (Apple matches it case-sensitively)",
                )
        if PODCAST_NS_LEGACY in used and PODCAST_NS not in used:
            self.podcast_ns = PODCAST_NS_LEGACY
            self.add(
                "podcast-namespace", WARNING, "feed", "the podcast: tags use the old namespace URI (the GitHub page)",
                f"declare xmlns:podcast=\"{PODCAST_NS}\"",
            )
