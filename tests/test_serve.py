"""``make serve`` previews any data folder, also one whose path has spaces (a Windows or macOS user's),
with live reload working (the published site's Content-Security-Policy would stop its inline script)."""

from __future__ import annotations

import os
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import PROJECT_ROOT
from frontdoor.cli import read_options
from frontdoor.verbs import VERBS
from test_bad_data import FIXTURE


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.mark.posix
def test_make_serve_passes_a_path_with_spaces_whole() -> None:
    dry_run = subprocess.run(
        ["make", "-n", "serve", "DATA=/tmp/ข้อมูล เทศบาล/data"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    words = shlex.split(next(line for line in dry_run.stdout.splitlines() if "hooks/ita.py" in line))
    assert words[2] == "serve"
    values, _ = read_options(VERBS["serve"], words[3:])
    assert values["--data"] == "/tmp/ข้อมูล เทศบาล/data"


def _start_preview(data: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    environment = os.environ | {"ITA_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        command, cwd=PROJECT_ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    return server, f"http://127.0.0.1:{port}/"


def _wait_for_home(server: subprocess.Popen[bytes], url: str, showing: str) -> str:
    """The home page once it shows ``showing``; the preview must stay up meanwhile."""
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                home: str = response.read().decode("utf-8")
            if showing in home:
                return home
        except OSError:
            pass
        assert server.poll() is None, server.communicate()[0]
        assert time.monotonic() < deadline, f"the preview never showed {showing!r}"
        time.sleep(0.5)


def test_the_preview_serves_data_from_a_folder_with_spaces(tmp_path: Path) -> None:
    data = tmp_path / "งาน ITA" / "data copy"
    shutil.copytree(FIXTURE, data)
    server, url = _start_preview(data)
    try:
        home = _wait_for_home(server, url, "เทศบาลตำบลทดสอบ")
        assert "livereload" in home and "Content-Security-Policy" not in home
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_preview_rebuilds_when_a_data_file_is_saved(tmp_path: Path) -> None:
    """With the locked click and watchdog: a newer click once stopped the reload without a word."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    server, url = _start_preview(data)
    try:
        _wait_for_home(server, url, "เทศบาลตำบลทดสอบ")
        agency = data / "agency.yml"
        agency.write_text(
            agency.read_text(encoding="utf-8").replace("เทศบาลตำบลทดสอบ", "เทศบาลตำบลแก้ไขแล้ว", 1),
            encoding="utf-8",
        )
        _wait_for_home(server, url, "เทศบาลตำบลแก้ไขแล้ว")
    finally:
        server.terminate()
        server.wait(timeout=30)
