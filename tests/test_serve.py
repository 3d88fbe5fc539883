"""``make serve`` previews any data folder, also one whose path has spaces (a Windows or macOS user's),
with live reload working (the published site's Content-Security-Policy would stop its inline script)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import PROJECT_ROOT
from test_bad_data import FIXTURE


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_make_serve_passes_a_path_with_spaces_whole() -> None:
    dry_run = subprocess.run(
        ["make", "-n", "serve", "DATA=/tmp/ข้อมูล เทศบาล/data"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert 'ITA_DATA="/tmp/ข้อมูล เทศบาล/data"' in dry_run.stdout


def test_the_preview_serves_data_from_a_folder_with_spaces(tmp_path: Path) -> None:
    data = tmp_path / "งาน ITA" / "data copy"
    shutil.copytree(FIXTURE, data)
    port = _free_port()
    environment = os.environ | {"ITA_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        command, cwd=PROJECT_ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    home = response.read().decode("utf-8")
                break
            except OSError:
                assert server.poll() is None, server.communicate()[0]
                assert time.monotonic() < deadline, "the preview did not start"
                time.sleep(0.5)
        assert "เทศบาลตำบลทดสอบ" in home
        assert "livereload" in home and "Content-Security-Policy" not in home
    finally:
        server.terminate()
        server.wait(timeout=30)
