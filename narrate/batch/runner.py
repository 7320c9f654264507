"""Batch narration: many articles into one output folder, in parallel, resumable, observable.

The coordinator (this process) reads the source, keeps the job record (:mod:`narrate.batch.jobs`) and
rebuilds the feed and the show page once at the end. The work on each article runs in worker
processes — local ones (``jobs``), or the workers of a Dask cluster (``scheduler``), which must see
the output folder at the same path. Each worker keeps its narrators (engines, models) between
articles and runs every article on one core, so that ``jobs`` articles run side by side.

Nothing is lost to an interruption: every file is written under a temporary name and renamed, an
episode counts as done only once its sidecar is written, and a new run first puts back to pending
what the interrupted one had left running, then removes stray temporary files (the output folder
is locked while a batch runs, so none of them can belong to a live process).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Config, load_config, write_config_template
from ..errors import NarrateError, OutputError
from ..fsutil import LOCK_FILE, folder_lock, remove_stray_temporary_files
from .jobs import FAILED, JobRecord
from .sources import BatchItem, read_batch_source

if TYPE_CHECKING:
    from ..publish.catalog import ChunkInfo

FLAGGED = "listening check flagged"
"""How the job record's error of an article the listening check flagged begins (``retry_flagged``)."""

__all__ = ["LOCK_FILE", "BatchItem", "BatchProgress", "BatchReport", "ItemOutcome", "run_batch"]


@dataclass(frozen=True)
class BatchTask:
    """One article for a worker (plain data: it crosses process and machine boundaries)."""

    item: BatchItem
    out_dir: str
    config: Config
    use_cache: bool = True
    force: bool = False
    listen: bool = False
    """Hear the episode back right after it is made; a flagged one fails with the reasons."""
    respeak: tuple[tuple[int, int], ...] = ()
    """(chunk index, voice of the preset's fallback chain): chunks spoken again without the cache."""


@dataclass(frozen=True)
class ItemOutcome:
    key: str
    source: str
    status: str
    """"new", "rebuilt", "unchanged" or "failed"."""
    slug: str | None = None
    title: str | None = None
    content_sha256: str | None = None
    audio_seconds: float = 0.0
    error: str | None = None
    seconds: float = 0.0
    """Wall-clock seconds the worker spent on it."""
    flagged: tuple[tuple[int, str], ...] = ()
    """The chunks the listening check flagged: (index among the spoken chunks, voice preset that spoke it)."""


@dataclass(frozen=True)
class BatchProgress:
    """Where a batch stands; sent when it starts and after every article."""

    total: int
    done: int
    failed: int
    skipped: int
    """Articles of the source not in this run (e.g. not failed, with --retry-failed)."""
    audio_seconds: float
    elapsed: float
    last: ItemOutcome | None = None

    @property
    def remaining(self) -> int:
        return self.total - self.done - self.failed

    @property
    def eta(self) -> float | None:
        """Seconds left, from the pace so far; None before the first article ends."""
        finished = self.done + self.failed
        if not finished or not self.remaining:
            return None
        return self.elapsed / finished * self.remaining


@dataclass
class BatchReport:
    out_dir: Path
    outcomes: list[ItemOutcome] = field(default_factory=list)
    skipped: int = 0
    feed_path: Path | None = None
    feed_episodes: int = 0
    elapsed: float = 0.0
    interrupted: bool = False
    notices: list[str] = field(default_factory=list)
    """One line each: what the run could not do as asked (a flagged chunk with no fallback voice left)."""

    @property
    def failed(self) -> list[ItemOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def counts(self) -> dict[str, int]:
        counts = {"new": 0, "rebuilt": 0, "unchanged": 0, "failed": 0}
        for outcome in self.outcomes:
            counts[outcome.status] += 1
        return counts

    def to_json(self) -> dict[str, object]:
        return {
            "out_dir": str(self.out_dir),
            "counts": self.counts(),
            "skipped": self.skipped,
            "audio_minutes": round(sum(o.audio_seconds for o in self.outcomes) / 60, 2),
            "elapsed_seconds": round(self.elapsed, 2),
            "interrupted": self.interrupted,
            "feed": str(self.feed_path) if self.feed_path else None,
            "feed_episodes": self.feed_episodes,
            "failed": [{"key": o.key, "source": o.source, "error": o.error} for o in self.failed],
            "notices": self.notices,
        }


ProgressCallback = Callable[[BatchProgress], None]


def default_jobs(config: Config, voice: str | None = None) -> int:
    """The machine's cores, divided by the threads each job's engine uses itself."""
    from ..speech.voices import load_preset

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    threads = load_preset(voice or config.build.voice).options.get("threads", 1)
    return max(1, cores // max(1, int(threads) if isinstance(threads, int) else 1))


def run_batch(
    source: str | Path,
    *,
    out_dir: str | Path = "output",
    config: Config | str | Path | None = None,
    jobs: int | None = None,
    scheduler: str | None = None,
    retry_failed: bool = False,
    force: bool = False,
    use_cache: bool = True,
    progress: ProgressCallback | None = None,
    language: str | None = None,
    voice: str | None = None,
    listen: bool = False,
    retry_flagged: bool = False,
) -> BatchReport:
    """Narrate every article of ``source`` (a folder, a CSV/JSONL manifest, an RSS/Atom feed) into
    ``out_dir``, then rebuild its feed and show page once.

    An article that fails is recorded with its reason and the others go on. ``retry_failed``
    narrates only the articles that failed before. ``scheduler`` ("tcp://host:port") runs the work
    on that Dask cluster instead of local processes. ``language``: the language of articles that
    neither the source nor the article itself gives one (instead of detecting it). ``voice``: the voice
    of every article whose manifest row names none (``--voice``: a preset, a hibari voice, ENGINE:VOICE).
    ``listen``: each episode made is heard back (:mod:`narrate.publish.listen`) and a flagged one is
    recorded as failed with the flagged chunks and why (so ``retry_failed`` narrates it again).
    ``retry_flagged``: only the articles the listening check flagged, made again and heard again, with
    only their flagged chunks spoken again (the others come from the chunk cache): by the same voice
    without the cache (an online voice may answer better) until that voice was flagged twice on the
    chunk, then by the voice preset's fallback; when none is left, a line in ``notices`` says so. The
    flags per chunk and voice are kept in the job record.
    """
    out = Path(out_dir)
    cfg = config if isinstance(config, Config) else load_config(Path(config) if config else None, out_dir=out)
    cfg = cfg.with_language(language)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder {out}: {exc.strerror or exc}") from exc
    if voice is not None:
        from ..speech.voices import load_preset

        load_preset(voice)  # a voice that does not exist or is not installed: one error, before any work
    listen = listen or retry_flagged
    if listen:
        from ..publish.listen import resolve_model

        resolve_model(None, cfg.listen.model)  # no model: one error, before any work
    with folder_lock(out):
        return _run_locked(
            source, out, cfg, jobs, scheduler, retry_failed, force, use_cache, progress, voice, listen, retry_flagged
        )


def _run_locked(
    source: str | Path,
    out: Path,
    cfg: Config,
    jobs: int | None,
    scheduler: str | None,
    retry_failed: bool,
    force: bool,
    use_cache: bool,
    progress: ProgressCallback | None,
    voice: str | None = None,
    listen: bool = False,
    retry_flagged: bool = False,
) -> BatchReport:
    from ..pipeline import rebuild_feed

    started = time.monotonic()
    if cfg.path is None:
        write_config_template(out)
    remove_stray_temporary_files(out)
    items = read_batch_source(source, limits=cfg.intake.limits())
    if voice is not None:
        items = [item if item.voice else replace(item, voice=voice) for item in items]
    report = BatchReport(out)
    with JobRecord(out) as record:
        record.interrupted()
        record.add((item.key, item.source) for item in items)
        if retry_flagged:
            rows = record.rows()
            todo = [
                item for item in items
                if rows[item.key].state == FAILED and (rows[item.key].error or "").startswith(FLAGGED)
            ]
            tasks = [_again(item, record, out, cfg, report.notices) for item in todo]
        else:
            if retry_failed:
                rows = record.rows()
                todo = [item for item in items if rows[item.key].state == FAILED]
            else:
                todo = items
            tasks = [BatchTask(item, str(out), cfg, use_cache, force, listen) for item in todo]
        report.skipped = len(items) - len(todo)
        state = _Tally(len(tasks), report.skipped, started)
        if progress is not None:
            progress(state.progress())
        runner = _dask_results if scheduler else _local_results
        try:
            for outcome in runner(tasks, record, jobs or default_jobs(cfg, voice), scheduler):
                report.outcomes.append(outcome)
                if outcome.status == "failed":
                    record.fail(outcome.key, outcome.error or "failed")
                    if outcome.flagged and outcome.slug:
                        record.flag_chunks(outcome.key, outcome.slug, outcome.flagged)
                else:
                    record.finish(
                        outcome.key, outcome.status, slug=outcome.slug or "",
                        content_sha256=outcome.content_sha256 or "", audio_seconds=outcome.audio_seconds,
                    )
                if progress is not None:
                    progress(state.add(outcome))
        except KeyboardInterrupt:
            report.interrupted = True
            record.interrupted()
            remove_stray_temporary_files(out)  # the workers are stopped: whatever they left is stray
        finally:
            report.feed_path, report.feed_episodes, _ = rebuild_feed(out, cfg)
            report.elapsed = time.monotonic() - started
    return report


def _again(item: BatchItem, record: JobRecord, out: Path, cfg: Config, notices: list[str]) -> BatchTask:
    """A flagged article made again, only its flagged chunks spoken again (without the chunk cache; the
    others come from it): each by the voice that spoke it, or by the next voice of the preset's fallback
    chain once that voice was flagged twice on it. When no voice is left, a notice says so and the last
    voice speaks it again. Without the episode's flags (its sidecar gone), the whole article is spoken again."""
    from ..publish.catalog import load_episode
    from ..speech.routing import choose_voice
    from ..speech.voices import fallback_chain

    slug = record.rows()[item.key].slug
    try:
        episode = load_episode(out, slug) if slug else None
    except (OSError, ValueError, TypeError, KeyError):
        episode = None
    flagged = (episode.quality.get("listening") or {}).get("flagged", []) if episode is not None else []
    if episode is None or not flagged:
        return BatchTask(item, str(out), cfg, use_cache=False, force=True, listen=True)
    preset = choose_voice(episode.language, item.voice, cfg.voices, default=cfg.build.voice).preset
    chain = [p.name for p in fallback_chain(preset)]
    counts = record.chunk_flags(item.key)
    spoken = _spoken_indexes(episode.chunks)
    respeak: dict[int, int] = {}
    stuck: list[str] = []
    for flag in flagged:
        index = spoken.get(flag["index"])
        if index is None:
            continue
        voice = episode.chunks[flag["index"]].preset
        position = chain.index(voice) if voice in chain else 0
        while position < len(chain) and counts.get((index, chain[position]), 0) >= 2:
            position += 1
        if position == len(chain):
            position = len(chain) - 1
            stuck.append(str(flag["index"]))
        respeak[index] = position
    if stuck:
        why = "has no fallback voice" if len(chain) == 1 else f"and its fallbacks ({', '.join(chain[1:])}) were too"
        notices.append(
            f"{item.source}: chunk(s) {', '.join(stuck)} flagged twice with voice '{chain[-1]}', and preset "
            f"'{preset.name}' {why}: spoken again with '{chain[-1]}'"
        )
    return BatchTask(item, str(out), cfg, use_cache=True, force=True, listen=True, respeak=tuple(sorted(respeak.items())))


def _spoken_indexes(chunks: list[ChunkInfo]) -> dict[int, int]:
    """The sidecar's chunk index -> the index of that chunk among the spoken ones (intro and outro music
    are parts of the episode, not chunks spoken)."""
    spoken = [c.index for c in chunks if c.kind != "music"]
    return {index: n for n, index in enumerate(spoken)}


class _Tally:
    def __init__(self, total: int, skipped: int, started: float) -> None:
        self.total, self.skipped, self.started = total, skipped, started
        self.done = self.failed = 0
        self.audio = 0.0

    def add(self, outcome: ItemOutcome) -> BatchProgress:
        if outcome.status == "failed":
            self.failed += 1
        else:
            self.done += 1
            self.audio += outcome.audio_seconds
        return self.progress(outcome)

    def progress(self, last: ItemOutcome | None = None) -> BatchProgress:
        return BatchProgress(
            self.total, self.done, self.failed, self.skipped, self.audio, time.monotonic() - self.started, last
        )


# --- running the tasks -------------------------------------------------------------------------


def _local_results(
    tasks: list[BatchTask], record: JobRecord, jobs: int, scheduler: str | None
) -> Iterator[ItemOutcome]:
    """Run ``tasks`` in ``jobs`` local processes, yielding outcomes as they finish.

    A worker process that dies (killed, out of memory, an engine crashing the interpreter) breaks
    the pool, and which of the articles in it killed the worker is not known: each of them then
    runs alone, in a pool of its own. An article that kills a worker twice (the second time alone)
    is reported as failed; the others go on. What the dead workers left is removed.
    """
    queue = list(reversed(tasks))
    suspects: list[BatchTask] = []  # were in a pool whose worker died: each runs alone next
    while queue or suspects:
        alone = [suspects.pop(0)] if suspects else None
        todo, width = (alone, 1) if alone is not None else (queue, jobs)
        pool = _new_pool(min(width, len(todo)))
        pending: dict[Future[ItemOutcome], BatchTask] = {}
        broken: list[BatchTask] = []
        try:
            while todo or pending:
                while todo and len(pending) < width * 2 and not broken:
                    task = todo.pop()
                    record.start(task.item.key)
                    pending[pool.submit(narrate_item, task)] = task
                if not pending:
                    break
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    task = pending.pop(future)
                    if isinstance(future.exception(), BrokenProcessPool):
                        broken.append(task)
                        continue
                    yield _outcome_of(future, task)
                if broken:
                    broken += list(pending.values())
                    break
        except BaseException:
            _stop(pool)
            raise
        pool.shutdown(wait=True, cancel_futures=True)
        if broken:  # every worker of the pool is gone: whatever they left is stray
            remove_stray_temporary_files(Path(broken[0].out_dir))
        for task in broken:
            if alone is not None:  # alone, after a first crash among others: this is the one
                yield ItemOutcome(task.item.key, task.item.source, "failed", error="the worker process died while narrating it (twice)")
            else:
                suspects.append(task)


def _new_pool(workers: int) -> ProcessPoolExecutor:
    # fork: workers start at once and inherit engines registered in this process (plugins, tests)
    context = get_context("fork") if "fork" in _start_methods() else get_context("spawn")
    return ProcessPoolExecutor(max_workers=max(1, workers), mp_context=context, initializer=_init_worker)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop the workers (Ctrl-C, SIGTERM). After Ctrl-C they have stopped their article and removed its
    temporary files already; they get a few seconds to exit, then the rest are terminated (SIGTERM
    ends a worker at once; the coordinator then removes the temporary files it left)."""
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    deadline = time.monotonic() + 5
    for process in processes:
        process.join(timeout=max(0.0, deadline - time.monotonic()))
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=10)


def _dask_results(
    tasks: list[BatchTask], record: JobRecord, jobs: int, scheduler: str | None
) -> Iterator[ItemOutcome]:
    """Run ``tasks`` on the Dask cluster at ``scheduler``, yielding outcomes as they finish."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise NarrateError("running on a Dask cluster needs dask.distributed: pip install 'narrate[dask]'") from None
    try:
        client = Client(scheduler, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise NarrateError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    with client:
        for task in tasks:
            record.start(task.item.key)
        futures = {client.submit(narrate_item, task, key=f"narrate-{n}", pure=False): task for n, task in enumerate(tasks)}
        try:
            for future in as_completed(futures):
                yield _outcome_of(future, futures[future])
        finally:
            client.cancel(list(futures))


def _outcome_of(future: object, task: BatchTask) -> ItemOutcome:
    try:
        return future.result()  # type: ignore[attr-defined, no-any-return]
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # a worker that died (killed, out of memory) or a bug in it
        reason = f"the worker stopped ({type(exc).__name__}: {exc})".replace("\n", " ")
        return ItemOutcome(task.item.key, task.item.source, "failed", error=reason)


def _tune_allocator() -> None:
    """Undo Dask's MALLOC_TRIM_THRESHOLD_ in this worker (glibc only).

    Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, which also freezes glibc's mmap
    threshold at 128 KiB: every audio buffer is then mapped and unmapped anew, and narration ran
    about 40 % slower on Dask workers than in local processes (benchmarks/run.py batch-dask).
    Large thresholds give glibc's usual behaviour back.
    """
    if "MALLOC_TRIM_THRESHOLD_" not in os.environ or not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return
    m_trim_threshold, m_mmap_threshold = -1, -3
    libc.mallopt(m_mmap_threshold, 32 * 1024 * 1024)
    libc.mallopt(m_trim_threshold, 128 * 1024 * 1024)


def _init_worker() -> None:
    """In a local worker: SIGTERM ends it at once (a forked worker inherits the command's handler,
    whose exception can land inside a C callback, be printed and ignored, and leave the worker
    running); and the worker dies with its coordinator."""
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()


def _die_with_parent() -> None:
    """In a local worker: be killed when the coordinator dies (Linux), so that no orphan goes on
    writing into the folder after ``kill -9`` of the batch, while a new run may have started."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    libc = ctypes.CDLL(None, use_errno=True)
    pr_set_pdeathsig = 1
    libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
    if os.getppid() == 1:  # the coordinator died before this worker got here
        os._exit(1)


def _start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()


# --- in the worker ------------------------------------------------------------------------------

_NARRATORS: dict[tuple[str, str, str | None, bool], object] = {}
"""Each worker process's narrators, by output folder, config, voice and cache use: engines and
models are loaded once per process, not once per article."""


def narrate_item(task: BatchTask) -> ItemOutcome:
    """Narrate one article in a worker; every NarrateError becomes a failed outcome."""
    from ..pipeline import Narrator

    if not _NARRATORS:
        _tune_allocator()
    item = task.item
    started = time.monotonic()
    try:
        key = (task.out_dir, repr(task.config), item.voice, task.use_cache)
        narrator = _NARRATORS.get(key)
        if narrator is None:
            narrator = Narrator.create(
                Path(task.out_dir), task.config, item.voice, use_cache=task.use_cache, threaded=False
            )
            _NARRATORS[key] = narrator
        result = narrator.narrate(  # type: ignore[attr-defined]
            item.source, title=item.title, author=item.author, date=item.date, document=item.document,
            force=task.force, language=item.language, respeak=dict(task.respeak),
        )
        record = result.record
        kept = record.quality.get("listening") if result.status == "unchanged" else None
        if task.listen and kept is None:
            from ..pipeline import check_episode
            from ..publish.listen import recogniser_for, resolve_model

            hearer = recogniser_for(resolve_model(None, task.config.listen.model), workers=1)
            kept = check_episode(Path(task.out_dir), record.slug, hearer, task.config).summary()
        if task.listen and kept and kept.get("flagged"):
            reasons = "; ".join(f"chunk {c['index']}: {', '.join(c['reasons'])}" for c in kept["flagged"])
            spoken = _spoken_indexes(record.chunks)
            return ItemOutcome(item.key, item.source, "failed", slug=record.slug, title=record.title,
                               error=f"{FLAGGED} {len(kept['flagged'])} chunk(s): {reasons}",
                               seconds=time.monotonic() - started,
                               flagged=tuple((spoken[c["index"]], record.chunks[c["index"]].preset)
                                             for c in kept["flagged"] if c["index"] in spoken))
    except NarrateError as exc:
        return ItemOutcome(item.key, item.source, "failed", error=str(exc), seconds=time.monotonic() - started)
    return ItemOutcome(
        item.key,
        item.source,
        result.status,
        slug=record.slug,
        title=record.title,
        content_sha256=record.source_sha256,
        audio_seconds=record.audio.duration,
        seconds=time.monotonic() - started,
    )
