"""`gwlint review DOC [-o OUT]`: lint a document and write a reviewed .docx copy.

The findings come from the same path as `gwlint check` (load → Engine.lint); a .txt/.md input
is first laid out as a GB/T 9704 .docx, one paragraph per line.  The input is never written:
the copy goes to a temporary file next to the output and is moved into place with os.replace.
"""

from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from lint.diagnostics import FileResult, Severity
from lint.errors import UsageError


@dataclass
class ReviewOutcome:
    data: bytes  # the reviewed .docx
    result: FileResult  # the findings (as `gwlint check` reports them)
    comments: int
    changes: int
    fixed_text: str  # the text once every tracked change is accepted


def review_bytes(data: bytes, display: str, source_format: str, engine) -> ReviewOutcome:
    """Lint ``data`` and return the reviewed .docx. Raises DecodeError for unreadable input."""
    from lint.document.docx import read_docx
    from lint.document.load import load_bytes
    from lint.repeats import merge_repeats
    from lint.review.anchor import RunMap
    from lint.review.textdocx import text_to_docx
    from lint.review.writer import (
        Reviewer,
        apply_edits_to_text,
        comment_text,
        planned_edits,
    )

    doc = load_bytes(data, display, source_format)
    result = engine.lint(doc)
    result.diagnostics = merge_repeats(result.diagnostics, engine.lang)  # as `gwlint check` reports
    docx_bytes = data if source_format == "docx" else text_to_docx(doc.text, display)
    content = read_docx(docx_bytes)
    reviewer = Reviewer(content.package, RunMap(content.pieces))
    for diagnostic in result.diagnostics:
        reviewer.comment(doc, diagnostic, comment_text(diagnostic))
    edits = [edit for edit in planned_edits(doc, result.diagnostics) if reviewer.track(edit)]
    edits += _later_passes(doc, edits, engine, reviewer)
    changed = {content.package.main_document_part.partname}
    if reviewer.comments:
        changed.add(content.package.main_document_part.part_related_by(_RT_COMMENTS).partname)
    return ReviewOutcome(
        _repackage(docx_bytes, content.package, changed),
        result,
        reviewer.comments,
        reviewer.changes,
        apply_edits_to_text(doc, edits),
    )


def _later_passes(doc, edits, engine, reviewer) -> list:
    """Fixes that only show once earlier ones are applied (``--fix`` runs up to MAX_FIX_PASSES
    passes): lint the fixed text again and track what lands on original text."""
    from lint.document.load import load_text
    from lint.review.writer import apply_edits_to_text, onto_original, planned_edits
    from lint.runner import MAX_FIX_PASSES

    added: list = []
    for _ in range(MAX_FIX_PASSES - 1):
        if not edits and not added:
            break
        current = load_text(apply_edits_to_text(doc, edits + added), doc.path)
        later = onto_original(edits + added, planned_edits(current, engine.lint(current).diagnostics))
        tracked = [edit for edit in later if reviewer.track(edit)]
        if not tracked:
            break
        added += tracked
    return added


_RT_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"


def _repackage(original: bytes, package, changed_parts) -> bytes:
    """The original archive with only the changed parts (and their relationships and the
    content types) taken from the saved package: every other member is copied byte for byte."""
    import zipfile

    saved = io.BytesIO()
    package.save(saved)
    changed = {"[Content_Types].xml"}
    for partname in changed_parts:
        name = str(partname).lstrip("/")
        folder, _, base = name.rpartition("/")
        changed.update({name, f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"})
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(original)) as source,
        zipfile.ZipFile(saved) as new,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        new_names = set(new.namelist())
        for info in source.infolist():
            if info.filename in changed and info.filename in new_names:
                target.writestr(info, new.read(info.filename))
            else:
                target.writestr(info, source.read(info.filename))
        original_names = set(source.namelist())
        for info in new.infolist():
            if info.filename not in original_names:
                target.writestr(info, new.read(info.filename))
    return out.getvalue()


def default_output(path: Path) -> Path:
    from lint.runner import REVIEWED_SUFFIX

    return path.with_name(path.stem + REVIEWED_SUFFIX)


def run_review(
    path_text: str,
    output: Path | None,
    config: Path | None,
    select: list[str] | None,
    ignore: list[str] | None,
    kind: str,
    lang: str | None,
    fail_on: str | None,
) -> int:
    from lint.choices import Lang
    from lint.document import DecodeError
    from lint.document.load import source_format_of
    from lint.options import Overrides
    from lint.runner import EngineCache
    from lint.selection import split_codes

    path = Path(path_text)
    if not path.is_file():
        raise UsageError("no such file", path_text)
    target = output or default_output(path)
    if target.suffix.lower() != ".docx":
        raise UsageError("the reviewed copy must be a .docx file", str(target))
    if target.exists() and os.path.samefile(target, path):
        raise UsageError("the reviewed copy would overwrite the input; choose another -o", str(target))
    overrides = Overrides(
        select=split_codes(select) if select else None,
        ignore=split_codes(ignore),
        kind=kind,
        lang=Lang(lang) if lang else None,
        fail_on=Severity.parse(fail_on) if fail_on else None,
    )
    engine = EngineCache(overrides, config).engine_for(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read: {exc.strerror or exc}", path_text) from None
    try:
        outcome = review_bytes(data, path_text, source_format_of(path_text), engine)
    except DecodeError as exc:
        raise UsageError(f"cannot review: {exc}", path_text) from None
    _write_atomically(target, outcome.data)
    counts = {s: outcome.result.count(s) for s in Severity}
    print(
        f"gwlint: wrote {target}: {outcome.comments} comment{'s' if outcome.comments != 1 else ''}, "
        f"{outcome.changes} tracked change{'s' if outcome.changes != 1 else ''} "
        f"({counts[Severity.ERROR]} errors, {counts[Severity.WARNING]} warnings, "
        f"{counts[Severity.INFO]} infos)",
        file=sys.stderr,
    )
    failed = any(d.severity >= engine.fail_on for d in outcome.result.diagnostics)
    return 1 if failed else 0


def _write_atomically(target: Path, data: bytes) -> None:
    from lint.fix import replace_file

    try:
        replace_file(target, data)
    except OSError as exc:
        raise UsageError(f"cannot write: {exc.strerror or exc}", str(target)) from None
