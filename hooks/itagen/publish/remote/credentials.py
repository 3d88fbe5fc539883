"""The secret that opens the server: from the environment or the system keyring, never a data file.

``ITA_PUBLISH_PASSWORD`` (SFTP or FTPS password), ``ITA_PUBLISH_KEY`` (an SSH private key file) with
``ITA_PUBLISH_KEY_PASSPHRASE``; without them, the keyring entry of service ``ita-publish`` and user
``<user>@<host>`` (``keyring set ita-publish user@host``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import keyring
import keyring.backends.fail
import keyring.errors

from ...records.publish import PublishTarget
from ...records.record import record
from .transport import PublishError

KEYRING_SERVICE = "ita-publish"


@record
class Credentials:
    password: str | None = None
    key_file: Path | None = None
    key_passphrase: str | None = None


def keyring_name(target: PublishTarget) -> str:
    return f"{target.user}@{target.host}"


def _from_keyring(target: PublishTarget) -> str | None:
    """The stored secret, or None; a machine without a keyring says so instead of failing obscurely."""
    try:
        return keyring.get_password(KEYRING_SERVICE, keyring_name(target))
    except keyring.errors.NoKeyringError:
        return None
    except keyring.errors.KeyringError as exc:
        raise PublishError(
            f"อ่านรหัสผ่านจาก keyring ของเครื่องไม่ได้ ({exc}) ตั้งรหัสผ่านใน ITA_PUBLISH_PASSWORD แทน",
            f"could not read the password from this computer's keyring ({exc}); set ITA_PUBLISH_PASSWORD instead",
        ) from None


def has_keyring() -> bool:
    return not isinstance(keyring.get_keyring(), keyring.backends.fail.Keyring)


def find_credentials(target: PublishTarget, environ: Mapping[str, str], shared: tuple[Path, ...] = ()) -> Credentials:
    """The secret for ``target``; a key file inside one of the ``shared`` folders (the project, the data)
    is refused: git would share it with everyone who can read the repository."""
    key = environ.get("ITA_PUBLISH_KEY") or None
    password = environ.get("ITA_PUBLISH_PASSWORD") or None
    if key is not None:
        inside = [folder for folder in shared if Path(key).expanduser().resolve().is_relative_to(folder.resolve())]
        if inside:
            raise PublishError(
                f"กุญแจ SSH ({key}) อยู่ในโฟลเดอร์ {inside[0]} ซึ่ง git อาจนำไปเผยแพร่ให้ผู้อื่นอ่านได้ "
                "ย้ายไปไว้นอกโปรเจกต์ (เช่น ~/.ssh/) แล้วตั้ง ITA_PUBLISH_KEY ใหม่",
                f"the SSH key ({key}) is inside {inside[0]}, which git may share with anyone who reads the "
                "repository: move it out of the project (such as to ~/.ssh/) and point ITA_PUBLISH_KEY there",
            )
        if target.protocol != "sftp":
            raise PublishError(
                "ITA_PUBLISH_KEY ใช้กับ sftp เท่านั้น FTPS ใช้รหัสผ่าน (ITA_PUBLISH_PASSWORD)",
                "ITA_PUBLISH_KEY is for sftp only; FTPS logs in with a password (ITA_PUBLISH_PASSWORD)",
            )
        passphrase = environ.get("ITA_PUBLISH_KEY_PASSPHRASE") or _from_keyring(target)
        return Credentials(password, Path(key).expanduser(), passphrase)
    if password is None:
        password = _from_keyring(target)
    if password is None:
        where = keyring_name(target)
        store = (
            f"หรือเก็บไว้ใน keyring: keyring set {KEYRING_SERVICE} {where}",
            f"or keep it in the keyring: keyring set {KEYRING_SERVICE} {where}",
        )
        if not has_keyring():
            store = (
                "(เครื่องนี้ไม่มี keyring ให้ใช้ จึงต้องใช้ตัวแปรสภาพแวดล้อม)",
                "(this computer has no keyring to use, so it must be an environment variable)",
            )
        raise PublishError(
            f"ไม่พบรหัสผ่านสำหรับ {where}: ตั้งตัวแปร ITA_PUBLISH_PASSWORD (หรือ ITA_PUBLISH_KEY สำหรับกุญแจ SSH) {store[0]}",
            f"no password for {where}: set ITA_PUBLISH_PASSWORD (or ITA_PUBLISH_KEY for an SSH key) {store[1]}",
        )
    return Credentials(password=password)
