"""Debian's Apache serving a built site the way a shared host does: the modules such a host loads,
``AllowOverride All`` on the document root, so that the site's own ``.htaccess`` decides the headers,
the compression, the cache lifetimes and the 404 page.

The server runs from a config file of its own, in the foreground, on a free port of 127.0.0.1: it does
not need, touch or conflict with a system Apache (``.ci/run`` installs the package and stops that one).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

from publish_servers import free_port, wait_for_port

APACHE = Path("/usr/sbin/apache2")
MODULES = Path("/usr/lib/apache2/modules")
SHARED_HOST_MODULES = [
    "mpm_event",
    "authz_core",
    "dir",
    "mime",
    "headers",
    "deflate",
    "brotli",
    "expires",
    "rewrite",
    "filter",
    "setenvif",
    "alias",
]
"""What cPanel's and DirectAdmin's default Apache loads of what matters to a static site."""


@dataclass
class Response:
    status: int
    headers: Message
    body: bytes

    def header(self, name: str) -> str:
        return self.headers.get(name, "")


@dataclass
class ApacheServer:
    port: int
    root: Path
    error_log: Path

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path.lstrip('/')}"

    def get(self, path: str, *, encoding: str | None = None) -> Response:
        """One GET, as a browser sends it with ``Accept-Encoding: encoding`` (none: the body unencoded).
        An error status is a response like any other: the 404 page is what some tests look at."""
        request = urllib.request.Request(self.url(path), headers={"Accept-Encoding": encoding or "identity"})
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return Response(answer.status, answer.headers, answer.read())
        except urllib.error.HTTPError as error:
            with error:
                return Response(error.code, error.headers, error.read())


def _config(document_root: Path, run_dir: Path, port: int) -> str:
    loads = "".join(f"LoadModule {name}_module {MODULES / f'mod_{name}.so'}\n" for name in SHARED_HOST_MODULES)
    # As root Apache must hand its workers to an account; www-data is Debian's for it.
    user = "User www-data\nGroup www-data\n" if os.geteuid() == 0 else ""
    return f"""ServerRoot "{run_dir}"
ServerName 127.0.0.1
Listen 127.0.0.1:{port}
PidFile "{run_dir / "apache.pid"}"
ErrorLog "{run_dir / "error.log"}"
LogLevel warn
DefaultRuntimeDir "{run_dir}"
{loads}{user}TypesConfig /etc/mime.types
DirectoryIndex index.html
DocumentRoot "{document_root}"
<Directory />
  AllowOverride None
  Require all denied
</Directory>
<Directory "{document_root}">
  AllowOverride All
  Require all granted
</Directory>
"""


@contextlib.contextmanager
def apache_serving(site: Path, folder: str = "") -> Iterator[ApacheServer]:
    """``site`` (a built site) served by Apache until the block ends, at the host's root or in ``folder``
    of it (``ita-site``). The site is copied into a folder the server's account may read: pytest's own
    temporary folders are its user's alone."""
    assert APACHE.exists(), "needs Debian's apache2: sudo bash .ci/run installs it"
    run_dir = Path(tempfile.mkdtemp(prefix="ita-apache-"))
    try:
        run_dir.chmod(0o755)
        root = run_dir / "site"
        shutil.copytree(site, root / folder)
        for directory, _, _ in os.walk(root):
            Path(directory).chmod(0o755)
        port = free_port()
        conf = run_dir / "apache.conf"
        conf.write_text(_config(root, run_dir, port), encoding="utf-8")
        check = subprocess.run([str(APACHE), "-t", "-f", str(conf)], capture_output=True, text=True, check=False)
        assert check.returncode == 0, check.stderr
        process = subprocess.Popen([str(APACHE), "-DFOREGROUND", "-f", str(conf)], stderr=subprocess.PIPE)
        try:
            try:
                wait_for_port(port, process)
            except RuntimeError as error:
                log = (run_dir / "error.log").read_text(errors="replace") if (run_dir / "error.log").exists() else ""
                raise RuntimeError(f"{error}\n{log}") from None
            yield ApacheServer(port, root, run_dir / "error.log")
        finally:
            process.terminate()  # SIGTERM: Apache stops its workers and removes its pid file
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if process.stderr is not None:
                process.stderr.close()
    finally:
        shutil.rmtree(run_dir, ignore_errors=True)
