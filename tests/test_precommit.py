"""The pre-commit hook, end to end: pre-commit installs this project and runs `gwlint` on a repo.

`pre-commit try-repo` clones the hook repository at HEAD, so the working tree is copied into a
temporary git repository and committed there first: the test checks the code as it is now.
pre-commit builds a virtualenv and pip-installs the copy (PyPI must be reachable); that takes a
while, so the two runs share one PRE_COMMIT_HOME and the second reuses the environment.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.workflow_support import CLEAN, DOCUMENT, write_project

TIMEOUT = 900  # seconds for one pre-commit run, most of it the first virtualenv and pip install
COPY_IGNORE = shutil.ignore_patterns(
    ".git",
    "__pycache__",
    "*.pyc",
    "*.egg-info",
    "build",
    "dist",
    ".pytest_cache",
    ".gwlint_cache",
    ".hypothesis",
    ".benchmarks",
    ".venv",
    "venv",
    ".tox",
    ".mypy_cache",
    ".ruff_cache",
)
GIT_IDENTITY = ["-c", "user.name=gwlint tests", "-c", "user.email=tests@gwlint.invalid", "-c", "commit.gpgsign=false"]


def _pre_commit() -> list[str]:
    if importlib.util.find_spec("pre_commit") is not None:
        return [sys.executable, "-m", "pre_commit"]
    found = shutil.which("pre-commit")
    if found is None:
        pytest.skip("pre-commit is not installed")
    return [found]


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *GIT_IDENTITY, *args], cwd=cwd, check=True, capture_output=True, text=True)


def _commit_all(repo: Path) -> None:
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "--no-verify", "-m", "snapshot")


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT)


def _docx(path: Path, paragraphs: list[str]) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))


def test_hook_fails_on_findings_and_passes_clean_documents(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    pre_commit = _pre_commit()

    hook_repo = tmp_path / "gwlint"
    shutil.copytree(ROOT, hook_repo, ignore=COPY_IGNORE, symlinks=True)
    _commit_all(hook_repo)

    documents = tmp_path / "documents"
    documents.mkdir()
    write_project(
        documents, {"bad.txt": DOCUMENT, "clean.txt": CLEAN, "data.csv": "经费,待定\n"}
    )  # not a document: the hook must not see it
    _docx(documents / "bad.docx", ["关于2024年工作的总结", "完成时间待定。"])
    _docx(documents / "clean.docx", ["关于2024年工作的总结", "完成时间为6月30日。"])
    _commit_all(documents)

    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "NO_COLOR": "1",
        "PRE_COMMIT_COLOR": "never",
    }

    def try_repo(*files: str) -> subprocess.CompletedProcess:
        selection = ["--files", *files] if files else ["--all-files"]
        return _run(
            [*pre_commit, "try-repo", str(hook_repo), "gwlint", "--color", "never", "--verbose", *selection],
            documents,
            env,
        )

    everything = try_repo()
    output = everything.stdout + everything.stderr
    assert everything.returncode == 1, output
    assert "bad.txt:4:5: error: 未完成的标记“待定”（本行共2处） [HR001]" in output
    assert "bad.docx:2:5: error: 未完成的标记“待定” [HR001]" in output  # .docx reaches the hook
    assert "clean.txt:" not in output and "clean.docx:" not in output
    assert "data.csv" not in output

    clean = try_repo("clean.txt", "clean.docx")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout


def _readme_local_hook() -> str:
    """The first YAML block of the README's pre-commit section, exactly as a user copies it."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### pre-commit") :]
    return re.search(r"```yaml\n(.*?)```", section, re.S).group(1)


def test_readme_local_hook_works_as_written(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    pre_commit = _pre_commit()
    snippet = _readme_local_hook()
    assert "repo: local" in snippet
    bin_dir = str(Path(sys.executable).parent)  # where `pip install` put the gwlint script
    if shutil.which("gwlint", path=bin_dir + os.pathsep + os.environ.get("PATH", "")) is None:
        pytest.skip("no gwlint script installed")
    write_project(tmp_path, {"bad.txt": DOCUMENT, "clean.txt": CLEAN})
    (tmp_path / ".pre-commit-config.yaml").write_text(snippet, encoding="utf-8")
    _commit_all(tmp_path)
    env = {
        **os.environ,
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        "NO_COLOR": "1",
        "PRE_COMMIT_HOME": str(tmp_path / ".pre-commit-home"),
    }
    hook = [*pre_commit, "run", "gwlint", "--all-files", "--color", "never"]
    run = _run(hook, tmp_path, env)
    output = run.stdout + run.stderr
    assert run.returncode == 1, output
    assert "bad.txt:4:5: error:" in output and "[HR001]" in output
    (tmp_path / "bad.txt").write_text(CLEAN, encoding="utf-8")
    _git(tmp_path, "add", "-A")
    clean = _run(hook, tmp_path, env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
