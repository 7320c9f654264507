"""Speech: chunks of text in, audio clips out.

Voice presets (``voices``) name an engine (``engines/``: hibari, gTTS, Piper and plugins, found
through the ``narrate.engines`` entry-point group) and its options; ``words`` applies a preset's
lexicon and normalisation; ``speaker`` speaks chunks sentence by sentence (start here), from the
chunk ``cache`` first, falling back to other presets when an engine fails.

Takes: :class:`~narrate.models.Chunk`. Gives: :class:`~narrate.audio.assembly.Spoken` clips.
May import: ``narrate.text`` (normalisation for a preset), ``narrate.audio`` (resampling, the types
it hands on) and the shared modules; never ``narrate.publish`` or the drivers.
"""
