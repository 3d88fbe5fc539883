"""The bad-data corpus (tests/bad_data/cases, format in tests/bad_data/README.md) through the real build.

Every case is one mistake a webmaster makes. The build must answer with the file, the line and the
field, in Thai and English, exit non-zero for an error (or only under --strict for a warning), and
never show a Python traceback. The builds are independent subprocesses, so they run in parallel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import article_html, page_text, run_build

CORPUS = Path(__file__).parent / "bad_data"
FIXTURE = CORPUS / "fixture"
CASE_FILES = sorted((CORPUS / "cases").glob("*.yml"))
DEFAULT_FILE = "years/2568.yml"


@dataclass(frozen=True)
class Outcome:
    data: Path
    out: Path
    lenient: subprocess.CompletedProcess[str]
    strict: subprocess.CompletedProcess[str] | None

    @staticmethod
    def output_of(result: subprocess.CompletedProcess[str]) -> str:
        return result.stdout + result.stderr


def _spec(path: Path) -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return spec


def _apply(spec: dict[str, Any], data: Path) -> None:
    """Make the one change a case describes to a fresh copy of the fixture."""
    for name, content in spec.get("extra_files", {}).items():
        (data / name).write_text(content, encoding="utf-8")
    for name, content in spec.get("outside_files", {}).items():
        (data.parent / name).write_text(content, encoding="utf-8")
    target = data / spec.get("file", DEFAULT_FILE)
    if "symlink" in spec:
        target.unlink(missing_ok=True)
        target.symlink_to(spec["symlink"])
        return
    if spec.get("fifo"):
        target.unlink(missing_ok=True)
        os.mkfifo(target)
        return
    if spec.get("delete"):
        target.unlink()
        return
    if "rename" in spec:
        target.rename(data / spec["rename"])
        return
    text = spec["content"] if "content" in spec else target.read_text(encoding="utf-8")
    for old, new, *times in spec.get("replace", []):
        assert old in text, f"{old!r} is not in {target.name}: the fixture changed, update the case"
        text = text.replace(old, new * (times[0] if times else 1), 1)
    if "append_repeat" in spec:
        text += spec["append_repeat"]["text"] * spec["append_repeat"]["times"]
    if "newline" in spec:
        text = text.replace("\n", spec["newline"])
    raw = text.encode(spec.get("encoding", "utf-8"))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes((b"\xef\xbb\xbf" if spec.get("bom") else b"") + raw)


def _run_case(path: Path, workdir: Path) -> Outcome:
    spec = _spec(path)
    data = workdir / "data"
    shutil.copytree(FIXTURE, data)
    _apply(spec, data)
    status = spec["expect"]["status"]
    out = workdir / "site"
    lenient = run_build(data, out, strict=status == "ok")
    strict = run_build(data, workdir / "strict-site", strict=True) if status == "warning" else None
    return Outcome(data, out, lenient, strict)


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    """Every case built once, in parallel: builds are subprocesses, threads only wait for them."""
    root = tmp_path_factory.mktemp("bad-data")
    with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 2)) as pool:
        futures = {path.stem: pool.submit(_run_case, path, root / path.stem) for path in CASE_FILES}
        return {name: future.result() for name, future in futures.items()}


def test_the_corpus_is_large_and_the_fixture_builds_cleanly(tmp_path: Path) -> None:
    assert len(CASE_FILES) >= 40
    result = run_build(FIXTURE, tmp_path / "site", strict=True)
    assert result.returncode == 0, Outcome.output_of(result)
    assert "WARNING" not in result.stderr


def _location(spec: dict[str, Any], data: Path) -> str:
    """The location line the message must carry, in errors.Location's words."""
    expect = spec["expect"]
    parts = [f"{data.name}/{expect.get('file', spec.get('file', DEFAULT_FILE))}"]
    if "line" in expect:
        parts.append(f"บรรทัด/line {expect['line']}")
    if "field" in expect:
        parts.append(f"ช่อง/field '{expect['field']}'")
    return ", ".join(parts)


def _assert_message(spec: dict[str, Any], data: Path, output: str) -> None:
    expect = spec["expect"]
    location = _location(spec, data)
    assert location in output, f"expected the location {location!r} in:\n{output}"
    block = output[output.index(location) :]
    for fragment in [*expect.get("thai", []), *expect.get("english", [])]:
        assert fragment in block, f"expected {fragment!r} after {location!r} in:\n{output}"
    for secret in expect.get("not_in_output", []):
        assert secret not in output, f"{secret!r} must not be shown:\n{output}"
    assert "Traceback" not in output


@pytest.mark.parametrize("case", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_case(case: Path, corpus: dict[str, Outcome]) -> None:
    spec = _spec(case)
    expect = spec["expect"]
    outcome = corpus[case.stem]
    output = Outcome.output_of(outcome.lenient)
    assert "Traceback" not in output
    if expect["status"] == "ok":
        assert outcome.lenient.returncode == 0, output
        assert "WARNING" not in outcome.lenient.stderr, output
        page = expect.get("page")
        if page:
            shown = page_text(outcome.out, page["path"])
            for fragment in page["contains"]:
                assert fragment in shown
            for fragment in page.get("lacks", []):
                assert fragment not in shown
            markup = article_html(outcome.out, page["path"])
            for fragment in page.get("html", []):
                assert fragment in markup
        return
    assert expect.get("thai") and expect.get("english"), "a case must name its Thai and English message"
    _assert_message(spec, outcome.data, output)
    if expect["status"] == "error":
        assert outcome.lenient.returncode != 0, output
        assert "ข้อมูลมีข้อผิดพลาด" in output and "The data has" in output
        assert "Build failed" in output and "สร้างเว็บไซต์ไม่สำเร็จ" in output
        # Nothing half-built is left: no output where there was none, no temporary directory.
        assert not outcome.out.exists()
        assert not [p for p in outcome.out.parent.iterdir() if p.name.startswith(".site.")]
    else:
        assert outcome.lenient.returncode == 0, output
        assert outcome.strict is not None
        strict_output = Outcome.output_of(outcome.strict)
        assert outcome.strict.returncode != 0, strict_output
        assert "Traceback" not in strict_output
        _assert_message(spec, outcome.data, strict_output)
