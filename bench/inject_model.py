"""Shared pieces of the fault-injection harness (bench/inject.py): sites, plants, line edits,
a small outline reader and Arabic quantities.

The harness reads documents with its own small parsers on purpose: a site found with the
linter's own parser would only ever test what the linter already understands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path


@dataclass(frozen=True)
class SourceDoc:
    name: str  # file name, kept for the copy so nothing path-dependent changes
    origin: str  # corpus | seed | synthetic
    text: str = field(repr=False)

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


@dataclass(frozen=True)
class Site:
    """One place where a kind of defect can honestly be planted."""

    kind: str
    doc: SourceDoc
    line: int  # 1-based line of the planted text in the original
    detail: str  # what was found, for the report
    variant: str = ""  # the shape of the site, for the per-variant breakdown
    data: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Plant:
    """A copy of a document with one defect in it."""

    text: str
    line_map: list[int | None]  # copy line (index + 1) -> original line, None for new text
    span: tuple[int, int]  # copy lines (inclusive) where a catch may sit
    before: str  # the original excerpt
    after: str  # the planted excerpt
    anywhere: bool = False  # the defect is an absence: a catch may sit on any line
    columns: tuple[int, int] | None = None  # on the span's first line, a catch must overlap these
    # 0-based columns of the copy (the text the defect concerns)


def replace_in_line(
    doc: SourceDoc,
    line: int,
    start: int,
    end: int,
    new: str,
    span: tuple[int, int] | None = None,
    concerns: tuple[int, int] | None = None,
) -> Plant:
    """Replace characters [start, end) of one line; the line count does not change.

    ``concerns`` is the stretch of the original line the defect is about (the clause, the total
    and its parts); a catch on this line must touch it."""
    lines = doc.lines
    old_line = lines[line - 1]
    lines[line - 1] = old_line[:start] + new + old_line[end:]
    columns = None
    if concerns is not None:
        delta = len(new) - (end - start)

        def moved(column: int) -> int:
            return column if column <= start else max(start, column + delta) if column >= end else start

        columns = (moved(concerns[0]), max(moved(concerns[1]), moved(concerns[0]) + 1))
    return Plant(
        text="\n".join(lines),
        line_map=list(range(1, len(lines) + 1)),
        span=span or (line, line),
        before=excerpt(old_line, start, end),
        after=excerpt(lines[line - 1], start, start + len(new)),
        columns=columns,
    )


def edit_lines(doc: SourceDoc, edits: list[tuple[int, int, list[str]]]) -> tuple[str, list[int | None]]:
    """Apply (first line, last line inclusive, replacement lines) edits, in any order.

    Returns the new text and the map from each new line to its original line number
    (None for a replacement line)."""
    lines = doc.lines
    out: list[str] = []
    line_map: list[int | None] = []
    ordered = sorted(edits)
    position = 1
    for first, last, replacement in ordered:
        while position < first:
            out.append(lines[position - 1])
            line_map.append(position)
            position += 1
        out.extend(replacement)
        line_map.extend([None] * len(replacement))
        position = last + 1
    while position <= len(lines):
        out.append(lines[position - 1])
        line_map.append(position)
        position += 1
    return "\n".join(out), line_map


def excerpt(line: str, start: int, end: int, margin: int = 14) -> str:
    left = max(0, start - margin)
    right = min(len(line), end + margin)
    return ("…" if left else "") + line[left:right].strip() + ("…" if right < len(line) else "")


# -- a small outline reader ---------------------------------------------------------------

CN_DIGITS = "〇一二三四五六七八九"
CN_NUMERAL = "[一二三四五六七八九十]+"
# rank: 0 一、  1 （一）  2 1.  3 （1）
HEADING = [
    (0, re.compile(rf"^[#\s\u3000]*({CN_NUMERAL})[、.．，]")),
    (1, re.compile(rf"^[#\s\u3000]*[（(]({CN_NUMERAL})[）)]")),
    (2, re.compile(r"^[#\s\u3000]*(\d{1,2})(?:[.．](?!\d)|、)")),
    (3, re.compile(r"^[#\s\u3000]*[（(](\d{1,2})[）)]")),
]


@dataclass(frozen=True)
class Heading:
    line: int  # 1-based
    rank: int  # 0 一、 1 （一） 2 1. 3 （1）
    number: int
    marker_end: int  # column after the marker
    title: str  # text up to the first 。 (a run-in heading) or the whole short line
    run_in: bool  # the body continues on the heading's line


def cn_to_int(text: str) -> int | None:
    """一..九十九 (the numerals headings and counts use); None for anything else."""
    if not text or any(c not in "一二两三四五六七八九十" for c in text):
        return None
    values = {c: i for i, c in enumerate(CN_DIGITS)}
    values["两"] = 2
    if "十" not in text:
        return values[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (values[tens] if tens else 1) * 10 + (values[ones] if ones else 0)


def int_to_cn(value: int) -> str:
    if value < 10:
        return CN_DIGITS[value]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def headings(doc: SourceDoc) -> list[Heading]:
    out = []
    for index, line in enumerate(doc.lines, start=1):
        for rank, pattern in HEADING:
            match = pattern.match(line)
            if not match:
                continue
            raw = match.group(1)
            number = int(raw) if raw.isdigit() else cn_to_int(raw)
            if number is None:
                break
            rest = line[match.end() :]
            stop = re.search(r"[。；：:]", rest)
            if stop and stop.start() <= 40 and stop.end() < len(rest.rstrip()):
                out.append(Heading(index, rank, number, match.end(), rest[: stop.end()], True))
            elif len(rest.strip()) <= 60:
                out.append(Heading(index, rank, number, match.end(), rest.strip(), False))
            break
    return out


def section_end(doc: SourceDoc, heads: list[Heading], head: Heading) -> int:
    """Last line (inclusive) of the section a heading opens: up to the next heading of the
    same or a higher rank, without trailing blank lines."""
    end = len(doc.lines)
    for other in heads:
        if other.line > head.line and other.rank <= head.rank:
            end = other.line - 1
            break
    lines = doc.lines
    while end > head.line and not lines[end - 1].strip():
        end -= 1
    return end


def children(heads: list[Heading], head: Heading, end: int) -> list[Heading]:
    """The headings directly under ``head`` (the first rank that appears below it)."""
    inner = [h for h in heads if head.line < h.line <= end and h.rank > head.rank]
    if not inner:
        return []
    rank = min(h.rank for h in inner)
    return [h for h in inner if h.rank == rank]


# -- Arabic quantities ----------------------------------------------------------------------

SCALES = {"万": Decimal(10000), "亿": Decimal(100000000), "": Decimal(1)}
# Measurement units a number must carry; counts (个, 项) and dates (年) are not among them.
MEASURE_UNITS = ("平方公里", "平方千米", "平方米", "立方米", "千瓦时", "千瓦", "公顷", "公里", "千米", "吨", "亩", "元")
COUNT_UNITS = ("人次", "人", "户", "个", "家", "所", "项", "件", "宗", "套", "辆", "座", "台", "处")
UNIT_ALT = "|".join(MEASURE_UNITS + COUNT_UNITS)
# ASCII digits only: a planted number must be written the way its neighbours are.
# (not "4 0 8 3 公里", digits spaced out by a PDF extraction)
QUANTITY = re.compile(rf"(?<![0-9.．第０-９])(?<![0-9] )([0-9]+(?:\.[0-9]+)?)\s?([万亿]?)({UNIT_ALT})")


@dataclass(frozen=True)
class Quantity:
    start: int  # column of the first digit
    end: int  # column after the unit
    number: str
    scale: str
    unit: str

    @property
    def unit_start(self) -> int:
        return self.end - len(self.unit)

    @property
    def value(self) -> Decimal:
        return Decimal(self.number) * SCALES[self.scale]

    @property
    def half_step(self) -> Decimal:
        """Half of the last written digit: 4.8万 is 47 500–48 500."""
        decimals = len(self.number.split(".")[1]) if "." in self.number else 0
        return Decimal(5) * Decimal(10) ** (-decimals - 1) * SCALES[self.scale]


def quantities(text: str) -> list[Quantity]:
    return [Quantity(m.start(), m.end(), m.group(1), m.group(2), m.group(3)) for m in QUANTITY.finditer(text)]


def format_like(value: Decimal, like: Quantity) -> str:
    """Write ``value`` the way ``like`` is written: same scale word and number of decimals."""
    decimals = len(like.number.split(".")[1]) if "." in like.number else 0
    scaled = value / SCALES[like.scale]
    return f"{scaled:.{decimals}f}{like.scale}"


def sentences(line: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a line, split after 。！？ (end exclusive)."""
    out = []
    start = 0
    for match in re.finditer(r"[。！？]", line):
        out.append((start, match.end()))
        start = match.end()
    if start < len(line):
        out.append((start, len(line)))
    return out


def read_docs(corpus: Path | None, seeds: Path | None, synthetic: Path | None) -> list[SourceDoc]:
    docs = []
    for folder, origin in ((corpus, "corpus"), (seeds, "seed"), (synthetic, "synthetic")):
        if folder is None or not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.txt")):
            text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
            docs.append(SourceDoc(path.name, origin, text))
    return docs
