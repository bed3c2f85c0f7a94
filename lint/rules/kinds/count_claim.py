"""count-claim: "N项/个/方面" against the items actually listed.

Options (YAML):
  check        list: a claim followed by a colon and its items — run-in 一是…二是… in the same
               paragraph, numbered items right after it, a 、-list or a ；-list up to the end of
               the sentence — or an open 、-list right before it that lists more ("A、B、C、D等
               三项"; without 等 the list before a numeral is often a subject, not the items).
               children: a heading that claims N ("（三）十项重点改革") against its numbered
               children, or its run-in 一是… items when it has no numbered children.
               consistency: the same counted noun with different N in one document.
  classifiers  the words that make a numeral a count of items (项, 个方面, 大, 条 …).
  open-words   words that make the list non-exhaustive (其中, 包括, 主要, 如, 等): only listed ≤ N.
  and-words    words that may join the last two items (A、B和C is three items).
  max-item     longest item of a 、-list, in characters; a longer piece means the 、 is not a list.
  arabic       list: also accept claims in Arabic digits ("4项指标：").
  generic-nouns  consistency: counted nouns too general to compare (方面, 工作, 问题 …).
  skip-before  consistency: a numeral after one of these is a statistic or an ordinal, not a
               claim (新增两个…, 第三…).
  messages     secondary messages by key (more, children, changed; add -en for English).

A bare named program ("深化十项改革", "双十", "1+N") with no list next to it is never reported.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import Literal

from pydantic import Field, PrivateAttr, model_validator

from lint.diagnostics import Diagnostic
from lint.outline.model import Node
from lint.rules.base import Context, RuleSpec, compile_regex
from lint.rules.kinds._quantity import compile_words, small_cn_number, variant
from lint.rules.kinds._structure import cached, is_abbreviated_list, is_numbered, say
from lint.text.markers import FAMILY, LINE_MARKER, MARKER_AT, RUN_IN_RE
from lint.text.numerals import to_chinese

_CN = "[一二两三四五六七八九十]{1,3}"
# a numbered heading at a given position (no ^: used with pattern.match(text, pos))
_OPENERS = {"（": "）", "(": ")", "“": "”", "《": "》", "〈": "〉", "‘": "’", "【": "】", '"': '"'}
_MESSAGES = {
    "more": ("“{claim}”少于所列的{m}项", "“{claim}” is fewer than the {m} items listed"),
    "children": ("标题称“{claim}”，下设{m}项", "the heading claims “{claim}” but has {m} items under it"),
    "changed": ("“{claim}”与前文“{first}”的数量不一致", "“{claim}” differs from “{first}” earlier in the document"),
}


def split_top(text: str, seps: str) -> list[tuple[int, int]]:
    """Spans of ``text`` split at ``seps`` outside brackets and quotes."""
    out: list[tuple[int, int]] = []
    stack: list[str] = []
    start = 0
    for i, ch in enumerate(text):
        if stack and ch == stack[-1]:
            stack.pop()
        elif ch in _OPENERS and not (ch == '"' and stack and stack[-1] == '"'):
            stack.append(_OPENERS[ch])
        elif ch in seps and not stack:
            out.append((start, i))
            start = i + 1
    out.append((start, len(text)))
    return out


class CountClaimRule(RuleSpec):
    kind: Literal["count-claim"]
    check_: Literal["list", "children", "consistency"] = Field(alias="check")
    classifiers: list[str] = Field(min_length=1)
    open_words: list[str] = Field(default_factory=list, alias="open-words")
    and_words: list[str] = Field(default_factory=list, alias="and-words")
    max_item: int = Field(default=20, alias="max-item", ge=2)
    arabic: bool = False
    generic_nouns: list[str] = Field(default_factory=list, alias="generic-nouns")
    skip_before: list[str] = Field(default_factory=list, alias="skip-before")
    messages: dict[str, str] = Field(default_factory=dict)

    _claim_colon: re.Pattern = PrivateAttr()
    _claim_after: re.Pattern = PrivateAttr()
    _claim_title: re.Pattern = PrivateAttr()
    _claim_any: re.Pattern = PrivateAttr()
    _claim_end: re.Pattern = PrivateAttr()
    _open: re.Pattern | None = PrivateAttr(default=None)
    _and: re.Pattern | None = PrivateAttr(default=None)
    _skip: re.Pattern | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _compile(self) -> CountClaimRule:
        cls = "|".join(sorted(map(re.escape, self.classifiers), key=len, reverse=True))
        num = f"{_CN}|[1-9][0-9]?" if self.arabic else _CN
        # 重点抓好以下十个方面：/ 4项指标：/ 主要包括四个方面工作如下：
        self._claim_colon = compile_regex(
            f"(?<![第前近约超逾余每0-9一二两三四五六七八九十])(?P<n>{num})\\s*(?P<cls>{cls})"
            f"(?P<noun>[\\u4e00-\\u9fff“”]{{0,10}}?)(?:如下|为|是|有|包括)?\\s*[：:]\\s*$",
            "claim",
        )
        # 生态警长1218人、生态共治队伍153人、生态义警队伍3963人三支队伍
        # 重点抓好以下四个方面工作。 closing a paragraph, its items the numbered paragraphs after it
        self._claim_end = compile_regex(
            f"(?:以下|如下|下列|重点|主要|着力|抓好|做好|突出|聚焦)[\\u4e00-\\u9fff]{{0,6}}?"
            f"(?<![第前近约超逾余每0-9一二两三四五六七八九十])(?P<n>{num})\\s*(?P<cls>{cls})"
            f"(?P<noun>[\\u4e00-\\u9fff“”]{{0,10}}?)[。.]\\s*$",
            "claim",
        )
        self._claim_after = compile_regex(f"(?P<conn>等)(?P<n>{_CN})(?P<cls>{cls})(?=[\\u4e00-\\u9fff“])", "claim")
        self._claim_title = compile_regex(
            f"(?<![第前近约超逾余每0-9一二两三四五六七八九十])(?P<n>{_CN})(?P<cls>{cls})"
            f"(?P<noun>[\\u4e00-\\u9fff“”]{{1,10}})",
            "claim",
        )
        self._claim_any = compile_regex(
            f"(?<![第前近约超逾余每0-9一二两三四五六七八九十百千万亿])(?P<n>{_CN})(?P<cls>{cls})"
            f"(?P<noun>[\\u4e00-\\u9fff]{{2,8}})",
            "claim",
        )
        self._open = compile_words(self.open_words, "open-words")
        self._and = compile_words(self.and_words, "and-words")
        if self.skip_before:
            self._skip = compile_regex(f"(?:{'|'.join(self.skip_before)})$", "skip-before")
        return self

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        if self.check_ == "list":
            yield from self._colon_lists(ctx)
            yield from self._closing_claims(ctx)
            yield from self._lists_before(ctx)
        elif self.check_ == "children":
            yield from self._children(ctx)
        else:
            yield from self._consistency(ctx)

    def _say(self, ctx: Context, key: str, **values) -> str:
        return variant(ctx, self, key, _MESSAGES, **values)

    # -- counting a written list -------------------------------------------------------------
    def _counts(self, text: str, spans: list[tuple[int, int]], first_free: bool) -> set[int] | None:
        """How many items a 、-list may hold: {n} or {n, n+1} when 和 may join the last two.
        None when the pieces do not look like list items (too long, 和 inside a middle piece)."""
        if len(spans) < 2:
            return None
        pieces = [text[a:b].strip(" \u3000") for a, b in spans]
        if any(not p for p in pieces):
            return None
        for n, piece in enumerate(pieces):
            if n == 0 and first_free:
                if len(piece) > 2 * self.max_item:
                    return None
                if self._and is not None and self._and.search(piece):
                    return None
                continue
            if len(piece) > self.max_item:
                return None
            if 0 < n < len(pieces) - 1 and self._and is not None and self._and.search(piece):
                return None
        counts = {len(pieces)}
        last = pieces[-1]
        if self._and is not None and self._and.search(last):
            counts.add(len(pieces) + 1)
        return counts

    def _mismatch(self, claimed: int, counts: set[int], open_list: bool) -> int | None:
        """The count to report, or None when the list agrees with the claim."""
        if open_list:
            least = min(counts)
            return least if least > claimed else None
        return None if claimed in counts else min(counts, key=lambda c: abs(c - claimed))

    # -- claim: list -----------------------------------------------------------------------------
    def _colon_lists(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        outline = ctx.outline
        runs = _run_in_by_paragraph(outline)
        titles = _numbered_title_spans(outline)
        for colon in re.finditer(r"[：:]", text):
            c = colon.start()
            line_start = text.rfind("\n", 0, c) + 1
            m = self._claim_colon.search(text, max(line_start, c - 24), c + 1)
            if m is None:
                continue
            n = small_cn_number(m.group("n"))
            if n is None or n < 2:
                continue
            if _inside(titles, m.start()):
                continue  # a heading's own claim: CNT002 compares it with the children
            clause_start = max(text.rfind(ch, line_start, m.start()) for ch in "。；;！？") + 1
            lead = text[max(clause_start, line_start) : m.start()]
            if (
                re.search(
                    r"[一二两三四五六七八九十0-9]+\s*(?:" + "|".join(map(re.escape, self.classifiers)) + ")",
                    text[m.end("cls") : c],
                )
                or "“" in lead[-3:]
            ):
                continue
            open_list = self._open is not None and bool(self._open.search(lead + m.group(0)))
            found = self._items_after(ctx, outline, runs, colon.end())
            if found is None:
                continue
            counts, items, open_items = found
            bad = self._mismatch(n, counts, open_list or open_items)
            if bad is None:
                continue
            claim = text[m.start("n") : m.end("noun")]
            message = self._say(ctx, "more", claim=claim, m=bad) if (open_list or open_items) else None
            yield ctx.diagnostic(
                self,
                m.start("n"),
                m.end("noun"),
                message=message,
                claim=claim,
                n=n,
                m=bad,
                related=[(say(ctx, f"第{i}项", f"item {i}"), off) for i, off in enumerate(items[:20], 1)],
            )

    def _closing_claims(self, ctx: Context) -> Iterator[Diagnostic]:
        """重点抓好以下四个方面工作。 as the last sentence of a paragraph: the numbered items that
        open the next paragraphs (siblings of the claim's own heading or its children)."""
        text = ctx.text
        outline = ctx.outline
        titles = _numbered_title_spans(outline)
        for end in re.finditer(r"[。.][ \u3000\t]*\n", text):
            c = end.start()
            line_start = text.rfind("\n", 0, c) + 1
            m = self._claim_end.search(text, max(line_start, c - 30), c + 1)
            if m is None or _inside(titles, m.start("n")):
                continue
            n = small_cn_number(m.group("n"))
            if n is None or n < 2:
                continue
            sentence_start = max(text.rfind(ch, line_start, m.start()) for ch in "。；;！？：:") + 1
            lead = text[max(sentence_start, line_start) : m.end()]
            if self._open is not None and self._open.search(lead.replace("主要", "")):
                continue
            found = self._numbered_after(text, outline, end.end() - 1)
            if found is None:
                continue
            counts, items, _ = found
            bad = self._mismatch(n, counts, False)
            if bad is None:
                continue
            claim = text[m.start("n") : m.end("noun")]
            yield ctx.diagnostic(
                self,
                m.start("n"),
                m.end("noun"),
                claim=claim,
                n=n,
                m=bad,
                related=[(say(ctx, f"第{i}项", f"item {i}"), off) for i, off in enumerate(items[:20], 1)],
            )

    def _items_after(self, ctx: Context, outline, runs, pos: int):
        """(possible counts, item offsets, list is open) of the list that starts at ``pos``."""
        text = ctx.text
        while pos < len(text) and text[pos] in " \u3000\t":
            pos += 1
        # run-in 一是…二是… in the same paragraph
        inline = runs.get(pos)
        if inline is not None:
            return {len(inline)}, [node.start for node in inline], False
        if pos < len(text) and text[pos] == "\n":
            found = self._numbered_after(text, outline, pos)
            if found is not None:
                return found
            found = self._run_in_paragraphs(text, pos)
            if found is not None:
                return found
            # a glossary entry: "［18］五张清单：" with its 、-list on the next line
            while pos < len(text) and text[pos] in " \u3000\t\n":
                pos += 1
            if MARKER_AT.match(text, pos) or RUN_IN_RE.match(text, pos):
                return None
        end = pos
        while end < len(text) and text[end] not in "。！？!?\n":
            end += 1
        body = text[pos:end]
        if not body or re.match(r"[（(]?[一二三四五六七八九十1-9][）)、.．]|[①-⑳]|第一|其一|首先", body):
            return None  # numbered items run in: not counted here
        open_items = self._open is not None and bool(self._open.search(body))
        semis = split_top(body, "；;")
        if len(semis) >= 2:
            if semis[-1][0] == semis[-1][1]:
                semis = semis[:-1]
            if len(semis) < 2 or any(not body[a:b].strip() for a, b in semis):
                return None
            return {len(semis)}, [pos + a for a, _ in semis], open_items
        if re.search(r"[，,]", body):
            return None
        spans = split_top(body, "、")
        counts = self._counts(body, spans, first_free=False)
        if counts is None:
            return None
        return counts, [pos + a for a, _ in spans], open_items

    @staticmethod
    def _run_in_paragraphs(text: str, pos: int):
        """一是…/二是… each opening a paragraph of its own after the claim's line."""
        items: list[int] = []
        cursor = pos
        scanned_end = pos
        for _ in range(200):
            if cursor >= len(text):
                break
            line_end = text.find("\n", cursor + 1)
            line_end = len(text) if line_end < 0 else line_end
            start = cursor + 1 if text[cursor] == "\n" else cursor
            while start < line_end and text[start] in " \u3000\t":
                start += 1
            cursor = line_end
            if start >= line_end:
                continue
            run_in = RUN_IN_RE.match(text, start, line_end)
            if run_in is not None:
                number = small_cn_number(run_in.group(1))
                if number != len(items) + 1:
                    break  # a new list (一是 again) or a break in the numbering
                items.append(start)
                scanned_end = line_end
                continue
            if not items or MARKER_AT.match(text, start, line_end) or text[start] in "［[":
                break  # the next heading, or no run-in list at all
            scanned_end = line_end
        if len(items) < 2:
            return None
        following = to_chinese(len(items) + 1) + "是"
        if re.search(f"(?:^|[。；;：:！？\\n]){following}", text[items[0] : scanned_end]):
            return None  # the list goes on inside a paragraph: unsure
        return {len(items)}, items, False

    @staticmethod
    def _numbered_after(text: str, outline, pos: int):
        """Numbered items opening the next paragraphs: the node there and its numbered siblings."""
        nodes = cached(
            outline,
            "numbered-by-start",
            lambda: sorted((n for n in outline.walk() if is_numbered(n)), key=lambda n: n.start),
        )
        starts = cached(outline, "numbered-starts", lambda: [n.start for n in nodes])
        i = bisect_right(starts, pos)
        if i >= len(nodes):
            return None
        first = nodes[i]
        if first.number != 1 or text[pos : first.start].strip() != "":
            return None
        siblings = first.parent.children if first.parent is not None else outline.roots
        run = [
            n
            for n in siblings
            if is_numbered(n)
            and FAMILY[n.style] == FAMILY[first.style]
            and n.start >= first.start
            and not is_abbreviated_list(n)
        ]
        count = 0
        for node in run:
            if node.number != count + 1:
                if node.number > count + 1:
                    return None  # （一）（二）（四）: an item may be hidden in the text (OUT001's)
                break
            count += 1
        if count < 2:
            return None
        return {count}, [n.start for n in run[:count]], False

    def _lists_before(self, ctx: Context) -> Iterator[Diagnostic]:
        """A、B、C三支队伍: the 、-list that ends right where the claim begins."""
        text = ctx.text
        quoted = None
        for m in self._claim_after.finditer(text):
            start = m.start()
            if start == 0:
                continue
            before = text[start - 1]
            if not (re.match(r"[\u4e00-\u9fff”）)]", before)):
                continue
            n = small_cn_number(m.group("n"))
            if n is None or n < 2:
                continue
            line_start = text.rfind("\n", 0, start) + 1
            window = text[max(line_start, start - 120) : start]
            cut = max(window.rfind(ch) for ch in "，,。；;：:！？")
            head = len(window) - (len(window) - cut - 1) if cut >= 0 else 0
            listed = window[head:]
            if head == 0 and start - len(listed) == line_start:
                marker = LINE_MARKER.match(listed)
                if marker:
                    listed = listed[marker.end() :]  # "６、医药卫生…": the 、 of a marker
            if "、" not in listed:
                continue
            if quoted is None:
                quoted = _quote_spans(ctx)
            if quoted.overlaps(m.start("n"), m.end("cls")):
                continue
            spans = split_top(listed, "、")
            if len(spans) < 2:
                continue
            counts = self._counts(listed, spans, first_free=True)
            if counts is None:
                continue
            # Only "A、B、C、D等三项" is sure: without 等 the list before a numeral is as often
            # the subject of a verb ("A、B入选全国十大考古新发现") as the items counted.
            if m.group("conn") != "等":
                continue
            bad = self._mismatch(n, counts, True)
            if bad is None:
                continue
            base = start - len(listed)
            claim = text[m.start("n") : m.end("cls") + 2].rstrip("，。；、")
            yield ctx.diagnostic(
                self,
                m.start("n"),
                m.end("cls"),
                claim=claim,
                n=n,
                m=bad,
                message=self._say(ctx, "more", claim=claim, m=bad),
                related=[(say(ctx, f"第{i}项", f"item {i}"), base + a) for i, (a, _) in enumerate(spans[:20], 1)],
            )

    # -- claim: children ---------------------------------------------------------------------------
    def _children(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        for node in ctx.outline.walk():
            if not is_numbered(node) or is_abbreviated_list(node):
                continue
            title = node.title
            if not title or len(title) > 30:
                continue
            claims = list(self._claim_title.finditer(title))
            if len(claims) != 1:
                continue
            m = claims[0]
            n = small_cn_number(m.group("n"))
            if n is None or n < 2:
                continue
            kids = [c for c in node.children if is_numbered(c) and not is_abbreviated_list(c)]
            if kids:
                family = FAMILY[kids[0].style]
                kids = [c for c in kids if FAMILY[c.style] == family]
            else:
                kids = _first_run(node)
            if len(kids) < 2 or [k.number for k in kids] != list(range(1, len(kids) + 1)):
                continue  # no list under it (a bare named program), or numbering OUT001 reports
            if len(kids) == n:
                continue
            start = node.title_start + m.start("n")
            end = node.title_start + m.end("noun")
            if text[start:end] != m.group(0):
                continue  # the title was joined across lines: offsets unsure
            claim = m.group(0)
            yield ctx.diagnostic(
                self,
                start,
                end,
                claim=claim,
                n=n,
                m=len(kids),
                message=self._say(ctx, "children", claim=claim, m=len(kids)),
                related=[(say(ctx, f"第{i}项", f"item {i}"), k.start) for i, k in enumerate(kids[:20], 1)],
            )

    # -- claim: consistency ------------------------------------------------------------------------
    def _consistency(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        # (classifier, first two characters of the noun) → earlier claims (n, start, noun, claim)
        earlier: dict[tuple[str, str], list[tuple[int, int, str, str]]] = {}
        generic = set(self.generic_nouns)
        skip = self._skip
        for m in self._claim_any.finditer(text):
            n = small_cn_number(m.group("n"))
            if n is None or n < 2:
                continue
            if skip is not None and skip.search(text, max(0, m.start() - 4), m.start()):
                continue
            noun = re.split(r"[的和与及等中是为在有要都也就上下]", m.group("noun"))[0]
            if len(noun) < 2 or noun in generic or noun[:2] in generic:
                continue
            if m.group("noun").startswith(("余", "多")):
                continue
            claim = text[m.start("n") : m.end("cls") + len(noun)]
            bucket = earlier.setdefault((m.group("cls"), noun[:2]), [])
            # 改革 and 改革全面落地 name the same items: one noun starts the other
            same = [e for e in bucket if e[2].startswith(noun) or noun.startswith(e[2])]
            bucket.append((n, m.start("n"), noun, claim))
            conflict = next((e for e in same if e[0] != n), None)
            if conflict is None or any(e[0] == n for e in same):
                continue
            claim = text[m.start("n") : m.end("cls") + min(len(noun), len(conflict[2]))]
            yield ctx.diagnostic(
                self,
                m.start("n"),
                m.start("n") + len(claim),
                claim=claim,
                n=n,
                message=self._say(ctx, "changed", claim=claim, first=conflict[3]),
                related=[(say(ctx, "前文", "earlier"), conflict[1])],
            )


def _run_in_by_paragraph(outline) -> dict[int, list[Node]]:
    """Offset of each 一是 that opens a run → the run's items (consecutive from 1, one paragraph)."""

    def build() -> dict[int, list[Node]]:
        by_paragraph: dict[int, list[Node]] = {}
        for node in outline.walk():
            if node.style == "inline-cn" and node.paragraph is not None:
                by_paragraph.setdefault(id(node.paragraph), []).append(node)
        out: dict[int, list[Node]] = {}
        for items in by_paragraph.values():
            items.sort(key=lambda n: n.start)
            run: list[Node] = []
            for node in items + [None]:
                if node is None or node.number == 1 or (run and node.number != run[-1].number + 1):
                    # 一是、二是、四是: a gap (OUT008's) leaves the length of the list unsure
                    broken = node is not None and node.number != 1 and bool(run)
                    if len(run) >= 2 and run[0].number == 1 and not broken:
                        out[run[0].start] = run
                    run = [node] if node is not None and node.number == 1 else []
                else:
                    if run:
                        run.append(node)
        return out

    return cached(outline, "run-in-runs", build)


def _first_run(node: Node) -> list[Node]:
    """The heading's run-in items 一是… when they come first in its own body."""
    inline = [c for c in node.children if c.style == "inline-cn"]
    if not inline or inline[0].number != 1:
        return []
    paragraph = inline[0].paragraph
    return [c for c in inline if c.paragraph is paragraph]


def _numbered_title_spans(outline) -> tuple[list[int], list[int]]:
    def build():
        spans = sorted((n.start, max(n.title_end, n.marker_end)) for n in outline.walk() if is_numbered(n))
        return [s for s, _ in spans], [e for _, e in spans]

    return cached(outline, "numbered-title-spans", build)


def _inside(spans: tuple[list[int], list[int]], pos: int) -> bool:
    starts, ends = spans
    i = bisect_right(starts, pos) - 1
    return i >= 0 and pos < ends[i]


def _quote_spans(ctx: Context):
    return ctx.analysis.text_index.quoted


RULE = CountClaimRule
