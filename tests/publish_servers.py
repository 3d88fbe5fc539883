"""Real servers on 127.0.0.1 for the publishing tests: OpenSSH's sshd and an FTPS server.

sshd runs with its own config, a throwaway host key and client key; as root (CI) it serves a
throwaway user created for the session and removed after it. A small TCP proxy cuts a connection
after a number of bytes, as a dropped line does.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import ipaddress
import os
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

SSHD = Path("/usr/sbin/sshd")
TESTS = Path(__file__).resolve().parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[bytes] | None = None, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port}")


@dataclass
class SshServer:
    port: int
    user: str
    password: str | None
    """None when not root: sshd can then check only the running user's keys."""
    key: Path
    known_hosts: Path
    home: Path
    host_key_line: str
    jailed_user: str | None = None
    """An sftp-only account shut in ``jail`` (root only), as shared hosts give one."""
    jail: Path | None = None


@contextlib.contextmanager
def ssh_server(workdir: Path) -> Iterator[SshServer]:
    import pwd  # POSIX only: imported here so that the rest of the suite also loads on Windows

    root = os.geteuid() == 0
    home = Path(tempfile.mkdtemp(prefix="ita-sftp-"))  # outside pytest's root-only folders: the user reaches it
    user = f"itapub{secrets.token_hex(3)}" if root else pwd.getpwuid(os.getuid()).pw_name
    password = secrets.token_urlsafe(12) if root else None
    created = False
    process: subprocess.Popen[bytes] | None = None
    # sshd requires every folder above a chroot to be root's and writable by no one else: not under /tmp.
    jail = Path(tempfile.mkdtemp(prefix="ita-sftp-jail-", dir="/srv")) if root else None
    jailed_user = f"itajail{secrets.token_hex(3)}" if root else None
    try:
        if root:
            subprocess.run(["useradd", "-M", "-d", str(home), "-s", "/bin/sh", user], check=True)
            created = True
            subprocess.run(["useradd", "-M", "-d", "/", "-s", "/usr/sbin/nologin", str(jailed_user)], check=True)
            # Without PAM, sshd takes an account with no password ("!") for a locked one, even for keys.
            subprocess.run(["chpasswd"], input=f"{jailed_user}:{secrets.token_urlsafe(12)}".encode(), check=True)
            subprocess.run(["chpasswd"], input=f"{user}:{password}".encode(), check=True)
            shutil.chown(home, user, user)
            Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # sshd's privilege separation folder
        home.chmod(0o755)
        keys = workdir / "ssh"
        keys.mkdir()
        for name in ("host_key", "client_key"):
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(keys / name)], check=True)
        authorized = home / "authorized_keys"
        authorized.write_text((keys / "client_key.pub").read_text())
        authorized.chmod(0o644)
        port = free_port()
        config = keys / "sshd_config"
        config.write_text(
            f"Port {port}\nListenAddress 127.0.0.1\nHostKey {keys / 'host_key'}\nPidFile none\n"
            f"AuthorizedKeysFile {authorized}\nPasswordAuthentication yes\nKbdInteractiveAuthentication no\n"
            f"PubkeyAuthentication yes\nUsePAM no\nStrictModes no\nPermitRootLogin no\nAllowUsers {user} {jailed_user}\n"
            "Subsystem sftp internal-sftp\nLogLevel ERROR\nMaxStartups 50\nMaxAuthTries 20\n"
        )
        if jail is not None:  # as a shared host sets up an sftp-only account: no shell, its folder is "/"
            jail.chmod(0o755)
            with config.open("a") as file:
                file.write(f"Match User {jailed_user}\n  ChrootDirectory {jail}\n  ForceCommand internal-sftp\n")
                file.write("  AllowTcpForwarding no\n  X11Forwarding no\n")
        process = subprocess.Popen([str(SSHD), "-D", "-e", "-f", str(config)])
        wait_for_port(port, process)
        host_key = (keys / "host_key.pub").read_text().split()
        line = f"[127.0.0.1]:{port} {host_key[0]} {host_key[1]}\n"
        known_hosts = workdir / "known_hosts"
        known_hosts.write_text(line)
        yield SshServer(port, user, password, keys / "client_key", known_hosts, home, line, jailed_user, jail)
    finally:
        if process is not None:
            process.terminate()
            process.wait(10)
        for account in [user, jailed_user] if created else [jailed_user] if jailed_user else []:
            for _ in range(50):  # a session may take a moment to end after its server
                subprocess.run(["pkill", "-KILL", "-u", str(account)], check=False)  # this user's own sessions only
                if subprocess.run(["userdel", str(account)], check=False, capture_output=True).returncode in (0, 6):
                    break  # 6: gone
                time.sleep(0.1)
        shutil.rmtree(home, ignore_errors=True)
        if jail is not None:
            shutil.rmtree(jail, ignore_errors=True)


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 that signs itself (so it may serve as its own CA file)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_file, key_file


@dataclass
class FtpsServer:
    port: int
    root: Path
    user: str
    password: str
    cert: Path
    fingerprint: str
    key_file: Path
    process: subprocess.Popen[bytes] | None = None

    def start(self, die_after_bytes: int | None = None, *, plain: bool = False) -> None:
        """(Re)start; with ``die_after_bytes`` the server drops dead once that much was uploaded; ``plain``
        serves FTP without TLS."""
        self.kill()
        command = [sys.executable, str(TESTS / "ftps_server.py"), str(self.port), str(self.root), self.user]
        command += [self.password, str(self.cert), str(self.key_file), "plain" if plain else str(die_after_bytes or "")]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_port(self.port, self.process)

    def cut_after(self, size: int, folder: Path) -> None:
        """(Re)start so that every connection drops at once once ``size`` bytes were uploaded (anywhere)."""
        self.start(die_after_bytes=size)

    def kill(self) -> None:
        """As a dropped line: every connection ends at once, mid-transfer."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)


@contextlib.contextmanager
def ftps_server(workdir: Path) -> Iterator[FtpsServer]:
    cert, key = self_signed_certificate(workdir)
    der = ssl.PEM_cert_to_DER_cert(cert.read_text())
    root = workdir / "ftp-root"
    root.mkdir()
    server = FtpsServer(free_port(), root, "webmaster", secrets.token_urlsafe(12), cert, "", key)
    server.fingerprint = hashlib.sha256(der).hexdigest()
    server.start()
    try:
        yield server
    finally:
        server.kill()


@dataclass
class CuttingProxy:
    """Forwards 127.0.0.1:port to a server; cuts every connection once ``limit`` bytes went up."""

    target: int
    limit: int
    port: int = 0
    sent: int = 0
    cut: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                client, _ = self.listener.accept()
                server = socket.create_connection(("127.0.0.1", self.target))
                threading.Thread(target=self._pump, args=(client, server, True), daemon=True).start()
                threading.Thread(target=self._pump, args=(server, client, False), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, upward: bool) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                if upward and not self.cut.is_set():
                    self.sent += len(data)
                    if self.sent > self.limit:
                        self.cut.set()  # this connection only: the next run goes through
                        break
                sink.sendall(data)
        for sock in (source, sink):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def close(self) -> None:
        self.listener.close()
