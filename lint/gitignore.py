"""`.gitignore` files, as git reads them, for the folder walk of `gwlint check` (with pathspec).

The files that apply are those from the repository's top folder (the one holding `.git`) down
to each checked path; without a repository, those at and below the walked folder. A later,
deeper pattern wins over an earlier one, negations (`!keep.txt`) included.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


class GitIgnores:
    def __init__(self, root: Path):
        root = root.absolute()
        self.top = next((folder for folder in (root, *root.parents) if (folder / ".git").exists()), root)
        self._specs: dict[Path, Any] = {}

    def _spec(self, folder: Path) -> Any:
        if folder not in self._specs:
            spec = None
            try:
                lines = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                lines = []
            if lines:
                import pathspec

                spec = pathspec.GitIgnoreSpec.from_lines(lines)
            self._specs[folder] = spec
        return self._specs[folder]

    def ignored(self, path: Path, is_dir: bool = False) -> bool:
        path = path.absolute()
        try:
            relative = path.relative_to(self.top)
        except ValueError:
            return False
        decision = None
        folder = self.top
        for part in (None, *relative.parts[:-1]):
            if part is not None:
                folder = folder / part
            spec = self._spec(folder)
            if spec is None:
                continue
            name = path.relative_to(folder).as_posix() + ("/" if is_dir else "")
            include = spec.check_file(name).include
            if include is not None:
                decision = include
        return bool(decision)
