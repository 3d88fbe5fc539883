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
import socket
import ssl
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ...records.publish import PublishTarget
from .credentials import Credentials
from .sftp import MAX_READ, TIMEOUT
from .transport import (
    PublishError,
    connection_lost,
    no_answer,
    no_folder,
    permission_denied,
    refused,
    unknown_host,
    wrong_login,
)

BLOCK = 64 * 1024


def certificate_fingerprint(sock: ssl.SSLSocket) -> str:
    return hashlib.sha256(sock.getpeercert(binary_form=True) or b"").hexdigest()


class _PinnedFtpTls(ftplib.FTP_TLS):
    """FTP_TLS whose data connections reuse the control connection's TLS session (hosts that run
    vsftpd require it) and, when pinned, carry the pinned certificate too."""

    pinned: str | None = None
    protected = False

    def prot_p(self) -> str:
        answer = super().prot_p()
        self.protected = True
        return answer

    def ntransfercmd(self, cmd: str, rest: int | str | None = None) -> tuple[socket.socket, int | None]:
        conn, size = ftplib.FTP.ntransfercmd(self, cmd, rest)
        control: Any = self.sock
        if self.protected and isinstance(control, ssl.SSLSocket):
            conn = self.context.wrap_socket(conn, server_hostname=self.host, session=control.session)
            if self.pinned is not None and certificate_fingerprint(conn) != self.pinned:
                conn.close()
                raise ssl.SSLError("the data connection's certificate is not the pinned one")
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


class FtpsRemote:
    def __init__(self, target: PublishTarget, credentials: Credentials, ca_file: str | None = None) -> None:
        self.target = target
        self.ftp = _PinnedFtpTls(context=_context(target, ca_file), timeout=TIMEOUT)
        self.ftp.pinned = target.tls_fingerprint
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
            raise _untrusted(target, "fingerprint differs from publish.tls_fingerprint", certificate_fingerprint(sock))
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
        except ftplib.error_perm as exc:
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

    def list_folder(self, path: str) -> set[str] | None:
        with self._errors(path):
            try:
                return {name for name, _ in self.ftp.mlsd(path or ".", ["type"])} - {".", ".."}
            except ftplib.error_perm as exc:
                if not str(exc).startswith("500") and not str(exc).startswith("502"):
                    return None  # 550: no such folder
            try:  # a server without MLSD; NLST may leave out names that start with a dot
                return {name.rpartition("/")[2] for name in self.ftp.nlst(path or ".")} - {".", ".."}
            except ftplib.error_perm:
                return None

    def upload(self, local: Path, path: str, sent: Callable[[int], None]) -> None:
        with self._errors(path), local.open("rb") as file:
            self.ftp.storbinary(f"STOR {path}", file, BLOCK, lambda chunk: sent(len(chunk)))

    def write(self, path: str, data: bytes) -> None:
        with self._errors(path):
            self.ftp.storbinary(f"STOR {path}", io.BytesIO(data), BLOCK)

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
