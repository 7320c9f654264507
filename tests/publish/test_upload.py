"""narrate publish to a local folder (a web server's document root), the plan's order and headers, and
``build --publish``: real files, a real built show, the real command in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from narrate.errors import InputError, PublishError
from narrate.publish.catalog import load_catalog
from narrate.publish.upload import (
    IMMUTABLE,
    MANIFEST_NAME,
    SHORT,
    PublishProgress,
    SiteFile,
    cache_control,
    plan_publish,
    publish,
    site_files,
)
from tests.conftest import EXAMPLE, ROOT
from tests.publish.conftest import BASE_URL, PRESET


def narrate(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The narrate command (with the fake engine registered) in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "tests.fakecli", *args], capture_output=True, text=True, cwd=cwd or ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200", **(env or {})}, timeout=300,
    )


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def published(out: Path) -> dict[str, bytes]:
    """What a publish of ``out`` must leave at the destination (the manifest aside)."""
    return {f.path: f.local.read_bytes() for f in site_files(out)}


def remove_first_episode(out: Path) -> str:
    records, _ = load_catalog(out)
    slug = sorted(r.slug for r in records)[0]
    result = narrate("remove", slug, "--out", str(out), "--yes")
    assert result.returncode == 0, result.stderr
    return slug


# --- the plan ---------------------------------------------------------------------------------------------


def _file(path: str) -> SiteFile:
    return SiteFile(path, Path(path), 10, "0" * 64, "x/y", cache_control(path))


def test_media_and_assets_first_then_pages_then_the_feed_then_deletions() -> None:
    files = [_file(p) for p in (
        "feed.xml", "index.html", "episodes/b/index.html", "episodes/b/b-0123456789ab.mp3",
        "episodes/b/b-0123456789ab.vtt", "cover.png", "static/narrate.css", "episodes/a/player.html",
    )]
    plan = plan_publish(files, {"episodes/gone/gone-aaaaaaaaaaaa.mp3": {}, "feed.xml": {}})
    order = [f.path for f in plan.send]
    assert order[-1] == "feed.xml"
    pages = [i for i, p in enumerate(order) if p.endswith(".html")]
    media = [i for i, p in enumerate(order) if not p.endswith((".html", ".xml"))]
    assert max(media) < min(pages) and max(pages) < order.index("feed.xml")
    assert plan.delete == ["episodes/gone/gone-aaaaaaaaaaaa.mp3"]


def test_only_changed_files_are_planned() -> None:
    same, changed, new = _file("cover.png"), _file("feed.xml"), _file("index.html")
    manifest = {same.path: same.entry(), changed.path: {**changed.entry(), "sha256": "1" * 64}}
    plan = plan_publish([same, changed, new], manifest)
    assert [f.path for f in plan.send] == ["index.html", "feed.xml"] and plan.unchanged == [same]
    # the same bytes with other headers (a newer narrate) are sent again, to get the new headers
    plan = plan_publish([same], {same.path: {**same.entry(), "cache_control": "no-cache"}})
    assert plan.send == [same]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("episodes/a/a-0123456789ab.mp3", IMMUTABLE),
        ("episodes/a/a-0123456789ab.vtt", IMMUTABLE),
        ("episodes/a/a-0123456789ab.transcript.json", IMMUTABLE),
        ("episodes/a/a-0123456789ab.chapters.json", IMMUTABLE),
        ("episodes/a/episode.json", SHORT),
        ("episodes/a/index.html", SHORT),
        ("feed.xml", SHORT),
        ("cover.png", SHORT),
        ("static/player.js", SHORT),
    ],
)
def test_cache_control(path: str, expected: str) -> None:
    assert cache_control(path) == expected


def test_settings_hidden_temporary_and_outside_files_are_never_published(show: Path, tmp_path: Path) -> None:
    (show / "inside.mp3").symlink_to(next(show.rglob("*.mp3")))  # a link inside the folder is fine
    (tmp_path / "secret.txt").write_text("outside")
    (show / "outside.txt").symlink_to(tmp_path / "secret.txt")
    (show / ".hidden.txt").write_text("hidden")
    (show / ".git").mkdir()
    (show / ".git" / "config").write_text("[core]")
    (show / "episodes" / ".narrate-tmp-abc.mp3").write_bytes(b"partial")
    (show / "hidden-link.txt").symlink_to(show / ".hidden.txt")
    paths = {f.path for f in site_files(show)}
    assert "narrate.toml" not in paths and "inside.mp3" in paths
    assert "outside.txt" not in paths and "hidden-link.txt" not in paths
    assert not [p for p in paths if any(part.startswith(".") for part in p.split("/"))]
    kinds = {p.rsplit(".", 1)[-1] for p in paths}
    assert {"mp3", "vtt", "srt", "json", "html", "xml", "png", "css", "js"} <= kinds


# --- a local folder ---------------------------------------------------------------------------------------


def test_publish_to_a_folder_then_again_then_after_a_removal(show: Path, tmp_path: Path) -> None:
    www = tmp_path / "www"
    first = publish(show, str(www), base_url=BASE_URL)
    assert tree(www) == {**published(show), MANIFEST_NAME: (www / MANIFEST_NAME).read_bytes()}
    assert first.sent[-1] == "feed.xml" and not first.deleted and not first.warnings
    assert first.bytes == sum(len(b) for b in published(show).values())
    assert "narrate.toml" not in tree(www)
    manifest = json.loads((www / MANIFEST_NAME).read_text())["files"]
    assert manifest["feed.xml"]["content_type"] == "application/rss+xml; charset=utf-8"

    stamps = {p: p.stat().st_mtime_ns for p in www.rglob("*") if p.is_file()}
    again = publish(show, str(www), base_url=BASE_URL)
    assert again.sent == [] and again.deleted == [] and again.unchanged == len(first.sent)
    assert {p: p.stat().st_mtime_ns for p in www.rglob("*") if p.is_file()} == stamps  # nothing touched

    before = set(tree(www))
    slug = remove_first_episode(show)
    third = publish(show, str(www), base_url=BASE_URL)
    gone = before - set(tree(www))
    assert gone and all(p.startswith(f"episodes/{slug}/") for p in gone)
    assert sorted(third.deleted) == sorted(gone)
    assert not (www / "episodes" / slug).exists()  # the emptied folder goes too
    assert set(third.sent) == {"feed.xml", "index.html"}  # the feed and show page that no longer list it
    assert tree(www) == {**published(show), MANIFEST_NAME: (www / MANIFEST_NAME).read_bytes()}


def test_files_narrate_did_not_send_are_left_alone(show: Path, tmp_path: Path) -> None:
    www = tmp_path / "www"
    www.mkdir()
    (www / "robots.txt").write_text("User-agent: *\n")
    publish(show, str(www))
    remove_first_episode(show)
    publish(show, str(www))
    assert (www / "robots.txt").read_text() == "User-agent: *\n"


def test_an_interrupted_publish_run_again_completes(show: Path, tmp_path: Path) -> None:
    www = tmp_path / "www"

    def stop_after_three(event: PublishProgress) -> None:
        if event.files_done == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        publish(show, str(www), progress=stop_after_three)
    assert not (www / "feed.xml").exists()  # the feed is last: nobody sees it before its files
    assert len(json.loads((www / MANIFEST_NAME).read_text())["files"]) == 3  # what did arrive

    second = publish(show, str(www))
    assert len(second.sent) == len(site_files(show)) - 3
    assert tree(www) == {**published(show), MANIFEST_NAME: (www / MANIFEST_NAME).read_bytes()}


def test_dry_run_changes_nothing(show: Path, tmp_path: Path) -> None:
    www = tmp_path / "www"
    report = publish(show, str(www), dry_run=True)
    assert report.dry_run and report.sent[-1] == "feed.xml" and report.bytes > 0
    assert list(www.iterdir()) == []


def test_a_localhost_base_url_is_a_warning_not_a_refusal(show: Path, tmp_path: Path) -> None:
    report = publish(show, str(tmp_path / "www"), base_url="http://localhost:8000/")
    assert report.sent and len(report.warnings) == 1 and "base_url" in report.warnings[0]


def test_refusals(show: Path, tmp_path: Path) -> None:
    with pytest.raises(PublishError, match="inside the output folder"):
        publish(show, str(show / "www"))
    with pytest.raises(PublishError, match="inside the output folder"):
        publish(show, str(show))
    with pytest.raises(InputError, match="no feed.xml"):
        publish(tmp_path / "empty", str(tmp_path / "www"))
    with pytest.raises(PublishError, match="s3://bucket/prefix, sftp://"):
        publish(show, "ftp://example.org/www")
    with pytest.raises(PublishError, match="only for s3://"):
        publish(show, str(tmp_path / "www"), endpoint_url="http://127.0.0.1:9/")
    with pytest.raises(PublishError, match="--cors sets an s3:// bucket's CORS rule"):
        publish(show, str(tmp_path / "www"), cors=True)
    assert not (tmp_path / "www").exists()  # refused before anything was sent


@pytest.mark.parametrize(("dest", "module", "extra"), [("s3://bucket/show", "boto3", "s3"),
                                                        ("sftp://me@example.org/www", "paramiko", "sftp")])
def test_a_missing_extra_is_one_line_naming_the_pip_command(show: Path, dest: str, module: str, extra: str) -> None:
    code = (
        f"import sys; sys.modules[{module!r}] = None\n"  # as if it were not installed
        "from narrate.cli import main; main()"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "publish", dest, "--out", str(show)], capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"narrate: error: publishing to {extra}:// needs {module}: pip install 'narrate[{extra}]'"
    )


# --- the command ------------------------------------------------------------------------------------------


def test_publish_command_dry_run_json_and_summary(show: Path, tmp_path: Path) -> None:
    www = tmp_path / "www"
    dry = narrate("publish", str(www), "--out", str(show), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    lines = dry.stdout.splitlines()
    assert lines[-2] == "send    feed.xml" and lines[-1].startswith("Dry run: would send ")
    assert not www.exists() or not any(www.iterdir())

    sent = narrate("publish", str(www), "--out", str(show), "--json")
    assert sent.returncode == 0, sent.stderr
    summary = json.loads(sent.stdout)
    assert summary["sent"] == len(site_files(show)) and summary["unchanged"] == 0 and summary["deleted"] == 0
    assert summary["bytes"] == sum(f.bytes for f in site_files(show)) and summary["sent_files"][-1] == "feed.xml"

    again = narrate("publish", str(www), "--out", str(show))
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == (
        f"Published {show} to {www}: 0 sent (0.0 MB), {summary['sent']} unchanged, 0 deleted"
    )
    assert again.stderr == ""  # no progress lines when there is nothing to do, no warning for a real base_url


def test_build_publish(tmp_path: Path) -> None:
    preset = tmp_path / "fake.toml"
    preset.write_text(PRESET, encoding="utf-8")
    out, www = tmp_path / "out", tmp_path / "www"
    result = narrate("build", str(EXAMPLE), "--out", str(out), "--voice", str(preset), "--publish", str(www))
    assert result.returncode == 0, result.stderr
    assert f"Published {out} to {www}: " in result.stdout
    assert "narrate: warning: the feed's links start with http://localhost:8000/" in result.stderr
    assert tree(www) == {**published(out), MANIFEST_NAME: (www / MANIFEST_NAME).read_bytes()}
    assert (www / "feed.xml").read_bytes() == (out / "feed.xml").read_bytes()


def test_batch_publish(tmp_path: Path) -> None:
    preset = tmp_path / "fake.toml"
    preset.write_text(PRESET, encoding="utf-8")
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "ferries.txt").write_bytes(EXAMPLE.read_bytes())
    out, www = tmp_path / "out", tmp_path / "www"
    out.mkdir()
    (out / "narrate.toml").write_text(f'[show]\nbase_url = "{BASE_URL}"\n[build]\nvoice = "{preset}"\n')
    result = narrate("batch", str(articles), "--out", str(out), "--jobs", "1", "--publish", str(www), "--quiet")
    assert result.returncode == 0, result.stderr
    assert f"Published {out} to {www}: " in result.stdout and "warning" not in result.stderr
    assert tree(www) == {**published(out), MANIFEST_NAME: (www / MANIFEST_NAME).read_bytes()}
