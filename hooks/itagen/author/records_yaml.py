"""Records back to the plain values of a YAML data file, in the forms data/README.md documents.

Only what differs from a field's default is written, so a file made from records reads like one a
webmaster typed: dates as B.E. ``2569-10-01``, months as ``2569-10``, periods as a date, a
``{start, end}`` pair or ``ตลอดปีงบประมาณ``.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..records.fiscal_year import Period
from ..thai.dates import ThaiDate, be_year

WHOLE_YEAR = "ตลอดปีงบประมาณ"


def date_text(date: ThaiDate) -> str:
    month = f"{be_year(date.year)}-{date.month:02}"
    return month if date.day is None else f"{month}-{date.day:02}"


def plain(value: Any) -> Any:
    """A record, list, mapping or scalar as the plain values ``yaml.safe_dump`` writes."""
    if isinstance(value, ThaiDate):
        return date_text(value)
    if isinstance(value, Period):
        return _period(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _record(value)
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, str):
        return str(value)  # MarkdownText, Url … are str subclasses that yaml.safe_dump does not know
    return value


def _period(period: Period) -> Any:
    if period.whole_fiscal_year or period.start is None:
        return WHOLE_YEAR
    if period.end is None or period.end == period.start:
        return date_text(period.start)
    return {"start": date_text(period.start), "end": date_text(period.end)}


def _record(record: Any) -> dict[str, Any]:
    written = {}
    for field in dataclasses.fields(record):
        value = getattr(record, field.name)
        default = field.default_factory() if field.default_factory is not dataclasses.MISSING else field.default
        if field.name == "location" or value is None or value == default:
            continue
        written[field.name] = plain(value)
    return written
