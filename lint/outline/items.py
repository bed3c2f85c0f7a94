"""Look-alikes of outline items that the grammar cannot tell apart on one line: shared by the
outline rules and the count claims (what a heading's numbered children are)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lint.text.markers import CIRCLED, PAREN_DIGITS

if TYPE_CHECKING:
    from lint.outline.model import Node

# A title that starts like "三、四月份" or "二、三产业": the "marker" was the head of an abbreviated list.
_ABBREVIATED = re.compile(
    r"^[一二三四五六七八九十两〇]+[、至到—～-]?[一二三四五六七八九十]*(?:月|季|年|等|产|级|类|届|次|个|种|批|期)"
)
_LABEL_ROW = re.compile(f"^(?:{CIRCLED}|{PAREN_DIGITS})")


def is_abbreviated_list(node: Node) -> bool:
    """Not an item: a line such as "三、四月份…" or "二、三产业…" (the grammar took the first numeral
    of an abbreviated list for a marker), or a row of labels "①  ②  ③" under a figure."""
    if node.style == "cn-dun" and _ABBREVIATED.match(node.title):
        return True
    return bool(_LABEL_ROW.match(node.title))
