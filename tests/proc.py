"""gwlint as a real process: run `python -m lint.cli` from this checkout, and read a process's
children and whether it still runs from Linux's /proc (the signal tests of tests/test_robustness.py
and bench/robustness.py: workers must die with their parent)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def gwlint_process(args: list[str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run `python -m lint.cli ARGS` of this checkout in CWD; fail if a traceback escaped."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("GWLINT_DEBUG", None)
    done = subprocess.run(
        [sys.executable, "-m", "lint.cli", *args],
        cwd=cwd,
        env=env,
        timeout=timeout,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    return done


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def alive(pid: int) -> bool:
    """Running (a zombie, or a process that is gone, is not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False
