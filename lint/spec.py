"""Plain classes for what YAML configures — rule kinds and their options, settings, the unit,
indicator and statement-word specs: what the cached rule table holds and what checks.

A class declares its options as annotated attributes, as a dataclass does (keyword-only);
``option()`` adds the YAML key (``alias``) and the constraints (``min_length``, ``ge``,
``pattern`` …) that pydantic checks when a pack or config is read. lint.validation derives the
validating pydantic model from these declarations, so each option is written once. ``derived()``
declares state computed from the options in ``__post_init__`` (compiled patterns, lookup
tables): not a YAML key, kept in the cached rule table.

Nothing here imports pydantic: reading the cached table and checking documents never need it.
Not ``dataclasses`` either: generating each class's methods costs ~1 ms per class when its
module is imported, ~40 ms for the rule kinds of one start-up; the field table is read from the
annotations the first time a class is constructed (never, for a table read from the cache).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, dataclass_transform


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class OptionField:
    """One declared attribute: an option (a YAML key) or derived state (``init`` false)."""

    __slots__ = ("name", "default", "default_factory", "alias", "constraints", "prepare", "check", "init")

    def __init__(
        self,
        default: Any = MISSING,
        default_factory: Callable[[], Any] | None = None,
        alias: str | None = None,
        constraints: dict[str, Any] | None = None,
        prepare: Callable[[Any], Any] | None = None,
        check: Callable[[Any], Any] | None = None,
        init: bool = True,
    ):
        self.name = ""
        self.default = default
        self.default_factory = default_factory
        self.alias = alias
        self.constraints = constraints or {}
        self.prepare = prepare
        self.check = check
        self.init = init

    @property
    def required(self) -> bool:
        return self.default is MISSING and self.default_factory is None

    def initial(self) -> Any:
        return self.default_factory() if self.default_factory is not None else self.default


def option(
    default: Any = MISSING,
    *,
    default_factory: Callable[[], Any] | None = None,
    alias: str | None = None,
    prepare: Callable[[Any], Any] | None = None,
    check: Callable[[Any], Any] | None = None,
    **constraints: Any,
) -> Any:
    """An option: its default, its YAML key when that differs from the attribute's name, the
    pydantic constraints its value must meet (``min_length=1``, ``ge=1``, ``pattern=…``), and
    functions run on the value as written (``prepare``) and on the valid value (``check``): each
    returns the value to keep, or raises ValueError, reported at the key."""
    return OptionField(default, default_factory, alias, constraints, prepare, check)


def derived(*, default: Any = MISSING, default_factory: Callable[[], Any] | None = None) -> Any:
    """State computed from the options (set in ``__post_init__`` or by the pack loader)."""
    return OptionField(default, default_factory, init=False)


@dataclass_transform(kw_only_default=True)
class Options:
    """Base of the plain option classes: keyword-only construction from the declared options,
    then ``__post_init__`` (when the class has one); equality compares the options."""

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value
    _fields_: ClassVar[dict[type, list[OptionField]]] = {}

    def __init__(self, **values: Any) -> None:
        for field in fields(type(self)):
            if field.name in values:
                if not field.init:
                    raise TypeError(f"{type(self).__name__}: {field.name} is not an option")
                setattr(self, field.name, values.pop(field.name))
            elif field.required:
                if field.init:
                    raise TypeError(f"{type(self).__name__}: missing option {field.name!r}")
            else:
                setattr(self, field.name, field.initial())
        if values:
            raise TypeError(f"{type(self).__name__}: unknown option {next(iter(values))!r}")
        post_init = getattr(self, "__post_init__", None)
        if post_init is not None:
            post_init()

    def keys_given(self, keys: frozenset[str]) -> None:
        """Told, once validated, which options the YAML wrote (where a default and an explicit
        null mean different things); most classes need not know."""

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in option_names(type(self)))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name, MISSING)!r}" for name in option_names(type(self)))
        return f"{type(self).__name__}({shown})"


def fields(cls: type[Options]) -> list[OptionField]:
    """Every declared attribute of ``cls`` (its bases' first), options and derived state."""
    known = Options._fields_.get(cls)
    if known is None:
        by_name: dict[str, OptionField] = {}
        for klass in reversed(cls.__mro__):
            for name, annotation in vars(klass).get("__annotations__", {}).items():
                if str(annotation).startswith(("ClassVar", "typing.ClassVar")):
                    continue
                value = vars(klass).get(name, MISSING)
                field = value if isinstance(value, OptionField) else OptionField(value)
                field.name = name
                by_name[name] = field
        known = Options._fields_[cls] = list(by_name.values())
    return known


def option_fields(cls: type[Options]) -> list[OptionField]:
    """The options of ``cls`` (not its derived state), in declaration order."""
    return [field for field in fields(cls) if field.init]


def option_names(cls: type[Options]) -> list[str]:
    """The options of ``cls`` by name, in declaration order."""
    return [field.name for field in option_fields(cls)]


def option_values(obj: Options) -> dict[str, Any]:
    """The options of ``obj`` by name, in declaration order."""
    return {name: getattr(obj, name) for name in option_names(type(obj))}
