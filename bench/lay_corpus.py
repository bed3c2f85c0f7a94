"""LAY on the corpus: every text laid out as a .docx twice, and what the LAY rules say.

1. with the GB/T 9704 layout (lint.review.textdocx): every finding is a false positive unless
   the text itself carries the defect (indent typed as spaces);
2. as Word's default template would have it (python-docx's blank document: Letter, 2.54/3.18 cm
   margins, 宋体/Calibri 11 pt, no indent, no page number): one finding per defect per document.

Run from the repository root: python bench/lay_corpus.py [../shared/corpus]
"""

from __future__ import annotations

import collections
import io
import sys
import time
from pathlib import Path


def main(folder: str = "../shared/corpus") -> None:
    import docx

    from lint.document import load_bytes
    from lint.engine import Engine, Overrides
    from lint.review.textdocx import text_to_docx

    engine = Engine(overrides=Overrides(select=["LAY"], kind="notice"))
    prescribed: collections.Counter = collections.Counter()
    default: collections.Counter = collections.Counter()
    paths = sorted(Path(folder).glob("*.txt"))
    started = time.perf_counter()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for d in engine.lint(load_bytes(text_to_docx(text, str(path)), path.name, "docx")).diagnostics:
            prescribed[d.code] += 1
            print(f"prescribed layout: {path.name}:{d.line}: {d.code} {d.message}")
        document = docx.Document()
        for line in text.split("\n"):
            document.add_paragraph(line)
        out = io.BytesIO()
        document.save(out)
        default.update(d.code for d in engine.lint(load_bytes(out.getvalue(), path.name, "docx")).diagnostics)
    elapsed = time.perf_counter() - started
    print(f"{len(paths)} texts, {elapsed:.1f} s for {2 * len(paths)} documents built and linted")
    print("prescribed layout:", dict(sorted(prescribed.items())))
    print("Word default template:", dict(sorted(default.items())))


if __name__ == "__main__":
    main(*sys.argv[1:])
