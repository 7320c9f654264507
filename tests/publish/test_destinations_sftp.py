"""narrate publish sftp://… against a real OpenSSH server (Debian's openssh-server), started here on
127.0.0.1 and a high port with a temporary host key; the client's keys, ~/.ssh/config and known_hosts
live in a temporary HOME. The published folder is on this computer, so the tests read it directly."""

from __future__ import annotations

import getpass
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from narrate.errors import PublishError
from narrate.fsutil import TEMP_PREFIX
from narrate.publish.upload import MANIFEST_NAME, PublishProgress, publish, site_files
from tests.conftest import IN_CI, require_module, require_tool
from tests.publish.conftest import BASE_URL
from tests.publish.test_upload import narrate, remove_first_episode

HOST = "narrate-test"
"""The host's name in the temporary ~/.ssh/config."""


def require_sshd() -> str:
    path = shutil.which("sshd", path=os.environ.get("PATH", "") + os.pathsep + "/usr/sbin")
    if path:
        return path
    message = "sshd is not installed (scripts/install-test-deps installs Debian's openssh-server)"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def keygen(path: Path) -> str:
    subprocess.run([require_tool("ssh-keygen"), "-q", "-t", "ed25519", "-N", "", "-C", "narrate-test", "-f", str(path)],
                   check=True, timeout=30)
    return path.with_suffix(".pub").read_text().strip()


@dataclass
class Sshd:
    port: int
    folder: Path
    host_key: str
    """The host's public key line (type and key)."""
    client_key: Path
    """A private key the server accepts."""


@pytest.fixture(scope="module")
def sshd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sshd]:
    require_module("paramiko")
    binary = require_sshd()
    folder = tmp_path_factory.mktemp("sshd")
    host_key = keygen(folder / "host_key")
    client_key = folder / "client_key"
    (folder / "authorized_keys").write_text(keygen(client_key) + "\n")
    port = free_port()
    config = folder / "sshd_config"
    config.write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {folder / 'host_key'}\n"
        f"AuthorizedKeysFile {folder / 'authorized_keys'}\nStrictModes no\nPidFile {folder / 'sshd.pid'}\n"
        "PubkeyAuthentication yes\nPasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\n"
        "PermitRootLogin prohibit-password\nSubsystem sftp internal-sftp\nLogLevel ERROR\n"
    )
    if os.geteuid() == 0 and not os.path.isdir("/run/sshd"):
        os.makedirs("/run/sshd", mode=0o755)  # sshd's privilege separation folder (the package's service makes it)
    process = subprocess.Popen([binary, "-D", "-e", "-f", str(config)], stdout=subprocess.DEVNULL,
                               stderr=open(folder / "sshd.log", "wb"))
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"sshd did not start: {(folder / 'sshd.log').read_text(errors='replace')}")
                time.sleep(0.1)
        yield Sshd(port, folder, " ".join(host_key.split()[:2]), client_key)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def home(sshd: Sshd, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A HOME whose ~/.ssh has the key, a config naming the test host and its known host key."""
    home = tmp_path / "home"
    ssh = home / ".ssh"
    ssh.mkdir(parents=True)
    shutil.copy(sshd.client_key, ssh / "narrate_key")
    (ssh / "narrate_key").chmod(0o600)
    (ssh / "config").write_text(
        f"Host {HOST}\n  HostName 127.0.0.1\n  Port {sshd.port}\n  User {getpass.getuser()}\n"
        "  IdentityFile ~/.ssh/narrate_key\n"
    )
    (ssh / "known_hosts").write_text(f"[127.0.0.1]:{sshd.port} {sshd.host_key}\n")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("SSH_AUTH_SOCK", raising=False)  # never the user's own agent
    return home


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def expected(out: Path, www: Path) -> dict[str, bytes]:
    return {**{f.path: f.local.read_bytes() for f in site_files(out)}, MANIFEST_NAME: (www / MANIFEST_NAME).read_bytes()}


def test_sftp_publish_sends_what_changed_and_deletes_what_is_gone(show: Path, home: Path, tmp_path: Path) -> None:
    www = tmp_path / "remote" / "www"  # made by the publish
    dest = f"sftp://{HOST}{www}"

    first = publish(show, dest, base_url=BASE_URL)
    assert tree(www) == expected(show, www)
    assert first.sent[-1] == "feed.xml" and first.destination == f"sftp://{getpass.getuser()}@{HOST}{www}"

    stamps = {p: p.stat().st_mtime_ns for p in www.rglob("*")}
    again = publish(show, dest, base_url=BASE_URL)
    assert again.sent == [] and again.deleted == [] and again.unchanged == len(first.sent)
    assert {p: p.stat().st_mtime_ns for p in www.rglob("*")} == stamps

    before = set(tree(www))
    slug = remove_first_episode(show)
    third = publish(show, dest, base_url=BASE_URL)
    gone = before - set(tree(www))
    assert gone == set(third.deleted) and all(p.startswith(f"episodes/{slug}/") for p in gone)
    assert not (www / "episodes" / slug).exists()
    assert set(third.sent) == {"feed.xml", "index.html"}
    assert tree(www) == expected(show, www)
    assert not [p for p in www.rglob("*") if p.name.startswith(TEMP_PREFIX)]


def test_sftp_interrupted_then_run_again_completes(show: Path, home: Path, tmp_path: Path) -> None:
    www = tmp_path / "www"

    def stop(event: PublishProgress) -> None:
        if event.files_done == 4:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        publish(show, f"sftp://{HOST}{www}", progress=stop)
    assert not (www / "feed.xml").exists()
    publish(show, f"sftp://{HOST}{www}")
    assert tree(www) == expected(show, www)


def test_sftp_keys_from_the_agent_user_and_port_in_the_url(
    show: Path, sshd: Sshd, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (home / ".ssh" / "config").unlink()
    (home / ".ssh" / "narrate_key").unlink()  # the key is only in the agent
    agent = subprocess.run([require_tool("ssh-agent"), "-s"], capture_output=True, text=True, check=True, timeout=30)
    values = dict(part.split("=", 1) for part in agent.stdout.replace(";", "\n").split() if "=" in part)
    try:
        monkeypatch.setenv("SSH_AUTH_SOCK", values["SSH_AUTH_SOCK"])
        key = tmp_path / "agent_key"
        shutil.copy(sshd.client_key, key)
        key.chmod(0o600)
        subprocess.run([require_tool("ssh-add"), "-q", str(key)], check=True, timeout=30, capture_output=True)
        key.unlink()
        www = tmp_path / "www"
        report = publish(show, f"sftp://{getpass.getuser()}@127.0.0.1:{sshd.port}{www}")
        assert report.sent and (www / "feed.xml").read_bytes() == (show / "feed.xml").read_bytes()
    finally:
        os.kill(int(values["SSH_AGENT_PID"]), signal.SIGTERM)


def test_an_unknown_host_is_refused(show: Path, home: Path, tmp_path: Path) -> None:
    (home / ".ssh" / "known_hosts").write_text("")
    with pytest.raises(PublishError, match="not in ~/.ssh/known_hosts"):
        publish(show, f"sftp://{HOST}{tmp_path / 'www'}")
    assert not (tmp_path / "www").exists()


def test_sftp_errors_are_one_line(show: Path, sshd: Sshd, home: Path, tmp_path: Path) -> None:
    keygen(home / ".ssh" / "other_key")
    shutil.move(home / ".ssh" / "other_key", home / ".ssh" / "narrate_key")  # a key the server refuses
    env = {"HOME": str(home)}
    refused = narrate("publish", f"sftp://{HOST}{tmp_path / 'www'}", "--out", str(show), env=env)
    closed = narrate("publish", f"sftp://127.0.0.1:{free_port()}/www", "--out", str(show), env=env)
    for result, words in ((refused, "no key was accepted"), (closed, "cannot connect to")):
        assert result.returncode == 1, result.stdout
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("narrate: error: ") and words in lines[0], result.stderr
