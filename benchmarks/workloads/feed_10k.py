"""Workload ``feed-10k``: the feed rebuilt from 10,000 episode sidecars, in one fresh process.

One real episode is built first (a three-line article with the default voice, no chunk cache); its
sidecar is then copied 10,000 times, each copy with its own slug, guid, title and publication date and
beside a copy of its MP3, and ``narrate.pipeline.rebuild_feed`` runs ``--repeat`` times over them.

feed rebuilt from 10,000 sidecars
    Best wall time of ``rebuild_feed``, every run listed. Target <= 2 s.
reading the sidecars alone
    ``narrate.publish.catalog.load_catalog`` of the same folder, once; the note gives one sidecar's size.
feed size
    Size of the feed file, and the number of items in it.
peak RSS
    Peak resident memory of the child process (the sample build included).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import harness as h


@h.step("feed-10k:run")
def _step_feed_10k(params: h.JSONDict) -> h.JSONDict:
    """Writes 10,000 episode sidecars (copies of one real episode's), then times rebuild_feed."""
    import shutil

    import narrate
    from narrate.config import Config
    from narrate.pipeline import rebuild_feed
    from narrate.publish.catalog import SIDECAR_NAME, load_catalog

    count: int = params["count"]
    with tempfile.TemporaryDirectory(prefix="narrate-bench-feed-") as tmp:
        one = Path(tmp) / "one"
        article = Path(tmp) / "a.txt"
        article.write_text("A Sample Episode\nBy Bench Mark\nA short paragraph that is spoken.\n", encoding="utf-8")
        report = narrate.build([article], out_dir=one, use_cache=False)
        record = report.results[0].record
        if record is None:
            raise h.BenchmarkError(f"sample build failed: {report.results[0].error}")
        template = json.loads((record.folder(one) / SIDECAR_NAME).read_text(encoding="utf-8"))
        out = Path(tmp) / "out"
        for n in range(count):
            data = dict(
                template,
                slug=f"episode-{n:05d}",
                guid=f"guid-{n:05d}",
                title=f"Episode {n}",
                published=f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}T{n % 24:02d}:00:00+00:00",
            )
            folder = out / "episodes" / data["slug"]
            folder.mkdir(parents=True)
            (folder / SIDECAR_NAME).write_text(json.dumps(data), encoding="utf-8")
            shutil.copyfile(record.audio_path(one), folder / data["audio"]["file"])
        config = Config()
        times = []
        for _ in range(params["repeat"]):
            seconds, (path, listed, problems) = h.timed(rebuild_feed, out, config)
            times.append(seconds)
        load_seconds, _ = h.timed(load_catalog, out)
        return {
            "times": times,
            "bytes": path.stat().st_size,
            "episodes": listed,
            "problems": len(problems),
            "load_seconds": load_seconds,
            "sidecar_bytes": len(json.dumps(template)),
        }


@h.workload("feed-10k")
def feed_10k(settings: h.Settings) -> h.WorkloadResult:
    """The feed rebuilt from 10,000 episode sidecars: time and size (target <= 2 s)."""
    run = h.run_step("feed-10k:run", {"count": 10_000, "repeat": settings.repeat})
    data = run.data
    best = min(data["times"])
    figures = [
        h.Figure(
            "feed_time",
            "feed rebuilt from 10,000 sidecars",
            best,
            "s",
            target_max=2.0,
            note="runs " + " / ".join(f"{t:.2f}" for t in data["times"]),
        ),
        h.Figure(
            "catalog_time",
            "reading the sidecars alone",
            data["load_seconds"],
            "s",
            note=f"{data['sidecar_bytes']:,} bytes each",
        ),
        h.Figure("feed_bytes", "feed size", data["bytes"] / 1e6, "MB", note=f"{data['episodes']:,} items"),
        h.Figure("peak_rss", "peak RSS", run.peak_rss_bytes / 1e6, "MB"),
    ]
    return h.WorkloadResult("feed-10k", "narrate.pipeline.rebuild_feed in a fresh process", figures, data)
