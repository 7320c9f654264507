"""narrate.audio.tags: ID3 tags (v2.3, and v2.4 on request) on a real MP3 from Mp3Writer, read back with
ffprobe, eyeD3 and mutagen, checked by mp3val; the embedded cover."""

from __future__ import annotations

import io
import json
import re
import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import mutagen.id3
import mutagen.mp3
import numpy as np
import pytest
from PIL import Image

from narrate.audio.chapters import Chapter
from narrate.audio.mp3writer import Mp3Writer
from narrate.audio.tags import (
    COVER_MAX_BYTES,
    COVER_MAX_SIDE,
    EpisodeTags,
    cover_jpeg,
    read_feed_url,
    set_feed_url,
    write_tags,
)
from narrate.errors import InputError, OutputError
from narrate.models import Clip
from tests.audiocheck import decode, probe
from tests.conftest import require_module, require_tool

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


# --- the complete podcast tag: every frame, v2.3 and v2.4, read back by ffprobe, eyeD3 and mutagen ---

ARTICLE_URL = "https://example.com/harbour/ferries?from=rss&utm=1"
FEED_URL = "https://example.com/podcast/feed.xml"
GUID = "urn:uuid:9b024349-ccf0-5f69-a609-6b82873eab3c"
DESCRIPTION = "The ferry that ran for a century – and the island it leaves behind. 東京"
CHAPTERS = (
    Chapter("Introduction: why the harbour ferry that ran every morning for a century stopped", 0.0, 1.0),
    Chapter("Tides", 1.0, 1.5),
    Chapter("A", 1.5, 2.0),
    Chapter("Café – “on time”", 2.0, 3.0),
)
SECONDS = 3.0


def noisy_png(width: int, height: int) -> bytes:
    """RGBA noise (hard to compress) whose left half is fully transparent."""
    rng = np.random.default_rng(7)
    pixels = rng.integers(0, 256, (height, width, 4), dtype=np.uint8)
    pixels[:, : width // 2, 3] = 0
    pixels[:, width // 2 :, 3] = 255
    out = io.BytesIO()
    Image.fromarray(pixels, "RGBA").save(out, format="PNG", compress_level=1)
    return out.getvalue()


@pytest.fixture(scope="module")
def big_cover() -> bytes:
    """A 3000×3000 PNG with transparency."""
    return noisy_png(3000, 3000)


@pytest.fixture
def long_mp3(tmp_path: Path) -> Path:
    """A real 3-second MP3 (tone, then silence) written by Mp3Writer."""
    path = tmp_path / "full.mp3"
    writer = Mp3Writer(path, input_rate=24000)
    t = np.arange(24000) / 24000
    writer.write(Clip((0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32), 24000))
    writer.write_silence(SECONDS - 1.0)
    writer.close()
    return path


@pytest.fixture(scope="module")
def cover() -> bytes:
    """A 1000×1000 PNG with transparency: still resized, quicker to handle than the big one."""
    return noisy_png(1000, 1000)


@pytest.fixture
def full_tags(cover: bytes) -> EpisodeTags:
    return replace(
        TAGS,
        duration=SECONDS,
        description=DESCRIPTION,
        article_url=ARTICLE_URL,
        feed_url=FEED_URL,
        guid=GUID,
        cover=cover,
        chapters=CHAPTERS,
    )


def ffprobe_all(path: Path) -> dict:
    ffprobe = require_tool("ffprobe")
    result = subprocess.run(
        [ffprobe, "-v", "error", "-show_format", "-show_streams", "-show_chapters", "-of", "json", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def eyed3_tag(path: Path):  # type: ignore[no-untyped-def]
    require_module("eyed3")
    import eyed3

    return eyed3.load(str(path)).tag


@pytest.mark.parametrize("version", [3, 4])
def test_ffprobe_reads_the_full_tag(long_mp3: Path, full_tags: EpisodeTags, version: int) -> None:
    """ffprobe shows the text frames, COMM, USLT, the cover (as a picture stream) and the chapters;
    it does not show WOAS, WFED, PCST or CTOC."""
    assert write_tags(long_mp3, full_tags, version=version) == []
    info = ffprobe_all(long_mp3)
    tags = info["format"]["tags"]
    assert tags["title"] == TITLE
    assert tags["artist"] == TAGS.author
    assert tags["album"] == TAGS.show
    assert tags["date"] == "2024-05-06"  # from TYER + TDAT in v2.3, TDRC in v2.4
    assert tags["genre"] == "Podcast"
    assert tags["comment"] == TAGS.comment
    assert tags["lyrics-eng"] == TRANSCRIPT
    assert tags["TLEN"] == "3000"
    assert tags["TGID"] == GUID
    assert tags["TDES"] == DESCRIPTION
    assert not {"WOAS", "WFED", "PCST", "CTOC"} & set(tags)
    [audio] = [s for s in info["streams"] if s["codec_type"] == "audio"]
    assert audio["codec_name"] == "mp3"
    [picture] = [s for s in info["streams"] if s["codec_type"] == "video"]
    assert picture["codec_name"] == "mjpeg"
    assert picture["disposition"]["attached_pic"] == 1
    assert picture["tags"]["comment"] == "Cover (front)"  # APIC picture type 3
    assert max(picture["width"], picture["height"]) <= COVER_MAX_SIDE
    chapters = info["chapters"]
    assert [c["tags"]["title"] for c in chapters] == [c.title for c in CHAPTERS]
    starts = [float(c["start_time"]) for c in chapters]
    assert starts == [c.start for c in CHAPTERS] and starts == sorted(set(starts))
    assert [float(c["end_time"]) for c in chapters] == [c.end for c in CHAPTERS]


@pytest.mark.parametrize("version", [3, 4])
def test_eyed3_reads_the_full_tag(long_mp3: Path, full_tags: EpisodeTags, version: int) -> None:
    write_tags(long_mp3, full_tags, version=version)
    tag = eyed3_tag(long_mp3)
    assert tag.version == (2, version, 0)
    assert tag.title == TITLE
    assert tag.artist == TAGS.author
    assert tag.album == TAGS.show
    assert tag.genre.name == "Podcast"
    if version == 4:
        assert str(tag.recording_date) == "2024-05-06"
    else:
        # eyeD3 checks TDAT on its own as a date and drops "0605" (DDMM, as ID3v2.3 defines it), so
        # it only gets the year; the frame itself is right
        assert tag.recording_date.year == 2024
        [tdat] = tag.frame_set[b"TDAT"]
        assert tdat.data[1:].decode("utf-16").rstrip("\x00") == "0605"
    [comment] = list(tag.comments)
    assert (comment.text, comment.lang, comment.description) == (TAGS.comment, b"eng", "")
    [lyrics] = list(tag.lyrics)
    assert (lyrics.text, lyrics.lang) == (TRANSCRIPT, b"eng")
    assert tag.frame_set[b"TLEN"][0].text == "3000"
    # WOAS: mutagen ends URL frames with a NUL (TagLib and mutagen stop reading there); eyeD3 keeps it
    assert tag.audio_source_url == ARTICLE_URL + "\x00"
    assert tag.frame_set[b"WFED"][0].text == FEED_URL  # read as the text frame Apple writes
    assert tag.frame_set[b"TGID"][0].text == GUID
    assert tag.frame_set[b"TDES"][0].text == DESCRIPTION
    assert tag.frame_set[b"PCST"][0].data == b"\x00\x00\x00\x00"
    [image] = list(tag.images)
    assert image.mime_type == "image/jpeg"
    assert image.picture_type == 3  # front cover
    assert len(image.image_data) <= COVER_MAX_BYTES
    with Image.open(io.BytesIO(image.image_data)) as cover:
        assert cover.format == "JPEG" and max(cover.size) <= COVER_MAX_SIDE
    chapters = sorted(tag.chapters, key=lambda c: c.times.start)
    assert [c.title for c in chapters] == [c.title for c in CHAPTERS]
    assert [c.times.start for c in chapters] == [round(c.start * 1000) for c in CHAPTERS]
    [toc] = list(tag.table_of_contents)
    assert toc.toplevel and toc.ordered and toc.child_ids == [b"chp0", b"chp1", b"chp2", b"chp3"]


@pytest.mark.parametrize("version", [3, 4])
def test_mutagen_reads_the_full_tag(long_mp3: Path, full_tags: EpisodeTags, version: int) -> None:
    write_tags(long_mp3, full_tags, version=version)
    id3 = mutagen.id3.ID3(long_mp3)
    assert id3.version == (2, version, 0)
    assert id3["TIT2"].text == [TITLE]
    assert str(id3["TDRC"].text[0]) == "2024-05-06"
    assert id3["TCON"].text == ["Podcast"]
    assert id3["TLEN"].text == ["3000"]
    assert id3["WOAS"].url == ARTICLE_URL
    assert id3["TGID"].text == [GUID]
    assert id3["TDES"].text == [DESCRIPTION]
    assert id3["PCST"].value == 0
    [apic] = id3.getall("APIC")
    assert (apic.mime, apic.type, apic.desc) == ("image/jpeg", mutagen.id3.PictureType.COVER_FRONT, "")
    assert len(apic.data) <= COVER_MAX_BYTES
    assert len(id3.getall("CHAP")) == len(CHAPTERS) and len(id3.getall("CTOC")) == 1
    text = mutagen.id3.Encoding.UTF8 if version == 4 else mutagen.id3.Encoding.UTF16
    for frame_id in ("TIT2", "TALB", "TPE1", "TDES", "TGID", "COMM::eng", "USLT::eng"):
        assert id3[frame_id].encoding == text, frame_id
    # mutagen takes WFED for a URL frame and so reads Apple's text frame as an empty URL
    assert id3["WFED"].url == ""


@pytest.mark.parametrize("version", [3, 4])
def test_wfed_is_written_as_apple_writes_it(long_mp3: Path, full_tags: EpisodeTags, version: int) -> None:
    write_tags(long_mp3, full_tags, version=version)
    data = long_mp3.read_bytes()
    at = data.index(b"WFED")
    body = FEED_URL.encode("ascii") + b"\x00"
    size = len(body) + 1  # under 128: syncsafe and plain sizes agree
    assert data[at : at + 10 + size] == b"WFED" + size.to_bytes(4, "big") + b"\x00\x00" + b"\x00" + body


@pytest.mark.parametrize("version", [3, 4])
def test_mp3val_finds_no_problem_with_the_full_tag(long_mp3: Path, full_tags: EpisodeTags, version: int) -> None:
    mp3val = require_tool("mp3val")
    write_tags(long_mp3, full_tags, version=version)
    output = subprocess.run([mp3val, str(long_mp3)], capture_output=True, text=True, check=True).stdout
    assert "INFO" in output and not re.search(r"WARNING|PROBLEM", output), output


@pytest.mark.parametrize("version", [3, 4])
def test_full_tag_leaves_the_audio_untouched(long_mp3: Path, full_tags: EpisodeTags, version: int) -> None:
    before = long_mp3.read_bytes()
    write_tags(long_mp3, full_tags, version=version)
    assert long_mp3.read_bytes().endswith(before)
    assert len(decode(long_mp3)) == round(SECONDS * 44100)


def test_id3v24_on_disk(long_mp3: Path, full_tags: EpisodeTags) -> None:
    write_tags(long_mp3, full_tags, version=4)
    data = long_mp3.read_bytes()
    assert data[3:5] == b"\x04\x00"
    assert b"TDRC" in data[:3000] and b"TYER" not in data[:3000] and b"TDAT" not in data[:3000]


def test_version_must_be_3_or_4(mp3: Path) -> None:
    with pytest.raises(ValueError, match="3 or 4"):
        write_tags(mp3, TAGS, version=2)


def test_without_extras_only_the_basic_frames_and_podcast_flag(mp3: Path) -> None:
    assert write_tags(mp3, TAGS) == []
    id3 = mutagen.id3.ID3(mp3)
    assert not {"WOAS", "WFED", "TGID", "TDES", "APIC", "CHAP", "CTOC"} & {k[:4] for k in id3.keys()}
    assert "PCST" in id3
    write_tags(mp3, replace(TAGS, podcast=False))
    assert "PCST" not in mutagen.id3.ID3(mp3)


def test_positional_arguments_still_work(mp3: Path) -> None:
    """As narrate.say builds its tags."""
    write_tags(mp3, EpisodeTags("Title", "Show", None, None, "", "Words.", 0.75))
    assert ffprobe_tags(mp3)["title"] == "Title"


# --- the cover ------------------------------------------------------------------------------------


@pytest.mark.parametrize("version", [3, 4])
def test_big_png_cover_becomes_a_small_flattened_jpeg(
    long_mp3: Path, full_tags: EpisodeTags, big_cover: bytes, version: int
) -> None:
    assert write_tags(long_mp3, replace(full_tags, cover=big_cover), version=version) == []
    [apic] = mutagen.id3.ID3(long_mp3).getall("APIC")
    assert len(apic.data) <= COVER_MAX_BYTES
    with Image.open(io.BytesIO(apic.data)) as cover:
        assert cover.format == "JPEG" and cover.mode == "RGB"
        assert cover.size == (COVER_MAX_SIDE, COVER_MAX_SIDE)  # square stays square
        left = np.asarray(cover)[:, : COVER_MAX_SIDE // 2 - 8]
    assert left.mean() > 250  # the transparent half is white, not black noise


def test_cover_quality_is_lowered_until_it_fits(big_cover: bytes) -> None:
    with Image.open(io.BytesIO(cover_jpeg(big_cover))) as fitted:
        best = io.BytesIO()
        fitted.save(best, format="JPEG", quality=90, optimize=True)
    assert best.tell() > 60_000  # so quality 90 would not fit the limit below
    small = cover_jpeg(big_cover, max_bytes=60_000)
    assert len(small) <= 60_000
    with Image.open(io.BytesIO(small)) as image:
        assert max(image.size) <= COVER_MAX_SIDE


def test_a_cover_is_converted_once_for_every_tag_it_goes_into(big_cover: bytes) -> None:
    """The show's cover goes into every episode's tag (and a build converts it before the tag needs it):
    the conversion is kept, per size limit."""
    first = cover_jpeg(big_cover)
    assert cover_jpeg(big_cover) is first
    assert cover_jpeg(big_cover, max_bytes=60_000) is not first and len(cover_jpeg(big_cover, max_bytes=60_000)) <= 60_000


def test_tiny_limit_shrinks_the_picture_too(big_cover: bytes) -> None:
    small = cover_jpeg(big_cover, max_bytes=8_000)
    assert len(small) <= 8_000
    with Image.open(io.BytesIO(small)) as image:
        assert max(image.size) < COVER_MAX_SIDE


def image_bytes(image: Image.Image, format: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, format=format, **options)
    return out.getvalue()


def transparent_palette() -> Image.Image:
    image = Image.new("P", (60, 40), 0)
    image.putpalette([0, 0, 0, 255, 0, 0] + [0] * 762)
    image.info["transparency"] = 0
    return image


def grey_16_bit() -> Image.Image:
    return Image.fromarray(np.full((30, 40), 65535, np.uint16))


WHITE = (255, 255, 255)


@pytest.mark.parametrize(
    ("make", "format", "size", "corner"),
    [
        pytest.param(lambda: Image.new("RGB", (120, 60), (10, 200, 30)), "JPEG", (120, 60), (10, 200, 30), id="jpeg"),
        pytest.param(lambda: Image.new("L", (50, 50), 128), "PNG", (50, 50), (128, 128, 128), id="grey"),
        pytest.param(lambda: Image.new("LA", (50, 50), (0, 0)), "PNG", (50, 50), WHITE, id="grey-alpha"),
        pytest.param(transparent_palette, "PNG", (60, 40), WHITE, id="palette-transparency"),
        pytest.param(transparent_palette, "GIF", (60, 40), WHITE, id="gif"),
        pytest.param(grey_16_bit, "PNG", (40, 30), WHITE, id="16-bit"),
        pytest.param(lambda: Image.new("CMYK", (30, 30), (0, 0, 0, 0)), "JPEG", (30, 30), WHITE, id="cmyk"),
        pytest.param(lambda: Image.new("RGB", (1600, 400), (0, 0, 255)), "WEBP", (800, 200), (0, 0, 255), id="webp"),
    ],
)
def test_cover_formats_and_modes(
    make: Callable[[], Image.Image], format: str, size: tuple[int, int], corner: tuple[int, int, int]
) -> None:
    with Image.open(io.BytesIO(cover_jpeg(image_bytes(make(), format)))) as cover:
        assert cover.format == "JPEG" and cover.mode == "RGB"
        assert cover.size == size  # never enlarged; aspect ratio kept
        assert cover.getpixel((1, 1)) == pytest.approx(corner, abs=6)


def test_cover_exif_orientation_is_applied() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    source = image_bytes(Image.new("RGB", (200, 100), (200, 50, 50)), "JPEG", exif=exif)
    with Image.open(io.BytesIO(cover_jpeg(source))) as cover:
        assert cover.size == (100, 200)


BROKEN = [
    pytest.param(b"", id="empty"),
    pytest.param(b"not an image at all", id="text"),
    pytest.param(noisy_png(64, 64)[:300], id="truncated-png"),
]


@pytest.mark.parametrize("data", BROKEN)
def test_broken_cover_image_is_an_input_error(data: bytes) -> None:
    with pytest.raises(InputError, match="cover"):
        cover_jpeg(data)


@pytest.mark.parametrize("data", BROKEN)
def test_broken_cover_is_left_out_with_a_warning(long_mp3: Path, full_tags: EpisodeTags, data: bytes) -> None:
    warnings = write_tags(long_mp3, replace(full_tags, cover=data))
    assert len(warnings) == 1 and "cover" in warnings[0] and long_mp3.name in warnings[0]
    assert not mutagen.id3.ID3(long_mp3).getall("APIC")
    info = ffprobe_all(long_mp3)
    assert [s["codec_type"] for s in info["streams"]] == ["audio"]
    assert info["format"]["tags"]["title"] == TITLE and len(info["chapters"]) == len(CHAPTERS)  # the rest is there
    assert list(eyed3_tag(long_mp3).images) == []


def test_cover_bytes_stay_out_of_the_repr(full_tags: EpisodeTags) -> None:
    assert "cover" not in repr(full_tags) and len(repr(full_tags)) < 2000


# --- the feed URL follows base_url: WFED rewritten in place -------------------------------------------


def _audio_after_tag(path: Path) -> bytes:
    data = path.read_bytes()
    size = mutagen.id3.ID3(path).size  # the whole tag, header and padding included
    return data[size:]


@pytest.mark.parametrize("version", [3, 4])
def test_set_feed_url_changes_only_wfed(long_mp3: Path, full_tags: EpisodeTags, version: int) -> None:
    write_tags(long_mp3, full_tags, version=version)
    before = eyed3_tag(long_mp3)
    audio = _audio_after_tag(long_mp3)
    chapters = [c["start_time"] for c in ffprobe_all(long_mp3)["chapters"]]
    moved = "https://new.example.org/shows/harbour/feed.xml"
    assert read_feed_url(long_mp3) == FEED_URL
    assert set_feed_url(long_mp3, moved) == FEED_URL
    tag = eyed3_tag(long_mp3)
    assert tag.frame_set[b"WFED"][0].text == moved and len(tag.frame_set[b"WFED"]) == 1
    assert tag.version[:2] == (2, version) and read_feed_url(long_mp3) == moved
    assert (tag.title, tag.artist, tag.album) == (before.title, before.artist, before.album)
    assert tag.lyrics[0].text == before.lyrics[0].text and tag.images[0].image_data == before.images[0].image_data
    assert [c.title for c in tag.chapters] == [c.title for c in before.chapters]
    assert [c["start_time"] for c in ffprobe_all(long_mp3)["chapters"]] == chapters  # still in order
    assert _audio_after_tag(long_mp3) == audio  # the audio (and the hash in an episode's name) as it was
    assert not [p for p in long_mp3.parent.iterdir() if p.name.startswith(".")]  # no temporary file left
    stamp = long_mp3.stat().st_mtime_ns
    assert set_feed_url(long_mp3, moved) == moved and long_mp3.stat().st_mtime_ns == stamp  # nothing to do


def test_set_feed_url_on_a_file_without_a_tag(mp3: Path) -> None:
    assert read_feed_url(mp3) is None
    assert set_feed_url(mp3, "https://example.org/feed.xml") is None
    assert read_feed_url(mp3) == "https://example.org/feed.xml"


def test_set_feed_url_on_a_missing_file_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="cannot read the tags of"):
        set_feed_url(tmp_path / "gone.mp3", "https://example.org/feed.xml")
