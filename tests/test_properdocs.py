"""ProperDocs, MkDocs' maintained drop-in fork, builds the same site: the way off MkDocs 1.x stays open.

MkDocs 1.x has had no release since August 2024. Every data set the project carries is built with both
builders and compared file by file; the one allowed difference is the generator tag in each page's
head, which names the builder.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import PROJECT_ROOT, example_dirs, run_build

GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')


def _files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("data", [PROJECT_ROOT / "data", *example_dirs()], ids=lambda p: p.name)
def test_properdocs_builds_the_same_site_as_mkdocs(
    data: Path, built_site: Callable[[Path], Path], tmp_path: Path
) -> None:
    with_mkdocs = built_site(data)
    build = run_build(data, tmp_path / "site", builder="properdocs")
    assert build.returncode == 0, build.stderr
    mkdocs_files, properdocs_files = _files(with_mkdocs), _files(tmp_path / "site")
    assert sorted(mkdocs_files) == sorted(properdocs_files)
    tags = set()
    for name, content in mkdocs_files.items():
        other = properdocs_files[name]
        if content != other:
            assert GENERATOR_TAG.sub(b"", content) == GENERATOR_TAG.sub(b"", other), name
            tags.update(GENERATOR_TAG.findall(other))
    assert any(b"ProperDocs" in tag for tag in tags), "the pages should name the builder that made them"
