"""The Content-Security-Policy of one page, from the hashes the page's own scripts have."""

from __future__ import annotations

import base64
import hashlib

from itagen.publish.content_policy import inline_script_hashes, with_policy

PAGE = (
    '<html><head><meta charset="utf-8"><title>t</title><script>run()</script>'
    '<script id="__config" type="application/json">{"a": 1}</script>'
    '<script defer src="x.js"></script></head><body><SCRIPT >also()</script ></body></html>'
)


def _sha256(body: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"


def test_only_scripts_that_run_are_named() -> None:
    assert inline_script_hashes(PAGE) == {_sha256("run()"), _sha256("also()")}


def test_hashes_handed_over_give_the_policy_the_page_would_find_itself() -> None:
    found = with_policy(PAGE)
    assert with_policy(PAGE, inline_script_hashes(PAGE)) == found
    assert found.startswith('<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')
    assert f"script-src 'self' {' '.join(sorted([_sha256('run()'), _sha256('also()')]))};" in found
