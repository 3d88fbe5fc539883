"""Turning parsed YAML into typed records, checking every value against its declared type.

The records in ``records/`` are plain dataclasses; their type hints are the schema. A field with
no default is required. ``metadata`` may set ``minimum``/``maximum`` for numbers. A record type
that is written in more than one way (a period, a piece of evidence) has a reader of its own in
``readers.py``, handed to the Validator. All problems are collected, so the webmaster sees every
mistake in one build, not one at a time.
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import functools
import math
import re
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Literal, TypeVar, Union

from ..problems import DataError, Location, Problem, describe_value
from ..records.values import ContactUrl, LevelName, MarkdownText, Url
from ..source.yaml_file import YamlDocument
from ..source.yaml_tree import YamlList, YamlMap
from ..thai.dates import DateParseError, ThaiDate, be_year, last_day_of_month, parse_thai_date, to_arabic_digits
from ..thai.spelling import level_name
from .text_checks import (
    describe_character,
    invisible_characters,
    read_text,
    remote_image_targets,
    strip_layout_tags,
    unsafe_link_targets,
    url_problem,
    without_hidden,
)

T = TypeVar("T")


DATE_YEARS_BE = (2500, 2700)
"""Dates in data fall in these Buddhist-Era years (the fiscal-year range of the model)."""


# YAML reads a bare yes/no/on/off as true/false: say so, or "found True" puzzles whoever typed "yes".
_BOOLEAN_HINT = (
    " (YAML อ่าน yes/no/on/off เป็น true/false ถ้าหมายถึงข้อความให้ใส่เครื่องหมายคำพูด)",
    " (YAML reads yes/no/on/off as true/false; quote it if you meant text)",
)


class _Invalid:
    """Placeholder for a value that failed validation; its problem is already recorded."""


INVALID: Any = _Invalid()

_TYPE_NAMES = {
    str: ("ข้อความ", "text"),
    MarkdownText: ("ข้อความ", "text"),
    int: ("จำนวนเต็ม", "a whole number"),
    float: ("ตัวเลข", "a number"),
    bool: ("true หรือ false", "true or false"),
    ThaiDate: (
        "วันที่ เช่น 2568-08-15, 15 สิงหาคม 2568 หรือ 15/8/2568 (วัน/เดือน/ปี พ.ศ. สี่หลัก)",
        "a date such as 2568-08-15, 15 สิงหาคม 2568 or 15/8/2568 (day/month/four-digit B.E. year)",
    ),
    Url: ("ที่อยู่เว็บที่ขึ้นต้นด้วย https://", "a web address starting with https://"),
    LevelName: ("ข้อความ", "text"),
    ContactUrl: ("ลิงก์ https://, mailto: หรือ tel:", "an https://, mailto: or tel: link"),
}


Reader = Callable[[Any, Location, "Validator"], Any]


@functools.cache
def _kind(hint: Any) -> tuple[str, Any]:
    """How a value of type ``hint`` is read, worked out once per type (a large site reads a third
    of a million values): the reader's name and what it needs (item type, allowed values, class)."""
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):  # X | None: an absent value never reaches here
        return _kind(next(arg for arg in typing.get_args(hint) if arg is not type(None)))
    if origin is Literal:
        return "choice", typing.get_args(hint)
    if origin is list:
        return "list", typing.get_args(hint)[0]
    if origin is dict:
        return "mapping", typing.get_args(hint)[1]
    if hint is ThaiDate:
        return "date", None
    if dataclasses.is_dataclass(hint):
        return "record", hint
    return "scalar", hint


@functools.cache
def _shape(cls: type) -> tuple[dict[str, Any], dict[str, dataclasses.Field[Any]]]:
    """A record type's hints and fields, worked out once per type, not once per record read (a site of
    ten years reads tens of thousands)."""
    return typing.get_type_hints(cls), {f.name: f for f in dataclasses.fields(cls)}


@functools.cache
def _init_fields(cls: type) -> list[tuple[str, Any, bool, dict[str, Any]]]:
    """The fields a record is built from, each with its type hint, whether data must give it, and
    its ``metadata`` (limits of a number): worked out once per type, shared by every record read."""
    hints, fields = _shape(cls)
    return [
        (
            name,
            hints[name],
            f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
            dict(f.metadata),
        )
        for name, f in fields.items()
        if f.init
    ]


"""Reads one record type its own way: (YAML value, its location, the validator) → record or INVALID."""


class Validator:
    """Collects the errors and warnings of one load of a data directory."""

    def __init__(self, readers: Mapping[type, Reader] | None = None) -> None:
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self.readers: Mapping[type, Reader] = readers or {}

    def error(self, location: Location, thai: str, english: str) -> Any:
        self.errors.append(Problem(location, thai, english))
        return INVALID

    def warn(self, location: Location, thai: str, english: str) -> None:
        self.warnings.append(Problem(location, thai, english))

    def raise_if_errors(self) -> None:
        if self.errors:
            raise DataError(self.errors)

    def expected(self, location: Location, expected: tuple[str, str], found: object) -> Any:
        th, en = _BOOLEAN_HINT if isinstance(found, bool) else ("", "")
        return self.error(
            location,
            f"ต้องเป็น{expected[0]} แต่พบ {describe_value(found)}{th}",
            f"expected {expected[1]}, found {describe_value(found)}{en}",
        )

    # --- records -----------------------------------------------------------------------

    def record(self, cls: type[T], value: object, location: Location) -> T:
        """Build dataclass ``cls`` from a YAML mapping, checking keys and every field."""
        reader = self.readers.get(cls)
        if reader is not None:
            return typing.cast(T, reader(value, location, self))
        return self.fields(cls, value, location)

    def fields(self, cls: type[T], value: object, location: Location) -> T:
        """``cls`` from its type hints alone: what a reader of ``cls`` calls after its own checks."""
        if not isinstance(value, dict):
            return typing.cast(T, self.expected(location, ("ชุดข้อมูลแบบ คีย์: ค่า", "a mapping of key: value"), value))
        _, fields = _shape(typing.cast(type, cls))
        key_lines = value.key_lines if isinstance(value, YamlMap) else {}
        self._unknown_keys(value, fields, key_lines, location)
        line = getattr(value, "line", location.line)
        arguments: dict[str, Any] = {}
        invalid = False
        for name, hint, required, metadata in _init_fields(typing.cast(type, cls)):
            given = value.get(name)
            if given is None:  # absent or written empty: the location is made only if it is needed
                if required:
                    self.error(
                        location.child(name, key_lines.get(name, line)),
                        "ขาดข้อมูลที่จำเป็นช่องนี้",
                        "this required field is missing",
                    )
                    invalid = True
                continue
            argument = self.value(hint, given, location.child(name, key_lines.get(name, line)), metadata)
            invalid = invalid or argument is INVALID
            arguments[name] = argument
        if invalid:
            return typing.cast(T, INVALID)
        return cls(**arguments)

    def _unknown_keys(
        self,
        value: dict[str, Any],
        fields: dict[str, dataclasses.Field[Any]],
        key_lines: dict[str, int],
        location: Location,
    ) -> None:
        for key in value:
            if key in fields:
                continue
            if hidden := invisible_characters(key):
                shown = ", ".join(describe_character(c) for c in hidden)
                self.error(
                    location.child(key, key_lines.get(key)),
                    f"ชื่อคีย์ '{without_hidden(key)}' มีอักขระที่มองไม่เห็นติดมา {shown} ลบชื่อคีย์แล้วพิมพ์ใหม่",
                    f"the key '{without_hidden(key)}' contains the invisible {shown}; delete the key's name and type it again",
                )
                continue
            guess = difflib.get_close_matches(key, list(fields), n=1, cutoff=0.6)
            hint_th = f" หมายถึง '{guess[0]}' หรือไม่?" if guess else ""
            hint_en = f"; did you mean '{guess[0]}'?" if guess else ""
            allowed = ", ".join(fields)
            self.error(
                location.child(key, key_lines.get(key)),
                f"ไม่รู้จักคีย์ '{key}'{hint_th} (คีย์ที่ใช้ได้: {allowed})",
                f"unknown key '{key}'{hint_en} (allowed keys: {allowed})",
            )

    # --- values ------------------------------------------------------------------------

    def value(self, hint: Any, value: object, location: Location, metadata: dict[str, Any]) -> Any:
        kind, argument = _kind(hint)
        if kind == "scalar":
            return self.scalar(argument, value, location, metadata)
        if kind == "record":
            return self.record(argument, value, location)
        if kind == "list":
            return self._list(argument, value, location, metadata)
        if kind == "choice":
            return self._choice(argument, value, location)
        if kind == "mapping":
            return self._mapping(argument, value, location, metadata)
        return self.date(value, location)

    def _choice(self, allowed: tuple[Any, ...], value: object, location: Location) -> Any:
        if value in allowed:
            return value
        names = ", ".join(str(a) for a in allowed)
        th, en = _BOOLEAN_HINT if isinstance(value, bool) else ("", "")
        return self.error(
            location,
            f"ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {names} แต่พบ {describe_value(value)}{th}",
            f"expected one of: {names}; found {describe_value(value)}{en}",
        )

    def _list(self, item_hint: Any, value: object, location: Location, metadata: dict[str, Any]) -> Any:
        if not isinstance(value, list):
            if isinstance(value, str) and item_hint in (str, MarkdownText):
                value = [value]  # one step or one unit written without a dash is still a list
            else:
                return self.expected(location, ("รายการ (ขึ้นบรรทัดด้วย - )", "a list (lines starting with - )"), value)
        lines = value.item_lines if isinstance(value, YamlList) else []
        items = [
            self.value(item_hint, item, location.child(i, lines[i] if i < len(lines) else None), metadata)
            for i, item in enumerate(value)
        ]
        return INVALID if any(item is INVALID for item in items) else items

    def _mapping(self, item_hint: Any, value: object, location: Location, metadata: dict[str, Any]) -> Any:
        if not isinstance(value, dict):
            return self.expected(location, ("ชุดข้อมูลแบบ คีย์: ค่า", "a mapping of key: value"), value)
        lines = value.key_lines if isinstance(value, YamlMap) else {}
        result = {
            str(k): self.value(item_hint, v, location.child(str(k), lines.get(k)), metadata) for k, v in value.items()
        }
        return INVALID if INVALID in result.values() else result

    def scalar(self, hint: Any, value: object, location: Location, metadata: dict[str, Any]) -> Any:
        if hint in (str, MarkdownText, Url, ContactUrl, LevelName):
            return self._text(hint, value, location)
        if hint is bool:
            return value if isinstance(value, bool) else self.expected(location, _TYPE_NAMES[bool], value)
        if hint in (int, float):
            return self._number(hint, value, location, metadata)
        if hint is ThaiDate:
            return self.date(value, location)
        if hint is Path:
            return self._text(str, value, location)
        raise TypeError(f"schema: no reader for {hint!r}")  # a programming error, not a data error

    def _number(self, hint: type, value: object, location: Location, metadata: dict[str, Any]) -> Any:
        if isinstance(value, str):
            # Scores copied from a Thai document may use Thai digits: accept them.
            with contextlib.suppress(ValueError):  # not a number after all: reported just below
                value = float(to_arabic_digits(value.strip())) if hint is float else int(to_arabic_digits(value))
        ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
        if ok and hint is int and isinstance(value, float):
            ok = value.is_integer()
        if not ok:
            return self.expected(location, _TYPE_NAMES[hint], value)
        number = hint(typing.cast(float, value))
        low, high = metadata.get("minimum"), metadata.get("maximum")
        if (low is not None and number < low) or (high is not None and number > high):
            return self.error(
                location,
                f"ต้องอยู่ระหว่าง {low} ถึง {high} แต่พบ {describe_value(value)}",
                f"expected a value from {low} to {high}, found {describe_value(value)}",
            )
        decimals = metadata.get("decimals")
        if decimals is not None and round(number, decimals) != number:
            shown = f"{number:.{decimals}f}"
            self.warn(
                location,
                f"คะแนน {describe_value(value)} มีทศนิยมเกิน {decimals} ตำแหน่ง หน้าเว็บจะแสดงเป็น {shown} ตรวจกับประกาศผลของ ป.ป.ช.",
                f"the score {describe_value(value)} has more than {decimals} decimals and is shown as {shown}; check it against NACC's published result",
            )
        return number

    def _text(self, hint: type, value: object, location: Location) -> Any:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            return self.expected(location, _TYPE_NAMES[str], value)
        text, unusable = read_text(str(value), markdown=hint is MarkdownText)
        if not text:
            return self.error(location, "ข้อความว่างเปล่า", "the text is empty")
        if unusable:
            return self.error(location, *unusable)
        if "<" in text or "]" in text:  # no tag, link or image can be written without one of them
            text, had_tags = strip_layout_tags(text)
            if had_tags:
                self.warn(
                    location,
                    "พบแท็ก HTML ที่ติดมาจากการคัดลอก (เช่น <p>) ระบบลบออกให้แล้ว ควรลบออกจากข้อมูลด้วย",
                    "found HTML tags pasted with the text (such as <p>); they were removed, remove them from the data too",
                )
            for target in unsafe_link_targets(text):
                self.error(
                    location,
                    f"ลิงก์ '{target}' ใช้ไม่ได้ อนุญาตเฉพาะ http(s)://, mailto: และ tel:",
                    f"link '{target}' is not allowed; only http(s)://, mailto: and tel: links are",
                )
            for target in remote_image_targets(text):
                self.error(
                    location,
                    f"รูปภาพ '{target}' อยู่บนเว็บไซต์อื่น หน้าเว็บต้องไม่โหลดสิ่งใดจากเว็บไซต์อื่น ใช้ลิงก์ธรรมดาแทน (ลบ ! หน้าลิงก์)",
                    f"image '{target}' is on another website; pages must not load anything from other sites, use a plain link (drop the !)",
                )
        if hint is Url or hint is ContactUrl:
            return self._url(hint, text, location)
        if hint is LevelName:
            return LevelName(level_name(text))
        return MarkdownText(text) if hint is MarkdownText else text

    def _url(self, hint: type, text: str, location: Location) -> Any:
        lowered = text.lower()
        schemes = ("https://", "http://") + (("mailto:", "tel:") if hint is ContactUrl else ())
        if not lowered.startswith(schemes) or any(c.isspace() for c in text):
            return self.expected(location, _TYPE_NAMES[hint], text)
        if problem := url_problem(text, contact=hint is ContactUrl):
            found = describe_value(text)
            return self.error(location, f"{problem[0]} แต่พบ {found}", f"{problem[1]}; found {found}")
        return hint(text)

    def date(self, value: object, location: Location) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            return self.expected(location, _TYPE_NAMES[ThaiDate], value)
        try:
            parsed = parse_thai_date(value)
        except DateParseError as exc:
            if not exc.impossible:
                return self.expected(location, _TYPE_NAMES[ThaiDate], value)
            parsed = self._impossible_date(value, location)
        if not DATE_YEARS_BE[0] <= be_year(parsed.year) <= DATE_YEARS_BE[1]:
            # 2468 for 2568, or 1025 for 2025: a typo that would put the page a century off.
            return self.error(
                location,
                f"ปีของวันที่ {describe_value(value)} คือ พ.ศ. {be_year(parsed.year)} อยู่นอกช่วง พ.ศ. {DATE_YEARS_BE[0]}–{DATE_YEARS_BE[1]} ตรวจตัวเลขปี",
                f"the date {describe_value(value)} falls in B.E. {be_year(parsed.year)} (C.E. {parsed.year}), outside B.E. {DATE_YEARS_BE[0]}–{DATE_YEARS_BE[1]}; check the year",
            )
        return parsed

    def _impossible_date(self, value: str, location: Location) -> ThaiDate:
        """31 June is a typo for a real day: warn, and use the month's last day so the build goes on."""
        month_only = parse_thai_date(_without_day(value))
        corrected = ThaiDate(month_only.year, month_only.month, last_day_of_month(month_only.year, month_only.month))
        self.warn(
            location,
            f"วันที่ {describe_value(value)} ไม่มีอยู่จริงในปฏิทิน ระบบใช้วันที่ {corrected.format()} แทน โปรดแก้ข้อมูล",
            f"the date {describe_value(value)} does not exist; {corrected.first_day.isoformat()} was used instead",
        )
        return corrected


def _without_day(text: str) -> str:
    """'2566-06-31' → '2566-06'; '31/6/2566' → '2566-6'; '31 มิถุนายน 2566' → 'มิถุนายน 2566'."""
    text = to_arabic_digits(text.strip())
    if re.match(r"^\d{4}-\d{1,2}-\d{1,2}$", text):
        return text.rsplit("-", 1)[0]
    if numeric := re.match(r"^\d{1,2}\s*([/.-])\s*(\d{1,2})\s*\1\s*(\d{4})$", text):
        return f"{numeric[3]}-{numeric[2]}"
    return re.sub(r"^(?:วันที่\s*)?\d{1,2}\s*(?:เดือน\s*)?", "", text)


def load_record(cls: type[T], document: YamlDocument, validator: Validator, field: str = "") -> T:
    """Validate the top-level value of a data file into ``cls``."""
    return validator.record(cls, document.root, Location(document.path, document.line, field))
