"""Snapshots of every output format on one fixed input, so any change to a format shows in review.

The input is the house pack and document of tests/workflow_support.py (not the shipped rules, so
new rules do not move the snapshots). After an intended change, rewrite them and read the diff:

    python -m pytest tests/test_snapshots.py --update-snapshots
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from lint.cli import app
from lint.report import FORMATS
from tests.workflow_support import CLEAN, DOCUMENT, write_project

SNAPSHOTS = Path(__file__).with_name("snapshots")
SUFFIX = {
    "concise": "txt",
    "full": "txt",
    "json": "json",
    "sarif": "sarif.json",
    "github": "txt",
    "gitlab": "json",
    "junit": "xml",
    "rdjson": "json",
    "html": "html",
}
# Colour and terminal width must not leak into the snapshots from the environment.
ENV = {"NO_COLOR": None, "FORCE_COLOR": None, "COLUMNS": None, "GWLINT_DEBUG": None}


@pytest.mark.parametrize("fmt", FORMATS)
def test_format_snapshot(fmt, tmp_path, monkeypatch, request):
    write_project(tmp_path, {"doc.txt": DOCUMENT, "clean.txt": CLEAN})
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "doc.txt", "clean.txt", "--format", fmt, "--no-cache"], env=ENV)
    assert result.exit_code == 1, result.output  # HR001 is an error
    snapshot = SNAPSHOTS / f"{fmt}.{SUFFIX[fmt]}"
    if request.config.getoption("--update-snapshots"):
        snapshot.write_text(result.stdout, encoding="utf-8")
    assert snapshot.is_file(), f"no snapshot yet: run pytest {__file__} --update-snapshots"
    assert result.stdout == snapshot.read_text(encoding="utf-8")
