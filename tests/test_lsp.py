"""The language server, driven end to end over pipes by pygls' LSP client, plus its pure helpers.

The server runs as `python -m lint.cli server`. A tiny user rule pack (TST001: 待定 → 已定)
and a `.gwlint.yaml` selecting only it sit next to the document, so the test exercises
configuration discovery and does not depend on which shipped packs exist. Every wait is
bounded, so a broken server fails the test instead of hanging CI.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("pygls")

from lsprotocol import types  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

from lint.diagnostics import Diagnostic, Edit, FileResult, Fix, Related, Severity  # noqa: E402
from lint.lsp import positions  # noqa: E402
from lint.lsp.convert import Finding, compatible_edits, findings_for  # noqa: E402
from tests.tbd_pack import tbd_pack  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
WAIT = 30.0  # seconds; generous for slow CI, but a hang still ends

PACK = tbd_pack("lsp-test", fix="已定")
CONFIG = "packs: [lsp-pack.yaml]\nselect: [TST001]\n"

# Line 1 puts two astral-plane characters (U+20000, two UTF-16 units each) before the span:
# 待定 is at code points 6..8 (0-based) but UTF-16 units 8..10.
TEXT = "关于工作安排的通知\n𠀀𠀀完成时间待定。\n其他事项待定，另行通知。\n"
ASTRAL_RANGE = ((1, 8), (1, 10))
PLAIN_RANGE = ((2, 4), (2, 6))


# -- a real client ---------------------------------------------------------------------------
class Session:
    """An LSP client talking to `gwlint server` in a subprocess."""

    def __init__(self) -> None:
        self.client = LanguageClient("gwlint-tests", "0")
        self.published: list[types.PublishDiagnosticsParams] = []
        self.messages: list[types.ShowMessageParams] = []

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_publish(params: types.PublishDiagnosticsParams) -> None:
            self.published.append(params)

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def on_message(params: types.ShowMessageParams) -> None:
            self.messages.append(params)

        @self.client.feature(types.WINDOW_LOG_MESSAGE)
        def on_log(params: types.LogMessageParams) -> None:
            pass

    async def start(self, root: Path, encodings: list[str] | None = None) -> types.InitializeResult:
        await self.client.start_io(sys.executable, "-m", "lint.cli", "server", cwd=str(ROOT))
        capabilities = types.ClientCapabilities(
            workspace=types.WorkspaceClientCapabilities(
                workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True)
            ),
            general=types.GeneralClientCapabilities(position_encodings=encodings) if encodings else None,
        )
        result = await asyncio.wait_for(
            self.client.initialize_async(
                types.InitializeParams(capabilities=capabilities, process_id=None, root_uri=root.as_uri())
            ),
            WAIT,
        )
        self.client.initialized(types.InitializedParams())
        return result

    async def stop(self) -> int | None:
        """shutdown + exit; returns the server's exit status (killing it if it hangs)."""
        process = self.client._server
        try:
            await asyncio.wait_for(self.client.shutdown_async(None), WAIT)
            self.client.exit(None)
            await asyncio.wait_for(process.wait(), WAIT)
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
        await asyncio.wait_for(self.client.stop(), WAIT)
        return process.returncode

    async def wait_for(self, uri: str, version: int | None, after: int = 0) -> types.PublishDiagnosticsParams:
        """The first diagnostics published for ``uri`` (and ``version``) after index ``after``."""
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            for params in self.published[after:]:
                if params.uri == uri and (version is None or params.version == version):
                    return params
            await asyncio.sleep(0.02)
        raise AssertionError(f"no diagnostics for {uri} version {version}; got {self.published}")

    def open(self, uri: str, text: str, version: int = 1) -> None:
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=version, text=text)
            )
        )

    def change(self, uri: str, version: int, changes: list) -> None:
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=changes
            )
        )

    async def code_actions(self, uri: str, range_: types.Range, only=None, diagnostics=()) -> list[types.CodeAction]:
        result = await asyncio.wait_for(
            self.client.text_document_code_action_async(
                types.CodeActionParams(
                    text_document=types.TextDocumentIdentifier(uri=uri),
                    range=range_,
                    context=types.CodeActionContext(diagnostics=list(diagnostics), only=only),
                )
            ),
            WAIT,
        )
        return [a for a in result or [] if isinstance(a, types.CodeAction)]


def run(coroutine_fn, *args):
    """Run one async scenario with an overall bound."""
    return asyncio.run(asyncio.wait_for(coroutine_fn(*args), 4 * WAIT))


# -- editing helpers independent of the code under test (UTF-16 via the codec) -----------------
def utf16_offset(text: str, position: types.Position) -> int:
    lines = text.split("\n")
    before = sum(len(line) + 1 for line in lines[: position.line])
    encoded = lines[position.line].encode("utf-16-le")[: 2 * position.character]
    return before + len(encoded.decode("utf-16-le"))


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    spans = [(utf16_offset(text, e.range.start), utf16_offset(text, e.range.end), e.new_text) for e in edits]
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def edits_of(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    edit = action.edit
    assert edit is not None
    if edit.document_changes:
        (change,) = edit.document_changes
        assert change.text_document.uri == uri
        return list(change.edits)
    return list(edit.changes[uri])


def span(d: types.Diagnostic) -> tuple[tuple[int, int], tuple[int, int]]:
    return ((d.range.start.line, d.range.start.character), (d.range.end.line, d.range.end.character))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "lsp-pack.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / ".gwlint.yaml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "notice.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


# -- end-to-end --------------------------------------------------------------------------------
def test_diagnostics_quickfix_and_change(project: Path) -> None:
    async def scenario() -> None:
        session = Session()
        uri = (project / "notice.txt").as_uri()
        try:
            init = await session.start(project)
            assert init.capabilities.code_action_provider
            session.open(uri, TEXT)
            published = await session.wait_for(uri, 1)
            diagnostics = published.diagnostics
            assert [span(d) for d in diagnostics] == [ASTRAL_RANGE, PLAIN_RANGE]
            for d in diagnostics:
                assert d.code == "TST001"
                assert d.source == "gwlint"
                assert d.severity == types.DiagnosticSeverity.Warning
                assert d.message == "未完成的标记“待定”"

            # The quickfix for the diagnostic after the astral characters fixes exactly that span.
            astral = diagnostics[0]
            actions = await session.code_actions(uri, astral.range, diagnostics=[astral])
            quickfixes = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
            assert len(quickfixes) == 1
            assert quickfixes[0].edit.document_changes[0].text_document.version == 1
            (edit,) = edits_of(quickfixes[0], uri)
            fixed = apply_edits(TEXT, [edit])
            assert fixed == TEXT.replace("𠀀𠀀完成时间待定", "𠀀𠀀完成时间已定")

            # The editor applies it as an incremental change; that diagnostic disappears.
            session.change(uri, 2, [types.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text)])
            published = await session.wait_for(uri, 2)
            assert [span(d) for d in published.diagnostics] == [PLAIN_RANGE]

            # Fix-all, asked for as a source action, clears the rest.
            (fix_all,) = await session.code_actions(
                uri,
                types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
                only=[types.CodeActionKind.SourceFixAll],
            )
            final = apply_edits(fixed, edits_of(fix_all, uri))
            assert "待定" not in final
            session.change(uri, 3, [types.TextDocumentContentChangeWholeDocument(text=final)])
            assert list((await session.wait_for(uri, 3)).diagnostics) == []
        finally:
            code = await session.stop()
        assert code == 0
        assert not [m for m in session.messages if m.type == types.MessageType.Error]

    run(scenario)


def test_rapid_changes_publish_only_the_latest_version(project: Path) -> None:
    async def scenario() -> None:
        session = Session()
        uri = (project / "notice.txt").as_uri()
        try:
            await session.start(project)
            session.open(uri, TEXT)
            await session.wait_for(uri, 1)
            mark = len(session.published)
            # Typing: three versions in quick succession; only the last may be published.
            for version, text in ((2, "待定"), (3, "待定待定"), (4, "完成。\n待定")):
                session.change(uri, version, [types.TextDocumentContentChangeWholeDocument(text=text)])
            published = await session.wait_for(uri, 4, after=mark)
            assert [span(d) for d in published.diagnostics] == [((1, 0), (1, 2))]
            await asyncio.sleep(0.5)  # longer than the debounce: nothing stale arrives late
            assert [p.version for p in session.published[mark:] if p.uri == uri] == [4]

            # Saving lints again; closing clears the document's diagnostics.
            mark = len(session.published)
            session.client.text_document_did_save(
                types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
            )
            assert len((await session.wait_for(uri, 4, after=mark)).diagnostics) == 1
            mark = len(session.published)
            session.client.text_document_did_close(
                types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
            )
            assert list((await session.wait_for(uri, None, after=mark)).diagnostics) == []
        finally:
            assert await session.stop() == 0

    run(scenario)


def test_saving_the_config_relints_open_documents(project: Path) -> None:
    async def scenario() -> None:
        session = Session()
        uri = (project / "notice.txt").as_uri()
        config = project / ".gwlint.yaml"
        try:
            await session.start(project)
            session.open(uri, TEXT)
            first = await session.wait_for(uri, 1)
            assert {d.severity for d in first.diagnostics} == {types.DiagnosticSeverity.Warning}
            config.write_text(CONFIG + "severity: {TST001: error}\n", encoding="utf-8")
            mark = len(session.published)
            session.client.text_document_did_save(
                types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=config.as_uri()))
            )
            again = await session.wait_for(uri, 1, after=mark)
            assert [span(d) for d in again.diagnostics] == [ASTRAL_RANGE, PLAIN_RANGE]
            assert {d.severity for d in again.diagnostics} == {types.DiagnosticSeverity.Error}
        finally:
            assert await session.stop() == 0

    run(scenario)


def test_client_choosing_utf32_gets_code_point_characters(project: Path) -> None:
    async def scenario() -> None:
        session = Session()
        uri = (project / "notice.txt").as_uri()
        try:
            init = await session.start(project, encodings=[types.PositionEncodingKind.Utf32])
            assert init.capabilities.position_encoding == types.PositionEncodingKind.Utf32
            session.open(uri, TEXT)
            published = await session.wait_for(uri, 1)
            assert [span(d) for d in published.diagnostics] == [((1, 6), (1, 8)), PLAIN_RANGE]
        finally:
            assert await session.stop() == 0

    run(scenario)


def test_bad_configuration_is_reported_on_the_config_file(tmp_path: Path) -> None:
    config = tmp_path / ".gwlint.yaml"
    config.write_text("select: [TST001]\nno-such-key: 1\n", encoding="utf-8")

    async def scenario() -> None:
        session = Session()
        uri = (tmp_path / "doc.md").as_uri()
        try:
            await session.start(tmp_path)
            session.open(uri, "# 标题\n\n内容待定。\n")
            published = await session.wait_for(config.resolve().as_uri(), None)
            (diagnostic,) = published.diagnostics
            assert diagnostic.range.start.line == 1  # `no-such-key` is on the second line
            assert "no-such-key" in diagnostic.message
            assert any("no-such-key" in m.message for m in session.messages)
            assert list((await session.wait_for(uri, 1)).diagnostics) == []  # nothing to lint it with

            # Repaired and saved: the mark on the config goes, the document gets its findings.
            (tmp_path / "lsp-pack.yaml").write_text(PACK, encoding="utf-8")
            config.write_text(CONFIG, encoding="utf-8")
            mark = len(session.published)
            session.client.text_document_did_save(
                types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=config.as_uri()))
            )
            cleared = await session.wait_for(config.resolve().as_uri(), None, after=mark)
            assert list(cleared.diagnostics) == []
            linted = await session.wait_for(uri, 1, after=mark)
            assert [span(d) for d in linted.diagnostics] == [((2, 2), (2, 4))]
        finally:
            assert await session.stop() == 0

    run(scenario)


def test_server_exits_when_stdin_closes() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "lint.cli", "server"], cwd=ROOT, input=b"", capture_output=True, timeout=WAIT
    )
    assert done.returncode == 0
    assert b"Traceback" not in done.stderr


def frame(message: dict) -> bytes:
    body = json.dumps(message).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def test_exit_without_shutdown_exits_with_1_even_with_stdin_open() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "lint.cli", "server"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        process.stdin.write(
            frame(
                {
                    "jsonrpc": "2.0",
                    "id": 1,
                    "method": "initialize",
                    "params": {"capabilities": {}, "processId": None, "rootUri": None},
                }
            )
        )
        process.stdin.write(frame({"jsonrpc": "2.0", "method": "exit"}))
        process.stdin.flush()
        # stdin stays open: the server must end on `exit` alone.
        assert process.wait(timeout=WAIT) == 1
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        for stream in (process.stdin, process.stdout, process.stderr):
            stream.close()


# -- positions (pure) ------------------------------------------------------------------------------
def test_column_to_character_counts_utf16_units() -> None:
    line = "𠀀𠀀完成时间待定。"
    assert positions.column_to_character(line, 1) == 0
    assert positions.column_to_character(line, 2) == 2  # after one astral character
    assert positions.column_to_character(line, 7) == 8  # 待
    assert positions.column_to_character(line, 9) == 10  # exclusive end after 定
    assert positions.column_to_character(line, 11) == 11  # end of line
    assert positions.column_to_character(line, 40) == 11  # past the end clamps


def test_column_to_character_other_encodings() -> None:
    line = "a待𠀀b"
    assert positions.column_to_character(line, 4, positions.UTF8) == 1 + 3 + 4
    assert positions.column_to_character(line, 4, positions.UTF32) == 3


def test_character_to_column_rounds_into_a_surrogate_pair_down() -> None:
    line = "x𠀀y"
    assert positions.character_to_column(line, 1) == 2
    assert positions.character_to_column(line, 2) == 2  # between the two halves of 𠀀
    assert positions.character_to_column(line, 3) == 3
    assert positions.character_to_column(line, 99) == 4


def test_to_lsp_and_back_clamp_lines() -> None:
    lines = positions.split_lines("甲\r\n𠀀乙\r丙\n")
    assert lines == ["甲", "𠀀乙", "丙", ""]
    assert positions.to_lsp(lines, 2, 2) == (1, 2)
    assert positions.to_lsp(lines, 9, 1) == (3, 0)
    assert positions.from_lsp(lines, 1, 2) == (2, 2)
    assert positions.from_lsp(lines, 9, 0) == (4, 1)


texts = st.text(alphabet=st.sampled_from(["a", "中", "𠀀", "😀", "，", " "]), max_size=12)


@given(texts, st.integers(min_value=0, max_value=14))
def test_column_round_trip(line: str, index: int) -> None:
    column = min(index, len(line)) + 1
    character = positions.column_to_character(line, column)
    assert character == len(line[: column - 1].encode("utf-16-le")) // 2
    assert positions.character_to_column(line, character) == column


# -- conversion (pure) ------------------------------------------------------------------------------
def test_findings_carry_related_locations_severity_and_fix_ranges() -> None:
    text = "合计3项\n𠀀其中甲2项、乙2项"
    # Line 2: 𠀀(col 1, two UTF-16 units) 其 中 甲(col 4) 2 项 、 乙 2 项(col 10).
    d = Diagnostic(
        code="SUM001",
        name="parts-exceed-total",
        severity=Severity.ERROR,
        message="分项之和超过合计",
        line=2,
        column=4,
        end_line=2,
        end_column=11,
        fix=Fix((Edit("1", 2, 5, 2, 6),), message="“2”→“1”"),
        related=(Related("合计在此", 1, 3),),
    )
    info = Diagnostic(
        code="LINT001",
        name="unused-suppression",
        severity=Severity.INFO,
        message="m",
        line=1,
        column=1,
        end_line=1,
        end_column=2,
    )
    result = FileResult(path="x.txt", kind="summary", diagnostics=[d, info], text=text)
    first, second = findings_for(result, text, "file:///x.txt", docs_url="https://example.org/{code}")
    assert span(first.diagnostic) == ((1, 4), (1, 11))
    assert first.diagnostic.severity == types.DiagnosticSeverity.Error
    assert second.diagnostic.severity == types.DiagnosticSeverity.Information
    assert first.diagnostic.code_description.href == "https://example.org/SUM001"
    (related,) = first.diagnostic.related_information
    assert related.location.uri == "file:///x.txt"
    assert (related.location.range.start.line, related.location.range.start.character) == (0, 2)
    assert related.message == "合计在此"
    (edit,) = first.edits
    assert edit.new_text == "1" and first.fix_message == "“2”→“1”"
    assert span(types.Diagnostic(range=edit.range, message="")) == ((1, 5), (1, 6))
    assert second.edits == ()


def test_leading_bom_shifts_line_one_only() -> None:
    editor_text = "\ufeff待定\n待定"
    result = FileResult(
        path="x.txt",
        kind="article",
        text="待定\n待定",
        diagnostics=[
            Diagnostic(
                code="TST001",
                name="n",
                severity=Severity.WARNING,
                message="m",
                line=line,
                column=1,
                end_line=line,
                end_column=3,
            )
            for line in (1, 2)
        ],
    )
    first, second = findings_for(result, editor_text, "file:///x.txt")
    assert span(first.diagnostic) == ((0, 1), (0, 3))
    assert span(second.diagnostic) == ((1, 0), (1, 2))


def test_fix_all_takes_each_finding_whole_in_document_order() -> None:
    def edit(a: int, b: int) -> types.TextEdit:
        return types.TextEdit(
            range=types.Range(start=types.Position(line=0, character=a), end=types.Position(line=0, character=b)),
            new_text="x",
        )

    def finding(*edits: types.TextEdit) -> Finding:
        return Finding(diagnostic=types.Diagnostic(range=edits[0].range, message="m"), code="T", edits=edits)

    # The third finding's second edit overlaps the first finding: it waits whole for the next pass.
    chosen = compatible_edits([finding(edit(0, 2), edit(8, 9)), finding(edit(2, 4)), finding(edit(5, 7), edit(1, 3))])
    assert [(e.range.start.character, e.range.end.character) for e in chosen] == [(0, 2), (2, 4), (8, 9)]


def test_a_line_with_three_commas_is_one_quickfix_of_three_one_character_edits() -> None:
    from lint.config import Settings
    from lint.document import load_text
    from lint.engine import Engine, Overrides
    from lint.lsp.server import _fix_title

    text = "𠀀甲,乙,丙,丁。"
    result = Engine(Settings(select=["PUNC001"]), Overrides()).lint(load_text(text, "x.txt"))
    (finding,) = findings_for(result, text, "file:///x.txt")
    # One UTF-16 pair before the marks: the commas are at units 3, 5 and 7.
    assert [(e.range.start.character, e.range.end.character, e.new_text) for e in finding.edits] == [
        (3, 4, "，"),
        (5, 6, "，"),
        (7, 8, "，"),
    ]
    assert _fix_title(finding, "zh") == "PUNC001：“,”→“，”（3处）"
    assert apply_edits(text, list(finding.edits)) == "𠀀甲，乙，丙，丁。"


def test_an_open_docx_is_linted_from_disk_by_paragraph(project: Path) -> None:
    from lint.review.textdocx import text_to_docx

    docx_path = project / "notice.docx"
    docx_path.write_bytes(text_to_docx("关于工作安排的通知\n其他事项待定，另行通知。\n", "notice.txt"))

    async def scenario() -> None:
        session = Session()
        uri = docx_path.as_uri()
        try:
            await session.start(project)
            session.open(uri, "PK\x03\x04 binary an editor cannot show")
            (finding,) = (await session.wait_for(uri, 1)).diagnostics
            assert finding.message == "第2段：未完成的标记“待定”"
            assert span(finding) == ((1, 4), (1, 6))
            assert not await session.code_actions(uri, finding.range, diagnostics=[finding])

            # Word saves the document: the watched-file change relints it from disk.
            docx_path.write_bytes(text_to_docx("关于工作安排的通知\n其他事项已定。\n", "notice.txt"))
            after = len(session.published)
            session.client.workspace_did_change_watched_files(
                types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=uri, type=types.FileChangeType.Changed)])
            )
            assert list((await session.wait_for(uri, 1, after)).diagnostics) == []
        finally:
            code = await session.stop()
        assert code == 0

    run(scenario)
