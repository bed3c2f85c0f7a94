"""Document kind from title and top-level headings: summary, plan, report, bulletin, notice, article."""

from __future__ import annotations

import re

from lint.choices import DocKind

_REPORT = re.compile(r"政府工作报告")
_BULLETIN = re.compile(r"统计公报|国民经济和社会发展.*公报")
_SUMMARY = re.compile(r"总结|工作情况|开展情况|运行情况|完成情况|成效|回顾|回眸")
_PLAN = re.compile(r"要点|计划|思路|打算|安排|方案")
# A 通知 published without its 红头 often opens straight with the 主送 line (各市（州）…：);
# 各位代表： opens a speech, not a notice.
_ADDRESSEE_FIRST = re.compile(r"\A\s*各(?!位)[^\n。]{1,200}[：:]\s*(?:\n|\Z)")


def detect_kind(
    title: str | None,
    header_title: str | None,
    top_headings: list[str],
    has_outline: bool,
    has_header: bool,
    opening: str = "",
) -> DocKind:
    """``opening`` is the first few lines: a report's title is not always its first line."""
    named = _kind_named_in(title or "", header_title or "", opening)
    if named is not None:
        return named
    has_header = has_header or bool(_ADDRESSEE_FIRST.match(opening))
    if not has_outline:
        return DocKind.NOTICE if has_header else DocKind.ARTICLE
    title_text = title or ""
    if title_text and title_text != header_title:  # a title of its own, not the 通知's
        by_title = _kind_by_title(title_text)
        if by_title is not None:
            return by_title
    headings = " ".join(top_headings)
    if _SUMMARY.search(headings):
        return DocKind.SUMMARY
    if has_header:
        return DocKind.NOTICE
    if _PLAN.search(title_text) or _PLAN.search(headings):
        return DocKind.PLAN
    return DocKind.REPORT


def _kind_named_in(*texts: str) -> DocKind | None:
    """A 报告 or 公报 says what it is in its title or opening lines, whatever its outline."""
    for text in texts:
        if _REPORT.search(text):
            return DocKind.REPORT
        if _BULLETIN.search(text):
            return DocKind.BULLETIN
    return None


def _kind_by_title(title: str) -> DocKind | None:
    if _SUMMARY.search(title):
        return DocKind.SUMMARY
    if _PLAN.search(title):
        return DocKind.PLAN
    return None
