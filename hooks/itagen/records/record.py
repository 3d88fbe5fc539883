"""``@record``: the engine's immutable value types, what ``@dataclass(frozen=True)`` makes, for less.

For each frozen dataclass, Python 3.11 writes out and compiles six functions while its module is
imported (``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``):
about 0.4 ms a class, 30 ms for the engine's record types on every build, a fifth of what the
engine adds to a build of the demo. A record compiles one, its ``__init__``; the other five are
shared by every record and read the fields that ``dataclasses`` worked out for the class.

What a frozen dataclass promises, a record keeps: the same fields (``dataclasses.fields``,
``replace``, ``asdict`` and ``is_dataclass`` work as before), the same ``repr``, equality and hash
over the fields that take part in comparison, and no assignment or deletion once made (which mypy
reports before run time: ``dataclass_transform`` tells it records are frozen). The ``__init__`` fills
the instance's ``__dict__`` directly, as frozen dataclasses do through ``object.__setattr__``.

Modules of the stages that may not import ``records`` (``problems``, ``source``, ``thai``) keep plain
frozen dataclasses: a handful of classes.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar, dataclass_transform

_Class = TypeVar("_Class", bound=type)
_SHARED_METHODS = ("__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__")


class _NoValue:
    """The default of a parameter whose field has a default factory: nothing was passed."""

    def __repr__(self) -> str:
        return "<factory>"  # as dataclasses shows it in the signature


_NO_VALUE = _NoValue()


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def record(cls: _Class) -> _Class:
    """The class as an immutable record with fields (see the module's docstring)."""
    for name in _SHARED_METHODS:
        if name in cls.__dict__:
            raise TypeError(f"{cls.__qualname__} defines {name}; a record uses the one all records share")
    undocumented = not cls.__doc__
    if undocumented:  # dataclasses would write one from the signature, which is not made yet
        cls.__doc__ = cls.__name__
    # No methods generated here: fields, defaults and __match_args__ only.
    dataclasses.dataclass(cls, init=False, repr=False, eq=False)
    fields = dataclasses.fields(cls)
    if undocumented:
        cls.__doc__ = f"{cls.__name__}({', '.join(f.name for f in fields)})"
    cls.__init__ = _initializer(cls, fields)  # type: ignore[misc]  # the class is being made
    cls._record_compared = tuple(f.name for f in fields if f.compare)  # type: ignore[attr-defined]
    cls._record_shown = tuple(f.name for f in fields if f.repr)  # type: ignore[attr-defined]
    cls.__repr__ = _repr  # type: ignore[assignment]
    cls.__eq__ = _eq  # type: ignore[assignment]
    cls.__hash__ = _hash  # type: ignore[assignment]
    cls.__setattr__ = _setattr  # type: ignore[assignment]
    cls.__delattr__ = _delattr  # type: ignore[assignment]
    return cls


def _initializer(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> Any:
    """``__init__(self, <each field, in order, with its default>)``, compiled from source as dataclasses
    does, writing each value into the instance's ``__dict__``."""
    parameters: list[str] = []
    lines = ["    values = self.__dict__"]
    defaults: dict[str, Any] = {"_NO_VALUE": _NO_VALUE}
    after_a_default = False
    for f in fields:
        if not f.init or f.kw_only:
            raise TypeError(f"{cls.__qualname__}.{f.name}: a record's fields are all plain __init__ parameters")
        value = f.name
        if f.default is not dataclasses.MISSING:
            defaults[f"_default_{f.name}"] = f.default
            parameters.append(f"{f.name}=_default_{f.name}")
        elif f.default_factory is not dataclasses.MISSING:
            defaults[f"_factory_{f.name}"] = f.default_factory
            parameters.append(f"{f.name}=_NO_VALUE")
            value = f"_factory_{f.name}() if {f.name} is _NO_VALUE else {f.name}"
        elif after_a_default:
            raise TypeError(f"{cls.__qualname__}.{f.name}: a field without a default follows one with a default")
        else:
            parameters.append(f.name)
        after_a_default = parameters[-1] != f.name
        lines.append(f"    values[{f.name!r}] = {value}")
    if hasattr(cls, "__post_init__"):
        lines.append("    self.__post_init__()")
    source = f"def __init__(self, {', '.join(parameters)}):\n" + "\n".join(lines) + "\n"
    namespace: dict[str, Any] = {}
    exec(source, defaults, namespace)  # field names are identifiers of the engine's own classes
    initializer = namespace["__init__"]
    initializer.__qualname__ = f"{cls.__qualname__}.__init__"
    initializer.__module__ = cls.__module__
    initializer.__annotations__ = {f.name: f.type for f in fields} | {"return": None}  # as dataclasses sets them
    return initializer


def _compared(item: Any) -> tuple[Any, ...]:
    return tuple([getattr(item, name) for name in item._record_compared])


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._record_shown)
    return f"{type(self).__qualname__}({shown})"


def _eq(self: Any, other: object) -> object:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _compared(self) == _compared(other)


def _hash(self: Any) -> int:
    return hash(_compared(self))


def _setattr(self: Any, name: str, value: object) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
