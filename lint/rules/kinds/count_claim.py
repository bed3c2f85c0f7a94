"""count-claim: a count claim ("N项/个/个方面/大…") against what it counts — queries over the
document's count claims (``Analysis.count_claims``, lint/quantities/claims.py).

Options (YAML):
  check        list: a claim against the items listed with it (run-in 一是…, a ；/、-list after
               its colon or before its numeral, the numbered paragraphs or headings that follow).
               children: a heading's claim ("（三）十项重点改革") against the items under it.
               consistency: the same counted noun with different N in one document.
  classifiers  the measure words whose claims the rule reports (项, 个方面, 大, 条 …); default:
               every measure word of the statement model (`statements: count-claims:
               measure-words`, rules/counts.yaml).
  generic-nouns  consistency: counted nouns too general to compare (方面, 工作, 问题 …).
  skip-before  consistency: a numeral after one of these is a statistic or an ordinal, not a
               claim (新增两个…, 第三…).
  name-after   consistency: the words (verbs, prepositions, time words) after which a set's name
               begins: 深化|十项改革 and 今年|九项改革 name one set, 房地产八大提升行动 and
               城市更新六大提升行动 two.
  messages     secondary messages by key (more, changed; add -en for English).

A claim whose items the text does not give (a named program, "深化十项改革") is never reported.
A claim that plainly introduces its items (a colon, 以下/如下, a heading) is an error when it
does not match; one read from a 、-list before it, or from a sentence without such a word, is a
warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Literal

from lint.diagnostics import Diagnostic, Severity
from lint.rules.base import Context, RuleSpec, compile_regex
from lint.rules.kinds._structure import say
from lint.spec import derived, option

if TYPE_CHECKING:
    from lint.quantities.claims import CountClaim

_MESSAGES = {
    "more": ("“{claim}”却列出{m}项：{items}（{where}）", "“{claim}” but {m} items are listed: {items} ({where})"),
    "changed": ("“{claim}”与前文“{first}”的数量不一致", "“{claim}” differs from “{first}” earlier in the document"),
}
_LIST_SHAPES = ("after colon", "list after", "list before", "run-in", "following")
_LABEL = 8  # characters of an item shown in a message
_SHOWN = 4  # items shown in a message
_NOUN_CUT = re.compile(r"[的和与及等中是为在有要都也就上下]")
_QUALIFIER = 8  # characters before a numeral read for the words that qualify the set
_NAMED_BY_MARKS = frozenset("”’」』）)》】等")  # “…”三项原则, …生育保险等四项: a name or list stands there


class CountClaimRule(RuleSpec):
    kind: Literal["count-claim"]
    check_: Literal["list", "children", "consistency"] = option(alias="check")
    classifiers: list[str] | None = option(default=None, min_length=1)
    generic_nouns: list[str] = option(default_factory=list, alias="generic-nouns")
    skip_before: list[str] = option(default_factory=list, alias="skip-before")
    name_after: list[str] = option(default_factory=list, alias="name-after")
    messages: dict[str, str] = option(default_factory=dict)

    _skip: re.Pattern | None = derived(default=None)
    _name_after: re.Pattern | None = derived(default=None)

    def __post_init__(self) -> None:
        if self.skip_before:
            self._skip = compile_regex(f"(?:{'|'.join(self.skip_before)})$", "skip-before")
        if self.name_after:  # greedy: the last of them before the numeral
            self._name_after = compile_regex(f".*(?:{'|'.join(self.name_after)})", "name-after")

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        claims = [c for c in ctx.analysis.count_claims if self.classifiers is None or c.measure in self.classifiers]
        if self.check_ == "consistency":
            yield from self._consistency(ctx, claims)
            return
        wanted = ("children",) if self.check_ == "children" else _LIST_SHAPES
        for claim in claims:
            if claim.how in wanted and claim.agrees is False:
                yield self._mismatch(ctx, claim)

    def _mismatch(self, ctx: Context, claim: CountClaim) -> Diagnostic:
        listed = claim.listed
        values: dict[str, Any] = {"claim": claim.text, "n": claim.value, "m": listed, **_listing(ctx, claim)}
        message = None
        if listed > claim.value and self.check_ == "list":
            message = _variant(ctx, self, "more", values)
        return ctx.diagnostic(
            self,
            claim.start,
            claim.end,
            message=message,
            severity=None if claim.sure else min(self.default_severity, Severity.WARNING),
            related=[(say(ctx, f"第{i}项", f"item {i}"), a) for i, (a, _) in enumerate(claim.items[:20], 1)],
            **values,
        )

    # -- claim: consistency ------------------------------------------------------------------------
    def _consistency(self, ctx: Context, claims: list[CountClaim]) -> Iterator[Diagnostic]:
        # (measure, qualifier, first two characters of the noun) → earlier claims (n, start, noun, claim)
        earlier: dict[tuple[str, str, str], list[tuple[int, int, str, str]]] = {}
        for claim in claims:
            noun = self._compared_noun(ctx.text, claim)
            if noun is None:
                continue
            qualifier = self._qualifier(ctx.text, claim.start)
            if qualifier is None:  # a set of its own
                continue
            bucket = earlier.setdefault((claim.measure, qualifier, noun[:2]), [])
            # 改革 and 改革全面落地 name the same items: one noun starts the other
            same = [e for e in bucket if e[2].startswith(noun) or noun.startswith(e[2])]
            written = f"{claim.numeral}{claim.measure}"
            bucket.append((claim.value, claim.start, noun, written + noun))
            conflict = next((e for e in same if e[0] != claim.value), None)
            if conflict is None or any(e[0] == claim.value for e in same):
                continue
            shown = written + noun[: min(len(noun), len(conflict[2]))]
            yield ctx.diagnostic(
                self,
                claim.start,
                claim.start + len(shown),
                claim=shown,
                n=claim.value,
                message=_variant(ctx, self, "changed", {"claim": shown, "first": conflict[3]}),
                related=[(say(ctx, "前文", "earlier"), conflict[1])],
            )

    def _compared_noun(self, text: str, claim: CountClaim) -> str | None:
        """The noun that names the counted set, or None when the claim names no set."""
        if claim.numeral.isdigit() or claim.how == "bound":
            return None
        if self._skip is not None and self._skip.search(text, max(0, claim.start - 4), claim.start):
            return None
        after = text[claim.end - len(claim.noun) : claim.end + 8]
        noun = _NOUN_CUT.split(re.match(r"[\u4e00-\u9fff]{0,8}", after).group(0))[0]  # type: ignore[union-attr]
        generic = set(self.generic_nouns)
        if len(noun) < 2 or noun in generic or noun[:2] in generic or noun.startswith(("余", "多")):
            return None
        return noun

    def _qualifier(self, text: str, start: int) -> str | None:
        """The words before the numeral that say which set is counted: '' when a name-after word
        or punctuation stands right before it (深化十项改革, 。九项改革), else those words (实施城市更新
        六大提升行动: 城市更新). None when a list or a quoted name counts the items (A、B、C五项…,
        “…”三项原则, …等四项) or the words run on past what is read: a set of its own."""
        window = text[max(0, start - _QUALIFIER) : start]
        if window[-1:] in _NAMED_BY_MARKS:
            return None
        words = re.search(r"[\u4e00-\u9fff]*$", window).group(0)  # type: ignore[union-attr]
        if window[: len(window) - len(words)].endswith("、"):
            return None
        begun = self._name_after.match(words) if self._name_after is not None else None
        if begun is not None:
            return words[begun.end() :]
        return words if len(words) < len(window) or start <= _QUALIFIER else None


def _listing(ctx: Context, claim: CountClaim) -> dict[str, str]:
    """The items named in a message: the first few, shortened, and the lines they are on."""
    text = ctx.text
    labels = [_label(text[a:b]) for a, b in claim.items[:_SHOWN]]
    items = "、".join(labels) + ("…" if len(claim.items) > _SHOWN else "")
    first = ctx.doc.line_col(claim.items[0][0])[0]
    last = ctx.doc.line_col(claim.items[-1][0])[0]
    english = ctx.lang == "en"
    if first == last:
        where = f"line {first}" if english else f"第{first}行"
    else:
        where = f"lines {first}–{last}" if english else f"第{first}–{last}行"
    return {"items": items, "where": where}


def _label(item: str) -> str:
    """An item as a short label: its marker and first words, up to the first punctuation."""
    item = item.strip(" \u3000\t\n").removesuffix("等")
    words = re.split(r"[，,。；;：:！？\n]", item, maxsplit=1)[0]
    return words if len(words) <= _LABEL else words[:_LABEL] + "…"


def _variant(ctx: Context, rule: RuleSpec, key: str, values: dict) -> str:
    from lint.rules.kinds._quantity import variant

    return variant(ctx, rule, key, _MESSAGES, **values)


RULE = CountClaimRule
