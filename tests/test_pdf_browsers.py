"""``pdf`` on the computers the offices have: Chrome or Edge where Windows and macOS install them.

Windows puts neither on PATH; ``make_pdf.find_browser`` looks in the installers' folders. Checked here
with those folders made in a temporary directory (the real Windows run is the workflow's).
"""

from __future__ import annotations

from pathlib import Path

from make_pdf import find_browser, no_browser_message


def _installed(root: Path, relative: str) -> Path:
    program = root / relative
    program.parent.mkdir(parents=True)
    program.write_bytes(b"MZ")
    return program


def test_edge_is_found_where_windows_installs_it(tmp_path: Path) -> None:
    nothing_on_path = str(tmp_path / "empty")
    x86 = tmp_path / "Program Files (x86)"
    environment = {"ProgramFiles(x86)": str(x86), "ProgramFiles": str(tmp_path / "Program Files")}
    assert find_browser("win32", environment, nothing_on_path) is None
    edge = _installed(x86, "Microsoft/Edge/Application/msedge.exe")
    assert find_browser("win32", environment, nothing_on_path) == str(edge)
    chrome = _installed(tmp_path / "Program Files", "Google/Chrome/Application/chrome.exe")
    assert find_browser("win32", environment, nothing_on_path) == str(chrome)  # Chrome first, as Debian's Chromium
    assert find_browser("linux", environment, nothing_on_path) is None  # those folders mean nothing elsewhere


def test_without_a_browser_pdf_says_what_to_install_on_each_system() -> None:
    windows = no_browser_message("win32")
    assert "Microsoft Edge" in windows and "ติดตั้ง Microsoft Edge" in windows and "prints from any browser" in windows
    assert "apt install chromium" in no_browser_message("linux")
    assert "Google Chrome" in no_browser_message("darwin")
