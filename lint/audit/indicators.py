"""Which figures measure the same indicator: one function, ``indicator_key``.

A plan writes 全年新增耕地900亩以上 and its summary 新增耕地860亩: both are 新增耕地. The key
drops what only frames the figure (scope 全县/全年, verbs 完成/实现, 控制在, 任务/目标) and keeps
the words that change what is measured (新增, 累计 is a period, 其中 a role: both handled elsewhere).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lint.analysis import Analysis
    from lint.quantities.statements import Fact, Statements

# Scope and time words before an indicator: they say where or when, not what.
_SCOPE = re.compile(
    r"^(?:全年|全县|全市|全区|全省|全镇|全乡|全州|全盟|全旗|全国|我县|我市|我区|我省|我局|本年|今年|年内|当年|共|总共|合计)+"
)
# Verbs and modal words that lead into the figure.
_LEAD = re.compile(r"^(?:力争|确保|争取|完成|实现|达到|累计完成|共完成|获得|实施|开展|推进|做好|新完成)+")
# Words after the indicator that frame the figure: 控制在, 保持, 任务, 目标 …
_TAIL = re.compile(
    r"(?:控制在|控制|保持在|保持|稳定在|达到|达|为|的|任务|目标|指标|计划|全年|年内|年底|年末|当年|平均|拟按|拟|按)+$"
)
# Keys that name a change or a step, not what is measured.
_VAGUE = re.compile(r"^(?:增长|下降|增加|减少|提高|降低|其中|完成|实现|新增|累计|同比|比上年|总量|规模|以上)+$")
# The same indicator under another name (until the shared lexicon covers it).
_ALIASES = {
    "耕地保有面积": "耕地保有量",
    "耕地面积保有量": "耕地保有量",
    "gdp增长": "地区生产总值增长",
    "生产总值增长": "地区生产总值增长",
    "国内生产总值增长": "地区生产总值增长",
}
MIN_KEY = 2


def indicator_key(name: str) -> str:
    """The normalised indicator a figure measures ("" when too vague to match on)."""
    key = name.strip().lower()
    for pattern in (_SCOPE, _LEAD, _SCOPE):
        key = pattern.sub("", key)
    key = _TAIL.sub("", key)
    key = _ALIASES.get(key, key)
    return key if len(key) >= MIN_KEY and not _VAGUE.match(key) else ""


def fact_key(fact: Fact, statements: Statements) -> str:
    """The key of a figure; a bare rate after 增长/下降 (…126万亿元，增长5.2%) takes the
    indicator of the value it is the growth of (国内生产总值增长)."""
    key = indicator_key(fact.indicator)
    if key or fact.role != "growth":
        return key
    of = next((other for relation, other in fact.relations if relation == "growth-of"), None)
    base = indicator_key(statements.facts[of].indicator) if of is not None else ""
    return indicator_key(base + ("下降" if fact.polarity == "down" else "增长")) if base else ""


def known_indicator(analysis: Analysis, fact: Fact) -> bool:
    """Whether the figure's indicator is one the indicator lexicon knows."""
    return False
