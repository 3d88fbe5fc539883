"""Lighthouse mobile performance of the home page and a year overview, against Debian's chromium.

    .venv/bin/python tests/bench/lighthouse.py [--sizes 35,300,1000] [--work DIR]
    .venv/bin/python tests/bench/lighthouse.py --site site --server plain|gzip|apache

Needs Node and the npm package ``lighthouse`` at the version pinned below, installed outside the
project's sources; the first run installs it into ``build/lighthouse/`` (gitignored) with npm. Not a
test of the suite: CI installs no npm package. The site is served on 127.0.0.1 by a server that
compresses text with gzip, as a web host does (``--server gzip``), by one that does not compress
(``plain``, a shared host with compression off), or by Debian's Apache under the site's own ``.htaccess``
(``apache``, tests/apache_server.py; needs ``apache2``). ``--site`` measures one built site, such as the
demo after ``make site``, instead of the synthetic agency. Lighthouse runs its default mobile profile (simulated
slow 4G and a slower CPU) in headless chromium with no network beyond the loopback.

Prints, for each page, the run of median score of ``--runs``: the performance and accessibility scores, First and Largest Contentful Paint, Total Blocking
Time, Cumulative Layout Shift, Speed Index, the bytes transferred, and any render-blocking resource.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from synthetic_sites import PROJECT_ROOT, SIZES, built_site

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from apache_server import apache_serving  # from tests/, beside this folder

LIGHTHOUSE_VERSION = "12.8.2"
"""12.x runs on Debian's Node 20; 13 wants Node 22."""
INSTALL = PROJECT_ROOT / "build" / "lighthouse"
CLI = INSTALL / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
]
COMPRESSED_TYPES = re.compile(r"text/|application/(json|javascript|xml)|image/svg")


class _PlainHandler(http.server.SimpleHTTPRequestHandler):
    """Static files as they are, as a host with compression off sends them."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _GzipHandler(_PlainHandler):
    """Static files, text compressed with gzip when the browser accepts it, as a web host sends them."""

    def send_head(self) -> Any:
        self._gzip: bytes | None = None
        return super().send_head()

    def end_headers(self) -> None:
        if getattr(self, "_gzip", None) is not None:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        super().end_headers()

    def send_header(self, keyword: str, value: str) -> None:
        accepted = "gzip" in self.headers.get("Accept-Encoding", "")
        if keyword.lower() == "content-type" and COMPRESSED_TYPES.match(value) and accepted:
            self._gzip = b""
        if keyword.lower() == "content-length" and getattr(self, "_gzip", None) is not None:
            return  # sent once the body is compressed
        super().send_header(keyword, value)

    def copyfile(self, source: Any, outputfile: Any) -> None:  # type: ignore[override]
        data = source.read()
        outputfile.write(gzip.compress(data, 6) if getattr(self, "_gzip", None) is not None else data)


@contextlib.contextmanager
def _serve(root: Path, kind: str = "gzip") -> Iterator[str]:
    if kind == "apache":
        with apache_serving(root) as apache:
            yield apache.url("")
        return
    handler = _GzipHandler if kind == "gzip" else _PlainHandler
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _install() -> None:
    if CLI.is_file() and json.loads((CLI.parents[1] / "package.json").read_text())["version"] == LIGHTHOUSE_VERSION:
        return
    INSTALL.mkdir(parents=True, exist_ok=True)
    command = [
        "npm",
        "install",
        "--no-audit",
        "--no-fund",
        "--prefix",
        str(INSTALL),
        f"lighthouse@{LIGHTHOUSE_VERSION}",
    ]
    subprocess.run(command, check=True)


def lighthouse(url: str, report: Path) -> dict[str, Any]:
    command = [
        "node",
        str(CLI),
        url,
        "--only-categories=performance,accessibility",
        "--output=json",
        f"--output-path={report}",
        "--quiet",
        "--chrome-flags=" + " ".join(CHROME_FLAGS),
    ]
    subprocess.run(command, check=True, env=os.environ | {"CHROME_PATH": "/usr/bin/chromium"}, timeout=300)
    result: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return result


def summary(label: str, result: dict[str, Any]) -> str:
    audits = result["audits"]
    value = lambda name: audits[name].get("numericValue", 0)  # noqa: E731
    blocking = [
        item["url"].split("/", 3)[-1]
        for item in audits["render-blocking-resources"].get("details", {}).get("items", [])
    ]
    score = result["categories"]["performance"]["score"]
    accessibility = result["categories"]["accessibility"]["score"]
    return (
        f"{label:<24} performance {score * 100:3.0f} | accessibility {accessibility * 100:3.0f} | FCP {value('first-contentful-paint') / 1000:.2f} s | "
        f"LCP {value('largest-contentful-paint') / 1000:.2f} s | TBT {value('total-blocking-time'):.0f} ms | "
        f"CLS {value('cumulative-layout-shift'):.3f} | SI {value('speed-index') / 1000:.2f} s | "
        f"{value('total-byte-weight') / 1000:.0f} KB transferred | render-blocking: {', '.join(blocking) or 'none'}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--work", type=Path, help="keep the built sites here and reuse them")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the run of median score is printed")
    parser.add_argument("--keep-reports", action="store_true", help="leave Lighthouse's JSON reports in --work")
    parser.add_argument("--site", type=Path, help="a built site to measure instead of the synthetic agency")
    parser.add_argument("--server", choices=("gzip", "plain", "apache"), default="gzip", help="how it is served")
    args = parser.parse_args()
    _install()
    with contextlib.ExitStack() as stack:
        work = args.work or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="lighthouse-")))
        work.mkdir(parents=True, exist_ok=True)
        sizes = [0] if args.site else [int(s) for s in args.sizes.split(",")]
        for size in sizes:
            site = args.site.resolve() if args.site else built_site(size, work)
            years = sorted(p.name for p in (site / "ita").iterdir() if re.fullmatch(r"\d{4}", p.name))
            with _serve(site, args.server) as base:
                for label, path in (("home", ""), (f"year overview {years[-1]}", f"ita/{years[-1]}/")):
                    runs = []
                    for run in range(args.runs):
                        report = work / f"lighthouse-{size}-{label.split()[0]}-{run}.json"
                        runs.append(lighthouse(base + path, report))
                        if not args.keep_reports:
                            report.unlink()
                    runs.sort(key=lambda result: result["categories"]["performance"]["score"])
                    scores = " ".join(f"{result['categories']['performance']['score'] * 100:.0f}" for result in runs)
                    line = summary(label, runs[len(runs) // 2])
                    where = f"{args.server}: " + (args.site.name if args.site else f"{size:>5} pages")
                    print(f"{where}, {line} | scores of {len(runs)} runs: {scores}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
