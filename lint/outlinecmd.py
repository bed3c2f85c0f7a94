"""`gwlint outline FILE`: print the parsed outline tree (text or JSON)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from lint.analysis import Analysis
from lint.document import DecodeError, load_path
from lint.document.load import load_bytes
from lint.document.model import Document
from lint.errors import UsageError
from lint.outline.model import Node


def outline_data(doc, outline, kind: str) -> dict:
    return {
        "version": 1,
        "path": doc.path,
        "kind": kind,
        "title": doc.title,
        "header": doc.header.to_dict(),
        "nodes": [node.to_dict() for node in outline.roots],
        # Notes after the last section (注释：…): lines, not outline items.
        "notes": _notes_lines(outline),
    }


def _notes_lines(outline) -> dict | None:
    if not outline.notes:
        return None
    return {"first_line": outline.notes[0].first_line, "last_line": outline.notes[-1].last_line}


def _text_tree(nodes: list[Node], depth: int = 0) -> list[str]:
    lines = []
    for node in nodes:
        title = node.title if len(node.title) <= 60 else node.title[:59] + "…"
        lines.append(f"{'  ' * depth}{node.marker} {title}  [L{node.line} {node.style}]")
        lines.extend(_text_tree(node.children, depth + 1))
    return lines


def load_single(file: str) -> Document | None:
    """One document for a per-file command (``-`` is stdin); an unreadable file is printed as an
    IO001 finding and gives None."""
    try:
        if file == "-":
            return load_bytes(sys.stdin.buffer.read(), "-", "txt")
        path = Path(file)
        if not path.exists():
            raise UsageError("no such file or directory", file)
        if path.is_dir():
            raise UsageError("is a directory (this command takes one file)", file)
        return load_path(path, file)
    except DecodeError as exc:
        print(f"{file}:1:1: error: {exc} [IO001]")
    except OSError as exc:
        print(f"{file}:1:1: error: cannot read: {exc.strerror or exc} [IO001]")
    return None


def run_outline(file: str, fmt: str, kind: str) -> int:
    doc = load_single(file)
    if doc is None:
        return 1
    analysis = Analysis(doc, kind=kind)
    outline = analysis.outline
    if fmt == "json":
        data = outline_data(doc, outline, analysis.kind)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    out = [f"{doc.path}  kind: {analysis.kind}"]
    if doc.title:
        out.append(f"title: {doc.title}  [L{doc.title_line}]")
    for key, value in doc.header.to_dict().items():
        out.append(f"{key}: {value}")
    out.append("")
    out.extend(_text_tree(outline.roots) or ["(no numbered outline)"])
    notes = _notes_lines(outline)
    if notes:
        out.append(f"notes: L{notes['first_line']}–L{notes['last_line']} (not outline items)")
    sys.stdout.write("\n".join(out) + "\n")
    return 0
