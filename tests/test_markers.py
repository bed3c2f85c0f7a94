"""The marker table (lint/text/markers.py): the grammar, the line test and marker numbers agree."""

from __future__ import annotations

import pytest

from lint.document import load_text
from lint.outline import build_outline
from lint.outline.parser import grammar_text, scan_lines
from lint.text.markers import (
    MARKERS,
    circled,
    circled_value,
    lark_terminals,
    marker_number,
    starts_with_marker,
)

LINES = [
    ("一、总体要求", "cn-dun"),
    ("十二、保障措施", "cn-dun"),
    ("一．总体要求", "cn-dun"),
    ("一.总体要求", "cn-dun"),
    ("一，总体要求", "cn-dun"),
    ("二十一，工作", "cn-dun"),
    ("（一）指导思想", "cn-paren"),
    ("(一)指导思想", "cn-paren"),
    ("（一）、指导思想", "cn-paren"),
    ("1.加强领导", "arabic-dot"),
    ("1．加强领导", "arabic-dot"),
    ("１．加强领导", "arabic-dot"),
    ("1、加强领导", "arabic-dun"),
    ("（1）明确责任", "arabic-paren"),
    ("(1)明确责任", "arabic-paren"),
    ("⑴明确责任", "arabic-paren"),
    ("①压实责任", "circled"),
    ("　　（二）强化保障", "cn-paren"),
    # look-alikes: a sentence that opens with a number, an abbreviated list, a decimal, a month pair
    ("一百二十，这是一句话。", None),
    ("二、三产业增加值增长5%。", None),
    ("1.5万亩耕地完成验收。", None),
    ("6、7月份完成。", None),
    ("一是加强领导。", None),
    ("第一，加强领导。", None),
    ("加强领导。", None),
]


def test_grammar_terminals_come_from_the_table():
    grammar = grammar_text()
    assert "%MARKER_TERMINALS%" not in grammar
    for style in MARKERS:
        assert f"{style.terminal}.3: /" in lark_terminals()
        assert style.terminal in grammar


@pytest.mark.parametrize("line, style", LINES)
def test_grammar_and_line_test_agree(line, style):
    ((_, _, found, _),) = scan_lines(line)
    assert found == style
    assert starts_with_marker(line) == (style is not None)


@pytest.mark.parametrize(
    "style, marker, number",
    [
        ("cn-dun", "十二、", 12),
        ("cn-paren", "（二十）", 20),
        ("cn-dun", "一百一十、", 110),
        ("arabic-dot", "１２．", 12),
        ("arabic-paren", "（3）", 3),
        ("arabic-paren", "⑶", 3),
        ("circled", "⑳", 20),
        ("inline-cn", "十一是", 11),
        ("cn-dun", "、", 0),
    ],
)
def test_marker_number(style, marker, number):
    assert marker_number(style, marker) == number


def test_circled_round_trip():
    for number in range(1, 21):
        assert circled_value(circled(number) or "") == number
        assert circled_value(circled(number, paren=True) or "") == number
    assert circled(0) is None and circled(21) is None and circled_value("a") == 0


def test_a_sentence_opening_with_a_large_numeral_is_not_an_item():
    # It used to be read as the marker 一百二十， and crash the OUT001 message (IndexError).
    doc = load_text(
        "一、总体要求\n坚持稳中求进。\n一百二十，这是以数字开头的一句话，写得比较长。\n二、主要目标\n内容。\n"
    )
    outline = build_outline(doc)
    assert [(n.marker, n.number) for n in outline.roots] == [("一、", 1), ("二、", 2)]
