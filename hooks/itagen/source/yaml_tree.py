"""The values a data file is read into, which know their lines, and the quick way to build them.

A data file as people type it (no anchors or aliases, no tags, no key written twice) is built here
straight from libyaml's events, in one loop: PyYAML's composer and constructor would make a node
for every value, ask the resolver about each in Python, then walk the nodes again, which was half
the time of loading a large site. Anything else goes the long way (``yaml_file.py``), whose
messages the webmaster is shown; both ways give the same values and lines
(``tests/test_yaml_tree.py``).
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.events import (
    DocumentEndEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from .yaml_folding import refold_thai


class YamlMap(dict[str, Any]):
    """A mapping that knows the line of each of its keys."""

    line: int
    key_lines: dict[str, int]


class YamlList(list[Any]):
    """A sequence that knows the line of each of its items."""

    line: int
    item_lines: list[int]


IMPLICIT_RESOLVERS: dict[Any, list[tuple[str, re.Pattern[str]]]] = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
"""How YAML 1.1 types a plain (unquoted) value, by its first character, without timestamps: dates
stay text, for the validator to read B.E. and C.E. years and report 30 February."""

NOT_A_NUMBER = re.compile(r"^[-+]?(?:0[0-9_]|0[xXoObB]|[0-9_.]*:)")
"""YAML 1.1 reads 021234567 (a phone number) as octal 4536695 and 8:30 (a time) as 510, in base 60.
Nobody writes octal, hexadecimal or base 60 in this data: such a value stays the text it was."""

_WILDCARD_RESOLVERS = IMPLICIT_RESOLVERS.get(None, [])
_RESOLVERS_BY_FIRST = {
    first: [*resolvers, *_WILDCARD_RESOLVERS] for first, resolvers in IMPLICIT_RESOLVERS.items() if first is not None
}
"""As PyYAML's resolver tries them: those of the value's first character, then those of any."""
_STR = "tag:yaml.org,2002:str"
_BOOLEANS = yaml.constructor.SafeConstructor.bool_values
_PLAIN_INTEGER = re.compile(r"[0-9]+\Z")
_PLAIN_DECIMAL = re.compile(r"[0-9]+\.[0-9]+\Z")
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
"""PyYAML's own reading of a number written in an unusual way (``+1_000``, ``1.5e+3``, ``.inf``)."""


class _NotPlain(Exception):
    """The file uses something this quick way leaves to PyYAML: an alias, a tag, a repeated key…"""


def build_plain_tree(text: str) -> tuple[Any, int | None] | None:
    """The value of a plainly written YAML document and the line where it starts; ``(None, None)``
    for a file with no document; None when the file is not plainly written or not valid YAML (the
    long way then reads it, or says what is wrong with it)."""
    parser = yaml.CBaseLoader(text)  # libyaml's parser; its constructor and resolver go unused
    try:
        return _build(parser, text)
    except (_NotPlain, yaml.YAMLError):
        return None
    finally:
        parser.dispose()


def _build(parser: yaml.CBaseLoader, text: str) -> tuple[Any, int | None]:
    parser.get_event()  # the stream's start
    if isinstance(parser.get_event(), StreamEndEvent):  # else the document's start
        return None, None
    root: Any = None
    root_line: int | None = None
    open_collections: list[YamlMap | YamlList] = []
    collection: YamlMap | YamlList | None = None
    key: str | None = None
    """Within a mapping, the key whose value comes next; None when a key comes next."""
    while True:
        event: Any = parser.get_event()  # told apart by its exact class: the fastest test
        kind = type(event)
        if kind is ScalarEvent:
            if event.anchor is not None or event.tag is not None:
                raise _NotPlain
            value = _scalar(event, text)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None or event.tag is not None:
                raise _NotPlain
            value = _collection(kind is MappingStartEvent, event.start_mark.line + 1)
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            collection = open_collections.pop() if open_collections else None
            key = None
            continue
        elif kind is DocumentEndEvent:
            break
        else:  # an alias: PyYAML's composer follows it, and guards against aliases that multiply
            raise _NotPlain
        line = event.start_mark.line + 1
        if collection is None:
            root, root_line = value, line
        elif isinstance(collection, YamlMap):
            if key is None:
                if kind is not ScalarEvent:  # a list or mapping as a key
                    raise _NotPlain
                name = value if isinstance(value, str) else str(value)
                if name in collection.key_lines:  # the long way names both lines
                    raise _NotPlain
                collection.key_lines[name] = line
                key = name
                continue
            collection[key] = value
            key = None
        else:
            collection.item_lines.append(line)
            collection.append(value)
        if kind is not ScalarEvent:
            if collection is not None:
                open_collections.append(collection)
            collection = value
    if not isinstance(parser.get_event(), StreamEndEvent):  # a second document: PyYAML says so
        raise _NotPlain
    return root, root_line


def _collection(mapping: bool, line: int) -> YamlMap | YamlList:
    if mapping:
        new_map = YamlMap()
        new_map.line, new_map.key_lines = line, {}
        return new_map
    new_list = YamlList()
    new_list.line, new_list.item_lines = line, []
    return new_list


def _scalar(event: ScalarEvent, text: str) -> Any:
    """A scalar's value as PyYAML's SafeLoader with the changes of ``yaml_file._LineLoader`` reads it."""
    value: str = event.value
    if not event.implicit[0]:  # quoted or a block: text
        if event.style == ">":
            start, end = event.start_mark, event.end_mark
            assert start is not None and end is not None  # libyaml marks every event
            return refold_thai(text[start.index : end.index], value)
        return value
    tag = _implicit_tag(value)
    if tag == _STR:
        return value
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return _BOOLEANS[value.lower()]
    if tag == "tag:yaml.org,2002:int":
        if NOT_A_NUMBER.match(value):
            return value
        if _PLAIN_INTEGER.match(value):
            return int(value)
        return _CONSTRUCTOR.construct_yaml_int(yaml.ScalarNode(tag, value))
    if tag == "tag:yaml.org,2002:float":
        if NOT_A_NUMBER.match(value):
            return value
        if _PLAIN_DECIMAL.match(value):
            return float(value)
        return _CONSTRUCTOR.construct_yaml_float(yaml.ScalarNode(tag, value))
    raise _NotPlain  # a merge key (<<) or a value key (=): PyYAML reports them


def _implicit_tag(value: str) -> str:
    """The type YAML 1.1 reads from a plain value's text, as PyYAML's resolver finds it."""
    for tag, regexp in _RESOLVERS_BY_FIRST.get(value[:1], _WILDCARD_RESOLVERS):  # none for most text
        if regexp.match(value):
            return tag
    return _STR
