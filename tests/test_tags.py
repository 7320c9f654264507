"""narrate.tags: ID3v2.3 tags on a real MP3 from Mp3Writer, read back with ffprobe and with mutagen."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import mutagen.id3
import mutagen.mp3
import numpy as np
import pytest

from narrate.audio import Mp3Writer
from narrate.errors import OutputError
from narrate.models import Clip
from narrate.tags import EpisodeTags, write_tags

from .audiocheck import decode, probe

TITLE = "Café – “quotes” 東京"
TRANSCRIPT = "The ferry left at dawn.\n\nIt came back at dusk – “on time”, said Zoë. 東京 next."

TAGS = EpisodeTags(
    title=TITLE,
    show="Harbour Radio – Ünïcode",
    author="Agnes Whitford-Brontë",
    date="2024-05-06",
    comment="Read from harbour-ferries.txt – narrated by hibari “heart”",
    transcript=TRANSCRIPT,
    duration=0.75,
)


@pytest.fixture
def mp3(tmp_path: Path) -> Path:
    """A real 0.75-second MP3 written by Mp3Writer."""
    path = tmp_path / "episode.mp3"
    writer = Mp3Writer(path, input_rate=24000)
    t = np.arange(18000) / 24000
    writer.write(Clip((0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32), 24000))
    result = writer.close()
    assert result.duration == 0.75
    return path


def ffprobe_tags(path: Path) -> dict[str, str]:
    return probe(path)["format"]["tags"]


def test_ffprobe_reads_every_tag(mp3: Path) -> None:
    write_tags(mp3, TAGS)
    tags = ffprobe_tags(mp3)
    assert tags["title"] == TITLE
    assert tags["artist"] == TAGS.author
    assert tags["album"] == TAGS.show
    assert tags["genre"] == "Podcast"
    assert tags["date"] == "2024-05-06"
    assert tags["comment"] == TAGS.comment
    assert tags["lyrics-eng"] == TRANSCRIPT
    assert tags["TLEN"] == "750"


def test_mutagen_reads_every_tag(mp3: Path) -> None:
    write_tags(mp3, TAGS)
    id3 = mutagen.id3.ID3(mp3)
    assert id3.version == (2, 3, 0)
    assert id3["TIT2"].text == [TITLE]
    assert id3["TPE1"].text == [TAGS.author]
    assert id3["TALB"].text == [TAGS.show]
    assert id3["TCON"].text == ["Podcast"]
    assert str(id3["TDRC"].text[0]) == "2024-05-06"  # TYER + TDAT in the v2.3 file, merged on reading
    assert id3["COMM::eng"].text == [TAGS.comment]
    assert id3["USLT::eng"].text == TRANSCRIPT
    assert id3["TLEN"].text == ["750"]


def test_file_is_id3v23_on_disk(mp3: Path) -> None:
    write_tags(mp3, TAGS)
    data = mp3.read_bytes()
    assert data[:3] == b"ID3"
    assert data[3:5] == b"\x03\x00"  # major version 3, revision 0
    for frame_id in (b"TIT2", b"TALB", b"TPE1", b"TCON", b"COMM", b"USLT", b"TLEN", b"TYER", b"TDAT"):
        assert frame_id in data[:2000], frame_id
    assert b"TDRC" not in data[:2000]  # a v2.4-only frame would be unreadable for v2.3 readers


def test_non_ascii_survives_in_every_text_frame(mp3: Path) -> None:
    write_tags(mp3, TAGS)
    id3 = mutagen.id3.ID3(mp3)
    for frame_id in ("TIT2", "TALB", "TPE1", "COMM::eng", "USLT::eng"):
        assert id3[frame_id].encoding == mutagen.id3.Encoding.UTF16, frame_id
    tags = ffprobe_tags(mp3)
    assert "東京" in tags["title"] and "“quotes”" in tags["title"] and "Café" in tags["title"]
    assert "Zoë" in tags["lyrics-eng"]


def test_audio_is_untouched_by_tagging(mp3: Path) -> None:
    before = mp3.read_bytes()
    write_tags(mp3, TAGS)
    after = mp3.read_bytes()
    assert after.endswith(before)
    assert len(decode(mp3)) == round(0.75 * 44100)
    assert mutagen.mp3.MP3(mp3).info.length == pytest.approx(0.75, abs=1e-9)


def test_optional_author_and_date_are_left_out(mp3: Path) -> None:
    write_tags(mp3, replace(TAGS, author=None, date=None))
    tags = ffprobe_tags(mp3)
    assert "artist" not in tags
    assert "date" not in tags
    id3 = mutagen.id3.ID3(mp3)
    assert "TPE1" not in id3 and "TDRC" not in id3
    assert id3["TIT2"].text == [TITLE]


def test_year_only_date(mp3: Path) -> None:
    write_tags(mp3, replace(TAGS, date="2023"))
    assert ffprobe_tags(mp3)["date"] == "2023"
    assert str(mutagen.id3.ID3(mp3)["TDRC"].text[0]) == "2023"


def test_writing_again_replaces_the_old_tag(mp3: Path) -> None:
    write_tags(mp3, TAGS)
    write_tags(mp3, replace(TAGS, title="Second title", author=None, comment="new"))
    tags = ffprobe_tags(mp3)
    assert tags["title"] == "Second title"
    assert tags["comment"] == "new"
    assert "artist" not in tags
    id3 = mutagen.id3.ID3(mp3)
    assert len(id3.getall("TIT2")) == 1 and len(id3.getall("COMM")) == 1
    assert len(decode(mp3)) == round(0.75 * 44100)


def test_language_code_is_used_for_comment_and_lyrics(mp3: Path) -> None:
    write_tags(mp3, replace(TAGS, language="fra"))
    id3 = mutagen.id3.ID3(mp3)
    assert id3["COMM::fra"].text == [TAGS.comment]
    assert id3["USLT::fra"].text == TRANSCRIPT
    assert ffprobe_tags(mp3)["lyrics-fra"] == TRANSCRIPT


@pytest.mark.parametrize(("duration", "tlen"), [(0.75, "750"), (61.6004, "61600"), (3600.0, "3600000")])
def test_tlen_is_milliseconds(mp3: Path, duration: float, tlen: str) -> None:
    write_tags(mp3, replace(TAGS, duration=duration))
    assert mutagen.id3.ID3(mp3)["TLEN"].text == [tlen]


@pytest.mark.parametrize("where", ["missing-folder", "full-disk"])
def test_unwritable_file_is_an_output_error(tmp_path: Path, where: str) -> None:
    if where == "full-disk" and not Path("/dev/full").exists():
        pytest.skip("needs /dev/full (Linux)")
    path = tmp_path / "missing" / "episode.mp3" if where == "missing-folder" else Path("/dev/full")
    with pytest.raises(OutputError):
        write_tags(path, TAGS)
