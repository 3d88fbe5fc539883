"""The editors' JSON Schemas (schemas/, ``make schemas``) agree with the validator.

Checked with check-jsonschema, which reads YAML 1.2 as editors do: every data file of the demo, the
examples and the bad-data fixture is valid; every bad-data case that the validator refuses for a
wrong key or type is invalid too. A schema that differs from what ``make schemas`` writes is stale.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import write_schemas
from conftest import DEMO_DATA, example_dirs
from test_bad_data import CORPUS, DEFAULT_FILE, FIXTURE, _apply, _spec

SCHEMAS = write_schemas.SCHEMA_DIR
FOLDERS = [DEMO_DATA, *example_dirs(), FIXTURE]
KIND_OF_NAME = {
    "agency.yml": "agency",
    "site.yml": "site",
    "organization.yml": "organization",
    "services.yml": "services",
    "news.yml": "news",
    "policies.yml": "policies",
    "documents.yml": "documents",
}
REFUSED_FOR_KEY_OR_TYPE = [
    "unknown-key-overal-score",
    "unknown-key-responsable",
    "unknown-key-without-a-guess",
    "key-with-zero-width-space",
    "type-list-for-a-mapping",
    "type-list-for-a-number",
    "type-mapping-for-a-list",
    "type-score-in-words",
    "type-whole-file-is-a-list",
    "score-above-100",
    "score-negative",
    "choice-unknown-digits",
    "choice-unknown-status",
    "choice-yes-for-a-status",
    "missing-agency-name",
    "missing-measure-title",
    "indicator-number-11",
    "date-not-a-date",
    "link-website-without-scheme",
    "url-site-url-script-without-space",
    "url-apostrophe-attribute-breakout",
]
"""Bad-data cases whose mistake is a wrong key, a missing key, or a value of the wrong type or range.
(``.nan`` is a number to JSON Schema, which cannot name NaN: only the validator refuses it.)"""


def kind_of(path: Path) -> str | None:
    if path.parent.name == "years":
        return "year"
    if path.parent.name == "oit":
        return "oit-year"
    return KIND_OF_NAME.get(path.name)


def check(schema: str, files: list[Path]) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMAS / f"{schema}.schema.json")]
    return subprocess.run([*command, *map(str, files)], capture_output=True, text=True, check=False)


def test_the_schemas_are_what_make_schemas_writes() -> None:
    for name, text in write_schemas.schema_texts().items():
        assert (SCHEMAS / name).read_text(encoding="utf-8") == text, f"schemas/{name} is stale: run make schemas"


def test_every_data_file_is_valid_for_editors() -> None:
    by_kind: dict[str, list[Path]] = {}
    for folder in FOLDERS:
        for path in sorted(folder.rglob("*.yml")):
            if (kind := kind_of(path)) is not None:
                by_kind.setdefault(kind, []).append(path)
    assert set(by_kind) >= {"agency", "site", "year", "organization", "services", "news", "documents", "oit-year"}
    for kind, files in by_kind.items():
        result = check(kind, files)
        assert result.returncode == 0, result.stdout + result.stderr


def test_data_files_name_their_schema_for_the_editor() -> None:
    for folder in FOLDERS[:-1]:
        for path in folder.rglob("*.yml"):
            if (kind := kind_of(path)) is not None:
                first = path.read_text(encoding="utf-8").splitlines()[0]
                assert first.startswith("# yaml-language-server: $schema=") and first.endswith(f"{kind}.schema.json")
                target = (path.parent / first.split("=", 1)[1]).resolve()
                assert target == (SCHEMAS / f"{kind}.schema.json").resolve(), path


@pytest.mark.parametrize("case", REFUSED_FOR_KEY_OR_TYPE)
def test_what_the_validator_refuses_for_key_or_type_an_editor_underlines(case: str, tmp_path: Path) -> None:
    spec = _spec(CORPUS / "cases" / f"{case}.yml")
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    _apply(spec, data)
    changed = data / spec.get("file", DEFAULT_FILE)
    kind = kind_of(changed)
    assert kind is not None
    result = check(kind, [changed])
    assert result.returncode != 0, f"{case}: the schema accepts what the validator refuses\n{result.stdout}"
