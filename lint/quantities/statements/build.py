"""Build the statement model of one document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .changes import bind_changes, bind_conversions
from .clauses import Clauses
from .facts import read_facts
from .growth import bind_growth_and_shares, bind_respective_growths
from .model import Statements
from .partsets import find_part_sets
from .respectively import bind_respectively
from .target_items import find_target_items
from .words import Words, builtin_words

if TYPE_CHECKING:
    from lint.outline.model import Outline

    from ..textindex import TextIndex
    from ..units import UnitRegistry


def build_statements(
    text: str, ix: TextIndex, outline: Outline, registry: UnitRegistry, words: Words | None = None
) -> Statements:
    words = words or builtin_words()
    clauses = Clauses(text, outline, words)
    facts = read_facts(text, ix, clauses, words)
    st = Statements(text, clauses, facts, [], [], [], [], registry, words, find_target_items(text, outline, words))
    bind_growth_and_shares(st)
    bind_respectively(st, ix)
    find_part_sets(st, ix)
    bind_respective_growths(st)
    bind_changes(st)
    bind_conversions(st)
    return st
