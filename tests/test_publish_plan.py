"""The pure parts of make publish: the plan, the manifest as read from a server, the progress line."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from conftest import DEMO_DATA

from itagen.load.site import load_site
from itagen.problems import DataError
from itagen.publish.remote.credentials import Credentials, find_credentials
from itagen.publish.remote.ftps import out_of_space
from itagen.publish.remote.manifest import (
    JOURNAL_NAME,
    MANIFEST_NAME,
    FileEntry,
    Journal,
    journal_json,
    manifest_json,
    parse_journal,
    parse_manifest,
    safe_path,
    temp_name,
)
from itagen.publish.remote.plan import aside_name, describe, make_plan
from itagen.publish.remote.progress import Progress
from itagen.publish.remote.transport import PublishError
from itagen.records.publish import PublishTarget

A, B, C = FileEntry("a" * 64, 10), FileEntry("b" * 64, 20), FileEntry("c" * 64, 30)


def test_only_new_and_changed_files_are_sent_and_only_ours_are_deleted() -> None:
    built = {"index.html": A, "assets/site.css": B, "ita/2568/index.html": C}
    published = {"index.html": A, "assets/site.css": A, "ita/2567/index.html": B}
    plan = make_plan(built, published)
    assert [(c.kind, c.path) for c in plan.uploads] == [
        ("replace", "assets/site.css"),
        ("upload", "ita/2568/index.html"),
    ]
    assert [(c.kind, c.path, c.size) for c in plan.deletes] == [("delete", "ita/2567/index.html", 20)]
    assert make_plan(built, built).empty


def test_pages_go_after_what_they_need_and_the_home_page_last() -> None:
    built = {"index.html": A, "a/index.html": A, "z.css": A, "b/doc.pdf": A}
    order = [c.path for c in make_plan(built, {}).uploads]
    assert order == ["b/doc.pdf", "z.css", "a/index.html", "index.html"]


def test_files_a_cut_run_was_sending_are_sent_again_or_deleted() -> None:
    built = {"index.html": A, "new.html": B}
    plan = make_plan(built, {"index.html": A}, unfinished=["index.html", "new.html", "gone.html"])
    assert {c.path for c in plan.uploads} == {"index.html", "new.html"}
    assert [c.path for c in plan.deletes] == ["gone.html"]


def test_files_a_cut_run_already_put_in_place_are_not_sent_again() -> None:
    built = {"index.html": A, "new.html": B, "old.html": C}
    plan = make_plan(built, {"old.html": A}, unfinished=["index.html", "new.html", "old.html"], in_place=["new.html"])
    assert [(c.kind, c.path) for c in plan.uploads] == [("replace", "old.html"), ("upload", "index.html")]
    assert plan.in_place == {"new.html"}
    assert "1 file(s) the cut run already put in place: not sent again" in describe(plan, every_file=False)[0]
    assert make_plan(built, {}, in_place=["new.html"]).in_place == set(), "only a cut run's files may be in place"


def test_a_journal_says_what_each_upload_puts_in_place_and_older_journals_still_read() -> None:
    journal = Journal(["a.html", "b.html"], {}, {"a.html": A})
    assert parse_journal(journal_json(journal)) == journal
    older = b'{"format": "ita-publishing/1", "uploads": ["a.html"], "asides": {}}'
    assert parse_journal(older) == Journal(["a.html"], {}, {})
    with pytest.raises(PublishError, match="damaged"):
        parse_journal(journal_json(Journal(["a.html"], {}, {"elsewhere.html": A})))


def test_a_file_of_someone_else_in_the_way_is_kept_under_a_free_name() -> None:
    assert aside_name("index.html", set()) == "index.html.before-ita"
    assert aside_name("a/b.html", {"b.html.before-ita", "b.html.before-ita-2"}) == "a/b.html.before-ita-3"
    plan = make_plan({"index.html": A, "x.html": B}, {"x.html": A}, in_the_way={"index.html": "i.b", "x.html": "x.b"})
    assert [(c.path, c.aside) for c in plan.uploads] == [("x.html", None), ("index.html", "i.b")]  # x.html is ours
    assert "  index.html → i.b" in describe(plan, every_file=False)


def test_the_plan_reads_as_counts_and_bytes() -> None:
    plan = make_plan({"a.html": A, "b.html": B}, {"a.html": B, "c.html": C})
    lines = describe(plan, every_file=True)
    assert "upload 1 file(s), 20 B" in lines[0] and "replace 1 file(s), 10 B" in lines[1]
    assert "delete 1 file(s), 30 B" in lines[2]
    assert "  - c.html (30 B)" in lines
    assert "nothing to do" in describe(make_plan({}, {}), every_file=False)[0]


def test_the_manifest_round_trips_and_temp_names_stay_in_their_folder() -> None:
    files = {"index.html": A, "ita/2568/index.html": B}
    assert parse_manifest(manifest_json(files)) == files
    journal = parse_journal(journal_json(Journal(["b", "a"], {"index.html": "index.html.before-ita"})))
    assert journal == Journal(["a", "b"], {"index.html": "index.html.before-ita"})
    assert temp_name("ita/2568/index.html") == "ita/2568/.index.html.ita-part"
    assert temp_name("index.html") == ".index.html.ita-part"


@pytest.mark.parametrize(
    "path",
    ["../etc/passwd", "/etc/passwd", "a//b", "a/./b", "a\\b", "a\nb", "", MANIFEST_NAME, JOURNAL_NAME, ".x.ita-part"],
)
def test_a_manifest_naming_a_path_outside_the_site_is_refused(path: str) -> None:
    assert not safe_path(path)
    document = {"format": "ita-published/1", "files": {path: {"sha256": "a" * 64, "size": 1}}}
    with pytest.raises(PublishError, match="damaged"):
        parse_manifest(json.dumps(document).encode())


@pytest.mark.parametrize(
    "data",
    [
        b"not json",
        b"[]",
        b'{"format": "other", "files": {}}',
        b'{"format": "ita-published/1", "files": {"a": {"sha256": "xyz", "size": 1}}}',
        b'{"format": "ita-published/1", "files": {"a": {"sha256": "' + b"a" * 64 + b'", "size": -1}}}',
        b'{"format": "ita-published/1", "files": {"a": {"sha256": "' + b"a" * 64 + b'", "size": true}}}',
    ],
)
def test_a_damaged_manifest_stops_before_anything_changes(data: bytes) -> None:
    with pytest.raises(PublishError) as raised:
        parse_manifest(data)
    assert "เสียหาย" in raised.value.thai and "nothing was changed" in raised.value.english


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_progress_in_a_log_is_a_line_per_tenth_not_per_chunk() -> None:
    stream, clock = io.StringIO(), Clock()
    progress = Progress(100, 1000, stream, terminal=False, clock=clock)
    for _ in range(100):
        clock.now += 0.01
        progress.sent(10)
        progress.file_done()
    progress.finish()
    lines = stream.getvalue().splitlines()
    assert 10 <= len(lines) <= 12
    assert lines[-1].startswith("ส่งแล้ว/sent 100/100 ไฟล์/files, 1000 B/1000 B")


def test_progress_on_a_terminal_rewrites_one_line_a_few_times_a_second() -> None:
    stream, clock = io.StringIO(), Clock()
    progress = Progress(2, 2048, stream, terminal=True, clock=clock)
    progress.sent(1024)
    clock.now = 1.0
    progress.sent(1024)
    progress.file_done()
    progress.finish()
    text = stream.getvalue()
    assert text.count("\r") == 2 and text.endswith("\n") and text.count("\n") == 1
    assert "2.0 KB/2.0 KB" in text


def _load_with(tmp_path: Path, block: str) -> str:
    data = tmp_path / "data"
    shutil.copytree(DEMO_DATA, data)
    (data / "site.yml").write_text(f"digits: arabic\npublish:\n{block}", encoding="utf-8")
    try:
        target = load_site(data).site.settings.publish
    except DataError as exc:
        return exc.report()
    return repr(target)


def test_site_yml_publish_block_is_read_with_its_defaults(tmp_path: Path) -> None:
    found = _load_with(tmp_path, "  protocol: ftps\n  host: ftp.example.go.th\n  user: web\n  path: public_html\n")
    assert "PublishTarget(protocol='ftps', host='ftp.example.go.th', user='web', path='public_html'" in found
    assert (
        PublishTarget("ftps", "h", "u", "p").port_number == 21
        and PublishTarget("sftp", "h", "u", "p").port_number == 22
    )


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ("  protocol: ftp\n  host: h\n  user: u\n  path: p\n", "expected one of: sftp, ftps"),
        ("  protocol: sftp\n  host: sftp://h/\n  user: u\n  path: p\n", "the host is a bare name"),
        ("  protocol: sftp\n  host: h\n  user: u\n", "this required field is missing"),
        ("  protocol: sftp\n  host: h\n  user: u\n  path: p\n  port: 70000\n", "publish.port"),
        ("  protocol: sftp\n  host: h\n  user: u\n  path: p\n  tls_fingerprint: " + "ab" * 32 + "\n", "ftps only"),
        ("  protocol: ftps\n  host: h\n  user: u\n  path: p\n  tls_fingerprint: abc\n", "64 hexadecimal"),
        (
            "  protocol: sftp\n  host: h\n  user: u\n  path: p\n  ssh_key: /home/me/.ssh/id\n",
            "never put a password or key",
        ),
    ],
)
def test_a_wrong_publish_block_is_refused_with_a_reason(tmp_path: Path, block: str, expected: str) -> None:
    report = _load_with(tmp_path, block)
    assert expected in report, report
    assert "publish" in report


def test_a_key_file_inside_the_project_is_refused(tmp_path: Path) -> None:
    target = PublishTarget("sftp", "h", "u", "p")
    (tmp_path / "data").mkdir()
    with pytest.raises(PublishError) as raised:
        find_credentials(target, {"ITA_PUBLISH_KEY": str(tmp_path / "data" / "id_ed25519")}, shared=(tmp_path,))
    assert "git" in raised.value.thai and "move it out of the project" in raised.value.english
    outside = find_credentials(target, {"ITA_PUBLISH_KEY": "/elsewhere/id", "ITA_PUBLISH_KEY_PASSPHRASE": "x"})
    assert outside == Credentials(None, Path("/elsewhere/id"), "x")
    assert find_credentials(target, {"ITA_PUBLISH_PASSWORD": "pw"}) == Credentials(password="pw")


@pytest.mark.parametrize(
    ("reply", "full"),
    [
        ("451 Failure writing to local file.", True),  # vsftpd, disk full
        ("451-Error during write to file\n451-Transfer aborted\n451 0.000 seconds", True),  # pure-ftpd, disk full
        ("552-Transfer aborted (quota)\n552 Quota exceeded: [big1] won't be saved", True),  # pure-ftpd, quota
        ("451 Transfer aborted. Input/output error", True),  # ProFTPD, disk full
        ("426 No space left on device; transfer aborted.", True),  # pyftpdlib
        ("452 Insufficient storage space", True),
        ("553 Could not create file.", False),  # vsftpd, no permission
        ("550 Permission denied.", False),
        ("553 Can't open that file: Permission denied", False),  # pure-ftpd
        ("426 Failure writing network stream.", False),  # vsftpd, the line broke
        ("421 Timeout.", False),
    ],
)
def test_a_full_disk_or_quota_is_told_from_other_ftp_failures(reply: str, full: bool) -> None:
    """Replies as the servers gave them in the publishing tests (and pure-ftpd's with a quota set)."""
    assert out_of_space(reply) is full
