"""``load_site`` pauses Python's cycle collector while it loads (``load/site.py``). That is sound
only if loading makes no reference cycles, which would stay in memory until the collector ran
again; and the collector must run again afterwards, whether the load succeeded or not."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from conftest import DEMO_DATA, example_dirs

from itagen.load.site import load_site
from itagen.problems import DataError


@pytest.mark.parametrize("data_dir", [DEMO_DATA, *example_dirs()], ids=lambda p: p.name)
def test_loading_makes_no_reference_cycles(data_dir: Path) -> None:
    gc.collect()
    gc.disable()
    try:
        loaded = load_site(data_dir)
        assert not gc.isenabled(), "a collector that was off stays off"
        found = gc.collect()
    finally:
        gc.enable()
    assert loaded.site.years
    assert found == 0, "objects in reference cycles were left behind by the load"


def test_the_collector_runs_again_after_a_load_that_fails(tmp_path: Path) -> None:
    assert gc.isenabled()
    with pytest.raises(DataError):
        load_site(tmp_path)  # no agency.yml
    assert gc.isenabled()
    load_site(DEMO_DATA)
    assert gc.isenabled()
