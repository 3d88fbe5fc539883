"""JSON Schemas (draft 2020-12) of the data files, made from the records' type hints, for editors.

The validator reads the same type hints (``load/schema.py``), so an editor that underlines a wrong key
or value while the webmaster types agrees with the build. Editors read YAML 1.2, where ``021234567``
(a phone number) and ``๙๐.๗๙`` are other things than our loader makes of them: the schema accepts
both readings. Descriptions come from data/README.md's key tables, so the reference and the editor
say the same.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from pathlib import Path
from typing import Any, Literal, Union

from ..load.oit import OitFile
from ..records.agency import Agency, SiteSettings
from ..records.content import Document, NewsItem, Organization, Policies, Services
from ..records.fiscal_year import FiscalYear, Period
from ..records.oit import Evidence, ItemEvidence
from ..records.record import record
from ..records.values import ContactUrl, LevelName, MarkdownText, Url
from ..thai.dates import MONTHS_ABBR, MONTHS_FULL, ThaiDate

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

DIGITS = "[0-9๐-๙]"
_MONTHS = "|".join(re.escape(m) for m in sorted([*MONTHS_FULL, *MONTHS_ABBR], key=len, reverse=True))
DATE_PATTERNS = [
    f"^\\s*{DIGITS}{{4}}-{DIGITS}{{1,2}}(-{DIGITS}{{1,2}})?\\s*$",
    f"^(วันที่\\s*)?({DIGITS}{{1,2}}\\s*)?(เดือน\\s*)?({_MONTHS})\\s*(พ\\.ศ\\.\\s*)?{DIGITS}{{4}}\\s*$",
    # 30/6/2569: day, month and a B.E. year (a C.E. one may have its month first, so it is refused)
    f"^\\s*{DIGITS}{{1,2}}\\s*([/.-])\\s*{DIGITS}{{1,2}}\\s*\\1\\s*[2๒][4-9๔-๙]{DIGITS}{{2}}\\s*$",
]
URL_PATTERN = "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s\"'<>`\\\\]+$"
CONTACT_URL_PATTERN = "^([Hh][Tt][Tt][Pp][Ss]?://|mailto:|tel:)[^\\s\"'<>`\\\\]+$"

TYPE_WORDS = {
    "text": "ข้อความ",
    "Markdown text": "ข้อความ (Markdown)",
    "link": "ลิงก์",
    "date": "วันที่",
    "score": "คะแนน 0–100",
    "whole number": "จำนวนเต็ม",
    "true/false": "จริง/เท็จ (true/false)",
    "list": "รายการ",
    "mapping": "ชุดข้อมูล คีย์: ค่า",
    "file": "ไฟล์ในโฟลเดอร์ข้อมูล",
    "period": "ระยะเวลา",
}


@record
class DataFileKind:
    name: str
    """The schema's file name: ``<name>.schema.json``."""
    root: Any
    """The record type (or list of records) a whole file is."""
    readme_heading: str
    """The data/README.md section whose key tables describe it."""
    globs: tuple[str, ...]
    """Which files of a data folder are of this kind."""


KINDS = [
    DataFileKind("agency", Agency, "`agency.yml`", ("agency.yml",)),
    DataFileKind("site", SiteSettings, "`site.yml`", ("site.yml",)),
    DataFileKind("year", FiscalYear, "`years/<ปีงบประมาณ>.yml`", ("years/*.yml",)),
    DataFileKind("organization", Organization, "`organization.yml`", ("organization.yml",)),
    DataFileKind("services", Services, "`services.yml`", ("services.yml",)),
    DataFileKind("news", list[NewsItem], "`news.yml` and `policies.yml`", ("news.yml",)),
    DataFileKind("policies", Policies, "`news.yml` and `policies.yml`", ("policies.yml",)),
    DataFileKind("documents", list[Document], "`documents.yml`", ("documents.yml",)),
    DataFileKind("oit-year", OitFile, "`oit/<ปีงบประมาณ>.yml`", ("oit/*.yml",)),
]


def evidence_schemas() -> dict[Any, dict[str, Any]]:
    """Evidence and an item's evidence are read by readers of their own (``load/readers.py``)."""
    text = {"type": ["string", "number"]}
    evidence = {
        "type": "object",
        "properties": {
            "page": {"type": "string", "pattern": "^((\\d{4}|previous)/)?[a-z0-9][a-z0-9-]*(#[\\w-]+)?$"},
            "document": text,
            "url": {"type": "string", "pattern": URL_PATTERN},
            "title": text,
        },
        "additionalProperties": False,
        "oneOf": [{"required": ["page"]}, {"required": ["document"]}, {"required": ["url"]}],
        "description": "หลักฐาน: page, document หรือ url อย่างใดอย่างหนึ่ง / evidence: exactly one of page, document or url",
    }
    listed = {"type": "array", "items": evidence}
    item = {
        "anyOf": [
            listed,
            {
                "type": "object",
                "properties": {"evidence": listed, "explanation": text},
                "additionalProperties": False,
            },
        ]
    }
    return {Evidence: evidence, ItemEvidence: item}


def schema_for(kind: DataFileKind, descriptions: dict[str, tuple[str, str]], extra: dict[str, Any]) -> dict[str, Any]:
    """The whole schema of one kind of data file."""
    builder = _Builder(descriptions, extra)
    body = builder.value(kind.root, "")
    defs = {"$defs": builder.defs} if builder.defs else {}
    return {"$schema": SCHEMA_DIALECT, "$id": f"{kind.name}.schema.json", "title": kind.name, **body, **defs}


class _Builder:
    def __init__(self, descriptions: dict[str, tuple[str, str]], extra: dict[str, Any]) -> None:
        self.descriptions = descriptions
        self.extra = extra
        """Schemas for record types read by a reader of their own (OIT files), by type."""
        self.building: list[Any] = []
        self.defs: dict[str, Any] = {}
        """Records that contain themselves (a position's units are positions): defined once, referred to."""

    def value(self, hint: Any, path: str) -> dict[str, Any]:
        origin = typing.get_origin(hint)
        if origin in (Union, types.UnionType):
            options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
            return self.value(options[0], path)
        if origin is Literal:
            return {"enum": list(typing.get_args(hint))}
        if origin is list:
            item = self.value(typing.get_args(hint)[0], f"{path}[]")
            listed = {"type": "array", "items": item}
            single_text = typing.get_args(hint)[0] in (str, MarkdownText)
            return {"anyOf": [listed, item]} if single_text else listed  # one item may be written without "-"
        if origin is dict:
            return {"type": "object", "additionalProperties": self.value(typing.get_args(hint)[1], f"{path}.*")}
        if hint in self.extra:
            return dict(self.extra[hint])
        if hint is Period:
            return {"anyOf": [{"type": "string", "minLength": 1}, self.record(_PeriodMapping, path)]}
        if dataclasses.is_dataclass(hint) and hint is not ThaiDate:
            return self.record(hint, path)
        return _scalar(hint)

    def record(self, cls: Any, path: str) -> dict[str, Any]:
        reference = {"$ref": f"#/$defs/{cls.__name__}"}
        if cls in self.building:
            self.defs.setdefault(cls.__name__, None)
            return reference
        self.building.append(cls)
        built = self._properties(cls, path)
        self.building.pop()
        if cls.__name__ in self.defs:
            self.defs[cls.__name__] = built
            return reference
        return built

    def _properties(self, cls: Any, path: str) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        properties, required = {}, []
        for field in dataclasses.fields(cls):
            if field.name == "location":
                continue  # filled in by the loader, never written
            child = f"{path}.{field.name}" if path else field.name
            schema = self.value(hints[field.name], child)
            schema = {**_bounds(schema, dict(field.metadata)), **self._describe(child, hints[field.name])}
            optional = field.default is not dataclasses.MISSING or field.default_factory is not dataclasses.MISSING
            # An optional key written with nothing after it (key:) is read as absent.
            properties[field.name] = {"anyOf": [schema, {"type": "null"}]} if optional else schema
            if not optional:
                required.append(field.name)
        written = {"type": "object", "properties": properties, "additionalProperties": False}
        return {**written, "required": required} if required else written

    def _describe(self, path: str, hint: Any) -> dict[str, Any]:
        found = _lookup(self.descriptions, path)
        if found is None:
            words = _type_words(hint)
            return {"description": f"{TYPE_WORDS.get(words, words)} / {words}"}
        description, example = found
        return {"description": description, **({"examples": [example]} if example else {})}


@record
class _PeriodMapping:
    start: ThaiDate | None = None
    end: ThaiDate | None = None
    whole_fiscal_year: bool = False


def _scalar(hint: Any) -> dict[str, Any]:
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": f"^\\s*{DIGITS}+\\s*$"}]}
    if hint is float:
        return {"anyOf": [{"type": "number"}, {"type": "string", "pattern": f"^\\s*{DIGITS}+(\\.{DIGITS}+)?\\s*$"}]}
    if hint is ThaiDate:
        return {"anyOf": [{"type": "string", "pattern": pattern} for pattern in DATE_PATTERNS]}
    if hint is Url:
        return {"type": "string", "pattern": URL_PATTERN}
    if hint is ContactUrl:
        return {"type": "string", "pattern": CONTACT_URL_PATTERN}
    if hint in (str, MarkdownText, LevelName, Path):
        # Text may be typed bare: YAML 1.2 reads 021234567 or 08.30 as a number, the loader keeps it text.
        return {"type": ["string", "number"]}
    raise TypeError(f"json schema: no mapping for {hint!r}")  # a programming error


def _bounds(schema: dict[str, Any], metadata: dict[str, Any]) -> dict[str, Any]:
    """Minimum and maximum on the number branch of a number's schema."""
    if "minimum" not in metadata and "maximum" not in metadata:
        return schema
    limits: dict[str, Any] = {k: metadata[k] for k in ("minimum", "maximum") if k in metadata}
    branches = [{**b, **limits} if b.get("type") in ("number", "integer") else b for b in schema.get("anyOf", [])]
    return {**schema, "anyOf": branches} if branches else {**schema, **limits}


def _type_words(hint: Any) -> str:
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        return _type_words(next(a for a in typing.get_args(hint) if a is not type(None)))
    if origin is list:
        return "list"
    if origin is Literal:
        return "text"
    named = {
        str: "text",
        MarkdownText: "Markdown text",
        LevelName: "text",
        Url: "link",
        ContactUrl: "link",
        int: "whole number",
        float: "score",
        bool: "true/false",
        ThaiDate: "date",
        Period: "period",
    }
    return named.get(hint, "mapping")


def _lookup(descriptions: dict[str, tuple[str, str]], path: str) -> tuple[str, str] | None:
    """The README's row for ``measures.items[].title``: exact, or a row written for any parent (``…[].title``)."""
    generic = re.sub(r"\[\d*\]", "[]", path)
    if generic in descriptions:
        return descriptions[generic]
    for key, found in descriptions.items():
        if key.startswith("*") and generic.endswith(key[1:]):
            return found
    return None


# --- data/README.md's key tables ------------------------------------------------------------------

_ROW = re.compile(r"^\|\s*(`[^|]+)\|\s*([^|]*)\|\s*([^|]*)\|\s*([^|]*)\|?\s*([^|]*)\|?\s*$")


def readme_descriptions(readme: str, heading: str) -> dict[str, tuple[str, str]]:
    """``{key path: (description, example)}`` from the tables under ``## heading`` and its ``###`` parts."""
    found: dict[str, tuple[str, str]] = {}
    section, prefix = False, ""
    for line in readme.splitlines():
        if line.startswith("## "):
            section = line[3:].strip() == heading
            prefix = ""
        elif line.startswith("### "):
            title = line[4:].strip()
            section = section or title == heading
            names = re.findall(r"`([a-z_]+)`", title)
            prefix = f"{names[0]}." if names and section and title != heading and not title.endswith(".yml`") else ""
        elif section and (row := _ROW.match(line)):
            keys, _required, type_words, notes, example = (cell.strip() for cell in row.groups())
            description = _description(type_words, notes)
            for key in re.findall(r"`([^`]+)`", keys):
                path = key.replace("…", "*") if key.startswith("…") else prefix + key
                found[path] = (description, example.strip("`"))
    return found


def _description(type_words: str, notes: str) -> str:
    thai = TYPE_WORDS.get(type_words.split(" of ")[0], "")
    kind = f"{thai} / {type_words}" if thai else type_words
    return f"{kind}: {notes}" if notes else kind
