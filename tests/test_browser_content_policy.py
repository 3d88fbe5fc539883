"""Every page carries a Content-Security-Policy; the site works under it, and a smuggled script does not run."""

from __future__ import annotations

import shutil
from pathlib import Path

from browser_support import SETTLED, ServedSite, search, serve, site_pages
from playwright.sync_api import Browser, BrowserContext

from itagen.publish.content_policy import inline_script_hashes

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
"""


def _watched(browser: Browser) -> tuple[BrowserContext, list[str]]:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.add_init_script(RECORD_VIOLATIONS)
    console: list[str] = []
    context.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    return context, console


def test_every_page_has_a_policy_that_names_its_inline_scripts(demo_site: Path) -> None:
    pages = [*demo_site.rglob("index.html"), demo_site / "404.html"]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        head = html[: html.index("<script")]  # the policy must come before the first script
        assert '<meta http-equiv="Content-Security-Policy"' in head, page
        assert "'unsafe-inline'" not in head.split("script-src", 1)[1].split(";", 1)[0]
        assert all(digest in head for digest in inline_script_hashes(html)), page
    headers = (demo_site / "_headers").read_text(encoding="utf-8")
    htaccess = (demo_site / ".htaccess").read_text(encoding="utf-8")
    for needed in ("Content-Security-Policy", "frame-ancestors 'none'", "nosniff", "Referrer-Policy"):
        assert needed in headers and needed in htaccess


def test_the_site_works_under_its_policy_without_a_violation(
    browser: Browser, served_demo: ServedSite, demo_site: Path
) -> None:
    context, console = _watched(browser)
    page = context.new_page()
    violations: list[str] = []
    for path in site_pages(demo_site):
        page.goto(served_demo.url(path))
        page.evaluate(SETTLED)
        violations += page.evaluate("window.__violations")
    page.goto(served_demo.url("ita/"))
    page.evaluate(SETTLED)
    # Our own script runs under the policy: a table made too wide becomes a keyboard-reachable box.
    page.evaluate("document.querySelector('article table td').style.minWidth = '900px'")
    page.evaluate("window.dispatchEvent(new Event('resize'))")
    page.wait_for_timeout(100)
    assert page.evaluate("document.querySelectorAll('.md-typeset__scrollwrap[tabindex]').length") > 0
    assert search(page, "คุณธรรม"), "search answers under the policy"
    violations += page.evaluate("window.__violations")
    context.close()
    assert violations == []
    assert [line for line in console if "Content Security Policy" in line or "Content-Security-Policy" in line] == []


def test_a_script_smuggled_into_a_page_does_not_run(browser: Browser, demo_site: Path, tmp_path: Path) -> None:
    """Defence in depth: were escaping ever to fail, the policy still stops the script."""
    site = tmp_path / "site"
    shutil.copytree(demo_site, site)
    page_file = site / "ita" / "2569" / "index.html"
    html = page_file.read_text(encoding="utf-8")
    smuggled = '<script>document.title="xss-ran"</script><img src=x onerror="document.title=\'xss-ran\'">'
    page_file.write_text(html.replace("<article", smuggled + "<article", 1), encoding="utf-8")
    context, _ = _watched(browser)
    with serve(site) as served:
        page = context.new_page()
        page.goto(served.url("ita/2569/"))
        page.evaluate(SETTLED)
        assert page.title() != "xss-ran"
        assert len(page.evaluate("window.__violations")) >= 2
    context.close()
