"""The numeral layer (lint/text/numerals.py): whole numbers both ways, ranges, years, and totality."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.text.numerals import (
    parse_int,
    parse_number,
    parse_range,
    read_digits,
    to_chinese,
)

NUMERAL_CHARS = "〇零一二两三四五六七八九十百千万亿点余多几数0123456789０１２３４５６７８９.．,，—-～至到 "


@pytest.mark.parametrize(
    "number, written",
    [
        (0, "零"),
        (7, "七"),
        (10, "十"),
        (12, "十二"),
        (20, "二十"),
        (105, "一百零五"),
        (110, "一百一十"),
        (120, "一百二十"),
        (1010, "一千零一十"),
        (10005, "一万零五"),
        (100000, "十万"),
        (100010, "十万零一十"),
        (30000000, "三千万"),
        (100010000, "一亿零一万"),
        (10**9, "十亿"),
        (10**12, "一万亿"),
        (-3, "负三"),
    ],
)
def test_to_chinese_writes_numbers_as_prose_does(number, written):
    assert to_chinese(number) == written


@pytest.mark.parametrize(
    "written, number",
    [
        ("12", 12),
        ("１２", 12),
        ("十二", 12),
        ("一百二十", 120),
        ("两千", 2000),
        ("一千零五", 1005),
        ("二〇", None),
        ("一二", None),
        ("三四", None),
        ("十余", None),
        ("3.5", None),
        ("三点五", None),
        ("第一", None),
        ("", None),
        ("百", None),
        ("一百二十，", None),
        ("是", None),
    ],
)
def test_parse_int_reads_whole_numbers_only(written, number):
    assert parse_int(written) == number


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_chinese_round_trip(number):
    assert parse_int(to_chinese(number)) == number


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_arabic_round_trip(number):
    assert parse_int(str(number)) == number


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(NUMERAL_CHARS), max_size=30) | st.text(max_size=30))
def test_parsers_are_total(text):
    # Any string in, a value or None out: never an exception.
    got = parse_int(text)
    assert got is None or isinstance(got, int)
    parse_number(text)
    parse_range(text)
    read_digits(text)


def test_a_long_scale_run_is_not_a_number():
    assert parse_number("1" + "亿" * 5000) is None


@pytest.mark.parametrize(
    "written, low, high",
    [
        ("3—5", 3, 5),
        ("3-5万", 30000, 50000),
        ("三至五", 3, 5),
        ("10到20", 10, 20),
        ("3～5", 3, 5),
    ],
)
def test_parse_range_reads_both_ends(written, low, high):
    got = parse_range(written)
    assert got is not None
    assert (got[0].value, got[1].value) == (Decimal(low), Decimal(high))


@pytest.mark.parametrize("written", ["5-3", "3-", "三", "甲至乙", "3-5-7"])
def test_parse_range_rejects_what_is_not_a_rising_range(written):
    assert parse_range(written) is None


@pytest.mark.parametrize(
    "written, number",
    [
        ("二〇二二", 2022),
        ("二○二二", 2022),
        ("2022", 2022),
        ("一九九八", 1998),
        ("二〇二两", None),
        ("二十", None),
    ],
)
def test_read_digits_reads_years(written, number):
    assert read_digits(written) == number


# Every string of up to three numeral characters, four-character strings of the common ones,
# Arabic forms with scale words and approximation marks, and 0–30000 both ways: what
# parse_number and parse_int made of them before _combine and parse_number were split into
# steps (identical results; change the digest only with a change of behaviour you meant).
GENERATED_DIGEST = "8c85460f70f799ab1b2ca36deecc679f6fb027cb557179e8e57a895673a8d89d"


def _generated_numerals():
    import itertools

    for length in range(1, 4):
        for chars in itertools.product("〇零一二两三四五六七八九十百千万亿点余多几数", repeat=length):
            yield "".join(chars)
    for chars in itertools.product("零一二三五九十百千万亿余几", repeat=4):
        yield "".join(chars)
    arabic = ["1", "12", "305", "4.8", "0.5", ".5", "1,200", "12,345,678", "１２", "3．5", "1 200", "007", "1,20"]
    tails = ["", "万", "亿", "千万", "万亿", "余", "多", "余万", "多亿", "几", "百几", "万五", "千二"]
    for written in arabic:
        for tail in tails:
            yield written + tail
            yield "数" + written + tail
    for number in range(0, 30001, 7):
        yield to_chinese(number)
        yield str(number)


def test_numerals_read_a_generated_range_as_before() -> None:
    import hashlib

    digest = hashlib.sha256()
    count = 0
    for text in _generated_numerals():
        digest.update(f"{text}\t{parse_number(text)!r}\t{parse_int(text)!r}\n".encode())
        count += 1
    assert count == 48625
    assert digest.hexdigest() == GENERATED_DIGEST
