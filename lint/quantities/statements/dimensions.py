"""Partitions: which dimension (性别, 城乡, 年龄, 产业…) a part's name belongs to, and the part
sets of one total split by dimension — two partitions are never added together."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .model import PartSet

if TYPE_CHECKING:
    from ..intervals import Measure
    from .model import Fact, Statements
    from .words import Words


def dimension_of(words: Words, names: list[str]) -> tuple[str, list[str]]:
    """The one dimension all ``names`` belong to, and each name's member in it; ("", []) if none."""
    for dim, members in words.dimensions.items():
        labels = []
        for name in names:
            label = next((lab for lab, rx in members if rx.search(name)), None)
            if label is None:
                break
            labels.append(label)
        else:
            if labels and len(set(labels)) == len(labels):
                return dim, labels
    return "", []


def one_family(words: Words, dim: str, names: list[str]) -> bool:
    """城镇人口/乡村人口 are one indicator split by a dimension; 城镇新增就业/农村劳动力转移就业
    are two indicators that need not add up to anything."""
    rests = set()
    for name in names:
        rest = name
        for _, rx in words.dimensions[dim]:
            rest = rx.sub("", rest)
        rests.add(rest.strip(" \u3000的及和"))
    return len(rests) == 1


def add_sets(
    st: Statements, total: Fact, items: Sequence[tuple[Fact, Measure | None, str]], trigger: str, exhaustive: bool
) -> None:
    """Split the parts by dimension: each dimension is its own part set; the rest one list."""
    words = st.words
    by_dim: dict[str, list[tuple[Fact, str]]] = {}
    plain_items: list[tuple[Fact, str]] = []
    for f, _, name in items:
        dim, _labels = dimension_of(words, [name])
        (by_dim.setdefault(dim, []) if dim else plain_items).append((f, name))
    sets: list[PartSet] = []
    for dim, members in by_dim.items():
        if len(members) < 2:
            plain_items.extend(members)
            continue
        names = [n for _, n in members]
        _, labels = dimension_of(words, names)
        complete = dim in words.complete and words.complete[dim] <= set(labels) and one_family(words, dim, names)
        sets.append(PartSet(total.index, [f.index for f, _ in members], dim, exhaustive or complete, trigger, names))
    if plain_items:
        plain_items.sort(key=lambda p: p[0].start)
        sets.append(
            PartSet(
                total.index,
                [f.index for f, _ in plain_items],
                "",
                exhaustive and not by_dim,
                trigger,
                [n for _, n in plain_items],
            )
        )
    for ps in sets:
        st.part_sets.append(ps)
        if total.role in ("value", "part"):
            total.role = "total"
        for i in ps.parts:
            part = st.facts[i]
            if part.role == "value":
                part.role = "part"
            part.relations.append(("part-of" + (f":{ps.dimension}" if ps.dimension else ""), total.index))
