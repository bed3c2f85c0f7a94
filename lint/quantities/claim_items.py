"""What a count claim counts: the items the text lists next to it (see ``claims``).

``ItemReader`` is built once per document from its text and outline; ``what_is_counted`` reads
the items of one claim, or returns None when the text does not say what is counted.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lint.outline.items import is_abbreviated_list
from lint.text.markers import FAMILY, LINE_MARKER, MARKER_AT, RUN_IN_RE
from lint.text.numerals import parse_int, to_chinese

if TYPE_CHECKING:
    from lint.outline.model import Node, Outline

    from .claim_words import ClaimWords
    from .claims import CountClaim

# An item of a 、-list holds no figure and no count of its own.
_FIGURE = re.compile(r"[0-9０-９%％]|[一二两三四五六七八九十百千万][个项大条类件种批支张家所座组套省市县区年月]")
_OPENERS = {"（": "）", "(": ")", "“": "”", "《": "》", "〈": "〉", "‘": "’", "【": "】", '"': '"'}
_SENTENCE_END = "。！？!?\n"
_CLAUSE_MARKS = "，,。；;：:！？!?（(）)\n"
_LONGEST_ITEM = 20
_NOUN_RUN = re.compile(r"[“”\u4e00-\u9fff]*")
_LONGEST_TITLE = 30
_SHORT_ITEM = 6


@dataclass(frozen=True)
class Found:
    """The items of one claim (document spans), the counts they allow, and how sure it is."""

    how: str
    items: tuple[tuple[int, int], ...]
    counts: frozenset[int]
    open: bool = False
    sure: bool = True
    heading: bool = False


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


def _is_item(node: Node) -> bool:
    """A numbered item of the outline (not run-in, not "二、三产业" read as a marker)."""
    return node.style != "inline-cn" and not is_abbreviated_list(node)


def _consecutive(nodes: list[Node]) -> list[Node] | None:
    """The items numbered 1, 2, 3 … from the first; None when a number is skipped (OUT001's)."""
    run: list[Node] = []
    for node in nodes:
        if node.number != len(run) + 1:
            if node.number > len(run) + 1:
                return None
            break
        run.append(node)
    return run if len(run) >= 2 else None


def _spans(nodes: list[Node]) -> tuple[tuple[int, int], ...]:
    return tuple((n.start, max(n.title_end, n.marker_end)) for n in nodes)


class ItemReader:
    """The lists, runs and headings of one document, indexed once for every claim."""

    def __init__(self, text: str, outline: Outline, words: ClaimWords):
        self.text = text
        self.outline = outline
        self.words = words
        nodes = list(outline.walk())
        self.numbered = sorted((n for n in nodes if _is_item(n)), key=lambda n: n.start)
        self.numbered_starts = [n.start for n in self.numbered]
        self.runs = _run_in_runs(nodes)

    # -- the claim's place --------------------------------------------------------------------
    def what_is_counted(self, claim: CountClaim) -> Found | None:
        start, end = claim.start, claim.end
        colon = self.words.to_colon.match(self.text, end)
        if colon is not None and not self._another_count(self.text[end : colon.start()]):
            return self._after_colon(start, colon.end())
        heading = self._heading_at(start)
        # a longer title is the first sentence of a paragraph; "深度贫困村：24个" sums its children
        if heading is not None and len(heading.title) <= _LONGEST_TITLE:
            return self._children(heading) if claim.noun else None
        sentence = self._claim_sentence(start, end)
        return (
            self._run_in_next(start, end, sentence) or self._following(start, end, sentence) or self._list_before(claim)
        )

    def _heading_at(self, pos: int) -> Node | None:
        i = bisect_right(self.numbered_starts, pos) - 1
        if i < 0:
            return None
        node = self.numbered[i]
        return node if node.title_start <= pos < node.title_end else None

    def _line_start(self, pos: int) -> int:
        return self.text.rfind("\n", 0, pos) + 1

    def _line_end(self, pos: int) -> int:
        end = self.text.find("\n", pos)
        return len(self.text) if end < 0 else end

    def _sentence_start(self, pos: int) -> int:
        line_start = self._line_start(pos)
        stop = max(self.text.rfind(ch, line_start, pos) for ch in "。；;！？!?")
        return stop + 1 if stop >= 0 else line_start

    # -- a heading's children -------------------------------------------------------------------
    def _children(self, node: Node) -> Found | None:
        if self._count_claims_in(node.title) != 1:
            return None  # two claims in one title: which one counts?
        kids = [c for c in node.children if _is_item(c)]
        if kids:
            family = FAMILY[kids[0].style]
            run = _consecutive([c for c in kids if FAMILY[c.style] == family])
        else:
            run = _first_run(node)
        if run is None:
            return None
        return Found("children", _spans(run), frozenset({len(run)}), heading=True)

    # -- after a colon --------------------------------------------------------------------------
    def _after_colon(self, start: int, pos: int) -> Found | None:
        text = self.text
        while pos < len(text) and text[pos] in " \u3000\t":
            pos += 1
        lead = text[self._sentence_start(start) : start]
        opened = bool(self.words.open_lead.search(lead))
        run = self.runs.get(pos)
        if run is not None:
            return Found("after colon", _spans(run), frozenset({len(run)}), open=opened)
        if pos < len(text) and text[pos] == "\n":
            found = self._numbered_after(pos) or self._run_in_paragraphs(pos)
            if found is not None:
                return _with(found, "after colon", opened, True)
            pos = self._skip_blank_lines(pos)
            if MARKER_AT.match(text, pos) or RUN_IN_RE.match(text, pos):
                return None
        found = self._sentence_list(pos)
        return None if found is None else _with(found, found.how, opened or found.open, True)

    def _skip_blank_lines(self, pos: int) -> int:
        while pos < len(self.text) and self.text[pos] in " \u3000\t\n":
            pos += 1
        return pos

    def _sentence_list(self, pos: int) -> Found | None:
        """A ；-list or a 、-list from ``pos`` to the end of the sentence."""
        text = self.text
        end = pos
        while end < len(text) and text[end] not in _SENTENCE_END:
            end += 1
        body = text[pos:end]
        if not body or re.match(r"[（(]?[一二三四五六七八九十1-9][）)、.．]|[①-⑳]|第一|其一|首先", body):
            return None  # numbered items run in: not counted here
        opened = bool(self.words.open_list.search(body))
        semis = [(a, b) for a, b in split_top(body, "；;") if body[a:b].strip()]
        if len(semis) >= 2:
            return Found("list after", tuple((pos + a, pos + b) for a, b in semis), frozenset({len(semis)}), opened)
        if re.search(r"[，,]", body):
            return None
        spans = split_top(body, "、")
        counts = _list_counts([body[a:b] for a, b in spans], self.words.and_words)
        if counts is None:
            return None
        return Found("list after", tuple((pos + a, pos + b) for a, b in spans), counts, opened)

    # -- the sentence or paragraph after the claim ----------------------------------------------
    def _claim_sentence(self, start: int, end: int) -> tuple[int, int]:
        """The claim's sentence: [start, its 。 or the end of the line)."""
        text = self.text
        line_end = self._line_end(end)
        stop = min((i for i in (text.find(ch, end, line_end) for ch in "。！？") if i >= 0), default=line_end)
        return self._sentence_start(start), stop

    def _sole_claim(self, sentence: tuple[int, int], start: int, end: int) -> bool:
        """The sentence claims nothing else: with two counts, which one is the list's?"""
        return not self._another_count(self.text[sentence[0] : start] + " " + self.text[end : sentence[1]])

    def _run_in_next(self, start: int, end: int, sentence: tuple[int, int]) -> Found | None:
        """今年重点抓好三项工作。一是…二是…三是… in the same paragraph."""
        text = self.text
        if sentence[1] >= len(text) or text[sentence[1]] not in "。！？":
            return None
        run = self.runs.get(self._skip_indent(sentence[1] + 1))
        if run is None or not self._sole_claim(sentence, start, end):
            return None
        sure = bool(self.words.introducer.search(text[sentence[0] : sentence[1]]))
        return Found("run-in", _spans(run), frozenset({len(run)}), sure=sure)

    def _following(self, start: int, end: int, sentence: tuple[int, int]) -> Found | None:
        """A paragraph closing on its claim ("重点抓好以下四个方面工作。"): the numbered
        headings or the 一是… paragraphs that follow it."""
        line_end = self._line_end(end)
        if self.text[sentence[1] : line_end].strip(" \u3000\t。！？!?") != "":
            return None  # more sentences after the claim in its paragraph
        said = self.text[sentence[0] : sentence[1]]
        words = self.words
        if (
            not words.introducer.search(said)
            or words.open_lead.search(said)
            or not self._sole_claim(sentence, start, end)
        ):
            return None
        found = self._numbered_after(line_end) or self._run_in_paragraphs(line_end)
        if found is None:
            return None
        return _with(found, "following", False, bool(words.sure_introducer.search(said)))

    def _numbered_after(self, pos: int) -> Found | None:
        """Numbered items opening the next paragraphs: the node there and its numbered siblings."""
        i = bisect_right(self.numbered_starts, pos)
        if i >= len(self.numbered):
            return None
        first = self.numbered[i]
        if first.number != 1 or self.text[pos : first.start].strip() != "":
            return None
        siblings = first.parent.children if first.parent is not None else self.outline.roots
        family = FAMILY[first.style]
        later = [n for n in siblings if _is_item(n) and FAMILY[n.style] == family and n.start >= first.start]
        run = _consecutive(later)
        if run is None:
            return None
        return Found("following", _spans(run), frozenset({len(run)}))

    def _run_in_paragraphs(self, pos: int) -> Found | None:
        """一是…/二是… each opening a paragraph of its own after the claim's line."""
        items, scanned_end = self._paragraph_items(pos)
        if len(items) < 2:
            return None
        following = to_chinese(len(items) + 1) + "是"
        if re.search(f"(?:^|[。；;：:！？\\n]){following}", self.text[items[0][0] : scanned_end]):
            return None  # the list goes on inside a paragraph: unsure
        return Found("following", tuple(items), frozenset({len(items)}))

    def _paragraph_items(self, pos: int) -> tuple[list[tuple[int, int]], int]:
        text = self.text
        items: list[tuple[int, int]] = []
        scanned_end = cursor = pos
        while cursor < len(text):
            start = self._skip_indent(cursor + 1 if text[cursor] == "\n" else cursor)
            cursor = line_end = self._line_end(start)
            if start >= line_end:
                continue
            run_in = RUN_IN_RE.match(text, start, line_end)
            if run_in is not None:
                if parse_int(run_in.group(1)) != len(items) + 1:
                    break  # a new list (一是 again) or a break in the numbering
                items.append((start, line_end))
            elif not items or MARKER_AT.match(text, start, line_end) or text[start] in "［[":
                break  # the next heading, or no run-in list at all
            scanned_end = line_end
        return items, scanned_end

    def _another_count(self, text: str) -> bool:
        return self._count_claims_in(text) > 0

    def _count_claims_in(self, text: str) -> int:
        from .claims import claim_matches  # the one claim pattern (claims imports this module)

        return sum(1 for _ in claim_matches(text, self.words))

    def _skip_indent(self, pos: int) -> int:
        while pos < len(self.text) and self.text[pos] in " \u3000\t":
            pos += 1
        return pos

    # -- the 、-list before the numeral ---------------------------------------------------------
    def _list_before(self, claim: CountClaim) -> Found | None:
        """稳增长、防风险、保民生三项基本任务: the 、-list that ends where the numeral begins."""
        text = self.text
        start = claim.start
        if start == 0 or not re.match(r"[\u4e00-\u9fff”）)]", text[start - 1]) or not _counts_a_noun(text, claim):
            return None
        line_start = self._line_start(start)
        window = text[max(line_start, start - 120) : start]
        base = start - len(window)
        cut = max(window.rfind(ch) for ch in _CLAUSE_MARKS)
        marker = LINE_MARKER.match(window) if cut < 0 and base == line_start else None
        head = cut + 1 if cut >= 0 else (marker.end() if marker else 0)
        listed = window[head:]
        spans = split_top(listed, "、")
        if len(spans) < 2 or _unbalanced(listed):
            return None
        pieces = [listed[a:b] for a, b in spans]
        opened = pieces[-1].endswith("等")
        if opened:
            pieces[-1] = pieces[-1][:-1]
        if not _items_before(pieces, self.words) or not _plausible(len(pieces), claim.value):
            return None
        items = tuple((base + head + a, base + head + b) for a, b in spans)
        return Found("list before", items, frozenset({len(pieces)}), open=opened, sure=False)


def _counts_a_noun(text: str, claim: CountClaim) -> bool:
    """The claim names what it counts ("三大产业集群", "5个方面"; not "规章45件。"), and is not
    itself one item of a longer 、-list ("A、准东3个煤制气、B": the 、 before it is that list's)."""
    noun_start = claim.end - len(claim.noun)
    run = _NOUN_RUN.match(text, noun_start).group(0)  # type: ignore[union-attr]
    if not run:
        return "方面" in claim.measure
    return not (text.startswith("、", noun_start + len(run)) and len(run) <= _SHORT_ITEM)


def _plausible(listed: int, claimed: int) -> bool:
    """A list before a numeral that is under half or over twice the claim is not what it counts
    ("A、B五大行动": two of five named programs)."""
    return claimed < 2 * listed and listed < 2 * claimed


def _with(found: Found, how: str, opened: bool, sure: bool) -> Found:
    return Found(how, found.items, found.counts, found.open or opened, sure and found.sure, found.heading)


def _unbalanced(text: str) -> bool:
    return text.count("“") != text.count("”") or text.count("（") != text.count("）")


def _list_counts(pieces: list[str], and_words: re.Pattern) -> frozenset[int] | None:
    """How many items a 、-list may hold: {n}, or {n, n+1} when 和 may join the last two.
    None when the pieces do not look like list items (too long, 和 inside a middle piece)."""
    pieces = [p.strip(" \u3000") for p in pieces]
    if len(pieces) < 2 or not all(pieces):
        return None
    for n, piece in enumerate(pieces):
        if len(piece) > _LONGEST_ITEM:
            return None
        if 0 < n < len(pieces) - 1 and and_words.search(piece):
            return None
    counts = {len(pieces)}
    if and_words.search(pieces[-1]):
        counts.add(len(pieces) + 1)
    return frozenset(counts)


def _items_before(pieces: list[str], words: ClaimWords) -> bool:
    """The pieces before a numeral are the items it counts: short, no figures, no 和, not verbs,
    and the last one is a noun that runs straight into the numeral."""
    if any(not p.strip() or _FIGURE.search(p) or words.and_words.search(p) for p in pieces):
        return False
    if any(len(p) > _LONGEST_ITEM for p in pieces[1:]) or len(pieces[0]) > 2 * _LONGEST_ITEM:
        return False
    if "等" in "".join(pieces) or words.not_item_end.search(pieces[-1]) or words.predicate.search(pieces[-1]):
        return False
    return not all(p.strip() in words.list_verbs for p in pieces[1:])


def _first_run(node: Node) -> list[Node] | None:
    """The heading's run-in items 一是… when they come first in its own body."""
    inline = [c for c in node.children if c.style == "inline-cn"]
    if not inline or inline[0].number != 1:
        return None
    paragraph = inline[0].paragraph
    return _consecutive([c for c in inline if c.paragraph is paragraph])


def _run_in_runs(nodes: list[Node]) -> dict[int, list[Node]]:
    """Offset of each 一是 that opens a run → the run's items (consecutive from 1, one paragraph)."""
    by_paragraph: dict[int, list[Node]] = {}
    for node in nodes:
        if node.style == "inline-cn" and node.paragraph is not None:
            by_paragraph.setdefault(id(node.paragraph), []).append(node)
    out: dict[int, list[Node]] = {}
    for items in by_paragraph.values():
        items.sort(key=lambda n: n.start)
        for run in _split_runs(items):
            out[run[0].start] = run
    return out


def _split_runs(items: list[Node]) -> list[list[Node]]:
    """The 一是…N是 runs of one paragraph; a run with a gap (一是、二是、四是: OUT008's) leaves
    the length of the list unsure and is dropped."""
    runs: list[list[Node]] = []
    run: list[Node] = []
    broken = False
    for node in items:
        if node.number == 1:
            if len(run) >= 2 and not broken:
                runs.append(run)
            run, broken = [node], False
        elif run and node.number == run[-1].number + 1:
            run.append(node)
        elif run:
            broken = True
    if len(run) >= 2 and not broken:
        runs.append(run)
    return runs
