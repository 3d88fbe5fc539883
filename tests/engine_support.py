"""The engine's stages run in one call, as the MkDocs hook runs them, for tests that read its output."""

from __future__ import annotations

from itagen.plan.site_plan import plan_site
from itagen.records.site import Site
from itagen.render.site import SiteOutput, render_site


def generate_site(site: Site) -> SiteOutput:
    """Plan and render a loaded site: its pages' Markdown, assets and OIT coverage."""
    return render_site(site, plan_site(site))
