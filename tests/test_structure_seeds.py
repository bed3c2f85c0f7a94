"""The OUT/SEC/META findings a careful editor agrees with in the five seeds, found by reading them.

Why each one is expected (and what was read and judged *not* to be a finding):
- 000: a 2021 summary with a 2022 plan half (二、2022年工作计划) and no 存在问题 anywhere: SEC002 at the
  plan heading. Its run-in 一是…八是 lists count on without a gap; no title, no 红头.
- 001: a 印发 notice with a correct 红头 (嘉自然资规发〔2022〕24号, 2022年3月2日, 主送 ending in ：).
  The quoted title differs from the carried one only by a stray space (FMT, not META009). "(一)"
  (line 33) is half-width among （二）…（七）: OUT007. "3. 突出" versus "1.突出" is spacing, not a
  marker form. 总体要求 / 主要目标 / 重点工作 are all there.
- 002: a news feature (article): no numbered outline, SEC off, no 红头.
- 003: "总结和…思路": the summary half reports results but no problems (存在问题 occurs only as
  "收集问题的推进情况及存在问题", a work item): SEC002 at 二、2025年工作思路. Its (一) markers are
  half-width throughout — consistent, so no OUT007. The plan half states targets ((一)六项重点指标).
- 004: 二、存在的主要问题 is numbered 1. 2. right under 二、, skipping （一）, which the rest of the
  document uses: OUT004. 成效, 问题 and 打算 are all there; the 打算 half states a target (1800亩以上).
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.proc import ROOT, gwlint_process

EXPECTED = {
    "000": {("SEC002", 17)},
    "001": {("OUT007", 33)},
    "002": set(),
    "003": {("SEC002", 47)},
    "004": {("OUT004", 9)},
}

_CONCISE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<sev>\w+): .* \[(?P<code>[A-Z]+\d{3})\]$")


def _findings(*args: str) -> list[re.Match]:
    result = gwlint_process(["check", *args, "--format", "concise", "--exit-zero"], ROOT)
    assert result.returncode == 0, result.stderr
    return [m for m in map(_CONCISE.match, result.stdout.splitlines()) if m]


def test_seed_structure_findings_are_exactly_the_verified_ones():
    found: dict[str, set[tuple[str, int]]] = {prefix: set() for prefix in EXPECTED}
    for match in _findings("seeds/", "--select", "OUT,SEC,META"):
        prefix = Path(match["path"]).name[:3]
        found.setdefault(prefix, set()).add((match["code"], int(match["line"])))
    assert found == EXPECTED


def test_level_skip_allowance_is_configurable(tmp_path):
    """A house pack that allows 一、 → 1. (跳用) silences the skip the shipped OUT004 reports."""
    pack = tmp_path / "house.yaml"
    pack.write_text(
        "pack: house\nrules:\n"
        "  - code: HSE004\n    name: level-skipped-locally\n    kind: level-order\n    check: skipped\n"
        "    allow: ['cn-dun>arabic']\n    severity: warning\n    message: '层级跳用：{marker}'\n"
        "    doc: {what: w, why: w, wrong: w, right: w, standard: local rules}\n",
        encoding="utf-8",
    )
    document = tmp_path / "plan.txt"
    document.write_text(
        "一、总体要求\n1.加强领导\n内容。\n二、重点任务\n（一）规划\n（1）编制。内容。\n", encoding="utf-8"
    )
    codes = [
        (m["code"], int(m["line"]))
        for m in _findings(str(document), "--select", "HSE004", "--config", str(_config(tmp_path, pack)))
    ]
    # 一、 → 1. is allowed; （一） → （1） still skips 1.
    assert codes == [("HSE004", 6)]


def _config(tmp_path: Path, pack: Path) -> Path:
    config = tmp_path / ".gwlint.yaml"
    config.write_text(f"packs: [{pack.name}]\n", encoding="utf-8")
    return config
