"""Validating YAML into the plain option classes (lint.spec) with pydantic.

The pydantic model of a class is derived from its declarations (annotation, default, ``alias``,
constraints) when a pack is first validated, and builds the plain object once the values are
valid: the class's ``__post_init__`` (compiling patterns, checking options against each other)
runs inside validation, so its ValueError is reported like any invalid value, with file:line.
Only building the rule table (and reading rule cases or translations) imports this module.
"""

from __future__ import annotations

import sys
import types
import typing
from typing import Annotated, Any, ClassVar, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, create_model

from lint.spec import MISSING, OptionField, Options, option_fields, option_names

T = TypeVar("T", bound=Options)


def validate(cls: type[T], data: Any) -> T:
    """The ``cls`` that ``data`` describes; pydantic.ValidationError naming the key when it is wrong."""
    return model_for(cls).model_validate(data)._plain


class _Derived(BaseModel):
    """Base of the derived models: validates, then builds the plain object."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, arbitrary_types_allowed=True, defer_build=True)
    plain_class: ClassVar[type[Options]]
    _plain: Any = PrivateAttr(default=None)

    def model_post_init(self, context: Any, /) -> None:
        # Here, not in an "after" validator: that would rename the model in a union's error
        # locations (`ignore[0].function-after[…]`); a ValueError is still an invalid value.
        values = {name: _plain_value(getattr(self, name)) for name in type(self).model_fields}
        plain = self.plain_class(**values)
        plain.keys_given(frozenset(self.model_fields_set))
        self._plain = plain


def _plain_value(value: Any) -> Any:
    """A validated value with the nested derived models replaced by their plain objects."""
    if isinstance(value, _Derived):
        return value._plain
    if isinstance(value, list):
        return [_plain_value(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain_value(item) for key, item in value.items()}
    return value


_MODELS: dict[type[Options], type[_Derived]] = {}


def model_for(cls: type[Options]) -> type[_Derived]:
    """The pydantic model validating ``cls``'s options (named as the class, for error messages)."""
    if cls not in _MODELS:
        hints = _option_hints(cls)
        fields: dict[str, Any] = {}
        for field in option_fields(cls):
            annotation = _model_type(hints[field.name])
            if field.prepare is not None:
                annotation = Annotated[annotation, BeforeValidator(field.prepare)]
            if field.check is not None:
                annotation = Annotated[annotation, AfterValidator(field.check)]
            fields[field.name] = (annotation, _pydantic_field(field))
        model = create_model(cls.__name__, __base__=_Derived, __module__=cls.__module__, **fields)
        model.plain_class = cls
        _MODELS[cls] = model
    return _MODELS[cls]


def _pydantic_field(field: OptionField) -> Any:
    kwargs = dict(field.constraints)
    if field.alias:
        kwargs["alias"] = field.alias
    if field.default is not MISSING:
        kwargs["default"] = field.default
    elif field.default_factory is not None:
        kwargs["default_factory"] = field.default_factory
    return Field(**kwargs)


def _option_hints(cls: type[Options]) -> dict[str, Any]:
    """The options' annotations evaluated (they are strings: ``from __future__ import annotations``),
    each in the namespace of the module that declares it."""
    wanted = set(option_names(cls))
    hints: dict[str, Any] = {}
    for klass in reversed(cls.__mro__):
        namespace = vars(sys.modules[klass.__module__])
        for name, annotation in vars(klass).get("__annotations__", {}).items():
            if name in wanted:
                hints[name] = eval(annotation, namespace) if isinstance(annotation, str) else annotation
    return hints


def _model_type(annotation: Any) -> Any:
    """``annotation`` with every plain option class in it replaced by its derived model."""
    if isinstance(annotation, type) and issubclass(annotation, Options):
        return model_for(annotation)
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if not args or origin is typing.Literal:
        return annotation
    mapped = tuple(_model_type(arg) for arg in args)
    if mapped == args:
        return annotation
    if origin in (types.UnionType, typing.Union):
        return typing.Union[mapped]  # noqa: UP007 - built from a tuple
    return origin[mapped]
