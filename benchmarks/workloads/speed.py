"""Workloads ``speed-stretch`` and ``hibari-pace``: how narrate changes the pace of speech.

``speed-stretch`` compares the two pitch-preserving time stretches narrate can run without a new
dependency, both through the ffmpeg of the imageio-ffmpeg wheel: ``rubberband`` (the Rubber Band
library: phase vocoder with transient handling) and ``atempo`` (ffmpeg's WSOLA). Input: hibari's
speech (voice heart, seed 0, speed 1.0) of six plain sentences, stretched to 0.7, 1.3 and 1.5.

word error rate
    Words pocketsphinx (offline, its bundled en-us model; ``pip install pocketsphinx``) gets wrong,
    over the six sentences: the intelligibility proxy the project already uses (hibari alone: the
    ``unstretched`` note). Lower is better.
length error
    |stretched length x tempo / original length - 1|, worst of the six: how exactly the pace asked
    for is met.
spectral distance
    Mean |difference| in dB between the long-term average spectra (40 mel-spaced bands, 80 Hz to
    8 kHz) of the original and the stretched speech: a change of pitch or timbre shows here.
seconds per audio second
    Wall time of the stretch (one ffmpeg process per sentence) over the length of the input.

``hibari-pace`` measures what hibari's own ``speed`` argument does to the length of the seed
article's paragraphs (the reason narrate asks hibari for at most 1.3 and stretches the rest: see
``narrate/speech/engines/hibari.py``).
"""

from __future__ import annotations

import harness as h

SENTENCES = [
    "The committee met on Tuesday to discuss the budget for the new library.",
    "Several members said the plan was too expensive and asked for another vote next month.",
    "The mayor replied that the city had saved money for three years to pay for it.",
    "Construction could begin in the spring if the council agrees.",
    "Residents who live near the old building have asked for more parking spaces.",
    "A local teacher said the children of the town need a quiet place to read.",
]
TEMPOS = (0.7, 1.3, 1.5)
METHODS = ("rubberband", "atempo")


def _wer(reference: str, hypothesis: str) -> tuple[int, int]:
    import re

    ref = re.sub(r"[^a-z ]", "", reference.lower()).split()
    hyp = hypothesis.lower().split()
    row = list(range(len(hyp) + 1))
    for i, word in enumerate(ref, 1):
        previous, row[0] = row[0], i
        for j, heard in enumerate(hyp, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (word != heard))
    return row[-1], len(ref)


def _ltas(samples, rate: int):  # -> np.ndarray: long-term average spectrum, dB per mel band
    import numpy as np

    frame = 1024
    frames = len(samples) // frame
    window = np.hanning(frame)
    power = np.mean(np.abs(np.fft.rfft(samples[: frames * frame].reshape(frames, frame) * window, axis=1)) ** 2, axis=0)
    freqs = np.fft.rfftfreq(frame, 1 / rate)
    mel = lambda f: 2595 * np.log10(1 + f / 700)  # noqa: E731
    edges = 700 * (10 ** (np.linspace(mel(80), mel(8000), 41) / 2595) - 1)
    bands = [power[(freqs >= lo) & (freqs < hi)].mean() for lo, hi in zip(edges, edges[1:])]
    return 10 * np.log10(np.maximum(bands, 1e-12))


@h.step("speed-stretch:measure")
def _step_stretch(params: h.JSONDict) -> h.JSONDict:
    import time

    import numpy as np
    import soxr

    from narrate.audio.stretch import change_tempo
    from narrate.models import Clip
    from narrate.speech.engines.base import VoiceParams
    from narrate.speech.engines.hibari import HibariEngine, HibariOptions

    try:
        from pocketsphinx import Decoder
    except ImportError as exc:
        raise h.BenchmarkError("pocketsphinx is not installed (pip install pocketsphinx)") from exc
    engine = HibariEngine(HibariOptions())
    clips = [engine.synthesize(s, VoiceParams()) for s in SENTENCES]
    decoder = Decoder(samprate=16000)

    def heard(clip: Clip) -> str:
        pcm = (np.clip(soxr.resample(clip.samples, clip.sample_rate, 16000), -1, 1) * 32767).astype("<i2")
        decoder.start_utt()
        decoder.process_raw(pcm.tobytes(), full_utt=True)
        decoder.end_utt()
        return decoder.hyp().hypstr if decoder.hyp() else ""

    def wer(outs: list[Clip]) -> float:
        errors = [_wer(s, heard(c)) for s, c in zip(SENTENCES, outs)]
        return sum(e for e, _ in errors) / sum(n for _, n in errors)

    total = sum(c.duration for c in clips)
    original = _ltas(np.concatenate([c.samples for c in clips]), clips[0].sample_rate)
    result: h.JSONDict = {"unstretched_wer": wer(clips), "audio_s": total}
    for method in METHODS:
        for tempo in TEMPOS:
            start = time.perf_counter()
            outs = [change_tempo(c, tempo, method) for c in clips]
            elapsed = time.perf_counter() - start
            spectrum = _ltas(np.concatenate([c.samples for c in outs]), clips[0].sample_rate)
            result[f"{method}_{tempo}"] = {
                "wer": wer(outs),
                "length_error": max(abs(len(o.samples) * tempo / len(c.samples) - 1) for o, c in zip(outs, clips)),
                "spectral_db": float(np.mean(np.abs(spectrum - original))),
                "rtf": elapsed / total,
            }
    return result


@h.workload("speed-stretch")
def speed_stretch(settings: h.Settings) -> h.WorkloadResult:
    """Pitch-preserving time stretch: ffmpeg's rubberband vs atempo (word errors, length, spectrum, time)."""
    h.progress("speed-stretch: speaking, stretching and recognising ...")
    data = h.run_step("speed-stretch:measure", {}).data
    figures = []
    for tempo in TEMPOS:
        rb, at = data[f"rubberband_{tempo}"], data[f"atempo_{tempo}"]
        figures += [
            h.Figure(f"wer_{tempo}", f"word errors at {tempo}, rubberband", rb["wer"], "", f"atempo {at['wer']:.3f}",
                     decimals=3),
            h.Figure(f"length_{tempo}", f"length error at {tempo}, rubberband", rb["length_error"], "",
                     f"atempo {at['length_error']:.4f}", target_max=0.01, decimals=4),
            h.Figure(f"spectral_{tempo}", f"spectral distance at {tempo}, rubberband", rb["spectral_db"], "dB",
                     f"atempo {at['spectral_db']:.2f}", decimals=2),
            h.Figure(f"rtf_{tempo}", f"seconds per audio second at {tempo}, rubberband", rb["rtf"], "",
                     f"atempo {at['rtf']:.4f}", decimals=4),
        ]
    summary = (f"hibari heart, 6 sentences, {data['audio_s']:.1f} s; unstretched word errors "
               f"{data['unstretched_wer']:.3f}; notes: the same for atempo")
    return h.WorkloadResult("speed-stretch", summary, figures, data)


@h.step("hibari-pace:measure")
def _step_pace(params: h.JSONDict) -> h.JSONDict:
    import hibari

    text = open(params["article"], encoding="utf-8").read()
    paragraphs = [p for p in text.split("\n\n") if len(p) > 200][:12]
    tts = hibari.Hibari(voice="heart", threads=1)
    base = [len(tts(p, speed=1.0, seed=0)) for p in paragraphs]
    scales = {}
    for step in range(5, 21):
        speed = step / 10
        lengths = [len(tts(p, speed=speed, seed=0)) for p in paragraphs]
        ratios = [a / b for a, b in zip(lengths, base)]
        scales[f"{speed:.1f}"] = {"mean": sum(lengths) / sum(base), "min": min(ratios), "max": max(ratios)}
    return {"paragraphs": len(paragraphs), "scales": scales}


@h.workload("hibari-pace")
def hibari_pace(settings: h.Settings) -> h.WorkloadResult:
    """What hibari's own speed argument does to the length (vs 1/speed), 0.5 to 2.0."""
    data = h.run_step("hibari-pace:measure", {"article": str(h.seed_or_error())}).data
    figures = [
        h.Figure(f"length_{speed}", f"length at speed argument {speed}", s["mean"], "x",
                 f"1/speed {1 / float(speed):.3f}; paragraphs {s['min']:.3f}..{s['max']:.3f}", decimals=3)
        for speed, s in data["scales"].items()
    ]
    return h.WorkloadResult("hibari-pace", f"seed article, {data['paragraphs']} paragraphs", figures, data)
