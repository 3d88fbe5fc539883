"""make publish against real servers on 127.0.0.1: OpenSSH's sshd (SFTP) and pyftpdlib with TLS (FTPS).
What a publish does to the server: every file on the first run, then only what changed, pages the
build dropped removed and files of others kept, and a connection cut anywhere leaving whole pages.

The demo is built once per session (and once with one score changed); every case publishes copies of
those builds into a fresh folder on the server and looks at the server's files directly. Refusals
and their messages: ``test_publish_refusals.py``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from publish_servers import CuttingProxy
from publish_support import PROTOCOLS, Publisher, files, identities, site_copy, small_disk

from itagen.publish.remote.manifest import JOURNAL_NAME, MANIFEST_NAME, parse_manifest


@pytest.mark.parametrize("publisher", [*PROTOCOLS, "sftp-jail"], indirect=True)
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


@pytest.mark.parametrize("publisher", [*PROTOCOLS, "sftp-jail"], indirect=True)
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
        publisher.ftps.cut_after(size, publisher.folder)
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


@pytest.mark.parametrize("publisher", [*PROTOCOLS, "sftp-jail"], indirect=True)
def test_a_full_disk_is_named_with_what_to_do_and_the_old_site_stays_whole(
    publisher: Publisher, demo_site: Path, changed_site: Path, tmp_path: Path
) -> None:
    bigger = site_copy(changed_site, tmp_path, "bigger")
    (bigger / "documents" / "large.bin").write_bytes(os.urandom(3_000_000))  # more than the disk has left
    with small_disk(publisher, 6_000_000) as grow:
        assert publisher.run(demo_site).returncode == 0
        old = files(publisher.folder)
        full = publisher.run(bigger)
        assert full.returncode == 1, full.stdout
        assert "พื้นที่บนเซิร์ฟเวอร์เต็ม" in full.stderr and "โควตา" in full.stderr, full.stderr
        assert "the server is out of space" in full.stderr and "ask the host for more quota" in full.stderr
        assert "the part-written file was removed" in full.stderr
        assert "permission" not in full.stderr and "connection broke" not in full.stderr
        assert "Traceback" not in full.stderr
        on_server = files(publisher.folder)
        assert {p: c for p, c in on_server.items() if p != JOURNAL_NAME} == old, "the old site changed"
        grow(16_000_000)
        again = publisher.run(bigger)
        assert again.returncode == 0, again.stderr
        assert publisher.server_site() == files(bigger)


@pytest.mark.parametrize("publisher", [*PROTOCOLS, "sftp-jail"], indirect=True)
def test_a_rerun_after_a_cut_first_publish_sends_only_what_is_missing(publisher: Publisher, demo_site: Path) -> None:
    built = files(demo_site)
    with cut_after(publisher, 1_000_000):
        on_server = run_cut(publisher, demo_site)
        in_place = {path for path, content in built.items() if on_server.get(path) == content}
        assert in_place and len(in_place) < len(built) / 2
        placed = {path: identity for path, identity in identities(publisher.folder).items() if path in in_place}
        line_back(publisher)
        rerun = publisher.run(demo_site)
    assert rerun.returncode == 0, rerun.stderr
    missing = len(built) - len(in_place)
    assert f"upload {missing} file(s)" in rerun.stdout and "replace" not in rerun.stdout, rerun.stdout
    assert f"{len(in_place)} file(s) the cut run already put in place: not sent again" in rerun.stdout
    assert f"sent {missing}/{missing} ไฟล์/files" in rerun.stdout
    assert {path: identities(publisher.folder)[path] for path in in_place} == placed, "a file in place was sent again"
    assert publisher.server_site() == built
