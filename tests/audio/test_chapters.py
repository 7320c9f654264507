"""narrate.audio.chapters: chapters JSON, and CHAP/CTOC frames read back with ffprobe, eyeD3 and mutagen."""

from __future__ import annotations

import json
import math
import re
import subprocess
from pathlib import Path

import mutagen.id3
import pytest

from narrate.audio.chapters import (
    MAX_ID3_TITLE_BYTES,
    Chapter,
    ChapterID3,
    add_chapter_frames,
    chapters_json,
    id3_title,
)
from narrate.audio.mp3writer import Mp3Writer
from tests.conftest import require_module, require_tool

# The set that trips mutagen#506: a long first title, then short ones of varied lengths (mutagen
# writes the shortest CHAP frame first), more than ten chapters (chp10 sorts before chp2 as text),
# non-ASCII titles (UTF-16 in v2.3 doubles their size), all under 128 bytes in the tag.
TRICKY_TITLES = [
    "Introduction: why the harbour ferry that ran every morning for a century stopped",
    "Tides",
    "A",
    "The council’s decision, and the vote nobody saw coming",
    "東京",
    "Café",
    "Money",
    "What the ferrymen said about the last crossing",
    "Yard",
    "Leith",
    "Q&A",
    "The island without a boat: schools, doctors, and the post",
    "Z",
    "Epilogue – “on time”",
]
TRICKY = [Chapter(title, 2.5 * i, 2.5 * (i + 1)) for i, title in enumerate(TRICKY_TITLES)]
AUDIO_SECONDS = 2.5 * len(TRICKY)


@pytest.fixture
def silent_mp3(tmp_path: Path) -> Path:
    """A real MP3 (Mp3Writer) long enough for every chapter."""
    path = tmp_path / "episode.mp3"
    writer = Mp3Writer(path, input_rate=24000)
    writer.write_silence(AUDIO_SECONDS)
    writer.close()
    return path


def save(path: Path, chapters: list[Chapter], version: int) -> None:
    id3 = ChapterID3()
    add_chapter_frames(id3, chapters)
    if version == 3:
        id3.update_to_v23()
    id3.save(path, v2_version=version)


def ffprobe_chapters(path: Path) -> list[dict]:
    ffprobe = require_tool("ffprobe")
    result = subprocess.run(
        [ffprobe, "-v", "error", "-show_chapters", "-of", "json", str(path)], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)["chapters"]


def frame_ids_on_disk(path: Path) -> list[bytes]:
    """Frame ids (CHAP as ``CHAP:<element id>``) in the order they sit in the file."""
    data = path.read_bytes()
    version = data[3]
    size = (data[6] << 21) | (data[7] << 14) | (data[8] << 7) | data[9]
    position, end, ids = 10, 10 + size, []
    while position + 10 <= end and data[position] != 0:
        raw = data[position + 4 : position + 8]
        syncsafe = (raw[0] << 21) | (raw[1] << 14) | (raw[2] << 7) | raw[3]
        length = syncsafe if version == 4 else int.from_bytes(raw, "big")
        frame_id = data[position : position + 4]
        if frame_id == b"CHAP":
            body = data[position + 10 :]
            frame_id += b":" + body[: body.index(b"\x00")]
        ids.append(frame_id)
        position += 10 + length
    return ids


# --- chapters JSON --------------------------------------------------------------------------------


def test_chapters_json_is_podcasting_2_0_and_ascending() -> None:
    shuffled = [TRICKY[3], TRICKY[0], TRICKY[13], *TRICKY[4:13], TRICKY[1], TRICKY[2]]
    document = json.loads(chapters_json(shuffled))
    assert document["version"] == "1.2.0"
    chapters = document["chapters"]
    assert [c["title"] for c in chapters] == TRICKY_TITLES  # whole titles, in start order
    assert [c["startTime"] for c in chapters] == [c.start for c in TRICKY]
    assert [c["endTime"] for c in chapters] == [c.end for c in TRICKY]
    for chapter in chapters:
        assert set(chapter) == {"startTime", "endTime", "title"}
        assert isinstance(chapter["startTime"], float)
    assert "東京" in chapters_json(TRICKY)  # UTF-8, not \\u escapes


def test_chapters_json_rounds_to_milliseconds_and_keeps_long_titles() -> None:
    title = "word " * 60
    document = json.loads(chapters_json([Chapter(title, 1.23456, 7.0)]))
    assert document["chapters"] == [{"startTime": 1.235, "endTime": 7.0, "title": title}]
    assert json.loads(chapters_json([])) == {"version": "1.2.0", "chapters": []}


@pytest.mark.parametrize(
    ("title", "start", "end"),
    [(" ", 0, 1), ("x", -1, 1), ("x", 2, 2), ("x", 3, 2), ("x", 0, math.nan), ("x", 0, math.inf), ("x", 0, 5e6)],
)
def test_bad_chapters_are_refused(title: str, start: float, end: float) -> None:
    with pytest.raises(ValueError):
        Chapter(title, start, end)


def test_two_chapters_starting_in_the_same_millisecond_are_refused() -> None:
    twins = [Chapter("a", 1.0, 2.0), Chapter("b", 1.0002, 3.0)]
    with pytest.raises(ValueError, match="same time"):
        chapters_json(twins)
    with pytest.raises(ValueError, match="same time"):
        add_chapter_frames(ChapterID3(), twins)


# --- frames ---------------------------------------------------------------------------------------


def test_frames_as_built() -> None:
    id3 = ChapterID3()
    add_chapter_frames(id3, list(reversed(TRICKY)))
    [toc] = id3.getall("CTOC")
    assert toc.element_id == "toc"
    assert toc.flags == mutagen.id3.CTOCFlags.TOP_LEVEL | mutagen.id3.CTOCFlags.ORDERED
    assert toc.child_element_ids == [f"chp{i}" for i in range(len(TRICKY))]
    for i, chapter in enumerate(TRICKY):
        chap = id3[f"CHAP:chp{i}"]
        assert (chap.start_time, chap.end_time) == (round(chapter.start * 1000), round(chapter.end * 1000))
        assert (chap.start_offset, chap.end_offset) == (0xFFFFFFFF, 0xFFFFFFFF)
        assert chap.sub_frames["TIT2"].text == [chapter.title]


def test_adding_chapters_again_replaces_them() -> None:
    id3 = ChapterID3()
    add_chapter_frames(id3, TRICKY)
    add_chapter_frames(id3, TRICKY[:2])
    assert sorted(f.element_id for f in id3.getall("CHAP")) == ["chp0", "chp1"]
    assert id3.getall("CTOC")[0].child_element_ids == ["chp0", "chp1"]
    add_chapter_frames(id3, [])
    assert not id3.getall("CHAP") and not id3.getall("CTOC")


def test_a_plain_mutagen_id3_is_refused() -> None:
    with pytest.raises(TypeError, match="ChapterID3"):
        add_chapter_frames(mutagen.id3.ID3(), TRICKY)


def test_mutagen_alone_still_writes_chapters_out_of_order(tmp_path: Path) -> None:
    """Canary for quodlibet/mutagen#506: if this fails, mutagen orders CHAP frames itself now."""
    chapters = ChapterID3()
    add_chapter_frames(chapters, TRICKY)
    plain = mutagen.id3.ID3()
    for frame in chapters.values():
        plain.add(frame)
    path = tmp_path / "plain.id3"
    plain.save(path, v2_version=4)
    order = [f for f in frame_ids_on_disk(path) if f.startswith(b"CHAP")]
    assert order != [f"CHAP:chp{i}".encode() for i in range(len(TRICKY))]


@pytest.mark.parametrize("version", [3, 4])
def test_chapter_frames_are_in_start_order_on_disk_and_nothing_else_moves(tmp_path: Path, version: int) -> None:
    ours, plain = ChapterID3(), mutagen.id3.ID3()
    add_chapter_frames(ours, TRICKY)
    for frame in [mutagen.id3.TIT2(text="A title"), mutagen.id3.TALB(text="Show"), mutagen.id3.TLEN(text="1")]:
        ours.add(frame)
    for frame in ours.values():
        plain.add(frame)
    for tag in (ours, plain):
        if version == 3:
            tag.update_to_v23()
    ours.save(tmp_path / "ours.id3", v2_version=version)
    plain.save(tmp_path / "plain.id3", v2_version=version)
    ours_ids, plain_ids = frame_ids_on_disk(tmp_path / "ours.id3"), frame_ids_on_disk(tmp_path / "plain.id3")
    assert [f for f in ours_ids if f.startswith(b"CHAP")] == [f"CHAP:chp{i}".encode() for i in range(len(TRICKY))]
    assert [f for f in ours_ids if not f.startswith(b"CHAP")] == [f for f in plain_ids if not f.startswith(b"CHAP")]
    assert sorted(ours_ids) == sorted(plain_ids)
    assert (tmp_path / "ours.id3").stat().st_size == (tmp_path / "plain.id3").stat().st_size


# --- read back by independent readers -------------------------------------------------------------


@pytest.mark.parametrize("version", [3, 4])
def test_ffprobe_lists_tricky_chapters_in_order(silent_mp3: Path, version: int) -> None:
    save(silent_mp3, TRICKY, version)
    chapters = ffprobe_chapters(silent_mp3)
    assert len(chapters) == len(TRICKY)
    starts = [float(c["start_time"]) for c in chapters]
    assert all(a < b for a, b in zip(starts, starts[1:])), starts
    assert [c["tags"]["title"] for c in chapters] == TRICKY_TITLES
    assert starts == [c.start for c in TRICKY]
    assert [float(c["end_time"]) for c in chapters] == [c.end for c in TRICKY]


@pytest.mark.parametrize("version", [3, 4])
def test_eyed3_reads_chapters_and_table_of_contents(silent_mp3: Path, version: int) -> None:
    require_module("eyed3")
    import eyed3

    save(silent_mp3, TRICKY, version)
    tag = eyed3.load(str(silent_mp3)).tag
    assert tag.version[:2] == (2, version)
    [toc] = list(tag.table_of_contents)
    assert toc.element_id == b"toc" and toc.toplevel and toc.ordered
    assert toc.child_ids == [f"chp{i}".encode() for i in range(len(TRICKY))]
    chapters = sorted(tag.chapters, key=lambda c: c.times.start)
    assert [c.element_id for c in chapters] == toc.child_ids
    assert [c.title for c in chapters] == TRICKY_TITLES
    expected = [(round(c.start * 1000), round(c.end * 1000)) for c in TRICKY]
    assert [(c.times.start, c.times.end) for c in chapters] == expected
    assert all(c.offsets == (None, None) for c in chapters)  # eyeD3's reading of 0xFFFFFFFF, "unused"


@pytest.mark.parametrize("version", [3, 4])
def test_mutagen_reads_chapters(silent_mp3: Path, version: int) -> None:
    save(silent_mp3, TRICKY, version)
    id3 = mutagen.id3.ID3(silent_mp3)
    assert id3.version[:2] == (2, version)
    assert [id3[f"CHAP:chp{i}"].sub_frames["TIT2"].text[0] for i in range(len(TRICKY))] == TRICKY_TITLES
    expected = mutagen.id3.Encoding.UTF8 if version == 4 else mutagen.id3.Encoding.UTF16  # no UTF-8 in v2.3
    assert id3["CHAP:chp0"].sub_frames["TIT2"].encoding == expected


@pytest.mark.parametrize("version", [3, 4])
def test_many_chapters_in_order(silent_mp3: Path, version: int) -> None:
    chapters = [Chapter(("Long title " * (7 - i % 7)) + str(i), i * 0.5, (i + 1) * 0.5) for i in range(30)]
    save(silent_mp3, chapters, version)
    found = ffprobe_chapters(silent_mp3)
    assert [c["tags"]["title"] for c in found] == [c.title for c in chapters]
    starts = [float(c["start_time"]) for c in found]
    assert all(a < b for a, b in zip(starts, starts[1:]))


@pytest.mark.parametrize("version", [3, 4])
def test_an_overlong_title_is_shortened_so_ffprobe_keeps_the_chapter(silent_mp3: Path, version: int) -> None:
    """ffmpeg reads CHAP sub-frame sizes as plain integers; in v2.4 they are syncsafe, so a TIT2
    sub-frame of 128 bytes or more makes ffprobe drop the whole chapter."""
    overlong = "A chapter heading that goes on and on about the harbour, " * 4
    chapters = [Chapter(overlong, 0, 2), Chapter("Short", 2, 4), Chapter("東京" * 50, 4, 6)]
    save(silent_mp3, chapters, version)
    found = ffprobe_chapters(silent_mp3)
    assert [c["tags"]["title"] for c in found] == [id3_title(c.title) for c in chapters]
    assert found[0]["tags"]["title"].endswith("…") and found[2]["tags"]["title"].endswith("…")
    assert [float(c["start_time"]) for c in found] == [0.0, 2.0, 4.0]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Short", "Short"),
        ("  spaced\n out  ", "spaced out"),
        ("x" * MAX_ID3_TITLE_BYTES, "x" * MAX_ID3_TITLE_BYTES),
        ("x" * (MAX_ID3_TITLE_BYTES + 1), "x" * (MAX_ID3_TITLE_BYTES - 3) + "…"),
        ("word " * 40, ("word " * 24).strip() + "…"),
        ("東京" * 30, "東京" * 20 + "…"),
    ],
)
def test_id3_title(title: str, expected: str) -> None:
    shortened = id3_title(title)
    assert shortened == expected
    assert len(shortened.encode("utf-8")) <= MAX_ID3_TITLE_BYTES


@pytest.mark.parametrize("version", [3, 4])
def test_mp3val_finds_no_problem(silent_mp3: Path, version: int) -> None:
    mp3val = require_tool("mp3val")
    save(silent_mp3, TRICKY, version)
    output = subprocess.run([mp3val, str(silent_mp3)], capture_output=True, text=True, check=True).stdout
    assert not re.search(r"WARNING|PROBLEM", output), output
