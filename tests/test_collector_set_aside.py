"""A one-shot build sets the engine's objects aside from Python's cycle collector (``ita_hooks``).

What exists before the engine runs and what it keeps are frozen (``gc.freeze``), so that MkDocs'
collections while it builds do not walk them; the engine's own garbage in cycles (its template
environments) is freed first, or it would stay in memory to the end. ``mkdocs serve`` is left alone:
there each rebuild's leftovers need the collector. The build's speed is the benchmark's business
(``tests/bench/build_speed.py``); these tests hold the three facts it rests on.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import ita_hooks
import jinja2
import pytest
from conftest import DEMO_DATA


@pytest.fixture
def collector() -> Iterator[None]:
    """The test process's collector as it was: nothing left frozen, collections on."""
    gc.collect()
    assert gc.get_freeze_count() == 0
    try:
        yield
    finally:
        gc.unfreeze()
        gc.enable()


def _walked_by_the_collector(target: object) -> bool:
    return any(o is target for o in gc.get_objects())


def _template_environments() -> int:
    return sum(isinstance(o, jinja2.Environment) for o in gc.get_objects())


def test_a_build_freezes_what_the_engine_keeps_and_frees_what_it_drops(
    collector: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(ita_hooks._PROCESS, "command", "build")
    environments = _template_environments()
    with ita_hooks._collector_set_aside():
        assert not gc.isenabled(), "the engine runs with the collector paused"
        loaded, _, output = ita_hooks._engine(DEMO_DATA)
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0
    assert not _walked_by_the_collector(output) and not _walked_by_the_collector(loaded.site)
    gc.unfreeze()
    assert _template_environments() == environments, "the engine's template environments were left as garbage"


def test_the_collector_comes_back_when_the_data_is_wrong(
    collector: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(ita_hooks._PROCESS, "command", "build")
    with pytest.raises(ita_hooks.DataError), ita_hooks._collector_set_aside():
        ita_hooks._engine(tmp_path)  # an empty folder: no agency.yml
    assert gc.isenabled()


def test_the_preview_leaves_the_collector_alone(collector: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(ita_hooks._PROCESS, "command", "serve")
    monkeypatch.setattr(ita_hooks, "_SERVE_MEMO", ita_hooks._ServeMemo())
    with ita_hooks._collector_set_aside():
        assert gc.isenabled()
        _, _, output = ita_hooks._engine(DEMO_DATA)
    assert gc.get_freeze_count() == 0
    assert _walked_by_the_collector(output)
