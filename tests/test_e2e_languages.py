"""Every article in its own language, end to end through the real `narrate` command: detected or
declared, cleaned and normalised in it, spoken by a voice that speaks it (eSpeak NG offline, gTTS
against the local fake server), and said in every output."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import webvtt

from tests.audio.test_episode import ebur128
from tests.audiocheck import decoded_seconds
from tests.fake_gtts import FakeGtts

pytestmark = pytest.mark.slow

ARTICLES = {
    "es": (
        "Los transbordadores vuelven al puerto\n\n"
        "Por Ana Pérez\n\n"
        "El ayuntamiento aprobó el 12 de marzo de 2024 un plan de 3.500 millones de euros para renovar la flota, "
        "que cumple 45 años.\n\n"
        "Según el informe, el 45% de los vecinos usa el barco cada semana y el billete costará 1,50 €.\n\n"
        "Lee también: Los puertos del norte cierran en invierno\n\n"
        "Las obras empezarán en otoño y durarán dos años, según la concejala de movilidad.\n"
    ),
    "fr": (
        "Les ferries reviennent au port\n\n"
        "La mairie a voté le 12 mars 2024 un plan de 3 500 euros par habitant pour renouveler la flotte.\n\n"
        "Selon le rapport, 45 % des habitants prennent le bateau chaque semaine, surtout en été.\n\n"
        "Les travaux commenceront à l'automne et dureront deux ans, selon l'adjointe aux transports.\n"
    ),
    "de": (
        "Die Fähren kehren in den Hafen zurück\n\n"
        "Der Stadtrat hat am 12. März 2024 einen Plan über 3.500 Euro pro Einwohner beschlossen.\n\n"
        "Laut dem Bericht nutzen 45 Prozent der Anwohner die Fähre jede Woche, vor allem im Sommer.\n\n"
        "Die Arbeiten beginnen im Herbst und dauern zwei Jahre, sagte die Verkehrsdezernentin.\n"
    ),
    "en": (
        "The ferries return to the harbour\n\n"
        "The council approved a plan worth 3,500 pounds per resident on 12 March 2024 to renew the fleet.\n\n"
        "According to the report, 45 percent of residents take the boat every week, above all in summer.\n\n"
        "The works will start in autumn and last two years, the transport councillor said.\n"
    ),
}


def narrate(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "narrate", *map(str, args)], capture_output=True, text=True, cwd=cwd, env=env
    )


def sidecar(out: Path) -> dict:
    """The episode's sidecar with its details file."""
    (path,) = (out / "episodes").glob("*/episode.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(json.loads((path.parent / data["files"]["details"]).read_text(encoding="utf-8")))
    return data


def write_articles(folder: Path, *languages: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for language in languages:
        path = folder / f"article-{language}.txt"
        path.write_text(ARTICLES[language], encoding="utf-8")
        paths.append(path)
    return paths


def test_a_spanish_article_offline_is_spoken_by_a_voice_that_speaks_spanish(tmp_path: Path) -> None:
    (article,) = write_articles(tmp_path / "in", "es")
    out = tmp_path / "out"
    result = narrate("build", article, "--out", out, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    record = sidecar(out)
    assert (record["language"], record["language_source"]) == ("es", "detected")
    assert record["voice"]["preset"] == "espeak" and record["voice"]["engine"] == "espeak"
    assert "Spanish (es, detected), voice espeak" in result.stdout
    assert "more natural" in result.stdout  # how to get a better Spanish voice

    folder = (out / "episodes" / record["slug"])
    mp3 = folder / record["audio"]["file"]
    assert abs(decoded_seconds(mp3) - record["audio"]["duration"]) < 0.1  # decodes whole (ffmpeg)
    integrated, peak = ebur128(mp3)
    assert abs(integrated + 16.0) <= 1.0 and peak <= -0.9
    cues = webvtt.read(str(folder / record["files"]["vtt"]))
    spoken = " ".join(cue.text for cue in cues)
    assert "transbordadores" in spoken and "Lee también" not in spoken  # boilerplate in the language's rules
    assert "Ana Pérez" not in record["spoken_text"] or record["author"] == "Ana Pérez"
    assert record["author"] == "Ana Pérez"


def test_the_spoken_words_are_the_articles_language(tmp_path: Path) -> None:
    (article,) = write_articles(tmp_path, "es")
    result = narrate("clean", article, "--spoken", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    spoken = result.stdout
    assert "doce de marzo de dos mil veinticuatro" in spoken
    assert "tres mil quinientos millones de euros" in spoken
    assert "cuarenta y cinco por ciento" in spoken
    assert not re.search(r"\b(twelve|thousand|percent|point)\b", spoken)


def test_gtts_is_asked_in_each_articles_language(tmp_path: Path) -> None:
    articles = write_articles(tmp_path / "in", "es", "fr", "de", "en")
    with FakeGtts() as server:
        preset = tmp_path / "google.toml"
        preset.write_text(
            f'engine = "gtts"\n[options]\nendpoint = "{server.url}"\nretries = 0\n', encoding="utf-8"
        )
        config = tmp_path / "narrate.toml"
        config.write_text(f'[voices]\n"*" = "{preset}"\nen = "{preset}"\n', encoding="utf-8")
        result = narrate("build", *articles, "--out", tmp_path / "out", "--config", config, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        languages = {request.lang for request in server.requests}
    assert languages == {"es", "fr", "de", "en"}


def test_a_declared_language_is_never_overridden(tmp_path: Path) -> None:
    (article,) = write_articles(tmp_path / "in", "en")
    out = tmp_path / "out"
    result = narrate("build", article, "--out", out, "--language", "de", "--voice", "espeak", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (sidecar(out)["language"], sidecar(out)["language_source"]) == ("de", "given")


def test_an_english_voice_asked_for_a_spanish_article_is_warned_about(tmp_path: Path) -> None:
    (article,) = write_articles(tmp_path / "in", "es")
    result = narrate("build", article, "--out", tmp_path / "out", "--voice", "default", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "narrate: warning:" in result.stderr and "Spanish" in result.stderr


def test_no_voice_for_a_language_is_a_one_line_error(tmp_path: Path) -> None:
    (article,) = write_articles(tmp_path / "in", "es")
    config = tmp_path / "narrate.toml"
    config.write_text('[voices]\nes = "default"\n', encoding="utf-8")  # routed to an English-only voice
    result = narrate("build", article, "--out", tmp_path / "out", "--config", config, cwd=tmp_path)
    assert result.returncode == 1
    (line,) = [line for line in result.stderr.splitlines() if line.startswith("narrate: error:")]
    assert "Spanish" in line and "[voices]" in line
    assert "Traceback" not in result.stderr
    assert not list((tmp_path / "out" / "episodes").glob("*/*.mp3"))


def test_a_bad_language_is_a_one_line_error(tmp_path: Path) -> None:
    (article,) = write_articles(tmp_path / "in", "es")
    result = narrate("build", article, "--out", tmp_path / "out", "--language", "español!", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == "narrate: error: 'español!' is not a language tag (write e.g. es, fr or pt-BR)"


def test_batch_with_a_language_column_and_a_folder_of_mixed_languages(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    write_articles(folder, "es", "fr", "en")
    out = tmp_path / "out"
    result = narrate("batch", folder, "--out", out, "--jobs", "2", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    records = {
        Path(r["source"]).name: r
        for r in (json.loads(p.read_text(encoding="utf-8")) for p in (out / "episodes").glob("*/episode.json"))
    }
    assert {name: (r["language"], r["voice"]["preset"]) for name, r in records.items()} == {
        "article-es.txt": ("es", "espeak"),
        "article-fr.txt": ("fr", "espeak"),
        "article-en.txt": ("en", "default"),
    }

    manifest = tmp_path / "manifest.csv"
    manifest.write_text("path,language\nmixed/article-en.txt,it\n", encoding="utf-8")
    out2 = tmp_path / "out2"
    result = narrate("batch", manifest, "--out", out2, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (sidecar(out2)["language"], sidecar(out2)["language_source"]) == ("it", "given")
