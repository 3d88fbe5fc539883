"""The FTP servers shared hosts run, for the publishing tests: Debian's vsftpd and pure-ftpd (cPanel's),
each set up as a host sets it up: TLS required for the login and for every file, a local account shut
in (chrooted) its home, passive data ports on 127.0.0.1.

They log in real system accounts, so one is created for the test session and removed after it (the
tests run as root, as CI does). pure-ftpd conflicts with vsftpd as a Debian package: ``.ci/run``
unpacks it into ``EXTRACTED`` instead of installing it. A dropped line is played by killing every
process of the server at once when the folder under test has grown by a number of bytes, uploads
being slowed for that run so the cut lands where the test wants it.
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
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from publish_servers import free_port, self_signed_certificate, wait_for_port

VSFTPD = Path("/usr/sbin/vsftpd")
EXTRACTED = Path("/opt/ita-test-servers")
"""Where ``.ci/run`` unpacks FTP servers that cannot be installed beside vsftpd (``dpkg -x``)."""
PURE_FTPD = EXTRACTED / "usr" / "sbin" / "pure-ftpd"
PROFTPD = EXTRACTED / "usr" / "sbin" / "proftpd"
EXTRACTED_LIBRARIES = EXTRACTED / "usr" / "lib" / "x86_64-linux-gnu"
"""Libraries of those servers that need not be installed (ProFTPD's memcached, redis, pcre2-posix clients)."""
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
class FtpDaemon(ABC):
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

    @abstractmethod
    def command(self, max_rate: int) -> list[str]:
        """The server's command line, each server's own (``max_rate``: bytes a second, 0 for no limit)."""

    def environment(self) -> dict[str, str] | None:
        """Servers ``.ci/run`` unpacked find the libraries it unpacked beside them."""
        return os.environ | {"LD_LIBRARY_PATH": str(EXTRACTED_LIBRARIES)}

    def start(self, max_rate: int = 0) -> None:
        self.kill()
        command = self.command(max_rate)
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, start_new_session=True, env=self.environment()
        )
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


class VsftpdServer(FtpDaemon):
    def environment(self) -> dict[str, str] | None:
        return None  # installed

    def command(self, max_rate: int) -> list[str]:
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
        return [str(VSFTPD), str(config)]


class PureFtpdServer(FtpDaemon):
    def command(self, max_rate: int) -> list[str]:
        command = [str(PURE_FTPD), "--bind", f"127.0.0.1,{self.port}", "--ipv4only", "--login", "unix"]
        command += ["--chrooteveryone", "--noanonymous", "--dontresolve", "--minuid", "1"]
        command += ["--tls", "3", "--certfile", f"{self.cert},{self.key_file}"]  # 3: TLS for logins and data
        command += ["--forcepassiveip", "127.0.0.1", "--maxclientsperip", "50"]
        return command + (["--userbandwidth", str(max_rate // 1024)] if max_rate else [])


class ProftpdServer(FtpDaemon):
    """As DirectAdmin and Plesk run it: accounts shut in their home (DefaultRoot ~), TLS from mod_tls."""

    def command(self, max_rate: int) -> list[str]:
        folder = self.workdir
        lines = [
            "ServerType standalone",
            "DefaultServer on",
            "UseIPv6 off",
            "DefaultAddress 127.0.0.1",
            f"Port {self.port}",
            "User nobody",
            "Group nogroup",
            f"PidFile {folder / 'proftpd.pid'}",
            f"ScoreboardFile {folder / 'proftpd.scoreboard'}",
            "DelayEngine off",
            "WtmpLog off",
            "UseReverseDNS off",
            "RequireValidShell off",
            "AuthOrder mod_auth_unix.c",
            "DefaultRoot ~",
            "Umask 022",
            "AllowOverwrite on",
            "MaxInstances 50",
            "MasqueradeAddress 127.0.0.1",
            f"ModulePath {EXTRACTED / 'usr' / 'lib' / 'proftpd'}",
            "LoadModule mod_tls.c",
            "TLSEngine on",
            "TLSRequired on",  # the login and every data connection
            "TLSProtocol TLSv1.2 TLSv1.3",
            f"TLSECCertificateFile {self.cert}",
            f"TLSECCertificateKeyFile {self.key_file}",
            f"TLSLog {folder / 'proftpd-tls.log'}",
        ]
        if max_rate:
            lines.append(f"TransferRate STOR {max_rate // 1024}")
        config = folder / f"proftpd-{max_rate}.conf"
        config.write_text("\n".join(lines) + "\n")
        return [str(PROFTPD), "--nodaemon", "--config", str(config)]


def descendants(pid: int) -> list[int]:
    found, waiting = [], [pid]
    while waiting:
        parent = waiting.pop()
        with contextlib.suppress(OSError):
            children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
            found += [int(child) for child in children]
            waiting += [int(child) for child in children]
    return found


DAEMONS: dict[str, tuple[type[FtpDaemon], Path]] = {
    "vsftpd": (VsftpdServer, VSFTPD),
    "pure-ftpd": (PureFtpdServer, PURE_FTPD),
    "proftpd": (ProftpdServer, PROFTPD),
}


@contextlib.contextmanager
def ftp_daemon(name: str, workdir: Path) -> Iterator[FtpDaemon]:
    kind, program = DAEMONS[name]
    assert program.exists(), f"needs Debian's {name}: sudo bash .ci/run installs (or unpacks) it"
    assert os.geteuid() == 0, f"{name} logs in real system accounts: run the publishing tests as root (CI does)"
    cert, key = self_signed_certificate(workdir)
    fingerprint = hashlib.sha256(ssl.PEM_cert_to_DER_cert(cert.read_text())).hexdigest()
    root = Path(tempfile.mkdtemp(prefix=f"ita-{name}-"))  # outside pytest's root-only folders: the user reaches it
    root.chmod(0o755)
    user = f"itaftp{secrets.token_hex(3)}"
    password = secrets.token_urlsafe(12)
    subprocess.run(["useradd", "-M", "-d", str(root), "-s", "/bin/sh", user], check=True)
    server = kind(free_port(), root, user, password, cert, key, fingerprint, workdir)
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
