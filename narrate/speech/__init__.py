"""Speech: chunks of text in, audio clips out, in the article's language.

Voice presets (``voices``) name an engine (``engines/``: hibari, gTTS, Piper, eSpeak NG and
plugins, found through the ``narrate.engines`` entry-point group), its options and, when it speaks
only one, their language; ``routing`` chooses the preset for an article's language (``--voice``,
the config's ``[voices]`` routes, else hibari for English and eSpeak NG for the rest), reading
tags with :mod:`narrate.text.language`; ``words`` applies a preset's lexicon and normalises in the article's
language; ``speaker`` speaks chunks sentence by sentence (start here), from the chunk ``cache``
first, falling back to other presets when an engine fails, and in the default voice's own
process when ``enginehost`` started one at the start of ``narrate build``. ``catalog`` lists every voice
(``narrate voices``); ``installer`` puts hibari and Piper voices on this machine on request, fetching
each file with ``download`` (verified, atomic, resumable) into the folders ``voicefiles`` knows,
where the engines find them.

Takes: :class:`~narrate.models.Chunk`. Gives: :class:`~narrate.audio.assembly.Spoken` clips.
May import: ``narrate.text`` (normalisation for a preset), ``narrate.audio`` (resampling, the types
it hands on) and the shared modules; never ``narrate.publish`` or the drivers.
"""
