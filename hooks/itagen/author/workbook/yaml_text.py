"""Plain values → the text of a data file as a person would write it.

Thai as Thai (never ``\\u0e01``), dates bare (``2569-10-01``, which the loader reads as text), text
with line breaks as a ``|`` block, short lists of numbers and small records on one line, and the
editor's schema line first, as every data file of the project has.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml

PROJECT_ROOT = Path(__file__).resolve().parents[4]
SCHEMA_DIR = PROJECT_ROOT / "schemas"
SCHEMA_OF = {"years": "year", "oit": "oit-year"}
"""A data file's folder (or name) → its schema's name."""


class _Dumper(yaml.SafeDumper):
    """SafeDumper without the timestamp rule: ``2569-10-01`` is written bare, as people write it."""

    yaml_implicit_resolvers = {  # noqa: RUF012 - PyYAML reads this class attribute per dumper class
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
    }

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # list items indented under their key, as data/README.md writes them


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text and not text.endswith(" ") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


def _list(dumper: yaml.SafeDumper, items: list[Any]) -> yaml.SequenceNode:
    # [9], [สำนักปลัด, กองคลัง], [e8, i10]: short lists of numbers or words on one line
    numbers = all(isinstance(item, int | float) and not isinstance(item, bool) for item in items)
    words = all(isinstance(item, str) and _WORD.match(item) for item in items)
    flow = bool(items) and (numbers or words) and sum(len(str(item)) + 2 for item in items) <= 60
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=flow)


def _mapping(dumper: yaml.SafeDumper, mapping: dict[str, Any]) -> yaml.MappingNode:
    # {number: 1, score: 93.46}, {page: structure}: a small record of short values reads best on one line
    flow = (
        0 < len(mapping) <= 3
        and set(mapping) <= _FLOW_KEYS
        and all(
            isinstance(v, int | float) or (isinstance(v, str) and len(v) <= 40 and "\n" not in v)
            for v in mapping.values()
        )
    )
    return dumper.represent_mapping("tag:yaml.org,2002:map", mapping, flow_style=flow)


_FLOW_KEYS = {"number", "score", "name", "page", "document", "url", "title"}


_WORD = re.compile(r"^[^\s,:#\[\]{}&*!|>'\"%@`-][^\n,:#\[\]{}]{0,29}$")
"""Text that reads the same inside ``[ ]``: no commas, colons, brackets, no line break, short."""

_Dumper.add_representer(str, _text)
_Dumper.add_representer(list, _list)
_Dumper.add_representer(dict, _mapping)


def schema_line(file: Path) -> str:
    """``# yaml-language-server: $schema=…`` pointing from ``file`` to the project's schema of its kind."""
    kind = SCHEMA_OF.get(file.parent.name, file.stem)
    schema = SCHEMA_DIR / f"{kind}.schema.json"
    folder = file.parent.resolve()
    if not folder.is_relative_to(PROJECT_ROOT):
        return f"# yaml-language-server: $schema={schema.as_uri()}\n"  # data kept outside the project
    return f"# yaml-language-server: $schema={Path(os.path.relpath(schema, folder)).as_posix()}\n"


def data_file_text(file: Path, value: Any, comment: str) -> str:
    body = yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return schema_line(file) + comment + "\n" + body
