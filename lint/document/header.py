"""红头 front matter of a 通知: issuer, 发文字号, title, 主送, signature, 成文日期, 印发/抄送 lines.

Recognition is deliberately conservative: a web page or a report with no 红头 yields an empty
Header, and header rules then say nothing.
"""

from __future__ import annotations

import re

from lint.document.model import Header
from lint.text.numerals import read_date_part

# How far into the document front matter may reach (non-blank lines).
_HEAD_SCAN = 14
_TAIL_SCAN = 8
# No front-matter line is longer (an addressee list runs to ~300 characters). Longer lines are
# skipped before any pattern runs: NOTICE_TITLE is a search, quadratic on a 1 MB line.
_MAX_LINE = 400

ISSUER = re.compile(r"^\S{2,40}文件$")
# 发文字号 in any bracket, so META rules can check the bracket form.
DOC_NUMBER = re.compile(
    r"^(?P<org>[\u4e00-\u9fff]{1,16}?)(?P<open>[〔\[［(（【{｛])\s*(?P<year>\d{2,4})\s*"
    r"(?P<close>[〕\]］)）】}｝])\s*(?P<di>第?)\s*(?P<num>\d{1,5})\s*号$"
)
DATE = re.compile(
    r"^(?P<y>\d{4}|[〇零○Ｏ0Oo一二三四五六七八九]{4})\s*年\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
    r"\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$"
)
DATE_SEPARATED = re.compile(r"^(?P<y>\d{4})[./-](?P<m>\d{1,2})[./-](?P<d>\d{1,2})$")
NOTICE_TITLE = re.compile(r"(关于.+的(?:通知|意见|决定|批复|函|报告)|.+的通知)$")
ADDRESSEE = re.compile(r"^(?:各|市|省|县|区|国务院|[\u4e00-\u9fff（）()、，,]{2,}).{0,300}[：:]$")
PRINTED = re.compile(r"^(?P<who>\S.{0,40}?)\s*(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印发$")
CC = re.compile(r"^抄送[：:]")


def iso_date(written: str) -> str | None:
    """2022年3月2日 → 2022-03-02 (also for Chinese numerals); None if not a date."""
    match = DATE.match(written.strip())
    if not match:
        return None
    try:
        year = read_date_part(match["y"])
        month = read_date_part(match["m"])
        day = read_date_part(match["d"])
    except ValueError:
        return None
    if not (year and month and day):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_header(lines: list[str]) -> Header:
    non_blank = [(i + 1, line.strip()) for i, line in enumerate(lines) if line.strip()]
    header = Header()
    _read_front_matter(header, non_blank)
    if not (header.doc_number or header.issuer):
        # No 红头: nothing here is front matter (a title alone is not a header).
        return Header()
    if header.body_start_line is None and header.addressee_line:
        header.body_start_line = _next_line(non_blank, header.addressee_line)
    _read_closing_matter(header, non_blank[-_TAIL_SCAN:])
    return header


def _read_front_matter(header: Header, non_blank: list[tuple[int, str]]) -> None:
    """发文机关, 发文字号, 标题, 主送机关 in the first lines, up to the 成文日期 that closes them."""
    head = non_blank[:_HEAD_SCAN]
    for index, (lineno, text) in enumerate(head):
        if len(text) > _MAX_LINE:
            continue
        if _is_issuer(header, index, text):
            header.issuer, header.issuer_line = text, lineno
        elif _is_doc_number(header, index, text):
            header.doc_number, header.doc_number_line = text, lineno
        elif _is_title(header, index, text):
            header.title, header.title_line = text, lineno
        elif _is_addressee(header, text):
            header.addressee, header.addressee_line = text, lineno
        elif _is_date(header, text):
            header.date, header.date_line = text, lineno
            previous_line, previous = head[index - 1]
            if len(previous) <= 40 and not re.search(r"[。，；：]", previous):
                header.signatory, header.signatory_line = previous, previous_line
            header.body_start_line = _next_line(non_blank, lineno)
            return


def _is_issuer(header: Header, index: int, text: str) -> bool:
    return header.issuer is None and header.doc_number is None and index < 4 and bool(ISSUER.match(text))


def _is_doc_number(header: Header, index: int, text: str) -> bool:
    return header.doc_number is None and index < 6 and bool(DOC_NUMBER.match(text))


def _is_title(header: Header, index: int, text: str) -> bool:
    return (
        header.title is None
        and index < 6
        and len(text) < 120
        and not text.endswith("。")
        and bool(NOTICE_TITLE.search(text))
    )


def _is_addressee(header: Header, text: str) -> bool:
    return (
        header.addressee is None
        and bool(header.doc_number or header.title)
        and len(text) < 300
        and "。" not in text
        and bool(ADDRESSEE.match(text))
    )


def _is_date(header: Header, text: str) -> bool:
    return bool(header.addressee) and header.date is None and bool(DATE.match(text) or DATE_SEPARATED.match(text))


def _read_closing_matter(header: Header, tail: list[tuple[int, str]]) -> None:
    """印发机关和印发日期 and 抄送 among the last lines."""
    for lineno, text in tail:
        if len(text) > _MAX_LINE:
            continue
        if PRINTED.match(text):
            header.printed, header.printed_line = text, lineno
        elif CC.match(text):
            header.cc, header.cc_line = text, lineno


def _next_line(non_blank: list[tuple[int, str]], after: int) -> int | None:
    for lineno, _ in non_blank:
        if lineno > after:
            return lineno
    return None
