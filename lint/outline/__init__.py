"""Document → Outline (numbered headings, run-in items, paragraphs)."""

from lint.outline.model import Node, Outline, Paragraph


def build_outline(doc):
    from lint.outline.build import build_outline as _build

    return _build(doc)


__all__ = ["Node", "Outline", "Paragraph", "build_outline"]
