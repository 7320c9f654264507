"""What reaches the engine, end to end on the text side: the seed article and the example read,
cleaned, framed and chunked exactly as ``narrate build`` does (the narrator's own voice choice,
``speech_function`` and ``episode_chunks``), up to the sentences handed to the engine. No audio.

Checks what a listener hears and no unit test sees whole: no run-together ALL-CAPS word is spelled
letter by letter, and the intro names the site in words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from narrate.config import Config
from narrate.pipeline import Narrator
from narrate.text.framing import episode_chunks
from narrate.text.reader import read_article
from tests.conftest import EXAMPLE, SEED, require_file

LONG_CAPITALS = re.compile(r"[A-Z]{7,}")


def engine_text(path: Path, tmp_path: Path) -> tuple[str, list[str]]:
    """The article's site as written, and every sentence the engine is given, in order."""
    config = Config()
    narrator = Narrator.create(tmp_path / "out", config, use_cache=False, threaded=False)
    try:
        article = read_article(path, rules=config.line_rules)
        voice = narrator.voice_for(article.language)
        chunks = episode_chunks(
            article,
            voice.speaker.engine.max_chars,
            voice.to_speech,
            spoken_intro=config.episode.spoken_intro,
            spoken_outro=config.episode.spoken_outro,
            show_title=config.show.title,
        )
    finally:
        narrator.close()
    return article.site, [sentence.spoken for chunk in chunks for sentence in chunk.units]


@pytest.mark.parametrize(
    ("name", "site", "words"),
    [("seed", "TRUENEWSREPORT", "True News Report"), ("example", "HARBOURWATCH", "Harbour Watch")],
)
def test_no_run_together_capitals_reach_the_engine(name: str, site: str, words: str, tmp_path: Path) -> None:
    path = require_file(SEED) if name == "seed" else EXAMPLE
    written_site, spoken = engine_text(path, tmp_path)
    assert written_site == site  # what the feed and the sidecar show stays as written
    assert Config().episode.spoken_intro
    intro = spoken[0]
    assert f" {words}." in intro, intro
    assert [m.group(0) for s in spoken for m in LONG_CAPITALS.finditer(s)] == []
    assert site not in " ".join(spoken)
