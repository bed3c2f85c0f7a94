"""Recall of the CONS rules on planted conflicts: after the sentence of every indicator value that
the rules compare (plans, summaries and bulletins of ../shared/corpus and seeds/), plant
"<indicator><value × 1.3><unit>。" — the same indicator, period and role with a value that cannot
agree — and count the copies where a CONS finding lands on the planted figure. One plant per copy.

    python bench/cons_plant.py ../shared/corpus/*.txt seeds/*.txt
"""

from __future__ import annotations

import sys
from decimal import Decimal, InvalidOperation

from lint.analysis import Analysis
from lint.config import Settings
from lint.document import load_text
from lint.engine import Engine, Overrides
from lint.quantities.consistency import indicator_values


def planted_text(value, text: str) -> tuple[str, int, str] | None:
    """The text with one conflicting sentence after the value's sentence, where it starts, and it."""
    fact, q = value.fact, value.fact.quantity
    if value.aspect != "level" or q.qualifier or q.form != "arabic":
        return None
    end = text.find("。", fact.end)
    line_end = text.find("\n", fact.end)
    if end < 0 or 0 <= line_end < end:
        return None
    try:
        written = Decimal(q.numeral.removesuffix(q.scale).replace(",", ""))
    except InvalidOperation:
        return None
    new = written * Decimal("1.3")
    new = new.to_integral_value() if q.is_count else new
    plant = f"{value.key.text}{format(new.normalize(), 'f')}{q.scale}{q.unit_raw or q.unit}。"
    return text[: end + 1] + plant + text[end + 1 :], end + 1, plant


def main(paths: list[str]) -> None:
    engine = Engine(Settings(), Overrides(select=["CONS"]))
    words = engine.table.rules["CONS001"]._words
    sites = caught = 0
    for path in paths:
        text = open(path, encoding="utf-8").read()
        analysis = Analysis(load_text(text, path))
        if analysis.kind not in ("plan", "summary", "bulletin"):
            continue
        for value in indicator_values(analysis, words):
            planted = planted_text(value, text)
            if planted is None:
                continue
            new_text, at, plant = planted
            result = engine.lint(load_text(new_text, path))
            hit = [d for d in result.diagnostics if d.code.startswith("CONS") and at <= d.start < at + len(plant)]
            sites += 1
            caught += bool(hit)
            if not hit:
                print(f"missed {path}: {plant}")
    print(f"caught {caught} of {sites} planted conflicts")


if __name__ == "__main__":
    main(sys.argv[1:])
