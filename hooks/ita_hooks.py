"""MkDocs adapter for the disclosure-site engine in ``itagen``: the only module that imports MkDocs.

The engine loads ``data/`` into typed records and renders the pages; this file hands them to
MkDocs. Build state travels on the config object (``config.extra["ita"]``), never in module
globals, because ``mkdocs serve`` keeps this module loaded across rebuilds.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from itagen.errors import DataError
from itagen.loader import load_site
from itagen.pages import SiteOutput, generate_site, navigation

if TYPE_CHECKING:
    from livereload import Server
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.ita")

DATA_DIR_ENV = "ITA_DATA"


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
        loaded = load_site(data_dir)
    except DataError as error:
        raise PluginError(error.report(data_dir)) from None
    for problem in loaded.warnings:
        log.warning(problem.message(data_dir))
    site = loaded.site
    output = generate_site(site)
    config.site_name = site.agency.name
    config.nav = navigation(site, output)
    config.extra_css.extend(css for css in output.extra_css if css not in config.extra_css)
    if site.agency.logo:
        config.theme["logo"] = output.logo_path
    config.extra["ita"] = {"site": site, "output": output, "data_dir": str(data_dir)}
    return config


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
        return f"{markdown}\n\n{_output(config).home_markdown}"
    return markdown


def on_serve(server: Server, config: MkDocsConfig, builder: object) -> Server:
    # mkdocs.yml's watch list cannot name a DATA directory chosen on the command line.
    server.watch(config.extra["ita"]["data_dir"])
    return server
