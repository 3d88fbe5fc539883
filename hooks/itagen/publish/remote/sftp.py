"""SFTP (over SSH) with paramiko: the server proven by ``known_hosts`` before any secret is sent.

Host keys: a key listed in the known-hosts file (``~/.ssh/known_hosts``, or ``ITA_PUBLISH_KNOWN_HOSTS``)
must match. A host not listed is refused unless the webmaster opts in once (``TRUST_HOST=1``), after
checking the fingerprint shown with the host; it is then added. A changed key is always refused.
"""

from __future__ import annotations

import contextlib
import posixpath
import socket
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import paramiko

from ...records.publish import PublishTarget
from .credentials import Credentials
from .host_keys import check_host_key, preferred_key_types
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

TIMEOUT = 30.0
"""Seconds without an answer before a connection counts as broken (a slow line still answers)."""
MAX_READ = 64 * 1024 * 1024


def open_socket(target: PublishTarget, protocol_name: str) -> socket.socket:
    try:
        return socket.create_connection((target.host, target.port_number), timeout=TIMEOUT)
    except socket.gaierror:
        raise unknown_host(target) from None
    except ConnectionRefusedError:
        raise refused(target, protocol_name) from None
    except OSError as exc:
        raise no_answer(target, exc.strerror or type(exc).__name__) from None


def _private_key(credentials: Credentials) -> paramiko.PKey:
    assert credentials.key_file is not None
    key_file = credentials.key_file
    try:
        passphrase = credentials.key_passphrase
        # paramiko hands the passphrase to cryptography, which takes bytes (the stubs say str).
        secret = passphrase.encode() if passphrase is not None else None
        return paramiko.PKey.from_path(key_file, secret)  # type: ignore[arg-type]
    except (paramiko.PasswordRequiredException, TypeError) as exc:
        # An OpenSSH-format key read without its passphrase fails in cryptography with a TypeError.
        if credentials.key_passphrase is not None and not isinstance(exc, paramiko.PasswordRequiredException):
            raise PublishError(
                f"passphrase ของกุญแจ SSH {key_file} ไม่ถูกต้อง ({exc})",
                f"the passphrase of the SSH key {key_file} is wrong ({exc})",
            ) from None
        raise PublishError(
            f"กุญแจ {key_file} มีรหัสผ่าน (passphrase): ตั้งใน ITA_PUBLISH_KEY_PASSPHRASE หรือเก็บใน keyring",
            f"the key {key_file} has a passphrase: set ITA_PUBLISH_KEY_PASSPHRASE or keep it in the keyring",
        ) from None
    except (OSError, paramiko.SSHException, ValueError) as exc:
        raise PublishError(
            f"อ่านกุญแจ SSH {key_file} (ITA_PUBLISH_KEY) ไม่ได้ หรือ passphrase ไม่ถูกต้อง ({exc})",
            f"could not read the SSH key {key_file} (ITA_PUBLISH_KEY), or its passphrase is wrong ({exc})",
        ) from None


def stored_only_part(detail: str) -> bool:
    text = detail.lower()
    return text == "failure" or text.startswith("size mismatch") or "space" in text or "quota" in text


class SftpRemote:
    def __init__(
        self, target: PublishTarget, credentials: Credentials, known_hosts: Path, *, trust_new_host: bool
    ) -> None:
        self.target = target
        sock = open_socket(target, "SFTP")
        self.transport = paramiko.Transport(sock)
        try:
            preferred_key_types(self.transport, target, known_hosts)
            self.transport.start_client(timeout=TIMEOUT)
            check_host_key(self.transport.get_remote_server_key(), target, known_hosts, trust_new_host=trust_new_host)
            self._log_in(credentials)
            sftp = paramiko.SFTPClient.from_transport(self.transport)
            if sftp is None:
                raise connection_lost("no SFTP channel")
            self.sftp: paramiko.SFTPClient = sftp
            channel = sftp.get_channel()
            if channel is not None:
                channel.settimeout(TIMEOUT)
            try:
                self.root = self.sftp.normalize(target.path)
                mode = self.sftp.stat(self.root).st_mode
            except FileNotFoundError:
                raise no_folder(target) from None
            except PermissionError as exc:
                raise permission_denied(target, ".", str(exc)) from None
            if mode is None or not stat.S_ISDIR(mode):
                raise no_folder(target)
        except (paramiko.SSHException, EOFError, OSError) as exc:
            self.transport.close()
            if isinstance(exc, paramiko.SSHException) and "protocol banner" in str(exc):
                raise refused(target, "SFTP") from None
            raise no_answer(target, str(exc) or type(exc).__name__) from None  # nothing was changed yet
        except BaseException:
            self.transport.close()
            raise

    def _log_in(self, credentials: Credentials) -> None:
        try:
            if credentials.key_file is not None:
                self.transport.auth_publickey(self.target.user, _private_key(credentials))
            elif credentials.password is not None:
                self.transport.auth_password(self.target.user, credentials.password)
        except paramiko.BadAuthenticationType as exc:
            raise PublishError(
                f"เซิร์ฟเวอร์ {self.target.host} ไม่รับการเข้าสู่ระบบแบบนี้ รับเฉพาะ: {', '.join(exc.allowed_types)}",
                f"{self.target.host} does not accept this way of logging in; it accepts: {', '.join(exc.allowed_types)}",
            ) from None
        except paramiko.AuthenticationException:
            raise wrong_login(self.target) from None
        if not self.transport.is_authenticated():
            raise wrong_login(self.target)

    def _full(self, path: str) -> str:
        return posixpath.join(self.root, path)

    @contextlib.contextmanager
    def _errors(self, path: str) -> Iterator[None]:
        try:
            yield
        except PermissionError as exc:
            raise permission_denied(self.target, path, str(exc)) from None
        except (paramiko.SSHException, EOFError, OSError) as exc:
            raise connection_lost(str(exc) or type(exc).__name__) from None

    def read(self, path: str) -> bytes | None:
        with self._errors(path):
            try:
                with self.sftp.open(self._full(path), "rb") as file:
                    return file.read(MAX_READ + 1)
            except FileNotFoundError:
                return None

    def list_folder(self, path: str) -> Listing | None:
        with self._errors(path):
            try:
                entries = self.sftp.listdir_attr(self._full(path))
            except (FileNotFoundError, NotADirectoryError):
                return None
            except PermissionError as exc:
                raise unreadable_listing(self.target, path, str(exc)) from None
        return {e.filename: e.st_size if e.st_mode is not None and stat.S_ISREG(e.st_mode) else None for e in entries}

    def upload(self, local: Path, path: str, sent: Callable[[int], None]) -> None:
        done = 0

        def count(transferred: int, total: int) -> None:
            nonlocal done
            sent(transferred - done)
            done = transferred

        with self._errors(path), self._storing(path):
            self.sftp.put(str(local), self._full(path), callback=count, confirm=True)

    def write(self, path: str, data: bytes) -> None:
        with self._errors(path), self._storing(path), self.sftp.open(self._full(path), "wb") as file:
            file.write(data)

    @contextlib.contextmanager
    def _storing(self, path: str) -> Iterator[None]:
        """SFTP (version 3) has no "disk full": a write the server cannot store fails with the bare
        status "Failure" (OpenSSH), or the server keeps fewer bytes than were sent (paramiko's size check)."""
        try:
            yield
        except OSError as exc:
            detail = str(exc.strerror or exc.args[0] if exc.args else exc)
            if not isinstance(exc, PermissionError) and stored_only_part(detail):
                raise ServerFull(self.target, path, detail) from None
            raise

    def replace(self, source: str, target: str) -> None:
        with self._errors(target):
            try:
                self.sftp.posix_rename(self._full(source), self._full(target))
            except OSError as exc:
                if isinstance(exc, PermissionError) or "unsupported" not in str(exc).lower():
                    raise
                # A server without OpenSSH's atomic rename: the file is missing for a moment.
                with contextlib.suppress(FileNotFoundError):
                    self.sftp.remove(self._full(target))
                self.sftp.rename(self._full(source), self._full(target))

    def remove(self, path: str) -> None:
        with self._errors(path), contextlib.suppress(FileNotFoundError):
            self.sftp.remove(self._full(path))

    def make_folder(self, path: str) -> None:
        with self._errors(path):
            try:
                self.sftp.mkdir(self._full(path))
            except OSError as exc:
                try:
                    is_folder = self.sftp.stat(self._full(path)).st_mode
                except OSError:
                    raise exc from None
                if is_folder is None or not stat.S_ISDIR(is_folder):
                    raise PublishError(
                        f"บนเซิร์ฟเวอร์มีไฟล์ชื่อ '{path}' ตรงกับโฟลเดอร์ของเว็บไซต์ ย้ายหรือลบไฟล์นั้นก่อน",
                        f"the server has a file '{path}' where the site has a folder: move or delete that file first",
                    ) from None

    def remove_empty_folder(self, path: str) -> None:
        with contextlib.suppress(OSError):
            self.sftp.rmdir(self._full(path))

    def close(self) -> None:
        self.transport.close()
