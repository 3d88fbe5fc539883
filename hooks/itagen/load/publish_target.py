"""The ``publish:`` block of ``site.yml``: where the site goes, and never the secret that opens it."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from ..problems import Location
from ..records.publish import PublishTarget
from .schema import INVALID, Validator

SECRET_WORDS = re.compile(r"pass|secret|key|token|identity|credential|รหัส", re.IGNORECASE)
"""A key with one of these in its name would put a secret into a file that git shares and keeps."""
HOST = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.:-]{0,251}[A-Za-z0-9])?$")
FINGERPRINT = re.compile(r"^(?:sha256:)?((?:[0-9a-f]{2}:?){31}[0-9a-f]{2})$", re.IGNORECASE)
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def read_publish_target(value: Any, location: Location, validator: Validator) -> Any:
    """The target's fields, after refusing any key that looks like a password, passphrase or key."""
    if isinstance(value, dict):
        lines = getattr(value, "key_lines", {})
        secrets = [key for key in value if isinstance(key, str) and SECRET_WORDS.search(key)]
        for key in secrets:
            validator.error(
                location.child(key, lines.get(key)),
                f"ห้ามใส่รหัสผ่านหรือกุญแจ ('{key}') ใน site.yml: โฟลเดอร์ข้อมูลอยู่ใน repository ที่ผู้อื่นอ่านได้ "
                "และ git เก็บทุกฉบับไว้ในประวัติ ลบบรรทัดนี้ แล้วตั้งรหัสผ่านในตัวแปร ITA_PUBLISH_PASSWORD "
                "(ไฟล์กุญแจ SSH ใน ITA_PUBLISH_KEY) หรือเก็บไว้ใน keyring ของเครื่อง (ดู data/README.md) "
                "ถ้าเคย commit รหัสนี้แล้ว ให้เปลี่ยนรหัสผ่านที่ผู้ให้บริการโฮสติ้ง",
                f"never put a password or key ('{key}') in site.yml: the data folder is in a repository others can "
                "read, and git keeps every version in its history. Remove the line; set the password in the "
                "variable ITA_PUBLISH_PASSWORD (an SSH key file in ITA_PUBLISH_KEY) or keep it in this computer's "
                "keyring (see data/README.md). If it was ever committed, change the password at the host",
            )
        if secrets:
            return INVALID
    target = validator.fields(PublishTarget, value, location)
    if target is INVALID:
        return INVALID
    problems = 0
    if not HOST.match(target.host):
        problems += 1
        validator.error(
            location.child("host"),
            f"ชื่อเครื่องต้องเป็นชื่ออย่างเดียว เช่น ftp.example.go.th (ไม่มี sftp://, / หรือช่องว่าง) แต่พบ '{target.host}'",
            f"the host is a bare name such as ftp.example.go.th (no sftp://, / or spaces); found '{target.host}'",
        )
    if not target.path.strip() or _CONTROL.search(target.path) or "\\" in target.path:
        problems += 1
        validator.error(
            location.child("path"),
            "โฟลเดอร์บนเซิร์ฟเวอร์ต้องเขียนด้วย / เช่น public_html หรือ /var/www/html",
            "the folder on the server is written with / such as public_html or /var/www/html",
        )
    if not target.user.strip() or _CONTROL.search(target.user):
        problems += 1
        validator.error(location.child("user"), "ชื่อผู้ใช้ว่างหรือมีอักขระควบคุม", "the user is empty or has control characters")
    fingerprint = target.tls_fingerprint
    if fingerprint is not None:
        match = FINGERPRINT.match(fingerprint.strip())
        if target.protocol != "ftps" or match is None:
            problems += 1
            validator.error(
                location.child("tls_fingerprint"),
                "tls_fingerprint ใช้กับ ftps เท่านั้น และเป็นลายนิ้วมือ SHA-256 ของใบรับรอง (ตัวเลขฐานสิบหก 64 ตัว)",
                "tls_fingerprint is for ftps only: the certificate's SHA-256 fingerprint (64 hexadecimal digits)",
            )
        else:
            fingerprint = match[1].replace(":", "").lower()
    return INVALID if problems else dataclasses.replace(target, tls_fingerprint=fingerprint)
