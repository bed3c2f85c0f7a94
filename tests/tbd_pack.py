"""TST001, a user rule pack of one pattern rule that flags the unfinished marker 待定 (a warning).

The command-line, cache and language-server tests and bench/robustness.py build their folders with
it, so what they check does not depend on which shipped rules exist.
"""

from __future__ import annotations

TBD_RULE = """\
  - code: TST001
    name: tbd-marker
    kind: pattern
    severity: warning
    message: "未完成的标记“{match}”"
    patterns: ['待定']
    doc: {what: a marker, why: unfinished, wrong: 待定, right: 已定, standard: test}
"""


def tbd_pack(name: str, head: str = "", fix: str | None = None) -> str:
    """The pack NAME with TST001: HEAD goes before its rules (``extends: [base.yaml]\\n``); with FIX,
    the rule offers that text for 待定."""
    rule = TBD_RULE if fix is None else TBD_RULE.replace("    doc:", f"    fix: {fix}\n    doc:")
    return f"pack: {name}\n{head}rules:\n{rule}"
