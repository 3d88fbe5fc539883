"""Is this really the webmaster's server? Its SSH host key against the known-hosts file.

The check runs before any password or key is offered, so a server that is not the one listed
learns nothing. Safe policy: a listed key must match; an unlisted host is accepted only when the
webmaster opts in (``TRUST_HOST=1``) and is then listed; a changed key is never accepted here.
"""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path

import paramiko

from ...records.publish import PublishTarget
from .transport import PublishError


def host_name(target: PublishTarget) -> str:
    """As OpenSSH lists it: ``host``, or ``[host]:port`` when the port is not 22."""
    return target.host if target.port_number == 22 else f"[{target.host}]:{target.port_number}"


def fingerprint(key: paramiko.PKey) -> str:
    """``SHA256:…`` as ``ssh-keygen -l`` and hosting control panels print it."""
    digest = base64.b64encode(hashlib.sha256(key.asbytes()).digest()).decode().rstrip("=")
    return f"SHA256:{digest}"


def _known(known_hosts: Path) -> paramiko.HostKeys:
    keys = paramiko.HostKeys()
    if known_hosts.is_file():
        try:
            keys.load(str(known_hosts))
        except (OSError, paramiko.SSHException, ValueError) as exc:
            raise PublishError(
                f"อ่านไฟล์ {known_hosts} ไม่ได้ ({exc})",
                f"could not read {known_hosts} ({exc})",
            ) from None
    return keys


def preferred_key_types(transport: paramiko.Transport, target: PublishTarget, known_hosts: Path) -> None:
    """Ask first for the kinds of host key already listed, so a listed host is not taken for a new one."""
    listed = _known(known_hosts).lookup(host_name(target))
    if listed:
        options = transport.get_security_options()
        options.key_types = [k for k in options.key_types if k in listed] + [
            k for k in options.key_types if k not in listed
        ]


def check_host_key(key: paramiko.PKey, target: PublishTarget, known_hosts: Path, *, trust_new_host: bool) -> None:
    name = host_name(target)
    keys = _known(known_hosts)
    listed = keys.lookup(name)
    shown = f"{key.get_name()} {fingerprint(key)}"
    if listed:
        if listed.get(key.get_name()) == key:
            return
        raise PublishError(
            f"คำเตือน: กุญแจของเซิร์ฟเวอร์ {name} ไม่ตรงกับที่บันทึกไว้ใน {known_hosts} ({shown}) "
            "อาจมีผู้ปลอมเป็นเซิร์ฟเวอร์ จึงไม่ได้ส่งรหัสผ่านและไม่ได้เปลี่ยนแปลงอะไร ถามผู้ให้บริการโฮสติ้งว่าเปลี่ยนกุญแจจริงหรือไม่ "
            f"ถ้าจริง ให้ลบบรรทัดเดิม: ssh-keygen -R '{name}' -f {known_hosts} แล้วสั่ง make publish TRUST_HOST=1",
            f"WARNING: the host key of {name} differs from the one listed in {known_hosts} ({shown}). Someone may be "
            "posing as the server, so no password was sent and nothing was changed. Ask the host whether they really "
            f"changed it; if so, remove the old line (ssh-keygen -R '{name}' -f {known_hosts}) and run make publish TRUST_HOST=1",
        )
    if not trust_new_host:
        raise PublishError(
            f"ยังไม่รู้จักเซิร์ฟเวอร์ {name}: ลายนิ้วมือกุญแจคือ {shown} ตรวจกับผู้ให้บริการโฮสติ้งว่าตรงกัน "
            "แล้วสั่ง make publish TRUST_HOST=1 ครั้งเดียว (จะบันทึกไว้ใน "
            f"{known_hosts}) ยังไม่ได้ส่งรหัสผ่านและไม่ได้เปลี่ยนแปลงอะไร",
            f"{name} is not a known host yet; its key fingerprint is {shown}. Check with the host that it matches, "
            f"then run make publish TRUST_HOST=1 once (it is then listed in {known_hosts}). No password was sent "
            "and nothing was changed",
        )
    keys.add(name, key.get_name(), key)
    try:
        known_hosts.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with known_hosts.open("a", encoding="utf-8") as file:
            file.write(f"{name} {key.get_name()} {key.get_base64()}\n")
        os.chmod(known_hosts, 0o600)
    except OSError as exc:
        raise PublishError(
            f"บันทึกกุญแจของเซิร์ฟเวอร์ลง {known_hosts} ไม่ได้ ({exc.strerror})",
            f"could not list the server's key in {known_hosts} ({exc.strerror})",
        ) from None
    print(f"บันทึกกุญแจของ {name} แล้ว / listed the key of {name}: {shown}")
