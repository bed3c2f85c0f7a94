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


class InternalError(Exception):
    """A bug inside gwlint while checking one file: a rule, or a step before the rules, raised.

    Never the user's doing and never fatal to the run: it becomes one LINT002 finding on that
    file naming ``where`` (a rule code, or the step), and the other rules and files go on.
    """

    def __init__(self, where: str, cause: BaseException):
        super().__init__(f"{where}: {type(cause).__name__}: {cause}")
        self.where = where
        self.cause = cause

    @property
    def summary(self) -> str:
        return f"{type(self.cause).__name__}: {self.cause}"
