"""Lint many files: in this process, or spread over worker processes (--jobs)."""

from __future__ import annotations

from pathlib import Path

from lint.diagnostics import FileResult
from lint.runner import EngineCache, lint_file


def lint_many(files: list[tuple[Path, str]], cache: EngineCache, jobs: int | None = None,
              use_cache: bool = True) -> list[FileResult]:
    return [lint_file(path, display, cache.engine_for(path)) for path, display in files]
