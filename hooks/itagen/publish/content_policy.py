"""The Content-Security-Policy every page carries: scripts only from the site itself, plus the exact
inline scripts the theme needs, named by their hashes.

Escaping keeps data from becoming markup; this is the second wall, for the day a bug lets some
through. A ``<script>`` that data smuggled into a page has no hash in the policy, so the browser
refuses to run it. The same policy, with the headers a host should send as well, goes into
``_headers`` (Netlify, Cloudflare Pages) and ``.htaccess`` (Apache) at the site's root (``host_files``).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

_INLINE_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_DATA_TYPE = re.compile(r"""\btype\s*=\s*["']?application/(?:ld\+)?json""", re.IGNORECASE)
_CHARSET_META = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)

# 'unsafe-inline' for styles only: the theme sets style attributes from its scripts, and a style
# cannot run code. Images may be data: URLs, which the theme's CSS uses for its icons.
_FIXED_DIRECTIVES = [
    "default-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
]
HEADERS_ONLY = ["frame-ancestors 'none'"]
"""Browsers ignore (and complain about) frame-ancestors in a <meta> policy: it goes only into headers."""
OTHER_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
}


def inline_script_hashes(html: str) -> set[str]:
    """``'sha256-…'`` of every inline script the page runs (JSON data islands run nothing)."""
    hashes = set()
    for match in _INLINE_SCRIPT.finditer(html):
        attributes = match["attributes"]
        if "src=" in attributes.lower() or _DATA_TYPE.search(attributes):
            continue
        digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
        hashes.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return hashes


def policy(script_hashes: Iterable[str], *, for_headers: bool = False) -> str:
    scripts = " ".join(["script-src 'self'", *sorted(script_hashes)])
    directives = [_FIXED_DIRECTIVES[0], scripts, *_FIXED_DIRECTIVES[1:]]
    return "; ".join(directives + (HEADERS_ONLY if for_headers else []))


def with_policy(html: str, script_hashes: Iterable[str] | None = None) -> str:
    """The page with its policy as the first thing after ``<meta charset>``: before any script.
    ``script_hashes``, when the caller has them already, are ``inline_script_hashes(html)``: the
    page is not searched for its scripts twice."""
    if script_hashes is None:
        script_hashes = inline_script_hashes(html)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(script_hashes)}">'
    charset = _CHARSET_META.search(html)
    if charset is None:
        raise ValueError("a page without <meta charset> cannot carry its policy first")  # the theme always has one
    return html[: charset.end()] + meta + html[charset.end() :]
