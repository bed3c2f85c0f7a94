"""Which figures measure the same indicator: ``fact_key``.

The indicator lexicon (lint.quantities.indicators, rules/indicators/*.yaml) names most of them:
全县耕地保有面积 and 耕地保有量 are both 耕地保有量, 国内生产总值（…），增长5.2% is its growth. Two
figures answer each other when their lexicon keys have the same name, scope (某镇 is not the
county) and aspect (a level, a growth rate or a change; a level in another unit is still the
level, so a change of unit can be seen). A phrase the lexicon does not know falls back to its
own words, with what only frames the figure dropped (全县/全年, 完成/实现, 控制在, 任务/目标).
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
MIN_KEY = 2
# Aspects of a lexicon key that one figure can answer another with ("start" — the A of 由A增至B —
# is an earlier level: never a result or a target).
_ASPECTS = {"level": "", "other": "", "growth": "增长", "change": "变化"}


def words_key(name: str) -> str:
    """The indicator words of a phrase the lexicon does not know ("" when too vague)."""
    key = name.strip().lower()
    for pattern in (_SCOPE, _LEAD, _SCOPE):
        key = pattern.sub("", key)
    key = _TAIL.sub("", key)
    return key if len(key) >= MIN_KEY and not _VAGUE.match(key) else ""


def fact_key(fact: Fact, analysis: Analysis) -> str:
    """The indicator a figure measures, as a key (and the name shown): 耕地保有量, 地区生产总值增长,
    某镇·新增耕地; "" when it cannot be told."""
    known = analysis.indicators.get(fact.index)
    if known is None:
        return _unknown_key(fact, analysis.statements)
    aspect = _ASPECTS.get(known.aspect)
    if aspect is None:
        return ""
    if aspect == "增长" and fact.polarity == "down":
        aspect = "下降"
    return known.key.label() + aspect


def _unknown_key(fact: Fact, statements: Statements) -> str:
    """A bare rate after 增长/下降 (…126万亿元，增长5.2%) takes the words of the value it grows."""
    key = words_key(fact.indicator)
    if key or fact.role != "growth":
        return key
    of = next((other for relation, other in fact.relations if relation == "growth-of"), None)
    base = words_key(statements.facts[of].indicator) if of is not None else ""
    return words_key(base + ("下降" if fact.polarity == "down" else "增长")) if base else ""


def known_indicator(analysis: Analysis, fact: Fact) -> bool:
    """Whether the figure's indicator is one the indicator lexicon knows."""
    return fact.index in analysis.indicators
