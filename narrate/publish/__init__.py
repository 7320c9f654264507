"""Publish: episodes on disk in, a podcast others can subscribe to out.

``catalog`` reads the output folder's episode sidecars (start here); ``feed`` writes the RSS feed
(``show`` holds the show's settings, ``categories`` Apple's list); ``artwork`` and ``cover`` provide
images; ``pages`` writes the listenable web pages (``languages``: the language tags pages, feed and
check write and compare; ``sanitise``: the article copy without its page's scripts); ``server`` serves the folder (``narrate serve``);
``check/`` validates any feed against what podcast directories require; ``upload`` publishes the
folder (``narrate publish``: what changed, the feed last) to one of the ``destinations`` (S3, SFTP, a
folder); ``listen`` hears the episodes back with a speech recogniser and flags what they did not say
(``narrate listen``).

Takes: :class:`~narrate.publish.catalog.EpisodeRecord` sidecars. Gives: ``feed.xml``, pages, HTTP, the
show online.
May import: ``narrate.text`` (fetching, HTML), ``narrate.audio`` and the shared modules; never
``narrate.speech`` or the drivers.
"""
