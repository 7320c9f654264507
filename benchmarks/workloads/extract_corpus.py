"""Workload ``extract-corpus``: article extraction on a sample of the Zyte benchmark.

The 30 pages of ../shared/corpus/scrapinghub-aeb (from the repository root), a sample of the Zyte
article-extraction benchmark, with its ground truth; two extractors side by side in one fresh process:
narrate's intake (``narrate.text.reader.read_article`` on the page saved as a file: extraction, then
cleaning; the body is its blocks' text joined by blank lines; when narrate.text.reader does not exist,
``narrate.text.html.extract_html``'s markdown with the "## " markers stripped) and ``trafilatura.extract``
with its default settings.

precision, recall, F1
    The benchmark's own metric (its evaluate.py): tokens are ``\\w+``, 4-token shingles taken as
    multisets; per page TP, FP and FN are normalised to sum 1; precision and recall are means over
    the pages; F1 is the harmonic mean of those two means. Target for narrate: F1 >= 0.95 with
    precision >= 0.95.
time per page
    One untimed pass over every page (the output that is scored), then ``--repeat`` timed passes;
    the best pass divided by the number of pages, every pass listed beside it.
pages with boilerplate lines
    Pages whose output still has a whole line (case-insensitive) from the reference list "Line
    patterns seen on news sites" (../shared/reference/article-cleaning.md). Target for narrate: 0.
    The lines found, and the pages where narrate scores below 0.9, are printed as warnings.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import harness as h

CORPUS = (h.REPO_ROOT / ".." / "shared" / "corpus" / "scrapinghub-aeb").resolve()
EXTRACTION_TARGET = 0.95
"""F1 and precision narrate's intake must reach on the corpus (the benchmark's published leaders
score 0.95-0.96 on its full 181 pages)."""

_TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """The benchmark's shingles: every run of ``n`` consecutive ``\\w+`` tokens, as a multiset."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def _tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    """Shingle TP, FP and FN counts of one page, normalised to sum 1 (all 0 when both are empty)."""
    t, p = _shingles(true), _shingles(pred)
    tp = fp = fn = 0.0
    for key in t.keys() | p.keys():
        tp += min(t[key], p[key])
        fp += max(0, p[key] - t[key])
        fn += max(0, t[key] - p[key])
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _page_precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _page_recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def extraction_scores(truth: dict[str, str], predicted: dict[str, str]) -> h.JSONDict:
    """The Zyte article-extraction benchmark's metric (its evaluate.py): precision and recall are
    means over the pages (pages with nothing to score left out of each mean, as there), F1 is the
    harmonic mean of the two means. Also each page's precision and recall."""
    counts = {key: _tp_fp_fn(truth[key], predicted.get(key, "")) for key in truth}
    precisions = [_page_precision(*c) for c in counts.values() if c[0] + c[1] > 0]
    recalls = [_page_recall(*c) for c in counts.values() if c[0] + c[2] > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    pages = {key: {"precision": _page_precision(*c), "recall": _page_recall(*c)} for key, c in counts.items()}
    return {"precision": precision, "recall": recall, "f1": f1, "pages": pages}


_SHORT = r"(?=(?:\S+\s+){0,11}\S+$)"
"""Lookahead: the whole line has at most 12 words (for patterns that start a line with a label)."""
BOILERPLATE_LINES = re.compile(
    "|".join(
        [
            r"getting your trinity audio player ready\W*",
            r"[|\s]+",
            r"published:?\s*\|\s*updated:?",
            r"listen to this (?:article|story)\W*",
            r"loading audio narration\W*",
            r"powered by beyondwords",
            r"voiced by amazon polly",
            r"(?:skip )?advertisement",
            r"skip to (?:main )?content",
            r"continue reading the main story",
            r"subscribe to continue reading\W*",
            r"already a subscriber\W*",
            rf"{_SHORT}sign up for our newsletter.*",
            r"share on x \(opens in new window\)",
            r"print \(opens in new window\)",
            r"link copied\W*",
            rf"{_SHORT}.*click to tweet",
            rf"{_SHORT}related:.*",
            r"related articles",
            rf"{_SHORT}read more\b.*",
            r"read next\W*",
            rf"{_SHORT}see more:.*",
            r"don['’]t miss\W*",
            rf"{_SHORT}.*\[(?:video|insight)\]\W*",
            r"click here to get the .* app",
            r"purchase licensing rights\W*",
            r"suggest a correction\W*",
            rf"{_SHORT}provided by .*",
            r"read in app",
            r"we use cookies.*",
            r"privacy preference center",
            r"this copy is for your personal,? non-commercial use only\.?",
            r"(?:©|copyright).*all rights reserved\.?",
            r"0 comments",
            r"loading comments\W*",
            rf"{_SHORT}(?:photo|image|picture)s?(?: credit)?:.*",
            r"\(?(?:getty images|ap photo|reuters)\)?",
            r"[-–—]",
        ]
    ),
    re.IGNORECASE,
)
"""The reference's "line patterns seen on news sites" (../shared/reference/article-cleaning.md),
as whole lines, case-insensitive."""
_TRAILING_DASH = re.compile(r"\s[-–—]\s*$")


def boilerplate_lines(text: str) -> list[str]:
    """The lines of ``text`` that are boilerplate by the reference list (and a dash dangling after
    the last sentence)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    found = [line for line in lines if BOILERPLATE_LINES.fullmatch(line)]
    if lines and _TRAILING_DASH.search(lines[-1]) and lines[-1] not in found:
        found.append(lines[-1])
    return found


def _narrate_intake() -> tuple[Callable[[Path, bytes], str], str]:
    """narrate's whole intake when narrate.text.reader exists, else narrate.text.html's extraction alone."""
    try:
        from narrate.text.reader import read_article
    except ModuleNotFoundError as exc:
        if exc.name != "narrate.text.reader":
            raise
        from narrate.text.html import extract_html

        def extract_only(path: Path, data: bytes) -> str:
            return re.sub(r"(?m)^## ", "", extract_html(data).markdown)

        return extract_only, "narrate.text.html.extract_html markdown, '## ' stripped (no narrate.text.reader)"

    def intake(path: Path, data: bytes) -> str:
        return "\n\n".join(block.text for block in read_article(path).blocks)

    return intake, "narrate.text.reader.read_article"


@h.step("extract-corpus:run")
def _step_extract_corpus(params: h.JSONDict) -> h.JSONDict:
    """Both extractors over every page: one untimed pass (its output is scored), then timed passes."""
    import gzip

    import trafilatura

    from narrate.errors import NarrateError

    corpus = Path(params["corpus"])
    truth = {k: v["articleBody"] for k, v in json.loads((corpus / "ground-truth.json").read_text("utf-8")).items()}
    pages = {key: gzip.decompress((corpus / "html" / f"{key}.html.gz").read_bytes()) for key in truth}
    texts = {key: data.decode("utf-8") for key, data in pages.items()}
    narrate_run, narrate_name = _narrate_intake()
    errors: dict[str, str] = {}

    with tempfile.TemporaryDirectory(prefix="narrate-bench-corpus-") as tmp:
        paths = {}
        for key, data in pages.items():
            paths[key] = Path(tmp) / f"{key}.html"
            paths[key].write_bytes(data)

        def run_narrate(key: str) -> str:
            try:
                return narrate_run(paths[key], pages[key])
            except NarrateError as exc:
                errors[key] = str(exc)
                return ""

        def run_trafilatura(key: str) -> str:
            return trafilatura.extract(texts[key]) or ""

        outputs: dict[str, dict[str, str]] = {}
        times: dict[str, list[float]] = {}
        for name, func in (("narrate", run_narrate), ("trafilatura", run_trafilatura)):
            outputs[name] = {key: func(key) for key in truth}  # warm-up pass, scored
            times[name] = [h.timed(lambda: [func(key) for key in truth])[0] for _ in range(params["repeat"])]

    result: h.JSONDict = {"narrate_intake": narrate_name, "pages": len(truth), "errors": errors, "times": times}
    for name, predicted in outputs.items():
        result[name] = extraction_scores(truth, predicted)
        result[name]["boilerplate"] = {
            key: lines for key, text in predicted.items() if (lines := boilerplate_lines(text))
        }
    result["trafilatura_version"] = trafilatura.__version__
    return result


_LOW_PAGE_SCORE = 0.9


@h.workload("extract-corpus")
def extract_corpus(settings: h.Settings) -> h.WorkloadResult:
    """Article extraction on the 30-page Zyte sample: narrate's intake vs plain trafilatura.extract."""
    if not (CORPUS / "ground-truth.json").is_file() or not (CORPUS / "html").is_dir():
        raise h.BenchmarkError(
            f"corpus not found: {CORPUS} (expected ground-truth.json and html/ at "
            f"../shared/corpus/scrapinghub-aeb relative to the repository root {h.REPO_ROOT})"
        )
    h.progress(f"extract-corpus: narrate and trafilatura, 1 scored + {settings.repeat} timed pass(es) each ...")
    run = h.run_step("extract-corpus:run", {"corpus": str(CORPUS), "repeat": settings.repeat})
    d = run.data
    n = d["pages"]
    ours, theirs = d["narrate"], d["trafilatura"]

    def ms(name: str) -> float:
        return min(d["times"][name]) / n * 1000

    def runs_ms(name: str) -> str:
        runs = d["times"][name]
        return "runs " + " / ".join(f"{t / n * 1000:.1f}" for t in runs) if len(runs) > 1 else ""

    figures = [
        h.Figure(
            "narrate_precision", "precision, narrate", ours["precision"], target_min=EXTRACTION_TARGET, decimals=4
        ),
        h.Figure("trafilatura_precision", "precision, trafilatura", theirs["precision"], decimals=4),
        h.Figure("narrate_recall", "recall, narrate", ours["recall"], decimals=4),
        h.Figure("trafilatura_recall", "recall, trafilatura", theirs["recall"], decimals=4),
        h.Figure("narrate_f1", "F1, narrate", ours["f1"], target_min=EXTRACTION_TARGET, decimals=4),
        h.Figure("trafilatura_f1", "F1, trafilatura", theirs["f1"], decimals=4),
        h.Figure("narrate_ms_per_page", "time per page, narrate", ms("narrate"), "ms", runs_ms("narrate")),
        h.Figure(
            "trafilatura_ms_per_page", "time per page, trafilatura", ms("trafilatura"), "ms", runs_ms("trafilatura")
        ),
        h.Figure(
            "narrate_boilerplate_pages",
            "pages with boilerplate lines, narrate",
            len(ours["boilerplate"]),
            target_max=0,
            decimals=0,
            note=f"of {n}",
        ),
        h.Figure(
            "trafilatura_boilerplate_pages",
            "pages with boilerplate lines, trafilatura",
            len(theirs["boilerplate"]),
            decimals=0,
            note=f"of {n}",
        ),
    ]
    warnings = [f"narrate failed on {key[:8]}: {error}" for key, error in d["errors"].items()]
    warnings += [f"boilerplate left by narrate on {key[:8]}: {lines}" for key, lines in ours["boilerplate"].items()]
    warnings += [
        f"narrate below {_LOW_PAGE_SCORE:g} on {key[:8]}: precision {s['precision']:.2f}, recall {s['recall']:.2f}"
        for key, s in ours["pages"].items()
        if min(s["precision"], s["recall"]) < _LOW_PAGE_SCORE
    ]
    summary = (
        f"{n} pages of {CORPUS.name}; narrate = {d['narrate_intake']}; trafilatura {d['trafilatura_version']} "
        f"extract() defaults; time best of {settings.repeat}"
    )
    return h.WorkloadResult("extract-corpus", summary, figures, {**d, "peak_rss_bytes": run.peak_rss_bytes}, warnings)
