"""MkDocs adapter for the disclosure-site engine in ``itagen``: the only module that imports MkDocs.

The engine loads ``data/`` into a validated ``Site``, plans its pages and renders them; this file
hands them to MkDocs. Build state travels on the config object (``config.extra["ita"]``), never in
module globals, because ``mkdocs serve`` keeps this module loaded across rebuilds.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from markupsafe import escape
from material.plugins.search.plugin import SearchIndex  # type: ignore[import-untyped]
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from itagen.load.reuse import LoadMemo
from itagen.load.site import LoadResult, cycle_collector_paused, load_site
from itagen.plan.navigation import navigation
from itagen.plan.site_plan import SitePlan, plan_site
from itagen.problems import DataError, internal_error
from itagen.publish.build_date import SOURCE_DATE_EPOCH, source_date_epoch
from itagen.publish.content_policy import inline_script_hashes, with_policy
from itagen.publish.host_files import host_files
from itagen.publish.page_digits import with_thai_digits
from itagen.publish.page_weight import collapse_whitespace
from itagen.publish.search_sections import split_sections
from itagen.publish.search_shards import index_stub, write_search_shards
from itagen.records.surveys import today_in_thailand
from itagen.render.environments import TEMPLATE_DIR
from itagen.render.evidence import oit_strict_message
from itagen.render.reuse import RenderMemo
from itagen.render.site import SiteOutput, render_site
from itagen.render.table_captions import TableCaptionExtension
from itagen.source.fingerprint import fingerprint
from itagen.thai.slugs import thai_slugify

if TYPE_CHECKING:
    from livereload import Server
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from itagen.records.site import Site

log = logging.getLogger("mkdocs.plugins.ita")

DATA_DIR_ENV = "ITA_DATA"
EPOCH_FROM_DATA_ENV = "ITA_SOURCE_DATE_EPOCH_FROM_DATA"
OIT_STRICT_ENV = "ITA_OIT_STRICT"
"""Set to 1 (``make check``, ``build_site.py --oit-strict``) to fail when an OIT item has no evidence."""


def _data_dir(config: MkDocsConfig) -> Path:
    """``ITA_DATA`` if set (``make site DATA=…``), else ``data/`` beside mkdocs.yml."""
    base = Path(config.config_file_path).parent
    return (base / os.environ.get(DATA_DIR_ENV, "data")).resolve()


def _output(config: MkDocsConfig) -> SiteOutput:
    output: SiteOutput = config.extra["ita"]["output"]
    return output


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    data_dir = _data_dir(config)
    try:
        with _collector_set_aside():
            loaded, plan, output = _engine(data_dir)
    except DataError as error:
        raise PluginError(error.report(data_dir)) from None
    except Exception as error:  # a bug of ours, not the webmaster's: still no traceback on their screen
        log.debug("ita: internal error", exc_info=True)
        raise PluginError(internal_error(error, data_dir)) from None
    for problem in loaded.warnings:
        log.warning(problem.message(data_dir))
    site = loaded.site
    _report_oit(output)
    if site.settings.site_url:
        config.site_url = site.settings.site_url.rstrip("/") + "/"
    # Material prints site_name both raw and through |e; escaped Markup is right in both places.
    config.site_name = escape(site.agency.name)
    config.nav = navigation(site, plan)
    config.extra_css.extend(css for css in output.extra_css if css not in config.extra_css)
    config.mdx_configs.setdefault("toc", {})["slugify"] = thai_slugify
    config.markdown_extensions.append(TableCaptionExtension())  # type: ignore[arg-type]  # MkDocs passes it on to Markdown
    if site.agency.logo:
        config.theme["logo"] = output.logo_path
        config.theme["favicon"] = output.logo_path
    config.extra["ita_feed"] = output.theme_links.get("feed")
    config.extra["ita_contact"] = output.theme_links.get("contact")
    _date_the_build(site)
    config.extra["ita"] = {
        "output": output,
        "data_dir": str(data_dir),
        "digits": site.digits,
        "script_hashes": set(),
    }
    search = config.plugins.get("material/search")
    if search is not None and search.config.enabled:  # plugins come before hooks: its own index is made
        search.search_index = _ShardedSearchIndex(**search.config)
    return config


@contextlib.contextmanager
def _collector_set_aside() -> Iterator[None]:
    """In a one-shot build, what exists before the engine runs (MkDocs' and the engine's modules, the
    config) and what the engine keeps (the loaded site, its rendered pages) all live to the end of the
    process, so Python's cycle collector is told to stop walking them (``gc.freeze``). Left to it, the
    engine's objects alone push it into full passes over the whole heap while MkDocs builds: one at
    the demo's size, about 20 ms, more on larger sites, each finding nothing of ours. The engine runs
    with the collector paused (it makes no reference cycles but its template environments,
    ``tests/test_load_cycles.py``); one collection afterwards walks only what the engine made and
    frees those. Not under ``mkdocs serve``, where each rebuild leaves the last one's pages behind
    as garbage that only the collector can free. ``tests/test_collector_set_aside.py``."""
    if _PROCESS["command"] == "serve":
        yield
        return
    gc.freeze()
    try:
        with cycle_collector_paused():
            yield
    finally:
        gc.collect()
        gc.freeze()


class _ShardedSearchIndex(SearchIndex):  # type: ignore[misc]  # Material has no type hints
    """Material's search index, given to its plugin in place of its own (which the theme needs in the
    config, enabled, to show the search box). Pages are cut into entries by
    ``publish/search_sections.py`` (Material's parser only where that cannot tell), several times faster
    on a large site; ``search_index.json`` keeps only the configuration, and ``on_post_build`` writes
    the entries as the pieces the search worker fetches (``publish/search_shards.py``)."""

    def __init__(self, **config: Any) -> None:
        super().__init__(**config)
        self._toc: object = None
        self._toc_items: dict[str | None, Any] = {}

    def add_entry_from_context(self, page: Page) -> None:
        if (page.meta.get("search") or {}).get("exclude"):
            return
        sections = split_sections(page.content or "")
        if sections is None:
            super().add_entry_from_context(page)
            return
        for section in sections:
            self.create_entry_for_section(section, page.toc, page.url, page)

    def _find_toc_by_id(self, toc: list[Any], id: str | None) -> Any:  # Material's names
        """Material searches the table of contents for every section; here it is indexed once per page."""
        if self._toc is not toc:
            items: dict[str | None, Any] = {}
            pending = list(toc)[::-1]
            while pending:  # depth first, the first item of an id kept, as Material finds them
                item = pending.pop()
                items.setdefault(item.id, item)
                pending.extend(reversed(item.children))
            self._toc, self._toc_items = toc, items
        return self._toc_items.get(id)

    def generate_search_index(self, prev: SearchIndex | None) -> str:
        if prev is not None:  # ``mkdocs serve --dirty`` rebuilt some pages: Material merges the rest in
            super().generate_search_index(prev)
        return index_stub({key: self.config[key] for key in ("lang", "separator", "pipeline", "fields")})


class _ServeMemo:
    """What ``mkdocs serve`` keeps between its builds, so that an edit costs what it changed: the
    last result with the inputs it was made from (a rebuild with nothing changed only hashes the
    files), parsed and validated year files, and a year's rendered pages (``load/reuse.py``,
    ``render/reuse.py``). Every entry is keyed by the SHA-256 of the bytes it was made from."""

    def __init__(self) -> None:
        self.load = LoadMemo()
        self.render = RenderMemo()
        self.inputs: dict[str, str] = {}
        self.last: tuple[LoadResult, SitePlan, SiteOutput] | None = None
        self.engine_runs = 0
        """Builds that ran the engine (the others reused the last result): for the tests."""


_SERVE_MEMO = _ServeMemo()


def _engine(data_dir: Path) -> tuple[LoadResult, SitePlan, SiteOutput]:
    """Load, plan and render; under ``mkdocs serve``, reusing what the last build made from the same bytes."""
    if _PROCESS["command"] != "serve":
        loaded = load_site(data_dir)
        plan = plan_site(loaded.site)
        return loaded, plan, render_site(loaded.site, plan)
    memo = _SERVE_MEMO
    inputs = {
        **fingerprint(data_dir),
        **fingerprint(TEMPLATE_DIR, prefix="templates/"),
        "data folder": str(data_dir),
        "today": today_in_thailand().isoformat(),
    }
    if memo.last is not None and inputs == memo.inputs:
        return memo.last
    memo.engine_runs += 1
    loaded = load_site(data_dir, memo.load)
    plan = plan_site(loaded.site)
    memo.render.start_build(loaded.site, inputs)
    memo.last = (loaded, plan, render_site(loaded.site, plan, memo.render))
    memo.inputs = inputs
    return memo.last


def _date_the_build(site: Site) -> None:
    """The sitemap's dates follow the data, not the clock: ``SOURCE_DATE_EPOCH``, unless the user set one.

    MkDocs reads it from the environment; a mark beside it tells our own value (from an earlier
    build of ``mkdocs serve``, in this same process) from the user's.
    """
    if SOURCE_DATE_EPOCH in os.environ and os.environ.get(EPOCH_FROM_DATA_ENV) != os.environ[SOURCE_DATE_EPOCH]:
        return
    epoch = source_date_epoch(site)
    if epoch is None:
        os.environ.pop(SOURCE_DATE_EPOCH, None)
        os.environ.pop(EPOCH_FROM_DATA_ENV, None)
    else:
        os.environ[SOURCE_DATE_EPOCH] = os.environ[EPOCH_FROM_DATA_ENV] = epoch


def _report_oit(output: SiteOutput) -> None:
    """OIT coverage at INFO, so that an incomplete checklist never blocks publishing; ITA_OIT_STRICT=1 fails on it."""
    for coverage in output.coverages:
        for line in coverage.summary():
            log.info(line)
    failure = oit_strict_message(output.coverages)
    if failure and os.environ.get(OIT_STRICT_ENV) == "1":
        raise PluginError(failure)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # overrides/ita holds the engine's page templates; MkDocs would publish them as theme files.
    for template in [f for f in files if f.src_uri.endswith(".j2")]:
        files.remove(template)
    output = _output(config)
    for page in output.pages:
        files.append(File.generated(config, page.path, content=page.markdown))
    for asset in output.assets:
        files.append(File.generated(config, asset.path, content=asset.content))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri == "index.md":
        return _output(config).home_page(markdown)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The pages written by hand (``docs/``) in the site's digits, as the engine writes its own."""
    if config.extra["ita"]["digits"] != "thai" or page.file.generated_by is not None:
        return html
    if page.title:
        page.title = with_thai_digits(page.title)
    links = list(page.toc)
    while links:
        link = links.pop()
        link.title = with_thai_digits(link.title)
        links += link.children
    return with_thai_digits(html)


_PROCESS = {"command": "build"}
"""Which MkDocs command runs this process: the one thing a hook file keeps across builds (MkDocs
calls ``on_startup`` once per process, before any build)."""


def on_startup(command: str, dirty: bool) -> None:
    _PROCESS["command"] = command


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _with_policy(output, config)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return _with_policy(output_content, config) if template_name.endswith(".html") else output_content


def _with_policy(html: str, config: MkDocsConfig) -> str:
    """Every page carries the Content-Security-Policy of its own inline scripts; the site's host
    files get the union (``on_post_build``). Its whitespace is collapsed first (``page_weight``). Not in the preview of ``mkdocs serve``, whose live-reload
    script is added inline after this hook, with a new value each time: the policy would stop it."""
    if _PROCESS["command"] == "serve":
        return html
    html = collapse_whitespace(html)
    script_hashes = inline_script_hashes(html)
    config.extra["ita"]["script_hashes"] |= script_hashes
    return with_policy(html, script_hashes)


def on_post_build(config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    search = config.plugins.get("material/search")
    index = getattr(search, "search_index", None)
    if isinstance(index, _ShardedSearchIndex):
        write_search_shards(site_dir / "search", index.entries)
    # The 404 page is named by its path on the host: a site published in a folder has it there.
    site_path = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
    for name, content in host_files(config.extra["ita"]["script_hashes"], site_path).items():
        (site_dir / name).write_text(content, encoding="utf-8")


def on_serve(server: Server, config: MkDocsConfig, builder: object) -> Server:
    # mkdocs.yml's watch list cannot name a DATA directory chosen on the command line.
    server.watch(config.extra["ita"]["data_dir"])
    return server
