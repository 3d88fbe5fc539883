"""Shared fixtures: real MkDocs builds of data directories, built once per test session, and the real
SFTP and FTPS servers of the publishing tests with one test's target on them."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from browser_support import ServedSite, chromium, serve
from ftp_daemons import FtpDaemon, ftp_daemon
from playwright.sync_api import Browser
from publish_servers import SSHD, FtpsServer, SshServer, ftps_server, ssh_server
from publish_support import CHANGED_YEAR, NEW_SCORE, OLD_SCORE, PROTOCOLS, Publisher

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEMO_DATA = PROJECT_ROOT / "data"
EXAMPLES = PROJECT_ROOT / "examples"


def example_dirs() -> list[Path]:
    return sorted(p for p in EXAMPLES.iterdir() if (p / "agency.yml").is_file())


def run_build(
    data_dir: Path, out_dir: Path, *, strict: bool = True, builder: str = "mkdocs"
) -> subprocess.CompletedProcess[str]:
    """Run the real build command (hooks/build_site.py → mkdocs build) and capture its output."""
    command = [
        sys.executable,
        str(PROJECT_ROOT / "hooks" / "build_site.py"),
        "--data",
        str(data_dir),
        "--out",
        str(out_dir),
        "--builder",
        builder,
    ]
    if strict:
        command.append("--strict")
    environment = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, capture_output=True, text=True, env=environment, cwd=PROJECT_ROOT, check=False)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], Path]:
    """``built_site(data_dir)`` → the built site directory; each data directory is built once, strictly."""
    cache: dict[Path, Path] = {}

    def build(data_dir: Path) -> Path:
        if data_dir not in cache:
            out = tmp_path_factory.mktemp(data_dir.name) / "site"
            result = run_build(data_dir, out)
            assert result.returncode == 0, f"build of {data_dir} failed:\n{result.stdout}\n{result.stderr}"
            cache[data_dir] = out
        return cache[data_dir]

    return build


@pytest.fixture(scope="session")
def demo_site(built_site: Callable[[Path], Path]) -> Path:
    return built_site(DEMO_DATA)


def article_html(site: Path, page: str) -> str:
    """The HTML of a built page's article (the content, without header, navigation and footer)."""
    source = (site / page).read_text(encoding="utf-8")
    start = source.find("<article")
    end = source.find("</article>")
    return source[start:end] if start != -1 else source


def visible_text(fragment: str) -> str:
    """What a reader sees of an HTML fragment: tags and scripts dropped, entities decoded, spaces collapsed."""
    fragment = re.sub(r"<(script|style)\b.*?</\1>", " ", fragment, flags=re.S)
    fragment = _INLINE_TAG.sub("", fragment)  # <span>, <a>, <strong> sit inside a word as a browser shows it
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


_INLINE_TAG = re.compile(r"</?(?:span|a|strong|em|b|i|code|abbr|small|mark)\b[^>]*>", re.IGNORECASE)


def page_text(site: Path, page: str) -> str:
    """The visible text of a built page's article, for 'is this fact shown' checks."""
    return visible_text(article_html(site, page))


@pytest.fixture(scope="session")
def served_demo(demo_site: Path) -> Iterator[ServedSite]:
    """The demo build served over HTTP on 127.0.0.1, for the browser tests."""
    with serve(demo_site) as site:
        yield site


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's headless Chromium, driven by Playwright (never Playwright's own browser download)."""
    with chromium() as running:
        yield running


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the demo data that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DEMO_DATA, target)
    return target


def edit_text(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a data file, failing loudly if the fixture text has moved."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="session")
def sshd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SshServer]:
    with ssh_server(tmp_path_factory.mktemp("sshd")) as server:
        yield server


@pytest.fixture(scope="session")
def ftpsd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FtpsServer]:
    with ftps_server(tmp_path_factory.mktemp("ftpsd")) as server:
        yield server


@pytest.fixture(scope="session")
def vsftpd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FtpDaemon]:
    with ftp_daemon("vsftpd", tmp_path_factory.mktemp("vsftpd")) as server:
        yield server


@pytest.fixture(scope="session")
def proftpd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FtpDaemon]:
    with ftp_daemon("proftpd", tmp_path_factory.mktemp("proftpd")) as server:
        yield server


@pytest.fixture(scope="session")
def pure_ftpd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FtpDaemon]:
    with ftp_daemon("pure-ftpd", tmp_path_factory.mktemp("pure-ftpd")) as server:
        yield server


@pytest.fixture(scope="session")
def changed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with one score changed, built once."""
    data = tmp_path_factory.mktemp("changed") / "data"
    shutil.copytree(DEMO_DATA, data)
    year = data / "years" / f"{CHANGED_YEAR}.yml"
    text = year.read_text(encoding="utf-8")
    assert text.count(OLD_SCORE) == 1
    year.write_text(text.replace(OLD_SCORE, NEW_SCORE), encoding="utf-8")
    out = data.parent / "site"
    result = run_build(data, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(params=PROTOCOLS)
def publisher(request: pytest.FixtureRequest, tmp_path: Path) -> Publisher:
    data = tmp_path / "data"
    shutil.copytree(DEMO_DATA, data)
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", request.node.name)[:120]
    if request.param in ("sftp", "sftp-jail"):
        # A real SFTP server is part of the suite: without one the publishing cases must fail, not pass unseen.
        assert SSHD.exists(), "needs Debian's openssh-server: sudo bash .ci/run installs it"
        sshd: SshServer = request.getfixturevalue("sshd")
        jailed = request.param == "sftp-jail"
        assert not jailed or sshd.jail is not None, "an sftp-only chrooted account needs the tests to run as root"
        account = str(sshd.jailed_user) if jailed else sshd.user
        folder = (sshd.jail if sshd.jail is not None and jailed else sshd.home) / name
        folder.mkdir()
        shutil.chown(folder, account, account)
        env = {"ITA_PUBLISH_KEY": str(sshd.key), "ITA_PUBLISH_KNOWN_HOSTS": str(sshd.known_hosts)}
        block: dict[str, object] = {"protocol": "sftp", "host": "127.0.0.1", "port": sshd.port, "user": account}
        block["path"] = name if jailed else str(folder)  # the jailed account sees its folder as /
    else:
        fixture = {"ftps": "ftpsd", "vsftpd": "vsftpd", "pure-ftpd": "pure_ftpd", "proftpd": "proftpd"}[request.param]
        server: FtpsServer | FtpDaemon = request.getfixturevalue(fixture)
        if server.process is None or server.process.poll() is not None:
            server.start()
        folder = server.root / name
        folder.mkdir()
        if isinstance(server, FtpDaemon):
            shutil.chown(folder, server.user, server.user)  # the account's own folder in a home it may not write
        env = {"ITA_PUBLISH_PASSWORD": server.password}
        block = {"protocol": "ftps", "host": "127.0.0.1", "port": server.port, "user": server.user, "path": name}
        block["tls_fingerprint"] = server.fingerprint
    publisher = Publisher(request.param, data, folder, env, block)
    if request.param in ("sftp", "sftp-jail"):
        publisher.ssh = sshd
        publisher.owner = account
    else:
        publisher.ftps = server
        publisher.owner = server.user if isinstance(server, FtpDaemon) else None
    publisher.set_target()
    return publisher
