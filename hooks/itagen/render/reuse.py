"""Pages ``mkdocs serve`` keeps from one build to the next: a year's pages whose inputs did not change.

A fiscal year's pages are made from its own year file, the year before it and the year of the ITA
before its own (for comparisons; usually the same file), and what every page shares: the agency,
the site settings, the content and OIT files, the page templates, the list of years and today's date
(a survey window closes). Their key is a hash of the SHA-256 of each of those files' bytes, as
``inputs`` gives them; a page whose key is unchanged is taken from the last build. Pages that are not a year's (the home page, the agency pages, open data) are made every time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..plan.site_plan import PlannedPage
from ..records.site import Site
from ..records.surveys import today_in_thailand
from .output import Rendered
from .year_pages import previous_assessment_year

YEAR_FILES = "years/"


@dataclass
class RenderMemo:
    kept: dict[str, tuple[str, Rendered]] = field(default_factory=dict)
    """Page path → (its key, the page) of the last build."""
    renders: int = 0
    """Year pages made by the last build (the others were reused): for the tests and the benchmark."""
    _keys: dict[int, str] = field(default_factory=dict)

    def start_build(self, site: Site, inputs: Mapping[str, str]) -> None:
        """Key each year's pages for this build. ``inputs``: each file of the data folder and of the
        page templates, by its path (``years/2568.yml``, ``templates/year-measures.md.j2``), → the
        SHA-256 of its bytes."""
        self.renders = 0
        shared = hashlib.sha256(today_in_thailand().isoformat().encode())
        for path, digest in sorted(inputs.items()):
            if not path.startswith(YEAR_FILES):
                shared.update(f"{path}\0{digest}\n".encode())
        years = [y.fiscal_year for y in site.years]
        shared.update(repr(years).encode())
        self._keys = {}
        for previous, year in zip([None, *years], site.years, strict=False):
            compared = previous_assessment_year(site, year)  # the change column's year
            key = shared.copy()
            for fiscal_year in (previous, compared.fiscal_year if compared else None, year.fiscal_year):
                key.update(f"\0{inputs.get(f'{YEAR_FILES}{fiscal_year}.yml', '')}".encode())
            self._keys[year.fiscal_year] = key.hexdigest()

    def reuse(self, page: PlannedPage) -> Rendered | None:
        key = self._keys.get(page.fiscal_year or 0)
        kept = self.kept.get(page.path)
        if key is not None and kept is not None and kept[0] == key:
            return kept[1]
        return None

    def keep(self, page: PlannedPage, rendered: Rendered) -> None:
        key = self._keys.get(page.fiscal_year or 0)
        if key is not None:
            self.kept[page.path] = (key, rendered)
            self.renders += 1
