"""Workload ``normalize-accuracy``: how many English sentences narrate's normalisation reads as a careful
narrator would, against hibari reading the raw text alone.

One fresh process reads the review set ``tests/data/normalize/english-review.tsv`` (297 news sentences
in 27 categories, each with a careful newsreader's reading) and the held-out set
``tests/data/normalize/english-heldout.tsv`` (270 sentences in the same categories, written blind by a
separate session) and, for every row of each, judges two texts with
``tests/text/normalize/reading.reads_right`` (the same canonical words, or the same phonemes from
``hibari.Hibari``): ``normalize_for_speech(text, language="en")`` (narrate) and the raw text (what hibari
reads when given the text as written). It then runs the "never worse than hibari alone" table of
``tests/text/normalize/test_english_never_worse.py``: inputs hibari reads right from the raw text.

per category (one figure each), then the same for the held-out set ("held-out: <category>")
    Share of the category's rows narrate reads right; the note gives n, narrate's count and the raw
    text's count.
overall, narrate / raw text (and held-out overall, narrate / raw text)
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
from pathlib import Path

import harness as h

DATA = h.REPO_ROOT / "tests" / "data" / "normalize" / "english-review.tsv"
HELDOUT = h.REPO_ROOT / "tests" / "data" / "normalize" / "english-heldout.tsv"


@h.step("normalize-accuracy:measure")
def _step_measure(params: h.JSONDict) -> h.JSONDict:
    """Judge every review row (narrate and raw) and every never-worse row."""
    for path in (DATA, HELDOUT):
        if not path.is_file():
            raise h.BenchmarkError(f"sentence set not found: {path}")
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

    def judge(path: Path) -> tuple[dict[str, dict[str, int]], int, list[dict[str, str]]]:
        with path.open(encoding="utf-8", newline="") as handle:
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
        return dict(per_category), len(rows), wrong

    start = time.perf_counter()
    per_category, total, wrong = judge(DATA)
    heldout_per_category, heldout_total, heldout_wrong = judge(HELDOUT)
    kept, broken = 0, []
    for _kind, raw, reading in NEVER_WORSE:
        allowed = {phoneme_key(phonemize(text)) for text in reading.split(ALTERNATIVES)}
        allowed.add(phoneme_key(phonemize(raw)))
        if phoneme_key(phonemize(normalize_for_speech(raw, language="en"))) in allowed:
            kept += 1
        else:
            broken.append(raw)
    return {
        "per_category": per_category,
        "rows": total,
        "wrong": wrong,
        "heldout_per_category": heldout_per_category,
        "heldout_rows": heldout_total,
        "heldout_wrong": heldout_wrong,
        "never_worse_rows": len(NEVER_WORSE),
        "never_worse_kept": kept,
        "never_worse_broken": broken,
        "seconds": time.perf_counter() - start,
    }


def _table(per_category: dict[str, dict[str, int]], total: int, key: str, label: str) -> list[h.Figure]:
    """One set's figures: the share read right per category, then overall for narrate and the raw text."""
    figures = [
        h.Figure(
            f"{key}right_{category}",
            f"{label}{category}",
            100 * counts["narrate"] / counts["n"],
            "%",
            note=f"n {counts['n']}; narrate {counts['narrate']}; raw text {counts['raw']}",
            decimals=0,
        )
        for category, counts in per_category.items()
    ]
    narrate = sum(c["narrate"] for c in per_category.values())
    raw = sum(c["raw"] for c in per_category.values())
    return figures + [
        h.Figure(
            f"{key}right_narrate",
            f"{label}overall, narrate",
            100 * narrate / total,
            "%",
            note=f"{narrate}/{total}",
            target_min=92.0,
            decimals=1,
        ),
        h.Figure(
            f"{key}right_raw",
            f"{label}overall, raw text (hibari alone)",
            100 * raw / total,
            "%",
            note=f"{raw}/{total}",
            decimals=1,
        ),
    ]


@h.workload("normalize-accuracy")
def normalize_accuracy(settings: h.Settings) -> h.WorkloadResult:
    """English normalisation read right (review and held-out sets, by category) and never worse than hibari alone."""
    data = h.run_step("normalize-accuracy:measure", {}).data
    figures = _table(data["per_category"], data["rows"], "", "")
    figures += _table(data["heldout_per_category"], data["heldout_rows"], "heldout_", "held-out: ")
    figures += [
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
        f"tests/data/normalize/english-review.tsv ({data['rows']} rows), english-heldout.tsv "
        f"({data['heldout_rows']} rows) and the never-worse table, judged by hibari's phonemes "
        f"({data['seconds']:.1f} s)",
        figures,
        data,
    )
