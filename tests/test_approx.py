"""Converted figures in messages read as a reviewer writes them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lint.quantities.approx import approx_figure, approx_range


@pytest.mark.parametrize(
    "value,zh,en",
    [
        (Decimal(100) / 15, "6.67", "6.67"),
        (Decimal("1.37E12") * Decimal("0.5"), "6850亿", "685,000,000,000"),  # 1.37万亿斤 in 千克
        (Decimal(10) ** 8 / 15, "667万", "6,670,000"),  # 1亿亩 in 公顷
        (Decimal(450000) / 15, "3万", "30,000"),
        (Decimal("1234.5678"), "1235", "1235"),
        (Decimal(3), "3", "3"),
        (Decimal("0.001234"), "0.00123", "0.00123"),
        (Decimal("2.5E13"), "25万亿", "25,000,000,000,000"),
    ],
)
def test_one_figure(value, zh, en):
    assert (approx_figure(value, "zh"), approx_figure(value, "en")) == (zh, en)


def test_a_range_keeps_both_ends():
    ends = (Decimal(100) / 15, Decimal(500) / 15)  # 100—500亩 in 公顷
    assert approx_range(ends, "zh") == "6.67～33.33"
    assert approx_range(ends, "en") == "6.67–33.33"
    assert approx_range((Decimal(7),), "zh") == "7"
    assert approx_range((Decimal("6.666"), Decimal("6.668")), "zh") == "6.67"  # the same when rounded


@pytest.mark.parametrize(
    "text,hint",
    [
        ("种植100—500亩。", "（约合6.67～33.33公顷）"),
        ("耕地1亿亩。", "（约合667万公顷）"),
        ("粮食产量1.37万亿斤。", "（约合6850亿千克）"),
    ],
)
def test_unit_messages_carry_the_reviewer_figure(text, hint):
    from lint.config import Settings
    from lint.document import load_text
    from lint.engine import Engine, Overrides

    engine = Engine(Settings(), Overrides(select=["UNIT001"]))
    (finding,) = engine.lint(load_text(text + "\n", "doc.txt", "txt")).diagnostics
    assert finding.message.endswith(hint)
