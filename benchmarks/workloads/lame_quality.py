"""Workload ``lame-quality``: which LAME quality setting is right for narrate's 64 kbit/s mono speech.

The speech: the first paragraphs of the seed article spoken by the default voice (hibari, seed 0),
levelled and limited as a build does (``narrate.audio.loudness.Leveler`` at the voice's 24 kHz), then
resampled to 44.1 kHz by soxr as the writer does. It is encoded by ``narrate.audio.mp3writer.Mp3Writer``
(LAME through lameenc, 64 kbit/s CBR, mono, 44.1 kHz) at LAME qualities 2, 3, 5 and 7, and once at
320 kbit/s (quality 2) as a near-transparent reference; each MP3 is decoded by ffmpeg (an independent
decoder) and aligned to the input by cross-correlation.

encode CPU
    CPU seconds of the encoding alone (one core; LAME's psychoacoustic search is what the quality
    setting buys), best of ``--repeat``, and the same as times realtime.
PESQ-WB
    ITU-T P.862.2 wide-band PESQ (the ``pesq`` package, 16 kHz) of the decoded MP3 against the
    speech before encoding, the mean over 8-second pieces (MOS-LQO: 4.64 is the ceiling).
LSD vs input / vs 320k
    Log-spectral distance in dB (frames of 32 ms, 0-11 kHz, frames within 50 dB of the loudest only)
    of the decoded MP3 against the speech before encoding, and against the 320 kbit/s encoding.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import harness as h

QUALITIES = (2, 3, 5, 7)
PARAGRAPHS = 8
_PIECE = 8.0  # s per PESQ piece


@h.step("lame-quality:run")
def _step_lame_quality(params: h.JSONDict) -> h.JSONDict:
    """Speak, level, resample; encode at each quality; decode with ffmpeg; score."""
    import numpy as np
    import soxr
    from hibari import Hibari
    from pesq import pesq
    from pydub import AudioSegment

    from narrate.audio.loudness import Leveler
    from narrate.audio.mp3writer import Mp3Writer
    from narrate.models import Clip

    lines = [line for line in h.SEED_ARTICLE.read_text(encoding="utf-8").splitlines()[3:] if len(line) > 80]
    tts = Hibari()
    leveler = Leveler(24000)
    speech24 = np.concatenate(
        [np.concatenate([leveler.process(tts(line, seed=0)), np.zeros(12000, np.float32)]) for line in lines[:PARAGRAPHS]]
    )
    speech = soxr.resample(speech24, 24000, 44100, quality="HQ").astype(np.float32)
    seconds = len(speech) / 44100

    def encode(folder: Path, quality: int, bitrate: int) -> tuple[float, np.ndarray]:
        best = float("inf")
        path = folder / f"q{quality}-{bitrate}.mp3"
        for _ in range(params["repeat"]):
            writer = Mp3Writer(path, input_rate=44100, output_rate=44100, bitrate=bitrate, quality=quality,
                               threaded=False)
            start = time.process_time()
            writer.write(Clip(speech, 44100))
            writer.close()
            best = min(best, time.process_time() - start)
        decoded = AudioSegment.from_file(path).set_channels(1).set_frame_rate(44100)  # ffmpeg
        pcm = np.frombuffer(decoded.raw_data, dtype=np.int16).astype(np.float64) / 32768.0
        return best, _aligned(pcm, speech)

    def lsd(a: np.ndarray, b: np.ndarray) -> float:
        frame = 1411  # 32 ms at 44.1 kHz
        count = min(len(a), len(b)) // frame
        window = np.hanning(frame)
        spectra = [np.abs(np.fft.rfft(x[: count * frame].reshape(count, frame) * window, axis=1)) ** 2 for x in (a, b)]
        band = slice(1, int(11000 / 44100 * frame))
        pa, pb = (10 * np.log10(s[:, band] + 1e-12) for s in spectra)
        loud = pa.max(axis=1) > pa.max() - 50
        return float(np.mean(np.sqrt(np.mean((pa[loud] - pb[loud]) ** 2, axis=1))))

    def pesq_wb(decoded: np.ndarray) -> float:
        ref = soxr.resample(speech.astype(np.float64), 44100, 16000)
        deg = soxr.resample(decoded, 44100, 16000)
        piece = int(_PIECE * 16000)
        scores = [pesq(16000, ref[i : i + piece], deg[i : i + piece], "wb")
                  for i in range(0, min(len(ref), len(deg)) - piece + 1, piece)]
        return float(np.mean(scores))

    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="narrate-bench-lame-") as tmp:
        _, reference = encode(Path(tmp), 2, 320)
        for quality in QUALITIES:
            cpu, decoded = encode(Path(tmp), quality, 64)
            results[str(quality)] = {
                "cpu": cpu,
                "pesq_wb": pesq_wb(decoded),
                "lsd_input": lsd(speech.astype(np.float64), decoded),
                "lsd_320k": lsd(reference, decoded),
            }
        results["320k"] = {"pesq_wb": pesq_wb(reference), "lsd_input": lsd(speech.astype(np.float64), reference)}
    return {"seconds": seconds, "results": results}


def _aligned(decoded, reference):  # type: ignore[no-untyped-def]
    """``decoded`` shifted so that it lines up with ``reference`` (the decoder's delay removed)."""
    import numpy as np

    probe = min(len(reference), 44100 * 5)
    spectrum = np.fft.rfft(decoded[: 2 * probe], 4 * probe) * np.conj(np.fft.rfft(reference[:probe], 4 * probe))
    lag = int(np.argmax(np.fft.irfft(spectrum)[: probe]))
    return decoded[lag : lag + len(reference)]


@h.workload("lame-quality")
def lame_quality(settings: h.Settings) -> h.WorkloadResult:
    """LAME qualities 2, 3, 5, 7 at 64 kbit/s on hibari speech: encode CPU, PESQ-WB, spectral distance."""
    h.seed_or_error()
    run = h.run_step("lame-quality:run", {"repeat": settings.repeat})
    seconds, results = run.data["seconds"], run.data["results"]
    figures = []
    for quality in QUALITIES:
        r = results[str(quality)]
        figures += [
            h.Figure(f"q{quality}_cpu", f"q{quality}: encode CPU", r["cpu"], "s",
                     note=f"{seconds / r['cpu']:.0f}x realtime ({seconds:.0f} s of speech)"),
            h.Figure(f"q{quality}_pesq", f"q{quality}: PESQ-WB", r["pesq_wb"], decimals=3),
            h.Figure(f"q{quality}_lsd", f"q{quality}: LSD vs input / vs 320k", r["lsd_input"], "dB", decimals=3,
                     note=f"{r['lsd_320k']:.3f} dB vs the 320 kbit/s encoding"),
        ]
    figures.append(h.Figure("ref_pesq", "320 kbit/s: PESQ-WB", results["320k"]["pesq_wb"], decimals=3,
                            note=f"LSD vs input {results['320k']['lsd_input']:.3f} dB"))
    return h.WorkloadResult(
        "lame-quality",
        f"{seconds:.0f} s of hibari speech (seed, levelled), 64 kbit/s mono 44.1 kHz, decoded by ffmpeg",
        figures,
        run.data,
    )
