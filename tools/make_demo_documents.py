"""One-off: write the demo agency's small PDF documents, executive photos and emblem into data/.

    .venv/bin/python tools/make_demo_documents.py data

The PDFs are minimal but valid (one page, Helvetica text, correct cross-reference table); their
text is ASCII because the standard PDF fonts have no Thai. Photos and the emblem are drawn placeholders.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

AGENCY = "Ban Sathit Subdistrict Municipality (fictional demo agency)"
DOCUMENTS = {
    "local-development-plan-2566-2570": "Local development plan, fiscal years 2566-2570",
    "action-plan-2569": "Annual action plan, fiscal year 2569",
    "budget-spending-plan-2569": "Annual budget spending plan, fiscal year 2569",
    "annual-report-2568": "Annual performance report, fiscal year 2568",
    "work-manual": "Staff work manual: revenue collection and complaint handling",
    "service-guide": "Service guide for the public (Licensing Facilitation Act)",
    "e-service-statistics-2569": "E-Service statistics, October 2568 - March 2569",
    "procurement-monthly-2569": "Monthly procurement summaries, October 2568 - March 2569",
    "procurement-report-2568": "Annual procurement report with analysis, fiscal year 2568",
    "hr-plan-2569": "HR management and development plan and criteria, fiscal year 2569",
    "hr-report-2568": "HR management and development report, fiscal year 2568",
    "ethics-code": "Code of ethics and ethics promotion, fiscal year 2569",
    "complaint-guideline": "Guideline for handling corruption and misconduct complaints",
    "complaint-statistics-2569": "Corruption complaint statistics, October 2568 - March 2569",
    "participation-2569": "Public participation report: community forum on the local plan, 2569",
    "no-gift-declaration-2569": "No Gift Policy declaration of the mayor, fiscal year 2569",
    "gift-report-2568": "Report on gifts received according to custom, fiscal year 2568",
    "risk-assessment-2569": "Corruption risk assessment, fiscal year 2569",
    "risk-report-2568": "Corruption risk management results, fiscal year 2568",
    "anti-corruption-plan-2569": "Anti-corruption action plan, fiscal year 2569",
    "anti-corruption-report-2568": "Anti-corruption results report, fiscal year 2568",
}
PHOTOS = {"mayor": (40, 53, 147), "deputy-1": (0, 105, 92), "deputy-2": (142, 36, 170), "clerk": (191, 54, 12)}


def _pdf_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def minimal_pdf(lines: list[str]) -> bytes:
    """A one-page A4 PDF showing ``lines`` in Helvetica."""
    stream = "BT /F1 14 Tf 56 780 Td 20 TL\n" + "".join(f"({_pdf_text(line)}) Tj T*\n" for line in lines) + "ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("latin-1")
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode("latin-1")
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode("latin-1")
    return bytes(out)


def placeholder_photo(colour: tuple[int, int, int]) -> Image.Image:
    """A 240x300 portrait silhouette on a coloured background."""
    image = Image.new("RGB", (240, 300), colour)
    draw = ImageDraw.Draw(image)
    draw.ellipse((75, 50, 165, 140), fill=(238, 238, 238))
    draw.ellipse((30, 160, 210, 380), fill=(238, 238, 238))
    return image


def placeholder_emblem() -> Image.Image:
    """A 240x240 round emblem: a stylised lotus over water, drawn, not any real agency's seal."""
    image = Image.new("RGBA", (240, 240), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((4, 4, 236, 236), fill=(21, 101, 192), outline=(13, 71, 161), width=6)
    draw.ellipse((24, 24, 216, 216), fill=(255, 255, 255))
    for left in (60, 95, 130):
        draw.ellipse((left, 70, left + 50, 150), fill=(216, 27, 96))
    draw.rectangle((50, 150, 190, 160), fill=(46, 125, 50))
    for top in (170, 185):
        draw.arc((50, top - 10, 190, top + 10), 0, 180, fill=(21, 101, 192), width=5)
    return image


def main(data_dir: Path) -> None:
    documents = data_dir / "documents"
    documents.mkdir(parents=True, exist_ok=True)
    for name, title in DOCUMENTS.items():
        lines = ["DEMO DOCUMENT - NOT A REAL PUBLICATION", "", AGENCY, "", title]
        (documents / f"{name}.pdf").write_bytes(minimal_pdf(lines))
    people = data_dir / "images" / "people"
    people.mkdir(parents=True, exist_ok=True)
    for name, colour in PHOTOS.items():
        placeholder_photo(colour).save(people / f"{name}.png", optimize=True)
    placeholder_emblem().save(data_dir / "images" / "emblem.png", optimize=True)
    print(f"{len(DOCUMENTS)} documents, {len(PHOTOS)} photos and an emblem written under {data_dir}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
