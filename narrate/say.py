"""``narrate say``: a quick spoken preview of some text, straight to an MP3."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from slugify import slugify

from .audio.mp3writer import EncodedAudio, Mp3Writer
from .audio.tags import EpisodeTags, write_tags
from .config import Config
from .errors import InputError, OutputError
from .fsutil import atomic_path
from .models import Block, BlockKind
from .speech.cache import ChunkCache
from .speech.routing import choose_voice
from .speech.speaker import Speaker
from .speech.words import speech_function
from .text.chunk import make_chunks
from .text.language import canonical
from .text.reader import LanguagePolicy, settle_language


@dataclass(frozen=True)
class SayResult:
    path: Path
    audio: EncodedAudio
    preset: str
    fallbacks: int
    language: str = ""
    warning: str | None = None


def say(
    text: str,
    out: Path,
    *,
    voice: str | Path | None = None,
    config: Config | None = None,
    language: str | None = None,
) -> SayResult:
    """Speak ``text`` (paragraphs separated by blank lines) into the MP3 ``out``, in ``language``
    (else the language detected from the text) with ``voice`` (else the voice that language is routed to)."""
    cfg = config or Config()
    paragraphs = [" ".join(p.split()) for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    if not paragraphs:
        raise InputError("nothing to say: the text is empty")
    if language is not None and canonical(language) is None:
        raise InputError(f"'{language}' is not a language tag (write e.g. es, fr or pt-BR)")
    policy = LanguagePolicy(given=language, assumed=cfg.build.assumed_language)
    spoken_in, _ = settle_language(None, "page", text, policy)
    choice = choose_voice(spoken_in, voice, cfg.voices, default=cfg.build.voice)
    preset = choice.preset
    cache = ChunkCache(cfg.cache.root()) if cfg.cache.enabled else None
    speaker = Speaker.for_preset(preset, cache, language=spoken_in, speed=cfg.pace)
    pauses = speaker.preset.paced_pauses
    blocks = [Block(BlockKind.PARAGRAPH, p, n) for n, p in enumerate(paragraphs, 1)]
    chunks = make_chunks(
        blocks, speaker.max_chars, to_speech=speech_function(preset, spoken_in), language=spoken_in
    )
    fallbacks = 0
    try:
        with atomic_path(out) as temp:
            with Mp3Writer(
                temp, input_rate=speaker.engine.sample_rate, output_rate=cfg.build.sample_rate, bitrate=cfg.build.bitrate
            ) as writer:
                for spoken in speaker.speak(chunks):
                    if spoken.chunk.index:
                        pause = pauses.paragraph if spoken.chunk.first_in_block else pauses.sentence
                        writer.write_silence(pause)
                    writer.write(spoken.clip)
                    fallbacks += spoken.fallback
                audio = writer.close()
            title = paragraphs[0] if len(paragraphs[0]) <= 60 else paragraphs[0][:59].rstrip() + "…"
            write_tags(temp, EpisodeTags(title, cfg.show.title, None, None, "", "\n\n".join(paragraphs), audio.duration))
    except OSError as exc:
        raise OutputError(f"cannot write {out}: {exc.strerror or exc}") from exc
    finally:
        speaker.close()
    return SayResult(out, audio, preset.name, fallbacks, spoken_in, choice.warning)


SAMPLE_TEXT = (
    "The library opens at nine on weekdays. “Bring your card,” the note said, “and return the books by Friday.” "
    "In 2024, it lent 31,500 books, about 86 a day."
)
"""What ``narrate say --compare`` speaks when given no text: a quotation, a date and numbers."""


def compare(
    text: str | None,
    voices: list[str],
    folder: Path,
    *,
    config: Config | None = None,
    language: str | None = None,
) -> list[SayResult]:
    """The same ``text`` (else :data:`SAMPLE_TEXT`) spoken by each of ``voices``, one MP3 each in
    ``folder`` (``1-<voice>.mp3``, ``2-<voice>.mp3``…, in the order given), to choose between them."""
    if len(voices) < 1:
        raise InputError("--compare needs at least one voice")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create folder {folder}: {exc.strerror or exc}") from exc
    results = []
    for number, voice in enumerate(voices, 1):
        name = slugify(Path(voice).stem if voice.endswith(".toml") else voice) or "voice"
        results.append(say(text or SAMPLE_TEXT, folder / f"{number}-{name}.mp3", voice=voice, config=config,
                           language=language))
    return results
