"""Debian's vsftpd for the publishing tests, set up as a shared host runs it: TLS required for the login
and for every file, a local account shut in (chrooted) its home, passive data ports on 127.0.0.1.

vsftpd logs the account in through PAM, so it needs a real system user: one is created for the test
session and removed after it (the tests run as root, as CI does). A dropped line is played by killing
every vsftpd process at once once the folder under test has grown by a number of bytes, uploads being
slowed for that run so the cut lands where the test wants it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import signal
import ssl
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from publish_servers import free_port, self_signed_certificate, wait_for_port

VSFTPD = Path("/usr/sbin/vsftpd")
CUT_RATE = 4_000_000
"""Bytes a second each upload may go at in a run that is to be cut, so the watcher sees the cut point."""


def folder_bytes(folder: Path) -> int:
    total = 0
    for parent, _, names in os.walk(folder):
        for name in names:
            with contextlib.suppress(OSError):  # renamed away meanwhile
                total += os.lstat(os.path.join(parent, name)).st_size
    return total


@dataclass
class VsftpdServer:
    port: int
    root: Path
    """The account's home, where it is shut in: owned by root (vsftpd refuses a chroot its user may write)."""
    user: str
    password: str
    cert: Path
    key_file: Path
    fingerprint: str
    workdir: Path
    process: subprocess.Popen[bytes] | None = None
    watcher: threading.Thread | None = field(default=None, repr=False)

    def config(self, max_rate: int) -> Path:
        settings = {
            "listen": "YES",
            "listen_ipv6": "NO",
            "background": "NO",
            "listen_address": "127.0.0.1",
            "listen_port": str(self.port),
            "anonymous_enable": "NO",
            "local_enable": "YES",
            "write_enable": "YES",
            "local_umask": "022",
            "chroot_local_user": "YES",
            "pam_service_name": "vsftpd",
            "ssl_enable": "YES",
            "force_local_logins_ssl": "YES",
            "force_local_data_ssl": "YES",
            "ssl_ciphers": "HIGH",  # 3.0.3's default (DES-CBC3-SHA) is one today's OpenSSL no longer offers
            "rsa_cert_file": str(self.cert),
            "rsa_private_key_file": str(self.key_file),
            "pasv_enable": "YES",
            "pasv_address": "127.0.0.1",
            "local_max_rate": str(max_rate),
            "seccomp_sandbox": "NO",  # containers (CI) may refuse the sandbox's system calls
            "isolate": "NO",
            "isolate_network": "NO",
            "max_per_ip": "0",
            "xferlog_enable": "NO",
        }
        config = self.workdir / f"vsftpd-{max_rate}.conf"
        config.write_text("".join(f"{key}={value}\n" for key, value in settings.items()))
        return config

    def start(self, max_rate: int = 0) -> None:
        self.kill()
        command = [str(VSFTPD), str(self.config(max_rate))]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, start_new_session=True)
        wait_for_port(self.port, self.process)

    def cut_after(self, size: int, folder: Path) -> None:
        """(Re)start so that every connection drops at once when ``folder`` has grown by ``size`` bytes."""
        self.start(CUT_RATE)
        process, before = self.process, folder_bytes(folder)

        def watch() -> None:
            while process is not None and process.poll() is None:
                if folder_bytes(folder) - before > size:
                    self.kill()
                    return
                time.sleep(0.002)

        self.watcher = threading.Thread(target=watch, daemon=True)
        self.watcher.start()

    def kill(self) -> None:
        """As a dropped line: the listener and every session end at once, mid-transfer. (Each session
        leads a process group of its own, so the whole tree below the listener is found first.)"""
        if self.process is not None and self.process.poll() is None:
            for pid in [self.process.pid, *descendants(self.process.pid)]:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            self.process.wait(10)


def descendants(pid: int) -> list[int]:
    found, waiting = [], [pid]
    while waiting:
        parent = waiting.pop()
        with contextlib.suppress(OSError):
            children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
            found += [int(child) for child in children]
            waiting += [int(child) for child in children]
    return found


@contextlib.contextmanager
def vsftpd_server(workdir: Path) -> Iterator[VsftpdServer]:
    assert VSFTPD.exists(), "needs Debian's vsftpd: sudo bash .ci/run installs it"
    assert os.geteuid() == 0, "vsftpd logs in real system accounts: run the publishing tests as root (CI does)"
    cert, key = self_signed_certificate(workdir)
    fingerprint = hashlib.sha256(ssl.PEM_cert_to_DER_cert(cert.read_text())).hexdigest()
    root = Path(tempfile.mkdtemp(prefix="ita-vsftpd-"))  # outside pytest's root-only folders: the user reaches it
    root.chmod(0o755)
    user = f"itaftp{secrets.token_hex(3)}"
    password = secrets.token_urlsafe(12)
    subprocess.run(["useradd", "-M", "-d", str(root), "-s", "/bin/sh", user], check=True)
    server = VsftpdServer(free_port(), root, user, password, cert, key, fingerprint, workdir)
    try:
        subprocess.run(["chpasswd"], input=f"{user}:{password}".encode(), check=True)
        server.start()
        yield server
    finally:
        server.kill()
        for _ in range(50):
            if subprocess.run(["userdel", user], check=False, capture_output=True).returncode in (0, 6):  # 6: gone
                break
            time.sleep(0.1)
        subprocess.run(["rm", "-rf", "--one-file-system", str(root)], check=False)
