"""Fault kinds about a document's structure: count-claim ±1, target-vague, section-drop.

Each kind has ``find_<kind>(doc) -> list[Site]`` (honest: the site really is what the kind
says, checked on the text) and ``plant_<kind>(site, rng) -> Plant`` (one defect, nothing else).
"""

from __future__ import annotations

import random
import re
from dataclasses import replace

from inject_model import (
    CN_NUMERAL,
    Heading,
    Plant,
    Site,
    SourceDoc,
    children,
    cn_to_int,
    edit_lines,
    excerpt,
    headings,
    int_to_cn,
    replace_in_line,
    section_end,
    sentences,
)

# -- count-claim ±1 -------------------------------------------------------------------------

# 四个方面, 三项, 六大, 两支, 5项 … followed by the noun they count.
CLAIM = re.compile(
    r"(?<![第\d一二三四五六七八九十两])([二两三四五六七八九十]{1,2}|\d{1,2})"
    r"(个方面|方面|项|大|个|条|支|件|种|类|张)(?=[\u4e00-\u9fff“：:])"
)
# "至少有十个亮点", "10个以上": a bound, not a count; named programs whose count is not the list's.
NOT_A_COUNT_BEFORE = re.compile(r"(?:至少有?|超过|近|约|逾|多达)$")
NOT_A_COUNT_AFTER = re.compile(r"^(?:个|项|大|条|种|类|件)?(?:以上|余|多)")
NAMED_COUNTS = ("残疾人两项补贴",)
# The sentence must introduce what follows: "重点抓好以下四个方面工作：", "主要做了6个方面工作".
INTRODUCER = re.compile(
    r"以下|如下|重点|主要|着力|突出|把握|做好|抓好|办好|做了|抓了|报告|包括|采取|从.{0,6}来看|[：:]\s*$"
)
RUN_IN = re.compile(rf"(?:^|(?<=[。；：，！\s\u3000]))({CN_NUMERAL})是")


def _claim_value(text: str) -> int | None:
    return int(text) if text.isdigit() else cn_to_int(text)


def _run_in_items(text: str) -> list[re.Match[str]]:
    """The 一是, 二是 … run counting on from 一 (stops at the first break)."""
    items: list[re.Match[str]] = []
    for match in RUN_IN.finditer(text):
        number = cn_to_int(match.group(1))
        if number == len(items) + 1:
            items.append(match)
        elif items:
            break
    return items


def find_count_claim(doc: SourceDoc) -> list[Site]:
    lines = doc.lines
    heads = headings(doc)
    by_line = {h.line: h for h in heads}
    sites: dict[tuple[int, int], Site] = {}
    for lineno, line in enumerate(lines, start=1):
        for claim in CLAIM.finditer(line):
            count = _claim_value(claim.group(1))
            if (
                count is None
                or not 2 <= count <= 12
                or NOT_A_COUNT_BEFORE.search(line[: claim.start()])
                or NOT_A_COUNT_AFTER.match(line[claim.end(1) :])
                or any(name in line[max(0, claim.start() - 4) : claim.end() + 4] for name in NAMED_COUNTS)
            ):
                continue
            key = (lineno, claim.start())
            found = (
                _counts_run_in(lines, lineno, claim, count)
                or _counts_dun_list(line, claim, count)
                or _counts_headings(doc, heads, by_line, lineno, claim, count)
            )
            if found:
                how, last_line = found
                sites[key] = Site(
                    "count-claim",
                    doc,
                    lineno,
                    f"{claim.group(0)} over {how}",
                    how,
                    {"start": claim.start(1), "end": claim.end(1), "count": count, "last_line": last_line, "how": how},
                )
    return list(sites.values())


def _counts_run_in(lines: list[str], lineno: int, claim: re.Match[str], count: int) -> tuple[str, int] | None:
    """一是 … N是 in the claim's paragraph, or opening the paragraphs that follow it."""
    line = lines[lineno - 1]
    if not _introduces(line, claim):
        return None
    rest = line[claim.end() :]
    items = _run_in_items(rest)
    if items:
        between = rest[: items[0].start()]
        if (
            between.count("。") <= 1
            and not CLAIM.search(between)
            and len(items) == count
            and not _continues(rest[items[-1].end() :], count)
        ):
            return "run-in items", lineno
        return None
    if not re.search(r"[。：:]\s*$", line) or claim.end() < len(line.rstrip()) - 30:
        return None
    number = 0
    last = lineno
    for following in range(lineno + 1, len(lines) + 1):
        text = lines[following - 1].strip()
        if not text:
            continue
        match = RUN_IN.match(text)
        if not match or cn_to_int(match.group(1)) != number + 1:
            break
        number += 1
        last = following
        if _run_in_items(text[match.end() :]):  # items run on inside the paragraph: not one per line
            return None
    return ("run-in paragraphs", last) if number == count else None


def _introduces(line: str, claim: re.Match[str]) -> bool:
    """The claim's sentence announces a list and claims nothing else."""
    start, end = next((a, b) for a, b in sentences(line) if a <= claim.start() < b)
    sentence = line[start:end]
    return INTRODUCER.search(sentence) is not None and len(CLAIM.findall(sentence)) == 1


def _continues(text: str, count: int) -> bool:
    return re.search(rf"(?:^|[。；：，\s]){int_to_cn(count + 1)}是", text) is not None


def _counts_dun_list(line: str, claim: re.Match[str], count: int) -> tuple[str, int] | None:
    """A 、-list right before the claim (A、B、C三支队伍) or after its colon (4项指标：A、B、C、D)."""
    before = line[: claim.start()]
    segment = before[max(before.rfind(p) for p in "，。；：:“”（( \u3000") + 1 :]
    if "、" in segment:
        items = segment.removesuffix("等").split("、")
        if len(items) == count and not CLAIM.search(segment) and _plain_items(items):
            return "、-list before", 0
    after = line[claim.end() :]
    colon = re.match(r"[\u4e00-\u9fff]{0,8}[：:]", after)
    if colon:
        body = re.split(r"[，。；]", after[colon.end() :], maxsplit=1)[0]
        items = body.removesuffix("等").split("、")
        if "、" in body and len(items) == count and _plain_items(items):
            return "、-list after", 0
    return None


def _plain_items(items: list[str]) -> bool:
    return all(1 <= len(item) <= 16 and not re.search(r"[\d和及与是]", item) for item in items)


def _counts_headings(
    doc: SourceDoc, heads: list[Heading], by_line: dict[int, Heading], lineno: int, claim: re.Match[str], count: int
) -> tuple[str, int] | None:
    """Headings that follow the claim: a heading's own children, or the siblings introduced by
    the claim paragraph's last sentence."""
    own = by_line.get(lineno)
    if own is not None and claim.start() < own.marker_end + len(own.title):
        kids = children(heads, own, section_end(doc, heads, own))
        if kids and _numbered(kids) and len(kids) == count:
            return "child headings", kids[-1].line
        return None
    line = doc.lines[lineno - 1]
    last_sentence = sentences(line.rstrip())[-1] if line.strip() else (0, 0)
    if not last_sentence[0] <= claim.start() < last_sentence[1] or not _introduces(line, claim):
        return None
    following = [h for h in heads if h.line > lineno]
    if not following:
        return None
    first = following[0]
    if any(doc.lines[n - 1].strip() for n in range(lineno + 1, first.line)) or first.number != 1:
        return None
    run = []
    for h in following:
        if h.rank < first.rank:
            break
        if h.rank == first.rank:
            run.append(h)
    if _numbered(run) and len(run) == count:
        return "sibling headings", run[-1].line
    return None


def _numbered(heads: list[Heading]) -> bool:
    return [h.number for h in heads] == list(range(1, len(heads) + 1))


def plant_count_claim(site: Site, rng: random.Random) -> Plant:
    data = site.data
    count = data["count"]
    written = site.doc.lines[site.line - 1][data["start"] : data["end"]]
    step = rng.choice((1, -1)) if count > 2 else 1
    new = count + step
    text = str(new) if written.isdigit() else ("两" if new == 2 else int_to_cn(new))  # 两个方面, not 二个
    last = max(site.line, data["last_line"])
    line = site.doc.lines[site.line - 1]
    sentence = next(a for a, b in sentences(line) if a <= data["start"] < b)
    return replace_in_line(
        site.doc, site.line, data["start"], data["end"], text, span=(site.line, last), concerns=(sentence, len(line))
    )


# -- target-vague ---------------------------------------------------------------------------

VAGUE = (
    "持续优化服务，推动各项工作再上新台阶",
    "进一步加强统筹协调，推动各项工作取得新成效",
    "坚持高标准严要求，全力以赴抓好各项任务落实",
    "不断提升工作质效，确保各项工作有序推进",
    "持续加强组织领导，推动工作水平实现新提升",
)
# A heading that names targets and nothing else: 主要目标, 脱贫目标, （一）“十五五”发展目标。
TARGET_HEADING = re.compile(r"目标[”」]?[。：:]?\s*$")
NOT_PLAN_TARGET = re.compile(r"评价|考核|教学|考试|围绕|实现.*目标")
MEASURE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|‰|[万亿千百]|[^\d\s年月日号\-—～~至.．、，。；）)])"
    r"|\d{1,2}月底前|年底前|\d{4}年(?:前|底)"
)


def _measurable(text: str) -> bool:
    return MEASURE.search(text) is not None


def find_target_vague(doc: SourceDoc) -> list[Site]:
    sites = _target_items(doc)
    if PLAN_TITLE.search(_titles(doc)):
        return sites
    # a 政府工作报告 or a 基本情况 with a 目标 heading: reported apart, TGT may scope to plans
    return [replace(site, variant=site.variant + ", not a plan") for site in sites]


def _target_items(doc: SourceDoc) -> list[Site]:
    heads = headings(doc)
    sites = []
    for head in heads:
        if not TARGET_HEADING.search(head.title) or NOT_PLAN_TARGET.search(head.title):
            continue
        end = section_end(doc, heads, head)
        if head.run_in:
            sites.extend(_run_in_targets(doc, head.line, head.marker_end + len(head.title), head))
            continue
        all_kids = children(heads, head, end)
        if all_kids and all(TARGET_HEADING.search(k.title) for k in all_kids):
            continue  # 二、脱贫目标 → （一）总体目标, （二）细化目标: each is its own target section
        kids = [k for k in all_kids if not TARGET_HEADING.search(k.title)]
        if kids:
            for kid in kids:
                kid_end = section_end(doc, heads, kid)
                body_start = kid.marker_end + len(kid.title) if kid.run_in else None
                body = _item_text(doc, kid, kid_end)
                if _measurable(body) and not _run_in_items(body):
                    sites.append(
                        Site(
                            "target-vague",
                            doc,
                            kid.line,
                            f"{kid.title[:20]} under {head.title[:20]}",
                            "item under a child heading",
                            {"first": kid.line, "last": kid_end, "keep": body_start},
                        )
                    )
            continue
        for lineno in range(head.line + 1, (all_kids[0].line - 1) if all_kids else end + 1):
            sites.extend(_run_in_targets(doc, lineno, 0, head))
    return sites


def _item_text(doc: SourceDoc, head: Heading, end: int) -> str:
    lines = doc.lines
    first = lines[head.line - 1][head.marker_end + len(head.title) :] if head.run_in else ""
    return first + "".join(lines[head.line : end])


def _run_in_targets(doc: SourceDoc, lineno: int, offset: int, head: Heading) -> list[Site]:
    """Each 一是… item of a target paragraph, or the paragraph itself when it has none."""
    line = doc.lines[lineno - 1]
    items = _run_in_items(line[offset:])
    sites = []
    if not items:
        body = line[offset:]
        if head.run_in and lineno == head.line and _measurable(body):
            sites.append(
                Site(
                    "target-vague",
                    doc,
                    lineno,
                    f"run-in heading {head.title[:20]}",
                    "run-in 目标 heading",
                    {"first": lineno, "last": lineno, "keep": offset},
                )
            )
        elif lineno != head.line and _measurable(body) and len(body.strip()) <= 200 and not RUN_IN.search(body):
            # a target paragraph of its own ("2017年，全县计划实现0.6万贫困人口脱贫…"): keep its time
            when = LEADING_TIME.match(body)
            keep_to = offset + (when.end() if when else len(body) - len(body.lstrip()))
            sites.append(
                Site(
                    "target-vague",
                    doc,
                    lineno,
                    f"target paragraph under {head.title[:20]}",
                    "target paragraph",
                    {"first": lineno, "last": lineno, "span": (keep_to, len(line.rstrip()))},
                )
            )
        return sites
    ends = [m.start() for m in items[1:]] + [_paragraph_item_end(line, offset + items[-1].end()) - offset]
    for match, item_end in zip(items, ends):
        start, stop = offset + match.end(), offset + item_end
        body = line[start:stop]
        if not _measurable(body):
            continue
        title = re.match(r"[^。；，]{2,20}。", body)  # 一是重大项目用地保障。2025年力争…
        keep_to = start + title.end() if title and not _measurable(title.group(0)) else start
        sites.append(
            Site(
                "target-vague",
                doc,
                lineno,
                f"{match.group(0)} item under {head.title[:20]}",
                "一是… item",
                {"first": lineno, "last": lineno, "span": (keep_to, stop)},
            )
        )
    return sites


LEADING_TIME = re.compile(r"\s*(?:到|至)?(?:\d{4}年|今年|全年|年内)[^，。：]{0,8}[，：:]")


def _paragraph_item_end(line: str, start: int) -> int:
    return len(line.rstrip())


# Half of the plants keep the indicator and drop only its measure (年度供应国有土地总量保持合理水平),
# where the words before the figure end in an indicator noun; the tails say no direction.
VAGUE_TAILS = ("保持合理水平", "稳中有进", "取得积极进展", "进一步优化")
MEASURE_VERBS = re.compile(r"(?:稳定在|保持在|控制在|达到|不少于|不低于|突破|增长|提高|提升|为|达|到)+$")
INDICATOR_END = re.compile(r"(?:面积|总量|指标|收入|产值|总值|增加值|比例|比重|率|投资|规模|产量|人口|数量|里程)$")


def vague_text(old: str, rng: random.Random) -> str:
    """A vague stand-in for a target's text: a stock phrase, or its indicator with a vague tail."""
    phrase = rng.choice(VAGUE)
    if rng.random() < 0.5:
        figure = re.search(r"\d", old)
        prefix = MEASURE_VERBS.sub("", old[: figure.start()]).strip().rstrip("，、：") if figure else ""
        if (
            4 <= len(prefix) <= 30
            and INDICATOR_END.search(prefix)
            and not _measurable(prefix)
            and not re.search(r"[，。；]", prefix)
        ):
            return prefix + rng.choice(VAGUE_TAILS)
    return phrase


def plant_target_vague(site: Site, rng: random.Random) -> Plant:
    doc, data = site.doc, site.data
    if "span" in data:
        start, stop = data["span"]
        old = doc.lines[site.line - 1][start:stop]
        end_mark = old[-1] if old and old[-1] in "；。，" else ""
        return replace_in_line(doc, site.line, start, stop, vague_text(old, rng) + end_mark, concerns=(start, stop))
    lines = doc.lines
    first, last, keep = data["first"], data["last"], data["keep"]
    heading_line = lines[first - 1]
    body = "".join(lines[first - 1 : last])
    if keep is not None:  # run-in heading: keep "（四）营商环境目标。", replace the rest
        new_lines = [heading_line[:keep] + vague_text(body[keep:], rng) + "。"]
    else:  # a heading line of its own: keep it, one vague paragraph below
        new_lines = [heading_line, vague_text("".join(lines[first:last]).strip(), rng) + "。"]
    text, line_map = edit_lines(doc, [(first, last, new_lines)])
    line_map[first - 1] = first  # the heading (its marker and title) is the original line, kept
    return Plant(
        text, line_map, (first, first + len(new_lines) - 1), before=excerpt(body, 0, 40), after="".join(new_lines)[:60]
    )


# -- section-drop ----------------------------------------------------------------------------

SUMMARY_TITLE = re.compile(r"总结|工作情况|回眸|回顾")
PLAN_TITLE = re.compile(r"要点|计划|思路|打算|方案")
PROBLEM_HEADING = re.compile(r"问题|不足|短板|差距")
# The 目标 section itself (主要目标, 工作目标。), not one target item (（一）粮食生产目标。)
GOAL_HEADING = re.compile(r"^(?:\d{4}年)?(?:主要|工作|总体|年度|发展|主要预期)?目标(?:任务)?[。：:]?$")


def _titles(doc: SourceDoc) -> str:
    """The short unpunctuated lines before the first heading: the 红头 issuer, the title."""
    out = []
    for line in doc.lines[:25]:
        text = line.strip()
        if re.match(r"^[#\s]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])", text):
            break
        if text and len(text) <= 60 and not text.endswith(("。", "：", ":", "，")):
            out.append(text)
    return "\n".join(out)


def find_section_drop(doc: SourceDoc) -> list[Site]:
    title = _titles(doc)
    heads = headings(doc)
    sites = []
    for head in heads:
        if head.rank > 1:
            continue
        if (
            SUMMARY_TITLE.search(title)
            and PROBLEM_HEADING.search(head.title)
            and not re.search(r"解决|整改|问题导向", head.title)
        ):
            what = "存在问题 of a summary"
        elif PLAN_TITLE.search(title) and GOAL_HEADING.match(head.title.strip()):
            what = "目标 section of a plan"
        else:
            continue
        end = section_end(doc, heads, head)
        if end <= head.line and not head.run_in:
            continue  # a heading with no body is not a section worth dropping
        siblings = [
            h
            for h in heads
            if h.rank == head.rank
            and h.line > end
            and not any(p.rank < head.rank and head.line < p.line < h.line for p in heads)
        ]
        sites.append(
            Site(
                "section-drop",
                doc,
                head.line,
                f"{head.title[:24]} ({what})",
                what,
                {"first": head.line, "last": end, "later": [h.line for h in siblings]},
            )
        )
    return sites


def plant_section_drop(site: Site, rng: random.Random, renumber: bool = False) -> Plant:
    doc, data = site.doc, site.data
    lines = doc.lines
    first, last = data["first"], data["last"]
    while last < len(lines) and not lines[last].strip():
        last += 1  # the blank lines after the section go with it
    kept = [n for n in range(1, len(lines) + 1) if not first <= n <= last]
    later = set(data["later"]) if renumber else set()
    text = "\n".join(_renumbered(lines[n - 1]) if n in later else lines[n - 1] for n in kept)
    line_map: list[int | None] = list(kept)
    return Plant(
        text,
        line_map,
        (1, len(kept)),
        before=lines[first - 1].strip()[:40],
        after="(removed" + (", later headings renumbered)" if renumber else ")"),
        anywhere=True,
    )


def _renumbered(line: str) -> str:
    def lower(match: re.Match[str]) -> str:
        raw = match.group(2)
        number = int(raw) if raw.isdigit() else cn_to_int(raw)
        assert number is not None and number > 1
        new = str(number - 1) if raw.isdigit() else int_to_cn(number - 1)
        return match.group(1) + new

    return re.sub(rf"^([#\s\u3000]*[（(]?)({CN_NUMERAL}|\d{{1,2}})", lower, line, count=1)
