"""The benchmark workloads, one module per workload or per closely related pair.

Importing this package imports every module below, which registers its workloads and steps in
``harness.WORKLOADS`` and ``harness.STEPS``. The order of :data:`MODULES` is the order in which
``run.py --list`` shows the workloads and ``run.py`` runs them by default.

``seed_build``       seed-build: the seed article built end to end vs synthesis alone + encoding alone
``extract_corpus``   extract-corpus: narrate's intake vs trafilatura on the 30-page Zyte sample
``hibari_cores``     hibari-cores: hibari on 1 and 2 cores (intra-op threads, Python threads, processes)
``gtts_seed``        gtts-seed: the seed via gtts against a local fake server vs gtts-cli
``rebuild_seed``     rebuild-seed: an unchanged rebuild against the first build
``batch``            batch-jobs (``--jobs 1`` vs ``--jobs 2``), batch-dask (Dask vs local processes) and
                     batch-languages (a mixed-language batch vs an English one)
``feed_10k``         feed-10k: the feed rebuilt from 10,000 episode sidecars
``audio``            long-episode (peak memory of a 2-hour narration) and audio-throughput (encoding,
                     levelling, metering speed)
``language``         language-detect: an article's language detected offline (load, time, accuracy)
``normalize_accuracy`` normalize-accuracy: English sentences read right by narrate vs hibari alone (review and
                     held-out sets, by category)
``seams``            seed-seams: the seed episode's seams (inner pauses, edge levels, pauses, cues),
                     the former hard cut vs narrate/audio/seams.py
``speed``            speed-stretch (ffmpeg's rubberband vs atempo: word errors, length, spectrum, time) and
                     hibari-pace (what hibari's own speed argument does to the length)
``listen``           listen: the seed episode heard back by Whisper base (narrate listen): audio seconds
                     checked per second, WER, flagged chunks
``lame_quality``     lame-quality: LAME's quality settings at 64 kbit/s on narrate's speech (encode CPU,
                     PESQ-WB, log-spectral distance against the input and a 320 kbit/s encoding)
"""

from importlib import import_module

MODULES = (
    "seed_build",
    "extract_corpus",
    "hibari_cores",
    "gtts_seed",
    "rebuild_seed",
    "batch",
    "feed_10k",
    "audio",
    "language",
    "normalize_accuracy",
    "seams",
    "speed",
    "listen",
    "lame_quality",
)
"""The workload modules, in the order their workloads are listed and run."""

for _module in MODULES:
    import_module(f"{__name__}.{_module}")
