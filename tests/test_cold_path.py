"""What keeps ``gdplan convert`` cheap in a fresh process (the timings themselves live in bench/)."""

from __future__ import annotations

import inspect

import pydantic

import gdplan.model


def _models() -> list[type[pydantic.BaseModel]]:
    return [
        obj
        for obj in vars(gdplan.model).values()
        if isinstance(obj, type) and issubclass(obj, pydantic.BaseModel)
    ]


def test_no_model_field_has_a_builtin_default_factory() -> None:
    # pydantic reads each default factory's signature when it builds a model; a builtin's
    # (list, dict) is parsed from its text signature with tokenize, whose patterns then compile.
    builtin = [
        f"{model.__name__}.{name}"
        for model in _models()
        for name, info in model.model_fields.items()
        if info.default_factory is not None
        and (inspect.isbuiltin(info.default_factory) or isinstance(info.default_factory, type))
    ]
    assert builtin == [], f"use a Python function (model.document._empty_list), not a builtin: {builtin}"


def test_list_defaults_are_fresh_lists() -> None:
    first, second = gdplan.model.Responsibility(), gdplan.model.Responsibility()
    assert first.lead == [] and first.lead is not second.lead
