"""The last good site is never lost: failed, interrupted and killed builds leave OUT as it was.

Every test runs the real command (hooks/build_site.py → mkdocs build) on a copy of the
bad-data fixture, a small site that builds in about a second.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import build_site
import pytest
from conftest import PROJECT_ROOT, run_build

from itagen.publish.build_output import explain
from itagen.publish.output_dir import BUILT_SITE_MARKER, refusal

FIXTURE = Path(__file__).parent / "bad_data" / "fixture"


def snapshot(directory: Path) -> dict[str, str]:
    """Every file under ``directory`` with the hash of its bytes."""
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURE, target)
    return target


@pytest.fixture
def good_site(data: Path, tmp_path: Path) -> Path:
    out = tmp_path / "site"
    result = run_build(data, out)
    assert result.returncode == 0, result.stderr
    return out


def _break(data: Path) -> None:
    year = data / "years" / "2568.yml"
    year.write_text(year.read_text(encoding="utf-8").replace("overall_score: 91.50", "overall_score: 191.50"))


def test_a_successful_build_replaces_the_site_whole(data: Path, good_site: Path) -> None:
    (good_site / "stale-page.html").write_text("from an older build")
    title = data / "years" / "2568.yml"
    title.write_text(title.read_text(encoding="utf-8").replace("ตอบคำถามภายในสามวัน", "ตอบคำถามภายในหนึ่งวัน"))
    assert run_build(data, good_site).returncode == 0
    assert not (good_site / "stale-page.html").exists()
    assert "ตอบคำถามภายในหนึ่งวัน" in (good_site / "ita/2568/measures/index.html").read_text(encoding="utf-8")
    assert leftovers(good_site) == []


def test_a_failed_build_leaves_the_previous_site_byte_identical(data: Path, good_site: Path) -> None:
    before = snapshot(good_site)
    _break(data)
    result = run_build(data, good_site, strict=False)
    assert result.returncode != 0
    assert snapshot(good_site) == before
    assert leftovers(good_site) == []
    assert "เว็บไซต์เดิมยังอยู่ครบ" in result.stderr and "was left unchanged" in result.stderr


def test_a_strict_build_failing_on_a_warning_also_keeps_the_site(data: Path, good_site: Path) -> None:
    before = snapshot(good_site)
    year = data / "years" / "2568.yml"
    year.write_text(year.read_text(encoding="utf-8").replace("updated: 2568-06-30", "updated: 2568-06-31"))
    assert run_build(data, good_site, strict=True).returncode != 0
    assert snapshot(good_site) == before


def _command(data: Path, out: Path) -> list[str]:
    return [sys.executable, str(PROJECT_ROOT / "hooks" / "build_site.py"), "--data", str(data), "--out", str(out)]


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_an_interrupted_build_leaves_no_half_built_directory(data: Path, good_site: Path, stop: int) -> None:
    before = snapshot(good_site)
    environment = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(
        _command(data, good_site), cwd=PROJECT_ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 30
    while not leftovers(good_site) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.005)
    assert leftovers(good_site), "the build never started writing: nothing to interrupt"
    process.send_signal(stop)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130, stderr.decode()
    assert "Build interrupted" in stderr.decode()
    assert leftovers(good_site) == []
    assert snapshot(good_site) == before


def _dead_pid() -> int:
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(finished.stdout)


def test_a_killed_build_is_cleaned_up_by_the_next_one(data: Path, good_site: Path) -> None:
    stale = good_site.with_name(f".{good_site.name}.building-{_dead_pid()}")
    (stale / "assets").mkdir(parents=True)
    (stale / "index.html").write_text("half a site")
    _break(data)
    assert run_build(data, good_site).returncode != 0  # even a failing build tidies up
    assert leftovers(good_site) == []


def test_a_swap_cut_between_its_two_renames_gets_the_old_site_back(data: Path, good_site: Path) -> None:
    before = snapshot(good_site)
    good_site.rename(good_site.with_name(f".{good_site.name}.previous"))  # power lost mid-swap
    _break(data)
    assert run_build(data, good_site).returncode != 0
    assert snapshot(good_site) == before
    assert leftovers(good_site) == []


@pytest.mark.parametrize("target", ["data", "parent-of-data", "not-a-site"])
def test_an_output_that_would_destroy_other_files_is_refused(data: Path, tmp_path: Path, target: str) -> None:
    personal = tmp_path / "documents"
    personal.mkdir()
    (personal / "letter.docx").write_text("someone's work")
    out = {"data": data, "parent-of-data": tmp_path, "not-a-site": personal}[target]
    before = snapshot(data), snapshot(personal)
    result = run_build(data, out)
    assert result.returncode == 2
    assert "Nothing was built" in result.stderr and "ไม่ได้สร้างเว็บไซต์" in result.stderr
    assert (snapshot(data), snapshot(personal)) == before


def test_a_web_root_with_an_index_page_is_not_taken_for_a_built_site(data: Path, tmp_path: Path) -> None:
    """``make site OUT=/var/www/html``: a hand-made index.html beside uploads and mail must survive."""
    web_root = tmp_path / "html"
    for folder in ("uploads", "webmail"):
        (web_root / folder).mkdir(parents=True)
        (web_root / folder / "keep.txt").write_text("someone's files")
    (web_root / "index.html").write_text("<h1>เทศบาล</h1>")
    (web_root / "sitemap.xml").write_text("<urlset/>")
    (web_root / ".htaccess").write_text("Options -Indexes")
    before = snapshot(web_root)
    result = run_build(data, web_root)
    assert result.returncode == 2
    assert "Nothing was built" in result.stderr and "ไม่ได้สร้างเว็บไซต์" in result.stderr
    assert "is not a site this tool built" in result.stderr and "ไม่ใช่เว็บไซต์ที่โปรแกรมนี้สร้าง" in result.stderr
    assert ".htaccess, index.html, sitemap.xml, uploads/, webmail/" in result.stderr
    assert snapshot(web_root) == before


def test_every_build_is_marked_and_only_a_marked_folder_is_replaced(data: Path, good_site: Path) -> None:
    assert (good_site / BUILT_SITE_MARKER).is_file()
    (good_site / BUILT_SITE_MARKER).unlink()  # a site of an older version, or a copy someone edited
    result = run_build(data, good_site)
    assert result.returncode == 2 and "is not a site this tool built" in result.stderr
    (good_site / BUILT_SITE_MARKER).write_text("")
    assert run_build(data, good_site).returncode == 0


def test_the_project_and_its_sources_are_never_an_output() -> None:
    """Checked on the rule itself: a real build aimed at the project would be a dangerous test."""
    protected = [PROJECT_ROOT, PROJECT_ROOT / "data", *build_site.PROJECT_SOURCES]
    for place in [
        PROJECT_ROOT,
        PROJECT_ROOT.parent,
        PROJECT_ROOT / "docs",
        PROJECT_ROOT / "data",
        PROJECT_ROOT / ".git",
    ]:
        assert refusal(place, protected) is not None, place
    assert refusal(PROJECT_ROOT / "a-new-site-folder", protected) is None  # what site/ is on a fresh clone
    assert refusal(PROJECT_ROOT / "no-such-dir" / "site", protected) is None


def test_a_disk_that_fills_up_mid_build_keeps_the_site_and_says_so(data: Path, tmp_path: Path) -> None:
    """A small disk of its own (tmpfs, in a mount namespace): build, fill it, build again."""
    disk = tmp_path / "disk"
    disk.mkdir()
    build = f"NO_MKDOCS_2_WARNING=1 {sys.executable} {PROJECT_ROOT / 'hooks' / 'build_site.py'} --data {data} --out {disk}/site"
    checksum = f"(cd {disk}/site && find . -type f -exec sha256sum {{}} + | sort | sha256sum)"
    script = f"""
        set -e
        mount -t tmpfs -o size=8m tmpfs {disk}
        {build} > /dev/null 2>&1
        before=$( {checksum} )
        free=$(df --output=avail -k {disk} | tail -1)
        head -c $(( (free - 600) * 1024 )) /dev/zero > {disk}/filler
        set +e
        {build}
        echo "exit=$?"
        set -e
        after=$( {checksum} )
        [ "$before" = "$after" ] && echo "site intact"
        ls -a {disk}
    """
    namespace = ["unshare", "--mount"] if os.geteuid() == 0 else ["unshare", "--user", "--map-root-user", "--mount"]
    result = subprocess.run([*namespace, "sh", "-c", script], capture_output=True, text=True, check=False)
    output = result.stdout + result.stderr
    assert "exit=1" in output, output
    assert "the disk is full" in output and "พื้นที่ดิสก์เต็ม" in output
    assert "Build failed" in output and "Traceback" not in output
    assert "site intact" in output
    assert ".site.building" not in result.stdout.split("site intact", 1)[1]  # the listing of the disk


def test_an_output_folder_that_cannot_be_created_is_said_plainly(data: Path) -> None:
    result = run_build(data, Path("/sys/ita-site-test/site"))  # /sys refuses new folders, even to root
    assert result.returncode == 2
    assert "cannot create or write /sys/ita-site-test" in result.stderr
    assert "สร้างหรือเขียนโฟลเดอร์ /sys/ita-site-test ไม่ได้" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_a_failure_deep_inside_the_builder_becomes_one_sentence() -> None:
    full = explain("OSError: [Errno 28] No space left on device: 'site/index.html'")
    assert "the disk is full" in full and "พื้นที่ดิสก์เต็ม" in full and "Errno 28" in full
    assert "Internal error" in explain("KeyError: 'x'") and "โปรดแจ้งผู้ดูแลระบบ" in explain("KeyError: 'x'")


# Put on PYTHONPATH, this runs in every Python the build starts. When the MkDocs process opens its
# first data file it says so through a file and waits: the test's Ctrl+C then lands inside the data's
# loading however fast that has become, rather than after a guessed delay.
_PAUSE_AT_FIRST_DATA_FILE = """
import os, sys, time

_data = os.environ["ITA_TEST_PAUSE_DATA"]
_reached = os.environ["ITA_TEST_PAUSE_REACHED"]
_paused = []


def _pause(event, args):
    if event != "open" or _paused or not isinstance(args[0], str):
        return
    if args[0].startswith(_data) and args[0].endswith(".yml"):
        _paused.append(args[0])
        with open(_reached + ".part", "w") as marker:
            marker.write(args[0])
        os.replace(_reached + ".part", _reached)
        time.sleep(60)


sys.addaudithook(_pause)
"""


def test_ctrl_c_while_the_data_is_read_says_so_without_a_traceback(data: Path, good_site: Path, tmp_path: Path) -> None:
    """Ctrl+C reaches the whole process group: the build command and MkDocs, still loading the data."""
    before = snapshot(good_site)
    startup = tmp_path / "startup"
    startup.mkdir()
    (startup / "sitecustomize.py").write_text(_PAUSE_AT_FIRST_DATA_FILE)
    reached = tmp_path / "reached"
    environment = os.environ | {
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": str(startup),
        "ITA_TEST_PAUSE_DATA": str(data.resolve()),
        "ITA_TEST_PAUSE_REACHED": str(reached),
    }
    process = subprocess.Popen(
        _command(data, good_site),
        cwd=PROJECT_ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not reached.exists() and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.01)
    assert reached.exists(), "the build never opened a data file"
    assert reached.read_text().endswith(".yml")
    os.killpg(process.pid, signal.SIGINT)
    stdout, stderr = process.communicate(timeout=30)
    output = (stdout + stderr).decode()
    assert process.returncode == 130, output
    assert "Build interrupted" in output and "Traceback" not in output
    assert snapshot(good_site) == before
