"""Records to JSON-ready dicts and back, driven by the dataclass type hints in `model`.

The store keeps each event's full record as JSON through this module, so a record read back is equal to
the one written. Output formats with their own shape (the evaluation contract, ACLED CSV, GeoJSON) live in
`export.py` and start from the records, not from these dicts.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from enum import Enum
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

from eventwire import model

T = TypeVar("T")


def to_dict(value: Any) -> Any:
    """A dataclass tree as plain JSON types (enums by value, dates ISO, tuples as lists)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_dict(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [to_dict(v) for v in value]
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls, vars(model))


# records that became the first field of a wrapper: stored before, they are read as that field alone
# (an event's mentions were bare spans before they carried their arguments)
_WRAPPED = {model.EventMention: "span"}


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a record of type `cls` from `to_dict` output; unknown keys are ignored."""
    if cls in _WRAPPED and _WRAPPED[cls] not in data:
        data = {_WRAPPED[cls]: data}
    hints = _hints(cls)
    kwargs = {name: _convert(hints[name], value) for name, value in data.items() if name in hints}
    return cls(**kwargs)


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        inner = [a for a in get_args(hint) if a is not type(None)]
        return _convert(inner[0], value) if len(inner) == 1 else value
    if origin is tuple:
        args = get_args(hint)
        item = args[0] if args else Any
        return tuple(_convert(item, v) for v in value)
    if hint is typing.Any:
        return value
    if isinstance(hint, type):
        if dataclasses.is_dataclass(hint):
            return from_dict(hint, value)
        if issubclass(hint, Enum):
            return hint(value)
        if issubclass(hint, date):
            return date.fromisoformat(value)
    return value
