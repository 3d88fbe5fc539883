"""libyaml composes the data files (fast); PyYAML's composer takes what libyaml must not see. Same result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import DEMO_DATA, EXAMPLES, PROJECT_ROOT

from itagen.source import yaml_file
from itagen.source.yaml_guard import MAX_DEPTH

FILES = sorted([*DEMO_DATA.rglob("*.yml"), *EXAMPLES.rglob("*.yml"), *(PROJECT_ROOT / "hooks").rglob("ita-*.yml")])


def _shape(value: Any) -> Any:
    """Values with the lines they were read from, for comparing two parses."""
    if isinstance(value, yaml_file.YamlMap):
        return ("map", value.line, sorted(value.key_lines.items()), [(k, _shape(v)) for k, v in value.items()])
    if isinstance(value, yaml_file.YamlList):
        return ("list", value.line, value.item_lines, [_shape(v) for v in value])
    return value


def test_libyaml_is_there_to_be_used() -> None:
    assert yaml.__with_libyaml__, "PyYAML without libyaml parses several times slower"


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PROJECT_ROOT)))
def test_both_composers_read_every_data_file_alike(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_text(encoding="utf-8-sig")
    fast = yaml_file._parse(text)
    assert yaml_file._compose_fast(text) is not None, "a plain data file goes to libyaml"
    monkeypatch.setattr(yaml, "__with_libyaml__", False)
    slow = yaml_file._parse(text)
    assert (_shape(fast[0]), fast[1]) == (_shape(slow[0]), slow[1])


@pytest.mark.parametrize(
    "text", ["[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "a:\n" + "".join(" " * (i + 1) + "b:\n" for i in range(60))]
)
def test_deep_nesting_never_reaches_libyaml(text: str) -> None:
    assert yaml_file._compose_fast(text) is None
