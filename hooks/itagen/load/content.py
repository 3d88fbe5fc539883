"""Reading the agency's content files (``records/content.py``) and checking the files they name.

Every file a record names (documents, photos, the chart) must exist inside the data directory,
because it is copied into the public site; every document id that news, policies or OIT items
use must be in documents.yml.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

from ..problems import DataError, Location
from ..records.content import AgencyContent, Document, NewsItem, Organization, Policies, Services
from ..thai.dates import FAR_YEARS, fiscal_year_of
from .far_dates import check_far
from .file_types import CHART, DOCUMENT, PHOTO
from .files import check_published_file
from .schema import INVALID, Validator
from .sources import SourceFiles

_DOCUMENT_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def _read(path: Path, hint: Any, sources: SourceFiles, validator: Validator) -> Any:
    """Validate a whole file as ``hint`` (a record or a list of records); None when absent."""
    if not path.is_file():
        return None
    try:
        document = sources.read(path)
    except DataError as exc:
        validator.errors.extend(exc.problems)
        return INVALID
    return validator.value(hint, document.root, Location(path, document.line), {})


def load_content(data_dir: Path, sources: SourceFiles, validator: Validator) -> AgencyContent:
    """Read the optional content files; every file they name must exist under ``data_dir``."""
    organization = _read(data_dir / "organization.yml", Organization, sources, validator)
    services = _read(data_dir / "services.yml", Services, sources, validator)
    news = _read(data_dir / "news.yml", list[NewsItem], sources, validator)
    policies = _read(data_dir / "policies.yml", Policies, sources, validator)
    documents = _read(data_dir / "documents.yml", list[Document], sources, validator)
    parts = (organization, services, news, policies, documents)
    if any(part is INVALID for part in parts):
        return INVALID  # type: ignore[no-any-return]
    content = AgencyContent(organization, services, news or [], policies, documents or [])
    _check_files(content, data_dir, sources, validator)
    _check_document_references(content, data_dir, sources, validator)
    return content


def _check_files(content: AgencyContent, data_dir: Path, sources: SourceFiles, validator: Validator) -> None:
    documents_file = data_dir / "documents.yml"
    for index, document in enumerate(content.documents):
        file_at = sources.locate(documents_file, index, "file")
        check_published_file(document.file, data_dir, file_at, validator, DOCUMENT)
        id_at = sources.locate(documents_file, index, "id")
        if not _DOCUMENT_ID.match(document.id):
            validator.error(
                id_at,
                f"รหัสเอกสารใช้ได้เฉพาะอักษรอังกฤษตัวเล็ก ตัวเลข และ - แต่พบ '{document.id}'",
                f"a document id may use only lower-case letters, digits and -; found '{document.id}'",
            )
        if document.id in [d.id for d in content.documents[:index]]:
            validator.error(id_at, f"รหัสเอกสาร '{document.id}' ซ้ำกัน", f"document id '{document.id}' is used twice")
        _check_document_date(document, sources.locate(documents_file, index, "date"), validator)
    organization = content.organization
    if organization is None:
        return
    file = data_dir / "organization.yml"
    if organization.structure and organization.structure.chart:
        chart_at = sources.locate(file, "structure", "chart")
        check_published_file(organization.structure.chart, data_dir, chart_at, validator, CHART)
    for index, executive in enumerate(organization.executives):
        if executive.photo:
            photo_at = sources.locate(file, "executives", index, "photo")
            check_published_file(executive.photo, data_dir, photo_at, validator, PHOTO)


def _check_document_date(document: Document, where: Location, validator: Validator) -> None:
    """A document given a fiscal year is dated near it: a plan is adopted before its years begin, a
    report signed after its year ends, but not years away (a 1968 date cell from ``15 ส.ค. 68``)."""
    if document.fiscal_year is None:
        return  # the date gives the fiscal year: an old act (พ.ร.บ. 2540) is dated as it is
    own_year = fiscal_year_of(document.date.first_day)
    nearest = document.first_year if own_year < document.first_year else document.last_year
    if not document.first_year - FAR_YEARS <= own_year <= document.last_year + FAR_YEARS:
        check_far([document.date], nearest, where, validator)


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


def _check_document_references(
    content: AgencyContent, data_dir: Path, sources: SourceFiles, validator: Validator
) -> None:
    for index, news in enumerate(content.news):
        for d_index, document_id in enumerate(news.documents):
            at = sources.locate(data_dir / "news.yml", index, "documents", d_index)
            check_document_id(document_id, content, at, validator)
    no_gift = content.policies.no_gift if content.policies else None
    if no_gift is not None:
        for d_index, document_id in enumerate(no_gift.documents):
            at = sources.locate(data_dir / "policies.yml", "no_gift", "documents", d_index)
            check_document_id(document_id, content, at, validator)
