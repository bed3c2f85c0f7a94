"""The closed sets of words gwlint's options, configuration and reports use, as enums.

They are StrEnums: a member is its word (``DocKind.PLAN == "plan"``), so the command line, YAML,
JSON and SARIF read and write the same strings while the code names the choice. Severities are
``lint.diagnostics.Severity`` (ordered: a threshold compares them).
"""

from __future__ import annotations

from enum import StrEnum


class DocKind(StrEnum):
    """What a document is; rules apply to some kinds only (`doc-kinds`, `skip-kinds`)."""

    SUMMARY = "summary"  # 工作总结
    PLAN = "plan"  # 工作要点/计划
    NOTICE = "notice"  # 通知
    REPORT = "report"  # 政府工作报告
    BULLETIN = "bulletin"  # 统计公报
    ARTICLE = "article"  # anything else


class OutputFormat(StrEnum):
    CONCISE = "concise"
    FULL = "full"
    JSON = "json"
    SARIF = "sarif"
    GITHUB = "github"
    GITLAB = "gitlab"
    JUNIT = "junit"
    RDJSON = "rdjson"
    HTML = "html"

    @property
    def is_terminal(self) -> bool:
        """Written for a person at a terminal (a summary line, --statistics as a table)."""
        return self in (OutputFormat.CONCISE, OutputFormat.FULL)


class Preset(StrEnum):
    """The rules that run without `select`."""

    DEFAULT = "default"  # what a reviewer acts on
    PEDANTIC = "pedantic"  # every stable rule


class Lang(StrEnum):
    """The language of messages and rule documentation."""

    ZH = "zh"
    EN = "en"
