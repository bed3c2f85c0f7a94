"""`gwlint server`: the Language Server Protocol over stdio (pygls 2).

- didOpen / didSave lint at once; didChange is debounced (DEBOUNCE_SECONDS) and only the
  newest version of a document is ever published.
- Configuration is discovered exactly as on the command line (EngineCache), and rebuilt when
  the configuration file or one of its packs changes on disk.
- Code actions: one quickfix per fixable diagnostic under the cursor, plus
  ``source.fixAll.gwlint`` applying every non-overlapping fix at once.
Linting runs on one worker thread so the event loop keeps reading messages meanwhile.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from lint import __version__
from lint.config import find_config
from lint.diagnostics import FileResult
from lint.engine import Engine
from lint.errors import UsageError
from lint.lsp.convert import SOURCE, Finding, compatible_edits, findings_for, overlaps
from lint.runner import EngineCache, is_excluded, lint_file, lint_source

log = logging.getLogger(__name__)

DEBOUNCE_SECONDS = 0.3
# A .docx is linted from the file on disk (an editor holds no text of it): findings name the
# paragraph (第N段) a Word user finds, and carry no fix (an edit cannot be applied to it).
SOURCE_FORMATS = {".txt": "txt", ".md": "md", ".markdown": "md", ".docx": "docx"}
# Saving one of these may change what the open documents should show.
CONFIG_SUFFIXES = {".yaml", ".yml", ".toml"}
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.gwlint"


def source_format(uri: str) -> str | None:
    """ "txt", "md" or "docx" for a document gwlint lints, None for anything else."""
    if not uri.startswith("file:"):
        return None
    return SOURCE_FORMATS.get(Path(to_fs_path(uri) or "").suffix.lower())


class EngineSource:
    """Engines as `gwlint check` finds them, rebuilt when a config or pack file changes."""

    def __init__(self) -> None:
        self._cache = EngineCache()
        self._stamps: dict[Path | None, tuple] = {}

    @property
    def cache(self) -> EngineCache:
        return self._cache

    def engine_for(self, path: Path) -> Engine:
        # A config file may have appeared or gone since the last lint: never trust a cached lookup.
        clear = getattr(find_config, "cache_clear", None)
        if clear is not None:
            clear()
        config, _ = self._cache.settings_for(path)
        engine = self._cache.engine_for(path)
        stamp = _stamp(config, engine.settings.pack_paths())
        known = self._stamps.get(config)
        if known is not None and known != stamp:
            self._cache = EngineCache()
            self._stamps.clear()
            engine = self._cache.engine_for(path)
            stamp = _stamp(config, engine.settings.pack_paths())
        self._stamps[config] = stamp
        return engine


def _stamp(config: Path | None, packs: list[Path]) -> tuple:
    out: list[tuple[str, int | None, int | None]] = []
    for path in ([config] if config else []) + packs:
        try:
            info = path.stat()
            out.append((str(path), info.st_mtime_ns, info.st_size))
        except OSError:
            out.append((str(path), None, None))
    return tuple(out)


@dataclass
class Outcome:
    """The findings published for one version of a document."""

    version: int | None
    findings: list[Finding]
    lang: str = "zh"


class GwlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("gwlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.engines = EngineSource()
        self.docs_url: str | None = None
        self.outcomes: dict[str, Outcome] = {}
        self._pending: dict[str, asyncio.Task] = {}
        self._linter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gwlint-lint")
        # document uri → (message, uri of the config or pack file marked with it)
        self._config_errors: dict[str, tuple[str, str | None]] = {}
        self._last_error: str | None = None
        self.shutdown_requested = False
        self.exit_requested = False

    # -- scheduling ------------------------------------------------------------------------
    def schedule(self, uri: str, delay: float) -> None:
        """Lint ``uri`` after ``delay`` seconds, replacing any lint still waiting for it."""
        if source_format(uri) is None:
            return
        self.cancel(uri)
        self._pending[uri] = asyncio.get_running_loop().create_task(self._lint_later(uri, delay))

    def cancel(self, uri: str) -> None:
        task = self._pending.pop(uri, None)
        if task is not None:
            task.cancel()

    def relint(self, uri: str) -> None:
        """Lint again even if this version was linted: something on disk may have changed."""
        self.outcomes.pop(uri, None)
        self.schedule(uri, 0)

    def relint_open_documents(self) -> None:
        for uri in list(self.workspace.text_documents):
            self.relint(uri)

    async def _lint_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        outcome = await self.outcome(uri)
        if self._pending.get(uri) is asyncio.current_task():
            del self._pending[uri]
        if outcome is None:
            return
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, version=outcome.version, diagnostics=[f.diagnostic for f in outcome.findings]
            )
        )

    # -- linting ---------------------------------------------------------------------------
    async def outcome(self, uri: str) -> Outcome | None:
        """The findings for the current version of an open document (linting it if needed).

        None when the document is closed, not a gwlint document, or changed while linting
        (the newer version has its own lint coming).
        """
        document = self.workspace.text_documents.get(uri)
        fmt = source_format(uri)
        if document is None or fmt is None or self.shutdown_requested:
            return None
        cached = self.outcomes.get(uri)
        if cached is not None and cached.version == document.version:
            return cached
        version, text = document.version, document.source
        fs_path = to_fs_path(uri)
        if fs_path is None:  # not a file: URI
            return None
        path = Path(fs_path)
        try:
            result, lang = await asyncio.get_running_loop().run_in_executor(
                self._linter, _lint, self.engines, path, text, fmt
            )
        except UsageError as exc:
            self._report_config_error(uri, exc)
            result, lang = None, "zh"
        except Exception as exc:  # a rule bug must not take the editor's server down
            log.exception("linting %s failed", uri)
            self._report_error(f"gwlint: internal error while linting {path.name}: {type(exc).__name__}: {exc}")
            result, lang = None, "zh"
        else:
            self._clear_config_error(uri)
        current = self.workspace.text_documents.get(uri)
        if current is None or current.version != version:
            return None
        if fmt == "docx" and result is not None:
            text = "\n".join(result.lines)  # positions are paragraphs and characters of the .docx
        findings = (
            []
            if result is None
            else findings_for(
                result, text, uri, self.workspace.position_encoding or "utf-16", self.docs_url, paragraphs=fmt == "docx"
            )
        )
        outcome = Outcome(version=version, findings=findings, lang=lang)
        self.outcomes[uri] = outcome
        return outcome

    def forget(self, uri: str) -> None:
        self.cancel(uri)
        self.outcomes.pop(uri, None)
        self._clear_config_error(uri)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    # -- configuration errors ----------------------------------------------------------------
    def _report_config_error(self, document_uri: str, exc: UsageError) -> None:
        """A bad config or pack: say so once, and mark the line in that file when it exists."""
        message = f"gwlint: {exc}"
        marked = Path(exc.path).resolve().as_uri() if exc.path and Path(exc.path).is_file() else None
        known = any(m == message for m, _ in self._config_errors.values())
        self._config_errors[document_uri] = (message, marked)
        if known:
            return
        self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=message))
        if marked is not None:
            line = max((exc.line or 1) - 1, 0)
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(
                    uri=marked,
                    diagnostics=[
                        types.Diagnostic(
                            range=types.Range(
                                start=types.Position(line=line, character=0),
                                end=types.Position(line=line + 1, character=0),
                            ),
                            message=exc.cause,
                            severity=types.DiagnosticSeverity.Error,
                            source=SOURCE,
                        )
                    ],
                )
            )

    def _clear_config_error(self, document_uri: str) -> None:
        """The document lints again: unmark its config file unless another document still fails on it."""
        entry = self._config_errors.pop(document_uri, None)
        if entry is None or entry[1] is None:
            return
        if all(marked != entry[1] for _, marked in self._config_errors.values()):
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=entry[1], diagnostics=[]))

    def _report_error(self, message: str) -> None:
        """An unexpected failure, shown once (not again on every keystroke)."""
        if message == self._last_error:
            return
        self._last_error = message
        self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=message))

    # -- code actions ------------------------------------------------------------------------
    async def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        outcome = await self.outcome(uri)
        if outcome is None:
            return []
        version = outcome.version  # the edits fit this version; the client checks it
        only = params.context.only
        actions: list[types.CodeAction] = []
        if _wanted(types.CodeActionKind.QuickFix.value, only):
            actions += [
                types.CodeAction(
                    title=_fix_title(finding, outcome.lang),
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[finding.diagnostic],
                    is_preferred=True,
                    edit=self._workspace_edit(uri, version, list(finding.edits)),
                )
                for finding in outcome.findings
                if finding.edits and _touches(finding, params.range)
            ]
        # Fix-all is a source action: offered when asked for, never in the quickfix lightbulb.
        if only and _wanted(FIX_ALL, only):
            edits = compatible_edits([f for f in outcome.findings if f.fix_safe])
            if edits:
                title = (
                    "gwlint: fix all auto-fixable problems"
                    if outcome.lang == "en"
                    else "gwlint：修正全部可自动修正的问题"
                )
                actions.append(
                    types.CodeAction(title=title, kind=FIX_ALL, edit=self._workspace_edit(uri, version, edits))
                )
        return actions

    def _workspace_edit(self, uri: str, version: int | None, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
        capabilities = self.client_capabilities
        workspace_edit = capabilities.workspace.workspace_edit if capabilities.workspace else None
        if workspace_edit is not None and workspace_edit.document_changes:
            # Versioned: the client refuses the edit if the document moved on meanwhile.
            return types.WorkspaceEdit(
                document_changes=[
                    types.TextDocumentEdit(
                        text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
                        edits=list(edits),
                    )
                ]
            )
        return types.WorkspaceEdit(changes={uri: list(edits)})

    # -- lifecycle -------------------------------------------------------------------------
    def stop_linting(self) -> None:
        for uri in list(self._pending):
            self.cancel(uri)
        self._linter.shutdown(wait=False, cancel_futures=True)


def _lint(engines: EngineSource, path: Path, text: str, fmt: str) -> tuple[FileResult | None, str]:
    """Runs on the lint thread: the engine is never used by two threads at once."""
    engine = engines.engine_for(path)
    if is_excluded(path, engines.cache):  # `exclude` in the config hides the file, as for `check`
        return None, engine.lang
    if fmt == "docx":
        return lint_file(path, str(path), engine), engine.lang
    return lint_source(text, str(path), engine, fmt), engine.lang


def _wanted(kind: str, only: Sequence[str] | None) -> bool:
    """LSP kinds are hierarchical: asking for "source" includes "source.fixAll.gwlint"."""
    if not only:
        return True
    return any(kind == k or kind.startswith(k + ".") for k in only)


def _touches(finding: Finding, selection: types.Range) -> bool:
    """The cursor is on the finding or on one of the marks its fix changes."""
    ranges = [finding.diagnostic.range, *(edit.range for edit in finding.edits)]
    return any(overlaps(candidate, selection) for candidate in ranges)


def _fix_title(finding: Finding, lang: str) -> str:
    """The change itself: “PUNC001：“,”→“，”（3处）”."""
    if lang == "en":
        note = "" if finding.fix_safe else " (changes a figure or word: check it)"
        return f"{finding.code}: {finding.fix_message or 'apply the fix'}{note}"
    note = "" if finding.fix_safe else "（改变数值或用词，请核实）"
    return f"{finding.code}：{finding.fix_message or '应用修正'}{note}"


def build_server() -> GwlintServer:
    server = GwlintServer()
    _serve_lifecycle(server)
    _serve_documents(server)
    _serve_saved_files(server)
    _serve_code_actions(server)
    return server


def _serve_lifecycle(server: GwlintServer) -> None:
    @server.feature(types.INITIALIZE)
    def initialize(ls: GwlintServer, params: types.InitializeParams) -> None:
        options = params.initialization_options
        if isinstance(options, dict) and isinstance(options.get("ruleDocsUrl"), str):
            ls.docs_url = options["ruleDocsUrl"]

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: GwlintServer, *args) -> None:
        ls.shutdown_requested = True
        ls.stop_linting()

    @server.feature(types.EXIT)
    def exit_(ls: GwlintServer, *args) -> None:
        ls.exit_requested = True


def _serve_documents(server: GwlintServer) -> None:
    """Open, edited and closed documents."""

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: GwlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: GwlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, DEBOUNCE_SECONDS)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: GwlintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)


def _serve_saved_files(server: GwlintServer) -> None:
    """A saved document or configuration file, and files changed on disk by other programs."""

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: GwlintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if source_format(uri) is not None:
            ls.relint(uri)
        elif Path(to_fs_path(uri) or "").suffix.lower() in CONFIG_SUFFIXES:
            ls.relint_open_documents()

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files(ls: GwlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(Path(to_fs_path(c.uri) or "").suffix.lower() in CONFIG_SUFFIXES for c in params.changes):
            ls.relint_open_documents()
            return
        for change in params.changes:  # an open .docx saved by Word: its findings come from disk
            if source_format(change.uri) == "docx" and change.uri in ls.workspace.text_documents:
                ls.relint(change.uri)


def _serve_code_actions(server: GwlintServer) -> None:
    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]),
    )
    async def code_action(ls: GwlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return await ls.code_actions(params)


def main() -> None:
    """Serve on stdin/stdout until the client sends exit or closes the pipe."""
    server = build_server()
    server.start_io()
    server.stop_linting()
    # LSP: `exit` without a prior `shutdown` exits with 1; a closed pipe is a normal end.
    status = 1 if server.exit_requested and not server.shutdown_requested else 0
    # pygls reads stdin on a worker thread; after `exit` that read may still be blocked on a
    # pipe the client keeps open, and waiting for it at interpreter exit would hang the editor.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # pygls closes stdout on `exit`
            pass
    os._exit(status)
