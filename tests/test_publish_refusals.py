"""make publish refuses what it must, says why in Thai and English, and changes nothing on the server:
wrong credentials, addresses or permissions, a failing check, a password in site.yml, a host key or
certificate it cannot trust, a server without TLS. Real servers on 127.0.0.1, as in ``test_publish.py``.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import pytest
from publish_support import CHANGED_YEAR, Publisher, files, free_closed_port, identities


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


def test_a_failing_check_publishes_nothing(publisher: Publisher, tmp_path: Path) -> None:
    year = publisher.data / "years" / f"{CHANGED_YEAR}.yml"
    year.write_text(year.read_text(encoding="utf-8").replace("overall_score: 88.41", "overall_score: 88.42"))
    result = publisher.run(tmp_path / "site", "--check")  # a warning: the strict build fails
    assert result.returncode != 0
    assert "nothing was published" in result.stderr
    assert list(publisher.folder.iterdir()) == []


def test_no_permission_on_the_server_says_so(publisher: Publisher, demo_site: Path) -> None:
    if publisher.owner is not None:
        publisher.folder.chmod(0o555)  # the server's account may read the folder, not write in it
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


@pytest.mark.parametrize("publisher", ["ftps", "vsftpd", "pure-ftpd", "proftpd"], indirect=True)
def test_an_untrusted_certificate_is_refused_with_its_fingerprint(publisher: Publisher, demo_site: Path) -> None:
    assert publisher.ftps is not None
    publisher.set_target(tls_fingerprint=None)
    result = publisher.run(demo_site)
    assert result.returncode == 1
    assert "ไม่น่าเชื่อถือ" in result.stderr and "is not trusted" in result.stderr
    assert publisher.ftps.fingerprint in result.stderr
    assert list(publisher.folder.iterdir()) == []
    publisher.set_target(tls_fingerprint=None)
    no_ca = publisher.run(demo_site, env=publisher.env | {"ITA_PUBLISH_CA_FILE": "/nonexistent/ca.pem"})
    assert no_ca.returncode == 1 and "could not read the CA file" in no_ca.stderr
    with_ca = publisher.run(demo_site, env=publisher.env | {"ITA_PUBLISH_CA_FILE": str(publisher.ftps.cert)})
    assert with_ca.returncode == 0, with_ca.stderr
    assert publisher.server_site() == files(demo_site)


@pytest.mark.parametrize("publisher", ["ftps", "vsftpd", "pure-ftpd", "proftpd"], indirect=True)
def test_a_changed_certificate_with_an_old_pin_is_refused_as_loudly_as_a_changed_host_key(
    publisher: Publisher, demo_site: Path
) -> None:
    assert publisher.ftps is not None
    publisher.set_target(tls_fingerprint="ab" * 32)  # the pin of the certificate the host had before
    result = publisher.run(demo_site, "--trust-host")  # trusting a new SSH host does not cover this either
    assert result.returncode == 1
    assert result.stderr.count("คำเตือน:") == 1 and result.stderr.count("WARNING:") == 1
    assert "ไม่ตรงกับที่บันทึกไว้" in result.stderr and "อาจมีผู้ปลอมเป็นเซิร์ฟเวอร์" in result.stderr
    assert "Someone may be posing as the server, so no password was sent and nothing was changed" in result.stderr
    assert f"publish.tls_fingerprint: {publisher.ftps.fingerprint}" in result.stderr
    assert "Ask the host whether they really changed it" in result.stderr
    assert list(publisher.folder.iterdir()) == []


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


@pytest.mark.parametrize("publisher", ["sftp", "vsftpd", "pure-ftpd", "proftpd"], indirect=True)
def test_a_folder_the_server_will_not_list_stops_the_publish_before_anything_changes(
    publisher: Publisher, demo_site: Path
) -> None:
    """Read as empty, the folder's own files would be overwritten with no copy kept."""
    publisher.put_foreign("assets/.htaccess", b"Options -Indexes")
    before = files(publisher.folder)
    (publisher.folder / "assets").chmod(0o311)  # the account may enter and write, not list
    try:
        result = publisher.run(demo_site)
    finally:
        (publisher.folder / "assets").chmod(0o755)
    assert result.returncode == 1
    assert "อ่านรายชื่อไฟล์ในโฟลเดอร์" in result.stderr and "could not read the list of files in the folder" in result.stderr
    assert "/assets" in result.stderr and "Traceback" not in result.stderr
    assert files(publisher.folder) == before
