"""Find quantities (number + unit, classifier or %) in a document's text.

``scan_quantities(text)`` returns every quantity with its code-point span, exact ``Decimal``
value, the interval its writing allows, its unit and the indicator it measures. UNIT, SUM,
CNT, TGT and the quantity rules of NUM consume this list instead of re-parsing text.

Representation (one rule for every unit):

* ``value`` is in the *unit as written*, with scale words applied: 4.8万亩 → 48000 亩,
  457.5亿元 → 45 750 000 000 元, 12万人 → 120000 人. ``unit`` is the registry's canonical
  spelling (公里 → 千米, ㎡ → 平方米, ％ → %); ``unit_raw`` and ``raw`` keep what was written and
  ``scale`` keeps the scale word ("万"), so NUM rules can still see 万元 vs 元.
* The interval follows rules.md (C11 round-to-nearest): measured values are closed
  [v − ½·10^k, v + ½·10^k]; a classifier count written to the units place (12个) is exact;
  bound words widen to one side; 约/左右 doubles the rounding half-width; 近 → [0.9v, v);
  余/多 → (v, v + 10^k) with k the place of the last nonzero digit. ``None`` means unbounded.
* Ranges (3～5万亩, 9亿～16亿) give ONE quantity: ``value`` is the first endpoint, ``low``/``high``
  the endpoints, ``range_pair`` both, and ``range_drops_scale`` flags 9～16亿, 15～30%, 13～17万元.
  Approximate pairs (三四个) and 几 forms (二十几) also report their interval with ``value`` = low.
* "800亿" with no unit after the scale word is returned with ``unit=None, bare_scale=True``.
* Durations are quantities of dimension ``time`` (3小时, 5天, 3个月, 15个工作日); 年/月/日 after a
  number are dates and never quantities (年/月 only appear as denominators: 元/月).

Never quantities (rules.md "Global exclusions"): dates and times, year spans, ordinals
(第3条), names and codes (二十大, 十四五, 1号文件, S302, GB/T 15834—2011, 5G, 3D, 2.0版), text
inside 《》, “” and ‘’ (and ASCII "…" pairs), 发文字号, scales (1:500) and slogans (1+N, 6+1).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, fields
from decimal import Decimal

from lint.text.numerals import CN_DIGITS, CTX, Numeral, parse_number, plain, scale_power

from .units import Unit, UnitRegistry, default_registry

__all__ = ["Quantity", "scan_quantities", "QUALIFIERS"]

# Qualifier words → qualifier (rules.md "Number-word parsing").
_PREFIX_WORDS = {
    "约": "approx",
    "大约": "approx",
    "近": "near",
    "将近": "near",
    "接近": "near",
    "超": "over",
    "超过": "over",
    "逾": "over",
    "多于": "over",
    "高于": "over",
    "不少于": "at_least",
    "不低于": "at_least",
    "至少": "at_least",
    "不超过": "at_most",
    "最多": "at_most",
    "不高于": "at_most",
    "不到": "under",
    "不足": "under",
    "不满": "under",
    "少于": "under",
    "低于": "under",
}
_SUFFIX_WORDS = {
    "以上": "at_least",
    "以下": "at_most",
    "以内": "at_most",
    "之内": "at_most",
    "左右": "approx",
    "上下": "approx",
}
QUALIFIERS = ("approx", "near", "over", "at_least", "at_most", "under", "more")

# Lookbehinds keep words that merely end in a qualifier character out: 节约, 附近, 赶超.
_PREFIX_RE = re.compile(
    r"(?P<q>大约|(?<![节制契签合公预邀条集简相特隐履违])约|将近|接近|(?<![附邻临靠贴亲最就])近"
    r"|超过|(?<![赶高])超|逾|多于|不高于|高于|不少于|不低于|至少|不超过|最多|不到|不足|不满|少于|低于)"
    r"(?:为|达|了|到)?[ \u3000]?$"
)
_SUFFIX_RE = re.compile(r"[ \u3000]?(?P<q>以上|以下|以内|之内|左右|上下)")
_PREFIX_LAST = set("".join(w[-1] for w in _PREFIX_WORDS) + "为达了到 \u3000")
_SUFFIX_FIRST = set("以之左上 \u3000")

_DIG = "[0-9０-９]"
_AR_INT = f"(?:{_DIG}{{1,3}}(?:,[0-9]{{3}})+(?![0-9０-９])|{_DIG}+)"
_AR_CORE = f"(?:{_AR_INT}(?:[.．]{_DIG}+)?|(?<![0-9０-９.．])[.．]{_DIG}+)"
# _AR_CORE after its first character has been consumed (see _Scanner).
_AR_TAIL = (
    f"(?:(?<=[.．])(?<![0-9０-９.．][.．]){_DIG}+"
    f"|(?<=[0-9０-９])(?:{_DIG}{{0,2}}(?:,[0-9]{{3}})+(?![0-9０-９])|{_DIG}*)(?:[.．]{_DIG}+)?)"
)
_CN_DIGIT_CLASS = "〇零一二两三四五六七八九十几"
_CN_ALL = set("〇零一二两三四五六七八九十百千万亿几")
_DASHES = "～~〜—–\\-－至"
_SPACE = "[ \u3000\u00a0]?"

# Characters that end a word whose last character is a numeral: 统一, 唯一, 之一, 第一, 周一 …
# 每一处 (every), 新一轮 (a new round), 另一头 (the other end) are not counts either.
_CN_BLOCK_BEFORE = set("统唯同单万之其第合归划专初周逐星期每新另")
# After a number these begin a date/ordinal/version word, not a unit (for bare scales).
_BARE_BLOCK_AFTER = set("年月日号届时点分秒周期代级版倍")
_ONE_X_ONE = re.compile(r"一[\u4e00-\u9fff]{1,2}[一多]")
# `$` also matches before a line break: a figure that opens a line keeps the words the line before
# ends with (耕地面积⏎500亩: a line PDF extraction broke mid-sentence).
_IND_RUN = re.compile(r"([\u4e00-\u9fff〇]+)[ \u3000\u00a0]?$")
_IND_HEAD = (
    "其中",
    "首先",
    "同时",
    "另外",
    "此外",
    "以及",
    "并且",
    "截至目前",
    "目前",
    "全年",
    "今年",
    "当年",
    "年内",
    "本年",
    "上半年",
    "下半年",
    "年底",
    "年末",
    "年度",
    "全市",
    "全县",
    "全区",
    "全省",
    "全国",
    "全镇",
    "全乡",
    "争取",
    "完成",
    "实现",
    "达到",
    "确保",
    "力争",
    "预计",
    "计划",
    "累计",
    "合计",
    "总计",
    "共计",
    "共",
    "各类",
    "各项",
    "各级",
    "和",
    "及",
    "与",
    "并",
    "年",
    "月",
    "日",
    "度",
)
_IND_TAIL = (
    "分别为",
    "分别",
    "均为",
    "达到",
    "达",
    "为",
    "是",
    "了",
    "共",
    "计",
    "约",
    "有",
    "均",
    "合计",
    "累计",
    "共计",
    "总计",
    "由",
    "从",
    "到",
    "至",
    "在",
    "于",
    "的",
)
_IND_HEAD_RE = re.compile(
    "^(?:(?:[一二三四五六七八九十]+是|" + "|".join(sorted(_IND_HEAD, key=len, reverse=True)) + ")(?=[^率量额值数比].))+"
)
_IND_TAIL_RE = re.compile("(?<=..)(?:" + "|".join(sorted(_IND_TAIL, key=len, reverse=True)) + ")+$")


@dataclass(frozen=True)
class Quantity:
    """One quantity found in text. Offsets are code points into the scanned text, end exclusive.

    ``low``/``high``: the interval the writing allows (None = unbounded), open ends flagged by
    ``low_open``/``high_open``. ``exponent``: place of the last significant written digit
    (4.8万 → 3). ``qualifier``: None or one of QUALIFIERS. ``indicator``: the CJK noun phrase
    just before the number, trimmed of run-in markers, scope words and leading verbs
    (完成/实现/争取 …), e.g. "新增建设用地指标".
    """

    start: int
    end: int
    raw: str
    value: Decimal
    low: Decimal | None
    high: Decimal | None
    low_open: bool
    high_open: bool
    exponent: int
    qualifier: str | None
    unit: str | None
    dimension: str | None
    is_count: bool
    is_percent: bool
    indicator: str
    range_pair: tuple[Decimal, Decimal] | None = None
    range_drops_scale: bool = False
    bare_scale: bool = False
    scale: str = ""
    numeral: str = ""
    form: str = "arabic"
    unit_raw: str | None = None
    legal: bool = True
    qualifier_span: tuple[int, int] | None = None

    @property
    def written_end(self) -> int:
        """Where the writing ends, its trailing bound word (以上, 左右) included."""
        span = self.qualifier_span
        return span[1] if span is not None and span[0] >= self.end else self.end

    def contains(self, x: Decimal) -> bool:
        """Whether ``x`` lies in this quantity's interval."""
        if self.low is not None and (x < self.low or (self.low_open and x == self.low)):
            return False
        if self.high is not None and (x > self.high or (self.high_open and x == self.high)):
            return False
        return True


_FIELDS = tuple(f.name for f in fields(Quantity))
_ZERO = Decimal(0)
_HALF = Decimal("0.5")


def _new_quantity(values: tuple) -> Quantity:
    """Build a Quantity without the frozen ``__init__``'s per-field ``object.__setattr__``.

    Scanning builds thousands of them and that init is ~4× slower than one dict update; the
    result is an ordinary frozen Quantity (equal, hashable, read-only).
    """
    q = object.__new__(Quantity)
    q.__dict__.update(zip(_FIELDS, values, strict=True))
    return q


class _Scanner:
    """The master regex for one registry (its unit spellings are compiled in)."""

    def __init__(self, reg: UnitRegistry):
        t = reg.tables()
        self.tables = t
        self.units = t.units
        sc = t.scale_pattern
        unit = t.unit_pattern
        denom = t.denom_pattern

        def unit_part(p: str) -> str:
            return f"(?:{_SPACE}(?P<{p}u>{unit})(?:[/／](?P<{p}per>{denom}))?)"

        rest = f"(?:几|[余多]?{_SPACE}{sc}+(?:{_AR_CORE}{sc}+)*)?[余多]?"
        cn_rest = f"(?:[{_CN_DIGIT_CLASS}]|{sc})*(?:点[〇零一二两三四五六七八九]+)?(?:[余多](?:{sc})*)?"
        cn_num = f"(?:数(?=[十百千万亿])|[{_CN_DIGIT_CLASS}]){cn_rest}"
        # The pattern starts with ONE character class so that re's search loop skips
        # non-candidates in C (a leading alternation disables that); each branch then checks
        # the consumed first character with a lookbehind. Number spans therefore start at
        # m.start(); the groups anum/cnum hold the rest of the first number.
        ar = (
            f"(?P<ar>(?<=[0-9０-９.．])(?P<anum>{_AR_TAIL}{rest}){unit_part('a')}?"
            f"(?:(?P<dash>[{_DASHES}])(?P<bnum>{_AR_CORE}{rest}){unit_part('b')}?)?)"
        )
        cn = (
            f"(?P<cn>(?:(?<=数)(?=[十百千万亿])|(?<=[{_CN_DIGIT_CLASS}]))(?P<cnum>{cn_rest})"
            f"(?:[{_DASHES}](?P<cnumb>{cn_num}))?{unit_part('c')})"
        )
        pct = f"(?P<pct>(?<=百)分之(?P<pnum>百|{cn_num}|{_AR_CORE}))"
        self.master = re.compile(f"[0-9０-９.．{_CN_DIGIT_CLASS}数百](?:{ar}|{cn}|{pct})")


def _scanner(reg: UnitRegistry) -> _Scanner:
    s = reg._cache.get("scanner")
    if s is None:
        s = reg._cache["scanner"] = _Scanner(reg)
    return s


# ------------------------------------------------------------------------------ exclusions

_ZONE_CH = re.compile(r"[《》〈〉“”‘’「」『』\"\n]")
_PAIRS = {"》": "《", "〉": "〈", "”": "“", "’": "‘", "」": "「", "』": "『"}


def _zones(text: str) -> tuple[list[int], list[int]]:
    """Merged spans of 《…》, “…”, ‘…’, 「…」 and ASCII "…" within one line (quoted text).

    An opener with no closer on its line excludes nothing: an unbalanced “ (PUNC003) must not
    hide the rest of the document.
    """
    spans = _quoted_spans(text)
    if not spans:
        return [], []
    return _merged(spans)


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Every balanced quote or title-mark pair within one line, unmerged."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for m in _ZONE_CH.finditer(text):
        ch = m.group()
        pos = m.start()
        if ch == "\n":
            stack.clear()
        elif ch == '"':
            if stack and stack[-1][0] == '"':
                spans.append((stack.pop()[1], pos + 1))
            else:
                stack.append((ch, pos))
        elif ch in _PAIRS:
            _close_pair(stack, spans, _PAIRS[ch], pos)
        else:
            stack.append((ch, pos))
    return spans


def _close_pair(stack: list[tuple[str, int]], spans: list[tuple[int, int]], opener: str, pos: int) -> None:
    """A closer at ``pos``: pair it with its nearest opener, dropping openers left inside."""
    for i in range(len(stack) - 1, -1, -1):
        if stack[i][0] == opener:
            spans.append((stack[i][1], pos + 1))
            del stack[i:]
            return


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted, overlapping spans merged: (starts, ends) for bisection."""
    spans.sort()
    starts: list[int] = []
    ends: list[int] = []
    for s, e in spans:
        if ends and s < ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def _in_zone(zones: tuple[list[int], list[int]], pos: int) -> bool:
    starts, ends = zones
    if not starts:
        return False
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and pos < ends[i]


def _is_ascii_letter(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z")


def _skip_before(text: str, s: int, chinese: bool) -> bool:
    """Context before a number that makes it an ordinal, a code, a time, a scale or a slogan."""
    if s == 0:
        return False
    c1 = text[s - 1]
    c2 = text[s - 2] if s >= 2 else ""
    if c1 in _ALWAYS_BEFORE or (c1 in " \u3000" and c2 == "第"):
        return True  # 第3条, 第 3 条, 1+N, 6+1, 十五届五次全会
    if c1 in _CODE_LEAD and _code_before(c1, c2):
        return True
    if c1 == "、" and _listed_ordinal(text, s):
        return True
    return chinese and c1 in _CN_BLOCK_BEFORE  # 统一, 唯一, 之一


# A number right after one of these is an ordinal (第3条), a session (届) or a slogan (1+N).
_ALWAYS_BEFORE = frozenset("第届+＋")
# The characters _code_before looks at first (a cheap test: most numbers follow a CJK character).
_CODE_LEAD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-/_. :∶：")


def _code_before(c1: str, c2: str) -> bool:
    """The two characters before a number make it part of a code, a time or a scale."""
    if _is_ascii_letter(c1):
        return True  # S302, G60, PM2.5, V2
    if c1 in "-/_." and _is_ascii_letter(c2):
        return True  # C-3, No.5
    if c1 == " " and "A" <= c2 <= "Z":
        return True  # GB/T 15834—2011, GB 3100
    return c1 in ":∶：" and c2.isdigit()  # 9:30, 1:500, 1∶2000


def _listed_ordinal(text: str, s: int) -> bool:
    """第一、二批, 第3、4条: the ordinal's 第 sits before the first list member."""
    i = s - 2
    while i >= 0 and s - i <= 8 and (text[i] in _CN_ALL or text[i].isdigit() or text[i] == "、"):
        i -= 1
    return i >= 0 and text[i] == "第"


def _skip_after(text: str, e: int) -> bool:
    if e >= len(text):
        return False
    c = text[e]
    if c in "+＋":
        return True
    if c in ":∶：" and e + 1 < len(text) and text[e + 1].isdigit():
        return True
    return _is_ascii_letter(c)  # 5G, 3D (a unit such as km would have matched first)


# ------------------------------------------------------------------------------ helpers


def _indicator(text: str, p: int) -> str:
    """The run of CJK characters before ``p``, trimmed; "" when there is none.

    Kept simple on purpose: the run back to the previous punctuation, digit or Latin letter
    (at most 24 characters; one stray space before the number is skipped), minus run-in
    markers (一是), scope words (全市, 全年), leading verbs (争取, 完成, 实现 …) and trailing
    linking words (为, 达, 由, 分别为 …). A verb stays when a rate or amount follows it
    (完成率, 完成额), and 新增 always stays: "新增建设用地指标". Rules comparing indicators
    (UNIT002, TGT003) should treat it as a hint, not an identity.
    """
    m = _IND_RUN.search(text, max(0, p - 25), p)
    if not m:
        return ""
    ind = m.group(1)
    h = _IND_HEAD_RE.match(ind)
    if h:
        ind = ind[h.end() :]
    t = _IND_TAIL_RE.search(ind)
    if t:
        ind = ind[: t.start()]
    return ind


class _End:
    """One parsed endpoint: numeral, its span and the unit written after it (if any)."""

    __slots__ = (
        "num",
        "s",
        "e",
        "unit",
        "unit_name",
        "unit_raw",
        "end",
        "text",
        "rejected",
        "dimension",
        "legal",
        "composite",
    )

    def __init__(self, num: Numeral, s: int, e: int, text: str):
        self.num = num
        self.s = s
        self.e = e
        self.text = text
        self.unit: Unit | None = None
        self.unit_name: str | None = None
        self.unit_raw: str | None = None
        self.end = e
        self.rejected = False  # a unit-like word followed but was refused (吨级, 十分)
        self.dimension: str | None = None
        self.legal = True
        self.composite = False


def _attach_unit(sc: _Scanner, text: str, m: re.Match, p: str, end: _End) -> None:
    """Resolve the unit group ``{p}u`` (and ``{p}per``) against flags and stop words."""
    us = m.start(p + "u")
    if us < 0:
        return
    ue = m.end(p + "u")
    surface = m.group(p + "u")
    unit = sc.units.get(surface)
    end.rejected = True
    if unit is None or _unit_refused(sc, text, us, ue, surface, unit, end):
        return
    name = unit.name
    raw_unit = surface
    stop = ue
    dimension = unit.dimension
    legal = unit.legal
    per = m.group(p + "per")
    den = sc.units.get(per) if per is not None else None
    if den is not None:
        name = f"{name}/{den.name}"
        raw_unit = text[us : m.end(p + "per")]
        stop = m.end(p + "per")
        dimension = f"{dimension}/{den.dimension}"
        legal = legal and den.legal
        end.composite = True
    elif not unit.standalone:
        return
    end.rejected = False
    end.dimension = dimension
    end.legal = legal
    end.unit = unit
    end.unit_name = name
    end.unit_raw = raw_unit
    end.end = stop


def _unit_refused(sc: _Scanner, text: str, us: int, ue: int, surface: str, unit: Unit, end: _End) -> bool:
    """The unit-like word at ``text[us:ue]`` is not this number's unit here (吨级, 一座座, 8时30分)."""
    if sc.tables.blocked(text, us, ue):
        return True
    if unit.arabic_only and end.num.form == "chinese":
        return True
    if unit.needs_scale and not end.num.scale:
        return True
    nxt = text[ue] if ue < len(text) else ""
    if unit.word_final and "\u4e00" <= nxt <= "\u9fff":
        return True
    if nxt == surface and len(surface) == 1:
        return True  # 一座座, 一个个: reduplication, not a count
    # 8时30分, 9点30分 are clock times.
    return (
        (unit.dimension == "score" or unit.dimension == "time")
        and end.s >= 2
        and text[end.s - 1] in "时点"
        and text[end.s - 2].isdigit()
    )


def _negate(num: Numeral) -> Numeral:
    return Numeral(
        -num.value, num.exponent, -num.high, -num.low, num.high_open, num.low_open, num.approx, num.scale, num.form
    )


class _Ctx:
    __slots__ = ("text", "sc", "zones", "approx_factor", "near_factor", "out")

    def __init__(self, text, sc, zones, approx_factor, near_factor):
        self.text = text
        self.sc = sc
        self.zones = zones
        self.approx_factor = approx_factor
        self.near_factor = near_factor
        self.out: list[Quantity] = []


def _emit(
    cx: _Ctx,
    start: int,
    end: int,
    num: Numeral,
    unit_end: _End,
    *,
    numeral_end: int,
    range_pair: tuple[Decimal, Decimal] | None = None,
    range_exponent: int | None = None,
    drops: bool = False,
    bare: bool = False,
) -> None:
    text = cx.text
    unit = unit_end.unit
    composite = unit_end.composite
    is_count = unit is not None and unit.dimension == "count" and not composite
    is_percent = unit is not None and unit.dimension == "percent" and not composite
    qualifier, qspan, indicator_at = _qualifier_of(text, start, end, num, range_pair)
    v = num.value
    exponent = num.exponent if range_exponent is None else range_exponent
    low, high, lo_open, hi_open = _bounds(cx, num, exponent, qualifier, is_count, range_pair)
    if low is not None and high is not None and low > high:  # 近-5%: keep the interval ordered
        low, high, lo_open, hi_open = high, low, hi_open, lo_open
    cx.out.append(
        _new_quantity(
            (
                start,
                end,
                text[start:end],
                v,
                low,
                high,
                lo_open,
                hi_open,
                exponent,
                qualifier,
                unit_end.unit_name,
                unit_end.dimension,
                is_count,
                is_percent,
                _indicator(text, indicator_at),
                range_pair,
                drops,
                bare,
                num.scale,
                text[start:numeral_end],
                num.form,
                unit_end.unit_raw,
                unit_end.legal,
                qspan,
            )
        )
    )


_Bounds = tuple[Decimal | None, Decimal | None, bool, bool]  # low, high, low open, high open


def _qualifier_of(
    text: str, start: int, end: int, num: Numeral, range_pair: tuple[Decimal, Decimal] | None
) -> tuple[str | None, tuple[int, int] | None, int]:
    """(qualifier, its span, where the indicator ends): a bound word before or after the number,
    or the approximation written into the numeral itself (三四个, 二十几, 10余)."""
    pq = pspan = sq = sspan = None
    # Cheap character tests first: most quantities have no qualifier at all.
    if start and text[start - 1] in _PREFIX_LAST:
        pre = _PREFIX_RE.search(text, max(0, start - 6), start)
        if pre:
            pq, pspan = _PREFIX_WORDS[pre.group("q")], pre.span("q")
    if end < len(text) and text[end] in _SUFFIX_FIRST:
        post = _SUFFIX_RE.match(text, end)
        if post:
            sq, sspan = _SUFFIX_WORDS[post.group("q")], post.span("q")
    indicator_at = pspan[0] if pq and pspan else start
    if range_pair is None and num.approx is not None:
        return ("more", None, indicator_at) if num.approx == "more" else ("approx", pspan if pq else None, indicator_at)
    return pq or sq, pspan if pq else sspan, indicator_at


def _bounds(
    cx: _Ctx,
    num: Numeral,
    exponent: int,
    qualifier: str | None,
    is_count: bool,
    range_pair: tuple[Decimal, Decimal] | None,
) -> _Bounds:
    """The interval a quantity's writing allows (see the module docstring)."""
    if range_pair is not None:
        return range_pair[0], range_pair[1], False, False
    if num.approx is not None:
        return num.low, num.high, num.low_open, num.high_open
    if qualifier is None:
        if is_count and exponent == 0 and not num.scale:
            return num.value, num.value, False, False  # a classifier count to the units place is exact
        return num.low, num.high, False, False
    return _qualified(cx, num.value, exponent, qualifier)


def _qualified(cx: _Ctx, v: Decimal, exponent: int, qualifier: str) -> _Bounds:
    """The interval of ``v`` under a bound word (超, 不低于, 以下, 不足, 近, 约 …)."""
    if qualifier == "over":
        return v, None, True, False
    if qualifier == "at_least":
        return v, None, False, False
    if qualifier == "at_most":
        return (_ZERO if v >= 0 else None), v, False, False
    if qualifier == "under":
        return (_ZERO if v >= 0 else None), v, False, True
    if qualifier == "near":
        return plain(CTX.multiply(v, cx.near_factor)), v, False, True
    half = CTX.multiply(_HALF.scaleb(exponent), cx.approx_factor)  # approx
    return plain(CTX.subtract(v, half)), plain(CTX.add(v, half)), False, False


def _num_span(m: re.Match, p: str) -> tuple[int, int]:
    """Span of number ``p``: "a" starts at the match start (its first char is outside anum)."""
    return (m.start(), m.end("anum")) if p == "a" else m.span("bnum")


def _single(cx: _Ctx, m: re.Match, p: str, *, first: bool) -> None:
    """An Arabic endpoint on its own: quantity if it has a unit, or a bare 万/亿 scale."""
    text = cx.text
    s, e = _num_span(m, p)
    if _skip_before(text, s, False):
        return
    num = parse_number(text[s:e])
    if num is None:
        return
    end = _End(num, s, e, text)
    _attach_unit(cx.sc, text, m, p, end)
    start = s
    if first and s >= 1 and text[s - 1] in "-−－":
        # 增长-2.1%: a sign, not a dash (a dash or hyphen follows a digit, a code or a list).
        c2 = text[s - 2] if s >= 2 else ""
        if not (c2.isdigit() or _is_ascii_letter(c2) or c2 in "、～~〜-—"):
            num = _negate(num)
            end.num = num
            start = s - 1
    if end.unit is None:
        if not num.scale or end.rejected or _skip_after(text, e):
            return
        if _bare_blocked(text, e):
            return
        _emit(cx, start, e, num, end, numeral_end=e, bare=True)
        return
    # 3、4天 (NUM005): two consecutive single digits joined by 、 are an approximation.
    if first and _dun_pair(cx, text, s, num, end):
        return
    _emit(cx, start, end.end, num, end, numeral_end=e)


def _dun_pair(cx: _Ctx, text: str, s: int, num: Numeral, end: _End) -> bool:
    if s < 2 or text[s - 1] != "、" or num.approx or num.scale or end.unit_name == "类":
        return False  # 一、二类新药 is a list of classes
    prev = text[s - 2]
    pv = CN_DIGITS.get(prev) if num.form == "chinese" else (int(prev) if "0" <= prev <= "9" else None)
    if pv is None:
        return False
    cur = text[s : end.e]
    if len(cur) != 1 or pv + 1 != num.value:
        return False
    if s >= 3 and (text[s - 3] in _CN_ALL or text[s - 3].isdigit() or text[s - 3] in "、第"):
        return False
    low = Decimal(pv)
    pair = Numeral(low, 0, low, num.value, approx="approx", form=num.form)
    _emit(cx, s - 2, end.end, pair, end, numeral_end=end.e)
    return True


def _range(cx: _Ctx, m: re.Match) -> None:
    """Two Arabic numbers joined by a dash or 至: one range quantity, or what stands on its own."""
    text = cx.text
    a_s, a_e = _num_span(m, "a")
    b_s, b_e = m.span("bnum")
    if _skip_before(text, a_s, False) or (m.start("bu") < 0 and _skip_after(text, b_e)):
        return
    a = parse_number(text[a_s:a_e])
    b = parse_number(text[b_s:b_e])
    if a is None or b is None:
        if a is not None:
            _single(cx, m, "a", first=True)
        if b is not None:
            _single(cx, m, "b", first=False)
        return
    ea = _End(a, a_s, a_e, text)
    eb = _End(b, b_s, b_e, text)
    _attach_unit(cx.sc, text, m, "a", ea)
    _attach_unit(cx.sc, text, m, "b", eb)
    if _not_one_range(cx, m, ea, eb):
        return
    av, a_exp, drops = _range_start(a, b)
    if eb.unit is not None and eb.unit.is_percent and ea.unit is None:
        drops = True  # 15～30%
    # 9亿～16亿 with no unit at all: a bare-scale range (UNIT004 territory), unless refused.
    if eb.unit is None and (eb.rejected or _bare_blocked(text, b_e)):
        return
    lo, hi = (av, b.value) if av <= b.value else (b.value, av)
    first = Numeral(av, a_exp, lo, hi, scale=b.scale, form=a.form if a.form == b.form else "mixed")
    _emit(
        cx,
        a_s,
        eb.end,
        first,
        eb,
        numeral_end=b_e,
        range_pair=(lo, hi),
        range_exponent=min(a_exp, b.exponent),
        drops=drops,
        bare=eb.unit is None,
    )


def _not_one_range(cx: _Ctx, m: re.Match, ea: _End, eb: _End) -> bool:
    """True when the two ends are not one range (what stands on its own is reported)."""
    if ea.unit is not None and (eb.unit is None or ea.unit_name != eb.unit_name):
        # 3亩-5公顷 or 3亩-5: not one range; report what stands on its own.
        _single(cx, m, "a", first=True)
        _single(cx, m, "b", first=False)
        return True
    if eb.unit is None and not eb.num.scale:
        return True  # 2021—2025年, 2-35单元, 表2-8: codes and dates
    if ea.num.approx or eb.num.approx:
        _single(cx, m, "b", first=False)
        return True
    return False


def _range_start(a: Numeral, b: Numeral) -> tuple[Decimal, int, bool]:
    """The first end's value and exponent, taking the second end's scale when it dropped it
    (9～16亿 → 9亿): (value, exponent, scale dropped)."""
    if not a.scale and b.scale:
        p = scale_power(b.scale)
        if a.value <= b.value.scaleb(-p):
            return plain(a.value.scaleb(p)), a.exponent + p, True
    return a.value, a.exponent, False


def _bare_blocked(text: str, e: int) -> bool:
    """A bare 万/亿 figure followed by a date or ordinal word (or a digit) is not a quantity."""
    nxt = text[e] if e < len(text) else ""
    return nxt in _BARE_BLOCK_AFTER or nxt.isdigit()


def _chinese(cx: _Ctx, m: re.Match) -> None:
    """A Chinese numeral with its unit (三个, 十五万亩), or a Chinese range (三至五年)."""
    text = cx.text
    s, e = m.start(), m.end("cnum")
    if _chinese_refused(cx, text, s, e):
        return
    num = parse_number(text[s:e])
    if num is None:
        return
    if m.start("cnumb") >= 0:
        _chinese_range(cx, m, s, num)
        return
    end = _End(num, s, e, text)
    _attach_unit(cx.sc, text, m, "c", end)
    if end.unit is None:
        return
    if _dun_pair(cx, text, s, num, end):
        return
    _emit(cx, s, end.end, num, end, numeral_end=e)


def _chinese_refused(cx: _Ctx, text: str, s: int, e: int) -> bool:
    """Words that merely contain a numeral: 统一, 第三, 一户一档, 零部件 (and 十五届 before 五次)."""
    if _skip_before(text, s, True) or cx.sc.tables.is_not_quantity(text, s):
        return True
    if text[s] == "一" and _ONE_X_ONE.match(text, s):
        return True  # 一户一档, 一地多用: slogans
    return text[s] in "零〇" and e - s == 1  # 零部件: a lone 零 is not a number


def _chinese_range(cx: _Ctx, m: re.Match, s: int, num: Numeral) -> None:
    text = cx.text
    bs = m.start("cnumb")
    b = parse_number(m.group("cnumb"))
    if b is None or num.approx or b.approx:
        return
    end = _End(b, bs, m.end("cnumb"), text)
    _attach_unit(cx.sc, text, m, "c", end)
    if end.unit is None:
        return
    lo, hi = sorted((num.value, b.value))
    first = Numeral(num.value, num.exponent, lo, hi, scale=b.scale, form="chinese")
    _emit(
        cx,
        s,
        end.end,
        first,
        end,
        numeral_end=end.e,
        range_pair=(lo, hi),
        range_exponent=min(num.exponent, b.exponent),
    )


def _percent_words(cx: _Ctx, m: re.Match) -> None:
    """百分之三十六点五 → 36.5 %."""
    text = cx.text
    s, e = m.start(), m.end()
    word = m.group("pnum")
    num = parse_number("一百" if word == "百" else word)
    if num is None or num.approx == "approx":
        return
    pct = cx.sc.units.get("%")
    if pct is None:
        return
    end = _End(num, s, e, text)
    end.unit, end.unit_name, end.unit_raw, end.end = pct, pct.name, "百分之", e
    end.dimension, end.legal = pct.dimension, pct.legal
    _emit(cx, s, e, num, end, numeral_end=e)


def scan_quantities(
    text: str,
    registry: UnitRegistry | None = None,
    *,
    approx_factor: Decimal = Decimal(2),
    near_factor: Decimal = Decimal("0.9"),
) -> list[Quantity]:
    """All quantities in ``text``, in order of position. Never raises on any ``str``.

    ``registry`` defaults to the built-in ``rules/units.yaml``. ``approx_factor`` widens the
    rounding half-width for 约/左右 (rules.md: ×2); ``near_factor`` is the lower bound of 近
    as a share of v (0.9).
    """
    if not text:
        return []
    reg = registry or default_registry()
    sc = _scanner(reg)
    zones = _zones(text)
    cx = _Ctx(text, sc, zones, approx_factor, near_factor)
    has_zones = bool(zones[0])
    for m in sc.master.finditer(text):
        if has_zones and _in_zone(zones, m.start()):
            continue
        if m.start("ar") >= 0:
            if m.start("bnum") >= 0:
                _range(cx, m)
            elif m.start("au") >= 0 or _has_scale(m):
                _single(cx, m, "a", first=True)
        elif m.start("cn") >= 0:
            _chinese(cx, m)
        else:
            _percent_words(cx, m)
    return cx.out


def _has_scale(m: re.Match) -> bool:
    num = m.group("anum")
    return any(ch in "百千万亿" for ch in num)
