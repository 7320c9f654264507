"""``narrate listen``: the listening check's command (registered on the app in :mod:`narrate.cli`, which
must stay short); what it prints is in :mod:`narrate.cli_report`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from .cli_report import fail, print_listening
from .errors import NarrateError

MODEL_HELP = (
    "The recogniser's model: a CTranslate2 Whisper model folder, whisper-base (Whisper base from the "
    "narrate[listen] extra's packages, joined once into narrate's data folder) or a name faster-whisper "
    "downloads on this explicit use (small, large-v3, …). [default: NARRATE_LISTEN_MODEL, else [listen] model "
    "in narrate.toml, else whisper-base]"
)
THRESHOLD_HELP = (
    "Word error rate (0-1) above which a chunk with at least 3 words wrong is flagged. [default: [listen] "
    "threshold in narrate.toml, normally 0.35]"
)

LISTEN_OPTION = typer.Option(
    "--listen", help="Hear each episode back right after it is made, as narrate listen does (needs narrate[listen]); "
    "a flagged episode makes the exit status 1 (in batch: the article is recorded as failed, with the reasons).",
)

RETRY_FLAGGED_OPTION = typer.Option(
    "--retry-flagged", help="Make again only the articles the listening check flagged, speaking again only their "
    "flagged chunks (the others come from the chunk cache), and hear them again (implies --listen): a chunk is "
    "spoken by the same voice, without the cache, until that voice was flagged twice on it, then by the voice "
    "preset's fallback (a notice says when the preset has none).",
)


def listen_command(
    episode: Annotated[
        Path,
        typer.Argument(help="An episode folder (OUT/episodes/NAME), its episode.json, or an output folder: every "
                       "episode in it.", metavar="EPISODE_OR_FOLDER", show_default=False),
    ],
    model: Annotated[Optional[str], typer.Option("--model", "-m", help=MODEL_HELP, show_default=False)] = None,
    threshold: Annotated[
        Optional[float], typer.Option("--threshold", help=THRESHOLD_HELP, show_default=False)
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print every chunk (JSON): its index, expected and heard "
                                          "words, WER, flagged and why.")] = False,
) -> None:
    """Hear every chunk of the episodes back with a speech recogniser and flag what they did not say.

    Each chunk's span of audio (the sidecar says where it is) is recognised offline by Whisper and compared
    with the words the chunk was meant to say, numbers and case normalised on both sides: word error rate
    per chunk and overall. A chunk is flagged when its WER is over the threshold with at least 3 words
    wrong, when it is near-silent, or when it is much shorter or longer than its words need. The figures
    are kept in each episode's sidecar (narrate list shows them). Exit status: 0 when nothing is
    flagged, 1 when a chunk is (or on an error).
    """
    from .config import load_config  # here, not at start-up: `narrate --help` stays fast
    from .publish.listen import episodes_at, listen

    try:
        out_dir = episodes_at(episode)[0][0]
        cfg = load_config(out_dir=out_dir).listen
        reports = listen(episode, model=model, configured=cfg.model,
                         threshold=cfg.threshold if threshold is None else threshold)
    except NarrateError as exc:
        fail(str(exc))
    if as_json:
        typer.echo(json.dumps([r.to_json() for r in reports], indent=2, ensure_ascii=False))
    else:
        print_listening(reports)
    if any(r.flagged for r in reports):
        raise typer.Exit(1)
