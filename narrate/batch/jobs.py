"""The job record of batch runs: one SQLite file in the output folder, with the state of every
article a batch was asked to narrate.

Schema changes are named migration functions, applied in order and recorded in ``PRAGMA
user_version``, so an older output folder is brought up to date when a newer narrate opens it.
Each change is its own transaction: a process killed at any moment leaves the record as it was
before the change or after it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..errors import OutputError

JOBS_FILE = ".narrate-jobs.sqlite"

PENDING, RUNNING, DONE, FAILED = "pending", "running", "done", "failed"


def _create_articles(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE articles (
            key TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            state TEXT NOT NULL,
            content_sha256 TEXT,
            slug TEXT,
            error TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            audio_seconds REAL,
            updated TEXT NOT NULL
        )"""
    )


def _create_events(db: sqlite3.Connection) -> None:
    """Every outcome ever recorded: which article, what happened (new, rebuilt, unchanged, failed)."""
    db.execute(
        """CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            key TEXT NOT NULL,
            outcome TEXT NOT NULL,
            detail TEXT,
            at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX events_key ON events (key)")


def _create_chunk_flags(db: sqlite3.Connection) -> None:
    """How often the listening check flagged each chunk of an article with each voice (``--retry-flagged``
    turns to the preset's fallback for a chunk its voice was flagged on twice)."""
    db.execute(
        """CREATE TABLE chunk_flags (
            key TEXT NOT NULL,
            chunk INTEGER NOT NULL,
            voice TEXT NOT NULL,
            flags INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (key, chunk, voice)
        )"""
    )


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_create_articles, _create_events, _create_chunk_flags)
"""Applied in order; the record's version is how many have run."""


@dataclass(frozen=True)
class JobRow:
    key: str
    source: str
    state: str
    content_sha256: str | None
    slug: str | None
    error: str | None
    attempts: int
    audio_seconds: float | None


class JobRecord:
    """The job record of one output folder."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / JOBS_FILE
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.Error as exc:
            raise OutputError(f"cannot open the job record {self.path}: {exc}") from exc

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
            with self._transaction():
                migration(self._db)
                self._db.execute(f"PRAGMA user_version = {number}")

    def _transaction(self) -> sqlite3.Connection:
        return _Transaction(self._db)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> JobRecord:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading ------------------------------------------------------------------------------

    def rows(self) -> dict[str, JobRow]:
        cursor = self._db.execute(
            "SELECT key, source, state, content_sha256, slug, error, attempts, audio_seconds FROM articles"
        )
        return {row[0]: JobRow(*row) for row in cursor}

    def outcomes(self, key: str) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT outcome FROM events WHERE key = ? ORDER BY id", (key,))]

    def details(self, key: str) -> list[str | None]:
        """The recorded reasons of an article's events (its failures' errors), oldest first."""
        return [row[0] for row in self._db.execute("SELECT detail FROM events WHERE key = ? ORDER BY id", (key,))]

    def chunk_flags(self, key: str) -> dict[tuple[int, str], int]:
        """(chunk index, voice preset) -> how many times the listening check flagged that chunk spoken by it."""
        cursor = self._db.execute("SELECT chunk, voice, flags FROM chunk_flags WHERE key = ?", (key,))
        return {(chunk, voice): flags for chunk, voice, flags in cursor}

    # --- writing ------------------------------------------------------------------------------

    def add(self, items: Iterable[tuple[str, str]]) -> None:
        """Register (key, source) pairs not yet in the record, as pending."""
        now = _now()
        with self._transaction():
            self._db.executemany(
                "INSERT OR IGNORE INTO articles (key, source, state, updated) VALUES (?, ?, ?, ?)",
                [(key, source, PENDING, now) for key, source in items],
            )

    def start(self, key: str) -> None:
        with self._transaction():
            self._db.execute(
                "UPDATE articles SET state = ?, attempts = attempts + 1, updated = ? WHERE key = ?",
                (RUNNING, _now(), key),
            )

    def finish(self, key: str, outcome: str, *, slug: str, content_sha256: str, audio_seconds: float) -> None:
        now = _now()
        with self._transaction():
            self._db.execute(
                "UPDATE articles SET state = ?, slug = ?, content_sha256 = ?, audio_seconds = ?, error = NULL,"
                " updated = ? WHERE key = ?",
                (DONE, slug, content_sha256, audio_seconds, now, key),
            )
            self._db.execute("INSERT INTO events (key, outcome, at) VALUES (?, ?, ?)", (key, outcome, now))

    def fail(self, key: str, error: str) -> None:
        now = _now()
        with self._transaction():
            self._db.execute(
                "UPDATE articles SET state = ?, error = ?, updated = ? WHERE key = ?", (FAILED, error, now, key)
            )
            self._db.execute("INSERT INTO events (key, outcome, detail, at) VALUES (?, 'failed', ?, ?)", (key, error, now))

    def flag_chunks(self, key: str, slug: str, flagged: Iterable[tuple[int, str]]) -> None:
        """The listening check flagged these chunks (index among the spoken chunks, voice preset that spoke
        it) of the article's episode ``slug``: one more flag each."""
        with self._transaction():
            self._db.execute("UPDATE articles SET slug = ? WHERE key = ?", (slug, key))
            self._db.executemany(
                "INSERT INTO chunk_flags (key, chunk, voice, flags) VALUES (?, ?, ?, 1)"
                " ON CONFLICT (key, chunk, voice) DO UPDATE SET flags = flags + 1",
                [(key, chunk, voice) for chunk, voice in flagged],
            )

    def interrupted(self) -> int:
        """Articles left running by a run that did not finish go back to pending; returns how many."""
        with self._transaction():
            return self._db.execute(
                "UPDATE articles SET state = ?, updated = ? WHERE state = ?", (PENDING, _now(), RUNNING)
            ).rowcount


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any error."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.db.execute("COMMIT" if exc_type is None else "ROLLBACK")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
