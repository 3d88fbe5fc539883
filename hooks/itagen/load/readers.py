"""Record types that data may write in more than one way, each with its reader.

The Validator reads most records straight from their type hints; these take a short form too (a
period written as ``ตลอดปีงบประมาณ``, an item's evidence as a bare list) or must hold exactly one
of several keys. ``READERS`` is handed to the Validator that loads a site.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from typing import Any

from ..problems import Location
from ..records.fiscal_year import Period
from ..records.oit import PAGE_REFERENCE, Evidence, ItemEvidence
from ..records.publish import PublishTarget
from ..records.record import record
from ..records.values import MarkdownText, Url
from ..thai.dates import DateParseError, ThaiDate, parse_thai_date, split_period, whole_fiscal_year
from .publish_target import read_publish_target
from .schema import INVALID, Reader, Validator


@record
class _PeriodFields:
    start: ThaiDate | None = None
    end: ThaiDate | None = None
    whole_fiscal_year: bool = False


def read_period(value: Any, location: Location, validator: Validator) -> Any:
    """A period as documents print it, or ``start:``/``end:`` (``PERIOD_FORMS`` lists the forms)."""
    if isinstance(value, str):
        whole, stated_year = whole_fiscal_year(value)
        if whole:
            return Period(whole_fiscal_year=True, stated_year=stated_year)
        if (ends := split_period(value)) is not None:
            start, end = validator.date(ends[0], location), validator.date(ends[1], location)
            return INVALID if INVALID in (start, end) else Period(start, end)
    if isinstance(value, str | int):
        try:
            parse_thai_date(str(value))
        except DateParseError as error:
            if not error.impossible:
                return validator.expected(location, PERIOD_FORMS, value)
        date = validator.date(value, location)
        return INVALID if date is INVALID else Period(start=date)
    if not isinstance(value, dict):
        return validator.expected(location, PERIOD_FORMS, value)
    parsed = validator.record(_PeriodFields, value, location)
    if parsed is INVALID:
        return INVALID
    if parsed.start is None and not parsed.whole_fiscal_year:
        return validator.error(
            location,
            "ระยะเวลาต้องมี start: หรือ whole_fiscal_year: true",
            "a period needs start: or whole_fiscal_year: true",
        )
    return Period(parsed.start, parsed.end, parsed.whole_fiscal_year)


PERIOD_FORMS = (
    "ระยะเวลา (period) ในรูปแบบใดแบบหนึ่ง: ตลอดปีงบประมาณ [พ.ศ. 2569]; เดือนหรือวัน (ม.ค. 2568, 2568-01, 15 ม.ค. 2568); "
    "ช่วงเวลา (ม.ค. – เม.ย. 2568, 1 ต.ค. 2567 – 28 ก.พ. 2568, ต.ค. 2567 - ก.ย. 2568, ม.ค. 2568 ถึง มี.ค. 2568); "
    "หรือ start: กับ end:",
    "a period in one of these forms: ตลอดปีงบประมาณ [พ.ศ. 2569]; a month or a day (ม.ค. 2568, 2568-01, 15 ม.ค. 2568); "
    "a range (ม.ค. – เม.ย. 2568, 1 ต.ค. 2567 – 28 ก.พ. 2568, ต.ค. 2567 - ก.ย. 2568, ม.ค. 2568 ถึง มี.ค. 2568); "
    "or start: and end:",
)


@record
class _EvidenceFields:
    page: str | None = None
    document: str | None = None
    url: Url | None = None
    title: str | None = None


def read_evidence(value: Any, location: Location, validator: Validator) -> Any:
    """Exactly one of ``page:``, ``document:`` or ``url:``; the evidence keeps its location."""
    fields = validator.record(_EvidenceFields, value, location)
    if fields is INVALID:
        return INVALID
    given = [name for name in ("page", "document", "url") if getattr(fields, name) is not None]
    if len(given) != 1:
        found = ", ".join(given) or "ไม่มี / none"
        return validator.error(
            location,
            f"หลักฐานแต่ละรายการต้องมีอย่างใดอย่างหนึ่ง: page:, document: หรือ url: (พบ {found})",
            f"each piece of evidence needs exactly one of page:, document: or url: (found {found})",
        )
    if fields.page is not None and not PAGE_REFERENCE.match(fields.page):
        return validator.error(
            location.child("page"),
            f"ชื่อหน้าต้องเป็นเช่น structure, measures, 2568/progress-12-month หรือ measures#measure-m1 แต่พบ '{fields.page}'",
            f"a page is written like structure, measures, 2568/progress-12-month or measures#measure-m1; found '{fields.page}'",
        )
    return Evidence(fields.page, fields.document, fields.url, fields.title, location)


@record
class _ItemFields:
    evidence: list[Evidence] = field(default_factory=list)
    explanation: MarkdownText | None = None


def read_item_evidence(value: Any, location: Location, validator: Validator) -> Any:
    """The evidence of one checklist item: a bare list, or ``evidence:`` with an ``explanation:``."""
    if isinstance(value, list):
        evidence = validator.value(list[Evidence], value, location, {})
        return INVALID if evidence is INVALID else ItemEvidence(evidence)
    fields = validator.record(_ItemFields, value, location)
    return INVALID if fields is INVALID else ItemEvidence(fields.evidence, fields.explanation)


READERS: Mapping[type, Reader] = {
    Period: read_period,
    Evidence: read_evidence,
    ItemEvidence: read_item_evidence,
    PublishTarget: read_publish_target,
}
