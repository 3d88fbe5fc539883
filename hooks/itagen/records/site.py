"""The whole validated data set of one agency: what every later stage starts from."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import field
from pathlib import Path

from ..thai.dates import Digits
from .agency import Agency, SiteSettings
from .content import AgencyContent
from .fiscal_year import FiscalYear
from .oit import OitYear
from .record import record


@record
class Site:
    """Everything a build needs, validated."""

    agency: Agency
    settings: SiteSettings
    years: list[FiscalYear]
    """Oldest first."""
    data_dir: Path
    """Where the data came from: files it names (logo, documents) are relative to it."""
    content: AgencyContent | None = None
    """The agency's standing pages and documents (organization.yml, services.yml … documents.yml)."""
    oit: list[OitYear] = field(default_factory=list)
    """The fiscal years with an OIT checklist (oit/<year>.yml), oldest first."""

    @property
    def digits(self) -> Digits:
        return self.settings.digits

    def year(self, fiscal_year: int) -> FiscalYear | None:
        return self._years_by_number.get(fiscal_year)

    @functools.cached_property
    def _years_by_number(self) -> dict[int, FiscalYear]:
        """Made once: every page of every year asks for its year."""
        index: dict[int, FiscalYear] = {}
        for year in self.years:
            index.setdefault(year.fiscal_year, year)
        return index

    @property
    def data_updated(self) -> dt.date | None:
        """The newest ``updated:`` of any fiscal year: the day the published data last changed."""
        return max((year.updated.last_day for year in self.years), default=None)
