"""Golden files: data → Markdown, one YAML scenario per file under tests/golden/.

Each scenario holds its input (agency, site settings, fiscal years), the Markdown expected for the
pages it names, and the warnings expected from loading. To accept a deliberate change of output:
``UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden_pages.py`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from engine_support import generate_site

from itagen.load.site import load_site

GOLDEN_DIR = Path(__file__).parent / "golden"
SCENARIOS = sorted(GOLDEN_DIR.glob("*.yml"))


class _LiteralDumper(yaml.SafeDumper):
    """Writes multi-line strings as ``|`` blocks so that golden Markdown stays readable in diffs."""


def _literal_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_LiteralDumper.add_representer(str, _literal_str)


def _write_data(scenario: dict[str, Any], data_dir: Path) -> None:
    def dump(value: object, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False), encoding="utf-8")

    dump(scenario["agency"], data_dir / "agency.yml")
    if "site" in scenario:
        dump(scenario["site"], data_dir / "site.yml")
    for fiscal_year, year in scenario["years"].items():
        dump(year, data_dir / "years" / f"{fiscal_year}.yml")


@pytest.mark.parametrize("scenario_file", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_golden_markdown(scenario_file: Path, tmp_path: Path) -> None:
    scenario = yaml.safe_load(scenario_file.read_text(encoding="utf-8"))
    _write_data(scenario, tmp_path / "data")
    loaded = load_site(tmp_path / "data")
    pages = {page.path: page.markdown for page in generate_site(loaded.site).pages}
    warnings = [problem.english for problem in loaded.warnings]

    if os.environ.get("UPDATE_GOLDEN"):
        scenario["expected_pages"] = {path: pages[path] for path in scenario["expected_pages"]}
        scenario["expected_warnings"] = warnings
        scenario_file.write_text(
            yaml.dump(scenario, Dumper=_LiteralDumper, allow_unicode=True, sort_keys=False, width=1000),
            encoding="utf-8",
        )

    for path, expected in scenario["expected_pages"].items():
        assert pages.get(path) == expected, f"{scenario_file.name}: {path} differs from the golden Markdown"
    assert warnings == scenario.get("expected_warnings", [])


def test_there_are_golden_scenarios() -> None:
    assert len(SCENARIOS) >= 3
