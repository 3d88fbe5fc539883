"""After upload: does the published site answer for every page, document and OIT evidence link?

Assessors open, item by item, the addresses the agency typed into ITAS. A page that was not uploaded,
a document renamed on the host, or an outside system that moved, is found here before they find it.
The list of what must answer comes from the site as built (``site/``): its pages, its documents, and
the evidence addresses of its OIT URL sheets.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urldefrag

from ..records.record import record

TIMEOUT_SECONDS = 20
USER_AGENT = "ita-site-check/1 (+https://itas.nacc.go.th/)"


@record
class Answer:
    url: str
    what: str
    """Why it is checked: a page, a document, or the OIT item whose evidence it is."""
    status: int | None
    """The HTTP status, or None when the address did not answer at all."""
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 400


def addresses(site: Path, base: str, *, other_sites: bool) -> list[tuple[str, str]]:
    """(address, what) to check: every page and document of the built ``site`` under ``base``, and
    every evidence address of its OIT URL sheets (those of other sites only when ``other_sites``)."""
    base = base.rstrip("/") + "/"
    found: dict[str, str] = {}
    for page in sorted(site.rglob("index.html")):
        path = page.parent.relative_to(site).as_posix()
        found[base + ("" if path == "." else path + "/")] = "หน้าเว็บ / page"
    for document in sorted((site / "documents").glob("*")) if (site / "documents").is_dir() else []:
        found[base + f"documents/{document.name}"] = "เอกสาร / document"
    for sheet_file in sorted(site.glob("ita/*/oit-urls.json")):
        sheet = json.loads(sheet_file.read_text(encoding="utf-8"))
        own = sheet["assessors_page"].split("/ita/")[0] + "/"  # the site_url the sheet was made with
        for item in sheet["items"]:
            for url in item["evidence_urls"]:
                address = urldefrag(base + url[len(own) :] if url.startswith(own) else url).url
                if address.startswith(base) or other_sites:
                    found.setdefault(address, f"OIT {sheet['fiscal_year']} {item['code']}")
    return list(found.items())


def check(targets: list[tuple[str, str]], workers: int = 8) -> list[Answer]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda target: _fetch(*target), targets))


def _fetch(url: str, what: str) -> Answer:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return Answer(url, what, response.status)
    except urllib.error.HTTPError as error:
        return Answer(url, what, error.code, error.reason if isinstance(error.reason, str) else "")
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        return Answer(url, what, None, str(reason))


def report(answers: list[Answer]) -> list[str]:
    """Lines for the webmaster: every address that failed, then the count."""
    failed = [a for a in answers if not a.ok]
    lines = [
        f"- {a.what}: {a.url} → {a.status if a.status is not None else 'ไม่ตอบ / no answer'} {a.problem}".rstrip()
        for a in failed
    ]
    lines.append(
        f"ตรวจ {len(answers)} ที่อยู่ ใช้ไม่ได้ {len(failed)} / checked {len(answers)} addresses, {len(failed)} failed"
    )
    return lines
