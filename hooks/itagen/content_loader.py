"""Reading the agency's content files (see ``content.py``) and checking the files they name.

Every file a record names (documents, photos, the chart) must exist inside the data directory,
because it is copied into the public site; every document id that news, policies or OIT items
use must be in documents.yml.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

from .content import AgencyContent, Document, NewsItem, Organization, Policies, Services
from .errors import DataError, Location
from .schema import INVALID, Validator
from .yaml_source import YamlList, YamlMap, load_yaml_file

_DOCUMENT_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def _read(path: Path, hint: Any, validator: Validator) -> Any:
    """Validate a whole file as ``hint`` (a record or a list of records); None when absent."""
    if not path.is_file():
        return None
    try:
        raw = load_yaml_file(path)
    except DataError as exc:
        validator.errors.extend(exc.problems)
        return INVALID
    return validator.value(hint, raw, Location(path, getattr(raw, "line", None)), {})


def load_content(data_dir: Path, validator: Validator) -> AgencyContent:
    """Read the optional content files; every file they name must exist under ``data_dir``."""
    organization = _read(data_dir / "organization.yml", Organization, validator)
    services = _read(data_dir / "services.yml", Services, validator)
    news = _read(data_dir / "news.yml", list[NewsItem], validator)
    policies = _read(data_dir / "policies.yml", Policies, validator)
    documents = _read(data_dir / "documents.yml", list[Document], validator)
    parts = (organization, services, news, policies, documents)
    if any(part is INVALID for part in parts):
        return INVALID  # type: ignore[no-any-return]
    content = AgencyContent(organization, services, news or [], policies, documents or [])
    _check_files(content, data_dir, validator)
    _check_document_references(content, data_dir, validator)
    return content


def locate(path: Path, *keys: str | int) -> Location:
    """The file, line and field of the value reached by ``keys`` (names and list indexes), for messages."""
    node: Any = load_yaml_file(path) if path.is_file() else None
    where = Location(path, getattr(node, "line", None))
    for key in keys:
        line = None
        if isinstance(key, int) and isinstance(node, YamlList) and key < len(node):
            line, node = node.item_lines[key], node[key]
        elif isinstance(key, str) and isinstance(node, YamlMap) and key in node:
            line, node = node.key_lines[key], node[key]
        else:
            node = None
        where = where.child(key, line)
    return where


def check_data_file(name: str, data_dir: Path, where: Location, validator: Validator, what: tuple[str, str]) -> None:
    """A file named in data must exist inside the data directory."""
    path = (data_dir / name).resolve()
    if not path.is_relative_to(data_dir.resolve()):
        validator.error(
            where,
            f"ไฟล์{what[0]} '{name}' ต้องอยู่ในโฟลเดอร์ข้อมูล {data_dir.name}/",
            f"the {what[1]} file '{name}' must be inside the data directory {data_dir.name}/",
        )
    elif not path.is_file():
        validator.error(
            where,
            f"ไม่พบไฟล์{what[0]} '{name}' (ตำแหน่งนับจากโฟลเดอร์ {data_dir.name}/) ตรวจชื่อไฟล์และโฟลเดอร์",
            f"the {what[1]} file '{name}' does not exist (paths are relative to {data_dir.name}/)",
        )


def _check_files(content: AgencyContent, data_dir: Path, validator: Validator) -> None:
    documents_file = data_dir / "documents.yml"
    for index, document in enumerate(content.documents):
        file_at = locate(documents_file, index, "file")
        check_data_file(document.file, data_dir, file_at, validator, ("เอกสาร", "document"))
        id_at = locate(documents_file, index, "id")
        if not _DOCUMENT_ID.match(document.id):
            validator.error(
                id_at,
                f"รหัสเอกสารใช้ได้เฉพาะอักษรอังกฤษตัวเล็ก ตัวเลข และ - แต่พบ '{document.id}'",
                f"a document id may use only lower-case letters, digits and -; found '{document.id}'",
            )
        if document.id in [d.id for d in content.documents[:index]]:
            validator.error(id_at, f"รหัสเอกสาร '{document.id}' ซ้ำกัน", f"document id '{document.id}' is used twice")
    organization = content.organization
    if organization is None:
        return
    file = data_dir / "organization.yml"
    if organization.structure and organization.structure.chart:
        chart_at = locate(file, "structure", "chart")
        check_data_file(organization.structure.chart, data_dir, chart_at, validator, ("แผนภูมิ", "chart"))
    for index, executive in enumerate(organization.executives):
        if executive.photo:
            photo_at = locate(file, "executives", index, "photo")
            check_data_file(executive.photo, data_dir, photo_at, validator, ("รูปภาพ", "photo"))


def check_document_id(document_id: str, content: AgencyContent, where: Location, validator: Validator) -> None:
    if content.document(document_id) is not None:
        return
    ids = [d.id for d in content.documents]
    guess = difflib.get_close_matches(document_id, ids, n=1)
    if guess:
        hint_th, hint_en = f" หมายถึง '{guess[0]}' หรือไม่?", f"; did you mean '{guess[0]}'?"
    else:
        shown = ", ".join(ids[:10]) + (" …" if len(ids) > 10 else "") if ids else "ไม่มี / none"
        hint_th, hint_en = f" (รหัสที่มี: {shown})", f" (known ids: {shown})"
    validator.error(
        where,
        f"ไม่พบเอกสารรหัส '{document_id}' ใน documents.yml{hint_th}",
        f"no document with id '{document_id}' in documents.yml{hint_en}",
    )


def _check_document_references(content: AgencyContent, data_dir: Path, validator: Validator) -> None:
    for index, news in enumerate(content.news):
        for d_index, document_id in enumerate(news.documents):
            at = locate(data_dir / "news.yml", index, "documents", d_index)
            check_document_id(document_id, content, at, validator)
    no_gift = content.policies.no_gift if content.policies else None
    if no_gift is not None:
        for d_index, document_id in enumerate(no_gift.documents):
            at = locate(data_dir / "policies.yml", "no_gift", "documents", d_index)
            check_document_id(document_id, content, at, validator)
