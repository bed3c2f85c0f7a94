"""`--format junit`: JUnit XML, one testsuite per file and one testcase per finding.

Findings at or above --fail-on (default error) are failed testcases; the others are skipped
testcases, so CI test views show them without failing the build. A file without findings gets
one passing testcase, so CI test views list every checked file. Characters XML 1.0 cannot
carry (most C0 controls) are replaced, so the report always parses.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from lint.diagnostics import Diagnostic, FileResult
from lint.report import ReportMeta, fix_note

_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def _details(result: FileResult, d: Diagnostic, lines: list[str]) -> str:
    body = [f"{result.path}:{d.line}:{d.column}: {d.severity.label}: {d.message} [{d.code} {d.name}]"]
    if 1 <= d.line <= len(lines) and lines[d.line - 1].strip():
        body.append(f"{d.line:>5} | {lines[d.line - 1]}")
    body += [f"{result.path}:{rel.line}:{rel.column}: {rel.message}" for rel in d.related]
    if d.fix is not None:
        body.append(fix_note(d.fix))
    return xml_text("\n".join(body))


def render(results: list[FileResult], meta: ReportMeta) -> str:
    def failing(result: FileResult) -> int:
        return sum(1 for d in result.diagnostics if d.severity >= meta.fail_on)

    def skipped(result: FileResult) -> int:
        return len(result.diagnostics) - failing(result)

    root = ET.Element(
        "testsuites",
        name="gwlint",
        tests=str(sum(max(1, len(r.diagnostics)) for r in results)),
        failures=str(sum(map(failing, results))),
        errors="0",
        skipped=str(sum(map(skipped, results))),
    )
    for result in results:
        path = xml_text(result.path)
        suite = ET.SubElement(
            root,
            "testsuite",
            name=path,
            tests=str(max(1, len(result.diagnostics))),
            failures=str(failing(result)),
            errors="0",
            skipped=str(skipped(result)),
        )
        if not result.diagnostics:
            ET.SubElement(suite, "testcase", name="gwlint", classname=path)
            continue
        lines = result.lines
        for d in result.diagnostics:
            case = ET.SubElement(suite, "testcase", name=f"{d.code} {d.line}:{d.column}", classname=path)
            if d.severity >= meta.fail_on:
                outcome = ET.SubElement(case, "failure", message=xml_text(d.message), type=d.code)
            else:
                outcome = ET.SubElement(
                    case,
                    "skipped",
                    message=xml_text(f"{d.severity.label} (below --fail-on {meta.fail_on.label}): {d.message}"),
                )
            outcome.text = _details(result, d, lines)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
