"""JSON as ``json.dumps(value, ensure_ascii=False, indent=…)`` writes it, several times faster.

Given ``indent``, the standard library leaves its C encoder for a pure-Python one that passes every
bracket, comma and value up through a generator per level: most of the time of a large site's open
data. This writes the same text in one recursive loop, each string through the C function that
``json`` itself uses for strings, each number as ``json`` prints it. Anything else (a type JSON has
no form for) is left to ``json.dumps``, which says what is wrong. ``tests/test_indented_json.py``
holds the two to the same text.
"""

from __future__ import annotations

import json
import math
from json.encoder import encode_basestring  # the C function when there is one, as json.dumps uses


class _NotPlainJson(Exception):
    """A value json.dumps must handle itself: it knows how to refuse it."""


def indented_json(value: object, indent: int) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=indent)``, the same text."""
    parts: list[str] = []
    try:
        _write(value, parts, "\n", " " * indent)
    except _NotPlainJson:
        return json.dumps(value, ensure_ascii=False, indent=indent)
    return "".join(parts)


def _write(value: object, parts: list[str], newline: str, step: str) -> None:
    """Append the JSON of ``value`` to ``parts``; ``newline`` is a line break and the indentation
    of the lines ``value`` starts on, ``step`` one more level of it. Strings, the most common
    values, are written in the loops themselves: a call for each would cost more than the writing."""
    if isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = newline + step
        separator = "{" + inner
        for key, item in value.items():
            parts.append(separator)
            parts.append(encode_basestring(key) if isinstance(key, str) else _key(key))
            if isinstance(item, str):
                parts.append(": " + encode_basestring(item))
            else:
                parts.append(": ")
                _write(item, parts, inner, step)
            separator = "," + inner
        parts.append(newline + "}")
    elif isinstance(value, list | tuple):
        if not value:
            parts.append("[]")
            return
        inner = newline + step
        separator = "[" + inner
        for item in value:
            if isinstance(item, str):
                parts.append(separator + encode_basestring(item))
            else:
                parts.append(separator)
                _write(item, parts, inner, step)
            separator = "," + inner
        parts.append(newline + "]")
    else:
        parts.append(_scalar(value))


def _scalar(value: object) -> str:
    """A value that is not a container, in the order ``json`` tests the types (``bool`` is an ``int``)."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    raise _NotPlainJson


def _float(value: float) -> str:
    if math.isfinite(value):
        return float.__repr__(value)
    return "NaN" if math.isnan(value) else "Infinity" if value > 0 else "-Infinity"


def _key(key: object) -> str:
    """A key that is not a string, as ``json`` turns it into one (floats are tested before booleans)."""
    if isinstance(key, float):
        return encode_basestring(_float(key))
    if key is True or key is False or key is None or isinstance(key, int):
        return encode_basestring(_scalar(key))
    raise _NotPlainJson
