"""YAML loading that remembers where every key was written, so errors can name file:line."""

from __future__ import annotations

from typing import Any

import yaml

from lint.errors import UsageError

try:  # the C loader is much faster when PyYAML was built with libyaml
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


class Located:
    """Python data plus a map from key paths (tuples) to 1-based line numbers."""

    def __init__(self, data: Any, lines: dict[tuple, int]):
        self.data = data
        self.lines = lines

    def line_of(self, path: tuple) -> int | None:
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), None)


def read_text(path, what: str) -> str:
    """A UTF-8 config or pack file's text; a missing or unreadable one is a UsageError (exit 2)."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"{what} not found", str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {what}: {exc}", str(path)) from None


# Budgets for a configuration or pack file: its size, and the values it expands to (an alias
# repeated inside aliases — a "billion laughs" — is small on disk and huge in memory).
MAX_YAML_CHARS = 4_000_000
MAX_YAML_VALUES = 200_000
_STANDARD_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
}
_MERGE_TAG = "tag:yaml.org,2002:merge"


def load_yaml(text: str, source: str) -> Located:
    if len(text) > MAX_YAML_CHARS:
        raise UsageError(
            f"file too large for a configuration or rule pack ({len(text):,} characters; "
            f"the limit is {MAX_YAML_CHARS:,})",
            source,
            None,
        )
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise UsageError(f"invalid YAML: {problem}", source, line) from None
    lines: dict[tuple, int] = {}
    if node is None:
        return Located(None, {(): 1})
    try:
        data = _convert(node, (), lines, [MAX_YAML_VALUES])
    except _Refused as exc:
        raise UsageError(exc.cause, source, exc.line) from None
    except ValueError as exc:
        raise UsageError(f"invalid YAML: {exc}", source, None) from None
    return Located(data, lines)


class _Refused(Exception):
    def __init__(self, cause: str, line: int):
        super().__init__(cause)
        self.cause = cause
        self.line = line


def _convert(node: yaml.Node, path: tuple, lines: dict[tuple, int], budget: list[int]) -> Any:
    line = node.start_mark.line + 1
    lines[path] = line
    budget[0] -= 1
    if budget[0] < 0:
        raise _Refused(
            f"the YAML expands to more than {MAX_YAML_VALUES:,} values (aliases repeated inside aliases?)", line
        )
    if node.tag not in _STANDARD_TAGS:
        raise _Refused(f"YAML tag {node.tag!r} is not allowed (plain values, lists and mappings only)", line)
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                raise _Refused(
                    "YAML merge keys (<<:) are not allowed; write the keys out", key_node.start_mark.line + 1
                )
            key = _convert(key_node, path + ("<key>",), {}, budget)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise ValueError(f"line {key_node.start_mark.line + 1}: mapping keys must be scalars")
            if key in out:
                raise ValueError(f"line {key_node.start_mark.line + 1}: duplicate key {key!r}")
            out[key] = _convert(value_node, path + (key,), lines, budget)
            lines[path + (key,)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (i,), lines, budget) for i, item in enumerate(node.value)]
    return _SCALARS.construct_object(node, deep=True)


# Scalars arrive with their tags already resolved by compose(); this turns them into Python values.
_SCALARS = yaml.constructor.SafeConstructor()
