"""Rendering the planned pages: Jinja templates (``overrides/ita/``) → Markdown, with every value
from data escaped; the chart, QR codes, OIT evidence links and URL sheets; the table-caption
Markdown extension the pages need.

May import ``plan``, ``records``, ``thai`` and ``problems``; never ``load``.
"""
