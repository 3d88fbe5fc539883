"""What ``mkdocs serve`` keeps from one build to the next, so that an edit costs what it changed.

A data file whose bytes did not change parses to the same tree and validates to the same record with
the same problems, so both are taken from the last build instead of being made again. Entries are
keyed by the file's path and the SHA-256 of the very bytes that were parsed (not a date or a size), so
nothing but the file itself can stand in for it; a ``make site`` or ``make check`` starts a new
process with nothing kept and builds everything.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..problems import DataError, Problem
from ..records.record import record
from ..source.yaml_file import YamlDocument


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


@record
class ParsedFile:
    digest: str
    document: YamlDocument | None
    error: DataError | None
    """The file's YAML could not be read: the same bytes give the same message."""


@record
class ValidatedFile:
    digest: str
    record: Any
    """The record, or ``INVALID``."""
    errors: list[Problem]
    warnings: list[Problem]
    """Said again by every build that reuses the record, in the order a full build says them."""


@dataclass
class LoadMemo:
    parsed: dict[Path, ParsedFile] = field(default_factory=dict)
    validated: dict[Path, ValidatedFile] = field(default_factory=dict)
    parses: int = 0
    """Files parsed by the last build (the rest were reused): for the tests and the benchmark."""
    validations: int = 0
    """Fiscal-year records validated by the last build."""

    def start_build(self) -> None:
        self.parses = self.validations = 0
