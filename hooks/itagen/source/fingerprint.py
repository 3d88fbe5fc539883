"""The SHA-256 of every file in a folder, by its path inside it: what ``mkdocs serve`` compares to
know whether anything changed since its last build, and which pages an edit touches."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def fingerprint(folder: Path, prefix: str = "") -> dict[str, str]:
    """``prefix + relative/path`` → SHA-256 of its bytes, for each regular file under ``folder``.

    A link is named by where it points rather than followed: a link out of the data folder is
    refused by the build anyway, and its target's bytes are none of this folder's business."""
    digests = {}
    for directory, folders, files in os.walk(folder):
        folders.sort()
        for name in sorted(files):
            path = Path(directory, name)
            key = prefix + path.relative_to(folder).as_posix()
            if path.is_symlink():
                digests[key] = "link:" + os.readlink(path)
            elif path.is_file():
                digest = hashlib.sha256()
                with path.open("rb") as stream:
                    while chunk := stream.read(1 << 20):
                        digest.update(chunk)
                digests[key] = digest.hexdigest()
    return digests
