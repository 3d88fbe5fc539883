"""Reading a YAML data file the way a webmaster saved it, remembering where every value was.

PyYAML alone loses line numbers, keeps the last of two duplicate keys without a word, and turns
``2025-06-31`` into an exception that is not a YAMLError. This loader keeps lines, rejects
duplicates, and leaves dates as text so that the validator can parse them with a proper message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import yaml

from ..problems import DataError, Location, Problem, describe_value
from .data_files import Unreadable, read_regular_file
from .yaml_folding import refold_thai
from .yaml_guard import MAX_DEPTH, Refusal, check_node_graph, syntax_hint, too_deep
from .yaml_tree import IMPLICIT_RESOLVERS, NOT_A_NUMBER, YamlList, YamlMap, build_plain_tree

MAX_FILE_BYTES = 1_000_000
"""A data file larger than this is a pasted binary or a mistake (real ones are tens of kB), and
would take many seconds to parse."""


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that records lines, refuses duplicate keys, and does not guess timestamps."""

    # Dates stay strings: the validator parses B.E. and C.E. years and reports impossible days.
    yaml_implicit_resolvers = IMPLICIT_RESOLVERS
    _depth = 0
    reached_twice = False
    """Construction met a node it had built already: the file uses aliases."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            self.reached_twice = True
        return super().construct_object(node, deep)

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node:
        # PyYAML composes recursively: stop thousands of "[" before they overflow Python's stack.
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise too_deep(self.peek_event().start_mark.line + 1)  # type: ignore[no-untyped-call]
            return cast(yaml.Node, super().compose_node(parent, index))
        finally:
            self._depth -= 1

    def construct_yaml_map(self, node: yaml.MappingNode) -> Any:
        mapping = YamlMap()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        yield mapping
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            line = key_node.start_mark.line + 1
            if key in mapping.key_lines:
                raise _DuplicateKey(key, mapping.key_lines[key], line)
            mapping.key_lines[key] = line
            mapping[key] = self.construct_object(value_node, deep=True)

    def construct_yaml_seq(self, node: yaml.SequenceNode) -> Any:
        sequence = YamlList()
        sequence.line = node.start_mark.line + 1
        sequence.item_lines = [child.start_mark.line + 1 for child in node.value]
        yield sequence
        sequence.extend(self.construct_object(child, deep=True) for child in node.value)

    def construct_scalar(self, node: yaml.ScalarNode | yaml.MappingNode) -> Any:
        value = super().construct_scalar(node)
        if isinstance(node, yaml.ScalarNode) and node.style == ">" and isinstance(value, str):
            return refold_thai(self.buffer[node.start_mark.index : node.end_mark.index], value)
        return value

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        # An explicit !!timestamp stays text too: the validator reads the date and reports 30 February.
        return self.construct_scalar(node)

    def construct_yaml_int(self, node: yaml.ScalarNode) -> Any:
        if NOT_A_NUMBER.match(node.value):
            return self.construct_scalar(node)
        return super().construct_yaml_int(node)

    def construct_yaml_float(self, node: yaml.ScalarNode) -> Any:
        if NOT_A_NUMBER.match(node.value):
            return self.construct_scalar(node)
        return super().construct_yaml_float(node)


_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_yaml_map)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _LineLoader.construct_yaml_seq)
_LineLoader.add_constructor("tag:yaml.org,2002:int", _LineLoader.construct_yaml_int)
_LineLoader.add_constructor("tag:yaml.org,2002:float", _LineLoader.construct_yaml_float)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _LineLoader.construct_yaml_timestamp)


class _DuplicateKey(Exception):
    def __init__(self, key: str, first_line: int, second_line: int) -> None:
        super().__init__(key)
        self.key = key
        self.first_line = first_line
        self.second_line = second_line


def _fail(path: Path, line: int | None, thai: str, english: str, field: str = "") -> DataError:
    return DataError([Problem(Location(path, line, field), thai, english)])


def _decode(path: Path, raw: bytes) -> str:
    if _looks_like_utf16(raw):
        raise _fail(
            path,
            1,
            "ไฟล์ไม่ได้บันทึกเป็น UTF-8 แต่เป็น UTF-16 ('Unicode' ใน Notepad) โปรดบันทึกใหม่โดยเลือกการเข้ารหัส UTF-8",
            "the file is not UTF-8 but UTF-16 ('Unicode' in Notepad); save it again with UTF-8 encoding",
        )
    try:
        text = raw.decode("utf-8-sig")  # a BOM from Notepad is harmless: drop it
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _fail(
            path,
            line,
            "ไฟล์ไม่ได้บันทึกเป็น UTF-8 (อาจเป็น TIS-620/ANSI) โปรดบันทึกใหม่โดยเลือกการเข้ารหัส UTF-8",
            "the file is not UTF-8 (perhaps TIS-620/ANSI); save it again with UTF-8 encoding",
        ) from None
    # Windows line endings are fine; a lone CR (old Mac) would merge lines, so normalise both.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_like_utf16(raw: bytes) -> bool:
    """A UTF-16 byte-order mark, or zero bytes (which no UTF-8 text has) in text that reads as UTF-16."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" not in raw or len(raw) % 2:
        return False
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if ":" in text and all(c.isprintable() or c in "\n\r\t" for c in text):
            return True
    return False


def _syntax_problem(path: Path, exc: yaml.YAMLError, text: str) -> DataError:
    line, thai, english = syntax_hint(exc, text)
    lines = text.split("\n")
    source = lines[line - 1] if line is not None and 0 < line <= len(lines) else ""
    if "\t" in source:
        thai = "บรรทัดนี้มีอักขระแท็บ (Tab) YAML ต้องย่อหน้าด้วยเว้นวรรคเท่านั้น"
        english = "this line contains a tab character; YAML must be indented with spaces only"
    key = _KEY_OF_LINE.match(source)
    if source.strip():  # show the line itself: the webmaster may not have line numbers on screen
        english += f"\n    > {describe_value(source.strip())[1:-1]}"
    return _fail(path, line, thai, english, key[1].strip() if key else "")


# "  - title: …" → "title": the field of a line that has a syntax error, when the line has a key.
_KEY_OF_LINE = re.compile(r"^[\s-]*([^\s:#\[\]{}\"'][^:#\[\]{}]*?):(?:\s|$)")


@dataclass(frozen=True)
class YamlDocument:
    """One parsed data file: its value and the line where that value starts."""

    path: Path
    root: Any
    """A YamlMap, a YamlList, or a bare scalar (which the validator then reports)."""
    line: int | None


def _parse(text: str) -> tuple[Any, int | None]:
    """A plainly written file is built straight from libyaml's events (``yaml_tree.py``); any other
    is composed, constructed, and its node graph checked before anything is handed on.

    PyYAML constructs an alias as a reference to the one value, so construction itself expands
    nothing; what would multiply is every later walk over the values. The graph is measured only
    when construction met a node twice (an alias) or failed, so typed data is walked once."""
    # Derives from SafeLoader: no Python objects from tags. Its reader refuses control characters
    # here, whichever way the file is then read.
    loader = _LineLoader(text)
    try:
        if (plain := _build_fast(text)) is not None:
            return plain
        node = _compose_fast(text) or loader.get_single_node()
        if node is None:
            return None, None
        try:
            value = loader.construct_document(node)
        except Exception:
            check_node_graph(node)  # a loop or a blow-up through aliases is named first, as such
            raise
        if loader.reached_twice:
            check_node_graph(node)
        return value, node.start_mark.line + 1
    finally:
        loader.dispose()


def _build_fast(text: str) -> tuple[Any, int | None] | None:
    """A plainly written file's value and line straight from libyaml's events (``yaml_tree.py``),
    when libyaml may read the text (as for ``_compose_fast``); None sends it the long way."""
    if not yaml.__with_libyaml__ or _deeper_than(text, MAX_DEPTH):
        return None
    return build_plain_tree(text)


def _compose_fast(text: str) -> yaml.Node | None:
    """The node tree from libyaml (about ten times faster than PyYAML's own composer), when libyaml
    is installed and the text is plainly shaped; None sends the text to PyYAML's composer, whose
    errors the messages are written for and whose depth guard stops hostile nesting before it
    recurses (libyaml would recurse on the C stack)."""
    if not yaml.__with_libyaml__ or _deeper_than(text, MAX_DEPTH):
        return None
    composer = yaml.CSafeLoader(text)
    try:
        return composer.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        composer.dispose()


def _deeper_than(text: str, depth: int) -> bool:
    """Could the text nest deeper than ``depth``? Counts open brackets and indentation, erring high."""
    flow = deepest = 0
    for bracket in _BRACKETS.findall(text):  # a regular expression finds the few brackets fast
        if bracket in "[{":
            flow += 1
            deepest = max(deepest, flow)
        else:
            flow = max(0, flow - 1)
    if deepest > depth:
        return True
    # A line indented (spaces, list dashes) by more than ``depth`` characters.
    return re.search(f"^[ -]{{{depth + 1}}}", text, re.MULTILINE) is not None


_BRACKETS = re.compile(r"[\[\]{}]")


def load_yaml_file(path: Path) -> Any:
    """The value of one data file: YamlMap/YamlList/scalars, or DataError saying why not."""
    return read_yaml_file(path).root


def read_yaml_file(path: Path, roots: tuple[Path, ...] = ()) -> YamlDocument:
    """Parse one data file, or raise DataError saying why not. With ``roots``, a file that lies
    outside them (through a link) is refused unread."""
    return parse_yaml_bytes(path, read_data_file(path, roots))


def read_data_file(path: Path, roots: tuple[Path, ...] = ()) -> bytes:
    """The bytes of one data file, within the size limit and ``roots``, or DataError saying why not."""
    try:
        return read_regular_file(path, MAX_FILE_BYTES, roots)
    except Unreadable as unreadable:
        raise _fail(path, None, unreadable.thai, unreadable.english) from None


def parse_yaml_bytes(path: Path, raw: bytes) -> YamlDocument:
    """Parse the bytes read from ``path`` (named in messages), or raise DataError saying why not."""
    text = _decode(path, raw)
    try:
        value, line = _parse(text)
    except Refusal as refusal:
        raise _fail(path, refusal.line, refusal.thai, refusal.english) from None
    except _DuplicateKey as dup:
        raise _fail(
            path,
            dup.second_line,
            f"คีย์ '{dup.key}' ซ้ำกับบรรทัด {dup.first_line} ค่าหนึ่งจะหายไปโดยไม่รู้ตัว ลบหรือเปลี่ยนชื่อคีย์ใดคีย์หนึ่ง",
            f"key '{dup.key}' repeats the one on line {dup.first_line}; one value would be silently lost",
            dup.key,
        ) from None
    except yaml.YAMLError as exc:
        raise _syntax_problem(path, exc, text) from None
    if value is None:
        raise _fail(path, None, "ไฟล์ว่างเปล่า ไม่มีข้อมูล", "the file is empty")
    return YamlDocument(path, value, line)
