"""What the numbers of a document say: clauses, facts and the relations between them.

Built once per document (``Analysis.statements``) from the scanned quantities, the text index
and the outline; the quantity rules (SUM, UNIT, CNT, TGT) are queries over it and
``gwlint facts`` prints it.

* A **clause** is a stretch of text between 。；，！？ or a line break, or a run-in item
  (一是…); it knows the outline node it sits under and whether that is a 目标 section.
* A **fact** is one written number in a clause: a scanned quantity, or a bare number with no
  unit at all (``950，``) kept so a dropped unit can be seen. It carries its indicator (the noun
  phrase before it), its exact interval, its unit (own, or shared from the last item of a
  ``3.5、4.2、5万亩`` list), qualifier word, polarity, period and role.
* A **part set** ties a total to parts: ``其中``/``包括`` lists (never exhaustive, unless the
  parts cover one dimension completely — 男/女, 城镇/乡村, 0—14/15—64/65岁及以上, 三次产业),
  bracketed breakdowns, ``分别为`` name–value lists and ``…，合计T``. Each dimension of one total
  is its own part set: parts of two partitions are never added together.
* A **respectively** mapping (``工业、服务业分别为21.5亿元、9.8亿元``) assigns values to named
  groups; those values are never parts of the total before them.
* **Growth**: a percentage after 增长/下降… bound to the value it qualifies; **share**: 占…%.

Modules: ``model`` (the dataclasses), ``words`` (the vocabulary), ``clauses``, ``facts``,
``target_items``, ``growth`` (growth and shares), ``respectively``, ``partsets`` with
``subsets`` (其中/包括), ``dimensions`` and ``reading`` (how a figure reads), ``queries`` (what
the rules ask), ``build``.
"""

from .build import build_statements
from .facts import describe, is_target
from .model import Fact, PartSet, Statements
from .queries import implied_growth, missing_units, part_set_text

__all__ = [
    "Fact",
    "PartSet",
    "Statements",
    "build_statements",
    "describe",
    "implied_growth",
    "is_target",
    "missing_units",
    "part_set_text",
]
