"""make publish against real servers on 127.0.0.1: OpenSSH's sshd (SFTP) and pyftpdlib with TLS (FTPS).

The demo is built once per session (and once with one score changed); every case publishes copies of
those builds into a fresh folder on the server and looks at the server's files directly.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import DEMO_DATA, PROJECT_ROOT, run_build
from publish_servers import SSHD, CuttingProxy, FtpsServer, SshServer, ftps_server, ssh_server

from itagen.publish.remote.manifest import JOURNAL_NAME, MANIFEST_NAME, TEMP_SUFFIX, parse_manifest

PROTOCOLS = ["sftp", "ftps"]
MARKER = ".ita-built-site"
CHANGED_YEAR, OLD_SCORE, NEW_SCORE = "2567", "{number: 3, score: 92.40}", "{number: 3, score: 92.45}"


@pytest.fixture(scope="session")
def sshd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SshServer]:
    with ssh_server(tmp_path_factory.mktemp("sshd")) as server:
        yield server


@pytest.fixture(scope="session")
def ftpsd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FtpsServer]:
    with ftps_server(tmp_path_factory.mktemp("ftpsd")) as server:
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


def files(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` by its relative POSIX path (the build's marker left out)."""
    found = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    found.pop(MARKER, None)
    return found


def identities(folder: Path) -> dict[str, tuple[int, int]]:
    """Each file's inode and change time: a file renamed into place gets a new inode."""
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_ctime_ns) for p in folder.rglob("*")}


@dataclass
class Publisher:
    """One test's target: a data folder whose site.yml points at a fresh folder on the server."""

    protocol: str
    data: Path
    folder: Path
    """The server's folder as the server's own disk holds it."""
    env: dict[str, str]
    block: dict[str, object]
    ssh: SshServer | None = None
    ftps: FtpsServer | None = None

    def set_target(self, **changes: object) -> None:
        block = self.block | changes
        lines = [f"  {key}: {value}" for key, value in block.items() if value is not None]
        settings = "digits: arabic\nsite_url: https://www.bansathit.example.go.th/\npublish:\n" + "\n".join(lines)
        (self.data / "site.yml").write_text(settings + "\n", encoding="utf-8")

    def run(self, site: Path, *options: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, str(PROJECT_ROOT / "hooks" / "publish_site.py"), "--data", str(self.data)]
        command += ["--out", str(site), *options]
        if "--check" not in options:
            command.append("--checked")
        else:
            command.remove("--check")
        environment = {k: v for k, v in os.environ.items() if not k.startswith("ITA_PUBLISH")} | (env or self.env)
        return subprocess.run(command, capture_output=True, text=True, env=environment, cwd=PROJECT_ROOT, check=False)

    def put_foreign(self, path: str, content: bytes) -> None:
        """A file someone else put on the server (owned by the server's user, as an upload of theirs would be)."""
        target = self.folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        if self.ssh is not None:
            for made in [target, *target.relative_to(self.folder).parents]:
                shutil.chown(self.folder / made, self.ssh.user, self.ssh.user)

    def server_site(self) -> dict[str, bytes]:
        found = files(self.folder)
        assert not [p for p in found if p.endswith(TEMP_SUFFIX)], "temporary files left"
        assert JOURNAL_NAME not in found
        found.pop(MANIFEST_NAME)
        return found


@pytest.fixture(params=PROTOCOLS)
def publisher(request: pytest.FixtureRequest, tmp_path: Path) -> Publisher:
    data = tmp_path / "data"
    shutil.copytree(DEMO_DATA, data)
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", request.node.name)[:120]
    if request.param == "sftp":
        # A real SFTP server is part of the suite: without one the publishing cases must fail, not pass unseen.
        assert SSHD.exists(), "needs Debian's openssh-server: sudo bash .ci/run installs it"
        sshd: SshServer = request.getfixturevalue("sshd")
        folder = sshd.home / name
        folder.mkdir()
        shutil.chown(folder, sshd.user, sshd.user)
        env = {"ITA_PUBLISH_KEY": str(sshd.key), "ITA_PUBLISH_KNOWN_HOSTS": str(sshd.known_hosts)}
        block: dict[str, object] = {"protocol": "sftp", "host": "127.0.0.1", "port": sshd.port, "user": sshd.user}
        block["path"] = str(folder)
    else:
        ftpsd: FtpsServer = request.getfixturevalue("ftpsd")
        if ftpsd.process is None or ftpsd.process.poll() is not None:
            ftpsd.start()
        folder = ftpsd.root / name
        folder.mkdir()
        env = {"ITA_PUBLISH_PASSWORD": ftpsd.password}
        block = {"protocol": "ftps", "host": "127.0.0.1", "port": ftpsd.port, "user": ftpsd.user, "path": name}
        block["tls_fingerprint"] = ftpsd.fingerprint
    publisher = Publisher(request.param, data, folder, env, block)
    if request.param == "sftp":
        publisher.ssh = sshd
    else:
        publisher.ftps = ftpsd
    publisher.set_target()
    return publisher


def site_copy(site: Path, tmp_path: Path, name: str) -> Path:
    copy = tmp_path / name
    shutil.copytree(site, copy)
    return copy


def test_first_publish_puts_every_file_of_the_build_on_the_server(publisher: Publisher, demo_site: Path) -> None:
    result = publisher.run(demo_site)
    assert result.returncode == 0, result.stderr
    assert publisher.server_site() == files(demo_site)
    manifest = parse_manifest((publisher.folder / MANIFEST_NAME).read_bytes())
    assert set(manifest) == set(files(demo_site))
    assert "sent" in result.stdout and "published" in result.stdout
    again = publisher.run(demo_site)
    assert again.returncode == 0 and "nothing to do" in again.stdout


def test_one_changed_score_moves_only_the_files_whose_bytes_changed(
    publisher: Publisher, demo_site: Path, changed_site: Path
) -> None:
    assert publisher.run(demo_site).returncode == 0
    before = identities(publisher.folder)
    old, new = files(demo_site), files(changed_site)
    differing = {path for path in new if old.get(path) != new[path]}
    assert differing and len(differing) < len(new) / 2
    dry = publisher.run(changed_site, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    listed = {line.split()[1] for line in dry.stdout.splitlines() if line.startswith("  ~ ")}
    assert listed == differing
    assert identities(publisher.folder) == before, "a dry run changed the server"
    result = publisher.run(changed_site)
    assert result.returncode == 0, result.stderr
    after = identities(publisher.folder)
    moved = {path for path in new if after[path] != before.get(path)}
    assert moved == differing
    assert publisher.server_site() == new


def test_a_page_the_build_no_longer_has_is_removed_and_foreign_files_stay(
    publisher: Publisher, demo_site: Path, tmp_path: Path
) -> None:
    foreign = {"old-site/index.html": b"<p>old</p>", "stats/.htaccess": b"deny", "ita/notes.txt": b"mine"}
    in_the_way = {"index.html": b"host placeholder", ".htaccess": b"AddHandler php", "assets/x.html.before-ita": b""}
    for path, content in (foreign | in_the_way).items():
        publisher.put_foreign(path, content)
    first = publisher.run(demo_site)
    assert first.returncode == 0, first.stderr
    assert "index.html → index.html.before-ita" in first.stdout and ".htaccess → .htaccess.before-ita" in first.stdout
    foreign |= {f"{path}.before-ita": content for path, content in in_the_way.items() if "assets" not in path}
    foreign["assets/x.html.before-ita"] = b""
    smaller = site_copy(demo_site, tmp_path, "smaller")
    gone_folder = sorted(p for p in (smaller / "ita").iterdir() if p.is_dir())[0]
    gone = {p.relative_to(smaller).as_posix() for p in gone_folder.rglob("*") if p.is_file()}
    shutil.rmtree(gone_folder)
    (smaller / "404.html").unlink()
    gone.add("404.html")
    (smaller / "documents" / "ประกาศ ฉบับที่ 1.pdf").write_bytes(b"%PDF-1.4 Thai name, with spaces")
    result = publisher.run(smaller)
    assert result.returncode == 0, result.stderr
    assert f"delete {len(gone)} file(s)" in result.stdout
    on_server = publisher.server_site()
    assert {p: c for p, c in on_server.items() if p not in foreign} == files(smaller)
    assert {p: on_server[p] for p in foreign} == foreign
    assert not (publisher.folder / gone_folder.relative_to(smaller)).exists(), "the emptied folder stays"


@contextlib.contextmanager
def cut_after(publisher: Publisher, size: int) -> Iterator[None]:
    """The next run's connection drops once ``size`` bytes went up (SFTP: a proxy; FTPS: the server dies);
    runs after it get through."""
    proxy = None
    if publisher.ssh is not None:
        proxy = CuttingProxy(publisher.ssh.port, limit=size)
        publisher.set_target(port=proxy.port)
        known = Path(publisher.env["ITA_PUBLISH_KNOWN_HOSTS"])
        line = known.read_text().splitlines()[0].split(" ", 1)[1]
        known.write_text(known.read_text() + f"[127.0.0.1]:{proxy.port} {line}\n")
    else:
        assert publisher.ftps is not None
        publisher.ftps.start(die_after_bytes=size)
    try:
        yield
    finally:
        if proxy is not None:
            proxy.close()


def line_back(publisher: Publisher) -> None:
    """After the cut: the dead FTPS server starts again (the SFTP proxy lets the next run through)."""
    if publisher.ftps is not None:
        publisher.ftps.start()


def run_cut(publisher: Publisher, site: Path) -> dict[str, bytes]:
    """Publish ``site`` over a line that drops; the server's files after it."""
    cut = publisher.run(site)
    assert cut.returncode == 1, cut.stdout
    assert "การเชื่อมต่อหลุด" in cut.stderr and "the connection broke" in cut.stderr
    assert "Traceback" not in cut.stderr
    return files(publisher.folder)


def test_a_cut_connection_leaves_whole_pages_and_the_next_run_finishes(
    publisher: Publisher, demo_site: Path, changed_site: Path, tmp_path: Path
) -> None:
    bigger = site_copy(changed_site, tmp_path, "bigger")
    (bigger / "documents" / "large.bin").write_bytes(os.urandom(3_000_000))  # cut inside this file or before
    assert publisher.run(demo_site).returncode == 0
    old, new = files(demo_site), files(bigger)
    manifest = (publisher.folder / MANIFEST_NAME).read_bytes()
    with cut_after(publisher, 1_500_000):
        on_server = run_cut(publisher, bigger)
        assert on_server[MANIFEST_NAME] == manifest, "the manifest changed before the run finished"
        assert JOURNAL_NAME in on_server
        for path, content in on_server.items():
            if path in old or path in new:
                assert content in (old.get(path), new.get(path)), f"{path} is half-written"
        assert old.keys() <= on_server.keys(), "an old page went missing"
        line_back(publisher)
        rerun = publisher.run(bigger)
        assert rerun.returncode == 0, rerun.stderr
        assert publisher.server_site() == new


def test_a_first_publish_cut_before_it_moved_a_foreign_file_aside_still_keeps_it(
    publisher: Publisher, demo_site: Path
) -> None:
    publisher.put_foreign("index.html", b"the host's placeholder")  # the home page goes last: the cut comes first
    with cut_after(publisher, 1_000_000):
        on_server = run_cut(publisher, demo_site)
        assert on_server["index.html"] == b"the host's placeholder"
        assert "index.html" in (publisher.folder / JOURNAL_NAME).read_text()
        line_back(publisher)
        rerun = publisher.run(demo_site)
        assert rerun.returncode == 0, rerun.stderr
        assert "index.html → index.html.before-ita" in rerun.stdout
        assert publisher.server_site() == files(demo_site) | {"index.html.before-ita": b"the host's placeholder"}


def _trust(publisher: Publisher) -> dict[str, str]:
    return {k: v for k, v in publisher.env.items() if k == "ITA_PUBLISH_KNOWN_HOSTS"}


def test_a_wrong_password_says_so_and_changes_nothing(publisher: Publisher, demo_site: Path) -> None:
    publisher.put_foreign("index.html", b"the old site")
    before = identities(publisher.folder)
    result = publisher.run(demo_site, env={"ITA_PUBLISH_PASSWORD": "not-the-password"} | _trust(publisher))
    assert result.returncode == 1
    assert "ชื่อผู้ใช้ รหัสผ่าน หรือกุญแจไม่ถูกต้อง" in result.stderr and "the user, password or key is wrong" in result.stderr
    assert "Traceback" not in result.stderr
    assert identities(publisher.folder) == before
    password = publisher.ftps.password if publisher.ftps else publisher.ssh.password if publisher.ssh else None
    if password is not None:  # sshd checks passwords only when the tests run as root (CI does)
        right = publisher.run(demo_site, env={"ITA_PUBLISH_PASSWORD": password} | _trust(publisher))
        assert right.returncode == 0, right.stderr
        assert publisher.server_site() == files(demo_site) | {"index.html.before-ita": b"the old site"}


def test_a_dry_run_before_the_first_publish_lists_every_upload_and_changes_nothing(
    publisher: Publisher, demo_site: Path
) -> None:
    publisher.put_foreign("index.html", b"the old site")
    before = identities(publisher.folder)
    result = publisher.run(demo_site, "--dry-run")
    assert result.returncode == 0, result.stderr
    listed = {line.split()[1] for line in result.stdout.splitlines() if line.startswith("  + ")}
    assert listed == set(files(demo_site))
    assert f"upload {len(listed)} file(s)" in result.stdout and "nothing on the server was changed" in result.stdout
    assert "  index.html → index.html.before-ita" in result.stdout
    assert identities(publisher.folder) == before


def test_a_failing_check_publishes_nothing(publisher: Publisher, tmp_path: Path) -> None:
    year = publisher.data / "years" / f"{CHANGED_YEAR}.yml"
    year.write_text(year.read_text(encoding="utf-8").replace("overall_score: 88.41", "overall_score: 88.42"))
    result = publisher.run(tmp_path / "site", "--check")  # a warning: the strict build fails
    assert result.returncode != 0
    assert "nothing was published" in result.stderr
    assert list(publisher.folder.iterdir()) == []


def test_no_permission_on_the_server_says_so(publisher: Publisher, demo_site: Path) -> None:
    if publisher.ssh is not None:
        publisher.folder.chmod(0o555)  # the server's user may read the folder, not write in it
    else:
        publisher.set_target(user="reader")  # the FTPS server's read-only account
    try:
        result = publisher.run(demo_site)
    finally:
        publisher.folder.chmod(0o755)
    assert result.returncode == 1
    assert "ไม่อนุญาตให้" in result.stderr and "does not let" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("change", "thai", "english"),
    [
        ({"host": "no-such-host.invalid"}, "ไม่พบเครื่อง", "was not found"),
        ({"port": "closed"}, "ไม่รับการเชื่อมต่อ", "refused"),
        ({"path": "no/such/folder"}, "ไม่พบโฟลเดอร์", "does not exist"),
    ],
)
def test_a_wrong_address_says_what_to_check(
    publisher: Publisher, demo_site: Path, change: dict[str, object], thai: str, english: str
) -> None:
    if change.get("port") == "closed":
        change = {"port": free_closed_port()}
    publisher.set_target(**change)
    result = publisher.run(demo_site)
    assert result.returncode == 1
    assert thai in result.stderr and english in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def free_closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_without_a_password_it_says_where_to_put_one(publisher: Publisher, demo_site: Path) -> None:
    result = publisher.run(demo_site, env={"ITA_PUBLISH_KNOWN_HOSTS": "/nonexistent"})
    assert result.returncode == 1
    assert "ไม่พบรหัสผ่าน" in result.stderr and "ITA_PUBLISH_PASSWORD" in result.stderr and "keyring" in result.stderr
    assert list(publisher.folder.iterdir()) == []


def test_a_site_yml_without_publish_says_how_to_add_it(publisher: Publisher, demo_site: Path) -> None:
    (publisher.data / "site.yml").write_text("digits: arabic\n", encoding="utf-8")
    result = publisher.run(demo_site)
    assert result.returncode == 2
    assert "ยังไม่มีส่วน publish:" in result.stderr and "has no publish: block" in result.stderr


def test_a_password_in_site_yml_is_refused_with_the_reason(publisher: Publisher, demo_site: Path) -> None:
    settings = publisher.data / "site.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "  password: hunter2\n", encoding="utf-8")
    result = publisher.run(demo_site)
    assert result.returncode == 1
    assert "ห้ามใส่รหัสผ่าน" in result.stderr and "never put a password or key ('password') in site.yml" in result.stderr
    assert "git keeps every version" in result.stderr
    assert "hunter2" not in result.stderr
    assert list(publisher.folder.iterdir()) == []


@pytest.mark.parametrize("publisher", ["sftp"], indirect=True)
def test_an_unknown_host_key_is_refused_until_the_webmaster_trusts_it(
    publisher: Publisher, demo_site: Path, tmp_path: Path
) -> None:
    known = tmp_path / "home" / ".ssh" / "known_hosts"
    env = publisher.env | {"ITA_PUBLISH_KNOWN_HOSTS": str(known)}
    refused = publisher.run(demo_site, env=env)
    assert refused.returncode == 1
    assert "ยังไม่รู้จักเซิร์ฟเวอร์" in refused.stderr and "TRUST_HOST=1" in refused.stderr
    assert "SHA256:" in refused.stderr and not known.exists()
    assert list(publisher.folder.iterdir()) == []
    trusted = publisher.run(demo_site, "--trust-host", env=env)
    assert trusted.returncode == 0, trusted.stderr
    assert publisher.ssh is not None
    assert known.read_text() == publisher.ssh.host_key_line
    assert publisher.run(demo_site, env=env).returncode == 0  # listed now: no need to trust again


@pytest.mark.parametrize("publisher", ["sftp"], indirect=True)
def test_a_changed_host_key_is_refused_even_when_trusting(publisher: Publisher, demo_site: Path) -> None:
    other = publisher.folder.parent / f"{publisher.folder.name}-key"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(other)], check=True)
    assert publisher.ssh is not None
    name = f"[127.0.0.1]:{publisher.ssh.port}"
    known = publisher.folder.parent / f"{publisher.folder.name}-known"
    known.write_text(f"{name} {' '.join(other.with_suffix('.pub').read_text().split()[:2])}\n")
    result = publisher.run(demo_site, "--trust-host", env=publisher.env | {"ITA_PUBLISH_KNOWN_HOSTS": str(known)})
    assert result.returncode == 1
    assert "ไม่ตรงกับที่บันทึกไว้" in result.stderr and "WARNING: the host key" in result.stderr
    assert list(publisher.folder.iterdir()) == []


@pytest.mark.parametrize("publisher", ["ftps"], indirect=True)
def test_an_untrusted_certificate_is_refused_with_its_fingerprint(publisher: Publisher, demo_site: Path) -> None:
    assert publisher.ftps is not None
    publisher.set_target(tls_fingerprint=None)
    result = publisher.run(demo_site)
    assert result.returncode == 1
    assert "ไม่น่าเชื่อถือ" in result.stderr and "is not trusted" in result.stderr
    assert publisher.ftps.fingerprint in result.stderr
    publisher.set_target(tls_fingerprint="ab" * 32)
    pinned = publisher.run(demo_site)
    assert pinned.returncode == 1 and "fingerprint differs" in pinned.stderr
    assert list(publisher.folder.iterdir()) == []
    publisher.set_target(tls_fingerprint=None)
    no_ca = publisher.run(demo_site, env=publisher.env | {"ITA_PUBLISH_CA_FILE": "/nonexistent/ca.pem"})
    assert no_ca.returncode == 1 and "could not read the CA file" in no_ca.stderr
    with_ca = publisher.run(demo_site, env=publisher.env | {"ITA_PUBLISH_CA_FILE": str(publisher.ftps.cert)})
    assert with_ca.returncode == 0, with_ca.stderr
    assert publisher.server_site() == files(demo_site)


@pytest.mark.parametrize("publisher", ["sftp"], indirect=True)
def test_a_key_with_a_passphrase_asks_for_it(publisher: Publisher, demo_site: Path, tmp_path: Path) -> None:
    assert publisher.ssh is not None
    locked = tmp_path / "locked_key"
    shutil.copy(publisher.ssh.key, locked)
    subprocess.run(["ssh-keygen", "-q", "-p", "-N", "sesame", "-P", "", "-f", str(locked)], check=True)
    env = publisher.env | {"ITA_PUBLISH_KEY": str(locked)}
    asked = publisher.run(demo_site, env=env)
    assert asked.returncode == 1 and "ITA_PUBLISH_KEY_PASSPHRASE" in asked.stderr and "มีรหัสผ่าน" in asked.stderr
    wrong = publisher.run(demo_site, env=env | {"ITA_PUBLISH_KEY_PASSPHRASE": "open up"})
    assert wrong.returncode == 1 and "passphrase is wrong" in wrong.stderr
    right = publisher.run(demo_site, env=env | {"ITA_PUBLISH_KEY_PASSPHRASE": "sesame"})
    assert right.returncode == 0, right.stderr
    assert publisher.server_site() == files(demo_site)


def test_a_foreign_file_a_cut_run_did_not_move_stays_when_the_build_drops_its_path(
    publisher: Publisher, demo_site: Path, tmp_path: Path
) -> None:
    publisher.put_foreign("index.html", b"the host's placeholder")
    with cut_after(publisher, 1_000_000):
        assert run_cut(publisher, demo_site)["index.html"] == b"the host's placeholder"
        line_back(publisher)
        without_home = site_copy(demo_site, tmp_path, "without-home")
        (without_home / "index.html").unlink()
        rerun = publisher.run(without_home)
        assert rerun.returncode == 0, rerun.stderr
        assert publisher.server_site() == files(without_home) | {"index.html": b"the host's placeholder"}


@pytest.mark.parametrize("publisher", ["ftps"], indirect=True)
def test_a_server_without_tls_never_gets_the_password(publisher: Publisher, demo_site: Path) -> None:
    assert publisher.ftps is not None
    plain = dataclasses.replace(publisher.ftps, port=free_closed_port(), process=None)
    try:
        plain.start(plain=True)
        publisher.set_target(port=plain.port)
        result = publisher.run(demo_site)
    finally:
        plain.kill()
    assert result.returncode == 1
    assert "ไม่รองรับ FTPS" in result.stderr and "does not offer FTPS" in result.stderr
    assert list(publisher.folder.iterdir()) == []
