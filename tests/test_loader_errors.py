"""Engine-level checks behind the bad-data corpus: the YAML reader's guards, lines, texts and links."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from itagen.load.schema import Validator
from itagen.load.sources import SourceFiles
from itagen.load.text_checks import unsafe_link_targets
from itagen.problems import DataError, Location, Problem, internal_error
from itagen.source.yaml_file import load_yaml_file
from itagen.source.yaml_guard import MAX_DEPTH


def _load(tmp_path: Path, content: str | bytes) -> object:
    path = tmp_path / "file.yml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return load_yaml_file(path)


def _problem(tmp_path: Path, content: str | bytes) -> Problem:
    with pytest.raises(DataError) as caught:
        _load(tmp_path, content)
    assert len(caught.value.problems) == 1
    return caught.value.problems[0]


def test_a_billion_laughs_is_refused_in_well_under_a_second(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 12)]  # 10^12 values
    started = time.perf_counter()
    problem = _problem(tmp_path, "\n".join(lines) + "\n")
    assert time.perf_counter() - started < 1.0
    assert "over the limit" in problem.english


def test_a_few_reused_blocks_are_fine(tmp_path: Path) -> None:
    value = _load(tmp_path, "mayor: &mayor {name: นายก, position: นายกเทศมนตรี}\na: [*mayor, *mayor, *mayor]\n")
    assert isinstance(value, dict) and value["a"][2]["name"] == "นายก"


@pytest.mark.parametrize("content", ["a: " + "[" * 10_000, "a: " + "{b: " * 3_000 + "1" + "}" * 3_000])
def test_nesting_that_would_overflow_the_stack_is_refused_with_its_line(tmp_path: Path, content: str) -> None:
    problem = _problem(tmp_path, "ok: 1\n" + content + "\n")
    assert problem.location.line == 2
    assert f"more than {MAX_DEPTH} levels" in problem.english


def test_aliases_cannot_nest_deeper_than_the_text_shows(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x]"] + [f"a{i}: &a{i} [*a{i - 1}]" for i in range(1, MAX_DEPTH + 5)]
    assert "levels deep" in _problem(tmp_path, "\n".join(lines) + "\n").english


def test_a_recursive_alias_is_named_as_such(tmp_path: Path) -> None:
    assert "its own anchor" in _problem(tmp_path, "a: &loop [1, *loop]\n").english


@pytest.mark.parametrize(
    "raw",
    [b"\xef\xbb\xbfname: x\n", b"name: x\r\n", b"name: x\r", b"name: x"],
    ids=["bom", "crlf", "cr", "no-final-newline"],
)
def test_what_windows_and_old_editors_save_is_read(tmp_path: Path, raw: bytes) -> None:
    assert _load(tmp_path, raw) == {"name": "x"}


def test_dates_stay_text_for_the_validator(tmp_path: Path) -> None:
    assert _load(tmp_path, "a: 2025-06-31\nb: 2568-01-01\n") == {"a": "2025-06-31", "b": "2568-01-01"}


def test_a_syntax_error_names_the_key_and_quotes_the_line(tmp_path: Path) -> None:
    problem = _problem(tmp_path, "name: x\ntitle: มาตรการ: หนึ่ง\n")
    assert (problem.location.line, problem.location.field) == (2, "title")
    assert "> title: มาตรการ: หนึ่ง" in problem.english
    assert "เครื่องหมายคำพูด" in problem.thai


def test_a_control_character_in_the_file_is_found_on_its_line(tmp_path: Path) -> None:
    problem = _problem(tmp_path, b"a: 1\nb: x\x1by\n")
    assert problem.location.line == 2 and "U+001B" in problem.english


def test_cross_field_problems_get_their_lines_back(tmp_path: Path) -> None:
    path = tmp_path / "2568.yml"
    path.write_text("a: 1\nmeasures:\n  items:\n    - id: one\n    - id: two\n", encoding="utf-8")
    sources = SourceFiles()
    sources.read(path)
    found = sources.add_lines([Problem(Location(path, None, "measures.items[2].id"), "ไทย", "english")])
    assert found[0].location.line == 5
    nowhere = sources.add_lines([Problem(Location(path, None, "measures.items[9].id"), "ไทย", "english")])
    assert nowhere[0].location.line == 3  # the deepest part that exists: the list


@pytest.mark.parametrize(
    ("value", "expected"),
    [(float("nan"), "expected a number"), (float("inf"), "expected a number"), ("๑๐๑", "from 0 to 100")],
)
def test_numbers_that_compare_with_nothing_are_refused(value: object, expected: str) -> None:
    validator = Validator()
    validator.value(float, value, Location(Path("x.yml"), 1, "score"), {"minimum": 0, "maximum": 100})
    assert expected in validator.errors[0].english


def test_word_line_breaks_become_new_lines_other_control_characters_are_refused() -> None:
    validator = Validator()
    at = Location(Path("x.yml"), 1, "text")
    assert validator.value(str, "หนึ่ง\x0bสอง", at, {}) == "หนึ่ง\nสอง"
    validator.value(str, "หนึ่ง\x00สอง", at, {})
    assert "U+0000" in validator.errors[0].english


@pytest.mark.parametrize(
    ("text", "unsafe"),
    [
        ("[a](javascript:alert(1))", ["javascript:alert(1)"]),
        ("[a]( JaVaScRiPt:alert(1))", ["JaVaScRiPt:alert(1)"]),
        ("[a](java\tscript:x)", ["java\tscript:x"]),
        ("[a](&#106;avascript:x)", ["&#106;avascript:x"]),
        ("[a]: vbscript:x", ["vbscript:x"]),
        ("<data:text/html,x>", ["data:text/html,x"]),
        ("[a](https://x.example/a_(b)) [b](mailto:a@b.c) [c](tel:043000000) [d](/ita/)", []),
    ],
)
def test_only_web_mail_and_phone_links_pass(text: str, unsafe: list[str]) -> None:
    assert unsafe_link_targets(text) == unsafe


def test_an_internal_error_is_explained_without_a_traceback(tmp_path: Path) -> None:
    message = internal_error(KeyError("x"), tmp_path)
    assert "KeyError" in message and "เว็บไซต์เดิมยังอยู่ครบ" in message and "previous site is intact" in message
    assert "Traceback" not in message


def test_phone_numbers_and_times_stay_as_written(tmp_path: Path) -> None:
    value = _load(tmp_path, "phone: 021234567\ntime: 8:30\nhex: 0x1F\nscore: 95.40\nyear: 2568\nzero: 0\n")
    assert value == {"phone": "021234567", "time": "8:30", "hex": "0x1F", "score": 95.4, "year": 2568, "zero": 0}
