"""Audio: spoken clips in, a finished MP3 episode out.

``assembly`` lays clips and the preset's pauses out on the timeline and levels them (start here);
``seams`` cuts each unit at its speech, keeping the engine's decay and onset, fading every cut and
shortening long inner pauses; ``loudness`` measures, levels and limits (``kweighting`` is its BS.1770 filter, ``truepeak`` its
interpolator of true peaks); ``mp3writer`` resamples and encodes, with ``mp3info``'s
Info frame for exact length; ``audiofiles`` loads intro and outro music; ``stretch`` changes
the pace of speech at the same pitch (for engines without a speed of their own); ``tags`` and ``chapters``
write ID3; ``transcripts`` writes WebVTT, SRT and JSON; ``episode`` derives chapters, cue times and
the quality report from where everything landed.

Takes: :class:`~narrate.models.Clip` and chunks. Gives: MP3 files, tags, transcripts.
May import: only the shared modules, never another stage.
"""
