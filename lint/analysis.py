"""One analysis per document: its kind, outline, quantities and statements, each computed once.

The Document is what was loaded and is never changed; everything derived from it lives here,
built lazily on first use, so a run that selects only text rules never builds statements.
Rules reach it through ``Context.analysis`` (and the shortcuts on Context).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lint.audit.model import AuditResult
    from lint.document.model import Document
    from lint.outline.model import Outline
    from lint.quantities.claims import CountClaim
    from lint.quantities.indicators import FactIndicator, Lexicon
    from lint.quantities.scan import Quantity
    from lint.quantities.statements import Statements
    from lint.quantities.statements.words import Words
    from lint.quantities.textindex import TextIndex
    from lint.quantities.units import UnitRegistry
    from lint.rules.needles import TextProbe

# Short lines near the top (titles, datelines) are read for the kind, not the first paragraph.
_OPENING_LINES = 6
_OPENING_WIDTH = 60


class Analysis:
    """Everything derived from one Document. ``kind``: the kind the user or configuration chose,
    or None to detect it from the title, header and top headings. ``plan``: the analysis of the
    plan this document (a summary) answers, when it is audited against one."""

    def __init__(
        self,
        doc: Document,
        registry: UnitRegistry | None = None,
        kind: str | None = None,
        lexicon: Lexicon | None = None,
        words: Words | None = None,
        plan: Analysis | None = None,
    ):
        self.doc = doc
        self._registry = registry
        self._lexicon = lexicon
        self._words = words  # the statement words of the packs (None: the built-in ones)
        self._chosen_kind = kind if kind and kind != "auto" else None
        self.plan = plan

    @cached_property
    def outline(self) -> Outline:
        from lint.outline import build_outline

        return build_outline(self.doc)

    @cached_property
    def probe(self) -> TextProbe:
        """``needle in text``, remembered: the pattern rules skip scans that cannot match."""
        from lint.rules.needles import TextProbe

        return TextProbe(self.doc.text)

    @cached_property
    def line_roles(self) -> dict:
        """Line → LineRole (标题, 层次标题, 正文, 成文日期 …) for the layout rules."""
        from lint.document.roles import layout_roles

        return layout_roles(self.doc, self.outline)

    @cached_property
    def detected_kind(self) -> str:
        from lint.document.kind import detect_kind

        doc = self.doc
        top = [node.title for node in self.outline.roots if node.style != "inline-cn"]
        opening = "\n".join(
            line
            for line in doc.text.split("\n", _OPENING_LINES)[:_OPENING_LINES]
            if len(line.strip()) <= _OPENING_WIDTH
        )
        return detect_kind(
            doc.title, doc.header.title, top, self.outline.has_numbered_outline, doc.header.found, opening
        )

    @property
    def kind(self) -> str:
        return self._chosen_kind or self.detected_kind

    @cached_property
    def unit_registry(self) -> UnitRegistry:
        if self._registry is not None:
            return self._registry
        from lint.quantities.units import default_registry

        return default_registry()

    @cached_property
    def quantities(self) -> list[Quantity]:
        from lint.quantities.scan import scan_quantities

        return scan_quantities(self.doc.text, self.unit_registry)

    @cached_property
    def text_index(self) -> TextIndex:
        from lint.quantities.textindex import TextIndex

        return TextIndex(self.doc.text, self.quantities)

    @cached_property
    def statements(self) -> Statements:
        from lint.quantities.statements import build_statements

        return build_statements(self.doc.text, self.text_index, self.outline, self.unit_registry, self._words)

    @cached_property
    def lexicon(self) -> Lexicon:
        """The indicator lexicon: the packs' one, or the shipped rules/indicators/*.yaml."""
        if self._lexicon is not None:
            return self._lexicon
        from lint.quantities.indicators import Lexicon

        return Lexicon.builtin()

    @cached_property
    def indicators(self) -> dict[int, FactIndicator]:
        """Fact index → its normalised indicator (lexicon key) and aspect (level, growth …)."""
        from lint.quantities.indicators import indicator_map
        from lint.quantities.statements import describe

        describe(self.statements)  # periods and targets, which the indicator consumers compare
        return indicator_map(self.statements, self.lexicon)

    @cached_property
    def count_claims(self) -> list[CountClaim]:
        """Every count claim ("十项重点改革", "以下四个方面：") with what it counts."""
        from lint.quantities.claims import find_count_claims
        from lint.quantities.statements.words import builtin_words

        words = self._words or builtin_words()
        return find_count_claims(self.doc.text, self.outline, self.text_index.quoted, words.claims)

    @cached_property
    def audit(self) -> AuditResult | None:
        """Each target of ``plan`` against this document's results (None without a plan)."""
        if self.plan is None:
            return None
        from lint.audit.match import audit

        return audit(self.plan, self)
