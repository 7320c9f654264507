"""What the ``narrate`` command prints: build reports, sizes, and errors and warnings as one line on
standard error (control characters escaped). The CLI (:mod:`narrate.cli`) stays a thin layer over the
library; this module only formats what the library returns."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from .console import printable
from .errors import ConfigError
from .text.language import language_name

if TYPE_CHECKING:  # annotations only, so that the CLI's start-up does not import the pipeline
    from .batch.runner import BatchReport
    from .pipeline import BuildReport
    from .publish.catalog import CatalogProblem, EpisodeRecord
    from .publish.check import CheckReport
    from .publish.listen import ListenReport
    from .publish.upload import PublishReport
    from .speech.catalog import VoiceCatalog


def parse_size(text: str) -> int:
    """Bytes in "500MB", "2 GB", "750k" or "1048576"."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*", text.lower())
    if match is None:
        raise ConfigError(f"--max-size: '{text}' is not a size such as 500MB or 2GB")
    factor = {"": 1, "k": 10**3, "m": 10**6, "g": 10**9, "t": 10**12}[match.group(2)]
    return int(float(match.group(1)) * factor)


def size_text(count: int) -> str:
    return f"{count / 1e6:.1f} MB"


def print_report(report: BuildReport) -> None:
    for result in report.failed:
        to_stderr(f"narrate: error: {result.error}")
    heard = [r.listening for r in report.results if r.listening is not None]
    if heard:
        print_listening(heard)
    built = [r for r in report.results if r.record is not None]
    noun = "episode" if len(built) == 1 else "episodes"
    failed = f", {len(report.failed)} failed" if report.failed else ""
    typer.echo(f"Built {len(built)} {noun} in {report.out_dir}{failed}")
    for result in built:
        record = result.record
        assert record is not None  # nosec B101 # type narrowing: `built` holds only results with a record
        path = record.audio_path(report.out_dir)
        minutes, seconds = divmod(round(record.audio.duration), 60)
        action = result.status
        typer.echo(
            f"  {path}  {minutes}:{seconds:02d}  {record.audio.bytes / 1e6:.1f} MB  ({action}) {record.title}"
        )
        quality = quality_line(record.quality)
        if quality:
            typer.echo(f"    {quality}")
        typer.echo(f"    {voice_line(record)}")
        if record.voice.get("hint") and result.status != "unchanged":
            typer.echo(f"    {record.voice['hint']}")
        for warning in record.warnings:
            to_stderr(f"narrate: warning: {record.slug}: {warning}")
    for problem in report.catalog_problems:
        to_stderr(f"narrate: warning: {problem.path}: {problem.reason}; left out of the feed")
    typer.echo(f"Feed: {report.feed_path} lists {report.feed_episodes} episode(s)")
    if report.config.uses_default_base_url:
        where = report.config.path or report.out_dir / "narrate.toml"
        typer.echo(
            f"  Its links use the default base URL {report.config.show.base_url}; set base_url in {where} "
            "before publishing."
        )


def voice_line(record: EpisodeRecord) -> str:
    """ "Spanish (es, detected), voice espeak: routed es -> espeak" from a sidecar."""
    language = record.language or "?"
    named = f"{language_name(language)} ({language}, {record.language_source})" if record.language_source else language
    reason = record.voice.get("reason")
    return f"{named}, voice {record.voice.get('preset')}" + (f" ({reason})" if reason else "")


def quality_line(quality: dict) -> str:
    """ "-16.0 LUFS, true peak -1.8 dBTP, 3 chapters, 152 words/min" from a sidecar's quality report."""
    parts = []
    if quality.get("loudness_lufs") is not None:
        parts.append(f"{quality['loudness_lufs']:.1f} LUFS")
    if quality.get("true_peak_dbtp") is not None:
        parts.append(f"true peak {quality['true_peak_dbtp']:.1f} dBTP")
    if quality.get("chapters"):
        parts.append(f"{quality['chapters']} chapter{'s' if quality['chapters'] != 1 else ''}")
    if quality.get("words_per_minute"):
        parts.append(f"{quality['words_per_minute']:.0f} words/min")
    return ", ".join(parts)


def to_stderr(line: str) -> None:
    """A line on standard error, its control characters escaped (they may come from servers or articles)."""
    typer.echo(printable(line), err=True)


def fail(message: str, code: int = 1) -> None:
    to_stderr(f"narrate: error: {message}")
    raise typer.Exit(code)


def print_publish_report(out: Path, report: PublishReport, *, as_json: bool, dry_run: bool) -> None:
    """The warnings, then what was sent and deleted: a summary line, each planned file on a dry run, or JSON."""
    for warning in report.warnings:
        to_stderr(f"narrate: warning: {warning}")
    if as_json:
        typer.echo(json.dumps(report.to_json(), indent=2))
        return
    size = f"{report.bytes / 1e6:.1f} MB"
    if dry_run:
        for path in report.sent:
            typer.echo(f"send    {printable(path)}")
        for path in report.deleted:
            typer.echo(f"delete  {printable(path)}")
        typer.echo(f"Dry run: would send {len(report.sent)} file(s) ({size}) to {report.destination}, delete "
                   f"{len(report.deleted)}; {report.unchanged} unchanged")
    else:
        typer.echo(f"Published {out} to {report.destination}: {len(report.sent)} sent ({size}), "
                   f"{report.unchanged} unchanged, {len(report.deleted)} deleted")
    if report.cors:
        done = {"added": "would add" if dry_run else "added", "present": "already has"}[report.cors]
        typer.echo(f"CORS: {done} a bucket rule that lets pages on any site play the audio and captions")


def print_catalog(catalog: VoiceCatalog, routes: dict[str, str], *, as_json: bool) -> None:
    """``narrate voices``: the catalog, with the config's language routes that speak its language."""
    from .speech.catalog import speaks

    routes = {tag: name for tag, name in routes.items() if tag == "*" or speaks(tag, catalog.language)}
    if as_json:
        typer.echo(json.dumps({**catalog.to_json(), "routes": routes}, indent=2, ensure_ascii=False))
        return
    for line in catalog.lines(routes):
        typer.echo(line)


def print_batch_report(report: BatchReport, *, as_json: bool) -> None:
    """``narrate batch``: the summary (or the report as JSON), each failure on standard error, the feed."""
    if as_json:
        typer.echo(json.dumps(report.to_json(), indent=2))
        return
    counts = report.counts()
    minutes = sum(o.audio_seconds for o in report.outcomes) / 60
    typer.echo(
        f"Batch: {counts['new']} new, {counts['rebuilt']} rebuilt, {counts['unchanged']} unchanged, "
        f"{counts['failed']} failed" + (f", {report.skipped} skipped" if report.skipped else "")
        + f"; {minutes:.1f} min of audio in {report.elapsed:.0f} s"
    )
    for outcome in report.failed:
        to_stderr(f"narrate: error: {outcome.source}: {outcome.error}")
    for notice in report.notices:
        to_stderr(f"narrate: notice: {notice}")
    typer.echo(f"Feed: {report.feed_path} lists {report.feed_episodes} episode(s)")


def print_check_report(report: CheckReport) -> None:
    """``narrate check``: errors, then warnings, each with its fix; then the verdict."""
    for title, problems in (("Errors", report.errors), ("Warnings", report.warnings)):
        if problems:
            typer.echo(f"{title} ({len(problems)}):")
            for problem in problems:
                typer.echo(f"  [{problem.code}] {problem.where}: {problem.message}")
                typer.echo(f"      fix: {problem.fix}")
    verdict = "not accepted as it is" if report.errors else "ok"
    typer.echo(f"{report.feed}: {verdict} ({len(report.errors)} error(s), {len(report.warnings)} warning(s))")


def print_episodes(out: Path, records: list[EpisodeRecord], problems: list[CatalogProblem]) -> None:
    """``narrate list``: one line per episode, newest first; unreadable sidecars as warnings."""
    for record in records:
        typer.echo(episode_line(record))
    for problem in problems:
        to_stderr(f"narrate: warning: {problem.path}: {problem.reason}")
    if not records:
        typer.echo(f"No episodes in {out}", err=True)


def print_listening(reports: list[ListenReport]) -> None:
    """``narrate listen``: one line per episode, one per flagged chunk, the speed."""
    for report in reports:
        verdict = f"{len(report.flagged)} chunk(s) flagged" if report.flagged else "nothing flagged"
        typer.echo(f"{report.slug}: WER {report.wer:.1%} ({report.errors} of {report.words} words), {verdict}")
        for chunk in report.flagged:
            typer.echo(f"  chunk {chunk.index} at {chunk.start:.1f} s ({chunk.kind}): {'; '.join(chunk.reasons)}")
            typer.echo(f"    expected: {printable(_clip(chunk.expected))}")
            typer.echo(f"    heard:    {printable(_clip(chunk.heard)) or '(nothing)'}")
    seconds = sum(r.audio_seconds for r in reports)
    elapsed = sum(r.elapsed for r in reports)
    model = reports[0].model if reports else ""
    typer.echo(f"Checked {seconds / 60:.1f} min of audio in {elapsed:.0f} s ({seconds / elapsed if elapsed else 0:.1f}x "
               f"realtime) with {model}")


def _clip(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def episode_line(record: EpisodeRecord) -> str:
    """``narrate list``: name, date, length, title, and the listening check's figures when it ran."""
    minutes, seconds = divmod(round(record.audio.duration), 60)
    line = f"{record.slug}  {record.published[:10]}  {minutes}:{seconds:02d}  {record.title}"
    heard = record.quality.get("listening") if isinstance(record.quality, dict) else None
    if isinstance(heard, dict) and "wer" in heard:
        flagged = heard.get("flagged") or []
        line += f"  [listened: WER {float(heard['wer']):.1%}" + (f", {len(flagged)} flagged]" if flagged else "]")
    return line
