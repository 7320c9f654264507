"""The whole path with the fake engine: article in, MP3 + sidecar + feed out; failures isolated."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from lxml import html as lxml_html
from mutagen.id3 import ID3
from PIL import Image

from narrate import build
from narrate.config import PagesConfig
from narrate.errors import ConfigError, InputError
from narrate.publish.catalog import load_catalog
from tests.audiocheck import decode, decoded_seconds
from tests.conftest import ARTICLE_ONLY, require_module
from tests.fakes import FakeEngine

ARTICLE = """Getting your Trinity Audio player ready...
|
June 2, 2025
DAILYBAY
BY: JANE DOE
The first paragraph is about the ferry. It has two sentences.
The second paragraph says more.
THE COUNCIL VOTE
After the heading comes the last paragraph.–
"""


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _files(out: Path) -> list[str]:
    """The files a reader of the folder sees (hidden lock files left out)."""
    return sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file() and not p.name.startswith("."))


def test_build_writes_audio_sidecar_and_feed(tmp_path: Path, fake_preset: Path) -> None:
    article = _write(tmp_path / "ferry.txt", ARTICLE)
    out = tmp_path / "out"
    report = build([article], out_dir=out, voice=str(fake_preset), config=ARTICLE_ONLY)
    [result] = report.results
    assert result.ok and not report.failed
    record = result.record
    assert record is not None
    folder = out / "episodes" / record.slug
    stem = record.audio.file.removesuffix(".mp3")
    episode_files = [
        "episode.json", f"{stem}.mp3", f"{stem}.details.json", f"{stem}.vtt", f"{stem}.srt",
        f"{stem}.transcript.json", f"{stem}.chapters.json", "index.html", "player.html",
    ]
    show_files = ["cover.png", "feed.xml", "narrate.toml", "index.html", "static/embed.js", "static/narrate.css",
                  "static/player.js"]
    assert _files(out) == sorted(show_files + [f"episodes/{record.slug}/{f}" for f in episode_files])
    sidecar = json.loads((folder / "episode.json").read_text(encoding="utf-8"))
    sidecar.update(json.loads((folder / record.files["details"]).read_text(encoding="utf-8")))
    assert sidecar["guid"] == record.guid
    assert sidecar["author"] == "Jane Doe" and sidecar["date"] == "2025-06-02"
    assert sidecar["title"] == "The first paragraph is about the ferry"
    assert [c["text"] for c in sidecar["chunks"]] == [
        "The first paragraph is about the ferry. It has two sentences.",
        "The second paragraph says more.",
        "THE COUNCIL VOTE",
        "After the heading comes the last paragraph.",
    ]
    assert sidecar["sections"] == [{"title": "THE COUNCIL VOTE", "start": sidecar["chunks"][2]["start"]}]
    assert {r["rule"] for r in sidecar["removed"]} >= {"player-stub", "separator", "byline", "date", "site-tag"}
    # sentence by sentence, so that every sentence's place in the audio is known
    assert FakeEngine.calls == [s["spoken"] for c in sidecar["chunks"] for s in c["sentences"]]
    assert FakeEngine.calls[:2] == ["The first paragraph is about the ferry.", "It has two sentences."]
    assert sidecar["chunks"][2]["spoken"] == "The Council Vote"  # not spelled out letter by letter


def test_a_drawn_cover_is_made_while_speaking_and_a_cover_by_url_fetched_once(tmp_path: Path, fake_preset: Path) -> None:
    """The build prepares the episode's files while the first sentences are spoken (the drawn cover, its JPEG
    for the tag, the page templates), but never fetches there: a show image by URL is fetched once, for the tag."""
    from tests.localserver import respond, serve

    article = _write(tmp_path / "ferry.txt", ARTICLE)
    drawn = build([article], out_dir=tmp_path / "drawn", voice=str(fake_preset), config=ARTICLE_ONLY).results[0].record
    assert drawn is not None and (tmp_path / "drawn" / "cover.png").is_file()
    assert ID3(drawn.audio_path(tmp_path / "drawn")).getall("APIC")[0].mime == "image/jpeg"
    picture = io.BytesIO()
    Image.new("RGB", (1400, 1400), (200, 30, 30)).save(picture, format="PNG")
    fetched: list[str] = []

    def image(handler: Any) -> None:
        fetched.append(handler.path)
        respond(handler, "image/png", picture.getvalue())

    with serve({"/show.png": image}) as base:
        config = _write(tmp_path / "narrate.toml", "[episode]\nspoken_intro = false\nspoken_outro = false\n"
                        f'[show]\nimage = "{base}/show.png"\n')
        record = build([article], out_dir=tmp_path / "by-url", voice=str(fake_preset), config=config).results[0].record
    assert record is not None and fetched == ["/show.png"]
    assert not (tmp_path / "by-url" / "cover.png").exists()
    with Image.open(io.BytesIO(ID3(record.audio_path(tmp_path / "by-url")).getall("APIC")[0].data)) as cover:
        assert cover.getpixel((10, 10))[0] > 180  # the show's red image, not a drawn cover


def test_pauses_and_chunks_add_up_to_the_decoded_length(tmp_path: Path, fake_preset: Path) -> None:
    article = _write(tmp_path / "ferry.txt", ARTICLE)
    out = tmp_path / "out"
    record = build([article], out_dir=out, voice=str(fake_preset), config=ARTICLE_ONLY).results[0].record
    assert record is not None
    chunks = record.chunks
    assert [c.pause_before for c in chunks] == [0.0, 0.5, 1.0, 0.5]  # paragraph, heading, paragraph
    first = chunks[0].sentences  # two sentences with the preset's sentence pause between them
    assert first[1]["start"] - first[0]["end"] == pytest.approx(0.25, abs=1e-4)
    total = sum(c.pause_before + c.duration for c in chunks)
    assert record.audio.duration == pytest.approx(total, abs=1e-6)
    for previous, chunk in zip(chunks, chunks[1:]):
        assert chunk.start == pytest.approx(previous.start + previous.duration + chunk.pause_before, abs=1e-6)
    assert decoded_seconds(record.audio_path(out)) == pytest.approx(total, abs=0.05)


def test_speech_sits_where_the_sidecar_says(tmp_path: Path, fake_preset: Path) -> None:
    out = tmp_path / "out"
    record = build([_write(tmp_path / "a.txt", ARTICLE)], out_dir=out, voice=str(fake_preset)).results[0].record
    assert record is not None
    pcm = decode(record.audio_path(out)).astype(np.float32) / 32768
    def span(start: float, end: float) -> np.ndarray:
        return pcm[round(start * 44100) : round(end * 44100)]

    assert record.chunks[0].pause_before == 0.0
    for chunk in record.chunks:
        speech = span(chunk.start + 0.02, chunk.start + chunk.duration - 0.02)
        assert np.sqrt(np.mean(speech**2)) > 0.1  # the fake engine's tone: RMS 0.21
        if chunk.pause_before:
            pause = span(chunk.start - chunk.pause_before + 0.02, chunk.start - 0.02)
            assert np.abs(pause).max() < 0.01


def test_tags_hold_metadata_and_spoken_text(tmp_path: Path, fake_preset: Path) -> None:
    out = tmp_path / "out"
    record = build([_write(tmp_path / "a.txt", ARTICLE)], out_dir=out, voice=str(fake_preset), show_title="Bay Audio").results[0].record
    assert record is not None
    tags = ID3(record.audio_path(out))
    assert tags.version[:2] == (2, 3)
    assert str(tags["TIT2"]) == record.title
    assert str(tags["TPE1"]) == "Jane Doe"
    assert str(tags["TALB"]) == "Bay Audio"
    assert str(tags["TCON"]) == "Podcast"
    assert str(tags["TDRC"]) == "2025-06-02"  # stored as TYER + TDAT in v2.3
    uslt = tags.getall("USLT")[0].text
    assert uslt == record.spoken_text
    assert "Trinity" not in uslt and "BY:" not in uslt and "DAILYBAY" not in uslt
    assert tags.getall("COMM")[0].text[0] == record.description


def test_building_again_keeps_guid_and_lists_once(tmp_path: Path, fake_preset: Path) -> None:
    article = _write(tmp_path / "a.txt", ARTICLE)
    out = tmp_path / "out"
    first = build([article], out_dir=out, voice=str(fake_preset)).results[0].record
    second_report = build([article], out_dir=out, voice=str(fake_preset))
    second = second_report.results[0].record
    assert first is not None and second is not None
    assert second_report.results[0].replaced
    assert (second.guid, second.slug, second.published) == (first.guid, first.slug, first.published)
    assert second.audio.file == first.audio.file  # same audio, same name
    assert second_report.feed_episodes == 1
    assert len(list((out / "episodes").iterdir())) == 1


def test_edited_article_keeps_guid_and_replaces_audio(tmp_path: Path, fake_preset: Path) -> None:
    article = _write(tmp_path / "a.txt", ARTICLE)
    out = tmp_path / "out"
    first = build([article], out_dir=out, voice=str(fake_preset)).results[0].record
    _write(article, ARTICLE.replace("says more.", "says a good deal more."))
    second = build([article], out_dir=out, voice=str(fake_preset)).results[0].record
    assert first is not None and second is not None
    assert second.guid == first.guid and second.published == first.published
    assert second.audio.file != first.audio.file
    assert [p.name for p in (out / "episodes" / second.slug).glob("*.mp3")] == [second.audio.file]
    assert not [p for p in (out / "episodes" / second.slug).iterdir() if first.audio.file[:-4] in p.name]
    import feedparser

    [entry] = feedparser.parse(str(out / "feed.xml")).entries
    assert entry.id == first.guid
    assert entry.enclosures[0].href.endswith(second.audio.file)


def test_feed_lists_every_episode_in_the_folder(tmp_path: Path, fake_preset: Path) -> None:
    out = tmp_path / "out"
    build([_write(tmp_path / "a.txt", "First article.\nIt is short.")], out_dir=out, voice=str(fake_preset))
    report = build([_write(tmp_path / "b.txt", "Second article.\nAlso short.")], out_dir=out, voice=str(fake_preset))
    assert report.feed_episodes == 2
    records, problems = load_catalog(out)
    assert {r.title for r in records} == {"First article", "Second article"}
    assert problems == []


def test_same_title_from_two_files_gets_two_episodes(tmp_path: Path, fake_preset: Path) -> None:
    out = tmp_path / "out"
    a = _write(tmp_path / "a.txt", "Same title\nBody of a.")
    b = _write(tmp_path / "b.txt", "Same title\nBody of b.")
    report = build([a, b], out_dir=out, voice=str(fake_preset))
    slugs = [r.record.slug for r in report.results if r.record]
    assert slugs == ["same-title", "same-title-2"]
    again = build([b], out_dir=out, voice=str(fake_preset))
    assert again.results[0].record is not None and again.results[0].record.slug == "same-title-2"


def test_bad_articles_fail_alone(tmp_path: Path, fake_preset: Path) -> None:
    good = _write(tmp_path / "good.txt", ARTICLE)
    empty = _write(tmp_path / "empty.txt", "  \n\n")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out"
    report = build([missing, empty, good, binary], out_dir=out, voice=str(fake_preset))
    assert [r.ok for r in report.results] == [False, False, True, False]
    errors = [r.error for r in report.failed]
    assert errors[0] == f"{missing}: no such file"
    assert "empty" in errors[1] and "binary" in errors[2]
    assert all("\n" not in e for e in errors)
    assert report.feed_episodes == 1


def test_engine_failure_leaves_earlier_episode_intact(tmp_path: Path, fake_engine: type[FakeEngine]) -> None:
    preset = tmp_path / "p.toml"
    preset.write_text('engine = "fake"\n[options]\nfail_on = "BROKEN"\n', encoding="utf-8")
    article = _write(tmp_path / "a.txt", "Good title\nA good paragraph.\nAnother one.")
    out = tmp_path / "out"
    first = build([article], out_dir=out, voice=str(preset)).results[0].record
    assert first is not None
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    _write(article, "Good title\nA good paragraph.\nA BROKEN one.")
    report = build([article], out_dir=out, voice=str(preset))
    assert report.results[0].error == "fake engine refuses 'BROKEN'"
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and p.name != "feed.xml"}
    assert after == {p: b for p, b in before.items() if p.name != "feed.xml"}
    assert not [p for p in out.rglob(".narrate-tmp-*")]


def test_chunks_spoken_again_by_the_fallback_keep_the_others_and_stay_up_to_date(
    tmp_path: Path, fake_engine: type[FakeEngine]
) -> None:
    """Narrator.narrate(respeak=...) (narrate batch --retry-flagged): only those chunks are spoken again, the
    others come from the cache; a fallback asked for is not an engine failure, so the episode stays up to date."""
    from narrate.config import CacheConfig, Config
    from narrate.pipeline import Narrator

    (tmp_path / "backup.toml").write_text('engine = "fake"\n[options]\nseconds_per_char = 0.03\n', encoding="utf-8")
    preset = tmp_path / "main.toml"
    preset.write_text('engine = "fake"\nfallback = "backup.toml"\n', encoding="utf-8")
    article = _write(tmp_path / "a.txt", "Good title\nA good paragraph.\nAnother one.\nA third one.")
    out = tmp_path / "out"
    config = Config(episode=ARTICLE_ONLY.episode, cache=CacheConfig(dir=str(tmp_path / "cache")))
    narrator = Narrator.create(out, config, str(preset), threaded=False)
    try:
        first = narrator.narrate(article).record
        FakeEngine.calls.clear()
        again = narrator.narrate(article, force=True, respeak={1: 0, 2: 1}).record
        assert FakeEngine.calls == ["Another one.", "A third one."]
        assert [c.preset for c in again.chunks] == ["main", "main", "backup"]
        assert again.voice["fallback_chunks"] == {} and again.fingerprint == first.fingerprint
        assert again.chunks[2].duration > first.chunks[2].duration  # the backup's own, slower, audio
        FakeEngine.calls.clear()
        assert narrator.narrate(article).status == "unchanged" and FakeEngine.calls == []
    finally:
        narrator.close()


def test_failed_new_article_leaves_no_folder(tmp_path: Path, fake_engine: type[FakeEngine]) -> None:
    preset = tmp_path / "p.toml"
    preset.write_text('engine = "fake"\n[options]\nfail_on = "BROKEN"\n', encoding="utf-8")
    out = tmp_path / "out"
    report = build([_write(tmp_path / "a.txt", "A BROKEN article.")], out_dir=out, voice=str(preset))
    assert report.failed
    assert list((out / "episodes").iterdir()) == []


def test_article_of_only_boilerplate_names_its_file(tmp_path: Path, fake_preset: Path) -> None:
    stub = _write(tmp_path / "stub.txt", "Getting your Trinity Audio player ready...\n|\n")
    report = build([stub], out_dir=tmp_path / "out", voice=str(fake_preset))
    assert report.results[0].error == f"{stub}: nothing to narrate: every line was removed as boilerplate"


def test_title_is_for_one_article_only(tmp_path: Path, fake_preset: Path) -> None:
    with pytest.raises(InputError, match="one article"):
        build([tmp_path / "a", tmp_path / "b"], out_dir=tmp_path / "o", voice=str(fake_preset), title="T")


def test_bad_preset_stops_the_build_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown voice 'nope'"):
        build([tmp_path / "a.txt"], out_dir=tmp_path / "out", voice="nope")
    assert not (tmp_path / "out").exists()


def test_given_title_and_config_from_the_output_folder(tmp_path: Path, fake_preset: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "narrate.toml").write_text('[show]\ntitle = "Harbour Voices"\nbase_url = "https://ex.org/pod"\n')
    report = build([_write(tmp_path / "a.txt", ARTICLE)], out_dir=out, voice=str(fake_preset), title="Chosen")
    record = report.results[0].record
    assert record is not None and record.title == "Chosen" and record.title_source == "given"
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert "<title>Harbour Voices</title>" in feed
    assert f"https://ex.org/pod/episodes/{record.slug}/{record.audio.file}" in feed
    assert not report.config.uses_default_base_url


def test_engine_hears_normalised_words_and_the_preset_lexicon(tmp_path: Path, fake_engine: type[FakeEngine]) -> None:
    (tmp_path / "names.toml").write_text('[words]\nCienfuegos = "See-en-FWAY-gose"\n', encoding="utf-8")
    preset = tmp_path / "p.toml"
    preset.write_text('engine = "fake"\nlexicon = "names.toml"\n', encoding="utf-8")
    article = _write(tmp_path / "a.txt", "Title here\nCienfuegos’ lawyer said 200,000 guns crossed in 2019.\n")
    record = build([article], out_dir=tmp_path / "out", voice=str(preset), config=ARTICLE_ONLY).results[0].record
    assert record is not None
    assert FakeEngine.calls == ["See-en-FWAY-gose’ lawyer said two hundred thousand guns crossed in twenty nineteen."]
    assert record.chunks[0].text == "Cienfuegos’ lawyer said 200,000 guns crossed in 2019."
    assert record.spoken_text == "Cienfuegos’ lawyer said 200,000 guns crossed in 2019."


def test_missing_lexicon_is_a_one_line_error(tmp_path: Path, fake_engine: type[FakeEngine]) -> None:
    preset = tmp_path / "p.toml"
    preset.write_text('engine = "fake"\nlexicon = "gone.toml"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"p.toml: 'lexicon' file .*gone.toml does not exist$"):
        build([tmp_path / "a.txt"], out_dir=tmp_path / "out", voice=str(preset))


def test_html_article_builds_with_page_metadata(tmp_path: Path, fake_preset: Path) -> None:
    page = Path(__file__).parent / "data" / "html" / "beyondwords.html"
    record = build([page], out_dir=tmp_path / "out", voice=str(fake_preset)).results[0].record
    assert record is not None
    assert record.title_source == "found" and record.url and record.language
    assert not any(word in record.spoken_text for word in ("BeyondWords", "Listen to this article"))
    assert any(r["rule"] == "player-container" for r in record.removed)


def test_an_up_to_date_episode_is_left_alone(tmp_path: Path, fake_preset: Path) -> None:
    article = _write(tmp_path / "a.txt", ARTICLE)
    out = tmp_path / "out"
    first = build([article], out_dir=out, voice=str(fake_preset)).results[0]
    mp3 = first.record.audio_path(out)
    stamp = mp3.stat().st_mtime_ns
    FakeEngine.calls.clear()
    again = build([article], out_dir=out, voice=str(fake_preset)).results[0]
    assert again.status == "unchanged" and again.record == first.record
    assert mp3.stat().st_mtime_ns == stamp and FakeEngine.calls == []
    forced = build([article], out_dir=out, voice=str(fake_preset), force=True).results[0]
    assert forced.status == "rebuilt" and forced.record.audio.file == first.record.audio.file
    retitled = build([article], out_dir=out, voice=str(fake_preset), show_title="Another Show").results[0]
    assert retitled.status == "rebuilt"  # the album tag changes


def test_an_episode_with_fallback_chunks_is_tried_again(tmp_path: Path, fake_engine: type[FakeEngine]) -> None:
    (tmp_path / "backup.toml").write_text('engine = "fake"\n', encoding="utf-8")
    main = tmp_path / "main.toml"
    main.write_text('engine = "fake"\nfallback = "backup.toml"\n[options]\nfail_on = "BROKEN"\n', encoding="utf-8")
    article = _write(tmp_path / "a.txt", "Title\nA BROKEN paragraph.\n")
    out = tmp_path / "out"
    assert build([article], out_dir=out, voice=str(main)).results[0].record.voice["fallback_chunks"]
    assert build([article], out_dir=out, voice=str(main)).results[0].status == "rebuilt"


OLD_BASE = "https://old-host.example.net/show/"
NEW_BASE = "https://new-host.example.org/podcast/"


def _mentions(data: bytes, text: str) -> bool:
    """``text`` anywhere in ``data``, as ASCII/UTF-8 or UTF-16 (ID3v2.3 text frames are UTF-16)."""
    return any(text.encode(codec) in data for codec in ("utf-8", "utf-16-le", "utf-16-be"))


def test_everything_follows_a_changed_base_url(tmp_path: Path, fake_preset: Path) -> None:
    """Issue 16: after base_url changed and `narrate feed` ran, player.html, the episode page's
    subscribe link, article.html's player and the MP3's WFED frame kept the old URL."""
    require_module("eyed3")
    import eyed3

    out = tmp_path / "out"
    out.mkdir()
    settings = out / "narrate.toml"
    settings.write_text(f'[show]\nbase_url = "{OLD_BASE}"\n', encoding="utf-8")
    page = Path(__file__).parent / "data" / "html" / "beyondwords.html"
    [result] = build([page], out_dir=out, voice=str(fake_preset)).results
    record = result.record
    assert record is not None and record.feed_url == OLD_BASE + "feed.xml"
    folder = record.folder(out)
    assert (folder / "article.html").is_file()
    old_host = "old-host.example.net"
    assert _mentions((folder / "player.html").read_bytes(), old_host)
    assert _mentions(record.audio_path(out).read_bytes(), old_host)
    names_before = sorted(p.name for p in folder.iterdir())

    settings.write_text(f'[show]\nbase_url = "{NEW_BASE}"\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "narrate", "feed", "--out", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr

    stale = [str(p.relative_to(out)) for p in out.rglob("*") if p.is_file() and _mentions(p.read_bytes(), old_host)]
    assert stale == []
    # the names carry the audio's hash, which a tag does not change: the same files, the sidecar agrees
    assert sorted(p.name for p in folder.iterdir()) == names_before
    [after], _ = load_catalog(out)
    mp3 = after.audio_path(out)
    assert after.audio.file == record.audio.file and after.audio.sha256 == record.audio.sha256
    assert after.audio.bytes == mp3.stat().st_size and after.feed_url == NEW_BASE + "feed.xml"
    # an independent reader sees the new WFED, and the rest of the tag is intact
    tag = eyed3.load(str(mp3)).tag
    assert tag.frame_set[b"WFED"][0].text == NEW_BASE + "feed.xml"
    assert tag.title == record.title and len(list(tag.chapters)) == len(record.chapters)
    assert decoded_seconds(mp3) == pytest.approx(record.audio.duration, abs=0.05)
    # what carries the URL now carries the new one
    slug_url = f"{NEW_BASE}episodes/{record.slug}/"
    player = (folder / "player.html").read_text(encoding="utf-8")
    assert f'src="{slug_url}{record.audio.file}"' in player and f'href="{slug_url}"' in player
    assert f"{slug_url}{record.files['vtt']}" in player
    assert NEW_BASE + "feed.xml" in (folder / "index.html").read_text(encoding="utf-8")
    article = (folder / "article.html").read_text(encoding="utf-8")
    assert f'src="{slug_url}{record.audio.file}"' in article and article.count("narrate-player") == 1
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert f'url="{slug_url}{record.audio.file}" length="{mp3.stat().st_size}"' in feed

    # nothing more to do: a second run leaves every file alone
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    again = subprocess.run([sys.executable, "-m", "narrate", "feed", "--out", str(out)],
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps


def test_pubdate_is_the_articles_date_across_rebuilds_and_the_setting_switches(
    tmp_path: Path, fake_preset: Path
) -> None:
    """Issue 16: the seed (published 2021) was dated the day of the build in the feed, while its ID3
    date and spoken intro said 2021."""
    import feedparser

    article = _write(tmp_path / "ferry.txt", ARTICLE.replace("June 2, 2025", "March 30, 2021"))
    out = tmp_path / "out"
    first = build([article], out_dir=out, voice=str(fake_preset)).results[0].record
    assert first is not None and first.date == "2021-03-30"
    assert str(ID3(first.audio_path(out))["TDRC"]) == "2021-03-30"

    def pub_date() -> tuple[int, ...]:
        [entry] = feedparser.parse(str(out / "feed.xml")).entries
        return tuple(entry.published_parsed[:6])

    assert pub_date() == (2021, 3, 30, 12, 0, 0)
    forced = build([article], out_dir=out, voice=str(fake_preset), force=True).results[0]
    assert forced.status == "rebuilt" and pub_date() == (2021, 3, 30, 12, 0, 0)  # stable
    settings = out / "narrate.toml"
    settings.write_text(settings.read_text(encoding="utf-8").replace('pub_date = "article"', 'pub_date = "build"'),
                        encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "narrate", "feed", "--out", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    built = datetime.fromisoformat(first.published).astimezone(timezone.utc)
    assert pub_date() == built.timetuple()[:6] and built.year >= 2026


LEAD_PAGE = """<!doctype html><html lang="en"><head><title>The harbour ferry returns</title>
<meta property="og:image" content="{image}"></head><body><article><h1>The harbour ferry returns</h1>
<p>The ferry that ran for a century came back this morning, with a new engine and the old crew.</p>
<p>Its first crossing took eleven minutes, two fewer than before, and every seat was taken.</p>
</article></body></html>"""


def _jpeg(size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (30, 90, 160)).save(out, format="JPEG")
    return out.getvalue()


@pytest.mark.parametrize(("size", "kept"), [((1400, 1400), True), ((1200, 800), False)])
def test_a_lead_image_that_meets_apples_rules_is_the_items_artwork(
    tmp_path: Path, fake_preset: Path, size: tuple[int, int], kept: bool
) -> None:
    """Issue 16: no per-episode itunes:image even when the article's lead image met Apple's rules
    (square RGB JPEG/PNG, 1400-3000 px). It is kept beside the audio, named by its own hash."""
    import feedparser
    import podcastparser

    from narrate.config import Config
    from narrate.text.intake import IntakeConfig
    from tests.localserver import respond, serve

    lead = _jpeg(size)
    config = Config(intake=IntakeConfig(allow_private_addresses=True))
    with serve({"/lead.jpg": lambda h: respond(h, "image/jpeg", lead)}) as base:
        page = _write(tmp_path / "ferry.html", LEAD_PAGE.format(image=f"{base}/lead.jpg"))
        out = tmp_path / "out"
        record = build([page], out_dir=out, voice=str(fake_preset), config=config).results[0].record
    assert record is not None and record.image == f"{base}/lead.jpg"
    folder = record.folder(out)
    feed = (out / "feed.xml").read_bytes()
    [entry] = feedparser.parse(feed).entries
    [episode] = podcastparser.parse("http://localhost:8000/feed.xml", io.BytesIO(feed))["episodes"]
    if not kept:
        assert "image" not in record.files and "image" not in entry and episode.get("episode_art_url") is None
        assert not list(folder.glob("*.jpg"))
        return
    name = record.files["image"]
    assert name == f"{record.slug}-{hashlib.sha256(lead).hexdigest()[:12]}.jpg"
    assert (folder / name).read_bytes() == lead
    url = f"http://localhost:8000/episodes/{record.slug}/{name}"
    assert entry.image.href == url and episode["episode_art_url"] == url
    # a rebuild keeps it (and nothing stale); removing the episode removes it
    forced = build([page], out_dir=out, voice=str(fake_preset), config=config, force=True).results[0].record
    assert forced is not None and forced.files.get("image") is None  # the image server is gone: no artwork
    assert not (folder / name).exists()


@pytest.mark.parametrize(("setting", "scripts"), [("remove", 0), ("keep", 3)])
def test_the_article_copy_follows_pages_article_scripts(
    tmp_path: Path, fake_preset: Path, setting: str, scripts: int
) -> None:
    """[pages] article_scripts reaches article.html: without the page's scripts by default, with them on "keep"."""
    config = dataclasses.replace(ARTICLE_ONLY, pages=PagesConfig(article_scripts=setting))
    page = Path(__file__).parent / "data" / "html" / "page-scripts.html"
    report = build([page], out_dir=tmp_path / "out", voice=str(fake_preset), config=config)
    [result] = report.results
    assert result.ok and result.record is not None, result.error
    copy = (tmp_path / "out" / "episodes" / result.record.slug / "article.html").read_text(encoding="utf-8")
    own = lxml_html.document_fromstring(copy).xpath("//script[not(ancestor::div[@class='narrate-player'])]")
    assert len(own) == scripts and ('onerror="' in copy) is (setting == "keep")
