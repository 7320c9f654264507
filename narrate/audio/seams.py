"""Where one sentence unit meets silence: the engine's edges and long inner pauses, shaped so that
every pause heard in an episode is narrate's own and no cut clicks.

An engine returns each request with its own silence around the speech and, when a request holds
two sentences (a quotation, short sentences kept together), its own pause between them (hibari:
0.75-0.82 s, against the preset's 0.35 s between units). :func:`shape` does three things to one
unit's audio, all at frame resolution (5 ms RMS frames):

- **speech bounds**: the first and last frame at or above ``speech_db``;
- **edges**: the engine's onset before the first loud frame and its decay after the last one are
  kept down to ``keep_db`` (at least ``min_lead`` / ``min_tail``, at most ``max_lead`` /
  ``max_tail``), everything outside is dropped, and a raised-cosine fade (``fade``) runs over the
  first and last samples kept, so the unit starts and ends at digital silence without a step;
- **inner pauses**: a run of silent frames (below ``speech_db``) between the bounds that is longer
  than ``max_inner`` (0.45 s) is cut down to the preset's pause (never lengthened): the first half
  and the last half of that pause are kept (the decay of what comes before, the onset of what
  follows), the middle goes, and both sides of the cut are faded.

Levels are judged **as heard**: the episode is levelled after assembly (about +10 dB for hibari), so
a frame's level here is its level in the unit plus ``gain_db``, the gain levelling will give it.
Judged on the engine's raw level, a cut at "-50 dBFS" lands at -40 dBFS in the episode.

How the assembler lays silence (see :func:`silence_between`): the decay kept after a unit and the
onset kept before the next are quiet but not nothing, so half of them counts as pause: the digital
silence laid is ``pause - (tail + lead) / 2``. With at most 60 ms of decay and 30 ms of onset, both
ways of measuring a pause stay within 45 ms of the preset's:

- **pause** (sidecar): the start of a unit minus the end of the one before (the digital silence);
- **pause** (heard): the run of 5 ms frames below -50 dBFS in the decoded episode (decay + digital
  silence + onset).

An **edge** is the median absolute sample, in dBFS, of the 5 ms before a unit's end (or after its
start) as the sidecar places it, in the decoded episode. The unit's times in the sidecar are those
of the kept audio (onset and decay included), so a caption starts at most ``max_lead`` before the
speech.

Measured on the seed episode (``python benchmarks/run.py seed-seams``; former cut in brackets):
longest silence inside a unit 0.45 s (0.81); end edges median -73 dBFS, 95th percentile -65 (-42,
-36); start edges -84, -78 (-44, -28); pauses within 22 ms of the preset's both ways (10 ms heard);
cues within 10 ms of the speech. Kept decay 10-35 ms past the -50 dBFS frame, onset 10 ms; 12 of 59
units had an inner pause cut (the three quotations holding two sentences among them).

:data:`HARD_CUT` is the former behaviour as a style of the same code (10 ms frames, -50 dBFS on the
engine's raw level, nothing kept, no fades, inner pauses left alone), for comparison.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

__all__ = ["HARD_CUT", "SEAMS", "SeamStyle", "Shaped", "frame_levels", "shape", "silence_between", "silent_runs"]


@dataclass(frozen=True)
class SeamStyle:
    """How units are cut from an engine's audio. Levels in dBFS as heard; times in seconds."""

    speech_db: float = -50.0
    """A frame at or above this is speech; below, silence."""
    keep_db: float = -60.0
    """Onset and decay are kept while their frames stay at or above this."""
    min_lead: float = 0.010
    """Onset kept before the first speech frame even when quieter than ``keep_db`` (room for the fade)."""
    max_lead: float = 0.030
    min_tail: float = 0.010
    max_tail: float = 0.060
    fade: float = 0.010
    """Raised-cosine fade at every cut (at most the length of what is kept there)."""
    max_inner: float | None = 0.45
    """Silent runs inside a unit longer than this are cut down to the pause; None leaves them.

    0.05 s under the 0.5 s that no inner pause may exceed (issue 15): measured again in the decoded
    episode, on frames aligned elsewhere and with the codec's noise, a run can come out a frame or
    two longer (a 0.495 s run measured 0.499 s)."""
    frame: float = 0.005
    heard: bool = True
    """Judge levels after the gain levelling will apply (``gain_db``); False: on the raw samples."""

    def __post_init__(self) -> None:
        for name in ("min_lead", "max_lead", "min_tail", "max_tail", "fade"):
            value = getattr(self, name)
            if not (math.isfinite(value) and 0.0 <= value <= 1.0):
                raise ValueError(f"{name} must be between 0 and 1 second, not {value!r}")
        if not 0.001 <= self.frame <= 0.1:
            raise ValueError(f"frame must be between 1 and 100 ms, not {self.frame!r}")
        if self.max_inner is not None and not self.max_inner > 0:
            raise ValueError(f"max_inner must be positive or None, not {self.max_inner!r}")
        if self.keep_db > self.speech_db:
            raise ValueError("keep_db must not be above speech_db")


SEAMS = SeamStyle()
"""narrate's style: decay and onset kept to -60 dBFS as heard, 10 ms fades, inner pauses <= 0.45 s."""

HARD_CUT = SeamStyle(
    speech_db=-50.0, keep_db=-50.0, min_lead=0.0, max_lead=0.0, min_tail=0.0, max_tail=0.0, fade=0.0,
    max_inner=None, frame=0.01, heard=False,
)
"""The former cut: trimmed at -50 dBFS of the raw samples on 10 ms frames, nothing kept, no fades."""


@dataclass(frozen=True)
class Shaped:
    """A unit's audio ready to be placed."""

    samples: np.ndarray
    lead: int
    """Samples of onset kept before the first speech frame (0 for an empty unit)."""
    tail: int
    """Samples of decay kept after the last speech frame."""
    removed: int
    """Samples of inner silence cut out."""


def frame_levels(samples: np.ndarray, frame: int) -> np.ndarray:
    """RMS level in dBFS of each ``frame``-sample frame (a short last frame is measured on its own
    length); -inf for digital silence."""
    x = np.asarray(samples, dtype=np.float64)
    n = len(x)
    if not n:
        return np.zeros(0)
    count = -(-n // frame)
    padded = np.zeros(count * frame)
    padded[:n] = x
    power = np.mean(np.square(padded.reshape(count, frame)), axis=1)
    power[-1] *= frame / (n - (count - 1) * frame)
    with np.errstate(divide="ignore"):
        return 10.0 * np.log10(power)


def silent_runs(quiet: np.ndarray) -> np.ndarray:
    """(first, stop) frame indexes of each run of True in ``quiet``, as an (n, 2) array."""
    edges = np.diff(np.concatenate(([0], quiet.astype(np.int8), [0])))
    return np.stack((np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)), axis=1)


def _fade(length: int) -> np.ndarray:
    """Raised-cosine ramp from near 0 up to near 1 over ``length`` samples."""
    return 0.5 - 0.5 * np.cos(np.pi * (np.arange(length) + 0.5) / length)


def _extent(quiet_side: np.ndarray) -> int:
    """Frames at the inner end of ``quiet_side`` (ordered away from the speech) before the first one
    under the keep level."""
    below = np.flatnonzero(quiet_side)
    return int(below[0]) if len(below) else len(quiet_side)


def shape(samples: np.ndarray, rate: int, pause: float, *, style: SeamStyle = SEAMS, gain_db: float = 0.0) -> Shaped:
    """One unit's audio cut at its speech, with kept onset and decay, faded edges, and inner pauses
    longer than ``style.max_inner`` cut down to ``pause`` seconds (see the module docstring).

    ``gain_db``: the gain levelling will apply (ignored when ``style.heard`` is False). Float32 out;
    all-silent input gives an empty unit. Samples are never changed outside the fades.
    """
    x = np.asarray(samples, dtype=np.float32)
    frame = max(1, round(style.frame * rate))
    levels = frame_levels(x, frame) + (gain_db if style.heard else 0.0)
    loud = np.flatnonzero(levels >= style.speech_db)
    if not len(loud):
        return Shaped(np.zeros(0, np.float32), 0, 0, 0)
    first, last = int(loud[0]), int(loud[-1])
    begin, end = first * frame, min(len(x), (last + 1) * frame)

    under = levels < style.keep_db
    lead = _extent(under[:first][::-1]) * frame
    lead = min(max(lead, round(style.min_lead * rate)), round(style.max_lead * rate), begin)
    tail = _extent(under[last + 1 :]) * frame
    tail = min(max(tail, round(style.min_tail * rate)), round(style.max_tail * rate), len(x) - end)

    fade = round(style.fade * rate)
    kept = [(begin - lead, end + tail)]  # sample ranges kept, in order
    removed = 0
    if style.max_inner is not None:
        runs = silent_runs(levels[first : last + 1] < style.speech_db) + first
        long = runs[(runs[:, 1] - runs[:, 0]) * frame > round(style.max_inner * rate)]
        for run_first, run_stop in long:
            start, stop = int(run_first) * frame, int(run_stop) * frame
            keep = min(stop - start, round(pause * rate))
            head = keep // 2
            cut_from, cut_to = start + head, stop - (keep - head)
            a, b = kept.pop()
            kept += [(a, cut_from), (cut_to, b)]
            removed += cut_to - cut_from

    pieces = []
    for a, b in kept:
        piece = x[a:b].copy()
        ramp = min(fade, len(piece) // 2)
        if ramp:
            window = _fade(ramp).astype(np.float32)
            piece[:ramp] *= window
            piece[-ramp:] *= window[::-1]
        pieces.append(piece)
    return Shaped(np.concatenate(pieces), lead, tail, removed)


def silence_between(pause: float, rate: int, tail: int, lead: int) -> int:
    """Samples of digital silence to lay between a unit whose kept decay is ``tail`` samples and one
    whose kept onset is ``lead`` samples, for a pause of ``pause`` seconds: half the decay and onset
    count as pause (see the module docstring)."""
    return max(0, round(pause * rate) - (tail + lead) // 2)
