"""Files the site publishes are judged by content: inert SVG only, documents of the types offices use."""

from __future__ import annotations

import pytest

from itagen.load.file_types import CHART, DOCUMENT, LOGO, content_problem, svg_problem
from itagen.render.qr_images import draw

SVG = 'xmlns="http://www.w3.org/2000/svg"'
ACTIVE_SVGS = {
    "script": f"<svg {SVG}><script>alert(1)</script></svg>",
    "prefixed script": '<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></s:svg>',
    "xhtml script in foreignObject": f'<svg {SVG}><foreignObject><h:script xmlns:h="http://www.w3.org/1999/xhtml">x</h:script></foreignObject></svg>',
    "upper-case handler": f'<svg {SVG} ONLOAD="alert(1)"/>',
    "handler on a child": f'<svg {SVG}><rect onclick="alert(1)"/></svg>',
    "entity-encoded javascript": f'<svg {SVG}><a href="javascript&#58;alert(1)"><rect/></a></svg>',
    "javascript split by a tab": f'<svg {SVG}><a href="java&#9;script:alert(1)"><rect/></a></svg>',
    "data: image": f'<svg {SVG}><image href="data:text/html,&lt;script&gt;"/></svg>',
    "outside image": f'<svg {SVG}><image href="https://tracker.example/x.png"/></svg>',
    "outside use": f'<svg {SVG} xmlns:x="http://www.w3.org/1999/xlink"><use x:href="https://evil.example/a.svg#a"/></svg>',
    "CSS import": f"<svg {SVG}><style>@import url(https://evil.example/x.css);</style></svg>",
    "CSS url in an attribute": f'<svg {SVG}><rect style="fill:url(https://evil.example/p)"/></svg>',
    "entity declaration": f'<!DOCTYPE svg [<!ENTITY a "b">]><svg {SVG}>&a;</svg>',
    "stylesheet instruction": f'<?xml-stylesheet href="https://evil.example/x.css"?><svg {SVG}/>',
    "not XML": "<svg><rect></svg>",
}


@pytest.mark.parametrize("name", list(ACTIVE_SVGS))
def test_an_svg_that_could_act_is_refused(name: str) -> None:
    assert svg_problem(ACTIVE_SVGS[name].encode()) is not None


def test_an_svg_in_utf_16_is_refused() -> None:
    assert svg_problem(f"<svg {SVG}/>".encode("utf-16")) == ("ไฟล์ไม่ได้บันทึกเป็น UTF-8", "the file is not UTF-8")


@pytest.mark.parametrize(
    "svg",
    [
        f'<?xml version="1.0" encoding="UTF-8"?><svg {SVG} viewBox="0 0 2 2"><circle cx="1" cy="1" r="1" fill="#c00"/></svg>',
        f'<svg {SVG}><defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="2" height="2"/><use href="#g"/></svg>',
        draw("https://itas.nacc.go.th/go/eit/demo42").svg.decode(),
    ],
)
def test_an_inert_svg_is_published(svg: str) -> None:
    assert svg_problem(svg.encode()) is None
    assert content_problem("chart.svg", ".svg", svg.encode(), CHART) is None


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("plan.pdf", b"%PDF-1.7\n"),
        ("budget.xlsx", b"PK\x03\x04rest"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest"),
        ("photo.webp", b"RIFF\x00\x00\x00\x00WEBPVP8 "),
    ],
)
def test_documents_of_office_types_are_published(name: str, content: bytes) -> None:
    assert content_problem(name, "." + name.rsplit(".", 1)[1], content, DOCUMENT) is None


@pytest.mark.parametrize(
    ("name", "content", "english"),
    [
        ("notice.html", b"<html>", "must be a document of type"),
        ("chart.svg", f"<svg {SVG}/>".encode(), "must be a document of type"),
        ("run.js", b"alert(1)", "must be a document of type"),
        ("notice.pdf", b"<html><script>", "is not really a .pdf document"),
        ("sheet.xlsx", b"<html>", "is not really a .xlsx document"),
    ],
)
def test_pages_scripts_and_renamed_files_are_not_documents(name: str, content: bytes, english: str) -> None:
    problem = content_problem(name, "." + name.rsplit(".", 1)[1], content, DOCUMENT)
    assert problem is not None and english in problem[1]


def test_a_logo_is_an_image_by_its_bytes() -> None:
    assert content_problem("logo.png", ".png", b"GIF89a", LOGO) is not None
    assert content_problem("logo.gif", ".gif", b"GIF89a", LOGO) is not None
    assert content_problem("logo.png", ".png", b"\x89PNG\r\n\x1a\nrest", LOGO) is None
