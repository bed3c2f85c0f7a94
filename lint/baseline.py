"""Baselines: record today's findings, later report only the new ones.

A finding is identified by its code, its file, the flagged text and a few code points of the
same line on either side — never by its line number, so inserting or deleting lines elsewhere
in the file keeps old findings suppressed. Identical keys are counted: two identical findings in
the baseline suppress two, a third is new.

The same identity gives the stable fingerprints of the SARIF and GitLab reports.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path

from lint.diagnostics import FileResult
from lint.errors import UsageError
from lint.text.spans import line_starts, offset_of

BASELINE_VERSION = 1
CONTEXT = 8  # code points of the same line kept on either side of the flagged text

Key = tuple[str, str, str, str, str]  # code, path, before, flagged, after


def normal_path(path: str) -> str:
    return os.path.normpath(path).replace("\\", "/") if path not in ("", "-") else path


def finding_keys(result: FileResult, path: str | None = None) -> list[Key]:
    """The identity of each diagnostic of ``result``, in order.

    Spans come from line/column (what every diagnostic carries, cached or not), which the
    framework derived from the offsets into ``result.text`` in the first place.
    """
    text = result.text
    starts = line_starts(text)
    file = normal_path(path if path is not None else result.path)
    keys = []
    for d in result.diagnostics:
        start = offset_of(text, starts, d.line, d.column)
        end = max(start, offset_of(text, starts, d.end_line, d.end_column))
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end == -1 else line_end
        before = text[max(line_start, start - CONTEXT) : start]
        after = text[end : min(line_end, end + CONTEXT)]
        keys.append((d.code, file, before, text[start:end], after))
    return keys


def fingerprints(result: FileResult) -> list[str]:
    """One stable hex fingerprint per diagnostic of ``result``, in order.

    Identical keys get an ordinal (":1", ":2") so each finding keeps its own fingerprint.
    """
    seen: Counter[Key] = Counter()
    out = []
    for key in finding_keys(result):
        seen[key] += 1
        digest = hashlib.sha256("\x1f".join(key).encode("utf-8")).hexdigest()
        out.append(f"{digest[:32]}:{seen[key]}")
    return out


# -- the baseline file ----------------------------------------------------------------------
def _baseline_path_of(file_path: str, baseline: Path) -> str:
    """The path of a checked file relative to the baseline's folder, so cwd does not matter."""
    if file_path in ("", "-"):
        return file_path
    try:
        return Path(os.path.relpath(Path(file_path).resolve(), baseline.resolve().parent)).as_posix()
    except ValueError:  # another drive on Windows
        return normal_path(file_path)


def write_baseline(results: list[FileResult], path: Path) -> int:
    """Record every finding of ``results``; returns how many were recorded."""
    entries = []
    for result in results:
        keys = finding_keys(result, _baseline_path_of(result.path, path))
        for d, (code, file, before, flagged, after) in zip(result.diagnostics, keys, strict=True):
            # line and message are for people reading the file; matching ignores them.
            entries.append(
                {
                    "code": code,
                    "path": file,
                    "text": flagged,
                    "before": before,
                    "after": after,
                    "line": d.line,
                    "message": d.message,
                }
            )
    entries.sort(key=lambda e: (e["path"], e["line"], e["code"], e["before"], e["text"]))
    data = {"version": BASELINE_VERSION, "tool": "gwlint", "findings": entries}
    try:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write baseline: {exc.strerror or exc}", str(path)) from None
    return len(entries)


def load_baseline(path: Path) -> Counter[Key]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError("baseline file not found", str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read baseline: {exc}", str(path)) from None
    except json.JSONDecodeError as exc:
        raise UsageError(f"baseline is not valid JSON: {exc.msg}", str(path), exc.lineno) from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
        raise UsageError(f"not a gwlint baseline of version {BASELINE_VERSION}", str(path))
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise UsageError("baseline has no findings list", str(path))
    keys: Counter[Key] = Counter()
    for number, entry in enumerate(findings, 1):
        try:
            keys[(entry["code"], entry["path"], entry["before"], entry["text"], entry["after"])] += 1
        except (KeyError, TypeError):
            raise UsageError(f"baseline finding #{number} lacks code, path, text, before or after", str(path)) from None
    return keys


def apply_baseline(results: list[FileResult], path: Path) -> list[FileResult]:
    """Drop findings recorded in the baseline, as many of each as it counts."""
    remaining = load_baseline(path)
    out = []
    for result in results:
        kept = []
        keys = finding_keys(result, _baseline_path_of(result.path, path))
        for d, key in zip(result.diagnostics, keys, strict=True):
            if remaining[key] > 0:
                remaining[key] -= 1
            else:
                kept.append(d)
        out.append(FileResult(path=result.path, kind=result.kind, diagnostics=kept, text=result.text))
    return out
