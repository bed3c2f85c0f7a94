"""`gwlint init`: write a commented .gwlint.yaml with the default settings (never overwrite one)."""

from __future__ import annotations

from pathlib import Path

from lint.errors import UsageError

TEMPLATE = """\
# gwlint configuration. Every key is optional; the values below are the defaults.
# `gwlint check --show-settings FILE` prints what applies to FILE.

# Which rules run. Without `select` the preset decides: `default` is what a reviewer acts on;
# `pedantic` adds the rules that are right but rarely acted on (亩/斤 as non-legal units,
# stray spaces, targets without a deadline …).
preset: default
# select: [ALL]                # codes or prefixes instead of the preset; ALL is every rule
# extend-select: [UNIT001]     # add rules to the selection
# ignore:
#   - FMT001                   # a code or prefix …
#   - {path: "archive/**", code: PUNC001, match: "^,$"}   # … or a targeted suppression
# severity: {OUT004: info}     # change a rule's severity
# per-file-ignores: {"drafts/*": [PH]}
# kind: {"plans/*": plan}      # document kind by path (default: detected from the text)
# packs: [house-rules.yaml]    # your own YAML rule packs, relative to this file
# exclude: ["drafts/old/**"]   # besides .gitignore and build folders
# pairs:                       # audit each summary against the plan it answers (CONS010…)
#   - {plan: "要点/{year}年工作要点.docx", summary: "总结/{year}年工作总结.docx"}

# Which findings are shown, and which fail the run (exit status 1).
min-severity: info             # error | warning | info
fail-on: error                 # error | warning | info
lang: zh                       # messages and rule documentation: zh | en
"""

CONFIG_FILE = ".gwlint.yaml"


def run_init(directory: Path) -> int:
    target = directory / CONFIG_FILE
    if target.exists():
        raise UsageError("already exists; not overwritten (edit it, or remove it first)", str(target))
    try:
        target.write_text(TEMPLATE, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write: {exc.strerror or exc}", str(target)) from None
    print(f"Wrote {target}")
    return 0
