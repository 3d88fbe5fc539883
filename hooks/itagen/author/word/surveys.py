"""The survey announcements (ประกาศ… เรื่อง การประเมินคุณธรรมและความโปร่งใส…) an office prints with its
report: the IIT and EIT links, the response window, the day announced and who signed.

An announcement runs from its ``ประกาศ<agency>`` heading (with ``เรื่อง`` under it) to the next one;
its signature is the announcement's, never a report's. A day the calendar lacks (``31 มิถุนายน``) is
written as the month's last day and named for review, as the office's own reading of it.
"""

from __future__ import annotations

import re
from typing import Any

from ...thai.dates import MONTHS_FULL, DateParseError, parse_thai_date, to_arabic_digits
from .blocks import Paragraph
from .review import Review
from .signatures import read_signatories
from .text import one_line

_HEADING = re.compile(r"^ประกาศ(?!\s*ณ)\S")
_SUBJECT = re.compile(r"^เรื่อง\s")
_LINK = re.compile(r"https?://[^\s<>\"']+/(iit|eit)/[^\s<>\"']+", re.IGNORECASE)
_MONTHS = "|".join(MONTHS_FULL)
_DAY = rf"(?:วันที่\s*)?\d{{1,2}}\s*(?:เดือน)?\s*(?:{_MONTHS})\s*(?:พ\.ศ\.)?\s*\d{{4}}"
_WINDOW = re.compile(rf"ตั้งแต่\s*({_DAY})\s*(?:จน)?\s*ถึง\s*({_DAY})")
_ANNOUNCED = re.compile(rf"ประกาศ\s*ณ\s*({_DAY})")


def announcement_ranges(paragraphs: list[Paragraph]) -> list[list[Paragraph]]:
    """The paragraphs of each announcement, heading first."""
    starts = [
        index
        for index, paragraph in enumerate(paragraphs)
        if _HEADING.match(one_line(paragraph.text))
        and len(one_line(paragraph.text)) <= 80
        and any(_SUBJECT.match(one_line(p.text)) for p in paragraphs[index + 1 : index + 4])
    ]
    return [
        paragraphs[start : (starts[i + 1] if i + 1 < len(starts) else len(paragraphs))]
        for i, start in enumerate(starts)
    ]


def read_surveys(announcements: list[list[Paragraph]], review: Review) -> dict[str, Any] | None:
    if not announcements:
        return None
    found: dict[str, Any] = {}
    signatory: dict[str, Any] | None = None
    for paragraphs in announcements:
        for paragraph in paragraphs:
            text = " ".join(to_arabic_digits(paragraph.text).split())
            used = False
            for link in _LINK.finditer(text):
                found.setdefault(link[1].lower(), link[0].rstrip(".,)"))
                used = True
            if (window := _WINDOW.search(text)) and "opens" not in found:
                found["opens"] = window[1]
                found["closes"] = _real_day(window[2], paragraph, review)
                used = True
            if (announced := _ANNOUNCED.search(text)) and "announced" not in found:
                found["announced"] = announced[1]
                used = True
            if used or _HEADING.match(text) or _SUBJECT.match(text):
                review.used_paragraphs.add(paragraph.number)
        signed = read_signatories(paragraphs, review)
        if signed and signatory is None:
            signatory = signed[0][1]
    if signatory is not None and {"opens", "closes", "announced"} <= found.keys():
        return {key: found[key] for key in ("opens", "closes", "announced", "iit", "eit") if key in found} | {
            "signatory": signatory
        }
    heading = announcements[0][0]
    review.paragraph(
        heading.number,
        heading.text,
        "ประกาศแบบวัดนี้ขาดวันเริ่ม/สิ้นสุดการตอบ วันที่ประกาศ หรือผู้ลงนาม จึงไม่ได้นำเข้า surveys: ใส่เอง",
        "this survey announcement lacks the response window, the day announced or its signer, so surveys: was not imported; add it yourself",
    )
    return None


def _real_day(text: str, paragraph: Paragraph, review: Review) -> str:
    try:
        parse_thai_date(text)
    except DateParseError as error:
        if error.impossible:
            day = parse_thai_date(re.sub(r"(?:วันที่\s*)?\d{1,2}\s*(?:เดือน)?\s*(?=\D)", "", text, count=1)).last_day
            written = f"{day.day} {MONTHS_FULL[day.month - 1]} {day.year + 543}"
            review.paragraph(
                paragraph.number,
                text,
                f"ไม่มีวันที่ '{text}' ในปฏิทิน จึงใส่วันสุดท้ายของเดือน ({written}) เป็น closes: ตรวจ",
                f"'{text}' is not a day of the calendar, so the month's last day ({written}) was written as closes: check it",
            )
            return written
    return text
