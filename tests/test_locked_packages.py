"""Every package is locked, with hashes, and the lock is what every way of running the project uses.

``requirements.in`` / ``requirements-dev.in`` name the packages we choose; ``make lock`` compiles them
into ``requirements.txt`` / ``requirements-dev.txt`` with every package they pull in (click, watchdog,
babel, Pygments …) at one version and the hashes of its files. A newer click once stopped ``make serve``
reloading without a word; with the lock, nothing changes until someone runs ``make lock``.
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from conftest import PROJECT_ROOT
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name


def _chosen(path: Path) -> dict[str, str]:
    """The ``name==version`` lines of a ``.in`` file (``-r`` / ``-c`` lines are followed elsewhere)."""
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split(" #")[0].strip()
        if not line or line.startswith(("#", "-")):
            continue
        requirement = Requirement(line)
        (specifier,) = requirement.specifier
        assert specifier.operator == "==", f"{path.name}: {line} is not pinned with =="
        pins[canonicalize_name(requirement.name)] = specifier.version
    return pins


def _locked(path: Path) -> dict[str, tuple[str, Requirement]]:
    """Each requirement of a compiled lock → (version, requirement), checking that it carries hashes."""
    text = path.read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", "\n" + text)
    locked = {}
    for entry in entries:
        entry = "\n".join(line for line in entry.splitlines() if not line.lstrip().startswith("#"))
        if not entry.strip():
            continue
        head, *hashes = [part.strip() for part in entry.replace("\\\n", "\n").splitlines() if part.strip()]
        requirement = Requirement(head)
        (specifier,) = requirement.specifier
        assert specifier.operator == "==", f"{path.name}: {head}"
        assert hashes and all(re.fullmatch(r"--hash=sha256:[0-9a-f]{64}", h) for h in hashes), head
        locked[canonicalize_name(requirement.name)] = (specifier.version, requirement)
    return locked


BUILD_LOCK = _locked(PROJECT_ROOT / "requirements.txt")
DEV_LOCK = _locked(PROJECT_ROOT / "requirements-dev.txt")


def test_the_locks_hold_what_was_chosen_at_the_chosen_versions() -> None:
    for source, lock in [("requirements.in", BUILD_LOCK), ("requirements-dev.in", DEV_LOCK)]:
        for name, version in _chosen(PROJECT_ROOT / source).items():
            assert name in lock, f"{name} of {source} is missing from its lock: run make lock"
            assert lock[name][0] == version, f"{name}: {source} says {version}, the lock {lock[name][0]}"


def test_the_locks_pin_what_the_chosen_packages_pull_in() -> None:
    # The packages that floated before the lock, and that changed behaviour without a word.
    for name in ["click", "watchdog", "babel", "pygments", "ghp-import", "pathspec", "platformdirs"]:
        assert name in BUILD_LOCK, name
    # Windows needs colorama (click uses it there): a lock made on Linux alone would leave it out.
    assert "colorama" in BUILD_LOCK


def test_tests_use_the_build_packages_at_the_build_versions() -> None:
    for name, (version, _) in BUILD_LOCK.items():
        assert DEV_LOCK.get(name, (None,))[0] == version, name


def test_this_environment_is_the_locked_one() -> None:
    """The tests ran on exactly the locked versions (a package installed by hand would show here)."""
    for name, (version, requirement) in DEV_LOCK.items():
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        assert metadata.version(name) == version, f"{name}: installed {metadata.version(name)}, locked {version}"


def test_every_way_of_running_the_project_installs_from_the_lock() -> None:
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    setup = (PROJECT_ROOT / "hooks" / "frontdoor" / "bootstrap.py").read_text(encoding="utf-8")
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    ci = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert '"pip", "install", "--quiet", "--disable-pip-version-check", "--require-hashes"' in setup
    assert "pip install" not in makefile  # only through the front door's bootstrap
    assert "pip install" not in readme  # Windows too: ita.cmd sets up through the same bootstrap
    assert "\nmake test\n" in ci
    for workflow in [".github/workflows/pages.yml", ".gitlab-ci.yml", "netlify.toml"]:
        text = (PROJECT_ROOT / workflow).read_text(encoding="utf-8")
        assert "make check" in text and "pip install" not in text, workflow
