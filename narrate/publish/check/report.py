"""What a check finds: each :class:`Problem` (code, severity, where, message, fix) and the
:class:`CheckReport` that lists them for one feed."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ERROR", "WARNING", "CheckReport", "Problem"]

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing a podcast app or directory would refuse or mishandle."""

    code: str
    """A stable identifier, e.g. ``"artwork-size"``."""
    severity: str
    """``"error"`` (directories refuse the feed or the episode) or ``"warning"`` (recommended)."""
    where: str
    """``"channel"``, an item (``item "Title"``), or a file of the output folder."""
    message: str
    """What is wrong, with the values, on one line."""
    fix: str
    """What to do about it, on one line."""

    def __str__(self) -> str:
        return f"{self.severity} [{self.code}] {self.where}: {self.message} ({self.fix})"


@dataclass(frozen=True)
class CheckReport:
    """Everything found wrong with one feed."""

    feed: str
    """What was checked: the feed file's path or the URL."""
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def ok(self) -> bool:
        """True when nothing would make a directory refuse the feed (warnings allowed)."""
        return not self.errors
