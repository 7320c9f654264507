"""The output folder as a catalog: slugs, slots, sidecars that can be read back, broken ones reported."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from narrate.errors import InputError
from narrate.publish.catalog import (
    AudioInfo,
    ChunkInfo,
    EpisodeRecord,
    episode_guid,
    find_episode,
    find_slot,
    load_catalog,
    load_episode,
    make_slug,
    remove_episode,
    remove_stale_files,
    write_sidecar,
)


def _record(slug: str, source: str, published: str = "2026-01-01T00:00:00+00:00") -> EpisodeRecord:
    return EpisodeRecord(
        guid=f"g-{slug}", slug=slug, title=slug, source=source, source_sha256="0", published=published,
        updated=published, audio=AudioInfo(f"{slug}-1.mp3", 1, 1.0, 44100, 64, "0"), voice={},
        description="d", spoken_text="s",
    )


def _store(out: Path, record: EpisodeRecord) -> None:
    write_sidecar(out, record)
    record.audio_path(out).write_bytes(b"mp3")


@pytest.mark.parametrize(
    "title, slug",
    [
        ("U.S. efforts to battle cartels", "u-s-efforts-to-battle-cartels"),
        ("Café “Olé” – ½ price!", "cafe-ole-1-2-price"),
        ("東京", "dong-jing"),
        ("!!!", "episode"),
        ("word " * 30, "-".join(["word"] * 12)),
    ],
)
def test_make_slug(title: str, slug: str) -> None:
    assert make_slug(title) == slug
    assert len(make_slug(title)) <= 60


def test_sidecar_round_trip(tmp_path: Path) -> None:
    record = _record("a", "/x/a.txt")
    record.files["details"] = "a-1.details.json"
    record.chunks = [ChunkInfo(0, "paragraph", "Text.", 0.0, 0.0, 1.0, "Text.")]
    record.removed = [{"line": 1, "text": "|", "rule": "separator"}]
    _store(tmp_path, record)
    loaded, problems = load_catalog(tmp_path)
    assert problems == []
    # the catalog reads only episode.json: small, whatever the article's length
    assert loaded == [replace(record, spoken_text="", chunks=[], removed=[])]
    assert "chunks" not in (tmp_path / "episodes" / "a" / "episode.json").read_text()
    assert load_episode(tmp_path, "a") == record


def test_catalog_is_newest_first_and_reports_broken_sidecars(tmp_path: Path) -> None:
    _store(tmp_path, _record("old", "/a", "2026-01-01T00:00:00+00:00"))
    _store(tmp_path, _record("new", "/b", "2026-03-01T00:00:00+00:00"))
    broken = tmp_path / "episodes" / "broken"
    broken.mkdir()
    (broken / "episode.json").write_text("{not json", encoding="utf-8")
    no_audio = _record("noaudio", "/c")
    write_sidecar(tmp_path, no_audio)
    records, problems = load_catalog(tmp_path)
    assert [r.slug for r in records] == ["new", "old"]
    assert sorted(p.path.parent.name for p in problems) == ["broken", "noaudio"]
    assert "missing" in next(p.reason for p in problems if p.path.parent.name == "noaudio")


def test_temporary_files_are_never_catalogued(tmp_path: Path) -> None:
    _store(tmp_path, _record("a", "/a"))
    (tmp_path / "episodes" / "a" / ".narrate-tmp-xyz.json").write_text("{}", encoding="utf-8")
    records, problems = load_catalog(tmp_path)
    assert [r.slug for r in records] == ["a"] and problems == []


def test_slot_follows_the_source(tmp_path: Path) -> None:
    source = tmp_path / "article.txt"
    source.write_text("x")
    _store(tmp_path, _record("old-title", str(source)))
    slug, previous = find_slot(tmp_path, str(source), "A New Title")
    assert slug == "old-title" and previous is not None


def test_slot_taken_by_another_article_gets_a_suffix(tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("x")
    _store(tmp_path, _record("same", str(other)))
    assert find_slot(tmp_path, str(tmp_path / "mine.txt"), "Same") == ("same-2", None)


def test_slot_of_a_moved_article_is_taken_over(tmp_path: Path) -> None:
    _store(tmp_path, _record("same", str(tmp_path / "gone.txt")))
    slug, previous = find_slot(tmp_path, str(tmp_path / "moved.txt"), "Same")
    assert slug == "same" and previous is not None and previous.guid == "g-same"


def test_guid_is_stable_for_the_same_show_and_slug() -> None:
    assert episode_guid("https://a/", "x") == episode_guid("https://a/", "x")
    assert episode_guid("https://a/", "x") != episode_guid("https://a/", "y")


def test_remove_stale_files_keeps_the_current_episode_files(tmp_path: Path) -> None:
    names = ("a-1.mp3", "a-1.vtt", "a-1.chapters.json", "a-2.mp3", "a-2.srt", "a-2.transcript.json", "episode.json")
    for name in names:
        (tmp_path / name).write_bytes(b"")
    remove_stale_files(tmp_path, "a", keep="a-2")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-2.mp3", "a-2.srt", "a-2.transcript.json", "episode.json"]


def test_find_episode_by_slug_guid_title_or_source(tmp_path: Path) -> None:
    source = tmp_path / "article.txt"
    source.write_text("x")
    _store(tmp_path, _record("ferry", str(source.resolve())))
    _store(tmp_path, _record("bridge", "/elsewhere/b.txt"))
    for key in ("ferry", "g-ferry", str(source)):
        assert find_episode(tmp_path, key).slug == "ferry"
    with pytest.raises(InputError, match="no episode 'tunnel'"):
        find_episode(tmp_path, "tunnel")


def test_remove_episode_takes_only_its_own_files(tmp_path: Path) -> None:
    record = _record("ferry", "/a.txt")
    _store(tmp_path, record)
    folder = tmp_path / "episodes" / "ferry"
    (folder / "ferry-1.vtt").write_text("WEBVTT")
    (folder / "notes.txt").write_text("mine")
    removed = remove_episode(tmp_path, record)
    assert sorted(p.name for p in removed) == ["episode.json", "ferry-1.mp3", "ferry-1.vtt"]
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]
    assert load_catalog(tmp_path) == ([], [])
    other = _record("bridge", "/b.txt")
    _store(tmp_path, other)
    remove_episode(tmp_path, other)
    assert not (tmp_path / "episodes" / "bridge").exists()
