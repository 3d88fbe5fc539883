"""The quick way from libyaml's events to values (``source/yaml_tree.py``) reads every file as the
long way through PyYAML's composer and constructor does, or leaves it to the long way.

Both are compared through ``yaml_file._parse``, with and without the quick way: same values, same
types, same lines, and for a file the quick way leaves alone, the same error.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import DEMO_DATA, EXAMPLES, PROJECT_ROOT
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from itagen.source import yaml_file
from itagen.source.yaml_tree import YamlList, YamlMap, build_plain_tree

FILES = sorted([*DEMO_DATA.rglob("*.yml"), *EXAMPLES.rglob("*.yml"), *(PROJECT_ROOT / "hooks").rglob("ita-*.yml")])


def _shape(value: Any) -> Any:
    """A value with its type and the lines it was read from, comparable (NaN included)."""
    if isinstance(value, YamlMap):
        return ("map", value.line, list(value.key_lines.items()), [(k, _shape(v)) for k, v in value.items()])
    if isinstance(value, YamlList):
        return ("list", value.line, value.item_lines, [_shape(v) for v in value])
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    return (type(value).__name__, value)


def _outcome(parse: Callable[[str], tuple[Any, int | None]], text: str) -> Any:
    try:
        value, line = parse(text)
    except Exception as error:  # the long way's refusals and syntax errors: compared by kind and words
        return ("error", type(error).__name__, str(error))
    return (_shape(value), line)


def _long_way(text: str) -> tuple[Any, int | None]:
    """``_parse`` as it was before the quick way: libyaml's composer, or PyYAML's, then its constructor."""
    quick = yaml_file._build_fast
    yaml_file._build_fast = lambda _text: None
    try:
        return yaml_file._parse(text)
    finally:
        yaml_file._build_fast = quick


def _same_either_way(text: str) -> None:
    assert _outcome(yaml_file._parse, text) == _outcome(_long_way, text)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PROJECT_ROOT)))
def test_every_data_file_is_read_the_quick_way_and_alike(path: Path) -> None:
    text = path.read_text(encoding="utf-8-sig")
    assert build_plain_tree(text) is not None, "a plainly written data file takes the quick way"
    _same_either_way(text)


_WORDS = st.text(alphabet="abcxyzABC ก่าี้ไทย๑๒0123456789_.:-+#'\"&*!<>=~|%@`?,[]{}eEoObBxX\\\t", max_size=12)
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True)
    | _WORDS
    | st.sampled_from(
        [
            "yes",
            "Off",
            "~",
            "null",
            "",
            "08:30",
            "021234567",
            "0x1F",
            "0o17",
            "0b101",
            "1_000",
            "1__0",
            "1_",
            "+12",
            "-0",
            "1.5e+3",
            ".inf",
            "-.INF",
            ".NaN",
            "85.27",
            "2568-08-15",
            "2025-06-31 10:00:00",
            "<<",
            "=",
            "ระดับ ผ่าน",
        ]
    )
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_SCALARS, inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow])
@given(
    _VALUES,
    st.sampled_from([None, '"', "'", "|", ">"]),
    st.sampled_from([False, True, None]),
    st.integers(min_value=2, max_value=6),
)
def test_values_written_out_by_pyyaml_read_alike(value: Any, style: str | None, flow: bool | None, indent: int) -> None:
    try:
        text = yaml.dump(value, allow_unicode=True, default_style=style, default_flow_style=flow, indent=indent)
    except (yaml.YAMLError, TypeError, ValueError):  # keys PyYAML cannot write in this style
        return
    _same_either_way(text)
    # Without PyYAML's explicit tags (!!int, !!python/…), the scalars are typed by their text.
    _same_either_way(text.replace("!!", "x"))


_PIECES = [
    "key: ",
    "ชื่อ: ",
    "- ",
    "  ",
    "    ",
    "\n",
    "\n",
    "\n",
    "&a ",
    "*a",
    "!!str ",
    "!tag ",
    "! ",
    ">\n",
    ">-\n",
    "|\n",
    "'",
    '"',
    "[",
    "]",
    "{",
    "}",
    ", ",
    "1_000",
    "0x1F",
    "08:30",
    "2568-08-15",
    ".inf",
    "yes",
    "~",
    "<<: ",
    "= ",
    "ภาษาไทย",
    "ภาษา",
    "# note",
    "---\n",
    "...\n",
    "? ",
    "85.27",
    "key: ",
    "\t",
    "%YAML 1.1\n",
]


@settings(max_examples=3000, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
@example("a: 1\na: 2\n")
@example("a:\n  b: [1, 2]\n  b: x\n")
@example("- &x [1]\n- *x\n")
@example("a: >\n  ภาษา\n  ไทย\n\n  English\n  words\nb: 2\n")
@example("one\n---\ntwo\n")
@example("--- |\n  ข้อความ\n")
@example("? [a]\n: b\n")
@example("<<: {a: 1}\n")
@example("")
@example("# only a note\n")
def test_typed_fragments_read_alike_or_go_the_long_way(text: str) -> None:
    _same_either_way(text)


def test_what_the_quick_way_leaves_to_the_long_way() -> None:
    for text in [
        "- &x 1\n- *x\n",
        "a: !!str 1\n",
        "a: 1\na: 2\n",
        "<<: {a: 1}\n",
        "? [a]\n: b\n",
        "a\n---\nb\n",
        "a: [\n",
    ]:
        assert build_plain_tree(text) is None, text
    assert build_plain_tree("# nothing\n") == (None, None)
