"""Which figures measure the same indicator: one function, ``indicator_key``.

A plan writes 全年新增耕地900亩以上 and its summary 新增耕地860亩: both are 新增耕地. The key
drops what only frames the figure (scope 全县/全年, verbs 完成/实现, 控制在, 任务/目标) and keeps
the words that change what is measured (新增, 累计 is a period, 其中 a role: both handled elsewhere).
"""

from __future__ import annotations

import re

# Scope and time words before an indicator: they say where or when, not what.
_SCOPE = re.compile(
    r"^(?:全年|全县|全市|全区|全省|全镇|全乡|全州|全盟|全旗|全国|我县|我市|我区|我省|我局|本年|今年|年内|当年|共|总共|合计)+"
)
# Verbs and modal words that lead into the figure.
_LEAD = re.compile(r"^(?:力争|确保|争取|完成|实现|达到|累计完成|共完成|获得|实施|开展|推进|做好|新完成)+")
# Words after the indicator that frame the figure: 控制在, 保持, 任务, 目标 …
_TAIL = re.compile(r"(?:控制在|控制|保持在|保持|稳定在|达到|达|为|的|任务|目标|指标|计划)+$")
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
    return key if len(key) >= MIN_KEY else ""
