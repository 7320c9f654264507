"""Faults during a build: a full disk, a read-only folder, the folder deleted, a damaged or vanished
chunk cache, an engine that crashes, a batch worker killed, SIGTERM and Ctrl-C while encoding.

Every test starts from an output folder that already holds earlier episodes (feed, show page,
episode pages), fingerprints every file and folder in it, injects one fault into a new build run as
the real command (a subprocess), then checks that narrate says what went wrong in one line without a
traceback, exits non-zero, and leaves every earlier file byte for byte as it was: no temporary file
left, no half-made episode folder, no half-written MP3 in the feed.

Where that cannot be the whole expectation, the test says what is expected instead:

- the output folder deleted mid-run: the earlier episodes go with it; narrate must stop with one
  line and not make a new, half-empty show (feed, cover, pages) where the folder was;
- a damaged or deleted chunk cache (FLAC files; the cache has no index or database): narrate
  speaks those chunks again and the episode is the same as one made without a cache;
- an engine that ends the process (os._exit, abort, SIGKILL): no message can be printed, the
  exit status tells; the temporary files it leaves are never listed and the next build removes them;
- a batch worker killed: only the article that kills it (twice) fails; the others are narrated.

Mounts (a small tmpfs, a read-only bind mount) need CAP_SYS_ADMIN: the tests mount directly when
they can (root, as in CI), else inside a user namespace (``unshare``), else they are skipped
locally and fail in CI. Every mount is undone, also when a test fails.

``python -m tests.test_faults ARGS`` is the narrate command with the fault engine registered.
"""

from __future__ import annotations

import functools
import hashlib
import os
import random
import resource
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import feedparser
import pytest

from narrate import build
from narrate.batch.jobs import JOBS_FILE
from narrate.fsutil import TEMP_PREFIX
from narrate.models import Clip
from narrate.speech.cache import ChunkCache
from narrate.speech.engines import EngineOptions, VoiceParams, register, unregister
from tests.conftest import IN_CI, ROOT
from tests.fakes import FakeEngine, FakeOptions

# --- the fault engine ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FaultOptions(FakeOptions):
    delay: float = 0.0
    """Seconds each request takes (a slow engine, to be interrupted)."""
    crash_on: str = ""
    """A word that makes the engine crash, the way ``crash`` says."""
    crash: str = "exit"
    """"exit" (os._exit), "abort" (SIGABRT), "kill" (SIGKILL to itself), "raise" (a non-narrate error)."""
    after: int = 0
    """Do ``action`` on this request (counted per process)."""
    action: str = ""
    """What to do to ``target``: see :func:`_act`."""
    target: str = ""


class FaultEngine(FakeEngine):
    """The fake engine, with crashes and sabotage of the file system on demand. The fault options
    are left out of its identity, so a faulty preset shares its chunk cache with a sound one."""

    name: ClassVar[str] = "fault"
    Options: ClassVar[type[EngineOptions]] = FaultOptions
    identity_ignores: ClassVar[frozenset[str]] = frozenset(
        {"delay", "crash_on", "crash", "after", "action", "target"}
    )
    requests: ClassVar[int] = 0

    def synthesize(self, text: str, voice: VoiceParams) -> Clip:
        options = self._options
        assert isinstance(options, FaultOptions)
        FaultEngine.requests += 1
        if options.delay:
            time.sleep(options.delay)
        if options.crash_on and options.crash_on in text:
            _crash(options.crash)
        if options.action and FaultEngine.requests == options.after:
            _act(options.action, Path(options.target))
        return super().synthesize(text, voice)


def _crash(how: str) -> None:
    if how == "exit":
        os._exit(70)
    if how == "abort":
        os.abort()
    if how == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    raise RuntimeError("fault engine: the model fell over")


def _act(action: str, target: Path) -> None:
    """Sabotage ``target``: remove it, damage every chunk in it (a cache folder), or put a file there."""
    if action == "remove":
        shutil.rmtree(target)
    elif action == "damage-cache":  # each entry damaged one of four ways, in turn
        for n, path in enumerate(sorted(target.rglob("*.flac"))):
            data = bytearray(path.read_bytes())
            damage = n % 4
            if damage == 0:
                data = bytearray(random.Random(n).randbytes(len(data)))  # garbage of the same length
            elif damage == 1:
                data = data[: len(data) // 2]  # truncated
            elif damage == 2:
                data = bytearray()  # empty
            else:
                data[len(data) // 2] ^= 0xFF  # one byte of audio flipped
            path.write_bytes(bytes(data))
    elif action == "replace-with-file":
        shutil.rmtree(target)
        target.write_bytes(b"not a folder\n")
    else:
        raise ValueError(f"unknown action {action!r}")


# --- articles, presets, the earlier episodes ---------------------------------------------------------


def _article(path: Path, title: str, paragraphs: int, word: str = "ferry", extra: str = "") -> Path:
    lines = [title]
    if extra:
        lines.append(extra)
    for n in range(paragraphs):
        lines.append(
            f"The {word} made crossing number {n + 1} before the tide turned. "
            f"Its crew of {n % 9 + 3} waved at the harbour master on the {word} pier."
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _preset(path: Path, **options: object) -> Path:
    body = "".join(f"{key} = {_toml(value)}\n" for key, value in {"seconds_per_char": 0.01, **options}.items())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'engine = "fault"\n[options]\n{body}', encoding="utf-8")
    return path


def _toml(value: object) -> str:
    return f'"{value}"' if isinstance(value, (str, Path)) else str(value)


@dataclass(frozen=True)
class Earlier:
    """An output folder holding earlier episodes, to be copied into each test's output folder."""

    out: Path
    preset: Path
    guids: frozenset[str]
    snapshot: dict[str, str]


@pytest.fixture(scope="module")
def fault_engine() -> Iterator[type[FaultEngine]]:
    register(FaultEngine)
    try:
        yield FaultEngine
    finally:
        unregister(FaultEngine.name)


@pytest.fixture(scope="module")
def earlier(tmp_path_factory: pytest.TempPathFactory, fault_engine: type[FaultEngine]) -> Earlier:
    root = tmp_path_factory.mktemp("earlier")
    preset = _preset(root / "sound.toml")
    out = root / "out"
    out.mkdir()
    (out / "narrate.toml").write_text(
        f'[show]\ntitle = "Harbour Desk"\n[build]\nvoice = "{preset}"\n'
        "[episode]\nspoken_intro = false\nspoken_outro = false\n",
        encoding="utf-8",
    )
    articles = [_article(root / f"earlier-{n}.txt", f"Earlier Story {n}", 3, word=w) for n, w in enumerate(["tug", "barge"])]
    report = build(articles, out_dir=out, use_cache=False)
    assert not report.failed
    guids = _feed_guids(out)
    assert len(guids) == 2
    return Earlier(out, preset, frozenset(guids), _snapshot(out))


@pytest.fixture
def out(tmp_path: Path, earlier: Earlier) -> Path:
    """This test's output folder: a copy of the earlier episodes, byte for byte."""
    folder = tmp_path / "out"
    shutil.copytree(earlier.out, folder, symlinks=True)
    assert _snapshot(folder) == earlier.snapshot
    return folder


# --- running narrate and checking what it left -------------------------------------------------------


def _command(*args: object) -> list[str]:
    return [sys.executable, "-m", "tests.test_faults", *map(str, args)]


def _no_core_dumps() -> None:
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # the engine that aborts must not leave a core file


def _narrate(*args: object, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        _command(*args), cwd=ROOT, capture_output=True, text=True, timeout=timeout, preexec_fn=_no_core_dumps,
        check=False,
    )


def _snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones too) with the SHA-256 of its bytes, and every folder."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if path.is_symlink():
            found[name] = f"link:{os.readlink(path)}"
        elif path.is_dir():
            found[name] = "folder"
        else:
            found[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _one_line_error(run: subprocess.CompletedProcess[str], *reasons: str) -> str:
    """The command failed with exactly one error line (holding every one of ``reasons``), no traceback."""
    assert run.returncode != 0, run.stdout + run.stderr
    assert "Traceback" not in run.stdout + run.stderr, run.stderr
    errors = [line for line in run.stderr.splitlines() if line.startswith("narrate: error:")]
    assert len(errors) == 1, run.stderr
    for reason in reasons:
        assert reason.lower() in errors[0].lower(), errors[0]
    return errors[0]


def _feed_guids(out: Path) -> list[str]:
    """The guids the feed lists; the feed must parse and every enclosure must be a whole file."""
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert feed.bozo is False, feed.get("bozo_exception")
    for entry in feed.entries:
        [enclosure] = entry.enclosures
        relative = enclosure.href.split("/", 3)[3]  # after the base URL's host
        mp3 = out / relative
        assert mp3.is_file() and mp3.stat().st_size == int(enclosure.length), relative
    return [entry.id for entry in feed.entries]


def _temporary_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob(f"{TEMP_PREFIX}*"))


def _check_unchanged(before: dict[str, str], after: dict[str, str]) -> None:
    """Nothing added, removed or changed: compared path by path for a readable failure."""
    assert sorted(set(after) - set(before)) == [], "files or folders left behind"
    assert sorted(set(before) - set(after)) == [], "earlier files gone"
    changed = [name for name in before if before[name] != after[name]]
    assert changed == [], "earlier files changed"


def _check_earlier_kept(before: dict[str, str], after: dict[str, str]) -> None:
    """After a build that added episodes: every earlier file is there, byte for byte, except the two
    files that list every episode (the feed and the show page)."""
    listing = {"feed.xml", "index.html"}
    changed = [name for name in before if name not in listing and after.get(name) != before[name]]
    assert changed == [], "earlier files changed or gone"


def _check_complete(out: Path, earlier: Earlier, new: int) -> None:
    """The earlier episodes and ``new`` more, each listed once, each whole; no temporary file."""
    guids = _feed_guids(out)
    assert len(guids) == len(set(guids)) == len(earlier.guids) + new
    assert earlier.guids <= set(guids)
    assert len(list(out.glob("episodes/*/episode.json"))) == len(earlier.guids) + new
    assert _temporary_files(out) == []


def _wait_for(condition: Callable[[], bool], what: str, process: subprocess.Popen[str], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if process.poll() is not None:
            pytest.fail(f"narrate ended (status {process.returncode}) before {what}: {process.stderr.read() if process.stderr else ''}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"no {what} within {timeout} s")
        time.sleep(0.01)


# --- mounts ------------------------------------------------------------------------------------------


def _quiet(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)


@functools.cache
def _mount_mode() -> str | None:
    """"direct" when this process may mount, "unshare" when only a user namespace may, else None.
    NARRATE_TEST_MOUNT=unshare forces the user namespace (to test that path as root)."""
    if not shutil.which("mount"):
        return None
    probe = Path(tempfile.mkdtemp(prefix="narrate-mount-probe-"))
    try:
        tmpfs = ["mount", "-t", "tmpfs", "-o", "size=64k", "narrate-probe", str(probe)]
        if os.environ.get("NARRATE_TEST_MOUNT") != "unshare" and _quiet(tmpfs).returncode == 0:
            _quiet(["umount", str(probe)])
            return "direct"
        if shutil.which("unshare") and _quiet(["unshare", "--user", "--map-root-user", "--mount", *tmpfs]).returncode == 0:
            return "unshare"
        return None
    finally:
        probe.rmdir()


def _require_mounts() -> str:
    mode = _mount_mode()
    if mode is None:
        message = "cannot mount (needs root or user namespaces): the full-disk and read-only tests need it"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return mode


def _mounted(path: Path) -> bool:
    target = str(path).replace(" ", "\\040")
    with open("/proc/self/mounts", encoding="utf-8") as mounts:
        return any(line.split()[1] == target for line in mounts)


def _unmount(path: Path) -> None:
    for _ in range(50):
        if not _mounted(path):
            return
        if _quiet(["umount", str(path)]).returncode != 0:
            time.sleep(0.1)
    _quiet(["umount", "--lazy", str(path)])
    assert not _mounted(path), f"{path} is still mounted"


def _narrate_under_mounts(
    mounts: list[list[str]], args: list[object], *, watch: Path, fill: tuple[Path, Path] | None = None
) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    """Run narrate with ``mounts`` in place (``fill``: copy a folder's contents into a mounted one
    first); returns the run and the snapshot of ``watch`` as narrate left it, mounts still in place.

    Directly: the mounts are made here and always undone. In a user namespace: one shell makes the
    mounts, runs narrate and copies ``watch`` out before the namespace (and its mounts) goes.
    """
    mode = _require_mounts()
    if mode == "direct":
        made: list[Path] = []
        try:
            for command in mounts:
                result = _quiet(command)
                assert result.returncode == 0, result.stderr
                if "remount" not in " ".join(command):
                    made.append(Path(command[-1]))
            if fill is not None:
                shutil.copytree(fill[0], fill[1], symlinks=True, dirs_exist_ok=True)
            run = _narrate(*args)
            return run, _snapshot(watch)
        finally:
            for path in reversed(made):
                _unmount(path)
    seen = watch.parent / f"{watch.name}-as-seen"
    script = ["set -e", *(shlex.join(command) for command in mounts)]
    if fill is not None:
        script.append(f"cp -a {shlex.quote(str(fill[0]))}/. {shlex.quote(str(fill[1]))}/")
    script += [
        "set +e",
        f"{shlex.join(_command(*args))}",
        "status=$?",
        f"mkdir -p {shlex.quote(str(seen))} && cp -a {shlex.quote(str(watch))}/. {shlex.quote(str(seen))}/",
        "exit $status",
    ]
    run = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", "\n".join(script)],
        cwd=ROOT, capture_output=True, text=True, timeout=180, preexec_fn=_no_core_dumps, check=False,
    )
    return run, _snapshot(seen)


def _tmpfs_bytes(folder: Path) -> int:
    """What ``folder``'s files take on a tmpfs: whole pages."""
    page = os.sysconf("SC_PAGE_SIZE")
    return sum(-(-p.stat().st_size // page) * page for p in folder.rglob("*") if p.is_file())


# --- 1. the output folder fills up ---------------------------------------------------------------------


@pytest.mark.parametrize("room", [0, 64 * 1024], ids=["no-room", "room-for-small-files"])
def test_full_disk_fails_in_one_line_and_keeps_earlier_episodes(tmp_path: Path, earlier: Earlier, room: int) -> None:
    """A tmpfs just big enough for the earlier episodes (and ``room`` more): the new, long episode
    does not fit. Expected: "no space left on device" naming the path, every earlier file as it was."""
    article = _article(tmp_path / "long.txt", "A Long Story", 40)
    out = tmp_path / "out"
    out.mkdir()
    size = _tmpfs_bytes(earlier.out) + room
    run, after = _narrate_under_mounts(
        [["mount", "-t", "tmpfs", "-o", f"size={size}", "narrate-full", str(out)]],
        ["build", article, "--out", out, "--voice", earlier.preset, "--quiet"],
        watch=out, fill=(earlier.out, out),
    )
    line = _one_line_error(run, "no space left on device")
    assert str(out) in line
    assert ".narrate-tmp-" not in line  # the file is named as the user knows it, not by its temporary name
    _check_unchanged(earlier.snapshot, after)
    assert not _mounted(out)


# --- 2. the output folder is read-only -------------------------------------------------------------------


def test_read_only_folder_fails_in_one_line_and_changes_nothing(tmp_path: Path, out: Path, earlier: Earlier) -> None:
    """A read-only bind mount over the output folder (root ignores permission bits; a mount does not)."""
    article = _article(tmp_path / "new.txt", "A New Story", 3)
    run, after = _narrate_under_mounts(
        [["mount", "--bind", str(out), str(out)], ["mount", "-o", "remount,bind,ro", str(out)]],
        ["build", article, "--out", out, "--voice", earlier.preset, "--quiet"],
        watch=out,
    )
    line = _one_line_error(run, "read-only file system")
    assert str(out) in line
    _check_unchanged(earlier.snapshot, after)
    assert not _mounted(out)
    # writable again: the same build goes through, and lists the episode once
    again = _narrate("build", article, "--out", out, "--voice", earlier.preset, "--quiet")
    assert again.returncode == 0, again.stderr
    _check_complete(out, earlier, new=1)


# --- 3. the output folder is deleted while narrate speaks -----------------------------------------------


def test_output_folder_deleted_mid_run_is_reported_and_not_recreated(tmp_path: Path, out: Path, earlier: Earlier) -> None:
    """The whole output folder vanishes after the third request to the engine (a user's rm -rf, an
    unmounted share). The earlier episodes are gone with it; what narrate must not do is write a
    fresh, half-empty show (feed, cover, pages) where the folder was, or anything anywhere else.
    Expected: one line saying the folder disappeared, non-zero exit, the folder still absent."""
    article = _article(tmp_path / "new.txt", "A New Story", 6)
    preset = _preset(tmp_path / "remover.toml", after=3, action="remove", target=str(out))
    around = _snapshot(tmp_path)
    run = _narrate("build", article, "--out", out, "--voice", preset, "--quiet")
    _one_line_error(run, str(out), "disappeared")
    assert not out.exists()
    gone = {name for name in around if name == "out" or name.startswith("out/")}
    assert _snapshot(tmp_path) == {name: digest for name, digest in around.items() if name not in gone}


# --- 4. the chunk cache is damaged or deleted while narrate speaks -----------------------------------------


def _prime_cache(tmp_path: Path, earlier: Earlier, paragraphs: int) -> tuple[Path, str]:
    """Put the speech of the new article's paragraphs (all but its first) in the chunk cache, and
    return the new article and the audio hash of its episode made without any cache."""
    _article(tmp_path / "primer.txt", "Primer Story", paragraphs)
    build([tmp_path / "primer.txt"], out_dir=tmp_path / "primer-out", voice=earlier.preset, config=earlier.out / "narrate.toml")
    article = _article(tmp_path / "new.txt", "A New Story", paragraphs, extra="A first paragraph never spoken before.")
    reference = build([article], out_dir=tmp_path / "reference-out", voice=earlier.preset,
                      config=earlier.out / "narrate.toml", use_cache=False)
    record = reference.results[0].record
    assert record is not None
    return article, record.audio.sha256


@pytest.mark.parametrize("action", ["damage-cache", "remove"])
def test_cache_damaged_or_deleted_mid_run_is_spoken_again(
    tmp_path: Path, out: Path, earlier: Earlier, private_chunk_cache: Path, action: str
) -> None:
    """On the first request to the engine (the new first paragraph), every cached chunk is damaged
    (garbage, truncated, emptied, a byte flipped) or the whole cache folder is deleted. Expected:
    narrate notices, speaks those chunks again, and the episode is exactly the one made without a
    cache."""
    article, expected_audio = _prime_cache(tmp_path, earlier, 8)
    cached = len(list(private_chunk_cache.rglob("*.flac")))
    assert cached >= 16
    preset = _preset(tmp_path / "saboteur.toml", after=1, action=action, target=str(private_chunk_cache))
    run = _narrate("build", article, "--out", out, "--voice", preset, "--quiet")
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    _check_complete(out, earlier, new=1)
    _check_earlier_kept(earlier.snapshot, _snapshot(out))
    [sidecar] = [p for p in out.glob("episodes/*/episode.json") if "a-new-story" in str(p)]
    assert f'"sha256": "{expected_audio}"' in sidecar.read_text(encoding="utf-8")
    entries = sorted(private_chunk_cache.rglob("*.flac"))
    assert len(entries) >= cached  # every chunk read back damaged (or not found) was spoken and stored again
    cache = ChunkCache(private_chunk_cache)
    assert all(cache.get(path.stem) is not None for path in entries), "a damaged entry is still there"


def test_cache_folder_replaced_by_a_file_is_switched_off_with_a_warning(
    tmp_path: Path, out: Path, earlier: Earlier, private_chunk_cache: Path
) -> None:
    """The cache folder becomes a file mid-run: nothing more can be stored. The cache only saves time,
    so the episode is still made, without it, and a warning names the chunk cache. Expected: exit 0,
    the episode exactly the one made without a cache, earlier files as they were."""
    article, expected_audio = _prime_cache(tmp_path, earlier, 3)
    preset = _preset(tmp_path / "saboteur.toml", after=1, action="replace-with-file", target=str(private_chunk_cache))
    run = _narrate("build", article, "--out", out, "--voice", preset, "--quiet")
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    warnings = [line for line in run.stderr.splitlines() if "chunk cache" in line]
    assert len(warnings) == 1 and warnings[0].startswith("narrate: warning: a-new-story: cannot write to the chunk cache")
    assert str(private_chunk_cache) in warnings[0] and "without the cache" in warnings[0]
    _check_complete(out, earlier, new=1)
    _check_earlier_kept(earlier.snapshot, _snapshot(out))
    [sidecar] = [p for p in out.glob("episodes/*/episode.json") if "a-new-story" in str(p)]
    assert f'"sha256": "{expected_audio}"' in sidecar.read_text(encoding="utf-8")


# --- 5. the engine crashes ----------------------------------------------------------------------------------


def test_engine_raising_a_foreign_error_fails_the_article_in_one_line(tmp_path: Path, out: Path, earlier: Earlier) -> None:
    """An engine that raises something other than EngineError (a bug in a plugin, a model error)."""
    article = _article(tmp_path / "new.txt", "A New Story", 4, extra="The poison paragraph comes here.")
    preset = _preset(tmp_path / "crashy.toml", crash_on="poison", crash="raise")
    run = _narrate("build", article, "--out", out, "--voice", preset, "--quiet")
    _one_line_error(run, "the model fell over")
    _check_unchanged(earlier.snapshot, _snapshot(out))


@pytest.mark.parametrize("how", ["exit", "abort", "kill"])
def test_engine_killing_the_process_loses_nothing_earlier(
    tmp_path: Path, out: Path, earlier: Earlier, fault_engine: type[FaultEngine], how: str
) -> None:
    """An engine that takes the whole process down (os._exit, abort, SIGKILL) while the MP3 is being
    written. Nothing can print a message then: the exit status says it. Expected: no traceback, no
    earlier file touched, the feed as it was (the half-made episode is not in it); the only leftovers
    are temporary files, which the next build removes before it lists the episode once."""
    article = _article(tmp_path / "new.txt", "A New Story", 4, extra="The poison paragraph comes late.")
    article.write_text(article.read_text(encoding="utf-8") + "The poison is here.\n", encoding="utf-8")
    preset = _preset(tmp_path / "crashy.toml", crash_on="poison is here", crash=how)
    run = _narrate("build", article, "--out", out, "--voice", preset, "--quiet")
    assert run.returncode != 0
    assert "Traceback" not in run.stdout + run.stderr
    after = _snapshot(out)
    for name, digest in earlier.snapshot.items():
        assert after.get(name) == digest, name
    leftovers = sorted(set(after) - set(earlier.snapshot))
    assert all(TEMP_PREFIX in name or after[name] == "folder" for name in leftovers), leftovers
    assert set(_feed_guids(out)) == earlier.guids
    report = build([article], out_dir=out, voice=earlier.preset)
    assert not report.failed
    _check_complete(out, earlier, new=1)
    _check_earlier_kept(earlier.snapshot, _snapshot(out))


def test_batch_worker_killed_twice_fails_only_its_article(tmp_path: Path, out: Path, earlier: Earlier) -> None:
    """In a batch, an article whose engine SIGKILLs its worker process: it kills a worker twice and is
    reported failed; the articles that were in flight beside it, and the rest, are narrated."""
    source = tmp_path / "articles"
    for n in range(4):
        _article(source / f"article-{n}.txt", f"Batch Story {n}", 3, extra="The poison line." if n == 1 else "")
    preset = _preset(tmp_path / "crashy.toml", crash_on="poison", crash="kill")
    config = tmp_path / "crashy-config.toml"
    config.write_text((out / "narrate.toml").read_text(encoding="utf-8").replace(str(earlier.preset), str(preset)))
    run = _narrate("batch", source, "--out", out, "--config", config, "--jobs", "2", "--quiet")
    line = _one_line_error(run, "article-1.txt", "worker process died")
    assert "twice" in line
    _check_complete(out, earlier, new=3)
    _check_earlier_kept(earlier.snapshot, _snapshot(out))
    assert not (out / "episodes" / "batch-story-1").exists()
    with sqlite3.connect(out / JOBS_FILE) as db:
        states = dict(db.execute("SELECT key, state FROM articles"))
    assert sorted(states.values()) == ["done", "done", "done", "failed"]


# --- 6. SIGTERM and Ctrl-C while the MP3 is being encoded ----------------------------------------------------


@pytest.mark.parametrize(("signum", "status", "message"), [
    (signal.SIGTERM, 143, "narrate: terminated"),
    (signal.SIGINT, 130, "narrate: interrupted"),
])
def test_signal_while_encoding_stops_cleanly(
    tmp_path: Path, out: Path, earlier: Earlier, signum: int, status: int, message: str
) -> None:
    """The signal arrives once the new MP3's temporary file holds encoded audio. Expected: the exit
    status of the signal, one line, no traceback, no temporary file, every earlier file as it was;
    the same build afterwards completes and lists the episode once."""
    article = _article(tmp_path / "long.txt", "A Long Story", 40)
    slow = _preset(tmp_path / "slow.toml", delay=0.1)
    process = subprocess.Popen(
        _command("build", article, "--out", out, "--voice", slow, "--quiet"),
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        def encoding() -> bool:
            return any(p.stat().st_size > 4096 for p in out.glob(f"episodes/*/{TEMP_PREFIX}*.mp3"))

        _wait_for(encoding, "encoded audio in a temporary MP3", process)
        process.send_signal(signum)
        stdout, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == status, stderr
    assert "Traceback" not in stdout + stderr
    assert stderr.strip().startswith(message) and len(stderr.strip().splitlines()) == 1, stderr
    _check_unchanged(earlier.snapshot, _snapshot(out))
    again = _narrate("build", article, "--out", out, "--voice", earlier.preset, "--quiet")
    assert again.returncode == 0, again.stderr
    _check_complete(out, earlier, new=1)
    _check_earlier_kept(earlier.snapshot, _snapshot(out))


_CACHE_CODING_LOOP = """
import signal
import numpy as np
from narrate.speech.cache import ChunkCache
from narrate.cli import _terminate
from narrate.models import Clip
signal.signal(signal.SIGTERM, _terminate)
clip = Clip((np.random.default_rng(1).random(16000, dtype=np.float32) - 0.5) * 0.5, 16000)
print("ready", flush=True)
try:
    while True:
        ChunkCache.canonical(clip)  # FLAC in memory: libsndfile calls back into Python all the time
except KeyboardInterrupt as exc:
    print("stopped by", type(exc).__name__, flush=True)
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_signal_during_chunk_coding_is_not_lost(signum: int) -> None:
    """A signal that lands while libsndfile codes a chunk in memory (it calls back into Python) was
    printed as "Exception ignored from cffi callback" and lost: the build went on. Expected: the
    interruption reaches the code around it, nothing is printed."""
    process = subprocess.Popen(
        [sys.executable, "-c", _CACHE_CODING_LOOP], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None and process.stdout.readline() == "ready\n"
        time.sleep(0.3)  # well inside the loop
        process.send_signal(signum)
        stdout, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert stdout.startswith("stopped by"), stderr
    assert stderr == ""


def test_no_mount_is_left_behind(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Runs last in this file: none of its mounts outlived its test."""
    base = str(tmp_path_factory.getbasetemp())
    with open("/proc/self/mounts", encoding="utf-8") as mounts:
        assert [line for line in mounts if base in line or "narrate-full" in line] == []


if __name__ == "__main__":  # python -m tests.test_faults: narrate with the fault engine
    from narrate.cli import main

    register(FaultEngine)
    main()
    sys.exit(0)
