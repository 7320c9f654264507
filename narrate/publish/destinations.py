"""Where ``narrate publish`` puts a show: an S3-compatible bucket, a folder over SFTP, or a local folder.

All three sit behind :class:`Destination`, four calls on paths relative to the destination's root
(``episodes/<slug>/<file>``, ``feed.xml``): :meth:`~Destination.get` (the manifest),
:meth:`~Destination.put`, :meth:`~Destination.delete` and :meth:`~Destination.close`.
:func:`open_destination` picks one from the text the user gave:

* ``s3://bucket/prefix``: boto3, with the credentials, region and endpoint of the standard AWS chain
  (``AWS_ACCESS_KEY_ID``/``AWS_SECRET_ACCESS_KEY``, ``AWS_PROFILE``, ``~/.aws/…``, ``AWS_ENDPOINT_URL``
  for R2, B2, MinIO and the like), or ``endpoint_url`` given here. Every object is sent with its
  Content-Type and Cache-Control (S3 stores what the upload says, and guesses nothing).
* ``sftp://[user@]host[:port]/path``: paramiko, with the host's settings from ``~/.ssh/config``
  (HostName, User, Port, IdentityFile, ProxyCommand), keys from the SSH agent, that file or
  ``~/.ssh/id_*``, and the host key checked against ``~/.ssh/known_hosts`` (an unknown host is refused).
  ``sftp://host/~/public_html`` is relative to the login folder.
* anything without ``://``: a folder on this computer (a web server's document root, a mounted share).

Each file lands whole: SFTP and local files are written under a temporary name and renamed, and an S3
object appears only once its upload is complete. boto3 and paramiko are optional extras
(``narrate[s3]``, ``narrate[sftp]``), imported only when such a destination is used.
"""

from __future__ import annotations

import errno
import getpass
import os
import posixpath
import shutil
import socket
import stat
from pathlib import Path
from typing import Any, BinaryIO, Protocol
from urllib.parse import unquote, urlsplit

from ..errors import PublishError
from ..fsutil import TEMP_PREFIX, atomic_path

__all__ = ["CORS_RULE", "Destination", "LocalFolder", "S3Bucket", "SftpFolder", "open_destination"]

CONNECT_SECONDS = 15
"""How long to wait for a server to answer a connection before giving up."""
CORS_RULE: dict[str, Any] = {
    "ID": "narrate-players",
    "AllowedOrigins": ["*"],
    "AllowedMethods": ["GET", "HEAD"],
    "AllowedHeaders": ["*"],
    "ExposeHeaders": ["Content-Length", "Content-Range", "Accept-Ranges", "ETag", "Last-Modified"],
    "MaxAgeSeconds": 86400,
}
"""The bucket CORS rule ``narrate publish --cors`` adds (README, "Publishing", shows it as JSON): a
page on any site may read the show's files, as the player snippet pasted into a publisher's page does
(``<audio crossorigin>`` and its captions track, with byte ranges) and web podcast players do."""


class Destination(Protocol):
    url: str
    """Where the files go, as shown to the user (no secrets in it)."""

    def get(self, path: str) -> bytes | None:
        """The file's bytes, or None when there is no such file."""

    def put(self, path: str, data: BinaryIO, *, size: int, content_type: str, cache_control: str) -> None:
        """Store ``data`` (``size`` bytes) at ``path``, replacing what was there in one step."""

    def delete(self, path: str) -> None:
        """Remove the file at ``path``; a file that is already gone is not an error."""

    def close(self) -> None:
        """Let go of connections."""


def open_destination(target: str, *, endpoint_url: str | None = None) -> Destination:
    """The destination ``target`` names; PublishError (one line) when it cannot be reached or used."""
    if "://" not in target:
        if endpoint_url:
            raise PublishError("--endpoint-url is only for s3:// destinations")
        return LocalFolder(Path(target))
    scheme = target.split("://", 1)[0].lower()
    if endpoint_url and scheme != "s3":
        raise PublishError("--endpoint-url is only for s3:// destinations")
    if scheme == "s3":
        return S3Bucket(target, endpoint_url=endpoint_url)
    if scheme == "sftp":
        return SftpFolder(target)
    if scheme == "file":
        return LocalFolder(Path(unquote(urlsplit(target).path)))
    raise PublishError(
        f"cannot publish to {target}: give s3://bucket/prefix, sftp://user@host/path or a folder"
    )


def _missing_extra(module: str, extra: str, scheme: str) -> PublishError:
    return PublishError(f"publishing to {scheme}:// needs {module}: pip install 'narrate[{extra}]'")


def _join(root: str, path: str) -> str:
    return posixpath.join(root, path) if root else path


# --- a local folder ---------------------------------------------------------------------------------------


class LocalFolder:
    """A folder on this computer. Files are copied under a temporary name and renamed into place."""

    def __init__(self, root: Path) -> None:
        self.root = root.expanduser()
        self.url = str(self.root)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise PublishError(f"cannot create {self.root}: {exc.strerror or exc}") from exc
        if not self.root.is_dir():
            raise PublishError(f"{self.root} is not a folder")

    def get(self, path: str) -> bytes | None:
        try:
            return (self.root / path).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise PublishError(f"cannot read {self.root / path}: {exc.strerror or exc}") from exc

    def put(self, path: str, data: BinaryIO, *, size: int, content_type: str, cache_control: str) -> None:
        target = self.root / path
        try:
            with atomic_path(target) as temp, temp.open("wb") as handle:
                shutil.copyfileobj(data, handle, 1024 * 1024)
        except OSError as exc:
            raise PublishError(f"cannot write {target}: {exc.strerror or exc}") from exc

    def delete(self, path: str) -> None:
        target = self.root / path
        try:
            target.unlink(missing_ok=True)
        except OSError as exc:
            raise PublishError(f"cannot delete {target}: {exc.strerror or exc}") from exc
        parent = target.parent
        while parent != self.root and self.root in parent.parents:  # folders the file leaves empty
            try:
                parent.rmdir()
            except OSError:
                break
            parent = parent.parent

    def close(self) -> None:
        pass


# --- S3-compatible storage --------------------------------------------------------------------------------


class S3Bucket:
    """A bucket (and a key prefix) of any S3-compatible store, through boto3."""

    def __init__(self, target: str, *, endpoint_url: str | None = None) -> None:
        try:
            import boto3
            from botocore.config import Config
        except ImportError:
            raise _missing_extra("boto3", "s3", "s3") from None
        parts = urlsplit(target)
        self.bucket = parts.netloc
        self.prefix = parts.path.strip("/")
        self.url = f"s3://{self.bucket}/{self.prefix}".rstrip("/")
        if not self.bucket:
            raise PublishError(f"{target}: no bucket (give s3://bucket/prefix)")
        try:
            session = boto3.session.Session()
            self.client = session.client(
                "s3",
                endpoint_url=endpoint_url or None,
                config=Config(connect_timeout=CONNECT_SECONDS, read_timeout=60),
            )
        except Exception as exc:  # botocore raises ValueError for a bad URL, BotoCoreError for a bad profile
            raise PublishError(f"{self.url}: {exc}") from exc
        self.endpoint = self.client.meta.endpoint_url

    def _key(self, path: str) -> str:
        return _join(self.prefix, path)

    def _error(self, exc: Exception, doing: str) -> PublishError:
        """One line for what boto3 raised."""
        from botocore.exceptions import ClientError, EndpointConnectionError, NoCredentialsError

        where = f"{self.url} at {self.endpoint}"
        if isinstance(exc, NoCredentialsError):
            return PublishError(
                f"{where}: no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
                "or AWS_PROFILE (a profile in ~/.aws/credentials)"
            )
        if isinstance(exc, EndpointConnectionError):
            return PublishError(f"cannot reach {self.endpoint} ({where}): is the endpoint URL right?")
        if isinstance(exc, ClientError):
            error = exc.response.get("Error", {})
            code = str(error.get("Code", ""))
            reasons = {
                "NoSuchBucket": f"there is no bucket '{self.bucket}' at {self.endpoint}",
                "InvalidAccessKeyId": "the access key is not known there: check AWS_ACCESS_KEY_ID or the profile",
                "SignatureDoesNotMatch": "the secret key does not match the access key: check "
                "AWS_SECRET_ACCESS_KEY or the profile",
                "AccessDenied": "access denied: the credentials may not use this bucket",
                "403": "access denied: check the credentials and that they may use this bucket",
                "404": f"there is no bucket '{self.bucket}' at {self.endpoint}",
            }
            reason = reasons.get(code) or f"{code}: {error.get('Message') or exc}"
            return PublishError(f"{where}: {doing}: {reason}")
        return PublishError(f"{where}: {doing}: {exc}")

    def get(self, path: str) -> bytes | None:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            response = self.client.get_object(Bucket=self.bucket, Key=self._key(path))
            return response["Body"].read()
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") == "NoSuchKey":
                return None
            raise self._error(exc, f"reading {path}") from None
        except BotoCoreError as exc:
            raise self._error(exc, f"reading {path}") from None

    def put(self, path: str, data: BinaryIO, *, size: int, content_type: str, cache_control: str) -> None:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            self.client.put_object(
                Bucket=self.bucket, Key=self._key(path), Body=data, ContentLength=size,
                ContentType=content_type, CacheControl=cache_control,
            )
        except (BotoCoreError, ClientError) as exc:
            raise self._error(exc, f"sending {path}") from None

    def delete(self, path: str) -> None:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            self.client.delete_object(Bucket=self.bucket, Key=self._key(path))
        except (BotoCoreError, ClientError) as exc:
            raise self._error(exc, f"deleting {path}") from None

    def allow_cross_origin(self, *, dry_run: bool = False) -> bool:
        """Add :data:`CORS_RULE` to the bucket's CORS rules (the others stay), unless one of them already
        lets every origin GET and HEAD. True when the rules were (on a dry run: would be) changed."""
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            rules = self.client.get_bucket_cors(Bucket=self.bucket).get("CORSRules", [])
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") != "NoSuchCORSConfiguration":
                raise self._error(exc, "reading the bucket's CORS rules") from None
            rules = []
        except BotoCoreError as exc:
            raise self._error(exc, "reading the bucket's CORS rules") from None
        if any("*" in rule.get("AllowedOrigins", []) and {"GET", "HEAD"} <= set(rule.get("AllowedMethods", []))
               for rule in rules):
            return False
        if not dry_run:
            try:
                self.client.put_bucket_cors(Bucket=self.bucket, CORSConfiguration={"CORSRules": [*rules, CORS_RULE]})
            except (BotoCoreError, ClientError) as exc:
                raise self._error(exc, "setting the bucket's CORS rules") from None
        return True

    def close(self) -> None:
        self.client.close()


# --- SFTP -------------------------------------------------------------------------------------------------


class SftpFolder:
    """A folder on a host reached over SSH, through paramiko; settings and keys as OpenSSH's ``ssh`` finds them."""

    def __init__(self, target: str) -> None:
        try:
            import paramiko
        except ImportError:
            raise _missing_extra("paramiko", "sftp", "sftp") from None
        parts = urlsplit(target)
        if not parts.hostname:
            raise PublishError(f"{target}: no host (give sftp://user@host/path)")
        try:
            port = parts.port
        except ValueError:
            raise PublishError(f"{target}: the port is not a number") from None
        alias = parts.hostname
        settings = _ssh_config(alias)
        self.host = settings.get("hostname", alias)
        self.port = port or int(settings.get("port", 22))
        self.user = unquote(parts.username) if parts.username else settings.get("user") or getpass.getuser()
        path = unquote(parts.path) or "/"
        self.root = path[3:] if path.startswith("/~/") else "." if path == "/~" else path
        self.root = self.root.rstrip("/") or "/"
        self.url = f"sftp://{self.user}@{alias}" + (f":{port}" if port else "") + (parts.path or "/")
        where = f"{self.user}@{self.host}:{self.port}"

        self.ssh = paramiko.SSHClient()
        try:
            self.ssh.load_system_host_keys()
            for known in settings.get("userknownhostsfile", "").split():
                known = os.path.expanduser(known)
                if os.path.isfile(known):
                    self.ssh.load_host_keys(known)
        except OSError as exc:
            raise PublishError(f"cannot read the known hosts file: {exc}") from exc
        self.ssh.set_missing_host_key_policy(paramiko.RejectPolicy())
        keys = [os.path.expanduser(k) for k in settings.get("identityfile", [])]
        proxy = paramiko.ProxyCommand(settings["proxycommand"]) if settings.get("proxycommand") else None
        try:
            self.ssh.connect(
                self.host, port=self.port, username=self.user, key_filename=[k for k in keys if os.path.isfile(k)] or None,
                allow_agent=True, look_for_keys=True, timeout=CONNECT_SECONDS, banner_timeout=CONNECT_SECONDS,
                auth_timeout=CONNECT_SECONDS, sock=proxy,
            )
            self.sftp = self.ssh.open_sftp()
        except paramiko.BadHostKeyException:
            self.ssh.close()
            raise PublishError(
                f"{where}: the host's key is not the one in ~/.ssh/known_hosts: it changed, or someone is in between"
            ) from None
        except paramiko.AuthenticationException:
            self.ssh.close()
            raise PublishError(
                f"{where}: no key was accepted (tried the SSH agent, ~/.ssh/config's IdentityFile and ~/.ssh/id_*)"
            ) from None
        except paramiko.SSHException as exc:
            self.ssh.close()
            if "known_hosts" in str(exc):
                raise PublishError(
                    f"{where}: the host is not in ~/.ssh/known_hosts: connect once with ssh to check and accept its key"
                ) from None
            raise PublishError(f"{where}: {exc}") from None
        except (OSError, socket.timeout) as exc:
            self.ssh.close()
            raise PublishError(f"cannot connect to {where}: {exc.strerror or exc}") from None
        try:
            self.sftp.stat(self.root)
        except OSError:
            self._makedirs(self.root)
        self._made: set[str] = {self.root}

    def _remote(self, path: str) -> str:
        return posixpath.join(self.root, path)

    def _error(self, exc: OSError, doing: str) -> PublishError:
        return PublishError(f"{self.url}: {doing}: {exc.strerror or exc}")

    def _makedirs(self, folder: str) -> None:
        parts = folder.split("/")
        for end in range(1, len(parts) + 1):
            current = "/".join(parts[:end])
            if not current or current in (".", "~"):
                continue
            try:
                mode = self.sftp.stat(current).st_mode or 0
            except OSError:
                try:
                    self.sftp.mkdir(current)
                except OSError as exc:
                    raise self._error(exc, f"creating {current}") from None
                continue
            if not stat.S_ISDIR(mode):
                raise PublishError(f"{self.url}: {current} is not a folder")

    def get(self, path: str) -> bytes | None:
        try:
            with self.sftp.open(self._remote(path), "rb") as handle:
                return handle.read()
        except OSError as exc:
            if exc.errno == errno.ENOENT:
                return None
            raise self._error(exc, f"reading {path}") from None

    def put(self, path: str, data: BinaryIO, *, size: int, content_type: str, cache_control: str) -> None:
        remote = self._remote(path)
        folder, name = posixpath.split(remote)
        if folder not in self._made:
            self._makedirs(folder)
            self._made.add(folder)
        temp = posixpath.join(folder, f"{TEMP_PREFIX}{name}")
        try:
            self.sftp.putfo(data, temp, file_size=size, confirm=True)
            self.sftp.posix_rename(temp, remote)
        except OSError as exc:
            self._forget(temp)
            raise self._error(exc, f"sending {path}") from None
        except BaseException:
            self._forget(temp)
            raise

    def _forget(self, remote: str) -> None:
        try:
            self.sftp.remove(remote)
        except Exception:  # nosec B110 # best effort: the connection may be what failed
            pass

    def delete(self, path: str) -> None:
        remote = self._remote(path)
        try:
            self.sftp.remove(remote)
        except OSError as exc:
            if exc.errno != errno.ENOENT:
                raise self._error(exc, f"deleting {path}") from None
        folder = posixpath.dirname(remote)
        while folder != self.root and folder.startswith(self.root.rstrip("/") + "/"):  # folders left empty
            try:
                self.sftp.rmdir(folder)
            except OSError:
                break
            self._made.discard(folder)
            folder = posixpath.dirname(folder)

    def close(self) -> None:
        self.ssh.close()


def _ssh_config(alias: str) -> dict[str, Any]:
    """``~/.ssh/config``'s settings for ``alias`` (lower-case keys), as OpenSSH would apply them."""
    import paramiko

    path = os.path.expanduser("~/.ssh/config")
    if not os.path.isfile(path):
        return {}
    try:
        return dict(paramiko.SSHConfig.from_path(path).lookup(alias))
    except (OSError, paramiko.SSHException, ValueError) as exc:
        raise PublishError(f"cannot read {path}: {exc}") from exc
