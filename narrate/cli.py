"""The ``narrate`` command: a thin layer over the library. Errors print as one line, never a traceback."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from . import __version__, cli_report
from .cli_listen import LISTEN_OPTION, RETRY_FLAGGED_OPTION, listen_command
from .cli_report import fail as _fail
from .cli_report import print_report as _print_report
from .cli_report import size_text as _size
from .cli_report import to_stderr as _to_stderr
from .console import BatchDisplay, DownloadDisplay, ProgressDisplay, PublishDisplay
from .errors import InputError, NarrateError

if TYPE_CHECKING:
    from .config import Config

# Each command imports the pipeline, batch runner, publishing or voice tools it uses, when it runs (issue 18):
# the text rules and normalisers alone take a second to import, which narrate --help should not wait for.

app = typer.Typer(
    name="narrate",
    help=(
        "Turn written articles into listenable audio: the article is cleaned of boilerplate, spoken "
        "paragraph by paragraph by a text-to-speech engine (offline by default), stitched into a "
        "tagged MP3 episode and listed in a podcast feed."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,  # help texts contain [brackets] that must print as written
    add_completion=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def load_config(path: Path | None = None, *, out_dir: Path | None = None) -> Config:
    from .config import load_config as load

    return load(path, out_dir=out_dir)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"narrate {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        Optional[bool],
        typer.Option("--version", callback=_version, is_eager=True, help="Print narrate's version and exit."),
    ] = None,
) -> None:
    """Turn written articles into listenable audio episodes and a podcast feed."""


_ALLOW_PRIVATE_OPTION = typer.Option(
    "--allow-private-addresses",
    help="Also fetch URLs on loopback, private and link-local addresses (localhost, 10.x, 192.168.x, "
    "169.254.x, fc00::/7 …). Off by default so that a URL from an article or a feed cannot reach "
    "machines on your own network; [intake] allow_private_addresses = true in narrate.toml does the same.",
)


def _allow_private_addresses(allowed: bool) -> None:
    """The switch is process-wide (an environment variable), so batch worker processes inherit it."""
    if allowed:
        from .text.fetch import ALLOW_PRIVATE_ENV  # only with the option: fetch imports requests

        os.environ[ALLOW_PRIVATE_ENV] = "1"


_PUBLISH_OPTION = typer.Option(
    "--publish",
    help="Then publish the output folder to DEST, as narrate publish DEST does: s3://bucket/prefix, "
    "sftp://user@host/path or a folder. Only what changed is sent, the feed last.",
    metavar="DEST",
    show_default=False,
)

_SPEED_OPTION = typer.Option(
    "--speed", help="The pace, 0.5 to 2.0 (1.3: spoken in 1/1.3 of the time; pauses shortened alike), for every "
    "voice instead of each preset's own speed. Engines without a speed of their own (gTTS) are time-stretched "
    "at the same pitch. [default: the preset's speed, normally 1.0]", show_default=False,
)


_LANGUAGE_HELP = (
    "The articles' language as a tag (es, fr, de, pt-BR, …): it chooses the cleaning rules, the way numbers "
    "and dates are read and the voice. [default: what the article declares (front matter, <html lang>), else "
    "the config's build.language, normally auto: detected from the text]"
)


@app.command("build")
def build_command(
    articles: Annotated[
        list[str],
        typer.Argument(
            help="Articles to narrate, each becoming one episode: text, Markdown or HTML files, http(s) "
            "URLs, or - for standard input.",
            metavar="ARTICLE",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out", "-o",
            help="Output folder. Episodes go to OUT/episodes/<name>/ and the feed to OUT/feed.xml; "
            "the feed lists every episode in the folder, not only this run's.",
        ),
    ] = Path("output"),
    voice: Annotated[
        Optional[str],
        typer.Option(
            "--voice", "-v",
            help="The voice: a preset name (narrate voices lists them) or a preset .toml file, a hibari voice "
            "(fenrir), or ENGINE:VOICE: hibari:fenrir, piper:NAME_OR_PATH, gtts:fr, espeak:es. "
            "[default: the config's build.voice, normally 'default': hibari, offline]",
            show_default=False,
        ),
    ] = None,
    language: Annotated[
        Optional[str], typer.Option("--language", "-l", help=_LANGUAGE_HELP, show_default=False)
    ] = None,
    title: Annotated[
        Optional[str],
        typer.Option(
            "--title", "-t",
            help="Episode title (one article only). Without it, a title line at the top of the article "
            "is used, or one is made from the first sentence.",
            show_default=False,
        ),
    ] = None,
    config: Annotated[
        Optional[Path],
        typer.Option(
            "--config", "-c",
            help="Config file with the show's settings. [default: OUT/narrate.toml if it exists; a "
            "commented one is created in a new output folder]",
            show_default=False,
        ),
    ] = None,
    show_title: Annotated[
        Optional[str],
        typer.Option("--show-title", help="Override the show's title from the config.", show_default=False),
    ] = None,
    base_url: Annotated[
        Optional[str],
        typer.Option(
            "--base-url",
            help="Override the URL where the output folder is published; the feed's links start with it.",
            show_default=False,
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress display; only the summary and errors.")
    ] = False,
    no_cache: Annotated[
        bool,
        typer.Option("--no-cache", help="Speak every chunk again instead of reusing speech from the chunk cache."),
    ] = False,
    force: Annotated[
        bool,
        typer.Option("--force", "-f", help="Make the episode again even when it is already up to date."),
    ] = False,
    speed: Annotated[Optional[float], _SPEED_OPTION] = None,
    allow_private: Annotated[bool, _ALLOW_PRIVATE_OPTION] = False,
    publish_to: Annotated[Optional[str], _PUBLISH_OPTION] = None,
    listen: Annotated[bool, LISTEN_OPTION] = False,
) -> None:
    """Narrate articles into tagged MP3 episodes and (re)write the podcast feed.

    Boilerplate (audio-player stubs, separators, site tags, bylines, date lines) is not spoken; the
    title, author and date are kept as metadata. An HTML article also gets article.html, its own page
    with the episode's player in place of the stub and without the page's scripts (narrate.toml
    [pages] article_scripts = "keep" keeps them). An article that cannot be read is reported and the
    others are still built; with --publish, the folder is published even then (its feed lists only
    finished episodes). Exit status: 0 if every article was built (and published), 1 otherwise.
    """
    from .pipeline import build

    _allow_private_addresses(allow_private)
    try:
        cfg = load_config(config, out_dir=out).with_speed(speed) if speed is not None else config
        with ProgressDisplay(quiet=quiet) as display:
            report = build(
                articles, out_dir=out, voice=voice, language=language, title=title, config=cfg,
                show_title=show_title, base_url=base_url, progress=display, use_cache=not no_cache, force=force,
                listen=listen,
            )
    except NarrateError as exc:
        _fail(str(exc))
    _print_report(report)
    if publish_to is not None:
        _publish_and_report(out, publish_to, base_url=report.config.show.base_url, quiet=quiet)
    if report.failed or report.flagged:
        raise typer.Exit(1)


@app.command("batch")
def batch_command(
    source: Annotated[
        str,
        typer.Argument(
            help="What to narrate: a folder of articles, a manifest (.csv or .jsonl: path or url, and optional "
            "title, author, date, voice per article), or an RSS/Atom feed of articles (file or URL).",
            metavar="SOURCE",
        ),
    ],
    out: Annotated[Path, _OUT_OPTION] = Path("output"),
    config: Annotated[Optional[Path], _CONFIG_OPTION] = None,
    jobs: Annotated[
        Optional[int],
        typer.Option("--jobs", "-j", min=1, help="Articles narrated at the same time, one core each. [default: the "
                     "machine's cores, divided by the voice engine's own threads]", show_default=False),
    ] = None,
    scheduler: Annotated[
        Optional[str],
        typer.Option("--scheduler", help="Run the articles on a Dask cluster (tcp://HOST:PORT) instead of local "
                     "processes; the output folder must be on storage every worker sees at the same path.",
                     show_default=False),
    ] = None,
    language: Annotated[
        Optional[str],
        typer.Option("--language", "-l", help="The language (es, fr, pt-BR, …) of articles whose manifest row names "
                     "none and that declare none themselves. [default: the config's build.language, normally auto: "
                     "detected from each article's text]", show_default=False),
    ] = None,
    voice: Annotated[
        Optional[str],
        typer.Option("--voice", "-v", help="The voice of every article whose manifest row names none: a preset name "
                     "or file, a hibari voice (fenrir), or ENGINE:VOICE (hibari:fenrir, piper:NAME_OR_PATH, gtts:fr, "
                     "espeak:es). [default: each article's language routed to its voice]", show_default=False),
    ] = None,
    retry_failed: Annotated[
        bool, typer.Option("--retry-failed", help="Narrate only the articles that failed in earlier runs.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", "-f", help="Make every episode again, even when up to date.")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not reuse speech from the chunk cache.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print a machine-readable summary (JSON) at the end.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
    speed: Annotated[Optional[float], _SPEED_OPTION] = None,
    allow_private: Annotated[bool, _ALLOW_PRIVATE_OPTION] = False,
    publish_to: Annotated[Optional[str], _PUBLISH_OPTION] = None,
    listen: Annotated[bool, LISTEN_OPTION] = False,
    retry_flagged: Annotated[bool, RETRY_FLAGGED_OPTION] = False,
) -> None:
    """Narrate many articles into one output folder: in parallel, resumable, and safe to interrupt.

    A job record in the output folder remembers every article: running the same batch again skips
    episodes that are up to date, retries the ones that failed and narrates again the ones that
    were edited. Ctrl-C stops cleanly (run again to continue). The feed and the show page are
    rebuilt once at the end, then, with --publish, the folder is published (not after an
    interruption). Exit status: 0 when every article was done (and published), 1 when any failed,
    130 when interrupted.
    """
    from .batch.runner import run_batch

    _allow_private_addresses(allow_private)
    try:
        cfg = load_config(config, out_dir=out).with_speed(speed) if speed is not None else config
        with BatchDisplay(quiet=quiet or as_json) as display:
            report = run_batch(
                source, out_dir=out, config=cfg, jobs=jobs, scheduler=scheduler, retry_failed=retry_failed,
                force=force, use_cache=not no_cache, progress=display, language=language, voice=voice,
                listen=listen, retry_flagged=retry_flagged,
            )
    except NarrateError as exc:
        _fail(str(exc))
    cli_report.print_batch_report(report, as_json=as_json)
    if report.interrupted:
        _to_stderr("narrate: interrupted; run the same command again to continue")
        raise typer.Exit(130)
    if publish_to is not None:
        _publish_and_report(out, publish_to, config=config, quiet=quiet or as_json)
    if report.failed:
        raise typer.Exit(1)


@app.command("clean")
def clean_command(
    article: Annotated[
        str,
        typer.Argument(
            help="The article: a text, Markdown or HTML file, an http(s) URL, or - for standard input.",
            metavar="ARTICLE",
            show_default=False,
        ),
    ],
    spoken: Annotated[
        bool,
        typer.Option("--spoken", help="Print the text as it will be spoken: lexicon applied, numbers, dates "
                     "and abbreviations written out."),
    ] = False,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="Print the structure as JSON: metadata, sections, paragraphs, spoken text, "
                     "removed lines."),
    ] = False,
    removed: Annotated[
        bool,
        typer.Option("--removed", help="List every line that is not spoken, with the name of the rule that "
                     "removed it (metadata lines included)."),
    ] = False,
    title: Annotated[
        Optional[str],
        typer.Option("--title", "-t", help="Use this title instead of the one found or derived.", show_default=False),
    ] = None,
    language: Annotated[
        Optional[str], typer.Option("--language", "-l", help=_LANGUAGE_HELP, show_default=False)
    ] = None,
    voice: Annotated[
        Optional[str],
        typer.Option("--voice", "-v", help="Voice preset whose lexicon --spoken uses. [default: the voice the "
                     "article's language is routed to]", show_default=False),
    ] = None,
    config: Annotated[
        Optional[Path],
        typer.Option("--config", "-c", help="Config file whose [clean] rules apply. [default: output/narrate.toml "
                     "if it exists]", show_default=False),
    ] = None,
    allow_private: Annotated[bool, _ALLOW_PRIVATE_OPTION] = False,
) -> None:
    """Show what narrate would read out: the cleaned article text, without speaking it.

    Nothing is written. Use it to check an article, or your own [clean] rules, before a build.
    """
    if as_json and (spoken or removed):
        _fail("--json already holds the spoken text and the removed lines; use it alone", code=2)
    from .preview import preview

    _allow_private_addresses(allow_private)
    try:
        result = preview(article, title=title, voice=voice, config=config, language=language)
    except NarrateError as exc:
        _fail(str(exc))
    if as_json:
        typer.echo(result.to_json())
        return
    if spoken or not removed:
        typer.echo(result.spoken_text() if spoken else result.display_text())
    if removed:
        if spoken:
            typer.echo("")
        typer.echo(result.removed_lines())


_OUT_OPTION = typer.Option("--out", "-o", help="The output folder.")
_CONFIG_OPTION = typer.Option(
    "--config", "-c", help="Config file with the show's settings. [default: OUT/narrate.toml if it exists]",
    show_default=False,
)


@app.command("feed")
def feed_command(
    out: Annotated[Path, _OUT_OPTION] = Path("output"),
    config: Annotated[Optional[Path], _CONFIG_OPTION] = None,
    show_title: Annotated[
        Optional[str], typer.Option("--show-title", help="Override the show's title from the config.", show_default=False)
    ] = None,
    base_url: Annotated[
        Optional[str],
        typer.Option("--base-url", help="Override the URL where the output folder is published.", show_default=False),
    ] = None,
) -> None:
    """Rebuild OUT/feed.xml from the episodes in the folder, without speaking anything.

    Use it after changing the show's settings in narrate.toml, or after removing files by hand.
    """
    from .pipeline import rebuild_feed
    from .publish.catalog import episodes_root

    try:
        cfg = load_config(config, out_dir=out).with_overrides(show_title=show_title, base_url=base_url)
        if not episodes_root(out).is_dir():
            raise InputError(f"{out} holds no episodes (build some with narrate build)")
        path, count, problems = rebuild_feed(out, cfg)
    except NarrateError as exc:
        _fail(str(exc))
    for problem in problems:
        _to_stderr(f"narrate: warning: {problem.path}: {problem.reason}; left out of the feed")
    limit = cfg.show.max_items
    listed = min(count, limit) if limit else count
    typer.echo(f"Feed: {path} lists {listed} of {count} episode(s)")


@app.command("publish")
def publish_command(
    dest: Annotated[
        str,
        typer.Argument(
            help="Where the show goes: s3://bucket/prefix (any S3-compatible store), sftp://user@host[:port]/path "
            "(sftp://host/~/path: below the login folder), or a folder on this computer.",
            metavar="DEST",
            show_default=False,
        ),
    ],
    out: Annotated[Path, _OUT_OPTION] = Path("output"),
    config: Annotated[Optional[Path], _CONFIG_OPTION] = None,
    endpoint_url: Annotated[
        Optional[str],
        typer.Option("--endpoint-url", help="The S3 endpoint (R2, B2, MinIO, …). [default: AWS_ENDPOINT_URL or the "
                     "profile's endpoint_url, else AWS itself]", show_default=False),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", "-n", help="List what would be sent and deleted; change nothing.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print a summary as JSON: sent, unchanged, deleted, bytes and the files.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
    cors: Annotated[bool, typer.Option("--cors", help="s3:// only: first add the bucket CORS rule that lets "
                                       "the player snippet, on another site, play the audio and captions.")] = False,
) -> None:
    """Put the output folder online: only what changed, media first, then pages, the feed last.

    A manifest at DEST (.narrate-manifest.json) records what was sent, with content hashes: unchanged
    files are not sent again, and files of removed episodes are deleted, only after the feed that no
    longer lists them is up. narrate.toml, hidden and temporary files are never sent. Every file gets
    its Content-Type, and a year's Cache-Control when its name carries the audio's hash (a short one
    for the feed and pages). S3 credentials come from the usual AWS places (AWS_ACCESS_KEY_ID …,
    AWS_PROFILE, ~/.aws); SFTP keys from the SSH agent or ~/.ssh/config, and the host must be in
    ~/.ssh/known_hosts. An interrupted run, run again, completes.
    """
    _publish_and_report(out, dest, config=config, endpoint_url=endpoint_url, dry_run=dry_run, as_json=as_json,
                        quiet=quiet, cors=cors)


def _publish_and_report(
    out: Path, dest: str, *, base_url: str | None = None, config: Path | None = None, endpoint_url: str | None = None,
    dry_run: bool = False, as_json: bool = False, quiet: bool = False, cors: bool = False,
) -> None:
    """Publish ``out`` to ``dest``; the show's base_url comes from the build, else from the config."""
    from .publish.upload import publish

    try:
        base_url = base_url if base_url is not None else load_config(config, out_dir=out).show.base_url
        with PublishDisplay(quiet=quiet or as_json or dry_run) as display:
            report = publish(out, dest, endpoint_url=endpoint_url, base_url=base_url, dry_run=dry_run,
                             progress=display, plan_ready=display.plan, cors=cors)
    except NarrateError as exc:
        _fail(str(exc))
    cli_report.print_publish_report(out, report, as_json=as_json, dry_run=dry_run)


@app.command("check")
def check_command(
    target: Annotated[
        str,
        typer.Argument(
            help="An output folder (its feed.xml and the files it lists), a feed file, or a feed's URL.",
            metavar="FEED_OR_DIR",
        ),
    ] = "output",
    allow_private: Annotated[bool, _ALLOW_PRIVATE_OPTION] = False,
) -> None:
    """Check a feed against what Apple Podcasts, Spotify and Podcasting 2.0 apps require.

    Every problem is printed with how to fix it; errors first, then warnings. Exit status: 1 if
    there is any error, 0 otherwise (warnings alone do not fail).
    """
    from .publish.check import check_feed

    _allow_private_addresses(allow_private)
    try:
        report = check_feed(target)
    except NarrateError as exc:
        _fail(str(exc))
    cli_report.print_check_report(report)
    if report.errors:
        raise typer.Exit(1)


@app.command("list")
def list_command(out: Annotated[Path, _OUT_OPTION] = Path("output")) -> None:
    """List the episodes in the output folder, newest first: name, date, length, title."""
    from .publish.catalog import load_catalog

    cli_report.print_episodes(out, *load_catalog(out))


app.command("listen")(listen_command)


@app.command("remove")
def remove_command(
    episode: Annotated[
        str,
        typer.Argument(help="The episode: its name (as narrate list shows it), guid, title, or article.", show_default=False),
    ],
    out: Annotated[Path, _OUT_OPTION] = Path("output"),
    config: Annotated[Optional[Path], _CONFIG_OPTION] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove an episode: its audio, transcripts, chapters and sidecar; then rebuild the feed."""
    from .pipeline import rebuild_feed
    from .publish.catalog import find_episode, remove_episode

    try:
        cfg = load_config(config, out_dir=out)
        record = find_episode(out, episode)
        if not yes:
            if not sys.stdin.isatty():
                raise InputError(f"removing '{record.slug}' needs confirmation: add --yes")
            if not typer.confirm(f"Remove '{record.title}' ({record.slug}) and its files?"):
                raise typer.Exit(1)
        removed = remove_episode(out, record)
        path, count, _ = rebuild_feed(out, cfg)
    except NarrateError as exc:
        _fail(str(exc))
    typer.echo(f"Removed {record.slug} ({len(removed)} file(s)); {path} lists {count} episode(s)")


@app.command("serve")
def serve_command(
    folder: Annotated[
        Path, typer.Argument(help="The output folder to serve.", metavar="DIR")
    ] = Path("output"),
    host: Annotated[
        str,
        typer.Option("--host", help="Address to listen on. The default keeps it to this computer; "
                     "0.0.0.0 lets other computers in."),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", help="Port to listen on.")] = 8000,
) -> None:
    """Serve the output folder over HTTP, as podcast apps and browsers need it.

    Byte ranges (so players can seek), HEAD, the right MIME types, CORS headers on transcripts and
    chapters, nothing outside the folder. Stop it with Ctrl-C. The feed's links use base_url from
    narrate.toml: leave it at http://localhost:8000/ to listen to the show here.
    """
    from .publish.server import serve

    if host not in ("127.0.0.1", "localhost", "::1"):
        _to_stderr(f"narrate: warning: listening on {host}: other computers can reach the folder")

    def ready(url: str) -> None:
        typer.echo(f"Serving {folder} at {url} (feed: {url}feed.xml); Ctrl-C to stop")

    try:
        serve(folder, host=host, port=port, ready=ready)
    except NarrateError as exc:
        _fail(str(exc))


voices_app = typer.Typer(
    help="The voices narrate can speak with: presets, hibari and Piper voices, eSpeak NG's and gTTS's languages; "
    "install and remove hibari and Piper voices.",
)
app.add_typer(voices_app, name="voices")


@voices_app.callback(invoke_without_command=True)
def voices_command(
    ctx: typer.Context,
    config: Annotated[Optional[Path], _CONFIG_OPTION] = None,
    language: Annotated[
        Optional[str],
        typer.Option("--language", "-l", help="Only what speaks this language (es, fr, en-GB, …), in every section.",
                     show_default=False),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the catalog as JSON, for scripts.")] = False,
) -> None:
    """List every voice: the presets (the language each speaks, where each comes from), which preset
    speaks which language, the speech engines with what each needs, every hibari voice (installed or
    not), the Piper voices installed, and the languages eSpeak NG and gTTS speak.

    Any of them goes to --voice: a preset name or file, a hibari voice (fenrir), or ENGINE:VOICE
    (hibari:fenrir, piper:NAME_OR_PATH, gtts:fr, espeak:es).
    """
    if ctx.invoked_subcommand is not None:
        return
    from .speech.catalog import voice_catalog

    try:
        routes = load_config(config, out_dir=Path("output")).voices
        catalog = voice_catalog(language)
    except NarrateError as exc:
        _fail(str(exc))
    cli_report.print_catalog(catalog, routes, as_json=as_json)


@voices_app.command("install")
def voices_install_command(
    name: Annotated[
        str,
        typer.Argument(help="A hibari voice (fenrir, or hibari:fenrir), a Piper voice from its catalog "
                       "(piper:en_US-lessac-medium), or a Piper model (path/voice.onnx or its URL, with its "
                       ".onnx.json beside it).", metavar="NAME", show_default=False),
    ],
    source: Annotated[
        Optional[str],
        typer.Option("--from", help="Install from this file or URL instead of the voice's own host (a hibari "
                     "voice must still match its registry's sha256; a Piper model needs its .onnx.json beside it).",
                     show_default=False, metavar="FILE_OR_URL"),
    ] = None,
) -> None:
    """Download a voice and install it, checked against its registry's checksum.

    hibari voices come from the address hibari's registry gives (NARRATE_HIBARI_VOICES_URL overrides the
    host) into HIBARI_HOME, else narrate's data folder (NARRATE_DATA_DIR, else ~/.local/share/narrate);
    Piper voices from the Piper voice catalog (NARRATE_PIPER_VOICES_URL overrides it). A download that
    stops half way resumes when the command runs again. Nothing is ever downloaded during a build.
    """
    from .speech.installer import install_voice

    try:
        with DownloadDisplay() as display:
            result = install_voice(name, source, progress=display)
    except NarrateError as exc:
        _fail(str(exc))
    voice = result.voice
    use = voice.name if voice.engine == "hibari" else voice.spec
    if result.already:
        typer.echo(f"{voice.spec}: {result.already}; use it with --voice {use}")
        return
    typer.echo(f"Installed {voice.spec} ({result.bytes / 1e6:.1f} MB) in {result.files[0].parent}; "
               f"use it with --voice {use}")


@voices_app.command("remove")
def voices_remove_command(
    name: Annotated[
        str, typer.Argument(help="The voice: fenrir, hibari:fenrir, piper:NAME.", metavar="NAME", show_default=False)
    ],
) -> None:
    """Delete an installed hibari or Piper voice (and any unfinished download of it)."""
    from .speech.installer import remove_voice

    try:
        result = remove_voice(name)
    except NarrateError as exc:
        _fail(str(exc))
    typer.echo(f"Removed {result.voice.spec} ({len(result.files)} file(s))")


@app.command("say")
def say_command(
    text: Annotated[
        list[str],
        typer.Argument(help="The text to speak; blank lines separate paragraphs. With --compare: the voices, then "
                       "the text (the last argument, when it has a space; else a sample text is spoken).",
                       metavar="TEXT | VOICE... [TEXT]", show_default=False),
    ],
    out: Annotated[
        Optional[Path],
        typer.Option("--out", "-o", help="The MP3 file to write; with --compare, the folder of the samples. "
                     "[default: say.mp3; say-compare/]", show_default=False),
    ] = None,
    voice: Annotated[
        Optional[str],
        typer.Option("--voice", "-v", help="The voice: a preset name or file, a hibari voice (fenrir), or "
                     "ENGINE:VOICE (hibari:fenrir, piper:NAME_OR_PATH, gtts:fr, espeak:es). [default: the config's "
                     "build.voice]",
                     show_default=False),
    ] = None,
    language: Annotated[
        Optional[str],
        typer.Option("--language", "-l", help="The text's language (es, fr, pt-BR, …): it chooses the voice and how "
                     "numbers are read. [default: detected from the text]", show_default=False),
    ] = None,
    config: Annotated[
        Optional[Path],
        typer.Option("--config", "-c", help="Config file (cache, MP3 settings). [default: built-in defaults]",
                     show_default=False),
    ] = None,
    speed: Annotated[Optional[float], _SPEED_OPTION] = None,
    compare_voices: Annotated[
        bool,
        typer.Option("--compare", help="Speak the same text with each VOICE given as an argument, one MP3 each "
                     "(1-<voice>.mp3, 2-<voice>.mp3…) in the --out folder, to choose between them."),
    ] = False,
) -> None:
    """Speak a short text into an MP3, to hear a voice preset before a build.

    narrate say --compare default gtts-uk espeak "Some text." writes one sample per voice side by side."""
    from .say import compare, say

    try:
        cfg = load_config(config).with_speed(speed)
        if compare_voices:
            if voice is not None:
                raise InputError("--compare takes its voices as arguments, not --voice")
            *voices, last = text
            if " " not in last.strip():
                voices, last = text, ""
            if not voices:
                raise InputError("--compare needs the voices to compare, e.g. narrate say --compare default espeak")
            results = compare(last or None, voices, out or Path("say-compare"), config=cfg, language=language)
            for result in results:
                if result.warning:
                    _to_stderr(f"narrate: warning: {result.warning}")
                typer.echo(f"{result.path}  {result.audio.duration:.1f} s  voice {result.preset}")
            return
        if len(text) != 1:
            raise InputError("say takes one text (quote it); to hear several voices, use --compare VOICE VOICE … TEXT")
        result = say(text[0], out or Path("say.mp3"), voice=voice, config=cfg, language=language)
    except NarrateError as exc:
        _fail(str(exc))
    note = f" ({result.fallbacks} chunk(s) by a fallback voice)" if result.fallbacks else ""
    if result.warning:
        _to_stderr(f"narrate: warning: {result.warning}")
    typer.echo(f"Wrote {result.path} ({result.audio.duration:.1f} s, {result.language}, voice {result.preset}){note}")


cache_app = typer.Typer(help="The chunk cache: speech already made, reused when the same words are spoken again.",
                        no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command("info")
def cache_info_command(
    config: Annotated[Optional[Path], typer.Option("--config", "-c", help="Config file naming the cache folder.",
                                                   show_default=False)] = None,
) -> None:
    """Where the chunk cache is and how much it holds."""
    from .speech.cache import ChunkCache

    try:
        info = ChunkCache(load_config(config).cache.root()).info()
    except NarrateError as exc:
        _fail(str(exc))
    typer.echo(f"{info.root}\n{info.entries} chunk(s), {_size(info.bytes)}")


@cache_app.command("prune")
def cache_prune_command(
    max_size: Annotated[str, typer.Option("--max-size", help="Keep at most this much, e.g. 500MB or 2GB; the "
                                          "least recently used chunks go first.")],
    config: Annotated[Optional[Path], typer.Option("--config", "-c", help="Config file naming the cache folder.",
                                                   show_default=False)] = None,
) -> None:
    """Delete the least recently used chunks until the cache fits in --max-size."""
    from .speech.cache import ChunkCache

    try:
        limit = cli_report.parse_size(max_size)
        result = ChunkCache(load_config(config).cache.root()).prune(limit)
    except NarrateError as exc:
        _fail(str(exc))
    typer.echo(f"Removed {result.removed} chunk(s), {_size(result.freed)}; "
               f"{result.left.entries} left, {_size(result.left.bytes)}")


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: temporary files are removed and nothing finished is lost."""


_terminated = False
"""True once SIGTERM has arrived: the exit status is then 143, not Ctrl-C's 130."""


def _terminate(signum: int, frame: object) -> None:
    global _terminated
    _terminated = True
    raise Terminated()


def _interruption(exc: BaseException) -> KeyboardInterrupt | None:
    """The Ctrl-C or SIGTERM behind ``exc``: Typer turns one into a silent exit with status 130."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, KeyboardInterrupt):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def main() -> None:
    """Console-script entry point."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        app()
    except (KeyboardInterrupt, SystemExit) as exc:
        if isinstance(exc, SystemExit) and exc.code != 130:
            raise
        interrupt = _interruption(exc)
        if interrupt is None and not _terminated:
            raise
        if interrupt is not None:  # not reported yet (batch reports its own interruption, then exits 130)
            if _terminated:
                _to_stderr("narrate: terminated; nothing finished was lost, run the command again to continue")
            else:
                _to_stderr("narrate: interrupted")
        sys.exit(143 if _terminated else 130)
