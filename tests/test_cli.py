"""The command line: help that explains, one-line errors, exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from narrate import __version__
from narrate.cli import app

runner = CliRunner()


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "narrate", *args], capture_output=True, text=True, cwd=cwd,
        env={**os.environ, "COLUMNS": "200"},
    )


def test_help_lists_commands() -> None:
    result = _run("--help")
    assert result.returncode == 0
    assert "build" in result.stdout and "podcast feed" in result.stdout


def test_build_help_explains_every_option() -> None:
    build = get_command(app).commands["build"]  # type: ignore[attr-defined]
    options = [p for p in build.params if p.param_type_name == "option"]
    assert len(options) >= 7
    for param in options:
        assert param.help and len(param.help) > 15, param.name
    result = runner.invoke(app, ["build", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    plain = " ".join(re.sub(r"\x1b\[[0-9;]*m", "", result.output).split())
    for option in ("--out", "--voice", "--title", "--config", "--show-title", "--base-url", "--quiet", "ARTICLE", "[default: the config's build.voice"):
        assert option in plain


def test_version() -> None:
    result = _run("--version")
    assert result.stdout.strip() == f"narrate {__version__}"


def test_console_script_is_installed() -> None:
    from importlib.metadata import entry_points

    [script] = [ep for ep in entry_points(group="console_scripts") if ep.name == "narrate"]
    assert script.value == "narrate.__main__:run"


def test_the_command_ends_at_once_with_its_status_and_all_its_output(tmp_path: Path) -> None:
    """narrate leaves without tearing the interpreter down (narrate/__main__.py): the exit status, the
    last line written and the files are still all there, through the installed script as through -m."""
    from narrate.__main__ import _exit_status

    assert [_exit_status(c) for c in (None, 0, 1, 130, 256 + 2)] == [0, 0, 1, 130, 2]
    script = Path(sys.executable).with_name("narrate")
    article = tmp_path / "a.txt"
    article.write_text("Ferries\n\nThe ferry left at six and came back at noon.\n", encoding="utf-8")
    for command in ([str(script)], [sys.executable, "-m", "narrate"]):
        done = subprocess.run([*command, "build", str(article), "--out", str(tmp_path / "out")], capture_output=True,
                              text=True, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert done.stdout.rstrip().splitlines()[-1].startswith("  Its links use the default base URL")
        assert len(list((tmp_path / "out" / "episodes").glob("*/*.mp3"))) == 1
        missing = subprocess.run([*command, "build", "missing.txt"], capture_output=True, text=True, cwd=tmp_path)
        assert missing.returncode == 1 and missing.stderr.count("\n") == 1 and "missing.txt" in missing.stderr


class _Exited(Exception):
    pass


@pytest.mark.parametrize("given, seen", [(None, "1"), ("3", "3")])
def test_the_command_asks_openblas_for_one_thread_unless_told_otherwise(
    given: str | None, seen: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OpenBLAS's own spinning threads took 0.2 s of CPU from a build (narrate/__main__.py): the command sets
    OPENBLAS_NUM_THREADS=1 before anything imports numpy, and keeps a value the user gave."""
    import narrate.__main__ as entry
    import narrate.cli

    if given is None:
        monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    else:
        monkeypatch.setenv("OPENBLAS_NUM_THREADS", given)
    during: list[str | None] = []

    def main() -> None:
        during.append(os.environ.get("OPENBLAS_NUM_THREADS"))
        raise SystemExit(0)

    def leave(status: int) -> None:
        raise _Exited(status)

    monkeypatch.setattr(narrate.cli, "main", main)
    monkeypatch.setattr(entry.os, "_exit", leave)
    monkeypatch.setattr(sys, "argv", ["narrate", "--version"])
    with pytest.raises(_Exited) as exited:
        entry.run()
    assert exited.value.args == (0,) and during == [seen]


@pytest.mark.parametrize(
    "args, message",
    [
        (["build", "x.txt", "--voice", "nope"], "narrate: error: unknown voice 'nope' (presets: default, "),
        (["build", "a.txt", "b.txt", "--title", "T"], "narrate: error: a title can only be given for one article, not 2"),
        (["build", "a.txt", "--base-url", "ftp://x"], "narrate: error: command line: 'base_url' must be an absolute http(s) URL, not 'ftp://x'"),
    ],
)
def test_whole_build_errors_are_one_line(args: list[str], message: str, tmp_path: Path) -> None:
    result = _run(*args, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert not (tmp_path / "output").exists()


def test_bad_config_file_is_one_line(tmp_path: Path) -> None:
    config = tmp_path / "narrate.toml"
    config.write_text("[show]\ntitel = 'typo'\n", encoding="utf-8")
    result = _run("build", "a.txt", "--config", str(config), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip().startswith(f"narrate: error: {config} [show]: unknown key 'titel'")


def test_usage_error_exit_code() -> None:
    result = _run("build")
    assert result.returncode == 2
    assert "Missing argument" in result.stderr


def test_plain_progress_lines_when_not_on_a_terminal(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("A short one\nFirst paragraph here.\nSecond paragraph here.\n", encoding="utf-8")
    result = _run("build", str(article), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    # the two paragraphs, the spoken intro and the spoken outro
    assert f"narrating {article}: 'A short one', 4 chunks" in result.stderr
    assert "4/4 chunks" in result.stderr
    assert "Built 1 episode in" in result.stdout
    assert re.search(r"-1\d\.\d LUFS, true peak -\d+\.\d dBTP, 1 chapter, \d+ words/min", result.stdout)
    assert "Feed:" in result.stdout and "lists 1 episode(s)" in result.stdout
    assert "set base_url in" in result.stdout
    quiet = _run("build", "-q", str(article), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert quiet.stderr == ""


# --- narrate clean ---------------------------------------------------------------------------------


def test_clean_prints_the_display_text_of_the_seed(seed_article: Path, tmp_path: Path) -> None:
    result = _run("clean", str(seed_article), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("U.S. efforts to battle powerful drug cartels from inside Mexico")
    assert result.stdout.rstrip().endswith("It was not enough.")
    assert "TRUENEWSBLOG" not in result.stdout and "Trinity" not in result.stdout
    assert "\nHIGH PROFILE PROSECUTION\n" in result.stdout


def test_clean_removed_lists_every_dropped_line_with_its_rule(seed_article: Path, tmp_path: Path) -> None:
    result = _run("clean", "--removed", str(seed_article), cwd=tmp_path)
    rows = [line.split(None, 2) for line in result.stdout.splitlines()]
    assert rows == [
        ["1", "player-stub", "Getting your Trinity Audio player ready..."],
        ["2", "separator", "|"],
        ["3", "date", "March 30, 2021"],
        ["4", "site-tag", "TRUENEWSREPORT"],
        ["5", "byline", "BY: NATHANIEL BALLANTYNE"],
        ["6", "lead-site-tag", "TRUENEWSBLOG –"],
        ["37", "dangling-dash", "–"],
    ]


def test_clean_spoken_and_json(seed_article: Path, tmp_path: Path) -> None:
    spoken = _run("clean", "--spoken", str(seed_article), cwd=tmp_path).stdout
    assert "two hundred thousand guns" in spoken and "200,000" not in spoken
    assert "High Profile Prosecution" in spoken
    data = json.loads(_run("clean", "--json", str(seed_article), cwd=tmp_path).stdout)
    assert data["author"] == "Nathaniel Ballantyne" and data["date"] == "2021-03-30"
    assert data["sections"] == ["HIGH PROFILE PROSECUTION"]
    assert data["paragraphs"][0].startswith("U.S. efforts")
    assert data["spoken_text"] == spoken.rstrip("\n")
    assert [r["rule"] for r in data["removed"]][:3] == ["player-stub", "separator", "date"]


def test_clean_reads_standard_input(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "narrate", "clean", "-"], input="# A Title\n\nBody text here.\n",
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Body text here.\n"


def test_bad_sources_are_one_line_errors(tmp_path: Path) -> None:
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes(range(0x80, 0x100)) * 4)
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000, encoding="utf-8")
    config = tmp_path / "narrate.toml"
    config.write_text("[intake]\nmax_megabytes = 0.001\n", encoding="utf-8")
    login = Path(__file__).parent / "data" / "html" / "login.html"
    cases = [
        (["clean", str(login)], f"{login}: no article text found in the page"),
        (["clean", str(noise)], f"{noise}: is not text in a supported encoding (UTF-8, UTF-16 with BOM, or cp1252)"),
        (["clean", str(big), "--config", str(config)], f"{big}: is larger than 0.001 MB (0.005 MB)"),
        (["clean", "ftp://example.org/a.txt"], "ftp://example.org/a.txt: only http and https URLs can be fetched, not ftp"),
    ]
    for args, message in cases:
        result = _run(*args, cwd=tmp_path)
        assert (result.returncode, result.stderr) == (1, f"narrate: error: {message}\n"), args


def test_bad_urls_are_one_line_errors_with_a_non_zero_exit(tmp_path: Path) -> None:
    from tests.localserver import never_answers, respond, serve

    routes = {
        "/doc.pdf": lambda h: respond(h, "application/pdf", b"%PDF-1.4\n" + bytes(64)),
        "/photo.jpg": lambda h: respond(h, "image/jpeg", b"\xff\xd8\xff" + bytes(64)),
        "/slow": never_answers,
    }
    config = tmp_path / "narrate.toml"
    config.write_text("[intake]\ntimeout = 0.5\ntotal_timeout = 2.0\n", encoding="utf-8")
    with serve(routes) as base:
        cases = [
            ("/gone", "HTTP 404 Not Found"),
            ("/doc.pdf", "is a PDF document (application/pdf), not an article"),
            ("/photo.jpg", "is an image (image/jpeg), not an article"),
            ("/slow", "no answer within 0.5 s"),
        ]
        for path, message in cases:
            for command in ("clean", "build"):
                args = [command, base + path, "--config", str(config)]
                if command == "build":
                    args += ["--out", str(tmp_path / "out"), "--quiet"]
                result = _run(*args, cwd=tmp_path)
                assert result.returncode == 1, (command, path)
                assert result.stderr.splitlines()[0] == f"narrate: error: {base}{path}: {message}"
                assert "Traceback" not in result.stderr


def test_private_addresses_are_refused_unless_the_flag_or_the_config_allows_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.localserver import respond, serve

    monkeypatch.delenv("NARRATE_ALLOW_PRIVATE_ADDRESSES")  # as a user's shell has it
    paragraphs = "".join(
        f"<p>The harbour ferries run all night now, said the port's {n} spokesperson on Tuesday morning.</p>"
        for n in ("first", "second", "third", "fourth")
    )
    page = f"<html><body><article><h1>Ferries</h1>{paragraphs}</article></body></html>".encode()
    allowing = tmp_path / "allowing.toml"
    allowing.write_text("[intake]\nallow_private_addresses = true\n", encoding="utf-8")
    with serve({"/page.html": lambda h: respond(h, "text/html", page)}) as base:
        url = base + "/page.html"
        refused = _run("clean", url, cwd=tmp_path)
        assert refused.returncode == 1
        assert refused.stderr.splitlines() == [
            f"narrate: error: {url}: refused: 127.0.0.1 is a private address (allow it with "
            "allow_private_addresses = true under [intake] in narrate.toml, --allow-private-addresses, "
            "or NARRATE_ALLOW_PRIVATE_ADDRESSES=1)"
        ]
        for extra in (["--allow-private-addresses"], ["--config", str(allowing)]):
            allowed = _run("clean", url, *extra, cwd=tmp_path)
            assert allowed.returncode == 0, allowed.stderr
            assert "The harbour ferries run all night now, said the port's first spokesperson" in allowed.stdout


# --- narrate voices, say, cache ------------------------------------------------------------------


def test_voices_lists_presets_and_engines(tmp_path: Path) -> None:
    result = _run("voices", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Presets (use with --voice NAME):"
    assert any(line.split()[:3] == ["default", "hibari", "offline"] for line in lines)
    engines = lines[lines.index("Engines:") + 1 :]
    assert any(line.split()[:2] == ["hibari", "offline"] for line in engines)
    assert any(line.split()[:2] == ["espeak", "offline"] for line in engines)
    (espeak,) = [line for line in lines if line.split()[:2] == ["espeak", "espeak"]]
    assert "speaks the article's language" in espeak
    assert any("speaks English (United States)" in line for line in lines if line.split()[:1] == ["default"])


def test_voices_lists_the_language_routes(tmp_path: Path) -> None:
    (tmp_path / "narrate.toml").write_text('[voices]\nes = "gtts"\n"*" = "espeak"\n', encoding="utf-8")
    result = _run("voices", "--config", "narrate.toml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    routes = result.stdout.split("Languages (", 1)[1].split("Engines:")[0]
    assert [line.split() for line in routes.splitlines()[1:] if line.strip()] == [
        ["es", "(Spanish)", "gtts"], ["every", "other", "language", "espeak"]
    ]


def test_project_voices_folder_adds_presets(tmp_path: Path) -> None:
    (tmp_path / "voices").mkdir()
    (tmp_path / "voices" / "slow.toml").write_text('engine = "hibari"\nspeed = 0.8\ndescription = "slower"\n')
    result = _run("voices", cwd=tmp_path)
    assert any(line.split()[:3] == ["slow", "hibari", "offline"] for line in result.stdout.splitlines())


def test_voices_lists_every_hibari_voice_and_the_other_engines_languages(tmp_path: Path) -> None:
    result = _run("voices", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    hibari = lines[lines.index("hibari voices (--voice NAME; offline):") + 1 :][:5]
    assert [line.split()[:4] for line in hibari] == [
        ["heart", "en-US", "American", "female"], ["emma", "en-GB", "British", "female"],
        ["fenrir", "en-US", "American", "male"], ["fable", "en-GB", "British", "male"],
        ["kore", "en-US", "American", "female"],
    ]
    assert hibari[0].endswith("installed (in the hibari package)")
    assert hibari[2].endswith("not installed (8.0 MB): narrate voices install fenrir")
    assert any(line.startswith("eSpeak NG (--voice espeak:LANG; offline): ") and "languages" in line for line in lines)
    assert "gTTS (--voice gtts:LANG; online): 69 languages (--language xx shows one)" in lines


def test_voices_language_filters_and_json(tmp_path: Path) -> None:
    (tmp_path / "narrate.toml").write_text('[voices]\nes = "gtts"\nfr = "espeak"\n', encoding="utf-8")
    text = _run("voices", "--language", "es", "--config", "narrate.toml", cwd=tmp_path).stdout
    assert "  es (Spanish)" in text and "fr (French)" not in text
    assert "eSpeak NG (--voice espeak:LANG; offline): Spanish: es, es-419, es-mx" in text
    assert "gTTS (--voice gtts:LANG; online): Spanish: es" in text
    data = json.loads(_run("voices", "--json", "-l", "en-GB", "--config", "narrate.toml", cwd=tmp_path).stdout)
    assert data["language"] == "en-GB" and data["routes"] == {}
    assert [v["name"] for v in data["hibari"]] == ["emma", "fable"]
    assert set(data) == {"language", "presets", "engines", "hibari", "piper", "espeak", "gtts", "routes"}
    bad = _run("voices", "--language", "xx", cwd=tmp_path)
    assert (bad.returncode, bad.stderr) == (1, "narrate: error: --language: 'xx' is not a language tag (write e.g. es, "
                                               "fr or en-GB)\n")


def test_say_writes_a_playable_mp3(tmp_path: Path) -> None:
    from tests.audiocheck import decoded_seconds

    result = _run("say", "Hello from the harbour.\n\nA second paragraph.", "-o", "hi.mp3", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Wrote hi.mp3 (")
    assert 1.5 < decoded_seconds(tmp_path / "hi.mp3") < 10


def test_cache_info_and_prune(tmp_path: Path) -> None:
    config = tmp_path / "narrate.toml"
    config.write_text(f'[cache]\ndir = "{tmp_path / "c"}"\n', encoding="utf-8")
    _run("say", "Fill the cache a little.", "-o", "x.mp3", "--config", str(config), cwd=tmp_path)
    info = _run("cache", "info", "--config", str(config), cwd=tmp_path).stdout.splitlines()
    assert info[0] == str(tmp_path / "c") and info[1].startswith("1 chunk(s), ")
    pruned = _run("cache", "prune", "--max-size", "0", "--config", str(config), cwd=tmp_path)
    assert pruned.stdout.startswith("Removed 1 chunk(s)") and pruned.stdout.rstrip().endswith("0 left, 0.0 MB")
    bad = _run("cache", "prune", "--max-size", "lots", cwd=tmp_path)
    assert (bad.returncode, bad.stderr) == (1, "narrate: error: --max-size: 'lots' is not a size such as 500MB or 2GB\n")


@pytest.mark.parametrize(
    "body, message",
    [
        ('engine = "nope"\n', "unknown engine 'nope' (engines: espeak, gtts, hibari"),
        ('engine = "hibari"\nspeed = = 1\n', "p.toml: not valid TOML ("),
        ('engine = "hibari"\nlexicon = "gone.toml"\n', "p.toml: 'lexicon' file "),
        ('engine = "hibari"\ncolour = "blue"\n', "p.toml: unknown key 'colour'"),
        ('engine = "gtts"\n[options]\nretries = "many"\n', "p.toml [options]: 'retries' must be a whole number"),
    ],
)
def test_bad_presets_are_one_line_errors(tmp_path: Path, body: str, message: str) -> None:
    preset = tmp_path / "p.toml"
    preset.write_text(body, encoding="utf-8")
    for args in (["say", "Hello.", "--voice", str(preset)], ["build", "x.txt", "--voice", str(preset)]):
        result = _run(*args, cwd=tmp_path)
        assert result.returncode == 1, args
        assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr


def test_feed_list_and_remove(tmp_path: Path) -> None:
    import feedparser

    out = tmp_path / "out"
    for name in ("a", "b"):
        article = tmp_path / f"{name}.txt"
        article.write_text(f"Story {name}\nA short paragraph about {name}.\n", encoding="utf-8")
        assert _run("build", "-q", str(article), "--out", str(out), cwd=tmp_path).returncode == 0
    listing = _run("list", "--out", str(out), cwd=tmp_path).stdout.splitlines()
    assert [line.split()[0] for line in listing] == ["story-b", "story-a"]
    config = out / "narrate.toml"
    config.write_text(config.read_text().replace('title = "Narrated articles"', 'title = "Renamed Show"'))
    rebuilt = _run("feed", "--out", str(out), cwd=tmp_path)
    assert rebuilt.stdout.strip() == f"Feed: {out / 'feed.xml'} lists 2 of 2 episode(s)"
    assert feedparser.parse(str(out / "feed.xml")).feed.title == "Renamed Show"
    refused = _run("remove", "story-a", "--out", str(out), cwd=tmp_path)
    assert refused.returncode == 1 and "add --yes" in refused.stderr
    removed = _run("remove", "Story a", "--out", str(out), "--yes", cwd=tmp_path)
    assert removed.returncode == 0, removed.stderr
    assert not (out / "episodes" / "story-a").exists()
    assert [e.title for e in feedparser.parse(str(out / "feed.xml")).entries] == ["Story b"]
    missing = _run("remove", "story-a", "--out", str(out), "--yes", cwd=tmp_path)
    assert missing.returncode == 1 and missing.stderr.startswith("narrate: error: no episode 'story-a'")


def test_check_a_built_folder_and_a_broken_one(tmp_path: Path) -> None:
    out = tmp_path / "out"
    article = tmp_path / "a.txt"
    article.write_text("Story a\nA short paragraph.\n", encoding="utf-8")
    assert _run("build", "-q", str(article), "--out", str(out), cwd=tmp_path).returncode == 0
    clean = _run("check", str(out), cwd=tmp_path)
    assert clean.returncode == 0, clean.stdout
    assert clean.stdout.rstrip().endswith("ok (0 error(s), 3 warning(s))")
    mp3 = next(out.glob("episodes/*/*.mp3"))
    mp3.write_bytes(mp3.read_bytes()[:-10])
    broken = _run("check", str(out), cwd=tmp_path)
    assert broken.returncode == 1
    assert "[enclosure-length]" in broken.stdout and "fix: run narrate feed" in broken.stdout
    assert _run("check", str(tmp_path / "nowhere"), cwd=tmp_path).returncode == 1


def test_serve_a_folder_and_stop_with_ctrl_c(tmp_path: Path) -> None:
    import signal
    import socket
    import urllib.request

    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "feed.xml").write_bytes(b"<rss>" + b"x" * 100 + b"</rss>")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "narrate", "serve", str(folder), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ},
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        line = process.stdout.readline()
        assert line.startswith(f"Serving {folder} at http://127.0.0.1:{port}/"), line
        request = urllib.request.Request(f"http://127.0.0.1:{port}/feed.xml", headers={"Range": "bytes=0-4"})
        with urllib.request.urlopen(request, timeout=5) as answer:
            assert (answer.status, answer.read()) == (206, b"<rss>")
        taken = _run("serve", str(folder), "--port", str(port), cwd=tmp_path)
        assert taken.returncode == 1
        assert taken.stderr == (
            f"narrate: error: cannot serve on 127.0.0.1:{port}: the port is taken (another program uses it); "
            "choose another with --port\n"
        )
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=10)
    assert "Traceback" not in process.stderr.read()
    missing = _run("serve", str(tmp_path / "nowhere"), cwd=tmp_path)
    assert missing.returncode == 1 and missing.stderr.startswith("narrate: error: cannot serve")
