"""``ita serve``: MkDocs' live preview of a data folder, opened in the browser once it answers."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import urllib.request
import webbrowser
from pathlib import Path

STARTUP_LIMIT = 180.0
"""Seconds to wait for the first build of a large site before giving up on opening the browser."""


def preview(values: dict[str, str | bool], project: Path) -> int:
    address = str(values["--address"])
    url = f"http://{address}/"
    # The hook file reads the data folder from ITA_DATA; resolved here, so the preview does not depend
    # on the folder the command was typed in.
    environment = os.environ | {"ITA_DATA": str(Path(str(values["--data"])).resolve())}
    config = str(project / "mkdocs.yml")
    command = [sys.executable, "-m", str(values["--builder"]), "serve", "--config-file", config, "-a", address]
    print(f"หน้าตัวอย่าง / preview: {url}  (หยุดด้วย Ctrl+C / stop with Ctrl+C)", flush=True)
    child = subprocess.Popen(command, env=environment, cwd=project)
    if values["--browser"]:
        threading.Thread(target=_open_when_answering, args=(url, child), daemon=True).start()
    try:
        return child.wait()
    except KeyboardInterrupt:  # the console sent Ctrl+C to the preview too; it stops by itself
        child.wait()
        return 0


def _open_when_answering(url: str, child: subprocess.Popen[bytes]) -> None:
    """Open ``url`` in the browser once the preview answers there (the first build takes a while)."""
    deadline = time.monotonic() + STARTUP_LIMIT
    while child.poll() is None and time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                webbrowser.open(url)
                return
        except OSError:
            time.sleep(0.3)
