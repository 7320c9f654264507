"""The chunk cache: content-addressed, atomic, self-healing, prunable — and what it saves a rebuild."""

from __future__ import annotations

import os
import time
from pathlib import Path

import numpy as np
import pytest

from narrate import build
from narrate.models import Clip
from narrate.speech.cache import ChunkCache, cache_key, default_cache_dir
from tests.audiocheck import decode
from tests.conftest import ARTICLE_ONLY
from tests.fakes import FakeEngine

ARTICLE = "A title here\nThe first paragraph.\nThe second paragraph.\nThe third paragraph.\n"


def tone(seconds: float, rate: int = 24000) -> Clip:
    t = np.arange(int(seconds * rate)) / rate
    return Clip((0.3 * np.sin(2 * np.pi * 330 * t)).astype(np.float32), rate)


def test_put_then_get_is_bit_identical_to_what_put_returned(tmp_path: Path) -> None:
    cache = ChunkCache(tmp_path)
    key = cache_key("engine-id", "words")
    stored = cache.put(key, tone(0.5))
    again = cache.get(key)
    assert again is not None and again.sample_rate == 24000
    assert np.array_equal(stored.samples, again.samples)
    assert np.abs(stored.samples - tone(0.5).samples).max() < 1e-4  # 16-bit: inaudible difference
    assert np.array_equal(ChunkCache.canonical(tone(0.5)).samples, stored.samples)
    assert (cache.hits, cache.misses) == (1, 0)


def test_canonical_is_exactly_what_the_flac_round_trip_gives(tmp_path: Path) -> None:
    """canonical() rounds to 16 bits without a FLAC file; the cache's own encode and decode must agree with
    it sample for sample, for loud, clipped, tiny and half-step values."""
    rng = np.random.default_rng(7)
    noise = rng.standard_normal(48000).astype(np.float32) * 0.4  # a few samples beyond [-1, 1]
    steps = ((np.arange(-2000, 2000) + 0.5) / 32767.0).astype(np.float32)  # values that round half-way
    extremes = np.array([-1.5, -1.0, -0.99999, 0.0, 1e-9, 0.99999, 1.0, 2.0], dtype=np.float32)
    cache = ChunkCache(tmp_path)
    for index, samples in enumerate([noise, steps, extremes, tone(0.3, 22050).samples]):
        clip = Clip(samples, 22050)
        key = cache_key("engine-id", f"clip {index}")
        put = cache.put(key, clip)
        got = cache.get(key)
        assert got is not None and got.sample_rate == 22050
        canonical = ChunkCache.canonical(clip)
        assert canonical.samples.dtype == np.float32
        assert np.array_equal(canonical.samples, got.samples)
        assert np.array_equal(put.samples, got.samples)


def test_keys_depend_on_identity_and_exact_text() -> None:
    assert cache_key("a", "x") == cache_key("a", "x")
    assert len({cache_key("a", "x"), cache_key("b", "x"), cache_key("a", "x "), cache_key("a", "X")}) == 4


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_corrupt_entry_is_discarded(tmp_path: Path, damage: str) -> None:
    cache = ChunkCache(tmp_path)
    key = cache_key("id", "text")
    cache.put(key, tone(0.5))
    path = cache.path(key)
    data = bytearray(path.read_bytes())
    if damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "flip":
        data[len(data) // 2] ^= 0xFF
    elif damage == "garbage":
        data = bytearray(b"not flac at all" * 10)
    else:
        data = bytearray()
    path.write_bytes(bytes(data))
    assert cache.get(key) is None
    assert not path.exists() and cache.discarded == 1


def test_info_and_prune_least_recently_used_first(tmp_path: Path) -> None:
    cache = ChunkCache(tmp_path)
    keys = [cache_key("id", str(n)) for n in range(4)]
    for n, key in enumerate(keys):
        cache.put(key, tone(0.5))
        old = time.time() - 1000 + n * 100
        os.utime(cache.path(key), (old, old))
    cache.get(keys[0])  # used just now: the newest
    info = cache.info()
    assert info.entries == 4
    each = info.bytes // 4
    result = cache.prune(max_bytes=each * 2 + each // 2)
    assert result.removed == 2 and result.left.entries == 2
    assert cache.get(keys[0]) is not None and cache.get(keys[3]) is not None
    assert cache.get(keys[1]) is None and cache.get(keys[2]) is None


def test_no_temporary_files_are_left(tmp_path: Path) -> None:
    cache = ChunkCache(tmp_path)
    for n in range(5):
        cache.put(cache_key("id", str(n)), tone(0.1))
    assert [p.name for p in tmp_path.rglob("*") if p.is_file() and not p.name.endswith(".flac")] == []


def test_default_location_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NARRATE_CACHE_DIR", str(tmp_path / "c"))
    assert default_cache_dir() == tmp_path / "c"


# --- what the cache saves a build ------------------------------------------------------------


def _build(article: Path, out: Path, preset: Path) -> list:
    FakeEngine.calls.clear()
    report = build([article], out_dir=out, voice=str(preset), force=True, config=ARTICLE_ONLY)  # no up-to-date shortcut
    assert not report.failed, report.failed
    return list(FakeEngine.calls)


def test_unchanged_article_makes_no_engine_calls(tmp_path: Path, fake_preset: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    assert len(_build(article, out, fake_preset)) == 3
    first = next(out.glob("episodes/*/*.mp3")).read_bytes()
    assert _build(article, out, fake_preset) == []
    assert next(out.glob("episodes/*/*.mp3")).read_bytes() == first  # same audio, same file


def test_one_edited_paragraph_is_the_only_one_spoken_again(tmp_path: Path, fake_preset: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    _build(article, out, fake_preset)
    article.write_text(ARTICLE.replace("second paragraph", "second, edited paragraph"), encoding="utf-8")
    assert _build(article, out, fake_preset) == ["The second, edited paragraph."]


def test_reordered_paragraphs_make_no_engine_calls(tmp_path: Path, fake_preset: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    _build(article, out, fake_preset)
    lines = ARTICLE.splitlines()
    article.write_text("\n".join([lines[0], lines[3], lines[1], lines[2]]) + "\n", encoding="utf-8")
    assert _build(article, out, fake_preset) == []


def test_corrupted_cache_file_is_recovered_with_the_right_audio(
    tmp_path: Path, fake_preset: Path, private_chunk_cache: Path
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    _build(article, out, fake_preset)
    first = decode(next(out.glob("episodes/*/*.mp3")))
    victim = sorted(private_chunk_cache.rglob("*.flac"))[0]
    victim.write_bytes(victim.read_bytes()[:100])
    assert len(_build(article, out, fake_preset)) == 1  # only the damaged chunk is spoken again
    assert np.array_equal(decode(next(out.glob("episodes/*/*.mp3"))), first)


def test_no_cache_means_every_chunk_is_spoken(tmp_path: Path, fake_preset: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    for _ in range(2):
        FakeEngine.calls.clear()
        build([article], out_dir=tmp_path / "out", voice=str(fake_preset), use_cache=False, force=True, config=ARTICLE_ONLY)
        assert len(FakeEngine.calls) == 3
