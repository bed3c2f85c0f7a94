"""Rule kinds and their options as plain classes: what the cached rule table holds and what checks.

A class declares its options as annotated attributes, as a dataclass does (every subclass of
``Options`` is a keyword-only dataclass); ``option()`` adds the YAML key (``alias``) and the
constraints (``min_length``, ``ge``, ``pattern`` …) that pydantic checks when a pack is validated.
lint.rules.validation derives the validating pydantic model from these declarations, so each
option is written once. ``derived()`` declares state computed from the options in
``__post_init__`` (compiled patterns, lookup tables): not a YAML key, kept in the cached table.

Nothing here imports pydantic: reading the cached table and checking documents never need it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, cast, dataclass_transform

_MISSING: Any = dataclasses.MISSING


def option(
    default: Any = _MISSING,
    *,
    default_factory: Any = _MISSING,
    alias: str | None = None,
    check: Callable[[Any], Any] | None = None,
    **constraints: Any,
) -> Any:
    """An option: its default, its YAML key when that differs from the attribute's name, the
    pydantic constraints its value must meet (``min_length=1``, ``ge=1``, ``pattern=…``) and a
    ``check`` run on the valid value (returns it, or raises ValueError: reported at the key)."""
    metadata = {"alias": alias, "constraints": constraints, "check": check}
    return dataclasses.field(default=default, default_factory=default_factory, metadata=metadata)


def derived(*, default: Any = _MISSING, default_factory: Any = _MISSING) -> Any:
    """State computed from the options (set in ``__post_init__`` or by the pack loader)."""
    return dataclasses.field(default=default, default_factory=default_factory, init=False, repr=False, compare=False)


@dataclass_transform(kw_only_default=True)
class Options:
    """Base of the plain option classes: each subclass becomes a keyword-only dataclass."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclasses.dataclass(kw_only=True)(cls)

    def keys_given(self, keys: frozenset[str]) -> None:
        """Told, once validated, which options the YAML wrote (where a default and an explicit
        null mean different things); most classes need not know."""


def option_fields(cls: type[Options]) -> list[dataclasses.Field]:
    """The dataclass fields of ``cls``'s options (not its derived state), in declaration order."""
    return [field for field in dataclasses.fields(cast(Any, cls)) if field.init]


def option_names(cls: type[Options]) -> list[str]:
    """The options of ``cls`` by name, in declaration order."""
    return [field.name for field in option_fields(cls)]


def option_values(obj: Options) -> dict[str, Any]:
    """The options of ``obj`` by name, in declaration order."""
    return {name: getattr(obj, name) for name in option_names(type(obj))}
