"""Fault kinds about quantities: unit-drop, sum-exceed, sum-mismatch, growth-mismatch.

A site is only taken when the text proves it: siblings that really carry the unit, a 其中 part
that really is smaller than its total, a partition whose parts really add up to the total (and
whose growths really recompute the total's) before anything is changed.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from decimal import Decimal

from inject_model import MEASURE_UNITS, Plant, Quantity, Site, SourceDoc, format_like, quantities, replace_in_line

# A number right after one of these is a change, not a stock: "比上年末增加10.58万人", "增支52.93亿元".
DELTA = re.compile(r"(?:增加|减少|增长|下降|提高|降低|扩大|缩小|超过|[增减][支产收]?|多|少|由|从|上年)$")
RANGE_MARKS = "-－~～—至到"
NOT_ALONE_AFTER = re.compile(r"[、和及与/·每]|均|产|公里|千米|小时|时|次|级|位")
# "由2110公里增至3055公里": without the first unit it reads as a range with one shared unit.
SHARED_AFTER = re.compile(r"(?:增至|增加到|提高到|提高至|提升到|提升至|降至|降低到|下降到|扩大到|以下)")


def _clauses(line: str, stops: str = "。；！？") -> list[tuple[int, int]]:
    out, start = [], 0
    for index, char in enumerate(line):
        if char in stops:
            out.append((start, index + 1))
            start = index + 1
    if start < len(line):
        out.append((start, len(line)))
    return out


def _indicator(line: str, q: Quantity) -> str:
    """The words before a quantity, back to the previous punctuation or quantity."""
    head = line[: q.start]
    cut = max(head.rfind(p) for p in "，。；：、（(“”") + 1
    digits = [m.end() for m in re.finditer(r"\d[\d.]*\s?[万亿]?[^\d\s，。；、]?", head[cut:])]
    return head[cut + (digits[-1] if digits else 0) :]


def _is_delta(line: str, q: Quantity) -> bool:
    return DELTA.search(line[: q.start]) is not None


def _in_range(line: str, q: Quantity) -> bool:
    before = line[q.start - 1] if q.start else ""
    after = line[q.end] if q.end < len(line) else ""
    return before in RANGE_MARKS or after in RANGE_MARKS or (bool(after) and after in "/每")


# -- unit-drop -------------------------------------------------------------------------------


def find_unit_drop(doc: SourceDoc) -> list[Site]:
    sites = []
    for lineno, line in enumerate(doc.lines, start=1):
        for start, end in _clauses(line):
            found = [q for q in quantities(line[start:end]) if q.unit in MEASURE_UNITS]
            shifted = [Quantity(q.start + start, q.end + start, q.number, q.scale, q.unit) for q in found]
            for q in shifted:
                siblings = [s for s in shifted if s is not q and s.unit == q.unit]
                if not siblings or _in_range(line, q):
                    continue
                # before 、/和 the next item's unit would read as a shared trailing unit; inside a
                # compound (吨公里, 亩次, 万吨级, 元/吨) the drop would leave another unit, not none
                if NOT_ALONE_AFTER.match(line, q.end) or SHARED_AFTER.match(line, q.end):
                    continue
                if q.scale == "" and q.unit == "元" and len(q.number) <= 2:
                    continue  # 5元 reads as a count when bare
                nearest = min(siblings, key=lambda s: abs(s.start - q.start))
                shape = f"{_relation(line, q, nearest)}, {'bare 万/亿 left' if q.scale else 'bare number left'}"
                sites.append(
                    Site(
                        "unit-drop",
                        doc,
                        lineno,
                        f"{line[q.start : q.end]} beside {line[nearest.start : nearest.end]}",
                        shape,
                        {"start": q.unit_start, "end": q.end, "clause": (start, end)},
                    )
                )
    return sites


def _relation(line: str, q: Quantity, sibling: Quantity) -> str:
    """How a quantity and its nearest sibling are related, for the breakdown of misses."""
    between = line[min(q.end, sibling.end) : max(q.start, sibling.start)]
    if "其中" in between:
        return "其中 total/part"
    if "，" not in between and "," not in between and re.search(r"[、和及与]", between):
        return "same 、-list"
    return "same sentence"


def plant_unit_drop(site: Site, rng: random.Random) -> Plant:
    return replace_in_line(site.doc, site.line, site.data["start"], site.data["end"], "", concerns=site.data["clause"])


# -- sum-exceed --------------------------------------------------------------------------------


def find_sum_exceed(doc: SourceDoc) -> list[Site]:
    sites = []
    for lineno, line in enumerate(doc.lines, start=1):
        for match in re.finditer(r"其中[：:，,]?", line):
            total = _total_before(line, match.start())
            if total is None:
                continue
            # the parts of this 其中: up to the end of its clause, or the next 其中
            clause_end = _next_stop(line, match.end(), "。；;")
            following = line.find("其中", match.end(), clause_end)
            clause_end = following if following >= 0 else clause_end
            parts = [q for q in quantities(line[match.end() : clause_end])]
            parts = [Quantity(q.start + match.end(), q.end + match.end(), q.number, q.scale, q.unit) for q in parts]
            parts = [
                q
                for q in parts
                if q.unit == total.unit
                and not _is_delta(line, q)
                and not _in_range(line, q)
                and not SHARED_AFTER.match(line, q.end)
                and not PER_HEAD.search(_piece_before(line, match.end(), q))
            ]
            parts = _before_next_statistic(line, match.end(), parts)
            if not parts or any(p.value >= total.value for p in parts):
                continue
            if sum(p.value - p.half_step for p in parts) > total.value + total.half_step:
                continue  # the parts add up to more already: this 其中 splits something else
            for part in parts:
                sites.append(
                    Site(
                        "sum-exceed",
                        doc,
                        lineno,
                        f"{line[part.start : part.end]} of {line[total.start : total.end]}",
                        "written like the total" if part.scale == total.scale else "scales differ",
                        {"total": total, "part": part},
                    )
                )
    return sites


# A figure per head is not a part of a count (每万人有效发明专利拥有量4.37件 of 专利授权量6742件).
PER_HEAD = re.compile(r"每|人均|户均|平均")
# A later ，-piece of a 其中 clause that holds a stock word (高速公路总里程达9.56万公里, 年末有效发明
#专利拥有量2188件) or opens with a verb of its own (，培育江西省绿色技术创新企业2家) is the next
# statistic of the sentence, not one more part.
NEXT_STATISTIC = re.compile(r"总|年末|累计|^(?:培育|新增|新建|认定|引进|获得|完成|实现)")


def _piece_before(line: str, start: int, q: Quantity) -> str:
    """The words of q's ，/、-piece before it (from ``start`` at the earliest)."""
    cut = max([start] + [line.rfind(p, start, q.start) + 1 for p in "，,、"])
    return line[cut : q.start]


def _before_next_statistic(line: str, start: int, parts: list[Quantity]) -> list[Quantity]:
    """The parts up to the first later ，-piece that starts the next statistic."""
    kept: list[Quantity] = []
    for q in parts:
        piece_start = max([start] + [line.rfind(p, start, q.start) + 1 for p in "，,"])
        later = line[start:piece_start].strip("，,：: ") != ""
        if later and NEXT_STATISTIC.search(line[piece_start : q.start].strip()):
            break
        kept.append(q)
    return kept


def _next_stop(line: str, start: int, stops: str) -> int:
    positions = [line.find(s, start) for s in stops]
    positions = [p for p in positions if p >= 0]
    return min(positions) if positions else len(line)


def _total_before(line: str, position: int) -> Quantity | None:
    """The stock a 其中 refers to: the last non-delta quantity of its sentence (or of the
    sentence before, when 其中 opens a sentence)."""
    sentence_start = line.rfind("。", 0, position)
    if sentence_start >= 0 and not line[sentence_start + 1 : position].strip():
        sentence_start = line.rfind("。", 0, sentence_start)
    start = sentence_start + 1
    found = [
        Quantity(q.start + start, q.end + start, q.number, q.scale, q.unit) for q in quantities(line[start:position])
    ]
    stocks = [q for q in found if not _is_delta(line, q) and not _in_range(line, q)]
    if not stocks or "分别" in line[start:position]:
        return None
    return stocks[-1] if stocks[-1] is found[-1] else None


def plant_sum_exceed(site: Site, rng: random.Random) -> Plant:
    total: Quantity = site.data["total"]
    part: Quantity = site.data["part"]
    factor = Decimal(rng.choice(("1.12", "1.18", "1.25", "1.35", "1.5")))
    ceiling = total.value + total.half_step
    # 9800亩 of 4.8万亩 becomes 5.6万亩 rather than 56000亩: written like the total
    like = total if total.scale and not part.scale else part
    new = format_like(ceiling * factor, like)
    while Quantity(0, 0, new.rstrip("万亿"), like.scale, like.unit).value - like.half_step <= ceiling:
        factor += Decimal("0.1")
        new = format_like(ceiling * factor, like)
    return replace_in_line(
        site.doc,
        site.line,
        part.start,
        part.unit_start,
        new,
        concerns=(min(total.start, part.start), max(total.end, part.end)),
    )


# -- partitions: sum-mismatch and growth-mismatch -------------------------------------------

# Each dimension is its own part set of a total; members are matched on the words before a part.
PARTITIONS: dict[str, tuple[str, ...]] = {
    "城乡": (r"城镇|城市", r"乡村|农村"),
    "性别": (r"男", r"女"),
    "产业": (r"第一产业", r"第二产业", r"第三产业"),
    "进出口": (r"出口", r"进口"),
    "消费类型": (r"商品零售", r"餐饮"),
    "税收/非税": (r"(?<!非)税收", r"非税"),
}
GROWTH = re.compile(r"(增长|下降)(\d+(?:\.\d+)?)\s?[%％]")


@dataclass(frozen=True)
class Partition:
    name: str
    total: Quantity
    parts: tuple[Quantity, ...]

    def tolerance(self) -> Decimal:
        return self.total.half_step + sum((p.half_step for p in self.parts), Decimal(0))


def partitions_in(line: str) -> list[Partition]:
    found = quantities(line)
    out = []
    for name, members in PARTITIONS.items():
        for index, total in enumerate(found):
            words = _indicator(line, total)
            named = [m for m in members if re.search(m, words)]
            # a part's words name one member; a total names none, or all (城乡居民, 进出口总值)
            if _is_delta(line, total) or (len(named) == 1 and not re.search(r"进出口|城乡", words)):
                continue
            parts = _members_after(line, found[index + 1 :], total, members)
            if parts is None:
                continue
            partition = Partition(name, total, tuple(parts))
            if abs(sum(p.value for p in parts) - total.value) <= partition.tolerance():
                out.append(partition)
    return out


def _members_after(
    line: str, after: list[Quantity], total: Quantity, members: tuple[str, ...]
) -> list[Quantity] | None:
    """The quantities right after a total that name each member once, in order, same unit,
    within the total's sentence and the two after it."""
    limit = total.end
    for _ in range(3):  # a second breakdown often follows the first (按经营地…。按消费类型…。)
        limit = _next_stop(line, limit, "。") + 1
    parts: list[Quantity] = []
    for q in after:
        if q.start > limit or q.unit != total.unit:
            break
        if _is_delta(line, q) or _in_range(line, q):
            continue
        words = _indicator(line, q)
        hits = [i for i, m in enumerate(members) if re.search(m, words)]
        if len(hits) != 1:
            if parts:
                break
            continue
        if hits[0] != len(parts):
            return None
        parts.append(q)
        if len(parts) == len(members):
            return parts
    return None


def find_sum_mismatch(doc: SourceDoc) -> list[Site]:
    sites = []
    for lineno, line in enumerate(doc.lines, start=1):
        for partition in partitions_in(line):
            total = partition.total
            if not digit_slips(partition):
                continue
            sites.append(
                Site(
                    "sum-mismatch",
                    doc,
                    lineno,
                    f"{partition.name} of {_indicator(line, total)}{line[total.start : total.end]}",
                    partition.name,
                    {"partition": partition},
                )
            )
    return sites


def digit_slips(partition: Partition) -> list[tuple[Quantity, str]]:
    """Every one-digit slip in one part that the written precision cannot explain (the sum
    misses the total by more than twice the rounding allowance) and that keeps the part below
    the total (a part above its total is sum-exceed)."""
    total = partition.total
    options = []
    for part in partition.parts:
        others = sum((p.value for p in partition.parts if p is not part), Decimal(0))
        digits = part.number
        for position, char in enumerate(digits):
            if not char.isdigit():
                continue
            for step in (-4, -3, -2, -1, 1, 2, 3, 4):
                new_digit = int(char) + step
                if not 0 <= new_digit <= 9 or (position == 0 and new_digit == 0):
                    continue
                number = digits[:position] + str(new_digit) + digits[position + 1 :]
                value = Decimal(number) * (part.value / Decimal(part.number))
                miss = abs(others + value - total.value)
                if 2 * partition.tolerance() < miss < total.value / 4 and value < total.value - total.half_step:
                    options.append((part, number))
    return options


def plant_sum_mismatch(site: Site, rng: random.Random) -> Plant:
    partition: Partition = site.data["partition"]
    part, number = rng.choice(digit_slips(partition))
    return replace_in_line(
        site.doc,
        site.line,
        part.start,
        part.start + len(part.number),
        number,
        concerns=(partition.total.start, partition.parts[-1].end),
    )


def _growth_after(line: str, start: int, stop: int) -> re.Match[str] | None:
    return GROWTH.search(line, start, stop)


def _growth_rate(match: re.Match[str]) -> Decimal:
    rate = Decimal(match.group(2))
    return -rate if match.group(1) == "下降" else rate


def _part_growths(line: str, partition: Partition) -> list[re.Match[str]] | None:
    """Each part's own growth (…增加值2451.5亿元，增长3.9%；…) or one 分别增长a%、b%、c%."""
    parts = partition.parts
    growths = []
    for index, part in enumerate(parts):
        stop = parts[index + 1].start if index + 1 < len(parts) else _next_stop(line, part.end, "。；")
        match = _growth_after(line, part.end, stop)
        if match is None:
            break
        growths.append(match)
    if len(growths) == len(parts):
        return growths
    tail_start = parts[-1].end
    respectively = re.compile(r"分别(?:比上年)?(增长|下降)" + "、".join([r"(\d+(?:\.\d+)?)\s?[%％]"] * len(parts)))
    match = respectively.search(line, tail_start, _next_stop(line, tail_start, "。；"))
    if match is None:
        return None
    # one match object per part, shaped like GROWTH's groups
    return [GROWTH.match(f"{match.group(1)}{match.group(i + 2)}%") for i in range(len(parts))]  # type: ignore[misc]


def implied_growth(partition: Partition, rates: list[Decimal]) -> tuple[Decimal, Decimal]:
    """The range of total growth (in %) the parts' values and rates allow, at written precision."""
    now = sum((p.value for p in partition.parts), Decimal(0))
    low_before = sum((p.value / (1 + (r + Decimal("0.05")) / 100) for p, r in zip(partition.parts, rates)), Decimal(0))
    high_before = sum((p.value / (1 + (r - Decimal("0.05")) / 100) for p, r in zip(partition.parts, rates)), Decimal(0))
    return (now / high_before - 1) * 100, (now / low_before - 1) * 100


GROWTH_SLACK = Decimal("0.3")  # chain-linked real growth against nominal weights


def find_growth_mismatch(doc: SourceDoc) -> list[Site]:
    sites = []
    for lineno, line in enumerate(doc.lines, start=1):
        for partition in partitions_in(line):
            total_growth = _growth_after(line, partition.total.end, partition.parts[0].start)
            growths = _part_growths(line, partition)
            if total_growth is None or growths is None:
                continue
            rates = [_growth_rate(g) for g in growths]
            low, high = implied_growth(partition, rates)
            stated = _growth_rate(total_growth)
            if low - GROWTH_SLACK <= stated <= high + GROWTH_SLACK:
                sites.append(
                    Site(
                        "growth-mismatch",
                        doc,
                        lineno,
                        f"{total_growth.group(0)} of {line[partition.total.start : partition.total.end]}"
                        f" ({partition.name})",
                        partition.name,
                        {
                            "partition": partition,
                            "start": total_growth.start(2),
                            "end": total_growth.end(2),
                            "rates": rates,
                            "stated": stated,
                        },
                    )
                )
    return sites


def plant_growth_mismatch(site: Site, rng: random.Random) -> Plant:
    """Move the total's stated growth well outside what its parts imply (sign kept)."""
    data = site.data
    low, high = implied_growth(data["partition"], data["rates"])
    stated: Decimal = data["stated"]
    written = site.doc.lines[site.line - 1][data["start"] : data["end"]]
    decimals = len(written.split(".")[1]) if "." in written else 0
    sign = -1 if stated < 0 else 1
    step = Decimal(rng.choice(("1.6", "2.1", "2.8", "3.5", "4.3")))
    magnitudes = [abs(stated) + step, abs(stated) - step]
    rng.shuffle(magnitudes)
    for magnitude in magnitudes:
        new = sign * magnitude
        if magnitude > Decimal("0.2") and not low - 1 <= new <= high + 1:
            break
    text = f"{magnitude:.{decimals}f}"
    partition: Partition = data["partition"]
    line = site.doc.lines[site.line - 1]
    concerns = (partition.total.start, _next_stop(line, partition.parts[-1].end, "。"))
    return replace_in_line(site.doc, site.line, data["start"], data["end"], text, concerns=concerns)
