"""The agency (``agency.yml``) and the site's settings (``site.yml``)."""

from __future__ import annotations

from dataclasses import field
from typing import Literal

from .publish import PublishTarget
from .record import record
from .values import Url


@record
class Contacts:
    phone: list[str] = field(default_factory=list)
    fax: list[str] = field(default_factory=list)
    email: list[str] = field(default_factory=list)
    line_oa: str | None = None
    facebook: Url | None = None
    map: Url | None = None


@record
class Agency:
    name: str
    type: str
    province: str | None = None
    """Optional because some documents (seed 003) never say where the agency is."""
    district: str | None = None
    subdistrict: str | None = None
    address: str | None = None
    contacts: Contacts = field(default_factory=Contacts)
    website: Url | None = None
    logo: str | None = None
    itas_code: str | None = None
    example: bool = False
    """Marks demo data: every page then says the agency is fictional."""

    @property
    def place(self) -> str:
        """``อำเภอพังโคน จังหวัดสกลนคร``, as the documents write it."""
        parts = [f"อำเภอ{self.district}" if self.district else "", f"จังหวัด{self.province}" if self.province else ""]
        return " ".join(p for p in parts if p)


@record
class SiteSettings:
    digits: Literal["thai", "arabic"] = "arabic"
    """Thai (๐–๙) or Arabic digits for scores, dates and years on generated pages."""
    survey_hosts: list[str] = field(default_factory=list)
    """Hosts other than itas.nacc.go.th allowed in survey links (a warning instead of an error)."""
    site_url: Url | None = None
    """Where the site is published (https://…/); absolute links such as the OIT URL sheet need it."""
    data_licence: str | None = None
    """The licence of the open-data files; by default the DGA Open Government License of data.go.th."""
    data_licence_url: Url | None = None
    publish: PublishTarget | None = None
    """Where ``make publish`` uploads the site (no password here: see ``records/publish.py``)."""
