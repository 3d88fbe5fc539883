"""The data files of one load, each read and parsed once, kept to answer "on which line?".

Checks that span fields run on typed records, which know their fields but not their lines. A
problem names its file and field path (``measures.items[2].id``); the parsed trees kept here give
the line, so no file is ever read a second time to report a mistake.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

from ..problems import DataError, Location, Problem
from ..source.yaml_file import YamlDocument, parse_yaml_bytes, read_data_file
from ..source.yaml_tree import YamlList, YamlMap
from .reuse import LoadMemo, ParsedFile, digest


class SourceFiles:
    """Reads data files for one load and remembers their parsed trees."""

    def __init__(self, roots: tuple[Path, ...] = (), memo: LoadMemo | None = None) -> None:
        self._documents: dict[Path, YamlDocument] = {}
        self.digests: dict[Path, str] = {}
        """SHA-256 of each file's bytes as read by this load (with a memo only: it keys what is kept)."""
        self.roots = roots
        """Folders the files must lie in, links followed (the data folder, the built-in checklists)."""
        self.memo = memo

    def read(self, path: Path) -> YamlDocument:
        """Parse ``path`` (raising DataError on bad YAML); a second call returns the same document."""
        if path not in self._documents:
            self._documents[path] = self._parse(path)
        return self._documents[path]

    def _parse(self, path: Path) -> YamlDocument:
        raw = read_data_file(path, self.roots)
        if self.memo is None:  # one build from nothing: no digest needed
            return parse_yaml_bytes(path, raw)
        self.digests[path] = digest(raw)
        kept = self.memo.parsed.get(path)
        if kept is None or kept.digest != self.digests[path]:
            self.memo.parses += 1
            try:
                kept = ParsedFile(self.digests[path], parse_yaml_bytes(path, raw), None)
            except DataError as error:
                kept = ParsedFile(self.digests[path], None, error)
            self.memo.parsed[path] = kept
        if kept.error is not None:
            raise kept.error
        assert kept.document is not None
        return kept.document

    def release(self, path: Path) -> None:
        """Keep only the top level of ``path``'s tree (its keys and their lines): enough to place a
        later problem at its key, and a fraction of the memory. Call once every problem inside the
        file has been placed."""
        document = self._documents.get(path)
        if document is None or not isinstance(document.root, YamlMap):
            return
        top = YamlMap(dict.fromkeys(document.root))
        top.line, top.key_lines = document.root.line, document.root.key_lines
        self._documents[path] = YamlDocument(path, top, document.line)

    def locate(self, path: Path, *keys: str | int) -> Location:
        """The file, line and field of the value reached by ``keys`` (names and 0-based list indexes)."""
        document = self._documents.get(path)
        node: Any = document.root if document else None
        where = Location(path, document.line if document else None)
        for key in keys:
            line = None
            if isinstance(key, int) and isinstance(node, YamlList) and key < len(node):
                line, node = node.item_lines[key], node[key]
            elif isinstance(key, str) and isinstance(node, YamlMap) and key in node:
                line, node = node.key_lines[key], node[key]
            else:
                node = None
            where = where.child(key, line)
        return where

    def add_lines(self, problems: list[Problem]) -> list[Problem]:
        """Fill in the line of every problem that names a field of a file read here but no line."""
        result = []
        for problem in problems:
            where = problem.location
            document = self._documents.get(where.file)
            if where.line is None and where.field and document is not None:
                line = line_of(document.root, where.field)
                if line is not None:
                    problem = dataclasses.replace(problem, location=dataclasses.replace(where, line=line))
            result.append(problem)
        return result


_FIELD_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def line_of(value: Any, field: str) -> int | None:
    """The line of ``measures.items[2].id`` in parsed YAML; the deepest line found if a part is missing."""
    line = getattr(value, "line", None)
    for name, index in _FIELD_PART.findall(field):
        if name and isinstance(value, YamlMap) and name in value:
            line, value = value.key_lines[name], value[name]
        elif index and isinstance(value, YamlList) and 0 < int(index) <= len(value):
            line, value = value.item_lines[int(index) - 1], value[int(index) - 1]
        else:
            break
    return line
