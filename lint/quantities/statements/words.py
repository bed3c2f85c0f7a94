"""The words the statement model reads numbers by: change and growth verbs, share words,
subset and sum triggers, list stops, target and period words, and the dimensions of a partition."""

from __future__ import annotations

import re

# Before a number in its clause: the number is a change, not a stock (增加值 is a noun).
CHANGE = re.compile(
    r"比上年|比年初|比去年|比上年末|同比|环比|较上年|较去年|较年初"
    r"|增加(?!值)|减少|增长|下降|增收|减收|增产|减产|提高|降低|上升|回落|净增|净减|扩大|缩小"
)


# 累计 totals and per-head values do not add up.
NOT_ADDITIVE = re.compile(r"累计|历年|人均|户均|亩均|平均|年均|日均|每")


# A ，-piece after the parts that starts a new figure ends the list of parts.
STOP = re.compile(r"共|合计|总|全年|年末|年内|另外|此外|同时|另有|余下|剩余|其余")


STOP_START = re.compile(
    r"^\s*(?:全(?:县|市|省|区|国|镇|乡|年)|完成|实现|办结|结案|受理|立案|查处|新增|新建|建成|建设|实施|开展"
    r"|治理|修复|整治|改造|提升|推进|推动|争取|获得|引进|实际|办理|发放|拆除|处置|消化|盘活|供应|出让|征收"
    r"|收储|报批|保障|落实|组织|培训|接待|帮助|解决|清理|整改|销号|签约|开工|竣工|投产|招引|储备|创建|打造"
    r"|培育|累计|已)"
)


SUBSET_TRIGGER = re.compile(r"其中|包括")


# Words in a bracket that make it a partial list.
OPEN_WORDS = re.compile(r"其中|包括|包含|含|主要|等|如|例如|约|部分|另|不含|不包括|以上")


SUM_WORDS = re.compile(r"合计|共计|总计")


RESPECTIVELY = re.compile(r"分别(?:为|是|达到|达|占|增长|下降|减少|增加|提高)?")


GROWTH_WORD = re.compile(
    r"(?:比上年|比去年|同比|较上年|比上年末|比年初)?(?:分别)?"
    r"(?P<verb>增长|增加|提高|上升|扩大|提升|下降|减少|降低|缩小|回落|负增长)"
    r"(?:了|为|达)?\s*$"
)


DOWN = ("下降", "减少", "降低", "缩小", "回落", "负增长")


SHARE_WORD = re.compile(
    r"占(?!用|地|补|压|道|领|据|有)[^，。；;]{0,20}?(?:的)?(?:比重|比例)?(?:为|达)?\s*$"
    r"|(?:占比|比重)(?:为|达)?\s*$"
)


TARGET_WORDS = re.compile(r"力争|确保|目标|预期|争取|不低于|不少于|达到")


MODAL = re.compile(r"力争|确保|争取")


PERIOD = re.compile(
    r"(?:19|20)\d{2}年(?:底|末|上半年|下半年|[一二三四]季度|\d{1,2}月(?:底|末)?)?(?:前)?"
    r"|上半年|下半年|[一二三四]季度|前[一二三]季度|年底前|年底|年末|年内|全年|当年|累计|\d{1,2}月底前|\d{1,2}月(?:份)?"
)


TARGET_TITLE = re.compile(r"目标")


NOT_TARGET_TITLE = re.compile(r"指导思想|总体要求|基本原则|工作原则|保障措施|总体思路")


TARGET_SECTION = re.compile(r"目标")


NOT_TARGET_SECTION = re.compile(
    r"指导思想|总体要求|基本原则|工作原则|保障措施|总体思路|完成情况|情况|成效|回顾"
    r"|评价目标|教学目标|学习目标|培养目标"
)


BY = re.compile(r"[按分][\u4e00-\u9fff]{1,10}?(?:统计|分|划分|来看|看)[，,：:]")


OPENS_SUBSET = re.compile(r"\s*(?:其中|包括)")


# Dimensions of a partition: each part's name (the text before its figure) tells which.
DIMENSIONS: dict[str, tuple[tuple[str, re.Pattern], ...]] = {
    "性别": (("男", re.compile(r"男")), ("女", re.compile(r"女"))),
    "城乡": (("城镇", re.compile(r"城镇|城市")), ("乡村", re.compile(r"乡村|农村"))),
    "产业": (
        ("第一产业", re.compile(r"第一产业|一产")),
        ("第二产业", re.compile(r"第二产业|二产")),
        ("第三产业", re.compile(r"第三产业|三产")),
    ),
    "年龄": (
        (
            "低龄",
            re.compile(r"(?:^|[^0-9])0\s*[—\-－～~至]\s*\d+\s*(?:周)?岁|\d+\s*(?:周)?岁以下|\d+\s*(?:周)?岁及以下"),
        ),
        ("中间", re.compile(r"\d+\s*[—\-－～~至]\s*\d+\s*(?:周)?岁")),
        ("高龄", re.compile(r"\d+\s*(?:周)?岁(?:及)?以上")),
    ),
    "所有制": (("国有", re.compile(r"国有")), ("民营", re.compile(r"民营|私营")), ("外资", re.compile(r"外资|外商"))),
    "消费类型": (("商品零售", re.compile(r"商品零售")), ("餐饮收入", re.compile(r"餐饮"))),
    "进出口": (("出口", re.compile(r"出口")), ("进口", re.compile(r"进口"))),
    "税收/非税": (("非税收入", re.compile(r"非税")), ("税收收入", re.compile(r"(?<!非)税收"))),
}


# Partitions whose every member must be present before the parts are taken as exhaustive.
COMPLETE = {
    "性别": {"男", "女"},
    "城乡": {"城镇", "乡村"},
    "产业": {"第一产业", "第二产业", "第三产业"},
    "年龄": {"低龄", "高龄"},
    "消费类型": {"商品零售", "餐饮收入"},
    "进出口": {"出口", "进口"},
    "税收/非税": {"税收收入", "非税收入"},
}
