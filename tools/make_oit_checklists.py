"""One-off: turn the reference table of OIT items into the engine's checklist files.

Run by hand when the reference table changes; the project never reads the table itself:

    .venv/bin/python tools/make_oit_checklists.py ../shared/reference/oit-items.tsv hooks/itagen/load/nacc_checklists

The ITA 2566 list is not in that table (it holds only O1-O4 of it); its 43 names and indicators are
read from the table in ``oit-2566.md`` beside it, and what that table does not give (English glosses,
periods, sources) is set here.

The table's ``rules`` column mixes what the assessor checks with where it was seen; the brackets
(sources) are kept apart from the checks. Which period the evidence must cover and which generated
page usually answers an item are judgements made here, item by item, from the rules text.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path
from typing import Any

import yaml

# Which period an item's evidence must cover: c = current information, a = the assessed fiscal
# year, p = the previous fiscal year, m = the months of the assessed year so far.
PERIOD_CODES = {"c": "current", "a": "assessed_year", "p": "previous_year", "m": "months_so_far"}
PERIODS = {  # one letter per item, O1 first; spaces only for reading
    2564: "cccacca ccamp ccmpcam paamp cacp ccmca aaaaaam pa a",
    2566: "cccacca ccc ampccmpc aamp cacp ccma aaa aaamp cap aa",
    2568: "cccaaap cccmmp apa ccmaa aap ap",
    2569: "cccaaap cccmp apa ccma aap apap",
}

# Pages that usually answer an item (see data/README.md, "OIT"): hints shown for missing items.
SUGGESTED = {
    2564: {
        "O1": ["structure"],
        "O2": ["executives"],
        "O3": ["duties"],
        "O5": ["contact"],
        "O7": ["news"],
        "O8": ["contact#qa"],
        "O9": ["contact#social"],
        "O17": ["e-services"],
        "O30": ["complaints"],
        "O32": ["participation"],
        "O42": ["measures"],
        "O43": ["progress-6-month"],
    },
    2566: {
        "O1": ["structure"],
        "O2": ["executives"],
        "O3": ["duties"],
        "O5": ["contact"],
        "O7": ["news"],
        "O8": ["contact#qa"],
        "O9": ["contact#social"],
        "O18": ["e-services"],
        "O28": ["complaints"],
        "O30": ["participation"],
        "O31": ["no-gift"],
        "O42": ["measures"],
        "O43": ["progress-6-month"],
    },
    2568: {
        "O1": ["structure", "duties"],
        "O2": ["executives"],
        "O3": ["contact"],
        "O4": ["news"],
        "O10": ["e-services"],
        "O18": ["complaints"],
        "O20": ["participation"],
        "O21": ["no-gift"],
        "O25": ["measures"],
        "O26": ["previous/progress-12-month"],
    },
    2569: {
        "O1": ["structure", "duties"],
        "O2": ["executives"],
        "O3": ["contact"],
        "O4": ["news"],
        "O10": ["e-services"],
        "O17": ["complaints"],
        "O19": ["participation"],
        "O20": ["no-gift"],
        "O25": ["analysis", "measures"],
        "O26": ["previous/progress-12-month"],
    },
}

# The 2569 source gives no groups; these follow the 2568 grouping of the same subjects.
GROUPS_2569 = [
    (4, "9.1 ข้อมูลพื้นฐาน"),
    (10, "9.2 การบริหารงานและการใช้จ่ายงบประมาณ"),
    (12, "9.3 การจัดซื้อจัดจ้าง"),
    (15, "9.4 การบริหารและพัฒนาทรัพยากรบุคคล"),
    (19, "9.5 การส่งเสริมความโปร่งใส"),
    (22, "10.1 การดำเนินการเพื่อป้องกันการทุจริต"),
    (26, "10.2 การส่งเสริมคุณธรรมและความโปร่งใส"),
]

# Corrections found after the table was made, by checking names and rules against public sources
# (NACC news, press quoting NACC, agency pages, other public code): fields replaced per item, and the
# confidence of the corrected item with why.
CORRECTIONS: dict[tuple[int, str], dict[str, str]] = {
    (2568, "O6"): {
        "name": "แผนและความก้าวหน้าในการดำเนินงานและการใช้จ่ายงบประมาณประจำปี",
        "checks": "The annual operating and budget plan AND its progress so far in the assessed fiscal year "
        "(progress report), not the plan alone",
        "confidence": "medium",
        "why": "name seen in a public ITA seeder and an agency CMS menu; the item asks for plan and progress",
    },
    (2569, "O6"): {
        "name": "แผนและความก้าวหน้าในการดำเนินงานและการใช้จ่ายงบประมาณประจำปี",
        "checks": "The annual operating and budget plan AND its progress so far in the assessed fiscal year "
        "(progress report), not the plan alone",
        "confidence": "medium",
        "why": "2568 name kept (the 2569 source did not change O5-O9), corrected as 2568 O6",
    },
    (2568, "O10"): {"name": "E-Service", "confidence": "high", "why": "hyphen as every other source writes it"},
    (2569, "O10"): {"name": "E-Service", "confidence": "high", "why": "hyphen as every other source writes it"},
    (2569, "O15"): {
        "name": "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม",
        "confidence": "medium",
        "why": "the single 2569 source drops และ; 2568 O16 and the school list have it",
    },
    (2569, "O18"): {
        "confidence": "low",
        "why": "period inferred: one agency labels it the previous fiscal year, OVEC's rule the first months",
    },
}
GROUP_CORRECTIONS = {2568: {"10.2 การส่งเสริมคุณธรรมและความโปร่งใส / มาตรการภายใน": "10.2 การส่งเสริมคุณธรรมและความโปร่งใส"}}
INFERRED_GROUPS = {2569: "group inferred: the 2569 source gives no group names; 2568's grouping of the same subjects"}

HEADER = {
    2564: ("high", "NACC general list (43 items), names seen on several agencies' ITA 2564 pages"),
    2565: ("high", "NACC general list (43 items), unchanged from ITA 2564"),
    2566: ("medium", "NACC general list (43 items) as agencies' own ITA 2566 OIT pages show it; no NACC manual found"),
    2568: ("medium", "NACC general list (26 items); names of O5-O7 and O25-O26 inferred"),
    2569: ("low-medium", "NACC general list (26 items) as one agency published it; groups inferred"),
}

# ITA 2566: the reference gives code, indicator and name only; these are the indicators' names, the
# English glosses, and where each name was seen (agencies' own 2566 OIT pages, as the reference says).
INDICATORS_2566 = {"9": "9 การเปิดเผยข้อมูล", "10": "10 การป้องกันการทุจริต"}
ENGLISH_2566 = [
    "Organisation structure",
    "Executives",
    "Duties and powers",
    "Strategic / development plan",
    "Contact information",
    "Related laws",
    "News / public relations",
    "Q&A channel",
    "Social network",
    "Personal data protection policy",
    "Annual operating and budget plan",
    "6-month operations and budget monitoring report",
    "Annual performance report",
    "Staff work manual/standard",
    "Service manual/standard",
    "Service statistics",
    "Service satisfaction survey report",
    "E-Service",
    "Procurement plan",
    "Procurement announcements",
    "Monthly procurement summary",
    "Annual procurement report",
    "HR policy or plan",
    "Implementation of the HR policy or plan",
    "HR management & development criteria",
    "Annual HR report",
    "Corruption-complaint handling guideline",
    "Corruption-complaint channel",
    "Corruption-complaint statistics",
    "Public participation",
    "No Gift Policy declaration",
    "Building a No Gift culture",
    "No Gift Policy report",
    "Annual corruption-risk assessment",
    "Actions to manage corruption risk",
    "Anti-corruption action plan",
    "6-month anti-corruption monitoring report",
    "Annual anti-corruption report",
    "Code of ethics for state officials",
    "Ethics mobilisation",
    "Ethics assessment of state officials",
    "Internal integrity & transparency measures",
    "Implementation of the measures",
]
SOURCES_2566 = {
    "all": "thapthan.ac.th OIT 2566: a school's ITA page listing all 43 items, with 2565/2566 reports as evidence",
    "no-gift-ethics": "75010020.skm.go.th: OIT pages marked ปี พ.ศ. 2566 with the same names",
    "O25": "sakaeoschool.ac.th oit2023: the 2023 OIT page names O25",
}
SOURCED_2566 = {
    "no-gift-ethics": {"O19", "O20", "O31", "O32", "O33", "O39", "O40", "O41"},
    "O25": {"O25"},
}
NOTES_2566 = {
    "O4": "hpc4.anamai.moph.go.th/th/oit-2566 shows ข้อมูลการติดต่อ as O4: if the agency's list numbers the "
    "contact item O4, correct it with corrections:",
    "O10": "new in 2566: not in the 2564/2565 list",
    "O39": "new in 2566 with O40-O41: ethics items",
}
_TABLE_ROW = re.compile(r"^\|\s*(O\d+)\s*\|\s*(\d+)\s*\|\s*(.+?)\s*\|\s*$")

_BRACKETS = re.compile(r"\s*\[([^\]]*)\]")
_NOTE = re.compile(r"\s*\(([^()]*(?:inferred|unchanged|unconfirmed|not found)[^()]*(?:\([^()]*\))?[^()]*)\)\s*$")


def _split_rules(rules: str) -> tuple[str, list[str]]:
    sources = [s.strip() for s in _BRACKETS.findall(rules)]
    checks = _BRACKETS.sub("", rules).strip().rstrip(";").strip()
    return ("" if checks == "UNKNOWN" else checks), sources


def _split_name(name: str) -> tuple[str, str]:
    match = _NOTE.search(name)
    if not match:
        return name.strip(), ""
    return name[: match.start()].strip(), match[1].strip()


def _group(year: int, code: str, group: str) -> str:
    if year == 2569:
        number = int(code[1:])
        return next(name for last, name in GROUPS_2569 if number <= last)
    name = group.replace(" (inferred)", "").strip()
    return GROUP_CORRECTIONS.get(year, {}).get(name, name)


def _confidence(year: int, note: str, checks: str) -> str:
    """An item's own confidence: its list's, or low when its name or rules were inferred."""
    inferred = "inferred" in note.lower() or checks.upper().startswith("INFERRED")
    return "low" if inferred else HEADER[year][0].split("-")[-1]


def _items(rows: list[dict[str, str]], year: int, fallback: dict[str, dict[str, str]]) -> list[dict[str, Any]]:
    periods = PERIODS[year].replace(" ", "")
    assert len(periods) == len(rows), (year, len(periods), len(rows))
    items = []
    for index, row in enumerate(rows):
        code = row["code"]
        name, note = _split_name(row["thai_name"])
        if not name:  # "(not found; probably unchanged from 2568 O6)": use that year's name
            name, note = _split_name(fallback[code]["thai_name"])[0], f"{note}; the 2568 name is used"
        checks, sources = _split_rules(row["rules"])
        item: dict[str, Any] = {"code": code, "group": _group(year, code, row["group"]), "name": name}
        item["english"] = row["english_gloss"].strip()
        if checks:
            item["checks"] = checks
        item["period"] = PERIOD_CODES[periods[index]]
        if code in SUGGESTED[year]:
            item["suggested"] = SUGGESTED[year][code]
        item["confidence"] = _confidence(year, note, checks)
        notes = [note] if note else []
        if item["confidence"] == "low" and not note:
            notes.append("inferred from public agency pages, not from NACC's own list (see checks)")
        if year in INFERRED_GROUPS:
            notes.append(INFERRED_GROUPS[year])
        if (correction := CORRECTIONS.get((year, code))) is not None:
            for field in ("name", "checks"):
                if field in correction:
                    item[field] = correction[field]
            item["confidence"] = correction["confidence"]
            notes.append(f"corrected: {correction['why']}")
        if notes:
            item["note"] = "; ".join(notes)
        if sources:
            item["sources"] = sources
        items.append(item)
    return items


def _items_2566(reference: Path, seen: list[dict[str, str]]) -> list[dict[str, Any]]:
    """The 2566 list from the reference's Markdown table: code, indicator and name per row; the rules
    of the few items the main table saw in 2566 (``seen``) where the name is the same."""
    rules = {row["code"]: row for row in seen}
    rows = [m.groups() for line in reference.read_text(encoding="utf-8").splitlines() if (m := _TABLE_ROW.match(line))]
    periods = PERIODS[2566].replace(" ", "")
    assert len(rows) == len(periods) == len(ENGLISH_2566) == 43, (len(rows), len(periods), len(ENGLISH_2566))
    items = []
    for index, (code, indicator, name) in enumerate(rows):
        assert code == f"O{index + 1}", code
        item: dict[str, Any] = {"code": code, "group": INDICATORS_2566[indicator], "name": name}
        item["english"] = ENGLISH_2566[index]
        checks, seen_at = (
            _split_rules(rules[code]["rules"]) if rules.get(code, {}).get("thai_name") == name else ("", [])
        )
        if checks:
            item["checks"] = checks
        item["period"] = PERIOD_CODES[periods[index]]
        if code in SUGGESTED[2566]:
            item["suggested"] = SUGGESTED[2566][code]
        item["confidence"] = HEADER[2566][0]
        if code in NOTES_2566:
            item["note"] = NOTES_2566[code]
        sources = [SOURCES_2566[key] for key, codes in SOURCED_2566.items() if code in codes]
        item["sources"] = [SOURCES_2566["all"], *sources, *seen_at]
        items.append(item)
    return items


def main(table: Path, out_dir: Path) -> None:
    with table.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    by_year: dict[int, list[dict[str, str]]] = {}
    for row in rows:
        by_year.setdefault(int(row["year"][:4]), []).append(row)
    names_2568 = {r["code"]: r for r in by_year[2568]}
    out_dir.mkdir(parents=True, exist_ok=True)
    for ita_year, source_year in ((2564, 2564), (2565, 2564), (2566, 2566), (2568, 2568), (2569, 2569)):
        if ita_year == 2566:
            items = _items_2566(table.parent / "oit-2566.md", by_year[2566])
        else:
            items = _items(by_year[source_year], source_year, names_2568)
        confidence, scope = HEADER[ita_year]
        document = {"ita_year": ita_year, "scope": scope, "confidence": confidence, "items": items}
        text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
        heading = (
            f"# OIT checklist of ITA {ita_year}, generated by tools/make_oit_checklists.py from the project's\n"
            "# reference table. A site corrects or extends it in data/oit/<fiscal year>.yml (see data/README.md).\n"
        )
        (out_dir / f"ita-{ita_year}.yml").write_text(heading + text, encoding="utf-8")
        print(f"ita-{ita_year}.yml: {len(items)} items")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
