"""`gwlint check --fix` and `--diff` on real files: only the fixed spans change, nothing else.

Every file holds the same defects (half-width marks, straight quotes, a doubled comma, stray and
trailing spaces, a full-width ％ beside %, a stray space inside a half-width-mark fix) and lines that must survive byte for byte (a scale,
a time, a decimal). The expected result is written out by hand below, not produced by the tool.
"""

from __future__ import annotations

import codecs
import difflib
from collections import Counter

import pytest
from typer.testing import CliRunner

from lint.cli import app

ORIGINAL = [
    "2022年工作要点",
    "完成专家评审,修改完善后形成成果稿。  ",
    "共办理不动产登记 45942 件，完成土地供应，，面积806亩。",
    "落实自然资源\"两统一\"职责，增长5％，占比30%。",
    "保持不变：1:500比例尺，时间9:30，增长1.5%。",
    "东栅片区(中央公园东)详细规划。",
    "今年以来,在市委 领导下,推进改革。",
]
FIXED = [
    "2022年工作要点",
    "完成专家评审，修改完善后形成成果稿。",
    "共办理不动产登记45942件，完成土地供应，面积806亩。",
    "落实自然资源“两统一”职责，增长5%，占比30%。",
    "保持不变：1:500比例尺，时间9:30，增长1.5%。",
    "东栅片区（中央公园东）详细规划。",
    "今年以来，在市委领导下，推进改革。",
]
# The edits, as (line index, original text, replacement): everything else must be untouched.
EDITS = Counter([
    (1, ",", "，"), (1, "  ", ""),
    (2, " ", ""), (2, " ", ""), (2, "，", ""),
    (3, '"', "“"), (3, '"', "”"), (3, "％", "%"),
    (5, "(", "（"), (5, ")", "）"),
    (6, ",", "，"), (6, " ", ""), (6, ",", "，"),  # overlapping fixes: applied over two passes
])
SELECT = ["--select", "PUNC,FMT,NUM"]

ENCODINGS = {
    "utf-8": ("utf-8", b"", "\n"),
    "utf-8-bom": ("utf-8", codecs.BOM_UTF8, "\n"),
    "gb18030": ("gb18030", b"", "\n"),
    "utf-8-crlf": ("utf-8", b"", "\r\n"),
    "gb18030-crlf": ("gb18030", b"", "\r\n"),
}


def _encode(lines: list[str], encoding: str, bom: bytes, newline: str) -> bytes:
    return bom + (newline.join(lines) + newline).encode(encoding)


def _run(*args: str):
    return CliRunner().invoke(app, ["check", *args, *SELECT, "--format", "concise", "--no-cache"])


@pytest.fixture(params=sorted(ENCODINGS))
def case(request, tmp_path):
    encoding, bom, newline = ENCODINGS[request.param]
    path = tmp_path / "draft.txt"
    path.write_bytes(_encode(ORIGINAL, encoding, bom, newline))
    return path, encoding, bom, newline


def test_expected_edits_describe_exactly_the_difference():
    """The hand-written FIXED differs from ORIGINAL by the listed edits and nothing else."""
    found: Counter = Counter()
    for index, (before, after) in enumerate(zip(ORIGINAL, FIXED)):
        matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
        for tag, a1, a2, b1, b2 in matcher.get_opcodes():
            if tag != "equal":
                found[(index, before[a1:a2], after[b1:b2])] += 1
    assert found == EDITS


def test_fix_changes_only_the_defects_and_keeps_the_encoding(case):
    path, encoding, bom, newline = case
    original = path.read_bytes()
    result = _run(str(path), "--fix")
    assert result.exit_code in (0, 1), result.output
    fixed = path.read_bytes()
    assert fixed == _encode(FIXED, encoding, bom, newline)
    assert fixed.startswith(bom) and (not bom or not fixed[len(bom):].startswith(bom))
    assert fixed.count(b"\r\n") == original.count(b"\r\n")
    # Byte for byte, every line without a defect is untouched.
    old_lines = original[len(bom):].split(newline.encode())
    new_lines = fixed[len(bom):].split(newline.encode())
    assert len(old_lines) == len(new_lines)
    touched = {index for index, _, _ in EDITS}
    for index, (old, new) in enumerate(zip(old_lines, new_lines)):
        if index not in touched:
            assert old == new, f"line {index + 1} changed"


def test_fix_is_idempotent(case):
    path, *_ = case
    _run(str(path), "--fix")
    once = path.read_bytes()
    _run(str(path), "--fix")
    assert path.read_bytes() == once
    again = _run(str(path), "--diff")
    assert "--- a/" not in again.output


def test_diff_prints_a_unified_diff_and_writes_nothing(case):
    path, *_ = case
    original = path.read_bytes()
    result = _run(str(path), "--diff")
    assert path.read_bytes() == original
    assert result.exit_code == 1
    out = result.output
    assert f"--- a/{path}" in out and f"+++ b/{path}" in out
    assert "-完成专家评审,修改完善后形成成果稿。" in out
    assert "+完成专家评审，修改完善后形成成果稿。" in out
    assert "+落实自然资源“两统一”职责，增长5%，占比30%。" in out
    assert "保持不变" not in "".join(line for line in out.splitlines() if line.startswith(("-", "+"))
                                   and not line.startswith(("---", "+++")))
