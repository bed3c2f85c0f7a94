"""`--format junit`: JUnit XML, one testsuite per file and one failing testcase per finding.

A file without findings gets one passing testcase, so CI test views list every checked file.
Characters XML 1.0 cannot carry (most C0 controls) are replaced, so the report always parses.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from lint.diagnostics import FileResult
from lint.report import ReportMeta

_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def render(results: list[FileResult], meta: ReportMeta) -> str:
    total = sum(len(r.diagnostics) for r in results)
    root = ET.Element("testsuites", name="gwlint", tests=str(sum(max(1, len(r.diagnostics)) for r in results)),
                      failures=str(total), errors="0")
    for result in results:
        path = xml_text(result.path)
        suite = ET.SubElement(root, "testsuite", name=path, tests=str(max(1, len(result.diagnostics))),
                              failures=str(len(result.diagnostics)), errors="0", skipped="0")
        if not result.diagnostics:
            ET.SubElement(suite, "testcase", name="gwlint", classname=path)
            continue
        lines = result.lines
        for d in result.diagnostics:
            case = ET.SubElement(suite, "testcase", name=f"{d.code} {d.line}:{d.column}", classname=path)
            failure = ET.SubElement(case, "failure", message=xml_text(d.message), type=d.code)
            body = [f"{result.path}:{d.line}:{d.column}: {d.severity.label}: {d.message} [{d.code} {d.name}]"]
            if 1 <= d.line <= len(lines) and lines[d.line - 1].strip():
                body.append(f"{d.line:>5} | {lines[d.line - 1]}")
            body += [f"{result.path}:{rel.line}:{rel.column}: {rel.message}" for rel in d.related]
            if d.fix is not None:
                body.append(f"fix: “{d.fix.replacement}”")
            failure.text = xml_text("\n".join(body))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
