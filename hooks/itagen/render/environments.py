"""The two Jinja environments that turn records into page text.

``markdown_env`` renders the generated Markdown pages. Its ``finalize`` escapes every value that
is printed, so a template cannot forget: plain text shows literally, MarkdownText renders its
Markdown but not its HTML, and only ``Markup`` built by our own code passes unchanged.
``html_env`` renders HTML fragments (the chart) with Jinja's own autoescaping.

Both keep the templates they compile in ``.cache/templates/`` beside mkdocs.yml for the next build
(``_compiled_templates_cache``).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import shutil
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from ..records.fiscal_year import INDICATOR_NAMES, STATUS_NAMES, TOOL_NAMES, Period
from ..records.site import Site
from ..thai.dates import (
    Digits,
    ThaiDate,
    format_number,
    format_range,
    format_score,
    format_whole_fiscal_year,
    to_arabic_digits,
    with_digits,
)
from .escaping import to_markdown
from .print_document import css_string

TEMPLATE_DIR = Path(__file__).resolve().parents[3] / "overrides" / "ita"
TEMPLATE_CACHE_DIR = TEMPLATE_DIR.parents[1] / ".cache" / "templates"
"""Compiled templates, one folder per environment and everything its compiled code depends on;
ignored by git and removed by ``make clean``."""
ENGINE_DIR = Path(__file__).resolve().parents[1]
LINE_ADD_FRIEND = "https://line.me/R/ti/p/"


def _formatters(digits: Digits) -> dict[str, Any]:
    """Filters that print numbers and dates in the site's digits; their output is trusted Markup.
    Jinja runs them on constants while compiling: ``digits`` is part of the compiled templates' key."""

    def score(value: float | None) -> Markup:
        return Markup("–" if value is None else format_score(value, digits))

    def signed(value: float) -> Markup:
        sign = "+" if value > 0 else "−" if value < 0 else "±"
        return Markup(sign + format_score(abs(value), digits))

    def number(value: int) -> Markup:
        return Markup(format_number(value, digits))

    def date(value: ThaiDate, abbreviated: bool = False) -> Markup:
        return Markup(unbroken(value.format(digits, abbreviated=abbreviated)))

    def period(value: Period, fiscal_year: int) -> Markup:
        if value.whole_fiscal_year or value.start is None:
            return Markup(unbroken(format_whole_fiscal_year(fiscal_year, digits)))
        if value.end is None or value.end == value.start:
            return Markup(unbroken(value.start.format(digits, abbreviated=False)))
        start, end = format_range(value.start, value.end, digits).split(" – ")
        return Markup(f"{unbroken(start)}{NBSP}– {unbroken(end)}")

    def in_digits(value: str) -> str:
        """A text with numbers in it (รอบ 6 เดือน) in the site's digits; still escaped when printed."""
        return with_digits(str(value), digits)

    return {
        "score": score,
        "signed": signed,
        "number": number,
        "date": date,
        "period": period,
        "url": _url,
        "in_digits": in_digits,
    }


_URL_SAFE = ":/?#[]@!$&'*+,;=%~-._"


def _url(value: object) -> Markup:
    """A link destination for Markdown: percent-encode what would end or break ``[text](url)``."""
    return Markup(quote(str(value), safe=_URL_SAFE).replace("(", "%28").replace(")", "%29"))


NBSP = "\u00a0"
"""A space no line breaks at: ``พ.ศ. ๒๕๖๘`` or ``15 สิงหาคม 2568`` split over two lines reads wrong."""


def unbroken(text: str) -> str:
    return text.replace(" ", NBSP)


def tel_url(number: str) -> str:
    """``tel:`` link of a number written ``๐๔๒-๑๑๒-๓๔๕`` or ``043-000-000 ต่อ 12``: Arabic digits only,
    and only the number before any extension (no phone dials Thai digits or the word ต่อ)."""
    main = to_arabic_digits(number.removeprefix("tel:")).split("ต่อ")[0].strip()
    country = "+" if main.startswith("+") else ""
    return "tel:" + country + "".join(c for c in main if c in "0123456789")


def link_text(url: str) -> str:
    """What a contact link shows: the number or address, never ``tel:`` or ``mailto:`` in front."""
    return url.removeprefix("tel:").removeprefix("mailto:")


def link_target(url: str) -> str:
    """Where a contact link goes: a ``tel:`` link dialable, anything else as it is."""
    return tel_url(url) if url.startswith("tel:") else url


def line_url(line_oa: str) -> str:
    """The add-friend link of a LINE Official Account id such as ``@bansathit``."""
    return LINE_ADD_FRIEND + quote(line_oa.strip(), safe="")


def _join(values: object, separator: str = ", ") -> Markup:
    """Jinja's join escapes only HTML; ours escapes every item for Markdown, as finalize would."""
    items = values if isinstance(values, list | tuple) else [values]
    return Markup(separator.join(str(to_markdown(item)) for item in items))


def _indent(value: object, width: int = 4) -> Markup:
    """Indent the continuation lines of an escaped value so it stays inside a list item."""
    text = str(to_markdown(value))
    return Markup(text.replace("\n", "\n" + " " * width))


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Jinja's bytecode cache, that never fails a build: a folder that cannot be written, or a file
    that cannot be read (damaged, or from another Python), only means compiling the template again."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # whatever is wrong with the file, compiling from the source is right
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):  # Jinja writes a temporary file and renames it: never half a file
            super().dump_bytecode(bucket)


def _compiled_templates_cache(environment: str, digits: Digits) -> jinja2.BytecodeCache | None:
    """Where ``environment`` keeps the templates it compiles, for the next build: parsing and
    compiling the engine's templates is a third of the engine's time on a small site, loading them
    a few milliseconds.

    Jinja takes compiled code only for the same template source, but that code also holds what Jinja
    worked out while compiling: it runs filters and ``finalize`` on constants, so ``{{ 100|number }}``
    is compiled to ๑๐๐ or to 100. The folder is therefore named by everything else the code depends
    on: the engine's code, the site's ``digits`` (all that the filters read of the site: a filter that
    reads more must add it here) and the versions of Jinja, MarkupSafe and Python. Same inputs, same
    code, same pages. ``None`` (compile every time) where the folder cannot be made."""
    code = _code_key()
    folder = TEMPLATE_CACHE_DIR / f"{environment}-{digits}-{code}"
    try:
        folder.mkdir(parents=True)
    except FileExistsError:
        pass
    except OSError:  # a read-only checkout builds all the same, compiling as it goes
        return None
    else:
        _remove_folders_of_other_code(code)
    return _CompiledTemplates(str(folder))


def _code_key() -> str:
    return hashlib.sha256(json.dumps(_code_versions(), sort_keys=True).encode()).hexdigest()[:16]


def _remove_folders_of_other_code(code: str) -> None:
    """When this code makes a folder, those of other code (an older engine, Jinja or Python) are
    removed: they would never be read again, and the cache should hold one version's templates (about
    0.1 MB for each environment and digits) however often the engine is updated."""
    with contextlib.suppress(OSError):
        for folder in TEMPLATE_CACHE_DIR.iterdir():
            if not folder.name.endswith(f"-{code}") and folder.is_dir() and not folder.is_symlink():
                shutil.rmtree(folder, ignore_errors=True)


@functools.cache
def _code_versions() -> dict[str, str]:
    """The code every compiled template depends on: read once per process, which imports its code once."""
    engine = hashlib.sha256()
    for path in sorted(ENGINE_DIR.rglob("*.py")):
        engine.update(f"{path.relative_to(ENGINE_DIR).as_posix()}\0".encode() + path.read_bytes())
    return {
        "engine": engine.hexdigest(),
        "jinja2": jinja2.__version__,
        "markupsafe": version("markupsafe"),
        "python": sys.version,
    }


def markdown_env(site: Site) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        bytecode_cache=_compiled_templates_cache("markdown", site.digits),
        # finalize escapes every printed value for Markdown; autoescape only makes macros and
        # filters return Markup, so that their (already escaped) output is not escaped twice.
        autoescape=True,
        finalize=to_markdown,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # "{#id}" is Markdown's heading-anchor syntax, so Jinja comments use "{## … ##}".
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.filters.update(_formatters(site.digits))
    env.filters["indent_item"] = _indent
    env.filters["join"] = _join
    env.filters["tel"] = tel_url
    env.filters["link_text"] = link_text
    env.filters["link_target"] = link_target
    env.filters["as_markdown"] = Markup  # a part of the print document: Markdown this engine rendered, already escaped
    env.globals["css"] = lambda text: Markup(css_string(text))  # escaped for CSS, nothing left to escape
    env.tests["multiline"] = lambda value: "\n" in str(value)
    env.globals["site"] = site
    env.globals["agency"] = site.agency
    env.globals["indicator_names"] = INDICATOR_NAMES
    env.globals["tool_names"] = TOOL_NAMES
    env.globals["status_names"] = STATUS_NAMES
    env.globals["nbsp"] = Markup(NBSP)
    return env


def html_env(site: Site) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        bytecode_cache=_compiled_templates_cache("html", site.digits),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(_formatters(site.digits))
    return env
