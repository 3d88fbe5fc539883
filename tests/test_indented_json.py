"""The open data's JSON writer (``render/indented_json.py``) writes what ``json.dumps`` writes.

The published files must stay byte for byte what ``json.dumps(…, ensure_ascii=False, indent=2)``
made of them: the real documents of the demo and the examples, then any JSON value at all.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from conftest import DEMO_DATA, example_dirs
from hypothesis import example, given, settings
from hypothesis import strategies as st

from itagen.load.site import load_site
from itagen.render.indented_json import indented_json
from itagen.render.open_data import YEAR_SCHEMA, open_data_files, year_document


def _reference(value: Any, indent: int = 2) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent)


@pytest.mark.parametrize("data_dir", [DEMO_DATA, *example_dirs()], ids=lambda p: p.name)
def test_every_open_data_document_is_written_as_json_dumps_writes_it(data_dir: Path) -> None:
    site = load_site(data_dir).site
    for document in [*(year_document(site, year) for year in site.years), YEAR_SCHEMA]:
        assert indented_json(document, 2) == _reference(document)
    published = [f.asset for f in open_data_files(site) if f.name.endswith((".json", ".jsonld"))]
    assert len(published) > len(site.years)
    for asset in published:
        text = asset.content.decode("utf-8")
        assert text == _reference(json.loads(text)) + "\n"


_KEYS = st.text() | st.integers() | st.floats() | st.booleans() | st.none()
_LEAVES = (
    st.none() | st.booleans() | st.integers() | st.floats() | st.text() | st.sampled_from(["", '\x00\n\t"\\/', "ไทย"])
)
_JSON = st.recursive(
    _LEAVES,
    lambda inner: (
        st.lists(inner, max_size=5) | st.lists(inner, max_size=3).map(tuple) | st.dictionaries(_KEYS, inner, max_size=5)
    ),
    max_leaves=40,
)


@settings(max_examples=3000)
@given(_JSON, st.integers(min_value=0, max_value=4))
@example({"a": [], "b": {}, "c": [[]], "d": [{}]}, 2)
@example({1.5: 1, True: 2, None: 3, 7: math.inf, "x": -math.inf, "y": math.nan}, 2)
@example([-0.0, 1e300, 1e-7, 2**70, True, False], 2)
def test_any_json_value_is_written_as_json_dumps_writes_it(value: Any, indent: int) -> None:
    assert indented_json(value, indent) == _reference(value, indent)


class _Text(str):
    pass


def test_subclasses_and_values_json_cannot_write_are_treated_as_json_dumps_treats_them() -> None:
    assert indented_json({"level": _Text("ผ่าน")}, 2) == _reference({"level": _Text("ผ่าน")})
    for value in [{"when": object()}, [{1, 2}], {(1, 2): "tuple key"}]:
        with pytest.raises(TypeError) as ours:
            indented_json(value, 2)
        with pytest.raises(TypeError) as theirs:
            _reference(value)
        assert str(ours.value) == str(theirs.value)
