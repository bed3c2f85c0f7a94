"""Findings → Word comments (批注), safe fixes → tracked changes (修订), in a copy of the package.

Every finding becomes a comment by "gwlint" anchored on exactly the text it concerns (a
zero-width finding takes the character before it; a document-wide one its line).  Every safe
fix becomes ``w:del``/``w:ins`` pairs by "gwlint", one pair per edit of the fix (one per changed
mark, so three commas on a line are three tracked changes, not one of the paragraph).  As with
``--fix``, a fix whose edits overlap an earlier one's waits for a later pass: the fixed text is
linted again and what lands on original text is tracked too.  An edit that spans lines, or that
would edit text gwlint itself inserted, stays a comment only.

Only the runs a finding begins or ends in are split; every other element of the package
(headers, footers, numbering, tables, images, existing comments) is written back unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from lint.diagnostics import Diagnostic
from lint.document.model import Document
from lint.review.anchor import RunMap

AUTHOR = "gwlint"
INITIALS = "GW"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True, slots=True)
class LineEdit:
    """Replace [start, end) of one line with ``text`` (offsets within the line)."""

    line: int
    start: int
    end: int
    text: str


def planned_edits(doc: Document, diagnostics: Iterable[Diagnostic]) -> list[LineEdit]:
    """The safe fixes' edits (one per changed mark), chosen as a ``--fix`` pass chooses them (a
    finding whose edits clash with an earlier finding's waits for a later pass), as single-line
    edits in document order."""
    from lint.fix import chosen_edits

    out: list[LineEdit] = []
    for start, end, replacement in chosen_edits(doc, diagnostics):
        if "\n" in doc.text[start:end] or "\n" in replacement:
            continue  # an edit across lines cannot be one tracked change in one paragraph
        line, column = doc.line_col(start)
        out.append(LineEdit(line, column - 1, column - 1 + end - start, replacement))
    return out


def onto_original(earlier: list[LineEdit], later: list[LineEdit]) -> list[LineEdit]:
    """Edits planned on the text after ``earlier`` were applied, moved back onto the original
    line offsets.  An edit that touches text an earlier edit wrote is not a change of the
    original runs and is left out (so is an insertion right against an earlier edit, whose
    order against it would be a guess)."""
    out = []
    for edit in later:
        priors = sorted((e for e in earlier if e.line == edit.line), key=lambda e: e.start)
        shift = 0  # current offset − original offset within the stretch
        low, high = 0, None  # the unchanged stretch of the current text holding the edit
        after_prior = False
        for prior in priors:
            high = prior.start + shift
            if edit.end <= high:
                break
            shift += len(prior.text) - (prior.end - prior.start)
            low, high, after_prior = prior.end + shift, None, True
        if edit.start < low:
            continue
        if edit.start == edit.end and ((after_prior and edit.start == low) or edit.start == high):
            continue
        out.append(LineEdit(edit.line, edit.start - shift, edit.end - shift, edit.text))
    return out


def apply_edits_to_text(doc: Document, edits: list[LineEdit]) -> str:
    """What accepting every tracked change gives, as text (for reporting and tests)."""
    lines = doc.lines()
    for edit in sorted(edits, key=lambda e: (e.line, e.start), reverse=True):
        text = lines[edit.line - 1]
        lines[edit.line - 1] = text[: edit.start] + edit.text + text[edit.end :]
    return "\n".join(lines)


class Reviewer:
    """Writes comments and tracked changes into one opened .docx package."""

    def __init__(self, package: Any, runmap: RunMap, now: dt.datetime | None = None) -> None:
        self.package = package
        self.part = package.main_document_part
        self.runmap = runmap
        self.date = (now or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
        self._next_id: int | None = None  # chosen when the first change is written, above every
        # w:id then in the body (comment ranges included), so no two annotations share one
        self.comments = 0
        self.changes = 0

    def _highest_id(self) -> int:
        highest = 0
        for element in self.part.element.iter():
            value = element.get(_W + "id") if isinstance(element.tag, str) else None
            if value is not None and value.lstrip("-").isdigit():
                highest = max(highest, int(value))
        return highest

    # -- comments ----------------------------------------------------------------------------

    def comment(self, doc: Document, diagnostic: Diagnostic, text: str) -> bool:
        """Anchor a comment on the diagnostic's text; False when nothing there can hold one."""
        first, last = self._anchor_runs(doc, diagnostic)
        if first is None or last is None:
            return False
        comment = self.part.comments.add_comment(text=text, author=AUTHOR, initials=INITIALS)
        first.insert_comment_range_start_above(comment.comment_id)
        last.insert_comment_range_end_and_reference_below(comment.comment_id)
        self.comments += 1
        return True

    def _anchor_runs(self, doc: Document, d: Diagnostic) -> tuple[Any, Any]:
        start_line, start_col, end_line, end_col = d.line, d.column, d.end_line, d.end_column
        if (end_line, end_col) <= (start_line, start_col):
            width = len(doc.line_text(start_line)) if start_line <= doc.line_count else 0
            if start_col > 1:
                start_col -= 1  # a point where something is missing: the character before
                end_col = start_col + 1
            elif width:
                end_line, end_col = start_line, 2
        first = self._first_run(start_line, start_col - 1, end_line)
        last = self._last_run(end_line, end_col - 1, start_line)
        if first is None or last is None:
            whole = self.runmap.anchorable(start_line)  # e.g. a finding on rendered numbering
            if not whole:
                return None, None
            first = self.runmap.run_starting_at(start_line, whole[0].start)
            last = self.runmap.run_ending_at(start_line, whole[-1].end)
        return first, last

    def _first_run(self, line: int, offset: int, end_line: int) -> Any:
        run = self.runmap.run_starting_at(line, offset)
        while run is None and line < end_line:
            line, offset = line + 1, 0
            run = self.runmap.run_starting_at(line, offset)
        return run

    def _last_run(self, line: int, offset: int, start_line: int) -> Any:
        run = self.runmap.run_ending_at(line, offset)
        while run is None and line > start_line:
            line -= 1
            pieces = self.runmap.anchorable(line)
            run = self.runmap.run_ending_at(line, pieces[-1].end) if pieces else None
        return run

    # -- tracked changes ---------------------------------------------------------------------

    def track(self, edit: LineEdit) -> bool:
        """Write one edit as w:del (the old text's runs) + w:ins (a run with the new text)."""
        runmap = self.runmap
        if edit.end > edit.start:
            deleted = runmap.runs_in(edit.line, edit.start, edit.end)
            if not deleted or any(_in_field(run) for run in deleted):
                return False
            for run in deleted:
                self._wrap(run, "w:del")
                for child in run:
                    if child.tag == _W + "t":
                        child.tag = _W + "delText"
                    elif child.tag == _W + "instrText":
                        child.tag = _W + "delInstrText"
            if edit.text:
                deleted[-1].getparent().addnext(self._insertion(deleted[0], edit.text))
        else:  # a pure insertion: after the run ending here, else before the run starting here
            before = runmap.run_ending_at(edit.line, edit.start) if edit.start > 0 else None
            if before is not None:
                _outermost_change(before).addnext(self._insertion(before, edit.text))
            else:
                after = runmap.run_starting_at(edit.line, edit.start)
                if after is None:
                    return False
                _outermost_change(after).addprevious(self._insertion(after, edit.text))
        self.changes += 1
        return True

    def _insertion(self, model: Any, text: str) -> Any:
        inserted = self._element("w:ins")
        inserted.append(self._run_like(model, text))
        return inserted

    def _element(self, tag: str) -> Any:
        from docx.oxml import OxmlElement

        element = OxmlElement(tag)
        if self._next_id is None:
            self._next_id = self._highest_id() + 1
        element.set(_W + "id", str(self._next_id))
        element.set(_W + "author", AUTHOR)
        element.set(_W + "date", self.date)
        self._next_id += 1
        return element

    def _wrap(self, run: Any, tag: str) -> None:
        wrapper = self._element(tag)
        run.addprevious(wrapper)
        wrapper.append(run)

    @staticmethod
    def _run_like(model: Any, text: str) -> Any:
        import copy

        from docx.oxml import OxmlElement

        run = OxmlElement("w:r")
        rpr = model.find(_W + "rPr")
        if rpr is not None:
            run.append(copy.deepcopy(rpr))
        t = OxmlElement("w:t")
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.append(t)
        return run


def _outermost_change(run: Any) -> Any:
    """The run, or the w:ins/w:del wrapping it (new changes go beside it, not inside)."""
    parent = run.getparent()
    return parent if parent is not None and parent.tag in (_W + "ins", _W + "del") else run


def _in_field(run: Any) -> bool:
    parent = run.getparent()
    while parent is not None:
        if parent.tag == _W + "fldSimple":
            return True
        parent = parent.getparent()
    return False


def comment_text(diagnostic: Diagnostic) -> str:
    """``[CODE] message`` and, for a fix, the change on a second line (“,”→“，”（3处）)."""
    text = f"[{diagnostic.code}] {diagnostic.message}"
    fix = diagnostic.fix
    if fix is None or not fix.message:
        return text
    # An unsafe fix is not tracked (it changes a figure, word or unit): the comment proposes it.
    return f"{text}\n建议：{fix.message}" + ("" if fix.safe else "（会改变数值或用词，请核实）")
