"""narrate publish s3://… against a real S3 endpoint: moto's standalone server (the one s3fs and boto
test against), started here on 127.0.0.1. Its request recorder gives the order of the requests narrate
made; the objects' ETag and LastModified show what was (not) written again."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from narrate.publish.destinations import CORS_RULE
from narrate.publish.upload import IMMUTABLE, MANIFEST_NAME, SHORT, publish, site_files
from tests.conftest import ROOT, require_module
from tests.publish.conftest import BASE_URL
from tests.publish.test_upload import narrate, remove_first_episode

PREFIX = "show"
TYPES = {
    "mp3": "audio/mpeg",
    "xml": "application/rss+xml; charset=utf-8",  # feed.xml, the only XML file
    "vtt": "text/vtt; charset=utf-8",
    "srt": "application/x-subrip; charset=utf-8",
    "json": "application/json",
    "html": "text/html; charset=utf-8",
    "png": "image/png",
    "css": "text/css; charset=utf-8",
    "js": "text/javascript; charset=utf-8",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Moto:
    endpoint: str
    recording: Path

    def requests(self, bucket: str) -> list[tuple[str, str]]:
        """(method, key) of every request on ``bucket`` since the last :meth:`reset`, in the order served."""
        found = []
        for line in self.recording.read_text().splitlines():
            entry = json.loads(line)
            path = unquote(urlsplit(entry["url"]).path).lstrip("/")
            name, _, key = path.partition("/")
            if name == bucket:
                found.append((entry["method"], key))
        return found

    def reset(self) -> None:
        self.recording.write_text("")

    def post(self, path: str, data: str) -> None:
        request = urllib.request.Request(self.endpoint + path, data=data.encode(), method="POST",
                                         headers={"Content-Type": "text/plain"})
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()


@pytest.fixture(scope="module")
def moto(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Moto]:
    require_module("moto")
    require_module("boto3")
    folder = tmp_path_factory.mktemp("moto")
    recording = folder / "requests.jsonl"
    port = free_port()
    env = {**os.environ, "MOTO_ENABLE_RECORDING": "True", "MOTO_RECORDER_FILEPATH": str(recording)}
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(endpoint + "/moto-api/", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("moto's S3 server did not start")
                time.sleep(0.2)
        yield Moto(endpoint, recording)
    finally:
        process.terminate()
        process.wait(timeout=10)


@dataclass
class Bucket:
    name: str
    client: Any
    moto: Moto

    @property
    def dest(self) -> str:
        return f"s3://{self.name}/{PREFIX}"

    def objects(self) -> dict[str, dict[str, Any]]:
        """Key (below the prefix) -> the object's head: ETag, LastModified, ContentType, CacheControl."""
        listed = self.client.list_objects_v2(Bucket=self.name).get("Contents", [])
        return {
            o["Key"].removeprefix(PREFIX + "/"): self.client.head_object(Bucket=self.name, Key=o["Key"])
            for o in listed
        }

    def body(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=f"{PREFIX}/{key}")["Body"].read()


def aws_env(tmp_path: Path, endpoint: str | None) -> dict[str, str]:
    """Credentials and endpoint for moto, and no trace of the user's own AWS settings."""
    env = {
        "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_CONFIG_FILE": str(tmp_path / "no-aws-config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "no-aws-credentials"),
    }
    if endpoint:
        env["AWS_ENDPOINT_URL"] = endpoint
    return env


@pytest.fixture
def bucket(moto: Moto, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Bucket:
    import boto3

    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL_S3", "AWS_DEFAULT_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in aws_env(tmp_path, moto.endpoint).items():
        monkeypatch.setenv(name, value)
    client = boto3.client("s3")
    name = f"show-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=name)
    moto.reset()
    return Bucket(name, client, moto)


def expected(out: Path) -> dict[str, bytes]:
    return {f.path: f.local.read_bytes() for f in site_files(out)}


def test_publish_sets_content_type_and_cache_control_and_sends_the_feed_last(show: Path, bucket: Bucket) -> None:
    report = publish(show, bucket.dest, base_url=BASE_URL)

    objects = bucket.objects()
    assert set(objects) == set(expected(show)) | {MANIFEST_NAME}
    for key, content in expected(show).items():
        assert bucket.body(key) == content, key
        head = objects[key]
        assert head["ContentType"] == TYPES[key.rsplit(".", 1)[-1]], key
        named_after_the_audio = re.search(r"/[a-z0-9-]+-[0-9a-f]{12}\.[a-z0-9.]+\Z", key) is not None
        assert head["CacheControl"] == (IMMUTABLE if named_after_the_audio else SHORT), key
    assert sum(key.endswith(".mp3") for key in objects) == 2
    assert objects[next(k for k in objects if k.endswith(".mp3"))]["CacheControl"] == IMMUTABLE
    assert objects["feed.xml"]["CacheControl"] == SHORT

    puts = [key.removeprefix(PREFIX + "/") for method, key in bucket.moto.requests(bucket.name) if method == "PUT"]
    assert puts[-2:] == ["feed.xml", MANIFEST_NAME]  # the feed is the last file of the show written
    pages = [i for i, key in enumerate(puts) if key.endswith(".html")]
    media = [i for i, key in enumerate(puts) if key.endswith((".mp3", ".vtt", ".srt", ".png", ".css", ".js"))]
    assert max(media) < min(pages) and max(pages) < puts.index("feed.xml")
    assert sorted(puts[:-1]) == sorted(report.sent)


def test_a_second_publish_sends_nothing_and_touches_nothing(show: Path, bucket: Bucket) -> None:
    publish(show, bucket.dest, base_url=BASE_URL)
    before = {k: (h["ETag"], h["LastModified"]) for k, h in bucket.objects().items()}
    time.sleep(1.1)  # LastModified has one-second steps
    bucket.moto.reset()

    report = publish(show, bucket.dest, base_url=BASE_URL)

    assert report.sent == [] and report.deleted == [] and report.unchanged == len(expected(show))
    assert [method for method, _ in bucket.moto.requests(bucket.name)] == ["GET"]  # the manifest, nothing else
    assert {k: (h["ETag"], h["LastModified"]) for k, h in bucket.objects().items()} == before


def test_remove_then_publish_deletes_that_episode_and_nothing_else(show: Path, bucket: Bucket) -> None:
    bucket.client.put_object(Bucket=bucket.name, Key=f"{PREFIX}/robots.txt", Body=b"not narrate's")
    publish(show, bucket.dest, base_url=BASE_URL)
    before = {k: h["ETag"] for k, h in bucket.objects().items()}
    slug = remove_first_episode(show)
    bucket.moto.reset()

    report = publish(show, bucket.dest, base_url=BASE_URL)

    after = bucket.objects()
    gone = set(before) - set(after)
    assert gone and gone == set(report.deleted)
    assert all(key.startswith(f"episodes/{slug}/") for key in gone)
    assert not [key for key in after if key.startswith(f"episodes/{slug}/")]
    assert "robots.txt" in after  # never narrate's, never deleted
    assert set(report.sent) == {"feed.xml", "index.html"}
    for key, content in expected(show).items():
        assert bucket.body(key) == content
    requests = bucket.moto.requests(bucket.name)
    feed_put = requests.index(("PUT", f"{PREFIX}/feed.xml"))
    deletes = [i for i, (method, _) in enumerate(requests) if method == "DELETE"]
    assert len(deletes) == len(gone) and min(deletes) > feed_put  # deleted only once the new feed is up


def test_a_publish_killed_half_way_then_run_again_ends_complete(show: Path, bucket: Bucket, tmp_path: Path) -> None:
    # SIGKILL after the fifth file: nothing of narrate's own runs on the way out (no manifest is written)
    code = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from narrate.publish.upload import publish\n"
        "def kill(event):\n"
        "    if event.files_done == 5:\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "publish(Path(sys.argv[1]), sys.argv[2], progress=kill)\n"
    )
    killed = subprocess.run([sys.executable, "-c", code, str(show), bucket.dest], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    objects = bucket.objects()
    assert len(objects) == 5 and "feed.xml" not in objects and MANIFEST_NAME not in objects

    # again, as the command, with the endpoint given by --endpoint-url instead of the environment
    env = {**aws_env(tmp_path, None), "AWS_ENDPOINT_URL": ""}
    again = narrate("publish", bucket.dest, "--out", str(show), "--endpoint-url", bucket.moto.endpoint, "--json",
                    env=env)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["sent"] == len(expected(show))
    assert set(bucket.objects()) == set(expected(show)) | {MANIFEST_NAME}
    for key, content in expected(show).items():
        assert bucket.body(key) == content


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("narrate: error: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_a_missing_bucket_is_one_line(show: Path, moto: Moto, tmp_path: Path) -> None:
    result = narrate("publish", "s3://no-such-bucket-here/show", "--out", str(show), env=aws_env(tmp_path, moto.endpoint))
    assert "there is no bucket 'no-such-bucket-here'" in one_line_error(result)


def test_bad_credentials_are_one_line(show: Path, bucket: Bucket, tmp_path: Path) -> None:
    env = {**aws_env(tmp_path, bucket.moto.endpoint), "AWS_ACCESS_KEY_ID": "AKIANOTAREALKEY00000"}
    bucket.moto.post("/moto-api/reset-auth", "0")  # from now on, moto checks every request's credentials
    try:
        result = narrate("publish", bucket.dest, "--out", str(show), env=env)
    finally:
        bucket.moto.post("/moto-api/reset-auth", "inf")
    assert "the access key is not known there" in one_line_error(result)
    assert bucket.objects() == {}


def test_no_credentials_at_all_is_one_line(show: Path, moto: Moto, tmp_path: Path) -> None:
    env = {**aws_env(tmp_path, moto.endpoint), "AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": ""}
    result = narrate("publish", "s3://any-bucket/show", "--out", str(show), env=env)
    assert "no AWS credentials found" in one_line_error(result)


def test_an_unreachable_endpoint_is_one_line(show: Path, tmp_path: Path) -> None:
    require_module("boto3")
    closed = f"http://127.0.0.1:{free_port()}"
    result = narrate("publish", "s3://any-bucket/show", "--out", str(show), "--endpoint-url", closed,
                     env=aws_env(tmp_path, None))
    assert f"cannot reach {closed}" in one_line_error(result)


def test_cors_adds_the_players_rule_once_and_keeps_the_buckets_own(show: Path, bucket: Bucket, tmp_path: Path) -> None:
    """--cors: the rule that lets the player snippet on another site load the audio and captions is
    added to the bucket's rules (its own stay), once; a dry run only says it would be."""
    own = {"AllowedOrigins": ["https://admin.example"], "AllowedMethods": ["PUT"], "AllowedHeaders": ["*"]}
    bucket.client.put_bucket_cors(Bucket=bucket.name, CORSConfiguration={"CORSRules": [own]})

    def rules() -> list[dict[str, Any]]:
        found = bucket.client.get_bucket_cors(Bucket=bucket.name)["CORSRules"]
        return [{k: v for k, v in rule.items() if k in CORS_RULE} for rule in found]

    assert publish(show, bucket.dest, base_url=BASE_URL, dry_run=True, cors=True).cors == "added"
    assert rules() == [own] and bucket.objects() == {}
    report = publish(show, bucket.dest, base_url=BASE_URL, cors=True)
    assert report.cors == "added" and report.to_json()["cors"] == "added"
    assert rules() == [own, CORS_RULE]
    assert set(bucket.objects()) == set(expected(show)) | {MANIFEST_NAME}
    # the store answers a browser's cross-origin range request for the audio with the header it needs
    audio = next(key for key in bucket.objects() if key.endswith(".mp3"))
    url = bucket.client.generate_presigned_url("get_object", Params={"Bucket": bucket.name, "Key": f"{PREFIX}/{audio}"})
    request = urllib.request.Request(url, headers={"Origin": "http://publisher.example", "Range": "bytes=0-99"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 206
        assert response.headers["Access-Control-Allow-Origin"] in ("*", "http://publisher.example")

    env = aws_env(tmp_path, bucket.moto.endpoint)
    result = narrate("publish", bucket.dest, "--out", str(show), "--cors", "--json", env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["cors"] == "present"  # already there: not added twice
    assert rules() == [own, CORS_RULE]
    assert publish(show, bucket.dest, base_url=BASE_URL).cors == ""  # not asked, not looked at


def test_cors_on_a_bucket_without_rules(show: Path, bucket: Bucket, tmp_path: Path) -> None:
    env = aws_env(tmp_path, bucket.moto.endpoint)
    result = narrate("publish", bucket.dest, "--out", str(show), "--cors", env=env)
    assert result.returncode == 0, result.stderr
    assert "CORS: added a bucket rule that lets pages on any site play the audio and captions" in result.stdout
    [rule] = bucket.client.get_bucket_cors(Bucket=bucket.name)["CORSRules"]
    assert {k: v for k, v in rule.items() if k in CORS_RULE} == CORS_RULE
