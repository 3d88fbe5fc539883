"""``@record`` (``itagen/records/record.py``) keeps every promise of ``@dataclass(frozen=True)``.

Each behaviour is checked on a record and on the frozen dataclass of the same fields side by side;
then every record type of the engine is held to the ``__init__`` signature that the frozen dataclass
of its fields would have.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import inspect
import pkgutil
from dataclasses import dataclass, field
from typing import Any

import pytest

import itagen
from itagen.records.record import record


class _Twins:
    """The same class body made twice: as a record and as a frozen dataclass."""

    @staticmethod
    def make(maker: Any) -> Any:
        class Measure:
            """A measure."""

            id: str
            title: str
            score: float | None = None
            tags: tuple[str, ...] = field(default_factory=tuple)
            note: str = field(default="", compare=False)

            @functools.cached_property
            def label(self) -> str:
                return f"{self.id}: {self.title}"

        return maker(Measure)


RECORD = _Twins.make(record)
FROZEN = _Twins.make(dataclass(frozen=True))
BOTH = pytest.mark.parametrize("cls", [RECORD, FROZEN], ids=["record", "frozen dataclass"])


def test_construction_defaults_and_repr_are_those_of_a_frozen_dataclass() -> None:
    for arguments in [("m1", "ก"), ("m1", "ก", 91.5), ("m1", "ก", None, ("a",), "x")]:
        made, expected = RECORD(*arguments), FROZEN(*arguments)
        assert repr(made) == repr(expected)
        assert dataclasses.asdict(made) == dataclasses.asdict(expected)
    assert RECORD(id="m", title="t", tags=("x",)).tags == ("x",)
    assert str(inspect.signature(RECORD)) == str(inspect.signature(FROZEN))


@BOTH
def test_equality_and_hash_follow_the_compared_fields(cls: Any) -> None:
    one, same, other = cls("m1", "ก", 1.0, (), "a"), cls("m1", "ก", 1.0, (), "b"), cls("m2", "ก", 1.0)
    assert one == same and hash(one) == hash(same)  # note: compare=False
    assert one != other and one != ("m1", "ก", 1.0, (), "a")
    assert len({one, same, other}) == 2


@BOTH
def test_no_field_can_be_assigned_or_deleted(cls: Any) -> None:
    made = cls("m1", "ก")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.title = "ข"
    with pytest.raises(dataclasses.FrozenInstanceError):
        del made.title
    assert made.title == "ก"
    assert made.label == "m1: ก", "a cached property still caches"


@BOTH
def test_the_dataclasses_functions_see_the_same_fields(cls: Any) -> None:
    made = cls("m1", "ก", 2.0)
    assert dataclasses.is_dataclass(cls) and dataclasses.is_dataclass(made)
    assert [f.name for f in dataclasses.fields(made)] == ["id", "title", "score", "tags", "note"]
    changed = dataclasses.replace(made, score=3.0)
    assert changed.score == 3.0 and made.score == 2.0 and type(changed) is cls
    assert cls.__match_args__ == ("id", "title", "score", "tags", "note")


def test_post_init_runs_after_the_fields_are_set() -> None:
    seen = []

    @record
    class Checked:
        value: int

        def __post_init__(self) -> None:
            seen.append(self.value)

    Checked(3)
    assert seen == [3]


def test_a_record_without_a_docstring_is_described_by_its_fields() -> None:
    @record
    class Undocumented:
        first: int
        second: str = ""

    assert Undocumented.__doc__ == "Undocumented(first, second)"
    assert RECORD.__doc__ == "A measure."


def test_a_default_factory_makes_a_new_value_for_each_record() -> None:
    @record
    class Listed:
        items: list[int] = field(default_factory=list)

    assert Listed().items == [] and Listed().items is not Listed().items
    assert Listed([1]).items == [1]


def test_what_a_record_cannot_be_is_said_when_the_class_is_made() -> None:
    with pytest.raises(TypeError, match="follows one with a default"):

        @record
        class Misordered:
            first: int = 0
            second: int  # type: ignore[misc]  # the mistake under test

    with pytest.raises(TypeError, match="defines __eq__"):

        @record
        class OwnEquality:
            value: int

            def __eq__(self, other: object) -> bool:
                return True

    with pytest.raises(TypeError, match="plain __init__ parameters"):

        @record
        class KeywordOnly:
            value: int = field(kw_only=True)


def _engine_records() -> list[type]:
    found = []
    for module in pkgutil.walk_packages(itagen.__path__, "itagen."):
        for value in vars(importlib.import_module(module.name)).values():
            if isinstance(value, type) and value.__module__ == module.name and value.__eq__ is _eq_of_records():
                found.append(value)
    return found


def _eq_of_records() -> object:
    return RECORD.__eq__


ENGINE_RECORDS = _engine_records()


def test_the_engine_defines_its_value_types_as_records() -> None:
    assert len(ENGINE_RECORDS) >= 70


@pytest.mark.parametrize("cls", ENGINE_RECORDS, ids=lambda c: f"{c.__module__}.{c.__qualname__}")
def test_each_record_takes_what_its_frozen_dataclass_would(cls: type) -> None:
    fields = dataclasses.fields(cls)
    twin = dataclasses.make_dataclass(
        cls.__name__,
        [(f.name, f.type, dataclasses.field(default=f.default, default_factory=f.default_factory)) for f in fields],
        frozen=True,
    )
    assert str(inspect.signature(cls)) == str(inspect.signature(twin))
