"""Reading OIT checklists: the items NACC's assessors look for on an agency's website, one list per ITA year.

The lists ship with the engine in ``nacc_checklists/ita-<year>.yml`` (made once from the project's
reference table by ``tools/make_oit_checklists.py``). NACC changes the list every year and sectors
have variants, so a site picks a list per fiscal year, may bring its own file, and may correct or
add items (``ItemCorrection``) in ``data/oit/<fiscal year>.yml``.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from pathlib import Path

from ..problems import DataError, Location
from ..records.oit import Checklist, ChecklistItem, ItemCorrection, normalise_code
from ..source.yaml_tree import YamlList, YamlMap
from .schema import INVALID, Validator, load_record
from .sources import SourceFiles

BUILTIN_DIR = Path(__file__).resolve().parent / "nacc_checklists"

_CODE = re.compile(r"^[A-Za-z]{1,3}[0-9]{1,3}$")


def builtin_names() -> list[str]:
    """``ita-2564`` … : the lists that ship with the engine."""
    return sorted(p.stem for p in BUILTIN_DIR.glob("ita-*.yml"))


def load_checklist(path: Path, sources: SourceFiles, validator: Validator) -> Checklist:
    """Read one checklist file; codes must be well formed and unique."""
    try:
        document = sources.read(path)
    except DataError as exc:
        validator.errors.extend(exc.problems)
        return INVALID  # type: ignore[no-any-return]
    checklist = load_record(Checklist, document, validator)
    if checklist is INVALID:
        return INVALID
    items = [dataclasses.replace(i, code=normalise_code(i.code)) for i in checklist.items]
    raw = document.root
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
    name: str | None, fiscal_year: int, data_dir: Path, where: Location, sources: SourceFiles, validator: Validator
) -> Checklist:
    """A built-in list by name (default ``ita-<fiscal year>``) or a file under the data directory."""
    chosen = name or f"ita-{fiscal_year}"
    if chosen in builtin_names():
        return load_checklist(BUILTIN_DIR / f"{chosen}.yml", sources, validator)
    own = (data_dir / chosen).resolve()
    if chosen.endswith((".yml", ".yaml")) and own.is_file() and own.is_relative_to(data_dir.resolve()):
        return load_checklist(own, sources, validator)
    known = ", ".join(builtin_names())
    guess = difflib.get_close_matches(chosen, builtin_names(), n=1)
    hint = f" (หมายถึง {guess[0]} หรือไม่? / did you mean {guess[0]}?)" if guess else ""
    if name is None and (earlier := _nearest_earlier(fiscal_year)) is not None:
        validator.warn(
            where,
            f"ระบบยังไม่มีรายการตรวจ OIT ของปี {fiscal_year} จึงใช้รายการ {earlier} ที่ใกล้ที่สุดไปก่อน เมื่อ ป.ป.ช. ประกาศรายการของปีนี้ "
            f"ให้เทียบแล้วระบุ checklist: {earlier} พร้อม corrections: สำหรับข้อที่เปลี่ยน (ดู data/README.md หัวข้อ OIT) หรือใช้ไฟล์รายการของหน่วยงานเอง",
            f"there is no built-in OIT checklist for {fiscal_year}, so the nearest earlier one, {earlier}, is used; once NACC "
            f"publishes this year's list, compare it and set checklist: {earlier} with corrections: for the items that "
            "changed (see data/README.md, OIT), or use a list file of your own",
        )
        return load_checklist(BUILTIN_DIR / f"{earlier}.yml", sources, validator)
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


def _nearest_earlier(fiscal_year: int) -> str | None:
    """``ita-2566`` for 2567: the newest built-in list older than the year, or None."""
    years = [int(name.removeprefix("ita-")) for name in builtin_names()]
    earlier = [year for year in years if year < fiscal_year]
    return f"ita-{max(earlier)}" if earlier else None


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
