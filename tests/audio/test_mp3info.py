"""narrate.audio.mp3info: MPEG-1 Layer III frame headers and the Xing/LAME "Info" frame narrate writes."""

from __future__ import annotations

import random
import struct
import subprocess
from pathlib import Path

import lameenc
import numpy as np
import pytest

from narrate.audio.mp3info import (
    ENCODER_DELAY,
    SAMPLES_PER_FRAME,
    InfoFrame,
    count_frames,
    crc16,
    frame_length,
    parse_header,
)
from narrate.audio.mp3writer import Mp3Writer
from narrate.models import Clip
from tests.audiocheck import decode, probe
from tests.conftest import require_tool

# --- frame headers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # sync + MPEG-1 + Layer III + no CRC | bitrate index, rate index, padding | mono
        (b"\xff\xfb\x50\xc0", (64, 44100, 208, False)),  # 144 * 64000 / 44100 = 208.98
        (b"\xff\xfb\x52\xc0", (64, 44100, 209, True)),
        (b"\xff\xfb\x96\xc0", (128, 48000, 385, True)),
        (b"\xff\xfb\x18\xcc", (32, 32000, 144, False)),
        (b"\xff\xfb\xe2\xc0", (320, 44100, 1045, True)),
        (b"\xff\xfa\x90\x44", (128, 44100, 417, False)),  # with CRC, stereo: still a valid header
    ],
)
def test_parse_header(header: bytes, expected: tuple[int, int, int, bool]) -> None:
    assert parse_header(header) == expected


@pytest.mark.parametrize(
    "header",
    [
        b"\x00\x00\x00\x00",
        b"ID3\x03",  # a tag, not a frame
        b"\xff\xf3\x50\xc0",  # MPEG-2
        b"\xff\xe3\x50\xc0",  # MPEG-2.5
        b"\xff\xfd\x50\xc0",  # Layer II
        b"\xff\xff\x50\xc0",  # Layer I
    ],
)
def test_parse_header_rejects_what_is_not_mpeg1_layer3(header: bytes) -> None:
    with pytest.raises(ValueError, match="not an MPEG-1 Layer III frame header"):
        parse_header(header)


@pytest.mark.parametrize(
    "header",
    [b"\xff\xfb\xf0\xc0", b"\xff\xfb\x5c\xc0", b"\xff\xfb\x00\xc0"],
    ids=["bitrate-index-15", "rate-index-3", "free-format"],
)
def test_parse_header_rejects_reserved_fields(header: bytes) -> None:
    with pytest.raises(ValueError):
        parse_header(header)


@pytest.mark.parametrize(
    ("bitrate", "rate", "padding", "length"),
    [(64, 44100, False, 208), (64, 44100, True, 209), (32, 44100, False, 104), (128, 48000, False, 384),
     (56, 44100, False, 182), (32, 32000, False, 144), (320, 48000, False, 960)],
)
def test_frame_length(bitrate: int, rate: int, padding: bool, length: int) -> None:
    assert frame_length(bitrate, rate, padding) == length


# --- counting frames ---------------------------------------------------------------------------


def fake_frame(header: bytes) -> bytes:
    """A frame of the header's length: the header and zero bytes (enough for counting)."""
    return header + bytes(parse_header(header)[2] - 4)


def test_count_frames_of_known_streams() -> None:
    plain, padded, big = b"\xff\xfb\x50\xc0", b"\xff\xfb\x52\xc0", b"\xff\xfb\x96\xc0"
    assert count_frames(b"") == 0
    assert count_frames(fake_frame(plain)) == 1
    assert count_frames(fake_frame(plain) * 3 + fake_frame(padded) + fake_frame(big) * 2) == 6


def test_count_frames_mixed_random_order() -> None:
    rng = random.Random(7)
    headers = [b"\xff\xfb\x50\xc0", b"\xff\xfb\x52\xc0", b"\xff\xfb\x96\xc0", b"\xff\xfb\x18\xcc"]
    frames = [rng.choice(headers) for _ in range(200)]
    assert count_frames(b"".join(fake_frame(h) for h in frames)) == 200


def test_count_frames_rejects_a_broken_stream() -> None:
    frame = fake_frame(b"\xff\xfb\x50\xc0")
    with pytest.raises(ValueError):
        count_frames(frame + b"\x00\x00\x00\x00" + frame)


def test_count_frames_of_a_real_stream_matches_ffprobe(tmp_path: Path) -> None:
    path = tmp_path / "a.mp3"
    writer = Mp3Writer(path, input_rate=44100)
    writer.write(Clip(np.zeros(44100, np.float32), 44100))
    writer.close()
    # ffmpeg does not count the Info frame as an audio packet
    assert count_frames(path.read_bytes()) == _ffprobe_packets(path) + 1


def _ffprobe_packets(path: Path) -> int:
    """Audio frames (packets) ffprobe reads, counted by Debian's ffmpeg rather than narrate."""
    result = subprocess.run(
        [require_tool("ffprobe"), "-v", "error", "-count_packets", "-show_entries", "stream=nb_read_packets",
         "-of", "csv=p=0", str(path)],
        capture_output=True, text=True, check=True,
    )
    return int(result.stdout.strip())


# --- CRC ---------------------------------------------------------------------------------------


def _crc16_arc_table_driven(data: bytes) -> int:
    """An independent, table-driven CRC-16/ARC (reflected 0x8005, init 0, no final xor)."""
    table = []
    for n in range(256):
        crc = 0
        c = n
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if (crc ^ c) & 1 else crc >> 1
            c >>= 1
        table.append(crc)
    crc = 0
    for byte in data:
        crc = (crc >> 8) ^ table[(crc ^ byte) & 0xFF]
    return crc


@pytest.mark.parametrize(
    ("data", "crc"),
    [(b"123456789", 0xBB3D), (b"", 0x0000), (b"\x00", 0x0000), (b"A", 0x30C0), (b"\xff", 0x4040)],
)
def test_crc16_known_values(data: bytes, crc: int) -> None:
    assert crc16(data) == crc


def test_crc16_matches_an_independent_implementation() -> None:
    rng = random.Random(3)
    for length in (1, 2, 7, 190, 1000):
        data = bytes(rng.randrange(256) for _ in range(length))
        assert crc16(data) == _crc16_arc_table_driven(data)


# --- the Info frame ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bitrate", "rate", "frame_bitrate", "size"),
    [
        (64, 44100, 64, 208),
        (128, 44100, 128, 417),
        (32, 44100, 56, 182),  # a 104-byte frame cannot hold the tag: the next bitrate that can
        (40, 44100, 56, 182),
        (32, 48000, 64, 192),
        (32, 32000, 40, 180),
        (320, 48000, 320, 960),
    ],
)
def test_info_frame_size(bitrate: int, rate: int, frame_bitrate: int, size: int) -> None:
    info = InfoFrame(bitrate, rate, 0, 0, 0)
    assert info.frame_bitrate() == frame_bitrate
    assert info.size() == size


def test_info_frame_layout() -> None:
    info = InfoFrame(bitrate=64, sample_rate=44100, audio_frames=40, audio_bytes=40 * 208 + 7, samples=44100)
    frame = info.build()
    assert len(frame) == info.size() == 208
    assert parse_header(frame[:4]) == (64, 44100, 208, False)
    assert (frame[3] >> 6) == 3  # mono
    assert frame[4:21] == bytes(17)  # empty side info
    assert frame[21:25] == b"Info"
    flags, frames, total = struct.unpack(">III", frame[25:37])
    assert (flags, frames, total) == (0x0F, 40, 208 + 40 * 208 + 7)
    toc = frame[37:137]
    assert toc[0] == 0 and list(toc) == sorted(toc)
    lame = frame[141:]
    assert lame[:9] == b"LAME3.100"
    delay_padding = int.from_bytes(lame[21:24], "big")
    assert delay_padding >> 12 == ENCODER_DELAY
    assert delay_padding & 0xFFF == info.padding == 40 * SAMPLES_PER_FRAME - ENCODER_DELAY - 44100
    assert struct.unpack(">I", lame[28:32])[0] == total  # music length
    # mono: 4 header + 17 side info + 120 Xing + 34 LAME bytes, then the CRC of all of them
    assert struct.unpack(">H", frame[175:177])[0] == crc16(frame[:175])
    # and where readers that assume a stereo layout (eyeD3) look for it, the same kind of checksum
    assert struct.unpack(">H", frame[190:192])[0] == crc16(frame[:190])
    assert frame[177:190] == bytes(13) and frame[192:] == bytes(208 - 192)


@pytest.mark.parametrize("samples", [40 * SAMPLES_PER_FRAME, 40 * SAMPLES_PER_FRAME - ENCODER_DELAY + 1])
def test_info_frame_refuses_padding_that_does_not_fit(samples: int) -> None:
    with pytest.raises(ValueError, match="padding"):
        InfoFrame(64, 44100, 40, 40 * 208, samples).build()


def test_info_frame_of_a_real_file(tmp_path: Path) -> None:
    """The Info frame Mp3Writer patches in agrees with the stream and with ffprobe."""
    path = tmp_path / "a.mp3"
    writer = Mp3Writer(path, input_rate=44100, bitrate=32)
    writer.write(Clip(np.zeros(30000, np.float32), 44100))
    writer.close()
    data = path.read_bytes()
    bitrate, rate, size, _ = parse_header(data[:4])
    assert (bitrate, rate, size) == (56, 44100, 182)
    assert data[21:25] == b"Info"
    _, frames, total = struct.unpack(">III", data[25:37])
    assert frames == count_frames(data[size:]) == _ffprobe_packets(path)
    assert total == len(data)
    assert parse_header(data[size : size + 4])[0] == 32  # the audio itself is at 32 kbit/s
    padding = int.from_bytes(data[141 + 21 : 141 + 24], "big") & 0xFFF
    assert frames * SAMPLES_PER_FRAME - ENCODER_DELAY - padding == 30000 == len(decode(path))
    stream = probe(path)["streams"][0]
    assert stream["bit_rate"] == "32000"
    # ffmpeg exports the encoder name only when the LAME tag's CRC checks out
    assert stream["tags"]["encoder"] == "LAME3.100"


def test_ffmpeg_notices_a_corrupted_tag_crc(tmp_path: Path) -> None:
    """The check above can fail: flip one byte of the tag and ffmpeg no longer trusts it."""
    path = tmp_path / "a.mp3"
    writer = Mp3Writer(path, input_rate=44100)
    writer.write(Clip(np.zeros(4410, np.float32), 44100))
    writer.close()
    data = bytearray(path.read_bytes())
    data[151] ^= 0xFF  # the LAME tag's lowpass byte
    path.write_bytes(bytes(data))
    assert "encoder" not in probe(path)["streams"][0].get("tags", {})


def test_frame_counter_counts_a_stream_fed_in_any_pieces(tmp_path: Path) -> None:
    import random

    from narrate.audio.mp3info import FrameCounter, count_frames

    encoder = lameenc.Encoder()
    encoder.set_bit_rate(64)
    encoder.set_in_sample_rate(44100)
    encoder.set_channels(1)
    pcm = (np.sin(np.arange(44100 * 3) / 7.0) * 8000).astype("<i2").tobytes()
    stream = encoder.encode(pcm) + encoder.flush()
    expected = count_frames(stream)
    rng = random.Random(4)
    for _ in range(5):
        counter, offset = FrameCounter(), 0
        while offset < len(stream):
            step = rng.randint(1, 700)
            counter.feed(stream[offset : offset + step])
            offset += step
        assert counter.finish() == expected
    cut = FrameCounter()
    cut.feed(stream[:-5])
    with pytest.raises(ValueError, match="inside a frame"):
        cut.finish()
