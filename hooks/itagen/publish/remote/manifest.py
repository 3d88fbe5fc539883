"""What was published: ``path → (sha256, size)``, for the built site and as kept on the server.

The server's copy (``.ita-published.json``) is read as if an attacker wrote it: only plain relative
paths below the site's folder, real hashes and sizes, and a bounded size are accepted.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from dataclasses import field
from pathlib import Path

from ...records.record import record
from ..output_dir import BUILT_SITE_MARKER
from .transport import PublishError

MANIFEST_NAME = ".ita-published.json"
"""Written last, after every file is in place: the files this tool published, and nothing else."""
JOURNAL_NAME = ".ita-publishing.json"
"""Written first: the files a run is about to upload, so that a cut run's next run knows them."""
MANIFEST_FORMAT = "ita-published/1"
JOURNAL_FORMAT = "ita-publishing/2"
JOURNAL_FORMATS = ("ita-publishing/1", JOURNAL_FORMAT)
"""Format 2 adds what each upload puts in place; a format 1 journal (an older version's cut run) is still read."""
TEMP_SUFFIX = ".ita-part"
"""An upload is written to ``.<name>.ita-part`` beside its place and renamed over it when whole."""
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
RESERVED = {MANIFEST_NAME, JOURNAL_NAME, BUILT_SITE_MARKER}

_HASH = re.compile(r"^[0-9a-f]{64}$")
_UNSAFE_PART = re.compile("[\x00-\x1f\x7f\\\\]")


@record
class FileEntry:
    sha256: str
    size: int


Manifest = dict[str, FileEntry]
"""Site-relative POSIX path → what the file holds."""


def temp_name(path: str) -> str:
    """Where ``path`` is written before it is renamed into place: hidden, in the same folder."""
    folder, _, name = path.rpartition("/")
    return f"{folder}/.{name}{TEMP_SUFFIX}" if folder else f".{name}{TEMP_SUFFIX}"


def safe_path(path: object) -> bool:
    """A plain relative path inside the site's folder that is not one of this tool's own files."""
    if not isinstance(path, str) or not path or len(path) > 1024 or path in RESERVED:
        return False
    parts = path.split("/")
    return all(part not in ("", ".", "..") and not _UNSAFE_PART.search(part) for part in parts) and not (
        parts[-1].startswith(".") and parts[-1].endswith(TEMP_SUFFIX)
    )


def hash_file(path: Path) -> FileEntry:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as file:
        while chunk := file.read(1024 * 1024):
            digest.update(chunk)
            size += len(chunk)
    return FileEntry(digest.hexdigest(), size)


def built_files(site: Path) -> Manifest:
    """Every file of the built site (not the build's own marker), hashed; a link or odd name is refused."""
    found: Manifest = {}
    for folder, folders, files in os.walk(site):
        folders.sort()
        for name in [*sorted(files), *folders]:
            path = Path(folder, name)
            relative = path.relative_to(site).as_posix()
            if stat.S_ISLNK(path.lstat().st_mode):
                raise PublishError(
                    f"{path} เป็นลิงก์ (symlink) ซึ่งไม่ได้มาจากการสร้างเว็บไซต์ สั่ง make site ใหม่",
                    f"{path} is a symbolic link, which a build does not make: run make site again",
                )
            if name in folders:
                continue
            if relative == BUILT_SITE_MARKER:
                continue
            if not safe_path(relative):
                raise PublishError(
                    f"ชื่อไฟล์ {relative!r} ในเว็บไซต์ที่สร้างไว้ส่งขึ้นเซิร์ฟเวอร์ไม่ได้",
                    f"the built file {relative!r} has a name that cannot be published",
                )
            found[relative] = hash_file(path)
    return found


def _entries(files: Manifest) -> dict[str, dict[str, object]]:
    return {path: {"sha256": e.sha256, "size": e.size} for path, e in sorted(files.items())}


def manifest_json(files: Manifest) -> bytes:
    return (json.dumps({"format": MANIFEST_FORMAT, "files": _entries(files)}, indent=1) + "\n").encode()


@record
class Journal:
    uploads: list[str]
    """Files the run may have put in place (checked, or sent again, by the next run)."""
    asides: dict[str, str]
    """Files of someone else's the run moves out of the way: their path → the name they are kept under."""
    sending: Manifest = field(default_factory=dict)
    """What each upload puts in place, whole or not at all (only renamed into place when complete)."""


def journal_json(journal: Journal) -> bytes:
    document = {
        "format": JOURNAL_FORMAT,
        "uploads": sorted(journal.uploads),
        "asides": dict(sorted(journal.asides.items())),
        "sending": _entries(journal.sending),
    }
    return (json.dumps(document, indent=1) + "\n").encode()


def _damaged(name: str, why: str) -> PublishError:
    return PublishError(
        f"ไฟล์ {name} บนเซิร์ฟเวอร์เสียหายหรือไม่ได้เขียนโดยโปรแกรมนี้ ({why}) ไม่มีการเปลี่ยนแปลงใด ๆ "
        f"ถ้าไม่มีใครแก้ไฟล์นี้ ให้ลบ {name} บนเซิร์ฟเวอร์ แล้วเผยแพร่ใหม่ (ไฟล์ทั้งหมดจะถูกส่งใหม่ ไม่มีไฟล์ใดถูกลบ)",
        f"{name} on the server is damaged or was not written by this tool ({why}); nothing was changed. "
        f"If nobody edited it, delete {name} on the server and publish again (every file is sent again, none deleted)",
    )


def _document(name: str, data: bytes, *expected_formats: str) -> dict[str, object]:
    if len(data) > MAX_MANIFEST_BYTES:
        raise _damaged(name, "too large")
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise _damaged(name, f"not JSON: {exc}") from None
    if not isinstance(document, dict) or document.get("format") not in expected_formats:
        raise _damaged(name, f"format is not {expected_formats[-1]}")
    return document


def parse_manifest(data: bytes) -> Manifest:
    return _file_entries(MANIFEST_NAME, _document(MANIFEST_NAME, data, MANIFEST_FORMAT).get("files"))


def _file_entries(name: str, files: object) -> Manifest:
    if not isinstance(files, dict):
        raise _damaged(name, "no files")
    parsed: Manifest = {}
    for path, entry in files.items():
        if not safe_path(path):
            raise _damaged(name, f"unsafe path {path!r}"[:200])
        if not isinstance(entry, dict):
            raise _damaged(name, f"entry of {path!r}"[:200])
        sha, size = entry.get("sha256"), entry.get("size")
        if not isinstance(sha, str) or not _HASH.match(sha) or type(size) is not int or size < 0:
            raise _damaged(name, f"hash or size of {path!r}"[:200])
        parsed[path] = FileEntry(sha, size)
    return parsed


def parse_journal(data: bytes) -> Journal:
    document = _document(JOURNAL_NAME, data, *JOURNAL_FORMATS)
    uploads, asides = document.get("uploads"), document.get("asides", {})
    sending = _file_entries(JOURNAL_NAME, document.get("sending", {}))
    if not isinstance(uploads, list) or not all(safe_path(p) for p in uploads):
        raise _damaged(JOURNAL_NAME, "uploads")
    if not isinstance(asides, dict) or not all(safe_path(p) and safe_path(a) for p, a in asides.items()):
        raise _damaged(JOURNAL_NAME, "asides")
    if not set(sending) <= set(uploads):
        raise _damaged(JOURNAL_NAME, "sending")
    return Journal([str(p) for p in uploads], {str(p): str(a) for p, a in asides.items()}, sending)
