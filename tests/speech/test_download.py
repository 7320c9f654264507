"""narrate.speech.download: one file fetched into place, verified, atomic and resumable, from a real
local HTTP server (tests/voicehost.py) or a local path."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from narrate.errors import DownloadError
from narrate.speech.download import Expected, fetch, fetch_bytes, part_path
from tests.voicehost import VoiceHost, refused_url

DATA = bytes(range(256)) * 4000  # 1 MB
PATH = "/voices/model.onnx"
GOOD = Expected(len(DATA), hashlib.sha256(DATA).hexdigest(), "sha256", "the test registry")


def test_a_file_arrives_whole_and_progress_is_reported(tmp_path: Path) -> None:
    seen: list[tuple[str, int, int | None]] = []
    with VoiceHost({PATH: DATA}) as host:
        size = fetch(host.url + PATH, tmp_path / "v" / "model.onnx", GOOD, label="model", progress=
                     lambda *event: seen.append(event))
    assert size == len(DATA) and (tmp_path / "v" / "model.onnx").read_bytes() == DATA
    assert seen[0] == ("model", 0, len(DATA)) and seen[-1] == ("model", len(DATA), len(DATA))
    assert not part_path(tmp_path / "v" / "model.onnx").exists()


def test_an_md5_checksum_is_checked_too(tmp_path: Path) -> None:
    md5 = Expected(len(DATA), hashlib.md5(DATA).hexdigest(), "md5", "the catalog")
    with VoiceHost({PATH: DATA}) as host:
        fetch(host.url + PATH, tmp_path / "a.onnx", md5, label="a")
        with pytest.raises(DownloadError, match=r"has md5 .*, not the 000000000000… the catalog gives; refused"):
            fetch(host.url + PATH, tmp_path / "b.onnx", Expected(None, "0" * 32, "md5", "the catalog"), label="b")
    assert not (tmp_path / "b.onnx").exists() and not part_path(tmp_path / "b.onnx").exists()


def test_a_wrong_size_is_refused(tmp_path: Path) -> None:
    with VoiceHost({PATH: DATA}) as host:
        with pytest.raises(DownloadError, match=r"is 1,024,000 bytes, not the 1,000 the test registry gives"):
            fetch(host.url + PATH, tmp_path / "m.onnx", Expected(1000, None, authority="the test registry"), label="m")
    assert list(tmp_path.iterdir()) == []


def test_a_cut_transfer_resumes_where_it_stopped(tmp_path: Path) -> None:
    target = tmp_path / "m.onnx"
    with VoiceHost({PATH: DATA}) as host:
        host.cut(PATH, after=400_000)
        with pytest.raises(DownloadError, match="run the same command again to resume it"):
            fetch(host.url + PATH, target, GOOD, label="m")
        kept = part_path(target).stat().st_size
        fetch(host.url + PATH, target, GOOD, label="m")
        ranges = [r.headers.get("Range") for r in host.requests]
    assert 0 < kept <= 400_000
    assert ranges == [None, f"bytes={kept}-"]
    assert target.read_bytes() == DATA


def test_a_server_that_ignores_ranges_sends_the_whole_file_again(tmp_path: Path) -> None:
    target = tmp_path / "m.onnx"
    part_path(target).write_bytes(DATA[:1000])
    with VoiceHost({PATH: DATA}) as host:
        host.ranges = False
        fetch(host.url + PATH, target, GOOD, label="m")
        assert host.requests[0].headers.get("Range") == "bytes=1000-"
    assert target.read_bytes() == DATA


def test_a_complete_part_file_is_not_downloaded_again(tmp_path: Path) -> None:
    target = tmp_path / "m.onnx"
    part_path(target).write_bytes(DATA)
    with VoiceHost({PATH: DATA}) as host:
        fetch(host.url + PATH, target, GOOD, label="m")
        assert host.requests == []
    assert target.read_bytes() == DATA


def test_http_errors_and_refused_connections_are_one_line(tmp_path: Path) -> None:
    with VoiceHost({}) as host:
        with pytest.raises(DownloadError, match=r"/voices/model.onnx: the server answered 404 Not Found"):
            fetch(host.url + PATH, tmp_path / "m.onnx", GOOD, label="m")
    url = refused_url()
    with pytest.raises(DownloadError) as info:
        fetch(url + "model.onnx", tmp_path / "m.onnx", GOOD, label="m")
    assert str(info.value) == (
        f"cannot reach {url[7:-1]} (Connection refused): check the network connection, or install from a file "
        "with --from FILE"
    )
    with pytest.raises(DownloadError, match="Connection refused"):
        fetch_bytes(url + "voices.json", label="the catalog")


def test_a_local_file_is_copied_and_checked(tmp_path: Path) -> None:
    source = tmp_path / "by-hand.onnx"
    source.write_bytes(DATA)
    fetch(str(source), tmp_path / "out" / "m.onnx", GOOD, label="m")
    assert (tmp_path / "out" / "m.onnx").read_bytes() == DATA
    with pytest.raises(DownloadError, match="no such file"):
        fetch(str(tmp_path / "missing.onnx"), tmp_path / "out" / "n.onnx", GOOD, label="n")
