"""Article in, episode out: intake -> cleaning -> chunks -> speech -> MP3 -> tags -> sidecar -> feed."""

from __future__ import annotations

import hashlib
import itertools
import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from .audio.assembly import Assembler, Pauses, PlacedPart, Spoken
from .audio.audiofiles import load_music
from .audio.chapters import chapters_json
from .audio.episode import chapters_of, quality_report, timed_sentences
from .audio.mp3writer import EncodedAudio, Mp3Writer
from .audio.tags import EpisodeTags, cover_jpeg, set_feed_url, write_tags
from .audio.transcripts import SRT_LINE_CHARS, SRT_LINES, caption_cues, to_podcast_json, to_srt, to_webvtt
from .config import Config, load_config, write_config_template
from .errors import InputError, NarrateError, OutputError
from .fsutil import folder_lock, make_temp_file, remove_stray_temporary_files, write_bytes_atomic, write_text_atomic
from .models import Article, BlockKind, Chunk
from .publish.artwork import artwork_suffix, ensure_default_cover
from .publish.catalog import (
    AudioInfo,
    CatalogProblem,
    ChunkInfo,
    EpisodeRecord,
    claim_slot,
    episode_guid,
    episodes_root,
    load_catalog,
    load_episode,
    release_slot,
    remove_stale_files,
    write_sidecar,
)
from .publish.cover import Cover, read_cover
from .publish.feed import feed_url, write_feed
from .publish.pages import compile_templates, refresh_episode_pages, write_episode_pages, write_pages
from .publish.show import ShowConfig
from .speech.cache import ChunkCache
from .speech.routing import VoiceChoice, choose_voice
from .speech.speaker import Speaker, SpeakerPool
from .speech.voices import VoicePreset, load_preset
from .speech.words import speech_function
from .text.clean import clean_line
from .text.framing import episode_chunks
from .text.intake import SourceDocument
from .text.language import canonical
from .text.reader import LanguagePolicy, article_from_document, read_article

if TYPE_CHECKING:  # the listening check is imported only when a build asks for it (0.06 s of a build's start)
    from .publish.listen import ListenReport, Recogniser

_DESCRIPTION_CHARS = 600
_FINGERPRINT_VERSION = 2
"""Raise when the way episodes are made changes, so that every episode is made again.

2: units cut at their speech with the engine's decay and onset kept, fades, inner pauses shortened
(narrate/audio/seams.py)."""


@dataclass(frozen=True)
class Progress:
    """Where the narration of one article stands; sent after every chunk (and once before the first)."""

    source: str
    """The article as the caller named it."""
    title: str
    chunks_done: int
    chunks_total: int
    audio_seconds: float
    """Seconds of audio produced so far, pauses included."""
    cached: int = 0
    """Chunks so far that came from the chunk cache."""
    fallbacks: int = 0
    """Chunks so far that a fallback preset spoke, because the preset's engine failed on them."""


ProgressCallback = Callable[[Progress], None]


@dataclass(frozen=True)
class ArticleResult:
    """The outcome for one article of a build."""

    source: str
    record: EpisodeRecord | None = None
    error: str | None = None
    status: str = "new"
    """"new", "rebuilt" (built before, its episode made again) or "unchanged" (already up to date)."""
    listening: ListenReport | None = None
    """The listening check's report (``build(listen=True)``)."""

    @property
    def replaced(self) -> bool:
        """True when the article had been built before."""
        return self.status != "new"

    @property
    def ok(self) -> bool:
        return self.record is not None


@dataclass(frozen=True)
class BuildReport:
    """What :func:`build` did."""

    out_dir: Path
    results: list[ArticleResult]
    feed_path: Path
    feed_episodes: int
    """Episodes listed in the feed (every episode in the folder, not only this build's)."""
    config: Config
    catalog_problems: list[CatalogProblem] = field(default_factory=list)

    @property
    def failed(self) -> list[ArticleResult]:
        return [r for r in self.results if not r.ok]

    @property
    def flagged(self) -> list[ArticleResult]:
        """Episodes in which the listening check flagged a chunk."""
        return [r for r in self.results if r.listening is not None and r.listening.flagged]


@dataclass
class _Voice:
    """The voice chosen for a language: its preset, speaker and text-to-words function."""

    choice: VoiceChoice
    speaker: Speaker
    to_speech: Callable[[str], str]
    respeak: Mapping[int, int] = field(default_factory=dict)
    """Chunks spoken again without the cache: index -> voice of the preset's chain to start from."""

    @property
    def preset(self) -> VoicePreset:
        return self.choice.preset

    @property
    def identity(self) -> str:
        return self.speaker.identity()

    @property
    def pauses(self) -> Pauses:
        """The preset's pauses at the pace spoken (``--speed`` or the preset's own)."""
        return self.speaker.preset.paced_pauses


class Narrator:
    """Narrates articles into episodes of one output folder, each in its language's voice."""

    def __init__(
        self,
        out_dir: Path,
        config: Config,
        *,
        voice: str | Path | None = None,
        cache: ChunkCache | None = None,
        threaded: bool = True,
        language: str | None = None,
    ) -> None:
        """``voice``: a preset for every article (else each article's language is routed to its
        voice); ``language``: the language of every article (else declared or detected).
        ``threaded``: level and encode in worker threads while the next chunk is spoken (about two
        cores per article), or all in the calling thread (one core: for batch jobs side by side)."""
        self.out_dir = out_dir
        self.config = config
        self.threaded = threaded
        self.voice = voice
        self.language = language
        self.speakers = SpeakerPool(cache)
        self._words: dict[tuple[str, str | None], Callable[[str], str]] = {}

    @classmethod
    def create(
        cls,
        out_dir: Path,
        config: Config,
        voice: str | Path | None = None,
        *,
        use_cache: bool = True,
        threaded: bool = True,
        language: str | None = None,
    ) -> Narrator:
        """A narrator with the config's chunk cache unless told not to; a bad ``voice`` or
        ``language`` is an error now, before any article is read."""
        if language is not None and canonical(language) is None:
            raise InputError(f"'{language}' is not a language tag (write e.g. es, fr or pt-BR)")
        cache = ChunkCache(config.cache.root()) if use_cache and config.cache.enabled else None
        narrator = cls(out_dir, config, voice=voice, cache=cache, threaded=threaded,
                       language=canonical(language) if language else None)
        if voice is not None:  # its engine and options are checked now (the pool keeps it for the articles)
            narrator.speakers.speaker(load_preset(voice), narrator.language, config.pace)
        return narrator

    def close(self) -> None:
        self.speakers.close()

    def voice_for(self, language: str | None, voice: str | Path | None = None) -> _Voice:
        """The voice that speaks an article in ``language`` (engines loaded once per preset): ``voice``,
        else the narrator's, else the one the config routes the language to."""
        config = self.config
        choice = choose_voice(language, voice or self.voice, config.voices, default=config.build.voice)
        speaker = self.speakers.speaker(choice.preset, choice.language, config.pace)
        key = (str(choice.preset.path), choice.language)
        if key not in self._words:
            self._words[key] = speech_function(choice.preset, choice.language)
        return _Voice(choice, speaker, self._words[key])

    def narrate(
        self,
        path: str | Path,
        *,
        title: str | None = None,
        author: str | None = None,
        date: str | None = None,
        document: SourceDocument | None = None,
        progress: ProgressCallback | None = None,
        force: bool = False,
        language: str | None = None,
        voice: str | Path | None = None,
        respeak: Mapping[int, int] | None = None,
    ) -> ArticleResult:
        """Build the episode of one article: a file, an http(s) URL, or "-" for standard input
        (or ``document``, an article already read, named ``path`` in messages).

        ``title``, ``author`` and ``date`` override what is found in the article; ``language`` and
        ``voice`` the narrator's own for this article. An episode that is already up to date (same
        words, voice, pauses, audio settings and tags, and no chunk left to a fallback voice) is
        left as it is, unless ``force``. ``respeak``: chunk index -> voice of the preset's fallback chain
        (0: the preset's own, 1: its fallback, …): those chunks are spoken again, not taken from the
        chunk cache (``narrate batch --retry-flagged``); with ``force``, the others come from the cache.
        """
        policy = LanguagePolicy(given=language or self.language, assumed=self.config.build.assumed_language)
        if document is not None:
            article = article_from_document(document, title=title, rules=self.config.line_rules, language=policy)
        else:
            article = read_article(
                path, title=title, rules=self.config.line_rules, limits=self.config.intake.limits(), language=policy
            )
        if author is not None or date is not None:
            author = clean_line(author) if author is not None else None  # NUL would split the ID3 tag
            article = replace(article, author=author or article.author, date=date or article.date)
        speaking = replace(self.voice_for(article.language, voice), respeak=dict(respeak or {}))
        slug, previous = claim_slot(self.out_dir, article.source, article.title)
        try:
            return self._narrate_in_slot(article, speaking, slug, previous, path, progress, force)
        finally:
            release_slot(self.out_dir, slug)

    def _narrate_in_slot(
        self,
        article: Article,
        voice: _Voice,
        slug: str,
        previous: EpisodeRecord | None,
        path: str | Path,
        progress: ProgressCallback | None,
        force: bool,
    ) -> ArticleResult:
        chunks = episode_chunks(
            article,
            voice.speaker.max_chars,
            voice.to_speech,
            spoken_intro=self.config.episode.spoken_intro,
            spoken_outro=self.config.episode.spoken_outro,
            show_title=self.config.show.title,
        )
        fingerprint = self._fingerprint(article, voice, chunks)
        if previous is not None and not force and self._up_to_date(previous, article, fingerprint):
            self._report(progress, str(path), article.title, len(chunks), len(chunks), previous.audio.duration,
                         {"cached": len(chunks), "fallback": 0})
            record = load_episode(self.out_dir, slug)
            write_episode_pages(self.out_dir, record, self.config.show, article.html,  # unchanged files stay
                                keep_scripts=self.config.pages.keep_scripts)
            return ArticleResult(source=str(path), record=record, status="unchanged")
        folder = episodes_root(self.out_dir) / slug
        record = self._speak_and_store(article, voice, chunks, slug, folder, previous, str(path), progress, fingerprint)
        write_episode_pages(self.out_dir, record, self.config.show, article.html,
                            keep_scripts=self.config.pages.keep_scripts)
        return ArticleResult(source=str(path), record=record, status="new" if previous is None else "rebuilt")

    def _fingerprint(self, article: Article, voice: _Voice, chunks: list[Chunk]) -> str:
        """Everything that decides the episode's audio and tags, hashed."""
        payload = {
            "version": _FINGERPRINT_VERSION,
            "voice": voice.identity,
            "pauses": asdict(voice.pauses),
            "chunks": [[c.kind.value, c.first_in_block, c.text, c.speech] for c in chunks],
            "audio": [self.config.build.bitrate, self.config.build.sample_rate],
            "tags": [article.title, article.author, article.date, self.config.show.title, _description(article),
                     article.language],
        }
        quote = voice.speaker.quote_identity()
        if quote is not None:  # only then: the episodes made without a quote voice keep their fingerprint
            payload["quote_voice"] = quote
            payload["quoted"] = [[s.quoted for s in c.units] for c in chunks]
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8")).hexdigest()

    def _up_to_date(self, previous: EpisodeRecord, article: Article, fingerprint: str) -> bool:
        audio = previous.audio_path(self.out_dir)
        return (
            previous.fingerprint == fingerprint
            and previous.source == article.source
            and not previous.voice.get("fallback_chunks")
            and audio.is_file()
            and audio.stat().st_size == previous.audio.bytes
        )

    def _speak_and_store(
        self,
        article: Article,
        voice: _Voice,
        chunks: list[Chunk],
        slug: str,
        folder: Path,
        previous: EpisodeRecord | None,
        label: str,
        progress: ProgressCallback | None,
        fingerprint: str,
    ) -> EpisodeRecord:
        show, build = self.config.show, self.config.build
        temp = make_temp_file(folder, ".mp3")
        written: list[Path] = []
        counts = {"cached": 0, "fallback": 0}
        fell_back: dict[str, list[int]] = {}
        # The engine starts before the audio stage is set up (its first use imports scipy.ndimage):
        # the first sentences are spoken, or in the air, meanwhile; and what the episode's files will need
        # is prepared while the first of them are spoken (_prepare_publishing).
        speaking = voice.speaker.speak(
            chunks, ahead=self.threaded, respeak=voice.respeak, meanwhile=lambda: self._prepare_publishing(article)
        )
        try:
            first = next(speaking, None)
            writer = Mp3Writer(
                temp, input_rate=self._timeline_rate(voice), output_rate=build.sample_rate, bitrate=build.bitrate,
                threaded=self.threaded, shown_as=f"the audio of episode {slug} in {folder}",
            )
            with writer:
                assembler = Assembler(
                    writer, voice.pauses, target_lufs=build.loudness, ceiling_dbtp=build.true_peak,
                    threaded=self.threaded,
                )
                self._report(progress, label, article.title, 0, len(chunks), 0.0, counts)
                try:
                    spoken = speaking if first is None else itertools.chain([first], speaking)
                    encoded = self._assemble(assembler, voice, spoken, len(chunks), label, article, progress, counts,
                                             fell_back)
                except BaseException:
                    assembler.abort()
                    raise
            parts = assembler.parts
            description = _description(article)
            chapters = chapters_of(parts, article.title, encoded.duration)
            stem = f"{slug}-{encoded.sha256[:12]}"
            guid = previous.guid if previous else episode_guid(show.base_url, slug)
            found = self._cover(article)
            cover, warnings = found.data, list(found.warnings)
            if voice.choice.warning:
                warnings.append(voice.choice.warning)
            cache_problem = self.speakers.take_cache_problem()
            if cache_problem:
                warnings.append(cache_problem)
            tag_warnings = write_tags(
                temp,
                EpisodeTags(
                    title=article.title,
                    show=show.title,
                    author=article.author,
                    date=article.date,
                    comment=description,
                    transcript=article.spoken_text,
                    duration=encoded.duration,
                    cover=cover,
                    article_url=article.url,
                    feed_url=feed_url(show),
                    guid=guid,
                    description=description,
                    chapters=chapters,
                ),
                version=build.id3_version,
            )
            warnings += tag_warnings
            quote_voice = voice.speaker.quote_preset
            timed = timed_sentences(parts, voices=quote_voice is not None)
            cues = caption_cues(timed)
            srt_cues = caption_cues(timed, SRT_LINE_CHARS, max_lines=SRT_LINES)  # Podcasting 2.0: 2 × 32
            files = {
                "details": f"{stem}.details.json",
                "vtt": f"{stem}.vtt",
                "srt": f"{stem}.srt",
                "transcript_json": f"{stem}.transcript.json",
                "chapters_json": f"{stem}.chapters.json",
            }
            contents = {
                "vtt": to_webvtt(cues),
                "srt": to_srt(srt_cues),
                "transcript_json": to_podcast_json(cues),
                "chapters_json": chapters_json(chapters),
            }
            for kind, content in contents.items():
                write_text_atomic(folder / files[kind], content)
                written.append(folder / files[kind])
            artwork = _episode_artwork(found)
            if artwork is not None:  # the article's lead image meets Apple's rules: the episode's itunes:image
                data, suffix = artwork
                files["image"] = f"{slug}-{hashlib.sha256(data).hexdigest()[:12]}{suffix}"
                write_bytes_atomic(folder / files["image"], data)
                written.append(folder / files["image"])
            audio_name = f"{stem}.mp3"
            os.replace(temp, folder / audio_name)
        except BaseException:
            speaking.close()  # the engine's workers stop (what is queued is dropped)
            temp.unlink(missing_ok=True)
            for path in written:
                if previous is None or path.name not in previous.files.values():  # not the old episode's
                    path.unlink(missing_ok=True)
            raise

        quality = quality_report(
            parts, encoded.duration, assembler.meter.integrated(), assembler.meter.true_peak(), len(chapters)
        )
        now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
        record = EpisodeRecord(
            guid=guid,
            slug=slug,
            title=article.title,
            source=article.source,
            source_sha256=article.content_sha256,
            published=previous.published if previous else now,
            updated=now,
            audio=AudioInfo(
                file=audio_name,
                bytes=(folder / audio_name).stat().st_size,
                duration=encoded.duration,
                sample_rate=encoded.sample_rate,
                bitrate=encoded.bitrate,
                sha256=encoded.sha256,
            ),
            voice={
                "preset": voice.preset.name,
                "engine": voice.speaker.engine.name,
                "identity": voice.identity,
                "fallback_chunks": fell_back,
                "language": voice.choice.speaks,
                "reason": voice.choice.reason,
                "hint": voice.choice.hint,
                "speed": voice.speaker.preset.speed,
                **({"quote_preset": quote_voice.name} if quote_voice is not None else {}),
            },
            description=description,
            spoken_text=article.spoken_text,
            author=article.author,
            date=article.date,
            site=article.site,
            url=article.url,
            language=article.language,
            language_source=article.language_source,
            image=article.image,
            title_source=article.title_source,
            sections=[{"title": c.title, "start": c.start} for c in chapters[1:]],
            chapters=[{"title": c.title, "start": c.start, "end": c.end} for c in chapters],
            chunks=[_chunk_info(n, part) for n, part in enumerate(parts)],
            removed=[{"line": r.line, "text": r.text, "rule": r.rule} for r in article.removed],
            files=files,
            quality=quality,
            warnings=warnings,
            fingerprint=fingerprint,
            feed_url=feed_url(show),
        )
        write_sidecar(self.out_dir, record)
        remove_stale_files(folder, slug, keep=stem, also=files.values())
        return record

    def _assemble(
        self,
        assembler: Assembler,
        voice: _Voice,
        spoken_chunks: Iterable[Spoken],
        total: int,
        label: str,
        article: Article,
        progress: ProgressCallback | None,
        counts: dict[str, int],
        fell_back: dict[str, list[int]],
    ) -> EncodedAudio:
        """Intro audio, every chunk as it is spoken, outro audio; then the finished MP3."""
        episode = self.config.episode
        rate = assembler.rate
        intro, outro = self.config.audio_file(episode.intro_audio), self.config.audio_file(episode.outro_audio)
        if intro is not None:
            assembler.add_music(load_music(intro, rate, episode.fade), intro.name, 0.0)
        for spoken in spoken_chunks:
            assembler.add_chunk(spoken)
            counts["cached"] += spoken.cached
            counts["fallback"] += spoken.fallback
            if spoken.fallback:
                fell_back.setdefault(spoken.preset, []).append(spoken.chunk.index)
            self._report(progress, label, article.title, spoken.chunk.index + 1, total, assembler.position, counts)
        if outro is not None:
            assembler.add_music(load_music(outro, rate, episode.fade), outro.name, voice.pauses.paragraph)
        return assembler.finish()

    def _timeline_rate(self, voice: _Voice) -> int:
        """The rate the episode is laid out, levelled and limited at before the writer resamples it to
        the file's: the voices' own (hibari's 24 kHz: nothing above it to keep, and 0.54 of the work of
        44.1 kHz), or the file's when intro or outro music is played (its treble is kept)."""
        episode, rate = self.config.episode, self.config.build.sample_rate
        if episode.intro_audio or episode.outro_audio:
            return rate
        return min(rate, voice.speaker.sample_rate)

    def _prepare_publishing(self, article: Article) -> None:
        """What the episode's files need that the time the first sentences take to speak can pay for: the
        show's drawn cover, the JPEG its tag embeds (unless an image must be fetched, the article's or the
        show's: a slow server must not hold up the speaking), and the page templates compiled."""
        self._ensure_cover()
        compile_templates()
        show = self.config.show
        cover = read_cover(article.image, show.image, self.config.intake, self.out_dir, local_only=True).data
        if cover is not None:
            try:
                cover_jpeg(cover)
            except NarrateError:  # not an image: the tag says so in its warning, after the audio
                pass

    def _ensure_cover(self) -> None:
        """Draw ``cover.png`` from the show's title when the show has no image and it is not there yet:
        the feed's artwork and every episode's tag. Never in an output folder that has vanished (the
        build reports that; drawing would make a new, half-empty show where it was)."""
        if not self.config.show.image and self.out_dir.is_dir():
            ensure_default_cover(self.out_dir, self.config.show.title)

    def _cover(self, article: Article) -> Cover:
        """The episode's cover: the article's lead image, else the show's image; never fatal."""
        return read_cover(article.image, self.config.show.image, self.config.intake, self.out_dir)

    @staticmethod
    def _report(
        progress: ProgressCallback | None,
        label: str,
        title: str,
        done: int,
        total: int,
        seconds: float,
        counts: dict[str, int],
    ) -> None:
        if progress is not None:
            progress(Progress(label, title, done, total, seconds, counts["cached"], counts["fallback"]))


def build(
    articles: Sequence[str | Path],
    *,
    out_dir: str | Path = "output",
    voice: str | Path | None = None,
    title: str | None = None,
    config: Config | str | Path | None = None,
    show_title: str | None = None,
    base_url: str | None = None,
    progress: ProgressCallback | None = None,
    use_cache: bool = True,
    force: bool = False,
    language: str | None = None,
    listen: bool = False,
) -> BuildReport:
    """Narrate ``articles`` into ``out_dir`` and rebuild its feed; ``listen``: hear every episode
    made back with the recogniser (:mod:`narrate.publish.listen`) and keep the figures in its sidecar.

    An article that cannot be narrated is reported in the result and the others are still built;
    errors that concern the whole build (config, voice preset, output folder) raise
    :class:`NarrateError`.
    """
    out = Path(out_dir)
    if title is not None and len(articles) != 1:
        raise InputError(f"a title can only be given for one article, not {len(articles)}")
    if sum(str(a) == "-" for a in articles) > 1:
        raise InputError("standard input (-) can only be read once")
    if isinstance(config, Config):
        cfg = config
    else:
        cfg = load_config(Path(config) if config is not None else None, out_dir=out)
    cfg = cfg.with_overrides(show_title=show_title, base_url=base_url)
    hearer = None
    if listen:
        from .publish.listen import recogniser_for, resolve_model

        hearer = recogniser_for(resolve_model(None, cfg.listen.model))
    narrator = Narrator.create(out, cfg, voice, use_cache=use_cache, language=language)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder {out}: {exc.strerror or exc}") from exc
    with folder_lock(out):
        remove_stray_temporary_files(out)
        try:
            return _build_locked(articles, out, cfg, narrator, title, progress, force, hearer)
        except KeyboardInterrupt:
            remove_stray_temporary_files(out)
            raise


def _build_locked(
    articles: Sequence[str | Path],
    out: Path,
    cfg: Config,
    narrator: Narrator,
    title: str | None,
    progress: ProgressCallback | None,
    force: bool,
    hearer: Recogniser | None = None,
) -> BuildReport:
    if cfg.path is None:
        write_config_template(out)

    results: list[ArticleResult] = []
    try:
        for article in articles:
            _require_folder(out)
            try:
                results.append(narrator.narrate(article, title=title, progress=progress, force=force))
                if hearer is not None and results[-1].record is not None:
                    heard = check_episode(out, results[-1].record.slug, hearer, cfg)
                    results[-1] = replace(results[-1], listening=heard)
            except NarrateError as exc:
                results.append(ArticleResult(source=str(article), error=str(exc)))
    finally:
        narrator.close()
    _require_folder(out)
    feed_path, count, problems = rebuild_feed(out, cfg)
    return BuildReport(out, results, feed_path, count, cfg, problems)


def check_episode(out: Path, slug: str, hearer: Recogniser, cfg: Config) -> ListenReport:
    """The listening check of one episode just made, its figures kept in its sidecar."""
    from .publish.listen import FlagRule, listen_episode, load_for_listening

    record = load_for_listening(out, slug)
    return listen_episode(out, record, hearer, rule=FlagRule(threshold=cfg.listen.threshold))


def _require_folder(out: Path) -> None:
    """Stop when the output folder vanished mid-build (deleted, an unmounted share): writing on would
    make a new, half-empty show in its place."""
    if not out.is_dir():
        raise OutputError(f"the output folder {out} disappeared during the build; nothing more was written")


def rebuild_feed(out_dir: Path, config: Config) -> tuple[Path, int, list[CatalogProblem]]:
    """Write the feed from every sidecar in ``out_dir``.

    A show without an image gets ``cover.png``, drawn from its title, so that the feed has artwork.
    """
    records, problems = load_catalog(out_dir)
    show = config.show
    records = [follow_base_url(out_dir, record, show) for record in records]
    if not show.image:
        show = replace(show, image=ensure_default_cover(out_dir, show.title))
    feed = write_feed(out_dir, show, records)
    write_pages(out_dir, show, records)
    return feed, len(records), problems


def follow_base_url(out_dir: Path, record: EpisodeRecord, show: ShowConfig) -> EpisodeRecord:
    """``record``, its MP3 and its pages made for the show's base_url when they were made for another.

    Everything of an episode derived from base_url follows it: the MP3's WFED frame (the feed URL;
    rewritten in place, atomically: only the tag changes, so the audio's hash and the file's name stay,
    and the sidecar gets the file's new size for the enclosure), the episode page's subscribe link, the
    player snippet's audio, captions and download links, and the player in ``article.html``. The
    sidecar is written last, so an interrupted run is completed by the next. An episode already made
    for this base_url is returned as it is, without opening any file. The guid stays, as it must.
    """
    url = feed_url(show)
    if record.feed_url == url:
        return record
    try:
        full = load_episode(out_dir, record.slug)
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise OutputError(f"cannot move episode {record.slug} to the new base_url: unreadable sidecar ({exc})") from exc
    audio = full.audio_path(out_dir)
    set_feed_url(audio, url)
    full = replace(full, feed_url=url, audio=replace(full.audio, bytes=audio.stat().st_size))
    refresh_episode_pages(out_dir, full, show)
    write_sidecar(out_dir, full)
    return replace(record, feed_url=url, audio=full.audio)


def _episode_artwork(cover: Cover) -> tuple[bytes, str] | None:
    """The article's lead image and its suffix when Apple Podcasts takes it as episode artwork
    (:func:`~narrate.publish.artwork.artwork_suffix`); the show's image is the channel's already."""
    if not cover.from_article or cover.data is None:
        return None
    suffix = artwork_suffix(cover.data)
    return (cover.data, suffix) if suffix else None


def _description(article: Article) -> str:
    first = next((b.text for b in article.blocks if b.kind is BlockKind.PARAGRAPH), article.blocks[0].text)
    if len(first) <= _DESCRIPTION_CHARS:
        return first
    cut = first.rfind(" ", 0, _DESCRIPTION_CHARS)
    return first[: cut if cut > 0 else _DESCRIPTION_CHARS].rstrip(" ,;:") + "…"


def _chunk_info(index: int, part: PlacedPart) -> ChunkInfo:
    sentences = part.sentences
    return ChunkInfo(
        index=index,
        kind=part.kind,
        text=part.text,
        pause_before=part.pause_before,
        start=part.start,
        duration=part.duration,
        spoken=" ".join(s.spoken for s in sentences),
        preset=next((s.preset for s in sentences), ""),
        engine=next((s.engine for s in sentences), ""),
        sentences=[
            {"text": s.text, "spoken": s.spoken, "start": s.start, "end": s.end, "preset": s.preset,
             **({"quoted": True} if s.quoted else {})}
            for s in sentences
        ],
        block=part.block,
        first_in_block=part.first_in_block,
    )
