"""narrate.fsutil: atomic writes, temporary files, the folder lock."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from narrate.errors import OutputError
from narrate.fsutil import TEMP_PREFIX, current_umask, make_temp_file, remove_stray_temporary_files, write_bytes_atomic


def test_an_atomic_write_replaces_the_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "feed.xml"
    target.write_bytes(b"old")
    write_bytes_atomic(target, b"new feed")
    assert target.read_bytes() == b"new feed"
    assert [p.name for p in tmp_path.iterdir()] == ["feed.xml"]


def test_a_file_that_already_holds_the_bytes_is_not_written_again(tmp_path: Path) -> None:
    target = tmp_path / "feed.xml"
    write_bytes_atomic(target, b"<rss/>")
    os.utime(target, ns=(1_000_000_000, 1_000_000_000))
    before = target.stat()
    write_bytes_atomic(target, b"<rss/>")
    after = target.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, 1_000_000_000)
    write_bytes_atomic(target, b"<rss>changed</rss>")
    assert target.read_bytes() == b"<rss>changed</rss>" and target.stat().st_mtime_ns != 1_000_000_000


def test_a_write_that_fails_is_one_output_error_and_the_old_file_stays(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_bytes(b"x")
    with pytest.raises(OutputError, match=r"^cannot write .*not-a-folder/feed.xml: "):
        write_bytes_atomic(blocker / "feed.xml", b"data")
    assert blocker.read_bytes() == b"x"


def test_temporary_files_follow_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        assert current_umask() == 0o027
        temp = make_temp_file(tmp_path, ".mp3")
    finally:
        os.umask(previous)
    assert temp.name.startswith(TEMP_PREFIX) and temp.suffix == ".mp3"
    assert temp.stat().st_mode & 0o777 == 0o640


def test_stray_temporary_files_and_the_folders_they_alone_filled_are_removed(tmp_path: Path) -> None:
    kept = tmp_path / "episodes" / "kept"
    kept.mkdir(parents=True)
    (kept / "kept.mp3").write_bytes(b"mp3")
    (kept / f"{TEMP_PREFIX}1.mp3").write_bytes(b"half")
    claimed = tmp_path / "episodes" / "claimed"
    claimed.mkdir()
    (claimed / f"{TEMP_PREFIX}2.mp3").write_bytes(b"half")
    assert remove_stray_temporary_files(tmp_path) == 2
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == [
        "episodes", "episodes/kept", "episodes/kept/kept.mp3"
    ]
