"""What publishing needs of a server, whatever the protocol, and what it says when the server fails.

Paths are relative to the site's folder on the server (``publish.path``) and use ``/``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from ...problems import terminal_safe
from ...records.publish import PublishTarget


class PublishError(Exception):
    """Publishing stopped; the text says why and what to do, in Thai then English."""

    def __init__(self, thai: str, english: str) -> None:
        self.thai = terminal_safe(thai)
        self.english = terminal_safe(english)
        super().__init__(f"{self.thai}\n{self.english}")


Listing = dict[str, int | None]
"""A folder's names → each file's size in bytes, when the server tells it (None: a folder, or not told)."""


class Remote(Protocol):
    """One open, logged-in connection to the site's folder on the server."""

    def read(self, path: str) -> bytes | None:
        """The file's bytes, or None when there is no such file."""

    def list_folder(self, path: str) -> Listing | None:
        """The names in a folder (``""``: the site's folder), hidden ones too, or None when there is no
        such folder; a folder that is there but cannot be listed is a ``PublishError``, never empty."""

    def upload(self, local: Path, path: str, sent: Callable[[int], None]) -> None:
        """Write ``local`` to ``path`` (created or overwritten), calling ``sent(bytes)`` as it goes."""

    def write(self, path: str, data: bytes) -> None:
        """Write a small file (the manifest, the journal)."""

    def replace(self, source: str, target: str) -> None:
        """Rename ``source`` to ``target``, replacing it at once where the server can."""

    def remove(self, path: str) -> None:
        """Delete a file; one that is already gone is fine."""

    def make_folder(self, path: str) -> None:
        """Create one folder whose parent exists; one that exists is fine."""

    def remove_empty_folder(self, path: str) -> None:
        """Remove a folder if it is empty; one that holds anything is kept, silently."""

    def close(self) -> None: ...


def where(target: PublishTarget) -> str:
    return f"{target.user}@{target.host}:{target.port_number}"


def wrong_login(target: PublishTarget) -> PublishError:
    return PublishError(
        f"เข้าสู่ระบบ {where(target)} ไม่ได้: ชื่อผู้ใช้ รหัสผ่าน หรือกุญแจไม่ถูกต้อง ไม่มีการเปลี่ยนแปลงใด ๆ บนเซิร์ฟเวอร์ "
        "ตรวจ publish.user ใน site.yml และรหัสผ่านใน ITA_PUBLISH_PASSWORD (หรือ keyring) หรือกุญแจใน ITA_PUBLISH_KEY",
        f"could not log in to {where(target)}: the user, password or key is wrong; nothing on the server was changed. "
        "Check publish.user in site.yml and the password in ITA_PUBLISH_PASSWORD (or the keyring), or the key in ITA_PUBLISH_KEY",
    )


def unknown_host(target: PublishTarget) -> PublishError:
    return PublishError(
        f"ไม่พบเครื่อง {target.host}: ตรวจการสะกด publish.host ใน site.yml และการเชื่อมต่ออินเทอร์เน็ต",
        f"the host {target.host} was not found: check the spelling of publish.host in site.yml and the internet connection",
    )


def refused(target: PublishTarget, protocol_name: str) -> PublishError:
    return PublishError(
        f"{target.host} ไม่รับการเชื่อมต่อ {protocol_name} ที่พอร์ต {target.port_number}: ตรวจ publish.protocol และ "
        "publish.port ใน site.yml กับที่ผู้ให้บริการโฮสติ้งแจ้ง หรือเซิร์ฟเวอร์อาจปิดอยู่",
        f"{target.host} refused a {protocol_name} connection on port {target.port_number}: check publish.protocol and "
        "publish.port in site.yml against what the host told you, or the server may be down",
    )


def no_answer(target: PublishTarget, detail: str) -> PublishError:
    return PublishError(
        f"ติดต่อ {target.host}:{target.port_number} ไม่ได้ ({detail}) ตรวจการเชื่อมต่ออินเทอร์เน็ต แล้วสั่งอีกครั้ง",
        f"could not reach {target.host}:{target.port_number} ({detail}); check the internet connection and run again",
    )


def connection_lost(detail: str) -> PublishError:
    return PublishError(
        f"การเชื่อมต่อหลุดระหว่างเผยแพร่ ({detail}) เว็บไซต์บนเซิร์ฟเวอร์ยังเปิดอ่านได้ทุกหน้า สั่ง make publish อีกครั้งเพื่อส่งส่วนที่เหลือให้ครบ",
        f"the connection broke while publishing ({detail}); every page on the server is still whole and readable. "
        "Run make publish again to finish",
    )


def permission_denied(target: PublishTarget, path: str, detail: str) -> PublishError:
    return PublishError(
        f"เซิร์ฟเวอร์ไม่อนุญาตให้ {target.user} เขียนหรือลบ '{path}' ในโฟลเดอร์ {target.path} ({detail}) "
        "ตรวจ publish.path ใน site.yml หรือถามผู้ให้บริการโฮสติ้งเรื่องสิทธิ์ของโฟลเดอร์",
        f"the server does not let {target.user} write or delete '{path}' in the folder {target.path} ({detail}); "
        "check publish.path in site.yml or ask the host about the folder's permissions",
    )


def no_folder(target: PublishTarget) -> PublishError:
    return PublishError(
        f"ไม่พบโฟลเดอร์ {target.path} บน {target.host} ตรวจ publish.path ใน site.yml (เช่น public_html)",
        f"the folder {target.path} does not exist on {target.host}: check publish.path in site.yml (such as public_html)",
    )


def unreadable_listing(target: PublishTarget, path: str, detail: str) -> PublishError:
    """Reading a folder as empty would overwrite the host's own files in it without keeping a copy."""
    folder = f"{target.path}/{path}" if path else target.path
    return PublishError(
        f"อ่านรายชื่อไฟล์ในโฟลเดอร์ {folder} บนเซิร์ฟเวอร์ไม่ได้ ({detail}) จึงไม่ได้เปลี่ยนแปลงอะไร "
        "(ถ้าเผยแพร่ต่อไปอาจเขียนทับไฟล์เดิมของโฮสต์โดยไม่ได้เก็บสำเนา) สั่ง make publish อีกครั้ง "
        "ถ้ายังไม่ได้ ให้ถามผู้ให้บริการโฮสติ้งเรื่องสิทธิ์อ่านโฟลเดอร์นี้",
        f"could not read the list of files in the folder {folder} on the server ({detail}), so nothing was changed "
        "(publishing blind could overwrite the host's own files without keeping a copy). Run make publish again; "
        "if it fails the same way, ask the host about the permission to list this folder",
    )


class ServerFull(PublishError):
    """The server stored only part of a file: its disk, or the account's quota, is full."""

    def __init__(
        self,
        target: PublishTarget,
        path: str,
        detail: str,
        still_to_send: int | None = None,
        *,
        part_removed: bool = False,
    ) -> None:
        self.target, self.path, self.detail = target, path, detail
        thai_after = english_after = ""
        if part_removed:
            thai_after, english_after = " ไฟล์ที่ส่งไม่ครบถูกลบแล้ว", ", and the part-written file was removed"
        if still_to_send is not None:
            thai_after += f" เผยแพร่ครั้งนี้ยังต้องส่งอีกประมาณ {_megabytes(still_to_send)}"
            english_after += f"; this publish still has about {_megabytes(still_to_send)} to send"
        super().__init__(
            f"พื้นที่บนเซิร์ฟเวอร์เต็ม (ดิสก์ของโฮสต์ หรือโควตาพื้นที่ของบัญชี {target.user}) จึงเขียน '{path}' ไม่ได้ "
            f"({detail}) เว็บไซต์เดิมบนเซิร์ฟเวอร์ยังเปิดอ่านได้ครบทุกหน้า{thai_after} "
            "ให้ลบไฟล์ที่ไม่ใช้แล้วบนโฮสต์ (เช่น สำเนาสำรองเก่า ไฟล์ log) หรือขอโควตาพื้นที่เพิ่มจากผู้ให้บริการโฮสติ้ง "
            "แล้วจึงสั่ง make publish อีกครั้ง (สั่งซ้ำโดยไม่เพิ่มพื้นที่จะไม่สำเร็จแบบเดิม)",
            f"the server is out of space (the host's disk, or the storage quota of the account {target.user}), so "
            f"'{path}' could not be written ({detail}). The old site on the server is still whole and readable"
            f"{english_after}. Free space on the host (old backups, logs, files no longer needed) or ask the host "
            "for more quota, then run make publish again (running it again without more space fails the same way)",
        )


def _megabytes(size: int) -> str:
    return f"{max(size, 1) / 1_000_000:.1f} MB"
