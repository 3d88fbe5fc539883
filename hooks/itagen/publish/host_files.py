"""The files at the site's root that tell a web host how to serve it: ``_headers`` (Netlify, Cloudflare
Pages) and ``.htaccess`` (Apache, what most Thai shared hosts run).

Both send the Content-Security-Policy and the protective headers. The ``.htaccess`` also does what
Netlify does unasked and a shared host often leaves off: it compresses text (a page of the demo goes
from about 60 KB to 8), keeps the theme's hashed files for a year, has pages checked again on every
visit, and answers a missing address with the Thai 404 page. Each part sits inside ``<IfModule>``: a
host without the module ignores that part instead of failing the whole site with a 500.
"""

from __future__ import annotations

from collections.abc import Iterable

from itagen.publish.content_policy import OTHER_HEADERS, policy

COMPRESSED_TYPES = [
    "text/html",
    "text/css",
    "text/javascript",
    "application/javascript",
    "application/x-javascript",
    "application/json",
    "application/ld+json",
    "application/schema+json",
    "application/manifest+json",
    "application/xml",
    "text/xml",
    "application/atom+xml",
    "image/svg+xml",
    "text/plain",
    "text/csv",
]
"""Text the site serves: pages, styles, scripts, the search index and open data (JSON, JSON-LD, CSV),
the sitemap and news feed (XML), charts and QR codes (SVG). Images, fonts and PDFs are compressed
already. Hosts name JavaScript three ways (``text/javascript`` in Debian's mime.types)."""

HASHED_THEME_FILE = r"\.[0-9a-f]{8}\.min\.(css|js)$"
"""Material's ``main.<hash>.min.css``, ``palette.<hash>.min.css``, ``bundle.<hash>.min.js`` and its
search worker: a new theme gives them new names, so a browser may keep them without asking."""

YEAR_SECONDS = 365 * 24 * 60 * 60


def _apache(headers: dict[str, str], site_path: str) -> str:
    types = " ".join(COMPRESSED_TYPES)
    return (
        "# Written by the ITA site generator: how Apache should serve this site.\n"
        "\n"
        "# A missing address gets the Thai 404 page (with status 404).\n"
        f"ErrorDocument 404 {site_path}404.html\n"
        "\n"
        "# The headers every answer of this site should be sent with.\n"
        "<IfModule mod_headers.c>\n"
        + "".join(f'  Header always set {name} "{value}"\n' for name, value in headers.items())
        + "</IfModule>\n"
        "\n"
        "# Text travels compressed: brotli to browsers that take it, gzip to the others. Brotli comes first,\n"
        "# so that gzip leaves alone what it already compressed.\n"
        "<IfModule mod_filter.c>\n"
        "  <IfModule mod_brotli.c>\n"
        f"    AddOutputFilterByType BROTLI_COMPRESS {types}\n"
        "  </IfModule>\n"
        "  <IfModule mod_deflate.c>\n"
        f"    AddOutputFilterByType DEFLATE {types}\n"
        "  </IfModule>\n"
        "</IfModule>\n"
        "\n"
        "# Pages, data and our own styles keep their names when they change: the browser asks again each\n"
        "# time (a short 304 when nothing changed). The theme's hashed files never change: kept a year.\n"
        "<IfModule mod_headers.c>\n"
        '  Header set Cache-Control "no-cache"\n'
        f'  <FilesMatch "{HASHED_THEME_FILE}">\n'
        f'    Header set Cache-Control "public, max-age={YEAR_SECONDS}, immutable"\n'
        "  </FilesMatch>\n"
        "</IfModule>\n"
    )


def host_files(script_hashes: Iterable[str], site_path: str = "/") -> dict[str, str]:
    """``_headers`` and ``.htaccess`` for a site published at ``site_path`` of its host (``/`` or
    ``/ita-site/``: where the 404 page is found)."""
    headers = {"Content-Security-Policy": policy(script_hashes, for_headers=True), **OTHER_HEADERS}
    netlify = "/*\n" + "".join(f"  {name}: {value}\n" for name, value in headers.items())
    return {"_headers": netlify, ".htaccess": _apache(headers, site_path)}
