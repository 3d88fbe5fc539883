"""Which files a field may publish, judged by their content, not their name.

Everything copied into the site is served from the agency's own address, where an HTML page or an
SVG image with a script would run with the site's authority. So photos, charts and logos are
PNG, JPEG or WebP, or an SVG that an XML parser finds inert; documents are the types offices
publish (PDF, Word, Excel, PowerPoint, OpenDocument, images, ZIP), never HTML, SVG or scripts. A file
must also start with the bytes of its type: a renamed ``.html`` is not a ``.pdf``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable

from ..records.record import record

SIGNATURE_BYTES = 16
"""Enough of a file's start to know its type."""
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""Word, Excel and PowerPoint before 2007."""
_ZIP = b"PK\x03\x04"
"""ZIP, and the formats built on it: docx, xlsx, pptx, odt, ods, odp."""


def _starts(*signatures: bytes) -> Callable[[bytes], bool]:
    return lambda content: content.startswith(signatures)


def _webp(content: bytes) -> bool:
    return content.startswith(b"RIFF") and content[8:12] == b"WEBP"


IMAGE_TYPES: dict[str, Callable[[bytes], bool]] = {
    ".png": _starts(b"\x89PNG\r\n\x1a\n"),
    ".jpg": _starts(b"\xff\xd8\xff"),
    ".jpeg": _starts(b"\xff\xd8\xff"),
    ".webp": _webp,
}
DOCUMENT_TYPES: dict[str, Callable[[bytes], bool]] = {
    ".pdf": _starts(b"%PDF-"),
    ".doc": _starts(_OLE),
    ".xls": _starts(_OLE),
    ".ppt": _starts(_OLE),
    ".docx": _starts(_ZIP),
    ".xlsx": _starts(_ZIP),
    ".pptx": _starts(_ZIP),
    ".odt": _starts(_ZIP),
    ".ods": _starts(_ZIP),
    ".odp": _starts(_ZIP),
    ".zip": _starts(_ZIP),
    **IMAGE_TYPES,
}


@record
class FileKind:
    """What a field publishes: its name in messages, the types it allows, its size limit."""

    thai: str
    english: str
    noun: tuple[str, str]
    """How a type is named: ("รูปภาพชนิด", "image") makes "a .png image"."""
    types: dict[str, Callable[[bytes], bool]]
    limit: int
    svg: bool
    """Whether an inert SVG is allowed too."""

    def type_list(self) -> str:
        return ", ".join([*self.types, *([".svg"] if self.svg else [])])


LOGO = FileKind("โลโก้", "logo", ("รูปภาพชนิด", "image"), IMAGE_TYPES, 2_000_000, svg=True)
PHOTO = FileKind("รูปภาพ", "photo", ("รูปภาพชนิด", "image"), IMAGE_TYPES, 10_000_000, svg=True)
CHART = FileKind("แผนภูมิ", "chart", ("รูปภาพชนิด", "image"), IMAGE_TYPES, 10_000_000, svg=True)
DOCUMENT = FileKind("เอกสาร", "document", ("เอกสารชนิด", "document"), DOCUMENT_TYPES, 100_000_000, svg=False)


def content_problem(name: str, suffix: str, content: bytes, kind: FileKind) -> tuple[str, str] | None:
    """Why ``content`` may not be published as ``kind`` (Thai, English); None when it may."""
    if suffix == ".svg" and kind.svg:
        reason = svg_problem(content)
        if reason is None:
            return None
        return (
            f"ไฟล์ SVG '{name}' มีสคริปต์หรือส่วนที่ทำงานได้ ({reason[0]}) ซึ่งห้ามเผยแพร่ ให้ส่งออกรูปใหม่เป็น PNG",
            f"the SVG '{name}' contains scripts or active parts ({reason[1]}), which must not be published; export it as PNG",
        )
    check = kind.types.get(suffix)
    if check is None:
        return (
            f"ไฟล์{kind.thai}ต้องเป็น{kind.noun[0]} {kind.type_list()} แต่พบ '{name}'",
            f"the {kind.english} must be {'an' if kind.noun[1][0] in 'aeiou' else 'a'} {kind.noun[1]} of type {kind.type_list()}; found '{name}'",
        )
    if not check(content):
        return (
            f"ไฟล์ '{name}' ไม่ใช่{kind.noun[0]} {suffix} จริง (อาจเปลี่ยนนามสกุลไฟล์) ให้บันทึกไฟล์ใหม่",
            f"'{name}' is not really a {suffix} {kind.noun[1]} (was the extension renamed?); save the file again",
        )
    return None


_DECLARATIONS = re.compile(rb"<!(?:DOCTYPE|ENTITY)|<\?xml-stylesheet", re.IGNORECASE)
_SQUEEZE = re.compile(r"[\s\x00-\x1f]+")
_ACTIVE_SCHEMES = ("javascript:", "data:", "vbscript:")
_REFERENCE_ATTRIBUTES = {"href", "src"}
_OUTSIDE_URL = re.compile(r"url\(\s*['\"]?(?!#)", re.IGNORECASE)


def svg_problem(content: bytes) -> tuple[str, str] | None:
    """Why an SVG could act when opened at its own address (Thai, English); None when it is inert.

    Read with an XML parser, so a namespace prefix (``<s:script>``) or an entity (``javascript&#58;``)
    hides nothing; declarations, which could define entities, are refused before parsing.
    """
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return ("ไฟล์ไม่ได้บันทึกเป็น UTF-8", "the file is not UTF-8")
    if _DECLARATIONS.search(content):
        return ("มี DOCTYPE, ENTITY หรือ xml-stylesheet", "a DOCTYPE, ENTITY or xml-stylesheet declaration")
    try:
        root = ElementTree.fromstring(content)
    except ElementTree.ParseError:
        return ("อ่านเป็น XML ไม่ได้", "it is not well-formed XML")
    for element in root.iter():
        tag = _local(str(element.tag))
        if tag in ("script", "foreignObject", "iframe", "embed", "object"):
            return (f"องค์ประกอบ <{tag}>", f"a <{tag}> element")
        if tag == "style" and _OUTSIDE_URL.search(element.text or ""):
            return ("CSS ที่โหลดไฟล์จากภายนอก", "CSS that loads an outside file")
        for attribute, value in element.attrib.items():
            name = _local(attribute)
            squeezed = _SQUEEZE.sub("", value).lower()
            if name.lower().startswith("on"):
                return (f"คำสั่ง {name}=", f"an {name}= handler")
            if any(scheme in squeezed for scheme in _ACTIVE_SCHEMES):
                return ("ลิงก์ javascript: หรือ data:", "a javascript: or data: reference")
            if name in _REFERENCE_ATTRIBUTES and not squeezed.startswith("#"):
                return ("การอ้างอิงไฟล์ภายนอก", "a reference to an outside file")
            if _OUTSIDE_URL.search(value):
                return ("CSS ที่โหลดไฟล์จากภายนอก", "CSS that loads an outside file")
    return None


def _local(name: str) -> str:
    """``{http://www.w3.org/2000/svg}script`` → ``script``."""
    return name.rsplit("}", 1)[-1]
