"""Han-aware regex helpers shared by rule kinds: macros usable in pack patterns, Han/CJK tests.
Span sets (quoted names and titles) are lint.text.spans'."""

from __future__ import annotations

import re

from lint.text.markers import BY_NAME, MARKER_ANY

# Macros a pack may write inside a pattern as {NAME}.
MACROS = {
    "HAN": r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]",
    "CJK": r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’—…·]",
    "CJK_PUNCT": r"[。，、；：？！“”‘’（）《》〈〉【】〔〕—…·]",
    "CN_NUM": r"[〇零一二两三四五六七八九十百千万亿]",
    "DIGIT": r"[0-9０-９]",
    # Units and classifiers a number can carry (longest first, so a match consumes the whole unit).
    # Place names (县 市 区 镇 乡 村) are deliberately absent: "X镇" is a name, not a quantity.
    "UNIT": "(?:"
    + "|".join(
        sorted(
            (
                "平方公里 平方千米 平方米 立方米 万平方米 公顷 亩 千米 公里 厘米 毫米 米 ㎡ m² km² 千克 公斤 吨 克 "
                "美元 元 千瓦时 千瓦 万千瓦 升 小时 分钟 天 周 人次 户次 批次 架次 车次 个 项 宗 件 户 人 名 家 "
                "所 座 处 条 批 次 幅 栋 幢 笔 起 张 本 套 株 棵 只 头 辆 台 倍 场 期 轮 类 份 片 篇 册 根 届 "
                "岁 支 艘 块"
            ).split(),
            key=len,
            reverse=True,
        )
    )
    + ")",
    "LATIN": r"[A-Za-zＡ-Ｚａ-ｚ]",
    # Numbering markers, from the one marker table: 一、 (and its wrong points), and any marker.
    "CN_MARKER": BY_NAME["cn-dun"].pattern,
    "MARKER": MARKER_ANY,
}
_MACRO = re.compile(r"\{(" + "|".join(MACROS) + r")\}")


def expand_macros(pattern: str) -> str:
    return _MACRO.sub(lambda m: MACROS[m.group(1)], pattern)


_HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
# Full-width and CJK punctuation (not the ideographic space, not full-width letters or digits).
CJK_PUNCT_CHARS = frozenset("。，、；：？！“”‘’（）《》〈〉【】〔〕「」『』—…·～－／")


def is_han(ch: str) -> bool:
    code = ord(ch)
    return any(low <= code <= high for low, high in _HAN_RANGES)


def is_cjk(ch: str | None) -> bool:
    """A Han character or Chinese (full-width) punctuation."""
    return ch is not None and (is_han(ch) or ch in CJK_PUNCT_CHARS)


# Spans whose ASCII punctuation is never Chinese prose: URLs and e-mail addresses.
URL_OR_EMAIL = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]+"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
)
