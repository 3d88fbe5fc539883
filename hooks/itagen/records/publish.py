"""Where ``make publish`` uploads the built site: the ``publish:`` block of ``site.yml``.

Only what may sit in a repository for everyone to read: the password, key passphrase or key come from
the webmaster's environment or the system keyring when publishing, never from a data file.
"""

from __future__ import annotations

from dataclasses import field
from typing import Literal

from .record import record

DEFAULT_PORTS = {"sftp": 22, "ftps": 21}


@record
class PublishTarget:
    protocol: Literal["sftp", "ftps"]
    """SFTP (over SSH) or FTPS (FTP with explicit TLS); plain FTP sends the password unprotected."""
    host: str
    """The server's name, such as ``ftp.example.go.th``, without ``sftp://``."""
    user: str
    """The account name the host gave the webmaster."""
    path: str
    """The site's folder on the server, such as ``public_html``; relative to the account's home."""
    port: int | None = field(default=None, metadata={"minimum": 1, "maximum": 65535})
    """22 for SFTP, 21 for FTPS, unless the host says otherwise."""
    tls_fingerprint: str | None = None
    """FTPS only: the SHA-256 fingerprint of a server certificate no authority signed (self-signed)."""

    @property
    def port_number(self) -> int:
        return self.port if self.port is not None else DEFAULT_PORTS[self.protocol]
