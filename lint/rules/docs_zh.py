"""Chinese rule documentation: the built-in translations (rules/docs-zh.yaml), merged per field.

The data file is read on first use only; checking documents never needs it.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from pydantic import ValidationError

from lint.errors import UsageError
from lint.rules.base import CODE_PATTERN, RuleDoc, RuleDocTranslation
from lint.spec import option_names
from lint.validation import validate

if TYPE_CHECKING:
    from lint.rules.base import RuleSpec

DOCS_ZH_FILE = "docs-zh.yaml"
DOC_FIELDS = tuple(option_names(RuleDoc))


@cache
def builtin_translations() -> dict[str, RuleDocTranslation]:
    """Rule code → Chinese documentation shipped with gwlint."""
    import re

    from lint.rules.packs import builtin_dir
    from lint.yamlio import load_yaml, read_text

    path = builtin_dir() / DOCS_ZH_FILE
    located = load_yaml(read_text(path, "Chinese rule documentation"), path.name)
    data = located.data or {}
    if not isinstance(data, dict):
        raise UsageError("must be a mapping from rule code to documentation", path.name, 1)
    translations: dict[str, RuleDocTranslation] = {}
    for code, entry in data.items():
        line = located.line_of((code,))
        if not isinstance(code, str) or not re.fullmatch(CODE_PATTERN, code):
            raise UsageError(f"{code!r} is not a rule code", path.name, line)
        try:
            translations[code] = validate(RuleDocTranslation, entry)
        except ValidationError as exc:
            error = exc.errors()[0]
            field = ".".join(str(part) for part in error.get("loc", ())) or code
            raise UsageError(
                f"{code}: {field}: {error.get('msg')}", path.name, located.line_of((code, *error.get("loc", ())))
            ) from None
    return translations


def chinese_doc(rule: RuleSpec) -> RuleDoc:
    """The rule's `doc-zh`, then the built-in translation, then English — field by field."""
    layers = [layer for layer in (rule.doc_zh, builtin_translations().get(rule.code)) if layer is not None]
    fields = {
        name: next((text for layer in layers if (text := getattr(layer, name))), getattr(rule.doc, name))
        for name in DOC_FIELDS
    }
    return RuleDoc(**fields)
