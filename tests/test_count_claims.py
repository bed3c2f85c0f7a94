"""The count claims of the statement model (lint/quantities/claims.py): each claim with its value,
measure word and noun, and what it counts — or nothing when the text does not say — and
`gwlint facts` printing them."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from lint.analysis import Analysis
from lint.cli import app
from lint.document import load_text
from tests.workflow_support import findings_of


def claims(text: str):
    return Analysis(load_text(text, "doc.txt")).count_claims


def only(text: str):
    found = [c for c in claims(text) if c.how != "unresolved"]
    assert len(found) == 1, found
    return found[0]


def listed(text: str, claim) -> list[str]:
    return [text[a:b] for a, b in claim.items]


def test_a_claim_knows_its_numeral_measure_and_noun():
    claim = only("深化十项改革：一是加强规划；二是强化保障；三是优化服务。")
    assert (claim.numeral, claim.value, claim.measure, claim.noun) == ("十", 10, "项", "改革")
    assert claim.text == "十项改革" and claim.how == "after colon"
    assert claim.counts == {3} and claim.agrees is False and claim.sure


def test_dun_list_before_the_claim():
    text = "切实抓好稳增长、防风险、保民生三项基本任务。"
    claim = only(text)
    assert claim.how == "list before" and listed(text, claim) == ["切实抓好稳增长", "防风险", "保民生"]
    assert claim.agrees is True and not claim.sure


def test_dun_list_after_a_colon_is_open_after_deng():
    text = "主要包括三个方面：规划、建设、管理、服务等。"
    claim = only(text)
    assert claim.how == "list after" and claim.open and claim.counts == {4} and claim.agrees is False


def test_he_may_join_the_last_two_items():
    claim = only("三项制度：规划、建设和管理。")
    assert claim.counts == {2, 3} and claim.agrees is True


def test_headings_that_follow_a_closing_claim():
    text = "二、重点任务\n重点抓好以下四个方面工作。\n（一）抓耕保。\n（二）抓保障。\n（三）抓改革。\n"
    claim = only(text)
    assert claim.how == "following" and claim.counts == {3} and claim.sure
    assert listed(text, claim) == ["（一）抓耕保", "（二）抓保障", "（三）抓改革"]


def test_run_in_paragraphs_after_a_closing_claim():
    text = "重点从三个方面实现突破。\n一是打造高地。\n二是扩大内需。\n三是推动融合。\n"
    claim = only(text)
    assert claim.how == "following" and claim.counts == {3} and claim.agrees is True


def test_run_in_items_in_the_next_sentence():
    claim = only("今年重点抓好三项工作。一是加快市民化；二是推进安居工程；三是加强城市管理。")
    assert claim.how == "run-in" and claim.counts == {3}


def test_heading_claim_counts_its_children():
    text = "（三）十项重点改革\n1.强化保障机制。\n2.深化要素改革。\n3.推进体系改革。\n"
    claim = only(text)
    assert claim.how == "children" and claim.heading and claim.counts == {3}


@pytest.mark.parametrize(
    "text",
    [
        "构建工作体系，深化十项改革，推进“双十”项目。",  # a named program, nothing listed
        "余姚井头山、温州朔门古港入选全国十大考古新发现。",  # the list is the subject of 入选
        "制定、修改、废止政府规章70件。",  # a statistic after its noun
        "围绕上述五大任务，抓好落实。\n（一）加强领导。\n（二）强化考核。\n",  # listed elsewhere
    ],
)
def test_nothing_is_counted_where_the_text_does_not_say(text):
    assert all(not c.resolved and c.agrees is None for c in claims(text))


def test_bounds_and_party_congresses_are_not_counts():
    found = claims("至少从三个方面推进：一是规划；二是建设。10个以上。党的二十大以来。")
    assert [(c.text, c.how) for c in found] == [("三个方面推进", "bound"), ("10个", "bound")]


def test_facts_prints_the_claims_in_text_and_json(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("说明。\n（三）十项重点改革\n1.强化保障机制。\n2.深化要素改革。\n", encoding="utf-8")
    runner = CliRunner()
    text = runner.invoke(app, ["facts", str(path)])
    assert text.exit_code == 0, text.output
    assert "L2 十项重点改革（children，列出2项：第3–4行）✗" in text.output
    data = json.loads(runner.invoke(app, ["facts", str(path), "--format", "json"]).output)
    assert data["count_claims"] == [
        {
            "line": 2,
            "column": 4,
            "claim": "十项重点改革",
            "value": 10,
            "measure": "项",
            "noun": "重点改革",
            "counts": "children",
            "items": [3, 4],
            "listed": [2],
            "open": False,
            "agrees": False,
        }
    ]


def test_ordinals_estimates_and_parts_of_longer_numbers_are_not_claims():
    text = "第三个方面。近十项工作。一百二十个村。提高1.5个百分点。全年三项改革。"
    assert [c.text for c in claims(text)] == ["三项改革"]


DEFENCES = "重点筑牢三道防线：一是守住耕地红线；二是守住生态红线。\n"


def test_a_pack_adds_a_measure_word(tmp_path, monkeypatch):
    """道 is no measure word of the shipped pack: 三道防线 is no claim until a pack's
    `statements: count-claims: measure-words` adds it, and then CNT001 counts its two items."""
    (tmp_path / "a.txt").write_text(DEFENCES, encoding="utf-8")
    (tmp_path / ".gwlint.yaml").write_text("select: [CNT]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    assert findings_of("a.txt") == []
    (tmp_path / "house.yaml").write_text(
        "statements:\n  count-claims:\n    measure-words: [道]\nrules: []\n", encoding="utf-8"
    )
    (tmp_path / ".gwlint.yaml").write_text("packs: [house.yaml]\nselect: [CNT]\n", encoding="utf-8")
    assert findings_of("a.txt") == [("CNT001", 1, 5)]
    assert claims(DEFENCES) == []  # the shipped words are untouched by the pack
    (tmp_path / "house.yaml").write_text("statements:\n  count-claims:\n    measure-word: [道]\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "a.txt"])
    assert result.exit_code == 2 and "house.yaml" in result.output and "measure-word" in result.output
