"""Positions (lint/text/spans.py): columns count code points, and line/column maps back to the offset."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lint.text.spans import line_col, line_starts, offset_of


def test_columns_count_code_points():
    text = "一、总体要求\n𠀀2021年"
    starts = line_starts(text)
    assert starts == [0, 7]
    assert line_col(text, starts, text.index("2")) == (2, 2)  # 𠀀 is one code point (two in UTF-16)


@given(st.text(alphabet="ab一\n𠀀", max_size=40), st.integers(min_value=-3, max_value=45))
def test_offset_and_line_column_round_trip(text, offset):
    starts = line_starts(text)
    line, column = line_col(text, starts, offset)
    assert offset_of(text, starts, line, column) == max(0, min(offset, len(text)))
