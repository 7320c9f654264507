"""The Xing/LAME "Info" frame that makes a constant-bitrate MP3 decode to its exact length.

An MP3 encoder delays the audio by some samples and pads the last frame; without a note of both,
decoders play up to ~50 ms of extra silence and report durations that are too long. LAME writes
that note as an "Info" frame (the LAME tag) at the start of the stream, but lameenc — the in-process
binding narrate uses — does not. No Python library writes one, so this module does: it builds the
frame and patches it in once the stream is complete. Decoders that know the tag (ffmpeg, browsers,
Apple's players) trim delay and padding; others decode it as one silent frame.

Format: the Xing header (frames, bytes, TOC, quality) followed by the LAME extension (version
string, encoder delay and padding, music length, CRCs), as documented at
http://gabriel.mp3-tech.org/mp3infotag.html.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

SAMPLES_PER_FRAME = 1152  # MPEG-1 Layer III
ENCODER_DELAY = 576  # LAME's delay before the first input sample, in samples
_BITRATES = (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)
_SAMPLE_RATES = {44100: 0, 48000: 1, 32000: 2}
_SIDE_INFO_MONO = 17
_XING_FLAGS = 0x0F  # frames, bytes, TOC and quality fields present
_LAME_VERSION = b"LAME3.100"
_STEREO_CRC_AT = 190


def frame_length(bitrate: int, sample_rate: int, padding: bool) -> int:
    return 144 * bitrate * 1000 // sample_rate + int(padding)


def parse_header(header: bytes) -> tuple[int, int, int, bool]:
    """(bitrate kbit/s, sample rate, frame length, padding) of an MPEG-1 Layer III frame header."""
    (word,) = struct.unpack(">I", header)
    if word >> 21 != 0x7FF or (word >> 19) & 3 != 3 or (word >> 17) & 3 != 1:
        raise ValueError("not an MPEG-1 Layer III frame header")
    bitrate_index, rate_index = (word >> 12) & 0xF, (word >> 10) & 3
    if bitrate_index in (0, 15) or rate_index == 3:
        raise ValueError("free-format or reserved bitrate or sample rate in frame header")
    bitrate = _BITRATES[bitrate_index]
    rate = {v: k for k, v in _SAMPLE_RATES.items()}[rate_index]
    padding = bool((word >> 9) & 1)
    return bitrate, rate, frame_length(bitrate, rate, padding), padding


def count_frames(stream: bytes) -> int:
    """Number of frames in a stream of whole MPEG-1 Layer III frames."""
    offset = frames = 0
    while offset + 4 <= len(stream):
        _, _, length, _ = parse_header(stream[offset : offset + 4])
        offset += length
        frames += 1
    return frames


class FrameCounter:
    """Counts the frames of an MP3 stream fed in pieces of any size, holding at most one frame."""

    def __init__(self) -> None:
        self.frames = 0
        self._pending = bytearray()
        self._skip = 0

    def feed(self, data: bytes) -> None:
        view = memoryview(data)
        if self._skip:
            taken = min(self._skip, len(view))
            self._skip -= taken
            view = view[taken:]
        self._pending += view
        offset = 0
        while len(self._pending) - offset >= 4:
            _, _, length, _ = parse_header(bytes(self._pending[offset : offset + 4]))
            self.frames += 1
            if offset + length > len(self._pending):
                self._skip = offset + length - len(self._pending)
                offset = len(self._pending)
                break
            offset += length
        del self._pending[:offset]

    def finish(self) -> int:
        """The number of frames; the stream must have ended on a frame boundary."""
        if self._pending or self._skip:
            raise ValueError("the MP3 stream ended inside a frame")
        return self.frames


@dataclass(frozen=True)
class InfoFrame:
    """What the Info frame records about the audio frames that follow it."""

    bitrate: int
    sample_rate: int
    audio_frames: int
    audio_bytes: int
    samples: int
    """Samples of real audio (what a decoder should output after trimming)."""

    @property
    def padding(self) -> int:
        return self.audio_frames * SAMPLES_PER_FRAME - ENCODER_DELAY - self.samples

    def frame_bitrate(self) -> int:
        """The stream's bitrate, or the lowest higher one whose frame is big enough for the tag."""
        needed = 4 + _SIDE_INFO_MONO + 120 + 36
        for bitrate in _BITRATES[1:]:
            if bitrate >= self.bitrate and frame_length(bitrate, self.sample_rate, False) >= needed:
                return bitrate
        raise ValueError("no bitrate can hold the Info frame")

    def size(self) -> int:
        return frame_length(self.frame_bitrate(), self.sample_rate, False)

    def build(self) -> bytes:
        """The complete frame, ``size()`` bytes long."""
        if not 0 <= self.padding < 4096:
            raise ValueError(f"encoder padding {self.padding} does not fit the LAME tag")
        bitrate = self.frame_bitrate()
        size = frame_length(bitrate, self.sample_rate, False)
        # sync, MPEG-1, Layer III, no CRC | bitrate, rate, no padding | mono
        header = struct.pack(
            ">I",
            (0x7FF << 21) | (3 << 19) | (1 << 17) | (1 << 16)
            | (_BITRATES.index(bitrate) << 12) | (_SAMPLE_RATES[self.sample_rate] << 10)
            | (3 << 6),
        )
        total_bytes = size + self.audio_bytes
        toc = bytes(min(255, i * 256 // 100) for i in range(100))  # linear: constant bitrate
        xing = b"Info" + struct.pack(">III", _XING_FLAGS, self.audio_frames, total_bytes) + toc
        xing += struct.pack(">I", 0)  # quality indicator: unused
        lame = bytearray()
        lame += _LAME_VERSION
        lame += bytes([0x00 | 0x01])  # tag revision 0, method: constant bitrate
        lame += bytes([0])  # lowpass: unknown
        lame += struct.pack(">f", 0.0)  # peak amplitude: unknown
        lame += struct.pack(">HH", 0, 0)  # replay gain: none
        lame += bytes([0])  # encoding flags, ATH type
        lame += bytes([min(self.bitrate, 255)])
        lame += (ENCODER_DELAY << 12 | self.padding).to_bytes(3, "big")
        lame += bytes([0])  # misc: no noise shaping info, stereo mode mono is implied
        lame += bytes([0])  # MP3 gain
        lame += struct.pack(">H", 0)  # surround info, preset
        lame += struct.pack(">I", total_bytes)  # music length (bytes, Info frame included)
        lame += struct.pack(">H", 0)  # music CRC: not computed
        body = header + bytes(_SIDE_INFO_MONO) + xing + bytes(lame)
        body += struct.pack(">H", crc16(body))  # the tag's CRC: every byte of the frame before it
        body += bytes(size - len(body))
        # Some readers (eyeD3) look for the CRC at bytes 190-191, where it sits in a stereo frame, and
        # check it against the first 190 bytes. In a mono frame those bytes are unused padding (no
        # decoder reads them), so the same kind of checksum is put there too.
        if size >= _STEREO_CRC_AT + 2:
            body = body[:_STEREO_CRC_AT] + struct.pack(">H", crc16(body[:_STEREO_CRC_AT])) + body[_STEREO_CRC_AT + 2 :]
        return body


def crc16(data: bytes) -> int:
    """CRC-16 (polynomial 0x8005, reflected), as LAME computes the tag's own checksum."""
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc
