"""Where a command's report goes: stdout (in colour at a terminal) or the file of --output.

`gwlint check` and `gwlint audit` print through these, so both choose the format, colour and
destination the same way.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from lint.choices import OutputFormat
from lint.errors import UsageError


def stdout_is_tty() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # replaced or closed stdout
        return False


def default_format(output: Path | None) -> OutputFormat:
    """Without --format: the full report for a person at a terminal, concise lines otherwise."""
    return OutputFormat.FULL if stdout_is_tty() and output is None else OutputFormat.CONCISE


def use_color(output: Path | None) -> bool:
    """Colour only on a terminal; NO_COLOR wins over FORCE_COLOR, and a report file never has it."""
    if os.environ.get("NO_COLOR") or output is not None:
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stdout_is_tty()


def emit(text: str, output: Path | None) -> None:
    """The text into the --output file (replacing it), or onto stdout when there is none."""
    if output is not None:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write report: {exc.strerror or exc}", str(output)) from None
        return
    if text:
        sys.stdout.write(text)
        sys.stdout.flush()


def emit_bytes(data: bytes) -> None:
    """Bytes as they are (a patch or a fixed text keeps the file's own encoding)."""
    if data:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
