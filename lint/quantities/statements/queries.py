"""Queries the rules share: a part set's arithmetic, the growth its parts imply, figures that
lost their unit."""

from __future__ import annotations

import re
from decimal import Decimal

from lint.text.numerals import CTX

from ..intervals import add_intervals, disjoint, ratio_percent
from .model import Fact, PartSet, Statements
from .reading import is_modifier


def parts_interval(st: Statements, ps: PartSet) -> tuple[Decimal | None, Decimal | None] | None:
    """The parts' summed interval in the total's canonical unit, or None if one does not convert."""
    measures = [st.measure(st.facts[i]) for i in ps.parts]
    if any(mp is None for mp in measures):
        return None
    return add_intervals((mp.low, mp.high) for mp in measures if mp is not None)


def implied_growth(st: Statements, ps: PartSet) -> tuple[Decimal, Decimal] | None:
    """The total's growth in percent that its exhaustive parts' values and growths imply:
    Σparts / Σ(part / (1 + g)) − 1, as an interval; None when a part has no stated growth."""
    now_low = now_high = base_low = base_high = Decimal(0)
    hundred = Decimal(100)
    for i in ps.parts:
        g = st.growth_of(i)
        mp = st.measure(st.facts[i])
        if g is None or mp is None or mp.low is None or mp.high is None:
            return None
        rate = st.facts[g.rate].quantity
        if rate is None or rate.low is None or rate.high is None:
            return None
        sign = -1 if g.down else 1
        r_low = CTX.add(hundred, sign * (rate.high if g.down else rate.low))
        r_high = CTX.add(hundred, sign * (rate.low if g.down else rate.high))
        if r_low <= 0:
            return None
        now_low, now_high = CTX.add(now_low, mp.low), CTX.add(now_high, mp.high)
        base_low = CTX.add(base_low, CTX.divide(CTX.multiply(mp.low, hundred), r_high))
        base_high = CTX.add(base_high, CTX.divide(CTX.multiply(mp.high, hundred), r_low))
    ratio = ratio_percent((now_low, now_high), (base_low, base_high))
    if ratio is None:
        return None
    return CTX.subtract(ratio[0], hundred), CTX.subtract(ratio[1], hundred)


def written_value(st: Statements, fact: Fact) -> Decimal | None:
    """The value as written, in its dimension's canonical unit (None if it does not convert)."""
    from ..intervals import canonical_interval

    q = fact.quantity
    if q is None:
        return None
    converted = canonical_interval(q, st.registry, q.value, q.value)
    return converted[0] if converted else None


def _label(st: Statements, ps: PartSet, i: int) -> str:
    """A part's name in the arithmetic: the dimension word (城镇, 男, 0—14岁) or the name's end."""
    name = ps.names[i] if i < len(ps.names) else ""
    for _, rx in st.words.dimensions.get(ps.dimension, ()):
        m = rx.search(name)
        if m:
            return m.group().lstrip("^，、")
    # the name as written (农林牧渔服务业产值, 中小民营企业发展专项保障指标): a cut one misleads;
    # a name that starts inside a bracket (街道）卫生院) keeps what follows it; only a runaway
    # phrase is shortened, keeping its end, where the part's noun is
    close = max(name.rfind("）"), name.rfind(")"))
    if close >= 0 and "（" not in name[:close] and "(" not in name[:close]:
        name = name[close + 1 :] or name
    return name if len(name) <= 16 else "…" + name[-15:]


def part_set_text(st: Statements, ps: PartSet) -> tuple[str, bool | None]:
    """ "城镇39880+乡村46540=86420 ✓" and whether the parts agree with the total (None: unknown)."""
    from ..intervals import show

    total = st.facts[ps.total]
    terms = []
    values = []
    for n, i in enumerate(ps.parts):
        f = st.facts[i]
        terms.append(f"{_label(st, ps, n)}{_numeral(f)}")
        values.append(written_value(st, f))
    head = f"{ps.dimension}：" if ps.dimension else ""
    if any(v is None for v in values) or total.quantity is None or total.unit is None:
        return head + "+".join(terms), None
    sum_value = sum((v for v in values if v is not None), Decimal(0))
    shown = _strip_unit(show(sum_value, total.quantity, st.registry), total)
    sums = parts_interval(st, ps)
    mt = st.measure(total)
    if sums is None or mt is None:
        return head + "+".join(terms) + f"={shown}", None
    if ps.exhaustive:
        ok = not disjoint(sums, (mt.low, mt.high))
    else:  # some parts only: they must not exceed the total
        ok = sums[0] is None or mt.high is None or sums[0] <= mt.high
    text = head + "+".join(terms) + f"={shown}"
    if ps.exhaustive:
        text += " ✓" if ok else f" ≠ {_numeral(total)}"
    else:
        text += f" ≤ {_numeral(total)} ✓" if ok else f" > {_numeral(total)}"
    return text, ok


def _numeral(f: Fact) -> str:
    q = f.quantity
    if q is None:
        return f.raw
    return q.numeral + (q.scale if q.scale and not q.numeral.endswith(q.scale) else "")


def _strip_unit(shown: str, total: Fact) -> str:
    unit = total.quantity.unit_raw if total.quantity is not None else None
    return shown[: -len(unit)] if unit and shown.endswith(unit) else shown


# a ratio or rate has no unit to drop (收入比缩小至2.12, 倍差从2.42, 完成率55.5 is UNIT004's
# rate check), nor has a figure or table number (图1)
_RATIO_NAME = re.compile(
    r"比(?!上年|去年|年初|上月|同期|[0-9０-９]{4}年)|倍差|比值|系数|指数|比例|率|(?:图|表|附件|第)$"
)


_NOT_VALUE_BEFORE = set("\"'“‘≤≥<>＜＞=＝:：∶")  # a closing ” is a name's end: “四好农村路”1.67万
_NOT_VALUE_AFTER = set("\"'“”‘’≤≥<>＜＞=＝:：∶")


def missing_units(st: Statements) -> list[tuple[Fact, Fact]]:
    """Figures with no unit beside figures that have one: (the bare figure, a sibling with its
    unit). Siblings are the figures of the same clause and the members of the same part set.
    Left out: ratios (收入比2.06), figure numbers (图1), marks (≤13"1), a unit written into the
    name (医疗旅游人次86.5万) and a figure followed by the noun it counts (6069万农民)."""
    from ..intervals import ADDITIVE

    text = st.text
    members: dict[int, PartSet] = {}
    for ps in st.part_sets:
        for i in (ps.total, *ps.parts):
            members.setdefault(i, ps)
    out: list[tuple[Fact, Fact]] = []
    for f in st.facts:
        if f.unit is not None or (f.quantity is not None and not f.quantity.bare_scale):
            continue
        if is_modifier(text, f) or _RATIO_NAME.search(f.name[-12:]):
            continue
        if text[f.start - 1 : f.start] in _NOT_VALUE_BEFORE or text[f.end : f.end + 1] in _NOT_VALUE_AFTER:
            continue
        if _unit_in_name(st, f.name):
            continue
        start, end = sentence_group(text, f)
        siblings = [
            g for g in st.between(start, end) if g.quantity is not None and g.unit and g.quantity.dimension in ADDITIVE
        ]
        own_set = members.get(f.index)
        if own_set is not None:
            siblings += [st.facts[i] for i in (own_set.total, *own_set.parts) if st.facts[i].unit]
        if siblings:
            out.append((f, min(siblings, key=lambda g: abs(g.start - f.start))))
    return out


def sentence_group(text: str, f: Fact) -> tuple[int, int]:
    """The stretch around ``f`` up to the nearest ；/。/line break on either side."""
    start = max(text.rfind(ch, 0, f.start) for ch in "；;。！？!?\n") + 1
    ends = [i for i in (text.find(ch, f.end) for ch in "；;。！？!?\n") if i >= 0]
    return start, min(ends) if ends else len(text)


def _unit_in_name(st: Statements, name: str) -> bool:
    """医疗旅游人次, 用电量(千瓦时): the name ends with a unit, so the figure has one."""
    lookup = st.registry.lookup
    return any(lookup(name[-n:]) is not None for n in (2, 3) if len(name) >= n)
