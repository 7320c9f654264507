"""Text: from an article's bytes to the words a voice will say.

Reads a file, URL or standard input (``intake``; URLs by ``fetch``, within ``fetchlimits``; a Markdown
file's ``frontmatter``), extracts the article from HTML (``html``, which drives trafilatura: audio players
pruned by ``players``, inline teasers by ``boilerplate``, page data cleaned by ``metadata``, the body
rendered by ``markdown``), settles its language (``language``: declared, else detected), removes boilerplate
line by line with that language's rules (``rules``, ``clean``), and turns what is left into an
:class:`~narrate.models.Article` (``reader``: start here). Then the words are made speakable
(``lexicon``, ``normalize``), cut into chunks an engine accepts (``chunk``, which marks the
sentences inside quotation marks: ``quotes``), and framed by the spoken
intro and outro (``framing``).

Takes: a path, URL or bytes. Gives: :class:`~narrate.models.Article`, :class:`~narrate.models.Chunk`.
May import: only the shared modules (``narrate.models``, ``errors``, ``settings``, ``fsutil``), never
another stage.
"""
