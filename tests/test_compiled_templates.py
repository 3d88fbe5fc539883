"""Templates compiled by one build and loaded by the next give the same pages as templates compiled afresh.

``render/environments.py`` keeps the compiled templates in ``.cache/templates/``. These tests point
it at a folder of their own, render sites with a cold cache, a warm one, one shared by sites that
write their digits differently, an unusable one and a damaged one, and compare every page and
file with a render that compiles everything.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import jinja2
import pytest
from conftest import DEMO_DATA, EXAMPLES

from itagen.load.site import load_site
from itagen.plan.site_plan import plan_site
from itagen.render import environments
from itagen.render.site import render_site
from itagen.thai.dates import Digits

THAI_DIGITS = EXAMPLES / "thetsaban-rae"
"""An example written in Thai digits, with a score chart; the demo writes Arabic ones."""

Rendered = dict[str, str | bytes]


def render(data_dir: Path) -> Rendered:
    """Every page's Markdown and every file's content, by path."""
    site = load_site(data_dir).site
    output = render_site(site, plan_site(site))
    return {page.path: page.markdown for page in output.pages} | {asset.path: asset.content for asset in output.assets}


@pytest.fixture
def compilations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates Jinja compiles from their source from now on."""
    compiled: list[str] = []
    compile_source = jinja2.Environment.compile

    def counted(env: jinja2.Environment, source: str, name: str | None = None, *args: object) -> object:
        compiled.append(name or "")
        return compile_source(env, source, name, *args)  # type: ignore[call-overload]

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    return compiled


@pytest.fixture
def without_cache(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], Rendered]:
    """``render`` with every template compiled from its source, as before the cache."""

    def rendered(data_dir: Path) -> Rendered:
        with monkeypatch.context() as patch:
            patch.setattr(environments, "_compiled_templates_cache", lambda environment, digits: None)
            return render(data_dir)

    return rendered


def test_a_warm_cache_loads_every_template_and_changes_no_page(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, compilations: list[str], without_cache: Callable[[Path], Rendered]
) -> None:
    expected = without_cache(DEMO_DATA)
    monkeypatch.setattr(environments, "TEMPLATE_CACHE_DIR", tmp_path / "templates")
    compilations.clear()
    assert render(DEMO_DATA) == expected  # cold: compiles and keeps
    assert "year-measures.md.j2" in compilations and "indicator-chart.svg.j2" in compilations
    assert len(list((tmp_path / "templates").rglob("*.cache"))) == len(set(compilations))
    compilations.clear()
    assert render(DEMO_DATA) == expected  # warm: loads
    assert compilations == []


def test_sites_with_other_digits_never_share_compiled_code(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, without_cache: Callable[[Path], Rendered]
) -> None:
    """The chart prints ``{{ 100|number }}``, which Jinja computes while compiling: ๑๐๐ or 100."""
    expected = {data_dir: without_cache(data_dir) for data_dir in (THAI_DIGITS, DEMO_DATA)}
    for data_dir, full_score in ((THAI_DIGITS, "(เต็ม ๑๐๐)"), (DEMO_DATA, "(เต็ม 100)")):
        assert any(full_score in str(content) for content in expected[data_dir].values()), data_dir
    monkeypatch.setattr(environments, "TEMPLATE_CACHE_DIR", tmp_path / "templates")
    for _ in range(2):
        for data_dir in (THAI_DIGITS, DEMO_DATA):
            assert render(data_dir) == expected[data_dir], data_dir


def test_a_cache_folder_that_cannot_be_made_compiles_every_time(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, compilations: list[str], without_cache: Callable[[Path], Rendered]
) -> None:
    expected = without_cache(DEMO_DATA)
    (tmp_path / "not-a-folder").write_text("a file where the cache folder would go")
    monkeypatch.setattr(environments, "TEMPLATE_CACHE_DIR", tmp_path / "not-a-folder" / "templates")
    for _ in range(2):
        compilations.clear()
        assert render(DEMO_DATA) == expected
        assert "year-measures.md.j2" in compilations


def test_a_cache_folder_removed_during_the_build_costs_nothing_but_compiling(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, without_cache: Callable[[Path], Rendered]
) -> None:
    """``make clean`` in another terminal: the compiled templates have nowhere to go, the pages are right."""
    expected = without_cache(DEMO_DATA)
    monkeypatch.setattr(environments, "TEMPLATE_CACHE_DIR", tmp_path / "templates")
    made_cache = environments._compiled_templates_cache

    def cache_whose_folder_goes(environment: str, digits: Digits) -> jinja2.BytecodeCache | None:
        cache = made_cache(environment, digits)
        shutil.rmtree(tmp_path / "templates", ignore_errors=True)
        return cache

    monkeypatch.setattr(environments, "_compiled_templates_cache", cache_whose_folder_goes)
    assert render(DEMO_DATA) == expected
    assert not (tmp_path / "templates").exists()


@pytest.mark.parametrize("damage", ["empty", "truncated", "garbage after the header"])
def test_damaged_cache_files_are_compiled_again(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    compilations: list[str],
    without_cache: Callable[[Path], Rendered],
    damage: str,
) -> None:
    expected = without_cache(DEMO_DATA)
    monkeypatch.setattr(environments, "TEMPLATE_CACHE_DIR", tmp_path / "templates")
    render(DEMO_DATA)
    files = sorted((tmp_path / "templates").rglob("*.cache"))
    for file in files:
        content = file.read_bytes()
        damaged = {
            "empty": b"",
            "truncated": content[: len(content) // 2],
            "garbage after the header": content[: len(jinja2.bccache.bc_magic)] + b"\x80\x05garbage" * 8,
        }
        file.write_bytes(damaged[damage])
    compilations.clear()
    assert render(DEMO_DATA) == expected
    assert len(compilations) == len(files)  # every damaged file compiled again …
    compilations.clear()
    assert render(DEMO_DATA) == expected
    assert compilations == []  # … and written anew


def test_templates_compiled_by_other_code_are_removed_and_this_codes_kept(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An updated engine makes new folders; the old ones would never be read again."""
    cache = tmp_path / "templates"
    monkeypatch.setattr(environments, "TEMPLATE_CACHE_DIR", cache)
    older = [cache / "markdown-arabic-0123456789abcdef", cache / "html-thai-0123456789abcdef"]
    for folder in older:
        folder.mkdir(parents=True)
        (folder / "__jinja2_x.cache").write_bytes(b"compiled by an older engine")
    render(THAI_DIGITS)
    kept = sorted(p.name for p in cache.iterdir())
    assert not any(folder.exists() for folder in older)
    assert len(kept) == 2 and all(name.split("-")[1] == "thai" for name in kept)
    render(DEMO_DATA)  # the other digits, the same code: both kept
    assert len(list(cache.iterdir())) == 4 and set(kept) <= {p.name for p in cache.iterdir()}
