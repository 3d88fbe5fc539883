"""FTPS (FTP with explicit TLS) with the standard library: the password and every file encrypted.

The server's certificate is checked like a web site's (a trusted authority, the right name); a CA
file may be named in ``ITA_PUBLISH_CA_FILE``. A host with a self-signed certificate is pinned by
its SHA-256 fingerprint in ``publish.tls_fingerprint`` instead, checked on every connection,
before the password is sent.
"""

from __future__ import annotations

import contextlib
import ftplib
import hashlib
import io
import posixpath
import socket
import ssl
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ...records.publish import PublishTarget
from .credentials import Credentials
from .sftp import MAX_READ, TIMEOUT
from .transport import (
    Listing,
    PublishError,
    ServerFull,
    connection_lost,
    no_answer,
    no_folder,
    permission_denied,
    refused,
    unknown_host,
    unreadable_listing,
    wrong_login,
)

BLOCK = 64 * 1024
REASON_WAIT = 5.0
"""Seconds to wait for the server's reason after it dropped a transfer."""


def certificate_fingerprint(sock: ssl.SSLSocket) -> str:
    return hashlib.sha256(sock.getpeercert(binary_form=True) or b"").hexdigest()


class _PinnedFtpTls(ftplib.FTP_TLS):
    """FTP_TLS whose data connections reuse the control connection's TLS session (hosts that run
    vsftpd require it), send their last bytes at once and, when pinned, carry the pinned certificate too."""

    pinned: str | None = None
    changed: Callable[[str], Exception] | None = None
    """The warning to raise when a data connection shows another certificate than the pinned one."""
    protected = False

    def prot_p(self) -> str:
        answer = super().prot_p()
        self.protected = True
        return answer

    def ntransfercmd(self, cmd: str, rest: int | str | None = None) -> tuple[socket.socket, int | None]:
        conn, size = ftplib.FTP.ntransfercmd(self, cmd, rest)
        # The TLS goodbye at the end of each file is a small write after the data: without NODELAY it waits
        # on the server's delayed acknowledgement (40 ms a file on pure-ftpd and ProFTPD, more on some lines).
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        control: Any = self.sock
        if self.protected and isinstance(control, ssl.SSLSocket):
            conn = self.context.wrap_socket(conn, server_hostname=self.host, session=control.session)
            seen = certificate_fingerprint(conn)
            if self.pinned is not None and seen != self.pinned:
                conn.close()
                raise self.changed(seen) if self.changed else ssl.SSLError("not the pinned certificate")
        return conn, size


def _context(target: PublishTarget, ca_file: str | None) -> ssl.SSLContext:
    if target.tls_fingerprint is not None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE  # the fingerprint, checked by hand, proves the server instead
        return context
    try:
        return ssl.create_default_context(cafile=ca_file)
    except (OSError, ssl.SSLError) as exc:
        raise PublishError(
            f"อ่านไฟล์ CA {ca_file} (ITA_PUBLISH_CA_FILE) ไม่ได้ ({exc})",
            f"could not read the CA file {ca_file} (ITA_PUBLISH_CA_FILE): {exc}",
        ) from None


def _untrusted(target: PublishTarget, detail: str, seen: str) -> PublishError:
    return PublishError(
        f"ใบรับรอง TLS ของ {target.host} ไม่น่าเชื่อถือ ({detail}) จึงไม่ได้ส่งรหัสผ่านและไม่ได้เปลี่ยนแปลงอะไร "
        "ถ้าผู้ให้บริการโฮสติ้งยืนยันว่าใช้ใบรับรองที่ลงนามเอง (self-signed) และลายนิ้วมือ SHA-256 ตรงกับ "
        f"{seen} ให้ใส่ publish.tls_fingerprint: {seen} ใน site.yml (หรือชี้ไฟล์ CA ด้วย ITA_PUBLISH_CA_FILE)",
        f"the TLS certificate of {target.host} is not trusted ({detail}), so no password was sent and nothing was "
        "changed. If the host confirms a self-signed certificate whose SHA-256 fingerprint is "
        f"{seen}, add publish.tls_fingerprint: {seen} to site.yml (or name a CA file in ITA_PUBLISH_CA_FILE)",
    )


def out_of_space(reply: str) -> bool:
    """452 and 552 are "no storage" in RFC 959; servers also say it in words after a 451 or a 426
    (vsftpd: "451 Failure writing to local file", pure-ftpd: "451 Error during write to file",
    ProFTPD: "451 Transfer aborted. Input/output error", pyftpdlib: "426 No space left on device")."""
    code, text = reply[:3], reply[3:].lower()
    if code in ("452", "552"):
        return True
    if any(word in text for word in ("permission", "denied", "network")) or not code.startswith(("4", "5")):
        return False  # vsftpd's "426 Failure writing network stream" is the line, not the disk
    words = ("space", "quota", "disk full", "storage", "failure writing", "write", "input/output error")
    return any(word in text for word in words)


def _unsupported(exc: ftplib.Error) -> bool:
    """The server does not know the command or its option (500, 501, 502, 504): try another way."""
    return str(exc)[:3] in ("500", "501", "502", "504")


def _mlsd_listing(entries: Iterator[tuple[str, dict[str, str]]]) -> Listing:
    listing: Listing = {}
    for name, facts in entries:
        kind = facts.get("type", "").lower()
        if name in (".", "..") or kind in ("cdir", "pdir"):
            continue
        size = facts.get("size", "")
        listing[name] = int(size) if kind == "file" and size.isdigit() else None
    return listing


def _base_names(names: list[str]) -> list[str]:
    """NLST answers with bare names or with the folder in front, and "-a" adds "." and ".."."""
    return [base for name in names if (base := name.rpartition("/")[2]) not in ("", ".", "..")]


def changed_certificate(target: PublishTarget, seen: str) -> PublishError:
    """As loud as a changed SSH host key (``host_keys.check_host_key``): the pin is what proves the server."""
    name = f"{target.host}:{target.port_number}"
    return PublishError(
        f"คำเตือน: ใบรับรอง TLS ของเซิร์ฟเวอร์ {name} ไม่ตรงกับที่บันทึกไว้ใน publish.tls_fingerprint ของ site.yml "
        f"(ที่เห็นตอนนี้: SHA-256 {seen}) อาจมีผู้ปลอมเป็นเซิร์ฟเวอร์ จึงไม่ได้ส่งรหัสผ่านและไม่ได้เปลี่ยนแปลงอะไร "
        "ถามผู้ให้บริการโฮสติ้งว่าเปลี่ยนใบรับรองจริงหรือไม่ (ใบรับรองที่ลงนามเอง มักเปลี่ยนเมื่อหมดอายุ) "
        f"ถ้าจริง ให้แก้ใน site.yml เป็น publish.tls_fingerprint: {seen} แล้วสั่ง make publish อีกครั้ง",
        f"WARNING: the TLS certificate of {name} differs from the one pinned in site.yml (publish.tls_fingerprint); "
        f"it now shows SHA-256 {seen}. Someone may be posing as the server, so no password was sent and nothing was "
        "changed. Ask the host whether they really changed it (a self-signed certificate is often renewed when it "
        f"expires); if so, put the new one in site.yml (publish.tls_fingerprint: {seen}) and run make publish again",
    )


class FtpsRemote:
    def __init__(self, target: PublishTarget, credentials: Credentials, ca_file: str | None = None) -> None:
        self.target = target
        self.ftp = _PinnedFtpTls(context=_context(target, ca_file), timeout=TIMEOUT)
        self.ftp.pinned = target.tls_fingerprint
        self.ftp.changed = lambda seen: changed_certificate(target, seen)
        try:
            self._connect(credentials)
        except BaseException:
            self.ftp.close()
            raise

    def _connect(self, credentials: Credentials) -> None:
        target = self.target
        try:
            self.ftp.connect(target.host, target.port_number)
        except socket.gaierror:
            raise unknown_host(target) from None
        except ConnectionRefusedError:
            raise refused(target, "FTPS") from None
        except (OSError, EOFError, ftplib.Error) as exc:
            raise no_answer(target, str(exc) or type(exc).__name__) from None
        try:
            self.ftp.auth()
        except ssl.SSLCertVerificationError as exc:
            raise _untrusted(target, exc.verify_message or str(exc), self._fingerprint_anyway()) from None
        except (ftplib.Error, ssl.SSLError, OSError, EOFError) as exc:
            raise PublishError(
                f"{target.host} ไม่รองรับ FTPS (FTP แบบเข้ารหัส TLS) ที่พอร์ต {target.port_number} ({exc})",
                f"{target.host} does not offer FTPS (FTP with TLS) on port {target.port_number} ({exc})",
            ) from None
        sock: Any = self.ftp.sock
        if target.tls_fingerprint is not None and certificate_fingerprint(sock) != target.tls_fingerprint:
            raise changed_certificate(target, certificate_fingerprint(sock))
        try:
            self.ftp.login(target.user, credentials.password or "")
        except ftplib.error_perm:
            raise wrong_login(target) from None
        except (ftplib.Error, OSError, EOFError) as exc:
            raise no_answer(target, str(exc) or type(exc).__name__) from None
        with self._errors("."):
            self.ftp.prot_p()
            self.ftp.voidcmd("TYPE I")
            with contextlib.suppress(ftplib.error_perm, ftplib.error_reply):
                self.ftp.sendcmd("OPTS UTF8 ON")  # Thai file names as UTF-8 on servers that ask for it
            try:
                self.ftp.cwd(target.path)
            except ftplib.error_perm:
                raise no_folder(target) from None
            self.root = self.ftp.pwd()

    def _fingerprint_anyway(self) -> str:
        """The certificate's fingerprint, fetched without trusting it, to be shown (never to log in)."""
        unverified = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        unverified.check_hostname, unverified.verify_mode = False, ssl.CERT_NONE
        probe = ftplib.FTP_TLS(context=unverified, timeout=TIMEOUT)
        try:
            probe.connect(self.target.host, self.target.port_number)
            probe.auth()
            sock: Any = probe.sock
            return certificate_fingerprint(sock)
        except (OSError, EOFError, ftplib.Error):
            return "?"
        finally:
            probe.close()

    @contextlib.contextmanager
    def _errors(self, path: str) -> Iterator[None]:
        try:
            yield
        except (ftplib.error_perm, ftplib.error_temp) as exc:
            if out_of_space(str(exc)):
                raise ServerFull(self.target, path, str(exc)) from None
            if isinstance(exc, ftplib.error_temp):
                raise connection_lost(str(exc)) from None
            raise permission_denied(self.target, path, str(exc)) from None
        except (ftplib.Error, OSError, EOFError) as exc:
            raise connection_lost(str(exc) or type(exc).__name__) from None

    def _exists(self, path: str) -> bool:
        try:
            self.ftp.size(path)
        except ftplib.error_perm:
            return False
        return True

    def read(self, path: str) -> bytes | None:
        received = bytearray()

        def keep(chunk: bytes) -> None:
            received.extend(chunk)
            if len(received) > MAX_READ:
                raise PublishError(f"{path} บนเซิร์ฟเวอร์ใหญ่เกินไป", f"{path} on the server is too large")

        with self._errors(path):
            try:
                self.ftp.retrbinary(f"RETR {path}", keep)
            except ftplib.error_perm as exc:
                if str(exc).startswith("550"):  # no such file (asked directly: not every server has SIZE)
                    return None
                raise
        return bytes(received)

    def list_folder(self, path: str) -> Listing | None:
        where = posixpath.join(self.root, path) if path else self.root  # absolute: see _names
        with self._errors(path):
            try:
                return _mlsd_listing(self.ftp.mlsd(where, ["type", "size"]))
            except ftplib.error_perm as exc:
                if not _unsupported(exc):  # 550: no such folder, or one that may not be listed
                    if self._is_folder(path):
                        raise unreadable_listing(self.target, path, str(exc)) from None
                    return None
            # No MLSD (vsftpd answers its OPTS MLST with 501): NLST, whose "-a" shows the hidden files too.
            # Some servers send an empty list for a folder that is not there, so "there" is asked apart.
            names = self._names(path, where, "-a ")
            if names:
                return dict.fromkeys(_base_names(names))
            if not self._is_folder(path):
                return None
            names = self._names(path, where)
            if names is None:  # there, yet refused
                raise unreadable_listing(self.target, path, "NLST")
            return dict.fromkeys(_base_names(names))

    def _names(self, path: str, where: str, options: str = "") -> list[str] | None:
        """NLST's names; None when the server does not take the argument. A folder it could not open
        is an error, though the server may call the transfer done ("226 … failed to open") or, as
        vsftpd does, answer with the folder's own name, as ``ls -d`` would (never a content's name:
        those come back as ``where/name`` or bare)."""
        names: list[str] = []
        try:
            reply = self.ftp.retrlines(f"NLST {options}{where}", names.append)
        except ftplib.error_perm as exc:
            if _unsupported(exc) or str(exc).startswith("550"):
                return None
            raise unreadable_listing(self.target, path, str(exc)) from None
        if "fail" in reply.lower() or where.rstrip("/") in (name.rstrip("/") for name in names):
            raise unreadable_listing(self.target, path, reply)
        return names

    def _is_folder(self, path: str) -> bool:
        if not path:
            return True
        try:
            self.ftp.cwd(path)
        except ftplib.error_perm:
            return False
        self.ftp.cwd(self.root)
        return True

    def upload(self, local: Path, path: str, sent: Callable[[int], None]) -> None:
        with self._errors(path), self._storing(), local.open("rb") as file:
            self.ftp.storbinary(f"STOR {path}", file, BLOCK, lambda chunk: sent(len(chunk)))

    def write(self, path: str, data: bytes) -> None:
        with self._errors(path), self._storing():
            self.ftp.storbinary(f"STOR {path}", io.BytesIO(data), BLOCK)

    @contextlib.contextmanager
    def _storing(self) -> Iterator[None]:
        """A server that cannot store a file may drop the data connection mid-file (pyftpdlib does) and
        say why on the control connection: that answer, read briefly, names the cause (a full disk)."""
        try:
            yield
        except (OSError, EOFError):
            control: Any = self.ftp.sock
            with contextlib.suppress(OSError, EOFError, ftplib.error_reply, ftplib.error_proto, AttributeError):
                control.settimeout(REASON_WAIT)  # (no control socket at all: nothing to ask)
                self.ftp.getresp()  # a 4xx or 5xx answer is raised as ftplib's error, for _errors to name
            raise

    def replace(self, source: str, target: str) -> None:
        with self._errors(target):
            try:
                self.ftp.rename(source, target)
            except ftplib.error_perm:
                # Servers that will not rename onto an existing file: the file is missing for a moment.
                if not self._exists(target):
                    raise
                self.ftp.delete(target)
                self.ftp.rename(source, target)

    def remove(self, path: str) -> None:
        with self._errors(path):
            try:
                self.ftp.delete(path)
            except ftplib.error_perm:
                if self._exists(path):
                    raise

    def make_folder(self, path: str) -> None:
        with self._errors(path):
            try:
                self.ftp.mkd(path)
            except ftplib.error_perm:
                try:
                    self.ftp.cwd(path)  # already there: fine
                finally:
                    self.ftp.cwd(self.root)

    def remove_empty_folder(self, path: str) -> None:
        with contextlib.suppress(ftplib.Error, OSError, EOFError):
            self.ftp.rmd(path)

    def close(self) -> None:
        with contextlib.suppress(ftplib.Error, OSError, EOFError):
            self.ftp.quit()
        self.ftp.close()
