"""Errors that stop the tool (exit status 2). Never shown as a traceback."""

from __future__ import annotations


class UsageError(Exception):
    """The tool cannot do its job: bad option, bad config or pack, missing path.

    ``path`` and ``line`` name where the problem is, when known.
    """

    def __init__(self, cause: str, path: str | None = None, line: int | None = None):
        super().__init__(cause)
        self.cause = cause
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.cause}"
