"""The job record: its migrations, and the listening flags it keeps per chunk and voice."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from narrate.batch.jobs import JOBS_FILE, MIGRATIONS, JobRecord


def test_flags_are_counted_per_chunk_and_voice_and_keep_the_episode(tmp_path: Path) -> None:
    with JobRecord(tmp_path) as record:
        record.add([("a", "a.md")])
        record.flag_chunks("a", "harbour", [(1, "google"), (3, "google")])
        record.flag_chunks("a", "harbour", [(1, "google")])
        record.flag_chunks("a", "harbour", [(1, "default")])
        assert record.chunk_flags("a") == {(1, "google"): 2, (3, "google"): 1, (1, "default"): 1}
        assert record.chunk_flags("b") == {}
        assert record.rows()["a"].slug == "harbour"


def test_an_older_record_gains_the_chunk_flags(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / JOBS_FILE, isolation_level=None)
    for number, migration in enumerate(MIGRATIONS[:2], start=1):
        migration(db)
        db.execute(f"PRAGMA user_version = {number}")
    db.execute("INSERT INTO articles (key, source, state, updated) VALUES ('a', 'a.md', 'failed', 'now')")
    db.close()
    with JobRecord(tmp_path) as record:
        assert record.rows()["a"].state == "failed"
        record.flag_chunks("a", "harbour", [(0, "google")])
        assert record.chunk_flags("a") == {(0, "google"): 1}
