"""`gwlint facts FILE`: print what the numbers of a document say (the statement model).

Each figure with its indicator, interval, unit, qualifier, period, role and relations, then the
part sets with their arithmetic, so a user can see why a SUM or UNIT finding fired, or did not.
"""

from __future__ import annotations

import json
import sys

from lint.analysis import Analysis
from lint.outlinecmd import load_single


def facts_data(analysis: Analysis, line: int | None = None) -> dict:
    from lint.quantities.statements import part_set_text

    doc = analysis.doc
    st = analysis.statements
    keys = analysis.indicators
    facts = [
        _with_key(item, keys.get(fact.index))
        for fact, item in zip(st.facts, st.to_dicts(doc.line_col), strict=True)
        if line is None or item["line"] == line
    ]
    part_sets = []
    for ps in st.part_sets:
        members = [st.facts[i] for i in (ps.total, *ps.parts)]
        lines = {doc.line_col(f.start)[0] for f in members}
        if line is not None and line not in lines:
            continue
        arithmetic, agrees = part_set_text(st, ps)
        part_sets.append(
            {
                "line": doc.line_col(st.facts[ps.total].start)[0],
                "total": st.facts[ps.total].raw,
                "parts": [st.facts[i].raw for i in ps.parts],
                "dimension": ps.dimension or None,
                "exhaustive": ps.exhaustive,
                "trigger": ps.trigger,
                "arithmetic": arithmetic,
                "agrees": agrees,
            }
        )
    respectively = []
    for r in st.respectively:
        first = doc.line_col(st.facts[r.values[0]].start)[0]
        if line is None or first == line:
            respectively.append({"line": first, "groups": r.groups, "values": [st.facts[i].raw for i in r.values]})
    return {
        "version": 1,
        "path": doc.path,
        "kind": analysis.kind,
        "facts": facts,
        "part_sets": part_sets,
        "respectively": respectively,
        "count_claims": _count_claims(analysis, line),
    }


def _with_key(item: dict, found) -> dict:
    """The fact's lexicon indicator (``normalised``), when the lexicon knows its phrase."""
    if found is not None:
        key = found.key
        item["normalised"] = {
            "name": key.name,
            "how": key.how,
            "matched": key.text,
            "scope": key.scope,
            "change": key.change,
            "aspect": found.aspect,
        }
    return item


_HOW = {"name": "名称", "alias": "别名", "pattern": "模式"}
_ASPECT = {"level": "水平", "growth": "增速", "change": "增减量", "start": "起点", "other": "其他"}


def _indicator_field(item: dict) -> str:
    """指标=全县耕地保有面积→耕地保有量（别名，水平）"""
    norm = item.get("normalised")
    field = f"指标={item['indicator'] or (norm or {}).get('matched', '')}"
    if norm:
        scope = f"{norm['scope']}·" if norm["scope"] else ""
        field += f"→{scope}{norm['name']}（{_HOW[norm['how']]}，{_ASPECT[norm['aspect']]}）"
    return field


def _count_claims(analysis: Analysis, line: int | None) -> list[dict]:
    """The count claims with what they count (the statement model's CNT part)."""
    claims = [c.to_dict(analysis.doc.line_col) for c in analysis.count_claims]
    return [c for c in claims if line is None or c["line"] == line]


def _claim_line(item: dict) -> str:
    """L85 十项重点改革（children，列出3项：第87–91行）✗"""
    if not item["items"]:
        return f"  L{item['line']} {item['claim']}（{item['counts']}）"
    first, last = item["items"][0], item["items"][-1]
    where = f"第{first}行" if first == last else f"第{first}–{last}行"
    listed = "或".join(map(str, item["listed"])) + ("项（列举未完）" if item["open"] else "项")
    mark = "✓" if item["agrees"] else "✗"
    return f"  L{item['line']} {item['claim']}（{item['counts']}，列出{listed}：{where}）{mark}"


def _fact_line(item: dict) -> str:
    fields = [f"{item['line']}:{item['column']}", item["text"]]
    if item["indicator"] or "normalised" in item:
        fields.append(_indicator_field(item))
    fields.append(f"值={item['value']}")
    fields.append(f"单位={item['unit'] or '（无）'}" + ("（共用）" if item.get("unit_shared") else ""))
    for key, label in (("qualifier", "限定"), ("polarity", "方向"), ("period", "时期")):
        if key in item:
            fields.append(f"{label}={item[key]}")
    fields.append(f"角色={item['role']}" + ("（目标）" if item.get("target") else ""))
    for rel in item.get("relations", []):
        fields.append(f"{rel['relation']}→{rel['with']}(L{rel['line']})")
    return "  ".join(fields)


def _analysis(doc, file: str, kind: str) -> Analysis:
    """The document read with the units, indicators and statement words of the packs its configuration names."""
    from pathlib import Path

    from lint.config import find_config, load_config_file

    config = find_config(Path.cwd() if file == "-" else Path(file).resolve().parent)
    packs = load_config_file(config).pack_paths() if config is not None else []
    if not packs:
        return Analysis(doc, kind=kind)
    from lint.rules.packs import load_rules

    table = load_rules(packs)
    registry = table.unit_registry() if table.unit_packs else None
    lexicon = table.lexicon() if table.indicator_packs else None
    words = table.statement_words() if table.statement_packs else None
    return Analysis(doc, registry, kind=kind, lexicon=lexicon, words=words)


def run_facts(file: str, fmt: str, line: int | None, kind: str = "auto") -> int:
    doc = load_single(file)
    if doc is None:
        return 1
    data = facts_data(_analysis(doc, file, kind), line)
    if fmt == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    out = [f"{doc.path}  kind: {data['kind']}"]
    out.extend(_fact_line(item) for item in data["facts"])
    if data["part_sets"]:
        out.append("")
        out.append("总数与分项：")
        for ps in data["part_sets"]:
            what = ps["dimension"] or ("完整分项" if ps["exhaustive"] else "部分分项")
            out.append(f"  L{ps['line']} {ps['total']}（{ps['trigger']}，{what}）：{ps['arithmetic']}")
    if data["respectively"]:
        out.append("")
        out.append("分别对应（不计入总数）：")
        for r in data["respectively"]:
            out.append(f"  L{r['line']} {'、'.join(r['groups'])} → {'、'.join(r['values'])}")
    if data["count_claims"]:
        out.append("")
        out.append("数量表述：")
        out.extend(_claim_line(c) for c in data["count_claims"])
    if not data["facts"]:
        out.append("(no figures)")
    sys.stdout.write("\n".join(out) + "\n")
    return 0
