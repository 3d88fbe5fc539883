"""OIT checklists: the items NACC's assessors look for on an agency's website, one list per ITA year.

The lists ship with the engine in ``checklists/ita-<year>.yml`` (made once from the project's
reference table by ``tools/make_oit_checklists.py``). NACC changes the list every year and sectors
have variants, so a site picks a list per fiscal year, may bring its own file, and may correct or
add items (``ItemCorrection``) in ``data/oit/<fiscal year>.yml``.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .errors import DataError, Location
from .schema import INVALID, Validator, load_record
from .yaml_source import YamlList, YamlMap, load_yaml_file

BUILTIN_DIR = Path(__file__).resolve().parent / "checklists"

EvidencePeriod = Literal["current", "assessed_year", "previous_year", "months_so_far"]
"""Which time the evidence must cover: standing information, the assessed fiscal year, the year
before it, or the months of the assessed year so far (monthly statistics)."""

PERIOD_NAMES: dict[str, str] = {
    "current": "ข้อมูลปัจจุบัน",
    "assessed_year": "ปีงบประมาณที่ประเมิน",
    "previous_year": "ปีงบประมาณก่อนหน้า",
    "months_so_far": "รายเดือนของปีงบประมาณที่ประเมินจนถึงปัจจุบัน",
}

_CODE = re.compile(r"^[A-Za-z]{1,3}[0-9]{1,3}$")


@dataclass(frozen=True)
class ChecklistItem:
    code: str
    """As NACC numbers it: O1 … O43."""
    name: str
    group: str | None = None
    english: str | None = None
    checks: str | None = None
    """What the assessor looks for (notes, in the language the source gave them)."""
    period: EvidencePeriod = "current"
    suggested: list[str] = field(default_factory=list)
    """Pages that usually answer the item, shown as a hint while it is missing."""
    note: str | None = None
    sources: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Checklist:
    ita_year: int = field(metadata={"minimum": 2500, "maximum": 2700})
    items: list[ChecklistItem]
    scope: str | None = None
    confidence: str | None = None

    def item(self, code: str) -> ChecklistItem | None:
        return next((i for i in self.items if i.code == code), None)

    @property
    def codes(self) -> list[str]:
        return [i.code for i in self.items]


@dataclass(frozen=True)
class ItemCorrection:
    """A change to one item of the chosen list, or a new item when the code is not in it."""

    code: str
    name: str | None = None
    group: str | None = None
    english: str | None = None
    checks: str | None = None
    period: EvidencePeriod | None = None
    suggested: list[str] | None = None
    note: str | None = None


def builtin_names() -> list[str]:
    """``ita-2564`` … : the lists that ship with the engine."""
    return sorted(p.stem for p in BUILTIN_DIR.glob("ita-*.yml"))


def normalise_code(code: str) -> str:
    return code.strip().upper()


def load_checklist(path: Path, validator: Validator) -> Checklist:
    """Read one checklist file; codes must be well formed and unique."""
    try:
        raw = load_yaml_file(path)
    except DataError as exc:
        validator.errors.extend(exc.problems)
        return INVALID  # type: ignore[no-any-return]
    checklist = load_record(Checklist, raw, path, validator)
    if checklist is INVALID:
        return INVALID
    items = [dataclasses.replace(i, code=normalise_code(i.code)) for i in checklist.items]
    raw_items = raw.get("items") if isinstance(raw, YamlMap) else None
    lines = raw_items.item_lines if isinstance(raw_items, YamlList) else []
    for index, item in enumerate(items):
        where = Location(path, lines[index] if index < len(lines) else None, f"items[{index + 1}].code")
        check_code(item.code, where, validator)
        if item.code in [i.code for i in items[:index]]:
            validator.error(where, f"รหัสข้อ {item.code} ซ้ำกัน", f"item code {item.code} is listed twice")
    return dataclasses.replace(checklist, items=items)


def check_code(code: str, where: Location, validator: Validator) -> bool:
    if _CODE.match(code):
        return True
    validator.error(
        where,
        f"รหัสข้อต้องเป็นตัวอักษรตามด้วยตัวเลข เช่น O1 แต่พบ '{code}'",
        f"an item code is letters then digits, such as O1; found '{code}'",
    )
    return False


def choose_checklist(
    name: str | None, fiscal_year: int, data_dir: Path, where: Location, validator: Validator
) -> Checklist:
    """A built-in list by name (default ``ita-<fiscal year>``) or a file under the data directory."""
    chosen = name or f"ita-{fiscal_year}"
    if chosen in builtin_names():
        return load_checklist(BUILTIN_DIR / f"{chosen}.yml", validator)
    own = (data_dir / chosen).resolve()
    if chosen.endswith((".yml", ".yaml")) and own.is_file() and own.is_relative_to(data_dir.resolve()):
        return load_checklist(own, validator)
    known = ", ".join(builtin_names())
    guess = difflib.get_close_matches(chosen, builtin_names(), n=1)
    hint = f" (หมายถึง {guess[0]} หรือไม่? / did you mean {guess[0]}?)" if guess else ""
    if name is None:
        return validator.error(  # type: ignore[no-any-return]
            where,
            f"ไม่มีรายการตรวจ OIT ในตัวระบบสำหรับปี {fiscal_year} ระบุ checklist: เป็นรายการที่มี ({known}) หรือไฟล์ของหน่วยงานเอง",
            f"no built-in OIT checklist for {fiscal_year}; set checklist: to one of ({known}) or to your own file",
        )
    return validator.error(  # type: ignore[no-any-return]
        where,
        f"ไม่พบรายการตรวจ '{chosen}'{hint} ใช้ได้: {known} หรือชื่อไฟล์ .yml ในโฟลเดอร์ข้อมูล",
        f"checklist '{chosen}' not found; use one of {known} or a .yml file inside the data directory",
    )


def apply_corrections(
    checklist: Checklist, corrections: list[ItemCorrection], where: Location, validator: Validator
) -> Checklist:
    """The site's own wording, periods or extra items laid over the chosen list."""
    items = list(checklist.items)
    for index, correction in enumerate(corrections):
        at = where.child(index).child("code")
        code = normalise_code(correction.code)
        if not check_code(code, at, validator):
            continue
        changes = {
            f.name: getattr(correction, f.name)
            for f in dataclasses.fields(correction)
            if f.name != "code" and getattr(correction, f.name) is not None
        }
        position = next((i for i, item in enumerate(items) if item.code == code), None)
        if position is not None:
            items[position] = dataclasses.replace(items[position], **changes)
        elif correction.name is None:
            validator.error(
                at,
                f"ข้อ {code} ไม่มีในรายการตรวจ ITA {checklist.ita_year} หากเป็นข้อใหม่ต้องระบุ name: ด้วย",
                f"item {code} is not in the ITA {checklist.ita_year} list; a new item needs a name:",
            )
        else:
            items.append(ChecklistItem(code=code, **changes))
    return dataclasses.replace(checklist, items=items)
