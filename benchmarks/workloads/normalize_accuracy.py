"""Workload ``normalize-accuracy``: how many English sentences narrate's normalisation reads as a careful
narrator would, against hibari reading the raw text alone.

One fresh process reads the review set ``tests/data/normalize/english-review.tsv`` (297 news sentences
in 27 categories, each with a careful newsreader's reading) and, for every row, judges two texts with
``tests/text/normalize/reading.reads_right`` (the same canonical words, or the same phonemes from
``hibari.Hibari``): ``normalize_for_speech(text, language="en")`` (narrate) and the raw text (what hibari
reads when given the text as written). It then runs the "never worse than hibari alone" table of
``tests/text/normalize/test_english_never_worse.py``: inputs hibari reads right from the raw text.

per category (one figure each)
    Share of the category's rows narrate reads right; the note gives n, narrate's count and the raw
    text's count.
overall, narrate / raw text
    Share of all rows read right. Target for narrate >= 92 % (the issue's acceptance).
never worse than hibari
    How many rows of the never-worse table keep hibari's reading (or a careful one) after narrate's
    normalisation; the note names how many narrate breaks.
"""

from __future__ import annotations

import csv
import sys
import time
from collections import defaultdict

import harness as h

DATA = h.REPO_ROOT / "tests" / "data" / "normalize" / "english-review.tsv"


@h.step("normalize-accuracy:measure")
def _step_measure(params: h.JSONDict) -> h.JSONDict:
    """Judge every review row (narrate and raw) and every never-worse row."""
    if not DATA.is_file():
        raise h.BenchmarkError(f"review set not found: {DATA}")
    if str(h.REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(h.REPO_ROOT))
    from hibari import Hibari

    from narrate.text.normalize import normalize_for_speech
    from tests.text.normalize.reading import ALTERNATIVES, phoneme_key, reads_right
    from tests.text.normalize.test_english_never_worse import ROWS as NEVER_WORSE

    engine = Hibari()
    cache: dict[str, list[str]] = {}

    def phonemize(text: str) -> list[str]:
        if text not in cache:
            cache[text] = engine.phonemize(text)
        return cache[text]

    start = time.perf_counter()
    with DATA.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    per_category: dict[str, dict[str, int]] = defaultdict(lambda: {"n": 0, "narrate": 0, "raw": 0})
    wrong = []
    for row in rows:
        counts = per_category[row["category"]]
        produced = normalize_for_speech(row["text"], language="en")
        narrate_right = reads_right(produced, row["expected"], phonemize)
        counts["n"] += 1
        counts["narrate"] += narrate_right
        counts["raw"] += reads_right(row["text"], row["expected"], phonemize)
        if not narrate_right:
            wrong.append({"category": row["category"], "text": row["text"], "produced": produced})
    kept, broken = 0, []
    for _kind, raw, reading in NEVER_WORSE:
        allowed = {phoneme_key(phonemize(text)) for text in reading.split(ALTERNATIVES)}
        allowed.add(phoneme_key(phonemize(raw)))
        if phoneme_key(phonemize(normalize_for_speech(raw, language="en"))) in allowed:
            kept += 1
        else:
            broken.append(raw)
    return {
        "per_category": dict(per_category),
        "rows": len(rows),
        "wrong": wrong,
        "never_worse_rows": len(NEVER_WORSE),
        "never_worse_kept": kept,
        "never_worse_broken": broken,
        "seconds": time.perf_counter() - start,
    }


@h.workload("normalize-accuracy")
def normalize_accuracy(settings: h.Settings) -> h.WorkloadResult:
    """English normalisation read right (review set, by category) and never worse than hibari alone."""
    data = h.run_step("normalize-accuracy:measure", {}).data
    figures = []
    for category, counts in data["per_category"].items():
        figures.append(
            h.Figure(
                f"right_{category}",
                category,
                100 * counts["narrate"] / counts["n"],
                "%",
                note=f"n {counts['n']}; narrate {counts['narrate']}; raw text {counts['raw']}",
                decimals=0,
            )
        )
    total = data["rows"]
    narrate = sum(c["narrate"] for c in data["per_category"].values())
    raw = sum(c["raw"] for c in data["per_category"].values())
    figures += [
        h.Figure(
            "right_narrate",
            "overall, narrate",
            100 * narrate / total,
            "%",
            note=f"{narrate}/{total}",
            target_min=92.0,
            decimals=1,
        ),
        h.Figure(
            "right_raw", "overall, raw text (hibari alone)", 100 * raw / total, "%", note=f"{raw}/{total}", decimals=1
        ),
        h.Figure(
            "never_worse_kept",
            "never worse than hibari: kept",
            data["never_worse_kept"],
            "",
            note=f"of {data['never_worse_rows']}; narrate breaks {len(data['never_worse_broken'])}",
            decimals=0,
        ),
    ]
    return h.WorkloadResult(
        "normalize-accuracy",
        f"tests/data/normalize/english-review.tsv ({total} rows) and the never-worse table, judged by hibari's "
        f"phonemes ({data['seconds']:.1f} s)",
        figures,
        data,
    )
