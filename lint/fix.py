"""Fixes: apply diagnostics' fixes to a text (each finding's edits together or not at all,
nothing else touched), write a fixed file transactionally, and show the change as a patch."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from lint.diagnostics import Diagnostic, Fix
from lint.document.model import Document
from lint.edits import Span, compatible


def apply_fixes(doc: Document, diagnostics: list[Diagnostic], unsafe: bool = False) -> str | None:
    """Return the text with the safe fixes applied (unsafe ones too with ``unsafe``), or None if
    nothing changed. A finding whose edits clash with those of a finding before it (document
    order, then code) is left for the next pass, so the outcome never depends on input order."""
    edits = chosen_edits(doc, diagnostics, unsafe)
    if not edits:
        return None
    text = doc.text
    out = []
    cursor = len(text)
    for start, end, replacement in reversed(edits):  # back to front: every offset is the original's
        out.append(text[end:cursor])
        out.append(replacement)
        cursor = start
    out.append(text[:cursor])
    return "".join(reversed(out))


def chosen_edits(doc: Document, diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> list[Span]:
    """The edits of every fix that can be applied in this pass, sorted, none overlapping another
    (an edit two findings share is applied once)."""
    candidates = []
    for diagnostic in diagnostics:
        fix = diagnostic.fix
        if fix is not None and (fix.safe or unsafe):
            spans = fix_spans(doc, fix)
            if spans:
                candidates.append((diagnostic.sort_key, spans))
    candidates.sort()
    return compatible([spans for _, spans in candidates])


def fix_spans(doc: Document, fix: Fix) -> list[Span]:
    """A fix's edits as document offsets, without the ones that would change nothing."""
    spans = []
    for edit in fix.edits:
        start = doc.offset(edit.line, edit.column)
        end = doc.offset(edit.end_line, edit.end_column)
        if doc.text[start:end] != edit.replacement:
            spans.append((start, end, edit.replacement))
    return sorted(spans)


def write_atomically(path: Path, data: bytes, expected: bytes | None = None) -> None:
    """Replace the file at ``path`` by ``data`` all at once: a temporary file in the same folder,
    flushed to disk, then os.replace, so a full disk or a crash leaves the old file whole.

    The mode (and, where permitted, the owner) is kept; a symlink stays a symlink (its target is
    replaced). With ``expected``, a file changed by someone else since it was read is left alone.
    Raises OSError (the caller reports it for this file and goes on).
    """
    target = Path(os.path.realpath(path))
    info = target.stat()
    if expected is not None and target.read_bytes() != expected:
        raise OSError(errno.EAGAIN, "the file changed while it was being checked; not written")
    if not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, "permission denied")
    replace_file(target, data, like=info)


def replace_file(target: Path, data: bytes, like: os.stat_result | None = None, durable: bool = True) -> None:
    """The one way gwlint writes a file: a temporary file in the same folder, then os.replace, so
    a reader never sees half a file and a failure leaves the old one (or none) in place.

    ``like``: the replaced file's stat, whose mode (and, where permitted, owner) the new file keeps.
    ``durable``: fsync the data and the folder (documents); the result cache can do without.
    """
    folder = target.parent if str(target.parent) else Path(".")
    handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".gwlint-tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        if like is not None:
            os.chmod(temp, stat.S_IMODE(like.st_mode))
            if hasattr(os, "chown"):
                try:
                    os.chown(temp, like.st_uid, like.st_gid)
                except OSError:  # not ours to give away: the new file keeps our ownership
                    pass
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
    if durable:
        _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the platform allows opening a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_NO_NEWLINE = b"\\ No newline at end of file\n"


def unified_diff(before: bytes, after: bytes, display: str) -> bytes:
    """A patch `git apply` accepts: made on the file's own bytes (its encoding, BOM and line
    endings kept), with the "No newline at end of file" marker where a side ends without one."""
    import difflib

    name = display.replace("\\", "/").encode("utf-8", "surrogateescape")
    out = []
    lines = difflib.diff_bytes(
        difflib.unified_diff, _lines(before), _lines(after), fromfile=b"a/" + name, tofile=b"b/" + name, lineterm=b"\n"
    )
    for index, line in enumerate(lines):
        if index >= 2 and not line.startswith(b"@@") and not line.endswith(b"\n"):
            out.append(line + b"\n" + _NO_NEWLINE)  # the last line of a side, without a newline
        else:
            out.append(line)
    return b"".join(out)


def _lines(data: bytes) -> list[bytes]:
    """Lines as git sees them: split after each LF only (a CR stays part of its line)."""
    parts = data.split(b"\n")
    lines = [part + b"\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines
