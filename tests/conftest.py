"""Shared fixtures: paths to the project, its seeds, and the shared corpus/schemas (may be absent);
every test runs hermetically (no colour, width or gwlint variables from the caller's shell, and a
temporary working folder)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SCHEMAS = SHARED / "schemas"

# Variables of the caller's shell that change what gwlint or rich print.
CALLER_VARIABLES = (
    "NO_COLOR",
    "FORCE_COLOR",
    "COLUMNS",
    "LINES",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "TERM",
)


@pytest.fixture(scope="session")
def user_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the session (the rule-table cache), not the caller's."""
    return tmp_path_factory.mktemp("user-cache")


@pytest.fixture(autouse=True)
def hermetic(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, user_cache: Path) -> None:
    """The caller's environment, working folder and cache folder never reach a test (subprocesses
    inherit the cleaned environment); a test that needs a variable or a folder sets it itself."""
    for name in list(os.environ):
        if name in CALLER_VARIABLES or name.startswith("GWLINT_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("XDG_CACHE_HOME", str(user_cache))
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    files = sorted(CORPUS.glob("*.txt"))
    if not files:
        pytest.skip("../shared/corpus has no documents")
    return files


def seed(prefix: str) -> Path:
    """A seed by its numeric prefix, e.g. seed("003")."""
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    assert matches, f"seed {prefix} missing"
    return matches[0]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-snapshots",
        action="store_true",
        help="Rewrite tests/snapshots/ from the current output (then review the diff).",
    )
