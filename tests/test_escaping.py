"""Nothing from data reaches a page unescaped: every text field of the demo, poisoned, built for real.

Every string value in every YAML file of a copy of the demo data gets script and markup payloads.
Values the schema constrains (ids, dates, URLs, choices) refuse them with an error; those are put
back one by one, so that every free-text field, whatever other features add, carries the payload.
Then every output file (pages, search index, sitemap, SVG, exports) is parsed as a browser would:
the payloads must be there as text and never as elements or attributes.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from browser_support import SETTLED, search, serve, site_pages
from conftest import DEMO_DATA, run_build
from playwright.sync_api import Browser
from site_html import json_strings, load_json, parse_html, read_text_file

from itagen.load.site import load_site
from itagen.problems import DataError
from itagen.source.yaml_file import load_yaml_file

SCRIPT = '<script>alert("xss-script")</script>'
IMAGE = '<img src=x onerror=alert("xss-img")>'
ATTRIBUTES = "{: onclick=\"alert('xss-attr')\" }"
BOLD = "**xss-bold**"
SUFFIX = f" {SCRIPT} {IMAGE} {BOLD} {ATTRIBUTES}"
"""Added at the end, where attr_list would read ``{: …}`` as the attributes of a heading or paragraph."""
WHOLE = f'{ATTRIBUTES} <svg onload=alert("xss-svg")> {SCRIPT}'
"""Replaces the value, so that markup starts the line (a raw HTML block if it were not escaped)."""
NO_SPACE = '"\'><script>alert("xss-nospace")</script><img/src=x/onerror=alert("xss-nospace")>'
"""Added with no space at all, so that it passes every check that looks for spaces (a URL field's
first guard): it must be refused by the fields that parse their value, and shown as text by all
others, including values that end up in MkDocs' own settings (site_url)."""

SEARCH_DIRS = {"search", "pagefind", "_pagefind"}
"""Where search indexes live (Material's search plugin, Pagefind)."""

Path_ = tuple[str | int, ...]
_FIELD_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _plain(value: Any) -> Any:
    """YamlMap/YamlList → dict/list, so that yaml.safe_dump can write them back."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _leaves(value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _leaves(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _leaves(child, (*path, index))
    elif isinstance(value, str):
        yield path, value


def _set(root: Any, path: Path_, new: str) -> None:
    for part in path[:-1]:
        root = root[part]
    root[path[-1]] = new


def _field_path(field: str) -> Path_:
    return tuple(name if name else int(index) - 1 for name, index in _FIELD_PART.findall(field))


def _related(a: Path_, b: Path_) -> bool:
    shorter = min(len(a), len(b))
    return a[:shorter] == b[:shorter]


def poison(data: Path, transform: Callable[[str], str]) -> dict[Path, list[Path_]]:
    """Apply ``transform`` to every string value it can hold; return the poisoned values per file."""
    documents = {path: _plain(load_yaml_file(path)) for path in sorted(data.rglob("*.yml"))}
    originals = {path: dict(_leaves(doc)) for path, doc in documents.items()}
    poisoned = {path: list(leaves) for path, leaves in originals.items()}
    for path, leaves in poisoned.items():
        for leaf in leaves:
            _set(documents[path], leaf, transform(originals[path][leaf]))
    for _ in range(20):
        for path, doc in documents.items():
            path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
        try:
            load_site(data)
        except DataError as error:
            refused = {
                (path, leaf)
                for problem in error.problems
                for path, leaves in poisoned.items()
                if path == problem.location.file
                for leaf in leaves
                if problem.location.field and _related(leaf, _field_path(problem.location.field))
            }
            assert refused, f"an error that names no poisoned field:\n{error.report(data)}"
            for path, leaf in refused:
                _set(documents[path], leaf, originals[path][leaf])
                poisoned[path].remove(leaf)
            continue
        return poisoned
    raise AssertionError("the poisoned data never loaded")


def _markup_findings(markup: str, where: str, allowed_handlers: set[tuple[str, str]]) -> list[str]:
    findings = []
    for element in parse_html(markup).elements:
        for name, value in element.attrs.items():
            handler = name.startswith("on") and (element.tag, name) not in allowed_handlers
            if handler or ("xss-" in value and (name.startswith("on") or "javascript:" in value.lower())):
                findings.append(f"{where}: <{element.tag} {name}={value!r}>")
        if element.tag == "script" and "json" in element.attrs.get("type", ""):
            if load_json(element.text) is None:  # data that broke out of its JSON island
                findings.append(f"{where}: a JSON <script> island that does not parse")
        elif element.tag == "script" and "xss-" in element.text:
            findings.append(f"{where}: <script> running {element.text[:60]!r}")
        if element.tag == "img" and element.attrs.get("src") == "x":
            findings.append(f"{where}: <img src=x> from data")
    return findings


def scan_site(site: Path, allowed_handlers: set[tuple[str, str]]) -> tuple[list[str], str]:
    """(markup that came from data, all visible text of the HTML pages) for every file of ``site``."""
    findings: list[str] = []
    visible: list[str] = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        text = read_text_file(path)
        if text is None:
            continue  # images and fonts
        where = str(path.relative_to(site))
        if text.lstrip().startswith("<"):
            findings += _markup_findings(text, where, allowed_handlers)
            if path.suffix == ".html":
                visible.append(parse_html(text).all_text())
        elif (document := load_json(text)) is not None:
            if SEARCH_DIRS & set(path.relative_to(site).parts):
                # A search index holds HTML that the search box inserts into the page.
                for string in json_strings(document):
                    findings += _markup_findings(string, where, allowed_handlers)
            # Other JSON is an export (the OIT URL sheet): its strings are text by nature.
        elif path.suffix in (".js", ".mjs") and "xss-" in text:
            findings.append(f"{where}: data text inside a script file")
    return findings, "\n".join(visible)


def _handlers(site: Path) -> set[tuple[str, str]]:
    """Event-handler attributes the theme itself writes (none expected), from the clean demo build."""
    found = set()
    for page in site.rglob("*.html"):
        for element in parse_html(page.read_text(encoding="utf-8")).elements:
            found |= {(element.tag, name) for name in element.attrs if name.startswith("on")}
    return found


@pytest.fixture(scope="module")
def poisoned_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[Path, list[Path_]]]]:
    builds = {}
    variants: dict[str, Callable[[str], str]] = {
        "suffix": lambda v: v + SUFFIX,
        "whole": lambda v: WHOLE,
        "no-space": lambda v: v + NO_SPACE,
    }
    for name, transform in variants.items():
        root = tmp_path_factory.mktemp(f"poisoned-{name}")
        data = root / "data"
        shutil.copytree(DEMO_DATA, data)
        poisoned = poison(data, transform)
        result = run_build(data, root / "site", strict=False)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Traceback" not in result.stderr
        builds[name] = (root / "site", poisoned)
    return builds


@pytest.mark.parametrize("variant", ["suffix", "whole", "no-space"])
def test_payloads_are_text_never_markup(
    variant: str, poisoned_builds: dict[str, tuple[Path, dict[Path, list[Path_]]]], demo_site: Path
) -> None:
    site, _ = poisoned_builds[variant]
    findings, visible = scan_site(site, _handlers(demo_site))
    assert findings == []
    if variant == "no-space":
        assert NO_SPACE in visible, "the payload must be shown as text, not dropped"
        return
    assert SCRIPT in visible, "the payload must be shown as text, not dropped"
    assert "{: onclick=" in visible
    if variant == "suffix":
        assert IMAGE in visible


def test_addresses_refuse_the_payload_without_spaces(
    poisoned_builds: dict[str, tuple[Path, dict[Path, list[Path_]]]],
) -> None:
    """site_url, website, facebook, map, survey and evidence links: parsed, so refused, payload and all."""
    _, poisoned = poisoned_builds["no-space"]
    kept = {str(leaf[-1]) for leaves in poisoned.values() for leaf in leaves}
    assert not {"site_url", "website", "facebook", "map", "url"} & kept


def test_most_text_fields_carried_the_payload(poisoned_builds: dict[str, tuple[Path, dict[Path, list[Path_]]]]) -> None:
    _, poisoned = poisoned_builds["suffix"]
    names = {str(leaf[-1]) for leaves in poisoned.values() for leaf in leaves if isinstance(leaf[-1], str)}
    # The fields every page prints, so that the scan above is not vacuous.
    assert {"name", "title", "text", "introduction", "position", "province"} <= names
    assert sum(len(leaves) for leaves in poisoned.values()) >= 100


def test_markdown_in_text_fields_renders_but_plain_fields_stay_literal(
    poisoned_builds: dict[str, tuple[Path, dict[Path, list[Path_]]]],
) -> None:
    site, _ = poisoned_builds["suffix"]
    html = "\n".join(page.read_text(encoding="utf-8") for page in site.rglob("*.html"))
    assert "<strong>xss-bold</strong>" in html  # MarkdownText: the analysis, the steps
    assert "**xss-bold**" in html  # plain text: names, titles, positions


@pytest.mark.parametrize(
    ("file", "old"),
    [
        ("years/2569.yml", "ขาดรายงานผลการจัดซื้อจัดจ้าง"),  # Markdown text (analysis)
        ("years/2569.yml", "มาตรการรายงานผลการจัดซื้อจัดจ้างพร้อมการวิเคราะห์"),  # plain text (a title)
        ("agency.yml", "เทศบาลตำบลบ้านสาธิต"),  # the agency name, in every page's header
    ],
)
def test_javascript_links_are_refused(file: str, old: str, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DEMO_DATA, data)
    target = data / file
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, f"{old} [x](javascript:alert(1))", 1), encoding="utf-8")
    result = run_build(data, tmp_path / "site", strict=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "link 'javascript:alert(1)' is not allowed" in output
    assert "ลิงก์ 'javascript:alert(1)' ใช้ไม่ได้" in output
    assert f"data/{file}, บรรทัด/line" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site").exists()


def test_no_payload_runs_in_a_real_browser(
    poisoned_builds: dict[str, tuple[Path, dict[Path, list[Path_]]]], browser: Browser
) -> None:
    """What scripts do with the text at view time (the search results above all) counts too."""
    site, _ = poisoned_builds["suffix"]
    dialogs: list[str] = []
    with serve(site) as served:
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        injected = "document.querySelectorAll('img[src=\"x\"], [onerror], [onclick], [onload]').length"
        for path in site_pages(site):
            page.goto(served.url(path))
            page.evaluate(SETTLED)
            assert page.evaluate(injected) == 0, path
        page.goto(served.url(""))
        results = search(page, "xss-script")
        assert results, "the search must find the pages that show the payload"
        assert page.evaluate(injected) == 0
        page.close()
    assert dialogs == []
