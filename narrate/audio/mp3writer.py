"""The one place that touches PCM: pauses, resampling and MP3 encoding.

An episode is encoded in one pass: clips and pauses are streamed through one resampler (soxr) into
one MP3 encoder (LAME, via lameenc) in a background thread, so synthesis of the next chunk and
encoding of the last one overlap, and the episode is never held in memory whole.
"""

from __future__ import annotations

import hashlib
import queue
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import lameenc
import numpy as np
import soxr

from ..errors import OutputError
from ..models import Clip
from .mp3info import FrameCounter, InfoFrame

_QUEUE_DEPTH = 16
_FINISH = object()  # flush the encoder, then stop
_ABORT = object()  # stop at once


@dataclass(frozen=True)
class EncodedAudio:
    """What :class:`Mp3Writer` wrote."""

    path: Path
    duration: float
    """Seconds of audio written (pauses included), from the samples themselves."""
    bytes: int
    """Size of the MP3 stream (before tags are added)."""
    sha256: str
    """Hash of the encoded audio frames: it changes exactly when the audio does."""
    sample_rate: int
    bitrate: int


def _reason(error: BaseException) -> str:
    """"No space left on device" rather than "[Errno 28] No space left on device"."""
    return error.strerror if isinstance(error, OSError) and error.strerror else str(error)


def resample(clip: Clip, rate: int) -> np.ndarray:
    """``clip``'s samples at ``rate`` (soxr, high quality), float32."""
    if clip.sample_rate == rate or not len(clip.samples):
        return clip.samples.astype(np.float32, copy=False)
    return soxr.resample(clip.samples, clip.sample_rate, rate, quality="HQ").astype(np.float32, copy=False)


class Mp3Writer:
    """Stream clips and pauses into one mono constant-bitrate MP3 file.

    ``input_rate`` is the rate of the timeline (normally the engine's); clips at another rate are
    resampled to it first. Durations are counted in input samples, so the timeline is exact.
    """

    def __init__(
        self,
        path: Path,
        *,
        input_rate: int,
        output_rate: int = 44100,
        bitrate: int = 64,
        quality: int = 4,
        threaded: bool = True,
        shown_as: str | None = None,
    ) -> None:
        """``threaded``: encode in a background thread (overlapping with the caller's work) or in
        the calling thread (one core per writer: what batch jobs want). ``shown_as`` names the file
        in error messages (say, the episode a temporary file will become). ``quality``: LAME's (0 best,
        9 fastest); 4 is where 64 kbit/s mono speech stops gaining: `benchmarks/run.py lame-quality` on
        levelled hibari speech gives PESQ-WB 4.486 / 4.497 / 4.489 at q4 / q3 / q2, a lower spectral distance
        at q4 (6.58 dB) than at q3 (6.62) or q2 (6.90), and q4 encodes 17 % faster than q3; q5 loses
        (4.471, 6.69 dB) and q7 clearly (4.153, 9.56 dB)."""
        self.path = path
        self.shown_as = shown_as or str(path)
        self.input_rate = input_rate
        self.output_rate = output_rate
        self.bitrate = bitrate
        self.samples_in = 0
        self._encoder = lameenc.Encoder()
        self._encoder.set_bit_rate(bitrate)
        self._encoder.set_in_sample_rate(output_rate)
        self._encoder.set_out_sample_rate(output_rate)
        self._encoder.set_channels(1)
        self._encoder.set_quality(quality)
        self._resampler = (
            soxr.ResampleStream(input_rate, output_rate, 1, dtype="float32", quality="HQ")
            if input_rate != output_rate
            else None
        )
        self._hash = hashlib.sha256()
        self._bytes = 0
        self._frames = FrameCounter()
        self._samples_out = 0
        self._info_size = InfoFrame(bitrate, output_rate, 0, 0, 0).size()
        self._queue: queue.Queue[object] = queue.Queue(maxsize=_QUEUE_DEPTH)
        self._error: BaseException | None = None
        try:
            self._file: BinaryIO = path.open("w+b")
            self._file.write(bytes(self._info_size))  # the Info frame, written for real by close()
        except OSError as exc:
            raise OutputError(f"cannot write {self.shown_as}: {exc.strerror or exc}") from exc
        self._worker: threading.Thread | None = None
        if threaded:
            self._worker = threading.Thread(target=self._run, name="narrate-mp3", daemon=True)
            self._worker.start()

    @property
    def position(self) -> float:
        """Seconds written so far."""
        return self.samples_in / self.input_rate

    def write(self, clip: Clip) -> float:
        """Append a clip; returns its duration in seconds on the timeline."""
        samples = resample(clip, self.input_rate)
        self._put(samples)
        return len(samples) / self.input_rate

    def write_silence(self, seconds: float) -> float:
        """Append silence; returns its exact duration (rounded to whole samples)."""
        if seconds < 0:
            raise ValueError(f"a pause cannot be negative ({seconds} s)")
        count = round(seconds * self.input_rate)
        if count > 0:
            self._put(np.zeros(count, dtype=np.float32))
        return count / self.input_rate

    def close(self) -> EncodedAudio:
        """Flush the encoder and close the file."""
        self._send(_FINISH)
        try:
            if self._error is None:
                self._write_info_frame()
        except OSError as exc:
            self._error = exc
        finally:
            try:
                self._file.close()
            except OSError as exc:  # e.g. the disk filled up while the last bytes were flushed
                self._error = self._error or exc
        if self._error is not None:
            raise OutputError(f"cannot write {self.shown_as}: {_reason(self._error)}") from self._error
        return EncodedAudio(
            path=self.path,
            duration=self.position,
            bytes=self._info_size + self._bytes,
            sha256=self._hash.hexdigest(),
            sample_rate=self.output_rate,
            bitrate=self.bitrate,
        )

    def abort(self) -> None:
        """Stop without finishing the file (the caller removes it)."""
        self._send(_ABORT)
        self._file.close()

    def __enter__(self) -> Mp3Writer:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if not self._file.closed:
            self.abort()

    def _put(self, samples: np.ndarray) -> None:
        if self._error is not None:
            raise OutputError(f"cannot write {self.shown_as}: {_reason(self._error)}") from self._error
        self.samples_in += len(samples)
        self._send(samples)

    def _send(self, item: object) -> None:
        """Hand an item to the encoder: the worker thread's queue, or straight to it."""
        if self._worker is None:
            self._handle(item)
            return
        self._queue.put(item)
        if item is _FINISH or item is _ABORT:
            self._worker.join()

    def _run(self) -> None:
        while True:
            if self._handle(self._queue.get()):
                return

    def _handle(self, item: object) -> bool:
        """Encode one item; True when the stream is over. Errors are kept for close() and _put()."""
        if item is _ABORT:
            return True
        if self._error is not None:  # keep draining so the writing thread never blocks
            return item is _FINISH
        try:
            if item is _FINISH:
                self._finish()
                return True
            if isinstance(item, np.ndarray):
                self._emit(self._resample(item, last=False))
        except BaseException as exc:  # handed to the writing thread by close() or _put()
            self._error = exc
            return item is _FINISH
        return False

    def _finish(self) -> None:
        self._emit(self._resample(np.zeros(0, np.float32), last=True))
        if self._samples_out == 0:
            raise ValueError("no audio was written")
        self._emit_mp3(self._encoder.flush())

    def _write_info_frame(self) -> None:
        """Replace the placeholder at the start of the file with the real Info frame."""
        info = InfoFrame(self.bitrate, self.output_rate, self._frames.finish(), self._bytes, self._samples_out)
        self._file.seek(0)
        self._file.write(info.build())
        self._file.flush()

    def _resample(self, samples: np.ndarray, *, last: bool) -> np.ndarray:
        if self._resampler is None:
            return samples
        return self._resampler.resample_chunk(samples, last=last)

    def _emit(self, samples: np.ndarray) -> None:
        if len(samples):
            self._samples_out += len(samples)
            scaled = np.multiply(samples, np.float32(32767.0), dtype=np.float32)  # one new array, then in place
            np.clip(scaled, -32767.0, 32767.0, out=scaled)
            pcm = np.rint(scaled, out=scaled).astype("<i2")
            self._emit_mp3(self._encoder.encode(pcm.tobytes()))

    def _emit_mp3(self, data: bytes) -> None:
        if data:
            self._file.write(data)
            self._hash.update(data)
            self._bytes += len(data)
            self._frames.feed(data)
