"""Counting how many facts of a year an import got right: every score, every field of every measure,
every signatory's role, prefix, name and position, every progress item's status and actions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from itagen.records.fiscal_year import FiscalYear, Measure, Period, Signatory


@dataclass
class Tally:
    right: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.right + len(self.wrong)

    def check(self, what: str, found: Any, expected: Any) -> None:
        if found == expected:
            self.right += 1
        else:
            self.wrong.append(f"{what}: found {found!r}, expected {expected!r}")


def _period(period: Period | None) -> Any:
    if period is None:
        return None
    return (period.start, period.end, period.whole_fiscal_year)


def _measure(tally: Tally, index: int, found: Measure | None, expected: Measure, fields: tuple[str, ...]) -> None:
    for name in fields:
        want = getattr(expected, name)
        got = getattr(found, name) if found is not None else None
        if name == "period":
            want, got = _period(want), _period(got)
        if want in (None, []) and got in (None, []):
            continue
        tally.check(f"measure {index + 1} {name}", got, want)


def _signatories(tally: Tally, where: str, found: list[Signatory], expected: list[Signatory]) -> None:
    for index, want in enumerate(expected):
        got = found[index] if index < len(found) else None
        for name in ("role", "prefix", "name", "position"):
            value = getattr(want, name)
            if value is None and (got is None or getattr(got, name) is None):
                continue
            tally.check(f"{where} signatory {index + 1} {name}", getattr(got, name) if got else None, value)
    for extra in found[len(expected) :]:
        tally.wrong.append(f"{where}: an invented signatory {extra!r}")


MEASURE_FIELDS = (
    "title",
    "indicators",
    "issue",
    "questions",
    "projects",
    "analysis",
    "approach",
    "steps",
    "responsible",
    "period",
    "follow_up",
)


def compare(found: FiscalYear, expected: FiscalYear, *, measure_fields: tuple[str, ...] = MEASURE_FIELDS) -> Tally:
    tally = Tally()
    tally.check("fiscal_year", found.fiscal_year, expected.fiscal_year)
    if expected.assessment is not None:
        got, want = found.assessment, expected.assessment
        for name in ("ita_year", "overall_score", "level", "announced"):
            if getattr(want, name) is not None or (got and getattr(got, name) is not None):
                tally.check(name, getattr(got, name) if got else None, getattr(want, name))
        for name in ("iit", "eit", "oit", "eit_parts"):
            if getattr(want.tools, name) not in (None, []) or (got and getattr(got.tools, name) not in (None, [])):
                tally.check(f"tools.{name}", getattr(got.tools, name) if got else None, getattr(want.tools, name))
        scores = {i.number: (i.score, i.name) for i in got.indicators} if got else {}
        for indicator in want.indicators:
            tally.check(
                f"indicator {indicator.number}", scores.pop(indicator.number, None), (indicator.score, indicator.name)
            )
        for number in scores:
            tally.wrong.append(f"an invented indicator {number}")
    measures = found.measures.items if found.measures else []
    for index, measure in enumerate(expected.measures.items if expected.measures else []):
        _measure(tally, index, measures[index] if index < len(measures) else None, measure, measure_fields)
    for extra in measures[len(expected.measures.items) if expected.measures else 0 :]:
        tally.wrong.append(f"an invented measure {extra.title!r}")
    _signatories(
        tally,
        "measures",
        found.measures.signatories if found.measures else [],
        expected.measures.signatories if expected.measures else [],
    )
    for index, report in enumerate(expected.progress_reports):
        got_report = found.progress_reports[index] if index < len(found.progress_reports) else None
        tally.check(f"report {index + 1} round", got_report.round if got_report else None, report.round)
        for number, item in enumerate(report.items):
            got_item = got_report.items[number] if got_report and number < len(got_report.items) else None
            for name in ("status", "actions", "outputs", "outcomes"):
                value = getattr(item, name)
                if value in (None, []):
                    continue
                tally.check(f"report {index + 1} item {number + 1} {name}", getattr(got_item, name, None), value)
        _signatories(tally, f"report {index + 1}", got_report.signatories if got_report else [], report.signatories)
    if expected.surveys is not None:
        surveys = found.surveys
        for name in ("opens", "closes", "announced", "iit", "eit"):
            tally.check(f"surveys {name}", getattr(surveys, name, None), getattr(expected.surveys, name))
        _signatories(tally, "surveys", [surveys.signatory] if surveys else [], [expected.surveys.signatory])
    elif found.surveys is not None:
        tally.wrong.append("invented surveys")
    return tally
