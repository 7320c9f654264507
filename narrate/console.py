"""Progress display for the terminal: a live bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TransferSpeedColumn,
)

if TYPE_CHECKING:  # annotations only: the displays must not make the CLI's start-up import the pipeline
    from .batch.runner import BatchProgress
    from .pipeline import Progress as ChunkProgress
    from .publish.upload import PublishPlan, PublishProgress


class ProgressDisplay:
    """Receives :class:`narrate.pipeline.Progress` events and shows them.

    On a terminal it draws one bar per article (chunks spoken, seconds of audio); when the output
    is a file or a pipe it prints a line when an article starts and about every tenth of its chunks.
    """

    def __init__(self, stream: TextIO | None = None, *, live: bool | None = None, quiet: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.live = self.stream.isatty() if live is None else live
        self._bar: Progress | None = None
        self._tasks: dict[str, TaskID] = {}
        self._last_line: dict[str, int] = {}

    def __enter__(self) -> ProgressDisplay:
        if self.live and not self.quiet:
            self._bar = Progress(
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("chunks · {task.fields[audio]:.1f} s of audio{task.fields[notes]}"),
                TimeElapsedColumn(),
                console=Console(file=self.stream),
                transient=False,
            )
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def __call__(self, event: ChunkProgress) -> None:
        if self.quiet:
            return
        if self._bar is not None:
            self._update_bar(event)
        else:
            self._print_line(event)

    def _update_bar(self, event: ChunkProgress) -> None:
        if self._bar is None:
            return
        task = self._tasks.get(event.source)
        if task is None:
            task = self._bar.add_task(_short(event.title), total=event.chunks_total, audio=0.0, notes="")
            self._tasks[event.source] = task
        self._bar.update(task, completed=event.chunks_done, audio=event.audio_seconds, notes=_notes(event))

    def _print_line(self, event: ChunkProgress) -> None:
        if event.chunks_done == 0:
            print(f"narrating {event.source}: {event.title!r}, {event.chunks_total} chunks", file=self.stream)
            self._last_line[event.source] = 0
            return
        step = max(1, event.chunks_total // 10)
        last = self._last_line.get(event.source, 0)
        if event.chunks_done - last >= step or event.chunks_done == event.chunks_total:
            self._last_line[event.source] = event.chunks_done
            print(
                f"  {event.chunks_done}/{event.chunks_total} chunks, {event.audio_seconds:.1f} s of audio{_notes(event)}",
                file=self.stream,
                flush=True,
            )


def _notes(event: ChunkProgress) -> str:
    notes = []
    if event.cached:
        notes.append(f"{event.cached} from cache")
    if event.fallbacks:
        notes.append(f"{event.fallbacks} by a fallback voice")
    return f" ({', '.join(notes)})" if notes else ""


def _short(title: str, limit: int = 40) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"


class BatchDisplay:
    """Shows a batch's progress: a live line on a terminal (articles done, failed, remaining, minutes
    of audio, time left), plain log lines otherwise (one per article)."""

    def __init__(self, stream: TextIO | None = None, *, live: bool | None = None, quiet: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.live = self.stream.isatty() if live is None else live
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> BatchDisplay:
        if self.live and not self.quiet:
            self._bar = Progress(
                TextColumn("[bold]narrating"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[status]}"),
                TimeElapsedColumn(),
                console=Console(file=self.stream),
            )
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def __call__(self, event: BatchProgress) -> None:
        if self.quiet:
            return
        status = _batch_status(event)
        if self._bar is not None:
            if self._task is None:
                self._task = self._bar.add_task("batch", total=event.total, status=status)
            self._bar.update(self._task, completed=event.done + event.failed, status=status)
            if event.last is not None and event.last.status == "failed":
                self._bar.console.print(f"failed: {event.last.source}: {event.last.error}")
            return
        if event.last is None:
            skipped = f", {event.skipped} skipped" if event.skipped else ""
            print(f"batch: {event.total} article(s) to narrate{skipped}", file=self.stream, flush=True)
            return
        last = event.last
        what = f"failed: {last.error}" if last.status == "failed" else f"{last.status}: {last.slug}"
        print(f"[{event.done + event.failed}/{event.total}] {last.source}: {what} ({status})", file=self.stream, flush=True)


class DownloadDisplay:
    """Shows a voice download: a bar per file on a terminal (bytes, speed), nothing otherwise."""

    def __init__(self, stream: TextIO | None = None, *, live: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty() if live is None else live
        self._bar: Progress | None = None
        self._tasks: dict[str, TaskID] = {}

    def __enter__(self) -> DownloadDisplay:
        if self.live:
            self._bar = Progress(
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                DownloadColumn(),
                TransferSpeedColumn(),
                TimeElapsedColumn(),
                console=Console(file=self.stream),
            )
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def __call__(self, label: str, done: int, total: int | None) -> None:
        if self._bar is None:
            return
        task = self._tasks.get(label)
        if task is None:
            task = self._tasks[label] = self._bar.add_task(_short(label), total=total)
        self._bar.update(task, completed=done, total=total)


def _batch_status(event: BatchProgress) -> str:
    eta = f", about {_duration(event.eta)} left" if event.eta is not None else ""
    return (
        f"{event.done} done, {event.failed} failed, {event.remaining} to go, "
        f"{event.audio_seconds / 60:.1f} min of audio{eta}"
    )


def _duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"


class PublishDisplay:
    """Shows a publish run: a bar of bytes sent on a terminal, one line per file sent or deleted otherwise."""

    def __init__(self, stream: TextIO | None = None, *, live: bool | None = None, quiet: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.live = self.stream.isatty() if live is None else live
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> PublishDisplay:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def plan(self, plan: PublishPlan) -> None:
        """Called once the plan is known, before anything is sent."""
        if self.quiet or not (plan.send or plan.delete):
            return
        if self.live:
            self._bar = Progress(
                TextColumn("[bold]publishing"),
                BarColumn(),
                DownloadColumn(),
                TextColumn("{task.fields[file]}"),
                TimeElapsedColumn(),
                console=Console(file=self.stream),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("publish", total=max(plan.bytes, 1), file="")
        else:
            print(f"publishing: {len(plan.send)} file(s) to send ({plan.bytes / 1e6:.1f} MB), "
                  f"{len(plan.delete)} to delete", file=self.stream, flush=True)

    def __call__(self, event: PublishProgress) -> None:
        if self.quiet:
            return
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, completed=event.bytes_done, file=_short(printable(event.path), 50))
            return
        verb = "sent" if event.action == "send" else "deleted"
        print(f"[{event.files_done}/{event.files_total}] {verb} {printable(event.path)}", file=self.stream, flush=True)


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` safe to print on a terminal: control characters (escape sequences, bells, carriage
    returns) and bidirectional overrides from servers or articles are shown as ``\\xNN`` / ``\\uNNNN``."""
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)
