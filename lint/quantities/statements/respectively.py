"""分别为: values mapped to named groups (工业、服务业分别为21.5亿元、9.8亿元), never parts of the
total before them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .model import Respectively

if TYPE_CHECKING:
    from ..textindex import TextIndex
    from .model import Statements


def bind_respectively(st: Statements, ix: TextIndex) -> None:
    """工业项目、服务业项目新增落地资金21.5亿元、9.8亿元 after 分别为: values listed together,
    names listed together. The values map to the names and are not parts of an earlier total."""
    text = st.text
    for m in st.words.respectively.finditer(text):
        end = ix.clause(m.end())[1]
        values = [f for f in st.between(m.start(), end)]
        if len(values) < 2:
            continue
        # The values must stand together: only 、/和 between consecutive ones.
        run = [values[0]]
        for f in values[1:]:
            if text[run[-1].end : f.start].strip(" \u3000") in ("、", "和", "与", "及"):
                run.append(f)
            else:
                break
        if len(run) < 2:
            continue
        head = text[m.end() : run[0].start]
        groups_before = text[ix.clause(m.start())[0] : m.start()]
        groups = (
            [g for g in re.split(r"[、和与及]", head) if g.strip()]
            if "、" in head
            else [g for g in re.split(r"[、和与及]", groups_before) if g.strip()]
        )
        if len(groups) < 2 and "、" not in groups_before:
            continue
        prev = [f for f in st.between(ix.sentence(m.start())[0], m.start()) if f.quantity is not None]
        anchor = prev[-1].index if prev else None
        st.respectively.append(Respectively(groups, [f.index for f in run], anchor))
        for f in run:
            if f.role == "value":
                f.role = "respective"


def respective_indices(st: Statements) -> set[int]:
    return {i for r in st.respectively for i in r.values}
