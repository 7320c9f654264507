"""The one error tree of narrate.

Every exception derived from :class:`NarrateError` carries a message written for the person at the
keyboard: the CLI prints it as a single line and exits non-zero, without a traceback. Anything else
escaping the library is a bug.
"""

from __future__ import annotations

import re


class NarrateError(Exception):
    """An error to be shown to the user as one line."""

    def __str__(self) -> str:  # never let a multi-line message reach the terminal
        return re.sub(r"\s*[\r\n]+\s*", " ", super().__str__()).strip()


class InputError(NarrateError, ValueError):
    """An article could not be read: missing, empty, binary, undecodable."""


class ConfigError(NarrateError, ValueError):
    """A config file or voice preset is missing, malformed or has a bad value."""


class EngineError(NarrateError, RuntimeError):
    """A text-to-speech engine is unknown, unavailable, or failed to speak a chunk."""


class OutputError(NarrateError, OSError):
    """The output folder or one of its files could not be written."""


class PublishError(NarrateError, OSError):
    """A publishing destination could not be reached, read or written (credentials, bucket, host, path)."""


class DownloadError(NarrateError, OSError):
    """A voice could not be downloaded or installed: the host cannot be reached, the transfer stopped,
    or what arrived does not match the checksum it must have."""
